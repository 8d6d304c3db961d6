//! Arabic calendar forms beyond a Gregorian month name with its day:
//! - Hijri dates ("12 رمضان 1446هـ"), converted with the Umm al-Qura calendar
//!   (`crate::calendar`), and paired with the Gregorian date written beside
//!   them ("… الموافق 12 مارس 2025م"): one fact carrying both;
//! - a Hijri month with its year ("رمضان 2019", "شهر رمضان 1446هـ"): the
//!   month's days; holidays with their year or a relative word ("عيد الأضحى
//!   2024", "عيد الفطر المقبل");
//! - parts of a month ("أوائل مارس", "منتصف أكتوبر 2025", "أواخر شهر مارس");
//! - months as numbers ("شهر 3", "شهر عشرة", "من 27 إلى 29 من الشهر الثامن");
//! - days counted back from the article's date ("قبل أسبوع", "منذ 3 أيام");
//! - weekdays alone ("يوم الخميس", "مساء الأحد"), read against the article's
//!   date: the last such day, or the next one after a future cue.
//!
//! Lexicons: data/hijri.toml, data/calendar.toml. A Hijri date or holiday
//! without a year or relative word is not reported (its year would be a
//! guess), nor is anything relative without an anchor date.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

use super::lexicon::{alternation, Rel, LEXICON};
use super::{
    date_at, days_in_month, fill, full_date, key, left_window, parse_day, settle, word_before, Ctx,
    Found,
};
use crate::calendar::{
    gregorian_to_hijri, hijri_to_gregorian, holiday_in_gregorian_year, holiday_in_hijri_year,
    plausible_hijri_year, Holiday, HIJRI,
};
use crate::model::{Calendar, DateValue, HijriDate, PartialDate, Resolution};
use crate::normalize::fold;
use crate::word_regex::Regex;

#[derive(Deserialize)]
struct CalendarFile {
    month_parts: MonthParts,
    ago: Ago,
    weekdays: Weekdays,
    month_number: MonthNumber,
}

#[derive(Deserialize)]
struct Weekdays {
    future_cues: Vec<String>,
    not_before: Vec<String>,
    not_after: Vec<String>,
}

#[derive(Deserialize)]
struct MonthParts {
    early: Vec<String>,
    middle: Vec<String>,
    late: Vec<String>,
}

#[derive(Deserialize)]
struct Ago {
    lead: Vec<String>,
    units: HashMap<String, [i64; 2]>,
    not_after: Vec<String>,
}

#[derive(Deserialize)]
struct MonthNumber {
    number_lead: Vec<String>,
    ordinal_lead: Vec<String>,
}

/// Which part of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Middle,
    Late,
}

struct Lexicon {
    parts: HashMap<String, Part>,
    units: HashMap<String, [i64; 2]>,
    ago_not_after: Vec<String>,
    future_cues: Vec<String>,
    not_before: Vec<String>,
    not_after_weekday: Vec<String>,
    number_lead: Vec<String>,
}

