//! Per rule: a snapshot of the rendered (human) diagnostic of its first failing fixture; and for
//! every fixture and example, the CLI's `--format json` gives the same findings as the library.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

#[path = "../../../tests/support/payloads.rs"]
mod payloads;

/// Every fixture and example payload.
fn cases() -> Vec<PathBuf> {
    payloads::json_files(&root(), &["tests/fixtures", "examples"])
}

fn args_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path.with_extension("args"))
        .map(|a| {
            a.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn run(path: &Path, format: &str) -> String {
    let rel = path.strip_prefix(root()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_privlink"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .arg("check")
        .arg("--format")
        .arg(format)
        .args(args_of(path))
        .arg(rel)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}: {}",
        rel.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

type Finding = (String, String, String, Option<usize>, Option<usize>);

fn library(path: &Path) -> Vec<Finding> {
    let bytes = std::fs::read(path).unwrap();
    let args = args_of(path);
    let report = if args.is_empty() {
        privlink::check_bytes(&bytes, &privlink::Options::default())
    } else {
        let mut req = privlink::Request {
            body: String::from_utf8(bytes).unwrap(),
            ..Default::default()
        };
        for a in args {
            if let Some(v) = a.strip_prefix("--group-id=") {
                req.group_id = Some(v.into());
            } else if let Some(v) = a.strip_prefix("--accept=") {
                req.accept = Some(v.into());
            } else if let Some(v) = a.strip_prefix("--query=") {
                let (k, val) = v.split_once('=').unwrap_or((v, ""));
                req.query.push((k.into(), val.into()));
            }
        }
        privlink::check_request(&req)
    };
    report
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity.to_string(),
                d.pointer.clone(),
                d.start.map(|p| p.line),
                d.start.map(|p| p.column),
            )
        })
        .collect()
}

#[test]
fn cli_json_matches_the_library() {
    let cases = cases();
    assert!(!cases.is_empty());
    for case in cases {
        let json: serde_json::Value = serde_json::from_str(&run(&case, "json")).unwrap();
        let cli: Vec<Finding> = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                    d["pointer"].as_str().unwrap().to_string(),
                    d["start"]["line"].as_u64().map(|x| x as usize),
                    d["start"]["column"].as_u64().map(|x| x as usize),
                )
            })
            .collect();
        assert_eq!(cli, library(&case), "{}", case.display());
    }
}

#[test]
fn every_rule_renders() {
    for rule in privlink::rules() {
        let dir = root().join("tests/fixtures").join(rule.code);
        let mut fails: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|x| x == "json")
                            && p.file_name().unwrap().to_string_lossy().starts_with("fail")
                    })
                    .collect()
            })
            .unwrap_or_default();
        fails.sort();
        let Some(first) = fails.first() else {
            panic!("{} has no failing fixture", rule.code);
        };
        let rendered = run(first, "human");
        assert!(
            rendered.contains(rule.code),
            "{}: rendering of {} lacks the code",
            rule.code,
            first.display()
        );
        insta::assert_snapshot!(format!("rule_{}", rule.code), rendered);
    }
}
