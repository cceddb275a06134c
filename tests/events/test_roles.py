"""Actor and recipient from Arabic clause structure (sentences written for these tests)."""

import pytest

import marsad


def _event(coder, text, event_type):
    events = [e for e in coder.code_text(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text}"
    return events[0]


def _codes(entities):
    return [e.code for e in entities]


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # verb first (VSO), direct object
    ("هاجمت القوات الإسرائيلية مقاتلي حركة حماس في غزة.", "ASSAULT", ["ISR"], ["NSA"]),
    # subject first (SVO)
    ("الجيش اللبناني اعتقل عناصر من تنظيم داعش قرب الحدود.", "COERCE", ["LBN"], ["NSA"]),
    # the preposition that marks the recipient (على)
    ("اعتدى مستوطنون إسرائيليون على مزارعين فلسطينيين.", "ASSAULT", ["ISR"], ["PSE"]),
    # ضد
    ("تظاهر آلاف الأتراك ضد الحكومة السويدية.", "PROTEST", ["TUR"], ["SWE"]),
    # a count of a group after a time word: the group is the object, not after a preposition
    ("اعتقلت قوات الأمن العراقية أمس خمسة من عناصر تنظيم داعش.", "COERCE", ["IRQ"], ["NSA"]),
    # مع after an act towards a partner (a counterpart would be a second actor: no host)
    ("اجتمع وزير الخارجية الأردني مع السفير المصري في عمان.", "CONSULT", ["JOR"], ["EGY"]),
])
def test_actor_and_recipient_from_word_order_and_prepositions(coder, text, event_type, actor, recipient):
    ev = _event(coder, text, event_type)
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


@pytest.mark.parametrize("text, actor, recipient", [
    ("تم اعتقال ثلاثة صحفيين أتراك من قبل الشرطة الإيرانية.", ["IRN"], ["TUR"]),
    # من طرف, the agent phrase of the Maghreb press
    ("وتم توقيف ثلاثة صحفيين فرنسيين من طرف الشرطة الجزائرية في العاصمة.", ["DZA"], ["FRA"]),
])
def test_passive_with_agent_phrase(coder, text, actor, recipient):
    ev = _event(coder, text, "COERCE")
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


def test_passive_without_agent_has_no_actor_and_the_owner_is_the_target(coder):
    ev = _event(coder, "هوجمت قافلة تابعة للأمم المتحدة في دارفور.", "ASSAULT")
    assert ev.actor == () and _codes(ev.recipient) == ["IGO"]


def test_compound_actors_are_one_list(coder):
    ev = _event(coder, "اتفقت الأردن ومصر والعراق على ربط شبكات الكهرباء.", "AGREE")
    assert _codes(ev.actor) == ["JOR", "EGY", "IRQ"]


def test_reported_speech_codes_the_embedded_event_and_keeps_who_said_it(coder):
    ev = _event(coder, "قال مسؤول أمريكي إن الطائرات الروسية قصفت مستشفى في حلب.", "ASSAULT")
    assert _codes(ev.actor) == ["RUS"]
    assert ev.attribution is not None and ev.attribution.entity.code == "USA"


def test_pronoun_subject_of_reported_speech_is_the_speaker(coder):
    ev = _event(coder, "أعلنت الحكومة الكندية أنها ستطرد السفير الروسي.", "THREATEN")
    assert _codes(ev.actor) == ["CAN"] and _codes(ev.recipient) == ["RUS"]


def test_dropped_subject_continues_the_previous_sentence(coder):
    events = coder.code_text("وصل الرئيس التركي إلى الدوحة أمس. وأشاد بجهود قطر في الوساطة.")
    support = [e for e in events if e.event_type == "SUPPORT"]
    assert support and _codes(support[-1].actor) == ["TUR"] and _codes(support[-1].recipient) == ["QAT"]


