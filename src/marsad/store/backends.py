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
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

DEFAULT_DB = "marsad.duckdb"
#: rows fetched at a time by ``Backend.stream``
STREAM_ROWS = 2000
#: events whose rows are read at a time by streamed queries and exports: each block's read
#: scans the parties and contexts once (DuckDB has no index for a list of ids), so the block
#: is large, and it bounds what the database holds at once
KEY_BLOCK = 20_000
#: seconds an ingest waits for another's lock on a PostgreSQL store before giving up
DEFAULT_LOCK_TIMEOUT = 600.0


class StoreError(RuntimeError):
    """A store that cannot be opened or used (bad URL, server down, schema too new …)."""


class LockTimeout(StoreError):
    """Another process held the store's lock for longer than we were to wait."""


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

    def stream(self, sql: str, params: Sequence[Any] = (),
               size: int | None = None) -> tuple[list[str], Iterator[list[tuple]]]:
        """Column names and the rows of a query in lists of at most ``size`` (``STREAM_ROWS``
        unless given), fetched as they are consumed, so that a large selection never sits in
        memory whole."""
        raise NotImplementedError

    def insert(self, table: str, columns: Sequence[Column], rows: Sequence[tuple],
               ignore_existing: bool = False) -> None:
        raise NotImplementedError

    @contextmanager
    def id_list(self, ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        """``ids`` as what goes in ``IN (…)``: the SQL text and its parameters."""
        yield ", ".join("?" * len(ids)) or "NULL", list(ids)

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
    def exclusive(self, name: str, timeout: float | None = None,
                  waiting: Callable[[str], None] | None = None) -> Iterator[None]:
        """Run one writer at a time on this store (a DuckDB file is already one process's).
        Where another holds the lock, ``waiting`` is told who, and after ``timeout`` seconds
        ``LockTimeout`` is raised."""
        yield

    def close(self) -> None:
        raise NotImplementedError


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_backend(db: str, read_only: bool = False) -> Backend:
    """The backend for ``db``: a ``postgresql://`` URL, or a DuckDB file path (opened
    read-only if asked, so that readers do not exclude each other)."""
    if is_postgres_url(db):
        return PostgresBackend(db)
    return DuckDBBackend(db, read_only)


class DuckDBBackend(Backend):
    def __init__(self, path: str, read_only: bool = False):
        import duckdb

        from marsad.store.files import check_duckdb_file

        check_duckdb_file(path)
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_duckdb_open_problem(path, exc)) from exc
        self.path = path
        self.read_only = read_only

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return names, cur.fetchall()

    @contextmanager
    def id_list(self, ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        """Thousands of ids as parameters are slow to bind and match in DuckDB (a block of
        2,000 cost 3.1 s and one of 20,000 12.9 s at a million events; as a table 2.2 and
        3.7 s): they go in as an Arrow table registered for the query."""
        import pyarrow as pa

        name = f"marsad_ids_{uuid.uuid4().hex}"
        self.con.register(name, pa.table({"id": pa.array(list(ids), pa.string())}))
        try:
            yield f"SELECT id FROM {name}", []
        finally:
            self.con.unregister(name)

    def stream(self, sql: str, params: Sequence[Any] = (),
               size: int | None = None) -> tuple[list[str], Iterator[list[tuple]]]:
        cur = self.con.cursor()   # its own result, so the store stays usable meanwhile
        cur.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]

        def batches() -> Iterator[list[tuple]]:
            try:
                while rows := cur.fetchmany(size or STREAM_ROWS):
                    yield rows
            finally:
                cur.close()
        return names, batches()

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
            self.con = _pg_connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}".strip()) from exc
        self.url = url

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(_pg(sql), list(params) or None)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(_pg(sql), list(params) or None)
        names = [d.name for d in cur.description or ()]
        return names, cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (),
               size: int | None = None) -> tuple[list[str], Iterator[list[tuple]]]:
        # a server-side cursor lives in a transaction, on a connection of its own so that the
        # store's stays in autocommit for whatever runs while the rows are read
        con = _pg_connect(self.url)
        cur = con.cursor(name="marsad_stream")
        try:
            cur.execute(_pg(sql), list(params) or None)
            names = [d.name for d in cur.description or ()]
        except BaseException:
            con.close()
            raise

        def batches() -> Iterator[list[tuple]]:
            try:
                while rows := cur.fetchmany(size or STREAM_ROWS):
                    yield rows
            finally:
                con.close()
        return names, batches()

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
    def exclusive(self, name: str, timeout: float | None = None,
                  waiting: Callable[[str], None] | None = None) -> Iterator[None]:
        # Two team members ingesting at once would both code an article missing from the store
        # and collide inserting it: a session-level advisory lock makes the second one wait.
        from marsad.store.locks import acquire_advisory, release_advisory

        key = int.from_bytes(hashlib.sha1(f"marsad:{name}".encode()).digest()[:8], "big", signed=True)
        acquire_advisory(self.con, key, name, timeout, waiting)
        try:
            yield
        finally:
            release_advisory(self.con, key)

    def close(self) -> None:
        self.con.close()


def _pg_connect(url: str, autocommit: bool = False) -> Any:
    """A connection named ``marsad pid N`` in ``pg_stat_activity`` (unless the URL names it),
    so that whoever waits for one of its locks is told which process holds it."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    from marsad.store.locks import application_name

    named = "application_name" in conninfo_to_dict(url)
    extra: dict[str, Any] = {} if named else {"application_name": application_name()}
    return psycopg.connect(url, autocommit=autocommit, **extra)


_QMARK_RE = re.compile(r"\?|%")


def _pg(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled)."""
    return _QMARK_RE.sub(lambda m: "%s" if m.group() == "?" else "%%", sql)


def _duckdb_open_problem(path: str, exc: Exception) -> str:
    """DuckDB's refusal in words: a file held by another process names that process (an
    ingest, most often) and what to do."""
    from marsad.store.locks import duckdb_lock_holder

    holder = duckdb_lock_holder(str(exc))
    if holder is None:
        return f"cannot open DuckDB database {path}: {exc}"
    return (f"{path} is in use by {holder}: a DuckDB store is one process's at a time "
            "(an ingest holds it until it ends); wait for it to finish, or use a PostgreSQL "
            "store for work at the same time")


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _arrow_table(columns: Sequence[Column], rows: Sequence[tuple]) -> Any:
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "date": pa.date32(), "timestamp": pa.timestamp("us")}
    data = list(zip(*rows))
    return pa.table({c.name: pa.array(values, type=types[c.type])
                     for c, values in zip(columns, data)})
