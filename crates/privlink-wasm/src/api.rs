//! The facade's logic, free of JavaScript types so that it is tested natively: options in as an
//! [`OptVal`] tree, results out as JSON text (typed `Serialize` views of the core's values).
//!
//! Size matters here (the module ships at most 120 KB gzip): no `serde_json::Value`, no JSON
//! parser, no floats, so neither serde_json's deserializer nor its float formatting is linked.

use privlink::{
    Cell, Combination, Diagnostic, DomainShape, EndpointShape, Field, FieldType, Label, Options,
    Position, Provider, Report, Request, RuleMeta, Severity, Span, Vendor,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Where a rule's documentation lives (`url` of every finding and rule).
pub const DOCS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md");

/// A JavaScript option value, as far as options care.
#[derive(Debug, Clone, PartialEq)]
pub enum OptVal {
    /// `undefined` or `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<OptVal>),
    /// A plain object, entries in order.
    Map(Vec<(String, OptVal)>),
    /// Anything else (function, symbol, bigint), by type name.
    Other(String),
}

impl OptVal {
    fn type_name(&self) -> &str {
        match self {
            OptVal::Null => "null",
            OptVal::Bool(_) => "a boolean",
            OptVal::Num(_) => "a number",
            OptVal::Str(_) => "a string",
            OptVal::List(_) => "an array",
            OptVal::Map(_) => "an object",
            OptVal::Other(t) => t,
        }
    }

    fn get(&self, key: &str) -> &OptVal {
        match self {
            OptVal::Map(m) => m
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&OptVal::Null, |(_, v)| v),
            _ => &OptVal::Null,
        }
    }

    fn scalar(&self) -> Option<String> {
        match self {
            OptVal::Str(s) => Some(s.clone()),
            OptVal::Bool(b) => Some(b.to_string()),
            OptVal::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some((*n as i64).to_string()),
            _ => None,
        }
    }
}

/// The request parameters of a pre-flight (PL6xx); the body is the checked text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Preflight {
    /// The `groupId` path parameter.
    pub group_id: Option<String>,
    /// Query parameters, in order.
    pub query: Vec<(String, String)>,
    /// The `Accept` header.
    pub accept: Option<String>,
}

/// The parsed options of `check`, `checkValue`, `fieldErrors` and `fix`.
#[derive(Debug, Default)]
pub struct Opts {
    /// Severity overrides and limits.
    pub options: Options,
    /// The request parameters to pre-flight (PL6xx), when any was given.
    pub request: Option<Preflight>,
    /// `fieldErrors` only: a required field that is still empty is `pending`, not an error.
    pub draft: bool,
}

fn split_pair(s: &str) -> (String, String) {
    match s.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => (s.to_string(), String::new()),
    }
}

fn parse_query(v: &OptVal) -> Result<Vec<(String, String)>, String> {
    let bad = || {
        format!(
            "options.query: expected \"k=v&k=v\", [\"k=v\", ...], [[k, v], ...] or {{k: v}}, got {}",
            v.type_name()
        )
    };
    let mut out = Vec::new();
    match v {
        OptVal::Null => {}
        OptVal::Str(s) => out.extend(
            s.trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(split_pair),
        ),
        OptVal::List(items) => {
            for it in items {
                match it {
                    OptVal::Str(s) => out.push(split_pair(s)),
                    OptVal::List(kv) if kv.len() == 2 => match (&kv[0], kv[1].scalar()) {
                        (OptVal::Str(k), Some(v)) => out.push((k.clone(), v)),
                        _ => return Err(bad()),
                    },
                    _ => return Err(bad()),
                }
            }
        }
        OptVal::Map(m) => {
            for (k, v) in m {
                out.push((k.clone(), v.scalar().ok_or_else(bad)?));
            }
        }
        _ => return Err(bad()),
    }
    Ok(out)
}

fn opt_string(m: &OptVal, key: &str) -> Result<Option<String>, String> {
    match m.get(key) {
        OptVal::Null => Ok(None),
        OptVal::Str(s) => Ok(Some(s.clone())),
        v => Err(format!(
            "options.{key}: expected a string, got {}",
            v.type_name()
        )),
    }
}

