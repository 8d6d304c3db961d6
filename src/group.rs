//! Grouping articles by event.
//!
//! Each article becomes a weighted term vector (folded content words, event
//! tags, months, places). Candidate pairs come from a [`CandidatePairs`]
//! source, so that a blocking index can serve large inputs; each candidate
//! pair is scored by cosine similarity, blended with the overlap of the
//! articles' anchors (event tags, venues). Two articles with different event
//! tags, or set in disjoint places, are never the same event (a veto, not a
//! penalty). Pairs at or above the threshold are then merged, best first, into
//! groups under two conditions that stop chaining: every pair across the two
//! groups must be compatible (no tag or venue conflict), and at least half of
//! those pairs must themselves score at or above the threshold (a new member
//! must link to the group, not to one member of it).
//!
//! Terms are interned once, process-wide, to `u32` ids: an article's features
//! keep ids and counts, never strings.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{LazyLock, RwLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::entity;
use crate::model::{Article, Fact, FactKind, Role, Value, YearValue};
use crate::normalize::fold;

/// Settings for grouping.
#[derive(Debug, Clone)]
pub struct GroupOptions {
    /// Two articles whose similarity reaches this are the same event.
    pub threshold: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// Calibrated on the seeds: the three Ankara articles score 0.59–0.62 with
/// each other, the other pairs (the same official at other events) 0.02–0.05;
/// on text alone (no anchors), same-event pairs score 0.2–0.25.
pub const DEFAULT_THRESHOLD: f64 = 0.2;

/// A group of articles about one event.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Indices into the article list, ascending.
    pub members: Vec<usize>,
    /// The scored links that joined the group (empty for a group of one).
    pub links: Vec<Link>,
}

/// Why two articles were joined: their similarity and the terms they share most.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f64,
    /// The shared terms that weigh most in the score, folded.
    pub shared: Vec<String>,
}

/// One article's features for grouping.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// (term id, raw count), ascending by id, one entry per term; ids come
    /// from the process-wide interner (see [`term_text`]).
    pub terms: Vec<(u32, u32)>,
    /// What pins the article to one event: where it happens (venues, with
    /// each city's country) and its event tags ("IGEF").
    pub anchors: BTreeSet<String>,
    /// The venues alone: two articles set in different places are not one event.
    pub venues: BTreeSet<String>,
}

impl Features {
    /// Adds `count` occurrences of a (folded) term.
    pub fn add_term(&mut self, term: &str, count: u32) {
        let id = intern(&[term])[0];
        match self.terms.binary_search_by_key(&id, |&(t, _)| t) {
            Ok(k) => self.terms[k].1 += count,
            Err(k) => self.terms.insert(k, (id, count)),
        }
    }

    /// Event tags carried by the article, lowercased.
    fn tags(&self) -> impl Iterator<Item = &str> {
        self.anchors.iter().filter_map(|a| a.strip_prefix("event:"))
    }
}

/// Every term seen by [`features`], numbered in order of first sight.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
}

static INTERNER: LazyLock<RwLock<Interner>> = LazyLock::new(RwLock::default);

/// Ids of the terms, interning the new ones. One read lock for the known
/// terms, one write lock only when some are new.
fn intern(terms: &[&str]) -> Vec<u32> {
    let mut ids = vec![u32::MAX; terms.len()];
    let mut missing = false;
    {
        let r = INTERNER.read().unwrap_or_else(|e| e.into_inner());
        for (id, t) in ids.iter_mut().zip(terms) {
            match r.ids.get(*t) {
                Some(&x) => *id = x,
                None => missing = true,
            }
        }
    }
    if missing {
        let mut w = INTERNER.write().unwrap_or_else(|e| e.into_inner());
        for (id, t) in ids.iter_mut().zip(terms) {
            if *id == u32::MAX {
                *id = match w.ids.get(*t) {
                    Some(&x) => x,
                    None => {
                        let x = w.terms.len() as u32;
                        w.terms.push((*t).into());
                        w.ids.insert((*t).into(), x);
                        x
                    }
                };
            }
        }
    }
    ids
}

