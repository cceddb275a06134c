"""Candidates for the trained event decision: the constructions of real news that the rules
leave out (participles, verbal nouns, second stems, veiled threats, futurity carried by a
governing verb), each read as a candidate of its type in a whole article, never by the rules."""

from __future__ import annotations

import pytest

from marsad.coder import Coder

#: two sentences of frame around the sentence under test: the decision reads articles of three
#: sentences up, and so do the wider candidates
_OPENING = "أفادت مصادر رسمية أمس بتطورات جديدة في المنطقة."
_CLOSING = "ولم تصدر تعليقات أخرى حتى الآن."


def _article(sentence: str) -> dict[str, str]:
    return {"id": "candidates", "date": "2015-08-09", "title": "تطورات في المنطقة",
            "text": f"{_OPENING} {sentence} {_CLOSING}"}


def _triggers(coder: Coder, sentence: str) -> set[tuple[str, str]]:
    return {(e.event_type, ev.trigger.text) for e in coder.code_article(_article(sentence))
            for ev in e.evidence}


@pytest.fixture(scope="module")
def candidates() -> Coder:
    return Coder(candidates=True)


@pytest.fixture(scope="module")
def rules() -> Coder:
    return Coder(decide=False)


@pytest.mark.parametrize("etype, trigger, sentence", [
    # a participle carries the act of the clause's subject
    ("ACCUSE", "مستنكراً", "وقال وزير الخارجية إن التفجير عمل إجرامي، مستنكراً استهداف المصلين في الدمام."),
    ("REQUEST", "مطالبين", "واعتصم عشرات الموظفين أمام مقر الوزارة مطالبين الحكومة بصرف رواتبهم."),
    ("THREATEN", "متوعداً", "وظهر زعيم الجماعة في تسجيل مصور متوعداً الحكومة بهجمات جديدة."),
    # the plain stem of a verb whose rule entry is another stem (دان beside أدان)
    ("ACCUSE", "ودانت", "ودانت الكويت بشدة التفجير الذي استهدف مسجداً في مدينة أبها."),
    # the plural noun of a call
    ("REQUEST", "دعوات", "وتصاعدت دعوات المعارضة إلى إجراء انتخابات مبكرة في البلاد."),
    # verbal nouns of an act
    ("REJECT", "عدم المشاركة", "وأعلن الحزب عدم المشاركة في الحكومة الجديدة قبل تنفيذ مطالبه."),
    ("RETREAT", "إطلاق سراح", "وجرى أمس إطلاق سراح الصيادين المصريين بعد احتجازهم أسبوعين في ليبيا."),
    ("AID", "تسليم المساعدات", "وبدأ المركز تسليم المساعدات الغذائية للأسر النازحة في محافظة تعز."),
    # handing over and distributing
    ("AID", "ووزعت", "ووزعت هيئة الهلال الأحمر آلاف السلال الغذائية على الأسر النازحة في تعز."),
    # a veiled threat and coercion announced by a governing verb
    ("THREATEN", "دون رد", "وقال المتحدث العسكري إن هذا الاعتداء على الحدود لن يمر دون رد."),
    ("THREATEN", "وتعتزم", "وتعتزم الحكومة فرض حظر التجول في المدينة بعد تكرار الاشتباكات."),
    # agreement, ratification and talks said as nouns
    ("AGREE", "تم الاتفاق", "وأعلن الطرفان أنه تم الاتفاق على تبادل الأسرى خلال أيام."),
    ("SUPPORT", "وصدق", "وصدق مجلس الشورى على الاتفاقية الأمنية الموقعة مع الأردن."),
    ("CONSULT", "مؤتمر صحفي", "وقال الوزير في مؤتمر صحفي عقده مع نظيره الفرنسي إن الحل سياسي."),
    # deployment, police action, backing down and court orders
    ("MOBILIZE", "وعزز", "وعزز الجيش التركي قواته على طول الحدود مع سوريا."),
    ("COERCE", "وأحبطت", "وأحبطت السلطات البحرينية محاولة لتهريب أسلحة ومتفجرات إلى البلاد."),
    ("COERCE", "ضبطت", "وقال المتحدث إن الدوريات ضبطت شابين يشتبه في تورطهما بالسطو على متجر."),
    ("CONCEDE", "وتراجعت", "وتراجعت الحكومة عن قرار رفع أسعار الوقود بعد احتجاجات واسعة."),
    ("SANCTION", "وصدر", "وصدر بحقه صك شرعي بالسجن عشر سنوات بعد إدانته بتهريب الأسلحة."),
    ("COOPERATE", "يداً بيد", "وقال الوزير إن البلدين يعملان يداً بيد لحماية الحدود المشتركة."),
    # an invitation given or taken up, a meeting announced ahead: an agreement to meet
    ("AGREE", "وتلقى", "وتلقى الرئيس السوداني دعوة رسمية لزيارة القاهرة الشهر المقبل."),
    ("AGREE", "الزيارة المرتقبة", "وتتناول الزيارة المرتقبة للوزير ملفات الأمن والطاقة."),
    # a threat left open
    ("THREATEN", "كل الخيارات", "وقال المتحدث إن كل الخيارات مطروحة للرد على الاعتداءات."),
    # a warning, which the annotators code as a verbal act of disapproval
    ("ACCUSE", "وحذر", "وحذر وزير الخارجية الألماني من خطورة تصعيد العنف على عملية السلام."),
    # aircraft over a place, arms shipped
    ("MOBILIZE", "وحلقت", "وحلقت طائرات حربية فوق المدينة طوال الليل."),
    ("AID", "شحنة أسلحة", "ووصلت إلى الميناء شحنة أسلحة جديدة للقوات الحكومية."),
    # a verdict said with a copula verb, an investigation said with في, a promise with وعد
    ("ACCUSE", "يشكل", "وقال البيان إن بناء المستوطنات يشكل انتهاكا صارخا للقانون الدولي."),
    ("ACCUSE", "يحققون", "وقالت الشرطة إن محققين محليين يحققون في وفاة السجين داخل زنزانته."),
    ("AGREE", "ووعدت", "ووعدت الحكومة المحتجين بإجراء إصلاحات شاملة خلال أسابيع."),
    # ground taken back, control taken with the taker before على, fighters closed in on
    ("ASSAULT", "سيطرة", "وأكد مصدر قبلي سيطرة قوات المقاومة الشعبية على ثلاثة مواقع عسكرية."),
    ("ASSAULT", "استعادت", "وقالت مصادر عسكرية إن القوات الموالية للحكومة استعادت مدينة الحوطة."),
    ("ASSAULT", "تطويق", "وحاولت قوات المقاومة الشعبية تطويق مسلحين في شمال المدينة."),
    # praise with أثنى على, rescue as aid
    ("SUPPORT", "وأثنى", "وأثنى الوزير على جهود المملكة في دعم الشعب اليمني."),
    ("AID", "إنقاذ", "وتمكنت فرق الدفاع المدني من إنقاذ نحو ألف شخص حاصرتهم السيول."),
    # disapproval shown with a light verb, a characterisation with a word of blame, a doubt
    ("ACCUSE", "وأبدى", "وأبدى أعضاء البرلمان غضبهم من قرار الحكومة رفع أسعار الوقود."),
    ("ACCUSE", "ووصف", "ووصف المتحدث باسم الحكومة الهجوم على السفارة بالعمل الجبان."),
    ("ACCUSE", "وشكك", "وشكك زعيم المعارضة في التزام الحكومة بإجراء الانتخابات في موعدها."),
    # a wrong laid at another's door without اتهم
    ("ACCUSE", "ضالعة", "وقال وزير الداخلية إن طهران ضالعة في تهريب الأسلحة إلى الجماعات المسلحة."),
    ("ACCUSE", "المسؤولية تقع",
     "وقال رئيس الحكومة إن المسؤولية تقع على الأحزاب التي عطلت تشكيلها."),
    # a hostile policy charged (تزعزع الاستقرار), cowardly acts named in the plural
    ("ACCUSE", "تزعزع", "وأكد الوزير أن إيران تقوم بأنشطة تزعزع الاستقرار في المنطقة."),
    ("ACCUSE", "الأعمال الإرهابية الجبانة",
     "وأكد النائب أن الدين بريء من هذه الأعمال الإرهابية الجبانة."),
    # a participle that is also a word of a sector (متهمين: the accused), and a complaint
    ("ACCUSE", "متهمين", "وانسحب النواب من الجلسة، متهمين رئيس البرلمان بخرق النظام الداخلي."),
    ("ACCUSE", "ووجه", "ووجه النواب شكوى إلى مجلس الأمن ضد الميليشيات المسلحة."),
    # a case sent to a prosecutor
    ("ACCUSE", "وأحالت", "وأحالت الشرطة الموقوفين الثلاثة إلى النيابة العامة لاستكمال التحقيق."),
    # a denial of a charge
    ("REJECT", "ونفت", "ونفت وزارة الدفاع الاتهامات بقصف المدنيين في القرى الحدودية."),
    ("REJECT", "لا توجد أدلة", "وقال المتحدث إنه لا توجد أدلة تثبت هذه الاتهامات."),
    # a promise said as keenness for relations, as sparing no effort, as no objection
    ("AGREE", "حريصة", "وقال الوزير إن بلاده حريصة على تعزيز علاقاتها مع الأردن في كل المجالات."),
    ("AGREE", "حرص", "وأكد السفير حرص حكومته على توثيق التعاون مع المملكة."),
    ("AGREE", "لن تدخر جهداً", "وقال المتحدث إن الحكومة لن تدخر جهداً في إعادة إعمار المدن المتضررة."),
    ("AGREE", "لا مانع", "وقال رئيس الوفد إنه لا مانع من التنسيق مع الحكومة الجديدة."),
    # a concluded agreement (SUPPORT), standing by someone
    ("SUPPORT", "وتوصلت", "وتوصلت الحكومة والمعارضة إلى اتفاق لتقاسم السلطة بعد محادثات طويلة."),
    ("SUPPORT", "وقوف", "وأكد البيان وقوف الكويت إلى جانب البحرين في مواجهة الإرهاب."),
    # a truce declared, a request met, a ruling undone
    ("CONCEDE", "وأعلن", "وأعلن الجيش هدنة إنسانية لمدة ثلاثة أيام في المدينة المحاصرة."),
    ("CONCEDE", "استجابة لطلب", "وأفرجت السلطات عن الصيادين استجابة لطلب الحكومة المصرية."),
    ("CONCEDE", "وألغت", "وألغت محكمة الاستئناف الحكم الصادر بحق الصحفيين."),
    # intelligence shared, a base opened, a joint force formed
    ("COOPERATE", "وقدمت", "وقدمت الأجهزة الأمنية الأردنية معلومات استخباراتية إلى نظيرتها العراقية."),
    ("COOPERATE", "وفتحت", "وفتحت تركيا قاعدة جوية في الجنوب أمام طائرات التحالف الدولي."),
    ("COOPERATE", "تشكيل قوة مشتركة", "واتفق قادة الجيوش على تشكيل قوة مشتركة لحماية الحدود."),
    # aid handed over and trained, said before the clause that gives it
    ("AID", "مكرمة", "وتسلمت الأسر النازحة مكرمة ملكية من المواد الغذائية."),
    ("AID", "تدريب وتجهيز", "وأعلنت واشنطن استئناف تدريب وتجهيز فصائل المعارضة المعتدلة."),
    ("AID", "المساعدات التي", "وقال المحافظ إن المساعدات التي أرسلتها الكويت وصلت إلى المستشفيات."),
    # willingness to cooperate, relations restored, reforms in answer to protests
    ("AGREE", "استعداد", "وأبلغ الوزير المبعوث الدولي استعداد حكومته للتعاون معه."),
    ("SUPPORT", "إعادة العلاقات الدبلوماسية", "وتمت إعادة العلاقات الدبلوماسية بين البلدين بعد قطيعة طويلة."),
    ("CONCEDE", "وأقرت", "وأقرت الحكومة حزمة إصلاحات واسعة بعد أسابيع من الاحتجاجات."),
    # a request named by its noun, pressure to make a party act
    ("REQUEST", "طلب", "ووافقت الحكومة السويسرية على طلب الولايات المتحدة ترحيل المتهمين."),
    ("REQUEST", "يضغط", "وقال مصدر إن الحزب يضغط على المقاتلين للخروج من المدينة."),
    ("REQUEST", "لإقناع", "وأطلق الرئيس حملة واسعة لإقناع الكونجرس بالموافقة على الاتفاق."),
    # arrests said as a stop or a takedown of suspects
    ("COERCE", "إيقاف", "وتمكنت الوحدات الأمنية من إيقاف 6 عناصر يشتبه في انتمائهم لتنظيم إرهابي."),
    ("COERCE", "الإطاحة", "وأعلنت وزارة الداخلية الإطاحة بخلية إرهابية تضم خمسة أشخاص."),
])
def test_the_construction_is_a_candidate_not_a_rule_event(candidates: Coder, rules: Coder,
                                                         etype: str, trigger: str,
                                                         sentence: str) -> None:
    assert (etype, trigger) in _triggers(candidates, sentence)
    assert (etype, trigger) not in _triggers(rules, sentence)


