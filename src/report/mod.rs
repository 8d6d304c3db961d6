//! Reports: one serializable [`Report`] that is both the JSON output and the
//! context of the Markdown and HTML templates (templates/).

mod diff;
mod escape;
pub use escape::terminal_safe;
mod render;
pub mod running;
pub mod timeline;
pub mod view;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

pub use render::{render, render_extract_markdown, Format};

use crate::classify::Row;
use crate::compare::Analysis;
use crate::ingest::IngestError;
use crate::model::{Claim, Cut, Discrepancy, Fact, FactKind, Severity};

/// Version of the JSON output's shape. Additive changes keep it; any other
/// change raises it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: String,
    pub summary: Summary,
    pub documents: Vec<DocumentInfo>,
    pub clusters: Vec<Cluster>,
    /// Inputs skipped under `--keep-going`, with the reason.
    pub skipped: Vec<IngestError>,
    /// The config file the run used, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub clusters: usize,
    pub conflicts: usize,
    pub variants: usize,
    pub omissions: usize,
    /// Running counts that changed between days (see `classify`).
    pub updates: usize,
    /// Articles that contradict themselves.
    pub internal: usize,
    pub agreements: usize,
    /// Findings left out because the baseline accepts them.
    pub suppressed: usize,
}

impl Summary {
    /// Sets the conflict, variant and omission counts from the clusters' findings.
    pub fn count_findings(&mut self, clusters: &[Cluster]) {
        let count = |s: Severity| {
            clusters
                .iter()
                .flat_map(|c| &c.discrepancies)
                .filter(|f| f.discrepancy.severity == s)
                .count()
        };
        self.conflicts = count(Severity::Conflict);
        self.variants = count(Severity::Variant);
        self.omissions = count(Severity::Omission);
        self.updates = count(Severity::Update);
        self.internal = count(Severity::Internal);
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub document: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_month: Option<String>,
    /// A dateline's day whose year nothing settled ("--03-12").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    pub url: Option<String>,
    pub encoding: String,
    /// "rtl" when the article is mostly Arabic script, else "ltr".
    pub direction: &'static str,
    pub cut: Option<Cut>,
    pub boilerplate_lines: usize,
    pub facts: usize,
    /// The full text, for the HTML report's article sections (not in JSON).
    #[serde(skip)]
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    /// "event-1", "event-2" … in order of the first document.
    pub id: String,
    pub documents: Vec<String>,
    /// The scored links that joined the documents.
    pub links: Vec<LinkInfo>,
    /// The nearest article left out of the event, and why not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest_not_grouped: Option<NearMissInfo>,
    pub discrepancies: Vec<Finding>,
    /// Every aligned fact, including agreements (the source-by-fact matrix).
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkInfo {
    pub documents: [String; 2],
    pub score: f64,
    pub shared: Vec<String>,
    /// The event-signature channels that agree ("people: …", "edition: 6th edition").
    pub why: Vec<String>,
}

/// The article outside an event that came nearest to one of its documents.
#[derive(Debug, Clone, Serialize)]
pub struct NearMissInfo {
    /// The article left out.
    pub document: String,
    /// The event's document it came nearest to.
    pub nearest_to: String,
    pub score: f64,
    /// Why it was not grouped: the disagreements, or the score below the threshold.
    pub why_not: Vec<String>,
}

/// A discrepancy with its stable id.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Derived from the content (kind, topic, documents and their values), not
    /// from positions: the same finding keeps its id across runs and edits.
    pub id: String,
    #[serde(flatten)]
    pub discrepancy: Discrepancy,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub kind: FactKind,
    pub topic: String,
    pub status: &'static str,
    /// One cell per document of the cluster, in the cluster's order.
    pub cells: Vec<Vec<Claim>>,
}

/// Builds the report of an analysis.
pub fn build(analysis: &Analysis, skipped: Vec<IngestError>) -> Report {
    let documents: Vec<DocumentInfo> = analysis
        .articles
        .par_iter()
        .zip(&analysis.facts)
        .map(|(a, facts)| DocumentInfo {
            document: a.document.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published,
            published_month: a.published_month.clone(),
            published_day: a.published_day.clone(),
            updated: a.updated,
            url: a.url.clone(),
            encoding: a.encoding.clone(),
            direction: direction(&a.text),
            cut: a.cut.clone(),
            boilerplate_lines: a.boilerplate_lines,
            facts: facts.len(),
            text: a.text.clone(),
        })
        .collect();
    let mut summary = Summary {
        articles: analysis.articles.len(),
        ..Summary::default()
    };
    summary.agreements = analysis
        .events
        .iter()
        .map(|e| e.rows.iter().filter(|r| r.severity.is_none()).count())
        .sum();
    let clusters: Vec<Cluster> = analysis
        .events
        .par_iter()
        .enumerate()
        .map(|(n, event)| {
            let name = |i: usize| analysis.articles[i].document.clone();
            let discrepancies: Vec<Finding> = event
                .discrepancies
                .iter()
                .map(|d| Finding {
                    id: finding_id(d),
                    discrepancy: d.clone(),
                })
                .collect();
            Cluster {
                id: format!("event-{}", n + 1),
                documents: event.group.members.iter().map(|&i| name(i)).collect(),
                links: event
                    .group
                    .links
                    .iter()
                    .map(|l| LinkInfo {
                        documents: [name(l.a), name(l.b)],
                        score: l.score,
                        shared: l.shared.clone(),
                        why: l.why.clone(),
                    })
                    .collect(),
                nearest_not_grouped: event.group.nearest.as_ref().map(|m| NearMissInfo {
                    document: name(m.other),
                    nearest_to: name(m.member),
                    score: m.score,
                    why_not: m.why_not.clone(),
                }),
                discrepancies,
                rows: event.rows.iter().map(matrix_row).collect(),
            }
        })
        .collect();
    summary.clusters = clusters.len();
    summary.count_findings(&clusters);
    Report {
        schema_version: SCHEMA_VERSION,
        tool: format!("factdiff {}", env!("CARGO_PKG_VERSION")),
        summary,
        documents,
        clusters,
        skipped,
        config: None,
    }
}

fn matrix_row(row: &Row) -> MatrixRow {
    MatrixRow {
        kind: row.kind,
        topic: row.label.clone(),
        status: row.status(),
        cells: row.cells.clone(),
    }
}

/// "rtl" when most letters are Arabic script.
pub fn direction(text: &str) -> &'static str {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|&c| crate::letters::is_alphabetic(c)) {
        if is_arabic(c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    if arabic >= other && arabic > 0 {
        "rtl"
    } else {
        "ltr"
    }
}

/// Whether a character is of the Arabic script.
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A content fingerprint: kind, severity, topic, and each document with its
/// values, sorted. FNV-1a 64: tiny, and stable across Rust versions (std's
/// hasher is not).
pub fn finding_id(d: &Discrepancy) -> String {
    finding_id_with(d, &|doc| doc.to_string())
}

/// [`finding_id`] with each document named by `name` (the baseline names
/// them from its own folder, so that its ids do not depend on how a run
/// spells the paths).
pub fn finding_id_with(d: &Discrepancy, name: &dyn Fn(&str) -> String) -> String {
    let mut parts: Vec<String> = d
        .values
        .iter()
        .map(|c| format!("{}={}", name(&c.document), c.value))
        .collect();
    parts.extend(d.missing.iter().map(|m| format!("{}=", name(m))));
    parts.sort();
    parts.dedup();
    let key = format!(
        "{}|{}|{}|{}",
        d.kind.as_str(),
        d.severity.as_str(),
        d.topic,
        parts.join("|")
    );
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fd-{hash:016x}")
}

/// The facts of one document, for `factdiff extract`.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    pub schema_version: u32,
    pub documents: Vec<ExtractedDocument>,
    pub skipped: Vec<IngestError>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtractedDocument {
    pub document: String,
    pub direction: &'static str,
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_month: Option<String>,
    /// A dateline's day whose year nothing settled ("--03-12").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    pub cut: Option<Cut>,
    pub facts: Vec<ExtractedFact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtractedFact {
    pub kind: FactKind,
    pub text: String,
    pub span: [usize; 2],
    pub value: String,
    pub sentence: String,
    /// The fact's language: "ar", "fr", "en", or "und".
    pub language: &'static str,
    pub detail: crate::model::Value,
}

pub fn build_extract(
    articles: &[crate::model::Article],
    facts: &[Vec<Fact>],
    skipped: Vec<IngestError>,
) -> ExtractReport {
    ExtractReport {
        schema_version: SCHEMA_VERSION,
        documents: articles
            .iter()
            .zip(facts)
            .map(|(a, fs)| ExtractedDocument {
                document: a.document.clone(),
                direction: direction(&a.text),
                published: a.published,
                published_month: a.published_month.clone(),
                published_day: a.published_day.clone(),
                updated: a.updated,
                cut: a.cut.clone(),
                facts: fs
                    .iter()
                    .map(|f| ExtractedFact {
                        kind: f.kind,
                        text: f.text.clone(),
                        span: [f.span.start, f.span.end],
                        value: f.normalized(),
                        sentence: a.quote(a.context(f.sentence, f.span)).to_string(),
                        language: f.language.code(),
                        detail: f.value.clone(),
                    })
                    .collect(),
            })
            .collect(),
        skipped,
    }
}
