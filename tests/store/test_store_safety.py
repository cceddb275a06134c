"""Issue 13: the store's file is protected from ``-o``, ``--db`` takes only a store, a busy
store says who holds it, and query/export stream their selection."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from marsad import Store
from marsad.cli.main import main

REPORTS = str(Path(__file__).parent / "data" / "reports.jsonl")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def duck(capsys, tmp_path) -> str:
    """A DuckDB store holding the six reports."""
    db = str(tmp_path / "s.duckdb")
    assert _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")[0] == 0
    return db


# item 3: -o onto the store

@pytest.mark.parametrize("argv", [("export", "--format", "csv"), ("export", "--format", "jsonl"),
                                  ("query", "--format", "csv"), ("trends",)])
def test_writing_the_output_over_the_store_is_refused(capsys, duck, argv):
    before = Path(duck).read_bytes()
    status, _, err = _run(capsys, *argv, "--db", duck, "-o", duck)
    assert status == 2 and "is the store" in err and "Traceback" not in err
    assert Path(duck).read_bytes() == before
    with Store(duck) as store:
        assert store.counts()["events"] == 7


def test_a_hard_link_or_another_spelling_of_the_store_is_refused(capsys, duck, tmp_path):
    link = tmp_path / "link.duckdb"
    os.link(duck, link)
    for target in (str(link), str(tmp_path / "." / "s.duckdb")):
        status, _, err = _run(capsys, "export", "--db", duck, "--format", "parquet", "-o", target)
        assert status == 2 and "is the store" in err
    with Store(duck) as store:
        assert store.counts()["events"] == 7
        with pytest.raises(Exception, match="is the store"):
            store.export(str(link), "jsonl")


def test_a_failed_export_leaves_the_old_file_and_no_temporary(duck, tmp_path, monkeypatch):
    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def broken(self, *args, **kwargs):
        yield {"event_id": "first"}
        raise RuntimeError("disk gone")

    monkeypatch.setattr(Store, "records", broken)
    with Store(duck) as store, pytest.raises(RuntimeError, match="disk gone"):
        store.export(str(out), "jsonl")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl", "s.duckdb"]


def test_an_export_keeps_working_onto_dev_null_and_a_new_file(capsys, duck, tmp_path):
    status, _, _ = _run(capsys, "export", "--db", duck, "--format", "csv", "-o", os.devnull)
    assert status == 0 and Path(os.devnull).exists() and not Path(os.devnull).is_file()
    status, _, _ = _run(capsys, "query", "--db", duck, "--format", "csv",
                        "-o", str(tmp_path / "q.csv"))
    assert status == 0 and len(pd.read_csv(tmp_path / "q.csv")) == 7
    assert oct((tmp_path / "q.csv").stat().st_mode & 0o777) != oct(0o600)


# item 4: --db that is not a store

@pytest.mark.parametrize("content, looks", [
    (Path(REPORTS).read_bytes(), "JSON Lines"),
    (b"event_id,event_type\nx,ASSAULT\n", "CSV"),
    (b"PAR1\x15\x04\x15\x10", "Parquet"),
    (b'{"id": "a", "text": "' + "\u0628".encode() * 600 + b'"}\n', "JSON Lines"),   # cut mid-letter
])
def test_db_pointing_at_a_data_file_is_refused_and_left_alone(capsys, tmp_path, content, looks):
    path = tmp_path / "copy.data"
    path.write_bytes(content)
    for argv in (("ingest", REPORTS, "--jobs", "1"), ("query",), ("export", "--format", "csv",
                                                                    "-o", str(tmp_path / "o.csv"))):
        status, _, err = _run(capsys, *argv, "--db", str(path))
        assert status == 2, err
        assert str(path) in err and looks in err and "Traceback" not in err
    assert path.read_bytes() == content
    assert not (tmp_path / "o.csv").exists()


def test_a_duckdb_database_that_is_not_a_store_is_refused(capsys, tmp_path):
    import duckdb

    other = str(tmp_path / "other.duckdb")
    with duckdb.connect(other) as con:
        con.execute("CREATE TABLE sales (id INTEGER)")
    for argv in (("ingest", REPORTS, "--jobs", "1"), ("query",)):
        status, _, err = _run(capsys, *argv, "--db", other)
        assert status == 2 and "not a marsad store" in err and "sales" in err
    with duckdb.connect(other) as con:
        assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]


def test_an_empty_duckdb_database_is_no_store_to_query_but_ingest_makes_one(capsys, tmp_path):
    import duckdb

    empty = str(tmp_path / "empty.duckdb")
    duckdb.connect(empty).close()
    status, _, err = _run(capsys, "query", "--db", empty)
    assert status == 2 and "no marsad store" in err
    assert _run(capsys, "ingest", REPORTS, "--db", empty, "--jobs", "1")[0] == 0
    assert _run(capsys, "query", "--db", empty, "--format", "jsonl")[1].count("\n") == 7


# item 17: a DuckDB store held by another process

def _hold(db: str, read_only: bool) -> subprocess.Popen:
    code = (f"import duckdb, time; c = duckdb.connect({db!r}, read_only={read_only}); "
            "print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, "marsad-ingest-stand-in"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_store_held_by_an_ingest_says_which_process(capsys, duck):
    holder = _hold(duck, read_only=False)
    try:
        for argv in (("query",), ("ingest", REPORTS, "--jobs", "1")):
            status, _, err = _run(capsys, *argv, "--db", duck)
            assert status == 2 and "Traceback" not in err
            assert f"in use by process {holder.pid}" in err and "marsad-ingest-stand-in" in err
    finally:
        holder.kill()
        holder.wait()


def test_readers_do_not_exclude_each_other(capsys, duck):
    holder = _hold(duck, read_only=True)
    try:
        status, out, _ = _run(capsys, "query", "--db", duck, "--format", "jsonl")
        assert status == 0 and out.count("\n") == 7
    finally:
        holder.kill()
        holder.wait()


# item 1: waiting for another ingest's lock on PostgreSQL

def _ingest_lock_key() -> int:
    return int.from_bytes(hashlib.sha1(b"marsad:ingest").digest()[:8], "big", signed=True)


def test_an_ingest_waiting_for_the_lock_says_who_holds_it_and_gives_up(capsys, postgres_db):
    import psycopg

    Store(postgres_db).close()
    with psycopg.connect(postgres_db, autocommit=True, application_name="stuck ingest") as other:
        other.execute("SELECT pg_advisory_lock(%s)", (_ingest_lock_key(),))
        holder = other.execute("SELECT pg_backend_pid()").fetchone()[0]
        started = time.monotonic()
        status, _, err = _run(capsys, "ingest", REPORTS, "--db", postgres_db, "--jobs", "1",
                              "--lock-timeout", "1.5")
        assert time.monotonic() - started < 30
    assert status == 2 and "Traceback" not in err
    assert "waiting for the store's ingest lock" in err
    assert f"server process {holder}" in err and "stuck ingest" in err and "connected since" in err
    assert "gave up after" in err
    with Store(postgres_db) as store:
        assert store.counts()["articles"] == 0


def test_an_ingest_goes_on_once_the_lock_is_let_go(capsys, postgres_db):
    import threading

    import psycopg

    Store(postgres_db).close()
    other = psycopg.connect(postgres_db, autocommit=True)
    other.execute("SELECT pg_advisory_lock(%s)", (_ingest_lock_key(),))

    def let_go_once_waited_for() -> None:
        # the lock is let go once the ingest waits for it, not after a fixed time: on a busy
        # machine the ingest may reach the lock later than any timer
        with psycopg.connect(postgres_db, autocommit=True) as watcher:
            for _ in range(600):
                waiting = watcher.execute("SELECT count(*) FROM pg_locks WHERE locktype = "
                                          "'advisory' AND NOT granted").fetchone()
                if waiting and waiting[0]:
                    break
                time.sleep(0.1)
        other.close()

    threading.Thread(target=let_go_once_waited_for, daemon=True).start()
    status, _, err = _run(capsys, "ingest", REPORTS, "--db", postgres_db, "--jobs", "1")
    assert status == 0 and "waiting for the store's ingest lock" in err and "6 new" in err


# item 9: query and export stream

def test_query_and_export_read_the_selection_in_batches(capsys, db, tmp_path, monkeypatch):
    assert _run(capsys, "ingest", REPORTS, "--db", db, "--jobs", "1")[0] == 0
    with Store(db) as store:
        whole = store.query()
        expected = {"jsonl": list(store.records()), "csv": store.query().to_csv()}
    from marsad.store import backends

    def refusing_events(fetch):
        def no_fetch_of_events(self, sql, params=()):
            # rows and records are read for a block of keys at a time, never for the selection
            rows_read = "e.record" in sql or "string_agg" in sql
            assert "events_flat" not in sql and (not rows_read or len(set(params)) <= 2), \
                "whole selection fetched"
            return fetch(self, sql, params)
        return no_fetch_of_events

    for cls in (backends.DuckDBBackend, backends.PostgresBackend):
        monkeypatch.setattr(cls, "fetch", refusing_events(cls.fetch))
    monkeypatch.setattr(backends, "KEY_BLOCK", 2)
    for fmt in ("jsonl", "csv", "parquet"):
        status, _, err = _run(capsys, "export", "--db", db, "--format", fmt,
                              "-o", str(tmp_path / f"all.{fmt}"))
        assert status == 0 and "7 events written" in err, err
    parquet = pd.read_parquet(tmp_path / "all.parquet")
    assert list(parquet["event_id"]) == list(whole["event_id"])
    assert parquet["event_date"].map(type).eq(type(whole["event_date"][0].date())).all()
    assert len(pd.read_csv(tmp_path / "all.csv")) == 7
    for fmt, lines in (("jsonl", 7), ("csv", 8), ("table", 9)):
        status, out, _ = _run(capsys, "query", "--db", db, "--format", fmt)
        assert status == 0 and len(out.splitlines()) == lines
    with Store(db) as store:
        assert list(store.records()) == expected["jsonl"]
        frames = list(store.query_batches())
        assert [len(f) for f in frames] == [2, 2, 2, 1]
        assert pd.concat(frames, ignore_index=True).to_csv() == expected["csv"]
