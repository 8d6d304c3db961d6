//! Dates and date ranges in every month system, numeric dates, and dates
//! relative to the article's own date.
//!
//! What is found (all on the folded text, lexicons in data/months.toml and
//! data/relative.toml):
//! - a month name (Maghreb, Egypt/Gulf, Levant/Iraq, Algeria/Tunisia,
//!   French, English; paired forms "سبتمبر/ أيلول", "يناير كانون الثاني" are
//!   one month) with a day before it ("19 سبتمبر", "الأول من مارس", "20th,
//!   September"), a day range before it ("من 18 إلى 20 شتنبر", "بين 19 و21
//!   سبتمبر", "18-20 سبتمبر"), a day after it ("September 20, 2024",
//!   "يوليو 13-15"), a year after it, a relative word after it ("نونبر
//!   المقبل"), or "شهر" before it; and a second day and month after it for
//!   ranges across months ("من 30 يناير إلى 2 فبراير"). A weekday before the
//!   day ("الثلاثاء 19 سبتمبر") is kept in the quote. Ambiguous spellings
//!   (ماي, مارس, آب …) need a day, a year, a relative word or "شهر".
//! - numeric dates: 20/09/2024, 20-09-2024, 20.09.2024, 2024-09-20; a
//!   weekday with day/month ("السبت 21/09"); "بتاريخ 2/2013".
//! - relative dates: "الشهر الماضي", "19 من الشهر الجاري", "الثلاثاء
//!   الماضي", "أمس", "اليوم الثلاثاء", "غدا" — only against an anchor date
//!   (a day or month cannot be written without one, so nothing is reported
//!   without it). "العام الماضي" and the like are years: see `year`.
//!
//! How a missing year is settled, first that applies:
//! 1. the text states it: [`Resolution::Explicit`];
//! 2. a relative word, against the article's publication date, else the
//!    `--reference-date`: [`Resolution::PublicationDate`] / [`Resolution::ReferenceDate`].
//!    "الجاري"/"الحالي" is the anchor's year, "المقبل" the next occurrence of
//!    that month (and day) after the anchor, "الماضي" the last one before it;
//! 3. an event tag in the same sentence ("IGEF 2025", "IGEF24"), for a date
//!    with no relative word or with "الجاري"/"الحالي": [`Resolution::EventTag`].
//!    "المقبل"/"الماضي" without an anchor date stay unresolved: the tag's
//!    year does not say which side of the event the month falls on;
//! 4. else the year stays unknown ("--09-19"): [`Resolution::Unresolved`].
//!
//! A date without any year and without a relative word never takes the
//! publication year: that would be a guess.

mod arabic_calendar;
mod holidays;
mod latin;
mod latin_calendar;
pub(crate) use latin_calendar::relative_years as latin_relative_years;
mod lexicon;

use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::word_regex::{Captures, Match, Regex};
use chrono::{Datelike, Duration, NaiveDate};

use super::Document;
use crate::model::{DateValue, Fact, FactKind, PartialDate, Resolution, Span, Value};
use crate::normalize;

pub(crate) use lexicon::{key, Rel, LEXICON};

/// How far back (bytes of folded text) the patterns before a month look.
const LEFT_WINDOW: usize = 160;

struct Patterns {
    month: Regex,
    pair: Regex,
    left_days: Regex,
    month_word_before: Regex,
    weekday_before: Regex,
    year_after: Regex,
    rel_after: Regex,
    day_after: Regex,
    range_after: Regex,
    closes: Regex,
    numeric_dmy: Regex,
    numeric_ym: Regex,
    numeric_ymd: Regex,
    numeric_weekday_dm: Regex,
    numeric_my: Regex,
    month_rel: Regex,
    weekday_rel: Regex,
    day_word: Regex,
    day_part_before: Regex,
}

fn fill(template: &str) -> String {
    let l = &*LEXICON;
    let day = format!(
        r"(?:\d{{1,2}}(?:st|nd|rd|th|er|ème|eme|e)?|{})",
        l.ordinals_alt
    );
    template
        .replace("{DAY}", &day)
        .replace("{MONTHS}", &l.months_alt)
        .replace("{WEEKDAYS}", &l.weekdays_alt)
        .replace("{REL}", &l.relative_alt)
        .replace("{THIS}", &l.this_alt)
        .replace("{MONTHNOUNS}", &l.month_nouns_alt)
        .replace("{DAYWORDS}", &l.day_words_alt)
        .replace("{DAYPARTS}", &l.day_parts_alt)
        .replace("{FROM}", &l.from_alt)
        .replace("{TO}", &l.to_alt)
        .replace("{OF}", &l.of_alt)
        .replace("{MONTHWORD}", &l.month_word_alt)
        .replace("{DAYLEAD}", &l.day_lead_alt)
        .replace("{WDLINK}", &l.weekday_link_alt)
        .replace("{YEARLEAD}", &l.year_lead_alt)
        .replace("{YSUFFIX}", &l.year_suffix_alt)
        .replace("{NUMLEAD}", &l.numeric_lead_alt)
        .replace("{CLITIC}", &l.clitics_alt)
}

