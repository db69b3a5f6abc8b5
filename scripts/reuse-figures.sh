#!/usr/bin/env bash
# The figures for `parallax reuse` at scale: generated corpora of 1,000, 2,000, 5,000 and
# 10,000 articles (scripts/make-corpus.py, about 500 words each, a fifth of them planted
# derivatives), each run $RUNS times (default 3) under /usr/bin/time -v: the least wall time (the
# machine is shared: the least is the run others disturbed least), the largest peak memory, the
# planted-pair check, and the growth exponents (least-squares slopes of log time and log memory
# on log articles).
# Needs ../shared (the material) and /usr/bin/time. Work files go to target/reuse-figures/.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/seeds" ]; then
  echo "reuse-figures: skipped: no $shared/seeds (the material the corpora are made from)"
  exit 0
fi
sizes=${SIZES:-1000 2000 5000 10000}
runs=${RUNS:-3}
dir=target/reuse-figures
mkdir -p "$dir"
cargo build --release --quiet
printf '%8s %10s %8s %10s  %s\n' articles words "wall s" "peak MB" "planted check"
for n in $sizes; do
  python3 scripts/make-corpus.py --seed 7 --articles "$n" --shared "$shared" \
    --out "$dir/corpus-$n.jsonl" --pairs "$dir/planted-$n.jsonl"
  words=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$dir/corpus-$n.jsonl")
  : >"$dir/time-$n.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -a -o "$dir/time-$n.txt" target/release/parallax reuse --jsonl \
      <"$dir/corpus-$n.jsonl" >"$dir/reuse-$n.jsonl"
  done
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time-$n.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; if (NR == 1 || s < m) m = s } END { print m }')
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time-$n.txt" | sort -n | tail -n1)
  check=$(python3 scripts/check-planted.py "$dir/planted-$n.jsonl" "$dir/reuse-$n.jsonl" | head -n1) || true
  printf '%8s %10s %8.2f %10.0f  %s\n' "$n" "$words" "$wall" "$((peak / 1024))" "$check"
  echo "$n $wall $peak" >>"$dir/points.txt.new"
done
mv "$dir/points.txt.new" "$dir/points.txt"
python3 - "$dir/points.txt" <<'EOF'
import math, sys
pts = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
def slope(ys):
    xs = [math.log(p[0]) for p in pts]
    ys = [math.log(y) for y in ys]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print(f"growth exponent (log-log slope): time {slope([p[1] for p in pts]):.2f}, peak memory {slope([p[2] for p in pts]):.2f}")
EOF
