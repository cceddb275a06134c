"""Counts in Arabic news: quantities (``أكثر من 22 عملية``) and casualty figures (``مقتل 15 شخصا``).

Both finders read marsad's matching view (``normalize(text).text``), so their offsets are offsets
into the string passed in. Every Arabic literal below goes through :func:`normalize_term` once,
when the tables are built at import: ``ثلاثة`` is looked up as ``ثلاثه``, ``مئة`` as ``مءه``.

Numbers read: digits (``1,500`` with comma groups of three, ``1.500.000`` with two or more dot
groups, a decimal only before a scale word: ``3.5 مليون``); number words 1–19 in both genders
(``واحد``/``واحدة`` … ``تسعة عشر``, ``أحد عشر``, ``اثنا``/``اثني عشر``); tens; compounds joined by و
(``خمسة وعشرون``, ``مئة وعشرون``, ``ألف وخمسمئة``, ``مليون و200 ألف``); hundreds (``مئة``/``مائة``,
``مئتان``, ``ثلاثمئة``, ``ثلاث مئة``); thousands, millions and billions (``ألف``, ``ألفين``,
``ثلاثة آلاف``, ``25 ألف``, ``مليون``, ``3 ملايين``). A number word may carry the proclitics
و ف ب ل, digits also the article (``الـ15``); a number word never takes the article (``الاثنين``
is Monday, ``الثالثة`` an ordinal).

Choices:

* A quantity is a number with a unit noun after it (``15 شخصا``, ``22 من عناصر التنظيم``,
  ``168 من الليبيريين``), a dual unit noun (``جنديين`` = 2), a singular unit + واحد (1), أحد/إحدى +
  unit (1), a partitive (``ثلاثة منهم``: unit None), a qualified number without a unit
  (``أكثر من 20``: unit None), or a vague quantifier. A bare number is not a quantity: ``2015``,
  ``في عام 2015``, ``15 مارس``, ``للمرة الثالثة``, ``الحادي عشر``; nor is a number before a noun
  outside the unit list (``9 مطلوبين``), though a casualty may take its count.
* Vague quantifiers — عشرات، مئات، آلاف، ملايين (with no number before them), عدد من، العديد من،
  عدة، بضعة — have count None and qualifier ``"unspecified"``: no guess at 10 or 100.
* Qualifier None means the count is given as exact.
* A ``-ين`` form that is also the unit's sound plural (مدنيين، مقاتلين، معتقلين) reads as the
  plural; only unambiguous duals (جنديين، قتيلين، غارتين, and every ``-ان`` form) mean 2.
* ``1.500`` (one dot group) is a decimal, so not a count on its own; ``3,5`` is not read.
* Casualties: a trigger (مقتل، قتل، لقي … حتفهم، استشهاد، أودى بحياة، إصابة، أصيب، جرح، اعتقال،
  القبض على، توقيف، احتجاز، فقدان …) takes the first count of people within three tokens after
  it (a bare number only right after it or after إلى/على/بلغ), else, for a verb, an unclaimed
  count of people just before it (``15 شخصا لقوا حتفهم``). A singular indefinite unit noun right
  after a noun trigger counts 1 (``مقتل جندي``). A casualty noun with a count (``15 قتيلا``,
  ``3 مفقودين``, ``عشرات القتلى``) is a casualty of its own; without one (``سقوط قتلى``) it gives
  count None.
* A count shared by two kinds (``مقتل وإصابة 30 شخصا``, ``30 قتيلا وجريحا``,
  ``عدد القتلى والجرحى``) gives both kinds with count None: the split is unknown.
* Left out: releases (``الإفراج عن 50 معتقلا``), infections (``إصابة 200 شخص بفيروس كورونا``),
  natural deaths (وفاة، توفي), executions and kidnappings; ``فقد`` counts only with a number
  (it is mostly the particle ف + قد). Ranges (``بين 10 و15``) are not read as ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import NamedTuple

from marsad.doc.spans import CasualtyMention, QuantityMention
from marsad.lang.ar.normalize import normalize_term

__all__ = ["CasualtyMention", "QuantityMention", "find_casualties", "find_quantities",
           "parse_number"]


# --------------------------------------------------------------------------- lexicon


def _norm(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(normalize_term(w) for w in words)


_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_ARTICLES = ("ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
_CLITICS_ART = tuple(sorted(_CLITICS + _ARTICLES, key=len))
_ENCLITICS = ("هما", "هم", "ها", "ه", "نا", "كم")
_PUNCT = frozenset(",;:.?!()[]-/")

_ONES = {1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتان", "اثنتين"), 3: ("ثلاث", "ثلاثة"),
         4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"), 6: ("ست", "ستة"), 7: ("سبع", "سبعة"),
         8: ("ثمان", "ثماني", "ثمانية"), 9: ("تسع", "تسعة")}
_TEEN_HEADS = {1: ("أحد", "إحدى"), 2: ("اثنا", "اثني", "اثنتا", "اثنتي")}
_TENS = {20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"),
         50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
         80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين")}
_HUNDRED_STEMS = {3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",),
                  8: ("ثمان", "ثماني"), 9: ("تسع",)}
_HUNDRED = ("مئة", "مائة")
_TWO_HUNDRED = ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
#: scale: (singular and accusative, plural, dual)
_SCALES = {
    1000: (("ألف", "ألفا"), ("آلاف",), ("ألفان", "ألفين", "ألفي")),
    10**6: (("مليون", "مليونا"), ("ملايين",), ("مليونان", "مليونين", "مليوني")),
    10**9: (("مليار", "مليارا"), ("مليارات",), ("ملياران", "مليارين", "ملياري")),
}


class _Num(NamedTuple):
    kind: str  # unit | teen_head | ten | tens | hundred | scale | scale_pl | scale_dual | digits
    value: Decimal
    scale: int = 0


def _number_table() -> dict[str, _Num]:
    table: dict[str, _Num] = {}

    def put(kind: str, value: int, words: tuple[str, ...], scale: int = 0) -> None:
        for word in words:
            table[normalize_term(word)] = _Num(kind, Decimal(value), scale)

    for value, words in _ONES.items():
        put("unit", value, words)
    for value, words in _TEEN_HEADS.items():
        put("teen_head", value, words)
    put("ten", 10, ("عشر", "عشرة"))
    for value, words in _TENS.items():
        put("tens", value, words)
    put("hundred", 100, _HUNDRED)
    put("hundred", 200, _TWO_HUNDRED)
    for value, stems in _HUNDRED_STEMS.items():
        put("hundred", value * 100, tuple(s + h for s in stems for h in _HUNDRED))
    for scale, (singular, plural, dual) in _SCALES.items():
        put("scale", scale, singular, scale)
        put("scale_pl", scale, plural, scale)
        put("scale_dual", 2 * scale, dual, scale)
    return table


_NUMBERS = _number_table()
_NOT_NUMBERS = _norm(("لست",))  # ل + ست: "I am not"
_ORDINAL_RE = re.compile(
    "(?:[وفبل]|ال|وال|بال|لل)?(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ه?")
_DIGITS_RE = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]+(?:\.[0-9]+)?")


class _UnitForm(NamedTuple):
    unit: str
    grammatical_number: str  # sg | du | pl


#: unit, singulars (their accusative -ا and dual forms are generated), plurals
_UNIT_SPEC: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("operation", ("عملية",), ("عمليات",)),
    ("strike", ("غارة", "ضربة"), ("غارات", "ضربات")),
    ("attack", ("هجوم", "هجمة", "اعتداء"), ("هجمات", "اعتداءات")),
    ("raid", ("مداهمة",), ("مداهمات",)),
    ("person", ("شخص", "فرد", "نسمة"), ("أشخاص", "أفراد")),
    ("killed", ("قتيل", "شهيد"), ("قتلى", "شهداء")),
    ("injured", ("جريح", "مصاب"), ("جرحى", "مصابين", "مصابون", "إصابات")),
    ("arrested", ("معتقل", "موقوف", "محتجز"),
     ("معتقلين", "معتقلون", "موقوفين", "موقوفون", "محتجزين", "محتجزون")),
    ("missing", ("مفقود",), ("مفقودين", "مفقودون")),
    ("soldier", ("جندي", "عسكري"), ("جنود", "عسكريين", "عسكريون")),
    ("civilian", ("مدني",), ("مدنيين", "مدنيون")),
    ("citizen", ("مواطن",), ("مواطنين", "مواطنون")),
    ("fighter", ("مقاتل",), ("مقاتلين", "مقاتلون")),
    ("member", ("عنصر", "عضو"), ("عناصر", "أعضاء")),
    ("gunman", ("مسلح",), ("مسلحين", "مسلحون")),
    ("militant", ("إرهابي", "متشدد", "جهادي"),
     ("إرهابيين", "إرهابيون", "متشددين", "متشددون", "جهاديين", "جهاديون")),
    ("leader", ("قيادي", "قائد"), ("قياديين", "قياديون", "قادة")),
    ("officer", ("ضابط",), ("ضباط",)),
    ("police", ("شرطي",), ("شرطيين", "شرطيون")),
    ("refugee", ("لاجئ",), ("لاجئين", "لاجئون")),
    ("displaced", ("نازح",), ("نازحين", "نازحون")),
    ("migrant", ("مهاجر",), ("مهاجرين", "مهاجرون")),
    ("child", ("طفل",), ("أطفال",)),
    ("woman", ("امرأة", "سيدة"), ("نساء", "سيدات")),
    ("youth", ("شاب",), ("شبان", "شباب")),
    ("student", ("طالب",), ("طلاب",)),
    ("protester", ("متظاهر", "محتج"), ("متظاهرين", "متظاهرون", "محتجين", "محتجون")),
    ("journalist", ("صحفي", "صحافي"), ("صحفيين", "صحفيون", "صحافيين", "صحافيون")),
    ("prisoner", ("سجين", "أسير"), ("سجناء", "أسرى")),
    ("hostage", ("رهينة",), ("رهائن",)),
    ("victim", ("ضحية",), ("ضحايا",)),
    ("body", ("جثة",), ("جثث",)),
    ("other", (), ("آخرين", "آخرون", "آخران")),
    ("family", ("عائلة", "أسرة"), ("عائلات", "أسر")),
    ("missile", ("صاروخ",), ("صواريخ",)),
    ("shell", ("قذيفة",), ("قذائف",)),
    ("aircraft", ("طائرة",), ("طائرات",)),
    ("vehicle", ("آلية", "سيارة", "مركبة"), ("آليات", "سيارات", "مركبات")),
    ("tank", ("دبابة",), ("دبابات",)),
    ("house", ("منزل", "بيت"), ("منازل", "بيوت")),
    ("building", ("مبنى",), ("مبان", "مباني")),
    ("village", ("قرية",), ("قرى",)),
    ("country", ("دولة",), ("دول",)),
    ("ton", ("طن",), ("أطنان",)),
    ("dollar", ("دولار",), ("دولارات",)),
    ("euro", ("يورو",), ()),
    ("km", ("كيلومتر", "كلم"), ("كيلومترات",)),
    ("meter", ("متر",), ("أمتار",)),
    ("day", ("يوم",), ("أيام",)),
    ("week", ("أسبوع",), ("أسابيع",)),
    ("month", ("شهر",), ("أشهر", "شهور")),
    ("year", ("عام", "سنة"), ("أعوام", "سنوات", "سنين")),
    ("hour", ("ساعة",), ("ساعات",)),
    ("minute", ("دقيقة",), ("دقائق",)),
    ("time", ("مرة",), ("مرات",)),
    ("percent", ("بالمئة", "بالمائة"), ()),
)
_PERSON_UNITS = frozenset({
    "person", "killed", "injured", "arrested", "missing", "soldier", "civilian", "citizen",
    "fighter", "member", "gunman", "militant", "leader", "officer", "police", "refugee",
    "displaced", "migrant", "child", "woman", "youth", "student", "protester", "journalist",
    "prisoner", "hostage", "victim", "other"})
_CASUALTY_UNITS = {"killed": "killed", "injured": "injured", "arrested": "arrested",
                   "missing": "missing"}
_NISBA = _UnitForm("person", "pl")


def _unit_table() -> dict[str, _UnitForm]:
    table: dict[str, _UnitForm] = {"%": _UnitForm("percent", "sg")}
    for unit, singulars, plurals in _UNIT_SPEC:
        plural_forms = _norm(plurals)
        for form in plural_forms:
            table.setdefault(form, _UnitForm(unit, "pl"))
        for form in map(normalize_term, singulars):
            table.setdefault(form, _UnitForm(unit, "sg"))
            if not form.endswith(("ه", "اء")):
                table.setdefault(form + "ا", _UnitForm(unit, "sg"))  # 15 شخصا
            stem = form[:-1] + "ت" if form.endswith("ه") else form
            for dual in (stem + "ان", stem + "ين") if len(form) > 2 else ():  # not طنين
                if dual not in plural_forms:
                    table.setdefault(dual, _UnitForm(unit, "du"))
    return table


_UNITS = _unit_table()


def _qualifier_phrases(spec: dict[str, tuple[str, ...]]) -> tuple[tuple[tuple[str, ...], str], ...]:
    phrases = [(tuple(normalize_term(p).split()), q) for q, ps in spec.items() for p in ps]
    return tuple(sorted(phrases, key=lambda item: -len(item[0])))


_PRE_QUALIFIERS = _qualifier_phrases({
    "more_than": ("أكثر من", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن", "أزيد من",
                  "ما يربو على", "يربو على", "ما يفوق", "يفوق"),
    "less_than": ("أقل من", "ما يقل عن"),
    "about": ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يقرب من",
              "يقرب من", "ما يناهز", "يناهز", "تقريبا"),
    "at_least": ("ما لا يقل عن", "لا يقل عن", "على الأقل"),
    "at_most": ("حتى", "ما يصل إلى", "يصل إلى", "على الأكثر"),
})
_POST_QUALIFIERS = _qualifier_phrases({
    "about": ("تقريبا",),
    "at_least": ("على الأقل", "على أقل تقدير", "أو أكثر", "فأكثر"),
    "at_most": ("على الأكثر", "كحد أقصى", "أو أقل"),
})

_PRE_LAST_WORDS = frozenset(words[-1] for words, _ in _PRE_QUALIFIERS if len(words) > 1)
_PRE_ONE_WORDS = frozenset(words[0] for words, _ in _PRE_QUALIFIERS if len(words) == 1)
_POST_FIRST_WORDS = frozenset(words[0] for words, _ in _POST_QUALIFIERS)

_PARTITIVES = _norm(("منهم", "منها", "منهما", "منهن"))
_OF = normalize_term("من")
_ONE = _norm(("واحد", "واحدة"))
_TWO = _norm(("اثنان", "اثنين", "اثنتان", "اثنتين"))
_ONE_OF = _norm(("أحد", "إحدى"))
_VAGUE_HEADS = _norm(("عشرات", "مئات", "آلاف", "ملايين", "مليارات"))
_VAGUE_NEED_UNIT = _norm(("عدة", "بضعة", "بضع"))
_VAGUE_NEED_OF = _norm(("عدد", "عددا", "عديد"))
_VAGUE_ALL = _VAGUE_HEADS | _VAGUE_NEED_UNIT | _VAGUE_NEED_OF
_AMOUNT_ADJECTIVES = _norm(("كبير", "قليل", "محدود", "ضخم", "هائل", "غفير"))


class _Event(NamedTuple):
    kind: str
    role: str  # noun | verb


def _event_table() -> dict[str, _Event]:
    spec = {
        "killed": (("مقتل", "استشهاد", "مصرع", "اغتيال", "بحياة"),
                   ("قتل", "قتلت", "قتلوا", "قتلا", "يقتل", "تقتل", "استشهد", "استشهدت",
                    "استشهدوا", "اغتيل")),
        "injured": (("إصابة",),
                    ("أصيب", "أصيبت", "أصيبوا", "أصيبا", "يصاب", "جرح", "جرحت", "جرحوا")),
        "arrested": (("اعتقال", "توقيف", "احتجاز", "القبض"),
                     ("اعتقل", "اعتقلت", "اعتقلوا", "أوقف", "أوقفت", "أوقفوا", "احتجز",
                      "احتجزت", "احتجزوا")),
        "missing": (("فقدان", "اختفاء"), ("فقد", "فقدت", "فقدوا")),
    }
    return {normalize_term(w): _Event(kind, role)
            for kind, (nouns, verbs) in spec.items()
            for role, words in (("noun", nouns), ("verb", verbs)) for w in words}


_EVENTS = _event_table()
_EVENT_WORDS = frozenset(_EVENTS)
_NEEDS_COUNT = _norm(("فقد", "فقدت", "فقدوا"))
_LUQI = _norm(("لقي", "لقيت", "لقوا", "لقيا", "لاقى", "لاقت", "لاقوا"))
_DEATH_STEMS = ("حتف", "مصرع")
_BRIDGE = _norm(("إلى", "على", "بلغ"))
_RELEASE = _norm(("الإفراج", "إفراج", "سراح", "إطلاق", "تبادل", "يفرج", "أفرج", "أفرجت"))
_DISEASE = _norm(("بفيروس", "بالفيروس", "بكورونا", "بكوفيد", "بالكوليرا", "بمرض", "بالعدوى",
                  "بعدوى", "بالحصبة"))
_MONTHS = _norm(("يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو",
                  "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط",
                  "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"))
_PARTICLES = _norm((
    "في", "من", "على", "إلى", "عن", "مع", "منذ", "خلال", "بعد", "قبل", "حتى", "أو", "ثم", "كما",
    "حيث", "الذي", "التي", "الذين", "أن", "إن", "أنه", "إذ", "بين", "عند", "لدى", "ضد", "نحو",
    "حول", "عبر", "دون", "أما", "قد", "لقد", "لم", "لن", "ما", "لا", "هو", "هي", "هم", "فقط",
    "بينهم", "منهم", "فيما", "بينما", "لكن", "بل", "إثر", "جراء", "بسبب", "أمس", "اليوم", "كل",
    "آخر", "أخرى"))
_NOT_NOUN_STARTS = ("ال", "بال", "فال", "كال", "لل", "و")
_WINDOW = 3
_BACK_WINDOW = 2

_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_WORD_RE = re.compile(f"[{_LETTERS}]{{2,}}")
_TOKEN_RE = re.compile(f"[{_LETTERS}]*[0-9]+(?:[.,][0-9]+)*|[{_LETTERS}]+|[a-z]+|\\S")
# every non-space character is in a token, so a split on the tokens leaves only spaces between
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")


# --------------------------------------------------------------------------- tokens and words


class _Spans(NamedTuple):
    """The text a sentence's tokens come from and where each token starts and ends. The tokens
    themselves travel as a plain list of strings: most are only looked up, and a per-token
    object would cost more than everything else done with them."""

    text: str
    starts: list[int]
    ends: list[int]


def _tokenize(text: str) -> tuple[list[str], _Spans]:
    """Words, numbers (``1,500``, ``و20``, ``ال15``) and single punctuation marks."""
    pieces = _TOKEN_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))   # spaces and tokens in turn
    return pieces[1::2], _Spans(text, offsets[1:-1:2], offsets[2::2])


@lru_cache(maxsize=65536)
def _strip(word: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(prefix, core)`` pairs of ``word``, shortest prefix first; a stripped core is digits or
    has two letters or more."""
    return tuple((p, word[len(p):]) for p in prefixes
                 if word.startswith(p) and len(word) > len(p)
                 and (not p or len(word) > len(p) + 1 or word[-1].isdigit()))


