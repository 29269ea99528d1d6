#!/usr/bin/env bash
# Starts (or stops) a scratch PostgreSQL cluster for the tests and prints its connection URL.
# Usage: scripts/pg_test.sh start|stop   (cluster in build/pg, port 55432, runs as user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$PWD/build/pg
port=${PASSERELLES_TEST_PG_PORT:-55432}
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "${1:-start}" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl -D '$dir/data' status" >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null
    fi
    # A new, empty test database at each start (tests create one schema each inside it).
    as_pg "$bin/dropdb -h 127.0.0.1 -p $port -U postgres --if-exists passerelles_test"
    as_pg "$bin/createdb -h 127.0.0.1 -p $port -U postgres passerelles_test"
    echo "postgresql://postgres@127.0.0.1:$port/passerelles_test"
    ;;
  stop)
    as_pg "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
