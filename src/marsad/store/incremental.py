"""Reclustering only around the days that changed, with the result a whole recomputation gives.

The clustering (``marsad.store.clusters``) walks each type and modality's mentions in date
order, and a mention can only join a cluster opened at most ``window`` days before it. So the
walk can be resumed at any day ``lo``: its state there is the clusters opened in the
``window`` days before ``lo``, with their members dated before ``lo``, and those are stored.
From ``lo`` the mentions are walked again, a day at a time; once the last changed day is more
than ``window`` days behind, the walk stops at the first day ``cut`` where the clusters still
open (those opened in the ``window`` days before ``cut``) hold exactly the mentions they hold
in the store: from there on the walk would repeat what is stored. The clusters opened before
``cut - window`` are rewritten, the others are left as they are.

An ingest records the days of the events it writes and deletes (``mark_clusters_stale``); a
batch of news touches a few days, so reclustering reads a few days around each of them instead
of the whole store. The days around many changed days are read together (``StoredMentions``):
a range of dates is a scan of the events where the database has no index for it (DuckDB), so
a read per changed day made forty articles about scattered days take minutes at ten million
events. Events without a date are each a cluster of their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from marsad.store.backends import Backend
from marsad.store.clusters import (
    DIRTY,
    UNDATED,
    Cluster,
    Mention,
    Walk,
    cluster_mentions,
    clusters_current,
    group_key,
    load_mentions_with_clusters,
    mention_order,
    write_clusters,
)

#: days of events read at a time once a walk goes past what was read ahead for it
STEP_DAYS = 14
#: changed days whose surroundings are read in one query
READ_TOGETHER = 64
_CHUNK = 1000


def dirty_days(backend: Backend) -> list[date | None]:
    """The days whose events changed since the clusters were computed (None: undated ones)."""
    _, rows = backend.fetch(f"SELECT key FROM store_state WHERE key LIKE '{DIRTY}%'")
    keys = [key[len(DIRTY):] for (key,) in rows]
    return [None if k == UNDATED else date.fromisoformat(k) for k in keys]


def recluster_days(backend: Backend, days: list[date | None], window: int) -> None:
    """Recompute the clusters around ``days``, in one transaction."""
    with backend.transaction():
        dated = sorted(d for d in days if d is not None)
        _, rows = backend.fetch("SELECT max(event_date) FROM events")
        last = rows[0][0]
        done_until = date.min
        stored = StoredMentions(backend)
        for start in range(0, len(dated), READ_TOGETHER):
            batch = [d for d in dated[start:start + READ_TOGETHER] if d >= done_until]
            if not batch:
                continue
            stored.forget(before=batch[0] - timedelta(days=2 * window))
            stored.read([Resumed.first_read(day, window) for day in batch])
            for day in batch:
                if day >= done_until:
                    done_until = Resumed(stored, day, set(dated), window).run(last)
        if None in days:
            _cluster_undated(backend)
        clusters_current(backend, window)


class StoredMentions:
    """The store's dated mentions and their clusters, read a set of day ranges at a time and
    kept by day, so that the walks around many changed days share their reads; a walk's
    written clusters are noted here, so a later walk sees the store as it is."""

    def __init__(self, backend: Backend):
        self.backend = backend
        self.by_day: dict[date, list[Mention]] = defaultdict(list)
        self.cluster_of: dict[str, str | None] = {}
        self.read_days: set[date] = set()

    def read(self, ranges: list[tuple[date, date]]) -> None:
        """Read the days of ``ranges`` (from, before) not read yet, in one query."""
        missing = sorted({since + timedelta(days=n) for since, until in ranges
                          for n in range((until - since).days)} - self.read_days)
        if not missing:
            return
        spans: list[tuple[date, date]] = []
        for day in missing:
            if spans and spans[-1][1] == day:
                spans[-1] = (spans[-1][0], day + timedelta(days=1))
            else:
                spans.append((day, day + timedelta(days=1)))
        for mention, cluster_id in load_mentions_with_clusters(self.backend, ranges=spans):
            if mention.day is not None:
                self.by_day[mention.day].append(mention)
                self.cluster_of[mention.event_id] = cluster_id
        self.read_days.update(missing)

    def between(self, since: date, until: date) -> list[tuple[Mention, str | None]]:
        """The mentions dated from ``since`` to before ``until``, with their clusters."""
        self.read([(since, until)])
        return [(m, self.cluster_of[m.event_id]) for n in range((until - since).days)
                for m in self.by_day.get(since + timedelta(days=n), ())]

    def written(self, clusters: list[Cluster]) -> None:
        for cluster in clusters:
            for mention in cluster.members:
                self.cluster_of[mention.event_id] = cluster.cluster_id

    def forget(self, before: date) -> None:
        """Let the days before ``before`` go (the walks go forward in time)."""
        for day in [d for d in self.read_days if d < before]:
            for mention in self.by_day.pop(day, ()):
                self.cluster_of.pop(mention.event_id, None)
            self.read_days.discard(day)


class Resumed:
    """One resumed walk, from the day ``lo``."""

    def __init__(self, stored: StoredMentions, lo: date, dirty: set[date], window: int):
        self.stored_mentions, self.backend = stored, stored.backend
        self.lo, self.dirty, self.window = lo, dirty, window
        self.walks: dict[tuple[str, str], Walk] = {}
        self.stored: dict[str, str | None] = {}       # event id → its cluster in the store
        self.first: dict[str, date] = {}              # stored cluster → its first day
        self.by_day: dict[date, list[Mention]] = defaultdict(list)
        self.loaded_until = lo

    def run(self, last: date | None) -> date:
        """Walk and write; the day from which the store was left as it was."""
        self._seed()
        day, last_dirty, complete = self.lo, self.lo, False
        while True:
            if last is None or day > last:
                complete = True
                break
            if day >= self.loaded_until:
                self._load(self.loaded_until, self.loaded_until + timedelta(days=STEP_DAYS))
            if day in self.dirty:
                last_dirty = day
            for mention in sorted(self.by_day.get(day, ()), key=mention_order):
                self.walks.setdefault(group_key(mention), Walk(self.window)).add(mention)
            day += timedelta(days=1)
            if (day - last_dirty).days > self.window and self._converged(day):
                break
        self._write(day, complete)
        return day

    @staticmethod
    def first_read(lo: date, window: int) -> tuple[date, date]:
        """The days a walk from ``lo`` reads first: the seed's and those it most often
        needs before it converges (``window`` days past the last changed one)."""
        return lo - timedelta(days=2 * window), lo + timedelta(days=window + 2)

    def _load(self, since: date, until: date) -> list[Mention]:
        found = self.stored_mentions.between(since, until)
        for mention, cluster_id in found:
            self.stored[mention.event_id] = cluster_id
            if cluster_id is not None and mention.day is not None:
                known = self.first.get(cluster_id)
                self.first[cluster_id] = min(known, mention.day) if known else mention.day
            if mention.day is not None and mention.day >= self.lo:
                self.by_day[mention.day].append(mention)
        self.loaded_until = max(self.loaded_until, until)
        return [m for m, _ in found]

    def _seed(self) -> None:
        """The clusters open at ``lo``: those the store opened in the window before it, with
        their members dated before it, in the order they were opened."""
        earliest = self.lo - timedelta(days=self.window)
        members: dict[str, list[Mention]] = defaultdict(list)
        # one read for the seed and the walk's first days
        found = self._load(*self.first_read(self.lo, self.window))
        for mention in found:
            cluster_id = self.stored[mention.event_id]
            if mention.day is None or mention.day >= self.lo:
                continue
            if cluster_id is not None and self.first[cluster_id] >= earliest:
                members[cluster_id].append(mention)
        seeded = []
        for group in members.values():
            cluster = Cluster()
            for mention in sorted(group, key=mention_order):
                cluster.add(mention)
            seeded.append(cluster)
        for cluster in sorted(seeded, key=lambda c: mention_order(c.first)):
            self.walks.setdefault(group_key(cluster.first), Walk(self.window)).seed(cluster)

    def _converged(self, day: date) -> bool:
        """Whether the clusters open at ``day`` hold what the store's hold."""
        since = day - timedelta(days=self.window)
        walked = {frozenset(m.event_id for m in c.members) for walk in self.walks.values()
                  for c in walk.open if c.first_day is not None and c.first_day >= since}
        stored: dict[str, set[str]] = defaultdict(set)
        for offset in range(self.window):
            for mention in self.by_day.get(since + timedelta(days=offset), ()):
                cluster_id = self.stored.get(mention.event_id)
                if cluster_id is None:
                    return False            # not clustered yet: the walk must go on
                if self.first[cluster_id] >= since:
                    stored[cluster_id].add(mention.event_id)
        return walked == {frozenset(ids) for ids in stored.values()}

    def _write(self, cut: date, complete: bool) -> None:
        """Replace the clusters the walk recomputed (those opened before ``cut - window``,
        or all when the walk reached the last event) where they differ from the store's: a
        cluster whose members are the stored cluster of its id, no more and no fewer, is left
        as it is (at ten million events a walk recomputes some 25,000 events' clusters around
        a changed day, of which a handful change, and each delete is a scan on DuckDB)."""
        keep_from = cut - timedelta(days=self.window)
        recomputed = [c for walk in self.walks.values() for c in walk.clusters
                      if complete or c.first_day is None or c.first_day < keep_from]
        sizes = Counter(self.stored.values())
        same = {c.cluster_id for c in recomputed if sizes[c.cluster_id] == len(c.members)
                and all(self.stored.get(m.event_id) == c.cluster_id for m in c.members)}
        same &= _present(self.backend, same)    # a deleted article took its clusters' rows
        written = [c for c in recomputed if c.cluster_id not in same]
        ids = [m.event_id for c in written for m in c.members]
        old = {self.stored[i] for i in ids if self.stored.get(i)} | {c.cluster_id for c in written}
        _delete_in(self.backend, "event_clusters", "event_id", ids)
        _delete_in(self.backend, "clusters", "cluster_id", sorted(x for x in old if x))
        write_clusters(self.backend, written)
        self.stored_mentions.written(written)


