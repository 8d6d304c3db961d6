//! Arabic folding for matching, with a map back to original byte offsets.
//!
//! Folding is for *matching only*: extractors run their patterns on the
//! folded text, then map every match back to the original so that each fact
//! quotes the article exactly. What folds:
//! - diacritics (harakat, tanween, shadda, sukun, dagger alef) and tatweel: dropped;
//! - invisible marks (bidi controls such as U+200F, ZWJ/ZWNJ, BOM): dropped;
//! - alef forms أ إ آ ٱ → ا; ى → ي; ئ → ي; ؤ → و; ة → ه; Persian ی ک → ي ك;
//! - Eastern Arabic and Persian digits → ASCII digits;
//! - Arabic punctuation ، ؛ ؟ ٪ ٫ ٬ → , ; ? % . ,; dashes → '-'; NBSP → space;
//! - ASCII letters → lower case.

use crate::model::Span;

/// A folded copy of a text and the way back to the original's byte offsets.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text that patterns run on.
    pub text: String,
    /// For each byte of `text`: the original byte range of the character it came from.
    origin: Vec<(u32, u32)>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<(u32, u32)> = Vec::with_capacity(original.len());
        for (start, ch) in original.char_indices() {
            let end = start + ch.len_utf8();
            match fold_char(ch) {
                Fold::Keep(c) => {
                    let before = text.len();
                    text.push(c);
                    for _ in before..text.len() {
                        origin.push((start as u32, end as u32));
                    }
                }
                Fold::DropMark => {
                    // A diacritic belongs to the letter before it: widen that
                    // letter's origin so that quotes keep their vowel marks.
                    let last_char_bytes = text.chars().next_back().map_or(0, char::len_utf8);
                    let n = origin.len();
                    for o in &mut origin[n - last_char_bytes..] {
                        o.1 = end as u32;
                    }
                }
                Fold::Drop => {}
            }
        }
        Folded {
            text,
            origin,
            original_len: original.len(),
        }
    }

    /// Maps a byte range of the folded text to the original text.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        if start >= end {
            let at = self
                .origin
                .get(start)
                .map_or(self.original_len, |o| o.0 as usize);
            return Span::new(at, at);
        }
        let s = self.origin[start].0 as usize;
        let e = self.origin[end - 1].1 as usize;
        Span::new(s, e)
    }

    /// The folded byte offset where original offset `original` begins (or the next kept character).
    pub fn from_original(&self, original: usize) -> usize {
        self.origin.partition_point(|o| (o.0 as usize) < original)
    }
}

enum Fold {
    Keep(char),
    /// A combining mark: dropped, but counted as part of the letter before it.
    DropMark,
    /// An invisible control: dropped.
    Drop,
}

fn fold_char(c: char) -> Fold {
    match c {
        // Harakat, tanween, shadda, sukun, Quranic marks, dagger alef.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0610}'..='\u{061A}' => Fold::DropMark,
        '\u{0640}' => Fold::DropMark, // tatweel
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Keep('ا'),
        'ى' | 'ئ' | 'ی' | 'ي' => Fold::Keep('ي'),
        'ؤ' => Fold::Keep('و'),
        'ة' => Fold::Keep('ه'),
        'ک' => Fold::Keep('ك'),
        '٠'..='٩' => Fold::Keep(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Keep(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '،' => Fold::Keep(','),
        '؛' => Fold::Keep(';'),
        '؟' => Fold::Keep('?'),
        '٪' => Fold::Keep('%'),
        '٫' => Fold::Keep('.'),
        '٬' => Fold::Keep(','),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::Keep('-'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => Fold::Keep(' '),
        'A'..='Z' => Fold::Keep(c.to_ascii_lowercase()),
        _ => Fold::Keep(c),
    }
}

/// Folds a string without keeping the offset map: for lexicon entries and keys.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Fold::Keep(k) = fold_char(c) {
            out.push(k);
        }
    }
    out
}