fn spaced(s: &str) -> String {
    fold(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Patterns {
    hijri: Regex,
    hijri_month: Regex,
    holiday: Regex,
    part: Regex,
    month_number: Regex,
    ago: Regex,
    weekday: Regex,
}

static CAL: LazyLock<(Lexicon, Patterns)> = LazyLock::new(|| {
    let raw: CalendarFile = toml::from_str(include_str!("../../../data/calendar.toml"))
        .expect("data/calendar.toml is valid (checked by tests)");
    let mut parts = HashMap::new();
    for (names, part) in [
        (&raw.month_parts.early, Part::Early),
        (&raw.month_parts.middle, Part::Middle),
        (&raw.month_parts.late, Part::Late),
    ] {
        for n in names {
            parts.insert(spaced(n), part);
        }
    }
    let part_names: Vec<String> = parts.keys().cloned().collect();
    let hijri_months: Vec<String> = HIJRI.months.keys().cloned().collect();
    let holidays: Vec<String> = HIJRI.holidays.keys().cloned().collect();
    let suffixes: Vec<String> = HIJRI.year_suffixes.clone();
    let units: Vec<String> = raw.ago.units.keys().cloned().collect();
    let number_words: Vec<String> = raw
        .month_number
        .number_lead
        .iter()
        .chain(&raw.month_number.ordinal_lead)
        .cloned()
        .collect();
    let sub = |t: &str| {
        fill(t)
            .replace("{HMONTHS}", &alternation(&hijri_months))
            .replace("{HOLIDAYS}", &alternation(&holidays))
            .replace("{HSUF}", &alternation(&suffixes))
            .replace("{PARTS}", &alternation(&part_names))
            .replace("{AGOLEAD}", &alternation(&raw.ago.lead))
            .replace("{UNITS}", &alternation(&units))
            .replace("{MNUM}", &alternation(&number_words))
    };
    let re = |t: &str| Regex::new(&sub(t)).expect("calendar pattern compiles");
    let patterns = Patterns {
        hijri: re(
            r"(?i)\b(?P<d>{DAY})\s+(?:(?:{OF})\s+)?(?:(?:{MONTHWORD})\s+)?(?P<m>{HMONTHS})\b(?:\s*,?\s*(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})\s*(?P<suf>{HSUF})?\b|\s+(?P<r>{REL})\b)?",
        ),
        hijri_month: re(
            r"(?i)\b(?:(?:{MONTHWORD})\s+)?(?P<m>{HMONTHS})\s+(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})\s*(?P<suf>{HSUF})?\b",
        ),
        holiday: re(
            r"(?i)\b(?P<h>{HOLIDAYS})(?:\s+(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})\s*(?P<suf>{HSUF})?\b|\s+(?P<r>{REL})\b)",
        ),
        part: re(r"(?i)\b(?P<p>{PARTS})\s+(?:(?:{MONTHWORD})\s+)?(?P<m>{MONTHS})\b"),
        month_number: re(r"(?i)\b(?P<w>{MNUM})\s+(?P<n>\d{1,2}|\p{Arabic}+(?:\s+عشر)?)\b"),
        ago: re(r"(?i)\b(?P<lead>{AGOLEAD})\s+(?:(?P<n>\d{1,2}|\p{Arabic}+)\s+)?(?P<u>{UNITS})\b"),
        weekday: re(r"(?i)\b(?:(?:{DAYLEAD}|{DAYPARTS})\s+)?(?P<wd>{WEEKDAYS})\b"),
    };
    let lexicon = Lexicon {
        parts,
        units: raw.ago.units.iter().map(|(k, v)| (spaced(k), *v)).collect(),
        ago_not_after: raw.ago.not_after.iter().map(|s| spaced(s)).collect(),
        future_cues: raw.weekdays.future_cues.iter().map(|s| spaced(s)).collect(),
        not_before: raw.weekdays.not_before.iter().map(|s| spaced(s)).collect(),
        not_after_weekday: raw.weekdays.not_after.iter().map(|s| spaced(s)).collect(),
        number_lead: raw
            .month_number
            .number_lead
            .iter()
            .map(|s| spaced(s))
            .collect(),
    };
    (lexicon, patterns)
});

fn pd(d: NaiveDate) -> PartialDate {
    PartialDate {
        year: Some(d.year()),
        month: d.month(),
        day: Some(d.day()),
    }
}

fn hijri_value(
    start: NaiveDate,
    end: Option<NaiveDate>,
    hijri: HijriDate,
    resolution: Resolution,
    relative: Option<String>,
) -> DateValue {
    let mut v = DateValue::new(pd(start), end.map(pd), resolution, relative);
    v.calendar = Calendar::Hijri;
    v.hijri = Some(hijri);
    v
}

/// The Hijri year a written year stands for: a Hijri year when it has its
/// suffix or is in the Hijri range, else `None` (a Gregorian year).
fn hijri_year(y: i32, suffix: bool) -> Option<i32> {
    (suffix || (plausible_hijri_year(y) && !(1900..=2100).contains(&y))).then_some(y)
}

/// Hijri dates with a day: "12 رمضان 1446هـ", "21 ذي الحجة 1446", "12 رمضان الجاري".
pub(super) fn hijri_dates(ctx: &Ctx, out: &mut Vec<Found>) {
    let patterns = &CAL.1;
    for c in patterns.hijri.captures_iter(ctx.text) {
        let (Some(g), Some(d), Some(m)) = (c.get(0), c.name("d"), c.name("m")) else {
            continue;
        };
        if !super::clean_number_start(ctx.text, d.start()) {
            continue;
        }
        let (Some(day), Some(&month)) =
            (parse_day(d.as_str()), HIJRI.months.get(&spaced(m.as_str())))
        else {
            continue;
        };
        let (year, resolution, relative) = if let Some(y) = c.name("y") {
            let Ok(y) = y.as_str().parse::<i32>() else {
                continue;
            };
            // A Hijri date's year is Hijri: a Gregorian-looking year here is a mistake.
            let Some(y) = hijri_year(y, c.name("suf").is_some()) else {
                continue;
            };
            (y, Resolution::Explicit, None)
        } else if let Some(r) = c.name("r") {
            // "12 رمضان الجاري": the Hijri year of the article's date.
            let (Some((a, how)), Some(Rel::Current)) =
                (ctx.anchor, LEXICON.relative.get(&key(r.as_str())).copied())
            else {
                continue;
            };
            let Some((hy, _, _)) = gregorian_to_hijri(a) else {
                continue;
            };
            (hy, how, Some(ctx.original(r.start(), r.end())))
        } else {
            continue;
        };
        let Some(date) = hijri_to_gregorian(year, month, day) else {
            continue;
        };
        let hijri = HijriDate {
            year,
            month,
            day: Some(day),
        };
        let mut start = d.start();
        let mut weekday = None;
        if let Some((ws, wd)) = super::weekday_start(ctx, start, 0) {
            start = ws;
            weekday = Some(wd);
        }
        let mut value = hijri_value(date, None, hijri, resolution, relative);
        value.weekday = weekday;
        out.push(Found {
            start,
            end: g.end(),
            value,
        });
    }
}

/// The first and last Gregorian days of a Hijri month.
fn hijri_month_days(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = hijri_to_gregorian(year, month, 1)?;
    let next = if month == 12 {
        hijri_to_gregorian(year + 1, 1, 1)?
    } else {
        hijri_to_gregorian(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// A Hijri month with its year ("رمضان 2019", "شهر رمضان 1446هـ"): its days.
/// With a Gregorian year, the Hijri month that begins in it (if only one does).
pub(super) fn hijri_months(ctx: &Ctx, out: &mut Vec<Found>) {
    for c in CAL.1.hijri_month.captures_iter(ctx.text) {
        let (Some(g), Some(m), Some(y)) = (c.get(0), c.name("m"), c.name("y")) else {
            continue;
        };
        let (Some(&month), Ok(y)) = (
            HIJRI.months.get(&spaced(m.as_str())),
            y.as_str().parse::<i32>(),
        ) else {
            continue;
        };
        let hy = match hijri_year(y, c.name("suf").is_some()) {
            Some(hy) => Some(hy),
            None if (1900..=2100).contains(&y) => {
                holiday_in_gregorian_year(Holiday { month, day: 1 }, y)
                    .and_then(gregorian_to_hijri)
                    .map(|(hy, _, _)| hy)
            }
            None => None,
        };
        let Some(hy) = hy else { continue };
        let Some((first, last)) = hijri_month_days(hy, month) else {
            continue;
        };
        let hijri = HijriDate {
            year: hy,
            month,
            day: None,
        };
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value: hijri_value(first, Some(last), hijri, Resolution::Explicit, None),
        });
    }
}

/// Holidays with their year or a relative word: "عيد الأضحى 2024", "عيد الفطر المقبل".
pub(super) fn holidays(ctx: &Ctx, out: &mut Vec<Found>) {
    for c in CAL.1.holiday.captures_iter(ctx.text) {
        let (Some(g), Some(h)) = (c.get(0), c.name("h")) else {
            continue;
        };
        let Some(&holiday) = HIJRI.holidays.get(&spaced(h.as_str())) else {
            continue;
        };
        let (date, resolution, relative) = if let Some(y) = c.name("y") {
            let Ok(y) = y.as_str().parse::<i32>() else {
                continue;
            };
            let date = match hijri_year(y, c.name("suf").is_some()) {
                Some(hy) => holiday_in_hijri_year(holiday, hy),
                None => holiday_in_gregorian_year(holiday, y),
            };
            (date, Resolution::Explicit, None)
        } else if let Some(r) = c.name("r") {
            let (Some((a, how)), Some(rel)) =
                (ctx.anchor, LEXICON.relative.get(&key(r.as_str())).copied())
            else {
                continue;
            };
            let Some((hy, _, _)) = gregorian_to_hijri(a) else {
                continue;
            };
            let around: Vec<NaiveDate> = (hy - 1..=hy + 1)
                .filter_map(|y| holiday_in_hijri_year(holiday, y))
                .collect();
            let date = match rel {
                Rel::Next => around.iter().copied().find(|d| *d > a),
                Rel::Previous => around.iter().copied().rev().find(|d| *d < a),
                Rel::Current => holiday_in_gregorian_year(holiday, a.year()),
            };
            (date, how, Some(ctx.original(r.start(), r.end())))
        } else {
            continue;
        };
        let Some(date) = date else { continue };
        let Some((hy, _, _)) = gregorian_to_hijri(date) else {
            continue;
        };
        let hijri = HijriDate {
            year: hy,
            month: holiday.month,
            day: Some(holiday.day),
        };
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value: hijri_value(date, None, hijri, resolution, relative),
        });
    }
}

/// Parts of a month: "أوائل مارس" (days 1-10), "منتصف شهر أكتوبر 2025"
/// (11-20), "أواخر مارس المقبل" (21 to the end). The month's year is settled
/// as for any date (stated, relative word, event tag, else left open).
pub(super) fn month_parts(ctx: &Ctx, out: &mut Vec<Found>) {
    let (lex, patterns) = &*CAL;
    for c in patterns.part.captures_iter(ctx.text) {
        let (Some(g), Some(p), Some(m)) = (c.get(0), c.name("p"), c.name("m")) else {
            continue;
        };
        let (Some(&part), Some(month)) = (
            lex.parts.get(&spaced(p.as_str())),
            super::month_of(m.as_str()),
        ) else {
            continue;
        };
        let mut end = super::extend_pair(ctx.text, m.end(), month);
        let mut year = None;
        let mut rel = None;
        if let Some((y, e)) = super::year_after(ctx.text, end) {
            year = Some(y);
            end = e;
        } else if let Some((r, rs, re)) = super::rel_after(ctx.text, end) {
            rel = Some((r, ctx.original(rs, re)));
            end = re;
        }
        let last = days_in_month(year, month);
        let (d1, d2) = match part {
            Part::Early => (1, 10),
            Part::Middle => (11, 20),
            Part::Late => (21, last),
        };
        let Some(mut value) = settle(
            ctx,
            g.start(),
            end,
            (month, Some(d1)),
            Some((month, Some(d2))),
            (None, year),
            rel,
        ) else {
            continue;
        };
        // February's last day depends on the year settled.
        if part == Part::Late {
            if let Some(e) = value.end.as_mut() {
                e.day = Some(days_in_month(e.year, month));
            }
        }
        out.push(Found {
            start: g.start(),
            end,
            value,
        });
    }
}

/// Months as numbers: "شهر 3", "شهر عشرة" (a month, alone or dated), and
/// "الشهر الثامن" with a day before it or a year after it.
pub(super) fn month_numbers(ctx: &Ctx, out: &mut Vec<Found>) {
    let (lex, patterns) = &*CAL;
    for c in patterns.month_number.captures_iter(ctx.text) {
        let (Some(g), Some(w), Some(n)) = (c.get(0), c.name("w"), c.name("n")) else {
            continue;
        };
        let lead_number = lex.number_lead.contains(&spaced(w.as_str()));
        let month = if n.as_str().bytes().all(|b| b.is_ascii_digit()) {
            if !lead_number {
                continue;
            }
            n.as_str().parse::<u32>().ok()
        } else if lead_number {
            crate::extract::number::parse_number_words(n.as_str())
                .filter(|v| v.fract() == 0.0)
                .map(|v| v as u32)
        } else {
            parse_day(n.as_str())
        };
        let Some(month) = month.filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        // The month name stands at [w.start, g.end): the usual reading of
        // days before it and a year or relative word after it.
        if let Some(found) = date_at(ctx, w.start(), w.start(), g.end(), month, true, 0) {
            out.push(found);
        } else if lead_number {
            if let Some(value) = settle(
                ctx,
                g.start(),
                g.end(),
                (month, None),
                None,
                (None, None),
                None,
            ) {
                out.push(Found {
                    start: g.start(),
                    end: g.end(),
                    value,
                });
            }
        }
    }
}

/// "قبل أسبوع", "منذ 3 أيام", "قبل يومين": days counted back from the anchor.
pub(super) fn days_ago(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let (lex, patterns) = &*CAL;
    for c in patterns.ago.captures_iter(ctx.text) {
        let (Some(g), Some(u)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some(&[alone, per]) = lex.units.get(&spaced(u.as_str())) else {
            continue;
        };
        let days = match c.name("n") {
            Some(n) => {
                let v = if n.as_str().bytes().all(|b| b.is_ascii_digit()) {
                    n.as_str().parse::<f64>().ok()
                } else {
                    crate::extract::number::parse_number_words(n.as_str())
                };
                match v.filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v <= 60.0) {
                    Some(v) if per > 0 => v as i64 * per,
                    _ => continue,
                }
            }
            None if alone > 0 => alone,
            None => continue,
        };
        let after = ctx.text[g.end()..].split_whitespace().next().map(spaced);
        if after.is_some_and(|w| lex.ago_not_after.contains(&w)) {
            continue;
        }
        let Some(date) = a.checked_sub_signed(Duration::days(days)) else {
            continue;
        };
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value: full_date(date, how, ctx.original(g.start(), g.end())),
        });
    }
}

