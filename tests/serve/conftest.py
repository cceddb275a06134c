"""A store of the Arabic test articles of ``data/articles.jsonl`` (written for these tests:
two sources reporting one air strike in Idlib, a protest in Baghdad, arrests in Mosul, a
visit to Ankara), ingested once per session, and an API client over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import ARTICLES, make_client


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from marsad import Store

    path = tmp_path_factory.mktemp("serve") / "events.duckdb"
    with Store(str(path)) as store:
        store.ingest([str(ARTICLES)], jobs=1)
    return str(path)


@pytest.fixture
def fresh_db(served_db: str, tmp_path: Path) -> str:
    """A copy of the served store that a test may write to."""
    copy = tmp_path / "events.duckdb"
    shutil.copy(served_db, copy)
    return str(copy)


@pytest.fixture(scope="session")
def client(served_db: str) -> Iterator:  # type: ignore[type-arg]
    with make_client(served_db) as c:
        yield c
