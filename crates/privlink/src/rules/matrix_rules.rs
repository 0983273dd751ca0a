//! PL3xx — the provider x vendor matrix. Every decision here is read from
//! [`crate::matrix::MATRIX`]; no combination is written in this file.

use crate::check::{Body, FieldValue, Sink};
use crate::diagnostic::{Diagnostic, Severity};
use crate::matrix::Cell;
use crate::model::{Field, FieldType};
use crate::registry::declare_rule;
use crate::text::span_of;

declare_rule! {
    /// ## What it does
    /// Reports a field that the provider x vendor combination requires but the body lacks (or
    /// sends empty): MSK needs `arn`; CONFLUENT and EVENTHUB need `dnsDomain`; AWS CONFLUENT
    /// needs `dnsSubDomain` (write `[]` when the cluster has no sub-domains); every vendor but
    /// MSK and GENERIC needs `region`; and so on, cell by cell, as the matrix says. KINESIS's
    /// `serviceEndpointId` is a warning because the sources disagree.
    ///
    /// ## Why it matters
    /// Atlas answers `400 MISSING_ATTRIBUTE`, or worse, accepts the call and the connection
    /// ends in `FAILED` half an hour later.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "MSK" }
    /// ```
    /// AWS + MSK requires `arn`.
    ///
    /// ## Fix
    /// Add the field. Confluent Enterprise on AWS (PrivateLink Gateway) is created without
    /// `dnsDomain` and PATCHed later: if that is your flow, lower this rule's severity.
    pub(crate) static MISSING_REQUIRED_FIELD = {
        code: "PL301",
        name: "missing-required-field",
        severity: Error,
        summary: "The combination requires a field that is absent.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a field that the provider x vendor combination does not take. It is an error
    /// where the backend rejects the field or it belongs to another combination (`arn` outside
    /// AWS MSK, `azureResourceIds` outside AZURE CONFLUENT, `gcpServiceAttachmentUris` outside
    /// GCP CONFLUENT, `serviceEndpointId` on AZURE or GCP CONFLUENT), and a warning where Atlas
    /// computes or ignores it (`region`, `dnsDomain`, `serviceEndpointId` on MSK; `dnsDomain`
    /// on PUBSUB; `authenticationScheme` outside MSK).
    ///
    /// ## Why it matters
    /// A rejected field fails the call; an ignored one misleads the reader into thinking it
    /// has an effect (a `region` on MSK is taken from the ARN, whatever you write).
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "MSK", "arn": "arn:aws:kafka:...", "region": "us-east-1" }
    /// ```
    ///
    /// ## Fix
    /// Remove the member (`--fix` does).
    pub(crate) static FIELD_NOT_APPLICABLE = {
        code: "PL302",
        name: "field-not-applicable",
        severity: Error,
        summary: "A field the combination does not take.",
        fixable: true,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports two fields of which the combination takes exactly one: GCP CONFLUENT with both
    /// `serviceEndpointId` and `gcpServiceAttachmentUris`.
    ///
    /// ## Why it matters
    /// MongoDB's Terraform provider requires exactly one of the two, and the backend rejects
    /// `serviceEndpointId` for GCP Confluent.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "GCP", "vendor": "CONFLUENT", "serviceEndpointId": "...",
    ///   "gcpServiceAttachmentUris": ["projects/p/regions/us-central1/serviceAttachments/a"] }
    /// ```
    ///
    /// ## Fix
    /// Keep `gcpServiceAttachmentUris` and remove `serviceEndpointId`.
    pub(crate) static CONFLICTING_FIELDS = {
        code: "PL303",
        name: "conflicting-fields",
        severity: Error,
        summary: "Two fields of which only one may be sent.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a required list that is empty: `azureResourceIds` (AZURE CONFLUENT) and
    /// `gcpServiceAttachmentUris` (GCP CONFLUENT). `dnsSubDomain: []` is explicitly allowed and
    /// never reported.
    ///
    /// ## Why it matters
    /// Without at least one private link service or service attachment there is nothing to
    /// connect to; the spec's lists have `minItems` semantics here.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AZURE", "vendor": "CONFLUENT", "azureResourceIds": [] }
    /// ```
    ///
    /// ## Fix
    /// List the ids Confluent shows for the network (one per availability zone).
    pub(crate) static EMPTY_LIST = {
        code: "PL304",
        name: "empty-list",
        severity: Error,
        summary: "A required list is empty.",
        fixable: false,
        schema: true,
    };
}

pub(crate) fn check(body: &Body<'_>, sink: &mut Sink<'_>) {
    let Some(combo) = body.combination else {
        return;
    };
    let label = combo;
    let conflict = combo
        .exclusive
        .filter(|(a, b)| present(body.value(*a)) && present(body.value(*b)));
    if let Some((a, b)) = conflict {
        sink.push(
            Diagnostic::new(
                &CONFLICTING_FIELDS,
                Severity::Error,
                body.ptr(b),
                Some(body.span(b)),
                format!(
                    "{label} takes either `{}` or `{}`, not both",
                    a.key(),
                    b.key()
                ),
            )
            .help(format!("keep `{}` and remove `{}`", b.key(), a.key()))
            .label(
                body.ptr(a),
                Some(body.span(a)),
                format!("`{}` is also set", a.key()),
            ),
        );
    }
    for field in Field::MATRIX {
        let cell = combo.cell(field);
        let value = body.value(field);
        match value {
            FieldValue::Absent => {
                if cell.is_required() {
                    let sev = if cell == Cell::RequiredWarning {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    let help = with_note("add", field, combo.note(field));
                    sink.push(
                        Diagnostic::new(
                            &MISSING_REQUIRED_FIELD,
                            sev,
                            field.pointer(),
                            Some(body.span(field)),
                            format!("{label} requires `{}`, which is missing", field.key()),
                        )
                        .help(help),
                    );
                }
            }
            FieldValue::Empty => {
                if cell.is_required() {
                    let sev = if cell == Cell::RequiredWarning {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    let help = with_note("give a value to", field, combo.note(field));
                    sink.push(
                        Diagnostic::new(
                            &MISSING_REQUIRED_FIELD,
                            sev,
                            body.ptr(field),
                            Some(body.span(field)),
                            format!("{label} requires `{}`, which is empty", field.key()),
                        )
                        .help(help),
                    );
                }
            }
            FieldValue::Str(..) | FieldValue::List(_) | FieldValue::WrongType => {
                if conflict.is_some_and(|(a, _)| a == field) {
                    continue;
                }
                let sev = match cell {
                    Cell::Forbidden => Some(Severity::Error),
                    Cell::Computed | Cell::Ignored => Some(Severity::Warning),
                    _ => None,
                };
                if let Some(sev) = sev {
                    let why = match cell {
                        Cell::Forbidden => "Atlas rejects it for this combination",
                        Cell::Computed => "Atlas computes it; the value sent is not used",
                        _ => "Atlas ignores it for this combination",
                    };
                    let takers: Vec<String> = crate::matrix::MATRIX
                        .iter()
                        .filter(|c| c.cell(field).is_accepted())
                        .map(|c| c.label())
                        .collect();
                    let help = if takers.len() <= 3 {
                        format!(
                            "remove it; `{}` belongs to {}",
                            field.key(),
                            crate::suggest::or_list(&takers)
                        )
                    } else {
                        "remove it (or check `provider` and `vendor`: this field belongs to other combinations)".to_string()
                    };
                    sink.push(
                        Diagnostic::new(
                            &FIELD_NOT_APPLICABLE,
                            sev,
                            body.ptr(field),
                            Some(body.span(field)),
                            format!("{label} does not take `{}`: {why}", field.key()),
                        )
                        .help(help)
                        .fix(format!("Remove `{}`", field.key()), body.removal(field)),
                    );
                    continue;
                }
                if let FieldValue::List(a) = value {
                    if a.elements.is_empty()
                        && cell == Cell::Required
                        && field.field_type() == FieldType::StringList
                    {
                        let help =
                            with_note("list at least one entry in", field, combo.note(field));
                        sink.push(
                            Diagnostic::new(
                                &EMPTY_LIST,
                                Severity::Error,
                                body.ptr(field),
                                Some(span_of(a)),
                                format!("{label} requires at least one entry in `{}`", field.key()),
                            )
                            .help(help),
                        );
                    }
                }
            }
        }
    }
}

/// "add `dnsDomain`. <the combination's note>", or the field's description when the row has
/// no note.
fn with_note(action: &str, field: Field, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{action} `{}`. {n}", field.key()),
        None => format!("{action} `{}`: {}", field.key(), field.description()),
    }
}

fn present(v: FieldValue<'_>) -> bool {
    matches!(
        v,
        FieldValue::Str(..) | FieldValue::List(_) | FieldValue::WrongType
    )
}
