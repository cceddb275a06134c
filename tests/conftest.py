from __future__ import annotations

from pathlib import Path

import pytest

import marsad

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder() -> marsad.Coder:
    return marsad.Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "design" / "contract.md").is_file():
        pytest.skip(f"../shared is absent ({SHARED}): corpus, eval set and seed live there")
    return SHARED


def codes(entities) -> list[tuple[str, str | None]]:
    return [(e.code, e.sector) for e in entities]