@pytest.mark.parametrize("trigger, actor, sentence", [
    ("وأعرب", "JOR", "وأعرب وزير الخارجية الأردني عن أمله في أن تلتزم الأطراف اليمنية بالهدنة."),
    ("عن أمله", "IGO", "من جهته، أعرب الأمين العام للجامعة العربية، عن أمله في عودة الأطراف إلى الحوار."),
    ("وتأمل", "PAK", "وقال البيان إن باكستان تحتج على القصف، وتأمل في أن تحترم الهند اتفاق الهدنة."),
    # the participle of circumstance shares the main clause's subject (roles.yaml)
    ("معبرا عن أمله", "NOR", "والتقى وزير الخارجية النرويجي بورغي برانده نظيره اليمني في الرياض. "
                             "وأعرب برانده عن ارتياحه لتقدم الحوار بين الأطراف اليمنية، معبرا عن "
                             "أمله في وقف القتال قريبا."),
])
def test_a_hope_that_another_act_is_a_request_voiced(candidates: Coder, rules: Coder,
                                                     trigger: str, actor: str,
                                                     sentence: str) -> None:
    """The real-news gold codes an official's stated hope that something be done as REQUEST by
    the one hoping; the hope was voiced (asserted), though what is hoped for is not done."""
    found = [e for e in candidates.code_article(_article(sentence)) if e.event_type == "REQUEST"
             and trigger in {ev.trigger.text for ev in e.evidence}]
    assert found
    assert [(e.modality, actor in {a.code for a in e.actor}) for e in found] == [("asserted", True)]
    assert ("REQUEST", trigger) not in _triggers(rules, sentence)


