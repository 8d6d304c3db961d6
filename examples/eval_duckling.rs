//! Shares on Duckling's corpora: numerals, ordinals (and money), and dates at
//! day, month and year grain, each against the line's own reference time.
//!
//! cargo run --release --example eval_duckling -- ../shared/eval/duckling-{ar,fr,en} [--misses]
//!
//! See `examples/eval/duckling.rs` for what counts as right.

mod eval;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: eval_duckling DIR... [--misses]   (DIR: ../shared/eval/duckling-ar …)");
        return ExitCode::from(2);
    }
    for dir in dirs {
        let score = match eval::duckling::score_dir(Path::new(dir)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("eval_duckling: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("== duckling-{} ({dir})", score.language);
        println!("numerals  {}", score.numerals);
        println!("ordinals  {}", score.ordinals);
        if score.money.total > 0 {
            println!("money     {}", score.money);
        }
        println!("dates (day, month, year grain)  {}", score.dates.line());
        eval::print_details(
            &score.dates_by_grain,
            &score.excluded,
            "date forms left (grain, shape, outcome)",
            &score.forms_left,
            show_misses.then_some(score.misses.as_slice()),
        );
    }
    ExitCode::SUCCESS
}
