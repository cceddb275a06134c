#!/usr/bin/env bash
# Headless Chromium for the dashboard's browser tests (tests/serve/test_browser.py), from the
# distribution's packages: Playwright drives it (executable_path), it never downloads a browser.
#
#   bash scripts/browser.sh install    # apt-get install chromium (when it is missing)
#   bash scripts/browser.sh path       # the browser the tests will use, or exit 1
#
# The tests look for $MARSAD_CHROMIUM, then chromium or chromium-browser on the PATH; they skip
# with a reason where none is found, unless MARSAD_REQUIRE_BROWSER=1 (CI), where they fail.
set -euo pipefail

found() {
    for candidate in "${MARSAD_CHROMIUM:-}" "$(command -v chromium || true)" \
                     "$(command -v chromium-browser || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    return 1
}

case "${1:-}" in
install)
    if found >/dev/null; then exit 0; fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "browser.sh: Chromium is not installed and apt-get cannot run here;" \
             "install the distribution's chromium package" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # chromium-driver too, so that Selenium could drive the same browser
    apt-get install -y -qq chromium chromium-driver >/dev/null
    found >/dev/null || { echo "browser.sh: chromium installed but not found on the PATH" >&2; exit 1; }
    ;;
path)
    found || { echo "browser.sh: no Chromium (bash scripts/browser.sh install)" >&2; exit 1; }
    ;;
*)
    echo "usage: browser.sh install | path" >&2
    exit 2
    ;;
esac
