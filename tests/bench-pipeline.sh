#!/usr/bin/env bash
# Pipeline throughput: the same generated MUX scenes published (a) with the stages called directly in one process
# (`earthdata publish`, the inline scheduler: no job system), (b) by `earthdata serve` with 1 Hangfire worker and
# (c) with 2 workers, each queued by POST /api/scenes. Prints scenes/hour and the job system's overhead (b vs a).
# Both sides log each stage's own work time ("… ran in N s", ScenePipeline); with one worker, wall time less the sum of
# those is the time outside the stages (process start, queueing, Hangfire dispatch, state writes), so the job system's
# cost is measured apart from the stages' run-to-run spread.
# Usage: tests/bench-pipeline.sh [scenes=4] [scale=0.25]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-4}; scale=${2:-0.25}
work=$(mktemp -d /tmp/earthdata-bench-pipeline-XXXX)
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"' EXIT
dotnet build "$root/src/EarthData.Cli" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
ed() { dotnet "$root/src/EarthData.Cli/bin/Release/net10.0/earthdata.dll" "$@"; }
for i in $(seq 1 "$n"); do
  ed samples generate --out "$work/archive" --camera CBERS4-MUX --path 151 --row $((100 + i)) --scale "$scale" --seed "$i" >/dev/null
done
scenes=$(find "$work/archive" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' | sort)
export EarthData__Pipeline__Threads=2 EarthData__Pipeline__DiscoveryCron=never EARTHDATA_API_KEY=bench-key-0123456789abcdef

start=$(date +%s.%N)
for s in $scenes; do
  env "Logging__LogLevel__EarthData.Jobs.Scheduling.ScenePipeline=Information" dotnet "$root/src/EarthData.Cli/bin/Release/net10.0/earthdata.dll" publish "$s" --data "$work/direct" --threads 2 >/dev/null 2>>"$work/direct.log"
done
direct=$(echo "$(date +%s.%N) - $start" | bc)
stage_seconds() { { grep -o 'ran in [0-9.]* s' "$1" || true; } | awk '{ s += $3 } END { printf "%.3f", s }'; }

run_server() { # workers -> seconds
  local data="$work/serve$1" port=$((5600 + $1))
  mkdir -p "$data/drop"; cp -r "$work/archive/." "$data/drop/"
  # exec: $! is the server itself, so the kill below stops it before the next run starts.
  (EarthData__Jobs__Workers=$1 exec dotnet "$root/src/EarthData.Cli/bin/Release/net10.0/earthdata.dll" serve \
    --urls "http://127.0.0.1:$port" --data "$data" >"$data.log" 2>&1) &
  server=$!
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.2; done
  local t0; t0=$(date +%s.%N)
  for s in $scenes; do
    curl -fsS -X POST -H "X-Api-Key: $EARTHDATA_API_KEY" -H 'Content-Type: application/json' \
      -d "{\"source\":\"$(basename "$s")\"}" "http://127.0.0.1:$port/api/scenes" >/dev/null
  done
  until [ "$(curl -fsS "http://127.0.0.1:$port/api/scenes?state=Published&limit=1000" | grep -o '"id"' | wc -l)" -ge "$n" ]; do sleep 0.2; done
  echo "$(date +%s.%N) - $t0" | bc
  kill $server; wait $server 2>/dev/null || true
}
one=$(run_server 1); two=$(run_server 2)
direct_stages=$(stage_seconds "$work/direct.log"); one_stages=$(stage_seconds "$work/serve1.log")
printf 'scenes: %s MUX at scale %s (%s)\n' "$n" "$scale" "$(gdalinfo "$(find "$work/archive" -name '*_BAND5.tif' | head -1)" | grep 'Size is')"
printf 'direct (publish, inline stages): %6.1f s  %7.1f scenes/h\n' "$direct" "$(echo "$n * 3600 / $direct" | bc -l)"
printf 'serve, 1 Hangfire worker:        %6.1f s  %7.1f scenes/h  overhead %+.1f %%\n' "$one" "$(echo "$n * 3600 / $one" | bc -l)" "$(echo "($one - $direct) * 100 / $direct" | bc -l)"
printf 'time outside stage work:         direct %.1f s of %.1f s; serve (1 worker) %.1f s of %.1f s\n' \
  "$(echo "$direct - $direct_stages" | bc -l)" "$direct" "$(echo "$one - $one_stages" | bc -l)" "$one"
printf 'job-system overhead (outside-stage time, serve - direct, per direct wall time): %+.2f %%\n' \
  "$(echo "(($one - $one_stages) - ($direct - $direct_stages)) * 100 / $direct" | bc -l)"
printf 'serve, 2 Hangfire workers:       %6.1f s  %7.1f scenes/h  speed-up %.2fx\n' "$two" "$(echo "$n * 3600 / $two" | bc -l)" "$(echo "$one / $two" | bc -l)"
