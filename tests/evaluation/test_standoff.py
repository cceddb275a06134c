"""Stand-off training annotations: spans into the corpus, never the corpus text."""

import json

import pytest

from marsad.evaluation.standoff import CorpusRecord, StandoffError, resolve, to_standoff

RECORD = CorpusRecord(
    url="http://example.com/a/1", source="example", date="2015-08-01",
    title="التحالف يشن ثلاث غارات على مواقع الحوثيين في صعدة",
    content="شن طيران التحالف أمس ثلاث غارات على مواقع ميليشيات الحوثي في محافظة صعدة.\n"
            "وقال مصدر محلي إن الغارات دمرت مخزنا للأسلحة.")
DRAFT = {"id": RECORD.url, "date": "2015-08-01", "kind": "conflict", "events": [{
    "event_type": "ASSAULT", "mode": "aerial",
    "actor": [{"text": "طيران التحالف", "code": "IGO", "sector": None}],
    "recipient": [{"text": "ميليشيات الحوثي", "code": "NSA", "sector": None}],
    "location": {"text": "محافظة صعدة", "country": "YEM"},
    "quantity": {"count": 3, "qualifier": "exactly", "unit": "غارات"},
    "modality": "asserted", "sentence_index": 1, "trigger": "شن",
    "note": "three strikes (headline = same; 'الغارات' in s2 = same)"}]}


def test_a_standoff_line_holds_no_article_text_and_resolves_back():
    line = to_standoff(DRAFT, RECORD, [0])
    written = json.dumps(line, ensure_ascii=False)
    assert "طيران" not in written and "غارات" not in written and "الغارات" not in written
    gold = resolve(line, {RECORD.url: RECORD})
    event = gold["events"][0]
    assert event["trigger"] == "شن"
    assert event["actor"][0]["text"] == "طيران التحالف"
    assert event["location"]["text"] == "محافظة صعدة"
    assert event["quantity"]["unit"] == "غارات"
    assert gold["text"] == RECORD.content


def test_a_span_that_no_longer_matches_the_corpus_is_refused():
    line = to_standoff(DRAFT, RECORD, [0])
    changed = CorpusRecord(RECORD.url, RECORD.source, RECORD.date, RECORD.title,
                           "نفذ " + RECORD.content)
    with pytest.raises(StandoffError, match="no longer matches"):
        resolve(line, {RECORD.url: changed})


def test_a_span_that_is_not_in_the_article_is_refused_when_converting():
    draft = json.loads(json.dumps(DRAFT))
    draft["events"][0]["trigger"] = "قصفت"
    with pytest.raises(StandoffError, match="not in the article"):
        to_standoff(draft, RECORD, [0])
