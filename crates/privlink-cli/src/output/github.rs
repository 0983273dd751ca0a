//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//!
//! `::error file=P,line=L,col=C,endLine=L,endColumn=C,title=privlink (CODE)::message`, escaped
//! as the Actions toolkit escapes (`%`, CR, LF in the message; also `:` and `,` in properties).
//! GitHub shows at most 10 annotations of each level per step: past that, a final `::notice`
//! says how many were not shown.

use super::FileResult;
use privlink::Severity;

/// How many annotations of one level GitHub shows per step.
const SHOWN_PER_LEVEL: usize = 10;

/// Escapes a message (toolkit's `escapeData`).
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (toolkit's `escapeProperty`).
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{level} {}::{}\n", props.join(","), escape_data(message))
}

pub(crate) fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut notices) = (0usize, 0usize, 0usize);
    for r in results {
        match &r.outcome {
            Ok(report) => {
                for d in report.diagnostics() {
                    let level = match d.severity {
                        Severity::Error => {
                            errors += 1;
                            "error"
                        }
                        Severity::Warning => {
                            warnings += 1;
                            "warning"
                        }
                        Severity::Info => {
                            notices += 1;
                            "notice"
                        }
                    };
                    let mut props = vec![("file", r.path.clone())];
                    if let (Some(s), Some(e)) = (d.start, d.end) {
                        props.push(("line", s.line.to_string()));
                        props.push(("col", s.column.to_string()));
                        props.push(("endLine", e.line.to_string()));
                        props.push(("endColumn", e.column.to_string()));
                    }
                    props.push(("title", format!("privlink ({})", d.code)));
                    let mut message = d.message.clone();
                    if d.span.is_none() && !d.pointer.is_empty() {
                        message.push_str(&format!(" (request: {})", d.pointer));
                    }
                    if let Some(h) = &d.help {
                        message.push_str("\nhelp: ");
                        message.push_str(h);
                    }
                    out.push_str(&command(level, &props, &message));
                }
            }
            Err(e) => {
                errors += 1;
                out.push_str(&command(
                    "error",
                    &[("file", r.path.clone()), ("title", "privlink".into())],
                    e,
                ));
            }
        }
    }
    let hidden: Vec<String> = [
        (errors, "error", "errors"),
        (warnings, "warning", "warnings"),
        (notices, "notice", "notices"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > SHOWN_PER_LEVEL)
    .map(|(n, one, many)| {
        let h = n - SHOWN_PER_LEVEL;
        format!("{h} {}", super::plural(h, one, many))
    })
    .collect();
    if !hidden.is_empty() {
        out.push_str(&command(
            "notice",
            &[("title", "privlink".into())],
            &format!(
                "{} not shown as annotations (GitHub shows {SHOWN_PER_LEVEL} per level); every finding is in the log above",
                hidden.join(", ")
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }
}
