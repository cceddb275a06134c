"""Cross-article deduplication: the same real-world event, reported by several articles, is
linked into one cluster.

Two mentions are the same event when they have the same type and modality, come from
different articles, are dated within a window of days at the same time granularity, their
actors and their recipients are compatible (the country codes overlap, or one side is not
known), and their places do not contradict each other (same country, same first-level
division where both give one, same locality where both are that precise). Mentions are taken
in date order and each joins the first open cluster all of whose members it agrees with, so a
cluster spans at most the window and the result does not depend on ingest order.

After an ingest the clusters are recomputed in one transaction: only around the days whose
events changed (``marsad.store.incremental``), which gives the clusters a recomputation of
the whole store would give; the whole store when the window changed or the days are unknown.
A recomputation of the whole store streams: the events are read in date order, a range of days
at a time, and each cluster is written once it can take no more, so memory holds a range of
days whatever the store's size.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from marsad.store.backends import STREAM_ROWS, Backend, Column

DEFAULT_WINDOW_DAYS = 2
_STALE = "clusters_stale"
_WINDOW = "clusters_window"
#: ``store_state`` keys of the days whose events changed since the last clustering
DIRTY = "cluster_day:"
UNDATED = "undated"
_STATE_COLUMNS = (Column("key", "text"), Column("value", "text"))
_BROAD_PLACES = frozenset({"country", "admin1"})
_COARSE_TIMES = frozenset({"week", "month", "quarter", "season", "year", "decade"})

_CLUSTER_COLUMNS = tuple(Column(*c.split(":")) for c in (
    "cluster_id:text event_type:text modality:text first_date:date last_date:date "
    "n_mentions:int n_articles:int n_sources:int").split())
_MEMBER_COLUMNS = (Column("event_id", "text"), Column("cluster_id", "text"))
#: finished clusters written at a time by a whole clustering
WRITE_CLUSTERS = 20_000


@dataclass(frozen=True)
class Mention:
    event_id: str
    article_id: str
    source: str
    event_type: str
    modality: str
    day: date | None
    granularity: str
    actors: frozenset[str]
    recipients: frozenset[str]
    country: str | None
    admin1: str | None
    geonames_id: int | None
    place_precision: str | None


@dataclass
class Cluster:
    """Mentions of one event. Besides its members it keeps what they agree on (a country, a
    first-level division, a precise place, the span of days, the articles), so that most
    mentions are turned away without comparing them with every member."""

    members: list[Mention] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    country: str | None = None
    admin1: str | None = None
    precise_place: int | None = None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def first(self) -> Mention:
        return self.members[0]

    @property
    def cluster_id(self) -> str:
        return "c" + hashlib.sha1(self.first.event_id.encode()).hexdigest()[:16]

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        self.articles.add(mention.article_id)
        self.country = self.country or mention.country
        self.admin1 = self.admin1 or mention.admin1
        if mention.place_precision not in _BROAD_PLACES:
            self.precise_place = self.precise_place or mention.geonames_id
        if mention.day is not None:
            self.first_day = min(self.first_day or mention.day, mention.day)
            self.last_day = max(self.last_day or mention.day, mention.day)

    def admits(self, mention: Mention, window_days: int) -> bool:
        if (mention.article_id in self.articles or mention.day is None or self.first_day is None
                or self.last_day is None):
            return False
        if (mention.day - self.first_day).days > window_days or \
                (self.last_day - mention.day).days > window_days:
            return False
        if mention.country and self.country and mention.country != self.country:
            return False
        if mention.admin1 and self.admin1 and mention.admin1 != self.admin1:
            return False
        if (mention.place_precision not in _BROAD_PLACES and mention.geonames_id
                and self.precise_place and mention.geonames_id != self.precise_place):
            return False
        return all(same_event(m, mention, window_days) for m in self.members)


def same_event(a: Mention, b: Mention, window_days: int) -> bool:
    """Whether two mentions can report one event (type and modality are already equal)."""
    if a.day is None or b.day is None or a.granularity != b.granularity:
        return False
    if abs((a.day - b.day).days) > window_days:
        return False
    return (_parties_agree(a.actors, b.actors) and _parties_agree(a.recipients, b.recipients)
            and _places_agree(a, b))


def _parties_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def _places_agree(a: Mention, b: Mention) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    precise = a.place_precision not in _BROAD_PLACES and b.place_precision not in _BROAD_PLACES
    return not (precise and a.geonames_id and b.geonames_id and a.geonames_id != b.geonames_id)


class Walk:
    """The pass over one type and modality's mentions in date order: each mention joins the
    first open cluster that admits it, or opens one. Clusters open in date order, so they
    expire in order too. ``seed`` puts back a cluster opened before where a walk starts (the
    incremental reclustering, ``marsad.store.incremental``).

    Given ``closed``, the walk keeps no list of its clusters: each is handed to ``closed`` once
    no later mention can join it (it expired, or its mention has no date), and ``finish``
    hands over those still open, so that a walk holds only the window's clusters."""

    def __init__(self, window_days: int, closed: Callable[[Cluster], None] | None = None):
        self.window_days = window_days
        self.open: deque[Cluster] = deque()
        self.clusters: list[Cluster] = []
        self.closed = closed

    def seed(self, cluster: Cluster) -> None:
        self.open.append(cluster)
        self.clusters.append(cluster)

    def expire(self, day: date | None) -> None:
        """Close the clusters no mention of ``day`` or after can join (all, for no date)."""
        while self.open and _expired(self.open[0], day, self.window_days):
            expired = self.open.popleft()
            if self.closed is not None:
                self.closed(expired)

    def add(self, mention: Mention) -> Cluster:
        self.expire(mention.day)
        home = next((c for c in self.open if c.admits(mention, self.window_days)), None)
        if home is None:
            home = Cluster()
            if self.closed is None:
                self.clusters.append(home)
            if mention.day is not None:
                self.open.append(home)
        home.add(mention)
        if mention.day is None and self.closed is not None:
            self.closed(home)
        return home

    def finish(self) -> None:
        """No mention comes after: the open clusters are handed to ``closed``."""
        while self.open:
            cluster = self.open.popleft()
            if self.closed is not None:
                self.closed(cluster)


