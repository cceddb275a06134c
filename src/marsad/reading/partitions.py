"""The input cut into partitions that workers read themselves (``marsad code`` and ``marsad
ingest`` on a Dask cluster).

``list_partitions(paths, report, options)`` only *lists* the pieces of the input, in input order,
without parsing a record:

- a JSONL file (``.jsonl``, ``.ndjson``): ranges of about ``shard_bytes`` bytes, each cut at
  the start of a line and knowing the number of its first line (the file is scanned once for
  line ends, never parsed), so that a bad record read by a worker is named by file and line;
- a zip: its members, a few at a time up to about ``shard_bytes`` (a SaudiNewsNet zip is one
  JSON array member: one partition);
- a Parquet file: each row group;
- ``.txt`` and compressed JSONL files: a few whole files at a time.

A partition (``Partition``) is a small picklable description — a path and a range — and
``partition.read(report, options)`` reads its articles with ``marsad.reading.sources``: the same
checks, and the same reports naming the file and line, member or row, as reading the input
whole. The files must therefore be at the same paths where the partitions are read (a shared
file system on a cluster).

What cannot be cut — standard input, and a ``.json`` file, which is one JSON array — is read
here, in this process, and its articles handed on in chunks (``Articles``): those travel to the
workers, as every article did before.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Protocol

from marsad.reading.article import Article
from marsad.reading.sources import (
    InputIssue,
    ReadOptions,
    Report,
    files_in,
    read_articles,
    read_jsonl_range,
    read_row_groups,
    read_zip_members,
    zip_members,
)

#: bytes of input in one partition, about: a few hundred to a few thousand news articles
SHARD_BYTES = 8 * 1024 * 1024
#: articles in a chunk of what is read here (standard input, a JSON array)
CHUNK = 32
_BLOCK = 1 << 20


class Partition(Protocol):
    """A piece of the input that can be read anywhere the input's files are."""

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]: ...


@dataclass(frozen=True)
class LineRange:
    """Lines of a JSONL file: bytes ``start`` to ``end``, the first line numbered ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]:
        return read_jsonl_range(self.path, self.start, self.end, self.first_line, report, options)

    def __str__(self) -> str:
        return f"{self.path} (bytes {self.start:,}–{self.end:,}, from line {self.first_line})"


@dataclass(frozen=True)
class ZipMembers:
    """Some members of a zip, by name."""

    path: str
    members: tuple[str, ...]

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]:
        return read_zip_members(self.path, frozenset(self.members), report, options)

    def __str__(self) -> str:
        return f"{self.path} ({', '.join(self.members)})"


@dataclass(frozen=True)
class RowGroup:
    """One row group of a Parquet file."""

    path: str
    group: int

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]:
        return read_row_groups(Path(self.path), [self.group], report, options)

    def __str__(self) -> str:
        return f"{self.path} (row group {self.group})"


@dataclass(frozen=True)
class WholeFiles:
    """Files (or folders, or ``-``) read whole and in order, as ``read_articles`` reads them."""

    paths: tuple[str, ...]

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]:
        return read_articles(self.paths, report, options)

    def __str__(self) -> str:
        return ", ".join(self.paths)


@dataclass(frozen=True)
class Articles:
    """Articles already read (here, or given in Python): they travel themselves."""

    articles: tuple[Article, ...]

    def read(self, report: Report, options: ReadOptions) -> Iterator[Article]:
        return iter(self.articles)

    def __str__(self) -> str:
        return f"{len(self.articles)} articles read by the client"


def list_partitions(paths: Iterable[str], report: Report, options: ReadOptions,
                    shard_bytes: int | None = None) -> Iterator[Partition]:
    """The partitions of the input under ``paths``, in input order, of about ``shard_bytes``
    (``SHARD_BYTES`` unless given). A path that is not there (or a folder without input
    files) is reported here; a file is opened only to find where to cut it."""
    shard_bytes = shard_bytes or SHARD_BYTES
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            yield from in_chunks(read_articles(["-"], report, options))
        elif path.is_dir():
            yield from _file_partitions(files_in(path, report), report, options, shard_bytes)
        elif path.is_file():
            yield from _file_partitions([path], report, options, shard_bytes)
        else:
            report(InputIssue(raw, None, "no such file or folder"))


def in_chunks(articles: Iterable[Article], size: int = CHUNK) -> Iterator[Articles]:
    """Articles in partitions of ``size``."""
    it = iter(articles)
    while chunk := tuple(islice(it, size)):
        yield Articles(chunk)


def _file_partitions(files: list[Path], report: Report, options: ReadOptions,
                     shard_bytes: int) -> Iterator[Partition]:
    whole: list[str] = []
    held = 0
    for path in files:
        kind = _kind(path)
        if kind == "whole":
            whole.append(str(path))
            held += _size(path)
            if held >= shard_bytes:
                yield WholeFiles(tuple(whole))
                whole, held = [], 0
            continue
        if whole:
            yield WholeFiles(tuple(whole))
            whole, held = [], 0
        try:
            if kind == "json":
                yield from in_chunks(read_articles([str(path)], report, options))
            elif kind == "zip":
                yield from _zip_partitions(path, shard_bytes)
            elif kind == "parquet":
                yield from _row_groups(path)
            else:
                yield from line_ranges(str(path), shard_bytes)
        except (OSError, zipfile.BadZipFile) as exc:
            report(InputIssue(str(path), None, f"cannot read: {exc}"))
        except ValueError as exc:   # pyarrow's errors on a file that is not Parquet
            report(InputIssue(str(path), None, f"cannot read as Parquet: {exc}"))
    if whole:
        yield WholeFiles(tuple(whole))


def _kind(path: Path) -> str:
    name = path.name
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(".zip") or zipfile.is_zipfile(path):
        return "zip"
    if name.endswith((".jsonl", ".ndjson")) and not _gzipped(path):
        return "lines"
    if name.endswith((".json", ".json.gz")):
        return "json"
    return "whole"


def _gzipped(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError:
        return False      # the reader says why it cannot be read


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _zip_partitions(path: Path, shard_bytes: int) -> Iterator[ZipMembers]:
    with zipfile.ZipFile(path) as archive:
        members = zip_members(archive)
    group: list[str] = []
    held = 0
    for info in members:
        group.append(info.filename)
        held += info.file_size
        if held >= shard_bytes:
            yield ZipMembers(str(path), tuple(group))
            group, held = [], 0
    if group:
        yield ZipMembers(str(path), tuple(group))


def _row_groups(path: Path) -> Iterator[RowGroup]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        groups = pq.ParquetFile(path).num_row_groups
    except pa.ArrowException as exc:
        raise ValueError(str(exc)) from exc
    for group in range(groups):
        yield RowGroup(str(path), group)


def line_ranges(path: str, shard_bytes: int = SHARD_BYTES) -> Iterator[LineRange]:
    """A JSONL file in ranges of about ``shard_bytes``, each ending at a line's end: the file
    is read once, a block at a time, counting line ends (never parsed, never held whole)."""
    start, line, offset = 0, 1, 0
    newlines = 0            # line ends between ``start`` and the part of the block read
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            at = 0
            while start + shard_bytes - offset <= len(block):
                end = block.find(b"\n", max(at, start + shard_bytes - offset - 1))
                if end < 0:
                    break
                newlines += block.count(b"\n", at, end + 1)
                yield LineRange(path, start, offset + end + 1, line)
                line, newlines = line + newlines, 0
                start, at = offset + end + 1, end + 1
            newlines += block.count(b"\n", at)
            offset += len(block)
    if offset > start:
        yield LineRange(path, start, offset, line)
