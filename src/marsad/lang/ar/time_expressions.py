"""Arabic time expressions: the patterns the time stage scans with, built from the word tables.

The month and weekday names come from ``data/calendar.yaml`` (every regional variety), the words
of relative expressions from ``data/time_words.yaml``; both are written in natural spelling and
normalized here, once, when the grammar is built. The patterns match the normalized matching
view (``marsad.lang.ar.normalize``); what their named groups mean, and how the stage resolves
them, is described in ``marsad.lang.time_grammar`` and ``marsad.annotate.times``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, TypeVar

from marsad.lang import NumberGrammar
from marsad.lang.ar.normalize import normalize_term
from marsad.lang.time_grammar import TimeGrammar, TimePattern

__all__ = ["time_grammar"]

_V = TypeVar("_V")


def _n(term: str) -> str:
    """The matching-view form of an Arabic word."""
    return normalize_term(term)


def _table(entries: Mapping[str, _V]) -> dict[str, _V]:
    """A word table with its keys normalized."""
    return {_n(k): v for k, v in entries.items()}


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of normalized words, longest first, spaces as ``\\s+``."""
    forms = sorted({_n(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms) + ")"


class _Words(NamedTuple):
    """The normalized word tables of ``calendar`` and ``time_words``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    day_parts: tuple[str, ...]
    night: tuple[str, ...]
    day_noun_followers: tuple[str, ...]
    offsets: dict[str, int]
    periods: dict[str, str]
    parts: dict[str, str]
    units: dict[str, int]
    bare_units: dict[str, int]
    ordinal_days: dict[str, int]
    general_nouns: frozenset[str]


def _words(calendar: Mapping[str, Any], words: Mapping[str, Any]) -> _Words:
    """The word tables, normalized (a word list stays as written: the patterns normalize it)."""
    months = {w: number for variety in calendar["months"].values()
              for number, spellings in variety.items() for w in spellings}
    return _Words(
        months=_table(months),
        weekdays=_table({w: iso for iso, names in calendar["weekdays"].items() for w in names}),
        relative_days=_table(words["relative_days"]),
        day_parts=tuple(words["day_parts"]),
        night=tuple(words["night"]),
        day_noun_followers=tuple(words["day_noun_followers"]),
        offsets=_table(words["offsets"]),
        periods=_table(words["periods"]),
        parts=_table(words["parts"]),
        units=_table(words["units"]),
        bare_units=_table(words["bare_units"]),
        ordinal_days=_table(words["ordinal_days"]),
        general_nouns=frozenset(_n(w) for w in words["general_nouns"]),
    )


# --- pattern pieces ------------------------------------------------------------------------
# The proclitic letters و ف ب ل and the article ال are unchanged by normalization.

_B = r"(?<!\w)"                       # no letter or digit before
_E = r"(?!\w)"                        # none after
_PRO = "[وف]?"                        # conjunction proclitic
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)(?:\s?" + _n("م") + _E + ")?"
_SHAHR = _PRO + "[بل]?" + _n("شهر") + r"\s+"
_YEAR_WORDS = _alt(["عام", "لعام", "بعام", "العام", "للعام", "بالعام", "سنة", "لسنة", "بسنة"])
_YEAR_TAIL = rf"\s*,?\s*(?:{_n('من')}\s+)?(?:{_alt(['عام', 'العام', 'سنة'])}\s+)?{_YEAR}"
_NUMERIC_END = rf"(?:\s?{_n('م')})?(?![\w/]|[.\-]\d)"


class _Pieces(NamedTuple):
    """The pattern pieces built from the word tables."""

    month_name: str       # one month name
    month: str            # a month group: يوليو, تموز/يوليو, (يوليو) تموز, يوليو تموز …
    rel: str              # a past-or-next word after the expression
    year_offset: str      # من العام الماضي …
    weekday: str
    date_prefix: str      # يوم الأربعاء الموافق …
    part: str             # مطلع, منتصف … before a period
    period_word: str      # الشهر, للعام …
    number: str           # a count before a unit: 12, ثلاثة …


def _pieces(w: _Words, count: str) -> _Pieces:
    """The pieces several patterns share; ``count`` is the pattern of a count (``_counts``)."""
    m1 = _alt(w.months) + _E
    past_or_next = [word for word, k in w.offsets.items() if k]
    weekday = _alt(w.weekdays)
    return _Pieces(
        month_name=m1,
        # the second name of a pair may follow with a space only (سبتمبر أيلول 2014: the news
        # agencies' way), not only after a slash, a dash or in brackets
        month=rf"(?P<mon>\(\s?{m1}\s?\)\s?{m1}|{m1}(?:\s?[/\-]\s?{m1}|\s{m1}|\s?\(\s?{m1}\s?\))?)",
        rel=rf"\s+(?P<rel>{_alt(past_or_next)}){_E}",
        year_offset=(rf"\s+{_n('من')}\s+{_alt(['العام', 'السنة'])}\s+"
                     rf"(?P<yoff>{_alt(w.offsets)}){_E}"),
        weekday=weekday,
        date_prefix=(rf"(?:{_PRO}{_alt(['يوم', 'بيوم', 'ليوم'])}\s+)?"
                     rf"(?:{_PRO}{weekday}\s*,?\s*)?(?:{_n('الموافق')}\s+)?"),
        part=rf"(?:{_PRO}[بل]?(?P<mod>{_alt(w.parts)})\s+)",
        period_word=rf"{_PRO}(?:ال|بال|لل)(?P<per>{_alt(w.periods)})",
        number=count,
    )


# --- the patterns, in the order the stage tries them (the earlier wins a tie) ---------------


def _date_patterns(w: _Words, p: _Pieces) -> list[TimePattern]:
    """Days, months and years written out: 15 يوليو 2015, 2015/7/15, تموز 2015, عام 2014."""
    day = (rf"(?:{_PRO}(?P<day>{_DAY_NUM})\s*(?:{_n('من')}\s+)?"
           rf"|{_PRO}(?P<ord>{_alt(w.ordinal_days)})\s+{_n('من')}\s+)")
    this_month = (rf"{_n('الشهر')}\s+(?P<moff>{_alt(w.offsets)})"
                  rf"|{_n('هذا')}\s+{_n('الشهر')}")
    month_lead = rf"{_B}(?:{_SHAHR}|{_PRO}){p.month}"
    year_cue_words = _alt(['في', 'خلال', 'منذ', 'حتى', 'بحلول', 'قبل', 'بعد', *w.parts])
    in_month_words = _alt(['في', 'خلال'])
    return [
        TimePattern(rf"{_B}{p.date_prefix}{day}(?:(?:{_SHAHR})?{p.month}"
                    rf"(?:{_YEAR_TAIL}|{p.rel}|{p.year_offset})?|{this_month}){_E}",
                    "day_month", "day_of_month"),
        TimePattern(rf"{_B}{p.date_prefix}{_PRO}(?P<year>(?:19|20)\d\d)(?P<sep>[/.\-])"
                    rf"(?P<month>{_MONTH_NUM})(?P=sep)(?P<day>{_DAY_NUM}){_NUMERIC_END}",
                    "numeric", "numeric_date"),
        TimePattern(rf"{_B}{p.date_prefix}{_PRO}(?P<day>{_DAY_NUM})(?P<sep>[/.\-])"
                    rf"(?P<month>{_MONTH_NUM})(?P=sep)(?P<year>(?:19|20)\d\d){_NUMERIC_END}",
                    "numeric", "numeric_date"),
        TimePattern(rf"{month_lead}{_YEAR_TAIL}{_E}", "month", "month"),
        TimePattern(rf"{month_lead}(?:{p.rel}|{p.year_offset}){_E}", "month", "month"),
        TimePattern(rf"{_B}{_SHAHR}{p.month}{_E}", "month", "month"),
        # a month alone that is when something happened (في يوليو، خلال أبريل): after such a word
        # it is no verb (مارس "practised") nor a name; the mention is the month, not في. Not
        # after منذ، حتى، قبل، بعد: those name a bound of the event, not its time
        TimePattern(rf"{_B}{_PRO}{in_month_words}\s+(?P<t>{p.month}){_E}", "month", "month"),
        # a part of a month (مطلع مارس، نهاية تموز/يوليو، أواخر يونيو الماضي، منتصف مايو 2015)
        TimePattern(rf"{_B}{p.part}{p.month}(?:{_YEAR_TAIL}|{p.rel}|{p.year_offset})?{_E}",
                    "month", "month"),
        TimePattern(rf"{_B}{_PRO}{_YEAR_WORDS}\s+{_YEAR}{_E}", "year", "year"),
        TimePattern(rf"{_B}{_PRO}{year_cue_words}\s+(?P<t>{_YEAR}){_E}", "year", "year"),
        TimePattern(rf"{_B}{_PRO}(?P<year>(?:19|20)\d\d)\s?{_n('م')}{_E}", "year", "year"),
        # an almanac's entry opens its line with its year and a dash (1974 - مواجهات عنيفة …)
        TimePattern(r"(?:^|(?<=\n))[ \t]*(?P<year>(?:19|20)\d\d)(?=[ \t]*[-–—])", "year", "year"),
    ]


def _relative_patterns(w: _Words, p: _Pieces) -> list[TimePattern]:
    """Expressions resolved against the publication date: الخميس, أمس, منذ يومين, العام الماضي."""
    weekday = (rf"{_B}(?:{_PRO}{_alt(w.day_parts)}\s+)?(?<!{_n('كلا')} )(?<!{_n('بين')} )"
               rf"{_PRO}(?P<wd>{p.weekday}){_E}(?!\s+{_alt(['معا', 'عشر', 'عشرة'])}{_E})"
               rf"(?:{p.rel})?")
    relative_day = (rf"{_B}(?:{_PRO}{_alt(w.day_parts + w.night)}\s+)?{_PRO}"
                    rf"(?P<rd>{_alt(w.relative_days)}){_E}"
                    rf"(?!\s+{_alt([*w.day_noun_followers, *w.ordinal_days])}{_E})")
    ago = (rf"{_B}{_PRO}{_alt(['منذ', 'قبل'])}\s+"
           rf"(?:(?P<n>{p.number})\s+(?P<unit>{_alt(w.units)})"
           rf"|(?P<bare>{_alt(['يومين', 'أسبوعين'])}|{_alt(['يوم', 'أسبوع'])}(?!\s+ال)))"
           rf"{_E}(?!\s+{_alt(['من', 'على'])}{_E})")
    return [
        TimePattern(weekday, "weekday", "weekday"),
        TimePattern(relative_day, "relative_day", "relative_day"),
        TimePattern(ago, "ago", "ago"),
        TimePattern(rf"{_B}{p.part}?{p.period_word}\s+(?P<off>{_alt(w.offsets)}){_E}",
                    "period", "period", _general_adjective_veto(w.general_nouns)),
        TimePattern(rf"{_B}{p.part}?{_PRO}[بل]?{_alt(['هذا', 'هذه'])}\s+ال"
                    rf"(?P<per>{_alt(w.periods)}){_E}", "period", "period"),
        TimePattern(rf"{_B}{p.part}{p.period_word}{_E}", "period", "period"),
    ]


_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
_ARTICLE = re.compile("^[وف]?(?:بال|لل|ال)")
_AAM = _n("عام")


def _general_adjective_veto(
        general_nouns: frozenset[str]) -> Callable[[str, re.Match[str]], bool]:
    """The veto of a period match whose العام means "general" (الأمين العام الحالي), not
    "the year": the word before it is one of ``general_nouns``."""

    def general_adjective(text: str, m: re.Match[str]) -> bool:
        if m["mod"] or m["per"] != _AAM:
            return False
        previous = _PREVIOUS_WORD.search(text, max(0, m.start() - 40), m.start())
        return previous is not None and _ARTICLE.sub("", previous.group(1)) in general_nouns

    return general_adjective


# --- cues: what each pattern cannot match without ----------------------------------------


def _cue_finder(w: _Words, p: _Pieces) -> Callable[[str], set[str]]:
    """``present_cues``: the cues of a text, looser than the patterns, never stricter. A month
    name ends a word and follows no letter but و or ف (يوليو، ويوليو، 15يوليو, not الإرهاب for
    آب); a period word follows the article (الشهر، للعام); an all-digit date has a digit, a
    separator and a digit in a row; every year is 19.. or 20.. . Plain words are looked for
    with ``in`` (much cheaper than a regex search), and the month search serves both the
    month and the day-of-month patterns."""
    numeric_date_cue = re.compile(r"\d[/.\-][0-9]")
    year_cue = re.compile(r"(?:19|20)\d\d")
    month_cue = re.compile(rf"(?<![^\W\dوف]){p.month_name}")
    shahr_cue = _n("الشهر")
    weekday_cues = tuple(w.weekdays)
    relative_day_cue = re.compile(_alt(w.relative_days))
    ago_cues = (_n("منذ"), _n("قبل"))
    period_cue = re.compile(f"(?:ال|لل){_alt(w.periods)}{_E}")

    def present_cues(text: str) -> set[str]:
        present: set[str] = set()
        if year_cue.search(text):
            present.add("year")
        if numeric_date_cue.search(text):
            present.add("numeric_date")
        if month_cue.search(text):
            present.update(("month", "day_of_month"))
        elif shahr_cue in text:
            present.add("day_of_month")
        if any(word in text for word in weekday_cues):
            present.add("weekday")
        if relative_day_cue.search(text):
            present.add("relative_day")
        if any(word in text for word in ago_cues):
            present.add("ago")
        if period_cue.search(text):
            present.add("period")
        return present

    return present_cues


def _month_reader(w: _Words, p: _Pieces) -> Callable[[str], int]:
    """``month_of``: the number of the first month name in a matched month group."""
    month_name = re.compile(_B + p.month_name)
    months = w.months

    def month_of(text: str) -> int:
        found = month_name.search(text)
        assert found is not None
        return months[" ".join(found.group().split())]

    return month_of


def _counts(numbers: NumberGrammar) -> tuple[str, Callable[[str], int | None]]:
    """A count before a unit (منذ ثلاثة أيام, قبل 12 يوما, منذ خمسة عشر يوما): the pattern of
    one and its value, read by the language's one number grammar (the quantities' too)."""
    word = _alt(numbers.words)

    def count(text: str) -> int | None:
        return int(text) if text.isdigit() else numbers.parse_number(text)

    return rf"\d{{1,3}}|{word}(?:\s+(?:و\s*)?{word}){{0,3}}", count


def time_grammar(tables: Mapping[str, Any], numbers: NumberGrammar) -> TimeGrammar:
    """The Arabic time grammar, from the parsed data files ``calendar`` and ``time_words`` and
    the language's number grammar."""
    w = _words(tables["calendar"], tables["time_words"])
    count_pattern, count = _counts(numbers)
    p = _pieces(w, count_pattern)
    return TimeGrammar(
        patterns=tuple(_date_patterns(w, p) + _relative_patterns(w, p)),
        present_cues=_cue_finder(w, p),
        month_of=_month_reader(w, p),
        weekdays=w.weekdays,
        relative_days=w.relative_days,
        ordinal_days=w.ordinal_days,
        offsets=w.offsets,
        periods=w.periods,
        parts=w.parts,
        units=w.units,
        bare_units=w.bare_units,
        count=count,
    )
