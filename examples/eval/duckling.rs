//! Duckling's corpora (`../shared/eval/duckling-{ar,fr,en}`): numerals,
//! ordinals, amounts of money, and dates at day, month and year grain.
//!
//! Numerals, ordinals and money are single phrases read with
//! `number::extract_phrase` (a bare figure is accepted, as in a phrase list);
//! the figure that covers most of the phrase is compared. Dates run the full
//! extraction with the line's own reference time. Only answers at day, month
//! or year grain (single values and closed intervals) are scored: times of
//! day, weeks, quarters and open intervals ("avant le 3 mars") are counted
//! apart as excluded. A year-open answer counts where the phrase states no
//! year (no four-digit number, no `dd/mm/yy`): Duckling picks the next
//! occurrence after its reference time, factdiff leaves the year unknown.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use factdiff::extract::{number, Document, ExtractOptions};
use factdiff::model::{Article, Fact, NumberForm, NumberValue, Qualifier, Value};
use regex::Regex;
use serde_json::Value as Json;

use super::dates::{self, DateTally, Expected, Grain, Outcome};
use super::{close, read_jsonl, shape, Forms, Share};

/// Every share measured on one language's Duckling folder.
#[derive(Debug, Default)]
pub struct DucklingScore {
    pub language: String,
    pub numerals: Share,
    pub ordinals: Share,
    pub money: Share,
    pub dates: DateTally,
    pub dates_by_grain: BTreeMap<&'static str, DateTally>,
    /// Time lines not scored, by reason ("hour grain", "open interval" …).
    pub excluded: BTreeMap<String, usize>,
    pub misses: Vec<String>,
    pub forms_left: Forms,
}

/// Scores the numeral (`numeral*.jsonl`), ordinal, money and time files of a folder that exist.
pub fn score_dir(dir: &Path) -> Result<DucklingScore, String> {
    let mut score = DucklingScore {
        language: super::language_of(dir),
        ..Default::default()
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let scored = name.starts_with("numeral")
            || name == "ordinal.jsonl"
            || name == "amount_of_money.jsonl"
            || name == "time.jsonl";
        if scored {
            score_file(&path, &mut score)?;
        }
    }
    Ok(score)
}

/// Scores one file into `score`, by each line's dimension.
pub fn score_file(path: &Path, score: &mut DucklingScore) -> Result<(), String> {
    let options = ExtractOptions::default();
    for line in read_jsonl(path)? {
        let text = line.get("text").and_then(Json::as_str).unwrap_or("");
        let dimension = line.get("dimension").and_then(Json::as_str).unwrap_or("");
        let expected = line.get("expected").cloned().unwrap_or(Json::Null);
        match dimension {
            "numeral" | "ordinal" | "amount_of_money" => {
                let article = Article::from_text("phrase", text);
                let doc = Document::new(&article, &options);
                let facts = number::extract_phrase(&doc);
                let right = check_number(dimension, &expected, &facts);
                let share = match dimension {
                    "numeral" => &mut score.numerals,
                    "ordinal" => &mut score.ordinals,
                    _ => &mut score.money,
                };
                share.add(right);
                if !right {
                    let got: Vec<String> = facts
                        .iter()
                        .map(|f| format!("{:?}={}", f.text, f.normalized()))
                        .collect();
                    score.misses.push(format!(
                        "  [{dimension}] {text:?} expected {expected} got [{}]",
                        got.join(", ")
                    ));
                }
            }
            "time" => score_time(text, &expected, &line, score),
            _ => {}
        }
    }
    Ok(())
}

fn score_time(text: &str, expected: &Json, line: &Json, score: &mut DucklingScore) {
    let reference = line
        .get("reference_time")
        .and_then(Json::as_str)
        .and_then(dates::date_of);
    let want = match expected_time(text, expected) {
        Ok(w) => w,
        Err(reason) => {
            *score.excluded.entry(reason).or_default() += 1;
            return;
        }
    };
    let facts = dates::extract_phrase_facts(text, reference);
    let outcome = dates::judge(&want, &facts);
    score.dates.add(outcome);
    score
        .dates_by_grain
        .entry(want.grain.name())
        .or_default()
        .add(outcome);
    if !matches!(outcome, Outcome::Exact | Outcome::YearOpen) {
        let (first, last) = want.candidates[0];
        let wanted = if first == last {
            first.to_string()
        } else {
            format!("{first}/{last}")
        };
        score.misses.push(format!(
            "  [time {}] {outcome:?}: {text:?} want {wanted} got [{}]",
            want.grain.name(),
            dates::shown(&facts)
        ));
        score.forms_left.add(
            format!("{}, {}, {outcome:?}", want.grain.name(), shape(text)),
            text,
        );
    }
}

