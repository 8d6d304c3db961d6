//! Figures: counts, number words, ordinals, percentages and money.
//!
//! The extractor reads the folded text as tokens (see `number::tokens`) and,
//! at each token, tries in turn:
//! 1. an ordinal after a noun that takes one, with at most one adjective
//!    between ("الدورة الثالثة والتسعون" = 93rd, "النسخة الثالثة", "للمرة
//!    الثانية", "الدورة الـ93", "الدورة العادية الثالثة");
//! 2. a currency sign before a figure ("$10");
//! 3. a cardinal in digits or words ("121", "1,200", "ثلاثة وأربعين",
//!    "2 مليون", "مليوني", "نصف مليون"), then what follows it: a percent sign or phrase,
//!    a currency (with its country: "دينار كويتي" → KWD), or the noun it
//!    counts ("121 أمرا" → counted "امر");
//! 4. an order of magnitude ("العشرات من المطلوبين", "عشرات الأشخاص",
//!    "مئات", "آلاف", "عشرات الآلاف").
//!
//! Words just before a figure ("نحو", "أكثر من", "لا يقل عن" …) or just after
//! it ("على الأقل", "تقريبا") set its qualifier. Two figures joined as a range
//! ("من 10 إلى 20 دولار", "بين 3 و5 في المئة") share the unit of the second.
//!
//! Decisions:
//! - A bare ordinal word is a fact only after a head noun from the lexicon
//!   (`[ordinal_heads]`): so "كانون الثاني", "محمد السادس", "الوزير الأول",
//!   "ثالث أكبر" give nothing. [`extract_phrase`] reads an isolated phrase
//!   and accepts a bare ordinal there.
//! - "عشرات" → `Qualifier::Tens` with value 10, "مئات" → Hundreds/100,
//!   "آلاف" → Thousands/1000; "عشرات الآلاف" → Thousands/10,000 and
//!   "مئات الآلاف" → Thousands/100,000 (the value is the magnitude).
//! - Not figures in running text: a lone "واحد/واحدة/أحد/إحدى/صفر" (pronoun-like:
//!   "أحد المسؤولين", "واحدة من", "في آن واحد"); 4-digit numbers 1900–2100
//!   unless a counted noun, unit or percent follows ("2025" in "IGEF 2025");
//!   numbers glued to Latin letters or after a Latin word ("IGEF24",
//!   "IGEF 24", "20th", "COVID-19"); phone numbers (a leading 0 or +, or three
//!   digit groups in a row); a number alone on its line (page boilerplate
//!   "0"); numbers next to ":" or "/" (clock times, dates); a number followed
//!   by a month name (a date); digits inside a web address.
//! - A figure's quote spans its qualifier, the number, its unit and the
//!   counted noun: "أكثر من 400 شخص".
//! - "1.200 قتيل": a single dot before exactly three digits, with a counted
//!   noun after, groups thousands (people come whole); "1.5 مليار" stays 1.5.
//! - Not handled: "$20 43" (cents without a cent word), fractions other than
//!   نصف/ربع before a scale, ordinals above 99 in words, spelled-out numbers
//!   past the billions, approximate ranges as one interval (each end is a figure).
//! - Bare "دولار" is USD; bare درهم, ريال, جنيه, دينار, ليرة keep a family
//!   name ("dirham", "riyal", "pound", "dinar", "lira") unless a country
//!   adjective or code follows.

mod grammar;
mod latin;
mod lexicon;
mod tokens;

use grammar::{read_cardinal, read_ordinal, strip_article, Reading};
use lexicon::{Phrase, LEXICON};
use tokens::{digits_value, tokenize, Kind, Token};

use super::Document;
use crate::model::{Fact, FactKind, NumberForm, NumberValue, Qualifier, Value};

/// Every figure of an article's running text.
pub fn extract(doc: &Document) -> Vec<Fact> {
    let mut facts = scan(doc, Mode::Text);
    latin::merge(doc, &mut facts, Mode::Text);
    facts
}

/// Figures of an isolated phrase ("الثالث", "٣٫٥", "١١/١٠", "20 يورو"): the
/// same reading as [`extract`], but a bare ordinal word, a fraction `a/b`, a
/// lone "واحد" and a number alone on its line are accepted.
pub fn extract_phrase(doc: &Document) -> Vec<Fact> {
    let mut facts = scan(doc, Mode::Phrase);
    latin::merge(doc, &mut facts, Mode::Phrase);
    facts
}

/// The value of a cardinal written in words or digits, the whole folded
/// string: "ثلاثه واربعين" → 43, "2 مليون" → 2e6. `None` if anything is left over.
/// French or English number words ("trois", "twenty-one") as a value.
pub fn latin_number_words(words: &str) -> Option<f64> {
    latin::words_value(words)
}