/// The text of an interned term id (empty for an unknown id).
pub fn term_text(id: u32) -> String {
    let r = INTERNER.read().unwrap_or_else(|e| e.into_inner());
    r.terms
        .get(id as usize)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Builds an article's features from its analysed text and its facts.
pub fn features(article: &Article, facts: &[Fact]) -> Features {
    features_of_folded(
        &fold(&article.analysis_text),
        facts,
        entity::builtin_lexicon(),
    )
}

/// [`features`] from the folded analysis text that extraction already made
/// (see `extract::extract_folded`), so that the text is not folded twice, and
/// with the run's lexicon, so that a config's extra city counts as part of its country.
pub fn features_of_folded(folded: &str, facts: &[Fact], lexicon: &entity::Lexicon) -> Features {
    let mut terms: HashMap<Cow<str>, u32> = HashMap::new();
    let mut anchors = BTreeSet::new();
    let mut venues = BTreeSet::new();
    for fact in facts {
        match &fact.value {
            Value::Year(YearValue {
                event: Some(tag), ..
            }) => {
                anchors.insert(format!("event:{}", tag.to_lowercase()));
            }
            Value::Entity(e) if fact.kind == FactKind::Place && e.role == Role::Venue => {
                venues.insert(e.key.clone());
                if let Some(country) = lexicon.country_of(&e.key) {
                    venues.insert(country.to_string());
                }
            }
            _ => {}
        }
    }
    anchors.extend(venues.iter().map(|v| format!("venue:{v}")));
    for word in content_words(folded) {
        *terms.entry(Cow::Borrowed(word)).or_default() += 1;
    }
    // Facts weigh in as their own terms: the event tag, the month, the place.
    for fact in facts {
        let term = match (&fact.kind, &fact.value) {
            (FactKind::Year, Value::Year(y)) => y
                .event
                .as_ref()
                .map(|e| format!("#event:{}", e.to_lowercase())),
            (FactKind::Date, Value::Date(d)) => Some(format!("#month:{}", d.start.month)),
            (FactKind::Place | FactKind::Organization | FactKind::Person, Value::Entity(e)) => {
                Some(format!("#{}:{}", fact.kind.as_str(), e.key))
            }
            _ => None,
        };
        if let Some(t) = term {
            *terms.entry(Cow::Owned(t)).or_default() += 2;
        }
    }
    // Where and when together: rare enough to propose an untagged article as
    // a candidate (a blocking key), and evidence of one event in the score.
    for fact in facts {
        if let Value::Date(d) = &fact.value {
            if d.start.year.is_none() {
                continue;
            }
            let month = format!("{:04}-{:02}", d.start.year.unwrap_or(0), d.start.month);
            for v in &venues {
                *terms
                    .entry(Cow::Owned(format!("#in:{v}:{month}")))
                    .or_default() += 1;
                if d.start.day.is_some() {
                    let on = format!("#on:{v}:{}", d.start.normalized());
                    *terms.entry(Cow::Owned(on)).or_default() += 1;
                }
            }
        }
    }
    let (words, counts): (Vec<&str>, Vec<u32>) =
        terms.iter().map(|(t, &c)| (t.as_ref(), c)).unzip();
    let mut terms: Vec<(u32, u32)> = intern(&words).into_iter().zip(counts).collect();
    terms.sort_unstable();
    Features {
        terms,
        anchors,
        venues,
    }
}

/// Folded words worth comparing: letters only, prefixes و/ال/بال/لل stripped, no stop words.
pub fn content_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .map(strip_prefixes)
        .filter(|w| {
            w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !is_stop_word(w)
        })
}

fn strip_prefixes(word: &str) -> &str {
    let mut w = word;
    for prefix in ["وال", "بال", "لل", "ال", "فال", "كال"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            if rest.chars().count() >= 3 {
                w = rest;
                break;
            }
        }
    }
    w
}

