"""``marsad serve`` on the command line: a missing store is a usage error, not a traceback."""

from __future__ import annotations

from pathlib import Path

from marsad.cli.main import main


def test_serving_a_store_that_does_not_exist_is_a_usage_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.duckdb"
    assert main(["serve", "--db", str(missing)]) == 2
    said = capsys.readouterr().err
    assert "no store at" in said and "marsad ingest" in said
    assert not missing.exists()


def test_serve_reads_its_defaults_from_the_environment(monkeypatch) -> None:
    from marsad.cli.main import build_parser

    monkeypatch.setenv("MARSAD_TOKEN", "from-env")
    args = build_parser().parse_args(["serve"])
    assert (args.token, args.host, args.port, args.cache_seconds) == ("from-env", "127.0.0.1", 8000, 30)