pub fn parse_number_words(folded: &str) -> Option<f64> {
    let toks = tokenize(folded);
    let (negative, i) = match toks.first() {
        Some(t) if t.is_sym("-") && toks.len() > 1 => (true, 1),
        _ => (false, 0),
    };
    let r = read_cardinal(&toks, i)?;
    (r.end == toks.len()).then_some(if negative { -r.value } else { r.value })
}

/// The value of an ordinal in words, the whole folded string:
/// "الثالثه والتسعون" → 93, "الحادي عشر" → 11, "ثاني" → 2.
pub fn parse_ordinal_words(folded: &str) -> Option<u32> {
    let toks = tokenize(folded);
    let r = read_ordinal(&toks, 0)?;
    (r.end == toks.len()).then_some(r.value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Phrase,
}

/// A figure found, in token and folded byte terms, before it becomes a fact.
#[derive(Debug, Clone)]
struct Item {
    /// First token of the figure itself (no qualifier before it).
    num_start: usize,
    /// Folded byte range of the whole quote.
    start: usize,
    end: usize,
    /// Token after the whole quote.
    next: usize,
    value: NumberValue,
    /// The figure opens with a glued ل/و ("لعشرين"), a range connector.
    prefixed: bool,
    /// Followed by a month name: part of a date, dropped with its range partner.
    dated: bool,
    /// A qualifier or unit settled by the text around this item alone.
    explicit_qualifier: bool,
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

fn scan(doc: &Document, mode: Mode) -> Vec<Fact> {
    let text = doc.folded.text.as_str();
    let toks = tokenize(text);
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = ordinal_after_head(&toks, i)
            .or_else(|| percent_first(&toks, i, mode))
            .or_else(|| {
                (mode == Mode::Phrase)
                    .then(|| bare_ordinal(&toks, i))
                    .flatten()
            })
            .or_else(|| money_sign_first(&toks, i, mode))
            .or_else(|| cardinal(&toks, i, mode))
            .or_else(|| fraction_alone(&toks, i, mode))
            .or_else(|| magnitude(&toks, i));
        match found {
            Some(item) => {
                i = item.next.max(i + 1);
                items.push(item);
            }
            None => i += 1,
        }
    }
    link_ranges(&toks, &mut items);
    let urls = url_ranges(text);
    items
        .into_iter()
        .filter(|it| !it.dated)
        .filter(|it| !urls.iter().any(|&(s, e)| it.start < e && s < it.end))
        .map(|it| doc.fact(FactKind::Number, it.start, it.end, Value::Number(it.value)))
        .collect()
}

/// Byte ranges of web addresses in `text` ("https://…", "www.…"): the
/// digits of a link are no figures.
fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (b, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(b),
            (true, Some(s)) => {
                let chunk = &text[s..b];
                if chunk.contains("://") || chunk.starts_with("www.") {
                    out.push((s, b));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether tokens at `i` spell `phrase`.
fn matches_at(toks: &[Token], i: usize, phrase: &Phrase) -> bool {
    !phrase.is_empty()
        && phrase.len() <= toks.len().saturating_sub(i)
        && phrase.iter().zip(&toks[i..]).all(|(p, t)| p == t.text)
        && toks[i + 1..i + phrase.len()].iter().all(|t| !t.line_start)
}

/// A qualifier phrase ending just before token `i`: (qualifier, folded byte
/// where it begins, after a glued conjunction).
fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    if toks.get(i).is_some_and(|t| t.line_start) {
        return None;
    }
    LEXICON.qualifiers_before.iter().find_map(|(p, q)| {
        let s = i.checked_sub(p.len())?;
        // "وأكثر من": a conjunction glued to the first word.
        let first = &toks[s];
        // A conjunction or preposition glued to the first word: "وأكثر من",
        // "بنحو", "لنحو 300 منزل", "فحوالي".
        let skip = ["", "و", "ب", "وب", "ل", "ول", "ف", "ك", "وك"]
            .iter()
            .find(|pre| first.text.strip_prefix(**pre) == Some(p[0].as_str()))?;
        let skip = skip.len();
        let ok = p[1..].iter().zip(&toks[s + 1..i]).all(|(w, t)| w == t.text)
            && toks[s + 1..=i].iter().all(|t| !t.line_start);
        ok.then_some((*q, first.start + skip))
    })
}

fn qualifier_after(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    if toks.get(i).is_none_or(|t| t.line_start) {
        return None;
    }
    LEXICON
        .qualifiers_after
        .iter()
        .find_map(|(p, q)| matches_at(toks, i, p).then_some((*q, i + p.len())))
}

/// A currency at token `i`: (ISO code or family name, token after it).
fn currency_at(toks: &[Token], i: usize) -> Option<(String, usize)> {
    let lex = &*LEXICON;
    if toks
        .get(i)
        .is_none_or(|t| t.kind == Kind::Digits || !lex.currency_first.contains(t.text))
    {
        return None;
    }
    let (p, family) = lex
        .currencies
        .iter()
        .find(|(p, _)| matches_at(toks, i, p))?;
    let mut end = i + p.len();
    if let Some(code) = lex.currency_codes.get(&p.join(" ")) {
        return Some((code.clone(), end));
    }
    if let Some(adj) = toks
        .get(end)
        .filter(|t| t.kind == Kind::Word && !t.line_start)
    {
        if let Some(code) = lex.countries.get(&(family.clone(), adj.text.to_string())) {
            end += 1;
            return Some((code.clone(), end));
        }
    }
    let code = lex
        .currency_default
        .get(family)
        .cloned()
        .unwrap_or_else(|| family.clone());
    Some((code, end))
}

fn percent_at(toks: &[Token], i: usize) -> Option<usize> {
    LEXICON
        .percent
        .iter()
        .find(|p| matches_at(toks, i, p))
        .map(|p| i + p.len())
}

/// The folded stem of a counted noun: without the article and the
/// accusative alef ("أمراً" → "امر", "اجتماعا" → "اجتماع").
pub fn counted_stem(word: &str) -> String {
    let (w, _) = strip_article(word);
    let n = w.chars().count();
    if n >= 4 && w.ends_with('ا') && !w.ends_with("اا") && !w.ends_with("يا") {
        let cut = w.len() - 'ا'.len_utf8();
        return w[..cut].to_string();
    }
    w.to_string()
}

/// Whether token `i` can be the noun a figure counts.
fn counted_noun(toks: &[Token], i: usize, year_like: bool) -> Option<String> {
    let lex = &*LEXICON;
    let t = toks.get(i)?;
    if t.kind != Kind::Word || t.line_start || t.text.chars().count() < 2 {
        return None;
    }
    if lex.not_counted.contains(t.text) || lex.months.contains(t.text) {
        return None;
    }
    if strip_article(t.text).1 || grammar::cardinal_word(t.text).is_some() {
        return None;
    }
    if lex.qualifiers_after.iter().any(|(p, _)| p[0] == t.text) {
        return None;
    }
    // After a year-like figure, a word with a glued preposition or
    // conjunction starts a new phrase ("كأس العالم 2030 بتنظيم").
    if year_like && t.text.starts_with(['ب', 'ل', 'ك', 'ف', 'و']) {
        return None;
    }
    Some(counted_stem(t.text))
}

/// Whether the word just before token `i` (on its line), without its article
/// or a glued preposition, satisfies `test`.
fn word_before(toks: &[Token], i: usize, test: impl Fn(&str) -> bool) -> bool {
    if toks.get(i).is_none_or(|t| t.line_start) {
        return false;
    }
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]).filter(|p| p.is_word()) else {
        return false;
    };
    let (stem, _) = strip_article(p.text);
    test(p.text) || test(stem) || p.text.strip_prefix(['ل', 'ب', 'و']).is_some_and(&test)
}

/// "من المطلوبين" at token `i`: the index of the defined noun after "من".
fn of_the_noun(toks: &[Token], i: usize) -> Option<usize> {
    let lex = &*LEXICON;
    toks.get(i).filter(|t| t.text == "من" && !t.line_start)?;
    let n = toks.get(i + 1).filter(|n| n.is_word() && !n.line_start)?;
    let (stem, article) = strip_article(n.text);
    let ok =
        article && !lex.not_counted.contains(stem) && !lex.months.contains(stem) && stem != "شهر";
    ok.then_some(i + 1)
}

fn is_year_like(t: &Token) -> bool {
    t.kind == Kind::Digits
        && t.text.len() == 4
        && t.text.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&t.text.parse::<u32>().unwrap_or(0))
}

