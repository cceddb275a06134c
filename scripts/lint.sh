#!/usr/bin/env bash
# Lint and types (CI runs this before the tests; both read their settings from pyproject.toml):
# ruff over all the project's Python, mypy over the src/marsad package.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/ruff ] && [ -x .venv/bin/mypy ] || bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
