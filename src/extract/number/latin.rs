//! Figures in French and English sentences.
//!
//! The Arabic reader (the parent module) works on the folded text with
//! Arabic grammar; Latin-script sentences (see `extract::language`) are read
//! here instead, on the original text, with the lexicon in
//! data/latin_numbers.toml and the `text2num` crate for number words
//! ("vingt-cinq", "ninety-third", "deux mille").
//!
//! What is read, at each word:
//! - an ordinal in digits ("93rd", "6e", "1er", "2ème"), or an ordinal word
//!   before a head noun ("la sixième édition", "the third consecutive year");
//! - a currency sign or code before a figure ("$250 million", "USD 30 million");
//! - a cardinal: digits grouped by spaces, thin or no-break spaces, dots or
//!   commas ("2 345", "3.412.008", "1,750"), with a decimal comma or point
//!   ("62,4", "5.8"), optionally times a scale word ("1,2 milliard"), or
//!   number words; then what follows: a percent sign or phrase, a currency
//!   ("de dirhams", "d'euros", "dollars"), an age ("ans" after "âgé de",
//!   "-year-old"), an earthquake magnitude, or the noun it counts;
//! - an order of magnitude ("des dizaines de", "hundreds of").
//!
//! Group and decimal marks: several marks of one kind group thousands; with
//! two kinds the last is the decimal mark; a single mark before exactly
//! three digits groups thousands when it is a comma in English or a dot in
//! French, and is a decimal mark otherwise ("1,750" = 1750 in English, 1.75
//! in French).
//!
//! Not figures in running text: times of day ("10h20", "8:15 PM", "à 10
//! heures"), dates (a month next to the number: the date reader takes it),
//! years 1900–2100 without a counted noun, phone numbers (three groups in a
//! row, a leading 0 or +), codes glued to letters ("COVID-19", "CO2"),
//! labels ("article 47"), articles and pronouns "un", "une", "one", and small
//! number words that count nothing ("les deux").
//!
//! The counted noun is lower case, with a plural -s or -x dropped
//! ("personnes" → "personne"); an age counts "age", a magnitude "magnitude".

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use text2num::{text2digits, Language as T2nLanguage};

use super::Mode;
use crate::extract::Document;
use crate::model::{Fact, FactKind, Language, NumberForm, NumberValue, Qualifier, Span, Value};

#[derive(Deserialize)]
struct File {
    scales: HashMap<String, f64>,
    synonyms: HashMap<String, String>,
    decimal_points: Words,
    counts: HashMap<String, f64>,
    ratios: Phrases,
    qualifiers_before: HashMap<String, Vec<String>>,
    qualifiers_after: HashMap<String, Vec<String>>,
    percent: Phrases,
    currencies: HashMap<String, String>,
    currency_countries: HashMap<String, String>,
    ordinal_heads: Words,
    ordinal_adjectives: Words,
    ordinal_suffixes: Suffixes,
    labels: Words,
    clock: Clock,
    not_counted: Words,
    durations: Durations,
    definite: Words,
    invariant: Words,
    magnitudes: Magnitudes,
    quake: BeforeAfter,
    age: Age,
    fractions: Fractions,
    negative: Words,
}

#[derive(Deserialize)]
struct Fractions {
    denominators: HashMap<String, f64>,
    not_denominators: Vec<String>,
    alone: Vec<String>,
    one: Vec<String>,
    join: Vec<String>,
    of: Vec<String>,
    glyphs: HashMap<String, f64>,
}

#[derive(Deserialize)]
struct Phrases {
    phrases: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Durations {
    words: Vec<String>,
    period_words: Vec<String>,
}

#[derive(Deserialize)]
struct Suffixes {
    en: Vec<String>,
    fr: Vec<String>,
}

#[derive(Deserialize)]
struct Clock {
    after: Vec<String>,
    before_hours: Vec<String>,
}

#[derive(Deserialize)]
struct Magnitudes {
    tens: Vec<String>,
    hundreds: Vec<String>,
    thousands: Vec<String>,
}

#[derive(Deserialize)]
struct BeforeAfter {
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Deserialize)]
struct Age {
    before: Vec<String>,
    years: Vec<String>,
    after: Vec<String>,
}

/// A phrase as the lower-case texts of its tokens.
type Phrase = Vec<String>;

struct Lexicon {
    scales: HashMap<String, f64>,
    synonyms: HashMap<String, String>,
    decimal_points: Vec<String>,
    counts: Vec<(Phrase, f64)>,
    ratios: Vec<Phrase>,
    qualifiers_before: Vec<(Phrase, Qualifier)>,
    qualifiers_after: Vec<(Phrase, Qualifier)>,
    percent: Vec<Phrase>,
    currencies: Vec<(Phrase, String)>,
    heads: Vec<String>,
    adjectives: Vec<String>,
    suffixes_en: Vec<String>,
    suffixes_fr: Vec<String>,
    labels: Vec<String>,
    clock_after: Vec<Phrase>,
    before_hours: Vec<String>,
    not_counted: Vec<String>,
    durations: Vec<String>,
    period_words: Vec<String>,
    definite: Vec<String>,
    invariant: Vec<String>,
    magnitudes: HashMap<String, (Qualifier, f64)>,
    quake_before: Vec<Phrase>,
    quake_after: Vec<Phrase>,
    age_before: Vec<Phrase>,
    age_years: Vec<String>,
    age_after: Vec<Phrase>,
    fractions: Fractions,
    negative: Vec<String>,
    french: T2nLanguage,
    english: T2nLanguage,
}

fn phrase(s: &str) -> Phrase {
    tokenize(s, 0).into_iter().map(|t| t.lower).collect()
}

/// Longest phrases first, so that "more than" wins over "more".
fn phrases(list: &[String]) -> Vec<Phrase> {
    let mut v: Vec<Phrase> = list
        .iter()
        .map(|s| phrase(s))
        .filter(|p| !p.is_empty())
        .collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v
}

fn qualifier_of(name: &str) -> Qualifier {
    match name {
        "about" => Qualifier::About,
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "less_than" => Qualifier::LessThan,
        "at_most" => Qualifier::AtMost,
        other => panic!("data/latin_numbers.toml: unknown qualifier {other}"),
    }
}

fn qualified(table: &HashMap<String, Vec<String>>) -> Vec<(Phrase, Qualifier)> {
    let mut v: Vec<(Phrase, Qualifier)> = Vec::new();
    let mut names: Vec<&String> = table.keys().collect();
    names.sort();
    for name in names {
        for p in phrases(&table[name]) {
            v.push((p, qualifier_of(name)));
        }
    }
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    v
}

