//! Aligning the same fact across the articles of one event: every fact,
//! whatever its kind, gets a slot keyed by meaning,
//! (kind, class, subject, role), and only facts of one slot are compared.
//!
//! - **class**: what the fact is about. A figure's class comes from the
//!   noun it counts or the words around it (`data/counted.toml`: "14 قتيلا",
//!   "21 حالة وفاة" and "17 morts" are all `deaths`); money also by purpose
//!   and currency (a loan in dollars is never compared with its conversion
//!   into ouguiya); a date's or a year's class is the event cue nearest to
//!   it (`data/topics.toml`: the visit, the fair …) or the event tag it is
//!   glued to ("IGEF24"); a title's class is the person who holds it.
//! - **subject**: whose figure it is, for classes that say so (medals OF a
//!   country, age OF a person): the nearest name before the figure in its
//!   sentence. Figures of different subjects are never compared; a signatory's
//!   subject is the side he signs for ("عن الجانب الموريتاني").
//! - **role**: the part a person plays (`data/roles.toml`: chair, signatory,
//!   counterpart …; a different person in one role is a conflict); a place
//!   is the venue or the next venue; any fact in a sentence about another
//!   edition ("الدورة السابقة", "la précédente édition", an edition number
//!   other than the article's own, a past year) is in role `earlier`, and
//!   is compared only with facts of that role.
//!
//! Facts with no class are left out of the comparison (they still show in
//! `factdiff extract`). Facts in the headline are marked, so that a headline
//! that contradicts its own body can be reported (see `classify`).

use std::collections::BTreeMap;

/// FxHash: fast and unkeyed (the keys are our own offsets and names).
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::classes::{self, any_in, norm_word, Applies, Word, CLASSES, ROLES, UNITS};
use crate::extract::entity::Lexicon;
use crate::model::{Article, Fact, FactKind, NumberForm, Role, Span, Value};
use crate::normalize::{fold, Folded};
use crate::office;
use crate::resolve;
use crate::word_regex::Regex as FastRegex;

/// One fact as several articles give it: the unit that classification judges.
#[derive(Debug, Clone, Serialize)]
pub struct Slot {
    pub kind: FactKind,
    /// Stable key of the slot ("number|deaths||", "person|chair||").
    pub topic: String,
    /// The slot in the reader's words ("deaths", "medals · المغرب", "chair of the meeting").
    pub label: String,
    /// A running count: a later different value is an update (see `classify`).
    pub running: bool,
    /// Per article of the group (by position in the group), its claims on this slot.
    pub claims: BTreeMap<usize, Vec<Placed>>,
}

/// How two claims of a slot are compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Compare {
    /// By their values (dates, years, figures; bounds for approximations).
    Value,
    /// By the identity of what they name (one person across spellings, one city).
    Identity(String),
    /// A title, by office and rank (`office::compare`).
    Title(String),
}

/// One fact placed in a slot.
#[derive(Debug, Clone, Serialize)]
pub struct Placed {
    /// The evidence (for a title: the title's own text and span).
    pub fact: Fact,
    /// In the article's headline.
    pub headline: bool,
    pub compare: Compare,
    /// The normalized value shown, when it is not the fact's own (titles).
    pub shown: Option<String>,
}

// ---------------------------------------------------------------------------
// Event cues (data/topics.toml) for dates, years and venues.

struct Topic {
    key: String,
    label: String,
    /// The topic's dates are about a named work (`about = "work"`).
    about_work: bool,
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
    #[serde(default)]
    about: Option<String>,
}

static TOPICS: LazyLock<TopicLexicon> = LazyLock::new(|| {
    let raw: BTreeMap<String, TopicEntry> = toml::from_str(include_str!("../data/topics.toml"))
        .expect("data/topics.toml is valid TOML");
    let mut topics = Vec::new();
    let mut groups = Vec::new();
    for (key, entry) in raw {
        groups.push(entry.cues);
        topics.push(Topic {
            key,
            label: entry.label,
            about_work: entry.about.as_deref() == Some("work"),
        });
    }
    let pattern = crate::cues::alternation(&groups);
    TopicLexicon {
        topics,
        pattern: FastRegex::with_candidates(&pattern, &crate::cues::candidates(&groups))
            .expect("topic cues compile"),
    }
});

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

/// The two words before a year, as its class when no cue names one
/// ("كأس العالم" in "كأس العالم 2030"): the folded key and the folded
/// byte range they cover.
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

// ---------------------------------------------------------------------------
// The words of an article, for the class, subject and role of each fact.

/// A word or a clause mark of the analysed text, with its original byte span.
struct Token {
    start: usize,
    end: usize,
    word: Word,
    /// A comma, colon, parenthesis or quote: the end of a clause.
    boundary: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let flush = |s: Option<usize>, e: usize, out: &mut Vec<Token>| {
        if let Some(s) = s {
            out.push(Token {
                start: s,
                end: e,
                word: norm_word(&text[s..e]),
                boundary: false,
            });
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = is_word_char(c)
            || matches!(
                c,
                '\'' | '’' | '-' | '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{0670}'
            )
            || (matches!(c, '.' | ',' | '٫' | '٬')
                && start.is_some()
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_numeric()));
        if in_word {
            start.get_or_insert(i);
            continue;
        }
        flush(start.take(), i, &mut out);
        if matches!(
            c,
            ',' | '،'
                | ';'
                | '؛'
                | ':'
                | '('
                | ')'
                | '«'
                | '»'
                | '"'
                | '“'
                | '”'
                | '.'
                | '!'
                | '?'
                | '؟'
        ) {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                word: String::new(),
                boundary: true,
            });
        }
    }
    flush(start, text.len(), &mut out);
    out
}

/// A letter or digit, fast for the scripts of the news (the general
/// Unicode tables are slow for Arabic letters, and every character of every
/// article passes here).
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        // Arabic punctuation: comma, semicolon, question mark, percent, separators.
        0x060C | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 => false,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => true,
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        _ => c.is_alphanumeric(),
    }
}

/// One article read for alignment.
struct Reading<'a> {
    article: &'a Article,
    facts: &'a [Fact],
    tokens: Vec<Token>,
    headline: Option<Span>,
    /// The article's own edition number ("الدورة السادسة"), if it gives one.
    edition: Option<f64>,
    /// Per sentence of a fact: does it speak of an earlier edition, of a
    /// later event (cues of data/roles.toml)? Read once per sentence.
    cues: HashMap<(usize, usize), (bool, bool)>,
}

