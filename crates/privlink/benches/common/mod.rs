//! The payloads every benchmark uses: valid, typical invalid, worst case.

#![allow(dead_code)]

/// A valid AWS + CONFLUENT body (the combination with the most fields), pretty-printed.
pub(crate) const VALID: &str = r#"{
  "provider": "AWS",
  "vendor": "CONFLUENT",
  "region": "us-east-1",
  "serviceEndpointId": "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9",
  "dnsDomain": "sample.us-east-1.aws.confluent.cloud",
  "dnsSubDomain": [
    "use1-az1.sample.us-east-1.aws.confluent.cloud",
    "use1-az2.sample.us-east-1.aws.confluent.cloud",
    "use1-az4.sample.us-east-1.aws.confluent.cloud"
  ]
}
"#;

/// What MongoDB's own examples look like when copied: wrong casing, a VPC endpoint id instead
/// of the service name, a URL as domain, bare zone ids, a read-only field.
pub(crate) const INVALID: &str = r#"{
  "provider": "aws",
  "vendor": "confluent",
  "region": "us_east_1",
  "serviceEndpointId": "vpce-0a1b2c3d4e5f67890",
  "dnsDomain": "https://sample.us-east-1.aws.confluent.cloud:9092",
  "dnsSubDomain": ["use1-az1", "use1-az2", "use1-az2"],
  "arn": "1235711",
  "_id": "6523aa0cb2b77c2da2d6a8c5"
}
"#;

/// A worst case within the size limit that is still a plausible body: every field present and
/// wrong, lists of 200 entries, 50 misspelt keys.
pub(crate) fn worst() -> String {
    let list = |f: &dyn Fn(usize) -> String| -> String {
        let v: Vec<String> = (0..200).map(|i| format!("\"{}\"", f(i))).collect();
        format!("[{}]", v.join(", "))
    };
    let mut members = vec![
        "\"provider\": \"Amazon\"".to_string(),
        "\"vendor\": \"EVENT_HUB\"".to_string(),
        "\"region\": \"N. Virginia\"".to_string(),
        "\"arn\": \"arn:aws:vpce:us-east-1:123:thing\"".to_string(),
        "\"serviceEndpointId\": \"vpce-0a1b2c3d4e5f67890\"".to_string(),
        "\"dnsDomain\": \"https://sample.us-east-1.aws.confluent.cloud:9092/path\"".to_string(),
        format!(
            "\"dnsSubDomain\": {}",
            list(&|i| format!("zone_{}.other.example.com", i % 150))
        ),
        format!(
            "\"azureResourceIds\": {}",
            list(&|i| {
                format!("/subscriptions/x/resourceGroups/rg{i}/providers/Microsoft.Network/privateEndpoints/pe")
            })
        ),
        format!(
            "\"gcpServiceAttachmentUris\": {}",
            list(&|i| {
                format!("https://www.googleapis.com/compute/v1/projects/p/regions/us-central1/serviceAttachments/a{}", i % 100)
            })
        ),
        "\"authenticationScheme\": \"SASL/SCRAM\"".to_string(),
        "\"state\": \"DONE\"".to_string(),
    ];
    for i in 0..50 {
        members.push(format!("\"dnsSubdomain{i}\": \" x \""));
    }
    format!("{{\n  {}\n}}\n", members.join(",\n  "))
}

/// The three payloads with their names.
pub(crate) fn all() -> Vec<(&'static str, String)> {
    vec![
        ("valid", VALID.to_string()),
        ("invalid", INVALID.to_string()),
        ("worst", worst()),
    ]
}
