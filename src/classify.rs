//! Classifying each slot: conflict, update, variant, omission, agreement —
//! and contradictions inside one article.
//!
//! Between articles, per slot (see `align`):
//! - **conflict**: two articles give values that cannot both be true
//!   (18–20 vs 19–21 September; 2024 vs 2025; 43 vs 40; a different person
//!   chairing; another rank of one hierarchy for one person's title);
//! - **update**: a running count (deaths, injured, missing, votes, arrests:
//!   `running` in data/counted.toml) differs between articles published on
//!   different days: the later figure updates the earlier one. The same
//!   count given differently on the same day (or by an article whose
//!   publication day is unknown) stays a conflict. Updates are listed in
//!   publication order;
//! - **variant**: equal values written differently (١٩ أيلول vs 19 سبتمبر,
//!   عبد الرحيم / عبدالرحيم). A variant only ever joins equal values;
//! - **omission**: only some articles of the event give the fact;
//! - **agreement**: the same value, written alike.
//!
//! Approximations stay bounds: "نحو 300" covers 270–330 (±10 %), "أكثر من
//! 20" is (20, ∞), "العشرات" 10–99; two figures conflict only when their
//! bounds do not meet ("أكثر من 20" vs 14 conflicts, "نحو 300" vs 297 does
//! not). A year left unresolved agrees with any year.
//!
//! Inside one article (**internal**, even in a group of one): the headline
//! against the body for the same slot, a weekday that is not its date's, a
//! range that ends before it starts, a Hijri date whose Gregorian
//! equivalent beside it is another day, and "المقبل" (next) on a date
//! already past at publication.
//!
//! Editions: when every date or year conflict of one article sits exactly
//! one year from the others, the message says "possibly another edition",
//! so the editor checks the grouping first.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::align::{Compare, Placed, Slot};
use crate::extract::entity::Lexicon;
use crate::model::{
    Article, Claim, DateValue, Discrepancy, Fact, FactKind, NumberForm, PartialDate, Resolution,
    Severity, Value,
};
use crate::normalize::fold;
use crate::office;

/// The verdict on one slot, with every article's claims (for the matrix).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub kind: FactKind,
    pub topic: String,
    pub label: String,
    /// None: all articles that give the fact agree and write it alike.
    pub severity: Option<Severity>,
    /// Per article of the group, in group order: its claims (empty: not stated).
    pub cells: Vec<Vec<Claim>>,
    /// Findings beyond the row's own severity: internal contradictions,
    /// updates beside a conflict (severity, per-article claims).
    #[serde(skip)]
    pub extra: Vec<(Severity, Vec<Vec<Claim>>)>,
    /// Articles in the conflict, when only some are (the others agree or update).
    #[serde(skip)]
    pub conflicting: Vec<usize>,
}

impl Row {
    pub fn status(&self) -> &'static str {
        self.severity.map_or("agreement", |s| s.as_str())
    }
}

fn claim_of(article: &Article, p: &Placed) -> Claim {
    let mut c = Claim::from_fact(article, &p.fact);
    if let Some(shown) = &p.shown {
        c.value = shown.clone();
    }
    c
}

/// Do two claims of a slot fit together (can both be true)?
fn fits(a: &Placed, b: &Placed, lex: &Lexicon) -> bool {
    match (&a.compare, &b.compare) {
        (Compare::Identity(x), Compare::Identity(y)) => x == y,
        (Compare::Title(x), Compare::Title(y)) => {
            office::compare(lex, x, y) != office::Verdict::Conflict
        }
        _ => compatible(&a.fact.value, &b.fact.value),
    }
}

/// Judges every slot of a group of `docs`.
pub fn classify(docs: &[(&Article, &[Fact])], slots: &[Slot], lex: &Lexicon) -> Vec<Row> {
    slots.iter().map(|slot| judge(docs, slot, lex)).collect()
}

