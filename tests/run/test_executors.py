"""Executors: input order kept, the same outcomes from each, a dying worker loses only its
article, and workers do not outlive their parent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass

import pytest

from marsad.reading.article import Article
from marsad.run import CoderSpec, ProcessExecutor, SerialExecutor, make_executor

TEXTS = ["اعتقلت الشرطة العراقية ثلاثة مسلحين.", "قصفت الطائرات الروسية مواقع في إدلب.",
         "التقى وزير الخارجية المصري نظيره الأردني."]


def _articles(n):
    return [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)]) for i in range(n)]


def _types(outcomes):
    return [(o.article_id, [e.event_type for e in o.events]) for o in outcomes]


class _DiesOnA7:
    def __init__(self, coder):
        self.coder = coder

    def code(self, article):
        if article.id == "a7":
            os._exit(3)  # the worker process dies, as an out-of-memory kill would end it
        return self.coder.code(article)


@dataclass(frozen=True)
class DiesOnA7Spec(CoderSpec):
    def build(self):
        return _DiesOnA7(super().build())


def test_a_process_pool_keeps_input_order_and_codes_like_one_process():
    serial = _types(make_executor(1).code(_articles(40)))
    assert len(serial) == 40 and any(types for _, types in serial)
    assert _types(ProcessExecutor(CoderSpec(), 2, chunksize=3).code(_articles(40))) == serial


def test_rendered_outcomes_are_the_json_records():
    for executor in (make_executor(1), make_executor(2)):
        [outcome] = list(executor.code(_articles(1), render=True))
        assert outcome.lines and json.loads(outcome.lines[0])["event_type"] == "COERCE"
        assert outcome.events == []


def test_the_factory_picks_by_jobs_and_both_report_the_coders_versions(coder):
    import marsad

    serial, pool = make_executor(1), make_executor(2)
    assert isinstance(serial, SerialExecutor) and isinstance(pool, ProcessExecutor)
    expected = (marsad.__version__, coder.resources.version)
    assert serial.versions == pool.versions == SerialExecutor(coder).versions == expected


def test_an_exception_is_the_articles_error_and_the_others_are_coded():
    class Fails:
        def code(self, article):
            if article.id == "a1":
                raise ValueError("bad article")
            return []

    outcomes = list(SerialExecutor(Fails(), versions=("x", "y")).code(_articles(3)))
    assert [(o.article_id, o.error) for o in outcomes] == \
        [("a0", None), ("a1", "ValueError: bad article"), ("a2", None)]


def test_a_dying_worker_loses_only_its_article():
    outcomes = list(ProcessExecutor(DiesOnA7Spec(), 2, chunksize=4).code(_articles(30)))
    assert [o.article_id for o in outcomes] == [f"a{i}" for i in range(30)]
    assert [o.article_id for o in outcomes if o.error] == ["a7"]
    assert all(o.events for o in outcomes if o.article_id == "a8")


# workers die with their parent

_PARENT = textwrap.dedent("""
    import multiprocessing as mp, time
    from marsad.reading.article import Article
    from marsad.run import CoderVersions, ProcessExecutor

    class Slow:
        def code(self, article):
            time.sleep(0.05)
            return []

    class SlowSpec:
        def build(self):
            return Slow()

        def versions(self):
            return CoderVersions("test", "test")

    articles = (Article(id=str(i), text="x") for i in range(10**6))
    for n, outcome in enumerate(ProcessExecutor(SlowSpec(), 2, chunksize=1).code(articles)):
        if n == 4:
            print(" ".join(str(p.pid) for p in mp.active_children()), flush=True)
""")


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped (a container's init may never reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_when_their_parent_is_killed(sig):
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        parent.send_signal(sig)
        parent.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:       # not left running by a failing test
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "workers outlived their killed parent"
