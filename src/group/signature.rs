//! An article's event signature: what pins it to one event in any language.
//!
//! - *when*: its first dates stated to the day (the publication line and the
//!   lead usually), with or without a year, and its publication date;
//! - *where*: the places it names, canonical across scripts and languages
//!   ([`super::places`]), and its first city (the dateline or the venue);
//! - *who*: people under a cross-script key ([`crate::translit`]): the
//!   people extraction found, and in Latin-script text capitalised names
//!   that are not common words;
//! - *what*: the edition number ("الدورة السادسة", "6e édition", "93rd
//!   session"), event tags ("IGEF 2025") and the distinctive figures (not
//!   days, years or small counts), and the kind of event and stage of its
//!   story its head names ([`super::event_kind`]).
//!
//! Built from the extracted facts and the article's metadata, so it improves
//! as extraction does; the Latin-script scans here fill in until extraction
//! covers French and English.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::event_kind::{self, EventKind};
use super::{places, weights};
use crate::extract::entity;
use crate::model::{Article, Fact, FactKind, NumberForm, Qualifier, Role, Value};
use crate::translit;

/// The script an article is written in, for comparing its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Script {
    #[default]
    Arabic,
    Latin,
}

/// A stated date or range, to the day; the year may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub year: Option<i32>,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// The day number of a date (days since 1970-01-01), `None` where
/// `NaiveDate::from_ymd_opt` gives none; the same differences as chrono's
/// dates, without building them: [`When::gap`] runs for every pair of
/// dates of every candidate pair of articles.
fn day_number(year: i32, month: u32, day: u32) -> Option<i64> {
    if !(NaiveDate::MIN.year()..=NaiveDate::MAX.year()).contains(&year) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    // Days from the civil calendar (proleptic Gregorian), years from March.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

impl When {
    /// First and last day of the period as day numbers, read in `year`.
    fn dates(&self, year: i32) -> Option<(i64, i64)> {
        let s = day_number(year, self.start.0, self.start.1)?;
        let end_year = if self.end < self.start {
            year.checked_add(1)?
        } else {
            year
        };
        let e = day_number(end_year, self.end.0, self.end.1)?;
        Some((s, e))
    }

    /// Days between two periods (0 when they overlap); with a year missing,
    /// the nearest reading across the turn of a year.
    pub fn gap(&self, other: &When) -> Option<i64> {
        let span = |a: (i64, i64), b: (i64, i64)| {
            let (s, e) = (a.0.max(b.0), a.1.min(b.1));
            (s - e).max(0)
        };
        match (self.year, other.year) {
            (Some(x), Some(y)) => Some(span(self.dates(x)?, other.dates(y)?)),
            _ => {
                // A leap year, so that 29 February reads.
                let a = self.dates(2024)?;
                (2023..=2025)
                    .filter_map(|y| other.dates(y).map(|b| span(a, b)))
                    .min()
            }
        }
    }

    pub fn label(&self) -> String {
        let day = |(m, d): (u32, u32)| match self.year {
            Some(y) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("--{m:02}-{d:02}"),
        };
        if self.start == self.end {
            day(self.start)
        } else {
            format!("{}/{}", day(self.start), day(self.end))
        }
    }

    pub fn from_date(d: NaiveDate) -> When {
        When {
            year: Some(d.year()),
            start: (d.month(), d.day()),
            end: (d.month(), d.day()),
        }
    }
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As written.
    pub name: String,
    /// Cross-script skeletons of the whole name and of its last word.
    full: translit::Skeleton,
    last: translit::Skeleton,
}

impl Person {
    pub fn new(name: &str) -> Person {
        let last = name.split_whitespace().last().unwrap_or("");
        Person {
            name: name.to_string(),
            full: translit::skeleton(name),
            last: translit::skeleton(last),
        }
    }

    /// The same person across scripts: the whole name, or the family name
    /// (three consonants at least) when both give two words or more.
    pub fn same(&self, other: &Person) -> bool {
        translit::same_skeleton(&self.full, &other.full)
            || (self.last.key.len() >= 3 && translit::same_skeleton(&self.last, &other.last))
    }
}

/// What pins an article to one event.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub script: Script,
    pub published: Option<NaiveDate>,
    /// The first dates stated to the day, in text order (at most [`MAX_DATES`]).
    pub dates: Vec<When>,
    /// Canonical place ids, in order of first mention, no repeats.
    pub places: Vec<String>,
    /// The first city of the lead paragraph (dateline, venue), else of the text.
    pub first_city: Option<String>,
    pub people: Vec<Person>,
    /// Distinctive figures, ascending, no repeats.
    pub figures: Vec<f64>,
    /// The first edition number stated (the event's own; previous editions come later).
    pub edition: Option<u32>,
    /// Event tags, lower case ("igef").
    pub tags: Vec<String>,
    /// The kind of event and the stage of its story the head names.
    pub event: EventKind,
}

