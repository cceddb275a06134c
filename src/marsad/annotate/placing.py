"""Pipeline stage: sector words that named no country take the country where they are.

The actor stage codes a sector word by a country named with it (الشرطة التركية) or near it
(a country in its sentence or the one before). News often names only a city or a province:
``قتل أربعة من رجال الأمن في تفجير استهدف مسجدا في أبها``, ``اشتبكت الشرطة مع مسلحين في
كراتشي``. Event data codes such police, soldiers, worshippers and officials by the state where
they are (ANNOTATION.md: "a police force, civilians of that country"), so once the places are
resolved, a sector word still without a country takes:

* the country of the nearest place named in its own sentence (not a border's far side: الحدودية
  مع سوريا); else
* the country of the article's dateline; else
* the country most of the article's places lie in, when most of them lie in one; else, for
  people (civilians, the arrested), the country of the state force or office nearest to them
  in the sentence, which the actor stage passes over when a place may say better.

A state sector word takes that code; an armed one stays ``NSA`` with the country as its home
(contract, ENTITY). A counterpart (نظيره) is the other side's and stays unplaced. A person the
article names with no office, side or country anywhere (``ودعا الدكتور عبدالرحمن كماس إلى …``,
left ``UNK`` by the entity stage) is placed the same way: the annotators code such people by
where the article's news happens.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from marsad.annotate.actors import by_border
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, PlaceMention, named_country
from marsad.resources import Resources, language_of

#: the suffix the actor stage gives a counterpart's id (نظيره: the other side's official)
COUNTERPART = ".counterpart"
#: the id the entity stage gives a person named outside the dictionary
PERSON = "person"


class SectorPlacer:
    def __init__(self, resources: Resources):
        self.res = resources
        self._sector_ids = frozenset(s.id for s in resources.sectors)
        lang = language_of(resources)
        self._border_words = frozenset(lang.normalize_term(w)
                                       for w in lang.table("roles")["border_words"])
        self._prepositions = resources.grammar.prepositions
        self._bare = lang.without_conjunction

    def __call__(self, doc: Document) -> Document:
        unplaced = [e for e in doc.entities if self._unplaced(e)]
        if not unplaced:
            return doc
        by_sentence: dict[int, list[PlaceMention]] = {}
        starts = [s.nstart for s in doc.sentences]
        bordering, last = False, -2
        for p in doc.places:
            # محافظة شيرناك الحدودية مع سوريا والعراق: a border's far side is not where it is
            lo = bisect_right(doc.token_starts, p.start) - 1
            bordering = by_border(doc.tokens, lo, self._border_words, self._prepositions,
                                  self._bare) or (bordering and lo == last + 1)
            last = lo
            if bordering:
                continue
            k = _sentence_at(starts, p.start)
            by_sentence.setdefault(k, []).append(p)
        fallback = (_dateline_country(doc) or _article_country(doc.places)) if doc.places else None
        found = [(e, self._country(e, by_sentence.get(e.sentence, ()), fallback)
                  or (_beside(doc, e) if e.kind == "people" else None))
                 for e in unplaced]
        for e, country in found:
            if country:
                _place(e, country)
        return doc

    def _unplaced(self, e: EntityMention) -> bool:
        if e.id == PERSON and e.code == "UNK":
            return True     # a person described nowhere (module docstring)
        if e.id not in self._sector_ids or e.id.endswith(COUNTERPART):
            return False
        return e.code == "UNK" or (e.code == "NSA" and e.country is None)

    @staticmethod
    def _country(e: EntityMention, places: tuple[PlaceMention, ...] | list[PlaceMention],
                 fallback: str | None) -> str | None:
        if places:
            return min(places, key=lambda p: abs(p.start - e.start)).place.country
        return fallback


def _beside(doc: Document, e: EntityMention) -> str | None:
    """The country of the state entity nearest to ``e`` in its sentence: people the actor stage
    would not place by a force or an office beside them (اعتقلت الشرطة التركية ثلاثة أشخاص)
    are of its country when nothing else says where they are."""
    near = [(abs(o.tok_lo - e.tok_lo), c) for o in doc.entities
            if o.sentence == e.sentence and o is not e and (c := named_country(o))]
    return min(near)[1] if near else None


def _place(e: EntityMention, country: str) -> None:
    """Write ``country`` onto a sector word's mention (the stage's one write)."""
    e.country = country
    if e.code != "NSA":
        e.code = country


def _sentence_at(starts: list[int], pos: int) -> int:
    return max(bisect_right(starts, pos) - 1, 0)


def _dateline_country(doc: Document) -> str | None:
    if doc.dateline is None:
        return None
    lo = doc.norm.to_normalized(doc.dateline.place_start)
    hi = doc.norm.to_normalized(doc.dateline.place_end)
    return next((p.place.country for p in doc.places if lo <= p.start < hi), None)


def _article_country(places: list[PlaceMention]) -> str | None:
    """The country most of the article's places lie in, when more than half do."""
    votes = Counter(p.place.country for p in places)
    code, n = votes.most_common(1)[0]
    return code if n * 2 > len(places) else None
