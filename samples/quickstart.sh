#!/usr/bin/env bash
# EarthData quick start, on the embedded defaults (SQLite catalogue, filesystem object store under the data directory):
#   1. installs GDAL if needed and builds the earthdata CLI;
#   2. generates sample CBERS scenes in the public archive layout (CBERS-4 MUX, CBERS-4A WFI, a flood before/after pair);
#   3. publishes each one end to end: COG in EPSG:3857 -> true/false-colour XYZ pyramids -> object store -> STAC item;
#   4. starts the server and queries its STAC API, then keeps serving until Ctrl+C
#      (EARTHDATA_QUICKSTART_EXIT=1 stops after the checks, for scripts).
# Data goes to ${EARTHDATA_DATA:-./data}; the server listens on ${EARTHDATA_URL:-http://127.0.0.1:5080}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=tests/lib.sh
. tests/lib.sh

require_dotnet
ensure_apt_packages gdal-bin libgdal-dev curl

data=${EARTHDATA_DATA:-$root/data}
url=${EARTHDATA_URL:-http://127.0.0.1:5080}
mkdir -p "$data"
bin="$root/.tools/earthdata"
echo "==> building the earthdata CLI"
dotnet publish src/EarthData.Cli -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly
earthdata() { "$bin/earthdata" "$@"; }

archive="$data/archive"
echo "==> generating sample scenes into $archive"
earthdata samples generate --out "$archive" --camera CBERS4-MUX --date 2024-03-10 --path 151 --row 121 --scale 0.1 --seed 7
earthdata samples generate --out "$archive" --camera CBERS4A-WFI --date 2024-03-12 --path 214 --row 140 --scale 0.05 --seed 11
earthdata samples generate --out "$archive" --camera CBERS4-MUX --date 2024-04-05 --path 152 --row 122 --scale 0.1 --seed 21 --scenario flood

echo "==> publishing every scene (COG -> tiles -> object store -> STAC)"
find "$archive" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' | sort | while read -r scene; do
  earthdata publish "$scene" --data "$data" --public-url "$url"
done

echo "==> starting the server on $url"
earthdata serve --urls "$url" --data "$data" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$url/health" >/dev/null || { cat "$data/server.log"; echo "error: the server did not start" >&2; exit 1; }

matched=$(curl -fsS "$url/stac/search?limit=1" | grep -o '"numberMatched":[0-9]*' | cut -d: -f2)
echo "==> the STAC API finds $matched published scenes"
[ "${matched:-0}" -ge 4 ] || { echo "error: expected 4 published scenes, found ${matched:-none}" >&2; exit 1; }

cat <<INFO
EarthData is serving:
  STAC API         $url/stac          (search: $url/stac/search?collections=CBERS4-MUX)
  objects          $url/objects/stac/catalog.json  (static STAC catalogue, COGs, tiles)
  health           $url/health
INFO
if [ "${EARTHDATA_QUICKSTART_EXIT:-0}" = "1" ]; then exit 0; fi
echo "Ctrl+C to stop."
wait "$server"
