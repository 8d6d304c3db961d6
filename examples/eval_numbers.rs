//! Scores the figure extractor on Duckling's Arabic corpora (JSON Lines).
//!
//! cargo run --release --example eval_numbers -- \
//!     /work/shared/eval/duckling-ar/numeral.jsonl \
//!     /work/shared/eval/duckling-ar/numeral_ar_eg.jsonl \
//!     /work/shared/eval/duckling-ar/ordinal.jsonl \
//!     /work/shared/eval/duckling-ar/amount_of_money.jsonl
//!
//! Each phrase is read alone with `number::extract_phrase`. The figure that
//! covers most of the phrase is compared: for `numeral` a cardinal of the
//! expected value, for `ordinal` an ordinal, for `amount_of_money` money of
//! the expected value and unit. Duckling's "$" (dollar of unknown country)
//! counts as USD and "£" as any pound (our bare "pound", EGP or GBP).
//! Intervals need a figure for each end with that unit, and a less-than /
//! at-most qualifier when only `to` is given (more-than / at-least for `from`).

use std::process::ExitCode;

use factdiff::extract::{number, Document, ExtractOptions};
use factdiff::model::{Article, Fact, NumberForm, NumberValue, Qualifier, Value};
use serde_json::Value as Json;

fn numbers(facts: &[Fact]) -> Vec<(usize, NumberValue)> {
    facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Number(n) => Some((f.span.len(), n.clone())),
            _ => None,
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn unit_matches(expected: &str, got: Option<&str>) -> bool {
    match (expected, got) {
        ("$", Some(u)) => u == "USD",
        ("£", Some(u)) => ["pound", "EGP", "GBP"].contains(&u),
        (e, Some(u)) => e == u,
        _ => false,
    }
}

/// Whether the phrase's reading matches the expected value; the description of what was read.
fn check(dimension: &str, expected: &Json, facts: &[Fact]) -> bool {
    let nums = numbers(facts);
    let primary = nums.iter().max_by_key(|(len, _)| *len).map(|(_, n)| n);
    match dimension {
        "numeral" | "ordinal" => {
            let Some(want) = expected.as_f64() else {
                return false;
            };
            let form = if dimension == "ordinal" {
                NumberForm::Ordinal
            } else {
                NumberForm::Cardinal
            };
            primary.is_some_and(|n| n.form == form && close(n.value, want))
        }
        "amount_of_money" => {
            let unit = expected.get("unit").and_then(Json::as_str).unwrap_or("");
            let money = |v: f64, n: &NumberValue| {
                n.form == NumberForm::Money
                    && close(n.value, v)
                    && unit_matches(unit, n.unit.as_deref())
            };
            match expected.get("type").and_then(Json::as_str) {
                Some("value") => {
                    let Some(v) = expected.get("value").and_then(Json::as_f64) else {
                        return false;
                    };
                    primary.is_some_and(|n| money(v, n))
                }
                Some("interval") => {
                    let from = expected.get("from").and_then(Json::as_f64);
                    let to = expected.get("to").and_then(Json::as_f64);
                    let has = |v: f64, quals: &[Qualifier]| {
                        nums.iter().any(|(_, n)| {
                            money(v, n) && (quals.is_empty() || quals.contains(&n.qualifier))
                        })
                    };
                    match (from, to) {
                        (Some(a), Some(b)) => has(a, &[]) && has(b, &[]),
                        (Some(a), None) => has(a, &[Qualifier::MoreThan, Qualifier::AtLeast]),
                        (None, Some(b)) => has(b, &[Qualifier::LessThan, Qualifier::AtMost]),
                        (None, None) => false,
                    }
                }
                _ => false,
            }
        }
        _ => false,
    }
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: eval_numbers FILE.jsonl...");
        return ExitCode::FAILURE;
    }
    let options = ExtractOptions::default();
    let mut all = (0usize, 0usize);
    for path in &paths {
        let content = match std::fs::read_to_string(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let (mut correct, mut total) = (0usize, 0usize);
        let mut misses = Vec::new();
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(row) = serde_json::from_str::<Json>(line) else {
                continue;
            };
            let text = row.get("text").and_then(Json::as_str).unwrap_or("");
            let dimension = row.get("dimension").and_then(Json::as_str).unwrap_or("");
            let expected = row.get("expected").cloned().unwrap_or(Json::Null);
            let article = Article::from_text("phrase", text);
            let doc = Document::new(&article, &options);
            let facts = number::extract_phrase(&doc);
            total += 1;
            if check(dimension, &expected, &facts) {
                correct += 1;
            } else {
                let got: Vec<String> = facts
                    .iter()
                    .map(|f| format!("{:?}={}", f.text, f.normalized()))
                    .collect();
                misses.push(format!(
                    "  {text:?}  expected {expected}  got [{}]",
                    got.join(", ")
                ));
            }
        }
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        let pct = if total > 0 {
            100.0 * correct as f64 / total as f64
        } else {
            0.0
        };
        println!("{name}: {correct}/{total} ({pct:.1}%)");
        for m in &misses {
            println!("{m}");
        }
        all.0 += correct;
        all.1 += total;
    }
    let pct = if all.1 > 0 {
        100.0 * all.0 as f64 / all.1 as f64
    } else {
        0.0
    };
    println!("all: {}/{} ({pct:.1}%)", all.0, all.1);
    ExitCode::SUCCESS
}
