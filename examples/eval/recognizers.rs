//! Microsoft Recognizers-Text's specs (`../shared/eval/recognizers-{ar,fr,en}`):
//! numbers, ordinals, percentages and ages; dates and date periods.
//!
//! Every expected result of a case is scored on its own: it is right when a
//! fact factdiff found overlaps the expected span and has the expected value.
//! - Figures (`number_model`, `ordinal_model`, `percent_model`, `age_model`)
//!   are read with `number::extract_phrase`, as Duckling's are. A number is a
//!   cardinal of the value (any figure but an ordinal or a percentage: a
//!   money reading of "5 dollars" still reads 5), an ordinal an ordinal, a
//!   percentage a percent, an age a figure of the age's value. Relative
//!   ordinals ("the last", "next one": `ordinal.relative`) are not figures
//!   of a news fact and are counted apart as excluded.
//! - Dates run the full extraction (`factdiff extract`) against the case's
//!   own reference date. Only answers that are a day, a month, a year or a
//!   range of days are scored (weeks, seasons, weekends, durations, times,
//!   open ranges with a modifier are excluded); the answer kind comes from
//!   the timex. A year-open answer counts where the timex has no year
//!   (`XXXX-10-02`). For a range of days, the timex's end day or the day
//!   before it is accepted (upstream ends explicit ranges on the last named
//!   day, "next 3 days" on the day after).
//!
//! Arabic cases upstream marks `ignore_resolution` have values no upstream
//! test checks; they are scored, and the share on verified cases alone is
//! printed beside.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use factdiff::extract::{number, Document, ExtractOptions};
use factdiff::model::{Article, Fact, Value};
use regex::Regex;
use serde_json::Value as Json;

use super::dates::{self, DateTally, Expected, Grain, Outcome};
use super::{char_span_to_bytes, close, read_jsonl, shape, Forms, Share};

/// The figure kinds scored, and the file each comes from.
pub const FIGURE_FILES: &[(&str, &str)] = &[
    ("numbers", "number_model.jsonl"),
    ("ordinals", "ordinal_model.jsonl"),
    ("percentages", "percent_model.jsonl"),
    ("ages", "age_model.jsonl"),
];

/// The date files: Arabic has the parser specs, French and English the model.
pub const DATE_FILES: &[&str] = &[
    "date_parser.jsonl",
    "date_period_parser.jsonl",
    "datetime_model.jsonl",
];

#[derive(Debug, Default)]
pub struct RecognizersScore {
    pub language: String,
    /// By kind ("numbers", …): share of expected results found with their value.
    pub figures: BTreeMap<&'static str, Share>,
    /// The same, on cases whose value upstream verifies (Arabic has unverified ones).
    pub figures_verified: BTreeMap<&'static str, Share>,
    /// Cases that expect nothing, and how many of them factdiff read a figure in.
    pub figure_negatives: Share,
    pub dates: DateTally,
    pub dates_verified: DateTally,
    pub dates_by_grain: BTreeMap<&'static str, DateTally>,
    pub excluded: BTreeMap<String, usize>,
    pub misses: Vec<String>,
    pub forms_left: Forms,
}

impl RecognizersScore {
    /// Numbers, ordinals, percentages and ages together.
    pub fn figures_all(&self) -> Share {
        self.figures.values().fold(Share::default(), |a, s| Share {
            right: a.right + s.right,
            total: a.total + s.total,
        })
    }
}

pub fn score_dir(dir: &Path) -> Result<RecognizersScore, String> {
    let mut score = RecognizersScore {
        language: super::language_of(dir),
        ..Default::default()
    };
    for (kind, file) in FIGURE_FILES {
        let path = dir.join(file);
        if path.exists() {
            score_figures(&path, kind, &mut score)?;
        }
    }
    for file in DATE_FILES {
        let path = dir.join(file);
        if path.exists() {
            score_dates(&path, &mut score)?;
        }
    }
    Ok(score)
}