/// Weekdays alone: "يوم الخميس", "مساء الأحد", "الاثنين". The last such day
/// up to the anchor (the same day included), or, after a future cue in the
/// sentence, the next one from it.
pub(super) fn weekdays_alone(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let (lex, patterns) = &*CAL;
    for c in patterns.weekday.captures_iter(ctx.text) {
        let (Some(g), Some(wd)) = (c.get(0), c.name("wd")) else {
            continue;
        };
        // Latin weekdays ("jeudi", "Thursday") are left to the Latin extractors.
        if wd.as_str().is_ascii() {
            continue;
        }
        let Some(&target) = LEXICON.weekdays.get(&key(wd.as_str())) else {
            continue;
        };
        if lex.not_before.contains(&word_before(ctx.text, g.start())) {
            continue;
        }
        let mut rest = ctx.text[wd.end()..].split_whitespace();
        let next = rest.next().unwrap_or("");
        // "الأحد عشر" (eleven); "الثلاثاء 19", "الثلاثاء التاسع عشر": a date's weekday.
        if lex.not_after_weekday.contains(&spaced(next))
            || next.starts_with(|ch: char| ch.is_ascii_digit())
            || parse_day(next).is_some()
        {
            continue;
        }
        let (s0, _) = ctx.doc.folded_sentence(g.start());
        let (_, before) = left_window(ctx.text, g.start());
        let sentence_before = &ctx.text[s0.max(g.start() - before.len())..g.start()];
        let future = sentence_before
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| !w.is_empty() && lex.future_cues.iter().any(|f| f == w));
        let today = a.weekday().number_from_monday() as i64;
        let target_n = target as i64;
        let offset = if future {
            (target_n - today).rem_euclid(7)
        } else {
            -(today - target_n).rem_euclid(7)
        };
        let Some(date) = a.checked_add_signed(Duration::days(offset)) else {
            continue;
        };
        let mut value = full_date(date, how, ctx.original(wd.start(), wd.end()));
        value.weekday = Some(target);
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value,
        });
    }
}

