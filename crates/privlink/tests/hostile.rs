//! Hostile inputs: each gives PL001 (invalid JSON) or PL004 (input limit), with memory bounded
//! by a small multiple of the input, and none panics. Also replays every fuzz regression input
//! (`fuzz/regressions/`) through the fuzz target's invariants.
//!
//! Speed is measured in `benches/hostile.rs`, not here (no timed tests).

use privlink::{check, check_bytes, check_with, Options, Report};
use std::path::Path;

fn codes(r: &Report) -> Vec<&'static str> {
    r.diagnostics().iter().map(|d| d.code).collect()
}

/// Asserts the report is exactly one input-level error (PL001 or PL004).
fn assert_input_error(name: &str, r: &Report, want: &str) {
    let c = codes(r);
    assert_eq!(c, vec![want], "{name}: expected only {want}, got {c:?}");
    assert!(!r.is_valid(), "{name}");
}

/// The memory measurement reads the whole process's peak: tests that allocate a lot take this
/// lock so that they do not run while another measures.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Peak resident memory (VmHWM, bytes) since the last reset, on Linux.
#[cfg(target_os = "linux")]
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(target_os = "linux")]
fn reset_peak_rss() -> bool {
    // "5" resets the peak RSS of the process (proc(5), /proc/pid/clear_refs).
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Runs `f` and asserts that the peak resident memory grows by at most `4 x input + 32 MiB`.
/// Inputs are built before the measurement. Skipped where the peak cannot be reset.
fn bounded<T>(name: &str, input_len: usize, f: impl FnOnce() -> T) -> T {
    #[cfg(target_os = "linux")]
    {
        if reset_peak_rss() {
            if let Some(before) = peak_rss() {
                let out = f();
                let after = peak_rss().unwrap_or(before);
                let limit = 4 * input_len + (32 << 20);
                assert!(
                    after.saturating_sub(before) <= limit,
                    "{name}: peak memory grew by {} bytes (input {} bytes, limit {limit})",
                    after - before,
                    input_len
                );
                return out;
            }
        }
    }
    let _ = (name, input_len);
    f()
}

/// Every hostile input in one test, one after the other, so that the memory measurement of
/// each is not disturbed by the others.
#[test]
fn hostile_inputs_give_input_errors_with_bounded_memory() {
    let _heavy = heavy();
    // 100 MB of `[`: over the size limit.
    let s = "[".repeat(100 << 20);
    let r = bounded("100 MB of [", s.len(), || check(&s));
    assert_input_error("100 MB of [", &r, "PL004");
    // ... and with the size limit lifted: the depth limit stops it without recursing.
    let mut no_size_limit = Options::default();
    no_size_limit.max_bytes = usize::MAX;
    let r = bounded("100 MB of [, no size limit", s.len(), || {
        check_with(&s, &no_size_limit)
    });
    assert_input_error("100 MB of [, no size limit", &r, "PL004");
    drop(s);

    // A 10 MB string.
    let s = format!("{{\"provider\": \"{}\"}}", "A".repeat(10 << 20));
    let r = bounded("10 MB string", s.len(), || check(&s));
    assert_input_error("10 MB string", &r, "PL004");
    // With the size limit lifted it is checked like any other value; messages stay short.
    let r = bounded("10 MB string, no size limit", s.len(), || {
        check_with(&s, &no_size_limit)
    });
    assert!(r.diagnostics().iter().any(|d| d.code == "PL202"));
    assert!(r.diagnostics().iter().all(|d| d.message.len() < 1000));
    drop(s);

    // 100k keys (realistic key lengths make it larger than the 1 MiB limit).
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"key_{i:06}\": 0")).collect();
    let s = format!("{{{}}}", keys.join(", "));
    let r = bounded("100k keys", s.len(), || check(&s));
    assert_input_error("100k keys", &r, "PL004");
    drop(s);

    // Deep nesting, within the size limit.
    for (name, s) in [
        (
            "500k nested arrays",
            format!("{}{}", "[".repeat(500_000), "]".repeat(500_000)),
        ),
        (
            "100k nested objects",
            format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
        ),
        (
            "deep inside a field",
            format!("{{\"provider\": {}{}}}", "[".repeat(100), "]".repeat(100)),
        ),
    ] {
        let r = bounded(name, s.len(), || check(&s));
        assert_input_error(name, &r, "PL004");
    }
}

#[test]
fn invalid_utf8_is_pl001() {
    for bytes in [
        &b"{\"provider\": \"\xff\xfe\"}"[..],
        b"\xff\xfe{\0\"\0}\0",               // UTF-16 LE with its BOM
        b"{\"provider\": \"\xc3\"}",         // truncated sequence
        b"{\"provider\": \"\xed\xa0\x80\"}", // an encoded surrogate (CESU-8)
        b"\x80",
    ] {
        let r = check_bytes(bytes, &Options::default());
        assert_input_error(&format!("{bytes:?}"), &r, "PL001");
        for d in r.diagnostics() {
            let sp = d.span.expect("a span");
            assert!(sp.offset <= bytes.len());
        }
    }
}

