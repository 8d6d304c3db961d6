//! The ingest lexicon (data/boilerplate.toml): page furniture, trailing-section
//! markers, outlet names, metadata labels, month names; and the small date
//! reader used for publication dates.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::calendar::{hijri_to_gregorian, HIJRI};
use crate::normalize::fold;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    lines: Vec<String>,
    prefixes: Vec<String>,
    breadcrumb_home: Vec<String>,
    cut_markers: Vec<String>,
    inline_markers: Vec<String>,
    outlets: Vec<String>,
    metadata: RawMetadata,
    dates: RawDates,
    months: RawMonths,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    date_labels: Vec<String>,
    weak_date_labels: Vec<String>,
    update_labels: Vec<String>,
    source_labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDates {
    filler: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMonths {
    january: Vec<String>,
    february: Vec<String>,
    march: Vec<String>,
    april: Vec<String>,
    may: Vec<String>,
    june: Vec<String>,
    july: Vec<String>,
    august: Vec<String>,
    september: Vec<String>,
    october: Vec<String>,
    november: Vec<String>,
    december: Vec<String>,
}

/// The built-in lexicon, every entry reduced to its comparison key.
pub(crate) struct Lexicon {
    pub lines: Vec<String>,
    pub prefixes: Vec<String>,
    pub breadcrumb_home: Vec<String>,
    pub cut_markers: Vec<String>,
    /// Markers of a "read also" box that may stand above or inside the article.
    pub inline_markers: Vec<String>,
    pub outlets: Vec<String>,
    pub date_labels: Vec<String>,
    pub weak_date_labels: Vec<String>,
    pub update_labels: Vec<String>,
    pub source_labels: Vec<String>,
    filler: Vec<String>,
    /// Month name key → month number; keys may hold two words ("كانون الثاني").
    months: HashMap<String, u32>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let raw: RawLexicon = toml::from_str(include_str!("../../data/boilerplate.toml"))
        .expect("data/boilerplate.toml is valid (checked by tests)");
    let keys = |v: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = v.iter().map(|s| key(s)).filter(|k| !k.is_empty()).collect();
        // Longest first, so that "published on" wins over "published".
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        out.dedup();
        out
    };
    let m = raw.months;
    let mut months = HashMap::new();
    for (i, names) in [
        m.january,
        m.february,
        m.march,
        m.april,
        m.may,
        m.june,
        m.july,
        m.august,
        m.september,
        m.october,
        m.november,
        m.december,
    ]
    .into_iter()
    .enumerate()
    {
        for n in names {
            months.insert(key(&n), i as u32 + 1);
        }
    }
    Lexicon {
        lines: keys(raw.lines),
        prefixes: keys(raw.prefixes),
        breadcrumb_home: keys(raw.breadcrumb_home),
        cut_markers: keys(raw.cut_markers),
        inline_markers: keys(raw.inline_markers),
        outlets: keys(raw.outlets),
        date_labels: keys(raw.metadata.date_labels),
        weak_date_labels: keys(raw.metadata.weak_date_labels),
        update_labels: keys(raw.metadata.update_labels),
        source_labels: keys(raw.metadata.source_labels),
        filler: keys(raw.dates.filler),
        months,
    }
});

pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The comparison key of a line or an entry: folded (see `normalize::fold`),
/// lower-cased, every run of non-alphanumeric characters turned into one
/// space, trimmed. "إقرأ أيضاً:" and "اقرأ ايضا" share the key "اقرا ايضا".
pub(crate) fn key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    let push = |out: &mut String, gap: &mut bool, c: char| {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
        out.push(c);
    };
    for c in folded.chars() {
        match c {
            // Fast paths: ASCII, and Arabic letters (no case, always letters).
            'a'..='z' | '0'..='9' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
                push(&mut out, &mut gap, c)
            }
            'A'..='Z' => push(&mut out, &mut gap, c.to_ascii_lowercase()),
            _ if c.is_ascii() => gap = true,
            _ if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    push(&mut out, &mut gap, l);
                }
            }
            _ => gap = true,
        }
    }
    out
}

/// True when `key` begins with the words of `prefix` (whole words).
pub(crate) fn starts_with_words(key: &str, prefix: &str) -> bool {
    key == prefix || (key.starts_with(prefix) && key.as_bytes().get(prefix.len()) == Some(&b' '))
}

impl Lexicon {
    /// The month number of a name key, if it is one.
    fn month(&self, k: &str) -> Option<u32> {
        self.months.get(k).copied()
    }

    fn is_filler(&self, k: &str) -> bool {
        self.filler.iter().any(|f| f == k)
    }
}