fn re(template: &str) -> Regex {
    Regex::new(&fill(template)).expect("date pattern compiles")
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    month: re(r"(?i)\b(?P<pre>{CLITIC})?(?P<m>{MONTHS})\b"),
    pair: re(r"(?i)^\s*(?:/|\(|-|,)?\s*(?P<m>{MONTHS})\b(?:\s*\))?"),
    left_days: re(
        r"(?i)(?:(?P<from>{FROM})\s+)?(?:(?:{WEEKDAYS}|the|le)\s+)?(?:(?P<d1>{DAY})\s*(?:{TO})\s*(?:(?:{WEEKDAYS}|the|le)\s+)?)?(?P<d2>{DAY})\s*,?\s*(?:(?:{OF})\s+)?(?:(?:{MONTHWORD})\s+)?$",
    ),
    month_word_before: re(r"(?i)(?:^|[^\p{L}])(?:{MONTHWORD})\s+$"),
    weekday_before: re(r"(?i)(?:(?:{DAYLEAD})\s+)?(?P<wd>{WEEKDAYS})\s*,?\s*(?:(?:{WDLINK})\s+)?$"),
    year_after: re(r"(?i)^\s*,?\s*(?:(?:{YEARLEAD})\s+)?(?P<y>\d{4})(?:{YSUFFIX})?\b"),
    rel_after: re(r"(?i)^\s*(?P<r>{REL})\b"),
    day_after: re(
        r"(?i)^\s*\.?\s*(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:{TO})\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)?",
    ),
    range_after: re(
        r"(?i)^\s*,?\s*(?P<conn>{TO})\s*(?P<d>{DAY})\s*,?\s*(?:(?:{OF})\s+)?(?:(?:{MONTHWORD})\s+)?(?P<m>{MONTHS})\b",
    ),
    closes: re(r#"^\s*(?:$|[,.;:!?)\]"'»”″“]|\d{4}\b)"#),
    numeric_dmy: re(
        r"\b(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P<t>[/.\-])(?P<y>\d{4}|\d{2})\b",
    ),
    numeric_ym: re(r"\b(?P<y>\d{4})(?P<s>[/\-])(?P<b>\d{1,2})\b"),
    numeric_ymd: re(r"\b(?P<y>\d{4})(?P<s>[/\-])(?P<b>\d{1,2})(?P<t>[/\-])(?P<a>\d{1,2})\b"),
    numeric_weekday_dm: re(
        r"(?i)\b(?:(?:{DAYLEAD})\s+)?(?P<wd>{WEEKDAYS})\s*,?\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})\b",
    ),
    numeric_my: re(r"(?im)(?:^|\b(?:{NUMLEAD})\s+)(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
    month_rel: re(
        r"(?i)\b(?:(?:(?P<from>{FROM})\s+)?(?:(?P<d1>{DAY})\s*(?:{TO})\s*)?(?P<d>{DAY})\s+(?:(?:{OF}|في)\s+)?)?(?P<p>(?P<this>{THIS})\s+{MONTHNOUNS}|{MONTHNOUNS}\s+(?P<r>{REL}))\b",
    ),
    weekday_rel: re(r"(?i)\b(?:(?:{DAYLEAD})\s+)?(?P<wd>{WEEKDAYS})\s+(?P<r>{REL})\b"),
    day_word: re(r"(?i)\b(?P<w>{DAYWORDS})\b(?:\s*,?\s*(?P<wd>{WEEKDAYS})\b)?"),
    day_part_before: re(r"(?i)(?:^|[^\p{L}])(?:{DAYPARTS})\s+$"),
});

/// Whether a word is a month or weekday name of data/months.toml
/// (for the figure readers: "19 janvier" is a date, not 19 of something).
pub(crate) fn is_month_or_weekday(word: &str) -> bool {
    let k = key(word);
    LEXICON.months.contains_key(&k) || LEXICON.weekdays.contains_key(&k)
}

/// Whether a word is a month name of data/months.toml.
pub(crate) fn is_month_name(word: &str) -> bool {
    LEXICON.months.contains_key(&key(word))
}

/// The date against which relative words are read, and how it was chosen:
/// the article's own date (its publication, else its last update when that
/// is all the page prints), else the `--reference-date`.
pub(crate) fn anchor(doc: &Document) -> Option<(NaiveDate, Resolution)> {
    doc.article
        .published
        .or(doc.article.updated)
        .map(|d| (d, Resolution::PublicationDate))
        .or_else(|| {
            doc.options
                .reference_date
                .map(|d| (d, Resolution::ReferenceDate))
        })
}

/// Extracts every date of the article, in text order.
pub fn extract(doc: &Document) -> Vec<Fact> {
    find(doc)
        .into_iter()
        .map(|c| doc.fact(FactKind::Date, c.start, c.end, Value::Date(c.value)))
        .collect()
}

/// A date found in the folded text.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

/// Everything the finders share: the text, the anchor, the event tags (read lazily).
struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
    text: &'d str,
    anchor: Option<(NaiveDate, Resolution)>,
    tags: OnceCell<Vec<(Span, String, i32)>>,
    /// Whether the article's numeric dates write the month first, when they say (see `month_first`).
    numbers_month_first: OnceCell<Option<bool>>,
}

impl Ctx<'_, '_> {
    /// The year of the event tag nearest to a folded range, in the same sentence.
    fn tag_year(&self, start: usize, end: usize) -> Option<i32> {
        let tags = self.tags.get_or_init(|| super::year::event_tags(self.doc));
        if tags.is_empty() {
            return None;
        }
        let span = self.doc.folded.to_original(start, end);
        let sentence = normalize::sentence_of(&self.doc.sentences, span);
        tags.iter()
            .filter(|(t, _, _)| sentence.contains(*t))
            .min_by_key(|(t, _, _)| {
                if t.start >= span.end {
                    t.start - span.end
                } else {
                    span.start.saturating_sub(t.end)
                }
            })
            .map(|(_, _, y)| *y)
    }