def test_a_clause_after_a_verb_of_saying_with_no_subject_is_the_last_speakers():
    # وأضاف أن … وتابع أنه يطالب: the minister goes on speaking, not the coalition he spoke of;
    # the roles are the rules' (the trained decision, which keeps or drops the call, comes after)
    events = marsad.Coder(decide=False).code_text("قال وزير الخارجية السعودي عادل الجبير إن التحالف حقق أهدافه في "
                             "اليمن. وأضاف أن المفاوضات مستمرة. وتابع أنه يطالب الحوثيين "
                             "بالانسحاب من المدن.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and _codes(request[0].actor) == ["SAU"]
    assert request[0].attribution is not None


def test_a_statement_verb_with_no_subject_is_the_last_speakers_not_his_clauses(coder):
    # وأشاد بـ …: the speaker of the sentence before, not the army he said had shelled
    events = coder.code_text("قال الرئيس اليمني عبد ربه منصور هادي إن الجيش قصف مواقع الحوثيين. "
                             "وأشاد بجهود المملكة العربية السعودية في دعم اليمن.")
    support = [e for e in events if e.event_type == "SUPPORT"]
    assert support and support[0].actor[0].text.startswith("الرئيس اليمني")


@pytest.mark.parametrize("text, event_type", [
    ("قال وزير الخارجية السعودي عادل الجبير إننا نرحب بجهود الكويت في الوساطة.", "SUPPORT"),
    ("قال الرئيس الإيراني حسن روحاني إن الحصار انتهى. وأضاف أنني أدعو الولايات المتحدة إلى "
     "احترام الاتفاق.", "REQUEST"),
])
def test_the_speakers_own_pronoun_after_that_makes_him_the_actor(coder, text, event_type):
    # إننا نرحب، أنني أدعو: "that we", "that I" — the speaker acts
    ev = _event(coder, text, event_type)
    assert ev.actor and ev.actor[0].text.startswith(("وزير الخارجية السعودي", "الرئيس الإيراني"))


def test_a_verb_whose_ending_is_its_subject_takes_the_phrase_after_it_as_object(coder):
    # وطالبا: the dual ending is the subject (the two ministers), الحكومة is the one asked
    events = coder.code_text("اجتمع وزير الخارجية الأردني ونظيره المصري في عمان أمس. وطالبا "
                             "الحكومة الإسرائيلية بوقف الاستيطان في الضفة الغربية.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and _codes(request[0].actor) == ["JOR", "EGY"]
    assert _codes(request[0].recipient) == ["ISR"]


@pytest.mark.parametrize("text, actor, recipient", [
    ("أكد وزير الخارجية الأردني دعم بلاده للحوار. ودعا الحكومة السورية إلى وقف القصف.",
     ["JOR"], ["SYR"]),
    ("قال رئيس الوزراء العراقي إن الوضع خطير. وطالب المنظمات الدولية بتقديم المساعدة للنازحين.",
     ["IRQ"], ["IGO"]),
    # a plural of bodies agrees as a feminine (دعت الدول)
    ("أكد وزير الخارجية الأردني أن الوضع خطير. ودعا الدول العربية إلى وقفة جادة.",
     ["JOR"], ["IGO"]),
    # a feminine head the phrase leaves out (قيادة) agrees the same way
    ("أكد وزير الخارجية الأردني أن الوضع خطير. ودعا قيادة المعارضة السورية إلى توحيد صفوفها.",
     ["JOR"], ["SYR"]),
])
def test_a_feminine_phrase_right_after_a_masculine_verb_is_its_object(coder, text, actor,
                                                                     recipient):
    # ودعا الحكومة: the verb would be دعت for a feminine subject, so the subject is dropped
    ev = _event(coder, text, "REQUEST")
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


def test_two_officials_of_one_side_are_actor_and_recipient(coder):
    # both offices are Egypt's government, named by different words: two parties
    ev = _event(coder, "دعا الرئيس المصري وزير الخارجية المصري إلى زيارة الخرطوم.", "REQUEST")
    assert _codes(ev.actor) == ["EGY"] and _codes(ev.recipient) == ["EGY"]


@pytest.mark.parametrize("text, actor, recipient", [
    ("وأكد الرئيس الفلسطيني محمود عباس أثناء لقائه القنصل الأميركي في القدس أن الاستيطان يهدد "
     "عملية السلام.", ["USA"], ["PSE"]),
    ("وقال وزير الخارجية التركي خلال لقائه أمس وزير الخارجية الإيراني إن البلدين سيعززان "
     "التعاون.", ["IRN"], ["TUR"]),
])
def test_a_meeting_noun_with_a_pronoun_meets_the_speaker_with_the_phrase_after_it(
        coder, text, actor, recipient):
    # لقائه X: the pronoun is the speaker, X the one met (the visitor, the actor in the corpus)
    ev = _event(coder, text, "CONSULT")
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


def test_a_call_received_by_a_subject_with_an_aside_is_made_to_that_subject(coder):
    # تلقى X - حفظه الله - اتصالا من Y: the aside between dashes does not hide the receiver
    ev = _event(coder, "تلقى الملك سلمان بن عبدالعزيز - حفظه الله - اتصالا هاتفيا أمس من الرئيس "
                       "المصري عبد الفتاح السيسي.", "CONSULT")
    assert _codes(ev.actor) == ["EGY"] and _codes(ev.recipient) == ["SAU"]


def test_a_blessing_after_the_subject_does_not_part_it_from_its_act(coder):
    # - حفظه الله - stands outside the clause: with a time word after it, the king still called
    ev = _event(coder, "أجرى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز - حفظه الله -، أمس، "
                       "اتصالاً هاتفياً بالرئيس عبدالفتاح السيسي.", "CONSULT")
    assert _codes(ev.actor) == ["SAU"] and _codes(ev.recipient) == ["EGY"]


def test_a_place_name_closes_the_phrase_of_its_preposition(coder):
    # في محافظة مأرب ends at the place: the Houthis after it are the verb's object
    ev = _event(coder, "توعدت قيادة المقاومة الشعبية في محافظة مأرب المتمردين الحوثيين "
                       "بالملاحقة.", "THREATEN")
    assert _codes(ev.actor) == ["YEM"] and _codes(ev.recipient) == ["NSA"]


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    ("وفي سوريا نفذ التحالف الدولي أربع غارات على مواقع تنظيم داعش.", "ASSAULT", ["IGO"], ["NSA"]),
    ("وفي عدن، قصف الحوثيون بقذائف الهاون حي الدمينة.", "ASSAULT", ["NSA"], []),
    ("وفي برلين دعا وزير الاقتصاد الألماني إلى وضع حد للنقاش حول خروج اليونان.", "REQUEST",
     ["DEU"], []),
])
def test_a_place_fronted_with_a_preposition_after_wa_is_not_the_subject(
        coder, text, event_type, actor, recipient):
    # وفي سوريا، وفي عدن: the preposition behind و governs the place, which is where
    ev = _event(coder, text, event_type)
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


