"""The ingest's progress bar on a terminal: articles done of the total, articles/s, events
stored, and the time left. Only shown when standard error is a terminal."""

from __future__ import annotations

from typing import Any

from marsad.reading.sources import ReadOptions, read_articles
from marsad.store.ingest import Progress


class BarProgress(Progress):
    def __init__(self, paths: list[str], options: ReadOptions):
        from tqdm import tqdm

        # A first pass only counts (problems are reported by the real pass), so the bar can
        # say how far along it is and how long is left; stdin cannot be read twice.
        total = None if "-" in paths else sum(1 for _ in read_articles(paths, _ignore, options))
        self.bar: Any = tqdm(total=total, unit=" articles", dynamic_ncols=True, smoothing=0.05)
        self.events = 0

    def advance(self, articles: int, events: int) -> None:
        self.events += events
        self.bar.update(articles)
        self.bar.set_postfix(events=self.events, refresh=False)

    def close(self) -> None:
        self.bar.close()


def _ignore(issue: object) -> None:
    pass


def bar_for(paths: list[str], options: ReadOptions, quiet: bool = False) -> BarProgress | None:
    """A bar for a person watching a terminal; none with ``--quiet`` or when standard error
    goes to a file or a pipe."""
    import sys

    if quiet or not sys.stderr.isatty():
        return None
    return BarProgress(paths, options)
