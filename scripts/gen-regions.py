#!/usr/bin/env python3
"""Generate crates/privlink/src/regions_data.rs from crates/privlink/data/regions.tsv.

The TSV is a copy of the spec's regions.tsv; `cargo test` checks both the copy and the
generated table are current.
"""
import pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
tsv = root / "crates/privlink/data/regions.tsv"
out = root / "crates/privlink/src/regions_data.rs"
names = {"AWS": "Aws", "AZURE": "Azure", "GCP": "Gcp"}
lines = [
    "//! Generated from `data/regions.tsv` (a copy of the spec's region list) by",
    "//! `scripts/gen-regions.py`. Do not edit: `regions_table_is_current` checks it.",
    "",
    "use crate::model::Provider;",
    "use crate::regions::RegionEntry;",
    "",
    "pub(crate) const REGIONS: &[RegionEntry] = &[",
]
for row in tsv.read_text(encoding="utf-8").splitlines()[1:]:
    if not row.strip():
        continue
    p, native, atlas, location, sp = row.split("\t")
    lines.append(
        f'    RegionEntry {{ provider: Provider::{names[p]}, native: "{native}", atlas: "{atlas}", '
        f'location: "{location}", stream_processing: {"true" if sp == "yes" else "false"} }},'
    )
lines.append("];")
text = "\n".join(lines) + "\n"
if "--check" in sys.argv:
    sys.exit(0 if out.read_text(encoding="utf-8") == text else 1)
out.write_text(text, encoding="utf-8")
