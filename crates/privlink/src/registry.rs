//! The rule registry: every rule's code, name, default severity, summary and documentation.
//!
//! Rules are declared next to their checks with [`declare_rule!`]; the doc comment of the
//! declaration *is* the rule's documentation (`privlink explain`, `docs/rules.md`).

use crate::diagnostic::Severity;
use serde::Serialize;

/// What the registry knows about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable code (`PL301`); never reused, never changes meaning.
    pub code: &'static str,
    /// Kebab-case name (`missing-required-field`).
    pub name: &'static str,
    /// Default severity (some rules report some findings at a lower one, as `rules.md` says).
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Full documentation in Markdown (What it does / Why it matters / Example / Fix).
    pub docs: &'static str,
    /// Whether the rule offers machine-applicable fixes.
    pub fixable: bool,
    /// Whether the exported JSON Schema can express (part of) this rule.
    pub schema: bool,
}

impl RuleMeta {
    /// The family (`PL3xx`).
    pub fn family(&self) -> &'static str {
        match self.code.as_bytes().get(2) {
            Some(b'0') => "PL0xx — input",
            Some(b'1') => "PL1xx — shape of the object",
            Some(b'2') => "PL2xx — provider, vendor, authentication scheme",
            Some(b'3') => "PL3xx — the provider x vendor matrix",
            Some(b'4') => "PL4xx — value formats",
            Some(b'5') => "PL5xx — consistency across fields",
            _ => "PL6xx — the rest of the request",
        }
    }
}

/// Declares a rule: a unit struct carrying the doc comment, and a `RuleMeta` constant.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis static $id:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            fixable: $fixable:literal,
            schema: $schema:literal $(,)?
        };
    ) => {
        $(#[doc = $doc])+
        $vis static $id: $crate::registry::RuleMeta = $crate::registry::RuleMeta {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$sev,
            summary: $summary,
            docs: concat!($($doc, "\n"),+),
            fixable: $fixable,
            schema: $schema,
        };
    };
}
pub(crate) use declare_rule;

use crate::rules::{consistency, formats, input, matrix_rules, provider, request, shape};

/// Every rule, in code order.
pub(crate) static RULES: &[&RuleMeta] = &[
    &input::INVALID_JSON,
    &input::NOT_AN_OBJECT,
    &input::DUPLICATE_KEY,
    &input::INPUT_LIMIT,
    &shape::UNKNOWN_FIELD,
    &shape::READ_ONLY_FIELD,
    &shape::WRONG_TYPE,
    &shape::EMPTY_VALUE,
    &shape::UNTRIMMED_VALUE,
    &provider::MISSING_PROVIDER,
    &provider::UNKNOWN_PROVIDER,
    &provider::NON_CANONICAL_CASE,
    &provider::UNKNOWN_VENDOR,
    &provider::VENDOR_PROVIDER_MISMATCH,
    &provider::VENDOR_OMITTED,
    &provider::INVALID_AUTHENTICATION_SCHEME,
    &matrix_rules::MISSING_REQUIRED_FIELD,
    &matrix_rules::FIELD_NOT_APPLICABLE,
    &matrix_rules::CONFLICTING_FIELDS,
    &matrix_rules::EMPTY_LIST,
    &formats::INVALID_ARN,
    &formats::MALFORMED_MSK_ARN,
    &formats::INVALID_HOSTNAME,
    &formats::UNEXPECTED_DOMAIN,
    &formats::INVALID_SERVICE_ENDPOINT_ID,
    &formats::INVALID_AZURE_RESOURCE_ID,
    &formats::INVALID_GCP_SERVICE_ATTACHMENT,
    &formats::INVALID_REGION,
    &formats::UNLISTED_REGION,
    &formats::REGION_STYLE,
    &formats::DUPLICATE_ENTRY,
    &consistency::REGION_MISMATCH,
    &consistency::SUBDOMAIN_OUTSIDE_DOMAIN,
    &consistency::RESOURCE_NAME_MISMATCH,
    &request::INVALID_GROUP_ID,
    &request::INVALID_QUERY_PARAMETER,
    &request::INVALID_API_VERSION,
];

/// Every rule, in code order.
pub fn rules() -> &'static [&'static RuleMeta] {
    RULES
}

/// Finds a rule by code (`PL301`, case-insensitive) or name (`missing-required-field`).
pub fn rule(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}