fn judge(docs: &[(&Article, &[Fact])], slot: &Slot, lex: &Lexicon) -> Row {
    let n = docs.len();
    let all: Vec<Vec<&Placed>> = (0..n)
        .map(|i| {
            slot.claims
                .get(&i)
                .map(|v| v.iter().collect())
                .unwrap_or_default()
        })
        .collect();
    let mut extra = Vec::new();
    // Headline against body: an article whose headline value fits none of
    // its body's contradicts itself; its body speaks for it across articles.
    let stated: Vec<Vec<&Placed>> = all
        .iter()
        .enumerate()
        .map(|(i, ps)| {
            let (head, body): (Vec<&Placed>, Vec<&Placed>) = ps.iter().partition(|p| p.headline);
            // Only values are set against each other inside one article: a
            // headline names people and places more loosely than its body.
            let valued = matches!(
                slot.kind,
                FactKind::Number | FactKind::Date | FactKind::Year
            );
            if head.is_empty() || body.is_empty() || !valued {
                return ps.clone();
            }
            if !head.iter().any(|h| body.iter().any(|b| fits(h, b, lex))) {
                let mut cells = vec![Vec::new(); n];
                cells[i] = ps.iter().map(|p| claim_of(docs[i].0, p)).collect();
                extra.push((Severity::Internal, cells));
            }
            body
        })
        .collect();
    let cells: Vec<Vec<Claim>> = (0..n)
        .map(|i| {
            let mut claims: Vec<Claim> = Vec::new();
            for p in &stated[i] {
                let claim = claim_of(docs[i].0, p);
                // An article that repeats a value says it once.
                if !claims.iter().any(|c| c.value == claim.value) {
                    claims.push(claim);
                }
            }
            claims
        })
        .collect();

    let given: Vec<usize> = (0..n).filter(|&i| !stated[i].is_empty()).collect();
    let mut conflicting: Vec<usize> = Vec::new();
    let mut updating: Vec<usize> = Vec::new();
    for (x, &i) in given.iter().enumerate() {
        for &j in &given[x + 1..] {
            let fit = stated[i]
                .iter()
                .any(|a| stated[j].iter().any(|b| fits(a, b, lex)));
            if fit {
                continue;
            }
            let (pi, pj) = (docs[i].0.published, docs[j].0.published);
            let update = slot.running && pi.zip(pj).is_some_and(|(a, b)| a != b);
            let list = if update {
                &mut updating
            } else {
                &mut conflicting
            };
            for k in [i, j] {
                if !list.contains(&k) {
                    list.push(k);
                }
            }
        }
    }
    conflicting.sort_unstable();
    let severity = if !conflicting.is_empty() {
        if !updating.is_empty() {
            extra.push((Severity::Update, in_time_order(docs, &cells, &updating)));
        }
        Some(Severity::Conflict)
    } else if !updating.is_empty() {
        Some(Severity::Update)
    } else {
        // Equal values written differently are a variant, even when some
        // articles leave the fact out (a name spelled two ways is worth
        // seeing); otherwise a fact some articles leave out is an omission.
        let surfaces: Vec<String> = given
            .iter()
            .flat_map(|&i| stated[i].iter().map(|p| surface(p)))
            .collect();
        if given.len() >= 2 && surfaces.windows(2).any(|w| w[0] != w[1]) {
            Some(Severity::Variant)
        } else if given.len() < n {
            Some(Severity::Omission)
        } else {
            None
        }
    };
    let cells = if severity == Some(Severity::Update) {
        in_time_order(docs, &cells, &updating)
    } else {
        cells
    };
    Row {
        kind: slot.kind,
        topic: slot.topic.clone(),
        label: slot.label.clone(),
        severity,
        cells,
        extra,
        conflicting: if conflicting.len() < given.len() {
            conflicting
        } else {
            Vec::new()
        },
    }
}

