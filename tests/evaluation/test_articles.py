"""The article scorer (ANNOTATION.md, "Scoring") on small hand-written gold articles, with
predicted events built by hand so that each figure is known exactly."""

import pytest
from article_gold import OIL, SINAI, entity, predicted

from marsad.evaluation.article_report import to_dict
from marsad.evaluation.articles import (
    ArticleScores,
    GoldArticle,
    evaluate_articles,
    predicted_codes,
    score_article,
)


def _score(*articles_and_events):
    scores = ArticleScores()
    for article, events in articles_and_events:
        score_article(GoldArticle.from_record(article), events, scores)
    return scores


def _counts(c):
    return c.tp, c.fp, c.fn


NSA_GUNMEN = entity("EGY", "non_state_armed", "REB")


def test_type_alone_is_a_loose_match_and_roles_make_it_strict():
    events = [predicted(SINAI, "ASSAULT", "أطلق", actor=["EGY"], recipient=["NSA"]),   # roles swapped
              predicted(SINAI, "COERCE", "اعتقلت", actor=["EGY"], recipient=["EGY"])]
    scores = _score((SINAI, events))
    assert _counts(scores.per_type["ASSAULT"].loose) == (1, 0, 1)
    assert _counts(scores.per_type["ASSAULT"].strict) == (0, 1, 2)
    assert _counts(scores.per_type["COERCE"].strict) == (1, 0, 0)
    assert _counts(scores.overall.loose) == (2, 0, 1)
    assert _counts(scores.overall.strict) == (1, 1, 2)


def test_two_gold_assaults_and_one_predicted_give_recall_one_half():
    scores = _score((SINAI, [predicted(SINAI, "ASSAULT", "هجوم", actor=[NSA_GUNMEN],
                                       recipient=["EGY"], sentence=1)]))
    loose = scores.per_type["ASSAULT"].loose
    assert (loose.precision, loose.recall) == (1.0, 0.5)
    assert [(m["event_type"], m["sentence_index"]) for m in scores.misses] == [
        ("ASSAULT", 2), ("COERCE", 3)]


@pytest.mark.parametrize("sentence, missed", [(1, 2), (2, 1)])
def test_the_match_is_the_gold_event_of_the_same_sentence(sentence, missed):
    trigger = "هجوم" if sentence == 1 else "أطلق"
    scores = _score((SINAI, [predicted(SINAI, "ASSAULT", trigger, actor=["NSA"], recipient=["EGY"],
                                       sentence=sentence)]))
    assert [m["sentence_index"] for m in scores.misses if m["event_type"] == "ASSAULT"] == [missed]


def test_the_matching_maximises_strict_pairs_rather_than_taking_the_nearest_first():
    # the first prediction, in gold event 1's sentence, fits both gold events; the second, in
    # gold event 2's sentence, fits only gold event 1: pairing by sentence leaves one pair loose
    article = dict(SINAI, events=[
        dict(SINAI["events"][0], recipient=[{"text": "جنديان مصريان", "code": "EGY"},
                                            {"text": "حاجز أمني", "code": "ISR"}]),
        SINAI["events"][1]])
    events = [predicted(SINAI, "ASSAULT", "هجوم", actor=["NSA"], recipient=["EGY"], sentence=1),
              predicted(SINAI, "ASSAULT", "أطلق", actor=["NSA"], recipient=["ISR"], sentence=2)]
    scores = _score((article, events))
    assert _counts(scores.overall.strict) == (2, 0, 0)


@pytest.mark.parametrize("actor, strict", [
    (entity("EGY", "non_state_armed", None), True),     # an armed group coded by its country
    (entity("EGY", "other", "REB"), True),              # rebels by sector
    (entity("NSA", "non_state_armed", None), True),
    (entity("EGY", "state", "MIL"), False),              # the army is not the gunmen
])
def test_a_non_state_armed_group_coded_by_country_matches_gold_nsa(actor, strict):
    scores = _score((SINAI, [predicted(SINAI, "ASSAULT", "أطلق", actor=[actor], recipient=["EGY"])]))
    assert scores.overall.strict.tp == int(strict)
    assert scores.overall.loose.tp == 1


def test_nsa_is_added_to_the_codes_of_armed_groups_only():
    assert predicted_codes([NSA_GUNMEN, entity("SAU")]) == {"EGY", "NSA", "SAU"}


def test_events_that_are_not_asserted_are_left_out_of_precision_and_recall():
    events = [predicted(SINAI, "ASSAULT", "هاجموا", actor=["NSA"], modality="historical"),
              predicted(SINAI, "COERCE", "اعتقلت", actor=["EGY"], recipient=["EGY"],
                        modality="future")]
    scores = _score((SINAI, events))
    assert _counts(scores.overall.loose) == (0, 0, 3)     # three asserted gold events missed
    assert scores.false_alarms == []
    assert scores.modality[("historical", "historical")] == 1
    assert scores.modality[("asserted", "future")] == 1


