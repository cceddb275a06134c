"""Filters over stored events, and the queries analysts run: events, trends, clusters.

Filters are written against the ``events_flat`` view (alias ``f``); actor and recipient
filters look at every entity of the event, by code, by country or by dictionary id: ``NSA``
finds every armed group, ``YEM`` Yemen's state entities and the Houthis (NSA, home YEM). Free text is
searched in the evidence after the project's Arabic normalization, so هجوم finds هُجوم and
الأمريكية finds الأميركية's folded spelling alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.lang.ar.normalize import normalize_term

PERIODS = ("day", "week", "month", "year")
#: what a record's ``modality`` may be (contract §2)
MODALITIES = ("asserted", "future", "hypothetical", "negated", "historical")

#: the view's typed columns (everything else is text)
DATE_COLUMNS = ("event_date", "time_start", "time_end", "published")
INT_COLUMNS = ("geonames_id", "quantity_count", "operations", "killed", "injured", "arrested",
               "missing")
FLOAT_COLUMNS = ("confidence", "lat", "lon")


@dataclass(frozen=True)
class Filters:
    """What ``query``, ``trends`` and ``export`` select; empty means everything."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()          # code (NSA…), country (an armed group's home too) or id
    recipients: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()       # ISO 3166-1 alpha-3 of the event's place
    admin1: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    modalities: tuple[str, ...] = ()
    text: str | None = None
    sources: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        """Filters that can select nothing whatever is stored are a mistake, said at once
        rather than answered with zero events."""
        unknown = [m for m in self.modalities if m.lower() not in MODALITIES]
        if unknown:
            raise ValueError(f"modality {unknown[0]!r} is none of {', '.join(MODALITIES)}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until}): no day is both")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ValueError(f"min_confidence {self.min_confidence} is not between 0 and 1")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over ``f`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def any_of(expr: str, values: Sequence[str], fold: str = "") -> None:
            if values:
                clauses.append(f"{fold}({expr}) IN ({', '.join('?' * len(values))})" if fold
                               else f"{expr} IN ({', '.join('?' * len(values))})")
                params.extend(v.upper() if fold == "upper" else v.lower() if fold == "lower" else v
                              for v in values)

        any_of("f.event_type", self.types, "upper")
        any_of("f.mode", self.modes, "lower")
        any_of("f.modality", self.modalities, "lower")
        any_of("f.country", self.countries, "upper")
        if self.admin1:   # a name (Aleppo) or a GeoNames code (09)
            marks = ", ".join("?" * len(self.admin1))
            clauses.append(f"(lower(f.admin1) IN ({marks}) OR f.admin1_code IN ({marks}))")
            params.extend([a.lower() for a in self.admin1] + list(self.admin1))
        any_of("f.source", self.sources)
        any_of("f.article_id", self.articles)
        any_of("f.cluster_id", self.clusters)
        for role, wanted in (("actor", self.actors), ("recipient", self.recipients)):
            if wanted:
                marks = ", ".join("?" * len(wanted))
                clauses.append(
                    "EXISTS (SELECT 1 FROM event_entities ee JOIN actors ac ON ac.actor_id = "
                    f"ee.actor_id WHERE ee.event_id = f.event_id AND ee.role = '{role}' AND "
                    f"(upper(ac.code) IN ({marks}) OR upper(ee.country) IN ({marks}) "
                    f"OR lower(ac.actor_id) IN ({marks})))")
                params.extend([w.upper() for w in wanted] * 2 + [w.lower() for w in wanted])
        if self.since:
            clauses.append("f.event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("f.event_date <= ?")
            params.append(self.until)
        if self.text and normalize_term(self.text):
            clauses.append("strpos(e.evidence_search, ?) > 0")
            params.append(normalize_term(self.text))
        if self.min_confidence is not None:
            clauses.append("f.confidence >= ?")
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params


_FROM = "FROM events_flat f JOIN events e ON e.event_id = f.event_id"
_ORDER = "ORDER BY f.event_date NULLS LAST, f.article_id, f.event_id"


def events_sql(filters: Filters, limit: int | None = None) -> tuple[str, list[Any]]:
    where, params = filters.where()
    return f"SELECT f.* {_FROM} WHERE {where} {_ORDER}{_limit(limit)}", params


def records_sql(filters: Filters, limit: int | None = None) -> tuple[str, list[Any]]:
    where, params = filters.where()
    return f"SELECT e.record {_FROM} WHERE {where} {_ORDER}{_limit(limit)}", params


def _limit(limit: int | None) -> str:
    """``None`` is no limit; 0 is no row (as SQL's LIMIT 0), not every row."""
    if limit is None:
        return ""
    if int(limit) < 0:
        raise ValueError(f"limit {limit} is negative: give 0 or more, or none for every event")
    return f" LIMIT {int(limit)}"


def trends_sql(filters: Filters, by: str, mentions: bool = False) -> tuple[str, list[Any]]:
    """Counts per period: events (clusters, or mentions with ``mentions``), operations and
    casualties. A cluster counts once, on its first day, with the largest figures any of its
    reports gives."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}")
    where, params = filters.where()
    unit = "f.event_id" if mentions else "f.cluster_id"
    sql = f"""
        WITH u AS (
            SELECT {unit} AS unit, min(f.event_date) AS day, max(f.operations) AS operations,
                   max(f.killed) AS killed, max(f.injured) AS injured,
                   max(f.arrested) AS arrested, count(*) AS mentions
            {_FROM} WHERE {where} AND f.event_date IS NOT NULL
            GROUP BY {unit}
        )
        SELECT CAST(date_trunc('{by}', day) AS DATE) AS period_start,
               CAST(count(*) AS BIGINT) AS events,
               CAST(sum(operations) AS BIGINT) AS operations,
               CAST(coalesce(sum(killed), 0) AS BIGINT) AS killed,
               CAST(coalesce(sum(injured), 0) AS BIGINT) AS injured,
               CAST(coalesce(sum(arrested), 0) AS BIGINT) AS arrested,
               CAST(sum(mentions) AS BIGINT) AS mentions
        FROM u GROUP BY 1 ORDER BY 1"""
    return sql, params


def period_label(start: date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def period_starts(first: date, last: date, by: str) -> list[date]:
    """Every period from ``first`` to ``last``, so that quiet periods show as zeros."""
    from datetime import timedelta

    starts, current = [], first
    while current <= last:
        starts.append(current)
        if by == "day":
            current += timedelta(days=1)
        elif by == "week":
            current += timedelta(days=7)
        elif by == "month":
            current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
        else:
            current = date(current.year + 1, 1, 1)
    return starts


@dataclass(frozen=True)
class TrendRow:
    period: str
    period_start: date
    events: int
    operations: int
    killed: int
    injured: int
    arrested: int
    mentions: int


TREND_FIELDS = tuple(TrendRow.__dataclass_fields__)
EMPTY_COUNTS = dict(events=0, operations=0, killed=0, injured=0, arrested=0, mentions=0)