fn score_figures(
    path: &Path,
    kind: &'static str,
    score: &mut RecognizersScore,
) -> Result<(), String> {
    let options = ExtractOptions::default();
    for line in read_jsonl(path)? {
        let text = line.get("text").and_then(Json::as_str).unwrap_or("");
        let verified = line.get("ignore_resolution").is_none();
        let expected = line
            .get("expected")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let article = Article::from_text("case", text);
        let doc = Document::new(&article, &options);
        let facts = number::extract_phrase(&doc);
        if expected.is_empty() {
            let found = facts.iter().any(|f| matches!(f.value, Value::Number(_)));
            score.figure_negatives.add(!found);
            continue;
        }
        for want in &expected {
            let ty = want.get("type").and_then(Json::as_str).unwrap_or("");
            if ty == "ordinal.relative" {
                *score.excluded.entry("relative ordinal".into()).or_default() += 1;
                continue;
            }
            let Some(value) = expected_figure(want) else {
                *score
                    .excluded
                    .entry(format!("{kind}: value not a number"))
                    .or_default() += 1;
                continue;
            };
            let span = span_of(text, want);
            let right = facts.iter().any(|f| {
                overlaps(f, span)
                    && match &f.value {
                        Value::Number(n) => close(n.value, value) && form_fits(kind, n),
                        _ => false,
                    }
            });
            score.figures.entry(kind).or_default().add(right);
            if verified {
                score.figures_verified.entry(kind).or_default().add(right);
            }
            if !right {
                let got: Vec<String> = facts
                    .iter()
                    .map(|f| format!("{:?}={}", f.text, f.normalized()))
                    .collect();
                let shown = want.get("text").and_then(Json::as_str).unwrap_or("");
                score.misses.push(format!(
                    "  [{kind}] {text:?}: {shown:?} = {value} got [{}]",
                    got.join(", ")
                ));
                let subtype = want
                    .pointer("/resolution/subtype")
                    .and_then(Json::as_str)
                    .map(|s| format!("/{s}"))
                    .unwrap_or_default();
                score
                    .forms_left
                    .add(format!("{kind}{subtype}, {}", figure_shape(shown)), shown);
            }
        }
    }
    Ok(())
}

/// Whether a figure's form is the one the spec expects. Forms are compared
/// by name so that a form added later (an age, say) needs no change here.
fn form_fits(kind: &str, n: &factdiff::model::NumberValue) -> bool {
    let form = format!("{:?}", n.form);
    match kind {
        "ordinals" => form == "Ordinal",
        "percentages" => form == "Percent",
        _ => form != "Ordinal" && form != "Percent",
    }
}

/// The expected value of a figure: `"192"`, `"1E-12"`, `"10%"`, `"8"` (age).
fn expected_figure(want: &Json) -> Option<f64> {
    let raw = want
        .get("value")
        .or_else(|| want.pointer("/resolution/value"))
        .and_then(Json::as_str)?;
    let raw: String = raw
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // French resolutions are written in French: "0,2", "1.234,5".
    let raw = if raw.contains(',') {
        raw.replace('.', "").replace(',', ".")
    } else {
        raw
    };
    raw.parse().ok()
}

fn figure_shape(text: &str) -> &'static str {
    let digits = text.chars().any(|c| c.is_numeric());
    let letters = text.chars().any(|c| c.is_alphabetic());
    match (digits, letters) {
        (true, false) => "digits",
        (true, true) => "digits + words",
        _ => "words",
    }
}

/// The byte span of an expected result in the case's text (`start`/`end`
/// are characters, `end` inclusive); `None` where upstream gives no offsets.
fn span_of(text: &str, want: &Json) -> Option<(usize, usize)> {
    let start = want.get("start").and_then(Json::as_u64)? as usize;
    let end = want.get("end").and_then(Json::as_u64)? as usize;
    char_span_to_bytes(text, start, end)
}

/// Whether a fact lies on the expected span (anywhere in the case without one).
fn overlaps(fact: &Fact, span: Option<(usize, usize)>) -> bool {
    span.is_none_or(|(s, e)| fact.span.start < e && s < fact.span.end)
}

fn score_dates(path: &Path, score: &mut RecognizersScore) -> Result<(), String> {
    for line in read_jsonl(path)? {
        let text = line.get("text").and_then(Json::as_str).unwrap_or("");
        let verified = line.get("ignore_resolution").is_none();
        let reference = line
            .pointer("/context/ReferenceDateTime")
            .and_then(Json::as_str)
            .and_then(dates::date_of);
        let expected = line
            .get("expected")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let mut facts: Option<Vec<Fact>> = None;
        for want in &expected {
            let want_date = match expected_date(want) {
                Ok(w) => w,
                Err(reason) => {
                    *score.excluded.entry(reason).or_default() += 1;
                    continue;
                }
            };
            let facts = facts.get_or_insert_with(|| dates::extract_phrase_facts(text, reference));
            let span = span_of(text, want);
            let outcome = dates::judge(&want_date, facts.iter().filter(|f| overlaps(f, span)));
            score.dates.add(outcome);
            if verified {
                score.dates_verified.add(outcome);
            }
            score
                .dates_by_grain
                .entry(want_date.grain.name())
                .or_default()
                .add(outcome);
            if !matches!(outcome, Outcome::Exact | Outcome::YearOpen) {
                let shown = want.get("text").and_then(Json::as_str).unwrap_or("");
                let timex = timex_of(want).unwrap_or_default();
                score.misses.push(format!(
                    "  [{}] {outcome:?}: {text:?}: {shown:?} = {timex} (ref {}) got [{}]",
                    want_date.grain.name(),
                    reference.map(|r| r.to_string()).unwrap_or_default(),
                    dates::shown(facts)
                ));
                score.forms_left.add(
                    format!("{}, {}, {outcome:?}", want_date.grain.name(), shape(shown)),
                    shown,
                );
            }
        }
    }
    Ok(())
}

