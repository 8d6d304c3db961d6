//! Grouping on real coverage: the newsroom development set (purity,
//! cross-language members, distractors), folder independence, the seeds,
//! and wire copy above the blocking threshold.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use factdiff::compare::{compare, CompareOptions};
use factdiff::ingest::{self, IngestOptions};
use factdiff::model::{Article, Severity};

fn newsroom() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/newsroom");
    if dir.join("gold.json").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not beside the checkout", dir.display());
        None
    }
}

fn load(paths: &[PathBuf]) -> Vec<Article> {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    ingest::load(&paths, &IngestOptions::default())
        .expect("articles load")
        .articles
}

fn file_name(doc: &str) -> String {
    Path::new(doc)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The groups of a run, as sets of file names.
fn groups(articles: Vec<Article>) -> BTreeSet<BTreeSet<String>> {
    group_names(&compare(articles, &CompareOptions::default()))
}

fn group_names(analysis: &factdiff::compare::Analysis) -> BTreeSet<BTreeSet<String>> {
    analysis
        .events
        .iter()
        .map(|e| {
            e.group
                .members
                .iter()
                .map(|&i| file_name(&analysis.articles[i].document))
                .collect()
        })
        .collect()
}

fn gold_clusters(dir: &Path) -> Vec<BTreeSet<String>> {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    gold["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c.as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// Purity of `a` against `b`: each group of `a` counts its largest overlap with one of `b`.
fn purity(a: &BTreeSet<BTreeSet<String>>, b: &[BTreeSet<String>]) -> f64 {
    let total: usize = a.iter().map(BTreeSet::len).sum();
    let hit: usize = a
        .iter()
        .map(|g| {
            b.iter()
                .map(|h| g.intersection(h).count())
                .max()
                .unwrap_or(0)
        })
        .sum();
    hit as f64 / total as f64
}

#[test]
fn newsroom_events_group_across_outlets_and_languages_and_distractors_stay_apart() {
    let Some(dir) = newsroom() else { return };
    let got = groups(load(&[dir.join("articles")]));
    let gold = gold_clusters(&dir);
    let got_vec: Vec<BTreeSet<String>> = got.iter().cloned().collect();
    let gold_set: BTreeSet<BTreeSet<String>> = gold.iter().cloned().collect();
    let p = purity(&got, &gold);
    let inverse = purity(&gold_set, &got_vec);
    assert!(
        p >= 0.97 && inverse >= 0.95,
        "purity {p:.2} inverse {inverse:.2}: {got:?}"
    );
    // Every French and English article is with its event's Arabic coverage.
    for doc in ["n01_b.txt", "n02_b.txt", "n04_b.txt", "n05_b.txt"] {
        let g = got.iter().find(|g| g.contains(doc)).unwrap();
        assert!(g.len() >= 3, "{doc} in {g:?}");
    }
    // No distractor joins anything.
    for doc in ["n09_a.txt", "n10_a.txt", "n11_a.txt", "n12_a.txt"] {
        let g = got.iter().find(|g| g.contains(doc)).unwrap();
        assert_eq!(g.len(), 1, "{doc} in {g:?}");
    }
}

#[test]
fn each_event_alone_groups_as_inside_the_whole_folder() {
    let Some(dir) = newsroom() else { return };
    let whole = groups(load(&[dir.join("articles")]));
    for cluster in gold_clusters(&dir) {
        let paths: Vec<PathBuf> = cluster
            .iter()
            .map(|d| dir.join("articles").join(d))
            .collect();
        let alone = groups(load(&paths));
        let restricted: BTreeSet<BTreeSet<String>> = whole
            .iter()
            .map(|g| {
                g.intersection(&cluster)
                    .cloned()
                    .collect::<BTreeSet<String>>()
            })
            .filter(|g| !g.is_empty())
            .collect();
        assert_eq!(alone, restricted, "{cluster:?}");
    }
}

#[test]
fn seeds_still_group_as_three_events() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let got = groups(load(&[dir]));
    let prefixes: BTreeSet<Vec<String>> = got
        .iter()
        .map(|g| g.iter().map(|d| d[..3].to_string()).collect())
        .collect();
    let want: BTreeSet<Vec<String>> = [vec!["000", "001", "002"], vec!["003"], vec!["004"]]
        .into_iter()
        .map(|g| g.into_iter().map(String::from).collect())
        .collect();
    assert_eq!(prefixes, want);
}

#[test]
fn wire_copy_above_the_all_pairs_limit_still_groups_and_finds_the_conflict() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let seed = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| file_name(&p.display().to_string()).starts_with("000"))
        .unwrap();
    let text = std::fs::read_to_string(&seed).unwrap();
    assert!(text.contains("من 18 إلى 20"));
    let mut articles: Vec<Article> = (0..500)
        .map(|i| Article::from_text(format!("copy-{i:04}"), text.clone()))
        .collect();
    articles.push(Article::from_text(
        "copy-odd",
        text.replace("من 18 إلى 20", "من 19 إلى 21"),
    ));
    let analysis = compare(articles, &CompareOptions::default());
    assert_eq!(analysis.events.len(), 1, "one event of 501 copies");
    let conflicts: Vec<_> = analysis.events[0]
        .discrepancies
        .iter()
        .filter(|d| {
            d.severity == Severity::Conflict && d.values.iter().any(|v| v.document == "copy-odd")
        })
        .collect();
    assert!(!conflicts.is_empty(), "the odd copy's dates are a conflict");
}

