//! The accuracy harness shared by the `eval_*` examples and by
//! `tests/accuracy.rs` (which includes this folder with `#[path]`).
//!
//! Each corpus module reads one family of public test corpora (JSON Lines,
//! see the README beside each corpus), runs every case through factdiff's
//! own extraction and tallies the shares the project tracks (issue 10,
//! "Measure and report"). The examples print the shares and the misses; the
//! test asserts the shares against floors.
//!
//! This is an evaluation harness: the few words it needs to sort cases into
//! forms (month and weekday names) come from `data/months.toml`, and its
//! phrases live in the corpora, never in the extractors.
#![allow(dead_code)]

pub mod carrier;
pub mod dates;
pub mod duckling;
pub mod newsroom;
pub mod recognizers;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde_json::Value as Json;

/// A share of cases answered right: `right / total`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub right: usize,
    pub total: usize,
}

impl Share {
    pub fn add(&mut self, right: bool) {
        self.total += 1;
        if right {
            self.right += 1;
        }
    }

    /// The share as a fraction; an empty tally is 0 (nothing measured is nothing shown).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} = {:.2}", self.right, self.total, self.ratio())
    }
}

/// Failures sorted into named forms, with a few examples of each.
#[derive(Debug, Default, Clone)]
pub struct Forms {
    pub counts: BTreeMap<String, (usize, Vec<String>)>,
}

impl Forms {
    pub const EXAMPLES: usize = 3;

    pub fn add(&mut self, form: impl Into<String>, example: impl Into<String>) {
        let entry = self.counts.entry(form.into()).or_default();
        entry.0 += 1;
        if entry.1.len() < Self::EXAMPLES {
            entry.1.push(example.into());
        }
    }

    pub fn total(&self) -> usize {
        self.counts.values().map(|(n, _)| n).sum()
    }

    /// One line per form, most frequent first.
    pub fn lines(&self) -> Vec<String> {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        rows.into_iter()
            .map(|(form, (n, examples))| format!("{n:>5}  {form}  e.g. {}", examples.join(" | ")))
            .collect()
    }
}

/// Reads a JSON Lines file; a line that is not JSON is an error naming it.
pub fn read_jsonl(path: &Path) -> Result<Vec<Json>, String> {
    let body = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// The language of a corpus folder from its name (`duckling-fr` → `fr`).
pub fn language_of(dir: &Path) -> String {
    dir.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.rsplit('-').next())
        .unwrap_or("?")
        .to_string()
}

/// Byte range of the characters `[start, end]` (inclusive, as Recognizers-Text
/// counts them) in `text`; `None` when the offsets fall outside it.
pub fn char_span_to_bytes(
    text: &str,
    start: usize,
    end_inclusive: usize,
) -> Option<(usize, usize)> {
    let mut indices = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let from = indices.nth(start)?;
    let to = text
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .nth(end_inclusive)?;
    Some((from, to))
}

/// Whether two numbers are the same figure (relative tolerance for decimals).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The shape of a phrase, for sorting misses into forms: whether it has
/// digits, a month name, a weekday name, or only other words.
pub fn shape(text: &str) -> &'static str {
    let lexicon = calendar_words();
    let lower = factdiff::normalize::fold(text).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |set: &[String]| {
        words.iter().any(|w| {
            set.iter().any(|name| {
                if name.contains(' ') {
                    lower.contains(name.as_str())
                } else {
                    // Arabic proclitics (ب، ل، و) glue to the month name.
                    *w == name
                        || (w.len() > name.len() && w.ends_with(name.as_str()) && !w.is_ascii())
                }
            })
        })
    };
    let digits = text.chars().any(|c| c.is_numeric());
    let month = has(&lexicon.months);
    let weekday = has(&lexicon.weekdays);
    match (digits, month, weekday) {
        (true, true, _) => "month name + digits",
        (true, false, _) if text.chars().filter(|c| c.is_alphabetic()).count() == 0 => {
            "digits only"
        }
        (true, false, _) => "digits + words",
        (false, true, _) => "month name, no digits",
        (false, false, true) => "weekday",
        (false, false, false) => "words only",
    }
}

/// Month and weekday names (folded, lower case) from `data/months.toml`.
pub struct CalendarWords {
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
}

pub fn calendar_words() -> &'static CalendarWords {
    static WORDS: std::sync::OnceLock<CalendarWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let file: toml::Value = toml::from_str(include_str!("../../data/months.toml"))
            .unwrap_or(toml::Value::Table(Default::default()));
        let names = |table: &str| -> Vec<String> {
            file.get(table)
                .and_then(|t| t.as_array())
                .into_iter()
                .flatten()
                .filter_map(|entry| entry.get("names").and_then(|n| n.as_array()))
                .flatten()
                .filter_map(|n| n.as_str())
                .map(|n| factdiff::normalize::fold(n).to_lowercase())
                .filter(|n| n.chars().count() >= 3)
                .collect()
        };
        CalendarWords {
            months: names("month"),
            weekdays: names("weekday"),
        }
    })
}

/// The tail both corpus examples print: the share per grain, what was not
/// scored, the forms left (under `forms_heading`) and, on request, every miss.
pub fn print_details(
    by_grain: &BTreeMap<&'static str, dates::DateTally>,
    excluded: &BTreeMap<String, usize>,
    forms_heading: &str,
    forms_left: &Forms,
    misses: Option<&[String]>,
) {
    for (grain, t) in by_grain {
        println!("  {grain:<16} {}", t.line());
    }
    let excluded: Vec<String> = excluded.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("  not scored: {}", excluded.join(", "));
    println!("{forms_heading}:");
    for l in forms_left.lines() {
        println!("  {l}");
    }
    if let Some(misses) = misses {
        println!("misses:");
        for m in misses {
            println!("{m}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_spans_are_inclusive_character_counts() {
        let text = "سأعود  22-4";
        assert_eq!(
            char_span_to_bytes(text, 7, 10),
            Some((text.len() - 4, text.len()))
        );
        assert_eq!(char_span_to_bytes("abc", 0, 2), Some((0, 3)));
        assert_eq!(char_span_to_bytes("abc", 1, 5), None);
    }
}