#[test]
fn nul_bytes_are_pl001() {
    for s in [
        "{\"provider\": \"AWS\u{0}\"}",
        "\u{0}",
        "{\u{0}}",
        "{\"provider\": \"AWS\"}\u{0}",
    ] {
        assert_input_error(&format!("{s:?}"), &check(s), "PL001");
    }
}

#[test]
fn a_byte_order_mark_is_pl001() {
    let s = "\u{feff}{\"provider\": \"AWS\", \"vendor\": \"MSK\"}";
    assert_input_error("BOM", &check(s), "PL001");
    let r = check_bytes(s.as_bytes(), &Options::default());
    assert_input_error("BOM bytes", &r, "PL001");
}

#[test]
fn lone_surrogates_in_escapes_are_pl001() {
    for s in [
        r#"{"provider": "\ud800"}"#,
        r#"{"provider": "\udc00"}"#,
        r#"{"provider": "\ud800\u0041"}"#,
        r#"{"provider": "\udbff\udbff"}"#,
        r#"{"\ud800": "AWS"}"#,
        r#"{"dnsSubDomain": ["\udfff"]}"#,
    ] {
        assert_input_error(s, &check(s), "PL001");
    }
    // A proper pair is fine.
    let r = check(r#"{"provider": "\ud83d\ude00"}"#);
    assert!(!codes(&r).contains(&"PL001"));
}

// ---------------------------------------------------------------------------------------------
// Fuzz regressions: the same invariants as `fuzz/fuzz_targets/check.rs`.

fn fuzz_invariants(name: &str, data: &[u8]) {
    let opts = Options::default();
    let by_bytes = check_bytes(data, &opts);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(!by_bytes.is_valid(), "{name}: invalid UTF-8 reported valid");
        return;
    };
    let report = check(text);
    assert_eq!(report, by_bytes, "{name}");
    let fixed = privlink::apply_fixes(text, &report);
    assert!(
        check(&fixed).counts().errors <= report.counts().errors,
        "{name}: applying fixes added errors\n{text}\n---\n{fixed}"
    );
    let f1 = privlink::fix(text, &opts);
    assert_eq!(
        privlink::fix(&f1, &opts),
        f1,
        "{name}: fixing twice differs from fixing once"
    );
}

#[test]
fn fuzz_regressions_hold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let entries = std::fs::read_dir(&dir).expect("fuzz/regressions exists");
    let mut seen = 0;
    for e in entries.flatten() {
        seen += 1;
        let p = e.path();
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        fuzz_invariants(&name, &std::fs::read(&p).unwrap());
    }
    assert!(seen > 0, "no fuzz regressions found in {}", dir.display());
}

/// 100k short keys stay under the 1 MiB limit, so they are checked in full: the duplicate-key
/// and key-suggestion passes must stay linear (this was quadratic once: 84 s in release).
#[test]
fn many_short_keys_under_the_limit() {
    let _heavy = heavy();
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"{i}\":0")).collect();
    let s = format!("{{{}}}", keys.join(","));
    assert!(s.len() < privlink::DEFAULT_MAX_BYTES);
    let r = check(&s);
    assert!(!r.is_valid());
}

/// 100k copies of one key that suggests a field (`"a"` -> `arn`): each is a misspelt key and a
/// duplicate; the stand-in lookup must not scan the object once per key (this took 23 s).
#[test]
fn many_copies_of_one_key_under_the_limit() {
    let _heavy = heavy();
    let s = format!("{{{}}}", vec!["\"a\":0"; 100_000].join(","));
    assert!(s.len() < privlink::DEFAULT_MAX_BYTES);
    let r = check(&s);
    let c = codes(&r);
    assert_eq!(c.iter().filter(|c| **c == "PL003").count(), 99_999);
    assert_eq!(c.iter().filter(|c| **c == "PL101").count(), 100_000);
}

/// 40k fixes in one file are applied in one pass (the overlap check must not be quadratic),
/// and every one of them is applied.
#[test]
fn many_fixes_apply() {
    let _heavy = heavy();
    let entries: Vec<String> = (0..40_000)
        .map(|i| format!("\" h{i}.example.com\""))
        .collect();
    let s = format!(
        "{{\"provider\": \"AWS\", \"vendor\": \"CONFLUENT\", \"dnsSubDomain\": [{}]}}",
        entries.join(",")
    );
    assert!(s.len() < privlink::DEFAULT_MAX_BYTES);
    let r = check(&s);
    let trims = r.diagnostics().iter().filter(|d| d.code == "PL105").count();
    assert_eq!(trims, 40_000);
    let fixed = privlink::apply_fixes(&s, &r);
    assert!(!fixed.contains("\" h"), "every entry trimmed");
    assert_eq!(fixed.len(), s.len() - 40_000);
}
