#!/usr/bin/env bash
# EarthData quick start, on the embedded defaults (SQLite catalogue, filesystem object store, in-process workers
# with in-memory job storage, all under the data directory):
#   1. installs GDAL if needed and builds the earthdata CLI;
#   2. generates sample CBERS scenes in the public archive layout into the drop folder {data}/drop
#      (CBERS-4 MUX, CBERS-4A WFI, a flood before/after pair);
#   3. starts `earthdata serve`: its recurring discovery job finds the scenes in the drop folder and queues them, and
#      its workers run ingest -> process (COG) -> tile (XYZ) -> publish (STAC) for each - no publish calls here;
#   4. waits until the STAC API lists them, prints the URLs, then keeps serving until Ctrl+C
#      (EARTHDATA_QUICKSTART_EXIT=1 stops after the checks, for scripts).
# Discovery runs every minute here (EarthData__Pipeline__DiscoveryCron; the default is every 10 minutes).
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

drop="$data/drop"
echo "==> generating sample scenes into the drop folder $drop"
earthdata samples generate --out "$drop" --camera CBERS4-MUX --date 2024-03-10 --path 151 --row 121 --scale 0.1 --seed 7
earthdata samples generate --out "$drop" --camera CBERS4A-WFI --date 2024-03-12 --path 214 --row 140 --scale 0.05 --seed 11
earthdata samples generate --out "$drop" --camera CBERS4-MUX --date 2024-04-05 --path 152 --row 122 --scale 0.1 --seed 21 --scenario flood
expected=$(find "$drop" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' | wc -l)

echo "==> starting the server on $url (workers and scene discovery inside)"
EarthData__Pipeline__DiscoveryCron=${EarthData__Pipeline__DiscoveryCron:-'* * * * *'} \
  "$bin/earthdata" serve --urls "$url" --data "$data" > "$data/server.log" 2>&1 &   # not the shell function: $! must be the server, so the EXIT trap stops it
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$url/health" >/dev/null || { cat "$data/server.log"; echo "error: the server did not start" >&2; exit 1; }

echo "==> waiting for discovery to queue the $expected scenes and the workers to publish them"
matched=0
for _ in $(seq 1 300); do
  matched=$(curl -fsS "$url/stac/search?limit=1" | grep -o '"numberMatched":[0-9]*' | cut -d: -f2)
  [ "${matched:-0}" -ge "$expected" ] && break
  sleep 1
done
curl -fsS "$url/api/scenes" | grep -o '"id":"[^"]*","state":"[^"]*"' | sed 's/"id":"\([^"]*\)","state":"\([^"]*\)"/    \1  \2/'
echo "==> the STAC API finds ${matched:-0} published scenes"
[ "${matched:-0}" -ge "$expected" ] || { tail -20 "$data/server.log"; echo "error: expected $expected published scenes, found ${matched:-none}" >&2; exit 1; }

cat <<INFO
EarthData is serving:
  web viewer       $url/                 (search, scenes, layers; English / 中文 / Português)
  map tiles        $url/tiles/WMTSCapabilities.xml  (WMTS; per item: /tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.png, tilejson.json)
  alerts           $url/api/alerts    (CAP: /api/alerts/{id}/cap, Atom: $url/feeds/alerts.atom; subscriptions need the key)
  STAC API         $url/stac          (search: $url/stac/search?collections=CBERS4-MUX)
  scenes API       $url/api/scenes    (POST needs the API key in $data/api-key: -H "X-Api-Key: \$(cat $data/api-key)")
  OpenAPI          $url/openapi/v1.json   (browse: $url/openapi/ui)
  job dashboard    $url/hangfire?key=\$(cat $data/api-key)
  objects          $url/objects/stac/catalog.json  (static STAC catalogue, COGs, tiles)
  health           $url/health (readiness: $url/health/ready)
  drop folder      $drop   (new scenes dropped here are published by the next discovery round)
INFO
if [ "${EARTHDATA_QUICKSTART_EXIT:-0}" = "1" ]; then exit 0; fi
echo "Ctrl+C to stop."
wait "$server"
