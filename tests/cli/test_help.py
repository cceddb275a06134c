"""What a new user looks for: every option described, with its values and default, examples at
the end of each command's help, the PLOVER types listed, and a progress bar on a terminal
(issue 13, items 14 and 15)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from marsad.cli.main import build_parser, main

REPORTS = str(Path(__file__).resolve().parents[1] / "store" / "data" / "reports.jsonl")


def _commands() -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in dict.fromkeys(action.choices.values()):
                    found[sub.prog] = sub
                    walk(sub)
    walk(build_parser())
    return found


def test_every_option_of_every_command_is_described():
    missing = [f"{prog} {action.option_strings or action.dest}"
               for prog, parser in _commands().items() for action in parser._actions
               if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
               and not (action.help or "").strip()]
    assert not missing, "\n".join(missing)


def test_every_command_ends_with_examples():
    for prog, parser in _commands().items():
        epilog = parser.epilog or ""
        assert "examples:" in epilog and "marsad " in epilog, prog
        assert parser.format_help().rstrip().endswith(epilog.rstrip().splitlines()[-1]), prog


def test_help_says_values_and_defaults(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["query", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for said in ("asserted | future | hypothetical | negated | historical", "marsad types",
                 "0: no event", "(default: all)", "ISO code", "0 to 1", "examples:"):
        assert said in text, said


def test_types_lists_every_type_and_mode_one_line_each(capsys):
    from marsad.resources import vocabulary

    assert main(["types"]) == 0
    lines = capsys.readouterr().out.splitlines()
    types = vocabulary().types
    for name, ptype in types.items():
        line = next(line for line in lines if line.split()[:1] == [name])
        assert len(line.split()) > 3, line             # a description, not the name alone
        for mode in ptype.modes:
            assert any(line.split()[:1] == [mode] for line in lines), mode
    assert len(lines) == len(types) + sum(len(t.modes) for t in types.values())


def test_code_shows_a_progress_bar_on_a_terminal_only(capsys, monkeypatch, tmp_path):
    out = tmp_path / "events.jsonl"
    assert main(["code", REPORTS, "--jobs", "1", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""            # not a terminal: no bar
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["code", REPORTS, "--jobs", "1", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "6/6" in err and "articles" in err and "events=7" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7
    assert all(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert main(["code", REPORTS, "--jobs", "1", "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
