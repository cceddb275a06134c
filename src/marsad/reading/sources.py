"""Reading articles from every input form of contract §1, streamed.

``read_articles(paths, ...)`` yields ``Article`` objects one at a time: ``.txt`` (title on the
first line), ``.jsonl`` / ``.jsonl.gz`` (one article per line), ``.json`` (an array or one
object), SaudiNewsNet ``.zip`` files (a JSON array of ``content``/``title``/``date_extracted``),
Parquet files (``.parquet``: one row per article, the columns named as contract §1's fields,
read a row group at a time), folders of these, and ``-`` for standard input. A record that cannot be read is passed to
``report`` as an ``InputIssue`` naming its file and line and is skipped; everything else is
still read. Memory is bounded by the largest single file of a non-line format, never by the
number of files or lines: a record (a JSONL line) over ``ReadOptions.record_limit`` bytes is
read past, never held, and named.

A NUL character or a lone surrogate (JSON's ``"\\u0000"``, ``"\\ud800"``) in an article's text,
title, source or url is replaced one for one (``Article``) and said in a note; an article whose
id holds one, a line nested too deeply for the JSON parser, and a field of the wrong JSON type
are each one bad record, named and skipped; so is a Parquet row with a bad field
(``FILE.parquet:row N``, rows counted from 1 across the file).

``marsad.reading.partitions`` cuts the same inputs into pieces that workers read themselves
(a range of a JSONL file's lines, a zip's members, a Parquet row group): the readers here take
the piece (``read_jsonl_range``, ``read_zip_members``, ``read_row_group``), so a record read by
a worker is checked and named exactly as one read here.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, Protocol

from marsad.doc.text import HTML_RE
from marsad.reading.article import Article, ArticleError, Origin, text_id, unstorable

DEFAULT_MAX_CHARS = 500_000
DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024
#: the least a record may take: 8 bytes per coded character (``\\uXXXX`` escapes take 6) leave
#: room for the other fields, but a crawler's record may carry a page's HTML beside its text
MIN_RECORD_BYTES = 16 * 1024 * 1024
_SKIP_CHUNK = 1 << 20
_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".json", ".json.gz", ".zip", ".txt.gz", ".ndjson",
             ".parquet")
#: the columns of a Parquet input read (contract §1's fields); others are left unread
PARQUET_COLUMNS = ("id", "title", "text", "date", "source", "url", "language")


@dataclass(frozen=True)
class InputIssue:
    """A problem with one input record: where it is and what is wrong."""

    source: str
    line: int | None
    message: str
    skipped: bool = True      # False: the record was coded (cut to the size limit, or a note)
    cut: bool = False         # part of the record was not coded

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


Report = Callable[[InputIssue], None]


@dataclass(frozen=True)
class ReadOptions:
    date: date | None = None
    id: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @property
    def record_limit(self) -> int:
        """Bytes of one JSONL record read before it is given up: 8 per ``max_chars`` character,
        at least ``MIN_RECORD_BYTES``, at most ``max_file_bytes``."""
        return min(self.max_file_bytes, max(MIN_RECORD_BYTES, 8 * self.max_chars))


def read_articles(paths: Iterable[str], report: Report,
                  options: ReadOptions = ReadOptions()) -> Iterator[Article]:
    """Every readable article under ``paths``, in order."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", report, options)
            continue
        path = Path(raw)
        if path.is_dir():
            for f in files_in(path, report):
                yield from _read_file(f, report, options)
        elif path.is_file():
            yield from _read_file(path, report, options)
        else:
            report(InputIssue(str(path), None, "no such file or folder"))


class Pending:
    """The articles handed to an executor and not yet given back, oldest first: an executor
    gives outcomes in input order, and each outcome's article is ``done()``, so that a failure
    is named by the file and line the article was read at."""

    def __init__(self, articles: Iterable[Article]):
        self._articles = iter(articles)
        self._pending: deque[Article] = deque()

    def __iter__(self) -> Iterator[Article]:
        for article in self._articles:
            self._pending.append(article)
            yield article

    def done(self) -> Article:
        return self._pending.popleft()


