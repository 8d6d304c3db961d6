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
    date_at, day_with_weekday, days_in_month, fill, full_date, key, left_window, parse_day, settle,
    this_or_relative, weekday_from, word_before, Ctx, Found, Toward,
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
    nth_weekday: NthWeekday,
    week: Week,
    holiday_alone: HolidayAlone,
}

#[derive(Deserialize)]
struct NthWeekday {
    before: HashMap<String, i32>,
    after: HashMap<String, i32>,
    weekdays: HashMap<String, u32>,
    link: Vec<String>,
}

#[derive(Deserialize)]
struct Week {
    nouns: Vec<String>,
}

#[derive(Deserialize)]
struct HolidayAlone {
    recent_past_days: i64,
    generic_after: Vec<String>,
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
    ahead: Vec<String>,
    units: HashMap<String, [i64; 2]>,
    month_units: HashMap<String, [i64; 2]>,
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
    month_units: HashMap<String, [i64; 2]>,
    ahead: Vec<String>,
    /// Ordinal word → nth (-1 = last), before a bare weekday or after one.
    nth: HashMap<String, i32>,
    /// Bare weekday ("اثنين") → 1 = Monday … 7 = Sunday.
    bare_weekdays: HashMap<String, u32>,
    recent_past_days: i64,
    generic_after: Vec<String>,
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
    /// "أول اثنين من مارس": ordinal, bare weekday, month.
    nth_before: Regex,
    /// "الثلاثاء الثالث من شهر سبتمبر": weekday, ordinal, month.
    nth_after: Regex,
    /// "الجمعة من الأسبوع المقبل", "أحد الأسبوع الماضي".
    week_after: Regex,
    /// "الأسبوع المقبل يوم الجمعة", "هذا الأسبوع الجمعة".
    week_before: Regex,
    /// A day right after a weekday: "الخميس 21", "السبت السادس عشر".
    day_after: Regex,
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
    let units: Vec<String> = raw
        .ago
        .units
        .keys()
        .chain(raw.ago.month_units.keys())
        .cloned()
        .collect();
    let ago_leads: Vec<String> = raw.ago.lead.iter().chain(&raw.ago.ahead).cloned().collect();
    let nth_before: Vec<String> = raw.nth_weekday.before.keys().cloned().collect();
    let nth_after: Vec<String> = raw.nth_weekday.after.keys().cloned().collect();
    let bare_weekdays: Vec<String> = raw.nth_weekday.weekdays.keys().cloned().collect();
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
            .replace("{AGOLEAD}", &alternation(&ago_leads))
            .replace("{NTHB}", &alternation(&nth_before))
            .replace("{NTHA}", &alternation(&nth_after))
            .replace("{WDBARE}", &alternation(&bare_weekdays))
            .replace("{NLINK}", &alternation(&raw.nth_weekday.link))
            .replace("{WEEK}", &alternation(&raw.week.nouns))
            .replace("{UNITS}", &alternation(&units))
            .replace("{MNUM}", &alternation(&number_words))
    };
    let re = |t: &str| Regex::new(&sub(t)).expect("calendar pattern compiles");
    let patterns = Patterns {
        hijri: re(
            r"(?i)\b(?P<d>{DAY})\s+(?:(?:{OF})\s+)?(?:(?:{MONTHWORD})\s+)?(?P<m>{HMONTHS})\b(?:\s*,?\s*(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})(?:\s*(?P<suf>{HSUF}))?\b|\s+(?P<r>{REL})\b)?",
        ),
        hijri_month: re(
            r"(?i)\b(?:(?:{MONTHWORD})\s+)?(?P<m>{HMONTHS})\s+(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})(?:\s*(?P<suf>{HSUF}))?\b",
        ),
        holiday: re(
            r"(?i)\b(?:{CLITIC})?(?P<h>{HOLIDAYS})(?:\s+(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})(?:\s*(?P<suf>{HSUF}))?\b|\s+(?P<r>{REL})\b|\b)",
        ),
        nth_before: re(
            r"(?i)\b(?P<o>{NTHB})\s+(?:(?:{DAYLEAD})\s+)?(?P<wd>{WDBARE})\s+(?:(?:{NLINK})\s+|ب)?(?:(?:{MONTHWORD})\s+)?(?:(?P<m>{MONTHS})\b|(?P<mr>{MONTHNOUNS}\s+(?P<r>{REL}))\b|(?P<this>{THIS})\s+{MONTHNOUNS}\b)",
        ),
        nth_after: re(
            r"(?i)\b(?:(?:{DAYLEAD})\s+)?(?P<wd>{WEEKDAYS})\s+(?P<o>{NTHA})\s+(?:(?:{NLINK})\s+|ب)?(?:(?:{MONTHWORD})\s+)?(?:(?P<m>{MONTHS})\b|(?P<mr>{MONTHNOUNS}\s+(?P<r>{REL}))\b|(?P<this>{THIS})\s+{MONTHNOUNS}\b)",
        ),
        week_after: re(
            r"(?i)\b(?:(?:{DAYLEAD})\s+)?(?:(?P<wd>{WEEKDAYS})|(?P<bare>{WDBARE}))\s+(?:(?:من|في)\s+)?(?:{WEEK})\s+(?P<r>{REL})\b",
        ),
        week_before: re(
            r"(?i)\b(?:(?P<this>{THIS})\s+(?:{WEEK})|(?:{WEEK})\s+(?P<r>{REL}))\s+(?:(?:{DAYLEAD})\s+)?(?P<wd>{WEEKDAYS})\b",
        ),
        part: re(r"(?i)\b(?P<p>{PARTS})\s+(?:(?:{MONTHWORD})\s+)?(?P<m>{MONTHS})\b"),
        month_number: re(r"(?i)\b(?P<w>{MNUM})\s+(?P<n>\d{1,2}|\p{Arabic}+(?:\s+عشر)?)\b"),
        ago: re(r"(?i)\b(?P<lead>{AGOLEAD})\s+(?:(?P<n>\d{1,2}|\p{Arabic}+)\s+)?(?P<u>{UNITS})\b"),
        weekday: re(r"(?i)\b(?:(?:{DAYLEAD}|{DAYPARTS})\s+)?(?P<wd>{WEEKDAYS})\b"),
        day_after: re(r"(?i)^\s+(?P<d>{DAY})\b"),
    };
    let lexicon = Lexicon {
        parts,
        units: raw.ago.units.iter().map(|(k, v)| (spaced(k), *v)).collect(),
        month_units: raw
            .ago
            .month_units
            .iter()
            .map(|(k, v)| (spaced(k), *v))
            .collect(),
        ahead: raw.ago.ahead.iter().map(|s| spaced(s)).collect(),
        nth: raw
            .nth_weekday
            .before
            .iter()
            .chain(&raw.nth_weekday.after)
            .map(|(k, v)| (spaced(k), *v))
            .collect(),
        bare_weekdays: raw
            .nth_weekday
            .weekdays
            .iter()
            .map(|(k, v)| (spaced(k), *v))
            .collect(),
        recent_past_days: raw.holiday_alone.recent_past_days,
        generic_after: raw
            .holiday_alone
            .generic_after
            .iter()
            .map(|s| spaced(s))
            .collect(),
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

/// Holidays with their year or a relative word: "عيد الأضحى 2024", "عيد
/// الفطر المقبل"; named alone ("عيد الأضحى"), the occurrence from
/// `[holiday_alone] recent_past_days` before the article's date on.
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
            // Named alone: its occurrence from a few weeks before the article's
            // date on; "كل عام" after it makes it any year's.
            let Some((a, how)) = ctx.anchor else { continue };
            let after = spaced(
                &ctx.text[g.end()..ctx.text.len().min(g.end() + 24)]
                    .chars()
                    .take(12)
                    .collect::<String>(),
            );
            if CAL
                .0
                .generic_after
                .iter()
                .any(|w| after == *w || after.starts_with(&format!("{w} ")))
            {
                continue;
            }
            let Some((hy, _, _)) = gregorian_to_hijri(a) else {
                continue;
            };
            let from = a - Duration::days(CAL.0.recent_past_days);
            let date = (hy - 1..=hy + 1)
                .filter_map(|y| holiday_in_hijri_year(holiday, y))
                .find(|d| *d >= from);
            (date, how, None)
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

/// "قبل أسبوع", "منذ 3 أيام", "قبل يومين", "قبل شهر": days (or calendar
/// months) counted back from the anchor; "بعد يومين", "بعد أسبوعين" counted
/// forward, only after a future cue in the sentence ("وسيعقد الاجتماع بعد
/// يومين") or with "من الآن": otherwise "بعد" tells a story's own sequence
/// ("وبعد يومين عاد الوفد"), not the article's date.
pub(super) fn days_ago(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let (lex, patterns) = &*CAL;
    for c in patterns.ago.captures_iter(ctx.text) {
        let (Some(g), Some(u), Some(lead)) = (c.get(0), c.name("u"), c.name("lead")) else {
            continue;
        };
        let unit = spaced(u.as_str());
        let (per_unit, months) = match (lex.units.get(&unit), lex.month_units.get(&unit)) {
            (Some(v), _) => (*v, false),
            (None, Some(v)) => (*v, true),
            _ => continue,
        };
        let [alone, per] = per_unit;
        let count = match c.name("n") {
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
        let mut end = g.end();
        let mut words = ctx.text[end..].split_whitespace();
        let mut word = || {
            words
                .next()
                .map(|w| spaced(w.trim_matches(|ch: char| !ch.is_alphanumeric())))
        };
        let after = word();
        let from_now = after.as_deref() == Some("من") && word().as_deref() == Some("الان");
        if from_now {
            let rest = &ctx.text[end..];
            end += rest.find("الان").map_or(0, |i| i + "الان".len());
        } else if after.is_some_and(|w| lex.ago_not_after.contains(&w)) {
            continue;
        }
        let ahead = lex.ahead.contains(&spaced(lead.as_str()));
        if ahead && !from_now && !future_before(ctx, g.start()) {
            continue;
        }
        let date = match (months, ahead) {
            (false, false) => a.checked_sub_signed(Duration::days(count)),
            (false, true) => a.checked_add_signed(Duration::days(count)),
            (true, false) => a.checked_sub_months(chrono::Months::new(count as u32)),
            (true, true) => a.checked_add_months(chrono::Months::new(count as u32)),
        };
        let Some(date) = date else { continue };
        out.push(Found {
            start: g.start(),
            end,
            value: full_date(date, how, ctx.original(g.start(), end)),
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
        // "الأحد عشر" (eleven).
        if lex.not_after_weekday.contains(&spaced(next)) {
            continue;
        }
        // "الخميس 21", "السبت السادس عشر": a date's weekday.
        if next.starts_with(|ch: char| ch.is_ascii_digit())
            || patterns.day_after.is_match(&ctx.text[wd.end()..])
        {
            out.extend(weekday_and_day(ctx, g.start(), wd.end(), target));
            continue;
        }
        let future = future_before(ctx, g.start());
        let toward = if future { Toward::From } else { Toward::UpTo };
        let Some(date) = weekday_from(a, target, toward) else {
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

/// The `nth` (1–5, or -1 for the last) `weekday` (1 = Monday) of a month.
pub(super) fn nth_weekday_of(year: i32, month: u32, weekday: u32, nth: i32) -> Option<NaiveDate> {
    let last = days_in_month(Some(year), month);
    if nth < 0 {
        let end = NaiveDate::from_ymd_opt(year, month, last)?;
        let back = (end.weekday().number_from_monday() as i64 - weekday as i64).rem_euclid(7);
        return end.checked_sub_signed(Duration::days(back));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let ahead = (weekday as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
    let day = 1 + ahead as u32 + 7 * (nth as u32).checked_sub(1)?;
    (day <= last).then(|| NaiveDate::from_ymd_opt(year, month, day))?
}

/// The nth weekday of a month: "أول اثنين من مارس", "ثالث ثلاثاء في أيلول
/// 2014", "الثلاثاء الثالث من شهر سبتمبر من عام 2014", "آخر جمعة من الشهر
/// المقبل". The year is settled as for any date (stated, relative word,
/// event tag); a month with none of these is its occurrence from
/// `recent_past_days` before the anchor on, as for a holiday (the day does
/// not exist without a year), and nothing without an anchor.
pub(super) fn nth_weekdays(ctx: &Ctx, out: &mut Vec<Found>) {
    let (lex, patterns) = &*CAL;
    for re in [&patterns.nth_before, &patterns.nth_after] {
        for c in re.captures_iter(ctx.text) {
            let (Some(g), Some(o), Some(wd)) = (c.get(0), c.name("o"), c.name("wd")) else {
                continue;
            };
            let (Some(&nth), Some(weekday)) = (
                lex.nth.get(&spaced(o.as_str())),
                lex.bare_weekdays
                    .get(&spaced(wd.as_str()))
                    .or_else(|| LEXICON.weekdays.get(&key(wd.as_str())))
                    .copied(),
            ) else {
                continue;
            };
            let found = if let Some(m) = c.name("m") {
                let Some(month) = super::month_of(m.as_str()) else {
                    continue;
                };
                nth_of_named_month(ctx, g.start(), m.end(), month, weekday, nth)
            } else {
                let Some((a, how)) = ctx.anchor else { continue };
                let Some((by, word)) = this_or_relative(&c) else {
                    continue;
                };
                let (y, m) = super::shift_month(a.year(), a.month(), by);
                nth_weekday_of(y, m, weekday, nth).map(|d| {
                    let mut v = full_date(d, how, ctx.original(word.start(), word.end()));
                    v.weekday = Some(weekday);
                    Found {
                        start: g.start(),
                        end: g.end(),
                        value: v,
                    }
                })
            };
            out.extend(found);
        }
    }
}

/// The nth weekday of a month named at `..m_end`, with its year after it.
pub(super) fn nth_of_named_month(
    ctx: &Ctx,
    start: usize,
    m_end: usize,
    month: u32,
    weekday: u32,
    nth: i32,
) -> Option<Found> {
    let mut end = super::extend_pair(ctx.text, m_end, month);
    let mut year = None;
    let mut rel = None;
    if let Some((y, e)) = super::year_after(ctx.text, end) {
        year = Some(y);
        end = e;
    } else if let Some((r, rs, re)) = super::rel_after(ctx.text, end) {
        rel = Some((r, ctx.original(rs, re)));
        end = re;
    }
    let settled = settle(ctx, start, end, (month, None), None, (year, None), rel)?;
    let date = match settled.start.year {
        Some(y) => nth_weekday_of(y, month, weekday, nth)?,
        None => {
            let (a, _) = ctx.anchor?;
            let from = a - Duration::days(CAL.0.recent_past_days);
            (a.year() - 1..=a.year() + 1)
                .filter_map(|y| nth_weekday_of(y, month, weekday, nth))
                .find(|d| *d >= from)?
        }
    };
    let resolution = match (settled.resolution, ctx.anchor) {
        (Resolution::Unresolved, Some((_, how))) => how,
        (r, _) => r,
    };
    let mut value = DateValue::new(pd(date), None, resolution, settled.relative);
    value.weekday = Some(weekday);
    Some(Found { start, end, value })
}

/// A weekday of a week counted from the anchor's (Monday to Sunday, see
/// data/calendar.toml `[week]`): "الجمعة من الأسبوع المقبل", "أحد الأسبوع
/// الماضي", "الأسبوع المقبل يوم الجمعة", "هذا الأسبوع الخميس".
pub(super) fn week_weekdays(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let (lex, patterns) = &*CAL;
    for re in [&patterns.week_after, &patterns.week_before] {
        for c in re.captures_iter(ctx.text) {
            let Some(g) = c.get(0) else { continue };
            let weekday = match (c.name("wd"), c.name("bare")) {
                (Some(w), _) => LEXICON.weekdays.get(&key(w.as_str())).copied(),
                (None, Some(b)) => lex.bare_weekdays.get(&spaced(b.as_str())).copied(),
                _ => None,
            };
            let Some(weekday) = weekday else { continue };
            let Some((by, word)) = this_or_relative(&c) else {
                continue;
            };
            let Some(date) = weekday_from(a, weekday, Toward::Week(i64::from(by))) else {
                continue;
            };
            let mut value = full_date(date, how, ctx.original(word.start(), word.end()));
            value.weekday = Some(weekday);
            out.push(Found {
                start: g.start(),
                end: g.end(),
                value,
            });
        }
    }
}

/// Whether a future cue ("سوف", "المقرر", "سيعقد" …, data/calendar.toml),
/// alone or after a glued و/ف, stands in the sentence before folded offset `at`.
fn future_before(ctx: &Ctx, at: usize) -> bool {
    let (s0, _) = ctx.doc.folded_sentence(at);
    let (_, before) = left_window(ctx.text, at);
    let sentence_before = &ctx.text[s0.max(at - before.len())..at];
    // A conjunction may be glued to the cue: "وسيعقد", "فمن المقرر".
    let cue = |w: &str| CAL.0.future_cues.iter().any(|f| f == w);
    sentence_before
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| !w.is_empty() && (cue(w) || w.strip_prefix(['و', 'ف']).is_some_and(cue)))
}

/// A weekday and a day of the month without the month ("يوم الخميس 21",
/// "الجمعة 22.", "السبت السادس عشر"): the date within two months of the anchor on which that
/// day falls on that weekday, nearest first ([`Resolution::Weekday`]). The
/// number must end the phrase (punctuation or the end of the text), so
/// "الخميس 21 قتيلا" is no date.
fn weekday_and_day(ctx: &Ctx, start: usize, wd_end: usize, weekday: u32) -> Option<Found> {
    let (a, _) = ctx.anchor?;
    let c = CAL.1.day_after.captures(&ctx.text[wd_end..])?;
    let d = c.name("d")?;
    let end = wd_end + d.end();
    let day = parse_day(d.as_str())?;
    // An ordinal up to the fifth after a weekday counts weekdays ("الأحد
    // الثاني"), not days of the month.
    if !d.as_str().starts_with(|ch: char| ch.is_ascii_digit()) && day <= 5 {
        return None;
    }
    let mut after = ctx.text[end..].chars();
    let closes = match after.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let t = ctx.text[end..].trim_start();
            t.is_empty() || t.starts_with(['.', '،', ',', ';', '؛', ')', '(', '-', '–'])
        }
        Some(c) => {
            matches!(c, '.' | '،' | ',' | ';' | '؛' | ')')
                && !after.next().is_some_and(|n| n.is_ascii_digit())
        }
    };
    if !closes {
        return None;
    }
    let date = day_with_weekday(a, day, weekday, 62)?;
    let mut value = DateValue::new(pd(date), None, Resolution::Weekday, None);
    value.weekday = Some(weekday);
    Some(Found { start, end, value })
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
