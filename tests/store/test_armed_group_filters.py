"""Armed groups in the store: code NSA, the home state in a country column of its own, so that
ACLED-style users see the groups apart and CAMEO-style users find them under their country.
In ``data/reports.jsonl`` Turkey strikes the PKK (NSA, home TUR) in Duhok, reported twice, and
the Iraqi police arrest twelve suspected ISIS members in Mosul (NSA, placed in IRQ)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from marsad.cli.main import main
from marsad.store.backends import open_backend
from marsad.store.schema import current_version, migrations

REPORTS = str(Path(__file__).parent / "data" / "reports.jsonl")
STRIKES = {"alpha-0301", "beta-0302"}
ARREST = "alpha-0410"


@pytest.mark.parametrize("criteria, expected", [
    ({"recipients": ["NSA"]}, STRIKES | {ARREST}),  # every armed group
    ({"recipients": ["TUR"]}, STRIKES),            # the PKK under its home country
    ({"recipients": ["pkk"]}, STRIKES),            # by dictionary id, as before
    ({"actors": ["NSA"]}, set()),
    ({"actors": ["TUR"], "recipients": ["NSA"]}, STRIKES),
])
def test_actor_and_recipient_filters_find_groups_by_nsa_or_by_home_country(reports_store, criteria,
                                                                             expected):
    assert set(reports_store.query(**criteria)["article_id"]) == expected


def test_the_flat_view_has_the_parties_countries_beside_their_codes(reports_store):
    row = reports_store.query(articles=["alpha-0301"]).iloc[0]
    assert (row["actor_codes"], row["actor_countries"]) == ("TUR", "TUR")
    assert (row["recipient_codes"], row["recipient_countries"]) == ("NSA", "TUR")
    frame = reports_store.query()
    # no recipient, no country; a state recipient's country is its code
    assert (frame["recipient_codes"].isna() == frame["recipient_countries"].isna()).all()


def test_trends_count_armed_groups_by_nsa_and_by_country(reports_store):
    for recipient, expected in (("NSA", [("2025-03", 1), ("2025-04", 1)]),
                                ("TUR", [("2025-03", 1)])):
        rows = reports_store.trends(by="month", recipients=[recipient]).to_dict("records")
        assert [(r["period"], r["events"]) for r in rows if r["events"]] == expected


def test_csv_export_shows_nsa_with_the_home_country_in_its_own_column(reports_store, tmp_path):
    path = tmp_path / "events.csv"
    reports_store.export(str(path), "csv", types=["ASSAULT"])
    frame = pd.read_csv(path, keep_default_na=False)
    assert set(frame["actor2_code"]) == {"NSA"} and set(frame["actor2_country"]) == {"TUR"}
    assert set(frame["actor1_country"]) == {"TUR"}


def test_parquet_export_has_the_country_columns(reports_store, tmp_path):
    path = tmp_path / "events.parquet"
    reports_store.export(str(path), "parquet", types=["ASSAULT"])
    frame = pd.read_parquet(path)
    assert set(frame["recipient_countries"]) == {"TUR"} and set(frame["recipient_codes"]) == {"NSA"}


def test_query_command_finds_a_group_under_its_home_country(capsys, db):
    main(["ingest", REPORTS, "--db", db, "--jobs", "1"])
    capsys.readouterr()
    assert main(["query", "--db", db, "--format", "jsonl", "--recipient", "NSA"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["article_id"] for r in records} == STRIKES | {ARREST}
    assert {(e["code"], e["country"]) for r in records for e in r["recipient"]} == {
        ("NSA", "TUR"), ("NSA", "IRQ")}


# a store written by marsad before schema version 2: the PKK coded by its country

_OLD_RECIPIENT = {"text": "حزب العمال الكردستاني", "start": 30, "end": 51, "name": "PKK",
                  "code": "TUR", "sector": "REB", "id": "pkk", "kind": "non_state_armed",
                  "field": "text"}
_OLD_ACTOR = {"text": "الجيش التركي", "start": 5, "end": 17, "name": "Turkey (army)",
              "code": "TUR", "sector": "MIL", "id": "tur.mil", "kind": "state", "field": "text"}
_OLD_ATTRIBUTION = {"text": "الأمم المتحدة", "start": 60, "end": 73, "name": "United Nations",
                    "code": "IGO", "sector": None, "id": "un", "kind": "igo", "field": "text"}


def _old_store(db: str) -> None:
    backend = open_backend(db)
    try:
        current_version(backend)
        with backend.transaction():
            for statement in migrations()[0].statements():
                backend.execute(statement)
            backend.execute("INSERT INTO schema_migrations VALUES (1, 'initial', '2026-01-01')")
        record = {"event_id": "old-1", "article_id": "old", "language": "ar",
                  "event_type": "ASSAULT", "actor": [_OLD_ACTOR], "recipient": [_OLD_RECIPIENT],
                  "attribution": {"text": "قالت الأمم المتحدة", "entity": _OLD_ATTRIBUTION},
                  "modality": "asserted", "evidence": []}
        with backend.transaction():
            backend.execute("INSERT INTO articles (article_id, content_hash, n_events, "
                            "coder_version, resources_version, ingested_at, published) VALUES "
                            "('old', 'h', 1, '0.1', 'r', '2026-01-01', '2025-05-01')")
            backend.execute("INSERT INTO events (event_id, article_id, event_type, modality, "
                            "operations, event_date, record) VALUES ('old-1', 'old', 'ASSAULT', "
                            "'asserted', 1, '2025-05-01', ?)", (json.dumps(record),))
            for role, e in (("actor", _OLD_ACTOR), ("recipient", _OLD_RECIPIENT),
                            ("attribution", _OLD_ATTRIBUTION)):
                backend.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
                                (e["id"], e["name"], e["code"], e["sector"], e["kind"]))
                backend.execute("INSERT INTO event_entities VALUES (?, ?, 0, ?, ?, ?, ?, 'text')",
                                ("old-1", role, e["id"], e["text"], e["start"], e["end"]))
    finally:
        backend.close()


def test_an_old_store_is_upgraded_so_its_groups_are_nsa_with_their_country(db):
    from marsad import Store

    _old_store(db)
    with Store(db) as store:
        assert store.schema_version == migrations()[-1].version
        row = store.query().iloc[0]
        assert (row["actor_codes"], row["actor_countries"]) == ("TUR", "TUR")
        assert (row["recipient_codes"], row["recipient_countries"]) == ("NSA", "TUR")
        assert len(store.query(recipients=["NSA"])) == len(store.query(recipients=["TUR"])) == 1
        assert len(store.query(actors=["NSA"])) == 0


def test_an_old_stores_records_read_in_the_contracts_shape(db):
    from marsad import Store

    _old_store(db)
    with Store(db) as store:
        (record,) = store.records()
    (recipient,), (actor,) = record["recipient"], record["actor"]
    assert (recipient["code"], recipient["country"], recipient["kind"]) == \
        ("NSA", "TUR", "non_state_armed")
    assert list(recipient)[4:7] == ["code", "country", "sector"]
    assert (actor["code"], actor["country"]) == ("TUR", "TUR")
    assert record["attribution"]["entity"]["country"] is None
