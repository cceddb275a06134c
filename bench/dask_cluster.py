"""Dask benchmark: coding real articles over a local Dask cluster of 1 and 2 worker processes,
the scheduler's overhead per partition, and an ingest into PostgreSQL coded by 2 workers.

    .venv/bin/python bench/dask_cluster.py [--articles 400] [--db postgresql://…]

Prints one table. Articles/s count coding only (the cluster is started and each worker has
built its coder before the clock starts); the overhead is the time per task of chunks whose
coder does nothing. The PostgreSQL line needs --db (a database there is emptied first). Say
the machine's load with the figures: on shared cores they move with it. Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from pathlib import Path

from marsad.reading.article import Article
from marsad.run import CoderSpec, make_executor
from marsad.run.dask import DaskExecutor


class _Nothing:
    def code(self, article: Article) -> list:
        return []


@dataclass(frozen=True)
class NothingSpec(CoderSpec):
    """A coder that codes nothing: what is left is the scheduler's and the transport's time."""

    def build(self) -> _Nothing:  # type: ignore[override]
        return _Nothing()


def corpus(path: Path, n: int) -> list[Article]:
    from marsad.reading.sources import read_articles

    zips = sorted(str(p) for p in path.glob("*.zip"))
    found: list[Article] = []
    for article in read_articles(zips, lambda issue: None):
        found.append(article)
        if len(found) == n:
            break
    return found


def rate(executor, articles: list[Article]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    events = sum(len(o.lines) for o in executor.code(articles, render=True))
    return len(articles) / (time.perf_counter() - started), events


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--tasks", type=int, default=300, help="empty tasks for the overhead")
    parser.add_argument("--db", help="a postgresql:// URL for the ingest line")
    args = parser.parse_args()
    articles = corpus(Path(args.corpus), args.articles)
    rows: list[tuple[str, str]] = [("machine", f"{os.cpu_count()} cores, load "
                                    f"{os.getloadavg()[0]:.1f} at start")]
    serial, events = rate(make_executor(1), articles)
    rows.append(("serial (this process)", f"{serial:.1f} articles/s ({events} events)"))
    for workers in (1, 2):
        with DaskExecutor(CoderSpec(), workers) as executor:
            list(executor.code(articles[:workers * 2], render=True))      # coders built
            speed, _ = rate(executor, articles)
            rows.append((f"dask, {workers} worker(s)", f"{speed:.1f} articles/s"))
    with DaskExecutor(NothingSpec(), 2, chunksize=1) as executor:
        list(executor.code(articles[:4]))
        started = time.perf_counter()
        list(executor.code([articles[0]] * args.tasks))
        per_task = (time.perf_counter() - started) / args.tasks
        rows.append(("scheduler overhead per partition", f"{per_task * 1000:.1f} ms "
                     f"({args.tasks} one-article tasks, 2 workers)"))
    if args.db:
        rows.extend(pg_ingest(args.db, articles))
    rows.append(("load at end", f"{os.getloadavg()[0]:.1f}"))
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def pg_ingest(db: str, articles: list[Article]) -> list[tuple[str, str]]:
    import psycopg

    from marsad import Store

    rows = []
    for label, make in (("PostgreSQL ingest, serial", lambda: make_executor(1)),
                        ("PostgreSQL ingest, dask 2 workers", lambda: DaskExecutor(CoderSpec(), 2))):
        with psycopg.connect(db, autocommit=True) as con:
            con.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        executor = make()
        if isinstance(executor, DaskExecutor):
            list(executor.code(articles[:4]))
        with Store(db) as store:
            stats = store.ingest(articles, executor=executor)
        close = getattr(executor, "close", None)
        if close:
            close()
        rows.append((label, f"{stats.new / stats.seconds:.1f} articles/s ({stats.events} events, "
                            f"{stats.seconds:.1f} s incl. clustering)"))
    return rows


if __name__ == "__main__":
    main()
