//! The JSON Schema (draft 2020-12) of the request body, generated from the provider x vendor
//! matrix ([`MATRIX`]) and the rule registry: nothing here is a second copy of a combination.
//!
//! ```
//! let schema = privlink::schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["additionalProperties"], false);
//! ```
//!
//! The schema says what privlink says, as far as JSON Schema can say it. Only rules marked
//! `schema: true` in the registry contribute a constraint, and every constraint is tagged in its
//! `$comment` with the rule it encodes (`"privlink: PL301 missing-required-field"`, or
//! `"privlink: type=PL103 wrong-type; anyOf=PL202 unknown-provider"` when the keywords of one
//! subschema encode different rules), so a validator's error can be traced to a rule.
//!
//! Faithful to privlink's own reading of the body (`docs/schema.md` has the details):
//! - `provider`, `vendor` and `authenticationScheme` are compared case-insensitively and after
//!   trimming white space (privlink warns, PL203/PL105): the schema lists the canonical values
//!   in `enum` (for completion) and accepts other casings through a `pattern`;
//! - `null` and `""` (PL104) and untrimmed strings (PL105) are warnings, so the schema accepts
//!   them wherever privlink does;
//! - warnings of the matrix (a computed or ignored field, PL302 warning) are not constraints;
//! - value checks (PL207, PL401, PL407, PL411) apply, as in privlink, only when the combination
//!   takes the field or no combination is recognised.

use crate::docs::matrix_markdown;
use crate::matrix::{combination, providers_of, vendors_of, Cell, Combination, MATRIX};
use crate::model::{
    AuthenticationScheme, Field, FieldType, Provider, Vendor, READ_ONLY_FIELDS,
    SERVER_POPULATED_FIELDS,
};
use crate::registry;
use serde_json::Value;

/// The `$id` of the schema (where the repository publishes `schema/privatelink-connection.schema.json`).
pub const SCHEMA_ID: &str =
    "https://raw.githubusercontent.com/privlink/privlink/main/schema/privatelink-connection.schema.json";

/// The path of the schema file in the repository.
pub const SCHEMA_PATH: &str = "schema/privatelink-connection.schema.json";

/// White space as Rust's `str::trim` (and so privlink) understands it: Unicode `White_Space`.
/// Written out because ECMA-262's `\s` differs (it has U+FEFF and lacks U+0085).
const WS: &str = r"[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// The JSON Schema of the create-private-link body, as a `serde_json::Value`.
pub fn schema() -> Value {
    build().to_value()
}

/// The schema as the repository carries it (and `privlink schema` prints it): pretty-printed
/// with two-space indentation, keys in a fixed order, and a final newline.
pub fn pretty() -> String {
    let mut out = String::new();
    build().write(&mut out, 0);
    out.push('\n');
    out
}

