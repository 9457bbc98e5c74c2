#!/usr/bin/env bash
# A throw-away PostgreSQL for the store tests.
#
#   eval "$(scripts/postgres-test.sh)"        # start; exports KHABAR_TEST_PG and KHABAR_TEST_PG_DIR
#   scripts/postgres-test.sh stop "$KHABAR_TEST_PG_DIR"   # stop and delete it
#
# Installs Debian's postgresql when missing (as root: apt-get), initialises a
# cluster in a temporary directory, starts it on 127.0.0.1 on a free port as a
# non-root user (postgres when run as root), and creates a database. Only the
# `export` lines go to stdout; progress goes to stderr.
set -euo pipefail

log() { echo "postgres-test: $*" >&2; }

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; fi
}

as_owner() {
  # Run a command as the cluster owner.
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: postgres-test.sh stop DIR}"
  bin=$(pg_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
  rm -rf "$dir"
  log "stopped and removed $dir"
  exit 0
fi

bin=$(pg_bin)
if [[ -z "$bin" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL is not installed and this is not root: install the Debian package postgresql"
    exit 1
  fi
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
  bin=$(pg_bin)
fi
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

dir=$(mktemp -d /tmp/khabar-pg.XXXXXX)
chmod 755 "$dir"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

log "initdb in $dir (PostgreSQL $("$bin/postgres" --version | awk '{print $3}'))"
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres khabar_test
log "running on 127.0.0.1:$port (stop with: scripts/postgres-test.sh stop $dir)"

echo "export KHABAR_TEST_PG=postgres://postgres@127.0.0.1:$port/khabar_test"
echo "export KHABAR_TEST_PG_DIR=$dir"
