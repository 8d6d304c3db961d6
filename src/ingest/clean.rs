//! Plain-text cleaning: boilerplate lines, the trailing section, metadata
//! lines, Markdown front matter, masthead outlet and title.
//!
//! Nothing is deleted: the dropped regions are blanked to ASCII spaces in
//! `analysis_text` (each dropped character becomes as many spaces as its UTF-8
//! length, `\n` stays), so every byte offset of `text` stays valid.
//!
//! Decisions, line by line (lines compared by their folded key, see
//! `lexicon::key`):
//! - Front matter (`---` … `---` at the very top, every line `key: value`) is
//!   metadata: `title`, `published`/`date`, `outlet`/`source`/`site`,
//!   `url`/`link`/`canonical`. The block is blanked.
//! - The first line that begins with a trailing-section marker ("إقرأ أيضاً",
//!   "كلمات دلالية", "مقالات ذات صلة", "Read also" …) ends the article: it and
//!   everything after it are blanked and reported as the `cut`.
//! - Boilerplate lines (a built-in list plus the user's) are blanked and
//!   counted; so are lines of one to three digits (comment and share counts)
//!   and Markdown image lines. A line that merely *contains* such a word is
//!   article text and stays.
//! - Metadata lines are blanked: "تاريخ النشر: …" / "Published: …" (read as the
//!   publication date), "نشر في 2024-09-20" (only when the rest is a date),
//!   "آخر تحديث: …" (blanked, not used), "المصدر: …" (the outlet).
//! - Masthead: one of the first four remaining lines is the outlet, and is
//!   blanked, when it is a known outlet name, or a known outlet followed by
//!   " / place" or " - agency" ("أش واقع تيفي / الرباط"); the very first line
//!   also when it has at most three words and is directly followed by a
//!   boilerplate line (a scraped site header such as "راديو إكسبرس" then
//!   "البث المباشر").
//! - Title: the first remaining line when it reads as a headline (1–20 words,
//!   no full stop, colon or semicolon); when it has at most three words and the
//!   next line is a longer headline, it is a section label ("المغرب العربي")
//!   and the next line is the title. The title line stays in the analysis: it
//!   is the outlet's own wording of the story.

use chrono::{Datelike, NaiveDate};

use super::lexicon::{key, lexicon, parse_date, read_stamp, starts_with_words, Stamp};
use crate::model::{Cut, Span};

/// User additions to the built-in boilerplate list, as comparison keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extra {
    lines: Vec<String>,
}

impl Extra {
    pub fn new(lines: &[String]) -> Self {
        Extra {
            lines: lines
                .iter()
                .map(|l| key(l))
                .filter(|k| !k.is_empty())
                .collect(),
        }
    }
}

/// What cleaning found: the analysis text and the metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub analysis_text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// A publication line that gives only a month ("2024-09"), as `YYYY-MM`.
    pub published_month: Option<String>,
    /// The last update, when the page prints it apart ("آخر تحديث", "Mis à jour le").
    pub updated: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub cut: Option<Cut>,
    pub boilerplate_lines: usize,
    /// A body dateline without its year ("الرباط – 12 مارس (وكالات)"): its
    /// month and day, for [`settle_dateline`] once the page's other metadata is known.
    pub dateline_day: Option<(u32, u32)>,
    /// Metadata that could not be read (a front-matter date that is no
    /// date), one line each, for a warning naming the file.
    pub warnings: Vec<String>,
}

impl Cleaned {
    /// True when nothing but blanks is left to analyse.
    pub fn is_empty(&self) -> bool {
        self.analysis_text.trim().is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Text,
    Blank,
    Boilerplate,
    Metadata,
}

struct Line<'a> {
    start: usize,
    /// End of the content (before "\r\n" / "\n").
    end: usize,
    content: &'a str,
    /// The comparison key of the line's first `KEY_CHARS` characters.
    key: String,
    /// More than `KEY_CHARS` characters: too long for furniture or a metadata
    /// line (only a trailing-section marker is looked for at its start).
    long: bool,
    state: State,
}

/// Lines longer than this (in characters) are article prose: only their start is keyed.
const KEY_CHARS: usize = 200;

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let content = piece.strip_suffix('\n').unwrap_or(piece);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let (head, long) = match content.char_indices().nth(KEY_CHARS) {
            Some((i, _)) => (&content[..i], true),
            None => (content, false),
        };
        let k = key(head);
        let state = if content.trim().is_empty() {
            State::Blank
        } else {
            State::Text
        };
        out.push(Line {
            start,
            end: start + content.len(),
            content,
            key: k,
            long,
            state,
        });
        start += piece.len();
    }
    out
}

