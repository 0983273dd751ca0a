//! The engine: parse once, build the body view, run every rule family, place the findings.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lines::positions;
use crate::matrix::{self, Cell, Combination};
use crate::model::{Field, Provider, Vendor};
use crate::registry;
use crate::rules;
use crate::text::{key_of, span_of};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use serde::Serialize;
use std::fmt;

/// Default size limit (PL004): 1 MiB.
pub const DEFAULT_MAX_BYTES: usize = 1024 * 1024;
/// Default nesting limit (PL004): 64 levels.
pub const DEFAULT_MAX_DEPTH: usize = 64;

/// How to run the rules: per-rule severity overrides and input limits.
#[derive(Debug, Clone)]
pub struct Options {
    overrides: Vec<(&'static str, Option<Severity>)>,
    /// Largest input accepted, in bytes (PL004).
    pub max_bytes: usize,
    /// Deepest nesting accepted (PL004).
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            overrides: Vec::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// A rule code or name that the registry does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule `{}` (see `privlink rules`)", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl Options {
    /// Sets the severity of every finding of a rule (`Some`) or switches the rule off (`None`).
    /// `rule` is a code (`PL203`) or a name (`non-canonical-case`).
    pub fn set_severity(
        &mut self,
        rule: &str,
        severity: Option<Severity>,
    ) -> Result<&mut Self, UnknownRule> {
        let meta = registry::rule(rule).ok_or_else(|| UnknownRule(rule.to_string()))?;
        self.overrides.retain(|(c, _)| *c != meta.code);
        self.overrides.push((meta.code, severity));
        Ok(self)
    }

    /// Switches a rule off.
    pub fn disable(&mut self, rule: &str) -> Result<&mut Self, UnknownRule> {
        self.set_severity(rule, None)
    }

    /// The override for a rule: `None` = no override, `Some(None)` = off.
    pub fn severity_override(&self, code: &str) -> Option<Option<Severity>> {
        self.overrides
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, s)| *s)
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Findings at `error`.
    pub errors: usize,
    /// Findings at `warning`.
    pub warnings: usize,
    /// Findings at `info`.
    pub infos: usize,
}

/// The result of a check: every finding, sorted by position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    valid: bool,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn new(diagnostics: Vec<Diagnostic>) -> Report {
        Report {
            valid: !diagnostics.iter().any(|d| d.severity == Severity::Error),
            diagnostics,
        }
    }

    /// True when no finding is an error.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// Every finding, in order of position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Takes the findings.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// The same findings without positions or fixes (see [`Diagnostic::strip_positions`]).
    pub fn without_positions(mut self) -> Report {
        self.diagnostics
            .iter_mut()
            .for_each(Diagnostic::strip_positions);
        self
    }

    /// Counts by severity.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for d in &self.diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }

    /// The most severe finding's severity.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Appends findings (the request-level ones) and re-sorts.
    pub(crate) fn extend(&mut self, more: Vec<Diagnostic>) {
        self.diagnostics.extend(more);
        self.valid = !self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    }
}

/// Collects findings, applying the caller's severity overrides.
#[derive(Debug)]
pub(crate) struct Sink<'o> {
    opts: &'o Options,
    pub(crate) diags: Vec<Diagnostic>,
}