def _expired(cluster: Cluster, day: date | None, window_days: int) -> bool:
    return (day is None or cluster.first_day is None
            or (day - cluster.first_day).days > window_days)


def group_key(m: Mention) -> tuple[str, str]:
    return (m.event_type, m.modality)


def mention_order(m: Mention) -> tuple[tuple[str, str], date, str]:
    return (group_key(m), m.day or date.max, m.event_id)


def cluster_mentions(mentions: list[Mention], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Cluster]:
    """Mentions grouped into clusters; each mention is in exactly one."""
    clusters: list[Cluster] = []
    for _, group in groupby(sorted(mentions, key=mention_order), key=group_key):
        walk = Walk(window_days)
        for mention in group:
            walk.add(mention)
        clusters.extend(walk.clusters)
    return clusters


def mark_clusters_stale(backend: Backend, days: Iterable[date | None] = ()) -> None:
    """The store changed: its clusters are to be recomputed, over the windows around ``days``
    (the dates of the events written and deleted) where the last clustering can be resumed."""
    backend.execute("INSERT INTO store_state (key, value) VALUES (?, '1') "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (_STALE,))
    keys = sorted({DIRTY + (d.isoformat() if d else UNDATED) for d in days})
    backend.insert("store_state", _STATE_COLUMNS, [(k, "1") for k in keys], ignore_existing=True)


def recluster_if_stale(backend: Backend, window_days: int = DEFAULT_WINDOW_DAYS) -> int | None:
    """Recompute the clusters when the store changed since they were last computed: only the
    date windows touched, where the store's clusters were computed with this window and the
    days touched were recorded; else all of them. The number of clusters, or None when they
    were current."""
    from marsad.store.incremental import dirty_days, recluster_days

    _, rows = backend.fetch("SELECT key, value FROM store_state WHERE key IN (?, ?)",
                            (_STALE, _WINDOW))
    state = dict(rows)
    if state.get(_STALE) == "0":
        return None
    days = dirty_days(backend)
    if state.get(_WINDOW) != str(window_days) or days is None:
        return recluster(backend, window_days)
    recluster_days(backend, days, window_days)
    return int(backend.fetch("SELECT count(*) FROM clusters")[1][0][0])


def recluster(backend: Backend, window_days: int = DEFAULT_WINDOW_DAYS,
              batch_size: int | None = None) -> int:
    """Recompute every cluster of the store, in one transaction. The events are read in date
    order, a range of days at a time (``batch_size`` events, or see ``ordered_mentions``),
    each range a batch of rows at a time (``batch_size``, ``STREAM_ROWS`` unless given); every
    type and modality is walked at once, and each cluster is written (``batch_size`` at a time,
    ``WRITE_CLUSTERS`` unless given) once no later event can join it. So memory holds a range
    of days and the clusters of a window, whatever the store's size; the clusters are those
    ``cluster_mentions`` gives for all the events."""
    writer = _ClusterWriter(backend, batch_size or WRITE_CLUSTERS)
    with backend.transaction():
        backend.execute("DELETE FROM event_clusters")
        backend.execute("DELETE FROM clusters")
        walks: dict[tuple[str, str], Walk] = {}
        today: date | None = None
        for mention in ordered_mentions(backend, batch_size):
            if mention.day != today:
                today = mention.day
                for walk in walks.values():
                    walk.expire(today)
            walks.setdefault(group_key(mention), Walk(window_days, writer.add)).add(mention)
        for walk in walks.values():
            walk.finish()
        writer.flush()
        clusters_current(backend, window_days)
    return writer.written