fn is_stop_word(w: &str) -> bool {
    // Function words and news filler that every article shares.
    const STOP: &[&str] = &[
        "التي",
        "الذي",
        "الذين",
        "هذه",
        "هذا",
        "ذلك",
        "تلك",
        "على",
        "علي",
        "الي",
        "الى",
        "مع",
        "من",
        "في",
        "عن",
        "بين",
        "خلال",
        "حيث",
        "كما",
        "وقد",
        "قد",
        "انه",
        "ان",
        "او",
        "ثم",
        "كان",
        "كانت",
        "بعد",
        "قبل",
        "عند",
        "حول",
        "اجل",
        "وفق",
        "ضمن",
        "بما",
        "مما",
        "لها",
        "له",
        "فيه",
        "فيها",
        "منها",
        "منه",
        "عليه",
        "اليها",
        "اليه",
        "وهو",
        "وهي",
        "هو",
        "هي",
        "ومن",
        "وفي",
        "الا",
        "غير",
        "جانب",
        "اضافه",
        "بهذا",
        "and",
        "the",
        "for",
        "with",
        "les",
        "des",
        "pour",
        "dans",
    ];
    STOP.contains(&w)
}

/// Where candidate pairs come from: all pairs for small inputs, a blocking
/// index for large ones. Pairs are `(i, j)` with `i < j`, sorted, without repeats.
pub trait CandidatePairs {
    fn candidates(&self, features: &[Features]) -> Vec<(usize, usize)>;
}

/// Every pair: exact, quadratic, fine for a few hundred articles.
pub struct AllPairs;

impl CandidatePairs for AllPairs {
    fn candidates(&self, features: &[Features]) -> Vec<(usize, usize)> {
        let n = features.len();
        (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect()
    }
}

/// Up to this many articles, [`Auto`] scores every pair.
pub const ALL_PAIRS_MAX: usize = 500;

/// All pairs for small inputs, a [`Blocking`] index above [`ALL_PAIRS_MAX`].
pub struct Auto;

impl CandidatePairs for Auto {
    fn candidates(&self, features: &[Features]) -> Vec<(usize, usize)> {
        if features.len() <= ALL_PAIRS_MAX {
            AllPairs.candidates(features)
        } else {
            Blocking::default().candidates(features)
        }
    }
}

/// Candidate pairs from an inverted index over rare terms: each article
/// proposes every other article that shares one of its `keys` rarest terms
/// (event tags, names, places, uncommon words). A term found in more than
/// `max_df` articles is no evidence of one event and is not a key. The
/// number of pairs is at most `n × keys × max_df`, never n².
pub struct Blocking {
    pub keys: usize,
    pub max_df: usize,
}

impl Default for Blocking {
    fn default() -> Self {
        Blocking {
            keys: 12,
            max_df: 64,
        }
    }
}

impl CandidatePairs for Blocking {
    fn candidates(&self, features: &[Features]) -> Vec<(usize, usize)> {
        let vocab = Vocabulary::new(features);
        vocab
            .blocking_pairs(self.keys, self.max_df)
            .into_iter()
            .map(|(i, j)| (i as usize, j as usize))
            .collect()
    }
}

/// The terms in use, renumbered densely in their sorted order (so that
/// results never depend on the order in which threads interned them), with
/// each article's terms as local ids.
struct Vocabulary {
    /// Local id → interned id; local ids follow the terms' sorted order.
    terms: Vec<u32>,
    /// Term id → number of articles that use it.
    df: Vec<u32>,
    /// Per article: (term id, raw count), ascending by id.
    docs: Vec<Vec<(u32, u32)>>,
}

impl Vocabulary {
    fn new(features: &[Features]) -> Self {
        let mut all: Vec<u32> = features
            .par_iter()
            .flat_map_iter(|f| f.terms.iter().map(|&(t, _)| t))
            .collect();
        all.par_sort_unstable();
        all.dedup();
        {
            let r = INTERNER.read().unwrap_or_else(|e| e.into_inner());
            let text = |t: u32| r.terms.get(t as usize).map(|s| &**s).unwrap_or("");
            all.par_sort_unstable_by(|&a, &b| text(a).cmp(text(b)).then(a.cmp(&b)));
        }
        let top = all.iter().max().map_or(0, |&m| m as usize + 1);
        let mut index = vec![u32::MAX; top];
        for (local, &t) in all.iter().enumerate() {
            index[t as usize] = local as u32;
        }
        let docs: Vec<Vec<(u32, u32)>> = features
            .par_iter()
            .map(|f| {
                let mut d: Vec<(u32, u32)> = f
                    .terms
                    .iter()
                    .map(|&(t, c)| (index[t as usize], c))
                    .collect();
                d.sort_unstable();
                d
            })
            .collect();
        drop(index);
        let mut df = vec![0u32; all.len()];
        for d in &docs {
            for &(t, _) in d {
                df[t as usize] += 1;
            }
        }
        Vocabulary {
            terms: all,
            df,
            docs,
        }
    }

