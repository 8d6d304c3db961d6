//! Scores the date extractor on Duckling / dateparser JSON Lines corpora.
//!
//! cargo run --release --example eval_dates -- /work/shared/eval/duckling-ar/time.jsonl [more.jsonl …]
//!
//! For each line: the phrase becomes an article, `reference_date` is the
//! line's reference time (date part), and the full `factdiff::extract::extract`
//! runs. The expected answer is read as `eval_duckling` reads it, except that
//! finer grains (times of day) are scored on their day; the best date or
//! year found is compared with it (`examples/eval/dates.rs`).
//!
//! Outcomes: `exact`; `year-open` (month and day right, year deliberately
//! left unresolved because the phrase has no year and no relative word:
//! Duckling picks the next occurrence, factdiff never guesses); `wrong`;
//! `missed` (no date found).
//!
//! Lines are classed by form: `absolute` (a month name or a numeric date),
//! `calendar` (absolute, but a week, part of a month or nth weekday of a
//! month: "أول أسبوع بشهر أكتوبر", "أواخر آذار", "الثلاثاء الأول من أكتوبر"),
//! `hijri`, and `other` (times of day, weekdays, holidays, relative phrases).

mod eval;

use std::collections::BTreeMap;
use std::process::ExitCode;

use chrono::{Duration, NaiveDate};
use eval::dates::{self, DateTally as Tally, Expected, Grain, Outcome};
use eval::duckling;
use factdiff::normalize::fold;
use regex::Regex;
use serde::Deserialize;
use serde_json::Value as Json;

#[derive(Deserialize)]
struct MonthsFile {
    month: Vec<Named>,
    weekday: Vec<Named>,
}

#[derive(Deserialize)]
struct Named {
    names: Vec<String>,
}

/// Words that make an absolute phrase a week, a part of a month or an nth
/// weekday (this is an evaluation harness: its Arabic lives here, like a test's).
const CALENDAR_WORDS: &[&str] = &[
    "اسبوع",
    "اوائل",
    "اواخر",
    "منتصف",
    "نصف",
    "نص",
    "اخر",
    "الاخير",
    "الاخيره",
];
const NTH_WORDS: &[&str] = &[
    "اول",
    "الاول",
    "الاولي",
    "ثاني",
    "ثان",
    "الثاني",
    "الثانيه",
    "ثالث",
    "الثالث",
    "رابع",
    "الرابع",
];

struct Classifier {
    month: Regex,
    weekday: Regex,
    numeric: Regex,
    calendar: Regex,
    nth_weekday: Regex,
}

impl Classifier {
    fn new() -> Self {
        let file: MonthsFile =
            toml::from_str(include_str!("../data/months.toml")).expect("months.toml");
        let alt = |v: &[Named]| {
            let mut names: Vec<String> = v
                .iter()
                .flat_map(|n| n.names.iter())
                .map(|s| regex::escape(&fold(s).to_lowercase()))
                .collect();
            names.sort_by_key(|s| std::cmp::Reverse(s.len()));
            names.join("|").replace(' ', r"\s+")
        };
        let months = alt(&file.month);
        let weekdays = alt(&file.weekday);
        let nth = NTH_WORDS
            .iter()
            .map(|w| regex::escape(&fold(w)))
            .collect::<Vec<_>>()
            .join("|");
        Classifier {
            month: Regex::new(&format!(r"(?i)\b[بل]?(?:{months})\b")).expect("month"),
            weekday: Regex::new(&format!(r"(?i)\b(?:{weekdays})\b")).expect("weekday"),
            numeric: Regex::new(
                r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}/\d{4}\b|\b\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b",
            )
            .expect("numeric"),
            calendar: Regex::new(&format!(
                r"\b(?:{})",
                CALENDAR_WORDS.iter().map(|w| regex::escape(&fold(w))).collect::<Vec<_>>().join("|")
            ))
            .expect("calendar"),
            nth_weekday: Regex::new(&format!(
                r"(?i)\b(?:{nth})\s+(?:يوم\s+)?(?:{weekdays}|ثلاثاء|اربعاء|اربعا|اثنين|خميس|جمعه|سبت|احد)\b|\b(?:{weekdays})\s+(?:{nth})\s+(?:من|في|ب)"
            ))
            .expect("nth"),
        }
    }

    fn class(&self, text: &str, line: &Json) -> &'static str {
        if line.get("calendar").and_then(Json::as_str) == Some("hijri") {
            return "hijri";
        }
        let f = fold(text);
        let time_only = Regex::new(r"^\s*\d{1,2}:\d{2}")
            .map(|r| r.is_match(&f))
            .unwrap_or(false);
        let absolute = self.month.is_match(&f) || (self.numeric.is_match(&f) && !time_only);
        if !absolute {
            return "other";
        }
        let grain = line
            .pointer("/expected/grain")
            .and_then(Json::as_str)
            .unwrap_or("");
        if grain == "week" || self.calendar.is_match(&f) || self.nth_weekday.is_match(&f) {
            return "calendar";
        }
        let _ = &self.weekday;
        "absolute"
    }

    fn form(&self, text: &str, line: &Json) -> &'static str {
        let f = fold(text);
        let interval = line.pointer("/expected/type").and_then(Json::as_str) == Some("interval");
        if interval {
            "range"
        } else if !self.month.is_match(&f) {
            "numeric"
        } else if Regex::new(r"\b\d{4}\b")
            .map(|r| r.is_match(&f))
            .unwrap_or(false)
        {
            "day-month-year"
        } else if f.chars().any(|c| c.is_ascii_digit()) {
            "day-month (digits)"
        } else {
            "day-month (words)"
        }
    }
}

