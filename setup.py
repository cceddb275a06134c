"""Build hook: the coder's hot modules are compiled to C extensions with mypyc.

Everything else about the package is declared in pyproject.toml. The modules below are the
pipeline (text, annotate, events) and the lexicon matcher: plain, typed Python that mypyc turns
into C, which codes about a fifth faster than the interpreter does. The .py files stay the
source of truth: ``_compiled.json`` records the hash of each compiled source, and ``marsad``
loads the .py instead of the extension when a source has changed since the build (see
``marsad/_native.py``). ``MARSAD_PURE_PYTHON=1`` at install time builds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
COMPILED = [
    "marsad/coder.py",
    "marsad/doc/document.py",
    "marsad/doc/spans.py",
    "marsad/doc/text.py",
    "marsad/resources/lexicon.py",
    *(f"marsad/{package}/{path.name}" for package in ("lang/ar", "annotate", "events")
      for path in sorted((SRC / "marsad" / package).glob("[a-z]*.py"))),
]
STAMP = SRC / "marsad" / "_compiled.json"


def _extensions() -> list:
    if os.environ.get("MARSAD_PURE_PYTHON") == "1":
        STAMP.unlink(missing_ok=True)
        return []
    from mypyc.build import mypycify

    os.chdir(HERE)      # pip runs this from the project's root; mypyc writes C under build/
    extensions = mypycify(["--ignore-missing-imports", "--follow-imports=silent", *(f"src/{path}" for path in COMPILED)],
                          opt_level="3", group_name="marsad._native_lib")
    modules = {path[:-3].replace("/", "."): hashlib.sha1((SRC / path).read_bytes()).hexdigest()
               for path in COMPILED}
    STAMP.write_text(json.dumps({"modules": modules}, indent=1) + "\n", encoding="utf-8")
    return extensions


setup(ext_modules=_extensions())
