//! Accepted findings: `factdiff baseline` records them, `compare --baseline`
//! leaves them out, so that an editor who accepted a discrepancy does not see
//! it again while a new one still fails the check.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ingest::IngestError;
use crate::model::Severity;
use crate::report::{finding_id_with, Finding, Report};

pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    pub findings: Vec<Accepted>,
}

/// One accepted finding. Only `id` is matched; the rest helps a human reading the file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub documents: Vec<String>,
}

/// Names documents as seen from a baseline's folder: `drafts/a.txt`
/// whether the run said `drafts/a.txt`, `./drafts/a.txt`, an absolute path
/// or `a.txt` from inside `drafts/`. A name that is no file (standard
/// input's `stdin#id`) stays as it is; JSON Lines records keep their `#id`.
struct Namer {
    folder: Option<PathBuf>,
    cache: RefCell<HashMap<String, String>>,
}

impl Namer {
    fn new(baseline: &Path) -> Self {
        let folder = match baseline.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Namer {
            folder: std::fs::canonicalize(folder).ok(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn name(&self, doc: &str) -> String {
        let Some(folder) = &self.folder else {
            return doc.to_string();
        };
        if let Some(n) = self.cache.borrow().get(doc) {
            return n.clone();
        }
        let canonical = std::fs::canonicalize(doc).map(|p| (p, "")).or_else(|e| {
            let i = doc.rfind('#').ok_or(e)?;
            std::fs::canonicalize(&doc[..i]).map(|p| (p, &doc[i..]))
        });
        let name = match canonical {
            Ok((path, suffix)) => format!("{}{suffix}", relative(&path, folder).display()),
            Err(_) => doc.to_string(),
        };
        self.cache
            .borrow_mut()
            .insert(doc.to_string(), name.clone());
        name
    }

    fn id(&self, f: &Finding) -> String {
        finding_id_with(&f.discrepancy, &|d| self.name(d))
    }
}

/// `path` from `base` (both absolute and canonical), with `..` as needed.
fn relative(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<_> = path.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

impl Baseline {
    /// The report's findings, for a baseline written at `path`: their ids
    /// name the documents from the baseline's folder (see [`Namer`]).
    pub fn from_report(report: &Report, path: &Path) -> Self {
        let namer = Namer::new(path);
        let mut findings: Vec<Accepted> = report
            .clusters
            .iter()
            .flat_map(|c| &c.discrepancies)
            .map(|f| Accepted {
                id: namer.id(f),
                severity: f.discrepancy.severity,
                message: f.discrepancy.message.clone(),
                documents: f
                    .discrepancy
                    .values
                    .iter()
                    .map(|v| v.document.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            })
            .collect();
        findings.sort_by(|a, b| a.id.cmp(&b.id));
        findings.dedup_by(|a, b| a.id == b.id);
        Baseline {
            schema_version: BASELINE_VERSION,
            findings,
        }
    }

    pub fn read(path: &Path) -> Result<Self, IngestError> {
        let problem = |p: String| IngestError {
            document: path.display().to_string(),
            problem: p,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| problem(format!("cannot read the baseline: {e}")))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|e| problem(format!("not a factdiff baseline: {e}")))?;
        if baseline.schema_version != BASELINE_VERSION {
            return Err(problem(format!(
                "baseline schema_version {} is not supported (expected {BASELINE_VERSION})",
                baseline.schema_version
            )));
        }
        Ok(baseline)
    }

    pub fn len(&self) -> usize {
        self.findings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a baseline always serializes") + "\n"
    }

    /// Removes accepted findings from the report and counts them in its
    /// summary; returns how many were removed. `path` is where the baseline
    /// was read from: its folder names the documents, as when it was made.
    /// A finding's id as the report prints it is accepted too.
    pub fn apply(&self, report: &mut Report, path: &Path) -> usize {
        let namer = Namer::new(path);
        let accepted: BTreeSet<&str> = self.findings.iter().map(|f| f.id.as_str()).collect();
        let mut removed = 0;
        for cluster in &mut report.clusters {
            let before = cluster.discrepancies.len();
            cluster.discrepancies.retain(|f| {
                !accepted.contains(f.id.as_str()) && !accepted.contains(namer.id(f).as_str())
            });
            removed += before - cluster.discrepancies.len();
        }
        report.summary.suppressed += removed;
        report.summary.count_findings(&report.clusters);
        removed
    }
}
