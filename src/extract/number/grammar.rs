//! Reading a run of tokens as a cardinal or an ordinal number.
//!
//! Cardinals: Arabic writes a group below 1000 as hundreds, then units, then
//! tens joined by و ("مئة وثلاثة وأربعون" = 143), and scales after the group
//! they multiply ("ثلاثة آلاف" = 3000). The reader keeps a small state (the
//! last part read) and stops at the first token that cannot continue the
//! number, so "بين 19 و21" stays two numbers and "عشرة وعشرون" too.

use super::lexicon::{Class, LEXICON};
use super::tokens::{digits_value, Kind, Token};

/// A number read from tokens `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// Folded byte offset where the number begins (after a و/ب/ل prefix).
    pub start_byte: usize,
    /// Written at least partly in words.
    pub words: bool,
    /// The first token carried a و, ب or ل prefix ("لعشرين", "وعشرون").
    pub prefixed: bool,
}

/// How a word token's text relates to the lexicon: its class, the byte length
/// of a stripped prefix, and whether the prefix was a conjunction و.
pub(crate) fn cardinal_word(text: &str) -> Option<(Class, usize, bool)> {
    let lex = &*LEXICON;
    if let Some(c) = lex.cardinal.get(text) {
        return Some((*c, 0, false));
    }
    if let Some(rest) = text.strip_prefix('و') {
        if let Some(c) = lex.cardinal.get(rest) {
            return Some((*c, 'و'.len_utf8(), true));
        }
    }
    // A preposition glued to a longer number word: "لثلاثة", "بخمسين".
    for p in ['ب', 'ل'] {
        if let Some(rest) = text.strip_prefix(p) {
            if rest.chars().count() >= 4 {
                if let Some(c) = lex.cardinal.get(rest) {
                    return Some((*c, p.len_utf8(), false));
                }
            }
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    Digit,
    Unit(f64),
    Teen,
    Tens,
    Hundreds,
    Scale(f64),
    Fraction,
}

/// Reads a cardinal number starting at token `i`.
pub(crate) fn read_cardinal(toks: &[Token], i: usize) -> Option<Reading> {
    let first = toks.get(i)?;
    let mut total = 0.0_f64;
    let mut group = 0.0_f64;
    let mut last = Last::Start;
    let mut words = false;
    let mut start_byte = first.start;
    let mut prefixed = false;
    // The best complete reading so far: (value, end token).
    let mut best: Option<(f64, usize)> = None;
    // The reading before the current group began (to undo a group whose scale
    // turns out not to fit: "ثلاثة ملايين وأربعة ملايين").
    let mut before_group: Option<(f64, usize)> = None;
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut pending_waw = false;
    while let Some(t) = toks.get(j) {
        if t.kind == Kind::Digits {
            // Digits after a scale and "و" start the next group: "ثلاثة آلاف
            // و250" = 3250, "مليار و100 مليون" = 1.1 billion.
            // "٤ آلاف ٣ مائة": digits before a hundred word start the next group too.
            let before_hundred = toks.get(j + 1).is_some_and(|n| {
                !n.line_start
                    && matches!(
                        cardinal_word(n.text),
                        Some((Class::Hundred { bare: true, .. }, 0, _))
                    )
            });
            let after_scale = matches!(last, Last::Scale(_)) && (pending_waw || before_hundred);
            // "٣ مئة و ٢١": digits below a hundred complete the group.
            if last == Last::Hundreds && pending_waw {
                match digits_value(t.text) {
                    Some(v)
                        if (1.0..100.0).contains(&v)
                            && v.fract() == 0.0
                            && !t.text.contains([',', '.']) =>
                    {
                        pending_waw = false;
                        group += v;
                        last = Last::Digit;
                        j += 1;
                        best = Some((total + group, j));
                        continue;
                    }
                    _ => break,
                }
            }
            if (last != Last::Start || pending_waw) && !after_scale {
                break;
            }
            let Some(v) = digits_value(t.text) else {
                if after_scale {
                    break;
                }
                return None;
            };
            if after_scale {
                if v.fract() != 0.0 || v >= last_scale || t.text.contains([',', '.']) {
                    break;
                }
                before_group = best;
                pending_waw = false;
                group = v;
                last = Last::Digit;
                j += 1;
                best = Some((total + group, j));
                continue;
            }
            group = v;
            last = Last::Digit;
            j += 1;
            best = Some((v, j));
            continue;
        }
        if t.kind != Kind::Word {
            break;
        }
        if t.text == "و" {
            if last == Last::Start || pending_waw {
                break;
            }
            pending_waw = true;
            j += 1;
            continue;
        }
        let Some((class, prefix, waw_prefix)) = cardinal_word(t.text) else {
            break;
        };
        if prefix > 0 && !waw_prefix && j != i {
            break;
        }
        // A conjunction before the first word only joins it to the text before.
        let waw = last != Last::Start && (pending_waw || waw_prefix);
        if j == i && prefix > 0 {
            start_byte = t.start + prefix;
            prefixed = true;
        }
        pending_waw = false;
        let in_new_group = matches!(last, Last::Start | Last::Scale(_));
        match class {
            Class::Unit(u) => {
                let ok = matches!(last, Last::Start | Last::Hundreds | Last::Scale(_));
                // "عشرون وثلاثة أخماس" = 20.6: a whole number and a fraction.
                if !ok && waw && (2.0..=9.0).contains(&u) {
                    let parts = toks.get(j + 1).and_then(|n| match cardinal_word(n.text) {
                        Some((Class::Parts(v), 0, _)) if !n.line_start => Some(v),
                        _ => None,
                    });
                    if let Some(v) = parts {
                        best = Some((total + group + u * v, j + 2));
                        break;
                    }
                }
                if !ok {
                    break;
                }
                if let Last::Scale(_) = last {
                    before_group = best;
                }
                group += u;
                last = Last::Unit(u);
            }
            Class::Ten => match last {
                Last::Unit(u) if !waw && u >= 1.0 => {
                    group += 10.0;
                    last = Last::Teen;
                }
                Last::Start | Last::Hundreds | Last::Scale(_) => {
                    if let Last::Scale(_) = last {
                        before_group = best;
                    }
                    group += 10.0;
                    last = Last::Tens;
                }
                _ => break,
            },
            Class::Teen(v) => {
                if !(in_new_group || last == Last::Hundreds) {
                    break;
                }
                if let Last::Scale(_) = last {
                    before_group = best;
                }
                group += v;
                last = Last::Teen;
            }
            Class::Tens(v) => {
                let ok = match last {
                    Last::Unit(_) => waw,
                    Last::Start | Last::Hundreds | Last::Scale(_) => true,
                    _ => false,
                };
                if !ok {
                    break;
                }
                if let Last::Scale(_) = last {
                    before_group = best;
                }
                group += v;
                last = Last::Tens;
            }
            Class::Hundred { value, bare } => match last {
                Last::Unit(u) if bare && !waw && (1.0..=9.0).contains(&u) && group == u => {
                    group = u * 100.0;
                    last = Last::Hundreds;
                }
                // "٣ مئة و ٢١" = 321.
                Last::Digit
                    if bare
                        && !waw
                        && (1.0..=9.0).contains(&group)
                        && group.fract() == 0.0
                        && j > i
                        && toks[j - 1].text.len() == 1 =>
                {
                    group *= 100.0;
                    last = Last::Hundreds;
                }
                Last::Start => {
                    group += value;
                    last = Last::Hundreds;
                }
                Last::Scale(_) => {
                    before_group = best;
                    group += value;
                    last = Last::Hundreds;
                }
                _ => break,
            },
            Class::Scale { value, plural } => match last {
                // A scale right after digits that were not read ("99999999999999999999
                // ألف": too long, a phone number) is no number on its own.
                Last::Start if !plural && !after_unread_digits(toks, j) => {
                    total += value;
                    last_scale = value;
                    last = Last::Scale(value);
                }
                Last::Digit
                | Last::Unit(_)
                | Last::Teen
                | Last::Tens
                | Last::Hundreds
                | Last::Fraction
                    if !waw =>
                {
                    if value >= last_scale {
                        best = before_group;
                        break;
                    }
                    total += group * value;
                    group = 0.0;
                    last_scale = value;
                    last = Last::Scale(value);
                }
                _ => break,
            },
            Class::Dual(value) => match last {
                Last::Start if !after_unread_digits(toks, j) => {
                    total += value;
                    last_scale = value / 2.0;
                    last = Last::Scale(value / 2.0);
                }
                Last::Scale(s) if waw && value / 2.0 < s => {
                    total += value;
                    last_scale = value / 2.0;
                    last = Last::Scale(value / 2.0);
                }
                _ => break,
            },
            Class::Fraction(v) => match last {
                Last::Start => {
                    group = v;
                    last = Last::Fraction;
                    words = true;
                    j += 1;
                    continue;
                }
                // "مليون ونصف" = 1.5 million, "ثلاثة ملايين ونصف المليون".
                Last::Scale(s) if waw => {
                    total += v * s;
                    j += 1;
                    if toks.get(j).is_some_and(|n| names_scale(n, s)) {
                        j += 1;
                    }
                    best = Some((total + group, j));
                    break;
                }
                // "واحد ونصف" = 1.5, "خمسة وربع" = 5.25: a fraction ends the number.
                Last::Digit | Last::Unit(_) | Last::Teen | Last::Tens | Last::Hundreds if waw => {
                    group += v;
                    j += 1;
                    best = Some((total + group, j));
                    break;
                }
                _ => break,
            },
            Class::Parts(v) => {
                // "ثلاثة أرباع" = 0.75, "مئة وثلاثة أرباع" = 100.75: the numerator
                // is the unit (or digits) just read.
                match last {
                    Last::Unit(u) if !waw && (2.0..=9.0).contains(&u) => group += u * v - u,
                    Last::Digit if !waw && (2.0..=10.0).contains(&group) => group *= v,
                    // "عشرون أخماس" = 4, "واحد وعشرون أخماس" = 4.2: the group
                    // counts the parts.
                    Last::Tens | Last::Teen if !waw && total == 0.0 => group *= v,
                    _ => break,
                }
                j += 1;
                best = Some((total + group, j));
                break;
            }
            Class::Point => {
                if matches!(last, Last::Start | Last::Fraction) || waw {
                    break;
                }
                // "واحد فاصلة خمسة": the fraction's digits follow.
                let Some(frac) = read_fraction(toks, j + 1) else {
                    break;
                };
                let value = total + group + frac.0;
                return Some(Reading {
                    value,
                    start: i,
                    end: frac.1,
                    start_byte,
                    words: true,
                    prefixed,
                });
            }
        }
        words = true;
        j += 1;
        best = Some((total + group, j));
    }
    let (value, end) = best?;
    Some(Reading {
        value,
        start: i,
        end,
        start_byte,
        words,
        prefixed,
    })
}

/// "المليون" after "مليون ونصف": the scale repeated with the article.
fn names_scale(t: &Token, scale: f64) -> bool {
    if t.kind != Kind::Word || t.line_start {
        return false;
    }
    let (stem, article) = strip_article(t.text);
    article
        && matches!(LEXICON.cardinal.get(stem), Some(Class::Scale { value, .. }) if *value == scale)
}

/// Whether the token before `j` is a digit group on the same line: a scale
/// word there multiplies those digits, so it never counts alone.
fn after_unread_digits(toks: &[Token], j: usize) -> bool {
    j.checked_sub(1)
        .is_some_and(|k| toks[k].kind == Kind::Digits && !toks[j].line_start)
}

/// The fraction after a spoken decimal point: "فاصلة 1" = .1, "فاصلة خمسة وعشرون" = .25.
fn read_fraction(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    if t.kind == Kind::Digits {
        if !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: f64 = format!("0.{}", t.text).parse().ok()?;
        return Some((v, i + 1));
    }
    let r = read_cardinal(toks, i)?;
    if r.value < 1.0 || r.value.fract() != 0.0 {
        return None;
    }
    let digits = format!("{}", r.value as u64).len() as i32;
    Some((r.value / 10f64.powi(digits), r.end))
}

/// Strips the article (and a conjunction or preposition before it) from a
/// word: "والتسعون" → ("تسعون", true).
pub(crate) fn strip_article(word: &str) -> (&str, bool) {
    for p in ["وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return (rest, true);
            }
        }
    }
    (word, false)
}

