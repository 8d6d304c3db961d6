//! Dates of French and English sentences that the day-first grammar of the
//! parent module does not read: the English month-first order ("Jan. 19",
//! "March 12, 2025", "Oct. 3-6", "from March 3 to March 6, 2025", "Sunday,
//! Jan. 19"), and relative words ("last Thursday", "mercredi dernier", "ce
//! mercredi", "next month", "le mois dernier", "mars prochain",
//! "yesterday", "hier"), with the words in data/latin_dates.toml.
//!
//! Only Latin-script sentences are read (see `extract::language`), so
//! Arabic text pays nothing. Years and relative words are settled exactly as
//! for Arabic dates (the parent's `settle`): a stated year, else the anchor
//! (publication, else reference date) for relative words, else an event tag,
//! else the year stays open.
//!
//! Month names that are also words ("May", "March", "Mar") count before a
//! day only when written with a capital ("may 5 people" is no date).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use serde::Deserialize;

use super::latin_calendar::{alternation, capital_at, latin};
use super::{
    days_in_month, full_date, key, month_of, settle, weekday_from, Ctx, Found, Rel, Toward, LEXICON,
};
use crate::model::{DateValue, PartialDate};

#[derive(Deserialize)]
struct File {
    before: Rels,
    after: Rels,
    month: Rels,
    days: HashMap<String, Vec<String>>,
    range: Range,
    nth: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Rels {
    previous: Vec<String>,
    next: Vec<String>,
    #[serde(default)]
    current: Vec<String>,
    #[serde(default)]
    week_previous: Vec<String>,
    #[serde(default)]
    week_next: Vec<String>,
}

#[derive(Deserialize)]
struct Range {
    from: Vec<String>,
    to: Vec<String>,
}

struct Lexicon {
    rel: HashMap<String, Rel>,
    /// Words before a weekday that mean the week before or after ("next Friday").
    week_rel: HashMap<String, i64>,
    month_rel: HashMap<String, Rel>,
    days: HashMap<String, i64>,
    month_day: Regex,
    weekday_rel: Regex,
    month_rel_re: Regex,
    month_named_rel: Regex,
    day_words: Regex,
    nth: HashMap<String, i32>,
    /// "the third Monday of March", "last day of October 2015", "premier mercredi du mois prochain".
    nth_of_month: Regex,
    /// "20 of next month", "le 20 du mois prochain".
    day_of_rel_month: Regex,
    /// Month names inside numeric dates: "05-Aug-2016", "2019/aug/01", "Oct/2", "Dec-2018", "Feb13".
    month_numeric: Regex,
}

fn load() -> Lexicon {
    let f: File = toml::from_str(include_str!("../../../data/latin_dates.toml"))
        .expect("data/latin_dates.toml is valid");
    let months = alternation(LEXICON.months.keys().filter(|k| latin(k)));
    let weekdays = alternation(LEXICON.weekdays.keys().filter(|k| latin(k)));
    let mut rel = HashMap::new();
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (rels, list) in [(&f.before, &mut before), (&f.after, &mut after)] {
        for (words, kind) in [
            (&rels.previous, Rel::Previous),
            (&rels.next, Rel::Next),
            (&rels.current, Rel::Current),
        ] {
            for w in words {
                rel.insert(key(w), kind);
                list.push(w.clone());
            }
        }
    }
    let week_rel: HashMap<String, i64> = (f.before.week_previous.iter().map(|w| (key(w), -1)))
        .chain(f.before.week_next.iter().map(|w| (key(w), 1)))
        .collect();
    let mut month_rel = HashMap::new();
    let mut month_phrases = Vec::new();
    for (words, kind) in [
        (&f.month.previous, Rel::Previous),
        (&f.month.next, Rel::Next),
        (&f.month.current, Rel::Current),
    ] {
        for w in words {
            month_rel.insert(key(w), kind);
            month_phrases.push(w.clone());
        }
    }
    let mut days = HashMap::new();
    let mut day_phrases = Vec::new();
    for (k, words) in &f.days {
        let Ok(offset) = k.trim().parse::<i64>() else {
            continue;
        };
        for w in words {
            days.insert(key(w), offset);
            day_phrases.push(w.clone());
        }
    }
    let mut nth = HashMap::new();
    for (n, words) in &f.nth {
        if let Ok(v) = n.trim().parse::<i32>() {
            for w in words {
                nth.insert(key(w), v);
            }
        }
    }
    let nth_alt = alternation(f.nth.values().flatten());
    let month_phrase_alt = alternation(&month_phrases);
    let from = alternation(&f.range.from);
    let to = alternation(&f.range.to);
    let before = alternation(&before);
    let after = alternation(&after);
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let re = |s: String| Regex::new(&s).expect("Latin date pattern compiles");
    Lexicon {
        month_day: re(format!(
            r"(?i)(?:\b(?P<wd>{weekdays})\s*,?\s+)?(?:\b(?P<from>{from})\s+)?\b(?P<m>{months})\b\.?\s*(?P<d1>{day})\b(?:\s*(?:{to})\s*(?:(?P<m2>{months})\b\.?\s*)?(?P<d2>{day})\b)?(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
        )),
        weekday_rel: re(format!(
            r"(?i)\b(?:(?P<r1>{before})\s+(?P<wd1>{weekdays})|(?P<wd2>{weekdays})\s+(?P<r2>{after}))\b"
        )),
        month_rel_re: re(format!(
            r"(?i)\b(?P<p>{})(?:\b|$)",
            alternation(&month_phrases)
        )),
        month_named_rel: re(format!(
            r"(?i)\b(?:(?P<r1>{before})\s+(?P<m1>{months})|(?:(?P<d>\d{{1,2}})(?:er)?\s+)?(?P<m2>{months})\s+(?P<r2>{after}))\b"
        )),
        day_words: re(format!(
            r"(?i)(?:^|\b)(?P<w>{})(?:\b|$)",
            alternation(&day_phrases)
        )),
        nth_of_month: re(format!(
            r"(?i)\b(?:(?:the|le|la)\s+)?(?P<o>{nth_alt})\s+(?P<wd>{weekdays}|day|jour)\s*(?:(?:of|in)\s+(?:the\s+)?|(?:de|du|d['’])\s*)?(?:(?P<m>{months})\b\.?|(?P<mr>{month_phrase_alt})(?:\b|$)|(?P<cur>month|mois)\b)"
        )),
        day_of_rel_month: re(format!(
            r"(?i)\b(?:(?:the|le)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|e)?\s+(?P<day>day\s+)?(?P<link>(?:of|in)\s+(?:the\s+)?|(?:du|de)\s+)?(?P<mr>{month_phrase_alt})(?:\b|$)"
        )),
        month_numeric: re(format!(
            r"(?i)\b(?:(?P<y1>\d{{4}})[-/](?P<m1>{months})[-/](?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:[-/](?P<m2>{months})[-/](?P<y2>\d{{4}}|\d{{2}})|(?P<m3>{months})(?:\s*,?\s*(?P<y3>\d{{4}}))?)|(?P<m4>{months})(?:[-/](?P<d4>\d{{1,2}})(?:[-/](?P<y4>\d{{4}}))?|(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<y5>\d{{4}}))?|[-/](?P<y6>\d{{4}})))\b"
        )),
        nth,
        rel,
        week_rel,
        month_rel,
        days,
    }
}

static LATIN: LazyLock<Lexicon> = LazyLock::new(load);

fn day_of(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Finds the Latin dates of the article's Latin-script sentences.
pub(super) fn find(ctx: &Ctx, out: &mut Vec<Found>) {
    let runs = ctx.doc.latin_runs();
    if runs.is_empty() {
        return;
    }
    for r in runs {
        let start = ctx.doc.folded.from_original(r.start);
        let end = ctx.doc.folded.from_original(r.end).min(ctx.text.len());
        if start >= end {
            continue;
        }
        nth_of_month(ctx, start, end, out);
        month_numeric(ctx, start, end, out);
        day_of_relative_month(ctx, start, end, out);
        month_first(ctx, start, end, out);
        relative_weekdays(ctx, start, end, out);
        relative_months(ctx, start, end, out);
        named_months(ctx, start, end, out);
        day_words(ctx, start, end, out);
    }
}

/// Month names written inside numeric dates, or glued to their day:
/// "05-Aug-2016", "31/Oct/1974", "2019/aug/01", "Oct/2", "Dec-2018",
/// "Dec31, 1994", "14april 2015". A month written with a space before its
/// day is the other readers'.
fn month_numeric(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in LATIN.month_numeric.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        let Some(m) = c
            .name("m1")
            .or(c.name("m2"))
            .or(c.name("m3"))
            .or(c.name("m4"))
        else {
            continue;
        };
        let before = text[..g.start()].chars().next_back();
        let after = text[g.end()..].chars().next();
        if before.is_some_and(|ch| ch.is_alphanumeric() || "/-.".contains(ch))
            || after.is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '-')
        {
            continue;
        }
        let Some(month) = month_of(m.as_str()) else {
            continue;
        };
        let num = |n: &str| c.name(n).and_then(|x| x.as_str().parse::<u32>().ok());
        let day = num("d1").or(num("d2")).or(num("d4")).or(num("d5"));
        let year = match (
            num("y1")
                .or(num("y2"))
                .or(num("y3"))
                .or(num("y4"))
                .or(num("y5"))
                .or(num("y6")),
            c.name("y2"),
        ) {
            (Some(y), Some(y2)) if y2.len() == 2 => {
                Some(if y < 50 { 2000 + y } else { 1900 + y } as i32)
            }
            (y, _) => y.map(|y| y as i32),
        };
        if year.is_some_and(|y| !(1800..=2100).contains(&y)) {
            continue;
        }
        let (start, end) = (from + g.start(), from + g.end());
        if day.is_none() {
            // A month and its year: "Dec-2018".
            let Some(y) = year else { continue };
            let month_value = PartialDate {
                year: Some(y),
                month,
                day: None,
            };
            out.push(Found {
                start,
                end,
                value: DateValue::new(month_value, None, crate::model::Resolution::Explicit, None),
            });
            continue;
        }
        if let Some(value) = settle(ctx, start, end, (month, day), None, (None, year), None) {
            out.push(Found { start, end, value });
        }
    }
}

