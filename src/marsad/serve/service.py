"""The store a running ``marsad serve`` answers from, shared by its requests.

A DuckDB connection is not for two threads at once, and FastAPI runs each request in a
thread: every use of the store goes through ``Service.lock``. The coder (for POST /v1/code
and /v1/ingest) is loaded on the first writing request, not at start.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import Any

from marsad.serve.cache import AnswerCache
from marsad.serve.config import ServeConfig
from marsad.serve.params import CachedValues


class Service:
    def __init__(self, config: ServeConfig, store: Any | None = None):
        self.config = config
        self.lock = threading.Lock()
        self.store = store if store is not None else open_store(config)
        self.values = CachedValues(self.store, self.lock)
        self.answers = AnswerCache(config.cache_seconds)

    @cached_property
    def coder(self) -> Any:
        from marsad.coder import Coder

        return Coder(self.config.lexicons)

    def close(self) -> None:
        self.store.close()


def open_store(config: ServeConfig) -> Any:
    """The store of ``config.db``: read-only unless writing is on (then other processes may
    read a DuckDB file while we serve it), made where it does not exist yet."""
    from marsad.api import Store
    from marsad.store.backends import is_postgres_url

    exists = is_postgres_url(config.db) or Path(config.db).exists()
    return Store(config.db, read_only=exists and not config.writable)
