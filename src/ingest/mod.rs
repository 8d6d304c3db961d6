//! Reading articles: files and folders, decoding, boilerplate, metadata.
//!
//! # Inputs
//! - A file: read by its extension — `.txt`/`.text` plain text, `.md`/`.markdown`
//!   Markdown, `.html`/`.htm`/`.xhtml` HTML, `.jsonl`/`.ndjson` JSON Lines; any
//!   other file is HTML when its content starts like an HTML document, else
//!   plain text. A `.txt` or `.md` file whose content is an HTML document is
//!   read as HTML too.
//! - A folder: its `.txt`, `.md`, `.html`, `.htm` and `.jsonl` files (case
//!   insensitive), sorted by name, **not recursive** (a desk's folder may hold
//!   an `archive/` that must not silently join the comparison); hidden files
//!   are left out. A member's document name is the folder as given joined
//!   with the file name ("fixtures/seeds" → "fixtures/seeds/000_x.txt").
//! - `-`: standard input, read as JSON Lines; its documents are `stdin#<id>`.
//! - JSON Lines: documents are `<file>#<id>`; see [`jsonl`](self) rules below.
//!
//! The same document named twice (a file given alone and inside its folder)
//! is read once.
//!
//! # Text
//! `Article::text` is the decoded text unchanged (for HTML: the text
//! extracted from the page, block elements on their own lines), and every span
//! points into it. `Article::analysis_text` is the same text with boilerplate
//! lines, metadata lines and the trailing section blanked to spaces byte for
//! byte (see [`clean`]).
//!
//! # Problems
//! Every problem is an [`IngestError`] naming the document and saying in one
//! line what is wrong: "no such file or folder", "empty file", "no article
//! text", "binary file (…)", "invalid UTF-8 at byte N …", "undecodable bytes
//! …", "is N bytes, over the limit of M; raise it with --max-bytes", "no
//! articles in this folder …", "cannot be read: …", "line N: …" for JSON
//! Lines. By default the first problem stops the load; with
//! `keep_going`, problem inputs (or JSON Lines records) are listed in
//! [`Loaded::skipped`] and the rest is read; if nothing at all is left, that
//! is an error.

mod clean;
mod decode;
mod html;
mod jsonl;
mod lexicon;

use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

pub use clean::Cleaned;
pub use decode::{decode, Decoded};
pub use html::{looks_like_html, read_page, Page};
pub use lexicon::parse_date;

use crate::model::Article;

/// Settings for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are refused (bytes). For JSON Lines, the limit
    /// applies to each line (each article), not to the whole stream.
    pub max_bytes: u64,
    /// Extra boilerplate lines to drop, beside the built-in list.
    pub extra_boilerplate: Vec<String>,
    /// Skip unreadable inputs with a warning instead of stopping.
    pub keep_going: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 10 * 1024 * 1024,
            extra_boilerplate: Vec::new(),
            keep_going: false,
        }
    }
}

/// An input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[error("{document}: {problem}")]
pub struct IngestError {
    pub document: String,
    pub problem: String,
}

impl IngestError {
    fn new(document: impl Into<String>, problem: impl Into<String>) -> Self {
        IngestError {
            document: document.into(),
            problem: problem.into(),
        }
    }
}

/// What was read: the articles, and the inputs skipped under `keep_going`.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub skipped: Vec<IngestError>,
}

/// How a file's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
    /// Unknown extension: HTML if the content looks like it, else plain text.
    Sniff,
}

impl Format {
    /// The format a file name implies.
    pub fn from_path(path: &str) -> Format {
        let ext = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("txt" | "text") => Format::Text,
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            _ => Format::Sniff,
        }
    }
}

/// Extensions a folder expands to.
const FOLDER_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

/// Collects articles and problems, stopping or skipping per `keep_going`.
struct Sink {
    loaded: Loaded,
    keep_going: bool,
    seen: HashSet<String>,
}

impl Sink {
    fn take(&mut self, outcome: Result<Article, IngestError>) -> Result<(), IngestError> {
        match outcome {
            Ok(a) => {
                if self.seen.insert(a.document.clone()) {
                    self.loaded.articles.push(a);
                }
                Ok(())
            }
            Err(e) => self.problem(e),
        }
    }