    /// Whether a numeric date at folded offset `at` writes the month first:
    /// as the article's other numeric dates do where one of them can only
    /// be read one way ("09/20/2024", "20/09/2024"); else as its sentence's
    /// language does (English month first, Arabic and French day first).
    fn month_first(&self, at: usize) -> bool {
        let evidence = self.numbers_month_first.get_or_init(|| {
            let (mut day_first, mut month_first) = (false, false);
            for c in PATTERNS.numeric_dmy.captures_iter(self.text) {
                let n = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
                match (n("a"), n("b")) {
                    (Some(a), Some(b)) if a > 12 && b <= 12 => day_first = true,
                    (Some(a), Some(b)) if b > 12 && a <= 12 => month_first = true,
                    _ => {}
                }
            }
            match (day_first, month_first) {
                (true, false) => Some(false),
                (false, true) => Some(true),
                _ => None,
            }
        });
        evidence.unwrap_or_else(|| {
            let original = self.doc.folded.to_original(at, at).start;
            self.doc.language_at(original) == crate::model::Language::En
        })
    }

    /// The original text of a folded range (for `DateValue::relative`).
    fn original(&self, start: usize, end: usize) -> String {
        self.doc
            .article
            .quote(self.doc.folded.to_original(start, end))
            .to_string()
    }
}

pub(crate) fn find(doc: &Document) -> Vec<Found> {
    let ctx = Ctx {
        doc,
        text: &doc.folded.text,
        anchor: anchor(doc),
        tags: OnceCell::new(),
        numbers_month_first: OnceCell::new(),
    };
    let mut all = Vec::new();
    holidays::find(&ctx, &mut all);
    latin_calendar::find_first(&ctx, &mut all);
    // French and English forms first: "Jan. 19" is one date, not a month alone.
    latin::find(&ctx, &mut all);
    latin_calendar::find(&ctx, &mut all);
    arabic_calendar::hijri_dates(&ctx, &mut all);
    arabic_calendar::holidays(&ctx, &mut all);
    arabic_calendar::nth_weekdays(&ctx, &mut all);
    arabic_calendar::week_weekdays(&ctx, &mut all);
    arabic_calendar::hijri_months(&ctx, &mut all);
    arabic_calendar::month_parts(&ctx, &mut all);
    month_dates(&ctx, &mut all);
    numeric_dates(&ctx, &mut all);
    relative_months(&ctx, &mut all);
    relative_weekdays(&ctx, &mut all);
    day_words(&ctx, &mut all);
    arabic_calendar::month_numbers(&ctx, &mut all);
    arabic_calendar::days_ago(&ctx, &mut all);
    arabic_calendar::weekdays_alone(&ctx, &mut all);
    latin_calendar::find_late(&ctx, &mut all);
    // Earlier finders win over later ones where they overlap.
    let mut kept: Vec<Found> = Vec::with_capacity(all.len());
    let mut spans = super::DisjointSpans::default();
    for f in all {
        if spans.insert(f.start, f.end) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.start);
    arabic_calendar::pair_hijri_with_gregorian(ctx.text, &mut kept);
    neighbour_days(&ctx, &mut kept);
    kept
}

#[derive(serde::Deserialize)]
struct NeighbourFile {
    neighbour_day: std::collections::HashMap<String, Vec<String>>,
}

struct Neighbours {
    offsets: std::collections::HashMap<String, i64>,
    links: Vec<String>,
    pattern: Regex,
}

static NEIGHBOURS: LazyLock<Neighbours> = LazyLock::new(|| {
    let f: NeighbourFile = toml::from_str(include_str!("../../../data/relative.toml"))
        .expect("data/relative.toml is valid");
    let mut offsets = std::collections::HashMap::new();
    let mut names = Vec::new();
    let mut links = Vec::new();
    for (k, words) in &f.neighbour_day {
        match k.trim().parse::<i64>() {
            Ok(n) => {
                for w in words {
                    offsets.insert(key(&w.replace('’', "'")), n);
                    names.push(w.clone());
                }
            }
            Err(_) => links.extend(words.iter().map(|w| key(w))),
        }
    }
    let alt = lexicon::alternation(&names).replace('\'', "['’]");
    Neighbours {
        offsets,
        links,
        pattern: Regex::new(&format!(r"(?i)(?:^|\b)(?P<w>{alt})(?:\b|$)"))
            .expect("neighbour-day pattern compiles"),
    }
});

/// "la veille", "le lendemain", "the next day", "في اليوم التالي": see data/relative.toml `[neighbour_day]`.
fn neighbour_days(ctx: &Ctx, kept: &mut Vec<Found>) {
    let lex = &*NEIGHBOURS;
    let text = ctx.text;
    let mut added = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for c in lex.pattern.captures_iter(text) {
        let Some(w) = c.name("w") else { continue };
        let Some(&offset) = lex.offsets.get(&key(&w.as_str().replace('’', "'"))) else {
            continue;
        };
        if kept.iter().any(|f| f.start < w.end() && w.start() < f.end) {
            continue;
        }
        let rest = &text[w.end()..];
        let next_word: String = rest
            .trim_start()
            .split(|ch: char| ch.is_whitespace() || (ch.is_ascii_punctuation() && ch != '\''))
            .next()
            .unwrap_or("")
            .to_string();
        let next_key = key(&next_word.replace('’', "'"));
        let linked = !next_word.is_empty()
            && (lex.links.contains(&next_key)
                || lex
                    .links
                    .iter()
                    .any(|l| l.ends_with('\'') && next_key.starts_with(l.as_str())));
        let full = |f: &Found| f.value.end.is_none() && f.value.start.day.is_some();
        let (base, start, end, i) = if linked {
            // A date right after the link: "le lendemain du 13 février".
            let gap_end = w.end() + rest.len() - rest.trim_start().len() + next_word.len();
            let Some((i, f)) = kept
                .iter()
                .enumerate()
                .find(|(_, f)| f.start >= w.end() && f.start <= gap_end + 1 && full(f))
            else {
                continue;
            };
            (Some(f.value.clone()), w.start(), f.end, Some(i))
        } else {
            let paragraph = text[..w.start()].rfind('\n').map_or(0, |i| i + 1);
            let before = kept
                .iter()
                .rev()
                .find(|f| f.end <= w.start() && f.start >= paragraph && full(f));
            (before.map(|f| f.value.clone()), w.start(), w.end(), None)
        };
        let word = ctx.original(w.start(), w.end());
        let value = match base {
            Some(v) => {
                // A date without its year stays without it (2000 is a leap year: any day exists).
                let y = v.start.year;
                let Some(d) = NaiveDate::from_ymd_opt(
                    y.unwrap_or(2000),
                    v.start.month,
                    v.start.day.unwrap_or(1),
                )
                .and_then(|d| d.checked_add_signed(Duration::days(offset))) else {
                    continue;
                };
                let mut value = full_date(d, v.resolution, word);
                if y.is_none() {
                    value.start.year = None;
                }
                value
            }
            None => {
                let Some((a, how)) = ctx.anchor else { continue };
                let Some(d) = a.checked_add_signed(Duration::days(offset)) else {
                    continue;
                };
                full_date(d, how, word)
            }
        };
        if let Some(i) = i {
            replaced.push(i);
        }
        added.push(Found { start, end, value });
    }
    if added.is_empty() {
        return;
    }
    let mut i = 0;
    kept.retain(|_| {
        let keep = !replaced.contains(&i);
        i += 1;
        keep
    });
    kept.extend(added);
    kept.sort_by_key(|f| f.start);
}

