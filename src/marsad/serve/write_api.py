"""The writing endpoints: POST /v1/code (text in, events out, nothing stored) and POST
/v1/ingest (articles in, stored). Both want the token ``marsad serve`` was started with, as
``Authorization: Bearer TOKEN``; started without one, they are off (403). A body over the size
limit is a 413, one that is not what the endpoint takes a 422 (or 400 for JSON that does not
parse) with what was wrong."""

from __future__ import annotations

import json
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from marsad.serve.read_api import service_of
from marsad.serve.service import Service

router = APIRouter(prefix="/v1", tags=["write"])
ARTICLE_FIELDS = ("id", "title", "text", "date", "source", "url", "language")

_FIELDS: dict[str, Any] = {"text": {"type": "string"}, "title": {"type": "string"},
                           "date": {"type": "string", "format": "date"}, "id": {"type": "string"}}
CODE_BODY: dict[str, Any] = {"type": "object", "required": ["text"], "properties": _FIELDS}
INGEST_BODY: dict[str, Any] = {"type": "object", "required": ["articles"], "properties": {
    "articles": {"type": "array", "items": {"type": "object", "required": ["text"], "properties": {
        **_FIELDS, "source": {"type": "string"}, "url": {"type": "string"}}}}}}
_REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no token, or not this server's"},
    403: {"description": "writing is off: the server was started without a token"},
    413: {"description": "body over the size limit"},
    422: {"description": "not what the endpoint takes, with what was wrong"}}


@router.post("/code", summary="Code one article's text into events; nothing is stored",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": CODE_BODY}}}}, responses=_REFUSALS)
async def code(request: Request) -> dict[str, Any]:
    service = service_of(request)
    authorize(service, request)
    article = _article(await read_json(service, request), "the body")
    events = await run_in_threadpool(_code, service, article)
    return {"article_id": events[0]["article_id"] if events else article.get("id"),
            "events": events}


def _code(service: Service, article: dict[str, Any]) -> list[dict[str, Any]]:
    with service.lock:
        return [event.to_dict() for event in service.coder.code_article(article)]


@router.post("/ingest", summary="Code articles and store their events",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": INGEST_BODY}}}}, responses=_REFUSALS)
async def ingest(request: Request) -> dict[str, Any]:
    service = service_of(request)
    authorize(service, request)
    body = await read_json(service, request)
    articles = body.get("articles") if isinstance(body, dict) else None
    if not isinstance(articles, list) or not articles:
        raise HTTPException(422, 'the body is {"articles": [ARTICLE, …]} with at least one '
                                 "article (contract §1: text required; id, title, date, "
                                 "source, url optional)")
    if len(articles) > service.config.max_articles:
        raise HTTPException(413, f"{len(articles)} articles: at most "
                                 f"{service.config.max_articles} in one request")
    checked = [_article(a, f"article {n}") for n, a in enumerate(articles, start=1)]
    return await run_in_threadpool(_ingest, service, checked)


def _ingest(service: Service, articles: list[dict[str, Any]]) -> dict[str, Any]:
    issues: list[str] = []
    with service.lock:
        stats = service.store.ingest(articles, lexicons=service.config.lexicons,
                                     report=lambda issue: issues.append(str(issue)))
    service.values.forget()
    service.answers.clear()
    return {"read": stats.read, "new": stats.new, "changed": stats.changed,
            "unchanged": stats.unchanged, "failed": stats.failed, "events": stats.events,
            "clusters": stats.clusters, "issues": issues}


def authorize(service: Service, request: Request) -> None:
    expected = service.config.token
    if not expected:
        raise HTTPException(403, "writing is off: start marsad serve with --token TOKEN (or "
                                 "MARSAD_TOKEN) to allow POST /v1/code and /v1/ingest")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip().encode(),
                                                                 expected.encode()):
        raise HTTPException(401, "give the server's token as 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_json(service: Service, request: Request) -> Any:
    """The body as JSON, read no further than the size limit (a missing or false
    Content-Length cannot get a larger body past it)."""
    limit = service.config.max_body_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(len(body), limit)
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON in UTF-8: {exc}") from None


def _too_large(size: int, limit: int) -> HTTPException:
    return HTTPException(413, f"the body is {size:,} bytes or more, over the limit of "
                              f"{limit:,} (marsad serve --max-body-bytes)")


def _article(value: Any, where: str) -> dict[str, Any]:
    """A contract §1 article: an object with a non-empty text, the other fields strings."""
    if not isinstance(value, dict):
        raise HTTPException(422, f"{where} is not an object with a 'text'")
    unknown = sorted(set(value) - set(ARTICLE_FIELDS))
    if unknown:
        raise HTTPException(422, f"{where}: unknown field {unknown[0]!r}; the fields are "
                                 f"{', '.join(ARTICLE_FIELDS)}")
    if not isinstance(value.get("text"), str) or not value["text"].strip():
        raise HTTPException(422, f"{where} has no text: 'text' must be a non-empty string")
    for name in ARTICLE_FIELDS:
        if value.get(name) is not None and not isinstance(value[name], str):
            raise HTTPException(422, f"{where}: {name!r} must be a string")
    if value.get("date"):
        from marsad.reading.article import parse_date

        try:
            parse_date(value["date"])
        except ValueError as exc:
            raise HTTPException(422, f"{where}: date {value['date']!r}: {exc}") from None
    return value