/// Why a digit token is not a figure in running text (codes, clocks, dates, phones).
fn digits_out_of_place(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(i + 1);
    // Glued to letters: "igef24", "20th", "كوفيد-19", "f-16".
    if t.glued && prev.is_some_and(|p| p.kind == Kind::Latin) {
        return true;
    }
    if next.is_some_and(|n| n.glued && n.kind == Kind::Latin) && currency_at(toks, i + 1).is_none()
    {
        return true;
    }
    if t.glued && prev.is_some_and(|p| p.is_sym("-")) {
        let before = i.checked_sub(2).map(|k| &toks[k]);
        if toks[i - 1].glued && before.is_some_and(|b| matches!(b.kind, Kind::Word | Kind::Latin)) {
            return true;
        }
    }
    // Clock times, dates and fractions: "10:30", "19/09/2024".
    let sep = |tok: Option<&Token>| tok.is_some_and(|x| x.is_sym(":") || x.is_sym("/"));
    if (t.glued && sep(prev)) || (next.is_some_and(|n| n.glued) && sep(next)) {
        return true;
    }
    // Leading zero: codes and phone numbers ("0522", "007"), but "0.5" is fine.
    let b = t.text.as_bytes();
    if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit() {
        return true;
    }
    // International phone prefix.
    if t.glued && prev.is_some_and(|p| p.is_sym("+")) {
        return true;
    }
    // Nine digits or more in one group: a phone or an identifier.
    if t.text.len() >= 9 && t.text.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Three digit groups in a row, apart or joined by "-" or ".": a phone
    // number ("06 61 23 45", "650-701-8887").
    let digits_at = |k: usize| {
        toks.get(k)
            .is_some_and(|x| x.kind == Kind::Digits && !x.line_start)
    };
    let joiner = |k: usize| {
        toks.get(k)
            .is_some_and(|x| (x.is_sym("-") || x.is_sym(".")) && !x.line_start)
    };
    let mut groups = 1;
    let mut k = i;
    while !toks[k].line_start {
        if k >= 1 && toks[k - 1].kind == Kind::Digits {
            k -= 1;
        } else if k >= 2 && joiner(k - 1) && toks[k - 2].kind == Kind::Digits {
            k -= 2;
        } else {
            break;
        }
        groups += 1;
    }
    let mut k = i;
    loop {
        if digits_at(k + 1) {
            k += 1;
        } else if joiner(k + 1) && digits_at(k + 2) {
            k += 2;
        } else {
            break;
        }
        groups += 1;
    }
    groups >= 3
}

