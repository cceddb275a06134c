"""Whether the coder runs compiled, and the fall-back to the .py sources.

Installing marsad compiles the pipeline's modules to C extensions with mypyc (``setup.py``) and
records the hash of each compiled source in ``_compiled.json``. An extension is only trusted
while its source is unchanged: after an edit without a rebuild, or with ``MARSAD_PURE_PYTHON=1``,
every compiled module is loaded from its .py instead. It is all of them or none, because
compiled modules call each other directly, past any .py that was edited.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent     # the folder holding the marsad package
_STAMP = Path(__file__).resolve().parent / "_compiled.json"


class _SourcesFirst:
    """A meta-path finder: the listed modules are found as their .py files, so that their
    extensions are not loaded."""

    def __init__(self, modules: dict[str, Path]):
        self.modules = modules

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        source = self.modules.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def _source(module: str) -> Path:
    return _ROOT.joinpath(*module.split(".")).with_suffix(".py")


def _built(module: str) -> bool:
    stem = _source(module).with_suffix("")
    return any(Path(f"{stem}{suffix}").exists() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None                         # no source to fall back on: trust the extension


def _choose() -> str:
    """'compiled' or 'python'; in the latter case the extensions are kept from loading."""
    try:
        modules: dict[str, str] = json.loads(_STAMP.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        return "python"                     # installed without compiling
    if not all(_built(m) for m in modules):
        return "python"
    if os.environ.get("MARSAD_PURE_PYTHON") != "1":
        changed = [m for m, digest in modules.items() if _digest(_source(m)) not in (digest, None)]
        if not changed:
            return "compiled"
        warnings.warn(f"marsad: {', '.join(changed)} changed since marsad was compiled; running "
                      "the .py sources (run scripts/setup.sh to compile again)", RuntimeWarning, stacklevel=3)
    sys.meta_path.insert(0, _SourcesFirst({m: _source(m) for m in modules}))
    return "python"


#: How the coder runs in this process: "compiled" (mypyc extensions) or "python".
MODE = _choose()
