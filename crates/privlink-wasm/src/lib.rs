//! # privlink-wasm
//!
//! The WebAssembly facade of [`privlink`], published on npm as `privlink`: the same rules in the
//! browser and in Node. A thin layer: every export parses its arguments, calls the core and
//! returns plain JavaScript objects (the core's JSON, `JSON.parse`d on the JS side).
//!
//! No panic crosses the boundary by design: every input (any JS value) maps to a result. Bad
//! *options* (an unknown rule code, a severity that does not exist) throw a JS `Error` with a
//! message naming the option; they are programming errors, not payload problems.

pub mod api;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** How serious a finding is; `error` makes the payload invalid. */
export type Severity = "error" | "warning" | "info";
/** A byte range of the checked text (UTF-8). */
export interface Span { offset: number; length: number }
/** A position: 1-based line and column (Unicode scalar values), and the same in UTF-16 code
 *  units (what JavaScript strings, the DOM and editors count). */
export interface Position { line: number; column: number; utf16Column: number; utf16Offset: number }
/** A secondary location (the other field of a mismatch, the first of two duplicate keys). */
export interface Label { pointer: string; message: string; span: Span | null; start: Position | null; end: Position | null }
/** One replacement; `offset`/`length` are bytes, `utf16Offset`/`utf16Length` UTF-16 units. */
export interface Edit { offset: number; length: number; replacement: string; utf16Offset?: number; utf16Length?: number }
/** A machine-applicable fix: apply all of its edits or none. */
export interface Fix { message: string; edits: Edit[] }
/** One finding. `span`, `start`, `end` are `null` for `checkValue` and request parameters. */
export interface Diagnostic {
  code: string; name: string; severity: Severity;
  /** JSON pointer (RFC 6901) of the value the finding is about; "" = the whole body. */
  pointer: string; message: string; help: string | null;
  span: Span | null; start: Position | null; end: Position | null;
  labels: Label[]; fix: Fix | null;
  /** The rule's documentation. */
  url: string;
}
export interface Counts { errors: number; warnings: number; infos: number }
export interface CheckResult { valid: boolean; counts: Counts; diagnostics: Diagnostic[] }
export type Level = Severity | "off";
export interface CheckOptions {
  /** Per-rule severity by code or name: `{ PL301: "warning", "non-canonical-case": "off" }`. */
  severity?: Record<string, Level>;
  /** Pre-flight the whole request (PL6xx): the groupId path parameter. */
  groupId?: string;
  /** Query parameters: `"envelope=true&pretty=false"`, `["envelope=true"]`, `[["envelope", true]]` or `{ envelope: true }`. */
  query?: string | string[] | [string, string | boolean][] | Record<string, string | boolean>;
  /** The Accept header, e.g. `application/vnd.atlas.2025-03-12+json`. */
  accept?: string;
  /** Largest input accepted in bytes (PL004), default 1 MiB. */
  maxBytes?: number;
  /** Deepest nesting accepted (PL004), default 64. */
  maxDepth?: number;
}
export interface FieldErrorsOptions extends CheckOptions {
  /** A required field that is still empty is `pending`, not an error (forms: do not shout before the user has typed). */
  draft?: boolean;
}
export interface FieldFinding extends Omit<Diagnostic, "severity"> { severity: Severity | "pending" }
export interface FieldErrorsResult {
  /** No error and (in draft mode) nothing pending: the payload can be sent. */
  valid: boolean;
  /** Findings about the whole body or the request (invalid JSON, not an object, PL6xx). */
  formErrors: FieldFinding[];
  /** Findings keyed by the pointer of the top-level member they are about (`/arn`; `/dnsSubDomain` also holds `/dnsSubDomain/0`). */
  fieldErrors: Record<string, FieldFinding[]>;
  /** Draft mode: pointers of required fields that are still empty. */
  pending: string[];
}
export type CellKind = "required" | "requiredWarning" | "requiredMayBeEmpty" | "optional" | "forbidden" | "computed" | "ignored";
export interface MatrixCell { cell: CellKind; symbol: string; required: boolean; accepted: boolean; placeholder: string | null; note: string | null }
export interface Combination {
  /** `null` = any provider (the GENERIC row). */
  provider: string | null; vendor: string; label: string;
  /** One cell per matrix field (region, arn, serviceEndpointId, dnsDomain, dnsSubDomain, azureResourceIds, gcpServiceAttachmentUris, authenticationScheme). */
  cells: Record<string, MatrixCell>;
  requires: string[]; allows: string[]; forbids: string[]; computed: string[]; ignored: string[];
  endpoint: string | null; domain: string | null; exclusive: [string, string] | null;
}
export interface FieldInfo { key: string; pointer: string; type: "string" | "stringList"; description: string; values: string[] | null; matrix: boolean }
export interface Matrix { fields: FieldInfo[]; providers: { name: string; vendors: string[] }[]; vendors: string[]; combinations: Combination[] }
export interface Rule { code: string; name: string; severity: Severity; summary: string; docs: string; fixable: boolean; schema: boolean; family: string; url: string }
"#;

