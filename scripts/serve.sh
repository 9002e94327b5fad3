#!/usr/bin/env bash
# Installs what is missing (scripts/install-tools.sh) and serves Dossier at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
source scripts/env.sh
cargo fetch --locked
exec trunk serve --release --offline --locked --no-autoreload
