"""The Arabic number grammar: digits and number words, one reading for every stage.

Numbers read: digits (``1,500`` with comma groups of three, ``1.500.000`` with two or more dot
groups, a decimal only before a scale word: ``3.5 مليون``); number words 1–19 in both genders
(``واحد``/``واحدة`` … ``تسعة عشر``, ``أحد عشر``, ``اثنا``/``اثني عشر``); tens; compounds joined by و
(``خمسة وعشرون``, ``مئة وعشرون``, ``ألف وخمسمئة``, ``مليون و200 ألف``); hundreds (``مئة``/``مائة``,
``مئتان``, ``ثلاثمئة``, ``ثلاث مئة``); thousands, millions and billions (``ألف``, ``ألفين``,
``ثلاثة آلاف``, ``25 ألف``, ``مليون``, ``3 ملايين``). A number word may carry the proclitics
و ف ب ل, digits also the article (``الـ15``); a number word never takes the article (``الاثنين``
is Monday, ``الثالثة`` an ordinal). ``1.500`` (one dot group) is a decimal, so not a count on
its own; ``3,5`` is not read.

The words are data (``data/numbers.yaml``), normalized once when the grammar is built; tokens
are the matching view's, as :meth:`QuantityWords.tokenize` cuts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from marsad.lang import ParsedNumber
from marsad.lang.ar.quantity_words import QuantityWords

_DIGITS_RE = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]+(?:\.[0-9]+)?")
_ORDINAL_PREFIXES = "(?:[وفبل]|ال|وال|بال|لل)?"


class _Num(NamedTuple):
    kind: str  # unit | teen_head | ten | tens | hundred | scale | scale_pl | scale_dual | digits
    value: Decimal
    scale: int = 0


#: what may follow each kind of part after و, and what may stand before a scale word
_AFTER_CONJ = {"unit": {"tens"}, "hundred": {"unit", "teen", "tens"},
               "scale": {"unit", "teen", "tens", "hundred", "digits", "scale", "scale_dual"}}
_BEFORE_SCALE = frozenset({"unit", "teen", "tens", "hundred", "digits"})


def _number_table(data: Mapping[str, Any], norm: Callable[[str], str]) -> dict[str, _Num]:
    table: dict[str, _Num] = {}

    def put(kind: str, value: int, words: Iterable[str], scale: int = 0) -> None:
        for word in words:
            table[norm(word)] = _Num(kind, Decimal(value), scale)

    for value, words in data["ones"].items():
        put("unit", value, words)
    for value, words in data["teen_heads"].items():
        put("teen_head", value, words)
    put("ten", 10, data["ten"])
    for value, words in data["tens"].items():
        put("tens", value, words)
    put("hundred", 100, data["hundred"])
    put("hundred", 200, data["two_hundred"])
    for value, stems in data["hundred_stems"].items():
        put("hundred", value * 100, tuple(s + h for s in stems for h in data["hundred"]))
    for scale, forms in data["scales"].items():
        put("scale", scale, forms["singular"], scale)
        put("scale_pl", scale, forms["plural"], scale)
        put("scale_dual", 2 * scale, forms["dual"], scale)
    return table


class ArabicNumbers:
    """Reads the number at a token (:meth:`parse`) or a whole string (:meth:`parse_number`)."""

    def __init__(self, data: Mapping[str, Any], norm: Callable[[str], str],
                 words: QuantityWords):
        self._words, self._norm = words, norm
        self._table = _number_table(data, norm)
        self._not_numbers = frozenset(map(norm, data["not_numbers"]))
        stems = "|".join(data["ordinal_stems"])
        self._ordinal_re = re.compile(f"{_ORDINAL_PREFIXES}(?:{stems})ه?")
        #: every number word (normalized, no clitics): what a number can start with
        self.words = frozenset(self._table)
        self.one = frozenset(map(norm, data["ones"][1]))          # هجوم واحد
        self.two = frozenset(map(norm, data["ones"][2]))          # هجومان اثنان
        self.one_of = frozenset(map(norm, data["teen_heads"][1]))  # أحد الجنود
        self._number_word = lru_cache(maxsize=65536)(self._read_word)

    def _read_word(self, word: str, first: bool) -> tuple[int, _Num] | None:
        """Prefix length and value of a number word or digits; later words of a number take
        only و."""
        if word in self._not_numbers:
            return None
        qw = self._words
        for prefix, core in qw.strip(word, qw.clitics_or_article if first else qw.conjunction):
            num = self._table.get(core) or _digits(core)
            if num is not None and (num.kind == "digits" or prefix not in qw.articles):
                return qw.clitic_len(prefix), num
        return None

    def _component(self, toks: list[str], j: int, first: bool) -> tuple[_Num, int, int] | None:
        """The number part at token ``j`` (``ثلاثة عشر``, ``ثلاث مئة`` as one), its end and
        prefix."""
        hit = self._number_word(toks[j], first)
        if hit is None:
            return None
        skip, num = hit
        nxt = self._table.get(toks[j + 1]) if j + 1 < len(toks) else None
        if num.kind in ("unit", "teen_head") and nxt is not None and nxt.kind == "ten":
            return _Num("teen", num.value + 10), j + 2, skip
        if num.kind == "unit" and num.value >= 3 and nxt is not None and nxt.value == 100:
            return _Num("hundred", num.value * 100), j + 2, skip
        if num.kind == "teen_head":
            return None
        return (num._replace(kind="teen") if num.kind == "ten" else num), j + 1, skip

    def parse(self, toks: list[str], i: int) -> ParsedNumber | None:
        """The number that starts at token ``i``: its value, end token and first-token prefix."""
        if self._is_ordinal_ten(toks, i):
            return None
        total, group, cap, last, j, skip = Decimal(0), Decimal(0), 10**13, None, i, 0
        while j < len(toks):
            comp = self._component(toks, j, first=j == i)
            if comp is None or not _accepts(last, comp[0], j > i and comp[2] == 1, cap):
                break
            num, nxt, plen = comp
            if num.scale:
                total += num.value if num.kind == "scale_dual" else (group or 1) * num.scale
                group, cap, last = Decimal(0), num.scale, "scale"
            else:
                group, last = group + num.value, num.kind
            skip, j = (plen if j == i else skip), nxt
        value = total + group
        if j == i or value <= 0 or value != value.to_integral_value():
            return None
        return ParsedNumber(int(value), j, skip)

    def _is_ordinal_ten(self, toks: list[str], i: int) -> bool:
        """عشر after an ordinal (الحادي عشر، الثانية عشرة) is part of the ordinal."""
        num = self._table.get(toks[i])
        return (num is not None and num.kind == "ten" and i > 0
                and self._ordinal_re.fullmatch(toks[i - 1]) is not None)

    def parse_number(self, words: str) -> int | None:
        """The value of a number written in words and/or digits: ``"ثلاثة آلاف"`` → 3000.

        The whole string must be one number; vague words (``عشرات``) and ordinals give None.
        """
        toks = self._words.tokenize(self._norm(words))[0]
        parsed = self.parse(toks, 0) if toks else None
        return parsed.value if parsed is not None and parsed.end == len(toks) else None


def _accepts(last: str | None, num: _Num, conj: bool, cap: int) -> bool:
    if num.scale and num.scale >= cap:
        return False
    if last is None:
        return num.kind != "scale_pl"
    if conj:
        return num.kind in _AFTER_CONJ.get(last, ())
    return num.kind in ("scale", "scale_pl") and last in _BEFORE_SCALE


def _digits(core: str) -> _Num | None:
    if not core[0].isdigit() or _DIGITS_RE.fullmatch(core) is None:
        return None
    if core.count(".") >= 2:
        core = core.replace(".", "")
    return _Num("digits", Decimal(core.replace(",", "")))
