"""Hostile records in an ingest (issue 13, items 2, 5, 12 and 13), on DuckDB and PostgreSQL:
every good record is stored, every bad one named with its file and line."""

from __future__ import annotations

import json

from marsad import Store

TEXT = "هاجمت القوات التركية مواقع لحزب العمال الكردستاني في شمال العراق أمس."
GOOD = {"id": "a1", "source": "alpha", "title": "غارات تركية", "text": TEXT, "date": "2015-08-06"}


def _ingest(store: Store, path, lines) -> list:
    path.write_text("\n".join(ln if isinstance(ln, str) else json.dumps(ln, ensure_ascii=False)
                              for ln in lines) + "\n", encoding="utf-8")
    problems: list = []
    store.ingest([str(path)], jobs=1, report=problems.append)
    return problems


def _stored(store: Store) -> dict:
    _, rows = store.backend.fetch("SELECT article_id, title, source FROM articles")
    return {r[0]: r[1:] for r in rows}


def test_nul_and_lone_surrogates_are_stored_cleaned(store, tmp_path):
    # one NUL aborted every PostgreSQL ingest at the same batch (psycopg.DataError)
    lines = [GOOD,
             {**GOOD, "id": "nul", "title": "غارات\u0000 تركية", "text": TEXT.replace(" ", "\u0000", 1)},
             '{"id": "sur", "source": "be\\ud800ta", "text": "' + TEXT + ' \\udfff"}',
             '{"id": "bad\\u0000id", "text": "' + TEXT + '"}',
             {**GOOD, "id": "a2"}]
    problems = _ingest(store, tmp_path / "in.jsonl", lines)
    stored = _stored(store)
    assert sorted(stored) == ["a1", "a2", "nul", "sur"]
    assert stored["nul"][0] == "غارات تركية" and stored["sur"][1] == "be\ufffdta"
    assert [(p.line, p.skipped) for p in problems] == [(2, False), (3, False), (4, True)]
    assert all(p.source.endswith("in.jsonl") for p in problems)
    evidence = store.query(articles=["nul"])["evidence"].iloc[0]
    assert "\u0000" not in evidence


def test_dates_at_the_ends_of_the_calendar_are_stored(store, tmp_path):
    lines = [{**GOOD, "id": "first", "date": "0001-01-01"}, {**GOOD, "id": "last", "date": "9999-12-31"}]
    assert _ingest(store, tmp_path / "in.jsonl", lines) == []
    assert sorted(_stored(store)) == ["first", "last"]


def test_a_repeated_id_is_said_and_the_later_article_stored(store, tmp_path):
    # the two are 299 lines apart: in two lookup chunks but one batch, where they used to break
    # the batch's primary key; in one chunk the first was dropped without a word
    lines = [{**GOOD, "id": "same"}] + [{**GOOD, "id": f"x{i}"} for i in range(298)]
    lines += [{**GOOD, "id": "same", "title": "", "text": "تظاهر مئات العراقيين في البصرة احتجاجا على البطالة."},
              {**GOOD, "id": "x1"}]
    problems = _ingest(store, tmp_path / "in.jsonl", lines)
    assert len(_stored(store)) == 299
    assert list(store.query(articles=["same"])["event_type"]) == ["PROTEST"]
    [dropped, repeated] = problems
    assert (dropped.line, dropped.skipped) == (1, True)
    assert "article same" in dropped.message and "in.jsonl:300" in dropped.message
    assert (repeated.line, repeated.skipped) == (3, False) and "in.jsonl:301" in repeated.message
    # again: the first, changed against the store, must not be written after the last
    store.ingest([str(tmp_path / "in.jsonl")], jobs=1)
    assert list(store.query(articles=["same"])["event_type"]) == ["PROTEST"]


def test_numbers_as_ids_and_sources_are_stored_as_their_json_text(store, tmp_path):
    lines = [{**GOOD, "id": 123, "source": 7}, {**GOOD, "id": True, "source": 1.5},
             {**GOOD, "id": {"a": 1}}]
    problems = _ingest(store, tmp_path / "in.jsonl", lines)
    assert _stored(store) == {"123": ("غارات تركية", "7"), "true": ("غارات تركية", "1.5")}
    assert [p.line for p in problems] == [3] and "'id' is a JSON object" in problems[0].message


def test_bad_mappings_given_in_python_are_named_and_the_rest_stored(store):
    problems: list = []
    store.ingest([{"text": 5}, GOOD, {"id": "x\u0000", "text": TEXT}, {**GOOD, "id": "a2"}],
                 jobs=1, report=problems.append)
    assert sorted(_stored(store)) == ["a1", "a2"]
    assert [p.source for p in problems] == ["record 1", "record 3"]
