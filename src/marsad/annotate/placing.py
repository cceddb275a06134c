"""Pipeline stage: sector words that named no country take the country where they are.

The actor stage codes a sector word by a country named with it (الشرطة التركية) or near it
(a country in its sentence or the one before). News often names only a city or a province:
``قتل أربعة من رجال الأمن في تفجير استهدف مسجدا في أبها``, ``اشتبكت الشرطة مع مسلحين في
كراتشي``. Event data codes such police, soldiers, worshippers and officials by the state where
they are (ANNOTATION.md: "a police force, civilians of that country"), so once the places are
resolved, a sector word that a place follows, in a genitive or after a preposition of place
(محافظ البصرة، فرع الوزارة بالمنطقة الشرقية), takes that place's country, whatever country the
actor stage found further away in its clause; and a sector word still without a country takes:

* the country of the nearest place named with a locative cue in its own clause (في كراتشي;
  not a border's far side: الحدودية مع سوريا); else
* the country of the article's dateline; else
* the article's country: the one its places and its state actors name most often, when no
  other is named as often (for people, its places and bodies only, not the forces and offices
  that may be the other side); else
* the country of the nearest place of its sentence; else, for people (civilians, the
  arrested), the country of the state force or office nearest to them in the sentence, which
  the actor stage passes over when a place may say better;
* in an article that names no country, place or dateline at all, its outlet's home country
  (``places/outlets.tsv`` by the article's ``source``: a Saudi paper's local news).

A state sector word takes that code; an armed one stays ``NSA`` with the country as its home
(contract, ENTITY). A counterpart (نظيره) is the other side's and stays unplaced. A person the
article names with no office, side or country anywhere (``ودعا الدكتور عبدالرحمن كماس إلى …``,
left ``UNK`` by the entity stage) is placed the same way: the annotators code such people by
where the article's news happens.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from marsad.annotate.actors import ARMED_SECTORS, by_border
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, PlaceMention, named_country
from marsad.resources import Resources, language_of

#: the suffix the actor stage gives a counterpart's id (نظيره: the other side's official)
COUNTERPART = ".counterpart"
#: the id the entity stage gives a person named outside the dictionary
PERSON = "person"
#: the sectors whose country says nothing of where an article's news is (a news agency's)
NOT_COUNTED: frozenset[str | None] = frozenset({"MED"})


class SectorPlacer:
    def __init__(self, resources: Resources):
        self.res = resources
        self._sector_ids = frozenset(s.id for s in resources.sectors)
        lang = language_of(resources)
        self._border_words = frozenset(lang.normalize_term(w)
                                       for w in lang.table("roles")["border_words"])
        self._prepositions = resources.grammar.prepositions
        self._bare = lang.without_conjunction
        self._breaks = lang.clause_breaks
        self._place_nouns = frozenset(lang.normalize_term(w)
                                      for w in lang.table("places")["place_nouns"])
        self._without_proclitic = lang.affixes.without_proclitic
        self._place_links = frozenset(lang.normalize_term(w)
                                      for w in lang.table("actors")["place_links"])

    def __call__(self, doc: Document) -> Document:
        for named, where in self._where_named(doc):
            _place(named, where)
        unplaced = [e for e in doc.entities if self._unplaced(e)]
        if not unplaced:
            return doc
        by_sentence: dict[int, list[PlaceMention]] = {}
        starts = [s.nstart for s in doc.sentences]
        bordering, last = False, -2
        lone = self._lone_places(doc)
        for p in doc.places:
            # محافظة شيرناك الحدودية مع سوريا والعراق: a border's far side is not where it is
            lo = bisect_right(doc.token_starts, p.start) - 1
            bordering = by_border(doc.tokens, lo, self._border_words, self._prepositions,
                                  self._bare) or (bordering and lo == last + 1)
            last = lo
            if bordering or p in lone:
                continue
            k = _sentence_at(starts, p.start)
            by_sentence.setdefault(k, []).append(p)
        dateline = _dateline_country(doc)
        # people are placed where they are, not by the forces and offices beside them (the
        # actor stage's rule): the article's country for them is its places'
        outlet = self.res.outlet_countries.get(doc.article.source or "") \
            if not doc.places and not any(map(named_country, doc.entities)) else None
        fallback = dateline or article_country_code(doc, NOT_COUNTED) or outlet
        people = dateline or article_country_code(doc, NOT_COUNTED | ARMED_SECTORS) or outlet
        found = [(e, self._country(doc, e, by_sentence.get(e.sentence, ()),
                                   people if e.kind == "people" else fallback)
                  or (_beside(doc, e) if e.kind == "people" else None))
                 for e in unplaced]
        for e, country in found:
            if country:
                _place(e, country)
        return doc

    def _where_named(self, doc: Document) -> list[tuple[EntityMention, str]]:
        """The sector words that a place follows, in a genitive or after a preposition of
        place (محافظ البصرة، فرع الوزارة بالمنطقة الشرقية، الشرطة في كراتشي), with its country:
        they are of that place, whatever country the actor stage took from further away in
        their clause (مع محافظ البصرة … القوات الإيرانية)."""
        if not doc.places:
            return []
        lone = self._lone_places(doc)
        first_token = {bisect_right(doc.token_starts, p.start) - 1: p for p in doc.places
                       if not p.far_side and p not in lone}
        found = []
        for e in doc.entities:
            if e.id not in self._sector_ids or e.id.endswith(COUNTERPART):
                continue
            p = first_token.get(e.tok_hi)
            if p is not None and e.kind == "people" and not p.cued:
                p = None    # الأسير علان: after people, a bare word is more often a name
            if p is None and e.tok_hi < len(doc.tokens) and doc.tokens[e.tok_hi] in self._place_links:
                p = first_token.get(e.tok_hi + 1)
            if p is not None and p.place.country:
                found.append((e, p.place.country))
        return found

    def _lone_places(self, doc: Document) -> list[PlaceMention]:
        """The places of a country the article names nowhere else, in an article clearly about
        another, and not named as a place by a place noun (شرطيين في جيلان in a report on Turkey:
        جيلان is a town of Kosovo's too; في مدينة أضنة is Adana): more often a place of the
        article's own country that the gazetteer gives to another, so they place no sector word."""
        home = article_country_code(doc, NOT_COUNTED)
        if home is None:
            return []
        counts = Counter(p.place.country for p in doc.places)
        counts.update(c for e in doc.entities if (c := named_country(e)))
        return [p for p in doc.places if p.place.country != home and counts[p.place.country] == 1
                and not self._after_place_noun(doc, p)]

    def _after_place_noun(self, doc: Document, p: PlaceMention) -> bool:
        k = bisect_right(doc.token_starts, p.start) - 1
        if k < 1:
            return False
        prev = self._bare(doc.tokens[k - 1])
        return prev in self._place_nouns or self._without_proclitic(prev) in self._place_nouns

    def _unplaced(self, e: EntityMention) -> bool:
        if e.id == PERSON and e.code == "UNK":
            return True     # a person described nowhere (module docstring)
        if e.id not in self._sector_ids or e.id.endswith(COUNTERPART):
            return False
        return e.code == "UNK" or (e.code == "NSA" and e.country is None)

    def _country(self, doc: Document, e: EntityMention,
                 places: tuple[PlaceMention, ...] | list[PlaceMention],
                 fallback: str | None) -> str | None:
        """The nearest place of ``e``'s clause; else the article's country; else the nearest
        place of its sentence."""
        if not places:
            return fallback
        own = [p for p in places if p.cued and self._same_clause(doc, e, p)]
        if own or fallback is None:
            return min(own or places, key=lambda p: abs(p.start - e.start)).place.country
        return fallback

    def _same_clause(self, doc: Document, e: EntityMention, p: PlaceMention) -> bool:
        """No clause break (a comma, a full stop) between a mention and a place."""
        lo = bisect_right(doc.token_starts, p.start) - 1
        a, b = (e.tok_hi, lo) if e.tok_lo < lo else (lo + 1, e.tok_lo)
        return not any(t in self._breaks for t in doc.tokens[a:b])


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


def article_country_code(doc: Document, skip: frozenset[str | None]) -> str | None:
    """The country the article is about: the one its places and its state actors (الشرطة
    التركية، الرئيس التركي) point to most often, when no other is named as often. A country
    named as a far side (قرب موريتانيا، الحدود مع سوريا) is no vote, as a place or an actor."""
    places = [p for p in doc.places if not p.far_side]
    far = [p.start for p in doc.places if p.far_side]
    named = sorted((e.start, e.end, c) for e in doc.entities
                   if e.sector not in skip and (c := named_country(e))
                   and not any(e.start <= f < e.end for f in far))
    votes = Counter(c for _, _, c in named)
    starts = [lo for lo, _, _ in named]
    for p in places:    # a name both an actor and a place (للسعودية) counts once
        k = bisect_right(starts, p.start) - 1
        if k < 0 or p.start >= named[k][1]:
            votes[p.place.country] += 1
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]