fn load() -> Lexicon {
    let f: File = toml::from_str(include_str!("../../../data/latin_numbers.toml"))
        .expect("data/latin_numbers.toml is valid");
    let mut currencies: Vec<(Phrase, String)> = f
        .currency_countries
        .iter()
        .chain(&f.currencies)
        .map(|(k, v)| (phrase(k), v.clone()))
        .collect();
    currencies.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut magnitudes = HashMap::new();
    for (list, q, v) in [
        (&f.magnitudes.tens, Qualifier::Tens, 10.0),
        (&f.magnitudes.hundreds, Qualifier::Hundreds, 100.0),
        (&f.magnitudes.thousands, Qualifier::Thousands, 1000.0),
    ] {
        for w in list {
            magnitudes.insert(w.clone(), (q, v));
        }
    }
    Lexicon {
        scales: f.scales,
        synonyms: f.synonyms,
        decimal_points: f.decimal_points.words,
        ratios: phrases(&f.ratios.phrases),
        counts: {
            let mut v: Vec<(Phrase, f64)> = f.counts.iter().map(|(k, v)| (phrase(k), *v)).collect();
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            v
        },
        qualifiers_before: qualified(&f.qualifiers_before),
        qualifiers_after: qualified(&f.qualifiers_after),
        percent: phrases(&f.percent.phrases),
        currencies,
        heads: f.ordinal_heads.words,
        adjectives: f.ordinal_adjectives.words,
        suffixes_en: f.ordinal_suffixes.en,
        suffixes_fr: f.ordinal_suffixes.fr,
        labels: f.labels.words,
        clock_after: phrases(&f.clock.after),
        before_hours: f.clock.before_hours,
        not_counted: f.not_counted.words,
        invariant: f.invariant.words,
        definite: f.definite.words,
        durations: f.durations.words,
        period_words: f.durations.period_words,
        magnitudes,
        quake_before: phrases(&f.quake.before),
        quake_after: phrases(&f.quake.after),
        age_before: phrases(&f.age.before),
        age_years: f.age.years,
        age_after: phrases(&f.age.after),
        fractions: f.fractions,
        negative: f.negative.words,
        french: T2nLanguage::french(),
        english: T2nLanguage::english(),
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

// ---------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A figure in digits, grouping and decimal marks included.
    Num,
    Word,
    Sym,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    /// Original byte offsets.
    start: usize,
    end: usize,
    /// Lower case text (words, symbols); the digits as written (numbers).
    lower: String,
    /// No space before it.
    glued: bool,
    /// First token on its line.
    line_start: bool,
    /// Digits: every mark in it, in order (' ' for any space).
    marks: Vec<char>,
    /// Words: written with a capital first letter ("3M" vs "5m").
    capital: bool,
}

fn is_space_mark(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '°'
}

/// French elided articles and pronouns written with an apostrophe.
const ELISIONS: [&str; 11] = [
    "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu",
];

fn tokenize(text: &str, base: usize) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut k = 0;
    let mut glued = false;
    let mut line_start = true;
    while k < chars.len() {
        let c = chars[k].1;
        if c == '\n' {
            line_start = true;
            glued = false;
            k += 1;
            continue;
        }
        if c.is_whitespace() {
            glued = false;
            k += 1;
            continue;
        }
        let start = k;
        let mut marks = Vec::new();
        // ".77", ",5": a decimal mark opening a number, apart from what precedes it.
        // "-.0012": after a minus sign that opens a figure.
        let after_sign = k >= 1
            && at(k - 1) == Some('-')
            && (k == 1 || at(k - 2).is_some_and(char::is_whitespace));
        let leading_mark = matches!(c, '.' | ',')
            && (!glued || after_sign)
            && at(k + 1).is_some_and(|d| d.is_ascii_digit());
        if leading_mark {
            marks.push(c);
            k += 1;
        }
        // Right after "22," (digits and a mark, all glued): an item of a list.
        let in_list = glued
            && out.len() >= 2
            && matches!(out[out.len() - 1].lower.as_str(), "," | ".")
            && out[out.len() - 1].glued
            && out[out.len() - 2].kind == Kind::Num;
        let kind = if leading_mark || c.is_ascii_digit() {
            // Digits, then groups of exactly three after one mark, then a decimal part.
            let mut j = k;
            while at(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
            let first_len = j - k;
            while let Some(m) = at(j) {
                let is_mark = m == '.' || m == ',' || is_space_mark(m);
                if !is_mark || !at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                    break;
                }
                let mut e = j + 1;
                while at(e).is_some_and(|c| c.is_ascii_digit()) {
                    e += 1;
                }
                let group = e - j - 1;
                let space = is_space_mark(m);
                if space {
                    // Space groups: a first group of at most three digits and groups of three.
                    if group != 3 || first_len > 3 || marks.iter().any(|&x| x != ' ') {
                        break;
                    }
                    marks.push(' ');
                } else {
                    // "22,24,26,31": a short group followed by the same mark
                    // and more digits is a list, not a decimal part; so is
                    // any short group of a number that follows such a list.
                    let list = group != 3
                        && (in_list
                            || (at(e) == Some(m) && at(e + 1).is_some_and(|c| c.is_ascii_digit())));
                    if list {
                        break;
                    }
                    // A mark followed by another group keeps going; a letter
                    // right after ends the number before the mark ("3.5km" is fine).
                    marks.push(m);
                    if group != 3 {
                        j = e;
                        break;
                    }
                }
                j = e;
            }
            // A trailing mark of the last group that is a decimal mark with
            // digits after was taken above; stop.
            k = j;
            Kind::Num
        } else if is_word_char(c) {
            let mut j = k;
            loop {
                match at(j) {
                    Some(c) if is_word_char(c) => j += 1,
                    // Inside a word: "dix-huit", "colonel-major", "aujourd'hui".
                    Some('\'' | '’') if j > start => {
                        let head: String = chars[start..j].iter().map(|&(_, c)| c).collect();
                        if ELISIONS.contains(&head.to_lowercase().as_str()) {
                            // "d'euros": the elided word ends with its apostrophe.
                            j += 1;
                            break;
                        }
                        if !at(j + 1).is_some_and(is_word_char)
                            || (at(j + 1) == Some('s') && !at(j + 2).is_some_and(is_word_char))
                        {
                            break; // "Morocco's": the possessive is its own token.
                        }
                        j += 1;
                    }
                    // Inside a word: "dix-huit", "colonel-major", "year-old".
                    Some('-') if at(j + 1).is_some_and(is_word_char) && j > start => j += 1,
                    _ => break,
                }
            }
            k = j;
            Kind::Word
        } else {
            k += 1;
            Kind::Sym
        };
        let (s, e) = (byte(start), byte(k));
        let raw = &text[s..e];
        let lower = match kind {
            Kind::Num => raw.to_string(),
            _ => raw.to_lowercase().replace('’', "'"),
        };
        out.push(Tok {
            kind,
            start: base + s,
            end: base + e,
            lower,
            glued,
            line_start,
            marks,
            capital: raw.starts_with(char::is_uppercase),
        });
        glued = true;
        line_start = false;
    }
    out
}

/// The value of digits with their marks, read for `lang`.
fn digits_value(raw: &str, marks: &[char], lang: Language) -> Option<f64> {
    if raw.starts_with(['.', ',']) {
        let digits: String = raw[1..].chars().filter(char::is_ascii_digit).collect();
        return format!("0.{digits}").parse().ok();
    }
    let puncts: Vec<char> = marks.iter().copied().filter(|&m| m != ' ').collect();
    let last_group_len = raw
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .map_or(0, str::len);
    // Which punctuation mark is the decimal one, if any.
    let decimal: Option<char> = match puncts.as_slice() {
        [] => None,
        [m] => {
            // English groups with commas, French (and most other
            // languages: German, Spanish, Italian) with dots; a text of
            // unknown language ("100.000" alone) reads either as grouping,
            // thousands being far more common in news than three decimals.
            let grouping = last_group_len == 3
                && !matches!((m, lang), (',', Language::Fr) | ('.', Language::En));
            (!grouping).then_some(*m)
        }
        [.., last] => {
            if puncts.iter().all(|m| m == last) {
                // "3.412.008", "1,234,567": all grouping, unless the last group is short.
                (last_group_len != 3).then_some(*last)
            } else {
                Some(*last)
            }
        }
    };
    // English writes decimals with a point: "22,24,26" is a list, not 22.24.
    if decimal == Some(',') && lang == Language::En && !puncts.contains(&'.') {
        return None;
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_digit() {
            s.push(c);
        } else if Some(c) == decimal {
            s.push('.');
        }
    }
    if decimal.is_some() && puncts.iter().filter(|&&m| Some(m) == decimal).count() > 1 {
        return None;
    }
    s.parse().ok()
}

// ---------------------------------------------------------------------------
// Reading.

struct Reader<'a> {
    toks: &'a [Tok],
    lang: Language,
    mode: Mode,
    lex: &'static Lexicon,
}

/// A figure found, before it becomes a fact.
#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    next: usize,
    value: NumberValue,
}

fn number(value: f64, form: NumberForm) -> NumberValue {
    NumberValue {
        value,
        form,
        qualifier: Qualifier::Exact,
        unit: None,
        counted: None,
    }
}

/// A fraction read in words: an optional whole part ("twenty | and three
/// fifths") with the scale it ends with when a fraction of that scale
/// follows ("two million | and a half"), the proper part, the token after.
struct Fraction {
    whole: Option<f64>,
    unit: f64,
    part: f64,
    end: usize,
}

/// A cardinal read at a token: value, first token after it, whether in words.
struct Cardinal {
    value: f64,
    end: usize,
    words: bool,
}

