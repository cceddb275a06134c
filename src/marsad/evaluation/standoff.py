"""Stand-off annotations: gold events that point into the corpus instead of copying it.

A training annotation (``ANNOTATION.md``, "Training annotations") is one line per article::

    {"id": URL, "corpus": "saudinewsnet", "date": "2015-08-01", "kind": "conflict",
     "events": [{..., "trigger": {"field": "text", "start": 120, "end": 125, "sha": "9f2c1a0b"},
                 "actor": [{"text": SPAN | null, "code": "SAU", "sector": "GOV"}], ...}]}

where every piece of text is a span into the corpus record's ``title`` or ``content`` with a short
hash of the span's text. ``resolve`` turns such lines back into the gold format of
``real-news.dev.jsonl`` (article text, title and span texts filled in) and fails loudly when a
span no longer matches the corpus; ``to_standoff`` goes the other way for an annotation written
with span texts.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# a run of non-ASCII text in an annotator's English note: a quotation of the article, which
# the repository may not hold, replaced by an ellipsis
_QUOTED = re.compile(r"[^\x00-\x7f\u2026]+(?:\s+[^\x00-\x7f\u2026]+)*")


class StandoffError(ValueError):
    """A stand-off annotation that does not fit the corpus."""


@dataclass(frozen=True)
class CorpusRecord:
    url: str
    source: str
    date: str
    title: str
    content: str

    def field(self, name: str) -> str:
        if name == "title":
            return self.title
        if name == "text":
            return self.content
        raise StandoffError(f"unknown span field {name!r} (title or text)")


def span_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def read_corpus(folder: str | Path) -> dict[str, CorpusRecord]:
    """Every SaudiNewsNet record under ``folder`` (its dated ``.zip`` files), by URL."""
    records: dict[str, CorpusRecord] = {}
    for path in sorted(Path(folder).glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                for raw in json.loads(zf.read(member)):
                    url = raw.get("url")
                    if not url:
                        continue
                    records[url] = CorpusRecord(
                        url, raw.get("source") or "", (raw.get("date_extracted") or "")[:10],
                        raw.get("title") or "", raw.get("content") or "")
    return records


def _span_text(record: CorpusRecord, span: dict[str, Any], where: str) -> str:
    try:
        field, start, end = span["field"], int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        raise StandoffError(f"{where}: a span needs field, start and end: {span!r}") from None
    text = record.field(field)
    if not 0 <= start < end <= len(text):
        raise StandoffError(f"{where}: span {start}-{end} outside the {field} ({len(text)} chars)")
    piece = text[start:end]
    if span.get("sha") and span["sha"] != span_hash(piece):
        raise StandoffError(f"{where}: span {field}[{start}:{end}] no longer matches the corpus "
                            f"(reads {piece!r})")
    return piece


def resolve(line: dict[str, Any], corpus: dict[str, CorpusRecord]) -> dict[str, Any]:
    """A stand-off line as a gold article of the ``real-news.dev.jsonl`` format."""
    url = line.get("id")
    record = corpus.get(url) if isinstance(url, str) else None
    if record is None:
        raise StandoffError(f"article {url!r} is not in the corpus")
    events = []
    for n, event in enumerate(line.get("events") or []):
        where = f"{url} event {n}"
        out = dict(event)
        if event.get("trigger"):
            out["trigger_span"] = event["trigger"]
            out["trigger"] = _span_text(record, event["trigger"], where)
        for role in ("actor", "recipient"):
            out[role] = [
                {**ent, "text": _span_text(record, ent["text"], where) if ent.get("text") else None}
                for ent in event.get(role) or []]
        loc = event.get("location")
        if loc:
            out["location"] = {**loc, "text": _span_text(record, loc["text"], where)
                               if loc.get("text") else None}
        qty = event.get("quantity")
        if qty and isinstance(qty.get("unit"), dict):
            out["quantity"] = {**qty, "unit": _span_text(record, qty["unit"], where)}
        events.append(out)
    return {"id": url, "date": line.get("date") or record.date, "source": record.source,
            "title": record.title, "text": record.content, "kind": line.get("kind", "conflict"),
            "events": events}


def read_standoff(paths: Iterable[str | Path], corpus: dict[str, CorpusRecord]
                  ) -> Iterator[dict[str, Any]]:
    """Resolved gold articles from stand-off files (``FILE:LINE:`` named on any error)."""
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    yield resolve(json.loads(raw), corpus)
                except (StandoffError, json.JSONDecodeError) as exc:
                    raise StandoffError(f"{path}:{lineno}: {exc}") from None


def locate(record: CorpusRecord, text: str, near: int | None = None) -> dict[str, Any]:
    """The span of ``text`` in the record: the occurrence nearest ``near`` (an offset into the
    content) when given, else the first in the content, else in the title."""
    hits = []
    start = record.content.find(text)
    while start >= 0:
        hits.append(start)
        start = record.content.find(text, start + 1)
    if hits:
        best = min(hits, key=lambda s: abs(s - near)) if near is not None else hits[0]
        return {"field": "text", "start": best, "end": best + len(text), "sha": span_hash(text)}
    start = record.title.find(text)
    if start >= 0:
        return {"field": "title", "start": start, "end": start + len(text), "sha": span_hash(text)}
    raise StandoffError(f"{text!r} is not in the article's title or text")


def to_standoff(article: dict[str, Any], record: CorpusRecord,
                sentence_starts: list[int] | None = None) -> dict[str, Any]:
    """An annotation written with span texts (the gold format) as a stand-off line.

    ``sentence_starts`` (content offsets of the sentences numbered from 1; 0 is the title) lets
    a span be found near its event's sentence rather than at its first occurrence."""
    events = []
    for event in article.get("events") or []:
        near = None
        idx = event.get("sentence_index")
        if sentence_starts and isinstance(idx, int) and 1 <= idx <= len(sentence_starts):
            near = sentence_starts[idx - 1]
        out = dict(event)
        if event.get("trigger"):
            if isinstance(idx, int) and idx == 0 and event["trigger"] in record.title:
                s = record.title.find(event["trigger"])
                out["trigger"] = {"field": "title", "start": s, "end": s + len(event["trigger"]),
                                  "sha": span_hash(event["trigger"])}
            else:
                out["trigger"] = locate(record, event["trigger"], near)
        for role in ("actor", "recipient"):
            out[role] = [{**ent, "text": locate(record, ent["text"], near) if ent.get("text")
                          else None} for ent in event.get(role) or []]
        loc = event.get("location")
        if loc:
            out["location"] = {**loc, "text": locate(record, loc["text"], near)
                               if loc.get("text") else None}
        out.update(_without_corpus_text(event, record, near))
        events.append(out)
    return {"id": record.url, "corpus": "saudinewsnet", "date": article.get("date") or record.date,
            "kind": article.get("kind", "conflict"), "events": events}


def _without_corpus_text(event: dict[str, Any], record: CorpusRecord,
                         near: int | None) -> dict[str, Any]:
    """The quantity's unit as a span (or nothing, when the word is not in the article) and the
    note without quotations of the article: a stand-off line holds no corpus text."""
    out: dict[str, Any] = {}
    qty = event.get("quantity")
    if qty and isinstance(qty.get("unit"), str):
        try:
            out["quantity"] = {**qty, "unit": locate(record, qty["unit"], near)}
        except StandoffError:
            out["quantity"] = {**qty, "unit": None}
    if isinstance(event.get("note"), str):
        out["note"] = _QUOTED.sub("…", event["note"])
    return out
