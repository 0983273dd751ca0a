//! PL6xx — the rest of the request: group id, query parameters, `Accept` header.

use crate::check::Sink;
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::registry::declare_rule;
use crate::suggest::nearest;
use crate::text::short;

declare_rule! {
    /// ## What it does
    /// Reports a `groupId` (the project id in the path) that is not 24 lower-case hex digits.
    /// Upper-case hex gets a fix; a project *name* gets the help that the id is shown in the
    /// Atlas UI's project settings and by `atlas projects list`.
    ///
    /// ## Why it matters
    /// Atlas answers `404` or `400 INVALID_GROUP_ID`, after the credentials have been checked,
    /// which makes the cause look like a permissions problem.
    ///
    /// ## Example
    /// `privlink check --group-id "Stream Processing Prod" payload.json`
    ///
    /// ## Fix
    /// Use the 24-hex-digit project id, e.g. `5f4e3d2c1b0a998877665544`.
    pub(crate) static INVALID_GROUP_ID = {
        code: "PL601",
        name: "invalid-group-id",
        severity: Error,
        summary: "The groupId is not 24 lower-case hex digits.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports `envelope` or `pretty` with a value other than `true`/`false`, and any other
    /// query parameter (the endpoint takes no other).
    ///
    /// ## Why it matters
    /// Atlas rejects malformed booleans with `400`; unknown parameters are ignored, so a typo
    /// (`envelop=true`) silently changes the response shape the caller expects.
    ///
    /// ## Example
    /// `privlink check --query envelope=yes payload.json`
    ///
    /// ## Fix
    /// Use `envelope=true|false` and `pretty=true|false` only.
    pub(crate) static INVALID_QUERY_PARAMETER = {
        code: "PL602",
        name: "invalid-query-parameter",
        severity: Error,
        summary: "A query parameter is unknown or not true/false.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports an `Accept` header that is not `application/vnd.atlas.<YYYY-MM-DD>+json`, or whose
    /// date is before 2023-02-01, the resource's first version.
    ///
    /// ## Why it matters
    /// Atlas answers `406 Not Acceptable`; plain `application/json` is the most common cause.
    ///
    /// ## Example
    /// `privlink check --accept application/json payload.json`
    ///
    /// ## Fix
    /// Send `Accept: application/vnd.atlas.2025-03-12+json` (or another dated version from
    /// 2023-02-01 on).
    pub(crate) static INVALID_API_VERSION = {
        code: "PL603",
        name: "invalid-api-version",
        severity: Error,
        summary: "The Accept header is not a valid Atlas API version.",
        fixable: false,
        schema: false,
    };
}

/// The request around a body: path parameter, query parameters and `Accept` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// The `groupId` path parameter, when known.
    pub group_id: Option<String>,
    /// Query parameters, in order.
    pub query: Vec<(String, String)>,
    /// The `Accept` header, when known.
    pub accept: Option<String>,
    /// The body text.
    pub body: String,
}

pub(crate) fn check(req: &Request, sink: &mut Sink<'_>) {
    if let Some(g) = &req.group_id {
        group_id(g, sink);
    }
    for (k, v) in &req.query {
        query(k, v, sink);
    }
    if let Some(a) = &req.accept {
        accept(a, sink);
    }
}

fn is_group_id(s: &str) -> bool {
    s.len() == 24
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn group_id(g: &str, sink: &mut Sink<'_>) {
    if is_group_id(g) {
        return;
    }
    let lower = g.to_ascii_lowercase();
    let trimmed = g.trim();
    let d = if is_group_id(&lower) {
        Diagnostic::new(
            &INVALID_GROUP_ID,
            Severity::Error,
            "groupId",
            None,
            format!("groupId \"{g}\" has upper-case hex digits"),
        )
        .help(format!("use \"{lower}\""))
        .fix(
            "Lower-case the id",
            vec![Edit {
                offset: 0,
                length: g.len(),
                replacement: lower,
            }],
        )
    } else if is_group_id(trimmed) {
        Diagnostic::new(
            &INVALID_GROUP_ID,
            Severity::Error,
            "groupId",
            None,
            format!("groupId \"{}\" has surrounding white space", short(g)),
        )
        .help(format!("use \"{trimmed}\""))
    } else if g.bytes().all(|b| b.is_ascii_hexdigit()) {
        Diagnostic::new(
            &INVALID_GROUP_ID,
            Severity::Error,
            "groupId",
            None,
            format!(
                "groupId \"{}\" has {} hex digits; a project id has 24",
                short(g),
                g.len()
            ),
        )
        .help("copy the whole id from the Atlas UI (Project Settings) or `atlas projects list`")
    } else {
        Diagnostic::new(&INVALID_GROUP_ID, Severity::Error, "groupId", None, format!("groupId \"{}\" is not a project id (24 lower-case hex digits)", short(g)))
            .help("this looks like a project name; the id is shown in the Atlas UI under Project Settings and by `atlas projects list`")
    };
    sink.push(d);
}

fn query(k: &str, v: &str, sink: &mut Sink<'_>) {
    match k {
        "envelope" | "pretty" => {
            if v != "true" && v != "false" {
                sink.push(
                    Diagnostic::new(
                        &INVALID_QUERY_PARAMETER,
                        Severity::Error,
                        k,
                        None,
                        format!("query parameter {k}={} is not true or false", short(v)),
                    )
                    .help(format!("use {k}=true or {k}=false")),
                );
            }
        }
        _ => {
            let near = nearest(k, &["envelope", "pretty"], 3);
            let help = match near.first() {
                Some(n) => {
                    format!("did you mean `{n}`? This endpoint takes only envelope and pretty")
                }
                None => "this endpoint takes only envelope and pretty".to_string(),
            };
            sink.push(
                Diagnostic::new(
                    &INVALID_QUERY_PARAMETER,
                    Severity::Error,
                    k,
                    None,
                    format!("unknown query parameter `{}`", short(k)),
                )
                .help(help),
            );
        }
    }
}

fn accept(a: &str, sink: &mut Sink<'_>) {
    let a = a.trim();
    let date = a
        .strip_prefix("application/vnd.atlas.")
        .and_then(|r| r.strip_suffix("+json"));
    let msg = match date {
        None => Some((format!("Accept \"{}\" is not an Atlas versioned media type", short(a)), "send Accept: application/vnd.atlas.2025-03-12+json (Atlas answers 406 to plain application/json)".to_string())),
        Some(d) if !valid_date(d) => Some((format!("Accept \"{}\" has no valid YYYY-MM-DD version date", short(a)), "the version is a date, e.g. application/vnd.atlas.2025-03-12+json".to_string())),
        Some(d) if d < "2023-02-01" => Some((format!("Accept version {d} predates this resource (first version 2023-02-01)"), "use application/vnd.atlas.2023-02-01+json or later, e.g. 2025-03-12".to_string())),
        Some(_) => None,
    };
    if let Some((m, h)) = msg {
        sink.push(
            Diagnostic::new(&INVALID_API_VERSION, Severity::Error, "Accept", None, m).help(h),
        );
    }
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| d.get(r).and_then(|x| x.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(_), Some(m), Some(day)) => (1..=12).contains(&m) && (1..=31).contains(&day),
        _ => false,
    }
}