impl<'o> Sink<'o> {
    pub(crate) fn new(opts: &'o Options) -> Sink<'o> {
        Sink {
            opts,
            diags: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, mut d: Diagnostic) {
        match self.opts.severity_override(d.code) {
            Some(None) => {}
            Some(Some(s)) => {
                d.severity = s;
                self.diags.push(d);
            }
            None => self.diags.push(d),
        }
    }

    pub(crate) fn options(&self) -> &Options {
        self.opts
    }
}

/// How the provider field resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved<T> {
    /// Absent, empty, or (for suppressed typos) treated as absent.
    Missing,
    /// Present but not a known value, or of the wrong type.
    Invalid,
    /// A known value (compared case-insensitively).
    Known(T),
}

/// The top-level object, with every known field looked up once.
#[derive(Debug)]
pub(crate) struct Body<'a> {
    pub(crate) text: &'a str,
    pub(crate) root: &'a Object<'a>,
    /// Index into `root.properties` of the (last) member for each [`Field`].
    members: [Option<usize>; 10],
    /// Fields present under their own key *and* under a misspelt one: removing the real member
    /// would let the misspelt one stand in, so removal fixes are not offered for them.
    shadowed: [bool; 10],
    /// Fields present under their own key.
    spelt: [bool; 10],
    /// Each field's value, classified once.
    values: [FieldValue<'a>; 10],
    /// Strings of this body (address, length) already found to be plain host names: several
    /// rules look at `dnsDomain` and each `dnsSubDomain` entry, and the scan is done once.
    plain_hosts: [std::cell::Cell<(usize, usize)>; 8],
    pub(crate) provider: Resolved<Provider>,
    pub(crate) vendor: Resolved<Vendor>,
    /// The matrix row, when provider and vendor resolve to a combination the provider offers.
    pub(crate) combination: Option<&'static Combination>,
}

/// A field's value classified once for every rule.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FieldValue<'a> {
    Absent,
    /// `null` or `""`.
    Empty,
    /// Wrong JSON type (PL103).
    WrongType,
    Str(&'a str, Span),
    List(&'a jsonc_parser::ast::Array<'a>),
}

impl<'a> Body<'a> {
    pub(crate) fn new(text: &'a str, root: &'a Object<'a>) -> Body<'a> {
        let mut members = [None; 10];
        for (i, p) in root.properties.iter().enumerate() {
            if let Some(f) = Field::from_key(key_of(p)) {
                members[f.index()] = Some(i);
            }
        }
        // Which fields are present under their own key (before misspelt keys stand in).
        let spelt = members.map(|m| m.is_some());
        let mut shadowed = [false; 10];
        // A misspelt key whose one suggestion is an absent field stands in for that field
        // (PL101 reports the key; every other rule sees the value), so renaming it (`--fix`)
        // reveals no new finding.
        for (i, p) in root.properties.iter().enumerate() {
            let key = key_of(p);
            if Field::from_key(key).is_none() {
                if let crate::suggest::KeySuggestion::Field(f) = crate::suggest::suggest_key(key) {
                    if !spelt[f.index()] {
                        // Two misspellings of one absent field: the last stands in, and neither
                        // may be removed or renamed by a fix (the other would then take over,
                        // or two members would get the same key).
                        if members[f.index()].is_some() {
                            shadowed[f.index()] = true;
                        }
                        members[f.index()] = Some(i);
                    } else {
                        shadowed[f.index()] = true;
                    }
                }
            }
        }
        let mut body = Body {
            text,
            root,
            members,
            shadowed,
            spelt,
            values: [FieldValue::Absent; 10],
            plain_hosts: Default::default(),
            provider: Resolved::Missing,
            vendor: Resolved::Missing,
            combination: None,
        };
        for f in Field::ALL {
            body.values[f.index()] = body.classify(f);
        }
        body.provider = match body.value(Field::Provider) {
            FieldValue::Absent | FieldValue::Empty => Resolved::Missing,
            FieldValue::Str(s, _) => {
                Provider::parse(s.trim()).map_or(Resolved::Invalid, Resolved::Known)
            }
            _ => Resolved::Invalid,
        };
        body.vendor = match body.value(Field::Vendor) {
            FieldValue::Absent | FieldValue::Empty => Resolved::Missing,
            FieldValue::Str(s, _) => {
                Vendor::parse(s.trim()).map_or(Resolved::Invalid, Resolved::Known)
            }
            _ => Resolved::Invalid,
        };
        body.combination = match (body.provider, body.vendor) {
            (Resolved::Known(p), Resolved::Known(v)) => matrix::combination(p, v),
            (Resolved::Known(p), Resolved::Missing) => matrix::combination(p, Vendor::Generic),
            _ => None,
        };
        body
    }

    /// The member for a field.
    pub(crate) fn member(&self, f: Field) -> Option<(usize, &'a ObjectProp<'a>)> {
        self.members[f.index()].map(|i| (i, &self.root.properties[i]))
    }

    /// Whether a misspelt key may be renamed to the field's key: the field is not present under
    /// its own key, and no other misspelt key suggests it.
    pub(crate) fn rename_ok(&self, f: Field) -> bool {
        !self.spelt[f.index()] && !self.shadowed[f.index()]
    }

    /// The edits that remove `field`'s member, or none when a misspelt key would then stand in
    /// for it (the fix would reveal a finding it did not show).
    pub(crate) fn removal(&self, f: Field) -> Vec<crate::diagnostic::Edit> {
        match self.members[f.index()] {
            Some(i) if !self.shadowed[f.index()] => crate::text::remove_member(self.root, i),
            _ => Vec::new(),
        }
    }

    /// The JSON pointer of a field as written in this body (a misspelt key standing in for the
    /// field keeps its own spelling).
    pub(crate) fn ptr(&self, f: Field) -> String {
        match self.member(f) {
            Some((_, p)) if key_of(p) != f.key() => {
                format!("/{}", crate::text::pointer_token(key_of(p)))
            }
            _ => f.pointer().to_string(),
        }
    }

    /// What is wrong with `s` as a host name ([`crate::shapes::host_problem`]), remembering the
    /// strings of this body that are plain host names.
    pub(crate) fn host_problem(&self, s: &str) -> Option<crate::shapes::HostProblem> {
        let key = (s.as_ptr() as usize, s.len());
        if self.plain_hosts.iter().any(|c| c.get() == key) {
            return None;
        }
        let problem = crate::shapes::host_problem(s);
        if problem.is_none() {
            if let Some(free) = self.plain_hosts.iter().find(|c| c.get() == (0, 0)) {
                free.set(key);
            }
        }
        problem
    }

    /// The JSON pointer of entry `i` of a list field.
    pub(crate) fn item_ptr(&self, f: Field, i: usize) -> String {
        use std::fmt::Write as _;
        let mut s = self.ptr(f);
        let _ = write!(s, "/{i}");
        s
    }

    /// The field's value, classified.
    pub(crate) fn value(&self, f: Field) -> FieldValue<'a> {
        self.values[f.index()]
    }

