//! A drop-in for the parts of `regex::Regex` the extractors use, with the
//! same matches, that stays fast on Arabic text.
//!
//! Why: a Unicode word boundary (`\b`) makes the regex crate's lazy DFA give
//! up on any non-ASCII haystack, so every search over an Arabic article runs
//! in the backtracker or the PikeVM over the whole text. Here each pattern is
//! compiled three times:
//! - `full`, the pattern as written;
//! - `relaxed`, the pattern with every `\b` dropped (leftmost-first): it
//!   matches wherever `full` matches, and more, and runs in the lazy DFA;
//! - `longest`, the relaxed pattern with `MatchKind::All`: anchored at a
//!   position, it gives the end of the longest relaxed match there.
//!
//! A search walks the candidate starts that `relaxed` finds, left to right,
//! and runs `full` anchored at each one, limited to the end `longest` gives
//! (no match of `full` can end after it, and look-around still sees the whole
//! haystack). The first start where `full` matches is the leftmost start of
//! `full` itself, and an anchored leftmost-first search there picks the same
//! match as the unanchored one: the results are identical, only cheaper.

use std::ops::Index;

use regex_automata::meta;
use regex_automata::util::captures::Captures as RaCaptures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::look::LookMatcher;
use regex_automata::{Anchored, Input, MatchKind};

/// A compiled pattern (see the module documentation).
#[derive(Debug)]
pub(crate) struct Regex {
    full: meta::Regex,
    relaxed: Option<(meta::Regex, meta::Regex)>,
    /// Every match of `full` begins with a Unicode word boundary (`\b` as
    /// the pattern's prefix in every branch): a candidate start that is not
    /// on one is passed over without running `longest` and `full` there,
    /// and so are the starts up to the next boundary.
    starts_on_boundary: bool,
}

/// Does every match of the pattern begin with `\b` (Unicode)? Read off the
/// parsed pattern: the look-arounds every match passes before its first byte.
fn starts_on_boundary(pattern: &str) -> bool {
    regex_automata::util::syntax::parse(pattern).is_ok_and(|hir| {
        hir.properties()
            .look_set_prefix()
            .iter()
            .any(|look| look.as_char() == '\u{1D6C3}')
    })
}

/// Is `at` a Unicode word boundary of `hay` (as `\b` sees it)?
fn on_boundary(hay: &str, at: usize) -> bool {
    LookMatcher::new()
        .is_word_unicode(hay.as_bytes(), at)
        .unwrap_or(true)
}

/// The pattern with every `\b` outside a character class removed; `None`
/// when it has none.
fn drop_word_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    let mut dropped = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if class_depth == 0 => dropped = true,
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    dropped.then_some(out)
}

impl Regex {
    pub(crate) fn new(pattern: &str) -> Result<Regex, Box<meta::BuildError>> {
        let full = meta::Regex::new(pattern).map_err(Box::new)?;
        let relaxed = match drop_word_boundaries(pattern) {
            None => None,
            Some(p) => {
                let first = meta::Regex::new(&p).map_err(Box::new)?;
                let longest = meta::Regex::builder()
                    .configure(meta::Regex::config().match_kind(MatchKind::All))
                    .build(&p)
                    .map_err(Box::new)?;
                Some((first, longest))
            }
        };
        Ok(Regex {
            full,
            relaxed,
            starts_on_boundary: starts_on_boundary(pattern),
        })
    }

    /// [`Regex::new`] with a smaller pattern for the candidate starts:
    /// `candidates` must match at every position where a match of `pattern`
    /// begins (a prefix of each alternative, say: a cue's first word after
    /// the optional proclitics, without its endings, later words or `\w*`).
    /// Its lazy DFA is a fraction of the relaxed pattern's, so the scan for
    /// candidates, most of a search over a large alternation, runs faster;
    /// every candidate is still checked by the full pattern, so the matches
    /// are the same.
    pub(crate) fn with_candidates(
        pattern: &str,
        candidates: &str,
    ) -> Result<Regex, Box<meta::BuildError>> {
        let full = meta::Regex::new(pattern).map_err(Box::new)?;
        let relaxed = drop_word_boundaries(pattern).unwrap_or_else(|| pattern.to_string());
        let first = meta::Regex::new(candidates).map_err(Box::new)?;
        let longest = meta::Regex::builder()
            .configure(meta::Regex::config().match_kind(MatchKind::All))
            .build(&relaxed)
            .map_err(Box::new)?;
        Ok(Regex {
            full,
            relaxed: Some((first, longest)),
            starts_on_boundary: starts_on_boundary(pattern),
        })
    }

    /// The leftmost-first match of the full pattern in `hay[start..end]`,
    /// with its groups in `caps`.
    fn search(&self, hay: &str, start: usize, end: usize, caps: &mut RaCaptures) {
        let Some((first, longest)) = &self.relaxed else {
            self.full
                .search_captures(&Input::new(hay).span(start..end), caps);
            return;
        };
        let mut pos = start;
        while pos <= end {
            let Some(m) = first.search(&Input::new(hay).span(pos..end)) else {
                break;
            };
            let s = m.start();
            if self.starts_on_boundary && !on_boundary(hay, s) {
                // No match of `full` starts here, nor before the next boundary.
                let mut next = s;
                loop {
                    next += hay[next..].chars().next().map_or(1, char::len_utf8);
                    if next > end || on_boundary(hay, next) {
                        break;
                    }
                }
                if next > end {
                    break;
                }
                pos = next;
                continue;
            }
            let limit = longest
                .search(&Input::new(hay).span(s..end).anchored(Anchored::Yes))
                .map_or(end, |l| l.end());
            self.full.search_captures(
                &Input::new(hay).span(s..limit).anchored(Anchored::Yes),
                caps,
            );
            if caps.is_match() {
                return;
            }
            if s >= end {
                break;
            }
            pos = s + hay[s..].chars().next().map_or(1, char::len_utf8);
        }
        caps.set_pattern(None);
    }

    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.full.create_captures();
        self.search(hay, 0, hay.len(), &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.captures(hay).is_some()
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        CaptureMatches {
            re: self,
            hay,
            searcher: Searcher::new(Input::new(hay)),
        }
    }
}

