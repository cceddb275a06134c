"""Coding many articles over worker processes, output kept in input order.

Each worker builds its own ``Coder`` once (resources are loaded per process) and codes one
chunk of articles at a time; an exception on one article is returned as a failure for that
article, never lost or allowed to stop the others.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from marsad.reading.article import Article
from marsad.records import Event

_coder = None


@dataclass(frozen=True)
class Outcome:
    article: Article
    events: list[Event]
    error: str | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init(lexicons: tuple[str, ...]) -> None:
    global _coder
    from marsad.coder import Coder

    _coder = Coder(lexicons=lexicons)


def _code_one(article: Article) -> Outcome:
    assert _coder is not None
    try:
        return Outcome(article, _coder.code(article))
    except Exception as exc:  # reported per article by the caller
        return Outcome(article, [], f"{type(exc).__name__}: {exc}")


def code_in_order(articles: Iterable[Article], jobs: int, lexicons: tuple[str, ...] = (),
                  chunksize: int = 16) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs == 1`` codes in this process."""
    if jobs <= 1:
        _init(lexicons)
        yield from map(_code_one, articles)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(lexicons,)) as pool:
        # Feed the pool in bounded windows so memory does not grow with the input.
        it = iter(articles)
        while True:
            window = list(islice(it, jobs * chunksize * 4))
            if not window:
                break
            yield from pool.imap(_code_one, window, chunksize=chunksize)
