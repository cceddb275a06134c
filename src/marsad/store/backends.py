"""The two databases a store lives in: an embedded DuckDB file, or a PostgreSQL server.

Everything above this module writes one SQL dialect (the common ground of both: ``?``
placeholders, ``ON CONFLICT DO NOTHING``, ``string_agg … ORDER BY``, ``date_trunc``) and hands
rows over as lists of tuples. A backend turns placeholders into its own, runs transactions, and
loads rows in bulk the fast way for its engine (Arrow for DuckDB, ``COPY``-backed pipelines for
PostgreSQL).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

DEFAULT_DB = "marsad.duckdb"


class StoreError(RuntimeError):
    """A store that cannot be opened or used (bad URL, server down, schema too new …)."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # text | int | float | date | timestamp


class Backend:
    """What the store needs from a database."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Column names and rows of a query."""
        raise NotImplementedError

    def insert(self, table: str, columns: Sequence[Column], rows: Sequence[tuple],
               ignore_existing: bool = False) -> None:
        raise NotImplementedError

    _depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; a transaction opened inside another joins it."""
        if self._depth:
            yield
            return
        self._depth += 1
        try:
            with self._outermost_transaction():
                yield
        finally:
            self._depth -= 1

    def _outermost_transaction(self) -> Any:
        raise NotImplementedError

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Run one writer at a time on this store (a DuckDB file is already one process's)."""
        yield

    def close(self) -> None:
        raise NotImplementedError


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_backend(db: str) -> Backend:
    """The backend for ``db``: a ``postgresql://`` URL, or a DuckDB file path."""
    if is_postgres_url(db):
        return PostgresBackend(db)
    return DuckDBBackend(db)


class DuckDBBackend(Backend):
    def __init__(self, path: str):
        import duckdb

        try:
            self.con = duckdb.connect(path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open DuckDB database {path}: {exc}") from exc
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return names, cur.fetchall()

    def insert(self, table: str, columns: Sequence[Column], rows: Sequence[tuple],
               ignore_existing: bool = False) -> None:
        if not rows:
            return
        # DuckDB runs executemany row by row; an Arrow table goes in as one scan.
        self.con.register("_marsad_rows", _arrow_table(columns, rows))
        try:
            names = ", ".join(c.name for c in columns)
            conflict = " ON CONFLICT DO NOTHING" if ignore_existing else ""
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _marsad_rows{conflict}")
        finally:
            self.con.unregister("_marsad_rows")

    @contextmanager
    def _outermost_transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()


class PostgresBackend(Backend):
    def __init__(self, url: str):
        import psycopg

        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}".strip()) from exc
        self.url = url

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(_pg(sql), list(params) or None)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(_pg(sql), list(params) or None)
        names = [d.name for d in cur.description or ()]
        return names, cur.fetchall()

    def insert(self, table: str, columns: Sequence[Column], rows: Sequence[tuple],
               ignore_existing: bool = False) -> None:
        if not rows:
            return
        names = ", ".join(c.name for c in columns)
        with self.con.cursor() as cur:
            if ignore_existing:   # few rows (dictionary entries), most already there
                marks = ", ".join(["%s"] * len(columns))
                cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}) "
                                "ON CONFLICT DO NOTHING", rows)
                return
            with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _outermost_transaction(self) -> Any:
        return self.con.transaction()

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        # Two team members ingesting at once would both code an article missing from the store
        # and collide inserting it: a session-level advisory lock makes the second one wait.
        key = int.from_bytes(hashlib.sha1(f"marsad:{name}".encode()).digest()[:8], "big", signed=True)
        self.con.execute("SELECT pg_advisory_lock(%s)", (key,))
        try:
            yield
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", (key,))

    def close(self) -> None:
        self.con.close()


_QMARK_RE = re.compile(r"\?|%")


def _pg(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled)."""
    return _QMARK_RE.sub(lambda m: "%s" if m.group() == "?" else "%%", sql)


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _arrow_table(columns: Sequence[Column], rows: Sequence[tuple]) -> Any:
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "date": pa.date32(), "timestamp": pa.timestamp("us")}
    data = list(zip(*rows))
    return pa.table({c.name: pa.array(values, type=types[c.type])
                     for c, values in zip(columns, data)})