impl<'a> Reading<'a> {
    fn new(article: &'a Article, facts: &'a [Fact]) -> Self {
        let tokens = tokenize(&article.analysis_text);
        let headline = headline_span(article);
        let mut r = Reading {
            article,
            facts,
            tokens,
            headline,
            edition: None,
            cues: HashMap::default(),
        };
        for f in facts {
            let key = (f.sentence.start, f.sentence.end);
            if !r.cues.contains_key(&key) {
                // Borrowed: the sentence's words are only looked at here.
                let from = r.token_at(f.sentence.start);
                let words: Vec<&str> = r.tokens[from..]
                    .iter()
                    .take_while(|t| t.start < f.sentence.end)
                    .filter(|t| !t.boundary)
                    .map(|t| t.word.as_str())
                    .collect();
                let flags = (any_in(&ROLES.earlier, &words), any_in(&ROLES.later, &words));
                r.cues.insert(key, flags);
            }
        }
        r.edition = r.own_edition();
        r
    }

    /// Index of the first token starting at or after `at`.
    fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// The words of `span` itself (the counted noun of "١٤ قتيلاً", "تسع
    /// ميداليات", "الدورة السادسة"), then the words after it in its clause,
    /// in reading order, up to `max` of them and never past another figure
    /// ("ألف و200 خيمة": the tents are the 200's).
    fn after(&self, span: Span, sentence: Span, max: usize) -> Vec<Word> {
        self.after_counted(span, sentence, max).0
    }

    /// [`Self::after`] with the number of its words that are the span's own.
    fn after_counted(&self, span: Span, sentence: Span, max: usize) -> (Vec<Word>, usize) {
        let from = self.token_at(span.start);
        let inside: Vec<Word> = self.tokens[from..]
            .iter()
            .take_while(|t| t.end <= span.end)
            .filter(|t| !t.boundary)
            .map(|t| t.word.clone())
            .collect();
        let n = inside.len();
        let beyond = self.tokens[self.token_at(span.end)..]
            .iter()
            .take_while(|t| {
                t.start < sentence.end && !t.boundary && !t.word.chars().any(|c| c.is_ascii_digit())
            })
            .take(max)
            .map(|t| t.word.clone());
        (inside.into_iter().chain(beyond).collect(), n)
    }

    /// Words before `span` in its clause, nearest first.
    fn before(&self, span: Span, sentence: Span, max: usize) -> Vec<Word> {
        self.tokens[..self.token_at(span.start)]
            .iter()
            .rev()
            .take_while(|t| t.start >= sentence.start && !t.boundary)
            .take(max)
            .map(|t| t.word.clone())
            .collect()
    }

    /// Words before `span` in its clause, nearest first; when the clause
    /// opens with a relative pronoun ("المسابقة الرسمية، التي تضم 22 فيلما"),
    /// the words of the clause before it follow, up to `max` in all.
    fn before_with_antecedent(&self, span: Span, sentence: Span, max: usize) -> Vec<Word> {
        let at = self.token_at(span.start);
        let mut out = Vec::new();
        let mut k = at;
        while k > 0 && out.len() < max {
            let t = &self.tokens[k - 1];
            if t.start < sentence.start || t.boundary {
                break;
            }
            out.push(t.word.clone());
            k -= 1;
        }
        let opens_relative = out
            .last()
            .is_some_and(|w| ROLES.relative.at(std::slice::from_ref(w), 0).is_some());
        if opens_relative && k > 0 && self.tokens[k - 1].boundary {
            out.extend(
                self.tokens[..k - 1]
                    .iter()
                    .rev()
                    .take_while(|t| t.start >= sentence.start && !t.boundary)
                    .take(max.saturating_sub(out.len()))
                    .map(|t| t.word.clone()),
            );
        }
        out
    }

    /// The part of its class a figure counts ("في المسابقة الرسمية"), from
    /// its clause (data/counted.toml `[[part]]`).
    fn part_of(&self, fact: &Fact, applies: Applies) -> Option<usize> {
        let before = self.before_with_antecedent(fact.span, fact.sentence, 8);
        let after = self.after(fact.span, fact.sentence, 5);
        let rev: Vec<Word> = before.into_iter().rev().collect();
        [rev, after].iter().find_map(|words| {
            (0..words.len()).find_map(|k| {
                CLASSES
                    .part_cues
                    .at(words, k)
                    .map(|(p, _)| p)
                    .filter(|&p| CLASSES.parts[p].applies.contains(&applies))
            })
        })
    }

    /// Is a year a target or a deadline ("بحلول سنة 2030", "d'ici 2035")?
    /// The cue stands among the two words before the year, or in its quote.
    fn deadline(&self, fact: &Fact) -> bool {
        let inside: Vec<Word> = self.tokens[self.token_at(fact.span.start)..]
            .iter()
            .take_while(|t| t.end <= fact.span.end)
            .map(|t| t.word.clone())
            .collect();
        let before = self.before(fact.span, fact.sentence, 2);
        any_in(&ROLES.deadline, &before) || any_in(&ROLES.deadline, &inside)
    }

    /// Words before `span` in its sentence (clause marks skipped), nearest first.
    fn before_in_sentence(&self, span: Span, sentence: Span) -> Vec<(usize, &Token)> {
        let end = self.token_at(span.start);
        (0..end)
            .rev()
            .map(|i| (i, &self.tokens[i]))
            .take_while(|(_, t)| t.start >= sentence.start)
            .filter(|(_, t)| !t.boundary)
            .collect()
    }

    fn sentence_words(&self, sentence: Span) -> Vec<Word> {
        let from = self.token_at(sentence.start);
        self.tokens[from..]
            .iter()
            .take_while(|t| t.start < sentence.end)
            .filter(|t| !t.boundary)
            .map(|t| t.word.clone())
            .collect()
    }

    /// A figure read as only the tail of a larger one ("ألف و200 خيمة" read
    /// as 200): a scale word, then "و" glued to the figure. Such a partial
    /// figure is not compared (it would conflict with the whole, 1200).
    fn part_of_larger_number(&self, span: Span) -> bool {
        const SCALES: &[&str] = &[
            "الف",
            "الفين",
            "الفا",
            "الاف",
            "مليون",
            "مليونين",
            "ملايين",
            "مليار",
            "ملياري",
            "مليارات",
            "مئه",
            "ميه",
            "مئتين",
            "مائه",
        ];
        let at = self.token_at(span.start);
        // The token holding the figure's start, when "و" is glued before it.
        let glued = at > 0
            && self.tokens[at - 1].end > span.start
            && self.tokens[at - 1].word.starts_with('و');
        let (conj, prev) = if glued {
            (true, at.checked_sub(2))
        } else {
            let before = at.checked_sub(1);
            (
                before.is_some_and(|b| self.tokens[b].word == "و"),
                before.and_then(|b| b.checked_sub(1)),
            )
        };
        conj && prev.is_some_and(|p| {
            let w = self.tokens[p].word.as_str();
            SCALES.contains(&w) || SCALES.iter().any(|s| w.strip_prefix('و') == Some(s))
        })
    }