/// What a date line says: a day, or only a month ("2024-09").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Day(NaiveDate),
    Month(i32, u32),
}

/// Reads a publication date: ISO 8601 ("2024-09-20", "2024-09-20T08:30:00+01:00"),
/// day–month–year or year–month–day in digits ("20/09/2024", "2024/09/20"),
/// or with a month name in Arabic (every regional system), French or English
/// ("20th, September 2024 GMT", "الجمعة 20 سبتمبر 2024", "September 20, 2024"),
/// or a Hijri date ("21 ذي الحجة 1446هـ", converted with the Umm al-Qura
/// calendar), alone or beside its Gregorian equivalent ("17 يونيو 2025م
/// الموافق 21 ذي الحجة 1446هـ", "٣ ديسمبر ٢٠٢٥ | ١٢ جمادى الآخرة ١٤٤٧هـ":
/// the Gregorian date wins).
///
/// Strict: every word must be a month name, a weekday, or a known filler
/// ("GMT", "الساعة" …), so a sentence that happens to hold a date is not read
/// as a date line. Times ("10:30") are ignored. Years outside 1900–2100 (a
/// Hijri year without its month, a typo) are refused.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    match read_stamp(s)? {
        Stamp::Day(d) => Some(d),
        Stamp::Month(..) => None,
    }
}

/// [`parse_date`], also reading a month alone ("2024-09", "09/2024",
/// "سبتمبر 2024") as [`Stamp::Month`].
pub(crate) fn read_stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if let Some(d) = parse_iso_prefix(s) {
        return Some(Stamp::Day(d));
    }
    // Every stamp holds a number in digits (a day or a year); most lines of
    // an article hold none, and need not be folded and split.
    if !s.chars().any(is_digit_before_folding) {
        return None;
    }
    let folded = fold(s);
    let mut day: Option<NaiveDate> = None;
    let mut hijri: Option<NaiveDate> = None;
    let mut month: Option<(i32, u32)> = None;
    for segment in segments(&folded) {
        match read_segment(segment)? {
            Segment::Nothing => {}
            Segment::Day(d) => {
                if day.is_some_and(|x| x != d) {
                    return None;
                }
                day = Some(d);
            }
            Segment::Hijri(d) => {
                hijri.get_or_insert(d);
            }
            Segment::Month(y, m) => {
                month.get_or_insert((y, m));
            }
        }
    }
    day.or(hijri)
        .map(Stamp::Day)
        .or(month.map(|(y, m)| Stamp::Month(y, m)))
}

/// A character that folds to an ASCII digit (see [`crate::normalize`]).
fn is_digit_before_folding(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '٠'..='٩' | '۰'..='۹')
}

/// The parts of a folded date line: a date, its time, its Hijri equivalent
/// are written apart with "|", " - " or "الموافق".
fn segments(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in folded.split('|') {
        for part in piece.split(" - ") {
            let mut rest = part;
            while let Some(i) = find_word(rest, "الموافق") {
                out.push(&rest[..i]);
                rest = &rest[i + "الموافق".len()..];
            }
            out.push(rest);
        }
    }
    out
}

