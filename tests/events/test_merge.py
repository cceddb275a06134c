"""One record per event within an article."""


def test_headline_and_lead_telling_one_event_give_one_record(coder):
    events = coder.code_article({
        "id": "m1",
        "title": "الشرطة العراقية تعتقل خمسة مسلحين في الموصل",
        "text": "اعتقلت الشرطة العراقية أمس خمسة مسلحين من تنظيم داعش في الموصل.\n"
                "وقال مصدر أمني إن الاعتقالات جرت في حي الزهور.",
    })
    coerce = [e for e in events if e.event_type == "COERCE"]
    assert len(coerce) == 1
    fields = {ev.field for ev in coerce[0].evidence}
    assert fields == {"title", "text"}


def test_events_with_different_targets_stay_apart(coder):
    events = coder.code_text("قصفت الطائرات الروسية مواقع لتنظيم داعش في دير الزور. "
                             "وقصفت الطائرات الروسية أيضا مواقع لهيئة تحرير الشام في إدلب.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assault) == 2


def test_merged_record_keeps_the_qualified_count(coder):
    from marsad.doc.records import Event
    from marsad.events.merge import combine

    base = Event("e", "a", "ar", "ASSAULT", None, (), None, (), (), (), 0.5, {})
    bare = base.__class__(**{**base.__dict__, "quantity": {"count": 22, "qualifier": None,
                                                           "unit": "operation", "text": "22 عملية"}})
    qualified = base.__class__(**{**base.__dict__, "quantity": {"count": 22, "qualifier": "more_than",
                                                                "unit": "operation",
                                                                "text": "أكثر من 22 عملية"}})
    assert combine(bare, qualified).quantity["qualifier"] == "more_than"