def read_records(records: Iterable[Any], report: Report) -> Iterator[Article]:
    """Articles from contract §1 mappings (or ``Article`` objects, passed through) given in
    Python; one that cannot be read is reported as ``record N`` (counted from 1) and skipped."""
    for no, record in enumerate(records, start=1):
        if isinstance(record, Article):
            yield record
            continue
        try:
            yield Article.from_mapping(record)
        except ArticleError as exc:
            report(InputIssue(f"record {no}", None, str(exc)))


def files_in(folder: Path, report: Report) -> list[Path]:
    """The input files under ``folder``, in the order they are read; none is reported."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and _known(p))
    if not files:
        report(InputIssue(str(folder), None,
                          "folder holds no .txt/.jsonl/.json/.zip/.parquet files"))
    return files


def _known(path: Path) -> bool:
    return path.name.endswith(_SUFFIXES) and not path.name.startswith(".")


def _read_file(path: Path, report: Report, options: ReadOptions) -> Iterator[Article]:
    name = str(path)
    try:
        size = path.stat().st_size
        if path.suffix == ".parquet":
            yield from read_row_groups(path, None, report, options)
            return
        if path.suffix == ".zip" or zipfile.is_zipfile(path):
            yield from _read_zip(path, report, options)
            return
        streamed = path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
        if not streamed and size > options.max_file_bytes:
            report(InputIssue(name, None, f"file is {size:,} bytes, over the limit of "
                                          f"{options.max_file_bytes:,} (--max-file-bytes)"))
            return
        with open(path, "rb") as fh:
            stream: IO[bytes] = fh
            if fh.read(2) == b"\x1f\x8b":
                fh.seek(0)
                stream = gzip.open(fh)  # type: ignore[assignment]
            else:
                fh.seek(0)
            yield from _read_stream(stream, name, report, options, _kind_of(path), path.stem)
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        report(InputIssue(name, None, f"cannot read: {exc}"))


def _kind_of(path: Path) -> str | None:
    name = path.name.removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.endswith(".txt"):
        return "txt"
    return None


def _read_stream(stream: IO[bytes], name: str, report: Report, options: ReadOptions,
                 kind: str | None = None, stem: str | None = None) -> Iterator[Article]:
    buffered = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream  # type: ignore[type-var]
    if kind is None:
        head = buffered.peek(64)[:64].lstrip()
        kind = "jsonl" if head.startswith(b"{") else "json" if head.startswith(b"[") else "txt"
    if kind == "jsonl":
        yield from _read_jsonl(buffered, name, report, options)
    else:
        data = buffered.read(options.max_file_bytes + 1)
        if len(data) > options.max_file_bytes:
            report(InputIssue(name, None, f"input is over the limit of {options.max_file_bytes:,} bytes"))
            return
        if kind == "json":
            yield from _read_json(data, name, report, options)
        else:
            article = _read_txt(data, name, report, options, stem)
            if article is not None:
                yield article


def _decode(data: bytes, name: str, line: int | None, report: Report) -> str | None:
    if b"\x00" in data[:8192]:
        report(InputIssue(name, line, "binary data (NUL bytes), not a text article"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report(InputIssue(name, line, f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})"))
        return None


def _read_txt(data: bytes, name: str, report: Report, options: ReadOptions,
              stem: str | None) -> Article | None:
    text = _decode(data, name, None, report)
    if text is None:
        return None
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        report(InputIssue(name, None, "empty article"))
        return None
    title = lines[first].strip()
    body = "\n".join(lines[first + 1:]).strip("\n")
    if not body.strip():
        title, body = "", title
    record = {"id": options.id or stem or text_id(text), "title": title, "text": body,
              "date": options.date}
    return _article(record, Origin(name), report, options)


class Lines(Protocol):
    """What JSONL is read from: a file, or a range of one."""

    def readline(self, size: int = -1, /) -> bytes: ...


class _Range:
    """The bytes of an open file from where it stands to ``end``, read a line at a time."""

    def __init__(self, fh: IO[bytes], end: int):
        self.fh, self.end = fh, end

    def readline(self, size: int = -1, /) -> bytes:
        left = self.end - self.fh.tell()
        if left <= 0:
            return b""
        return self.fh.readline(left if size < 0 else min(size, left))


def read_jsonl_range(path: str, start: int, end: int, first_line: int, report: Report,
                     options: ReadOptions) -> Iterator[Article]:
    """The articles of the lines of a JSONL file between bytes ``start`` and ``end`` (both
    at the start of a line), the first of them line ``first_line`` of the file."""
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            yield from _read_jsonl(_Range(fh, end), path, report, options, first_line)
    except OSError as exc:
        report(InputIssue(path, None, f"cannot read: {exc}"))


def _read_jsonl(stream: Lines, name: str, report: Report, options: ReadOptions,
                first_line: int = 1) -> Iterator[Article]:
    limit = options.record_limit
    for no, raw in _lines(stream, limit, first_line):
        if raw is None:
            report(InputIssue(name, no, f"line is over the limit of {limit:,} bytes for one "
                                        "record (8 bytes per --max-chars character, "
                                        "at least 16 MiB)"))
            continue
        if not raw.strip():
            continue
        text = _decode(raw, name, no, report)
        if text is None:
            continue
        record = _parse(text, name, no, report)
        if record is not _UNREAD:
            article = _article(record, Origin(name, no), report, options)
            if article is not None:
                yield article


def _lines(stream: Lines, limit: int, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """Each line of ``stream`` with its number (the first is ``first``); one longer than
    ``limit`` bytes comes as None, read past a chunk at a time and never held whole."""
    no = first - 1
    while raw := stream.readline(limit + 1):
        no += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield no, raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = stream.readline(_SKIP_CHUNK)
        yield no, None


_UNREAD = object()


def _parse(text: str, name: str, line: int | None, report: Report) -> Any:
    """The JSON value of ``text``, or ``_UNREAD`` (reported) when it is not JSON or nests too
    deeply for the parser."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        report(InputIssue(name, exc.lineno if line is None else line,
                          f"invalid JSON: {exc.msg} (column {exc.colno})"))
    except RecursionError:
        report(InputIssue(name, line, "JSON nested too deeply to read"))
    return _UNREAD


