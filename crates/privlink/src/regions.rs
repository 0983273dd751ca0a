//! The regions Atlas names for each cloud (from the spec's `regions.tsv`), and their styles.

use crate::model::Provider;
use crate::regions_data::REGIONS;
use crate::suggest::fold_eq;

/// One region: its cloud-native and Atlas names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionEntry {
    /// The cloud.
    pub provider: Provider,
    /// Cloud-native name (`us-east-1`, `eastus2`, `us-central1`).
    pub native: &'static str,
    /// Atlas name (`US_EAST_1`, `US_EAST_2`, `CENTRAL_US`).
    pub atlas: &'static str,
    /// Where it is.
    pub location: &'static str,
    /// Whether Atlas Stream Processing runs there.
    pub stream_processing: bool,
}

/// Extra Atlas names: Atlas's Stream Processing table prints `US_EAST_1` for Azure `eastus`.
const ALIASES: &[(Provider, &str, &str)] = &[(Provider::Azure, "US_EAST_1", "eastus")];

/// Every region Atlas lists.
pub fn regions() -> &'static [RegionEntry] {
    REGIONS
}

/// The regions of one provider.
pub fn regions_of(provider: Provider) -> impl Iterator<Item = &'static RegionEntry> {
    REGIONS.iter().filter(move |r| r.provider == provider)
}

/// A region written exactly as its native name, its Atlas name, or a known alias.
pub fn find_exact(provider: Provider, s: &str) -> Option<&'static RegionEntry> {
    regions_of(provider)
        .find(|r| r.native == s || r.atlas == s)
        .or_else(|| {
            let (_, _, native) = ALIASES.iter().find(|(p, a, _)| *p == provider && *a == s)?;
            regions_of(provider).find(|r| r.native == *native)
        })
}

/// A region written in any style (case, `-` or `_`): `us_east_1`, `Us-East-1`.
pub fn find_loose(provider: Provider, s: &str) -> Option<&'static RegionEntry> {
    find_exact(provider, s).or_else(|| {
        // Only case and `-`/`_` may differ: spaces or other characters make it no region name.
        if s.is_empty()
            || !s
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        regions_of(provider).find(|r| fold_eq(r.native, s) || fold_eq(r.atlas, s))
    })
}

/// The provider whose *native* name this exactly is, when it is not a name of `provider`.
pub(crate) fn native_elsewhere(provider: Provider, s: &str) -> Option<&'static RegionEntry> {
    if find_loose(provider, s).is_some() {
        return None;
    }
    REGIONS
        .iter()
        .find(|r| r.provider != provider && r.native.eq_ignore_ascii_case(s))
}

/// Compares two region spellings after mapping styles (`us-east-1` = `US_EAST_1`,
/// `eastus2` = `US_EAST_2`). `None` when either is not a listed region.
pub(crate) fn same_region(provider: Provider, a: &str, b: &str) -> Option<bool> {
    let ra = find_loose(provider, a)?;
    let rb = find_loose(provider, b)?;
    Some(ra.native == rb.native)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_map() {
        assert_eq!(
            find_exact(Provider::Aws, "US_EAST_1").unwrap().native,
            "us-east-1"
        );
        assert_eq!(
            find_exact(Provider::Azure, "US_EAST_2").unwrap().native,
            "eastus2"
        );
        assert_eq!(
            find_exact(Provider::Azure, "US_EAST_1").unwrap().native,
            "eastus"
        );
        assert_eq!(
            find_exact(Provider::Gcp, "CENTRAL_US").unwrap().native,
            "us-central1"
        );
        assert!(find_exact(Provider::Aws, "us_east_1").is_none());
        assert_eq!(
            find_loose(Provider::Aws, "us_east_1").unwrap().native,
            "us-east-1"
        );
        assert_eq!(
            native_elsewhere(Provider::Aws, "eastus2").unwrap().provider,
            Provider::Azure
        );
        assert_eq!(
            same_region(Provider::Aws, "us-east-1", "US_EAST_1"),
            Some(true)
        );
    }
}
