//! Word-level differences between two quotes, for highlighting.
//!
//! Words are compared folded (أ/إ/ا, ة/ه, digits of either script …), so a
//! spelling the folding already equates is not flagged; punctuation and
//! spaces are never flagged.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::normalize::fold;

/// The byte ranges of `this` holding words that `other` does not have at
/// the matching place (inserted or replaced, in `similar`'s word diff).
pub fn changed_words(this: &str, other: &str) -> Vec<(usize, usize)> {
    let mine = words(this);
    let theirs = words(other);
    let keys = |ws: &[(usize, usize)], s: &str| -> Vec<String> {
        ws.iter().map(|&(a, b)| fold(&s[a..b])).collect()
    };
    let (mine_keys, their_keys) = (keys(&mine, this), keys(&theirs, other));
    let mut changed: Vec<(usize, usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &their_keys, &mine_keys) {
        let (tag, _, new) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
            for &(a, b) in &mine[new] {
                // Adjacent changed words become one highlighted run.
                match changed.last_mut() {
                    Some(last) if this[last.1..a].chars().all(|c| !c.is_alphanumeric()) => {
                        last.1 = b;
                    }
                    _ => changed.push((a, b)),
                }
            }
        }
    }
    changed
}

/// Byte ranges of the words (runs of letters, marks and digits) of `s`.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let wordy = c.is_alphanumeric() || is_mark(c);
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// Arabic diacritics and tatweel belong to the word they sit on.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed<'a>(this: &'a str, other: &str) -> Vec<&'a str> {
        changed_words(this, other)
            .into_iter()
            .map(|(a, b)| &this[a..b])
            .collect()
    }

    #[test]
    fn shifted_ranges_flag_only_the_days_and_month_words() {
        let a = "من 18 إلى 20 شتنبر الجاري";
        let b = "من 19 إلى 21 سبتمبر الجاري";
        assert_eq!(changed(a, b), vec!["18", "20 شتنبر"]);
        assert_eq!(changed(b, a), vec!["19", "21 سبتمبر"]);
    }

    #[test]
    fn folded_spellings_and_punctuation_are_not_differences() {
        // أ against ا, and a different quotation mark: the same words.
        assert!(changed("«منير كارال أوغلو»", "\"منير كارال اوغلو\"").is_empty());
        assert_eq!(changed("IGEF 2025", "IGEF 24"), vec!["2025"]);
    }

    #[test]
    fn a_quote_against_an_empty_one_is_all_changed() {
        assert_eq!(changed("نائب وزير", ""), vec!["نائب وزير"]);
        assert!(changed("", "نائب وزير").is_empty());
    }
}