def test_a_phrase_after_the_noun_subject_of_a_verb_is_its_object(coder):
    # البيان is the subject the dictionary has no party for: the government is the one asked,
    # and the statement is the union's, named in the sentence before
    ev = _event(coder, "أدان الاتحاد الأوروبي الهجوم على المدنيين في الموصل. وطالب البيان "
                       "الحكومة العراقية بحماية المدنيين.", "REQUEST")
    assert _codes(ev.actor) == ["IGO"] and _codes(ev.recipient) == ["IRQ"]


def test_the_one_phrase_before_the_charge_is_the_one_charged(coder):
    # كما اتهم X بـ …: an accusation always names the accused; the speaker is the one before
    ev = _event(coder, "قال الرئيس التركي إن بلاده ستواصل الحرب على الإرهاب. كما اتهم حزب "
                       "العمال الكردستاني بالوقوف وراء الهجوم على الجنود.", "ACCUSE")
    assert _codes(ev.actor) == ["TUR"] and _codes(ev.recipient) == ["NSA"]


def test_the_subject_carried_over_is_the_speaker_not_the_one_he_met(coder):
    # عقب لقائه وفدا: the delegation follows the meeting noun; the next sentence's dropped
    # subject is the minister who spoke
    events = coder.code_text("وقال وزير الخارجية المصري عقب لقائه وفدا من الاتحاد الأوروبي إن "
                             "الحوار مستمر. ودعا الحكومة الإسرائيلية إلى وقف الاستيطان.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and _codes(request[0].actor) == ["EGY"]
    assert _codes(request[0].recipient) == ["ISR"]


def test_a_charge_named_after_an_arrest_is_against_the_arrested(coder):
    # بتهمة تهريب الأسلحة: the charge is the police's, against the three Sudanese arrested
    ev = _event(coder, "ألقت الشرطة المصرية القبض على ثلاثة مواطنين سودانيين بتهمة تهريب "
                       "الأسلحة إلى ليبيا.", "ACCUSE")
    assert _codes(ev.actor) == ["EGY"] and _codes(ev.recipient) == ["SDN"]


def test_a_pronoun_after_the_preposition_of_the_act_is_the_party_named_before(coder):
    # واعتدت قوات الاحتلال عليهم: عليهم stands for the prisoners of the sentence before
    events = coder.code_text("نقلت إدارة السجون عشرات الأسرى الفلسطينيين إلى سجن النقب. "
                             "واعتدت قوات الاحتلال الإسرائيلية عليهم بالضرب.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert assault and _codes(assault[0].actor) == ["ISR"]
    assert _codes(assault[0].recipient) == ["PSE"]


def test_offsets_point_into_the_article_text(coder):
    text = "وقالت مصادر أمنية إن القوات العراقية «اعتقلت» ثلاثة مسلحين."
    events = coder.code_text(text)
    assert events and any(ev.actor + ev.recipient for ev in events)
    for ev in events:
        for entity in ev.actor + ev.recipient:
            assert text[entity.start:entity.end] == entity.text
        trigger = ev.evidence[0].trigger
        assert text[trigger.start:trigger.end] == trigger.text


@pytest.mark.parametrize("text, code", [
    ("اعتقلت الشرطة الباكستانية خمسة مشتبه بهم، بحسب وزارة الداخلية الباكستانية.", "PAK"),
    ("قصفت الطائرات الروسية مستشفى في إدلب، وفقا للمرصد السوري لحقوق الإنسان.", "NGO"),
    ("أعلنت وزارة الدفاع الأمريكية أن قواتها دمرت مخزنا للأسلحة.", "USA"),
])
def test_attribution_names_who_reports_the_event(coder, text, code):
    attributed = [e.attribution for e in coder.code_text(text) if e.attribution]
    assert attributed and attributed[0].entity.code == code


def test_a_protest_with_no_one_named_is_by_the_people_against_the_government_of_its_place(coder):
    ev = _event(coder, "انطلقت أمس مظاهرات حاشدة في مدينة البصرة احتجاجا على انقطاع الكهرباء.",
                "PROTEST")
    assert [(e.text, e.code, e.sector) for e in ev.actor] == [(None, "IRQ", "CVL")]
    assert [(e.text, e.code, e.sector) for e in ev.recipient] == [(None, "IRQ", "GOV")]


def test_a_statements_object_after_its_long_subject_and_a_comma(coder):
    ev = _event(coder, "ودعا الخبير الاجتماعي والبيئي الدكتور عبدالرحمن حمزة كماس، المجلس البلدي "
                "بالارتقاء بمستوى الأداء.", "REQUEST")
    assert [e.text for e in ev.actor] == ["الدكتور عبدالرحمن حمزة كماس"]
    assert [e.text for e in ev.recipient] == ["المجلس البلدي"]


@pytest.mark.parametrize("text, event_type, recipient", [
    # a visit to a country: إلى or ل + the place visited is the recipient
    ("بدأ وزير الخارجية الأميركي جون كيري أمس زيارة إلى الدوحة تستمر يومين.", "CONSULT",
     [("الدوحة", "QAT")]),
    ("يقوم وزير الخارجية الأميركي جون كيري بزيارة رسمية لكينيا تستمر يومين.", "CONSULT",
     [("لكينيا", "KEN")]),
    # aid handed out in a place: its people, named by no word (the donor's country never)
    ("ووزعت فرق مركز الملك سلمان للإغاثة مساعدات غذائية في مدينة تعز.", "AID", [(None, "YEM")]),
])
def test_a_visit_or_aid_is_for_the_country_of_its_place(coder, text, event_type, recipient):
    ev = _event(coder, text, event_type)
    assert [(e.text, e.code) for e in ev.recipient] == recipient


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # ـها: a country named earlier in the sentence, not the phrase after the verb
    ("وأشار الرئيس الفلسطيني إلى أن إسرائيل تواصل الاستيطان، واتهمها بتقويض عملية السلام.",
     "ACCUSE", ["PSE"], ["ISR"]),
    # ـه: the man named in the sentence before (received: the visitor is the actor, the host
    # the recipient)
    ("وصل الرئيس السوداني إلى القاهرة أمس. واستقبله الرئيس المصري في قصر الاتحادية.",
     "CONSULT", ["SDN"], ["EGY"]),
])
def test_an_object_pronoun_on_the_verb_is_the_recipient_named_before(coder, text, event_type,
                                                                      actor, recipient):
    ev = _event(coder, text, event_type)
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    # الإليزيه ends in ه as written, not ة: a masculine name, which ـها does not stand for
    ("أكد وزير الخارجية البريطاني أن إيران ستحترم الاتفاق بعد اتصال مع الإليزيه، وطالبها "
     "بوقف تجاربها الصاروخية.", ["IRN"]),
    # الفلسطينيين are people, for ـهم only, not the country ـها stands for
    ("أعلنت إسرائيل اعتقال عشرات الفلسطينيين في الضفة الغربية. وأدانتها الحكومة الأردنية.",
     ["ISR"]),
])
def test_an_object_pronoun_agrees_with_the_written_gender_and_number_of_its_antecedent(
        coder, text, recipient):
    events = [e for e in coder.code_text(text) if e.event_type in ("REQUEST", "ACCUSE")]
    assert events and _codes(events[-1].recipient) == recipient


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # the object is the pronoun after the act's preposition: the forces are the subject
    ("وتجمع المصلون في باحات المسجد الأقصى، واعتدت قوات الاحتلال الإسرائيلية عليهم بالضرب.",
     "ASSAULT", ["ISR"], ["PSE"]),
    # the object is the pronoun on the verb: the president is the subject, not Israel
    ("قصفت إسرائيل مواقع في غزة وقتلت ثلاثة فلسطينيين، واتهمها الرئيس الفلسطيني بارتكاب جرائم "
     "حرب.", "ACCUSE", ["PSE"], ["ISR"]),
])
def test_a_verb_joined_by_wa_whose_object_is_a_pronoun_has_the_phrase_after_it_as_subject(
        coder, text, event_type, actor, recipient):
    ev = _event(coder, text, event_type)
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient



