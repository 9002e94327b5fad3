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
# the first render fetches the page's glue and main module (and trunk's CSS); each view's chunk
# (split_*.wasm, with the shared chunk_*.wasm it needs) loads when the view first opens
first=0
for f in dist/dossier-web-*.js dist/dossier-web-*_bg.wasm; do first=$((first + $(gzip -9 -c "$f" | wc -c))); done
chunks=0
for f in dist/split_*.wasm dist/chunk_*.wasm dist/__wasm_split-*.js; do chunks=$((chunks + $(gzip -9 -c "$f" | wc -c))); done
awk -v a="$first" -v b="$chunks" 'BEGIN { printf "first render (page glue + main module): %d B gzipped (%.1f KB; budget 500 KB)\nloaded when a view opens (all chunks): %d B gzipped (%.1f KB)\n", a, a/1024, b, b/1024 }'
