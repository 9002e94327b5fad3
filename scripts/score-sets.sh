#!/usr/bin/env bash
# Scores the extractor on the three annotated sets with the guidelines' scorer (score.py):
# the seeds (the issue's quality bar), the development articles of our own making (tuned on)
# and the held-out articles (measured only, never tuned on). Prints each table.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo build -q --profile cli -p dossier-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # name, gold folder, articles folder, article glob
  local name=$1 gold=$2 docs=$3
  mkdir -p "$tmp/$name/gold"
  cp "$gold"/*.json "$tmp/$name/gold/"
  # shellcheck disable=SC2086
  ./target/cli/dossier extract $4 > "$tmp/$name/system.json"
  echo "== $name"
  python3 tools/score.py "$tmp/$name/gold" "$tmp/$name/system.json" --docs "$docs/"
}
run seeds seeds/gold seeds "seeds/*.txt"
a=crates/eval/tests/articles
run development $a $a "$a/own_*.txt $a/own_*.html"
h=crates/eval/tests/heldout
run held-out-v1 $h $h "$h/held_*.txt $h/held_*.html"
h2=crates/eval/tests/heldout2
run held-out-v2 $h2 $h2 "$h2/held2_*.txt $h2/held2_*.html"
