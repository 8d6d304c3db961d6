//! What the Markdown and HTML templates show, derived from a [`Report`]:
//! sources with short keys, the source-by-fact matrix with per-cell marks,
//! side-by-side quotes with their differing words, each group's timeline
//! and every article's full text with the quoted spans marked.
//!
//! Not part of the JSON output. Fields named `html` hold markup built here
//! from escaped text (see [`super::escape::html_text`]); fields named `md`
//! hold escaped inline Markdown. Everything else is plain text for the
//! templates to escape.

use std::collections::HashMap;

use serde::Serialize;

use super::diff::changed_words;
use super::escape::{escape_html, html_text, markdown_inline};
use super::running;
use super::timeline::{self, Mark, Source};
use super::{direction, Cluster, Finding, Report};
use crate::model::{Claim, FactKind, Severity, Span};

#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub clusters: Vec<ClusterView>,
    pub articles: Vec<ArticleView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// "A", "B" … within the group.
    pub key: String,
    pub document: String,
    /// The outlet, else the file name.
    pub label: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub dir: &'static str,
    /// Id of the article's full text.
    pub anchor: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub a: String,
    pub b: String,
    pub score: f64,
    pub shared: Vec<SharedTerm>,
    /// The event-signature channels that agree.
    pub why: Vec<String>,
}

/// The nearest article left out of a group, and why not.
#[derive(Debug, Clone, Serialize)]
pub struct NearMissView {
    pub document: String,
    pub nearest_to: String,
    pub score: f64,
    pub why_not: Vec<String>,
}

/// A shared term: `#place:تركيا` is kind "place", term "تركيا"; a plain word has kind "word".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedTerm {
    pub kind: String,
    pub term: String,
    pub dir: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterView {
    pub id: String,
    pub number: usize,
    pub sources: Vec<SourceView>,
    pub links: Vec<LinkView>,
    /// The terms of all links, each once, in order of first appearance.
    pub shared: Vec<SharedTerm>,
    /// The signature channels that agree across the links, each once.
    pub why: Vec<String>,
    pub nearest_not_grouped: Option<NearMissView>,
    pub conflicts: usize,
    pub variants: usize,
    pub omissions: usize,
    /// Inline SVG, or None when the group has no date or year.
    pub timeline_html: Option<String>,
    /// Running counts the sources update, by publication date (see `running`).
    pub running_html: Option<String>,
    pub matrix: Vec<MatrixRowView>,
    /// Conflicts and variants, shown in full.
    pub findings: Vec<FindingView>,
    /// Omissions, shown compactly.
    pub omitted: Vec<FindingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRowView {
    pub kind: &'static str,
    pub topic: String,
    pub topic_dir: &'static str,
    pub status: &'static str,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// "agree", "variant", "conflict", "only" (the one source stating it) or "missing".
    pub mark: &'static str,
    /// The mark in words, shown next to its colour.
    pub label: &'static str,
    pub values: Vec<CellValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellValue {
    /// False for names and titles: their value is a folded key, the quote says it better.
    pub show_value: bool,
    pub value: String,
    pub text: String,
    pub dir: &'static str,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub id: String,
    pub severity: &'static str,
    pub kind: &'static str,
    pub topic: String,
    pub topic_dir: &'static str,
    pub message: String,
    pub sides: Vec<SideView>,
    /// The sources that do not state it.
    pub missing: Vec<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideView {
    pub key: String,
    pub label: String,
    pub document: String,
    pub value: String,
    pub quote: String,
    pub dir: &'static str,
    pub lang: &'static str,
    pub href: String,
    /// The sentence with the quote linked and marked and its differing words in `<strong class="diff">`.
    pub html: String,
    /// The same in Markdown: the quote in bold, differing words in italics.
    pub md: String,
    /// The differing words, for a compact listing.
    pub changed: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub anchor: String,
    pub document: String,
    pub label: String,
    pub title: Option<String>,
    pub dir: &'static str,
    pub lang: &'static str,
    /// The full text, escaped, with every quoted span in `<mark id=…>`.
    pub html: String,
}

/// Builds the view of a report.
pub fn build(report: &Report) -> View {
    let index: HashMap<&str, usize> = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.document.as_str(), i))
        .collect();
    let clusters: Vec<ClusterView> = report
        .clusters
        .iter()
        .enumerate()
        .map(|(n, c)| cluster_view(report, &index, n, c))
        .collect();
    // Every quoted span of every document, for the marks in the full texts.
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); report.documents.len()];
    let mut note = |claim: &Claim| {
        if let Some(&i) = index.get(claim.document.as_str()) {
            spans[i].push(claim.span);
        }
    };
    for c in &report.clusters {
        c.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .for_each(&mut note);
        c.discrepancies
            .iter()
            .flat_map(|d| &d.discrepancy.values)
            .for_each(&mut note);
    }
    let articles = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let rtl = d.direction == "rtl";
            ArticleView {
                anchor: doc_anchor(i),
                document: d.document.clone(),
                label: label(d.outlet.as_deref(), &d.document),
                title: d.title.clone(),
                dir: d.direction,
                lang: lang(d.direction),
                html: marked_text(&d.text, &spans[i], i, rtl),
            }
        })
        .collect();
    View { clusters, articles }
}

