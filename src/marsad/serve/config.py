"""What a ``marsad serve`` is started with, and the limits it keeps."""

from __future__ import annotations

from dataclasses import dataclass

#: the largest body a writing endpoint reads (bytes); a larger one is a 413
DEFAULT_MAX_BODY_BYTES = 2_000_000
#: the most articles one POST /v1/ingest stores
DEFAULT_MAX_ARTICLES = 200
#: the most events one page of GET /v1/events holds, and one GeoJSON answer
MAX_PAGE = 1000
MAX_GEOJSON = 20_000


@dataclass(frozen=True)
class ServeConfig:
    """``db``: a DuckDB file or ``postgresql://`` URL; ``token``: what the writing endpoints
    (POST /v1/code, /v1/ingest) require as ``Authorization: Bearer …`` (None: they are off)."""

    db: str
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_articles: int = DEFAULT_MAX_ARTICLES
    lexicons: tuple[str, ...] = ()
    cache_seconds: float = 30.0

    @property
    def writable(self) -> bool:
        return bool(self.token)
