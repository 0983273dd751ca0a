//! Command-line parsing and the `check` driver.

use crate::files::{collect, Input};
use crate::output::{self, FileResult};
use clap::{Parser, Subcommand, ValueEnum};
use privlink::{Options, Request, Severity};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "privlink",
    version,
    about = "Lint MongoDB Atlas Stream Processing private link connection payloads before Atlas sees them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check payload files, directories (recursing into *.json) or stdin (`-`).
    Check(CheckArgs),
    /// List every rule: code, name, default severity, summary.
    Rules,
    /// Print a rule's documentation (`privlink explain PL301`).
    Explain {
        /// Rule code or name.
        rule: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files, directories or `-` for stdin.
    #[arg(default_value = "-")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Name shown for stdin.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// Set a rule's severity: CODE=error|warning|info|off (repeatable).
    #[arg(long, value_name = "CODE=LEVEL")]
    severity: Vec<String>,
    /// The groupId path parameter to pre-flight (PL601).
    #[arg(long)]
    group_id: Option<String>,
    /// A query parameter to pre-flight, NAME=VALUE (PL602, repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    query: Vec<String>,
    /// The Accept header to pre-flight (PL603).
    #[arg(long)]
    accept: Option<String>,
}

pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => {
            let mut out = String::new();
            for r in privlink::rules() {
                out.push_str(&format!(
                    "{}  {:<32} {:<8} {}\n",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary
                ));
            }
            emit(&out);
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match privlink::rule(&rule) {
            Some(r) => {
                emit(&format!(
                    "# {} ({}) — {}\n\nDefault severity: {}\n\n{}",
                    r.code, r.name, r.summary, r.severity, r.docs
                ));
                ExitCode::SUCCESS
            }
            None => {
                eprint_line(&format!(
                    "error: unknown rule `{rule}` (see `privlink rules`)"
                ));
                ExitCode::from(2)
            }
        },
    }
}

fn emit(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn eprint_line(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{s}");
}

fn options(args: &CheckArgs) -> Result<Options, String> {
    let mut opts = Options::default();
    for s in &args.severity {
        let (code, level) = s
            .split_once('=')
            .ok_or_else(|| format!("--severity expects CODE=LEVEL, got `{s}`"))?;
        let sev =
            match level.to_ascii_lowercase().as_str() {
                "off" => None,
                l => Some(Severity::parse(l).ok_or_else(|| {
                    format!("unknown level `{level}` (error, warning, info, off)")
                })?),
            };
        opts.set_severity(code, sev).map_err(|e| e.to_string())?;
    }
    Ok(opts)
}

fn check(args: CheckArgs) -> ExitCode {
    let opts = match options(&args) {
        Ok(o) => o,
        Err(e) => {
            eprint_line(&format!("error: {e}"));
            return ExitCode::from(2);
        }
    };
    let mut query = Vec::new();
    for q in &args.query {
        match q.split_once('=') {
            Some((k, v)) => query.push((k.to_string(), v.to_string())),
            None => query.push((q.clone(), String::new())),
        }
    }
    let preflight = args.group_id.is_some() || !query.is_empty() || args.accept.is_some();
    let (inputs, input_errors) = collect(&args.paths, &args.stdin_filename);
    let mut results: Vec<FileResult> = input_errors
        .iter()
        .map(|e| FileResult {
            path: e.path.clone(),
            text: String::new(),
            outcome: Err(e.message.clone()),
        })
        .collect();
    for input in &inputs {
        results.push(check_one(
            input,
            &opts,
            preflight.then_some((&args.group_id, &query, &args.accept)),
        ));
    }
    results.sort_by(|a, b| a.path.cmp(&b.path));

    let rendered = match args.format {
        Format::Json => output::json::render(&results),
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            output::human::render(&results, color, 100)
        }
    };
    emit(&rendered);

    let io_error = results.iter().any(|r| r.outcome.is_err());
    let has_error = results
        .iter()
        .any(|r| matches!(&r.outcome, Ok(rep) if !rep.is_valid()));
    if args.format == Format::Human {
        let (mut e, mut w, mut i) = (0, 0, 0);
        for r in &results {
            if let Ok(rep) = &r.outcome {
                let c = rep.counts();
                e += c.errors;
                w += c.warnings;
                i += c.infos;
            }
        }
        eprint_line(&format!(
            "{} in {} {}",
            summary(e, w, i),
            results.len(),
            plural(results.len(), "file", "files")
        ));
    }
    if io_error {
        ExitCode::from(2)
    } else if has_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn summary(e: usize, w: usize, i: usize) -> String {
    if e + w + i == 0 {
        return "no findings".to_string();
    }
    format!(
        "{e} {}, {w} {}, {i} {}",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings"),
        plural(i, "info", "infos")
    )
}

type Preflight<'a> = (
    &'a Option<String>,
    &'a Vec<(String, String)>,
    &'a Option<String>,
);

fn check_one(input: &Input, opts: &Options, preflight: Option<Preflight<'_>>) -> FileResult {
    let path = input.display();
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => {
            return FileResult {
                path,
                text: String::new(),
                outcome: Err(format!("cannot read: {e}")),
            }
        }
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let report = match (preflight, std::str::from_utf8(&bytes)) {
        (Some((g, q, a)), Ok(body)) => privlink::check_request_with(
            &Request {
                group_id: g.clone(),
                query: q.clone(),
                accept: a.clone(),
                body: body.to_string(),
            },
            opts,
        ),
        _ => privlink::check_bytes(&bytes, opts),
    };
    FileResult {
        path,
        text,
        outcome: Ok(report),
    }
}
