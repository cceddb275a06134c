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
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from marsad.annotate.actors import by_border
from marsad.doc.document import Document
from marsad.doc.spans import Dateline, Match, PlaceMention, PlaceRow, named_country
from marsad.lang import Language
from marsad.resources import Resources

#: quotation marks: a name inside them with no locative cue names something else, a newspaper
#: or a channel (قال لـ«الرياض»), an operation or a campaign, not a place
QUOTES = frozenset('"«»“”„')

#: how far into its line (characters) a dateline's place may start (after a source: عين اليوم –)
LEAD_REACH = 80
_NOT_SPACE = re.compile(r"\S")

#: a name found in the text: (start, end, the places it can be, cued, ambiguous)
Candidate = tuple[int, int, list[PlaceRow], bool, bool]



def place_word_before(lang: Language) -> Callable[[str], bool]:
    """Whether a token is a word that a place's name follows and a verb cannot: a kind of
    place (مدينة تدمر، بريف حماة) or a preposition of place (في تدمر)."""
    table = lang.table("places")
    words = frozenset(lang.normalize_term(w) for w in table["place_nouns"]) | frozenset(
        lang.normalize_term(w) for w in table["locative_cues"] if w not in table["verb_may_follow"])
    bare, without_proclitic = lang.without_conjunction, lang.affixes.without_proclitic

    def before(token: str) -> bool:
        word = bare(token)
        return word in words or without_proclitic(word) in words
    return before


class PlaceResolver:
    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        self.res = resources
        self.country_place = {p.country: i for i, p in enumerate(resources.places)
                              if p.precision == "country"}
        words = lang.table("places")
        self.place_nouns = frozenset(lang.normalize_term(w) for w in words["place_nouns"])
        self.locative_cues = frozenset(lang.normalize_term(w) for w in words["locative_cues"])
        self.affixes = lang.affixes
        self.without_conjunction = lang.without_conjunction
        self.dateline_place = lang.dateline_place
        self.border_words = frozenset(lang.normalize_term(w) for w in lang.table("roles")["border_words"])

    def __call__(self, doc: Document) -> Document:
        # a whole-word actor name (لبنان) hides a place read by peeling a clitic (ل + بنان)
        actor_core = [-1] * (len(doc.norm.text) + 1)
        # the spans of named actors (أوباما، هولاند، كونا): the person or body, not the town of
        # the same name, unless a locative cue says a place is meant
        named_actors: set[tuple[int, int]] = set()
        for m in doc.matches:
            if m.terms[0].layer == "actor":
                actor_core[m.start:m.end] = [m.core_start] * (m.end - m.start)
                if any(t.kind == "actor" for t in m.terms):
                    named_actors.add((m.core_start, m.end))
        candidates = [self._candidates(doc, m) for m in doc.matches
                      if m.terms[0].layer == "actor"
                      or (m.terms[0].layer == "place" and actor_core[m.start] in (-1, m.core_start))]
        found = [f for f in candidates if f is not None]
        dominant = self._dominant_country(doc, found)
        sent_starts = [s.nstart for s in doc.sentences]
        countries = self._countries_by_sentence(doc)
        regions = _regions_by_sentence(found, sent_starts)
        doc_regions = frozenset().union(*regions.values()) if regions else frozenset()
        places: list[PlaceMention] = []
        leads = self._lead_lines(doc)
        lead_dateline: tuple[int, Dateline] | None = None
        for start, end, rows, cued, ambiguous in found:
            if (start, end) in named_actors and not cued:
                continue        # أوباما: رفض الكونغرس …: the speaker, not a dateline in Japan
            # the place that opens the title or the lead as its dateline (الكويت: …) is a place
            # whatever else its name may be (مالي: …)
            dateline = self._dateline(doc, leads, start, end)
            if dateline is not None:
                cued = True
            if not cued and (ambiguous or _quoted(doc, start, end)):
                continue
            k = bisect_right(sent_starts, start) - 1
            sentence_countries = countries.get(k, frozenset()) if k >= 0 else frozenset()
            sentence_regions = regions.get(k, frozenset())
            best = rows[0] if len(rows) == 1 else max(
                rows, key=lambda p: _score(p, dominant, sentence_countries)
                + _in_region(p, sentence_regions, doc_regions))
            places.append(PlaceMention(start, end, best, cued,
                                       best.precision == "country" and self._far_side(doc, start)))
            if dateline is not None and (lead_dateline is None or dateline[0] > lead_dateline[0]):
                lead_dateline = dateline
        doc.places = places
        doc.lead_dateline = lead_dateline[1] if lead_dateline is not None else None
        return doc

    def _lead_lines(self, doc: Document) -> list[tuple[int, int]]:
        """Where the title's first line and the body's first line start (folded offsets, and
        the same in the matching view)."""
        if self.dateline_place is None:
            return []
        folded, lines = doc.norm.folded, []
        for lo in (0, doc.body_start) if doc.body_start > 0 else (0,):
            text = _NOT_SPACE.search(folded, lo)
            if text is not None:
                line = max(lo, folded.rfind("\n", 0, text.start()) + 1)
                lines.append((line, doc.norm.to_normalized(line)))
        return lines

    def _dateline(self, doc: Document, leads: list[tuple[int, int]], start: int, end: int
                  ) -> tuple[int, Dateline] | None:
        """``(line start, dateline)`` where the name at ``start:end`` (matching view) is the
        dateline of the title (rank 0) or of the body's first line (rank 1), else None."""
        if not leads or self.dateline_place is None \
                or not any(n <= start < n + LEAD_REACH for _, n in leads):
            return None
        lo, hi = doc.norm.span_to_original(start, end)
        folded = doc.norm.folded
        for rank, (line, _) in enumerate(leads):
            if line <= lo < line + LEAD_REACH and "\n" not in folded[line:lo] \
                    and self.dateline_place(folded, line, lo, hi):
                line_end = folded.find("\n", hi)
                return rank, Dateline(line, hi if line_end < 0 else line_end, lo, hi)
        return None

    def _far_side(self, doc: Document, start: int) -> bool:
        """Whether the name at ``start`` follows a border or a "near" (كمين قرب موريتانيا،
        هجوم على الحدود مع سوريا): a country named so is the far side, not where it happened."""
        lo = bisect_right(doc.token_starts, start) - 1
        return by_border(doc.tokens, lo, self.border_words, self.res.grammar.prepositions,
                         self.without_conjunction)

    def _candidates(self, doc: Document, m: Match) -> Candidate | None:
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
        if core in self.place_nouns or self.affixes.without_article(core) in self.place_nouns:
            return None         # مدينة in مدينة حلب is the word "city", not Medina
        ambiguous = core in self.res.ambiguous_places or (
            # للتحالف: the core لتحالف is التحالف with its alif dropped after ل
            any(t.lam_variant for t in m.terms)
            and self.affixes.with_article(core[1:]) in self.res.ambiguous_places)
        if ambiguous and not self.affixes.conjunctions_only(m.prefix):
            return None         # لجنة is not ل + جنه (Djenné): an ambiguous name takes no clitic
        # في بيان، في إطار: for a name that is also a word only a place noun is context enough
        cued = self._after_place_word(doc, m) if ambiguous else self._cued(doc, m)
        return m.core_start, m.end, rows, cued, ambiguous

    def _cued(self, doc: Document, m: Match) -> bool:
        """After a locative prefix (ببغداد) or a locative word or place noun (في، قرب، مدينة)."""
        if self.affixes.locative_prefix(m.prefix):
            return True
        prev = _previous_token(doc, m)
        bare = self.without_conjunction(prev)
        cues, nouns = self.locative_cues, self.place_nouns
        # بمنطقة أضنة، وبمدينة حلب: a place noun after بـ
        return prev in cues or bare in cues or prev in nouns or bare in nouns \
            or self.affixes.without_proclitic(bare) in nouns

    def _after_place_word(self, doc: Document, m: Match) -> bool:
        """After a place noun (مدينة عمان), or a place noun and its country's adjective
        (العاصمة الأردنية عمان، البلدة السورية حماة): the adjective describes the place noun."""
        k = bisect_right(doc.token_starts, m.start) - 1
        if k > 0 and self._place_noun(doc.tokens[k - 1]):
            return True
        return k > 1 and self._place_noun(doc.tokens[k - 2]) and _country_word(doc, k - 1)

    def _place_noun(self, tok: str) -> bool:
        return tok in self.place_nouns or self.affixes.without_proclitic(tok) in self.place_nouns

    @staticmethod
    def _dominant_country(doc: Document, found: list[Candidate]) -> str | None:
        votes: Counter[str] = Counter(c for c in map(named_country, doc.entities) if c)
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
            country = named_country(e)
            if country and sent is not None and sent.nstart <= e.start < sent.nend:
                codes.setdefault(e.sentence, set()).add(country)
        return {k: frozenset(v) for k, v in codes.items()}


