//! Command-line parsing and the `check` driver.

use crate::config::{self, Config, Discovery};
use crate::files::{collect, Candidate, Input, Origin};
use crate::fixing::{self, FixOutcome};
use crate::globs::{self, Matcher};
use crate::output::{self, FileResult, Totals};
use crate::rules_sel::Selector;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use privlink::{Options, Report, Request, Severity};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
    /// Check payload files, directories (recursing into *.json), globs or stdin (`-`).
    Check(Box<CheckArgs>),
    /// List every rule: code, name, default severity, summary.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print a rule's documentation (`privlink explain PL301`).
    Explain {
        /// Rule code or name.
        rule: String,
    },
    /// Print a shell completion script (`privlink completions bash > /etc/bash_completion.d/privlink`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of the request body (what a schema can express of the rules).
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Rendered diagnostics with the source snippet (miette).
    Human,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// The versioned JSON report.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// Atlas's own 400 answer, one JSON object per failing file.
    AtlasError,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Level {
    Error,
    Warning,
    Info,
}

impl Level {
    fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files, directories, glob patterns (quoted) or `-` for stdin [default: `.`, like ruff].
    #[arg(default_value = ".")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to colour the human output (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Name shown for stdin (also used to find the configuration and per-file-ignores).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Fail (exit 2) when a glob argument matches no file.
    #[arg(long)]
    fail_on_unmatched_globs: bool,
    /// Only check files matching these globs (repeatable, comma-separated).
    #[arg(long, value_name = "GLOB", value_delimiter = ',')]
    include: Vec<String>,
    /// Skip files matching these globs (repeatable, comma-separated).
    #[arg(long, value_name = "GLOB", value_delimiter = ',')]
    exclude: Vec<String>,
    /// Use this configuration file instead of looking for privlink.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every privlink.toml.
    #[arg(long)]
    no_config: bool,
    /// Exit 1 when a finding at or above this level exists.
    #[arg(long, value_enum, default_value_t = Level::Error)]
    fail_on: Level,
    /// Exit 0 even when findings exist (2 still means a usage or I/O error).
    #[arg(long)]
    exit_zero: bool,
    /// Print only the findings (no summary, no notes).
    #[arg(short, long)]
    quiet: bool,
    /// Only run these rules: codes, code prefixes (`PL4`) or names (comma-separated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules: codes, code prefixes or names (comma-separated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Set a rule's severity: CODE=error|warning|info|off (repeatable).
    #[arg(long, value_name = "CODE=LEVEL")]
    severity: Vec<String>,
    /// Apply the safe fixes, writing each file atomically; then report what remains.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the fixes as a unified diff; write nothing.
    #[arg(long)]
    diff: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
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
        Command::Check(args) => check(&args),
        Command::Rules { format } => {
            let out = match format {
                RulesFormat::Human => {
                    let mut out = String::new();
                    for r in privlink::rules() {
                        out.push_str(&format!(
                            "{}  {:<32} {:<8} {}{}\n",
                            r.code,
                            r.name,
                            r.severity.as_str(),
                            r.summary,
                            if r.fixable { " [fix]" } else { "" }
                        ));
                    }
                    out
                }
                RulesFormat::Json => {
                    let mut s =
                        serde_json::to_string_pretty(privlink::rules()).expect("rules serialize");
                    s.push('\n');
                    s
                }
            };
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
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "privlink", &mut buf);
            emit(&String::from_utf8_lossy(&buf));
            ExitCode::SUCCESS
        }
        Command::Schema => {
            let mut s =
                serde_json::to_string_pretty(&privlink::schema()).expect("schema serializes");
            s.push('\n');
            emit(&s);
            ExitCode::SUCCESS
        }
    }
}

fn emit(s: &str) {
    write_to(&mut std::io::stdout().lock(), s);
}

fn write_to(w: &mut dyn Write, s: &str) {
    // A closed pipe (`privlink check | head`) is not an error worth reporting.
    let _ = w.write_all(s.as_bytes());
    let _ = w.flush();
}

fn eprint(s: &str) {
    write_to(&mut std::io::stderr().lock(), s);
}

fn eprint_line(s: &str) {
    eprint(&format!("{s}\n"));
}

