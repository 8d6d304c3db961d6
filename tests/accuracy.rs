//! Accuracy floors: each public corpus's share may not drop below today's.
//!
//! The corpora are copied, unchanged, into `fixtures/corpora/` (Duckling:
//! BSD-3-Clause; Recognizers-Text: MIT; each folder keeps its upstream
//! license and README), so a clean clone in CI measures them. The dev set
//! (`../shared/eval/newsroom`) lives beside the project only: its test
//! skips, saying so, where it is absent.
//!
//! The scoring is the examples' own (`examples/eval/`, included below); the
//! examples print the same figures with their misses:
//! `cargo run --release --example eval_duckling -- fixtures/corpora/duckling-ar --misses`.

#[path = "../examples/eval/mod.rs"]
mod eval;

use std::path::{Path, PathBuf};

/// The floor under each share. A share below its floor fails the test.
/// When extraction improves, raise the floor to the new measured share (the
/// test prints every share beside its floor). One line per measure.
const FLOORS: &[(&str, f64)] = &[
    // Duckling: single phrases; dates at day, month, year grain (year-open counted).
    ("duckling-ar numerals", 1.00),
    ("duckling-ar ordinals", 1.00),
    ("duckling-ar money", 0.98),
    ("duckling-ar dates", 0.74),
    ("duckling-ar dates strict", 0.50),
    ("duckling-fr numerals", 0.97),
    ("duckling-fr ordinals", 0.99),
    ("duckling-fr dates", 0.57),
    ("duckling-fr dates strict", 0.35),
    ("duckling-en numerals", 0.95),
    ("duckling-en ordinals", 0.99),
    ("duckling-en dates", 0.39),
    ("duckling-en dates strict", 0.29),
    // Recognizers-Text: numbers, ordinals, percentages, ages; dates (day, month, year, range of days).
    ("recognizers-ar figures", 0.82),
    ("recognizers-ar numbers", 0.78),
    ("recognizers-ar ordinals", 0.91),
    ("recognizers-ar percentages", 0.99),
    ("recognizers-ar dates", 0.41),
    ("recognizers-fr figures", 0.95),
    ("recognizers-fr numbers", 0.96),
    ("recognizers-fr ordinals", 0.86),
    ("recognizers-fr percentages", 0.93),
    ("recognizers-fr ages", 1.00),
    ("recognizers-fr dates", 0.41),
    ("recognizers-en figures", 0.91),
    ("recognizers-en numbers", 0.90),
    ("recognizers-en ordinals", 0.86),
    ("recognizers-en percentages", 0.99),
    ("recognizers-en ages", 1.00),
    ("recognizers-en dates", 0.50),
    // Duckling's numerals and ordinals in a news sentence, through ingest and extraction.
    ("carrier-ar numerals", 0.96),
    ("carrier-ar ordinals", 1.00),
    ("carrier-fr numerals", 0.88),
    ("carrier-fr ordinals", 1.00),
    ("carrier-en numerals", 0.78),
    ("carrier-en ordinals", 0.99),
    // The dev set: publication dates right (share of 32; n02_b prints none).
    // Facts per article are printed, not floored: fewer facts can be progress.
    ("newsroom publication dates", 1.00),
];

/// How far under the floor a share may fall before the test fails (rounding).
const SLACK: f64 = 1e-9;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/corpora")
        .join(name)
}