/// Cleans a decoded plain-text or Markdown article.
pub(crate) fn clean(text: &str, extra: &Extra) -> Cleaned {
    let lex = lexicon();
    let mut lines = split_lines(text);
    let mut out = Cleaned::default();
    let mut first = 0;

    // Front matter.
    if let Some((close, fm)) = front_matter(&lines) {
        for l in &mut lines[..=close] {
            l.state = State::Metadata;
        }
        first = close + 1;
        out.title = fm.title;
        out.published = fm.published;
        out.outlet = fm.outlet;
        out.url = fm.url;
        out.warnings = fm.warnings;
    }

    // The trailing section; "read also" boxes above or inside the article.
    let mut end_line = lines.len();
    let mut i = first;
    while i < lines.len() {
        let l = &lines[i];
        if l.state == State::Text && lex.cut_markers.iter().any(|m| starts_with_words(&l.key, m)) {
            if let Some(box_end) = inline_box(&lines, i, extra) {
                // Counted as boilerplate, but not marked so: a short first
                // line above a box is the headline, not a site's masthead.
                for l in &mut lines[i..box_end] {
                    if l.state == State::Text {
                        l.state = State::Metadata;
                        out.boilerplate_lines += 1;
                    }
                }
                i = box_end;
                continue;
            }
            out.cut = Some(Cut {
                marker: l.content.trim().to_string(),
                span: Span::new(l.start, text.len()),
            });
            end_line = i;
            break;
        }
        i += 1;
    }

    // Boilerplate and metadata lines.
    let mut source: Option<String> = None;
    for l in &mut lines[first..end_line] {
        if l.state != State::Text {
            continue;
        }
        if is_boilerplate(l, extra) {
            l.state = State::Boilerplate;
            out.boilerplate_lines += 1;
        } else if let Some(meta) = metadata_line(l) {
            l.state = State::Metadata;
            match meta {
                Meta::Published(d) => match d {
                    Some(Stamp::Day(d)) => {
                        out.published.get_or_insert(d);
                    }
                    Some(Stamp::Month(y, m)) => {
                        out.published_month.get_or_insert(format!("{y:04}-{m:02}"));
                    }
                    None => {}
                },
                Meta::Updated(d) => {
                    if let Some(Stamp::Day(d)) = d {
                        out.updated.get_or_insert(d);
                    }
                }
                Meta::Source(s) => {
                    source.get_or_insert(s);
                }
            }
        }
    }
    if out.published.is_none() {
        header_dates(&mut lines, first, end_line, &mut out);
    }

    // Masthead outlet and title, among the first remaining lines.
    let mut masthead: Option<String> = None;
    let header: Vec<usize> = (first..end_line)
        .filter(|&i| lines[i].state == State::Text)
        .take(4)
        .collect();
    for (n, &i) in header.iter().enumerate() {
        if let Some(name) = masthead_outlet(&lines, i, end_line, n == 0) {
            masthead = Some(name);
            lines[i].state = State::Metadata;
            break;
        }
    }
    let text_lines: Vec<usize> = (first..end_line)
        .filter(|&i| lines[i].state == State::Text)
        .collect();
    if out.title.is_none() {
        // The title is the first line left (or the second, after a section label).
        if let Some(&i) = text_lines.first() {
            if let Some(t) = headline(lines[i].content) {
                let label_then_title = text_lines
                    .get(1)
                    .filter(|_| word_count(&t) <= 3)
                    .and_then(|&j| headline(lines[j].content))
                    .filter(|t2| word_count(t2) > word_count(&t));
                out.title = Some(label_then_title.unwrap_or(t));
            }
        }
    }
    if out.outlet.is_none() {
        out.outlet = source.or(masthead);
    }

    // The analysis text.
    let mut blank: Vec<(usize, usize)> = lines
        .iter()
        .filter(|l| matches!(l.state, State::Boilerplate | State::Metadata))
        .map(|l| (l.start, l.end))
        .collect();
    if let Some(c) = &out.cut {
        blank.push((c.span.start, c.span.end));
    }
    out.analysis_text = blank_ranges(text, &blank);
    out
}

/// A "read also" box at line `i` that the article's prose follows: the end
/// of the box (exclusive), else `None` (the marker starts the trailing section).
///
/// The box is the marker line, with its link on the same line ("اقرأ أيضا:
/// عنوان …") or followed by link lines (short lines, "- عنوان …") up to a
/// blank line. It stands inside the article when the next text line after
/// it is prose (long, or a sentence). A box whose last link runs straight
/// into prose, with no blank line, is an appended story (headline, then its
/// text): that stays a trailing section.
fn inline_box(lines: &[Line], i: usize, extra: &Extra) -> Option<usize> {
    let lex = lexicon();
    let marker = lex
        .inline_markers
        .iter()
        .find(|m| starts_with_words(&lines[i].key, m))?;
    let mut j = i + 1;
    if lines[i].key.len() != marker.len() {
        // The link on the marker's line: a blank line must follow.
        if lines.get(j).is_none_or(|l| l.state != State::Blank) {
            return None;
        }
    } else {
        let is_link = |l: &Line| {
            l.state == State::Text && !l.long && word_count(&l.key) <= 20 && !is_prose(l)
        };
        while j < lines.len() && is_link(&lines[j]) {
            j += 1;
        }
        if j == i + 1 || lines.get(j).is_none_or(|l| l.state != State::Blank) {
            return None;
        }
    }
    let next = lines[j..]
        .iter()
        .find(|l| l.state == State::Text && !is_boilerplate(l, extra))?;
    (is_prose(next)
        && !lex
            .cut_markers
            .iter()
            .any(|m| starts_with_words(&next.key, m)))
    .then_some(j)
}

/// A line of running text: long, or a sentence of more than twelve words, or
/// one that ends with a full stop.
fn is_prose(l: &Line) -> bool {
    let t = l.content.trim_end();
    l.long || word_count(&l.key) > 12 || t.ends_with(['.', '!', '?', '؟'])
}

