//! Counts the heap allocations of `privlink::check` (and of bare parsing, for scale) with a
//! counting global allocator. Run: `cargo bench -p privlink --bench alloc` (BENCHMARKS.md).
#![allow(missing_docs, clippy::print_stdout)]

mod common;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use std::hint::black_box;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn count<T>(f: impl Fn() -> T) -> (usize, usize) {
    let _warm = black_box(f());
    let region = Region::new(GLOBAL);
    let out = black_box(f());
    let s = region.change();
    drop(out);
    (s.allocations + s.reallocations, s.bytes_allocated)
}

fn main() {
    println!("| payload | bytes | privlink::check allocations | (bytes) | serde_json::from_str::<Value> allocations | (bytes) |");
    println!("|---|---|---|---|---|---|");
    for (name, text) in common::all() {
        let (pa, pb) = count(|| privlink::check(&text));
        let (sa, sb) = count(|| serde_json::from_str::<serde_json::Value>(&text).ok());
        println!("| {name} | {} | {pa} | {pb} | {sa} | {sb} |", text.len());
    }
}
