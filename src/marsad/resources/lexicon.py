"""The compiled lexicon: every surface form of every resource, found in a text's words.

Keys are normalized surface forms (inflections generated, clitics not). A key found inside a
word is kept only when the letters around it form a valid clitic frame for the kind of
word it is, as the language's clitic model says (``lang.CliticModel``; Arabic: proclitics
و ف ب ك ل and the article ال before nouns, و ف and the future س before present-tense verbs,
enclitic pronouns after nouns and verbs, none after names).

A key of one word can only be found inside one word of the text, so what it finds there
depends on that word alone: ``Lexicon.find`` works each distinct word out once (one
Aho-Corasick pass over all the new words of a document) and remembers it for the documents
that follow, as news repeats its words. Keys of several words (الولايات المتحدة) are tried
only where a word that can be their second one follows a word that can end their first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, compress, repeat
from operator import attrgetter, is_
from typing import Any

import ahocorasick

from marsad.doc.spans import Match, Term
from marsad.lang import CliticModel

_PICKLED = ("_clitics", "_forms", "_automaton", "_phrase_heads", "_phrase_seconds",
            "_odd_automaton")


class Lexicon:
    """Surface forms → terms, compiled into one automaton for words and a table for phrases."""

    def __init__(self, clitics: CliticModel) -> None:
        self._clitics = clitics
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

    def __reduce__(self) -> tuple[type, tuple[CliticModel], dict]:
        # Made through __init__, then given its state: the compiled class (mypyc) runs __init__
        # when it is made, so it cannot load the interpreted one's default pickle (no arguments).
        return (Lexicon, (self._clitics,), self.__getstate__())

    def add(self, surface: str, term: Term) -> None:
        """Add a written form (lexicon spelling) and the variants clitics make of it."""
        for key, flags in self._clitics.lexicon_keys(surface, term.clitics):
            self._put(key, _replace(term, **flags))

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
            words = self._clitics.tokenize(key)[0]
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
            tokens, token_starts, token_ends = self._clitics.tokenize(text)
        elif tokens is None:
            tokens = [text[s:e] for s, e in zip(token_starts, token_ends)]
        memo = self._word_memo
        if len(memo) > _MEMO_SIZE:
            self._clear_memo()  # a crude bound: the common words are back within a document
            memo = self._word_memo
        entries = list(map(memo.get, tokens))
        if None in entries:
            # the new words' entries put in where the memo had none: a lookup in the small
            # table of new words, not a second one in the memo (a big table, slow to probe)
            learnt = self._learn(set(compress(tokens, map(is_, entries, repeat(None)))))
            entries = list(map(learnt.get, tokens, entries))
        found: list[Match] = []
        add = found.append
        phrases = False
        new = tuple.__new__     # builds the Match without NamedTuple's Python-level __new__
        # the tokens that hold something, with their offsets, in one pass in C
        for k, (singles, second), start, end in compress(  # type: ignore[misc]  # no None left
                zip(range(len(entries)), entries, token_starts, token_ends), entries):
            for core_start, core_end, prefix, suffix, terms in singles:
                add(new(Match, (start, end, start + core_start, start + core_end,
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

    def _learn(self, words: Iterable[str]) -> dict[str, tuple]:
        """Work out what each of ``words`` holds, put it in the memo and return it by word.

        A word's entry is ``()`` when it holds nothing, else ``(singles, second)``: the
        one-word keys inside it in a valid frame, as ``(core_start, core_end, prefix, suffix,
        terms)`` relative to the word, and, when it can be the second word of a phrase,
        ``(forms, heads)``: the second words it can be (itself, or itself less an enclitic
        where a phrase ends in it) and the first words of their phrases. The automaton runs
        once over all the words, joined by newlines (no one-word key holds a newline).
        """
        learnt: dict[str, tuple] = {}
        words = list(words)
        joined = "\n".join(words)
        offsets = list(accumulate((len(w) + 1 for w in words), initial=0))
        singles: dict[int, list] = {}
        automaton = self._automaton
        assert automaton is not None    # find() compiles the lexicon first
        clitics = self._clitics
        max_prefix, max_suffix, frame_ok = clitics.max_prefix, clitics.max_suffix, clitics.frame_ok
        hits = automaton.iter(joined) if len(automaton) else ()
        for last, (length, groups) in hits:
            w = bisect_right(offsets, last) - 1
            base = offsets[w]
            core_start = last - length + 1 - base
            core_end = last + 1 - base
            if core_start > max_prefix or offsets[w + 1] - 1 - base - core_end > max_suffix:
                continue
            word = words[w]
            prefix, suffix = word[:core_start], word[core_end:]
            for terms in _framed(groups, prefix, suffix, frame_ok):
                singles.setdefault(w, []).append((core_start, core_end, prefix, suffix, terms))
        seconds = self._phrase_seconds
        for w, word in enumerate(words):
            second = None
            if word in seconds or word[:-1] in seconds or word[:-2] in seconds or \
                    word[:-3] in seconds:
                forms = tuple(f for f in clitics.enclitic_splits(word) if f in seconds)
                if forms:
                    second = forms, tuple({h: 0 for f in forms for h in seconds[f]})
            found = singles.get(w)
            learnt[word] = (tuple(found or ()), second) if found or second else ()
        self._word_memo.update(learnt)
        return learnt

    def _phrases(self, text: str, starts: list[int], ends: list[int], word: str, k: int,
                 seconds: tuple[str, ...], found: list[Match]) -> bool:
        """Add the phrases starting in ``word`` (token ``k``) whose second word is one of
        ``seconds`` (what token ``k + 1`` can be) to ``found``; whether any was."""
        start, end = starts[k], ends[k]
        table = self._phrase_heads
        max_suffix, frame_ok = self._clitics.max_suffix, self._clitics.frame_ok
        phrase_ok = self._clitics.phrase_ok
        added = False
        for offset in range(min(self._clitics.max_prefix, len(word) - 1) + 1):
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
                    if word_end - core_end > max_suffix:
                        continue
                    suffix = text[core_end:word_end] if word_end > core_end else ""
                    if prefix:
                        groups = tuple(g for g in groups if phrase_ok(g[0], prefix, rest))
                    for terms in _framed(groups, prefix, suffix, frame_ok):
                        found.append(Match(start, word_end, core_start, core_end, prefix, suffix,
                                           terms))
                        added = True
        return added

    def _odd_keys(self, text: str, starts: list[int], ends: list[int], found: list[Match]) -> bool:
        """Add the keys that start with a punctuation mark, looked for in the whole text."""
        assert self._odd_automaton is not None
        max_prefix, max_suffix = self._clitics.max_prefix, self._clitics.max_suffix
        added = False
        for last, (length, groups) in self._odd_automaton.iter(text):
            core_start = last - length + 1
            k = bisect_right(starts, core_start) - 1
            if k < 0:
                continue
            start = starts[k]
            if core_start - start > max_prefix or ends[k] <= core_start:
                continue                       # inside a longer word, or on a space
            j = k if ends[k] > last else bisect_right(starts, last) - 1
            end = ends[j]
            core_end = last + 1
            if end - core_end > max_suffix:
                continue
            prefix = text[start:core_start] if start < core_start else ""
            suffix = text[core_end:end] if end > core_end else ""
            for terms in _framed(groups, prefix, suffix, self._clitics.frame_ok):
                found.append(Match(start, end, core_start, core_end, prefix, suffix, terms))
                added = True
        return added


#: How many distinct words ``Lexicon.find`` remembers before it starts again.
_MEMO_SIZE = 1 << 19
_END_ORDER = attrgetter("core_end", "core_start")
_WORD_RE = re.compile(r"\w+")




def _framed(groups: tuple, prefix: str, suffix: str,
            frame_ok: Callable[[tuple, str, str], bool]) -> list[tuple[Term, ...]]:
    """The terms of a key's groups whose clitic frame fits, one tuple per layer."""
    if len(groups) == 1:
        sig, terms = groups[0]
        return [terms] if frame_ok(sig, prefix, suffix) else []
    by_layer: dict[str, tuple[Term, ...]] = {}
    for sig, terms in groups:
        if frame_ok(sig, prefix, suffix):
            by_layer[sig[0]] = by_layer.get(sig[0], ()) + terms
    return list(by_layer.values())


def _replace(term: Term, **changes: Any) -> Term:
    return Term(
        term.layer, term.kind, term.ref, changes.get("clitics", term.clitics), term.tense,
        changes.get("lam_variant", term.lam_variant), changes.get("t_variant", term.t_variant),
        changes.get("definite", term.definite), term.needs,
    )
