# Starts and stops the real servers the integration tests use: Azurite (Azure Blob) and a private
# PostgreSQL 15 cluster, both on 127.0.0.1. Source it after tests/lib.sh; call start_services, and
# stop_services from an EXIT trap so they stop pass or fail.
#
# Exports for the tests:
#   EARTHDATA_TEST_AZURE_BLOB   connection string of Azurite's blob endpoint
#   EARTHDATA_TEST_POSTGRES     Npgsql connection string of a scratch database
#   EARTHDATA_TEST_TOOLS        folder of npm tools (node_modules/.bin: azurite, stac-node-validator)

services_dir=""
azurite_pid=""
pg_data=""
pg_bin=""

# The first free TCP port on 127.0.0.1 at or after $1.
free_port() {
  local port=$1
  while (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

wait_for_port() {
  local port=$1 name=$2 i
  for i in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "error: $name did not start on port $port" >&2
  return 1
}

install_node_tools() {
  local tools="$1"
  if [ ! -x "$tools/node_modules/.bin/azurite-blob" ] || [ ! -x "$tools/node_modules/.bin/stac-node-validator" ]; then
    echo "==> installing npm tools (azurite, stac-node-validator) into $tools"
    mkdir -p "$tools"
    npm install --silent --no-audit --no-fund --prefix "$tools" azurite@3.37.0 stac-node-validator@2.0.0 >/dev/null
  fi
}

start_azurite() {
  local port
  port=$(free_port 10000)
  "$EARTHDATA_TEST_TOOLS/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" \
    --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent \
    >"$services_dir/azurite.log" 2>&1 &
  azurite_pid=$!
  wait_for_port "$port" Azurite || return 1
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export EARTHDATA_TEST_AZURE_BLOB="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
  echo "==> Azurite on 127.0.0.1:$port"
}

# PostgreSQL refuses to run as root: as root the cluster belongs to the 'postgres' system user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pg_bin" ] || { echo "error: PostgreSQL binaries not found" >&2; return 1; }
  local port
  port=$(free_port 55432)
  pg_data="$services_dir/pg"
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg_data" && chmod 700 "$pg_data"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U earthdata --auth=trust -E UTF8 >"$services_dir/initdb.log" 2>&1 \
    || { cat "$services_dir/initdb.log" >&2; return 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
    -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$pg_data/server.log" >&2; return 1; }
  as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U earthdata earthdata_test
  export EARTHDATA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=earthdata;Database=earthdata_test;Pooling=true"
  echo "==> PostgreSQL on 127.0.0.1:$port"
}

start_services() {
  local root=$1
  ensure_apt_packages postgresql || return 1
  command -v npm >/dev/null 2>&1 || ensure_apt_packages nodejs npm || return 1
  services_dir=$(mktemp -d /tmp/earthdata-services.XXXXXX)
  chmod 755 "$services_dir"
  export EARTHDATA_TEST_TOOLS="$root/.tools/node"
  install_node_tools "$EARTHDATA_TEST_TOOLS" || return 1
  start_azurite || return 1
  start_postgres || return 1
}

stop_services() {
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null
  [ -n "$pg_data" ] && [ -n "$pg_bin" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  [ -n "$services_dir" ] && rm -rf "$services_dir"
  azurite_pid=""; pg_data=""; services_dir=""
}
