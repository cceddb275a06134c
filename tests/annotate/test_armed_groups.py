"""Armed groups as the contract codes them (ENTITY): ``code`` NSA, the home state in ``country``;
state entities carry their code as ``country``, IGOs and NGOs none (sentences written for
these tests)."""

import pytest

from marsad.reading.article import Article


def _entities(coder, text):
    doc = coder.process(Article(id="t", text=text))
    return [(doc.norm.text[e.start:e.end], e.code, e.country, e.kind) for e in doc.entities]


def _record_entities(coder, text):
    return [ent for ev in coder.code_text(text) for role in ("actor", "recipient")
            for ent in ev.to_dict()[role]]


@pytest.mark.parametrize("text, code, country", [
    ("سيطر الحوثيون على مدينة جديدة في محافظة مأرب.", "NSA", "YEM"),
    ("أطلقت حركة حماس رشقة صواريخ باتجاه عسقلان.", "NSA", "PSE"),
    ("تبنى تنظيم داعش التفجير الذي استهدف السوق.", "NSA", None),
])
def test_a_named_armed_group_is_nsa_with_its_home_country(coder, text, code, country):
    found = [(c, k) for _, c, k, kind in _entities(coder, text) if kind == "non_state_armed"]
    assert found and found[0] == (code, country)


@pytest.mark.parametrize("text, country", [
    ("هاجم مسلحون سوريون حاجزا للجيش قرب الحدود.", "SYR"),          # a nisba after the word
    ("اشتبك الجيش مع المتمردين الكونغوليين في إقليم كيفو.", "COD"),
    ("قتل مسلحون ثلاثة جنود في هجوم على نقطة تفتيش في العراق.", "IRQ"),  # a country in the sentence
])
def test_militants_and_rebels_placed_in_a_country_are_nsa_of_that_country(coder, text, country):
    found = [(c, k, kind) for _, c, k, kind in _entities(coder, text)
             if kind == "non_state_armed"]
    assert ("NSA", country, "non_state_armed") in found


@pytest.mark.parametrize("text", [
    # القوى الانقلابية، ميليشيات الانقلاب: Yemen's putschists of 2015, not a place or a state
    "وأكد أن الجيش لن يتوقف حتى يتم تطهير كل المحافظات اليمنية من القوى الانقلابية.",
    "وقصفت ميليشيات الانقلاب الأحياء السكنية في مدينة تعز.",
    # المنظمة الانفصالية، الحركة الانفصالية: the PKK as Turkish statements name it, not an NGO
    "قتل ثلاثة جنود أتراك في هجوم نفذته المنظمة الانفصالية الإرهابية قرب الحدود.",
    "وتتهم أنقرة الحركة الانفصالية الكردية بالوقوف وراء الهجمات.",
])
def test_a_group_named_by_its_cause_coup_or_separatism_is_an_armed_group(coder, text):
    found = [(c, kind) for _, c, _, kind in _entities(coder, text) if kind == "non_state_armed"]
    assert ("NSA", "non_state_armed") in found


def test_kidnappers_are_an_armed_group_and_a_fleeting_scene_is_no_one(coder):
    # الخاطفون: the hostage-takers of Lebanese soldiers; المشهد الخاطف: "the fleeting scene"
    kinds = [kind for _, _, _, kind in _entities(
        coder, "وقتل الخاطفون أربعة من الرهائن ولا يزالون يحتفظون بخمسة وعشرين منهم.")]
    assert "non_state_armed" in kinds
    assert _entities(coder, "كان ذلك المشهد الخاطف بداية النهاية لرؤيته.") == []


def test_a_state_entity_carries_its_code_as_country_and_an_igo_none(coder):
    found = {(c, k) for _, c, k, _ in _entities(
        coder, "دعا مجلس الأمن الدولي القوات التركية إلى وقف القصف.")}
    assert ("TUR", "TUR") in found and ("IGO", None) in found


def test_every_entity_of_a_record_has_country_after_code(coder):
    entities = _record_entities(coder, "قصفت الطائرات السعودية مواقع للحوثيين في صعدة.")
    assert entities
    for ent in entities:
        assert list(ent)[:9] == ["text", "start", "end", "name", "code", "country", "sector",
                                 "id", "kind"]
    assert {(e["code"], e["country"]) for e in entities} == {("SAU", "SAU"), ("NSA", "YEM")}


def test_rebels_named_by_a_nisba_still_place_the_other_people_of_their_sentence(coder):
    # the nisba names the country as it did when the rebels were coded by it: the hostages
    # take that country, while the rebels are NSA of it
    found = {(c, k) for t, c, k, _ in _entities(
        coder, "وافق المتمردون الكونغوليون على إطلاق سراح الرهائن.")}
    assert ("NSA", "COD") in found and ("COD", "COD") in found


def test_two_armed_groups_side_by_side_stay_two(coder):
    # verb, subject, object: ISIS and the Houthis are both NSA, but not one participant
    found = [(c, k) for _, c, k, kind in _entities(
        coder, "هاجم تنظيم داعش الحوثيين في محافظة البيضاء.") if kind == "non_state_armed"]
    assert found == [("NSA", None), ("NSA", "YEM")]


def test_a_user_lexicon_group_listed_under_its_country_is_coded_nsa_of_it(tmp_path):
    import marsad

    extra = tmp_path / "extra.tsv"
    extra.write_text("id\tcode\tsector\tkind\tcountry\tname\tnames\n"
                     "liwa.y\tSYR\tREB\tnon_state_armed\t\tLiwa Y\tلواء الفجر الجديد\n",
                     encoding="utf-8")
    coder = marsad.Coder(lexicons=[str(extra)])
    found = [(c, k) for _, c, k, kind in _entities(coder, "هاجم لواء الفجر الجديد مواقع الجيش.")
             if kind == "non_state_armed"]
    assert found == [("NSA", "SYR")]


@pytest.mark.parametrize("text, ident", [
    ("قتلت قوات البشمركة الكردية 22 داعشيا في محيط كركوك.", "isis"),
    ("أعلن الجيش المصري مقتل ستة من عناصر تنظيم بيت المقدس في شمال سيناء.", "isis.sinai"),
])
def test_the_members_of_a_group_named_by_its_nisba_or_short_name_are_the_group(coder, text, ident):
    doc = coder.process(Article(id="t", text=text))
    assert [(e.code, e.id) for e in doc.entities if e.id == ident] == [("NSA", ident)]