/// Everything that decides how one file is checked, except the configuration.
#[derive(Debug)]
struct Settings {
    cli_severity: Vec<(&'static str, Option<Severity>)>,
    select: Option<Selector>,
    ignore: Selector,
    include: Option<Matcher>,
    exclude: Option<Matcher>,
    preflight: Option<Request>,
}

fn parse_severity(s: &str) -> Result<(&'static str, Option<Severity>), String> {
    let (code, level) = s
        .split_once('=')
        .ok_or_else(|| format!("--severity expects CODE=LEVEL, got `{s}`"))?;
    let rule = privlink::rule(code.trim())
        .ok_or_else(|| format!("unknown rule `{code}` (see `privlink rules`)"))?;
    let sev = match level.trim().to_ascii_lowercase().as_str() {
        "off" => None,
        l => Some(
            Severity::parse(l)
                .ok_or_else(|| format!("unknown level `{level}` (error, warning, info, off)"))?,
        ),
    };
    Ok((rule.code, sev))
}

fn settings(args: &CheckArgs) -> Result<Settings, String> {
    let cli_severity = args
        .severity
        .iter()
        .map(|s| parse_severity(s))
        .collect::<Result<Vec<_>, _>>()?;
    let select = if args.select.is_empty() {
        None
    } else {
        Some(Selector::parse(&args.select)?)
    };
    let ignore = Selector::parse(&args.ignore)?;
    let matcher = |v: &[String]| -> Result<Option<Matcher>, String> {
        if v.is_empty() {
            return Ok(None);
        }
        for p in v {
            Matcher::check(p)?;
        }
        Matcher::new(v).map(Some)
    };
    let mut query = Vec::new();
    for q in &args.query {
        match q.split_once('=') {
            Some((k, v)) => query.push((k.to_string(), v.to_string())),
            None => query.push((q.clone(), String::new())),
        }
    }
    let preflight =
        (args.group_id.is_some() || !query.is_empty() || args.accept.is_some()).then(|| Request {
            group_id: args.group_id.clone(),
            query,
            accept: args.accept.clone(),
            body: String::new(),
        });
    Ok(Settings {
        cli_severity,
        select,
        ignore,
        include: matcher(&args.include)?,
        exclude: matcher(&args.exclude)?,
        preflight,
    })
}

impl Settings {
    /// The options for one file: configuration severities, then `--severity`, then the rule
    /// selection (`--select`, `--ignore`, per-file-ignores) switches rules off.
    fn options(&self, config: Option<&Config>, rel_to_config: Option<&str>) -> Options {
        let mut opts = Options::default();
        let mut set = |code: &str, sev: Option<Severity>| {
            let _ = opts.set_severity(code, sev);
        };
        if let Some(c) = config {
            for (code, sev) in &c.severity {
                set(code, *sev);
            }
        }
        for (code, sev) in &self.cli_severity {
            set(code, *sev);
        }
        if let Some(sel) = &self.select {
            for r in privlink::rules() {
                if !sel.contains(r.code) {
                    set(r.code, None);
                }
            }
        }
        for code in self.ignore.codes() {
            set(code, None);
        }
        if let (Some(c), Some(rel)) = (config, rel_to_config) {
            for (m, sel) in &c.per_file_ignores {
                if m.is_match(rel) {
                    for code in sel.codes() {
                        set(code, None);
                    }
                }
            }
        }
        opts
    }

    fn check(&self, text: &str, opts: &Options) -> Report {
        match &self.preflight {
            Some(req) => privlink::check_request_with(
                &Request {
                    body: text.to_string(),
                    ..req.clone()
                },
                opts,
            ),
            None => privlink::check_with(text, opts),
        }
    }

    fn check_bytes(&self, bytes: &[u8], opts: &Options) -> Report {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.check(text, opts),
            Err(_) => privlink::check_bytes(bytes, opts),
        }
    }
}

/// One file to check, with what applies to it.
#[derive(Debug)]
struct Job {
    input: Input,
    shown: String,
    opts: Options,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    Off,
    Write,
    Diff,
}

/// What checking one job produced.
#[derive(Debug)]
struct Done {
    result: FileResult,
    /// `--diff`: the diff; `--fix` on stdin: the fixed text.
    fix_output: Option<String>,
    /// Fixes applied (or, with `--diff`, that would be).
    fixes: usize,
    fixed_file: bool,
    /// A note for stderr (overlapping fixes, write failures).
    note: Option<String>,
    write_failed: bool,
    is_stdin: bool,
}

fn usage_error(msg: &str) -> ExitCode {
    eprint_line(&format!("error: {msg}"));
    ExitCode::from(2)
}