def _clitic_len(prefix: str) -> int:
    """Letters of ``prefix`` before its article: spans keep ال and لل (``القتلى``, ``للقتلى``)
    but not a bare و ب ل ف."""
    return len(prefix) - 2 if prefix.endswith(("ال", "لل")) else len(prefix)


def _core_in(word: str, prefixes: tuple[str, ...], words: frozenset[str]) -> tuple[int, str] | None:
    """Prefix length and core of ``word`` when its core is one of ``words``."""
    return next(((_clitic_len(p), core) for p, core in _strip(word, prefixes) if core in words),
                None)


@lru_cache(maxsize=65536)
def _number_word(word: str, first: bool) -> tuple[int, _Num] | None:
    """Prefix length and value of a number word or digits; later words of a number take only و."""
    if word in _NOT_NUMBERS:
        return None
    for prefix, core in _strip(word, _CLITICS_ART if first else ("", "و")):
        num = _NUMBERS.get(core) or _digits(core)
        if num is not None and (num.kind == "digits" or prefix not in _ARTICLES):
            return _clitic_len(prefix), num
    return None


def _digits(core: str) -> _Num | None:
    if not core[0].isdigit() or _DIGITS_RE.fullmatch(core) is None:
        return None
    if core.count(".") >= 2:
        core = core.replace(".", "")
    return _Num("digits", Decimal(core.replace(",", "")))


