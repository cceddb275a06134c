"""What every executor shares: the outcome of coding one article, the coder's recipe, the
``Executor`` protocol, coding a chunk of articles with one coder, and coding the partitions of
an input (``code_partitions``, ``write_partitions``): read by the workers where the executor
has workers of its own (Dask), else read here and coded by the executor."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from marsad.doc.records import Event
from marsad.lang import UnsupportedLanguage
from marsad.reading.article import Article, Origin
from marsad.reading.sources import Pending, ReadOptions, Report

if TYPE_CHECKING:
    from marsad.coder import Coder
    from marsad.reading.partitions import Partition


@dataclass(frozen=True)
class Outcome:
    """What coding one article gave. Workers send back only the article's id, never its text,
    and when asked to render, the events as JSON lines, which cross processes far cheaper."""

    article_id: str
    events: list[Event]
    error: str | None = None
    lines: tuple[str, ...] = ()
    refused: bool = False       # not coded by design (a language marsad does not code), no fault

    @property
    def problem(self) -> str | None:
        """What to tell the user about this article, or None when it was coded."""
        if self.error is None:
            return None
        return f"skipped: {self.error}" if self.refused else f"coder failed: {self.error}"


class CoderVersions(NamedTuple):
    """What the store records with each article: the coder's and the resources' versions."""

    coder: str
    resources: str


class CodesArticles(Protocol):
    """A coder as executors see it (``marsad.Coder``, or a stand-in in tests)."""

    def code(self, article: Article) -> list[Event]: ...


class Spec(Protocol):
    """A picklable recipe for a coder: what crosses to a worker process (or machine), which
    builds the coder from it once."""

    def build(self) -> CodesArticles: ...

    def versions(self) -> CoderVersions: ...


@dataclass(frozen=True)
class CoderSpec:
    """``marsad.Coder``'s recipe: the user's lexicon files (paths, read where it is built)."""

    lexicons: tuple[str, ...] = ()

    def build(self) -> Coder:
        from marsad.coder import Coder

        return Coder(lexicons=self.lexicons)

    def versions(self) -> CoderVersions:
        from marsad.resources import load_resources
        from marsad.version import __version__

        return CoderVersions(__version__, load_resources(self.lexicons).version)


class Executor(Protocol):
    """Codes articles somewhere and gives their outcomes back in input order."""

    @property
    def versions(self) -> CoderVersions: ...

    def code(self, articles: Iterable[Article], render: bool = False) -> Iterator[Outcome]:
        """One outcome per article, in input order; with ``render`` the events come back as
        JSON lines (``Outcome.lines``) rather than objects. An exception while coding an
        article is that article's ``error``; it never stops the others."""
        ...


def code_one(coder: CodesArticles, article: Article) -> Outcome:
    """Code one article; an exception becomes the outcome's error."""
    try:
        return Outcome(article.id, coder.code(article))
    except UnsupportedLanguage as exc:
        return Outcome(article.id, [], str(exc), refused=True)
    except Exception as exc:  # noqa: BLE001 -- any failure is this article's, reported by the caller
        return Outcome(article.id, [], f"{type(exc).__name__}: {exc}")


def render(outcome: Outcome) -> Outcome:
    """The outcome with its events as JSON lines (and no event objects)."""
    lines = tuple(json.dumps(e.to_dict(), ensure_ascii=False) for e in outcome.events)
    return Outcome(outcome.article_id, [], outcome.error, lines, outcome.refused)


def code_chunk(coder: CodesArticles, chunk: Iterable[Article], rendered: bool = False) -> list[Outcome]:
    outcomes = [code_one(coder, a) for a in chunk]
    return [render(o) for o in outcomes] if rendered else outcomes


#: articles per chunk (a task, a part of the Parquet output) unless an executor says otherwise:
#: the same in every executor, so that a chunked output is the same from each
CHUNK = 32