@pytest.mark.parametrize("sentence, recipient", [
    ("وأعرب الوزير الألماني عن أمله في المرونة التي تبديها موسكو تجاه مطالب المجتمع الدولي.",
     "RUS"),
    ("وقال البيان إن باكستان تحتج على القصف، وتأمل في أن تحترم الهند اتفاق الهدنة.", "IND"),
])
def test_a_hope_is_addressed_to_the_party_it_expects_to_act(candidates: Coder, sentence: str,
                                                           recipient: str) -> None:
    """The one a hope expects to act is its recipient, however deep the hoped-for words name
    it (the subject after أن، the doer of a relative clause)."""
    found = [e for e in candidates.code_article(_article(sentence)) if e.event_type == "REQUEST"]
    assert found and [e.code for e in found[0].recipient] == [recipient]


@pytest.mark.parametrize("sentence", [
    "وطالب المجلس بإيقاف الحرب في اليمن فورا.",
    "وطالب المتظاهرون بالإطاحة بالنظام وإجراء انتخابات مبكرة.",
])
def test_a_halt_or_an_overthrow_is_no_arrest(candidates: Coder, sentence: str) -> None:
    """إيقاف and الإطاحة are arrests only of people counted or named as suspects after them."""
    assert "COERCE" not in {etype for etype, _ in _triggers(candidates, sentence)}


