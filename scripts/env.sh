# Sourced by the scripts: puts cargo's and npm's tool folders first on PATH, so trunk finds
# wasm-bindgen and wasm-opt (npm binaryen 132) there instead of downloading them.
export PATH="$HOME/.cargo/bin:$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
