"""Where, when and how many, attached to the event they belong to."""

import pytest


def test_event_takes_the_time_of_its_sentence(coder):
    [ev] = [e for e in coder.code_text("اعتقلت الشرطة الأردنية أمس ثلاثة مهربين.", date="2025-03-14")
            if e.event_type == "COERCE"]
    assert (ev.time["start"], ev.time["end"], ev.time["precision"]) == ("2025-03-13", "2025-03-13", "day")


def test_a_time_in_a_clause_about_something_else_is_not_the_events(coder):
    # "since 28 May" dates the rebels' control of Idlib, not the strike; "since he took office
    # in February" dates the taking of office, not the visit's talks; a relative clause on
    # an event word (الهجوم الذي وقع أمس) still dates the event
    [strike] = [e for e in coder.code_text(
        "قصفت طائرة حربية حيا في أريحا بمحافظة إدلب التي تسيطر عليها فصائل المعارضة منذ 28 مايو الماضي.",
        date="2015-08-04") if e.event_type == "ASSAULT" and e.modality == "asserted"]
    assert strike.time is None or strike.time["start"] != "2015-05-28"
    [visit] = [e for e in coder.code_text(
        "التقى وزير الدفاع الأمريكي آشتون كارتر رئيس الوزراء العراقي حيدر العبادي في زيارته "
        "الأولى منذ تسلمه مهامه في فبراير.", date="2015-07-23") if e.event_type == "CONSULT"]
    assert visit.time is None or visit.time["start"] != "2015-02-01"
    [attack] = [e for e in coder.code_text("قتل ثلاثة جنود في الهجوم الذي وقع أمس في عدن.",
                                           date="2015-08-04") if e.event_type == "ASSAULT"]
    assert attack.time["start"] == "2015-08-03"


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


def test_a_figure_belongs_to_the_event_of_its_clause_only(coder):
    events = coder.code_text("اعتقلت الشرطة العراقية خمسة مشتبه بهم في بغداد، وقصفت الطائرات "
                             "العراقية مواقع لتنظيم داعش في الموصل ما أسفر عن مقتل 20 مسلحا.",
                             date="2025-03-14")
    [arrest] = [e for e in events if e.event_type == "COERCE"]
    [strike] = [e for e in events if e.event_type == "ASSAULT"]
    assert (arrest.casualties["arrested"], arrest.casualties["killed"]) == (5, None)
    assert (strike.casualties["arrested"], strike.casualties["killed"]) == (None, 20)


def test_a_figure_in_one_sentence_is_not_copied_to_the_next_event(coder):
    text = ("قصفت الطائرات السعودية مدينة صعدة اليمنية أمس، ما أسفر عن مقتل 12 مدنيا.\n"
            "وقصفت الطائرات السعودية مدينة حجة، ما أدى إلى مقتل 8 أشخاص.")
    killed = sorted(e.casualties["killed"] for e in coder.code_text(text, date="2025-03-14")
                    if e.event_type == "ASSAULT")
    assert killed == [8, 12]


@pytest.mark.parametrize("total", [
    "وأعلن الجيش اليمني أن 20 شخصا قتلوا في الغارتين.",           # the two strikes told
    "وقتل التحالف 400 يمني منذ بدء الحملة الجوية.",                 # a count since a past point
])
def test_a_total_in_a_later_sentence_does_not_add_to_the_events(coder, total):
    text = ("قصفت الطائرات السعودية مدينة صعدة اليمنية أمس، ما أسفر عن مقتل 12 مدنيا.\n"
            "وقصفت الطائرات السعودية مدينة حجة، ما أدى إلى مقتل 8 أشخاص.\n" + total)
    events = coder.code_text(text, date="2025-03-14")
    assert sum(e.casualties["killed"] or 0 for e in events if e.modality == "asserted") == 20


def test_an_undated_event_of_todays_news_takes_the_lead_time_and_says_so(coder):
    text = ("اعتقلت الشرطة العراقية أمس خمسة مشتبه بهم في بغداد.\n"
            "واتهم وزير الداخلية العراقي تنظيم داعش بالتخطيط لهجمات.")
    events = coder.code_text(text, date="2025-03-14")
    [dated] = [e for e in events if e.event_type == "COERCE"]
    [undated] = [e for e in events if e.event_type == "ACCUSE"]
    assert (dated.time["start"], dated.time["anchor"]) == ("2025-03-13", "publication_date")
    assert dated.time["text"] == "أمس"
    assert (undated.time["start"], undated.time["end"]) == ("2025-03-13", "2025-03-13")
    assert undated.time["anchor"] == "article" and undated.time["text"] is None


