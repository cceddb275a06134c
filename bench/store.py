"""Store benchmark: ingest the real SaudiNewsNet articles into a fresh store and time what
analysts then do with it.

    .venv/bin/python bench/store.py [--corpus ../shared/corpus/saudinewsnet] [--zips N]
                                    [--jobs N] [--db postgresql://…]

Prints one table: ingest (articles/s, events, peak RSS of the ingesting process), a second
ingest of the same input (everything unchanged, nothing coded), reclustering, a full query, a
monthly trend, the three exports, and the peak memory of ``marsad export`` in a process of its
own (streamed, it does not grow with the number of events). Runs in a temporary DuckDB file unless --db is given
(a PostgreSQL database there is emptied first). Not part of the tests.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(label: str, rows: list, fn, unit: str = "") -> object:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    rows.append((label, f"{time.perf_counter() - started:.2f} s", unit(result) if callable(unit) else unit))
    return result


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--zips", type=int, default=0, help="only the first N zips (0 = all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--db", help="a postgresql:// URL (default: a temporary DuckDB file)")
    args = parser.parse_args()

    from marsad import Store

    zips = sorted(Path(args.corpus).glob("*.zip"))
    if args.zips:
        zips = zips[:args.zips]
    if not zips:
        sys.exit(f"no SaudiNewsNet zips in {args.corpus}")
    paths = [str(z) for z in zips]
    workdir = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    db = args.db or str(workdir / "bench.duckdb")
    if args.db:
        _empty_postgres(args.db)
    rows: list[tuple[str, str, str]] = []
    with Store(db) as store:
        first = _timed("ingest", rows, lambda: store.ingest(paths, jobs=args.jobs))
        rate = (first.new / first.seconds) if first.seconds else 0.0
        rows[-1] = (rows[-1][0], rows[-1][1], f"{first.new:,} articles, {first.events:,} events, "
                    f"{rate:.0f} articles/s, {first.clusters:,} clusters")
        rows.append(("peak RSS, ingesting process", f"{_rss_mb():.0f} MB", f"--jobs {args.jobs}"))
        _timed("ingest again (all unchanged)", rows, lambda: store.ingest(paths, jobs=args.jobs),
               lambda s: f"{s.unchanged:,} unchanged, {s.new + s.changed} coded")
        _timed("recluster", rows, store.recluster, lambda n: f"{n:,} clusters")
        _timed("query (all events)", rows, store.query, lambda f: f"{len(f):,} rows")
        _timed("trends by month", rows, lambda: store.trends(by="month"), lambda f: f"{len(f)} periods")
        for fmt in ("jsonl", "csv", "parquet"):
            out = workdir / f"events.{fmt}"
            _timed(f"export {fmt}", rows, lambda o=out, f=fmt: store.export(str(o), f),
                   lambda n, o=out: f"{n:,} events, {o.stat().st_size / 2**20:.1f} MB")
    for fmt in ("csv", "parquet"):   # streamed: memory flat in the size of the selection
        rows.append(_export_in_own_process(db, fmt, workdir))
    width = max(len(r[0]) for r in rows)
    print(f"store benchmark: {len(zips)} zips, {db if args.db else 'DuckDB'}")
    for label, seconds, note in rows:
        print(f"  {label:<{width}}  {seconds:>9}  {note}")


# VmHWM, not ru_maxrss: the latter keeps, across exec, the peak of the forked benchmark itself
_EXPORT = ("import sys; from marsad.cli.main import main; status = main(sys.argv[1:]); "
           "print([w.split()[1] for w in open('/proc/self/status') if w.startswith('VmHWM')][0]); "
           "sys.exit(status)")


def _export_in_own_process(db: str, fmt: str, workdir: Path) -> tuple[str, str, str]:
    """``marsad export`` run as a user runs it, and the peak RSS of that process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _EXPORT, "export", "--db", db, "--format", fmt,
                           "-o", str(workdir / f"own.{fmt}")], capture_output=True, text=True,
                          check=True)
    seconds = time.perf_counter() - started
    return (f"marsad export {fmt}, own process", f"{seconds:.2f} s",
            f"peak RSS {int(done.stdout.split()[-1]) / 1024:.0f} MB")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA public CASCADE")
        con.execute("CREATE SCHEMA public")


if __name__ == "__main__":
    main()