fn check(args: &CheckArgs) -> ExitCode {
    let settings = match settings(args) {
        Ok(s) => s,
        Err(e) => return usage_error(&e),
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stderr_color = args.color == Color::Always
        || (args.color == Color::Auto
            && std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
    let fix_mode = if args.fix {
        FixMode::Write
    } else if args.diff {
        FixMode::Diff
    } else {
        FixMode::Off
    };
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }

    // Configuration: --config, or discovered per directory.
    let fixed_config: Option<Arc<Config>> = match &args.config {
        Some(p) => match config::load(p) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => {
                eprint(&e.render(stderr_color));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mut discovery = Discovery::default();

    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".to_string());
    let collected = collect(&args.paths, &stdin_name);
    let mut failed_io = false;
    for g in &collected.unmatched_globs {
        if args.fail_on_unmatched_globs {
            eprint_line(&format!("error: glob `{g}` matched no file"));
            failed_io = true;
        } else if !args.quiet {
            eprint_line(&format!("warning: glob `{g}` matched no file"));
        }
    }

    let mut jobs: Vec<Job> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for Candidate { input, origin } in collected.candidates.clone() {
        let shown = input.display();
        // Where the file is, for configuration and globs.
        let abs = match &input {
            Input::File(p) => globs::absolute(p),
            Input::Stdin(_) => match &args.stdin_filename {
                Some(name) => globs::absolute(Path::new(name)),
                None => globs::absolute(Path::new("<stdin>")),
            },
        };
        let cfg = if args.no_config {
            None
        } else if let Some(c) = &fixed_config {
            Some(c.clone())
        } else {
            let dir = abs.parent().unwrap_or(Path::new("/"));
            match discovery.for_dir(dir) {
                Ok(c) => c,
                Err(e) => {
                    eprint(&e.render(stderr_color));
                    return ExitCode::from(2);
                }
            }
        };
        let rel_cfg = cfg.as_ref().and_then(|c| globs::relative_to(&abs, &c.dir));
        if matches!(input, Input::File(_)) {
            let included_cli = settings.include.as_ref().map(|m| m.is_match(&shown));
            let included_cfg = cfg
                .as_ref()
                .and_then(|c| c.include.as_ref())
                .map(|m| rel_cfg.as_deref().is_some_and(|r| m.is_match(r)));
            let excluded = settings
                .exclude
                .as_ref()
                .is_some_and(|m| m.is_match(&shown))
                || cfg
                    .as_ref()
                    .and_then(|c| c.exclude.as_ref())
                    .is_some_and(|m| rel_cfg.as_deref().is_some_and(|r| m.is_match(r)));
            let included = match (included_cli, included_cfg) {
                (None, None) => origin == Origin::Named || shown.ends_with(".json"),
                (a, b) => a.unwrap_or(true) && b.unwrap_or(true),
            };
            if excluded || !included {
                continue;
            }
        }
        if !seen.insert(shown.clone()) {
            continue;
        }
        let opts = settings.options(cfg.as_deref(), rel_cfg.as_deref());
        jobs.push(Job { input, shown, opts });
    }

    // Stdin is read once, before the parallel part.
    let mut stdin_bytes: Option<std::io::Result<Vec<u8>>> = None;
    if jobs.iter().any(|j| matches!(j.input, Input::Stdin(_))) {
        let mut buf = Vec::new();
        stdin_bytes = Some(std::io::stdin().read_to_end(&mut buf).map(|_| buf));
    }

    let mut done: Vec<Done> = jobs
        .par_iter()
        .map(|job| run_job(job, &settings, fix_mode, stdin_bytes.as_ref()))
        .collect();
    for e in &collected.errors {
        done.push(Done {
            result: FileResult {
                path: e.path.clone(),
                text: String::new(),
                outcome: Err(e.message.clone()),
            },
            fix_output: None,
            fixes: 0,
            fixed_file: false,
            note: None,
            write_failed: false,
            is_stdin: false,
        });
    }
    done.sort_by(|a, b| a.result.path.cmp(&b.result.path));

    for d in &done {
        if let Some(n) = &d.note {
            eprint_line(n);
        }
        failed_io |= d.write_failed;
    }
    let results: Vec<FileResult> = done
        .iter_mut()
        .map(|d| take_result(&mut d.result))
        .collect();
    failed_io |= results.iter().any(|r| r.outcome.is_err());
    let totals = Totals::of(&results);
    let fail_on = args.fail_on.severity();
    let failing = results
        .iter()
        .any(|r| matches!(&r.outcome, Ok(rep) if rep.max_severity().is_some_and(|s| s >= fail_on)));

    if fix_mode == FixMode::Diff {
        let mut out = String::new();
        let (mut files, mut fixes) = (0, 0);
        for d in &done {
            if let Some(diff) = &d.fix_output {
                out.push_str(diff);
                files += 1;
                fixes += d.fixes;
            }
        }
        emit(&out);
        for r in &results {
            if let Err(e) = &r.outcome {
                eprint_line(&format!("error: {}: {e}", r.path));
            }
        }
        if !args.quiet {
            eprint_line(&format!(
                "{files} {} would be fixed ({fixes} {})",
                output::plural(files, "file", "files"),
                output::plural(fixes, "fix", "fixes")
            ));
        }
        return if failed_io {
            ExitCode::from(2)
        } else if files > 0 && !args.exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }

    // `--fix` on stdin: the fixed text goes to stdout, the findings to stderr.
    let mut findings_to_stderr = false;
    if fix_mode == FixMode::Write {
        if let Some(i) = done.iter().position(|d| d.is_stdin) {
            emit(&results[i].text);
            findings_to_stderr = true;
        }
    }

    let (rendered, extra_err) = match args.format {
        Format::Human => (
            output::human::render(&results, color, width()),
            String::new(),
        ),
        Format::Concise => (output::concise::render(&results), String::new()),
        Format::Json => (output::json::render(&results), String::new()),
        Format::Sarif => (output::sarif::render(&results), String::new()),
        Format::Github => (output::github::render(&results), String::new()),
        Format::AtlasError => output::atlas::render(&results, fail_on),
    };
    if findings_to_stderr {
        eprint(&rendered);
    } else {
        emit(&rendered);
    }
    eprint(&extra_err);

    if !args.quiet && matches!(args.format, Format::Human | Format::Concise) {
        if fix_mode == FixMode::Write {
            let files = done.iter().filter(|d| d.fixed_file).count();
            let fixes: usize = done.iter().map(|d| d.fixes).sum();
            if fixes > 0 {
                eprint_line(&format!(
                    "fixed {fixes} {} in {files} {}",
                    output::plural(fixes, "finding", "findings"),
                    output::plural(files, "file", "files")
                ));
            }
        }
        eprint_line(&totals.summary());
    }

    if failed_io {
        ExitCode::from(2)
    } else if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn take_result(r: &mut FileResult) -> FileResult {
    FileResult {
        path: std::mem::take(&mut r.path),
        text: std::mem::take(&mut r.text),
        outcome: std::mem::replace(&mut r.outcome, Err(String::new())),
    }
}

/// Width of the human output: `COLUMNS`, else 100.
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

fn run_job(
    job: &Job,
    settings: &Settings,
    fix_mode: FixMode,
    stdin: Option<&std::io::Result<Vec<u8>>>,
) -> Done {
    let path = job.shown.clone();
    let mut done = Done {
        result: FileResult {
            path: path.clone(),
            text: String::new(),
            outcome: Err(String::new()),
        },
        fix_output: None,
        fixes: 0,
        fixed_file: false,
        note: None,
        write_failed: false,
        is_stdin: matches!(job.input, Input::Stdin(_)),
    };
    let bytes = match &job.input {
        Input::File(p) => std::fs::read(p).map_err(|e| e.to_string()),
        Input::Stdin(_) => match stdin {
            Some(Ok(b)) => Ok(b.clone()),
            Some(Err(e)) => Err(e.to_string()),
            None => Err("stdin was not read".to_string()),
        },
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            done.result.outcome = Err(format!("cannot read: {e}"));
            return done;
        }
    };
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    let mut report = settings.check_bytes(&bytes, &job.opts);

    if fix_mode != FixMode::Off && std::str::from_utf8(&bytes).is_ok() {
        match fixing::fix_text(&text, |t| settings.check(t, &job.opts)) {
            FixOutcome::Unchanged => {}
            FixOutcome::Overlap { first, second } => {
                done.note = Some(format!(
                    "{path}: not fixed: the fixes of {first} and {second} overlap; fix one by hand or run --fix with --select"
                ));
            }
            FixOutcome::Fixed { text: new, fixes } => {
                done.fixes = fixes;
                match (fix_mode, &job.input) {
                    (FixMode::Diff, _) => {
                        done.fix_output = Some(fixing::unified_diff(&path, &text, &new));
                    }
                    (_, Input::Stdin(_)) => {
                        done.fixed_file = true;
                        report = settings.check(&new, &job.opts);
                        done.fix_output = Some(new.clone());
                        text = new;
                    }
                    (_, Input::File(p)) => match fixing::write_atomically(p, &new) {
                        Ok(()) => {
                            done.fixed_file = true;
                            report = settings.check(&new, &job.opts);
                            text = new;
                        }
                        Err(e) => {
                            done.fixes = 0;
                            done.write_failed = true;
                            done.note = Some(format!("error: {path}: cannot write the fix: {e}"));
                        }
                    },
                }
            }
        }
    }
    done.result.text = text;
    done.result.outcome = Ok(report);
    done
}
