#!/usr/bin/env bash
# The test suite (tests that need ../shared skip with a reason where it is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