/// "الدورة الثالثة والتسعون", "النسخة الثالثة", "للمرة الثانية", "الدورة الـ93".
fn ordinal_after_head(toks: &[Token], i: usize) -> Option<Item> {
    let lex = &*LEXICON;
    let head = toks.get(i).filter(|t| t.is_word())?;
    let (stem, article) = strip_article(head.text);
    let stem = match article {
        true => stem,
        // "لدورة", "بنسخة", "ومرة".
        false => head
            .text
            .strip_prefix(['ل', 'ب', 'و'])
            .filter(|s| lex.heads.contains_key(*s))
            .unwrap_or(stem),
    };
    let digits_ok = *lex.heads.get(stem)?;
    let counted = Some(stem.to_string());
    let item = |at: usize, value: u32, end: usize| Item {
        num_start: at,
        start: head.start,
        end: toks[end - 1].end,
        next: end,
        value: NumberValue {
            counted: counted.clone(),
            ..number(value as f64, NumberForm::Ordinal)
        },
        prefixed: false,
        dated: false,
        explicit_qualifier: false,
    };
    // One descriptive adjective may stand between: "الدورة العادية الثالثة",
    // "القمة العربية الـ33".
    let adjective = toks.get(i + 1).is_some_and(|t| {
        t.is_word()
            && !t.line_start
            && strip_article(t.text).1
            && (t.text.ends_with("يه") || t.text.ends_with('ي'))
            && read_ordinal(toks, i + 1).is_none()
    });
    let at = if adjective { i + 2 } else { i + 1 };
    let next = toks.get(at).filter(|t| !t.line_start)?;
    if let Some(r) = read_ordinal(toks, at) {
        return Some(item(at, r.value, r.end));
    }
    // "الدورة الـ93" (the article written apart) or "الدورة 93".
    let (k, with_article) = if next.text == "ال" {
        (at + 1, true)
    } else {
        (at, false)
    };
    let d = toks
        .get(k)
        .filter(|t| t.kind == Kind::Digits && !t.line_start)?;
    if !(with_article || digits_ok) || is_year_like(d) || digits_out_of_place(toks, k) {
        return None;
    }
    let v = digits_value(d.text)?;
    if v.fract() != 0.0 || !(1.0..=100_000.0).contains(&v) {
        return None;
    }
    Some(item(at, v as u32, k + 1))
}

/// A bare ordinal word, only for isolated phrases.
fn bare_ordinal(toks: &[Token], i: usize) -> Option<Item> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    let (stem, article) = strip_article(t.text);
    if !article && !LEXICON.ordinals.contains_key(stem) {
        return None;
    }
    let r = read_ordinal(toks, i)?;
    Some(Item {
        num_start: i,
        start: t.start,
        end: toks[r.end - 1].end,
        next: r.end,
        value: number(r.value as f64, NumberForm::Ordinal),
        prefixed: false,
        dated: false,
        explicit_qualifier: false,
    })
}

/// "$10", "$ 10", "€20".
fn money_sign_first(toks: &[Token], i: usize, mode: Mode) -> Option<Item> {
    let t = toks
        .get(i)
        .filter(|t| t.kind == Kind::Sym || t.kind == Kind::Latin)?;
    let (code, after) = currency_at(toks, i)?;
    if after != i + 1
        || toks
            .get(after)
            .is_none_or(|n| n.kind != Kind::Digits || n.line_start)
    {
        return None;
    }
    if mode == Mode::Text && digits_out_of_place(toks, after) && !toks[after].glued {
        return None;
    }
    let r = read_cardinal(toks, after)?;
    let mut item = finish(toks, i, r, mode)?;
    item.start = t.start;
    item.value.form = NumberForm::Money;
    item.value.unit = Some(code);
    item.value.counted = None;
    item.explicit_qualifier = true;
    Some(item)
}