/// `text` with every range blanked: each character but '\n' becomes spaces,
/// as many as its UTF-8 length. Ranges must be sorted and start on char boundaries.
pub(crate) fn blank_ranges(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for &(s, e) in ranges {
        let (s, e) = (s.max(pos), e.min(text.len()));
        // Ranges off a char boundary (never produced here) are left as they are.
        let (Some(before), Some(inside)) = (text.get(pos..s), text.get(s..e)) else {
            continue;
        };
        out.push_str(before);
        // UTF-8 continuation and lead bytes are never '\n': one space per byte
        // is one space per byte of every blanked character.
        out.extend(inside.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
        pos = e;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

fn is_boilerplate(l: &Line, extra: &Extra) -> bool {
    let k = l.key.as_str();
    if k.is_empty() {
        // Only punctuation or symbols: a separator ("* * *", "|"), or an
        // image line whose alt text is empty.
        return is_markdown_image(l.content)
            || l.content.trim().chars().all(|c| !c.is_alphanumeric());
    }
    if is_markdown_image(l.content) {
        return true;
    }
    if l.long {
        return false;
    }
    // A lone count: "0", "12".
    if k.len() <= 3 && k.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let lex = lexicon();
    let whole = |entry: &String| {
        k == entry
            || (starts_with_words(k, entry)
                && k[entry.len()..]
                    .chars()
                    .all(|c| c == ' ' || c.is_ascii_digit()))
    };
    if lex.lines.iter().any(whole) || extra.lines.iter().any(whole) {
        return true;
    }
    if is_breadcrumb(l.content, &lex.breadcrumb_home) {
        return true;
    }
    lex.prefixes
        .iter()
        .any(|p| starts_with_words(k, p) && word_count(k) <= word_count(p) + 6)
}

/// "الرئيسية > سياسة > دبلوماسية", "Accueil / Société": two or more short
/// segments between breadcrumb separators, the first one naming the home page.
fn is_breadcrumb(content: &str, home: &[String]) -> bool {
    const SEPARATORS: [char; 8] = ['/', '>', '»', '›', '|', '←', '→', '<'];
    let mut segments = content
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let Some(first) = segments.next() else {
        return false;
    };
    let rest: Vec<&str> = segments.collect();
    !rest.is_empty() && rest.iter().all(|s| word_count(s) <= 4) && home.contains(&key(first))
}

/// "![]()", "![alt](src)", "[![alt](src)](href)": an image and nothing else.
fn is_markdown_image(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_prefix('[').unwrap_or(t);
    t.starts_with("![") && t.ends_with(')') && t.contains("](")
}

enum Meta {
    Published(Option<Stamp>),
    Updated(Option<Stamp>),
    Source(String),
}

/// Unlabelled date lines at the top of the page, and the dateline of the
/// body. Called when no labelled line gave the publication date.
///
/// The header runs from the top to the first line of prose (a line that is
/// no headline: too long, or with a full stop or a colon). A line of the
/// header that is only a date ("الخميس ١٩ حزيران ٢٠٢٥", "2025/06/29 - 14:20"),
/// or a place and a date ("نواكشوط - 13 مارس 2025"), is blanked; it is the
/// publication date when at most one text line (the headline) stands between
/// it and the prose. A date line higher up, above the masthead or the
/// breadcrumb, is the date the site's template printed when the page was
/// rendered: blanked, never taken. Without any such line, a dateline that
/// opens the first paragraph ("نواكشوط - 13 مارس 2025 - …") with a full
/// date is read, and left in the text.
fn header_dates(lines: &mut [Line], first: usize, end_line: usize, out: &mut Cleaned) {
    // `dated[k]` for line `first + k`: only the lines above the body are
    // read as dates (reading every line of a long article costs).
    let mut dated: Vec<Option<Stamp>> = Vec::new();
    let mut body = end_line;
    for (i, l) in lines.iter().enumerate().take(end_line).skip(first) {
        let stamp = (l.state == State::Text)
            .then(|| bare_date_line(l))
            .flatten();
        dated.push(stamp);
        if l.state == State::Text && stamp.is_none() && (l.long || headline(l.content).is_none()) {
            body = i;
            break;
        }
    }
    for i in first..body {
        let Some(stamp) = dated[i - first] else {
            continue;
        };
        lines[i].state = State::Metadata;
        let between = (i + 1..body)
            .filter(|&j| lines[j].state == State::Text && dated[j - first].is_none())
            .count();
        if between > 1 {
            continue;
        }
        match stamp {
            Stamp::Day(d) => {
                out.published.get_or_insert(d);
            }
            Stamp::Month(y, m) => {
                out.published_month.get_or_insert(format!("{y:04}-{m:02}"));
            }
        }
    }
    if out.published.is_none() && body < end_line {
        match body_dateline(lines[body].content) {
            Some(Dateline::Full(d)) => out.published = Some(d),
            Some(Dateline::Yearless(m, d)) => out.dateline_day = Some((m, d)),
            None => {}
        }
    }
}

/// The date of a body dateline: full, or a month and day without the year.
enum Dateline {
    Full(NaiveDate),
    Yearless(u32, u32),
}

/// The publication date of a dateline without its year ("الرباط – 12 مارس"),
/// from the page's other metadata when they settle it: a publication month
/// of the same month ("2025-03"), else the last update (the latest such day
/// on or before it, within a year), else a single year in the URL
/// ("/2025/03/12/"). `Err("--03-12")` when nothing does: the year stays open,
/// never guessed from the date of the run.
pub(crate) fn settle_dateline(
    (month, day): (u32, u32),
    published_month: Option<&str>,
    updated: Option<NaiveDate>,
    url: Option<&str>,
) -> Result<NaiveDate, String> {
    let on = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    if let Some((y, m)) = published_month.and_then(|pm| pm.split_once('-')) {
        if let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) {
            if m == month {
                if let Some(d) = on(y) {
                    return Ok(d);
                }
            }
        }
    }
    if let Some(u) = updated {
        let found = [u.year(), u.year() - 1]
            .into_iter()
            .filter_map(on)
            .find(|d| *d <= u && (u - *d).num_days() <= 366);
        if let Some(d) = found {
            return Ok(d);
        }
    }
    if let Some(url) = url {
        let mut years: Vec<i32> = url
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y))
            .collect();
        years.dedup();
        if let [y] = years.as_slice() {
            if let Some(d) = on(*y) {
                return Ok(d);
            }
        }
    }
    Err(format!("--{month:02}-{day:02}"))
}

/// The separators between a place and a date in a dateline.
const DATELINE_DASHES: [&str; 3] = [" - ", " – ", " — "];

/// A place of one to three words (no digits) before a dateline dash: the rest.
fn after_place(content: &str) -> Option<&str> {
    let (at, sep) = DATELINE_DASHES
        .iter()
        .filter_map(|d| content.find(d).map(|i| (i, *d)))
        .min()?;
    let place = key(&content[..at]);
    let words = word_count(&place);
    ((1..=3).contains(&words) && !place.chars().any(|c| c.is_ascii_digit()))
        .then(|| &content[at + sep.len()..])
}

