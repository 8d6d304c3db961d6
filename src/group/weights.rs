//! Background word weights: how much a shared word says that two articles
//! tell the same story, from the word's frequency in general Arabic, French
//! and English (`data/word_frequencies.toml`, from the wordfreq package; see
//! its header and `scripts/gen_word_weights.py`). Fixed, shipped data: a
//! pair of articles scores the same whatever else is in the folder.
//!
//! weight(word) = max(MIN_WEIGHT, CEILING − zipf(word)), where zipf is log10
//! of the word's frequency per billion words. "في" (zipf 7.5) weighs 0.5,
//! "زلزال" (about 4) about 4; a word absent from the 10,000 most frequent of
//! every language is rare and weighs CEILING − RARE_ZIPF.
//! Arabic words are folded and stripped of the article as the grouping text
//! is, and the frequencies of the forms that meet are added up.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize::fold;

/// Zipf value at which a word stops counting at all (above the most frequent words).
const CEILING: f64 = 8.0;
/// Zipf value assumed for a word outside the lists: rarer than the 10,000th word.
const RARE_ZIPF: f64 = 2.5;
/// Even the most frequent content word keeps a little weight.
const MIN_WEIGHT: f64 = 0.25;

#[derive(Deserialize)]
struct File {
    ar: Lang,
    fr: Lang,
    en: Lang,
}

#[derive(Deserialize)]
struct Lang {
    words: String,
}

/// Folded word → frequency per billion words, all three languages in one
/// map (a word written the same in French and English sums both).
static FREQ: LazyLock<HashMap<String, f64>> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../../data/word_frequencies.toml"))
        .expect("data/word_frequencies.toml is valid (checked by a test)");
    let mut freq: HashMap<String, f64> = HashMap::new();
    for (lang, arabic) in [(&file.ar, true), (&file.fr, false), (&file.en, false)] {
        for line in lang.words.lines() {
            let Some((word, zipf)) = line.rsplit_once(' ') else {
                continue;
            };
            let Ok(zipf) = zipf.parse::<f64>() else {
                continue;
            };
            let folded = fold(word);
            let key = if arabic {
                super::strip_prefixes(&folded).to_string()
            } else {
                folded
            };
            let f = freq.entry(key).or_default();
            // Frequencies of forms that fold together add up; across
            // languages, the larger one stands.
            let per_billion = 10f64.powf(zipf);
            *f = if arabic {
                *f + per_billion
            } else {
                f.max(per_billion)
            };
        }
    }
    freq
});

/// The word's Zipf frequency, when it is among the listed words.
pub fn zipf(word: &str) -> Option<f64> {
    FREQ.get(word).map(|f| f.log10())
}

/// The background weight of a folded content word.
pub fn weight(word: &str) -> f64 {
    let zipf = lookup(word).map_or(RARE_ZIPF, |f| f.log10().max(RARE_ZIPF));
    (CEILING - zipf).max(MIN_WEIGHT)
}

/// The word's frequency; for an Arabic word, the highest of its readings
/// with and without a proclitic (و، ف، ب، ل، ك) or a possessive suffix
/// (ه، ها، هم): "وتطرق" is as frequent as "تطرق", "نظيره" as "نظير".
fn lookup(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return FREQ.get(word).copied();
    }
    let long = |w: &str| w.chars().count() >= 3;
    let mut stems: Vec<&str> = Vec::new();
    let proclitic = ['و', 'ف', 'ب', 'ل', 'ك'];
    let bare = word.strip_prefix(proclitic).filter(|w| long(w));
    for w in [Some(word), bare].into_iter().flatten() {
        stems.push(w);
        for suffix in ["هما", "هم", "ها", "ه"] {
            if let Some(s) = w.strip_suffix(suffix).filter(|s| long(s)) {
                stems.push(s);
            }
        }
    }
    // The most frequent reading: a rare form of a common stem is common.
    stems
        .iter()
        .filter_map(|w| FREQ.get(*w).copied())
        .max_by(f64::total_cmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones_in_every_language() {
        assert!(
            weight("معرض") < weight("اركان"),
            "{} {}",
            weight("معرض"),
            weight("اركان")
        );
        assert!(weight("dans") < weight("arganier"));
        assert!(weight("people") < weight("earthquake"));
        assert!(weight("earthquake") < weight("hoceima"));
    }

    #[test]
    fn arabic_forms_meet_after_folding_and_the_article() {
        // "المعرض" and "معرض" are one word for grouping.
        let w = weight("معرض");
        assert!(w > MIN_WEIGHT && w < CEILING - RARE_ZIPF, "{w}");
    }

    #[test]
    fn a_proclitic_or_a_possessive_does_not_make_a_word_rare() {
        assert!(weight("ووزيرها") <= weight("وزير"));
        assert!(weight("ووزيرها") < CEILING - RARE_ZIPF);
    }

    #[test]
    fn unknown_words_are_rare() {
        assert_eq!(weight("xqzwv"), CEILING - RARE_ZIPF);
    }
}
