"""Deaths and damage that no one inflicted (road accidents, collapses, floods), and animals killed,
are no attack; an attack told beside such words stays one.

The sentences are written for these tests, in the style of Arabic news copy."""

import pytest

from marsad.reading.article import Article


def _types(events):
    return [e.event_type for e in events]


def test_a_road_accident_article_reports_no_attack(coder):
    article = Article(
        id="accident-1", date=None, title="مصرع ثلاثة أشخاص في حادث مروري بالطائف",
        text="لقي ثلاثة أشخاص من عائلة واحدة مصرعهم وأصيب اثنان آخران إثر انقلاب مركبة على "
             "طريق الطائف السريع فجر أمس. وباشرت فرق الهلال الأحمر الموقع ونقلت المصابين إلى "
             "مستشفى الملك فيصل. وقال المتحدث باسم المرور إن التحقيق جار لمعرفة أسباب الحادث.")
    events = coder.code(article)
    assert "ASSAULT" not in _types(events)
    assert not any(e.casualties and e.casualties.get("killed") for e in events)


@pytest.mark.parametrize("text, attack", [
    ("قتل أربعة أطفال وثلاث نساء في فيضانات ضربت منطقة جبلية في وسط المكسيك.", False),
    # the collapse has a cause that is an attack
    ("قتل خمسة مدنيين في انهيار مبنى جراء قصف الطيران الروسي لحي سكني في إدلب.", True),
])
def test_the_dead_of_a_disaster_are_no_attack_unless_an_attack_caused_it(coder, text, attack):
    assert ("ASSAULT" in _types(coder.code_text(text))) == attack


def test_a_named_killer_in_a_flooded_province_stays_an_attack(coder):
    text = "قتلت الشرطة المكسيكية أربعة مسلحين في ولاية تضربها الفيضانات منذ أسبوع."
    events = [e for e in coder.code_text(text) if e.event_type == "ASSAULT"]
    assert [e.code for e in events[0].actor] == ["MEX"]


@pytest.mark.parametrize("text, attack", [
    ("قتل الصيادون في جزر فارو نحو 250 حوتا خلال موسم الصيد السنوي.", False),
    # the number counts the gunmen: the sheep after them make it no hunt
    ("قتل الجيش خمسة مسلحين وعشرات الأغنام في غارة على معسكر.", True),
])
def test_animals_killed_are_no_attack_but_people_killed_beside_them_are(coder, text, attack):
    assert ("ASSAULT" in _types(coder.code_text(text))) == attack
