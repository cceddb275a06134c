"""Coding over a Dask cluster (``dask.distributed``): a scheduler at ``tcp://HOST:PORT``, or a
local cluster of worker processes started here when none is given.

- The coder is built once per worker: a ``WorkerPlugin`` carries the spec (a small picklable
  recipe, never a coder or its resources) and its ``setup`` builds the coder when the plugin
  is registered, and again on any worker that joins later.
- A task is a partition of the input (``code_partitions``; ``marsad.reading.partitions``: a
  range of a JSONL file's lines, a zip's members, a Parquet row group), a small description
  that the worker reads itself with ``marsad.reading`` and codes with its coder. What comes
  back is the outcomes and the input issues (a bad record, named by file and line, member or
  row), never the articles: the input does not cross the network, so it must be on storage
  every worker sees. A failing article is that article's ``Outcome.error`` and never fails its
  task.
- Partitions travel in a bounded sliding window of futures, yielded first in, first out: the
  outcomes come back in input order and memory stays flat however many partitions there are.
- A partition lost with its worker (``KilledWorker``: the worker died on it, as many times as
  the scheduler allows) is read again by a worker, its articles brought here and each coded
  as a task of its own; the article that kills a worker is reported as failed, and no other
  is lost.
- ``write_partitions`` also hands each chunk of a partition to a sink *on the worker* (the
  batch Parquet output, ``marsad.store.parts``), and ``ingest_partitions`` to a store writer
  there (``marsad.store.partitioned``): only errors and counts come back.
- ``code`` codes articles read here (``Executor``'s protocol: articles given in Python, and an
  ingest into a DuckDB file, which this process writes), a chunk of ``chunksize`` per task,
  isolated the same way.
- No wait is endless. A local cluster (``LocalCluster``) closes a worker's nanny for good when
  the worker, killed by a poison article, is not back within 15 seconds (on a loaded machine
  a restart that builds the coder takes longer), and a nanny gives up on a worker that dies
  before it reports that it connected: either way the cluster was left with no worker and the
  run waited for ever. While waiting, a local cluster is scaled back to its workers and a
  nanny whose worker stays dead is told to start it again; a cluster at ``--scheduler``
  (whose workers are not ours to start) with no worker for ``no_workers_wait`` seconds is a
  ``ClusterLost`` error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property, partial
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from distributed import WorkerPlugin

from marsad.reading.article import Article
from marsad.reading.partitions import Articles
from marsad.reading.sources import InputIssue, ReadOptions, Report
from marsad.run.base import (
    CHUNK,
    ClusterLost,
    Coded,
    CoderVersions,
    CodesArticles,
    Outcome,
    Sink,
    Spec,
    code_chunk,
    part_name,
    write_outcomes,
)

if TYPE_CHECKING:
    from marsad.reading.partitions import Partition
    from marsad.store.partitioned import Ingested, StoreWriter

R = TypeVar("R")
#: a task over one partition: (partition's number, partition, read options, the number of the
#: partition's article when it is coded alone) → its results and the input issues met
PartTask = Callable[[int, "Partition", ReadOptions, "int | None"], tuple[list[Any], list[InputIssue]]]

DIED = "worker died while coding this article"
#: how many times an article coded alone is tried before the death of its worker is its own
ALONE_TRIES = 3
#: chunks in flight per worker: enough that no worker waits for the next, few enough that
#: memory does not grow with the input
IN_FLIGHT_PER_WORKER = 4
#: seconds between looks at the cluster while a result is awaited
POLL_SECONDS = 5.0
#: seconds a cluster at --scheduler may have no worker before the run stops
NO_WORKERS_WAIT = 600.0


class CoderPlugin(WorkerPlugin):
    """Builds a worker's coder once, when the plugin is registered with a worker (or the
    worker joins later); tasks find it by the plugin's name. The name is the recipe's digest,
    so a second registration of the same recipe (another executor on the same cluster) is
    ignored rather than building every coder again."""

    idempotent = True

    def __init__(self, spec: Spec, name: str):
        self.spec = spec
        self.name = name
        self.coder: CodesArticles | None = None

    def setup(self, worker: Any) -> None:
        self.coder = self.spec.build()

    def teardown(self, worker: Any) -> None:
        self.coder = None


class DaskExecutor:
    """Codes over a Dask cluster: the scheduler at ``scheduler`` (``tcp://HOST:PORT``), or a
    local cluster of ``jobs`` worker processes started on first use. ``close`` (or leaving a
    ``with`` block) lets the cluster go."""

    def __init__(self, spec: Spec, jobs: int = 2, scheduler: str | None = None,
                 chunksize: int = CHUNK, client: Any = None,
                 no_workers_wait: float = NO_WORKERS_WAIT, poll: float = POLL_SECONDS,
                 connect_timeout: float = 30):
        self.spec = spec
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self.chunksize = max(1, chunksize)
        self.no_workers_wait, self.poll = no_workers_wait, poll
        self.connect_timeout = connect_timeout
        self._client = client
        self._own_client = client is None
        self._cluster: Any = None
        self._plugin = ""
        self._registered = False
        self._dead_since: dict[Any, float] = {}

    @cached_property
    def versions(self) -> CoderVersions:
        return self.spec.versions()

    @property
    def client(self) -> Any:
        """The ``distributed.Client``, connected (and the plugin registered) on first use."""
        if self._client is None:
            self._client = self._connect()
        if not self._registered:
            self._plugin = _plugin_name(self.spec, self.versions)
            self._client.register_plugin(CoderPlugin(self.spec, self._plugin), name=self._plugin)
            self._registered = True
        return self._client

    def _connect(self) -> Any:
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                return Client(self.scheduler, timeout=f"{self.connect_timeout}s")
            except OSError as exc:
                raise ClusterLost(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                  f"{exc}") from None
        # a worker that dies twice on a task makes it a KilledWorker, isolated one by one here
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                         processes=True, dashboard_address=":0")
        return Client(self._cluster)

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def code(self, articles: Iterable[Article], render: bool = False) -> Iterator[Outcome]:
        yield from self._run(articles, render)

    def code_partitions(self, partitions: Iterable[Partition], report: Report,
                        options: ReadOptions, render: bool = False) -> Iterator[Coded]:
        """Each partition read and coded by a worker; outcomes in input order, with where each
        article was read, and the input issues reported as their partitions come back."""
        task = partial(_code_partition, plugin=self._plugin_name(), rendered=render)
        for results in self._each_partition(partitions, report, options, task, _died):
            yield from results

    def write_partitions(self, partitions: Iterable[Partition], report: Report,
                         options: ReadOptions, sink: Sink,
                         chunksize: int = CHUNK) -> Iterator[Coded]:
        """Each partition read and coded by a worker, which hands it to ``sink`` in chunks of
        ``chunksize``; the outcomes (errors only, no events) in input order."""
        task = partial(_write_partition, plugin=self._plugin_name(), sink=sink,
                       chunksize=chunksize)
        for results in self._each_partition(partitions, report, options, task, _died):
            yield from results

    def ingest_partitions(self, partitions: Iterable[Partition], report: Report,
                          options: ReadOptions, writer: StoreWriter) -> Iterator[Ingested]:
        """Each partition read, coded and written into a store by a worker (``writer``); what
        each did, in input order."""
        from marsad.store.partitioned import lost

        task = partial(_ingest_partition, plugin=self._plugin_name(), writer=writer)
        for results in self._each_partition(partitions, report, options, task, lost):
            yield from results

    def _plugin_name(self) -> str:
        self.client   # noqa: B018 -- connects and registers the coder's plugin
        return self._plugin

    def _each_partition(self, partitions: Iterable[Partition], report: Report,
                        options: ReadOptions, task: PartTask,
                        died: Callable[[Article], R]) -> Iterator[list[R]]:
        """``task`` over each partition in a bounded window of futures; per partition in input
        order, its results (a partition whose worker died: one result per article, ``died``'s
        for the article that killed a worker)."""
        from distributed import KilledWorker

        client, it = self.client, enumerate(partitions)
        window: deque[tuple[int, Partition, Any]] = deque()

        def send() -> None:
            for index, partition in islice(it, 1):
                window.append((index, partition,
                               client.submit(task, index, partition, options, None, pure=False)))

        try:
            for _ in range(self.workers() * IN_FLIGHT_PER_WORKER):
                send()
            while window:
                index, partition, future = window.popleft()
                try:
                    results, issues = self._result(future)
                except KilledWorker:
                    results = list(self._isolate_partition(index, partition, options, task, died,
                                                           report))
                    issues = []
                send()
                for found in issues:
                    report(found)
                yield results
        finally:
            for _, _, future in window:
                future.cancel()

    def _isolate_partition(self, index: int, partition: Partition, options: ReadOptions,
                           task: PartTask, died: Callable[[Article], R],
                           report: Report) -> Iterator[R]:
        """A partition whose task killed its worker: read by a worker, its articles brought
        here and each coded alone."""
        from distributed import KilledWorker

        try:
            articles, issues = self._result(self.client.submit(_read_partition, partition,
                                                               options, pure=False))
        except KilledWorker:
            report(InputIssue(str(partition), None, "a worker died reading this partition"))
            return
        for found in issues:
            report(found)
        for number, article in enumerate(articles):
            alone = Articles((article,))
            try:
                results, issues = self._alone(task, index, alone, options, number)
            except KilledWorker:
                results, issues = [died(article)], []
            for found in issues:      # an ingest's article that failed in the coder
                report(found)
            yield from results

    def _run(self, articles: Iterable[Article], render: bool) -> Iterator[Outcome]:
        from distributed import KilledWorker

        client, it = self.client, iter(articles)
        window: deque[tuple[list[Article], Any]] = deque()

        def send() -> None:
            chunk = list(islice(it, self.chunksize))
            if chunk:
                window.append((chunk, client.submit(_code_task, chunk, render, self._plugin,
                                                    pure=False)))

        try:
            for _ in range(self.workers() * IN_FLIGHT_PER_WORKER):
                send()
            while window:
                chunk, future = window.popleft()
                try:
                    outcomes = self._result(future)
                except KilledWorker:
                    outcomes = list(self._isolate(chunk, render))
                send()
                yield from outcomes
        finally:
            for _, future in window:
                future.cancel()

    def _isolate(self, chunk: list[Article], render: bool) -> Iterator[Outcome]:
        """A chunk whose task killed its worker, one article per task."""
        from distributed import KilledWorker

        for article in chunk:
            try:
                yield from self._alone(_code_task, [article], render, self._plugin)
            except KilledWorker:
                yield Outcome(article.id, [], DIED)

    def _alone(self, fn: Callable[..., Any], *args: Any) -> Any:
        """The result of one article's task ``fn(*args)``, tried ``ALONE_TRIES`` times before its
        ``KilledWorker`` is believed: a task waiting on a worker that another article kills is
        counted as having died with it, and an innocent article queued behind the poison one
        twice would be reported lost (one in three runs on a loaded machine). The article that
        kills a worker kills it every time."""
        from distributed import KilledWorker

        for attempt in range(ALONE_TRIES):
            try:
                return self._result(self.client.submit(fn, *args, pure=False))
            except KilledWorker:
                if attempt == ALONE_TRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _result(self, future: Any) -> Any:
        """``future``'s result, looking at the cluster every ``poll`` seconds while it waits."""
        alone_since: float | None = None
        while True:
            try:
                return future.result(timeout=self.poll)
            except TimeoutError:
                pass
            local = self._cluster or getattr(self._client, "cluster", None)
            if local is not None:       # a cluster of this process (ours or the caller's)
                self._revive(local)
            elif self._client.scheduler_info().get("workers"):
                alone_since = None
            else:
                alone_since = alone_since or time.monotonic()
                if time.monotonic() - alone_since > self.no_workers_wait:
                    raise ClusterLost(f"the Dask cluster at {self.scheduler} has had no worker "
                                      f"for {self.no_workers_wait:.0f} s")

    def _revive(self, cluster: Any) -> None:
        """Bring a local cluster back to its workers: those the cluster let go (a worker
        not back within ``distributed.deploy.lost-worker-timeout``, 15 s, of its death: a
        restart on a loaded machine takes longer, so its nanny is closed for good), and those
        a nanny left dead for a whole poll (a nanny restarts a worker that dies at work
        within a second or two)."""
        spec = getattr(cluster, "worker_spec", None)
        if spec is not None and len(cluster.workers) < len(spec):
            cluster.scale(len(spec))       # starts the workers of the spec it has not
        now = time.monotonic()
        for name, nanny in list(cluster.workers.items()):
            process = getattr(nanny, "process", None)
            alive = process is not None and process.is_alive()
            if alive or getattr(nanny, "status", None) is None or \
                    nanny.status.name != "running":
                self._dead_since.pop(name, None)
                continue
            since = self._dead_since.setdefault(name, now)
            if now - since >= self.poll:
                self._dead_since.pop(name, None)
                cluster.sync(nanny.instantiate)

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client, self._registered = None, False
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _plugin_name(spec: Spec, versions: CoderVersions) -> str:
    """One plugin per coder: its recipe, the coder's and resources' versions, and the size and
    time of each lexicon file, so that a cluster that outlives a run never codes with a coder
    built from files since changed."""
    digest = hashlib.sha1(pickle.dumps((spec, tuple(versions))))
    for path in getattr(spec, "lexicons", ()):
        try:
            found = os.stat(path)
        except OSError:
            continue
        digest.update(f"{path}\0{found.st_size}\0{found.st_mtime_ns}".encode())
    return "marsad-coder-" + digest.hexdigest()[:16]


def worker_coder(plugin: str) -> CodesArticles:
    """This worker's coder, built by its plugin."""
    from distributed import get_worker

    found = get_worker().plugins[plugin]
    coder = found.coder if isinstance(found, CoderPlugin) else None
    if coder is None:
        raise RuntimeError("the worker's coder was not built (its plugin did not set up)")
    return coder


def _code_task(chunk: list[Article], rendered: bool, plugin: str) -> list[Outcome]:
    return code_chunk(worker_coder(plugin), chunk, rendered)


def _read_partition(partition: Partition,
                    options: ReadOptions) -> tuple[list[Article], list[InputIssue]]:
    issues: list[InputIssue] = []
    return list(partition.read(issues.append, options)), issues


def _code_partition(index: int, partition: Partition, options: ReadOptions, alone: int | None,
                    plugin: str, rendered: bool) -> tuple[list[Coded], list[InputIssue]]:
    articles, issues = _read_partition(partition, options)
    outcomes = code_chunk(worker_coder(plugin), articles, rendered)
    return list(zip(outcomes, [a.origin for a in articles])), issues


def _write_partition(index: int, partition: Partition, options: ReadOptions, alone: int | None,
                     plugin: str, sink: Sink, chunksize: int) -> tuple[list[Coded], list[InputIssue]]:
    articles, issues = _read_partition(partition, options)
    coder = worker_coder(plugin)
    coded: list[Coded] = []
    for start in range(0, len(articles), chunksize):
        chunk = articles[start:start + chunksize]
        name = part_name(index, start // chunksize) if alone is None else \
            part_name(index, alone // chunksize, alone % chunksize)
        outcomes = write_outcomes(name, chunk, code_chunk(coder, chunk, rendered=True), sink)
        coded.extend(zip(outcomes, [a.origin for a in chunk]))
    return coded, issues


def _ingest_partition(index: int, partition: Partition, options: ReadOptions, alone: int | None,
                      plugin: str, writer: StoreWriter) -> tuple[list[Ingested], list[InputIssue]]:
    articles, issues = _read_partition(partition, options)
    coder = worker_coder(plugin)
    done = writer.write(articles, lambda chunk: code_chunk(coder, chunk, rendered=True),
                        issues.append)
    return [done], issues


def _died(article: Article) -> Coded:
    return Outcome(article.id, [], DIED), article.origin
