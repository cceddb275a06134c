"""Ingest: idempotent by id and content hash, re-coding what changed, safe to kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad import Store
from marsad.reading.article import Article

REPORTS = Path(__file__).parent / "data" / "reports.jsonl"


def _snapshot(store: Store) -> dict:
    """What must be equal between two stores holding the same articles."""
    q = store.query()
    return {"counts": store.counts(), "events": sorted(q["event_id"]),
            "clusters": sorted(zip(q["event_id"], q["cluster_id"]))}


def test_ingest_stores_articles_events_entities_and_places(reports_store):
    counts = reports_store.counts()
    assert counts["articles"] == 6
    assert counts["events"] == 7
    assert counts["places"] >= 5
    row = reports_store.query(articles=["alpha-0410"]).iloc[0]
    assert (row["event_type"], row["mode"], row["actor_codes"], row["location"], row["country"]) == \
        ("COERCE", "arrest", "IRQ", "Mosul", "IRQ")


def test_reingesting_the_same_articles_adds_nothing(reports_store):
    before = _snapshot(reports_store)
    stats = reports_store.ingest([str(REPORTS)], jobs=1)
    assert (stats.new, stats.changed, stats.unchanged, stats.events) == (0, 0, 6, 0)
    assert _snapshot(reports_store) == before


def test_changed_article_is_recoded_and_its_old_events_replaced(reports_store):
    old = set(reports_store.query(articles=["alpha-0410"])["event_id"])
    changed = Article("alpha-0410", "هاجم مسلحون اليوم مركزا للشرطة العراقية في مدينة الموصل.",
                      "هجوم في الموصل", Article.from_mapping({"text": "x", "date": "2025-04-10"}).date,
                      "alpha")
    stats = reports_store.ingest([changed], jobs=1)
    assert (stats.new, stats.changed) == (0, 1)
    now = reports_store.query(articles=["alpha-0410"])
    assert list(now["event_type"]) == ["ASSAULT"]
    assert not old & set(now["event_id"])
    assert reports_store.counts()["articles"] == 6


def test_same_id_twice_in_one_input_keeps_the_last_version(store):
    first = {"id": "dup-1", "date": "2025-05-01", "text": "اعتقلت الشرطة العراقية 3 أشخاص في البصرة."}
    second = {**first, "text": "تظاهر مئات العراقيين في البصرة احتجاجا على البطالة."}
    store.ingest([first, second], jobs=1)
    assert list(store.query()["event_type"]) == ["PROTEST"]


def test_a_bad_record_is_reported_and_the_others_stored(store, tmp_path):
    mixed = tmp_path / "mixed.jsonl"
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    mixed.write_text("\n".join(lines[:2] + ['{"id": "broken", "text": '] + lines[2:]) + "\n",
                     encoding="utf-8")
    problems = []
    stats = store.ingest([str(mixed)], jobs=1, report=problems.append)
    assert stats.new == 6
    assert [(p.source.endswith("mixed.jsonl"), p.line) for p in problems] == [(True, 3)]


def test_parallel_ingest_gives_the_same_store_as_one_process(db, tmp_path):
    with Store(db) as store:
        store.ingest([str(REPORTS)], jobs=2)
        parallel = _snapshot(store)
    with Store(str(tmp_path / "serial.duckdb")) as serial:
        serial.ingest([str(REPORTS)], jobs=1)
        assert _snapshot(serial) == parallel


# kill -9 in the middle of an ingest

_PLACES = ("الموصل", "البصرة", "كركوك", "دهوك", "أربيل", "بغداد", "الرمادي", "تكريت")


def _many_articles(path: Path, n: int) -> Path:
    """``n`` short distinct reports (ours), enough that an ingest takes a few seconds."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            place = _PLACES[i % len(_PLACES)]
            text = (f"اعتقلت الشرطة العراقية اليوم {i % 40 + 2} أشخاص في {place}، وقالت مصادر "
                    f"أمنية إن مسلحين هاجموا حاجزا للجيش العراقي قرب {place} في الحادثة رقم {i}.")
            day = f"2025-{i % 12 + 1:02d}-{i % 27 + 1:02d}"
            out.write(json.dumps({"id": f"bulk-{i:05d}", "date": day, "source": f"s{i % 3}",
                                  "text": text}, ensure_ascii=False) + "\n")
    return path


def _ingest_cmd(db: str, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "marsad.cli.main", "ingest", str(corpus), "--db", db,
            "--jobs", "1", "--batch", "50", "--quiet"]


def test_ingest_killed_midway_and_rerun_gives_the_same_store(db, tmp_path):
    corpus = _many_articles(tmp_path / "bulk.jsonl", 1500)
    reference = str(tmp_path / "reference.duckdb")
    started = time.monotonic()
    subprocess.run(_ingest_cmd(reference, corpus), check=True)
    full_time = time.monotonic() - started
    with Store(reference) as store:
        expected = _snapshot(store)

    partial = None
    # Early first: a kill before the first commit leaves nothing and the next try waits longer;
    # a try that finished would leave nothing to try again with.
    for fraction in (0.3, 0.45, 0.6, 0.75, 0.9):
        proc = subprocess.Popen(_ingest_cmd(db, corpus))
        time.sleep(full_time * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with Store(db) as store:
            partial = store.counts()["articles"]
        if 0 < partial < 1500:
            break
    assert partial is not None and 0 < partial < 1500, f"the kill never landed mid-ingest ({partial})"
    assert partial % 50 == 0        # only whole committed batches survive
    subprocess.run(_ingest_cmd(db, corpus), check=True)
    with Store(db) as store:
        assert _snapshot(store) == expected


@pytest.mark.shared
def test_seed_and_two_saudinewsnet_zips_twice_equal_once(shared, db):
    zips = sorted((shared / "corpus" / "saudinewsnet").glob("*.zip"), key=lambda p: p.stat().st_size)[:2]
    seed = shared / "seed"
    with Store(db) as store:
        store.ingest([str(seed)], date="2025-11-20", jobs=2)
        store.ingest([str(z) for z in zips], jobs=2)
        once = store.counts()
        again = store.ingest([str(seed)] + [str(z) for z in zips], date="2025-11-20", jobs=2)
        assert again.new == again.changed == 0
        assert store.counts() == once
        assert once["events"] > 0


def test_two_ingests_at_once_on_postgresql_store_each_article_once(postgres_db, tmp_path):
    db = postgres_db
    corpus = _many_articles(tmp_path / "bulk.jsonl", 300)
    procs = [subprocess.Popen(_ingest_cmd(db, corpus)) for _ in range(2)]
    assert [p.wait() for p in procs] == [0, 0]
    with Store(db) as store:
        assert store.counts()["articles"] == 300
