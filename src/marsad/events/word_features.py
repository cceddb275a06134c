"""The decision's word features (``w=…``, ``ASSAULT|w=…``), made once and interned.

A sentence's words are features of each of its candidates, alone and with the candidate's
type; news repeats its words, so each feature is made once, interned, and found in the decision
model by identity (``events/features.py`` reads these tables).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from marsad.resources.models import DecisionModel


class InternedFeatures(dict):
    """key → ``sys.intern(prefix + key)``, made on first use: the features every sentence
    repeats (``w=…``, ``ASSAULT|w=…``) are then made once, and found in the decision model by
    identity (its feature names are interned too). The keys whose features the model knows
    (``known``) are put in first and kept; the others are emptied past ``INTERNED_MAX``, so
    that the words that weigh stay made, however many rare words pass."""

    def __init__(self, prefix: str, known: Iterable[str] = ()):
        super().__init__()
        self.prefix = prefix
        self.known = {key: sys.intern(prefix + key) for key in known}
        self.known_features = frozenset(self.known.values())
        self.update(self.known)

    def __missing__(self, key: str) -> str:
        if len(self) >= len(self.known) + INTERNED_MAX:
            self.clear()
            self.update(self.known)
        value = self[key] = sys.intern(self.prefix + key)
        return value


#: words (and per type, word features) whose features are kept beside those the model knows;
#: news repeats its words
INTERNED_MAX = 1 << 14


class TypedWords(dict):
    """event type → its ``InternedFeatures`` table of typed word features."""

    def __init__(self, known: dict[str, list[str]]):
        super().__init__()
        self.known = known

    def __missing__(self, etype: str) -> InternedFeatures:
        table = self[etype] = InternedFeatures(etype + "|", self.known.get(etype, ()))
        return table


def word_tables(model: DecisionModel | None) -> tuple[InternedFeatures, TypedWords]:
    """The tables of word features (``w=…``) and of typed word features (``TYPE|w=…``, keyed
    by their ``w=…``), with the features the model weighs put in first."""
    words: list[str] = []
    typed: dict[str, list[str]] = {}
    for name in {**model.keep_weights, **model.modality_weights} if model is not None else ():
        if name.startswith("w="):
            words.append(name[2:])
            continue
        etype, bar, feature = name.partition("|")
        if bar and feature.startswith("w="):
            typed.setdefault(etype, []).append(feature)
    return InternedFeatures("w=", words), TypedWords(typed)