/// The month of a relative month phrase ("next month", "le mois dernier")
/// against the anchor, with the phrase's original text.
fn relative_month(ctx: &Ctx, phrase: &str) -> Option<(i32, u32)> {
    let (a, _) = ctx.anchor?;
    let kind = LATIN.month_rel.get(&key(phrase))?;
    Some(super::shift_month(a.year(), a.month(), kind.step()))
}

/// The nth weekday or day of a month: "the third Monday of March", "last
/// Sunday of March 2014", "first Monday of next month", "le premier mercredi
/// du mois prochain", "the last day of October 2015", "le 3e jour d'octobre".
fn nth_of_month(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in LATIN.nth_of_month.captures_iter(text) {
        let (Some(g), Some(o), Some(wd)) = (c.get(0), c.name("o"), c.name("wd")) else {
            continue;
        };
        let Some(&nth) = LATIN.nth.get(&key(o.as_str())) else {
            continue;
        };
        let weekday = LEXICON.weekdays.get(&key(wd.as_str())).copied();
        let start = from + g.start();
        if let Some(m) = c.name("m") {
            let Some(month) = month_of(m.as_str()) else {
                continue;
            };
            let found = match weekday {
                Some(w) => super::arabic_calendar::nth_of_named_month(
                    ctx,
                    start,
                    from + m.end(),
                    month,
                    w,
                    nth,
                ),
                None => {
                    // The nth (or last) day of a named month, its year as for any date.
                    let mut end = from + m.end();
                    let year = super::year_after(ctx.text, end).map(|(y, e)| {
                        end = e;
                        y
                    });
                    let day = if nth < 0 {
                        days_in_month(year, month)
                    } else {
                        nth as u32
                    };
                    settle(
                        ctx,
                        start,
                        end,
                        (month, Some(day)),
                        None,
                        (year, None),
                        None,
                    )
                    .map(|value| Found { start, end, value })
                }
            };
            out.extend(found);
            continue;
        }
        let Some((a, how)) = ctx.anchor else { continue };
        let (y, month, word) = match (c.name("mr"), c.name("cur")) {
            (Some(mr), _) => match relative_month(ctx, mr.as_str()) {
                Some((y, m)) => (y, m, Some(ctx.original(from + mr.start(), from + mr.end()))),
                None => continue,
            },
            (None, Some(_)) => (a.year(), a.month(), None),
            _ => continue,
        };
        let date = match weekday {
            Some(w) => super::arabic_calendar::nth_weekday_of(y, month, w, nth),
            None if nth < 0 => NaiveDate::from_ymd_opt(y, month, days_in_month(Some(y), month)),
            None => NaiveDate::from_ymd_opt(y, month, nth as u32),
        };
        let Some(date) = date else { continue };
        let mut value = full_date(date, how, String::new());
        value.relative = word;
        value.weekday = weekday;
        out.push(Found {
            start,
            end: from + g.end(),
            value,
        });
    }
}

