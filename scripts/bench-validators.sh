#!/usr/bin/env bash
# `privlink check` (release binary) vs ajv-cli (npm) and check-jsonschema (PyPI) with the exported
# schema, over N generated payload files (default 10,000; half valid, half typical mistakes).
# Installs ajv-cli and check-jsonschema into a temporary directory itself (never the tests).
# Takes a few minutes; not part of the test command. Prints a Markdown table for BENCHMARKS.md.
# Usage: bash scripts/bench-validators.sh [N] [RUNS]      (RUNS: timed runs per tool, median kept)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
runs="${2:-3}"
export CARGO_TERM_COLOR=never
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d "${TMPDIR:-/tmp}/privlink-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "==> building privlink (release)" >&2
cargo build --release -p privlink-cli --quiet
privlink="$target/release/privlink"
schema="$PWD/schema/privatelink-connection.schema.json"

echo "==> installing ajv-cli and check-jsonschema into $work" >&2
npm install --silent --no-audit --no-fund --prefix "$work/node" ajv-cli@5 >/dev/null 2>&1
ajv="$work/node/node_modules/.bin/ajv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema >/dev/null
cjs="$work/venv/bin/check-jsonschema"

echo "==> generating $n payloads" >&2
mkdir -p "$work/payloads"
python3 - "$work/payloads" "$n" <<'PY'
import json, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(5)
ARM = "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/rg/providers"
valid = [
    {"provider": "AWS", "vendor": "MSK", "arn": "arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2", "authenticationScheme": "IAM"},
    {"provider": "AWS", "vendor": "CONFLUENT", "region": "us-east-1", "serviceEndpointId": "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9", "dnsDomain": "sample.us-east-1.aws.confluent.cloud", "dnsSubDomain": ["use1-az1.sample.us-east-1.aws.confluent.cloud", "use1-az2.sample.us-east-1.aws.confluent.cloud"]},
    {"provider": "AWS", "vendor": "S3", "region": "us-east-1", "serviceEndpointId": "com.amazonaws.us-east-1.s3"},
    {"provider": "AWS", "vendor": "LAMBDA", "region": "us-west-2", "serviceEndpointId": "com.amazonaws.us-west-2.lambda"},
    {"provider": "AZURE", "vendor": "EVENTHUB", "region": "eastus2", "serviceEndpointId": ARM + "/Microsoft.EventHub/namespaces/sample", "dnsDomain": "sample.servicebus.windows.net"},
    {"provider": "AZURE", "vendor": "CONFLUENT", "region": "eastus2", "dnsDomain": "x.eastus2.azure.confluent.cloud", "azureResourceIds": [ARM + "/Microsoft.Network/privateLinkServices/pls-1"]},
    {"provider": "GCP", "vendor": "CONFLUENT", "region": "us-central1", "dnsDomain": "x.us-central1.gcp.confluent.cloud", "gcpServiceAttachmentUris": ["projects/p/regions/us-central1/serviceAttachments/a"]},
    {"provider": "GCP", "vendor": "PUBSUB", "region": "us-central1"},
]
def broken(p):
    p = dict(p)
    k = rnd.randrange(6)
    if k == 0: p.pop("provider")
    elif k == 1: p["vendor"] = "EVENT_HUB"
    elif k == 2: p["dnsSubDomain"] = "use1-az1"
    elif k == 3: p["_id"] = "6523aa0cb2b77c2da2d6a8c5"
    elif k == 4: p["arn"] = "1235711"
    else: p["azureResourceIds"] = []
    return p
for i in range(n):
    p = rnd.choice(valid)
    if i % 2: p = broken(p)
    with open(f"{out}/p{i:05d}.json", "w") as f:
        json.dump(p, f, indent=2)
PY

echo "==> timing ($runs runs each, median)" >&2
python3 - "$work/payloads" "$runs" "$privlink" "$ajv" "$cjs" "$schema" <<'PY'
import glob, os, re, statistics, subprocess, sys, time, json
d, runs, privlink, ajv, cjs, schema = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
files = sorted(glob.glob(os.path.join(d, "*.json")))
tools = {
    "privlink check --format json DIR": [privlink, "check", "--format", "json", d],
    "ajv validate --spec=draft2020 --strict=false --all-errors": [ajv, "validate", "--spec=draft2020", "--strict=false", "--all-errors", "-s", schema, "-d", os.path.join(d, "*.json")],
    "check-jsonschema --schemafile": [cjs, "--schemafile", schema, *files],
}
res = {}
for name, cmd in tools.items():
    times, out = [], b""
    for _ in range(runs):
        # To a file, not a pipe: node truncates piped output when ajv-cli calls process.exit.
        with open(os.path.join(d, "..", "out.txt"), "wb") as f:
            t = time.perf_counter()
            p = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
            times.append(time.perf_counter() - t)
        with open(os.path.join(d, "..", "out.txt"), "rb") as f:
            out = f.read()
    res[name] = (statistics.median(times), out, p.returncode)
# Verdicts, as a sanity check that every tool really checked every file.
pl = json.loads(res["privlink check --format json DIR"][1])
pl_invalid = sum(1 for f in pl["files"] if not f["valid"])
ajv_out = res["ajv validate --spec=draft2020 --strict=false --all-errors"][1].decode(errors="replace")
ajv_invalid = ajv_out.count(" invalid")
base = res["privlink check --format json DIR"][0]
print(f"| tool ({len(files)} files) | median wall time | per file | vs privlink | files reported invalid |")
print("|---|---|---|---|---|")
for name, (t, out, rc) in res.items():
    text = out.decode(errors="replace")
    inv = pl_invalid if name.startswith("privlink") else (
        ajv_invalid if name.startswith("ajv") else len(set(re.findall(r"p\d{5}\.json", text))))
    print(f"| `{name}` | {t:.2f} s | {t/len(files)*1e6:.0f} µs | {t/base:.1f}x | {inv} |")
PY
