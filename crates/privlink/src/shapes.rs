//! Recognisers for the identifier shapes of `contract.md` ("Value shapes"). Plain string
//! splitting: no regex engine, so the WASM build stays small and the hot path allocates nothing.

/// An Azure Resource Manager id, `/subscriptions/<s>/resourceGroups/<rg>/providers/<ns>/<type>/<name>[/<child type>/<child name>]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ArmId<'a> {
    pub(crate) subscription: &'a str,
    pub(crate) namespace: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) name: &'a str,
    /// A nested resource (`eventhubs/<hub>` under a namespace).
    pub(crate) child: Option<(&'a str, &'a str)>,
}

impl ArmId<'_> {
    /// `Microsoft.EventHub/namespaces`, compared case-insensitively.
    pub(crate) fn is(&self, namespace: &str, kind: &str) -> bool {
        self.namespace.eq_ignore_ascii_case(namespace) && self.kind.eq_ignore_ascii_case(kind)
    }

    pub(crate) fn type_name(&self) -> String {
        match self.child {
            Some((k, _)) => format!("{}/{}/{}", self.namespace, self.kind, k),
            None => format!("{}/{}", self.namespace, self.kind),
        }
    }
}

/// Parses an ARM id (keywords case-insensitive, as Azure treats them).
pub(crate) fn arm_id(s: &str) -> Option<ArmId<'_>> {
    let mut it = s.strip_prefix('/')?.split('/');
    let mut next = || it.next().filter(|p| !p.is_empty());
    if !next()?.eq_ignore_ascii_case("subscriptions") {
        return None;
    }
    let subscription = next()?;
    if !next()?.eq_ignore_ascii_case("resourceGroups") {
        return None;
    }
    let _rg = next()?;
    if !next()?.eq_ignore_ascii_case("providers") {
        return None;
    }
    let namespace = next()?;
    let kind = next()?;
    let name = next()?;
    let child = match (next(), next()) {
        (Some(k), Some(n)) => Some((k, n)),
        (None, None) => None,
        _ => return None,
    };
    if next().is_some() {
        return None;
    }
    Some(ArmId {
        subscription,
        namespace,
        kind,
        name,
        child,
    })
}

/// 8-4-4-4-12 hex digits.
pub(crate) fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// What is wrong with an MSK cluster ARN that passes `^arn:aws:kafka`, if anything.
pub(crate) fn msk_arn_problem(s: &str) -> Option<&'static str> {
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    if parts.len() != 6 || parts[2] != "kafka" {
        return Some("it does not have the six colon-separated parts arn:aws:kafka:<region>:<account>:<resource>");
    }
    let (region, account, resource) = (parts[3], parts[4], parts[5]);
    if region.is_empty() {
        return Some("the region part is empty");
    }
    if !region
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some("the region part is not an AWS region name such as us-east-1");
    }
    if account.is_empty() {
        return Some("the account id is missing");
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Some("the account id is not 12 digits");
    }
    let mut res = resource.split('/');
    match res.next() {
        Some("cluster") => {}
        Some("topic") => return Some("it is a topic ARN; use the ARN of the cluster"),
        Some("group") => return Some("it is a consumer group ARN; use the ARN of the cluster"),
        Some("transactional-id") => {
            return Some("it is a transactional-id ARN; use the ARN of the cluster")
        }
        _ => return Some("the resource is not cluster/<name>/<uuid>"),
    }
    let name = res.next().unwrap_or("");
    let id = res.next().unwrap_or("");
    if name.is_empty() || id.is_empty() || res.next().is_some() {
        return Some("the resource is not cluster/<name>/<uuid>");
    }
    let uuid = match id.rsplit_once('-') {
        Some((u, n)) if u.len() == 36 && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            u
        }
        _ => id,
    };
    if !is_uuid(uuid) {
        return Some("the cluster id is not a UUID (optionally followed by -<n>)");
    }
    None
}

/// An AWS service name `com.amazonaws.<region>.<service>` or VPC endpoint service name
/// `com.amazonaws.vpce.<region>.vpce-svc-<hex>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AwsName<'a> {
    /// `com.amazonaws.vpce.<region>.vpce-svc-<17 hex>`.
    VpceService { region: &'a str },
    /// `com.amazonaws.<region>.<service>`.
    Service { region: &'a str, service: &'a str },
}

