#!/usr/bin/env bash
# Set-up on a fresh machine: a virtual environment with marsad and its test tools, then the
# main job on the example article that ships with the project.
#
#   bash scripts/setup.sh               # .venv, the pipeline compiled with mypyc (a few minutes):
#                                       # the coder users run; plain Python where it cannot compile
#   bash scripts/setup.sh --dev         # .venv, plain Python, editable: an edit to src/ runs at once
#   bash scripts/setup.sh --compiled    # compiled or fail (no fall-back to plain Python)
#   bash scripts/setup.sh --venv DIR    # any of these into another folder
#
# The compiled install is a regular (not editable) install, so its extensions never sit beside
# the sources; it is a snapshot of src/: run the command again after an edit, or set up with
# --dev while editing (the tests refuse to run on a snapshot older than src/marsad).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
build=auto
while [ $# -gt 0 ]; do
    case "$1" in
        --compiled) build=compiled ;;
        --dev) build=plain ;;
        --venv) venv=${2:?--venv needs a folder}; shift ;;
        *) echo "usage: bash scripts/setup.sh [--dev | --compiled] [--venv DIR]" >&2; exit 2 ;;
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

compile() {
    # pyproject's build requirements hold for every install; mypyc comes in only here
    "$venv/bin/python" -m pip install --quiet 'mypy==2.4.1' 'setuptools>=77' wheel || return 1
    rm -rf build        # a previous build's copies of modules since moved would be packed
    MARSAD_COMPILE=1 "$venv/bin/python" -m pip install --quiet --no-build-isolation '.[test,train]' \
        || return 1
    [ "$("$venv/bin/python" -c 'import marsad; print(marsad.RUNS_AS)')" = compiled ]
}

if [ "$build" != plain ]; then
    echo "compiling the pipeline with mypyc (a few minutes; --dev installs plain Python at once)" >&2
    if compile; then
        build=compiled-done
    elif [ "$build" = compiled ]; then
        echo "the compiled build failed" >&2; exit 1
    else
        echo "the compiled build failed (it needs a C compiler and the Python headers):" \
             "installing plain Python instead, which codes the same records more slowly" >&2
    fi
fi
[ "$build" = compiled-done ] || "$venv/bin/python" -m pip install --quiet -e '.[test,train]'
"$venv/bin/marsad" code examples/turkey-iraq-strikes.ar.txt --date 2025-03-14 --format table
