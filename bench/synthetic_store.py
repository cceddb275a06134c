"""A store of many synthetic events made from real ones, and what analysts do with it: the
whole clustering, an ingest of new articles with its incremental clustering, trends, exports.

    .venv/bin/python bench/synthetic_store.py [--events 10000000] [--base 400] [--years 10]
        [--dir DIR] [--build-only | --reuse] [--memory-limit 4GB]

The real records come from ``--base`` SaudiNewsNet articles coded into a store; the big store
(DuckDB) holds copies of them made in SQL, each copy's events (with their entities, contexts
and articles) given new ids and a date drawn over ``--years`` years, so that the days are as
full as in a store of that size. Then it times: clustering the whole store, ingesting 40 new
articles (coded) with the clustering redone only around their days, trends by month and by
week, and the Parquet and CSV exports of every event, each with the peak memory (resident set)
the process reached during it. Prints one table. ``--build-only`` stops once the big store is
made; ``--reuse`` times the rest on a store already made in ``--dir`` (build, then measure, in
two runs). The contract record
of a copy is its original's (its ids are not rewritten), and the articles' texts are not
copied (nothing measured here reads them). Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from marsad.reading.article import Article

#: the columns a copy rewrites (``k`` the copy's number); the others are copied as they are
NEW_ID = "{column} || '~' || k"
NEW_DATE = "DATE '{start}' + CAST(hash(article_id || k) % {days} AS INTEGER)"
REWRITTEN = {
    "articles": {"article_id": NEW_ID, "published": NEW_DATE},
    "events": {"event_id": NEW_ID, "article_id": NEW_ID, "event_date": NEW_DATE},
    "event_entities": {"event_id": NEW_ID},
    "event_contexts": {"event_id": NEW_ID},
}


def real_articles(corpus: Path, n: int, skip: int = 0) -> list[Article]:
    from marsad.reading.sources import read_articles

    found: list[Article] = []
    for number, article in enumerate(read_articles(sorted(str(p) for p in corpus.glob("*.zip")),
                                                   lambda issue: None)):
        if number >= skip:
            found.append(article)
        if len(found) == n:
            break
    return found


def build(db: str, base_db: str, events: int, years: int, memory_limit: str) -> int:
    """Fill ``db`` with copies of ``base_db``'s rows; the number of events."""
    import duckdb

    con = duckdb.connect(db)
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"ATTACH '{base_db}' AS base (READ_ONLY)")
    base_events = con.execute("SELECT count(*) FROM base.events").fetchone()[0]
    copies = max(1, -(-events // base_events))
    for table in ("actors", "places"):
        con.execute(f"INSERT INTO {table} SELECT * FROM base.{table}")
    for table, rewritten in REWRITTEN.items():
        names = [row[0] for row in con.execute(f"DESCRIBE base.{table}").fetchall()]
        sql = ", ".join(rewritten.get(name, "{column}").format(
            column=name, start="2016-01-01", days=365 * years) for name in names)
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {sql} FROM base.{table}, "
                    f"range({copies}) AS r(k)")
    con.execute("INSERT INTO store_state VALUES ('clusters_stale', '1') "
                "ON CONFLICT (key) DO UPDATE SET value = '1'")
    count = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return int(count)


def timed(rows: list, label: str, fn, note=lambda r: "") -> object:  # type: ignore[no-untyped-def]
    """Run ``fn``, adding its time, ``note`` on its result and its peak memory to ``rows``; a
    step that fails (out of memory, most often) is reported as failed and the others go on."""
    reset_peak()
    started = time.perf_counter()
    try:
        result = fn()
    except Exception as exc:   # noqa: BLE001 - a benchmark reports and goes on
        spent = time.perf_counter() - started
        rows.append((label, f"{spent:.1f} s", f"FAILED: {str(exc).splitlines()[0]}{peak()}"))
        print(f"{label}: FAILED after {spent:.1f} s: {exc}", flush=True)
        return None
    spent = time.perf_counter() - started
    rows.append((label, f"{spent:.1f} s", f"{note(result)}{peak()}"))
    print(f"{label}: {spent:.1f} s {note(result)}{peak()}", flush=True)
    return result


def reset_peak() -> None:
    """Start the process's peak resident set afresh (Linux: ``clear_refs`` 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak() -> str:
    """The peak resident set since ``reset_peak``, as a note."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return ""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return f"; peak RSS {int(line.split()[1]) / 2**20:.2f} GiB"
    return ""


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--base", type=int, default=400, help="real articles coded")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--dir", default=None, help="where the stores go (default: a temporary folder)")
    parser.add_argument("--build-only", action="store_true", help="stop once the big store is made")
    parser.add_argument("--reuse", action="store_true",
                        help="measure on the big store already made in --dir")
    parser.add_argument("--memory-limit", default="4GB", help="DuckDB's memory limit")
    args = parser.parse_args()

    from marsad import Store
    from marsad.store import ingest as ingest_module

    work = Path(args.dir or tempfile.mkdtemp(prefix="marsad-synthetic-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = [("load at start", f"{os.getloadavg()[0]:.1f}", "")]
    base_db, db = str(work / "base.duckdb"), str(work / "big.duckdb")
    if not args.reuse:
        with Store(base_db) as base:
            timed(rows, "code the real articles", lambda: base.ingest(
                real_articles(Path(args.corpus), args.base), jobs=1),
                lambda s: f"{s.new} articles, {s.events} events")
        Store(db).close()
        timed(rows, "make the synthetic store",
              lambda: build(db, base_db, args.events, args.years, args.memory_limit),
              lambda n: f"{n:,} events, {os.path.getsize(db) / 2**30:.1f} GiB")
    if args.build_only:
        report(rows)
        return
    with Store(db) as store:
        store.backend.execute(f"SET memory_limit = '{args.memory_limit}'")
        rows.append(("events in the store",
                     f"{store.backend.fetch('SELECT count(*) FROM events')[1][0][0]:,}", ""))
        timed(rows, "cluster the whole store", lambda: store.recluster(2), lambda n: f"{n:,} clusters")
        incremental(rows, store, ingest_module, real_articles(Path(args.corpus), 40, args.base))
        timed(rows, "trends by month", lambda: store.trends(by="month"), lambda f: f"{len(f)} periods")
        timed(rows, "trends by week, ASSAULT", lambda: store.trends(by="week", types=["ASSAULT"]),
              lambda f: f"{len(f)} periods")
        for fmt in ("parquet", "csv"):
            out = work / f"all.{fmt}"
            timed(rows, f"export {fmt}, every event", lambda o=out, f=fmt: store.export(str(o), f),
                  lambda n, o=out: f"{n:,} events, {o.stat().st_size / 2**20:.0f} MiB")
    report(rows)


def report(rows: list[tuple[str, str, str]]) -> None:
    rows.append(("load at end", f"{os.getloadavg()[0]:.1f}", ""))
    width = max(len(r[0]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>9}  {note}")


def incremental(rows: list, store, ingest_module, articles: list[Article]) -> None:  # type: ignore[no-untyped-def]
    """Ingest new articles dated one day, timing the clustering that follows apart."""
    from dataclasses import replace

    dated = [replace(a, id=f"new-{a.id}", date=date(2021, 6, 15)) for a in articles]
    spent: list[float] = []
    original = ingest_module.recluster_if_stale

    def clock(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    ingest_module.recluster_if_stale = clock
    try:
        stats = timed(rows, "ingest 40 new articles", lambda: store.ingest(dated, jobs=1),
                      lambda s: f"{s.events} events")
    finally:
        ingest_module.recluster_if_stale = original
    if stats is None or not spent:
        return
    rows.append(("  of which incremental clustering", f"{spent[0]:.1f} s",
                 f"{stats.clusters:,} clusters in all"))  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
