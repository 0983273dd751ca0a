//! Properties: `check` never panics, and fixing is idempotent and never adds an error.

use privlink::{check, fix, Options, Severity};
use proptest::prelude::*;

const KEYS: &[&str] = &[
    "provider",
    "vendor",
    "region",
    "arn",
    "serviceEndpointId",
    "dnsDomain",
    "dnsSubDomain",
    "azureResourceIds",
    "gcpServiceAttachmentUris",
    "authenticationScheme",
    "_id",
    "state",
    "gcpConnectionIds",
    "serviceEndpointID",
    "dns_sub_domain",
    "Provider",
    "provider_name",
];

const STRINGS: &[&str] = &[
    "AWS",
    "aws",
    "Azure",
    "GCP",
    "Amazon",
    "MSK",
    "msk",
    "CONFLUENT",
    "EVENTHUB",
    "EVENT_HUB",
    "S3",
    "LAMBDA",
    "KINESIS",
    "PUBSUB",
    "AZURE_BLOB_STORAGE",
    "GENERIC",
    "TLS",
    "SASL/SCRAM",
    "us-east-1",
    "us_east_1",
    "US_EAST_1",
    "eastus2",
    "us-central1",
    "use1-az1",
    "us-east-1a",
    " us-east-1 ",
    "",
    "1235711",
    "arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2",
    "arn:aws-cn:kafka:x",
    "arn:aws:kafka:us-east-1:1234567890:topic/x",
    "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9",
    "vpce-0a1b2c3d4e5f67890",
    "com.amazonaws.us-east-1.s3",
    "com.amazonaws.us-west-2.lambda",
    "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/asp/providers/Microsoft.EventHub/namespaces/sample",
    "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/asp/providers/Microsoft.EventHub/namespaces/sample/eventhubs/h",
    "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls-1",
    "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct1",
    "sample.us-east-1.aws.confluent.cloud",
    "https://sample.us-east-1.aws.confluent.cloud:9092",
    "sample.servicebus.windows.net",
    "acct1.blob.core.windows.net",
    "use1-az1.sample.us-east-1.aws.confluent.cloud",
    "subdomain1",
    "projects/p/regions/us-central1/serviceAttachments/a",
    "https://www.googleapis.com/compute/v1/projects/p/regions/us-central1/serviceAttachments/a",
];

fn scalar() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        8 => proptest::sample::select(STRINGS).prop_map(|s| serde_json::Value::String(s.to_string())),
        1 => Just(serde_json::Value::Null),
        1 => any::<i32>().prop_map(serde_json::Value::from),
        1 => any::<bool>().prop_map(serde_json::Value::Bool),
        1 => "[a-zA-Z0-9 ._:/-]{0,20}".prop_map(serde_json::Value::String),
    ]
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        4 => scalar(),
        2 => proptest::collection::vec(scalar(), 0..5).prop_map(serde_json::Value::Array),
        1 => proptest::collection::btree_map("[a-z]{1,6}", scalar(), 0..3)
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
    ]
}

fn payload() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec((proptest::sample::select(KEYS), value()), 0..9),
        any::<bool>(),
    )
        .prop_map(|(members, pretty)| {
            // Written by hand so that duplicate keys can occur.
            let sep = if pretty { ",\n  " } else { ", " };
            let body: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            if pretty {
                format!("{{\n  {}\n}}\n", body.join(sep))
            } else {
                format!("{{{}}}", body.join(sep))
            }
        })
}

