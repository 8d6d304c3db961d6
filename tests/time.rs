//! Time per article stays near-linear in its size (issue 12, item 9): the
//! articles that used to cost the square of their size, small enough for a
//! debug build. Before the fix, 100 KB of the first kind took 6.5 s in a
//! release build (a minute in debug); now a fraction of a second.

use std::time::{Duration, Instant};

use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::{Article, CONTEXT_BYTES};

/// A deterministic run of distinct 7-letter words.
fn words(n: usize, letters: usize) -> Vec<String> {
    const ALPHABET: &[char] = &[
        'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
        'ف', 'ق', 'ك', 'م', 'ن', 'ه',
    ];
    let mut x: u64 = 0x5eed;
    (0..n)
        .map(|_| {
            (0..letters)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ALPHABET[(x >> 33) as usize % ALPHABET.len()]
                })
                .collect()
        })
        .collect()
}

/// Extracts `text`; fails past `limit` (generous: a loaded CI machine, a debug build).
fn extract_within(text: &str, limit: Duration) -> usize {
    let article = Article::from_text("big.txt", text);
    let t = Instant::now();
    let n = extract(&article, &ExtractOptions::default()).len();
    let took = t.elapsed();
    assert!(
        took < limit,
        "{} KB took {took:?} (limit {limit:?})",
        text.len() / 1000
    );
    n
}

/// Thousands of distinct two-part names: each one's surname was searched
/// for over the whole article, and each token checked against every name.
#[test]
fn many_distinct_names_take_linear_time() {
    let text: String = words(1200, 7)
        .iter()
        .map(|w| {
            format!("واستقبل السيد محمد {w} وزير الداخلية الوفد في الرباط يوم 12 سبتمبر 2024.\n")
        })
        .collect();
    let facts = extract_within(&text, Duration::from_secs(20));
    assert!(facts >= 1200 * 3, "{facts}");
}

/// One sentence of 100 KB with places and people: every role looked over
/// the whole sentence, and every place over every other place.
#[test]
fn one_long_sentence_of_places_and_people_takes_linear_time() {
    let places = ["الرباط", "مراكش", "طنجة", "أنقرة", "الرياض", "تركيا"];
    let mut text = String::from("زار الوفد ");
    for (i, w) in words(1500, 6).iter().enumerate() {
        text.push_str(&format!(
            "في {} واستقبله السيد محمد {w} مع ",
            places[i % places.len()]
        ));
    }
    let facts = extract_within(&text, Duration::from_secs(20));
    assert!(facts >= 1500 * 2, "{facts}");
}

/// A report quotes each fact's sentence: in an article without a full stop,
/// only the part around the quote, not the whole article once per fact.
#[test]
fn a_reported_sentence_is_cut_around_its_quote() {
    let filler = "كلمة ".repeat(2000);
    let text = format!("{filler}في 12 سبتمبر 2024 {filler}");
    let article = Article::from_text("long.txt", text.as_str());
    let facts = extract(&article, &ExtractOptions::default());
    let date = facts.iter().find(|f| f.text.contains("سبتمبر")).unwrap();
    assert_eq!(
        article.quote(date.sentence).len(),
        text.trim_end().len(),
        "extraction keeps the whole sentence"
    );
    let shown = article.context(date.sentence, date.span);
    assert!(shown.start <= date.span.start && date.span.end <= shown.end);
    assert!(shown.end - shown.start <= 2 * CONTEXT_BYTES + date.text.len());
    assert!(shown.end - shown.start >= 2 * (CONTEXT_BYTES - 60));
    let quote = article.quote(shown);
    assert!(
        quote.starts_with("كلمة") && quote.ends_with("كلمة"),
        "{quote}"
    );
    // A short sentence is shown whole.
    let short = Article::from_text("s.txt", "زار الوفد أنقرة في 12 سبتمبر 2024.");
    let f = extract(&short, &ExtractOptions::default());
    let d = f.iter().find(|f| f.text.contains("سبتمبر")).unwrap();
    assert_eq!(short.context(d.sentence, d.span), d.sentence);
}
