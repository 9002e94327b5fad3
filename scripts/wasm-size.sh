#!/usr/bin/env bash
# Prints the size of the built bundle in dist/ (.wasm and .js), raw and gzipped (gzip -9).
# Build first: trunk build --release --offline
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(dist/*.wasm dist/*.js)
[ ${#files[@]} -gt 0 ] || { echo "no dist/*.wasm: run 'trunk build --release --offline' first" >&2; exit 1; }
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  awk -v f="$f" -v r="$raw" -v g="$gz" 'BEGIN { printf "%-48s raw %8d B (%7.1f KB)   gzip %8d B (%7.1f KB)\n", f, r, r/1024, g, g/1024 }'
done