/// A Hijri date and a Gregorian date written side by side ("الأربعاء 12
/// رمضان 1446هـ الموافق 12 مارس 2025م", "17 يونيو 2025م الموافق 21 ذي
/// الحجة 1446هـ") become one fact: the Gregorian date as written, with the
/// Hijri date as written beside it (they may disagree: a check for the
/// comparison). `found` is sorted by start.
pub(super) fn pair_hijri_with_gregorian(text: &str, found: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let hijri_first = a.value.calendar == Calendar::Hijri
            && b.value.calendar == Calendar::Gregorian
            && b.value.end.is_none()
            && b.value.start.day.is_some();
        let gregorian_first = a.value.calendar == Calendar::Gregorian
            && b.value.calendar == Calendar::Hijri
            && a.value.end.is_none()
            && a.value.start.day.is_some();
        let joined = a.end <= b.start && joins(&text[a.end..b.start]);
        if (hijri_first || gregorian_first)
            && joined
            && a.value.hijri.is_some() != b.value.hijri.is_some()
        {
            let (h, gr) = if hijri_first { (a, b) } else { (b, a) };
            let mut value = gr.value.clone();
            value.hijri = h.value.hijri;
            value.weekday = gr.value.weekday.or(h.value.weekday);
            let merged = Found {
                start: a.start,
                end: b.end,
                value,
            };
            found[i] = merged;
            found.remove(i + 1);
        }
        i += 1;
    }
}

/// What may stand between a date and its equivalent in the other calendar.
fn joins(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '|' | '/' | ',' | '(' | ')' | '،'))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 1
        && words
            .iter()
            .all(|w| *w == "الموافق" || *w == "م" || *w == "ه")
        && between.chars().count() <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads() {
        let (lex, _) = &*CAL;
        assert_eq!(lex.parts.get("اوايل"), Some(&Part::Early));
        assert_eq!(lex.units.get("اسبوع"), Some(&[7, 7]));
        assert!(lex.future_cues.contains(&"المقرر".to_string()));
    }

    #[test]
    fn joins_only_connectors() {
        assert!(joins(" الموافق "));
        assert!(joins(" - "));
        assert!(joins(" | "));
        assert!(!joins(" وفي "));
        assert!(!joins(" الموافق ثم "));
    }
}
