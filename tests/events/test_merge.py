"""One record per event within an article."""

import pytest


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


def test_the_side_a_headline_only_implies_gives_way_to_the_one_the_lead_names(coder):
    # اعتقالات: the police implied; اعتقلت الشرطة العراقية: named
    events = coder.code_article({
        "id": "m2", "title": "اعتقالات في الموصل",
        "text": "اعتقلت الشرطة العراقية اليوم 12 شخصا يشتبه في انتمائهم إلى تنظيم داعش في "
                "مدينة الموصل.",
    })
    coerce = [e for e in events if e.event_type == "COERCE"]
    assert [[a.text for a in e.actor] for e in coerce] == [["الشرطة العراقية"]]


def test_events_with_different_targets_stay_apart(coder):
    events = coder.code_text("قصفت الطائرات الروسية مواقع لتنظيم داعش في دير الزور. "
                             "وقصفت الطائرات الروسية أيضا مواقع لهيئة تحرير الشام في إدلب.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assault) == 2


def test_strikes_on_two_towns_of_one_country_stay_two_events(coder):
    events = coder.code_text("شن طيران التحالف غارات على مواقع ميليشيات الحوثي في محافظة صعدة. "
                             "كما شن طيران التحالف غارات على مواقع ميليشيات الحوثي في محافظة عمران.",
                             date="2015-07-25")
    places = sorted(e.location.name for e in events if e.event_type == "ASSAULT" and e.location)
    assert len(places) == 2 and places[0] != places[1]


def test_two_acts_by_one_side_with_nothing_else_in_common_stay_two_events(coder):
    # the warplanes' raid on a town in Idlib yesterday and the army's shelling of opposition
    # positions: both Syrian, but no party, place or day of their own in common
    events = coder.code_article({
        "id": "m3", "date": "2015-08-04", "title": "قصف في سوريا",
        "text": "قصفت الطائرات الحربية السورية أمس بلدة في ريف إدلب.\n"
                "وقال ناشطون إن قوات النظام السوري قصفت بالمدفعية مواقع المعارضة.",
    })
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 2


def test_a_city_merges_with_the_province_it_lies_in(coder):
    events = coder.code_article({
        "id": "m2", "date": "2015-07-25",
        "title": "غارات للتحالف على الحوثيين في تعز",
        "text": "شن طيران التحالف أمس غارات على مواقع ميليشيات الحوثي في محافظة تعز.",
    })
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1


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


def _many(coder, copies: int, distinct: bool):
    """``copies`` records of one real event, at successive sentences; with ``distinct``,
    each by another named group (so none is the same event as another)."""
    from marsad.doc.records import evolve

    event = next(e for e in coder.code_text("قصفت الطائرات الروسية مواقع لتنظيم داعش في دير الزور.")
                 if e.event_type == "ASSAULT")
    records = []
    for i in range(copies):
        actor = tuple(evolve(a, id=f"group-{i}", code=f"G{i:03d}", kind="non_state_armed")
                      for a in event.actor) if distinct else event.actor
        evidence = tuple(evolve(ev, sentence_index=copies - i) for ev in event.evidence)
        records.append(evolve(event, actor=actor, evidence=evidence))
    return records


def _merged(coder, records):
    """The merger's records from ``records`` (those of one article)."""
    from marsad.doc.document import Document
    from marsad.events.merge import EventMerger
    from marsad.reading.article import Article

    doc = Document.from_article(Article.from_mapping({"id": "m", "text": "x"}), coder.language.normalize)
    doc.events = list(records)
    return EventMerger(coder.resources)(doc).events


def test_a_record_is_compared_with_the_latest_kept_records_only(coder):
    """Work per article stays linear: a record meets at most MERGE_WINDOW kept ones."""
    from marsad.events.merge import MERGE_WINDOW

    first, *others = _many(coder, MERGE_WINDOW + 1, distinct=True)
    # the first event told again after MERGE_WINDOW - 1 other events is merged; after
    # MERGE_WINDOW it is out of reach
    assert len(_merged(coder, [first, *others[:MERGE_WINDOW - 1], first])) == MERGE_WINDOW
    assert len(_merged(coder, [first, *others, first])) == MERGE_WINDOW + 2


def test_a_record_that_absorbs_many_keeps_all_their_evidence_in_order(coder):
    copies = 300
    kept = _merged(coder, _many(coder, copies, distinct=False))
    assert len(kept) == 1
    assert [ev.sentence_index for ev in kept[0].evidence] == list(range(1, copies + 1))


def _two_readings(coder, sentences: tuple[int, int], days: tuple[str, str] | None = None):
    """The records of one strike read twice with different (named) actors, at ``sentences``;
    with ``days``, each record dated on its own day by its text."""
    from marsad.doc.records import evolve

    a, b = _many(coder, 2, distinct=True)
    out = []
    for record, index, day in zip((a, b), sentences, days or (None, None)):
        record = evolve(record, evidence=tuple(evolve(ev, sentence_index=index)
                                               for ev in record.evidence))
        if day:
            record = evolve(record, time={"start": day, "end": day, "precision": "day",
                                          "anchor": "text"})
        out.append(record)
    return out


def test_one_sentence_read_twice_with_different_actors_is_one_record(coder):
    # قصفت الطائرات الروسية مواقع لتنظيم داعش … with its actor read two ways in one sentence
    assert len(_merged(coder, _two_readings(coder, (3, 3)))) == 1
    # the same two readings in sentences 3 and 5 are two groups' strikes: two records
    assert len(_merged(coder, _two_readings(coder, (3, 5)))) == 2


def test_one_sentence_telling_strikes_on_two_days_keeps_two_records(coder):
    records = _two_readings(coder, (3, 3), ("2015-07-20", "2015-07-24"))
    assert len(_merged(coder, records)) == 2



def _article_records(coder, text: str, title: str = "محاكمة المتهمين"):
    """The candidates of an article, merged (no decision: the merger alone is asked)."""
    from marsad.coder import Coder

    candidates = Coder(resources=coder.resources, candidates=True)
    return candidates.code_article({"id": "m-ref", "date": "2015-08-20", "title": title,
                                    "text": text})


def test_a_definite_mention_of_an_attack_told_before_joins_it(coder):
    # the bombing of 3 June is background; "the bombing" of the last sentence, where the
    # governor reads as its actor, is that bombing again, not this week's news
    events = _article_records(
        coder, "بدأت المحكمة اليوم محاكمة خمسة متهمين. "
               "وكان انتحاري قد فجر نفسه في مسجد بالمدينة في 3 يونيو الماضي فقتل 20 مصليا. "
               "وتفقد المحافظ موقع التفجير.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assault) == 1
    assert assault[0].modality == "historical"
    assert {ev.sentence_index for ev in assault[0].evidence} == {2, 3}


def test_a_definite_mention_naming_a_front_of_its_own_stays_apart(coder):
    events = _article_records(
        coder, "اندلعت اشتباكات عنيفة بين المقاومة الشعبية والميليشيات الحوثية. "
               "ومن جهة أخرى تمكن الجيش من السيطرة على مدينة زنجبار بمحافظة أبين.")
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 2


def test_a_place_no_words_name_does_not_keep_two_mentions_apart(coder):
    # قصفت الطائرات الروسية مواقع لتنظيم داعش في دير الزور, told again with a place inferred
    # from the article (Turkey: its country, no offsets): nothing in the text sets them apart
    from marsad.doc.records import Place, evolve

    told, again = _many(coder, 2, distinct=False)
    assert told.location is not None and told.location.start is not None
    inferred = Place("تركيا", None, None, "Turkey", "TUR", None, 298795, 39.0, 35.0, "country",
                     None)
    assert len(_merged(coder, [told, evolve(again, location=inferred)])) == 1
    named = evolve(inferred, start=0, end=5, field="text")
    assert len(_merged(coder, [told, evolve(again, location=named)])) == 2


def test_the_headline_and_the_second_sentence_of_the_lead_are_one_event(coder):
    events = _article_records(
        coder, "شهدت محافظة شمال سيناء تصعيدا أمنيا جديدا خلال الساعات الماضية. "
               "وقالت مصادر أمنية إن عناصر من تنظيم ولاية سيناء هاجموا أمس حاجزا قرب مدينة العريش. "
               "ومن جهة أخرى أعلنت الحكومة موازنة جديدة.",
        title="مقتل خمسة جنود مصريين في سيناء")
    [attack] = [e for e in events if e.event_type == "ASSAULT"]
    assert {(ev.field, ev.sentence_index) for ev in attack.evidence} == {("title", 0), ("text", 2)}


def test_cables_of_two_senders_to_one_president_stay_two_events(coder):
    # the King's cable and the Crown Prince's to the same president, told apart: two senders,
    # two events (the King's cable told again in the second sentence stays one)
    events = _article_records(
        coder, "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة للرئيس "
               "التونسي الباجي قائد السبسي بمناسبة ذكرى إعلان الجمهورية. "
               "وأعرب الملك عن أطيب التهاني بهذه المناسبة. "
               "كما بعث صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل سعود ولي العهد نائب "
               "رئيس مجلس الوزراء وزير الداخلية برقية تهنئة مماثلة للرئيس الباجي قائد السبسي.",
        title="الملك يهنئ الرئيس التونسي")
    support = [e for e in events if e.event_type == "SUPPORT"]
    assert sorted(sorted(ev.sentence_index for ev in e.evidence) for e in support) == [[1, 2], [3]]


def test_a_state_and_its_minister_criticising_one_leader_are_one_event(coder):
    # مصر and its foreign minister: the state and one of its parties, not two parties
    events = _article_records(
        coder, "انتقدت مصر بشدة تصريحات المرشد الأعلى الإيراني علي خامنئي حول المنطقة. "
               "وتناولت الصحف المصرية الصادرة اليوم أزمة المياه في البلاد. "
               "وانتقد وزير الخارجية المصري سامح شكري تصريحات خامنئي في بيان صحفي.",
        title="أزمة المياه في مصر")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert {ev.sentence_index for ev in accuse.evidence} == {1, 3}


def test_one_ministers_statements_told_far_apart_stay_two(coder):
    # a wish for closer ties in the lead and, five sentences on, a visit he will make: two
    # promises (AGREE), not one retold
    text = ("التقى وزير الخارجية السعودي عادل الجبير نظيره الألماني فرانك فالتر شتاينماير في الرياض أمس.\n"
            "وعبر وزير الخارجية الألماني عن حرص الحكومة الألمانية على توثيق علاقاتها مع المملكة.\n"
            "وبحث الجانبان الأوضاع في اليمن وسوريا.\n"
            "وقال الجبير في مؤتمر صحفي إن المملكة تدعم الحل السياسي في سوريا.\n"
            "وأضاف أن الحوثيين يتحملون مسؤولية الأزمة الإنسانية في اليمن.\n"
            "وأشار إلى أن التعاون بين البلدين يشمل مجالات الاقتصاد والتعليم.\n"
            "وأعلن شتاينماير أنه سيزور المملكة مرة أخرى خلال شهر أكتوبر المقبل.")
    events = coder.code_article({"id": "m9", "date": "2015-08-10", "title": "", "text": text})
    promises = [e for e in events if e.event_type == "AGREE" and e.modality == "asserted"]
    assert len(promises) == 2


def test_one_partys_two_attacks_on_different_targets_stay_two(coder):
    # the Houthis' shelling of homes in Aden and, later, their attack on army positions: one
    # party, two events; a repeat (القصف) still joins the first
    text = ("قصفت ميليشيات الحوثي أحياء سكنية في مدينة عدن صباح أمس.\n"
            "وقال سكان إن القصف استمر ساعات وأدى إلى نزوح عشرات الأسر.\n"
            "وفي تطور آخر، هاجمت ميليشيات الحوثي مواقع الجيش اليمني بالمدفعية الثقيلة.")
    events = coder.code_article({"id": "m10", "date": "2015-07-26", "title": "", "text": text})
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assaults) == 2 and [r.code for r in assaults[1].recipient] == ["YEM"]


@pytest.mark.parametrize("later", [
    # هاجم داعش قوات النظام: one of the sides as the target
    "وهاجم تنظيم داعش قوات النظام السوري في ريف حماة.",
    # the army's soldiers killed in its fight with ISIS: casualties of the fight, not a target
    "وقتل تنظيم داعش خمسة من جنود الجيش السوري في ريف حماة.",
])
def test_the_sides_of_a_fight_take_none_of_their_own_as_the_target_from_a_later_mention(
        coder, later):
    # تدور معارك بين قوات النظام وداعش: one fight, both sides the actor, no recipient
    from marsad.events.merge import combine

    fight, = [e for e in coder.code_text(
        "وتدور معارك منذ أيام بين قوات النظام السوري وتنظيم داعش في ريف حماة.") if e.actor]
    mention, = [e for e in coder.code_text(later) if e.event_type == "ASSAULT"]
    merged = combine(fight, mention)
    assert len(merged.actor) == 2 and merged.recipient == ()


def test_a_sentence_opening_on_another_development_tells_a_new_event(coder):
    # the loyalists' attack told "في تطور آخر" shares the army's side, the Houthis and the
    # province with the lead's, but the article says it is another event
    events = coder.code_article({
        "id": "m-new", "date": "2015-08-04", "title": "معارك في لحج",
        "text": "شنت قوات الجيش الوطني اليمني أمس هجوما على مواقع مليشيات الحوثي في محافظة لحج.\n"
                "وقالت مصادر عسكرية إن المعارك استمرت ساعات.\n"
                "وفي تطور آخر، أفادت مصادر عسكرية أن القوات الموالية لهادي هاجمت مواقع الحوثيين "
                "في المحافظة.",
    })
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 2
