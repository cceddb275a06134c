"""Pipeline stage: conflict words in sport reports are metaphors.

"خطف الهلال الفوز" (snatched the win), "هجمات الفريق" (the team's attacks), "سحق منافسه": in an
article whose words are plainly sport (the language's ``sport`` table,
``lang/ar/data/sport.yaml``: five distinct sport words, or three in a text of one or two
sentences), a conflict event stands only when a security, armed or military actor takes part;
cooperative and verbal events stay.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.doc.document import Document
from marsad.doc.records import Event
from marsad.resources import Resources

_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY"})


class _SportCores(dict):
    """token → the sport words it is behind its clitics, worked out once per distinct token
    (for most tokens none: the one empty tuple, so the table stays small; only tokens of the
    filter's ``forms`` are asked, a bounded set)."""

    def __init__(self, words: frozenset[str], token_cores: Callable[[str], frozenset[str]]):
        super().__init__()
        self.words = words
        self.token_cores = token_cores

    def __missing__(self, token: str) -> tuple[str, ...]:
        found = self[token] = tuple(self.token_cores(token) & self.words)
        return found


class SportFilter:
    def __init__(self, resources: Resources):
        #: the types a sport report uses as metaphors (plover.yaml: conflict)
        self.conflict = resources.vocabulary.types_with("conflict")
        lang = resources.language
        assert lang is not None
        table = lang.table("sport")
        # single words by their lookup form (الدوري → دوري); phrases are not read
        self.words = frozenset(lang.word_core(lang.normalize_term(w))
                               for w in table["words"] if " " not in w)
        self.threshold = int(table["threshold"])
        self.short_threshold = int(table["short_threshold"])
        self.short_sentences = int(table["short_sentences"])
        self.forms = lang.clitic_forms(self.words)
        self.sport_cores = _SportCores(self.words, lang.token_cores)

    def __call__(self, doc: Document) -> Document:
        # reading the whole article for sport words pays only when there is a conflict event
        conflict = self.conflict
        if any(e.event_type in conflict for e in doc.events) and self._is_sport(doc):
            doc.events = [e for e in doc.events if e.event_type not in conflict or _forces(e)]
        return doc

    def _is_sport(self, doc: Document) -> bool:
        # only the tokens that can hold a sport word are taken apart, each distinct one once
        cores = self.sport_cores.__getitem__
        seen = frozenset().union(*map(cores, self.forms.intersection(doc.tokens)))
        short = doc.worded_sentences() <= self.short_sentences
        return len(seen) >= (self.short_threshold if short else self.threshold)


def _forces(event: Event) -> bool:
    return any(e.sector in _FORCE_SECTORS or e.kind == "non_state_armed"
               for e in event.actor + event.recipient)
