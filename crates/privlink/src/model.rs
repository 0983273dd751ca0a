//! The request body's vocabulary: providers, vendors, authentication schemes and fields.

use serde::Serialize;

/// The cloud where the private link's target lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Provider {
    /// Amazon Web Services.
    Aws,
    /// Microsoft Azure.
    Azure,
    /// Google Cloud.
    Gcp,
}

impl Provider {
    /// Every provider, in the order the spec lists them.
    pub const ALL: [Provider; 3] = [Provider::Aws, Provider::Azure, Provider::Gcp];

    /// The canonical (upper-case) spelling Atlas stores.
    pub const fn as_str(self) -> &'static str {
        match self {
            Provider::Aws => "AWS",
            Provider::Azure => "AZURE",
            Provider::Gcp => "GCP",
        }
    }

    /// Parses a provider case-insensitively (`aws`, `Azure`, `GCP`).
    pub fn parse(s: &str) -> Option<Provider> {
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
    }
}

/// The service behind the private link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Vendor {
    /// Amazon MSK (Kafka).
    Msk,
    /// Confluent Cloud (Kafka).
    Confluent,
    /// Amazon Kinesis Data Streams.
    Kinesis,
    /// Amazon S3.
    S3,
    /// AWS Lambda.
    Lambda,
    /// Azure Event Hubs.
    Eventhub,
    /// Azure Blob Storage.
    AzureBlobStorage,
    /// Google Cloud Pub/Sub.
    Pubsub,
    /// Any other service; what Atlas assumes when `vendor` is omitted.
    Generic,
}

impl Vendor {
    /// Every vendor.
    pub const ALL: [Vendor; 9] = [
        Vendor::Msk,
        Vendor::Confluent,
        Vendor::Kinesis,
        Vendor::S3,
        Vendor::Lambda,
        Vendor::Eventhub,
        Vendor::AzureBlobStorage,
        Vendor::Pubsub,
        Vendor::Generic,
    ];

    /// The canonical (upper-case) spelling Atlas stores.
    pub const fn as_str(self) -> &'static str {
        match self {
            Vendor::Msk => "MSK",
            Vendor::Confluent => "CONFLUENT",
            Vendor::Kinesis => "KINESIS",
            Vendor::S3 => "S3",
            Vendor::Lambda => "LAMBDA",
            Vendor::Eventhub => "EVENTHUB",
            Vendor::AzureBlobStorage => "AZURE_BLOB_STORAGE",
            Vendor::Pubsub => "PUBSUB",
            Vendor::Generic => "GENERIC",
        }
    }

    /// Parses a vendor case-insensitively.
    pub fn parse(s: &str) -> Option<Vendor> {
        Vendor::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
    }
}

impl Default for Vendor {
    /// Atlas uses `GENERIC` when the body has no `vendor`.
    fn default() -> Self {
        Vendor::Generic
    }
}

/// How Atlas authenticates to an MSK cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AuthenticationScheme {
    /// Mutual TLS.
    Tls,
    /// SASL/SCRAM (the default for MSK).
    SaslScram,
    /// AWS IAM.
    Iam,
}

impl AuthenticationScheme {
    /// Every scheme.
    pub const ALL: [AuthenticationScheme; 3] = [
        AuthenticationScheme::Tls,
        AuthenticationScheme::SaslScram,
        AuthenticationScheme::Iam,
    ];

    /// The canonical spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            AuthenticationScheme::Tls => "TLS",
            AuthenticationScheme::SaslScram => "SASL_SCRAM",
            AuthenticationScheme::Iam => "IAM",
        }
    }

    /// Parses a scheme case-insensitively.
    pub fn parse(s: &str) -> Option<AuthenticationScheme> {
        AuthenticationScheme::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
    }
}

/// The JSON type a body field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldType {
    /// A JSON string.
    String,
    /// A JSON array of strings.
    StringList,
}

/// A field of the request body that the client sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Field {
    /// `provider`
    Provider,
    /// `vendor`
    Vendor,
    /// `region`
    Region,
    /// `arn`
    Arn,
    /// `serviceEndpointId`
    ServiceEndpointId,
    /// `dnsDomain`
    DnsDomain,
    /// `dnsSubDomain`
    DnsSubDomain,
    /// `azureResourceIds`
    AzureResourceIds,
    /// `gcpServiceAttachmentUris`
    GcpServiceAttachmentUris,
    /// `authenticationScheme`
    AuthenticationScheme,
}