impl Reader<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }

    /// Token `i` continues the line of the token before it.
    fn same_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.line_start)
    }

    /// Whether the tokens at `i` spell `p` (on one line); the token after it.
    fn phrase_at(&self, i: usize, p: &Phrase) -> Option<usize> {
        if p.is_empty() || i + p.len() > self.toks.len() {
            return None;
        }
        let ok = p.iter().zip(&self.toks[i..]).all(|(w, t)| *w == t.lower)
            && (i + 1..i + p.len()).all(|k| self.same_line(k));
        ok.then_some(i + p.len())
    }

    /// The phrase of `list` that ends right before token `i`: where it starts.
    fn phrase_before<'p>(&self, i: usize, list: &'p [Phrase]) -> Option<(usize, &'p Phrase)> {
        if !self.same_line(i) {
            return None;
        }
        list.iter().find_map(|p| {
            let s = i.checked_sub(p.len())?;
            self.phrase_at(s, p).filter(|&e| e == i).map(|_| (s, p))
        })
    }

    /// The number-word grammars to try: the sentence's language first, the
    /// other one for a phrase too short to tell.
    fn interpreters(&self) -> [&T2nLanguage; 2] {
        match self.lang {
            Language::Fr => [&self.lex.french, &self.lex.english],
            _ => [&self.lex.english, &self.lex.french],
        }
    }

    fn is_number_word(&self, w: &str) -> bool {
        self.interpreters()
            .iter()
            .any(|l| text2digits(w, *l).is_ok())
    }

    fn scale(&self, w: &str) -> Option<f64> {
        let v = *self.lex.scales.get(w)?;
        // French "billion" is a million millions.
        Some(if self.lang == Language::Fr && w.starts_with("billion") {
            1e12
        } else {
            v
        })
    }

    /// Number words from `i`: the longest run `text2num` reads, and whether
    /// it is an ordinal.
    fn words_at(&self, i: usize) -> Option<(f64, usize, bool)> {
        let (digits, end, ordinal) = self.words_run(i)?;
        Some((digits.parse().ok()?, end, ordinal))
    }

    /// Number words from `i` as text2num writes them: the digit string as
    /// written ("zero three" → "03"), the token after the run, and whether
    /// it is an ordinal. A dash between a tens word and a unit joins them
    /// ("twenty—fifth", "fifty - two"); see [`normal_word`] for the words
    /// text2num does not know as written.
    fn words_run(&self, i: usize) -> Option<(String, usize, bool)> {
        self.words_run_until(i, self.toks.len())
    }

    /// [`Self::words_run`] ending before token `limit`.
    fn words_run_until(&self, i: usize, limit: usize) -> Option<(String, usize, bool)> {
        let first = normal_word(self.word(i)?);
        // Quick refusal: the first word alone must be a number word ("a" +
        // scale is read by the caller).
        let interpreter = *self
            .interpreters()
            .iter()
            .find(|l| text2digits(&first, **l).is_ok())?;
        let mut best = None;
        let mut words: Vec<String> = Vec::new();
        let mut j = i;
        while j < limit.min(self.toks.len()) && j < i + 12 {
            if j > i && !self.same_line(j) {
                break;
            }
            let dash = self.tok(j).is_some_and(|t| is_dash(&t.lower));
            if dash && words.last().is_some_and(|w| is_tens(w)) {
                let unit = self
                    .word(j + 1)
                    .filter(|_| self.same_line(j + 1))
                    .map(normal_word)
                    .filter(|w| is_unit(w));
                let Some(unit) = unit else { break };
                let tens = words.pop().unwrap_or_default();
                words.push(format!("{tens}-{unit}"));
                j += 2;
            } else {
                let Some(w) = self.word(j) else { break };
                let w = normal_word(w);
                // "trois cent vingt seconde": "second" inside a French number is "deuxième".
                let french = std::ptr::eq(interpreter, &self.lex.french);
                let w = match w.as_str() {
                    "second" | "seconde" if j > i && french => "deuxième".to_string(),
                    _ => w,
                };
                words.push(w);
                j += 1;
            }
            if let Ok(digits) = text2digits(&words.join(" "), interpreter) {
                let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
                if n.is_empty() || digits[n.len()..].contains(char::is_whitespace) {
                    continue;
                }
                // text2num drops the mark of "twenty-firsts": the plural of an ordinal.
                let last = words.last().map_or("", String::as_str);
                let ordinal = n.len() < digits.len()
                    || ["firsts", "seconds", "thirds"]
                        .iter()
                        .any(|s| last.ends_with(s) && last.len() > s.len());
                best = Some((n, j, ordinal));
            }
        }
        best
    }

    /// A decimal part in words at `at`: "point" or "virgule" and its digits,
    /// in digits ("1 point 1") or number words read as written ("zero three"
    /// → "03", "seventy-one" → "71", "cinquante deux" → "52"), up to a scale
    /// word ("two point two | million"). The digits and the token after.
    fn decimal_words(&self, at: usize) -> Option<(String, usize)> {
        let leading = self.mode == Mode::Phrase && at == 0;
        let w = self.word(at).filter(|_| leading || self.same_line(at))?;
        if !self.lex.decimal_points.iter().any(|p| p == w) {
            return None;
        }
        // "at one point two men": "at one point" is a moment, not a figure.
        if self.mode == Mode::Text
            && at
                .checked_sub(2)
                .and_then(|k| self.word(k))
                .is_some_and(|p| p == "at")
        {
            return None;
        }
        let k = at + 1;
        let t = self.tok(k).filter(|t| !t.line_start)?;
        if t.kind == Kind::Num {
            let glued_after = self
                .tok(k + 1)
                .is_some_and(|n| n.glued && n.kind != Kind::Sym);
            return (t.marks.is_empty() && !glued_after).then(|| (t.lower.clone(), k + 1));
        }
        let limit = (k..self.toks.len())
            .find(|&j| {
                self.word(j).is_some_and(|w| {
                    self.scale(w).is_some() || matches!(w, "hundred" | "cent" | "cents" | "mille")
                })
            })
            .unwrap_or(self.toks.len());
        let (digits, end, ordinal) = self.words_run_until(k, limit)?;
        (!ordinal).then_some((digits, end))
    }

    /// A whole figure written `int` with the decimal digits `dec`.
    fn with_decimals(int: &str, dec: &str) -> Option<f64> {
        format!("{int}.{dec}").parse().ok()
    }

    fn cardinal_at(&self, i: usize) -> Option<Cardinal> {
        let t = self.tok(i)?;
        let mut decimal = false;
        let (mut value, mut end, words) = match t.kind {
            Kind::Num => {
                let mut value = digits_value(&t.lower, &t.marks, self.lang)?;
                let mut end = i + 1;
                if t.marks.is_empty() {
                    if let Some((dec, e)) = self.decimal_words(end) {
                        value = Self::with_decimals(&t.lower, &dec)?;
                        end = e;
                        decimal = true;
                    }
                }
                if let Some((scale, e)) = self.scale_letter(end) {
                    value *= scale;
                    end = e;
                }
                if self.mode == Mode::Phrase {
                    if let Some((v, e)) = self.power(value, end) {
                        value = v;
                        end = e;
                    }
                }
                (value, end, false)
            }
            Kind::Word => {
                // "a couple of", "a pair of"; in a phrase alone also "a couple", "single".
                let count = self.lex.counts.iter().find_map(|(p, v)| {
                    let e = self.phrase_at(i, p)?;
                    let of = p.last().is_some_and(|w| w == "of" || w == "de");
                    (self.mode == Mode::Phrase || of).then_some((*v, e))
                });
                if let Some((value, end)) = count {
                    return Some(Cardinal {
                        value,
                        end,
                        words: true,
                    });
                }
                // "un billion" (10^12 in French), "un milliard": a scale
                // text2num does not read after "un".
                if t.lower == "un" {
                    if let Some(v) = self
                        .word(i + 1)
                        .filter(|n| {
                            self.same_line(i + 1) && text2digits(n, &self.lex.french).is_err()
                        })
                        .and_then(|n| self.scale(n))
                    {
                        return Some(Cardinal {
                            value: v,
                            end: i + 2,
                            words: true,
                        });
                    }
                }
                // "a hundred", "a million", "un million".
                if matches!(t.lower.as_str(), "a" | "an") {
                    let next = self.word(i + 1).filter(|_| self.same_line(i + 1))?;
                    if let Some(v) = self.scale(next).filter(|_| !self.is_number_word(next)) {
                        return Some(Cardinal {
                            value: v,
                            end: i + 2,
                            words: true,
                        });
                    }
                    let (v, end, ordinal) = self.words_at(i + 1)?;
                    let scaled =
                        ["hundred", "thousand", "million", "billion", "dozen"].contains(&next);
                    return (scaled && !ordinal).then_some(Cardinal {
                        value: v,
                        end,
                        words: true,
                    });
                }
                // "point 77": a decimal part alone, in a phrase.
                if self.mode == Mode::Phrase && i == 0 {
                    if let Some((dec, e)) = self.decimal_words(i) {
                        return Some(Cardinal {
                            value: Self::with_decimals("0", &dec)?,
                            end: e,
                            words: true,
                        });
                    }
                }
                let (digits, mut end, ordinal) = self.words_run(i)?;
                if ordinal {
                    return None;
                }
                let mut value: f64 = digits.parse().ok()?;
                // "one twenty-two" = 122, "nineteen eighty-four" = 1984:
                // hundreds spoken in pairs, in a phrase alone (in prose such
                // pairs are years or two figures).
                if self.mode == Mode::Phrase && (1.0..20.0).contains(&value) {
                    if let Some((pair, e, false)) = self.words_run(end) {
                        let n: f64 = pair.parse().unwrap_or(0.0);
                        if (10.0..100.0).contains(&n) && e == self.toks.len() {
                            value = value * 100.0 + n;
                            end = e;
                        }
                    }
                }
                if let Some((dec, e)) = self.decimal_words(end) {
                    value = Self::with_decimals(&digits, &dec)?;
                    end = e;
                    decimal = true;
                }
                (value, end, true)
            }
            Kind::Sym => return None,
        };
        // "1,2 milliard", "30 million", "two dozen", "three hundred crores",
        // "three lakh crore": scale words text2num does not read, each
        // multiplying; "4 thousand 3 hundred and 21", "three crore twelve
        // lakh fifty-six thousand": a smaller part added after.
        let mut scaled = false;
        while let Some(s) = self
            .word(end)
            .filter(|w| self.same_line(end) && (decimal || !(words && self.is_number_word(w))))
            .and_then(|w| self.scale(w))
        {
            value *= s;
            end += 1;
            scaled = true;
        }
        if scaled {
            let unit = self.scale(self.word(end - 1).unwrap_or("")).unwrap_or(1.0);
            if let Some(rest) = self.smaller_part(end, unit) {
                value += rest.value;
                end = rest.end;
            }
        }
        Some(Cardinal { value, end, words })
    }

    /// A scale letter after digits at `end`: glued ("100K", "3M", "1.2b",
    /// "1MM", "1,2M"), or apart in a phrase alone ("2.33 k", "1,674.5 G").
    fn scale_letter(&self, end: usize) -> Option<(f64, usize)> {
        let s = self.tok(end).filter(|s| s.kind == Kind::Word)?;
        if !s.glued && (self.mode == Mode::Text || s.line_start || self.tok(end + 1).is_some()) {
            return None;
        }
        let scale = match (s.lower.as_str(), s.capital) {
            ("k", _) => Some(1e3),
            ("m", true) => Some(1e6),
            ("g", true) => Some(1e9),
            ("b", _) => Some(1e9),
            ("mm", true) => Some(1e6),
            ("bn" | "mn" | "md" | "mds", _) => self.scale(&s.lower),
            _ => None,
        }?;
        let glued_after = self
            .tok(end + 1)
            .is_some_and(|n| n.glued && n.kind != Kind::Sym);
        (!glued_after).then_some((scale, end + 1))
    }

    /// After a figure ending with the scale word `scale`, the smaller part
    /// that completes it ("4 thousand | 3 hundred and 21", "3 hundred | and
    /// 21"): digits without marks or number words, worth less than the
    /// scale. "and" only after "hundred", as English writes it ("3 million
    /// and 20 others" are two figures).
    fn smaller_part(&self, at: usize, scale: f64) -> Option<Cardinal> {
        if scale < 100.0 || !self.same_line(at) {
            return None;
        }
        let mut k = at;
        if self
            .word(k)
            .is_some_and(|w| self.lex.fractions.join.iter().any(|j| j == w))
        {
            if scale != 100.0 {
                return None;
            }
            k += 1;
        }
        let t = self.tok(k).filter(|t| !t.line_start)?;
        if t.kind == Kind::Num && !t.marks.is_empty() {
            return None;
        }
        let part = self.cardinal_at(k)?;
        (part.value >= 1.0 && part.value < scale && part.value.fract() == 0.0).then_some(part)
    }

    /// A denominator word at `i` ("thirds", "quart", "cinquièmes", "half"):
    /// its value and whether it is plural.
    fn denominator(&self, i: usize) -> Option<(f64, bool)> {
        let w = normal_word(self.word(i)?);
        let fr = &self.lex.fractions;
        // French copy often leaves the denominator singular ("trois cinquième").
        let plural = w.ends_with('s') || w.ends_with("ième");
        if let Some(&d) = fr.denominators.get(&w) {
            return Some((d, plural));
        }
        if !looks_like_denominator(&w) || fr.not_denominators.contains(&w) {
            return None;
        }
        let (v, ordinal) = self.words_value(i, i + 1)?;
        (ordinal && v >= 3.0).then_some((v, plural))
    }

    /// A denominator over tokens `[from, to)`: one word ([`Self::denominator`])
    /// or a compound ordinal ("twenty firsts", "one hundred fifth", "vingt
    /// cinquième"); its value and whether it is plural.
    fn denominator_span(&self, from: usize, to: usize) -> Option<(f64, bool)> {
        if to == from + 1 {
            return self.denominator(from);
        }
        let last = normal_word(self.word(to - 1)?);
        if !looks_like_denominator(&last) && !last.ends_with("firsts") {
            return None;
        }
        let (v, ordinal) = self.words_value(from, to)?;
        (ordinal && v > 20.0).then_some((v, last.ends_with('s')))
    }

    /// The number words of tokens `[from, to)` read as one number, and whether it is an ordinal.
    fn words_value(&self, from: usize, to: usize) -> Option<(f64, bool)> {
        if from >= to {
            return None;
        }
        let mut words = Vec::with_capacity(to - from);
        for k in from..to {
            if k > from && !self.same_line(k) {
                return None;
            }
            words.push(normal_word(self.word(k)?));
        }
        let phrase = words.join(" ");
        let last = words.last().map_or("", String::as_str);
        // text2num drops the mark of "twenty-firsts": the plural of an ordinal.
        let plural_ordinal = ["firsts", "seconds", "thirds"]
            .iter()
            .any(|s| last.ends_with(s) && (last.len() > s.len() || words.len() > 1));
        self.interpreters().iter().find_map(|l| {
            let digits = text2digits(&phrase, *l).ok()?;
            let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
            // What follows the digits is an ordinal suffix ("5th", "25ème");
            // text2num leaves words it does not read as they are ("20 and").
            let rest = &digits[n.len()..];
            if rest.contains(char::is_whitespace) || rest.chars().count() > 4 {
                return None;
            }
            n.parse::<f64>()
                .ok()
                .map(|v| (v, !rest.is_empty() || plural_ordinal))
        })
    }

    /// A numerator over `[from, to)`: "a", "un", "one" (1), "a hundred", or a
    /// cardinal in words.
    fn numerator(&self, from: usize, to: usize) -> Option<f64> {
        let fr = &self.lex.fractions;
        let first = self.word(from)?;
        if fr.one.iter().any(|o| o == first) {
            if to == from + 1 {
                return Some(1.0);
            }
            // "a hundred trillionths", "a thousand".
            if matches!(first, "a" | "an")
                && self
                    .word(from + 1)
                    .is_some_and(|w| matches!(w, "hundred" | "thousand" | "million"))
            {
                return match self.words_value(from + 1, to)? {
                    (v, false) => Some(v),
                    _ => None,
                };
            }
        }
        match self.words_value(from, to)? {
            (v, false) => Some(v),
            _ => None,
        }
    }

    /// Whether a numerator `r` may stand before a denominator of that
    /// number: "two thirds", "a third".
    fn agrees(&self, r: f64, plural: bool) -> bool {
        plural || r == 1.0
    }

    /// A proper fraction from `k` ("demi", "a half", "three quarters",
    /// "un cinquième"): its value and the token after it.
    fn proper_fraction(&self, k: usize) -> Option<(f64, usize)> {
        if let Some((d, false)) = self.denominator(k) {
            if d == 2.0 {
                return Some((0.5, k + 1)); // "et demi", "and half"
            }
        }
        for j in k + 1..(k + 6).min(self.toks.len()) {
            if !self.same_line(j) || self.word(j).is_none() {
                return None;
            }
            if let Some((d, plural)) = self.denominator(j) {
                let r = self.numerator(k, j)?;
                return (r < d && self.agrees(r, plural)).then_some((r / d, j + 1));
            }
        }
        None
    }

    /// The value of a whole scale word ending a figure before `k` ("two
    /// million | and a half"): a fraction after it is a part of that scale.
    /// "hundred" is no such unit: "one hundred and three quarters" is 100.75.
    fn unit_before(&self, k: usize) -> f64 {
        k.checked_sub(1)
            .and_then(|k| self.word(k))
            .and_then(|w| self.scale(w))
            .filter(|&s| s >= 1000.0)
            .unwrap_or(1.0)
    }

    /// A fraction at `i` in words or a glyph: "two thirds", "a half",
    /// "un vingt-cinquième", "twenty and three fifths", "one hundred and
    /// three quarters", "three twenty firsts", "½".
    fn fraction_at(&self, i: usize) -> Option<Fraction> {
        let fr = &self.lex.fractions;
        let t = self.tok(i)?;
        let part = |value: f64, end: usize| Fraction {
            whole: None,
            unit: 1.0,
            part: value,
            end,
        };
        if t.kind == Kind::Sym {
            return fr.glyphs.get(&t.lower).map(|&v| part(v, i + 1));
        }
        // "1/5", "20/100" in a phrase alone; in running text "17/2" is a date.
        if t.kind == Kind::Num && self.mode == Mode::Phrase {
            let (slash, d) = (self.tok(i + 1)?, self.tok(i + 2)?);
            let plain = |x: &Tok| x.kind == Kind::Num && x.marks.is_empty() && x.glued;
            if t.marks.is_empty() && slash.lower == "/" && slash.glued && plain(d) {
                let (a, b): (f64, f64) = (t.lower.parse().ok()?, d.lower.parse().ok()?);
                return (b != 0.0 && self.tok(i + 3).is_none_or(|n| !n.glued))
                    .then(|| part(a / b, i + 3));
            }
            return None;
        }
        let w = self.word(i)?;
        // "demi-million", "un demi-million": half the scale.
        let (k, half) = match self.word(i + 1) {
            Some(n) if fr.one.iter().any(|o| o == w) && self.same_line(i + 1) => (i + 1, n),
            _ => (i, w),
        };
        if let Some(s) = half.strip_prefix("demi-").and_then(|rest| self.scale(rest)) {
            return Some(Fraction {
                whole: Some(0.5 * s),
                ..part(0.0, k + 1)
            });
        }
        if fr.alone.iter().any(|a| a == w) {
            let (d, _) = self.denominator(i)?;
            return Some(part(1.0 / d, i + 1));
        }
        // "quarter million": a denominator alone before a scale.
        if let Some(&d) = fr.denominators.get(w) {
            let scaled = self
                .word(i + 1)
                .filter(|_| self.same_line(i + 1))
                .and_then(|n| self.scale(n))
                .is_some();
            if scaled {
                return Some(part(1.0 / d, i + 1));
            }
        }
        if let Some(f) = self.dashed_fraction(i) {
            return Some(f);
        }
        // Cheap refusal first (most words start no fraction): a denominator
        // must stand in the next words, and the first word must be a number.
        let ahead = (i..(i + 10).min(self.toks.len()))
            .take_while(|&j| j == i || self.same_line(j))
            .any(|j| {
                self.word(j).is_some_and(|w| {
                    looks_like_denominator(&normal_word(w)) || w.ends_with("firsts")
                })
            });
        if !ahead || (!fr.one.iter().any(|o| o == w) && !self.is_number_word(w)) {
            return None;
        }
        // "a trillionth", "un billionième": one and a denominator.
        let first_is_one = fr.one.iter().any(|o| o == w);
        for j in i..(i + 10).min(self.toks.len()) {
            if j > i && !self.same_line(j) {
                return None;
            }
            let wj = self.word(j)?;
            let nj = normal_word(wj);
            if j > i && (looks_like_denominator(&nj) || nj.ends_with("firsts")) {
                // A singular ordinal the whole span reads as one ("trois
                // millième", "cent vingt cinquième") is an ordinal.
                let singular = !nj.ends_with('s');
                if singular && self.words_value(i, j + 1).is_some_and(|(_, o)| o) {
                    return None;
                }
                // The denominator is the shortest span ending at `j` that
                // leaves a numerator: "twenty | twenty fifths", "one | one
                // hundred fifth".
                for d in (i + 1..=j).rev() {
                    let Some((den, plural)) = self.denominator_span(d, j + 1) else {
                        continue;
                    };
                    // "twenty and three fifths": a whole part and a proper fraction.
                    let join = (i + 1..d)
                        .rev()
                        .find(|&k| self.word(k).is_some_and(|x| fr.join.iter().any(|y| y == x)));
                    if let Some(a) = join {
                        let proper = self
                            .numerator(a + 1, d)
                            .filter(|&r| r < den && self.agrees(r, plural));
                        if let (Some(r), Some(l)) = (proper, self.numerator(i, a)) {
                            return Some(Fraction {
                                whole: Some(l),
                                unit: self.unit_before(a),
                                part: r / den,
                                end: j + 1,
                            });
                        }
                    }
                    let Some(v) = self.numerator(i, d) else {
                        continue;
                    };
                    return self.agrees(v, plural).then(|| part(v / den, j + 1));
                }
                return None;
            }
            let continues = j == i
                || fr.join.iter().any(|y| y == wj)
                || fr.one.iter().any(|o| o == wj)
                || self.is_number_word(wj)
                || (first_is_one && j == i + 1);
            if !continues {
                return None;
            }
        }
        None
    }

    /// "one-eighth", "two-thirds", and in a phrase alone "one - fourth",
    /// "five - eighths": a unit, a dash, a denominator.
    fn dashed_fraction(&self, i: usize) -> Option<Fraction> {
        let w = self.word(i)?;
        let (num, den, end) = match w.split_once('-') {
            Some((a, b)) => {
                // "twenty-fifth" is an ordinal: text2num reads it whole.
                if self.is_number_word(w) {
                    return None;
                }
                (a.to_string(), b.to_string(), i + 1)
            }
            None => {
                let dash = self.tok(i + 1).filter(|t| is_dash(&t.lower))?;
                let _ = dash;
                if self.mode != Mode::Phrase || !self.same_line(i + 2) {
                    return None;
                }
                (w.to_string(), self.word(i + 2)?.to_string(), i + 3)
            }
        };
        let r = unit_value(&num)?;
        let den = normal_word(&den);
        let plural = den.ends_with('s');
        let d = match self.lex.fractions.denominators.get(&den) {
            Some(&d) => d,
            None => {
                let digits = self
                    .interpreters()
                    .iter()
                    .find_map(|l| text2digits(&den, *l).ok())?;
                let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
                if n.len() == digits.len() || self.lex.fractions.not_denominators.contains(&den) {
                    return None;
                }
                n.parse().ok()?
            }
        };
        (d >= 2.0 && r < d && self.agrees(r, plural)).then_some(Fraction {
            whole: None,
            unit: 1.0,
            part: r / d,
            end,
        })
    }

    /// A fraction as a figure, with a scale after it ("half a million",
    /// "five and a half million", "two thirds of a million", "one billion
    /// and a half million"). In running text a fraction below one counts
    /// only as a share: "two thirds of".
    fn fraction(&self, i: usize) -> Option<Item> {
        let f = self.fraction_at(i)?;
        let mut end = f.end;
        let scale_at = |k: usize| {
            self.word(k)
                .filter(|_| self.same_line(k))
                .and_then(|w| self.scale(w))
        };
        let skip = match (self.word(end), self.word(end + 1)) {
            _ if scale_at(end).is_some() => Some(0),
            (Some("a" | "an"), _) if scale_at(end + 1).is_some() => Some(1),
            (Some("of"), Some("a")) if scale_at(end + 2).is_some() => Some(2),
            _ => None,
        };
        let scale = skip.and_then(|k| scale_at(end + k));
        if let Some(k) = skip {
            end += k + 1;
        }
        let value = match (f.whole, scale) {
            // "one billion and a half million".
            (Some(w), Some(s)) if w >= s => w + f.part * s,
            // "five and a half million".
            (Some(w), Some(s)) => (w + f.part) * s,
            // "two million and a half", "one hundred and three quarters".
            (Some(w), None) => w + f.part * f.unit,
            (None, Some(s)) => f.part * s,
            (None, None) => f.part,
        };
        let whole = f.whole.is_some();
        let scaled = scale.is_some();
        let share = self.same_line(end)
            && self
                .word(end)
                .is_some_and(|w| self.lex.fractions.of.iter().any(|o| o == w));
        if self.mode == Mode::Text && !whole && !scaled && !share {
            return None;
        }
        let first = &self.toks[i];
        if whole || scaled {
            let c = Cardinal {
                value,
                end,
                words: true,
            };
            let mut item = self.finish(i, i, c)?;
            item.start = item.start.min(first.start);
            return Some(item);
        }
        let mut item = Item {
            start: first.start,
            end: self.toks[end - 1].end,
            next: end,
            value: number(value, NumberForm::Cardinal),
        };
        if let Some((s, q)) = self.qualifier_before(i) {
            item.value.qualifier = q;
            item.start = self.toks[s].start;
        }
        Some(item)
    }

    /// "3 millions et demi", "2 million and a half", "7 and three
    /// quarters": a whole figure `c` and a proper fraction after it; in a
    /// phrase alone also "2 1/4".
    fn mixed(&self, c: Cardinal) -> Cardinal {
        if self.mode == Mode::Phrase && !c.words && c.value.fract() == 0.0 {
            if let Some(f) = self.glyph_or_slash(c.end) {
                let sign = if c.value < 0.0 { -1.0 } else { 1.0 };
                return Cardinal {
                    value: c.value + sign * f.0,
                    end: f.1,
                    words: c.words,
                };
            }
        }
        let joined = self.same_line(c.end)
            && self
                .word(c.end)
                .is_some_and(|w| self.lex.fractions.join.iter().any(|j| j == w));
        if !joined {
            return c;
        }
        let Some((f, end)) = self.proper_fraction(c.end + 1) else {
            return c;
        };
        // "un milliard et demi million": half a million after a larger whole.
        let scale_after = self
            .word(end)
            .filter(|_| self.same_line(end))
            .and_then(|w| self.scale(w))
            .filter(|&s| s >= 1000.0 && c.value >= s);
        if let Some(s) = scale_after {
            return Cardinal {
                value: c.value + f * s,
                end: end + 1,
                words: c.words,
            };
        }
        let unit = self.unit_before(c.end);
        Cardinal {
            value: c.value + f * unit,
            end,
            words: c.words,
        }
    }

    /// A proper fraction in digits apart after a whole number: "2 | 1/4".
    fn glyph_or_slash(&self, k: usize) -> Option<(f64, usize)> {
        let t = self.tok(k).filter(|t| !t.glued && !t.line_start)?;
        if t.kind != Kind::Num || !t.marks.is_empty() {
            return None;
        }
        let (slash, d) = (self.tok(k + 1)?, self.tok(k + 2)?);
        if slash.lower != "/" || !slash.glued || !d.glued || d.kind != Kind::Num {
            return None;
        }
        if self.tok(k + 3).is_some_and(|n| n.glued) {
            return None;
        }
        let (a, b): (f64, f64) = (t.lower.parse().ok()?, d.lower.parse().ok()?);
        (b != 0.0 && a < b).then_some((a / b, k + 3))
    }

    /// "-504", "minus 1,200,000", "moins 12": a negative figure.
    fn negative_at(&self, i: usize) -> Option<Cardinal> {
        let t = self.tok(i)?;
        let sign = match t.kind {
            Kind::Sym => {
                // Glued to its figure ("-504"); apart ("- 1.200.000") only in a
                // phrase alone, where it is no dash of running text.
                t.lower == "-"
                    && self.tok(i + 1).is_some_and(|n| {
                        n.kind == Kind::Num
                            && (n.glued
                                || (self.mode == Mode::Phrase && t.line_start && !n.line_start))
                    })
                    && !(t.glued && i > 0)
            }
            Kind::Word => {
                self.lex.negative.contains(&t.lower)
                    && self.same_line(i + 1)
                    && self.tok(i + 1).is_some_and(|n| n.kind != Kind::Sym)
            }
            Kind::Num => false,
        };
        if !sign {
            return None;
        }
        let c = self.cardinal_at(i + 1)?;
        Some(Cardinal {
            value: -c.value,
            ..c
        })
    }

    /// "93rd", "6e", "1er", "2ème": digits with an ordinal suffix glued.
    fn digit_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Num && t.marks.is_empty())?;
        let s = self
            .tok(i + 1)
            .filter(|s| s.glued && s.kind == Kind::Word)?;
        let ok = self.lex.suffixes_en.contains(&s.lower) || self.lex.suffixes_fr.contains(&s.lower);
        // Followed by more letters glued ("3rdparty") or digits: a code.
        if !ok
            || self
                .tok(i + 2)
                .is_some_and(|n| n.glued && n.kind != Kind::Sym)
        {
            return None;
        }
        let v: u32 = t.lower.parse().ok()?;
        (v > 0 && v < 100_000_000).then_some((v, i + 2))
    }

    /// An ordinal of a scale text2num does not know, alone or after number
    /// words: "trillionth", "three trillionth", "a hundred trillionth".
    fn scale_ordinal(&self, i: usize) -> Option<(f64, usize)> {
        let scale_at = |k: usize| {
            self.word(k)
                .filter(|_| k == i || self.same_line(k))
                .and_then(|w| SCALE_ORDINALS.iter().find(|(s, _)| *s == w))
                .map(|(_, v)| *v)
        };
        if let Some(v) = scale_at(i) {
            return Some((v, i + 1));
        }
        let c = self.cardinal_at(i).filter(|c| c.words)?;
        let v = scale_at(c.end)?;
        Some((c.value * v, c.end + 1))
    }

    fn ordinal(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        let (value, end, digits) = if let Some((v, e)) = self.digit_ordinal(i) {
            (v as f64, e, true)
        } else if let Some((v, e)) = self.scale_ordinal(i) {
            (v, e, false)
        } else {
            let (v, e, ordinal) = self.words_at(i)?;
            if !ordinal {
                return None;
            }
            (v, e, false)
        };
        if self.month_after(end) {
            return None;
        }
        // The head noun, after at most one adjective: "la 6e édition", "the third consecutive year".
        let mut h = end;
        if self
            .word(h)
            .is_some_and(|w| self.lex.adjectives.iter().any(|a| a == w))
            && self.same_line(h)
        {
            h += 1;
        }
        let head = self
            .word(h)
            .filter(|_| self.same_line(h))
            .filter(|w| self.lex.heads.iter().any(|x| x == w));
        if !digits && head.is_none() && self.mode == Mode::Text {
            return None;
        }
        let (counted, next) = match head {
            Some(w) => (Some(stem(w)), h + 1),
            None if digits => match self.counted_noun(end) {
                Some(c) => (Some(c), end + 1),
                None => (None, end),
            },
            None => (None, end),
        };
        let end_byte = self.toks[next - 1].end;
        Some(Item {
            start: t.start,
            end: end_byte,
            next,
            value: NumberValue {
                counted,
                ..number(value, NumberForm::Ordinal)
            },
        })
    }

    /// A month name at `i` (after a comma or "of"/"de"): the figure before is a day.
    fn month_after(&self, i: usize) -> bool {
        let mut k = i;
        while self
            .tok(k)
            .is_some_and(|t| t.lower == "," || t.lower == "of" || t.lower == "de")
        {
            k += 1;
        }
        self.word(k)
            .is_some_and(crate::extract::date::is_month_name)
    }

    fn currency_at(&self, i: usize) -> Option<(String, usize)> {
        if !self.same_line(i) && i > 0 {
            return None;
        }
        self.lex
            .currencies
            .iter()
            .find_map(|(p, code)| self.phrase_at(i, p).map(|e| (code.clone(), e)))
    }

    /// "$250 million", "USD 30 million", "€ 20".
    fn money_first(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        let (code, after) = self.currency_at(i)?;
        if after != i + 1 {
            return None;
        }
        // A currency word ("dollars") before a figure is no sign: only symbols and codes.
        if t.kind == Kind::Word && t.lower.len() > 3 {
            return None;
        }
        self.tok(after)
            .filter(|n| n.kind == Kind::Num && !n.line_start)?;
        let c = self.cardinal_at(after)?;
        let figure_end = c.end;
        let mut item = self.finish(i, after, c)?;
        item.start = t.start;
        if item.value.counted.is_some() {
            // "$250 million loan": the amount is the figure, not what it buys.
            item.end = self.toks[figure_end - 1].end;
            item.next = figure_end;
        }
        item.value.form = NumberForm::Money;
        item.value.unit = Some(code);
        item.value.counted = None;
        Some(item)
    }

    /// Why a figure in digits at `i` is not a figure in running text.
    fn out_of_place(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let prev = i.checked_sub(1).and_then(|k| self.tok(k));
        let next = self.tok(i + 1);
        let digits_only = t.marks.is_empty();
        // Glued to letters: "CO2", "G20", "A320"; "COVID-19".
        if t.glued && prev.is_some_and(|p| p.kind == Kind::Word) {
            return true;
        }
        if t.glued
            && prev.is_some_and(|p| p.lower == "-")
            && i >= 2
            && self.toks[i - 1].glued
            && self.toks[i - 2].kind == Kind::Word
        {
            return true;
        }
        // Clock times and dates: "10:30", "10h20", "19/09".
        if next.is_some_and(|n| n.glued && (n.lower == ":" || n.lower == "/")) {
            return true;
        }
        if t.glued && prev.is_some_and(|p| p.lower == ":" || p.lower == "/") {
            return true;
        }
        if next.is_some_and(|n| n.glued && n.kind == Kind::Word && n.lower == "h") {
            return true;
        }
        // Leading zero or "+": codes and phone numbers.
        let b = t.lower.as_bytes();
        if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit() {
            return true;
        }
        if t.glued && prev.is_some_and(|p| p.lower == "+") {
            return true;
        }
        if digits_only && t.lower.len() >= 9 {
            return true;
        }
        // Three number tokens in a row: a phone number or a code.
        let is_num = |k: usize| {
            self.tok(k)
                .is_some_and(|x| x.kind == Kind::Num && !x.line_start)
        };
        let mut run = 1;
        let mut k = i;
        while k > 0 && is_num(k - 1) && !self.toks[k].line_start {
            run += 1;
            k -= 1;
        }
        let mut k = i;
        while is_num(k + 1) {
            run += 1;
            k += 1;
        }
        run >= 3
    }

    /// A clock time: "à 10 heures", "8 PM", "10 h 30".
    fn clock_after(&self, i: usize, end: usize) -> bool {
        let Some((_, e)) = self
            .lex
            .clock_after
            .iter()
            .find_map(|p| self.phrase_at(end, p).map(|e| (p, e)))
        else {
            return false;
        };
        let _ = e;
        let w = self.toks[end].lower.as_str();
        if w == "heures" || w == "heure" {
            return i
                .checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|p| self.lex.before_hours.iter().any(|b| b == p));
        }
        self.same_line(end)
    }

    fn counted_noun(&self, i: usize) -> Option<String> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Word && !t.line_start)?;
        let w = t.lower.as_str();
        if w.chars().count() < 2
            || self.lex.not_counted.iter().any(|x| x == w)
            || crate::extract::date::is_month_or_weekday(w)
            || self.scale(w).is_some()
            || self.is_number_word(w)
        {
            return None;
        }
        Some(stem(w))
    }

    fn is_year_like(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Num
            && t.marks.is_empty()
            && t.lower.len() == 4
            && t.lower
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
    }

    /// What follows a cardinal read at `at` (the figure's first token; `i`
    /// is where a sign or qualifier search starts).
    fn finish(&self, i: usize, at: usize, c: Cardinal) -> Option<Item> {
        let lex = self.lex;
        let text_mode = self.mode == Mode::Text;
        let first = &self.toks[at];
        let digits = first.kind == Kind::Num;
        if text_mode && digits && self.out_of_place(at) {
            return None;
        }
        if text_mode && (self.clock_after(at, c.end) || self.month_after(c.end)) {
            return None;
        }
        // An ordinal suffix the ordinal reader refused ("20th, September"): a day.
        if self.tok(c.end).is_some_and(|n| {
            n.glued
                && n.kind == Kind::Word
                && (lex.suffixes_en.contains(&n.lower) || lex.suffixes_fr.contains(&n.lower))
        }) {
            return None;
        }
        if text_mode
            && digits
            && at
                .checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|w| lex.labels.iter().any(|l| l == w))
            && self.same_line(at)
        {
            return None;
        }
        let mut item = Item {
            start: first.start,
            end: self.toks[c.end - 1].end,
            next: c.end,
            value: number(c.value, NumberForm::Cardinal),
        };
        let same_line = self.same_line(c.end);
        let mut end = c.end;
        // Percent.
        if let Some(e) = same_line
            .then(|| lex.percent.iter().find_map(|p| self.phrase_at(end, p)))
            .flatten()
        {
            item.value.form = NumberForm::Percent;
            end = e;
        } else if let Some((code, e)) = same_line.then(|| self.currency_after(end)).flatten() {
            item.value.form = NumberForm::Money;
            item.value.unit = Some(code);
            end = e;
        } else if let Some(e) = same_line.then(|| self.age_after(end)).flatten() {
            item.value.counted = Some("age".to_string());
            end = e;
        } else if let Some(e) = same_line
            .then(|| lex.quake_after.iter().find_map(|p| self.phrase_at(end, p)))
            .flatten()
        {
            item.value.counted = Some("magnitude".to_string());
            end = e;
        } else if let Some(noun) = self.counted_after(end) {
            item.value.counted = Some(noun.0);
            end = noun.1;
        }
        item.end = self.toks[end - 1].end;
        item.next = end;
        // What stands before: a magnitude or age cue, a qualifier.
        if let Some((s, _)) = self.phrase_before(i, &lex.quake_before) {
            if item.value.counted.is_none() || digits {
                item.value.counted = Some("magnitude".to_string());
                item.start = self.toks[s].start;
            }
        }
        if let Some((s, _)) = self.phrase_before(i, &lex.age_before) {
            let years_after = self
                .word(c.end)
                .is_some_and(|w| lex.age_years.iter().any(|y| y == w));
            if years_after || item.value.counted.is_none() {
                item.value.counted = Some("age".to_string());
                if years_after && end == c.end {
                    end += 1;
                    item.end = self.toks[end - 1].end;
                    item.next = end;
                }
                item.start = self.toks[s].start;
            }
        }
        // "the 2004 earthquake", "la Coupe du monde 2030": a year before a
        // noun in the singular is a year; "2000 people" counts.
        if text_mode && digits && self.is_year_like(at) && item.value.form == NumberForm::Cardinal {
            let plural = self
                .word(c.end)
                .is_some_and(|w| w.ends_with('s') || w.ends_with('x') || w == "people");
            if item.value.counted.is_some() && !plural {
                return None;
            }
        }
        let has_unit = item.value.form != NumberForm::Cardinal || item.value.counted.is_some();
        // "un homme", "one of", "une convention": an article or a pronoun.
        if text_mode && c.words && c.end == at + 1 && c.value <= 1.0 {
            return None;
        }
        // "les deux pays", "the two leaders": a reference to things already
        // counted, not a new figure.
        if text_mode
            && c.words
            && c.value < 10.0
            && at
                .checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|w| lex.definite.iter().any(|d| d == w))
        {
            return None;
        }
        if text_mode && !has_unit {
            if digits && self.is_year_like(at) {
                return None;
            }
            // "un", "une", "one": an article or pronoun; "les deux": no count.
            if c.words && c.value < 10.0 {
                return None;
            }
        }
        if let Some((s, q)) = self.qualifier_before(i) {
            // "over four days", "under two years": a period, not a bound.
            let period = i - s == 1
                && lex.period_words.iter().any(|w| *w == self.toks[s].lower)
                && item
                    .value
                    .counted
                    .as_ref()
                    .is_some_and(|c| lex.durations.iter().any(|d| d == c));
            if !period {
                item.value.qualifier = q;
                item.start = self.toks[s].start;
            }
        }
        if let Some((q, e)) = same_line
            .then(|| {
                lex.qualifiers_after
                    .iter()
                    .find_map(|(p, q)| self.phrase_at(item.next, p).map(|e| (*q, e)))
            })
            .flatten()
        {
            item.value.qualifier = q;
            item.end = self.toks[e - 1].end;
            item.next = e;
        }
        if text_mode && item.value.qualifier == Qualifier::Exact && !has_unit {
            // Page furniture: a number alone on its line.
            let alone = first.line_start && self.tok(item.next).is_none_or(|t| t.line_start);
            if alone {
                return None;
            }
        }
        Some(item)
    }

    fn qualifier_before(&self, i: usize) -> Option<(usize, Qualifier)> {
        if !self.same_line(i) {
            return None;
        }
        self.lex.qualifiers_before.iter().find_map(|(p, q)| {
            let s = i.checked_sub(p.len())?;
            self.phrase_at(s, p).filter(|&e| e == i).map(|_| (s, *q))
        })
    }

    /// A currency after a figure: "dollars", "de dirhams", "d'euros", "DH".
    fn currency_after(&self, i: usize) -> Option<(String, usize)> {
        let k = match self.word(i) {
            Some("de" | "d'" | "of") => i + 1,
            _ => i,
        };
        let (code, e) = self.currency_at(k)?;
        // A bare "$" or "€" after a figure ("20 €") is a sign too.
        Some((code, e))
    }

    /// "-year-old", "years old", "ans" after "âgé de".
    fn age_after(&self, i: usize) -> Option<usize> {
        let lex = self.lex;
        let p = lex.age_after.iter().find_map(|p| self.phrase_at(i, p))?;
        // A bare "ans" is an age only in "un homme de 64 ans" forms: after "de".
        if self.word(i) == Some("ans") {
            let before = i.checked_sub(2).and_then(|k| self.word(k));
            if before != Some("de") {
                return None;
            }
        }
        Some(p)
    }

    /// The noun a figure counts, right after it; "de" after a scale word
    /// ("3 millions de personnes"), a hyphen in "120-megawatt".
    fn counted_after(&self, end: usize) -> Option<(String, usize)> {
        let mut k = end;
        let hyphen = self.tok(k).is_some_and(|t| t.lower == "-" && t.glued)
            && self.tok(k + 1).is_some_and(|t| t.glued);
        let partitive = end > 0
            && self.word(end - 1).is_some_and(|w| self.scale(w).is_some())
            && matches!(self.word(k), Some("de" | "d'" | "of"));
        if hyphen || partitive {
            k += 1;
        }
        let noun = self.counted_noun(k)?;
        Some((noun, k + 1))
    }

    /// "des dizaines de blessés", "hundreds of people", "thousands".
    fn magnitude(&self, i: usize) -> Option<Item> {
        let t = self.tok(i)?;
        let &(q, v) = self.lex.magnitudes.get(self.word(i)?)?;
        let mut start = t.start;
        // "des dizaines", "several hundreds".
        if let Some(p) = i.checked_sub(1).and_then(|k| self.word(k)) {
            if matches!(p, "des" | "plusieurs" | "several" | "many") && self.same_line(i) {
                start = self.toks[i - 1].start;
            }
        }
        let mut item = Item {
            start,
            end: t.end,
            next: i + 1,
            value: NumberValue {
                qualifier: q,
                ..number(v, NumberForm::Cardinal)
            },
        };
        // "tens of thousands", "des dizaines de milliers".
        let mut k = i + 1;
        if matches!(self.word(k), Some("of" | "de" | "d'")) {
            if let Some(&(Qualifier::Thousands, v2)) =
                self.word(k + 1).and_then(|w| self.lex.magnitudes.get(w))
            {
                item.value.value *= v2;
                item.value.qualifier = Qualifier::Thousands;
                k += 2;
            }
        }
        if matches!(self.word(k), Some("of" | "de" | "d'")) && self.same_line(k) {
            if let Some((code, e)) = self.currency_at(k + 1) {
                item.value.form = NumberForm::Money;
                item.value.unit = Some(code);
                k = e;
            } else if let Some(n) = self.counted_noun(k + 1) {
                item.value.counted = Some(n);
                k += 2;
            }
        }
        item.end = self.toks[k - 1].end;
        item.next = k;
        Some(item)
    }

    /// "one over three", "1 out of 5", "1 in twenty-one", "un sur trois":
    /// a ratio, in a phrase alone (in running text "over 3" is a bound and
    /// "sur" a place).
    fn ratio(&self, c: Cardinal) -> Cardinal {
        if self.mode != Mode::Phrase {
            return c;
        }
        let Some((p, k)) = self
            .lex
            .ratios
            .iter()
            .find_map(|p| self.phrase_at(c.end, p).map(|k| (p, k)))
        else {
            return c;
        };
        // "12 out of 10", "8 in 5" are no shares; "2000 over 3" is a quotient.
        let quotient = p.len() == 1 && p[0] == "over";
        match self.cardinal_at(k) {
            Some(d) if d.value != 0.0 && (quotient || c.value.abs() < d.value) => Cardinal {
                value: c.value / d.value,
                end: d.end,
                words: c.words,
            },
            _ => c,
        }
    }

    /// "percent of 10", "pourcentage de vingt": a percent word before its
    /// figure, in a phrase alone.
    fn percent_first(&self, i: usize) -> Option<Item> {
        if self.mode != Mode::Phrase || self.word(i).is_none() {
            return None;
        }
        let mut k = self.lex.percent.iter().find_map(|p| self.phrase_at(i, p))?;
        if matches!(self.word(k), Some("of" | "de" | "des" | "d'")) {
            k += 1;
        }
        let c = self.cardinal_at(k)?;
        Some(Item {
            start: self.toks[i].start,
            end: self.toks[c.end - 1].end,
            next: c.end,
            value: number(c.value, NumberForm::Percent),
        })
    }

    /// A power after digits, in a phrase alone: "1.1^23", "2.5^-1",
    /// "1e10", "12.32e+14", "1.3x10^6". The value and the token after.
    fn power(&self, value: f64, end: usize) -> Option<(f64, usize)> {
        let glued = |k: usize| self.tok(k).filter(|t| t.glued);
        let t = glued(end)?;
        let (base, mut k): (Option<f64>, usize) = match t.lower.as_str() {
            "^" => (None, end + 1),
            "e" => (Some(10.0), end + 1),
            "x" => {
                let ten = glued(end + 1).filter(|n| n.lower == "10")?;
                let _ = ten;
                glued(end + 2).filter(|c| c.lower == "^")?;
                (Some(10.0), end + 3)
            }
            _ => return None,
        };
        // Signs: "-", "+", "--" (a double minus is a plus).
        let mut negative = false;
        while let Some(sign) = glued(k).filter(|s| s.lower == "-" || s.lower == "+") {
            negative ^= sign.lower == "-";
            k += 1;
        }
        let e = glued(k).filter(|n| n.kind == Kind::Num && n.marks.is_empty())?;
        if glued(k + 1).is_some_and(|n| n.kind != Kind::Sym) {
            return None;
        }
        let mut exp: f64 = e.lower.parse().ok()?;
        if negative {
            exp = -exp;
        }
        let v = match base {
            Some(b) => value * b.powf(exp),
            None => value.powf(exp),
        };
        v.is_finite().then_some((v, k + 1))
    }

    /// The figure at token `i`, and the token to read next.
    fn read_at(&self, i: usize) -> (Option<Item>, usize) {
        if let Some(item) = self
            .fraction(i)
            .or_else(|| self.ordinal(i))
            .or_else(|| self.money_first(i))
        {
            let next = item.next;
            return (Some(item), next);
        }
        if let Some(item) = self.percent_first(i) {
            let next = item.next;
            return (Some(item), next);
        }
        if let Some(c) = self.negative_at(i).or_else(|| self.cardinal_at(i)) {
            let c = self.ratio(self.mixed(c));
            let end = c.end;
            // A figure refused here is not read again from its middle.
            return match self.finish(i, i, c) {
                Some(item) => {
                    let next = item.next;
                    (Some(item), next)
                }
                None => (None, end),
            };
        }
        match self.magnitude(i) {
            Some(item) => {
                let next = item.next;
                (Some(item), next)
            }
            None => (None, i + 1),
        }
    }
}

