//! Small helpers over the span-carrying parse tree (jsonc-parser's AST in strict mode).

use crate::diagnostic::{Edit, Span};
use jsonc_parser::ast::{Array, Object, ObjectProp, Value};
use jsonc_parser::common::Ranged;

pub(crate) fn span_of(node: &impl Ranged) -> Span {
    let r = node.range();
    Span::new(r.start, r.end)
}

/// The JSON type name of a value, for messages.
pub(crate) fn type_name(v: &Value<'_>) -> &'static str {
    match v {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

/// Escapes a pointer token (RFC 6901).
pub(crate) fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Shortens a value for a message (at most `max` characters, with an ellipsis).
pub(crate) fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX - 1).collect();
        out.push('…');
        out
    }
}

/// When a string literal's source text is exactly `"` + value + `"` (no escapes), the byte
/// offset of its content; fixes inside strings are only offered then.
pub(crate) fn plain_content_start(text: &str, lit_span: Span, value: &str) -> Option<usize> {
    let raw = text.get(lit_span.offset..lit_span.end())?;
    (raw.len() == value.len() + 2 && raw.starts_with('"') && &raw[1..raw.len() - 1] == value)
        .then_some(lit_span.offset + 1)
}

/// Replaces the whole content of a plain string literal.
pub(crate) fn replace_content(
    text: &str,
    lit_span: Span,
    value: &str,
    new: &str,
) -> Option<Vec<Edit>> {
    let start = plain_content_start(text, lit_span, value)?;
    Some(vec![Edit {
        offset: start,
        length: value.len(),
        replacement: new.to_string(),
    }])
}

/// An edit that removes member `index` of `obj` together with one adjoining comma.
pub(crate) fn remove_member(obj: &Object<'_>, index: usize) -> Vec<Edit> {
    let spans: Vec<Span> = obj.properties.iter().map(span_of).collect();
    remove_item(&spans, index)
}

/// An edit that removes element `index` of `arr` together with one adjoining comma.
pub(crate) fn remove_element(arr: &Array<'_>, index: usize) -> Vec<Edit> {
    let spans: Vec<Span> = arr.elements.iter().map(span_of).collect();
    remove_item(&spans, index)
}

fn remove_item(items: &[Span], index: usize) -> Vec<Edit> {
    let Some(item) = items.get(index) else {
        return Vec::new();
    };
    let (start, end) = if let Some(next) = items.get(index + 1) {
        (item.offset, next.offset)
    } else if index > 0 {
        (items[index - 1].end(), item.end())
    } else {
        (item.offset, item.end())
    };
    vec![Edit {
        offset: start,
        length: end - start,
        replacement: String::new(),
    }]
}

/// An edit that inserts `"key": "value"` after member `after` of `obj` (or as the only member),
/// following the object's layout.
pub(crate) fn insert_member(
    text: &str,
    obj: &Object<'_>,
    after: Option<usize>,
    member: &str,
) -> Vec<Edit> {
    let props = &obj.properties;
    let Some(first) = props.first() else {
        let open = span_of(obj).offset + 1;
        return vec![Edit {
            offset: open,
            length: 0,
            replacement: member.to_string(),
        }];
    };
    let gap = &text[span_of(obj).offset + 1..span_of(first).offset];
    let sep = match gap.rfind('\n') {
        Some(i) => format!(",\n{}", &gap[i + 1..]),
        None => ", ".to_string(),
    };
    let anchor = after.unwrap_or(props.len() - 1).min(props.len() - 1);
    vec![Edit {
        offset: span_of(&props[anchor]).end(),
        length: 0,
        replacement: format!("{sep}{member}"),
    }]
}

/// The key text of a property.
pub(crate) fn key_of<'t>(p: &'t ObjectProp<'_>) -> &'t str {
    p.name.as_str()
}
