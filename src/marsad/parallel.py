"""Coding many articles over worker processes, output kept in input order.

Each worker builds its own ``Coder`` once (resources come from the on-disk cache) and codes a
chunk of articles at a time. An exception on one article comes back as a failure for that
article; a worker that dies outright (killed, out of memory, a crash in a C extension) breaks
the pool, and then the chunk is coded again one article at a time in a fresh pool, so that only
the article that kills a worker is lost and reported.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from marsad.reading.article import Article
from marsad.records import Event

_coder = None


@dataclass(frozen=True)
class Outcome:
    """What coding one article gave. Workers send back only the article's id, never its text,
    and with ``render`` the events as JSON lines, which cross processes far cheaper."""

    article_id: str
    events: list[Event]
    error: str | None = None
    lines: tuple[str, ...] = ()


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
        return Outcome(article.id, _coder.code(article))
    except Exception as exc:  # reported per article by the caller
        return Outcome(article.id, [], f"{type(exc).__name__}: {exc}")


def render(outcome: Outcome) -> Outcome:
    """The outcome with its events as JSON lines (and no event objects)."""
    lines = tuple(json.dumps(e.to_dict(), ensure_ascii=False) for e in outcome.events)
    return Outcome(outcome.article_id, [], outcome.error, lines)


def _code_chunk(task: Task, chunk: list[Article], rendered: bool = False) -> list[Outcome]:
    outcomes = [task(a) for a in chunk]
    return [render(o) for o in outcomes] if rendered else outcomes


def code_in_order(articles: Iterable[Article], jobs: int, lexicons: tuple[str, ...] = (),
                  chunksize: int = 32, task: Task = code_one,
                  rendered: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs == 1`` codes in this process. With ``rendered`` the
    events come back as JSON lines (``Outcome.lines``) rather than objects."""
    if jobs <= 1:
        _init(lexicons)
        for article in articles:
            outcome = task(article)
            yield render(outcome) if rendered else outcome
        return
    it = iter(articles)
    pool = _pool(jobs, lexicons)
    # A sliding window of chunks in flight: one more is sent as each comes back, so that the
    # workers never wait for the slowest chunk of a batch; the bound keeps memory flat.
    window: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()

    def send() -> None:
        chunk = list(islice(it, chunksize))
        if chunk:
            window.append((chunk, pool.submit(_code_chunk, task, chunk, rendered)))

    try:
        for _ in range(jobs * 4):
            send()
        while window:
            chunk, future = window.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _isolate(chunk, lexicons, task, rendered)
                # the chunks in flight were lost with the pool: code them again, in order
                while window:
                    yield from _isolate(window.popleft()[0], lexicons, task, rendered)
                pool = _pool(jobs, lexicons)
                for _ in range(jobs * 4):
                    send()
                continue
            send()
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolate(chunk: list[Article], lexicons: tuple[str, ...], task: Task,
             rendered: bool) -> Iterator[Outcome]:
    """Code a chunk one article per task, in a fresh pool after each crash."""
    pool = _pool(1, lexicons)
    try:
        for article in chunk:
            try:
                yield from pool.submit(_code_chunk, task, [article], rendered).result()
            except BrokenProcessPool:
                yield Outcome(article.id, [], "worker process died while coding this article")
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(1, lexicons)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int, lexicons: tuple[str, ...]) -> ProcessPoolExecutor:
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(lexicons,))
