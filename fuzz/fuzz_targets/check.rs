//! One target over the whole public surface that takes untrusted text: `check_bytes`/`check`,
//! `check_request` (the input is split into body, group id, query and `Accept`), and
//! `apply_fixes`/`fix` with their two invariants:
//! - fixing then re-checking never adds an error;
//! - fixing twice equals fixing once.
//!
//! Run: `cd fuzz && cargo +nightly fuzz run check -- -jobs=1 -max_total_time=600` (docs/fuzzing.md).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| privlink_fuzz_check(data));

fn errors(report: &privlink::Report) -> usize {
    report.counts().errors
}

fn privlink_fuzz_check(data: &[u8]) {
    let opts = privlink::Options::default();
    // Raw bytes: invalid UTF-8 must be a finding, never a panic.
    let by_bytes = privlink::check_bytes(data, &opts);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(!by_bytes.is_valid(), "invalid UTF-8 reported valid");
        return;
    };
    let report = privlink::check(text);
    assert_eq!(
        report, by_bytes,
        "check_bytes and check disagree on UTF-8 input"
    );
    for d in report.diagnostics() {
        if let Some(s) = d.span {
            assert!(
                s.offset + s.length <= text.len(),
                "span out of bounds: {d:?}"
            );
            assert!(
                text.is_char_boundary(s.offset),
                "span not on a char boundary: {d:?}"
            );
        }
    }

    // apply_fixes: never adds an error.
    let fixed_once = privlink::apply_fixes(text, &report);
    let after = privlink::check(&fixed_once);
    assert!(
        errors(&after) <= errors(&report),
        "applying fixes added errors\n--- before ({} errors)\n{text}\n--- after ({} errors)\n{fixed_once}\n{:#?}",
        errors(&report),
        errors(&after),
        after.diagnostics()
    );
    // fix: a fixed point (fixing twice equals fixing once), and never adds an error.
    let f1 = privlink::fix(text, &opts);
    let f2 = privlink::fix(&f1, &opts);
    assert_eq!(
        f1, f2,
        "fixing twice differs from fixing once\n--- input\n{text}"
    );
    let after_fix = privlink::check(&f1);
    assert!(
        errors(&after_fix) <= errors(&report),
        "fix added errors\n--- input\n{text}\n--- fixed\n{f1}"
    );

    // check_request: the first lines carry the request around the body.
    // Layout: <group id>\n<query a=b&c=d>\n<accept>\n<body...>; shorter inputs are all body.
    let mut parts = text.splitn(4, '\n');
    let (g, q, a, b) = (parts.next(), parts.next(), parts.next(), parts.next());
    let req = match (g, q, a, b) {
        (Some(g), Some(q), Some(a), Some(b)) => privlink::Request {
            group_id: Some(g.to_string()),
            query: q
                .split('&')
                .filter(|kv| !kv.is_empty())
                .map(|kv| match kv.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (kv.to_string(), String::new()),
                })
                .collect(),
            accept: Some(a.to_string()),
            body: b.to_string(),
        },
        _ => privlink::Request {
            body: text.to_string(),
            ..Default::default()
        },
    };
    let r = privlink::check_request(&req);
    let body_only = privlink::check(&req.body);
    // The request-level findings only add to the body's.
    assert!(r.diagnostics().len() >= body_only.diagnostics().len());
    assert!(errors(&r) >= errors(&body_only));
}
