"""The event store, from Python (the command line calls the same methods).

>>> store = marsad.Store("marsad.duckdb")             # or "postgresql://user@host/db"
>>> store.ingest(["news.jsonl"], date="2025-11-20")
>>> store.trends(by="month", types=["ASSAULT"], countries=["SYR"])   # a pandas DataFrame

This ``Store`` is handed what comes from the coder's side: an executor to code with
(``ingest(..., executor=...)``) and the country and place names (``names``). ``marsad.Store``
(``marsad.api``) is this class with marsad's own wired in, and is what users open.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, Any

from marsad.reading.article import Article
from marsad.reading.sources import InputIssue, ReadOptions, read_articles, read_records
from marsad.store import backends
from marsad.store.backends import (
    DEFAULT_DB,
    DEFAULT_LOCK_TIMEOUT,
    PostgresBackend,
    StoreError,
    open_backend,
)
from marsad.store.clusters import DEFAULT_WINDOW_DAYS, recluster
from marsad.store.ingest import DEFAULT_BATCH, Ingestor, IngestStats, Progress
from marsad.store.names import CodesOnly, PlaceNames
from marsad.store.queries import (
    DATE_COLUMNS,
    EMPTY_COUNTS,
    FLOAT_COLUMNS,
    INT_COLUMNS,
    TREND_FIELDS,
    Filters,
    PageKey,
    TrendRow,
    cluster_events_sql,
    count_sql,
    events_sql,
    page_sql,
    period_label,
    period_starts,
    points_sql,
    rows_sql,
    trends_sql,
)
from marsad.store.rows import contract_record
from marsad.store.schema import latest_version, open_schema

if TYPE_CHECKING:
    import pandas as pd

    from marsad.run import Executor


class Store:
    """Articles, events, entities, places and clusters in DuckDB (a file) or PostgreSQL (a
    ``postgresql://`` URL). Opening a store creates or upgrades its schema. ``names`` resolves
    country names in filters, names countries in CSV exports and places' divisions; without
    it the store knows country codes only."""

    def __init__(self, db: str = DEFAULT_DB, names: PlaceNames | None = None, *,
                 read_only: bool = False):
        self.db = db
        self.names = names or CodesOnly()
        self.backend = open_backend(db, read_only)
        try:
            self.schema_version = open_schema(self.backend, db, read_only)
            if read_only and self.schema_version < latest_version():   # upgraded once, here
                self.backend.close()
                self.backend = open_backend(db)
                self.schema_version = open_schema(self.backend, db)
        except Exception:
            self.backend.close()
            raise

    # writing

    def ingest(self, source: Any, date: str | None = None, *, executor: Executor | None = None,
               batch_size: int = DEFAULT_BATCH, recode: bool = False,
               window_days: int = DEFAULT_WINDOW_DAYS,
               report: Callable[[InputIssue], None] = lambda issue: None,
               progress: Progress | None = None, options: ReadOptions | None = None,
               lock_timeout: float | None = DEFAULT_LOCK_TIMEOUT,
               waiting: Callable[[str], None] = lambda message: None) -> IngestStats:
        """Code with ``executor`` and store articles: paths (any input of contract §1) or
        ``Article`` objects. Unchanged articles are skipped, changed ones re-coded; see
        ``marsad.store.ingest``. On PostgreSQL, where another ingest runs, ``waiting`` is told
        who holds the store and ``LockTimeout`` raised after ``lock_timeout`` seconds. Paths
        ingested into PostgreSQL by an executor with workers of its own (Dask) are read, coded
        and written by the workers, a partition at a time (``marsad.store.partitioned``)."""
        if executor is None:
            raise StoreError("this store is not handed a coder: pass executor="
                             "marsad.run.make_executor(jobs, spec), or open it as marsad.Store")
        if isinstance(source, (str, PathLike)):
            source = [source]
        if isinstance(source, (list, tuple)) and all(isinstance(s, (str, PathLike)) for s in source):
            from marsad.reading.article import parse_date

            options = options or ReadOptions(date=parse_date(date))
            paths = [str(s) for s in source]
            if self._workers_write(executor):
                return self._ingest_by_workers(paths, executor, recode, window_days, report,
                                               progress, options, lock_timeout, waiting)
            articles: Iterable[Article] = read_articles(paths, report, options)
        else:
            articles = read_records(source, report)
        ingestor = Ingestor(self.backend, executor, self.names, batch_size, recode,
                            window_days, progress)
        return ingestor.run(articles, report, lock_timeout, waiting)

    def _workers_write(self, executor: Executor) -> bool:
        """Whether the executor's workers write into this store themselves: a PostgreSQL
        store and an executor with workers of its own (Dask); a DuckDB file is one process's."""
        return isinstance(self.backend, PostgresBackend) and \
            hasattr(executor, "ingest_partitions")

    def _ingest_by_workers(self, paths: list[str], executor: Any, recode: bool,
                           window_days: int, report: Callable[[InputIssue], None],
                           progress: Progress | None, options: ReadOptions,
                           lock_timeout: float | None,
                           waiting: Callable[[str], None]) -> IngestStats:
        from marsad.reading.partitions import list_partitions
        from marsad.store.partitioned import StoreWriter, ingest_by_workers

        writer = StoreWriter(self.db, tuple(executor.versions), self.names, recode)
        with self.backend.exclusive("ingest", lock_timeout, waiting):
            return ingest_by_workers(self.backend, executor,
                                     list_partitions(paths, report, options), writer, report,
                                     options, window_days, progress)

    def recluster(self, window_days: int = DEFAULT_WINDOW_DAYS) -> int:
        """Recompute the cross-article clusters (e.g. with another window)."""
        return recluster(self.backend, window_days)

    # reading

    def query(self, filters: Filters | None = None, limit: int | None = None,
              **criteria: Any) -> pd.DataFrame:
        """Events as rows of the flat view, in date order."""
        sql, params = events_sql(self._filters(filters, criteria), limit)
        names, rows = self.backend.fetch(sql, params)
        return _frame(names, rows)

    def query_batches(self, filters: Filters | None = None, limit: int | None = None,
                      size: int | None = None, **criteria: Any) -> Iterator[pd.DataFrame]:
        """The rows of ``query`` in frames of at most ``size`` events (``backends.KEY_BLOCK``
        unless given), read from the database as they are consumed (at least one frame, perhaps
        empty, so its columns are known). The selection's keys are streamed in date order by
        the lean query (no aggregation), and the flat rows of each block of keys read apart, so
        that the database's memory is bounded by the block, not by the store."""
        empty = True
        for ids in self._key_blocks(self._filters(filters, criteria), limit, size):
            with self.backend.id_list(ids) as listed:
                names, rows = self.backend.fetch(*rows_sql(ids, False, listed))
            empty = False
            yield _frame(names, rows)
        if empty:
            yield _frame(*self.backend.fetch(*rows_sql([], records=False)))

    def records(self, filters: Filters | None = None, limit: int | None = None,
                **criteria: Any) -> Iterator[dict[str, Any]]:
        """The same events as contract §2 records, read as they are consumed (a block of keys
        at a time, as ``query_batches``)."""
        for ids in self._key_blocks(self._filters(filters, criteria), limit, None):
            with self.backend.id_list(ids) as listed:
                found = self.backend.fetch(*rows_sql(ids, True, listed))[1]
            for (record,) in found:
                yield contract_record(json.loads(record))

    def _key_blocks(self, filters: Filters, limit: int | None,
                    size: int | None) -> Iterator[list[str]]:
        """The ids of the events of ``filters`` in query order, in lists of at most ``size``."""
        sql, params = page_sql(filters, None, limit)
        for keys in self.backend.stream(sql, params, size or backends.KEY_BLOCK)[1]:
            yield [str(k[2]) for k in keys]

    def page(self, filters: Filters | None = None, after: PageKey | None = None,
             limit: int = 100, records: bool = True) -> tuple[list[Any], PageKey | None]:
        """One page of ``query`` (contract records, or flat-view rows as dicts of the
        database's values unless ``records``) after the key ``after``, and the key to ask for the next page (None after
        the last)."""
        sql, params = page_sql(self._filters(filters, {}), after, limit + 1)
        keys = self.backend.fetch(sql, params)[1]
        more = len(keys) > limit
        keys = keys[:limit]
        names, rows = self.backend.fetch(*rows_sql([str(k[2]) for k in keys], records))
        if records:
            items: list[Any] = [json.loads(r[0]) for r in rows]
        else:
            items = [dict(zip(names, row)) for row in rows]
        last = keys[-1] if more and keys else None
        return items, (_as_date(last[0]), str(last[1]), str(last[2])) if last else None

    def count(self, filters: Filters | None = None, **criteria: Any) -> int:
        """How many events ``query`` selects."""
        sql, params = count_sql(self._filters(filters, criteria))
        return int(self.backend.fetch(sql, params)[1][0][0])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event's contract record with its cluster id, or None."""
        _, rows = self.backend.fetch(
            "SELECT e.record, f.cluster_id FROM events e JOIN events_flat f "
            "ON f.event_id = e.event_id WHERE e.event_id = ?", (event_id,))
        if not rows:
            return None
        return {**json.loads(rows[0][0]), "cluster_id": rows[0][1]}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article as stored: its row, its title and text as read (None for an article
        stored before schema 3), and its events' contract records."""
        names, rows = self.backend.fetch(
            "SELECT a.article_id, a.title AS stored_title, a.source, a.url, a.published, "
            "a.language, a.n_events, t.title, t.text FROM articles a LEFT JOIN article_texts t "
            "ON t.article_id = a.article_id WHERE a.article_id = ?", (article_id,))
        if not rows:
            return None
        found = dict(zip(names, rows[0]))
        found["title"] = found["title"] if found["text"] is not None else found["stored_title"]
        del found["stored_title"]
        published = _as_date(found["published"])
        found["published"] = published.isoformat() if published else None
        found["events"] = list(self.records(articles=(article_id,)))
        return found

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """A cluster's row (an unclustered event is a cluster of its own) and its events'
        rows in the flat view, by date."""
        ids = [str(r[0]) for r in self.backend.fetch(*cluster_events_sql(cluster_id))[1]]
        if not ids:
            return None
        names, rows = self.backend.fetch(*rows_sql(ids, records=False))
        events = [dict(zip(names, row)) for row in rows]
        names, rows = self.backend.fetch("SELECT * FROM clusters WHERE cluster_id = ?",
                                         (cluster_id,))
        row = dict(zip(names, rows[0])) if rows else {
            "cluster_id": cluster_id, "event_type": events[0]["event_type"],
            "n_mentions": 1, "n_articles": 1, "n_sources": 1}
        return {**row, "events": events}

    def points(self, filters: Filters | None = None, limit: int = 5000,
               **criteria: Any) -> list[dict[str, Any]]:
        """The first ``limit`` selected events that have a place, with their coordinates,
        type, date, parties' codes and counts (what a map shows), as dicts."""
        names, rows = self.backend.fetch(*points_sql(self._filters(filters, criteria), limit))
        return [dict(zip(names, row)) for row in rows]

    def trends(self, by: str = "month", filters: Filters | None = None, mentions: bool = False,
               **criteria: Any) -> pd.DataFrame:
        """Counts per period. Only asserted events count unless ``modalities`` says otherwise;
        clusters count once unless ``mentions``."""
        criteria.setdefault("modalities", ("asserted",))
        sql, params = trends_sql(self._filters(filters, criteria), by, mentions)
        return _trend_frame(self._trend_rows(sql, params, by))

    def _trend_rows(self, sql: str, params: list[Any], by: str) -> list[TrendRow]:
        _, rows = self.backend.fetch(sql, params)
        found = {r[0]: dict(zip(TREND_FIELDS[2:], (int(v or 0) for v in r[1:]))) for r in rows}
        if not found:
            return []
        starts = period_starts(min(found), max(found), by)
        return [TrendRow(period_label(s, by), s, **found.get(s, EMPTY_COUNTS)) for s in starts]

    def clusters(self, min_sources: int = 1) -> pd.DataFrame:
        names, rows = self.backend.fetch(
            "SELECT * FROM clusters WHERE n_sources >= ? ORDER BY first_date NULLS LAST, cluster_id",
            (min_sources,))
        return _frame(names, rows)

    def stored_values(self, column: str) -> set[str]:
        """Every value of ``column`` some stored event has: ``event_type``, ``mode`` or
        ``country`` of the events, ``actor_id`` or ``code`` of their actors, ``source`` of the
        articles (what a filter on it can find, a user lexicon's own types and ids included)."""
        found = _STORED_VALUES.get(column)
        if found is None:
            raise ValueError(f"no stored values of {column!r}: one of {', '.join(_STORED_VALUES)}")
        expr, table = found
        _, rows = self.backend.fetch(f"SELECT DISTINCT {expr} FROM {table} WHERE {expr} IS NOT NULL")
        return {str(value) for (value,) in rows}

    def date_range(self) -> tuple[date | None, date | None]:
        """The first and last event dates stored (None, None for an empty store)."""
        _, rows = self.backend.fetch("SELECT min(event_date), max(event_date) FROM events")
        return _as_date(rows[0][0]), _as_date(rows[0][1])

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, entities, places, clusters."""
        tables = ("articles", "events", "event_entities", "actors", "places", "clusters")
        return {t: int(self.backend.fetch(f"SELECT count(*) FROM {t}")[1][0][0]) for t in tables}

    # exporting

    def export(self, path: str, format: str = "jsonl", filters: Filters | None = None,
               **criteria: Any) -> int:
        """Write the selected events as JSONL (contract records), ACLED-style CSV, or Parquet;
        the number of events written."""
        from marsad.store.export import write_export
        from marsad.store.files import refuse_store_as_output

        refuse_store_as_output(path, self.db)
        return write_export(self, path, format, self._filters(filters, criteria))

    def plot_trends(self, path: str, by: str = "month", filters: Filters | None = None,
                    mentions: bool = False, title: str | None = None, **criteria: Any) -> None:
        from marsad.store.plot import plot_trends

        criteria.setdefault("modalities", ("asserted",))    # what trends() counts, named too
        frame = self.trends(by, filters, mentions, **criteria)
        plot_trends(frame, path, by, title, self._filters(filters, criteria))

    def close(self) -> None:
        self.backend.close()

    def _filters(self, filters: Filters | None, criteria: dict[str, Any]) -> Filters:
        """The filters, with countries given by name (Iraq, or in Arabic) turned into codes."""
        chosen = _filters(filters, criteria)
        if not chosen.countries:
            return chosen
        return replace(chosen, countries=tuple(self.names.country_code(c) for c in chosen.countries))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _filters(filters: Filters | None, criteria: dict[str, Any]) -> Filters:
    base = filters or Filters()
    if not criteria:
        return base
    fixed: dict[str, Any] = {k: (tuple(v) if isinstance(v, (list, tuple, set)) else (v,))
             if k in _TUPLE_FIELDS and v is not None else v for k, v in criteria.items()}
    for key in ("since", "until"):
        value = fixed.get(key)
        if isinstance(value, str):
            fixed[key] = date.fromisoformat(value)
    try:
        return Filters(**{**base.__dict__, **fixed})
    except TypeError as exc:
        raise TypeError(f"unknown filter: {exc}") from exc


#: column → (expression, table) of its stored values (the tables rather than the flat view,
#: which would group every event's parties to answer)
_STORED_VALUES = {"event_type": ("event_type", "events"), "mode": ("mode", "events"),
                  "country": ("p.country", "events e JOIN places p ON p.geonames_id = e.geonames_id"),
                  "actor_id": ("actor_id", "actors"), "code": ("code", "actors"),
                  "source": ("source", "articles")}
_TUPLE_FIELDS = {name for name, f in Filters.__dataclass_fields__.items() if isinstance(f.default, tuple)}


def _frame(names: list[str], rows: list[tuple]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=names)
    for column in frame.columns:
        if column in DATE_COLUMNS:
            frame[column] = pd.to_datetime(frame[column])
        elif column in INT_COLUMNS:
            frame[column] = frame[column].astype("Int64")
        elif column in FLOAT_COLUMNS:
            frame[column] = frame[column].astype("float64")
    return frame


def _as_date(value: Any) -> date | None:
    """A DATE column's value as a ``date`` (DuckDB and psycopg give one; a driver may give
    a datetime)."""
    if value is None or type(value) is date:
        return value
    return value.date() if hasattr(value, "date") else date.fromisoformat(str(value))


def _trend_frame(rows: list[TrendRow]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame([r.__dict__ for r in rows], columns=list(TREND_FIELDS))
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    return frame
