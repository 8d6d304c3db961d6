//! Grouping articles by event.
//!
//! **The grouping rule.** Two articles are about one event when their score
//! reaches the threshold (0.2 by default) and no separation rule keeps them
//! apart. The score combines two independent measures, each computed from
//! the two articles and fixed, shipped data only (never from the rest of the
//! folder, so an event's articles group the same alone or in an archive):
//!
//! - the *text*: cosine of the articles' content words (folded, Arabic
//!   article stripped) weighted by background word frequencies
//!   ([`weights`], from a published frequency list), plus their facts as
//!   terms (places, people, months, event tags);
//! - the *signature* ([`signature`]): when (stated dates, publication date),
//!   where (places canonical across languages, [`places`]), who (people under
//!   a cross-script key, [`crate::translit`]), what (edition number, event
//!   tags, distinctive figures). It is what joins a French or English article
//!   to the Arabic coverage, since they share no words.
//!
//! [`evidence`] compares two signatures channel by channel and applies the
//! separation rule (another edition, another trip, a later event in the
//! same region need two disagreements, or one against fewer than two
//! agreements); its module doc gives the table.
//!
//! Pairs at or above the threshold are merged best first, a *contested*
//! pair (linked although one channel disagrees, outweighed by others) at
//! half its score: an article that agrees cleanly with its own event joins
//! it before a look-alike event it contradicts (same city and official,
//! dates ten days apart) can claim it; the score shown stays the pair's.
//! Merges run under two conditions that stop chaining: no pair across the two groups is kept
//! apart, and at least half of the pairs across them are linked, or the
//! groups are joined by near-duplicates only (wire copy, which may be
//! sampled at scale, see [`Blocking`]).
//!
//! Every link carries why it was made, and every group the nearest article
//! left out and why ([`NearMiss`]), for the report's "explain both ways".
//!
//! Terms are interned once, process-wide, to `u32` ids: an article's features
//! keep ids and counts, never strings.

pub mod event_kind;
pub mod evidence;
pub mod places;
pub mod signature;
pub mod weights;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// FxHash for term maps: fast and unkeyed; term ids never depend on the
/// map's order (see [`Vocabulary`]), so any hasher gives the same result.
type TermMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::sync::{LazyLock, RwLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::entity;
use crate::model::{Article, Fact, FactKind, Role, Value};
use crate::normalize::fold;
use signature::Signature;

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
    /// The article outside the group that came nearest, and why it was left out.
    pub nearest: Option<NearMiss>,
}

/// The nearest article not grouped with an event, and why not.
#[derive(Debug, Clone, Serialize)]
pub struct NearMiss {
    /// The member it came nearest to.
    pub member: usize,
    /// The article left out.
    pub other: usize,
    /// Its score with that member (0 when a separation rule kept them apart).
    pub score: f64,
    /// Why not: the disagreements ("edition: 5th edition vs 6th edition"),
    /// or that the score stayed below the threshold.
    pub why_not: Vec<String>,
}

/// Why two articles were joined: their similarity and the terms they share most.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f64,
    /// The shared terms that weigh most in the score, folded.
    pub shared: Vec<String>,
    /// The signature channels that agree ("people: مارتينا كيلر / Martina Keller").
    pub why: Vec<String>,
}

/// One article's features for grouping.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// (term id, raw count), ascending by id, one entry per term; ids come
    /// from the process-wide interner (see [`term_text`]).
    pub terms: Vec<(u32, u32)>,
    /// What pins the article to one event, in any language.
    pub sig: Signature,
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
}

/// Every term seen by [`features`], numbered in order of first sight.
#[derive(Default)]
struct Interner {
    ids: TermMap<Box<str>, u32>,
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
        article,
        &fold(&article.analysis_text),
        facts,
        entity::builtin_lexicon(),
    )
}