// ---------------------------------------------------------------------------
// Small helpers on the folded text.

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The text before `end`, at most `LEFT_WINDOW` bytes, and where it starts.
fn left_window(text: &str, end: usize) -> (usize, &str) {
    let start = ceil_boundary(text, end.saturating_sub(LEFT_WINDOW));
    (start, &text[start..end])
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// Whether a day number starting at `at` stands alone (not "3.19", "2024-19", "x19").
fn clean_number_start(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) if c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ':') => false,
        // "و4 أبريل": a one-letter prefix on a word of its own.
        Some(c) if LEXICON.clitics.contains(&c) => {
            !matches!(char_before(text, at - c.len_utf8()), Some(b) if is_letter(b) || b.is_ascii_digit())
        }
        Some(c) => !c.is_alphabetic(),
    }
}

/// The word right before `at` (skipping spaces), folded key.
fn word_before(text: &str, at: usize) -> String {
    let head = text[..at].trim_end();
    let start = head.rfind(|c: char| !is_letter(c)).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    key(&head[start..])
}

/// A day of the month from a matched day token: digits (with an English or
/// French suffix) or an ordinal word.
fn parse_day(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok().filter(|d| (1..=31).contains(d));
    }
    LEXICON.ordinals.get(&key(s)).copied()
}