def _quoted(doc: Document, start: int, end: int) -> bool:
    """Whether the name stands between quotation marks in the original text (the matching
    view has none)."""
    text = doc.text
    lo, hi = doc.norm.span_to_original(start, end)
    return 0 < lo and hi < len(text) and text[lo - 1] in QUOTES and text[hi] in QUOTES


def _country_word(doc: Document, k: int) -> bool:
    """Whether token ``k`` alone names a country (a country's adjective: الأردنية)."""
    return any(e.tok_lo == k and e.tok_hi == k + 1 and e.kind == "state" and e.sector is None
               for e in doc.entities)


def _previous_token(doc: Document, m: Match) -> str:
    k = bisect_right(doc.token_starts, m.start) - 1
    return doc.tokens[k - 1] if k > 0 else ""


def _regions_by_sentence(found: list[Candidate], sent_starts: list[int]
                         ) -> dict[int, frozenset[tuple[str, str]]]:
    """The first-level divisions (country, admin1 code) each sentence names: a name all of
    whose places lie in one division (إدلب the city and the province; جسر الشغور), not a name
    that is also a word, nor one whose places lie in several divisions (أريحا)."""
    named: dict[int, set[tuple[str, str]]] = {}
    for start, _, rows, _, ambiguous in found:
        if ambiguous:
            continue
        pairs = {(r.country, r.admin1) for r in rows}
        if len(pairs) == 1:
            country, admin1 = pairs.pop()
            if admin1 is not None:
                named.setdefault(bisect_right(sent_starts, start) - 1, set()).add((country, admin1))
    return {k: frozenset(v) for k, v in named.items()}


def _in_region(p: PlaceRow, sentence: frozenset[tuple[str, str]],
               document: frozenset[tuple[str, str]]) -> float:
    """A town in a division the sentence names (أريحا بمحافظة إدلب is Ariha, not Jericho), or
    failing that one the article names: places named together lie together."""
    if p.admin1 is None or p.precision != "city":
        return 0.0
    region = (p.country, p.admin1)
    return 2.5 if region in sentence else 1.0 if region in document else 0.0


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