/// An ordered JSON tree: the schema's keys keep the order they are written in, whatever
/// features `serde_json` is built with.
#[derive(Debug, Clone)]
enum J {
    Bool(bool),
    Int(u64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn to_value(&self) -> Value {
        match self {
            J::Bool(b) => Value::Bool(*b),
            J::Int(n) => Value::from(*n),
            J::Str(s) => Value::String(s.clone()),
            J::Arr(a) => Value::Array(a.iter().map(J::to_value).collect()),
            J::Obj(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), v.to_value())).collect()),
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |out: &mut String, n: usize| out.push_str(&" ".repeat(n));
        match self {
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Int(n) => out.push_str(&n.to_string()),
            J::Str(s) => out.push_str(&quote(s)),
            J::Arr(a) if a.is_empty() => out.push_str("[]"),
            J::Obj(o) if o.is_empty() => out.push_str("{}"),
            J::Arr(a) => {
                out.push_str("[\n");
                for (i, v) in a.iter().enumerate() {
                    pad(out, indent + 2);
                    v.write(out, indent + 2);
                    out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
                }
                pad(out, indent);
                out.push(']');
            }
            J::Obj(o) => {
                out.push_str("{\n");
                for (i, (k, v)) in o.iter().enumerate() {
                    pad(out, indent + 2);
                    out.push_str(&quote(k));
                    out.push_str(": ");
                    v.write(out, indent + 2);
                    out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
                }
                pad(out, indent);
                out.push('}');
            }
        }
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn s(v: impl Into<String>) -> J {
    J::Str(v.into())
}

fn strs<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> J {
    J::Arr(items.into_iter().map(|x| J::Str(x.into())).collect())
}

/// An object from `(key, value)` pairs; `None` values are left out.
fn obj<const N: usize>(pairs: [(&str, Option<J>); N]) -> J {
    J::Obj(
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

fn push(o: &mut J, key: &str, v: J) {
    if let J::Obj(pairs) = o {
        pairs.push((key.to_string(), v));
    }
}

/// Whether the registry lets the schema express `code`.
fn enabled(code: &str) -> bool {
    registry::rule(code).is_some_and(|r| r.schema)
}

/// The `$comment` that tags keywords with rules: `[(None, "PL301")]` tags the whole subschema,
/// `[(Some("type"), "PL103"), ...]` one keyword each.
fn tag(items: &[(Option<&str>, &str)]) -> J {
    let parts: Vec<String> = items
        .iter()
        .map(|(kw, code)| {
            let name = registry::rule(code).map_or("", |r| r.name);
            match kw {
                Some(k) => format!("{k}={code} {name}"),
                None => format!("{code} {name}"),
            }
        })
        .collect();
    s(format!("privlink: {}", parts.join("; ")))
}

/// A case-insensitive (ASCII) regular expression for one word, as privlink compares
/// provider, vendor and authentication scheme.
fn ci(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            out.push('[');
            out.push(c.to_ascii_uppercase());
            out.push(c.to_ascii_lowercase());
            out.push(']');
        } else if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// `^ws*(?:w1|w2|...)ws*$`, case-insensitive; with `empty_ok` the group is optional.
fn words_pattern(words: &[&str], empty_ok: bool) -> String {
    let alts: Vec<String> = words.iter().map(|w| ci(w)).collect();
    format!(
        "^{WS}*(?:{}){}{WS}*$",
        alts.join("|"),
        if empty_ok { "?" } else { "" }
    )
}

/// What privlink treats as an empty value (PL104): `null`, or a string of white space only.
fn empty_schema() -> Vec<(String, J)> {
    vec![
        ("type".into(), strs(["null", "string"])),
        ("pattern".into(), s(format!("^{WS}*$"))),
    ]
}

fn provider_names() -> Vec<&'static str> {
    Provider::ALL.iter().map(|p| p.as_str()).collect()
}

fn vendor_names() -> Vec<&'static str> {
    Vendor::ALL.iter().map(|v| v.as_str()).collect()
}

fn scheme_names() -> Vec<&'static str> {
    AuthenticationScheme::ALL
        .iter()
        .map(|a| a.as_str())
        .collect()
}

/// `$defs` key of the condition "the body is this combination".
fn def_name(c: &Combination) -> String {
    format!(
        "when-{}-{}",
        c.provider.map_or("any", Provider::as_str),
        c.vendor.as_str()
    )
}

fn def_ref(c: &Combination) -> J {
    obj([("$ref", Some(s(format!("#/$defs/{}", def_name(c)))))])
}

