#!/usr/bin/env bash
# Installs what is missing and builds the static site into dist/ (relative URLs: it works
# from any sub-path of any static host or CDN).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
source scripts/env.sh
cargo fetch --locked
trunk build --release --offline --locked
scripts/wasm-size.sh
