//! The rule docs are generated from the registry and current, and every rule's doc comment has
//! the four sections.

use std::path::Path;

#[test]
fn every_rule_is_documented() {
    for r in privlink::rules() {
        for section in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                r.docs.contains(section),
                "{} ({}) lacks `{section}` in its doc comment",
                r.code,
                r.name
            );
        }
        assert!(!r.summary.is_empty(), "{} has no summary", r.code);
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let rules = privlink::rules();
    for (i, r) in rules.iter().enumerate() {
        assert!(r.code.len() == 5 && r.code.starts_with("PL"), "{}", r.code);
        assert!(
            r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}",
            r.name
        );
        for other in &rules[i + 1..] {
            assert_ne!(r.code, other.code);
            assert_ne!(r.name, other.name);
        }
        assert_eq!(privlink::rule(r.code).unwrap().code, r.code);
        assert_eq!(privlink::rule(r.name).unwrap().code, r.code);
    }
}

#[test]
fn docs_rules_md_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let want = privlink::docs::rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test -p privlink --test docs`"
    );
}

#[test]
fn regions_table_matches_the_spec() {
    let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/regions.tsv");
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/regions.tsv");
    // The spec folder sits beside the repository on developer machines and in CI; a clone
    // elsewhere only checks the copy.
    if let Ok(spec) = std::fs::read_to_string(spec) {
        assert_eq!(
            std::fs::read_to_string(ours).unwrap(),
            spec,
            "crates/privlink/data/regions.tsv differs from the spec's regions.tsv: copy it and run scripts/gen-regions.py"
        );
    }
    assert_eq!(privlink::regions().len(), 129);
}
