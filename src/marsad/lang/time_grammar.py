"""What a language tells the time stage: how its time expressions are written.

The time stage (``marsad.annotate.times``) resolves dates language-neutrally; a language
supplies the patterns that find its expressions and the word tables that say what the words in
them mean. A pattern is a regular expression over the language's matching view whose named
groups the stage's resolver of that ``meaning`` reads:

* ``day_month``: ``day`` (digits) or ``ord`` (an ordinal word), then ``mon`` (month names) with
  ``year``, ``rel`` (an offset word) or ``yoff`` (the year's offset word), or no ``mon`` and
  ``moff`` (this/last/next month's offset word, absent for "this month");
* ``numeric``: ``year``, ``month`` and ``day``, all digits;
* ``month``: ``mon`` with ``year``, ``rel`` or ``yoff`` (any may be absent);
* ``year``: ``year`` (digits), and ``t`` when only that group is the mention;
* ``weekday``: ``wd`` (a weekday name) and ``rel``;
* ``relative_day``: ``rd`` (a relative day word);
* ``ago``: ``n`` (digits or a count word) and ``unit``, or ``bare`` (a unit alone);
* ``period``: ``per`` (a period word), ``off`` (an offset word) and ``mod`` (a part word).

Matched words are looked up in the tables with their runs of spaces squeezed to one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple


class TimePattern(NamedTuple):
    """One kind of time expression as the language writes it.

    ``cue`` names what every match holds (one of the names ``TimeGrammar.present_cues``
    returns): a text without it is not scanned with the pattern. ``veto`` rejects a match in
    its text (العام as "general", not "the year")."""

    pattern: str
    meaning: str
    cue: str
    veto: Callable[[str, re.Match[str]], bool] | None = None


@dataclass(frozen=True)
class TimeGrammar:
    """A language's time expressions: the patterns, their cues and the words' meanings."""

    patterns: tuple[TimePattern, ...]
    #: the cues a text holds (cheap tests, looser than the patterns, never stricter)
    present_cues: Callable[[str], set[str]]
    #: the number of the first month name in a matched ``mon`` group (تموز/يوليو → 7)
    month_of: Callable[[str], int]
    #: weekday name → ISO weekday (Monday is 1)
    weekdays: Mapping[str, int]
    #: relative day word → days from the publication date
    relative_days: Mapping[str, int]
    #: ordinal word → day of the month
    ordinal_days: Mapping[str, int]
    #: offset word → -1 (the period before), 0 (this one) or 1 (the next)
    offsets: Mapping[str, int]
    #: period word → "week", "month" or "year"
    periods: Mapping[str, str]
    #: part word → "start", "mid" or "end"
    parts: Mapping[str, str]
    #: counted unit → days, and a unit standing alone → days
    units: Mapping[str, int]
    bare_units: Mapping[str, int]
    #: the value of a count (digits or a number word) before a unit
    count: Callable[[str], int | None]
