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
from typing import IO, Any

from marsad.cli.arguments import at_least, fraction, iso_date, seconds
from marsad.cli.output import OutputError, cell, check_writable
from marsad.reading.sources import DEFAULT_MAX_CHARS, DEFAULT_MAX_FILE_BYTES
from marsad.store.backends import DEFAULT_DB, DEFAULT_LOCK_TIMEOUT
from marsad.store.queries import MODALITIES

TABLE_COLUMNS = (("event_date", 10), ("event_type", 10), ("mode", 10), ("actor_codes", 12),
                 ("recipient_codes", 15), ("location", 16), ("modality", 10),
                 ("operations", 10), ("killed", 6), ("evidence", 48))
TREND_COLUMNS = ("period", "events", "operations", "killed", "injured", "arrested", "mentions")


INGEST_EXAMPLES = """examples:
  marsad ingest news.jsonl.gz --db events.duckdb      code and store; again: only what changed
  marsad ingest feeds/ --db postgresql://me@host/news --jobs 8
  marsad ingest news.jsonl --recode --window 3        code everything again, cluster over 3 days
"""
QUERY_EXAMPLES = """examples:
  marsad query --type ASSAULT --country Syria --since 2025-01-01
  marsad query --actor TUR --recipient pkk --mode aerial --format csv -o strikes.csv
  marsad query --source alpha --modality asserted --limit 20
"""
TRENDS_EXAMPLES = """examples:
  marsad trends --by week --type ASSAULT --country Iraq
  marsad trends --by month --actor ISR --plot strikes.png --title "Strikes per month"
  marsad trends --all-modalities --mentions --format csv -o counts.csv
"""
EXPORT_EXAMPLES = """examples:
  marsad export --format csv -o events.csv            ACLED-style columns
  marsad export --format parquet -o 2025.parquet --since 2025-01-01 --until 2025-12-31
  marsad export --format jsonl -o iraq.jsonl --country IRQ   contract records
"""


def add_store_parsers(sub: Any) -> None:
    _add_ingest(sub)
    query = sub.add_parser("query", help="stored events matching filters", epilog=QUERY_EXAMPLES,
                           description="Stored events that match every filter given (a "
                                       "repeated filter matches any of its values), by date.")
    _db(query)
    _filters(query)
    query.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                       help="table: for a person (default); jsonl: contract records; csv: the "
                            "flat view's columns")
    query.add_argument("--limit", type=at_least(0), metavar="N",
                       help="at most N events, the first by date (0: no event, the header only; "
                            "default: every event)")
    query.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    trends = sub.add_parser("trends", help="events, operations and casualties per period",
                            epilog=TRENDS_EXAMPLES,
                            description="Counts per period of the events that match the "
                                        "filters: each cross-article cluster once, asserted "
                                        "events only, unless said otherwise.")
    _db(trends)
    trends.add_argument("--by", choices=("day", "week", "month", "year"), default="month",
                        help="the period counted: day, week, month (default) or year")
    _filters(trends, default_modality="asserted")
    trends.add_argument("--mentions", action="store_true",
                        help="count every report, not each cross-article cluster once")
    trends.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="table (default), json or csv")
    trends.add_argument("--plot", metavar="FILE", help="also draw the counts (.png or .svg)")
    trends.add_argument("--title", help="the plot's title (default: what is counted)")
    trends.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    export = sub.add_parser("export", help="write stored events to a file", epilog=EXPORT_EXAMPLES,
                            description="Write the stored events that match the filters to a "
                                        "file: contract records, ACLED-style CSV or Parquet.")
    _db(export)
    _filters(export)
    export.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True,
                        help="jsonl: contract records; csv: ACLED-style columns; parquet: the "
                             "flat view's columns")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")


def _add_ingest(sub: Any) -> None:
    ingest = sub.add_parser("ingest", help="code articles and store their events",
                            epilog=INGEST_EXAMPLES,
                            description="Code articles and store their events; articles stored "
                                        "unchanged are skipped, changed ones coded again.")
    add = ingest.add_argument
    add("paths", nargs="+", metavar="PATH",
        help=".txt .jsonl .jsonl.gz .json .zip, a folder, or - for standard input")
    _db(ingest)
    add("--date", help="publication date (YYYY-MM-DD) for articles without one")
    add("--jobs", type=at_least(0), default=0, metavar="N",
        help="worker processes (default 0: all cores; 1 codes in this process)")
    add("--batch", type=at_least(1), default=500, metavar="N",
        help="articles per committed batch: a stopped ingest loses at most one (default: 500)")
    add("--recode", action="store_true", help="code every article again, even those stored unchanged")
    add("--window", type=at_least(0), default=2, metavar="DAYS",
        help="days within which reports of one event are clustered (default: 2)")
    add("--lexicon", action="append", default=[], metavar="FILE",
        help="an extra actor (.tsv) or event (.yaml) lexicon; repeatable")
    add("--max-chars", type=at_least(1), default=DEFAULT_MAX_CHARS, metavar="N",
        help=f"characters of one article that are coded; the rest is cut, and said "
             f"(default: {DEFAULT_MAX_CHARS})")
    add("--max-file-bytes", type=at_least(1), default=DEFAULT_MAX_FILE_BYTES, metavar="N",
        help=f"largest input file or archive member read (default: {DEFAULT_MAX_FILE_BYTES})")
    add("--quiet", action="store_true", help="no progress bar and no summary")
    add("--lock-timeout", type=seconds, default=DEFAULT_LOCK_TIMEOUT, metavar="SECONDS",
        help="on PostgreSQL, how long to wait while another ingest holds the store before "
             f"giving up (default: {DEFAULT_LOCK_TIMEOUT:.0f})")


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("MARSAD_DB", DEFAULT_DB),
                        help="DuckDB file or postgresql:// URL (default: $MARSAD_DB, else "
                             f"{DEFAULT_DB})")


