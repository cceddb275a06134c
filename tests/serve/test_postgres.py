"""The API over a PostgreSQL store: the same answers as over DuckDB. Needs the server of
``scripts/test.sh`` (``MARSAD_TEST_POSTGRES``); skipped with the reason without it, a failure
under ``MARSAD_REQUIRE_POSTGRES=1`` (CI)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from serve_support import ARTICLES, TOKEN, make_client


@pytest.fixture(scope="module")
def postgres_store() -> Iterator[str]:
    admin = os.environ.get("MARSAD_TEST_POSTGRES")
    if not admin:
        if os.environ.get("MARSAD_REQUIRE_POSTGRES") == "1":
            pytest.fail("MARSAD_REQUIRE_POSTGRES=1 but MARSAD_TEST_POSTGRES is not set")
        pytest.skip("no PostgreSQL server: MARSAD_TEST_POSTGRES is not set "
                    "(scripts/test.sh starts one when PostgreSQL is installed)")
    import psycopg

    from marsad import Store

    name = f"marsad_serve_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    url = admin.rsplit("/", 1)[0] + "/" + name
    with Store(url) as store:
        store.ingest([str(ARTICLES)], jobs=1)
    yield url
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_the_api_reads_a_postgresql_store_as_a_duckdb_one(postgres_store: str, client) -> None:
    with make_client(postgres_store, token=TOKEN) as pg:
        for path in ("/v1/events?limit=3", "/v1/events?type=ASSAULT", "/v1/trends?by=week",
                     "/v1/events.geojson", "/v1/articles/serve-alpha-001"):
            assert pg.get(path).json() == client.get(path).json(), path
        seen, cursor = [], None
        while True:
            page = pg.get("/v1/events", params={"limit": 2, "cursor": cursor}).json()
            seen += [e["event_id"] for e in page["events"]]
            if not (cursor := page["next_cursor"]):
                break
        assert seen == [e["event_id"] for e in client.get("/v1/events").json()["events"]]
        event = pg.get(f"/v1/events/{seen[0]}").json()
        assert pg.get(f"/v1/clusters/{event['cluster_id']}").json()["events"]
        assert pg.get("/v1/events", params={"format": "csv"}).text.count("\n") == len(seen) + 1
        answer = pg.post("/v1/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
                         json={"articles": [{"id": "pg-1", "text": "x", "source": "pg"}]})
        assert answer.status_code == 200 and answer.json()["new"] == 1
