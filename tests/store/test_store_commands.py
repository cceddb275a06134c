"""marsad ingest | query | trends | export, as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from marsad.cli.main import main

REPORTS = str(Path(__file__).parent / "data" / "reports.jsonl")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_ingest_then_again_reports_what_it_did(capsys, db):
    status, _, err = _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    assert status == 0
    assert "6 articles read: 6 new, 0 changed, 0 unchanged, 0 failed; 7 events" in err
    assert "\r" not in err          # no progress bar when standard error is not a terminal
    status, _, err = _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    assert "0 new, 0 changed, 6 unchanged" in err


def test_ingest_with_a_broken_line_exits_1_and_stores_the_rest(capsys, db, tmp_path):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(Path(REPORTS).read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    status, _, err = _run(capsys, "ingest", str(mixed), "--db", db, "--jobs", "1")
    assert status == 1
    assert "mixed.jsonl:7" in err and "6 new" in err


def test_trends_month_json(capsys, db):
    _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    status, out, _ = _run(capsys, "trends", "--db", db, "--by", "month", "--format", "json",
                          "--country", "العراق")
    assert status == 0
    rows = {r["period"]: r for r in json.loads(out)}
    assert rows["2025-03"]["events"] == 3 and rows["2025-04"]["arrested"] == 12


def test_query_formats_agree_with_the_parquet_export(capsys, db, tmp_path):
    _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    _, jsonl, _ = _run(capsys, "query", "--db", db, "--format", "jsonl")
    _, table, _ = _run(capsys, "query", "--db", db)
    status, _, err = _run(capsys, "export", "--db", db, "--format", "parquet",
                          "-o", str(tmp_path / "all.parquet"))
    assert status == 0 and "7 events written" in err
    assert len(jsonl.splitlines()) == len(pd.read_parquet(tmp_path / "all.parquet")) == 7
    assert len(table.splitlines()) == 2 + 7


def test_query_csv_with_filters(capsys, db, tmp_path):
    _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    _, everything, _ = _run(capsys, "query", "--db", db, "--format", "csv")
    assert len(everything.splitlines()) == 1 + 7     # one line per event, headline+body included
    _, out, _ = _run(capsys, "query", "--db", db, "--format", "csv", "--type", "ASSAULT",
                     "--source", "beta")
    out_path = tmp_path / "q.csv"
    out_path.write_text(out, encoding="utf-8")
    frame = pd.read_csv(out_path)
    assert list(frame["article_id"]) == ["beta-0302"]


def test_trends_plot_and_a_bad_plot_name(capsys, db, tmp_path):
    _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")
    status, _, _ = _run(capsys, "trends", "--db", db, "--plot", str(tmp_path / "t.svg"))
    assert status == 0 and (tmp_path / "t.svg").read_text().startswith("<?xml")
    status, _, err = _run(capsys, "trends", "--db", db, "--plot", str(tmp_path / "t.pdf"))
    assert status == 2 and ".png or .svg" in err


def test_an_unreachable_database_is_a_usage_error(capsys):
    status, _, err = _run(capsys, "query", "--db", "postgresql://me:secret@127.0.0.1:1/x")
    assert status == 2
    assert "cannot connect" in err and "secret" not in err


def test_progress_bar_shows_total_rate_and_events(capsys):
    from marsad.cli.progress import BarProgress
    from marsad.reading.sources import ReadOptions

    bar = BarProgress([REPORTS], ReadOptions())
    bar.advance(3, 5)
    bar.close()
    err = capsys.readouterr().err
    assert "3/6" in err and "events=5" in err and "articles/s" in err


def test_querying_a_store_that_does_not_exist_says_how_to_make_one(capsys, tmp_path):
    missing = str(tmp_path / "nothing.duckdb")
    status, _, err = _run(capsys, "trends", "--db", missing)
    assert status == 2 and "marsad ingest" in err
    assert not (tmp_path / "nothing.duckdb").exists()
