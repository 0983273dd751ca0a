//! # privlink
//!
//! The linter and validator for the body of MongoDB Atlas's *Create One Private Link
//! Connection* request (`POST /api/atlas/v2/groups/{groupId}/streams/privateLinkConnections`).
//!
//! ```
//! let report = privlink::check(r#"{"provider": "AWS", "vendor": "MSK", "arn": "1235711"}"#);
//! assert!(!report.is_valid());
//! assert_eq!(report.diagnostics()[0].code, "PL401");
//! ```
//!
//! The crate is pure: no I/O, no printing, no global mutable state; it builds for
//! `wasm32-unknown-unknown`. The provider x vendor matrix is one table, [`matrix()`], which the
//! rules, the JSON Schema export and the web form read.

mod check;
mod diagnostic;
pub mod docs;
mod fix;
mod lines;
mod matrix;
mod model;
mod regions;
#[rustfmt::skip]
mod regions_data;
mod registry;
mod rules;
pub mod schema;
mod shapes;
mod suggest;
mod text;

pub use check::{
    check, check_bytes, check_value, check_value_with, check_with, Counts, Options, Report,
    UnknownRule, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH,
};
pub use diagnostic::{Diagnostic, Edit, Fix, Label, Position, Severity, Span};
pub use fix::{apply_fixes, fix, overlapping_fixes};
pub use matrix::{
    combination, matrix, providers_of, vendors_of, Cell, Combination, DomainShape, EndpointShape,
    MATRIX,
};
pub use model::{
    AuthenticationScheme, Field, FieldType, Provider, Vendor, READ_ONLY_FIELDS,
    SERVER_POPULATED_FIELDS,
};
pub use regions::{
    find_exact as find_region, find_loose as find_region_loose, regions, regions_of, RegionEntry,
};
pub use registry::{rule, rules, RuleMeta};
pub use rules::request::Request;
pub use schema::schema;

/// Checks a whole request: the body (as [`check_with`]) and the group id, query parameters and
/// `Accept` header (PL6xx).
pub fn check_request(req: &Request) -> Report {
    check_request_with(req, &Options::default())
}

/// [`check_request`] with options.
pub fn check_request_with(req: &Request, opts: &Options) -> Report {
    let mut report = check_with(&req.body, opts);
    let mut sink = check::Sink::new(opts);
    rules::request::check(req, &mut sink);
    report.extend(sink.diags);
    report
}
