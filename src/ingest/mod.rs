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

use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
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

/// What was read: the articles, the inputs skipped under `keep_going`, and
/// warnings about what was read differently from what was asked (a file
/// name shown lossily, a special file or a factdiff report left out, the
/// same file named twice): nothing is left out without a word.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub skipped: Vec<IngestError>,
    pub warnings: Vec<String>,
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
    /// Files read so far by identity (device, inode), with the name read as:
    /// one file under two spellings, or a folder and a symlink to it, is
    /// read once (else it would "agree" with itself).
    files: HashMap<(u64, u64), String>,
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
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    load_paths(&paths, options)
}

/// The files a run will read, without reading them: the paths given and
/// the articles of the folders given (problems are left for [`load`] to
/// report). For the output check, before anything is read.
pub fn input_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut ignored = Vec::new();
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .flat_map(|p| {
            let name = p.to_string_lossy();
            let mut files = vec![p.clone()];
            if let Ok(members) = expand(&name, p, &mut ignored) {
                files.extend(members.into_iter().map(|(_, path)| path));
            }
            files
        })
        .collect()
}

/// A path's name for reports and messages: itself when it is UTF-8, else
/// its lossy form (U+FFFD for the bad bytes), with a warning that says so.
fn display_name(path: &Path, warnings: &mut Vec<String>) -> String {
    match path.to_str() {
        Some(s) => s.to_string(),
        None => {
            let lossy = path.to_string_lossy().into_owned();
            warnings.push(format!(
                "{lossy}: the file name is not valid UTF-8; read, and shown with U+FFFD for the bad bytes"
            ));
            lossy
        }
    }
}

