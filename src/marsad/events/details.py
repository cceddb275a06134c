"""Where, when and how many: the time, place and figures that belong to an event mention.

Each comes from the mention's own clause if it has one there, else from its sentence (the
nearest to the trigger); a place falls back to the dateline and then the article's country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from marsad.document import Document, EventMention
from marsad.records import Place
from marsad.resources.places import PlaceRow
from marsad.text.segment import CLAUSE_BREAKS


def nearest(doc: Document, m: EventMention, spans: Sequence[Any]) -> Any | None:
    """The span (anything with matching-view ``start``/``end``) nearest the trigger in its
    sentence, one in the same clause first."""
    sent = doc.sentences[m.trigger.sentence]
    inside = [s for s in spans if sent.nstart <= s.start < sent.nend]
    if not inside:
        return None
    clause_lo, clause_hi = _clause(doc, m)
    in_clause = [s for s in inside if clause_lo <= s.start < clause_hi]
    pool = in_clause or inside
    return min(pool, key=lambda s: abs(s.start - m.trigger.start))


def _clause(doc: Document, m: EventMention) -> tuple[int, int]:
    sent = doc.sentences[m.trigger.sentence]
    tokens, starts = doc.tokens, doc.token_starts
    lo = next((starts[i] for i in range(m.trigger.tok_lo - 1, sent.tok_lo - 1, -1)
               if tokens[i] in CLAUSE_BREAKS), sent.nstart)
    hi = next((starts[i] for i in range(m.trigger.tok_hi, sent.tok_hi) if tokens[i] in CLAUSE_BREAKS),
              sent.nend)
    return lo, hi


def time_record(doc: Document, m: EventMention) -> dict[str, Any] | None:
    found = nearest(doc, m, doc.times)
    if found is None:
        return None
    return {
        "text": _original(doc, found.start, found.end),
        "start": found.start_date.isoformat() if found.start_date else None,
        "end": found.end_date.isoformat() if found.end_date else None,
        "precision": found.precision,
        "anchor": found.anchor,
    }


def _original(doc: Document, start: int, end: int) -> str:
    fld, s, e = doc.original_span(start, end)
    return (doc.article.title if fld == "title" else doc.article.text)[s:e]


def place_record(doc: Document, m: EventMention,
                 country: Callable[[], PlaceRow | None] | None = None) -> Place | None:
    """The event's place: in its clause, else its sentence (a place after في/بـ first), else
    the dateline, else the article's country (``country``, when given, returns it:
    the assembler works it out once per article, not once per event)."""
    sent = doc.sentences[m.trigger.sentence]
    in_sentence = [p for p in doc.places if sent.nstart <= p.start < sent.nend]
    if in_sentence and m.actor:
        # the actor's own name (الولايات المتحدة أكدت …) is not where the event happened
        parties = [(e.start, e.end) for e in m.actor]
        in_sentence = [p for p in in_sentence
                       if p.cued or not any(s <= p.start < e for s, e in parties)]
    cued = [p for p in in_sentence if p.cued]
    found = nearest(doc, m, cued) or nearest(doc, m, in_sentence)
    if found is None and doc.dateline is not None:
        lo = doc.norm.to_normalized(doc.dateline.place_start)
        hi = doc.norm.to_normalized(doc.dateline.place_end)
        found = next((p for p in doc.places if lo <= p.start < hi), None)
    if found is not None:
        fld, start, end = doc.original_span(found.start, found.end)
        source = doc.article.title if fld == "title" else doc.article.text
        return _place(found.place, source[start:end], start, end, fld)
    row = country() if country is not None else article_country(doc)
    return _place(row, row.names[0], None, None, None) if row else None


def _place(row: PlaceRow, text: str, start: int | None, end: int | None, fld: str | None) -> Place:
    return Place(text, start, end, row.name, row.country, row.admin1, row.geonames_id, row.lat,
                 row.lon, row.precision, fld)


def article_country(doc: Document) -> PlaceRow | None:
    """The country the article's places (else its state actors) point to most."""
    votes = Counter(p.place.country for p in doc.places)
    if not votes:
        return None
    code = votes.most_common(1)[0][0]
    return next((p.place for p in doc.places if p.place.country == code and p.place.precision == "country"),
                None)


def quantity_record(doc: Document, m: EventMention) -> dict[str, Any] | None:
    """The figure nearest the trigger in its clause or sentence (أكثر من 22 عملية)."""
    found = nearest(doc, m, [q for q in doc.quantities if q.count is not None or q.unit])
    if found is None:
        return None
    return {"count": found.count, "qualifier": found.qualifier, "unit": found.unit,
            "text": _original(doc, found.start, found.end)}


def casualty_record(doc: Document, m: EventMention) -> dict[str, int | None]:
    """Killed, injured, arrested and missing counted in the event's sentence."""
    sent = doc.sentences[m.trigger.sentence]
    counts: dict[str, int | None] = {"killed": None, "injured": None, "arrested": None, "missing": None}
    for c in doc.casualties:
        if sent.nstart <= c.start < sent.nend and c.count is not None:
            counts[c.kind] = max(counts[c.kind] or 0, c.count)
    return counts