fn opt_usize(m: &OptVal, key: &str) -> Result<Option<usize>, String> {
    match m.get(key) {
        OptVal::Null => Ok(None),
        OptVal::Num(n) if *n >= 0.0 && n.fract() == 0.0 => Ok(Some(if *n >= usize::MAX as f64 {
            usize::MAX
        } else {
            *n as usize
        })),
        v => Err(format!(
            "options.{key}: expected a non-negative integer, got {}",
            v.type_name()
        )),
    }
}

/// Reads the options object (`undefined`/`null` are the defaults). Errors name the bad option.
pub fn parse_options(v: &OptVal) -> Result<Opts, String> {
    let mut opts = Opts::default();
    match v {
        OptVal::Null => return Ok(opts),
        OptVal::Map(_) => {}
        other => {
            return Err(format!(
                "options: expected an object, got {}",
                other.type_name()
            ))
        }
    }
    match v.get("severity") {
        OptVal::Null => {}
        OptVal::Map(sev) => {
            for (code, level) in sev {
                let level = match level {
                    OptVal::Str(s) => s.as_str(),
                    _ => "",
                };
                let s = match level.to_ascii_lowercase().as_str() {
                    "off" => None,
                    l => Some(Severity::parse(l).ok_or_else(|| {
                        format!("options.severity.{code}: expected error, warning, info or off, got `{level}`")
                    })?),
                };
                opts.options
                    .set_severity(code, s)
                    .map_err(|e| format!("options.severity: {e}"))?;
            }
        }
        other => {
            return Err(format!(
                "options.severity: expected {{CODE: level}}, got {}",
                other.type_name()
            ))
        }
    }
    if let Some(n) = opt_usize(v, "maxBytes")? {
        opts.options.max_bytes = n;
    }
    if let Some(n) = opt_usize(v, "maxDepth")? {
        opts.options.max_depth = n;
    }
    let group_id = opt_string(v, "groupId")?;
    let accept = opt_string(v, "accept")?;
    let query = parse_query(v.get("query"))?;
    if group_id.is_some() || accept.is_some() || !query.is_empty() {
        opts.request = Some(Preflight {
            group_id,
            query,
            accept,
        });
    }
    opts.draft = match v.get("draft") {
        OptVal::Null => false,
        OptVal::Bool(b) => *b,
        other => {
            return Err(format!(
                "options.draft: expected a boolean, got {}",
                other.type_name()
            ))
        }
    };
    Ok(opts)
}

/// Checks text the way the CLI does: the whole request when request parameters are given.
pub fn check_text(text: &str, opts: &Opts) -> Report {
    match &opts.request {
        Some(p) => privlink::check_request_with(
            &Request {
                group_id: p.group_id.clone(),
                query: p.query.clone(),
                accept: p.accept.clone(),
                body: text.to_string(),
            },
            &opts.options,
        ),
        None => privlink::check_with(text, &opts.options),
    }
}

/// Checks raw bytes as the CLI reads files: invalid UTF-8 is PL001 at the first bad byte.
pub fn check_bytes(bytes: &[u8], opts: &Opts) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text, opts),
        Err(_) => privlink::check_bytes(bytes, &opts.options),
    }
}

/// Checks the JSON text of a value (as `JSON.stringify` wrote it) and drops every position and
/// fix: they would point into text the caller never saw.
pub fn check_value_text(json: &str, opts: &Opts) -> Vec<Diagnostic> {
    check_text(json, opts)
        .without_positions()
        .into_diagnostics()
}

/// A finding made by the facade itself (input that is not text, a value JSON cannot hold).
pub fn facade_finding(code: &'static str, message: String, help: Option<String>) -> Diagnostic {
    let (code, name) = privlink::rule(code).map_or((code, ""), |m| (m.code, m.name));
    Diagnostic {
        code,
        name,
        severity: Severity::Error,
        pointer: String::new(),
        message,
        help,
        span: None,
        start: None,
        end: None,
        labels: Vec::new(),
        fix: None,
    }
}

/// The UTF-16 offset of byte `offset` of `text` (clamped to a character boundary).
fn utf16_offset(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    text[..o].chars().map(char::len_utf16).sum()
}

