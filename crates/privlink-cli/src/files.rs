//! Finding the inputs: files, directories (recursing, honouring `.gitignore`), glob patterns and
//! stdin.

use crate::globs;
use std::path::{Path, PathBuf};

/// One input to check.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, shown under this name.
    Stdin(String),
}

/// How an input was found: named on the command line (or by a glob), or found by walking a
/// directory (then only `*.json`, unless an `include` says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Named,
    Walked,
}

/// An input and how it was found.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) input: Input,
    pub(crate) origin: Origin,
}

impl Input {
    /// The name shown in reports (relative as given, `/` separators, no leading `./`).
    pub(crate) fn display(&self) -> String {
        match self {
            Input::File(p) => globs::clean_display(&p.to_string_lossy()),
            Input::Stdin(name) => name.clone(),
        }
    }
}

/// A path that could not be expanded.
#[derive(Debug)]
pub(crate) struct InputError {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// What the command line's paths expand to.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub(crate) candidates: Vec<Candidate>,
    pub(crate) errors: Vec<InputError>,
    /// Glob arguments that matched no file.
    pub(crate) unmatched_globs: Vec<String>,
}

/// Expands the command line's paths: `-` is stdin, directories are walked (honouring
/// `.gitignore`, `.ignore`, skipping hidden entries and `node_modules`), glob patterns are matched
/// against the files below their literal prefix, files are taken as they are.
pub(crate) fn collect(paths: &[String], stdin_name: &str) -> Collected {
    let mut out = Collected::default();
    for p in paths {
        if p == "-" {
            out.candidates.push(Candidate {
                input: Input::Stdin(stdin_name.to_string()),
                origin: Origin::Named,
            });
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, None, &mut out),
            Ok(_) => out.candidates.push(Candidate {
                input: Input::File(path.to_path_buf()),
                origin: Origin::Named,
            }),
            Err(_) if globs::is_glob(p) => {
                let before = out.candidates.len();
                expand_glob(p, &mut out);
                if out.candidates.len() == before {
                    out.unmatched_globs.push(p.clone());
                }
            }
            Err(e) => out.errors.push(InputError {
                path: globs::clean_display(p),
                message: format!("cannot read: {e}"),
            }),
        }
    }
    out
}

fn expand_glob(pattern: &str, out: &mut Collected) {
    let pat = globs::clean_display(pattern);
    // The literal directory prefix to walk from.
    let mut base = PathBuf::new();
    for comp in pat.split('/') {
        if globs::is_glob(comp) {
            break;
        }
        base.push(comp);
    }
    let matcher = match globset::GlobBuilder::new(&pat)
        .literal_separator(true)
        .build()
    {
        Ok(g) => g.compile_matcher(),
        Err(e) => {
            out.errors.push(InputError {
                path: pattern.to_string(),
                message: format!("invalid glob: {}", e.kind()),
            });
            return;
        }
    };
    let root = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    if !root.is_dir() {
        return;
    }
    walk(&root, Some(&matcher), out);
}

fn walk(dir: &Path, glob: Option<&globset::GlobMatcher>, out: &mut Collected) {
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .filter_entry(|e| e.file_name() != "node_modules")
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.errors.push(InputError {
                    path: dir.to_string_lossy().into_owned(),
                    message: e.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.into_path();
        match glob {
            Some(m) => {
                let shown = globs::clean_display(&path.to_string_lossy());
                if m.is_match(&shown) {
                    out.candidates.push(Candidate {
                        input: Input::File(path),
                        origin: Origin::Named,
                    });
                }
            }
            None => out.candidates.push(Candidate {
                input: Input::File(path),
                origin: Origin::Walked,
            }),
        }
    }
}