fn cardinal(toks: &[Token], i: usize, mode: Mode) -> Option<Item> {
    let t = &toks[i];
    // A minus sign glued to the figure, not a dash after another number.
    let negative = t.is_sym("-")
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Digits && n.glued)
        && (i == 0 || !t.glued)
        && i.checked_sub(1)
            .is_none_or(|k| toks[k].kind != Kind::Digits);
    // A sign word before it: "سالب 5", "ناقص خمس درجات".
    let sign_word = t.is_word()
        && LEXICON.negative.contains(t.text)
        && toks.get(i + 1).is_some_and(|n| !n.line_start);
    let negative = negative || sign_word;
    let at = if negative { i + 1 } else { i };
    let mut r = match mode {
        Mode::Phrase => one_part_of(toks, at).or_else(|| read_cardinal(toks, at))?,
        Mode::Text => read_cardinal(toks, at)?,
    };
    if sign_word && r.prefixed {
        return None;
    }
    if mode == Mode::Phrase {
        phrase_forms(toks, &mut r);
    }
    if negative {
        r.value = -r.value;
        r.start = i;
        r.start_byte = t.start;
    }
    finish(toks, i, r, mode)
}

/// "نسبة ١٠", "بالمائة 10": a percent word before its figure, in a phrase alone.
fn percent_first(toks: &[Token], i: usize, mode: Mode) -> Option<Item> {
    if mode != Mode::Phrase || !toks.get(i).is_some_and(|t| t.is_word()) {
        return None;
    }
    let lex = &*LEXICON;
    let k = lex
        .percent_first
        .iter()
        .chain(&lex.percent)
        .find_map(|p| matches_at(toks, i, p).then(|| i + p.len()))?;
    let r = read_cardinal(toks, k).filter(|_| toks.get(k).is_some_and(|t| !t.line_start))?;
    Some(Item {
        num_start: k,
        start: toks[i].start,
        end: toks[r.end - 1].end,
        next: r.end,
        value: number(r.value, NumberForm::Percent),
        prefixed: false,
        dated: false,
        explicit_qualifier: true,
    })
}

/// "جزء من مئة" = 1/100: one part of a number, in a phrase alone.
fn one_part_of(toks: &[Token], i: usize) -> Option<Reading> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    let lex = &*LEXICON;
    let k = lex
        .ratios
        .iter()
        .filter(|(_, parts)| *parts)
        .find_map(|(p, _)| matches_at(toks, i, p).then(|| i + p.len()))?;
    let d = read_cardinal(toks, k).filter(|d| d.value != 0.0)?;
    Some(Reading {
        value: 1.0 / d.value,
        start: i,
        end: d.end,
        start_byte: t.start,
        words: true,
        prefixed: false,
    })
}

/// Forms read only in a phrase alone, after a cardinal `r`: digits grouped
/// by spaces ("١ ٢٣٤ ٥٦٧"), a power ("١,١^٢٣", "١e١٠"), a ratio ("١ على
/// ٣", "واحد من ثلاثة", "عشرين أجزاء من خمسة وعشرين").
fn phrase_forms(toks: &[Token], r: &mut Reading) {
    let digits_only = !r.words && r.end == r.start + 1 && toks[r.start].kind == Kind::Digits;
    if digits_only {
        // "-١ ٤/٥" = -1.8: a whole number and a proper fraction in digits.
        let (a, slash, b) = (toks.get(r.end), toks.get(r.end + 1), toks.get(r.end + 2));
        if let (Some(a), Some(slash), Some(b)) = (a, slash, b) {
            let plain =
                |t: &Token| t.kind == Kind::Digits && t.text.bytes().all(|c| c.is_ascii_digit());
            if plain(a)
                && !a.glued
                && !a.line_start
                && slash.is_sym("/")
                && slash.glued
                && plain(b)
                && b.glued
                && toks.get(r.end + 3).is_none_or(|n| !n.glued)
            {
                let (x, y): (f64, f64) =
                    (a.text.parse().unwrap_or(0.0), b.text.parse().unwrap_or(0.0));
                if y != 0.0 && x < y && r.value.fract() == 0.0 {
                    r.value += x / y;
                    r.end += 3;
                    return;
                }
            }
        }
        let first = toks[r.start].text;
        let plain = |t: &Token| t.text.len() == 3 && t.text.bytes().all(|b| b.is_ascii_digit());
        if first.len() <= 3 && first.bytes().all(|b| b.is_ascii_digit()) {
            let mut k = r.end;
            let mut s = first.to_string();
            while let Some(t) = toks
                .get(k)
                .filter(|t| t.kind == Kind::Digits && !t.glued && !t.line_start && plain(t))
            {
                s.push_str(t.text);
                k += 1;
            }
            if k > r.end + 1 || (k == r.end + 1 && toks.get(k).is_none()) {
                if let Ok(v) = s.parse() {
                    r.value = v;
                    r.end = k;
                }
            }
        }
        if let Some((v, e)) = power_after(toks, r.end, r.value) {
            r.value = v;
            r.end = e;
            return;
        }
    }
    let lex = &*LEXICON;
    let Some((p, parts)) = lex
        .ratios
        .iter()
        .find(|(p, _)| matches_at(toks, r.end, p) && !toks[r.end].line_start)
    else {
        return;
    };
    let Some(d) = read_cardinal(toks, r.end + p.len()).filter(|d| d.value != 0.0) else {
        return;
    };
    // "من" between two figures is a share only below the whole ("واحد من
    // ثلاثة"); "على" divides ("٢٠٠٠ على ٣"), and so do parts ("أجزاء من").
    let share_word = p.len() == 1 && p[0] == "من";
    if share_word && !*parts && r.value.abs() >= d.value {
        return;
    }
    r.value /= d.value;
    r.end = d.end;
    r.words = true;
}