fn errors(text: &str) -> usize {
    check(text)
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
        let r = check(&s);
        for d in r.diagnostics() {
            if let Some(sp) = d.span {
                prop_assert!(sp.offset + sp.length <= s.len());
            }
        }
    }

    #[test]
    fn never_panics_on_json_like_text(s in "[\\[\\]{}\",:a-z0-9 \\\\\n]{0,80}") {
        let _ = check(&s);
    }

    #[test]
    fn spans_and_positions_are_consistent(p in payload()) {
        let r = check(&p);
        for d in r.diagnostics() {
            let sp = d.span.expect("body findings have spans");
            prop_assert!(sp.offset + sp.length <= p.len());
            let start = d.start.expect("positions are filled in");
            let line = p[..sp.offset].matches('\n').count() + 1;
            prop_assert_eq!(start.line, line);
        }
    }

    #[test]
    fn fixing_is_idempotent_and_adds_no_error(p in payload()) {
        let opts = Options::default();
        let once = fix(&p, &opts);
        let twice = fix(&once, &opts);
        prop_assert_eq!(&once, &twice, "fix is not idempotent for {}", p);
        prop_assert!(
            errors(&once) <= errors(&p),
            "fixing added an error:\nbefore: {}\n{:#?}\nafter: {}\n{:#?}",
            p, check(&p).diagnostics().iter().map(|d| (d.code, &d.pointer)).collect::<Vec<_>>(),
            once, check(&once).diagnostics().iter().map(|d| (d.code, &d.pointer)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn overlapping_fixes_agrees_with_a_pairwise_check(p in payload()) {
        let r = check(&p);
        let fixes: Vec<&[privlink::Edit]> = r
            .diagnostics()
            .iter()
            .map(|d| d.fix.as_ref().filter(|_| d.span.is_some()).map_or(&[][..], |f| &f.edits[..]))
            .collect();
        let pairwise = (0..fixes.len()).any(|i| {
            (i + 1..fixes.len())
                .any(|j| fixes[i].iter().any(|x| fixes[j].iter().any(|y| x.overlaps(y))))
        });
        let found = privlink::overlapping_fixes(&r);
        prop_assert_eq!(found.is_some(), pairwise, "{}", p);
        if let Some((a, b)) = found {
            prop_assert!(a < b);
            prop_assert!(fixes[a].iter().any(|x| fixes[b].iter().any(|y| x.overlaps(y))));
        }
    }

    #[test]
    fn check_value_agrees_with_check(p in payload()) {
        // Without duplicate keys, the parsed value and the text give the same findings.
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&p) {
            if !check(&p).diagnostics().iter().any(|d| d.code == "PL003") {
                let canonical = serde_json::to_string(&v).unwrap();
                let a: Vec<_> = check(&canonical).diagnostics().iter().map(|d| (d.code, d.pointer.clone(), d.severity)).collect();
                let b: Vec<_> = privlink::check_value(&v).diagnostics().iter().map(|d| (d.code, d.pointer.clone(), d.severity)).collect();
                prop_assert_eq!(a, b);
            }
        }
    }
}

#[test]
fn hostile_inputs_are_bounded() {
    let deep = "[".repeat(100_000);
    assert_eq!(check(&deep).diagnostics()[0].code, "PL004");
    let deep_obj = "{\"a\":".repeat(70) + "1" + &"}".repeat(70);
    assert_eq!(check(&deep_obj).diagnostics()[0].code, "PL004");
    let big = format!("{{\"provider\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    assert_eq!(check(&big).diagnostics()[0].code, "PL004");
    assert_eq!(check("\u{feff}{}").diagnostics()[0].code, "PL001");
    assert_eq!(check("{\"a\": \"\\ud800\"}").diagnostics()[0].code, "PL001");
    assert_eq!(check("{\"a\": \"x\u{0}\"}").diagnostics()[0].code, "PL001");
    assert_eq!(
        privlink::check_bytes(b"{\"provider\": \"\xff\"}", &Options::default()).diagnostics()[0]
            .code,
        "PL001"
    );
    for bad in [
        "{\"a\": 01}",
        "{\"a\": +1}",
        "{\"a\": .5}",
        "{\"a\": NaN}",
        "{\"a\": 0x1}",
        "{'a': 1}",
        "{a: 1}",
        "{\"a\": \"\\x41\"}",
        "{\"a\": 1,}",
        "{\"a\": 1 \"b\": 2}",
        "{} {}",
        "// c\n{}",
        "{\"a\": \"tab\there\"}",
    ] {
        assert_eq!(
            check(bad).diagnostics().first().map(|d| d.code),
            Some("PL001"),
            "{bad}"
        );
    }
}

#[test]
fn many_keys_stay_linear() {
    let mut opts = Options::default();
    opts.max_bytes = 64 * 1024 * 1024;
    let mut text = String::from("{");
    for i in 0..20_000 {
        text.push_str(&format!("\"k{}\": 1,", i % 10_000));
    }
    text.push_str("\"provider\": \"AWS\"}");
    let r = privlink::check_with(&text, &opts);
    assert_eq!(
        r.diagnostics().iter().filter(|d| d.code == "PL003").count(),
        10_000
    );
}

/// A fix never reveals a finding it did not show: every error code after fixing was already
/// reported before. Cases found by review and fuzzing, where a misspelt key would take over a
/// field once a fix removed or renamed the member that hid it.
#[test]
fn fixes_reveal_no_new_error() {
    for p in [
        // Two misspellings of an absent field: neither is renamed, the empty one is not removed.
        r#"{"provider":"AWS","vendr":"BOGUS","vendro":""}"#,
        // An empty field with a misspelling beside it: the empty one is not removed.
        r#"{"provider": "AWS", "vendor": "", "vendro": "x"}"#,
        // A URL as domain: PL403's fix reveals no PL502 (the host is compared already).
        r#"{"provider": "AWS", "dnsDomain": "https://a.example.com/x", "dnsSubDomain": ["z.other.com", "y.other.com"]}"#,
    ] {
        let codes = |t: &str| -> Vec<&'static str> {
            let mut c: Vec<&'static str> = check(t)
                .diagnostics()
                .iter()
                .filter(|d| d.severity == privlink::Severity::Error)
                .map(|d| d.code)
                .collect();
            c.sort_unstable();
            c.dedup();
            c
        };
        let before = codes(p);
        let fixed = fix(p, &Options::default());
        for c in codes(&fixed) {
            assert!(
                before.contains(&c),
                "fixing revealed {c}\n{p}\n---\n{fixed}"
            );
        }
    }
}