/// The cells of the `docs` listed, others emptied; claims keep group order,
/// and the report lists an update's values by publication day.
fn in_time_order(
    docs: &[(&Article, &[Fact])],
    cells: &[Vec<Claim>],
    which: &[usize],
) -> Vec<Vec<Claim>> {
    let _ = docs;
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if which.contains(&i) {
                c.clone()
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Whether two values can both be true.
pub fn compatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Date(x), Value::Date(y)) => dates_compatible(x, y),
        (Value::Year(x), Value::Year(y)) => x.year == y.year,
        (Value::Number(x), Value::Number(y)) => {
            let (a0, a1) = x.bounds();
            let (b0, b1) = y.bounds();
            // An edition or a rank written as a cardinal ("دورته 41") is the
            // ordinal ("الدورة الحادية والأربعين"): both are plain numbers.
            let plain = |f: NumberForm| matches!(f, NumberForm::Cardinal | NumberForm::Ordinal);
            (x.form == y.form || (plain(x.form) && plain(y.form)))
                && x.unit == y.unit
                && a0 <= b1
                && b0 <= a1
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
fn surface(p: &Placed) -> String {
    let fact = &p.fact;
    match &p.compare {
        // A person's spelling; a place is its identity (a city and its
        // country are not one place written two ways).
        Compare::Identity(id) => {
            return match fact.kind {
                FactKind::Person => fact.normalized(),
                _ => id.clone(),
            }
        }
        // One office written two ways (an abbreviation) is not a finding.
        Compare::Title(_) => return String::new(),
        Compare::Value => {}
    }
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

/// Discrepancies of a group: every row that is not an agreement, and the
/// internal contradictions and updates found beside them.
pub fn discrepancies(docs: &[(&Article, &[Fact])], rows: &[Row]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for row in rows {
        if let Some(severity) = row.severity {
            let cells: Vec<Vec<Claim>> =
                if severity == Severity::Conflict && !row.conflicting.is_empty() {
                    row.cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if row.conflicting.contains(&i) {
                                c.clone()
                            } else {
                                Vec::new()
                            }
                        })
                        .collect()
                } else {
                    row.cells.clone()
                };
            out.push(finding(docs, row, severity, &cells));
        }
        for (severity, cells) in &row.extra {
            out.push(finding(docs, row, *severity, cells));
        }
    }
    mark_editions(docs, &mut out);
    out
}

fn finding(
    docs: &[(&Article, &[Fact])],
    row: &Row,
    severity: Severity,
    cells: &[Vec<Claim>],
) -> Discrepancy {
    let mut values: Vec<Claim> = cells.iter().flatten().cloned().collect();
    if severity == Severity::Update {
        // In publication order.
        let published = |doc: &str| {
            docs.iter()
                .find(|(a, _)| a.document == doc)
                .and_then(|(a, _)| a.published)
        };
        values.sort_by_key(|c| published(&c.document));
    }
    let missing: Vec<String> = if matches!(severity, Severity::Internal | Severity::Update) {
        Vec::new()
    } else {
        cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_empty())
            .map(|(i, _)| docs[i].0.document.clone())
            .collect()
    };
    let stated = cells.iter().filter(|c| !c.is_empty()).count();
    Discrepancy {
        kind: row.kind,
        severity,
        topic: row.label.clone(),
        message: message(
            docs,
            row.kind,
            &row.label,
            severity,
            &values,
            stated,
            cells.len(),
        ),
        values,
        missing,
    }
}

fn message(
    docs: &[(&Article, &[Fact])],
    kind: FactKind,
    label: &str,
    severity: Severity,
    values: &[Claim],
    stated: usize,
    of: usize,
) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for claim in values {
        if !distinct.contains(&claim.value.as_str()) {
            distinct.push(&claim.value);
        }
    }
    let what = format!("{} ({label})", kind.as_str());
    match severity {
        Severity::Conflict => format!("{what}: {}", distinct.join(" vs ")),
        Severity::Internal => format!(
            "{what}: the article contradicts itself: {}",
            distinct.join(" vs ")
        ),
        Severity::Update => {
            let steps: Vec<String> = values
                .iter()
                .map(|c| {
                    let day = docs
                        .iter()
                        .find(|(a, _)| a.document == c.document)
                        .and_then(|(a, _)| a.published)
                        .map_or_else(|| "?".to_string(), |d| d.to_string());
                    format!("{} ({day})", c.value)
                })
                .collect();
            format!("{what}: updated over time: {}", steps.join(" → "))
        }
        Severity::Variant => format!("{what}: {} written differently", distinct.join(" = ")),
        Severity::Omission => {
            format!(
                "{what}: {} given by {stated} of {of} articles",
                distinct.join(", ")
            )
        }
    }
}

