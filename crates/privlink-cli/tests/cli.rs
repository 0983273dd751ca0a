//! The CLI end to end: every output format snapshotted on a passing file, a failing file, a
//! parse error and an unreadable file; the SARIF validated against the SARIF 2.1.0 schema; and
//! the flags (exit codes, selection, configuration, fixes, inputs).
//!
//! Inputs are the small payloads in `tests/inputs/` (self-contained, not the rule fixtures).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn inputs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

fn privlink(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_privlink"));
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(args);
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    privlink(dir, args).stdin(Stdio::null()).output().unwrap()
}

fn run_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = privlink(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn transcript(o: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        code(o),
        stdout(o),
        stderr(o)
    )
}

const FORMATS: &[&str] = &["human", "concise", "json", "sarif", "github", "atlas-error"];
const CASES: &[(&str, &str)] = &[
    ("pass", "pass.json"),
    ("fail", "fail.json"),
    ("parse_error", "parse_error.json"),
    ("unreadable", "missing.json"),
];

#[test]
fn every_format_on_every_case() {
    for format in FORMATS {
        for (case, file) in CASES {
            let o = run(
                &inputs(),
                &["check", "--no-config", "--format", format, file],
            );
            insta::assert_snapshot!(format!("{format}__{case}"), transcript(&o));
        }
    }
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let args = [
        "check",
        "--no-config",
        "--format",
        "sarif",
        "--group-id",
        "not-a-group",
        "pass.json",
        "fail.json",
        "parse_error.json",
        "missing.json",
    ];
    let o = run(&inputs(), &args);
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // GitHub's needs: every rule described, relative URIs, regions, fingerprints.
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), privlink::rules().len());
    for r in rules {
        for k in ["shortDescription", "fullDescription", "help"] {
            assert!(r[k]["text"].as_str().is_some_and(|t| !t.is_empty()), "{r}");
        }
        assert!(r["helpUri"].as_str().unwrap().starts_with("https://"));
    }
    let results = run0["results"].as_array().unwrap();
    assert!(results.len() >= 4);
    for res in results {
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(!loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with('/'));
        assert!(loc["region"]["startLine"].as_u64().is_some());
        assert!(res["partialFingerprints"]["privlink/v1"].is_string());
    }
    // Stable: the same input gives the same log.
    let again = run(&inputs(), &args);
    assert_eq!(stdout(&o), stdout(&again));
}

