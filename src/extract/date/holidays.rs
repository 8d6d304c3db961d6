//! Holidays of the Gregorian calendar in every script (data/holidays.toml):
//! fixed days ("Christmas", "la Toussaint", "عيد الحب"), days counted from
//! Easter ("Good Friday", "lundi de Pâques", "عيد الفصح"; the computus, not a
//! table) and nth weekdays of a month ("Thanksgiving", "Black Friday").
//!
//! The year: written after the name ("Easter 2018", "Noël 2024"), else a
//! relative word before or after it ("last Easter", "Noël dernier", "عيد
//! الفصح المقبل") against the anchor, else the occurrence from a few weeks
//! before the anchor on (news names a past holiday alone only just after
//! it). Without an anchor, a fixed day keeps its year open and the others
//! are not reported.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

use super::arabic_calendar::nth_weekday_of;
use super::lexicon::alternation;
use super::{fill, key, Ctx, Found, Rel, LEXICON};
use crate::model::{DateValue, PartialDate, Resolution};
use crate::word_regex::Regex;

#[derive(Deserialize)]
struct File {
    recent_past_days: i64,
    needs_year: Vec<String>,
    cue_before: Vec<String>,
    not_after: Vec<String>,
    fixed: Vec<Fixed>,
    easter: Vec<Easter>,
    nth: Vec<Nth>,
}

#[derive(Deserialize)]
struct Fixed {
    names: Vec<String>,
    month: u32,
    day: u32,
}

#[derive(Deserialize)]
struct Easter {
    names: Vec<String>,
    offset: i64,
    #[serde(default)]
    until: Option<i64>,
    #[serde(default)]
    orthodox: bool,
}

#[derive(Deserialize)]
struct Nth {
    names: Vec<String>,
    month: u32,
    weekday: u32,
    nth: i32,
    #[serde(default)]
    offset: i64,
}

/// The relative words of French and English (data/latin_dates.toml).
#[derive(Deserialize)]
struct LatinRels {
    before: Rels,
    after: Rels,
}

#[derive(Deserialize)]
struct Rels {
    previous: Vec<String>,
    next: Vec<String>,
    #[serde(default)]
    current: Vec<String>,
}

/// How a holiday falls in a given year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Fixed {
        month: u32,
        day: u32,
    },
    Easter {
        offset: i64,
        until: Option<i64>,
        orthodox: bool,
    },
    Nth {
        month: u32,
        weekday: u32,
        nth: i32,
        offset: i64,
    },
}

impl Rule {
    /// First and last day of the holiday in a Gregorian year.
    fn in_year(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Rule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, d)),
            Rule::Easter {
                offset,
                until,
                orthodox,
            } => {
                let e = if orthodox {
                    orthodox_easter(year)?
                } else {
                    easter(year)?
                };
                let first = e + Duration::days(offset);
                Some((first, e + Duration::days(until.unwrap_or(offset))))
            }
            Rule::Nth {
                month,
                weekday,
                nth,
                offset,
            } => {
                let d = nth_weekday_of(year, month, weekday, nth)? + Duration::days(offset);
                Some((d, d))
            }
        }
    }
}

struct Lexicon {
    rules: std::collections::HashMap<String, Rule>,
    needs_year: Vec<String>,
    cue_before: Vec<String>,
    not_after: Vec<String>,
    recent_past_days: i64,
    rel: std::collections::HashMap<String, Rel>,
    pattern: Regex,
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus,
/// "Meeus/Jones/Butcher").
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Orthodox Easter Sunday of a year, in the Gregorian calendar (the Julian
/// computus, "Meeus", plus the calendars' gap: 13 days from 1900 to 2099).
pub(crate) fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)?;
    // The gap grows by one day in each century year not divisible by 400.
    let gap = i64::from(year / 100 - year / 400 - 2);
    Some(julian + Duration::days(gap))
}