class _ClusterWriter:
    """Finished clusters, written ``size`` at a time."""

    def __init__(self, backend: Backend, size: int):
        self.backend, self.size = backend, size
        self.pending: list[Cluster] = []
        self.written = 0

    def add(self, cluster: Cluster) -> None:
        self.pending.append(cluster)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        write_clusters(self.backend, self.pending)
        self.written += len(self.pending)
        self.pending = []


#: events read at least at a time by a whole clustering (a range of days, or one day), and
#: the most ranges it reads: each range's query scans the tables (DuckDB has no index for a
#: range of dates), so a big store is read in ``SLICES`` ranges, each sorted by the database
#: within its memory limit (spilling to disk beyond it) and streamed to Python a day at a time
SLICE_EVENTS = 100_000
SLICES = 20
#: mentions with their parties, one row per party (actor or recipient) or one for an event
#: without any, an event's rows next to each other
_MENTIONS_SQL = (
    "SELECT e.event_id, e.article_id, COALESCE(a.source, e.article_id), e.event_type, "
    "e.modality, e.event_date, e.time_precision, p.country, p.admin1, e.geonames_id, "
    "p.precision, pa.role, pa.code FROM events e "
    "JOIN articles a ON a.article_id = e.article_id "
    "LEFT JOIN places p ON p.geonames_id = e.geonames_id "
    "LEFT JOIN (SELECT ee.event_id, ee.role, ac.code FROM event_entities ee "
    "JOIN actors ac ON ac.actor_id = ee.actor_id "
    "WHERE ee.role IN ('actor', 'recipient')) pa ON pa.event_id = e.event_id "
    "WHERE e.event_date >= ? AND e.event_date <= ? ORDER BY e.event_date, e.event_id")
#: undated events, each a cluster of its own: their parties do not matter
_UNDATED_SQL = (
    "SELECT e.event_id, e.article_id, COALESCE(a.source, e.article_id), e.event_type, "
    "e.modality, e.event_date, e.time_precision, p.country, p.admin1, e.geonames_id, "
    "p.precision, NULL, NULL FROM events e JOIN articles a ON a.article_id = e.article_id "
    "LEFT JOIN places p ON p.geonames_id = e.geonames_id WHERE e.event_date IS NULL")


def ordered_mentions(backend: Backend, batch_size: int | None = None) -> Iterator[Mention]:
    """Every mention of the store by date, each day's in ``mention_order``, the undated last;
    read a range of days at a time (at most ``batch_size`` events, unless not given: the
    larger of ``SLICE_EVENTS`` and a ``SLICES``-th of the store; or one day's), ``batch_size``
    rows at a time (ties of the order are put right in
    Python, whatever the database's collation)."""
    for since, until in _day_ranges(backend, batch_size):
        day_key: date | None = None
        day: list[Mention] = []
        for mention in _stream_mentions(backend, _MENTIONS_SQL, (since, until), batch_size):
            if mention.day != day_key:
                yield from sorted(day, key=mention_order)
                day_key, day = mention.day, []
            day.append(mention)
        yield from sorted(day, key=mention_order)
    yield from _stream_mentions(backend, _UNDATED_SQL, (), batch_size)


