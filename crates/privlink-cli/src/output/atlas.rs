//! `--format atlas-error`: each failing file's findings in the shape Atlas answers a bad request
//! with, one JSON object per line (files without a finding at or above `--fail-on` print
//! nothing):
//!
//! `{"error":400,"errorCode":"VALIDATION_ERROR","reason":"Bad Request","detail":"...",
//! "badRequestDetail":{"fields":[{"field":"dnsDomain","description":"..."}]}}`
//!
//! `field` is the pointer in Atlas's notation (`dnsSubDomain[0]`); the file's name is in
//! `detail`. Unreadable files are reported on stderr.

use super::FileResult;
use privlink::Severity;
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AtlasError {
    error: u16,
    error_code: &'static str,
    reason: &'static str,
    detail: String,
    bad_request_detail: BadRequestDetail,
}

#[derive(Serialize)]
struct BadRequestDetail {
    fields: Vec<FieldViolation>,
}

#[derive(Serialize)]
struct FieldViolation {
    field: String,
    description: String,
}

/// `/dnsSubDomain/0` -> `dnsSubDomain[0]`; `` -> `body`; request parameters stay as they are.
pub(crate) fn field_name(pointer: &str) -> String {
    let Some(rest) = pointer.strip_prefix('/') else {
        return if pointer.is_empty() {
            "body".to_string()
        } else {
            pointer.to_string()
        };
    };
    let mut out = String::new();
    for token in rest.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !out.is_empty() && !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{token}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&token);
        }
    }
    out
}

/// Renders stdout; the second value is for stderr (unreadable files).
pub(crate) fn render(results: &[FileResult], fail_on: Severity) -> (String, String) {
    let mut out = String::new();
    let mut err = String::new();
    for r in results {
        match &r.outcome {
            Ok(report) => {
                let fields: Vec<FieldViolation> = report
                    .diagnostics()
                    .iter()
                    .filter(|d| d.severity >= fail_on)
                    .map(|d| FieldViolation {
                        field: field_name(&d.pointer),
                        description: format!("{} ({})", d.message, d.code),
                    })
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                let n = fields.len();
                let body = AtlasError {
                    error: 400,
                    error_code: "VALIDATION_ERROR",
                    reason: "Bad Request",
                    detail: format!(
                        "{}: the request is invalid: {n} {} (privlink).",
                        r.path,
                        super::plural(n, "problem", "problems")
                    ),
                    bad_request_detail: BadRequestDetail { fields },
                };
                out.push_str(&serde_json::to_string(&body).expect("serializes"));
                out.push('\n');
            }
            Err(e) => err.push_str(&format!("error: {}: {e}\n", r.path)),
        }
    }
    (out, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        assert_eq!(field_name("/dnsSubDomain/0"), "dnsSubDomain[0]");
        assert_eq!(field_name("/arn"), "arn");
        assert_eq!(field_name(""), "body");
        assert_eq!(field_name("groupId"), "groupId");
        assert_eq!(field_name("/a~1b"), "a/b");
    }
}