/// Scores one phrase; returns the outcome and what was found, for the miss
/// list. Unlike `eval_duckling`, times of day are scored on their date: a
/// finer grain is read as the day it falls on.
fn score(text: &str, expected: &Json, reference: Option<NaiveDate>) -> (Outcome, String) {
    let facts = dates::extract_phrase_facts(text, reference);
    let shown = dates::shown(&facts);
    let mut expected = expected.clone();
    let finer = matches!(
        expected.get("grain").and_then(Json::as_str),
        Some("hour" | "minute" | "second") | None
    );
    if finer {
        expected["grain"] = Json::from("day");
        // A same-day interval of hours ends on its own day, not the day before.
        if let Some(to) = expected.get("to").and_then(Json::as_str) {
            if to.get(11..19).is_some_and(|t| t != "00:00:00") {
                if let Some(day) = dates::date_of(to) {
                    expected["to"] = Json::from((day + Duration::days(1)).to_string());
                }
            }
        }
    }
    match duckling::expected_time(text, &expected) {
        Ok(want) => (dates::judge(&want, &facts), shown),
        Err(_) => (Outcome::Missed, shown),
    }
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: eval_dates FILE.jsonl [FILE.jsonl …]");
        return ExitCode::from(2);
    }
    let classifier = Classifier::new();
    let mut by_class: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_form: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for path in &paths {
        let Ok(body) = std::fs::read_to_string(path) else {
            eprintln!("cannot read {path}");
            return ExitCode::from(1);
        };
        let mut file_tally: BTreeMap<&str, Tally> = BTreeMap::new();
        for (n, raw) in body.lines().enumerate() {
            let Ok(line) = serde_json::from_str::<Json>(raw) else {
                continue;
            };
            let dimension = line.get("dimension").and_then(Json::as_str).unwrap_or("");
            let text = line.get("text").and_then(Json::as_str).unwrap_or("");
            let reference = line
                .get("reference_time")
                .and_then(Json::as_str)
                .and_then(dates::date_of);
            let Some(expected) = line.get("expected") else {
                continue;
            };
            match dimension {
                "time" => {
                    let class = classifier.class(text, &line);
                    let (o, shown) = score(text, expected, reference);
                    file_tally.entry(class).or_default().add(o);
                    by_class.entry(class).or_default().add(o);
                    if class == "absolute" {
                        by_form
                            .entry(classifier.form(text, &line))
                            .or_default()
                            .add(o);
                    }
                    if (class != "other" || o == Outcome::Wrong)
                        && !matches!(o, Outcome::Exact | Outcome::YearOpen)
                    {
                        let want = expected
                            .get("value")
                            .and_then(Json::as_str)
                            .map(|v| v.get(..10).unwrap_or(v).to_string())
                            .unwrap_or_else(|| {
                                format!(
                                    "{}..{}",
                                    expected
                                        .get("from")
                                        .and_then(Json::as_str)
                                        .unwrap_or("?")
                                        .get(..10)
                                        .unwrap_or("?"),
                                    expected
                                        .get("to")
                                        .and_then(Json::as_str)
                                        .unwrap_or("?")
                                        .get(..10)
                                        .unwrap_or("?")
                                )
                            });
                        misses.push(format!(
                            "  [{class}] {path}:{} {o:?}: {text:?} want {want} got [{shown}]",
                            n + 1
                        ));
                    }
                }
                "time_search" => {
                    let Some(matches) = expected.get("matches").and_then(Json::as_array) else {
                        continue;
                    };
                    let facts = dates::extract_phrase_facts(text, reference);
                    for m in matches {
                        let want = m
                            .get("value")
                            .and_then(Json::as_str)
                            .and_then(dates::date_of);
                        // Found: that day with its year, as a single date.
                        let found = want.is_some_and(|w| {
                            let day = Expected {
                                grain: Grain::Day,
                                candidates: vec![(w, w)],
                                year_stated: true,
                            };
                            dates::judge(&day, &facts) == Outcome::Exact
                        });
                        let o = if found {
                            Outcome::Exact
                        } else {
                            Outcome::Missed
                        };
                        file_tally.entry("absolute").or_default().add(o);
                        by_class.entry("absolute").or_default().add(o);
                        by_form.entry("search").or_default().add(o);
                        if !found {
                            misses.push(format!(
                                "  [search] {path}:{} missed {:?}",
                                n + 1,
                                m.get("text")
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        println!("{path}");
        for (class, t) in &file_tally {
            println!("  {class:<9} {}", t.line());
        }
    }
    println!("all files, by class");
    for (class, t) in &by_class {
        println!("  {class:<9} {}", t.line());
    }
    println!("absolute date forms, by form");
    for (form, t) in &by_form {
        println!("  {form:<20} {}", t.line());
    }
    println!("misses (absolute, calendar, hijri):");
    for m in &misses {
        println!("{m}");
    }
    ExitCode::SUCCESS
}