fn doc_anchor(i: usize) -> String {
    format!("doc-{}", i + 1)
}

fn span_anchor(i: usize, span: Span) -> String {
    format!("doc-{}-{}-{}", i + 1, span.start, span.end)
}

fn lang(dir: &str) -> &'static str {
    if dir == "rtl" {
        "ar"
    } else {
        "und"
    }
}

/// The outlet, else the file name without its folders.
fn label(outlet: Option<&str>, document: &str) -> String {
    match outlet {
        Some(o) if !o.trim().is_empty() => o.trim().to_string(),
        _ => document
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(document)
            .to_string(),
    }
}

fn key(n: usize) -> String {
    if n < 26 {
        char::from(b'A' + n as u8).to_string()
    } else {
        format!("S{}", n + 1)
    }
}

fn cluster_view(
    report: &Report,
    index: &HashMap<&str, usize>,
    n: usize,
    c: &Cluster,
) -> ClusterView {
    let sources: Vec<SourceView> = c
        .documents
        .iter()
        .enumerate()
        .map(|(k, doc)| {
            let info = index.get(doc.as_str()).map(|&i| (i, &report.documents[i]));
            SourceView {
                key: key(k),
                document: doc.clone(),
                label: label(info.and_then(|(_, d)| d.outlet.as_deref()), doc),
                outlet: info.and_then(|(_, d)| d.outlet.clone()),
                published: info.and_then(|(_, d)| d.published.map(|p| p.to_string())),
                title: info.and_then(|(_, d)| d.title.clone()),
                dir: info.map_or("ltr", |(_, d)| d.direction),
                anchor: info.map_or_else(String::new, |(i, _)| doc_anchor(i)),
            }
        })
        .collect();
    let key_of = |doc: &str| -> String {
        sources
            .iter()
            .find(|s| s.document == doc)
            .map_or_else(|| doc.to_string(), |s| s.key.clone())
    };
    let href = |claim: &Claim| -> String {
        index
            .get(claim.document.as_str())
            .map_or_else(String::new, |&i| format!("#{}", span_anchor(i, claim.span)))
    };
    let links = c
        .links
        .iter()
        .map(|l| LinkView {
            a: key_of(&l.documents[0]),
            b: key_of(&l.documents[1]),
            score: l.score,
            shared: l.shared.iter().map(|t| shared_term(t)).collect(),
            why: l.why.clone(),
        })
        .collect::<Vec<LinkView>>();
    let mut why: Vec<String> = Vec::new();
    for w in links.iter().flat_map(|l| &l.why) {
        if !why.contains(w) {
            why.push(w.clone());
        }
    }
    let nearest_not_grouped = c.nearest_not_grouped.as_ref().map(|m| NearMissView {
        document: m.document.clone(),
        nearest_to: key_of(&m.nearest_to),
        score: m.score,
        why_not: m.why_not.clone(),
    });
    let mut shared: Vec<SharedTerm> = Vec::new();
    for t in links.iter().flat_map(|l| &l.shared) {
        if !shared.contains(t) {
            shared.push(t.clone());
        }
    }

    // The matrix: aligned facts, then entity findings that have no row.
    let mut matrix: Vec<MatrixRowView> = c
        .rows
        .iter()
        .map(|r| matrix_row(r.kind, &r.topic, r.status, &r.cells, &href))
        .collect();
    for f in &c.discrepancies {
        let d = &f.discrepancy;
        if c.rows
            .iter()
            .any(|r| r.kind == d.kind && r.topic == d.topic)
        {
            continue;
        }
        let cells: Vec<Vec<Claim>> = c
            .documents
            .iter()
            .map(|doc| {
                d.values
                    .iter()
                    .filter(|v| &v.document == doc)
                    .cloned()
                    .collect()
            })
            .collect();
        matrix.push(matrix_row(
            d.kind,
            &d.topic,
            d.severity.as_str(),
            &cells,
            &href,
        ));
    }
    matrix.sort_by_key(|r| status_rank(r.status));

    let mut findings = Vec::new();
    let mut omitted = Vec::new();
    let (mut conflicts, mut variants, mut omissions) = (0, 0, 0);
    for f in &c.discrepancies {
        let view = finding_view(f, &sources, &key_of, &href);
        match f.discrepancy.severity {
            Severity::Conflict => {
                conflicts += 1;
                findings.push(view);
            }
            Severity::Variant => {
                variants += 1;
                findings.push(view);
            }
            // Contradictions inside one article and updates of a running
            // count are shown in full beside the conflicts.
            Severity::Internal | Severity::Update => findings.push(view),
            Severity::Omission => {
                omissions += 1;
                omitted.push(view);
            }
        }
    }

    let tl_sources: Vec<Source> = sources
        .iter()
        .map(|s| Source {
            key: &s.key,
            label: &s.label,
        })
        .collect();
    let marks: Vec<Mark> = c
        .rows
        .iter()
        .filter(|r| matches!(r.kind, FactKind::Date | FactKind::Year))
        .flat_map(|r| {
            r.cells.iter().enumerate().flat_map(move |(s, cell)| {
                cell.iter().map(move |claim| Mark {
                    source: s,
                    kind: r.kind,
                    topic: &r.topic,
                    status: r.status,
                    value: &claim.value,
                    resolution: claim.resolution,
                })
            })
        })
        .collect();
    // Running counts the sources update, each figure at its article's date.
    let dated = |doc: &str| {
        index.get(doc).and_then(|&i| {
            report.documents[i]
                .published
                .or(report.documents[i].updated)
        })
    };
    let series: Vec<running::Series> = c
        .discrepancies
        .iter()
        .filter(|f| f.discrepancy.severity == Severity::Update)
        .map(|f| running::Series {
            label: &f.discrepancy.topic,
            points: f
                .discrepancy
                .values
                .iter()
                .filter_map(|v| {
                    Some(running::Point {
                        key: key_of(&v.document),
                        published: dated(&v.document)?,
                        value: &v.value,
                    })
                })
                .collect(),
        })
        .collect();
    let running_html = running::svg(&c.id, &series);
    let timeline_html = if sources.len() < 2 {
        None
    } else {
        timeline::svg(&c.id, &tl_sources, &marks)
    };

    ClusterView {
        id: c.id.clone(),
        number: n + 1,
        sources,
        links,
        shared,
        why,
        nearest_not_grouped,
        conflicts,
        variants,
        omissions,
        timeline_html,
        running_html,
        matrix,
        findings,
        omitted,
    }
}

