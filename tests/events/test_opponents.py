"""The armed group an act of force is aimed at where the sentence names no target (issue 12):
a state's forces, or a military coalition, act on the armed group the article has them fighting.

The sentences are written for these tests, in the style of Arabic wire copy."""

import pytest

# an article that names the Houthis twice, fighting in Yemen
HOUTHIS = ("وتواصل ميليشيات الحوثي حصار مدينة تعز منذ أسابيع. وقال مصدر عسكري إن الحوثيين فقدوا "
           "مواقع عدة. ")


def _last(coder, text, event_type):
    events = [e for e in coder.code_text(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text}"
    return events[-1]


@pytest.mark.parametrize("sentence, actor", [
    ("ودمرت قوات الجيش اليمني تسعة مواقع في مديرية التواهي أمس.", "YEM"),
    # a coalition's strike: the group fought in the state where it struck
    ("وشن طيران التحالف العربي غارات على قاعدة العند الجوية في محافظة لحج.", "IGO"),
])
def test_an_act_of_force_with_no_target_named_is_aimed_at_the_group_fought_there(
        coder, sentence, actor):
    act = _last(coder, HOUTHIS + sentence, "ASSAULT")
    assert [e.code for e in act.actor] == [actor]
    # implied, not named there: no text
    assert [(e.code, e.country, e.text) for e in act.recipient] == [("NSA", "YEM", None)]


def test_a_group_with_no_home_state_is_fought_wherever_the_article_has_it(coder):
    text = ("وتواصل القوات العراقية عملياتها ضد تنظيم داعش في الأنبار. وقال مسؤول عراقي إن عناصر "
            "داعش فروا من المدينة. ودمرت قوات البيشمركة خمس عجلات مفخخة في منطقة سنجار أمس.")
    act = _last(coder, text, "ASSAULT")
    assert [(e.code, e.country, e.text) for e in act.recipient] == [("NSA", None, None)]
    assert "ISIS" in act.recipient[0].name


def test_a_group_the_article_names_once_is_not_the_side_it_has_the_forces_fighting(coder):
    text = ("وتواصل ميليشيات الحوثي حصار مدينة تعز منذ أسابيع. "
            "ودمرت قوات الجيش اليمني تسعة مواقع في مديرية التواهي أمس.")
    assert _last(coder, text, "ASSAULT").recipient == ()


@pytest.mark.parametrize("sentence", [
    # a two-sided fight: both sides are its actor, neither is a recipient
    "وخاضت قوات الجيش اليمني معارك عنيفة في مديرية التواهي أمس.",
    # tear gas is used on crowds, not on an armed group
    "وأطلقت قوات الأمن اليمنية الغاز المسيل للدموع في شوارع عدن.",
    # a state's opposition is not its forces
    "وسيطرت المعارضة اليمنية على مواقع في مديرية التواهي أمس.",
])
def test_a_fight_an_act_on_crowds_or_the_oppositions_is_not_aimed_at_the_group(coder, sentence):
    assert _last(coder, HOUTHIS + sentence, "ASSAULT").recipient == ()
