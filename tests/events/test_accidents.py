"""Deaths and damage that no one inflicted (road accidents, collapses, floods), and animals killed,
are no attack; an attack told beside such words stays one.

The sentences are written for these tests, in the style of Arabic news copy."""

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


def test_the_dead_of_a_flood_are_no_attack(coder):
    text = "قتل أربعة أطفال وثلاث نساء في فيضانات ضربت منطقة جبلية في وسط المكسيك."
    assert "ASSAULT" not in _types(coder.code_text(text))


def test_deaths_in_a_collapse_caused_by_shelling_stay_an_attack(coder):
    text = "قتل خمسة مدنيين في انهيار مبنى جراء قصف الطيران الروسي لحي سكني في إدلب."
    assert "ASSAULT" in _types(coder.code_text(text))


def test_a_named_killer_in_a_flooded_province_stays_an_attack(coder):
    text = "قتلت الشرطة المكسيكية أربعة مسلحين في ولاية تضربها الفيضانات منذ أسبوع."
    events = [e for e in coder.code_text(text) if e.event_type == "ASSAULT"]
    assert [e.code for e in events[0].actor] == ["MEX"]


def test_whales_killed_by_hunters_are_no_attack(coder):
    text = "قتل الصيادون في جزر فارو نحو 250 حوتا خلال موسم الصيد السنوي."
    assert "ASSAULT" not in _types(coder.code_text(text))


def test_people_killed_beside_livestock_stay_an_attack(coder):
    # the number counts the gunmen: the sheep after them make it no hunt
    text = "قتل الجيش خمسة مسلحين وعشرات الأغنام في غارة على معسكر."
    assert "ASSAULT" in _types(coder.code_text(text))
