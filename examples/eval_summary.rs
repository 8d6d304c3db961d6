//! Every share of the accuracy measures in one Markdown table (the README's).
//!
//! cargo run --release --example eval_summary -- ../shared/eval
//!
//! DIR holds `duckling-{ar,fr,en}`, `recognizers-{ar,fr,en}` and, optionally,
//! `newsroom/articles` (`fixtures/corpora` works too, without the newsroom).
//! The per-corpus examples (`eval_duckling`, `eval_recognizers`,
//! `eval_carrier`, `eval_newsroom`) print the details and the misses.

mod eval;

use std::path::Path;
use std::process::ExitCode;

use eval::Share;

const LANGUAGES: [&str; 3] = ["ar", "fr", "en"];

fn cell(s: Share) -> String {
    format!("{:.2} ({})", s.ratio(), s.total)
}

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: eval_summary DIR   (../shared/eval)");
        return ExitCode::from(2);
    };
    let root = Path::new(&root);
    match run(root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_summary: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path) -> Result<(), String> {
    let mut duckling = Vec::new();
    let mut recognizers = Vec::new();
    let mut carrier = Vec::new();
    for l in LANGUAGES {
        duckling.push(eval::duckling::score_dir(
            &root.join(format!("duckling-{l}")),
        )?);
        recognizers.push(eval::recognizers::score_dir(
            &root.join(format!("recognizers-{l}")),
        )?);
        carrier.push(eval::carrier::score_dir(
            &root.join(format!("duckling-{l}")),
        )?);
    }
    println!("| share | AR | FR | EN | target |");
    println!("|---|---|---|---|---|");
    let row = |name: &str, cells: Vec<String>, target: &str| {
        println!("| {name} | {} | {target} |", cells.join(" | "));
    };
    row(
        "Duckling numerals (phrase alone)",
        duckling.iter().map(|d| cell(d.numerals)).collect(),
        "≥ 0.95",
    );
    row(
        "Duckling ordinals",
        duckling.iter().map(|d| cell(d.ordinals)).collect(),
        "≥ 0.95",
    );
    row(
        "Duckling dates, day/month/year grain",
        duckling.iter().map(|d| cell(d.dates.share)).collect(),
        "≥ 0.85",
    );
    row(
        "… strict (year-open answers not counted)",
        duckling
            .iter()
            .map(|d| format!("{:.2}", d.dates.strict.ratio()))
            .collect(),
        "",
    );
    row(
        "Recognizers numbers, ordinals, percentages, ages",
        recognizers.iter().map(|r| cell(r.figures_all())).collect(),
        "≥ 0.9",
    );
    for kind in ["numbers", "ordinals", "percentages", "ages"] {
        row(
            &format!("… {kind}"),
            recognizers
                .iter()
                .map(|r| r.figures.get(kind).map(|s| cell(*s)).unwrap_or("–".into()))
                .collect(),
            "",
        );
    }
    row(
        "Recognizers dates: a day, month, year or range of days",
        recognizers.iter().map(|r| cell(r.dates.share)).collect(),
        "≥ 0.8",
    );
    row(
        "numerals in a carrier sentence",
        carrier.iter().map(|c| cell(c.numerals)).collect(),
        "",
    );
    row(
        "ordinals in a carrier sentence",
        carrier.iter().map(|c| cell(c.ordinals)).collect(),
        "",
    );
    let newsroom = root.join("newsroom/articles");
    if newsroom.is_dir() {
        let n = eval::newsroom::score_dir(&newsroom)?;
        println!();
        println!(
            "newsroom: publication dates right {}/{} (a date read in {}); facts per article: {}",
            n.published_right(),
            n.articles.len(),
            n.published(),
            LANGUAGES
                .iter()
                .map(|l| {
                    let count = n.articles.iter().filter(|a| a.language == *l).count();
                    let ratio = match n.ratio_to_arabic(l) {
                        Some(r) if *l != "ar" => format!(", {r:.2} of Arabic"),
                        _ => String::new(),
                    };
                    format!(
                        "{l} {:.1} ({count} articles{ratio})",
                        n.average(l).unwrap_or(0.0)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    Ok(())
}
