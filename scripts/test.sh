#!/usr/bin/env bash
# The test suite (tests that need ../shared skip with a reason where it is absent).
# Where PostgreSQL's server binaries are installed, a throwaway server is started on loopback
# for the store's tests and stopped afterwards; without them those tests skip with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
if [ -z "${MARSAD_TEST_POSTGRES:-}" ] && pg_env=$(bash scripts/postgres.sh start); then
    eval "$pg_env"
    trap 'bash scripts/postgres.sh stop "$MARSAD_TEST_POSTGRES_DIR"' EXIT
fi
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
