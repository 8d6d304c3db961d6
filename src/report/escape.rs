//! Making article text inert in reports.
//!
//! Article text is hostile until proven otherwise: it may carry markup,
//! `javascript:` links, or bidi override characters (U+202E …) that reorder
//! what a reader sees. HTML output is escaped by minijinja's autoescape;
//! these helpers add what autoescape does not cover.

/// Replaces bidi embedding, override and isolate controls with a visible
/// `[U+XXXX]`, so that no quote can reorder the text around it. The marks
/// U+200E/U+200F (LRM/RLM) are harmless and common in Arabic: kept.
pub fn neutralize_bidi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_bidi_control(c) {
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
    fn bidi_overrides_become_visible_and_rlm_stays() {
        assert_eq!(neutralize_bidi("abc\u{202E}def"), "abc[U+202E]def");
        assert_eq!(neutralize_bidi("19\u{200F} سبتمبر"), "19\u{200F} سبتمبر");
    }
}
