#!/usr/bin/env bash
# Benchmarks of the npm package (not a test): gzip size of the shipped module, instantiate
# time, and one check() through the JS boundary in Node and in headless Chromium.
# Figures go to BENCHMARKS.md (## WASM). Respects CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/dist/node/privlink.js ] || bash scripts/build-wasm.sh
[ -d pkg/node_modules/playwright-core ] || (cd pkg && npm ci --no-audit --no-fund --loglevel=error)
f=pkg/dist/web/privlink_bg.wasm
printf 'module: %d bytes, %d bytes gzip -9\n' "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
echo "== Node"; node pkg/bench/bench-node.cjs
echo "== Chromium"; node pkg/bench/bench-browser.cjs
