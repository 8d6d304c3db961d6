//! Extraction throughput on one core, beside the practical limit: one pass
//! of a compiled regex that only finds month names, over the same bytes.
//!
//! cargo run --release --example throughput -- target/corpus/corpus.jsonl [rounds]
//!
//! Prints one line per measurement: `name MB/s bytes seconds`; then, to see
//! where the time goes, the same for each stage alone (`stage:fold`,
//! `stage:dates`, `stage:years`, `stage:figures`, `stage:names`; every stage
//! but `fold` is timed on documents folded beforehand).

use std::io::BufRead;
use std::time::Instant;

use factdiff::extract::{date, entity, extract, number, year, Document, ExtractOptions};
use factdiff::model::Article;
use regex::Regex;

/// One extraction stage, counting the facts it finds.
type Stage = fn(&Document) -> usize;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput CORPUS.jsonl [rounds]");
        return std::process::ExitCode::from(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("throughput: {path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let texts: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(i.to_string(), t.as_str()))
        .collect();

    // Every month name of every system, as written (no folding: the raw bytes).
    let raw: toml::Value = toml::from_str(include_str!("../data/months.toml")).expect("months");
    let mut names: Vec<String> = raw["month"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|m| m["names"].as_array().cloned().unwrap_or_default())
        .filter_map(|n| n.as_str().map(regex::escape))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let months = Regex::new(&format!(r"\b(?:{})\b", names.join("|"))).expect("month regex");

    let best = |f: &dyn Fn() -> usize| {
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                let n = f();
                (t.elapsed().as_secs_f64(), n)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((f64::NAN, 0))
    };
    let (t_regex, found) = best(&|| texts.iter().map(|t| months.find_iter(t).count()).sum());
    let options = ExtractOptions::default();
    let (t_extract, facts) = best(&|| articles.iter().map(|a| extract(a, &options).len()).sum());
    let mb = bytes as f64 / 1e6;
    println!(
        "month-regex {:.1} MB/s {bytes} bytes {t_regex:.3} s ({found} matches)",
        mb / t_regex
    );
    println!(
        "extract {:.1} MB/s {bytes} bytes {t_extract:.3} s ({facts} facts, {} articles)",
        mb / t_extract,
        texts.len()
    );

    let (t_fold, _) = best(&|| {
        articles
            .iter()
            .map(|a| Document::new(a, &options).folded.text.len())
            .sum()
    });
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::new(a, &options))
        .collect();
    let stages: [(&str, Stage); 4] = [
        ("dates", |d| date::extract(d).len()),
        ("years", |d| year::extract(d).len()),
        ("figures", |d| number::extract(d).len()),
        ("names", |d| entity::extract(d).len()),
    ];
    println!(
        "stage:fold {:.1} MB/s {bytes} bytes {t_fold:.3} s",
        mb / t_fold
    );
    for (name, stage) in stages {
        let (t, n) = best(&|| docs.iter().map(stage).sum());
        println!(
            "stage:{name} {:.1} MB/s {bytes} bytes {t:.3} s ({n} facts)",
            mb / t
        );
    }
    std::process::ExitCode::SUCCESS
}
