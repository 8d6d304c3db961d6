//! Shared checks for the fuzz targets: what must hold for any input, beyond
//! "does not panic".

use factdiff::extract::ExtractOptions;
use factdiff::ingest::{self, IngestOptions};
use factdiff::model::{Article, Fact};

/// Every fact quotes its article exactly: its span is in bounds, on char
/// boundaries, and the quoted text is what the span covers.
pub fn check_facts(article: &Article, facts: &[Fact]) {
    for f in facts {
        let quoted = article.text.get(f.span.start..f.span.end);
        assert_eq!(
            quoted,
            Some(f.text.as_str()),
            "fact {:?} does not quote its span {:?}",
            f.text,
            f.span
        );
    }
}

/// Reads `bytes` as the file `document`, then checks every article read:
/// the analysis text is the text with some parts blanked (same length), and
/// extraction on it keeps its invariants.
pub fn ingest_and_check(document: &str, bytes: &[u8]) {
    let Ok(loaded) = ingest::read_bytes(document, bytes, &IngestOptions::default()) else {
        return;
    };
    assert!(!loaded.articles.is_empty());
    for a in &loaded.articles {
        assert_eq!(
            a.text.len(),
            a.analysis_text.len(),
            "analysis text must keep the text's byte offsets"
        );
        if let Some(cut) = &a.cut {
            assert!(a.text.get(cut.span.start..cut.span.end).is_some());
        }
        let facts = factdiff::extract::extract(a, &ExtractOptions::default());
        check_facts(a, &facts);
    }
}

/// The fuzz input as text (invalid UTF-8 replaced, so every input is used).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Splits the fuzz input into 1 to 3 articles at U+001E (record separator).
pub fn articles(data: &[u8]) -> Vec<Article> {
    text(data)
        .split('\u{1e}')
        .take(3)
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("doc{i}.txt"), t))
        .collect()
}