fn month_of(s: &str) -> Option<u32> {
    LEXICON.months.get(&key(s)).copied()
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn plausible_year(y: i32) -> bool {
    (1800..=2100).contains(&y)
}

// ---------------------------------------------------------------------------
// Dates around a month name.

/// Days written before a month: one day or a range.
struct LeftDays {
    start: usize,
    first: Option<u32>,
    last: u32,
    /// Where a range word ("من", "بين") before the days starts.
    from: Option<usize>,
}

fn left_days(ctx: &Ctx, month_start: usize, floor: usize) -> Option<LeftDays> {
    let text = ctx.text;
    let (w0, window) = left_window(text, month_start);
    let caps = PATTERNS.left_days.captures(window)?;
    let d2m = caps.name("d2")?;
    let mut d1m = caps.name("d1");
    let mut from_m = caps.name("from");
    // A day glued to another number ("2024 و4", "3.19") is no day: "2024 و4
    // أبريل" is the day 4 alone.
    if let Some(d1) = d1m {
        if !clean_number_start(text, w0 + d1.start()) || parse_day(d1.as_str()).is_none() {
            d1m = None;
            from_m = None;
        }
    }
    if d1m.is_none() && !clean_number_start(text, w0 + d2m.start()) {
        return None;
    }
    let last = parse_day(d2m.as_str())?;
    let first = d1m.and_then(|m| parse_day(m.as_str()));
    let first_tok = d1m.unwrap_or(d2m);
    let ordinal = !first_tok.as_str().starts_with(|c: char| c.is_ascii_digit());
    let mut start = w0 + first_tok.start();
    let mut from = None;
    if ordinal {
        // "الأسبوع الأول من سبتمبر" is a week; "الثلاثاء الأول من أكتوبر" a weekday.
        // An nth weekday goes up to the fifth; "الثلاثاء التاسع عشر" is a day.
        let before = word_before(text, start);
        let nth_weekday = LEXICON.weekdays.contains_key(&before)
            && parse_day(first_tok.as_str()).is_some_and(|d| d <= 5);
        if LEXICON.ordinal_blockers.contains(&before) || nth_weekday {
            return None;
        }
    }
    // "من"/"بين" belong to the quote when they are whole words.
    if let Some(f) = from_m {
        let fs = w0 + f.start();
        if !matches!(char_before(text, fs), Some(c) if is_letter(c)) {
            from = Some(fs);
            if d1m.is_some() {
                start = fs;
            }
        }
    }
    if start < floor {
        return None;
    }
    Some(LeftDays {
        start,
        first,
        last,
        from,
    })
}

/// A weekday written before a date ("الثلاثاء 19", "يوم الخميس الموافق 14"):
/// where it starts, and the weekday (1 = Monday … 7 = Sunday).
fn weekday_start(ctx: &Ctx, date_start: usize, floor: usize) -> Option<(usize, u32)> {
    let (w0, window) = left_window(ctx.text, date_start);
    let caps = PATTERNS.weekday_before.captures(window)?;
    let wd_match = caps.name("wd")?;
    let mut s = w0 + caps.get(0)?.start();
    // "اليوم الأربعاء 12": "يوم" inside "اليوم" is no lead; the weekday is.
    if matches!(char_before(ctx.text, s), Some(c) if is_letter(c)) {
        s = w0 + wd_match.start();
    }
    if s < floor || matches!(char_before(ctx.text, s), Some(c) if is_letter(c)) {
        return None;
    }
    let wd = LEXICON.weekdays.get(&key(wd_match.as_str())).copied()?;
    Some((s, wd))
}

/// A month name at `[start, end)` and a paired name of the same month after it.
fn extend_pair(text: &str, end: usize, month: u32) -> usize {
    if let Some(c) = PATTERNS.pair.captures(&text[end..]) {
        if let Some(m) = c.name("m") {
            if month_of(m.as_str()) == Some(month) {
                return end + c.get(0).map_or(0, |g| g.end());
            }
        }
    }
    end
}

fn year_after(text: &str, at: usize) -> Option<(i32, usize)> {
    let c = PATTERNS.year_after.captures(&text[at..])?;
    let y: i32 = c.name("y")?.as_str().parse().ok()?;
    plausible_year(y).then(|| (y, at + c.get(0).map_or(0, |g| g.end())))
}

fn rel_after(text: &str, at: usize) -> Option<(Rel, usize, usize)> {
    let c = PATTERNS.rel_after.captures(&text[at..])?;
    let r = c.name("r")?;
    let kind = LEXICON.relative.get(&key(r.as_str())).copied()?;
    Some((kind, at + r.start(), at + r.end()))
}

fn month_dates(ctx: &Ctx, out: &mut Vec<Found>) {
    let text = ctx.text;
    let mut floor = 0usize;
    for caps in PATTERNS.month.captures_iter(text) {
        let (Some(whole), Some(m)) = (caps.get(0), caps.name("m")) else {
            continue;
        };
        if whole.start() < floor {
            continue;
        }
        let Some(month) = month_of(m.as_str()) else {
            continue;
        };
        let ambiguous = LEXICON.ambiguous.contains(&key(m.as_str()));
        if ambiguous && caps.name("pre").is_some() {
            continue;
        }
        if let Some(found) = date_at(
            ctx,
            whole.start(),
            m.start(),
            m.end(),
            month,
            ambiguous,
            floor,
        ) {
            floor = found.end;
            out.push(found);
        }
    }
}

/// One date built around the month name at `[m_start, m_end)`.
fn date_at(
    ctx: &Ctx,
    whole_start: usize,
    m_start: usize,
    m_end: usize,
    month: u32,
    ambiguous: bool,
    floor: usize,
) -> Option<Found> {
    let text = ctx.text;
    let mut end = extend_pair(text, m_end, month);
    let left = if whole_start == m_start {
        left_days(ctx, m_start, floor)
    } else {
        None
    };
    let mut start = left.as_ref().map_or(whole_start, |l| l.start);
    let mut first_day = left.as_ref().and_then(|l| l.first);
    let mut last_day = left.as_ref().map(|l| l.last);
    let mut year_lead: Option<i32> = None;

    // "September 20, 2024", "يوليو 13-15": the day after the month.
    if left.is_none() {
        if let Some(c) = PATTERNS.day_after.captures(&text[end..]) {
            let g_end = end + c.get(0).map_or(0, |g| g.end());
            let d1 = c.name("d1").and_then(|d| parse_day(d.as_str()));
            let d2 = c.name("d2").and_then(|d| parse_day(d.as_str()));
            let year = year_after(text, g_end);
            let closes = PATTERNS.closes.is_match(&text[g_end..]);
            if let Some(d1) = d1 {
                let range_ok = c.name("d2").is_none() || d2.is_some();
                if (year.is_some() || (closes && !ambiguous)) && range_ok {
                    match d2 {
                        Some(d2) => {
                            first_day = Some(d1);
                            last_day = Some(d2);
                        }
                        None => last_day = Some(d1),
                    }
                    end = g_end;
                    year_lead = year.map(|(y, _)| y);
                    if let Some((_, e)) = year {
                        end = e;
                    }
                }
            }
        }
    }

    // The year, or a relative word, after the month.
    let mut year = year_lead;
    if year.is_none() {
        if let Some((y, e)) = year_after(text, end) {
            year = Some(y);
            end = e;
        }
    }
    let mut rel = None;
    if year.is_none() {
        if let Some((r, rs, re)) = rel_after(text, end) {
            rel = Some((r, ctx.original(rs, re)));
            end = re;
        }
    }

    // A range across months: "من 30 يناير إلى 2 فبراير 2025".
    let mut end_month = None;
    let mut year_is_start = false;
    if last_day.is_some() && first_day.is_none() {
        if let Some(c) = PATTERNS.range_after.captures(&text[end..]) {
            let m2 = c.name("m").and_then(|m| month_of(m.as_str()));
            let d = c.name("d").and_then(|d| parse_day(d.as_str()));
            // "3 أبريل و4 أبريل" are two dates; "بين 3 أبريل و4 أبريل" one range.
            let and = c.name("conn").is_some_and(|k| {
                key(k.as_str())
                    .chars()
                    .all(|ch| LEXICON.conjunctions.contains(&ch))
            });
            let from = left.as_ref().and_then(|l| l.from);
            if let (Some(m2), Some(d), true) = (m2, d, from.is_some() || !and) {
                if m2 != month || d > last_day.unwrap_or(0) {
                    first_day = last_day;
                    last_day = Some(d);
                    end_month = Some(m2);
                    year_is_start = year.is_some();
                    if let Some(fs) = from {
                        start = fs;
                    }
                    let m2_end = end + c.name("m").map_or(0, |g| g.end());
                    end = extend_pair(text, m2_end, m2);
                    if let Some((y, e)) = year_after(text, end) {
                        // The year after the second month is the range's end year.
                        year = Some(y);
                        year_is_start = false;
                        end = e;
                    } else if rel.is_none() {
                        if let Some((r, rs, re)) = rel_after(text, end) {
                            rel = Some((r, ctx.original(rs, re)));
                            end = re;
                        }
                    }
                }
            }
        }
    }

    let has_day = last_day.is_some();
    if !has_day && year.is_none() && rel.is_none() {
        // A month alone: only with "شهر" before it.
        let (_, window) = left_window(text, whole_start);
        if !PATTERNS.month_word_before.is_match(window) {
            return None;
        }
    }
    let mut weekday = None;
    if has_day && first_day.is_none() {
        if let Some((ws, wd)) = weekday_start(ctx, start, floor) {
            start = ws;
            weekday = Some(wd);
        }
    }
    if let (Some(f), Some(l), None) = (first_day, last_day, end_month) {
        if f >= l {
            return None;
        }
    }
    let start_pd = (month, first_day.or(last_day));
    let end_pd = first_day.map(|_| (end_month.unwrap_or(month), last_day));
    let years = match (year, year_is_start) {
        (Some(y), true) => (Some(y), None),
        (y, _) => (None, y),
    };
    let mut value = settle(ctx, start, end, start_pd, end_pd, years, rel)?;
    value.weekday = weekday;
    year_from_weekday(ctx, &mut value);
    Some(Found { start, end, value })
}

/// A day and month without a year, with the weekday written beside them
/// ("الثلاثاء 17 جوان"): the year in which that day falls on that weekday,
/// within half a year of the anchor ([`Resolution::Weekday`]). A weekday
/// that fits no such year leaves the year open: a year-old date is less
/// likely than a wrong weekday.
fn year_from_weekday(ctx: &Ctx, value: &mut DateValue) {
    let (Some(wd), None, None, Some(day), Some((a, _))) = (
        value.weekday,
        value.start.year,
        value.end,
        value.start.day,
        ctx.anchor,
    ) else {
        return;
    };
    let best = (a.year() - 1..=a.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, value.start.month, day))
        .filter(|d| d.weekday().number_from_monday() == wd && (*d - a).num_days().abs() <= 183)
        .min_by_key(|d| (*d - a).num_days().abs());
    if let Some(d) = best {
        value.start.year = Some(d.year());
        value.resolution = Resolution::Weekday;
    }
}

