//! `factdiff.toml`: discovery from the current folder and its parents,
//! `--config FILE`, what each section changes, and unknown keys.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The seeds, by absolute path: the runs below happen in temporary folders.
fn seeds() -> String {
    root().join("fixtures/seeds").display().to_string()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `factdiff compare SEEDS --format json` run in `dir`: (report, exit code, stderr).
fn compare_in(dir: &Path, extra: &[&str]) -> (Option<Value>, i32, String) {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .current_dir(dir)
        .arg("compare")
        .arg(seeds())
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    (
        serde_json::from_slice(&out.stdout).ok(),
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn count(report: &Value, kind: &str, severity: &str) -> usize {
    report["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .flat_map(|c| c["discrepancies"].as_array().expect("discrepancies"))
        .filter(|d| d["kind"] == kind && d["severity"] == severity)
        .count()
}

fn folder_with_config(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("factdiff.toml"), toml).expect("write config");
    dir
}

#[test]
fn without_a_config_the_seeds_have_a_year_conflict_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    let (report, code, _) = compare_in(dir.path(), &["--isolated"]);
    assert_eq!(code, 1);
    assert!(count(&report.unwrap(), "year", "conflict") >= 1);
}

#[test]
fn a_config_in_the_current_folder_is_discovered_and_applied() {
    let dir = folder_with_config("[kinds]\nignore = [\"year\"]\n");
    let (report, _, stderr) = compare_in(dir.path(), &[]);
    let report = report.unwrap_or_else(|| panic!("no JSON: {stderr}"));
    assert_eq!(count(&report, "year", "conflict"), 0);
    assert!(
        count(&report, "date", "conflict") >= 1,
        "dates still checked"
    );
}

#[test]
fn a_config_in_a_parent_folder_is_discovered() {
    let dir = folder_with_config("[check]\nfail-on = \"never\"\n");
    let nested = dir.path().join("desk/drafts");
    std::fs::create_dir_all(&nested).unwrap();
    let (report, code, stderr) = compare_in(&nested, &[]);
    assert_eq!(code, 0, "fail-on = never: {stderr}");
    assert!(
        count(&report.unwrap(), "year", "conflict") >= 1,
        "still reported"
    );
    // The command line wins over the file.
    let (_, code, _) = compare_in(&nested, &["--fail-on", "conflict"]);
    assert_eq!(code, 1);
}

#[test]
fn config_flag_reads_the_given_file_and_not_the_discovered_one() {
    let here = folder_with_config("[check]\nfail-on = \"never\"\n");
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("desk.toml");
    std::fs::write(&file, "[kinds]\nignore = [\"year\", \"date\"]\n").unwrap();
    let (report, code, stderr) =
        compare_in(here.path(), &["--config", &file.display().to_string()]);
    let report = report.unwrap_or_else(|| panic!("no JSON: {stderr}"));
    assert_eq!(count(&report, "year", "conflict"), 0);
    assert_eq!(count(&report, "date", "conflict"), 0);
    // fail-on = never came from the discovered file, which --config replaces.
    let conflicts = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["discrepancies"].as_array().unwrap())
        .any(|d| d["severity"] == "conflict");
    assert_eq!(code, i32::from(conflicts));
}

#[test]
fn an_unknown_key_exits_2_with_one_line_naming_it() {
    let dir = folder_with_config("[check]\nfail-onn = \"variant\"\n");
    let (report, code, stderr) = compare_in(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(report.is_none(), "nothing is written");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("fail-onn"), "{stderr}");
    assert!(stderr.contains("factdiff.toml"), "names the file: {stderr}");
}

#[test]
fn a_bad_gazetteer_entry_exits_2_quoting_it() {
    let dir = folder_with_config("[gazetteer]\nplaces = [\"شفشاون = نارنيا\"]\n");
    let (_, code, stderr) = compare_in(dir.path(), &[]);
    assert_eq!(code, 2);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("نارنيا"), "{stderr}");
}

/// Place facts of `factdiff extract` on one article, run in `dir`.
fn places_in(dir: &Path, article: &Path) -> Vec<String> {
    let out = Command::cargo_bin("factdiff")
        .unwrap()
        .current_dir(dir)
        .arg("extract")
        .arg(article)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["documents"][0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "place")
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn gazetteer_extras_add_places_to_extraction() {
    let plain = tempfile::tempdir().unwrap();
    let article = plain.path().join("article.txt");
    std::fs::write(
        &article,
        "احتضنت مدينة شفشاون يوم الخميس أشغال الملتقى الجهوي للأمن السياحي.\n",
    )
    .unwrap();
    // No config anywhere above the temp folder: the city is unknown.
    std::fs::write(plain.path().join("factdiff.toml"), "").unwrap();
    assert!(!places_in(plain.path(), &article).contains(&"شفشاون".to_string()));
    let dir = folder_with_config("[gazetteer]\nplaces = [\"شفشاون|الشاون = المغرب\"]\n");
    assert!(places_in(dir.path(), &article).contains(&"شفشاون".to_string()));
}
