"""The ``marsad`` command line: code, evaluate, lexicon check, and the store's ingest, query,
trends and export (``marsad.cli.store_commands``).

Exit status (contract §3): 0 when everything was coded, 1 when some records were skipped,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from marsad.cli.arguments import Parser, add_executor_options, at_least
from marsad.cli.output import OutputError, check_writable, output_file
from marsad.cli.serve_command import add_serve_parser
from marsad.cli.store_commands import add_store_parsers
from marsad.reading.article import ArticleError, parse_date
from marsad.reading.sources import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_FILE_BYTES,
    InputIssue,
    ReadOptions,
    id_issue,
)
from marsad.run.base import ClusterLost
from marsad.version import __version__

if TYPE_CHECKING:
    from marsad.cli.output import JsonArrayWriter, JsonlWriter, TableWriter
    from marsad.coder import Coder
    from marsad.run import Executor

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class StrictStop(Exception):
    """--strict: the first bad record stops the run."""


CODE_EXAMPLES = """examples:
  marsad code article.txt --date 2025-03-14          one article, JSON lines on standard output
  marsad code news.jsonl.gz -o events.jsonl          a feed, written to a file
  marsad code news/ --format table                   a folder, as a table to read
  cat news.jsonl | marsad code - --strict            standard input; stop at the first bad record
  marsad code archive/ --executor dask --jobs 2 --out events/ --format parquet
                                                     Parquet by event month and source, written
                                                     by the workers of a local Dask cluster
"""
EVALUATE_EXAMPLES = """examples:
  marsad evaluate gold.jsonl                         precision, recall and F1 per field
  marsad evaluate gold.jsonl --json --errors         as JSON, with the records not coded exactly
  marsad evaluate real-news.dev.jsonl --errors       whole articles: each miss and false alarm
  marsad evaluate training/annotations/batch-00.jsonl --corpus ../shared/corpus/saudinewsnet
"""
LEXICON_EXAMPLES = """examples:
  marsad lexicon check my-actors.tsv my-events.yaml  every problem as FILE:LINE: message
"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="marsad", description="Arabic news in, PLOVER events out.",
                    epilog="`marsad COMMAND --help` describes each command, with examples.")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_code_parser(sub)
    ev = sub.add_parser("evaluate", help="score the coder against a gold JSONL file",
                        description="Code the articles of a gold file and score the records "
                                    "against its annotations: sentence gold "
                                    "(plover-gsr-ar.dev.jsonl), article gold (real-news.dev.jsonl, "
                                    "ANNOTATION.md) or stand-off annotations into the SaudiNewsNet "
                                    "corpus; the format is read from the file.",
                        epilog=EVALUATE_EXAMPLES)
    ev.add_argument("gold", help="gold JSONL: one sentence or article with its expected events "
                                 "per line, or stand-off annotations")
    ev.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    ev.add_argument("--errors", action="store_true",
                    help="also list the records not coded exactly (sentence gold), or each "
                    "missed gold event and each unmatched predicted event (article gold)")
    ev.add_argument("--corpus", metavar="DIR",
                    help="the SaudiNewsNet folder that stand-off gold points into "
                    "(default: ../shared/corpus/saudinewsnet beside the repository)")
    ev.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                    help="an extra actor (.tsv) or event (.yaml) lexicon; repeatable")
    lex = sub.add_parser("lexicon", help="work with lexicon files", epilog=LEXICON_EXAMPLES)
    lex_sub = lex.add_subparsers(dest="lexicon_command", required=True, metavar="check")
    check = lex_sub.add_parser("check", help="validate lexicon files (FILE:LINE: message)",
                               epilog=LEXICON_EXAMPLES)
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="actor tables (.tsv) and event lexicons (.yaml) to check")
    sub.add_parser("types", help="list the PLOVER event types and their modes",
                   description="The PLOVER event types, one line each, and under each its "
                               "modes: the values --type and --mode accept.",
                   epilog="examples:\n  marsad types\n  marsad types | grep -i strike\n")
    add_store_parsers(sub)
    add_serve_parser(sub)
    return parser