/// Settles the year(s) of a date or range and checks the days exist.
fn settle(
    ctx: &Ctx,
    start: usize,
    end: usize,
    first: (u32, Option<u32>),
    last: Option<(u32, Option<u32>)>,
    explicit: (Option<i32>, Option<i32>),
    rel: Option<(Rel, String)>,
) -> Option<DateValue> {
    let wraps = last.is_some_and(|l| (l.0, l.1) < (first.0, first.1));
    let wrap = i32::from(wraps);
    let (ys, ye, resolution) = if let (Some(y), _) = explicit {
        // A year written after the first month of a range starts it.
        (Some(y), Some(y + wrap), Resolution::Explicit)
    } else if let (None, Some(y)) = explicit {
        // A year written after the range belongs to its end.
        (Some(y - wrap), Some(y), Resolution::Explicit)
    } else {
        match (&rel, ctx.anchor) {
            (Some((kind, _)), Some((a, how))) => {
                let y = match kind {
                    Rel::Current => {
                        if last.is_some() {
                            a.year() - wrap
                        } else {
                            a.year()
                        }
                    }
                    Rel::Next => {
                        let later = match first.1 {
                            Some(d) => (first.0, d) > (a.month(), a.day()),
                            None => first.0 > a.month(),
                        };
                        if later {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    Rel::Previous => {
                        let earlier = match first.1 {
                            Some(d) => (first.0, d) < (a.month(), a.day()),
                            None => first.0 < a.month(),
                        };
                        if earlier {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                };
                (Some(y), Some(y + wrap), how)
            }
            (Some((Rel::Next | Rel::Previous, _)), None) => (None, None, Resolution::Unresolved),
            _ => match ctx.tag_year(start, end) {
                Some(y) => (Some(y - wrap), Some(y), Resolution::EventTag),
                None => (None, None, Resolution::Unresolved),
            },
        }
    };
    let start_pd = PartialDate {
        year: ys,
        month: first.0,
        day: first.1,
    };
    let end_pd = last.map(|(m, d)| PartialDate {
        year: ye,
        month: m,
        day: d,
    });
    for pd in std::iter::once(&start_pd).chain(end_pd.as_ref()) {
        if let Some(d) = pd.day {
            if d == 0 || d > days_in_month(pd.year, pd.month) {
                return None;
            }
        }
    }
    Some(DateValue::new(
        start_pd,
        end_pd,
        resolution,
        rel.map(|(_, w)| w),
    ))
}

// ---------------------------------------------------------------------------
// Numeric dates.

fn numeric_dates(ctx: &Ctx, out: &mut Vec<Found>) {
    let text = ctx.text;
    let followed_by_number = |e: usize| {
        let rest = &text[e..];
        let mut it = rest.chars();
        matches!((it.next(), it.next()), (Some('/' | '.' | '-' | ':'), Some(c)) if c.is_ascii_digit())
    };
    let num = |c: &Captures, n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    for (re, re_is_dmy) in [
        (&PATTERNS.numeric_dmy, true),
        (&PATTERNS.numeric_ymd, false),
    ] {
        for c in re.captures_iter(text) {
            let Some(g) = c.get(0) else { continue };
            if c.name("s").map(|m| m.as_str()) != c.name("t").map(|m| m.as_str())
                || followed_by_number(g.end())
            {
                continue;
            }
            if matches!(char_before(text, g.start()), Some('.' | '/' | '-')) {
                continue;
            }
            let (Some(a), Some(b), Some(y)) = (num(&c, "a"), num(&c, "b"), num(&c, "y")) else {
                continue;
            };
            let two_digit_year = c.name("y").is_some_and(|m| m.len() == 2);
            if two_digit_year
                && c.name("s").is_some_and(|m| m.as_str() == ".")
                && (c.name("a").is_some_and(|m| m.len() != 2)
                    || c.name("b").is_some_and(|m| m.len() != 2))
            {
                // "1.10.12" is a version number; "15.05.99" a date.
                continue;
            }
            // A two-digit year is of this century up to 49 ("20/02/14"), else of the last ("31/10/74").
            let y = match (y as i32, two_digit_year) {
                (y, true) if y < 50 => 2000 + y,
                (y, true) => 1900 + y,
                (y, false) => y,
            };
            if !(1900..=2100).contains(&y) {
                continue;
            }
            // The article's order (see `Ctx::month_first`) unless only the other is possible.
            let month_first = re_is_dmy && ctx.month_first(g.start());
            let (day, month) = if a <= 12 && (b > 12 || month_first) {
                (b, a)
            } else {
                (a, b)
            };
            if !(1..=12).contains(&month) || day == 0 || day > days_in_month(Some(y), month) {
                continue;
            }
            let value = DateValue::new(
                PartialDate {
                    year: Some(y),
                    month,
                    day: Some(day),
                },
                None,
                Resolution::Explicit,
                None,
            );
            out.push(Found {
                start: g.start(),
                end: g.end(),
                value,
            });
        }
    }
    // A year and month ("2024-09", "2015/3"), unless the second number is the
    // next year of a span ("2010-11", "2019/20": a season).
    for c in PATTERNS.numeric_ym.captures_iter(text) {
        let (Some(g), Some(y), Some(b)) = (c.get(0), num(&c, "y"), num(&c, "b")) else {
            continue;
        };
        if followed_by_number(g.end())
            || matches!(char_before(text, g.start()), Some('.' | '/' | '-' | ','))
            || text[g.end()..].starts_with(['%', '.', ','])
        {
            continue;
        }
        let y = y as i32;
        if !(1..=12).contains(&b) || !(1900..=2100).contains(&y) || b as i32 == (y + 1) % 100 {
            continue;
        }
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value: DateValue::new(
                PartialDate {
                    year: Some(y),
                    month: b,
                    day: None,
                },
                None,
                Resolution::Explicit,
                None,
            ),
        });
    }
    for c in PATTERNS.numeric_weekday_dm.captures_iter(text) {
        let Some(g) = c.get(0) else { continue };
        if followed_by_number(g.end()) {
            continue;
        }
        let (Some(day), Some(month)) = (num(&c, "a"), num(&c, "b")) else {
            continue;
        };
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(None, month) {
            continue;
        }
        if let Some(mut value) = settle(
            ctx,
            g.start(),
            g.end(),
            (month, Some(day)),
            None,
            (None, None),
            None,
        ) {
            value.weekday = c
                .name("wd")
                .and_then(|wd| LEXICON.weekdays.get(&key(wd.as_str())).copied());
            out.push(Found {
                start: g.start(),
                end: g.end(),
                value,
            });
        }
    }
    for c in PATTERNS.numeric_my.captures_iter(text) {
        let (Some(g), Some(b)) = (c.get(0), c.name("b")) else {
            continue;
        };
        if followed_by_number(g.end()) || !clean_number_start(text, b.start()) {
            continue;
        }
        let (Some(month), Some(y)) = (num(&c, "b"), num(&c, "y")) else {
            continue;
        };
        let y = y as i32;
        if !(1..=12).contains(&month) || !(1900..=2100).contains(&y) {
            continue;
        }
        let value = DateValue::new(
            PartialDate {
                year: Some(y),
                month,
                day: None,
            },
            None,
            Resolution::Explicit,
            None,
        );
        out.push(Found {
            start: b.start(),
            end: g.end(),
            value,
        });
    }
}

// ---------------------------------------------------------------------------
// Dates relative to the anchor: months, weekdays, day words.

fn shift_month(year: i32, month: u32, by: i32) -> (i32, u32) {
    let idx = year * 12 + month as i32 - 1 + by;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

impl Rel {
    /// How many months, weeks or years the word moves from the anchor's own.
    pub(crate) fn step(self) -> i32 {
        match self {
            Rel::Current => 0,
            Rel::Next => 1,
            Rel::Previous => -1,
        }
    }
}

/// The step and the word of a phrase with a "this" word (`this` group, the
/// anchor's own) or a relative word after a noun (`r` group): "هذا الشهر",
/// "الأسبوع المقبل".
fn this_or_relative<'h>(c: &Captures<'h>) -> Option<(i32, Match<'h>)> {
    match (c.name("this"), c.name("r")) {
        (Some(t), _) => Some((0, t)),
        (None, Some(r)) => LEXICON
            .relative
            .get(&key(r.as_str()))
            .map(|k| (k.step(), r)),
        _ => None,
    }
}

/// Where a weekday is looked for from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Toward {
    /// The last one strictly before the anchor ("last Thursday", "الخميس الماضي").
    Before,
    /// The next one strictly after it ("next Monday", "الاثنين المقبل").
    After,
    /// The last one up to the anchor, the same day included (a weekday alone, told after the fact).
    UpTo,
    /// The next one from the anchor, the same day included (a weekday alone after a future cue).
    From,
    /// The one of the week (Monday to Sunday) this many weeks from the anchor's.
    Week(i64),
}

/// The one resolution of a weekday (ISO, Monday = 1) against the anchor,
/// used by every reader (Arabic, French, English). `None` past the calendar's ends.
pub(super) fn weekday_from(anchor: NaiveDate, weekday: u32, toward: Toward) -> Option<NaiveDate> {
    let today = i64::from(anchor.weekday().number_from_monday());
    let target = i64::from(weekday);
    let offset = match toward {
        Toward::Before => -(today - target - 1).rem_euclid(7) - 1,
        Toward::After => (target - today - 1).rem_euclid(7) + 1,
        Toward::UpTo => -(today - target).rem_euclid(7),
        Toward::From => (target - today).rem_euclid(7),
        Toward::Week(n) => 7 * n + target - today,
    };
    anchor.checked_add_signed(Duration::days(offset))
}

/// A day of the month written with its weekday but no month ("mardi 19",
/// "Tuesday the 19th", "الخميس 21"): the date with that day and weekday
/// nearest the anchor, within `max_days` of it.
pub(super) fn day_with_weekday(
    anchor: NaiveDate,
    day: u32,
    weekday: u32,
    max_days: i64,
) -> Option<NaiveDate> {
    (-2..=2)
        .filter_map(|by| {
            let (y, m) = shift_month(anchor.year(), anchor.month(), by);
            NaiveDate::from_ymd_opt(y, m, day)
        })
        .filter(|d| {
            d.weekday().number_from_monday() == weekday
                && (*d - anchor).num_days().abs() <= max_days
        })
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

fn relative_months(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    for c in PATTERNS.month_rel.captures_iter(ctx.text) {
        let Some(g) = c.get(0) else { continue };
        let Some((by, word)) = this_or_relative(&c) else {
            continue;
        };
        let (y, m) = shift_month(a.year(), a.month(), by);
        let Some(phrase) = c.name("p") else { continue };
        let day = c.name("d").filter(|d| {
            let before = word_before(ctx.text, d.start());
            let nth_weekday = LEXICON.weekdays.contains_key(&before)
                && parse_day(d.as_str()).is_some_and(|n| n <= 5);
            clean_number_start(ctx.text, d.start())
                && !LEXICON.ordinal_blockers.contains(&before)
                && !nth_weekday
        });
        // "من 4 إلى 22 من الشهر الجاري": a range of days of that month.
        let first = day
            .and(c.name("d1"))
            .filter(|d1| clean_number_start(ctx.text, d1.start()));
        let first_day = first.and_then(|d1| parse_day(d1.as_str()));
        let day_start = day.map_or(phrase.start(), |d| d.start());
        let day = match day {
            Some(d) => match parse_day(d.as_str()) {
                Some(n) => Some(n),
                None => continue,
            },
            None => None,
        };
        if day.is_some_and(|d| d > days_in_month(Some(y), m)) {
            continue;
        }
        let (day, end_day, start) = match (first, first_day, day) {
            (Some(d1), Some(f), Some(l)) if f < l => {
                // "من"/"بين" belong to the quote when they are whole words.
                let from = c.name("from").filter(
                    |f| !matches!(char_before(ctx.text, f.start()), Some(ch) if is_letter(ch)),
                );
                (Some(f), Some(l), from.map_or(d1.start(), |f| f.start()))
            }
            _ => (day, None, day_start),
        };
        let value = DateValue::new(
            PartialDate {
                year: Some(y),
                month: m,
                day,
            },
            end_day.map(|d| PartialDate {
                year: Some(y),
                month: m,
                day: Some(d),
            }),
            how,
            Some(ctx.original(word.start(), word.end())),
        );
        out.push(Found {
            start,
            end: g.end(),
            value,
        });
    }
}

fn relative_weekdays(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    for c in PATTERNS.weekday_rel.captures_iter(ctx.text) {
        let (Some(g), Some(wd), Some(r)) = (c.get(0), c.name("wd"), c.name("r")) else {
            continue;
        };
        let Some(&target) = LEXICON.weekdays.get(&key(wd.as_str())) else {
            continue;
        };
        let Some(&kind) = LEXICON.relative.get(&key(r.as_str())) else {
            continue;
        };
        let toward = match kind {
            Rel::Previous => Toward::Before,
            Rel::Next => Toward::After,
            Rel::Current => continue,
        };
        // Checked: an anchor at the end of the calendar has no next week.
        let Some(date) = weekday_from(a, target, toward) else {
            continue;
        };
        let mut value = full_date(date, how, ctx.original(r.start(), r.end()));
        value.weekday = Some(target);
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value,
        });
    }
}

