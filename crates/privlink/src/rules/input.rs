//! PL0xx — input: the text must be one JSON object within the limits.

use crate::check::Sink;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::registry::declare_rule;
use crate::text::{key_of, pointer_token, span_of};
use jsonc_parser::ast::Value;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::ParseStringErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions};

declare_rule! {
    /// ## What it does
    /// Reports text that is not RFC 8259 JSON, at the exact line and column of the first
    /// problem, and names the usual cause: a trailing comma, a missing comma, an unterminated
    /// string, a comment, single quotes, a byte-order mark, invalid UTF-8.
    ///
    /// ## Why it matters
    /// Atlas answers `400 MALFORMED_JSON` without saying where. MongoDB's own documentation
    /// samples for this endpoint contain such errors, so copy-pasted payloads often carry them.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "vendor": "CONFLUENT", "dnsSubDomain: [ }
    /// ```
    /// The key `"dnsSubDomain` is never closed: the string runs to the end of the line.
    ///
    /// ## Fix
    /// Correct the JSON at the reported position: close the string, remove the trailing comma,
    /// use double quotes, drop comments and the byte-order mark.
    pub(crate) static INVALID_JSON = {
        code: "PL001",
        name: "invalid-json",
        severity: Error,
        summary: "The text is not valid JSON.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a payload whose top-level value is not a JSON object.
    ///
    /// ## Why it matters
    /// The create request takes one object. An array of connections, a bare string or `null`
    /// is rejected by Atlas.
    ///
    /// ## Example
    /// ```json
    /// [{ "provider": "AWS", "vendor": "MSK", "arn": "arn:aws:kafka:..." }]
    /// ```
    ///
    /// ## Fix
    /// Send one object per request; to create several connections, make several calls.
    pub(crate) static NOT_AN_OBJECT = {
        code: "PL002",
        name: "not-an-object",
        severity: Error,
        summary: "The top-level value is not an object.",
        fixable: false,
        schema: true,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in one object, labelling both occurrences.
    ///
    /// ## Why it matters
    /// JSON parsers silently keep one of the two values (usually the last): Atlas and every
    /// tool in between may each see a different payload from the one you reviewed.
    ///
    /// ## Example
    /// ```json
    /// { "provider": "AWS", "region": "us-east-1", "region": "us-west-2" }
    /// ```
    ///
    /// ## Fix
    /// Delete the occurrence you did not mean. privlink offers no automatic fix: which one is
    /// right is ambiguous.
    pub(crate) static DUPLICATE_KEY = {
        code: "PL003",
        name: "duplicate-key",
        severity: Error,
        summary: "A key appears twice in one object.",
        fixable: false,
        schema: false,
    };
}

declare_rule! {
    /// ## What it does
    /// Reports input larger than the size limit (1 MiB by default) or nested deeper than the
    /// depth limit (64 levels). The check runs before any rule and never recurses without bound.
    ///
    /// ## Why it matters
    /// A create body is a few hundred bytes. Anything far larger is not a payload (a log, a
    /// dump, a hostile input) and checking it would only waste time and memory.
    ///
    /// ## Example
    /// A file of 100 MB, or `[[[[...]]]]` nested a thousand levels deep.
    ///
    /// ## Fix
    /// Check the right file. If a real payload is larger, raise the limit with `max_bytes` /
    /// `max_depth` in the options.
    pub(crate) static INPUT_LIMIT = {
        code: "PL004",
        name: "input-limit",
        severity: Error,
        summary: "Input larger than the size limit or nested deeper than the depth limit.",
        fixable: false,
        schema: false,
    };
}

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Parses the text strictly, reporting PL001/PL003/PL004. Returns the root value when the text
/// is JSON within the limits.
pub(crate) fn parse<'a>(text: &'a str, sink: &mut Sink<'_>) -> Option<Value<'a>> {
    let opts = sink.options();
    let (max_bytes, max_depth) = (opts.max_bytes, opts.max_depth);
    if text.len() > max_bytes {
        sink.push(
            Diagnostic::new(
                &INPUT_LIMIT,
                Severity::Error,
                "",
                Some(Span::new(0, 0)),
                format!(
                    "the input is {} bytes, more than the limit of {} bytes",
                    text.len(),
                    max_bytes
                ),
            )
            .help("a create-private-link body is a few hundred bytes: check that this is the right file, or raise the limit"),
        );
        return None;
    }
    if text.starts_with('\u{feff}') {
        sink.push(
            Diagnostic::new(
                &INVALID_JSON,
                Severity::Error,
                "",
                Some(Span::new(0, 3)),
                "the text starts with a byte-order mark (U+FEFF), which JSON does not allow",
            )
            .help("save the file as UTF-8 without BOM"),
        );
        return None;
    }
    if let Some(span) = nul_byte(text) {
        sink.push(
            Diagnostic::new(
                &INVALID_JSON,
                Severity::Error,
                "",
                Some(span),
                "the text contains a NUL byte",
            )
            .help("this looks like a binary file, or a file saved as UTF-16: save it as UTF-8"),
        );
        return None;
    }
    let collect = CollectOptions::default();
    let parsed = match jsonc_parser::parse_to_ast(text, &collect, &strict()) {
        Ok(p) => p,
        Err(e) => {
            let r = e.range();
            let span = Span::new(r.start, r.end.max(r.start));
            if matches!(e.kind(), ParseErrorKind::NestingDepthExceeded) {
                sink.push(depth_finding(span, max_depth));
            } else if let Some(d) = broken_string_before(text, span.offset) {
                // The scanner lets a string run across a line break, so the error surfaces
                // later; the real fault is the string that never closed on its line.
                sink.push(d);
            } else {
                let (message, help) = describe(text, e.kind(), span);
                sink.push(
                    Diagnostic::new(&INVALID_JSON, Severity::Error, "", Some(span), message)
                        .help(help),
                );
            }
            return None;
        }
    };
    let Some(value) = parsed.value else {
        sink.push(
            Diagnostic::new(
                &INVALID_JSON,
                Severity::Error,
                "",
                Some(Span::new(0, text.len())),
                "the input is empty",
            )
            .help("the body is one JSON object, e.g. {\"provider\": \"AWS\", \"vendor\": \"MSK\", \"arn\": \"arn:aws:kafka:...\"}"),
        );
        return None;
    };
    if !walk(text, &value, max_depth, sink) {
        return None;
    }
    if !matches!(value, Value::Object(_)) {
        sink.push(
            Diagnostic::new(
                &NOT_AN_OBJECT,
                Severity::Error,
                "",
                Some(span_of(&value)),
                format!(
                    "the body is {}, not an object",
                    crate::text::type_name(&value)
                ),
            )
            .help("send one JSON object per request, e.g. {\"provider\": \"AWS\", \"vendor\": \"MSK\", ...}; to create several connections, make several calls"),
        );
    }
    Some(value)
}

fn nul_byte(text: &str) -> Option<Span> {
    // `str::find` with one ASCII char is a memchr.
    text.find('\0').map(|i| Span::new(i, i + 1))
}

fn depth_finding(span: Span, max_depth: usize) -> Diagnostic {
    Diagnostic::new(
        &INPUT_LIMIT,
        Severity::Error,
        "",
        Some(span),
        format!("the input is nested deeper than the limit of {max_depth} levels"),
    )
    .help("a create-private-link body is a flat object with a few lists: check that this is the right file")
}

/// Walks the tree without recursion: enforces the depth limit and finds duplicate keys.
fn walk(text: &str, root: &Value<'_>, max_depth: usize, sink: &mut Sink<'_>) -> bool {
    let mut stack: Vec<(&Value<'_>, usize, String)> = vec![(root, 1, String::new())];
    while let Some((v, depth, ptr)) = stack.pop() {
        if let Value::StringLit(s) = v {
            if !raw_string_ok(text, span_of(s), sink) {
                return false;
            }
        }
        let container = matches!(v, Value::Object(_) | Value::Array(_));
        if container && depth > max_depth {
            sink.push(depth_finding(span_of(v), max_depth));
            return false;
        }
        match v {
            Value::Object(o) => {
                // Small objects (every real payload) compare linearly; large ones use a map so
                // that 100k keys stay linear.
                let mut seen: std::collections::HashMap<&str, usize> =
                    std::collections::HashMap::new();
                let large = o.properties.len() > 16;
                for (i, p) in o.properties.iter().enumerate() {
                    if !raw_string_ok(text, span_of(&p.name), sink) {
                        return false;
                    }
                    let key = key_of(p);
                    let earlier = if large {
                        seen.insert(key, i).map(|j| &o.properties[j])
                    } else {
                        o.properties[..i].iter().rev().find(|q| key_of(q) == key)
                    };
                    if let Some(first) = earlier {
                        let pointer = format!("{ptr}/{}", pointer_token(key));
                        sink.push(
                            Diagnostic::new(
                                &DUPLICATE_KEY,
                                Severity::Error,
                                pointer.clone(),
                                Some(span_of(&p.name)),
                                format!("the key `{key}` appears more than once; parsers keep only one of the values"),
                            )
                            .help("delete the occurrence you did not mean (which one Atlas keeps is not defined)")
                            .label(pointer, Some(span_of(&first.name)), "first occurrence"),
                        );
                    }
                    match p.value {
                        Value::Object(_) | Value::Array(_) => stack.push((
                            &p.value,
                            depth + 1,
                            format!("{ptr}/{}", pointer_token(key)),
                        )),
                        Value::StringLit(_) => stack.push((&p.value, depth + 1, String::new())),
                        _ => {}
                    }
                }
            }
            Value::Array(a) => {
                for (i, e) in a.elements.iter().enumerate() {
                    match e {
                        Value::Object(_) | Value::Array(_) => {
                            stack.push((e, depth + 1, format!("{ptr}/{i}")))
                        }
                        Value::StringLit(_) => stack.push((e, depth + 1, String::new())),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    true
}

/// The first string literal before `limit` that contains a raw control character (usually a
/// line break: the closing quote is missing), as a PL001 finding at that string.
fn broken_string_before(text: &str, limit: usize) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start = None;
    while i < bytes.len() && i <= limit {
        let b = bytes[i];
        match start {
            None if b == b'"' => start = Some(i),
            None => {}
            Some(st) => {
                if b == b'\\' {
                    i += 1;
                } else if b == b'"' {
                    start = None;
                } else if b < 0x20 {
                    return Some(control_in_string(text, st, i));
                }
            }
        }
        i += 1;
    }
    None
}

fn control_in_string(text: &str, string_start: usize, at: usize) -> Diagnostic {
    let line_end = text[string_start..at].trim_end_matches(['\r']);
    let shown = crate::text::short(line_end);
    if text.as_bytes()[at] == b'\n' || text.as_bytes()[at] == b'\r' {
        Diagnostic::new(
            &INVALID_JSON,
            Severity::Error,
            "",
            Some(Span::new(string_start, string_start + line_end.len())),
            format!("unterminated string (`{shown}`): the closing `\"` is missing before the end of the line"),
        )
        .help("close the string; a key written as `\"dnsSubDomain: [` (as in MongoDB's examples) needs its closing quote: `\"dnsSubDomain\": [`")
    } else {
        let what = if text.as_bytes()[at] == b'\t' {
            "a tab"
        } else {
            "a control character"
        };
        Diagnostic::new(
            &INVALID_JSON,
            Severity::Error,
            "",
            Some(Span::new(at, at + 1)),
            format!("{what} inside a string: JSON strings cannot contain raw control characters"),
        )
        .help("escape it (\\t, \\u0000) or remove it")
    }
}

/// RFC 8259 forbids raw control characters (U+0000 to U+001F) inside strings.
fn raw_string_ok(text: &str, span: Span, sink: &mut Sink<'_>) -> bool {
    let Some(raw) = text.get(span.offset..span.end()) else {
        return true;
    };
    // A branch-free pass first (it vectorizes); the position only when there is one.
    if raw
        .as_bytes()
        .iter()
        .fold(0u8, |acc, &b| acc | u8::from(b < 0x20))
        == 0
    {
        return true;
    }
    match raw.bytes().position(|b| b < 0x20) {
        None => true,
        Some(i) => {
            sink.push(control_in_string(text, span.offset, span.offset + i));
            false
        }
    }
}

/// PL001 for bytes that are not UTF-8.
pub(crate) fn invalid_utf8(valid_prefix: &str, at: usize, sink: &mut Sink<'_>) {
    sink.push(
        Diagnostic::new(
            &INVALID_JSON,
            Severity::Error,
            "",
            Some(Span::new(at.min(valid_prefix.len()), valid_prefix.len())),
            format!("the text is not valid UTF-8 (invalid byte at offset {at})"),
        )
        .help("JSON text must be UTF-8: re-save the file as UTF-8 (it may be Latin-1 or UTF-16)"),
    );
}

/// Names the cause of a parse error in words a user recognises.
fn describe(text: &str, kind: &ParseErrorKind, span: Span) -> (String, String) {
    use ParseErrorKind as K;
    let tok = text
        .get(span.offset..span.end())
        .map(|t| t.lines().next().unwrap_or("").trim_end())
        .filter(|t| !t.is_empty())
        .map(crate::text::short);
    let near = tok.map(|t| format!(" (`{t}`)")).unwrap_or_default();
    let (m, h): (String, &str) = match kind {
        K::TrailingCommasNotAllowed => (
            "trailing comma: a comma before `}` or `]`".into(),
            "remove the comma after the last member or element",
        ),
        K::ExpectedComma => (
            "missing comma between two members or elements".into(),
            "add a `,` at the end of the previous line",
        ),
        K::CommentsNotAllowed | K::UnterminatedCommentBlock => (
            format!("comments are not allowed in JSON{near}"),
            "remove the comment (JSON has no comments, even though some examples show them)",
        ),
        K::SingleQuotedStringsNotAllowed => (
            format!("single-quoted string{near}: JSON strings use double quotes"),
            "replace the single quotes with double quotes",
        ),
        K::String(ParseStringErrorKind::UnterminatedStringLiteral) => (
            format!("unterminated string{near}: the closing `\"` is missing"),
            "close the string; a key written as `\"dnsSubDomain: [` (as in MongoDB's examples) needs its closing quote: `\"dnsSubDomain\": [`",
        ),
        K::String(s) => (
            format!("invalid string escape: {s}{near}"),
            "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (with paired surrogates)",
        ),
        K::ExpectedColonAfterObjectKey => (
            format!("expected `:` after the key{near}"),
            "write members as \"key\": value; a missing closing quote on the key also causes this",
        ),
        K::ExpectedStringObjectProperty => (
            format!("expected a double-quoted key{near}"),
            "keys must be double-quoted strings, e.g. \"provider\"",
        ),
        K::UnexpectedWord => (
            format!("unexpected word{near}: a bare word is not a JSON value"),
            "quote strings with double quotes; the literals are true, false and null (lower case)",
        ),
        K::NonFiniteNumbersNotAllowed
        | K::HexadecimalNumbersNotAllowed
        | K::UnaryPlusNumbersNotAllowed
        | K::BareDecimalPointNumbersNotAllowed
        | K::ExpectedDigit
        | K::ExpectedDigitFollowingNegativeSign
        | K::ExpectedPlusMinusOrDigitInNumberLiteral => (
            format!("invalid number{near}: {kind}"),
            "write numbers in plain decimal notation; every value in this body is a string anyway",
        ),
        K::UnterminatedObject => (
            "unterminated object: the closing `}` is missing".into(),
            "add the missing `}` (an unterminated string earlier on can also swallow it)",
        ),
        K::UnterminatedArray => (
            "unterminated array: the closing `]` is missing".into(),
            "add the missing `]`",
        ),
        K::MultipleRootJsonValues => (
            format!("more than one JSON value in the text{near}"),
            "the body is exactly one object; remove what follows it",
        ),
        K::ExpectedObjectValue => (
            format!("expected a value after `:`{near}"),
            "give the member a value, or remove it",
        ),
        _ => (
            format!("{kind}{near}"),
            "check the JSON syntax here; the usual causes are a trailing comma, a missing comma or an unterminated string",
        ),
    };
    (m, h.to_string())
}
