//! The exported JSON Schema (`privlink::schema()`, `schema/privatelink-connection.schema.json`):
//! the file is current, the schema is valid draft 2020-12, and a differential test against the
//! `jsonschema` crate on every fixture, every example and generated payloads:
//!
//! - (A) when privlink finds no error, the schema accepts the payload;
//! - (B) when the schema rejects, privlink reports an error of the family of the rule that the
//!   failing keyword encodes (each constraint's `$comment` names its rule; only rules marked
//!   `schema: true` in the registry are encoded).
//!
//! A disagreement is a bug in one of the two; the failure names the payload and both verdicts.
//! Regenerate the file with `UPDATE_SCHEMA=1 cargo test -p privlink --test schema`.

use privlink::{Diagnostic, Field, Provider, Severity, Vendor, MATRIX};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_value() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(privlink::schema)
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| jsonschema::validator_for(schema_value()).expect("the schema compiles"))
}

// ---------------------------------------------------------------------------------------------
// The file and the schema itself

#[test]
fn schema_file_is_current() {
    let path = root().join(privlink::schema::SCHEMA_PATH);
    let want = privlink::schema::pretty();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: regenerate it with `UPDATE_SCHEMA=1 cargo test -p privlink --test schema`",
        privlink::schema::SCHEMA_PATH
    );
}

#[test]
fn pretty_and_value_agree() {
    let parsed: Value = serde_json::from_str(&privlink::schema::pretty()).unwrap();
    assert_eq!(&parsed, schema_value());
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let s = schema_value();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    if let Err(e) = jsonschema::meta::validate(s) {
        panic!(
            "not a valid draft 2020-12 schema: {e} at {}",
            e.instance_path()
        );
    }
}

/// Every `privlink:` tag names a rule the registry marks `schema: true`, and every such rule
/// (of the body: PL6xx are about the rest of the request) is encoded somewhere.
#[test]
fn tags_match_the_registry() {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![schema_value()];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(c)) = m.get("$comment") {
                    for (_, code) in tags(c) {
                        let r = privlink::rule(&code)
                            .unwrap_or_else(|| panic!("tag names unknown rule {code}"));
                        assert!(
                            r.schema,
                            "{code} is tagged in the schema but not `schema: true`"
                        );
                        seen.insert(code);
                    }
                }
                stack.extend(m.values());
            }
            Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    for r in privlink::rules() {
        if r.schema && !r.code.starts_with("PL6") {
            assert!(
                seen.contains(r.code),
                "{} is `schema: true` but the schema never encodes it",
                r.code
            );
        }
    }
}

/// The schema's white space is Rust's `str::trim` (Unicode White_Space), not ECMA's `\s`.
#[test]
fn white_space_is_what_trim_trims() {
    let v = validator();
    for cp in 0u32..=0x3000 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if c == '\u{0}' {
            continue;
        }
        let padded = format!("{c}AWS{c}");
        let body = json!({"provider": padded, "vendor": "GENERIC"});
        let trimmed = padded.trim() == "AWS";
        assert_eq!(
            v.is_valid(&body),
            trimmed,
            "U+{cp:04X}: schema and str::trim disagree"
        );
    }
    assert!(
        !v.is_valid(&json!({"provider": "\u{feff}AWS"})),
        "U+FEFF is not trimmed"
    );
}

// ---------------------------------------------------------------------------------------------
// The differential test

/// The `privlink:` tags of a `$comment`: `(Some(keyword), code)` or `(None, code)` for a whole
/// subschema.
fn tags(comment: &str) -> Vec<(Option<String>, String)> {
    let Some(i) = comment.find("privlink: ") else {
        return Vec::new();
    };
    comment[i + "privlink: ".len()..]
        .split(';')
        .filter_map(|part| {
            let tok = part.split_whitespace().next()?;
            let tok = tok.trim_end_matches(',');
            let (kw, code) = match tok.split_once('=') {
                Some((k, c)) => (Some(k.to_string()), c),
                None => (None, tok),
            };
            let ok = code.len() == 5
                && code.starts_with("PL")
                && code[2..].bytes().all(|b| b.is_ascii_digit());
            ok.then(|| (kw, code.to_string()))
        })
        .collect()
}

/// The rule a failing keyword encodes: the innermost tag along its schema path.
fn rule_of(schema: &Value, path: &str) -> Option<String> {
    let mut node = schema;
    let mut code = None;
    let segs: Vec<String> = path
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    for seg in &segs {
        if let Some(Value::String(c)) = node.get("$comment") {
            let t = tags(c);
            if let Some((_, c)) = t.iter().find(|(k, _)| k.as_deref() == Some(seg.as_str())) {
                code = Some(c.clone());
            } else if let Some((_, c)) = t.iter().find(|(k, _)| k.is_none()) {
                code = Some(c.clone());
            }
        }
        node = match node {
            Value::Object(m) => match m.get(seg) {
                Some(n) => n,
                None => break,
            },
            Value::Array(a) => match seg.parse::<usize>().ok().and_then(|i| a.get(i)) {
                Some(n) => n,
                None => break,
            },
            _ => break,
        };
    }
    code
}

