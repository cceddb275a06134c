"""The compiled lexicon: every surface form of every resource in one Aho-Corasick automaton.

Keys are normalized surface forms (inflections generated, clitics not). A match found by the
automaton is kept only when the letters around it form a valid clitic frame for the kind of
word it is: proclitics و ف ب ك ل and the article ال (ل + ال → لل) before nouns, و ف and the
future س before present-tense verbs, enclitic pronouns after nouns and verbs, none after names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Iterable, Iterator

import ahocorasick

from marsad.text.normalize import normalize_term

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل")
NAME_PREFIXES = frozenset(c + p for c, p in product(_CONJ, _PREP))
NOUN_PREFIXES = NAME_PREFIXES | frozenset(
    c + ("لل" if p == "ل" else p + "ال") for c, p in product(_CONJ, _PREP)
)
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
VERB_PAST_PREFIXES = frozenset(_CONJ)
VERB_PRESENT_PREFIXES = frozenset(c + m for c, m in product(_CONJ, ("", "س", "ل")))
# First and second person singular (ـي ـك) are left out: rare in news, and ـي would turn every
# nisba adjective (اجتماعي) into its noun (اجتماع) plus "my".
NOUN_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا"})
VERB_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني"})
MAX_PREFIX = 4
MAX_SUFFIX = 3

#: How a kind of word takes clitics: (prefixes, suffixes).
CLITIC_FRAMES = {
    "name": (NAME_PREFIXES, frozenset({""})),
    # Country names also take the article (بيرو / البيرو, إكوادور / الإكوادور).
    "country": (NOUN_PREFIXES, frozenset({""})),
    "noun": (NOUN_PREFIXES, NOUN_SUFFIXES),
    "verb_past": (VERB_PAST_PREFIXES, VERB_SUFFIXES),
    "verb_present": (VERB_PRESENT_PREFIXES, VERB_SUFFIXES),
}


@dataclass(frozen=True, slots=True)
class Term:
    """What one surface form stands for.

    ``kind`` is country, capital, nisba, people, actor, sector (actor layer) or verb, noun
    (trigger layer); ``ref`` indexes the resource list of that kind; ``tense`` is past,
    present, passive or noun for triggers.
    """

    layer: str
    kind: str
    ref: int
    clitics: str
    tense: str | None = None
    lam_variant: bool = False
    t_variant: bool = False
    definite: bool = False
    needs: tuple[str, ...] = ()     # words that must follow a verb head (قدم … المساعدة)


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit in the matching view: the core form and the whole word(s) around it."""

    start: int          # first character of the word, proclitics included
    end: int            # after the last character, enclitics included
    core_start: int
    core_end: int
    prefix: str
    suffix: str
    terms: tuple[Term, ...]


