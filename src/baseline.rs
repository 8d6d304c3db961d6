//! Accepted findings: `factdiff baseline` records them, `compare --baseline`
//! leaves them out, so that an editor who accepted a discrepancy does not see
//! it again while a new one still fails the check.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::ingest::IngestError;
use crate::model::Severity;
use crate::report::Report;

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

impl Baseline {
    pub fn from_report(report: &Report) -> Self {
        let mut findings: Vec<Accepted> = report
            .clusters
            .iter()
            .flat_map(|c| &c.discrepancies)
            .map(|f| Accepted {
                id: f.id.clone(),
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

    /// Removes accepted findings from the report and counts them in its summary.
    pub fn apply(&self, report: &mut Report) {
        let accepted: BTreeSet<&str> = self.findings.iter().map(|f| f.id.as_str()).collect();
        for cluster in &mut report.clusters {
            let before = cluster.discrepancies.len();
            cluster
                .discrepancies
                .retain(|f| !accepted.contains(f.id.as_str()));
            report.summary.suppressed += before - cluster.discrepancies.len();
        }
        report.summary.count_findings(&report.clusters);
    }
}