@lru_cache(maxsize=65536)
def _unit_lookup(word: str, loose: bool, suffixes: bool = False) -> tuple[_UnitForm, int] | None:
    """The unit noun ``word`` is and its prefix length; ``loose`` allows clitics and the article,
    ``suffixes`` pronoun suffixes too (``عناصره``)."""
    for prefix, core in _strip(word, _CLITICS_ART if loose else ("",)):
        form = _UNITS.get(core) or (_unit_with_suffix(core) if suffixes else None)
        if form is None and _is_nisba(core) and (prefix in _ARTICLES or not loose):
            form = _NISBA  # 168 من الليبيريين, 3 فلسطينيين
        if form is not None:
            return form, _clitic_len(prefix)
    return None


def _unit_with_suffix(core: str) -> _UnitForm | None:
    return next((_UNITS[core[:-len(s)]] for s in _ENCLITICS
                 if core.endswith(s) and core[:-len(s)] in _UNITS), None)


def _is_nisba(core: str) -> bool:
    return len(core) >= 5 and core.endswith(("يين", "يون")) and core not in _NUMBERS


# --------------------------------------------------------------------------- numbers


class _Parsed(NamedTuple):
    value: int
    end: int
    skip: int  # proclitic letters on the first token


_AFTER_CONJ = {"unit": {"tens"}, "hundred": {"unit", "teen", "tens"},
               "scale": {"unit", "teen", "tens", "hundred", "digits", "scale", "scale_dual"}}