def test_an_adjective_of_origin_ending_the_subject_phrase_is_not_the_object(coder):
    # الأمريكية describes the police of the genitive chain شرطة ولاية نيوجيرسي: the young man is
    # the one arrested
    ev = _event(coder, "اعتقلت شرطة ولاية نيوجيرسي الأمريكية شابا سعوديا بتهمة حيازة أسلحة.",
                "COERCE")
    assert _codes(ev.actor) == ["USA"] and _codes(ev.recipient) == ["SAU"]


@pytest.mark.parametrize("text, actor, recipient", [
    # بالهجمات التركية: Turkey is whose the attacks are, so it is the one welcomed
    ("أكد الرئيس الأمريكي باراك أوباما أن الوضع في المنطقة خطير. كما رحب بالهجمات التركية على "
     "تنظيم داعش.", ["USA"], ["TUR"]),
    ("أكد وزير الخارجية المصري أن الوضع في المنطقة خطير. ورحب بالغارات الأمريكية على مواقع "
     "داعش.", ["EGY"], ["USA"]),
    # بموقف دول التحالف: the genitive of a construct noun after the preposition's noun
    ("وقال رئيس مجلس المقاومة الشعبية في عدن نائف البكري إن المدينة تشهد هدوءا. وأشاد بموقف "
     "دول التحالف العربي في اليمن.", ["YEM"], ["IGO"]),
])
def test_the_genitive_of_a_noun_with_its_preposition_is_not_the_subject(coder, text, actor,
                                                                         recipient):
    # the verb's subject is dropped (the sentence before); the party is the praised deed's
    ev = _event(coder, text, "SUPPORT")
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    ("وجدد وزير الخارجية السعودي تأييد المملكة للحكومة اليمنية الشرعية.", ["YEM"]),
    ("وأكد وزير الخارجية الأمريكي دعم الولايات المتحدة لمصر في حربها على الإرهاب.", ["EGY"]),
])
def test_the_one_supported_is_after_the_supporter_the_act_names(coder, text, recipient):
    # تأييد المملكة للحكومة: the kingdom gives the support (the speaker's side), ل marks whom
    ev = _event(coder, text, "SUPPORT")
    assert _codes(ev.recipient) == recipient


