//! Scores the figure extractor on Duckling's corpora, file by file (JSON Lines).
//!
//! cargo run --release --example eval_numbers -- \
//!     ../shared/eval/duckling-ar/numeral.jsonl \
//!     ../shared/eval/duckling-ar/numeral_ar_eg.jsonl \
//!     ../shared/eval/duckling-ar/ordinal.jsonl \
//!     ../shared/eval/duckling-ar/amount_of_money.jsonl
//!
//! Each phrase is read alone with `number::extract_phrase`; what counts as
//! right is `eval::duckling::check_number` (shared with `eval_duckling`,
//! which scores whole folders, dates included).

mod eval;

use std::path::Path;
use std::process::ExitCode;

use eval::duckling::{score_file, DucklingScore};
use eval::Share;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: eval_numbers FILE.jsonl...");
        return ExitCode::FAILURE;
    }
    let mut all = Share::default();
    for path in &paths {
        let mut score = DucklingScore::default();
        if let Err(e) = score_file(Path::new(path), &mut score) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        let share = Share {
            right: score.numerals.right + score.ordinals.right + score.money.right,
            total: score.numerals.total + score.ordinals.total + score.money.total,
        };
        let name = Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        println!("{name}: {share}");
        for m in score.misses.iter().filter(|m| !m.contains("[time")) {
            println!("{m}");
        }
        all.right += share.right;
        all.total += share.total;
    }
    println!("all: {all}");
    ExitCode::SUCCESS
}
