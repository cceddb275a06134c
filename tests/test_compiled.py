"""The compiled build (what ``scripts/setup.sh`` installs) codes exactly as the .py sources do.

A compiled build is this interpreter's own marsad, when the venv that runs the tests was set up
compiled (the default), else the venv ``.venv-compiled`` beside the sources (``bash
scripts/setup.sh --compiled --venv .venv-compiled`` beside a ``--dev`` venv).
Without one the test skips with a reason; ``MARSAD_REQUIRE_COMPILED=1`` (CI) makes that a
failure. A compiled build is a snapshot of src/marsad: one that no longer matches the sources
is reported as stale rather than compared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import marsad

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "marsad"
SHARED = ROOT.parent / "shared"
COMPILED_VENV = ROOT / ".venv-compiled"
REBUILD = "bash scripts/setup.sh --compiled --venv .venv-compiled"
ARTICLES_PER_FILE = 400

# Codes each file given (up to ARTICLES_PER_FILE articles of it); prints how marsad runs,
# where it was imported from, then one JSON record per line.
_CHILD = """
import json, os, sys
from itertools import islice
import marsad
from marsad.reading.sources import read_articles
coder = marsad.Coder()
print(marsad.RUNS_AS)
print(os.path.dirname(os.path.abspath(marsad.__file__)))
for path in sys.argv[2:]:
    for article in islice(read_articles([path], lambda issue: None), int(sys.argv[1])):
        for event in coder.code(article):
            print(json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True))
"""


def _missing(why: str) -> None:
    if os.environ.get("MARSAD_REQUIRE_COMPILED") == "1":
        pytest.fail(f"MARSAD_REQUIRE_COMPILED=1 but {why}")
    pytest.skip(why)


def _compiled_python() -> str:
    if marsad.RUNS_AS == "compiled":
        return sys.executable
    python = COMPILED_VENV / "bin" / "python"
    if not python.exists():
        _missing(f"no compiled build (this venv runs the .py sources; {REBUILD} makes one)")
    return str(python)


def _articles() -> list[str]:
    paths = _examples()
    if (SHARED / "eval").is_dir():   # more of the coder's paths, where ../shared is present
        paths += sorted(str(p) for p in (SHARED / "eval").glob("*.dev.jsonl"))
        paths += sorted(str(p) for p in (SHARED / "seed").glob("*.txt"))
        paths += sorted(str(p) for p in (SHARED / "corpus" / "saudinewsnet").glob("*.zip"))[:1]
    return paths


def _examples() -> list[str]:
    return sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))


def _code(python: str, cache: Path, paths: list[str], *,
          sources: bool = False) -> tuple[str, Path, list[str]]:
    """How marsad ran, the package it ran from, and the records: the compiled build's
    interpreter as it is, or (``sources``) this one with src/ first on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MARSAD_CACHE_DIR"] = str(cache)
    if sources:
        env["PYTHONPATH"] = str(PACKAGE.parent)
    result = subprocess.run([python, "-c", _CHILD, str(ARTICLES_PER_FILE), *paths], env=env,
                            cwd=cache.parent, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    runs_as, package, *records = result.stdout.splitlines()
    return runs_as, Path(package), records


def _check_fresh(package: Path, stale_files: Callable[[Path], str]) -> None:
    """A compiled build whose copy of src/marsad differs from it is not compared: stale (this
    venv's own build never is: the session does not start on it, ``conftest.py``)."""
    if stale := stale_files(package):
        _missing(f"the compiled build in {package} is older than src/marsad ({stale}): rebuild "
                 f"it with {REBUILD}")


def _cache_file(cache: Path) -> tuple[int, int]:
    """The one cache file's inode and size: a rewrite replaces the file (a new inode); a read
    only marks it used (its mtime, which the cache's pruning reads)."""
    [pickle] = cache.glob("resources-*.pickle")
    stat = pickle.stat()
    return stat.st_ino, stat.st_size


def test_the_compiled_build_codes_the_same_records_as_the_sources(tmp_path, stale):
    compiled = _compiled_python()
    cache = tmp_path / "cache"
    runs_as, package, from_compiled = _code(compiled, cache, _articles())
    assert runs_as == "compiled"
    _check_fresh(package, stale)
    written = _cache_file(cache)
    runs_as, package, from_sources = _code(sys.executable, cache, _articles(), sources=True)
    assert (runs_as, package) == ("python", PACKAGE)
    # one resource cache serves both builds: the sources loaded what the compiled build pickled
    assert _cache_file(cache) == written
    assert len(from_compiled) > 10 and all(json.loads(r)["event_type"] for r in from_compiled)
    assert from_sources == from_compiled


def test_the_compiled_build_loads_the_resource_cache_the_sources_wrote(tmp_path, stale):
    compiled = _compiled_python()
    cache = tmp_path / "cache"
    runs_as, _, from_sources = _code(sys.executable, cache, _examples(), sources=True)
    written = _cache_file(cache)
    runs_as, package, from_compiled = _code(compiled, cache, _examples())
    _check_fresh(package, stale)
    assert runs_as == "compiled" and _cache_file(cache) == written
    assert from_sources and from_compiled == from_sources
