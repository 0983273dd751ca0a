//! `privlink`: lint MongoDB Atlas private link connection payloads.

fn main() -> std::process::ExitCode {
    privlink_cli::run()
}
