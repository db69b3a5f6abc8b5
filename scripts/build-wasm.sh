#!/usr/bin/env bash
# Builds the wasm package into www/pkg with the recipe in wasm-pack.toml.
# DISABLE_WASM_OPT=1 skips wasm-opt (faster builds while iterating).
set -euo pipefail
cd "$(dirname "$0")/.."
recipe() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" wasm-pack.toml | head -n1; }
profile=$(recipe profile)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-$(recipe rustflags)}"
args=(build --target "$(recipe target)" --out-dir "$(recipe out-dir)" --no-pack --"$profile")
[ "${DISABLE_WASM_OPT:-}" = 1 ] && args+=(--no-opt)
# wasm-pack would download wasm-bindgen and wasm-opt unless they are on PATH; setup.sh puts them there.
# Debian's binaryen 108 mis-writes wasm-bindgen 0.2.130's externref table (the export ends up on the
# funcref table and init() throws in the browser); npm's binaryen (package.json) is used first.
[ -x node_modules/.bin/wasm-opt ] && export PATH="$PWD/node_modules/.bin:$PATH"
wasm-pack --quiet "${args[@]}" -- --no-default-features