/// Number words as a cardinal, French first: "trois", "twenty-one".
pub(super) fn words_value(words: &str) -> Option<f64> {
    let phrase = words.to_lowercase();
    [&LEXICON.french, &LEXICON.english].iter().find_map(|l| {
        let digits = text2digits(&phrase, *l).ok()?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// A word that may be a denominator, by its letters alone (before asking
/// text2num): an ordinal ending or a word of the fractions table.
fn looks_like_denominator(w: &str) -> bool {
    [
        "th", "ths", "ième", "ièmes", "ieme", "iemes", "third", "thirds",
    ]
    .iter()
    .any(|s| w.ends_with(s))
        || ["-first", "-firsts", "-second", "-seconds"]
            .iter()
            .any(|s| w.ends_with(s))
        || LEXICON.fractions.denominators.contains_key(w)
}

/// The value of an English unit cardinal ("one" … "nine").
fn unit_value(w: &str) -> Option<f64> {
    const UNITS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    UNITS.iter().position(|u| *u == w).map(|p| (p + 1) as f64)
}

/// A number word as text2num knows it: accents restored ("deuxieme" is
/// "deuxième"), synonyms of `[words] synonyms` ("naught" → "nought"), a tens
/// word glued to its unit split by a hyphen ("twentyfifth" → "twenty-fifth").
fn normal_word(w: &str) -> String {
    if let Some(s) = LEXICON.synonyms.get(w) {
        return s.clone();
    }
    if let Some(stem) = w.strip_suffix("ieme") {
        return format!("{stem}ième");
    }
    if let Some(stem) = w.strip_suffix("iemes") {
        return format!("{stem}ièmes");
    }
    for tens in TENS {
        if let Some(unit) = w.strip_prefix(tens).filter(|u| is_unit(u)) {
            return format!("{tens}-{unit}");
        }
    }
    w.to_string()
}

/// Ordinals of scales text2num does not read, with their value.
const SCALE_ORDINALS: [(&str, f64); 2] = [("trillionth", 1e12), ("trillionths", 1e12)];

/// English tens words, which join a unit with a hyphen.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn is_tens(w: &str) -> bool {
    TENS.contains(&w)
}

/// An English unit word, cardinal or ordinal ("five", "fifth", "firsts").
fn is_unit(w: &str) -> bool {
    const UNITS: [&str; 18] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "first", "second",
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    let w = w.strip_suffix('s').unwrap_or(w);
    UNITS.contains(&w)
}

/// A dash between words: hyphen, en dash or em dash.
fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—")
}

/// The lower-case counted noun without a plural -s/-x: "personnes" →
/// "personne"; nouns that end so in the singular ("pays", "mois") stay.
fn stem(w: &str) -> String {
    let n = w.chars().count();
    if LEXICON.invariant.iter().any(|x| x == w) {
        return w.to_string();
    }
    if n > 3 && (w.ends_with('s') || w.ends_with('x')) && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Figures of the text in `span` (original offsets), read as `lang`.
fn scan_span(
    doc: &Document,
    span: Span,
    lang: Language,
    mode: Mode,
    urls: &[(usize, usize)],
    out: &mut Vec<Fact>,
) {
    let text = &doc.article.analysis_text[span.start..span.end];
    let toks = tokenize(text, span.start);
    let reader = Reader {
        toks: &toks,
        lang,
        mode,
        lex: &LEXICON,
    };
    let mut i = 0;
    while i < toks.len() {
        let (item, next) = reader.read_at(i);
        let in_url = |item: &Item| urls.iter().any(|&(s, e)| item.start < e && s < item.end);
        if let Some(item) = item.filter(|it| !in_url(it)) {
            out.push(doc.fact_at(
                FactKind::Number,
                Span::new(item.start, item.end),
                Value::Number(item.value),
            ));
        }
        i = next.max(i + 1);
    }
}

/// Replaces the Arabic reader's figures inside Latin-script sentences with
/// this reader's.
pub(super) fn merge(doc: &Document, facts: &mut Vec<Fact>, mode: Mode) {
    let runs = doc.latin_runs();
    if runs.is_empty() {
        return;
    }
    let mut latin = Vec::new();
    // Web addresses over the whole text: a Latin run may hold only part of one.
    let urls = super::url_ranges(&doc.article.analysis_text);
    for r in &runs {
        let lang = doc.language_at(r.start);
        scan_span(doc, *r, lang, mode, &urls, &mut latin);
    }
    // A text in no language (a figure alone): the reading that covers more
    // of it, then the one that gives more units ("42 LBP" as money), then
    // the Latin one (neutral group marks: "100.000").
    if doc.languages.undecided && reading_rank(facts) > reading_rank(&latin) {
        return;
    }
    Document::drop_facts_in_runs(&runs, facts);
    facts.extend(latin);
    facts.sort_by_key(|f| f.span);
}

/// How much of a text a reading explains: bytes covered, then figures with
/// a unit or form beyond a plain cardinal, then fewer pieces.
fn reading_rank(facts: &[Fact]) -> (usize, usize, std::cmp::Reverse<usize>) {
    let covered = facts.iter().map(|f| f.span.len()).sum();
    let formed = facts
        .iter()
        .filter(|f| match &f.value {
            Value::Number(n) => n.form != NumberForm::Cardinal || n.unit.is_some(),
            _ => false,
        })
        .count();
    (covered, formed, std::cmp::Reverse(facts.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractOptions;
    use crate::model::Article;

    fn read(text: &str) -> Vec<(String, String, Option<String>)> {
        let a = Article::from_text("t", text);
        let o = ExtractOptions::default();
        crate::extract::extract(&a, &o)
            .into_iter()
            .filter_map(|f| match &f.value {
                Value::Number(n) => Some((f.text.clone(), n.normalized(), n.counted.clone())),
                _ => None,
            })
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        read(text).into_iter().map(|(_, v, _)| v).collect()
    }

    #[test]
    fn grouping_marks_in_french_and_english() {
        assert_eq!(
            values("Les organisateurs attendent 2 345 visiteurs au salon cette année."),
            ["2345"]
        );
        assert_eq!(
            values("Le salon a accueilli 87\u{202F}210 visiteurs au total cette année."),
            ["87210"]
        );
        assert_eq!(
            values("Le salon a accueilli 87\u{00A0}210 visiteurs au total cette année."),
            ["87210"]
        );
        assert_eq!(
            values("La ville compte 3.412.008 habitants selon le dernier recensement."),
            ["3412008"]
        );
        assert_eq!(
            values("Soldiers have put up 1,750 tents for families who lost their homes."),
            ["1750"]
        );
        assert_eq!(
            values("Le taux de participation a atteint 62,4 % dans la région selon les chiffres."),
            ["62.4%"]
        );
    }

    #[test]
    fn number_words_and_ordinals() {
        assert_eq!(
            read("Au total, deux mille trois cent quarante-cinq personnes ont participé à la rencontre."),
            [("deux mille trois cent quarante-cinq personnes".into(), "2345".into(), Some("personne".into()))]
        );
        assert_eq!(
            values("A total of twenty-one people attended the meeting."),
            ["21"]
        );
        assert_eq!(
            values("La sixième édition du salon s'est ouverte jeudi."),
            ["6th"]
        );
        assert_eq!(
            values("La 6e édition du salon s'est ouverte jeudi."),
            ["6th"]
        );
        assert_eq!(
            values("The 93rd edition of the fair opened on the waterfront."),
            ["93rd"]
        );
        assert_eq!(
            values("The ninety-third edition of the fair opened on the waterfront."),
            ["93rd"]
        );
    }

    #[test]
    fn bare_ordinal_words_and_articles_are_no_figures() {
        assert!(values("Le Premier ministre a reçu une délégation et un ministre.").is_empty());
        assert!(values("She was the first to arrive, one of the guests said.").is_empty());
        assert!(values("Les deux pays ont signé l'accord hier soir à Rabat.").is_empty());
    }

    #[test]
    fn qualifiers_money_ages_and_magnitudes() {
        assert_eq!(
            values("La rencontre réunit plus de 600 participants de 21 pays."),
            [">600", "21"]
        );
        assert_eq!(
            values("Il a coûté près de 3 milliards de dirhams selon le ministère."),
            ["~3000000000 dirham"]
        );
        assert_eq!(
            values("Une convention de 3,75 millions d'euros a été signée à Agadir."),
            ["3750000 EUR"]
        );
        assert_eq!(
            values("The fund signed a $250 million loan agreement with Mauritania."),
            ["250000000 USD"]
        );
        assert_eq!(
            values("The bank lent USD 30 million to the company last year."),
            ["30000000 USD"]
        );
        assert_eq!(
            values("Un budget de 1,2 milliard de dirhams a été alloué au projet."),
            ["1200000000 dirham"]
        );
        let age = read("Le suspect, âgé de 64 ans, a été arrêté dimanche à Tanger.");
        assert_eq!(
            age,
            [("âgé de 64 ans".into(), "64".into(), Some("age".into()))]
        );
        assert_eq!(
            read("Police arrested a 71-year-old man on Sunday in the old town.")[0]
                .2
                .as_deref(),
            Some("age")
        );
        assert_eq!(
            read("The victim, aged 58, was taken to hospital on Sunday night.")[0]
                .2
                .as_deref(),
            Some("age")
        );
        assert_eq!(
            read("The magnitude 5.7 earthquake struck northern Morocco late on Sunday.")[0].1,
            "5.7"
        );
        assert_eq!(
            read("Un séisme de 5,8 sur l'échelle de Richter a frappé la région.")[0]
                .2
                .as_deref(),
            Some("magnitude")
        );
        assert_eq!(
            values("It would cover about 15 percent of the country's electricity demand."),
            ["~15%"]
        );
        assert_eq!(
            values("Some 120 000 visitors are expected over four days at the show."),
            ["~120000", "4"]
        );
    }

    #[test]
    fn clock_times_phones_codes_and_years_are_no_figures() {
        assert!(
            values("La séance a été levée à 10h20 après un long débat au parlement.").is_empty()
        );
        assert!(
            values("Published March 12, 2025 8:15 PM by the desk of the newspaper.")
                .iter()
                .all(|v| v != "8" && v != "15")
        );
        assert!(values(
            "Pour tout renseignement, appelez le 05 22 43 18 90 ou le +212 522 431 890."
        )
        .is_empty());
        assert!(values(
            "Les émissions de CO2 ont baissé depuis la pandémie de COVID-19 en Europe."
        )
        .is_empty());
        assert!(
            values("Le projet a été lancé en 2019 par le ministère de l'Équipement.").is_empty()
        );
        assert!(
            values("La réunion se tiendra à 10 heures au siège de la wilaya de la région.")
                .is_empty()
        );
        assert!(values(
            "L'article 47 de la Constitution prévoit la nomination du chef du gouvernement."
        )
        .is_empty());
    }

    #[test]
    fn a_year_before_a_singular_noun_is_a_year_and_an_amount_stops_at_its_currency() {
        assert!(
            values("The quake was the strongest since the 2004 earthquake in the area.").is_empty()
        );
        assert_eq!(
            values("Some 2000 people were evacuated from the old town."),
            ["~2000"]
        );
        assert_eq!(
            read("The fund signed a $250 million loan agreement with Mauritania.")[0].0,
            "$250 million"
        );
    }

    #[test]
    fn fractions_as_shares_and_mixed_numbers() {
        assert_eq!(
            values("Two thirds of the houses were destroyed, officials said."),
            ["0.6666666666666666"]
        );
        assert_eq!(
            values("More than half of the 300 homes were damaged."),
            [">0.5", "300"]
        );
        assert_eq!(
            values("La population est de 3 millions et demi selon le recensement."),
            ["3500000"]
        );
        assert_eq!(
            values("There are five and a half million fishes in this lake."),
            ["5500000"]
        );
        assert_eq!(
            values("Les deux tiers des députés ont voté pour le texte."),
            ["0.6666666666666666"]
        );
    }

    #[test]
    fn ordinals_and_quarters_are_no_fractions() {
        assert_eq!(
            values("A fifth consecutive year of drought hit the region."),
            ["5th"]
        );
        assert_eq!(
            values("The first quarter of 2024 was weak for exporters."),
            ["1st"]
        );
        assert_eq!(
            values("He was elected for a third term in office."),
            ["3rd"]
        );
    }

    #[test]
    fn figures_without_letters_and_english_comma_lists() {
        let phrase = |text: &str| {
            let a = Article::from_text("t", text);
            let o = ExtractOptions::default();
            let doc = Document::new(&a, &o);
            crate::extract::number::extract_phrase(&doc)
                .into_iter()
                .map(|f| f.normalized())
                .collect::<Vec<_>>()
        };
        assert_eq!(phrase("100 000"), ["100000"]);
        assert_eq!(phrase("6.700,54"), ["6700.54"]);
        assert_eq!(phrase("-504"), ["-504"]);
        assert_eq!(phrase("3rd"), ["3rd"]);
        assert_eq!(phrase("2e"), ["2nd"]);
        assert!(values("Exercises 22,24 and 26,31 are due tomorrow in class.").is_empty());
    }

    #[test]
    fn counted_nouns_are_carried() {
        let r = read("It destroyed or damaged 297 homes in mountain hamlets of the province.");
        assert_eq!(r[0].2.as_deref(), Some("home"));
        let r = read("Le salon réunit 310 exposants venus de dix-huit pays, dont 240 coopératives marocaines.");
        let counted: Vec<Option<String>> = r.into_iter().map(|x| x.2).collect();
        assert_eq!(
            counted,
            [
                Some("exposant".into()),
                Some("pays".into()),
                Some("coopérative".into())
            ]
        );
    }
}