class ClusterLost(Exception):
    """The cluster an executor codes on cannot be reached, or has had no worker for too long:
    the run cannot go on (what was coded before it is kept)."""

#: what a sink is handed: a name for the chunk, unique in the run (``000042``, or ``000042-007``
#: for an article of a chunk coded again alone), and its coded articles with their events as
#: JSON lines; it writes them somewhere (the batch Parquet output) and says how many events
Sink = Callable[[str, list[tuple[Article, tuple[str, ...]]]], int]


def part_name(partition: int, chunk: int = 0, article: int | None = None) -> str:
    """The name of chunk ``chunk`` of partition ``partition`` (or of its ``article``-th
    article alone, coded again after its worker died) for a sink."""
    name = f"{partition:06d}-{chunk:03d}"
    return name if article is None else f"{name}-{article:03d}"


def write_outcomes(part: str, chunk: list[Article], outcomes: list[Outcome],
                   sink: Sink) -> list[Outcome]:
    """Hand the coded articles of a chunk to ``sink``; the outcomes without their events."""
    sink(part, [(a, o.lines) for a, o in zip(chunk, outcomes) if o.error is None])
    return [Outcome(o.article_id, [], o.error, (), o.refused) for o in outcomes]


#: an article's outcome and where it was read (None: not read from a file)
Coded = tuple[Outcome, Origin | None]


def code_partitions(executor: Executor, partitions: Iterable[Partition], report: Report,
                    options: ReadOptions, render: bool = False) -> Iterator[Coded]:
    """Every article of ``partitions`` coded, in input order: the workers read the partitions
    where the executor can (``DaskExecutor.code_partitions``), else they are read here. A
    record that cannot be read is reported (by file and line, member or row) and skipped."""
    own = getattr(executor, "code_partitions", None)
    if own is not None:
        yield from own(partitions, report, options, render)
        return
    articles = Pending(article for p in partitions for article in p.read(report, options))
    for outcome in executor.code(articles, render=render):
        yield outcome, articles.done().origin


def write_partitions(executor: Executor, partitions: Iterable[Partition], report: Report,
                     options: ReadOptions, sink: Sink, chunksize: int = CHUNK) -> Iterator[Coded]:
    """Code ``partitions`` and hand them to ``sink`` in chunks of ``chunksize`` articles of a
    partition: on the workers where the executor can (``DaskExecutor.write_partitions``),
    else here as the outcomes come back. The outcomes (errors only, no events) in input order.
    The chunks are the same with every executor (an actor's code in the flat view is the
    first one stored in the chunk's table, so the same chunks give the same files)."""
    own = getattr(executor, "write_partitions", None)
    if own is not None:
        yield from own(partitions, report, options, sink, chunksize)
        return
    sent: deque[tuple[str, Article]] = deque()

    def remembered() -> Iterator[Article]:
        for index, partition in enumerate(partitions):
            for number, article in enumerate(partition.read(report, options)):
                sent.append((part_name(index, number // chunksize), article))
                yield article

    chunk: list[Article] = []
    done: list[Outcome] = []
    name = ""
    for outcome in executor.code(remembered(), render=True):
        key, article = sent.popleft()
        if key != name and chunk:
            yield from zip(write_outcomes(name, chunk, done, sink), [a.origin for a in chunk])
            chunk, done = [], []
        name = key
        chunk.append(article)
        done.append(outcome)
    if chunk:
        yield from zip(write_outcomes(name, chunk, done, sink), [a.origin for a in chunk])


def write_through(executor: Executor, articles: Iterable[Article], sink: Sink,
                  chunksize: int = CHUNK) -> Iterator[Outcome]:
    """``write_partitions`` for articles given in Python, in partitions of ``chunksize``."""
    from marsad.reading.partitions import in_chunks

    for outcome, _ in write_partitions(executor, in_chunks(articles, chunksize),
                                       lambda issue: None, ReadOptions(), sink, chunksize):
        yield outcome


def default_jobs() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
