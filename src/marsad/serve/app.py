"""The ASGI application: the API routers, the offline docs page, the dashboard and its static
files, and the headers that keep the browser on this server.

FastAPI's own docs page loads Swagger UI from a CDN; this one serves the vendored copy
(``static/vendor/swagger-ui-dist-*``). Every page is sent with a Content-Security-Policy that
allows this origin only, so a script or style that tried to load from elsewhere would be
refused by the browser rather than quietly fetched.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from marsad.serve import read_api, write_api
from marsad.serve.cache import Answer
from marsad.serve.config import ServeConfig
from marsad.serve.service import Service
from marsad.version import __version__

STATIC = resources.files("marsad.serve") / "static"
SWAGGER = "/static/vendor/swagger-ui-dist-5.35.0"
#: this origin only; inline styles for Leaflet's and uPlot's positioning, data: images for
#: Leaflet's cluster icons
POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          "script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
          "base-uri 'none'; frame-ancestors 'none'")
#: Swagger UI's page starts itself with an inline script
DOCS_POLICY = POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

DESCRIPTION = """Events coded by marsad from Arabic news, over HTTP: the filters of
`marsad query`, pages with a stable cursor, CSV and JSON Lines for pandas or R, GeoJSON for a
map, trends, clusters, and each article's evidence as offsets. Writing (`POST /v1/code`,
`POST /v1/ingest`) needs the server's token as `Authorization: Bearer TOKEN`."""


def create_app(config: ServeConfig, store: Any | None = None) -> FastAPI:
    """The application over ``config.db`` (or over ``store``, an open ``marsad.Store``, which
    the application then closes when it stops)."""
    service = Service(config, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.service = service
    app.include_router(read_api.router)
    app.include_router(write_api.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_api_route("/docs", docs_page, include_in_schema=False)
    app.add_api_route("/", dashboard, include_in_schema=False)
    app.middleware("http")(cached)
    app.middleware("http")(same_origin_only)
    return app


async def docs_page() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="marsad API",
                               swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
                               swagger_css_url=f"{SWAGGER}/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


async def dashboard() -> FileResponse:
    return FileResponse(str(STATIC / "index.html"), media_type="text/html; charset=utf-8")


async def same_origin_only(request: Request,
                           call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    docs = request.url.path == "/docs"
    response.headers.setdefault("Content-Security-Policy", DOCS_POLICY if docs else POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


async def cached(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """GET /v1/… answered from the cache when it can be (``marsad.serve.cache``)."""
    answers = request.app.state.service.answers
    if request.method != "GET" or not request.url.path.startswith("/v1/") or not answers.on:
        return await call_next(request)
    key = f"{request.url.path}?{request.url.query}"
    kept = answers.get(key)
    if kept is None:
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        kept = Answer(response.status_code, tuple((k, v) for k, v in response.headers.items()
                                                  if k.lower() != "content-length"), body)
        answers.put(key, kept)
        state = "miss"
    else:
        state = "hit"
    answer = Response(content=kept.body, status_code=kept.status, headers=dict(kept.headers))
    answer.headers["X-Cache"] = state
    return answer
