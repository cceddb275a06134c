"""Organisations no lexicon names, read from a head noun and its chain (annotate/org_phrases.py)."""

from marsad.reading.article import Article


def _coded(coder, text):
    doc = coder.process(Article.from_mapping({"id": "t", "text": text, "date": "2015-08-01"}))
    return [(doc.norm.text[e.start:e.end], e.code) for e in doc.entities]


def test_an_unknown_body_is_a_mention_coded_by_its_head(coder):
    coded = _coded(coder, "وأدانت الشبكة الدولية لحقوق الإنسان اعتقال الناشطين في طهران.")
    assert ("الشبكه الدوليه لحقوق الانسان", "NGO") in coded


def test_a_country_adjective_ends_the_chain_and_gives_its_country(coder):
    coded = _coded(coder, "واتهم حزب الإصلاح اليمني الحوثيين بقصف الأحياء السكنية في تعز.")
    assert ("حزب الاصلاح اليمني", "YEM") in coded


def test_an_arab_or_international_adjective_makes_a_state_like_body_intergovernmental(coder):
    coded = _coded(coder, "ورحبت لجنة متابعة مبادرة السلام العربية بالقرار الفرنسي.")
    assert ("لجنه متابعه مبادره السلام العربيه", "IGO") in coded


def test_a_weak_head_with_one_adjective_names_no_body(coder):
    coded = _coded(coder, "ودعا الرئيس اللبناني إلى الوحدة الوطنية في مواجهة الإرهاب.")
    assert not any(t.startswith("الوحده") for t, _ in coded), coded


def test_a_place_after_a_centre_is_no_body(coder):
    coded = _coded(coder, "وقال مسؤول عراقي إن المسلحين هاجموا مركز محافظة الأنبار.")
    assert not any(t.startswith("مركز") for t, _ in coded), coded


def test_an_office_before_a_named_body_opens_its_mention(coder):
    coded = _coded(coder, "وأدانت الأمانة العامة لهيئة كبار العلماء التفجير الإرهابي في أبها.")
    assert ("الامانه العامه لهيءه كبار العلماء", "SAU") in coded


def test_a_body_after_a_title_is_where_the_title_is_held(coder):
    coded = _coded(coder, "وقال رئيس الاتحاد الدولي لكرة القدم إنه سيستقيل من منصبه.")
    assert ("رءيس الاتحاد الدولي لكره القدم", "NGO") in coded


def test_a_definite_head_takes_adjectives_not_the_next_phrase(coder):
    # المجلس التفجير: a head with the article takes no genitive, so the bombing it condemns is
    # not part of its name; its adjectives and its genitive with ل still are
    coded = _coded(coder, "وأدان المجلس التفجير الإرهابي الذي استهدف مسجدا في أبها.")
    assert not any("التفجير" in t for t, _ in coded), coded
    coded = _coded(coder, "وطالبت الهيئة المستقلة لحقوق الإنسان بالإفراج عن المعتقلين.")
    assert any(t == "الهيءه المستقله لحقوق الانسان" for t, _ in coded), coded
