//! One emitter per output format. Emitters only format; they never decide what a finding is.

pub(crate) mod atlas;
pub(crate) mod concise;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;

use privlink::{Report, Severity};

/// The outcome of checking one input.
#[derive(Debug)]
pub(crate) struct FileResult {
    /// The name shown.
    pub(crate) path: String,
    /// The text checked (lossy for invalid UTF-8, for rendering only).
    pub(crate) text: String,
    /// The findings, or the I/O error that prevented checking.
    pub(crate) outcome: Result<Report, String>,
}

/// Counts over all files.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Totals {
    pub(crate) files: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
    pub(crate) unreadable: usize,
}

impl Totals {
    pub(crate) fn of(results: &[FileResult]) -> Totals {
        let mut t = Totals {
            files: results.len(),
            ..Totals::default()
        };
        for r in results {
            match &r.outcome {
                Ok(rep) => {
                    let c = rep.counts();
                    t.errors += c.errors;
                    t.warnings += c.warnings;
                    t.infos += c.infos;
                }
                Err(_) => t.unreadable += 1,
            }
        }
        t
    }

    /// "3 errors, 1 warning in 12 files" / "no findings in 12 files".
    pub(crate) fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (n, one, many) in [
            (self.errors, "error", "errors"),
            (self.warnings, "warning", "warnings"),
            (self.infos, "info", "infos"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", plural(n, one, many)));
            }
        }
        let findings = if parts.is_empty() {
            "no findings".to_string()
        } else {
            parts.join(", ")
        };
        let mut s = format!(
            "{findings} in {} {}",
            self.files,
            plural(self.files, "file", "files")
        );
        if self.unreadable > 0 {
            s.push_str(&format!(" ({} could not be read)", self.unreadable));
        }
        s
    }
}

pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// SARIF / GitHub level names.
pub(crate) fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