fn url(code: &str) -> String {
    format!("{DOCS_URL}#{}", code.to_ascii_lowercase())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EditView<'a> {
    offset: usize,
    length: usize,
    replacement: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    utf16_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    utf16_length: Option<usize>,
}

#[derive(Serialize)]
struct FixView<'a> {
    message: &'a str,
    edits: Vec<EditView<'a>>,
}

/// One finding as JavaScript sees it: the core's fields, the rule's docs `url`, and UTF-16
/// offsets on fix edits when the finding is about a text.
#[derive(Serialize)]
struct DiagView<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    pointer: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    span: Option<Span>,
    start: Option<Position>,
    end: Option<Position>,
    labels: &'a [Label],
    fix: Option<FixView<'a>>,
    url: String,
}

fn diag_view<'a>(d: &'a Diagnostic, text: Option<&str>, severity: &'a str) -> DiagView<'a> {
    let text = text.filter(|_| d.span.is_some());
    DiagView {
        code: d.code,
        name: d.name,
        severity,
        pointer: &d.pointer,
        message: &d.message,
        help: d.help.as_deref(),
        span: d.span,
        start: d.start,
        end: d.end,
        labels: &d.labels,
        fix: d.fix.as_ref().map(|f| FixView {
            message: &f.message,
            edits: f
                .edits
                .iter()
                .map(|e| {
                    let u = text.map(|t| {
                        let u0 = utf16_offset(t, e.offset);
                        (u0, utf16_offset(t, e.offset.saturating_add(e.length)) - u0)
                    });
                    EditView {
                        offset: e.offset,
                        length: e.length,
                        replacement: &e.replacement,
                        utf16_offset: u.map(|u| u.0),
                        utf16_length: u.map(|u| u.1),
                    }
                })
                .collect(),
        }),
        url: url(d.code),
    }
}

#[derive(Serialize, Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct CheckView<'a> {
    valid: bool,
    counts: Counts,
    diagnostics: Vec<DiagView<'a>>,
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// `{valid, counts, diagnostics}` as JSON, for findings about `text` (`None`: no text).
pub fn result_json(diags: &[Diagnostic], text: Option<&str>) -> String {
    let mut counts = Counts::default();
    for d in diags {
        match d.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    to_json(&CheckView {
        valid: counts.errors == 0,
        counts,
        diagnostics: diags
            .iter()
            .map(|d| diag_view(d, text, d.severity.as_str()))
            .collect(),
    })
}

/// Whether a finding means "a required field is still empty" (what draft mode calls pending).
fn is_pending(d: &Diagnostic) -> bool {
    matches!(d.code, "PL201" | "PL301" | "PL304")
        || (d.code == "PL104" && d.pointer.matches('/').count() == 1)
}

/// The top-level member a pointer is about (`/dnsSubDomain/0` -> `/dnsSubDomain`), or `None`
/// for findings about the whole body or the request.
fn field_key(pointer: &str) -> Option<&str> {
    let rest = pointer.strip_prefix('/')?;
    Some(match rest.find('/') {
        Some(i) => &pointer[..i + 1],
        None => pointer,
    })
}

/// Serializes `(key, value)` pairs as a JSON object, in order.
struct Ordered<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Ordered<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldErrorsView<'a> {
    valid: bool,
    form_errors: Vec<DiagView<'a>>,
    field_errors: Ordered<&'a str, Vec<DiagView<'a>>>,
    pending: Vec<&'a str>,
}

/// `fieldErrors` as JSON: findings grouped by the field they are about, for a form.
pub fn field_errors_json(diags: &[Diagnostic], draft: bool) -> String {
    let mut view = FieldErrorsView {
        valid: true,
        form_errors: Vec::new(),
        field_errors: Ordered(Vec::new()),
        pending: Vec::new(),
    };
    for d in diags {
        let key = field_key(&d.pointer);
        let severity = if draft && is_pending(d) {
            let p = key.unwrap_or("");
            if !view.pending.contains(&p) {
                view.pending.push(p);
            }
            view.valid = false;
            "pending"
        } else {
            if d.severity == Severity::Error {
                view.valid = false;
            }
            d.severity.as_str()
        };
        let v = diag_view(d, None, severity);
        match key {
            Some(k) => match view.field_errors.0.iter_mut().find(|(f, _)| *f == k) {
                Some((_, list)) => list.push(v),
                None => view.field_errors.0.push((k, vec![v])),
            },
            None => view.form_errors.push(v),
        }
    }
    to_json(&view)
}

