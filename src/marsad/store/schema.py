"""Versioned schema migrations, applied in order, each inside one transaction.

A migration is ``migrations/NNNN_name.sql`` in the package. The ``schema_migrations`` table
records which have been applied, so that opening a store brings it up to date and opening it
again changes nothing; a store made by a newer marsad is refused rather than misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from marsad.store.backends import Backend, DuckDBBackend, StoreError

_NAME_RE = re.compile(r"^(\d{4})_(\w+)\.sql$")
_STATEMENT_END_RE = re.compile(r";[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        body = "\n".join(line for line in self.sql.splitlines() if not line.lstrip().startswith("--"))
        return [s.strip() for s in _STATEMENT_END_RE.split(body) if s.strip()]


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("marsad.store").joinpath("migrations").iterdir():
        match = _NAME_RE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def current_version(backend: Backend) -> int:
    backend.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)")
    _, rows = backend.fetch("SELECT max(version) FROM schema_migrations")
    return int(rows[0][0] or 0)


def tables(backend: Backend) -> set[str]:
    """The tables (and views) of the store's schema."""
    _, rows = backend.fetch("SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = current_schema()")
    return {r[0] for r in rows}


def open_schema(backend: Backend, where: str, read_only: bool = False) -> int:
    """The schema version of the store ``where``, brought up to date unless ``read_only``.
    A DuckDB file holding other tables than a store's is refused, and so is, for reading, a
    database with no store in it."""
    found = tables(backend)
    if "store_state" not in found:
        foreign = sorted(found - {"schema_migrations"})
        if foreign and isinstance(backend, DuckDBBackend):
            shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
            raise StoreError(f"{where} is a DuckDB database but not a marsad store "
                             f"(it has the tables {shown}); use another --db")
        if read_only:
            raise StoreError(f"no marsad store in {where}: `marsad ingest PATH --db {where}` "
                             "makes one")
    if read_only:
        version = stored_version(backend)
        if version > latest_version():
            raise _too_new(version)
        return version
    return migrate(backend)


def stored_version(backend: Backend) -> int:
    _, rows = backend.fetch("SELECT max(version) FROM schema_migrations")
    return int(rows[0][0] or 0)


def latest_version() -> int:
    known = migrations()
    return known[-1].version if known else 0


def _too_new(version: int) -> StoreError:
    return StoreError(f"the store's schema is version {version}, newer than this marsad "
                      f"knows ({latest_version()}); upgrade marsad")


def migrate(backend: Backend) -> int:
    """Apply the migrations the store lacks; the schema version it ends at. Two processes
    opening a new store at once take turns."""
    with backend.exclusive("migrate"):
        return _migrate(backend)


def _migrate(backend: Backend) -> int:
    known = migrations()
    version = current_version(backend)
    latest = known[-1].version if known else 0
    if version > latest:
        raise _too_new(version)
    for migration in known:
        if migration.version <= version:
            continue
        with backend.transaction():
            for statement in migration.statements():
                backend.execute(statement)
            backend.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                            (migration.version, migration.name,
                             datetime.now(UTC).replace(tzinfo=None)))
        version = migration.version
    return version
