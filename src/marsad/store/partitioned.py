"""An ingest into PostgreSQL written by the workers that code it (``marsad ingest … --executor
dask --db postgresql://…``).

The client lists the input's partitions (``marsad.reading.partitions``) and holds the store's
ingest lock (``Backend.exclusive``: one ingest at a time, as with every executor). Each
partition is a task: its worker reads it, looks up which of its articles are stored unchanged,
codes the others and writes them (``StoreWriter.write``) in one short transaction of its own,
on a connection it opens once (one per worker process and store). Only counts, the input issues
and the days the partition touched come back (``Ingested``); the client then reclusters once,
around the days the workers marked (``marsad.store.incremental``).

The actors a partition's articles name are written with them, the first writer's row kept, as
in one process; the client then gives each actor new to the store the row of the first
partition in input order that named it (``settle_actors``), so that a generic actor's code
(``cop.security_forces`` in Yemen or in Jordan) is the single-process ingest's, whichever
worker finished first. (An ingest killed before that leaves the later row, until the articles
are coded again.)

Per-article keys keep an article from being doubled when two transactions write it at once
(the same id in two partitions of an ingest, or an ingest that does not take the store's lock):
the transaction takes a transaction-level advisory lock on each of its article ids, in key
order (``marsad.store.locks.lock_articles``), then looks again at what is stored and writes only
what is still new or changed. An id read twice in one partition is handled as the single-process
ingest handles it (the later one is stored, and said); an id in two partitions is stored once,
from whichever partition is written last.

DuckDB is one process's file, so an ingest into DuckDB stays written by the client
(``marsad.store.ingest``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from marsad.reading.article import Article
from marsad.reading.sources import InputIssue, ReadOptions, Report, article_issue
from marsad.store.backends import Backend, PostgresBackend
from marsad.store.clusters import DEFAULT_WINDOW_DAYS, recluster_if_stale
from marsad.store.ingest import IngestStats, Progress, now, say_repeated, stored_hashes, write_rows
from marsad.store.locks import lock_articles
from marsad.store.names import PlaceNames
from marsad.store.rows import Rows, SeenIds, content_hash, unique_by_id

if TYPE_CHECKING:
    from marsad.reading.partitions import Partition
    from marsad.run import Outcome

_DIED = "worker died while coding this article"


@dataclass
class Ingested:
    """What a worker did with one partition: counts, and the days of the events it wrote and
    deleted (None: undated)."""

    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    days: set[date | None] = field(default_factory=set)
    issues: list[InputIssue] = field(default_factory=list)   # told by the client
    actors: dict[str, tuple] = field(default_factory=dict)   # the actor rows it needed


def lost(article: Article) -> Ingested:
    """An article whose coding killed its worker: not stored, reported."""
    return Ingested(read=1, failed=1, issues=[article_issue(article, f"coder failed: {_DIED}")])


@dataclass(frozen=True)
class StoreWriter:
    """What a worker needs to write into the store at ``db`` (a PostgreSQL URL): the coder's
    versions, whether unchanged articles are coded again, and the place names."""

    db: str
    versions: tuple[str, str]
    names: PlaceNames
    recode: bool = False

    def write(self, articles: list[Article], code: Callable[[list[Article]], list[Outcome]],
              report: Report) -> Ingested:
        """Store the new and changed ``articles``, coded with ``code``, in one transaction;
        counted as the single-process ingest counts them (new and changed before coding, a
        failure besides)."""
        backend = worker_backend(self.db)
        articles = _last_of_each_id(articles, report)
        before = stored_hashes(backend, [a.id for a in articles])
        to_code = [a for a in articles if self.recode or before.get(a.id) != content_hash(a)]
        done = Ingested(read=len(articles), unchanged=len(articles) - len(to_code))
        done.changed = sum(a.id in before for a in to_code)
        done.new = len(to_code) - done.changed
        coded = []
        for article, outcome in zip(to_code, code(to_code)):
            if outcome.error:
                done.failed += 1
                report(article_issue(article, outcome.problem or ""))
            else:
                coded.append((article, outcome.lines))
        if coded:
            self._store(backend, coded, before, done)
        return done

    def _store(self, backend: Backend, coded: list[tuple[Article, tuple[str, ...]]],
               before: dict[str, str], done: Ingested) -> None:
        rows, moment = Rows(self.names), now()
        with backend.transaction():
            ids = [a.id for a, _ in coded]
            lock_articles(backend, ids)
            stored = stored_hashes(backend, ids)     # as it is now, with the articles locked
            for article, lines in coded:
                if not self.recode and stored.get(article.id) == content_hash(article):
                    # another writer stored it since it was looked up
                    done.unchanged += 1
                    done.changed -= article.id in before
                    done.new -= article.id not in before
                    continue
                rows.add_article(article, list(lines), *self.versions, moment)
            if rows.articles:
                done.days |= write_rows(backend, rows)
        done.events += len(rows.events)
        done.actors = rows.actors


def _last_of_each_id(articles: list[Article], report: Report) -> list[Article]:
    seen = SeenIds()
    for article in articles:
        say_repeated(article, seen.again(article), report)
    return unique_by_id(articles)


_connections: dict[tuple[str, int], Backend] = {}
_opening = threading.Lock()


def worker_backend(db: str) -> Backend:
    """This worker's connection to ``db``: opened on its first partition, kept for the next
    (one per thread: a transaction is a connection's)."""
    key = (db, threading.get_ident())
    with _opening:
        backend = _connections.get(key)
        if backend is None:
            backend = _connections[key] = PostgresBackend(db)
    return backend


def settle_actors(backend: Backend, actors: dict[str, tuple], settled: set[str]) -> None:
    """Give each actor first stored in this ingest the row of the first partition, in input
    order, that needed it (``settled``: the actors already decided, updated here).

    An actor row is written once (the first writer's name and code are kept): one process
    writes them in input order, but workers commit in whatever order they finish, and a
    generic actor (``cop.security_forces``) carries the country of the article that stored it.
    Called with each partition's rows as the partitions come back in input order, this makes
    the store the single-process ingest's. An actor changed here is only ever one new in this
    ingest, so every event naming it is of a day marked for reclustering already."""
    fresh = [row for actor_id, row in actors.items() if actor_id not in settled]
    settled.update(actors)
    if not fresh:
        return
    with backend.transaction():
        for actor_id, name, code, sector, kind in fresh:
            backend.execute("UPDATE actors SET name = ?, code = ?, sector = ?, kind = ? "
                            "WHERE actor_id = ? AND (name, code, sector, kind) IS DISTINCT FROM "
                            "(?::text, ?::text, ?::text, ?::text)", (name, code, sector, kind, actor_id,
                                             name, code, sector, kind))


class IngestsPartitions(Protocol):
    """An executor whose workers write what they code (``marsad.run.dask.DaskExecutor``)."""

    def ingest_partitions(self, partitions: Iterable[Partition], report: Report,
                          options: ReadOptions, writer: StoreWriter) -> Iterator[Ingested]: ...


def ingest_by_workers(backend: Backend, executor: IngestsPartitions,
                      partitions: Iterable[Partition], writer: StoreWriter, report: Report,
                      options: ReadOptions, window_days: int = DEFAULT_WINDOW_DAYS,
                      progress: Progress | None = None) -> IngestStats:
    """Ingest ``partitions`` written by the workers (the caller holds the store's ingest
    lock); the clusters recomputed once afterwards, around the days the workers touched."""
    import time

    started, stats = time.monotonic(), IngestStats()
    progress = progress or Progress()
    settled = {actor_id for (actor_id,) in backend.fetch("SELECT actor_id FROM actors")[1]}
    for done in executor.ingest_partitions(partitions, report, options, writer):
        for found in done.issues:
            report(found)
        settle_actors(backend, done.actors, settled)
        for name in ("read", "new", "changed", "unchanged", "failed", "events"):
            setattr(stats, name, getattr(stats, name) + getattr(done, name))
        progress.advance(done.read, done.events)
    stats.clusters = recluster_if_stale(backend, window_days)
    progress.close()
    stats.seconds = time.monotonic() - started
    return stats