def _present(backend: Backend, cluster_ids: set[str]) -> set[str]:
    """Those of ``cluster_ids`` that have their row in ``clusters``."""
    ids, found = sorted(cluster_ids), set[str]()
    for start in range(0, len(ids), 20 * _CHUNK):    # PostgreSQL takes 65,535 parameters
        with backend.id_list(ids[start:start + 20 * _CHUNK]) as (marks, params):
            _, rows = backend.fetch(f"SELECT cluster_id FROM clusters WHERE cluster_id IN "
                                    f"({marks})", params)
        found.update(str(r[0]) for r in rows)
    return found


def _cluster_undated(backend: Backend) -> None:
    """Undated events not in a cluster yet: each one its own."""
    _, rows = backend.fetch("SELECT e.event_id FROM events e LEFT JOIN event_clusters ec "
                            "ON ec.event_id = e.event_id WHERE e.event_date IS NULL "
                            "AND ec.event_id IS NULL")
    wanted = {r[0] for r in rows}
    if not wanted:
        return
    mentions = [m for m, _ in load_mentions_with_clusters(backend, undated=True)
                if m.event_id in wanted]
    write_clusters(backend, cluster_mentions(mentions))


def _delete_in(backend: Backend, table: str, column: str, values: list[str]) -> None:
    for start in range(0, len(values), _CHUNK):
        part = values[start:start + _CHUNK]
        backend.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' * len(part))})",
                        part)
