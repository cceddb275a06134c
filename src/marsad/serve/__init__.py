"""``marsad serve``: the web API (``/v1/…``) and the analyst's dashboard (``/``) over a store.

The API is the command line's ``query``, ``trends`` and ``export`` over HTTP, with the same
filters and the same refusals (a filter that can select nothing is a 422 naming what is
valid); the dashboard is a static page of this package that calls it. Everything the browser
loads is served from here: the scripts, styles, fonts and base map are vendored under
``static/vendor`` (see its VENDORED.md), so the service works with no network.

>>> from marsad.serve import ServeConfig, create_app
>>> app = create_app(ServeConfig(db="events.duckdb", token="s3cret"))   # an ASGI app
"""

from __future__ import annotations

from marsad.serve.app import create_app
from marsad.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
