"""What a match's clitics and marks say, as tests a language-neutral stage can ask.

The lexicon matcher reports each match with the clitic letters it peeled off (``prefix``,
``suffix``); the stages then ask whether a prefix is only a conjunction, whether it is a
locative preposition, whether a letter closes a word's stem so that no pronoun can follow it…
Each language answers in its package (``marsad.lang.ar.affixes``); the defaults here are the
answers for a language without clitics, so a stage never needs to know which language it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _never(_: str) -> bool:
    return False


def _empty(prefix: str) -> bool:
    return not prefix


def _unchanged(word: str) -> str:
    return word


@dataclass(frozen=True)
class Affixes:
    """A language's clitic and mark tests (module-level functions, so the object pickles)."""

    #: a letter that only ends a word's stem, so a match whose core ends before it is a longer
    #: word, not a core with a pronoun suffix
    closes_stem: Callable[[str], bool] = _never
    #: the text carries a mark that only a noun takes (a word with it is no verb)
    marks_noun: Callable[[str], bool] = _never
    #: the prefix is only conjunctions (or nothing): a name that is also a word takes no other
    conjunctions_only: Callable[[str], bool] = _empty
    #: the prefix begins with a conjunction ("and", "so"): a new phrase, not an apposition
    after_conjunction: Callable[[str], bool] = _never
    #: the prefix begins with "and": a coordinated word
    after_and: Callable[[str], bool] = _never
    #: the prefix ends with a locative preposition ("in", "at"): a place follows
    locative_prefix: Callable[[str], bool] = _never
    #: the prefix holds the definite article: a title that refers back (الوزيرة، للرئيس)
    definite_prefix: Callable[[str], bool] = _never
    #: the prefix holds the preposition "to, for": what follows is governed by it, not a
    #: genitive (زيارة ولي العهد لمصر: a visit to Egypt, not Egypt's crown prince)
    dative_prefix: Callable[[str], bool] = _never
    #: the token opens with a preposition and the article (بالتدخل، للهجوم، وبالأنشطة): a noun
    #: governed by the preposition, so never the middle word of a construct (وزير الخارجية)
    governed_noun: Callable[[str], bool] = _never
    #: the token carries the definite article, after any proclitics (التدخل، بالتدخل، والهجوم)
    definite_word: Callable[[str], bool] = _never
    #: the word has the shape of a relative adjective (الحوثيون، الدولية): it may describe the
    #: noun before it, where a noun of another shape cannot
    adjective_shaped: Callable[[str], bool] = _never
    #: a token without the single proclitic letter (conjunction or preposition) it may carry
    without_proclitic: Callable[[str], str] = _unchanged
    #: a place-noun candidate without its leading article letters
    without_article: Callable[[str], str] = _unchanged
    #: a word with the definite article (how a name is also written: سوريا / السوريا)
    with_article: Callable[[str], str] = _unchanged
