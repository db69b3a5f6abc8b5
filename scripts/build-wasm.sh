#!/usr/bin/env bash
# Builds the wasm package into www/pkg with the recipe in wasm-pack.toml.
# DISABLE_WASM_OPT=1 skips wasm-opt (faster builds while iterating).
set -euo pipefail
cd "$(dirname "$0")/.."
recipe() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" wasm-pack.toml | head -n1; }
profile=$(recipe profile)
args=(build --target "$(recipe target)" --out-dir "$(recipe out-dir)" --no-pack --"$profile")
[ "${DISABLE_WASM_OPT:-}" = 1 ] && args+=(--no-opt)
# wasm-pack would download wasm-bindgen and wasm-opt unless they are on PATH; setup.sh puts them there.
wasm-pack --quiet "${args[@]}" -- --no-default-features
