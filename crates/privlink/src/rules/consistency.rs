//! PL5xx — consistency across fields.

use crate::check::{Body, Sink};
use crate::diagnostic::{Diagnostic, Edit, Severity, Span};
use crate::matrix::EndpointShape;
use crate::model::Field;
use crate::registry::declare_rule;
use crate::rules::formats::{entries, host_of, host_ok};
use crate::shapes::{self, arm_id, aws_name, AwsName};
use crate::suggest::fold_eq;
use crate::text::{plain_content_start, short};

declare_rule! {
    /// ## What it does
    /// Compares `region` with the region written inside other fields, after mapping styles
    /// (`us-east-1` = `US_EAST_1`, `eastus2` = `US_EAST_2`): the S3/Lambda/Kinesis service name,
    /// the VPC endpoint service name, a GCP service attachment URI, a Confluent domain
    /// (`<id>.<region>.aws.confluent.cloud`). Both places are labelled.
    ///
    /// ## Why it matters
    /// A private endpoint lives in one region; a service name from another region does not
    /// resolve there, and the connection fails after creation.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "S3", "region": "us-east-1",
    ///   "serviceEndpointId": "com.amazonaws.us-west-2.s3" }
    /// ```
    ///
    /// ## Fix
    /// Make them agree: usually the other field is right and `region` was copied from another
    /// payload.
    pub(crate) static REGION_MISMATCH = {
        code: "PL501",
        name: "region-mismatch",
        severity: Warning,
        summary: "The region inside another field disagrees with region.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a `dnsSubDomain` entry that is not `<label>.<dnsDomain>`: a bare zone id
    /// (`use1-az1`), a placeholder (`subdomain1`, as in MongoDB's docs), or a name under another
    /// domain.
    ///
    /// ## Why it matters
    /// Atlas creates a DNS record for each entry inside the domain's zone; a bare label or a
    /// foreign name never resolves to the Confluent brokers.
    ///
    /// ## Example
    /// ```json
    /// { "dnsDomain": "sample.us-east-1.aws.confluent.cloud", "dnsSubDomain": ["use1-az1"] }
    /// ```
    ///
    /// ## Fix
    /// Write the full name, `use1-az1.sample.us-east-1.aws.confluent.cloud`. When the entry is
    /// a bare label and `dnsDomain` is set, `--fix` appends `.<dnsDomain>`.
    pub(crate) static SUBDOMAIN_OUTSIDE_DOMAIN = {
        code: "PL502",
        name: "subdomain-outside-domain",
        severity: Error,
        summary: "A dnsSubDomain entry is not <label>.<dnsDomain>.",
        fixable: true,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// EVENTHUB: reports when the namespace in `serviceEndpointId` is not the first label of
    /// `dnsDomain`. AZURE_BLOB_STORAGE: the same for the storage account.
    ///
    /// ## Why it matters
    /// The endpoint is created for one resource and DNS is set up for another: traffic goes
    /// nowhere.
    ///
    /// ## Example
    /// ```json
    /// { "serviceEndpointId": ".../Microsoft.EventHub/namespaces/sample",
    ///   "dnsDomain": "other.servicebus.windows.net" }
    /// ```
    ///
    /// ## Fix
    /// Use the same namespace (or account) in both fields.
    pub(crate) static RESOURCE_NAME_MISMATCH = {
        code: "PL503",
        name: "resource-name-mismatch",
        severity: Warning,
        summary: "The namespace or account differs between serviceEndpointId and dnsDomain.",
        fixable: false,
        schema: false,
    };
}

pub(crate) fn check(body: &Body<'_>, sink: &mut Sink<'_>) {
    region_mismatch(body, sink);
    subdomains(body, sink);
    resource_names(body, sink);
}

fn region_mismatch(body: &Body<'_>, sink: &mut Sink<'_>) {
    let Some(provider) = body.provider() else {
        return;
    };
    if !body.checks_values(Field::Region) {
        return;
    }
    let Some((region, region_span)) = body.str(Field::Region) else {
        return;
    };
    // (field, list index, span, the region it names, the field's key): pointers are built only
    // for a finding.
    let mut others: Vec<(Field, Option<usize>, Span, String, &str)> = Vec::new();
    if body.checks_values(Field::ServiceEndpointId) {
        if let Some((s, span)) = body.str(Field::ServiceEndpointId) {
            match aws_name(s) {
                Some(AwsName::VpceService { region: r })
                | Some(AwsName::Service { region: r, .. }) => others.push((
                    Field::ServiceEndpointId,
                    None,
                    span,
                    r.to_string(),
                    "serviceEndpointId",
                )),
                None => {}
            }
        }
    }
    if body.checks_values(Field::GcpServiceAttachmentUris) {
        if let Some(a) = body.list(Field::GcpServiceAttachmentUris) {
            for (i, s, span) in entries(a) {
                if let Some(r) = shapes::gcp_attachment_region(s) {
                    others.push((
                        Field::GcpServiceAttachmentUris,
                        Some(i),
                        span,
                        r.to_string(),
                        "gcpServiceAttachmentUris",
                    ));
                }
            }
        }
    }
    if body.checks_values(Field::DnsDomain) {
        if let Some((s, span)) = body.str(Field::DnsDomain) {
            // The host PL403's fix would leave, or the value as written when PL403 has no
            // mechanical fix (an underscore does not hide the region it names).
            let host = host_of(body, s).unwrap_or(std::borrow::Cow::Borrowed(s));
            let region = shapes::confluent_domain(&host).and_then(|c| c.region.map(str::to_string));
            if let Some(r) = region {
                others.push((Field::DnsDomain, None, span, r, "dnsDomain"));
            }
        }
    }
    // Only a listed region is compared: an invalid or unlisted one is PL408/PL409's business.
    if crate::regions::find_loose(provider, region).is_none() {
        return;
    }
    let mut reported: Vec<&str> = Vec::new();
    for (k, (_, _, _, r, key)) in others.iter().enumerate() {
        // Written the same way (the common case) needs no table lookup.
        let same = region.eq_ignore_ascii_case(r)
            || crate::regions::same_region(provider, region, r)
                .unwrap_or_else(|| fold_eq(region, r));
        if same || reported.iter().any(|x| x.eq_ignore_ascii_case(r)) {
            continue;
        }
        reported.push(r);
        let mut d = Diagnostic::new(&REGION_MISMATCH, Severity::Warning, body.ptr(Field::Region), Some(region_span), format!("region \"{}\" disagrees with `{key}`, which names region \"{r}\"", short(region)))
            .help(format!("make them agree: the endpoint is created in one region; if `{key}` is right, set region to \"{r}\""));
        for (field, index, span, r2, _) in &others[k..] {
            if r2.eq_ignore_ascii_case(r) {
                let ptr = match index {
                    Some(i) => body.item_ptr(*field, *i),
                    None => body.ptr(*field),
                };
                d = d.label(ptr, Some(*span), format!("names region {r}"));
            }
        }
        sink.push(d);
    }
}

fn subdomains(body: &Body<'_>, sink: &mut Sink<'_>) {
    if !body.checks_values(Field::DnsSubDomain) {
        return;
    }
    let Some(a) = body.list(Field::DnsSubDomain) else {
        return;
    };
    let domain = body
        .str(Field::DnsDomain)
        .filter(|_| body.checks_values(Field::DnsDomain))
        .and_then(|(d, span)| host_of(body, d).map(|h| (h, span)));
    let domain = domain.as_ref().map(|(h, span)| (h.as_ref(), *span));
    for (i, s, span) in entries(a) {
        if s.is_empty() {
            continue;
        }
        let Some(host) = host_of(body, s) else {
            continue;
        };
        let entry = host.trim_end_matches('.');
        let bare = !entry.contains('.');
        match domain {
            Some((d, dspan)) => {
                if is_zone_of(entry, d.trim_end_matches('.')) {
                    continue;
                }
                let ptr = body.item_ptr(Field::DnsSubDomain, i);
                let mut dg = Diagnostic::new(&SUBDOMAIN_OUTSIDE_DOMAIN, Severity::Error, ptr, Some(span), format!("`dnsSubDomain` entry \"{}\" is not <zone>.{}", short(s), short(d)))
                    .label(body.ptr(Field::DnsDomain), Some(dspan), "dnsDomain");
                if bare {
                    let full = format!("{entry}.{}", d.trim_end_matches('.'));
                    dg = dg.help(format!("write the full name, \"{}\"", short(&full)));
                    if let Some(start) = plain_content_start(body.text, span, s).filter(|_| host_ok(body, s)) {
                        dg = dg.fix(
                            format!("Append .{}", d.trim_end_matches('.')),
                            vec![Edit { offset: start + s.len(), length: 0, replacement: format!(".{}", d.trim_end_matches('.')) }],
                        );
                    }
                } else {
                    dg = dg.help("each entry is one zonal label followed by dnsDomain, e.g. use1-az1.<dnsDomain>; copy them from Confluent's network page");
                }
                sink.push(dg);
            }
            None if bare => sink.push(
                Diagnostic::new(&SUBDOMAIN_OUTSIDE_DOMAIN, Severity::Error, body.item_ptr(Field::DnsSubDomain, i), Some(span), format!("`dnsSubDomain` entry \"{}\" is a bare label, not a full sub-domain name", short(s)))
                    .help("write the full name, <zone>.<dnsDomain>, e.g. use1-az1.sample.us-east-1.aws.confluent.cloud"),
            ),
            None => {}
        }
    }
}

/// `entry` is one label followed by `.domain` (ASCII case ignored).
fn is_zone_of(entry: &str, domain: &str) -> bool {
    let Some(cut) = entry.len().checked_sub(domain.len() + 1) else {
        return false;
    };
    cut > 0
        && entry.is_char_boundary(cut)
        && entry.as_bytes()[cut] == b'.'
        && entry[cut + 1..].eq_ignore_ascii_case(domain)
        && !entry[..cut].contains('.')
}

fn resource_names(body: &Body<'_>, sink: &mut Sink<'_>) {
    let Some(combo) = body.combination else {
        return;
    };
    let what = match combo.endpoint {
        Some(EndpointShape::EventHubNamespace) => ("Microsoft.EventHub", "namespaces", "namespace"),
        Some(EndpointShape::StorageAccount) => {
            ("Microsoft.Storage", "storageAccounts", "storage account")
        }
        _ => return,
    };
    let (Some((id, id_span)), Some((d, d_span))) = (
        body.str(Field::ServiceEndpointId),
        body.str(Field::DnsDomain),
    ) else {
        return;
    };
    let Some(host) = host_of(body, d) else {
        return;
    };
    let Some(arm) = arm_id(id).filter(|a| a.is(what.0, what.1) && a.child.is_none()) else {
        return;
    };
    let first = host.split('.').next().unwrap_or("");
    if first.eq_ignore_ascii_case(arm.name) {
        return;
    }
    sink.push(
        Diagnostic::new(
            &RESOURCE_NAME_MISMATCH,
            Severity::Warning,
            body.ptr(Field::DnsDomain),
            Some(d_span),
            format!(
                "`dnsDomain` \"{}\" names {} `{first}`, but `serviceEndpointId` names `{}`",
                short(d),
                what.2,
                arm.name
            ),
        )
        .help(format!("use the same {} in both fields", what.2))
        .label(
            body.ptr(Field::ServiceEndpointId),
            Some(id_span),
            format!("{} {}", what.2, arm.name),
        ),
    );
}
