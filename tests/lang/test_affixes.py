"""The Arabic answers to the stages' clitic and mark tests, and the neutral defaults."""

import pytest

from marsad.lang.affixes import Affixes
from marsad.lang.ar.affixes import AFFIXES


@pytest.mark.parametrize("test, word, expected", [
    ("closes_stem", "ة", True), ("closes_stem", "ه", False),
    ("marks_noun", "أمراً", True), ("marks_noun", "أمر", False),
    ("conjunctions_only", "", True), ("conjunctions_only", "و", True),
    ("conjunctions_only", "ف", True), ("conjunctions_only", "ل", False),
    ("conjunctions_only", "وب", False),
    ("after_conjunction", "وب", True), ("after_conjunction", "فال", True),
    ("after_conjunction", "ب", False),
    ("after_and", "و", True), ("after_and", "ف", False),
    ("locative_prefix", "ب", True), ("locative_prefix", "وب", True),
    ("locative_prefix", "وبال", True), ("locative_prefix", "ل", False),
    ("locative_prefix", "ال", False),
])
def test_arabic_prefix_and_mark_tests(test, word, expected):
    assert getattr(AFFIXES, test)(word) is expected


@pytest.mark.parametrize("test, word, expected", [
    ("without_proclitic", "وبلدة", "بلدة"), ("without_proclitic", "بمدينة", "مدينة"),
    ("without_proclitic", "في", "في"), ("without_proclitic", "قرية", "قرية"),
    ("without_article", "المدينه", "مدينه"),
    ("with_article", "سعودية", "السعودية"),
])
def test_arabic_word_forms(test, word, expected):
    assert getattr(AFFIXES, test)(word) == expected


def test_a_language_without_clitics_reads_every_prefix_as_nothing():
    neutral = Affixes()
    assert neutral.conjunctions_only("") and not neutral.conjunctions_only("x")
    assert not neutral.closes_stem("e") and not neutral.locative_prefix("in")
    assert neutral.with_article("city") == "city" and neutral.without_article("city") == "city"
