//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
//!
//! Every rule is in `tool.driver.rules` (short and full description, help, help URI, default
//! level); every finding is a result with a relative `artifactLocation.uri`, a region in UTF-16
//! columns (`columnKind`), and a stable `partialFingerprints` entry that does not depend on the
//! line (so moving a finding does not make it a new alert). Unreadable files are
//! `toolExecutionNotifications`.

use super::{sarif_level, FileResult};
use privlink::{Diagnostic, RuleMeta};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Where the rule documentation lives.
pub(crate) const DOCS_URL: &str = "https://github.com/privlink/privlink/blob/main/docs/rules.md";

/// The rule's "What it does" paragraph as plain text (its summary when there is none).
fn full_description(r: &RuleMeta) -> String {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in r.docs.lines() {
        let t = line.trim();
        if t.starts_with('#') {
            if inside {
                break;
            }
            inside = t
                .trim_start_matches('#')
                .trim()
                .eq_ignore_ascii_case("What it does");
            continue;
        }
        if inside {
            lines.push(t);
        }
    }
    let text = lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        r.summary.to_string()
    } else {
        text
    }
}

fn rule_descriptor(r: &RuleMeta) -> Value {
    json!({
        "id": r.code,
        "name": pascal(r.name),
        "shortDescription": { "text": sentence(r.summary) },
        "fullDescription": { "text": sentence(&full_description(r)) },
        "help": {
            "text": r.docs.trim(),
            "markdown": r.docs.trim(),
        },
        "helpUri": format!("{DOCS_URL}#{}", r.code.to_ascii_lowercase()),
        "defaultConfiguration": { "level": sarif_level(r.severity) },
        "properties": {
            "tags": [family_tag(r)],
            "precision": "very-high",
        },
    })
}

/// `missing-required-field` -> `MissingRequiredField` (SARIF friendly names are Pascal case).
fn pascal(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn family_tag(r: &RuleMeta) -> String {
    format!("{}xx", &r.code[..3])
}

/// Ends a text with a period (SARIF messages are sentences).
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// A URI reference for a shown path: relative paths percent-encoded, absolute ones as `file:`.
pub(crate) fn uri_of(path: &str) -> String {
    let mut out = String::new();
    let (prefix, rest) = if path.starts_with('/') {
        ("file://", path)
    } else {
        ("", path)
    };
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{prefix}{out}")
}

/// FNV-1a, 64 bits: stable across builds and platforms.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The source text of a span, and of the lines around it.
#[derive(Debug, Clone, Copy)]
struct Source<'a> {
    text: &'a str,
}

impl Source<'_> {
    fn slice(&self, span: Option<privlink::Span>) -> Option<&str> {
        let s = span?;
        self.text.get(s.offset..s.end())
    }

    /// Lines `from..=to` (1-based), with their line ends.
    fn lines(&self, from: usize, to: usize) -> String {
        self.text
            .split_inclusive('\n')
            .skip(from - 1)
            .take(to + 1 - from)
            .collect()
    }

    fn line_count(&self) -> usize {
        self.text.split_inclusive('\n').count().max(1)
    }
}

fn location_in(
    uri: &str,
    src: Source<'_>,
    span: Option<privlink::Span>,
    start: Option<(usize, usize)>,
    end: Option<(usize, usize)>,
) -> Value {
    let mut loc = location(uri, start, end);
    if let (Some(snippet), Some((sl, _)), Some((el, _))) = (src.slice(span), start, end) {
        let phys = &mut loc["physicalLocation"];
        phys["region"]["snippet"] = json!({ "text": snippet });
        let (cs, ce) = (sl.saturating_sub(1).max(1), (el + 1).min(src.line_count()));
        phys["contextRegion"] = json!({
            "startLine": cs,
            "endLine": ce,
            "snippet": { "text": src.lines(cs, ce) },
        });
    }
    loc
}

fn location(uri: &str, d_start: Option<(usize, usize)>, d_end: Option<(usize, usize)>) -> Value {
    let mut phys = json!({
        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
    });
    if let (Some((sl, sc)), Some((el, ec))) = (d_start, d_end) {
        phys["region"] = json!({
            "startLine": sl,
            "startColumn": sc,
            "endLine": el,
            "endColumn": ec,
        });
    } else {
        // Request-level findings (PL6xx) have no place in the body: the whole first line.
        phys["region"] = json!({ "startLine": 1 });
    }
    json!({ "physicalLocation": phys })
}

fn result(d: &Diagnostic, uri: &str, src: Source<'_>, index: usize, occurrence: usize) -> Value {
    let pos = |p: Option<privlink::Position>| p.map(|p| (p.line, p.utf16_column));
    let mut text = sentence(&d.message);
    if d.span.is_none() && !d.pointer.is_empty() {
        text = format!("{text} (request parameter `{}`)", d.pointer);
    }
    if let Some(h) = &d.help {
        text = format!("{text} Help: {}", sentence(h));
    }
    let mut v = json!({
        "ruleId": d.code,
        "ruleIndex": index,
        "level": sarif_level(d.severity),
        "message": { "text": text },
        "locations": [location_in(uri, src, d.span, pos(d.start), pos(d.end))],
        "partialFingerprints": {
            "privlink/v1": fnv1a(&[d.code, uri, &d.pointer, &occurrence.to_string()]),
        },
        "properties": { "pointer": d.pointer },
    });
    let related: Vec<Value> = d
        .labels
        .iter()
        .filter(|l| l.span.is_some())
        .enumerate()
        .map(|(i, l)| {
            let mut loc = location_in(uri, src, l.span, pos(l.start), pos(l.end));
            loc["id"] = json!(i + 1);
            loc["message"] = json!({ "text": sentence(&l.message) });
            loc
        })
        .collect();
    if !related.is_empty() {
        v["relatedLocations"] = Value::Array(related);
    }
    v
}

pub(crate) fn render(results: &[FileResult]) -> String {
    let rules = privlink::rules();
    let index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let mut out_results = Vec::new();
    let mut notifications = Vec::new();
    for r in results {
        let uri = uri_of(&r.path);
        match &r.outcome {
            Ok(report) => {
                let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
                for d in report.diagnostics() {
                    let n = seen.entry((d.code, d.pointer.as_str())).or_default();
                    let src = Source { text: &r.text };
                    out_results.push(result(d, &uri, src, index[d.code], *n));
                    *n += 1;
                }
            }
            Err(e) => notifications.push(json!({
                "level": "error",
                "message": { "text": sentence(e) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                    },
                }],
            })),
        }
    }
    let mut invocation = json!({ "executionSuccessful": notifications.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "privlink",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/privlink/privlink",
                    "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
                },
            },
            "invocations": [invocation],
            "columnKind": "utf16CodeUnits",
            "results": out_results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("JSON values serialize");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri_of("a b/c#.json"), "a%20b/c%23.json");
        assert_eq!(uri_of("/abs/x.json"), "file:///abs/x.json");
    }

    #[test]
    fn every_rule_has_a_full_description() {
        for r in privlink::rules() {
            assert!(!full_description(r).is_empty(), "{}", r.code);
        }
    }
}
