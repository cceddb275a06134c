"""Coding over worker processes, outcomes in input order, a dying worker losing one article.

Each worker builds its coder once from the spec (resources come from the on-disk cache) and
codes a chunk of articles at a time. An exception on one article comes back as a failure for
that article; a worker that dies outright (killed, out of memory, a crash in a C extension)
breaks the pool, and then the chunk is coded again one article at a time in a fresh pool, so
that only the article that kills a worker is lost and reported.

Workers die with their parent. A worker blocked on the pool's queue never notices its parent
is gone (its siblings hold the queue's other end), so a parent killed with SIGKILL or SIGTERM
used to leave its workers running for minutes, holding a PostgreSQL session (and the ingest
lock) through the connection they inherited. On Linux each worker asks the kernel for SIGTERM
when its parent dies (``PR_SET_PDEATHSIG``); the kernel sends it when the thread that started
the worker ends, which here is the thread that iterates ``code``.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cached_property
from itertools import islice

from marsad.reading.article import Article
from marsad.run.base import CoderVersions, CodesArticles, Outcome, Spec, code_chunk

_PR_SET_PDEATHSIG = 1
_coder: CodesArticles | None = None      # this worker's coder, built once by _start_worker

DIED = "worker process died while coding this article"


class ProcessExecutor:
    """Codes over ``jobs`` worker processes, ``chunksize`` articles per task. A pool lives for
    one call of ``code``: it starts with the first chunk and is shut down when the outcomes
    have all been read (or the caller stops reading)."""

    def __init__(self, spec: Spec, jobs: int, chunksize: int = 32):
        self.spec = spec
        self.jobs = max(1, jobs)
        self.chunksize = max(1, chunksize)

    @cached_property
    def versions(self) -> CoderVersions:
        return self.spec.versions()

    def code(self, articles: Iterable[Article], render: bool = False) -> Iterator[Outcome]:
        it = iter(articles)
        pool = self._pool(self.jobs)
        # A sliding window of chunks in flight: one more is sent as each comes back, so that
        # the workers never wait for the slowest chunk of a batch; the bound keeps memory flat.
        window: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()

        def send() -> None:
            chunk = list(islice(it, self.chunksize))
            if chunk:
                window.append((chunk, pool.submit(_code_chunk, chunk, render)))

        try:
            for _ in range(self.jobs * 4):
                send()
            while window:
                chunk, future = window.popleft()
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    # this chunk, and those in flight that were lost with the pool, in order
                    for lost in [chunk] + [c for c, _ in window]:
                        yield from self._isolate(lost, render)
                    window.clear()
                    pool = self._pool(self.jobs)
                    for _ in range(self.jobs * 4):
                        send()
                    continue
                send()
                yield from outcomes
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _isolate(self, chunk: list[Article], render: bool) -> Iterator[Outcome]:
        """Code a chunk one article per task, in a fresh pool after each crash."""
        pool = self._pool(1)
        try:
            for article in chunk:
                try:
                    yield from pool.submit(_code_chunk, [article], render).result()
                except BrokenProcessPool:
                    yield Outcome(article.id, [], DIED)
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool(1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _pool(self, jobs: int) -> ProcessPoolExecutor:
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_start_worker,
                                   initargs=(self.spec, os.getpid()))


def _start_worker(spec: Spec, parent: int) -> None:
    global _coder
    die_with_parent(parent)
    _coder = spec.build()


def _code_chunk(chunk: list[Article], rendered: bool) -> list[Outcome]:
    assert _coder is not None, "the worker's coder is built by its initializer"
    return code_chunk(_coder, chunk, rendered)


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends (Linux; elsewhere the pool's own shutdown only).

    SIGTERM is reset to its default action first: a forked worker inherits its parent's
    handlers, and a handler could keep it alive."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):
            pass                        # no prctl here: the check below is all there is
    if os.getppid() != parent:          # the parent died before the request took effect
        os._exit(1)