/// A line that is only a date, or a place and a full date.
fn bare_date_line(l: &Line) -> Option<Stamp> {
    if l.long || word_count(&l.key) > 16 {
        return None;
    }
    if let Some(s) = read_stamp(l.content) {
        return Some(s);
    }
    match read_stamp(after_place(l.content)?) {
        Some(Stamp::Day(d)) => Some(Stamp::Day(d)),
        _ => None,
    }
}

/// "الرباط – 12 مارس 2025 (وكالات) - …": the date of a dateline that opens
/// a paragraph, with its year or, "الرباط – 12 مارس (وكالات)", without.
fn body_dateline(content: &str) -> Option<Dateline> {
    let rest = after_place(content)?;
    let end = rest
        .find(['(', ':', '،', ',', '-', '–', '—'])
        .unwrap_or(rest.len());
    let date = rest[..end].trim();
    match read_stamp(date) {
        Some(Stamp::Day(d)) => Some(Dateline::Full(d)),
        Some(Stamp::Month(..)) => None,
        // A day and a month alone: read with a leap year put after them.
        None if !date.is_empty() => match read_stamp(&format!("{date} 2000")) {
            Some(Stamp::Day(d)) if d.year() == 2000 => Some(Dateline::Yearless(d.month(), d.day())),
            _ => None,
        },
        None => None,
    }
}

/// Splits a line after the words of a label key: the rest as written, and
/// whether a colon follows the label.
fn after_label<'a>(line: &'a str, label: &str) -> Option<(&'a str, bool)> {
    let n = word_count(label);
    let trimmed = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words_seen = 0;
    let mut end = None;
    let mut in_word = false;
    for (i, c) in trimmed.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words_seen += 1;
                in_word = false;
                if words_seen == n {
                    end = Some(i);
                    break;
                }
            }
        } else {
            in_word = true;
        }
    }
    let end = match end {
        Some(e) => e,
        None if in_word && words_seen + 1 == n => trimmed.len(),
        None => return None,
    };
    let (head, rest) = trimmed.split_at(end);
    // The label's own words may carry the colon ("النشر:"); it must match exactly.
    let colon =
        head.trim_end().ends_with([':', '：']) || rest.trim_start().starts_with([':', '：']);
    let rest = rest.trim_start().trim_start_matches([':', '：']);
    (key(head) == label).then_some((rest, colon))
}

fn metadata_line(l: &Line) -> Option<Meta> {
    let lex = lexicon();
    let (line, k) = (l.content, l.key.as_str());
    if l.long || word_count(k) > 16 {
        return None;
    }
    for label in &lex.date_labels {
        if !starts_with_words(k, label) {
            continue;
        }
        if let Some((rest, colon)) = after_label(line, label) {
            if let Some(d) = read_stamp(rest) {
                return Some(Meta::Published(Some(d)));
            }
            if colon && word_count(&key(rest)) <= 8 {
                return Some(Meta::Published(None));
            }
        }
    }
    for label in &lex.weak_date_labels {
        if starts_with_words(k, label) {
            if let Some((rest, _)) = after_label(line, label) {
                if let Some(d) = read_stamp(rest) {
                    return Some(Meta::Published(Some(d)));
                }
            }
        }
    }
    for label in &lex.update_labels {
        if starts_with_words(k, label) {
            if let Some((rest, colon)) = after_label(line, label) {
                let stamp = read_stamp(rest);
                if stamp.is_some() || (colon && word_count(&key(rest)) <= 8) {
                    return Some(Meta::Updated(stamp));
                }
            }
        }
    }
    for label in &lex.source_labels {
        if starts_with_words(k, label) {
            if let Some((rest, colon)) = after_label(line, label) {
                let dash = rest.strip_prefix(['-', '–']);
                if colon || dash.is_some() {
                    let name = dash
                        .unwrap_or(rest)
                        .trim()
                        .trim_end_matches(['.', '،', ','])
                        .trim();
                    if !name.is_empty() && word_count(&key(name)) <= 6 {
                        return Some(Meta::Source(name.to_string()));
                    }
                }
            }
        }
    }
    None
}

/// The outlet named by a masthead line `i`, if it is one.
/// Only the first line may be an unknown name (followed by boilerplate); a
/// later header line must be a known outlet ("أفريكا فور بريس - و.م.ع").
fn masthead_outlet(lines: &[Line], i: usize, end_line: usize, first_line: bool) -> Option<String> {
    let lex = lexicon();
    let l = &lines[i];
    let content = l.content.trim();
    if lex.outlets.contains(&l.key) {
        return Some(content.to_string());
    }
    for sep in [" / ", " - ", " | ", " – ", " — "] {
        if let Some((head, tail)) = content.split_once(sep) {
            let hk = key(head);
            if lex.outlets.contains(&hk) && word_count(&key(tail)) <= 3 {
                return Some(head.trim().to_string());
            }
        }
    }
    if first_line && word_count(&l.key) <= 5 && headline(content).is_some() {
        let mut after = lines[i + 1..end_line]
            .iter()
            .filter(|n| n.state != State::Blank);
        let next = after.next()?;
        if next.state == State::Boilerplate && word_count(&l.key) <= 3 {
            return Some(content.to_string());
        }
        // The masthead, the publication line, then the headline and the
        // body: the first line is the site's name, not the story's title
        // (with the title right above the body, there is no other headline).
        if matches!(next.state, State::Boilerplate | State::Metadata) {
            let mut text = after.filter(|n| n.state == State::Text);
            let headline_then_body = text
                .next()
                .is_some_and(|t| !t.long && headline(t.content).is_some())
                && text.next().is_some();
            if headline_then_body {
                return Some(content.to_string());
            }
        }
    }
    None
}

