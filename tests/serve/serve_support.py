"""What the serve tests share, in a module of its own name: ``from conftest import`` would
find whichever test folder's conftest was imported first."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles.jsonl"
TOKEN = "test-token-3f9c"


def make_client(db: str, token: str | None = None, **limits: float):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from marsad.serve import ServeConfig, create_app

    return TestClient(create_app(ServeConfig(db=db, token=token, **limits)))  # type: ignore[arg-type]