    fn blocking_pairs(&self, keys: usize, max_df: usize) -> Vec<(u32, u32)> {
        let usable = |t: u32| {
            let d = self.df[t as usize] as usize;
            (2..=max_df).contains(&d)
        };
        // Postings of the usable terms only.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.terms.len()];
        for (i, d) in self.docs.iter().enumerate() {
            for &(t, _) in d {
                if usable(t) {
                    postings[t as usize].push(i as u32);
                }
            }
        }
        let mut pairs: Vec<(u32, u32)> = self
            .docs
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, d)| {
                let mut rare: Vec<u32> = d.iter().map(|&(t, _)| t).filter(|&t| usable(t)).collect();
                rare.sort_unstable_by_key(|&t| (self.df[t as usize], t));
                rare.truncate(keys);
                let i = i as u32;
                let mut mine: Vec<(u32, u32)> = rare
                    .iter()
                    .flat_map(|&t| postings[t as usize].iter())
                    .filter(|&&j| j != i)
                    .map(|&j| (i.min(j), i.max(j)))
                    .collect();
                mine.sort_unstable();
                mine.dedup();
                mine
            })
            .collect();
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// Weighted vectors: sublinear term frequency × smoothed inverse document frequency.
struct Vectors {
    vocab: Vocabulary,
    /// Per article: (term id, weight), ascending by id (so by term).
    weights: Vec<Vec<(u32, f64)>>,
    norms: Vec<f64>,
}

impl Vectors {
    fn new(features: &[Features]) -> Self {
        let vocab = Vocabulary::new(features);
        let n = features.len() as f64;
        let weights: Vec<Vec<(u32, f64)>> = vocab
            .docs
            .par_iter()
            .map(|d| {
                d.iter()
                    .map(|&(t, c)| {
                        // ln(1 + N/df) stays positive when every article shares a term,
                        // so that a set of articles all about one event still groups.
                        let idf = (1.0 + n / f64::from(vocab.df[t as usize])).ln();
                        (t, (1.0 + f64::from(c).ln()) * idf)
                    })
                    .collect()
            })
            .collect();
        let norms = weights
            .iter()
            .map(|w| w.iter().map(|(_, x)| x * x).sum::<f64>().sqrt())
            .collect();
        Vectors {
            vocab,
            weights,
            norms,
        }
    }

    /// Text similarity blended with anchor overlap: cosine alone when either
    /// article has no anchors or when they share only places; zero when the
    /// anchors conflict (see [`compatible`]).
    fn score(&self, features: &[Features], i: usize, j: usize) -> f64 {
        let (a, b) = (&features[i], &features[j]);
        if !compatible(a, b) {
            return 0.0;
        }
        let cosine = self.cosine(i, j);
        let common: Vec<&String> = a.anchors.intersection(&b.anchors).collect();
        let shares_tag = common.iter().any(|t| t.starts_with("event:"));
        if a.anchors.is_empty() || b.anchors.is_empty() {
            cosine
        } else if !common.is_empty() && !shares_tag {
            // The same city alone is no evidence: a day's news has many events in the capital.
            cosine
        } else {
            let overlap = common.len() as f64 / a.anchors.len().min(b.anchors.len()) as f64;
            0.5 * cosine + 0.5 * overlap
        }
    }

