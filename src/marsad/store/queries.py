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
            SELECT {unit} AS unit, min(f.event_date) AS day, max(e.operations) AS operations,
                   max(e.killed) AS killed, max(e.injured) AS injured,
                   max(e.arrested) AS arrested, count(*) AS mentions
            {_LEAN_FROM} WHERE {where} AND f.event_date IS NOT NULL
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


#: where a page of ``page_sql`` starts: after the event with this (event_date, article_id,
#: event_id), the query's own order, so that a page never repeats or skips an event when
#: events are stored meanwhile before the cursor
PageKey = tuple[date | None, str, str]

#: the columns of ``events_flat`` that ``Filters.where`` reads, without the view's
#: aggregation of every event's parties and contexts: a count or a page selects on this, and
#: reads the full rows of its page only
_LEAN_FROM = """FROM (SELECT e.event_id, e.article_id, COALESCE(ec.cluster_id, e.event_id) AS cluster_id,
           e.event_type, e.mode, e.modality, e.confidence, e.event_date, p.country,
           p.admin1_name AS admin1, p.admin1 AS admin1_code, a.source, p.name AS location,
           p.precision AS location_precision, p.lat, p.lon, a.title
    FROM events e JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN places p ON p.geonames_id = e.geonames_id
    LEFT JOIN event_clusters ec ON ec.event_id = e.event_id) f
JOIN events e ON e.event_id = f.event_id"""


def page_sql(filters: Filters, after: PageKey | None,
             limit: int | None) -> tuple[str, list[Any]]:
    """The keys (event_date, article_id, event_id) of one page of the events of ``filters``
    in date order, after ``after`` (keyset pagination: the cost of a page does not grow with
    how deep it is); with no ``after`` and no ``limit``, every key, which ``Store.query_batches``
    streams."""
    where, params = filters.where()
    if after is not None:
        day, article, event = after
        tail = "(f.article_id > ? OR (f.article_id = ? AND f.event_id > ?))"
        if day is None:
            where += f" AND f.event_date IS NULL AND {tail}"
            params += [article, article, event]
        else:
            where += (f" AND (f.event_date IS NULL OR f.event_date > ? OR "
                      f"(f.event_date = ? AND {tail}))")
            params += [day, day, article, article, event]
    return (f"SELECT f.event_date, f.article_id, f.event_id {_LEAN_FROM} WHERE {where} "
            f"{_ORDER}{_limit(limit)}", params)


def rows_sql(event_ids: Sequence[str], records: bool,
             id_list: tuple[str, list[Any]] | None = None) -> tuple[str, list[Any]]:
    """The records (or flat-view rows) of the events ``event_ids`` (or of ``id_list``, the
    SQL of a list of ids and its parameters: ``Backend.id_list``), in query order. The flat
    rows are the view's, with its aggregation of parties and contexts done for these events
    only (the database does not push a list of ids into the view's grouping, and grouping
    every event costs a second on a corpus)."""
    marks, ids = id_list or (", ".join("?" * len(event_ids)) or "NULL", list(event_ids))
    if records:
        return (f"SELECT e.record FROM events e WHERE e.event_id IN ({marks}) "
                "ORDER BY e.event_date NULLS LAST, e.article_id, e.event_id", ids)
    sql = _FLAT_ROWS.format(marks=marks, columns=", ".join(f"f.{c}" for c in FLAT_COLUMNS))
    return sql, ids * 3


#: the columns of ``events_flat``, in its order, and ``_FLAT_ROWS`` its definition for a list of
#: events (the latest migration that defines the view: migrations/0002_armed_group_country.sql;
#: tests/store/test_pages.py checks that the two give the same rows)
FLAT_COLUMNS = tuple("""event_id article_id cluster_id event_type mode modality context cameo
    confidence event_date time_text time_start time_end time_precision actor_ids actor_codes
    actor_countries actor_names actor_texts recipient_ids recipient_codes recipient_countries
    recipient_names recipient_texts
    geonames_id location location_text country admin1 admin1_code lat lon location_precision
    quantity_count quantity_qualifier quantity_unit operations killed injured arrested missing
    attribution_text evidence source url title published""".split())
