"""What the role and modality stages ask of a language's word structure, beyond its word tables.

A language package provides one ``Syntax`` (``Language.syntax``); the stages keep no letter of
the language in their code. Word lists are data (``lang/<code>/data/``); these are only what a
list cannot say: where a clitic sits on a token and what it means there. The fields are
module-level functions of the language's package, so the record pickles by reference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _no_future_forms(words: frozenset[str]) -> frozenset[str]:
    return frozenset()


def _unmarked(written: str) -> bool:
    return False


@dataclass(frozen=True)
class Syntax:
    """The word-structure rules the stages in ``annotate/`` and ``events/`` read."""

    #: every token whose ``Language.without_conjunction`` form or own form is one of the words:
    #: a set to test tokens against before taking them apart
    with_conjunction: Callable[[frozenset[str]], frozenset[str]]
    #: ``(token, with_article)``: the preposition fused to the front of a token (Arabic بجهود →
    #: ب), else None; ``with_article=False`` leaves out one before the article (بالعراق)
    preposition_proclitic: Callable[[str, bool], str | None]
    #: whether a verb's proclitics make it future (Arabic سيهاجم)
    marks_future: Callable[[str], bool]
    #: ``(core, prefix, suffix)``: whether a verb of the lexicon, so written, is also its own
    #: verbal noun (Arabic طلب، أمر، دعم), to be read as the verb only where a verb can stand
    doubles_as_noun: Callable[[str, str, str], bool]
    #: present-tense verb forms → the same with the future prefix, with or without a
    #: conjunction in front (Arabic يتم → سيتم، وسيتم، فسيتم); none for a language without one
    future_forms: Callable[[frozenset[str]], frozenset[str]] = _no_future_forms
    #: whether a past verb, as the article writes it (vowel marks kept), is marked passive
    #: (Arabic قُتل، وأُصيب); False for a language whose script does not mark the voice
    marks_passive: Callable[[str], bool] = _unmarked
