"""Arabic word structure read by the role and modality stages: the conjunctions و/ف in front of
a token, the prepositions ب/ل fused to a head noun, the future prefix س, the past forms that
are also verbal nouns.

The word lists those stages read are data (``data/roles.yaml``, ``data/triggers.yaml``,
``data/function_words.yaml``); these are the rules about letters on a token that a list cannot
hold. ``SYNTAX`` is handed to the stages as ``Language.syntax``.
"""

from __future__ import annotations

from functools import cache

from marsad.lang.syntax import Syntax

_CONJUNCTIONS = "وف"
_FUSED_PREPOSITIONS = "بل"
_ARTICLE = "ال"
_FUTURE = "س"
_DAMMA = "\u064f"
#: the short vowels, nunation, shadda and sukun
_VOWEL_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653))


@cache
def with_conjunction(words: frozenset[str]) -> frozenset[str]:
    """The words themselves and each with و/ف in front (``without_conjunction`` strips those
    only from tokens of three letters up, so only words of two letters up get them)."""
    return words | {c + w for w in words if len(w) >= 2 for c in _CONJUNCTIONS}


def preposition_proclitic(token: str, with_article: bool = True) -> str | None:
    """ب or ل at the front of a word of four letters up (أشاد بجهود قطر، لصالح إيران);
    ``with_article=False``: not where the article follows it (بالعراق)."""
    if len(token) > 3 and token[0] in _FUSED_PREPOSITIONS \
            and (with_article or token[1:3] != _ARTICLE):
        return token[0]
    return None


def marks_future(prefix: str) -> bool:
    """سيهاجم، وسيدعم: the future prefix among a present verb's proclitics."""
    return _FUTURE in prefix


@cache
def future_forms(words: frozenset[str]) -> frozenset[str]:
    """Present-tense forms with the future prefix, and و/ف before it (يتم → سيتم، فسيتم)."""
    return frozenset(c + _FUTURE + w for w in words for c in ("", *_CONJUNCTIONS))


def doubles_as_noun(core: str, prefix: str, suffix: str) -> bool:
    """طلب، أمر، دعم: a bare three-letter past form, no clitic on it, is also its own verbal
    noun (a conjunction in front, وطلب، فأمر, opens a clause: the verb)."""
    return len(core) == 3 and not prefix and not suffix


def marks_passive(written: str) -> bool:
    """قُتل، وأُصيب، فاُعتقل، وُجد: a past verb as the article writes it, its first letter after
    و/ف with the damma, is passive; no active past opens with it (قَتل، أَطلق، اِعتقل، وَجد). Most
    text is unvoweled: a verb written so is left to the role stage's reading of its clause."""
    i = 1 if written[:1] in _CONJUNCTIONS and written[1:2] != _DAMMA else 0
    while i < len(written) and written[i] in _VOWEL_MARKS:
        i += 1      # the conjunction's own vowel (وَقُتل)
    return len(written) > i + 1 and written[i + 1] == _DAMMA


SYNTAX = Syntax(with_conjunction=with_conjunction, preposition_proclitic=preposition_proclitic,
                marks_future=marks_future, doubles_as_noun=doubles_as_noun,
                future_forms=future_forms, marks_passive=marks_passive)
