"""Pages with a keyset cursor, counts, and one event, article or cluster (what ``marsad
serve`` reads), on both backends."""

from __future__ import annotations

import json
from pathlib import Path

REPORTS = Path(__file__).parent / "data" / "reports.jsonl"


def test_pages_cover_every_event_once_in_query_order(reports_store) -> None:
    everything = [r["event_id"] for r in reports_store.records()]
    assert len(everything) > 3
    seen, after = [], None
    while True:
        items, after = reports_store.page(after=after, limit=2)
        seen += [r["event_id"] for r in items]
        if after is None:
            break
    assert seen == everything
    assert reports_store.count() == len(everything)


def test_a_page_of_rows_and_a_filtered_count(reports_store) -> None:
    rows, _ = reports_store.page(limit=100, records=False)
    assert rows and "event_type" in rows[0]
    assert reports_store.count(types=("ASSAULT",)) == sum(r["event_type"] == "ASSAULT" for r in rows)


def test_a_page_of_rows_is_the_flat_view_s_rows(reports_store) -> None:
    rows, _ = reports_store.page(limit=100, records=False)
    view = reports_store.query(limit=100)
    assert list(rows[0]) == list(view.columns)
    for row, (_, expected) in zip(rows, view.iterrows(), strict=True):
        for column in ("actor_codes", "actor_countries", "recipient_codes", "recipient_countries"):
            assert (row[column] or None) == (expected[column] if isinstance(expected[column], str)
                                             else None), column


def test_one_article_keeps_its_text_for_the_offsets(reports_store) -> None:
    first = json.loads(REPORTS.read_text(encoding="utf-8").splitlines()[0])
    article = reports_store.article(first["id"])
    assert article["text"] == first["text"]
    assert article["events"], "the first report has events"
    for event in article["events"]:
        for item in event["evidence"]:
            span = item["trigger"]
            where = article["text"] if item.get("field", "text") == "text" else article["title"]
            assert where[span["start"]:span["end"]] == span["text"]
    assert reports_store.article("no-such-article") is None


def test_one_event_and_its_cluster(reports_store) -> None:
    record = next(reports_store.records())
    event = reports_store.event(record["event_id"])
    assert event["event_id"] == record["event_id"] and event["cluster_id"]
    cluster = reports_store.cluster(event["cluster_id"])
    assert record["event_id"] in [e["event_id"] for e in cluster["events"]]
    assert reports_store.event("nope") is None and reports_store.cluster("nope") is None


def test_the_date_range(reports_store) -> None:
    first, last = reports_store.date_range()
    assert first is not None and last is not None and first <= last


def test_points_are_the_located_events_in_query_order(reports_store) -> None:
    located = [r["event_id"] for r in reports_store.records() if (r["location"] or {}).get("lat")]
    assert located
    points = reports_store.points()
    assert [p["event_id"] for p in points] == located
    assert all(p["lat"] is not None and p["lon"] is not None for p in points)
    assert len(reports_store.points(limit=1)) == 1


def test_stored_values_read_the_tables(reports_store) -> None:
    assert "ASSAULT" in reports_store.stored_values("event_type")
    assert "IRQ" in reports_store.stored_values("country")
    assert reports_store.stored_values("source") == {"alpha", "beta", "gamma"}
