//! Glob matching for `--include`/`--exclude`, the configuration and glob arguments, and path
//! helpers.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Component, Path, PathBuf};

/// A set of globs, matched against a `/`-separated relative path. A pattern without `/` also
/// matches the file name alone (as in `.gitignore`): `*.json`, `draft.json`.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    full: GlobSet,
    name: GlobSet,
}

fn build(pat: &str, literal_separator: bool) -> Result<globset::Glob, String> {
    GlobBuilder::new(pat)
        .literal_separator(literal_separator)
        .backslash_escape(true)
        .build()
        .map_err(|e| format!("invalid glob `{pat}`: {}", e.kind()))
}

impl Matcher {
    /// Validates one pattern.
    pub(crate) fn check(pat: &str) -> Result<(), String> {
        build(pat.trim_start_matches("./"), true).map(|_| ())
    }

    /// Compiles the patterns.
    pub(crate) fn new(pats: &[String]) -> Result<Matcher, String> {
        let mut full = GlobSetBuilder::new();
        let mut name = GlobSetBuilder::new();
        for p in pats {
            let p = p.trim_start_matches("./");
            let p = p
                .strip_suffix('/')
                .map(|d| format!("{d}/**"))
                .unwrap_or(p.to_string());
            full.add(build(&p, true)?);
            if !p.contains('/') {
                name.add(build(&p, true)?);
            }
        }
        Ok(Matcher {
            full: full.build().map_err(|e| e.to_string())?,
            name: name.build().map_err(|e| e.to_string())?,
        })
    }

    /// Whether a relative path (`/`-separated) matches.
    pub(crate) fn is_match(&self, rel: &str) -> bool {
        if self.full.is_match(rel) {
            return true;
        }
        let file = rel.rsplit('/').next().unwrap_or(rel);
        self.name.is_match(file)
    }
}

/// Whether a command-line path is a glob pattern.
pub(crate) fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// The absolute, lexically normalised form of a path (no symlink resolution).
pub(crate) fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    normalize(&joined)
}

/// Removes `.` and resolves `..` lexically.
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `base`, `/`-separated, when it is below `base`.
pub(crate) fn relative_to(path: &Path, base: &Path) -> Option<String> {
    path.strip_prefix(base)
        .ok()
        .map(|r| r.to_string_lossy().replace('\\', "/"))
}

/// A shown path without a leading `./`.
pub(crate) fn clean_display(s: &str) -> String {
    let mut s = s.replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.to_string();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_gitignore() {
        let m = Matcher::new(&["*.json".into(), "legacy/**".into(), "gen/".into()]).unwrap();
        assert!(m.is_match("a/b.json"));
        assert!(m.is_match("legacy/x/y.txt"));
        assert!(m.is_match("gen/z.txt"));
        assert!(!m.is_match("a/b.txt"));
        let m = Matcher::new(&["payloads/*.json".into()]).unwrap();
        assert!(m.is_match("payloads/a.json"));
        assert!(!m.is_match("payloads/x/a.json"));
    }
}
