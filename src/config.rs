//! `factdiff.toml`: project settings, found in the current folder or its
//! parents (as typos and Vale do), or given with `--config FILE`.
//!
//! Precedence: command-line flags, then the config file, then defaults.
//! Unknown keys are an error that names the key.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::FailOn;
use crate::ingest::IngestError;
use crate::model::FactKind;

/// File names searched for, in this order, in each folder.
pub const FILE_NAMES: &[&str] = &["factdiff.toml", ".factdiff.toml"];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub check: CheckConfig,
    #[serde(default)]
    pub kinds: KindsConfig,
    #[serde(default)]
    pub group: GroupConfig,
    #[serde(default)]
    pub ingest: IngestConfig,
    #[serde(default)]
    pub gazetteer: GazetteerConfig,
    /// Where the config was read from (not a key of the file).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    pub fail_on: Option<FailOn>,
}

/// Which kinds of fact are compared: `check` (all when absent) minus `ignore`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindsConfig {
    pub check: Option<Vec<FactKind>>,
    #[serde(default)]
    pub ignore: Vec<FactKind>,
}

impl KindsConfig {
    pub fn allows(&self, kind: FactKind) -> bool {
        self.check.as_ref().is_none_or(|c| c.contains(&kind)) && !self.ignore.contains(&kind)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GroupConfig {
    pub threshold: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IngestConfig {
    #[serde(default)]
    pub extra_boilerplate: Vec<String>,
    pub max_bytes: Option<u64>,
}

/// Extra entries for the entity lexicons, beside the built-in data files.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GazetteerConfig {
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
}

impl Config {
    /// Reads `explicit` if given, else the first config file found from `start` up.
    pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Config, IngestError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => discover(start),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let problem = |p: String| IngestError {
            document: path.display().to_string(),
            problem: p,
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| problem(format!("cannot read the config: {e}")))?;
        let mut config: Config =
            toml::from_str(&text).map_err(|e| problem(one_line(&e.to_string())))?;
        if let Some(t) = config.group.threshold {
            if !(0.0..=1.0).contains(&t) {
                return Err(problem(format!(
                    "group.threshold must be between 0 and 1, not {t}"
                )));
            }
        }
        config.path = Some(path);
        Ok(config)
    }
}

/// The first config file in `start` or its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .flat_map(|dir| FILE_NAMES.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// TOML errors span several lines with a caret; a CLI error is one line.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains('|') && l != &"^")
        .collect();
    lines.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_that_name_the_key() {
        let err = toml::from_str::<Config>("[check]\nfail-onn = \"variant\"\n").unwrap_err();
        assert!(err.to_string().contains("fail-onn"), "{err}");
        let err = toml::from_str::<Config>("[grouping]\n").unwrap_err();
        assert!(err.to_string().contains("grouping"), "{err}");
    }

    #[test]
    fn reads_every_section() {
        let c: Config = toml::from_str(
            r#"
[check]
fail-on = "variant"
[kinds]
ignore = ["number"]
[group]
threshold = 0.3
[ingest]
extra-boilerplate = ["شارك المقال"]
max-bytes = 1000
[gazetteer]
places = ["طنجة"]
"#,
        )
        .unwrap();
        assert_eq!(c.check.fail_on, Some(FailOn::Variant));
        assert!(!c.kinds.allows(FactKind::Number));
        assert!(c.kinds.allows(FactKind::Date));
        assert_eq!(c.group.threshold, Some(0.3));
        assert_eq!(c.ingest.max_bytes, Some(1000));
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(discover(&nested), None);
        std::fs::write(dir.path().join("factdiff.toml"), "").unwrap();
        assert_eq!(discover(&nested), Some(dir.path().join("factdiff.toml")));
    }
}
