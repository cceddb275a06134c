"""Which actor-layer matches name no actor where they stand.

The lexicon finds a capital, a country's name or a word of people wherever its letters are;
some of those places name something else: a newspaper told (قال مصدر لـ"الرياض"), an ordinary
word (دعم مالي), an adjective (عملا إرهابيا), a person's given name (تركي عمر السفياني) or a
place of the article's own country that shares a foreign capital's name (طريق الرباط شمال عدن).
The actor stage (``actors.py``) resolves only the matches this screen keeps.
"""

from __future__ import annotations

from collections import Counter

from marsad.annotate.names import NameWords
from marsad.doc.document import Document
from marsad.doc.records import state_country
from marsad.doc.spans import Match, Term
from marsad.resources import Resources


class Unit:
    """An actor-layer match with its tokens and sentence. A plain slotted class, not a frozen
    dataclass: one is made per match, and a frozen one is slow to build."""

    __slots__ = ("match", "sentence", "tok_hi", "tok_lo")

    def __init__(self, match: Match, tok_lo: int, tok_hi: int, sentence: int) -> None:
        self.match = match
        self.tok_lo = tok_lo
        self.tok_hi = tok_hi
        self.sentence = sentence

    def term(self, *kinds: str) -> Term | None:
        """The match's first term of one of ``kinds`` (a match mostly has one term)."""
        for t in self.match.terms:
            if t.kind in kinds:
                return t
        return None


class ActorScreen:
    """Drops the actor-layer matches that name no actor (module docstring)."""

    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        self.res = resources
        words = lang.table("actors")
        self.outlet_prepositions = frozenset(lang.normalize_term(w)
                                             for w in words["outlet_prepositions"])
        self.names_in_context = {lang.normalize_term(name): frozenset(map(lang.normalize_term, ws))
                                 for name, ws in (words.get("names_in_context") or {}).items()}
        self.quote_openers = frozenset(lang.table("roles")["quote_openers"])
        self.nationality = frozenset(lang.normalize_term(w) for w in words["nationality_words"])
        self.counted_only = frozenset(lang.normalize_term(w) for w in words["counted_only"])
        places = lang.table("places")
        self.capital_place_nouns = frozenset(
            lang.normalize_term(w) for w in (*words["capital_place_nouns"], *places["place_nouns"])
            if w not in words["capital_not_place"])
        self.numbers = lang.numbers
        self.names = NameWords.from_table(lang.table("person_names"), lang, resources.grammar)
        self.without_conjunction = lang.without_conjunction
        self.dative = lang.affixes.dative_prefix
        self.locative = lang.affixes.locative_prefix
        self.definite_word = lang.affixes.definite_word

    def __call__(self, doc: Document, units: list[Unit]) -> list[Unit]:
        """The units that name an actor; a given name's match leaves ``doc.matches`` too, for
        the entity stage reads it as a name (``_given_name``)."""
        names = {u.match.start for u in units if self._given_name(doc, u)}
        if names:
            doc.matches = [m for m in doc.matches if m.start not in names]
        units = [u for u in units if not self._news_outlet(doc, u) and not self._uncounted(doc, u)
                 and not self._out_of_context(doc, u) and u.match.start not in names]
        return self._without_capital_places(doc, units)

    def _news_outlet(self, doc: Document, u: Unit) -> bool:
        """قال مصدر لـ"الرياض"، لـ«الرياض»: a capital's name quoted after ل names the newspaper
        told, an attribution, not the state's government."""
        if u.term("capital") is None or u.term("actor", "country") is not None or u.tok_lo == 0 \
                or doc.tokens[u.tok_lo - 1] not in self.outlet_prepositions:
            return False
        start = doc.norm.to_original(u.match.core_start)
        return start > 0 and doc.text[start - 1] in self.quote_openers

    def _out_of_context(self, doc: Document, u: Unit) -> bool:
        """دعم مالي: a country's name that is also a word (``names_in_context``) is the country
        only with ب or ل on it, or right after one of its words (في مالي، حكومة مالي)."""
        words = self.names_in_context.get(doc.norm.text[u.match.core_start:u.match.core_end])
        if words is None or self.dative(u.match.prefix) \
                or self.locative(u.match.prefix):
            return False
        return u.tok_lo == 0 or self.without_conjunction(doc.tokens[u.tok_lo - 1]) not in words

    def _without_capital_places(self, doc: Document, units: list[Unit]) -> list[Unit]:
        """طريق الرباط شمال عدن in a report on Yemen: a capital's name right after a noun of a
        place (``capital_place_nouns``), of a country the article names nowhere else while it
        names another more than once, is a place of the article's own country that shares the
        name, not that state's government; a capital the article's story is about stays (مطار
        عدن، ريف دمشق in reports on them)."""
        counts = Counter(c for u in units if (c := self._country_of(u)))
        if not counts or counts.most_common(1)[0][1] < 2:
            return units    # no country the article is clearly about
        return [u for u in units if not (u.term("capital") and self._after_place_noun(doc, u)
                                         and counts[self._country_of(u) or ""] == 1)]

    def _country_of(self, u: Unit) -> str | None:
        actor = u.term("actor")
        if actor:
            a = self.res.actors[actor.ref]
            return a.country or state_country(a.code)
        term = u.term("country", "capital", "nisba", "people")
        return self.res.countries[term.ref].code if term else None

    def _after_place_noun(self, doc: Document, u: Unit) -> bool:
        return u.term("actor", "country") is None and not u.match.prefix and u.tok_lo > 0 \
            and self.without_conjunction(doc.tokens[u.tok_lo - 1]) in self.capital_place_nouns

    def _uncounted(self, doc: Document, u: Unit) -> bool:
        """عملا إرهابيا، هجوما مسلحا: a word that names people only when a number counts it
        (88 إرهابيا، نحو 300 مشتبه) is an adjective anywhere else."""
        if doc.norm.text[u.match.core_start:u.match.core_end] not in self.counted_only:
            return False
        if u.tok_lo == 0 or u.match.prefix:
            return True
        before = doc.tokens[u.tok_lo - 1]
        return not (before.isdigit() or self.numbers is not None
                    and self.numbers.parse_number(self.without_conjunction(before)) is not None)

    def _given_name(self, doc: Document, u: Unit) -> bool:
        """تركي عمر السفياني، تركي بن عبدالله، تركي الجلفان: a country's adjective that is
        also a given name, bare and followed by a name (a given name, بن, or a family name
        with the article that no lexicon reads), opens a person's name; the entity stage reads
        it (مسؤول تركي رفض، جندي تركي في are Turkey's)."""
        nxt = u.tok_hi
        if u.match.prefix or u.match.suffix or nxt >= len(doc.tokens) \
                or u.term("country", "capital", "actor", "people", "sector") is not None \
                or doc.norm.text[u.match.core_start:u.match.core_end] not in self.names.first_words:
            return False
        after = doc.tokens[nxt]
        if after in self.names.first_words or after in self.names.particles:
            return True
        return self.definite_word(after) and after not in self.names.not_names \
            and after not in self.nationality and after.isalpha() \
            and not any(m.start == doc.token_starts[nxt] for m in doc.matches)
