//! `privlink.toml`: found by walking up from each checked file (or given with `--config`).
//!
//! ```toml
//! include = ["payloads/**/*.json"]      # globs, relative to this file's directory
//! exclude = ["**/generated/**"]
//!
//! [severity]                            # code or name = error | warning | info | off
//! PL203 = "off"
//! unlisted-region = "error"
//!
//! [per-file-ignores]                    # glob = codes or names (or code prefixes: "PL4")
//! "legacy/*.json" = ["PL203", "region-style"]
//! ```
//!
//! A bad file is an error that points at the offending line (rendered by miette).

use crate::globs::Matcher;
use crate::rules_sel::Selector;
use privlink::Severity;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file name looked for.
pub(crate) const FILE_NAME: &str = "privlink.toml";

/// A loaded configuration.
#[derive(Debug)]
pub(crate) struct Config {
    /// The directory its globs are relative to.
    pub(crate) dir: PathBuf,
    /// `[severity]`, in file order.
    pub(crate) severity: Vec<(&'static str, Option<Severity>)>,
    pub(crate) include: Option<Matcher>,
    pub(crate) exclude: Option<Matcher>,
    /// `[per-file-ignores]`: files matching the glob have these rules off.
    pub(crate) per_file_ignores: Vec<(Matcher, Selector)>,
}

/// A configuration file that cannot be used.
#[derive(Debug)]
pub(crate) struct ConfigError {
    pub(crate) path: String,
    pub(crate) text: String,
    pub(crate) span: Option<Range<usize>>,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid configuration {}: {}", self.path, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Rendering of a [`ConfigError`] with its source line.
#[derive(Debug)]
struct Rendered<'a> {
    err: &'a ConfigError,
    source: miette::NamedSource<String>,
}

impl std::fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.err.fmt(f)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        Some(Box::new("privlink::config"))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.err
            .help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.err
            .span
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.err.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some("here".to_string()), span),
        )))
    }
}

impl ConfigError {
    /// Renders the error (miette graphical, with the offending line).
    pub(crate) fn render(&self, color: bool) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false);
        let r = Rendered {
            err: self,
            source: miette::NamedSource::new(&self.path, self.text.clone()),
        };
        let mut out = String::new();
        if handler.render_report(&mut out, &r).is_err() {
            out = format!("error: {self}\n");
        }
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    include: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default, rename = "per-file-ignores")]
    per_file_ignores: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
}

/// Parses a configuration file's text. `dir` is what its globs are relative to.
pub(crate) fn parse(path: &str, text: &str, dir: PathBuf) -> Result<Config, ConfigError> {
    let err = |span: Option<Range<usize>>, message: String, help: Option<String>| ConfigError {
        path: path.to_string(),
        text: text.to_string(),
        span,
        message,
        help,
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let help = if e.message().contains("unknown field") {
            Some("known keys: include, exclude, [severity], [per-file-ignores]".to_string())
        } else {
            None
        };
        err(e.span(), e.message().trim().to_string(), help)
    })?;
    let mut severity_entries: Vec<_> = raw.severity.into_iter().collect();
    severity_entries.sort_by_key(|(k, _)| k.span().start);
    let mut severity = Vec::new();
    for (key, level) in severity_entries {
        let Some(rule) = privlink::rule(key.get_ref()) else {
            return Err(err(
                Some(key.span()),
                format!("unknown rule `{}`", key.get_ref()),
                Some("use a code (`PL203`) or a name (`non-canonical-case`); `privlink rules` lists them".into()),
            ));
        };
        let sev = match level.get_ref().to_ascii_lowercase().as_str() {
            "off" => None,
            l => match Severity::parse(l) {
                Some(s) => Some(s),
                None => {
                    return Err(err(
                        Some(level.span()),
                        format!("unknown severity `{}`", level.get_ref()),
                        Some("use one of \"error\", \"warning\", \"info\", \"off\"".into()),
                    ))
                }
            },
        };
        severity.push((rule.code, sev));
    }
    let globs =
        |list: Option<Spanned<Vec<Spanned<String>>>>| -> Result<Option<Matcher>, ConfigError> {
            let Some(list) = list else { return Ok(None) };
            let mut pats = Vec::new();
            for p in list.into_inner() {
                Matcher::check(p.get_ref()).map_err(|m| err(Some(p.span()), m, None))?;
                pats.push(p.into_inner());
            }
            Matcher::new(&pats)
                .map(Some)
                .map_err(|m| err(None, m, None))
        };
    let include = globs(raw.include)?;
    let exclude = globs(raw.exclude)?;
    let mut pfi: Vec<_> = raw.per_file_ignores.into_iter().collect();
    pfi.sort_by_key(|(k, _)| k.span().start);
    let mut per_file_ignores = Vec::new();
    for (glob, rules) in pfi {
        Matcher::check(glob.get_ref()).map_err(|m| err(Some(glob.span()), m, None))?;
        let matcher =
            Matcher::new(std::slice::from_ref(glob.get_ref())).map_err(|m| err(None, m, None))?;
        let mut sel = Selector::default();
        for r in rules.into_inner() {
            sel.add(r.get_ref()).map_err(|m| {
                err(
                    Some(r.span()),
                    m,
                    Some("use codes (`PL203`), code prefixes (`PL4`) or names".into()),
                )
            })?;
        }
        per_file_ignores.push((matcher, sel));
    }
    Ok(Config {
        dir,
        severity,
        include,
        exclude,
        per_file_ignores,
    })
}

