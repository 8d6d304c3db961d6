//! Fact extraction: one module per kind of fact.
//!
//! - `date`: dates and ranges in every month system, relative dates; `year`: years and event tags;
//! - `number`: figures, number words, ordinals, percentages, money;
//! - `entity`: people with titles, places, organisations.
//!
//! Extractors match on the folded text (see `normalize`) and map every match
//! back to the original, so that facts quote the article exactly.

pub mod date;
pub mod entity;
pub mod language;
pub mod number;
pub mod year;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{Article, Fact, FactKind, Language, Span, Value};
use crate::normalize::{self, Folded};

/// Settings that change what extraction resolves.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Resolves relative dates when an article has no publication date.
    pub reference_date: Option<NaiveDate>,
    /// Entity lexicon with the config's extra places, organisations and
    /// titles (see [`entity::lexicon_with`]); `None`: the built-in one.
    pub lexicon: Option<Arc<entity::Lexicon>>,
}

/// An article prepared for the extractors: folded analysis text and sentences.
pub struct Document<'a> {
    pub article: &'a Article,
    pub folded: Folded,
    /// Sentence spans in original byte offsets.
    pub sentences: Vec<Span>,
    /// The language of the article and of each sentence.
    pub languages: language::Languages,
    pub options: &'a ExtractOptions,
}

impl<'a> Document<'a> {
    pub fn new(article: &'a Article, options: &'a ExtractOptions) -> Self {
        let sentences = normalize::sentences(&article.analysis_text);
        Document {
            article,
            folded: Folded::new(&article.analysis_text),
            languages: language::Languages::detect(&article.analysis_text, &sentences),
            sentences,
            options,
        }
    }

    /// Spans (original offsets) of the runs of consecutive Latin-script
    /// sentences: what the Latin grammars read. Empty for an all-Arabic article.
    pub fn latin_runs(&self) -> Vec<Span> {
        let mut runs: Vec<Span> = Vec::new();
        let mut previous_latin = false;
        for (s, l) in self.sentences.iter().zip(&self.languages.sentences) {
            if !l.is_latin() {
                previous_latin = false;
                continue;
            }
            match runs.last_mut() {
                Some(r) if previous_latin => r.end = s.end,
                _ => runs.push(*s),
            }
            previous_latin = true;
        }
        runs
    }

    /// Drops the facts that start inside one of `runs` (from `latin_runs`):
    /// the Latin readers replace the Arabic reader's facts there.
    pub fn drop_facts_in_runs(runs: &[Span], facts: &mut Vec<Fact>) {
        facts.retain(|f| {
            !runs
                .iter()
                .any(|r| r.start <= f.span.start && f.span.start < r.end)
        });
    }

    /// The language of the sentence at an original offset.
    pub fn language_at(&self, at: usize) -> Language {
        let i = self.sentences.partition_point(|s| s.end <= at);
        match (self.sentences.get(i), self.languages.sentences.get(i)) {
            (Some(s), Some(l)) if s.start <= at => *l,
            _ => self.languages.article,
        }
    }

    /// Builds a fact from a match `[start, end)` in the folded text.
    pub fn fact(&self, kind: FactKind, start: usize, end: usize, value: Value) -> Fact {
        let span = self.folded.to_original(start, end);
        self.fact_at(kind, span, value)
    }

    /// Builds a fact from a span in original byte offsets.
    pub fn fact_at(&self, kind: FactKind, span: Span, value: Value) -> Fact {
        let text = self.article.quote(span).to_string();
        Fact {
            kind,
            language: self.languages.of_span(&self.sentences, span, &text),
            text,
            span,
            sentence: normalize::sentence_of(&self.sentences, span),
            value,
        }
    }

    /// The sentence containing a folded offset, in folded offsets.
    pub fn folded_sentence(&self, folded_at: usize) -> (usize, usize) {
        let original = self.folded.to_original(folded_at, folded_at + 1);
        let s = normalize::sentence_of(&self.sentences, original);
        (
            self.folded.from_original(s.start),
            self.folded.from_original(s.end),
        )
    }
}

/// Extracts every fact of an article, sorted by position; a figure or year
/// that is part of a date is reported once, as the date.
pub fn extract(article: &Article, options: &ExtractOptions) -> Vec<Fact> {
    extract_folded(article, options).0
}

/// [`extract`], also handing back the folded analysis text for the stages
/// that match on it next (grouping), so that it is folded once.
pub fn extract_folded(article: &Article, options: &ExtractOptions) -> (Vec<Fact>, String) {
    let doc = Document::new(article, options);
    let mut facts = date::extract(&doc);
    let years = year::extract(&doc);
    push_unless_overlapping(&mut facts, years);
    let numbers = number::extract(&doc);
    push_unless_overlapping(&mut facts, numbers);
    facts.extend(entity::extract(&doc));
    facts.sort_by_key(|f| (f.span, f.kind));
    (facts, doc.folded.text)
}

/// Spans that never overlap, kept in order of start: sorted so, their ends
/// grow too, and the last span starting before a new span's end is the only
/// one it can overlap. First come, first kept, in a search each (a list
/// scanned per span made large articles quadratic).
#[derive(Default)]
pub(crate) struct DisjointSpans(std::collections::BTreeSet<(usize, usize)>);

impl DisjointSpans {
    /// Keeps `[start, end)` unless it overlaps a kept span; says whether it did keep it.
    pub(crate) fn insert(&mut self, start: usize, end: usize) -> bool {
        let overlaps = self
            .0
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, e)| start < e);
        if !overlaps {
            self.0.insert((start, end));
        }
        !overlaps
    }
}

fn push_unless_overlapping(facts: &mut Vec<Fact>, candidates: Vec<Fact>) {
    // Taken spans sorted by start, with the furthest end so far: a candidate
    // overlaps one iff, among those starting before its end, the furthest
    // end lies past its start. A binary search each, where comparing every
    // pair cost dates × figures on a large article.
    let mut taken: Vec<Span> = facts.iter().map(|f| f.span).collect();
    taken.sort_unstable_by_key(|s| s.start);
    let furthest: Vec<usize> = taken
        .iter()
        .scan(0, |end, s| {
            *end = s.end.max(*end);
            Some(*end)
        })
        .collect();
    let overlaps = |c: Span| {
        let before_end = taken.partition_point(|t| t.start < c.end);
        before_end > 0 && furthest[before_end - 1] > c.start
    };
    facts.extend(candidates.into_iter().filter(|c| !overlaps(c.span)));
}