def _add_code_parser(sub: Any) -> None:
    code = sub.add_parser("code", help="code articles into event records",
                          description="Code articles into PLOVER event records (contract §2).",
                          epilog=CODE_EXAMPLES)
    add = code.add_argument
    add("paths", nargs="*", default=["-"], metavar="PATH",
        help=".txt .jsonl .jsonl.gz .json .zip, a folder, or - for standard input (default)")
    add("--date", help="publication date (YYYY-MM-DD) for articles without one")
    add("--id", help="article id for a single .txt input (default: the file's name)")
    add("--format", choices=("jsonl", "json", "table", "parquet"), default=None,
        help="jsonl: one record per line (default); json: one array; table: for a person; "
             "parquet: the flat view's columns, into the folder --out (the default there)")
    add("-o", "--output", metavar="FILE", help="write here instead of standard output")
    add("--out", metavar="DIR", help="a new folder of Parquet files partitioned by event month "
        "and source, written by the workers (with --format parquet)")
    add("--lexicon", action="append", default=[], metavar="FILE",
        help="an extra actor (.tsv) or event (.yaml) lexicon; repeatable")
    add("--strict", action="store_true", help="stop at the first bad record")
    add("--max-chars", type=at_least(1), default=DEFAULT_MAX_CHARS, metavar="N",
        help="characters of one article that are coded; the rest is cut, and said "
             f"(default: {DEFAULT_MAX_CHARS})")
    add("--max-file-bytes", type=at_least(1), default=DEFAULT_MAX_FILE_BYTES, metavar="N",
        help=f"largest input file or archive member read (default: {DEFAULT_MAX_FILE_BYTES})")
    add("--jobs", type=at_least(0), default=0, metavar="N",
        help="worker processes (default 0: all cores; 1 codes in this process)")
    add_executor_options(add)
    add("--quiet", action="store_true", help="no progress bar on a terminal")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    try:
        if args.command == "code":
            return run_code(args)
        if args.command == "evaluate":
            return run_evaluate(args)
        if args.command == "lexicon":
            return run_lexicon_check(args)
        if args.command == "types":
            return run_types()
        if args.command == "serve":
            return _serve(args)
        return run_store_command(args)
    except (UsageError, OutputError, ClusterLost) as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


class UsageError(Exception):
    pass


def _coder(lexicons: list[str]) -> Coder:
    from marsad.coder import Coder
    from marsad.resources import LexiconError

    for path in lexicons:
        if not Path(path).is_file():
            raise UsageError(f"--lexicon {path}: no such file")
    try:
        return Coder(lexicons=lexicons)
    except LexiconError as exc:
        raise UsageError(f"lexicon problems:\n{exc}") from exc


def _executor(args: argparse.Namespace) -> Executor:
    """What codes for ``--jobs``, ``--executor`` and ``--scheduler``; the lexicons are checked
    here, in this process, before any worker starts (their coder is the one used when there is
    a single job)."""
    from marsad.run import CoderSpec, ProcessExecutor, SerialExecutor, default_jobs, make_executor

    lexicons = args.lexicon
    coder = _coder(lexicons)
    jobs = args.jobs or default_jobs()
    if args.executor == "dask" or args.scheduler:
        if args.scheduler and not args.scheduler.startswith(("tcp://", "tls://", "inproc://")):
            raise UsageError(f"--scheduler {args.scheduler}: give tcp://HOST:PORT")
        return make_executor(jobs, CoderSpec(tuple(lexicons)), "dask", args.scheduler)
    if jobs <= 1:
        return SerialExecutor(coder)
    return ProcessExecutor(CoderSpec(tuple(lexicons)), jobs)


def run_code(args: argparse.Namespace) -> int:
    try:
        publication = parse_date(args.date)
    except ArticleError as exc:
        raise UsageError(f"--date: {exc}") from exc
    parquet = _check_batch_output(args)
    if args.output:
        check_writable(args.output)     # before the coder is built
    executor = _executor(args)
    issues: list[InputIssue] = []

    def report(issue: InputIssue) -> None:
        issues.append(issue)
        print(f"marsad: {issue}", file=sys.stderr)
        if args.strict:
            raise StrictStop()

    options = ReadOptions(publication, args.id, args.max_chars, args.max_file_bytes)
    try:
        if parquet:
            from marsad.cli.batch import code_into_parts

            code_into_parts(args, executor, report, options, StrictStop)
        else:
            with output_file(args.output) as out:
                _code_into(out, args, executor, report, options)
    finally:
        close = getattr(executor, "close", None)
        if close is not None:
            close()
    lost = any(i.skipped or i.cut for i in issues)
    return EXIT_SKIPPED if lost else EXIT_OK