@pytest.mark.parametrize("readings, trigger, sentence", [
    # أدان the active verb (condemned) and أُدان its passive (was convicted): one spelling
    ({"ACCUSE", "SANCTION"}, "أدان",
     "أدان المجلس التنسيقي للمقاومة الشعبية الجرائم التي ترتكبها الميليشيات في تعز."),
    # rejecting another's words or act objects to it (ACCUSE); rejecting a proposal is REJECT
    ({"ACCUSE", "REJECT"}, "رفضه", "وأعلن رئيس البرلمان رفضه للتصريحات المسيئة التي أدلى بها السفير."),
])
def test_words_of_two_types_are_a_candidate_of_each(candidates: Coder, rules: Coder,
                                                    readings: set[str], trigger: str,
                                                    sentence: str) -> None:
    """Where the decision reads the candidates, it chooses between the readings; the rules
    alone keep one."""
    read = {etype for etype, text in _triggers(candidates, sentence) if text == trigger}
    assert read == readings
    assert len({etype for etype, text in _triggers(rules, sentence) if text == trigger}) < 2


@pytest.mark.parametrize("trigger, sentence", [
    # a visit, a meeting: today's or one announced, with a schedule word after it
    ("يزور", "يزور وزير الدفاع الأمريكي أشتون كارتر إسرائيل الأسبوع المقبل لبحث الاتفاق النووي."),
    ("زيارة", "وسيناقش الوزير المقترحات خلال زيارة وفد من الهيئة للوزارة الأسبوع المقبل."),
    ("اجتماعه", "وقال الوزير إن اجتماعه المرتقب بنظرائه الخليجيين سيتناول الأزمة اليمنية."),
])
def test_a_meeting_that_may_lie_ahead_is_also_an_agreement_to_meet(
        candidates: Coder, rules: Coder, trigger: str, sentence: str) -> None:
    """An announced visit is AGREE (ANNOTATION.md); the same words tell today's visit, so
    both readings are candidates, and the rules keep the visit."""
    assert {("CONSULT", trigger), ("AGREE", trigger)} <= _triggers(candidates, sentence)
    assert ("AGREE", trigger) not in _triggers(rules, sentence)


