"""Incremental clustering: after each ingest the clusters are those a recomputation of the whole
store gives, though only the days around the changed events were walked again."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from marsad.reading.article import Article
from marsad.run import SerialExecutor
from marsad.store.clusters import cluster_mentions, load_mentions_with_clusters, recluster
from marsad.store.store import Store

TYPES = ("ASSAULT", "PROTEST")
CODES = ("IRQ", "SYR", "TUR", "")
START = date(2025, 1, 1)


class _Event:
    def __init__(self, data: dict):
        self.data = data

    def to_dict(self) -> dict:
        return self.data


class ScriptedCoder:
    """Events written in the article's text as JSON: [type, modality, day, actor, place] and
    perhaps a recipient."""

    def code(self, article: Article) -> list[_Event]:
        events = []
        for n, (etype, modality, day, actor, place, *recipient) in enumerate(
                json.loads(article.text)):
            events.append(_Event({
                "event_id": f"{article.id}-{n}", "event_type": etype, "modality": modality,
                "time": {"start": day, "precision": "day"} if day else None,
                "actor": [{"code": actor, "id": actor.lower()}] if actor else [],
                "recipient": [{"code": code, "id": code.lower()} for code in recipient if code],
                "location": {"geonames_id": place, "country": "IRQ", "admin1": str(place % 3),
                             "precision": "locality"} if place else None}))
        return events


def _article(rng: random.Random, number: int, days: int) -> Article:
    events = []
    for _ in range(rng.randint(0, 3)):
        day = START + timedelta(days=rng.randrange(days))
        events.append([rng.choice(TYPES), rng.choice(("asserted", "asserted", "negated")),
                       None if rng.random() < 0.03 else day.isoformat(), rng.choice(CODES),
                       rng.choice((0, 1, 2, 3, 4, 5))])
    return Article(id=f"a{number}", text=json.dumps(events), source=rng.choice("xyz"),
                   date=START)


def _clusters(store: Store) -> tuple[list, list]:
    _, members = store.backend.fetch("SELECT event_id, cluster_id FROM event_clusters ORDER BY 1")
    _, rows = store.backend.fetch("SELECT * FROM clusters ORDER BY cluster_id")
    return members, rows


@pytest.mark.parametrize("seed", [1, 2])
def test_each_ingest_gives_the_clusters_of_a_whole_recomputation(db, seed):
    rng = random.Random(seed)
    executor = SerialExecutor(ScriptedCoder(), versions=("test", "test"))
    store = Store(db)
    try:
        articles = [_article(rng, n, 90) for n in range(160)]
        batches = [articles[:60], articles[60:100], articles[100:130], articles[130:]]
        for number, batch in enumerate(batches):
            if number == 3:   # some stored articles change: their old events go, new ones come
                batch = batch + [_article(rng, n, 90) for n in rng.sample(range(100), 25)]
            stats = store.ingest(batch, executor=executor, window_days=2)
            assert stats.clusters is not None
            incremental = _clusters(store)
            assert incremental[0], "some events were clustered"
            recluster(store.backend, 2)
            assert _clusters(store) == incremental, f"after ingest {number}"
    finally:
        store.close()


def test_a_changed_window_recomputes_everything(tmp_path):
    rng = random.Random(3)
    executor = SerialExecutor(ScriptedCoder(), versions=("test", "test"))
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.ingest([_article(rng, n, 30) for n in range(40)], executor=executor, window_days=2)
        store.ingest([_article(rng, n, 30) for n in range(40, 60)], executor=executor,
                     window_days=4)
        incremental = _clusters(store)
        recluster(store.backend, 4)
        assert _clusters(store) == incremental


def test_a_few_new_reports_walk_a_few_days_not_the_store(db, monkeypatch):
    from marsad.store import incremental

    walks: list[tuple[date, date, bool]] = []
    write = incremental.Resumed._write

    def spy(self, cut, complete):
        walks.append((self.lo, cut, complete))
        return write(self, cut, complete)

    monkeypatch.setattr(incremental.Resumed, "_write", spy)
    rng = random.Random(5)
    executor = SerialExecutor(ScriptedCoder(), versions=("test", "test"))
    with Store(db) as store:
        store.ingest([_article(rng, n, 200) for n in range(300)], executor=executor)
        report = json.dumps([["ASSAULT", "asserted", "2025-03-01", "IRQ", 1]])
        store.ingest([Article(id=f"new{i}", text=report, source="x", date=START)
                      for i in range(3)], executor=executor)
        assert walks == [(date(2025, 3, 1), date(2025, 3, 4), False)]
        incremental_clusters = _clusters(store)
        recluster(store.backend, 2)
        assert _clusters(store) == incremental_clusters


def test_reports_of_scattered_days_are_read_in_one_query_not_one_per_day(db, monkeypatch):
    # a date range is a scan of the store on DuckDB: forty articles about forty different
    # days took minutes at ten million events when each day was a read of its own
    from marsad.store import incremental

    reads: list[int] = []
    load = incremental.load_mentions_with_clusters

    def spy(*args, **kwargs):
        reads.append(len(kwargs.get("ranges", ())))
        return load(*args, **kwargs)

    rng = random.Random(6)
    executor = SerialExecutor(ScriptedCoder(), versions=("test", "test"))
    with Store(db) as store:
        store.ingest([_article(rng, n, 200) for n in range(300)], executor=executor)
        monkeypatch.setattr(incremental, "load_mentions_with_clusters", spy)
        days = [START + timedelta(days=d) for d in range(5, 200, 13)]
        store.ingest([Article(id=f"new{d}", source="x", date=START, text=json.dumps(
            [["ASSAULT", "asserted", day.isoformat(), "IRQ", 1]])) for d, day in enumerate(days)],
            executor=executor)
        # the first read holds every day's surroundings; a walk that goes on past them reads on
        assert reads[0] == len(days) and len(reads) <= 2
        incremental_clusters = _clusters(store)
        recluster(store.backend, 2)
        assert _clusters(store) == incremental_clusters


def test_a_whole_clustering_read_and_written_three_at_a_time_is_the_same(db):
    # the whole clustering streams the events and writes clusters as they close: batches of 3
    # rows (an event with an actor and a recipient spans two) change nothing
    rng = random.Random(7)
    articles = [replace(a, text=json.dumps([e + [rng.choice(CODES)] for e in json.loads(a.text)]))
                for a in (_article(rng, n, 40) for n in range(120))]
    executor = SerialExecutor(ScriptedCoder(), versions=("test", "test"))
    with Store(db) as store:
        store.ingest(articles, executor=executor, window_days=2)
        mentions = [m for m, _ in load_mentions_with_clusters(store.backend)]
        in_memory = sorted(sorted(m.event_id for m in c.members)
                           for c in cluster_mentions(mentions, 2))
        count = recluster(store.backend, 2, batch_size=3)
        members, rows = _clusters(store)
        by_cluster: dict[str, list[str]] = {}
        for event_id, cluster_id in members:
            by_cluster.setdefault(cluster_id, []).append(event_id)
        assert sorted(sorted(ids) for ids in by_cluster.values()) == in_memory
        assert count == len(rows) == len(in_memory)
        assert any(len(ids) > 1 for ids in in_memory), "some reports were clustered together"
        recluster(store.backend, 2)
        assert _clusters(store) == (members, rows)