/// The condition under which privlink resolves a body to the row `c` (provider and vendor
/// compared case-insensitively after trimming; an absent or empty vendor is GENERIC).
fn when(c: &Combination) -> J {
    let providers: Vec<&str> = match c.provider {
        Some(p) => vec![p.as_str()],
        None => provider_names(),
    };
    let provider = obj([
        ("type", Some(s("string"))),
        ("pattern", Some(s(words_pattern(&providers, false)))),
    ]);
    let generic = c.vendor == Vendor::Generic;
    let vendor = obj([
        (
            "type",
            Some(if generic {
                strs(["string", "null"])
            } else {
                s("string")
            }),
        ),
        (
            "pattern",
            Some(s(words_pattern(&[c.vendor.as_str()], generic))),
        ),
    ]);
    let required = if generic {
        strs(["provider"])
    } else {
        strs(["provider", "vendor"])
    };
    obj([
        (
            "description",
            Some(s(format!("The body is {}.", c.label()))),
        ),
        ("type", Some(s("object"))),
        ("required", Some(required)),
        (
            "properties",
            Some(obj([
                ("provider", Some(provider)),
                ("vendor", Some(vendor)),
            ])),
        ),
    ])
}

fn cell_words(c: Cell) -> &'static str {
    match c {
        Cell::Required => "required",
        Cell::RequiredWarning => "required (missing is a warning)",
        Cell::RequiredMayBeEmpty => "required; `[]` allowed",
        Cell::Optional => "optional",
        Cell::Forbidden => "**must not be sent** (error)",
        Cell::Computed => "computed by Atlas, do not send (warning)",
        Cell::Ignored => "not used, Atlas ignores it (warning)",
    }
}

fn field_markdown(f: Field) -> String {
    let mut md = format!("{}\n\n", f.description());
    if Field::MATRIX.contains(&f) {
        md.push_str("| combination | this field |\n|---|---|\n");
        for c in MATRIX {
            md.push_str(&format!("| {} | {} |\n", c.label(), cell_words(c.cell(f))));
        }
        md.push('\n');
    }
    md.push_str(
        "`privlink check` explains every finding; `privlink explain <CODE>` documents a rule.",
    );
    md
}

/// The schema of one body field (types; provider and vendor also their values).
fn property(f: Field) -> J {
    let mut p = obj([
        ("description", Some(s(f.description()))),
        ("markdownDescription", Some(s(field_markdown(f)))),
    ]);
    let type_ok = enabled("PL103");
    match f {
        Field::Provider => {
            let mut kws = Vec::new();
            if type_ok {
                kws.push((Some("type"), "PL103"));
            }
            if enabled("PL202") {
                kws.push((Some("anyOf"), "PL202"));
            }
            if enabled("PL201") {
                kws.push((Some("not"), "PL201"));
            }
            push(&mut p, "$comment", tag(&kws));
            if type_ok {
                push(&mut p, "type", strs(["string", "null"]));
            }
            if enabled("PL202") {
                push(
                    &mut p,
                    "anyOf",
                    enum_or_pattern(&provider_names(), false, None),
                );
            }
            if enabled("PL201") {
                let mut e = empty_schema();
                e.push((
                    "errorMessage".into(),
                    s("`provider` is required: AWS, AZURE or GCP"),
                ));
                push(&mut p, "not", J::Obj(e));
                push(
                    &mut p,
                    "errorMessage",
                    s("`provider` is AWS, AZURE or GCP (privlink: PL201/PL202)"),
                );
            }
        }
        Field::Vendor => {
            let mut kws = Vec::new();
            if type_ok {
                kws.push((Some("type"), "PL103"));
            }
            if enabled("PL204") {
                kws.push((Some("anyOf"), "PL204"));
            }
            push(&mut p, "$comment", tag(&kws));
            if type_ok {
                push(&mut p, "type", strs(["string", "null"]));
            }
            if enabled("PL204") {
                let offered: Vec<String> = Vendor::ALL
                    .iter()
                    .map(|v| {
                        let on: Vec<&str> = providers_of(*v).map(Provider::as_str).collect();
                        if *v == Vendor::Generic {
                            "Any other service; what Atlas uses when vendor is omitted.".into()
                        } else {
                            format!("Offered on {}.", on.join(", "))
                        }
                    })
                    .collect();
                push(
                    &mut p,
                    "anyOf",
                    enum_or_pattern(&vendor_names(), true, Some(offered)),
                );
            }
        }
        _ => {
            if type_ok {
                push(&mut p, "$comment", tag(&[(None, "PL103")]));
                match f.field_type() {
                    FieldType::String => push(&mut p, "type", strs(["string", "null"])),
                    FieldType::StringList => {
                        // A string is accepted only when it is empty (PL104, a warning); any
                        // other string is PL103.
                        push(&mut p, "type", strs(["array", "string", "null"]));
                        push(&mut p, "items", obj([("type", Some(s("string")))]));
                        push(&mut p, "pattern", s(format!("^{WS}*$")));
                    }
                }
            }
        }
    }
    p
}