@pytest.mark.parametrize("etype, trigger, sentence", [
    # the attack a condemnation is aimed at
    ("ASSAULT", "الهجوم", "وأدان وزير الخارجية الهجوم على مسجد قوات الطوارئ في أبها."),
    # the release a demand asks for
    ("RETREAT", "بالإفراج عن", "وطالبت منظمات حقوقية بالإفراج عن الصحفيين المعتقلين في القاهرة."),
])
def test_the_act_another_act_is_about_is_a_candidate_too(candidates: Coder, rules: Coder,
                                                          etype: str, trigger: str,
                                                          sentence: str) -> None:
    """The rules set the condemned or demanded act apart as its head's content; the
    annotators code it as an event of its own wherever the article reports it."""
    assert (etype, trigger) in _triggers(candidates, sentence)
    assert (etype, trigger) not in _triggers(rules, sentence)


def test_a_candidate_phrase_does_not_hide_a_rule_word_where_no_decision_reads_it() -> None:
    """In one sentence the rules decide: the candidate phrase هجوم حاد (a verbal attack) must
    not take the place of the rule's هجوم, as the longer of two overlapping forms would."""
    from marsad.reading.article import Article

    coder = Coder()
    doc = coder.process(Article.from_mapping({
        "id": "short", "date": "2015-08-09", "title": "",
        "text": "وتعرض حاجز للجيش في العريش لهجوم حاد من مسلحين."}))
    families = coder.resources.families
    found = {(doc.norm.text[m.start:m.end], families[t.ref].type) for m in doc.matches
             for t in m.terms if t.layer == "trigger"}
    assert ("لهجوم", "ASSAULT") in found


def test_an_entry_of_participles_alone_is_a_lexicon_entry() -> None:
    import json

    from marsad.resources import vocabulary
    from marsad.resources.tables import read_events

    text = json.dumps([{"type": "ACCUSE", "participles": ["مندد"], "recipient": ["ب"]}],
                      ensure_ascii=False)
    table = read_events(text, "x.yaml", vocabulary())
    assert not table.problems and table.rows[0].participles == ("مندد",)


@pytest.mark.parametrize("trigger, sentence", [
    # a negated acceptance, negotiation, participation or intent: a refusal as well as a denial
    ("تقبل", "وقال المتحدث إن حكومته لا تقبل الشروط التي وضعها المتمردون للحوار."),
    ("نتفاوض", "وقال المرشد في خطابه إننا لا نتفاوض مع الولايات المتحدة إلا في الملف النووي."),
    ("يشارك", "وقال الصندوق إنه لن يشارك في خطة الإنقاذ الجديدة قبل تنفيذ الإصلاحات."),
    ("تسمح", "وأكد الوزير أن المملكة لن تسمح لأحد بالتدخل في شؤونها الداخلية."),
    # allegiance withheld
    ("تبايع", "وأعلنت الجماعة المسلحة أنها لم تبايع زعيم التنظيم."),
])
def test_a_negated_cooperative_act_is_also_a_refusal(candidates: Coder, trigger: str,
                                                      sentence: str) -> None:
    """PLOVER codes a refused act as REJECT; لن says it in the rules, لا and لم say a denial as
    often, so where the decision reads the candidates a refusal is proposed beside the act;
    the bare verbs of acceptance, permission and participation are read after a negation."""
    assert ("REJECT", trigger) in _triggers(candidates, sentence)


