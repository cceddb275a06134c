"""Arabic word shapes for the quantity scanner: its tokenizer, the proclitics a count word may
carry, and the morphology of unit nouns (accusative ``15 شخصا``, duals ``جنديين``/``غارتان``,
nisba plurals ``الليبيريين``).

The scanner (``annotate/quantities.py``) is language-neutral and sees these rules only through
the ``Language`` object (``language.quantity_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate

#: proclitics of a number or noun: conjunction and/or preposition
CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: the article behind them (ل + ال is written لل)
ARTICLES = ("ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
CLITICS_ART = tuple(sorted(CLITICS + ARTICLES, key=len))
#: the conjunction alone: the later words of a number (خمسة وعشرون) take only و
CONJUNCTION = ("", "و")
BARE = ("",)
ENCLITICS = ("هما", "هم", "ها", "ه", "نا", "كم")

_DEFINITE = ("ال", "لل")
_NOT_NOUN_STARTS = ("ال", "بال", "فال", "كال", "لل", "و")
_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_WORD_RE = re.compile(f"[{_LETTERS}]{{2,}}")
# The tokens: a number with the letters before it (``و20``, ``ال15``, ``1,500``), a word of
# letters, a Latin word, any other non-space character; every non-space character is in a
# token, so a split on them leaves only spaces between. A word is tried first: a run of letters
# no digit follows (``[…]*[0-9]+`` first would try it as a number's prefix letter by letter
# before giving it up), and the possessive ``++`` gives none of its letters back.
_TOKEN_SPLIT_RE = re.compile(
    f"([{_LETTERS}]++(?![0-9])|[{_LETTERS}]*[0-9]+(?:[.,][0-9]+)*|[a-z]+|\\S)")


class QuantityWords:
    """The Arabic rules above as one object, with a per-instance cache of clitic splits."""

    clitics: tuple[str, ...] = CLITICS
    articles: tuple[str, ...] = ARTICLES
    clitics_or_article: tuple[str, ...] = CLITICS_ART
    conjunction: tuple[str, ...] = CONJUNCTION
    bare: tuple[str, ...] = BARE
    enclitics: tuple[str, ...] = ENCLITICS

    def __init__(self) -> None:
        #: ``strip(word, prefixes)``: ``(prefix, core)`` pairs of ``word``, shortest prefix
        #: first; a stripped core is digits or has two letters or more
        self.strip = lru_cache(maxsize=65536)(_strip)

    @staticmethod
    def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
        """Words, numbers (``1,500``, ``و20``, ``ال15``) and single punctuation marks, with
        their start and end offsets."""
        pieces = _TOKEN_SPLIT_RE.split(text)
        offsets = list(accumulate(map(len, pieces), initial=0))   # spaces and tokens in turn
        return pieces[1::2], offsets[1:-1:2], offsets[2::2]

    @staticmethod
    def clitic_len(prefix: str) -> int:
        """Letters of ``prefix`` before its article: spans keep ال and لل (``القتلى``,
        ``للقتلى``) but not a bare و ب ل ف."""
        return len(prefix) - 2 if prefix.endswith(_DEFINITE) else len(prefix)

    def core_in(self, word: str, prefixes: tuple[str, ...],
                words: frozenset[str]) -> tuple[int, str] | None:
        """Prefix length and core of ``word`` when its core is one of ``words``."""
        for p, core in self.strip(word, prefixes):
            if core in words:
                return (len(p) - 2 if p.endswith(_DEFINITE) else len(p)), core
        return None

    @staticmethod
    def is_definite(word: str) -> bool:
        """``القتلى``, ``للقتلى``: the word (clitics off) carries the article."""
        return word.startswith(_DEFINITE)

    @staticmethod
    def starts_with_and(word: str) -> bool:
        """``وإصابة``, ``وجريحا``: the word is joined to the one before by و."""
        return word[0] == "و"

    @staticmethod
    def looks_like_noun(word: str) -> bool:
        """An indefinite word of letters only (``مطلوبين``), no و or article in front."""
        return _WORD_RE.fullmatch(word) is not None and not word.startswith(_NOT_NOUN_STARTS)

    @staticmethod
    def looks_like_nisba_plural(core: str) -> bool:
        """``ليبيريين``, ``فلسطينيون``: a sound plural of a nisba adjective, a group of people."""
        return len(core) >= 5 and core.endswith(("يين", "يون"))

    @staticmethod
    def unit_forms(singulars: Iterable[str],
                   plurals: frozenset[str]) -> Iterator[tuple[str, str]]:
        """``(form, grammatical number)`` of a unit noun's normalized singulars: each singular
        (``sg``), its accusative (``شخصا``, also ``sg``) and its duals (``du``: ``جنديان``,
        ``جنديين``, ``غارتين``), except a dual that is also one of the ``plurals`` (مدنيين) and
        the duals of two-letter words (طنين)."""
        for form in singulars:
            yield form, "sg"
            if not form.endswith(("ه", "اء")):
                yield form + "ا", "sg"  # 15 شخصا
            stem = form[:-1] + "ت" if form.endswith("ه") else form
            for dual in (stem + "ان", stem + "ين") if len(form) > 2 else ():
                if dual not in plurals:
                    yield dual, "du"


def _strip(word: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((p, word[len(p):]) for p in prefixes
                 if word.startswith(p) and len(word) > len(p)
                 and (not p or len(word) > len(p) + 1 or word[-1].isdigit()))