#[test]
fn exit_codes_follow_the_fail_level() {
    let dir = inputs();
    assert_eq!(code(&run(&dir, &["check", "--no-config", "pass.json"])), 0);
    assert_eq!(code(&run(&dir, &["check", "--no-config", "fail.json"])), 1);
    assert_eq!(
        code(&run(
            &dir,
            &["check", "--no-config", "--exit-zero", "fail.json"]
        )),
        0
    );
    assert_eq!(
        code(&run(&dir, &["check", "--no-config", "missing.json"])),
        2
    );
    assert_eq!(code(&run(&dir, &["check", "--bogus-flag"])), 2);
    // Only the warning left: fails at --fail-on warning, passes at the default.
    let only_warning = ["check", "--no-config", "--select", "PL203", "fail.json"];
    assert_eq!(code(&run(&dir, &only_warning)), 0);
    let mut w = only_warning.to_vec();
    w.extend(["--fail-on", "warning"]);
    assert_eq!(code(&run(&dir, &w)), 1);
    // --ignore and --severity switch findings off or change them.
    let o = run(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "--ignore",
            "PL4,read-only-field",
            "fail.json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", transcript(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "--severity",
            "PL401=warning",
            "--severity",
            "PL102=off",
            "fail.json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", transcript(&o));
    assert!(stdout(&o).contains("warning[PL401]"));
    assert_eq!(
        code(&run(&dir, &["check", "--select", "PL999", "fail.json"])),
        2
    );
    // -q: only the findings.
    let o = run(
        &dir,
        &[
            "check",
            "--no-config",
            "-q",
            "--format",
            "concise",
            "fail.json",
        ],
    );
    assert_eq!(stderr(&o), "");
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const FAIL: &str =
    "{\n  \"provider\": \"aws\",\n  \"vendor\": \"MSK\",\n  \"arn\": \"1235711\"\n}\n";

#[test]
fn configuration_is_found_and_applied() {
    let t = temp();
    let d = t.path();
    write(
        d,
        "privlink.toml",
        "exclude = [\"skipped/**\"]\n\n[severity]\nPL203 = \"off\"\ninvalid-arn = \"warning\"\n\n[per-file-ignores]\n\"legacy/*.json\" = [\"PL4\"]\n",
    );
    write(d, "a.json", FAIL);
    write(d, "legacy/b.json", FAIL);
    write(d, "skipped/c.json", FAIL);
    let o = run(d, &["check", "--format", "concise", "."]);
    assert_eq!(code(&o), 0, "{}", transcript(&o));
    assert_eq!(
        stdout(&o),
        "a.json:4:10: warning[PL401] `arn` \"1235711\" does not match ^arn:aws:kafka\n"
    );
    // Found from a sub-directory too (walking up from the file).
    let o = run(
        &d.join("legacy"),
        &["check", "--format", "concise", "b.json"],
    );
    assert_eq!(stdout(&o), "");
    // --config and --no-config.
    write(d, "other.toml", "[severity]\nPL401 = \"off\"\n");
    let o = run(
        d,
        &[
            "check",
            "--format",
            "concise",
            "--config",
            "other.toml",
            "a.json",
        ],
    );
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).contains("PL203"));
    let o = run(
        d,
        &["check", "--format", "concise", "--no-config", "a.json"],
    );
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn a_bad_configuration_points_at_the_line() {
    let t = temp();
    let d = t.path();
    write(
        d,
        "privlink.toml",
        "[severity]\nPL203 = \"off\"\nPL999 = \"error\"\n",
    );
    write(d, "a.json", FAIL);
    let o = run(d, &["check", "a.json"]);
    assert_eq!(code(&o), 2);
    insta::assert_snapshot!("bad_config", stderr(&o));
    write(d, "privlink.toml", "[severity]\nPL203 = \"loud\"\n");
    let o = run(d, &["check", "a.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("3 │ PL203") || stderr(&o).contains("2 │ PL203"),
        "{}",
        stderr(&o)
    );
    write(d, "privlink.toml", "colour = true\n");
    let o = run(d, &["check", "a.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unknown field"), "{}", stderr(&o));
}

#[test]
fn fix_writes_atomically_and_diff_writes_nothing() {
    let t = temp();
    let d = t.path();
    let text = "{\n  \"provider\": \"aws\" ,\n  \"vendor\": \"msk\",\n  \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\"\n}";
    write(d, "a.json", text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.join("a.json"), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = run(d, &["check", "--diff", "a.json"]);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!("diff", stdout(&o));
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), text);

    let o = run(d, &["check", "--fix", "--format", "concise", "a.json"]);
    assert_eq!(code(&o), 0, "{}", transcript(&o));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("fixed 2 findings in 1 file"),
        "{}",
        stderr(&o)
    );
    let fixed = std::fs::read_to_string(d.join("a.json")).unwrap();
    // Only the two values changed; the odd space before the comma and the missing final
    // newline are kept.
    assert_eq!(
        fixed,
        text.replace("\"aws\"", "\"AWS\"")
            .replace("\"msk\"", "\"MSK\"")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join("a.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let leftovers: Vec<_> = std::fs::read_dir(d).unwrap().flatten().collect();
    assert_eq!(leftovers.len(), 1, "a temporary file was left behind");
}

#[test]
fn overlapping_fixes_leave_the_file_alone() {
    let t = temp();
    let d = t.path();
    let text = "{\"provider\": \"AWS\", \"vendor\": \"MSK\", \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\", \"state\": \"\", \"_id\": null}";
    write(d, "a.json", text);
    let o = run(d, &["check", "--fix", "a.json"]);
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), text);
    assert!(stderr(&o).contains("a.json: not fixed"), "{}", stderr(&o));
    assert_eq!(code(&o), 1);
}

