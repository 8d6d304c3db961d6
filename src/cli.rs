//! The command line: parsing, running a command, and exit codes.
//!
//! Exit codes (the contract for CI and newsroom pipelines):
//! - 0: nothing found at or above the `--fail-on` level;
//! - 1: findings at or above the `--fail-on` level;
//! - 2: a usage, configuration or input error (nothing is written).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::baseline::Baseline;
use crate::compare::{compare, CompareOptions};
use crate::config::Config;
use crate::extract::{self, ExtractOptions};
use crate::group::GroupOptions;
use crate::ingest::{self, IngestOptions};
use crate::model::Severity;
use crate::report::{self, Format};

const EXIT_HELP: &str =
    "Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
2 on a usage, configuration or input error.";

#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about = "Cross-check news articles about the same event and report where they disagree.", after_help = EXIT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Group articles by event and report where they disagree.
    #[command(after_help = EXIT_HELP)]
    Compare(CompareArgs),
    /// Show the facts extracted from each article, and why.
    Extract(ExtractArgs),
    /// Record today's findings as accepted, for `compare --baseline`.
    Baseline(BaselineArgs),
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles: files (.txt, .md, .html, .jsonl) or folders of them; `-` reads JSON Lines from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Resolve relative dates ("الجاري", "أمس") against this date when an article has no publication date (years 1000 to 9999).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference_date)]
    pub reference_date: Option<NaiveDate>,
    /// Skip unreadable inputs with a warning instead of stopping.
    #[arg(long)]
    pub keep_going: bool,
    /// Refuse input files larger than this many bytes [default: 10485760].
    #[arg(long, value_name = "BYTES")]
    pub max_bytes: Option<u64>,
    /// Read settings from this file instead of the factdiff.toml found in the current folder or its parents.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any factdiff.toml.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with status 1 when a finding at or above this level is reported [default: conflict].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Leave out the findings accepted in this baseline file (see `factdiff baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Similarity at or above which two articles are the same event (0–1).
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// No progress bar (it only shows for long runs on a terminal anyway).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to write the baseline.
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = "factdiff-baseline.json"
    )]
    pub output: PathBuf,
    /// Similarity at or above which two articles are the same event (0–1).
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Markdown,
}

/// The level at which `compare` exits with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Conflict,
    Variant,
    Omission,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Conflict => matches!(severity, Severity::Conflict | Severity::Internal),
            FailOn::Variant => severity <= Severity::Variant,
            FailOn::Omission => true,
        }
    }
}

/// `--reference-date`: a calendar date with a four-digit year. Dates far
/// outside that range are no reference for news and overflow date
/// arithmetic (a day before -262143-01-01 does not exist).
fn parse_reference_date(s: &str) -> Result<NaiveDate, String> {
    let d: NaiveDate = s
        .parse()
        .map_err(|e| format!("not a date in the form YYYY-MM-DD ({e})"))?;
    if !(1000..=9999).contains(&chrono::Datelike::year(&d)) {
        return Err("the year must be between 1000 and 9999".into());
    }
    Ok(d)
}

/// A failure that ends the run with status 2.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Input(#[from] ingest::IngestError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot render the report: {0}")]
    Render(#[from] minijinja::Error),
    /// The output path cannot or must not be written (see [`output`](crate::output)).
    #[error("{0}")]
    Output(String),
}

