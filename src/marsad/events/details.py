"""Where, when and how many: the time, place and figures that belong to an event mention.

Each comes from the mention's own clause if it has one there, else from its sentence (the
nearest to the trigger); a place falls back to the dateline and then the article's country.
"""

from __future__ import annotations

from typing import Any, Sequence

from marsad.document import Document, EventMention

_CLAUSE_PUNCT = frozenset(",;:")


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
               if tokens[i] in _CLAUSE_PUNCT), sent.nstart)
    hi = next((starts[i] for i in range(m.trigger.tok_hi, sent.tok_hi) if tokens[i] in _CLAUSE_PUNCT),
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
