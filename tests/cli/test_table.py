"""The table a person reads: trimmed in time linear in the cell, and with the columns that say
what happened where and when (issue 13, items 8 and 13)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from marsad.cli import output
from marsad.cli.output import cell

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "turkey-iraq-strikes.ar.txt"
_ISOLATES = "\u2066\u2067\u2068\u2069"
_CONTROLS = _ISOLATES + "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"


def _visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in _CONTROLS)


def test_a_huge_cell_is_trimmed_looking_at_the_width_only(monkeypatch):
    """A 200,000-character evidence cell: the result is right, and the widths measured are those
    of the characters that fit, not one pass per character cut (which was quadratic)."""
    calls = []
    measure = output._char_width
    monkeypatch.setattr(output, "_char_width", lambda ch: calls.append(ch) or measure(ch))
    sentence = Path(EXAMPLE).read_text(encoding="utf-8").replace("\n", " ")
    text = (sentence * (200_000 // len(sentence) + 1))[:200_000]
    trimmed = cell(text, 48)
    assert trimmed.startswith("\u2067") and trimmed.endswith("\u2069")
    inner = trimmed[1:-1]
    assert inner.endswith("…") and text.startswith(inner[:-1])
    assert sum(output._char_width(ch) for ch in inner) == 48
    assert len(calls) < 200


def test_wide_and_combining_characters_keep_the_columns_aligned():
    assert cell("\u4e2d\u6587\u5b57", 4) == "\u4e2d… "     # two columns per ideograph
    assert _visible(cell("قَتَلَ", 5)) == "قَتَلَ  "                    # marks take no column
    assert len(_visible(cell("abc", 6))) == 6


def test_direction_marks_of_the_text_are_never_cut_in_half():
    """An embedding opened in the text (U+202B) and closed after the cut would be left open and
    turn the rest of the line around: the cell holds no direction mark of its own, only one
    isolate around all of it, with the ellipsis inside."""
    text = "\u202bهجوم على قافلة في ريف حلب الشمالي\u202c قتل فيه خمسة"
    trimmed = cell(text, 12)
    assert trimmed[0] == "\u2067" and trimmed.index("\u2069") == len(trimmed.rstrip(" ")) - 1
    assert not any(ch in trimmed[1:-1].rstrip(" \u2069") for ch in _CONTROLS)
    assert trimmed.rstrip(" ").endswith("…\u2069")


def test_code_table_has_date_place_and_killed_columns(tmp_path):
    article = tmp_path / "raid.json"
    article.write_text(json.dumps({
        "id": "raid", "date": "2025-03-14",
        "text": "قتل خمسة مدنيين أمس في غارة جوية شنها الجيش التركي على قرية في محافظة دهوك."},
        ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "marsad.cli.main", "code", str(article),
                             "--format", "table", "--jobs", "1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    header, _, *rows = result.stdout.splitlines()
    names = [c.strip() for c in header.split("|")]
    assert names[:4] == ["date", "type", "mode", "place"] and "killed" in names
    row = dict(zip(names, (c.strip() for c in _visible(rows[0]).split("|"))))
    assert (row["date"], row["type"], row["place"], row["killed"]) == \
        ("2025-03-13", "ASSAULT", "Duhok (IRQ)", "5")


def test_the_table_shows_an_armed_groups_home_country_beside_nsa():
    from marsad.doc.records import Entity

    houthis = Entity("الحوثيون", 0, 8, "Houthis", "NSA", "REB", "houthis", "non_state_armed",
                     country="YEM")
    army = Entity("الجيش", 10, 15, "Yemen (army)", "YEM", "MIL", "yem.mil", "state", country="YEM")
    assert output._entities((houthis, army)) == "الحوثيون [NSA:YEM/REB], الجيش [YEM/MIL]"