/// Sentence spans of a text: split after `.`, `!`, `?`, `؟`, `؛` and at line ends.
/// Only non-blank sentences are returned; each span is trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if lead + trail < slice.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '\n' => true,
            '!' | '?' | '؟' | '؛' => true,
            // A full stop ends a sentence unless it sits inside a number (3.5).
            '.' => {
                let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
                let next_digit = bytes.get(end).is_some_and(|b| b.is_ascii_digit());
                !(prev_digit && next_digit)
            }
            _ => false,
        };
        if boundary {
            push(start, end, &mut out);
            start = end;
        }
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    out
}

/// The sentence that contains `span`, or the span itself if none does.
pub fn sentence_of(sentences: &[Span], span: Span) -> Span {
    let i = sentences.partition_point(|s| s.end <= span.start);
    match sentences.get(i) {
        Some(s) if s.start <= span.start => Span::new(s.start, s.end.max(span.end)),
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_forms_ya_and_ta_marbuta() {
        assert_eq!(fold("أيلول"), "ايلول");
        assert_eq!(fold("إبريل"), "ابريل");
        assert_eq!(fold("آذار"), "اذار");
        assert_eq!(fold("الثالثة"), "الثالثه");
        assert_eq!(fold("المنتدى"), "المنتدي");
        assert_eq!(fold("الوطنی"), "الوطني");
    }

    #[test]
    fn drops_diacritics_tatweel_and_bidi_marks() {
        assert_eq!(fold("وفداً"), "وفدا");
        assert_eq!(fold("تعليقاً"), "تعليقا");
        assert_eq!(fold("يعدّ"), "يعد");
        assert_eq!(fold("الأمـــن"), "الامن");
        assert_eq!(fold("19\u{200F} سبتمبر"), "19 سبتمبر");
    }

    #[test]
    fn folds_eastern_and_persian_digits_and_punctuation() {
        assert_eq!(fold("١٩ أيلول ٢٠٢٤"), "19 ايلول 2024");
        assert_eq!(fold("۱۲۳"), "123");
        assert_eq!(fold("٣٫٥٪"), "3.5%");
        assert_eq!(fold("أنقرة، تركيا"), "انقره, تركيا");
        assert_eq!(fold("18–20"), "18-20");
        assert_eq!(fold("IGEF 2025"), "igef 2025");
    }

    #[test]
    fn maps_folded_ranges_back_to_exact_original_bytes() {
        let original = "زيارة في ١٩ أيلول، وفداً";
        let f = Folded::new(original);
        let at = f.text.find("19 ايلول").unwrap();
        let span = f.to_original(at, at + "19 ايلول".len());
        assert_eq!(&original[span.start..span.end], "١٩ أيلول");
        // A trailing tanween stays in the quote.
        let at = f.text.find("وفدا").unwrap();
        let span = f.to_original(at, at + "وفدا".len());
        assert_eq!(&original[span.start..span.end], "وفداً");
    }

    #[test]
    fn bidi_mark_inside_a_date_is_kept_in_the_quote_but_not_in_matching() {
        let original = "يوم 19\u{200F} سبتمبر";
        let f = Folded::new(original);
        let at = f.text.find("19 سبتمبر").unwrap();
        let span = f.to_original(at, at + "19 سبتمبر".len());
        assert_eq!(&original[span.start..span.end], "19\u{200F} سبتمبر");
    }

    #[test]
    fn from_original_inverts_to_original() {
        let original = "أنقرة ١٩";
        let f = Folded::new(original);
        let digit = original.find('١').unwrap();
        let folded_at = f.from_original(digit);
        assert_eq!(&f.text[folded_at..], "19");
    }

    #[test]
    fn splits_sentences_but_not_decimals() {
        let text = "زار أنقرة. بلغت النسبة 3.5 في المئة؟ نعم\nسطر آخر";
        let s: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            vec!["زار أنقرة.", "بلغت النسبة 3.5 في المئة؟", "نعم", "سطر آخر"]
        );
    }
}