/// Loads a configuration file from disk.
pub(crate) fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        text: String::new(),
        span: None,
        message: format!("cannot read: {e}"),
        help: None,
    })?;
    let abs = crate::globs::absolute(path);
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&shown, &text, dir)
}

/// Finds the nearest `privlink.toml` above each directory, loading each file once.
#[derive(Debug, Default)]
pub(crate) struct Discovery {
    by_dir: HashMap<PathBuf, Option<Arc<Config>>>,
}

impl Discovery {
    /// The configuration that applies to files in `dir` (absolute, normalised).
    pub(crate) fn for_dir(&mut self, dir: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let mut pending = Vec::new();
        let mut found = None;
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if let Some(c) = self.by_dir.get(d) {
                found = c.clone();
                break;
            }
            pending.push(d.to_path_buf());
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                let cfg = load(&display_path(&candidate))?;
                found = Some(Arc::new(cfg));
                break;
            }
            cur = d.parent();
        }
        for d in pending {
            self.by_dir.insert(d, found.clone());
        }
        Ok(found)
    }
}

/// A path as shown to the user: relative to the working directory when below it.
fn display_path(p: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => p
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or(p.into()),
        Err(_) => p.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_table() {
        let c = parse(
            "privlink.toml",
            "include = [\"a/**\"]\n[severity]\nPL203 = \"off\"\nunlisted-region = \"error\"\n[per-file-ignores]\n\"legacy/*.json\" = [\"PL203\", \"PL4\"]\n",
            PathBuf::from("/x"),
        )
        .unwrap();
        assert_eq!(
            c.severity,
            vec![("PL203", None), ("PL409", Some(Severity::Error))]
        );
        assert!(c.include.unwrap().is_match("a/b/c.json"));
        assert_eq!(c.per_file_ignores.len(), 1);
        assert!(c.per_file_ignores[0].0.is_match("legacy/x.json"));
    }

    #[test]
    fn points_at_the_bad_line() {
        let text = "[severity]\nPL203 = \"off\"\nPL999 = \"error\"\n";
        let e = parse("privlink.toml", text, PathBuf::new()).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "PL999");
        let text = "[severity]\nPL203 = \"loud\"\n";
        let e = parse("privlink.toml", text, PathBuf::new()).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "\"loud\"");
        let text = "severity = 3\n";
        assert!(parse("privlink.toml", text, PathBuf::new())
            .unwrap_err()
            .span
            .is_some());
        let text = "[per-file-ignores]\n\"x\" = [\"nope\"]\n";
        let e = parse("privlink.toml", text, PathBuf::new()).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "\"nope\"");
    }
}