_BEFORE_SCALE = frozenset({"unit", "teen", "tens", "hundred", "digits"})


def _component(toks: list[str], j: int, first: bool) -> tuple[_Num, int, int] | None:
    """The number part at token ``j`` (``ثلاثة عشر``, ``ثلاث مئة`` as one), its end and prefix."""
    hit = _number_word(toks[j], first)
    if hit is None:
        return None
    skip, num = hit
    nxt = _NUMBERS.get(toks[j + 1]) if j + 1 < len(toks) else None
    if num.kind in ("unit", "teen_head") and nxt is not None and nxt.kind == "ten":
        return _Num("teen", num.value + 10), j + 2, skip
    if num.kind == "unit" and num.value >= 3 and nxt is not None and nxt.value == 100:
        return _Num("hundred", num.value * 100), j + 2, skip
    if num.kind == "teen_head":
        return None
    return (num._replace(kind="teen") if num.kind == "ten" else num), j + 1, skip


def _accepts(last: str | None, num: _Num, conj: bool, cap: int) -> bool:
    if num.scale and num.scale >= cap:
        return False
    if last is None:
        return num.kind != "scale_pl"
    if conj:
        return num.kind in _AFTER_CONJ.get(last, ())
    return num.kind in ("scale", "scale_pl") and last in _BEFORE_SCALE