/// The same with more than 64 fixes (the overlap check then sweeps the sorted edits).
#[test]
fn overlapping_fixes_among_many_leave_the_file_alone() {
    let t = temp();
    let d = t.path();
    let entries: Vec<String> = (0..80)
        .map(|i| format!("\" z{i}.sample.us-east-1.aws.confluent.cloud\""))
        .collect();
    let text = format!(
        "{{\"provider\": \"AWS\", \"vendor\": \"CONFLUENT\", \"dnsSubDomain\": [{}], \"state\": \"\", \"_id\": null}}",
        entries.join(", ")
    );
    write(d, "a.json", &text);
    let o = run(d, &["check", "--fix", "a.json"]);
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), text);
    assert!(stderr(&o).contains("a.json: not fixed"), "{}", stderr(&o));
    // Without the overlapping pair, all 80 trims apply.
    let text = text.replace(", \"state\": \"\", \"_id\": null", "");
    write(d, "b.json", &text);
    run(d, &["check", "--fix", "b.json"]);
    let fixed = std::fs::read_to_string(d.join("b.json")).unwrap();
    assert!(!fixed.contains("\" z"), "{fixed}");
}

#[test]
fn stdin_with_a_name_and_fix() {
    let o = run_stdin(
        &inputs(),
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "--stdin-filename",
            "from-ci.json",
            "-",
        ],
        FAIL,
    );
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).starts_with("from-ci.json:2:15: warning[PL203]"),
        "{}",
        stdout(&o)
    );
    let o = run_stdin(
        &inputs(),
        &["check", "--no-config", "--fix", "--format", "concise", "-"],
        FAIL,
    );
    assert_eq!(stdout(&o), FAIL.replace("\"aws\"", "\"AWS\""));
    assert!(
        stderr(&o).contains("<stdin>:4:10: error[PL401]"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn directories_globs_and_gitignore() {
    let t = temp();
    let d = t.path();
    write(d, ".gitignore", "ignored/\n");
    write(d, "b/one.json", FAIL);
    write(d, "a/two.json", FAIL);
    write(d, "a/notes.txt", "not json");
    write(d, "ignored/three.json", FAIL);
    write(d, "node_modules/x/package.json", "{}");
    write(d, ".hidden/four.json", FAIL);
    let o = run(
        d,
        &["check", "--format", "concise", "--select", "PL401", "."],
    );
    assert_eq!(
        stdout(&o),
        "a/two.json:4:10: error[PL401] `arn` \"1235711\" does not match ^arn:aws:kafka\nb/one.json:4:10: error[PL401] `arn` \"1235711\" does not match ^arn:aws:kafka\n"
    );
    assert!(
        stderr(&o).ends_with("2 errors in 2 files\n"),
        "{}",
        stderr(&o)
    );
    let o = run(
        d,
        &[
            "check", "--format", "concise", "--select", "PL401", "b/*.json",
        ],
    );
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(
        d,
        &["check", "--format", "concise", "--exclude", "a/**", "."],
    );
    assert!(!stdout(&o).contains("a/two.json"));
    let o = run(d, &["check", "--include", "b/**", "."]);
    assert!(stderr(&o).ends_with("in 1 file\n"), "{}", stderr(&o));
    let o = run(d, &["check", "zzz/*.json"]);
    assert_eq!(code(&o), 0);
    assert!(stderr(&o).contains("matched no file"));
    let o = run(d, &["check", "--fail-on-unmatched-globs", "zzz/*.json"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn github_says_how_many_annotations_were_not_shown() {
    let t = temp();
    let d = t.path();
    for i in 0..12 {
        write(d, &format!("f{i:02}.json"), FAIL);
    }
    let o = run(
        d,
        &["check", "--format", "github", "--select", "PL401", "."],
    );
    let out = stdout(&o);
    assert_eq!(out.matches("::error ").count(), 12);
    assert!(
        out.trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("::notice title=privlink::2 errors not shown"),
        "{out}"
    );
}

#[test]
fn other_commands() {
    let dir = inputs();
    let o = run(&dir, &["rules", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rules.as_array().unwrap().len(), privlink::rules().len());
    let o = run(&dir, &["explain", "PL401"]);
    assert!(stdout(&o).starts_with("# PL401 (invalid-arn)"));
    assert_eq!(code(&run(&dir, &["explain", "PL999"])), 2);
    for shell in ["bash", "zsh", "fish"] {
        let o = run(&dir, &["completions", shell]);
        assert_eq!(code(&o), 0);
        assert!(stdout(&o).contains("privlink"));
    }
    let o = run(&dir, &["schema"]);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema, privlink::schema());
}