/// A power after digits ending before token `end`: "^23", "^-1", "^--23"
/// (a double minus is a plus), "e10", "e+14", "x10^6". The value and the
/// token after.
fn power_after(toks: &[Token], end: usize, value: f64) -> Option<(f64, usize)> {
    let glued = |k: usize| toks.get(k).filter(|t| t.glued);
    let t = glued(end)?;
    let (ten, mut k) = match (t.kind, t.text) {
        (Kind::Sym, "^") => (false, end + 1),
        (Kind::Latin, "e" | "E") => (true, end + 1),
        (Kind::Latin, "x") => {
            glued(end + 1).filter(|n| n.text == "10")?;
            glued(end + 2).filter(|c| c.is_sym("^"))?;
            (true, end + 3)
        }
        _ => return None,
    };
    let mut negative = false;
    while let Some(s) = glued(k).filter(|s| s.is_sym("-") || s.is_sym("+")) {
        negative ^= s.is_sym("-");
        k += 1;
    }
    let e = glued(k)
        .filter(|n| n.kind == Kind::Digits && n.text.bytes().all(|b| b.is_ascii_digit()))?;
    if glued(k + 1).is_some_and(|n| n.kind != Kind::Sym) {
        return None;
    }
    let exp: f64 = e.text.parse().ok()?;
    let exp = if negative { -exp } else { exp };
    let v = if ten {
        value * 10f64.powf(exp)
    } else {
        value.powf(exp)
    };
    v.is_finite().then_some((v, k + 1))
}

/// A fraction word alone before the noun it divides: "نصف السكان", "أكثر
/// من ثلث المقاعد", "ثلثي الأصوات". Not before a stage or a time
/// ("نصف النهائي", "نصف الشهر": `[fraction_alone]`); in running text the
/// noun must be defined ("نصف ساعة" is no figure), in a phrase anything goes.
fn fraction_alone(toks: &[Token], i: usize, mode: Mode) -> Option<Item> {
    let lex = &*LEXICON;
    let t = toks.get(i).filter(|t| t.is_word())?;
    let (lexicon::Class::Fraction(v), prefix, _) = grammar::cardinal_word(t.text)? else {
        return None;
    };
    let next = toks.get(i + 1).filter(|n| n.is_word() && !n.line_start);
    let noun = match next {
        Some(n) if lex.fraction_not_before.contains(n.text) => return None,
        Some(n) if strip_article(n.text).1 && grammar::cardinal_word(n.text).is_none() => {
            Some(counted_stem(n.text))
        }
        _ if mode == Mode::Phrase => None,
        _ => return None,
    };
    let next_tok = if noun.is_some() { i + 2 } else { i + 1 };
    let mut item = Item {
        num_start: i,
        start: t.start + prefix,
        end: toks[next_tok - 1].end,
        next: next_tok,
        value: NumberValue {
            counted: noun,
            ..number(v, NumberForm::Cardinal)
        },
        prefixed: prefix > 0,
        dated: false,
        explicit_qualifier: false,
    };
    if let Some((q, start)) = qualifier_before(toks, i) {
        item.value.qualifier = q;
        item.start = start;
        item.explicit_qualifier = true;
    }
    Some(item)
}