fn status_rank(status: &str) -> u8 {
    match status {
        "conflict" => 0,
        "internal" => 1,
        "update" => 2,
        "variant" => 3,
        "agreement" => 4,
        _ => 5,
    }
}

fn shared_term(t: &str) -> SharedTerm {
    let (kind, term) = match t.strip_prefix('#').and_then(|t| t.split_once(':')) {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => ("word".to_string(), t.to_string()),
    };
    SharedTerm {
        dir: direction(&term),
        kind,
        term,
    }
}

fn matrix_row(
    kind: FactKind,
    topic: &str,
    status: &'static str,
    cells: &[Vec<Claim>],
    href: &dyn Fn(&Claim) -> String,
) -> MatrixRowView {
    let stated = cells.iter().filter(|c| !c.is_empty()).count();
    let cells = cells
        .iter()
        .map(|cell| {
            let (mark, label) = if cell.is_empty() {
                ("missing", "missing")
            } else {
                match status {
                    "conflict" => ("conflict", "conflict"),
                    "variant" => ("variant", "variant"),
                    _ if stated < 2 => ("only", "only source"),
                    _ => ("agree", "agrees"),
                }
            };
            CellView {
                mark,
                label,
                values: cell
                    .iter()
                    .map(|v| CellValue {
                        show_value: matches!(
                            kind,
                            FactKind::Date | FactKind::Year | FactKind::Number
                        ),
                        value: v.value.clone(),
                        text: v.text.clone(),
                        dir: direction(&v.text),
                        href: href(v),
                    })
                    .collect(),
            }
        })
        .collect();
    MatrixRowView {
        kind: kind.as_str(),
        topic: topic.to_string(),
        topic_dir: direction(topic),
        status,
        cells,
    }
}