def test_asserted_events_in_quiet_articles_are_false_alarms():
    events = [predicted(OIL, "ASSAULT", "ارتفعت", actor=["SAU"]),
              predicted(OIL, "REQUEST", "وتوقع", actor=["SAU"]),
              predicted(OIL, "ACCUSE", "وتوقع", actor=["SAU"], modality="future")]
    quiet_again = dict(OIL, id="oil-prices-2")
    scores = _score((OIL, events), (quiet_again, []), (SINAI, []))
    assert (scores.quiet_articles, scores.quiet_false_alarms, scores.quiet_articles_alarmed) == (2, 2, 1)
    assert _counts(scores.overall.loose) == (0, 2, 3)
    assert [(f["article"], f["event_type"], f["trigger"]) for f in scores.false_alarms] == [
        ("oil-prices", "ASSAULT", "ارتفعت"), ("oil-prices", "REQUEST", "وتوقع")]


def test_roles_place_and_date_agreement():
    day = {"start": "2015-08-09", "end": "2015-08-09", "precision": "day"}
    events = [predicted(SINAI, "ASSAULT", "هجوم", actor=["NSA"], recipient=["EGY"], sentence=1,
                        country="EGY", time=day),
              predicted(SINAI, "ASSAULT", "أطلق", actor=["NSA"], recipient=["EGY"],
                        country="SYR", time=day),
              predicted(SINAI, "COERCE", "اعتقلت", actor=["EGY"], recipient=[])]
    d = to_dict(_score((SINAI, events)))
    assert d["roles"] == {"matches": 3, "actor_agree": 3, "actor_share": 1.0,
                          "recipient_agree": 2, "recipient_share": 0.6667}
    assert d["place"] == {"agree": 1, "both": 2, "share": 0.5}
    assert d["date"] == {"agree": 1, "both": 1, "share": 1.0}   # gold 2 gives no date


@pytest.mark.parametrize("time, agree", [
    ({"start": "2015-08-01", "end": "2015-08-31"}, 1),      # a month that holds the day
    ({"start": "2015-08-10", "end": "2015-08-10"}, 0),
    ({"start": "2015-08-09", "end": None}, 1),
])
def test_date_agrees_when_the_predicted_time_overlaps_the_gold_span(time, agree):
    events = [predicted(SINAI, "ASSAULT", "هجوم", actor=["NSA"], recipient=["EGY"], sentence=1,
                        time=time)]
    scores = _score((SINAI, events))
    assert (scores.date_agree, scores.date_both) == (agree, 1)


def test_the_json_object_has_stable_keys():
    d = to_dict(_score((SINAI, []), (OIL, [])))
    assert list(d) == ["format", "articles", "quiet_articles", "loose", "strict", "per_type",
                       "roles", "place", "date", "quiet", "modality"]
    assert d["loose"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 3}
    assert list(d["modality"]) == ["asserted", "historical", "future", "hypothetical", "negated"]
    assert d["quiet"] == {"articles": 1, "false_alarms": 0, "articles_with_false_alarms": 0}


def test_sentences_are_numbered_as_the_gold_does():
    article = GoldArticle.from_record(SINAI)
    ev = predicted(SINAI, "COERCE", "اعتقلت", actor=["EGY"])
    assert article.predicted(ev).sentences == {3}
    assert article.events[0].sentences == {0, 1}     # its note: "headline = same"


def test_evaluate_articles_codes_each_article_and_reports_the_unreadable(coder):
    problems = []
    bad = dict(SINAI, id="bad-date", date="10 August")
    english = dict(OIL, id="english", title="Oil prices rise",
                   text="Oil prices rose on world markets yesterday, and analysts expect more.")
    scores = evaluate_articles([(1, SINAI), (2, bad), (3, english)], coder,
                               lambda line, message: problems.append((line, message)))
    assert scores.articles == 1
    assert [line for line, _ in problems] == [2, 3]
    assert "date" in problems[0][1] and "'en'" in problems[1][1]


@pytest.mark.parametrize("actor, strict", [
    (entity("NSA", "non_state_armed", "REB", country="EGY"), True),    # the contract's coding
    (entity("NSA", "non_state_armed", "REB", country=None), True),
])
def test_an_armed_group_coded_nsa_with_its_home_country_matches_gold_nsa(actor, strict):
    scores = _score((SINAI, [predicted(SINAI, "ASSAULT", "أطلق", actor=[actor], recipient=["EGY"])]))
    assert scores.overall.strict.tp == int(strict)


def test_an_armed_group_is_not_the_state_of_its_home_country_in_article_gold():
    # the guideline codes the state EGY and the group NSA: a group's home country is not its code
    group = entity("NSA", "non_state_armed", "REB", country="EGY")
    scores = _score((SINAI, [predicted(SINAI, "ASSAULT", "أطلق", actor=["NSA"], recipient=[group])]))
    assert scores.overall.strict.tp == 0
