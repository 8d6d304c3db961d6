//! Snapshots of the three report formats on the seed articles.
//!
//! Review changes with `cargo insta review`, or run with
//! `INSTA_UPDATE=always` and read the diff of tests/snapshots/*.snap.

use assert_cmd::Command;

fn report(format: &str) -> String {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .args(["compare", "fixtures/seeds", "--format", format])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "the seeds hold conflicts");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn markdown_report_of_the_seeds() {
    insta::assert_snapshot!("seeds.md", report("markdown"));
}

#[test]
fn html_report_of_the_seeds() {
    insta::assert_snapshot!("seeds.html", report("html"));
}

#[test]
fn json_report_of_the_seeds() {
    let json: serde_json::Value = serde_json::from_str(&report("json")).expect("JSON");
    insta::assert_json_snapshot!("seeds.json", json);
}
