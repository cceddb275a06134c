"""The compiled lexicon: every surface form of every resource, found in a text's words.

Keys are normalized surface forms (inflections generated, clitics not). A key found inside a
word is kept only when the letters around it form a valid clitic frame for the kind of
word it is: proclitics و ف ب ك ل and the article ال (ل + ال → لل) before nouns, و ف and the
future س before present-tense verbs, enclitic pronouns after nouns and verbs, none after names.

A key of one word can only be found inside one word of the text, so what it finds there
depends on that word alone: ``Lexicon.find`` works each distinct word out once (one
Aho-Corasick pass over all the new words of a document) and remembers it for the documents
that follow, as news repeats its words. Keys of several words (الولايات المتحدة) are tried
only where a word that can be their second one follows a word that can end their first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, product
from operator import attrgetter
from typing import NamedTuple

import ahocorasick

from marsad.text.normalize import normalize_term
from marsad.text.segment import tokenize

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

    def __reduce__(self) -> tuple[type, tuple]:
        # Spelled out, so that the compiled class (mypyc) pickles as the interpreted one does.
        return (Term, (self.layer, self.kind, self.ref, self.clitics, self.tense, self.lam_variant,
                       self.t_variant, self.definite, self.needs))


class Match(NamedTuple):
    """A lexicon hit in the matching view: the core form and the whole word(s) around it.

    A named tuple rather than a frozen dataclass: documents make dozens, and a tuple is built
    several times faster."""

    start: int          # first character of the word, proclitics included
    end: int            # after the last character, enclitics included
    core_start: int
    core_end: int
    prefix: str
    suffix: str
    terms: tuple[Term, ...]


_PICKLED = ("_forms", "_automaton", "_phrase_heads", "_phrase_seconds", "_odd_automaton")


class Lexicon:
    """Surface forms → terms, compiled into one automaton for words and a table for phrases."""

    def __init__(self) -> None:
        self._forms: dict[str, list[Term]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._reset_compiled()

    def _reset_compiled(self) -> None:
        #: first word of a key of several words → its second word → ((the rest of the key
        #: after the first word, its groups), ...)
        self._phrase_heads: dict[str, dict[str, tuple[tuple[str, tuple], ...]]] = {}
        #: second word of a key of several words → the first words it follows in one
        self._phrase_seconds: dict[str, tuple[str, ...]] = {}
        #: keys that start with a punctuation mark (only a user's lexicon has them)
        self._odd_automaton: ahocorasick.Automaton | None = None
        self._clear_memo()

    def _clear_memo(self) -> None:
        #: word → what it holds (see ``_learn``); per process, never pickled
        self._word_memo: dict[str, tuple] = {}

    def __getstate__(self) -> dict:
        # Named one by one: a compiled (mypyc) instance has no __dict__. The memo stays out.
        return {name: getattr(self, name) for name in _PICKLED}

    def __setstate__(self, state: dict) -> None:
        for name in _PICKLED:
            setattr(self, name, state[name])
        self._clear_memo()

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
        serves every term of a group (a verb head like قدم carries dozens).

        Keys of one word go into the automaton; keys of several are kept by their first word
        (the rest is compared with the text) and their second word (the filter of ``find``).
        """
        self._reset_compiled()
        automaton = ahocorasick.Automaton()
        odd = ahocorasick.Automaton()
        heads: dict[str, dict[str, list[tuple[str, tuple]]]] = {}
        seconds: dict[str, set[str]] = {}
        for key, terms in self._forms.items():
            groups: dict[tuple, list[Term]] = {}
            for t in terms:
                groups.setdefault((t.layer, t.clitics, t.definite, t.lam_variant, t.t_variant),
                                  []).append(t)
            value = tuple((sig, tuple(ts)) for sig, ts in groups.items())
            words = tokenize(key)[0]
            if not _WORD_RE.match(key):
                odd.add_word(key, (len(key), value))
            elif len(words) == 1:
                automaton.add_word(key, (len(key), value))
            else:
                heads.setdefault(words[0], {}).setdefault(words[1], []).append(
                    (key[len(words[0]):], value))
                seconds.setdefault(words[1], set()).add(words[0])
        if len(automaton):
            automaton.make_automaton()
        if len(odd):
            odd.make_automaton()
            self._odd_automaton = odd
        self._automaton = automaton
        self._phrase_heads = {h: {w: tuple(rests) for w, rests in by_second.items()}
                              for h, by_second in heads.items()}
        self._phrase_seconds = {w: tuple(sorted(heads)) for w, heads in seconds.items()}

    @property
    def size(self) -> int:
        return len(self._forms)

    def keys(self) -> Iterable[str]:
        return self._forms.keys()

    def lookup(self, key: str) -> tuple[Term, ...]:
        return tuple(self._forms.get(key, ()))

    def find(self, text: str, token_starts: list[int] | None = None,
             token_ends: list[int] | None = None, tokens: list[str] | None = None) -> list[Match]:
        """Every lexicon form in ``text`` standing in a valid clitic frame, one match per layer,
        in the order of their last character (the longer first where two end together).

        ``token_starts``/``token_ends``/``tokens`` are the tokens of ``text`` (words and single
        punctuation marks, as the Segmenter makes them); without them they are found here.
        """
        if self._automaton is None:
            self.compile()
        if token_starts is None or token_ends is None:
            tokens, token_starts, token_ends = tokenize(text)
        elif tokens is None:
            tokens = [text[s:e] for s, e in zip(token_starts, token_ends)]
        memo = self._word_memo
        if len(memo) > _MEMO_SIZE:
            self._clear_memo()  # a crude bound: the common words are back within a document
            memo = self._word_memo
        entries = list(map(memo.get, tokens))
        if None in entries:
            self._learn(set(tokens).difference(memo))
            entries = list(map(memo.__getitem__, tokens))
        found: list[Match] = []
        phrases = False
        new = tuple.__new__     # builds the Match without NamedTuple's Python-level __new__
        for k in compress(range(len(entries)), entries):
            singles, second = entries[k]  # type: ignore[misc]  # learnt: no None is left
            start = token_starts[k]
            end = token_ends[k]
            for core_start, core_end, prefix, suffix, terms in singles:
                found.append(new(Match, (start, end, start + core_start, start + core_end,
                                         prefix, suffix, terms)))
            # a phrase can start in the word before: is that word's end a first word of one?
            if second and k and tokens[k - 1].endswith(second[1]) and \
                    self._phrases(text, token_starts, token_ends, tokens[k - 1], k - 1, second[0],
                                  found):
                phrases = True
        odd = self._odd_automaton is not None
        if odd and self._odd_keys(text, token_starts, token_ends, found):
            phrases = True
        if phrases:
            found.sort(key=_END_ORDER)  # a phrase was found after the words inside it
        return found

    def _learn(self, words: Iterable[str]) -> None:
        """Work out what each of ``words`` holds and put it in the memo.

        A word's entry is ``()`` when it holds nothing, else ``(singles, second)``: the
        one-word keys inside it in a valid frame, as ``(core_start, core_end, prefix, suffix,
        terms)`` relative to the word, and, when it can be the second word of a phrase,
        ``(forms, heads)``: the second words it can be (itself, or itself less an enclitic
        where a phrase ends in it) and the first words of their phrases. The automaton runs
        once over all the words, joined by newlines (no one-word key holds a newline).
        """
        memo = self._word_memo
        words = list(words)
        joined = "\n".join(words)
        offsets = list(accumulate((len(w) + 1 for w in words), initial=0))
        singles: dict[int, list] = {}
        automaton = self._automaton
        assert automaton is not None    # find() compiles the lexicon first
        hits = automaton.iter(joined) if len(automaton) else ()
        for last, (length, groups) in hits:
            w = bisect_right(offsets, last) - 1
            base = offsets[w]
            core_start = last - length + 1 - base
            core_end = last + 1 - base
            if core_start > MAX_PREFIX or offsets[w + 1] - 1 - base - core_end > MAX_SUFFIX:
                continue
            word = words[w]
            prefix, suffix = word[:core_start], word[core_end:]
            for terms in _framed(groups, prefix, suffix):
                singles.setdefault(w, []).append((core_start, core_end, prefix, suffix, terms))
        seconds = self._phrase_seconds
        for w, word in enumerate(words):
            second = None
            if word in seconds or word[:-1] in seconds or word[:-2] in seconds or \
                    word[:-3] in seconds:
                forms = tuple(f for f in _enclitic_splits(word) if f in seconds)
                if forms:
                    second = forms, tuple({h: 0 for f in forms for h in seconds[f]})
            found = singles.get(w)
            memo[word] = (tuple(found or ()), second) if found or second else ()

    def _phrases(self, text: str, starts: list[int], ends: list[int], word: str, k: int,
                 seconds: tuple[str, ...], found: list[Match]) -> bool:
        """Add the phrases starting in ``word`` (token ``k``) whose second word is one of
        ``seconds`` (what token ``k + 1`` can be) to ``found``; whether any was."""
        start, end = starts[k], ends[k]
        table = self._phrase_heads
        added = False
        for offset in range(min(MAX_PREFIX, len(word) - 1) + 1):
            by_second = table.get(word[offset:])
            if by_second is None:
                continue
            core_start = start + offset
            prefix = text[start:core_start]
            for second in seconds:
                for rest, groups in by_second.get(second, ()):
                    if not text.startswith(rest, end):
                        continue
                    core_end = end + len(rest)
                    word_end = ends[bisect_right(starts, core_end - 1) - 1]
                    if word_end - core_end > MAX_SUFFIX:
                        continue
                    suffix = text[core_end:word_end] if word_end > core_end else ""
                    for terms in _framed(groups, prefix, suffix):
                        found.append(Match(start, word_end, core_start, core_end, prefix, suffix,
                                           terms))
                        added = True
        return added

    def _odd_keys(self, text: str, starts: list[int], ends: list[int], found: list[Match]) -> bool:
        """Add the keys that start with a punctuation mark, looked for in the whole text."""
        assert self._odd_automaton is not None
        added = False
        for last, (length, groups) in self._odd_automaton.iter(text):
            core_start = last - length + 1
            k = bisect_right(starts, core_start) - 1
            if k < 0:
                continue
            start = starts[k]
            if core_start - start > MAX_PREFIX or ends[k] <= core_start:
                continue                       # inside a longer word, or on a space
            j = k if ends[k] > last else bisect_right(starts, last) - 1
            end = ends[j]
            core_end = last + 1
            if end - core_end > MAX_SUFFIX:
                continue
            prefix = text[start:core_start] if start < core_start else ""
            suffix = text[core_end:end] if end > core_end else ""
            for terms in _framed(groups, prefix, suffix):
                found.append(Match(start, end, core_start, core_end, prefix, suffix, terms))
                added = True
        return added