/// Reads what follows a cardinal (fraction, percent, currency, counted
/// noun, qualifiers) and applies the running-text filters.
fn finish(toks: &[Token], i: usize, r: Reading, mode: Mode) -> Option<Item> {
    let lex = &*LEXICON;
    let first_digit = (r.start..r.end).find(|&k| toks[k].kind == Kind::Digits);
    // Digits only, no scale word: "2025", "1,200", "-3.5".
    let single_digits = !r.words && first_digit.is_some();
    let mut value = r.value;
    let mut end = r.end;
    // "١١/١٠" = 1.1 in an isolated phrase.
    if mode == Mode::Phrase && single_digits {
        if let (Some(slash), Some(den)) = (toks.get(end), toks.get(end + 1)) {
            if slash.is_sym("/") && slash.glued && den.glued && den.kind == Kind::Digits {
                if let Some(d) = digits_value(den.text).filter(|d| *d != 0.0) {
                    value /= d;
                    end += 2;
                }
            }
        }
    }
    if mode == Mode::Text {
        if let Some(k) = first_digit {
            if digits_out_of_place(toks, k) {
                return None;
            }
        }
        // A lone "واحد", "أحد", "صفر": a pronoun or an adjective, not a count.
        if r.words && r.end == r.start + 1 && (value == 0.0 || value == 1.0) {
            return None;
        }
        // A figure that labels: "المادة 47", "القرار 2797".
        if first_digit.is_some() && word_before(toks, i, |w| lex.labels.contains(w)) {
            return None;
        }
    }
    let mut item = Item {
        num_start: r.start,
        start: r.start_byte,
        end: toks[end - 1].end,
        next: end,
        value: number(value, NumberForm::Cardinal),
        prefixed: r.prefixed,
        dated: false,
        explicit_qualifier: false,
    };
    let year_like = single_digits && is_year_like(&toks[r.start]);
    if mode == Mode::Text && year_like && word_before(toks, i, |w| lex.year_context.contains(w)) {
        // "العام 2024 سجلت", "منذ 2011": a year whatever follows.
        return None;
    }
    let same_line = toks.get(end).is_some_and(|t| !t.line_start);
    if let Some(p) = percent_at(toks, end).filter(|_| same_line) {
        item.value.form = NumberForm::Percent;
        item.end = toks[p - 1].end;
        item.next = p;
    } else if let Some((code, after)) = currency_at(toks, end).filter(|_| same_line) {
        item.value.form = NumberForm::Money;
        item.value.unit = Some(code.clone());
        item.end = toks[after - 1].end;
        item.next = after;
        add_cents(toks, &mut item, &code);
    } else if toks
        .get(end)
        .is_some_and(|t| t.is_word() && lex.months.contains(t.text) && !t.line_start)
    {
        item.dated = true;
    } else if let Some(c) = counted_noun(toks, end, year_like) {
        item.value.counted = Some(c);
        item.end = toks[end].end;
        item.next = end + 1;
        // "1.200 قتيل": people come whole, so the dot groups thousands.
        if single_digits && toks[r.start].text.matches('.').count() == 1 {
            if let Some(v) = tokens::dots_as_thousands(toks[r.start].text) {
                item.value.value = v;
            }
        }
    } else if let Some(k) = of_the_noun(toks, end).filter(|_| r.words) {
        // "اثنين من الموقوفين".
        item.value.counted = Some(counted_stem(toks[k].text));
        item.end = toks[k].end;
        item.next = k + 1;
    }
    let has_unit = item.value.form != NumberForm::Cardinal || item.value.counted.is_some();
    if mode == Mode::Text && !has_unit && !item.dated {
        if year_like {
            return None;
        }
        // A label after a Latin word: "IGEF 24", "COP 28".
        if i.checked_sub(1)
            .is_some_and(|k| toks[k].kind == Kind::Latin && !toks[i].line_start)
        {
            return None;
        }
    }
    if let Some((q, start)) = qualifier_before(toks, i) {
        item.value.qualifier = q;
        item.start = start;
        item.explicit_qualifier = true;
    }
    if let Some((q, after)) = qualifier_after(toks, item.next) {
        item.value.qualifier = q;
        item.end = toks[after - 1].end;
        item.next = after;
        item.explicit_qualifier = true;
    }
    if mode == Mode::Text && item.value.qualifier == Qualifier::Exact && !has_unit {
        // Page furniture: a number alone on its line ("تعليقات" / "0").
        let alone = toks[i].line_start && toks.get(item.next).is_none_or(|t| t.line_start);
        if alone {
            return None;
        }
    }
    Some(item)
}