fn fixture_groups(folder: &str) -> factdiff::compare::Analysis {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    compare(load(&paths), &CompareOptions::default())
}

fn names(files: &[&str]) -> BTreeSet<String> {
    files.iter().map(|s| s.to_string()).collect()
}

fn why_not(analysis: &factdiff::compare::Analysis) -> Vec<String> {
    analysis
        .events
        .iter()
        .filter_map(|e| e.group.nearest.as_ref())
        .flat_map(|n| n.why_not.clone())
        .collect()
}

/// Floods and a festival in one city, a day apart, with the same governor
/// and council president: the officials and the setting are shared, the
/// story is not.
#[test]
fn another_kind_of_event_with_the_same_officials_stays_apart() {
    let analysis = fixture_groups("kinds");
    let floods = names(&["floods_a.txt", "floods_b.txt", "floods_c.txt"]);
    let festival = names(&["festival_a.txt"]);
    assert_eq!(
        group_names(&analysis),
        [floods, festival].into_iter().collect()
    );
    let why = why_not(&analysis);
    assert!(why.iter().any(|w| w.contains("festival")), "{why:?}");
}

/// Three outlets' verdict coverage and the appeal ruling four months later:
/// the same defendant, court, city and figures, another stage of the story.
#[test]
fn a_later_stage_of_one_story_stays_apart_and_says_why() {
    let analysis = fixture_groups("stages");
    let verdict = names(&["verdict_a.txt", "verdict_b.txt", "verdict_c.txt"]);
    let appeal = names(&["appeal_a.txt"]);
    assert_eq!(
        group_names(&analysis),
        [verdict, appeal].into_iter().collect()
    );
    let why = why_not(&analysis);
    assert!(
        why.iter().any(|w| w.contains("appeal")),
        "the report names the stage: {why:?}"
    );
}

/// A market fire told in Arabic and French, and a fire in another city a
/// week later: the same incident in one city on the same days is one event
/// even when the reports share no word and name no one.
#[test]
fn one_incident_groups_across_languages_and_another_fire_stays_apart() {
    let analysis = fixture_groups("incidents");
    let oran = names(&["fire_a.txt", "fire_b.txt", "fire_c.txt"]);
    let constantine = names(&["other_fire_a.txt"]);
    assert_eq!(
        group_names(&analysis),
        [oran, constantine].into_iter().collect()
    );
    let why = why_not(&analysis);
    assert!(
        why.iter().any(|w| w.contains("Constantine")),
        "the report names the other city: {why:?}"
    );
    assert!(
        !why.iter().any(|w| w.contains("El Jadida")),
        "«المدينة الجديدة» is no city: {why:?}"
    );
}

/// Two matches of one tournament at one stadium on consecutive days: the
/// players tell them apart, and join each English report to its match.
#[test]
fn two_matches_at_one_stadium_stay_apart_and_each_report_joins_its_match() {
    let analysis = fixture_groups("matches");
    let first = names(&["first_a.txt", "first_b.txt", "first_c.txt"]);
    let second = names(&["second_a.txt", "second_b.txt"]);
    assert_eq!(
        group_names(&analysis),
        [first, second].into_iter().collect()
    );
    // One team's two goals (23rd and 81st minute) are not one fact: a
    // minute is compared only under its scorer's name.
    let minutes: Vec<String> = analysis
        .events
        .iter()
        .flat_map(|e| &e.discrepancies)
        .filter(|d| d.severity == Severity::Conflict && d.topic.contains("minute"))
        .map(|d| d.message.clone())
        .collect();
    assert!(minutes.is_empty(), "{minutes:?}");
}

/// A session told in Arabic, French and English, and the previous session.
#[test]
fn a_session_groups_across_three_languages_and_the_previous_one_stays_apart() {
    let analysis = fixture_groups("commission");
    let fifth = names(&["fifth_a.txt", "fifth_b.txt", "fifth_c.txt", "fifth_d.txt"]);
    let fourth = names(&["fourth_a.txt"]);
    assert_eq!(
        group_names(&analysis),
        [fifth, fourth].into_iter().collect()
    );
    let outlets: BTreeSet<String> = analysis
        .articles
        .iter()
        .filter_map(|a| a.outlet.clone())
        .collect();
    for outlet in [
        "صوت الأطلس",
        "الوكالة الموريتانية للأنباء الرقمية",
        "Le Courrier du Sahel",
        "Maghreb Wire",
    ] {
        assert!(outlets.contains(outlet), "{outlet}: {outlets:?}");
    }
}