/// The byte offset of `word` standing as a whole word in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let before = s[..at].chars().next_back();
        let after = s[at + word.len()..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

enum Segment {
    /// Only a time of day or filler words.
    Nothing,
    Day(NaiveDate),
    /// A Hijri date, converted to the Gregorian calendar.
    Hijri(NaiveDate),
    Month(i32, u32),
}

/// Splits a folded segment into words and numbers (value, digit count);
/// times of day ("10:30", "10h30") are dropped.
fn tokens(folded: &str) -> (Vec<String>, Vec<(u32, usize)>) {
    let mut words: Vec<String> = Vec::new();
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    for chunk in folded.split(|c: char| c.is_whitespace() || c == ',') {
        // A time of day ("10:30", "08:30:00+01:00").
        if chunk.contains(':') && chunk.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // A French time of day ("10h30", "8h").
        if let Some((h, m)) = chunk.split_once('h') {
            let num = |x: &str| x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
            if !h.is_empty() && num(h) && num(m) {
                continue;
            }
        }
        let mut run = String::new();
        let mut run_is_digit = false;
        let flush = |run: &mut String,
                     is_digit: bool,
                     words: &mut Vec<String>,
                     numbers: &mut Vec<(u32, usize)>| {
            if run.is_empty() {
                return;
            }
            if is_digit {
                if run.len() <= 4 {
                    if let Ok(v) = run.parse::<u32>() {
                        numbers.push((v, run.len()));
                    }
                } else {
                    numbers.push((0, run.len()));
                }
            } else {
                words.push(run.to_lowercase());
            }
            run.clear();
        };
        for c in chunk.chars() {
            if c.is_ascii_digit() {
                if !run_is_digit {
                    flush(&mut run, false, &mut words, &mut numbers);
                }
                run_is_digit = true;
                run.push(c);
            } else if c.is_alphabetic() {
                if run_is_digit {
                    flush(&mut run, true, &mut words, &mut numbers);
                }
                run_is_digit = false;
                run.push(c);
            } else {
                flush(&mut run, run_is_digit, &mut words, &mut numbers);
            }
        }
        flush(&mut run, run_is_digit, &mut words, &mut numbers);
    }
    (words, numbers)
}

/// The day and the year among two numbers (either order).
fn day_and_year(numbers: &[(u32, usize)]) -> Option<(u32, u32)> {
    let [a, b] = numbers else { return None };
    if a.1 == 4 && b.1 <= 2 {
        Some((b.0, a.0))
    } else if b.1 == 4 && a.1 <= 2 {
        Some((a.0, b.0))
    } else {
        None
    }
}

fn read_segment(segment: &str) -> Option<Segment> {
    let lex = lexicon();
    let (words, numbers) = tokens(segment);
    if numbers.is_empty() && words.iter().all(|w| lex.is_filler(w)) {
        return Some(Segment::Nothing);
    }
    if let Some(s) = read_hijri(&words, &numbers) {
        return Some(s);
    }

    // Month names, two-word ones first; every other word must be filler.
    let mut month = None;
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() {
            let pair = format!("{} {}", words[i], words[i + 1]);
            if let Some(m) = lex.month(&pair) {
                if month.is_some_and(|x| x != m) {
                    return None;
                }
                month = Some(m);
                i += 2;
                continue;
            }
        }
        if let Some(m) = lex.month(&words[i]) {
            if month.is_some_and(|x| x != m) {
                return None;
            }
            month = Some(m);
        } else if !lex.is_filler(&words[i]) {
            return None;
        }
        i += 1;
    }

    let valid_year = |y: u32| (1900..=2100).contains(&y);
    match (month, numbers.as_slice()) {
        (Some(m), [(y, 4)]) if valid_year(*y) => Some(Segment::Month(*y as i32, m)),
        (Some(m), _) => {
            let (day, year) = day_and_year(&numbers)?;
            if !valid_year(year) {
                return None;
            }
            NaiveDate::from_ymd_opt(year as i32, m, day).map(Segment::Day)
        }
        (None, [a, b]) => {
            // "2024-09", "09/2024": a month alone.
            let (m, y) = day_and_year(&[*a, *b])?;
            (valid_year(y) && (1..=12).contains(&m)).then_some(Segment::Month(y as i32, m))
        }
        (None, [a, b, c]) => {
            let (y, mo, d) = if a.1 == 4 && b.1 <= 2 && c.1 <= 2 {
                (a.0, b.0, c.0)
            } else if c.1 == 4 && a.1 <= 2 && b.1 <= 2 {
                (c.0, b.0, a.0)
            } else {
                return None;
            };
            if !valid_year(y) {
                return None;
            }
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(Segment::Day)
        }
        _ => None,
    }
}

/// A Hijri date: a day, a Hijri month name and a year (with or without "هـ"),
/// weekdays and fillers around them.
fn read_hijri(words: &[String], numbers: &[(u32, usize)]) -> Option<Segment> {
    let lex = lexicon();
    let hijri = &*HIJRI;
    let mut month = None;
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() {
            let pair = format!("{} {}", words[i], words[i + 1]);
            if let Some(&m) = hijri.months.get(&pair) {
                month = Some(m);
                i += 2;
                continue;
            }
        }
        if let Some(&m) = hijri.months.get(&words[i]) {
            month = Some(m);
        } else if !(lex.is_filler(&words[i]) || hijri.year_suffixes.contains(&words[i])) {
            return None;
        }
        i += 1;
    }
    let (day, year) = day_and_year(numbers)?;
    hijri_to_gregorian(year as i32, month?, day).map(Segment::Hijri)
}