    /// (earlier edition, later event) cues of a fact's sentence.
    fn sentence_cues(&self, sentence: Span) -> (bool, bool) {
        self.cues
            .get(&(sentence.start, sentence.end))
            .copied()
            .unwrap_or_default()
    }

    fn in_headline(&self, span: Span) -> bool {
        self.headline.is_some_and(|h| h.contains(span))
    }

    /// The article's edition number: the first ordinal of class `editions`.
    fn own_edition(&self) -> Option<f64> {
        self.facts.iter().find_map(|f| match &f.value {
            Value::Number(n) if n.form == NumberForm::Ordinal => {
                let (after, inside) = self.after_counted(f.span, f.sentence, 3);
                let before = self.before(f.span, f.sentence, 3);
                let c = CLASSES.class_of_figure(Applies::Ordinal, inside, &after, &before)?;
                (CLASSES.classes[c].id == "editions").then_some(n.value)
            }
            _ => None,
        })
    }

    /// The start of the nearest reporting word ("أعلنت", "said", "بيان")
    /// before `span` in its clause, within a few words (data/roles.toml
    /// `statement`).
    fn statement_before(&self, span: Span, sentence: Span) -> Option<usize> {
        const WORDS: usize = 8;
        let at = self.token_at(span.start);
        let from = self.tokens[..at]
            .iter()
            .rev()
            .take_while(|t| t.start >= sentence.start && !t.boundary)
            .take(WORDS)
            .count();
        let words: Vec<Word> = self.tokens[at - from..at]
            .iter()
            .map(|t| t.word.clone())
            .collect();
        (0..words.len())
            .rev()
            .find(|&k| ROLES.statement.at(&words, k).is_some())
            .map(|k| self.tokens[at - from + k].start)
    }

    /// The clause (tokens between clause marks) holding `span`, as a token range.
    fn clause_of(&self, span: Span, sentence: Span) -> (usize, usize) {
        let at = self.token_at(span.start);
        let mut from = at;
        while from > 0 {
            let t = &self.tokens[from - 1];
            if t.start < sentence.start || t.boundary {
                break;
            }
            from -= 1;
        }
        let mut to = at;
        while to < self.tokens.len() {
            let t = &self.tokens[to];
            if t.start >= sentence.end || (t.boundary && t.start >= span.end) {
                break;
            }
            to += 1;
        }
        (from, to)
    }

    /// Does the earlier-edition cue of a fact's sentence speak of this fact?
    /// Yes, unless every clause holding a cue opens with a contrast word
    /// (data/roles.toml `contrast`) and states a figure, date or year of its
    /// own: "بلغت نسبة المشاركة 63.1 في المئة، مقابل 54 في المئة في
    /// الانتخابات السابقة" sets only the 54 % in the past, while "خلال العام
    /// الماضي …، كما أصدرت السلطات 121 أمرا" speaks of both clauses.
    fn earlier_cue_reaches(&self, fact: &Fact) -> bool {
        let sentence = fact.sentence;
        let own = self.clause_of(fact.span, sentence);
        let words = |(a, b): (usize, usize)| -> Vec<Word> {
            self.tokens[a..b]
                .iter()
                .filter(|t| !t.boundary)
                .map(|t| t.word.clone())
                .collect()
        };
        if any_in(&ROLES.earlier, &words(own)) {
            return true;
        }
        // Every other clause of the sentence that holds a cue.
        let first = self.token_at(sentence.start);
        let mut k = first;
        let mut cue_clauses = Vec::new();
        while k < self.tokens.len() && self.tokens[k].start < sentence.end {
            let t = &self.tokens[k];
            if t.boundary {
                k += 1;
                continue;
            }
            let clause = self.clause_of(
                Span {
                    start: t.start,
                    end: t.end,
                },
                sentence,
            );
            if clause != own && any_in(&ROLES.earlier, &words(clause)) {
                cue_clauses.push(clause);
            }
            k = clause.1.max(k + 1);
        }
        let stated_in = |(a, b): (usize, usize)| {
            let (start, end) = (self.tokens[a].start, self.tokens[b - 1].end);
            self.facts.iter().any(|f| {
                f.span.start >= start
                    && f.span.end <= end
                    && f.span != fact.span
                    && matches!(f.kind, FactKind::Number | FactKind::Date | FactKind::Year)
            })
        };
        let contrasted = |(a, b): (usize, usize)| {
            let w = words((a, b.min(a + 3)));
            (0..w.len().min(2)).any(|k| ROLES.contrast.at(&w, k).is_some())
        };
        cue_clauses.is_empty() || cue_clauses.iter().any(|&c| !contrasted(c) || !stated_in(c))
    }

    /// Is the fact's sentence about another edition or an earlier year?
    /// `by_year`: a year before the publication year in the sentence counts
    /// (for figures and people; never for dates, whose own year is the claim).
    fn earlier(&self, fact: &Fact, by_year: bool) -> bool {
        if self.sentence_cues(fact.sentence).0 && self.earlier_cue_reaches(fact) {
            return true;
        }
        let in_sentence = |f: &&Fact| fact.sentence.contains(f.span) && f.span != fact.span;
        if let Some(own) = self.edition {
            let other_edition = self
                .facts
                .iter()
                .filter(in_sentence)
                .any(|f| match &f.value {
                    Value::Number(n) if n.form == NumberForm::Ordinal && n.value != own => {
                        let (after, inside) = self.after_counted(f.span, f.sentence, 3);
                        let before = self.before(f.span, f.sentence, 3);
                        CLASSES
                            .class_of_figure(Applies::Ordinal, inside, &after, &before)
                            .is_some_and(|c| CLASSES.classes[c].id == "editions")
                    }
                    _ => false,
                });
            if other_edition {
                return true;
            }
        }
        if by_year {
            if let Some(published) = self.article.published {
                use chrono::Datelike;
                let year = published.year();
                return self
                    .facts
                    .iter()
                    .filter(in_sentence)
                    .any(|f| match &f.value {
                        Value::Year(y) => y.year < year,
                        // A date a year off may be the article's own error (the whole
                        // story one year off); older dates are the past.
                        Value::Date(d) => d.start.year.is_some_and(|y| y < year - 1),
                        _ => false,
                    });
            }
        }
        false
    }
}

/// The headline: the line right before the first line of running text
/// (a line that ends a sentence), when it reads as a headline: a few
/// words, no breadcrumb separators, no final full stop. Ingest's `title`
/// is used when it is such a line of the text.
fn headline_span(article: &Article) -> Option<Span> {
    let text = &article.analysis_text;
    let reads_as_headline = |line: &str| {
        let t = line.trim();
        let words = t.split_whitespace().count();
        (3..=30).contains(&words)
            && !t.ends_with('.')
            && !t.ends_with(':')
            && !t.contains(['/', '»', '>', '|', '›'])
    };
    if let Some(title) = &article.title {
        if reads_as_headline(title) {
            if let Some(at) = text.find(title.as_str()) {
                return Some(Span::new(at, at + title.len()));
            }
        }
    }
    let mut previous: Option<Span> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let running = t.ends_with('.') || t.ends_with('。') || t.split_whitespace().count() > 30;
        if running {
            return previous.filter(|p| reads_as_headline(&text[p.start..p.end]));
        }
        previous = Some(span);
    }
    None
}

