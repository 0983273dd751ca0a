//! The `privlink` command line as a library, so that the `privlink` binary and the pre-commit
//! hook's binary (the repository root's package, which `pre-commit` builds with
//! `cargo install --path .`) share one implementation. Not a stable API: programs should use
//! the `privlink` crate, or the CLI's `--format json`.

mod app;
mod config;
mod files;
mod fixing;
mod globs;
mod output;
mod rules_sel;

/// Runs the command line with the process's arguments and returns its exit code.
pub fn run() -> std::process::ExitCode {
    app::run()
}
