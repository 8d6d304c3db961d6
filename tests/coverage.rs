//! Coverage probes (fixtures/coverage, see its README): four events told by
//! outlets of several regions and languages, with planted conflicts and
//! updates that must be found and look-alikes that must not be flagged.

use std::path::{Path, PathBuf};

use factdiff::compare::{compare, Analysis, CompareOptions};
use factdiff::ingest::{self, IngestOptions};
use factdiff::model::{FactKind, Severity, Value};

fn analyse(folder: &str) -> Analysis {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/coverage")
        .join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let articles = ingest::load(&paths, &IngestOptions::default())
        .expect("articles load")
        .articles;
    let analysis = compare(articles, &CompareOptions::default());
    assert_eq!(analysis.events.len(), 1, "{folder}: one event");
    analysis
}

/// (kind, topic, sorted values) of every finding of `severity`.
fn found(a: &Analysis, severity: Severity) -> Vec<(FactKind, String, Vec<String>)> {
    a.events[0]
        .discrepancies
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| {
            let mut values: Vec<String> = d.values.iter().map(|v| v.value.clone()).collect();
            values.sort();
            values.dedup();
            (d.kind, d.topic.clone(), values)
        })
        .collect()
}

fn has(list: &[(FactKind, String, Vec<String>)], topic: &str, values: &[&str]) -> bool {
    list.iter()
        .any(|(_, t, v)| t.starts_with(topic) && values.iter().all(|x| v.iter().any(|y| y == x)))
}

fn people(a: &Analysis) -> Vec<String> {
    a.facts
        .iter()
        .flatten()
        .filter(|f| f.kind == FactKind::Person)
        .filter_map(|f| match &f.value {
            Value::Entity(e) => Some(e.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn collapse_same_day_tolls_conflict_later_tolls_update_units_agree() {
    let a = analyse("collapse");
    let conflicts = found(&a, Severity::Conflict);
    let updates = found(&a, Severity::Update);
    // Planted: the same day, two tolls.
    assert!(has(&conflicts, "deaths", &["7", "8"]), "{conflicts:#?}");
    assert!(has(&conflicts, "injured", &["14", "16"]), "{conflicts:#?}");
    // Planted: the toll rises from Monday to Wednesday.
    assert!(has(&updates, "deaths", &["11"]), "{updates:#?}");
    assert!(has(&updates, "injured", &["12", "14"]), "{updates:#?}");
    assert!(has(&updates, "missing", &["4", "2"]), "{updates:#?}");
    // Not to be flagged: units and nouns in three languages, approximations,
    // the three new victims, the days of statements.
    for (kind, topic, values) in &conflicts {
        assert!(
            topic.starts_with("deaths") || topic.starts_with("injured"),
            "unexpected conflict {kind:?} {topic} {values:?}"
        );
        assert!(
            !values.contains(&"3".to_string()),
            "an increment in {topic}"
        );
    }
    let agreed: Vec<String> = a.events[0]
        .rows
        .iter()
        .filter(|r| r.severity != Some(Severity::Conflict))
        .map(|r| r.topic.clone())
        .collect();
    for topic in ["unit:mm", "shops", "floors", "evacuated"] {
        assert!(
            agreed.iter().any(|t| t.starts_with(topic)),
            "{topic} is compared and agrees: {agreed:?}"
        );
    }
}

#[test]
fn election_turnout_conflicts_other_subjects_and_shares_never_meet() {
    let a = analyse("election");
    let conflicts = found(&a, Severity::Conflict);
    assert!(
        has(&conflicts, "turnout", &["61.3%", "63.1%"]),
        "{conflicts:#?}"
    );
    for (kind, topic, values) in &conflicts {
        assert!(
            topic.starts_with("turnout"),
            "unexpected conflict {kind:?} {topic} {values:?}"
        );
        // The previous election's 54 % is not this turnout.
        assert!(!values.contains(&"54%".to_string()), "{values:?}");
    }
    // Turnout is a running count (data/counted.toml): Sunday's 61.3 % and
    // Monday's 63.1 % read as an update; Monday's two outlets conflict.
    for (kind, topic, values) in found(&a, Severity::Update) {
        assert!(
            topic.starts_with("turnout"),
            "unexpected update {kind:?} {topic} {values:?}"
        );
    }
    let names = people(&a);
    assert!(!names.iter().any(|n| n.contains("بنسبة")), "{names:?}");
}

#[test]
fn match_spectators_conflict_goal_minutes_and_the_team_do_not() {
    let a = analyse("match");
    let conflicts = found(&a, Severity::Conflict);
    assert!(has(&conflicts, "visitors", &["55000"]), "{conflicts:#?}");
    for (kind, topic, values) in &conflicts {
        assert!(
            topic.starts_with("visitors"),
            "unexpected conflict {kind:?} {topic} {values:?}"
        );
    }
    let names = people(&a);
    assert!(!names.iter().any(|n| n.contains("جاهز")), "{names:?}");
    // The return leg "بالقاهرة" is a later match, not this one's venue.
    let venues: Vec<String> = a.events[0]
        .rows
        .iter()
        .filter(|r| r.kind == FactKind::Place && r.topic.starts_with("venue"))
        .flat_map(|r| r.cells.iter().flatten().map(|c| c.value.clone()))
        .collect();
    assert!(!venues.iter().any(|v| v == "القاهره"), "{venues:?}");
    // Institutions and clubs are organisations.
    let orgs: Vec<String> = a
        .facts
        .iter()
        .flatten()
        .filter(|f| f.kind == FactKind::Organization)
        .map(|f| f.text.clone())
        .collect();
    assert!(orgs.iter().any(|o| o == "فريق الوداد الرياضي"), "{orgs:?}");
    assert!(orgs.iter().any(|o| o == "النادي الأهلي"), "{orgs:?}");
}

#[test]
fn visit_co_signatory_is_no_counterpart_and_institutions_are_read() {
    let a = analyse("visit");
    let conflicts = found(&a, Severity::Conflict);
    assert!(
        !conflicts
            .iter()
            .any(|(k, _, _)| matches!(k, FactKind::Person | FactKind::Title)),
        "{conflicts:#?}"
    );
    let orgs: Vec<String> = a
        .facts
        .iter()
        .flatten()
        .filter(|f| f.kind == FactKind::Organization)
        .map(|f| f.text.clone())
        .collect();
    for want in [
        "وزارة العدل",
        "محكمة النقض",
        "المحكمة الابتدائية بالرباط",
        "وكالة المغرب العربي للأنباء",
        "المديرية العامة للأمن الوطني",
        "للمجلس الأعلى للسلطة القضائية",
    ] {
        assert!(orgs.iter().any(|o| o == want), "{want} in {orgs:?}");
    }
}
