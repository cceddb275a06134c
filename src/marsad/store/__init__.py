"""The event store: articles and their coded events in DuckDB or PostgreSQL, queried,
aggregated into trends, deduplicated across articles, and exported."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.store.backends import DEFAULT_DB, StoreError

if TYPE_CHECKING:
    from marsad.store.queries import Filters
    from marsad.store.store import Store

__all__ = ["DEFAULT_DB", "Filters", "Store", "StoreError"]


def __getattr__(name: str) -> Any:
    # `marsad code` reads the store's defaults with the CLI; it should not load the store.
    if name == "Store":
        from marsad.store.store import Store

        return Store
    if name == "Filters":
        from marsad.store.queries import Filters

        return Filters
    raise AttributeError(f"module 'marsad.store' has no attribute {name!r}")
