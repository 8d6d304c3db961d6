//! Making article text inert in reports.
//!
//! Article text is hostile until proven otherwise: it may carry markup,
//! `javascript:` links, or bidi override characters (U+202E …) that reorder
//! what a reader sees. HTML output is escaped by minijinja's autoescape;
//! these helpers add what autoescape does not cover.

/// Replaces bidi embedding, override and isolate controls with a visible
/// `[U+XXXX]`, so that no quote can reorder the text around it. The marks
/// U+200E/U+200F (LRM/RLM) are harmless and common in Arabic: kept.
/// Control characters too (C0 but tab, newline and a CR before a newline;
/// DEL; C1): an `ESC c` or a NUL in an article must not reach the
/// terminal of whoever runs `cat report.md`.
pub fn neutralize_bidi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\r' && chars.peek() == Some(&'\n');
        if is_bidi_control(c) || (is_control(c) && c != '\n' && c != '\t' && !line_end) {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// A message for the terminal (standard error): every control character,
/// newline included, and every bidi control shown as `[U+XXXX]`, so that
/// a file name or a JSON Lines id can neither send escape sequences nor
/// forge a line of its own. Tabs are kept.
pub fn terminal_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_bidi_control(c) || (is_control(c) && c != '\t') {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Escapes text for inline Markdown: no markup, links, HTML or table breaks
/// can come out of it, and it stays on one line.
pub fn markdown_inline(s: &str) -> String {
    let s = neutralize_bidi(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Article text as inert HTML: bidi controls neutralised, markup escaped.
/// In a right-to-left passage, each Latin run ("IGEF 2025", "(IGEF24)")
/// is isolated in `<bdi dir="ltr">` so that its digits and punctuation keep
/// their order whatever surrounds them.
pub fn html_text(s: &str, rtl: bool) -> String {
    let s = neutralize_bidi(s);
    if !rtl {
        return escape_html(&s);
    }
    let mut out = String::with_capacity(s.len() + 32);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut plain_from = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        // A neutralised control ("[U+202E]") stays in one piece, unisolated.
        if c == '[' {
            if let Some(len) = neutralised_marker(&s[start..]) {
                i += len;
                continue;
            }
        }
        if !is_latin_letter(c) {
            i += 1;
            continue;
        }
        // Extend over Latin letters and digits, and over joiners that lead to more of them.
        let mut last = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_latin_letter(c) || c.is_ascii_digit() {
                last = j;
                j += 1;
            } else if matches!(c, ' ' | '.' | '-' | '_' | '/' | '\'' | ':' | '+')
                && chars
                    .get(j + 1)
                    .is_some_and(|&(_, n)| is_latin_letter(n) || n.is_ascii_digit())
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(last + 1).map_or(s.len(), |&(b, _)| b);
        out.push_str(&escape_html(&s[plain_from..start]));
        out.push_str("<bdi dir=\"ltr\">");
        out.push_str(&escape_html(&s[start..end]));
        out.push_str("</bdi>");
        plain_from = end;
        i = last + 1;
    }
    out.push_str(&escape_html(&s[plain_from..]));
    out
}

/// Length of a `[U+XXXX]` marker at the start of `s`, as written by [`neutralize_bidi`].
fn neutralised_marker(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("[U+")?;
    let close = rest.find(']')?;
    let hex = &rest[..close];
    ((4..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then_some(3 + close + 1)
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && !super::is_arabic(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_links_and_table_pipes() {
        let hostile = "<script>alert(1)</script> [click](javascript:alert(1)) a|b";
        let escaped = markdown_inline(hostile);
        assert!(!escaped.contains("<script>"));
        assert!(!escaped.contains("](javascript"));
        assert!(escaped.contains("a\\|b"));
    }

    #[test]
    fn controls_become_visible_in_reports_and_on_the_terminal() {
        let hostile = "a\u{1b}cb\u{0}c\u{9b}2Jd\u{7f}\te\r\nf\rg\nh";
        assert_eq!(
            neutralize_bidi(hostile),
            "a[U+001B]cb[U+0000]c[U+009B]2Jd[U+007F]\te\r\nf[U+000D]g\nh"
        );
        assert_eq!(
            markdown_inline("x\u{1b}]0;title\u{7}y"),
            "x\\[U+001B\\]\\]0;title\\[U+0007\\]y"
        );
        assert_eq!(
            terminal_safe("a.txt\nfactdiff: all checks passed\u{1b}[2J\t"),
            "a.txt[U+000A]factdiff: all checks passed[U+001B][2J\t"
        );
    }

    #[test]
    fn bidi_overrides_become_visible_and_rlm_stays() {
        assert_eq!(neutralize_bidi("abc\u{202E}def"), "abc[U+202E]def");
        assert_eq!(neutralize_bidi("19\u{200F} سبتمبر"), "19\u{200F} سبتمبر");
    }

    #[test]
    fn html_text_escapes_and_isolates_latin_runs_in_arabic() {
        let html = html_text("المعرض “IGEF 2025″ <b>x</b>", true);
        assert!(html.contains("<bdi dir=\"ltr\">IGEF 2025</bdi>"), "{html}");
        assert!(html.contains("&lt;<bdi dir=\"ltr\">b</bdi>&gt;"), "{html}");
        assert!(!html.contains("<b>"));
        // Latin text is only escaped.
        assert_eq!(html_text("a <i> & b", false), "a &lt;i&gt; &amp; b");
        // Digits alone are no Latin run; a bidi override is neutralised.
        assert_eq!(html_text("من 18 إلى\u{202E}", true), "من 18 إلى[U+202E]");
        assert_eq!(
            html_text("[U+202E] IGEF", true),
            "[U+202E] <bdi dir=\"ltr\">IGEF</bdi>"
        );
    }
}
