//! Every fixture under `tests/fixtures/` and every example under `examples/` gives exactly the
//! findings its `.expected` file lists (`CODE severity pointer`, order-insensitive), and every
//! rule in the registry has a failing and a passing fixture.

use privlink::{Options, Request};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `*.json` payload with an `.expected` file beside it, sorted.
pub fn cases() -> Vec<PathBuf> {
    payloads::json_files(&root(), &["tests/fixtures", "examples"])
        .into_iter()
        .filter(|p| p.with_extension("expected").exists())
        .collect()
}

#[path = "../../../tests/support/payloads.rs"]
mod payloads;

fn request_for(path: &Path, body: &str) -> Option<Request> {
    let args = std::fs::read_to_string(path.with_extension("args")).ok()?;
    let mut req = Request {
        body: body.to_string(),
        ..Request::default()
    };
    for line in args
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(v) = line.strip_prefix("--group-id=") {
            req.group_id = Some(v.to_string());
        } else if let Some(v) = line.strip_prefix("--query=") {
            let (k, val) = v.split_once('=').unwrap_or((v, ""));
            req.query.push((k.to_string(), val.to_string()));
        } else if let Some(v) = line.strip_prefix("--accept=") {
            req.accept = Some(v.to_string());
        } else {
            panic!("{}: unknown argument line `{line}`", path.display());
        }
    }
    Some(req)
}

fn findings(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let report = match std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| request_for(path, t))
    {
        Some(req) => privlink::check_request(&req),
        None => privlink::check_bytes(&bytes, &Options::default()),
    };
    let mut v: Vec<String> = report
        .diagnostics()
        .iter()
        .map(|d| {
            let ptr = if d.pointer.is_empty() {
                "\"\""
            } else {
                d.pointer.as_str()
            };
            format!("{} {} {}", d.code, d.severity, ptr)
        })
        .collect();
    v.sort();
    v
}

fn expected(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path.with_extension("expected")).unwrap();
    let mut v: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures_give_exactly_the_expected_findings() {
    let cases = cases();
    assert!(cases.len() > 40, "only {} fixtures found", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let (got, want) = (findings(case), expected(case));
        if got != want {
            let rel = case
                .strip_prefix(root())
                .unwrap_or(case)
                .display()
                .to_string();
            let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
            let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
            failures.push(format!(
                "{rel}\n  missing: {missing:?}\n  unexpected: {extra:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    let mut by_dir: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for c in cases() {
        if let Some(dir) = c.parent().and_then(|p| p.file_name()) {
            by_dir
                .entry(dir.to_string_lossy().into_owned())
                .or_default()
                .push(c.clone());
        }
    }
    let mut problems = Vec::new();
    for rule in privlink::rules() {
        let files = by_dir.get(rule.code).cloned().unwrap_or_default();
        let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
        let fails: Vec<_> = files
            .iter()
            .filter(|p| name(p).starts_with("fail"))
            .collect();
        let passes: Vec<_> = files
            .iter()
            .filter(|p| name(p).starts_with("pass"))
            .collect();
        if fails.is_empty() || passes.is_empty() {
            problems.push(format!(
                "{}: {} failing and {} passing fixtures",
                rule.code,
                fails.len(),
                passes.len()
            ));
            continue;
        }
        for f in fails {
            if !expected(f).iter().any(|l| l.starts_with(rule.code)) {
                problems.push(format!("{} does not expect {}", name(f), rule.code));
            }
        }
        for p in passes {
            if expected(p).iter().any(|l| l.starts_with(rule.code)) {
                problems.push(format!("{} expects {}", name(p), rule.code));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
