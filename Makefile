# The two commands of the README: `make serve` and `make test`. Both install what is missing first.
.PHONY: setup build serve test lint unit wasm-test browser-test scale-test bench bench-instructions

PORT ?= 8080

# The wasm's target features (wasm-pack.toml's `rustflags`), for every wasm build and check alike.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := $(shell sed -n 's/^rustflags *= *"\(.*\)"/\1/p' wasm-pack.toml)

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build-wasm.sh

serve: build
	@echo "Parallax is at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

lint: setup
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --lib --tests --locked --target wasm32-unknown-unknown --no-default-features -- -D warnings

unit: setup
	cargo test --locked

wasm-test: setup
	wasm-pack test --node -- --no-default-features --test wasm --test wasm_compare

browser-test: build
	node tests/browser/run.mjs

# Every check, as CI runs it (.ci/run calls this).
test: lint unit wasm-test browser-test scale-test

# The corpus jobs on Spark (local mode) against the binary, on a generated corpus with planted
# reuse; installs Java 17 and pyspark when missing (scripts/setup-spark.sh). Part of `test` (about a
# minute once installed; a cold install adds the JDK and 450 MB of pyspark).
scale-test:
	@bash scripts/spark/scale-test.sh

# Speed and memory against the peers (compromise, wink-nlp: npm dev dependencies), per-stage
# timing and a size sweep, on ../shared's articles (benches/run.mjs; README "Benchmarks").
# Prints figures, asserts nothing; not part of `test`. BENCH_ROUNDS=3 by default.
bench: build
	cargo build --release --locked
	node benches/run.mjs

# One pass of `analyze --jsonl` over the same corpus under cachegrind: instructions and simulated
# cache misses, the same on every run (benches/instructions.sh; installs valgrind if missing).
bench-instructions: setup
	@bash benches/instructions.sh
