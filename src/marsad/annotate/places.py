"""Pipeline stage: place names resolved in context, as a geoparser does.

Every gazetteer name found by the automaton is a candidate for all the places of that name;
the one chosen has the best score from its population (the prior), the article's dominant
country (most named by its actors and unambiguous places), and a country named in the same
sentence. A name that is also an ordinary word (حماة "protectors", الأمل "hope") counts only
after a locative cue: a place word (مدينة، محافظة، بلدة، قرية …) or a preposition of place
(في، بـ، قرب، شمال …). Country names are places too (at country precision).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter

from marsad.doc.document import Document
from marsad.doc.spans import PlaceMention, PlaceRow
from marsad.lang.ar.normalize import normalize_term
from marsad.resources import Resources

_PLACE_WORDS = frozenset(normalize_term(w) for w in (
    "مدينة بلدة قرية محافظة ولاية منطقة إقليم ريف حي مخيم ضاحية بلدات قرى مدن عاصمة "
    "العاصمة ميناء مطار جزيرة").split())
_LOCATIVE = frozenset(normalize_term(w) for w in (
    "في قرب شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي داخل خارج محيط أطراف من إلى نحو "
    "حول ضواحي بالقرب").split())


class PlaceResolver:
    def __init__(self, resources: Resources):
        self.res = resources
        self.country_place = {p.country: i for i, p in enumerate(resources.places)
                              if p.precision == "country"}

    def __call__(self, doc: Document) -> Document:
        # a whole-word actor name (لبنان) hides a place read by peeling a clitic (ل + بنان)
        actor_core = [-1] * (len(doc.norm.text) + 1)
        for m in doc.matches:
            if m.terms[0].layer == "actor":
                actor_core[m.start:m.end] = [m.core_start] * (m.end - m.start)
        found = [self._candidates(doc, m) for m in doc.matches
                 if m.terms[0].layer == "actor"
                 or (m.terms[0].layer == "place" and actor_core[m.start] in (-1, m.core_start))]
        found = [f for f in found if f is not None]
        dominant = self._dominant_country(doc, found)
        sent_starts = [s.nstart for s in doc.sentences]
        countries = self._countries_by_sentence(doc)
        for start, end, rows, cued, ambiguous in found:
            if ambiguous and not cued:
                continue
            k = bisect_right(sent_starts, start) - 1
            sentence_countries = countries.get(k, frozenset()) if k >= 0 else frozenset()
            best = rows[0] if len(rows) == 1 else max(
                rows, key=lambda p: _score(p, dominant, sentence_countries))
            doc.places.append(PlaceMention(start, end, best, cued))
        return doc

    def _candidates(self, doc: Document, m):  # type: ignore[no-untyped-def]
        rows: list[PlaceRow] = []
        for t in m.terms:
            if t.layer == "place":
                rows.append(self.res.places[t.ref])
            elif t.kind == "country":
                code = self.res.countries[t.ref].code
                if code in self.country_place:
                    rows.append(self.res.places[self.country_place[code]])
        if not rows:
            return None
        core = doc.norm.text[m.core_start:m.core_end]
        if core in _PLACE_WORDS or core[2:] in _PLACE_WORDS:
            return None         # مدينة in مدينة حلب is the word "city", not Medina
        ambiguous = core in self.res.ambiguous_places
        if ambiguous and m.prefix.rstrip("وف"):
            return None         # لجنة is not ل + جنه (Djenné): an ambiguous name takes no clitic
        # في بيان، في إطار: for a name that is also a word only a place noun is context enough
        cued = self._after_place_word(doc, m) if ambiguous else self._cued(doc, m)
        return m.core_start, m.end, rows, cued, ambiguous

    @staticmethod
    def _cued(doc: Document, m) -> bool:  # type: ignore[no-untyped-def]
        if m.prefix.endswith(("ب", "بال")) or m.prefix in ("ب", "وب", "فب"):
            return True
        k = bisect_right(doc.token_starts, m.start) - 1
        prev = doc.tokens[k - 1] if k > 0 else ""
        bare = prev[1:] if len(prev) > 2 and prev[0] in "وف" else prev
        return prev in _LOCATIVE or bare in _LOCATIVE or prev in _PLACE_WORDS or bare in _PLACE_WORDS

    @staticmethod
    def _after_place_word(doc: Document, m) -> bool:  # type: ignore[no-untyped-def]
        k = bisect_right(doc.token_starts, m.start) - 1
        prev = doc.tokens[k - 1] if k > 0 else ""
        return prev in _PLACE_WORDS or (len(prev) > 2 and prev[0] in "وفب" and prev[1:] in _PLACE_WORDS)

    @staticmethod
    def _dominant_country(doc: Document, found) -> str | None:  # type: ignore[no-untyped-def]
        votes: Counter[str] = Counter(e.code for e in doc.entities
                                      if e.kind == "state" and len(e.code) == 3 and e.code != "UNK")
        for _, _, rows, _, ambiguous in found:
            if ambiguous:
                continue
            countries = {r.country for r in rows}
            if len(countries) == 1:
                votes[countries.pop()] += 1
        return votes.most_common(1)[0][0] if votes else None

    @staticmethod
    def _countries_by_sentence(doc: Document) -> dict[int, frozenset[str]]:
        """The state codes named in each sentence (once, not once per place)."""
        codes: dict[int, set[str]] = {}
        for e in doc.entities:
            sent = doc.sentences[e.sentence] if e.sentence < len(doc.sentences) else None
            if e.kind == "state" and sent is not None and sent.nstart <= e.start < sent.nend:
                codes.setdefault(e.sentence, set()).add(e.code)
        return {k: frozenset(v) for k, v in codes.items()}


def _score(p: PlaceRow, dominant: str | None, sentence_countries: frozenset[str]) -> float:
    score = math.log10(p.population + 10)
    if p.precision == "country":
        score += 3
    elif p.precision == "admin1":
        score += 1.5
    if p.country == dominant:
        score += 3
    if p.country in sentence_countries:
        score += 2
    return score
