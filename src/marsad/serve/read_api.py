"""The read API, ``/v1/…``: events (paginated, as JSON, CSV or JSON Lines), one event, events
as GeoJSON points, trends, a cluster, an article with its evidence spans, and what the store
holds (``/v1/meta``, which the dashboard's filters are built from)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from marsad.serve.config import MAX_GEOJSON, MAX_PAGE
from marsad.serve.evidence import evidence_spans
from marsad.serve.formats import (
    csv_text,
    decode_cursor,
    encode_cursor,
    feature_collection,
    jsonl_text,
    plain,
    plain_row,
)
from marsad.serve.params import OWN, choice, filters_from, flag, whole
from marsad.serve.service import Service
from marsad.store.queries import PERIODS

FORMATS = ("json", "csv", "jsonl")
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


EVENTS_DOC = """Filters (each repeatable one matches any of its values, repeated or
comma-separated): `type`, `mode`, `actor`, `recipient`, `country`, `admin1`, `modality`,
`source`, `article`, `cluster`; `since`, `until` (YYYY-MM-DD), `text`, `min_confidence`.
Pages: `limit` (default 100, at most 1000) and `cursor` (the `next_cursor` of the page
before). `format=json` (default: `{total, count, next_cursor, events}` with contract records),
`jsonl` (contract records) or `csv` (the flat view's columns); for those two the total and the
next cursor are in the `X-Total-Count` and `X-Next-Cursor` headers."""
TRENDS_DOC = """The counts of `marsad trends`: `by` day, week, month (default) or year; asserted
events only unless `modality` or `all_modalities=1` says otherwise; each cross-article cluster
once unless `mentions=1`. Takes the filters of /v1/events."""
_FORMAT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}}
_MISSING: dict[int | str, dict[str, Any]] = {404: {"description": "not in this store"}}
_INVALID: dict[int | str, dict[str, Any]] = {
    422: {"description": "a filter that can select nothing, with what is valid"}}

router = APIRouter(prefix="/v1", tags=["read"])

_FILTER_HELP = {
    "type": "PLOVER event type (ASSAULT, PROTEST …)", "mode": "PLOVER mode (aerial, arrest …)",
    "actor": "who acted: country code (IRQ), NSA, IGO, NGO, UNK or dictionary id (usa.centcom)",
    "recipient": "who was acted on, as actor", "country": "where: ISO code, English or Arabic name",
    "admin1": "first-level division: name or GeoNames code", "modality": "asserted, future, "
    "hypothetical, negated or historical", "source": "the article's source",
    "article": "an article id", "cluster": "a cross-article cluster id",
    "since": "first event date (YYYY-MM-DD)", "until": "last event date (YYYY-MM-DD)",
    "text": "words in the evidence (Arabic spelling variants match)",
    "min_confidence": "at least this confidence, 0 to 1"}
_OWN_HELP = {
    "limit": "events per page (events: default 100, at most 1000; geojson: default 5000)",
    "cursor": "the next_cursor of the page before", "format": "json (default), csv or jsonl",
    "by": "day, week, month (default) or year", "mentions": "1: count every report",
    "all_modalities": "1: count every modality (default: asserted only)"}


def _parameters(endpoint: str) -> dict[str, Any]:
    """The query parameters as OpenAPI lists them (they are read from the query string, so
    that an unknown one can be refused by name)."""
    repeatable = {"type", "mode", "actor", "recipient", "country", "admin1", "modality",
                  "source", "article", "cluster"}
    found = [{"name": name, "in": "query", "required": False, "description": text,
              "schema": {"type": "array", "items": {"type": "string"}} if name in repeatable
              else {"type": "string"}, "explode": True}
             for name, text in _FILTER_HELP.items()]
    found += [{"name": name, "in": "query", "required": False, "description": _OWN_HELP[name],
               "schema": {"type": "string"}} for name in sorted(OWN[endpoint])]
    return {"parameters": found}


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


@router.get("/events", summary="Events matching filters, a page at a time", description=EVENTS_DOC,
            responses={**_FORMAT_RESPONSES, **_INVALID}, openapi_extra=_parameters("events"))
def list_events(request: Request) -> Any:
    service = service_of(request)
    query = request.query_params
    filters = filters_from(request, service.values, "events")
    limit = whole(query.get("limit"), "limit", 100, MAX_PAGE)
    fmt = choice(query.get("format"), "format", FORMATS, "json")
    after = decode_cursor(query.get("cursor"))
    with service.lock:
        total = service.store.count(filters)
        items, key = service.store.page(filters, after, limit, records=fmt != "csv")
    cursor = encode_cursor(key)
    if fmt == "json":
        return {"total": total, "count": len(items), "next_cursor": cursor, "events": items}
    headers = {"X-Total-Count": str(total)}
    if cursor:
        headers["X-Next-Cursor"] = cursor
    if fmt == "jsonl":
        return PlainTextResponse(jsonl_text(items), headers=headers, media_type=MEDIA["jsonl"])
    columns = list(items[0]) if items else _flat_columns(service)
    return Response(csv_text(items, columns), headers=headers, media_type=MEDIA["csv"])


def _flat_columns(service: Service) -> list[str]:
    with service.lock:
        return list(service.store.query(limit=0).columns)


@router.get("/events.geojson", summary="Events with a place, as GeoJSON points (limit: at most "
            f"{MAX_GEOJSON} points; truncated says when more matched)", responses=_INVALID,
            openapi_extra=_parameters("geojson"))
def events_geojson(request: Request) -> dict[str, Any]:
    service = service_of(request)
    filters = filters_from(request, service.values, "geojson")
    limit = whole(request.query_params.get("limit"), "limit", 5000, MAX_GEOJSON)
    with service.lock:
        rows = service.store.points(filters, limit=limit + 1)
    return feature_collection(rows[:limit], truncated=len(rows) > limit)


@router.get("/events/{event_id}", summary="One event's record, with its cluster id",
            responses=_MISSING)
def one_event(event_id: str, request: Request) -> dict[str, Any]:
    service = service_of(request)
    with service.lock:
        found = service.store.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    return found


@router.get("/trends", summary="Events, operations and casualties per period",
            description=TRENDS_DOC, responses=_INVALID, openapi_extra=_parameters("trends"))
def trends(request: Request) -> dict[str, Any]:
    service = service_of(request)
    query = request.query_params
    filters = filters_from(request, service.values, "trends", default_modality="asserted")
    by = choice(query.get("by"), "by", PERIODS, "month")
    mentions = flag(query, "mentions")
    with service.lock:
        frame = service.store.trends(by, filters, mentions=mentions)
    return {"by": by, "mentions": mentions, "modalities": list(filters.modalities),
            "periods": [plain_row(r) for r in frame.to_dict("records")]}


@router.get("/clusters/{cluster_id}", summary="A cross-article cluster and every report of it",
            responses=_MISSING)
def one_cluster(cluster_id: str, request: Request) -> dict[str, Any]:
    service = service_of(request)
    with service.lock:
        found = service.store.cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r} in this store")
    return {**plain_row({k: v for k, v in found.items() if k != "events"}),
            "events": [plain_row(e) for e in found["events"]]}


@router.get("/articles/{article_id}", summary="An article's text and each event's evidence spans "
            "(trigger, actor, recipient, place, time, attribution) as offsets", responses=_MISSING)
def one_article(article_id: str, request: Request) -> dict[str, Any]:
    service = service_of(request)
    with service.lock:
        found = service.store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    text, title = found["text"], found["title"] or ""
    events = found.pop("events")
    found["events"] = [{"event_id": r["event_id"], "event_type": r["event_type"],
                        "modality": r.get("modality"),
                        "spans": evidence_spans(r, title, text) if text is not None else []}
                       for r in events]
    if text is None:
        found["note"] = ("stored before marsad kept article texts: `marsad ingest --recode` "
                         "stores it")
    return found


@router.get("/meta", summary="What the store holds: counts, types, countries, sources, dates")
def meta(request: Request) -> dict[str, Any]:
    service = service_of(request)
    from marsad import __version__

    with service.lock:
        counts = service.store.counts()
        first, last = service.store.date_range()
    names = service.store.names.country_names()
    countries = sorted(service.values.stored_values("country"))
    return {"version": __version__, "counts": counts, "writable": service.config.writable,
            "first_date": plain(first), "last_date": plain(last),
            "types": sorted(service.values.stored_values("event_type")),
            "countries": [{"code": c, "name": names.get(c, c)} for c in countries],
            "sources": sorted(service.values.stored_values("source"))}
