"""Time expressions in Arabic news text, resolved against the publication date.

``find_times`` works on the normalized matching view (``marsad.lang.ar.normalize``); every Arabic
literal below is written in natural spelling and normalized once, at import.

Explicit dates (15 تموز/يوليو 2015, 2015/7/15, تموز 2015, عام 2014) need no publication date
and are anchored ``"explicit"``. Everything else is resolved against the publication date and
anchored ``"publication_date"``; without one it is returned with no dates and anchored
``"unresolved"``, never resolved against today. Conventions:

* Weeks are ISO weeks, Monday to Sunday: الأسبوع الماضي is the Monday–Sunday week before the
  week holding the publication date.
* A weekday alone (الاثنين, يوم الخميس) is the latest such day on or before the publication
  date (the publication day itself counts). With الماضي it is strictly before (الخميس الماضي in
  a Thursday article is a week earlier); with المقبل/القادم it is strictly after.
* A day and month without a year (15 يوليو, الخامس عشر من يوليو) take the publication year, or
  the year before when that would put the date more than 62 days after publication; with
  الماضي/المقبل the nearest such date on or before / on or after publication. They are anchored
  ``"publication_date"`` since the year comes from it; so is الخامس عشر من الشهر الجاري.
* A month with الماضي/المقبل (يوليو الماضي) is the nearest such month strictly before / after
  the publication month; شهر يوليو alone follows the 62-day rule above.
* Parts of a period are day ranges (precision ``"day"``) for weeks and months and month ranges
  (precision ``"month"``) for years: مطلع/أوائل/بداية/مستهل → Monday–Wednesday, days 1–10,
  January–March; منتصف/أواسط → Wednesday–Thursday, days 11–20, May–August;
  نهاية/أواخر/ختام → Friday–Sunday, day 21 to the month's end, October–December.
* A mention spans the time expression and its attached proclitics (وأمس, بالأمس, للعام) but not
  a preposition before it: in خلال الشهر الماضي the mention is الشهر الماضي, in في 2014 it is
  2014. Day parts (صباح اليوم, مساء أمس, ليلة أمس) and يوم / weekday / الموافق before a date
  belong to the mention.
* Overlapping candidates are settled longest first (then leftmost), so 15 تموز/يوليو 2015 is one
  mention, not a day, a month and a year.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from marsad.doc.spans import TimeMention
from marsad.lang.ar.normalize import normalize_term

__all__ = ["TimeMention", "find_times"]

_PUB = "publication_date"
_EXPLICIT = "explicit"
_UNRESOLVED = "unresolved"
#: A day and month without a year further than this after publication are last year's.
_AHEAD_DAYS = 62


class _Resolution(NamedTuple):
    start_date: date | None
    end_date: date | None
    precision: str
    anchor: str


_Resolver = Callable[[re.Match[str], date | None], _Resolution | None]
_Reject = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True)
class _Rule:
    """A compiled pattern, what its matches mean, an optional veto on a match, and the words
    (or digits) every match holds: a text without them is not scanned with the pattern."""

    pattern: re.Pattern[str]
    resolve: _Resolver
    reject: _Reject | None
    cue: str                # which of _present_cues


# --- lexicons (natural spelling; keys normalized at import) ---------------------------------


def _n(term: str) -> str:
    """The matching-view form of an Arabic literal."""
    return normalize_term(term)


def _key(text: str) -> str:
    """A matched phrase as a lexicon key: runs of spaces squeezed."""
    return " ".join(text.split())


_V = TypeVar("_V")


def _table(entries: Mapping[str, _V]) -> dict[str, _V]:
    """A lexicon with its keys normalized."""
    return {_n(k): v for k, v in entries.items()}


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of normalized words, longest first, spaces as ``\\s+``."""
    forms = sorted({_n(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms) + ")"


_MONTHS: dict[str, int] = _table({
    # MSA / Egyptian
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    # Maghrebi (Algeria, Tunisia; Morocco's يوليوز غشت شتنبر نونبر دجنبر)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
})

#: Python weekday numbers (Monday is 0).
_WEEKDAYS: dict[str, int] = _table({
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6,
})

#: Days from the publication date.
_RELATIVE_DAYS: dict[str, int] = _table({
    "اليوم": 0, "أمس": -1, "بالأمس": -1, "البارحة": -1, "الليلة الماضية": -1,
    "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2,
    "غدا": 1, "يوم غد": 1, "صباح غد": 1, "مساء غد": 1, "ظهر غد": 1, "بعد غد": 2,
})

_DAY_PARTS = ("صباح", "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "يوم", "ليوم", "بيوم")
#: ليلة الجمعة is the night before Friday, so ليلة is not taken before a weekday.
_NIGHT = ("ليلة",)

#: Words after اليوم that make it "the day" of a narrative, not today.
_DAY_NOUN_FOLLOWERS = ("التالي", "السابق", "نفسه", "ذاته", "الذي", "الأخير", "الوطني",
                       "العالمي", "الدولي", "الموعود", "المحدد")

_NUMBER_WORDS: dict[str, int] = _table({
    "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9,
    "عشرة": 10,
})
#: Days per unit after a number (ثلاثة أيام, 12 يوما, ثلاثة أسابيع).
_UNITS: dict[str, int] = _table({"أيام": 1, "يوما": 1, "يوم": 1, "أسابيع": 7, "أسبوعا": 7})
#: A unit standing alone (منذ يومين, قبل أسبوع), in days.
_BARE_UNITS: dict[str, int] = _table({"يومين": 2, "أسبوعين": 14, "يوم": 1, "أسبوع": 7})

#: Periods counted from the publication date's.
_OFFSETS: dict[str, int] = _table({
    "الماضي": -1, "الماضية": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1, "الفائتة": -1,
    "الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0,
    "المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1,
})
_PAST_OR_NEXT = [w for w, k in _OFFSETS.items() if k]

_PERIODS: dict[str, str] = _table({"أسبوع": "week", "شهر": "month", "عام": "year",
                                   "سنة": "year"})
_PARTS: dict[str, str] = _table({
    "مطلع": "start", "أوائل": "start", "بداية": "start", "مستهل": "start",
    "منتصف": "mid", "أواسط": "mid", "نهاية": "end", "أواخر": "end", "ختام": "end",
})

_UNITS_1_9 = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
              "التاسع")


def _ordinals() -> dict[str, int]:
    """Ordinal day words 1–31 (الأول … العاشر, الحادي عشر, العشرين, الحادي والثلاثين)."""
    words = {"الأول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31}
    words.update({w: i for i, w in enumerate(_UNITS_1_9[1:], start=2)})
    words.update({f"{w} عشر": 11 + i for i, w in enumerate(_UNITS_1_9)})
    words.update({f"{w} والعشرين": 21 + i for i, w in enumerate(_UNITS_1_9)})
    return _table(words)


_ORDINALS: dict[str, int] = _ordinals()

#: Nouns that العام qualifies as "general" (الأمين العام الحالي, المدعي العام المقبل).
_GENERAL_NOUNS = frozenset(_n(w) for w in (
    "أمين", "مدعي", "نائب", "مدير", "رأي", "قطاع", "أمن", "مفتش", "اتحاد", "مؤتمر", "شأن",
    "مال", "مرشد", "مراقب", "ادعاء", "صالح", "نفع", "إضراب", "عفو", "تعليم", "منسق", "قائد",
    "مقرر", "حاكم", "نقيب", "مستشار", "مجلس", "إطار",
))

# --- pattern pieces ------------------------------------------------------------------------
# The proclitic letters و ف ب ل and the article ال are unchanged by normalization.

_B = r"(?<!\w)"                       # no letter or digit before
_E = r"(?!\w)"                        # none after
_PRO = "[وف]?"                        # conjunction proclitic
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)(?:\s?" + _n("م") + _E + ")?"
_M1 = _alt(_MONTHS) + _E
_MONTH = rf"(?P<mon>\(\s?{_M1}\s?\)\s?{_M1}|{_M1}(?:\s?[/\-]\s?{_M1}|\s?\(\s?{_M1}\s?\))?)"
_SHAHR = _PRO + "[بل]?" + _n("شهر") + r"\s+"
_YEAR_WORDS = _alt(["عام", "لعام", "بعام", "العام", "للعام", "بالعام", "سنة", "لسنة", "بسنة"])
_YEAR_TAIL = rf"\s*,?\s*(?:{_n('من')}\s+)?(?:{_alt(['عام', 'العام', 'سنة'])}\s+)?{_YEAR}"
_REL = rf"\s+(?P<rel>{_alt(_PAST_OR_NEXT)}){_E}"
_YEAR_OFFSET = (rf"\s+{_n('من')}\s+{_alt(['العام', 'السنة'])}\s+(?P<yoff>{_alt(_OFFSETS)})"
                + _E)
_WEEKDAY = _alt(_WEEKDAYS)
_DATE_PREFIX = (rf"(?:{_PRO}{_alt(['يوم', 'بيوم', 'ليوم'])}\s+)?(?:{_PRO}{_WEEKDAY}\s*,?\s*)?"
                rf"(?:{_n('الموافق')}\s+)?")
_DAY = (rf"(?:{_PRO}(?P<day>{_DAY_NUM})\s*(?:{_n('من')}\s+)?"
        rf"|{_PRO}(?P<ord>{_alt(_ORDINALS)})\s+{_n('من')}\s+)")
_THIS_MONTH = rf"{_n('الشهر')}\s+(?P<moff>{_alt(_OFFSETS)})|{_n('هذا')}\s+{_n('الشهر')}"
_PART = rf"(?:{_PRO}[بل]?(?P<mod>{_alt(_PARTS)})\s+)"
_PERIOD_WORD = rf"{_PRO}(?:ال|بال|لل)(?P<per>{_alt(_PERIODS)})"

_DAY_MONTH_RE = (rf"{_B}{_DATE_PREFIX}{_DAY}(?:(?:{_SHAHR})?{_MONTH}"
                 rf"(?:{_YEAR_TAIL}|{_REL}|{_YEAR_OFFSET})?|{_THIS_MONTH}){_E}")
_YMD_RE = (rf"{_B}{_DATE_PREFIX}{_PRO}(?P<year>(?:19|20)\d\d)(?P<sep>[/.\-])(?P<month>{_MONTH_NUM})"
           rf"(?P=sep)(?P<day>{_DAY_NUM})(?:\s?{_n('م')})?(?![\w/]|[.\-]\d)")
_DMY_RE = (rf"{_B}{_DATE_PREFIX}{_PRO}(?P<day>{_DAY_NUM})(?P<sep>[/.\-])(?P<month>{_MONTH_NUM})"
           rf"(?P=sep)(?P<year>(?:19|20)\d\d)(?:\s?{_n('م')})?(?![\w/]|[.\-]\d)")
_MONTH_YEAR_RE = rf"{_B}(?:{_SHAHR}|{_PRO}){_MONTH}{_YEAR_TAIL}{_E}"
_MONTH_REL_RE = rf"{_B}(?:{_SHAHR}|{_PRO}){_MONTH}(?:{_REL}|{_YEAR_OFFSET}){_E}"
_SHAHR_MONTH_RE = rf"{_B}{_SHAHR}{_MONTH}{_E}"
_YEAR_WORD_RE = rf"{_B}{_PRO}{_YEAR_WORDS}\s+{_YEAR}{_E}"
_YEAR_CUE_RE = (rf"{_B}{_PRO}{_alt(['في', 'خلال', 'منذ', 'حتى', 'بحلول', 'قبل', 'بعد', *_PARTS])}"
                rf"\s+(?P<t>{_YEAR}){_E}")
_YEAR_M_RE = rf"{_B}{_PRO}(?P<year>(?:19|20)\d\d)\s?{_n('م')}{_E}"
_WEEKDAY_RE = (rf"{_B}(?:{_PRO}{_alt(_DAY_PARTS)}\s+)?(?<!{_n('كلا')} )(?<!{_n('بين')} )"
               rf"{_PRO}(?P<wd>{_WEEKDAY}){_E}(?!\s+{_alt(['معا', 'عشر', 'عشرة'])}{_E})"
               rf"(?:{_REL})?")
_RELATIVE_DAY_RE = (rf"{_B}(?:{_PRO}{_alt(_DAY_PARTS + _NIGHT)}\s+)?{_PRO}"
                    rf"(?P<rd>{_alt(_RELATIVE_DAYS)}){_E}"
                    rf"(?!\s+{_alt([*_DAY_NOUN_FOLLOWERS, *_ORDINALS])}{_E})")
_AGO_RE = (rf"{_B}{_PRO}{_alt(['منذ', 'قبل'])}\s+"
           rf"(?:(?P<n>\d{{1,3}}|{_alt(_NUMBER_WORDS)})\s+(?P<unit>{_alt(_UNITS)})"
           rf"|(?P<bare>{_alt(['يومين', 'أسبوعين'])}|{_alt(['يوم', 'أسبوع'])}(?!\s+ال)))"
           rf"{_E}(?!\s+{_alt(['من', 'على'])}{_E})")
_PERIOD_RE = rf"{_B}{_PART}?{_PERIOD_WORD}\s+(?P<off>{_alt(_OFFSETS)}){_E}"
_THIS_PERIOD_RE = (rf"{_B}{_PART}?{_PRO}[بل]?{_alt(['هذا', 'هذه'])}\s+ال"
                   rf"(?P<per>{_alt(_PERIODS)}){_E}")
_PART_OF_PERIOD_RE = rf"{_B}{_PART}{_PERIOD_WORD}{_E}"

_MONTH_NAME = re.compile(_B + _M1)
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
_ARTICLE = re.compile("^[وف]?(?:بال|لل|ال)")
_AAM = _n("عام")


# --- date arithmetic -----------------------------------------------------------------------


def _unresolved(precision: str) -> _Resolution:
    """A relative expression with no publication date to resolve it against."""
    return _Resolution(None, None, precision, _UNRESOLVED)


def _on_day(year: int, month: int, day: int, anchor: str) -> _Resolution | None:
    """One day, or None when there is no such date (31 شباط)."""
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return _Resolution(when, when, "day", anchor)


def _month_start(when: date, offset: int = 0) -> date:
    """First day of the month ``offset`` months from ``when``'s."""
    index = when.year * 12 + when.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def _month_end(first: date) -> date:
    """Last day of ``first``'s month."""
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _whole_month(year: int, month: int, anchor: str) -> _Resolution:
    """A calendar month at month precision."""
    first = date(year, month, 1)
    return _Resolution(first, _month_end(first), "month", anchor)


def _offset(word: str | None) -> int:
    """-1, 0 or +1 for الماضي, الجاري, المقبل …; 0 when there is no such word."""
    return _OFFSETS[_key(word)] if word else 0


def _month_of(text: str) -> int:
    """Number of the first month name in ``text`` (تموز/يوليو → 7)."""
    found = _MONTH_NAME.search(text)
    assert found is not None
    return _MONTHS[_key(found.group())]


def _year_of_day(pub: date, month: int, day: int, rel: str | None) -> int:
    """Year of a day and month written without one."""
    if rel and _offset(rel) < 0:
        return pub.year - 1 if (month, day) > (pub.month, pub.day) else pub.year
    if rel:
        return pub.year + 1 if (month, day) < (pub.month, pub.day) else pub.year
    ahead = (date(pub.year, month, min(day, 28)) - pub).days
    return pub.year - 1 if ahead > _AHEAD_DAYS else pub.year


def _year_of_month(pub: date, month: int, rel: str | None) -> int:
    """Year of a month written without one (يوليو الماضي, شهر مارس)."""
    if rel and _offset(rel) < 0:
        return pub.year - 1 if month >= pub.month else pub.year
    if rel:
        return pub.year + 1 if month <= pub.month else pub.year
    return _year_of_day(pub, month, 1, None)


def _period(pub: date, unit: str, offset: int) -> tuple[date, date]:
    """First and last day of the ISO week, month or year ``offset`` periods from ``pub``'s."""
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _month_start(pub, offset)
        return first, _month_end(first)
    return date(pub.year + offset, 1, 1), date(pub.year + offset, 12, 31)


def _part(unit: str, first: date, last: date, part: str) -> tuple[date, date]:
    """The start, middle or end of a period (see the module docstring for the ranges)."""
    if unit == "week":
        lo, hi = {"start": (0, 2), "mid": (2, 3), "end": (4, 6)}[part]
        return first + timedelta(days=lo), first + timedelta(days=hi)
    if unit == "month":
        lo, hi = {"start": (1, 10), "mid": (11, 20), "end": (21, last.day)}[part]
        return first.replace(day=lo), first.replace(day=hi)
    lo, hi = {"start": (1, 3), "mid": (5, 8), "end": (10, 12)}[part]
    return date(first.year, lo, 1), _month_end(date(first.year, hi, 1))


# --- resolvers: one per kind of match ------------------------------------------------------


def _resolve_day_month(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """A day of a named month (15 يوليو 2015, الخامس عشر من تموز) or of الشهر الجاري."""
    g = m.groupdict()
    day = int(g["day"]) if g["day"] else _ORDINALS[_key(g["ord"])]
    if g["year"]:
        return _on_day(int(g["year"]), _month_of(g["mon"]), day, _EXPLICIT)
    if pub is None:
        return _unresolved("day")
    if g["mon"] is None:
        first = _month_start(pub, _offset(g["moff"]))
        return _on_day(first.year, first.month, day, _PUB)
    month = _month_of(g["mon"])
    year = pub.year + _offset(g["yoff"]) if g["yoff"] else _year_of_day(pub, month, day, g["rel"])
    return _on_day(year, month, day, _PUB)


def _resolve_numeric(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """An all-digit date (2015/7/15, 15-7-2015)."""
    return _on_day(int(m["year"]), int(m["month"]), int(m["day"]), _EXPLICIT)


def _resolve_month(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """A named month: with a year (تموز 2015), relative (يوليو الماضي) or bare (شهر مارس)."""
    g = m.groupdict()
    month = _month_of(g["mon"])
    if g.get("year"):
        return _whole_month(int(g["year"]), month, _EXPLICIT)
    if pub is None:
        return _unresolved("month")
    if g.get("yoff"):
        return _whole_month(pub.year + _offset(g["yoff"]), month, _PUB)
    return _whole_month(_year_of_month(pub, month, g.get("rel")), month, _PUB)


def _resolve_year(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """A written year (عام 2014, في 2014, 2014م)."""
    year = int(m["year"])
    return _Resolution(date(year, 1, 1), date(year, 12, 31), "year", _EXPLICIT)


def _resolve_weekday(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """A weekday: the latest on or before publication; الماضي before it, المقبل after it."""
    if pub is None:
        return _unresolved("day")
    weekday = _WEEKDAYS[m["wd"]]
    rel = m["rel"]
    if rel and _offset(rel) > 0:
        when = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    else:
        when = pub - timedelta(days=(pub.weekday() - weekday) % 7 or (7 if rel else 0))
    return _Resolution(when, when, "day", _PUB)


def _resolve_relative_day(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """اليوم, أمس, أول أمس, غدا … counted in days from publication."""
    if pub is None:
        return _unresolved("day")
    when = pub + timedelta(days=_RELATIVE_DAYS[_key(m["rd"])])
    return _Resolution(when, when, "day", _PUB)


def _resolve_ago(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """منذ ثلاثة أيام, قبل يومين, منذ 12 يوما, قبل أسبوع: that many days before publication."""
    if pub is None:
        return _unresolved("day")
    if m["bare"]:
        days = _BARE_UNITS[m["bare"]]
    else:
        count = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"]]
        days = count * _UNITS[m["unit"]]
    when = pub - timedelta(days=days)
    return _Resolution(when, when, "day", _PUB)


def _resolve_period(m: re.Match[str], pub: date | None) -> _Resolution | None:
    """الأسبوع الماضي, الشهر الجاري, هذا العام, مطلع الشهر, نهاية الأسبوع الماضي …"""
    g = m.groupdict()
    unit = _PERIODS[g["per"]]
    part = _PARTS[g["mod"]] if g.get("mod") else None
    precision = unit if part is None else ("month" if unit == "year" else "day")
    if pub is None:
        return _unresolved(precision)
    first, last = _period(pub, unit, _offset(g.get("off")))
    if part:
        first, last = _part(unit, first, last, part)
    return _Resolution(first, last, precision, _PUB)


def _general_adjective(text: str, m: re.Match[str]) -> bool:
    """True when العام means "general" (الأمين العام الحالي), not "the year"."""
    if m["mod"] or m["per"] != _AAM:
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, m.start() - 40), m.start())
    return previous is not None and _ARTICLE.sub("", previous.group(1)) in _GENERAL_NOUNS


# What each pattern cannot match without; looser than the patterns, never stricter. A month
# name ends a word and follows no letter but و or ف (يوليو، ويوليو، 15يوليو, not الإرهاب for آب);
# a period word follows the article (الشهر، للعام); an all-digit date has a digit, a separator
# and a digit in a row; every year is 19.. or 20.. .
_NUMERIC_DATE_CUE = re.compile(r"\d[/.\-][0-9]")
_YEAR_CUE = re.compile(r"(?:19|20)\d\d")
_MONTH_CUE = re.compile(rf"(?<![^\W\dوف]){_M1}")
_SHAHR_CUE = _n("الشهر")                      # day_of_month: a month name or الشهر
_WEEKDAY_CUES = tuple(_WEEKDAYS)              # single words, found by ``in``
_RELATIVE_DAY_CUE = re.compile(_alt(_RELATIVE_DAYS))
_AGO_CUES = (_n("منذ"), _n("قبل"))
_PERIOD_CUE = re.compile(f"(?:ال|لل){_alt(_PERIODS)}{_E}")


def _present_cues(text: str) -> set[str]:
    """The cues in ``text``: a sentence is scanned only with the rules whose cue it holds.
    Plain words are looked for with ``in`` (much cheaper than a regex search), and the month
    search serves both the month and the day-of-month rules."""
    present = set()
    if _YEAR_CUE.search(text):
        present.add("year")
    if _NUMERIC_DATE_CUE.search(text):
        present.add("numeric_date")
    if _MONTH_CUE.search(text):
        present.update(("month", "day_of_month"))
    elif _SHAHR_CUE in text:
        present.add("day_of_month")
    if any(word in text for word in _WEEKDAY_CUES):
        present.add("weekday")
    if _RELATIVE_DAY_CUE.search(text):
        present.add("relative_day")
    if any(word in text for word in _AGO_CUES):
        present.add("ago")
    if _PERIOD_CUE.search(text):
        present.add("period")
    return present


_RULES: tuple[_Rule, ...] = tuple(_Rule(re.compile(p), r, x, c) for p, r, x, c in (
    (_DAY_MONTH_RE, _resolve_day_month, None, "day_of_month"),
    (_YMD_RE, _resolve_numeric, None, "numeric_date"),
    (_DMY_RE, _resolve_numeric, None, "numeric_date"),
    (_MONTH_YEAR_RE, _resolve_month, None, "month"),
    (_MONTH_REL_RE, _resolve_month, None, "month"),
    (_SHAHR_MONTH_RE, _resolve_month, None, "month"),
    (_YEAR_WORD_RE, _resolve_year, None, "year"),
    (_YEAR_CUE_RE, _resolve_year, None, "year"),
    (_YEAR_M_RE, _resolve_year, None, "year"),
    (_WEEKDAY_RE, _resolve_weekday, None, "weekday"),
    (_RELATIVE_DAY_RE, _resolve_relative_day, None, "relative_day"),
    (_AGO_RE, _resolve_ago, None, "ago"),
    (_PERIOD_RE, _resolve_period, _general_adjective, "period"),
    (_THIS_PERIOD_RE, _resolve_period, None, "period"),
    (_PART_OF_PERIOD_RE, _resolve_period, None, "period"),
))


# --- finding -------------------------------------------------------------------------------


def _candidates(rule: _Rule, text: str, publication: date | None) -> Iterator[TimeMention]:
    """Every match of one rule that resolves (or is validly unresolved)."""
    for m in rule.pattern.finditer(text):
        if rule.reject is not None and rule.reject(text, m):
            continue
        resolution = rule.resolve(m, publication)
        if resolution is None:
            continue
        start, end = m.span("t") if "t" in rule.pattern.groupindex else m.span()
        yield TimeMention(start, end, text[start:end], *resolution)


def _longest_first(candidates: list[TimeMention], length: int) -> list[TimeMention]:
    """Non-overlapping candidates, longest (then leftmost, then earliest rule) first."""
    taken = bytearray(length)
    kept: list[TimeMention] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not any(taken[c.start:c.end]):
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def find_times(text: str, publication: date | None) -> list[TimeMention]:
    """All time expressions in ``text``, left to right, non-overlapping (longest wins).

    ``text`` is the normalized matching view; offsets are offsets into it. Relative
    expressions are resolved against ``publication`` and left unresolved without it.
    """
    present = _present_cues(text)
    if not present:
        return []
    candidates = [c for rule in _RULES if rule.cue in present
                  for c in _candidates(rule, text, publication)]
    return _longest_first(candidates, len(text))


class TimeFinder:
    """Pipeline stage (after roles): the time expressions of the sentences that hold an event
    (the only ones an event takes its time from), resolved against the document's date."""

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        text = doc.norm.text
        for index in doc.event_sentences():
            sent = doc.sentences[index]
            for m in find_times(text[sent.nstart:sent.nend], doc.article.date):
                doc.times.append(TimeMention(m.start + sent.nstart, m.end + sent.nstart, m.text,
                                             m.start_date, m.end_date, m.precision, m.anchor))
        return doc
