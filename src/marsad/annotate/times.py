"""Time expressions in news text, resolved against the publication date.

``TimeFinder`` works on the language's normalized matching view. What is language-neutral lives
here: the rule table (which kind of expression each pattern finds, what a match means, which
cue gates it), the date arithmetic and the settling of overlaps. The patterns that find the
expressions and the words' meanings come from the language (``Language.time_grammar``; for
Arabic ``marsad.lang.ar.time_expressions`` with the month and weekday names of every regional
variety in ``lang/ar/data/calendar.yaml``).

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
* Under a future event (the nearest trigger in the sentence is future: من المقرر إجراؤها في
  السادس من ديسمبر، سيزور القاهرة الخميس) a weekday written alone is the first on or after the
  publication date, and a day and month or a month without a year is the one that lies at most
  62 days before publication, not after it.
* Parts of a period are day ranges (precision ``"day"``) for weeks and months and month ranges
  (precision ``"month"``) for years: مطلع/أوائل/بداية/مستهل → Monday–Wednesday, days 1–10,
  January–March; منتصف/أواسط → Wednesday–Thursday, days 11–20, May–August;
  نهاية/أواخر/ختام → Friday–Sunday, day 21 to the month's end, October–December. A part of
  the week without a past-or-next word that has not begun by publication is last week's
  (نهاية الأسبوع in news of a Tuesday is the weekend just gone), unless the event is to come.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import NamedTuple

from marsad.doc.document import Document
from marsad.doc.spans import TimeMention, TriggerMention
from marsad.lang import Language
from marsad.lang.time_grammar import TimeGrammar
from marsad.resources import Resources, language_of

__all__ = ["TimeFinder"]

_PUB = "publication_date"
_EXPLICIT = "explicit"
_UNRESOLVED = "unresolved"
#: A day and month without a year further than this after publication are last year's.
_AHEAD_DAYS = 62


def day_part_of_time(lang: Language) -> Callable[[str, str], bool]:
    """Whether a word is a part of the day (the ``time_words`` table's ``day_parts``) that the
    word after it, a day (a relative day or a weekday), makes a time: فجر اليوم، فجر الجمعة،
    ظهر أمس are dawn and noon, not "blew up" and "appeared". Of 30 such pairs drawn from
    SaudiNewsNet, all 30 were times."""
    norm, bare = lang.normalize_term, lang.without_conjunction
    words, weekdays = lang.table("time_words"), lang.table("calendar").get("weekdays") or {}
    parts = frozenset(norm(w) for w in words.get("day_parts") or ())
    days = frozenset(norm(w).split()[0] for w in (
        *(words.get("relative_days") or {}), *(w for names in weekdays.values() for w in names)))

    def opens(word: str, following: str) -> bool:    # فجر is no ف + جر
        return (word in parts or bare(word) in parts) and (following in days
                                                           or bare(following) in days)
    return opens


class _Resolution(NamedTuple):
    start_date: date | None
    end_date: date | None
    precision: str
    anchor: str


_Resolver = Callable[[TimeGrammar, re.Match[str], date | None, bool], _Resolution | None]
_Reject = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True)
class _Rule:
    """A compiled pattern, what its matches mean, an optional veto on a match, and the cue
    every match holds: a text without it is not scanned with the pattern."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None, bool], _Resolution | None]
    reject: _Reject | None
    cue: str                # one of the grammar's present_cues
    weekday: bool           # its matches name a weekday (``_weekday_of_date``)


def _key(text: str) -> str:
    """A matched phrase as a word-table key: runs of spaces squeezed."""
    return " ".join(text.split())


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


def _offset(g: TimeGrammar, word: str | None) -> int:
    """-1, 0 or +1 for a word of the period before, this one or the next (الماضي, الجاري,
    المقبل); 0 when there is no such word."""
    return g.offsets[_key(word)] if word else 0


def _year_of_day(pub: date, month: int, day: int, rel: int, future: bool = False) -> int:
    """Year of a day and month written without one; ``rel`` is the offset of a past-or-next
    word after it (0 when there is none). Without one the year is the one that puts the date
    at most ``_AHEAD_DAYS`` after publication, or, for a ``future`` event, at most that many
    days before it."""
    if rel < 0:
        return pub.year - 1 if (month, day) > (pub.month, pub.day) else pub.year
    if rel:
        return pub.year + 1 if (month, day) < (pub.month, pub.day) else pub.year
    ahead = (date(pub.year, month, min(day, 28)) - pub).days
    if future:
        return pub.year + 1 if ahead < -_AHEAD_DAYS else pub.year
    return pub.year - 1 if ahead > _AHEAD_DAYS else pub.year


def _year_of_month(pub: date, month: int, rel: int, future: bool = False) -> int:
    """Year of a month written without one (يوليو الماضي, شهر مارس)."""
    if rel < 0:
        return pub.year - 1 if month >= pub.month else pub.year
    if rel:
        return pub.year + 1 if month <= pub.month else pub.year
    return _year_of_day(pub, month, 1, 0, future)


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



# --- resolvers: one per kind of match (what the language's patterns' groups mean) ----------


def _resolve_day_month(g: TimeGrammar, m: re.Match[str], pub: date | None,
                       ahead: bool = False) -> _Resolution | None:
    """A day of a named month (15 يوليو 2015, الخامس عشر من تموز) or of الشهر الجاري."""
    d = m.groupdict()
    day = int(d["day"]) if d["day"] else g.ordinal_days[_key(d["ord"])]
    if d["year"]:
        return _on_day(int(d["year"]), g.month_of(d["mon"]), day, _EXPLICIT)
    if pub is None:
        return _unresolved("day")
    if d["mon"] is None:
        first = _month_start(pub, _offset(g, d["moff"]))
        return _on_day(first.year, first.month, day, _PUB)
    month = g.month_of(d["mon"])
    year = (pub.year + _offset(g, d["yoff"]) if d["yoff"]
            else _year_of_day(pub, month, day, _offset(g, d["rel"]), ahead))
    return _on_day(year, month, day, _PUB)


def _resolve_numeric(g: TimeGrammar, m: re.Match[str], pub: date | None,
                     ahead: bool = False) -> _Resolution | None:
    """An all-digit date (2015/7/15, 15-7-2015)."""
    return _on_day(int(m["year"]), int(m["month"]), int(m["day"]), _EXPLICIT)


def _resolve_month(g: TimeGrammar, m: re.Match[str], pub: date | None,
                   ahead: bool = False) -> _Resolution | None:
    """A named month: with a year (تموز 2015), relative (يوليو الماضي) or bare (شهر مارس, في
    مارس); after a part of a period (مطلع مارس، نهاية تموز 2015) that part of it."""
    d = m.groupdict()
    month = g.month_of(d["mon"])
    part = g.parts[d["mod"]] if d.get("mod") else None
    if d.get("year"):
        found = _whole_month(int(d["year"]), month, _EXPLICIT)
    elif pub is None:
        return _unresolved("month" if part is None else "day")
    elif d.get("yoff"):
        found = _whole_month(pub.year + _offset(g, d["yoff"]), month, _PUB)
    else:
        year = _year_of_month(pub, month, _offset(g, d.get("rel")), ahead)
        found = _whole_month(year, month, _PUB)
    if part is None or found.start_date is None or found.end_date is None:
        return found
    # نهاية تموز/يوليو: the month's days 21 to its end, as نهاية الشهر
    first, last = _part("month", found.start_date, found.end_date, part)
    return _Resolution(first, last, "day", found.anchor)


def _resolve_year(g: TimeGrammar, m: re.Match[str], pub: date | None,
                  ahead: bool = False) -> _Resolution | None:
    """A written year (عام 2014, في 2014, 2014م)."""
    year = int(m["year"])
    return _Resolution(date(year, 1, 1), date(year, 12, 31), "year", _EXPLICIT)


def _resolve_weekday(g: TimeGrammar, m: re.Match[str], pub: date | None,
                     ahead: bool = False) -> _Resolution | None:
    """A weekday: the latest on or before publication (the first on or after it when
    ``ahead``); الماضي before it, المقبل after it."""
    if pub is None:
        return _unresolved("day")
    weekday = g.weekdays[m["wd"]] - 1          # ISO (Monday 1) to Python (Monday 0)
    rel = _offset(g, m["rel"])
    if rel > 0 or (ahead and not rel):
        when = pub + timedelta(days=(weekday - pub.weekday()) % 7 or (7 if rel else 0))
    else:
        when = pub - timedelta(days=(pub.weekday() - weekday) % 7 or (7 if rel else 0))
    return _Resolution(when, when, "day", _PUB)


def _resolve_relative_day(g: TimeGrammar, m: re.Match[str],
                          pub: date | None, ahead: bool = False) -> _Resolution | None:
    """اليوم, أمس, أول أمس, غدا … counted in days from publication."""
    if pub is None:
        return _unresolved("day")
    when = pub + timedelta(days=g.relative_days[_key(m["rd"])])
    return _Resolution(when, when, "day", _PUB)


def _resolve_ago(g: TimeGrammar, m: re.Match[str], pub: date | None,
                 ahead: bool = False) -> _Resolution | None:
    """منذ ثلاثة أيام, قبل يومين, منذ 12 يوما, قبل أسبوع: that many days before publication."""
    if pub is None:
        return _unresolved("day")
    if m["bare"]:
        days = g.bare_units[m["bare"]]
    else:
        count = g.count(m["n"])
        if count is None:       # number words that make no one number
            return None
        days = count * g.units[m["unit"]]
    when = pub - timedelta(days=days)
    return _Resolution(when, when, "day", _PUB)


def _resolve_period(g: TimeGrammar, m: re.Match[str], pub: date | None,
                    ahead: bool = False) -> _Resolution | None:
    """الأسبوع الماضي, الشهر الجاري, هذا العام, مطلع الشهر, نهاية الأسبوع الماضي …"""
    d = m.groupdict()
    unit = g.periods[d["per"]]
    part = g.parts[d["mod"]] if d.get("mod") else None
    precision = unit if part is None else ("month" if unit == "year" else "day")
    if pub is None:
        return _unresolved(precision)
    first, last = _period(pub, unit, _offset(g, d.get("off")))
    if part:
        first, last = _part(unit, first, last, part)
        if unit == "week" and first > pub and not d.get("off") and not ahead:
            # قتلوا في اشتباكات نهاية الأسبوع in news of a Tuesday: the weekend just gone
            first, last = _part(unit, *_period(pub, unit, -1), part)
    return _Resolution(first, last, precision, _PUB)


#: What a match of each kind of pattern means (``TimePattern.meaning``).
_RESOLVERS: dict[str, _Resolver] = {
    "day_month": _resolve_day_month,
    "numeric": _resolve_numeric,
    "month": _resolve_month,
    "year": _resolve_year,
    "weekday": _resolve_weekday,
    "relative_day": _resolve_relative_day,
    "ago": _resolve_ago,
    "period": _resolve_period,
}


def _rules(grammar: TimeGrammar) -> tuple[_Rule, ...]:
    """The rule table: the language's patterns, compiled, each with the resolver of its kind."""
    return tuple(_Rule(re.compile(p.pattern), partial(_RESOLVERS[p.meaning], grammar), p.veto,
                       p.cue, p.meaning == "weekday") for p in grammar.patterns)


# --- finding -------------------------------------------------------------------------------


def _candidates(rule: _Rule, text: str, publication: date | None,
                ahead: bool) -> Iterator[TimeMention]:
    """Every match of one rule that resolves (or is validly unresolved). A match that would
    resolve outside the calendar Python knows (a week after 9999-12-31, a day before
    0001-01-01, a month of year 0) is no time expression."""
    for m in rule.pattern.finditer(text):
        if rule.reject is not None and rule.reject(text, m):
            continue
        try:
            resolution = rule.resolve(m, publication, ahead)
        except (OverflowError, ValueError):     # a date before year 1 or after 9999
            continue
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


def _weekday_of_date(mentions: list[TimeMention],
                     weekdays: set[TimeMention]) -> list[TimeMention]:
    """A weekday that a day written out in the same sentence falls on is that day: in خلال صلاة
    الجمعة في 26 يونيو الماضي the Friday is 26 June, not the latest Friday before publication.
    A day within the week before publication is already the weekday's own resolution."""
    days = [(m.start_date, m) for m in mentions if m not in weekdays and m.precision == "day"
            and m.start_date is not None and m.start_date == m.end_date]
    out = []
    for m in mentions:
        named = m.start_date if m in weekdays else None
        same = [d for day, d in days if named is not None and day != named
                and day.weekday() == named.weekday()]
        if len(same) == 1:
            m = TimeMention(m.start, m.end, m.text, same[0].start_date, same[0].end_date,
                            "day", same[0].anchor)
        out.append(m)
    return out


def _no_cues(text: str) -> set[str]:
    """The cues of a language without time expressions: none."""
    return set()


class TimeFinder:
    """Pipeline stage (after roles): the time expressions of the sentences that hold an event
    (the only ones an event takes its time from), resolved against the document's date."""

    def __init__(self, res: Resources):
        lang = language_of(res)
        grammar = lang.time_grammar(lang.tables) if lang.time_grammar is not None else None
        self._rules = _rules(grammar) if grammar is not None else ()
        self._present_cues = grammar.present_cues if grammar is not None else _no_cues

    def find(self, text: str, publication: date | None, ahead: bool = False) -> list[TimeMention]:
        """All time expressions in ``text``, left to right, non-overlapping (longest wins).

        ``text`` is the normalized matching view; offsets are offsets into it. Relative
        expressions are resolved against ``publication`` and left unresolved without it; with
        ``ahead`` a bare weekday, day and month or month is the next, not the last.
        """
        present = self._present_cues(text)
        if not present:
            return []
        candidates, weekdays = [], set()
        for rule in self._rules:
            if rule.cue in present:
                found = list(_candidates(rule, text, publication, ahead))
                candidates += found
                if rule.weekday:
                    weekdays.update(found)
        return _weekday_of_date(_longest_first(candidates, len(text)), weekdays)

    def __call__(self, doc: Document) -> Document:
        text = doc.norm.text
        triggers: dict[int, list[TriggerMention]] = {}
        for mention in doc.mentions:
            triggers.setdefault(mention.trigger.sentence, []).append(mention.trigger)
        for index in doc.event_sentences():
            sent = doc.sentences[index]
            found = self.find(text[sent.nstart:sent.nend], doc.article.date)
            near = triggers.get(index, ())
            if found and any(t.modality == "future" for t in near):
                ahead = self.find(text[sent.nstart:sent.nend], doc.article.date, ahead=True)
                found = [a if _nearest(near, f.start + sent.nstart).modality == "future" else f
                         for f, a in zip(found, ahead, strict=True)]
            for m in found:
                doc.times.append(TimeMention(m.start + sent.nstart, m.end + sent.nstart, m.text,
                                             m.start_date, m.end_date, m.precision, m.anchor))
        return doc


def _nearest(triggers: Sequence[TriggerMention], at: int) -> TriggerMention:
    """The trigger nearest offset ``at`` (the earlier one on a tie)."""
    return min(triggers, key=lambda t: (abs(t.start - at), t.start))
