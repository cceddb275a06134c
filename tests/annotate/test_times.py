"""Time expressions: explicit dates, weekdays and relative expressions, resolved or not."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from marsad.annotate.times import TimeFinder
from marsad.doc.spans import TimeMention
from marsad.lang.ar.normalize import normalize, normalize_term
from marsad.resources import load_resources

PUB = date(2025, 11, 20)  # a Thursday
RES = load_resources()
FINDER = TimeFinder(RES)


def _find(raw: str, publication: date | None = PUB) -> tuple[str, list[TimeMention]]:
    text = normalize(raw).text
    return text, FINDER.find(text, publication)


def _only(raw: str, publication: date | None = PUB) -> TimeMention:
    _, mentions = _find(raw, publication)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _dates(m: TimeMention) -> tuple:
    return m.start_date, m.end_date, m.precision, m.anchor


def _day(y: int, mo: int, d: int, anchor: str = "publication_date") -> tuple:
    return date(y, mo, d), date(y, mo, d), "day", anchor


@pytest.mark.parametrize("raw, expected_text, when", [
    ("قتل 12 شخصا في 15 تموز/يوليو 2015 بحسب مصادر أمنية.", "15 تموز/يوليو 2015", (2015, 7, 15)),
    ("وقعت الاشتباكات في 15 يوليو 2015 قرب الحدود.", "15 يوليو 2015", (2015, 7, 15)),
    ("أُعلن الاتفاق في 15 (يوليو) تموز 2015 في فيينا.", "15 (يوليو) تموز 2015", (2015, 7, 15)),
    ("انتهت المهلة في 3 يناير/كانون الثاني 2016م.", "3 يناير/كانون الثاني 2016م", (2016, 1, 3)),
    ("جرت الانتخابات في 26 أكتوبر، 2014.", "26 اكتوبر, 2014", (2014, 10, 26)),
    ("عُقدت القمة في الخامس عشر من يوليو 2015.", "الخامس عشر من يوليو 2015", (2015, 7, 15)),
    ("بدأ الهجوم فجر الحادي والعشرين من تشرين الأول 2014.",
     "الحادي والعشرين من تشرين الاول 2014", (2014, 10, 21)),
    ("وصل الوفد يوم الأربعاء الموافق 15 يوليو 2015.", "يوم الاربعاء الموافق 15 يوليو 2015",
     (2015, 7, 15)),
    ("أضرب العمال في 2 جويلية 2019 بالعاصمة.", "2 جويليه 2019", (2019, 7, 2)),
    ("اندلعت الاحتجاجات في ٢٨ شباط ٢٠١٨.", "28 شباط 2018", (2018, 2, 28)),
    ("انعقد المؤتمر في 8 تشرين ثانٍ 2015 ببيروت.", "8 تشرين ثان 2015", (2015, 11, 8)),
    ("جرت الانتخابات العراقية في 12 مايس 2018.", "12 مايس 2018", (2018, 5, 12)),
    # the news agencies' pair with a space only: one date, not a 3 October of the news year
    ("حكم عليه في 3 أكتوبر تشرين الأول 2013 بالسجن.", "3 أكتوبر تشرين الأول 2013",
     (2013, 10, 3)),
])
def test_day_month_year_is_explicit_without_a_publication_date(raw, expected_text, when):
    m = _only(raw, None)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == _day(*when, anchor="explicit")


@pytest.mark.parametrize("raw, expected_text", [
    ("صدر القرار بتاريخ 2015/7/15 عن المحكمة.", "2015/7/15"),
    ("صدر القرار بتاريخ 15/7/2015 عن المحكمة.", "15/7/2015"),
    ("صدر القرار بتاريخ 15-7-2015 عن المحكمة.", "15-7-2015"),
    ("صدر القرار بتاريخ 2015-07-15 عن المحكمة.", "2015-07-15"),
    ("صدر القرار بتاريخ ١٥/٧/٢٠١٥ عن المحكمة.", "15/7/2015"),
    ("صدر القرار بتاريخ 15.07.2015م عن المحكمة.", "15.07.2015م"),
    ("صدر القرار بتاريخ 2015/07/15م عن المحكمة.", "2015/07/15م"),
])
def test_numeric_dates(raw, expected_text):
    m = _only(raw, None)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == _day(2015, 7, 15, anchor="explicit")


@pytest.mark.parametrize("raw", [
    "صدر القرار بتاريخ 31/2/2015.",
    "صدر القرار بتاريخ 2015/13/01.",
])
def test_impossible_numeric_dates_are_not_times(raw):
    assert _find(raw, None)[1] == []


@pytest.mark.parametrize("raw, expected_text, year, month, last", [
    ("تراجعت الليرة في تموز 2015 بشكل حاد.", "تموز 2015", 2015, 7, 31),
    ("تراجعت الليرة في يوليو 2015 بشكل حاد.", "يوليو 2015", 2015, 7, 31),
    ("أُجري الاستفتاء في شهر أيار/مايو 2014.", "شهر ايار/مايو 2014", 2014, 5, 31),
    ("تشكلت الحكومة في جوان 2016.", "جوان 2016", 2016, 6, 30),
    ("وقعت المجزرة في شباط 2016.", "شباط 2016", 2016, 2, 29),
    ("انسحبت القوات في ديسمبر من عام 2011.", "ديسمبر من عام 2011", 2011, 12, 31),
    ("استهدف بضربة جوية في سبتمبر أيلول 2014.", "سبتمبر أيلول 2014", 2014, 9, 30),
])
def test_month_and_year_has_month_precision(raw, expected_text, year, month, last):
    m = _only(raw, None)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == (date(year, month, 1), date(year, month, last), "month", "explicit")


@pytest.mark.parametrize("raw, expected_text, year", [
    ("سيطر التنظيم على الموصل عام 2014.", "عام 2014", 2014),
    ("سيطر التنظيم على الموصل في 2014.", "2014", 2014),
    ("تراجعت الصادرات خلال العام 2013 إلى النصف.", "العام 2013", 2013),
    ("اندلعت الثورة في 2011م.", "2011م", 2011),
    ("تعيش البلاد أزمة سياسية منذ 2019.", "2019", 2019),
    ("وارتفع العجز لعام 2016 مقارنة بما سبقه.", "لعام 2016", 2016),
    # an almanac's entry ("on this day"): the year opens the line, a dash follows
    ("1974 - مواجهات عنيفة بين قوات حزب الكتائب وفدائيين فلسطينيين في بيروت.", "1974", 1974),
])
def test_written_years_have_year_precision(raw, expected_text, year):
    m = _only(raw, None)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == (date(year, 1, 1), date(year, 12, 31), "year", "explicit")


@pytest.mark.parametrize("name, month", [
    # MSA / Egyptian
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4),
    ("مايو", 5), ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8),
    ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    # Levantine / Iraqi
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5),
    ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10),
    ("تشرين الثاني", 11), ("كانون الأول", 12),
    # Maghrebi
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7),
    ("أوت", 8), ("شتنبر", 9), ("دجنبر", 12),
    # combined
    ("تموز/يوليو", 7), ("يوليو/تموز", 7), ("(يوليو) تموز", 7), ("آب (أغسطس)", 8),
])
def test_month_name_families(name, month):
    m = _only(f"أعلنت الوزارة في 3 {name} 2020 عن خطة جديدة.", None)
    assert _dates(m) == _day(2020, month, 3, anchor="explicit")


@pytest.mark.parametrize("raw, publication, when", [
    ("وقعت الحادثة في 15 يوليو وسط العاصمة.", PUB, (2025, 7, 15)),
    ("تنطلق المفاوضات في 25 ديسمبر في جنيف.", PUB, (2025, 12, 25)),
    ("أُفرج عنه في 20 ديسمبر بعد وساطة.", date(2025, 1, 10), (2024, 12, 20)),
    ("وقعت الحادثة في 15 يوليو وسط العاصمة.", date(2025, 1, 10), (2024, 7, 15)),
    ("عُقد الاجتماع في الخامس عشر من الشهر الجاري.", PUB, (2025, 11, 15)),
    ("عُقد الاجتماع في 15 من الشهر الجاري.", PUB, (2025, 11, 15)),
    ("عُقد الاجتماع في العاشر من الشهر الماضي.", PUB, (2025, 10, 10)),
    ("تُجرى الانتخابات في الثاني من الشهر المقبل.", PUB, (2025, 12, 2)),
    ("عُقد الاجتماع في الخامس عشر من يوليو.", PUB, (2025, 7, 15)),
    ("زار الوزير بغداد في 25 نوفمبر الماضي.", PUB, (2024, 11, 25)),
    ("يزور الوزير بغداد في 10 نوفمبر المقبل.", PUB, (2026, 11, 10)),
    ("زار الوزير بغداد في 3 مارس من العام الماضي.", PUB, (2024, 3, 3)),
])
def test_day_and_month_without_year_take_it_from_the_publication_date(raw, publication, when):
    assert _dates(_only(raw, publication)) == _day(*when)


@pytest.mark.parametrize("raw, expected_text, when", [
    ("قال المتحدث الاثنين إن المفاوضات متعثرة.", "الاثنين", (2025, 11, 17)),
    ("قال المتحدث الإثنين إن المفاوضات متعثرة.", "الاثنين", (2025, 11, 17)),
    ("أعلنت الوزارة الخميس عن حزمة عقوبات.", "الخميس", (2025, 11, 20)),
    ("وصل الوفد يوم الأحد إلى القاهرة.", "يوم الاحد", (2025, 11, 16)),
    ("خرج المحتجون بعد صلاة الجمعة.", "الجمعه", (2025, 11, 14)),
    ("انفجرت عبوة ناسفة مساء الثلاثاء.", "مساء الثلاثاء", (2025, 11, 18)),
    ("والتقى الوزيران السبت في الرياض.", "السبت", (2025, 11, 15)),
    ("وصل الرئيس الأربعاء إلى باريس.", "الاربعاء", (2025, 11, 19)),
    ("أُعلنت النتائج الاثنين الماضي.", "الاثنين الماضي", (2025, 11, 17)),
    ("انعقد المجلس الخميس الماضي.", "الخميس الماضي", (2025, 11, 13)),
    ("تبدأ المحادثات الأحد المقبل.", "الاحد المقبل", (2025, 11, 23)),
    ("يلتقي الطرفان الخميس القادم.", "الخميس القادم", (2025, 11, 27)),
])
def test_weekdays_resolve_to_the_latest_such_day(raw, expected_text, when):
    m = _only(raw)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == _day(*when)


def test_a_weekday_is_the_day_written_out_beside_it_that_falls_on_it():
    friday, day = _find("وقع التفجير خلال صلاة الجمعة في 12 سبتمبر الماضي.")[1]
    assert _dates(friday)[:3] == _dates(day)[:3] == _day(2025, 9, 12)[:3]
    thursday, other = _find("قال الوزير الخميس إن هجوم 12 سبتمبر لن يتكرر.")[1]
    assert _dates(thursday) == _day(2025, 11, 20) and _dates(other)[0] == date(2025, 9, 12)


@pytest.mark.parametrize("raw, expected_text, delta", [
    ("قال الوزير أمس إن الحكومة لن تستقيل.", "امس", -1),
    ("وأمس أعلن الجيش حالة التأهب.", "وامس", -1),
    ("كما شهدت المدينة بالأمس مظاهرات واسعة.", "بالامس", -1),
    ("وصل الوفد البارحة إلى عمان.", "البارحه", -1),
    ("قصفت الطائرات المدينة ليلة أمس.", "ليله امس", -1),
    ("دوت انفجارات في العاصمة الليلة الماضية.", "الليله الماضيه", -1),
    ("التقى الرئيس أول أمس وفدا أوروبيا.", "اول امس", -2),
    ("التقى الرئيس أول من أمس وفدا أوروبيا.", "اول من امس", -2),
    ("يعقد البرلمان جلسة طارئة اليوم.", "اليوم", 0),
    ("قال مصدر صباح اليوم إن الطريق مغلق.", "صباح اليوم", 0),
    ("يصل المبعوث غدا إلى دمشق.", "غدا", 1),
    ("يصل المبعوث غداً إلى دمشق.", "غدا", 1),
    ("تبدأ الجولة الثانية بعد غد.", "بعد غد", 2),
])
def test_relative_days(raw, expected_text, delta):
    m = _only(raw)
    assert m.text == normalize_term(expected_text)
    when = PUB + timedelta(days=delta)
    assert _dates(m) == (when, when, "day", "publication_date")


@pytest.mark.parametrize("raw, expected_text, when", [
    ("بدأت الاحتجاجات منذ ثلاثة أيام في الجنوب.", "منذ ثلاثه ايام", (2025, 11, 17)),
    ("اعتُقل الناشط قبل يومين في منزله.", "قبل يومين", (2025, 11, 18)),
    ("وتتواصل منذ 5 أيام الاحتجاجات في المدينة.", "منذ 5 ايام", (2025, 11, 15)),
    ("أُطلق سراحه قبل أسبوع.", "قبل اسبوع", (2025, 11, 13)),
    ("فُقد الاتصال بالسفينة منذ أسبوعين.", "منذ اسبوعين", (2025, 11, 6)),
    ("أُغلق المعبر منذ 12 يوما.", "منذ 12 يوما", (2025, 11, 8)),
    ("انسحبت القوات قبل عشرة أيام.", "قبل عشره ايام", (2025, 11, 10)),
    # every number the quantities read, through the language's one number grammar
    ("بدأ الإضراب منذ خمسة عشر يوما.", "منذ خمسه عشر يوما", (2025, 11, 5)),
    ("اختُطف الصحفي قبل خمسة وعشرين يوما.", "قبل خمسه وعشرين يوما", (2025, 10, 26)),
    ("أُغلقت الحدود منذ عشرين يوما.", "منذ عشرين يوما", (2025, 10, 31)),
    ("بدأ الحصار قبل ستة أسابيع.", "قبل سته اسابيع", (2025, 10, 9)),
])
def test_days_ago(raw, expected_text, when):
    m = _only(raw)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == _day(*when)


@pytest.mark.parametrize("raw", [
    "انسحبت القوات قبل ثلاثة أيام من الانتخابات.",
    "أُغلقت المراكز قبل يوم الاقتراع بساعات.",
])
def test_days_before_another_event_are_not_publication_relative(raw):
    assert _find(raw)[1] == []


@pytest.mark.parametrize("raw, expected_text, first, last, precision", [
    ("ارتفعت الأسعار الشهر الماضي بنسبة 5%.", "الشهر الماضي",
     date(2025, 10, 1), date(2025, 10, 31), "month"),
    ("ارتفعت الأسعار خلال الشهر الماضي بنسبة 5%.", "الشهر الماضي",
     date(2025, 10, 1), date(2025, 10, 31), "month"),
    ("تراجعت الهجمات في الأسبوع الماضي.", "الاسبوع الماضي",
     date(2025, 11, 10), date(2025, 11, 16), "week"),
    ("يزور الوفد أنقرة الأسبوع المقبل.", "الاسبوع المقبل",
     date(2025, 11, 24), date(2025, 11, 30), "week"),
    ("يزور الوفد أنقرة الأسبوع القادم.", "الاسبوع القادم",
     date(2025, 11, 24), date(2025, 11, 30), "week"),
    ("وتجرى الانتخابات خلال الشهر الجاري.", "الشهر الجاري",
     date(2025, 11, 1), date(2025, 11, 30), "month"),
    ("وقع الاتفاق الشهر الحالي.", "الشهر الحالي",
     date(2025, 11, 1), date(2025, 11, 30), "month"),
    ("تنطلق المفاوضات الشهر المقبل.", "الشهر المقبل",
     date(2025, 12, 1), date(2025, 12, 31), "month"),
    ("تضاعف عدد اللاجئين العام الماضي.", "العام الماضي",
     date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("تضاعف عدد اللاجئين في السنة الماضية.", "السنه الماضيه",
     date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("يتوقع البنك نموا أعلى للعام الحالي.", "للعام الحالي",
     date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("تراجع التضخم هذا العام.", "هذا العام", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("ارتفعت الأسعار في العام الجاري.", "العام الجاري",
     date(2025, 1, 1), date(2025, 12, 31), "year"),
])
def test_relative_periods(raw, expected_text, first, last, precision):
    m = _only(raw)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == (first, last, precision, "publication_date")


@pytest.mark.parametrize("raw, expected_text, first, last, precision", [
    ("وقعت الاشتباكات مطلع الشهر.", "مطلع الشهر", date(2025, 11, 1), date(2025, 11, 10), "day"),
    ("وقعت الاشتباكات مطلع الشهر الجاري.", "مطلع الشهر الجاري",
     date(2025, 11, 1), date(2025, 11, 10), "day"),
    ("وقعت الاشتباكات في أوائل الشهر.", "اوائل الشهر",
     date(2025, 11, 1), date(2025, 11, 10), "day"),
    ("زار الوزير الجبهة نهاية الأسبوع الماضي.", "نهايه الاسبوع الماضي",
     date(2025, 11, 14), date(2025, 11, 16), "day"),
    ("قتل ثلاثة جنود في اشتباكات نهاية الأسبوع.", "نهايه الاسبوع",
     date(2025, 11, 14), date(2025, 11, 16), "day"),
    ("تُجرى الانتخابات منتصف الشهر المقبل.", "منتصف الشهر المقبل",
     date(2025, 12, 11), date(2025, 12, 20), "day"),
    ("تراجعت الصادرات أواخر العام الماضي.", "اواخر العام الماضي",
     date(2024, 10, 1), date(2024, 12, 31), "month"),
    ("ارتفعت الأسعار منذ بداية العام الجاري.", "بدايه العام الجاري",
     date(2025, 1, 1), date(2025, 3, 31), "month"),
])
def test_parts_of_periods(raw, expected_text, first, last, precision):
    m = _only(raw)
    assert m.text == normalize_term(expected_text)
    assert _dates(m) == (first, last, precision, "publication_date")


@pytest.mark.parametrize("raw, when", [
    ("ومن المقرر أن يزور الوفد القاهرة يوم الأحد.", _day(2025, 11, 23)),
    ("وتُجرى الانتخابات في السادس من مايو.", _day(2026, 5, 6)),
    ("وسيعقد المؤتمر في شهر يوليو.", (date(2026, 7, 1), date(2026, 7, 31), "month",
                                      "publication_date")),
    ("وتعقد القمة نهاية الأسبوع.", (date(2025, 11, 21), date(2025, 11, 23), "day",
                                   "publication_date")),
    ("ويبدأ التدريب اليوم.", _day(2025, 11, 20)),
])
def test_under_a_future_event_a_bare_day_or_month_is_the_next(raw, when):
    found = FINDER.find(normalize(raw).text, PUB, ahead=True)
    assert [_dates(m) for m in found] == [when]


def test_a_part_of_a_named_month_is_that_part_of_its_days():
    assert _dates(_only("انفجرت سيارة مفخخة في نهاية تموز/يوليو.")) == (
        date(2025, 7, 21), date(2025, 7, 31), "day", "publication_date")
    assert _dates(_only("اعتقلت الشرطة ثلاثة مسلحين في منتصف مايو 2014.")) == (
        date(2014, 5, 11), date(2014, 5, 20), "day", "explicit")


def test_a_month_alone_after_since_or_with_no_preposition_is_no_time():
    # منذ مارس bounds a state, it does not date a deed; مارس alone may be the verb "practised"
    assert _find("يسيطر التنظيم على المدينة منذ مارس.")[1] == []
    assert _find("مارس الضغط على الحكومة.")[1] == []


@pytest.mark.parametrize("raw, year, month", [
    ("أُعلن وقف إطلاق النار في يوليو الماضي.", 2025, 7),
    ("أُعلن وقف إطلاق النار في تموز/يوليو الماضي.", 2025, 7),
    ("انتُخب في نوفمبر الماضي رئيسا للبرلمان.", 2024, 11),
    ("تُعقد القمة في شهر مارس المقبل.", 2026, 3),
    ("تنتهي الولاية في يناير القادم.", 2026, 1),
    ("وقع الانقلاب في شهر أغسطس.", 2025, 8),
    # a month alone after في or خلال: the 62-day rule of شهر أغسطس
    ("وقع الانقلاب في أغسطس.", 2025, 8),
    ("قتل ثلاثة جنود خلال مارس.", 2025, 3),
])
def test_named_months_relative_to_publication(raw, year, month):
    m = _only(raw)
    assert not m.text.startswith(normalize_term("في"))
    assert _dates(m)[2:] == ("month", "publication_date")
    assert (m.start_date.year, m.start_date.month, m.start_date.day) == (year, month, 1)
    assert m.end_date.month == month


@pytest.mark.parametrize("raw, precision", [
    ("قال الوزير أمس إن الحكومة لن تستقيل.", "day"),
    ("يعقد البرلمان جلسة طارئة اليوم.", "day"),
    ("قال المتحدث الاثنين إن المفاوضات متعثرة.", "day"),
    ("بدأت الاحتجاجات منذ ثلاثة أيام.", "day"),
    ("ارتفعت الأسعار خلال الشهر الماضي.", "month"),
    ("تراجعت الهجمات الأسبوع الماضي.", "week"),
    ("تضاعف عدد اللاجئين العام الماضي.", "year"),
    ("وقعت الاشتباكات مطلع الشهر.", "day"),
    ("وقعت الحادثة في 15 يوليو وسط العاصمة.", "day"),
    ("عُقد الاجتماع في الخامس عشر من الشهر الجاري.", "day"),
    ("أُعلن وقف إطلاق النار في يوليو الماضي.", "month"),
])
def test_relative_expressions_stay_unresolved_without_a_publication_date(raw, precision):
    m = _only(raw, None)
    assert (m.start_date, m.end_date, m.precision, m.anchor) == (None, None, precision,
                                                                 "unresolved")


@pytest.mark.parametrize("raw, expected", [
    ("وأمس أعلن الجيش حالة التأهب، وبالأمس القريب كانت الهدنة صامدة.", ["وامس", "وبالامس"]),
    ("فاليوم تبدأ المرحلة الثانية.", ["فاليوم"]),
    ("قُتل 40 شخصا وخلال الشهر الماضي، و3 آذار/مارس 2024.", ["الشهر الماضي", "و3 اذار/مارس 2024"]),
    ("التقى الوزيران الثلاثاء والسبت وللعام الماضي.", ["الثلاثاء", "والسبت", "وللعام الماضي"]),
])
def test_proclitics_belong_to_the_mention_prepositions_do_not(raw, expected):
    assert [m.text for m in _find(raw)[1]] == [normalize_term(e) for e in expected]


@pytest.mark.parametrize("raw", [
    "قال الوزير أمس إن «الحكومة» لن تستقيل، وإن المفاوضات تُستأنف الأحد المقبل.",
    "وقعت الاشتباكات في 15 تموز/يوليو 2015، وتجددت مطلع الشهر الجاري ومنذ ثلاثة أيام.",
    "عُقد الاجتـماع فـي الخامس عَشر من يوليو ٢٠١٥م، ثم في ٢٠١٦/٣/١.",
])
def test_offsets_point_into_the_text(raw):
    text, mentions = _find(raw)
    assert len(mentions) >= 2
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.text == m.text.strip()
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@pytest.mark.parametrize("raw, expected_text", [
    ("في 15 تموز/يوليو 2015", "15 تموز/يوليو 2015"),
    ("في الخامس عشر من الشهر الجاري", "الخامس عشر من الشهر الجاري"),
    ("الأربعاء 15 يوليو 2015", "الاربعاء 15 يوليو 2015"),
    ("نهاية الأسبوع الماضي", "نهايه الاسبوع الماضي"),
    ("في شهر تموز/يوليو من عام 2015", "شهر تموز/يوليو من عام 2015"),
    ("الخميس الماضي", "الخميس الماضي"),
    ("أول من أمس", "اول من امس"),
])
def test_longest_expression_wins(raw, expected_text):
    assert _only(raw).text == normalize_term(expected_text)


def test_mentions_come_left_to_right():
    raw = ("التقى الوزير أمس نظيره التركي، على أن يزور أنقرة الأسبوع المقبل، "
           "بعد محادثات بدأت في 3 مارس 2024.")
    assert [m.text for m in _find(raw)[1]] == ["امس", "الاسبوع المقبل", "3 مارس 2024"]


@pytest.mark.parametrize("raw", [
    "تنشر الصحيفة تقارير اليومية عن الوضع.",
    "أقيمت الأمسية الشعرية في المركز الثقافي.",
    "عادت السبتية إلى الواجهة.",
    "تلقى الجمعية العمومية التقرير.",
    "لامس المؤشر أعلى مستوياته.",
    "قال الأمين العام الحالي للأمم المتحدة إن الوضع خطير.",
    "انتقد المدعي العام المقبل قرار المحكمة.",
    "وصل كلا الاثنين إلى المطار.",
    "شارك الأحد عشر لاعبا في المباراة.",
    "وفي اليوم التالي انسحبت القوات.",
    "اليوم الأول من المؤتمر كان هادئا.",
    "يستند الحل إلى القرار 2254.",
    "مارس الحزب ضغوطا على الحكومة.",
    "تصدر المجلة الأسبوعية والنشرة الشهرية بانتظام.",
    "قُتل 15 شخصا وأصيب 30.",
    "ارتفعت النسبة إلى 3/4 من السكان.",
])
def test_ordinary_words_are_not_times(raw):
    assert _find(raw)[1] == []


def test_explicit_dates_do_not_need_a_publication_date_but_relative_ones_do():
    raw = "وقعت الحادثة في 15 يوليو 2015، وأعلن الجيش أمس نتائج التحقيق."
    explicit, relative = _find(raw, None)[1]
    assert explicit.anchor == "explicit" and explicit.start_date == date(2015, 7, 15)
    assert relative.anchor == "unresolved" and relative.start_date is None


def test_a_language_without_time_expressions_finds_none():
    assert RES.language is not None
    bare = replace(RES, language=replace(RES.language, time_grammar=None))
    assert TimeFinder(bare).find(normalize("وقعت الحادثة في 15 يوليو 2015.").text, PUB) == []


@pytest.mark.parametrize("publication", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("raw", [
    "هاجمت القوات مواقع المسلحين قبل يومين.", "ستزور القوات المدينة الأسبوع المقبل.",
    "انسحبت القوات الأسبوع الماضي.", "وصلت القوات العام المقبل.", "غادرت القوات أمس.",
    "يصل الوفد يوم الأحد المقبل.", "وقعت الاشتباكات الشهر الماضي.", "تصل القوات غدا.",
])
def test_relative_times_off_the_calendar_are_not_times(raw, publication):
    # 0001-01-01 and 9999-12-31 gave "coder failed: OverflowError"; a time that would fall
    # before year 1 or after 9999 is no time, and the others still resolve
    for m in _find(raw, publication)[1]:
        assert m.start_date is not None and date.min <= m.start_date <= date.max


def test_articles_dated_at_the_ends_of_the_calendar_are_coded(coder):
    from marsad.reading.article import Article

    text = "هاجمت القوات التركية أمس مواقع في شمال العراق قبل يومين وتعود الأسبوع المقبل."
    for when in (date(1, 1, 1), date(9999, 12, 31)):
        assert [e.event_type for e in coder.code(Article("edge", text, date=when))] == ["ASSAULT"]


def test_a_number_with_a_dash_inside_a_line_is_not_an_almanac_year():
    assert not [m for m in _find("وارتفع عدد القتلى إلى 2015 - 2016 شخصا")[1] if m.precision == "year"]
