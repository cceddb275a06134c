#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store's tests, from the distribution's packages.
#
#   bash scripts/postgres.sh install          # apt-get install postgresql (when it is missing)
#   eval "$(bash scripts/postgres.sh start)"  # initdb + start on 127.0.0.1; exports MARSAD_TEST_POSTGRES
#   bash scripts/postgres.sh stop DATA_DIR    # stop it and remove its data directory
#
# The server gets its own data directory under /tmp and listens only on loopback, on a free
# port, so it touches no server already on the machine. PostgreSQL refuses to run as root: as
# root, the server runs as the `postgres` user the package creates.
set -euo pipefail

bindir() {
    local found
    found=$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir 2>/dev/null || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
    found=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
    [ -x "$found/initdb" ] && echo "$found"
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
install)
    if [ -n "$(bindir || true)" ]; then exit 0; fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "postgres.sh: PostgreSQL is not installed and apt-get cannot run here;" \
             "install the distribution's postgresql package" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    ;;
start)
    bin=$(bindir || true)
    if [ -z "$bin" ]; then echo "postgres.sh: no PostgreSQL server binaries found" >&2; exit 1; fi
    data=$(mktemp -d /tmp/marsad-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
    as_server_user "$bin/initdb" -D "$data/db" -U marsad --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
        || { cat "$data/initdb.log" >&2; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null \
        || { cat "$data/server.log" >&2; exit 1; }
    as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U marsad marsad_test
    echo "export MARSAD_TEST_POSTGRES=postgresql://marsad@127.0.0.1:$port/marsad_test"
    echo "export MARSAD_TEST_POSTGRES_DIR=$data"
    ;;
stop)
    data=${2:?usage: postgres.sh stop DATA_DIR}
    bin=$(bindir || true)
    if [ -n "$bin" ] && [ -d "$data/db" ]; then
        as_server_user "$bin/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$data"
    ;;
*)
    echo "usage: postgres.sh install | start | stop DATA_DIR" >&2
    exit 2
    ;;
esac
