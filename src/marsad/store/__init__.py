"""The event store: articles and their coded events in DuckDB or PostgreSQL, queried,
aggregated into trends, deduplicated across articles, and exported."""

from marsad.store.backends import DEFAULT_DB, StoreError
from marsad.store.queries import Filters
from marsad.store.store import Store

__all__ = ["DEFAULT_DB", "Filters", "Store", "StoreError"]