fn to_js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

/// Reads a JS value as an option value (plain data, at most 8 levels deep).
fn opt_val(v: &JsValue, depth: usize) -> api::OptVal {
    use api::OptVal;
    if v.is_undefined() || v.is_null() {
        return OptVal::Null;
    }
    if let Some(b) = v.as_bool() {
        return OptVal::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return OptVal::Num(n);
    }
    if let Some(s) = v.as_string() {
        return OptVal::Str(s);
    }
    if depth < 8 {
        if js_sys::Array::is_array(v) {
            let a: &js_sys::Array = v.unchecked_ref();
            return OptVal::List(a.iter().map(|x| opt_val(&x, depth + 1)).collect());
        }
        if v.is_object() && !v.is_function() {
            if let Ok(obj) = v.clone().dyn_into::<js_sys::Object>() {
                let entries = js_sys::Object::entries(&obj);
                return OptVal::Map(
                    entries
                        .iter()
                        .map(|kv| {
                            let kv: js_sys::Array = kv.unchecked_into();
                            (
                                kv.get(0).as_string().unwrap_or_default(),
                                opt_val(&kv.get(1), depth + 1),
                            )
                        })
                        .collect(),
                );
            }
        }
    }
    OptVal::Other(js_type(v))
}

/// Reads an options argument: `undefined`/`null` are the defaults.
fn options(v: &JsValue) -> Result<api::Opts, JsError> {
    api::parse_options(&opt_val(v, 0)).map_err(|e| JsError::new(&format!("privlink: {e}")))
}

fn js_type(v: &JsValue) -> String {
    v.js_typeof().as_string().unwrap_or_default()
}

/// The JSON text of a JS value (what `JSON.stringify` makes of it), or the finding that says
/// why there is none.
fn value_text(v: &JsValue) -> Result<String, Box<privlink::Diagnostic>> {
    match js_sys::JSON::stringify(v) {
        Ok(s) => Ok(s.as_string().unwrap_or_else(|| "null".into())),
        Err(e) => {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_default();
            let code = if why.to_ascii_lowercase().contains("call stack") {
                "PL004"
            } else {
                "PL001"
            };
            Err(Box::new(api::facade_finding(
                code,
                format!("the value cannot be written as JSON: {why}"),
                Some("Pass plain data: no cycles, no BigInt, no functions.".into()),
            )))
        }
    }
}