/// The line as a title, if it reads as a headline.
fn headline(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches('#').trim();
    let t = t.trim_matches(|c| c == '*' || c == '_').trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 20 || t.chars().count() > 200 || !t.chars().any(char::is_alphabetic) {
        return None;
    }
    if t.contains([';', '؛']) || t.ends_with(['،', ',']) {
        return None;
    }
    // A colon only after a short kicker ("وهران: 3 قتلى في حريق", "Nouakchott :
    // la commission s'achève"); "label: value" lines are not headlines.
    if let Some((kicker, rest)) = t.split_once(':') {
        if rest.contains(':') || word_count(kicker) > 3 || word_count(rest) < 3 {
            return None;
        }
    }
    // A full stop, except inside a number ("2.5") or an ellipsis joining
    // two parts of a headline ("17 قتيلا في زلزال الحسيمة.. والهزة …").
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '.' {
            let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
            let digit_after = chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            let ellipsis = (i > 0 && chars[i - 1] == '.') || chars.get(i + 1) == Some(&'.');
            let inner = i + 1 < chars.len();
            let allowed = (digit_before && digit_after) || (ellipsis && inner);
            if !allowed {
                return None;
            }
        }
    }
    Some(t.to_string())
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[derive(Default)]
struct FrontMatter {
    warnings: Vec<String>,
    title: Option<String>,
    published: Option<NaiveDate>,
    outlet: Option<String>,
    url: Option<String>,
}

