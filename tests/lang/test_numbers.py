"""The Arabic number grammar (marsad.lang.ar.numbers), through the Language object."""

import pytest

from marsad.resources import load_resources

parse_number = load_resources().language.numbers.parse_number


@pytest.mark.parametrize("words, value", [
    ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنتين", 2), ("ثلاثة", 3), ("أربع", 4),
    ("خمسة", 5), ("ست", 6), ("سبعة", 7), ("ثماني", 8), ("تسع", 9), ("عشرة", 10),
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12),
    ("ثلاثة عشر", 13), ("خمس عشرة", 15), ("تسعة عشر", 19), ("عشرون", 20),
])
def test_number_words_one_to_twenty(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words, value", [
    ("عشرين", 20), ("ثلاثون", 30), ("أربعين", 40), ("خمسون", 50), ("ستين", 60),
    ("سبعون", 70), ("ثمانين", 80), ("تسعون", 90),
])
def test_tens(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words, value", [
    ("خمسة وعشرون", 25), ("واحد وثلاثون", 31), ("ثلاث وأربعين", 43),
    ("مئة وعشرون", 120), ("مئة وخمسة وعشرون", 125), ("مئتان وثلاثة عشر", 213),
    ("ألف وخمسمئة", 1500), ("مليون و200 ألف", 1200000),
])
def test_compounds_joined_by_wa(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words, value", [
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مائتين", 200), ("ثلاثمئة", 300),
    ("خمسمائة", 500), ("ثماني مئة", 800), ("تسعمئة", 900),
])
def test_hundreds(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words, value", [
    ("ألف", 1000), ("ألفين", 2000), ("ألفان", 2000), ("ثلاثة آلاف", 3000),
    ("عشرة آلاف", 10000), ("25 ألف", 25000), ("خمسة وعشرين ألفا", 25000),
    ("مئة ألف", 100000), ("مليون", 1000000), ("3 ملايين", 3000000),
    ("3.5 مليون", 3500000), ("مليار", 1000000000),
])
def test_thousands_and_millions(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words, value", [
    ("22", 22), ("1,500", 1500), ("1.500.000", 1500000), ("٢٢", 22), ("۳۰", 30),
    ("٣٫٥ مليون", 3500000),
])
def test_digits(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", [
    "عشرات", "آلاف", "الثالثة", "الاثنين", "اثنا", "3.5", "ثلاثة وأربعة", "قتل", "",
])
def test_what_is_not_one_number(words):
    assert parse_number(words) is None
