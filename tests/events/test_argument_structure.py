"""Actor and recipient from the clause in sentences news writes often (issue 12 item 2).

The sentences are written for these tests, in the style of Arabic wire copy."""

import pytest


def _events(coder, text, event_type):
    events = [e for e in coder.code_text(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text}"
    return events


def _codes(entities):
    return sorted(e.code for e in entities)


def test_killed_with_no_killer_named_is_a_victim_not_the_actor(coder):
    # قُتل (unvocalized: the letters of the active قتل) with one phrase after it: the phrase is
    # who was killed
    events = _events(coder, "قتل صحافي عراقي في انفجار عبوة ناسفة ببغداد أمس.", "ASSAULT")
    killed = [e for e in events if e.evidence[0].trigger.text == "قتل"]
    assert killed and killed[0].actor == () and _codes(killed[0].recipient) == ["IRQ"]


def test_active_killing_keeps_subject_and_object(coder):
    ev = _events(coder, "قتلت الشرطة الأفغانية مسلحين اثنين في ولاية هلمند.",
                 "ASSAULT")[0]
    assert _codes(ev.actor) == ["AFG"] and ev.recipient


def test_attack_of_a_group_written_with_lam_names_the_attacker(coder):
    # هجوم لداعش: the genitive with ل after an act whose genitive is its doer
    events = _events(coder, "أصيب ثلاثة جنود عراقيين في هجوم لتنظيم داعش على حاجز قرب الموصل.",
                     "ASSAULT")
    attack = [e for e in events if "هجوم" in e.evidence[0].trigger.text]
    assert attack and _codes(attack[0].actor) == ["NSA"]


def test_strike_from_helicopters_has_the_helicopters_as_actor(coder):
    # قصف … من الطيران المروحي التابع للنظام: من + the striker after the act
    events = _events(coder, "قتلت سيدة وأصيب طفلان جراء قصف من الطيران المروحي التابع للنظام "
                     "السوري على بلدة في ريف حماة.", "ASSAULT")
    assert any(_codes(e.actor) == ["SYR"] for e in events)
    assert not any(_codes(e.actor) == ["UNK"] or "سيدة" in [a.text for a in e.actor]
                   for e in events)


def test_killed_by_the_bullets_of_a_force(coder):
    # برصاص X، بنيران X: the shooter of a passive killing
    ev = _events(coder, "استشهد شاب فلسطيني برصاص قوات الاحتلال الإسرائيلي قرب رام الله.",
                 "ASSAULT")[0]
    assert _codes(ev.actor) == ["ISR"] and _codes(ev.recipient) == ["PSE"]


def test_reporting_an_event_noun_does_not_make_the_reporter_its_actor(coder):
    # أعلنت وزارة الصحة مقتل …: the ministry reports the deaths, it did not kill
    events = _events(coder, "أعلنت وزارة الصحة الفلسطينية مقتل ثلاثة مدنيين في غارة على غزة.",
                     "ASSAULT")
    assert all("PSE" not in _codes(e.actor) for e in events)


def test_clashes_between_two_sides_have_both_as_actor_and_no_recipient(coder):
    ev = _events(coder, "اندلعت اشتباكات عنيفة بين الجيش اليمني ومسلحي جماعة الحوثي في تعز.",
                 "ASSAULT")[0]
    assert len(ev.actor) == 2 and ev.recipient == ()


def test_clashing_with_someone_makes_them_a_side_not_a_target(coder):
    ev = _events(coder, "اشتبكت القوات الصومالية مع مسلحي حركة الشباب قرب مقديشو.",
                 "ASSAULT")[0]
    assert len(ev.actor) == 2 and ev.recipient == ()


def test_a_second_verb_joined_by_wa_keeps_the_first_subject(coder):
    # هاجمت القوات X وقتلت Y: the object of the first verb is not the subject of the second
    events = _events(coder, "هاجمت القوات التركية مواقع لحزب العمال الكردستاني وقتلت عشرة "
                     "مسلحين.", "ASSAULT")
    assert events and all(_codes(e.actor) == ["TUR"] for e in events)


def test_the_clause_of_a_later_verb_is_not_the_object(coder):
    # قتل ضابط واصيب جنديان: the wounded of the next clause are not whom the officer killed
    events = _events(coder, "قتل ضابط مصري وأصيب جنديان في هجوم لمسلحين بشمال سيناء.",
                     "ASSAULT")
    killed = [e for e in events if e.evidence[0].trigger.text == "قتل"]
    assert killed and _codes(killed[0].recipient) == ["EGY"]
    assert all(a.kind == "non_state_armed" for a in killed[0].actor)   # the gunmen, or no one


def test_a_bombing_with_no_one_named_is_by_an_unnamed_armed_group(coder):
    # ANNOTATION.md: an implied actor has no text of its own, only a code
    ev = _events(coder, "أسفر تفجير انتحاري استهدف سوقا شعبية في بغداد أمس عن مقتل خمسة أشخاص.",
                 "ASSAULT")[0]
    assert [a.kind for a in ev.actor] == ["non_state_armed"] and ev.actor[0].text is None


def test_an_arrest_with_no_agent_is_by_the_police_of_the_country(coder):
    ev = _events(coder, "تم اعتقال ثلاثة مواطنين سعوديين في الرياض بتهمة تهريب المخدرات.",
                 "COERCE")[0]
    assert [(a.code, a.sector) for a in ev.actor] == [("SAU", "COP")]
    # the contract: an implied actor's text is null in the record, not an empty string
    assert ev.to_dict()["actor"][0]["text"] is None


def test_a_deed_called_terrorist_with_no_doer_named_accuses_an_unnamed_armed_group(coder):
    text = ("استهدف تفجير انتحاري مسجد قوات الطوارئ في مدينة أبها أمس أثناء صلاة الظهر. وقتل في "
            "التفجير 15 شخصا بينهم 12 من رجال الأمن. وقال أمير منطقة عسير الأمير فيصل بن خالد إن "
            "هذا العمل الإرهابي الجبان ينم عن فكر فاسد هدفه زعزعة أمن البلد.")
    accuse = _events(coder, text, "ACCUSE")[0]
    assert [(r.code, r.text) for r in accuse.recipient] == [("NSA", None)]


def test_an_arrest_told_by_its_noun_alone_is_by_the_police_of_the_place(coder):
    ev = _events(coder, "وتحدثت المصادر عن اعتقال ثلاثة ناشطين في القاهرة.", "COERCE")[0]
    assert [(a.code, a.sector, a.text) for a in ev.actor] == [("EGY", "COP", None)]


def test_a_seizure_of_suspects_with_no_place_in_its_sentence_is_by_the_articles_police(coder):
    # تم القبض على …: a word of several acts (a candidate), its sentence naming no place; the
    # article's places are Kuwait's
    events = coder.code_article({
        "id": "k1", "date": "2015-08-10", "title": "خلية إرهابية",
        "text": "تم القبض على خمسة متهمين بالانتماء إلى تنظيم داعش.\nوكان المتهمون يخططون "
                "لتفجير مساجد في مدينة الجهراء شمال الكويت.\nوأضاف المصدر أن التحقيقات مستمرة."})
    ev = next(e for e in events if e.event_type == "COERCE")
    assert [(a.code, a.sector, a.text) for a in ev.actor] == [("KWT", "COP", None)]


def test_a_source_that_reports_an_act_is_not_its_doer(coder):
    # أفاد مصدر أمني بـ …: the source is attribution, the act's doer is not named by it
    ev = _events(coder, "وأفاد مصدر أمني عراقي بإصابة أربعة أشخاص بانفجار عبوة ناسفة في سوق "
                 "شعبي جنوبي بغداد.", "ASSAULT")[0]
    assert "مصدر" not in " ".join(a.text or "" for a in ev.actor)
    assert ev.attribution is not None and "مصدر أمني" in ev.attribution.text


@pytest.mark.parametrize("text", [
    "وذكر المرصد ومقره بريطانيا أن الغارات الجوية قصفت مواقع لجبهة النصرة قرب بلدة أعزاز.",
    "وقالت الهيئة ومقرها لندن إن الغارات الجوية قصفت مواقع للمسلحين في ريف إدلب أمس.",
    "وذكر المرصد الذي مقره بريطانيا أن الغارات الجوية قصفت مواقع لجبهة النصرة قرب بلدة أعزاز.",
])
def test_the_seat_of_a_source_does_not_report_nor_strike(coder, text):
    """ومقره بريطانيا describes the source; the strikes have no doer in the sentence."""
    ev = _events(coder, text, "ASSAULT")[0]
    assert ev.actor == () and _codes(ev.recipient) == ["NSA"]


def test_a_quotation_after_a_verb_of_saying_has_its_own_subject(coder):
    # قال X «فعل Y …»: the quotation is reported speech, X its attribution, Y the actor
    ev = _events(coder, "وقال قائد الشرطة المحلية لوكالة الأنباء الألمانية «خطف مسلحو تنظيم "
                 "القاعدة ثلاثة جنود يمنيين قرب المكلا».", "ASSAULT")[0]
    assert _codes(ev.actor) == ["NSA"] and ev.attribution is not None
    assert "قائد الشرطة" in ev.attribution.text


@pytest.mark.parametrize("text, recipient", [
    # the doer named in the condemned act's genitive, even with ب on the act
    ("ندد وزير الخارجية الأردني بهجمات المستوطنين على قرى الضفة الغربية.", ["ISR"]),
    ("أدانت الحكومة العراقية هجوم داعش على سجن في محافظة ديالى.", ["NSA"]),
    # a terrorist bombing with no one named: the unnamed armed group, not the mosque it hit
    ("وأدان وزير الداخلية الكويتي بشدة التفجير الإرهابي الذي استهدف مسجدا في مدينة أبها.",
     ["NSA"]),
    # a deed that is no event word: its doer named by a relative clause with a verb of doing
    ("أدانت وزارة الخارجية المصرية الجريمة البشعة التي ارتكبها مستوطنون إسرائيليون في قرية دوما.",
     ["ISR"]),
    ("واستنكر رئيس البرلمان العراقي ما تقوم به قوات الاحتلال الإسرائيلي في القدس.", ["ISR"]),
    # issued by: الصادرة عن X
    ("واستنكرت وزارة الخارجية البحرينية التصريحات الصادرة عن المسؤولين الإيرانيين.", ["IRN"]),
    # a criminal deed with no doer named, after a long subject: the unnamed armed group
    ("أدان رئيس مجلس النواب البحريني أحمد بن إبراهيم الملا العمل الإجرامي الذي استهدف مصلين "
     "في الكويت.", ["NSA"]),
    # the party right after the word for the deed (its genitive)
    ("أعرب وزير الخارجية البحريني عن استنكاره الشديد لتصريحات المسؤولين الإيرانيين الأخيرة.",
     ["IRN"]),
    # asides between the condemnation and the deed
    ("واستنكر نقيب الأشراف في مصر، الشيخ محمود الشريف، في تصريح له أمس، الهجوم الإرهابي الذي "
     "استهدف مسجدا في مدينة أبها.", ["NSA"]),
])
def test_a_condemnation_is_aimed_at_the_doer_of_the_condemned_act(coder, text, recipient):
    ev = _events(coder, text, "ACCUSE")[0]
    assert _codes(ev.recipient) == recipient


def test_a_headline_source_is_not_the_doer_of_the_news_it_gives(coder):
    # «X: مقتل …» — X gives the news; X's own act would be a verb (الجيش: قتلنا …)
    ev = _events(coder, "العراق: مقتل سبعة جنود وإصابة ثلاثة في هجوم على نقطة تفتيش", "ASSAULT")[0]
    assert "العراق" not in [a.text for a in ev.actor]
    assert ev.attribution is not None and ev.attribution.text == "العراق"


def test_a_terrorist_bombing_with_no_target_named_was_done_to_the_country_it_hit(coder):
    # ANNOTATION.md: the victims as recipient; a bombing in Mosul hit the people of Iraq (the
    # text names no victims: with أسفر عن مقتل سبعة أشخاص the seven would be its recipient)
    ev = _events(coder, "وقع تفجير إرهابي في سوق للخضار بمدينة الموصل أمس.", "ASSAULT")[0]
    assert [a.kind for a in ev.actor] == ["non_state_armed"]
    assert [(r.code, r.text) for r in ev.recipient] == [("IRQ", None)]


def test_an_implied_police_actor_carries_its_country(coder):
    # contract: a state entity's country equals its code, implied or not
    ev = _events(coder, "تم اعتقال خمسة أشخاص في مدينة الدمام بتهمة تهريب الأسلحة.", "COERCE")[0]
    assert [(a.code, a.country, a.text) for a in ev.actor] == [("SAU", "SAU", None)]


@pytest.mark.parametrize("text", [
    "تقدمت القوات الحكومية في ريف المدينة بعد معارك عنيفة مع الحوثيين.",
    "وتتواصل المواجهات مع مسلحي تنظيم داعش في محيط المصفاة.",
])
def test_the_other_side_of_a_fight_is_one_of_the_actors_not_a_recipient(coder, text):
    # PLOVER and ANNOTATION.md: both sides of a clash are the actor, there is no recipient
    ev = _events(coder, text, "ASSAULT")[0]
    assert "NSA" in _codes(ev.actor) and ev.recipient == ()


def test_a_participle_of_circumstance_shares_the_main_clauses_subject(coder):
    # وأكد X …، مطالبا Y بـ …: X demands it of Y (Y is the object, not the subject)
    ev = _events(coder, "وأكد وزير الخارجية السعودي دعم بلاده للحكومة الشرعية، مطالبا إيران "
                 "بالكف عن التدخل في شؤون اليمن.", "REQUEST")[0]
    assert _codes(ev.actor) == ["SAU"] and _codes(ev.recipient) == ["IRN"]


def test_a_person_coded_by_a_state_carries_that_state_as_country(coder):
    # contract, ENTITY: for state entities country equals code — a minister named alone too
    ev = _events(coder, "وأعلن شتاينماير أنه سيزور الرياض الشهر المقبل.", "AGREE")[0]
    assert [(a.code, a.country) for a in ev.actor] == [("DEU", "DEU")]


def test_a_country_across_the_border_is_where_not_whom(coder):
    # الحدود مع سوريا: the border is where the attack was, Syria is not its target
    ev = _events(coder, "هاجم مسلحون من حزب العمال الكردستاني نقطة للجيش التركي قرب الحدود مع "
                 "العراق.", "ASSAULT")[0]
    assert "IRQ" not in _codes(ev.recipient)


def test_a_call_received_is_aimed_at_the_receiver(coder):
    # تلقى X اتصالا من Y: Y called X
    ev = _events(coder, "تلقى ولي العهد السعودي اتصالا هاتفيا مساء أمس من أمير قطر الشيخ تميم "
                 "بن حمد.", "CONSULT")[0]
    assert _codes(ev.actor) == ["QAT"] and _codes(ev.recipient) == ["SAU"]


def test_a_caller_named_with_a_style_of_address_is_the_doer_of_the_call(coder):
    # من جلالة الملك …: the style of address does not cut the caller off from من
    ev = _events(coder, "تلقى رئيس الوزراء العراقي اتصالا هاتفيا اليوم من جلالة الملك عبدالله "
                 "الثاني ملك الأردن بحثا فيه العلاقات الثنائية.", "CONSULT")[0]
    assert _codes(ev.actor) == ["JOR"] and _codes(ev.recipient) == ["IRQ"]


def test_an_execution_with_no_executor_named_is_by_the_state_where_it_happened(coder):
    ev = _events(coder, "وقد تم تنفيذ حكم القتل تعزيرا بالجاني في مدينة جدة صباح اليوم.",
                 "ASSAULT")[0]
    assert [(a.code, a.sector, a.text) for a in ev.actor] == [("SAU", "GOV", None)]


def test_a_participle_of_circumstance_after_reported_speech_is_the_speakers(coder):
    # أكد X أن Y …، مطالبا Z: the call is X's, not the reported clause's subject Y
    ev = _events(coder, "أكد وزير الخارجية السعودي أن الميليشيات الحوثية تواصل هجماتها على المدن "
                 "اليمنية، مطالبا المجتمع الدولي بالضغط عليها.", "REQUEST")[0]
    assert _codes(ev.actor) == ["SAU"] and _codes(ev.recipient) == ["IGO"]


@pytest.mark.parametrize("text", [
    # وأضاف: «…»، مطالبا Y: the verb of saying has no subject (the phrase in the quotation is
    # not one); the speaker is the one before
    "قال وزير الخارجية الأردني ناصر جودة إن الوضع في القدس خطير. وأضاف: «لا نقبل بما تفعله "
    "الحكومة الإسرائيلية هناك»، مطالبا المجتمع الدولي بالتحرك الفوري لوقف الانتهاكات.",
    # a participle that opens its sentence goes on with the sentence before
    "وأكد وزير الخارجية الأردني ناصر جودة أن الوضع في القدس خطير.\nمطالبا المجتمع الدولي "
    "بالتحرك الفوري لوقف الانتهاكات.",
])
def test_a_participle_whose_main_clause_has_no_subject_is_the_speaker_befores(coder, text):
    ev = _events(coder, text, "REQUEST")[0]
    assert _codes(ev.actor) == ["JOR"] and _codes(ev.recipient) == ["IGO"]


def test_a_call_in_the_first_person_is_the_speakers_and_the_phrase_after_it_the_one_asked(coder):
    # «نطالب الأمم المتحدة بـ …»: the subject is in the verb's prefix (the speaker of the
    # quotation, named before); the phrase after the verb is whom the call is made to
    ev = _events(coder, "وقال رئيس الوزراء العراقي حيدر العبادي إن الحكومة ماضية في الإصلاحات. "
                 "وأضاف: «نطالب الأمم المتحدة بإرسال مساعدات عاجلة إلى النازحين».", "REQUEST")[0]
    assert _codes(ev.actor) == ["IRQ"] and _codes(ev.recipient) == ["IGO"]


def test_a_call_in_the_first_person_singular_is_the_speakers(coder):
    # «أطالب الأمم المتحدة بـ …»: أ is the speaker, as ن is in نطالب; the phrase after the verb
    # is the one asked, not the one asking
    ev = _events(coder, "وقال رئيس الوزراء العراقي حيدر العبادي إن الحكومة ماضية في الإصلاحات. "
                 "وأضاف: «أطالب الأمم المتحدة بإرسال مساعدات عاجلة إلى النازحين».", "REQUEST")[0]
    assert _codes(ev.actor) == ["IRQ"] and _codes(ev.recipient) == ["IGO"]


def test_an_obligation_after_an_aside_is_the_speakers(coder):
    # قال X، في كلمة …، إن أي حوار … يجب أن …: the demand is X's though words stand between
    ev = _events(coder, "وقال الرئيس اليمني عبد ربه منصور هادي، في كلمة أمام قادة الجيش، إن أي "
                 "حوار مع المتمردين يجب أن يبدأ بتنفيذ القرار الأممي.", "REQUEST")[0]
    assert _codes(ev.actor) == ["YEM"]


def test_a_relative_clause_verb_has_the_phrase_before_the_pronoun_as_subject(coder):
    # X الذي اتهم Y: X accuses Y (Y after the verb is its object, not its subject)
    ev = _events(coder, "ورفض المجلس الوطني تصريحات نائب الرئيس العراقي نوري المالكي الذي اتهم "
                 "المملكة العربية السعودية بدعم الإرهاب.", "ACCUSE")[0]
    assert _codes(ev.actor) == ["IRQ"] and _codes(ev.recipient) == ["SAU"]


def test_a_rejected_statement_is_aimed_at_the_one_who_made_it(coder):
    ev = _events(coder, "ورفض وزير الخارجية القطري التصريحات التي أدلى بها الرئيس المصري حول "
                 "الأزمة الليبية.", "REJECT")[0]
    assert _codes(ev.actor) == ["QAT"] and _codes(ev.recipient) == ["EGY"]


@pytest.mark.parametrize("text, recipient", [
    # the doer named by a relative clause with a verb of doing (قدمه، تقدمها، تقوم به)
    ("وأشاد وزير الخارجية اليمني بالدعم الكبير الذي قدمته المملكة العربية السعودية لبلاده.",
     ["SAU"]),
    ("وثمن الرئيس اليمني الجهود التي تبذلها دولة الإمارات في تحرير عدن.", ["ARE"]),
    # a head word before the doer the dictionary names (دول التحالف)
    ("وأعرب الرئيس اليمني عن سعادته بالانتصارات، مشيدا بالدور الإيجابي الذي تقوم به دول التحالف.",
     ["IGO"]),
    # the party right after the word for the deed (its genitive)
    ("ورحب وزير الخارجية الأردني بموقف الحكومة المصرية من الأزمة.", ["EGY"]),
])
def test_praise_of_a_deed_is_aimed_at_the_one_who_did_it(coder, text, recipient):
    ev = _events(coder, text, "SUPPORT")[0]
    assert _codes(ev.recipient) == recipient


@pytest.mark.parametrize("text, event_type, recipient", [
    # a verb of calling for names the doer of the deed, like a verb of doing
    ("ورحب وزير الخارجية الكويتي بالهدنة الإنسانية التي دعت إليها المملكة العربية السعودية في "
     "اليمن.", "SUPPORT", ["SAU"]),
    # the doer may come after a phrase of place or time in the relative clause
    ("وانتقد وزير الخارجية الجزائري رمطان لعمامرة التصريحات التي أدلى بها حول الجزائر الرئيس "
     "الفرنسي السابق نيكولا ساركوزي.", "ACCUSE", ["FRA"]),
    # a protest against a deed is aimed at its doer, not at the government where it is held
    ("وتظاهر آلاف الأتراك في إسطنبول احتجاجا على الغارات التي تشنها الطائرات الروسية في سوريا.",
     "PROTEST", ["RUS"]),
])
def test_a_deed_named_by_a_relative_clause_is_aimed_at_its_doer(coder, text, event_type,
                                                                 recipient):
    ev = _events(coder, text, event_type)[0]
    assert _codes(ev.recipient) == recipient


@pytest.mark.parametrize("text", [
    "وقال الرئيس التركي رجب طيب أردوغان خلال زيارة إلى إندونيسيا إن بلاده عانت من خسائر كبيرة.",
    # the circumstance first, the speaker after it
    "وخلال زيارة إلى إندونيسيا، قال الرئيس التركي رجب طيب أردوغان إن بلاده عانت من خسائر كبيرة.",
    # at its end (في ختام), the act in quote marks
    "وقال الرئيس التركي رجب طيب أردوغان إن بلاده عانت من خسائر كبيرة، وذلك في ختام \"زيارة\" "
    "إلى إندونيسيا.",
])
def test_a_visit_named_as_the_circumstance_of_a_statement_is_the_speakers(coder, text):
    ev = _events(coder, text, "CONSULT")[0]
    assert _codes(ev.actor) == ["TUR"] and _codes(ev.recipient) == ["IDN"]


def test_a_pronoun_subject_with_no_verb_of_saying_is_the_sentences_earlier_actor(coder):
    # فإنها دعت X: the pronoun is the subject (the presidency), X after the verb is the one asked
    ev = _events(coder, "وفيما أدانت رئاسة إقليم كردستان القصف، فإنها دعت حزب العمال الكردستاني "
                 "إلى إبعاد ساحة المعركة عن الإقليم.", "REQUEST")[0]
    assert _codes(ev.actor) == ["IRQ"] and _codes(ev.recipient) == ["NSA"]


def test_a_condemned_act_told_before_is_aimed_at_its_doer(coder):
    # القصف with no doer of its own: the strikes of the sentence before, by Turkish aircraft
    text = ("أسفرت غارات للطيران التركي فجر أمس على قرية شمال شرقي أربيل عن مقتل عشرة قرويين. "
            "وأدانت رئاسة إقليم كردستان القصف.")
    ev = _events(coder, text, "ACCUSE")[0]
    assert _codes(ev.actor) == ["IRQ"] and _codes(ev.recipient) == ["TUR"]


@pytest.mark.parametrize("text, victims", [
    ("وأدان وزير الخارجية الأردني ناصر جودة اختطاف الموظفين الإيطاليين في ليبيا.", "ITA"),
    ("ونددت الخارجية المصرية باغتيال الصحفيين اليمنيين في تعز.", "YEM"),
])
def test_the_victims_of_a_condemned_act_are_not_the_ones_condemned(coder, text, victims):
    # the act's genitive is whom it was done to; with no doer named, no one is condemned
    ev = _events(coder, text, "ACCUSE")[0]
    assert victims not in _codes(ev.recipient)


def test_an_act_inside_the_condemned_acts_relative_clause_leaves_the_doer_aimed_at(coder):
    # بالهجوم الذي أدى إلى مقتل الطفل: the killing inside the clause names no doer of its own;
    # the condemnation is still aimed at the settlers who attacked, told the sentence before
    text = ("قتل مستوطنون طفلا فلسطينيا حرقا في قرية دوما بالضفة الغربية. "
            "ونددت الولايات المتحدة بالهجوم الذي أدى إلى مقتل الطفل.")
    ev = _events(coder, text, "ACCUSE")[0]
    assert _codes(ev.actor) == ["USA"] and _codes(ev.recipient) == ["ISR"]


def test_a_statement_joined_to_the_verb_of_saying_is_the_speakers(coder):
    # وأكد X أن …، وطالب Y بـ …: the coalition is asked, the minister asks
    ev = _events(coder, "وأكد وزير الخارجية اليمني رياض ياسين أن قوات التحالف تقوم بدور فعال في "
                 "التصدي للعدوان الإيراني، وطالب قوات التحالف بالاستمرار في توجيه الضربات.",
                 "REQUEST")[0]
    assert _codes(ev.actor) == ["YEM"] and _codes(ev.recipient) == ["IGO"]


def test_a_relative_clause_after_the_subject_goes_on_over_clauses_joined_to_it(coder):
    # X، التي تقاتل داعش، وتعتبرها واشنطن شريكا، Y: Washington is in the aside, Turkey the accused
    ev = _events(coder, "اتهمت وحدات حماية الشعب الكردية، التي تقاتل تنظيم داعش في سوريا، "
                 "وتعتبرها واشنطن شريكا على الأرض، تركيا، أمس، باستهداف مواقعها.", "ACCUSE")[0]
    assert _codes(ev.recipient) == ["TUR"]


@pytest.mark.parametrize("text", [
    "بدأت محكمة الجنايات الكويتية أمس محاكمة المتهمين بتفجير مسجد الإمام الصادق.",
    "أحالت النيابة العامة الإماراتية إلى القضاء 41 شخصا بتهمة الانتماء إلى تنظيم إرهابي.",
])
def test_people_charged_or_tried_for_terrorism_are_an_armed_group(coder, text):
    ev = _events(coder, text, "ACCUSE")[0]
    assert _codes(ev.recipient) == ["NSA"]


@pytest.mark.parametrize("text", [
    "التقى وزير الخارجية الروسي سيرجي لافروف نظيره الأمريكي جون كيري في الدوحة أمس.",
    "وأشار الرئيس التركي رجب طيب أردوغان إلى لقائه بنظيره الأمريكي باراك أوباما.",
])
def test_a_meeting_with_ones_counterpart_has_both_as_actor_and_no_recipient(coder, text):
    ev = _events(coder, text, "CONSULT")[0]
    assert len(ev.actor) == 2 and ev.recipient == ()


def test_a_pledge_after_the_speakers_pronoun_is_the_speakers_toward_the_other_side(coder):
    # X أعلنت أنها مستعدة لسحب قواتها من Y: X pledges, Y (not X's own forces) is the recipient
    ev = _events(coder, "أعلنت تركيا أنها مستعدة لسحب قواتها من العراق خلال أسابيع.", "AGREE")[0]
    assert _codes(ev.actor) == ["TUR"] and _codes(ev.recipient) == ["IRQ"]


def test_whom_a_demanded_act_concerns_is_not_the_one_asked(coder):
    # طالبت X بمحاكمة الضباط: the officers are what the demand is about; no one is named as asked
    ev = _events(coder, "وطالبت منظمة العفو الدولية بمحاكمة الضباط الإسرائيليين.", "REQUEST")[0]
    assert _codes(ev.actor) == ["NGO"] and ev.recipient == ()


@pytest.mark.parametrize("text, recipient", [
    ("وهدد وزير الدفاع الإسرائيلي بقصف مواقع حزب الله في جنوب لبنان.", ["NSA"]),
    # a comma after the subject, before the threatened act: the act is the threat's own
    ("من جهته، توعد الرئيس النيجيري محمد بخاري، بسحق جماعة بوكو حرام، ويجري تشكيل قوة مشتركة.",
     ["NSA"]),
])
def test_a_threat_is_aimed_at_the_object_of_the_act_it_threatens(coder, text, recipient):
    ev = _events(coder, text, "THREATEN")[0]
    assert _codes(ev.recipient) == recipient


def test_a_condemned_support_spelled_like_a_verb_is_its_object_not_the_speakers_act():
    # انتقد الوزير دعم إيران للحوثيين: دَعْم after the verb and its subject is the verb's object,
    # and with the one supported after ل its genitive is the supporter
    from marsad.coder import Coder
    events = Coder(candidates=True).code_text(
        "وانتقد وزير الخارجية السعودي دعم إيران للحوثيين في اليمن.")
    support = [e for e in events if e.event_type == "SUPPORT"]
    assert support and (_codes(support[0].actor), _codes(support[0].recipient)) == (["IRN"], ["NSA"])


@pytest.mark.parametrize("text, event_type, actor", [
    # the act noun after the preposition a verb of managing governs it with (VSO subject)
    ("وفي سياق متصل، نجحت طائرات التحالف العربي في تدمير مواقع للحوثيين في منطقة رأس عيسى "
     "شمال مدينة الحديدة.", "ASSAULT", ["IGO"]),
    # the subject before the verb (SVO), after كان … قد
    ("وكانت قوات التحالف قد نجحت في تدمير مخازن أسلحة للحوثيين في صنعاء.", "ASSAULT", ["IGO"]),
])
def test_the_subject_of_a_verb_of_managing_does_the_act_it_governs(coder, text, event_type, actor):
    ev = _events(coder, text, event_type)[0]
    assert _codes(ev.actor) == actor


def test_a_verb_after_a_relative_clause_with_its_own_verb_has_the_antecedent_as_subject(coder):
    # التي انتشرت … is the relative clause; فرقت is the main verb of قوات الأمن
    events = coder.code_article({
        "title": "تفريق مظاهرة طلابية في نيامي",
        "text": "تظاهر مئات الطلاب في العاصمة نيامي للمطالبة بتحسين أوضاعهم. وقال شهود إن قوات "
                "الأمن التي انتشرت بأعداد كبيرة فرقت المظاهرة بالقوة."})
    dispersed = [e for e in events if e.evidence[0].trigger.text == "فرقت"]
    assert dispersed and _codes(dispersed[0].actor) == ["NER"]


def test_the_phrase_after_a_participle_of_circumstance_is_its_object_without_a_subject():
    # … إنهم القوة الأساسية، متهمين عناصر الميليشيات الحوثية بالفرار: no subject is found for
    # the participle (ضباط الحرس الجمهوري is no actor of the lexicon); the militias are still
    # the ones accused, not the accusers
    from marsad.coder import Coder
    events = Coder(candidates=True).code_text(
        "وذكرت أن الخلافات نشبت بين الطرفين، إذ يقول ضباط الحرس الجمهوري إنهم القوة الأساسية "
        "التي تحارب على الأرض، متهمين عناصر الميليشيات الحوثية بالفرار من الجبهات.")
    accused = [e for e in events if e.evidence[0].trigger.text == "متهمين"]
    assert accused and "NSA" not in _codes(accused[0].actor) \
        and _codes(accused[0].recipient) == ["NSA"]


def test_a_participle_of_circumstance_is_the_main_clauses_not_a_clause_it_governs():
    # نفى X الاتهامات بأن Y تساعد …، متهما Z: the accusation is X's (Erdogan's), not that of
    # Y (Turkey), the subject of a clause that نفى governs through بأن
    from marsad.coder import Coder
    events = Coder(candidates=True).code_text(
        "ونفى اردوغان بقوة الاتهامات بأن تركيا تساعد تنظيم داعش، متهمًا «قوى سوداء» بنشر "
        "دعاية اعلامية خاطئة حول بلاده.")
    accusing = [e for e in events if e.evidence[0].trigger.text == "متهمًا"]
    assert accusing and [a.text for a in accusing[0].actor] == ["اردوغان"]


def test_a_request_met_or_turned_down_is_the_noun_with_its_maker_after_it():
    # قبول طلب الرئيس هادي: after a noun that meets or refuses it, طلب is the request (a noun),
    # not the verb "asked" with هادي as the one asked
    from marsad import Coder

    events = Coder(candidates=True).code_text(
        "وقال إن موقف المملكة من قبول طلب الرئيس هادي يعكس الإحساس بالمسؤولية.")
    requests = [e for e in events if e.event_type == "REQUEST"]
    assert requests and all(_codes(e.actor) == ["YEM"] for e in requests)


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    ("وأعلنت الحكومة الإيرانية رفض طلب الرئيس العراقي تسليم المطلوبين.", "REJECT",
     "الحكومة الإيرانية", "الرئيس العراقي"),
    ("وأعلنت الحكومة الأردنية قبول مطالب المتظاهرين.", "CONCEDE", "الحكومة الأردنية",
     "المتظاهرين"),
])
def test_the_genitive_of_a_request_turned_down_or_met_made_it(text, event_type, actor, recipient):
    # رفض طلب X، قبول مطالب X: X asked; the one who refused or met the request acts
    from marsad import Coder

    events = [e for e in Coder(candidates=True).code_text(text) if e.event_type == event_type]
    assert [([a.text for a in e.actor], [r.text for r in e.recipient]) for e in events] == [
        ([actor], [recipient])]