/// A paragraph of this many words or more is the lead, not a masthead,
/// breadcrumb, date line or headline.
const LEAD_WORDS: usize = 20;

/// How many leading dates stand for the article's time.
pub const MAX_DATES: usize = 3;

/// Folded words that name an edition or session of a recurring event.
const EDITION_WORDS: &[&str] = &["دوره", "نسخه", "طبعه", "دورته", "نسخته"];

static LATIN_EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,3})\s*(?:e|è|ème|eme|er|re|st|nd|rd|th)\s+(?:édition|edition|session)\b",
    )
    .expect("valid regex")
});

static LATIN_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\d.,])(\d{1,3}(?:(?:,|[ \u{a0}\u{202f}])\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(million|millions|billion|billions|milliard|milliards)\b)?",
    )
    .expect("valid regex")
});

/// Builds the signature from the article, its folded analysis text and its
/// facts; `lexicon` tells a venue's country (a config's extra cities too).
pub fn signature(
    article: &Article,
    folded: &str,
    facts: &[Fact],
    lexicon: &entity::Lexicon,
) -> Signature {
    let script = script_of(&article.analysis_text);
    let mut sig = Signature {
        script,
        published: article.published,
        event: event_kind::of_head(folded, LEAD_WORDS),
        ..Signature::default()
    };
    let mut ordered: Vec<&Fact> = facts.iter().collect();
    ordered.sort_by_key(|f| f.span.start);
    for fact in &ordered {
        match &fact.value {
            Value::Date(d) if sig.dates.len() < MAX_DATES => {
                if let Some(day) = d.start.day {
                    let end = d.end.unwrap_or(d.start);
                    let end_day = end.day.unwrap_or(if end == d.start { day } else { 28 });
                    sig.dates.push(When {
                        year: d.start.year,
                        start: (d.start.month, day),
                        end: (end.month, end_day),
                    });
                }
            }
            Value::Year(y) => {
                if let Some(tag) = &y.event {
                    let t = tag.to_lowercase();
                    if !sig.tags.contains(&t) {
                        sig.tags.push(t);
                    }
                }
            }
            Value::Number(n) => {
                if n.form == NumberForm::Ordinal {
                    let is_edition = n
                        .counted
                        .as_deref()
                        .is_some_and(|c| EDITION_WORDS.contains(&c));
                    if is_edition && sig.edition.is_none() && n.value >= 1.0 {
                        sig.edition = Some(n.value as u32);
                    }
                } else if n.qualifier == Qualifier::Exact || n.qualifier == Qualifier::About {
                    push_figure(&mut sig.figures, n.value);
                }
            }
            Value::Entity(e)
                if fact.kind == FactKind::Person
                    && e.name.split_whitespace().count() >= 2
                    && !sig.people.iter().any(|p| p.name == e.name) =>
            {
                sig.people.push(Person::new(&e.name));
            }
            _ => {}
        }
    }
    sig.tags.sort();
    let add = |sig: &mut Signature, id: &str| {
        if !sig.places.iter().any(|p| p == id) {
            sig.places.push(id.to_string());
        }
    };
    for hit in places::find(folded) {
        if hit.is_city && sig.first_city.is_none() {
            sig.first_city = Some(hit.id.to_string());
        }
        add(&mut sig, hit.id);
        add(&mut sig, hit.country);
    }
    // The lead paragraph names the event's city (or the dateline does); a
    // masthead ("شرفة عمّان") or a breadcrumb above it names the outlet's.
    if let Some(lead) = folded
        .lines()
        .find(|l| l.split_whitespace().count() >= LEAD_WORDS)
    {
        if let Some(hit) = places::find(lead).into_iter().find(|h| h.is_city) {
            sig.first_city = Some(hit.id.to_string());
        }
    }
    // Venues extraction found that the place table does not know (a
    // config's extra city): under their own key, with their country.
    for fact in &ordered {
        if let Value::Entity(e) = &fact.value {
            if fact.kind == FactKind::Place && e.role == Role::Venue {
                let known = places::canonical(&e.key);
                if known.is_none() {
                    add(&mut sig, &e.key);
                    if let Some(hit) = lexicon.country_of(&e.key).and_then(places::canonical) {
                        add(&mut sig, hit.country);
                    }
                }
            }
        }
    }
    if script == Script::Latin {
        latin_scan(&article.analysis_text, &mut sig);
    }
    sig.figures
        .sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    sig.figures.dedup();
    sig
}

