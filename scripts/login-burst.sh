#!/usr/bin/env bash
# A burst of wrong-password logins sent at once (issue 12's probe: 64 of them drove the server
# from 31 MB to 814 MB before hashing was bounded). Prints the server's peak memory before and
# after, and how the answers split. Usage: scripts/login-burst.sh [N] [path/to/plenum] [unknown]
# With `unknown`, every login names another (unknown) address: no account lockout, every one of
# them is hashed (against a dummy), which is what the hashing bound has to hold.
set -euo pipefail
N="${1:-64}"
BIN="${2:-target/release/plenum}"
PREFIX="orga"
[ "${3:-}" = "unknown" ] && PREFIX="unbekannt-"
DIR="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
export PLENUM_DATABASE_URL="sqlite://$DIR/plenum.db?mode=rwc" RUST_LOG=warn
echo "ein-langes-passwort-123" | "$BIN" user create --email orga@example.de --role organizer >/dev/null
PORT=38124
PLENUM_ADDR="127.0.0.1:$PORT" PLENUM_SITE_ROOT="${PLENUM_SITE_ROOT:-target/site}" "$BIN" serve >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
ACTION="$(curl -s "http://127.0.0.1:$PORT/login" | grep -o 'action="/api/[^"]*"' | head -1 | cut -d'"' -f2)"
echo "server memory before: $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) / 1024 )) MB"
START=$(date +%s%N)
for i in $(seq "$N"); do
  curl -s -o /dev/null -w '%{http_code}\n' -H 'accept: application/json' \
    --data "email=${PREFIX}%40example.de&password=falsch-$i" "http://127.0.0.1:$PORT$ACTION" &
done > "$DIR/codes" 
wait $(jobs -p | grep -v "^$SERVER$") 2>/dev/null || true
sleep 0.5
END=$(date +%s%N)
echo "answers: $(sort "$DIR/codes" | uniq -c | tr '\n' ' ')in $(( (END - START) / 1000000 )) ms"
echo "server peak memory:   $(( $(awk '/VmHWM/ {print $2}' /proc/$SERVER/status) / 1024 )) MB"
