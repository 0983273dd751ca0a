//! `privlink`: lint MongoDB Atlas private link connection payloads.

mod app;
mod files;
mod output;

use std::process::ExitCode;

fn main() -> ExitCode {
    app::run()
}
