//! Times privlink::check on the hostile inputs of tests/hostile.rs, once each (release build).
//! Run: `cargo bench -p privlink --bench hostile` (BENCHMARKS.md).
#![allow(missing_docs, clippy::print_stdout)]

use std::time::Instant;

fn main() {
    let mut no_limit = privlink::Options::default();
    no_limit.max_bytes = usize::MAX;
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"key_{i:06}\": 0")).collect();
    let short_keys: Vec<String> = (0..100_000).map(|i| format!("\"{i}\":0")).collect();
    let same_keys = vec!["\"a\":0"; 100_000];
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        ("100 MB of `[`", "[".repeat(100 << 20).into_bytes(), false),
        (
            "100 MB of `[`, size limit lifted",
            "[".repeat(100 << 20).into_bytes(),
            true,
        ),
        (
            "10 MB string",
            format!("{{\"provider\": \"{}\"}}", "A".repeat(10 << 20)).into_bytes(),
            false,
        ),
        (
            "10 MB string, size limit lifted",
            format!("{{\"provider\": \"{}\"}}", "A".repeat(10 << 20)).into_bytes(),
            true,
        ),
        (
            "100k keys",
            format!("{{{}}}", keys.join(", ")).into_bytes(),
            false,
        ),
        (
            "100k short keys (under the size limit)",
            format!("{{{}}}", short_keys.join(",")).into_bytes(),
            false,
        ),
        (
            "100k copies of one key (under the size limit)",
            format!("{{{}}}", same_keys.join(",")).into_bytes(),
            false,
        ),
        (
            "500k nested arrays",
            format!("{}{}", "[".repeat(500_000), "]".repeat(500_000)).into_bytes(),
            false,
        ),
        (
            "invalid UTF-8",
            b"{\"provider\": \"\xff\xfe\"}".to_vec(),
            false,
        ),
        ("NUL byte", b"{\"provider\": \"AWS\0\"}".to_vec(), false),
        (
            "BOM",
            "\u{feff}{\"provider\": \"AWS\"}".as_bytes().to_vec(),
            false,
        ),
        (
            "lone surrogate",
            br#"{"provider": "\ud800"}"#.to_vec(),
            false,
        ),
    ];
    println!("| input | bytes | findings | time |");
    println!("|---|---|---|---|");
    for (name, bytes, lifted) in cases {
        let opts = if lifted {
            no_limit.clone()
        } else {
            privlink::Options::default()
        };
        let t = Instant::now();
        let r = privlink::check_bytes(&bytes, &opts);
        let dt = t.elapsed();
        // Each code once, in order of first appearance, with a count when repeated.
        let mut codes: Vec<(&str, usize)> = Vec::new();
        for d in r.diagnostics() {
            match codes.iter_mut().find(|(c, _)| *c == d.code) {
                Some((_, n)) => *n += 1,
                None => codes.push((d.code, 1)),
            }
        }
        let codes: Vec<String> = codes
            .iter()
            .map(|(c, n)| {
                if *n == 1 {
                    c.to_string()
                } else {
                    format!("{c} x{n}")
                }
            })
            .collect();
        println!(
            "| {name} | {} | {} | {dt:.2?} |",
            bytes.len(),
            codes.join(" ")
        );
    }
}
