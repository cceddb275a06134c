"""What the quantity scanner and the casualty linker share: a sentence's tokens and offsets, a
found quantity, and the language's unit nouns and casualty words, built once per stage.

Every word comes from the language (``Language.quantity_words``, ``Language.numbers`` and the
data files ``quantities``, ``casualties`` and ``calendar``), normalized here with the language's
``normalize_term``, so that this module holds no word of any language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from marsad.doc.spans import QuantityMention
from marsad.lang import Language, NumberGrammar, QuantityMorphology

#: punctuation a count is never looked for across
PUNCT = frozenset(",;:.?!()[]-/")
#: units that count people: the counts a casualty can take
PERSON_UNITS = frozenset({
    "person", "killed", "injured", "arrested", "missing", "soldier", "civilian", "citizen",
    "fighter", "member", "gunman", "militant", "leader", "officer", "police", "refugee",
    "displaced", "migrant", "child", "woman", "youth", "student", "protester", "journalist",
    "prisoner", "hostage", "victim", "other"})
#: units whose count is itself a casualty count (15 قتيلا), and its kind
CASUALTY_UNITS = {"killed": "killed", "injured": "injured", "arrested": "arrested",
                  "missing": "missing"}


class Spans(NamedTuple):
    """The text a sentence's tokens come from and where each token starts and ends. The tokens
    themselves travel as a plain list of strings: most are only looked up, and a per-token
    object would cost more than everything else done with them."""

    text: str
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or vague quantity the scanner found, with the tokens it covers."""

    lo: int  # first token, qualifier included
    hi: int  # token after the last
    role: str  # counted | vague | noun (9 مطلوبين) | bare | date
    mention: QuantityMention

    @property
    def shown(self) -> bool:
        """Whether it is reported as a quantity (bare numbers only when qualified)."""
        return self.role in ("counted", "vague") or (
            self.role == "bare" and self.mention.qualifier is not None)


def mention(sp: Spans, lo: int, skip: int, hi: int, count: int | None,
            qualifier: str | None, unit: str | None) -> QuantityMention:
    """The mention of tokens ``lo`` to ``hi``, less ``skip`` proclitic letters in front."""
    start, end = sp.starts[lo] + skip, sp.ends[hi - 1]
    return QuantityMention(start, end, sp.text[start:end], count, qualifier, unit)


class UnitForm(NamedTuple):
    unit: str
    grammatical_number: str  # sg | du | pl


class CasualtyWord(NamedTuple):
    kind: str
    role: str  # noun | verb


def normalized(lang: Language, words: Iterable[str]) -> frozenset[str]:
    return frozenset(map(lang.normalize_term, words))


class FigureWords:
    """The language's words for figures: unit nouns, casualty words and the number grammar,
    with a per-instance cache of unit lookups."""

    def __init__(self, lang: Language):
        if lang.quantity_words is None or lang.numbers is None:
            raise ValueError(f"language {lang.code!r} has no number grammar")
        self.lang = lang
        self.morph: QuantityMorphology = lang.quantity_words
        self.numbers: NumberGrammar = lang.numbers
        self.units = _unit_table(lang, self.morph, lang.table("quantities")["units"])
        self.nisba = UnitForm("person", "pl")
        casualties = lang.table("casualties")
        self.casualty_words = _casualty_words(lang, casualties["events"])
        #: ``unit_lookup(word, loose, suffixes=False)``: the unit form ``word`` is and its prefix
        #: length; ``loose`` allows clitics and the article, ``suffixes`` pronoun suffixes too
        self.unit_lookup = lru_cache(maxsize=65536)(self._unit_lookup)

    def _unit_lookup(self, word: str, loose: bool,
                     suffixes: bool = False) -> tuple[UnitForm, int] | None:
        morph = self.morph
        for prefix, core in morph.strip(word, morph.clitics_or_article if loose else morph.bare):
            form = self.units.get(core) or (self._unit_with_suffix(core) if suffixes else None)
            if form is None and self._is_nisba(core) and (prefix in morph.articles or not loose):
                form = self.nisba  # 168 من الليبيريين, 3 فلسطينيين
            if form is not None:
                return form, morph.clitic_len(prefix)
        return None

    def _unit_with_suffix(self, core: str) -> UnitForm | None:
        units = self.units
        return next((units[core[:-len(s)]] for s in self.morph.enclitics
                     if core.endswith(s) and core[:-len(s)] in units), None)

    def _is_nisba(self, core: str) -> bool:
        return self.morph.looks_like_nisba_plural(core) and core not in self.numbers.words


def _unit_table(lang: Language, morph: QuantityMorphology,
                spec: dict[str, Any]) -> dict[str, UnitForm]:
    """Every form of every unit noun; where two units share a form, the first listed keeps it."""
    table: dict[str, UnitForm] = {"%": UnitForm("percent", "sg")}
    for unit, words in spec.items():
        plural_forms = normalized(lang, words["plural"])
        for form in plural_forms:
            table.setdefault(form, UnitForm(unit, "pl"))
        singulars = map(lang.normalize_term, words["singular"])
        for form, number in morph.unit_forms(singulars, plural_forms):
            table.setdefault(form, UnitForm(unit, number))
    return table


def _casualty_words(lang: Language, spec: dict[str, Any]) -> dict[str, CasualtyWord]:
    return {lang.normalize_term(w): CasualtyWord(kind, role)
            for kind, words in spec.items()
            for role, key in (("noun", "nouns"), ("verb", "verbs")) for w in words[key]}