/// `[{"enum": canonical}, {"pattern": case-insensitive and trimmed}]`: the enum gives editors
/// their completion list, the pattern accepts what privlink accepts with a warning.
fn enum_or_pattern(words: &[&str], empty_ok: bool, descriptions: Option<Vec<String>>) -> J {
    let mut e = obj([("enum", Some(strs(words.iter().copied())))]);
    if let Some(d) = descriptions {
        push(&mut e, "enumDescriptions", strs(d));
    }
    J::Arr(vec![
        e,
        obj([("pattern", Some(s(words_pattern(words, empty_ok))))]),
    ])
}

/// One `if`/`then` per matrix row: required fields (PL301), fields that must not be sent
/// (PL302 errors), required lists that must not be empty (PL304), exclusive pairs (PL303).
fn row_branch(c: &Combination) -> J {
    let label = c.label();
    let mut parts: Vec<J> = Vec::new();
    let required: Vec<Field> = Field::MATRIX
        .into_iter()
        .filter(|f| matches!(c.cell(*f), Cell::Required | Cell::RequiredMayBeEmpty))
        .collect();
    if enabled("PL301") && !required.is_empty() {
        let props: Vec<(String, J)> = required
            .iter()
            .map(|f| {
                let mut e = empty_schema();
                e.push((
                    "errorMessage".into(),
                    s(format!("{label} requires `{}`, which is empty", f.key())),
                ));
                (
                    f.key().to_string(),
                    obj([
                        ("not", Some(J::Obj(e))),
                        (
                            "errorMessage",
                            Some(s(format!("{label} requires a value for `{}`", f.key()))),
                        ),
                    ]),
                )
            })
            .collect();
        parts.push(obj([
            ("$comment", Some(tag(&[(None, "PL301")]))),
            ("required", Some(strs(required.iter().map(|f| f.key())))),
            ("properties", Some(J::Obj(props))),
        ]));
    }
    let forbidden: Vec<Field> = Field::MATRIX
        .into_iter()
        .filter(|f| c.cell(*f) == Cell::Forbidden)
        .collect();
    if enabled("PL302") && !forbidden.is_empty() {
        let props: Vec<(String, J)> = forbidden
            .iter()
            .map(|f| {
                let takers: Vec<String> = MATRIX
                    .iter()
                    .filter(|o| o.cell(*f).is_accepted())
                    .map(Combination::label)
                    .collect();
                let mut e = empty_schema();
                e.push((
                    "errorMessage".into(),
                    s(format!(
                        "{label} does not take `{}`: Atlas rejects it (it belongs to {})",
                        f.key(),
                        takers.join(", ")
                    )),
                ));
                (f.key().to_string(), J::Obj(e))
            })
            .collect();
        parts.push(obj([
            ("$comment", Some(tag(&[(None, "PL302")]))),
            ("properties", Some(J::Obj(props))),
        ]));
    }
    let non_empty_lists: Vec<Field> = Field::MATRIX
        .into_iter()
        .filter(|f| c.cell(*f) == Cell::Required && f.field_type() == FieldType::StringList)
        .collect();
    if enabled("PL304") && !non_empty_lists.is_empty() {
        let props: Vec<(String, J)> = non_empty_lists
            .iter()
            .map(|f| {
                (
                    f.key().to_string(),
                    obj([
                        ("minItems", Some(J::Int(1))),
                        (
                            "errorMessage",
                            Some(s(format!(
                                "{label} requires at least one entry in `{}`",
                                f.key()
                            ))),
                        ),
                    ]),
                )
            })
            .collect();
        parts.push(obj([
            ("$comment", Some(tag(&[(None, "PL304")]))),
            ("properties", Some(J::Obj(props))),
        ]));
    }
    if let (true, Some((a, b))) = (enabled("PL303"), c.exclusive) {
        let not_empty = || obj([("not", Some(J::Obj(empty_schema())))]);
        parts.push(obj([
            ("$comment", Some(tag(&[(None, "PL303")]))),
            (
                "description",
                Some(s(format!(
                    "{label} takes either `{}` or `{}`, not both.",
                    a.key(),
                    b.key()
                ))),
            ),
            (
                "not",
                Some(obj([
                    ("type", Some(s("object"))),
                    ("required", Some(strs([a.key(), b.key()]))),
                    (
                        "properties",
                        Some(J::Obj(vec![
                            (a.key().to_string(), not_empty()),
                            (b.key().to_string(), not_empty()),
                        ])),
                    ),
                ])),
            ),
        ]));
    }
    let mut summary = Vec::new();
    for (what, fields) in [("requires", &required), ("must not send", &forbidden)] {
        if !fields.is_empty() {
            let keys: Vec<&str> = fields.iter().map(|f| f.key()).collect();
            summary.push(format!("{what} {}", keys.join(", ")));
        }
    }
    obj([
        ("title", Some(s(label.clone()))),
        (
            "description",
            Some(s(format!("{label}: {}.", summary.join("; ")))),
        ),
        ("if", Some(def_ref(c))),
        ("then", Some(obj([("allOf", Some(J::Arr(parts)))]))),
    ])
}

