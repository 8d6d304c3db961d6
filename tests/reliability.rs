//! Issue 12: never destroy a file, never pass a check falsely. One test per
//! item (the item number is in each test's comment). Tests that need a
//! FIFO, a device node or another user make it in a temporary folder and,
//! where the machine does not allow it, print why and return.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const ANKARA: [&str; 3] = [
    "000_724588cf6bb420cd.txt",
    "001_a0324c2d154ff1c0.txt",
    "002_5a996a103c87aea1.txt",
];

fn factdiff() -> Command {
    let mut c = Command::cargo_bin("factdiff").expect("binary builds");
    c.arg("compare");
    c
}

/// A temporary folder holding the three Ankara articles (they conflict).
fn ankara() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    for a in ANKARA {
        fs::copy(Path::new("fixtures/seeds").join(a), d.join(a)).unwrap();
    }
    (dir, d)
}

fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    false
}

fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

// 1. -o over an input is refused, whatever the spelling; nothing touched.
#[test]
fn output_over_an_input_is_refused() {
    let (dir, d) = ankara();
    let article = d.join(ANKARA[0]);
    let before = fs::read(&article).unwrap();
    let spelled = format!("{}/./{}", d.display(), ANKARA[0]);
    factdiff()
        .arg(&d)
        .args(["-o", &spelled])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to write over an input"));
    assert_eq!(fs::read(&article).unwrap(), before);
    // A JSON Lines corpus, and the baseline.
    let corpus = dir.path().join("f.jsonl");
    fs::write(
        &corpus,
        "{\"id\":1,\"text\":\"زار الوفد أنقرة في 18 سبتمبر 2025.\"}\n",
    )
    .unwrap();
    factdiff()
        .arg(&corpus)
        .args(["--format", "json", "-o"])
        .arg(&corpus)
        .assert()
        .code(2);
    assert!(fs::read_to_string(&corpus)
        .unwrap()
        .starts_with("{\"id\":1"));
    let b = dir.path().join("b.json");
    Command::cargo_bin("factdiff")
        .unwrap()
        .arg("baseline")
        .arg(&d)
        .arg("-o")
        .arg(&b)
        .assert()
        .success();
    let baseline = fs::read(&b).unwrap();
    factdiff()
        .arg(&d)
        .arg("--baseline")
        .arg(&b)
        .arg("-o")
        .arg(&b)
        .assert()
        .code(2);
    assert_eq!(fs::read(&b).unwrap(), baseline);
    // `baseline DIR -o DIR/article.txt` too.
    Command::cargo_bin("factdiff")
        .unwrap()
        .arg("baseline")
        .arg(&d)
        .arg("-o")
        .arg(&article)
        .assert()
        .code(2);
    assert_eq!(fs::read(&article).unwrap(), before);
}

// 2. Special files are written in place; symlinks are followed.
#[cfg(unix)]
#[test]
fn special_files_are_written_through_and_symlinks_followed() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, d) = ankara();
    // (The machine's /dev/null is not used: a regression would replace it;
    // `a_device_node_is_not_replaced` makes its own device.)
    // /dev/stdout prints the report.
    factdiff()
        .arg(&d)
        .args(["-o", "/dev/stdout"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("# factdiff report"));
    // A symlink to a report: the target is replaced, the link stays.
    let real = dir.path().join("real.md");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    factdiff().arg(&d).arg("-o").arg(&link).assert().code(1);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real)
        .unwrap()
        .starts_with("# factdiff report"));
    // A FIFO with a reader: the reader gets the report, the FIFO stays.
    let fifo = dir.path().join("fifo");
    if !mkfifo(&fifo) {
        println!("skipped the FIFO case: mkfifo is not available here");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    factdiff().arg(&d).arg("-o").arg(&fifo).assert().code(1);
    assert!(reader.join().unwrap().starts_with("# factdiff report"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

// 2. A character device made for the test (root only: mknod).
#[cfg(unix)]
#[test]
fn a_device_node_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("mynull");
    let made = std::process::Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        println!("skipped: this user may not create device nodes (mknod needs root)");
        return;
    }
    factdiff()
        .arg("fixtures/seeds")
        .arg("-o")
        .arg(&node)
        .assert()
        .code(1);
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&node).unwrap().file_type().is_char_device());
}

// 3. A signal while the report is written removes the temporary file.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    let (dir, d) = ankara();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("report.md"), "old report").unwrap();
    for signal in ["INT", "TERM", "HUP"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
            .arg("compare")
            .arg(&d)
            .arg("-o")
            .arg(out.join("report.md"))
            .env("FACTDIFF_TEST_HOLD_TEMP_MS", "20000")
            .spawn()
            .unwrap();
        // Wait for the temporary file to appear.
        let temp = || {
            fs::read_dir(&out)
                .unwrap()
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with(".factdiff-"))
        };
        let t = std::time::Instant::now();
        while !temp() && t.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(temp(), "no temporary file appeared");
        std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success());
        assert!(!temp(), "SIG{signal} left the temporary file");
        assert_eq!(
            fs::read_to_string(out.join("report.md")).unwrap(),
            "old report"
        );
    }
}

