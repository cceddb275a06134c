"""What a careless user types: a typo in a filter, an output nobody can write, a negative
limit. Each is one line ``marsad: …`` on standard error and exit status 2, never a traceback and
never a silent "0 events" (issue 13, items 11 and 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli.main import main

REPORTS = str(Path(__file__).resolve().parents[1] / "store" / "data" / "reports.jsonl")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "events.duckdb")
    assert main(["ingest", REPORTS, "--db", path, "--jobs", "1", "--quiet"]) == 0
    return path


def _usage_error(capsys, *argv: str) -> str:
    """The one line said for a usage error (exit 2, no traceback)."""
    capsys.readouterr()
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 2, (argv, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: "), err
    assert "Traceback" not in err and "events" not in err
    return lines[0]


@pytest.mark.parametrize(("option", "value", "hint"), [
    ("--type", "ASSUALT", "ASSAULT"),
    ("--country", "Yemn", "Yemen"),
    ("--country", "العرق", "IRQ"),
    ("--actor", "XYZ", "NSA"),
    ("--recipient", "isiss", "isis"),
    ("--modality", "maybe", "asserted"),
    ("--mode", "airstrike", "strike (PROTEST)"),
])
def test_a_typo_in_a_filter_is_a_usage_error_with_the_closest_or_valid_values(
        capsys, db, option, value, hint):
    for command in ("query", "trends", "export"):
        extra = ["--format", "csv", "-o", os.devnull] if command == "export" else []
        line = _usage_error(capsys, command, "--db", db, option, value, *extra)
        assert value in line and hint in line, line


def test_since_after_until_is_a_usage_error(capsys, db):
    line = _usage_error(capsys, "query", "--db", db, "--since", "2025-05-01", "--until", "2025-03-01")
    assert "--since" in line and "--until" in line


def test_good_values_still_select(capsys, db):
    for argv in (["--type", "assault"], ["--country", "العراق"], ["--country", "iraq"],
                 ["--actor", "TUR"], ["--actor", "irq.cop"], ["--recipient", "pkk"],
                 ["--mode", "AERIAL"], ["--modality", "Asserted"]):
        assert main(["query", "--db", db, "--format", "csv", *argv]) == 0, argv
        out = capsys.readouterr().out
        assert len(out.splitlines()) > 1, argv
    assert main(["query", "--db", db, "--actor", "NSA", "--actor", "usa.centcom"]) == 0


@pytest.mark.parametrize("argv", [
    ["query", "--limit", "-5"], ["code", "--max-chars", "-10", "x.txt"],
    ["ingest", "x.jsonl", "--max-chars", "0"], ["ingest", "x.jsonl", "--batch", "0"],
    ["code", "--jobs", "-2", "x.txt"], ["query", "--min-confidence", "1.5"],
])
def test_out_of_range_numbers_are_refused(capsys, argv):
    line = _usage_error(capsys, *argv, *(["--db", "nowhere.duckdb"] if argv[0] == "query" else []))
    assert argv[-1] in line or argv[-2] in line


def test_limit_zero_is_no_row(capsys, db):
    assert main(["query", "--db", db, "--limit", "0", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == []
    assert main(["query", "--db", db, "--limit", "0", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""


def _unwritable(tmp_path: Path) -> list[str]:
    return [str(tmp_path / "missing" / "out.txt"), str(tmp_path), "/dev/full"]


def test_output_nobody_can_write_is_one_line(capsys, db, tmp_path):
    for target in _unwritable(tmp_path):
        line = _usage_error(capsys, "query", "--db", db, "-o", target)
        assert target in line
        line = _usage_error(capsys, "trends", "--db", db, "-o", target)
        assert target in line


def test_plot_nobody_can_write_is_one_line(capsys, db, tmp_path):
    for target in (str(tmp_path / "missing" / "t.png"), str(tmp_path / "dir.svg")):
        (tmp_path / "dir.svg").mkdir(exist_ok=True)
        line = _usage_error(capsys, "trends", "--db", db, "--plot", target)
        assert target in line


def test_code_output_nobody_can_write_is_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("عنوان\nاعتقلت الشرطة العراقية ثلاثة مسلحين في بغداد.", encoding="utf-8")
    for target in _unwritable(tmp_path):
        result = subprocess.run([sys.executable, "-m", "marsad.cli.main", "code", str(article),
                                 "--jobs", "1", "-o", target],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, (target, result.stderr)
        assert result.stderr.startswith("marsad: ") and len(result.stderr.splitlines()) == 1
        assert target in result.stderr
