//! `--format concise`: one line per finding, `path:line:col: severity[CODE] message`.
//!
//! Findings without a place in the text (request parameters, PL6xx) are at `1:1` and name the
//! parameter; unreadable files are `path: error: message`.

use super::FileResult;

pub(crate) fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        match &r.outcome {
            Ok(report) => {
                for d in report.diagnostics() {
                    let (line, col) = d.start.map_or((1, 1), |p| (p.line, p.column));
                    let msg = one_line(&d.message);
                    if d.span.is_none() && !d.pointer.is_empty() {
                        out.push_str(&format!(
                            "{}:{line}:{col}: {}[{}] {msg} (request: {})\n",
                            r.path, d.severity, d.code, d.pointer
                        ));
                    } else {
                        out.push_str(&format!(
                            "{}:{line}:{col}: {}[{}] {msg}\n",
                            r.path, d.severity, d.code
                        ));
                    }
                }
            }
            Err(e) => out.push_str(&format!("{}: error: {}\n", r.path, one_line(e))),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}