/// [`load`] for paths that need not be UTF-8 (command-line arguments).
pub fn load_paths(paths: &[PathBuf], options: &IngestOptions) -> Result<Loaded, IngestError> {
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
        files: HashMap::new(),
    };
    let mut stdin_read = false;
    for path in paths {
        let p = &display_name(path, &mut sink.loaded.warnings);
        if p == "-" {
            if std::mem::replace(&mut stdin_read, true) {
                return Err(IngestError::new(
                    "-",
                    "standard input is given twice; name - once",
                ));
            }
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
        let files = match expand(p, path, &mut sink.loaded.warnings) {
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
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        return Err(IngestError::new(
            names.join(" "),
            format!(
                "no articles left to compare ({n} input{} skipped)",
                if n == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(sink.loaded)
}

/// A path as given → the files it stands for: (document name, path to read).
/// In a folder, names that are not UTF-8 are read under a lossy name, and
/// files that are not regular files (a FIFO would hang the run, a device
/// never ends) are left out; each with a warning. A special file named
/// explicitly is read, as `cat` would.
fn expand(
    p: &str,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, PathBuf)>, IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(p, io_problem(&e)))?;
    if !meta.is_dir() {
        return Ok(vec![(p.to_string(), path.to_path_buf())]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| IngestError::new(p, io_problem(&e)))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| IngestError::new(p, io_problem(&e)))?;
        let os_name = entry.file_name();
        let name = os_name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let ext = Path::new(name.as_ref())
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
        let document = if p.ends_with('/') || p.ends_with(std::path::MAIN_SEPARATOR) {
            format!("{p}{name}")
        } else {
            format!("{p}/{name}")
        };
        // Follows symlinks; subfolders named "x.txt" are not articles.
        match std::fs::metadata(&full) {
            Ok(m) if m.is_dir() => continue,
            Ok(m) if !m.is_file() => {
                warnings.push(format!(
                    "{}: skipped: {} in a folder (name it alone to read it)",
                    document,
                    special_kind(&m)
                ));
                continue;
            }
            _ => {}
        }
        if os_name.to_str().is_none() {
            warnings.push(format!(
                "{document}: the file name is not valid UTF-8; read, and shown with U+FFFD for the bad bytes"
            ));
        }
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

/// What a file that is neither a folder nor a regular file is, in words.
fn special_kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = m;
    "not a regular file"
}

#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Is this a report or baseline factdiff wrote? Markdown and HTML reports
/// by their first heading or title, JSON reports and baselines by their
/// `schema_version` beside `tool: "factdiff …"` or `findings`.
pub fn is_factdiff_output(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let text = head.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("# factdiff report\n") || text.starts_with("# factdiff: extracted facts\n")
    {
        return true;
    }
    if text
        .get(..15)
        .is_some_and(|t| t.eq_ignore_ascii_case("<!doctype html>"))
        && text.contains("<title>factdiff report</title>")
    {
        return true;
    }
    if text.starts_with('{') {
        if let Ok(serde_json::Value::Object(o)) = serde_json::from_slice::<serde_json::Value>(bytes)
        {
            let tool = o
                .get("tool")
                .and_then(|t| t.as_str())
                .is_some_and(|t| t.starts_with("factdiff"));
            let baseline = o.get("findings").is_some_and(|f| f.is_array());
            return o.contains_key("schema_version") && (tool || baseline);
        }
    }
    false
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
    if let Some(id) = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .as_ref()
        .and_then(identity)
    {
        if let Some(first) = sink.files.get(&id) {
            if first != document {
                sink.loaded
                    .warnings
                    .push(format!("{document}: the same file as {first}; read once"));
            }
            return Ok(());
        }
        sink.files.insert(id, document.to_string());
    }
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
    if is_factdiff_output(&bytes) {
        sink.loaded.warnings.push(format!(
            "{document}: skipped: a report or baseline written by factdiff"
        ));
        return Ok(());
    }
    let outcome = parse_document(document, format, &bytes, extra);
    if let Ok(a) = &outcome {
        for w in &a.1 {
            sink.loaded.warnings.push(format!("{document}: {w}"));
        }
    }
    sink.take(outcome.map(|(a, _)| a))
}

/// The publication date, else the year-open day of a body dateline
/// ([`clean::settle_dateline`]): its year from the page's other metadata.
pub(crate) fn publication(
    published: Option<NaiveDate>,
    cleaned: &clean::Cleaned,
    url: Option<&str>,
) -> (Option<NaiveDate>, Option<String>) {
    match (published, cleaned.dateline_day) {
        (Some(d), _) => (Some(d), None),
        (None, Some(md)) => match clean::settle_dateline(
            md,
            cleaned.published_month.as_deref(),
            cleaned.updated,
            url,
        ) {
            Ok(d) => (Some(d), None),
            Err(open) => (None, Some(open)),
        },
        (None, None) => (None, None),
    }
}

/// Reads one document's bytes (any format but JSON Lines) into an article.
fn parse_document(
    document: &str,
    format: Format,
    bytes: &[u8],
    extra: &clean::Extra,
) -> Result<(Article, Vec<String>), IngestError> {
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
    let mut cleaned = clean::clean(&text, extra);
    if cleaned.is_empty() {
        return Err(IngestError::new(document, "no article text"));
    }
    let page = page.unwrap_or_default();
    let warnings = std::mem::take(&mut cleaned.warnings);
    let url = page.url.or(cleaned.url.take());
    let (published, published_day) = publication(
        page.published.or(cleaned.published),
        &cleaned,
        url.as_deref(),
    );
    Ok((
        Article {
            document: document.to_string(),
            analysis_text: cleaned.analysis_text,
            text,
            title: page.title.or(cleaned.title),
            published,
            published_month: cleaned.published_month,
            published_day,
            updated: cleaned.updated,
            outlet: page.outlet.or(cleaned.outlet),
            url,
            encoding: decoded.encoding.to_string(),
            cut: cleaned.cut,
            boilerplate_lines: cleaned.boilerplate_lines,
        },
        warnings,
    ))
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
        files: HashMap::new(),
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
        sink.take(outcome.map(|(a, _)| a))?;
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
