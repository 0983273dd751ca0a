//! Findings: what a rule reports, where, and how to fix it.

use crate::registry::RuleMeta;
use serde::Serialize;
use std::fmt;

/// How serious a finding is. `Error` makes the payload invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: worth knowing, nothing breaks.
    Info,
    /// Atlas accepts the request, but the result is likely not what was meant.
    Warning,
    /// Atlas rejects the request, or the connection cannot work.
    Error,
}

impl Severity {
    /// The lower-case name (`error`, `warning`, `info`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` (or `warn`) and `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byte range of the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span {
            offset: start,
            length: end.saturating_sub(start),
        }
    }

    /// The exclusive end offset.
    pub const fn end(&self) -> usize {
        self.offset + self.length
    }
}

/// A position in the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values (characters).
    pub column: usize,
    /// 1-based column counted in UTF-16 code units (what JavaScript and editors use).
    pub utf16_column: usize,
    /// 0-based offset in UTF-16 code units from the start of the text.
    pub utf16_offset: usize,
}

/// A secondary location that explains the finding (the other field of a mismatch, the first of
/// two duplicate keys).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The JSON pointer of the labelled value.
    pub pointer: String,
    /// What the label says.
    pub message: String,
    /// Where it is, when the input had text.
    pub span: Option<Span>,
    /// Start position of `span`.
    pub start: Option<Position>,
    /// End position of `span`.
    pub end: Option<Position>,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte offset where the replaced range starts.
    pub offset: usize,
    /// Length of the replaced range in bytes (0 for an insertion).
    pub length: usize,
    /// The new text.
    pub replacement: String,
}

impl Edit {
    /// Whether two edits touch the same bytes: intersecting ranges, two insertions at one
    /// place, or an insertion strictly inside a replaced range. Such fixes cannot be applied
    /// together.
    pub fn overlaps(&self, other: &Edit) -> bool {
        let (a0, a1) = (self.offset, self.offset + self.length);
        let (b0, b1) = (other.offset, other.offset + other.length);
        if self.length == 0 || other.length == 0 {
            (a0 == b0) || (a0 > b0 && a0 < b1) || (b0 > a0 && b0 < a1)
        } else {
            a0 < b1 && b0 < a1
        }
    }
}

/// A machine-applicable fix: all of its edits are applied together, or none.
///
/// Edits refer to the checked body text; for request-level findings (PL6xx, no span) they refer
/// to the value of the request parameter the finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does ("Rename to `dnsSubDomain`").
    pub message: String,
    /// The edits, sorted by offset, non-overlapping.
    pub edits: Vec<Edit>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code (`PL301`).
    pub code: &'static str,
    /// Rule name (`missing-required-field`).
    pub name: &'static str,
    /// Severity after the caller's overrides.
    pub severity: Severity,
    /// JSON pointer (RFC 6901) of the value the finding is about; for request-level findings
    /// the parameter (`groupId`, `envelope`, `Accept`).
    pub pointer: String,
    /// What is wrong, naming the field and the value.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where, in bytes; `None` when the input had no text (check_value, request parameters).
    pub span: Option<Span>,
    /// Start of `span`.
    pub start: Option<Position>,
    /// End of `span` (exclusive).
    pub end: Option<Position>,
    /// Secondary locations.
    pub labels: Vec<Label>,
    /// The safe, mechanical fix, where the rule offers one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub(crate) fn new(
        rule: &'static RuleMeta,
        severity: Severity,
        pointer: impl Into<String>,
        span: Option<Span>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: rule.code,
            name: rule.name,
            severity,
            pointer: pointer.into(),
            message: message.into(),
            help: None,
            span,
            start: None,
            end: None,
            labels: Vec::new(),
            fix: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn label(
        mut self,
        pointer: impl Into<String>,
        span: Option<Span>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.labels.push(Label {
            pointer: pointer.into(),
            message: message.into(),
            span,
            start: None,
            end: None,
        });
        self
    }

    pub(crate) fn fix(mut self, message: impl Into<String>, edits: Vec<Edit>) -> Diagnostic {
        if !edits.is_empty() {
            self.fix = Some(Fix {
                message: message.into(),
                edits,
            });
        }
        self
    }

    /// Drops every position and fix: for findings about text the caller never saw (a value
    /// that was serialized to be checked).
    pub fn strip_positions(&mut self) {
        self.span = None;
        self.start = None;
        self.end = None;
        self.fix = None;
        for l in &mut self.labels {
            l.span = None;
            l.start = None;
            l.end = None;
        }
    }

    /// The rule's metadata.
    pub fn rule(&self) -> &'static RuleMeta {
        crate::registry::rule(self.code).expect("every diagnostic comes from a registered rule")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("{}({})", self.code, self.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = self.span.map(|s| {
            miette::LabeledSpan::new_primary_with_span(
                Some(primary_label(self)),
                (s.offset, s.length),
            )
        });
        let secondary = self.labels.iter().filter_map(|l| {
            l.span.map(|s| {
                miette::LabeledSpan::new_with_span(Some(l.message.clone()), (s.offset, s.length))
            })
        });
        let all: Vec<_> = primary.into_iter().chain(secondary).collect();
        if all.is_empty() {
            None
        } else {
            Some(Box::new(all.into_iter()))
        }
    }
}

fn primary_label(d: &Diagnostic) -> String {
    match d.pointer.as_str() {
        "" => d.name.to_string(),
        p => format!("{} ({})", d.name, p),
    }
}

#[cfg(test)]
mod tests {
    use super::Edit;

    fn edit(offset: usize, length: usize) -> Edit {
        Edit {
            offset,
            length,
            replacement: String::new(),
        }
    }

    #[test]
    fn overlap_rules() {
        assert!(edit(0, 5).overlaps(&edit(4, 2)));
        assert!(!edit(0, 5).overlaps(&edit(5, 2)));
        assert!(edit(3, 0).overlaps(&edit(3, 0)));
        assert!(edit(3, 0).overlaps(&edit(1, 5)));
        assert!(edit(1, 0).overlaps(&edit(1, 5)));
        assert!(!edit(6, 0).overlaps(&edit(1, 5)));
    }
}