class Lexicon:
    """Surface forms → terms, compiled into one automaton."""

    def __init__(self) -> None:
        self._forms: dict[str, list[Term]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, surface: str, term: Term) -> None:
        """Add a written form (lexicon spelling) and the variants clitics make of it."""
        key = normalize_term(surface)
        if len(key) < 2:
            return
        definite = key.startswith("ال") and len(key) > 3
        self._put(key, _replace(term, definite=definite))
        if definite:
            self._put("ل" + key[2:], _replace(term, definite=True, lam_variant=True))
        if surface.rstrip().endswith("ة") and term.clitics != "name":
            self._put(key[:-1] + "ت", _replace(term, definite=definite, t_variant=True))

    def _put(self, key: str, term: Term) -> None:
        terms = self._forms.setdefault(key, [])
        if term not in terms:
            terms.append(term)

    def compile(self) -> None:
        """Each key's terms are grouped by layer and clitic frame, so that one frame check
        serves every term of a group (a verb head like قدم carries dozens)."""
        automaton = ahocorasick.Automaton()
        for key, terms in self._forms.items():
            groups: dict[tuple, list[Term]] = {}
            for t in terms:
                groups.setdefault((t.layer, t.clitics, t.definite, t.lam_variant, t.t_variant),
                                  []).append(t)
            automaton.add_word(key, (len(key), tuple((sig, tuple(ts)) for sig, ts in groups.items())))
        automaton.make_automaton()
        self._automaton = automaton

    @property
    def size(self) -> int:
        return len(self._forms)

    def keys(self) -> Iterable[str]:
        return self._forms.keys()

    def lookup(self, key: str) -> tuple[Term, ...]:
        return tuple(self._forms.get(key, ()))

    def find(self, text: str, token_starts: list[int] | None = None,
             token_ends: list[int] | None = None) -> Iterator[Match]:
        """Every lexicon form in ``text`` standing in a valid clitic frame, one match per layer.

        ``token_starts``/``token_ends`` (the tokens of ``text``: words and single punctuation
        marks) make the word edges a lookup; without them they are found here.
        """
        if self._automaton is None:
            self.compile()
        assert self._automaton is not None
        if token_starts is None or token_ends is None:
            token_starts, token_ends = _word_edges(text)
        starts, ends, bisect, frame_ok = token_starts, token_ends, bisect_right, _frame_ok
        for last, (length, groups) in self._automaton.iter(text):
            core_start = last - length + 1
            k = bisect(starts, core_start) - 1
            if k < 0:
                continue
            start = starts[k]
            if core_start - start > MAX_PREFIX or ends[k] <= core_start:
                continue                       # inside a longer word, or on a space
            j = k if ends[k] > last else bisect(starts, last) - 1
            end = ends[j]
            core_end = last + 1
            if end - core_end > MAX_SUFFIX:
                continue
            prefix = text[start:core_start] if start < core_start else ""
            suffix = text[core_end:end] if end > core_end else ""
            if len(groups) == 1:
                sig, terms = groups[0]
                if frame_ok(sig, prefix, suffix):
                    yield Match(start, end, core_start, core_end, prefix, suffix, terms)
                continue
            by_layer: dict[str, tuple[Term, ...]] = {}
            for sig, terms in groups:
                if frame_ok(sig, prefix, suffix):
                    by_layer[sig[0]] = by_layer.get(sig[0], ()) + terms
            for terms in by_layer.values():
                yield Match(start, end, core_start, core_end, prefix, suffix, terms)


_WORD_RE = re.compile(r"\w+")


def _word_edges(text: str) -> tuple[list[int], list[int]]:
    found = list(_WORD_RE.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


def _frame_ok(sig: tuple, prefix: str, suffix: str) -> bool:
    """Whether prefix and suffix fit a frame signature (layer, clitics, definite, lam, t)."""
    _, clitics, definite, lam_variant, t_variant = sig
    prefixes, suffixes = CLITIC_FRAMES[clitics]
    if lam_variant:
        ok_prefix = prefix in LAM_PREFIXES
    elif definite:
        ok_prefix = prefix in NAME_PREFIXES
    else:
        ok_prefix = prefix in prefixes
    if not ok_prefix:
        return False
    if t_variant:
        return bool(suffix) and suffix in suffixes
    return suffix in suffixes


def _replace(term: Term, **changes: bool) -> Term:
    return Term(
        term.layer, term.kind, term.ref, term.clitics, term.tense,
        changes.get("lam_variant", term.lam_variant), changes.get("t_variant", term.t_variant),
        changes.get("definite", term.definite), term.needs,
    )


def word_core(word: str) -> str:
    """The form a lexicon word is looked up by: without the article (المساعدة → مساعده)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=65536)
def token_cores(token: str) -> frozenset[str]:
    """Every word a token can be once noun clitics are taken off: بالمساعدة → مساعده,
    مساعدتها → مساعده, اتفاقا → اتفاق."""
    cores = {token}
    n = len(token)
    for i in range(0, min(MAX_PREFIX, n - 2) + 1):
        if token[:i] not in NOUN_PREFIXES:
            continue
        for j in range(0, min(MAX_SUFFIX, n - i - 2) + 1):
            suffix = token[n - j:] if j else ""
            if suffix not in NOUN_SUFFIXES:
                continue
            core = token[i:n - j]
            cores.add(core)
            if suffix and core.endswith("ت"):
                cores.add(core[:-1] + "ه")      # مساعدت|ها → مساعده
        if token.endswith("ا") and not token.endswith(("ها", "نا")):
            cores.add(token[i:-1])              # the indefinite accusative: اتفاقا، طرقا
    return frozenset(cores)
