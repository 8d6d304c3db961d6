//! Scores the date extractor on Duckling / dateparser JSON Lines corpora.
//!
//! cargo run --release --example eval_dates -- /work/shared/eval/duckling-ar/time.jsonl [more.jsonl …]
//!
//! For each line: the phrase becomes an article, `reference_date` is the
//! line's reference time (date part), and the full `factdiff::extract::extract`
//! runs. The first date (or year, for year grain) is compared with the
//! expected value at the expected grain (finer grains: the day). Intervals
//! compare `from` and `to` (exclusive, minus one day for day grain).
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

use std::collections::BTreeMap;
use std::process::ExitCode;

use chrono::{Duration, NaiveDate};
use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::{Article, FactKind, PartialDate, Value};
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

#[derive(Default, Clone, Copy)]
struct Tally {
    total: usize,
    exact: usize,
    year_open: usize,
    wrong: usize,
    missed: usize,
}

impl Tally {
    fn add(&mut self, o: Outcome) {
        self.total += 1;
        match o {
            Outcome::Exact => self.exact += 1,
            Outcome::YearOpen => self.year_open += 1,
            Outcome::Wrong => self.wrong += 1,
            Outcome::Missed => self.missed += 1,
        }
    }
    fn line(&self) -> String {
        let right = self.exact + self.year_open;
        let pct = |n: usize| {
            if self.total == 0 {
                0.0
            } else {
                100.0 * n as f64 / self.total as f64
            }
        };
        format!(
            "{right}/{} right ({:.1}%): exact {} ({:.1}%), year-open {}, wrong {}, missed {}",
            self.total,
            pct(right),
            self.exact,
            pct(self.exact),
            self.year_open,
            self.wrong,
            self.missed
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Outcome {
    Exact,
    YearOpen,
    Wrong,
    Missed,
}

fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Compares one found partial date with an expected date at a grain.
fn compare(found: &PartialDate, want: NaiveDate, grain: &str) -> Outcome {
    use chrono::Datelike;
    let month_ok = found.month == want.month();
    let day_ok = match grain {
        "year" | "month" => true,
        _ => {
            found.day == Some(want.day())
                || (found.day.is_none() && grain == "day" && want.day() == 1)
        }
    };
    if grain == "month" && found.day.is_some() {
        return Outcome::Wrong;
    }
    if grain == "year" {
        return if found.year == Some(want.year()) {
            Outcome::Exact
        } else {
            Outcome::Wrong
        };
    }
    match (month_ok && day_ok, found.year) {
        (true, Some(y)) if y == want.year() => Outcome::Exact,
        (true, None) => Outcome::YearOpen,
        _ => Outcome::Wrong,
    }
}

fn worst(a: Outcome, b: Outcome) -> Outcome {
    use Outcome::*;
    match (a, b) {
        (Missed, _) | (_, Missed) => Missed,
        (Wrong, _) | (_, Wrong) => Wrong,
        (YearOpen, _) | (_, YearOpen) => YearOpen,
        _ => Exact,
    }
}

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

/// Scores one phrase; returns the outcome and what was found, for the miss list.
fn score(text: &str, expected: &Json, reference: Option<NaiveDate>) -> (Outcome, String) {
    let article = Article::from_text("eval", text);
    let options = ExtractOptions {
        reference_date: reference,
        ..Default::default()
    };
    let facts = extract(&article, &options);
    let shown: Vec<String> = facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Date | FactKind::Year))
        .map(|f| format!("{}={}", f.text, f.normalized()))
        .collect();
    let shown = shown.join("; ");
    let grain = expected
        .get("grain")
        .and_then(Json::as_str)
        .unwrap_or("day");
    let grain = match grain {
        "hour" | "minute" | "second" | "" => "day",
        g => g,
    };
    let first_date = facts.iter().find_map(|f| match &f.value {
        Value::Date(d) => Some(d.clone()),
        _ => None,
    });
    match expected.get("type").and_then(Json::as_str) {
        Some("interval") => {
            let (Some(from), Some(to)) = (
                expected
                    .get("from")
                    .and_then(Json::as_str)
                    .and_then(date_of),
                expected.get("to").and_then(Json::as_str),
            ) else {
                return (Outcome::Missed, shown);
            };
            let Some(to_day) = date_of(to) else {
                return (Outcome::Missed, shown);
            };
            // `to` is exclusive: for whole days the last day is the day before.
            let to_time = to.get(11..19).unwrap_or("00:00:00");
            let last = if to_time == "00:00:00" {
                to_day - Duration::days(1)
            } else {
                to_day
            };
            let Some(d) = first_date else {
                return (Outcome::Missed, shown);
            };
            let Some(end) = d.end else {
                return (Outcome::Wrong, shown);
            };
            let o = worst(compare(&d.start, from, "day"), compare(&end, last, "day"));
            (o, shown)
        }
        _ => {
            let Some(want) = expected
                .get("value")
                .and_then(Json::as_str)
                .and_then(date_of)
            else {
                return (Outcome::Missed, shown);
            };
            if grain == "year" {
                use chrono::Datelike;
                let year = facts.iter().find_map(|f| match &f.value {
                    Value::Year(y) => Some(y.year),
                    Value::Date(d) => d.start.year,
                    _ => None,
                });
                return match year {
                    Some(y) if y == want.year() => (Outcome::Exact, shown),
                    Some(_) => (Outcome::Wrong, shown),
                    None => (Outcome::Missed, shown),
                };
            }
            match first_date {
                None => (Outcome::Missed, shown),
                Some(d) if d.end.is_some() => (Outcome::Wrong, shown),
                Some(d) => (compare(&d.start, want, grain), shown),
            }
        }
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
                .and_then(date_of);
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
                    let article = Article::from_text("eval", text);
                    let options = ExtractOptions {
                        reference_date: reference,
                        ..Default::default()
                    };
                    let facts = extract(&article, &options);
                    for m in matches {
                        let want = m.get("value").and_then(Json::as_str).and_then(date_of);
                        let found = facts.iter().any(|f| match (&f.value, want) {
                            (Value::Date(d), Some(w)) => {
                                compare(&d.start, w, "day") == Outcome::Exact && d.end.is_none()
                            }
                            _ => false,
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