def _parse_number(toks: list[str], i: int) -> _Parsed | None:
    """The number that starts at token ``i``: its value, end token and first-token prefix."""
    if _is_ordinal_ten(toks, i):
        return None
    total, group, cap, last, j, skip = Decimal(0), Decimal(0), 10**13, None, i, 0
    while j < len(toks):
        comp = _component(toks, j, first=j == i)
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
    return _Parsed(int(value), j, skip)


def _is_ordinal_ten(toks: list[str], i: int) -> bool:
    """عشر after an ordinal (الحادي عشر، الثانية عشرة) is part of the ordinal."""
    num = _NUMBERS.get(toks[i])
    return (num is not None and num.kind == "ten" and i > 0
            and _ORDINAL_RE.fullmatch(toks[i - 1]) is not None)


def parse_number(words: str) -> int | None:
    """The value of a number written in words and/or digits: ``"ثلاثة آلاف"`` → 3000.

    The whole string must be one number; vague words (``عشرات``) and ordinals give None.
    """
    toks, _ = _tokenize(normalize_term(words))
    parsed = _parse_number(toks, 0) if toks else None
    return parsed.value if parsed is not None and parsed.end == len(toks) else None


# --------------------------------------------------------------------------- quantities


@dataclass(frozen=True, slots=True)
class _Quantity:
    lo: int  # first token, qualifier included
    hi: int  # token after the last
    role: str  # counted | vague | noun (9 مطلوبين) | bare | date
    mention: QuantityMention

    @property
    def shown(self) -> bool:
        """Whether :func:`find_quantities` reports it (bare numbers only when qualified)."""
        return self.role in ("counted", "vague") or (
            self.role == "bare" and self.mention.qualifier is not None)


def _mention(sp: _Spans, lo: int, skip: int, hi: int, count: int | None,
             qualifier: str | None, unit: str | None) -> QuantityMention:
    start, end = sp.starts[lo] + skip, sp.ends[hi - 1]
    return QuantityMention(start, end, sp.text[start:end], count, qualifier, unit)


def _qualifier_before(toks: list[str], i: int, floor: int) -> tuple[str, int, int] | None:
    """Qualifier phrase ending just before token ``i``: qualifier, first token, its prefix."""
    # every phrase ends with token i - 1: its last word, or a one-word phrase behind clitics
    if i - 1 < floor or (toks[i - 1] not in _PRE_LAST_WORDS
                         and _core_in(toks[i - 1], _CLITICS, _PRE_ONE_WORDS) is None):
        return None
    for words, qualifier in _PRE_QUALIFIERS:
        lo = i - len(words)
        if lo < floor or any(toks[lo + k] != w for k, w in enumerate(words) if k):
            continue
        skip = next((len(p) for p, core in _strip(toks[lo], _CLITICS) if core == words[0]),
                    None)
        if skip is not None:
            return qualifier, lo, skip
    return None


def _qualifier_after(toks: list[str], j: int) -> tuple[str, int] | None:
    if j >= len(toks) or toks[j] not in _POST_FIRST_WORDS:
        return None
    for words, qualifier in _POST_QUALIFIERS:
        if tuple(toks[j:j + len(words)]) == words:
            return qualifier, j + len(words)
    return None


def _unit_after(toks: list[str], j: int) -> tuple[str | None, int] | None:
    """The unit after a number (``شخصا``, ``من عناصره``, ``منهم``) and the token after it."""
    if j >= len(toks):
        return None
    word = toks[j]
    if word in _PARTITIVES:
        return None, j + 1
    hit = _unit_lookup(word, loose=False)
    if hit is not None:
        return hit[0].unit, j + 1
    if word == _OF and j + 1 < len(toks):
        hit = _unit_lookup(toks[j + 1], loose=True, suffixes=True)
        if hit is not None:
            return hit[0].unit, j + 2
    return None


def _number_quantity(sp: _Spans, toks: list[str], i: int, floor: int) -> _Quantity | None:
    parsed = _parse_number(toks, i)
    if parsed is None:
        return _one_of(sp, toks, i)
    unit = _unit_after(toks, parsed.end)
    end = unit[1] if unit else parsed.end
    if unit is None and _is_date(toks, i, parsed):
        mention = _mention(sp, i, parsed.skip, end, parsed.value, None, None)
        return _Quantity(i, end, "date", mention)
    pre, post = _qualifier_before(toks, i, floor), _qualifier_after(toks, end)
    role = "counted" if unit else "bare"
    if role == "bare" and post is None and _is_count_noun(toks, end):
        role, end = "noun", end + 1  # 9 مطلوبين: a count of something not in the unit list
    lo, skip = (pre[1], pre[2]) if pre else (i, parsed.skip)
    hi = post[1] if post else end
    qualifier = pre[0] if pre else post[0] if post else None
    mention = _mention(sp, lo, skip, hi, parsed.value, qualifier, unit[0] if unit else None)
    return _Quantity(lo, hi, role, mention)


