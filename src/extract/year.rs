//! Years: after a cue word ("العام 2023", "في 2030،"), after an event name
//! ("كأس العالم 2030"), glued to an event tag ("IGEF24", "IGEF 2025",
//! "COP28", "Expo 2020"), and relative years ("العام الماضي").
//!
//! - A bare four-digit number is not a year: it needs a cue. Strong cues
//!   (العام, سنة, مطلع, نهاية …) make any year 1800–2100 a year and stay in
//!   the quote; weak cues (في, منذ, حتى …) only when the number is followed by
//!   punctuation, the end, "و" or a Latin word, so that "في 2000 موقع" is not a year.
//! - Event tags are Latin words of 2–12 letters followed by a year: four
//!   digits (1950–2100) after a capitalised word, or two digits (→ 20xx, up
//!   to 2049) after an all-capitals word of three letters or more. Month
//!   names and common words ("In 2024", "September 2024", "COVID-19") are not tags.
//!   `YearValue::event` is the tag in capitals ("IGEF"), or the event's name
//!   from data/relative.toml for Arabic event names.
//! - Relative years ("العام الماضي", "السنة المقبلة", "هذا العام") are
//!   reported as years only against the publication date or the reference
//!   date; without either nothing is reported (a year is never guessed).
//!   The quote shows that the year was derived.
//! - A year that belongs to a date ("سبتمبر من العام 2024") is left to the date.

use std::sync::LazyLock;

use crate::word_regex::Regex;
use chrono::Datelike;

use super::date::{self, key, Rel, LEXICON};
use super::Document;
use crate::model::{Fact, FactKind, Span, Value, YearValue};

struct Patterns {
    tag: Regex,
    event: Regex,
    cue: Regex,
    relative: Regex,
    more: Regex,
    month_before: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let l = &*LEXICON;
    let re = |s: String| Regex::new(&s).expect("year pattern compiles");
    Patterns {
        tag: re(r"\b(?P<tag>[a-z]{2,12})[ \-]?(?P<y>\d{4}|\d{2})\b".to_string()),
        event: re(format!(
            r"(?i)\b(?:{})?(?P<e>{})\s+(?P<y>\d{{4}})\b",
            l.clitics_alt, l.events_alt
        )),
        cue: re(format!(
            r"(?i)\b(?P<cue>(?:{})?(?:{}|{}))\s+(?P<y>\d{{4}})(?:(?:{})?\b|(?P<glued>\p{{Arabic}}))",
            l.clitics_alt, l.strong_cues_alt, l.weak_cues_alt, l.year_suffix_alt
        )),
        relative: re(format!(
            r"(?i)\b(?:{})?(?P<p>(?P<this>{})\s+{}|{}\s+(?P<r>{}))\b",
            l.clitics_alt, l.this_alt, l.year_nouns_alt, l.year_nouns_alt, l.relative_alt
        )),
        more: re(format!(r"(?i)^\s*(?:/|{})\s*(?P<y>\d{{4}})\b", l.to_alt)),
        month_before: re(format!(
            r"(?i)(?:{})\s*,?\s*(?:(?:{})\s+)?$",
            l.months_alt, l.of_alt
        )),
    }
});

/// Event tags with a year ("IGEF 2025", "IGEF24", "COP28"): the original span
/// of tag and year, the tag in capitals, the year.
pub fn event_tags(doc: &Document) -> Vec<(Span, String, i32)> {
    let text = &doc.folded.text;
    let mut out = Vec::new();
    for c in PATTERNS.tag.captures_iter(text) {
        let (Some(g), Some(t), Some(y)) = (c.get(0), c.name("tag"), c.name("y")) else {
            continue;
        };
        if LEXICON.latin_not_event.contains(t.as_str()) || LEXICON.months.contains_key(t.as_str()) {
            continue;
        }
        let original = doc
            .article
            .quote(doc.folded.to_original(t.start(), t.end()));
        let all_caps = original.chars().all(|ch| ch.is_ascii_uppercase());
        let capital = original
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_uppercase());
        let Ok(n) = y.as_str().parse::<i32>() else {
            continue;
        };
        let year = if y.len() == 2 {
            if !all_caps || t.len() < 3 || n > 49 {
                continue;
            }
            2000 + n
        } else {
            if !capital || !(1950..=2100).contains(&n) {
                continue;
            }
            n
        };
        out.push((
            doc.folded.to_original(g.start(), g.end()),
            original.to_ascii_uppercase(),
            year,
        ));
    }
    out
}

struct Found {
    start: usize,
    end: usize,
    value: YearValue,
}

