"""A wrong named by its doer (يقف وراء، تورط X، التدخل في شؤون Y): the doer is the one accused,
the speaker accuses, and the one wronged is neither side (events/imputed.py, issue 12).

The sentences are written for these tests, in the style of Arabic wire copy. The words are
candidates for the trained decision, so every candidate is kept to read its roles."""

import pytest

from marsad.coder import Coder


@pytest.fixture(scope="module")
def candidates() -> Coder:
    return Coder(candidates=True)


def _accusation(coder, text, trigger):
    events = [e for e in coder.code_text(text) if e.event_type == "ACCUSE"
              and any(trigger in ev.trigger.text for ev in e.evidence)]
    assert events, f"no ACCUSE at {trigger} in {text}"
    return events[0]


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    ("ولمحت السلطات البحرينية إلى تورط إيران في تهريب الأسلحة.", "تورط", "BHR", "IRN"),
    ("وقال وزير الداخلية البحريني إن إيران تتدخل في شؤون دول الخليج العربي.", "تتدخل", "BHR",
     "IRN"),
    ("وأكد وزير الخارجية الإماراتي أن العلاقات مع طهران لن تتحسن ما لم تغير إيران سياستها "
     "القائمة على التدخل في شؤون الدول العربية.", "التدخل", "ARE", "IRN"),
    # a charge of a hostile policy said as its content (زعزعة أمن، الراعية للإرهاب)
    ("وقال وزير الخارجية السعودي عادل الجبير إن إيران تواصل زعزعة أمن المنطقة.", "زعزعة",
     "SAU", "IRN"),
])
def test_the_doer_of_a_wrong_is_accused_by_the_speaker(candidates, text, trigger, actor,
                                                       recipient):
    ev = _accusation(candidates, text, trigger)
    assert [e.code for e in ev.actor] == [actor]
    assert [e.code for e in ev.recipient] == [recipient]