def _is_date(toks: list[str], i: int, parsed: _Parsed) -> bool:
    """A year (``2015``) or a day of a month (``15 مارس``) is no count."""
    tok = toks[i]
    if len(tok) == 4 and tok.isdigit() and 1900 <= parsed.value <= 2100:
        return True
    return parsed.end < len(toks) and toks[parsed.end] in _MONTHS


def _is_count_noun(toks: list[str], j: int) -> bool:
    """Whether the token after a number reads as its indefinite noun (``9 مطلوبين``)."""
    if j >= len(toks):
        return False
    word = toks[j]
    return (_WORD_RE.fullmatch(word) is not None and word not in _PARTICLES
            and not word.startswith(_NOT_NOUN_STARTS)
            and _core_in(word, _CLITICS, _EVENT_WORDS) is None)


def _one_of(sp: _Spans, toks: list[str], i: int) -> _Quantity | None:
    """أحد الجنود, إحدى الغارات: one."""
    hit = _core_in(toks[i], _CLITICS, _ONE_OF)
    unit = (_unit_lookup(toks[i + 1], loose=True, suffixes=True)
            if hit and i + 1 < len(toks) else None)
    if hit is None or unit is None:
        return None
    return _Quantity(i, i + 2, "counted", _mention(sp, i, hit[0], i + 2, 1, None,
                                                    unit[0].unit))


def _vague_quantity(sp: _Spans, toks: list[str], i: int) -> _Quantity | None:
    """عشرات المدنيين, آلاف اللاجئين, عدد من عناصره, العديد من الهجمات, عدة غارات."""
    hit = _core_in(toks[i], _CLITICS_ART, _VAGUE_ALL)
    if hit is None:
        return None
    skip, head = hit
    j = i + 1
    if head in _VAGUE_HEADS and j < len(toks) and _core_in(toks[j], _CLITICS_ART,
                                                           _VAGUE_HEADS):
        j += 1  # عشرات الآلاف
    if head in _VAGUE_NEED_OF:
        if j < len(toks) and toks[j] in _AMOUNT_ADJECTIVES:
            j += 1  # عدد كبير من
        if j >= len(toks) or toks[j] != _OF:
            return None
        j += 1
    unit, j = _vague_unit(toks, j)
    if unit is None and head in _VAGUE_NEED_UNIT:
        return None
    mention = _mention(sp, i, skip, j, None, "unspecified", unit)
    return _Quantity(i, j, "vague", mention)


def _vague_unit(toks: list[str], j: int) -> tuple[str | None, int]:
    for at in (j, j + 1):
        if at >= len(toks) or (at > j and toks[j] != _OF):
            break
        hit = _unit_lookup(toks[at], loose=True, suffixes=True)
        if hit is not None:
            return hit[0].unit, at + 1
    return None, j


def _noun_quantity(sp: _Spans, toks: list[str], i: int) -> _Quantity | None:
    """A dual unit noun (``جنديين`` = 2, ``هجومين اثنين``) or a unit + واحد (1)."""
    hit = _unit_lookup(toks[i], loose=True)
    if hit is None:
        return None
    form, skip = hit
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if form.grammatical_number == "du":
        count, hi = 2, i + 1 + (nxt in _TWO)
    elif form.grammatical_number == "sg" and nxt in _ONE:
        count, hi = 1, i + 2
    else:
        return None
    return _Quantity(i, hi, "counted", _mention(sp, i, skip, hi, count, None, form.unit))


_START, _UNIT_NOUN = 1, 2


def _start_kinds() -> dict[str, int]:
    """The words without digits a quantity can start with: ``_START`` for a number, vague or
    one-of word behind clitics or the article (as :func:`_strip` splits it), ``_UNIT_NOUN`` for
    the rest of the singular or dual unit nouns behind them (``جنديين`` = 2, ``هجوم واحد``), which
    only :func:`_noun_quantity` can read. They are finitely many, so a sentence's tokens are
    looked up in one dict rather than each going through a function and a cache of every word
    seen; a plural unit noun starts nothing and is left out."""
    nouns = {p + w: _UNIT_NOUN for p in _CLITICS_ART for w, form in _UNITS.items()
             if form.grammatical_number != "pl" and (not p or len(w) > 1)}
    return nouns | {p + w: _START for p in _CLITICS_ART for w in _START_WORDS
                    if not p or len(w) > 1}


def _scan(sp: _Spans, toks: list[str]) -> list[_Quantity]:
    """Every number and vague quantity, left to right, bare numbers included."""
    found: list[_Quantity] = []
    floor = 0
    # what each token can start: a word from _START_KINDS, else _START for a token
    # holding a digit (as _tokenize cuts them, it ends with one; True is 1, _START), else
    # nothing; all in C, without a Python call per token
    kinds = list(map(_START_KINDS.get, toks, map(str.isdigit, map(itemgetter(-1), toks))))
    for i in compress(count(), kinds):
        if i < floor:
            continue    # inside the quantity found last
        if kinds[i] == _START:
            q = (_number_quantity(sp, toks, i, floor) or _vague_quantity(sp, toks, i)
                 or _noun_quantity(sp, toks, i))
        else:
            q = _noun_quantity(sp, toks, i)
        if q is not None:
            found.append(q)
            floor = q.hi
    return found


