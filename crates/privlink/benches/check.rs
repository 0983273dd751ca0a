//! privlink::check vs bare parsing (serde_json) vs the jsonschema crate with the exported
//! schema, on the same payloads. Run: `bash scripts/bench-core.sh` (BENCHMARKS.md).
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let schema = privlink::schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for (name, text) in common::all() {
        let mut g = c.benchmark_group(name);
        g.bench_function("serde_json_parse", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).ok())
        });
        // The parser privlink uses (spans, comments-aware): what the floor is for privlink.
        g.bench_function("jsonc_parser_parse", |b| {
            b.iter(|| {
                jsonc_parser::parse_to_ast(
                    black_box(&text),
                    &jsonc_parser::CollectOptions::default(),
                    &jsonc_parser::ParseOptions::default(),
                )
                .ok()
            })
        });
        g.bench_function("privlink_check", |b| {
            b.iter(|| privlink::check(black_box(&text)))
        });
        g.bench_function("jsonschema_parse_and_validate", |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_str(black_box(&text)).expect("JSON");
                let errors: Vec<String> =
                    validator.iter_errors(&v).map(|e| e.to_string()).collect();
                errors
            })
        });
        g.finish();
    }
}

criterion_group!(core, benches);
criterion_main!(core);
