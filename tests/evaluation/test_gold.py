"""Reading gold files: the format told from the lines, bad lines named, stand-off resolved."""

import json

import pytest
from article_gold import OIL, SINAI, URL, corpus_folder, standoff_line

from marsad.evaluation.gold import (
    ARTICLE,
    SENTENCE,
    STANDOFF,
    GoldError,
    detect_kind,
    read_gold,
)

SENTENCE_LINE = {"id": "PLOVER-1", "text": "اعتقلت الشرطة العراقية ثلاثة مسلحين.",
                 "events": [{"event_type": "COERCE", "actor": [{"code": "IRQ"}], "recipient": []}]}


@pytest.mark.parametrize("line, kind", [
    (SENTENCE_LINE, SENTENCE),
    (SINAI, ARTICLE),
    ({"id": "x", "text": "…", "events": [dict(SINAI["events"][0])]}, ARTICLE),   # modality
    ({"id": "x", "text": "…", "kind": "quiet", "events": []}, ARTICLE),
    ({"id": URL, "corpus": "saudinewsnet", "events": []}, STANDOFF),
])
def test_the_format_is_told_from_a_line(line, kind):
    assert detect_kind(line) == kind


def _write(path, lines):
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                              for x in lines) + "\n", encoding="utf-8")
    return path


def test_bad_lines_are_problems_with_their_line_and_the_others_are_kept(tmp_path):
    gold = read_gold(_write(tmp_path / "gold.jsonl", [
        SINAI, "{not json", {"id": "y", "kind": "conflict", "events": []}, "[1, 2]",
        dict(OIL, events=[{"modality": "asserted"}]), dict(OIL, date="10 August"), OIL]))
    assert gold.kind == ARTICLE
    assert [n for n, _ in gold.records] == [1, 7]
    assert [(p.line, p.message) for p in gold.problems] == [
        (2, "invalid JSON: Expecting property name enclosed in double quotes"),
        (3, "missing 'text'"), (4, "expected a JSON object"), (5, "event 0 has no 'event_type'"),
        (6, "'date' is not an ISO date: '10 August'")]
    assert str(gold.problems[0]).startswith(f"{tmp_path / 'gold.jsonl'}:2: invalid JSON")


def test_standoff_lines_are_resolved_against_the_corpus(tmp_path):
    line = standoff_line()
    broken = json.loads(json.dumps(line))
    broken["events"][0]["trigger"]["sha"] = "00000000"
    path = _write(tmp_path / "train.jsonl", [line, broken])
    gold = read_gold(path, corpus_folder(tmp_path))
    assert gold.kind == STANDOFF
    [(lineno, article)] = gold.records
    assert (lineno, article["title"], article["events"][0]["trigger"]) == (1, SINAI["title"], "هجوم")
    assert [p.line for p in gold.problems] == [2]
    assert "no longer matches the corpus" in gold.problems[0].message


def test_standoff_gold_without_its_corpus_says_what_to_give(tmp_path):
    path = _write(tmp_path / "train.jsonl", [standoff_line()])
    with pytest.raises(GoldError, match="--corpus DIR"):
        read_gold(path, tmp_path / "nowhere")