pub(crate) fn aws_name(s: &str) -> Option<AwsName<'_>> {
    let rest = s.strip_prefix("com.amazonaws.")?;
    if let Some(rest) = rest.strip_prefix("vpce.") {
        let (region, svc) = rest.split_once('.')?;
        let hex = svc.strip_prefix("vpce-svc-")?;
        return (is_region_token(region)
            && hex.len() == 17
            && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(AwsName::VpceService { region });
    }
    let (region, service) = rest.split_once('.')?;
    (is_region_token(region) && !service.is_empty() && !service.contains('.'))
        .then_some(AwsName::Service { region, service })
}

fn is_region_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `vpce-<hex>`: a VPC endpoint *id*.
pub(crate) fn is_vpce_id(s: &str) -> bool {
    s.strip_prefix("vpce-")
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `vpce-svc-<hex>`: a VPC endpoint service id, without the `com.amazonaws.vpce.<region>.` prefix.
pub(crate) fn is_vpce_service_id(s: &str) -> bool {
    s.strip_prefix("vpce-svc-")
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A GCP service attachment `projects/<p>/regions/<r>/serviceAttachments/<name>`: its region.
pub(crate) fn gcp_attachment_region(s: &str) -> Option<&str> {
    let p: Vec<&str> = s.split('/').collect();
    (p.len() == 6
        && p[0] == "projects"
        && p[2] == "regions"
        && p[4] == "serviceAttachments"
        && [p[1], p[3], p[5]].iter().all(|x| {
            !x.is_empty()
                && x.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        }))
    .then(|| p[3])
}

/// The prefixes of a full Compute API URL of a service attachment.
pub(crate) const GCP_URL_PREFIXES: [&str; 4] = [
    "https://www.googleapis.com/compute/v1/",
    "https://compute.googleapis.com/compute/v1/",
    "https://www.googleapis.com/compute/beta/",
    "https://compute.googleapis.com/compute/beta/",
];

/// What is wrong with a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HostProblem {
    pub(crate) what: String,
    /// The host name with scheme, port and path stripped, when that is the whole problem.
    pub(crate) fixed: Option<String>,
    /// Only a trailing dot (reported as `info`).
    pub(crate) trailing_dot: bool,
}

/// Checks a DNS host name (no scheme, port, path or spaces; LDH labels of at most 63
/// characters; at most 253 in all).
pub(crate) fn host_problem(s: &str) -> Option<HostProblem> {
    if is_plain_host(s.as_bytes()) {
        return None;
    }
    let mut host = s;
    let mut stripped = Vec::new();
    if let Some(i) = host.find("://") {
        stripped.push(format!("a scheme (`{}`)", &host[..i + 3]));
        host = &host[i + 3..];
    }
    if let Some(i) = host.find(['/', '?', '#']) {
        stripped.push(format!("a path (`{}`)", crate::text::short(&host[i..])));
        host = &host[..i];
    }
    if let Some(i) = host.rfind(':') {
        if host[i + 1..].bytes().all(|b| b.is_ascii_digit()) {
            stripped.push(format!("a port (`{}`)", &host[i..]));
            host = &host[..i];
        }
    }
    let structural = structural_problem(host);
    if !stripped.is_empty() {
        let what = format!("it contains {}", stripped.join(" and "));
        let fixed = match &structural {
            None => Some(host.to_string()),
            Some(_) => None,
        };
        return Some(HostProblem {
            what,
            fixed,
            trailing_dot: false,
        });
    }
    if let Some(what) = structural {
        return Some(HostProblem {
            what,
            fixed: None,
            trailing_dot: false,
        });
    }
    if host.ends_with('.') {
        return Some(HostProblem {
            what: "it ends with a dot (a fully qualified name); Atlas accepts and echoes it".into(),
            fixed: None,
            trailing_dot: true,
        });
    }
    None
}

/// The fast path: one pass over the bytes that accepts exactly the host names
/// [`host_problem`] finds nothing wrong with (LDH labels of 1-63 bytes, no leading or trailing
/// hyphen, at most 253 bytes, no trailing dot); anything else takes the slow path.
fn is_plain_host(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > 253 {
        return false;
    }
    // Every byte a letter, digit, hyphen or dot: a branch-free pass (it vectorizes).
    let ldh = b.iter().fold(true, |ok, &c| {
        ok & (c.is_ascii_alphanumeric() | (c == b'-') | (c == b'.'))
    });
    ldh && b.split(|&c| c == b'.').all(|label| {
        (1..=63).contains(&label.len()) && label[0] != b'-' && label[label.len() - 1] != b'-'
    })
}

fn structural_problem(host: &str) -> Option<String> {
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty() {
        return Some("it is empty".into());
    }
    if name.chars().any(char::is_whitespace) {
        return Some("it contains white space".into());
    }
    if name.contains('_') {
        return Some("it contains an underscore, which host names cannot have".into());
    }
    if name.len() > 253 {
        return Some(format!(
            "it is {} characters long; a host name has at most 253",
            name.len()
        ));
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Some("it has an empty label (two dots in a row, or a leading dot)".into());
        }
        if label.len() > 63 {
            return Some(format!(
                "the label `{}` is {} characters long; a label has at most 63",
                crate::text::short(label),
                label.len()
            ));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Some(format!(
                "it contains `{c}`; labels are letters, digits and hyphens"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(format!("the label `{label}` starts or ends with a hyphen"));
        }
    }
    None
}

/// The Confluent Cloud domain families: the cloud named in it and its region label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ConfluentDomain<'a> {
    pub(crate) cloud: &'a str,
    pub(crate) region: Option<&'a str>,
}

pub(crate) fn confluent_domain(host: &str) -> Option<ConfluentDomain<'_>> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let lower_ok = host.to_ascii_lowercase();
    let rest = host.get(..host.len().checked_sub(".confluent.cloud".len())?)?;
    if !lower_ok.ends_with(".confluent.cloud") {
        return None;
    }
    let labels: Vec<&str> = rest.split('.').collect();
    // ... <region>.<cloud>[.accesspoint|.glb|.private]
    let mut i = labels.len();
    while i > 0 && matches!(labels[i - 1], "accesspoint" | "glb" | "private") {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let cloud = labels[i - 1];
    if !matches!(cloud, "aws" | "azure" | "gcp") {
        return None;
    }
    let region = (i >= 3).then(|| labels[i - 2]);
    Some(ConfluentDomain { cloud, region })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_shapes() {
        assert_eq!(
            msk_arn_problem("arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2"),
            None
        );
        assert!(msk_arn_problem(
            "arn:aws:kafka:us-east-1:1234567890:cluster/t/de8982fa-8222-4e87-8b20-9bf3cdfa1521"
        )
        .is_some());
        assert!(msk_arn_problem("arn:aws:kafka:us-east-1:123456789012:topic/t/x").is_some());
        assert_eq!(
            aws_name("com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9"),
            Some(AwsName::VpceService {
                region: "us-east-1"
            })
        );
        assert_eq!(
            aws_name("com.amazonaws.us-east-1.s3"),
            Some(AwsName::Service {
                region: "us-east-1",
                service: "s3"
            })
        );
        assert!(is_vpce_id("vpce-0a1b2c3d4e5f67890"));
        let arm = arm_id("/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/asp/providers/Microsoft.EventHub/namespaces/sample/eventhubs/hub").unwrap();
        assert!(arm.is("microsoft.eventhub", "namespaces"));
        assert_eq!(arm.child, Some(("eventhubs", "hub")));
        assert_eq!(
            gcp_attachment_region(
                "projects/demo-proj/regions/us-central1/serviceAttachments/att-a"
            ),
            Some("us-central1")
        );
        assert_eq!(
            host_problem("https://x.example.com:9092/p")
                .unwrap()
                .fixed
                .as_deref(),
            Some("x.example.com")
        );
        assert!(host_problem("a_b.example.com").is_some());
        assert!(
            host_problem("sample.us-east-1.aws.confluent.cloud.")
                .unwrap()
                .trailing_dot
        );
        assert_eq!(host_problem("sample.us-east-1.aws.confluent.cloud"), None);
        // The fast path agrees with the slow one.
        for h in [
            "a",
            "a.b",
            "a-b.c",
            "-a.b",
            "a-.b",
            "a..b",
            ".a",
            "a.",
            "a_b",
            "a b",
            "x:1",
            "https://a",
            "a/b",
            "é.com",
            "a.-b",
            "a.b-",
            "1.2.3.4",
        ] {
            let long = format!("{}.com", "a".repeat(64));
            for h in [h, long.as_str()] {
                let slow = {
                    let plain = is_plain_host(h.as_bytes());
                    (
                        plain,
                        structural_problem(h).is_none()
                            && !h.ends_with('.')
                            && !h.contains("://")
                            && !h.contains(['/', '?', '#', ':']),
                    )
                };
                assert_eq!(slow.0, slow.1, "{h}");
            }
        }
        assert_eq!(
            confluent_domain("sample.us-east-1.aws.confluent.cloud"),
            Some(ConfluentDomain {
                cloud: "aws",
                region: Some("us-east-1")
            })
        );
        assert_eq!(
            confluent_domain("ap1.us-east-1.aws.accesspoint.confluent.cloud")
                .unwrap()
                .region,
            Some("us-east-1")
        );
    }
}