    fn problem(&mut self, e: IngestError) -> Result<(), IngestError> {
        if self.keep_going {
            self.loaded.skipped.push(e);
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// Reads every path (files, folders expanded to their articles, sorted;
/// `-` for JSON Lines on standard input), in the order given.
pub fn load(paths: &[String], options: &IngestOptions) -> Result<Loaded, IngestError> {
    if paths.is_empty() {
        return Err(IngestError::new(
            "factdiff",
            "no input given: name files, folders, or - for standard input",
        ));
    }
    let extra = clean::Extra::new(&options.extra_boilerplate);
    let mut sink = Sink {
        loaded: Loaded::default(),
        keep_going: options.keep_going,
        seen: HashSet::new(),
    };
    for p in paths {
        if p == "-" {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            let mut take = |o| sink.take(o);
            match jsonl::read_records("stdin", &mut lock, options.max_bytes, &extra, &mut take) {
                Ok(0) => {
                    sink.problem(IngestError::new("stdin", "no articles on standard input"))?
                }
                Ok(_) => {}
                Err(e) => sink.problem(e)?,
            }
            continue;
        }
        let files = match expand(p) {
            Ok(f) => f,
            Err(e) => {
                sink.problem(e)?;
                continue;
            }
        };
        for (document, path) in files {
            read_file(&document, &path, options, &extra, &mut sink)?;
        }
    }
    if sink.loaded.articles.is_empty() {
        let n = sink.loaded.skipped.len();
        return Err(IngestError::new(
            paths.join(" "),
            format!(
                "no articles left to compare ({n} input{} skipped)",
                if n == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(sink.loaded)
}

/// A path as given → the files it stands for: (document name, path to read).
fn expand(p: &str) -> Result<Vec<(String, PathBuf)>, IngestError> {
    let path = Path::new(p);
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(p, io_problem(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![(p.to_string(), path.to_path_buf())]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| IngestError::new(p, io_problem(&e)))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| IngestError::new(p, io_problem(&e)))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !ext
            .as_deref()
            .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e))
        {
            continue;
        }
        let full = entry.path();
        // Follows symlinks; subfolders named "x.txt" are not articles.
        if std::fs::metadata(&full)
            .map(|m| m.is_dir())
            .unwrap_or(false)
        {
            continue;
        }
        let document = if p.ends_with('/') || p.ends_with(std::path::MAIN_SEPARATOR) {
            format!("{p}{name}")
        } else {
            format!("{p}/{name}")
        };
        files.push((document, full));
    }
    files.sort();
    if files.is_empty() {
        return Err(IngestError::new(
            p,
            "no articles in this folder (looked for .txt, .md, .html, .htm and .jsonl files)",
        ));
    }
    Ok(files)
}

/// One line for an I/O failure.
pub(crate) fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".to_string(),
        _ => {
            let msg = e.to_string();
            let msg = match msg.find(" (os error") {
                Some(i) => msg[..i].to_string(),
                None => msg,
            };
            format!("cannot be read: {}", msg.to_lowercase())
        }
    }
}

fn over_limit(len: u64, max: u64) -> String {
    format!("is {len} bytes, over the limit of {max}; raise it with --max-bytes")
}

fn read_file(
    document: &str,
    path: &Path,
    options: &IngestOptions,
    extra: &clean::Extra,
    sink: &mut Sink,
) -> Result<(), IngestError> {
    let format = Format::from_path(document);
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink.problem(IngestError::new(document, io_problem(&e))),
    };
    if format == Format::JsonLines {
        let mut reader = std::io::BufReader::new(file);
        let mut take = |o| sink.take(o);
        return match jsonl::read_records(document, &mut reader, options.max_bytes, extra, &mut take)
        {
            Ok(0) => sink.problem(IngestError::new(document, "no articles in this file")),
            Ok(_) => Ok(()),
            Err(e) => sink.problem(e),
        };
    }
    if let Ok(m) = file.metadata() {
        if m.len() > options.max_bytes {
            return sink.problem(IngestError::new(
                document,
                over_limit(m.len(), options.max_bytes),
            ));
        }
    }
    let mut bytes = Vec::new();
    if let Err(e) = file
        .take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return sink.problem(IngestError::new(document, io_problem(&e)));
    }
    if bytes.len() as u64 > options.max_bytes {
        return sink.problem(IngestError::new(
            document,
            format!(
                "is over the limit of {} bytes; raise it with --max-bytes",
                options.max_bytes
            ),
        ));
    }
    let outcome = parse_document(document, format, &bytes, extra);
    sink.take(outcome)
}

