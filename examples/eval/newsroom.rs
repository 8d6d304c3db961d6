//! The dev set's articles (`../shared/eval/newsroom/articles`): publication
//! dates read, and facts extracted per article in each language.
//!
//! Articles are read by ingest and extracted as `factdiff extract` does. An
//! article's language is judged here from its letters (Arabic script, else
//! French or English by their commonest short words), so that the measure
//! does not depend on the extractor's own language detection.

use std::collections::BTreeMap;
use std::path::Path;

use factdiff::extract::{extract, ExtractOptions};
use factdiff::ingest::{self, IngestOptions};

/// Each article's publication date, read by hand off its publication line
/// (the gold file has none). n02_b prints only an update time ("Mis à jour
/// le vendredi 16 mai 2025"), which is no publication date: it has none.
pub const PUBLISHED: &[(&str, Option<&str>)] = &[
    ("n01_a.txt", Some("2025-01-20")),
    ("n01_b.txt", Some("2025-01-22")),
    ("n01_c.txt", Some("2025-01-22")),
    ("n01_d.txt", Some("2025-01-22")),
    ("n02_a.txt", Some("2025-05-15")),
    ("n02_b.txt", None),
    ("n02_c.txt", Some("2025-05-13")),
    ("n02_d.txt", Some("2025-05-16")),
    ("n03_a.txt", Some("2025-06-16")),
    ("n03_b.txt", Some("2025-06-18")),
    ("n03_c.txt", Some("2025-06-17")),
    ("n03_d.txt", Some("2025-06-19")),
    ("n04_a.txt", Some("2025-12-02")),
    ("n04_b.txt", Some("2025-12-03")),
    ("n04_c.txt", Some("2025-12-03")),
    ("n05_a.txt", Some("2025-03-12")),
    ("n05_b.txt", Some("2025-03-12")),
    ("n05_c.txt", Some("2025-03-13")),
    ("n05_d.txt", Some("2025-03-13")),
    ("n06_a.txt", Some("2025-04-26")),
    ("n06_b.txt", Some("2025-04-27")),
    ("n06_c.txt", Some("2025-04-28")),
    ("n07_a.txt", Some("2025-06-28")),
    ("n07_b.txt", Some("2025-06-27")),
    ("n07_c.txt", Some("2025-06-29")),
    ("n08_a.txt", Some("2025-08-24")),
    ("n08_b.txt", Some("2025-08-25")),
    ("n08_c.txt", Some("2025-08-25")),
    ("n09_a.txt", Some("2025-07-14")),
    ("n10_a.txt", Some("2025-12-04")),
    ("n11_a.txt", Some("2024-05-16")),
    ("n12_a.txt", Some("2025-02-26")),
];

#[derive(Debug, Clone)]
pub struct ArticleRow {
    pub document: String,
    pub language: &'static str,
    pub published: Option<String>,
    /// Facts by kind ("date", "number", "person" …).
    pub facts: BTreeMap<&'static str, usize>,
}

impl ArticleRow {
    pub fn total(&self) -> usize {
        self.facts.values().sum()
    }
}

#[derive(Debug, Default)]
pub struct NewsroomScore {
    pub articles: Vec<ArticleRow>,
}

impl NewsroomScore {
    /// Articles whose publication date was read, right or not.
    pub fn published(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.published.is_some())
            .count()
    }

    /// Articles whose publication date is the one on the page (none where the page has none).
    pub fn published_right(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.published.as_deref() == expected_published(&a.document))
            .count()
    }

    /// Average facts per article in a language (`None` without articles in it).
    pub fn average(&self, language: &str) -> Option<f64> {
        let rows: Vec<_> = self
            .articles
            .iter()
            .filter(|a| a.language == language)
            .collect();
        (!rows.is_empty())
            .then(|| rows.iter().map(|a| a.total()).sum::<usize>() as f64 / rows.len() as f64)
    }

    /// A language's average as a share of the Arabic one.
    pub fn ratio_to_arabic(&self, language: &str) -> Option<f64> {
        let ar = self.average("ar")?;
        (ar > 0.0).then_some(self.average(language)? / ar)
    }
}

pub fn score_dir(dir: &Path) -> Result<NewsroomScore, String> {
    let loaded = ingest::load(&[dir.display().to_string()], &IngestOptions::default())
        .map_err(|e| e.to_string())?;
    let options = ExtractOptions::default();
    let mut articles = loaded.articles;
    articles.sort_by(|a, b| a.document.cmp(&b.document));
    let rows = articles
        .iter()
        .map(|a| {
            let mut facts = BTreeMap::new();
            for f in extract(a, &options) {
                *facts.entry(f.kind.as_str()).or_default() += 1;
            }
            ArticleRow {
                document: Path::new(&a.document)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(&a.document)
                    .to_string(),
                language: language_of(&a.text),
                published: a.published.map(|d| d.to_string()),
                facts,
            }
        })
        .collect();
    Ok(NewsroomScore { articles: rows })
}

/// The publication date expected for an article (by file name); `None`
/// where the page prints none, or the article is not in the table.
pub fn expected_published(document: &str) -> Option<&'static str> {
    PUBLISHED
        .iter()
        .find(|(d, _)| *d == document)
        .and_then(|(_, date)| *date)
}

/// `ar` when most letters are Arabic; else `fr` or `en` by common short words.
pub fn language_of(text: &str) -> &'static str {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (arabic, all) = letters.fold((0usize, 0usize), |(a, n), c| {
        (
            a + usize::from(('\u{0600}'..='\u{06FF}').contains(&c)),
            n + 1,
        )
    });
    if all > 0 && arabic * 2 > all {
        return "ar";
    }
    const FRENCH: &[&str] = &[
        "le", "la", "les", "des", "du", "et", "une", "est", "à", "au",
    ];
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "to", "a", "in", "is", "was", "on", "with",
    ];
    let (mut fr, mut en) = (0, 0);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let w = word.to_lowercase();
        fr += usize::from(FRENCH.contains(&w.as_str()));
        en += usize::from(ENGLISH.contains(&w.as_str()));
    }
    if fr > en {
        "fr"
    } else {
        "en"
    }
}