def test_the_visitor_received_is_the_actor_and_the_host_the_recipient(coder):
    # استقبل الملك … الوزير: the minister came to the king (a visit), as real news is annotated
    ev = _event(coder, "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام أمس "
                       "وزير الخارجية المصري سامح شكري.", "CONSULT")
    assert _codes(ev.actor) == ["EGY"] and _codes(ev.recipient) == ["SAU"]


def test_the_speaker_is_not_a_phrase_that_opens_what_he_says(coder):
    # وقال إن «الأشخاص أنفسهم …»، داعيا: the one asking is the speaker of the sentence before,
    # not the people his quotation speaks of
    ev = _event(coder, "قال الرئيس الأمريكي باراك أوباما إن الاتفاق يمنع إيران من امتلاك سلاح "
                "نووي. وقال إن \"الإيرانيين أنفسهم يعرفون أن العقوبات لن تعود\"، داعيا المشرعين "
                "إلى دعم الدبلوماسية.", "REQUEST")
    assert _codes(ev.actor) == ["USA"]


def test_a_participle_of_saying_reports_for_the_main_clauses_speaker():
    # …، مبيناً أن العقوبات ضد إيران ستعود: the threat is the minister's, not that of Iran, the
    # last phrase before the participle (the rules' roles: the decision comes after)
    events = marsad.Coder(decide=False).code_text(
        "وأكد وزير الخارجية الألماني فرانك فالتر شتاينماير تفهمه قلق دول الخليج من الاتفاق "
        "النووي الذي أبرمته إيران مع الدول الكبرى، مبيناً أن العقوبات الاقتصادية ضد إيران ستعود "
        "بشكل أقوى إذا لم تنفذ طهران بنود الاتفاق.")
    sanctions = [e for e in events if any("العقوبات" in ev.trigger.text for ev in e.evidence)]
    assert sanctions and _codes(sanctions[0].actor) == ["DEU"]
    assert _codes(sanctions[0].recipient) == ["IRN"]


