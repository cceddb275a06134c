"""scripts/train_event_model.py: the same annotations give the same model file."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = sorted((ROOT / "training" / "annotations").glob("*.jsonl"))


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_event_model",
                                                  ROOT / "scripts" / "train_event_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module     # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_training_twice_gives_the_same_model(shared: Path, tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="the train extra is not installed")
    corpus = shared / "corpus" / "saudinewsnet"
    if not ANNOTATIONS or not corpus.is_dir():
        pytest.skip("no training annotations or no corpus")
    lines = [ln for p in ANNOTATIONS for ln in p.read_text("utf-8").splitlines() if ln.strip()]
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
    script = _script()
    outs = []
    for n in (1, 2):
        out = tmp_path / f"model-{n}.json"
        script.train([str(small)], str(corpus), out, "2026-01-01", [script.Logistic()])
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = json.loads(outs[0])
    assert model["format"] == 1 and model["trained"] == "2026-01-01"
    assert model["features"] and len(model["keep"]["weights"]) == len(model["features"])


def test_the_labelling_rule_matches_type_and_nearby_sentence() -> None:
    script = _script()
    assert "same event type" in script.__doc__ and "next to it" in script.__doc__


def test_an_articles_fold_comes_from_its_id_alone() -> None:
    # a lexicon change that adds candidates must not move articles between folds: the
    # cross-validated figures of two lexicons are then compared on the same folds
    script = _script()
    ids = [f"http://www.alriyadh.com/{n}" for n in range(1000, 1200)]
    folds = [script.article_fold(i) for i in ids]
    assert folds == [script.article_fold(i) for i in ids]
    assert sorted(set(folds)) == list(range(script.FOLDS))
    assert min(folds.count(k) for k in range(script.FOLDS)) > 20
