import pytest

from marsad.doc.spans import Term
from marsad.lang.ar.clitics import CLITIC_MODEL
from marsad.lang.ar.inflect import nisba_forms, past_forms, present_forms
from marsad.lang.ar.normalize import normalize
from marsad.resources.lexicon import Lexicon


@pytest.fixture(scope="module")
def small_lexicon():
    lex = Lexicon(CLITIC_MODEL)
    lex.add("داعش", Term("actor", "actor", 0, "name"))
    lex.add("الولايات المتحدة", Term("actor", "country", 1, "name"))
    lex.add("قوات", Term("actor", "sector", 2, "noun"))
    lex.add("حكومة", Term("actor", "sector", 3, "noun"))
    for form in present_forms("يهاجم"):
        lex.add(form, Term("trigger", "verb", 4, "verb_present", "present"))
    lex.compile()
    return lex


def _found(lex, text):
    norm = normalize(text).text
    return [(norm[m.start:m.end], m.prefix, m.suffix) for m in lex.find(norm)]


@pytest.mark.parametrize("text, prefix, suffix", [
    ("وداعش", "و", ""),
    ("لتنظيم «داعش»", "", ""),
    ("بالولايات المتحدة", "ب", ""),
    ("للولايات المتحدة", "ل", ""),
    ("وللقوات", "ولل", ""),
    ("والقوات", "وال", ""),
    ("قواتها", "", "ها"),
    ("حكومتهم", "", "هم"),
    ("سيهاجم", "س", ""),
    ("وسيهاجمونهم", "وس", "هم"),
])
def test_words_with_clitics_match_their_entry(small_lexicon, text, prefix, suffix):
    found = _found(small_lexicon, text)
    assert [(p, s) for _, p, s in found][-1:] == [(prefix, suffix)]


@pytest.mark.parametrize("text", ["مداعش", "داعشية", "تهاجمية", "مقوات", "حكومتكمو"])
def test_letters_that_are_not_clitics_block_a_match(small_lexicon, text):
    assert _found(small_lexicon, text) == []


def test_names_take_no_article_but_nouns_do(small_lexicon):
    assert _found(small_lexicon, "الداعش") == []
    assert _found(small_lexicon, "القوات")[0][1] == "ال"


def test_nisba_forms_cover_gender_number_and_both_spellings():
    forms = set(nisba_forms("أميركي")) | set(nisba_forms("أمريكي"))
    for word in ["أميركي", "أمريكية", "أميركية", "أميركيون", "أمريكيين", "أميركيات", "أمريكيان"]:
        assert word in forms


def test_two_word_nisba_inflects_both_words():
    assert "كورية شمالية" in nisba_forms("كوري شمالي")


@pytest.mark.parametrize("stem, form", [
    ("هاجم", "هاجموا"), ("هاجم", "هاجمت"), ("هاجم", "هاجمنا"),
    ("التقى", "التقت"), ("التقى", "التقوا"), ("التقى", "التقيا"),
    ("دعا", "دعت"), ("دعا", "دعوا"),
])
def test_past_tense_inflections(stem, form):
    assert form in past_forms(stem)


@pytest.mark.parametrize("stem, form", [
    ("يهاجم", "تهاجم"), ("يهاجم", "يهاجمون"), ("يهاجم", "نهاجم"),
    ("يلتقي", "يلتقون"), ("يلتقي", "تلتقي"), ("يدعو", "يدعون"), ("يدعو", "تدعو"),
])
def test_present_tense_inflections(stem, form):
    assert form in present_forms(stem)


def test_participles_are_made_in_every_gender_and_number_and_the_accusative():
    from marsad.lang.ar.inflect import participle_forms

    forms = set(participle_forms("مندد"))
    for word in ["مندد", "منددا", "منددة", "منددين", "منددون", "منددتان", "منددات"]:
        assert word in forms
    assert participle_forms("داعية") == ["داعية"]   # not a sound masculine: taken as written


def test_a_phrase_is_also_read_with_its_following_words_definite():
    from marsad.lang.ar.inflect import noun_forms

    assert "إرسال المساعدات" in noun_forms("إرسال مساعدات")
    assert "غارات الجوية" in noun_forms("غارات جوية")     # الغارات الجوية: ال is a proclitic
    assert noun_forms("معربا عن قلق") == ["معربا عن قلق", "معربا عن القلق"]


def test_a_definite_phrase_of_the_lexicon_is_coded_in_a_sentence():
    from marsad.coder import Coder

    events = Coder().code_article({
        "id": "definite", "date": "2015-08-09", "title": "",
        "text": "وأعلنت الحكومة السعودية إرسال المساعدات إلى المتضررين من الفيضانات في باكستان."})
    assert [e.event_type for e in events] == ["AID"]


def test_the_head_of_a_genitive_in_a_phrase_takes_no_article():
    lex = Lexicon(CLITIC_MODEL)
    lex.add("رئيس الحكومة", Term("actor", "sector", 0, "noun"))
    lex.add("رئيس", Term("actor", "sector", 1, "noun"))
    lex.add("حكومة", Term("actor", "sector", 2, "noun"))
    lex.compile()
    # «ودعا الرئيس الحكومة إلى الاستقالة»: the president and the government, two parties
    assert [t for t, _, _ in _found(lex, "ودعا الرئيس الحكومة")] == ["الرءيس", "الحكومه"]
    assert "رءيس الحكومه" in [t for t, _, _ in _found(lex, "ودعا رئيس الحكومة")]
