#!/usr/bin/env bash
# Tile serving benchmark on loopback, in one run: wrk (64 connections) against nginx serving the published tile files
# from disk and against EarthData's /tiles route serving the same tiles, then dynamic tiles (rendered from the COG at
# the native zoom: true colour, and NDVI with a colour map). Installs nginx and wrk from Debian when missing.
#   tests/bench-tiles.sh [--scale 0.5] [--seconds 15] [--tiles 400]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=tests/lib.sh
. tests/lib.sh
scale=0.5; seconds=15; count=400
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --tiles) count=$2; shift 2 ;;
    *) echo "usage: $0 [--scale S] [--seconds N] [--tiles N]" >&2; exit 2 ;;
  esac
done

require_dotnet
ensure_apt_packages gdal-bin libgdal-dev nginx wrk curl
work=$(mktemp -d /tmp/earthdata-bench-XXXXXX)
bin="$root/.tools/earthdata"
dotnet publish src/EarthData.Cli -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly
earthdata() { "$bin/earthdata" "$@"; }
server=""; nginx_pid=""
stop() { # pid: TERM, then KILL after 5 s
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 25); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  stop "$server"; stop "$nginx_pid"
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> a CBERS-4 MUX scene at scale $scale, published"
earthdata samples generate --out "$work/archive" --camera CBERS4-MUX --date 2024-03-10 --path 151 --row 121 --scale "$scale" --seed 7 >/dev/null
scene=$(find "$work/archive" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' | head -n 1)
earthdata publish "$scene" --data "$work/data" --public-url http://127.0.0.1:5191/objects >/dev/null
objects="$work/data/objects"
chmod -R a+rX "$work"   # nginx's workers run as an unprivileged user

port_ed=5191; port_nginx=5192
for port in $port_ed $port_nginx; do
  if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "error: port $port is in use (an earlier run still serving?)" >&2; exit 1; fi
done
"$bin/earthdata" serve --urls "http://127.0.0.1:$port_ed" --data "$work/data" > "$work/server.log" 2>&1 &   # not the shell function: $! must be the server
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port_ed/health" >/dev/null 2>&1 && break; sleep 0.2; done

mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { image/png png; }
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$port_nginx; root $objects; etag on; add_header Cache-Control "public, max-age=604800, immutable"; }
}
CONF
nginx -c "$work/nginx/nginx.conf" &
nginx_pid=$!
sleep 1

# The same random tiles (native zoom and above) for both servers: the object keys are the route's paths.
(cd "$objects" && find tiles -name '*.png' | shuf -n "$count" --random-source=<(yes)) > "$work/tiles.txt"
native=$(awk -F/ '{print $5}' "$work/tiles.txt" | sort -n | tail -n 1)
grep "/true-color/$native/" "$work/tiles.txt" | head -n 200 > "$work/native.txt"
for base in "http://127.0.0.1:$port_nginx" "http://127.0.0.1:$port_ed"; do
  status=$(curl -s -o "$work/probe.out" -w '%{http_code}' "$base/$(head -n 1 "$work/tiles.txt")")
  [ "$status" = 200 ] || { echo "error: $base/$(head -n 1 "$work/tiles.txt") answered $status: $(head -c 400 "$work/probe.out")" >&2; exit 1; }
done
cat > "$work/paths.lua" <<'LUA'
local paths = {}
local suffix = os.getenv("SUFFIX") or ""
for line in io.lines(os.getenv("TILES")) do paths[#paths + 1] = "/" .. line .. suffix end
math.randomseed(7)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA

run() { # id label url tiles suffix [connections=64]
  local out="$work/$1.txt" rps p99 non2xx
  TILES="$4" SUFFIX="$5" wrk -t2 -c"${6:-64}" -d"${seconds}s" --latency -s "$work/paths.lua" "$3" > "$out"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out"); non2xx=${non2xx:-0}
  printf '%-30s %10s req/s   p99 %8s   non-2xx %s\n' "$2" "$rps" "$p99" "$non2xx"
  [ "$non2xx" = "0" ] || { echo "error: $2 answered $non2xx requests with errors" >&2; exit 1; }
  echo "$rps" > "$work/$1.rps"
}

# A server runs for days: warm EarthData's JIT (tiered compilation settles after ~20 s of load) before timing it, as
# nginx needs no warming. The warm-up's figures are not reported.
echo "==> warming EarthData up: 20 s of the same load, not counted"
TILES="$work/tiles.txt" wrk -t2 -c64 -d20s -s "$work/paths.lua" "http://127.0.0.1:$port_ed" > /dev/null
TILES="$work/native.txt" SUFFIX="?resampling=nearest" wrk -t2 -c64 -d5s -s "$work/paths.lua" "http://127.0.0.1:$port_ed" > /dev/null
echo "==> wrk -t2 -c64 -d${seconds}s, $(wc -l < "$work/tiles.txt") random pre-rendered tiles"
for round in 1 2; do
  run "nginx-$round" "nginx (round $round)" "http://127.0.0.1:$port_nginx" "$work/tiles.txt" ""
  run "earthdata-$round" "EarthData /tiles (round $round)" "http://127.0.0.1:$port_ed" "$work/tiles.txt" ""
done
echo "==> dynamic tiles at the native zoom z$native ($(wc -l < "$work/native.txt") tiles, rendered per request)"
run dynamic-rgb "dynamic true colour" "http://127.0.0.1:$port_ed" "$work/native.txt" "?resampling=nearest"
run dynamic-ndvi "dynamic NDVI + colormap" "http://127.0.0.1:$port_ed" "$work/native.txt" "?expression=(b4-b3)/(b4%2Bb3)&colormap=ndvi"
# 64 connections queue behind two cores (Little's law: 64 in flight at 800 tiles/s wait 80 ms on average), so the
# latency of a render is measured again with 8 connections, a load near the 400 tiles/s the target names.
run dynamic-rgb-8 "dynamic true colour, 8 conns" "http://127.0.0.1:$port_ed" "$work/native.txt" "?resampling=nearest" 8
for round in 1 2; do
  awk -v a="$(cat "$work/earthdata-$round.rps")" -v b="$(cat "$work/nginx-$round.rps")" \
    -v r="$round" 'BEGIN { printf "round %s: EarthData / nginx = %.2fx\n", r, a / b }'
done
