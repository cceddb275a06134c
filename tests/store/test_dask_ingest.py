"""Ingest through a Dask cluster: the same store as the single-process ingest, on DuckDB (written
by the client) and on PostgreSQL (written by the workers, each its partitions), and two ingests
at once, or one article in two partitions, do not double anything."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from marsad import Store
from marsad.cli.main import main
from marsad.run import CoderSpec
from marsad.run.dask import DaskExecutor

REPORTS = Path(__file__).parent / "data" / "reports.jsonl"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    with Client(cluster) as client:
        yield client
    cluster.close()


def _content(store: Store) -> dict:
    q = store.query()
    _, articles = store.backend.fetch("SELECT article_id, content_hash, n_events FROM articles "
                                      "ORDER BY 1")
    return {"counts": store.counts(), "articles": articles,
            "events": sorted(zip(q["event_id"], q["cluster_id"], q["event_type"], q["actor_codes"]
                                 .fillna(""), q["location"].fillna("")))}


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """The reports, and 60 articles of real news where ../shared is there."""
    zip_path = SHARED / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    if not zip_path.is_file():
        return [str(REPORTS)]
    from marsad.reading.sources import read_articles

    news = tmp_path / "news.jsonl"
    with open(news, "w", encoding="utf-8") as f:
        for n, a in enumerate(read_articles([str(zip_path)], lambda issue: None)):
            if n == 60:
                break
            f.write(json.dumps({"id": a.id, "title": a.title, "text": a.text, "source": a.source,
                                "date": a.date.isoformat() if a.date else None},
                               ensure_ascii=False) + "\n")
    return [str(REPORTS), str(news)]


def test_an_ingest_through_dask_equals_the_single_process_ingest(db, client, inputs, tmp_path):
    one = str(tmp_path / "one.duckdb")
    with Store(one) as store:
        store.ingest(inputs, jobs=1)
        expected = _content(store)
    with Store(db) as store:
        stats = store.ingest(inputs, executor=DaskExecutor(CoderSpec(), client=client,
                                                           chunksize=4))
        assert stats.failed == 0 and stats.events == expected["counts"]["events"]
        assert _content(store) == expected


def test_the_command_line_ingests_through_a_local_cluster(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", str(REPORTS), "--db", db, "--executor", "dask", "--jobs", "2",
                 "--quiet"]) == 0
    with Store(db) as store, Store(str(tmp_path / "one.duckdb")) as one:
        one.ingest([str(REPORTS)], jobs=1)
        assert _content(store) == _content(one)


def test_two_ingests_at_once_through_one_cluster_store_each_article_once(postgres_db, client,
                                                                        inputs):
    results: list[object] = []

    def ingest() -> None:
        with Store(postgres_db) as store:
            executor = DaskExecutor(CoderSpec(), client=client, chunksize=4)
            results.append(store.ingest(inputs, executor=executor))

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    with Store(postgres_db) as store:
        counts = store.counts()
        _, rows = store.backend.fetch("SELECT count(*), count(DISTINCT event_id) FROM events")
    new = sorted(r.new for r in results)   # type: ignore[attr-defined]
    assert new[0] == 0 and new[1] == counts["articles"]   # the second found them stored
    assert rows[0][0] == rows[0][1] == counts["events"]


def _counts(stats) -> tuple:
    return (stats.read, stats.new, stats.changed, stats.unchanged, stats.failed, stats.events,
            stats.clusters)


def test_on_postgresql_the_workers_write_and_the_client_only_counts(postgres_db, client, inputs,
                                                                   tmp_path, monkeypatch):
    with Store(str(tmp_path / "one.duckdb")) as one:
        first, again = one.ingest(inputs, jobs=1), one.ingest(inputs, jobs=1)
        expected = _content(one)

    def client_writes(*args, **kwargs):
        raise AssertionError("the client wrote the store")

    monkeypatch.setattr("marsad.store.ingest.Ingestor.run", client_writes)
    with Store(postgres_db) as store:
        stats = store.ingest(inputs, executor=DaskExecutor(CoderSpec(), client=client))
        assert _counts(stats) == _counts(first) and stats.events > 0
        assert _content(store) == expected
        stats = store.ingest(inputs, executor=DaskExecutor(CoderSpec(), client=client))
        assert _counts(stats) == _counts(again) and stats.unchanged > 0
        assert _content(store) == expected


class _Slow:
    def __init__(self, coder):
        self.coder = coder

    def code(self, article):
        if article.id.startswith("slow"):
            time.sleep(3)
        return self.coder.code(article)


@dataclass(frozen=True)
class SlowSpec(CoderSpec):
    """Codes an article whose id starts with "slow" three seconds late."""

    def build(self):
        return _Slow(super().build())


def test_a_generic_actor_keeps_the_first_articles_country_whichever_worker_ends_first(
        postgres_db, client, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "slow-yemen", "date": "2025-03-02", "text":
                                 "اعتقلت قوات الأمن ثلاثة مسلحين في اليمن."}, ensure_ascii=False)
                     + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "jordan", "date": "2025-03-02", "text":
                                  "اعتقلت قوات الأمن ثلاثة مسلحين في الأردن."}, ensure_ascii=False)
                      + "\n", encoding="utf-8")
    paths = [str(first), str(second)]
    with Store(str(tmp_path / "one.duckdb")) as one:
        one.ingest(paths, jobs=1)
        expected = _content(one)
        _, actors = one.backend.fetch("SELECT code FROM actors WHERE actor_id = "
                                      "'cop.security_forces'")
    assert actors == [("YEM",)]           # the first article's country
    with Store(postgres_db) as store:
        store.ingest(paths, executor=DaskExecutor(SlowSpec(), client=client))
        assert _content(store) == expected     # though the second partition was written first


def test_an_article_in_two_partitions_is_stored_once(postgres_db, client, tmp_path):
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")   # read again, the same
    with Store(postgres_db) as store:
        stats = store.ingest([str(first), str(second)],
                             executor=DaskExecutor(CoderSpec(), client=client))
        _, rows = store.backend.fetch("SELECT count(*), count(DISTINCT article_id) FROM articles")
        _, events = store.backend.fetch("SELECT count(*), count(DISTINCT event_id) FROM events")
    assert rows[0] == (len(lines), len(lines))
    assert events[0][0] == events[0][1] == stats.events and stats.events > 0
    assert stats.new == len(lines) and stats.unchanged == 3
