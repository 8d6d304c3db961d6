//! The date and year lexicons (data/months.toml, data/relative.toml), folded
//! once at first use, and the regex fragments built from them.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize::fold;

/// Where a relative word places a month, weekday or year against the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Current,
    Next,
    Previous,
}

#[derive(Deserialize)]
struct MonthsFile {
    month: Vec<Numbered>,
    ambiguous: Vec<String>,
    weekday: Vec<Numbered>,
    day_ordinals: OrdinalsFile,
}

#[derive(Deserialize)]
struct Numbered {
    number: u32,
    names: Vec<String>,
}

#[derive(Deserialize)]
struct OrdinalsFile {
    teen: Vec<String>,
    alone: HashMap<String, Vec<String>>,
    compound: HashMap<String, Vec<String>>,
    tens: HashMap<String, Vec<String>>,
    blockers: Blockers,
}

#[derive(Deserialize)]
struct Blockers {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RelativeFile {
    relative: RelativeWords,
    day_words: HashMap<String, Vec<String>>,
    day_words_guard: Guard,
    year_cues: YearCues,
    event: Vec<Event>,
    latin: Latin,
    syntax: Syntax,
}

#[derive(Deserialize)]
struct Syntax {
    range_from: Vec<String>,
    range_to: Vec<String>,
    of: Vec<String>,
    month_word: Vec<String>,
    day_lead: Vec<String>,
    weekday_link: Vec<String>,
    year_lead: Vec<String>,
    year_suffix: Vec<String>,
    numeric_lead: Vec<String>,
    clitics: Vec<String>,
    conjunction: Vec<String>,
}

#[derive(Deserialize)]
struct RelativeWords {
    current: Vec<String>,
    next: Vec<String>,
    previous: Vec<String>,
    this: Vec<String>,
    month_nouns: Vec<String>,
    year_nouns: Vec<String>,
}

#[derive(Deserialize)]
struct Guard {
    guarded: Vec<String>,
    day_parts: Vec<String>,
}

#[derive(Deserialize)]
struct YearCues {
    strong: Vec<String>,
    weak: Vec<String>,
}

#[derive(Deserialize)]
struct Event {
    names: Vec<String>,
}

#[derive(Deserialize)]
struct Latin {
    not_event: Vec<String>,
}

/// Every lexicon, folded, keyed by [`key`].
pub(crate) struct Lexicon {
    pub months: HashMap<String, u32>,
    pub ambiguous: HashSet<String>,
    pub weekdays: HashMap<String, u32>,
    pub ordinals: HashMap<String, u32>,
    pub ordinal_blockers: HashSet<String>,
    pub relative: HashMap<String, Rel>,
    pub day_words: HashMap<String, i64>,
    pub guarded: HashSet<String>,
    pub strong_cues: HashSet<String>,
    /// Event spelling → the event's reported name (its first spelling, as written).
    pub events: HashMap<String, String>,
    pub latin_not_event: HashSet<String>,
    /// Regex alternations (no groups) over the folded spellings, longest first.
    pub months_alt: String,
    pub weekdays_alt: String,
    pub ordinals_alt: String,
    pub relative_alt: String,
    pub this_alt: String,
    pub month_nouns_alt: String,
    pub year_nouns_alt: String,
    pub day_words_alt: String,
    pub day_parts_alt: String,
    pub strong_cues_alt: String,
    pub weak_cues_alt: String,
    pub events_alt: String,
    pub from_alt: String,
    pub to_alt: String,
    pub of_alt: String,
    pub month_word_alt: String,
    pub day_lead_alt: String,
    pub weekday_link_alt: String,
    pub year_lead_alt: String,
    pub year_suffix_alt: String,
    pub numeric_lead_alt: String,
    pub clitics_alt: String,
    /// Folded one-letter prefixes ("و", "ب", "ل").
    pub clitics: Vec<char>,
    pub conjunctions: Vec<char>,
}

/// The lookup key of a matched phrase: folded, lower case, without whitespace
/// (so "كانون  الثاني" and "الثالث و العشرين" find their entries).
pub(crate) fn key(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A regex alternation of phrases, longest first, any run of spaces between words.
pub(crate) fn alternation<'a>(phrases: impl IntoIterator<Item = &'a String>) -> String {
    let mut folded: Vec<String> = phrases
        .into_iter()
        .map(|p| fold(p).to_lowercase())
        .collect();
    folded.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    folded.dedup();
    let parts: Vec<String> = folded
        .iter()
        .map(|p| {
            p.split_whitespace()
                .map(|w| match w.strip_prefix('و') {
                    // "و العشرين" and "والعشرين" alike.
                    Some(rest) if !rest.is_empty() && w.chars().count() > 3 => {
                        format!(r"و\s*{}", regex::escape(rest))
                    }
                    _ => regex::escape(w),
                })
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

fn numbered(table: &HashMap<String, Vec<String>>) -> Vec<(u32, &Vec<String>)> {
    let mut out: Vec<(u32, &Vec<String>)> = table
        .iter()
        .filter_map(|(k, v)| k.trim().parse::<u32>().ok().map(|n| (n, v)))
        .collect();
    out.sort_by_key(|(n, _)| *n);
    out
}

fn load() -> Lexicon {
    let months: MonthsFile = toml::from_str(include_str!("../../../data/months.toml"))
        .expect("data/months.toml is valid");
    let rel: RelativeFile = toml::from_str(include_str!("../../../data/relative.toml"))
        .expect("data/relative.toml is valid");

    let mut month_map = HashMap::new();
    let mut month_names = Vec::new();
    for m in &months.month {
        for n in &m.names {
            month_map.insert(key(n), m.number);
            month_names.push(n.clone());
        }
    }
    let mut weekday_map = HashMap::new();
    let mut weekday_names = Vec::new();
    for w in &months.weekday {
        for n in &w.names {
            weekday_map.insert(key(n), w.number);
            weekday_names.push(n.clone());
        }
    }

    // Ordinal days 1–31 from units, teens and tens.
    let o = &months.day_ordinals;
    let mut ordinals: Vec<(String, u32)> = Vec::new();
    for (n, forms) in numbered(&o.alone) {
        for f in forms {
            ordinals.push((f.clone(), n));
        }
    }
    let tens = numbered(&o.tens);
    for (t, forms) in &tens {
        for f in *forms {
            ordinals.push((f.clone(), *t));
        }
    }
    for (u, unit_forms) in numbered(&o.compound) {
        for uf in unit_forms {
            for teen in &o.teen {
                ordinals.push((format!("{uf} {teen}"), 10 + u));
            }
            for (t, forms) in &tens {
                if t + u > 31 {
                    continue;
                }
                for f in *forms {
                    ordinals.push((format!("{uf} و{f}"), t + u));
                }
            }
        }
    }
    let ordinal_names: Vec<String> = ordinals.iter().map(|(s, _)| s.clone()).collect();
    let ordinal_map: HashMap<String, u32> = ordinals.iter().map(|(s, n)| (key(s), *n)).collect();

    let r = &rel.relative;
    let mut relative = HashMap::new();
    for (words, kind) in [
        (&r.current, Rel::Current),
        (&r.next, Rel::Next),
        (&r.previous, Rel::Previous),
    ] {
        for w in words {
            relative.insert(key(w), kind);
        }
    }
    let relative_names: Vec<String> = r
        .current
        .iter()
        .chain(&r.next)
        .chain(&r.previous)
        .cloned()
        .collect();

    let mut day_words = HashMap::new();
    let mut day_word_names = Vec::new();
    for (k, words) in &rel.day_words {
        let Ok(offset) = k.trim().parse::<i64>() else {
            continue;
        };
        for w in words {
            day_words.insert(key(w), offset);
            day_word_names.push(w.clone());
        }
    }

    let mut events = HashMap::new();
    let mut event_names = Vec::new();
    for e in &rel.event {
        let Some(first) = e.names.first() else {
            continue;
        };
        for n in &e.names {
            events.insert(key(n), first.clone());
            event_names.push(n.clone());
        }
    }

    let set = |v: &Vec<String>| v.iter().map(|s| key(s)).collect::<HashSet<String>>();
    let blockers = set(&o.blockers.words);
    Lexicon {
        months_alt: alternation(&month_names),
        weekdays_alt: alternation(&weekday_names),
        ordinals_alt: alternation(&ordinal_names),
        relative_alt: alternation(&relative_names),
        this_alt: alternation(&r.this),
        month_nouns_alt: alternation(&r.month_nouns),
        year_nouns_alt: alternation(&r.year_nouns),
        day_words_alt: alternation(&day_word_names),
        day_parts_alt: alternation(&rel.day_words_guard.day_parts),
        strong_cues_alt: alternation(&rel.year_cues.strong),
        weak_cues_alt: alternation(&rel.year_cues.weak),
        events_alt: alternation(&event_names),
        from_alt: alternation(&rel.syntax.range_from),
        to_alt: alternation(&rel.syntax.range_to),
        of_alt: alternation(&rel.syntax.of),
        month_word_alt: alternation(&rel.syntax.month_word),
        day_lead_alt: alternation(&rel.syntax.day_lead),
        weekday_link_alt: alternation(&rel.syntax.weekday_link),
        year_lead_alt: alternation(&rel.syntax.year_lead),
        year_suffix_alt: alternation(&rel.syntax.year_suffix),
        numeric_lead_alt: alternation(&rel.syntax.numeric_lead),
        clitics_alt: alternation(&rel.syntax.clitics),
        clitics: rel
            .syntax
            .clitics
            .iter()
            .filter_map(|c| fold(c).chars().next())
            .collect(),
        conjunctions: rel
            .syntax
            .conjunction
            .iter()
            .filter_map(|c| fold(c).chars().next())
            .collect(),
        months: month_map,
        ambiguous: set(&months.ambiguous),
        weekdays: weekday_map,
        ordinals: ordinal_map,
        ordinal_blockers: blockers,
        relative,
        day_words,
        guarded: set(&rel.day_words_guard.guarded),
        strong_cues: set(&rel.year_cues.strong),
        events,
        latin_not_event: set(&rel.latin.not_event),
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_spellings_fold_to_their_numbers() {
        let l = &*LEXICON;
        assert_eq!(l.months.get(&key("أيلول")), Some(&9));
        assert_eq!(l.months.get(&key("ايلول")), Some(&9));
        assert_eq!(l.months.get(&key("إبريل")), Some(&4));
        assert_eq!(l.months.get(&key("كانون   الثاني")), Some(&1));
        assert_eq!(l.months.get(&key("تشرين ثاني")), Some(&11));
        assert_eq!(l.months.get(&key("Décembre")), Some(&12));
        assert_eq!(l.months.get(&key("شتنبر")), Some(&9));
        assert!(!l.months.contains_key(&key("الثاني")));
        assert!(l.ambiguous.contains(&key("أب")));
    }

    #[test]
    fn ordinal_days_compose_teens_and_tens() {
        let l = &*LEXICON;
        assert_eq!(l.ordinals.get(&key("الأول")), Some(&1));
        assert_eq!(l.ordinals.get(&key("الثالث عشر")), Some(&13));
        assert_eq!(l.ordinals.get(&key("الحادية عشرة")), Some(&11));
        assert_eq!(l.ordinals.get(&key("السادس والعشرين")), Some(&26));
        assert_eq!(l.ordinals.get(&key("الحادي والثلاثين")), Some(&31));
        assert!(!l.ordinals.contains_key(&key("الثاني والثلاثين")));
    }
}
