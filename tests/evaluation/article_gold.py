"""Small article gold (the ``real-news.dev.jsonl`` format of ANNOTATION.md) written for the
tests, and predicted events built by hand to score against it."""

from __future__ import annotations

import json
import zipfile

from marsad.doc.records import Entity, Event, Evidence, Place, Trigger
from marsad.evaluation.standoff import CorpusRecord, to_standoff

SINAI = {
    "id": "sinai-checkpoint", "date": "2015-08-10", "source": "test", "kind": "conflict",
    "title": "مقتل جنديين في هجوم على حاجز أمني شمال سيناء",
    "text": ("قتل جنديان مصريان أمس في هجوم شنه مسلحون على حاجز أمني في مدينة العريش. "
             "وأطلق مسلحون النار على دورية للشرطة في رفح. "
             "وأعلنت وزارة الداخلية المصرية أن قوات الأمن اعتقلت ثلاثة مشتبه بهم. "
             "وكان مسلحون قد هاجموا الحاجز نفسه في العام الماضي."),
}
SINAI["sentences"] = [SINAI["title"], *(s + "." for s in SINAI["text"][:-1].split(". "))]
SINAI["events"] = [
    {"event_type": "ASSAULT", "mode": None, "modality": "asserted", "sentence_index": 1,
     "trigger": "هجوم", "note": "headline = same",
     "actor": [{"text": "مسلحون", "code": "NSA", "sector": None}],
     "recipient": [{"text": "جنديان مصريان", "code": "EGY", "sector": "MIL"}],
     "location": {"text": "مدينة العريش", "country": "EGY"},
     "date": {"start": "2015-08-09", "end": "2015-08-09", "precision": "day"}},
    {"event_type": "ASSAULT", "mode": None, "modality": "asserted", "sentence_index": 2,
     "trigger": "أطلق مسلحون النار", "note": "gunmen fire on a police patrol in Rafah",
     "actor": [{"text": "مسلحون", "code": "NSA", "sector": None}],
     "recipient": [{"text": "دورية للشرطة", "code": "EGY", "sector": "COP"}],
     "location": {"text": "رفح", "country": "EGY"}, "date": None},
    {"event_type": "COERCE", "mode": "arrest", "modality": "asserted", "sentence_index": 3,
     "trigger": "اعتقلت", "note": "three suspects arrested",
     "actor": [{"text": "قوات الأمن", "code": "EGY", "sector": "COP"}],
     "recipient": [{"text": "ثلاثة مشتبه بهم", "code": "EGY", "sector": "CVL"}],
     "location": None, "date": None},
    {"event_type": "ASSAULT", "mode": None, "modality": "historical", "sentence_index": 4,
     "trigger": "هاجموا", "note": "last year's attack on the same checkpoint",
     "actor": [{"text": "مسلحون", "code": "NSA", "sector": None}],
     "recipient": [], "location": None,
     "date": {"start": "2014-01-01", "end": "2014-12-31", "precision": "year"}},
]

OIL = {
    "id": "oil-prices", "date": "2015-08-10", "source": "test", "kind": "quiet",
    "title": "ارتفاع أسعار النفط في الأسواق العالمية",
    "text": "ارتفعت أسعار النفط أمس في الأسواق العالمية. وتوقع محللون استمرار الارتفاع.",
    "events": [],
}
OIL["sentences"] = [OIL["title"], "ارتفعت أسعار النفط أمس في الأسواق العالمية.",
                    "وتوقع محللون استمرار الارتفاع."]


def entity(code: str, kind: str = "state", sector: str | None = None, *,
           country: str | None = None) -> Entity:
    return Entity(code, 0, 1, code, code, sector, code.lower(), kind, country=country)


def predicted(article: dict, event_type: str, trigger: str, actor=(), recipient=(),
              modality: str = "asserted", country: str | None = None,
              time: dict | None = None, sentence: int | None = None) -> Event:
    """A coded event whose evidence is ``trigger`` in the article's sentence ``sentence`` (by
    default the first sentence holding it); ``actor``/``recipient`` are codes or entities."""
    sentences = article["sentences"]
    idx = sentence if sentence is not None else next(
        i for i, s in enumerate(sentences) if trigger in s)
    if idx == 0:
        field, start = "title", article["title"].index(trigger)
    else:
        field = "text"
        start = article["text"].index(sentences[idx]) + sentences[idx].index(trigger)
    evidence = Evidence(idx, sentences[idx], Trigger(trigger, start, start + len(trigger)), field)
    place = Place(country, None, None, country, country, None, None, None, None,
                  "country", None) if country else None
    return Event("e", article["id"], "ar", event_type, None, (), None,
                 tuple(a if isinstance(a, Entity) else entity(a) for a in actor),
                 tuple(r if isinstance(r, Entity) else entity(r) for r in recipient),
                 (evidence,), 0.5, {}, modality, place, time)


URL = "http://example.com/sinai-checkpoint"


def corpus_folder(tmp_path):
    """A SaudiNewsNet folder holding the Sinai article under ``URL``."""
    folder = tmp_path / "saudinewsnet"
    folder.mkdir()
    raw = [{"url": URL, "source": "test", "date_extracted": "2015-08-10 09:00:00",
            "title": SINAI["title"], "content": SINAI["text"]}]
    with zipfile.ZipFile(folder / "2015-08-10.zip", "w") as zf:
        zf.writestr("2015-08-10.json", json.dumps(raw, ensure_ascii=False))
    return folder


def standoff_line():
    """The Sinai gold as a stand-off training line."""
    record = CorpusRecord(URL, "test", "2015-08-10", SINAI["title"], SINAI["text"])
    return to_standoff(SINAI, record)
