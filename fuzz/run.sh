#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS: runs one fuzz target (cargo-fuzz, nightly) for SECONDS, seeded at
# run time from ../shared (the seeds, the readability pages; for jsonl, JSON lines made of them).
# Nothing is copied into the repository: corpus/ and artifacts/ are ignored by git.
set -euo pipefail
cd "$(dirname "$0")"
target=$1; seconds=${2:-600}
shared=../../shared
seeds=()
case $target in
  analyze_text|compare) seeds=("$shared/seeds") ;;
  analyze_html) seeds=("$shared/data/readability-pages") ;;
  jsonl)
    mkdir -p corpus/jsonl-seeds
    python3 - "$shared" corpus/jsonl-seeds <<'PY'
import glob, json, os, sys
shared, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(shared + "/seeds/*.txt"))
for i, f in enumerate(files):
    text = open(f, encoding="utf-8", errors="replace").read()
    line = json.dumps({"id": i, "outlet": "x", "date": "2024-10-11", "text": text})
    open(os.path.join(out, f"seed{i}.jsonl"), "w").write(line + "\n\n" + "not json\n")
PY
    seeds=(corpus/jsonl-seeds) ;;
esac
[ -d "$shared" ] || { echo "no $shared: running without seeds"; seeds=(); }
mkdir -p "corpus/$target"
exec cargo +nightly fuzz run -O "$target" "corpus/$target" "${seeds[@]}" -- \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
