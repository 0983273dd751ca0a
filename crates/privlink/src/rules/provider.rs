//! PL2xx — provider, vendor and authentication scheme.

use crate::check::{Body, FieldValue, Resolved, Sink};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::matrix::{self, MATRIX};
use crate::model::{AuthenticationScheme, Field, Provider, Vendor};
use crate::registry::declare_rule;
use crate::shapes;
use crate::suggest::{fold, nearest, or_list};
use crate::text::{insert_member, replace_content, short};

declare_rule! {
    /// ## What it does
    /// Reports a body without `provider` (or with an empty one).
    ///
    /// ## Why it matters
    /// It is the one field the API spec marks required: Atlas rejects the call with
    /// `MISSING_ATTRIBUTE`. The Atlas CLI's `streams privateLinks create` is worse: it silently
    /// sends `AZURE`.
    ///
    /// ## Example
    /// ```json
    /// { "vendor": "MSK", "arn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/..." }
    /// ```
    ///
    /// ## Fix
    /// Add `"provider": "AWS"`, `"AZURE"` or `"GCP"`.
    pub(crate) static MISSING_PROVIDER = {
        code: "PL201",
        name: "missing-provider",
        severity: Error,
        summary: "No provider.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `provider` that is not `AWS`, `AZURE` or `GCP`, and suggests the one meant
    /// (`Amazon`, `aws-cloud`, `Microsoft`, `Google`, `GCE`, near spellings).
    ///
    /// ## Why it matters
    /// Atlas answers `400 INVALID_ENUM_VALUE`, and no other check can run without knowing the
    /// cloud.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "Amazon", "vendor": "MSK" }
    /// ```
    ///
    /// ## Fix
    /// Use `AWS`, `AZURE` or `GCP`.
    pub(crate) static UNKNOWN_PROVIDER = {
        code: "PL202",
        name: "unknown-provider",
        severity: Error,
        summary: "The provider is not AWS, AZURE or GCP.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `provider`, `vendor` or `authenticationScheme` that is right but not in the
    /// canonical upper case (`Azure`, `msk`, `gcp`).
    ///
    /// ## Why it matters
    /// Atlas accepts it and stores it upper-cased, so tools that compare strings exactly
    /// (Terraform) see drift on every plan.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "Azure", "vendor": "EventHub" }
    /// ```
    ///
    /// ## Fix
    /// Upper-case it (`--fix` does).
    pub(crate) static NON_CANONICAL_CASE = {
        code: "PL203",
        name: "non-canonical-case",
        severity: Warning,
        summary: "provider, vendor or authenticationScheme not in upper case.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `vendor` that is none of `MSK`, `CONFLUENT`, `KINESIS`, `S3`, `LAMBDA`,
    /// `EVENTHUB`, `AZURE_BLOB_STORAGE`, `PUBSUB`, `GENERIC`, and suggests the one meant
    /// (`EVENT_HUB`, `EventHubs`, `Kafka`, `AMAZON_MSK`, `BLOB`, `PUB_SUB`).
    ///
    /// ## Why it matters
    /// Atlas answers `400 INVALID_ENUM_VALUE`.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AZURE", "vendor": "EVENT_HUB" }
    /// ```
    ///
    /// ## Fix
    /// Use one of the vendors the provider offers.
    pub(crate) static UNKNOWN_VENDOR = {
        code: "PL204",
        name: "unknown-vendor",
        severity: Error,
        summary: "The vendor is not a known vendor.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a known vendor that the provider does not offer (`EVENTHUB` on AWS, `MSK` on
    /// GCP). The help lists the provider's vendors.
    ///
    /// ## Why it matters
    /// Atlas rejects the combination; usually either the provider or the vendor is a
    /// copy-paste leftover.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "GCP", "vendor": "MSK" }
    /// ```
    ///
    /// ## Fix
    /// Change the vendor to one the provider offers, or the provider to the vendor's cloud.
    pub(crate) static VENDOR_PROVIDER_MISMATCH = {
        code: "PL205",
        name: "vendor-provider-mismatch",
        severity: Error,
        summary: "The provider does not offer the vendor.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a body without `vendor`: Atlas will use `GENERIC`. When the other fields point at
    /// one vendor (an `arn` => MSK, an Event Hubs namespace id => EVENTHUB, `azureResourceIds`
    /// => CONFLUENT, `com.amazonaws.<region>.s3` => S3, ...) it is a warning that names it and
    /// offers to add it; otherwise it is `info`.
    ///
    /// ## Why it matters
    /// A GENERIC connection skips the vendor-specific set-up; a later GET shows `GENERIC`, and
    /// fields that only the intended vendor takes are rejected or ignored.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "arn": "arn:aws:kafka:us-east-1:123456789012:cluster/c/..." }
    /// ```
    ///
    /// ## Fix
    /// Add `"vendor": "MSK"` (`--fix` adds the inferred vendor).
    pub(crate) static VENDOR_OMITTED = {
        code: "PL206",
        name: "vendor-omitted",
        severity: Warning,
        summary: "No vendor: Atlas will use GENERIC.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports an `authenticationScheme` that is not `TLS`, `SASL_SCRAM` or `IAM`, and suggests
    /// the one meant (`SASL/SCRAM` -> `SASL_SCRAM`).
    ///
    /// ## Why it matters
    /// Atlas answers `400 INVALID_ENUM_VALUE`.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "MSK", "arn": "...", "authenticationScheme": "SASL/SCRAM" }
    /// ```
    ///
    /// ## Fix
    /// Use `TLS`, `SASL_SCRAM` or `IAM`.
    pub(crate) static INVALID_AUTHENTICATION_SCHEME = {
        code: "PL207",
        name: "invalid-authentication-scheme",
        severity: Error,
        summary: "The authentication scheme is not TLS, SASL_SCRAM or IAM.",
        fixable: false,
        schema: true,
    };
}

const PROVIDER_ALIASES: &[(&str, Provider)] = &[
    ("AMAZON", Provider::Aws),
    ("AMAZONWEBSERVICES", Provider::Aws),
    ("AWSCLOUD", Provider::Aws),
    ("EC2", Provider::Aws),
    ("MICROSOFT", Provider::Azure),
    ("MICROSOFTAZURE", Provider::Azure),
    ("AZURECLOUD", Provider::Azure),
    ("MSFT", Provider::Azure),
    ("GOOGLE", Provider::Gcp),
    ("GOOGLECLOUD", Provider::Gcp),
    ("GOOGLECLOUDPLATFORM", Provider::Gcp),
    ("GCE", Provider::Gcp),
    ("GOOG", Provider::Gcp),
];

const VENDOR_ALIASES: &[(&str, Vendor)] = &[
    ("EVENTHUBS", Vendor::Eventhub),
    ("AZUREEVENTHUB", Vendor::Eventhub),
    ("AZUREEVENTHUBS", Vendor::Eventhub),
    ("AMAZONMSK", Vendor::Msk),
    ("AWSMSK", Vendor::Msk),
    ("BLOB", Vendor::AzureBlobStorage),
    ("AZUREBLOB", Vendor::AzureBlobStorage),
    ("BLOBSTORAGE", Vendor::AzureBlobStorage),
    ("AZURESTORAGE", Vendor::AzureBlobStorage),
    ("GOOGLEPUBSUB", Vendor::Pubsub),
    ("GCPPUBSUB", Vendor::Pubsub),
    ("CONFLUENTCLOUD", Vendor::Confluent),
    ("KINESISDATASTREAMS", Vendor::Kinesis),
    ("AMAZONKINESIS", Vendor::Kinesis),
    ("AWSLAMBDA", Vendor::Lambda),
    ("AMAZONS3", Vendor::S3),
    ("AWSS3", Vendor::S3),
];

const AUTH_ALIASES: &[(&str, AuthenticationScheme)] = &[
    ("SCRAM", AuthenticationScheme::SaslScram),
    ("SASL", AuthenticationScheme::SaslScram),
    ("SCRAMSHA512", AuthenticationScheme::SaslScram),
    ("SASLSCRAMSHA512", AuthenticationScheme::SaslScram),
    ("MTLS", AuthenticationScheme::Tls),
    ("SSL", AuthenticationScheme::Tls),
    ("AWSIAM", AuthenticationScheme::Iam),
    ("SASLIAM", AuthenticationScheme::Iam),
];

pub(crate) fn check(body: &Body<'_>, sink: &mut Sink<'_>) {
    provider(body, sink);
    vendor(body, sink);
    auth(body, sink);
}

fn provider(body: &Body<'_>, sink: &mut Sink<'_>) {
    match body.value(Field::Provider) {
        FieldValue::Absent => sink.push(
            Diagnostic::new(&MISSING_PROVIDER, Severity::Error, "/provider", Some(body.span(Field::Provider)), "`provider` is missing; it is the one field the API requires")
                .help("add \"provider\": \"AWS\", \"AZURE\" or \"GCP\" (the Atlas CLI would silently send AZURE)"),
        ),
        FieldValue::Empty => sink.push(
            Diagnostic::new(&MISSING_PROVIDER, Severity::Error, body.ptr(Field::Provider), Some(body.span(Field::Provider)), "`provider` is empty; it is the one field the API requires")
                .help("set it to \"AWS\", \"AZURE\" or \"GCP\""),
        ),
        FieldValue::Str(s, span) => match Provider::parse(s) {
            Some(p) => canonical_case(body, sink, Field::Provider, s, span, p.as_str()),
            None => {
                let f = fold(s);
                let alias = PROVIDER_ALIASES.iter().find(|(a, _)| *a == f).map(|(_, p)| p.as_str());
                let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
                let near = alias.map(|a| vec![a]).unwrap_or_else(|| nearest(&f, &names, 2));
                let help = if near.is_empty() {
                    "use AWS, AZURE or GCP".to_string()
                } else {
                    format!("use {} (one of AWS, AZURE, GCP)", or_list(&near))
                };
                let msg = match near.as_slice() {
                    [one] => format!("unknown provider \"{}\": did you mean `{one}`?", short(s)),
                    _ => format!("unknown provider \"{}\"", short(s)),
                };
                sink.push(Diagnostic::new(&UNKNOWN_PROVIDER, Severity::Error, body.ptr(Field::Provider), Some(span), msg).help(help));
            }
        },
        _ => {}
    }
}

fn vendor(body: &Body<'_>, sink: &mut Sink<'_>) {
    match body.value(Field::Vendor) {
        FieldValue::Absent => vendor_omitted(body, sink),
        FieldValue::Str(s, span) => match Vendor::parse(s) {
            Some(v) => {
                canonical_case(body, sink, Field::Vendor, s, span, v.as_str());
                if let Resolved::Known(p) = body.provider {
                    if matrix::combination(p, v).is_none() {
                        let offered: Vec<&str> =
                            matrix::vendors_of(p).map(Vendor::as_str).collect();
                        let clouds: Vec<&str> =
                            matrix::providers_of(v).map(Provider::as_str).collect();
                        sink.push(
                            Diagnostic::new(
                                &VENDOR_PROVIDER_MISMATCH,
                                Severity::Error,
                                body.ptr(Field::Vendor),
                                Some(span),
                                format!("{} does not offer vendor {}", p.as_str(), v.as_str()),
                            )
                            .help(format!(
                                "{} offers {}; {} is offered on {}",
                                p.as_str(),
                                or_list(&offered),
                                v.as_str(),
                                or_list(&clouds)
                            ))
                            .label(
                                body.ptr(Field::Provider),
                                Some(body.span(Field::Provider)),
                                format!("provider is {}", p.as_str()),
                            ),
                        );
                    }
                }
            }
            None => {
                let f = fold(s);
                let provider = body.provider();
                let mut near: Vec<&str> = if f == "KAFKA" {
                    let kafka = [Vendor::Msk, Vendor::Confluent];
                    kafka
                        .into_iter()
                        .filter(|v| provider.is_none_or(|p| matrix::combination(p, *v).is_some()))
                        .map(Vendor::as_str)
                        .collect()
                } else if let Some((_, v)) = VENDOR_ALIASES.iter().find(|(a, _)| *a == f) {
                    vec![v.as_str()]
                } else {
                    let names: Vec<&str> = Vendor::ALL.iter().map(|v| v.as_str()).collect();
                    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
                    let refs: Vec<&str> = folded.iter().map(String::as_str).collect();
                    nearest(&f, &refs, 2)
                        .into_iter()
                        .filter_map(|hit| names.iter().copied().find(|n| fold(n) == hit))
                        .collect()
                };
                near.dedup();
                let offered: Vec<&str> = match provider {
                    Some(p) => matrix::vendors_of(p).map(Vendor::as_str).collect(),
                    None => Vendor::ALL.iter().map(|v| v.as_str()).collect(),
                };
                let msg = match near.as_slice() {
                    [] => format!("unknown vendor \"{}\"", short(s)),
                    n => format!(
                        "unknown vendor \"{}\": did you mean {}?",
                        short(s),
                        or_list(n)
                    ),
                };
                let scope = provider.map_or("the vendors are".to_string(), |p| {
                    format!("{} offers", p.as_str())
                });
                sink.push(
                    Diagnostic::new(
                        &UNKNOWN_VENDOR,
                        Severity::Error,
                        body.ptr(Field::Vendor),
                        Some(span),
                        msg,
                    )
                    .help(format!("{scope} {}", or_list(&offered))),
                );
            }
        },
        _ => {}
    }
}

fn auth(body: &Body<'_>, sink: &mut Sink<'_>) {
    let FieldValue::Str(s, span) = body.value(Field::AuthenticationScheme) else {
        return;
    };
    if !body.checks_values(Field::AuthenticationScheme) {
        return;
    }
    match AuthenticationScheme::parse(s) {
        Some(a) => canonical_case(body, sink, Field::AuthenticationScheme, s, span, a.as_str()),
        None => {
            let f = fold(s);
            let hit = AuthenticationScheme::ALL
                .into_iter()
                .find(|a| fold(a.as_str()) == f)
                .or_else(|| AUTH_ALIASES.iter().find(|(k, _)| *k == f).map(|(_, a)| *a));
            let msg = match hit {
                Some(a) => format!(
                    "invalid authenticationScheme \"{}\": did you mean `{}`?",
                    short(s),
                    a.as_str()
                ),
                None => format!("invalid authenticationScheme \"{}\"", short(s)),
            };
            sink.push(
                Diagnostic::new(
                    &INVALID_AUTHENTICATION_SCHEME,
                    Severity::Error,
                    body.ptr(Field::AuthenticationScheme),
                    Some(span),
                    msg,
                )
                .help("use TLS, SASL_SCRAM (the default for MSK) or IAM"),
            );
        }
    }
}

fn canonical_case(
    body: &Body<'_>,
    sink: &mut Sink<'_>,
    field: Field,
    s: &str,
    span: Span,
    canonical: &str,
) {
    if s == canonical {
        return;
    }
    sink.push(
        Diagnostic::new(&NON_CANONICAL_CASE, Severity::Warning, body.ptr(field), Some(span), format!("`{}` is \"{}\"; Atlas stores it as \"{canonical}\"", field.key(), short(s)))
            .help(format!("write \"{canonical}\": tools that compare exactly (Terraform) otherwise see drift after every apply"))
            .fix(format!("Upper-case to \"{canonical}\""), replace_content(body.text, span, s, canonical).unwrap_or_default()),
    );
}

/// The vendor the other fields point at, if they agree on one.
pub(crate) fn infer_vendor(body: &Body<'_>) -> Option<Vendor> {
    let mut hints: Vec<Vendor> = Vec::new();
    if body.member(Field::Arn).is_some() {
        hints.push(Vendor::Msk);
    }
    if body.member(Field::AzureResourceIds).is_some()
        || body.member(Field::GcpServiceAttachmentUris).is_some()
    {
        hints.push(Vendor::Confluent);
    }
    if let Some((s, _)) = body.str(Field::ServiceEndpointId) {
        if let Some(arm) = shapes::arm_id(s) {
            if arm.is("Microsoft.EventHub", "namespaces") {
                hints.push(Vendor::Eventhub);
            } else if arm.is("Microsoft.Storage", "storageAccounts") {
                hints.push(Vendor::AzureBlobStorage);
            }
        }
        match shapes::aws_name(s) {
            Some(shapes::AwsName::VpceService { .. }) => hints.push(Vendor::Confluent),
            Some(shapes::AwsName::Service { service: "s3", .. }) => hints.push(Vendor::S3),
            Some(shapes::AwsName::Service {
                service: "lambda", ..
            }) => hints.push(Vendor::Lambda),
            Some(shapes::AwsName::Service { service, .. }) if service.starts_with("kinesis") => {
                hints.push(Vendor::Kinesis)
            }
            _ => {}
        }
    }
    if let Some((d, _)) = body.str(Field::DnsDomain) {
        let d = d.to_ascii_lowercase();
        let d = d.trim_end_matches('.');
        if d.ends_with(".confluent.cloud") {
            hints.push(Vendor::Confluent);
        } else if d.ends_with(".servicebus.windows.net") {
            hints.push(Vendor::Eventhub);
        } else if d.ends_with(".blob.core.windows.net") {
            hints.push(Vendor::AzureBlobStorage);
        }
    }
    let first = *hints.first()?;
    if !hints.iter().all(|h| *h == first) {
        return None;
    }
    match body.provider() {
        Some(p) if matrix::combination(p, first).is_none() => None,
        _ => Some(first),
    }
}

fn vendor_omitted(body: &Body<'_>, sink: &mut Sink<'_>) {
    let span = body.span(Field::Vendor);
    match infer_vendor(body) {
        Some(v) => {
            let anchor = body.member(Field::Provider).map(|(i, _)| i);
            let member = format!("\"vendor\": \"{}\"", v.as_str());
            // Offer the edit only when it completes the payload: the inferred combination's
            // required fields are all there and none of its forbidden ones.
            let complete = body
                .provider()
                .and_then(|p| matrix::combination(p, v))
                .is_some_and(|c| {
                    Field::MATRIX.iter().all(|f| {
                        let present =
                            !matches!(body.value(*f), FieldValue::Absent | FieldValue::Empty);
                        let cell = c.cell(*f);
                        (present || !cell.is_required())
                            && !(present && cell == crate::matrix::Cell::Forbidden)
                    })
                });
            let edits = if complete {
                let edits = insert_member(body.text, body.root, anchor, &member);
                // Offer the edit only if the payload it produces is valid: naming the vendor
                // switches on that vendor's value checks, which must not reveal new errors.
                let e = &edits[0];
                let modified = format!(
                    "{}{}{}",
                    &body.text[..e.offset],
                    e.replacement,
                    &body.text[e.offset + e.length..]
                );
                if crate::check::check_with(&modified, sink.options()).is_valid() {
                    edits
                } else {
                    Vec::new()
                }
            } else {
                Vec::new()
            };
            sink.push(
                Diagnostic::new(&VENDOR_OMITTED, Severity::Warning, "/vendor", Some(span), format!("`vendor` is missing, so Atlas will use GENERIC, but the other fields describe a {} connection", v.as_str()))
                    .help(format!("add {member}"))
                    .fix(format!("Add {member}"), edits),
            );
        }
        None => {
            let offered: Vec<&str> = match body.provider() {
                Some(p) => matrix::vendors_of(p).map(Vendor::as_str).collect(),
                None => MATRIX.iter().map(|c| c.vendor.as_str()).collect(),
            };
            sink.push(
                Diagnostic::new(
                    &VENDOR_OMITTED,
                    Severity::Info,
                    "/vendor",
                    Some(span),
                    "`vendor` is missing: Atlas will create a GENERIC connection",
                )
                .help(format!(
                    "if the target is one of {}, name it in `vendor`",
                    or_list(&offered)
                )),
            );
        }
    }
}