def _read_json(data: bytes, name: str, report: Report, options: ReadOptions) -> Iterator[Article]:
    text = _decode(data, name, None, report)
    if text is None:
        return
    value = _parse(text, name, None, report)
    if value is _UNREAD:
        return
    items = value if isinstance(value, list) else [value]
    for no, record in enumerate(items, start=1):
        article = _article(_from_saudinewsnet(record), Origin(name, no, "item"), report, options)
        if article is not None:
            yield article


def zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members of a zip that are read, in order."""
    return [info for info in archive.infolist()
            if not info.is_dir() and _known(Path(info.filename))
            and not info.filename.endswith((".zip", ".parquet"))]


def read_zip_members(path: str, members: frozenset[str], report: Report,
                     options: ReadOptions) -> Iterator[Article]:
    """The articles of some members of a zip (``members``: their names)."""
    try:
        yield from _read_zip(Path(path), report, options, members)
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        report(InputIssue(path, None, f"cannot read: {exc}"))


def _read_zip(path: Path, report: Report, options: ReadOptions,
              only: frozenset[str] | None = None) -> Iterator[Article]:
    with zipfile.ZipFile(path) as archive:
        for info in zip_members(archive):
            if only is not None and info.filename not in only:
                continue
            member = f"{path}!{info.filename}"
            if info.file_size > options.max_file_bytes and not info.filename.endswith(".jsonl"):
                report(InputIssue(member, None, f"member is {info.file_size:,} bytes, over the limit"))
                continue
            with archive.open(info) as fh:
                yield from _read_stream(fh, member, report, options, _kind_of(Path(info.filename)),
                                        Path(info.filename).stem)


def read_row_groups(path: Path, groups: Iterable[int] | None, report: Report,
                    options: ReadOptions) -> Iterator[Article]:
    """The articles of a Parquet file's row groups (``None``: all of them), one row each; a
    row is named ``FILE.parquet:row N``, N counted from 1 across the file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = str(path)
    try:
        parquet = pq.ParquetFile(path)
        columns = [c for c in PARQUET_COLUMNS if c in parquet.schema_arrow.names]
        if "text" not in columns:
            report(InputIssue(name, None, "no 'text' column: every row needs an article's text"))
            return
        counts = [parquet.metadata.row_group(g).num_rows for g in range(parquet.num_row_groups)]
        for group in range(len(counts)) if groups is None else groups:
            first = sum(counts[:group]) + 1
            rows = parquet.read_row_group(group, columns=columns).to_pylist()
            for no, record in enumerate(rows, start=first):
                article = _article(record, Origin(name, no, "row"), report, options)
                if article is not None:
                    yield article
    except (OSError, pa.ArrowException) as exc:
        report(InputIssue(name, None, f"cannot read as Parquet: {exc}"))