fn cell_name(c: Cell) -> &'static str {
    match c {
        Cell::Required => "required",
        Cell::RequiredWarning => "requiredWarning",
        Cell::RequiredMayBeEmpty => "requiredMayBeEmpty",
        Cell::Optional => "optional",
        Cell::Forbidden => "forbidden",
        Cell::Computed => "computed",
        Cell::Ignored => "ignored",
    }
}

fn endpoint_example(s: EndpointShape) -> (&'static str, &'static str) {
    match s {
        EndpointShape::VpceServiceName => ("vpceServiceName", "com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9"),
        EndpointShape::KinesisService => ("kinesisService", "com.amazonaws.us-east-1.kinesis-streams"),
        EndpointShape::S3Service => ("s3Service", "com.amazonaws.us-east-1.s3"),
        EndpointShape::LambdaService => ("lambdaService", "com.amazonaws.us-east-1.lambda"),
        EndpointShape::EventHubNamespace => ("eventHubNamespace", "/subscriptions/<subscription-id>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<namespace>"),
        EndpointShape::StorageAccount => ("storageAccount", "/subscriptions/<subscription-id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>"),
    }
}

fn domain_example(s: DomainShape, provider: Option<Provider>) -> (&'static str, &'static str) {
    match s {
        DomainShape::Confluent => (
            "confluent",
            match provider {
                Some(Provider::Azure) => "<id>.eastus2.azure.confluent.cloud",
                Some(Provider::Gcp) => "<id>.us-central1.gcp.confluent.cloud",
                _ => "<id>.us-east-1.aws.confluent.cloud",
            },
        ),
        DomainShape::ServiceBus => ("serviceBus", "<namespace>.servicebus.windows.net"),
        DomainShape::Blob => ("blob", "<account>.blob.core.windows.net"),
    }
}

/// An example value for a field of a combination (form placeholders), derived from the
/// combination's shapes; `None` where the field has no example.
fn placeholder(c: &Combination, f: Field) -> Option<&'static str> {
    Some(match f {
        Field::Region => match c.provider {
            Some(Provider::Azure) => "eastus2",
            Some(Provider::Gcp) => "us-central1",
            _ => "us-east-1",
        },
        Field::Arn => "arn:aws:kafka:us-east-1:123456789012:cluster/<name>/<uuid>",
        Field::ServiceEndpointId => endpoint_example(c.endpoint?).1,
        Field::DnsDomain => domain_example(c.domain?, c.provider).1,
        Field::DnsSubDomain => "<zone>.<dnsDomain>, one per line",
        Field::AzureResourceIds => "/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateLinkServices/<name>, one per line",
        Field::GcpServiceAttachmentUris => "projects/<project>/regions/<region>/serviceAttachments/<name>, one per line",
        Field::AuthenticationScheme => "SASL_SCRAM",
        Field::Provider | Field::Vendor => return None,
    })
}

#[derive(Serialize)]
struct CellView {
    cell: &'static str,
    symbol: &'static str,
    required: bool,
    accepted: bool,
    placeholder: Option<&'static str>,
    note: Option<&'static str>,
}

#[derive(Serialize)]
struct CombinationView {
    provider: Option<&'static str>,
    vendor: &'static str,
    label: String,
    cells: Ordered<&'static str, CellView>,
    requires: Vec<&'static str>,
    allows: Vec<&'static str>,
    forbids: Vec<&'static str>,
    computed: Vec<&'static str>,
    ignored: Vec<&'static str>,
    endpoint: Option<&'static str>,
    domain: Option<&'static str>,
    exclusive: Option<[&'static str; 2]>,
}

fn keys_where(c: &Combination, pred: impl Fn(Cell) -> bool) -> Vec<&'static str> {
    Field::MATRIX
        .iter()
        .filter(|f| pred(c.cell(**f)))
        .map(|f| f.key())
        .collect()
}

