//! The typed values that flow between the pipeline's stages.
//!
//! ingest → normalize → extract → group → align → classify → report.
//! Every stage takes and returns these types; none reaches back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One article, decoded and cleaned, ready for extraction.
///
/// `text` is the decoded article exactly as read (for HTML: the text content
/// of the article element). Spans in facts point into `text`. Boilerplate and
/// trailing page sections are not deleted from `text` (that would move every
/// offset); `analysis_text` is the same text with those regions blanked to
/// ASCII spaces, byte for byte the same length, and extractors read only it.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The path or id as the user gave it; the article's name in reports.
    pub document: String,
    pub text: String,
    #[serde(skip)]
    pub analysis_text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// A publication line that gives only a month, as `YYYY-MM` ("2024-09").
    pub published_month: Option<String>,
    /// A body dateline's day without its year, when nothing settled the year
    /// ("--03-12"): the publication day, year open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_day: Option<String>,
    /// The last update, when the page prints it apart from the publication
    /// ("آخر تحديث", "Mis à jour le", "Updated").
    pub updated: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Name of the encoding the bytes were decoded from ("UTF-8", "windows-1256" …).
    pub encoding: String,
    /// Where a trailing page section ("إقرأ أيضاً", "كلمات دلالية" …) began
    /// and everything after it was left out of the analysis.
    pub cut: Option<Cut>,
    /// Number of boilerplate lines left out of the analysis.
    pub boilerplate_lines: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cut {
    /// The heading line that started the trailing section, as written.
    pub marker: String,
    pub span: Span,
}

impl Article {
    /// An article whose whole text is analysed, with no metadata (tests, tools).
    pub fn from_text(document: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Article {
            document: document.into(),
            analysis_text: text.clone(),
            text,
            title: None,
            published: None,
            published_month: None,
            published_day: None,
            updated: None,
            outlet: None,
            url: None,
            encoding: "UTF-8".to_string(),
            cut: None,
            boilerplate_lines: 0,
        }
    }

    pub fn quote(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The part of `sentence` shown around a quote `span`: the whole
    /// sentence, unless it runs past [`CONTEXT_BYTES`] on either side of the
    /// quote; then it is cut there, at a space if one is near. A report
    /// quotes each fact's sentence, so without the cut an article with no
    /// full stop would cost its length once per fact.
    pub fn context(&self, sentence: Span, span: Span) -> Span {
        let text = self.text.as_str();
        let mut start = sentence.start;
        if span.start.saturating_sub(start) > CONTEXT_BYTES {
            start = span.start - CONTEXT_BYTES;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            // Start on a word: after the first space in the window's first 60 bytes.
            let head = &text.as_bytes()[start..span.start.min(start + 60)];
            if let Some(i) = head.iter().position(|b| *b == b' ') {
                start += i + 1;
            }
        }
        let mut end = sentence.end;
        if end.saturating_sub(span.end) > CONTEXT_BYTES {
            end = span.end + CONTEXT_BYTES;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let tail = &text.as_bytes()[end.saturating_sub(60).max(span.end)..end];
            if let Some(i) = tail.iter().rposition(|b| *b == b' ') {
                end -= tail.len() - i;
            }
        }
        Span::new(start.min(span.start), end.max(span.end))
    }
}

/// The most of a sentence a report shows on either side of a quote (bytes).
pub const CONTEXT_BYTES: usize = 1000;

/// What a fact is about, and the `kind` field of the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Date,
    Year,
    Number,
    Person,
    Title,
    Place,
    Organization,
}

impl FactKind {
    /// Every kind, in order.
    pub const ALL: [FactKind; 7] = [
        FactKind::Date,
        FactKind::Year,
        FactKind::Number,
        FactKind::Person,
        FactKind::Title,
        FactKind::Place,
        FactKind::Organization,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Year => "year",
            FactKind::Number => "number",
            FactKind::Person => "person",
            FactKind::Title => "title",
            FactKind::Place => "place",
            FactKind::Organization => "organization",
        }
    }
}

/// One fact found in an article, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// The exact quote: `article.text[span.start..span.end]`.
    pub text: String,
    pub span: Span,
    /// The sentence the fact stands in (for alignment by context and for reports).
    pub sentence: Span,
    pub value: Value,
    /// The language the fact is written in (see `extract::language`).
    pub language: Language,
}