/// Asserts every measure against its floor; prints them all first.
fn check(measures: &[(String, f64)]) {
    let mut failures = Vec::new();
    for (name, share) in measures {
        let Some(&(_, floor)) = FLOORS.iter().find(|(n, _)| n == name) else {
            failures.push(format!("{name}: no floor in FLOORS (measured {share:.4})"));
            continue;
        };
        let note = if *share + SLACK < floor {
            failures.push(format!("{name}: {share:.4} is below its floor {floor:.2}"));
            "  BELOW FLOOR"
        } else if *share >= floor + 0.02 {
            "  (floor could be raised)"
        } else {
            ""
        };
        println!("{name:<32} {share:.4}  floor {floor:.2}{note}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn duckling(language: &str) {
    let s = eval::duckling::score_dir(&corpus(&format!("duckling-{language}"))).unwrap();
    let name = |m: &str| format!("duckling-{language} {m}");
    let mut measures = vec![
        (name("numerals"), s.numerals.ratio()),
        (name("ordinals"), s.ordinals.ratio()),
        (name("dates"), s.dates.share.ratio()),
        (name("dates strict"), s.dates.strict.ratio()),
    ];
    if s.money.total > 0 {
        measures.push((name("money"), s.money.ratio()));
    }
    check(&measures);
}

fn recognizers(language: &str) {
    let s = eval::recognizers::score_dir(&corpus(&format!("recognizers-{language}"))).unwrap();
    let name = |m: &str| format!("recognizers-{language} {m}");
    let mut measures = vec![
        (name("figures"), s.figures_all().ratio()),
        (name("dates"), s.dates.share.ratio()),
    ];
    for (kind, share) in &s.figures {
        measures.push((name(kind), share.ratio()));
    }
    check(&measures);
}

fn carrier(language: &str) {
    let s = eval::carrier::score_dir(&corpus(&format!("duckling-{language}"))).unwrap();
    check(&[
        (format!("carrier-{language} numerals"), s.numerals.ratio()),
        (format!("carrier-{language} ordinals"), s.ordinals.ratio()),
    ]);
}

#[test]
fn duckling_ar() {
    duckling("ar");
}

#[test]
fn duckling_fr() {
    duckling("fr");
}

#[test]
fn duckling_en() {
    duckling("en");
}

#[test]
fn recognizers_ar() {
    recognizers("ar");
}

#[test]
fn recognizers_fr() {
    recognizers("fr");
}

#[test]
fn recognizers_en() {
    recognizers("en");
}

#[test]
fn carrier_ar() {
    carrier("ar");
}

#[test]
fn carrier_fr() {
    carrier("fr");
}

#[test]
fn carrier_en() {
    carrier("en");
}

#[test]
fn newsroom() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/newsroom/articles");
    if !dir.is_dir() {
        println!(
            "newsroom: skipped, the dev set is not beside the project ({} is absent)",
            dir.display()
        );
        return;
    }
    let s = eval::newsroom::score_dir(&dir).unwrap();
    let published = s.published_right() as f64 / s.articles.len().max(1) as f64;
    for language in ["ar", "fr", "en"] {
        println!(
            "newsroom facts per article, {language}: {:.1} ({:.2} of Arabic)",
            s.average(language).unwrap_or(0.0),
            s.ratio_to_arabic(language).unwrap_or(0.0)
        );
    }
    check(&[("newsroom publication dates".to_string(), published)]);
}

/// The harness itself: a share it cannot fail would be no test.
#[test]
fn a_wrong_answer_is_scored_wrong() {
    use eval::dates::{judge, Expected, Grain, Outcome};
    let day = chrono::NaiveDate::from_ymd_opt(2013, 3, 3).unwrap();
    let want = Expected {
        grain: Grain::Day,
        candidates: vec![(day, day)],
        year_stated: true,
    };
    let facts = eval::dates::extract_phrase_facts("3 مارس 2013", None);
    assert_eq!(judge(&want, &facts), Outcome::Exact);
    let facts = eval::dates::extract_phrase_facts("4 مارس 2013", None);
    assert_eq!(judge(&want, &facts), Outcome::Wrong);
    // A year-open answer is wrong where the phrase states its year.
    let facts = eval::dates::extract_phrase_facts("3 مارس", None);
    assert_eq!(judge(&want, &facts), Outcome::Wrong);
    let open = Expected {
        year_stated: false,
        ..want
    };
    assert_eq!(judge(&open, &facts), Outcome::YearOpen);
    assert_eq!(judge(&open, &[]), Outcome::Missed);
}
