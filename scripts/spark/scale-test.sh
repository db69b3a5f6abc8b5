#!/usr/bin/env bash
# `make scale-test`: the corpus jobs on Spark for real (local mode), against the binary.
# A corpus of a few hundred generated articles with planted reuse (scripts/make-corpus.py, from
# ../shared) goes through `parallax reuse --jsonl` and `parallax analyze --jsonl | parallax tally`
# natively and through scripts/spark/parallax_spark.py on Spark; the test passes when Spark's
# pairs and tables equal the binary's (sorted lines, byte for byte) and the native pairs are
# the planted ones: every planted pair found, no other pair reported.
# Installs Java and pyspark first when they are missing (scripts/setup-spark.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/seeds" ] || [ ! -d "$shared/data/readability-pages" ]; then
  echo "scale-test: skipped: no $shared/seeds or $shared/data/readability-pages (the material the corpus is made from)"
  exit 0
fi
set -e
start=$(date +%s)
java_home=$(bash scripts/setup-spark.sh | tail -n1)
echo "scale-test: Java and pyspark ready after $(($(date +%s) - start)) s"
cargo build --release --quiet
dir=target/scale-test
rm -rf "$dir"
mkdir -p "$dir"
articles=${ARTICLES:-300}
python3 scripts/make-corpus.py --articles "$articles" --seed 11 --bad-lines --shared "$shared" \
  --out "$dir/corpus.jsonl" --pairs "$dir/planted.jsonl"
bin=target/release/parallax
"$bin" reuse --jsonl <"$dir/corpus.jsonl" >"$dir/native-reuse.jsonl"
"$bin" analyze --jsonl <"$dir/corpus.jsonl" | "$bin" tally --out "$dir/native-tables" 2>/dev/null

spark() {
  JAVA_HOME=$java_home PYSPARK_PYTHON=$PWD/.venv-spark/bin/python \
    .venv-spark/bin/spark-submit --master "local[2]" --conf spark.ui.enabled=false \
    --files "$bin" scripts/spark/parallax_spark.py "$@" 2>"$dir/spark-$1.log"
}
spark_start=$(date +%s.%N)
spark reuse "$dir/corpus.jsonl" --out "$dir/spark-reuse" --partitions 4
spark tally "$dir/corpus.jsonl" --out "$dir/spark-tables" --partitions 4
spark_end=$(date +%s.%N)
set +e

passed=0 failed=0
check() {
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "scale-test: FAILED: $*"; fi
}
same_pairs() {
  diff <(sort "$dir/native-reuse.jsonl") <(cat "$dir"/spark-reuse/part-* | sort) >"$dir/reuse.diff"
}
same_table() { cmp "$dir/native-tables/$1.csv" "$dir/spark-tables/$1.csv"; }
check same_pairs
for table in entities speakers sources; do check same_table "$table"; done
check python3 scripts/check-planted.py "$dir/planted.jsonl" "$dir/native-reuse.jsonl"
check test "$(grep -c '"error"' "$dir/native-reuse.jsonl")" -eq 2
echo "scale-test: $articles articles, $(grep -c passages "$dir/native-reuse.jsonl") pairs;" \
  "Spark (two jobs, local[2]) $(awk "BEGIN { printf \"%.1f\", $spark_end - $spark_start }") s;" \
  "all of it (setup, build, corpus, native, Spark) $(($(date +%s) - start)) s"
echo "scale-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