// ---------------------------------------------------------------------------
// Named works: a quoted title after a work noun ("الفيلم المغربي "أصوات
// الجبل"", "le film « Les voix »").

/// A work named in an article: the quote's span and its folded title.
struct Work {
    start: usize,
    title: String,
}

/// Quoted titles that a work noun introduces (within the three words before
/// the opening quote), in text order.
fn works_of(r: &Reading) -> Vec<Work> {
    let text = &r.article.analysis_text;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '"' | '«' | '“') => open = Some((i, c)),
            (Some((s, o)), '"' | '»' | '”') if o == '"' && c == '"' || o != '"' && c != '"' => {
                open = None;
                let inner = &text[s + o.len_utf8()..i];
                let words = inner.split_whitespace().count();
                if inner.trim().is_empty() || words > 8 || inner.contains('\n') {
                    continue;
                }
                let at = r.token_at(s);
                let noun_before = r.tokens[..at]
                    .iter()
                    .rev()
                    .take(3)
                    .take_while(|t| !t.boundary)
                    .any(|t| {
                        ROLES
                            .work_nouns
                            .at(std::slice::from_ref(&t.word), 0)
                            .is_some()
                    });
                if noun_before {
                    out.push(Work {
                        start: s,
                        title: fold(inner.trim()),
                    });
                }
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

/// The work a fact's sentence is about: a work named in the sentence (the
/// nearest before the fact, else the first after it), or, when the sentence
/// names a work noun with the article ("الفيلم", "le film"), the last work
/// named before the sentence.
fn work_of<'w>(r: &Reading, works: &'w [Work], fact: &Fact) -> Option<&'w Work> {
    let s = fact.sentence;
    let inside: Vec<&Work> = works
        .iter()
        .filter(|w| s.start <= w.start && w.start < s.end)
        .collect();
    if let Some(w) = inside
        .iter()
        .rev()
        .find(|w| w.start < fact.span.start)
        .or_else(|| inside.first())
    {
        return Some(w);
    }
    let words = r.sentence_words(s);
    let definite_noun = r.tokens[r.token_at(s.start)..]
        .iter()
        .take_while(|t| t.start < s.end)
        .filter(|t| !t.boundary)
        .any(|t| {
            let w = t.word.as_str();
            let defined = w.starts_with("ال") || w.starts_with("وال") || w.starts_with("لل");
            defined
                && ROLES
                    .work_nouns
                    .at(std::slice::from_ref(&t.word), 0)
                    .is_some()
        })
        || (0..words.len().saturating_sub(1)).any(|k| {
            matches!(words[k].as_str(), "le" | "the" | "ce" | "this")
                && ROLES.work_nouns.at(&words, k + 1).is_some()
        });
    if !definite_noun {
        return None;
    }
    works.iter().rev().find(|w| w.start < s.start)
}

// ---------------------------------------------------------------------------
// Slots.

struct Builder {
    slots: BTreeMap<(FactKind, String), Slot>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn put(
        &mut self,
        doc: usize,
        kind: FactKind,
        key: String,
        label: String,
        running: bool,
        placed: Placed,
    ) {
        let slot = self
            .slots
            .entry((kind, key.clone()))
            .or_insert_with(|| Slot {
                kind,
                topic: key,
                label,
                running,
                claims: BTreeMap::new(),
            });
        slot.claims.entry(doc).or_default().push(placed);
    }
}

fn slot_key(class: &str, subject: &str, role: &str) -> String {
    format!("{class}|{subject}|{role}")
}

fn with_role(label: String, subject: Option<&str>, earlier: bool) -> String {
    let mut label = label;
    if let Some(s) = subject {
        label = format!("{label} · {s}");
    }
    if earlier {
        label = format!("{label} (earlier edition)");
    }
    label
}

/// Aligns the facts of a group's articles into slots.
/// `docs[i]` is the i-th article of the group with its facts.
pub fn align(docs: &[(&Article, &[Fact])], lex: &Lexicon) -> Vec<Slot> {
    let readings: Vec<Reading> = docs.iter().map(|(a, f)| Reading::new(a, f)).collect();
    let people = People::resolve(docs);
    let mut b = Builder {
        slots: BTreeMap::new(),
    };
    for (d, r) in readings.iter().enumerate() {
        facts_of_article(d, r, &people, lex, &mut b);
    }
    people.name_slots(docs, &readings, &mut b);
    b.slots.into_values().collect()
}

/// Identities of the people, places and organisations of a group:
/// mention (doc, fact index) → identity, shared by all spellings.
struct People {
    identity: HashMap<(usize, usize), String>,
    /// Per identity: its display name (the fullest spelling).
    names: HashMap<String, String>,
}

impl People {
    fn resolve(docs: &[(&Article, &[Fact])]) -> Self {
        let mut input: Vec<(usize, &Fact)> = Vec::new();
        let mut index: Vec<(usize, usize)> = Vec::new();
        for (d, (_, facts)) in docs.iter().enumerate() {
            for (i, f) in facts.iter().enumerate() {
                if matches!(f.value, Value::Entity(_)) {
                    input.push((d, f));
                    index.push((d, i));
                }
            }
        }
        let clusters = resolve::cluster(&input);
        let mut identity = HashMap::default();
        let mut names = HashMap::default();
        for members in &clusters {
            let Some(&first) = members.first() else {
                continue;
            };
            let fact = input[first].1;
            let id = match fact.kind {
                // Places and organisations have canonical gazetteer keys.
                FactKind::Place | FactKind::Organization => fact.normalized(),
                _ => format!("#{}", index[first].0 * 100_000 + index[first].1),
            };
            let fullest = members
                .iter()
                .filter_map(|&m| match &input[m].1.value {
                    Value::Entity(e) => Some(e),
                    _ => None,
                })
                .max_by_key(|e| (e.key.len(), std::cmp::Reverse(e.name_span.start)))
                .map(|e| e.name.clone())
                .unwrap_or_default();
            names.insert(id.clone(), fullest);
            for &m in members {
                identity.insert(index[m], id.clone());
            }
        }
        People { identity, names }
    }

    fn of(&self, doc: usize, fact: usize) -> Option<&String> {
        self.identity.get(&(doc, fact))
    }

    fn name<'s>(&'s self, id: &'s str) -> &'s str {
        self.names.get(id).map_or(id, String::as_str)
    }

