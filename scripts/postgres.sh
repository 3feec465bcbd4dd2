#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests on 127.0.0.1:${PG_PORT:-55432}, installing the
# server from Debian's packages if this machine lacks it. Prints the connection string.
set -euo pipefail
port=${PG_PORT:-55432}
dir=${PG_DIR:-/tmp/pocketit-pg}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "installing postgresql..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# initdb refuses to run as root: the cluster belongs to the postgres user (or ourselves when not root).
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
  as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
  as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