    fn classify(&self, f: Field) -> FieldValue<'a> {
        let Some((_, p)) = self.member(f) else {
            return FieldValue::Absent;
        };
        match (&p.value, f.field_type()) {
            (Value::NullKeyword(_), _) => FieldValue::Empty,
            (Value::StringLit(s), crate::model::FieldType::String) => {
                let v = s.value.trim();
                if v.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::Str(v, span_of(s))
                }
            }
            (Value::StringLit(s), crate::model::FieldType::StringList)
                if s.value.trim().is_empty() =>
            {
                FieldValue::Empty
            }
            (Value::Array(a), crate::model::FieldType::StringList) => {
                if a.elements.iter().all(|e| matches!(e, Value::StringLit(_))) {
                    FieldValue::List(a)
                } else {
                    FieldValue::WrongType
                }
            }
            _ => FieldValue::WrongType,
        }
    }

    /// A non-empty string value.
    pub(crate) fn str(&self, f: Field) -> Option<(&'a str, Span)> {
        match self.value(f) {
            FieldValue::Str(s, sp) => Some((s, sp)),
            _ => None,
        }
    }

    /// A list of strings.
    pub(crate) fn list(&self, f: Field) -> Option<&'a jsonc_parser::ast::Array<'a>> {
        match self.value(f) {
            FieldValue::List(a) => Some(a),
            _ => None,
        }
    }

    /// The span of the value of a field, or of the enclosing object when absent.
    pub(crate) fn span(&self, f: Field) -> Span {
        match self.member(f) {
            Some((_, p)) => span_of(&p.value),
            None => span_of(self.root),
        }
    }

    /// The matrix cell for a field, when the combination is known.
    pub(crate) fn cell(&self, f: Field) -> Option<Cell> {
        self.combination.map(|c| c.cell(f))
    }

    /// Whether the combination requires the field (false when the combination is unknown).
    pub(crate) fn required(&self, f: Field) -> bool {
        self.cell(f).is_some_and(Cell::is_required)
    }

    /// Whether value checks (PL4xx, PL5xx) apply to the field: the combination accepts it, or the
    /// combination is unknown.
    pub(crate) fn checks_values(&self, f: Field) -> bool {
        match self.cell(f) {
            Some(c) => c.is_accepted(),
            None => true,
        }
    }

    /// The provider, when known.
    pub(crate) fn provider(&self) -> Option<Provider> {
        match self.provider {
            Resolved::Known(p) => Some(p),
            _ => None,
        }
    }
}

/// Checks a payload with the default options.
pub fn check(text: &str) -> Report {
    check_with(text, &Options::default())
}

/// Checks a payload.
pub fn check_with(text: &str, opts: &Options) -> Report {
    let mut sink = Sink::new(opts);
    if let Some(Value::Object(root)) = rules::input::parse(text, &mut sink).as_ref() {
        let body = Body::new(text, root);
        rules::run_body(&body, &mut sink);
    }
    finish(text, sink.diags)
}

/// Checks raw bytes: invalid UTF-8 is a PL001 finding at the first bad byte.
pub fn check_bytes(bytes: &[u8], opts: &Options) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_with(text, opts),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let mut sink = Sink::new(opts);
            rules::input::invalid_utf8(text, e.valid_up_to(), &mut sink);
            finish(text, sink.diags)
        }
    }
}

/// Checks an already-parsed value (no spans in the findings, no fixes).
pub fn check_value(value: &serde_json::Value) -> Report {
    check_value_with(value, &Options::default())
}

/// Checks an already-parsed value with options.
pub fn check_value_with(value: &serde_json::Value, opts: &Options) -> Report {
    let text = serde_json::to_string(value).unwrap_or_default();
    check_with(&text, opts).without_positions()
}

/// Sorts the findings and fills in line/column positions.
pub(crate) fn finish(text: &str, mut diags: Vec<Diagnostic>) -> Report {
    if diags.is_empty() {
        return Report::new(diags);
    }
    diags.sort_by(|a, b| {
        let ka = a.span.map(|s| s.offset);
        let kb = b.span.map(|s| s.offset);
        ka.cmp(&kb)
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.pointer.cmp(&b.pointer))
    });
    let mut offsets = Vec::new();
    for d in &diags {
        for s in d
            .span
            .iter()
            .chain(d.labels.iter().filter_map(|l| l.span.as_ref()))
        {
            offsets.push(s.offset);
            offsets.push(s.end());
        }
    }
    let mut pos = positions(text, &offsets).into_iter();
    for d in &mut diags {
        if d.span.is_some() {
            d.start = pos.next();
            d.end = pos.next();
        }
        for l in &mut d.labels {
            if l.span.is_some() {
                l.start = pos.next();
                l.end = pos.next();
            }
        }
    }
    Report::new(diags)
}