_START_WORDS = frozenset(_NUMBERS) | _VAGUE_ALL | _ONE_OF | _ONE | _TWO
_START_KINDS = _start_kinds()


def find_quantities(text: str) -> list[QuantityMention]:
    """Counted and vague quantities in ``text`` (marsad's matching view), in text order."""
    toks, sp = _tokenize(text)
    return [q.mention for q in _scan(sp, toks) if q.shown]


def find_figures(text: str) -> tuple[list[QuantityMention], list[CasualtyMention]]:
    """``find_quantities`` and ``find_casualties`` from one tokenization and one scan."""
    toks, sp = _tokenize(text)
    quantities = _scan(sp, toks)
    return [q.mention for q in quantities if q.shown], _casualties(sp, toks, quantities)


# --------------------------------------------------------------------------- casualties


class _Trigger(NamedTuple):
    lo: int
    hi: int
    skip: int
    kind: str
    role: str  # noun | verb | luqi (لقي … حتفهم) | unit (قتلى) | unit_def (القتلى)
    needs_count: bool


_EVENT_OR_LUQI = _EVENT_WORDS | _LUQI
_CASUALTY_FORMS = frozenset(f for f, form in _UNITS.items() if form.unit in _CASUALTY_UNITS)


#: The words a casualty trigger can be (:func:`_trigger_at` tells which are): an event word or
#: لقي behind clitics, a casualty noun behind clitics or the article. They are finitely many,
#: so a sentence's tokens are tested with set operations instead of a call each.
_TRIGGER_WORDS = frozenset({p + w for p in _CLITICS for w in _EVENT_OR_LUQI}
                           | {p + w for p in _CLITICS_ART for w in _CASUALTY_FORMS})


def _trigger_at(toks: list[str], i: int) -> _Trigger | None:
    word = toks[i]
    luqi = _luqi(toks, i)
    if luqi is not None:
        return luqi
    for prefix, core in _strip(word, _CLITICS):
        event = _EVENTS.get(core)
        if event is not None:
            return _Trigger(i, i + 1, _clitic_len(prefix), event.kind, event.role,
                            core in _NEEDS_COUNT)
    hit = _unit_lookup(word, loose=True)
    if hit is None or hit[0].unit not in _CASUALTY_UNITS:
        return None
    role = "unit_def" if word[hit[1]:].startswith(("ال", "لل")) else "unit"
    return _Trigger(i, i + 1, hit[1], _CASUALTY_UNITS[hit[0].unit], role, False)


def _luqi(toks: list[str], i: int) -> _Trigger | None:
    """لقي/لقوا … حتفه/حتفهم/مصرعهم: killed, the count in between."""
    hit = _core_in(toks[i], _CLITICS, _LUQI)
    if hit is None:
        return None
    for j in range(i + 1, min(len(toks), i + 7)):
        if toks[j].startswith(_DEATH_STEMS):
            return _Trigger(i, j + 1, hit[0], "killed", "luqi", False)
        if toks[j] in _PUNCT:
            break
    return None


def _blocked(toks: list[str], lo: int, hi: int, kind: str) -> bool:
    """A release is not an arrest; an infection is not an injury."""
    if kind == "arrested":
        return any(t in _RELEASE or t[1:] in _RELEASE for t in toks[max(lo - 3, 0):lo])
    if kind == "injured":
        return any(t in _DISEASE for t in toks[hi:hi + 6])
    return False


def _triggers(toks: list[str], inside: set[int]) -> list[_Trigger]:
    found = []
    for i in compress(count(), map(_TRIGGER_WORDS.__contains__, toks)):
        if i in inside:
            continue
        t = _trigger_at(toks, i)
        if t is not None and not _blocked(toks, t.lo, t.hi, t.kind):
            found.append(t)
    return found


def _group(toks: list[str], triggers: list[_Trigger]) -> list[list[_Trigger]]:
    """Triggers joined by و that share one count: مقتل وإصابة, القتلى والجرحى."""
    groups: list[list[_Trigger]] = []
    for t in triggers:
        last = groups[-1] if groups else None
        if (last and t.lo == last[-1].hi and t.skip and toks[t.lo][0] == "و"
                and t.kind not in {g.kind for g in last}
                and (t.role in ("unit", "unit_def")) == (last[-1].role in ("unit", "unit_def"))):
            last.append(t)
        else:
            groups.append([t])
    return groups


def _eligible(q: _Quantity, gap: list[str]) -> bool:
    """Whether ``q`` can be the count of people a trigger ``gap`` tokens away refers to."""
    if q.role == "date":
        return False
    if q.role == "bare":
        return all(w in _BRIDGE for w in gap)
    return q.mention.unit is None or q.mention.unit in _PERSON_UNITS


def _singular_one(sp: _Spans, toks: list[str], j: int) -> _Quantity | None:
    """مقتل جندي: a singular indefinite person noun after a noun trigger is one."""
    hit = _unit_lookup(toks[j], loose=False)
    if hit is None or hit[0].grammatical_number != "sg" or hit[0].unit not in _PERSON_UNITS:
        return None
    return _Quantity(j, j + 1, "counted", _mention(sp, j, 0, j + 1, 1, None, hit[0].unit))


class _Context(NamedTuple):
    sp: _Spans
    toks: list[str]
    q_at: dict[int, _Quantity]
    q_end: dict[int, _Quantity]
    stops: set[int]
    claimed: set[int]