/// Extracts every year of the article, in text order.
pub fn extract(doc: &Document) -> Vec<Fact> {
    let text = &doc.folded.text;
    let mut all: Vec<Found> = Vec::new();

    // Event names and cues, each possibly followed by more years ("عامي 2023 و2024").
    let push_with_more =
        |all: &mut Vec<Found>, start: usize, end: usize, year: i32, event: Option<String>| {
            all.push(Found {
                start,
                end,
                value: YearValue {
                    year,
                    event: event.clone(),
                },
            });
            let mut at = end;
            while let Some(c) = PATTERNS.more.captures(&text[at..]) {
                let (Some(g), Some(y)) = (c.get(0), c.name("y")) else {
                    break;
                };
                let Ok(n) = y.as_str().parse::<i32>() else {
                    break;
                };
                if !(1800..=2100).contains(&n) || is_date_tail(text, at + g.end()) {
                    break;
                }
                all.push(Found {
                    start: at + y.start(),
                    end: at + y.end(),
                    value: YearValue {
                        year: n,
                        event: event.clone(),
                    },
                });
                at += g.end();
            }
        };

    for c in PATTERNS.event.captures_iter(text) {
        let (Some(g), Some(e), Some(y)) = (c.get(0), c.name("e"), c.name("y")) else {
            continue;
        };
        let Ok(n) = y.as_str().parse::<i32>() else {
            continue;
        };
        if !(1900..=2100).contains(&n) || is_date_tail(text, g.end()) {
            continue;
        }
        let name = LEXICON.events.get(&key(e.as_str())).cloned();
        push_with_more(&mut all, e.start(), g.end(), n, name);
    }

    for (span, tag, year) in event_tags(doc) {
        let s = doc.folded.from_original(span.start);
        let e = doc.folded.from_original(span.end);
        all.push(Found {
            start: s,
            end: e,
            value: YearValue {
                year,
                event: Some(tag),
            },
        });
    }

    for c in PATTERNS.cue.captures_iter(text) {
        let (Some(g), Some(cue), Some(y)) = (c.get(0), c.name("cue"), c.name("y")) else {
            continue;
        };
        // "عام 2019وفي": a year glued to the next word (a missing space) ends
        // at its digits.
        let g_end = if c.name("glued").is_some() {
            y.end()
        } else {
            g.end()
        };
        let Ok(n) = y.as_str().parse::<i32>() else {
            continue;
        };
        if !(1800..=2100).contains(&n) || is_date_tail(text, y.end()) {
            continue;
        }
        // "سبتمبر من العام 2024": the year is the date's.
        let (w0, window) = window_before(text, cue.start());
        let _ = w0;
        if PATTERNS.month_before.is_match(window) {
            continue;
        }
        if is_strong(cue.as_str()) {
            push_with_more(&mut all, cue.start(), g_end, n, None);
        } else if weak_ok(text, g_end) && n >= 1900 {
            push_with_more(&mut all, y.start(), g_end, n, None);
        }
    }

    if let Some((a, _)) = date::anchor(doc) {
        for c in PATTERNS.relative.captures_iter(text) {
            let Some(g) = c.name("p") else { continue };
            let by = match (c.name("this"), c.name("r")) {
                (Some(_), _) => 0,
                (None, Some(r)) => match LEXICON.relative.get(&key(r.as_str())) {
                    Some(Rel::Current) => 0,
                    Some(Rel::Next) => 1,
                    Some(Rel::Previous) => -1,
                    None => continue,
                },
                _ => continue,
            };
            all.push(Found {
                start: g.start(),
                end: g.end(),
                value: YearValue {
                    year: a.year() + by,
                    event: None,
                },
            });
        }
    }

    for (start, end, year) in date::latin_relative_years(doc) {
        all.push(Found {
            start,
            end,
            value: YearValue { year, event: None },
        });
    }

    let mut kept: Vec<Found> = Vec::with_capacity(all.len());
    let mut spans = super::DisjointSpans::default();
    for f in all {
        if spans.insert(f.start, f.end) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.start);
    kept.into_iter()
        .map(|f| doc.fact(FactKind::Year, f.start, f.end, Value::Year(f.value)))
        .collect()
}

fn window_before(text: &str, end: usize) -> (usize, &str) {
    let mut start = end.saturating_sub(80);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    (start, &text[start..end])
}

/// "2024-09-20", "2024/09": the number is part of a numeric date.
fn is_date_tail(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut it = rest.char_indices();
    match it.next() {
        Some((_, '-' | '/' | '.')) => {
            let digits = rest[1..].chars().take_while(char::is_ascii_digit).count();
            (1..=2).contains(&digits)
        }
        _ => false,
    }
}

fn is_strong(cue: &str) -> bool {
    let k = key(cue);
    if LEXICON.strong_cues.contains(&k) {
        return true;
    }
    let mut chars = k.chars();
    match chars.next() {
        Some(c) if LEXICON.clitics.contains(&c) => LEXICON.strong_cues.contains(chars.as_str()),
        _ => false,
    }
}

