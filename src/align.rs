//! Aligning the same fact across the articles of one event.
//!
//! A fact is aligned by what it is about, never by its position: a date by
//! the cue word nearest to it in its sentence (`data/topics.toml`: the
//! visit, the exhibition, the assembly …), a year by the event tag it is
//! glued to ("IGEF") or the words before it ("كأس العالم"), a figure by the
//! noun it counts. Facts of different topics are never compared. Facts with
//! no topic are left out of the comparison (they still show in `extract`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::model::{Article, Fact, FactKind, Span, Value};
use crate::normalize::{fold, Folded};
use crate::word_regex::Regex as FastRegex;

/// One fact as several articles give it: the unit that classification judges.
#[derive(Debug, Clone, Serialize)]
pub struct Slot {
    pub kind: FactKind,
    /// Stable key of the topic ("visit", "event:IGEF", "counted:امر").
    pub topic: String,
    /// Human label of the topic ("visit", "IGEF", "أمر").
    pub label: String,
    /// Per article of the group (by position in the group), its facts on this topic.
    pub claims: BTreeMap<usize, Vec<Fact>>,
}

struct Topic {
    key: String,
    label: String,
}

struct TopicLexicon {
    topics: Vec<Topic>,
    /// One alternation; capture group `i + 1` is topic `i`.
    pattern: FastRegex,
}

#[derive(serde::Deserialize)]
struct TopicEntry {
    label: String,
    cues: Vec<String>,
}

static TOPICS: LazyLock<TopicLexicon> = LazyLock::new(|| {
    let raw: BTreeMap<String, TopicEntry> = toml::from_str(include_str!("../data/topics.toml"))
        .expect("data/topics.toml is valid TOML");
    let mut topics = Vec::new();
    let mut alternatives = Vec::new();
    for (key, entry) in raw {
        let cues: Vec<String> = entry.cues.iter().map(|c| cue_pattern(c)).collect();
        alternatives.push(format!("({})", cues.join("|")));
        topics.push(Topic {
            key,
            label: entry.label,
        });
    }
    // Optional conjunction, preposition and article before the cue.
    let pattern = format!(
        r"\b(?:[وف]?(?:بال|لل|وال|ال|ب|ل|ك)?)(?:{})",
        alternatives.join("|")
    );
    TopicLexicon {
        topics,
        pattern: FastRegex::new(&pattern).expect("topic cues compile"),
    }
});

fn cue_pattern(cue: &str) -> String {
    let (stem, prefix_only) = match cue.strip_suffix('*') {
        Some(s) => (s, true),
        None => (cue, false),
    };
    let folded = fold(stem);
    let body: Vec<String> = folded.split_whitespace().map(regex::escape).collect();
    let body = body.join(r"\s+");
    if prefix_only {
        format!(r"{body}\w*")
    } else {
        // Whole word, allowing the plural -ات and the pronouns -ها/-هم; not a
        // bare -ه, which after folding is also ta marbuta: "زار" must not
        // match "وزارة" (ministry).
        format!(r"{body}(?:ها|هم|ات)?\b")
    }
}

/// A cue found in an article: its topic and folded span.
struct Cue {
    topic: usize,
    start: usize,
    end: usize,
}

fn find_cues(folded: &str) -> Vec<Cue> {
    let lexicon = &*TOPICS;
    let mut cues = Vec::new();
    for caps in lexicon.pattern.captures_iter(folded) {
        for i in 0..lexicon.topics.len() {
            if let Some(m) = caps.get(i + 1) {
                cues.push(Cue {
                    topic: i,
                    start: m.start(),
                    end: m.end(),
                });
                break;
            }
        }
    }
    cues
}

/// The topic of each fact of one article (None: not compared).
pub fn topics(article: &Article, facts: &[Fact]) -> Vec<Option<(String, String)>> {
    let folded = Folded::new(&article.analysis_text);
    let cues = find_cues(&folded.text);
    let to_folded = |s: Span| (folded.from_original(s.start), folded.from_original(s.end));

    // Event tags take the topic of the cue nearest to them ("المعرض … IGEF 24").
    let tags: Vec<(usize, usize, String, String)> = facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Year(y) => y.event.as_ref().map(|tag| {
                let (s, e) = to_folded(f.span);
                let sentence = to_folded(f.sentence);
                let topic = nearest(&folded.text, &cues, s, e, sentence)
                    .map(|c| {
                        let t = &TOPICS.topics[c.topic];
                        (t.key.clone(), t.label.clone())
                    })
                    .unwrap_or_else(|| (format!("event:{tag}"), tag.clone()));
                (s, e, topic.0, topic.1)
            }),
            _ => None,
        })
        .collect();

    facts
        .iter()
        .map(|fact| {
            let (s, e) = to_folded(fact.span);
            let sentence = to_folded(fact.sentence);
            match (&fact.kind, &fact.value) {
                (FactKind::Date, _) => {
                    let cue = nearest(&folded.text, &cues, s, e, sentence).map(|c| {
                        let t = &TOPICS.topics[c.topic];
                        (
                            distance(&folded.text, c.start, c.end, s, e),
                            t.key.clone(),
                            t.label.clone(),
                        )
                    });
                    let tag = tags
                        .iter()
                        .filter(|t| sentence.0 <= t.0 && t.1 <= sentence.1)
                        .map(|t| {
                            (
                                distance(&folded.text, t.0, t.1, s, e),
                                t.2.clone(),
                                t.3.clone(),
                            )
                        })
                        .min();
                    match (cue, tag) {
                        (Some(c), Some(t)) => Some(if t.0 < c.0 { (t.1, t.2) } else { (c.1, c.2) }),
                        (Some(c), None) => Some((c.1, c.2)),
                        (None, Some(t)) => Some((t.1, t.2)),
                        (None, None) => None,
                    }
                }
                (FactKind::Year, Value::Year(y)) => match &y.event {
                    Some(tag) => Some((format!("event:{tag}"), tag.clone())),
                    None => preceding_words(&folded.text, s, sentence.0).map(|(key, ws, we)| {
                        let label = article.quote(folded.to_original(ws, we)).to_string();
                        (format!("year:{key}"), label)
                    }),
                },
                (FactKind::Number, Value::Number(n)) => n.counted.as_ref().map(|c| {
                    (
                        format!("counted:{c}:{:?}", n.form).to_lowercase(),
                        c.clone(),
                    )
                }),
                _ => None,
            }
        })
        .collect()
}

