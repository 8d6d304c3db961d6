//! `factdiff.toml`: project settings, found in the current folder or its
//! parents (as typos and Vale do), or given with `--config FILE`.
//!
//! Precedence: command-line flags, then the config file, then defaults.
//! Unknown keys are an error that names the key.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::cli::FailOn;
use crate::extract::entity::{self, Extras, Lexicon};
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
    /// Config files found but not used, and why (not a key of the file).
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// The entity lexicon with the `[gazetteer]` extras, built by `load`
    /// when there are any (not a key of the file).
    #[serde(skip)]
    pub lexicon: Option<Arc<Lexicon>>,
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

/// Extra entries for the entity lexicons, beside the built-in data files;
/// their form is described at [`Extras`].
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

impl GazetteerConfig {
    pub fn extras(&self) -> Extras {
        Extras {
            places: self.places.clone(),
            organizations: self.organizations.clone(),
            titles: self.titles.clone(),
        }
    }
}

impl Config {
    /// Reads `explicit` if given, else the first config file found from
    /// `start` up that is safe to use (see [`untrusted`]); a file found
    /// but not safe is skipped with a warning in `warnings`.
    pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Config, IngestError> {
        let mut warnings = Vec::new();
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => discover_trusted(start, &mut warnings),
        };
        let Some(path) = path else {
            return Ok(Config {
                warnings,
                ..Config::default()
            });
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
        if !FactKind::ALL.iter().any(|k| config.kinds.allows(*k)) {
            return Err(problem(
                "[kinds] leaves no kind of fact to compare, so every check would pass; \
                 remove some kinds from `ignore` (or add some to `check`)"
                    .into(),
            ));
        }
        let extras = config.gazetteer.extras();
        if !extras.is_empty() {
            config.lexicon = Some(entity::lexicon_with(&extras).map_err(problem)?);
        }
        config.path = Some(path);
        config.warnings = warnings;
        Ok(config)
    }
}

/// The first config file from `start` up that may be used; those found on
/// the way that may not are named in `warnings`.
fn discover_trusted(start: &Path, warnings: &mut Vec<String>) -> Option<PathBuf> {
    for dir in start.ancestors() {
        for name in FILE_NAMES {
            let p = dir.join(name);
            if !p.is_file() {
                continue;
            }
            match untrusted(&p) {
                None => return Some(p),
                Some(why) => warnings.push(format!("{}: ignored: {why}", p.display())),
            }
        }
    }
    None
}

/// Why a config file found by discovery must not be used, as git refuses a
/// repository owned by someone else: a file another user owns, a file
/// anyone may write, or a file in a folder anyone may write that lacks the
/// sticky bit (where anyone could have put it). `--config FILE` is always
/// used: the user chose it.
#[cfg(unix)]
pub fn untrusted(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    // The running user: the owner of this process's /proc entry.
    if let Ok(me) = std::fs::metadata("/proc/self").map(|m| m.uid()) {
        if meta.uid() != me {
            return Some(format!(
                "owned by another user (uid {}, not {me}); use --config to read it anyway",
                meta.uid()
            ));
        }
    }
    if meta.mode() & 0o002 != 0 {
        return Some("anyone may write it; use --config to read it anyway".into());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = std::fs::metadata(dir) {
        if d.mode() & 0o002 != 0 && d.mode() & 0o1000 == 0 {
            return Some(format!(
                "its folder {} may be written by anyone; use --config to read it anyway",
                dir.display()
            ));
        }
    }
    None
}

#[cfg(not(unix))]
pub fn untrusted(_: &Path) -> Option<String> {
    None
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
    fn gazetteer_extras_build_the_run_lexicon_or_name_the_bad_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factdiff.toml");
        std::fs::write(&path, "[kinds]\nignore = [\"year\"]\n").unwrap();
        assert!(Config::load(Some(&path), dir.path())
            .unwrap()
            .lexicon
            .is_none());
        std::fs::write(&path, "[gazetteer]\nplaces = [\"شفشاون = المغرب\"]\n").unwrap();
        let lex = Config::load(Some(&path), dir.path())
            .unwrap()
            .lexicon
            .unwrap();
        assert_eq!(lex.country_of("شفشاون"), Some("المغرب"));
        std::fs::write(&path, "[gazetteer]\nplaces = [\"شفشاون = نارنيا\"]\n").unwrap();
        let err = Config::load(Some(&path), dir.path()).unwrap_err();
        assert!(err.problem.contains("نارنيا"), "{err}");
    }

    /// factdiff.example.toml with every setting uncommented: it must load.
    #[test]
    fn the_example_config_is_valid_with_everything_uncommented() {
        let example = include_str!("../factdiff.example.toml");
        let uncommented: String = example
            .lines()
            .map(|l| {
                let rest = l.strip_prefix("# ").unwrap_or(l);
                let setting = rest.starts_with("  \"")
                    || rest == "]"
                    || rest.split_once(" = ").is_some_and(|(k, _)| {
                        k.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    });
                if setting {
                    rest
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factdiff.toml");
        std::fs::write(&path, &uncommented).unwrap();
        let c =
            Config::load(Some(&path), dir.path()).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(c.check.fail_on, Some(FailOn::Conflict));
        assert_eq!(c.gazetteer.places.len(), 2);
        assert_eq!(c.gazetteer.titles.len(), 2);
        let lex = c.lexicon.unwrap();
        assert_eq!(lex.country_of("شفشاون"), Some("المغرب"));
        assert!(lex.is_city("ورزازات"));
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