/// Payloads that disagree because of a privlink rule bug, kept out of the comparison until the
/// rule is fixed. Each entry: the minimal reproducer and why. Remove an entry once fixed.
const KNOWN_RULE_BUGS: &[(&str, &str)] = &[];

#[derive(Debug)]
struct SchemaError {
    path: String,
    instance: String,
    message: String,
    rule: Option<String>,
}

fn show_privlink(ds: &[Diagnostic]) -> String {
    if ds.is_empty() {
        return "  (no findings)".into();
    }
    ds.iter()
        .map(|d| format!("  {} {} {} {}", d.code, d.severity, d.pointer, d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

fn show_schema(es: &[SchemaError]) -> String {
    if es.is_empty() {
        return "  (accepts)".into();
    }
    es.iter()
        .map(|e| {
            format!(
                "  {} at {:?} [{}]: {}",
                e.rule.as_deref().unwrap_or("untagged"),
                e.instance,
                e.path,
                e.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Compares the two verdicts on one payload; `Err` describes the disagreement.
fn compare(name: &str, text: &str) -> Result<(), String> {
    if KNOWN_RULE_BUGS.iter().any(|(t, _)| *t == text) {
        return Ok(());
    }
    let report = privlink::check(text);
    let diags = report.diagnostics();
    let errors: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let verdicts = |schema: &[SchemaError]| {
        format!(
            "payload {name}:\n{text}\nprivlink ({}):\n{}\nschema:\n{}",
            if errors.is_empty() {
                "valid"
            } else {
                "invalid"
            },
            show_privlink(diags),
            show_schema(schema)
        )
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Not JSON for serde_json either: the schema cannot judge it; privlink must reject it.
        Err(e) if errors.is_empty() => {
            return Err(format!(
                "serde_json rejects ({e}) but privlink finds no error\n{}",
                verdicts(&[])
            ))
        }
        Err(_) => return Ok(()),
    };
    // Input-level findings (invalid JSON, limits): the text is not a body privlink evaluated.
    if errors
        .iter()
        .any(|d| d.code == "PL001" || d.code == "PL004")
    {
        return Ok(());
    }
    let schema_errors: Vec<SchemaError> = validator()
        .iter_errors(&value)
        .map(|e| {
            let path = e.schema_path().to_string();
            SchemaError {
                rule: rule_of(schema_value(), &path),
                instance: e.instance_path().to_string(),
                message: e.to_string(),
                path,
            }
        })
        .collect();
    // (A) privlink valid => schema accepts.
    if errors.is_empty() && !schema_errors.is_empty() {
        return Err(format!(
            "privlink finds no error but the schema rejects\n{}",
            verdicts(&schema_errors)
        ));
    }
    // A misspelt key that privlink reads as the field it stands for (PL101 with a rename fix):
    // the schema cannot know the typo and sees the field as absent, so its verdicts about the
    // matrix and values (PL2xx-PL4xx) differ by design; PL1xx is still compared.
    let stand_in = diags.iter().any(|d| {
        d.code == "PL101"
            && d.fix
                .as_ref()
                .is_some_and(|f| f.message.starts_with("Rename to"))
    });
    // (B) every schema error is matched by a privlink error of its rule's family.
    for e in &schema_errors {
        let Some(rule) = &e.rule else {
            return Err(format!(
                "a schema error without a privlink tag\n{}",
                verdicts(&schema_errors)
            ));
        };
        let family = &rule[..3];
        if stand_in && family != "PL1" {
            continue;
        }
        if !errors.iter().any(|d| d.code.starts_with(family)) {
            return Err(format!(
                "the schema rejects by {rule} but privlink reports no {family}xx error\n{}",
                verdicts(&schema_errors)
            ));
        }
    }
    Ok(())
}

#[path = "../../../tests/support/payloads.rs"]
mod payloads;

fn payload_files() -> Vec<PathBuf> {
    payloads::json_files(&root(), &["tests/fixtures", "examples", "fuzz/regressions"])
}

#[test]
fn differential_on_fixtures_and_examples() {
    let files = payload_files();
    assert!(!files.is_empty(), "no fixtures or examples found");
    let mut failures = Vec::new();
    for p in &files {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        let name = p.strip_prefix(root()).unwrap_or(p).display().to_string();
        if let Err(e) = compare(&name, &text) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} payloads disagree:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Generated payloads: every provider x vendor combination, each field present (good or bad),
// absent, empty or mistyped.

fn region_of(p: Provider) -> &'static str {
    match p {
        Provider::Aws => "us-east-1",
        Provider::Azure => "eastus2",
        Provider::Gcp => "us-central1",
    }
}

const ARM: &str = "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/rg/providers";

/// A value privlink accepts for `field` in row `row` (with `provider`).
fn good(row: &privlink::Combination, provider: Provider, field: Field) -> Value {
    use privlink::{DomainShape, EndpointShape};
    let domain = match row.domain {
        Some(DomainShape::ServiceBus) => "sample.servicebus.windows.net".to_string(),
        Some(DomainShape::Blob) => "acct1.blob.core.windows.net".to_string(),
        _ => format!(
            "sample.{}.{}.confluent.cloud",
            region_of(provider),
            provider.as_str().to_ascii_lowercase()
        ),
    };
    match field {
        Field::Region => json!(region_of(provider)),
        Field::Arn => json!("arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2"),
        Field::ServiceEndpointId => json!(match row.endpoint {
            Some(EndpointShape::VpceServiceName) => "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9".to_string(),
            Some(EndpointShape::KinesisService) => "com.amazonaws.us-east-1.kinesis-streams".to_string(),
            Some(EndpointShape::S3Service) => "com.amazonaws.us-east-1.s3".to_string(),
            Some(EndpointShape::LambdaService) => "com.amazonaws.us-east-1.lambda".to_string(),
            Some(EndpointShape::EventHubNamespace) => format!("{ARM}/Microsoft.EventHub/namespaces/sample"),
            Some(EndpointShape::StorageAccount) => format!("{ARM}/Microsoft.Storage/storageAccounts/acct1"),
            None => "com.amazonaws.us-east-1.s3".to_string(),
        }),
        Field::DnsDomain => json!(domain),
        Field::DnsSubDomain => json!([format!("az1.{domain}")]),
        Field::AzureResourceIds => json!([format!("{ARM}/Microsoft.Network/privateLinkServices/pls-1")]),
        Field::GcpServiceAttachmentUris => json!(["projects/p/regions/us-central1/serviceAttachments/a"]),
        Field::AuthenticationScheme => json!("IAM"),
        Field::Provider | Field::Vendor => unreachable!(),
    }
}

const ODD_STRINGS: &[&str] = &[
    "",
    "   ",
    "\u{a0}",
    "x",
    "AWS",
    "aws",
    "msk",
    "sasl_scram",
    "SASL/SCRAM",
    "1235711",
    "arn:aws-cn:kafka:x",
    " arn:aws:kafka:us-east-1:1234567890:topic/x",
    "ARN:AWS:KAFKA:x",
    "vpce-0a1b2c3d4e5f67890",
    "https://sample.us-east-1.aws.confluent.cloud:9092",
    "use1-az1",
    "projects/p/regions/us-central1/serviceAttachments/a",
    "projects/p/regions/us-central1/serviceAttachments/b ",
    "https://www.googleapis.com/compute/v1/projects/p/regions/us-central1/serviceAttachments/a",
    "projects//regions/r/serviceAttachments/n",
    "/subscriptions/b82d6aa0-0b0a-ffa3-7c22-e167dc44f5b0/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe",
];

fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(ODD_STRINGS).prop_map(str::to_string),
        1 => "[ a-zA-Z0-9._:/-]{0,12}",
    ]
}

/// Present-but-wrong values: wrong format, empty, mistyped.
fn odd_value(list: bool) -> impl Strategy<Value = Value> {
    let lists = proptest::collection::vec(odd_string().prop_map(Value::String), 0..5)
        .prop_map(Value::Array);
    prop_oneof![
        3 => odd_string().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => prop_oneof![Just(json!(5)), Just(json!(true)), Just(json!({"a": "b"})), Just(json!(["x", 1])), Just(json!([null]))],
        if list { 4 } else { 1 } => lists,
        1 => Just(json!([])),
    ]
}

/// How a provider/vendor/scheme word is written: canonical, lower, mixed, padded.
fn spelled(word: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(word.to_string()),
        1 => Just(word.to_ascii_lowercase()),
        1 => Just(word.chars().enumerate().map(|(i, c)| if i % 2 == 1 { c.to_ascii_lowercase() } else { c }).collect()),
        1 => Just(format!(" {word}\t")),
    ]
}

const EXTRA_KEYS: &[&str] = &[
    "_id",
    "state",
    "links",
    "gcpConnectionIds",
    "serviceEndpointID",
    "dns_sub_domain",
    "dnsSubdomain",
    "Provider",
    "provider_name",
    "project_id",
    "foo",
];

#[derive(Debug, Clone)]
enum Slot {
    Absent,
    Good,
    Twice,
    Odd(Value),
}

fn slot() -> impl Strategy<Value = (u8, Value)> {
    (
        0u8..20,
        prop_oneof![Just(false), Just(true)].prop_flat_map(odd_value),
    )
}

fn payload() -> impl Strategy<Value = (String, String)> {
    let rows = MATRIX.len();
    (
        0..rows,
        0..Provider::ALL.len(),
        0u8..20,
        0u8..20,
        proptest::collection::vec(slot(), Field::MATRIX.len()),
        proptest::option::weighted(
            0.2,
            (proptest::sample::select(EXTRA_KEYS), odd_value(false)),
        ),
        odd_value(false),
        prop_oneof![Just(false), Just(true)],
        proptest::sample::select(&Vendor::ALL[..]),
    )
        .prop_flat_map(
            |(ri, pi, pmode, vmode, slots, extras, odd, pretty, other_vendor)| {
                let row = &MATRIX[ri];
                let provider = row.provider.unwrap_or(Provider::ALL[pi]);
                (
                    spelled(provider.as_str()),
                    spelled(row.vendor.as_str()),
                    spelled(other_vendor.as_str()),
                    Just((ri, provider, pmode, vmode, slots, extras, odd, pretty)),
                )
            },
        )
        .prop_map(
            |(
                pword,
                vword,
                other_word,
                (ri, provider, pmode, vmode, slots, extras, odd, pretty),
            )| {
                let row = &MATRIX[ri];
                let mut members: Vec<(String, Value)> = Vec::new();
                // provider: mostly right; sometimes absent, mistyped or unknown.
                match pmode {
                    0 => {}
                    1 => members.push(("provider".into(), odd.clone())),
                    _ => members.push(("provider".into(), json!(pword))),
                }
                // vendor: the row's; for GENERIC often omitted or empty; sometimes another or odd.
                match vmode {
                    0 => members.push(("vendor".into(), odd.clone())),
                    1 => members.push(("vendor".into(), json!(other_word))),
                    2..=6 if row.vendor == Vendor::Generic => match vmode {
                        2 | 3 => {}
                        4 => members.push(("vendor".into(), Value::Null)),
                        _ => members.push(("vendor".into(), json!(" "))),
                    },
                    _ => members.push(("vendor".into(), json!(vword))),
                }
                for (f, (roll, oddv)) in Field::MATRIX.into_iter().zip(slots) {
                    let cell = row.cell(f);
                    // Mostly what the row wants, so that valid payloads are common too.
                    let s = match (cell.is_accepted(), roll) {
                        (true, 0) | (false, 0..=15) => Slot::Absent,
                        (true, 1..=15) | (false, 16) => Slot::Good,
                        (_, 17) => Slot::Twice,
                        _ => Slot::Odd(oddv),
                    };
                    match s {
                        Slot::Absent => {}
                        Slot::Good => members.push((f.key().into(), good(row, provider, f))),
                        Slot::Twice => {
                            // A list with its entry twice (PL411), or a string field sent as null.
                            let v = match good(row, provider, f) {
                                Value::Array(a) => Value::Array([a.clone(), a].concat()),
                                _ => Value::Null,
                            };
                            members.push((f.key().into(), v));
                        }
                        Slot::Odd(v) => members.push((f.key().into(), v)),
                    }
                }
                if let Some((k, v)) = extras {
                    members.push((k.to_string(), v));
                }
                let body: Vec<String> = members
                    .iter()
                    .map(|(k, v)| format!("{}: {v}", Value::String(k.clone())))
                    .collect();
                let text = if pretty {
                    format!("{{\n  {}\n}}\n", body.join(",\n  "))
                } else {
                    format!("{{{}}}", body.join(", "))
                };
                (row.label(), text)
            },
        )
}

/// The generator's good values make a valid payload for every row (so (A) is exercised).
#[test]
fn every_row_has_a_valid_payload_the_schema_accepts() {
    for row in MATRIX {
        let providers: Vec<Provider> = match row.provider {
            Some(p) => vec![p],
            None => Provider::ALL.to_vec(),
        };
        for p in providers {
            let mut body = serde_json::Map::new();
            body.insert("provider".into(), json!(p.as_str()));
            body.insert("vendor".into(), json!(row.vendor.as_str()));
            for f in Field::MATRIX {
                if row.cell(f).is_required() {
                    body.insert(f.key().into(), good(row, p, f));
                }
            }
            let text = Value::Object(body).to_string();
            let report = privlink::check(&text);
            assert!(
                report.is_valid(),
                "{text}\n{}",
                show_privlink(report.diagnostics())
            );
            if let Err(e) = compare(&row.label(), &text) {
                panic!("{e}");
            }
            assert!(validator().is_valid(&serde_json::from_str(&text).unwrap()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn differential_on_generated_payloads((label, text) in payload()) {
        if let Err(e) = compare(&format!("generated ({label})"), &text) {
            prop_assert!(false, "{}", e);
        }
    }
}
