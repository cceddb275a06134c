"""The compiled coder (mypyc extensions built by setup.py) and its fall-back to the sources."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import marsad

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
compiled_only = pytest.mark.skipif(
    marsad.RUNS_AS != "compiled",
    reason="this install runs the .py sources (built with MARSAD_PURE_PYTHON=1, or edited since)")


def _code(env_extra, pythonpath=None):
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_PURE_PYTHON"} | env_extra
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    script = ("import sys, json, marsad; from marsad.reading.sources import read_articles;"
              "coder = marsad.Coder(); print(marsad.RUNS_AS);"
              "[print(json.dumps(e.to_dict(), ensure_ascii=False)) for a in read_articles("
              "sys.argv[1:], print) for e in coder.code(a)]")
    articles = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    return subprocess.run([sys.executable, "-c", script, *articles], env=env, capture_output=True,
                          text=True, timeout=120)


@compiled_only
def test_compiled_and_source_code_the_same_records():
    compiled = _code({})
    source = _code({"MARSAD_PURE_PYTHON": "1"})
    assert compiled.returncode == 0 and source.returncode == 0, compiled.stderr + source.stderr
    runs_c, *records_c = compiled.stdout.splitlines()
    runs_s, *records_s = source.stdout.splitlines()
    assert (runs_c, runs_s) == ("compiled", "python")
    assert records_c and records_c == records_s
    assert all(json.loads(r)["event_type"] for r in records_c)


@compiled_only
def test_a_source_edited_after_the_build_runs_from_source_with_a_warning(tmp_path):
    package = Path(marsad.__file__).parent
    shutil.copytree(package, tmp_path / "marsad",
                    ignore=shutil.ignore_patterns("__pycache__", "store", "evaluation"))
    edited = tmp_path / "marsad" / "events" / "merge.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = _code({}, pythonpath=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "python"
    assert "marsad.events.merge changed since marsad was compiled" in result.stderr
    assert result.stdout.splitlines()[1:] == _code({"MARSAD_PURE_PYTHON": "1"}).stdout.splitlines()[1:]
