"""scripts/annotate.py: the audit's trigger stems and the settled edits of the corpus."""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("annotate", ROOT / "scripts" / "annotate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("triggers, stem", [
    (["بإطلاق سراح الصيادين", "إطلاق سراحه", "لإطلاق النار عليه"], "اطلاق"),
    (["والمساعدات", "المساعدات الإغاثية", "مساعدات"], "مساعدات"),
    (["زيارة", "بزيارة", "للزيارة المرتقبة"], "زياره"),
    (["لم توجه أي تهمة", "توجه"], "توجه"),
])
def test_a_triggers_clitics_and_spelling_do_not_split_its_stem(triggers: list[str], stem: str) -> None:
    script = _script()
    assert [script.trigger_stem(t) for t in triggers] == [stem] * len(triggers)


def _article(*events: tuple[str, str | None, str]) -> str:
    return json.dumps({"id": "http://example.org/a", "corpus": "saudinewsnet", "kind": "conflict",
                       "events": [{"event_type": t, "mode": m, "modality": mod,
                                   "actor": [{"text": None, "code": "YEM", "sector": "MIL"}],
                                   "recipient": []} for t, m, mod in events]},
                      ensure_ascii=False)


def _relabel(tmp_path: Path, rows: list[str]) -> int:
    edits = tmp_path / "settled.tsv"
    edits.write_text("# FILE:LINE:EVENT FROM TO why\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return _script().cmd_relabel(argparse.Namespace(edits=str(edits), dir=str(tmp_path)))


def test_relabel_changes_the_type_and_the_code_and_nothing_else(tmp_path: Path) -> None:
    batch = tmp_path / "batch-00.jsonl"
    batch.write_text(_article(("SANCTION", "convict", "asserted"), ("COERCE", "arrest", "historical"))
                     + "\n", encoding="utf-8")
    assert _relabel(tmp_path, [
        "batch-00.jsonl:1:0\tSANCTION/convict/asserted\tASSAULT/targeted/asserted\texecution",
        "batch-00.jsonl:1:1\tactor.0=YEM/MIL\tactor.0=NSA/REB\tSaleh's forces"]) == 0
    events = json.loads(batch.read_text(encoding="utf-8"))["events"]
    assert (events[0]["event_type"], events[0]["mode"], events[0]["modality"]) == \
        ("ASSAULT", "targeted", "asserted")
    assert events[1]["event_type"] == "COERCE" and events[1]["actor"][0]["code"] == "NSA"
    assert events[1]["actor"][0]["sector"] == "REB"


def test_relabel_twice_changes_nothing_the_second_time(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch-00.jsonl"
    batch.write_text(_article(("AGREE", None, "historical")) + "\n", encoding="utf-8")
    row = "batch-00.jsonl:1:0\tAGREE/None/historical\tSUPPORT/None/historical\tnuclear deal"
    assert _relabel(tmp_path, [row]) == 0
    once = batch.read_text(encoding="utf-8")
    assert _relabel(tmp_path, [row]) == 0
    assert batch.read_text(encoding="utf-8") == once
    assert "0 applied now, 1 already applied" in capsys.readouterr().out


def test_relabel_refuses_an_edit_whose_old_value_is_not_there(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch-00.jsonl"
    batch.write_text(_article(("CONCEDE", None, "asserted")) + "\n", encoding="utf-8")
    assert _relabel(tmp_path, ["batch-00.jsonl:1:0\tRETREAT/release/asserted\t"
                               "CONCEDE/None/historical\twrong row"]) == 1
    assert "is neither RETREAT/release/asserted nor CONCEDE/None/historical" in capsys.readouterr().err
    assert json.loads(batch.read_text(encoding="utf-8"))["events"][0]["event_type"] == "CONCEDE"


def test_the_committed_corpus_holds_every_settled_edit(tmp_path: Path) -> None:
    for path in (ROOT / "training" / "annotations").glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    edits = ROOT / "training" / "settled.tsv"
    rows = [r for r in edits.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    assert rows
    assert _relabel(tmp_path, rows) == 0
    for path in (ROOT / "training" / "annotations").glob("*.jsonl"):
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_a_keyword_pick_finds_its_phrases_after_clitics_and_in_other_spellings(tmp_path: Path) -> None:
    from marsad.lang.ar import normalize_term

    keywords = tmp_path / "keywords.txt"
    keywords.write_text("# cooperation\nتعاون أمني\nالإفراج عن\nانسحاب\nتسلمت\n", encoding="utf-8")
    pattern = _script()._keyword_pattern(str(keywords))

    def hits(text: str) -> set[str]:
        return {m.group(1) for m in pattern.finditer(normalize_term(text))}

    assert hits("وبحث الجانبان سبل تعزيز التعاون وتعاون أمنيّ أوثق بين البلدين") == {"تعاون امني"}
    assert hits("وطالبت الأسر بالافراج عن المعتقلين") == {"الافراج عن"}
    assert hits("ورحب المجلس بانسحاب القوات من المدينة") == {"انسحاب"}
    assert hits("واستسلمت عناصر من الميليشيا للجيش") == set()  # never inside a word


def test_no_training_article_is_a_near_copy_of_a_dev_or_reserved_story(shared: Path) -> None:
    script = _script()
    records = script.corpus()
    ids = [json.loads(line)["id"] for path in sorted((ROOT / "training" / "annotations").glob("*.jsonl"))
           for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) > 1000
    assert [(c.article, c.reference) for c in script.evaluation_copies(ids, records)] == []
