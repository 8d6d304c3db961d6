//! Reading articles: files and folders, decoding, boilerplate, metadata.
//!
//! Placeholder: reads UTF-8 text files whole. The ingest work replaces it.

use std::path::Path;

use crate::model::Article;

/// Settings for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are refused (bytes).
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

/// What was read: the articles, and the inputs skipped under `keep_going`.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub skipped: Vec<IngestError>,
}

/// Reads every path (files, folders expanded to their articles, sorted).
pub fn load(paths: &[String], options: &IngestOptions) -> Result<Loaded, IngestError> {
    let mut loaded = Loaded::default();
    for p in paths {
        let path = Path::new(p);
        let mut files = Vec::new();
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| IngestError {
                document: p.clone(),
                problem: e.to_string(),
            })?;
            for e in entries.flatten() {
                let fp = e.path();
                if matches!(fp.extension().and_then(|x| x.to_str()), Some("txt" | "md")) {
                    files.push(fp.to_string_lossy().into_owned());
                }
            }
            files.sort();
        } else {
            files.push(p.clone());
        }
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| IngestError {
                document: f.clone(),
                problem: e.to_string(),
            })?;
            loaded.articles.push(Article::from_text(f, text));
        }
    }
    let _ = options;
    Ok(loaded)
}
