#!/usr/bin/env bash
# Installs everything `make serve` and `make test` need on a fresh Debian machine that has only
# rustup/cargo, node/npm and python3. Idempotent: each step is skipped when its tool is present.
# Tool versions come from wasm-pack.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# Reads `key = "value"` from wasm-pack.toml.
recipe() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" wasm-pack.toml | head -n1; }

WASM_PACK_VERSION=$(recipe wasm-pack)
BINDGEN_VERSION=$(recipe wasm-bindgen-cli)

# The pinned wasm-bindgen-cli must match the wasm-bindgen crate the build links against.
if [ -f Cargo.lock ]; then
  locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -n "$locked" ] && [ "$locked" != "$BINDGEN_VERSION" ]; then
    say "wasm-pack.toml pins wasm-bindgen-cli $BINDGEN_VERSION but Cargo.lock has wasm-bindgen $locked; make them equal"
    exit 1
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q " $2\$\| $2 "; }

if ! has_version wasm-pack "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install --quiet --locked wasm-pack --version "$WASM_PACK_VERSION" \
    || cargo install --quiet wasm-pack --version "$WASM_PACK_VERSION"
fi
if ! has_version wasm-bindgen "$BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 4 minutes)"
  # --locked once failed because a pinned dependency had left the registry; retry without it.
  cargo install --quiet --locked wasm-bindgen-cli --version "$BINDGEN_VERSION" \
    || cargo install --quiet wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

# Debian packages: Chromium with its driver for the browser tests. (wasm-opt comes from npm's
# binaryen, see package.json: Debian's binaryen 108 writes a module wasm-bindgen 0.2.130's glue
# cannot load.)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm dev dependencies: for the browser tests (playwright-core drives Debian's Chromium) and for
# `make bench` (compromise, wink-nlp and its model, the peers it times).
if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  say "installing npm dev dependencies"
  if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; else npm install --silent --no-audit --no-fund; fi
fi