/// A `---` block at the very top whose lines are all `key: value` (or blank,
/// or `#` comments): the index of its closing line and what it says.
fn front_matter(lines: &[Line]) -> Option<(usize, FrontMatter)> {
    if lines.first()?.content.trim_end() != "---" {
        return None;
    }
    let mut fm = FrontMatter::default();
    for (i, l) in lines.iter().enumerate().skip(1).take(60) {
        let c = l.content.trim();
        if c == "---" || c == "..." {
            return (i > 1).then_some((i, fm));
        }
        if c.is_empty() || c.starts_with('#') {
            continue;
        }
        let (k, v) = c.split_once(':')?;
        let k = k.trim().to_ascii_lowercase();
        if k.is_empty()
            || !k
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let v = unquote(v.trim());
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "title" => fm.title = Some(v.to_string()),
            "published" | "date" | "published_at" | "pubdate" => match parse_date(v) {
                Some(d) => fm.published = fm.published.or(Some(d)),
                None => fm.warnings.push(format!(
                    "front matter `{k}` is \"{v}\", not a date (expected YYYY-MM-DD); ignored"
                )),
            },
            "outlet" | "source" | "site" | "publisher" => fm.outlet = Some(v.to_string()),
            "url" | "link" | "canonical" => fm.url = Some(v.to_string()),
            _ => {}
        }
    }
    None
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Cleaned {
        clean(text, &Extra::default())
    }

    /// The analysis text without its blanks, for readable assertions.
    fn kept(c: &Cleaned) -> Vec<String> {
        c.analysis_text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn blanking_keeps_every_offset() {
        let text = "عنوان\nاترك تعليقاً\nنص المقال هنا.\n";
        let c = run(text);
        assert_eq!(c.analysis_text.len(), text.len());
        assert_eq!(
            c.analysis_text.matches('\n').count(),
            text.matches('\n').count()
        );
        let start = text.find("نص").unwrap();
        assert_eq!(
            &c.analysis_text[start..start + "نص المقال".len()],
            "نص المقال"
        );
        assert!(!c.analysis_text.contains("تعليق"));
        assert_eq!(c.boilerplate_lines, 1);
    }

    #[test]
    fn a_headline_with_a_pause_of_dots_keeps_the_date_line_below_it() {
        // Egyptian and Gulf headlines join two parts with "..": still a
        // headline, so the date line under it is the publication date.
        let c = run("النيل اليوم\n\nانهيار عقار كرموز.. 7 حالات وفاة و12 مصابا\n\nالإثنين 10 نوفمبر 2025 - 09:30 ص\n\nلقي 7 أشخاص مصرعهم وأصيب 12 آخرون في انهيار عقار بمنطقة كرموز غرب الإسكندرية مساء أمس.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 11, 10));
        // A sentence that ends with a full stop is still prose.
        assert!(headline("انهار العقار مساء أمس.").is_none());
        assert!(headline("انهار العقار مساء أمس...").is_none());
        assert!(headline("حصيلة ثقيلة... والبحث مستمر").is_some());
    }

    #[test]
    fn comments_word_inside_a_sentence_is_kept() {
        let text =
            "قال الوزير إن تعليقات المواطنين على القانون الجديد ستؤخذ بعين الاعتبار.\nتعليقات\n0\n";
        let c = run(text);
        assert_eq!(
            kept(&c),
            vec!["قال الوزير إن تعليقات المواطنين على القانون الجديد ستؤخذ بعين الاعتبار."]
        );
        assert_eq!(c.boilerplate_lines, 2);
    }

    #[test]
    fn share_as_a_verb_is_kept() {
        let text = "شارك\nشارك الوفد المغربي في أشغال المنتدى الدولي بأنقرة.\n";
        let c = run(text);
        assert_eq!(
            kept(&c),
            vec!["شارك الوفد المغربي في أشغال المنتدى الدولي بأنقرة."]
        );
    }

    #[test]
    fn counts_after_a_boilerplate_word() {
        let c = run("النص الأول للمقال هنا، وهو طويل بما يكفي.\nتعليقات (3)\n");
        assert_eq!(c.boilerplate_lines, 1);
    }

    #[test]
    fn extra_boilerplate_from_the_user() {
        let text = "النص الأول للمقال هنا، وهو طويل بما يكفي.\nحمّل تطبيقنا الآن!\n";
        let c = clean(text, &Extra::new(&["حمل تطبيقنا الآن".to_string()]));
        assert_eq!(c.boilerplate_lines, 1);
        assert_eq!(kept(&c).len(), 1);
    }

    #[test]
    fn cut_at_first_marker_blanks_the_tail() {
        let text = "خبر عن الزيارة في 19 سبتمبر.\nاقرأ أيضا: عنوان آخر\nخبر آخر فيه 400 قتيل.\n";
        let c = run(text);
        let cut = c.cut.clone().unwrap();
        assert_eq!(cut.marker, "اقرأ أيضا: عنوان آخر");
        assert_eq!(
            &text[cut.span.start..cut.span.end],
            "اقرأ أيضا: عنوان آخر\nخبر آخر فيه 400 قتيل.\n"
        );
        assert!(!c.analysis_text.contains("400"));
        assert!(c.analysis_text.contains("19 سبتمبر"));
    }

    #[test]
    fn a_read_also_box_inside_the_article_is_dropped_not_the_article() {
        let text = "عنوان الخبر هنا\n\nاقرأ أيضا:\n- أمطار رعدية مرتقبة بعدد من مناطق المملكة\n- الحسيمة: انطلاق أشغال تأهيل الميناء\n\nلقي 9 أشخاص مصرعهم وأصيب أكثر من 40 آخرين بجروح متفاوتة الخطورة جراء الهزة.\n\nإقرأ أيضاً: وزارة الداخلية تعلن حصيلة جديدة للزلزال\n\nوأفاد المعهد الوطني للجيوفيزياء بأن قوة الهزة بلغت 5.7 درجات على سلم ريختر.\n\nLire aussi\n- Tétouan : la saison de la pêche au poulpe\n\nRéagir à cet article\n";
        let c = run(text);
        assert_eq!(
            kept(&c),
            vec![
                "عنوان الخبر هنا",
                "لقي 9 أشخاص مصرعهم وأصيب أكثر من 40 آخرين بجروح متفاوتة الخطورة جراء الهزة.",
                "وأفاد المعهد الوطني للجيوفيزياء بأن قوة الهزة بلغت 5.7 درجات على سلم ريختر.",
            ]
        );
        // The box at the end, before furniture only, is still the trailing cut.
        assert_eq!(
            c.cut.as_ref().map(|c| c.marker.as_str()),
            Some("Lire aussi")
        );
    }

    #[test]
    fn an_appended_story_under_read_also_stays_cut() {
        // Headline, dateline and text straight under the marker: another story.
        let text = "وقعت الحكومة اتفاقية قرض بقيمة 205 ملايين دولار لتمويل محطة شمسية.\n\nإقرأ أيضاً:\nنواذيبو: تفريغ شحنة قياسية من الأسماك السطحية\nنواذيبو - وكالات\nأعلنت المؤسسة الموريتانية لتسويق الأسماك أن ميناء نواذيبو استقبل يوم 10 مارس الجاري شحنة تزيد على 3 آلاف طن.\n";
        let c = run(text);
        assert_eq!(
            c.cut.as_ref().map(|c| c.marker.as_str()),
            Some("إقرأ أيضاً:")
        );
        assert_eq!(kept(&c).len(), 1);
        // Tags are never an inline box, even with prose after them.
        let text = "نص الخبر هنا، وهو طويل بما يكفي.\n\nكلمات دلالية: الحسيمة زلزال\n\nتعليق طويل من أحد القراء يقول فيه إن الخبر مهم جدا ويستحق المتابعة من الجميع.\n";
        assert_eq!(kept(&run(text)).len(), 1);
    }

    #[test]
    fn marker_words_inside_prose_do_not_cut() {
        let text = "وقال إن على القارئ أن يقرأ أيضا تقرير الأمم المتحدة.\nRead the full statement also here.\n";
        assert_eq!(run(text).cut, None);
    }

    #[test]
    fn date_and_source_lines() {
        let text = "عنوان قصير للخبر\nتاريخ النشر: 20th, September 2024 GMT\nالنص هنا، وهو طويل بما يكفي.\nالمصدر: البوابة نيوز\n";
        let c = run(text);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 9, 20));
        assert_eq!(c.outlet.as_deref(), Some("البوابة نيوز"));
        assert_eq!(c.title.as_deref(), Some("عنوان قصير للخبر"));
        assert_eq!(
            kept(&c),
            vec!["عنوان قصير للخبر", "النص هنا، وهو طويل بما يكفي."]
        );
    }

    #[test]
    fn weak_date_label_needs_a_date() {
        let c = run("نشر في 2024-09-20\nنشر في صحيفة الصباح تقرير عن الزيارة.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 9, 20));
        assert_eq!(kept(&c), vec!["نشر في صحيفة الصباح تقرير عن الزيارة."]);
        let c = run("Published: 20 September 2024\nPublié le 21 septembre 2024\nThe text.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 9, 20));
        assert_eq!(kept(&c), vec!["The text."]);
    }

    #[test]
    fn labelled_lines_with_hijri_dates_and_update_lines() {
        let c = run("أفق الجزيرة\nتاريخ النشر: 17 يونيو 2025م الموافق 21 ذي الحجة 1446هـ\n\nعنوان الخبر هنا\n\nوقعت مصر وتونس مذكرات تفاهم للتعاون في مجالات الطاقة.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 6, 17));
        let c = run("Mis à jour le vendredi 16 mai 2025 à 08h45\n\nAgadir : le salon ouvre ses portes\n\nLa 6e édition du salon a ouvert ses portes jeudi.\n");
        assert_eq!(c.published, None);
        assert_eq!(c.updated, NaiveDate::from_ymd_opt(2025, 5, 16));
        let c = run("Published: 12 March 2025\nUpdated: 13 March 2025\nThe fund signed the loan on Wednesday.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 3, 12));
        assert_eq!(c.updated, NaiveDate::from_ymd_opt(2025, 3, 13));
        let c = run("نشر في: 2024-09\nنص الخبر هنا، وهو طويل بما يكفي.\n");
        assert_eq!(c.published, None);
        assert_eq!(c.published_month.as_deref(), Some("2024-09"));
        assert_eq!(kept(&c), vec!["نص الخبر هنا، وهو طويل بما يكفي."]);
    }

    #[test]
    fn a_bare_date_line_by_the_headline_is_the_publication_date() {
        let body = "اختتمت اليوم الأحد منافسات البطولة العربية للجودو للشباب، التي أقيمت من ٢١ إلى ٢٤ آب.\n";
        for header in [
            "شرفة عمّان\nالرئيسية / رياضة / محلي\n\nالأحد ٢٤ آب ٢٠٢٥\n\nالأردن يتصدر البطولة العربية\n\n",
            "شرفة عمّان\nالرئيسية / رياضة / محلي\n\nالأردن يتصدر البطولة العربية\n2025/08/24 - 14:20\n\n",
            "منارة نواكشوط\nالرئيسية / اقتصاد\n\nنواكشوط - 24 أغسطس 2025\n\nالأردن يتصدر البطولة العربية\n\n",
            "ديوانية نيوز\n٢٤ أغسطس ٢٠٢٥ | ١ ربيع الأول ١٤٤٧هـ\nالأردن يتصدر البطولة العربية\n",
        ] {
            let c = run(&format!("{header}{body}"));
            assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 8, 24), "{header}");
            assert!(kept(&c).iter().all(|l| !l.contains("2025") && !l.contains("٢٠٢٥")), "{header}");
        }
    }

    #[test]
    fn a_render_date_above_the_masthead_is_no_publication_date() {
        // Today's date printed by the site's template, above the outlet's
        // name and the breadcrumb: blanked, not taken.
        let c = run("الخميس 4 ديسمبر 2025\nبوابة المدار\nالرئيسية / اقتصاد / صناعة\n\nطنجة تحتضن الملتقى الدولي للتنقل الكهربائي\n\nانطلقت صباح أمس بمدينة طنجة أشغال الدورة الثانية للملتقى الدولي، المنظمة يومي 3 و4 دجنبر.\n");
        assert_eq!(c.published, None);
        assert!(kept(&c).iter().all(|l| !l.contains("الخميس 4")));
        // With the article's own date lower down, that one is taken.
        let c = run("الخميس 4 ديسمبر 2025\nبوابة المدار\nالرئيسية / اقتصاد / صناعة\nالأربعاء 3 دجنبر 2025 - 12:40\nطنجة تحتضن الملتقى الدولي للتنقل الكهربائي\n\nانطلقت صباح اليوم بمدينة طنجة أشغال الدورة الثانية للملتقى الدولي.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 12, 3));
    }

    #[test]
    fn a_dateline_without_its_year_takes_it_from_other_metadata_or_stays_open() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            settle_dateline((3, 12), Some("2025-03"), None, None),
            Ok(d(2025, 3, 12))
        );
        // A publication month of another month does not settle it.
        assert!(settle_dateline((3, 12), Some("2025-04"), None, None).is_err());
        // The last update: the latest 12 March on or before it.
        assert_eq!(
            settle_dateline((3, 12), None, Some(d(2025, 3, 14)), None),
            Ok(d(2025, 3, 12))
        );
        assert_eq!(
            settle_dateline((12, 30), None, Some(d(2025, 1, 2)), None),
            Ok(d(2024, 12, 30))
        );
        // One year in the URL; two different years settle nothing.
        assert_eq!(
            settle_dateline(
                (3, 12),
                None,
                None,
                Some("https://example.ma/2025/03/12/x-123.html")
            ),
            Ok(d(2025, 3, 12))
        );
        assert!(settle_dateline((3, 12), None, None, Some("https://x.ma/2024/2025/a")).is_err());
        assert_eq!(
            settle_dateline((3, 12), None, None, None),
            Err("--03-12".to_string())
        );
        // 29 February of a year that has none: open.
        assert!(settle_dateline((2, 29), Some("2025-02"), None, None).is_err());
    }

    #[test]
    fn the_dateline_of_the_body() {
        let c = run("نواكشوط - 13 مارس 2025 (وكالات) - وقعت الحكومة الموريتانية أمس الأربعاء اتفاقية قرض بقيمة 205 ملايين دولار.\n");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2025, 3, 13));
        // The dateline stays in the text; without a year it says no publication date.
        assert_eq!(kept(&c).len(), 1);
        let c =
            run("الرباط – 12 مارس (وكالات) – أعلنت الوزارة عن برنامج جديد لدعم المقاولات الصغرى.\n");
        assert_eq!(c.published, None);
        assert_eq!(c.dateline_day, Some((3, 12)));
        // A sentence with a dash and a date further on is no dateline.
        let c = run("قال الوزير إن الاتفاق - الذي وقع في 13 مارس 2025 - سيدخل حيز التنفيذ قريبا.\n");
        assert_eq!(c.published, None);
    }

    #[test]
    fn a_date_in_prose_or_a_list_is_no_date_line() {
        let c =
            run("عنوان الخبر هنا\n\nقال الوزير إن الزيارة ستجري يوم 20 سبتمبر 2024 في الرباط.\n");
        assert_eq!(c.published, None);
        let c = run("عنوان الخبر هنا\n\nبرنامج الزيارة:\nالرباط - سلا - القنيطرة\nوقال الوزير إن الزيارة ناجحة.\n");
        assert_eq!(c.published, None);
    }

    #[test]
    fn a_breadcrumb_is_page_furniture_not_the_title() {
        for crumb in [
            "الرئيسية > سياسة > دبلوماسية",
            "الرئيسية / وطني / حوادث",
            "Accueil » Société",
            "Home | World | Africa",
        ] {
            let c = run(&format!(
                "صوت الأطلس\n{crumb}\n\nانطلاق أشغال الدورة الخامسة للجنة المشتركة\n\nانطلقت اليوم بنواكشوط أشغال الدورة الخامسة للجنة العليا المشتركة، التي تتواصل يومين.\n"
            ));
            assert_eq!(
                c.title.as_deref(),
                Some("انطلاق أشغال الدورة الخامسة للجنة المشتركة"),
                "{crumb}"
            );
            assert_eq!(c.outlet.as_deref(), Some("صوت الأطلس"), "{crumb}");
        }
        // A headline with a slash is no breadcrumb.
        let c = run("الرئيسية في الحكومة / رأي\n\nنص المقال طويل بما يكفي ليكون فقرة كاملة من النص، وفيه جمل كثيرة.\n");
        assert_ne!(c.title, None);
    }

    #[test]
    fn a_site_name_above_the_publication_line_and_the_headline_is_the_outlet() {
        let c = run("الوكالة الموريتانية للأنباء الرقمية\nنشر بتاريخ: 09/10/2025\n\nاختتام أعمال الدورة الخامسة للجنة المشتركة\n\nنواكشوط – اختتمت مساء اليوم الخميس في نواكشوط أعمال الدورة الخامسة للجنة العليا المشتركة الموريتانية المغربية.\n");
        assert_eq!(
            c.outlet.as_deref(),
            Some("الوكالة الموريتانية للأنباء الرقمية")
        );
        assert_eq!(
            c.title.as_deref(),
            Some("اختتام أعمال الدورة الخامسة للجنة المشتركة")
        );
        let c = run("Le Courrier du Sahel\nPublié le 09/10/2025 à 21h15\n\nNouakchott : la commission mixte s'achève\n\nLa cinquième session de la commission mixte s'est achevée jeudi à Nouakchott, après deux jours de travaux.\n");
        assert_eq!(c.outlet.as_deref(), Some("Le Courrier du Sahel"));
        // The headline right above the body, under its date line: a title.
        let c = run("زلزال يضرب الحسيمة\nنشر بتاريخ: 09/10/2025\n\nضرب زلزال بقوة 5 درجات إقليم الحسيمة فجر اليوم، دون تسجيل خسائر بشرية، حسب ما أفادت به السلطات.\n");
        assert_eq!(c.outlet, None);
        assert_eq!(c.title.as_deref(), Some("زلزال يضرب الحسيمة"));
    }

    #[test]
    fn a_headline_may_join_two_parts_with_an_ellipsis() {
        assert!(headline("17 قتيلا في زلزال الحسيمة.. والهزة شعر بها سكان الغرب").is_some());
        assert!(headline("نائب الرئيس يترأس الاجتماع... وطرابلس تحتضن المنتدى").is_some());
        assert!(headline("انطلقت اليوم أشغال الدورة.").is_none());
        assert!(headline("انطلقت الأشغال. وقال الوزير إن").is_none());
    }

    #[test]
    fn masthead_outlet_then_live_banner() {
        let text = "راديو إكسبرس\nالبث المباشر\nشهدت العاصمة التركية أنقرة زيارة عمل رسمية.\n";
        let c = run(text);
        assert_eq!(c.outlet.as_deref(), Some("راديو إكسبرس"));
        assert_eq!(c.title, None);
        assert_eq!(
            kept(&c),
            vec!["شهدت العاصمة التركية أنقرة زيارة عمل رسمية."]
        );
    }

    #[test]
    fn unknown_short_masthead_before_boilerplate() {
        let c = run("موقع الخبر\nشارك\nنص الخبر هنا، وهو طويل بما يكفي.\n");
        assert_eq!(c.outlet.as_deref(), Some("موقع الخبر"));
    }

    #[test]
    fn known_outlet_with_dateline() {
        let c = run("أش واقع تيفي / الرباط\nيقوم المدير العام بزيارة عمل.\n");
        assert_eq!(c.outlet.as_deref(), Some("أش واقع تيفي"));
        assert_eq!(c.title, None);
    }

    #[test]
    fn section_label_then_title() {
        let c = run("المغرب العربي\n\nحموشي يبحث مع المسؤولين الأتراك سبل تعزيز التعاون الأمني\n\nبحث مدير عام الأمن.\n");
        assert_eq!(
            c.title.as_deref(),
            Some("حموشي يبحث مع المسؤولين الأتراك سبل تعزيز التعاون الأمني")
        );
    }

    #[test]
    fn a_sentence_is_not_a_title() {
        let c = run("بحث مدير عام الأمن الوطني مع مسؤولين أتراك سبل التعاون.\nنص.\n");
        assert_eq!(c.title, None);
    }

    #[test]
    fn front_matter_is_metadata() {
        let text = "---\ntitle: \"Headline here\"\npublished: 2024-09-20\noutlet: Hespress\nurl: https://example.com/a\n---\n# Headline here\n\nBody text.\n";
        let c = run(text);
        assert_eq!(c.title.as_deref(), Some("Headline here"));
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 9, 20));
        assert_eq!(c.outlet.as_deref(), Some("Hespress"));
        assert_eq!(c.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(kept(&c), vec!["# Headline here", "Body text."]);
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let text = "---\nThis is a sentence, not a key.\n---\n";
        let c = run(text);
        assert_eq!(c.published, None);
        assert!(c.analysis_text.contains("This is a sentence"));
    }

    #[test]
    fn image_lines_and_separators() {
        let c = run("النص.\n![]()\n![صورة](https://x/y.jpg)\n* * *\n");
        assert_eq!(c.boilerplate_lines, 3);
        assert_eq!(kept(&c), vec!["النص."]);
    }

    #[test]
    fn long_lines_are_prose_but_can_start_a_tail() {
        let long = format!(
            "المصدر: {}",
            "وقال المسؤول إن التعاون الأمني بين البلدين متين. ".repeat(8)
        );
        let c = run(&format!("{long}\nتعليقات\n"));
        assert_eq!(c.outlet, None, "a long paragraph is not a source line");
        assert_eq!(c.boilerplate_lines, 1);
        assert!(c.analysis_text.starts_with("المصدر: وقال"));
        let tail = format!(
            "نص الخبر.\nاقرأ أيضا: {}\n",
            "عنوان طويل جدا لمقال آخر ".repeat(12)
        );
        assert!(run(&tail).cut.is_some());
    }

    #[test]
    fn crlf_lines() {
        let text = "النص الأول.\r\nاترك تعليقاً\r\n";
        let c = run(text);
        assert_eq!(c.boilerplate_lines, 1);
        assert_eq!(c.analysis_text.len(), text.len());
        assert!(c.analysis_text.ends_with("\r\n"));
    }
}
