"""Build hook: the opt-in compiled build of the coder's hot modules (mypyc).

Everything else about the package is declared in pyproject.toml. A plain install builds
nothing and runs the .py sources. ``MARSAD_COMPILE=1`` compiles the modules below to C
extensions with mypyc, which codes about a fifth faster; ``bash scripts/setup.sh --compiled``
sets it, with mypy (which ships mypyc) installed first into the environment that builds, since
pyproject's build requirements are the same for every install and a plain one should not
download mypy. The compiled install is a snapshot of the sources: rebuild after an edit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "marsad"
MYPY = "mypy==2.4.1"

#: Folders of src/marsad whose every module is compiled (the pipeline's stages).
COMPILED_PACKAGES = ("lang/ar", "annotate", "events")
#: Single modules compiled besides them.
COMPILED_MODULES = ("coder.py", "doc/document.py", "doc/spans.py", "doc/text.py",
                    "resources/lexicon.py")


def compiled_sources() -> list[str]:
    """The compiled modules as paths relative to the project's root (src/marsad/...)."""
    found = [PACKAGE / module for module in COMPILED_MODULES]
    for package in COMPILED_PACKAGES:
        found += sorted((PACKAGE / package).rglob("[a-z]*.py"))
    return [path.relative_to(HERE).as_posix() for path in found]


def _extensions() -> list:
    if os.environ.get("MARSAD_COMPILE") != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.exit(f"MARSAD_COMPILE=1 needs mypyc in the build environment: pip install '{MYPY}' "
                 "setuptools wheel, then pip install --no-build-isolation (or bash "
                 "scripts/setup.sh --compiled, which does both)")
    os.chdir(HERE)      # mypyc writes its C under build/, relative to the working folder
    # --config-file= leaves out pyproject's [tool.mypy]: lint's strictness (scripts/lint.sh)
    # only adds errors, and a lint complaint should fail lint, not the build
    flags = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent"]
    return mypycify([*flags, *compiled_sources()], opt_level="3", group_name="marsad._native_lib")


setup(ext_modules=_extensions())
