"""Quantities and casualty counts in Arabic news (marsad.annotate.quantities and
marsad.annotate.casualties, with the Arabic number grammar of marsad.lang.ar.numbers)."""

import pytest

from marsad.annotate.quantities import QuantityFinder
from marsad.lang.ar.normalize import normalize
from marsad.resources import load_resources

_RES = load_resources()
_FINDER = QuantityFinder(_RES)
find_quantities = _FINDER.quantities
find_casualties = _FINDER.casualties
parse_number = _RES.language.numbers.parse_number


def _view(text: str) -> str:
    return normalize(text).text


def _quantities(text: str) -> list[tuple[int | None, str | None, str | None]]:
    return [(q.count, q.qualifier, q.unit) for q in find_quantities(_view(text))]


def _casualties(text: str) -> set[tuple[str, int | None, str | None]]:
    return {(c.kind, c.count, c.qualifier) for c in find_casualties(_view(text))}


# --------------------------------------------------------------------------- parse_number


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


# --------------------------------------------------------------------------- quantities


@pytest.mark.parametrize("text, expected", [
    ("نفذ التحالف أكثر من 22 عملية في المنطقة", (22, "more_than", "operation")),
    ("شنت الطائرات ما يزيد على 30 غارة", (30, "more_than", "strike")),
    ("سجلت ما يزيد عن 12 هجمة", (12, "more_than", "attack")),
    ("نفذ المسلحون أزيد من 40 هجوما", (40, "more_than", "attack")),
    ("أصيب أقل من 10 أشخاص", (10, "less_than", "person")),
    ("يضم اللواء نحو 300 مقاتل", (300, "about", "fighter")),
    ("انتشر حوالي 50 جنديا على الحدود", (50, "about", "soldier")),
    ("نزح قرابة 70 مدنيا من القرية", (70, "about", "civilian")),
    ("عبر زهاء 200 لاجئ الحدود", (200, "about", "refugee")),
    ("أحصت المنظمة ما يقارب 90 غارة", (90, "about", "strike")),
    ("نفذت القوات ما يقرب من 12 مداهمة", (12, "about", "raid")),
    ("شنت المقاتلات ما لا يقل عن 10 غارات", (10, "at_least", "strike")),
    ("وقع على الأقل 7 هجمات", (7, "at_least", "attack")),
    ("يتسع المركز لحتى 40 شخصا", (40, "at_most", "person")),
    ("تحتجز السلطات ما يصل إلى 500 معتقل", (500, "at_most", "arrested")),
])
def test_qualifier_before_the_number(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("قضى 156 شخصا على الأقل", (156, "at_least", "person")),
    ("تظاهر 20 ألف متظاهر تقريبا", (20000, "about", "protester")),
    ("نفذت 10 مداهمات أو أكثر", (10, "at_least", "raid")),
])
def test_qualifier_after_the_quantity(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("وصلت نحو 25 ألف طن من المساعدات", (25000, "about", "ton")),
    ("استقبل البلد 3.5 مليون لاجئ", (3500000, None, "refugee")),
    ("أحصت البعثة 1,500 شخص", (1500, None, "person")),
    ("دمرت الغارة ثلاث دبابات", (3, None, "tank")),
    ("نشرت الوزارة ثلاثة آلاف شرطي", (3000, None, "police")),
    ("اعتقل خمسة وعشرون متظاهرا", (25, None, "protester")),
    ("أطلقت الفصائل مئتي صاروخ", (200, None, "missile")),
])
def test_numbers_with_units(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("استسلم 22 من عناصر التنظيم", (22, None, "member")),
    ("أعيد 168 من الليبيريين إلى بلادهم", (168, None, "person")),
    ("خسر القائد ثلاثة من جنوده", (3, None, "soldier")),
    ("نجا ثلاثة منهم", (3, None, None)),
])
def test_min_between_number_and_unit(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("قتل جنديين في الكمين", (2, None, "soldier")),
    ("نفذ الطيران غارتين", (2, None, "strike")),
    ("سقط قتيلان", (2, None, "killed")),
    ("اعتقل شخصان", (2, None, "person")),
    ("أحبطت عمليتين انتحاريتين", (2, None, "operation")),
    ("وقع هجومان اثنان", (2, None, "attack")),
    ("أصيب مدنيان", (2, None, "civilian")),
])
def test_dual_units_mean_two(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text", [
    "قتل مدنيين في القصف", "انضم مقاتلين أجانب", "أفرج عن معتقلين",
])
def test_sound_plurals_are_not_read_as_duals(text):
    assert _quantities(text) == []


def test_singular_unit_with_wahid_is_one():
    assert _quantities("وقع هجوم واحد فقط") == [(1, None, "attack")]


@pytest.mark.parametrize("text, unit", [
    ("نزح عشرات المدنيين", "civilian"),
    ("شنت الطائرات مئات الغارات", "strike"),
    ("عبر آلاف اللاجئين الحدود", "refugee"),
    ("خرج عشرات الآلاف من المتظاهرين", "protester"),
    ("اعتقلت الشرطة عددا من عناصره", "member"),
    ("اعتقلت الشرطة عدد من عناصره", "member"),
    ("نفذ التنظيم العديد من الهجمات", "attack"),
    ("نفذت القوات عدة عمليات", "operation"),
    ("أصيب بضعة أشخاص", "person"),
    ("قتل العشرات", None),
])
def test_vague_quantities_have_no_count(text, unit):
    assert _quantities(text) == [(None, "unspecified", unit)]


def test_alaf_after_a_number_is_a_scale_not_vague():
    assert _quantities("فر ثلاثة آلاف لاجئ") == [(3000, None, "refugee")]


@pytest.mark.parametrize("text, expected", [
    ("قتل ٢٢ شخصا", (22, None, "person")),
    ("نفذ الطيران ١٥٠ غارة", (150, None, "strike")),
    ("انتشر ۳۰ جنديا", (30, None, "soldier")),
    ("أكثر من ١٬٥٠٠ شخص", (1500, "more_than", "person")),
])
def test_arabic_indic_digits_after_normalization(text, expected):
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text", [
    "قصفت الطائرات المدينة للمرة الثالثة",
    "وقع الهجوم في عام 2015",
    "منذ 2011 والبلاد في حرب",
    "في ذكرى هجمات الحادي عشر من سبتمبر",
    "اجتمع المجلس يوم الاثنين",
    "قتل الرجل في 15 مارس",
    "حتى 2015 لم يتغير شيء",
    "يقيم الفوج 9 مطلوبين",
])
def test_what_is_not_a_quantity(text):
    assert _quantities(text) == []


def test_a_year_followed_by_a_unit_is_a_quantity():
    assert _quantities("فر 2015 شخصا") == [(2015, None, "person")]


@pytest.mark.parametrize("text", [
    "أفادت المصادر بمقتل أكثر من 22 شخصا وإصابة نحو 40 آخرين في 3 غارات",
    "وبنحو 20 غارة و«عشرات» المدنيين، وجنديين اثنين",
    "قُتِلَ ثلاثةُ أشخاصٍ و١٢ جريحاً",
])
def test_quantity_offsets_index_the_text(text):
    view = _view(text)
    mentions = find_quantities(view)
    assert mentions
    for m in mentions:
        assert view[m.start:m.end] == m.text
        assert not m.text.startswith(("و", "ب", " "))


def test_quantity_span_leaves_out_proclitics():
    [m] = find_quantities(_view("وبنحو 20 غارة"))
    assert m.text == "نحو 20 غاره"


# --------------------------------------------------------------------------- casualties


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
