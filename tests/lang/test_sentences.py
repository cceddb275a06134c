import pytest

from marsad.lang.ar.normalize import fold
from marsad.lang.ar.sentences import dateline_place, find_dateline, split_sentences


def _sentences(text, body_start=0):
    folded = fold(text)
    return [(s.kind, text[s.start:s.end]) for s in split_sentences(folded, body_start)]


def test_wire_dateline_with_agency_in_parentheses_is_split_off():
    text = "دمشق - (أ ف ب) - قال المرصد السوري إن غارات استهدفت ريف إدلب."
    d = find_dateline(fold(text), 0)
    assert text[d.place_start:d.place_end] == "دمشق"
    assert text[d.end:].startswith("قال المرصد")


def test_dateline_with_agency_after_dash():
    text = "الرياض - واس\nأعلنت وزارة الداخلية القبض على خلية إرهابية."
    d = find_dateline(fold(text), 0)
    assert text[d.place_start:d.place_end] == "الرياض"


def test_a_headline_with_a_colon_is_not_a_dateline():
    assert find_dateline(fold("الجيش الأميركي: ساعدنا شركاءنا في سوريا"), 0) is None


def test_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "قال د. محمد إن 3.5 مليون شخص نزحوا. وأضاف أن الوضع خطير."
    assert _sentences(text) == [
        ("body", "قال د. محمد إن 3.5 مليون شخص نزحوا."),
        ("body", "وأضاف أن الوضع خطير."),
    ]


def test_closing_quote_stays_with_its_sentence():
    text = 'وقال المتحدث: "لن نتراجع." ثم غادر القاعة.'
    assert _sentences(text) == [("body", 'وقال المتحدث: "لن نتراجع."'), ("body", "ثم غادر القاعة.")]


def test_arabic_question_mark_ends_a_sentence():
    assert len(_sentences("هل انتهت الحرب؟ لا أحد يعرف.")) == 2


def test_title_lines_and_short_section_headings_are_marked():
    text = "عنوان الخبر\n\nنص الخبر الأول.\nنتائج العمليات وتأثيرها\nنص آخر."
    kinds = [k for k, _ in _sentences(text, body_start=len("عنوان الخبر\n\n"))]
    assert kinds == ["title", "body", "heading", "body"]


def test_a_single_line_without_a_full_stop_is_text_not_a_heading():
    assert _sentences("وافقت إثيوبيا على فتح الحدود") == [("body", "وافقت إثيوبيا على فتح الحدود")]


@pytest.mark.parametrize("text, place", [
    ("الكويت: أعلنت وزارة الداخلية تفكيك خلية إرهابية.", "الكويت"),
    ("بغداد - قال مسؤول أمني إن انفجارا وقع قرب سوق شعبية.", "بغداد"),
    ("عين اليوم – جاكرتا\nنفى الرئيس التركي الاتهامات.", "جاكرتا"),
])
def test_a_place_opening_the_line_before_a_colon_or_dash_is_its_dateline(text, place):
    folded, start = fold(text), text.index(place)
    assert dateline_place(folded, 0, start, start + len(place))


@pytest.mark.parametrize("text, place", [
    ("بغداد والرياض تتفقان على فتح الحدود.", "بغداد"),      # the subject of a headline
    ("قال مسؤول في بغداد: إن الوضع هادئ.", "بغداد"),       # not at the start of the line
])
def test_a_place_in_running_text_is_no_dateline(text, place):
    folded, start = fold(text), text.index(place)
    assert not dateline_place(folded, 0, start, start + len(place))
