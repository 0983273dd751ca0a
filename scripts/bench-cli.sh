#!/usr/bin/env bash
# Measures `privlink check` over N generated payload files (default 10,000) against the time it
# takes just to read the same files (`cat`), cold-ish and warm. Usage:
#   bash scripts/bench-cli.sh [N]        (BENCH_MD=out.md exports hyperfine's table)
# Uses hyperfine when it is installed, otherwise a simple best-of-5 timer.
set -euo pipefail
N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# PRIVLINK_BIN=path/to/privlink skips the build.
if [ -z "${PRIVLINK_BIN:-}" ]; then
  cargo build --release -q -p privlink-cli
fi
BIN="${PRIVLINK_BIN:-$CARGO_TARGET_DIR/release/privlink}"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT

# A realistic mix: valid payloads and broken ones, ~300 bytes each, 100 per directory.
for ((i = 0; i < N; i++)); do
  d="$DIR/p$((i / 100))"
  [ -d "$d" ] || mkdir -p "$d"
  if ((i % 4 == 0)); then
    printf '{\n  "provider": "aws",\n  "vendor": "CONFLUENT",\n  "region": "us_east_1",\n  "serviceEndpointId": "vpce-0a1b2c3d4e5f67890",\n  "dnsDomain": "https://sample-%d.us-east-1.aws.confluent.cloud:9092",\n  "dnsSubDomain": ["use1-az1"]\n}\n' "$i" >"$d/$i.json"
  else
    printf '{\n  "provider": "AWS",\n  "vendor": "MSK",\n  "arn": "arn:aws:kafka:us-east-1:123456789012:cluster/orders-%d/de8982fa-8222-4e87-8b20-9bf3cdfa1521-3"\n}\n' "$i" >"$d/$i.json"
  fi
done
echo "files: $N in $DIR ($(du -sh "$DIR" | cut -f1)), cores: $(nproc)"

READ="find $DIR -name '*.json' -print0 | xargs -0 cat > /dev/null"
CHECK="$BIN check --no-config --format concise $DIR > /dev/null"
CHECK1="$BIN check --no-config --format concise --threads 1 $DIR > /dev/null"
HUMAN="$BIN check --no-config --format human $DIR > /dev/null 2>&1"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 -i --export-markdown "${BENCH_MD:-/dev/null}" "$READ" "$CHECK" "$CHECK1" "$HUMAN"
else
  best() {
    local best=""
    for _ in 1 2 3 4 5; do
      local s e t
      s=$(date +%s.%N)
      bash -c "$1" || true
      e=$(date +%s.%N)
      t=$(echo "$e - $s" | bc)
      if [ -z "$best" ] || (($(echo "$t < $best" | bc))); then best=$t; fi
    done
    printf '%-72s best of 5: %6.3f s\n' "$2" "$best"
  }
  bash -c "$READ"  # warm the page cache
  best "$READ" "read every file (find | xargs cat)"
  best "$CHECK" "privlink check --format concise (all cores)"
  best "$CHECK1" "privlink check --format concise --threads 1"
  best "$HUMAN" "privlink check --format human (all cores)"
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 >/proc/sys/vm/drop_caches
    s=$(date +%s.%N); bash -c "$READ"; e=$(date +%s.%N)
    printf '%-72s %6.3f s\n' "cold cache: read every file" "$(echo "$e - $s" | bc)"
    echo 3 >/proc/sys/vm/drop_caches
    s=$(date +%s.%N); bash -c "$CHECK" || true; e=$(date +%s.%N)
    printf '%-72s %6.3f s\n' "cold cache: privlink check --format concise" "$(echo "$e - $s" | bc)"
  fi
fi
