//! End-to-end tests of the command line on the seed articles.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SEEDS: &str = "fixtures/seeds";
const ANKARA: [&str; 3] = [
    "fixtures/seeds/000_724588cf6bb420cd.txt",
    "fixtures/seeds/001_a0324c2d154ff1c0.txt",
    "fixtures/seeds/002_5a996a103c87aea1.txt",
];

fn factdiff() -> Command {
    Command::cargo_bin("factdiff").expect("binary builds")
}

fn compare_json(args: &[&str]) -> (Value, i32) {
    let out = factdiff()
        .arg("compare")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let code = out.status.code().expect("exit code");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON output ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, code)
}

fn clusters(report: &Value) -> Vec<Vec<String>> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

fn findings<'a>(report: &'a Value, kind: &str, severity: &str) -> Vec<&'a Value> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["discrepancies"].as_array().unwrap())
        .filter(|d| d["kind"] == kind && d["severity"] == severity)
        .collect()
}

fn values(finding: &Value) -> Vec<String> {
    finding["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seeds_group_into_the_ankara_visit_interpol_and_riyadh() {
    let (report, _) = compare_json(&[SEEDS]);
    assert_eq!(
        clusters(&report),
        vec![
            ANKARA.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            vec!["fixtures/seeds/003_d10228b00b9c0c11.txt".to_string()],
            vec!["fixtures/seeds/004_d7ac58148a78377f.txt".to_string()],
        ]
    );
}

#[test]
fn ankara_group_flags_the_date_range_and_year_conflicts() {
    let (report, code) = compare_json(&[SEEDS]);
    assert_eq!(code, 1, "conflicts fail the check by default");
    let dates = findings(&report, "date", "conflict");
    assert!(
        dates.iter().any(|d| {
            let v = values(d);
            v.contains(&"2025-09-18/2025-09-20".to_string())
                && v.iter()
                    .any(|x| x.ends_with("09-19/--09-21") || x.ends_with("-09-21"))
        }),
        "18–20 vs 19–21 September: {dates:#?}"
    );
    let years = findings(&report, "year", "conflict");
    assert!(
        years.iter().any(|d| {
            let v = values(d);
            v.contains(&"2025".to_string()) && v.contains(&"2024".to_string())
        }),
        "IGEF 2025 vs IGEF24: {years:#?}"
    );
    // Every claim quotes the article exactly at its byte span.
    for d in dates.iter().chain(years.iter()) {
        for v in d["values"].as_array().unwrap() {
            let text = std::fs::read_to_string(v["document"].as_str().unwrap()).unwrap();
            let (s, e) = (
                v["span"]["start"].as_u64().unwrap() as usize,
                v["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], v["text"].as_str().unwrap());
        }
    }
}

#[test]
fn no_conflict_is_claimed_inside_a_group_of_one() {
    let (report, _) = compare_json(&[SEEDS]);
    for c in report["clusters"].as_array().unwrap() {
        if c["documents"].as_array().unwrap().len() == 1 {
            assert!(c["discrepancies"].as_array().unwrap().is_empty(), "{c:#}");
        }
    }
}

#[test]
fn the_reuters_tail_of_001_never_enters_the_comparison() {
    let (report, _) = compare_json(&[SEEDS]);
    let text = report.to_string();
    // "أكثر من 400 شخص" and "مليوني شخص" stand only in the cut tail.
    assert!(
        !text.contains("400"),
        "a figure from the cut tail was compared"
    );
    assert!(!text.contains("يناير كانون الثاني"));
}

#[test]
fn single_articles_alone_have_nothing_to_compare_and_pass() {
    factdiff()
        .args(["compare", "fixtures/seeds/003_d10228b00b9c0c11.txt"])
        .assert()
        .code(0);
}

#[test]
fn fail_on_never_exits_zero_even_with_conflicts() {
    factdiff()
        .args(["compare", SEEDS, "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn markdown_goes_to_stdout_and_html_to_a_file() {
    factdiff()
        .args(["compare", SEEDS, "--fail-on", "never"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# factdiff report"))
        .stdout(predicate::str::contains("CONFLICT"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    factdiff()
        .args(["compare", SEEDS, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"dir="rtl""#) && html.contains(r#"lang="ar""#));
    assert!(html.contains("conflict"));
}

#[test]
fn extract_json_gives_exact_quotes_with_byte_spans() {
    let out = factdiff().args(["extract", ANKARA[0]]).output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["document"], ANKARA[0]);
    let text = std::fs::read_to_string(ANKARA[0]).unwrap();
    let facts = doc["facts"].as_array().unwrap();
    assert!(facts
        .iter()
        .any(|f| f["kind"] == "date" && f["value"] == "2025-09-18/2025-09-20"));
    assert!(facts
        .iter()
        .any(|f| f["kind"] == "year" && f["value"] == "2025"));
    for f in facts {
        let (s, e) = (
            f["span"][0].as_u64().unwrap() as usize,
            f["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], f["text"].as_str().unwrap());
    }
}

#[test]
fn reference_date_resolves_relative_dates_without_a_publication_date() {
    let out = factdiff()
        .args([
            "extract",
            "fixtures/seeds/004_d7ac58148a78377f.txt",
            "--reference-date",
            "2026-02-01",
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let facts = json["documents"][0]["facts"].as_array().unwrap();
    assert!(
        facts.iter().any(|f| f["value"] == "2026-02-08/2026-02-12"),
        "{facts:#?}"
    );
}

#[test]
fn reports_are_identical_whatever_the_input_order() {
    let run = |paths: &[&str]| {
        factdiff()
            .arg("compare")
            .args(paths)
            .args(["--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let forward = run(&ANKARA);
    let backward = run(&[ANKARA[2], ANKARA[0], ANKARA[1]]);
    assert_eq!(forward, backward);
}

#[test]
fn a_missing_file_is_a_clear_error_with_status_2() {
    factdiff()
        .args(["compare", "fixtures/seeds/nope.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt"))
        .stdout("");
}

#[test]
fn a_failed_run_leaves_the_previous_report_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    std::fs::write(&out, "previous report\n").unwrap();
    factdiff()
        .args(["compare", "fixtures/seeds/nope.txt", "-o"])
        .arg(&out)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous report\n");
}

#[test]
fn baseline_round_trip_suppresses_accepted_findings_only() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("factdiff-baseline.json");
    factdiff()
        .args(["baseline", SEEDS, "-o"])
        .arg(&baseline)
        .assert()
        .code(0);
    let (report, code) = compare_json(&[SEEDS, "--baseline", baseline.to_str().unwrap()]);
    assert_eq!(code, 0, "every finding is accepted");
    assert!(report["summary"]["suppressed"].as_u64().unwrap() > 0);
    assert_eq!(report["summary"]["conflicts"], 0);
    // With only part of the baseline, the rest fails again.
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    let conflicts: Vec<Value> = b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "conflict")
        .cloned()
        .collect();
    b["findings"] = Value::Array(conflicts);
    std::fs::write(&baseline, b.to_string()).unwrap();
    let (_, code) = compare_json(&[SEEDS, "--baseline", baseline.to_str().unwrap()]);
    assert_eq!(code, 1);
}

#[test]
fn hostile_article_text_is_inert_in_html_and_markdown() {
    let html = factdiff()
        .args(["compare", "fixtures/hostile", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(
        html.status.code(),
        Some(1),
        "the planted date conflict is found"
    );
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.contains("&lt;script&gt;"),
        "the script tag is shown as text"
    );
    assert!(!html.contains("<script>alert") && !html.contains("<script>document"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains('\u{202E}'), "bidi override neutralised");
    assert!(html.contains("[U+202E]"));

    let md = factdiff()
        .args(["compare", "fixtures/hostile"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(!md.contains("<script>") && !md.contains("<img"));
    assert!(!md.contains("](javascript:"));
    assert!(!md.contains('\u{202E}'));
}

#[test]
fn the_same_facts_written_differently_are_variants_never_conflicts() {
    // a.txt and b.txt tell one visit: "19 سبتمبر 2024" / "١٩ أيلول ٢٠٢٤",
    // "ثلاثة وأربعين اجتماعا" / "43 اجتماعا", "نحو 200 خبير" / "195 خبيرا".
    let (report, code) = compare_json(&["fixtures/variants"]);
    assert_eq!(code, 0, "no conflict, so the check passes");
    assert_eq!(clusters(&report).len(), 1);
    assert_eq!(report["summary"]["conflicts"], 0);
    let dates = findings(&report, "date", "variant");
    assert_eq!(dates.len(), 1);
    assert_eq!(values(dates[0]), ["2024-09-19", "2024-09-19"]);
    let numbers = findings(&report, "number", "variant");
    assert!(
        numbers.iter().any(|d| values(d) == ["43", "43"]),
        "{numbers:#?}"
    );
    // "نحو 200" and 195 agree: no finding at all about the experts.
    let rows = report["clusters"][0]["rows"].as_array().unwrap();
    let experts = rows
        .iter()
        .find(|r| r["topic"] == "خبير")
        .expect("the experts row");
    assert_eq!(experts["status"], "agreement");
}

#[test]
fn finding_ids_survive_unrelated_edits_that_move_every_offset() {
    let ids = |edit: bool| {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path().join("seeds");
        std::fs::create_dir(&seeds).unwrap();
        for entry in std::fs::read_dir(SEEDS).unwrap() {
            let path = entry.unwrap().path();
            let mut text = std::fs::read_to_string(&path).unwrap();
            if edit && path.ends_with("000_724588cf6bb420cd.txt") {
                // A new paragraph early in the article shifts every later byte offset.
                let at = text.find("\nالزيارة جاءت").unwrap();
                text.insert_str(at, "\nوقد حظيت هذه الخطوة باهتمام واسع في وسائل الإعلام.");
            }
            std::fs::write(seeds.join(path.file_name().unwrap()), text).unwrap();
        }
        let out = factdiff()
            .current_dir(dir.path())
            .args(["compare", "seeds", "--format", "json"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut ids: Vec<String> = report["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["discrepancies"].as_array().unwrap())
            .filter(|d| d["severity"] == "conflict")
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let before = ids(false);
    assert!(!before.is_empty());
    assert_eq!(before, ids(true));
}

#[test]
fn extract_markdown_lists_each_fact_with_its_quote() {
    factdiff()
        .args(["extract", ANKARA[2], "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains("`--09-19/--09-21`"))
        .stdout(predicate::str::contains("«121 أمرا»"));
}

#[cfg(unix)]
#[test]
fn a_written_report_is_readable_by_others_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    factdiff()
        .args(["compare", SEEDS, "--fail-on", "never", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `factdiff compare … --format json | head -c 100`: the JSON (over 64 KiB,
    // more than a pipe holds) meets a closed pipe; the exit status still
    // reports the findings, not an error.
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .args([
            "compare",
            SEEDS,
            "fixtures/variants",
            "fixtures/hostile",
            "fixtures/ingest/encodings",
        ])
        .args(["--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue #12 item 12: a run of digits too long to read before a multiplier
/// gives no figure at all, so it cannot "agree" with a bare "ألف" elsewhere.
#[test]
fn digits_too_long_to_read_never_leave_the_bare_multiplier() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "وشارك في اللقاء 99999999999999999999 ألف شخص من المدينة.\n",
    )
    .unwrap();
    let out = factdiff()
        .args(["extract", "--format", "json"])
        .arg(&a)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let numbers: Vec<&Value> = json["documents"][0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "number")
        .collect();
    assert!(numbers.is_empty(), "{numbers:?}");
}

/// `extract` in Markdown says, for each date, the calendar it is written in
/// and how its year was settled.
#[test]
fn extract_markdown_shows_calendar_and_year_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "أفق الجزيرة\n\nالأربعاء 12 رمضان 1446هـ - 12 مارس 2025م\n\nوقّع الصندوق، اليوم الأربعاء 12 رمضان 1446هـ، اتفاقية قرض، على أن تبدأ الأشغال يوم الثلاثاء 18 مارس.\n",
    )
    .unwrap();
    let out = factdiff()
        .args(["extract", "--format", "markdown"])
        .arg(&a)
        .output()
        .expect("runs");
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("Published 2025-03-12."), "{md}");
    assert!(
        md.contains("`2025-03-12` (hijri 1446-9-12; year: explicit)"),
        "{md}"
    );
    assert!(
        md.contains("`2025-03-18` (gregorian; year: weekday)"),
        "{md}"
    );
}
