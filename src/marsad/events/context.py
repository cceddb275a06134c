"""Pipeline stage: PLOVER contexts of each event.

An event's contexts are those its lexicon family implies (a ceasefire is military), the ones
its sentence's words signal (data/grammar/contexts.yaml), and the ones its participants imply:
a state's armed forces make it military, a group such as ISIS or al-Qaeda (coded NSA, no home
country) makes it terrorism.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources

import yaml

from marsad.doc.document import Document
from marsad.doc.records import Event, evolve
from marsad.lang.ar.clitics import clitic_forms, token_cores
from marsad.lang.ar.normalize import normalize_term


@lru_cache(maxsize=1)
def context_index() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """First word (without its article) → the (context, rest of phrase) pairs it can start."""
    text = importlib_resources.files("marsad.lang.ar").joinpath(
        "data", "contexts.yaml").read_text("utf-8")
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for ctx, words in yaml.safe_load(text).items():
        for w in words:
            first, *rest = normalize_term(w).split()
            key = first[2:] if first.startswith("ال") and len(first) > 3 else first
            index.setdefault(key, []).append((ctx, tuple(rest)))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _context_forms() -> frozenset[str]:
    return clitic_forms(frozenset(context_index()))


@lru_cache(maxsize=65536)
def _phrases_begun_by(token: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The (context, rest of phrase) pairs a token can begin, through any of its cores."""
    index = context_index()
    return tuple(entry for core in token_cores(token) for entry in index.get(core, ()))


class ContextTagger:
    def __init__(self) -> None:
        self.forms = _context_forms()   # read the contexts file now, not inside the first article

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
        for i, tok in enumerate(tokens):
            if tok not in forms:
                continue    # begins no phrase
            for ctx, rest in _phrases_begun_by(tok):
                if tuple(tokens[i + 1:i + 1 + len(rest)]) == rest:
                    found.add(ctx)
        return frozenset(found)


def _party_contexts(event: Event) -> set[str]:
    found = set()
    for e in event.actor + event.recipient:
        if e.sector == "MIL" and e.kind == "state":
            found.add("military")
        if e.code == "NSA" and e.kind == "non_state_armed":
            found.add("terrorism")
    return found
