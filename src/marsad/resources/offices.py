"""Named people's offices and sides with their dates (``people/offices.tsv``, FORMAT.md
"Offices"), so that a name an article gives without a title is coded by what its holder was on
the article's publication date: "بوش" is the US government in 2004, a former president (USA,
no sector) in 2015.

One row is one term: ``id code country sector start end office name names``. Dates are
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a start reads as the first day, an end as the last);
an empty start is "always before", an empty end "still in office". An id that the actor tables
do not name must give its English name and Arabic names on its first row; the loader makes it
an actor of the tables, so the matcher finds it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from marsad.resources.tables import Actor, Problem, Vocabulary, _check_code, _check_sector, _names

OFFICE_COLUMNS = ("id", "code", "country", "sector", "start", "end", "office", "name", "names")
_KIND_OF_CODE = {"NSA": "non_state_armed", "IGO": "igo", "NGO": "ngo"}


@dataclass(frozen=True)
class Office:
    """What one person was between two dates: the code, home country and sector to code them by."""

    id: str
    code: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    office: str

    @property
    def kind(self) -> str:
        return _KIND_OF_CODE.get(self.code, "state")

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def as_actor(self, name: str, names: tuple[str, ...] = ()) -> Actor:
        return Actor(self.id, self.code, self.sector, self.kind, self.country, name, names)


@dataclass(frozen=True)
class OfficeTable:
    offices: tuple[Office, ...]
    new_actors: tuple[Actor, ...]       # the people the actor tables did not name
    problems: tuple[Problem, ...]


def read_offices(text: str, path: str, vocab: Vocabulary, known_ids: Iterable[str]) -> OfficeTable:
    """Every term of the file, the actors it adds, and every problem as ``FILE:LINE``."""
    known = set(known_ids)
    offices: list[Office] = []
    added: dict[str, Actor] = {}
    problems: list[Problem] = []
    header: tuple[str, ...] | None = None
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if header is None:
            header = cells
            if header != OFFICE_COLUMNS:
                problems.append(Problem(path, no, "header must be: " + "\t".join(OFFICE_COLUMNS)))
                break
            continue
        row = dict(zip(OFFICE_COLUMNS, cells + ("",) * (len(OFFICE_COLUMNS) - len(cells))))
        found: list[str] = []
        office = _office(row, vocab, found)
        if row["id"] not in known and row["id"] not in added:
            if not _names(row["names"]) or not row["name"]:
                found.append(f"{row['id']!r} is in no actor table: give its name and names")
            else:
                added[row["id"]] = office.as_actor(row["name"], _names(row["names"]))
        problems.extend(Problem(path, no, p) for p in found)
        if not found:
            offices.append(office)
    return OfficeTable(tuple(offices), tuple(added.values()), tuple(problems))


def _office(row: dict[str, str], vocab: Vocabulary, problems: list[str]) -> Office:
    if not row["id"]:
        problems.append("'id' is empty")
    if not row["code"]:
        problems.append("'code' is empty")
    _check_code(row["code"], vocab, problems)
    if row["country"]:
        _check_code(row["country"], vocab, problems, "country")
    _check_sector(row["sector"], vocab, problems)
    start = _day(row["start"], problems, last=False)
    end = _day(row["end"], problems, last=True)
    if start and end and end < start:
        problems.append(f"'end' {row['end']} is before 'start' {row['start']}")
    return Office(row["id"], row["code"], row["country"] or None, row["sector"] or None,
                  start, end, row["office"])


def _day(cell: str, problems: list[str], last: bool) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial end date is the period's last day."""
    if not cell:
        return None
    try:
        parts = [int(p) for p in cell.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
        if len(parts) == 2:
            y, m = parts
            return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
        if len(parts) == 3:
            return date(*parts)
    except ValueError:
        pass
    problems.append(f"{cell!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return None


def office_on(terms: Iterable[Office], day: date | None) -> Office | None:
    """The term held on ``day`` (the latest begun where terms overlap); without a day, the
    latest term; None when ``day`` falls in no term."""
    terms = list(terms)
    if not terms:
        return None
    if day is None:
        return max(terms, key=_start_key)
    held = [t for t in terms if t.held_on(day)]
    return max(held, key=_start_key) if held else None


def _start_key(office: Office) -> date:
    return office.start or date.min
