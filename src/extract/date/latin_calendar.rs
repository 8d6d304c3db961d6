//! French and English calendar forms beyond a month with its day (those are
//! in `latin`), read in Latin-script sentences only:
//! - parts of a month ("early March", "mi-mars", "fin juin 2025", "end of
//!   April"): days 1-10, 11-20, 21 to the end, as the Arabic parts;
//! - a month alone after a cue ("en mars", "in March", "au mois d'avril");
//! - a day and month in digits ("le 17/02", "on 2/17"): after a cue word or
//!   written with two digits each ("17/02"), so that "24/7" or "1/2" stay
//!   apart; English reads month first when both could be months;
//! - day ordinals in words ("the first of March", "March the third", "premier mars");
//! - the week ("la semaine prochaine", "last week"): Monday to Sunday;
//! - time counted from the article's date ("il y a trois semaines", "two
//!   months ago", "dans deux mois");
//! - weekdays alone ("lundi", "on Monday"), run last (see [`weekdays_alone`]);
//! - the year itself ("l'an dernier", "this year"), as year facts (see [`relative_years`]).
//!
//! Words are in data/latin_dates.toml. Anything relative needs an anchor
//! date (publication, else `--reference-date`); without one it is not reported.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use serde::Deserialize;

use super::{
    days_in_month, full_date, key, month_of, settle, weekday_from, Ctx, Found, Toward, LEXICON,
};
use crate::extract::Document;
use crate::model::{DateValue, PartialDate, Resolution};

#[derive(Deserialize)]
struct File {
    weekday: WeekdayFile,
    parts: PartsFile,
    month_alone: Before,
    week: Rels,
    year: Rels,
    ago: AgoFile,
    day_words: HashMap<String, Vec<String>>,
    weekday_abbreviations: HashMap<String, Vec<String>>,
    span: SpanFile,
    month: Rels,
}

#[derive(Deserialize)]
struct SpanFile {
    previous: Vec<String>,
    next: Vec<String>,
    days: Vec<String>,
    months: Vec<String>,
}

#[derive(Deserialize)]
struct WeekdayFile {
    future: Vec<String>,
    future_endings: Vec<String>,
    not_before: Vec<String>,
    not_after: Vec<String>,
}

#[derive(Deserialize)]
struct PartsFile {
    early: Vec<String>,
    middle: Vec<String>,
    late: Vec<String>,
}

#[derive(Deserialize)]
struct Before {
    before: Vec<String>,
}

#[derive(Deserialize)]
struct Rels {
    previous: Vec<String>,
    next: Vec<String>,
    current: Vec<String>,
}

#[derive(Deserialize)]
struct AgoFile {
    before: Vec<String>,
    after: Vec<String>,
    ahead: Vec<String>,
    ahead_after: Vec<String>,
    ahead_with_cue: Vec<String>,
    units: HashMap<String, i64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Middle,
    Late,
}

struct Lexicon {
    future: Vec<String>,
    future_endings: Vec<String>,
    not_before: Vec<String>,
    not_after: Vec<String>,
    parts: HashMap<String, Part>,
    weeks: HashMap<String, i64>,
    years: HashMap<String, i32>,
    units: HashMap<String, i64>,
    ago_before: Vec<String>,
    ahead: Vec<String>,
    ahead_after: Vec<String>,
    ahead_with_cue: Vec<String>,
    day_words: HashMap<String, u32>,
    abbreviations: HashMap<String, u32>,
    part: Regex,
    weekday_day: Regex,
    /// After a weekday and day, the rest of a range of days ("au dimanche 15", "to the 15th").
    range_rest: Regex,
    span: Regex,
    /// A part of the anchor's month or of a relative one ("end of the month", "fin du mois prochain").
    part_of_this_month: Regex,
    month_steps: HashMap<String, i32>,
    span_rel: HashMap<String, i64>,
    span_months: Vec<String>,
    weekday_of_week: Regex,
    week_then_weekday: Regex,
    month_alone: Regex,
    numeric: Regex,
    day_of_month: Regex,
    month_day_word: Regex,
    week: Regex,
    year: Regex,
    ago: Regex,
    weekday: Regex,
}

