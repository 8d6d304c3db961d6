//! The whole comparison: extract every article, group by event, align and
//! classify each group. This is the library's main entry point.

use crate::align;
use crate::classify::{self, Row};
use crate::config::KindsConfig;
use crate::extract::entity;
use crate::extract::{self, ExtractOptions};
use crate::group::{self, Auto, Group, GroupOptions};
use crate::model::{Article, Discrepancy, Fact, FactKind, Severity};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// Settings of one comparison run.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    pub extract: ExtractOptions,
    pub group: GroupOptions,
    /// Which kinds of fact are compared.
    pub kinds: KindsConfig,
    /// Show a progress bar on standard error (only when it is a terminal and the run is long).
    pub progress: bool,
}

/// Below this many articles a run is short: no progress bar.
const PROGRESS_MIN_ARTICLES: usize = 2000;

fn progress_bar(options: &CompareOptions, len: usize) -> ProgressBar {
    use std::io::IsTerminal;
    if !options.progress || len < PROGRESS_MIN_ARTICLES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} articles, {eta} left")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("extracting");
    bar
}

/// Everything a comparison found, ready for reporting.
#[derive(Debug)]
pub struct Analysis {
    /// Articles sorted by document name, so that input order never matters.
    pub articles: Vec<Article>,
    /// `facts[i]` are the facts of `articles[i]`.
    pub facts: Vec<Vec<Fact>>,
    pub events: Vec<Event>,
}

/// One group of articles about the same event, with its verdicts.
#[derive(Debug)]
pub struct Event {
    pub group: Group,
    pub rows: Vec<Row>,
    pub discrepancies: Vec<Discrepancy>,
}

pub fn compare(mut articles: Vec<Article>, options: &CompareOptions) -> Analysis {
    articles.sort_by(|a, b| a.document.cmp(&b.document));
    let lexicon = options
        .extract
        .lexicon
        .as_deref()
        .unwrap_or(entity::builtin_lexicon());
    let bar = progress_bar(options, articles.len());
    // Articles are independent until grouping: extract in parallel; collect keeps the order.
    let (facts, features): (Vec<Vec<Fact>>, Vec<group::Features>) = articles
        .par_iter()
        .map(|a| {
            let (facts, folded) = extract::extract_folded(a, &options.extract);
            let features = group::features_of_folded(a, &folded, &facts, lexicon);
            bar.inc(1);
            (facts, features)
        })
        .unzip();
    bar.set_message("grouping");
    let groups = group::group(&features, &Auto, &options.group);
    bar.finish_and_clear();
    drop(features);
    let events = groups
        .into_par_iter()
        .map(|group| {
            let docs: Vec<(&Article, &[Fact])> = group
                .members
                .iter()
                .map(|&i| (&articles[i], facts[i].as_slice()))
                .collect();
            // Slots are built even for a group of one: its headline may
            // contradict its body.
            let slots = align::align(&docs, lexicon);
            let mut rows = classify::classify(&docs, &slots, lexicon);
            // Agreements about names are not kept as rows: a group names many
            // people and places, and their agreement says little.
            rows.retain(|r| {
                options.kinds.allows(r.kind)
                    && (r.severity.is_some()
                        || !matches!(r.kind, FactKind::Person | FactKind::Place | FactKind::Title))
            });
            let mut discrepancies = classify::discrepancies(&docs, &rows);
            if docs.len() < 2 {
                // Between articles there is nothing to compare: only what
                // contradicts itself is kept.
                discrepancies.retain(|d| d.severity == Severity::Internal);
                rows.clear();
            }
            for (article, facts) in &docs {
                discrepancies.extend(
                    classify::internal_dates(article, facts)
                        .into_iter()
                        .filter(|d| options.kinds.allows(d.kind)),
                );
            }
            // Conflicts first; within a severity, by kind and topic.
            discrepancies.sort_by(|a, b| {
                (a.severity, a.kind, &a.topic).cmp(&(b.severity, b.kind, &b.topic))
            });
            Event {
                group,
                rows,
                discrepancies,
            }
        })
        .collect();
    Analysis {
        articles,
        facts,
        events,
    }
}
