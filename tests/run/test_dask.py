"""The Dask executor against a real engine: a ``dask.distributed.LocalCluster`` of worker
processes, and a scheduler and two workers started with the ``dask`` command line, coding real
corpus articles; the same records as the serial and process executors, byte for byte."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.reading.article import Article
from marsad.reading.partitions import list_partitions
from marsad.reading.sources import ReadOptions, read_articles
from marsad.run import (
    ClusterLost,
    CoderSpec,
    ProcessExecutor,
    SerialExecutor,
    code_partitions,
    make_executor,
)
from marsad.run.dask import DIED, DaskExecutor

TEXTS = ["اعتقلت الشرطة العراقية ثلاثة مسلحين.", "قصفت الطائرات الروسية مواقع في إدلب.",
         "التقى وزير الخارجية المصري نظيره الأردني."]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)]) for i in range(n)]


def corpus_articles(shared: Path, n: int = 48) -> list[Article]:
    path = shared / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    found = []
    for article in read_articles([str(path)], lambda issue: None):
        found.append(article)
        if len(found) == n:
            break
    return found


def _lines(outcomes) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(o.article_id, o.lines, o.error) for o in outcomes]


@dataclass(frozen=True)
class CountingSpec(CoderSpec):
    """Writes a line to ``log`` each time a coder is built, to count the builds."""

    log: str = ""

    def build(self):
        with open(self.log, "a") as f:
            f.write(f"{os.getpid()}\n")
        return super().build()


class _Fails:
    def __init__(self, coder, dies: bool):
        self.coder, self.dies = coder, dies

    def code(self, article):
        if article.id == "a7":
            if self.dies:
                os._exit(3)     # the worker process dies, as an out-of-memory kill ends it
            raise ValueError("bad article")
        return self.coder.code(article)


@dataclass(frozen=True)
class FailingSpec(CoderSpec):
    dies: bool = False

    def build(self):
        return _Fails(super().build(), self.dies)


def test_real_articles_give_the_same_bytes_from_every_executor(client, shared):
    articles = corpus_articles(shared)
    serial = _lines(make_executor(1).code(articles, render=True))
    assert sum(len(lines) for _, lines, _ in serial) > 10
    process = _lines(ProcessExecutor(CoderSpec(), 2, chunksize=5).code(articles, render=True))
    dask = _lines(DaskExecutor(CoderSpec(), client=client, chunksize=5).code(articles, render=True))
    assert dask == process == serial


def test_outcomes_come_back_in_input_order_with_event_objects(client):
    serial = list(SerialExecutor.from_spec(CoderSpec()).code(_articles(30)))
    outcomes = list(DaskExecutor(CoderSpec(), client=client, chunksize=4).code(_articles(30)))
    assert [o.article_id for o in outcomes] == [f"a{i}" for i in range(30)]
    assert [[e.to_dict() for e in o.events] for o in outcomes] == \
        [[e.to_dict() for e in o.events] for o in serial]


def test_each_worker_builds_its_coder_once_however_many_tasks(client, tmp_path):
    log = tmp_path / "builds.log"
    executor = DaskExecutor(CountingSpec(log=str(log)), client=client, chunksize=2)
    assert len(list(executor.code(_articles(40)))) == 40      # 20 tasks
    builds = log.read_text().split()
    assert len(builds) == len(set(builds)) == 2               # one per worker process


def test_an_article_that_raises_is_its_own_error_and_no_other_is_lost(client):
    outcomes = list(DaskExecutor(FailingSpec(), client=client, chunksize=4).code(_articles(12)))
    assert [o.article_id for o in outcomes] == [f"a{i}" for i in range(12)]
    assert [o.article_id for o in outcomes if o.error] == ["a7"]
    assert outcomes[7].error == "ValueError: bad article"
    assert sum(bool(o.events) for o in outcomes) == 11


def test_an_article_that_kills_its_worker_is_reported_and_no_other_is_lost(client):
    outcomes = list(DaskExecutor(FailingSpec(dies=True), client=client, chunksize=4)
                    .code(_articles(12)))
    assert [o.article_id for o in outcomes] == [f"a{i}" for i in range(12)]
    assert [(o.article_id, o.error) for o in outcomes if o.error] == [("a7", DIED)]
    assert sum(bool(o.events) for o in outcomes) == 11


def write_subset(shared: Path, path: Path, n: int) -> Path:
    """``n`` corpus articles as a JSONL file."""
    with open(path, "w", encoding="utf-8") as f:
        for a in corpus_articles(shared, n):
            f.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                "date": a.date.isoformat() if a.date else None,
                                "source": a.source}, ensure_ascii=False) + "\n")
    return path


def _coded(executor, paths, shard_bytes):
    """(id, lines, error, where read) of each article, and the input issues, as strings."""
    issues = []
    partitions = list_partitions([str(p) for p in paths], issues.append, ReadOptions(),
                                 shard_bytes)
    coded = [(o.article_id, o.lines, o.error, str(origin)) for o, origin in
             code_partitions(executor, partitions, issues.append, ReadOptions(), render=True)]
    return coded, [str(i) for i in issues]


def test_workers_read_their_partitions_and_code_them_like_one_process(client, shared, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = write_subset(shared, tmp_path / "subset.jsonl", 30)
    with open(lines, "a", encoding="utf-8") as f:
        f.write('{"id": "bad", "text": 5}\n')
    news = corpus_articles(shared, 40)[30:]
    parquet = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": [a.id for a in news], "title": [a.title for a in news],
                             "text": [a.text if n != 4 else None for n, a in enumerate(news)],
                             "date": [a.date for a in news], "source": [a.source for a in news]}),
                   parquet, row_group_size=3)
    serial, serial_issues = _coded(make_executor(1), [lines, parquet], 20_000)
    dask, dask_issues = _coded(DaskExecutor(CoderSpec(), client=client), [lines, parquet], 20_000)
    assert sum(len(c[1]) for c in serial) > 10 and len(serial) == 39
    assert dask == serial
    assert dask_issues == serial_issues == [f"{lines}:31: 'text' is not a string",
                                            f"{parquet}:row 5: missing 'text'"]


def test_a_partition_that_kills_its_worker_loses_only_the_article_that_killed_it(client,
                                                                                tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "text": a.text}, ensure_ascii=False) + "\n"
                            for a in _articles(12)), encoding="utf-8")
    coded, issues = _coded(DaskExecutor(FailingSpec(dies=True), client=client), [path], 300)
    assert [c[0] for c in coded] == [f"a{i}" for i in range(12)] and issues == []
    assert [(c[0], c[2], c[3]) for c in coded if c[2]] == [("a7", DIED, f"{path}:8")]
    assert sum(bool(c[1]) for c in coded) == 11


def test_a_cluster_started_with_the_dask_command_line_codes_like_one_process(
        shared, tmp_path, command_line_cluster):
    subset = write_subset(shared, tmp_path / "subset.jsonl", 40)
    address = command_line_cluster
    assert main(["code", str(subset), "--jobs", "1", "-o", str(tmp_path / "one.jsonl")]) == 0
    assert main(["code", str(subset), "--scheduler", address, "-o",
                 str(tmp_path / "dask.jsonl")]) == 0
    assert main(["code", str(subset), "--scheduler", address, "--out",
                 str(tmp_path / "parts"), "--format", "parquet"]) == 0
    one = (tmp_path / "one.jsonl").read_bytes()
    assert one and (tmp_path / "dask.jsonl").read_bytes() == one
    assert len(list((tmp_path / "parts").rglob("*.parquet"))) >= 1


def test_parquet_from_a_local_dask_cluster_equals_one_process_and_reads_as_one_table(shared,
                                                                                     tmp_path):
    import duckdb
    import pandas as pd

    subset = write_subset(shared, tmp_path / "subset.jsonl", 70)
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["code", str(subset), "--jobs", "1", "--out", str(one), "--quiet"]) == 0
    assert main(["code", str(subset), "--executor", "dask", "--jobs", "2", "--out", str(two),
                 "--format", "parquet", "--quiet"]) == 0
    a, b = (pd.read_parquet(p).sort_values("event_id").reset_index(drop=True) for p in (one, two))
    assert len(a) > 10
    pd.testing.assert_frame_equal(a.astype({"event_month": str, "source": str}),
                                  b.astype({"event_month": str, "source": str}))
    assert str(a["killed"].dtype) == "Int64" and "datetime" not in str(a["event_date"].dtype)
    jsonl = tmp_path / "one.jsonl"
    assert main(["code", str(subset), "--jobs", "1", "-o", str(jsonl)]) == 0
    ids = sorted(json.loads(line)["event_id"] for line in jsonl.read_text().splitlines())
    assert ids == sorted(a["event_id"])
    glob = str(two / "**" / "*.parquet")
    [months] = duckdb.connect().execute(f"SELECT count(*), count(DISTINCT event_month) FROM "
                                        f"read_parquet('{glob}', hive_partitioning = true)"
                                        ).fetchall()
    assert months[0] == len(a) and months[1] >= 1
    assert all(p.parent.name.startswith("source=") and p.parent.parent.name.startswith(
        "event_month=") for p in two.rglob("*.parquet"))


def test_parquet_output_needs_a_new_folder_and_no_other_format(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.parquet").write_text("x")
    article = tmp_path / "a.txt"
    article.write_text("عنوان\n" + TEXTS[0], encoding="utf-8")
    assert main(["code", str(article), "--out", str(tmp_path / "full")]) == 2
    assert main(["code", str(article), "--format", "parquet"]) == 2
    assert main(["code", str(article), "--out", str(tmp_path / "x"), "--format", "json"]) == 2
    assert main(["code", str(article), "--scheduler", "localhost:1"]) == 2


def test_parquet_written_by_workers_loses_only_the_article_that_kills_one(client, tmp_path):
    import pandas as pd

    from marsad.run import write_through
    from marsad.store.parts import ParquetParts

    articles = [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)], source="s") for i in range(12)]
    executor = DaskExecutor(FailingSpec(dies=True), client=client, chunksize=4)
    outcomes = list(write_through(executor, articles, ParquetParts(str(tmp_path / "parts"))))
    assert [(o.article_id, o.error) for o in outcomes if o.error] == [("a7", DIED)]
    written = pd.read_parquet(tmp_path / "parts")
    expected = [json.loads(line)["event_id"] for o in make_executor(1).code(articles, render=True)
                if o.article_id != "a7" for line in o.lines]
    assert sorted(written["event_id"]) == sorted(expected)
    # the articles of the chunk that killed a worker were coded and written one by one
    assert any(re.fullmatch(r"part-000000-000-\d{3}-\d+\.parquet", p.name)
               for p in (tmp_path / "parts").rglob("*.parquet"))


def test_a_local_cluster_left_without_workers_by_dask_is_revived_and_codes_everything():
    # a killed worker not back within 15 s has its nanny closed by the cluster, and a worker
    # that dies just as it starts is not started again by its nanny: the run waited for ever
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        executor = DaskExecutor(CoderSpec(), client=client, chunksize=4, poll=0.5)
        serial = _lines(make_executor(1).code(_articles(12), render=True))
        assert _lines(executor.code(_articles(2), render=True)) == serial[:2]
        given_up, dropped = list(cluster.workers)
        nanny = cluster.workers[given_up]
        nanny.process.on_exit = None          # its nanny will not start it again
        os.kill(nanny.process.pid, signal.SIGKILL)
        cluster.sync(cluster.workers.pop(dropped).close)   # as the cluster drops a lost one
        deadline = time.monotonic() + 60
        while client.scheduler_info()["workers"] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not client.scheduler_info()["workers"]
        assert _lines(executor.code(_articles(12), render=True)) == serial
        client.wait_for_workers(2, timeout=60)    # both are back, the dropped one too


def test_a_scheduler_that_cannot_be_reached_is_a_clear_error():
    import socket

    with socket.socket() as s:      # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    executor = DaskExecutor(CoderSpec(), scheduler=f"tcp://127.0.0.1:{port}", connect_timeout=1)
    with pytest.raises(ClusterLost, match="cannot reach the Dask scheduler at tcp://127.0.0.1:"):
        list(executor.code(_articles(3)))