/// A day of a relative month: "20 of next month", "the 20th day of the
/// previous month", "le 20 du mois prochain". A link word ("of", "du") or
/// "day" is needed: "sold 20 last month" is a count.
fn day_of_relative_month(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((_, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in LATIN.day_of_rel_month.captures_iter(text) {
        let (Some(g), Some(d), Some(mr)) = (c.get(0), c.name("d"), c.name("mr")) else {
            continue;
        };
        let linked = c.name("link").is_some() || c.name("day").is_some();
        let phrase_links = key(mr.as_str()).starts_with("du") || key(mr.as_str()).starts_with("of");
        if !linked && !phrase_links {
            continue;
        }
        if text[..d.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ',') {
            continue;
        }
        let (Some(day), Some((y, m))) = (day_of(d.as_str()), relative_month(ctx, mr.as_str()))
        else {
            continue;
        };
        let Some(date) = NaiveDate::from_ymd_opt(y, m, day) else {
            continue;
        };
        let (start, end) = (from + d.start(), from + g.end());
        out.push(Found {
            start,
            end,
            value: full_date(date, how, ctx.original(from + mr.start(), end)),
        });
    }
}

/// "Jan. 19", "March 12, 2025", "Oct. 3-6", "from March 3 to March 6, 2025".
fn month_first(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in LATIN.month_day.captures_iter(text) {
        let (Some(g), Some(m), Some(d1)) = (c.get(0), c.name("m"), c.name("d1")) else {
            continue;
        };
        let rest = &text[g.end()..];
        // "Jan 19:30", "March 12.5": a clock or a decimal, not a day.
        if rest.starts_with(|ch: char| ch == ':' || ch.is_ascii_digit())
            || (rest.starts_with(['.', ','])
                && rest[1..].starts_with(|ch: char| ch.is_ascii_digit()))
        {
            continue;
        }
        let ambiguous = LEXICON.ambiguous.contains(&key(m.as_str()));
        if ambiguous && !capital_at(ctx, from + m.start()) {
            continue;
        }
        let Some(month) = month_of(m.as_str()) else {
            continue;
        };
        let Some(first) = day_of(d1.as_str()) else {
            continue;
        };
        let second = c.name("d2").and_then(|d| day_of(d.as_str()));
        let month2 = c
            .name("m2")
            .and_then(|m| month_of(m.as_str()))
            .unwrap_or(month);
        if c.name("d2").is_some() && second.is_none() {
            continue;
        }
        if let Some(d2) = second {
            if month2 == month && d2 <= first {
                continue;
            }
        }
        let year = c
            .name("y")
            .and_then(|y| y.as_str().parse::<i32>().ok())
            .filter(|y| (1800..=2100).contains(y));
        // Without a year, a lone "from" is kept out of the quote; the weekday stays.
        let start = from
            + c.name("wd")
                .or(c.name("from").filter(|_| second.is_some()))
                .map_or(m.start(), |w| w.start());
        let end = from
            + match (year, c.name("y")) {
                (Some(_), Some(y)) => y.end(),
                _ => c.name("d2").map_or(d1.end(), |d| d.end()),
            };
        let last = second.map(|d| (month2, Some(d)));
        if let Some(mut value) = settle(
            ctx,
            start,
            end,
            (month, Some(first)),
            last,
            (None, year),
            None,
        ) {
            // "Sunday, Jan. 19" without a year: the year in which the 19th is a Sunday.
            if let Some(wd) = c.name("wd").filter(|_| value.start.year.is_none()) {
                value.weekday = LEXICON.weekdays.get(&key(wd.as_str())).copied();
                super::year_from_weekday(ctx, &mut value);
            }
            out.push(Found { start, end, value });
        }
    }
}

/// "last Thursday", "mercredi dernier", "ce mercredi", "next Monday".
fn relative_weekdays(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in LATIN.weekday_rel.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        let (Some(wd), Some(r)) = (
            c.name("wd1").or(c.name("wd2")),
            c.name("r1").or(c.name("r2")),
        ) else {
            continue;
        };
        let (Some(&target), Some(&kind)) = (
            LEXICON.weekdays.get(&key(wd.as_str())),
            LATIN.rel.get(&key(r.as_str())),
        ) else {
            continue;
        };
        let toward = match (kind, LATIN.week_rel.get(&key(r.as_str()))) {
            (_, Some(&by)) if c.name("r1").is_some() => Toward::Week(by),
            (Rel::Previous, _) => Toward::Before,
            (Rel::Next, _) => Toward::After,
            (Rel::Current, _) => Toward::Week(0),
        };
        let Some(date) = weekday_from(a, target, toward) else {
            continue;
        };
        out.push(Found {
            start: from + g.start(),
            end: from + g.end(),
            value: full_date(date, how, ctx.original(from + r.start(), from + r.end())),
        });
    }
}

/// "next month", "le mois dernier", "ce mois-ci".
fn relative_months(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in LATIN.month_rel_re.captures_iter(text) {
        let Some(p) = c.name("p") else { continue };
        let Some(&kind) = LATIN.month_rel.get(&key(p.as_str())) else {
            continue;
        };
        let (y, m) = super::shift_month(a.year(), a.month(), kind.step());
        out.push(Found {
            start: from + p.start(),
            end: from + p.end(),
            value: DateValue::new(
                PartialDate {
                    year: Some(y),
                    month: m,
                    day: None,
                },
                None,
                how,
                Some(ctx.original(from + p.start(), from + p.end())),
            ),
        });
    }
}

/// "last March", "mars prochain", "le 3 mars prochain".
fn named_months(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in LATIN.month_named_rel.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        let (Some(m), Some(r)) = (c.name("m1").or(c.name("m2")), c.name("r1").or(c.name("r2")))
        else {
            continue;
        };
        let (Some(month), Some(&kind)) = (month_of(m.as_str()), LATIN.rel.get(&key(r.as_str())))
        else {
            continue;
        };
        let day = c.name("d").and_then(|d| day_of(d.as_str()));
        if day.is_some_and(|d| d > days_in_month(None, month)) {
            continue;
        }
        let (start, end) = (from + g.start(), from + g.end());
        let word = ctx.original(from + r.start(), from + r.end());
        if let Some(value) = settle(
            ctx,
            start,
            end,
            (month, day),
            None,
            (None, None),
            Some((kind, word)),
        ) {
            out.push(Found { start, end, value });
        }
    }
}