fn combination_view(c: &Combination) -> CombinationView {
    CombinationView {
        provider: c.provider.map(Provider::as_str),
        vendor: c.vendor.as_str(),
        label: c.label(),
        cells: Ordered(
            Field::MATRIX
                .iter()
                .map(|f| {
                    let cell = c.cell(*f);
                    (
                        f.key(),
                        CellView {
                            cell: cell_name(cell),
                            symbol: cell.symbol(),
                            required: cell.is_required(),
                            accepted: cell.is_accepted(),
                            placeholder: placeholder(c, *f),
                            note: c.note(*f),
                        },
                    )
                })
                .collect(),
        ),
        requires: keys_where(c, Cell::is_required),
        allows: keys_where(c, |x| x == Cell::Optional),
        forbids: keys_where(c, |x| x == Cell::Forbidden),
        computed: keys_where(c, |x| x == Cell::Computed),
        ignored: keys_where(c, |x| x == Cell::Ignored),
        endpoint: c.endpoint.map(|s| endpoint_example(s).0),
        domain: c.domain.map(|s| domain_example(s, c.provider).0),
        exclusive: c.exclusive.map(|(a, b)| [a.key(), b.key()]),
    }
}

#[derive(Serialize)]
struct FieldView {
    key: &'static str,
    pointer: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    description: &'static str,
    values: Option<Vec<&'static str>>,
    matrix: bool,
}

#[derive(Serialize)]
struct ProviderView {
    name: &'static str,
    vendors: Vec<&'static str>,
}

#[derive(Serialize)]
struct MatrixView {
    fields: Vec<FieldView>,
    providers: Vec<ProviderView>,
    vendors: Vec<&'static str>,
    combinations: Vec<CombinationView>,
}

/// `matrix()` as JSON: the fields, which vendors each provider offers, and every combination.
pub fn matrix_json() -> String {
    let fields = Field::ALL
        .iter()
        .map(|f| FieldView {
            key: f.key(),
            pointer: f.pointer(),
            ty: match f.field_type() {
                FieldType::String => "string",
                FieldType::StringList => "stringList",
            },
            description: f.description(),
            values: match f {
                Field::Provider => Some(Provider::ALL.iter().map(|p| p.as_str()).collect()),
                Field::Vendor => Some(Vendor::ALL.iter().map(|v| v.as_str()).collect()),
                Field::AuthenticationScheme => Some(
                    privlink::AuthenticationScheme::ALL
                        .iter()
                        .map(|a| a.as_str())
                        .collect(),
                ),
                _ => None,
            },
            matrix: Field::MATRIX.contains(f),
        })
        .collect();
    to_json(&MatrixView {
        fields,
        providers: Provider::ALL
            .iter()
            .map(|p| ProviderView {
                name: p.as_str(),
                vendors: privlink::vendors_of(*p).map(Vendor::as_str).collect(),
            })
            .collect(),
        vendors: Vendor::ALL.iter().map(|v| v.as_str()).collect(),
        combinations: privlink::matrix().iter().map(combination_view).collect(),
    })
}

/// `combination(provider, vendor)` as JSON: the row Atlas applies (case-insensitive names; an
/// empty vendor is GENERIC), or `null` when the provider does not offer the vendor.
pub fn combination_json(provider: &str, vendor: &str) -> String {
    let row = Provider::parse(provider.trim()).and_then(|p| {
        let v = match vendor.trim() {
            "" => Some(Vendor::Generic),
            s => Vendor::parse(s),
        };
        v.and_then(|v| privlink::combination(p, v))
    });
    to_json(&row.map(combination_view))
}

#[derive(Serialize)]
struct RuleView<'a> {
    #[serde(flatten)]
    meta: &'a RuleMeta,
    family: &'static str,
    url: String,
}

fn rule_view(r: &RuleMeta) -> RuleView<'_> {
    RuleView {
        meta: r,
        family: r.family(),
        url: url(r.code),
    }
}

