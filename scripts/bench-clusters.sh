#!/usr/bin/env bash
# Quality and speed of the suggested clusters (`plenum suggest-clusters`, the same code as the
# moderator's button):
#   1. ARI on the dev set with gold clusters (../shared/data/clusters-dev.jsonl),
#   2. time and peak memory for 1,000 proposals (the dev set repeated with rotated texts).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DATA_DIR:-../shared/data}"
target="${CARGO_TARGET_DIR:-target}"
cargo build -p server --release --bin plenum
bin="$target/release/plenum"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$bin" suggest-clusters --input "$data/clusters-dev.jsonl" > "$tmp/pred.jsonl"
python3 "$data/score_clusters.py" "$data/clusters-dev.jsonl" "$tmp/pred.jsonl"
python3 - "$data/clusters-dev.jsonl" > "$tmp/1000.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
out, k = [], 0
while len(out) < 1000:
    for r in rows:
        if len(out) == 1000:
            break
        words = r["text"].split()
        out.append({"id": f"{r['id']}-{k}", "title": r["title"], "text": " ".join(words[k:] + words[:k]),
                    "action_field": r["action_field"]})
    k += 1
print("\n".join(json.dumps(o, ensure_ascii=False) for o in out))
PY
echo "1,000 proposals:"
/usr/bin/time -f "  wall %e s, peak memory %M kB" "$bin" suggest-clusters --input "$tmp/1000.jsonl" > /dev/null
