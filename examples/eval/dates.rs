//! Comparing the dates factdiff found with a corpus's expected answer.
//!
//! An answer is a day, a month, a year, or a range of days or months, with
//! one or more candidate values (Recognizers-Text gives a past and a future
//! reading when the year is not stated). A found date is `Exact` when it
//! matches a candidate with its year, `YearOpen` when month and day match
//! and factdiff left the year unknown (it never guesses one), `Wrong` when
//! it differs, `Missed` when no date was found at all.

use chrono::{Datelike, NaiveDate};
use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::{Article, Fact, FactKind, PartialDate, Value};

use super::Share;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Missed,
    Wrong,
    YearOpen,
    Exact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Day,
    Month,
    Year,
    DayRange,
    MonthRange,
}

impl Grain {
    pub fn name(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Month => "month",
            Grain::Year => "year",
            Grain::DayRange => "range of days",
            Grain::MonthRange => "range of months",
        }
    }
}

/// An expected answer: its grain and the candidate `(first, last)` days
/// (inclusive; equal for a single day; the first of the month for months).
#[derive(Debug, Clone)]
pub struct Expected {
    pub grain: Grain,
    pub candidates: Vec<(NaiveDate, NaiveDate)>,
    /// The phrase states its year: a year-open answer is then wrong.
    pub year_stated: bool,
}

/// Tally of date answers: the share with year-open answers counted right
/// where the phrase states no year, the strict share (exact only), and why
/// the others failed.
#[derive(Debug, Default, Clone, Copy)]
pub struct DateTally {
    pub share: Share,
    pub strict: Share,
    pub year_open: usize,
    pub wrong: usize,
    pub missed: usize,
}

impl DateTally {
    pub fn add(&mut self, outcome: Outcome) {
        self.share
            .add(matches!(outcome, Outcome::Exact | Outcome::YearOpen));
        self.strict.add(outcome == Outcome::Exact);
        match outcome {
            Outcome::YearOpen => self.year_open += 1,
            Outcome::Wrong => self.wrong += 1,
            Outcome::Missed => self.missed += 1,
            Outcome::Exact => {}
        }
    }

    pub fn merge(&mut self, other: &DateTally) {
        self.share.right += other.share.right;
        self.share.total += other.share.total;
        self.strict.right += other.strict.right;
        self.strict.total += other.strict.total;
        self.year_open += other.year_open;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }

    pub fn line(&self) -> String {
        format!(
            "{} (strict {:.2}; year-open {}, wrong {}, missed {})",
            self.share,
            self.strict.ratio(),
            self.year_open,
            self.wrong,
            self.missed
        )
    }
}

/// Runs the same extraction as `factdiff extract` on a phrase, with `reference` as the reference date.
pub fn extract_phrase_facts(text: &str, reference: Option<NaiveDate>) -> Vec<Fact> {
    let article = Article::from_text("eval", text);
    let options = ExtractOptions {
        reference_date: reference,
        ..Default::default()
    };
    extract(&article, &options)
}

/// The date and year facts, as `text=value` for miss lists.
pub fn shown(facts: &[Fact]) -> String {
    facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Date | FactKind::Year))
        .map(|f| format!("{}={}", f.text, f.normalized()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The best outcome any of `facts` gets against `want`.
pub fn judge<'a>(want: &Expected, facts: impl IntoIterator<Item = &'a Fact>) -> Outcome {
    let mut best = Outcome::Missed;
    for fact in facts {
        let outcome = match &fact.value {
            Value::Date(_) | Value::Year(_) => want
                .candidates
                .iter()
                .map(|c| judge_value(want.grain, *c, &fact.value))
                .max()
                .unwrap_or(Outcome::Wrong),
            _ => continue,
        };
        best = best.max(outcome);
    }
    if best == Outcome::YearOpen && want.year_stated {
        Outcome::Wrong
    } else {
        best
    }
}

fn judge_value(grain: Grain, (first, last): (NaiveDate, NaiveDate), value: &Value) -> Outcome {
    match (grain, value) {
        (Grain::Year, Value::Year(y)) => same(y.year == first.year(), Some(y.year), first),
        (Grain::Year, _) => Outcome::Wrong,
        (_, Value::Date(d)) => match (grain, &d.end) {
            (Grain::Day, None) => day(&d.start, first),
            (Grain::Month, None) if d.start.day.is_none() => month(&d.start, first),
            (Grain::DayRange, Some(end)) => day(&d.start, first).min(day(end, last)),
            (Grain::MonthRange, Some(end)) if d.start.day.is_none() && end.day.is_none() => {
                month(&d.start, first).min(month(end, last))
            }
            _ => Outcome::Wrong,
        },
        _ => Outcome::Wrong,
    }
}

fn same(fields_match: bool, year: Option<i32>, want: NaiveDate) -> Outcome {
    match (fields_match, year) {
        (false, _) => Outcome::Wrong,
        (true, None) => Outcome::YearOpen,
        (true, Some(y)) if y == want.year() => Outcome::Exact,
        _ => Outcome::Wrong,
    }
}

fn day(found: &PartialDate, want: NaiveDate) -> Outcome {
    same(
        found.month == want.month() && found.day == Some(want.day()),
        found.year,
        want,
    )
}

fn month(found: &PartialDate, want: NaiveDate) -> Outcome {
    same(
        found.month == want.month() && found.day.is_none(),
        found.year,
        want,
    )
}

/// `YYYY-MM-DD` at the start of a string. A month or day written `00` (as
/// Duckling's French corpus writes month and year values: `2013-03-00`) is the first.
pub fn date_of(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let mut parts = head.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month.max(1), day.max(1))
}