def _from_saudinewsnet(record: Any) -> Any:
    """SaudiNewsNet's ``content``/``date_extracted`` layout mapped onto contract §1."""
    if not isinstance(record, dict) or "text" in record or "content" not in record:
        return record
    content, url, source = record.get("content") or "", record.get("url") or "", record.get("source")
    if not isinstance(content, str):
        return {"text": content}        # refused, as any text that is not a string
    extracted = record.get("date_extracted")
    return {
        "id": f"{source if isinstance(source, str) and source else 'snn'}-"
              f"{text_id(url if isinstance(url, str) and url else content)}",
        "title": record.get("title") or "",
        "text": content,
        "date": (extracted[:10] if isinstance(extracted, str) else extracted) or None,
        "source": source,
        "url": url or None,
        "language": "ar",
    }


def issue(origin: Origin, message: str, skipped: bool = True, cut: bool = False) -> InputIssue:
    """An issue of the record read at ``origin``."""
    if origin.unit == "line":
        return InputIssue(origin.file, origin.line, message, skipped, cut)
    return InputIssue(str(origin), None, message, skipped, cut)


def article_issue(article: Article, message: str, skipped: bool = True) -> InputIssue:
    """An issue of ``article``: named by where it was read and its id (by its id alone when it
    was not read from a file)."""
    return id_issue(article.id, article.origin, message, skipped)


def id_issue(article_id: str, origin: Origin | None, message: str,
             skipped: bool = True) -> InputIssue:
    """An issue of the article ``article_id`` read at ``origin`` (None: not read from a file)."""
    if origin is None:
        return InputIssue(article_id, None, message, skipped)
    return issue(origin, f"article {article_id}: {message}", skipped)


def _article(record: Any, origin: Origin, report: Report, options: ReadOptions) -> Article | None:
    try:
        if isinstance(record, dict) and record.get("date") in (None, "") and options.date:
            record = {**record, "date": options.date}
        article = Article.from_mapping(record, origin)
    except ArticleError as exc:
        report(issue(origin, str(exc)))
        return None
    cleaned = [f"{what} in '{name}'" for name in ("text", "title", "source", "url")
               if isinstance(record.get(name), str) and (what := unstorable(record[name]))]
    if cleaned:
        report(article_issue(article, f"replaced {', '.join(cleaned)} (NUL by a space, a lone "
                                      "surrogate by U+FFFD; offsets unchanged)", skipped=False))
    if HTML_RE.search(article.text):
        report(issue(origin, f"article {article.id} contains HTML markup; the tags were ignored "
                             "and the text coded", skipped=False))
    if len(article.text) > options.max_chars:
        report(issue(origin, f"article {article.id} has {len(article.text):,} characters; coded "
                             f"only the first {options.max_chars:,} (--max-chars)",
                     skipped=False, cut=True))
        article = replace(article, text=article.text[:options.max_chars])
    return article
