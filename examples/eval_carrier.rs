//! Numerals and ordinals of Duckling's corpora put into a news sentence and
//! read through ingest and the full extraction, as `factdiff extract` reads
//! an article (a bare figure is no fact in news).
//!
//! cargo run --release --example eval_carrier -- ../shared/eval/duckling-{ar,fr,en} [--misses]
//!
//! The sentences are in `examples/eval/carrier.rs` (CARRIERS).

mod eval;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: eval_carrier DIR... [--misses]   (DIR: ../shared/eval/duckling-ar …)");
        return ExitCode::from(2);
    }
    println!("{:<4} {:<20} {:<20}", "lang", "numerals", "ordinals");
    let mut all_misses = Vec::new();
    for dir in dirs {
        let score = match eval::carrier::score_dir(Path::new(dir)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("eval_carrier: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "{:<4} {:<20} {:<20}",
            score.language,
            score.numerals.to_string(),
            score.ordinals.to_string()
        );
        all_misses.extend(score.misses);
    }
    if show_misses {
        println!("misses:");
        for m in &all_misses {
            println!("{m}");
        }
    }
    ExitCode::SUCCESS
}