def _check_batch_output(args: argparse.Namespace) -> bool:
    """Whether the output is a Parquet folder (``--out DIR --format parquet``)."""
    if args.out is None:
        if args.format == "parquet":
            raise UsageError("--format parquet writes a folder: give it with --out DIR")
        args.format = args.format or "jsonl"
        return False
    if args.format not in (None, "parquet") or args.output:
        raise UsageError("--out DIR writes Parquet (--format parquet), not " +
                         ("-o" if args.output else f"--format {args.format}"))
    from marsad.store.parts import PartsError, check_out_dir

    try:
        check_out_dir(args.out)
    except PartsError as exc:
        raise UsageError(str(exc)) from exc
    args.format = "parquet"
    return True


def _code_into(out: IO[str], args: argparse.Namespace, executor: Executor,
               report: Callable[[InputIssue], None], options: ReadOptions) -> None:
    """Code every article into ``out``, with a progress bar for a person at a terminal."""
    from marsad.cli.progress import bar_for

    writer = _writer(args.format, out)
    progress = bar_for(args.paths, options, args.quiet)
    try:
        from marsad.reading.partitions import WholeFiles, list_partitions
        from marsad.run import code_partitions

        rendered = args.format == "jsonl"   # workers send JSON lines: cheapest across processes
        # workers of their own (Dask) read the input's partitions; otherwise it is read here,
        # in order, as one piece (no JSONL file scanned for where to cut it)
        partitions = list_partitions(args.paths, report, options) \
            if hasattr(executor, "code_partitions") else [WholeFiles(tuple(args.paths))]
        for outcome, origin in code_partitions(executor, partitions, report, options, rendered):
            if outcome.error:  # one article must not stop the others
                report(id_issue(outcome.article_id, origin, outcome.problem or ""))
            for line in outcome.lines:
                out.write(line + "\n")
            for event in outcome.events:
                writer.write(event)
            if progress:
                progress.advance(1, len(outcome.lines) + len(outcome.events))
    except StrictStop:
        pass
    finally:
        if progress:
            progress.close()
        writer.close()