def _day_ranges(backend: Backend, most: int | None) -> Iterator[tuple[date, date]]:
    """Ranges of days [first, last] of at most ``most`` events (or a single day); inclusive, so
    that no day past the last is computed (an article dated 9999-12-31 has no next day)."""
    _, days = backend.fetch("SELECT event_date, count(*) FROM events "
                            "WHERE event_date IS NOT NULL GROUP BY event_date ORDER BY event_date")
    if most is None:
        most = max(SLICE_EVENTS, sum(n for _, n in days) // SLICES)
    since: date | None = None
    last: date | None = None
    count = 0
    for day, n in days:
        if since is not None and last is not None and count + n > most:
            yield since, last
            since, count = None, 0
        since = since or day
        last = day
        count += n
    if since is not None and last is not None:
        yield since, last


def _stream_mentions(backend: Backend, sql: str, params: tuple,
                     batch_size: int | None) -> Iterator[Mention]:
    """The rows of a mentions query, an event's rows made one mention."""
    _, batches = backend.stream(sql, params, batch_size or STREAM_ROWS)
    row: tuple | None = None
    parties: dict[str, set[str]] = {"actor": set(), "recipient": set()}
    for rows in batches:
        for current in rows:
            if row is not None and current[0] != row[0]:
                yield _mention(row, parties)
                parties = {"actor": set(), "recipient": set()}
            row = current
            role, code = current[11], current[12]
            if role in parties and code and code != "UNK":
                parties[role].add(code)
    if row is not None:
        yield _mention(row, parties)


def _mention(row: tuple, parties: dict[str, set[str]]) -> Mention:
    (eid, aid, source, etype, modality, day, precision, country, admin1, gid,
     place_precision) = row[:11]
    return Mention(eid, aid, source, etype, modality, day,
                   precision if precision in _COARSE_TIMES else "day",
                   frozenset(parties["actor"]), frozenset(parties["recipient"]),
                   country, admin1, gid, place_precision)


def write_clusters(backend: Backend, clusters: Iterable[Cluster]) -> None:
    """Insert the clusters and their members (their old rows already deleted)."""
    cluster_rows: list[tuple] = []
    member_rows: list[tuple[str, str]] = []
    for cluster in clusters:
        members = cluster.members
        days = [m.day for m in members if m.day]
        cluster_rows.append((cluster.cluster_id, cluster.first.event_type, cluster.first.modality,
                             min(days) if days else None, max(days) if days else None,
                             len(members), len({m.article_id for m in members}),
                             len({m.source for m in members})))
        member_rows.extend((m.event_id, cluster.cluster_id) for m in members)
    backend.insert("clusters", _CLUSTER_COLUMNS, cluster_rows)
    backend.insert("event_clusters", _MEMBER_COLUMNS, member_rows)


def clusters_current(backend: Backend, window_days: int) -> None:
    """The clusters are those of the whole store, with ``window_days``: no day left to do."""
    backend.execute(f"DELETE FROM store_state WHERE key LIKE '{DIRTY}%'")
    for key, value in ((_STALE, "0"), (_WINDOW, str(window_days))):
        backend.execute("INSERT INTO store_state (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def load_mentions_with_clusters(backend: Backend, since: date | None = None,
                                until: date | None = None, undated: bool = False,
                                ranges: Sequence[tuple[date, date]] = ()
                                ) -> list[tuple[Mention, str | None]]:
    """Mentions (all, those dated from ``since`` to before ``until`` or in any of ``ranges``
    (from, before), or the ``undated``) with the cluster each is stored in (None for one not
    clustered yet). Many ranges are one read: a date range is a scan of the events where the
    database has no index for it (DuckDB), so a read per range costs a scan each."""
    where, params = "TRUE", []
    if since is not None and until is not None:
        ranges = [*ranges, (since, until)]
    if ranges:
        where = "(" + " OR ".join(["(e.event_date >= ? AND e.event_date < ?)"] * len(ranges)) + ")"
        params = [day for pair in ranges for day in pair]
    elif undated:
        where = "e.event_date IS NULL"
    parties: dict[tuple[str, str], set[str]] = defaultdict(set)
    _, rows = backend.fetch(
        "SELECT ee.event_id, ee.role, ac.code FROM event_entities ee "
        "JOIN actors ac ON ac.actor_id = ee.actor_id JOIN events e ON e.event_id = ee.event_id "
        f"WHERE ee.role IN ('actor', 'recipient') AND {where}", params)
    for event_id, role, code in rows:
        if code and code != "UNK":
            parties[(event_id, role)].add(code)
    _, rows = backend.fetch(
        "SELECT e.event_id, e.article_id, COALESCE(a.source, e.article_id), e.event_type, "
        "e.modality, e.event_date, e.time_precision, p.country, p.admin1, e.geonames_id, "
        "p.precision, ec.cluster_id FROM events e JOIN articles a ON a.article_id = e.article_id "
        "LEFT JOIN places p ON p.geonames_id = e.geonames_id "
        f"LEFT JOIN event_clusters ec ON ec.event_id = e.event_id WHERE {where}", params)
    return [(Mention(eid, aid, source, etype, modality, day,
                     precision if precision in _COARSE_TIMES else "day",
                     frozenset(parties.get((eid, "actor"), ())),
                     frozenset(parties.get((eid, "recipient"), ())),
                     country, admin1, gid, place_precision), cluster_id)
            for (eid, aid, source, etype, modality, day, precision, country, admin1, gid,
                 place_precision, cluster_id) in rows]