/// Checks a payload. `input` is the JSON text (a string, or its UTF-8 bytes as a `Uint8Array`);
/// options may set per-rule severities and pre-flight the request (`groupId`, `query`,
/// `accept`). Positions are given in bytes and in UTF-16 units.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = self::options(&options)?;
    if let Some(text) = input.as_string() {
        let report = api::check_text(&text, &opts);
        return Ok(to_js(&api::result_json(report.diagnostics(), Some(&text))));
    }
    if let Some(bytes) = input.dyn_ref::<js_sys::Uint8Array>() {
        let bytes = bytes.to_vec();
        let report = api::check_bytes(&bytes, &opts);
        let text = String::from_utf8_lossy(&bytes);
        return Ok(to_js(&api::result_json(report.diagnostics(), Some(&text))));
    }
    let d = api::facade_finding(
        "PL001",
        format!(
            "expected the JSON text as a string or Uint8Array, got {}",
            js_type(&input)
        ),
        Some("Pass the payload's text; use checkValue() for an object.".into()),
    );
    Ok(to_js(&api::result_json(&[d], None)))
}

/// Checks a JavaScript value (an object as `JSON.parse` returns it). Findings carry no positions
/// and no fixes.
#[wasm_bindgen(js_name = checkValue, unchecked_return_type = "CheckResult")]
pub fn check_value(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = self::options(&options)?;
    let diags = match value_text(&value) {
        Ok(text) => api::check_value_text(&text, &opts),
        Err(d) => vec![*d],
    };
    Ok(to_js(&api::result_json(&diags, None)))
}

/// Findings grouped by field for a form: `{ valid, formErrors, fieldErrors: { "/arn": [...] },
/// pending }`. `input` is an object or the JSON text. In `draft` mode a required field that is
/// still empty is `pending`, not an error.
#[wasm_bindgen(js_name = fieldErrors, unchecked_return_type = "FieldErrorsResult")]
pub fn field_errors(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FieldErrorsOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = self::options(&options)?;
    let diags = if let Some(text) = input.as_string() {
        api::check_text(&text, &opts).into_diagnostics()
    } else {
        match value_text(&input) {
            Ok(text) => api::check_value_text(&text, &opts),
            Err(d) => vec![*d],
        }
    };
    Ok(to_js(&api::field_errors_json(&diags, opts.draft)))
}

/// Applies every safe fix until none applies; returns the fixed text (unchanged when the text
/// does not parse). A non-string input is returned as `""`.
#[wasm_bindgen]
pub fn fix(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: JsValue,
) -> Result<String, JsError> {
    let opts = self::options(&options)?;
    Ok(match text.as_string() {
        Some(t) => privlink::fix(&t, &opts.options),
        None => String::new(),
    })
}

/// The provider x vendor matrix: which fields each combination requires, allows and forbids.
#[wasm_bindgen(unchecked_return_type = "Matrix")]
pub fn matrix() -> JsValue {
    to_js(&api::matrix_json())
}

/// The matrix row Atlas applies to `provider` and `vendor` (case-insensitive; an empty vendor
/// is GENERIC), or `null` when the provider does not offer the vendor.
#[wasm_bindgen(unchecked_return_type = "Combination | null")]
pub fn combination(
    #[wasm_bindgen(unchecked_param_type = "string")] provider: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] vendor: JsValue,
) -> JsValue {
    let p = provider.as_string().unwrap_or_default();
    let v = vendor.as_string().unwrap_or_default();
    to_js(&api::combination_json(&p, &v))
}

/// Every rule, in code order.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> JsValue {
    to_js(&api::rules_json())
}

/// One rule's documentation by code (`PL301`) or name, or `null`.
#[wasm_bindgen(unchecked_return_type = "Rule | null")]
pub fn explain(#[wasm_bindgen(unchecked_param_type = "string")] code: JsValue) -> JsValue {
    to_js(&api::explain_json(&code.as_string().unwrap_or_default()))
}

/// The schema's text, generated by `build.rs` with `privlink::schema::pretty()`.
const SCHEMA: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// The JSON Schema (draft 2020-12) of the request body, generated from the same matrix (the
/// same document as `privlink schema` and the repository's schema file).
#[wasm_bindgen(unchecked_return_type = "Record<string, unknown>")]
pub fn schema() -> JsValue {
    js_sys::JSON::parse(SCHEMA).unwrap_or(JsValue::NULL)
}

/// The version of privlink this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
