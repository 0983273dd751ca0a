#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what it needs, then runs every check.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }

step "toolchain: rustfmt, clippy, wasm32 target"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "generated files are current (regions table)"
python3 scripts/gen-regions.py --check || { echo "crates/privlink/src/regions_data.rs is stale: run python3 scripts/gen-regions.py"; exit 1; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, -D warnings)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "core builds for wasm32-unknown-unknown"
cargo build -p privlink --target wasm32-unknown-unknown --quiet

step "cargo test"
cargo test --workspace --quiet

step "WASM: npm package, size gate, Node parity, typings, browser test (scripts/test-wasm.sh)"
bash scripts/test-wasm.sh
