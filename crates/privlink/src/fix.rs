//! Applying the machine-applicable fixes the rules offer.

use crate::check::{check_with, Options, Report};
use crate::diagnostic::Edit;

/// Applies every fix in `report` to `text` (the text the report was made from), skipping fixes
/// that overlap an earlier one; only the bytes the fixes name change. Nothing is applied when
/// the text does not parse cleanly (PL001/PL003/PL004): which value is meant is then unclear.
pub fn apply_fixes(text: &str, report: &Report) -> String {
    let unclear = report
        .diagnostics()
        .iter()
        .any(|d| matches!(d.code, "PL001" | "PL003" | "PL004"));
    if unclear {
        return text.to_string();
    }
    let mut fixes: Vec<&[Edit]> = report
        .diagnostics()
        .iter()
        .filter(|d| d.span.is_some())
        .filter_map(|d| d.fix.as_ref())
        .map(|f| f.edits.as_slice())
        .filter(|e| !e.is_empty())
        .collect();
    fixes.sort_by_key(|e| e[0].offset);
    // Accepted edits by offset. They never overlap each other, so no two share an offset, and
    // an edit that overlaps any of them overlaps the one just before or just after its offset:
    // two lookups instead of a scan (100k fixes stay fast).
    let mut accepted: std::collections::BTreeMap<usize, &Edit> = std::collections::BTreeMap::new();
    for edits in fixes {
        let fits = edits.iter().all(|e| {
            e.offset + e.length <= text.len()
                && text.is_char_boundary(e.offset)
                && text.is_char_boundary(e.offset + e.length)
                && accepted
                    .range(..=e.offset)
                    .next_back()
                    .into_iter()
                    .chain(accepted.range(e.offset + 1..).next())
                    .all(|(_, a)| !a.overlaps(e))
        });
        if fits {
            accepted.extend(edits.iter().map(|e| (e.offset, e)));
        }
    }
    let accepted = accepted.into_values();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in accepted {
        out.push_str(&text[pos..e.offset]);
        out.push_str(&e.replacement);
        pos = e.offset + e.length;
    }
    out.push_str(&text[pos..]);
    out
}

/// Two findings of `report` whose fixes touch the same bytes (indices into
/// [`Report::diagnostics`], the smaller first), or `None` when every fix can be applied
/// together. Tools that refuse such a file rather than drop one fix (`privlink check --fix`)
/// ask this before [`apply_fixes`]. One sweep over the sorted edits: O(n log n).
pub fn overlapping_fixes(report: &Report) -> Option<(usize, usize)> {
    let mut edits: Vec<(&Edit, usize)> = report
        .diagnostics()
        .iter()
        .enumerate()
        .filter(|(_, d)| d.span.is_some())
        .flat_map(|(i, d)| {
            d.fix
                .iter()
                .flat_map(move |f| f.edits.iter().map(move |e| (e, i)))
        })
        .collect();
    edits.sort_by_key(|(e, _)| (e.offset, e.length));
    // The edit reaching furthest so far, and the previous one: an edit that overlaps any
    // earlier edit overlaps one of these two (edits are sorted by offset).
    let mut furthest: Option<(&Edit, usize)> = None;
    let mut previous: Option<(&Edit, usize)> = None;
    for &(e, i) in &edits {
        for (a, j) in [furthest, previous].into_iter().flatten() {
            if j != i && a.overlaps(e) {
                return Some((j.min(i), j.max(i)));
            }
        }
        if furthest.is_none_or(|(f, _)| e.offset + e.length > f.offset + f.length) {
            furthest = Some((e, i));
        }
        previous = Some((e, i));
    }
    None
}

/// Checks and fixes until no fix applies (at most 8 rounds): the result of [`fix`] is a fixed
/// point, so fixing twice equals fixing once.
pub fn fix(text: &str, opts: &Options) -> String {
    let mut current = text.to_string();
    for _ in 0..8 {
        let report = check_with(&current, opts);
        let next = apply_fixes(&current, &report);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        fix(text, &Options::default())
    }

    #[test]
    fn fixes_touch_only_their_bytes() {
        let text = "{\n  \"provider\": \"aws\",\n  \"vendor\": \"msk\",\n  \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\",\n  \"state\": \"DONE\"\n}\n";
        assert_eq!(
            fixed(text),
            "{\n  \"provider\": \"AWS\",\n  \"vendor\": \"MSK\",\n  \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\"\n}\n"
        );
    }

    #[test]
    fn renames_trims_and_completes() {
        let text = r#"{"provider": "AWS", "vendor": "S3", "region": " us-east-1 ", "serviceEndpointID": "com.amazonaws.us-east-1.s3"}"#;
        assert_eq!(
            fixed(text),
            r#"{"provider": "AWS", "vendor": "S3", "region": "us-east-1", "serviceEndpointId": "com.amazonaws.us-east-1.s3"}"#
        );
        let text = "{\n  \"provider\": \"AWS\",\n  \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\"\n}";
        assert_eq!(
            fixed(text),
            "{\n  \"provider\": \"AWS\",\n  \"vendor\": \"MSK\",\n  \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\"\n}"
        );
    }

    #[test]
    fn fixes_domains_and_lists() {
        let text = r#"{"provider": "AWS", "vendor": "CONFLUENT", "region": "us-east-1", "serviceEndpointId": "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9", "dnsDomain": "https://sample.us-east-1.aws.confluent.cloud:9092", "dnsSubDomain": ["use1-az1", "use1-az1"]}"#;
        assert_eq!(
            fixed(text),
            r#"{"provider": "AWS", "vendor": "CONFLUENT", "region": "us-east-1", "serviceEndpointId": "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9", "dnsDomain": "sample.us-east-1.aws.confluent.cloud", "dnsSubDomain": ["use1-az1.sample.us-east-1.aws.confluent.cloud"]}"#
        );
        assert!(check_with(&fixed(text), &Options::default()).is_valid());
    }

    #[test]
    fn leaves_unclear_input_alone() {
        let text = r#"{"provider": "aws", "provider": "gcp"}"#;
        assert_eq!(fixed(text), text);
    }
}