/// The successive non-overlapping matches, as `regex::CaptureMatches`.
pub(crate) struct CaptureMatches<'r, 'h> {
    re: &'r Regex,
    hay: &'h str,
    searcher: Searcher<'h>,
}

impl<'h> Iterator for CaptureMatches<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        let mut caps = self.re.full.create_captures();
        let (re, hay) = (self.re, self.hay);
        self.searcher
            .advance(|input| {
                re.search(hay, input.start(), input.end(), &mut caps);
                Ok(caps.get_match())
            })
            .map(|_| Captures { hay, caps })
    }
}

/// A match's groups, as `regex::Captures`.
pub(crate) struct Captures<'h> {
    hay: &'h str,
    caps: RaCaptures,
}

/// One group's match, as `regex::Match`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }
    pub(crate) fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl<'h> Captures<'h> {
    pub(crate) fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }
    pub(crate) fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps.get_group_by_name(name).map(|s| Match {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }
}

impl<'h> Index<&str> for Captures<'h> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match (and group) equals the regex crate's, on Arabic,
    /// French and mixed text, with boundaries that make a relaxed
    /// candidate fail.
    #[test]
    fn same_matches_as_regex_crate() {
        let patterns = [
            r"(?i)\b(?P<pre>[وبل])?(?P<m>مارس|مار|ماي|may|mars)\b",
            r"\b(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P<t>[/.\-])(?P<y>\d{4})\b",
            r"(?i)^\s*,?\s*(?P<y>\d{4})(?:م|ه)?\b",
            r"(?im)(?:^|\bبتاريخ\s+)(?P<b>\d{1,2})/(?P<y>\d{4})\b",
            r"\b",
            r"\bا?",
            r"\b(?:[وف]?(?:بال|لل|ال|ب|ل)?)(?:(مارس|ماي)|(may\w*|mar))(?:ها|ات)?\b",
            r"(?i)\b(?:mars|مارس)\b|يمارس",
        ];
        let hays = [
            "يمارس الفريق في 3 مارس 2024 وماي المقبل, و مارسيليا ومارس.",
            "في 20/09/2024 و 120/09/20245 و1/2/2023م والتاريخ 2024/9/1",
            " , 2024م الماضي",
            "بتاريخ 2/2013\n3/2014 x4/2015",
            "Le 3 mars, may 2024; Mayday marsala",
            "",
        ];
        for p in patterns {
            let ours = Regex::new(p).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            for h in hays {
                let (a, b) = (spans_of(&ours, h), regex_spans_of(&theirs, h));
                assert_eq!(a, b, "pattern {p:?} on {h:?}");
                assert_eq!(ours.is_match(h), theirs.is_match(h), "{p:?} {h:?}");
            }
        }
    }

    /// Every match's group spans, as our wrapper finds them.
    fn spans_of(re: &Regex, h: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(h)
            .map(|c| {
                (0..c.caps.group_len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    }

    /// The same, as the regex crate alone finds them.
    fn regex_spans_of(re: &regex::Regex, h: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(h)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    /// A candidate pattern that matches where every match starts gives the
    /// same matches as the pattern alone.
    #[test]
    fn candidates_change_no_match() {
        let cases = [
            (
                r"\b(?:[وف]?(?:بال|لل|ال|ب|ل)?)(?:(مارس|ماي)|(may\w*|mar))(?:ها|ات)?\b",
                r"(?:[وف]?(?:بال|لل|ال|ب|ل)?)(?:مار|ماي|may|mar)",
            ),
            (r"\b(?:(cour\s+d['’]appel)|(appel))\b", r"(?:cour|appel)"),
        ];
        let hays = [
            "يمارس الفريق في 3 مارس 2024 وماي المقبل, و مارسيليا ومارس وبالمارسات.",
            "Le 3 mars, may 2024; Mayday marsala mayor",
            "la cour d’appel et la cour d'appel; appelé, en appel",
            "",
        ];
        for (p, c) in cases {
            let ours = Regex::with_candidates(p, c).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            for h in hays {
                let (a, b) = (spans_of(&ours, h), regex_spans_of(&theirs, h));
                assert_eq!(a, b, "pattern {p:?} on {h:?}");
            }
        }
    }

    #[test]
    fn a_leading_word_boundary_is_found_only_when_every_match_needs_it() {
        assert!(starts_on_boundary(r"\bx"));
        assert!(starts_on_boundary(r"(?i)\b(?:a|b)c\b"));
        assert!(starts_on_boundary(r"\b(?:(a)|(b))"));
        assert!(!starts_on_boundary(r"\bx|y"));
        assert!(!starts_on_boundary(r"(?:^|\bبتاريخ\s+)(\d)"));
        assert!(!starts_on_boundary(r"(?-u)\bx"));
        assert!(!starts_on_boundary(r"x\b"));
    }

    #[test]
    fn word_boundaries_are_dropped_outside_classes_only() {
        assert_eq!(drop_word_boundaries(r"\bx\b"), Some("x".to_string()));
        assert_eq!(drop_word_boundaries(r"\\b"), None);
        assert_eq!(drop_word_boundaries(r"[\b]x\b"), Some(r"[\b]x".to_string()));
        assert_eq!(drop_word_boundaries(r"\d+"), None);
    }
}
