//! `--fix` and `--diff`: apply the core's safe fixes, refusing files whose fixes overlap, and
//! write atomically (temp file + rename, permissions kept).

use privlink::{Diagnostic, Report};
use std::io::Write;
use std::path::Path;

/// What fixing one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FixOutcome {
    /// No fix applied (none offered, or the text does not parse cleanly).
    Unchanged,
    /// The text changed; `fixes` findings were fixed.
    Fixed { text: String, fixes: usize },
    /// Two fixes would touch the same bytes: the file is left alone.
    Overlap { first: String, second: String },
}

/// Rounds of check-and-fix (a fix can reveal another, e.g. a renamed key's value).
const MAX_ROUNDS: usize = 8;

/// Repeatedly checks and applies fixes until none applies. `check` re-checks a text.
pub(crate) fn fix_text(text: &str, check: impl Fn(&str) -> Report) -> FixOutcome {
    let mut current = text.to_string();
    let mut fixes = 0;
    for _ in 0..MAX_ROUNDS {
        let report = check(&current);
        if report
            .diagnostics()
            .iter()
            .any(|d| matches!(d.code, "PL001" | "PL003" | "PL004"))
        {
            break;
        }
        let fixable: Vec<&Diagnostic> = report
            .diagnostics()
            .iter()
            .filter(|d| d.span.is_some() && d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()))
            .collect();
        if fixable.is_empty() {
            break;
        }
        if let Some((a, b)) = privlink::overlapping_fixes(&report) {
            let d = report.diagnostics();
            return FixOutcome::Overlap {
                first: describe(&d[a]),
                second: describe(&d[b]),
            };
        }
        let next = privlink::apply_fixes(&current, &report);
        if next == current {
            break;
        }
        fixes += fixable.len();
        current = next;
    }
    if current == text {
        FixOutcome::Unchanged
    } else {
        FixOutcome::Fixed {
            text: current,
            fixes,
        }
    }
}

fn describe(d: &Diagnostic) -> String {
    if d.pointer.is_empty() {
        d.code.to_string()
    } else {
        format!("{} ({})", d.code, d.pointer)
    }
}

/// A unified diff of a file's fix.
pub(crate) fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .missing_newline_hint(true)
        .to_string()
}

/// Replaces a file's content atomically: a temporary file next to it, the original's
/// permissions, then a rename over it (through a symlink to its target).
pub(crate) fn write_atomically(path: &Path, content: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let perms = std::fs::metadata(&target)?.permissions();
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".privlink-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(content.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(perms)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_to_a_fixed_point() {
        let text = "{\"provider\": \"aws\", \"vendor\": \"msk\", \"arn\": \"arn:aws:kafka:us-east-1:123456789012:cluster/c/de8982fa-8222-4e87-8b20-9bf3cdfa1521\"}";
        let opts = privlink::Options::default();
        match fix_text(text, |t| privlink::check_with(t, &opts)) {
            FixOutcome::Fixed { text, fixes } => {
                assert!(text.contains("\"AWS\"") && text.contains("\"MSK\""));
                assert_eq!(fixes, 2);
            }
            other => panic!("{other:?}"),
        }
    }
}
