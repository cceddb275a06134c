"""Where, when and how many: the time, place and figures that belong to an event mention.

Each comes from the mention's own clause if it has one there, else from its sentence (the
nearest to the trigger); a place falls back to the dateline and then the article's country.

The spans of a document are grouped by sentence once (:class:`Details`), so each event reads
only the spans of its own sentence: a long article's work grows with its length, not with its
events times its spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from marsad.doc.document import Document
from marsad.doc.records import Place
from marsad.doc.spans import EventMention, PlaceMention, PlaceRow


class _Span(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Span)


class Nearest:
    """Finds the span nearest a trigger, in its clause first: clauses end at the language's
    clause breaks (punctuation tokens)."""

    def __init__(self, clause_breaks: frozenset[str]):
        self.clause_breaks = clause_breaks

    def __call__(self, doc: Document, m: EventMention, inside: Sequence[Any]) -> Any | None:
        """Of the spans of the trigger's sentence (anything with matching-view ``start``), the
        one nearest the trigger, one in the same clause first."""
        if not inside:
            return None
        clause_lo, clause_hi = self._clause(doc, m)
        in_clause = [s for s in inside if clause_lo <= s.start < clause_hi]
        pool = in_clause or inside
        return min(pool, key=lambda s: abs(s.start - m.trigger.start))

    def _clause(self, doc: Document, m: EventMention) -> tuple[int, int]:
        sent = doc.sentences[m.trigger.sentence]
        tokens, starts, breaks = doc.tokens, doc.token_starts, self.clause_breaks
        lo = next((starts[i] for i in range(m.trigger.tok_lo - 1, sent.tok_lo - 1, -1)
                   if tokens[i] in breaks), sent.nstart)
        hi = next((starts[i] for i in range(m.trigger.tok_hi, sent.tok_hi) if tokens[i] in breaks),
                  sent.nend)
        return lo, hi


def by_sentence(doc: Document, spans: Iterable[S]) -> dict[int, list[S]]:
    """The spans under the index of the sentence their start lies in, in their order; a span
    between sentences (a dateline) lies in none."""
    sentences = doc.sentences
    starts = [s.nstart for s in sentences]
    grouped: dict[int, list[S]] = {}
    for span in spans:
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < sentences[k].nend:
            grouped.setdefault(k, []).append(span)
    return grouped


class Details:
    """The time, place, figure and casualties of each event mention of one document."""

    def __init__(self, doc: Document, nearest: Nearest):
        self.doc = doc
        self.nearest = nearest
        self._times = by_sentence(doc, doc.times)
        self._places = by_sentence(doc, doc.places)
        self._figures = by_sentence(doc, (q for q in doc.quantities
                                          if q.count is not None or q.unit))
        self._casualties = by_sentence(doc, doc.casualties)
        # worked out on the first event that needs them, then kept for the others
        self._fallbacks: tuple[PlaceMention | None, PlaceRow | None] | None = None

    def time(self, m: EventMention) -> dict[str, Any] | None:
        found = self.nearest(self.doc, m, self._times.get(m.trigger.sentence, ()))
        if found is None:
            return None
        return {
            "text": _original(self.doc, found.start, found.end),
            "start": found.start_date.isoformat() if found.start_date else None,
            "end": found.end_date.isoformat() if found.end_date else None,
            "precision": found.precision,
            "anchor": found.anchor,
        }

    def place(self, m: EventMention) -> Place | None:
        """The event's place: in its clause, else its sentence (a place after في/بـ first),
        else the dateline, else the article's country."""
        doc = self.doc
        in_sentence = self._places.get(m.trigger.sentence, [])
        if in_sentence and m.actor:
            # the actor's own name (الولايات المتحدة أكدت …) is not where the event happened
            parties = [(e.start, e.end) for e in m.actor]
            in_sentence = [p for p in in_sentence
                           if p.cued or not any(s <= p.start < e for s, e in parties)]
        cued = [p for p in in_sentence if p.cued]
        found = self.nearest(doc, m, cued) or self.nearest(doc, m, in_sentence)
        if found is None:
            if self._fallbacks is None:
                self._fallbacks = (_dateline_place(doc), article_country(doc))
            found = self._fallbacks[0]
        if found is not None:
            fld, start, end = doc.original_span(found.start, found.end)
            source = doc.article.title if fld == "title" else doc.article.text
            return _place(found.place, source[start:end], start, end, fld)
        row = self._fallbacks[1] if self._fallbacks is not None else None
        return _place(row, row.names[0], None, None, None) if row else None

    def quantity(self, m: EventMention) -> dict[str, Any] | None:
        """The figure nearest the trigger in its clause or sentence (أكثر من 22 عملية)."""
        found = self.nearest(self.doc, m, self._figures.get(m.trigger.sentence, ()))
        if found is None:
            return None
        return {"count": found.count, "qualifier": found.qualifier, "unit": found.unit,
                "text": _original(self.doc, found.start, found.end)}

    def casualties(self, m: EventMention) -> dict[str, int | None]:
        """Killed, injured, arrested and missing counted in the event's sentence."""
        counts: dict[str, int | None] = {"killed": None, "injured": None, "arrested": None,
                                         "missing": None}
        for c in self._casualties.get(m.trigger.sentence, ()):
            if c.count is not None:
                counts[c.kind] = max(counts[c.kind] or 0, c.count)
        return counts


def _dateline_place(doc: Document) -> PlaceMention | None:
    """The place named in the wire dateline."""
    if doc.dateline is None:
        return None
    lo = doc.norm.to_normalized(doc.dateline.place_start)
    hi = doc.norm.to_normalized(doc.dateline.place_end)
    return next((p for p in doc.places if lo <= p.start < hi), None)


def _original(doc: Document, start: int, end: int) -> str:
    fld, s, e = doc.original_span(start, end)
    return (doc.article.title if fld == "title" else doc.article.text)[s:e]


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
