//! Library-level tests of ingest on the real seeds and the fixtures in
//! fixtures/ingest (written by fixtures/ingest/make_fixtures.py).

use chrono::NaiveDate;
use factdiff::ingest::{load, read_bytes, IngestError, IngestOptions, Loaded};
use factdiff::model::Article;

const SEEDS: &str = "fixtures/seeds";

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn keep_going() -> IngestOptions {
    IngestOptions {
        keep_going: true,
        ..IngestOptions::default()
    }
}

fn load1(path: &str) -> Result<Loaded, IngestError> {
    load(&[path.to_string()], &opts())
}

fn article(path: &str) -> Article {
    let mut loaded = load1(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.remove(0)
}

fn seed(prefix: &str) -> Article {
    let loaded = load1(SEEDS).unwrap();
    loaded
        .articles
        .into_iter()
        .find(|a| a.document.starts_with(&format!("{SEEDS}/{prefix}")))
        .unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn err(path: &str) -> IngestError {
    load1(path).expect_err("must be refused")
}

/// `analysis_text` is `text` with some characters blanked: same length, same
/// line breaks, every kept byte equal.
fn assert_blanked_copy(a: &Article) {
    assert_eq!(a.analysis_text.len(), a.text.len(), "{}", a.document);
    let (t, x) = (a.text.as_bytes(), a.analysis_text.as_bytes());
    for i in 0..t.len() {
        assert!(
            x[i] == t[i] || (x[i] == b' ' && t[i] != b'\n'),
            "{} byte {i}",
            a.document
        );
    }
    // Kept text is on char boundaries: the analysis text is valid where kept.
    for (i, c) in a.analysis_text.char_indices() {
        if c != ' ' {
            assert!(a.text.is_char_boundary(i));
            assert_eq!(a.text[i..].chars().next(), Some(c));
        }
    }
}

// ---------------------------------------------------------------- seeds

#[test]
fn seed_folder_is_sorted_and_named_as_given() {
    let loaded = load1(SEEDS).unwrap();
    let names: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "fixtures/seeds/000_724588cf6bb420cd.txt",
            "fixtures/seeds/001_a0324c2d154ff1c0.txt",
            "fixtures/seeds/002_5a996a103c87aea1.txt",
            "fixtures/seeds/003_d10228b00b9c0c11.txt",
            "fixtures/seeds/004_d7ac58148a78377f.txt",
        ]
    );
    let slash = load(&[format!("{SEEDS}/")], &opts()).unwrap();
    assert_eq!(slash.articles[0].document, names[0], "no double slash");
    assert!(loaded.skipped.is_empty());
}

#[test]
fn seeds_text_is_the_file_unchanged() {
    for a in load1(SEEDS).unwrap().articles {
        let raw = std::fs::read_to_string(&a.document).unwrap();
        assert_eq!(a.text, raw);
        assert_eq!(a.encoding, "UTF-8");
        assert_blanked_copy(&a);
    }
}

#[test]
fn seed_001_metadata_and_cut() {
    let a = seed("001");
    assert_eq!(a.published, date(2024, 9, 20));
    assert_eq!(a.outlet.as_deref(), Some("البوابة نيوز"));
    assert_eq!(
        a.title.as_deref(),
        Some("المغرب وتركيا يبحثان دعم علاقات التعاون الأمني")
    );
    let cut = a.cut.clone().unwrap();
    assert!(cut.marker.starts_with("كلمات دلالية:"), "{}", cut.marker);
    assert_eq!(cut.span.start, a.text.find("كلمات دلالية").unwrap());
    assert_eq!(cut.span.end, a.text.len());
    assert!(cut.span.start < a.text.find("إقرأ أيضاً:").unwrap());
    // Nothing of the Reuters tail reaches the analysis.
    for tail in [
        "رويترز",
        "نتنياهو",
        "بن جفير",
        "400",
        "إسرائيل",
        "يناير كانون الثاني",
        "إقرأ أيضاً",
    ] {
        assert!(a.text.contains(tail));
        assert!(
            !a.analysis_text.contains(tail),
            "{tail} leaked into the analysis"
        );
    }
    // Metadata and boilerplate lines are blanked; the story stays in place.
    for gone in ["تاريخ النشر", "المصدر:", "تابع أحدث الأخبار عبر تطبيق"]
    {
        assert!(!a.analysis_text.contains(gone), "{gone}");
    }
    let story = "من 19 إلى 21 سبتمبر الجاري";
    let at = a.text.find(story).unwrap();
    assert_eq!(&a.analysis_text[at..at + story.len()], story);
    assert_eq!(a.boilerplate_lines, 1);
}