/// The language of an article, a sentence or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    Ar,
    Fr,
    En,
    /// Another language, or too little text to tell.
    Other,
}

impl Language {
    /// The ISO 639-1 code ("ar", "fr", "en"), "und" when unknown.
    pub fn code(&self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Fr => "fr",
            Language::En => "en",
            Language::Other => "und",
        }
    }

    /// Written in Latin script (French, English or another Latin-script language).
    pub fn is_latin(&self) -> bool {
        !matches!(self, Language::Ar)
    }
}

impl Fact {
    /// The normalized value as one string, the same in every output.
    pub fn normalized(&self) -> String {
        self.value.normalized()
    }
}

/// The typed value of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Value {
    Date(DateValue),
    Year(YearValue),
    Number(NumberValue),
    Entity(EntityValue),
}

impl Value {
    pub fn normalized(&self) -> String {
        match self {
            Value::Date(d) => d.normalized(),
            Value::Year(y) => y.year.to_string(),
            Value::Number(n) => n.normalized(),
            Value::Entity(e) => e.key.clone(),
        }
    }
}

/// A calendar date whose year, and possibly day, may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

impl PartialDate {
    /// ISO 8601 where known; `--MM-DD` / `--MM` when the year is unknown.
    pub fn normalized(&self) -> String {
        let year = match self.year {
            Some(y) => format!("{y:04}"),
            None => "-".to_string(),
        };
        match self.day {
            Some(d) => format!("{year}-{:02}-{d:02}", self.month),
            None => format!("{year}-{:02}", self.month),
        }
    }
}

/// How a date's year (or a relative date) was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// The text states it.
    Explicit,
    /// A relative word resolved against the article's publication date.
    PublicationDate,
    /// A relative word resolved against `--reference-date`.
    ReferenceDate,
    /// Taken from an event tag in the same sentence ("IGEF 2025").
    EventTag,
    /// The year, nearest the article's date, in which the weekday written
    /// beside the date falls on it ("الثلاثاء 17 جوان" in an article of June 2025).
    Weekday,
    /// Not settled: the year stays unknown, never guessed.
    Unresolved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateValue {
    pub start: PartialDate,
    /// Set for ranges ("من 18 إلى 20 شتنبر").
    pub end: Option<PartialDate>,
    pub resolution: Resolution,
    /// The relative word that was resolved ("الجاري", "المقبل", "أمس" …), if any.
    pub relative: Option<String>,
    /// The calendar the date is written in; `start`/`end` are always Gregorian.
    pub calendar: Calendar,
    /// The weekday written beside the date (1 = Monday … 7 = Sunday), as the
    /// text gives it: it may not fit the date (a check for the comparison).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u32>,
    /// The Hijri date as written ("12 رمضان 1446هـ"), alone (then `start` is
    /// its Umm al-Qura Gregorian equivalent) or beside a Gregorian date
    /// (then `start` is the Gregorian date written, which may not match).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hijri: Option<HijriDate>,
}

/// The calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    #[default]
    Gregorian,
    Hijri,
}