/// After a weak cue the year must end a phrase: punctuation, the end, "و…", or a Latin word.
fn weak_ok(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t']);
    match rest.chars().next() {
        None => true,
        Some(c) if LEXICON.conjunctions.contains(&c) => true,
        Some(c) => !c.is_alphanumeric() || c.is_ascii_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractOptions;
    use crate::model::Article;
    use chrono::NaiveDate;

    fn years(text: &str) -> Vec<(String, i32, Option<String>)> {
        years_with(text, None)
    }

    fn years_with(text: &str, published: Option<NaiveDate>) -> Vec<(String, i32, Option<String>)> {
        let mut article = Article::from_text("t", text);
        article.published = published;
        let options = ExtractOptions::default();
        let doc = Document::new(&article, &options);
        extract(&doc)
            .into_iter()
            .map(|f| match f.value {
                Value::Year(y) => (f.text, y.year, y.event),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn year_after_al_am_in_seed_002() {
        let got =
            years("ويقيم حصول المخابرات المغربية على “نجمة رومانيا” في نهاية العام 2023 الدليل");
        assert_eq!(got, vec![("العام 2023".to_string(), 2023, None)]);
    }

    #[test]
    fn a_year_glued_to_the_next_word() {
        let got = years("وتأسس النادي عام 2019وفي العام التالي فاز باللقب");
        assert_eq!(got, vec![("عام 2019".to_string(), 2019, None)]);
        // A weak cue still needs the year to end there: "في 2000موقع" is no year.
        assert!(years("ونشر في 2000موقع إلكتروني").is_empty());
    }

    #[test]
    fn event_tags_glued_and_spaced() {
        let got =
            years("المعرض الدولي “IGEF 2025″، ثم (IGEF24)، و“IGEF 24” وقمة COP28 ومعرض Expo 2020");
        let values: Vec<(i32, Option<&str>)> =
            got.iter().map(|(_, y, e)| (*y, e.as_deref())).collect();
        assert_eq!(
            values,
            vec![
                (2025, Some("IGEF")),
                (2024, Some("IGEF")),
                (2024, Some("IGEF")),
                (2028, Some("COP")),
                (2020, Some("EXPO"))
            ]
        );
        assert_eq!(got[0].0, "IGEF 2025");
        assert_eq!(got[1].0, "IGEF24");
    }

    #[test]
    fn arabic_event_names_take_the_year() {
        let got = years("إضافة إلى كأس أمم إفريقيا 2025 وكأس العالم 2030 بتنظيم مشترك");
        assert_eq!(
            got,
            vec![
                (
                    "كأس أمم إفريقيا 2025".to_string(),
                    2025,
                    Some("كأس أمم إفريقيا".to_string())
                ),
                (
                    "كأس العالم 2030".to_string(),
                    2030,
                    Some("كأس العالم".to_string())
                ),
            ]
        );
    }

    #[test]
    fn counts_and_codes_are_not_years() {
        assert!(years("أصدرت السلطات المغربية 121 أمرا دوليا بالقبض").is_empty());
        assert!(years("شارك 2000 شخص في المسيرة").is_empty());
        assert!(years("في 2000 موقع عبر البلاد").is_empty());
        assert!(years("published 20th, September 2024 GMT").is_empty());
        assert!(years("جائحة COVID-19 وطائرة F16 وقمة G20 وWindows 10").is_empty());
    }

    #[test]
    fn weak_cue_needs_a_phrase_end() {
        assert_eq!(
            years("سيحتضن المغرب المونديال في 2030، مع إسبانيا"),
            vec![("2030".to_string(), 2030, None)]
        );
        assert_eq!(
            years("منذ 2015 وحتى اليوم").first().map(|y| y.1),
            Some(2015)
        );
    }

    #[test]
    fn two_years_after_one_cue() {
        let got = years("خلال عامي 2023 و2024");
        assert_eq!(
            got.iter().map(|y| y.1).collect::<Vec<_>>(),
            vec![2023, 2024]
        );
    }

    #[test]
    fn year_of_a_date_is_not_reported_again() {
        assert!(years("في سبتمبر من العام 2024").is_empty());
        assert!(years("في 2024-09-20").is_empty());
    }

    #[test]
    fn relative_years_need_an_anchor() {
        assert!(years("ونجح الأمن المغربي خلال العام الماضي في توقيف").is_empty());
        let got = years_with(
            "خلال العام الماضي وهذه السنة",
            NaiveDate::from_ymd_opt(2024, 9, 20),
        );
        assert_eq!(
            got,
            vec![
                ("العام الماضي".to_string(), 2023, None),
                ("هذه السنة".to_string(), 2024, None)
            ]
        );
    }
}