def test_keenness_alone_is_no_promise(candidates: Coder) -> None:
    """حريص على is a promise only where relations or joint work follow: keenness on a
    service or a season is not an act."""
    read = _triggers(candidates, "وقال مدير المستشفى إن الإدارة حريصة على راحة المرضى والزوار.")
    assert not {etype for etype, text in read if text == "حريصة"}


def test_a_bare_acceptance_is_no_candidate_without_a_negation(candidates: Coder) -> None:
    """The bare verbs of the refusal entry (شارك، سمح، نوى) are read only after a negation."""
    sentence = "وشارك آلاف الطلاب في حفل التخرج الذي نوت الجامعة إقامته سنويا."
    read = _triggers(candidates, sentence)
    assert not {(etype, text) for etype, text in read
                if etype in ("AGREE", "REJECT") and text in ("وشارك", "نوت")}


def test_an_achievement_is_no_investigation(candidates: Coder) -> None:
    """حقق في is "investigated"; حققها, with a pronoun on the verb, is "achieved it" (the
    entry is ``intransitive``), even with في later in the clause."""
    achieved = _triggers(candidates, "وأكد الرئيس أن الانتصارات التي حققها الجيش الوطني في عدن "
                                     "لن تتوقف.")
    investigated = _triggers(candidates, "وحققت النيابة العامة في الحادث مع ثلاثة موظفين.")
    assert not {text for etype, text in achieved if etype == "ACCUSE"}
    assert ("ACCUSE", "وحققت") in investigated


@pytest.mark.parametrize("sentence", [
    "ووصف رئيس الوزراء زيارة الوفد بالناجحة والمثمرة.",
    "ويصف المراقبون العلاقات بين البلدين بأنها متينة.",
])
def test_a_characterisation_without_a_word_of_blame_is_no_accusation(candidates: Coder,
                                                                      sentence: str) -> None:
    """وصف is ACCUSE only with a word of blame after it: praise is not a condemnation."""
    assert not {text for etype, text in _triggers(candidates, sentence) if etype == "ACCUSE"}


@pytest.mark.parametrize("etype, trigger, sentence", [
    # a cooperative act carried on: its promise (AGREE)
    ("AGREE", "تقديم المساعدات", "وأكد الوزير مواصلة بلاده تقديم المساعدات للاجئين السوريين."),
    # a hostile act carried on in the future, or said ahead: its threat (THREATEN)
    ("THREATEN", "قصف", "وقال المتحدث إن الحكومة ستستمر في قصف مواقع المتمردين في الجبال."),
    ("THREATEN", "العمليات العسكرية",
     "وقال المصدر إن العمليات العسكرية ضد المتمردين سوف تستمر حتى تحرير المدينة."),
    ("THREATEN", "فرض", "ومن المتوقع أن يتم فرض عقوبات جديدة على الشركات المخالفة."),
])
def test_an_act_carried_on_or_said_ahead_is_also_its_promise(candidates: Coder, rules: Coder,
                                                              etype: str, trigger: str,
                                                              sentence: str) -> None:
    """PLOVER codes a promised cooperative act as AGREE and a promised hostile one as THREATEN;
    the words of continuation and of the future do not tell a promise from a forecast, so the
    promise is a candidate beside the act, and the rules keep the act."""
    assert (etype, trigger) in _triggers(candidates, sentence)
    assert (etype, trigger) not in _triggers(rules, sentence)


def test_an_entry_read_only_after_a_negation_must_be_a_candidate_entry() -> None:
    """``negated: true`` says a refusal only the decision reads; a rule entry cannot carry it."""
    import json

    from marsad.resources import vocabulary
    from marsad.resources.tables import read_events

    text = json.dumps([{"type": "AGREE", "negated": True, "verbs": ["قبل/يقبل"]}],
                      ensure_ascii=False)
    table = read_events(text, "x.yaml", vocabulary())
    assert any("negated" in str(p) for p in table.problems)


