#!/usr/bin/env bash
# Runs every EarthData test project and ends with one line: "N passed, N failed, N skipped".
# Installs what the tests need (GDAL from Debian) on a fresh Debian 12 machine with the .NET 10 SDK.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=tests/lib.sh
. tests/lib.sh
# shellcheck source=tests/services.sh
. tests/services.sh

require_dotnet
ensure_apt_packages gdal-bin libgdal-dev python3-gdal || { echo "error: could not install GDAL from Debian" >&2; exit 1; }
# The web viewer's browser tests drive Debian's Chromium (installed only when missing).
ensure_apt_packages chromium || echo "warning: could not install chromium; the viewer's browser tests will fail" >&2

trap stop_services EXIT
start_services "$root" || { echo "error: could not start the test servers (Azurite, PostgreSQL)" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results="$root/.testresults"
rm -rf "$results"; mkdir -p "$results"
export EARTHDATA_TEST_ARTIFACTS="$results/artifacts"   # e.g. the viewer's screenshots
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> building EarthData.sln"
if ! dotnet build EarthData.sln -c Release -nologo -v q -clp:ErrorsOnly > "$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "==> $name"
  log="$results/$name.log"
  dotnet test "$proj" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" 2>&1 | tee "$log" | grep -E '^\s*(Failed|Skipped) |error|Passed!|Failed!|Total tests' || true
  rc=${PIPESTATUS[0]}
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    p=$(get passed); f=$(get failed); e=$(get error); n=$(get notExecuted)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
  fi
  if [ "$rc" -ne 0 ]; then
    status=1
    # What failed and where, so a CI log alone says which assertion (the whole log is in .testresults).
    grep -E -A 12 '^\s*Error Message:' "$log" | grep -v -E '^\s*at (System|Xunit)\.|End of stack trace' | head -n 80
    # A test host that crashed before writing results still counts as a failure.
    [ -f "$trx" ] || failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