def _serve(args: argparse.Namespace) -> int:
    from marsad.cli.serve_command import run_serve
    from marsad.store import StoreError

    try:
        return run_serve(args)
    except (StoreError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


def run_store_command(args: argparse.Namespace) -> int:
    """ingest, query, trends, export: open the store, run, close it."""
    from marsad.api import Store
    from marsad.store import StoreError
    from marsad.store.backends import is_postgres_url
    from marsad.store.files import refuse_store_as_output

    if args.command != "ingest" and not is_postgres_url(args.db) and not Path(args.db).exists():
        raise UsageError(f"no store at {args.db}: `marsad ingest PATH --db {args.db}` makes one")
    try:
        for output in (getattr(args, "output", None), getattr(args, "plot", None)):
            if output:
                refuse_store_as_output(output, args.db)
        # query, trends and export only read: more than one can run at once on a DuckDB file
        store = Store(args.db, read_only=args.command != "ingest")
    except StoreError as exc:
        raise UsageError(str(exc)) from exc
    try:
        return _run_on_store(args, store)
    except (ValueError, StoreError) as exc:   # a bad plot name or format, a lock not had
        raise UsageError(str(exc)) from exc
    finally:
        store.close()


def _run_on_store(args: argparse.Namespace, store) -> int:  # type: ignore[no-untyped-def]
    from marsad.cli import store_commands as commands
    from marsad.cli.filters import check_filters

    if args.command == "ingest":
        return _ingest(args, store)
    check_filters(args, store)
    if args.command == "export":
        commands.run_export(args, store)
        return EXIT_OK
    run = commands.run_query if args.command == "query" else commands.run_trends
    with output_file(args.output) as out:   # a failed run leaves no half file
        run(args, store, out)
    return EXIT_OK


def _ingest(args: argparse.Namespace, store) -> int:  # type: ignore[no-untyped-def]
    from marsad.cli.store_commands import run_ingest

    try:
        publication = parse_date(args.date)
    except ArticleError as exc:
        raise UsageError(f"--date: {exc}") from exc
    executor = _executor(args)
    issues: list[InputIssue] = []

    def report(issue: InputIssue) -> None:
        issues.append(issue)
        print(f"marsad: {issue}", file=sys.stderr)

    options = ReadOptions(publication, None, args.max_chars, args.max_file_bytes)
    try:
        run_ingest(args, store, executor, report, options)
    finally:
        close = getattr(executor, "close", None)
        if close is not None:
            close()
    return EXIT_SKIPPED if any(i.skipped or i.cut for i in issues) else EXIT_OK


def _writer(fmt: str, out: IO[str]) -> JsonlWriter | JsonArrayWriter | TableWriter:
    from marsad.cli.output import JsonArrayWriter, JsonlWriter, TableWriter

    writers: dict[str, type[JsonlWriter | JsonArrayWriter | TableWriter]]
    writers = {"jsonl": JsonlWriter, "json": JsonArrayWriter, "table": TableWriter}
    return writers[fmt](out)


def default_corpus() -> Path:
    """``../shared/corpus/saudinewsnet`` beside the repository (a source checkout)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "saudinewsnet"


def run_evaluate(args: argparse.Namespace) -> int:
    """Sentence gold, article gold or stand-off annotations, told apart by the file's lines
    (``marsad.evaluation.gold``); a bad line is named, skipped, and makes the exit status 1."""
    from marsad.evaluation.gold import SENTENCE, GoldError, GoldProblem, read_gold

    path = Path(args.gold)
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        gold = read_gold(path, args.corpus or default_corpus())
    except GoldError as exc:
        raise UsageError(str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    problems = list(gold.problems)
    for problem in problems:
        print(f"marsad: {problem}", file=sys.stderr)
    coder = _coder(args.lexicon)
    if gold.kind == SENTENCE:
        _evaluate_sentences([r for _, r in gold.records], coder, args)
    else:
        def report(line: int, message: str) -> None:
            problems.append(GoldProblem(str(path), line, message))
            print(f"marsad: {problems[-1]}", file=sys.stderr)

        _evaluate_articles(gold.records, coder, args, report)
    return EXIT_SKIPPED if problems else EXIT_OK


def _evaluate_sentences(records: list[dict], coder: Coder, args: argparse.Namespace) -> None:
    from marsad.evaluation.score import evaluate_records, format_report

    report = evaluate_records(records, coder)
    if args.json:
        data = report.to_dict()
        if args.errors:
            data["errors"] = report.errors
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_report(report))
        if args.errors:
            for e in report.errors:
                print(json.dumps(e, ensure_ascii=False))


def _evaluate_articles(records: list[tuple[int, dict]], coder: Coder, args: argparse.Namespace,
                       report: Callable[[int, str], None]) -> None:
    from marsad.evaluation.article_report import errors_dict, format_errors, format_table, to_dict
    from marsad.evaluation.articles import evaluate_articles

    scores = evaluate_articles(records, coder, report)
    if args.json:
        data = to_dict(scores)
        if args.errors:
            data["errors"] = errors_dict(scores)
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_table(scores))
        if args.errors and (scores.misses or scores.false_alarms):
            print()
            print(format_errors(scores))


def run_types() -> int:
    """The PLOVER types, one line each with what they cover, and under each its modes."""
    from marsad.resources import vocabulary

    for ptype in vocabulary().types.values():
        print(f"{ptype.name:<10} {ptype.description}".rstrip())
        for mode in ptype.modes:
            print(f"  {mode:<16} {ptype.mode_descriptions.get(mode, '')}".rstrip())
    return EXIT_OK


def run_lexicon_check(args: argparse.Namespace) -> int:
    from marsad.resources import check_file

    problems = [p for f in args.files for p in check_file(Path(f))]
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"{len(args.files)} file(s) OK")
    return EXIT_SKIPPED if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
