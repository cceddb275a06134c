from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import marsad

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PACKAGE = ROOT / "src" / "marsad"


def stale_files(package: Path) -> str:
    """The first files in which an installed copy of marsad (a compiled build's, at
    ``package``) differs from src/marsad, for a message; "" where none does (a compiled install
    is a snapshot of the sources)."""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".so", ".pyc")}

    ours, theirs = files(PACKAGE), files(package)
    stale = sorted(name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name))
    return ", ".join(stale[:5]) + (" …" if len(stale) > 5 else "")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Tests run on a compiled build (the default set-up's) only while it matches the sources:
    after an edit it would test the old code."""
    if marsad.RUNS_AS == "compiled" and (stale := stale_files(Path(marsad.__file__).resolve().parent)):
        pytest.exit(f"this venv's compiled marsad is older than src/marsad ({stale}): rebuild it "
                    "with bash scripts/setup.sh, or set up with --dev to test the sources as "
                    "they are edited", returncode=4)


@pytest.fixture(scope="session")
def stale() -> Callable[[Path], str]:
    return stale_files


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