    /// Name slots: one per person named by two articles or more, or with a
    /// title or a role (an omission otherwise). Each article's fullest
    /// spelling is its claim: different spellings of one person are a variant.
    fn name_slots(&self, docs: &[(&Article, &[Fact])], readings: &[Reading], b: &mut Builder) {
        let mut by_person: BTreeMap<String, BTreeMap<usize, (usize, &Fact)>> = BTreeMap::new();
        let mut notable: BTreeMap<String, bool> = BTreeMap::new();
        for (d, (_, facts)) in docs.iter().enumerate() {
            for (i, f) in facts.iter().enumerate() {
                let (FactKind::Person, Value::Entity(e)) = (f.kind, &f.value) else {
                    continue;
                };
                let Some(id) = self.of(d, i) else { continue };
                *notable.entry(id.clone()).or_default() |= e.title.is_some()
                    || matches!(e.role, Role::Host | Role::Visitor | Role::Counterpart);
                let entry = by_person.entry(id.clone()).or_default();
                let better = entry.get(&d).is_none_or(|(_, g)| match &g.value {
                    Value::Entity(ge) => e.key.len() > ge.key.len(),
                    _ => true,
                });
                if better {
                    entry.insert(d, (i, f));
                }
            }
        }
        for (id, per_doc) in by_person {
            if per_doc.len() < 2 && !notable.get(&id).copied().unwrap_or(false) {
                continue;
            }
            for (d, (_, f)) in per_doc {
                b.put(
                    d,
                    FactKind::Person,
                    slot_key("name", &id, ""),
                    self.name(&id).to_string(),
                    false,
                    Placed {
                        fact: f.clone(),
                        headline: readings[d].in_headline(f.span),
                        compare: Compare::Identity(id.clone()),
                        shown: None,
                    },
                );
            }
        }
    }
}