/// The expected answer of a time line, or why it is not scored.
pub fn expected_time(text: &str, expected: &Json) -> Result<Expected, String> {
    let grain = expected.get("grain").and_then(Json::as_str).unwrap_or("");
    let kind = expected.get("type").and_then(Json::as_str).unwrap_or("");
    if !matches!(grain, "day" | "month" | "year") {
        return Err(format!("{grain} grain"));
    }
    let at = |key: &str| expected.get(key).and_then(Json::as_str);
    let year_stated = states_year(text);
    match kind {
        "value" => {
            let first = at("value")
                .and_then(dates::date_of)
                .ok_or(format!("no value: {text}"))?;
            let grain = match grain {
                // Duckling answers a numeric month ("2/2013") with its first
                // day at day grain (its README notes it); the phrase names a month.
                "day" if numeric_month(text) => Grain::Month,
                "day" => Grain::Day,
                "month" => Grain::Month,
                _ => Grain::Year,
            };
            Ok(Expected {
                grain,
                candidates: vec![(first, first)],
                year_stated,
            })
        }
        "interval" => {
            let (Some(from), Some(to)) = (at("from"), at("to")) else {
                return Err("open interval".to_string());
            };
            let first = dates::date_of(from).ok_or(format!("bad from: {text}"))?;
            let end = dates::date_of(to).ok_or("bad to".to_string())?;
            // `to` is exclusive: the last day (or month) is the day before.
            let last = end - Duration::days(1);
            let grain = match grain {
                "day" => Grain::DayRange,
                "month" => Grain::MonthRange,
                _ => return Err("year-grain interval".to_string()),
            };
            Ok(Expected {
                grain,
                candidates: vec![(first, last)],
                year_stated,
            })
        }
        other => Err(format!("type {other}")),
    }
}

/// A month and year in digits alone: `2/2013`.
fn numeric_month(text: &str) -> bool {
    static MONTH: OnceLock<Regex> = OnceLock::new();
    MONTH
        .get_or_init(|| Regex::new(r"^\s*\d{1,2}/\d{4}\s*$").expect("month regex"))
        .is_match(text)
}

/// Whether a phrase writes its year: a four-digit number or `dd/mm/yy`.
pub fn states_year(text: &str) -> bool {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    YEAR.get_or_init(|| {
        Regex::new(r"\d{4}|\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}\b|'\d{2}\b").expect("year regex")
    })
    .is_match(text)
}

fn numbers(facts: &[Fact]) -> Vec<(usize, NumberValue)> {
    facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Number(n) => Some((f.span.len(), n.clone())),
            _ => None,
        })
        .collect()
}

fn unit_matches(expected: &str, got: Option<&str>) -> bool {
    match (expected, got) {
        ("$", Some(u)) => u == "USD",
        ("£", Some(u)) => ["pound", "EGP", "GBP"].contains(&u),
        (e, Some(u)) => e == u,
        _ => false,
    }
}

/// Whether a phrase's figures match a Duckling numeral, ordinal or amount of
/// money. Duckling's "$" (dollar of unknown country) counts as USD and "£" as
/// any pound. Intervals need a figure for each end with that unit, and a
/// less-than / at-most qualifier when only `to` is given (more-than /
/// at-least for `from`).
pub fn check_number(dimension: &str, expected: &Json, facts: &[Fact]) -> bool {
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

/// The reference day of a line (`reference_time`'s date part).
pub fn reference_of(line: &Json) -> Option<NaiveDate> {
    line.get("reference_time")
        .and_then(Json::as_str)
        .and_then(dates::date_of)
}
