#!/usr/bin/env bash
# The WASM part of the test command: build the npm package (pkg/dist) and the web demo's copy,
# enforce the size budget, then run the Node API test, the typings check, the CLI parity test
# and the end-to-end browser test (headless Chromium). Installs what it needs on a fresh
# machine: wasm32 target and wasm-bindgen-cli (scripts/build-wasm.sh), Debian's chromium,
# the pinned npm devDependencies (pkg/package-lock.json).
# Respects CARGO_TARGET_DIR (default target/). Screenshots: tests/output/web-demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=never
TARGET_DIR=${CARGO_TARGET_DIR:-target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$ROOT/$TARGET_DIR ;; esac
BUDGET=120000   # bytes of gzip -9 per shipped _bg.wasm (120 KB)

step() { printf '\n==> %s\n' "$*"; }

step "wasm: tools (chromium, npm devDependencies)"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
(cd pkg && npm ci --no-audit --no-fund --loglevel=error)

step "wasm: jsonschema stays out of the module"
deps=$(cargo tree -q -p privlink-wasm -e normal --target wasm32-unknown-unknown --prefix none)
if grep -q '^jsonschema ' <<<"$deps"; then
  echo "privlink-wasm depends on jsonschema: keep it a dev-dependency of the core"; exit 1
fi

step "wasm: build the npm package (scripts/build-wasm.sh)"
bash scripts/build-wasm.sh

step "wasm: size budget, gzip -9 <= $BUDGET bytes"
for f in pkg/dist/web/privlink_bg.wasm pkg/dist/node/privlink_bg.wasm; do
  size=$(gzip -9 -c "$f" | wc -c)
  if [ "$size" -gt "$BUDGET" ]; then
    echo "FAIL $f is $size bytes gzip -9, over the budget of $BUDGET"; exit 1
  fi
  echo "ok $f: $size bytes gzip -9 (budget $BUDGET)"
done

step "wasm: Node API test"
node pkg/test/api.cjs

step "wasm: typings (tsc --strict)"
pkg/node_modules/.bin/tsc -p pkg/test/types/tsconfig.json
echo "typings ok"

step "wasm: parity with the CLI's --format json (fixtures, examples)"
cargo build --quiet -p privlink-cli
PRIVLINK_CLI=$TARGET_DIR/debug/privlink node pkg/test/parity.cjs

step "wasm: web demo end to end in headless Chromium"
OUT_DIR=$ROOT/tests/output/web-demo node pkg/test/browser.cjs
