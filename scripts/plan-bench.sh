#!/usr/bin/env bash
# The plan at its limit: imports a 500-measure plan table (18 new action fields, 5 phases, goals and
# partners per row) into a fresh SQLite database, adopts nothing (the draft is read live), and
# times the import, the CSV export, the public plan page and its print view. Figures go into
# BENCHMARKS.md. Usage: scripts/plan-bench.sh [path/to/plenum]
set -euo pipefail
BIN="${1:-target/release/plenum}"
DIR="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
export PLENUM_DATABASE_URL="sqlite://$DIR/plenum.db?mode=rwc" RUST_LOG=warn
"$BIN" demo >/dev/null 2>&1
HEX="$(sqlite3 "$DIR/plenum.db" 'select lower(hex(id)) from processes limit 1')"
PROCESS="${HEX:0:8}-${HEX:8:4}-${HEX:12:4}-${HEX:16:4}-${HEX:20:12}"
python3 - "$DIR/plan.csv" <<'PY'
import sys
head = "Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status"
phases = ["Analyse der Ausgangssituation", "Bestandsanalyse", "Maßnahmenentwicklung", "Maßnahmenumsetzung und Verstetigung", "Evaluation"]
rows = [head]
for i in range(500):
    goals = "\n".join(f"Ziel {i % 30} im Feld {i % 18}" for _ in range(1)) + f"\nTeilhabe stärken {i % 7}"
    partners = "\n".join(f"Partner {(i * 7 + k) % 120}" for k in range(4))
    rows.append(f'Handlungsfeld {i % 18};{phases[i % 5]};03/2027 – 12/2028;Maßnahme {i}: Sprachcafés, Beratung und Begegnung;"{"Beschreibung mit etwas Text. " * 8}";"{goals}";"{partners}";Kommunales Integrationszentrum;in Umsetzung')
open(sys.argv[1], "w", encoding="utf-8").write("\ufeff" + "\r\n".join(rows) + "\r\n")
PY
t() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo "$(( (e - s) / 1000000 )) ms"; }
echo "import 500 rows:      $(t "$BIN" plan import --process "$PROCESS" --input "$DIR/plan.csv")"
echo "export csv (CLI):     $(t "$BIN" plan export --process "$PROCESS" --format csv)"
echo "export json (CLI):    $(t "$BIN" plan export --process "$PROCESS" --format json)"
"$BIN" plan export --process "$PROCESS" --format csv > "$DIR/again.csv"
echo "csv bytes:            $(wc -c < "$DIR/again.csv")"
PORT=38123
PLENUM_ADDR="127.0.0.1:$PORT" PLENUM_SITE_ROOT="${PLENUM_SITE_ROOT:-target/site}" "$BIN" serve >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
sqlite3 "$DIR/plenum.db" "insert into plans (process_id, draft_public, updated_at) values (X'$HEX', 1, '2027-01-01T00:00:00Z')"
for path in "p/$PROCESS/plan?version=draft" "p/$PROCESS/plan/print?version=draft" "p/$PROCESS/plan.csv?version=draft"; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/$path"
  curl -s -o /dev/null -H 'accept-encoding: br, gzip' -w "/${path%%\?*}: %{time_total}s, %{size_download} bytes compressed\n" "http://127.0.0.1:$PORT/$path"
done
echo "server memory (RSS):  $(( $(awk '/VmHWM/ {print $2}' /proc/$SERVER/status) / 1024 )) MB peak"