    /// Merge-join of two sorted vectors; terms are visited in sorted order.
    fn cosine(&self, i: usize, j: usize) -> f64 {
        let denom = self.norms[i] * self.norms[j];
        if denom <= 0.0 {
            return 0.0;
        }
        let mut dot = 0.0;
        self.shared_terms(i, j, |_, p| dot += p);
        dot / denom
    }

    fn shared_terms(&self, i: usize, j: usize, mut each: impl FnMut(u32, f64)) {
        let (a, b) = (&self.weights[i], &self.weights[j]);
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    each(a[x].0, a[x].1 * b[y].1);
                    x += 1;
                    y += 1;
                }
            }
        }
    }

    /// The shared terms that weigh most in the score, heaviest first.
    fn top_shared(&self, i: usize, j: usize) -> Vec<String> {
        let mut shared: Vec<(f64, u32)> = Vec::new();
        self.shared_terms(i, j, |t, p| shared.push((p, t)));
        // Local ids follow the terms' sorted order: ties break by term.
        shared.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(&q.1)));
        shared.truncate(8);
        // One read lock per link, not one per term.
        let r = INTERNER.read().unwrap_or_else(|e| e.into_inner());
        shared
            .into_iter()
            .map(|(_, t)| {
                r.terms
                    .get(self.vocab.terms[t as usize] as usize)
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// Can two articles be about one event? Not when both carry event tags and
/// share none ("IGEF" and "GITEX" are two events), nor when both name venues
/// and share none (neither city nor country).
fn compatible(a: &Features, b: &Features) -> bool {
    let (mut ta, mut tb) = (a.tags().peekable(), b.tags().peekable());
    if ta.peek().is_some() && tb.peek().is_some() {
        let tb: Vec<&str> = tb.collect();
        if !ta.any(|t| tb.contains(&t)) {
            return false;
        }
    }
    a.venues.is_empty() || b.venues.is_empty() || !a.venues.is_disjoint(&b.venues)
}

/// Groups articles by event. Groups are ordered by their first member.
pub fn group(
    features: &[Features],
    source: &dyn CandidatePairs,
    options: &GroupOptions,
) -> Vec<Group> {
    let vectors = Vectors::new(features);
    let candidates = source.candidates(features);
    // Scoring is independent per pair; joining then runs in pair order.
    let kept: Vec<(usize, usize, f64)> = candidates
        .par_iter()
        .filter_map(|&(i, j)| {
            let score = vectors.score(features, i, j);
            (score >= options.threshold).then_some((i, j, score))
        })
        .collect();
    drop(candidates);
    let n = features.len();
    // Each article's linked articles, ascending, to count links across groups.
    let mut adjacent: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(i, j, _) in &kept {
        adjacent[i].push(j as u32);
        adjacent[j].push(i as u32);
    }
    for a in &mut adjacent {
        a.sort_unstable();
    }
    // Best links first; ties in pair order, so the result is deterministic.
    let mut order: Vec<usize> = (0..kept.len()).collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&kept[x], &kept[y]);
        q.2.total_cmp(&p.2).then((p.0, p.1).cmp(&(q.0, q.1)))
    });
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for k in order {
        let (i, j, _) = kept[k];
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj || !coherent(features, &adjacent, &members[ri], &members[rj]) {
            continue;
        }
        // The smaller index is the root: each group's root is its first member.
        let (lo, hi) = if ri < rj { (ri, rj) } else { (rj, ri) };
        parent[hi] = lo;
        let moved = std::mem::take(&mut members[hi]);
        members[lo].extend(moved);
    }
    drop(members);
    drop(adjacent);
    let mut by_root: BTreeMap<usize, Group> = BTreeMap::new();
    for i in 0..features.len() {
        by_root
            .entry(find(&mut parent, i))
            .or_insert_with(|| Group {
                members: Vec::new(),
                links: Vec::new(),
            })
            .members
            .push(i);
    }
    let links: Vec<(usize, Link)> = kept
        .par_iter()
        .map(|&(i, j, score)| {
            let link = Link {
                a: i,
                b: j,
                score: round3(score),
                shared: vectors.top_shared(i, j),
            };
            (i, link)
        })
        .collect();
    for (i, link) in links {
        let root = find(&mut parent, i);
        // A link between two groups that were not merged joins nothing.
        if find(&mut parent, link.b) != root {
            continue;
        }
        if let Some(g) = by_root.get_mut(&root) {
            g.links.push(link);
        }
    }
    // Roots are each group's smallest member, so the map's order is the members' order.
    by_root.into_values().collect()
}