fn timex_of(want: &Json) -> Option<String> {
    want.pointer("/resolution/Timex")
        .or_else(|| want.pointer("/resolution/values/0/timex"))
        .and_then(Json::as_str)
        .map(str::to_string)
}

/// The expected answer of a date result, or why it is not scored.
fn expected_date(want: &Json) -> Result<Expected, String> {
    static DAY: OnceLock<Regex> = OnceLock::new();
    static MONTH: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static RANGE: OnceLock<Regex> = OnceLock::new();
    let day = DAY.get_or_init(|| Regex::new(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)$").expect("day"));
    let month = MONTH.get_or_init(|| Regex::new(r"^(\d{4}|XXXX)-(\d\d)$").expect("month"));
    let year = YEAR.get_or_init(|| Regex::new(r"^\d{4}$").expect("year"));
    let range = RANGE.get_or_init(|| {
        Regex::new(r"^\((\d{4}|XXXX)-\d\d-\d\d,(\d{4}|XXXX)-\d\d-\d\d,P\d+D\)$").expect("range")
    });
    let ty = want.get("type").and_then(Json::as_str).unwrap_or("");
    let ty = ty.trim_start_matches("datetimeV2.");
    if ty != "date" && ty != "daterange" {
        return Err(format!("{ty} result"));
    }
    let timex = timex_of(want).ok_or_else(|| "no timex".to_string())?;
    let grain = if day.is_match(&timex) {
        Grain::Day
    } else if month.is_match(&timex) {
        Grain::Month
    } else if year.is_match(&timex) {
        Grain::Year
    } else if range.is_match(&timex) {
        Grain::DayRange
    } else {
        return Err(format!("{ty} of another kind (week, season, duration …)"));
    };
    let year_stated = !timex.contains("XXXX");
    let mut candidates = Vec::new();
    // Arabic parser specs: Future/PastResolution; French and English: values[].
    for key in ["FutureResolution", "PastResolution"] {
        if let Some(r) = want.pointer(&format!("/resolution/{key}")) {
            push_candidate(&mut candidates, grain, r, "date", "startDate", "endDate");
        }
    }
    if let Some(values) = want.pointer("/resolution/values").and_then(Json::as_array) {
        for v in values {
            if v.get("Mod").is_some() || v.get("mod").is_some() {
                return Err(format!("{ty} with a modifier (before, since …)"));
            }
            push_candidate(&mut candidates, grain, v, "value", "start", "end");
        }
    }
    if candidates.is_empty() {
        // Values "not resolved", or none given: read them off the timex.
        if let Some((first, last)) = dates_in_timex(&timex) {
            candidates.push((first, last));
        }
    }
    if candidates.is_empty() {
        return Err(format!("{ty} without a resolved value"));
    }
    if grain == Grain::DayRange {
        let before: Vec<_> = candidates
            .iter()
            .map(|(a, b)| (*a, *b - Duration::days(1)))
            .collect();
        candidates.extend(before);
    }
    Ok(Expected {
        grain,
        candidates,
        year_stated,
    })
}

fn push_candidate(
    out: &mut Vec<(NaiveDate, NaiveDate)>,
    grain: Grain,
    r: &Json,
    single: &str,
    start: &str,
    end: &str,
) {
    let get = |k: &str| r.get(k).and_then(Json::as_str).and_then(dates::date_of);
    let pair = match grain {
        Grain::Day => get(single).or_else(|| get(start)).map(|d| (d, d)),
        Grain::DayRange => get(start).zip(get(end)),
        _ => get(start).or_else(|| get(single)).map(|d| (d, d)),
    };
    if let Some(p) = pair {
        if !out.contains(&p) {
            out.push(p);
        }
    }
}

/// `2016-11-07` → that day; `2016-11` → its first; `2016` → 1 January;
/// `(2016-11-04,2016-11-22,P18D)` → both days. Years `XXXX` give nothing.
fn dates_in_timex(timex: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = timex
        .trim_matches(|c| c == '(' || c == ')')
        .split(',')
        .collect();
    let parse = |s: &str| {
        let padded = match s.len() {
            4 => format!("{s}-01-01"),
            7 => format!("{s}-01"),
            _ => s.to_string(),
        };
        dates::date_of(&padded)
    };
    match parts.as_slice() {
        [one] => parse(one).map(|d| (d, d)),
        [a, b, _] => parse(a).zip(parse(b)),
        _ => None,
    }
}