#[test]
fn seed_002_cut_at_related_articles() {
    let a = seed("002");
    let cut = a.cut.clone().unwrap();
    assert_eq!(cut.marker, "مقالات ذات صلة");
    assert!(!a.analysis_text.contains("زر الذهاب إلى الأعلى"));
    assert_eq!(
        a.title.as_deref(),
        Some("حموشي يبحث مع المسؤولين الأتراك سبل تعزيز التعاون الأمني")
    );
    assert!(a.analysis_text.contains("121 أمرا دوليا"));
    assert!(
        a.analysis_text.contains("لتفكيك الشبكات الإجرامية")
            || a.analysis_text.contains("وتفكيك الشبكات الإجرامية")
    );
}

#[test]
fn seed_003_leave_a_comment_dropped() {
    let a = seed("003");
    assert!(a.text.contains("اترك تعليقاً"));
    assert!(!a.analysis_text.contains("اترك تعليقاً"));
    assert_eq!(a.boilerplate_lines, 1);
    assert_eq!(a.cut, None);
    assert_eq!(
        a.title.as_deref(),
        Some("المغرب يعزز شراكاته الأمنية عالميا خلال الجمعية العامة للأنتربول بمراكش")
    );
    assert_eq!(a.outlet.as_deref(), Some("أفريكا فور بريس"));
    assert!(a.analysis_text.contains("ثلاثة وأربعين اجتماعا"));
    assert!(a.analysis_text.contains("بما يخدم المصالح العليا للمملكة."));
}

#[test]
fn seed_004_comments_and_zero_dropped() {
    let a = seed("004");
    assert_eq!(a.boilerplate_lines, 2);
    let tail = a.text.rfind("تعليقات").unwrap();
    assert!(
        a.analysis_text[tail..].trim().is_empty(),
        "the comment counter is blanked"
    );
    assert_eq!(a.outlet.as_deref(), Some("أش واقع تيفي"));
    assert_eq!(a.title, None);
    assert!(a.analysis_text.contains("من 8 إلى 12 فبراير الجاري"));
}

#[test]
fn seed_000_masthead_and_live_banner() {
    let a = seed("000");
    assert_eq!(a.outlet.as_deref(), Some("راديو إكسبرس"));
    assert_eq!(a.title, None);
    assert!(!a.analysis_text.contains("البث المباشر"));
    assert!(!a.analysis_text.contains("![]()"));
    assert_eq!(a.boilerplate_lines, 2);
    assert!(a.analysis_text.contains("من 18 إلى 20 شتنبر الجاري"));
}

// ------------------------------------------------------------ encodings

#[test]
fn every_encoding_decodes_to_the_same_article() {
    let reference = article("fixtures/ingest/encodings/utf-8.txt");
    for (file, encoding) in [
        ("utf-8-bom.txt", "UTF-8"),
        ("utf-16le-bom.txt", "UTF-16LE"),
        ("utf-16be-bom.txt", "UTF-16BE"),
        ("windows-1256.txt", "windows-1256"),
        ("iso-8859-6.txt", "ISO-8859-6"),
    ] {
        let a = article(&format!("fixtures/ingest/encodings/{file}"));
        assert_eq!(a.encoding, encoding, "{file}");
        assert_eq!(a.text, reference.text, "{file}");
        assert_eq!(a.analysis_text, reference.analysis_text, "{file}");
        assert_eq!(a.title, reference.title, "{file}");
        assert_eq!(a.boilerplate_lines, 1, "{file}");
    }
    assert!(!reference.text.starts_with('\u{feff}'));
}

