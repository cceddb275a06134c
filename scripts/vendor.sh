#!/usr/bin/env bash
# The dashboard's third-party assets, copied from the npm registry at pinned versions into
# src/marsad/serve/static/vendor/ with their licences (listed in VENDORED.md there). The copies
# are committed: marsad serves them itself and never fetches anything at run time. Run this only
# to change a version (then update VENDORED.md and the versions below together).
#
#   bash scripts/vendor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/marsad/serve/static/vendor
packages=(leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2
          uplot@1.6.32 swagger-ui-dist@5.35.0 @fontsource/noto-sans-arabic@5.3.0)
work=$(mktemp -d /tmp/marsad-vendor.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "${packages[@]}" >/dev/null)
m=$work/node_modules
rm -rf "$dest" && mkdir -p "$dest"
copy() {   # copy PACKAGE_DIR TARGET FILE...
    local from=$1 to=$dest/$2; shift 2
    mkdir -p "$to"
    for f in "$@"; do mkdir -p "$to/$(dirname "$f")"; cp "$m/$from/$f" "$to/$f"; done
}
copy leaflet leaflet-1.9.4 LICENSE dist/leaflet.js dist/leaflet.css dist/images/layers.png \
    dist/images/layers-2x.png dist/images/marker-icon.png dist/images/marker-icon-2x.png \
    dist/images/marker-shadow.png
copy leaflet.markercluster leaflet.markercluster-1.5.3 MIT-LICENCE.txt dist/leaflet.markercluster.js \
    dist/MarkerCluster.css dist/MarkerCluster.Default.css
copy topojson-client topojson-client-3.1.0 LICENSE dist/topojson-client.min.js
copy world-atlas world-atlas-2.0.2 LICENSE countries-50m.json
copy uplot uplot-1.6.32 LICENSE dist/uPlot.iife.min.js dist/uPlot.min.css
copy swagger-ui-dist swagger-ui-dist-5.35.0 LICENSE NOTICE swagger-ui-bundle.js swagger-ui.css \
    swagger-ui-bundle.js.LICENSE.txt
font=noto-sans-arabic-5.3.0
copy @fontsource/noto-sans-arabic "$font" LICENSE \
    files/noto-sans-arabic-arabic-400-normal.woff2 files/noto-sans-arabic-arabic-700-normal.woff2 \
    files/noto-sans-arabic-latin-400-normal.woff2 files/noto-sans-arabic-latin-700-normal.woff2
echo "vendored into $dest:"
du -sh "$dest"/*