/// "20 دولار و43 سنت", "20$ 43c": cents added to the amount.
fn add_cents(toks: &[Token], item: &mut Item, code: &str) {
    if code == "cent" {
        return;
    }
    let mut k = item.next;
    if toks.get(k).is_some_and(|t| t.text == "و" && !t.line_start) {
        k += 1;
    }
    let Some(r) = toks
        .get(k)
        .filter(|t| !t.line_start)
        .and_then(|_| read_cardinal(toks, k))
    else {
        return;
    };
    if !(r.value >= 1.0 && r.value < 100.0) {
        return;
    }
    if let Some((c, after)) =
        currency_at(toks, r.end).filter(|_| toks.get(r.end).is_some_and(|t| !t.line_start))
    {
        if c == "cent" {
            item.value.value += r.value / 100.0;
            item.end = toks[after - 1].end;
            item.next = after;
        }
    }
}

/// "العشرات من المطلوبين", "عشرات الأشخاص", "مئات", "عشرات الآلاف".
fn magnitude(toks: &[Token], i: usize) -> Option<Item> {
    let lex = &*LEXICON;
    let t = toks.get(i).filter(|t| t.is_word())?;
    let known = |s: &&str| lex.magnitudes.contains_key(*s);
    // "آلاف" itself starts like the article; try the word whole first.
    let stem = Some(t.text)
        .filter(known)
        .or_else(|| Some(strip_article(t.text).0).filter(known))
        .or_else(|| t.text.strip_prefix(['و', 'ب', 'ل']).filter(known))?;
    let (mut q, mut value) = *lex.magnitudes.get(stem)?;
    let mut end = i + 1;
    if q != Qualifier::Thousands {
        if let Some(n) = toks.get(end).filter(|n| n.is_word() && !n.line_start) {
            let (s, _) = strip_article(n.text);
            if let Some(&(Qualifier::Thousands, v)) = lex.magnitudes.get(s) {
                value *= v;
                q = Qualifier::Thousands;
                end += 1;
            }
        }
    }
    let mut item = Item {
        num_start: i,
        start: t.start,
        end: toks[end - 1].end,
        next: end,
        value: NumberValue {
            qualifier: q,
            ..number(value, NumberForm::Cardinal)
        },
        prefixed: false,
        dated: false,
        explicit_qualifier: true,
    };
    // The counted noun: "عشرات الأشخاص", "العشرات من المطلوبين".
    let noun = match toks.get(end) {
        Some(n) if n.text == "من" && !n.line_start => Some(end + 1),
        Some(_) => Some(end),
        None => None,
    };
    if let Some(k) = noun {
        if let Some(n) = toks
            .get(k)
            .filter(|n| n.is_word() && !n.line_start && !lex.not_counted.contains(n.text))
        {
            if let Some((code, after)) = money_after_magnitude(toks, k) {
                item.value.form = NumberForm::Money;
                item.value.unit = Some(code);
                item.end = toks[after - 1].end;
                item.next = after;
            } else if grammar::cardinal_word(n.text).is_none() {
                item.value.counted = Some(counted_stem(n.text));
                item.end = n.end;
                item.next = k + 1;
            }
        }
    }
    Some(item)
}

/// "ملايين الدولارات": a currency word with the article.
fn money_after_magnitude(toks: &[Token], k: usize) -> Option<(String, usize)> {
    let t = toks.get(k)?;
    let (stem, article) = strip_article(t.text);
    if !article {
        return currency_at(toks, k);
    }
    let (_, family) = LEXICON
        .currencies
        .iter()
        .find(|(p, _)| p.len() == 1 && p[0] == stem)?;
    let code = LEXICON
        .currency_default
        .get(family)
        .cloned()
        .unwrap_or_else(|| family.clone());
    Some((code, k + 1))
}

/// Ranges: "من 10 إلى 20 دولار", "10-20 $", "بين 3 و5 في المئة", "من عشرة
/// لعشرين دولار". The first figure takes the second's form and unit; a
/// range ending in a date ("من 18 إلى 20 شتنبر") is a date, both dropped.
fn link_ranges(toks: &[Token], items: &mut [Item]) {
    for k in 1..items.len() {
        let (a, b) = (&items[k - 1], &items[k]);
        let between = &toks[a.next.min(b.num_start)..b.num_start];
        let connector = match between {
            [] => b.prefixed || toks.get(b.num_start).is_some_and(|t| t.text == "و"),
            [t] => t.is_sym("-") || ["الي", "حتي", "و", "او"].contains(&t.text),
            _ => false,
        };
        if !connector || a.value.counted.is_some() {
            continue;
        }
        if b.dated {
            items[k - 1].dated = true;
            continue;
        }
        let a_plain = a.value.form == NumberForm::Cardinal && a.value.counted.is_none();
        if a_plain && matches!(b.value.form, NumberForm::Money | NumberForm::Percent) {
            let (form, unit) = (b.value.form, b.value.unit.clone());
            let q = a.value.qualifier;
            items[k - 1].value.form = form;
            items[k - 1].value.unit = unit;
            if matches!(q, Qualifier::About) && !items[k].explicit_qualifier {
                items[k].value.qualifier = q;
            }
        }
    }
}

#[cfg(test)]
mod tests;
