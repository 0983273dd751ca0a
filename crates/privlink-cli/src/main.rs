//! `privlink`: lint MongoDB Atlas private link connection payloads.

mod app;
mod config;
mod files;
mod fixing;
mod globs;
mod output;
mod rules_sel;

use std::process::ExitCode;

fn main() -> ExitCode {
    app::run()
}
