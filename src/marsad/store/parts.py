"""The batch output: coded articles written as a folder of Parquet files, partitioned by event
month and source (``marsad code … --out DIR --format parquet``).

Each chunk of coded articles becomes one file in each ``event_month=YYYY-MM/source=NAME/``
folder it has events for, named by the chunk's number (``part-000042-0.parquet``; an article
of a chunk coded again alone after its worker died: ``part-000042-007-0.parquet``), so that
workers write side by side without ever writing the same file. The columns are the store's
flat view (``events_flat``) with its types — the same rows ``marsad export --format parquet``
gives for these articles, less the clusters, which only a store computes (``cluster_id`` is
the event's own id). They are made the way the store makes them: the chunk's rows go into an
in-memory store kept per process, and its flat view is read back. DuckDB reads the folder as
one table (``read_parquet('DIR/**/*.parquet', hive_partitioning = true)``), and so does pandas
(``pandas.read_parquet('DIR')``); ``event_month`` and ``source`` come from the folder names,
``undated`` and ``unknown`` for an event without a date and an article without a source.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.reading.article import Article
from marsad.store.names import CodesOnly, PlaceNames
from marsad.store.rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    CONTEXT_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    Rows,
)

if TYPE_CHECKING:
    from marsad.store.store import Store

#: the folders' keys, in order, and their values for an event without a date or a source
PARTITIONS = ("event_month", "source")
UNDATED, NO_SOURCE = "undated", "unknown"
_TABLES = ("event_entities", "event_contexts", "events", "actors", "places", "articles")
_scratch: dict[int, Store] = {}     # this process's in-memory store, by process id


class PartsError(ValueError):
    pass


def check_out_dir(path: str) -> None:
    """An output folder must be new or empty: files left from another run would be read as
    part of this one's table."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise PartsError(f"--out {path} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise PartsError(f"--out {path} is not empty: give a new or empty folder")


class ParquetParts:
    """A sink (``marsad.run.Sink``) writing each chunk of coded articles under ``out``.
    ``names`` makes the place names (called once per process, where the first chunk is
    written); the coder's versions go into the articles' rows as in a store."""

    def __init__(self, out: str, names: Callable[[], PlaceNames] = CodesOnly,
                 versions: tuple[str, str] = ("", "")):
        self.out = str(out)
        self.names = names
        self.versions = versions

    def __call__(self, part: str, coded: list[tuple[Article, tuple[str, ...]]]) -> int:
        table = self.table(coded)
        if table.num_rows:
            write_partitioned(table, self.out, f"part-{part}-{{i}}.parquet")
        return int(table.num_rows)

    def table(self, coded: list[tuple[Article, tuple[str, ...]]]) -> Any:
        """The chunk's events as an Arrow table of the flat view, with ``event_month``."""
        import pyarrow as pa
        import pyarrow.compute as pc

        from marsad.store.export import arrow_table

        store = self._store()
        rows = Rows(store.names)
        now = datetime.now(UTC).replace(tzinfo=None)
        for article, lines in _last_of_each_id(coded):
            rows.add_article(article, list(lines), *self.versions, now)
        _replace_rows(store, rows)
        table = arrow_table(store.query())
        month = pc.strftime(table["event_date"].cast(pa.timestamp("s")), format="%Y-%m")
        table = table.append_column("event_month", pc.fill_null(month, UNDATED))
        source = table.schema.get_field_index("source")
        return table.set_column(source, "source", pc.fill_null(table["source"], NO_SOURCE))

    def _store(self) -> Store:
        store = _scratch.get(os.getpid())
        if store is None:
            from marsad.store.store import Store

            store = _scratch[os.getpid()] = Store(":memory:", self.names())
        return store


def write_partitioned(table: Any, out: str, basename: str) -> None:
    import pyarrow as pa
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(pa.schema([(k, pa.string()) for k in PARTITIONS]),
                                   flavor="hive")
    ds.write_dataset(table, out, format="parquet", partitioning=partitioning,
                     basename_template=basename, existing_data_behavior="overwrite_or_ignore")


def _replace_rows(store: Store, rows: Rows) -> None:
    b = store.backend
    with b.transaction():
        for table in _TABLES:
            b.execute(f"DELETE FROM {table}")
        b.insert("articles", ARTICLE_COLUMNS, rows.articles)
        b.insert("actors", ACTOR_COLUMNS, list(rows.actors.values()))
        b.insert("places", PLACE_COLUMNS, list(rows.places.values()))
        b.insert("events", EVENT_COLUMNS, rows.events)
        b.insert("event_entities", ENTITY_COLUMNS, rows.entities)
        b.insert("event_contexts", CONTEXT_COLUMNS, rows.contexts)


def _last_of_each_id(coded: list[tuple[Article, tuple[str, ...]]]) -> list[tuple[Article, tuple[str, ...]]]:
    """An id read twice in a chunk: the later article, as a store keeps it."""
    latest = {article.id: (article, lines) for article, lines in coded}
    return list(latest.values())


def read_parts(out: str) -> Any:
    """The folder as one pandas frame (for tests and users alike)."""
    import pandas as pd

    return pd.read_parquet(out)
