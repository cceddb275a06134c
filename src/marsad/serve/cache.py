"""Answers of the read API remembered for a short while (``--cache-seconds``, default 30).

A dashboard asks the same few questions again and again (every visitor's first view is the
unfiltered map, timeline and table), and a query over a corpus costs tens of milliseconds to
a second. An answer is kept for ``seconds`` at most, keyed by its path and query string; a
POST /v1/ingest empties the cache at once, so a store written through this server is never
seen stale. A store written by another process (a PostgreSQL ingest) is seen within
``seconds``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class AnswerCache:
    def __init__(self, seconds: float, size: int = 512, max_bytes: int = 4_000_000):
        self.seconds, self.size, self.max_bytes = seconds, size, max_bytes
        self._kept: OrderedDict[str, tuple[float, Answer]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def on(self) -> bool:
        return self.seconds > 0

    def get(self, key: str) -> Answer | None:
        with self._lock:
            found = self._kept.get(key)
            if found is None:
                return None
            if time.monotonic() - found[0] > self.seconds:
                del self._kept[key]
                return None
            self._kept.move_to_end(key)
            return found[1]

    def put(self, key: str, answer: Answer) -> None:
        """Keep ``answer`` (one over ``max_bytes``, a large GeoJSON say, is not kept)."""
        if not self.on or len(answer.body) > self.max_bytes:
            return
        with self._lock:
            self._kept[key] = (time.monotonic(), answer)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
