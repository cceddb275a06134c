"""``marsad ingest | query | trends | export``: the event store from the command line.

``--db`` is a DuckDB file (default ``marsad.duckdb``, or ``$MARSAD_DB``) or a
``postgresql://`` URL. Exit status as for ``code``: 0, 1 when some records were skipped, 2 on a
usage error (including a store that cannot be opened).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from datetime import date
from typing import IO, Any

from marsad.cli.output import cell
from marsad.reading.sources import DEFAULT_MAX_CHARS, DEFAULT_MAX_FILE_BYTES
from marsad.store.backends import DEFAULT_DB

TABLE_COLUMNS = (("event_date", 10), ("event_type", 10), ("mode", 10), ("actor_codes", 12),
                 ("recipient_codes", 15), ("location", 16), ("modality", 10),
                 ("operations", 10), ("killed", 6), ("evidence", 48))
TREND_COLUMNS = ("period", "events", "operations", "killed", "injured", "arrested", "mentions")


def add_store_parsers(sub: Any) -> None:
    ingest = sub.add_parser("ingest", help="code articles and store their events")
    ingest.add_argument("paths", nargs="+", metavar="PATH",
                        help=".txt .jsonl .jsonl.gz .json .zip, a folder, or - for stdin")
    _db(ingest)
    ingest.add_argument("--date", help="publication date (YYYY-MM-DD) for articles without one")
    ingest.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    ingest.add_argument("--batch", type=int, default=500, help="articles per committed batch")
    ingest.add_argument("--recode", action="store_true",
                        help="code every article again, even those stored unchanged")
    ingest.add_argument("--window", type=int, default=2,
                        help="days within which reports of one event are clustered")
    ingest.add_argument("--lexicon", action="append", default=[], metavar="FILE")
    ingest.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    ingest.add_argument("--max-file-bytes", type=int, default=DEFAULT_MAX_FILE_BYTES)
    ingest.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    query = sub.add_parser("query", help="stored events matching filters")
    _db(query)
    _filters(query)
    query.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    query.add_argument("--limit", type=int, help="at most this many events")
    query.add_argument("-o", "--output", help="write here instead of standard output")

    trends = sub.add_parser("trends", help="events, operations and casualties per period")
    _db(trends)
    trends.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    _filters(trends, default_modality="asserted")
    trends.add_argument("--mentions", action="store_true",
                        help="count every report, not each cross-article cluster once")
    trends.add_argument("--format", choices=("table", "json", "csv"), default="table")
    trends.add_argument("--plot", metavar="FILE", help="also draw the counts (.png or .svg)")
    trends.add_argument("--title", help="the plot's title")
    trends.add_argument("-o", "--output", help="write here instead of standard output")

    export = sub.add_parser("export", help="write stored events to a file")
    _db(export)
    _filters(export)
    export.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True)
    export.add_argument("-o", "--output", required=True, help="the file to write")


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("MARSAD_DB", DEFAULT_DB),
                        help="DuckDB file or postgresql:// URL (default: marsad.duckdb)")


def _filters(parser: argparse.ArgumentParser, default_modality: str | None = None) -> None:
    add = parser.add_argument
    add("--type", dest="types", action="append", default=[], help="PLOVER event type (repeatable)")
    add("--mode", dest="modes", action="append", default=[])
    add("--actor", dest="actors", action="append", default=[],
        help="actor country code (USA, NSA, IGO …) or dictionary id (usa.centcom)")
    add("--recipient", dest="recipients", action="append", default=[])
    add("--country", dest="countries", action="append", default=[],
        help="where the event happened: ISO code, English or Arabic name")
    add("--admin1", action="append", default=[])
    add("--since", type=_iso_date, help="first event date (YYYY-MM-DD)")
    add("--until", type=_iso_date, help="last event date (YYYY-MM-DD)")
    add("--modality", dest="modalities", action="append", default=[],
        help="asserted | future | hypothetical | negated | historical"
             + (f" (default: {default_modality})" if default_modality else " (default: all)"))
    if default_modality:
        add("--all-modalities", action="store_true", help="count events of every modality")
    add("--text", help="words in the evidence (Arabic spelling variants match)")
    add("--source", dest="sources", action="append", default=[])
    add("--article", dest="articles", action="append", default=[])
    add("--cluster", dest="clusters", action="append", default=[])
    add("--min-confidence", type=float)
    parser.set_defaults(default_modality=default_modality)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def filters_from(args: argparse.Namespace) -> Any:
    from marsad.store import Filters

    modalities = tuple(args.modalities)
    if not modalities and args.default_modality and not getattr(args, "all_modalities", False):
        modalities = (args.default_modality,)
    return Filters(types=tuple(args.types), modes=tuple(args.modes), actors=tuple(args.actors),
                   recipients=tuple(args.recipients),
                   countries=tuple(args.countries),   # names become codes in the store
                   admin1=tuple(args.admin1), since=args.since, until=args.until,
                   modalities=modalities, text=args.text, sources=tuple(args.sources),
                   articles=tuple(args.articles), clusters=tuple(args.clusters),
                   min_confidence=args.min_confidence)


def run_ingest(args: argparse.Namespace, store: Any, executor: Any, report: Any,
               options: Any) -> None:
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from marsad.cli.progress import BarProgress

        progress = BarProgress(args.paths, options)
    stats = store.ingest(args.paths, executor=executor, batch_size=args.batch,
                         recode=args.recode, window_days=args.window, report=report,
                         progress=progress, options=options)
    if not args.quiet:
        rate = (stats.new + stats.changed) / stats.seconds if stats.seconds else 0.0
        print(f"marsad: {stats.read} articles read: {stats.new} new, {stats.changed} changed, "
              f"{stats.unchanged} unchanged, {stats.failed} failed; {stats.events} events "
              f"stored in {stats.seconds:.1f} s ({rate:.0f} articles/s)"
              + (f"; {stats.clusters} clusters" if stats.clusters is not None else ""),
              file=sys.stderr)


def run_query(args: argparse.Namespace, store: Any, out: IO[str]) -> None:
    filters = filters_from(args)
    if args.format == "jsonl":
        for record in store.records(filters, limit=args.limit):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    frame = store.query(filters, limit=args.limit)
    if args.format == "csv":
        frame.to_csv(out, index=False, date_format="%Y-%m-%d")
        return
    write_table(out, [(name, width) for name, width in TABLE_COLUMNS],
                [{k: _text(v) for k, v in row.items()} for row in frame.to_dict("records")])
    print(f"{len(frame)} events", file=sys.stderr)


def run_trends(args: argparse.Namespace, store: Any, out: IO[str]) -> None:
    filters = filters_from(args)
    frame = store.trends(args.by, filters, mentions=args.mentions)
    if args.plot:
        from marsad.store.plot import plot_trends

        plot_trends(frame, args.plot, args.by, args.title, filters)
    rows = frame.assign(period_start=frame["period_start"].dt.strftime("%Y-%m-%d")).to_dict("records")
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(frame.columns))
        writer.writeheader()
        writer.writerows(rows)
    else:
        write_table(out, [(c, 10) for c in TREND_COLUMNS], [{k: _text(v) for k, v in r.items()}
                                                          for r in rows])


def run_export(args: argparse.Namespace, store: Any) -> None:
    count = store.export(args.output, args.format, filters_from(args))
    print(f"marsad: {count} events written to {args.output}", file=sys.stderr)


def write_table(out: IO[str], columns: list[tuple[str, int]], rows: list[dict[str, str]]) -> None:
    out.write(" | ".join(cell(name, width) for name, width in columns) + "\n")
    out.write(" | ".join("-" * width for _, width in columns) + "\n")
    for row in rows:
        out.write(" | ".join(cell(row.get(name, "").replace("\n", " "), width)
                             for name, width in columns) + "\n")


def _text(value: Any) -> str:
    import pandas as pd

    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float)
                                                               and math.isnan(value)):
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)
