#!/usr/bin/env bash
# Set-up on a fresh machine: a virtual environment with marsad and its test tools, then the
# main job on the example article that ships with the project.
#
#   bash scripts/setup.sh                        # .venv, plain Python, editable: edits run at once
#   bash scripts/setup.sh --compiled             # the pipeline compiled with mypyc (about 70 s more)
#   bash scripts/setup.sh --compiled --venv DIR  # the same into another folder (CI: .venv-compiled)
#
# The compiled install is a regular (not editable) install, so its extensions never sit beside
# the sources that another venv runs; it is a snapshot of src/: run the command again after an
# edit (tests/test_compiled.py says when it is stale).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
compiled=0
while [ $# -gt 0 ]; do
    case "$1" in
        --compiled) compiled=1 ;;
        --venv) venv=${2:?--venv needs a folder}; shift ;;
        *) echo "usage: bash scripts/setup.sh [--compiled] [--venv DIR]" >&2; exit 2 ;;
    esac
    shift
done
# Extensions beside the sources (an older marsad always compiled into its editable install)
# would shadow the .py files.
if [ -n "$(find src/marsad -name '*.so' -print -quit)" ]; then
    echo "removing compiled extensions left in src/marsad by an earlier install" >&2
    find src/marsad -name '*.so' -delete
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
if [ "$compiled" = 1 ]; then
    # pyproject's build requirements hold for every install; mypyc comes in only here
    "$venv/bin/python" -m pip install --quiet 'mypy==2.4.1' 'setuptools>=77' wheel
    rm -rf build        # a previous build's copies of modules since moved would be packed
    MARSAD_COMPILE=1 "$venv/bin/python" -m pip install --quiet --no-build-isolation '.[test,train]'
    runs_as=$("$venv/bin/python" -c 'import marsad; print(marsad.RUNS_AS)')
    [ "$runs_as" = compiled ] || { echo "the compiled build runs as $runs_as" >&2; exit 1; }
else
    "$venv/bin/python" -m pip install --quiet -e '.[test,train]'
fi
"$venv/bin/marsad" code examples/turkey-iraq-strikes.ar.txt --date 2025-03-14 --format table