/// PL205: per provider, the known vendors it does not offer.
fn mismatch_branch(p: Provider) -> Option<J> {
    let offered: Vec<&str> = vendors_of(p).map(Vendor::as_str).collect();
    let others: Vec<&str> = Vendor::ALL
        .into_iter()
        .filter(|v| combination(p, *v).is_none())
        .map(Vendor::as_str)
        .collect();
    if others.is_empty() {
        return None;
    }
    let cond = obj([
        ("type", Some(s("object"))),
        ("required", Some(strs(["provider"]))),
        (
            "properties",
            Some(obj([(
                "provider",
                Some(obj([
                    ("type", Some(s("string"))),
                    ("pattern", Some(s(words_pattern(&[p.as_str()], false)))),
                ])),
            )])),
        ),
    ]);
    let msg = format!("{} offers {}", p.as_str(), offered.join(", "));
    Some(obj([
        ("$comment", Some(tag(&[(None, "PL205")]))),
        ("title", Some(s(format!("vendors of {}", p.as_str())))),
        ("if", Some(cond)),
        (
            "then",
            Some(obj([(
                "properties",
                Some(obj([(
                    "vendor",
                    Some(obj([
                        (
                            "not",
                            Some(obj([
                                ("type", Some(s("string"))),
                                ("pattern", Some(s(words_pattern(&others, false)))),
                            ])),
                        ),
                        ("errorMessage", Some(s(msg))),
                    ])),
                )])),
            )])),
        ),
    ]))
}

