"""The trained event decision: keep or drop each candidate, and its modality."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from marsad.coder import Coder
from marsad.events.decide import EventDecision
from marsad.reading.article import Article
from marsad.resources import load_resources
from marsad.resources.loader import read_data
from marsad.resources.models import DecisionModel, ModelFileError, read_decision_model

ARTICLE = {
    "id": "decide-1",
    "date": "2015-08-09",
    "title": "غارات للتحالف على مواقع داعش في الرقة",
    "text": ("شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم داعش في مدينة الرقة أمس. "
             "وقال المتحدث باسم التحالف إن الغارات دمرت مخازن أسلحة. "
             "وأدانت الحكومة السورية الغارات."),
}


def _model(keep: dict[str, float], threshold: float = 0.5, classes: tuple[str, ...] = (),
           modality: dict[str, tuple[float, ...]] | None = None,
           type_threshold: float | None = None) -> DecisionModel:
    return DecisionModel(threshold=threshold, keep_bias=0.0, keep_weights=keep, classes=classes,
                         modality_bias=tuple(0.0 for _ in classes),
                         modality_weights=modality or {}, min_sentences=3,
                         type_threshold=type_threshold)


def _records(coder: Coder) -> list[str]:
    return [json.dumps(e.to_dict(), ensure_ascii=False) for e in coder.code_article(ARTICLE)]


@pytest.fixture(scope="module")
def rules() -> Coder:
    return Coder(decide=False)


def test_without_a_model_the_records_are_the_rules_records(rules: Coder) -> None:
    res = load_resources()
    no_model = Coder(resources=replace(res, decision_model=None))
    assert _records(rules)
    assert _records(no_model) == _records(rules)


def test_stage_without_model_passes_the_candidates_through(rules: Coder) -> None:
    doc = rules.process(rules_article())
    events = list(doc.events)
    assert events
    out = EventDecision(rules.resources, model=None)(doc)
    assert out.events == events and all(a is b for a, b in zip(out.events, events))


def rules_article():  # type: ignore[no-untyped-def]
    from marsad.reading.article import Article

    return Article.from_mapping(ARTICLE)


def _decided(rules: Coder, model: DecisionModel) -> list:  # type: ignore[type-arg]
    return Coder(resources=replace(rules.resources, decision_model=model)).code_article(ARTICLE)


def test_a_strongly_negative_feature_drops_the_candidate(rules: Coder) -> None:
    before = rules.code_article(ARTICLE)
    assert any(e.event_type == "ACCUSE" for e in before)
    after = _decided(rules, _model({"type=ACCUSE": -20.0}, threshold=0.4))
    assert not any(e.event_type == "ACCUSE" for e in after)
    assert {e.event_type for e in after} == {e.event_type for e in before} - {"ACCUSE"}


@pytest.mark.parametrize("assault, type_threshold, kept", [
    (5.0, None, {"ASSAULT"}),                   # the condemnation (p 0.38) under the threshold
    (5.0, 0.3, {"ASSAULT", "ACCUSE"}),          # the air strikes kept: its best from 0.3
    (-0.5, 0.3, set()),                         # nothing reaches the threshold: a quiet article
])
def test_the_most_probable_candidate_of_a_type_is_kept_from_the_type_threshold(
        rules: Coder, assault: float, type_threshold: float | None, kept: set[str]) -> None:
    model = _model({"type=ASSAULT": assault, "type=ACCUSE": -0.5}, threshold=0.5,
                   type_threshold=type_threshold)
    assert {e.event_type for e in _decided(rules, model)} == kept


def test_the_model_gives_the_modality(rules: Coder) -> None:
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"type=ASSAULT": (0.0, 5.0)})
    after = _decided(rules, model)
    # (a keep-all model keeps the condemned raids of the last sentence too: a candidate)
    modalities = [e.modality for e in after if e.event_type == "ASSAULT"]
    assert modalities and set(modalities) == {"historical"}


def test_a_single_sentence_is_left_to_the_rules(rules: Coder) -> None:
    sentence = {"text": "شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم داعش.",
                "date": "2015-08-09"}
    drop_all = replace(rules.resources, decision_model=_model({}, threshold=0.99))
    assert rules.code_article(sentence)
    assert len(Coder(resources=drop_all).code_article(sentence)) == \
        len(rules.code_article(sentence))


def test_the_shipped_model_is_read_through_the_loader() -> None:
    res = load_resources()
    assert res.decision_model is not None
    assert 0.0 < res.decision_model.threshold < 1.0
    assert res.decision_model.keep_weights
    data = read_data("ar")
    assert data.get("models/event_decision").path.endswith("models/event_decision.json")


def test_the_version_covers_the_model_file() -> None:
    data = read_data("ar")
    files = tuple(f if f.name != "models/event_decision" else replace(f, text=f.text + " ")
                  for f in data.files)
    assert replace(data, files=files).digest() != data.digest()


@pytest.mark.parametrize("text, message", [
    ('{"format": 99}', "format 99"),
    ("not json", "not JSON"),
    ('{"format": 1, "features": ["a"], "keep": {"bias": 0, "weights": []}, "threshold": 0.5,'
     ' "modality": null}', "malformed"),
])
def test_a_bad_model_file_is_named(text: str, message: str) -> None:
    with pytest.raises(ModelFileError, match=message):
        read_decision_model(text, "event_decision.json")


def test_an_empty_model_file_is_no_model() -> None:
    assert read_decision_model("", "event_decision.json") is None


SWEEP = {
    "id": "decide-2",
    "date": "2015-08-09",
    "title": "الجيش العراقي يتقدم في الأنبار",
    "text": ("أعلنت قيادة العمليات المشتركة أمس تطهير مناطق واسعة شرق الرمادي من عناصر داعش. "
             "وقال المتحدث باسم القيادة إن القوات تواصل تقدمها. "
             "وأكد أن الأهالي بدأوا العودة إلى منازلهم."),
}


def _triggers(coder: Coder, article: dict, event_type: str) -> list[str]:
    """The trigger words of the article's records (or candidates) of one type."""
    return [ev.trigger.text for e in coder.code_article(article) if e.event_type == event_type
            for ev in e.evidence]