// ----------------------------------------------------------------- HTML

#[test]
fn html_page_text_and_metadata() {
    let a = article("fixtures/ingest/good/page.html");
    assert_eq!(a.published, date(2026, 2, 8), "JSON-LD datePublished");
    assert_eq!(a.outlet.as_deref(), Some("أش واقع تيفي"));
    assert_eq!(a.title.as_deref(), Some("حموشي في زيارة عمل إلى السعودية"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/hammouchi-riyadh"),
        "canonical wins over og:url"
    );
    assert!(a
        .text
        .starts_with("حموشي في زيارة عمل إلى السعودية\nيقوم المدير العام"));
    assert!(
        a.text.contains("من معرض الدفاع العالمي المقام"),
        "inline elements joined"
    );
    assert!(a.text.contains("الأمنيين.\nوانصبت"), "<br> is a line break");
    // Scripts, styles, navigation, header, footer, aside, figure, share bar,
    // comment section and HTML comments are not article text.
    for junk in [
        "2031",
        "777",
        "font-family",
        "الرئيسية",
        "رياضة",
        "الأكثر قراءة",
        "300",
        "محفوظة",
        "2019",
        "فيسبوك",
        "20 يوما",
        "15 February",
        "اكتب تعليقك",
    ] {
        assert!(!a.text.contains(junk), "{junk} leaked into the text");
    }
    // Then the plain-text rules: the related link inside <article> is cut.
    let cut = a.cut.clone().unwrap();
    assert_eq!(
        cut.marker,
        "اقرأ أيضا: المغرب يشارك في معرض أمني بأنقرة سنة 2024"
    );
    assert!(!a.analysis_text.contains("2024"));
    assert_blanked_copy(&a);
}

// ------------------------------------------------------------- Markdown

#[test]
fn markdown_front_matter() {
    let a = article("fixtures/ingest/good/front-matter.md");
    assert_eq!(
        a.title.as_deref(),
        Some("IGEF 2025: Morocco and Turkey discuss security cooperation")
    );
    assert_eq!(a.published, date(2025, 9, 21));
    assert_eq!(a.outlet.as_deref(), Some("Morocco World News"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/igef-2025"));
    assert!(
        a.analysis_text.starts_with("   \n"),
        "the opening --- is blanked"
    );
    assert!(!a.analysis_text.contains("published:"));
    assert!(!a.analysis_text.contains("Share"));
    assert!(!a.analysis_text.contains("400"));
    assert_eq!(
        a.cut.unwrap().marker,
        "Read also: Morocco to host the Interpol general assembly in November"
    );
    assert!(a.analysis_text.contains("from 18 to 20 September"));
}

// ----------------------------------------------------------- JSON Lines

#[test]
fn json_lines_records() {
    let loaded = load1("fixtures/ingest/good/articles.jsonl").unwrap();
    let docs: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    assert_eq!(
        docs,
        [
            "fixtures/ingest/good/articles.jsonl#a1",
            "fixtures/ingest/good/articles.jsonl#2",
            "fixtures/ingest/good/articles.jsonl#c3"
        ]
    );
    let a1 = &loaded.articles[0];
    assert_eq!(a1.published, date(2024, 9, 20));
    assert_eq!(a1.outlet.as_deref(), Some("وكالة الأناضول"));
    assert_eq!(a1.url.as_deref(), Some("https://example.org/a1"));
    assert_eq!(a1.boilerplate_lines, 2, "تعليقات and 0");
    assert_eq!(
        a1.title.as_deref(),
        Some("حموشي يبحث التعاون الأمني في أنقرة")
    );
    let a2 = &loaded.articles[1];
    assert_eq!(
        a2.title.as_deref(),
        Some("زيارة المعرض"),
        "the record's title wins"
    );
    assert!(a2.cut.is_some());
    assert!(!a2.analysis_text.contains("400"));
    assert!(a2.analysis_text.contains("IGEF 2025"));
    assert_eq!(
        loaded.articles[2].published,
        date(2025, 9, 19),
        "RFC 3339 timestamps are read"
    );
    for a in &loaded.articles {
        assert_blanked_copy(a);
    }
}

#[test]
fn malformed_json_lines_names_the_line() {
    let e = err("fixtures/ingest/bad/malformed.jsonl");
    assert_eq!(e.document, "fixtures/ingest/bad/malformed.jsonl");
    assert!(
        e.problem.starts_with("line 2: not valid JSON"),
        "{}",
        e.problem
    );
}

#[test]
fn malformed_json_lines_with_keep_going_keeps_the_good_records() {
    let loaded = load(
        &["fixtures/ingest/bad/malformed.jsonl".to_string()],
        &keep_going(),
    )
    .unwrap();
    let docs: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    assert_eq!(
        docs,
        [
            "fixtures/ingest/bad/malformed.jsonl#ok1",
            "fixtures/ingest/bad/malformed.jsonl#ok2"
        ]
    );
    let problems: Vec<&str> = loaded.skipped.iter().map(|e| e.problem.as_str()).collect();
    assert_eq!(problems.len(), 4);
    assert!(problems[0].starts_with("line 2: not valid JSON"));
    assert_eq!(
        problems[1],
        "line 3: not an article record: missing field `text`"
    );
    assert_eq!(
        problems[2],
        "line 4: duplicate id \"ok1\" (first on line 1)"
    );
    assert_eq!(
        problems[3],
        "line 5: \"published\" is \"yesterday\", not a date (expected YYYY-MM-DD)"
    );
}

#[test]
fn json_lines_limit_applies_per_line() {
    let options = IngestOptions {
        max_bytes: 240,
        ..IngestOptions::default()
    };
    // The file (694 bytes) is over the limit, yet its short lines are read; the long one is refused.
    let e = load(
        &["fixtures/ingest/good/articles.jsonl".to_string()],
        &options,
    )
    .unwrap_err();
    assert_eq!(
        e.problem,
        "line 1: is 315 bytes, over the limit of 240; raise it with --max-bytes"
    );
    let options = IngestOptions {
        max_bytes: 240,
        keep_going: true,
        ..IngestOptions::default()
    };
    let loaded = load(
        &["fixtures/ingest/good/articles.jsonl".to_string()],
        &options,
    )
    .unwrap();
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(
        loaded.articles[1].document, "fixtures/ingest/good/articles.jsonl#c3",
        "reading resumes after the long line"
    );
}

#[test]
fn json_lines_from_memory() {
    let data = "{\"id\":\"x\",\"text\":\"نص الخبر.\"}\n\n{\"id\":\"y\",\"text\":\"\"}\n";
    let e = read_bytes("mem.jsonl", data.as_bytes(), &opts()).unwrap_err();
    assert_eq!(e.to_string(), "mem.jsonl#y: line 3: no article text");
}

#[test]
fn json_lines_keep_line_order_across_batches_cleaned_in_parallel() {
    // Records are cleaned in batches on all cores: outcomes still come in
    // line order, and a problem stops the run at its own line.
    let mut data = String::new();
    for i in 0..1300 {
        if i == 700 {
            data.push_str("not json\n");
        }
        let text = if i == 1100 {
            ""
        } else {
            "احتضنت مدينة فاس الملتقى."
        };
        data.push_str(&format!("{{\"id\":\"r{i}\",\"text\":\"{text}\"}}\n"));
    }
    let e = read_bytes("mem.jsonl", data.as_bytes(), &opts()).unwrap_err();
    assert!(e.problem.starts_with("line 701: not valid JSON"), "{e}");
    let loaded = read_bytes("mem.jsonl", data.as_bytes(), &keep_going()).unwrap();
    let docs: Vec<&str> = loaded
        .articles
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    let expected: Vec<String> = (0..1300)
        .filter(|&i| i != 1100)
        .map(|i| format!("mem.jsonl#r{i}"))
        .collect();
    assert_eq!(docs, expected);
    let problems: Vec<&str> = loaded.skipped.iter().map(|e| e.problem.as_str()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("line 701: not valid JSON"));
    assert_eq!(problems[1], "line 1102: no article text");
}

// ---------------------------------------------------------- bad inputs

#[test]
fn each_bad_input_has_a_clear_problem() {
    let cases = [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "no article text"),
        ("boilerplate-only.txt", "no article text"),
        (
            "binary.txt",
            "binary file (contains NUL bytes), not an article",
        ),
        ("image.md", "binary file (PNG image), not an article"),
        (
            "corrupted-utf8.txt",
            "invalid UTF-8 at byte 39 (the rest of the file is UTF-8: corrupted or truncated?)",
        ),
    ];
    for (file, problem) in cases {
        let path = format!("fixtures/ingest/bad/{file}");
        let e = err(&path);
        assert_eq!(
            e,
            IngestError {
                document: path.clone(),
                problem: problem.to_string()
            }
        );
        assert!(!e.to_string().contains('\n'), "one line");
    }
}

#[test]
fn missing_path() {
    let e = err("fixtures/ingest/no-such-thing.txt");
    assert_eq!(
        e.to_string(),
        "fixtures/ingest/no-such-thing.txt: no such file or folder"
    );
}

#[test]
fn unreadable_path() {
    // A file used as a folder: the operating system refuses to open it.
    let e = err("fixtures/ingest/encodings/utf-8.txt/inner.txt");
    assert_eq!(e.problem, "cannot be read: not a directory");
}

#[test]
fn over_the_size_limit() {
    let options = IngestOptions {
        max_bytes: 100,
        ..IngestOptions::default()
    };
    let e = load(
        &["fixtures/ingest/encodings/utf-8.txt".to_string()],
        &options,
    )
    .unwrap_err();
    assert_eq!(
        e.problem,
        "is 440 bytes, over the limit of 100; raise it with --max-bytes"
    );
}

#[test]
fn folder_without_articles_and_no_recursion() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap().to_string();
    std::fs::write(dir.path().join("notes.pdf"), b"%PDF-1.4").unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/old.txt"), "نص قديم.").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "نص مخفي.").unwrap();
    let e = load(std::slice::from_ref(&root), &opts()).unwrap_err();
    assert_eq!(e.document, root);
    assert_eq!(
        e.problem,
        "no articles in this folder (looked for .txt, .md, .html, .htm and .jsonl files)"
    );

    std::fs::write(dir.path().join("b.TXT"), "نص ب.").unwrap();
    std::fs::write(dir.path().join("a.md"), "نص أ.").unwrap();
    let loaded = load(std::slice::from_ref(&root), &opts()).unwrap();
    let docs: Vec<String> = loaded.articles.iter().map(|a| a.document.clone()).collect();
    assert_eq!(
        docs,
        [format!("{root}/a.md"), format!("{root}/b.TXT")],
        "sorted, not recursive"
    );
}

#[test]
fn keep_going_skips_and_reports() {
    let loaded = load(
        &["fixtures/ingest/bad".to_string(), SEEDS.to_string()],
        &keep_going(),
    )
    .unwrap();
    assert_eq!(loaded.articles.len(), 2 + 5);
    let skipped: Vec<String> = loaded.skipped.iter().map(|e| e.document.clone()).collect();
    assert_eq!(
        skipped,
        [
            "fixtures/ingest/bad/binary.txt",
            "fixtures/ingest/bad/boilerplate-only.txt",
            "fixtures/ingest/bad/corrupted-utf8.txt",
            "fixtures/ingest/bad/empty.txt",
            "fixtures/ingest/bad/image.md",
            "fixtures/ingest/bad/malformed.jsonl",
            "fixtures/ingest/bad/malformed.jsonl",
            "fixtures/ingest/bad/malformed.jsonl",
            "fixtures/ingest/bad/malformed.jsonl",
            "fixtures/ingest/bad/whitespace.txt",
        ]
    );
}

#[test]
fn without_keep_going_the_first_problem_stops() {
    let e = load(
        &["fixtures/ingest/bad".to_string(), SEEDS.to_string()],
        &opts(),
    )
    .unwrap_err();
    assert_eq!(e.document, "fixtures/ingest/bad/binary.txt");
}

#[test]
fn nothing_left_is_an_error_even_with_keep_going() {
    let paths = [
        "fixtures/ingest/bad/empty.txt".to_string(),
        "fixtures/ingest/missing".to_string(),
    ];
    let e = load(&paths, &keep_going()).unwrap_err();
    assert_eq!(e.problem, "no articles left to compare (2 inputs skipped)");
    assert!(load(&[], &opts()).is_err());
}

#[test]
fn the_same_document_twice_is_read_once() {
    let paths = [
        format!("{SEEDS}/001_a0324c2d154ff1c0.txt"),
        SEEDS.to_string(),
    ];
    let loaded = load(&paths, &opts()).unwrap();
    assert_eq!(loaded.articles.len(), 5);
    assert_eq!(loaded.articles[0].document, paths[0]);
}

#[test]
fn extra_boilerplate_option() {
    let options = IngestOptions {
        extra_boilerplate: vec!["المغرب العربي".to_string()],
        ..IngestOptions::default()
    };
    let loaded = load(&[format!("{SEEDS}/002_5a996a103c87aea1.txt")], &options).unwrap();
    let a = &loaded.articles[0];
    assert_eq!(a.boilerplate_lines, 1);
    assert!(!a.analysis_text.starts_with("المغرب العربي"));
    assert!(
        a.analysis_text.contains("المغرب شريكا دوليا"),
        "the words inside sentences stay"
    );
}

#[test]
fn html_text_in_a_txt_file_is_not_executed_as_markup() {
    // Prose that mentions markup is prose: only a document that starts like a page is parsed.
    let text = "قال الباحث إن الوسم <script> يستعمل في الصفحات.\n";
    let a = read_bytes("note.txt", text.as_bytes(), &opts())
        .unwrap()
        .articles
        .remove(0);
    assert_eq!(a.text, text);
}

// ------------------------------------------------------------ no panics

/// A small deterministic generator (no extra dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn mutated_inputs_never_panic() {
    let mut samples: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in [
        "fixtures/ingest/good",
        "fixtures/ingest/encodings",
        "fixtures/ingest/bad",
    ] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            samples.push((
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    samples.sort();
    let seed = std::fs::read(format!("{SEEDS}/001_a0324c2d154ff1c0.txt")).unwrap();
    samples.push(("seed.txt".to_string(), seed));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let (name, base) = &samples[round % samples.len()];
        let mut bytes = base.clone();
        for _ in 0..(rng.next() % 8) {
            if bytes.is_empty() {
                bytes.push(rng.next() as u8);
                continue;
            }
            let at = (rng.next() as usize) % bytes.len();
            match rng.next() % 4 {
                0 => bytes[at] = rng.next() as u8,
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(
                    at,
                    [b'\n', b'<', b'>', b'"', b'{', 0xD8, 0xFF, b'-'][(rng.next() % 8) as usize],
                ),
                _ => bytes.truncate(at),
            }
        }
        for as_name in [name.as_str(), "x.html", "x.jsonl", "x.md"] {
            if let Ok(loaded) = read_bytes(as_name, &bytes, &keep_going()) {
                for a in &loaded.articles {
                    assert_blanked_copy(a);
                }
            }
        }
    }
}
