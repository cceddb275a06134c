"""Pipeline stage: PLOVER contexts of each event.

An event's contexts are those its lexicon family implies (a ceasefire is military), the ones
its sentence's words signal (the language's ``contexts`` table, ``lang/ar/data/contexts.yaml``),
and the ones its participants imply: a state's armed forces make it military, a group such as
ISIS or al-Qaeda (coded NSA, no home country) makes it terrorism.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from marsad.doc.document import Document
from marsad.doc.records import Event, evolve
from marsad.lang import Language
from marsad.resources import Resources

#: the (context, rest of phrase) pairs a word can begin
Phrases = tuple[tuple[str, tuple[str, ...]], ...]


def context_index(table: Mapping[str, Any], lang: Language) -> dict[str, Phrases]:
    """First word (its lookup form, without the article) → the (context, rest of phrase)
    pairs it can start, from the contexts table (context → words and phrases)."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for ctx, words in table.items():
        for w in words:
            first, *rest = lang.normalize_term(w).split()
            index.setdefault(lang.word_core(first), []).append((ctx, tuple(rest)))
    return {k: tuple(v) for k, v in index.items()}


class _PhrasesBegunBy(dict):
    """token → the (context, rest of phrase) pairs it can begin through any of its cores,
    worked out once per distinct token (only tokens of ``forms`` are asked: a bounded set)."""

    def __init__(self, index: dict[str, Phrases], token_cores: Callable[[str], frozenset[str]]):
        super().__init__()
        self.index = index
        self.token_cores = token_cores

    def __missing__(self, token: str) -> Phrases:
        index = self.index
        found = self[token] = tuple(entry for core in self.token_cores(token)
                                    for entry in index.get(core, ()))
        return found


class ContextTagger:
    def __init__(self, resources: Resources):
        lang = resources.language
        assert lang is not None
        index = context_index(lang.table("contexts"), lang)
        #: every token that can begin a phrase: the rest are not taken apart
        self.forms = lang.clitic_forms(frozenset(index))
        self.phrases_begun_by = _PhrasesBegunBy(index, lang.token_cores)

    def __call__(self, doc: Document) -> Document:
        cache: dict[int, frozenset[str]] = {}
        tagged = []
        for event in doc.events:
            index = event.evidence[0].sentence_index if event.evidence else -1
            if index not in cache:
                cache[index] = self._sentence_contexts(doc, index)
            found = set(event.context) | cache[index] | _party_contexts(event)
            tagged.append(evolve(event, context=tuple(sorted(found))))
        doc.events = tagged
        return doc

    def _sentence_contexts(self, doc: Document, index: int) -> frozenset[str]:
        if index < 0 or index >= len(doc.sentences):
            return frozenset()
        sent = doc.sentences[index]
        tokens = doc.tokens[sent.tok_lo:sent.tok_hi]
        forms = self.forms
        found: set[str] = set()
        if forms.isdisjoint(tokens):
            return frozenset()
        phrases_begun_by = self.phrases_begun_by
        for i, tok in enumerate(tokens):
            if tok not in forms:
                continue    # begins no phrase
            for ctx, rest in phrases_begun_by[tok]:
                if tuple(tokens[i + 1:i + 1 + len(rest)]) == rest:
                    found.add(ctx)
        return frozenset(found)


def _party_contexts(event: Event) -> set[str]:
    found = set()
    for e in event.actor + event.recipient:
        if e.sector == "MIL" and e.kind == "state":
            found.add("military")
        if e.code == "NSA" and e.kind == "non_state_armed" and e.country is None:
            found.add("terrorism")      # a transnational group or unplaced militants, not the Houthis
    return found
