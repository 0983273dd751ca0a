//! The rule families. Each file declares its rules (with their documentation) and checks them.

use crate::check::{Body, Sink};

pub(crate) mod consistency;
pub(crate) mod formats;
pub(crate) mod input;
pub(crate) mod matrix_rules;
pub(crate) mod provider;
pub(crate) mod request;
pub(crate) mod shape;

/// Runs every body rule family, in code order.
pub(crate) fn run_body(body: &Body<'_>, sink: &mut Sink<'_>) {
    shape::check(body, sink);
    provider::check(body, sink);
    matrix_rules::check(body, sink);
    formats::check(body, sink);
    consistency::check(body, sink);
}
