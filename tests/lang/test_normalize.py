import pytest

from marsad.lang.ar.normalize import normalize, normalize_term


@pytest.mark.parametrize("variant, canonical", [
    ("أمريكا", "امريكا"), ("إيران", "ايران"), ("آخر", "اخر"),
    ("مستشفى", "مستشفي"), ("الأمم المتحدة", "الامم المتحده"),
    ("مسؤول", "مسءول"), ("مسئول", "مسءول"),
    ("داعِشُ", "داعش"), ("تنظيـــم", "تنظيم"),
    ("٢٠١٥", "2015"), ("۲۰۱۵", "2015"),
    ("\u200fسوريا\u200e", "سوريا"),
    ("ﻻ", "لا"),
])
def test_spelling_variants_fold_to_one_form(variant, canonical):
    assert normalize_term(variant) == canonical


def test_quotes_become_spaces_and_spaces_squeeze():
    assert normalize("لتنظيم «داعش»  في   سوريا").text == "لتنظيم داعش في سوريا"


def test_arabic_punctuation_folds_to_ascii():
    assert normalize("قال، ثم سأل؟ ثم؛").text == "قال, ثم سال? ثم;"


@pytest.mark.parametrize("text, word", [
    ("هاجمت القوات الأمريكيّة مواقع داعِش", "داعش"),
    ("تنظيـــم «داعـــش» في سوريا", "داعش"),
    ("\u200fأعلن\u200f الجيش   قصف داعش", "داعش"),
    ("ﻻ تفاوض مع داعش", "داعش"),
    ("في عام ٢٠١٥ هاجم داعش", "داعش"),
])
def test_offsets_map_back_to_the_original_text(text, word):
    norm = normalize(text)
    i = norm.text.index(word)
    start, end = norm.span_to_original(i, i + len(word))
    assert normalize_term(text[start:end]) == word
    assert not text[start:end].startswith(" ") and not text[start:end].endswith(" ")


def test_trailing_diacritics_stay_inside_the_span():
    text = "قصفت الطائرات داعِشَ"
    norm = normalize(text)
    i = norm.text.index("داعش")
    start, end = norm.span_to_original(i, i + 4)
    assert text[start:end] == "داعِشَ"


def test_html_tags_are_blanked_without_moving_offsets():
    text = "<p>هاجم <b>داعش</b> القرية</p>"
    norm = normalize(text)
    assert "داعش" in norm.text and "<" not in norm.text
    i = norm.text.index("داعش")
    start, end = norm.span_to_original(i, i + 4)
    assert text[start:end] == "داعش"
