"""Where each event of an article is said, as offsets to highlight (GET /v1/articles/{id}).

A record (contract §2) gives its trigger, actors, recipients, place and attribution as
character offsets into the article's ``text`` (or ``title``, as each span's ``field`` says).
Its time has a text but no offsets: it is found in the article, in the evidence sentence
first, and marked ``"found": "search"``; a time whose words are not in the text has no span.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

ROLES = ("trigger", "actor", "recipient", "place", "time", "attribution")


def evidence_spans(record: dict[str, Any], title: str, text: str) -> list[dict[str, Any]]:
    """Every span of one event, in the order of ``ROLES``, each checked against the text it
    points into (a span whose offsets do not hold its words is left out rather than shown
    wrong)."""
    fields = {"text": text, "title": title or ""}
    spans = [dict(span, role=role) for role, span in _offsets(record)]
    spans += _time_spans(record, fields)
    return [s for s in spans if fields.get(s["field"], "")[s["start"]:s["end"]] == s["text"]]


def _offsets(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in record.get("evidence") or []:
        if item.get("trigger"):
            yield "trigger", _span(item["trigger"], item.get("field"))
    for role in ("actor", "recipient"):
        for entity in record.get(role) or []:
            yield role, _span(entity, entity.get("field"))
    if record.get("location") and record["location"].get("start") is not None:
        yield "place", _span(record["location"], record["location"].get("field"))
    entity = (record.get("attribution") or {}).get("entity")
    if entity and entity.get("start") is not None:
        yield "attribution", _span(entity, entity.get("field"))


def _span(found: dict[str, Any], field: str | None) -> dict[str, Any]:
    return {"text": found.get("text") or "", "start": int(found.get("start") or 0),
            "end": int(found.get("end") or 0), "field": field or "text"}


def _time_spans(record: dict[str, Any], fields: dict[str, str]) -> list[dict[str, Any]]:
    words = ((record.get("time") or {}).get("text") or "").strip()
    if not words:
        return []
    evidence = record.get("evidence") or [{}]
    field = evidence[0].get("field") or "text"
    where, sentence = fields.get(field, ""), evidence[0].get("sentence") or ""
    start = where.find(sentence) if sentence else -1
    at = where.find(words, start) if start >= 0 else -1
    if at < 0 or (sentence and at > start + len(sentence)):
        at = where.find(words)
    if at < 0:
        return []
    return [{"text": words, "start": at, "end": at + len(words), "field": field,
             "role": "time", "found": "search"}]
