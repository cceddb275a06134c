"""Coding articles into the store: idempotent, in committed batches, safe to kill.

An article is keyed by its id and the hash of what coding depends on (title, text, date). One
already stored with the same hash is skipped without being coded; one whose hash changed is
coded again and its old events replaced. Each batch of coded articles is written in one
transaction together with their ``articles`` rows, so a process killed mid-ingest leaves only
whole batches behind, and the rerun codes exactly what is missing. Clusters are recomputed
after the last batch; a flag written with every batch makes a rerun recompute them even when
no article is left to code.

The ingest does not code: it is handed an executor (``marsad.run``) that does, in this process
or over workers, and stores the outcomes in input order with the coder's and resources'
versions the executor reports.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from typing import TYPE_CHECKING

from marsad.reading.article import Article, Origin
from marsad.reading.sources import Report, article_issue, id_issue
from marsad.store.backends import Backend
from marsad.store.clusters import DEFAULT_WINDOW_DAYS, mark_clusters_stale, recluster_if_stale
from marsad.store.names import CodesOnly, PlaceNames
from marsad.store.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    CONTEXT_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    TEXT_COLUMNS,
    Rows,
    SeenIds,
    content_hash,
    unique_by_id,
)

if TYPE_CHECKING:
    from marsad.run import Executor

DEFAULT_BATCH = 500
_EVENT_DATE = [c.name for c in EVENT_COLUMNS].index("event_date")
_LOOKUP_CHUNK = 256


@dataclass
class IngestStats:
    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    clusters: int | None = None
    seconds: float = 0.0


class Progress:
    """What the ingest tells a progress display; the default shows nothing."""

    def advance(self, articles: int, events: int) -> None:
        pass

    def close(self) -> None:
        pass


class Ingestor:
    """Stores what ``executor`` codes of the new and changed articles; ``names`` gives the
    stored places their division's name."""

    def __init__(self, backend: Backend, executor: Executor, names: PlaceNames | None = None,
                 batch_size: int = DEFAULT_BATCH, recode: bool = False,
                 window_days: int = DEFAULT_WINDOW_DAYS, progress: Progress | None = None):
        self.backend = backend
        self.executor = executor
        self.names = names or CodesOnly()
        self.batch_size = max(1, batch_size)
        self.recode = recode
        self.window_days = window_days
        self.progress = progress or Progress()
        self.stats = IngestStats()
        self._pending: deque[Article] = deque()

    def run(self, articles: Iterable[Article],
            report: Report = lambda issue: None,
            lock_timeout: float | None = None,
            waiting: Callable[[str], None] | None = None) -> IngestStats:
        """Ingest ``articles``, one ingest at a time on a store (see ``Backend.exclusive``)."""
        with self.backend.exclusive("ingest", lock_timeout, waiting):
            return self._run(articles, report)

    def _run(self, articles: Iterable[Article], report: Report) -> IngestStats:
        started = datetime.now(UTC)
        coder_version, resources_version = self.executor.versions
        rows, in_batch = Rows(self.names), 0
        for outcome in self.executor.code(self._to_code(articles, report), render=True):
            article = self._pending.popleft()
            if outcome.error:   # not stored, so a rerun tries it again
                self.stats.failed += 1
                report(article_issue(article, outcome.problem or ""))
                self.progress.advance(1, 0)
                continue
            if article.id in rows.ids:      # read twice: the later one replaces it, as stored
                self._write(rows)
                rows, in_batch = Rows(self.names), 0
            rows.add_article(article, list(outcome.lines), coder_version, resources_version, now())
            self.progress.advance(1, len(outcome.lines))
            in_batch += 1
            if in_batch >= self.batch_size:
                self._write(rows)
                rows, in_batch = Rows(self.names), 0
        self._write(rows)
        self.stats.clusters = recluster_if_stale(self.backend, self.window_days)
        self.progress.close()
        self.stats.seconds = (datetime.now(UTC) - started).total_seconds()
        return self.stats

    def _to_code(self, articles: Iterable[Article], report: Report) -> Iterator[Article]:
        """The articles that are new or changed; the unchanged are counted and passed over."""
        it, seen = iter(articles), SeenIds()
        while chunk := list(islice(it, _LOOKUP_CHUNK)):
            # an id read before with other content: the earlier may still be on its way to the
            # store, so this one is coded and written after it even when it matches the store
            replaces = {a.id for a in chunk if say_repeated(a, seen.again(a), report)}
            chunk = unique_by_id(chunk)
            stored = self._stored_hashes([a.id for a in chunk])
            for article in chunk:
                self.stats.read += 1
                old = stored.get(article.id)
                if old is not None and old == content_hash(article) and not self.recode \
                        and article.id not in replaces:
                    self.stats.unchanged += 1
                    self.progress.advance(1, 0)
                    continue
                if old is None:
                    self.stats.new += 1
                else:
                    self.stats.changed += 1
                self._pending.append(article)
                yield article

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        return stored_hashes(self.backend, ids)

    def _write(self, rows: Rows) -> None:
        if not rows.articles:
            return
        with self.backend.transaction():
            write_rows(self.backend, rows)
        self.stats.events += len(rows.events)


