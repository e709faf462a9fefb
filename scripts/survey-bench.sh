#!/usr/bin/env bash
# A survey at scale: imports a questionnaire of 20 questions (every kind) into a fresh SQLite
# database, writes 10,000 sent responses straight into it, and times the results (the public
# results page, the staff figures behind it are the same computation) and the CSV; prints the
# bytes of a survey page as a phone receives it. Figures go into BENCHMARKS.md.
# Usage: scripts/survey-bench.sh [path/to/plenum] [responses]
set -euo pipefail
BIN="${1:-target/release/plenum}"
N="${2:-10000}"
DIR="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
export PLENUM_DATABASE_URL="sqlite://$DIR/plenum.db?mode=rwc" RUST_LOG=warn
"$BIN" demo >/dev/null 2>&1
HEX="$(sqlite3 "$DIR/plenum.db" 'select lower(hex(id)) from processes limit 1')"
PROCESS="${HEX:0:8}-${HEX:8:4}-${HEX:12:4}-${HEX:16:4}-${HEX:20:12}"
python3 - "$DIR/survey.json" <<'PY'
import json, sys
kinds = ["single", "multiple", "likert", "rating", "number", "date", "text", "long_text", "ranking", "single"]
sections, oid = [], 0
for s in range(4):
    qs = []
    for k in range(5):
        n = s * 5 + k + 1
        kind = kinds[(n - 1) % len(kinds)]
        q = {"id": f"q{n}", "kind": kind, "text": f"Frage {n}: Wie sehen Sie das Thema {n}?"}
        if kind in ("single", "multiple", "ranking", "likert"):
            q["options"] = []
            for i in range(5 if kind != "likert" else 3):
                oid += 1
                q["options"].append({"id": f"o{oid}", "label": f"Möglichkeit {i + 1}"})
        if kind == "likert":
            q["scale"] = ["gar nicht", "eher nicht", "teils", "eher", "voll"]
        if kind == "number":
            q["min"], q["max"], q["unit"] = 0, 1000, "Personen"
        qs.append(q)
    sections.append({"id": f"s{s + 1}", "title": f"Teil {s + 1}", "questions": qs})
json.dump({"format": "plenum-survey/1", "title": "Datenabfrage Bench", "intro": "", "sections": sections},
          open(sys.argv[1], "w"), ensure_ascii=False)
PY
SURVEY="$("$BIN" survey import --process "$PROCESS" --input "$DIR/survey.json")"
SHEX="${SURVEY//-/}"
python3 - "$DIR/survey.json" "$SHEX" "$N" > "$DIR/responses.sql" <<'PY'
import json, random, sys, uuid
doc, survey, n = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])
random.seed(7)
questions = [q for s in doc["sections"] for q in s["questions"]]
print("BEGIN;")
for r in range(n):
    raw = {}
    for q in questions:
        k, opts = q["kind"], [o["id"] for o in q.get("options", [])]
        if k == "single": raw[q["id"]] = random.choice(opts)
        elif k == "multiple":
            for o in random.sample(opts, 2): raw[f'{q["id"]}.{o}'] = "on"
        elif k == "likert":
            for o in opts: raw[f'{q["id"]}.{o}'] = str(random.randint(1, 5))
        elif k == "rating": raw[q["id"]] = str(random.randint(0, 10))
        elif k == "number": raw[q["id"]] = str(random.randint(0, 1000))
        elif k == "date": raw[q["id"]] = f"2027-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
        elif k in ("text", "long_text"): raw[q["id"]] = "Eine Anmerkung " * random.randint(1, 8)
        elif k == "ranking":
            for place, o in enumerate(random.sample(opts, len(opts))): raw[f'{q["id"]}.{o}'] = str(place + 1)
    answers = json.dumps(raw, ensure_ascii=False).replace("'", "''")
    print(f"INSERT INTO survey_responses (id, survey_id, resume_hash, respondent, measure_id, organisation, org_type, answers, page, submitted_at, created_at, updated_at) VALUES (X'{uuid.uuid4().hex}', X'{survey}', '{uuid.uuid4().hex}', NULL, NULL, NULL, 'migrant', '{answers}', 5, '2027-03-01 10:00:00+00:00', '2027-03-01 10:00:00+00:00', '2027-03-01 10:00:00+00:00');")
print("COMMIT;")
PY
sqlite3 "$DIR/plenum.db" < "$DIR/responses.sql"
sqlite3 "$DIR/plenum.db" "update surveys set state = 'open', results_public = 1 where id = X'$SHEX'"
echo "responses in the database: $(sqlite3 "$DIR/plenum.db" 'select count(*) from survey_responses')"
echo "database size:             $(du -h "$DIR/plenum.db" | cut -f1)"
PORT=38124
PLENUM_ADDR="127.0.0.1:$PORT" PLENUM_SITE_ROOT="${PLENUM_SITE_ROOT:-target/site}" "$BIN" serve >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/s/$SURVEY/results"
for i in 1 2 3; do
  curl -s -o /dev/null -H 'accept-encoding: br, gzip' -w "results page ($N responses, 20 questions), run $i: %{time_total}s, %{size_download} bytes compressed\n" "http://127.0.0.1:$PORT/s/$SURVEY/results"
done
# A phone's view: the start page and the first page of questions, compressed, with the script.
JAR="$DIR/cookies"
curl -s -o /dev/null -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/s/$SURVEY"
LOCATION="$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" -H 'accept: text/html' -H "origin: http://127.0.0.1:$PORT" \
  --data "survey=$SURVEY&measure=&organisation=&org_type=" "http://127.0.0.1:$PORT/api/s/start")"
curl -s -o /dev/null -H 'accept-encoding: br' -w "start page:            %{size_download} bytes (br)\n" "http://127.0.0.1:$PORT/s/$SURVEY"
curl -s -o /dev/null -H 'accept-encoding: br' -w "question page 1 (5 q): %{size_download} bytes (br)\n" "$LOCATION"
curl -s -o /dev/null -w "question page 1 (5 q): %{size_download} bytes (uncompressed)\n" "$LOCATION"
LIVE="$(sed -n 's/^live.js //p' "${PLENUM_SITE_ROOT:-target/site}/pkg/assets.txt")"
curl -s -o /dev/null -H 'accept-encoding: br' -w "live.js:               %{size_download} bytes (br)\n" "http://127.0.0.1:$PORT/pkg/$LIVE"
