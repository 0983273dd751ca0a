//! The provider x vendor matrix: one declarative table that decides, for every combination,
//! which fields are required, optional, computed or not applicable.
//!
//! The rules PL205 and PL301-PL304, the JSON Schema export, the web form and the docs all read
//! [`MATRIX`]; nothing else encodes a combination.

use crate::model::{Field, Provider, Vendor};
use serde::Serialize;

/// What a combination says about one field (a cell of the matrix in `contract.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Cell {
    /// `R`: required; missing is a PL301 error.
    Required,
    /// `R (warning)`: required where the sources disagree; missing is a PL301 warning.
    RequiredWarning,
    /// `R[]`: a required list for which `[]` is an explicit, legal value.
    RequiredMayBeEmpty,
    /// `O`: optional.
    Optional,
    /// `X`: must not be sent; the backend rejects it (PL302 error).
    Forbidden,
    /// `C`: computed by Atlas, do not send (PL302 warning).
    Computed,
    /// `—`: not used by this combination; Atlas ignores it (PL302 warning).
    Ignored,
}

impl Cell {
    /// The cell's symbol in the spec's table.
    pub const fn symbol(self) -> &'static str {
        match self {
            Cell::Required => "R",
            Cell::RequiredWarning => "R (warning)",
            Cell::RequiredMayBeEmpty => "R[]",
            Cell::Optional => "O",
            Cell::Forbidden => "X",
            Cell::Computed => "C",
            Cell::Ignored => "—",
        }
    }

    /// Whether the field must be present.
    pub const fn is_required(self) -> bool {
        matches!(
            self,
            Cell::Required | Cell::RequiredWarning | Cell::RequiredMayBeEmpty
        )
    }

    /// Whether the combination takes the field at all (required or optional).
    pub const fn is_accepted(self) -> bool {
        self.is_required() || matches!(self, Cell::Optional)
    }
}

/// The kind of identifier a combination expects in `serviceEndpointId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EndpointShape {
    /// `com.amazonaws.vpce.<region>.vpce-svc-<17 hex>`.
    VpceServiceName,
    /// `com.amazonaws.<region>.kinesis-streams`.
    KinesisService,
    /// `com.amazonaws.<region>.s3`.
    S3Service,
    /// `com.amazonaws.<region>.lambda`.
    LambdaService,
    /// ARM id of a `Microsoft.EventHub/namespaces` resource.
    EventHubNamespace,
    /// ARM id of a `Microsoft.Storage/storageAccounts` resource.
    StorageAccount,
}

/// The domain family a combination expects in `dnsDomain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DomainShape {
    /// `*.confluent.cloud`, with the provider's cloud in it.
    Confluent,
    /// `<ns>.servicebus.windows.net`.
    ServiceBus,
    /// `<account>.blob.core.windows.net`.
    Blob,
}

/// One row of the matrix: a provider (or any) and a vendor.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Combination {
    /// The provider, or `None` for "any provider" (the GENERIC row).
    pub provider: Option<Provider>,
    /// The vendor.
    pub vendor: Vendor,
    /// One cell per field of [`Field::MATRIX`], in that order.
    pub cells: [Cell; 8],
    /// What `serviceEndpointId` must look like, when the combination takes one.
    pub endpoint: Option<EndpointShape>,
    /// What `dnsDomain` must look like, when the combination takes one.
    pub domain: Option<DomainShape>,
    /// Two fields of which a body may carry only one (PL303); the second is the one reported.
    pub exclusive: Option<(Field, Field)>,
    /// Extra help for a missing required field (field, text).
    #[serde(skip)]
    pub notes: &'static [(Field, &'static str)],
}

impl Combination {
    /// The cell for `field`; provider and vendor themselves are always [`Cell::Optional`] here
    /// (PL201 and PL206 handle them).
    pub fn cell(&self, field: Field) -> Cell {
        match Field::MATRIX.iter().position(|f| *f == field) {
            Some(i) => self.cells[i],
            None => Cell::Optional,
        }
    }

    /// The combination's label as the messages print it ("AWS + MSK", "any + GENERIC").
    pub fn label(&self) -> String {
        self.to_string()
    }

    /// The extra help for `field`, if the row has one.
    pub fn note(&self, field: Field) -> Option<&'static str> {
        self.notes
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n)
    }
}

use Cell::{
    Computed as C, Forbidden as X, Ignored as I, Optional as O, Required as R,
    RequiredMayBeEmpty as RL, RequiredWarning as RW,
};

const CONFLUENT_ENTERPRISE: &str = "Use the Confluent network's DNS domain, <id>.<region>.aws.confluent.cloud. Confluent Enterprise on AWS (PrivateLink Gateway) creates the connection without dnsDomain, sends \"dnsSubDomain\": [], and sets dnsDomain with a later PATCH. If that is your flow, lower this rule (`--severity PL301=warning` or `[severity] PL301 = \"warning\"` in privlink.toml).";

impl std::fmt::Display for Combination {
    /// "AWS + MSK", "any + GENERIC" (formatted lazily: the valid path never allocates it).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} + {}",
            self.provider.map_or("any", Provider::as_str),
            self.vendor.as_str()
        )
    }
}

