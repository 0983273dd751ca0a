#!/usr/bin/env bash
# Runs the `check` fuzz target for SECONDS (default 600) of wall time on one core, restarting
# after a crash until the time is used up. Crash inputs land in fuzz/artifacts/check/.
# Usage: bash fuzz/run.sh [SECONDS]      (docs/fuzzing.md)
set -euo pipefail
cd "$(dirname "$0")"
total=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p corpus/check artifacts/check
export CARGO_TARGET_DIR="$PWD/target"
cargo +nightly fuzz build check
start=$(date +%s)
round=0
while :; do
  left=$(( total - ($(date +%s) - start) ))
  (( left > 5 )) || break
  round=$((round + 1))
  echo "==> round $round: $left s left"
  rm -f fuzz-*.log
  cargo +nightly fuzz run check corpus/check seeds -- \
    -jobs=1 -workers=1 -max_total_time="$left" -dict=privlink.dict \
    -max_len=8192 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix=artifacts/check/ || true
  tail -n 40 fuzz-*.log 2>/dev/null || true
done
echo "==> crashes found:"
ls -la artifacts/check/ || true
