#!/usr/bin/env bash
# Installs whatever the tests need and runs every suite: the architecture invariants,
# formatting, clippy, native tests (every crate, the gold quality bar), in-browser
# wasm-bindgen tests in headless Chromium, and the Playwright tests against a release build
# served under a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
scripts/install-test-tools.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "architecture invariants (ARCHITECTURE.md)"
python3 scripts/check-architecture.py --self-test
python3 scripts/check-architecture.py
step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "native tests"
node scripts/build-atlas.mjs   # the map's outlines, which a native test decodes
cargo test --workspace --locked
step "in-browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test components --locked
step "release build (trunk)"
trunk build --release --offline --locked
scripts/wasm-size.sh
step "browser tests (Playwright on Chromium, dist/ under a sub-path)"
node --test --test-concurrency=1 e2e/