/// `rules()` as JSON.
pub fn rules_json() -> String {
    to_json(
        &privlink::rules()
            .iter()
            .map(|r| rule_view(r))
            .collect::<Vec<_>>(),
    )
}

/// `explain(code)` as JSON: the rule, or `null`.
pub fn explain_json(code: &str) -> String {
    to_json(&privlink::rule(code.trim()).map(rule_view))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    fn map(entries: &[(&str, OptVal)]) -> OptVal {
        OptVal::Map(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn s(x: &str) -> OptVal {
        OptVal::Str(x.into())
    }

    #[test]
    fn options_parse_and_reject() {
        let o = parse_options(&map(&[
            (
                "severity",
                map(&[("PL301", s("warning")), ("PL203", s("off"))]),
            ),
            ("groupId", s("x")),
            ("query", s("envelope=yes&pretty=true")),
        ]))
        .unwrap();
        let p = o.request.unwrap();
        assert_eq!(p.group_id.as_deref(), Some("x"));
        assert_eq!(
            p.query,
            vec![
                ("envelope".into(), "yes".into()),
                ("pretty".into(), "true".into())
            ]
        );
        assert!(p.accept.is_none());
        assert!(parse_options(&map(&[("severity", map(&[("PL999", s("error"))]))])).is_err());
        assert!(parse_options(&map(&[("severity", map(&[("PL301", s("loud"))]))])).is_err());
        assert!(parse_options(&OptVal::Num(3.0)).is_err());
        assert!(parse_options(&map(&[("maxBytes", OptVal::Num(-1.0))])).is_err());
        assert!(parse_options(&OptVal::Null).unwrap().request.is_none());
        let o = parse_options(&map(&[(
            "query",
            OptVal::List(vec![
                OptVal::List(vec![s("envelope"), OptVal::Bool(true)]),
                s("pretty=x"),
            ]),
        )]))
        .unwrap();
        assert_eq!(o.request.unwrap().query[0].1, "true");
    }

    #[test]
    fn draft_mode_makes_missing_required_pending() {
        let opts = Opts::default();
        let r = check_value_text(r#"{"provider":"AWS","vendor":"MSK"}"#, &opts);
        let strict = parse(&field_errors_json(&r, false));
        assert_eq!(strict["valid"], json!(false));
        assert_eq!(strict["fieldErrors"]["/arn"][0]["severity"], json!("error"));
        let draft = parse(&field_errors_json(&r, true));
        assert_eq!(
            draft["fieldErrors"]["/arn"][0]["severity"],
            json!("pending")
        );
        assert_eq!(draft["pending"], json!(["/arn"]));
        assert!(r[0].span.is_none());
    }

    #[test]
    fn utf16_offsets_on_edits() {
        let text = "{\"x\":\"\u{1F600}\", \"provider\": \"aws\", \"vendor\": \"MSK\"}";
        let r = privlink::check(text);
        let v = parse(&result_json(r.diagnostics(), Some(text)));
        let d = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "PL203")
            .unwrap();
        let e = &d["fix"]["edits"][0];
        let off = e["offset"].as_u64().unwrap();
        assert_eq!(e["utf16Offset"].as_u64().unwrap(), off - 2);
        assert!(d["url"].as_str().unwrap().ends_with("#pl203"));
        assert_eq!(v["valid"], json!(false));
    }

    #[test]
    fn matrix_view_follows_the_table() {
        let m = parse(&matrix_json());
        assert_eq!(
            m["combinations"].as_array().unwrap().len(),
            privlink::MATRIX.len()
        );
        let c = parse(&combination_json("aws", "msk"));
        assert_eq!(c["requires"], json!(["arn"]));
        assert_eq!(c["allows"], json!(["authenticationScheme"]));
        assert_eq!(parse(&combination_json("GCP", "MSK")), Value::Null);
        assert_eq!(
            parse(&combination_json("GCP", ""))["vendor"],
            json!("GENERIC")
        );
        assert_eq!(parse(&explain_json("pl401"))["code"], json!("PL401"));
        assert_eq!(parse(&explain_json("nope")), Value::Null);
        assert_eq!(
            parse(&rules_json()).as_array().unwrap().len(),
            privlink::rules().len()
        );
    }
}
