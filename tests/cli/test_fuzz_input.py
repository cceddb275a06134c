"""A bounded fuzz test of hostile input (issue 13): JSONL files mixing good records with records
of wrong types, odd Unicode (NUL, lone surrogates, bidi marks, presentation forms) and deep
nesting go through ``marsad code`` and ``marsad ingest`` into DuckDB. Every good record is
coded and stored, every bad one is named with its file and line, and no traceback escapes."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from unittest import mock

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.cli.main import main
from marsad.coder import Coder


@pytest.fixture(scope="module")
def rules_coder() -> Coder:
    """The rules alone: what is read and stored is under test here, not the trained decision
    (which may, rightly or not, keep no event of a good record)."""
    return Coder(decide=False)

#: sentences that each code at least one event, whatever is appended after them
SENTENCES = ["اعتقلت الشرطة العراقية ثلاثة مسلحين في بغداد.",
             "هاجمت القوات التركية مواقع لحزب العمال الكردستاني في شمال العراق أمس.",
             "قصفت الطائرات الإسرائيلية مواقع في قطاع غزة فجر اليوم."]
#: odd but readable: cleaned or ignored, never a reason to lose the article
ODD = ["\u0000", "\ud800", "\udfff", "\u200f", "\u202b", "\u202e", "\u2066", "\ufeff", "ﻻ", "ﷲ",
       "ﺍﻟﺸﺮﻃﺔ", "\u0640", "\u064b", "٣", "𝟘", "😀", "\r", "\t", "\u2028"]
DATES = [None, "2015-08-06", "0001-01-01", "9999-12-31", "2024-02-29 10:00:00"]

odd_text = st.lists(st.sampled_from(ODD) | st.text(max_size=4), max_size=6).map("".join)


@st.composite
def good(draw: st.DrawFn, number: int) -> tuple[dict, str]:
    """A good record and the id it is stored under; ``number`` keeps ids apart."""
    as_int = draw(st.booleans())
    record = {"id": 1000 + number if as_int else f"g{number}{draw(st.sampled_from(['', 'ﻻ', ' ']))}",
              "title": draw(odd_text),
              "text": draw(st.sampled_from(SENTENCES)) + " " + draw(odd_text)}
    for name, values in (("date", DATES), ("source", [None, "alpha", 7, True]),
                         ("url", [None, "http://x/1", 3.5])):
        value = draw(st.sampled_from(values))
        if value is not None:
            record[name] = value
    return record, str(record["id"])


def _nested(depth: int) -> str:
    return '{"text": ' + "[" * depth + "]" * depth + "}"


BAD = st.sampled_from([
    b"[1, 2]", b'"text"', b"17", b"null", b'{"title": "x"}', b'{"text": 5}', b'{"text": ["x"]}',
    b'{"text": null}', b'{"text": "   "}', b'{"text": "\\u0000"}',
    '{"text": "هجوم", "id": [1]}'.encode(), '{"text": "هجوم", "id": {"a": 1}}'.encode(),
    '{"text": "هجوم", "id": "x\\u0000"}'.encode(), '{"text": "هجوم", "id": "\\ud800"}'.encode(),
    '{"text": "هجوم", "title": 5}'.encode(), '{"text": "هجوم", "date": "2015-13-45"}'.encode(),
    '{"text": "هجوم", "date": [2015]}'.encode(), '{"text": "هجوم", "date": "yesterday"}'.encode(),
    '{"text": "هجوم", "language": 5}'.encode(), '{"text": "هجوم", "source": [1]}'.encode(),
    '{"text": "هجوم", "url": {"u": 1}}'.encode(), b'{"text": "\xff\xfe"}', b'{"text": "a\x00b"}',
    b'{"text": "unterminated', b"{broken", ("[" * 100_000).encode(), _nested(5_000).encode(),
])


@st.composite
def inputs(draw: st.DrawFn) -> tuple[list[bytes], dict[int, str], set[int]]:
    """JSONL lines; the good ones by line number with their ids; the bad lines' numbers."""
    lines: list[bytes] = []
    goods: dict[int, str] = {}
    bad: set[int] = set()
    for number in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 2)):
            record, article_id = draw(good(number))
            lines.append(json.dumps(record, ensure_ascii=True).encode())
            goods[len(lines)] = article_id
        else:
            lines.append(draw(BAD))
            bad.add(len(lines))
    return lines, goods, bad


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _named_lines(stderr: str, path: Path) -> set[int]:
    prefix = f"marsad: {path}:"
    assert all(line.startswith(prefix) for line in stderr.splitlines()), stderr
    return {int(line[len(prefix):].split(":")[0]) for line in stderr.splitlines()}


@given(inputs())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=True)
def test_good_records_are_coded_and_stored_and_bad_ones_named(rules_coder, case):
    lines, goods, bad = case
    with tempfile.TemporaryDirectory() as folder, \
            mock.patch("marsad.cli.main._coder", return_value=rules_coder):
        path = Path(folder) / "news.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        status, out, err = _run("code", str(path), "--jobs", "1")
        assert "Traceback" not in err and status == (1 if bad else 0), err
        coded = {json.loads(line)["article_id"] for line in out.splitlines()}
        assert coded == set(goods.values())
        named = _named_lines(err, path)
        assert bad <= named and named - bad <= set(goods)       # the rest are notes

        db = str(Path(folder) / "events.duckdb")
        status, _, err = _run("ingest", str(path), "--db", db, "--jobs", "1", "--quiet")
        assert "Traceback" not in err and status == (1 if bad else 0), err
        assert bad <= _named_lines(err, path)
        with duckdb.connect(db, read_only=True) as con:
            stored = {row[0] for row in con.execute("SELECT article_id FROM articles").fetchall()}
        assert stored == set(goods.values())