/// An ordinal read from tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrdinalReading {
    pub value: u32,
    pub start: usize,
    pub end: usize,
}

/// Reads an ordinal in words at token `i`: "الثالثة", "الثالثة والتسعون",
/// "الحادي عشر", "العشرون", "الواحد والعشرون".
pub(crate) fn read_ordinal(toks: &[Token], i: usize) -> Option<OrdinalReading> {
    let lex = &*LEXICON;
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let (stem, article) = strip_article(t.text);
    // First word: an ordinal (ثالث), or with the article a cardinal unit
    // that needs a continuation (الأحد عشر), or a tens word (العشرون).
    let (unit, needs_more) = if let Some(&v) = lex.ordinals.get(stem) {
        (v, lex.ordinal_bound.contains(stem))
    } else if article {
        match lex.cardinal.get(stem) {
            Some(Class::Unit(u)) if *u >= 1.0 => (*u as u32, true),
            Some(Class::Tens(v)) => {
                return Some(OrdinalReading {
                    value: *v as u32,
                    start: i,
                    end: i + 1,
                })
            }
            Some(Class::Hundred { value, .. }) => {
                // "المئة والخامسة والعشرون" = 125th: the rest joined by و.
                let rest = toks
                    .get(i + 1)
                    .filter(|n| n.kind == Kind::Word && n.text.starts_with('و') && !n.line_start)
                    .and_then(|_| read_ordinal(toks, i + 1))
                    .filter(|r| r.value < 100);
                return Some(match rest {
                    Some(r) => OrdinalReading {
                        value: *value as u32 + r.value,
                        start: i,
                        end: r.end,
                    },
                    None => OrdinalReading {
                        value: *value as u32,
                        start: i,
                        end: i + 1,
                    },
                });
            }
            _ => return None,
        }
    } else {
        return None;
    };
    if unit < 10 {
        if let Some(n) = toks.get(i + 1).filter(|n| n.kind == Kind::Word) {
            let (s, _) = strip_article(n.text);
            if lex.cardinal.get(s) == Some(&Class::Ten) {
                return Some(OrdinalReading {
                    value: unit + 10,
                    start: i,
                    end: i + 2,
                });
            }
        }
        // و + tens, as a separate "و" or glued: "والتسعون", "و العشرون".
        let (k, glued_waw) = match toks.get(i + 1) {
            Some(n) if n.kind == Kind::Word && n.text == "و" => (i + 2, false),
            _ => (i + 1, true),
        };
        if let Some(n) = toks.get(k).filter(|n| n.kind == Kind::Word) {
            let text = if glued_waw {
                n.text.strip_prefix('و')
            } else {
                Some(n.text)
            };
            if let Some(text) = text {
                let (s, _) = strip_article(text);
                if let Some(Class::Tens(v)) = lex.cardinal.get(s) {
                    return Some(OrdinalReading {
                        value: unit + *v as u32,
                        start: i,
                        end: k + 1,
                    });
                }
            }
        }
    }
    if needs_more {
        return None;
    }
    Some(OrdinalReading {
        value: unit,
        start: i,
        end: i + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::normalize::fold;

    fn card(s: &str) -> Option<(f64, usize)> {
        let f = fold(s);
        let t = tokenize(&f);
        read_cardinal(&t, 0).map(|r| (r.value, r.end))
    }

    fn ord(s: &str) -> Option<(u32, usize)> {
        let f = fold(s);
        let t = tokenize(&f);
        read_ordinal(&t, 0).map(|r| (r.value, r.end))
    }

    #[test]
    fn reads_compound_cardinals() {
        assert_eq!(card("ثلاثة وأربعين اجتماعا"), Some((43.0, 2)));
        assert_eq!(card("مئة وخمسون"), Some((150.0, 2)));
        assert_eq!(card("مائة و خمسون"), Some((150.0, 3)));
        assert_eq!(card("ثلاثة آلاف وخمسمئة"), Some((3500.0, 3)));
        assert_eq!(card("ثلاث مئة"), Some((300.0, 2)));
        assert_eq!(card("ثلاثمئة وخمسون ألفا"), Some((350_000.0, 3)));
        assert_eq!(card("أحد عشر"), Some((11.0, 2)));
        assert_eq!(card("عشرة آلاف"), Some((10_000.0, 2)));
        assert_eq!(card("2 مليون"), Some((2_000_000.0, 2)));
        assert_eq!(card("1.5 مليار"), Some((1_500_000_000.0, 2)));
        assert_eq!(card("مليونين"), Some((2_000_000.0, 1)));
        assert_eq!(card("متين واحد وعشرين"), Some((221.0, 3)));
        assert_eq!(card("نصف مليون"), Some((500_000.0, 2)));
        assert_eq!(card("نصف الوقت"), None);
    }

    #[test]
    fn reads_fractions_in_numbers() {
        assert_eq!(card("مليون ونصف"), Some((1_500_000.0, 2)));
        assert_eq!(card("ثلاثة ملايين ونصف المليون نسمة"), Some((3_500_000.0, 4)));
        assert_eq!(card("مليار و نصف دولار"), Some((1_500_000_000.0, 3)));
        assert_eq!(card("واحد ونصف"), Some((1.5, 2)));
        assert_eq!(card("خمسة وربع كأس"), Some((5.25, 2)));
        assert_eq!(card("3 ونصف"), Some((3.5, 2)));
        assert_eq!(card("ثلاثة أرباع الصفحة"), Some((0.75, 2)));
        assert_eq!(card("خمسة أثمان"), Some((0.625, 2)));
        assert_eq!(card("مئة وثلاثة ارباع متر"), Some((100.75, 3)));
        assert_eq!(card("نصف دزينة"), Some((6.0, 2)));
        assert_eq!(card("ثلاث دزينات"), Some((36.0, 2)));
        assert_eq!(card("١ ترليون"), Some((1e12, 2)));
        // Not numbers: a fraction with nothing to count, a plural part alone.
        assert_eq!(card("ساعة ونصف"), None);
        assert_eq!(card("أرباع"), None);
        assert_eq!(card("ثلثي"), None);
        // "والنصف" after a number is a clock's half hour, not a fraction word.
        assert_eq!(card("عشرة والنصف"), Some((10.0, 1)));
    }

    #[test]
    fn reads_words_and_digits_mixed() {
        assert_eq!(card("ثلاثة آلاف و250 شخصا"), Some((3250.0, 4)));
        assert_eq!(card("ألف و200 خيمة"), Some((1200.0, 3)));
        assert_eq!(card("مليارين و400 مليون دولار"), Some((2_400_000_000.0, 4)));
        assert_eq!(card("مليونين و315 ألفاً و40"), Some((2_315_040.0, 6)));
        assert_eq!(card("7 ملايين و120 ألف و85"), Some((7_120_085.0, 7)));
        assert_eq!(card("مليار و100 مليون دولار"), Some((1_100_000_000.0, 4)));
        // Not one number: a second scale as large, decimals, digits after digits.
        assert_eq!(card("ألف و2000"), Some((1000.0, 1)));
        assert_eq!(card("مليون و1.5 مليون"), Some((1_000_000.0, 1)));
        assert_eq!(card("ألف و5 آلاف"), Some((1000.0, 1)));
    }

    #[test]
    fn a_scale_after_unread_digits_is_no_number() {
        let f = fold("99999999999999999999 ألف شخص");
        let t = tokenize(&f);
        assert_eq!(read_cardinal(&t, 1), None);
        let f = fold("2 مليون");
        let t = tokenize(&f);
        assert_eq!(read_cardinal(&t, 1), None);
        // On its own line, a scale word starts a number.
        let f = fold("12\nألف شخص");
        let t = tokenize(&f);
        assert_eq!(read_cardinal(&t, 1).map(|r| r.value), Some(1000.0));
    }

    #[test]
    fn stops_where_a_second_number_begins() {
        assert_eq!(card("عشرة وعشرون"), Some((10.0, 1)));
        assert_eq!(card("19 و21"), Some((19.0, 1)));
        assert_eq!(card("ثلاثة ملايين وأربعة ملايين"), Some((3_000_000.0, 2)));
        assert_eq!(card("آلاف"), None);
        assert_eq!(card("وعشرون دولار"), Some((20.0, 1)));
        assert_eq!(card("و"), None);
    }

    #[test]
    fn reads_ordinals() {
        assert_eq!(ord("الثالثة والتسعون للجمعية"), Some((93, 2)));
        assert_eq!(ord("الحادي عشر"), Some((11, 2)));
        assert_eq!(ord("الواحد و العشرون"), Some((21, 3)));
        assert_eq!(ord("التسعين"), Some((90, 1)));
        assert_eq!(ord("الحادي"), None);
        assert_eq!(ord("الأحد"), None);
        assert_eq!(ord("الخميس"), None);
    }
}