fn load() -> Lexicon {
    let f: File = toml::from_str(include_str!("../../../data/holidays.toml"))
        .expect("data/holidays.toml is valid");
    let l: LatinRels = toml::from_str(include_str!("../../../data/latin_dates.toml"))
        .expect("data/latin_dates.toml is valid");
    let mut rules = std::collections::HashMap::new();
    let mut names = Vec::new();
    for h in &f.fixed {
        for n in &h.names {
            let rule = Rule::Fixed {
                month: h.month,
                day: h.day,
            };
            rules.insert(key(n), rule);
            names.push(n.clone());
        }
    }
    for h in &f.easter {
        for n in &h.names {
            let rule = Rule::Easter {
                offset: h.offset,
                until: h.until,
                orthodox: h.orthodox,
            };
            rules.insert(key(n), rule);
            names.push(n.clone());
        }
    }
    for h in &f.nth {
        for n in &h.names {
            let rule = Rule::Nth {
                month: h.month,
                weekday: h.weekday,
                nth: h.nth,
                offset: h.offset,
            };
            rules.insert(key(n), rule);
            names.push(n.clone());
        }
    }
    let mut rel = std::collections::HashMap::new();
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (rels, list) in [(&l.before, &mut before), (&l.after, &mut after)] {
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
    let apostrophes = |s: String| s.replace('\'', "['’]");
    let pattern = fill(&format!(
        r"(?i)(?:\b(?P<rb>{})\s+)?\b(?:{{CLITIC}})?(?P<h>{})\b(?:\s*,?\s*(?:(?:of|in|de|en|{{YEARLEAD}})\s+)?(?P<y>\d{{4}})\b|\s+(?P<ra>{}|{{REL}})\b)?",
        alternation(&before),
        apostrophes(alternation(&names)),
        alternation(&after),
    ));
    Lexicon {
        rules,
        needs_year: f.needs_year.iter().map(|w| key(w)).collect(),
        cue_before: f.cue_before.iter().map(|w| key(w)).collect(),
        not_after: f.not_after.iter().map(|w| key(w)).collect(),
        recent_past_days: f.recent_past_days,
        rel,
        pattern: Regex::new(&pattern).expect("holiday pattern compiles"),
    }
}

static HOLIDAYS: LazyLock<Lexicon> = LazyLock::new(load);

/// The relative word of a match: a Latin word before or after, or an Arabic one after.
fn rel_of(word: &str) -> Option<Rel> {
    let k = key(word);
    HOLIDAYS
        .rel
        .get(&k)
        .or_else(|| LEXICON.relative.get(&k))
        .copied()
}

fn pd(d: NaiveDate) -> PartialDate {
    PartialDate {
        year: Some(d.year()),
        month: d.month(),
        day: Some(d.day()),
    }
}

/// Finds the holidays of the whole text.
pub(super) fn find(ctx: &Ctx, out: &mut Vec<Found>) {
    let lex = &*HOLIDAYS;
    let text = ctx.text;
    for c in lex.pattern.captures_iter(text) {
        let (Some(g), Some(h)) = (c.get(0), c.name("h")) else {
            continue;
        };
        let name = key(h.as_str());
        let Some(&rule) = lex.rules.get(&name) else {
            continue;
        };
        let next_word: String = text[h.end()..]
            .trim_start()
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
            .next()
            .unwrap_or("")
            .to_lowercase();
        let rel = c.name("rb").or(c.name("ra"));
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        if year.is_none() && rel.is_none() {
            if lex.not_after.contains(&next_word) {
                continue;
            }
            if lex.needs_year.contains(&name) {
                let before = super::word_before(text, h.start());
                if !lex.cue_before.contains(&before) {
                    continue;
                }
            }
        }
        let found = if let Some(y) = year {
            rule.in_year(y)
                .map(|(f, l)| (f, l, Resolution::Explicit, None))
        } else if let Some(r) = rel {
            let (Some((a, how)), Some(kind)) = (ctx.anchor, rel_of(r.as_str())) else {
                continue;
            };
            let around: Vec<(NaiveDate, NaiveDate)> = (a.year() - 1..=a.year() + 1)
                .filter_map(|y| rule.in_year(y))
                .collect();
            let pick = match kind {
                Rel::Next => around.iter().copied().find(|(d, _)| *d > a),
                Rel::Previous => around.iter().copied().rev().find(|(d, _)| *d < a),
                Rel::Current => rule.in_year(a.year()),
            };
            pick.map(|(f, l)| (f, l, how, Some(ctx.original(r.start(), r.end()))))
        } else if let Some((a, how)) = ctx.anchor {
            let from = a - Duration::days(lex.recent_past_days);
            (a.year() - 1..=a.year() + 1)
                .filter_map(|y| rule.in_year(y))
                .find(|(_, l)| *l >= from)
                .map(|(f, l)| (f, l, how, None))
        } else {
            match rule {
                Rule::Fixed { month, day } => {
                    let open = PartialDate {
                        year: None,
                        month,
                        day: Some(day),
                    };
                    out.push(Found {
                        start: g.start(),
                        end: g.end(),
                        value: DateValue::new(open, None, Resolution::Unresolved, None),
                    });
                    continue;
                }
                _ => None,
            }
        };
        let Some((first, last, resolution, relative)) = found else {
            continue;
        };
        let end = (last != first).then(|| pd(last));
        out.push(Found {
            start: g.start(),
            end: g.end(),
            value: DateValue::new(pd(first), end, resolution, relative),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_by_the_computus() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(easter(2013), d(2013, 3, 31));
        assert_eq!(easter(2010), d(2010, 4, 4));
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2038), d(2038, 4, 25));
        assert_eq!(orthodox_easter(2018), d(2018, 4, 8));
        assert_eq!(orthodox_easter(2020), d(2020, 4, 19));
        assert_eq!(orthodox_easter(2025), d(2025, 4, 20));
    }
}
