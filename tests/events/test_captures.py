"""Fighters taken by an army or a militia fighting under the state are captured in battle
(ASSAULT, abduct), whatever the verb; arrests by the police, or of civilians, stay arrests.

The sentences are written for these tests, in the style of Arabic news copy."""

import pytest


@pytest.mark.parametrize("text, coded", [
    ("وألقت المقاومة الشعبية القبض على 72 عنصراً من الحوثيين في جبهة كريتر.", ("ASSAULT", "abduct")),
    ("وألقت الشرطة التركية القبض على 17 عنصرا من تنظيم داعش في إسطنبول.", ("COERCE", "arrest")),
    ("واعتقلت قوات الاحتلال الإسرائيلي خمسة فلسطينيين في الخليل.", ("COERCE", "arrest")),
])
def test_an_armys_arrest_of_armed_group_fighters_is_a_capture_in_battle(coder, text, coded):
    events = [e for e in coder.code_text(text) if e.event_type in ("ASSAULT", "COERCE")]
    assert [(e.event_type, e.mode) for e in events] == [coded]