/// The cue nearest to `[s, e)` inside the sentence.
fn nearest<'c>(
    text: &str,
    cues: &'c [Cue],
    s: usize,
    e: usize,
    sentence: (usize, usize),
) -> Option<&'c Cue> {
    cues.iter()
        .filter(|c| sentence.0 <= c.start && c.end <= sentence.1)
        .filter(|c| c.end <= s || c.start >= e)
        .min_by_key(|c| distance(text, c.start, c.end, s, e))
}

/// Bytes between a cue and a fact, plus a clause's worth for every comma
/// between them: "… الجمعية العامة … في نونبر المقبل، إضافة إلى كأس …"
/// dates the assembly, not the cup named after the comma.
fn distance(text: &str, cs: usize, ce: usize, s: usize, e: usize) -> usize {
    const CLAUSE: usize = 200;
    let (from, to) = if ce <= s { (ce, s) } else { (e, cs.max(e)) };
    let commas = text
        .get(from..to)
        .map_or(0, |between| between.matches(',').count());
    (to - from) + CLAUSE * commas
}

/// The two words before a year, as its topic ("كأس العالم" in "كأس العالم
/// 2030"): the folded key and the folded byte range they cover.
fn preceding_words(
    folded: &str,
    at: usize,
    sentence_start: usize,
) -> Option<(String, usize, usize)> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+").expect("word pattern"));
    let before = folded.get(sentence_start..at)?;
    let words: Vec<regex::Match> = WORD
        .find_iter(before)
        .filter(|m| !matches!(m.as_str(), "في" | "من" | "الي" | "عام" | "سنه" | "العام"))
        .collect();
    let keep = &words[words.len().saturating_sub(2)..];
    let (first, last) = (keep.first()?, keep.last()?);
    let key = keep
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        key,
        sentence_start + first.start(),
        sentence_start + last.end(),
    ))
}

/// Aligns the facts of a group's articles into slots, one per (kind, topic).
/// `docs[i]` is the i-th article of the group with its facts.
pub fn align(docs: &[(&Article, &[Fact])]) -> Vec<Slot> {
    let mut slots: BTreeMap<(FactKind, String), Slot> = BTreeMap::new();
    for (i, (article, facts)) in docs.iter().enumerate() {
        let comparable: Vec<&Fact> = facts
            .iter()
            .filter(|f| matches!(f.kind, FactKind::Date | FactKind::Year | FactKind::Number))
            .collect();
        let owned: Vec<Fact> = comparable.iter().map(|f| (*f).clone()).collect();
        for (fact, topic) in owned.iter().zip(topics(article, &owned)) {
            let Some((key, label)) = topic else { continue };
            let slot = slots
                .entry((fact.kind, key.clone()))
                .or_insert_with(|| Slot {
                    kind: fact.kind,
                    topic: key,
                    label,
                    claims: BTreeMap::new(),
                });
            slot.claims.entry(i).or_default().push(fact.clone());
        }
    }
    slots.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_match_with_prefixes_and_pronouns_but_not_inside_other_words() {
        let text = fold("خلال زيارته للمعرض الدولي، وفي وزارة الداخلية، والجمعية العامة");
        let cues = find_cues(&text);
        let found: Vec<&str> = cues
            .iter()
            .map(|c| TOPICS.topics[c.topic].key.as_str())
            .collect();
        assert_eq!(found, vec!["visit", "exhibition", "assembly"]);
    }

    #[test]
    fn preceding_words_name_a_bare_year() {
        let text = fold("إضافة إلى كأس أمم إفريقيا 2025 وكأس العالم 2030");
        let at = text.find("2030").unwrap();
        let (key, start, end) = preceding_words(&text, at, 0).unwrap();
        assert_eq!(key, "وكاس العالم");
        assert_eq!(&text[start..end], "وكاس العالم");
    }
}