impl Field {
    /// Every body field, in the order the spec lists them.
    pub const ALL: [Field; 10] = [
        Field::Provider,
        Field::Vendor,
        Field::Region,
        Field::Arn,
        Field::ServiceEndpointId,
        Field::DnsDomain,
        Field::DnsSubDomain,
        Field::AzureResourceIds,
        Field::GcpServiceAttachmentUris,
        Field::AuthenticationScheme,
    ];

    /// The fields whose presence the provider x vendor matrix decides (all but provider and
    /// vendor), in the matrix's column order.
    pub const MATRIX: [Field; 8] = [
        Field::Region,
        Field::Arn,
        Field::ServiceEndpointId,
        Field::DnsDomain,
        Field::DnsSubDomain,
        Field::AzureResourceIds,
        Field::GcpServiceAttachmentUris,
        Field::AuthenticationScheme,
    ];

    /// The JSON key.
    pub const fn key(self) -> &'static str {
        match self {
            Field::Provider => "provider",
            Field::Vendor => "vendor",
            Field::Region => "region",
            Field::Arn => "arn",
            Field::ServiceEndpointId => "serviceEndpointId",
            Field::DnsDomain => "dnsDomain",
            Field::DnsSubDomain => "dnsSubDomain",
            Field::AzureResourceIds => "azureResourceIds",
            Field::GcpServiceAttachmentUris => "gcpServiceAttachmentUris",
            Field::AuthenticationScheme => "authenticationScheme",
        }
    }

    /// The JSON Pointer of the field.
    pub const fn pointer(self) -> &'static str {
        match self {
            Field::Provider => "/provider",
            Field::Vendor => "/vendor",
            Field::Region => "/region",
            Field::Arn => "/arn",
            Field::ServiceEndpointId => "/serviceEndpointId",
            Field::DnsDomain => "/dnsDomain",
            Field::DnsSubDomain => "/dnsSubDomain",
            Field::AzureResourceIds => "/azureResourceIds",
            Field::GcpServiceAttachmentUris => "/gcpServiceAttachmentUris",
            Field::AuthenticationScheme => "/authenticationScheme",
        }
    }

    /// The JSON type the field takes.
    pub const fn field_type(self) -> FieldType {
        match self {
            Field::DnsSubDomain | Field::AzureResourceIds | Field::GcpServiceAttachmentUris => {
                FieldType::StringList
            }
            _ => FieldType::String,
        }
    }

    /// The index of the field in [`Field::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// One sentence on what the field means (used by docs, the schema and the web form).
    pub const fn description(self) -> &'static str {
        match self {
            Field::Provider => "Cloud where the target lives: AWS, AZURE or GCP. The only field the spec marks required.",
            Field::Vendor => "Service behind the link; which vendors exist depends on the provider. Omitted means GENERIC.",
            Field::Region => "Region of the provider's cluster or service (the target's region), e.g. us-east-1, eastus2, us-central1.",
            Field::Arn => "Amazon Resource Name of the MSK cluster: arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>.",
            Field::ServiceEndpointId => "Per vendor: the VPC endpoint service name (AWS Confluent), com.amazonaws.<region>.s3/.lambda (S3/Lambda), or the ARM id of the Event Hubs namespace or storage account.",
            Field::DnsDomain => "Domain host name of the target: the Confluent bootstrap domain, <ns>.servicebus.windows.net or <account>.blob.core.windows.net.",
            Field::DnsSubDomain => "Confluent zonal sub-domains as full names <zone>.<dnsDomain>; [] means no sub-domains.",
            Field::AzureResourceIds => "Azure Confluent only: the ARM id of one Microsoft.Network/privateLinkServices per availability zone (1 to 3).",
            Field::GcpServiceAttachmentUris => "GCP Confluent only: projects/<p>/regions/<r>/serviceAttachments/<name>, 1 to 3, unique.",
            Field::AuthenticationScheme => "How Atlas authenticates to MSK: TLS, SASL_SCRAM (default) or IAM.",
        }
    }

    /// Finds a field by its exact JSON key.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Output fields of the resource: a create body should not carry them.
pub const READ_ONLY_FIELDS: [&str; 7] = [
    "_id",
    "state",
    "errorMessage",
    "interfaceEndpointId",
    "interfaceEndpointName",
    "providerAccountId",
    "links",
];

/// Server-populated but not marked read-only in the spec.
pub const SERVER_POPULATED_FIELDS: [&str; 1] = ["gcpConnectionIds"];