/// A figure that tells one story from another: not a day of the month, a
/// small count, a year or a Hijri year.
fn push_figure(figures: &mut Vec<f64>, v: f64) {
    if !v.is_finite() || v <= 0.0 {
        return;
    }
    let whole = v.fract() == 0.0;
    if whole && (v < 32.0 || (1300.0..=1500.0).contains(&v) || (1900.0..=2100.0).contains(&v)) {
        return;
    }
    figures.push(v);
}

fn script_of(text: &str) -> Script {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    if latin > arabic {
        Script::Latin
    } else {
        Script::Arabic
    }
}

/// Edition, figures and names in French or English text.
fn latin_scan(text: &str, sig: &mut Signature) {
    if sig.edition.is_none() {
        if let Some(c) = LATIN_EDITION.captures(text) {
            sig.edition = c[1].parse().ok().filter(|&e| e >= 1);
        }
    }
    for c in LATIN_FIGURE.captures_iter(text) {
        let digits = &c[1];
        let value = parse_latin_number(digits);
        let scale = match c.get(2).map(|m| m.as_str().to_lowercase()) {
            Some(s) if s.starts_with("million") => 1e6,
            Some(s) if s.starts_with("billion") || s.starts_with("milliard") => 1e9,
            _ => 1.0,
        };
        if let Some(v) = value {
            push_figure(&mut sig.figures, v * scale);
        }
    }
    for name in latin_names(text) {
        if !sig.people.iter().any(|p| p.name == name) {
            sig.people.push(Person::new(&name));
        }
    }
}

/// "1,200" and "120 000" are thousands; "5.7" and "5,7" decimals.
fn parse_latin_number(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split([',', ' ', '\u{a0}', '\u{202f}']).collect();
    if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
        return groups.concat().parse().ok();
    }
    s.replace(',', ".").parse().ok()
}

/// Particles that stand inside a name ("Sidi Mohamed Ould Ahmedou").
const NAME_PARTICLES: &[&str] = &["ben", "bin", "ibn", "ould", "ait", "el", "al", "abu", "bou"];

/// English writes weekdays and months capitalised: after a name they are a
/// date ("met Aziz Akhannouch Thursday"), not the head of a thing's name.
const ENGLISH_CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Runs of two or more capitalised words that are not common words nor
/// places: the people a French or English article names.
///
/// A run followed by a capitalised common word is the name of a thing, not
/// of a person ("Al Bayt Stadium", "Mohammed V University", "Hassan II
/// Mosque"); a common word opening a sentence before a name is not part of
/// it ("Striker Ayoub El Kaabi", "Officials Said …").
fn latin_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut run: Vec<&str> = Vec::new();
        // Whether the run opens a sentence.
        let mut run_opens_sentence = false;
        let mut sentence_start = true;
        let mut flush = |run: &mut Vec<&str>, opens_sentence: bool| {
            while run
                .last()
                .is_some_and(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
            {
                run.pop();
            }
            if opens_sentence
                && run.len() >= 3
                && weights::zipf(&run[0].to_lowercase()).is_some_and(|z| z >= 3.0)
            {
                run.remove(0);
            }
            if run.len() >= 2 {
                out.push(run.join(" "));
            }
            run.clear();
        };
        for raw in line.split_whitespace() {
            let end_of_clause = raw.ends_with([',', '.', ':', ';', ')']);
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let lower = w.to_lowercase();
            let capitalised = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase);
            let particle = NAME_PARTICLES.contains(&lower.as_str())
                || lower.starts_with("al-")
                || lower.starts_with("el-");
            let common = weights::zipf(&lower).is_some_and(|z| z >= 4.4);
            let place = !places::find(w).is_empty();
            if (capitalised || particle) && !place && (particle || !common) {
                if run.is_empty() {
                    run_opens_sentence = sentence_start;
                }
                run.push(w);
            } else if capitalised
                && common
                && !place
                && !run.is_empty()
                && !sentence_start
                && !ENGLISH_CALENDAR_WORDS.contains(&lower.as_str())
            {
                // "Al Bayt Stadium": the run names a thing.
                run.clear();
            } else {
                flush(&mut run, run_opens_sentence);
            }
            sentence_start = false;
            if end_of_clause {
                flush(&mut run, run_opens_sentence);
                sentence_start = raw.ends_with(['.', ':']);
            }
        }
        flush(&mut run, run_opens_sentence);
    }
    out
}

/// Do two people's names match across scripts (full name, or the family
/// name when both give at least two words)?
pub fn same_person(a: &str, b: &str) -> bool {
    if translit::same_name(a, b) {
        return true;
    }
    let last = |n: &str| n.split_whitespace().last().map(str::to_string);
    match (last(a), last(b)) {
        (Some(x), Some(y)) => translit::key(&x).len() >= 3 && translit::same_name(&x, &y),
        _ => false,
    }
}

