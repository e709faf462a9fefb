#!/usr/bin/env bash
# Load test of Plenum on this machine: starts the release server on a fresh database, creates
# a demo workshop, runs N participants against it (join, live board, proposals), prints the
# figures and the server's peak memory.
#
#   scripts/loadtest.sh sqlite 1000        # embedded SQLite (a fresh file)
#   scripts/loadtest.sh postgres 1000      # a fresh database on PG_ADMIN_URL
#
# Extra arguments go to the load tool, e.g. `--rate 0` (as fast as possible), `--proposals 5` or
# `--frames data` (boards read as hydrated staff views instead of participant pages).
#
#   scripts/loadtest.sh sqlite 5000 --mode vote --rate 500   # a dot vote: 5,000 ballots in 10 s
#   INSTANCES=2 scripts/loadtest.sh postgres 1000   # two servers on one database: proposals go
#                                                   # to the first, every board reads the second
# PLENUM_BIN and LOADTEST_BIN run given binaries instead of building them.
set -euo pipefail
cd "$(dirname "$0")/.."
db_kind="${1:-sqlite}"; participants="${2:-1000}"; shift $(( $# >= 2 ? 2 : $# ))
target="${CARGO_TARGET_DIR:-target}"
plenum="${PLENUM_BIN:-$target/release/plenum}"; loadtest="${LOADTEST_BIN:-$target/release/loadtest}"
[ -n "${PLENUM_BIN:-}" ] || cargo build -p server --release --bin plenum --bin loadtest
port=3917
dir="$(mktemp -d)"
case "$db_kind" in
  sqlite) url="sqlite://$dir/plenum.db?mode=rwc" ;;
  postgres)
    admin="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
    name="plenum_load_$(date +%s)"
    psql "$admin" -qc "CREATE DATABASE $name"
    url="${admin%/*}/$name" ;;
  *) echo "usage: $0 sqlite|postgres [participants] [loadtest options]" >&2; exit 2 ;;
esac
ulimit -n 20000 2>/dev/null || true
# One machine plays the whole room from one address: the limits per address (200 joins a
# minute) would refuse it by design, so they are off for the load test.
PLENUM_ADDR="127.0.0.1:$port" PLENUM_DATABASE_URL="$url" PLENUM_RATE_LIMITS=off RUST_LOG=warn "$plenum" serve > "$dir/server.log" 2>&1 &
server=$!
second=""; boards=()
cleanup() {
  kill "$server" $second 2>/dev/null || true; wait "$server" $second 2>/dev/null || true
  [ "$db_kind" = postgres ] && psql "$admin" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
# The second instance starts once the first has migrated the database.
if [ "${INSTANCES:-1}" = 2 ]; then
  [ "$db_kind" = postgres ] || { echo "two instances need PostgreSQL" >&2; exit 2; }
  PLENUM_ADDR="127.0.0.1:$((port + 1))" PLENUM_DATABASE_URL="$url" PLENUM_RATE_LIMITS=off RUST_LOG=warn "$plenum" serve > "$dir/second.log" 2>&1 &
  second=$!
  boards=(--board-url "http://127.0.0.1:$((port + 1))")
fi
[ -z "$second" ] || for _ in $(seq 100); do curl -fs "http://127.0.0.1:$((port + 1))/healthz" >/dev/null && break; sleep 0.2; done
demo=(demo --max-participants $((participants + 10))); staff=()
if [[ " $* " == *" --mode vote "* ]]; then
  demo=(demo --voting --max-participants $((participants + 10)))
  echo "load-test-passwort-123" | PLENUM_DATABASE_URL="$url" RUST_LOG=warn "$plenum" user create --email load@example.org --role organizer >/dev/null
  staff=(--staff-email load@example.org --staff-password load-test-passwort-123)
fi
code="$(PLENUM_DATABASE_URL="$url" RUST_LOG=warn "$plenum" "${demo[@]}" 2>/dev/null)"
echo "database: $db_kind, workshop code: $code, machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB"
"$loadtest" --url "http://127.0.0.1:$port" --code "$code" --participants "$participants" --server-pid "${second:-$server}" "${boards[@]}" "${staff[@]}" "$@"