/// All pairwise scores, for explaining why articles were or were not grouped.
#[allow(clippy::needless_range_loop)]
pub fn score_matrix(features: &[Features]) -> Vec<Vec<f64>> {
    let vectors = Vectors::new(features);
    let n = features.len();
    let mut m = vec![vec![1.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s = round3(vectors.score(features, i, j));
            m[i][j] = s;
            m[j][i] = s;
        }
    }
    m
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// May two groups merge? Every pair across them must be compatible, and at
/// least half of those pairs must be linked (score at or above the threshold):
/// average linkage in spirit, so that one strong link cannot chain two events.
fn coherent(features: &[Features], adjacent: &[Vec<u32>], a: &[usize], b: &[usize]) -> bool {
    let mut links = 0usize;
    for &x in a {
        for &y in b {
            if !compatible(&features[x], &features[y]) {
                return false;
            }
            if adjacent[x].binary_search(&(y as u32)).is_ok() {
                links += 1;
            }
        }
    }
    2 * links >= a.len() * b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(texts: &[&str]) -> Vec<Features> {
        texts
            .iter()
            .map(|t| features(&Article::from_text("t", *t), &[]))
            .collect()
    }

    #[test]
    fn articles_about_the_same_visit_group_and_an_unrelated_one_stays_apart() {
        let f = feats(&[
            "زار حموشي أنقرة لحضور المعرض الدولي لتجهيزات الأمن الداخلي والتقى نائب وزير الداخلية التركي",
            "حموشي في أنقرة: مباحثات مع نائب وزير الداخلية التركي على هامش المعرض الدولي لتجهيزات الأمن",
            "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج",
        ]);
        let groups = group(&f, &AllPairs, &GroupOptions::default());
        let members: Vec<Vec<usize>> = groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 1], vec![2]]);
        assert!(groups[0].links[0].score >= DEFAULT_THRESHOLD);
        assert!(groups[1].links.is_empty());
    }

    #[test]
    fn content_words_strip_article_and_drop_function_words() {
        let folded = fold("والمعرض الدولي في أنقرة التي");
        let words: Vec<&str> = content_words(&folded).collect();
        assert_eq!(words, vec!["معرض", "دولي", "انقره"]);
    }

    #[test]
    fn grouping_does_not_depend_on_input_order() {
        let texts = [
            "معرض الدفاع في الرياض",
            "أسعار النفط ترتفع",
            "معرض الدفاع العالمي بالرياض",
        ];
        let g1 = group(&feats(&texts), &AllPairs, &GroupOptions::default());
        let reversed: Vec<&str> = texts.iter().rev().copied().collect();
        let g2 = group(&feats(&reversed), &AllPairs, &GroupOptions::default());
        assert_eq!(g1.len(), g2.len());
        assert_eq!(
            g1.iter().map(|g| g.members.len()).max(),
            g2.iter().map(|g| g.members.len()).max()
        );
    }

    #[test]
    fn blocking_proposes_articles_sharing_a_rare_name_and_not_unrelated_ones() {
        let mut texts = vec![
            "حموشي في أنقرة للمشاركة في معرض IGEF لتجهيزات الأمن",
            "زيارة حموشي إلى أنقرة ومعرض IGEF الدولي",
            "ارتفعت أسعار النفط في الأسواق العالمية",
        ];
        // Filler that makes the common words common.
        texts.extend(std::iter::repeat_n("أخبار الأسواق والأسعار اليوم", 10));
        let f = feats(&texts);
        let pairs = Blocking::default().candidates(&f);
        assert!(pairs.contains(&(0, 1)));
        assert!(!pairs
            .iter()
            .any(|&(i, j)| (i, j) == (0, 2) || (i, j) == (1, 2)));
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    }

    #[test]
    fn blocking_skips_terms_found_in_too_many_articles() {
        let texts: Vec<String> = (0..20).map(|i| format!("اجتماع مشترك رقم {i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let f = feats(&refs);
        let pairs = Blocking { keys: 4, max_df: 5 }.candidates(&f);
        assert!(pairs.is_empty(), "{pairs:?}");
    }

    #[test]
    fn blocking_groups_like_all_pairs_on_distinct_events() {
        let texts = [
            "حموشي في أنقرة للمشاركة في معرض IGEF لتجهيزات الأمن الداخلي",
            "زيارة حموشي إلى أنقرة ومعرض IGEF الدولي لتجهيزات الأمن",
            "ارتفعت أسعار النفط بعد قرار منظمة أوبك خفض الإنتاج",
            "أوبك تقرر خفض الإنتاج وأسعار النفط ترتفع",
            "افتتاح معرض الكتاب في القاهرة بمشاركة دور النشر",
        ];
        let f = feats(&texts);
        let all = group(&f, &AllPairs, &GroupOptions::default());
        let blocked = group(&f, &Blocking::default(), &GroupOptions::default());
        let members = |g: &[Group]| g.iter().map(|g| g.members.clone()).collect::<Vec<_>>();
        assert_eq!(members(&all), members(&blocked));
        assert_eq!(members(&all), vec![vec![0, 1], vec![2, 3], vec![4]]);
    }

    #[test]
    fn different_event_tags_in_the_same_city_are_not_joined_by_the_city() {
        let f = feats(&["افتتاح معرض الكتاب الدولي", "انطلاق قمة المناخ العالمية"]);
        let mut a = f[0].clone();
        let mut b = f[1].clone();
        for (x, tag) in [(&mut a, "event:igef"), (&mut b, "event:gitex")] {
            x.anchors.insert(tag.to_string());
            x.anchors.insert("venue:انقره".to_string());
            x.venues.insert("انقره".to_string());
            x.add_term("انقره", 1);
        }
        let groups = group(&[a, b], &AllPairs, &GroupOptions::default());
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn an_extra_city_from_the_config_stands_for_its_country_too() {
        use crate::extract::{self, entity::Extras, ExtractOptions};
        let extras = Extras {
            places: vec!["شفشاون = المغرب".to_string()],
            ..Extras::default()
        };
        let lexicon = entity::lexicon_with(&extras).unwrap();
        let options = ExtractOptions {
            lexicon: Some(lexicon.clone()),
            ..ExtractOptions::default()
        };
        let article = Article::from_text(
            "a",
            "احتضنت مدينة شفشاون يوم الخميس أشغال الملتقى الجهوي للأمن السياحي.",
        );
        let (facts, folded) = extract::extract_folded(&article, &options);
        let f = features_of_folded(&folded, &facts, &lexicon);
        assert!(
            f.venues.contains("شفشاون") && f.venues.contains("المغرب"),
            "{:?}",
            f.venues
        );
        // The built-in lexicon does not know the city's country.
        let builtin = features_of_folded(&folded, &facts, entity::builtin_lexicon());
        assert!(!builtin.venues.contains("المغرب"));
    }
}