#: How many distinct words ``Lexicon.find`` remembers before it starts again.
_MEMO_SIZE = 1 << 19
_END_ORDER = attrgetter("core_end", "core_start")
_WORD_RE = re.compile(r"\w+")


_ENCLITICS = NOUN_SUFFIXES | VERB_SUFFIXES


def _enclitic_splits(word: str) -> list[str]:
    """The word, and the word less each enclitic it may end with (حكومتها → حكومت)."""
    return [word] + [word[:-j] for j in range(1, min(MAX_SUFFIX, len(word) - 1) + 1)
                     if word[-j:] in _ENCLITICS]


def _framed(groups: tuple, prefix: str, suffix: str) -> list[tuple[Term, ...]]:
    """The terms of a key's groups whose clitic frame fits, one tuple per layer."""
    if len(groups) == 1:
        sig, terms = groups[0]
        return [terms] if _frame_ok(sig, prefix, suffix) else []
    by_layer: dict[str, tuple[Term, ...]] = {}
    for sig, terms in groups:
        if _frame_ok(sig, prefix, suffix):
            by_layer[sig[0]] = by_layer.get(sig[0], ()) + terms
    return list(by_layer.values())


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


def clitic_forms(words: frozenset[str]) -> frozenset[str]:
    """Every token whose ``token_cores`` can hold one of ``words``: a word with noun clitics
    around it, its ت form before a suffix (مساعدت|ها → مساعده), or its accusative with ا.
    A superset (some forms break token_cores' length limits), so a token outside it has none
    of the words among its cores and need not be taken apart: most tokens of an article."""
    stems = set(words)
    stems.update(w[:-1] + "ت" for w in words if w.endswith("ه"))
    forms = {p + stem + s for p in NOUN_PREFIXES for stem in stems for s in NOUN_SUFFIXES}
    forms.update(p + w + "ا" for p in NOUN_PREFIXES for w in words)
    return frozenset(forms)
