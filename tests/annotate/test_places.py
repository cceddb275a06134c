"""Places resolved in context, with coordinates, ISO3 country and GeoNames id."""

import pytest

from marsad.reading.article import Article


def _places(coder, text):
    doc = coder.process(Article(id="p", text=text))
    return [(doc.norm.text[p.start:p.end], p.place) for p in doc.places]


@pytest.mark.parametrize("text, name, country, precision", [
    ("قصفت الطائرات مواقع في مدينة حلب.", "Aleppo", "SYR", "city"),
    ("وصل الوفد إلى بغداد أمس.", "Baghdad", "IRQ", "city"),
    ("تظاهر المئات في سوريا.", "Syria", "SYR", "country"),
    # spellings of the press that GeoNames lacks (press_names.tsv): كابول is not the Israeli village
    ("قتل 14 جنديا في غارة على حاجز جنوب كابول.", "Kabul", "AFG", "city"),
    ("وصل الوفد إلى الخرطوم أمس.", "Khartoum", "SDN", "city"),
    # بماكو: Bamako without its first alif, not ب + ماكو (Maku, Iran)
    ("اقتحم مسلحون فندقا في العاصمة بماكو.", "Bamako", "MLI", "city"),
    # Saudi governorate seats: a name GeoNames writes with an invisible direction mark, one it
    # gives in Latin letters only (press_names.tsv), the oasis the press names for Hofuf
    ("لقي شخصان مصرعهما في حادث مروري في حفر الباطن.", "Hafar Al-Batin", "SAU", "city"),
    ("ألقت الشرطة القبض على مطلوب في محافظة بيشة.", "Qal‘at Bīshah", "SAU", "city"),
    ("افتتح الأمير مستشفى جديدا في الأحساء.", "Al Hufūf", "SAU", "city"),
])
def test_places_resolve_with_coordinates_and_geonames_id(coder, text, name, country, precision):
    found = [p for _, p in _places(coder, text) if p.name == name]
    assert found and found[0].country == country and found[0].precision == precision
    assert found[0].geonames_id and found[0].lat is not None and found[0].lon is not None


def test_the_word_for_city_is_not_a_place(coder):
    found = _places(coder, "دخلت القوات مدينة حلب.")
    assert [p.name for _, p in found] == ["Aleppo"]


def test_event_place_comes_from_its_clause_before_the_dateline(coder):
    events = coder.code_article({"id": "d", "text": "دمشق - (أ ف ب) - قصفت الطائرات الروسية مواقع في ريف إدلب."})
    [assault] = [e for e in events if e.event_type == "ASSAULT"]
    assert assault.location.name == "Idlib" and assault.location.country == "SYR"


def test_event_without_a_place_in_its_sentence_takes_the_dateline(coder):
    events = coder.code_article({"id": "d", "text": "بيروت - (رويترز) - اعتقل الجيش اللبناني ثلاثة مسلحين."})
    [coerce] = [e for e in events if e.event_type == "COERCE"]
    assert coerce.location.name == "Beirut"


@pytest.mark.parametrize("text", [
    "وقال في بيان إن حماة الوطن لن يتراجعوا.",      # بيان "statement", حماة "protectors"
    "عقدت لجنة الأمن اجتماعا في إطار التعاون.",       # لجنة is not ل + جنه, إطار not a place
    "وقالت الدبلوماسية الأمريكية ويندي شيرمان إن المحادثات مستمرة.",  # a surname, not Sherman (USA)
    "ورداً على ذلك أعلن الرئيس فرانسوا هولاند دعمه للقرار.",  # ورداً "in reply", not Werder
    "أقدم الجاني على قتل الضحية وذلك بضربه بفأس.",   # فأس "axe", not Fes
    "وقال إن القوات تدمر آليات المسلحين كل يوم.",     # تدمر "destroys", not Palmyra
])
def test_place_names_that_are_ordinary_words_need_context(coder, text):
    assert _places(coder, text) == []


@pytest.mark.parametrize("text, name", [
    ("سقطت قذائف على مدينة حماة.", "Ḩamāh"),
    ("سيطر التنظيم على مدينة تدمر الأثرية.", "Tadmur"),
])
def test_an_ambiguous_name_after_a_place_word_is_the_place(coder, text, name):
    assert name in [p.name for _, p in _places(coder, text)]


def test_every_resolved_place_has_an_id_coordinates_and_a_country(coder):
    text = "قصفت الطائرات مواقع في دارفور وريف حماة ومحافظة نينوى والجولان وغزة وسوريا."
    found = _places(coder, text)
    assert found
    for _, place in found:
        assert place.geonames_id and place.lat is not None and len(place.country) == 3


def test_a_quoted_name_without_a_locative_cue_is_a_newspaper_not_a_place(coder):
    # told «Al-Riyadh» (the newspaper); the town in quotes after بلدة is still a place
    found = _places(coder, 'وقال قائد المقاومة في عدن لـ"الرياض" إن المسلحين هاجموا بلدة «مأرب».')
    assert [p.name for _, p in found] == ["Aden", "Ma'rib"]


def test_a_name_that_is_a_word_stays_a_word_after_lam(coder):
    # للتحالف is ل + التحالف "the coalition", not a village of that name
    found = _places(coder, "قدمت الدول الأعضاء الدعم للتحالف الدولي ضد الإرهاب.")
    assert [p.name for _, p in found] == []


def test_a_port_or_a_crossing_is_a_place_word(coder):
    # مرفأ "port" before عدن is not Merefa (Ukraine)
    found = _places(coder, "رست أول سفينة مساعدات أمس في مرفأ عدن.")
    assert [p.name for _, p in found] == ["Aden"]


def test_a_camp_is_a_place_word_not_a_town(coder):
    # معسكر "camp" is not Mascara (Algeria): like مخيم it makes the name after it a place
    found = _places(coder, "قتل عناصر من التنظيم في منطقة معسكر الكرامة قرب الرقة.")
    assert [(p.name, p.country) for _, p in found] == [("Al Karāmah", "SYR"), ("Ar Raqqah", "SYR")]


def test_a_town_takes_the_division_named_with_it(coder):
    # أريحا is Jericho (PSE, the larger) and Ariha in Idlib: بمحافظة إدلب says which
    found = _places(coder, "تحطمت طائرة حربية أثناء قصفها حيا في أريحا بمحافظة إدلب.")
    assert [(p.name, p.country) for _, p in found] == [("Arīḩā", "SYR"), ("Idlib", "SYR")]


def test_a_headline_opening_with_a_known_person_names_the_speaker_not_a_town(coder):
    # أوباما is also a town in Japan: "أوباما: …" is who spoke, not a dateline
    events = coder.code_article({
        "id": "o", "title": "أوباما: رفض الكونغرس للاتفاق مع إيران يعني الحرب",
        "text": "دافع الرئيس الأمريكي باراك أوباما أمس عن الاتفاق مع إيران حول برنامجها النووي."})
    assert events and all(e.location is None or e.location.country != "JPN" for e in events)


def test_a_country_past_a_border_or_near_is_not_where_the_attack_was(coder):
    events = coder.code_article({
        "id": "b", "title": "مقتل جنديين ماليين في كمين قرب موريتانيا",
        "text": "قتل جنديان ماليان وأصيب أربعة آخرون في كمين نصبه مسلحون قرب نامبالا قرب "
                "الحدود مع موريتانيا، كما أعلنت الحكومة في باماكو."})
    [assault] = [e for e in events if e.event_type == "ASSAULT"]
    assert assault.location is not None and assault.location.country == "MLI"