/// A value check that privlink runs only when the combination takes the field (or none is
/// recognised): `if` the body is a row that does not take it, nothing; `else` the check.
fn guarded(field: Field, comment: J, title: &str, check: J) -> J {
    let skip: Vec<J> = MATRIX
        .iter()
        .filter(|c| !c.cell(field).is_accepted())
        .map(def_ref)
        .collect();
    let props = obj([(
        "properties",
        Some(J::Obj(vec![(field.key().to_string(), check)])),
    )]);
    if skip.is_empty() {
        return obj([
            ("$comment", Some(comment)),
            ("title", Some(s(title))),
            ("allOf", Some(J::Arr(vec![props]))),
        ]);
    }
    obj([
        ("$comment", Some(comment)),
        ("title", Some(s(title))),
        ("if", Some(obj([("anyOf", Some(J::Arr(skip)))]))),
        ("else", Some(props)),
    ])
}

fn value_checks() -> Vec<J> {
    let mut out = Vec::new();
    if enabled("PL207") {
        let names = scheme_names();
        out.push(guarded(
            Field::AuthenticationScheme,
            tag(&[(None, "PL207")]),
            "authenticationScheme values (where the combination takes it)",
            obj([
                ("anyOf", Some(enum_or_pattern(&names, true, None))),
                (
                    "errorMessage",
                    Some(s(format!("`authenticationScheme` is {}", names.join(", ")))),
                ),
            ]),
        ));
    }
    if enabled("PL401") {
        // The spec's pattern `^arn:aws:kafka`, after white space (PL105 warns) and allowing an
        // empty value (PL104 warns; a required empty arn is PL301's business).
        out.push(guarded(
            Field::Arn,
            tag(&[(None, "PL401")]),
            "arn pattern ^arn:aws:kafka (where the combination takes it)",
            obj([
                ("pattern", Some(s(format!("^{WS}*(?:arn:aws:kafka|$)")))),
                (
                    "patternErrorMessage",
                    Some(s("`arn` must match ^arn:aws:kafka (the MSK cluster ARN, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)")),
                ),
            ]),
        ));
    }
    let (pl407, pl411) = (enabled("PL407"), enabled("PL411"));
    if pl407 || pl411 {
        let f = Field::GcpServiceAttachmentUris;
        let mut kws = Vec::new();
        let mut then = Vec::new();
        if pl407 {
            kws.push((Some("maxItems"), "PL407"));
            kws.push((Some("items"), "PL407"));
        }
        if pl411 {
            kws.push((Some("uniqueItems"), "PL411"));
        }
        then.push(("$comment".to_string(), tag(&kws)));
        if pl407 {
            let seg = "[A-Za-z0-9._-]+";
            then.push(("maxItems".into(), J::Int(3)));
            then.push((
                "items".into(),
                obj([
                    (
                        "pattern",
                        Some(s(format!(
                            "^{WS}*projects/{seg}/regions/{seg}/serviceAttachments/{seg}{WS}*$"
                        ))),
                    ),
                    (
                        "patternErrorMessage",
                        Some(s("an entry is projects/<project>/regions/<region>/serviceAttachments/<name>")),
                    ),
                ]),
            ));
        }
        if pl411 {
            then.push(("uniqueItems".into(), J::Bool(true)));
        }
        // privlink checks the entries only when the value is a list of strings (otherwise it
        // is PL103's business).
        let check = obj([
            (
                "if",
                Some(obj([
                    ("type", Some(s("array"))),
                    ("items", Some(obj([("type", Some(s("string")))]))),
                ])),
            ),
            ("then", Some(J::Obj(then))),
        ]);
        out.push(guarded(
            f,
            s("privlink: value checks of gcpServiceAttachmentUris"),
            "gcpServiceAttachmentUris entries, at most 3, unique (where the combination takes it)",
            check,
        ));
    }
    out
}

