"""Named people's dated offices (people/offices.tsv): read, checked, chosen by the day."""

from datetime import date

import pytest

from marsad.resources import load_resources, vocabulary
from marsad.resources.offices import OFFICE_COLUMNS, office_on, read_offices

HEADER = "\t".join(OFFICE_COLUMNS)


def _read(rows, known=("person.known",)):
    return read_offices("\n".join([HEADER, *rows]), "offices.tsv", vocabulary(), known)


def test_terms_are_read_with_partial_dates_as_whole_periods():
    table = _read(["person.known\tUSA\t\tGOV\t2001-01\t2009\tpresident\t\t"])
    assert not table.problems
    (term,) = table.offices
    assert (term.start, term.end) == (date(2001, 1, 1), date(2009, 12, 31))


def test_a_person_no_actor_table_names_becomes_an_actor_with_the_names_given():
    table = _read(["person.new\tCOL\t\tGOV\t2014-08-07\t2018-08-07\tforeign minister\t"
                   "María Ángela Holguín\tماريا أنخيلا أولغين|أولغين"])
    assert [(a.id, a.code, a.names) for a in table.new_actors] == [
        ("person.new", "COL", ("ماريا أنخيلا أولغين", "أولغين"))]


@pytest.mark.parametrize("row, message", [
    ("person.known\tUSA\t\tGOV\t2001-13-01\t\tpresident\t\t", "is not a date"),
    ("person.known\tUSA\t\tGOV\t2009\t2001\tpresident\t\t", "before 'start'"),
    ("person.known\tXX\t\tGOV\t2001\t\tpresident\t\t", "'code'"),
    ("person.known\tUSA\t\tBOSS\t2001\t\tpresident\t\t", "BOSS"),
    ("person.nobody\tUSA\t\tGOV\t2001\t\tpresident\t\t", "give its name and names"),
])
def test_every_problem_is_reported_with_its_line(row, message):
    table = _read(["person.known\tUSA\t\tGOV\t2001\t2009\tpresident\t\t", row])
    assert [(p.line, message in p.message) for p in table.problems] == [(3, True)]


def test_the_day_chooses_the_term():
    table = _read(["person.known\tRUS\t\tGOV\t2000-05-07\t2008-05-07\tpresident\t\t",
                   "person.known\tRUS\t\tGOV\t2008-05-08\t2012-05-07\tprime minister\t\t",
                   "person.known\tRUS\t\tGOV\t2012-05-07\t\tpresident\t\t"])
    assert office_on(table.offices, date(2010, 1, 1)).office == "prime minister"
    assert office_on(table.offices, date(2015, 8, 1)).office == "president"
    assert office_on(table.offices, date(1995, 1, 1)) is None
    assert office_on(table.offices, None).start == date(2012, 5, 7)   # no day: the latest


def test_the_shipped_offices_load_and_cover_2000_to_2016():
    res = load_resources()
    ids = {a.id for a in res.actors}
    assert all(o.id in ids for o in res.offices)
    heads = [o for o in res.offices if o.office in ("president", "prime minister", "king", "emir")]
    for year in range(2000, 2017):
        day = date(year, 6, 1)
        held = {o.code for o in heads if o.held_on(day)}
        assert {"USA", "RUS", "FRA", "TUR", "IRN", "EGY", "SYR", "SAU", "QAT"} <= held, year