/// [`features`] from the folded analysis text that extraction already made
/// (see `extract::extract_folded`), so that the text is not folded twice, and
/// with the run's lexicon, so that a config's extra city counts as part of its country.
pub fn features_of_folded(
    article: &Article,
    folded: &str,
    facts: &[Fact],
    lexicon: &entity::Lexicon,
) -> Features {
    let mut terms: TermMap<Cow<str>, u32> = TermMap::default();
    let mut venues = BTreeSet::new();
    for fact in facts {
        if let Value::Entity(e) = &fact.value {
            if fact.kind == FactKind::Place && e.role == Role::Venue {
                venues.insert(e.key.clone());
                if let Some(country) = lexicon.country_of(&e.key) {
                    venues.insert(country.to_string());
                }
            }
        }
    }
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
        sig: signature::signature(article, folded, facts, lexicon),
    }
}

/// Folded words worth comparing: letters only, prefixes و/ال/بال/لل stripped, no stop words.
pub fn content_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !crate::letters::is_alphanumeric(c))
        .map(strip_prefixes)
        .filter(|w| {
            w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !is_stop_word(w)
        })
}

pub(crate) fn strip_prefixes(word: &str) -> &str {
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
    // A set, not a scan of the list: every word of every article asks.
    static SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| STOP.iter().copied().collect());
    SET.contains(w)
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
/// (event tags, names, places, uncommon words). A key found in more than
/// `max_df` articles (a wire story carried by hundreds of outlets, whose
/// every word is that frequent) is sampled, never dropped: each article
/// proposes the next [`SAMPLE`] articles of that key's list, which chains
/// them all, and near-duplicates merge along the chain (see [`group`]).
/// The number of pairs is at most `n × keys × max(max_df, SAMPLE)`, never n².
pub struct Blocking {
    pub keys: usize,
    pub max_df: usize,
}

