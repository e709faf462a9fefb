#!/usr/bin/env bash
# A flood of joins from one address (issue 12's probe: 3,000 joins in 3.5 s were all accepted).
# Sends N joins to a demo workshop, 16 at a time, and prints how the answers split, when the
# first refusal came, and the server's peak memory. Usage: scripts/join-flood.sh [N] [plenum]
set -euo pipefail
N="${1:-3000}"
BIN="${2:-target/release/plenum}"
DIR="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
export PLENUM_DATABASE_URL="sqlite://$DIR/plenum.db?mode=rwc" RUST_LOG=warn
CODE="$("$BIN" demo 2>/dev/null)"
PORT=38125
PLENUM_ADDR="127.0.0.1:$PORT" PLENUM_SITE_ROOT="${PLENUM_SITE_ROOT:-target/site}" "$BIN" serve >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
START=$(date +%s%N)
seq "$N" | xargs -P 16 -I{} curl -s -o /dev/null -H 'accept: application/json' \
  -w '%{http_code} %{time_total}\n' --data "code=$CODE&consent=yes" "http://127.0.0.1:$PORT/api/w/join" > "$DIR/codes"
END=$(date +%s%N)
echo "answers: $(cut -d' ' -f1 "$DIR/codes" | sort | uniq -c | tr '\n' ' ')in $(( (END - START) / 1000000 )) ms"
echo "participants written: $(sqlite3 "$DIR/plenum.db" 'select count(*) from participants' 2>/dev/null || echo '?')"
echo "server peak memory: $(( $(awk '/VmHWM/ {print $2}' /proc/$SERVER/status) / 1024 )) MB"
