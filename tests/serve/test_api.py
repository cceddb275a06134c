"""The web API over a store of the test articles: every endpoint, pages, formats, the token,
the size limits and bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest
from serve_support import ARTICLES, TOKEN, make_client

ARTICLE_IDS = [json.loads(line)["id"] for line in ARTICLES.read_text(encoding="utf-8").splitlines()]


def test_openapi_describes_every_endpoint(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/events", "/v1/events/{event_id}", "/v1/events.geojson", "/v1/trends",
                 "/v1/clusters/{cluster_id}", "/v1/articles/{article_id}", "/v1/code",
                 "/v1/ingest", "/v1/meta"):
        assert path in paths, path


def test_the_docs_page_loads_nothing_from_elsewhere(client) -> None:
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page
    assert client.get("/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js").status_code == 200


def test_the_dashboard_and_its_assets_are_served_here(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/dashboard.js", "/static/i18n.json",
                  "/static/vendor/leaflet-1.9.4/dist/leaflet.js",
                  "/static/vendor/world-atlas-2.0.2/countries-50m.json"):
        assert client.get(asset).status_code == 200, asset


def _total(client) -> int:
    return len(client.get("/v1/events", params={"format": "jsonl"}).text.splitlines())


def test_events_are_contract_records_with_a_total(client) -> None:
    body = client.get("/v1/events").json()
    assert body["total"] == body["count"] == _total(client) > 4
    assert body["next_cursor"] is None
    assert {e["article_id"] for e in body["events"]} == set(ARTICLE_IDS)
    assert {"event_id", "event_type", "actor", "evidence", "coder"} <= set(body["events"][0])


@pytest.mark.parametrize("limit", [1, 2, 3, 7])
def test_pages_follow_the_cursor_without_repeating_or_skipping(client, limit: int) -> None:
    everything = [e["event_id"] for e in client.get("/v1/events").json()["events"]]
    seen, cursor = [], None
    while True:
        page = client.get("/v1/events", params={"limit": limit, "cursor": cursor}).json()
        assert page["total"] == len(everything) and page["count"] <= limit
        seen += [e["event_id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything


def test_limit_zero_gives_the_total_only(client) -> None:
    body = client.get("/v1/events", params={"limit": 0}).json()
    assert body["total"] == _total(client) and body["events"] == []


def _codes(record: dict, role: str) -> set[str]:
    return {e["code"] for e in record[role]}


def _day(record: dict) -> str:
    return (record["time"] or {}).get("start") or ""


# each filter against what it should select, read from the unfiltered records (the coder's
# output may change; the filter's meaning does not)
FILTERS = [
    ({"type": "ASSAULT"}, lambda r: r["event_type"] == "ASSAULT"),
    ({"type": "assault,coerce"}, lambda r: r["event_type"] in ("ASSAULT", "COERCE")),
    ({"country": "Syria"}, lambda r: (r["location"] or {}).get("country") == "SYR"),
    ({"country": "\u0627\u0644\u0639\u0631\u0627\u0642"},      # Iraq, in Arabic
     lambda r: (r["location"] or {}).get("country") == "IRQ"),
    ({"actor": "IRQ"}, lambda r: "IRQ" in _codes(r, "actor")),
    ({"source": "gamma"}, lambda r: r["article_id"].startswith("serve-gamma")),
    ({"article": "serve-alpha-003"}, lambda r: r["article_id"] == "serve-alpha-003"),
    ({"mode": "arrest"}, lambda r: r["mode"] == "arrest"),
    ({"modality": "asserted"}, lambda r: r["modality"] == "asserted"),
    ({"min_confidence": "0.8"}, lambda r: r["confidence"] >= 0.8),
]


@pytest.mark.parametrize("params, wanted", FILTERS)
def test_filters_of_marsad_query(client, params: dict, wanted) -> None:
    everything = client.get("/v1/events").json()["events"]
    expected = sorted(r["event_id"] for r in everything if wanted(r))
    assert expected, f"the test articles have events for {params}"
    found = client.get("/v1/events", params=params).json()
    assert found["total"] == len(expected)
    assert sorted(r["event_id"] for r in found["events"]) == expected


def test_date_and_text_filters(client) -> None:
    spring = client.get("/v1/events", params={"since": "2025-04-01", "until": "2025-05-31"}).json()
    assert spring["total"] and {e["article_id"] for e in spring["events"]} == {
        "serve-alpha-003", "serve-gamma-004"}
    arrests = client.get("/v1/events", params={"text": "\u0627\u0639\u062a\u0642\u0644\u062a"})
    assert [e["article_id"] for e in arrests.json()["events"]] == ["serve-gamma-004"]


def test_csv_and_jsonl_for_pandas_and_r(client) -> None:
    answer = client.get("/v1/events", params={"format": "csv", "limit": 3})
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["x-total-count"] == str(_total(client)) and answer.headers["x-next-cursor"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 3 and {"event_id", "event_type", "lat", "lon", "evidence"} <= set(rows[0])
    lines = client.get("/v1/events", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == client.get("/v1/events").json()["total"]
    assert json.loads(lines[0])["event_id"]


def test_one_event_and_a_missing_one(client) -> None:
    first = client.get("/v1/events", params={"limit": 1}).json()["events"][0]
    event = client.get(f"/v1/events/{first['event_id']}").json()
    assert event["event_id"] == first["event_id"] and event["cluster_id"]
    missing = client.get("/v1/events/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_geojson_points_carry_type_date_and_counts(client) -> None:
    body = client.get("/v1/events.geojson", params={"type": "ASSAULT"}).json()
    assert body["type"] == "FeatureCollection" and body["features"]
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 38 and 35 < lat < 37        # Idlib and Saraqib
        assert feature["properties"]["event_type"] == "ASSAULT"
        assert {"event_date", "killed", "operations", "location"} <= set(feature["properties"])
    assert client.get("/v1/events.geojson", params={"limit": 1}).json()["truncated"] is True


def test_trends_count_each_cluster_once(client) -> None:
    body = client.get("/v1/trends", params={"by": "month", "type": "ASSAULT"}).json()
    march = body["periods"][0]
    assert march["period"] == "2025-03"
    assert march["events"] < march["mentions"]            # two sources, one strike
    assert body["modalities"] == ["asserted"]
    assert client.get("/v1/trends", params={"by": "fortnight"}).status_code == 422


def test_a_cluster_holds_both_sources_reports(client) -> None:
    strike = client.get("/v1/events", params={"source": "alpha", "type": "ASSAULT"}).json()["events"][0]
    cluster_id = client.get(f"/v1/events/{strike['event_id']}").json()["cluster_id"]
    cluster = client.get(f"/v1/clusters/{cluster_id}").json()
    assert cluster["n_sources"] == 2
    assert {e["source"] for e in cluster["events"]} == {"alpha", "beta"}
    assert client.get("/v1/clusters/nope").status_code == 404


def test_an_article_gives_its_text_and_evidence_offsets(client) -> None:
    article = client.get("/v1/articles/serve-alpha-001").json()
    text = article["text"]
    assert text.startswith("\u0634\u0646\u062a") and article["url"].startswith("https://alpha")
    spans = article["events"][0]["spans"]
    roles = {s["role"] for s in spans}
    assert {"trigger", "actor", "recipient", "place", "time"} <= roles
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
    assert client.get("/v1/articles/nope").status_code == 404


def test_meta_lists_what_the_filters_can_choose(client) -> None:
    meta = client.get("/v1/meta").json()
    assert meta["counts"]["articles"] == 5 and meta["writable"] is False
    assert "ASSAULT" in meta["types"] and {"code": "SYR", "name": "Syria"} in meta["countries"]
    assert (meta["first_date"], meta["last_date"]) == ("2025-03-11", "2025-06-02")


@pytest.mark.parametrize("params, words", [
    ({"type": "ASSUALT"}, "did you mean ASSAULT"),
    ({"country": "Syrai"}, "did you mean Syria (SYR)"),
    ({"country": "Atlantis"}, "no such country"),
    ({"since": "2025-06-01", "until": "2025-01-01"}, "after until"),
    ({"since": "yesterday"}, "YYYY-MM-DD"),
    ({"modality": "rumoured"}, "asserted"),
    ({"mode": "aireal"}, "aerial"),
    ({"actor": "usa.centcomm"}, "usa.centcom"),
    ({"min_confidence": "2"}, "between 0 and 1"),
    ({"limit": "5000"}, "between 0 and 1000"),
    ({"limit": "many"}, "whole number"),
    ({"format": "xml"}, "json, csv, jsonl"),
    ({"cursor": "not-a-cursor"}, "next_cursor"),
    ({"contry": "SYR"}, "did you mean country"),
])
def test_bad_filters_are_422_saying_what_is_valid(client, params: dict, words: str) -> None:
    answer = client.get("/v1/events", params=params)
    assert answer.status_code == 422
    assert words in answer.json()["detail"]


def test_writing_is_off_without_a_token(client) -> None:
    for path, body in (("/v1/code", {"text": "x"}), ("/v1/ingest", {"articles": [{"text": "x"}]})):
        answer = client.post(path, json=body)
        assert answer.status_code == 403 and "--token" in answer.json()["detail"]


@pytest.fixture
def writer(fresh_db: str):  # type: ignore[no-untyped-def]
    with make_client(fresh_db, token=TOKEN, max_body_bytes=20_000, max_articles=3) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}
MOSUL = json.loads(ARTICLES.read_text(encoding="utf-8").splitlines()[3])


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": TOKEN}])
def test_writing_without_the_right_token_is_refused(writer, headers: dict) -> None:
    answer = writer.post("/v1/code", json={"text": MOSUL["text"]}, headers=headers)
    assert answer.status_code == 401


def test_code_returns_events_and_stores_nothing(writer) -> None:
    before = writer.get("/v1/meta").json()["counts"]
    answer = writer.post("/v1/code", json={"text": MOSUL["text"], "date": "2025-05-15"}, headers=AUTH)
    assert answer.status_code == 200
    events = answer.json()["events"]
    assert [(e["event_type"], e["mode"]) for e in events] == [("COERCE", "arrest")]
    assert writer.get("/v1/meta").json()["counts"] == before


def test_ingest_stores_articles_that_are_then_served(writer) -> None:
    article = {"id": "serve-new-006", "title": "\u0627\u062d\u062a\u062c\u0627\u062c",
               "text": MOSUL["text"].replace("\u0627\u0644\u0645\u0648\u0635\u0644",
                                             "\u0627\u0644\u0628\u0635\u0631\u0629"),
               "date": "2025-07-01", "source": "delta"}
    answer = writer.post("/v1/ingest", json={"articles": [article]}, headers=AUTH)
    assert answer.status_code == 200
    assert answer.json()["new"] == 1 and answer.json()["events"] >= 1
    assert writer.get("/v1/events", params={"source": "delta"}).json()["total"] >= 1
    again = writer.post("/v1/ingest", json={"articles": [article]}, headers=AUTH).json()
    assert again["unchanged"] == 1


@pytest.mark.parametrize("body, status, words", [
    ({"text": ""}, 422, "non-empty"),
    ({"txt": "x"}, 422, "unknown field 'txt'"),
    ({"text": 5}, 422, "non-empty string"),
    ({"text": "x", "date": "soon"}, 422, "ISO date"),
    ([1, 2], 422, "not an object"),
])
def test_code_refuses_bad_articles(writer, body, status: int, words: str) -> None:
    answer = writer.post("/v1/code", json=body, headers=AUTH)
    assert answer.status_code == status and words in answer.json()["detail"]


def test_ingest_refuses_bad_bodies(writer) -> None:
    assert writer.post("/v1/ingest", json={"articles": []}, headers=AUTH).status_code == 422
    too_many = {"articles": [{"text": "x"}] * 4}
    answer = writer.post("/v1/ingest", json=too_many, headers=AUTH)
    assert answer.status_code == 413 and "at most 3" in answer.json()["detail"]
    bad = writer.post("/v1/ingest", content=b"{not json", headers=AUTH)
    assert bad.status_code == 400


def test_a_body_over_the_limit_is_413_declared_or_not(writer) -> None:
    big = json.dumps({"text": "\u0627" * 30_000}).encode()
    assert writer.post("/v1/code", content=big, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: the limit holds as the body is read
        for start in range(0, len(big), 4096):
            yield big[start:start + 4096]
    assert writer.post("/v1/code", content=chunks(), headers=AUTH).status_code == 413


def test_answers_are_reused_until_an_ingest(writer) -> None:
    first = writer.get("/v1/events", params={"source": "delta"})
    assert first.headers["x-cache"] == "miss" and first.json()["total"] == 0
    assert writer.get("/v1/events", params={"source": "delta"}).headers["x-cache"] == "hit"
    article = {"id": "serve-new-007", "text": MOSUL["text"], "date": "2025-07-02", "source": "delta"}
    assert writer.post("/v1/ingest", json={"articles": [article]}, headers=AUTH).status_code == 200
    after = writer.get("/v1/events", params={"source": "delta"})
    assert after.headers["x-cache"] == "miss" and after.json()["total"] >= 1


def test_no_cache_when_asked(fresh_db: str) -> None:
    with make_client(fresh_db, cache_seconds=0) as c:
        assert "x-cache" not in c.get("/v1/meta").headers