@pytest.mark.parametrize("trigger, sentence", [
    # a verbal noun of fighting or punishment that a future verb governs
    ("بملاحقة", "وقال قائد الشرطة إن أجهزته ستقوم بملاحقة المتورطين في تهريب السلاح."),
    ("التصدي", "وفي حال اقتراب الزوارق من المياه الإقليمية فسوف يتم التصدي لها فوراً."),
    # a verb of fighting with the future prefix, or after a pledge
    ("سنحارب", "وقال زعيم القبيلة في كلمة أمام أنصاره إننا سنحارب المتمردين حتى آخر رجل."),
    ("مكافحة", "وقال رئيس الوزراء في كلمته إن حكومته عازمة على مكافحة العصابات المسلحة."),
    # measures against someone, taken ahead
    ("الإجراءات", "وأكد المتحدث أن الوزارة ستتخذ الإجراءات القانونية ضد الشركات المخالفة."),
    # a hostile act said ahead after قد, or in the answer of a conditional
    ("تشن", "وقال مسؤول عسكري إن قواته قد تشن هجمات جديدة على مواقع الجماعة."),
    ("فرض عقوبات", "وقال الوزير إن بلاده ستلجأ إلى فرض عقوبات إذا لم تنسحب القوات."),
    # a threatening participle
    ("مهدداً", "وخرج المتحدث باسم الجماعة على التلفزيون مهدداً الحكومة بموجة هجمات جديدة."),
])
def test_an_act_of_force_said_ahead_is_a_threat(candidates: Coder, rules: Coder, trigger: str,
                                                sentence: str) -> None:
    """A side that says it will fight, pursue or punish someone threatens them (PLOVER:
    THREATEN), whether the future is on the verb, on a verb that governs the act, in a
    pledge before it or in the answer of a conditional; the rules alone code no threat."""
    assert ("THREATEN", trigger) in _triggers(candidates, sentence)
    assert ("THREATEN", trigger) not in _triggers(rules, sentence)


@pytest.mark.parametrize("sentence", [
    "وشارك وزير الداخلية في مؤتمر إقليمي عن مكافحة الإرهاب في الرياض.",
    "وتحدث الكاتب عن محاربة الفساد في الدوائر الحكومية خلال العقود الماضية.",
    "وأقرت الحكومة إجراءات جديدة لتسهيل دخول المستثمرين الأجانب.",
])
def test_fighting_words_not_said_ahead_are_no_candidate(candidates: Coder,
                                                        sentence: str) -> None:
    """مكافحة، محاربة، إجراءات alone name a policy or a programme: no candidate of a threat
    or an act where nothing says them ahead."""
    read = _triggers(candidates, sentence)
    assert not {(etype, text) for etype, text in read
                if text in ("مكافحة", "محاربة", "إجراءات")}


@pytest.mark.parametrize("sentence", [
    "وستبدأ الوزارة الأسبوع المقبل بتوزيع المساعدات الغذائية على الأسر المحتاجة.",
    "وقال مدير المشروع إنه سيتم افتتاح الجسر الجديد أمام حركة السير في سبتمبر.",
    "وأكد المدرب أن الفريق سيواجه منافسه القوي بطموح كبير في المباراة المقبلة.",
])
def test_a_plan_said_ahead_is_no_threat(candidates: Coder, sentence: str) -> None:
    """The future carried by a governing verb makes a threat only of force, pursuit or
    punishment: a plan of aid, building or sport is no candidate of a threat."""
    assert "THREATEN" not in {etype for etype, _ in _triggers(candidates, sentence)}


def test_a_forecast_that_support_goes_on_is_no_promise(candidates: Coder) -> None:
    """من المتوقع أن يواصل …: the writer's forecast that support goes on is the support to
    come (AID, future), nobody's promise of it (no AGREE), unlike ستواصل said by the actor."""
    forecast = "ومن المتوقع أن يواصل التحالف الدولي تقديم الدعم لشركائه في المنطقة."
    pledge = "وأكد الوزير أن الحكومة ستواصل تقديم الدعم للنازحين في المخيمات."
    assert "AGREE" not in {etype for etype, _ in _triggers(candidates, forecast)}
    assert "AGREE" in {etype for etype, _ in _triggers(candidates, pledge)}