pub(super) fn latin(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// A regex alternation of phrases, longest first; any run of spaces between
/// words, either apostrophe.
pub(super) fn alternation<'a>(words: impl IntoIterator<Item = &'a String>) -> String {
    let mut v: Vec<String> = words.into_iter().map(|w| w.to_lowercase()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    let parts: Vec<String> = v
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(|x| regex::escape(x).replace('\'', "['’]"))
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

fn rel_table<T: Copy>(r: &Rels, values: [T; 3]) -> HashMap<String, T> {
    let mut m = HashMap::new();
    for (list, v) in [
        (&r.previous, values[0]),
        (&r.next, values[1]),
        (&r.current, values[2]),
    ] {
        for w in list {
            m.insert(key(&w.replace('’', "'")), v);
        }
    }
    m
}

fn all_of(r: &Rels) -> Vec<&String> {
    r.previous.iter().chain(&r.next).chain(&r.current).collect()
}

fn load() -> Lexicon {
    let f: File = toml::from_str(include_str!("../../../data/latin_dates.toml"))
        .expect("data/latin_dates.toml is valid");
    let months = alternation(LEXICON.months.keys().filter(|k| latin(k)));
    let weekdays = alternation(LEXICON.weekdays.keys().filter(|k| latin(k)));
    let mut parts = HashMap::new();
    for (list, p) in [
        (&f.parts.early, Part::Early),
        (&f.parts.middle, Part::Middle),
        (&f.parts.late, Part::Late),
    ] {
        for w in list {
            parts.insert(key(w), p);
        }
    }
    let part_words: Vec<&String> = f
        .parts
        .early
        .iter()
        .chain(&f.parts.middle)
        .chain(&f.parts.late)
        .collect();
    let mut day_words = HashMap::new();
    for (n, words) in &f.day_words {
        if let Ok(d) = n.parse::<u32>() {
            for w in words {
                day_words.insert(key(w), d);
            }
        }
    }
    let day_alt = alternation(f.day_words.values().flatten());
    let mut abbreviations = HashMap::new();
    for (n, words) in &f.weekday_abbreviations {
        if let Ok(d) = n.parse::<u32>() {
            for w in words {
                abbreviations.insert(key(w), d);
            }
        }
    }
    let abbr = alternation(f.weekday_abbreviations.values().flatten());
    let week_alt = alternation(all_of(&f.week));
    let span_rel_alt = alternation(f.span.previous.iter().chain(&f.span.next));
    let span_units = alternation(f.span.days.iter().chain(&f.span.months));
    let span_rel: HashMap<String, i64> = (f.span.previous.iter().map(|w| (key(w), -1)))
        .chain(f.span.next.iter().map(|w| (key(w), 1)))
        .collect();
    let ago_words: Vec<&String> = f
        .ago
        .before
        .iter()
        .chain(&f.ago.ahead)
        .chain(&f.ago.ahead_with_cue)
        .collect();
    let post_words: Vec<&String> = f.ago.after.iter().chain(&f.ago.ahead_after).collect();
    let units = alternation(f.ago.units.keys());
    let count = r"\d{1,2}|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?";
    let of = r"(?:\s+of\s+the\s+month\s+of\s+|\s+du\s+mois\s+de\s+|\s+du\s+mois\s+d['’]|\s+of\s+|\s+de\s+|\s+d['’]|\s*-\s*|\s+)";
    let re = |s: String| Regex::new(&s).expect("Latin calendar pattern compiles");
    Lexicon {
        part: re(format!(
            r"(?i)\b(?P<p>{}){of}(?P<m>{months})\b(?:\s+(?P<y>\d{{4}})\b)?",
            alternation(part_words.iter().copied())
        )),
        month_alone: re(format!(
            r"(?i)\b(?:{})\s*(?P<m>{months})\b",
            alternation(&f.month_alone.before)
        )),
        numeric: re(format!(
            r"(?i)(?:\b(?P<cue>le|du|au|on|the|since|from|until|depuis|dès|jusqu['’]au|{weekdays})\s+)?\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})\b"
        )),
        day_of_month: re(format!(
            r"(?i)\b(?:the\s+|le\s+)?(?P<d>{day_alt})(?:\s+of\s+|\s+)(?P<m>{months})\b\.?(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
        )),
        month_day_word: re(format!(
            r"(?i)\b(?P<m>{months})\b\.?\s+(?:the\s+(?P<dd>\d{{1,2}})(?:st|nd|rd|th)|(?:the\s+)?(?P<d>{day_alt}))\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
        )),
        weekday_day: re(format!(
            r"(?i)\b(?P<wd>{weekdays}|{abbr})\b\.?(?P<comma>\s*,)?\s*(?:(?P<the>the|le)\s+)?(?P<d>\d{{1,2}}(?P<suf>st|nd|rd|th|er|e|ème|eme)?|{day_alt})\b"
        )),
        range_rest: re(format!(
            r"(?i)^\s*(?:-|au|à|to|et|and|jusqu['’]au|until|through|till)\s*(?:(?:{weekdays}|the|le)\s+)?\d{{1,2}}"
        )),
        span: re(format!(
            r"(?i)\b(?:(?P<r1>{span_rel_alt})\s+(?P<n1>{count})\s+(?P<u1>{span_units})|(?P<n2>{count})\s+(?:(?P<r2>{span_rel_alt})\s+(?P<u2>{span_units})|(?P<u3>{span_units})\s+(?P<r3>{span_rel_alt})))(?:\b|$)"
        )),
        part_of_this_month: re(format!(
            r"(?i)\b(?P<p>{})(?:\s+of\s+(?:the\s+)?|\s+du\s+|\s+de\s+|\s+d['’]\s*|\s+)(?:(?P<mr>{})|(?P<cur>month|mois))(?:\b|$)",
            alternation(part_words.iter().copied()),
            alternation(all_of(&f.month))
        )),
        month_steps: rel_table(&f.month, [-1, 1, 0]),
        span_rel,
        span_months: f.span.months.iter().map(|w| key(w)).collect(),
        weekday_of_week: re(format!(
            r"(?i)\b(?P<wd>{weekdays})\s*,?\s+(?:of\s+(?:the\s+)?|de\s+)?(?P<w>{week_alt})(?:\b|$)"
        )),
        week_then_weekday: re(format!(
            r"(?i)\b(?P<w>{week_alt})\s*[-,]?\s*(?:on\s+)?(?P<wd>{weekdays}|{abbr})\b"
        )),
        week: re(format!(
            r"(?i)\b(?P<w>{})(?:\b|$)",
            alternation(all_of(&f.week))
        )),
        year: re(format!(
            r"(?i)(?:^|\b)(?P<w>{})(?:\b|$)",
            alternation(all_of(&f.year))
        )),
        ago: re(format!(
            r"(?i)\b(?:(?P<pre>{})\s+(?:(?:à\s+)?peu\s+près\s+|environ\s+)?(?P<n1>{count})\s+(?P<u1>{units})|(?P<n2>{count})\s+(?P<u2>{units})\s+(?P<post>{}))\b",
            alternation(ago_words),
            alternation(post_words)
        )),
        weekday: re(format!(r"(?i)\b(?P<wd>{weekdays})\b")),
        future: f.weekday.future,
        future_endings: f.weekday.future_endings,
        not_before: f.weekday.not_before,
        not_after: f.weekday.not_after,
        parts,
        weeks: rel_table(&f.week, [-1, 1, 0]),
        years: rel_table(&f.year, [-1, 1, 0]),
        units: f.ago.units.into_iter().map(|(k, v)| (key(&k), v)).collect(),
        ago_before: f.ago.before,
        ahead: f.ago.ahead,
        ahead_after: f.ago.ahead_after.iter().map(|w| key(w)).collect(),
        ahead_with_cue: f.ago.ahead_with_cue.iter().map(|w| key(w)).collect(),
        day_words,
        abbreviations,
    }
}

static CAL: LazyLock<Lexicon> = LazyLock::new(load);

/// The folded spans of the Latin-script runs of a document.
fn runs(ctx: &Ctx) -> Vec<(usize, usize)> {
    ctx.doc
        .latin_runs()
        .into_iter()
        .map(|r| {
            let s = ctx.doc.folded.from_original(r.start);
            let e = ctx.doc.folded.from_original(r.end).min(ctx.text.len());
            (s, e)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// The original text's first letter at a folded offset is a capital.
pub(super) fn capital_at(ctx: &Ctx, at: usize) -> bool {
    let span = ctx.doc.folded.to_original(at, at + 1);
    ctx.doc.article.text[span.start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// A month name that is also a word ("May", "March", "mars") counts only with a capital,
/// except French "mars" after a cue the caller checked.
fn month_here(ctx: &Ctx, at: usize, name: &str) -> Option<u32> {
    if LEXICON.ambiguous.contains(&key(name)) && !capital_at(ctx, at) && key(name) != "mars" {
        return None;
    }
    month_of(name)
}

/// Finds the forms of this module, except weekdays alone (see [`find_late`]).
pub(super) fn find(ctx: &Ctx, out: &mut Vec<Found>) {
    for (from, to) in runs(ctx) {
        weekday_days(ctx, from, to, out);
        week_weekdays(ctx, from, to, out);
        spans(ctx, from, to, out);
        day_words(ctx, from, to, out);
        parts_of_months(ctx, from, to, out);
        numeric(ctx, from, to, out);
        weeks(ctx, from, to, out);
        ago(ctx, from, to, out);
        months_alone(ctx, from, to, out);
    }
}

/// Forms that hold a shorter one of `latin` ("the end of next month" holds
/// "next month"): before it.
pub(super) fn find_first(ctx: &Ctx, out: &mut Vec<Found>) {
    for (from, to) in runs(ctx) {
        parts_of_this_month(ctx, from, to, out);
    }
}

/// Weekdays alone: after every other finder, so that a weekday written
/// beside a date stays part of that date.
pub(super) fn find_late(ctx: &Ctx, out: &mut Vec<Found>) {
    if ctx.anchor.is_none() {
        return;
    }
    for (from, to) in runs(ctx) {
        weekdays_alone(ctx, from, to, out);
    }
}

/// A weekday name or abbreviation of data/months.toml or data/latin_dates.toml.
fn weekday_number(s: &str) -> Option<u32> {
    let k = key(s);
    LEXICON
        .weekdays
        .get(&k)
        .or_else(|| CAL.abbreviations.get(&k))
        .copied()
}

/// Words that may follow a bare day number after a weekday ("mardi 19 à
/// Paris", "Monday 21, at noon"); any other word makes the number a count
/// ("Tuesday 19 people were killed").
const AFTER_BARE_DAY: &[&str] = &[
    "à", "a", "au", "aux", "et", "ou", "dans", "en", "pour", "par", "lors", "avec", "sur", "dès",
    "at", "and", "or", "to", "in", "on", "for", "with", "from", "until", "till", "through", "by",
];

/// A weekday with a day of the month and no month ("mardi 19", "Tuesday the
/// 19th", "Thu 15th", "Monday 21"): the date with that day and weekday
/// nearest the anchor, within two months ([`Resolution::Weekday`]).
fn weekday_days(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, _)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.weekday_day.captures_iter(text) {
        let (Some(g), Some(wd), Some(d)) = (c.get(0), c.name("wd"), c.name("d")) else {
            continue;
        };
        let Some(weekday) = weekday_number(wd.as_str()) else {
            continue;
        };
        let digits = d.as_str().starts_with(|ch: char| ch.is_ascii_digit());
        let day = if digits {
            d.as_str()
                .trim_end_matches(|ch: char| ch.is_alphabetic())
                .parse::<u32>()
                .ok()
        } else {
            CAL.day_words.get(&key(d.as_str())).copied()
        };
        let Some(day) = day.filter(|d| (1..=31).contains(d)) else {
            continue;
        };
        let rest = &text[g.end()..];
        // A date, a time, a decimal or a score follows: not a day alone.
        if rest.starts_with(['/', ':', '.', '-', ',', 'h'])
            && rest[1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let next = rest
            .trim_start()
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
            .next()
            .unwrap_or("");
        if month_of(next).is_some()
            || next.starts_with(|ch: char| ch.is_ascii_digit())
            || CAL.range_rest.is_match(rest)
        {
            continue;
        }
        let bare = digits && c.name("suf").is_none() && c.name("the").is_none();
        if bare
            && (c.name("comma").is_some()
                || (!next.is_empty()
                    && rest.trim_start().starts_with(char::is_alphabetic)
                    && !AFTER_BARE_DAY.contains(&next.to_lowercase().as_str())))
        {
            continue;
        }
        // An abbreviation counts only before a day with its suffix or "the".
        if !LEXICON.weekdays.contains_key(&key(wd.as_str())) && bare {
            continue;
        }
        let Some(date) = super::day_with_weekday(a, day, weekday, 62) else {
            continue;
        };
        let (start, end) = (from + g.start(), from + g.end());
        let mut value = full_date(date, Resolution::Weekday, String::new());
        value.relative = None;
        value.weekday = Some(weekday);
        out.push(Found { start, end, value });
    }
}

/// "the next three days", "last two months", "les 3 prochains jours", "2
/// derniers mois": see data/latin_dates.toml `[span]`.
fn spans(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.span.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        let (Some(r), Some(n), Some(u)) = (
            c.name("r1").or(c.name("r2")).or(c.name("r3")),
            c.name("n1").or(c.name("n2")),
            c.name("u1").or(c.name("u2")).or(c.name("u3")),
        ) else {
            continue;
        };
        let (Some(&dir), Some(count)) = (CAL.span_rel.get(&key(r.as_str())), count_of(n.as_str()))
        else {
            continue;
        };
        let next = text[g.end()..].split_whitespace().next().unwrap_or("");
        if matches!(key(next).as_str(), "of" | "de" | "du" | "des" | "d'") || next.starts_with("d'")
        {
            continue;
        }
        let (start, end) = (from + g.start(), from + g.end());
        let word = ctx.original(start, end);
        let value = if CAL.span_months.contains(&key(u.as_str())) {
            let n = count as i32;
            let (first, last) = if dir > 0 { (1, n) } else { (-n, -1) };
            let (y1, m1) = super::shift_month(a.year(), a.month(), first);
            let (y2, m2) = super::shift_month(a.year(), a.month(), last);
            let month = |year, month| PartialDate {
                year: Some(year),
                month,
                day: None,
            };
            DateValue::new(month(y1, m1), Some(month(y2, m2)), how, Some(word))
        } else {
            let (first, last) = if dir > 0 { (1, count) } else { (-count, -1) };
            let (Some(f), Some(l)) = (
                a.checked_add_signed(Duration::days(first)),
                a.checked_add_signed(Duration::days(last)),
            ) else {
                continue;
            };
            range(f, l, how, word)
        };
        out.push(Found { start, end, value });
    }
}

/// A weekday of a week counted from the anchor's (Monday to Sunday), as for
/// Arabic: "Tuesday of next week", "mardi de la semaine prochaine",
/// "mercredi cette semaine", "next week on Tuesday", "previous week - Monday".
fn week_weekdays(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for re in [&CAL.weekday_of_week, &CAL.week_then_weekday] {
        for c in re.captures_iter(text) {
            let (Some(g), Some(wd), Some(w)) = (c.get(0), c.name("wd"), c.name("w")) else {
                continue;
            };
            let (Some(weekday), Some(&by)) = (
                weekday_number(wd.as_str()),
                CAL.weeks.get(&key(&w.as_str().replace('’', "'"))),
            ) else {
                continue;
            };
            let Some(date) = weekday_from(a, weekday, Toward::Week(by)) else {
                continue;
            };
            let (start, end) = (from + g.start(), from + g.end());
            let mut value = full_date(date, how, ctx.original(from + w.start(), from + w.end()));
            value.weekday = Some(weekday);
            out.push(Found { start, end, value });
        }
    }
}

/// "the first of March", "premier mars", "March the third", "March third, 2015".
fn day_words(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for re in [&CAL.day_of_month, &CAL.month_day_word] {
        for c in re.captures_iter(text) {
            let (Some(g), Some(d), Some(m)) = (c.get(0), c.name("d").or(c.name("dd")), c.name("m"))
            else {
                continue;
            };
            let day = match c.name("dd") {
                Some(dd) => dd.as_str().parse().ok().filter(|d| (1..=31).contains(d)),
                None => CAL.day_words.get(&key(d.as_str())).copied(),
            };
            let Some(day) = day else {
                continue;
            };
            let Some(month) = month_here(ctx, from + m.start(), m.as_str()) else {
                continue;
            };
            // "1er juillet" in digits is the day-first reader's, which also reads
            // it inside a range ("du 10 juin au 1er juillet").
            if d.as_str().starts_with(|ch: char| ch.is_ascii_digit()) && c.name("dd").is_none() {
                continue;
            }
            // "first March" without "of": only French "premier mars" / "1er mars".
            if text[g.end()..].starts_with('-') {
                continue; // "March first-time buyers"
            }
            // Day first ("the first of March"): the month comes after the day.
            let between = text.get(d.end()..m.start()).unwrap_or("");
            if d.end() <= m.start()
                && !between.contains("of")
                && !matches!(key(d.as_str()).as_str(), "premier" | "1er")
            {
                continue;
            }
            let year = c
                .name("y")
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .filter(|y| (1800..=2100).contains(y));
            let (start, end) = (from + g.start(), from + g.end());
            if let Some(value) = settle(
                ctx,
                start,
                end,
                (month, Some(day)),
                None,
                (None, year),
                None,
            ) {
                out.push(Found { start, end, value });
            }
        }
    }
}

/// A part of the anchor's month or of the one before or after: "the end of
/// the month", "en fin de mois", "au début du mois prochain", "end of last month".
fn parts_of_this_month(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.part_of_this_month.captures_iter(text) {
        let (Some(g), Some(p)) = (c.get(0), c.name("p")) else {
            continue;
        };
        let Some(&part) = CAL.parts.get(&key(p.as_str())) else {
            continue;
        };
        let (step, word) = match (c.name("mr"), c.name("cur")) {
            (Some(mr), _) => match CAL.month_steps.get(&key(&mr.as_str().replace('’', "'"))) {
                Some(&s) => (s, Some(ctx.original(from + mr.start(), from + mr.end()))),
                None => continue,
            },
            (None, Some(_)) => (0, None),
            _ => continue,
        };
        let (y, m) = super::shift_month(a.year(), a.month(), step);
        let (d1, d2) = match part {
            Part::Early => (1, 10),
            Part::Middle => (11, 20),
            Part::Late => (21, days_in_month(Some(y), m)),
        };
        let day = |d| PartialDate {
            year: Some(y),
            month: m,
            day: Some(d),
        };
        out.push(Found {
            start: from + g.start(),
            end: from + g.end(),
            value: DateValue::new(day(d1), Some(day(d2)), how, word),
        });
    }
}

/// "early March", "mi-mars", "fin juin 2025", "end of April", "au début du mois d'avril".
fn parts_of_months(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in CAL.part.captures_iter(text) {
        let (Some(g), Some(p), Some(m)) = (c.get(0), c.name("p"), c.name("m")) else {
            continue;
        };
        let Some(&part) = CAL.parts.get(&key(p.as_str())) else {
            continue;
        };
        let Some(month) = month_here(ctx, from + m.start(), m.as_str()) else {
            continue;
        };
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let last = days_in_month(year, month);
        let (d1, d2) = match part {
            Part::Early => (1, 10),
            Part::Middle => (11, 20),
            Part::Late => (21, last),
        };
        let (start, end) = (from + g.start(), from + g.end());
        let Some(mut value) = settle(
            ctx,
            start,
            end,
            (month, Some(d1)),
            Some((month, Some(d2))),
            (None, year),
            None,
        ) else {
            continue;
        };
        if part == Part::Late {
            if let Some(e) = value.end.as_mut() {
                e.day = Some(days_in_month(e.year, month));
            }
        }
        out.push(Found { start, end, value });
    }
}

/// "en mars", "in March", "au mois d'avril": the month, its year settled as
/// for any date. A month followed by a day or a year is left to the date readers.
fn months_alone(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in CAL.month_alone.captures_iter(text) {
        let Some(m) = c.name("m") else { continue };
        let rest = text[m.end()..].trim_start_matches(['.', ' ']);
        if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let Some(month) = month_here(ctx, from + m.start(), m.as_str()) else {
            continue;
        };
        let (start, end) = (from + m.start(), from + m.end());
        if let Some(value) = settle(ctx, start, end, (month, None), None, (None, None), None) {
            out.push(Found { start, end, value });
        }
    }
}

/// "le 17/02", "17/02", "on 2/17": a day and month in digits without a year.
fn numeric(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let text = &ctx.text[from..to];
    for c in CAL.numeric.captures_iter(text) {
        let (Some(a), Some(b)) = (c.name("a"), c.name("b")) else {
            continue;
        };
        // Part of a longer figure or date: "17/02/2025", "1/2/3", "3.1/2".
        let before = text[..a.start()].chars().next_back();
        let after = text[b.end()..].chars().next();
        if before.is_some_and(|ch| ch.is_alphanumeric() || "/.,-".contains(ch))
            || after.is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '%')
            || (after == Some('.') || after == Some(','))
                && text[b.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let padded = a.as_str().len() == 2 && b.as_str().len() == 2;
        if c.name("cue").is_none() && !padded {
            continue;
        }
        let (x, y): (u32, u32) = match (a.as_str().parse(), b.as_str().parse()) {
            (Ok(x), Ok(y)) => (x, y),
            _ => continue,
        };
        // English writes the month first ("2/17"); a first number above 12 is a day.
        let (day, month) = if x <= 12 && ctx.month_first(from + a.start()) {
            (y, x)
        } else {
            (x, y)
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        let (start, end) = (from + a.start(), from + b.end());
        if let Some(value) = settle(
            ctx,
            start,
            end,
            (month, Some(day)),
            None,
            (None, None),
            None,
        ) {
            out.push(Found { start, end, value });
        }
    }
}

/// Monday of the week of `d`.
fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn range(first: NaiveDate, last: NaiveDate, how: Resolution, word: String) -> DateValue {
    let mut v = full_date(first, how, word);
    v.end = Some(PartialDate {
        year: Some(last.year()),
        month: last.month(),
        day: Some(last.day()),
    });
    v
}

/// "la semaine prochaine", "last week", "cette semaine": Monday to Sunday.
fn weeks(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.week.captures_iter(text) {
        let Some(w) = c.name("w") else { continue };
        let Some(&by) = CAL.weeks.get(&key(&w.as_str().replace('’', "'"))) else {
            continue;
        };
        let Some(first) = monday(a).checked_add_signed(Duration::weeks(by)) else {
            continue;
        };
        let (start, end) = (from + w.start(), from + w.end());
        out.push(Found {
            start,
            end,
            value: range(
                first,
                first + Duration::days(6),
                how,
                ctx.original(start, end),
            ),
        });
    }
}

/// A count in digits or words ("3", "trois", "twenty-one", "a"/"un" = 1).
fn count_of(s: &str) -> Option<i64> {
    let k = key(s);
    if matches!(k.as_str(), "a" | "an" | "un" | "une" | "one") {
        return Some(1);
    }
    let v = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<f64>().ok()
    } else {
        crate::extract::number::latin_number_words(s)
    }?;
    (v.fract() == 0.0 && (1.0..=100.0).contains(&v)).then_some(v as i64)
}

/// "il y a trois semaines", "two months ago", "dans deux mois", "three weeks
/// hence", "will return in two weeks": the day, counted in days, weeks or
/// calendar months; years are left to the year facts (a day would be a guess).
fn ago(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.ago.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        let (Some(n), Some(u)) = (c.name("n1").or(c.name("n2")), c.name("u1").or(c.name("u2")))
        else {
            continue;
        };
        let Some(count) = count_of(n.as_str()) else {
            continue;
        };
        let Some(&unit) = CAL.units.get(&key(u.as_str())) else {
            continue;
        };
        let (start, end) = (from + g.start(), from + g.end());
        let sign = match (c.name("pre"), c.name("post")) {
            (Some(p), _) if CAL.ahead.iter().any(|w| key(w) == key(p.as_str())) => 1,
            (Some(p), _) if CAL.ahead_with_cue.contains(&key(p.as_str())) => {
                // "in 3 days" is a date only when the sentence speaks of the
                // future ("will return in 3 days"), not a duration ("sold out in 3 days").
                let (s0, s1) = ctx.doc.folded_sentence(start);
                if !has_future_cue(&ctx.text[s0.max(from)..s1.min(ctx.text.len())]) {
                    continue;
                }
                1
            }
            (Some(p), _) if CAL.ago_before.iter().any(|w| key(w) == key(p.as_str())) => -1,
            (Some(_), _) => continue,
            (None, Some(p)) if CAL.ahead_after.contains(&key(p.as_str())) => 1,
            (None, _) => -1,
        };
        let word = ctx.original(start, end);
        // Days and weeks count days; months count calendar months to the
        // same day, as the Arabic "قبل شهر" (data/calendar.toml).
        let date = match unit {
            d if d > 0 => a.checked_add_signed(Duration::days(sign * d * count)),
            0 if sign > 0 => a.checked_add_months(chrono::Months::new(count as u32)),
            0 => a.checked_sub_months(chrono::Months::new(count as u32)),
            _ => continue,
        };
        let Some(date) = date else { continue };
        let value = full_date(date, how, word);
        out.push(Found { start, end, value });
    }
}

/// Whether the words of `s` hold a future cue.
fn has_future_cue(s: &str) -> bool {
    s.split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| !w.is_empty())
        .any(|w| {
            let lower = w.to_lowercase();
            CAL.future.contains(&lower)
                || (w.chars().count() >= 5
                    && w.starts_with(char::is_lowercase)
                    && CAL
                        .future_endings
                        .iter()
                        .any(|e| lower.ends_with(e.as_str())))
        })
}

/// Weekdays alone ("lundi", "on Monday", "Thursday's meeting"): the last
/// such day up to the anchor (the same day included), or the next one from
/// it after a future cue in the sentence, as for Arabic.
fn weekdays_alone(ctx: &Ctx, from: usize, to: usize, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = &ctx.text[from..to];
    for c in CAL.weekday.captures_iter(text) {
        let Some(wd) = c.name("wd") else { continue };
        let Some(&target) = LEXICON.weekdays.get(&key(wd.as_str())) else {
            continue;
        };
        let before_word = text[..wd.start()]
            .split_whitespace()
            .next_back()
            .map(str::to_lowercase)
            .unwrap_or_default();
        if CAL.not_before.contains(&before_word) {
            continue;
        }
        let rest = &text[wd.end()..];
        let next = rest.split_whitespace().next().unwrap_or("");
        // "mardi 13", "Tuesday 19th", "Monday, March 3": a date's weekday.
        if next.starts_with(|ch: char| ch.is_ascii_digit())
            || rest
                .trim_start_matches([',', ' '])
                .starts_with(|ch: char| ch.is_ascii_digit())
            || CAL.not_after.contains(&next.to_lowercase())
        {
            continue;
        }
        let (start, end) = (from + wd.start(), from + wd.end());
        let (s0, s1) = ctx.doc.folded_sentence(start);
        let sentence_before = &ctx.text[s0.max(from)..start];
        let opens = sentence_before.split_whitespace().all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "on" | "le" | "ce" | "dès" | "depuis"
            )
        });
        let future = has_future_cue(sentence_before)
            || (opens && has_future_cue(&ctx.text[end..s1.min(ctx.text.len())]));
        let toward = if future { Toward::From } else { Toward::UpTo };
        let Some(date) = weekday_from(a, target, toward) else {
            continue;
        };
        let mut value = full_date(date, how, ctx.original(start, end));
        value.weekday = Some(target);
        out.push(Found { start, end, value });
    }
}

/// "l'an dernier", "this year", "l'année prochaine": the year, against the
/// anchor, as `(folded start, folded end, year)` for the year facts.
pub(crate) fn relative_years(doc: &Document) -> Vec<(usize, usize, i32)> {
    let Some((a, _)) = super::anchor(doc) else {
        return Vec::new();
    };
    let text = &doc.folded.text;
    let mut out = Vec::new();
    for r in doc.latin_runs() {
        let from = doc.folded.from_original(r.start);
        let to = doc.folded.from_original(r.end).min(text.len());
        if from >= to {
            continue;
        }
        for c in CAL.year.captures_iter(&text[from..to]) {
            let Some(w) = c.name("w") else { continue };
            let Some(&by) = CAL.years.get(&key(&w.as_str().replace('’', "'"))) else {
                continue;
            };
            out.push((from + w.start(), from + w.end(), a.year() + by));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, ExtractOptions};
    use crate::model::{Article, FactKind, Value};
    use chrono::NaiveDate;

    /// `(quote, value)` of the date and year facts; 2025-12-03 is a Wednesday.
    fn dates(text: &str) -> Vec<(String, String)> {
        let mut a = Article::from_text("t", text);
        a.published = NaiveDate::from_ymd_opt(2025, 12, 3);
        extract(&a, &ExtractOptions::default())
            .into_iter()
            .filter(|f| matches!(f.kind, FactKind::Date | FactKind::Year))
            .map(|f| {
                let v = match &f.value {
                    Value::Date(d) => d.normalized(),
                    other => other.normalized(),
                };
                (f.text.clone(), v)
            })
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        dates(text).into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn weekdays_alone_are_the_last_one_or_the_next_after_a_future_cue() {
        assert_eq!(
            dates("Le ministre a reçu lundi une délégation venue de Dakar."),
            [("lundi".to_string(), "2025-12-01".to_string())]
        );
        assert_eq!(
            values("The minister met the delegation on Thursday in Rabat."),
            ["2025-11-27"]
        );
        assert_eq!(
            values("The summit will open on Friday in the capital."),
            ["2025-12-05"]
        );
        assert_eq!(
            values("Le sommet s'ouvrira vendredi dans la capitale."),
            ["2025-12-05"]
        );
        assert_eq!(
            values("On Friday, the minister will visit the port of Tangier."),
            ["2025-12-05"]
        );
    }

    #[test]
    fn weekday_names_that_are_no_dates() {
        // "Black Friday" is the holiday (data/holidays.toml), not the last Friday.
        assert_eq!(
            dates("Black Friday sales rose sharply across the country this season."),
            [("Black Friday".to_string(), "2025-11-28".to_string())]
        );
        assert!(values("Le carnaval du mardi gras a attiré des milliers de visiteurs.").is_empty());
        assert!(values("The Sunday Times reported the story first.").is_empty());
    }

    #[test]
    fn parts_of_months_match_the_arabic_thirds() {
        assert_eq!(
            values("La réunion se tiendra début avril à Rabat."),
            ["--04-01/--04-10"]
        );
        assert_eq!(
            values("Le salon aura lieu à la mi-mars 2025 à Agadir."),
            ["2025-03-11/2025-03-20"]
        );
        assert_eq!(
            values("Prices fell by the end of February 2024, the bank said."),
            ["2024-02-21/2024-02-29"]
        );
        assert_eq!(
            values("Les travaux s'achèveront fin juin, selon le ministère."),
            ["--06-21/--06-30"]
        );
    }

    #[test]
    fn numeric_days_need_a_cue_or_two_digits_each() {
        assert_eq!(values("Il est arrivé le 17/02 à Rabat."), ["--02-17"]);
        assert_eq!(values("He arrived on 2/17 in Washington."), ["--02-17"]);
        assert!(values("The hotline runs 24/7 and tickets cost 1/2 price.").is_empty());
    }

    #[test]
    fn day_ordinals_in_words() {
        assert_eq!(
            values("He was born on the first of March, 1990, in Fez."),
            ["1990-03-01"]
        );
        assert_eq!(
            values("La loi entre en vigueur le premier mars."),
            ["--03-01"]
        );
        assert!(values("Sales to first-time buyers rose in the quarter.").is_empty());
    }

    #[test]
    fn months_alone_after_a_cue_and_never_a_name_or_the_planet() {
        assert_eq!(
            dates("Le salon se tient en mars à Agadir."),
            [("mars".to_string(), "--03".to_string())]
        );
        assert_eq!(
            dates("Theresa May said in May that she would resign."),
            [("May".to_string(), "--05".to_string())]
        );
        assert!(values("La sonde a atterri sur Mars après sept mois de voyage.").is_empty());
        assert!(values("Many people may leave the region, officials said.").is_empty());
    }

    #[test]
    fn weeks_time_ago_and_years() {
        assert_eq!(
            values("La réunion aura lieu la semaine prochaine à Rabat."),
            ["2025-12-08/2025-12-14"]
        );
        assert_eq!(
            values("Il est parti il y a trois semaines pour Paris."),
            ["2025-11-12"]
        );
        assert_eq!(values("Two months ago the plant closed."), ["2025-10-03"]);
        assert_eq!(
            values("The minister will return in two weeks, aides said."),
            ["2025-12-17"]
        );
        assert_eq!(values("The line reopens three days hence."), ["2025-12-06"]);
        // A duration, not a date: no future in the sentence.
        assert!(values("The tickets sold out in three days.").is_empty());
        assert_eq!(
            dates("L'an dernier, les ventes ont baissé de moitié."),
            [("L'an dernier".to_string(), "2024".to_string())]
        );
    }

    #[test]
    fn nothing_relative_without_an_anchor() {
        let a = Article::from_text(
            "t",
            "Le ministre a reçu lundi une délégation la semaine dernière.",
        );
        let facts = extract(&a, &ExtractOptions::default());
        assert!(facts.iter().all(|f| f.kind != FactKind::Date));
    }
}
