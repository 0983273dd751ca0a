//! PL4xx — value formats: ARNs, host names, endpoint ids, ARM ids, attachments, regions.

use crate::check::{Body, Sink};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::matrix::{DomainShape, EndpointShape};
use crate::model::{Field, Provider};
use crate::regions::{self, find_exact, find_loose, regions_of};
use crate::registry::declare_rule;
use crate::shapes::{self, arm_id, aws_name, AwsName};
use crate::suggest::{nearest, or_list};
use crate::text::{remove_element, replace_content, short, span_of};
use jsonc_parser::ast::{Array, Value};

declare_rule! {
    /// ## What it does
    /// Reports an `arn` that fails the spec's pattern `^arn:aws:kafka`, with help for the usual
    /// causes: another AWS partition (`arn:aws-cn:kafka`, `arn:aws-us-gov:kafka`: the API only
    /// takes `aws`), the ARN of another service (`arn:aws:vpce:...`), or a bare id (`1235711`,
    /// which MongoDB's own MSK example uses).
    ///
    /// ## Why it matters
    /// Atlas validates the pattern and answers `400`; a bare id never names a cluster.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "MSK", "arn": "1235711" }
    /// ```
    ///
    /// ## Fix
    /// Copy the cluster ARN from the MSK console or `aws kafka list-clusters`:
    /// `arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`.
    pub(crate) static INVALID_ARN = {
        code: "PL401",
        name: "invalid-arn",
        severity: Error,
        summary: "The arn fails the spec pattern ^arn:aws:kafka.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports an `arn` that passes the prefix but is not an MSK *cluster* ARN,
    /// `arn:aws:kafka:<region>:<12 digits>:cluster/<name>/<uuid>[-<n>]`: a topic or group ARN,
    /// a missing account, a 10-digit account.
    ///
    /// ## Why it matters
    /// Atlas only checks the prefix, so the call succeeds and the connection fails later.
    ///
    /// ## Example
    /// ```json
    /// { "arn": "arn:aws:kafka:us-east-1:123456789012:topic/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521/orders" }
    /// ```
    ///
    /// ## Fix
    /// Use the ARN of the cluster itself.
    pub(crate) static MALFORMED_MSK_ARN = {
        code: "PL402",
        name: "malformed-msk-arn",
        severity: Warning,
        summary: "The arn is not an MSK cluster ARN.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `dnsDomain` or `dnsSubDomain` entry that is not a host name: a scheme
    /// (`https://`), a port (`:9092`), a path, spaces, an underscore, an empty label, a label
    /// over 63 or a name over 253 characters. A single trailing dot is only `info` (Atlas echoes
    /// one back).
    ///
    /// ## Why it matters
    /// Atlas creates DNS records from these names; a URL or a bootstrap server string
    /// (`host:9092`) yields records that never resolve.
    ///
    /// ## Example
    /// ```json
    /// { "dnsDomain": "https://sample.us-east-1.aws.confluent.cloud:9092" }
    /// ```
    ///
    /// ## Fix
    /// Keep the host name only. `--fix` strips a scheme, port or path when the rest is a valid
    /// host name.
    pub(crate) static INVALID_HOSTNAME = {
        code: "PL403",
        name: "invalid-hostname",
        severity: Error,
        summary: "dnsDomain or a dnsSubDomain entry is not a host name.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `dnsDomain` that does not fit the vendor: EVENTHUB expects
    /// `*.servicebus.windows.net`, AZURE_BLOB_STORAGE `*.blob.core.windows.net`, CONFLUENT
    /// `*.confluent.cloud` (aws/azure/gcp/accesspoint forms), with the cloud in it matching
    /// `provider`.
    ///
    /// ## Why it matters
    /// A domain of another service (or another cloud's Confluent network) means the link
    /// points somewhere else than intended.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "CONFLUENT", "dnsDomain": "sample.eastus2.azure.confluent.cloud" }
    /// ```
    ///
    /// ## Fix
    /// Copy the domain from the target's network page (Confluent) or namespace/account overview
    /// (Azure).
    pub(crate) static UNEXPECTED_DOMAIN = {
        code: "PL404",
        name: "unexpected-domain",
        severity: Warning,
        summary: "The dnsDomain does not fit the vendor.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `serviceEndpointId` with the wrong kind of identifier for the vendor. Errors
    /// for shapes that are certainly wrong: a VPC endpoint *id* (`vpce-...`) where AWS
    /// CONFLUENT needs the endpoint *service name*; an event hub (`.../eventhubs/<hub>`) instead
    /// of its namespace; an S3 service for LAMBDA or the reverse; an ARM id of the wrong
    /// resource type; an ARN. A warning for a value that fits no known shape.
    ///
    /// ## Why it matters
    /// Atlas passes the value to the cloud provider, which rejects it only after the
    /// connection is created: the state goes to `FAILED`.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "CONFLUENT", "serviceEndpointId": "vpce-0a1b2c3d4e5f67890" }
    /// ```
    ///
    /// ## Fix
    /// Use the identifier the vendor expects: `com.amazonaws.vpce.<region>.vpce-svc-<id>`,
    /// `com.amazonaws.<region>.s3` / `.lambda`, or the ARM id of the namespace / storage account.
    pub(crate) static INVALID_SERVICE_ENDPOINT_ID = {
        code: "PL405",
        name: "invalid-service-endpoint-id",
        severity: Error,
        summary: "serviceEndpointId has the wrong kind of identifier for the vendor.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports an `azureResourceIds` entry that is not the ARM id of a
    /// `Microsoft.Network/privateLinkServices` resource. More than 3 entries (one per
    /// availability zone) is a warning.
    ///
    /// ## Why it matters
    /// Confluent shares a private link *service*; a private endpoint id or a resource of another
    /// type cannot be connected to.
    ///
    /// ## Example
    /// ```json
    /// { "azureResourceIds": ["/subscriptions/.../providers/Microsoft.Network/privateEndpoints/pe-1"] }
    /// ```
    ///
    /// ## Fix
    /// Use `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/<name>`.
    pub(crate) static INVALID_AZURE_RESOURCE_ID = {
        code: "PL406",
        name: "invalid-azure-resource-id",
        severity: Error,
        summary: "An azureResourceIds entry is not a private link service ARM id.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `gcpServiceAttachmentUris` entry that is not
    /// `projects/<p>/regions/<r>/serviceAttachments/<name>`, or a list of more than 3 entries
    /// (the spec's `maxItems`). A full Compute API URL gets a fix that strips the prefix.
    ///
    /// ## Why it matters
    /// Atlas validates `maxItems` and passes the URIs to Google, which rejects other forms.
    ///
    /// ## Example
    /// ```json
    /// { "gcpServiceAttachmentUris": ["https://www.googleapis.com/compute/v1/projects/p/regions/us-central1/serviceAttachments/a"] }
    /// ```
    ///
    /// ## Fix
    /// Use the relative form `projects/p/regions/us-central1/serviceAttachments/a` (`--fix`
    /// strips the URL prefix).
    pub(crate) static INVALID_GCP_SERVICE_ATTACHMENT = {
        code: "PL407",
        name: "invalid-gcp-service-attachment",
        severity: Error,
        summary: "A gcpServiceAttachmentUris entry is malformed, or there are more than 3.",
        fixable: true,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `region` that is not shaped like a region of the provider at all: an
    /// availability-zone id (`use1-az1`), a zone (`us-east-1a`, `us-central1-a`), a city
    /// (`N. Virginia`), spaces, or a region of another cloud (`eastus2` with AWS). The help names
    /// the region meant where one is clear.
    ///
    /// ## Why it matters
    /// Atlas looks the region up to place the endpoint; a zone or a city is never a region.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "S3", "region": "us-east-1a" }
    /// ```
    ///
    /// ## Fix
    /// Use the region name: `us-east-1` (or Atlas's `US_EAST_1`).
    pub(crate) static INVALID_REGION = {
        code: "PL408",
        name: "invalid-region",
        severity: Error,
        summary: "The region is not shaped like a region of the provider.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `region` shaped like a region of the provider but not one Atlas lists for it,
    /// and suggests the nearest (`us-est-1` -> `us-east-1`).
    ///
    /// ## Why it matters
    /// A private link's region is the *target's* region, and a target can live in a region
    /// Atlas itself does not run in, so this is a warning; most often it is a typo.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "region": "us-est-1" }
    /// ```
    ///
    /// ## Fix
    /// Check the spelling against the provider's region list.
    pub(crate) static UNLISTED_REGION = {
        code: "PL409",
        name: "unlisted-region",
        severity: Warning,
        summary: "The region is not one Atlas lists for the provider.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a listed region written in a mixed style (`us_east_1`, `Us-East-1`), and
    /// suggests the provider's native form and the Atlas form.
    ///
    /// ## Why it matters
    /// Atlas accepts both main styles and echoes what it was given; a third style makes
    /// comparisons (and Terraform plans) noisy.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "region": "us_east_1" }
    /// ```
    ///
    /// ## Fix
    /// Write `us-east-1` or `US_EAST_1`.
    pub(crate) static REGION_STYLE = {
        code: "PL410",
        name: "region-style",
        severity: Info,
        summary: "A listed region written in a mixed style.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports the same entry twice in a list: in `gcpServiceAttachmentUris` it is an error (the
    /// spec's `uniqueItems`), in `dnsSubDomain` or `azureResourceIds` a warning (compared
    /// case-insensitively). Both occurrences are labelled.
    ///
    /// ## Why it matters
    /// Atlas rejects duplicate attachments; duplicate sub-domains or resource ids are a
    /// copy-paste slip that usually hides a missing zone.
    ///
    /// ## Example
    /// ```json
    /// { "dnsSubDomain": ["use1-az1.sample.us-east-1.aws.confluent.cloud", "use1-az1.sample.us-east-1.aws.confluent.cloud"] }
    /// ```
    ///
    /// ## Fix
    /// Remove the later entry (`--fix` does), and check whether a zone is missing.
    pub(crate) static DUPLICATE_ENTRY = {
        code: "PL411",
        name: "duplicate-entry",
        severity: Error,
        summary: "The same entry twice in a list.",
        fixable: true,
        schema: true,
    };
}

pub(crate) fn check(body: &Body<'_>, sink: &mut Sink<'_>) {
    arn(body, sink);
    hostnames(body, sink);
    domain(body, sink);
    endpoint(body, sink);
    azure_ids(body, sink);
    gcp_uris(body, sink);
    region(body, sink);
    duplicates(body, sink);
}

/// The string entries of a list field, trimmed, with their index and span.
pub(crate) fn entries<'a>(a: &'a Array<'a>) -> impl Iterator<Item = (usize, &'a str, Span)> + 'a {
    a.elements.iter().enumerate().filter_map(|(i, e)| match e {
        Value::StringLit(s) => Some((i, s.value.trim(), span_of(s))),
        _ => None,
    })
}

fn arn(body: &Body<'_>, sink: &mut Sink<'_>) {
    if !body.checks_values(Field::Arn) {
        return;
    }
    let Some((s, span)) = body.str(Field::Arn) else {
        return;
    };
    if !s.starts_with("arn:aws:kafka") {
        let v = short(s);
        let help = if s.starts_with("arn:aws-cn:kafka") || s.starts_with("arn:aws-us-gov:kafka") {
            "the API's pattern only accepts the `aws` partition (arn:aws:kafka...); clusters in China or GovCloud regions cannot be linked".to_string()
        } else if s.to_ascii_lowercase().starts_with("arn:aws:kafka") {
            "ARNs are case-sensitive: write the prefix as arn:aws:kafka".to_string()
        } else if let Some(rest) = s.strip_prefix("arn:") {
            let service = rest.split(':').nth(1).unwrap_or("");
            format!("this is the ARN of an `{service}` resource, not of an MSK cluster; copy the cluster ARN from the MSK console (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)")
        } else if s.bytes().all(|b| b.is_ascii_digit()) {
            "a bare id is not an ARN (MongoDB's own MSK example shows one); use the cluster's full ARN, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>".to_string()
        } else {
            "use the cluster ARN, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid> (`aws kafka list-clusters` prints it)".to_string()
        };
        sink.push(
            Diagnostic::new(
                &INVALID_ARN,
                Severity::Error,
                body.ptr(Field::Arn),
                Some(span),
                format!("`arn` \"{v}\" does not match ^arn:aws:kafka"),
            )
            .help(help),
        );
    } else if let Some(problem) = shapes::msk_arn_problem(s) {
        sink.push(
            Diagnostic::new(&MALFORMED_MSK_ARN, Severity::Warning, body.ptr(Field::Arn), Some(span), format!("`arn` \"{}\" is not an MSK cluster ARN: {problem}", short(s)))
                .help("use arn:aws:kafka:<region>:<12-digit account>:cluster/<name>/<uuid>, as the MSK console shows it; Atlas only checks the prefix, so the connection would fail later"),
        );
    }
}

/// Whether a host name is usable for the consistency checks (valid, or only a trailing dot).
pub(crate) fn host_ok(body: &Body<'_>, s: &str) -> bool {
    body.host_problem(s).is_none_or(|p| p.trailing_dot)
}

/// The host name the consistency checks compare: the value itself when it is a host name, the
/// host inside it when PL403 can fix it mechanically (so that applying that fix reveals no new
/// finding), `None` otherwise.
pub(crate) fn host_of<'s>(body: &Body<'_>, s: &'s str) -> Option<std::borrow::Cow<'s, str>> {
    match body.host_problem(s) {
        None => Some(s.into()),
        Some(p) if p.trailing_dot => Some(s.into()),
        Some(p) => p.fixed.map(Into::into),
    }
}

fn hostnames(body: &Body<'_>, sink: &mut Sink<'_>) {
    if body.checks_values(Field::DnsDomain) {
        if let Some((s, span)) = body.str(Field::DnsDomain) {
            host(body, sink, Field::DnsDomain, None, s, span);
        }
    }
    if body.checks_values(Field::DnsSubDomain) {
        if let Some(a) = body.list(Field::DnsSubDomain) {
            for (i, s, span) in entries(a) {
                host(body, sink, Field::DnsSubDomain, Some(i), s, span);
            }
        }
    }
}

/// PL403 for one host name: `field`'s value, or entry `index` of it.
fn host(
    body: &Body<'_>,
    sink: &mut Sink<'_>,
    field: Field,
    index: Option<usize>,
    s: &str,
    span: Span,
) {
    let Some(p) = body.host_problem(s) else {
        return;
    };
    let ptr = match index {
        Some(i) => body.item_ptr(field, i),
        None => body.ptr(field),
    };
    let sev = if p.trailing_dot {
        Severity::Info
    } else {
        Severity::Error
    };
    let mut d = Diagnostic::new(
        &INVALID_HOSTNAME,
        sev,
        ptr,
        Some(span),
        format!(
            "`{}` \"{}\" is not a host name: {}",
            field.key(),
            short(s),
            p.what
        ),
    );
    d = match &p.fixed {
        Some(fixed) => d
            .help(format!("write the host name only: \"{fixed}\""))
            .fix(format!("Replace with \"{fixed}\""), replace_content(body.text, span, s, fixed).unwrap_or_default()),
        None if p.trailing_dot => d.help("nothing to do unless your tooling compares names exactly; drop the dot to match what other tools print"),
        None => d.help("a host name is letters, digits and hyphens in dot-separated labels, with no scheme, port, path or spaces"),
    };
    sink.push(d);
}

fn domain(body: &Body<'_>, sink: &mut Sink<'_>) {
    let (Some(combo), Some((s, span))) = (body.combination, body.str(Field::DnsDomain)) else {
        return;
    };
    let Some(shape) = combo.domain else {
        return;
    };
    if !body.checks_values(Field::DnsDomain) {
        return;
    }
    let Some(host) = host_of(body, s) else {
        return;
    };
    let lower = host.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    let label = combo;
    let problem = match shape {
        DomainShape::ServiceBus => (!lower.ends_with(".servicebus.windows.net"))
            .then(|| format!("{label} expects the Event Hubs namespace host, <namespace>.servicebus.windows.net")),
        DomainShape::Blob => (!lower.ends_with(".blob.core.windows.net"))
            .then(|| format!("{label} expects the storage account's blob host, <account>.blob.core.windows.net")),
        DomainShape::Confluent => match shapes::confluent_domain(lower) {
            None => Some(format!("{label} expects a Confluent Cloud domain, *.confluent.cloud (e.g. <id>.<region>.{}.confluent.cloud)", cloud_label(combo.provider))),
            Some(c) if combo.provider.is_some_and(|p| c.cloud != cloud_label(Some(p))) => Some(format!(
                "the domain is a Confluent network on `{}`, but provider is {}",
                c.cloud,
                combo.provider.map_or("any", Provider::as_str)
            )),
            Some(_) => None,
        },
    };
    if let Some(why) = problem {
        sink.push(
            Diagnostic::new(
                &UNEXPECTED_DOMAIN,
                Severity::Warning,
                body.ptr(Field::DnsDomain),
                Some(span),
                format!("`dnsDomain` \"{}\" does not fit {label}", short(s)),
            )
            .help(format!(
                "{why}; copy it from the target's network or overview page"
            )),
        );
    }
}

fn cloud_label(p: Option<Provider>) -> &'static str {
    match p {
        Some(Provider::Aws) => "aws",
        Some(Provider::Azure) => "azure",
        Some(Provider::Gcp) => "gcp",
        None => "<cloud>",
    }
}

/// What a `serviceEndpointId` value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EndpointKind<'a> {
    Aws(AwsName<'a>),
    VpceId,
    VpceServiceId,
    Arn,
    Arm(shapes::ArmId<'a>),
    GcpAttachment,
    Unknown,
}

fn classify(s: &str) -> EndpointKind<'_> {
    if let Some(n) = aws_name(s) {
        EndpointKind::Aws(n)
    } else if shapes::is_vpce_service_id(s) {
        EndpointKind::VpceServiceId
    } else if shapes::is_vpce_id(s) {
        EndpointKind::VpceId
    } else if s.starts_with("arn:") {
        EndpointKind::Arn
    } else if let Some(a) = arm_id(s) {
        EndpointKind::Arm(a)
    } else if shapes::gcp_attachment_region(s).is_some() {
        EndpointKind::GcpAttachment
    } else {
        EndpointKind::Unknown
    }
}

fn describe(k: EndpointKind<'_>) -> String {
    match k {
        EndpointKind::Aws(AwsName::VpceService { .. }) => "a VPC endpoint service name".into(),
        EndpointKind::Aws(AwsName::Service { service, .. }) => {
            format!("the AWS `{service}` service name")
        }
        EndpointKind::VpceId => "a VPC endpoint id (vpce-...), not a service name".into(),
        EndpointKind::VpceServiceId => {
            "a bare VPC endpoint service id, without com.amazonaws.vpce.<region>.".into()
        }
        EndpointKind::Arn => "an ARN".into(),
        EndpointKind::Arm(a) => match a.child {
            Some((k, n)) if k.eq_ignore_ascii_case("eventhubs") => format!(
                "the event hub `{n}` inside namespace `{}`, not the namespace",
                a.name
            ),
            _ => format!("the ARM id of a {}", a.type_name()),
        },
        EndpointKind::GcpAttachment => "a GCP service attachment".into(),
        EndpointKind::Unknown => "of no known shape".into(),
    }
}

fn endpoint(body: &Body<'_>, sink: &mut Sink<'_>) {
    let (Some(combo), Some((s, span))) = (body.combination, body.str(Field::ServiceEndpointId))
    else {
        return;
    };
    let Some(expected) = combo.endpoint else {
        return;
    };
    if !body.checks_values(Field::ServiceEndpointId) {
        return;
    }
    let kind = classify(s);
    let ok = match (expected, kind) {
        (EndpointShape::VpceServiceName, EndpointKind::Aws(AwsName::VpceService { .. })) => true,
        (EndpointShape::S3Service, EndpointKind::Aws(AwsName::Service { service: "s3", .. })) => {
            true
        }
        (
            EndpointShape::LambdaService,
            EndpointKind::Aws(AwsName::Service {
                service: "lambda", ..
            }),
        ) => true,
        (EndpointShape::KinesisService, EndpointKind::Aws(AwsName::Service { service, .. })) => {
            service.starts_with("kinesis")
        }
        (EndpointShape::EventHubNamespace, EndpointKind::Arm(a)) => {
            a.is("Microsoft.EventHub", "namespaces") && a.child.is_none()
        }
        (EndpointShape::StorageAccount, EndpointKind::Arm(a)) => {
            a.is("Microsoft.Storage", "storageAccounts") && a.child.is_none()
        }
        _ => false,
    };
    let label = combo;
    let want = match expected {
        EndpointShape::VpceServiceName => "the VPC endpoint service name, com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>",
        EndpointShape::KinesisService => "the Kinesis service name, com.amazonaws.<region>.kinesis-streams",
        EndpointShape::S3Service => "the S3 service name, com.amazonaws.<region>.s3",
        EndpointShape::LambdaService => "the Lambda service name, com.amazonaws.<region>.lambda",
        EndpointShape::EventHubNamespace => "the ARM id of the Event Hubs namespace, /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<namespace>",
        EndpointShape::StorageAccount => "the ARM id of the storage account, /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>",
    };
    if ok {
        if let (EndpointShape::StorageAccount, EndpointKind::Arm(a)) = (expected, kind) {
            if !(3..=24).contains(&a.name.len())
                || !a
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                sink.push(
                    Diagnostic::new(&INVALID_SERVICE_ENDPOINT_ID, Severity::Warning, body.ptr(Field::ServiceEndpointId), Some(span), format!("storage account name `{}` is not 3-24 lower-case letters and digits", short(a.name)))
                        .help("copy the storage account's resource id from its JSON view in the Azure portal"),
                );
            }
        }
        return;
    }
    let sev = if kind == EndpointKind::Unknown {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut help = format!("{label} expects {want}");
    if kind == EndpointKind::VpceId {
        help.push_str("; the vpce-... id names your endpoint, the service name names Confluent's endpoint service");
    }
    if matches!(
        kind,
        EndpointKind::Aws(AwsName::Service { service: "s3", .. })
    ) && expected == EndpointShape::LambdaService
    {
        help.push_str(" (MongoDB's docs show .s3 for Lambda, which is a docs error)");
    }
    sink.push(
        Diagnostic::new(
            &INVALID_SERVICE_ENDPOINT_ID,
            sev,
            body.ptr(Field::ServiceEndpointId),
            Some(span),
            format!("`serviceEndpointId` \"{}\" is {}", short(s), describe(kind)),
        )
        .help(help),
    );
}

fn azure_ids(body: &Body<'_>, sink: &mut Sink<'_>) {
    if !body.checks_values(Field::AzureResourceIds) {
        return;
    }
    let Some(a) = body.list(Field::AzureResourceIds) else {
        return;
    };
    for (i, s, span) in entries(a) {
        let kind = arm_id(s);
        if kind
            .is_some_and(|k| k.is("Microsoft.Network", "privateLinkServices") && k.child.is_none())
        {
            continue;
        }
        let what = match kind {
            Some(k) if k.is("Microsoft.Network", "privateEndpoints") => {
                "the ARM id of a private endpoint; Confluent shares a private link *service*"
                    .to_string()
            }
            Some(k) => format!(
                "the ARM id of a {}, not of a Microsoft.Network/privateLinkServices",
                k.type_name()
            ),
            None if s.is_empty() => "empty".to_string(),
            None => "not an ARM id".to_string(),
        };
        sink.push(
            Diagnostic::new(&INVALID_AZURE_RESOURCE_ID, Severity::Error, body.item_ptr(Field::AzureResourceIds, i), Some(span), format!("`azureResourceIds` entry \"{}\" is {what}", short(s)))
                .help("use /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/<name>, one per availability zone, as Confluent's network page lists them"),
        );
    }
    if let Some(extra) = a.elements.get(3) {
        sink.push(
            Diagnostic::new(&INVALID_AZURE_RESOURCE_ID, Severity::Warning, body.item_ptr(Field::AzureResourceIds, 3), Some(span_of(extra)), format!("`azureResourceIds` has {} entries; expected at most 3 (one per availability zone)", a.elements.len()))
                .help("list one private link service per availability zone; check for entries from another network"),
        );
    }
}

fn gcp_uris(body: &Body<'_>, sink: &mut Sink<'_>) {
    if !body.checks_values(Field::GcpServiceAttachmentUris) {
        return;
    }
    let Some(a) = body.list(Field::GcpServiceAttachmentUris) else {
        return;
    };
    for (i, s, span) in entries(a) {
        if shapes::gcp_attachment_region(s).is_some() {
            continue;
        }
        let ptr = body.item_ptr(Field::GcpServiceAttachmentUris, i);
        let stripped = shapes::GCP_URL_PREFIXES
            .iter()
            .find_map(|p| s.strip_prefix(p));
        let d = match stripped {
            Some(rel) if shapes::gcp_attachment_region(rel).is_some() => Diagnostic::new(&INVALID_GCP_SERVICE_ATTACHMENT, Severity::Error, ptr, Some(span), format!("`gcpServiceAttachmentUris` entry \"{}\" is a full Compute API URL", short(s)))
                .help(format!("use the relative form \"{rel}\""))
                .fix("Strip the URL prefix", replace_content(body.text, span, s, rel).unwrap_or_default()),
            _ => Diagnostic::new(&INVALID_GCP_SERVICE_ATTACHMENT, Severity::Error, ptr, Some(span), format!("`gcpServiceAttachmentUris` entry \"{}\" is not projects/<project>/regions/<region>/serviceAttachments/<name>", short(s)))
                .help("copy the service attachment URIs from Confluent's network page"),
        };
        sink.push(d);
    }
    if a.elements.len() > 3 {
        sink.push(
            Diagnostic::new(
                &INVALID_GCP_SERVICE_ATTACHMENT,
                Severity::Error,
                body.ptr(Field::GcpServiceAttachmentUris),
                Some(span_of(a)),
                format!(
                    "`gcpServiceAttachmentUris` has {} entries; the API allows at most 3",
                    a.elements.len()
                ),
            )
            .help("list one service attachment per zone, at most 3"),
        );
    }
}

fn region(body: &Body<'_>, sink: &mut Sink<'_>) {
    let Some(provider) = body.provider() else {
        return;
    };
    if !body.checks_values(Field::Region) {
        return;
    }
    let Some((s, span)) = body.str(Field::Region) else {
        return;
    };
    if find_exact(provider, s).is_some() {
        return;
    }
    let ptr = body.ptr(Field::Region);
    let p = provider.as_str();
    if let Some(r) = find_loose(provider, s) {
        sink.push(
            Diagnostic::new(
                &REGION_STYLE,
                Severity::Info,
                ptr,
                Some(span),
                format!(
                    "region \"{}\" is {p} {} written in a mixed style",
                    short(s),
                    r.native
                ),
            )
            .help(format!(
                "write the native form \"{}\" or the Atlas form \"{}\"",
                r.native, r.atlas
            )),
        );
        return;
    }
    if let Some(problem) = region_shape_problem(provider, s) {
        sink.push(
            Diagnostic::new(
                &INVALID_REGION,
                Severity::Error,
                ptr,
                Some(span),
                format!(
                    "region \"{}\" is not a region of {p}: {}",
                    short(s),
                    problem.0
                ),
            )
            .help(problem.1),
        );
        return;
    }
    let candidates: Vec<&str> = regions_of(provider)
        .flat_map(|r| [r.native, r.atlas])
        .collect();
    let near = nearest(s, &candidates, 3);
    let help = if near.is_empty() {
        format!("check the spelling against {p}'s region list; a target may live in a region Atlas does not list, so this is only a warning")
    } else {
        format!("did you mean {}? (a target may live in a region Atlas does not list, so this is only a warning)", or_list(&near))
    };
    sink.push(
        Diagnostic::new(
            &UNLISTED_REGION,
            Severity::Warning,
            ptr,
            Some(span),
            format!(
                "region \"{}\" is not a region Atlas lists for {p}",
                short(s)
            ),
        )
        .help(help),
    );
}

/// Why a region is not region-shaped for the provider: (what, help).
fn region_shape_problem(provider: Provider, s: &str) -> Option<(String, String)> {
    let example = match provider {
        Provider::Aws => "us-east-1 (Atlas: US_EAST_1)",
        Provider::Azure => "eastus2 (Atlas: US_EAST_2)",
        Provider::Gcp => "us-central1 (Atlas: CENTRAL_US)",
    };
    if let Some(r) = regions::native_elsewhere(provider, s) {
        return Some((
            format!("it is a {} region", r.provider.as_str()),
            format!(
                "{} regions look like {example}; check `provider` and `region` belong together",
                provider.as_str()
            ),
        ));
    }
    // Availability-zone id: use1-az1, usw2-az3.
    if let Some((pre, az)) = s.split_once("-az") {
        if !pre.is_empty()
            && pre.bytes().all(|b| b.is_ascii_alphanumeric())
            && !az.is_empty()
            && az.bytes().all(|b| b.is_ascii_digit())
        {
            return Some((
                "it is an availability-zone id".into(),
                format!("use the region the zone belongs to, e.g. {example}"),
            ));
        }
    }
    // A zone: us-east-1a (AWS), us-central1-a (GCP).
    let zone_region = match provider {
        Provider::Aws => s
            .strip_suffix(|c: char| c.is_ascii_lowercase())
            .filter(|r| find_exact(provider, r).is_some()),
        Provider::Gcp => s
            .rsplit_once('-')
            .filter(|(r, z)| {
                z.len() == 1
                    && z.bytes().all(|b| b.is_ascii_lowercase())
                    && find_exact(provider, r).is_some()
            })
            .map(|(r, _)| r),
        Provider::Azure => None,
    };
    if let Some(r) = zone_region {
        return Some((
            "it is a zone, not a region".into(),
            format!("use the region \"{r}\""),
        ));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            "it is a zone number".into(),
            format!("use the region name, e.g. {example}"),
        ));
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        || !s.as_bytes()[0].is_ascii_alphabetic()
    {
        let lower = s.to_ascii_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() > 2)
            .collect();
        let by_place: Vec<&str> = regions_of(provider)
            .filter(|r| {
                let loc = r.location.to_ascii_lowercase();
                !words.is_empty() && words.iter().all(|w| loc.contains(w))
            })
            .map(|r| r.native)
            .collect();
        let help = if by_place.is_empty() {
            format!("use a region name such as {example}, not a place name")
        } else {
            format!("use the region name: {}", or_list(&by_place))
        };
        return Some(("region names have no spaces or punctuation".into(), help));
    }
    None
}

fn duplicates(body: &Body<'_>, sink: &mut Sink<'_>) {
    for (field, sev, ci) in [
        (Field::GcpServiceAttachmentUris, Severity::Error, false),
        (Field::DnsSubDomain, Severity::Warning, true),
        (Field::AzureResourceIds, Severity::Warning, true),
    ] {
        if !body.checks_values(field) {
            continue;
        }
        let Some(a) = body.list(field) else {
            continue;
        };
        // The first occurrence of each entry (ASCII case folded where `ci`): a linear pass, so a
        // list of 100k entries costs no more than parsing it.
        let mut first: std::collections::BTreeMap<std::borrow::Cow<'_, str>, (usize, Span)> =
            std::collections::BTreeMap::new();
        for (i, s, span) in entries(a) {
            if s.is_empty() {
                continue;
            }
            let key = if ci && s.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(s.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(s)
            };
            match first.entry(key) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert((i, span));
                }
                std::collections::btree_map::Entry::Occupied(o) => {
                    let (j, first_span) = *o.get();
                    sink.push(
                        Diagnostic::new(
                            &DUPLICATE_ENTRY,
                            sev,
                            body.item_ptr(field, i),
                            Some(span),
                            format!("`{}` lists \"{}\" twice", field.key(), short(s)),
                        )
                        .help("remove the later entry; if a zone is missing, add it instead")
                        .label(
                            body.item_ptr(field, j),
                            Some(first_span),
                            "first occurrence",
                        )
                        .fix("Remove the duplicate entry", remove_element(a, i)),
                    );
                }
            }
        }
    }
}