/// How many following articles of a too-frequent key each article proposes.
pub const SAMPLE: usize = 4;

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
            // Sequential under the lock: a guard held across rayon work can
            // deadlock with another analysis interning terms on the pool.
            all.sort_unstable_by(|&a, &b| text(a).cmp(text(b)).then(a.cmp(&b)));
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
        // Each article's keys: its rarest terms found in two articles or more.
        let chosen: Vec<Vec<u32>> = self
            .docs
            .par_iter()
            .map(|d| {
                let mut rare: Vec<u32> = d
                    .iter()
                    .map(|&(t, _)| t)
                    .filter(|&t| self.df[t as usize] >= 2)
                    .collect();
                rare.sort_unstable_by_key(|&t| (self.df[t as usize], t));
                rare.truncate(keys);
                rare
            })
            .collect();
        let frequent = |t: u32| self.df[t as usize] as usize > max_df;
        // Postings: every article of a rare term; for a frequent one, the
        // articles that chose it as a key.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.terms.len()];
        for (i, d) in self.docs.iter().enumerate() {
            for &(t, _) in d {
                if (2..=max_df).contains(&(self.df[t as usize] as usize)) {
                    postings[t as usize].push(i as u32);
                }
            }
        }
        for (i, ks) in chosen.iter().enumerate() {
            for &t in ks {
                if frequent(t) {
                    postings[t as usize].push(i as u32);
                }
            }
        }
        let mut pairs: Vec<(u32, u32)> = chosen
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, ks)| {
                let i = i as u32;
                let mut mine: Vec<(u32, u32)> = Vec::new();
                for &t in ks {
                    let list = &postings[t as usize];
                    if frequent(t) {
                        // Ascending by construction: the next SAMPLE after i.
                        let at = list.partition_point(|&j| j <= i);
                        mine.extend(list[at..].iter().take(SAMPLE).map(|&j| (i, j)));
                    } else {
                        mine.extend(
                            list.iter()
                                .filter(|&&j| j != i)
                                .map(|&j| (i.min(j), i.max(j))),
                        );
                    }
                }
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

/// Weight of a fact term by its kind: a name or an event tag weighs as a
/// rare word; a place and month together less; a month or a country alone,
/// shared by many unrelated stories, little.
fn fact_term_weight(term: &str) -> f64 {
    let kind = term[1..].split(':').next().unwrap_or("");
    match kind {
        "person" | "organization" | "event" => 5.5,
        "on" => 4.0,
        "in" => 2.5,
        "place" => 2.0,
        _ => 1.0,
    }
}

/// Weighted vectors: sublinear term frequency × the term's background
/// weight ([`weights`]), never the folder's document frequencies.
struct Vectors {
    vocab: Vocabulary,
    /// Per article: (term id, weight), ascending by id (so by term).
    weights: Vec<Vec<(u32, f64)>>,
    norms: Vec<f64>,
}

impl Vectors {
    fn new(features: &[Features]) -> Self {
        let vocab = Vocabulary::new(features);
        let background: Vec<f64> = {
            let r = INTERNER.read().unwrap_or_else(|e| e.into_inner());
            // Sequential under the lock (see `Vocabulary::new`).
            vocab
                .terms
                .iter()
                .map(|&t| {
                    let text = r.terms.get(t as usize).map(|s| &**s).unwrap_or("");
                    if text.starts_with('#') {
                        fact_term_weight(text)
                    } else {
                        weights::weight(text)
                    }
                })
                .collect()
        };
        let weights: Vec<Vec<(u32, f64)>> = vocab
            .docs
            .par_iter()
            .map(|d| {
                d.iter()
                    .map(|&(t, c)| (t, (1.0 + f64::from(c).ln()) * background[t as usize]))
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

    /// The pair's evidence and score (see [`evidence`]).
    fn judge(&self, features: &[Features], i: usize, j: usize) -> (evidence::Evidence, f64) {
        let cosine = self.cosine(i, j);
        let e = evidence::compare(&features[i].sig, &features[j].sig, cosine);
        (e, cosine)
    }

    /// [`Vectors::judge`] with the findings worded, for links and near misses.
    fn explain(&self, features: &[Features], i: usize, j: usize) -> (evidence::Evidence, f64) {
        let cosine = self.cosine(i, j);
        let e = evidence::explain(&features[i].sig, &features[j].sig, cosine);
        (e, cosine)
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

    /// [`Vectors::cosine`] of article `i` with each of `others`, equal to
    /// it bit for bit: `i`'s weights are spread into a dense array once, and
    /// each other vector is walked alone, adding `i`'s weight × its weight
    /// term by term in ascending order. A term `i` lacks adds exactly zero,
    /// so the sum takes the same terms in the same order as the merge-join,
    /// without its unpredictable branches and with one pass, not two.
    fn cosines_from(&self, i: usize, others: impl Iterator<Item = usize>) -> Vec<f64> {
        thread_local! {
            static DENSE: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        DENSE.with(|dense| {
            let mut dense = dense.borrow_mut();
            if dense.len() < self.vocab.terms.len() {
                dense.resize(self.vocab.terms.len(), 0.0);
            }
            let a = &self.weights[i];
            for &(t, w) in a {
                dense[t as usize] = w;
            }
            let out = others
                .map(|j| {
                    let denom = self.norms[i] * self.norms[j];
                    if denom <= 0.0 {
                        return 0.0;
                    }
                    let mut dot = 0.0;
                    for &(t, w) in &self.weights[j] {
                        let x = dense[t as usize];
                        if x != 0.0 {
                            dot += x * w;
                        }
                    }
                    dot / denom
                })
                .collect();
            for &(t, _) in a {
                dense[t as usize] = 0.0;
            }
            out
        })
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

/// Score at which two articles are near-duplicates (wire copy): they may
/// merge along sampled links, without half of all pairs across being scored.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// A candidate pair worth remembering: linked, kept apart, or near.
#[derive(Clone, Copy)]
struct Scored {
    i: u32,
    j: u32,
    score: f32,
    /// The score the pair would have without a separation rule.
    raw: f32,
    separated: bool,
    /// Linked despite a disagreement that other channels outweighed.
    contested: bool,
}

impl Scored {
    /// The order in which links are tried (see [`group`]): a contested link
    /// counts half, so that an article that agrees cleanly with one event
    /// joins it before a look-alike event it contradicts claims it.
    fn priority(&self) -> f32 {
        if self.contested {
            self.score * CONTESTED_PRIORITY
        } else {
            self.score
        }
    }
}

/// A contested link's weight in the merge order (not in its score).
const CONTESTED_PRIORITY: f32 = 0.5;

/// Below this raw score a pair is neither a link nor worth explaining.
const KEEP_RAW: f64 = 0.05;

/// Groups articles by event. Groups are ordered by their first member.
pub fn group(
    features: &[Features],
    source: &dyn CandidatePairs,
    options: &GroupOptions,
) -> Vec<Group> {
    let vectors = Vectors::new(features);
    let candidates = source.candidates(features);
    // Scoring is independent per pair; joining then runs in pair order.
    // Candidates come sorted by their first article: each run of pairs that
    // share it is scored against that article's vector spread out once
    // (see [`Vectors::cosines_from`]).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (k, &(i, _)) in candidates.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if candidates[r.0].0 == i => r.1 = k + 1,
            _ => runs.push((k, k + 1)),
        }
    }
    let scored: Vec<Scored> = runs
        .par_iter()
        .flat_map_iter(|&(from, to)| {
            let pairs = &candidates[from..to];
            let i = pairs[0].0;
            let cosines = vectors.cosines_from(i, pairs.iter().map(|&(_, j)| j));
            pairs
                .iter()
                .zip(cosines)
                .filter_map(|(&(i, j), cosine)| {
                    let e = evidence::compare(&features[i].sig, &features[j].sig, cosine);
                    let raw = 1.0 - (1.0 - cosine) * (1.0 - e.weight);
                    (raw >= KEEP_RAW).then_some(Scored {
                        i: i as u32,
                        j: j as u32,
                        score: e.score(cosine) as f32,
                        raw: raw as f32,
                        separated: e.separated(),
                        contested: e.against > 0,
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    drop(runs);
    drop(candidates);
    let threshold = options.threshold as f32;
    let n = features.len();
    // Each article's scored neighbours: (other, score, kept apart), ascending.
    let mut adjacent: Vec<Vec<(u32, f32, bool)>> = vec![Vec::new(); n];
    for p in &scored {
        adjacent[p.i as usize].push((p.j, p.score, p.separated));
        adjacent[p.j as usize].push((p.i, p.score, p.separated));
    }
    for a in &mut adjacent {
        a.sort_unstable_by_key(|x| x.0);
    }
    // Best links first, contested ones at half their score; ties in pair
    // order, so the result is deterministic.
    let mut order: Vec<usize> = (0..scored.len())
        .filter(|&k| !scored[k].separated && scored[k].score >= threshold)
        .collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&scored[x], &scored[y]);
        q.priority()
            .total_cmp(&p.priority())
            .then((p.i, p.j).cmp(&(q.i, q.j)))
    });
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size: Vec<usize> = vec![1; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for k in order {
        let (i, j) = (scored[k].i as usize, scored[k].j as usize);
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let (small, other) = if size[ri] <= size[rj] {
            (ri, rj)
        } else {
            (rj, ri)
        };
        if !coherent(
            &mut parent,
            &adjacent,
            &members[small],
            other,
            size[ri] * size[rj],
            threshold,
        ) {
            continue;
        }
        // The smaller index is the root: each group's root is its first member.
        let (lo, hi) = if ri < rj { (ri, rj) } else { (rj, ri) };
        parent[hi] = lo;
        size[lo] += size[hi];
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
                nearest: None,
            })
            .members
            .push(i);
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let links: Vec<(usize, Link)> = scored
        .par_iter()
        .filter(|p| {
            !p.separated && p.score >= threshold && roots[p.i as usize] == roots[p.j as usize]
        })
        .map(|p| {
            let (i, j) = (p.i as usize, p.j as usize);
            let (e, _) = vectors.explain(features, i, j);
            let link = Link {
                a: i,
                b: j,
                score: round3(f64::from(p.score)),
                shared: vectors.top_shared(i, j),
                why: e
                    .agree
                    .iter()
                    .map(|f| format!("{}: {}", f.channel, f.detail))
                    .collect(),
            };
            (roots[i], link)
        })
        .collect();
    for (root, link) in links {
        if let Some(g) = by_root.get_mut(&root) {
            g.links.push(link);
        }
    }
    // The nearest article left out of each group, by the score it would
    // have had without a separation rule; ties in pair order.
    let mut nearest: TermMap<usize, (f32, u32, u32)> = TermMap::default();
    for p in &scored {
        let (ri, rj) = (roots[p.i as usize], roots[p.j as usize]);
        if ri == rj {
            continue;
        }
        for (root, member, other) in [(ri, p.i, p.j), (rj, p.j, p.i)] {
            let better = nearest
                .get(&root)
                .is_none_or(|&(r, m, o)| p.raw > r || (p.raw == r && (member, other) < (m, o)));
            if better {
                nearest.insert(root, (p.raw, member, other));
            }
        }
    }
    for (root, (_, member, other)) in nearest {
        let (member, other) = (member as usize, other as usize);
        let (e, cosine) = vectors.explain(features, member, other);
        let score = e.score(cosine);
        let mut why_not: Vec<String> = e
            .disagree
            .iter()
            .map(|f| format!("{}: {}", f.channel, f.detail))
            .collect();
        if e.separated() && e.disagree.len() == 1 {
            why_not.push(if e.against >= 2 {
                // One disagreement that weighs 2 on its own (evidence's table).
                match e.disagree[0].channel {
                    "stage" => "a later stage of the story, published days apart",
                    "kind" => "another kind of event, and neither names the other's",
                    _ => "a different edition or event tag, on dates that do not overlap",
                }
                .to_string()
            } else {
                format!(
                    "only {} agreeing signal(s) against it",
                    e.agreeing_channels()
                )
            });
        }
        if !e.separated() {
            if score < options.threshold {
                why_not.push(format!(
                    "score {:.3} below the threshold {}",
                    score, options.threshold
                ));
            } else {
                why_not.push(format!(
                    "score {score:.3}, but its group and this one are too loosely linked to merge"
                ));
            }
        }
        if let Some(g) = by_root.get_mut(&root) {
            g.nearest = Some(NearMiss {
                member,
                other,
                score: round3(score),
                why_not,
            });
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
            let (e, cosine) = vectors.judge(features, i, j);
            let s = round3(e.score(cosine));
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

/// May two groups merge? No scored pair across them may be kept apart by
/// a separation rule, and either at least half of all pairs across them are
/// linked (average linkage in spirit, so that one strong link cannot chain
/// two events), or every scored pair across them is a near-duplicate (wire
/// copy, scored along a sampled chain at scale). `small` lists the members
/// of the smaller group, `other` is the other group's root.
fn coherent(
    parent: &mut [usize],
    adjacent: &[Vec<(u32, f32, bool)>],
    small: &[usize],
    other: usize,
    all_pairs: usize,
    threshold: f32,
) -> bool {
    let (mut links, mut near_only) = (0usize, true);
    for &x in small {
        for &(y, score, separated) in &adjacent[x] {
            if find(parent, y as usize) != other {
                continue;
            }
            if separated {
                return false;
            }
            if score >= threshold {
                links += 1;
            }
            if f64::from(score) < NEAR_DUPLICATE {
                near_only = false;
            }
        }
    }
    2 * links >= all_pairs || (links > 0 && near_only)
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
    fn blocking_samples_terms_found_in_too_many_articles_instead_of_all_pairs() {
        let texts: Vec<String> = (0..20).map(|i| format!("اجتماع مشترك رقم {i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let f = feats(&refs);
        let pairs = Blocking { keys: 4, max_df: 5 }.candidates(&f);
        // Each article proposes at most SAMPLE followers per key: a chain, not n².
        assert!(pairs.len() <= 20 * SAMPLE, "{}", pairs.len());
        assert!(
            pairs.contains(&(0, 1)) && pairs.contains(&(18, 19)),
            "{pairs:?}"
        );
        assert!(!pairs.contains(&(0, 19)));
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
        for (x, tag) in [(&mut a, "igef"), (&mut b, "gitex")] {
            x.sig.tags = vec![tag.to_string()];
            x.sig.places = vec!["Ankara".to_string(), "TR".to_string()];
            x.sig.first_city = Some("Ankara".to_string());
            x.add_term("انقره", 1);
        }
        let groups = group(&[a, b], &AllPairs, &GroupOptions::default());
        assert_eq!(groups.len(), 2);
        let near = groups[0].nearest.as_ref().expect("a nearest article");
        assert!(
            near.why_not
                .iter()
                .any(|w| w.starts_with("tag: igef vs gitex")),
            "{near:?}"
        );
    }

    #[test]
    fn an_article_joins_the_event_it_agrees_with_before_a_look_alike_it_contradicts() {
        // Two conferences in one city the same month, told with one
        // template (the generator's "siblings"); the untagged article x is
        // about the first (11–12 February) but reads nearer the second's
        // wording (21–23 February).
        let first = "انطلقت في دمشق أشغال المؤتمر الإقليمي لحماية البيئة بمشاركة وفود عربية وإفريقية ناقشت التحول الرقمي";
        let second = "شهدت العاصمة دمشق انعقاد المؤتمر الإقليمي لحماية البيئة بمشاركة خبراء ناقشوا الحرف اليدوية والفيضانات";
        let x = "شهدت العاصمة دمشق انعقاد المؤتمر الإقليمي لحماية البيئة بمشاركة وفود ناقشت الحرف اليدوية والفيضانات";
        let mut f = feats(&[first, first, second, second, x]);
        let when = |d1, d2| signature::When {
            year: Some(2025),
            start: (2, d1),
            end: (2, d2),
        };
        for (k, x) in f.iter_mut().enumerate() {
            x.sig.places = vec!["Damascus".to_string(), "SY".to_string()];
            x.sig.first_city = Some("Damascus".to_string());
            x.sig.dates = vec![if k == 2 || k == 3 {
                when(21, 23)
            } else {
                when(11, 12)
            }];
            x.sig.tags = match k {
                0 | 1 => vec!["ooaui".to_string()],
                2 | 3 => vec!["noap".to_string()],
                _ => vec![],
            };
        }
        // The premise: x scores higher with the look-alike, whose dates it contradicts.
        let vectors = Vectors::new(&f);
        let (own_e, own_c) = vectors.judge(&f, 0, 4);
        let (other_e, other_c) = vectors.judge(&f, 2, 4);
        assert!(own_e.against == 0 && other_e.against == 1 && !other_e.separated());
        assert!(
            other_e.score(other_c) > own_e.score(own_c) && own_e.score(own_c) >= DEFAULT_THRESHOLD,
            "{} vs {}",
            other_e.score(other_c),
            own_e.score(own_c)
        );
        let groups = group(&f, &AllPairs, &GroupOptions::default());
        let members: Vec<Vec<usize>> = groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 1, 4], vec![2, 3]]);
    }

    #[test]
    fn wire_copy_groups_at_any_size_through_sampled_keys() {
        let text = "وكالة الأنباء: افتتح وزير الفلاحة المعرض الدولي للتمور بمدينة أرفود بمشاركة 240 عارضا من 18 دولة";
        let base = feats(&[text]).remove(0);
        let odd = feats(&[&format!("{text} مع تعديل")]).remove(0);
        for n in [501usize, 5000] {
            let mut f = vec![base.clone(); n];
            f.push(odd.clone());
            let groups = group(&f, &Auto, &GroupOptions::default());
            assert_eq!(groups.len(), 1, "{n} copies");
            assert_eq!(groups[0].members.len(), n + 1);
        }
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
        let f = features_of_folded(&article, &folded, &facts, &lexicon);
        let has = |f: &Features, p: &str| f.sig.places.iter().any(|x| x == p);
        assert!(
            has(&f, "شفشاون") || has(&f, "Chefchaouen"),
            "{:?}",
            f.sig.places
        );
        assert!(has(&f, "MA"), "{:?}", f.sig.places);
    }
}