@pytest.fixture(scope="module")
def candidates() -> Coder:
    return Coder(candidates=True)


def test_candidate_words_are_no_triggers_for_the_rules(rules: Coder) -> None:
    assert "تطهير" not in _triggers(rules, SWEEP, "ASSAULT")


def test_candidate_words_are_candidates_for_the_decision(candidates: Coder) -> None:
    assert "تطهير" in _triggers(candidates, SWEEP, "ASSAULT")


FRONT = {
    "id": "decide-5",
    "date": "2015-07-23",
    "title": "المقاومة تتقدم باتجاه قصر الرئاسة في عدن",
    "text": ("وقال سكان إن قوات المقاومة الشعبية استولت على حي صبر في شمال عدن. "
             "وتقدم محامي الأسرى بطلب إلى المحكمة للإفراج عنهم. "
             "وأكد مصدر عسكري أن المعارك مستمرة."),
}


def test_territory_seized_and_an_advance_on_a_place_are_candidates(candidates: Coder) -> None:
    triggers = _triggers(candidates, FRONT, "ASSAULT")
    assert "استولت" in triggers
    assert "تتقدم" in triggers


def test_an_advance_needs_its_direction(candidates: Coder) -> None:
    """تقدم بطلب is a request submitted, no forces advancing."""
    assert "وتقدم" not in _triggers(candidates, FRONT, "ASSAULT")


COURT = {
    "id": "decide-3",
    "date": "2015-08-05",
    "title": "بدء محاكمة المتهمين في قضية الخلية",
    "text": ("أمرت النيابة العامة بحبس المتهمين الأربعة على ذمة القضية. "
             "وخرج المحامي من الجلسة متهما الشرطة بانتزاع الاعترافات بالقوة. "
             "وتنظر المحكمة في القضية الأسبوع المقبل."),
}


def test_a_participle_with_the_article_names_people_not_an_act(candidates: Coder) -> None:
    """المتهمين "the accused" is no accusation; متهما الشرطة, a participle of circumstance, is."""
    triggers = _triggers(candidates, COURT, "ACCUSE")
    assert "متهما" in triggers
    assert not any("المتهمين" in t for t in triggers)


GRANT = {
    "id": "decide-4",
    "date": "2015-08-05",
    "title": "نقل المصابين إلى مستشفيات مكة المكرمة",
    "text": ("وصل المصابون اليمنيون إلى مستشفيات منطقة مكة المكرمة أمس. "
             "وصدرت مكرمة ملكية بعلاج الجرحى اليمنيين على نفقة الدولة. "
             "وقال مدير الشؤون الصحية إن حالتهم مستقرة."),
}


def test_a_word_inside_a_place_name_is_no_candidate(candidates: Coder) -> None:
    """المكرمة in مكة المكرمة is the city's name, not a royal grant (مكرمة ملكية, AID)."""
    triggers = _triggers(candidates, GRANT, "AID")
    assert "مكرمة" in triggers
    assert not any("المكرمة" in t for t in triggers)