// 4. factdiff's own reports in a scanned folder are skipped, with a word.
#[test]
fn own_reports_in_the_folder_are_skipped_with_a_note() {
    let (_dir, d) = ankara();
    for (format, name) in [("markdown", "r.md"), ("html", "r.html")] {
        factdiff()
            .arg(&d)
            .args(["--format", format, "-o"])
            .arg(d.join(name))
            .assert()
            .code(1);
    }
    Command::cargo_bin("factdiff")
        .unwrap()
        .args(["baseline"])
        .arg(&d)
        .arg("-o")
        .arg(d.join("b.txt"))
        .assert()
        .success();
    let out = factdiff()
        .arg(&d)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["r.md", "r.html", "b.txt"] {
        assert!(
            stderr.contains(&format!(
                "{name}: skipped: a report or baseline written by factdiff"
            )),
            "{stderr}"
        );
    }
}

// 5. Non-UTF-8 names in a folder are read, under a lossy name, with a warning.
#[cfg(target_os = "linux")]
#[test]
fn non_utf8_names_are_read_and_named() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, d) = ankara();
    let odd = d.join(std::ffi::OsStr::from_bytes(b"\xff\xfe.txt"));
    if fs::rename(d.join(ANKARA[2]), &odd).is_err() {
        println!("skipped: this file system refuses non-UTF-8 names");
        return;
    }
    let out = factdiff()
        .arg(&d)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    // Given as an argument: read too, and named.
    factdiff()
        .arg(&odd)
        .arg(d.join(ANKARA[0]))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{FFFD}\u{FFFD}.txt"));
}

// 6. The config used is named; one owned by another user is ignored.
#[cfg(unix)]
#[test]
fn a_config_is_named_and_one_owned_by_another_user_is_ignored() {
    let (dir, d) = ankara();
    let config = dir.path().join("factdiff.toml");
    fs::write(&config, "[check]\nfail-on = \"never\"\n").unwrap();
    factdiff()
        .current_dir(dir.path())
        .arg(&d)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("using config"));
    if !is_root() {
        println!("skipped the other-user case: chown needs root");
        return;
    }
    let chowned = std::process::Command::new("chown")
        .args(["65534", config.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    if !chowned {
        println!("skipped the other-user case: chown failed");
        return;
    }
    factdiff()
        .current_dir(dir.path())
        .arg(&d)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("owned by another user"));
}

// 6. A config anyone may write is ignored (no second user needed).
#[cfg(unix)]
#[test]
fn a_world_writable_config_is_ignored() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, d) = ankara();
    let config = dir.path().join("factdiff.toml");
    fs::write(&config, "[check]\nfail-on = \"never\"\n").unwrap();
    fs::set_permissions(&config, fs::Permissions::from_mode(0o666)).unwrap();
    factdiff()
        .current_dir(dir.path())
        .arg(&d)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("anyone may write it"));
}

// 7. Baseline ids do not depend on how the paths are spelled.
#[test]
fn a_baseline_matches_whatever_the_path_spelling() {
    let (dir, d) = ankara();
    let b = dir.path().join("b.json");
    Command::cargo_bin("factdiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["baseline", "d", "-o", "b.json"])
        .assert()
        .success();
    let absolute = d.display().to_string();
    for (cwd, path) in [
        (dir.path(), "./d"),
        (dir.path(), "d/"),
        (dir.path(), absolute.as_str()),
        (d.as_path(), "."),
    ] {
        factdiff()
            .current_dir(cwd)
            .arg(path)
            .arg("--baseline")
            .arg(&b)
            .assert()
            .code(0);
    }
    // A baseline that matches nothing says so.
    fs::write(
        &b,
        "{\"schema_version\":1,\"findings\":[{\"id\":\"fd-0000000000000000\",\"severity\":\"conflict\",\"message\":\"m\",\"documents\":[]}]}",
    )
    .unwrap();
    factdiff()
        .arg(&d)
        .arg("--baseline")
        .arg(&b)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("matches no finding"));
}

// 8. A config that leaves no kind to compare is an error.
#[test]
fn a_config_ignoring_every_kind_is_an_error() {
    let (dir, d) = ankara();
    let config = dir.path().join("c.toml");
    fs::write(
        &config,
        "[kinds]\nignore = [\"date\", \"year\", \"number\", \"person\", \"title\", \"place\", \"organization\"]\n",
    )
    .unwrap();
    factdiff()
        .arg(&d)
        .arg("--config")
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no kind of fact"));
}

