#!/usr/bin/env bash
# Set-up on a fresh machine: a virtual environment in .venv with marsad and its test tools,
# then the main job on the example article that ships with the project.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/marsad code examples/turkey-iraq-strikes.ar.txt --date 2025-03-14 --format table