fn finding_view(
    f: &Finding,
    sources: &[SourceView],
    key_of: &dyn Fn(&str) -> String,
    href: &dyn Fn(&Claim) -> String,
) -> FindingView {
    let d = &f.discrepancy;
    let sides = d
        .values
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            // Compared with the first claim of another value (else of another source).
            let other = d
                .values
                .iter()
                .find(|o| o.value != claim.value)
                .or_else(|| {
                    d.values
                        .iter()
                        .enumerate()
                        .find(|(j, o)| *j != i && o.document != claim.document)
                        .map(|(_, o)| o)
                });
            let changed = other
                .map(|o| changed_words(&claim.text, &o.text))
                .unwrap_or_default();
            side_view(claim, &changed, sources, key_of, href(claim))
        })
        .collect();
    FindingView {
        id: f.id.clone(),
        severity: d.severity.as_str(),
        kind: d.kind.as_str(),
        topic: d.topic.clone(),
        topic_dir: direction(&d.topic),
        message: d.message.clone(),
        sides,
        missing: d
            .missing
            .iter()
            .map(|m| SourceRef {
                key: key_of(m),
                label: sources
                    .iter()
                    .find(|s| &s.document == m)
                    .map_or_else(|| m.clone(), |s| s.label.clone()),
            })
            .collect(),
    }
}

