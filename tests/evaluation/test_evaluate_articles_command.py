"""``marsad evaluate`` on article gold: the table, ``--json``, ``--errors``, bad lines, stand-off
files, and the figures on the real-news dev set."""

import json

import pytest
from article_gold import OIL, SINAI, URL, corpus_folder, predicted, standoff_line

from marsad.cli import main as cli
from marsad.evaluation.articles import evaluate_articles
from marsad.evaluation.gold import read_gold

PREDICTED = {
    "sinai-checkpoint": [
        predicted(SINAI, "ASSAULT", "هجوم", actor=["NSA"], recipient=["EGY"], sentence=1),
        predicted(SINAI, "COERCE", "اعتقلت", actor=["EGY"], recipient=[]),
        predicted(SINAI, "ASSAULT", "هاجموا", actor=["NSA"], modality="historical")],
    "oil-prices": [predicted(OIL, "ASSAULT", "ارتفعت", actor=["SAU"])],
}


class FakeCoder:
    def code_article(self, record):
        return PREDICTED[record["id"]]


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(cli, "_coder", lambda lexicons: FakeCoder())


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "real-news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (SINAI, OIL)),
                    encoding="utf-8")
    return path


def test_the_table_shows_loose_strict_types_agreement_false_alarms_and_modality(fake_coder, gold, capsys):
    assert cli.main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 articles (1 quiet); asserted events, matched one-to-one by type within an article"
    assert out[2].split() == ["gold", "pred", "loose", "P", "loose", "R", "loose", "F1",
                              "strict", "P", "strict", "R", "strict", "F1"]
    assert out[3].split() == ["overall", "3", "3", "0.667", "0.667", "0.667", "0.333", "0.333", "0.333"]
    assert out[5].split() == ["ASSAULT", "2", "2", "0.500", "0.500", "0.500", "0.500", "0.500", "0.500"]
    assert out[6].split() == ["COERCE", "1", "1", "1.000", "1.000", "1.000", "0.000", "0.000", "0.000"]
    assert ("roles on 2 loose matches: actor agrees 2 (1.000), recipient agrees 1 (0.500)") in out
    assert "false alarms: 1 asserted events predicted in 1 of 1 quiet articles" in out
    modality = out[out.index("modality (events of any modality matched by type and sentence):") + 1:]
    assert modality[0].split() == ["gold", "\\", "predicted", "asserted", "historical", "future",
                                   "hypothetical", "negated"]
    assert modality[1].split() == ["asserted", "2", "0", "0", "0", "0"]
    assert modality[2].split() == ["historical", "0", "1", "0", "0", "0"]


def test_json_is_one_object_with_the_figures(fake_coder, gold, capsys):
    assert cli.main(["evaluate", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "article" and "errors" not in report
    assert report["loose"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667,
                               "tp": 2, "fp": 1, "fn": 1}
    assert report["strict"]["tp"] == 1
    assert report["quiet"] == {"articles": 1, "false_alarms": 1, "articles_with_false_alarms": 1}
    assert report["modality"]["historical"]["historical"] == 1


def test_errors_list_each_miss_and_each_false_alarm(fake_coder, gold, capsys):
    assert cli.main(["evaluate", str(gold), "--errors"]) == 0
    out = capsys.readouterr().out
    errors = out[out.index("miss:"):].splitlines()
    assert errors == [
        "miss: sinai-checkpoint s2 ASSAULT NSA -> EGY trigger: أطلق مسلحون النار",
        "    " + SINAI["sentences"][2],
        "false alarm: oil-prices s1 ASSAULT SAU -> - trigger: ارتفعت",
        "    " + OIL["sentences"][1],
    ]


def test_json_errors_carry_misses_and_false_alarms(fake_coder, gold, capsys):
    assert cli.main(["evaluate", str(gold), "--json", "--errors"]) == 0
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors["misses"] == [{"article": "sinai-checkpoint", "event_type": "ASSAULT",
                                 "sentence_index": 2, "sentence": SINAI["sentences"][2],
                                 "trigger": "أطلق مسلحون النار", "actor": ["NSA"],
                                 "recipient": ["EGY"]}]
    assert [(f["article"], f["trigger"]) for f in errors["false_alarms"]] == [("oil-prices", "ارتفعت")]


def test_bad_lines_are_named_skipped_and_exit_one(fake_coder, gold, capsys):
    lines = gold.read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join([lines[0], "{broken", '{"kind": "quiet", "events": []}', lines[1]]),
                    encoding="utf-8")
    assert cli.main(["evaluate", str(gold), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"marsad: {gold}:2: invalid JSON: Expecting property name "
                                         "enclosed in double quotes",
                                         f"marsad: {gold}:3: missing 'text'"]
    assert json.loads(captured.out)["articles"] == 2


def test_standoff_files_are_scored_against_the_corpus(fake_coder, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(PREDICTED, URL, [])
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(standoff_line(), ensure_ascii=False) + "\n", encoding="utf-8")
    folder = corpus_folder(tmp_path)
    assert cli.main(["evaluate", str(path), "--json", "--corpus", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out)["loose"]["fn"] == 3
    assert cli.main(["evaluate", str(path), "--corpus", str(tmp_path / "none")]) == 2
    assert "--corpus DIR" in capsys.readouterr().err


def test_the_real_coder_codes_the_gold_articles(gold, capsys):
    assert cli.main(["evaluate", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["articles"], report["quiet_articles"]) == (2, 1)
    assert report["loose"]["tp"] + report["loose"]["fn"] == 3


@pytest.mark.shared
def test_real_news_dev_set_figures(coder, shared):
    gold = read_gold(shared / "eval" / "real-news.dev.jsonl")
    assert not gold.problems
    scores = evaluate_articles(gold.records, coder)
    assert (scores.articles, scores.quiet_articles) == (95, 20)
    # floors a little under the figures of issue 11 (loose F1 0.49, strict F1 0.15), so a
    # regression shows; raise them as the coder improves
    assert scores.overall.loose.f1 >= 0.45
    assert scores.overall.strict.f1 >= 0.13
    assert scores.quiet_false_alarms <= 20
