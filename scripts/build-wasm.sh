#!/usr/bin/env bash
# Builds the npm package `privlink` (pkg/dist: ESM for browsers/bundlers, CommonJS for Node)
# from crates/privlink-wasm with wasm-bindgen, and copies the browser build into
# web-demo/privlink/. Installs what it needs: the wasm32 target, wasm-bindgen-cli (exact pin).
# Respects CARGO_TARGET_DIR (default: target/). Reproducible: same sources + Cargo.lock +
# toolchain give the same bytes (paths are remapped out of the module).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WB_VERSION=0.2.129   # must equal the `wasm-bindgen = "=..."` pin in crates/privlink-wasm/Cargo.toml
TARGET_DIR=${CARGO_TARGET_DIR:-target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$ROOT/$TARGET_DIR ;; esac

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked
fi

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$ROOT=/privlink --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
cargo build --quiet -p privlink-wasm --target wasm32-unknown-unknown --profile wasm-release
WASM=$TARGET_DIR/wasm32-unknown-unknown/wasm-release/privlink_wasm.wasm

rm -rf pkg/dist
wasm-bindgen --remove-name-section --remove-producers-section --target web --out-dir pkg/dist/web --out-name privlink "$WASM"
wasm-bindgen --remove-name-section --remove-producers-section --target nodejs --out-dir pkg/dist/node --out-name privlink "$WASM"
# The web build is ESM; the Node build is CommonJS and must not sit under a "type": "module".
printf '{ "type": "module" }\n' > pkg/dist/web/package.json

rm -rf web-demo/privlink
mkdir -p web-demo/privlink
cp pkg/dist/web/privlink.js pkg/dist/web/privlink_bg.wasm pkg/dist/web/privlink.d.ts pkg/dist/web/package.json web-demo/privlink/

for f in pkg/dist/web/privlink_bg.wasm pkg/dist/node/privlink_bg.wasm; do
  printf '%s: %d bytes, %d bytes gzip -9\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
