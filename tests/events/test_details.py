"""Where, when and how many, attached to the event they belong to."""


def test_event_takes_the_time_of_its_sentence(coder):
    [ev] = [e for e in coder.code_text("اعتقلت الشرطة الأردنية أمس ثلاثة مهربين.", date="2025-03-14")
            if e.event_type == "COERCE"]
    assert (ev.time["start"], ev.time["end"], ev.time["precision"]) == ("2025-03-13", "2025-03-13", "day")


def test_without_a_publication_date_relative_time_stays_unresolved(coder):
    [ev] = [e for e in coder.code_text("اعتقلت الشرطة الأردنية أمس ثلاثة مهربين.")
            if e.event_type == "COERCE"]
    assert ev.time["anchor"] == "unresolved" and ev.time["start"] is None


def test_event_takes_its_figures_and_casualties(coder):
    [ev] = [e for e in coder.code_text("شنت الطائرات الأمريكية أكثر من 15 غارة على مواقع لتنظيم داعش، "
                                       "ما أسفر عن مقتل 30 مسلحا وإصابة 12 آخرين.")
            if e.event_type == "ASSAULT"]
    assert (ev.quantity["count"], ev.quantity["qualifier"], ev.quantity["unit"]) == (15, "more_than", "strike")
    assert (ev.casualties["killed"], ev.casualties["injured"]) == (30, 12)


def test_a_place_inferred_from_the_article_has_no_offsets(coder):
    text = "وصلت قوات سورية إلى حلب أمس.\nوأعلنت الحكومة السورية أن القوات اعتقلت مسلحين."
    located = [e.location for e in coder.code_text(text) if e.location]
    assert located
    for place in located:
        assert (place.start is None) == (place.field is None)