/// Marks date and year conflicts "possibly another edition" when one
/// article's dated conflicts all sit exactly one year from the others.
fn mark_editions(docs: &[(&Article, &[Fact])], out: &mut [Discrepancy]) {
    let dated = |d: &Discrepancy| {
        d.severity == Severity::Conflict && matches!(d.kind, FactKind::Date | FactKind::Year)
    };
    for (doc, _) in docs {
        let mut shifted = 0;
        let mut other = 0;
        for d in out.iter().filter(|d| dated(d)) {
            let (mine, theirs): (Vec<&Claim>, Vec<&Claim>) =
                d.values.iter().partition(|c| c.document == doc.document);
            if mine.is_empty() {
                continue;
            }
            let years = |cs: &[&Claim]| -> Vec<i32> {
                cs.iter().flat_map(|c| years_in(&c.value)).collect()
            };
            let (ym, yt) = (years(&mine), years(&theirs));
            // Every value of this article is another article's value with
            // its years moved by one (the same days, another year), and no
            // other article shares it. Days must be among them: a planned
            // year one off ("2027 vs 2028") is no sign of another edition.
            let has_days = mine.iter().any(|m| m.value.len() > 4);
            let one_apart = has_days
                && !ym.is_empty()
                && !yt.is_empty()
                && !mine
                    .iter()
                    .any(|m| theirs.iter().any(|t| t.value == m.value))
                && mine.iter().all(|m| {
                    [-1, 1].iter().any(|delta| {
                        let moved = shift_years(&m.value, *delta);
                        theirs.iter().any(|t| t.value == moved)
                    })
                });
            if one_apart {
                shifted += 1;
            } else {
                other += 1;
            }
        }
        if shifted > 0 && other == 0 {
            for d in out.iter_mut().filter(|d| dated(d)) {
                if d.values.iter().any(|c| c.document == doc.document)
                    && !d.message.contains("possibly another edition")
                {
                    d.message = format!(
                        "{} (possibly another edition: {} is one year apart; check the grouping)",
                        d.message, doc.document
                    );
                }
            }
        }
    }
}

fn years_in(value: &str) -> Vec<i32> {
    value
        .split(['/', '-'])
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// The same month and day, years aside ("2024-06-28" vs "2025-06-28").
/// A normalized date or year value with every year moved by `delta`
/// ("2024-06-28/2024-07-03" → "2025-06-28/2025-07-03").
fn shift_years(value: &str, delta: i32) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, range_part) in value.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        match range_part.get(..4).and_then(|y| y.parse::<i32>().ok()) {
            Some(y) if range_part.len() == 4 || range_part.as_bytes().get(4) == Some(&b'-') => {
                out.push_str(&format!("{}{}", y + delta, &range_part[4..]));
            }
            _ => out.push_str(range_part),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Contradictions inside one article that need no other article.

/// Internal contradictions of one article's dates: a weekday that is not
/// its date's, a range that ends before it starts, a Hijri date whose
/// Gregorian equivalent beside it is another day, "المقبل" on a date
/// already past at publication.
pub fn internal_dates(article: &Article, facts: &[Fact]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    let text = &article.analysis_text;
    let dates: Vec<(&Fact, &DateValue)> = facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Date(d) => Some((f, d)),
            _ => None,
        })
        .collect();
    let one = |fact: &Fact, message: String, extra: Option<&Fact>| {
        let mut values = vec![Claim::from_fact(article, fact)];
        if let Some(e) = extra {
            values.push(Claim::from_fact(article, e));
        }
        Discrepancy {
            kind: FactKind::Date,
            severity: Severity::Internal,
            topic: "date".to_string(),
            message,
            values,
            missing: Vec::new(),
        }
    };
    for (fact, d) in &dates {
        // The weekday written beside the date (as the extractor read it, else
        // a weekday word right before the date or inside its quote).
        if let (Some(day), None) = (full_date(&d.start), d.end) {
            if let Some(named) = d.weekday.or_else(|| weekday_near(text, fact)) {
                let actual = day.weekday().number_from_monday();
                if named != actual {
                    out.push(one(
                        fact,
                        format!(
                            "date: the weekday named is not that of {} (a {})",
                            day,
                            day.weekday()
                        ),
                        None,
                    ));
                }
            }
        }
        // A range that ends before it starts.
        if let (Some(s), Some(e)) = (full_date(&d.start), d.end.as_ref().and_then(full_date)) {
            if e < s {
                out.push(one(
                    fact,
                    format!("date: the range ends ({e}) before it starts ({s})"),
                    None,
                ));
            }
        }
        // A Hijri date written beside its Gregorian equivalent that is another day.
        if let (Some(h), Some(day)) = (&d.hijri, full_date(&d.start)) {
            let hijri_day = h
                .day
                .and_then(|hd| crate::calendar::hijri_to_gregorian(h.year, h.month, hd));
            if d.calendar == crate::model::Calendar::Gregorian {
                if let Some(g) = hijri_day.filter(|g| *g != day) {
                    out.push(one(
                        fact,
                        format!(
                            "date: the Hijri date written ({}/{}/{}) is {g}, not {day}",
                            h.day.unwrap_or(0),
                            h.month,
                            h.year
                        ),
                        None,
                    ));
                }
            }
        }
        // "المقبل" on a date already past at publication.
        if let (Some(published), Some(day)) = (article.published, full_date(&d.start)) {
            let next = fold(&fact.text);
            let says_next = ["المقبل", "القادم", "prochain", "next"]
                .iter()
                .any(|w| next.contains(w));
            if says_next && d.resolution == Resolution::Explicit && day < published {
                out.push(one(
                    fact,
                    format!("date: called next, but {day} is before publication ({published})"),
                    None,
                ));
            }
        }
    }
    // A Hijri date beside its Gregorian equivalent ("12 رمضان 1446هـ الموافق 12 مارس 2025م").
    for w in dates.windows(2) {
        let ((fa, da), (fb, db)) = (w[0], w[1]);
        if fa.sentence != fb.sentence || fb.span.start < fa.span.end {
            continue;
        }
        let between = fold(&text[fa.span.end..fb.span.start]);
        let linked = between.trim().is_empty()
            || ["الموافق", "الموافق ل", "-", "|", "/"].contains(&between.trim());
        let hijri = |f: &Fact| fold(&f.text).contains("ه") && is_hijri(&f.text);
        if linked && (hijri(fa) || hijri(fb)) {
            if let (Some(a), Some(b)) = (full_date(&da.start), full_date(&db.start)) {
                if a != b {
                    out.push(one(
                        fa,
                        format!(
                            "date: the Hijri date and its Gregorian equivalent differ ({a} vs {b})"
                        ),
                        Some(fb),
                    ));
                }
            }
        }
    }
    out
}

