"""The filters of ``/v1/events``, ``/v1/trends`` and ``/v1/events.geojson``: the options of
``marsad query`` as query parameters (``?type=ASSAULT&type=COERCE&country=Syria``), checked
by the command line's own rules (``marsad.cli.filters``), so that an unknown type, a country
that resolves to nothing or a reversed date range is a 422 naming what is valid."""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Mapping
from datetime import date
from typing import Any

from fastapi import HTTPException, Request

from marsad.cli.filters import FilterError, check_filters
from marsad.store.queries import Filters

#: parameter → the Filters field it fills (repeatable ones hold any of their values)
REPEATABLE = {"type": "types", "mode": "modes", "actor": "actors", "recipient": "recipients",
              "country": "countries", "admin1": "admin1", "modality": "modalities",
              "source": "sources", "article": "articles", "cluster": "clusters"}
SINGLE = ("since", "until", "text", "min_confidence")
#: parameters of each endpoint besides the filters
OWN = {"events": {"limit", "cursor", "format"}, "geojson": {"limit"},
       "trends": {"by", "mentions", "all_modalities"}}


def unprocessable(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


def filters_from(request: Request, store: Any, endpoint: str,
                 default_modality: str | None = None) -> Filters:
    """The Filters a request's query asks for, or a 422 naming the parameter at fault."""
    query = request.query_params
    _refuse_unknown(query.keys(), OWN[endpoint])
    values = {field: _many(query.getlist(name)) for name, field in REPEATABLE.items()}
    single = {name: query.get(name) or None for name in SINGLE}
    since, until = _day(single["since"], "since"), _day(single["until"], "until")
    confidence = _fraction(single["min_confidence"])
    if not values["modalities"] and default_modality and query.get("all_modalities") not in (
            "1", "true", "yes"):
        values["modalities"] = (default_modality,)
    args = argparse.Namespace(**{f: list(v) for f, v in values.items()}, since=since, until=until)
    try:
        check_filters(args, store, spell=lambda option: option.lstrip("-"))
        return Filters(**values, since=since, until=until, text=single["text"],
                       min_confidence=confidence)
    except (FilterError, ValueError) as exc:
        raise unprocessable(str(exc)) from exc


def _refuse_unknown(names: Any, own: set[str]) -> None:
    """A misspelt parameter would otherwise be ignored: all events for a typo."""
    import difflib

    known = sorted(set(REPEATABLE) | set(SINGLE) | own)
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean {close[0]}?" if close else f"one of {', '.join(known)}"
            raise unprocessable(f"unknown parameter {name!r}: {hint}")


def _many(values: list[str]) -> tuple[str, ...]:
    """Repeated, or comma-separated (``type=ASSAULT,COERCE``), as a shared URL often is."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise unprocessable(f"{name} {value!r} is not a date: give YYYY-MM-DD") from None


def _fraction(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise unprocessable(f"min_confidence {value!r} is not a number between 0 and 1") from None
    if not 0 <= number <= 1:
        raise unprocessable(f"min_confidence {value} is not between 0 and 1")
    return number


def whole(value: str | None, name: str, default: int, most: int) -> int:
    """A count parameter between 0 and ``most``."""
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise unprocessable(f"{name} {value!r} is not a whole number") from None
    if not 0 <= number <= most:
        raise unprocessable(f"{name} {number} is not between 0 and {most}")
    return number


class CachedValues:
    """The store as the filter checks see it, with ``stored_values`` (a DISTINCT over every
    event) remembered for a minute: a busy dashboard asks it on every request."""

    def __init__(self, store: Any, lock: threading.Lock, seconds: float = 60.0):
        self.store, self.lock, self.seconds = store, lock, seconds
        self._cache: dict[str, tuple[float, set[str]]] = {}

    @property
    def names(self) -> Any:
        return self.store.names

    def stored_values(self, column: str) -> set[str]:
        now = time.monotonic()
        hit = self._cache.get(column)
        if hit is None or now - hit[0] > self.seconds:
            with self.lock:
                hit = (now, self.store.stored_values(column))
            self._cache[column] = hit
        return hit[1]

    def forget(self) -> None:
        self._cache.clear()


def choice(value: str | None, name: str, allowed: tuple[str, ...], default: str) -> str:
    if value is None:
        return default
    if value not in allowed:
        raise unprocessable(f"{name} {value!r} is none of {', '.join(allowed)}")
    return value


def flag(query: Mapping[str, str], name: str) -> bool:
    return query.get(name, "").lower() in ("1", "true", "yes")


