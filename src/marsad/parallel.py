"""Coding many articles over worker processes, output kept in input order.

Each worker builds its own ``Coder`` once (resources come from the on-disk cache) and codes a
chunk of articles at a time. An exception on one article comes back as a failure for that
article; a worker that dies outright (killed, out of memory, a crash in a C extension) breaks
the pool, and then the chunk is coded again one article at a time in a fresh pool, so that only
the article that kills a worker is lost and reported.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Callable, Iterable, Iterator

from marsad.reading.article import Article
from marsad.records import Event

_coder = None


@dataclass(frozen=True)
class Outcome:
    article: Article
    events: list[Event]
    error: str | None = None


Task = Callable[[Article], Outcome]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init(lexicons: tuple[str, ...]) -> None:
    global _coder
    from marsad.coder import Coder

    _coder = Coder(lexicons=lexicons)


def code_one(article: Article) -> Outcome:
    """Code one article in this process's coder; an exception becomes the outcome's error."""
    assert _coder is not None
    try:
        return Outcome(article, _coder.code(article))
    except Exception as exc:  # reported per article by the caller
        return Outcome(article, [], f"{type(exc).__name__}: {exc}")


def _code_chunk(task: Task, chunk: list[Article]) -> list[Outcome]:
    return [task(a) for a in chunk]


def code_in_order(articles: Iterable[Article], jobs: int, lexicons: tuple[str, ...] = (),
                  chunksize: int = 16, task: Task = code_one) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs == 1`` codes in this process."""
    if jobs <= 1:
        _init(lexicons)
        yield from map(task, articles)
        return
    it = iter(articles)
    pool = _pool(jobs, lexicons)
    try:
        while True:
            # Bounded windows keep memory flat whatever the input's size.
            chunks = [c for c in (list(islice(it, chunksize)) for _ in range(jobs * 4)) if c]
            if not chunks:
                return
            futures = [pool.submit(_code_chunk, task, c) for c in chunks]
            for chunk, future in zip(chunks, futures):
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _pool(jobs, lexicons)
                    yield from _isolate(chunk, jobs, lexicons, task)
                    # the other chunks of this window were lost with the pool: code them again
                    rest = chunks[chunks.index(chunk) + 1:]
                    yield from (o for c in rest for o in _isolate(c, jobs, lexicons, task))
                    break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolate(chunk: list[Article], jobs: int, lexicons: tuple[str, ...],
             task: Task) -> Iterator[Outcome]:
    """Code a chunk one article per task, in a fresh pool after each crash."""
    pool = _pool(1, lexicons)
    try:
        for article in chunk:
            try:
                yield from pool.submit(_code_chunk, task, [article]).result()
            except BrokenProcessPool:
                yield Outcome(article, [], "worker process died while coding this article")
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(1, lexicons)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int, lexicons: tuple[str, ...]) -> ProcessPoolExecutor:
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(lexicons,))
