//! "Did you mean": suggestions for misspelt keys and values.

use crate::model::Field;

/// What an unknown key probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeySuggestion {
    /// Exactly one body field.
    Field(Field),
    /// Several fields are equally close.
    Many(Vec<Field>),
    /// Not a body field at all; the text says where it belongs.
    Elsewhere(&'static str),
    /// Nothing close.
    Nothing,
}

/// Terraform (and other tools') names for body fields.
const ALIASES: &[(&str, Field)] = &[
    ("provider_name", Field::Provider),
    ("cloud_provider", Field::Provider),
    ("cloudProvider", Field::Provider),
    ("providerName", Field::Provider),
    ("service_attachment_uris", Field::GcpServiceAttachmentUris),
    ("serviceAttachmentUris", Field::GcpServiceAttachmentUris),
    ("zonal_subdomains", Field::DnsSubDomain),
    ("zonalSubdomains", Field::DnsSubDomain),
    ("dns_subdomains", Field::DnsSubDomain),
    ("subdomains", Field::DnsSubDomain),
    ("service_endpoint", Field::ServiceEndpointId),
    ("vpc_endpoint_service_name", Field::ServiceEndpointId),
    ("cluster_arn", Field::Arn),
    ("clusterArn", Field::Arn),
    ("region_name", Field::Region),
    ("regionName", Field::Region),
    ("auth_scheme", Field::AuthenticationScheme),
    ("authScheme", Field::AuthenticationScheme),
];

const ELSEWHERE: &[(&str, &str)] = &[
    ("project_id", "the project id is the `groupId` path parameter (/api/atlas/v2/groups/{groupId}/...), not a body field"),
    ("projectId", "the project id is the `groupId` path parameter (/api/atlas/v2/groups/{groupId}/...), not a body field"),
    ("group_id", "the group id is the `groupId` path parameter (/api/atlas/v2/groups/{groupId}/...), not a body field"),
    ("groupId", "the group id is the `groupId` path parameter (/api/atlas/v2/groups/{groupId}/...), not a body field"),
];

/// Upper-cases and drops everything but letters and digits (`dns_sub-Domain` -> `DNSSUBDOMAIN`).
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `fold(a) == fold(b)`, without allocating.
pub(crate) fn fold_eq(a: &str, b: &str) -> bool {
    let mut x = a.bytes().filter(u8::is_ascii_alphanumeric);
    let mut y = b.bytes().filter(u8::is_ascii_alphanumeric);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(&q) => {}
            _ => return false,
        }
    }
}

/// Suggests the body field an unknown key meant.
pub(crate) fn suggest_key(key: &str) -> KeySuggestion {
    if let Some((_, note)) = ELSEWHERE.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
        return KeySuggestion::Elsewhere(note);
    }
    if let Some((_, f)) = ALIASES.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
        return KeySuggestion::Field(*f);
    }
    let folded = fold(key);
    if let Some(f) = Field::ALL.into_iter().find(|f| fold(f.key()) == folded) {
        return KeySuggestion::Field(f);
    }
    let mut best = usize::MAX;
    let mut hits = Vec::new();
    for f in Field::ALL {
        let Some(d) = distance_within(key, f.key(), 2) else {
            continue;
        };
        if d < best {
            best = d;
            hits.clear();
        }
        if d == best {
            hits.push(f);
        }
    }
    match hits.len() {
        0 => KeySuggestion::Nothing,
        1 => KeySuggestion::Field(hits[0]),
        _ => KeySuggestion::Many(hits),
    }
}

/// The edit distance between `a` and `b` (ASCII case ignored) when it is at most `max`.
/// Strings whose lengths differ by more than `max` are not compared, so a 10 MB value costs a
/// scan, not a copy per candidate.
fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return None;
    }
    let d = strsim::osa_distance(&a.to_ascii_lowercase(), &b.to_ascii_lowercase());
    (d <= max).then_some(d)
}

/// The candidates closest to `value` (folded, edit distance at most `max`), best first.
pub(crate) fn nearest<'c>(value: &str, candidates: &[&'c str], max: usize) -> Vec<&'c str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .filter_map(|c| distance_within(value, c, max).map(|d| (d, *c)))
        .collect();
    scored.sort();
    let Some(best) = scored.first().map(|(d, _)| *d) else {
        return Vec::new();
    };
    scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, c)| c)
        .collect()
}

/// Formats candidates for a message: `` `A` ``, `` `A` or `B` ``, `` `A`, `B` or `C` ``.
pub(crate) fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_fields() {
        assert_eq!(
            suggest_key("serviceEndpointID"),
            KeySuggestion::Field(Field::ServiceEndpointId)
        );
        assert_eq!(
            suggest_key("dns_sub_domain"),
            KeySuggestion::Field(Field::DnsSubDomain)
        );
        assert_eq!(
            suggest_key("dnsSubdomain"),
            KeySuggestion::Field(Field::DnsSubDomain)
        );
        assert_eq!(
            suggest_key("dnsDomian"),
            KeySuggestion::Field(Field::DnsDomain)
        );
        assert_eq!(
            suggest_key("provider_name"),
            KeySuggestion::Field(Field::Provider)
        );
        assert_eq!(
            suggest_key("service_attachment_uris"),
            KeySuggestion::Field(Field::GcpServiceAttachmentUris)
        );
        assert!(matches!(
            suggest_key("project_id"),
            KeySuggestion::Elsewhere(_)
        ));
        assert_eq!(suggest_key("colour"), KeySuggestion::Nothing);
    }
}
