//! Finding and reading the inputs: files, directories (recursing into `*.json`) and stdin.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to check.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, shown under this name.
    Stdin(String),
}

impl Input {
    /// The name shown in reports (paths relative as given, `/` separators).
    pub(crate) fn display(&self) -> String {
        match self {
            Input::File(p) => p.to_string_lossy().replace('\\', "/"),
            Input::Stdin(name) => name.clone(),
        }
    }

    /// Reads the whole input as bytes.
    pub(crate) fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::File(p) => std::fs::read(p),
            Input::Stdin(_) => {
                let mut buf = Vec::new();
                std::io::stdin().read_to_end(&mut buf)?;
                Ok(buf)
            }
        }
    }
}

/// A path that could not be expanded.
#[derive(Debug)]
pub(crate) struct InputError {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// Expands the command line's paths: `-` is stdin, directories recurse into `*.json` (sorted),
/// files are taken as they are.
pub(crate) fn collect(paths: &[String], stdin_name: &str) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin(stdin_name.to_string()));
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut found, &mut errors);
                found.sort();
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(e) => errors.push(InputError {
                path: p.clone(),
                message: e.to_string(),
            }),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(InputError {
                    path: d.to_string_lossy().into_owned(),
                    message: e.to_string(),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
}