_FLAT_ROWS = """
WITH parties AS (
    SELECT ee.event_id, ee.role,
           string_agg(ac.actor_id, ';' ORDER BY ee.position) AS ids,
           string_agg(ac.code, ';' ORDER BY ee.position) AS codes,
           CASE WHEN count(ee.country) = 0 THEN NULL
                ELSE string_agg(coalesce(ee.country, ''), ';' ORDER BY ee.position) END AS countries,
           string_agg(ac.name, ';' ORDER BY ee.position) AS names,
           string_agg(ee.text, ';' ORDER BY ee.position) AS texts
    FROM event_entities ee JOIN actors ac ON ac.actor_id = ee.actor_id
    WHERE ee.event_id IN ({marks})
    GROUP BY ee.event_id, ee.role
), contexts AS (
    SELECT event_id, string_agg(context, ';' ORDER BY context) AS contexts
    FROM event_contexts WHERE event_id IN ({marks}) GROUP BY event_id
), f AS (
    SELECT e.event_id, e.article_id, COALESCE(ec.cluster_id, e.event_id) AS cluster_id,
           e.event_type, e.mode, e.modality, ctx.contexts AS context, e.cameo, e.confidence,
           e.event_date, e.time_text, e.time_start, e.time_end, e.time_precision,
           act.ids AS actor_ids, act.codes AS actor_codes, act.countries AS actor_countries,
           act.names AS actor_names, act.texts AS actor_texts, rcp.ids AS recipient_ids,
           rcp.codes AS recipient_codes, rcp.countries AS recipient_countries,
           rcp.names AS recipient_names, rcp.texts AS recipient_texts, e.geonames_id,
           p.name AS location, e.location_text, p.country, p.admin1_name AS admin1,
           p.admin1 AS admin1_code, p.lat, p.lon, p.precision AS location_precision,
           e.quantity_count, e.quantity_qualifier, e.quantity_unit, e.operations, e.killed,
           e.injured, e.arrested, e.missing, e.attribution_text, e.evidence, a.source, a.url,
           a.title, a.published
    FROM events e
    JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN places p ON p.geonames_id = e.geonames_id
    LEFT JOIN event_clusters ec ON ec.event_id = e.event_id
    LEFT JOIN contexts ctx ON ctx.event_id = e.event_id
    LEFT JOIN parties act ON act.event_id = e.event_id AND act.role = 'actor'
    LEFT JOIN parties rcp ON rcp.event_id = e.event_id AND rcp.role = 'recipient'
    WHERE e.event_id IN ({marks})
)
SELECT {columns} FROM f ORDER BY f.event_date NULLS LAST, f.article_id, f.event_id"""


def cluster_events_sql(cluster_id: str) -> tuple[str, list[Any]]:
    return f"SELECT f.event_id {_LEAN_FROM} WHERE f.cluster_id = ? {_ORDER}", [cluster_id]


def _parties(role: str) -> str:
    return ("(SELECT string_agg(ac.code, ';' ORDER BY ee.position) FROM event_entities ee "
            "JOIN actors ac ON ac.actor_id = ee.actor_id "
            f"WHERE ee.event_id = f.event_id AND ee.role = '{role}')")


def points_sql(filters: Filters, limit: int) -> tuple[str, list[Any]]:
    """The first ``limit`` events of ``filters`` that have a place, in query order, with what
    a map shows of them."""
    where, params = filters.where()
    columns = ("f.event_id, f.article_id, f.cluster_id, f.event_type, f.mode, f.modality, "
               "f.event_date, f.location, f.country, f.admin1, f.location_precision, f.lat, "
               f"f.lon, {_parties('actor')} AS actor_codes, {_parties('recipient')} AS "
               "recipient_codes, e.operations, e.killed, e.injured, e.arrested, f.confidence, "
               "f.source, f.title")
    return (f"SELECT {columns} {_LEAN_FROM} WHERE {where} AND f.lat IS NOT NULL "
            f"AND f.lon IS NOT NULL {_ORDER}{_limit(limit)}", params)


def count_sql(filters: Filters) -> tuple[str, list[Any]]:
    where, params = filters.where()
    return f"SELECT count(*) {_LEAN_FROM} WHERE {where}", params