/// "2024-09-20" at the start of a string followed by nothing, or by a time ("T08:30…", " 08:30").
fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let year = chrono::Datelike::year(&date);
    (1900..=2100).contains(&year).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn lexicon_loads_and_folds() {
        let lex = lexicon();
        assert!(lex.lines.contains(&"اترك تعليقا".to_string()));
        assert!(lex.cut_markers.contains(&"اقرا ايضا".to_string()));
        assert!(lex.outlets.contains(&"راديو اكسبرس".to_string()));
        assert_eq!(lex.month("كانون الثاني"), Some(1));
        assert_eq!(lex.month("شتنبر"), Some(9));
        assert_eq!(lex.month("ابريل"), Some(4));
    }

    #[test]
    fn key_folds_and_strips_punctuation() {
        assert_eq!(key("  إقرأ أيضاً:  "), "اقرا ايضا");
        assert_eq!(key("Read Also —"), "read also");
        assert_eq!(key("تعليقات (0)"), "تعليقات 0");
        assert!(starts_with_words("كلمات دلاليه المغرب", "كلمات دلاليه"));
        assert!(!starts_with_words("كلمات دلاليهx", "كلمات دلاليه"));
    }

    #[test]
    fn reads_seed_date_line() {
        assert_eq!(parse_date("20th, September 2024 GMT"), d(2024, 9, 20));
    }

    #[test]
    fn reads_common_forms() {
        assert_eq!(parse_date("2024-09-20"), d(2024, 9, 20));
        assert_eq!(parse_date("2024-09-20T08:30:00+01:00"), d(2024, 9, 20));
        assert_eq!(parse_date("20/09/2024"), d(2024, 9, 20));
        assert_eq!(parse_date("2024/09/20 - 10:30"), d(2024, 9, 20));
        assert_eq!(parse_date("الجمعة 20 سبتمبر 2024"), d(2024, 9, 20));
        assert_eq!(parse_date("٢٠ أيلول ٢٠٢٤"), d(2024, 9, 20));
        assert_eq!(parse_date("18 كانون الثاني 2025"), d(2025, 1, 18));
        assert_eq!(parse_date("20 شتنبر 2025 على الساعة 10:30"), d(2025, 9, 20));
        assert_eq!(parse_date("September 20, 2024"), d(2024, 9, 20));
        assert_eq!(parse_date("vendredi 20 septembre 2024"), d(2024, 9, 20));
        assert_eq!(parse_date("1er décembre 2024"), d(2024, 12, 1));
        assert_eq!(parse_date("le 3 mars 2025 à 10h30"), d(2025, 3, 3));
    }

    #[test]
    fn refuses_what_is_not_a_date_line() {
        // Prose that holds a date.
        assert_eq!(parse_date("صحيفة هسبريس يوم 20 سبتمبر 2024"), None);
        // No year, no day, impossible day, Hijri year.
        assert_eq!(parse_date("20 سبتمبر"), None);
        assert_eq!(parse_date("سبتمبر 2024"), None);
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("1446/03/17"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("١٢٣٤٥٦٧٨٩٠١٢٣"), None);
        // A Hijri year alone, or with a Gregorian month.
        assert_eq!(parse_date("21 يونيو 1446هـ"), None);
        assert_eq!(parse_date("21 ذي الحجة"), None);
        // Two Gregorian dates that disagree.
        assert_eq!(parse_date("3 ديسمبر 2025 | 4 ديسمبر 2025"), None);
    }

    #[test]
    fn reads_dates_beside_their_time_and_hijri_equivalent() {
        assert_eq!(
            parse_date("17 يونيو 2025م الموافق 21 ذي الحجة 1446هـ"),
            d(2025, 6, 17)
        );
        assert_eq!(
            parse_date("٣ ديسمبر ٢٠٢٥ | ١٢ جمادى الآخرة ١٤٤٧هـ"),
            d(2025, 12, 3)
        );
        assert_eq!(
            parse_date("الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م"),
            d(2025, 3, 12)
        );
        assert_eq!(parse_date("الخميس 15 ماي 2025 | 13:30"), d(2025, 5, 15));
        assert_eq!(
            parse_date("الأربعاء، ٢٢ كانون الثاني ٢٠٢٥ - ١٢:٠٥"),
            d(2025, 1, 22)
        );
        assert_eq!(parse_date("الثلاثاء 13 مايو 2025 - 04:20 م"), d(2025, 5, 13));
        assert_eq!(parse_date("29-06-2025 | 13:30"), d(2025, 6, 29));
        // A Hijri date alone is converted (Umm al-Qura).
        assert_eq!(parse_date("الأربعاء 12 رمضان 1446هـ"), d(2025, 3, 12));
    }

    #[test]
    fn month_only_stamps() {
        assert_eq!(read_stamp("2024-09"), Some(Stamp::Month(2024, 9)));
        assert_eq!(read_stamp("09/2024"), Some(Stamp::Month(2024, 9)));
        assert_eq!(read_stamp("سبتمبر 2024"), Some(Stamp::Month(2024, 9)));
        assert_eq!(parse_date("2024-09"), None);
        assert_eq!(read_stamp("2024-13"), None);
        assert_eq!(read_stamp("10:30"), None);
    }
}
