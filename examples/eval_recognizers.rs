//! Shares on Microsoft Recognizers-Text's specs: numbers, ordinals,
//! percentages and ages; dates and date periods whose answer is a day, a
//! month, a year or a range of days, each against the case's own reference date.
//!
//! cargo run --release --example eval_recognizers -- ../shared/eval/recognizers-{ar,fr,en} [--misses]
//!
//! See `examples/eval/recognizers.rs` for what counts as right.

mod eval;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!(
            "usage: eval_recognizers DIR... [--misses]   (DIR: ../shared/eval/recognizers-ar …)"
        );
        return ExitCode::from(2);
    }
    for dir in dirs {
        let score = match eval::recognizers::score_dir(Path::new(dir)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("eval_recognizers: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("== recognizers-{} ({dir})", score.language);
        println!(
            "figures (numbers, ordinals, percentages, ages)  {}",
            score.figures_all()
        );
        for (kind, share) in &score.figures {
            let verified = score
                .figures_verified
                .get(kind)
                .filter(|v| v.total != share.total)
                .map(|v| format!("   (values verified upstream: {v})"))
                .unwrap_or_default();
            println!("  {kind:<12} {share}{verified}");
        }
        println!(
            "  cases expecting no figure, none read: {}",
            score.figure_negatives
        );
        println!(
            "dates (day, month, year, range of days)  {}",
            score.dates.line()
        );
        if score.dates_verified.share.total != score.dates.share.total {
            println!(
                "  values verified upstream: {}",
                score.dates_verified.line()
            );
        }
        eval::print_details(
            &score.dates_by_grain,
            &score.excluded,
            "forms left (kind, shape, outcome)",
            &score.forms_left,
            show_misses.then_some(score.misses.as_slice()),
        );
    }
    ExitCode::SUCCESS
}