fn facts_of_article(d: usize, r: &Reading, people: &People, lex: &Lexicon, b: &mut Builder) {
    let folded = Folded::new(&r.article.analysis_text);
    let cues = find_cues(&folded.text);
    let to_folded = |s: Span| (folded.from_original(s.start), folded.from_original(s.end));
    let topic_of = |span: Span, sentence: Span| {
        let (s, e) = to_folded(span);
        let sentence = to_folded(sentence);
        nearest(&folded.text, &cues, s, e, sentence).map(|c| {
            let t = &TOPICS.topics[c.topic];
            (
                distance(&folded.text, c.start, c.end, s, e),
                t.key.clone(),
                t.label.clone(),
            )
        })
    };
    // Event tags take the topic of the cue nearest to them ("المعرض … IGEF 24").
    let tags: Vec<(Span, String, String)> = r
        .facts
        .iter()
        .filter_map(|f| match &f.value {
            Value::Year(y) => y.event.as_ref().map(|tag| {
                let (key, label) = topic_of(f.span, f.sentence)
                    .map(|(_, k, l)| (k, l))
                    .unwrap_or_else(|| (format!("event:{tag}"), tag.clone()));
                (f.span, key, label)
            }),
            _ => None,
        })
        .collect();
    let works = works_of(r);
    let placed = |f: &Fact, compare: Compare| Placed {
        fact: f.clone(),
        headline: r.in_headline(f.span),
        compare,
        shown: None,
    };

    for (i, fact) in r.facts.iter().enumerate() {
        match (&fact.kind, &fact.value) {
            (FactKind::Date, _) => {
                // The day something was said is not the day of the event.
                if let Some(verb) = r.statement_before(fact.span, fact.sentence) {
                    let (vs, _) = to_folded(Span::new(verb, verb));
                    let (ds, _) = to_folded(fact.span);
                    // An event cue inside a name ("اللجنة الوطنية المستقلة
                    // للانتخابات") is the speaker's, not the event's.
                    let named: Vec<(usize, usize)> = r
                        .facts
                        .iter()
                        .filter(|g| g.kind == FactKind::Organization)
                        .map(|g| to_folded(g.span))
                        .collect();
                    let event_cue = cues.iter().any(|c| {
                        c.start >= vs
                            && c.end <= ds
                            && !named.iter().any(|&(s, e)| s <= c.start && c.end <= e)
                    });
                    if !event_cue {
                        continue;
                    }
                }
                let cue = topic_of(fact.span, fact.sentence);
                let tag = tags
                    .iter()
                    .filter(|t| fact.sentence.contains(t.0))
                    .map(|t| {
                        let (s, e) = to_folded(fact.span);
                        let (ts, te) = to_folded(t.0);
                        (
                            distance(&folded.text, ts, te, s, e),
                            t.1.clone(),
                            t.2.clone(),
                        )
                    })
                    .min();
                let topic = match (cue, tag) {
                    (Some(c), Some(t)) => Some(if t.0 < c.0 { t } else { c }),
                    (c, t) => c.or(t),
                };
                let Some((_, key, label)) = topic else {
                    continue;
                };
                // A date about a named work is compared only with dates of that work.
                let about_work = TOPICS.topics.iter().any(|t| t.key == key && t.about_work);
                let work = if about_work {
                    match work_of(r, &works, fact) {
                        Some(w) => Some(w.title.clone()),
                        None => continue,
                    }
                } else {
                    None
                };
                let earlier = r.earlier(fact, false);
                let role = if earlier { "earlier" } else { "" };
                b.put(
                    d,
                    FactKind::Date,
                    slot_key(&key, work.as_deref().unwrap_or(""), role),
                    with_role(label, work.as_deref(), earlier),
                    false,
                    placed(fact, Compare::Value),
                );
            }
            (FactKind::Year, Value::Year(y)) if y.event.is_none() && r.deadline(fact) => {
                // A target year: keyed by what is to be reached by then, the
                // year's own class ("operational by 2028" = "تدخل الخدمة في
                // عام 2027") or that of the figure set for it ("بنسبة 40 في
                // المائة بحلول 2030"). Without either it is not compared: two
                // targets of a plan are not one fact.
                let after = r.after(fact.span, fact.sentence, 4);
                let before = r.before(fact.span, fact.sentence, 8);
                let class = CLASSES
                    .class_of(Applies::Year, &after, &before)
                    .or_else(|| target_figure_class(r, i));
                let Some(c) = class else { continue };
                let c = &CLASSES.classes[c];
                let earlier = r.earlier(fact, false);
                b.put(
                    d,
                    FactKind::Year,
                    slot_key(
                        &format!("class:{}", c.id),
                        "",
                        if earlier { "earlier" } else { "" },
                    ),
                    with_role(c.label.clone(), None, earlier),
                    false,
                    placed(fact, Compare::Value),
                );
            }
            (FactKind::Year, Value::Year(y)) => {
                let (key, label) = match &y.event {
                    Some(tag) => (format!("event:{tag}"), tag.clone()),
                    None => {
                        let after = r.after(fact.span, fact.sentence, 4);
                        let before = r.before(fact.span, fact.sentence, 8);
                        if let Some(c) = CLASSES.class_of(Applies::Year, &after, &before) {
                            let c = &CLASSES.classes[c];
                            (format!("class:{}", c.id), c.label.clone())
                        } else {
                            let (s, _) = to_folded(fact.span);
                            let sentence = to_folded(fact.sentence);
                            let Some((key, ws, we)) = preceding_words(&folded.text, s, sentence.0)
                            else {
                                continue;
                            };
                            let label = r.article.quote(folded.to_original(ws, we)).to_string();
                            (format!("year:{key}"), label)
                        }
                    }
                };
                let earlier = r.earlier(fact, false);
                b.put(
                    d,
                    FactKind::Year,
                    slot_key(&key, "", if earlier { "earlier" } else { "" }),
                    with_role(label, None, earlier),
                    false,
                    placed(fact, Compare::Value),
                );
            }
            (FactKind::Number, Value::Number(n)) => {
                if r.part_of_larger_number(fact.span) {
                    continue;
                }
                let applies = match n.form {
                    NumberForm::Cardinal => Applies::Count,
                    NumberForm::Ordinal => Applies::Ordinal,
                    NumberForm::Percent => Applies::Percent,
                    NumberForm::Money => Applies::Money,
                };
                let (after, inside) = r.after_counted(fact.span, fact.sentence, 5);
                let before = r.before(fact.span, fact.sentence, 8);
                let class = match &n.counted {
                    Some(noun) if !CLASSES.noun_is_open(noun) => None,
                    _ => CLASSES.class_of_figure(applies, inside, &after, &before),
                };
                // "ثلاث ضحايا جدد": an increment of a running count is not the count.
                if class.is_some_and(|c| CLASSES.classes[c].running)
                    && CLASSES.is_increment(inside, &after, &before)
                {
                    continue;
                }
                let person_subject = class.is_some_and(|c| CLASSES.classes[c].person_subject);
                let (mut key, mut label, running, wants_subject) = match class {
                    Some(c) => {
                        let c = &CLASSES.classes[c];
                        // A share and a count of one class are two facts
                        // (56.4 % of the votes, 612,340 votes).
                        let key = if applies == Applies::Percent && c.applies.len() > 1 {
                            format!("{}:percent", c.id)
                        } else {
                            c.id.clone()
                        };
                        (key, c.label.clone(), c.running, c.subject)
                    }
                    // A noun no class knows: compared only with the same noun
                    // or unit, in any language (data/units.toml).
                    None => match &n.counted {
                        Some(noun) => match UNITS.of(noun) {
                            Some(u) => (
                                format!("unit:{}:{:?}", u.id, n.form).to_lowercase(),
                                u.label.clone(),
                                false,
                                false,
                            ),
                            None => (
                                format!("counted:{noun}:{:?}", n.form).to_lowercase(),
                                noun.clone(),
                                false,
                                false,
                            ),
                        },
                        None => continue,
                    },
                };
                if let Some(unit) = &n.unit {
                    key = format!("{key}:{unit}");
                    label = format!("{label} ({unit})");
                }
                // A whole ("من أصل 176") matters where figures are shares of
                // subjects (one party's seats among all).
                if wants_subject && CLASSES.is_total(&before) {
                    key = format!("{key}:total");
                    label = format!("{label} (in all)");
                } else if let Some(p) = r.part_of(fact, applies) {
                    let part = &CLASSES.parts[p];
                    key = format!("{key}:{}", part.id);
                    label = format!("{label} ({})", part.label);
                }
                let subject = if wants_subject {
                    subject_of(r, i, people, d)
                } else {
                    None
                };
                if person_subject && subject.as_ref().is_none_or(|s| s.2 != FactKind::Person) {
                    // A minute of the team, not of a scorer: which goal it
                    // is cannot be told, so it is not compared.
                    continue;
                }
                let subject = subject.map(|(id, shown, _)| (id, shown));
                let earlier = r.earlier(fact, true);
                b.put(
                    d,
                    FactKind::Number,
                    slot_key(
                        &key,
                        subject.as_ref().map_or("", |s| s.0.as_str()),
                        if earlier { "earlier" } else { "" },
                    ),
                    with_role(label, subject.as_ref().map(|s| s.1.as_str()), earlier),
                    running,
                    placed(fact, Compare::Value),
                );
            }
            (FactKind::Person, Value::Entity(e)) => {
                let Some(id) = people.of(d, i) else { continue };
                // Titles, compared per person.
                if let (Some(title), Some(span)) = (&e.title, e.title_span) {
                    if office::office_of(lex, title).is_some() {
                        let mut f = fact.clone();
                        f.kind = FactKind::Title;
                        f.text = title.clone();
                        f.span = span;
                        b.put(
                            d,
                            FactKind::Title,
                            slot_key("title", id, ""),
                            people.name(id).to_string(),
                            false,
                            Placed {
                                fact: f,
                                headline: r.in_headline(span),
                                compare: Compare::Title(title.clone()),
                                shown: Some(fold(title)),
                            },
                        );
                    }
                }
                // Roles.
                if let Some((role, side)) = person_role(r, i, people, d) {
                    let role_def = &ROLES.roles[role];
                    if !role_def.compared || r.earlier(fact, true) {
                        continue;
                    }
                    let side_label = side.as_ref().map(|s| s.1.as_str());
                    b.put(
                        d,
                        FactKind::Person,
                        slot_key(&role_def.id, side.as_ref().map_or("", |s| s.0.as_str()), ""),
                        with_role(role_def.label.clone(), side_label, false),
                        false,
                        placed(fact, Compare::Identity(id.clone())),
                    );
                }
            }
            (FactKind::Place, Value::Entity(e)) => {
                let Some(role) = place_role(r, fact, e.role) else {
                    continue;
                };
                let (role_key, role_label) = match role {
                    // The next venue of what: the event cue nearest to the place.
                    ("next-venue", label) => match topic_of(fact.span, fact.sentence) {
                        Some((_, key, topic)) => (
                            format!("next-venue:{key}"),
                            format!("{label} of the {topic}"),
                        ),
                        None => continue,
                    },
                    (key, label) => (key.to_string(), label.to_string()),
                };
                let role_key = role_key.as_str();
                let key = fact.normalized();
                if lex.is_city(&key) {
                    b.put(
                        d,
                        FactKind::Place,
                        slot_key(role_key, "", "city"),
                        format!("{role_label} (city)"),
                        false,
                        placed(fact, Compare::Identity(key.clone())),
                    );
                }
                if let Some(country) = lex.country_of(&key) {
                    b.put(
                        d,
                        FactKind::Place,
                        slot_key(role_key, "", "country"),
                        format!("{role_label} (country)"),
                        false,
                        placed(fact, Compare::Identity(country.to_string())),
                    );
                }
            }
            _ => {}
        }
    }
}