@pytest.mark.parametrize("value, ok", [(True, True), (False, True), ("yes", False)])
def test_the_candidate_key_is_checked(value: object, ok: bool) -> None:
    from marsad.resources import vocabulary
    from marsad.resources.tables import read_events

    text = json.dumps([{"type": "ASSAULT", "nouns": ["تطهير"], "candidate": value}],
                      ensure_ascii=False)
    table = read_events(text, "x.yaml", vocabulary())
    assert (not table.problems) == ok
    if ok:
        assert table.rows[0].candidate is value


def test_a_dated_earlier_deed_is_not_made_the_headlines_news(rules: Coder) -> None:
    article = {"id": "decide-2", "date": "2015-08-09",
               "title": "مسلحون يقتلون عشرة قرويين في شمال نيجيريا",
               "text": ("قتل مسلحون عشرة قرويين في هجوم على قرية في شمال نيجيريا أمس. "
                        "وقال مسؤول محلي إن المهاجمين فروا إلى الغابة. "
                        "وكان مسلحون قتلوا عشرين قرويا في القرية نفسها في أبريل 2014.")}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"rule_modality=historical": (0.0, 5.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    by_year = {e.time["start"][:4]: e.modality for e in events if e.event_type == "ASSAULT"}
    assert by_year == {"2015": "asserted", "2014": "historical"}


def test_a_year_before_publication_in_the_sentence_reaches_the_model(rules: Coder) -> None:
    # an almanac line has no date the time stage reads, only its year at the head
    article = {"id": "decide-3", "date": "2015-08-09",
               "title": "قوات الأمن تعتقل خمسة مشتبه بهم في القاهرة",
               "text": ("اعتقلت قوات الأمن المصرية خمسة مشتبه بهم في القاهرة أمس. "
                        "وقال مصدر أمني إن التحقيق جار. "
                        "1976 - اعتقال رئيس الوزراء الياباني بتهمة تلقي رشوة كبيرة.")}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"sent_year=before": (0.0, 5.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    modality = {e.evidence[-1].sentence_index: e.modality for e in events
                if e.event_type == "COERCE"}
    assert modality == {1: "asserted", 3: "historical"}


@pytest.mark.parametrize("sentence, feature", [
    ("وكانت انتحارية فجرت نفسها في مركز للشرطة في يناير وقتلت ضابطا.", "sent_month=before"),
    # فبراير begins with ف, which is not the conjunction here
    ("وهاجم مسلحون مركزا للشرطة في المدينة في فبراير وقتلوا ضابطا.", "sent_month=before"),
    ("ويذكر أن مسلحين هاجموا مركزا للشرطة في المدينة.", "sent_cue=background"),
    ("وكان مسلحون هاجموا مركزا للشرطة في المدينة قبل 3 سنوات.", "sent_cue=background"),
])
def test_background_told_by_a_month_or_a_recap_reaches_the_model(
        rules: Coder, sentence: str, feature: str) -> None:
    article = {"id": "decide-5", "date": "2015-07-20",
               "title": "قوات الأمن تعتقل خمسة مشتبه بهم في القاهرة",
               "text": "اعتقلت قوات الأمن المصرية خمسة مشتبه بهم في القاهرة أمس. " + sentence}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={feature: (0.0, 5.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    last = [e.modality for e in events if e.evidence[-1].sentence_index == 2]
    assert last and set(last) == {"historical"}
    assert {e.modality for e in events if e.evidence[-1].sentence_index == 1} == {"asserted"}


def test_background_later_in_the_article_is_not_made_the_headlines_news(rules: Coder) -> None:
    article = {"id": "decide-4", "date": "2015-08-09",
               "title": "مسلحون يقتلون عشرة قرويين في شمال نيجيريا",
               "text": ("قتل مسلحون عشرة قرويين في هجوم على قرية في شمال نيجيريا أمس. "
                        "وقال مسؤول محلي إن المهاجمين فروا إلى الغابة. "
                        "وكان مسلحون قد قتلوا عشرين قرويا في القرية نفسها.")}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"rule_modality=historical": (0.0, 5.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    by_sentence = {e.evidence[-1].sentence_index: e.modality for e in events
                   if e.event_type == "ASSAULT"}
    assert by_sentence == {1: "asserted", 3: "historical"}


ALMANAC = ("1943 - الحرب العالمية الثانية: قوات الحلفاء تشن سلسلة غارات جوية على هامبورغ.\n"
           "1974 - مواجهات عنيفة لا سابق لها في حي الدكوانة شرق بيروت: عشرة قتلى وأربعون جريحا.\n"
           "1996 - عملية تفجير في حديقة في وسط اتلانتا خلال الأولمبياد تسفر عن سقوط قتيلين.\n"
           "2005 - افتتاح معرض للكتاب في القاهرة.")


def test_the_entries_of_an_on_this_day_column_are_history(coder):
    events = coder.code_article({"id": "almanac", "title": "حدث في مثل هذا اليوم",
                                 "text": ALMANAC, "date": "2015-07-27"})
    assert events and all(e.modality == "historical" for e in events)


def test_a_candidate_with_no_participant_takes_its_sentences_time(coder):
    # مواجهات عنيفة names no side: kept for the decision, it is judged with its year
    doc = coder.process(Article.from_mapping({"id": "almanac", "title": "حدث في مثل هذا اليوم",
                                              "text": ALMANAC, "date": "2015-07-27"}))
    assert "1974-01-01" in {str(t.start_date) for t in doc.times}


DATED = {
    "id": "decide-dated",
    "date": "2015-08-20",
    "title": "محاكمة المتهمين في الهجوم على السفارة",
    "text": ("بدأت المحكمة الجنائية في العاصمة اليوم محاكمة المتهمين في الهجوم على السفارة. "
             "وكان مسلحون قد هاجموا السفارة في 3 يونيو الماضي وقتلوا حارسين. "
             "وقالت النيابة إن المتهمين اعترفوا بالتخطيط للهجوم."),
}


def test_a_deed_its_own_words_date_before_the_news_period_is_history(rules: Coder) -> None:
    # a model that reads every candidate as asserted: the attack of 3 June, told in an article
    # of 20 August, is background all the same
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"type=ASSAULT": (5.0, 0.0)})
    coded = Coder(resources=replace(rules.resources, decision_model=model)).code_article(DATED)
    dated = [e for e in coded if e.event_type == "ASSAULT" and e.time
             and e.time.get("start") == "2015-06-03"]
    assert dated and {e.modality for e in dated} == {"historical"}


def test_the_decision_reads_the_same_probabilities_from_the_words_its_model_weighs(
        coder: Coder) -> None:
    from marsad.events.features import CandidateFeatures

    # الكستناء (chestnuts) is a word the shipped model does not weigh
    article = dict(ARTICLE, text=ARTICLE["text"] + " وقصفت الطائرات مخازن الكستناء في الرقة.")
    candidates = Coder(candidates=True)
    doc = candidates.process(Article.from_mapping(article))
    model = coder.resources.decision_model
    assert model is not None
    every = CandidateFeatures(candidates.resources).candidate_features(doc)
    weighed = CandidateFeatures(candidates.resources, weighed_by=model).candidate_features(doc)
    assert every and len(weighed) == len(every)
    assert sum(map(len, weighed)) < sum(map(len, every))
    for all_words, some in zip(every, weighed):
        assert set(some) <= set(all_words)
        assert model.keep_probability(some) == model.keep_probability(all_words)
        assert model.modality(some, "asserted") == model.modality(all_words, "asserted")


def test_a_headline_naming_a_bombing_the_body_dates_months_back_is_history(rules: Coder) -> None:
    article = {"id": "decide-headline-past", "date": "2015-07-31",
               "title": "الكويت: القبض على خلية إرهابية لا علاقة لها بتفجير مسجد الإمام الصادق",
               "text": ("أعلنت وزارة الداخلية الكويتية أمس القبض على خلية إرهابية من أربعة أفراد. "
                        "وقالت الوزارة إن أفراد الخلية لا علاقة لهم بالتفجير الانتحاري. "
                        "وكان انتحاري فجر نفسه في مسجد الإمام الصادق في 26 يونيو الماضي وقتل "
                        "26 مصليا.")}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"type=ASSAULT": (5.0, 0.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    bombing = [e for e in events if e.event_type == "ASSAULT"]
    assert bombing and {e.modality for e in bombing} == {"historical"}


@pytest.mark.parametrize("token, word", [
    ("والغارات", "الغارات"),      # و in front: the word it is stuck to is weighed
    ("فالهجوم", "الهجوم"),        # and ف
    ("وزير", "زير"),              # a و of the word's own is read off all the same (bare form)
])
def test_a_sentences_tokens_are_weighed_by_their_form_without_conjunction(
        rules: Coder, token: str, word: str) -> None:
    from marsad.events.word_features import WeighedWords, word_tables

    lang = rules.resources.language
    assert lang is not None
    words, typed = word_tables(_model({f"w={word}": 1.0, f"ASSAULT|w={word}": 0.5}))
    weighed = WeighedWords(words, typed, lang.without_conjunction, lang.syntax.with_conjunction)
    ranks = weighed.ranks(["شنت", token, "."])
    assert weighed.features(ranks) == [f"w={word}"]
    assert weighed.typed_features(ranks, "ASSAULT") == [f"ASSAULT|w={word}"]


@pytest.mark.parametrize("when, modality", [
    ("", "historical"),        # no time of its own, late in the article: the story retold
    (" أمس", "asserted"),      # the same place, dated to the news by its own words
])
def test_a_deeds_place_in_the_article_is_weighed_with_its_own_time(
        rules: Coder, when: str, modality: str) -> None:
    article = {"id": "decide-7", "date": "2015-08-09",
               "title": "مسلحون يقتلون عشرة قرويين في شمال نيجيريا",
               "text": ("قتل مسلحون عشرة قرويين في هجوم على قرية في شمال نيجيريا أمس. "
                        "وقال مسؤول محلي إن المهاجمين فروا إلى الغابة. "
                        "وأضاف أن الجيش أرسل تعزيزات إلى المنطقة. "
                        "وتشهد المنطقة أعمال عنف متكررة. "
                        f"واقتحم مسلحون من الجماعة نفسها سجنا في المدينة{when}.")}
    model = _model({}, threshold=0.5, classes=("asserted", "historical"),
                   modality={"where|when=s<=5|0-2/article": (0.0, 5.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    by_sentence = {e.evidence[-1].sentence_index: e.modality for e in events}
    assert by_sentence.get(5) == modality
    assert by_sentence.get(1) == "asserted"

def test_the_model_weighs_which_roles_a_candidate_names_with_its_type(rules: Coder) -> None:
    # a cable names its sender and its addressee; the wishes after it name one side at most
    article = {"id": "decide-roles", "date": "2015-07-26",
               "title": "القيادة تهنئ الرئيس التونسي بذكرى إعلان الجمهورية",
               "text": ("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة لفخامة "
                        "الرئيس الباجي قايد السبسي رئيس الجمهورية التونسية بمناسبة ذكرى إعلان "
                        "الجمهورية. وأعرب الملك عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة "
                        "لفخامته. وأشاد بتميز العلاقات الأخوية التي تربط بين البلدين.")}
    model = _model({"SUPPORT|roles=AR": 5.0}, threshold=0.6)
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    assert [(e.event_type, e.evidence[0].trigger.text, [a.code for a in e.actor],
             [r.code for r in e.recipient]) for e in events] == [
        ("SUPPORT", "برقية تهنئة", ["SAU"], ["TUN"])]


def test_an_expected_act_stays_future_whatever_the_model_weighs(rules: Coder) -> None:
    # ومن المتوقع أن يواصل …: another's expectation governs the clause; a modality model that
    # reads every candidate as asserted does not make the expected support a report
    article = {"id": "decide-expected", "date": "2015-08-09",
               "title": "التحالف يقصف مواقع داعش في الرقة",
               "text": ("شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم داعش في الرقة أمس. "
                        "وقال المتحدث باسم التحالف إن الغارات دمرت مخازن أسلحة. "
                        "ومن المتوقع أن يواصل التحالف الدولي تقديم الدعم لشركائه في سوريا.")}
    model = _model({}, threshold=0.5, classes=("asserted", "future"),
                   modality={"rule_modality=future": (5.0, 0.0)})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    expected = [e for e in events if any(ev.sentence_index == 3 for ev in e.evidence)]
    assert expected and {e.modality for e in expected} == {"future"}
    assert any(e.modality == "asserted" for e in events if e.event_type == "ASSAULT")


def test_a_dropped_later_mention_does_not_keep_the_headline_from_its_lead(rules: Coder) -> None:
    # the model keeps the headline and the lead (the government's welcome) and drops the EU's
    # welcome of the last sentence: folded into the headline, it would make the headline the
    # EU's and leave the lead a record of its own
    article = {"id": "decide-6", "date": "2015-08-09", "title": "ترحيب بقرار الهدنة في اليمن",
               "text": ("رحبت الحكومة اليمنية اليوم بقرار الهدنة الإنسانية. "
                        "وقال مصدر حكومي إن الهدنة تبدأ منتصف الليل. "
                        "كما رحب الاتحاد الأوروبي بالقرار في بيان.")}
    model = _model({"type=SUPPORT": -3.0, "where=title": 8.0, "where=first": 8.0})
    events = Coder(resources=replace(rules.resources, decision_model=model)).code_article(article)
    support = [[(ev.field, ev.sentence_index) for ev in e.evidence] for e in events
               if e.event_type == "SUPPORT"]
    assert support == [[("title", 0), ("text", 1)]]
