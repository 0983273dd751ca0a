//! The payload files the test suites share (included with `#[path]` by the core's and the CLI's
//! tests, so that every suite walks the same files the same way).

use std::path::{Path, PathBuf};

/// Every `*.json` file under `dirs` (relative to the repository root `root`), recursively,
/// sorted. Each directory must exist: a suite that silently found no files could not fail.
pub(crate) fn json_files(root: &Path, dirs: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in dirs {
        let top = root.join(dir);
        assert!(top.is_dir(), "{} is missing", top.display());
        let mut stack = vec![top];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}
