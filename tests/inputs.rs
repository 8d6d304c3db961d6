//! The command line on inputs as they come: encodings, HTML, JSON Lines,
//! standard input, and bad files (exit 2, one clear line, nothing written).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factdiff() -> Command {
    Command::cargo_bin("factdiff").expect("binary builds")
}

fn json(args: &[&str]) -> Value {
    let out = factdiff().args(args).output().unwrap();
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn legacy_arabic_encodings_and_utf16_are_decoded_and_named_in_the_report() {
    let report = json(&["compare", "fixtures/ingest/encodings", "--format", "json"]);
    let encodings: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(
        encodings,
        [
            "ISO-8859-6",
            "UTF-16BE",
            "UTF-16LE",
            "UTF-8",
            "UTF-8",
            "windows-1256"
        ]
    );
    // Six encodings of one article: one event, and nothing to disagree about.
    assert_eq!(report["clusters"].as_array().unwrap().len(), 1);
    assert_eq!(report["summary"]["conflicts"], 0);
    let titles: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert!(
        titles
            .iter()
            .all(|t| *t == titles[0] && t.contains("المغرب")),
        "{titles:?}"
    );
}

#[test]
fn html_pages_json_lines_and_front_matter_carry_their_metadata() {
    let report = json(&[
        "extract",
        "fixtures/ingest/good/page.html",
        "fixtures/ingest/good/articles.jsonl",
        "fixtures/ingest/good/front-matter.md",
    ]);
    let published = |doc: &str| {
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["document"] == doc)
            .unwrap()["published"]
            .clone()
    };
    assert_eq!(published("fixtures/ingest/good/page.html"), "2026-02-08");
    assert_eq!(
        published("fixtures/ingest/good/articles.jsonl#a1"),
        "2024-09-20"
    );
    assert_eq!(
        published("fixtures/ingest/good/front-matter.md"),
        "2025-09-21"
    );
    let page = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "fixtures/ingest/good/page.html")
        .unwrap();
    assert!(!page["facts"].as_array().unwrap().is_empty());
}

#[test]
fn standard_input_reads_json_lines() {
    let input = std::fs::read("fixtures/ingest/good/articles.jsonl").unwrap();
    let out = factdiff()
        .args(["extract", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["document"] == "stdin#a1"));
}

/// Each bad input: exit 2, a one-line message naming the file and the problem, nothing on stdout.
#[test]
fn bad_inputs_exit_2_with_one_line_naming_file_and_problem() {
    let cases = [
        ("fixtures/ingest/bad/empty.txt", "empty file"),
        ("fixtures/ingest/bad/whitespace.txt", "no article text"),
        (
            "fixtures/ingest/bad/boilerplate-only.txt",
            "no article text",
        ),
        ("fixtures/ingest/bad/binary.txt", "binary file"),
        ("fixtures/ingest/bad/image.md", "binary file"),
        ("fixtures/ingest/bad/corrupted-utf8.txt", "invalid UTF-8"),
        ("fixtures/ingest/bad/malformed.jsonl", "line 2"),
        ("fixtures/no-such-folder", "no such file or folder"),
    ];
    for (path, problem) in cases {
        let out = factdiff().args(["compare", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        assert!(out.stdout.is_empty(), "{path}: nothing on stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "{path}: one line: {stderr}"
        );
        assert!(
            stderr.contains(path) && stderr.contains(problem),
            "{path}: {stderr}"
        );
    }
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.pdf"), b"%PDF").unwrap();
    factdiff()
        .arg("compare")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit_named() {
    factdiff()
        .args([
            "compare",
            "fixtures/seeds/000_724588cf6bb420cd.txt",
            "--max-bytes",
            "100",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("100").and(predicate::str::contains("--max-bytes")));
}

#[test]
fn keep_going_skips_bad_files_and_says_so_in_the_report() {
    let out = factdiff()
        .args([
            "compare",
            "fixtures/seeds",
            "fixtures/ingest/bad/binary.txt",
            "fixtures/ingest/bad/empty.txt",
            "--keep-going",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the seeds' conflicts still fail the check"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning") && stderr.contains("binary.txt"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<&str> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["document"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        [
            "fixtures/ingest/bad/binary.txt",
            "fixtures/ingest/bad/empty.txt"
        ]
    );
    assert_eq!(report["summary"]["articles"], 5);
}

#[test]
fn an_invalid_reference_date_is_a_usage_error() {
    factdiff()
        .args([
            "compare",
            "fixtures/seeds",
            "--reference-date",
            "2025-13-01",
        ])
        .assert()
        .code(2);
}
