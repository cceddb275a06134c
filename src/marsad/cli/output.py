"""Writers for coded events: JSON Lines, a JSON array, and a table for a person.

The table keeps Arabic text in logical order and wraps each Arabic cell in Unicode
right-to-left isolates (U+2067 … U+2069), so a terminal that implements the bidi algorithm shows
it right to left without reordering the columns around it.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from marsad.doc.records import Entity, Event

_RLI, _PDI = "\u2067", "\u2069"
#: bidi classes of right-to-left letters and digits (Arabic, Hebrew …): a cell with one is isolated
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


class OutputError(ValueError):
    """An output that cannot be written (a missing folder, a folder, a full disk): a usage
    error, said in one line with the option and the path."""


def check_writable(path: str, option: str = "-o") -> None:
    """Refuse, before any work is done, a path that is a folder or in a folder that is not."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{option} {path}: is a folder, not a file")
    if not target.parent.is_dir():
        raise OutputError(f"{option} {path}: no folder {target.parent}")


@contextmanager
def output_file(path: str | None, option: str = "-o") -> Iterator[IO[str]]:
    """The file ``path`` (or standard output when none) to write in; a write that fails, at
    any point up to closing, is an ``OutputError`` naming the file."""
    if not path:
        yield sys.stdout
        return
    from marsad.store.files import atomic_output

    check_writable(path, option)
    try:
        with atomic_output(path) as out:   # a failed run leaves no half file
            yield out
    except OSError as exc:
        raise OutputError(f"{option} {path}: cannot write ({exc.strerror or exc})") from exc


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
    """One row per event: when, what, where, who against whom, how many killed, and the trigger."""

    HEADER = ("date", "type", "mode", "place", "actor", "recipient", "killed", "modality", "conf",
              "trigger", "article")
    WIDTHS = (10, 10, 10, 18, 28, 28, 6, 12, 5, 18, 24)

    def __init__(self, out: IO[str]):
        self.out = out
        self.out.write(self._line(self.HEADER) + "\n")
        self.out.write(self._line(tuple("-" * w for w in self.WIDTHS)) + "\n")

    def write(self, event: Event) -> None:
        trigger = event.evidence[0].trigger.text if event.evidence else ""
        killed = event.casualties.get("killed")
        cells = (_date(event), event.event_type, event.mode or "", _place(event),
                 _entities(event.actor), _entities(event.recipient),
                 "" if killed is None else str(killed), event.modality,
                 f"{event.confidence:.2f}", trigger, event.article_id)
        self.out.write(self._line(cells) + "\n")

    def close(self) -> None:
        self.out.flush()

    def _line(self, cells: tuple[str, ...]) -> str:
        return " | ".join(cell(c, w) for c, w in zip(cells, self.WIDTHS))


def _date(event: Event) -> str:
    """The event's first day as the text gives it; empty when the text gives none (the store
    falls back on the publication date, which the event does not carry)."""
    return str((event.time or {}).get("start") or "")


def _place(event: Event) -> str:
    place = event.location
    if place is None:
        return ""
    return f"{place.name} ({place.country})" if place.country else place.name


def _entities(entities: tuple[Entity, ...]) -> str:
    """``text [CODE/SECTOR]``; an armed group with a home state shows it: ``[NSA:YEM/REB]``."""
    return ", ".join(f"{e.text or '(' + e.name + ')'} [{_code(e)}{'/' + e.sector if e.sector else ''}]"
                     for e in entities) or "-"


def _code(e: Entity) -> str:
    return f"{e.code}:{e.country}" if e.country and e.country != e.code else e.code


#: direction marks, embeddings, overrides and isolates a text may carry: a cut could leave one
#: open and turn the rest of the line around, so a cell drops them and isolates itself instead
_DIRECTION_CONTROLS: dict[int, str | None] = dict.fromkeys(
    (0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069))
_DIRECTION_CONTROLS.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})


def cell(text: str, width: int) -> str:
    """``text`` in exactly ``width`` columns: cut with an ellipsis when longer, padded when
    shorter, and put inside a right-to-left isolate when it holds right-to-left letters.

    The work is linear in ``width``, not in the text: characters are measured once each, from
    the start, only until the width is spent."""
    text = text.translate(_DIRECTION_CONTROLS)
    kept, used = _fit(text, width)
    if kept < len(text):
        kept, used = _fit(text, width - 1)
        text, used = text[:kept] + "…", used + 1
    pad = " " * (width - used)
    if any(unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT for ch in text):
        return _RLI + text + _PDI + pad
    return text + pad


def _fit(text: str, width: int) -> tuple[int, int]:
    """How many characters of ``text`` fit in ``width`` columns, and the columns they take
    (marks that follow the last character that fits stay with it)."""
    used = 0
    for index, ch in enumerate(text):
        w = _char_width(ch)
        if used + w > width:
            return index, used
        used += w
    return len(text), used


def _char_width(ch: str) -> int:
    """Terminal columns of one character: none for combining marks and format characters, two
    for wide East Asian ones."""
    if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
