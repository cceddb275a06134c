"""Quantities in Arabic news (marsad.annotate.quantities)."""

import pytest

from marsad.annotate.quantities import QuantityFinder
from marsad.lang.ar.normalize import normalize
from marsad.resources import load_resources

find_quantities = QuantityFinder(load_resources()).quantities


def _view(text: str) -> str:
    return normalize(text).text


def _quantities(text: str) -> list[tuple[int | None, str | None, str | None]]:
    return [(q.count, q.qualifier, q.unit) for q in find_quantities(_view(text))]


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