def _filters(parser: argparse.ArgumentParser, default_modality: str | None = None) -> None:
    """The filters of query, trends and export; each repeatable one matches any of its values."""
    add = parser.add_argument
    add("--type", dest="types", action="append", default=[], metavar="TYPE",
        help="PLOVER event type: ASSAULT, COERCE, PROTEST … (`marsad types` lists them); repeatable")
    add("--mode", dest="modes", action="append", default=[], metavar="MODE",
        help="PLOVER mode of the type: aerial, arrest, demo … (`marsad types` lists them); "
             "repeatable")
    add("--actor", dest="actors", action="append", default=[], metavar="ACTOR",
        help="who acted: a country code (YEM: its state and the armed groups at home there), "
             "NSA (every armed group), IGO, NGO, UNK, or a dictionary id (usa.centcom); "
             "repeatable")
    add("--recipient", dest="recipients", action="append", default=[], metavar="ACTOR",
        help="who was acted on, as --actor; repeatable")
    add("--country", dest="countries", action="append", default=[], metavar="COUNTRY",
        help="where the event happened: ISO code, English or Arabic name; repeatable")
    add("--admin1", action="append", default=[], metavar="REGION",
        help="first-level division where it happened: a name (Aleppo) or GeoNames code (09); "
             "repeatable")
    add("--since", type=iso_date, metavar="DATE", help="first event date (YYYY-MM-DD)")
    add("--until", type=iso_date, metavar="DATE", help="last event date (YYYY-MM-DD)")
    add("--modality", dest="modalities", action="append", default=[], metavar="MODALITY",
        help=" | ".join(MODALITIES)
             + (f" (default: {default_modality})" if default_modality else " (default: all)"))
    if default_modality:
        add("--all-modalities", action="store_true", help="count events of every modality")
    add("--text", help="words in the evidence (Arabic spelling variants match)")
    add("--source", dest="sources", action="append", default=[], metavar="SOURCE",
        help="the article's source, as in the input's 'source' field; repeatable")
    add("--article", dest="articles", action="append", default=[], metavar="ID",
        help="the article's id; repeatable")
    add("--cluster", dest="clusters", action="append", default=[], metavar="ID",
        help="a cross-article cluster id (reports of one event); repeatable")
    add("--min-confidence", type=fraction, metavar="X",
        help="only events coded with at least this confidence, 0 to 1 (default: any)")
    parser.set_defaults(default_modality=default_modality)


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
    from marsad.cli.progress import bar_for

    progress = bar_for(args.paths, options, args.quiet)
    stats = store.ingest(args.paths, executor=executor, batch_size=args.batch,
                         recode=args.recode, window_days=args.window, report=report,
                         progress=progress, options=options, lock_timeout=args.lock_timeout,
                         waiting=lambda message: print(f"marsad: {message}", file=sys.stderr))
    if not args.quiet:
        rate = (stats.new + stats.changed) / stats.seconds if stats.seconds else 0.0
        print(f"marsad: {stats.read} articles read: {stats.new} new, {stats.changed} changed, "
              f"{stats.unchanged} unchanged, {stats.failed} failed; {stats.events} events "
              f"stored in {stats.seconds:.1f} s ({rate:.0f} articles/s)"
              + (f"; {stats.clusters} clusters" if stats.clusters is not None else ""),
              file=sys.stderr)


def run_query(args: argparse.Namespace, store: Any, out: IO[str]) -> None:
    """The selection, written a batch at a time as the database gives it."""
    filters = filters_from(args)
    if args.format == "jsonl":
        for record in store.records(filters, limit=args.limit):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    count = 0
    for number, frame in enumerate(store.query_batches(filters, limit=args.limit)):
        count += len(frame)
        if args.format == "csv":
            frame.to_csv(out, index=False, header=number == 0, date_format="%Y-%m-%d")
            continue
        if number == 0:
            write_table(out, list(TABLE_COLUMNS), [])
        write_table_rows(out, list(TABLE_COLUMNS),
                         [{k: _text(v) for k, v in row.items()} for row in frame.to_dict("records")])
    out.flush()             # a write that fails is said before the count
    if args.format == "table":
        print(f"{count} events", file=sys.stderr)


def run_trends(args: argparse.Namespace, store: Any, out: IO[str]) -> None:
    if args.plot:
        check_writable(args.plot, "--plot")
    filters = filters_from(args)
    frame = store.trends(args.by, filters, mentions=args.mentions)
    if args.plot:
        from marsad.store.plot import plot_trends

        try:
            plot_trends(frame, args.plot, args.by, args.title, filters)
        except OSError as exc:
            raise OutputError(f"--plot {args.plot}: cannot write ({exc.strerror or exc})") from exc
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
    check_writable(args.output)
    try:
        count = store.export(args.output, args.format, filters_from(args))
    except OSError as exc:
        raise OutputError(f"-o {args.output}: cannot write ({exc.strerror or exc})") from exc
    print(f"marsad: {count} events written to {args.output}", file=sys.stderr)


def write_table(out: IO[str], columns: list[tuple[str, int]], rows: list[dict[str, str]]) -> None:
    out.write(" | ".join(cell(name, width) for name, width in columns) + "\n")
    out.write(" | ".join("-" * width for _, width in columns) + "\n")
    write_table_rows(out, columns, rows)


def write_table_rows(out: IO[str], columns: list[tuple[str, int]],
                     rows: list[dict[str, str]]) -> None:
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
