#!/usr/bin/env bash
# Installs what building and serving Dossier needs, from the package registries only
# (crates.io, npm). Idempotent: a tool already present at the right version is skipped.
# Nothing is downloaded from GitHub releases: trunk is told to use these tools (Trunk.toml [tools]).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
  say "installing trunk ${TRUNK_VERSION} from crates.io (a few minutes on a cold machine)"
  cargo install trunk --version "=${TRUNK_VERSION}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${WASM_BINDGEN_VERSION}"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} from crates.io"
  # not --locked: one of its locked dependencies is not on the registry
  cargo install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --force
fi

# wasm-split-cli cuts the page's wasm into the first-render bundle and per-view chunks
# (scripts/split-wasm.mjs, a trunk hook)
WASM_SPLIT_VERSION="0.2.4"
if ! cargo install --list | grep -q "^wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  say "installing wasm-split-cli ${WASM_SPLIT_VERSION} (wasm_split_cli_support) from crates.io"
  cargo install wasm_split_cli_support --version "=${WASM_SPLIT_VERSION}" --features build-binary --locked
fi

# npm packages (binaryen's wasm-opt, playwright-core, axe-core) from the committed lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.package-lock.json.stamp 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json.stamp
fi

if ! wasm-opt --version | grep -q "version 132"; then
  echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt) $(wasm-opt --version)" >&2
  exit 1
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), wasm-split-cli ${WASM_SPLIT_VERSION}"
