//! The language of an article and of each of its sentences.
//!
//! Script first, by counting letters: a sentence with more Arabic letters
//! than Latin ones is Arabic, whatever Latin names it quotes ("IGEF 2025").
//! A Latin-script sentence is told apart as French or English by `whatlang`
//! (trigram statistics, restricted to the languages factdiff reads); a
//! sentence too short for a reliable answer takes the language of the
//! article's Latin text as a whole. Arabic text never reaches `whatlang`, so
//! Arabic articles pay one pass over their letters.
//!
//! The extractors use sentence languages to choose their grammar: Latin
//! sentences are read by the `latin` modules of `date`, `number` and `entity`.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::model::{Language, Span};

/// Fewer Latin letters than this ("42 LBP", "20$ 43c") do not make a
/// sentence Latin: a code or a unit is no language.
const MIN_LATIN_LETTERS: usize = 4;

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    // Other Latin-script languages are listed so that a Spanish or German
    // passage is not forced into French or English.
    Detector::with_allowlist(vec![
        Lang::Fra,
        Lang::Eng,
        Lang::Spa,
        Lang::Deu,
        Lang::Ita,
        Lang::Por,
        Lang::Nld,
    ])
});

/// Letters of each script in a text.
#[derive(Debug, Default, Clone, Copy)]
struct Letters {
    arabic: usize,
    latin: usize,
}

/// Counts on the UTF-8 bytes, not on decoded characters: this runs on every
/// Arabic article, and a byte test is several times cheaper. Arabic letters
/// are two-byte sequences led by 0xD8–0xDB (U+0600–U+06FF, which also holds
/// Arabic digits and punctuation: close enough for a majority); accented
/// Latin letters are led by 0xC3–0xC9 (U+00C0–U+024F).
fn count_letters(text: &str) -> Letters {
    let mut n = Letters::default();
    for &b in text.as_bytes() {
        if b.is_ascii_alphabetic() {
            n.latin += 1;
        } else if (0xD8..=0xDB).contains(&b) {
            n.arabic += 1;
        } else if (0xC3..=0xC9).contains(&b) {
            n.latin += 1;
        }
    }
    n
}

fn of_whatlang(lang: Lang) -> Language {
    match lang {
        Lang::Fra => Language::Fr,
        Lang::Eng => Language::En,
        _ => Language::Other,
    }
}

/// Languages of an article's sentences, and of the article.
#[derive(Debug, Clone)]
pub struct Languages {
    /// The article's language: Arabic when most of its letters are, else its Latin text's.
    pub article: Language,
    /// One per sentence, in the order of the sentence spans.
    pub sentences: Vec<Language>,
    /// The language of the article's Latin-script sentences taken together.
    pub latin: Language,
    /// No Arabic letter and too few Latin ones to tell: a figure alone
    /// ("100 000", "3rd", "42 LBP"), read by both grammars.
    pub undecided: bool,
}

impl Languages {
    /// Detects the languages of `text` split into `sentences`.
    pub fn detect(text: &str, sentences: &[Span]) -> Self {
        let counts: Vec<Letters> = sentences
            .iter()
            .map(|s| count_letters(&text[s.start..s.end]))
            .collect();
        let arabic: usize = counts.iter().map(|c| c.arabic).sum();
        let latin: usize = counts.iter().map(|c| c.latin).sum();
        // No Arabic letter and no sentence long enough to tell ("100 000",
        // "6.700,54", "3rd", "42 LBP", "100K"): the text is undecided; the
        // figure reader reads it with both grammars and keeps the reading
        // that covers more (see `number::latin::merge`). Bidirectional marks
        // around digits come from Arabic pages: Arabic.
        let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let undecided = arabic == 0
            && !sentences.is_empty()
            && counts.iter().all(|c| c.latin < MIN_LATIN_LETTERS)
            && !text.contains(bidi);
        if undecided {
            return Languages {
                article: Language::Other,
                sentences: vec![Language::Other; sentences.len()],
                latin: Language::Other,
                undecided: true,
            };
        }
        let is_latin = |c: &Letters| c.latin > c.arabic && c.latin >= MIN_LATIN_LETTERS;
        if !counts.iter().any(is_latin) {
            return Languages {
                article: Language::Ar,
                sentences: vec![Language::Ar; sentences.len()],
                latin: Language::Other,
                undecided: false,
            };
        }
        // The language of the Latin text as a whole: the fallback for short sentences.
        let mut latin_text = String::new();
        for (s, c) in sentences.iter().zip(&counts) {
            if is_latin(c) {
                latin_text.push_str(&text[s.start..s.end]);
                latin_text.push('\n');
            }
        }
        let latin_language = DETECTOR
            .detect_lang(&latin_text)
            .map_or(Language::Other, of_whatlang);
        let article = if arabic >= latin {
            Language::Ar
        } else {
            latin_language
        };
        let sentences = sentences
            .iter()
            .zip(&counts)
            .map(|(s, c)| {
                if !is_latin(c) {
                    // "Oct." or "3-6." alone: the article's language.
                    return if c.arabic == 0 { article } else { Language::Ar };
                }
                match DETECTOR.detect(&text[s.start..s.end]) {
                    Some(info) if info.is_reliable() || latin_language == Language::Other => {
                        of_whatlang(info.lang())
                    }
                    _ => latin_language,
                }
            })
            .collect();
        Languages {
            article,
            sentences,
            latin: latin_language,
            undecided: false,
        }
    }