fn full_date(d: NaiveDate, how: Resolution, word: String) -> DateValue {
    DateValue::new(
        PartialDate {
            year: Some(d.year()),
            month: d.month(),
            day: Some(d.day()),
        },
        None,
        how,
        Some(word),
    )
}

fn day_words(ctx: &Ctx, out: &mut Vec<Found>) {
    let Some((a, how)) = ctx.anchor else { return };
    let text = ctx.text;
    for c in PATTERNS.day_word.captures_iter(text) {
        let (Some(g), Some(w)) = (c.get(0), c.name("w")) else {
            continue;
        };
        let k = key(w.as_str());
        let Some(&offset) = LEXICON.day_words.get(&k) else {
            continue;
        };
        if LEXICON.guarded.contains(&k) && c.name("wd").is_none() {
            let (_, window) = left_window(text, w.start());
            let after_part = PATTERNS.day_part_before.is_match(window);
            let is_punct =
                |ch: Option<char>| ch.is_none_or(|ch| !ch.is_alphanumeric() && !ch.is_whitespace());
            let before = is_punct(text[..w.start()].trim_end().chars().next_back());
            let after = is_punct(text[w.end()..].trim_start().chars().next());
            if !(after_part || (before && after)) {
                continue;
            }
        }
        // Checked: "أمس" of the calendar's first day does not exist.
        let Some(date) = a.checked_add_signed(Duration::days(offset)) else {
            continue;
        };
        let mut value = full_date(date, how, ctx.original(w.start(), w.end()));
        value.weekday = c
            .name("wd")
            .and_then(|wd| LEXICON.weekdays.get(&key(wd.as_str())).copied());
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value,
        });
    }
}

#[cfg(test)]
mod tests;
