"""The decision's word features (``w=…``, ``ASSAULT|w=…``), made once and interned.

A sentence's words are features of each of its candidates, alone and with the candidate's
type; news repeats its words, so each feature is made once, interned, and found in the decision
model by identity (``events/features.py`` reads these tables).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

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


class WeighedWords:
    """The words a model weighs (alone, ``w=…``, or with a type, ``TYPE|w=…``), each by its
    rank in the words' sorted order: a sentence's weighed words are then found, made distinct
    and put in order as small numbers (``ranks``), and each rank's features looked up, with
    the order and the features that sorting the words themselves would give."""

    def __init__(self, words: InternedFeatures, typed: TypedWords,
                 bare: Callable[[str], str] = str,
                 with_conjunction: Callable[[frozenset[str]], frozenset[str]] = frozenset):
        ordered = sorted({f[2:] for f in words.known.values()}.union(
            f[2:] for t in typed.known.values() for f in t))
        self.rank = {w: i for i, w in enumerate(ordered, start=1)}   # 0 would read as none
        #: token → the rank of its ``bare`` form (the language's ``without_conjunction``), for
        #: every token whose bare form is weighed: one lookup per token of a sentence, not two
        self.token_rank = {f: r for f in with_conjunction(frozenset(self.rank))
                           if (r := self.rank.get(bare(f)))}
        #: rank → the word's ``w=…``, where the model weighs it alone
        self.own = {self.rank[f[2:]]: f for f in words.known.values()}
        #: event type → rank → the word's ``TYPE|w=…``, where the model weighs it with the type
        self.typed = {etype: {self.rank[key[2:]]: f for key, f in typed[etype].known.items()}
                      for etype in typed.known}

    def ranks(self, tokens: Iterable[str]) -> list[int]:
        """The ranks of the weighed ones of ``tokens`` (by their ``bare`` forms), each once, in
        order."""
        return sorted(set(filter(None, map(self.token_rank.get, tokens))))

    def features(self, ranks: list[int]) -> list[str]:
        return list(filter(None, map(self.own.get, ranks)))

    def typed_features(self, ranks: list[int], etype: str) -> list[str]:
        table = self.typed.get(etype)
        return list(filter(None, map(table.get, ranks))) if table else []
