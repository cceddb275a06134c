"""``marsad serve``: the web API and the dashboard over a store (``marsad.serve``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from marsad.cli.arguments import at_least
from marsad.store.backends import DEFAULT_DB

SERVE_EXAMPLES = """examples:
  marsad serve --db events.duckdb                     the dashboard at http://127.0.0.1:8000/
  MARSAD_TOKEN=s3cret marsad serve --db events.duckdb  also POST /v1/code and /v1/ingest
  marsad serve --db postgresql://me@host/news --port 8080
"""


def add_serve_parser(sub: Any) -> None:
    serve = sub.add_parser("serve", help="the web API and the dashboard over a store",
                           epilog=SERVE_EXAMPLES,
                           description="Serve the store: the API under /v1 (described at "
                                       "/openapi.json and /docs) and the dashboard at /. "
                                       "Everything the pages load comes from marsad itself.")
    add = serve.add_argument
    add("--db", default=os.environ.get("MARSAD_DB", DEFAULT_DB),
        help=f"DuckDB file or postgresql:// URL (default: $MARSAD_DB, else {DEFAULT_DB})")
    add("--host", default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)")
    add("--port", type=at_least(0), default=8000, help="port (default 8000)")
    add("--token", default=os.environ.get("MARSAD_TOKEN"),
        help="the token POST /v1/code and /v1/ingest require (default: $MARSAD_TOKEN); "
             "without one they are off and a DuckDB store is opened read-only")
    add("--max-body-bytes", type=at_least(1), default=None, metavar="N",
        help="largest request body the writing endpoints read (default: 2,000,000)")
    add("--max-articles", type=at_least(1), default=None, metavar="N",
        help="most articles one POST /v1/ingest takes (default: 200)")
    add("--lexicon", action="append", default=[], metavar="FILE",
        help="an extra actor (.tsv) or event (.yaml) lexicon for the writing endpoints")
    add("--cache-seconds", type=at_least(0), default=30, metavar="S",
        help="how long an answer of the read API is reused for the same request (default 30; "
             "0: never; POST /v1/ingest empties it)")
    add("--quiet", action="store_true", help="no log line per request")


def run_serve(args: argparse.Namespace) -> int:
    """Serve until stopped (Ctrl-C); a store that cannot be opened is a usage error."""
    import uvicorn

    from marsad.serve import ServeConfig, create_app
    from marsad.serve.config import DEFAULT_MAX_ARTICLES, DEFAULT_MAX_BODY_BYTES
    from marsad.store.backends import is_postgres_url

    if not args.token and not is_postgres_url(args.db) and not Path(args.db).exists():
        raise ValueError(f"no store at {args.db}: `marsad ingest PATH --db {args.db}` makes "
                         "one (or give --token to serve an empty store that POST /v1/ingest "
                         "fills)")
    config = ServeConfig(db=args.db, token=args.token or None,
                         max_body_bytes=args.max_body_bytes or DEFAULT_MAX_BODY_BYTES,
                         max_articles=args.max_articles or DEFAULT_MAX_ARTICLES,
                         lexicons=tuple(args.lexicon), cache_seconds=args.cache_seconds)
    app = create_app(config)
    where = f"http://{args.host}:{args.port}/"
    print(f"marsad: serving {args.db} at {where} (API: {where}docs; writing "
          f"{'on' if config.writable else 'off'})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                access_log=not args.quiet)
    return 0
