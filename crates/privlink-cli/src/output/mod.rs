//! One emitter per output format. Emitters only format; they never decide what a finding is.

pub(crate) mod human;
pub(crate) mod json;

use privlink::Report;

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