/// Reads one document's bytes (any format but JSON Lines) into an article.
fn parse_document(
    document: &str,
    format: Format,
    bytes: &[u8],
    extra: &clean::Extra,
) -> Result<Article, IngestError> {
    let decoded = decode(bytes).map_err(|p| IngestError::new(document, p))?;
    let is_html = match format {
        Format::Html => true,
        Format::JsonLines => false,
        Format::Text | Format::Markdown | Format::Sniff => looks_like_html(&decoded.text),
    };
    let (text, page) = if is_html {
        let page = read_page(&decoded.text).map_err(|p| IngestError::new(document, p))?;
        (page.text.clone(), Some(page))
    } else {
        (decoded.text, None)
    };
    let cleaned = clean::clean(&text, extra);
    if cleaned.is_empty() {
        return Err(IngestError::new(document, "no article text"));
    }
    let page = page.unwrap_or_default();
    Ok(Article {
        document: document.to_string(),
        analysis_text: cleaned.analysis_text,
        text,
        title: page.title.or(cleaned.title),
        published: page.published.or(cleaned.published),
        published_month: cleaned.published_month,
        updated: cleaned.updated,
        outlet: page.outlet.or(cleaned.outlet),
        url: page.url.or(cleaned.url),
        encoding: decoded.encoding.to_string(),
        cut: cleaned.cut,
        boilerplate_lines: cleaned.boilerplate_lines,
    })
}

/// Reads in-memory bytes as if they were the file `document` (the format
/// follows its extension, as for files; `.jsonl` gives one article per
/// record). For tests and fuzzing: no file system, no size limit.
pub fn read_bytes(
    document: &str,
    bytes: &[u8],
    options: &IngestOptions,
) -> Result<Loaded, IngestError> {
    let extra = clean::Extra::new(&options.extra_boilerplate);
    let mut sink = Sink {
        loaded: Loaded::default(),
        keep_going: options.keep_going,
        seen: HashSet::new(),
    };
    let format = Format::from_path(document);
    if format == Format::JsonLines {
        let mut reader: &[u8] = bytes;
        let mut take = |o| sink.take(o);
        match jsonl::read_records(
            document,
            &mut reader as &mut dyn BufRead,
            u64::MAX,
            &extra,
            &mut take,
        ) {
            Ok(0) => sink.problem(IngestError::new(document, "no articles in this file"))?,
            Ok(_) => {}
            Err(e) => sink.problem(e)?,
        }
    } else {
        let outcome = parse_document(document, format, bytes, &extra);
        sink.take(outcome)?;
    }
    if sink.loaded.articles.is_empty() {
        let first = sink.loaded.skipped.first().cloned();
        return Err(first.unwrap_or_else(|| IngestError::new(document, "no article text")));
    }
    Ok(sink.loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path("a/b.TXT"), Format::Text);
        assert_eq!(Format::from_path("a.md"), Format::Markdown);
        assert_eq!(Format::from_path("a.htm"), Format::Html);
        assert_eq!(Format::from_path("a.jsonl"), Format::JsonLines);
        assert_eq!(Format::from_path("a"), Format::Sniff);
    }

    #[test]
    fn html_inside_a_txt_file_is_read_as_html() {
        let page = "<!doctype html><html><body><article><p>نص الخبر هنا.</p></article><script>x=1</script></body></html>";
        let loaded = read_bytes("saved.txt", page.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(loaded.articles[0].text, "نص الخبر هنا.\n");
    }

    #[test]
    fn legacy_encoded_html_page() {
        let page = "<html><head><meta charset=\"windows-1256\"><title>زيارة عمل</title></head><body><article><p>شهدت العاصمة التركية أنقرة زيارة عمل رسمية للمدير العام للأمن الوطني، من 18 إلى 20 شتنبر.</p></article></body></html>";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(page);
        assert!(!unmappable);
        let a = read_bytes("page.html", &bytes, &IngestOptions::default())
            .unwrap()
            .articles
            .remove(0);
        assert_eq!(a.encoding, "windows-1256");
        assert_eq!(a.title.as_deref(), Some("زيارة عمل"));
        assert!(a.text.starts_with("شهدت العاصمة التركية أنقرة"));
    }

    #[test]
    fn io_problems_read_well() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(io_problem(&e), "no such file or folder");
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_problem(&e), "cannot be read: permission denied");
    }
}
