#!/usr/bin/env bash
# Core benchmarks (BENCHMARKS.md "## Core" and "## Versus other validators", crate part):
#   privlink::check vs serde_json::from_str::<Value> (bare parsing) vs the jsonschema crate
#   validating the exported schema (parse included, all errors collected), measured side by
#   side in one criterion run; then the valid path's allocations and the hostile inputs.
# Takes a few minutes; not part of the test command. Usage:
#   bash scripts/bench-core.sh            # full run (criterion: 1 s warm-up, 3 s measurement)
#   bash scripts/bench-core.sh --smoke    # one iteration of each, to check that they run
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
target="${CARGO_TARGET_DIR:-target}"

if [[ "${1:-}" == "--smoke" ]]; then
  cargo test -p privlink --benches --release --quiet
  exit 0
fi

cargo bench -p privlink --bench check -- --warm-up-time 1 --measurement-time 3 --noplot >/dev/null

python3 - "$target/criterion" <<'PY'
import json, sys, os
root = sys.argv[1]
def est(group, fn):
    with open(os.path.join(root, group, fn, "new", "estimates.json")) as f:
        e = json.load(f)
    return e["median"]["point_estimate"]  # ns
def fmt(ns):
    return f"{ns/1000:.2f} µs" if ns < 1e6 else f"{ns/1e6:.2f} ms"
print("| payload | serde_json parse | jsonc-parser parse (privlink's parser) | privlink::check | jsonschema (parse + all errors) | check / serde_json parse | check / jsonc-parser parse | jsonschema / check |")
print("|---|---|---|---|---|---|---|---|")
for g in ["valid", "invalid", "worst"]:
    p, a, c, j = (est(g, f) for f in ["serde_json_parse", "jsonc_parser_parse", "privlink_check", "jsonschema_parse_and_validate"])
    print(f"| {g} | {fmt(p)} | {fmt(a)} | {fmt(c)} | {fmt(j)} | {c/p:.2f}x | {c/a:.2f}x | {j/c:.2f}x |")
PY
echo
cargo bench -p privlink --bench alloc 2>/dev/null | grep '^|'
echo
cargo bench -p privlink --bench hostile 2>/dev/null | grep '^|'