def stored_hashes(backend: Backend, ids: list[str]) -> dict[str, str]:
    """The content hash of each of ``ids`` that is stored."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), 1000):
        part = ids[start:start + 1000]
        marks = ", ".join("?" * len(part))
        _, rows = backend.fetch(
            f"SELECT article_id, content_hash FROM articles WHERE article_id IN ({marks})", part)
        found.update(rows)
    return found


def write_rows(backend: Backend, rows: Rows) -> set[date | None]:
    """Replace the articles of ``rows`` and what was coded from them (inside the caller's
    transaction); the days of the events written and deleted, marked for reclustering.
    Actors and places go in key order, so that two writers at once never wait for each other
    in a circle."""
    days = delete_articles(backend, [r[0] for r in rows.articles])
    backend.insert("articles", ARTICLE_COLUMNS, rows.articles)
    backend.insert("article_texts", TEXT_COLUMNS, rows.texts)
    backend.insert("actors", ACTOR_COLUMNS, [rows.actors[k] for k in sorted(rows.actors)],
                   ignore_existing=True)
    backend.insert("places", PLACE_COLUMNS, [rows.places[k] for k in sorted(rows.places)],
                   ignore_existing=True)
    backend.insert("events", EVENT_COLUMNS, rows.events)
    backend.insert("event_entities", ENTITY_COLUMNS, rows.entities)
    backend.insert("event_contexts", CONTEXT_COLUMNS, rows.contexts)
    days |= {row[_EVENT_DATE] for row in rows.events}
    mark_clusters_stale(backend, days)
    return days


def say_repeated(article: Article, earlier: tuple[Origin | None, bool] | None,
                  report: Report) -> bool:
    """Tell of an article whose id was read before in this ingest: the earlier one is not
    stored (a record skipped), unless the two are the same (a note). True when it replaces an
    earlier article that differs."""
    if earlier is None:
        return False
    origin, same = earlier
    here = str(article.origin) if article.origin else "later in the input"
    if same:
        report(id_issue(article.id, origin, f"read again at {here}, with the same title, text "
                                            "and date: stored once", skipped=False))
    else:
        report(id_issue(article.id, origin, f"not stored: an article with the same id is read "
                                            f"again at {here}, and the later one is stored"))
    return not same


def delete_articles(backend: Backend, ids: list[str]) -> set[date | None]:
    """Remove articles and everything coded from them (children first); the days of the
    events removed. The clusters their events were in go too: the reclustering of those days
    makes again those that keep other members (``marsad.store.incremental``)."""
    days: set[date | None] = set()
    for start in range(0, len(ids), 1000):
        part = ids[start:start + 1000]
        marks = ", ".join("?" * len(part))
        events = f"SELECT event_id FROM events WHERE article_id IN ({marks})"
        _, rows = backend.fetch(f"SELECT DISTINCT event_date FROM events WHERE article_id IN ({marks})",
                                part)
        days.update(day for (day,) in rows)
        backend.execute(f"DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM "
                        f"event_clusters WHERE event_id IN ({events}))", part)
        for table in ("event_entities", "event_contexts", "event_clusters"):
            backend.execute(f"DELETE FROM {table} WHERE event_id IN ({events})", part)
        backend.execute(f"DELETE FROM events WHERE article_id IN ({marks})", part)
        backend.execute(f"DELETE FROM article_texts WHERE article_id IN ({marks})", part)
        backend.execute(f"DELETE FROM articles WHERE article_id IN ({marks})", part)
    return days


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
