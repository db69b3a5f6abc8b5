#!/usr/bin/env bash
# `make bench-instructions`: what one pass of `parallax analyze --jsonl` over the bench corpus
# costs under cachegrind, which counts the same on every run where timing on a shared machine
# moves by tens of per cent from one run to the next (README, Benchmarks). Prints instructions,
# first-level data misses and last-level misses, the start-up's (a one-line input) taken off.
# The last level is simulated at 2 MiB, 16-way (the L2 of one core here): the tagger's tables
# (model, kept word sums, lists) pass it. Cachegrind does not model prefetching: a miss of a list
# read in order costs little on the processor, one at a random place (a table lookup) much, and
# a change that only removes the first kind can show fewer misses and no gain in time (README).
# Prints figures, asserts nothing; compare two trees side by side with it.
#
# Env: CARGO_TARGET_DIR; PARALLAX_BIN (a binary to measure instead of building this tree's).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "bench-instructions: installing valgrind (Debian)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! node --input-type=module -e '
  import { readCorpus } from "./benches/corpus.mjs";
  const corpus = readCorpus("../shared");
  if (corpus.missing) { console.error(`bench-instructions: skipped: ${corpus.missing}`); process.exit(3); }
  for (const t of corpus.texts) console.log(JSON.stringify({ id: t.name, text: t.text }));
' >"$work/corpus.jsonl"; then
  exit 0
fi

bin=${PARALLAX_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --locked --quiet
  bin="${CARGO_TARGET_DIR:-target}/release/parallax"
fi
echo '{"id": "start-up", "text": "A line."}' >"$work/one.jsonl"

# Ir, D1 misses and LL misses of `$bin analyze --jsonl < $1`, one line.
measure() {
  PARALLAX_THREADS=1 valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64 \
    --cachegrind-out-file="$work/out" "$bin" analyze --jsonl <"$1" >/dev/null 2>"$work/log"
  awk '/^events:/ { for (i = 2; i <= NF; i++) name[i] = $i }
       /^summary:/ { for (i = 2; i <= NF; i++) v[name[i]] = $i }
       END { print v["Ir"], v["D1mr"] + v["D1mw"], v["DLmr"] + v["DLmw"] + v["ILmr"] }' "$work/out"
}

read -r ir d1 ll < <(measure "$work/corpus.jsonl")
read -r ir0 d10 ll0 < <(measure "$work/one.jsonl")
texts=$(wc -l <"$work/corpus.jsonl")
bytes=$(node -e 'let n = 0; for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) if (l) n += Buffer.byteLength(JSON.parse(l).text); console.log(n)' "$work/corpus.jsonl")
awk -v ir="$ir" -v d1="$d1" -v ll="$ll" -v ir0="$ir0" -v d10="$d10" -v ll0="$ll0" -v texts="$texts" -v bytes="$bytes" -v bin="$bin" 'BEGIN {
  printf "bench-instructions: %s analyze --jsonl, one pass over %d texts (%.3f MB), PARALLAX_THREADS=1\n", bin, texts, bytes / 1e6
  printf "  instructions      %8.1f M   (%.0f a byte; start-up %.1f M, taken off)\n", (ir - ir0) / 1e6, (ir - ir0) / bytes, ir0 / 1e6
  printf "  D1 misses         %8.2f M\n", (d1 - d10) / 1e6
  printf "  2 MiB LL misses   %8.3f M\n", (ll - ll0) / 1e6
}'
