"""A rejection answers the charge told just before it (issue 12): the denial names the charge
(تلك التهم), and the accuser is its recipient.

The sentences are written for these tests, in the style of Arabic wire copy (candidates kept:
the denials are words the trained decision weighs, here their roles are read)."""

import pytest

from marsad.coder import Coder


@pytest.fixture(scope="module")
def candidates() -> Coder:
    return Coder(candidates=True)


def _rejections(coder, text):
    return [e for e in coder.code_text(text, date="2015-07-20") if e.event_type == "REJECT"]


def test_a_denial_of_the_charges_told_before_it_is_aimed_at_the_accuser(candidates):
    reject, = _rejections(candidates, "واتهمت الحكومة العراقية إيران بدعم الميليشيات المسلحة، "
                                      "لكن طهران نفت هذه الاتهامات.")
    assert [a.code for a in reject.actor] == ["IRN"]
    assert [r.code for r in reject.recipient] == ["IRQ"]


def test_a_denial_with_no_charge_against_its_speaker_stays_without_recipient(candidates):
    reject, = _rejections(candidates, "واتهمت الحكومة العراقية تنظيم داعش بتفجير السيارة، لكن "
                                      "طهران نفت هذه الاتهامات.")
    assert reject.recipient == ()