def test_an_article_with_no_news_time_leaves_an_undated_event_undated(coder):
    text = ("اعتقلت الشرطة العراقية خمسة مشتبه بهم في بغداد.\n"
            "واتهم وزير الداخلية العراقي تنظيم داعش بالتخطيط لهجمات.")
    events = coder.code_text(text, date="2025-03-14")
    assert [e.time for e in events if e.event_type == "ACCUSE"] == [None]


def test_a_place_from_the_dateline_is_marked_as_inferred(coder):
    events = coder.code_article({"id": "d", "text": "بيروت - (رويترز) - اعتقل الجيش اللبناني ثلاثة مسلحين."})
    [coerce] = [e for e in events if e.event_type == "COERCE"]
    assert coerce.location.name == "Beirut"
    assert (coerce.location.start, coerce.location.end, coerce.location.field) == (None, None, None)


def test_a_country_named_without_a_locative_is_not_the_event_place(coder):
    # the ambassador's country is who was met, not where: the meeting is in the dateline's city
    events = coder.code_article({"id": "d", "date": "2025-03-14", "text": (
        "القاهرة - (أ ف ب) - التقى وزير الخارجية الأردني أمس سفير الولايات المتحدة لمناقشة "
        "الأوضاع.")})
    [meeting] = [e for e in events if e.event_type == "CONSULT"]
    assert (meeting.location.name, meeting.location.start) == ("Cairo", None)


def test_an_event_takes_the_place_of_a_headline_dateline(coder):
    events = coder.code_article({"id": "d", "date": "2015-08-03", "title": "القاهرة: غضب في نقابة الصحفيين",
                                 "text": "تظاهر عشرات الصحفيين المصريين أمس احتجاجا على اعتقال زملائهم."})
    [protest] = [e for e in events if e.event_type == "PROTEST"]
    assert (protest.location.name, protest.location.start) == ("Cairo", None)


def test_a_meeting_takes_the_dateline_not_the_place_it_was_about(coder):
    events = coder.code_article({"id": "d", "date": "2015-08-03", "text": (
        "عمان - (بترا) - التقى وزير الخارجية الأردني ناصر جودة أمس وفدا من حركة حماس لبحث "
        "الأوضاع في قطاع غزة.")})
    [meeting] = [e for e in events if e.event_type == "CONSULT"]
    assert meeting.location.name == "Amman"


def test_a_capital_standing_for_its_government_is_not_the_event_place(coder):
    events = coder.code_article({"id": "d", "date": "2015-08-03", "text": (
        "بغداد - (أ ف ب) - طالب رئيس الأركان الأمريكي رئيس الوزراء العراقي بإبلاغ واشنطن "
        "بالنشاطات الإيرانية.")})
    [request] = [e for e in events if e.event_type == "REQUEST"]
    assert request.location.name == "Baghdad"


def test_a_place_in_the_event_clause_comes_before_one_in_a_later_clause(coder):
    # بمنطقة أضنة (بـ + a place word) in the killing's clause, not Syria in the clause after it
    events = coder.code_text("قتل شرطيان تركيان بالرصاص أمس بمنطقة أضنة جنوب البلاد، بعد إطلاق "
                             "عملية عسكرية تركية ضد المتشددين في سوريا.", date="2015-08-01")
    [killing] = [e for e in events if e.evidence[0].trigger.text == "قتل"]
    assert killing.location.name == "Adana"


def test_a_pledge_takes_the_day_it_was_made_not_the_day_of_what_it_pledges(coder):
    events = coder.code_text("أعلن وزير الخارجية الألماني أنه سيزور المملكة خلال شهر "
                             "سبتمبر المقبل لبحث التعاون بين البلدين.", date="2015-08-10")
    [pledge] = [e for e in events if e.event_type == "AGREE"]
    assert pledge.modality == "asserted"
    assert pledge.time is None or pledge.time["start"] <= "2015-08-10"


def test_a_future_event_takes_the_coming_day_its_sentence_names(coder):
    events = coder.code_text("ومن المقرر أن يلتقي وزير الخارجية الأمريكي جون كيري نظيره الروسي "
                             "سيرغي لافروف في جنيف يوم الأحد لبحث الأزمة السورية.",
                             date="2015-08-11")
    assert [(e.time or {}).get("start") for e in events if e.modality == "future"] == ["2015-08-16"]


def test_a_past_deed_does_not_take_the_later_date_of_what_its_sentence_plans(coder):
    # the trial resumes on 18 October; the killings and arrests are not dated by it
    events = coder.code_text("وقتلت قوات الأمن المئات من أنصار الجماعة في الشوارع وألقت القبض على "
                             "آلاف آخرين، وسوف تستأنف المحاكمة في 18 أكتوبر.", date="2015-08-01")
    assert events
    assert [e.time["text"] for e in events if e.time and e.time["text"]] == []
