//! JSON Lines input: one article per line,
//! `{"id", "text", "published"?, "outlet"?, "url"?, "title"?}`.
//!
//! The file is read line by line (a pipeline's batch may be large), UTF-8 as
//! JSON Lines requires (a leading BOM is allowed); `max_bytes` applies to each
//! line. Blank lines are skipped. Each record's text is cleaned like a plain
//! text article (boilerplate, trailing section, metadata lines); the record's
//! own fields win over what the text says. Unknown fields are ignored.
//!
//! A malformed line, a record without `id` or `text`, a duplicate id, an
//! unreadable `published`, or a text with nothing left after cleaning is a
//! problem naming the file and the line number.

use std::collections::HashMap;
use std::io::BufRead;

use serde::Deserialize;

use super::clean::{clean, Extra};
use super::lexicon::parse_date;
use super::IngestError;
use crate::model::Article;

#[derive(Deserialize)]
struct Record {
    id: Id,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "`id` must be a string or a number")]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

impl Id {
    fn as_string(&self) -> String {
        match self {
            Id::Text(s) => s.trim().to_string(),
            Id::Number(n) => n.to_string(),
        }
    }
}

/// One line's outcome: an article, or a problem to report or skip.
pub(crate) type Outcome = Result<Article, IngestError>;

/// Records read and checked, waiting to be cleaned: cleaning is the costly
/// part of reading, and records are independent, so a batch is cleaned on
/// all cores, then handed on in line order.
struct Batch<'s> {
    pending: Vec<Pending>,
    extra: &'s Extra,
}

/// A record whose line, id and date are valid.
struct Pending {
    line_no: usize,
    document: String,
    published: Option<chrono::NaiveDate>,
    record: Record,
}

/// Records per batch: enough to keep every core busy, few enough that a
/// batch's texts stay small beside the articles kept.
const BATCH: usize = 512;

impl Batch<'_> {
    /// Cleans the batch and hands its outcomes on, in line order.
    fn flush(
        &mut self,
        sink: &mut dyn FnMut(Outcome) -> Result<(), IngestError>,
    ) -> Result<(), IngestError> {
        use rayon::prelude::*;
        let extra = self.extra;
        let outcomes: Vec<Outcome> = std::mem::take(&mut self.pending)
            .into_par_iter()
            .map(|p| finish(p, extra))
            .collect();
        outcomes.into_iter().try_for_each(sink)
    }

    /// A problem found while reading: the records before it go first.
    fn report(
        &mut self,
        sink: &mut dyn FnMut(Outcome) -> Result<(), IngestError>,
        problem: IngestError,
    ) -> Result<(), IngestError> {
        self.flush(sink)?;
        sink(Err(problem))
    }
}

/// Cleans a checked record into an article.
fn finish(p: Pending, extra: &Extra) -> Outcome {
    let Pending {
        line_no,
        document,
        published,
        record,
    } = p;
    let cleaned = clean(&record.text, extra);
    if cleaned.is_empty() {
        return Err(IngestError {
            document,
            problem: format!("line {line_no}: no article text"),
        });
    }
    let nonempty = |s: Option<String>| s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let url = nonempty(record.url).or(cleaned.url.clone());
    let (published, published_day) =
        super::publication(published.or(cleaned.published), &cleaned, url.as_deref());
    Ok(Article {
        document,
        analysis_text: cleaned.analysis_text,
        text: record.text,
        title: nonempty(record.title).or(cleaned.title),
        published,
        published_month: cleaned.published_month,
        published_day,
        updated: cleaned.updated,
        outlet: nonempty(record.outlet).or(cleaned.outlet),
        url,
        encoding: "UTF-8".to_string(),
        cut: cleaned.cut,
        boilerplate_lines: cleaned.boilerplate_lines,
    })
}

/// Reads every record of a JSON Lines stream. `name` is the file as given
/// (documents are `<name>#<id>`); an error reading the stream itself ends it.
/// Outcomes reach `sink` in line order, whatever the batching: a problem
/// first hands on the records read before it.
pub(crate) fn read_records(
    name: &str,
    reader: &mut dyn BufRead,
    max_bytes: u64,
    extra: &Extra,
    sink: &mut dyn FnMut(Outcome) -> Result<(), IngestError>,
) -> Result<usize, IngestError> {
    let problem = |line: usize, p: String| IngestError {
        document: name.to_string(),
        problem: format!("line {line}: {p}"),
    };
    let mut batch = Batch {
        pending: Vec::new(),
        extra,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut records = 0usize;
    let mut total_bytes = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let read = std::io::Read::take(&mut *reader, max_bytes.saturating_add(1))
            .read_until(b'\n', &mut buf)
            .map_err(|e| IngestError {
                document: name.to_string(),
                problem: super::io_problem(&e),
            });
        let n = match read {
            Ok(n) => n,
            Err(e) => {
                batch.flush(sink)?;
                return Err(e);
            }
        };
        if n == 0 {
            break;
        }
        total_bytes += n;
        if buf.len() as u64 > max_bytes && buf.last() != Some(&b'\n') {
            // Skip the rest of the over-long line.
            let mut rest = Vec::new();
            let more = match reader.read_until(b'\n', &mut rest) {
                Ok(more) => more,
                Err(e) => {
                    batch.flush(sink)?;
                    return Err(IngestError {
                        document: name.to_string(),
                        problem: super::io_problem(&e),
                    });
                }
            };
            let len = buf.len() + more;
            batch.report(
                sink,
                problem(
                    line_no,
                    format!(
                        "is {len} bytes, over the limit of {max_bytes}; raise it with --max-bytes"
                    ),
                ),
            )?;
            continue;
        }
        let mut bytes = &buf[..];
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let Ok(line) = std::str::from_utf8(bytes) else {
            batch.report(
                sink,
                problem(
                    line_no,
                    "not valid UTF-8 (JSON Lines must be UTF-8)".to_string(),
                ),
            )?;
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                batch.report(sink, problem(line_no, json_problem(&e)))?;
                continue;
            }
        };
        records += 1;
        let id = record.id.as_string();
        if id.is_empty() {
            batch.report(sink, problem(line_no, "the id is empty".to_string()))?;
            continue;
        }
        if let Some(first) = seen.get(&id) {
            batch.report(
                sink,
                problem(
                    line_no,
                    format!("duplicate id \"{id}\" (first on line {first})"),
                ),
            )?;
            continue;
        }
        seen.insert(id.clone(), line_no);
        let document = format!("{name}#{id}");
        let published = match record
            .published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => None,
            Some(p) => match parse_date(p) {
                Some(d) => Some(d),
                None => {
                    batch.report(
                        sink,
                        problem(
                            line_no,
                            format!("\"published\" is \"{p}\", not a date (expected YYYY-MM-DD)"),
                        ),
                    )?;
                    continue;
                }
            },
        };
        batch.pending.push(Pending {
            line_no,
            document,
            published,
            record,
        });
        if batch.pending.len() >= BATCH {
            batch.flush(sink)?;
        }
    }
    batch.flush(sink)?;
    if total_bytes == 0 {
        return Err(IngestError {
            document: name.to_string(),
            problem: "empty file".to_string(),
        });
    }
    Ok(records)
}

/// serde_json's message without its "at line 1 column N" (the line is ours).
fn json_problem(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    match e.classify() {
        serde_json::error::Category::Data => format!("not an article record: {msg}"),
        _ if e.line() == 1 && e.column() > 0 => {
            format!("not valid JSON (column {}): {msg}", e.column())
        }
        _ => format!("not valid JSON: {msg}"),
    }
}
