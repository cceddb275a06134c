"""Every store test runs against DuckDB and, where a server is given, PostgreSQL.

``scripts/test.sh`` starts a throwaway PostgreSQL server when the distribution's binaries are
installed and passes its URL in ``MARSAD_TEST_POSTGRES``; each test gets a fresh database on
it. Without a server the PostgreSQL half is skipped with a reason, unless
``MARSAD_REQUIRE_POSTGRES=1`` (CI), where a missing server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPORTS = DATA / "reports.jsonl"


def _postgres_admin_url() -> str | None:
    url = os.environ.get("MARSAD_TEST_POSTGRES")
    if not url and os.environ.get("MARSAD_REQUIRE_POSTGRES") == "1":
        pytest.fail("MARSAD_REQUIRE_POSTGRES=1 but MARSAD_TEST_POSTGRES is not set "
                    "(scripts/test.sh starts a server when PostgreSQL is installed)")
    return url


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store location of each kind."""
    if request.param == "duckdb":
        yield str(tmp_path / "events.duckdb")
    else:
        yield from _fresh_postgres_database()


@pytest.fixture
def postgres_db() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, for what only a server can do."""
    yield from _fresh_postgres_database()


def _fresh_postgres_database() -> Iterator[str]:
    admin = _postgres_admin_url()
    if not admin:
        pytest.skip("no PostgreSQL server: MARSAD_TEST_POSTGRES is not set "
                    "(scripts/test.sh starts one when PostgreSQL is installed)")
    import psycopg

    name = f"marsad_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield admin.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def store(db: str):
    from marsad import Store

    with Store(db) as s:
        yield s


@pytest.fixture
def reports_store(store):
    """A store holding the six reports of ``data/reports.jsonl``."""
    store.ingest([str(REPORTS)], jobs=1)
    return store
