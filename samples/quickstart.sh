#!/usr/bin/env bash
# EarthData quick start: installs what it needs, builds the CLI, generates sample CBERS scenes
# in the public archive layout and inspects them. Data goes to ${EARTHDATA_DATA:-./data}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=tests/lib.sh
. tests/lib.sh

require_dotnet
ensure_apt_packages gdal-bin libgdal-dev

data=${EARTHDATA_DATA:-$root/data}
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

echo "==> inspecting every generated scene"
find "$archive" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' | sort | while read -r scene; do
  earthdata scene inspect "$scene" | head -n 6
  echo "   ..."
done
echo "==> done: scenes under $archive"
