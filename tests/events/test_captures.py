"""Fighters taken by an army or a militia fighting under the state, in an article that reports
its fighting with their group, are captured in battle (ASSAULT, abduct), whatever the verb;
arrests by the police, of civilians, or told with no fighting, stay arrests.

The sentences are written for these tests, in the style of Arabic news copy."""

import pytest


def _coded(coder, text):
    return {(e.event_type, ev.trigger.text) for e in coder.code_text(text) for ev in e.evidence
            if e.event_type in ("ASSAULT", "COERCE")}


@pytest.mark.parametrize("text, arrest, coded", [
    ("شنت المقاومة الشعبية هجوما على مواقع الحوثيين في كريتر. وألقت المقاومة القبض على 72 "
     "عنصراً من الحوثيين.", "وألقت", "ASSAULT"),
    ("الجيش اللبناني اعتقل عناصر من تنظيم داعش قرب الحدود.", "اعتقل", "COERCE"),
    ("هاجم تنظيم داعش نقطة للشرطة التركية. وألقت الشرطة التركية القبض على 17 عنصرا من تنظيم "
     "داعش.", "وألقت", "COERCE"),
    ("قصفت طائرات الاحتلال الإسرائيلي مواقع لحركة حماس. واعتقلت قوات الاحتلال خمسة فلسطينيين "
     "في الخليل.", "واعتقلت", "COERCE"),
])
def test_an_armys_arrest_of_fighters_it_is_fighting_is_a_capture_in_battle(coder, text, arrest,
                                                                          coded):
    assert {etype for etype, trigger in _coded(coder, text) if trigger == arrest} == {coded}
