"""Versioned migrations."""

from __future__ import annotations

import pytest

from marsad.store import Store, StoreError
from marsad.store.schema import migrations


def test_a_new_store_is_at_the_latest_schema_and_reopening_changes_nothing(db):
    latest = migrations()[-1].version
    with Store(db) as store:
        assert store.schema_version == latest
    with Store(db) as store:
        _, rows = store.backend.fetch("SELECT count(*) FROM schema_migrations")
        assert rows[0][0] == len(migrations())


def test_a_store_from_a_newer_marsad_is_refused(db):
    with Store(db) as store:
        store.backend.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
