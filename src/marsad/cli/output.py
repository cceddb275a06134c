"""Writers for coded events: JSON Lines, a JSON array, and a table for a person.

The table keeps Arabic text in logical order and wraps each Arabic cell in Unicode
right-to-left isolates (U+2067 … U+2069), so a terminal that implements the bidi algorithm shows
it right to left without reordering the columns around it.
"""

from __future__ import annotations

import json
import unicodedata
from typing import IO

from marsad.doc.records import Entity, Event

_RLI, _PDI = "\u2067", "\u2069"
#: bidi classes of right-to-left letters and digits (Arabic, Hebrew …): a cell with one is isolated
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


class JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, event: Event) -> None:
        self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter:
    def __init__(self, out: IO[str]):
        self.out = out
        self.first = True
        self.out.write("[")

    def write(self, event: Event) -> None:
        self.out.write(("\n" if self.first else ",\n") + json.dumps(event.to_dict(), ensure_ascii=False))
        self.first = False

    def close(self) -> None:
        self.out.write("\n]\n")
        self.out.flush()


class TableWriter:
    """One row per event: type, mode, actor, recipient, modality, trigger, article."""

    HEADER = ("type", "mode", "actor", "recipient", "modality", "conf", "trigger", "article")
    WIDTHS = (10, 10, 28, 28, 12, 5, 18, 24)

    def __init__(self, out: IO[str]):
        self.out = out
        self.out.write(self._line(self.HEADER) + "\n")
        self.out.write(self._line(tuple("-" * w for w in self.WIDTHS)) + "\n")

    def write(self, event: Event) -> None:
        trigger = event.evidence[0].trigger.text if event.evidence else ""
        cells = (event.event_type, event.mode or "", _entities(event.actor),
                 _entities(event.recipient), event.modality, f"{event.confidence:.2f}",
                 trigger, event.article_id)
        self.out.write(self._line(cells) + "\n")

    def close(self) -> None:
        self.out.flush()

    def _line(self, cells: tuple[str, ...]) -> str:
        return " | ".join(cell(c, w) for c, w in zip(cells, self.WIDTHS))


def _entities(entities: tuple[Entity, ...]) -> str:
    return ", ".join(f"{e.text} [{e.code}{'/' + e.sector if e.sector else ''}]" for e in entities) or "-"


def cell(text: str, width: int) -> str:
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - _width(text))
    if any(unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT for ch in text):
        return _RLI + text + _PDI + pad
    return text + pad


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)