/// A date of the Hijri calendar, as written (month 1 = محرم … 12 = ذو الحجة).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct HijriDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl DateValue {
    /// A Gregorian date without a written weekday or Hijri date.
    pub fn new(
        start: PartialDate,
        end: Option<PartialDate>,
        resolution: Resolution,
        relative: Option<String>,
    ) -> Self {
        DateValue {
            start,
            end,
            resolution,
            relative,
            calendar: Calendar::Gregorian,
            weekday: None,
            hijri: None,
        }
    }

    /// `2025-09-18/2025-09-20`, `--09-19/--09-21`, `2025-11`, `2024-09-20`.
    pub fn normalized(&self) -> String {
        match &self.end {
            Some(end) => format!("{}/{}", self.start.normalized(), end.normalized()),
            None => self.start.normalized(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearValue {
    pub year: i32,
    /// The event the year is glued to ("IGEF" in "IGEF24"), if any.
    pub event: Option<String>,
}

/// How exact a figure is: "نحو 200" is about 200, "أكثر من 40" is a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// "العشرات", "مئات": an order of magnitude, not a number.
    Tens,
    Hundreds,
    Thousands,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberForm {
    Cardinal,
    Ordinal,
    Percent,
    Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberValue {
    pub value: f64,
    pub form: NumberForm,
    pub qualifier: Qualifier,
    /// Currency code or symbol for money ("USD", "MAD", "EUR" …).
    pub unit: Option<String>,
    /// The noun the figure counts, folded for matching ("امر" in "121 أمرا دوليا").
    pub counted: Option<String>,
}

impl NumberValue {
    /// `43`, `93rd`, `12.5%`, `200 USD`, `~200`, `>40`, `tens`.
    pub fn normalized(&self) -> String {
        let n = format_number(self.value);
        let core = match self.form {
            NumberForm::Cardinal => n,
            NumberForm::Ordinal => format!("{n}{}", ordinal_suffix(self.value as i64)),
            NumberForm::Percent => format!("{n}%"),
            NumberForm::Money => match &self.unit {
                Some(u) => format!("{n} {u}"),
                None => n,
            },
        };
        match self.qualifier {
            Qualifier::Exact => core,
            Qualifier::About => format!("~{core}"),
            Qualifier::AtLeast => format!(">={core}"),
            Qualifier::MoreThan => format!(">{core}"),
            Qualifier::AtMost => format!("<={core}"),
            Qualifier::LessThan => format!("<{core}"),
            Qualifier::Tens => "tens".to_string(),
            Qualifier::Hundreds => "hundreds".to_string(),
            Qualifier::Thousands => "thousands".to_string(),
        }
    }

    /// The closed interval of values this figure allows.
    pub fn bounds(&self) -> (f64, f64) {
        let v = self.value;
        match self.qualifier {
            Qualifier::Exact => (v, v),
            // News prose rounds: "نحو 200" covers 180–220.
            Qualifier::About => (v * 0.9, v * 1.1),
            Qualifier::AtLeast => (v, f64::INFINITY),
            Qualifier::MoreThan => (v, f64::INFINITY),
            Qualifier::AtMost => (f64::NEG_INFINITY, v),
            Qualifier::LessThan => (f64::NEG_INFINITY, v),
            Qualifier::Tens => (10.0, 99.0),
            Qualifier::Hundreds => (100.0, 999.0),
            Qualifier::Thousands => (1000.0, 999_999.0),
        }
    }
}

pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The part an entity plays in the story, where the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Host,
    Visitor,
    Counterpart,
    Venue,
    Mentioned,
}

/// A person, place or organisation as one article names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityValue {
    /// The name as written, without honorifics or title.
    pub name: String,
    pub name_span: Span,
    /// The folded form used for matching and as the normalized value.
    pub key: String,
    /// The title or role words attached to the name, as written.
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub role: Role,
}

/// How much a difference between articles matters, from most to least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The articles state different things.
    Conflict,
    /// One article contradicts itself (headline vs body, weekday vs date …).
    Internal,
    /// A running count (a toll) given differently by articles of different days.
    Update,
    /// The same thing, written differently (a spelling, a script, a month system).
    Variant,
    /// Only some articles state it.
    Omission,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Conflict => "conflict",
            Severity::Internal => "internal",
            Severity::Update => "update",
            Severity::Variant => "variant",
            Severity::Omission => "omission",
        }
    }
}

/// One article's side of a discrepancy: what it says, quoted exactly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub document: String,
    /// The exact quote.
    pub text: String,
    pub span: Span,
    /// The normalized value, as in `factdiff extract`.
    pub value: String,
    /// The sentence around the quote, exactly as written.
    pub sentence: String,
    pub sentence_span: Span,
    /// For dates: how the year was settled (stated, publication date, event tag, unresolved …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

impl Claim {
    pub fn from_fact(article: &Article, fact: &Fact) -> Self {
        Claim {
            document: article.document.clone(),
            text: fact.text.clone(),
            span: fact.span,
            value: fact.normalized(),
            sentence: article
                .quote(article.context(fact.sentence, fact.span))
                .to_string(),
            sentence_span: article.context(fact.sentence, fact.span),
            resolution: match &fact.value {
                Value::Date(d) => Some(d.resolution),
                _ => None,
            },
        }
    }
}

/// A difference between the articles of one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    pub kind: FactKind,
    pub severity: Severity,
    /// What the fact is about ("visit", "IGEF", "counterpart" …), used to align it.
    pub topic: String,
    /// One line for a human ("18–20 September vs 19–21 September").
    pub message: String,
    /// Every article's claim, in document order.
    pub values: Vec<Claim>,
    /// Documents of the group that do not state the fact (for omissions).
    pub missing: Vec<String>,
}
