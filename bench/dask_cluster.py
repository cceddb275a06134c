"""Dask benchmark: workers reading and coding their own partitions of real articles over a local
Dask cluster of 1 and 2 worker processes, the scheduler's overhead per partition, and an ingest
into PostgreSQL written by 2 workers.

    .venv/bin/python bench/dask_cluster.py [--articles 600] [--shard-bytes 262144] [--db postgresql://…]

The articles (SaudiNewsNet) are written once to a JSONL file in a temporary folder, as an input
on storage the workers see; the client lists its line ranges of about ``--shard-bytes`` and
each worker reads and codes the ranges it is given (``marsad.run.code_partitions``). Articles/s
count reading and coding (the cluster is started and each worker has built its coder before
the clock starts); for comparison, 2 workers fed by this process reading the file and sending
its articles in chunks. The overhead is the time per partition of one-line partitions whose coder
does nothing: the scheduler's, the transport's and a partition's reading. The PostgreSQL lines
need --db (a database there is emptied first): the single-process ingest (this process reads,
codes and writes), and the ingest whose 2 workers read, code and write their partitions, both
with the clustering. Say the machine's load with the figures: on shared cores they move with
it. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from marsad.reading.article import Article
from marsad.reading.partitions import list_partitions
from marsad.reading.sources import ReadOptions
from marsad.run import CoderSpec, Executor, code_partitions, make_executor
from marsad.run.dask import DaskExecutor


class _Nothing:
    def code(self, article: Article) -> list:
        return []


@dataclass(frozen=True)
class NothingSpec(CoderSpec):
    """A coder that codes nothing: what is left is the scheduler's and the transport's time."""

    def build(self) -> _Nothing:  # type: ignore[override]
        return _Nothing()


def write_corpus(corpus: Path, n: int, out: Path) -> int:
    """``n`` SaudiNewsNet articles as JSONL lines in ``out``; how many were written."""
    from marsad.reading.sources import read_articles

    zips = sorted(str(p) for p in corpus.glob("*.zip"))
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        for a in read_articles(zips, lambda issue: None):
            f.write(json.dumps({"id": a.id, "title": a.title, "text": a.text, "source": a.source,
                                "date": a.date.isoformat() if a.date else None},
                               ensure_ascii=False) + "\n")
            written += 1
            if written == n:
                break
    return written


def rate(executor: Executor, path: Path, shard_bytes: int) -> tuple[float, int, int]:
    """Articles/s, events and partitions of coding the file at ``path``."""
    partitions = list(list_partitions([str(path)], print, ReadOptions(), shard_bytes))
    started = time.perf_counter()
    articles = events = 0
    for outcome, _ in code_partitions(executor, partitions, print, ReadOptions(), render=True):
        articles += 1
        events += len(outcome.lines)
    return articles / (time.perf_counter() - started), events, len(partitions)


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--shard-bytes", type=int, default=256 * 1024,
                        help="bytes of JSONL per partition (the default cuts 600 articles in ~10)")
    parser.add_argument("--tasks", type=int, default=300, help="empty partitions for the overhead")
    parser.add_argument("--db", help="a postgresql:// URL for the ingest lines")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp) / "news.jsonl"
        n = write_corpus(Path(args.corpus), args.articles, news)
        rows = [("machine", f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start"),
                ("input", f"{n} SaudiNewsNet articles, {news.stat().st_size / 2**20:.1f} MiB of JSONL")]
        rows.extend(coding(news, args.shard_bytes))
        rows.append(overhead(Path(tmp) / "empty.jsonl", args.tasks))
        if args.db:
            rows.extend(pg_ingest(args.db, news, args.shard_bytes))
    rows.append(("load at end", f"{os.getloadavg()[0]:.1f}"))
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def coding(news: Path, shard_bytes: int) -> list[tuple[str, str]]:
    executor = make_executor(1)
    list(executor.code([Article(id="w", text="قصفت الطائرات مواقع في إدلب.")]))   # warm
    serial, events, parts = rate(executor, news, shard_bytes)
    rows = [("serial (this process reads and codes)", f"{serial:.1f} articles/s ({events} events)")]
    speeds = []
    for workers in (1, 2):
        with DaskExecutor(CoderSpec(), workers) as executor:
            list(executor.code([Article(id=f"w{i}", text="قصفت الطائرات مواقع في إدلب.")
                                for i in range(workers * 2)]))     # coders built
            speed, _, parts = rate(executor, news, shard_bytes)
            speeds.append(speed)
            rows.append((f"dask, {workers} worker(s) read and code",
                         f"{speed:.1f} articles/s ({parts} partitions)"))
            if workers == 2:
                rows.append(("dask, 2 workers, client reads and ships",
                             f"{shipped(executor, news):.1f} articles/s (32-article chunks)"))
    rows.append(("2 workers over 1", f"×{speeds[1] / speeds[0]:.2f}"))
    return rows


def shipped(executor: DaskExecutor, news: Path) -> float:
    """Articles/s when this process reads the articles and sends them (the path of ``code``,
    and of every input before workers read their partitions)."""
    from marsad.reading.sources import read_articles

    started = time.perf_counter()
    n = sum(1 for _ in executor.code(read_articles([str(news)], print), render=True))
    return n / (time.perf_counter() - started)


def overhead(path: Path, tasks: int) -> tuple[str, str]:
    path.write_text("".join(json.dumps({"id": f"e{i}", "text": "نص"}) + "\n" for i in range(tasks)),
                    encoding="utf-8")
    with DaskExecutor(NothingSpec(), 2) as executor:
        rate(executor, path, 1)      # workers up, plugin set up
        started = time.perf_counter()
        _, _, parts = rate(executor, path, 1)
        per_task = (time.perf_counter() - started) / parts
    return ("scheduler overhead per partition", f"{per_task * 1000:.1f} ms ({parts} one-line "
                                                f"partitions, 2 workers)")


def pg_ingest(db: str, news: Path, shard_bytes: int) -> list[tuple[str, str]]:
    import psycopg

    import marsad.reading.partitions as partitions
    from marsad import Store

    partitions.SHARD_BYTES = shard_bytes     # the ingest lists its partitions with the default
    rows = []
    for label, workers in (("PostgreSQL ingest, one process", 0),
                           ("PostgreSQL ingest, 2 dask workers write", 2)):
        with psycopg.connect(db, autocommit=True) as con:
            con.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        executor = DaskExecutor(CoderSpec(), workers) if workers else make_executor(1)
        if isinstance(executor, DaskExecutor):
            list(executor.code([Article(id="w", text="قصفت الطائرات مواقع في إدلب.")] * 4))
        with Store(db) as store:
            stats = store.ingest([str(news)], executor=executor)
        if isinstance(executor, DaskExecutor):
            executor.close()
        rows.append((label, f"{stats.new / stats.seconds:.1f} articles/s ({stats.new} articles, "
                            f"{stats.events} events, {stats.seconds:.1f} s incl. clustering)"))
    return rows


if __name__ == "__main__":
    main()