def _forward(ctx: _Context, t: _Trigger) -> _Quantity | None:
    """The first eligible count within :data:`_WINDOW` tokens after the trigger."""
    if t.role == "unit":
        return None
    j, stop = (t.lo + 1, t.hi - 1) if t.role == "luqi" else (t.hi, len(ctx.toks))
    if t.role == "noun" and j < stop and j not in ctx.q_at:
        one = _singular_one(ctx.sp, ctx.toks, j)
        if one is not None:
            return one
    gap: list[str] = []
    while j < stop and len(gap) <= _WINDOW:
        q = ctx.q_at.get(j)
        if q is not None:
            if q.lo not in ctx.claimed and _eligible(q, gap):
                return q
            gap.extend(ctx.toks[q.lo:q.hi])
            j = q.hi
            continue
        if ctx.toks[j] in _PUNCT or j in ctx.stops:
            return None
        gap.append(ctx.toks[j])
        j += 1
    return None


def _backward(ctx: _Context, t: _Trigger) -> _Quantity | None:
    """An unclaimed count of people just before a verb: ``15 شخصا لقوا حتفهم``."""
    j = t.lo
    for _ in range(_BACK_WINDOW + 1):
        q = ctx.q_end.get(j)
        if q is not None and q.lo not in ctx.claimed and q.role != "bare" and _eligible(q, []):
            return q
        j -= 1
        if j < 0 or ctx.toks[j] in _PUNCT or j in ctx.stops:
            return None
    return None


def _casualty(ctx: _Context, t: _Trigger, q: _Quantity | None) -> CasualtyMention:
    start, end = ctx.sp.starts[t.lo] + t.skip, ctx.sp.ends[t.hi - 1]
    count = qualifier = None
    if q is not None:
        start, end = min(start, q.mention.start), max(end, q.mention.end)
        count, qualifier = q.mention.count, q.mention.qualifier
    return CasualtyMention(start, end, ctx.sp.text[start:end], t.kind, count, qualifier)


def _count_groups(ctx: _Context, groups: list[list[_Trigger]]) -> list[_Quantity | None]:
    """Each group's count: counts after their triggers first, then counts before a verb."""
    counts = []
    for group in groups:
        q = _forward(ctx, group[-1])
        if q is not None:
            ctx.claimed.add(q.lo)
        counts.append(q)
    for k, group in enumerate(groups):
        if counts[k] is None and len(group) == 1 and group[0].role in ("verb", "luqi"):
            found = _backward(ctx, group[0])
            counts[k] = found
            if found is not None:
                ctx.claimed.add(found.lo)
    return counts


def _from_triggers(ctx: _Context, groups: list[list[_Trigger]],
                   used: set[int]) -> list[CasualtyMention]:
    """Casualties from trigger words; ``used`` collects the counts they took over."""
    out: list[CasualtyMention] = []
    for group, q in zip(groups, _count_groups(ctx, groups)):
        if len(group) > 1:  # one count for two kinds: the split is unknown
            out.extend(_casualty(ctx, t, None) for t in group)
            if q is not None:
                used.add(q.lo)
            continue
        t = group[0]
        if q is None and t.needs_count:
            continue
        if q is not None and _CASUALTY_UNITS.get(q.mention.unit or "") == t.kind:
            used.add(q.lo)
        out.append(_casualty(ctx, t, q))
    return out


def _from_units(ctx: _Context, quantities: list[_Quantity], triggers: dict[int, _Trigger],
                used: set[int]) -> list[CasualtyMention]:
    """Counts whose noun is a casualty word: ``15 قتيلا``, ``عشرات الجرحى``."""
    out = []
    for q in quantities:
        kind = _CASUALTY_UNITS.get(q.mention.unit or "")
        if kind is None or q.lo in used or _blocked(ctx.toks, q.lo, q.hi, kind):
            continue
        partner = triggers.get(q.hi)  # 30 قتيلا وجريحا: one count for both
        shared = (partner is not None and partner.role in ("unit", "unit_def")
                  and partner.kind != kind and ctx.toks[q.hi][0] == "و")
        m = q.mention
        out.append(CasualtyMention(m.start, m.end, m.text, kind, None if shared else m.count,
                                   None if shared else m.qualifier))
    return out


def find_casualties(text: str) -> list[CasualtyMention]:
    """People killed, injured, arrested or missing in ``text`` (marsad's matching view)."""
    toks, sp = _tokenize(text)
    return _casualties(sp, toks, _scan(sp, toks))


def _casualties(sp: _Spans, toks: list[str], quantities: list[_Quantity]) -> list[CasualtyMention]:
    if _TRIGGER_WORDS.isdisjoint(toks) and not any(
            q.mention.unit in _CASUALTY_UNITS for q in quantities):
        return []   # no trigger word and no count of casualty nouns: most sentences
    inside = {k for q in quantities for k in range(q.lo, q.hi)}
    triggers = _triggers(toks, inside)
    stops = {t.lo for t in triggers} | {t.hi - 1 for t in triggers if t.role == "luqi"}
    ctx = _Context(sp, toks, {q.lo: q for q in quantities}, {q.hi: q for q in quantities},
                   stops, set())
    used: set[int] = set()
    out = _from_triggers(ctx, _group(toks, triggers), used)
    out += _from_units(ctx, quantities, {t.lo: t for t in triggers}, used)
    return sorted(out, key=lambda c: (c.start, c.kind))


class QuantityFinder:
    """Pipeline stage (after roles): the figures and casualty counts of the sentences that hold
    an event, with offsets in the document's matching view."""

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        text = doc.norm.text
        for index in doc.event_sentences():
            sent = doc.sentences[index]
            piece, shift = text[sent.nstart:sent.nend], sent.nstart
            quantities, casualties = find_figures(piece)
            doc.quantities += [QuantityMention(q.start + shift, q.end + shift, q.text, q.count,
                                               q.qualifier, q.unit) for q in quantities]
            doc.casualties += [CasualtyMention(c.start + shift, c.end + shift, c.text, c.kind, c.count,
                                               c.qualifier) for c in casualties]
        return doc
