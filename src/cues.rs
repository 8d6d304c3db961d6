//! The cue-word syntax shared by the data files that name things by the
//! words around them (`data/topics.toml`, `data/event_kinds.toml`).
//!
//! A cue is written as in news text and folded like the text it is matched
//! against. A cue ending in `*` matches any word beginning with it
//! ("زيار*": زيارة, زيارته, زيارات); other cues match whole words, allowing
//! the Arabic plural -ات and the pronouns -ها/-هم but not a bare -ه, which
//! after folding is also ta marbuta ("زار" must not match "وزارة"). Words of
//! a cue may be separated by any run of spaces, and an apostrophe matches
//! the typographic one ("cour d'appel", "cour d’appel").

use crate::normalize::fold;

/// Optional conjunction, preposition and article before an Arabic cue.
pub const ARABIC_PREFIXES: &str = r"(?:[وف]?(?:بال|لل|وال|ال|ب|ل|ك)?)";

/// The regex body (no group, no leading boundary) of one cue.
pub fn cue_pattern(cue: &str) -> String {
    let (stem, prefix_only) = match cue.strip_suffix('*') {
        Some(s) => (s, true),
        None => (cue, false),
    };
    let folded = fold(stem);
    let body: Vec<String> = folded
        .split_whitespace()
        .map(|w| regex::escape(w).replace(['\'', '’'], "['’]"))
        .collect();
    let body = body.join(r"\s+");
    if prefix_only {
        format!(r"{body}\w*")
    } else {
        format!(r"{body}(?:ها|هم|ات)?\b")
    }
}

/// One pattern for several groups of cues: capture group `i + 1` matches a
/// cue of `groups[i]`, after a word boundary and the Arabic prefixes.
pub fn alternation<S: AsRef<str>>(groups: &[Vec<S>]) -> String {
    let alternatives: Vec<String> = groups
        .iter()
        .map(|cues| {
            let bodies: Vec<String> = cues.iter().map(|c| cue_pattern(c.as_ref())).collect();
            format!("({})", bodies.join("|"))
        })
        .collect();
    format!(r"\b{ARABIC_PREFIXES}(?:{})", alternatives.join("|"))
}

/// A pattern that matches wherever a match of [`alternation`]`(groups)`
/// begins (the same prefixes, then the first word of a cue up to any
/// apostrophe, no ending, no boundary): the candidate starts for
/// `word_regex::Regex::with_candidates`, a far smaller automaton.
pub fn candidates<S: AsRef<str>>(groups: &[Vec<S>]) -> String {
    let mut literals: Vec<String> = groups
        .iter()
        .flatten()
        .map(|cue| {
            let cue = cue.as_ref();
            let stem = cue.strip_suffix('*').unwrap_or(cue);
            let folded = fold(stem);
            let first = folded.split_whitespace().next().unwrap_or("");
            let literal = first.split(['\'', '’']).next().unwrap_or("");
            regex::escape(literal)
        })
        .collect();
    literals.sort();
    literals.dedup();
    format!("{ARABIC_PREFIXES}(?:{})", literals.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn matches(cue: &str, text: &str) -> bool {
        let re = Regex::new(&alternation(&[vec![cue]])).unwrap();
        re.is_match(&fold(text))
    }

    #[test]
    fn whole_word_cues_take_prefixes_and_plurals_but_not_ta_marbuta() {
        assert!(matches("زار", "وزار الوزير المدينة"));
        assert!(!matches("زار", "وزارة الخارجية"));
        assert!(matches("مباراة", "بالمباراة النهائية"));
        assert!(matches("مؤتمر*", "المؤتمرات"));
    }

    #[test]
    fn candidates_match_wherever_a_cue_starts() {
        let groups = vec![
            vec!["زار", "مؤتمر*", "هزة أرضية"],
            vec!["cour d'appel", "Séisme", "flash floods"],
        ];
        let full = Regex::new(&alternation(&groups)).unwrap();
        let cand = Regex::new(&format!("^(?:{})", candidates(&groups))).unwrap();
        let text =
            fold("وزار الوزير المؤتمرات بعد هزة   أرضية؛ la Cour d’appel, un séisme, Flash floods");
        let mut found = 0;
        for m in full.find_iter(&text) {
            found += 1;
            assert!(cand.is_match(&text[m.start()..]), "{:?}", m.as_str());
        }
        assert_eq!(found, 6);
    }

    #[test]
    fn an_apostrophe_cue_matches_the_typographic_one() {
        assert!(matches("cour d'appel", "la cour d’appel de Rabat"));
        assert!(matches("cour d'appel", "La cour d'appel"));
        assert!(!matches("en appel", "il a appelé"));
    }
}
