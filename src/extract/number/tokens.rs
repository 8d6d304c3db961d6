//! Tokens of folded text for the figure extractor: words, digit groups and
//! single symbols, each with its folded byte range and its spacing.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of Arabic (or other non-ASCII) letters.
    Word,
    /// A run of ASCII letters.
    Latin,
    /// Digits with inner `.` or `,` separators (`1,200`, `3.5`, `.77`).
    Digits,
    /// Any other single visible character (`%`, `$`, `-`, `/`, `.` …).
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// No whitespace between this token and the one before it.
    pub glued: bool,
    /// The first token of its line.
    pub line_start: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_sym(&self, c: &str) -> bool {
        self.kind == Kind::Sym && self.text == c
    }
}

/// A non-ASCII letter; the Arabic block is checked first, without the
/// (slow) general Unicode table.
fn is_letter(c: char) -> bool {
    match c {
        '\u{0621}'..='\u{064A}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0750}'..='\u{077F}' => true,
        _ if c.is_ascii() => false,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Splits folded text into tokens; whitespace separates, and a change of
/// script (Arabic letters, ASCII letters, digits) starts a new token.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut glued = false;
    let mut line_start = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            if c == '\n' {
                line_start = true;
            }
            glued = false;
            i += 1;
            continue;
        }
        let next_is_digit = |k: usize| chars.get(k).is_some_and(|&(_, d)| d.is_ascii_digit());
        let prev_is_digit = i > 0 && chars[i - 1].1.is_ascii_digit();
        let (kind, mut j) =
            if c.is_ascii_digit() || (c == '.' && !prev_is_digit && next_is_digit(i + 1)) {
                let mut j = i + 1;
                while j < chars.len() {
                    let d = chars[j].1;
                    if d.is_ascii_digit() || ((d == '.' || d == ',') && next_is_digit(j + 1)) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                (Kind::Digits, j)
            } else if c.is_ascii_alphabetic() {
                let mut j = i + 1;
                while j < chars.len() && chars[j].1.is_ascii_alphabetic() {
                    j += 1;
                }
                (Kind::Latin, j)
            } else if is_letter(c) {
                let mut j = i + 1;
                while j < chars.len() && is_letter(chars[j].1) {
                    j += 1;
                }
                (Kind::Word, j)
            } else {
                (Kind::Sym, i + 1)
            };
        if j > chars.len() {
            j = chars.len();
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        out.push(Token {
            start,
            end,
            text: &text[start..end],
            kind,
            glued,
            line_start,
        });
        glued = true;
        line_start = false;
        i = j;
    }
    out
}

/// The value of a digit group: `1,200` (thousands), `3.5` and `3,5`
/// (decimal), `.77`. `None` for shapes that are not one number
/// (`19.09.2024`, `1,2,3`, `12,34,5`).
pub(crate) fn digits_value(s: &str) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    if dots > 1 {
        // "1.200.000": dots as thousands separators.
        return dots_as_thousands(s);
    }
    let plain: String = if commas == 0 {
        s.to_string()
    } else {
        let (int_part, frac) = match s.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let groups: Vec<&str> = int_part.split(',').collect();
        let thousands = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && !groups[0].starts_with('0')
            && groups[1..].iter().all(|g| g.len() == 3);
        if thousands {
            let mut p = groups.concat();
            if let Some(f) = frac {
                p.push('.');
                p.push_str(f);
            }
            p
        } else if commas == 1
            && frac.is_none()
            && !groups[1].is_empty()
            && (groups[1].len() != 3 || groups[0] == "0")
        {
            // A decimal comma, as in French-style "3,5 مليار", "٩,٢٣٢١٣١٢",
            // "٠,٢٣٤": three digits after a comma group thousands, unless
            // the whole part is 0; "1234,56" is a decimal too.
            format!("{}.{}", groups[0], groups[1])
        } else {
            return None;
        }
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A digit group read with its dots as thousands separators: "1.200" →
/// 1200, "1.200.000" → 1200000; `None` unless every later group has 3 digits.
pub(crate) fn dots_as_thousands(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split('.').collect();
    let ok = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if !ok {
        return None;
    }
    groups.concat().parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_scripts_and_symbols() {
        let t = tokenize("igef24 و121 أمرا 10$ .77");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec!["igef", "24", "و", "121", "أمرا", "10", "$", ".77"]
        );
        assert!(t[1].glued && t[3].glued && !t[4].glued);
        assert_eq!(t[1].kind, Kind::Digits);
        assert_eq!(t[0].kind, Kind::Latin);
    }

    #[test]
    fn marks_line_starts() {
        let t = tokenize("تعليقات\n0");
        assert!(t[0].line_start && t[1].line_start);
        let t = tokenize("a b");
        assert!(!t[1].line_start);
    }

    #[test]
    fn reads_digit_groups() {
        assert_eq!(digits_value("1,200"), Some(1200.0));
        assert_eq!(digits_value("1,000,000.00"), Some(1_000_000.0));
        assert_eq!(digits_value("3.5"), Some(3.5));
        assert_eq!(digits_value("3,5"), Some(3.5));
        assert_eq!(digits_value(".77"), Some(0.77));
        assert_eq!(digits_value("01.10"), Some(1.1));
        assert_eq!(digits_value("19.09.2024"), None);
        assert_eq!(digits_value("1.200.000"), Some(1_200_000.0));
        assert_eq!(dots_as_thousands("1.200"), Some(1200.0));
        assert_eq!(dots_as_thousands("1.25"), None);
        assert_eq!(dots_as_thousands("0.002"), None);
        assert_eq!(digits_value("1,2,3"), None);
        assert_eq!(digits_value("1234,567"), None);
        assert_eq!(digits_value("0,23456"), Some(0.23456));
        assert_eq!(digits_value("9,2321312"), Some(9.2321312));
        assert_eq!(digits_value("0,234"), Some(0.234));
        assert_eq!(digits_value("1234,5"), Some(1234.5));
    }
}