#[cfg(test)]
mod day_number_tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_as_chrono_does() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for year in [
            -401, -1, 0, 1, 1600, 1900, 1970, 2000, 2023, 2024, 2100, 262_143, 262_144,
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let ours = day_number(year, month, day);
                    let chrono =
                        NaiveDate::from_ymd_opt(year, month, day).map(|d| (d - epoch).num_days());
                    assert_eq!(ours, chrono, "{year}-{month}-{day}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig_of(text: &str) -> Signature {
        let article = Article::from_text("t", text);
        let facts = crate::extract::extract(&article, &crate::extract::ExtractOptions::default());
        signature(
            &article,
            &crate::normalize::fold(text),
            &facts,
            entity::builtin_lexicon(),
        )
    }

    #[test]
    fn a_french_article_gives_edition_figures_people_and_places() {
        let s = sig_of(
            "La 6e édition du Salon international de l'arganier a ouvert ses portes jeudi à Agadir. \
             Le salon réunit 310 exposants. Selon Youssef Amzal, commissaire du salon, \
             une convention de 45 millions de dirhams et 120 000 visiteurs.",
        );
        assert_eq!(s.script, Script::Latin);
        assert_eq!(s.edition, Some(6));
        assert_eq!(s.first_city.as_deref(), Some("Agadir"));
        assert!(s.places.iter().any(|p| p == "MA"));
        assert_eq!(s.figures, vec![310.0, 120_000.0, 45_000_000.0]);
        assert_eq!(
            s.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            vec!["Youssef Amzal"]
        );
    }

    #[test]
    fn an_arabic_article_gives_its_edition_and_first_city() {
        let s = sig_of("انطلقت بمدينة طنجة أشغال الدورة الثانية للملتقى الدولي بمشاركة 400 خبير يوم 4 دجنبر 2025");
        assert_eq!(s.script, Script::Arabic);
        assert_eq!(s.edition, Some(2));
        assert_eq!(s.first_city.as_deref(), Some("Tangier"));
        assert_eq!(s.figures, vec![400.0]);
        assert_eq!(s.dates[0].label(), "2025-12-04");
    }

    #[test]
    fn days_years_and_small_counts_are_not_distinctive_figures() {
        let s = sig_of("The 12 ministers met on 15 May 2025 in 2024 terms, 1446 AH; 5.7 magnitude, 1,200 tents.");
        assert_eq!(s.figures, vec![5.7, 1200.0]);
    }

    #[test]
    fn latin_names_skip_common_words_and_places() {
        let names = latin_names(
            "The agreement was signed in Nouakchott by the fund's chief executive, Fahd Al-Dosari, \
             and Mauritania's Minister of Economy and Finance, Sidi Mohamed Ould Ahmedou.",
        );
        assert_eq!(names, vec!["Fahd Al-Dosari", "Sidi Mohamed Ould Ahmedou"]);
    }

    #[test]
    fn gaps_between_dates_with_and_without_years() {
        let a = When {
            year: Some(2025),
            start: (5, 15),
            end: (5, 18),
        };
        let b = When {
            year: Some(2025),
            start: (5, 16),
            end: (5, 19),
        };
        let c = When {
            year: Some(2024),
            start: (5, 16),
            end: (5, 19),
        };
        let open = When {
            year: None,
            start: (12, 31),
            end: (12, 31),
        };
        let jan = When {
            year: Some(2025),
            start: (1, 2),
            end: (1, 2),
        };
        assert_eq!(a.gap(&b), Some(0));
        assert_eq!(a.gap(&c), Some(361));
        assert_eq!(open.gap(&jan), Some(2));
    }

    #[test]
    fn named_places_and_sentence_openers_are_not_people() {
        let names = latin_names(
            "Yazid Arbaoui opened the scoring before Musa Al-Taamari equalised. Striker Ayoub El Kaabi headed the winner at Al Bayt Stadium on Sunday, near Mohammed V University.",
        );
        assert_eq!(
            names,
            vec!["Yazid Arbaoui", "Musa Al-Taamari", "Ayoub El Kaabi"]
        );
        // A title before a name stays out of a run only when it is common;
        // the name itself is kept.
        assert_eq!(
            latin_names("Le Premier ministre Mokhtar Ould Djay a présidé la séance."),
            vec!["Mokhtar Ould Djay"]
        );
        assert_eq!(
            latin_names("He met Aziz Akhannouch Thursday in Rabat."),
            vec!["Aziz Akhannouch"]
        );
    }

    #[test]
    fn people_match_by_full_name_or_family_name_across_scripts() {
        assert!(same_person("مارتينا كيلر", "Martina Keller"));
        assert!(same_person("فهد بن سلمان الدوسري", "Fahd Al-Dosari"));
        assert!(!same_person("سنية الورتاني", "Nadia Alami"));
    }
}