def test_the_threatened_act_is_not_reported_as_done(candidates: Coder) -> None:
    """In هدد … بقتل the killing is the threat's content, to come: the candidate of the
    threat is asserted, that of the killing is not (whoever stands between verb and noun)."""
    events = candidates.code_article(_article(
        "وهدد مسلحو الجماعة في تسجيل مصور بقتل الصحفيين المخطوفين خلال ثلاثة أيام."))
    read = {(e.event_type, e.modality) for e in events
            if any(ev.trigger.text in ("وهدد", "بقتل") for ev in e.evidence)}
    assert ("THREATEN", "asserted") in read
    assert read and ("ASSAULT", "asserted") not in read


def test_an_entry_read_only_ahead_must_be_a_candidate_whose_type_has_a_promise() -> None:
    """``ahead: true`` proposes an act's promise (its type's pledge) only to the decision."""
    import json

    from marsad.resources import vocabulary
    from marsad.resources.tables import read_events

    rule = json.dumps([{"type": "ASSAULT", "ahead": True, "verbs": ["حارب/يحارب"]}],
                      ensure_ascii=False)
    promise = json.dumps([{"type": "ACCUSE", "ahead": True, "candidate": True,
                           "verbs": ["ندد/يندد"]}], ensure_ascii=False)
    assert any("candidate" in str(p) for p in read_events(rule, "x.yaml", vocabulary()).problems)
    assert any("pledge" in str(p) for p in read_events(promise, "y.yaml", vocabulary()).problems)


def test_standing_with_a_party_against_crimes_supports_that_party(candidates):
    # وقوف الكويت مع المملكة في تصديها للأعمال الإجرامية: the kingdom is supported; the
    # criminal acts it confronts are not what is praised
    events = [e for e in candidates.code_text(
        "وأكدت الوزارة في بيان وقوف دولة الكويت مع المملكة في تصديها للأعمال الإجرامية.")
        if e.event_type == "SUPPORT"]
    assert events and [e.code for e in events[0].recipient] == ["SAU"]


def test_an_object_pronoun_standing_apart_is_the_last_party_named(candidates):
    # مطالبا إياه: "him" is the police chief the letter was sent to
    events = [e for e in candidates.code_text(
        "ووجه الوزير رسالة إلى قائد الشرطة الإسرائيلية، مطالبا إياه بوقف الاعتداءات.")
        if e.event_type == "REQUEST" and e.evidence[0].trigger.text == "مطالبا"]
    assert events and [e.text for e in events[0].recipient] == ["قائد الشرطة الإسرائيلية"]


@pytest.mark.parametrize("sentence, recipient", [
    ("وقال حسن روحاني إنه يأمل أن تلعب ألمانيا دورا إيجابيا في المنطقة.", ["DEU"]),
    ("كما ذكرت الحكومة التايلاندية أنها تأمل في أن ترفع واشنطن اسمها من القائمة السوداء.", ["USA"]),
])
def test_a_hope_that_a_clause_be_done_is_asked_of_its_subject(candidates, sentence, recipient):
    hopes = [e for e in candidates.code_article(_article(sentence)) if e.event_type == "REQUEST"]
    assert hopes and [e.code for e in hopes[0].recipient] == recipient


def test_aid_named_by_a_noun_is_by_the_doer_of_its_relative_clause(candidates):
    sentence = "وأشاد الوزير بالدعم اللوجستي القوي الذي تقدمه قوات التحالف للمقاومة الشعبية في اليمن."
    aid = [e for e in candidates.code_article(_article(sentence)) if e.event_type == "AID"]
    assert aid and [(e.code, e.text) for e in aid[0].actor] == [("IGO", "قوات التحالف")]
    assert [(e.code, e.text) for e in aid[0].recipient] == [("YEM", "للمقاومة الشعبية في اليمن")]


@pytest.mark.parametrize("sentence, meeting", [
    ("وقال وزير النقل للصحافيين في المطار أثناء استقبال الطائرة إنها بداية العمليات.", False),
    ("وبدأت الجامعة استقبال طلبات الالتحاق من الطلاب أمس.", False),
    ("وقال الوزير خلال استقبال السفير الأمريكي إن العلاقات متينة.", True),
])
def test_receiving_things_or_the_public_is_no_meeting(candidates: Coder, sentence: str,
                                                      meeting: bool) -> None:
    # استقبال الطائرة، استقبال الطلبات: the noun of hosting someone, with no one to host
    assert (("CONSULT", "استقبال") in _triggers(candidates, sentence)) == meeting
