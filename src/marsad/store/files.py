"""The files around a store: is a path a DuckDB store, and writing an output next to one.

``--db`` is easily pointed at the wrong file (the JSONL just ingested, an export), and ``-o`` at
the store itself. A file that is not DuckDB's is refused before DuckDB opens it (its header
says what it is), an output that is the store is refused before anything is written, and an
output is written to a temporary file in its folder and renamed into place only once complete,
so that a failed write leaves neither a half file nor a temporary one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from marsad.store.backends import StoreError, is_postgres_url

#: a DuckDB database file has these bytes at offset 8
DUCKDB_MAGIC = b"DUCK"
_LOOKS: tuple[tuple[bytes, str], ...] = (
    (b"PAR1", "a Parquet file"), (b"\x1f\x8b", "a gzip file"), (b"PK\x03\x04", "a zip file"),
    (b"SQLite format 3", "an SQLite database"), (b"\x89PNG", "a PNG image"),
    (b"<svg", "an SVG image"), (b"<?xml", "an XML file"), (b"%PDF", "a PDF file"),
)


def check_duckdb_file(path: str) -> None:
    """Refuse an existing, non-empty file that is not a DuckDB database, saying what it looks
    like (an empty or missing file becomes a new store)."""
    try:
        with open(path, "rb") as f:
            head = f.read(512)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"--db {path} is a folder, not a DuckDB store") from None
    except OSError as exc:
        raise StoreError(f"cannot read --db {path}: {exc.strerror or exc}") from None
    if not head or head[8:12] == DUCKDB_MAGIC:
        return
    raise StoreError(f"--db {path} is not a DuckDB store: it looks like {looks_like(head)}")


def looks_like(head: bytes) -> str:
    """What the first bytes of a file suggest it is, in words."""
    for magic, name in _LOOKS:
        if head.startswith(magic):
            return name
    text = _utf8_text(head)
    if text is None or "\x00" in text:
        return "a binary file of another kind"
    if text.startswith("{"):
        return "a JSON Lines (or JSON) file"
    if text.startswith("["):
        return "a JSON file"
    first = text.split("\n", 1)[0]
    if "," in first or "\t" in first:
        return "a CSV (or TSV) file"
    return "a text file"


def _utf8_text(head: bytes) -> str | None:
    """The first bytes as text, allowing for a character cut at their end; None if binary."""
    for cut in range(4):
        try:
            return head[:len(head) - cut].decode("utf-8-sig").lstrip()
        except UnicodeDecodeError:
            continue
    return None


def refuse_store_as_output(output: str, db: str) -> None:
    """An output path that is the store (or its write-ahead log) is refused: writing there
    would destroy it. Hard links and symbolic links count as the same file."""
    if is_postgres_url(db):
        return
    for protected in (db, db + ".wal"):
        if _same_file(output, protected):
            raise StoreError(f"-o {output} is the store {db}: writing there would destroy it; "
                             "choose another file")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:   # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


@contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text file to write ``path``'s new content to, renamed over ``path`` when the block
    ends without an error and removed when it does not. A path that is not a regular file (a
    terminal, ``/dev/null``, a pipe) is written directly: it cannot be replaced."""
    target = Path(path)
    if target.exists() and not target.is_file():
        with open(path, "w", encoding="utf-8") as out:
            yield out
        return
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8") as out:
        yield out


@contextmanager
def atomic_path(path: str) -> Iterator[str]:
    """A temporary path beside ``path`` for a writer that takes a file name (Parquet), renamed
    over ``path`` on success and removed on failure."""
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                         dir=str(target.parent))
    except OSError as exc:   # said of the output asked for, not of the temporary name
        raise OSError(exc.errno, exc.strerror, path) from None
    os.close(fd)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _mode_for(target: Path) -> int:
    """The permissions the output would have had if written directly: the old file's, or
    those the umask gives a new one (mkstemp makes its file private)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
