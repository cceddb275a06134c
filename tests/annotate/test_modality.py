"""PLOVER's auxiliary modes, and what a promise, threat or refusal is coded as."""

import pytest


def _types_and_modality(coder, text):
    return {(e.event_type, e.modality) for e in coder.code_text(text)}


@pytest.mark.parametrize("text, expected", [
    ("لم تهاجم القوات الأردنية أي مواقع داخل سوريا.", ("ASSAULT", "negated")),
    ("من المتوقع أن يزور الرئيس الفرنسي لبنان الأسبوع المقبل.", ("CONSULT", "future")),
    ("ومن المنتظر أن يلتقي وزير الخارجية الإيراني نظيره العماني في مسقط.", ("CONSULT", "future")),
    ("إذا هاجمت إسرائيل إيران فإن طهران سترد بقوة.", ("ASSAULT", "hypothetical")),
    ("كانت القوات الأمريكية قد انسحبت من العراق عام 2011.", ("RETREAT", "historical")),
])
def test_auxiliary_modes(coder, text, expected):
    assert expected in _types_and_modality(coder, text)


@pytest.mark.parametrize("text, expected", [
    ("قال مسؤول إن الحكومة لا تزال ترفض مطالب المعارضة بتشكيل حكومة انتقالية.", ("REJECT", "asserted")),
    ("ما زالت الطائرات الحربية تقصف مواقع المسلحين في ريف إدلب.", ("ASSAULT", "asserted")),
])
def test_a_negation_before_still_is_no_denial(coder, text, expected):
    assert expected in _types_and_modality(coder, text)


@pytest.mark.parametrize("text, expected", [
    # a promised cooperative act is an AGREE
    ("ستقدم ألمانيا مساعدات إنسانية إلى السودان.", ("AGREE", "asserted")),
    # a promised hostile act is a THREATEN
    ("سيفرض الاتحاد الأوروبي عقوبات جديدة على إيران.", ("THREATEN", "asserted")),
    # a refused cooperative act is a REJECT
    ("قالت المجر إنها لن تستقبل مزيدا من اللاجئين السوريين.", ("REJECT", "asserted")),
    # a commitment is not the act itself
    ("أكدت الولايات المتحدة التزامها بمواصلة دعم الشركاء المحليين في العراق.", ("AGREE", "asserted")),
])
def test_stated_future_acts_are_promises_threats_or_refusals(coder, text, expected):
    assert expected in _types_and_modality(coder, text)


@pytest.mark.parametrize("text, expected", [
    # the future verb that governs the verbal noun gives it its tense
    ("وقالت الشرطة إنه سيتم اعتقال كل من يشارك في التجمع غير المرخص.", ("COERCE", "future")),
    ("وقال الوزير إن بلاده ستبدأ الأسبوع المقبل بقصف مواقع المتمردين.", ("ASSAULT", "future")),
])
def test_a_verbal_noun_governed_by_a_future_verb_is_future(coder, text, expected):
    assert expected in _types_and_modality(coder, text)


@pytest.mark.parametrize("text", [
    "ومن المتوقع أن يقدم التحالف الدولي بقيادة الولايات المتحدة الدعم لشركائه في العراق.",
    "ومن المتوقع أن يواصل التحالف الدولي بقيادة الولايات المتحدة دعم الحكومة العراقية.",
])
def test_an_expectation_about_others_is_not_reported_as_done(coder, text):
    events = coder.code_text(text)
    assert events and all(e.modality != "asserted" for e in events)


@pytest.mark.parametrize("text", [
    "وأعرب الوزير عن أمله في أن تدعم روسيا جهود المبعوث الأممي في سوريا.",
    "وقال إن المعارضة تريد من الولايات المتحدة أن تفرض عقوبات على النظام السوري.",
])
def test_a_wish_is_not_reported_as_done(coder, text):
    events = coder.code_text(text)
    assert events and all(e.modality != "asserted" for e in events)


def test_what_a_prayer_asks_for_is_not_reported_as_done(coder):
    events = coder.code_text("ودعا إمام المسجد المولى عز وجل أن يمكن رجال الأمن من القبض على "
                             "المجرمين.")
    arrests = [e for e in events if e.event_type == "COERCE"]
    assert arrests and all(e.modality != "asserted" for e in arrests)


def test_an_event_dated_years_before_publication_is_historical(coder):
    events = coder.code_text("وكانت الطائرات الأمريكية قصفت مواقع التنظيم في 15 آب/أغسطس 2014.", date="2025-11-20")
    assert ("ASSAULT", "historical") in {(e.event_type, e.modality) for e in events}


@pytest.mark.parametrize("text", [
    "وقال مسؤول أمني رفض الكشف عن اسمه إن الوضع هادئ.",
    "وأكد مصدر طلب عدم ذكر اسمه أن الاجتماع تأجل.",
])
def test_an_anonymous_source_formula_is_not_an_event(coder, text):
    assert {e.event_type for e in coder.code_text(text)} & {"REJECT", "REQUEST"} == set()


@pytest.mark.parametrize("text, expected", [
    ("هاجم مسلحون نقطة تفتيش للجيش في سيناء في سبتمبر 2014.", ("ASSAULT", "historical")),
    ("يلتقي وزير الخارجية السعودي نظيره الروسي في موسكو يوم 19 أغسطس.", ("CONSULT", "future")),
    ("هاجم مسلحون نقطة تفتيش للجيش في سيناء أمس.", ("ASSAULT", "asserted")),
])
def test_an_event_dated_outside_the_news_period_is_background_or_future(coder, text, expected):
    events = coder.code_text(text, date="2015-08-11")
    assert expected in {(e.event_type, e.modality) for e in events}


@pytest.mark.parametrize("text, expected", [
    ("ووجهت النيابة العامة في 14 يوليو الماضي الاتهام إلى 29 شخصا بالانتماء إلى تنظيم إرهابي.",
     ("ACCUSE", "historical")),
    ("ووجهت النيابة العامة في 6 أغسطس الجاري الاتهام إلى 29 شخصا بالانتماء إلى تنظيم إرهابي.",
     ("ACCUSE", "asserted")),
])
def test_a_named_day_weeks_before_publication_is_background(coder, text, expected):
    # the day is the text's own, only its year comes from the publication: as exact as a full date
    events = coder.code_text(text, date="2015-08-10")
    assert expected in {(e.event_type, e.modality) for e in events}


def test_asking_someone_about_a_deed_is_no_prayer(coder):
    events = coder.code_text("وتوجه الصحفي إلى الوزير سائلا إياه عن اعتقال الشرطة خمسة متظاهرين "
                             "في القاهرة.")
    arrests = [e for e in events if e.event_type == "COERCE"]
    assert arrests and all(e.modality == "asserted" for e in arrests)
