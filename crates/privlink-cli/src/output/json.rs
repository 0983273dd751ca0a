//! `--format json`: the versioned machine format other programs rely on.
//!
//! Shape (version 1): `{"version":1,"files":[{"path","valid","diagnostics":[...]}],"summary":
//! {"files","errors","warnings","infos"}}`. Keys may be added; none is renamed or removed.

use super::FileResult;
use serde_json::{json, Value};

pub(crate) fn render(results: &[FileResult]) -> String {
    let mut errors = 0;
    let mut warnings = 0;
    let mut infos = 0;
    let files: Vec<Value> = results
        .iter()
        .map(|r| match &r.outcome {
            Ok(report) => {
                let c = report.counts();
                errors += c.errors;
                warnings += c.warnings;
                infos += c.infos;
                json!({
                    "path": r.path,
                    "valid": report.is_valid(),
                    "diagnostics": report.diagnostics(),
                })
            }
            Err(e) => json!({
                "path": r.path,
                "valid": false,
                "error": e,
                "diagnostics": [],
            }),
        })
        .collect();
    let out = json!({
        "version": 1,
        "files": files,
        "summary": {
            "files": results.len(),
            "errors": errors,
            "warnings": warnings,
            "infos": infos,
        }
    });
    let mut s = serde_json::to_string_pretty(&out).expect("JSON values serialize");
    s.push('\n');
    s
}