/// The provider x vendor matrix of `contract.md`, row by row. Columns, in order: region, arn,
/// serviceEndpointId, dnsDomain, dnsSubDomain, azureResourceIds, gcpServiceAttachmentUris,
/// authenticationScheme.
pub const MATRIX: &[Combination] = &[
    Combination {
        provider: Some(Provider::Aws),
        vendor: Vendor::Msk,
        cells: [C, R, C, C, I, X, X, O],
        endpoint: None,
        domain: None,
        exclusive: None,
        notes: &[],
    },
    Combination {
        provider: Some(Provider::Aws),
        vendor: Vendor::Confluent,
        cells: [R, X, R, R, RL, X, X, I],
        endpoint: Some(EndpointShape::VpceServiceName),
        domain: Some(DomainShape::Confluent),
        exclusive: None,
        notes: &[
            (Field::DnsDomain, CONFLUENT_ENTERPRISE),
            (Field::DnsSubDomain, "Write \"dnsSubDomain\": [] when the Confluent cluster has no zonal sub-domains."),
            (Field::ServiceEndpointId, "Use the VPC endpoint service name Confluent shows for the network, com.amazonaws.vpce.<region>.vpce-svc-<id>."),
        ],
    },
    Combination {
        provider: Some(Provider::Aws),
        vendor: Vendor::Kinesis,
        cells: [R, X, RW, I, I, X, X, I],
        endpoint: Some(EndpointShape::KinesisService),
        domain: None,
        exclusive: None,
        notes: &[(Field::ServiceEndpointId, "MongoDB's MCP server requires it; the how-to pages are silent, so this is a warning.")],
    },
    Combination {
        provider: Some(Provider::Aws),
        vendor: Vendor::S3,
        cells: [R, X, R, I, I, X, X, I],
        endpoint: Some(EndpointShape::S3Service),
        domain: None,
        exclusive: None,
        notes: &[(Field::ServiceEndpointId, "Use com.amazonaws.<region>.s3.")],
    },
    Combination {
        provider: Some(Provider::Aws),
        vendor: Vendor::Lambda,
        cells: [R, X, R, I, I, X, X, I],
        endpoint: Some(EndpointShape::LambdaService),
        domain: None,
        exclusive: None,
        notes: &[(Field::ServiceEndpointId, "Use com.amazonaws.<region>.lambda (MongoDB's docs show .s3 here, which is a docs error).")],
    },
    Combination {
        provider: Some(Provider::Azure),
        vendor: Vendor::Eventhub,
        cells: [R, X, R, R, I, X, X, I],
        endpoint: Some(EndpointShape::EventHubNamespace),
        domain: Some(DomainShape::ServiceBus),
        exclusive: None,
        notes: &[
            (Field::ServiceEndpointId, "Use the ARM id of the Event Hubs namespace: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<ns>."),
            (Field::DnsDomain, "Use the namespace host name, <ns>.servicebus.windows.net."),
        ],
    },
    Combination {
        provider: Some(Provider::Azure),
        vendor: Vendor::Confluent,
        cells: [R, X, X, R, O, R, X, I],
        endpoint: None,
        domain: Some(DomainShape::Confluent),
        exclusive: None,
        notes: &[
            (Field::AzureResourceIds, "List the ARM id of one Microsoft.Network/privateLinkServices per availability zone, as Confluent shows them."),
            (Field::DnsDomain, "Use the Confluent network's DNS domain, <id>.<region>.azure.confluent.cloud."),
        ],
    },
    Combination {
        provider: Some(Provider::Azure),
        vendor: Vendor::AzureBlobStorage,
        cells: [R, X, R, R, I, X, X, I],
        endpoint: Some(EndpointShape::StorageAccount),
        domain: Some(DomainShape::Blob),
        exclusive: None,
        notes: &[
            (Field::ServiceEndpointId, "Use the ARM id of the storage account: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>."),
            (Field::DnsDomain, "Use the account's blob host name, <account>.blob.core.windows.net."),
        ],
    },
    Combination {
        provider: Some(Provider::Gcp),
        vendor: Vendor::Confluent,
        cells: [R, X, X, R, O, X, R, I],
        endpoint: None,
        domain: Some(DomainShape::Confluent),
        exclusive: Some((Field::ServiceEndpointId, Field::GcpServiceAttachmentUris)),
        notes: &[
            (Field::GcpServiceAttachmentUris, "List Confluent's service attachments, projects/<p>/regions/<r>/serviceAttachments/<name> (1 to 3)."),
            (Field::DnsDomain, "Use the Confluent network's DNS domain, <id>.<region>.gcp.confluent.cloud."),
        ],
    },
    Combination {
        provider: Some(Provider::Gcp),
        vendor: Vendor::Pubsub,
        cells: [R, X, I, C, I, X, X, I],
        endpoint: None,
        domain: None,
        exclusive: None,
        notes: &[],
    },
    Combination {
        provider: None,
        vendor: Vendor::Generic,
        cells: [O, X, O, O, O, X, X, I],
        endpoint: None,
        domain: None,
        exclusive: None,
        notes: &[],
    },
];

/// The whole matrix.
pub fn matrix() -> &'static [Combination] {
    MATRIX
}

/// The row for `provider` and `vendor`, or `None` when the provider does not offer the vendor.
pub fn combination(provider: Provider, vendor: Vendor) -> Option<&'static Combination> {
    MATRIX
        .iter()
        .find(|c| c.vendor == vendor && (c.provider == Some(provider) || c.provider.is_none()))
}

/// The vendors `provider` offers (GENERIC included), in table order.
pub fn vendors_of(provider: Provider) -> impl Iterator<Item = Vendor> {
    MATRIX
        .iter()
        .filter(move |c| c.provider == Some(provider) || c.provider.is_none())
        .map(|c| c.vendor)
}

/// The providers that offer `vendor`.
pub fn providers_of(vendor: Vendor) -> impl Iterator<Item = Provider> {
    Provider::ALL
        .into_iter()
        .filter(move |p| combination(*p, vendor).is_some())
}