/// "yesterday", "hier", "aujourd'hui", "tomorrow".
fn day_words(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in LATIN.day_words.captures_iter(text) {
        let Some(w) = c.name("w") else { continue };
        let Some(&offset) = LATIN.days.get(&key(w.as_str())) else {
            continue;
        };
        // "today's", "aujourd'hui encore" are fine; "Today" as a programme name is rare.
        let (start, end) = (from + w.start(), from + w.end());
        out.push(Found {
            start,
            end,
            value: full_date(a + Duration::days(offset), how, ctx.original(start, end)),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, ExtractOptions};
    use crate::model::{Article, Value};
    use chrono::NaiveDate;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let mut a = Article::from_text("t", text);
        a.published = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        extract(&a, &ExtractOptions::default())
            .into_iter()
            .filter_map(|f| match &f.value {
                Value::Date(d) => Some((f.text.clone(), d.normalized())),
                _ => None,
            })
            .collect()
    }

    fn values(text: &str, published: Option<&str>) -> Vec<String> {
        dates(text, published).into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn english_month_first_dates_and_ranges() {
        assert_eq!(
            dates(
                "The quake struck late on Sunday, Jan. 19, and aid arrived later.",
                None
            ),
            [("Sunday, Jan. 19".to_string(), "--01-19".to_string())]
        );
        assert_eq!(
            values("Published March 12, 2025 8:15 PM by the desk.", None),
            ["2025-03-12"]
        );
        assert_eq!(
            values(
                "The fair runs Oct. 3-6 in the old harbour of the city.",
                None
            ),
            ["--10-03/--10-06"]
        );
        assert_eq!(
            values(
                "The forum will be held from March 3 to March 6, 2025 in Tangier.",
                None
            ),
            ["2025-03-03/2025-03-06"]
        );
        assert_eq!(
            values(
                "Talks resumed on 14 May after a long pause in the region.",
                None
            ),
            ["--05-14"]
        );
        assert_eq!(
            values(
                "Wednesday, 22 January 2025, 10:40 GMT was the time of the update.",
                None
            ),
            ["2025-01-22"]
        );
    }

    #[test]
    fn french_day_first_dates_and_ranges() {
        assert_eq!(
            values(
                "Organisé du 3 au 6 octobre 2025 à Agadir, le salon a ouvert.",
                None
            ),
            ["2025-10-03/2025-10-06"]
        );
        assert_eq!(
            values(
                "La rencontre est prévue les 12 et 13 mars dans la capitale.",
                None
            ),
            ["--03-12/--03-13"]
        );
    }

    #[test]
    fn relative_words_resolve_against_the_publication_date() {
        // 2025-12-03 is a Wednesday.
        let p = Some("2025-12-03");
        assert_eq!(
            values(
                "The minister visited the port last Thursday with his delegation.",
                p
            ),
            ["2025-11-27"]
        );
        assert_eq!(
            values(
                "Le ministre a visité le port jeudi dernier avec sa délégation.",
                p
            ),
            ["2025-11-27"]
        );
        assert_eq!(
            values(
                "Les travaux s'achèvent ce mercredi avec l'adoption d'une déclaration.",
                p
            ),
            ["2025-12-03"]
        );
        assert_eq!(
            values(
                "The report will be published next month by the ministry.",
                p
            ),
            ["2026-01"]
        );
        assert_eq!(
            values(
                "Le rapport a été publié le mois dernier par le ministère.",
                p
            ),
            ["2025-11"]
        );
        assert_eq!(
            values("Le salon se tiendra en mars prochain dans la ville.", p),
            ["2026-03"]
        );
        assert_eq!(
            values(
                "The ministry said yesterday that aid had arrived in the villages.",
                p
            ),
            ["2025-12-02"]
        );
    }

    #[test]
    fn without_an_anchor_relative_words_give_nothing_and_words_are_no_months() {
        assert!(values(
            "The minister visited the port last Thursday with his delegation.",
            None
        )
        .is_empty());
        assert!(values(
            "The rescuers may 5 times return to the villages this week.",
            None
        )
        .is_empty());
        assert!(values(
            "The meeting starts at 10:30 and ends at noon in the hall.",
            None
        )
        .is_empty());
    }
}