/// The class of the figure a target year is set for: the nearest figure
/// before the year in its sentence ("بنسبة 40 في المائة بحلول 2030").
fn target_figure_class(r: &Reading, year: usize) -> Option<usize> {
    let y = &r.facts[year];
    r.facts[..year]
        .iter()
        .rev()
        .filter(|g| y.sentence.contains(g.span) && g.span.end <= y.span.start)
        .find_map(|g| match &g.value {
            Value::Number(n) => {
                let applies = match n.form {
                    NumberForm::Cardinal => Applies::Count,
                    NumberForm::Ordinal => Applies::Ordinal,
                    NumberForm::Percent => Applies::Percent,
                    NumberForm::Money => Applies::Money,
                };
                let (after, inside) = r.after_counted(g.span, g.sentence, 5);
                let before = r.before(g.span, g.sentence, 8);
                CLASSES.class_of_figure(applies, inside, &after, &before)
            }
            _ => None,
        })
}

/// Whose figure it is: the nearest name (place, organisation or person)
/// before it in its sentence → (identity, name as written, its kind).
fn subject_of(
    r: &Reading,
    fact: usize,
    people: &People,
    d: usize,
) -> Option<(String, String, FactKind)> {
    let f = &r.facts[fact];
    r.facts[..fact]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, g)| f.sentence.contains(g.span) && g.span.end <= f.span.start)
        .find_map(|(j, g)| match &g.value {
            Value::Entity(e) => {
                let id = people.of(d, j).cloned().unwrap_or_else(|| e.key.clone());
                let shown = match g.kind {
                    FactKind::Person => people.name(&id).to_string(),
                    _ => e.key.clone(),
                };
                Some((id, shown, g.kind))
            }
            _ => None,
        })
}

/// The role of a person from the nearest role cue before the person (or
/// the title) in the sentence: (role index, side). "مع" makes a counterpart
/// only after a meeting or signing word; a signatory's side is the party
/// after "عن" ("عن الجانب الموريتاني").
fn person_role(
    r: &Reading,
    fact: usize,
    people: &People,
    d: usize,
) -> Option<(usize, Option<(String, String)>)> {
    let f = &r.facts[fact];
    let Value::Entity(e) = &f.value else {
        return None;
    };
    let roles = &*ROLES;
    let index_of = |id: &str| roles.roles.iter().position(|x| x.id == id);
    let start = e
        .title_span
        .map_or(f.span, |t| Span::new(t.start.min(f.span.start), f.span.end));
    let before = r.before_in_sentence(start, f.sentence);
    let words: Vec<Word> = before.iter().rev().map(|(_, t)| t.word.clone()).collect();
    // `words` is in reading order; walk back from the nearest word.
    let n = words.len();
    // What "مع" follows, nearest first: a signing word makes the person
    // after it a co-signatory ("وقع الوزير مع نظيره X"), a meeting word a
    // counterpart met ("مباحثات مع X").
    let signed_with = |upto: usize| {
        (0..upto).rev().find_map(|m| {
            if roles
                .cues
                .at(&words, m)
                .is_some_and(|(x, _)| roles.roles[x].id == "signatory")
            {
                Some(true)
            } else if classes::any_in(&MEETING, &words[m..m + 1]) {
                Some(false)
            } else {
                None
            }
        })
    };
    let co_signatory = || index_of("signatory").map(|i| (i, side_of_title(r, e, people, d)));
    // The extractor's own reading of the sentence comes first.
    match e.role {
        Role::Counterpart if signed_with(n) == Some(true) => return co_signatory(),
        Role::Counterpart => return index_of("counterpart").map(|i| (i, None)),
        Role::Host | Role::Visitor | Role::Venue | Role::Mentioned => {}
    }
    let mut side_at: Option<usize> = None;
    for k in (0..n).rev() {
        if side_at.is_none() && roles.side.at(&words, k).is_some() {
            side_at = Some(k);
        }
        let Some((role, _)) = roles.cues.at(&words, k) else {
            continue;
        };
        let id = roles.roles[role].id.as_str();
        if id == "counterpart" {
            // "مع" counts only after a meeting or signing word.
            match signed_with(k) {
                None => continue,
                Some(true) => return co_signatory(),
                Some(false) => return Some((role, None)),
            }
        }
        let side = if id == "signatory" {
            side_at
                .and_then(|s| side_of(r, f, &before, n - 1 - s, people, d))
                .or_else(|| side_of_title(r, e, people, d))
        } else {
            None
        };
        return Some((role, side));
    }
    None
}

static MEETING: LazyLock<classes::CueSet> = LazyLock::new(|| {
    let mut s = classes::CueSet::default();
    for w in [
        "جلسه",
        "جلسات",
        "لقاء*",
        "اجتماع*",
        "مباحثات",
        "محادثات",
        "التقي",
        "التقت",
        "التقيا",
        "بحث",
        "بحثت",
        "تباحث*",
        "اجتمع*",
        "rencontre*",
        "entretien*",
        "reunion*",
        "met",
        "meeting*",
        "talks",
    ] {
        s.add(0, w);
    }
    s
});

/// The side after "عن": the place or organisation named between it and
/// the person, else its first word that is not a filler ("الصندوق").
/// `at` indexes `before` (nearest first).
fn side_of(
    r: &Reading,
    person: &Fact,
    before: &[(usize, &Token)],
    at: usize,
    people: &People,
    d: usize,
) -> Option<(String, String)> {
    let (_, side_token) = before.get(at)?;
    let from = side_token.end;
    let to = person.span.start;
    let named = r.facts.iter().enumerate().find(|(_, g)| {
        matches!(g.kind, FactKind::Place | FactKind::Organization)
            && g.span.start >= from
            && g.span.end <= to
    });
    if let Some((j, g)) = named {
        let id = people.of(d, j).cloned().unwrap_or_else(|| g.normalized());
        return Some((id.clone(), id));
    }
    let words: Vec<Word> = before[..at]
        .iter()
        .rev()
        .map(|(_, t)| t.word.clone())
        .collect();
    words
        .iter()
        .enumerate()
        .find(|(k, _)| ROLES.side_filler.at(&words, *k).is_none())
        .map(|(_, w)| {
            let bases = classes::bases(w);
            let stem = bases.last().copied().unwrap_or(w).to_string();
            (stem.clone(), stem)
        })
}

/// The side a signatory stands for when no "عن" names it: the country of
/// his title ("وزير الصناعة المصري", "Tunisian minister"), so that two
/// articles naming each side's signatory are not set against each other.
fn side_of_title(
    r: &Reading,
    e: &crate::model::EntityValue,
    people: &People,
    d: usize,
) -> Option<(String, String)> {
    let span = e.title_span?;
    r.facts
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == FactKind::Place && span.contains(g.span))
        .find_map(|(j, g)| {
            let key = people.of(d, j).cloned().unwrap_or_else(|| g.normalized());
            crate::extract::entity::country_of(&key).map(|c| (c.to_string(), c.to_string()))
        })
}

