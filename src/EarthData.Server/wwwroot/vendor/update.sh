#!/usr/bin/env bash
# Re-vendors the web viewer's third-party files from npm (run by hand when upgrading; the files are committed so the
# server works offline and the build needs no network). Versions are pinned here and in THIRD-PARTY-NOTICES.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts maplibre-gl@5.24.1 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null
cp node_modules/maplibre-gl/dist/maplibre-gl.js node_modules/maplibre-gl/dist/maplibre-gl.css "$here/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$here/"
cp node_modules/world-atlas/countries-50m.json "$here/"
echo "vendored into $here"
