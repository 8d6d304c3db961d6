//! Classifying each aligned fact: agreement, variant, conflict or omission.
//!
//! - conflict: two articles give values that cannot both be true
//!   (18–20 vs 19–21 September; 2024 vs 2025; 43 vs 40);
//! - variant: the same value written differently (١٩ أيلول vs 19 سبتمبر,
//!   ثلاثة وأربعين vs 43);
//! - omission: only some articles of the event give the fact;
//! - agreement: the same value, written alike.
//!
//! A year left unresolved agrees with any year; an approximate figure agrees
//! with every figure inside its bounds ("نحو 200" and 195).

use serde::Serialize;

use crate::align::Slot;
use crate::model::{Article, Claim, DateValue, Discrepancy, Fact, PartialDate, Severity, Value};
use crate::normalize::fold;

/// The verdict on one slot, with every article's claims (for the matrix).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub kind: crate::model::FactKind,
    pub topic: String,
    pub label: String,
    /// None: all articles that give the fact agree and write it alike.
    pub severity: Option<Severity>,
    /// Per article of the group, in group order: its claims (empty: not stated).
    pub cells: Vec<Vec<Claim>>,
}

impl Row {
    pub fn status(&self) -> &'static str {
        self.severity.map_or("agreement", |s| s.as_str())
    }
}

/// Judges every slot of a group of `docs`.
pub fn classify(docs: &[(&Article, &[Fact])], slots: &[Slot]) -> Vec<Row> {
    slots
        .iter()
        .map(|slot| {
            let cells: Vec<Vec<Claim>> = (0..docs.len())
                .map(|i| {
                    let mut claims: Vec<Claim> = Vec::new();
                    for fact in slot.claims.get(&i).map(Vec::as_slice).unwrap_or_default() {
                        let claim = Claim::from_fact(docs[i].0, fact);
                        // An article that repeats a value says it once.
                        if !claims.iter().any(|c| c.value == claim.value) {
                            claims.push(claim);
                        }
                    }
                    claims
                })
                .collect();
            let facts: Vec<Vec<&Fact>> = (0..docs.len())
                .map(|i| {
                    slot.claims
                        .get(&i)
                        .map(|v| v.iter().collect())
                        .unwrap_or_default()
                })
                .collect();
            let severity = judge(&facts, docs.len());
            Row {
                kind: slot.kind,
                topic: slot.topic.clone(),
                label: slot.label.clone(),
                severity,
                cells,
            }
        })
        .collect()
}

fn judge(facts: &[Vec<&Fact>], group_size: usize) -> Option<Severity> {
    let stated: Vec<&Vec<&Fact>> = facts.iter().filter(|f| !f.is_empty()).collect();
    // Two articles disagree when none of one's values fits any of the other's.
    for (i, a) in stated.iter().enumerate() {
        for b in &stated[i + 1..] {
            let fits = a
                .iter()
                .any(|x| b.iter().any(|y| compatible(&x.value, &y.value)));
            if !fits {
                return Some(Severity::Conflict);
            }
        }
    }
    if stated.len() < group_size {
        return Some(Severity::Omission);
    }
    let surfaces: Vec<String> = stated
        .iter()
        .flat_map(|f| f.iter().map(|x| surface(x)))
        .collect();
    if surfaces.windows(2).any(|w| w[0] != w[1]) {
        return Some(Severity::Variant);
    }
    None
}

/// Whether two values can both be true.
pub fn compatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Date(x), Value::Date(y)) => dates_compatible(x, y),
        (Value::Year(x), Value::Year(y)) => x.year == y.year,
        (Value::Number(x), Value::Number(y)) => {
            let (a0, a1) = x.bounds();
            let (b0, b1) = y.bounds();
            x.form == y.form && a0 <= b1 && b0 <= a1
        }
        (Value::Entity(x), Value::Entity(y)) => x.key == y.key,
        _ => false,
    }
}

fn dates_compatible(x: &DateValue, y: &DateValue) -> bool {
    // A single day and a range are compared end for end; a single day is its own end.
    let x_end = x.end.unwrap_or(x.start);
    let y_end = y.end.unwrap_or(y.start);
    if x.end.is_some() != y.end.is_some() {
        // "19 سبتمبر" against "19–21 سبتمبر": the day must fall inside the range.
        let (single, range) = if x.end.is_none() { (x, y) } else { (y, x) };
        let r_end = range.end.unwrap_or(range.start);
        return within(&single.start, &range.start, &r_end);
    }
    partial_compatible(&x.start, &y.start) && partial_compatible(&x_end, &y_end)
}

fn partial_compatible(a: &PartialDate, b: &PartialDate) -> bool {
    let years = match (a.year, b.year) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let days = match (a.day, b.day) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    years && a.month == b.month && days
}

fn within(d: &PartialDate, start: &PartialDate, end: &PartialDate) -> bool {
    let year_fits = |r: Option<i32>| d.year.zip(r).is_none_or(|(a, b)| a == b);
    if !year_fits(start.year) && !year_fits(end.year) {
        return false;
    }
    let key = |p: &PartialDate| (p.month, p.day.unwrap_or(0));
    let (k, s, e) = (key(d), key(start), key(end));
    if d.day.is_none() {
        return d.month == start.month || d.month == end.month;
    }
    if s <= e {
        s <= k && k <= e
    } else {
        // A range across the new year (30 December – 2 January).
        k >= s || k <= e
    }
}