// 11. A FIFO in a scanned folder is skipped with a warning, not waited on.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
    let (_dir, d) = ankara();
    if !mkfifo(&d.join("pipe.txt")) {
        println!("skipped: mkfifo is not available here");
        return;
    }
    factdiff()
        .arg(&d)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("pipe.txt: skipped: a FIFO"));
}

// 13. Extreme reference dates: refused (exit 2), never a panic.
#[test]
fn an_extreme_reference_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("yesterday.txt");
    fs::write(&f, "قال الوزير أمس إن الوفد سيزور أنقرة.").unwrap();
    for date in ["-262143-01-01", "+262142-12-31", "0999-12-31"] {
        factdiff()
            .arg(&f)
            .arg(format!("--reference-date={date}"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("year must be between"));
    }
    factdiff()
        .arg(&f)
        .arg("--reference-date=2024-09-20")
        .assert()
        .code(0);
}

// 14. Control characters in names never reach the terminal raw.
#[cfg(unix)]
#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let (_dir, d) = ankara();
    let name = "x\u{1b}]0;owned\u{7}\nfactdiff: all checks passed.txt";
    fs::write(d.join(name), "").unwrap();
    let out = factdiff().arg(&d).arg("--keep-going").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr}"
    );
    assert!(
        stderr.contains("x[U+001B]]0;owned[U+0007][U+000A]factdiff"),
        "{stderr}"
    );
    assert!(!stderr
        .lines()
        .any(|l| l.starts_with("factdiff: all checks")));
}

// 14. ... nor through the Markdown report.
#[test]
fn control_characters_in_articles_are_escaped_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(
        &a,
        "زار الوفد أنقرة\u{1b}c من 18 إلى 20 سبتمبر 2025 في زيارة عمل.",
    )
    .unwrap();
    fs::write(
        &b,
        "زار الوفد أنقرة\u{9b}2J من 19 إلى 21 سبتمبر 2025 في زيارة عمل.",
    )
    .unwrap();
    let out = factdiff().arg(&a).arg(&b).output().unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(!md.contains('\u{1b}') && !md.contains('\u{9b}'), "{md}");
}

// 15. -o problems are found before reading, and say the path given.
#[test]
fn output_problems_are_plain_and_come_first() {
    let dir = tempfile::tempdir().unwrap();
    for (target, says) in [
        ("outdir/", "that names a folder"),
        (".", "it is a folder"),
        ("missing/report.md", "folder missing does not exist"),
    ] {
        factdiff()
            .current_dir(dir.path())
            // An input that does not exist: the -o error must come first.
            .args(["no-such-article.txt", "-o", target])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "cannot write to {target}: {says}"
            )))
            .stderr(predicate::str::contains(".factdiff-").not())
            .stderr(predicate::str::contains(".tmp").not());
    }
}

// 16. A read-only report is refused for a user who may not write it.
#[cfg(unix)]
#[test]
fn a_read_only_target_is_refused_as_cp_does() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        println!("skipped: root may write any file (as cp does)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    fs::write(&out, "kept").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
    factdiff()
        .arg("fixtures/seeds")
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not writable"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
}

// 16. One file under two spellings, or a folder and a symlink to it, is read once.
#[cfg(unix)]
#[test]
fn the_same_file_twice_is_read_once() {
    let (dir, d) = ankara();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&d, &link).unwrap();
    let out = factdiff()
        .arg(&d)
        .arg(&link)
        .arg(format!("{}/./{}", d.display(), ANKARA[0]))
        .args(["--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("read once"));
}

// 16. `- -` is refused.
#[test]
fn standard_input_twice_is_refused() {
    factdiff()
        .args(["-", "-"])
        .write_stdin("{\"id\":1,\"text\":\"زار الوفد أنقرة في 18 سبتمبر 2025.\"}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input is given twice"));
}

// 16. A JSON Lines record with a bad id says what the id must be.
#[test]
fn a_bad_json_lines_id_says_what_it_must_be() {
    factdiff()
        .arg("-")
        .write_stdin("{\"id\":[1],\"text\":\"زار الوفد أنقرة في 18 سبتمبر 2025.\"}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`id` must be a string or a number",
        ))
        .stderr(predicate::str::contains("untagged").not());
}

// 16. UTF-32 with a byte order mark is decoded, not read as UTF-16 junk.
#[test]
fn utf32_articles_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "زار الوفد أنقرة من 18 إلى 20 سبتمبر 2025 في زيارة عمل.";
    let mut bytes = b"\xFF\xFE\x00\x00".to_vec();
    for c in text.chars() {
        bytes.extend((c as u32).to_le_bytes());
    }
    let f = dir.path().join("a.txt");
    fs::write(&f, bytes).unwrap();
    let out = Command::cargo_bin("factdiff")
        .unwrap()
        .arg("extract")
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("2025-09-18/2025-09-20"), "{s}");
}