/// A warning on standard error, made safe for the terminal.
fn warn(message: &str) {
    eprintln!("factdiff: warning: {}", report::terminal_safe(message));
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Extract(_)) {
        crate::output::install_cleanup();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("factdiff: error: {}", report::terminal_safe(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli) -> Result<ExitCode, RunError> {
    match cli.command {
        Command::Compare(args) => run_compare(args),
        Command::Extract(args) => run_extract(args),
        Command::Baseline(args) => run_baseline(args),
    }
}

fn config(input: &InputArgs) -> Result<Config, RunError> {
    if input.isolated {
        return Ok(Config::default());
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = Config::load(input.config.as_deref(), &cwd)?;
    for w in &config.warnings {
        warn(w);
    }
    if let Some(p) = &config.path {
        eprintln!(
            "factdiff: using config {}",
            report::terminal_safe(&p.display().to_string())
        );
    }
    Ok(config)
}

/// Checks `-o` before anything is read: against the run's inputs (the
/// articles, the baseline, the config), and for what can be written.
fn output_target(
    path: &Path,
    input: &InputArgs,
    config: &Config,
    baseline: Option<&Path>,
) -> Result<crate::output::Target, RunError> {
    let mut inputs = ingest::input_files(&input.paths);
    inputs.extend(baseline.map(Path::to_path_buf));
    inputs.extend(config.path.clone());
    crate::output::check(path, &inputs).map_err(RunError::Output)
}

fn ingest_options(input: &InputArgs, config: &Config) -> IngestOptions {
    let defaults = IngestOptions::default();
    IngestOptions {
        max_bytes: input
            .max_bytes
            .or(config.ingest.max_bytes)
            .unwrap_or(defaults.max_bytes),
        keep_going: input.keep_going,
        extra_boilerplate: config.ingest.extra_boilerplate.clone(),
    }
}

fn compare_options(
    input: &InputArgs,
    threshold: Option<f64>,
    config: &Config,
) -> Result<CompareOptions, RunError> {
    let mut group = GroupOptions::default();
    if let Some(t) = threshold.or(config.group.threshold) {
        if !(0.0..=1.0).contains(&t) {
            return Err(RunError::Usage(format!(
                "--threshold must be between 0 and 1, not {t}"
            )));
        }
        group.threshold = t;
    }
    Ok(CompareOptions {
        extract: ExtractOptions {
            reference_date: input.reference_date,
            lexicon: config.lexicon.clone(),
        },
        group,
        kinds: config.kinds.clone(),
        progress: false,
    })
}

fn load(input: &InputArgs, config: &Config) -> Result<ingest::Loaded, RunError> {
    let loaded = ingest::load_paths(&input.paths, &ingest_options(input, config))?;
    for w in &loaded.warnings {
        warn(w);
    }
    for s in &loaded.skipped {
        warn(&format!("skipped {s}"));
    }
    Ok(loaded)
}

fn run_compare(args: CompareArgs) -> Result<ExitCode, RunError> {
    let config = config(&args.input)?;
    let mut options = compare_options(&args.input, args.threshold, &config)?;
    options.progress = !args.quiet;
    let fail_on = args
        .fail_on
        .or(config.check.fail_on)
        .unwrap_or(FailOn::Conflict);
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let target = args
        .output
        .as_deref()
        .map(|o| output_target(o, &args.input, &config, args.baseline.as_deref()))
        .transpose()?;
    let loaded = load(&args.input, &config)?;
    let analysis = compare(loaded.articles, &options);
    let mut report = report::build(&analysis, loaded.skipped);
    // The report holds all it needs: free the articles and facts while it
    // renders (freeing a large run's millions of values takes a while).
    // Not joined: nothing waits for it, and the process may end first.
    std::thread::spawn(move || drop(analysis));
    report.config = config.path.as_ref().map(|p| p.display().to_string());
    if let (Some(b), Some(path)) = (&baseline, &args.baseline) {
        let suppressed = b.apply(&mut report, path);
        if suppressed == 0 && !b.is_empty() {
            warn(&format!(
                "the baseline {} matches no finding of this run: were the articles renamed, or is it another project's?",
                path.display()
            ));
        }
    }
    if args.format == Format::Json {
        // Streamed: a 100,000-article report is hundreds of megabytes as one string.
        emit_with(target.as_ref(), |out| {
            // A buffer of a concrete type in front of the `dyn` writer: the
            // serializer's many small writes (indentation, quotes, commas)
            // are copies into it, not calls through the trait object.
            let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
            serde_json::to_writer_pretty(&mut out, &report).map_err(|e| {
                // Keep the I/O error's kind: a closed pipe is not a failure.
                e.io_error_kind()
                    .map_or_else(|| std::io::Error::other(e), std::io::Error::from)
            })?;
            out.write_all(b"\n")?;
            out.flush()
        })?;
    } else {
        let text = report::render(&report, args.format)?;
        emit(&text, target.as_ref())?;
    }
    let failing = report
        .clusters
        .iter()
        .flat_map(|c| &c.discrepancies)
        .any(|f| fail_on.fails(f.discrepancy.severity));
    // The process ends here: the report's memory goes back with it, without
    // freeing each of its values one by one.
    std::mem::forget(report);
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode, RunError> {
    let config = config(&args.input)?;
    let loaded = load(&args.input, &config)?;
    let mut articles = loaded.articles;
    articles.sort_by(|a, b| a.document.cmp(&b.document));
    let options = ExtractOptions {
        reference_date: args.input.reference_date,
        lexicon: config.lexicon.clone(),
    };
    let facts: Vec<_> = articles
        .iter()
        .map(|a| extract::extract(a, &options))
        .collect();
    let report = report::build_extract(&articles, &facts, loaded.skipped);
    let text = match args.format {
        ExtractFormat::Json => serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| {
                RunError::Render(minijinja::Error::new(
                    minijinja::ErrorKind::BadSerialization,
                    e.to_string(),
                ))
            })?,
        ExtractFormat::Markdown => report::render_extract_markdown(&report)?,
    };
    emit(&text, None)?;
    Ok(ExitCode::SUCCESS)
}

fn run_baseline(args: BaselineArgs) -> Result<ExitCode, RunError> {
    let config = config(&args.input)?;
    let options = compare_options(&args.input, args.threshold, &config)?;
    let target = output_target(&args.output, &args.input, &config, None)?;
    let loaded = load(&args.input, &config)?;
    let analysis = compare(loaded.articles, &options);
    let report = report::build(&analysis, loaded.skipped);
    let baseline = Baseline::from_report(&report, &args.output);
    emit(&baseline.to_json(), Some(&target))?;
    eprintln!(
        "factdiff: {} findings recorded in {}",
        baseline.len(),
        report::terminal_safe(&args.output.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output, or to a checked `-o` target (see
/// [`output`](crate::output): through a temporary file renamed into place,
/// so that a failed run never leaves a half-written report).
pub fn emit(text: &str, target: Option<&crate::output::Target>) -> Result<(), RunError> {
    emit_with(target, |out| out.write_all(text.as_bytes()))
}

/// [`emit`] for output written piece by piece.
pub fn emit_with(
    target: Option<&crate::output::Target>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), RunError> {
    match target {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|()| out.flush()) {
                // A closed pipe (`factdiff … | head`) is not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(RunError::Write {
                    path: "standard output".into(),
                    source: e,
                }),
                _ => Ok(()),
            }
        }
        Some(target) => target.write(write).map_err(RunError::Output),
    }
}
