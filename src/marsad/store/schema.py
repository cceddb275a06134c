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

from marsad.store.backends import Backend, StoreError

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
        raise StoreError(f"the store's schema is version {version}, newer than this marsad "
                         f"knows ({latest}); upgrade marsad")
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
