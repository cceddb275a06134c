"""Casualty counts in Arabic news (marsad.annotate.casualties, through the quantity stage)."""

import pytest

from marsad.annotate.quantities import QuantityFinder
from marsad.lang.ar.normalize import normalize
from marsad.resources import load_resources

find_casualties = QuantityFinder(load_resources()).casualties


def _view(text: str) -> str:
    return normalize(text).text


def _casualties(text: str) -> set[tuple[str, int | None, str | None]]:
    return {(c.kind, c.count, c.qualifier) for c in find_casualties(_view(text))}


@pytest.mark.parametrize("text, count", [
    ("أعلنت الشرطة مقتل 15 شخصا في انفجار", 15),
    ("قتل 15 شخصا في القصف", 15),
    ("قُتل 15 شخصاً في الاشتباكات", 15),
    ("لقي 15 شخصا حتفهم في الحادث", 15),
    ("وقالت المصادر إن 15 مدنيا لقوا مصرعهم", 15),
    ("أدى الانفجار إلى سقوط 15 قتيلا", 15),
    ("أسفر الهجوم عن 15 قتيلا", 15),
    ("أعلنت الوزارة استشهاد 5 فلسطينيين", 5),
    ("أكد الجيش مقتل خمسة جنود", 5),
    ("ارتفعت حصيلة القتلى إلى 40", 40),
    ("أودى التفجير بحياة 12 شخصا", 12),
])
def test_killed_phrasings(text, count):
    assert _casualties(text) == {("killed", count, None)}


@pytest.mark.parametrize("text, count", [
    ("أسفرت الغارة عن إصابة 20 آخرين", 20),
    ("أصيب 20 شخصا بجروح", 20),
    ("جرح 20 مدنيا في القصف", 20),
    ("خلف الانفجار 20 جريحا", 20),
    ("وأصيب 3 جنود", 3),
])
def test_injured_phrasings(text, count):
    assert _casualties(text) == {("injured", count, None)}


@pytest.mark.parametrize("text, count", [
    ("أعلنت الشرطة اعتقال 7 أشخاص", 7),
    ("ألقت قوات الأمن القبض على 7 مشتبه بهم", 7),
    ("تم توقيف 7 متظاهرين", 7),
    ("أكدت النقابة احتجاز 7 صحفيين", 7),
    ("اعتقلت الشرطة 7 مطلوبين", 7),
    ("نقلت السلطات 7 معتقلين إلى السجن المركزي", 7),
])
def test_arrested_phrasings(text, count):
    assert _casualties(text) == {("arrested", count, None)}


@pytest.mark.parametrize("text, count", [
    ("أعلن خفر السواحل فقدان 3 صيادين", 3),
    ("فقد 3 بحارة في العاصفة", 3),
    ("لا يزال 3 مفقودين تحت الأنقاض", 3),
])
def test_missing_phrasings(text, count):
    assert _casualties(text) == {("missing", count, None)}


@pytest.mark.parametrize("text, expected", [
    ("أعلنت الصحة مقتل 156 شخصا على الأقل", ("killed", 156, "at_least")),
    ("أسفر القصف عن مقتل أكثر من 20 شخصا", ("killed", 20, "more_than")),
    ("تحدثت المصادر عن مقتل نحو 30", ("killed", 30, "about")),
    ("أصيب ما لا يقل عن 12 مدنيا", ("injured", 12, "at_least")),
])
def test_casualty_qualifiers(text, expected):
    assert _casualties(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("أعلن الجيش مقتل جنديين", ("killed", 2, None)),
    ("أدى الحادث إلى إصابة شخصين", ("injured", 2, None)),
    ("أعلن الجيش مقتل جندي في الكمين", ("killed", 1, None)),
    ("أعلنت الشرطة مقتل أحد عناصرها", ("killed", 1, None)),
])
def test_duals_and_singulars_give_the_count(text, expected):
    assert _casualties(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("أعلنت الشرطة اعتقال عدد من عناصره", ("arrested", None, "unspecified")),
    ("أسفر القصف عن سقوط عشرات القتلى", ("killed", None, "unspecified")),
    ("أدى الانفجار إلى إصابة العشرات", ("injured", None, "unspecified")),
])
def test_vague_casualty_counts(text, expected):
    assert _casualties(text) == {expected}


def test_casualty_words_without_a_number_have_no_count():
    assert _casualties("أسفر القصف عن سقوط قتلى وجرحى") == {
        ("killed", None, None), ("injured", None, None)}


@pytest.mark.parametrize("text", [
    "أسفر التفجير عن مقتل وإصابة 30 شخصا",
    "خلف التفجير 30 قتيلا وجريحا",
    "ارتفع عدد القتلى والجرحى إلى 30",
])
def test_a_count_shared_by_two_kinds_is_not_split(text):
    assert _casualties(text) == {("killed", None, None), ("injured", None, None)}


@pytest.mark.parametrize("text, expected", [
    ("أسفر الهجوم عن مقتل 3 جنود وإصابة 5 آخرين واعتقال 2",
     {("killed", 3, None), ("injured", 5, None), ("arrested", 2, None)}),
    ("أصيب 5 وقتل 3", {("injured", 5, None), ("killed", 3, None)}),
    ("قتل الجيش 20 مسلحا واعتقل 15 آخرين", {("killed", 20, None), ("arrested", 15, None)}),
    ("قتل مسلح جنديين", {("killed", 2, None)}),
])
def test_each_count_goes_to_its_own_trigger(text, expected):
    assert _casualties(text) == expected


@pytest.mark.parametrize("text", [
    "أعلنت الحكومة الإفراج عن 50 معتقلا",
    "سجلت الوزارة إصابة 200 شخص بفيروس كورونا",
    "فقد أعلن الجيش انسحابه",
    "قصفت الطائرات المدينة للمرة الثالثة",
])
def test_what_is_not_a_casualty(text):
    assert _casualties(text) == set()


def test_a_year_is_not_a_casualty_count():
    assert _casualties("قتل الصحفي في عام 2015") == {("killed", None, None)}


@pytest.mark.parametrize("text", [
    "أسفر الهجوم عن مقتل 3 جنود وإصابة 5 آخرين، ولقي 4 مدنيين حتفهم",
    "وبمقتل ١٥٦ شخصاً على الأقل ارتفعت حصيلة القتلى إلى ٢٠٠",
    "ارتفع عدد القتلى والجرحى إلى 30 وسقط قتيلان",
])
def test_casualty_offsets_index_the_text(text):
    view = _view(text)
    mentions = find_casualties(view)
    assert mentions
    for m in mentions:
        assert view[m.start:m.end] == m.text


def test_casualty_span_covers_trigger_and_count():
    [m] = find_casualties(_view("وبمقتل 156 شخصا على الأقل"))
    assert m.text == "مقتل 156 شخصا علي الاقل"