def test_a_source_that_reports_an_investigation_is_not_its_investigator(coder):
    # أفادت مصادر قضائية بأن …: the sources only report; the inquiry they mention is not theirs
    events = coder.code_text(
        "أفادت مصادر قضائية الأربعاء بأن قاضيا أرجنتينيا أمر الرئيس السابق كارلوس منعم بالمثول في "
        "16 تشرين الأول/أكتوبر لاستجوابه في إطار تحقيق في صفقات بيع أسلحة غير مشروعة إلى كرواتيا "
        "والإكوادور في تسعينات القرن الماضي.")
    assert events and not [a.text for e in events for a in e.actor if "مصادر" in (a.text or "")]


def test_a_visit_to_a_country_after_lam_is_the_visited_not_the_visitor(coder):
    # في زيارة رسمية لدولة قطر: ل marks where the visit goes, not whose visit it is
    ev = _event(coder, "وصل وزير الخارجية الأردني ناصر جودة إلى الدوحة اليوم في زيارة رسمية "
                "لدولة قطر.", "CONSULT")
    assert _codes(ev.actor) == ["JOR"] and _codes(ev.recipient) == ["QAT"]


def test_the_subjects_title_after_his_name_is_not_the_one_he_receives(coder):
    # استقبل الشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي … أمس وزير الخارجية: the crown prince's
    # title is his apposition; the visitor (the actor of a reception) is the minister after it
    ev = _event(coder, "استقبل الشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي نائب القائد الأعلى "
                "للقوات المسلحة في أبوظبي أمس وزير الخارجية السعودي عادل الجبير.", "CONSULT")
    assert _codes(ev.actor) == ["SAU"] and _codes(ev.recipient) == ["ARE"]


def test_a_participle_after_a_reported_demand_goes_on_with_its_subject():
    # قال المسؤول إن رئيس الأركان الأمريكي طالب …، مهددا: the threat is the general's, whose
    # demand is reported, not the Iraqi official's who reports it (a candidate word: every
    # candidate is kept to read its roles)
    ev = _event(marsad.Coder(candidates=True),
                "وقال مسؤول عراقي إن رئيس الأركان الأمريكي طالب رئيس الوزراء العراقي بإبلاغ "
                "واشنطن بالنشاطات الإيرانية داخل العراق، مهددا بإجراءات أمريكية إذا لم يفعل ذلك.",
                "THREATEN")
    assert _codes(ev.actor) == ["USA"]


def test_the_speaker_goes_on_through_a_sentence_opened_by_a_statement_verb():
    # قال الوزير … . ودعا الدول العربية … . وشدد على أن …، متهما: the minister still speaks two
    # sentences on, not the government he accuses (candidates kept to read their roles)
    events = marsad.Coder(candidates=True).code_text(
        "وقال وزير الخارجية الأردني ناصر جودة إن الاعتداءات على المسجد الأقصى متكررة. ودعا الدول "
        "العربية إلى وقفة جادة لوقف الاعتداءات. وشدد على أن هذا العدوان يحتاج إلى موقف موحد، "
        "متهما الحكومة الإسرائيلية بالوقوف خلف تلك الممارسات.")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and _codes(accuse[0].actor) == ["JOR"] and _codes(accuse[0].recipient) == ["ISR"]


def test_an_honorific_after_the_verb_is_its_subject_not_a_phrase_after_it(coder):
    # وطالب معاليه المجتمع الدولي: his excellency (the minister named before) asks, the
    # international community is asked
    events = coder.code_text("استقبل وزير الخارجية السعودي عادل الجبير وفدا فلسطينيا في الرياض. "
                             "وطالب معاليه المجتمع الدولي بحماية الفلسطينيين من اعتداءات "
                             "المستوطنين الإسرائيليين.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert request and _codes(request[0].actor) == ["SAU"]
    assert _codes(request[0].recipient) == ["IGO"]


def test_the_guest_of_a_reception_named_by_the_hosts_pronoun_is_its_actor():
    # خلال استقباله X: the pronoun is the host, X the guest (the actor of a reception, as the
    # corpus codes a visit); a candidate word, so every candidate is kept to read its roles
    events = marsad.Coder(candidates=True).code_text(
        "وقال وزير النفط الإيراني بيجن زنكنه خلال استقباله وزير الخارجية الفرنسي لوران فابيوس "
        "إن مرحلة جديدة من التعاون ستبدأ قريبا.")
    consult = [e for e in events if e.event_type == "CONSULT"]
    assert consult and _codes(consult[0].actor) == ["FRA"] and _codes(consult[0].recipient) == ["IRN"]


@pytest.mark.parametrize("text, actor, recipient", [
    # the host in his own office: the one he meets is the guest, the actor
    ("اجتمع الأمين العام لمجلس التعاون لدول الخليج العربية عبداللطيف الزياني، في مكتبه بمقر "
     "الأمانة في الرياض اليوم، مع سفير جمهورية اتحاد ميانمار لدى المملكة. وتناول اللقاء "
     "العلاقات بين الجانبين.", ["MMR"], ["IGO"]),
    # the guest of a verb of hosting after the host's honorifics, office and time, past a comma
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود – حفظه الله – في مكتبه "
     "بقصر اليمامة اليوم، رئيس وزراء لبنان الأسبق سعد الحريري. وجرى خلال الاستقبال استعراض "
     "العلاقات بين البلدين.", ["LBN"], ["SAU"]),
])
def test_the_guest_of_a_meeting_in_the_hosts_office_is_the_actor(coder, text, actor, recipient):
    ev = _event(coder, text, "CONSULT")
    assert _codes(ev.actor) == actor and _codes(ev.recipient) == recipient


