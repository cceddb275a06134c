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
from marsad.store.backends import (
    DEFAULT_DB,
    DEFAULT_LOCK_TIMEOUT,
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
    TrendRow,
    events_sql,
    period_label,
    period_starts,
    records_sql,
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
        who holds the store and ``LockTimeout`` raised after ``lock_timeout`` seconds."""
        if executor is None:
            raise StoreError("this store is not handed a coder: pass executor="
                             "marsad.run.make_executor(jobs, spec), or open it as marsad.Store")
        if isinstance(source, (str, PathLike)):
            source = [source]
        if isinstance(source, (list, tuple)) and all(isinstance(s, (str, PathLike)) for s in source):
            from marsad.reading.article import parse_date

            options = options or ReadOptions(date=parse_date(date))
            articles: Iterable[Article] = read_articles([str(s) for s in source], report, options)
        else:
            articles = read_records(source, report)
        ingestor = Ingestor(self.backend, executor, self.names, batch_size, recode,
                            window_days, progress)
        return ingestor.run(articles, report, lock_timeout, waiting)

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
        """The rows of ``query`` in frames of at most ``size`` events (``backends.STREAM_ROWS``
        unless given), read from the database
        as they are consumed (at least one frame, perhaps empty, so its columns are known)."""
        sql, params = events_sql(self._filters(filters, criteria), limit)
        names, batches = self.backend.stream(sql, params, size)
        empty = True
        for rows in batches:
            empty = False
            yield _frame(names, rows)
        if empty:
            yield _frame(names, [])

    def records(self, filters: Filters | None = None, limit: int | None = None,
                **criteria: Any) -> Iterator[dict[str, Any]]:
        """The same events as contract §2 records, read as they are consumed."""
        sql, params = records_sql(self._filters(filters, criteria), limit)
        for rows in self.backend.stream(sql, params)[1]:
            for (record,) in rows:
                yield contract_record(json.loads(record))

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
        ``country`` of the events, ``actor_id`` or ``code`` of their actors (what a filter on it
        can find, a user lexicon's own types and ids included)."""
        table = _STORED_VALUES.get(column)
        if table is None:
            raise ValueError(f"no stored values of {column!r}: one of {', '.join(_STORED_VALUES)}")
        _, rows = self.backend.fetch(f"SELECT DISTINCT {column} FROM {table} "
                                     f"WHERE {column} IS NOT NULL")
        return {str(value) for (value,) in rows}

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


_STORED_VALUES = {"event_type": "events_flat", "mode": "events_flat", "country": "events_flat",
                  "actor_id": "actors", "code": "actors"}
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


def _trend_frame(rows: list[TrendRow]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame([r.__dict__ for r in rows], columns=list(TREND_FIELDS))
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    return frame
