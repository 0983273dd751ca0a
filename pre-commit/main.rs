//! `privlink-pre-commit`: the binary behind the `privlink` pre-commit hooks. pre-commit builds a
//! `language: rust` hook with `cargo install --path .` at the repository root, so the root
//! manifest carries this small package; it is the `privlink` command line under another name
//! (a second binary named `privlink` in the workspace would collide with the CLI's).

fn main() -> std::process::ExitCode {
    privlink_cli::run()
}