    /// Whether any sentence is in Latin script.
    pub fn any_latin(&self) -> bool {
        self.sentences.iter().any(Language::is_latin)
    }

    /// The language of a quote at `span` (see [`of_quote`]).
    pub fn of_span(&self, sentences: &[Span], span: Span, quote: &str) -> Language {
        let i = sentences.partition_point(|s| s.end <= span.start);
        let sentence = match (sentences.get(i), self.sentences.get(i)) {
            (Some(s), Some(l)) if s.start <= span.start => *l,
            _ => self.article,
        };
        of_quote(quote, sentence, self.latin)
    }
}

/// The language of a fact's quote in its sentence: the sentence's, unless
/// the quote is written in the other script (an Arabic name in a French
/// sentence, a Latin name in an Arabic one).
pub fn of_quote(quote: &str, sentence: Language, article_latin: Language) -> Language {
    let c = count_letters(quote);
    if c.arabic > c.latin && sentence != Language::Ar {
        Language::Ar
    } else if c.latin > c.arabic && sentence == Language::Ar {
        article_latin
    } else {
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::sentences;

    fn langs(text: &str) -> Languages {
        Languages::detect(text, &sentences(text))
    }

    #[test]
    fn tells_arabic_french_and_english_articles_apart() {
        let ar = langs("أعلنت وزارة الداخلية اليوم عن حصيلة جديدة للزلزال الذي ضرب إقليم الحسيمة.");
        assert_eq!(ar.article, Language::Ar);
        let fr = langs("La 6e édition du Salon international de l'arganier a ouvert ses portes jeudi sur la place Al Amal à Agadir.");
        assert_eq!(fr.article, Language::Fr);
        let en = langs("The death toll from the earthquake that struck northern Morocco has risen to 14, the Interior Ministry said.");
        assert_eq!(en.article, Language::En);
    }

    #[test]
    fn an_arabic_sentence_quoting_latin_names_stays_arabic() {
        let l = langs("شارك المغرب في معرض IGEF 2025 بمدينة Istanbul التركية.");
        assert_eq!(l.sentences, vec![Language::Ar]);
    }

    #[test]
    fn a_french_quote_inside_an_arabic_article_is_french() {
        let text = "قال المتحدث باسم الوزارة إن الوفد وصل إلى العاصمة صباح اليوم في زيارة رسمية تستمر ثلاثة أيام.\nوأضاف أن الجانبين سيوقعان عددا من الاتفاقيات في مجالات الطاقة والنقل والتعليم.\nLe ministre a annoncé que les travaux reprendront la semaine prochaine dans toute la région.";
        let l = langs(text);
        assert_eq!(l.article, Language::Ar);
        assert_eq!(l.sentences, vec![Language::Ar, Language::Ar, Language::Fr]);
    }

    #[test]
    fn short_latin_sentences_take_the_article_language() {
        let text = "The government has set aside 150 million dirhams for emergency aid and the rebuilding of damaged houses.\nOct. 3-6.";
        let l = langs(text);
        assert!(l.sentences.iter().all(|s| *s == Language::En));
    }

    #[test]
    fn quote_in_the_other_script_takes_that_script() {
        assert_eq!(
            of_quote("عبد الرحيم", Language::Fr, Language::Fr),
            Language::Ar
        );
        assert_eq!(of_quote("Agadir", Language::Ar, Language::Fr), Language::Fr);
        assert_eq!(of_quote("2025", Language::En, Language::En), Language::En);
    }
}