def test_a_verb_written_like_a_preposition_does_not_govern_its_subject(coder):
    # عبّر (unvocalized: the preposition عبر, "via") is the verb here, its subject right after it
    ev = _event(coder, "بدوره، عبّر مركز الميزان لحقوق الإنسان في غزة عن استنكاره الشديد لقتل "
                       "المواطنة الفلسطينية.", "ACCUSE")
    # the one killed is not the one condemned, and no killer is named (as the training
    # annotations code this sentence)
    assert _codes(ev.actor) == ["NGO"] and _codes(ev.recipient) == []


def test_a_participle_goes_on_with_the_nearest_verbs_subject_not_the_sentences_first(coder):
    ev = _event(coder, "وهدد تنظيم داعش بقتل رئيس البرلمان العراقي، فيما انتقد وزير الخارجية "
                       "الإيراني الحكومة التركية، داعيا إياها إلى وقف دعم الإرهاب.", "REQUEST")
    assert _codes(ev.actor) == ["IRN"] and _codes(ev.recipient) == ["TUR"]


def test_a_participle_after_a_closed_quotation_is_the_speakers(coder):
    ev = _event(coder, 'وقال الرئيس الأميركي باراك أوباما إن "المتشددين في إيران يرفضون الاتفاق '
                       'النووي"، داعيا الكونغرس إلى تأييده.', "REQUEST")
    assert _codes(ev.actor) == ["USA"] and _codes(ev.recipient) == ["USA"]


def test_a_pronoun_on_an_arrests_noun_is_the_one_arrested_named_before(coder):
    # احتجازها: the genitive of a detention is the one detained, here the journalist before it
    ev = _event(coder, "أفرجت السلطات التركية عن الصحافية الهولندية بعد يومين من احتجازها في "
                       "مطار إسطنبول.", "COERCE")
    assert _codes(ev.actor) == ["TUR"] and _codes(ev.recipient) == ["NLD"]


def test_the_doer_of_any_act_may_be_named_by_a_relative_clause_after_it(coder):
    # الزيارة التي قام بها X، الطلب الذي تقدم به X: X made the visit, not only a violent act
    text = "وقال الرئيس المصري إن الزيارة التي قام بها وزير الخارجية الروسي إلى القاهرة كانت ناجحة."
    ev = _event(coder, text, "CONSULT")
    assert [e.code for e in ev.actor] == ["RUS"]


def test_a_plural_adjective_of_origin_after_an_act_is_a_group_of_people_not_its_doer(coder):
    # محاكمة روسيين: the Russians are tried; an act is never a plural «Russian»
    ev = _event(coder, "وأكد المتحدث أن الشرطة البريطانية تريد محاكمة روسيين اثنين بتهمة القتل.",
                "ACCUSE")
    assert "RUS" not in [e.code for e in ev.actor]


def test_a_headlines_second_part_goes_on_with_its_first_subject(coder):
    title = "أبو مازن يدعو لمراجعة شاملة للعلاقات الفلسطينية الإسرائيلية.. ويتهم كيري بالتقصير"
    events = coder.code_article({"title": title, "text": "", "date": "2015-08-10"})
    accused = [e for e in events if e.event_type == "ACCUSE"]
    assert accused and _codes(accused[0].actor) == ["PSE"] and _codes(accused[0].recipient) == ["USA"]


def test_the_first_sides_place_does_not_end_a_fights_sides(coder):
    fight = _event(coder, "اندلعت اشتباكات بين مواطنين من الموصل ومسلحي داعش غرب المدينة.", "ASSAULT")
    assert sorted(_codes(fight.actor)) == ["IRQ", "NSA"] and not fight.recipient


