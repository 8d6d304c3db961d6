//! The dev set's articles: publication dates read, and facts extracted per
//! article in each language (the French and English averages beside the Arabic one).
//!
//! cargo run --release --example eval_newsroom -- ../shared/eval/newsroom/articles

mod eval;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: eval_newsroom DIR   (../shared/eval/newsroom/articles)");
        return ExitCode::from(2);
    };
    let score = match eval::newsroom::score_dir(Path::new(&dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("eval_newsroom: {e}");
            return ExitCode::FAILURE;
        }
    };
    let kinds = [
        "date",
        "year",
        "number",
        "person",
        "title",
        "place",
        "organization",
    ];
    print!("{:<10} {:<4} {:<11}", "article", "lang", "published");
    for k in kinds {
        print!(" {:>6}", &k[..k.len().min(6)]);
    }
    println!(" {:>6}", "all");
    for a in &score.articles {
        let mark = match (
            &a.published,
            eval::newsroom::expected_published(&a.document),
        ) {
            (Some(p), Some(e)) if p != e => "!",
            _ => "",
        };
        print!(
            "{:<10} {:<4} {:<11}",
            a.document,
            a.language,
            format!("{}{mark}", a.published.as_deref().unwrap_or("-"))
        );
        for k in kinds {
            print!(" {:>6}", a.facts.get(k).copied().unwrap_or(0));
        }
        println!(" {:>6}", a.total());
    }
    println!(
        "publication dates right: {}/{} (a date read: {}; n02_b prints none)",
        score.published_right(),
        score.articles.len(),
        score.published()
    );
    print!("{:<26}", "average per article");
    for k in kinds {
        print!(" {:>6}", &k[..k.len().min(6)]);
    }
    println!(" {:>6}", "all");
    for lang in ["ar", "fr", "en"] {
        let rows: Vec<_> = score
            .articles
            .iter()
            .filter(|a| a.language == lang)
            .collect();
        let n = rows.len().max(1) as f64;
        print!("{:<26}", format!("  {lang} ({} articles)", rows.len()));
        for k in kinds {
            let sum: usize = rows
                .iter()
                .map(|a| a.facts.get(k).copied().unwrap_or(0))
                .sum();
            print!(" {:>6.1}", sum as f64 / n);
        }
        println!(" {:>6.1}", score.average(lang).unwrap_or(0.0));
    }
    for lang in ["ar", "fr", "en"] {
        let n = score.articles.iter().filter(|a| a.language == lang).count();
        let avg = score.average(lang).unwrap_or(0.0);
        let ratio = match (lang, score.ratio_to_arabic(lang)) {
            ("ar", _) | (_, None) => String::new(),
            (_, Some(r)) => format!(" = {r:.2} of the Arabic average"),
        };
        println!("facts per article, {lang}: {avg:.1} ({n} articles){ratio}");
    }
    ExitCode::SUCCESS
}