/// How a value is written, apart from what it says: the script of its digits
/// and its words, with range connectors and relative words left out.
fn surface(fact: &Fact) -> String {
    let eastern = fact
        .text
        .chars()
        .any(|c| matches!(c, '٠'..='٩' | '۰'..='۹'));
    let digits = fact.text.chars().any(|c| c.is_ascii_digit());
    let script = if eastern {
        "eastern"
    } else if digits {
        "western"
    } else {
        "words"
    };
    let folded = fold(&fact.text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| !CONNECTORS.contains(w))
        .collect();
    match fact.value {
        Value::Year(_) | Value::Number(_) => script.to_string(),
        _ => format!("{script}:{}", words.join(" ")),
    }
}

/// Words that change how a date reads, not which date it is.
const CONNECTORS: &[&str] = &[
    "من",
    "الي",
    "حتي",
    "بين",
    "و",
    "في",
    "الجاري",
    "الحالي",
    "المقبل",
    "القادم",
    "الماضي",
    "المنصرم",
    "خلال",
    "الفتره",
    "الممتده",
    "يوم",
    "شهر",
    "du",
    "au",
    "le",
    "from",
    "to",
    "between",
    "and",
];

/// Discrepancies of a group: every row that is not an agreement.
pub fn discrepancies(docs: &[(&Article, &[Fact])], rows: &[Row]) -> Vec<Discrepancy> {
    rows.iter()
        .filter_map(|row| {
            let severity = row.severity?;
            let values: Vec<Claim> = row.cells.iter().flatten().cloned().collect();
            let missing: Vec<String> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_empty())
                .map(|(i, _)| docs[i].0.document.clone())
                .collect();
            Some(Discrepancy {
                kind: row.kind,
                severity,
                topic: row.label.clone(),
                message: message(row, severity),
                values,
                missing,
            })
        })
        .collect()
}

fn message(row: &Row, severity: Severity) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for claim in row.cells.iter().flatten() {
        if !distinct.contains(&claim.value.as_str()) {
            distinct.push(&claim.value);
        }
    }
    let stated = row.cells.iter().filter(|c| !c.is_empty()).count();
    let what = format!("{} ({})", row.kind.as_str(), row.label);
    match severity {
        Severity::Conflict => format!("{what}: {}", distinct.join(" vs ")),
        Severity::Variant => format!("{what}: {} written differently", distinct.join(" = ")),
        Severity::Omission => {
            format!(
                "{what}: {} given by {stated} of {} articles",
                distinct.join(", "),
                row.cells.len()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Calendar, NumberForm, NumberValue, Qualifier, Resolution};

    fn date(s: (Option<i32>, u32, u32), e: Option<(Option<i32>, u32, u32)>) -> Value {
        let p = |(y, m, d): (Option<i32>, u32, u32)| PartialDate {
            year: y,
            month: m,
            day: Some(d),
        };
        Value::Date(DateValue {
            start: p(s),
            end: e.map(p),
            resolution: Resolution::Explicit,
            relative: None,
            calendar: Calendar::Gregorian,
            weekday: None,
            hijri: None,
        })
    }

    fn number(v: f64, q: Qualifier) -> Value {
        Value::Number(NumberValue {
            value: v,
            form: NumberForm::Cardinal,
            qualifier: q,
            unit: None,
            counted: None,
        })
    }

    #[test]
    fn shifted_ranges_conflict_and_an_unknown_year_agrees_with_any() {
        let a = date((Some(2025), 9, 18), Some((Some(2025), 9, 20)));
        let b = date((None, 9, 19), Some((None, 9, 21)));
        let c = date((Some(2024), 9, 19), Some((Some(2024), 9, 21)));
        assert!(!compatible(&a, &b));
        assert!(compatible(&b, &c));
        assert!(!compatible(&a, &c));
    }

    #[test]
    fn same_range_different_years_conflict() {
        let a = date((Some(2025), 9, 19), Some((Some(2025), 9, 21)));
        let b = date((Some(2024), 9, 19), Some((Some(2024), 9, 21)));
        assert!(!compatible(&a, &b));
    }

    #[test]
    fn a_day_inside_a_range_is_not_a_conflict_but_a_day_outside_is() {
        let range = date((None, 9, 19), Some((None, 9, 21)));
        assert!(compatible(&date((None, 9, 20), None), &range));
        assert!(!compatible(&date((None, 9, 22), None), &range));
    }

    #[test]
    fn approximate_figures_agree_within_their_bounds() {
        assert!(compatible(
            &number(200.0, Qualifier::About),
            &number(195.0, Qualifier::Exact)
        ));
        assert!(compatible(
            &number(40.0, Qualifier::MoreThan),
            &number(43.0, Qualifier::Exact)
        ));
        assert!(compatible(
            &number(0.0, Qualifier::Tens),
            &number(43.0, Qualifier::Exact)
        ));
        assert!(!compatible(
            &number(40.0, Qualifier::Exact),
            &number(43.0, Qualifier::Exact)
        ));
        assert!(!compatible(
            &number(200.0, Qualifier::About),
            &number(150.0, Qualifier::Exact)
        ));
        assert!(!compatible(
            &number(40.0, Qualifier::LessThan),
            &number(43.0, Qualifier::Exact)
        ));
    }
}