@pytest.mark.parametrize("text", [
    # وافقت X على طلب Y: X meets Y's request (SVO, past a reporting clause)
    "وحسب المسؤول، فإن إسرائيل وافقت على طلب مصر بالسماح بالمزيد من القوات المصرية في سيناء.",
    # VSO, the subject between the verb and its preposition
    "وافقت الحكومة الإسرائيلية على طلب مصر نشر المزيد من القوات في سيناء.",
    # a refusal, the noun right after the verb
    "ورفضت إسرائيل طلب مصر بالسماح بدخول المزيد من القوات إلى سيناء.",
])
def test_a_request_met_or_refused_was_made_to_the_one_who_answers_it(text):
    # the request noun's genitive asked; the subject of the verb that answers it was asked, not
    # a phrase inside what was asked (المزيد من القوات المصرية); a candidate word, so every
    # candidate is kept to read its roles
    request = _event(marsad.Coder(candidates=True), text, "REQUEST")
    assert _codes(request.actor) == ["EGY"] and _codes(request.recipient) == ["ISR"]


@pytest.mark.parametrize("text, event_type, actor", [
    # the noun of an undertaking verb after a preposition: its genitive does the act
    ("ندد الفلسطينيون بقيام الشرطة الإسرائيلية بهدم منزل في القدس.", "ASSAULT", ["ISR"]),
    ("أشاد الرئيس اليمني بنجاح القوات الحكومية في تحرير مدينة عدن.", "ASSAULT", ["YEM"]),
])
def test_the_genitive_of_an_undertaking_noun_does_the_act_it_governs(text, event_type, actor):
    # not the subject of the sentence that praises or condemns it (a candidate word: every
    # candidate is kept to read its roles)
    ev = _event(marsad.Coder(candidates=True), text, event_type)
    assert _codes(ev.actor) == actor


@pytest.mark.parametrize("text, event_type, actor", [
    # the noun of a verb of doing after a preposition: its genitive carried out the act noun
    # that is its object
    ("وأعلنت القيادة عن تنفيذ التحالف ضربات جوية على مواقع الحوثيين.", "ASSAULT", ["IGO"]),
    ("وتزامن ذلك مع إطلاق الحوثيين قذائف على مدينة نجران.", "ASSAULT", ["NSA"]),
    # without a preposition: not the country where the act was done
    ("وأدان الوزير تنفيذ تنظيم داعش هجوما على مسجد في الكويت.", "ASSAULT", ["NSA"]),
])
def test_the_doer_of_a_verb_of_doing_does_the_act_noun_it_governs(text, event_type, actor):
    ev = _event(marsad.Coder(candidates=True), text, event_type)
    assert _codes(ev.actor) == actor


def test_the_words_of_a_time_between_a_verb_of_doing_and_its_act_do_not_cut_the_doer_off():
    # نفذت X في ساعة متأخرة من مساء أمس وعقب فجر اليوم الأحد غارات: eleven words, seven of time
    text = ("وأفاد سكان بأن طائرات التحالف الحربية نفذت في ساعة متأخرة من مساء أمس وعقب فجر "
            "اليوم الأحد غارات قرب صنعاء.")
    assert _codes(_event(marsad.Coder(candidates=True), text, "ASSAULT").actor) == ["IGO"]


def test_a_genitive_is_read_only_right_after_the_noun_of_doing():
    # بارتكاب جرائم حرب في اليمن: the country where crimes were committed did not commit them
    text = "اتهمت المنظمة الحوثيين بارتكاب جرائم حرب في اليمن من خلال استهدافهم للمدنيين."
    events = [e for e in marsad.Coder(candidates=True).code_text(text) if e.event_type == "ASSAULT"]
    assert all("YEM" not in _codes(e.actor) for e in events)


def test_an_aside_between_dashes_after_the_subject_is_passed_over():
    # the news agency and the spokesman set apart by dashes are no object of the refusal
    text = "ورفض الرئيس اليمني -في تصريح لوكالة الأنباء اليمنية نقله المتحدث باسم الرئاسة- مبادرة الحوثيين."
    refusal = _event(marsad.Coder(candidates=True), text, "REJECT")
    assert _codes(refusal.actor) == ["YEM"] and _codes(refusal.recipient) == ["NSA"]


def test_a_participle_of_going_shares_the_subject_of_its_clause():
    # وقال، لدى مغادرته الرياض متوجها إلى مصر: the minister of the sentence before heads to
    # Egypt (candidates kept to read their roles)
    visit = _event(marsad.Coder(candidates=True),
                   "أكد وزير الخارجية اليمني رياض ياسين أن الحكومة ستعود إلى عدن قريبا. وقال، في "
                   "تصريح لدى مغادرته الرياض متوجها إلى مصر، إن المقاومة لن تتوقف.", "CONSULT")
    assert _codes(visit.actor) == ["YEM"] and _codes(visit.recipient) == ["EGY"]
