"""Pipeline stage: PLOVER contexts of each event.

An event's contexts are those its lexicon family implies (a ceasefire is military), the ones
its sentence's words signal (data/grammar/contexts.yaml), and the ones its participants imply:
a state's armed forces make it military, a group such as ISIS or al-Qaeda (coded NSA, no home
country) makes it terrorism.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources as importlib_resources

import yaml

from marsad.document import Document
from marsad.records import Event
from marsad.resources.lexicon import token_cores
from marsad.text.normalize import normalize_term


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Context → the normalized word sequences that signal it."""
    text = importlib_resources.files("marsad.resources").joinpath(
        "data", "grammar", "contexts.yaml").read_text("utf-8")
    return {ctx: tuple(tuple(normalize_term(w).split()) for w in words)
            for ctx, words in yaml.safe_load(text).items()}


class ContextTagger:
    def __init__(self) -> None:
        self.words = context_words()

    def __call__(self, doc: Document) -> Document:
        cache: dict[int, frozenset[str]] = {}
        tagged = []
        for event in doc.events:
            index = event.evidence[0].sentence_index if event.evidence else -1
            if index not in cache:
                cache[index] = self._sentence_contexts(doc, index)
            found = set(event.context) | cache[index] | _party_contexts(event)
            tagged.append(replace(event, context=tuple(sorted(found))))
        doc.events = tagged
        return doc

    def _sentence_contexts(self, doc: Document, index: int) -> frozenset[str]:
        if index < 0 or index >= len(doc.sentences):
            return frozenset()
        sent = doc.sentences[index]
        tokens = doc.tokens[sent.tok_lo:sent.tok_hi]
        cores = [token_cores(tok) for tok in tokens]
        found = set()
        for ctx, phrases in self.words.items():
            if any(_occurs(phrase, tokens, cores) for phrase in phrases):
                found.add(ctx)
        return frozenset(found)


def _occurs(phrase: tuple[str, ...], tokens: list[str], cores: list[frozenset[str]]) -> bool:
    first = phrase[0][2:] if phrase[0].startswith("ال") and len(phrase[0]) > 3 else phrase[0]
    for i, core in enumerate(cores):
        if first in core or phrase[0] in core:
            if tuple(tokens[i + 1:i + len(phrase)]) == phrase[1:]:
                return True
    return False


def _party_contexts(event: Event) -> set[str]:
    found = set()
    for e in event.actor + event.recipient:
        if e.sector == "MIL" and e.kind == "state":
            found.add("military")
        if e.code == "NSA" and e.kind == "non_state_armed":
            found.add("terrorism")
    return found
