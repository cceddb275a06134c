"""Aid that arrives in a state is aid to that state (issue 12): news names the port or the
airport, an analyst codes the state that receives it.

The sentences are written for these tests, in the style of Arabic wire copy."""


def _aid(coder, text):
    events = [e for e in coder.code_text(text, date="2015-07-22") if e.event_type == "AID"]
    assert events, f"no AID in {text}"
    return events[0]


def test_aid_arriving_at_a_port_no_gazetteer_knows_is_received_by_the_articles_state(coder):
    # ميناء المعلا is Aden's port: the sentence names no place the gazetteer knows, the
    # article is about Aden
    aid = _aid(coder, "تواصل الحكومة اليمنية جهود الإغاثة في عدن. ووصلت سفينة سعودية محملة "
                      "بأربعة آلاف طن من المساعدات الغذائية قبيل الظهر إلى ميناء المعلا.")
    assert [a.code for a in aid.actor] == ["SAU"]
    assert [(r.code, r.text) for r in aid.recipient] == [("YEM", None)]


def test_aid_delivered_within_its_donors_own_country_names_no_recipient(coder):
    aid = _aid(coder, "ووصلت قافلة مساعدات سعودية الى محافظة جازان.")
    assert aid.recipient == ()