/// Where a place stands in the story: the venue (as the extractor reads it),
/// or the next venue (a place after "في"/"ب"/"بمدينة" in a sentence about a
/// later event decided now: "قرر المجلس تنظيم المنتدى في نواكشوط").
fn place_role(r: &Reading, fact: &Fact, role: Role) -> Option<(&'static str, &'static str)> {
    let later = r.sentence_cues(fact.sentence).1;
    let located = role == Role::Venue || {
        // The token holding the place may carry the preposition ("بنواكشوط").
        let at = r.token_at(fact.span.start);
        let own = r
            .tokens
            .get(at.saturating_sub(1))
            .filter(|t| t.start < fact.span.start && t.end > fact.span.start)
            .is_some_and(|t| t.word.starts_with('ب'));
        own || r.tokens[..at]
            .iter()
            .rev()
            .take(3)
            .take_while(|t| !t.boundary)
            .any(|t| {
                ROLES
                    .location
                    .at(std::slice::from_ref(&t.word), 0)
                    .is_some()
            })
    };
    if !located {
        return None;
    }
    if later {
        Some(("next-venue", "next venue"))
    } else if role == Role::Venue {
        Some(("venue", "venue"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slots of a group of texts: (topic, values per article).
    fn slots_of(texts: &[&str]) -> Vec<(String, Vec<Vec<String>>)> {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_text(format!("a{i}"), *t))
            .collect();
        let options = crate::extract::ExtractOptions::default();
        let facts: Vec<Vec<Fact>> = articles
            .iter()
            .map(|a| crate::extract::extract(a, &options))
            .collect();
        let docs: Vec<(&Article, &[Fact])> = articles
            .iter()
            .zip(&facts)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        align(&docs, crate::extract::entity::builtin_lexicon())
            .into_iter()
            .map(|slot| {
                let values = (0..texts.len())
                    .map(|d| {
                        slot.claims
                            .get(&d)
                            .map(|ps| ps.iter().map(|p| p.fact.normalized()).collect())
                            .unwrap_or_default()
                    })
                    .collect();
                (slot.topic, values)
            })
            .collect()
    }

    fn slot<'s>(
        slots: &'s [(String, Vec<Vec<String>>)],
        topic: &str,
    ) -> Option<&'s Vec<Vec<String>>> {
        slots.iter().find(|(t, _)| t == topic).map(|(_, v)| v)
    }

    #[test]
    fn figures_in_competition_are_a_part_apart_from_the_total() {
        let slots = slots_of(&[
            "بمشاركة 64 فيلما من 12 دولة. ويتنافس 22 فيلما على جوائز المسابقة الرسمية. وتحتفي الدورة بالسينما الفلسطينية من خلال برنامج خاص يضم سبعة أفلام.",
            "يعرف المهرجان عرض 46 فيلما من 12 دولة، بينها 22 فيلما في المسابقة الرسمية.",
            // A relative clause describes the noun before it.
            "ويترأس لجنة تحكيم المسابقة الرسمية، التي تضم 22 فيلماً، المخرج التركي.",
        ]);
        let total = slot(&slots, "films||").expect("total films");
        assert_eq!(total[0], vec!["64"]);
        assert_eq!(total[1], vec!["46"]);
        assert!(total[2].is_empty());
        let part = slot(&slots, "films:competition||").expect("films in competition");
        assert_eq!(part, &vec![vec!["22"], vec!["22"], vec!["22"]]);
    }

    #[test]
    fn a_target_year_meets_the_same_target_in_any_language_and_only_it() {
        let slots = slots_of(&[
            "تعتزم الموانئ خفض انبعاثاتها من ثاني أكسيد الكربون بنسبة 40 في المائة بحلول سنة 2030، عبر كهربة الأرصفة.",
            "Les ports visent une réduction de 40 % de leurs émissions de CO2 d'ici 2035.",
            // A target with nothing said of what it is for is not compared.
            "ويطمح البرنامج إلى بلوغ أهدافه بحلول سنة 2030.",
        ]);
        let years = slot(&slots, "class:emissions||").expect("emissions target");
        assert_eq!(years[0], vec!["2030"]);
        assert_eq!(years[1], vec!["2035"]);
        assert!(years[2].is_empty());
        // A deadline on an event is that event's year.
        let slots = slots_of(&[
            "ومن المتوقع أن تدخل المحطة الخدمة في عام 2027، لتغطي الطلب.",
            "The plant is expected to be operational by 2028.",
        ]);
        let years = slot(&slots, "class:entry-into-service||").expect("entry into service");
        assert_eq!(years, &vec![vec!["2027"], vec!["2028"]]);
    }

    #[test]
    fn a_screening_date_is_compared_only_with_the_same_films() {
        let slots = slots_of(&[
            "وأشارت إلى أن الفيلم المغربي \"أصوات الجبل\" للمخرجة سلمى بنكيران سيعرض يوم الثلاثاء 1 يوليو 2025 ضمن المسابقة.",
            "يشارك الفيلم الوثائقي المغربي \"أصوات الجبل\" في المسابقة الرسمية.\n\nومن المرتقب أن يعرض الفيلم المغربي يوم الاثنين 30 يونيو 2025 بالمسرح الجهوي.",
            "ومن المنتظر أن يعرض فيلم \"ذاكرة الملح\" يوم 2 يوليو 2025 في القاعة الكبرى.",
        ]);
        let same = slot(&slots, "screening|اصوات الجبل|").expect("screening of the film");
        assert_eq!(same[0], vec!["2025-07-01"]);
        assert_eq!(same[1], vec!["2025-06-30"]);
        assert!(same[2].is_empty());
        assert!(slot(&slots, "screening|ذاكره الملح|").is_some());
        // A screening with no work named is not compared.
        let slots = slots_of(&["ومن المنتظر أن يعرض يوم 2 يوليو 2025 في القاعة الكبرى."]);
        assert!(slots.iter().all(|(t, _)| !t.starts_with("screening")));
    }

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

    #[test]
    fn the_headline_is_the_line_before_the_running_text() {
        let a = Article::from_text(
            "x",
            "ديوانية نيوز\nالرئيسية | رياضة | عربية\n\n٢٥ أغسطس ٢٠٢٥\n\nالمغرب ثالثاً برصيد ٩ ميداليات في عربية الجودو\n\nاختتمت مساء أمس الأحد في العاصمة الأردنية عمّان منافسات البطولة.\n",
        );
        let h = headline_span(&a).unwrap();
        assert_eq!(
            &a.text[h.start..h.end],
            "المغرب ثالثاً برصيد ٩ ميداليات في عربية الجودو"
        );
    }
}