fn build() -> J {
    let mut root_tags = Vec::new();
    if enabled("PL002") {
        root_tags.push((Some("type"), "PL002"));
    }
    if enabled("PL101") {
        root_tags.push((Some("additionalProperties"), "PL101"));
    }
    if enabled("PL201") {
        root_tags.push((Some("required"), "PL201"));
    }
    let mut props: Vec<(String, J)> = Field::ALL
        .iter()
        .map(|f| (f.key().to_string(), property(*f)))
        .collect();
    if enabled("PL102") {
        for k in READ_ONLY_FIELDS {
            props.push((
                k.to_string(),
                obj([
                    ("$comment", Some(tag(&[(None, "PL102")]))),
                    (
                        "description",
                        Some(s(format!("`{k}` is an output field that Atlas fills in; a create body must not carry it (copied from a GET response?)."))),
                    ),
                    ("readOnly", Some(J::Bool(true))),
                    ("doNotSuggest", Some(J::Bool(true))),
                    ("not", Some(J::Obj(Vec::new()))),
                    (
                        "errorMessage",
                        Some(s(format!("`{k}` is an output field: remove it from the create body"))),
                    ),
                ]),
            ));
        }
    }
    for k in SERVER_POPULATED_FIELDS {
        // A warning in privlink, so accepted here (with any value).
        props.push((
            k.to_string(),
            obj([
                (
                    "$comment",
                    Some(s("privlink: PL102 read-only-field, a warning only: any value is accepted")),
                ),
                (
                    "description",
                    Some(s(format!("`{k}` is populated by Atlas; a create body should not carry it (privlink warns)."))),
                ),
                ("readOnly", Some(J::Bool(true))),
                ("deprecated", Some(J::Bool(true))),
                ("doNotSuggest", Some(J::Bool(true))),
                (
                    "deprecationMessage",
                    Some(s(format!("`{k}` is populated by Atlas: remove it from the create body"))),
                ),
            ]),
        ));
    }

    let mut all_of: Vec<J> = MATRIX.iter().map(row_branch).collect();
    if enabled("PL205") {
        all_of.extend(Provider::ALL.into_iter().filter_map(mismatch_branch));
    }
    all_of.extend(value_checks());

    let mut defs: Vec<(String, J)> = MATRIX.iter().map(|c| (def_name(c), when(c))).collect();
    defs.push((
        "groupId".into(),
        obj([
            (
                "description",
                Some(s("The groupId path parameter (the project id; not a body field): 24 lower-case hex digits (privlink: PL601).")),
            ),
            ("type", Some(s("string"))),
            ("pattern", Some(s("^([a-f0-9]{24})$"))),
        ]),
    ));

    let markdown = format!(
        "The body of MongoDB Atlas's *Create One Private Link Connection* \
         (`POST /api/atlas/v2/groups/{{groupId}}/streams/privateLinkConnections`).\n\n\
         Which fields a body takes depends on `provider` and `vendor`:\n\n{}\n\
         Generated by privlink from its matrix and rule registry. privlink itself checks more \
         (value shapes, regions, consistency across fields): run `privlink check`.",
        matrix_markdown()
    );
    obj([
        ("$schema", Some(s("https://json-schema.org/draft/2020-12/schema"))),
        ("$id", Some(s(SCHEMA_ID))),
        ("$comment", Some(s(format!(
            "Generated by privlink (`privlink schema`, privlink::schema()) from the provider x vendor matrix and the rule registry; do not edit by hand. Each constraint's $comment names the privlink rule it encodes. Root: {}",
            match tag(&root_tags) { J::Str(t) => t, _ => String::new() }
        )))),
        ("title", Some(s("Atlas Stream Processing private link connection (create request body)"))),
        (
            "description",
            Some(s("The body of POST /api/atlas/v2/groups/{groupId}/streams/privateLinkConnections. Which fields it takes depends on provider and vendor.")),
        ),
        ("markdownDescription", Some(s(markdown))),
        ("type", enabled("PL002").then(|| s("object"))),
        ("required", enabled("PL201").then(|| strs(["provider"]))),
        ("properties", Some(J::Obj(props))),
        ("additionalProperties", enabled("PL101").then_some(J::Bool(false))),
        ("allOf", Some(J::Arr(all_of))),
        ("$defs", Some(J::Obj(defs))),
    ])
}