fn is_hijri(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "محرم",
        "صفر",
        "ربيع",
        "جمادى",
        "جمادي",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "القعدة",
        "الحجة",
    ];
    MONTHS.iter().any(|m| text.contains(m))
}

fn full_date(p: &PartialDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(p.year?, p.month, p.day?)
}

/// The weekday named inside the date's quote or in the two words before it.
fn weekday_near(text: &str, fact: &Fact) -> Option<u32> {
    let from = text[..fact.span.start]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(fact.sentence.start.min(fact.span.start), |(i, _)| i)
        .max(fact.sentence.start.min(fact.span.start));
    let window = &text[from..fact.span.end];
    window
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| crate::classes::weekday_of(&crate::classes::norm_word(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Calendar, NumberValue, Qualifier};

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
    fn years_move_in_dates_ranges_and_years_but_not_elsewhere() {
        assert_eq!(
            shift_years("2024-06-28/2024-07-03", 1),
            "2025-06-28/2025-07-03"
        );
        assert_eq!(shift_years("2025", -1), "2024");
        assert_eq!(shift_years("--09-19/--09-21", 1), "--09-19/--09-21");
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
        // "نحو 300" vs 297: within ±10 %.
        assert!(compatible(
            &number(300.0, Qualifier::About),
            &number(297.0, Qualifier::Exact)
        ));
        assert!(compatible(
            &number(200.0, Qualifier::About),
            &number(195.0, Qualifier::Exact)
        ));
        // "أكثر من 40" vs 43; "أزيد من 600" vs "نحو ٦٠٠".
        assert!(compatible(
            &number(40.0, Qualifier::MoreThan),
            &number(43.0, Qualifier::Exact)
        ));
        assert!(compatible(
            &number(600.0, Qualifier::MoreThan),
            &number(600.0, Qualifier::About)
        ));
        assert!(compatible(
            &number(0.0, Qualifier::Tens),
            &number(43.0, Qualifier::Exact)
        ));
        // "أكثر من 20" vs 14 is a conflict; so are 40 vs 43 and "نحو 200" vs 150.
        assert!(!compatible(
            &number(20.0, Qualifier::MoreThan),
            &number(14.0, Qualifier::Exact)
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

    #[test]
    fn an_amount_and_its_conversion_are_never_compared_as_equal_or_conflicting() {
        let usd = Value::Number(NumberValue {
            value: 205e6,
            form: NumberForm::Money,
            qualifier: Qualifier::Exact,
            unit: Some("USD".into()),
            counted: None,
        });
        let mru = Value::Number(NumberValue {
            value: 8.1e9,
            form: NumberForm::Money,
            qualifier: Qualifier::About,
            unit: Some("MRU".into()),
            counted: None,
        });
        // Different currencies never fit as equal values; align keeps them in
        // different slots, so they are never set against each other either.
        assert!(!compatible(&usd, &mru));
    }

    #[test]
    fn a_weekday_that_is_not_its_dates_is_internal() {
        let text = "انعقد يوم الجمعة 26 أبريل 2025 بمدينة سوسة التونسية اجتماع المجلس.";
        let a = Article::from_text("b", text);
        let facts = crate::extract::extract(&a, &crate::extract::ExtractOptions::default());
        let out = internal_dates(&a, &facts);
        assert_eq!(out.len(), 1, "{out:#?}");
        assert_eq!(out[0].severity, Severity::Internal);
        // The right weekday is no finding.
        let a = Article::from_text(
            "a",
            "انعقدت اليوم السبت 26 أفريل 2025 بمدينة سوسة أشغال الدورة.",
        );
        let facts = crate::extract::extract(&a, &crate::extract::ExtractOptions::default());
        assert!(internal_dates(&a, &facts).is_empty());
    }
}

/// Slots that must meet and slots that must not, on real phrasing: the
/// whole path (extract → align → classify) on small articles.
#[cfg(test)]
mod slot_tests {
    use super::*;
    use crate::extract::{entity, extract, ExtractOptions};

    fn article(name: &str, published: Option<(i32, u32, u32)>, text: &str) -> Article {
        let mut a = Article::from_text(name, text);
        a.published = published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        a
    }

    fn findings(articles: &[Article]) -> Vec<Discrepancy> {
        let opts = ExtractOptions::default();
        let facts: Vec<Vec<Fact>> = articles.iter().map(|a| extract(a, &opts)).collect();
        let docs: Vec<(&Article, &[Fact])> = articles
            .iter()
            .zip(&facts)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        let lex = entity::builtin_lexicon();
        let slots = crate::align::align(&docs, lex);
        let rows = classify(&docs, &slots, lex);
        discrepancies(&docs, &rows)
    }

    fn with(out: &[Discrepancy], severity: Severity, topic: &str) -> Vec<Vec<String>> {
        out.iter()
            .filter(|d| d.severity == severity && d.topic.starts_with(topic))
            .map(|d| d.values.iter().map(|c| c.value.clone()).collect())
            .collect()
    }

    #[test]
    fn one_toll_in_different_words_meets_and_conflicts_the_same_day() {
        let day = Some((2025, 1, 22));
        let out = findings(&[
            article(
                "a",
                day,
                "وأعلنت الوزارة أن الزلزال خلف 14 قتيلا وعشرات الجرحى.",
            ),
            article("b", day, "وأعلنت الوزارة أن الزلزال أسفر عن وفاة 17 شخصا."),
            article(
                "c",
                day,
                "وأعلنت الوزارة أن الزلزال أودى بحياة 14 حالة وفاة.",
            ),
        ]);
        assert_eq!(
            with(&out, Severity::Conflict, "deaths").len(),
            1,
            "{out:#?}"
        );
    }

    #[test]
    fn a_later_toll_is_an_update_not_a_conflict() {
        let out = findings(&[
            article(
                "a",
                Some((2025, 1, 20)),
                "لقي 9 أشخاص مصرعهم في الزلزال حسب حصيلة مؤقتة.",
            ),
            article(
                "b",
                Some((2025, 1, 22)),
                "ارتفعت حصيلة الزلزال إلى 14 قتيلا.",
            ),
        ]);
        assert!(
            with(&out, Severity::Conflict, "deaths").is_empty(),
            "{out:#?}"
        );
        assert_eq!(
            with(&out, Severity::Update, "deaths"),
            vec![vec!["9", "14"]]
        );
    }

    #[test]
    fn medals_of_two_countries_and_gold_against_bronze_never_meet() {
        let out = findings(&[
            article(
                "a",
                None,
                "وجاء المغرب ثالثا بعد حصوله على تسع ميداليات بينها ثلاث ذهبيات.",
            ),
            article(
                "b",
                None,
                "وحل المنتخب الكويتي سادسا برصيد 5 ميداليات بينها ثلاث برونزيات.",
            ),
        ]);
        assert!(
            out.iter().all(|d| d.severity != Severity::Conflict),
            "{out:#?}"
        );
        // The same country's medals do meet.
        let out = findings(&[
            article("a", None, "وجاء المغرب ثالثا بعد حصوله على تسع ميداليات."),
            article(
                "b",
                None,
                "وحل المنتخب المغربي ثالثا بعد أن حصد لاعبوه 7 ميداليات.",
            ),
        ]);
        assert_eq!(
            with(&out, Severity::Conflict, "medals").len(),
            1,
            "{out:#?}"
        );
    }

    #[test]
    fn an_approximation_is_a_bound() {
        let out = findings(&[
            article(
                "a",
                None,
                "وتسببت الهزة في انهيار نحو 300 منزل في الدواوير.",
            ),
            article("b", None, "وألحقت الهزة أضرارا بـ297 منزلا في الدواوير."),
        ]);
        assert!(
            with(&out, Severity::Conflict, "homes").is_empty(),
            "{out:#?}"
        );
        let out = findings(&[
            article("a", None, "وأصيب أكثر من 20 شخصا بجروح في الحادث."),
            article("b", None, "وأصيب 14 شخصا بجروح في الحادث."),
        ]);
        assert_eq!(
            with(&out, Severity::Conflict, "injured").len(),
            1,
            "{out:#?}"
        );
    }

    #[test]
    fn a_loan_and_its_conversion_into_another_currency_do_not_conflict() {
        let out = findings(&[
            article("a", None, "ووقعت الحكومة اتفاقية قرض بقيمة 205 ملايين دولار، أي ما يعادل نحو 8.1 مليارات أوقية."),
            article("b", None, "ووقعت الحكومة اتفاقية قرض بقيمة 205 ملايين دولار لتمويل المحطة."),
        ]);
        assert!(
            out.iter().all(|d| d.severity != Severity::Conflict),
            "{out:#?}"
        );
    }

    #[test]
    fn a_different_person_chairing_is_a_conflict_attendance_is_not_signing() {
        let out = findings(&[
            article(
                "a",
                None,
                "انعقد الاجتماع الذي ترأسه رئيس الاتحاد، منير بن عمار، بحضور ممثلي الغرف.",
            ),
            article(
                "b",
                None,
                "ترأس نائب رئيس الاتحاد، عبد السلام الزليتني، اجتماع المجلس التنفيذي.",
            ),
        ]);
        assert_eq!(with(&out, Severity::Conflict, "chair").len(), 1, "{out:#?}");
        let out = findings(&[
            article(
                "a",
                None,
                "ووقع الاتفاقية وزير الاقتصاد محمد بنسعيد، بحضور وزير الطاقة كريم التازي.",
            ),
            article("b", None, "ووقع الاتفاقية وزير الاقتصاد محمد بنسعيد."),
        ]);
        assert!(
            with(&out, Severity::Conflict, "signatory").is_empty(),
            "{out:#?}"
        );
    }

    #[test]
    fn a_headline_that_contradicts_its_body_is_internal_even_alone() {
        let out = findings(&[article(
            "c",
            None,
            "ديوانية نيوز\n\nالمغرب ثالثاً برصيد ٩ ميداليات في عربية الجودو\n\nوحل المنتخب المغربي في المركز الثالث بعد أن حصد لاعبوه ٧ ميداليات.\n",
        )]);
        assert_eq!(
            with(&out, Severity::Internal, "medals").len(),
            1,
            "{out:#?}"
        );
        // A headline that agrees with its body is no finding.
        let out = findings(&[article(
            "a",
            None,
            "شرفة عمان\n\nالمغرب ثالثاً برصيد ٩ ميداليات في عربية الجودو\n\nوجاء المغرب في المركز الثالث بعد حصوله على تسع ميداليات.\n",
        )]);
        assert!(with(&out, Severity::Internal, "").is_empty(), "{out:#?}");
    }

    #[test]
    fn a_previous_edition_is_not_compared_with_this_one() {
        let out = findings(&[
            article("a", None, "افتتحت فعاليات الدورة السادسة للمعرض من 15 إلى 18 ماي 2025.\nوكانت الدورة الخامسة، التي نظمت في ماي 2024، قد استقطبت 95 ألف زائر."),
            article("b", None, "افتتحت فعاليات الدورة السادسة للمعرض من 15 إلى 18 ماي 2025 بحضور 120 ألف زائر."),
        ]);
        assert!(
            out.iter().all(|d| d.severity != Severity::Conflict),
            "{out:#?}"
        );
    }
}