fn side_view(
    claim: &Claim,
    changed: &[(usize, usize)],
    sources: &[SourceView],
    key_of: &dyn Fn(&str) -> String,
    href: String,
) -> SideView {
    let dir = direction(&claim.sentence);
    let rtl = dir == "rtl";
    let a = claim.span.start.saturating_sub(claim.sentence_span.start);
    let b = claim.span.end.saturating_sub(claim.sentence_span.start);
    let s = &claim.sentence;
    let (before, quote, after) = match (s.get(..a), s.get(a..b), s.get(b..)) {
        (Some(x), Some(q), Some(y)) if q == claim.text => (x, q, y),
        _ => ("", claim.text.as_str(), ""),
    };
    // The quote cut into (text, differs) pieces.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for &(x, y) in changed {
        if let (Some(p), Some(q)) = (quote.get(at..x), quote.get(x..y)) {
            pieces.push((p, false));
            pieces.push((q, true));
            at = y;
        }
    }
    pieces.push((quote.get(at..).unwrap_or_default(), false));
    let mut html = html_text(before, rtl);
    html.push_str(&format!(
        "<a class=\"quote-link\" href=\"{}\"><mark>",
        escape_html(&href)
    ));
    let mut md = markdown_inline(before);
    md.push_str("**");
    for (p, differs) in &pieces {
        if p.is_empty() {
            continue;
        }
        if *differs {
            html.push_str("<strong class=\"diff\">");
            html.push_str(&html_text(p, rtl));
            html.push_str("</strong>");
            md.push('*');
            md.push_str(&markdown_inline(p));
            md.push('*');
        } else {
            html.push_str(&html_text(p, rtl));
            md.push_str(&markdown_inline(p));
        }
    }
    html.push_str("</mark></a>");
    html.push_str(&html_text(after, rtl));
    md.push_str("**");
    md.push_str(&markdown_inline(after));
    let key = key_of(&claim.document);
    let label = sources
        .iter()
        .find(|s| s.document == claim.document)
        .map_or_else(|| claim.document.clone(), |s| s.label.clone());
    SideView {
        key,
        label,
        document: claim.document.clone(),
        value: claim.value.clone(),
        quote: claim.text.clone(),
        dir,
        lang: lang(dir),
        href,
        html,
        md,
        changed: pieces
            .iter()
            .filter(|(p, d)| *d && !p.is_empty())
            .map(|(p, _)| p.to_string())
            .collect(),
    }
}

/// The full text, escaped, with each span in a `<mark id=…>`. Overlapping
/// spans share one mark; the later ones get an empty anchor where they start.
fn marked_text(text: &str, spans: &[Span], doc: usize, rtl: bool) -> String {
    let mut spans: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| s.start < s.end && text.get(s.start..s.end).is_some())
        .collect();
    spans.sort();
    spans.dedup();
    // Merge overlapping spans into runs, remembering every member.
    let mut runs: Vec<(usize, usize, Vec<Span>)> = Vec::new();
    for s in spans {
        match runs.last_mut() {
            Some(run) if s.start < run.1 => {
                run.1 = run.1.max(s.end);
                run.2.push(s);
            }
            _ => runs.push((s.start, s.end, vec![s])),
        }
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for (start, end, members) in runs {
        out.push_str(&html_text(&text[at..start], rtl));
        out.push_str(&format!("<mark id=\"{}\">", span_anchor(doc, members[0])));
        let mut inner = start;
        for m in &members[1..] {
            if let Some(piece) = text.get(inner..m.start) {
                out.push_str(&html_text(piece, rtl));
                inner = m.start;
            }
            out.push_str(&format!("<span id=\"{}\"></span>", span_anchor(doc, *m)));
        }
        out.push_str(&html_text(text.get(inner..end).unwrap_or_default(), rtl));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&html_text(&text[at..], rtl));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_share_a_mark_and_keep_their_anchors() {
        let text = "IGEF 2025 <x>";
        let html = marked_text(text, &[Span::new(0, 9), Span::new(5, 9)], 0, false);
        assert_eq!(
            html,
            "<mark id=\"doc-1-0-9\">IGEF <span id=\"doc-1-5-9\"></span>2025</mark> &lt;x&gt;"
        );
        // A span off a char boundary is dropped, not a panic.
        let arabic = "أنقرة";
        assert_eq!(marked_text(arabic, &[Span::new(1, 3)], 0, true), "أنقرة");
    }

    #[test]
    fn labels_prefer_the_outlet() {
        assert_eq!(label(Some("البوابة نيوز"), "a/b.txt"), "البوابة نيوز");
        assert_eq!(label(None, "fixtures/seeds/000.txt"), "000.txt");
        assert_eq!(key(0), "A");
        assert_eq!(key(26), "S27");
    }
}
