"""The Arabic time grammar: the calendar data it is built from, and what it hands the stage."""

import re

from marsad.lang.ar.normalize import normalize_term
from marsad.resources import load_resources

LANG = load_resources().language
GRAMMAR = LANG.time_grammar(LANG.tables)


def test_every_variety_names_months_1_to_12_and_the_full_ones_name_all_twelve():
    months = LANG.table("calendar")["months"]
    assert months
    for variety, names in months.items():
        assert set(names) <= set(range(1, 13)), variety
        assert all(names[number] for number in names), variety
    assert set(months["msa"]) == set(months["levantine"]) == set(range(1, 13))


def test_weekdays_are_iso_numbered():
    weekdays = LANG.table("calendar")["weekdays"]
    assert set(weekdays) == set(range(1, 8))
    assert GRAMMAR.weekdays[normalize_term("الاثنين")] == 1
    assert GRAMMAR.weekdays[normalize_term("الأحد")] == 7


def test_month_of_reads_the_first_name_of_every_variety():
    for raw, number in [("تموز/يوليو", 7), ("جانفي", 1), ("كانون الثاني", 1), ("دجنبر", 12),
                        ("تشرين  الأول", 10)]:
        assert GRAMMAR.month_of(normalize_term(raw)) == number, raw


def test_patterns_compile_and_name_their_cues():
    assert GRAMMAR.patterns
    cues = GRAMMAR.present_cues(normalize_term(
        "في 15 يوليو 2015 و2015/7/15 يوم الخميس أمس منذ يومين الشهر الماضي"))
    for p in GRAMMAR.patterns:
        re.compile(p.pattern)
        assert p.cue in cues, p
