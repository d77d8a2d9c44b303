#!/usr/bin/env bash
# Scene → published, one generated full-size scene, both sides timed in one run under GNU time:
#   EarthData: `earthdata publish` (master COG + true/false-colour pyramids + thumbnail + STAC item, filesystem store;
#              index COGs off, EarthData__Pipeline__IndexAssets=none, since the chain makes none)
#   GDAL chain: gdalbuildvrt -separate → gdalwarp -of COG (GoogleMapsCompatible at our native zoom, our compression; not
#              our ALIGNED_LEVELS padding, which would make gdal2tiles write every empty tile of the padded extent) →
#              gdal2tiles.py per layer (a band-subset VRT; AWFI's Int16 byte-scaled as gdal2tiles needs), same zooms.
# Usage: tests/bench-publish.sh [camera=CBERS4-MUX|CBERS4-AWFI] [runs=1] [threads=2]
# SCENE=<scene folder> reuses a generated scene; KEEP=1 keeps the scratch folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
camera=${1:-CBERS4-MUX}; runs=${2:-1}; threads=${3:-2}
work=$(mktemp -d /tmp/earthdata-bench-publish-XXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
dotnet build "$root/src/EarthData.Cli" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
ed() { dotnet "$root/src/EarthData.Cli/bin/Release/net10.0/earthdata.dll" "$@"; }
scene=${SCENE:-}
if [ -z "$scene" ]; then
  ed samples generate --out "$work/archive" --camera "$camera" --scale 1 >/dev/null
  scene=$(find "$work/archive" -mindepth 5 -maxdepth 5 -type d -name 'CBERS_*' -print -quit)
fi
mapfile -t bands < <(find "$scene" -name '*_BAND*.tif' | sort -V)
export EarthData__Pipeline__Threads=$threads EarthData__Pipeline__IndexAssets=none

timed() { # label logfile command... -> appends "label wall cpu rssKiB" to $work/times
  local label=$1 log=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >"$log" 2>&1
  read -r wall user sys rss <"$work/t"
  echo "$label $wall $(echo "$user + $sys" | bc) $rss" >>"$work/times"
}

: >"$work/times"
for run in $(seq 1 "$runs"); do
  # Each run writes into folders of its own, deleted only at the end: ext4 without a journal (this machine's root) scans
  # past recently deleted inodes on every file it creates, so deleting the last run's ~6,600 tiles right before a run
  # taxes whichever side writes first (up to 15 % of its CPU in find_inode_bit / recently_deleted).
  data="$work/run$run/data"; chaindir="$work/run$run/chain"; mkdir -p "$chaindir"
  timed "publish" "$work/publish.log" dotnet "$root/src/EarthData.Cli/bin/Release/net10.0/earthdata.dll" publish "$scene" --data "$data" --threads "$threads"
  cog=$(find "$data/objects" -name '*.tif' -size +1M -print -quit)
  tiles=$(find "$data/objects" -type d -name true-color -print -quit)
  zooms=$(find "$tiles" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -n)
  zmin=$(echo "$zooms" | awk 'NR == 1'); zmax=$(echo "$zooms" | awk 'END { print }')
  zoom=$(gdalinfo -mdd TILING_SCHEME "$cog" | sed -n 's/ *ZOOM_LEVEL=//p')
  type=$(gdalinfo "$cog" | awk -F'Type=' 'NF > 1 && !t { split($2, a, ","); t = a[1] } END { print t }')

  timed "chain: gdalbuildvrt -separate" "$work/c1.log" gdalbuildvrt -q -separate "$chaindir/stack.vrt" "${bands[@]}"
  timed "chain: gdalwarp -of COG" "$work/c2.log" gdalwarp -q -of COG -t_srs EPSG:3857 -r bilinear -multi -wo "NUM_THREADS=$threads" \
    -co TILING_SCHEME=GoogleMapsCompatible -co "ZOOM_LEVEL=$zoom" \
    -co SPARSE_OK=TRUE -co COMPRESS=ZSTD -co LEVEL=1 -co PREDICTOR=YES -co RESAMPLING=AVERAGE -co BIGTIFF=IF_SAFER \
    -co "NUM_THREADS=$threads" "$chaindir/stack.vrt" "$chaindir/cog.tif"
  scale=(); [ "$type" = Byte ] || scale=(-ot Byte -scale 0 1023 0 255)
  for layer in "true-color 3 2 1" "false-color 4 3 2"; do
    set -- $layer
    timed "chain: gdal_translate $1 VRT" "$work/c3.log" gdal_translate -q -of VRT -b "$2" -b "$3" -b "$4" "${scale[@]}" "$chaindir/cog.tif" "$chaindir/$1.vrt"
    timed "chain: gdal2tiles.py $1" "$work/c4.log" /usr/bin/python3 /usr/bin/gdal2tiles.py --xyz -r average -z "$zmin-$zmax" \
      --processes "$threads" -w none -q "$chaindir/$1.vrt" "$chaindir/$1"
  done
  ours=$(grep '^publish ' "$work/times" | tail -1)
  chain=$(grep '^chain: ' "$work/times" | tail -6)
  cwall=$(echo "$chain" | awk '{print $(NF-2)}' | paste -sd+ | bc)
  ccpu=$(echo "$chain" | awk '{print $(NF-1)}' | paste -sd+ | bc)
  crss=$(echo "$chain" | awk '{print $NF}' | sort -n | tail -1)
  read -r _ owall ocpu orss <<<"$ours"
  printf 'run %s: %s full scene (%s), z%s-%s, %s threads, load %s\n' "$run" "$camera" "$(gdalinfo "${bands[0]}" | grep 'Size is')" "$zmin" "$zmax" "$threads" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$chain" | awk '{printf "  %-40s %8.1f s wall %8.1f s CPU %7.0f MiB\n", substr($0, 1, index($0, $(NF-2)) - 2), $(NF-2), $(NF-1), $NF / 1024}'
  printf '  %-40s %8.1f s wall %8.1f s CPU %7.0f MiB\n' "GDAL chain, total" "$cwall" "$ccpu" "$(echo "$crss / 1024" | bc)"
  printf '  %-40s %8.1f s wall %8.1f s CPU %7.0f MiB\n' "earthdata publish" "$owall" "$ocpu" "$(echo "$orss / 1024" | bc)"
  printf '  ratio: %.2fx faster (wall), %.2fx less CPU; tiles: chain %s, ours %s\n' "$(echo "$cwall / $owall" | bc -l)" "$(echo "$ccpu / $ocpu" | bc -l)" \
    "$(find "$chaindir" -name '*.png' | wc -l)" "$(find "$data/objects" -path '*-color/*' -type f | wc -l)"
done
