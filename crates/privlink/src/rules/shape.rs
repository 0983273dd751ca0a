//! PL1xx — the shape of the object: known keys, JSON types, empty and untrimmed values.

use crate::check::{Body, Sink};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::{Field, FieldType, READ_ONLY_FIELDS, SERVER_POPULATED_FIELDS};
use crate::registry::declare_rule;
use crate::suggest::{or_list, suggest_key, KeySuggestion};
use crate::text::{
    key_of, plain_content_start, pointer_token, remove_member, short, span_of, type_name,
};
use jsonc_parser::ast::Value;

declare_rule! {
    /// ## What it does
    /// Reports a key the request body does not have, and suggests the field meant: a
    /// case-insensitive match (`serviceEndpointID`), snake_case (`dns_sub_domain`), Terraform
    /// names (`provider_name`, `service_attachment_uris`, `project_id`), or a near spelling
    /// (`dnsSubdomain`, `dnsDomian`).
    ///
    /// ## Why it matters
    /// The Admin API answers `400 INVALID_ATTRIBUTE`; the Atlas CLI silently drops the key
    /// before sending. Either way the value is lost, and a required field may then be missing.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "S3", "region": "us-east-1",
    ///   "serviceEndpointID": "com.amazonaws.us-east-1.s3" }
    /// ```
    ///
    /// ## Fix
    /// Rename the key. When exactly one field matches and the body does not have it yet,
    /// `--fix` renames it.
    pub(crate) static UNKNOWN_FIELD = {
        code: "PL101",
        name: "unknown-field",
        severity: Error,
        summary: "A key that the request body does not have.",
        fixable: true,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports output fields in a create body: `_id`, `state`, `errorMessage`,
    /// `interfaceEndpointId`, `interfaceEndpointName`, `providerAccountId`, `links` (errors) and
    /// the server-populated `gcpConnectionIds` (warning).
    ///
    /// ## Why it matters
    /// They are typically left over from a GET response that was reused as a template. Atlas
    /// rejects read-only attributes (`ATTRIBUTE_READ_ONLY`).
    ///
    /// ## Example
    /// ```json
    /// { "_id": "6630...", "state": "DONE", "provider": "AWS", "vendor": "MSK", "arn": "..." }
    /// ```
    ///
    /// ## Fix
    /// Remove the member (`--fix` does).
    pub(crate) static READ_ONLY_FIELD = {
        code: "PL102",
        name: "read-only-field",
        severity: Error,
        summary: "An output field (from a GET response) in a create body.",
        fixable: true,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a field with the wrong JSON type: `provider`, `vendor`, `region`, `arn`,
    /// `serviceEndpointId`, `dnsDomain` and `authenticationScheme` are strings;
    /// `dnsSubDomain`, `azureResourceIds` and `gcpServiceAttachmentUris` are arrays of strings.
    /// A non-string element is reported at the element.
    ///
    /// ## Why it matters
    /// Atlas answers `400 INVALID_JSON_ATTRIBUTE`. A common cause is Terraform's
    /// `zonal_subdomains`, a map, pasted where the API wants a list.
    ///
    /// ## Example
    /// ```json
    /// { "dnsSubDomain": { "use1-az1": "use1-az1.sample.us-east-1.aws.confluent.cloud" } }
    /// ```
    ///
    /// ## Fix
    /// Pass strings as strings and lists as lists: `"dnsSubDomain": ["use1-az1.sample..."]`.
    pub(crate) static WRONG_TYPE = {
        code: "PL103",
        name: "wrong-type",
        severity: Error,
        summary: "A field has the wrong JSON type.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports `""` or `null` for a field the combination does not require (a required field
    /// that is empty is PL301). An empty *list* is not reported here: `dnsSubDomain: []` is legal
    /// and other empty lists are PL304's business.
    ///
    /// ## Why it matters
    /// Tools such as Terraform treat an empty value as absent, but Atlas receives the empty
    /// value and may store it, reject it, or interpret it differently.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "MSK", "arn": "arn:aws:kafka:...", "region": "" }
    /// ```
    ///
    /// ## Fix
    /// Remove the member, or give it a value (`--fix` removes it).
    pub(crate) static EMPTY_VALUE = {
        code: "PL104",
        name: "empty-value",
        severity: Warning,
        summary: "A field is \"\" or null.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a string value (or list entry) with leading or trailing white space.
    ///
    /// ## Why it matters
    /// It is almost always a copy-paste accident, and Atlas compares the value as sent: a
    /// host name or an ARN with a trailing space or newline does not resolve.
    ///
    /// ## Example
    /// ```json
    /// { "region": "us-east-1 " }
    /// ```
    ///
    /// ## Fix
    /// Trim the value (`--fix` does).
    pub(crate) static UNTRIMMED_VALUE = {
        code: "PL105",
        name: "untrimmed-value",
        severity: Warning,
        summary: "A string value with leading or trailing white space.",
        fixable: true,
        schema: false,
    };
}

/// A member's JSON pointer (or one of its entries'), built only when a finding needs it.
#[derive(Debug, Clone, Copy)]
struct Ptr<'k> {
    key: &'k str,
    index: Option<usize>,
}

impl Ptr<'_> {
    fn at(self, i: usize) -> Self {
        Ptr {
            index: Some(i),
            ..self
        }
    }

    fn build(self) -> String {
        match self.index {
            None => format!("/{}", pointer_token(self.key)),
            Some(i) => format!("/{}/{i}", pointer_token(self.key)),
        }
    }
}

impl From<Ptr<'_>> for String {
    fn from(p: Ptr<'_>) -> String {
        p.build()
    }
}

pub(crate) fn check(body: &Body<'_>, sink: &mut Sink<'_>) {
    for (i, p) in body.root.properties.iter().enumerate() {
        let key = key_of(p);
        let key_span = span_of(&p.name);
        let pointer = Ptr { key, index: None };
        let Some(field) = Field::from_key(key) else {
            if READ_ONLY_FIELDS.contains(&key) || SERVER_POPULATED_FIELDS.contains(&key) {
                let (sev, what) = if READ_ONLY_FIELDS.contains(&key) {
                    (Severity::Error, "is an output field that Atlas fills in")
                } else {
                    (Severity::Warning, "is populated by Atlas")
                };
                sink.push(
                    Diagnostic::new(
                        &READ_ONLY_FIELD,
                        sev,
                        pointer.build(),
                        Some(key_span),
                        format!("`{key}` {what}; a create body should not carry it"),
                    )
                    .help("remove it: it was probably copied from a GET response")
                    .fix(format!("Remove `{key}`"), remove_member(body.root, i)),
                );
            } else {
                unknown_field(body, sink, i, key, pointer.build());
                // A misspelt key that stands in for a field is checked as that field.
                if let Some(f) = Field::ALL
                    .into_iter()
                    .find(|f| body.member(*f).is_some_and(|(m, _)| m == i))
                {
                    check_type(body, sink, f, &p.value, pointer);
                }
            }
            continue;
        };
        check_type(body, sink, field, &p.value, pointer);
    }
}

fn unknown_field(body: &Body<'_>, sink: &mut Sink<'_>, i: usize, key: &str, pointer: String) {
    let p = &body.root.properties[i];
    let key_span = span_of(&p.name);
    let base = format!("unknown field `{}`", short(key));
    let tail = "Atlas answers 400 INVALID_ATTRIBUTE, and the Atlas CLI drops it silently";
    let d = match suggest_key(key) {
        KeySuggestion::Field(f) => {
            let d = Diagnostic::new(
                &UNKNOWN_FIELD,
                Severity::Error,
                pointer,
                Some(key_span),
                format!("{base}: did you mean `{}`?", f.key()),
            )
            .help(format!("rename it to `{}`; as written, {tail}", f.key()));
            if body.rename_ok(f) {
                d.fix(
                    format!("Rename to `{}`", f.key()),
                    vec![Edit {
                        offset: key_span.offset,
                        length: key_span.length,
                        replacement: format!("\"{}\"", f.key()),
                    }],
                )
            } else {
                d
            }
        }
        KeySuggestion::Many(fs) => {
            let names: Vec<&str> = fs.iter().map(|f| f.key()).collect();
            Diagnostic::new(
                &UNKNOWN_FIELD,
                Severity::Error,
                pointer,
                Some(key_span),
                format!("{base}: did you mean {}?", or_list(&names)),
            )
            .help(format!(
                "rename it to the field you meant; as written, {tail}"
            ))
        }
        KeySuggestion::Elsewhere(note) => Diagnostic::new(
            &UNKNOWN_FIELD,
            Severity::Error,
            pointer,
            Some(key_span),
            format!("{base}: {note}"),
        )
        .help("remove it from the body and put the value in the request path"),
        KeySuggestion::Nothing => {
            let all: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            Diagnostic::new(
                &UNKNOWN_FIELD,
                Severity::Error,
                pointer,
                Some(key_span),
                base,
            )
            .help(format!("{tail}. The body's fields are {}", or_list(&all)))
        }
    };
    sink.push(d);
}

fn check_type(
    body: &Body<'_>,
    sink: &mut Sink<'_>,
    field: Field,
    value: &Value<'_>,
    pointer: Ptr<'_>,
) {
    let key = field.key();
    match (field.field_type(), value) {
        (_, Value::NullKeyword(_)) => empty(body, sink, field, value, pointer, "null"),
        (FieldType::String, Value::StringLit(s)) => {
            if s.value.trim().is_empty() {
                empty(body, sink, field, value, pointer, "\"\"");
            } else {
                untrimmed(body, sink, &s.value, span_of(s), pointer);
            }
        }
        (FieldType::String, other) => sink.push(
            Diagnostic::new(
                &WRONG_TYPE,
                Severity::Error,
                pointer,
                Some(span_of(other)),
                format!("`{key}` must be a string, not {}", type_name(other)),
            )
            .help(match other {
                Value::Array(_) => format!("`{key}` takes a single string; pass one value"),
                _ => format!("quote the value: \"{key}\": \"...\""),
            }),
        ),
        (FieldType::StringList, Value::StringLit(s)) if s.value.trim().is_empty() => {
            empty(body, sink, field, value, pointer, "\"\"")
        }
        (FieldType::StringList, Value::Array(a)) => {
            for (i, e) in a.elements.iter().enumerate() {
                let ep = pointer.at(i);
                match e {
                    Value::StringLit(s) => untrimmed(body, sink, &s.value, span_of(s), ep),
                    other => sink.push(
                        Diagnostic::new(
                            &WRONG_TYPE,
                            Severity::Error,
                            ep.build(),
                            Some(span_of(other)),
                            format!(
                                "`{key}` entries must be strings; entry {i} is {}",
                                type_name(other)
                            ),
                        )
                        .help("quote each entry as a JSON string"),
                    ),
                }
            }
        }
        (FieldType::StringList, other) => {
            let help = match other {
                Value::Object(_) => "pass the values as a list, e.g. [\"a\", \"b\"] (Terraform's `zonal_subdomains` is a map; the API takes the values as a list)".to_string(),
                Value::StringLit(s) => format!("wrap the value in a list: [\"{}\"]", short(&s.value)),
                _ => "pass a list of strings, e.g. [\"a\", \"b\"]".to_string(),
            };
            sink.push(
                Diagnostic::new(
                    &WRONG_TYPE,
                    Severity::Error,
                    pointer,
                    Some(span_of(other)),
                    format!(
                        "`{key}` must be a list of strings, not {}",
                        type_name(other)
                    ),
                )
                .help(help),
            );
        }
    }
}

/// PL104, unless the combination requires the field (PL301 reports that) or it is `provider`
/// (PL201 reports that).
fn empty(
    body: &Body<'_>,
    sink: &mut Sink<'_>,
    field: Field,
    value: &Value<'_>,
    pointer: Ptr<'_>,
    what: &str,
) {
    if field == Field::Provider || body.required(field) {
        return;
    }
    if body.member(field).is_none() {
        return;
    }
    sink.push(
        Diagnostic::new(
            &EMPTY_VALUE,
            Severity::Warning,
            pointer,
            Some(span_of(value)),
            format!(
                "`{}` is {what}: tools treat it as absent, but Atlas receives an empty value",
                field.key()
            ),
        )
        .help("remove the member, or give it a value")
        .fix(format!("Remove `{}`", field.key()), body.removal(field)),
    );
}

fn untrimmed(
    body: &Body<'_>,
    sink: &mut Sink<'_>,
    value: &str,
    lit: crate::diagnostic::Span,
    pointer: Ptr<'_>,
) {
    let trimmed = value.trim();
    if trimmed.len() == value.len() || trimmed.is_empty() {
        return;
    }
    let mut edits = Vec::new();
    if let Some(start) = plain_content_start(body.text, lit, value) {
        let lead = value.len() - value.trim_start().len();
        let trail = value.len() - value.trim_end().len();
        if lead > 0 {
            edits.push(Edit {
                offset: start,
                length: lead,
                replacement: String::new(),
            });
        }
        if trail > 0 {
            edits.push(Edit {
                offset: start + value.len() - trail,
                length: trail,
                replacement: String::new(),
            });
        }
    }
    sink.push(
        Diagnostic::new(
            &UNTRIMMED_VALUE,
            Severity::Warning,
            pointer,
            Some(lit),
            format!(
                "\"{}\" has leading or trailing white space",
                short(&value.escape_debug().to_string())
            ),
        )
        .help(format!("trim it to \"{}\"", short(trimmed)))
        .fix("Trim white space", edits),
    );
}
