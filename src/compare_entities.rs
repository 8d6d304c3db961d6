//! Differences about people, places and organisations within one event.
//!
//! Given the articles of one event group and their facts, the entity
//! mentions are resolved across articles (`resolve::cluster`), then:
//! - **participant conflict** (`person`, conflict, topic "counterpart"): two
//!   articles name counterparts of the meeting and share none of them;
//! - **place conflict** (`place`, conflict, topic "venue"): two articles
//!   place the event in venues that share no city (or no country);
//! - **title conflict** (`title`, conflict): one person, titles of different
//!   offices or complements that disagree (see `entity::same_title`);
//! - **variant** (`person`, variant): one person spelled differently;
//! - **omission** (`person`, omission): a person with a title or a role in
//!   the story that only some articles name (people already in a
//!   participant conflict are not repeated).
//!
//! A group of one article yields nothing. The order is deterministic:
//! conflicts, variants, omissions; then by kind and first position.

use std::collections::{BTreeSet, HashMap};

use crate::extract::entity;
use crate::model::{
    Article, Claim, Discrepancy, EntityValue, Fact, FactKind, Role, Severity, Value,
};
use crate::normalize::fold;
use crate::resolve;

struct Mention<'a> {
    doc: usize,
    fact: &'a Fact,
    value: &'a EntityValue,
}

/// Compares the entities of the articles of ONE event.
pub fn compare(docs: &[(&Article, &[Fact])]) -> Vec<Discrepancy> {
    compare_with(docs, entity::builtin_lexicon())
}

/// [`compare`] with a run's own lexicon (built-in plus the config's
/// `[gazetteer]` extras), so that an extra city counts as part of its country.
pub fn compare_with(docs: &[(&Article, &[Fact])], lex: &entity::Lexicon) -> Vec<Discrepancy> {
    if docs.len() < 2 {
        return Vec::new();
    }
    let mut mentions: Vec<Mention> = Vec::new();
    for (d, (_, facts)) in docs.iter().enumerate() {
        for f in facts.iter() {
            if let (FactKind::Person | FactKind::Place | FactKind::Organization, Value::Entity(v)) =
                (f.kind, &f.value)
            {
                mentions.push(Mention {
                    doc: d,
                    fact: f,
                    value: v,
                });
            }
        }
    }
    let input: Vec<(usize, &Fact)> = mentions.iter().map(|m| (m.doc, m.fact)).collect();
    let clusters = resolve::cluster(&input);
    let mut cluster_of = vec![0; mentions.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    let name = |c: usize| display_name(&mentions, &clusters[c]);
    let claim = |m: &Mention| Claim::from_fact(docs[m.doc].0, m.fact);
    let doc_name = |d: usize| docs[d].0.document.clone();

    let mut out = Vec::new();

    // Participant conflict: the counterparts named by each article.
    let mut counterparts: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, m) in mentions.iter().enumerate() {
        if m.fact.kind == FactKind::Person
            && m.value.role == Role::Counterpart
            && !counterparts[m.doc].contains(&cluster_of[i])
        {
            counterparts[m.doc].push(cluster_of[i]);
        }
    }
    let mut in_participant_conflict: BTreeSet<usize> = BTreeSet::new();
    if disjoint_pair(&counterparts) {
        let mut values = Vec::new();
        let mut sides = Vec::new();
        for (d, cs) in counterparts.iter().enumerate() {
            if cs.is_empty() {
                continue;
            }
            let mut names = Vec::new();
            for &c in cs {
                in_participant_conflict.insert(c);
                if let Some(m) = clusters[c]
                    .iter()
                    .map(|&i| &mentions[i])
                    .find(|m| m.doc == d && m.value.role == Role::Counterpart)
                {
                    values.push(claim(m));
                    names.push(m.value.name.clone());
                }
            }
            sides.push(format!("{}: {}", doc_name(d), names.join(", ")));
        }
        out.push(Discrepancy {
            kind: FactKind::Person,
            severity: Severity::Conflict,
            topic: "counterpart".to_string(),
            message: format!("different counterparts met: {}", sides.join(" vs ")),
            values,
            missing: (0..docs.len())
                .filter(|&d| counterparts[d].is_empty())
                .map(doc_name)
                .collect(),
        });
    }

    // Place conflict: the venues of each article.
    let mut venues: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, m) in mentions.iter().enumerate() {
        if m.fact.kind == FactKind::Place
            && m.value.role == Role::Venue
            && !venues[m.doc].contains(&cluster_of[i])
        {
            venues[m.doc].push(cluster_of[i]);
        }
    }
    let key_of = |c: usize| mentions[clusters[c][0]].value.key.clone();
    let cities: Vec<Vec<String>> = venues
        .iter()
        .map(|cs| {
            cs.iter()
                .map(|&c| key_of(c))
                .filter(|k| lex.is_city(k))
                .collect()
        })
        .collect();
    let countries: Vec<Vec<String>> = venues
        .iter()
        .map(|cs| {
            let mut v: Vec<String> = cs
                .iter()
                .filter_map(|&c| lex.country_of(&key_of(c)).map(str::to_string))
                .collect();
            v.dedup();
            v
        })
        .collect();
    if disjoint_pair(&cities) || disjoint_pair(&countries) {
        let mut values = Vec::new();
        let mut sides = Vec::new();
        for (d, cs) in venues.iter().enumerate() {
            let mut names = Vec::new();
            for &c in cs {
                if let Some(m) = clusters[c]
                    .iter()
                    .map(|&i| &mentions[i])
                    .find(|m| m.doc == d && m.value.role == Role::Venue)
                {
                    values.push(claim(m));
                    names.push(m.value.name.clone());
                }
            }
            if !names.is_empty() {
                sides.push(format!("{}: {}", doc_name(d), names.join(", ")));
            }
        }
        out.push(Discrepancy {
            kind: FactKind::Place,
            severity: Severity::Conflict,
            topic: "venue".to_string(),
            message: format!("different venues: {}", sides.join(" vs ")),
            values,
            missing: (0..docs.len())
                .filter(|&d| venues[d].is_empty())
                .map(doc_name)
                .collect(),
        });
    }

    for (c, members) in clusters.iter().enumerate() {
        let kind = mentions[members[0]].fact.kind;
        if kind != FactKind::Person {
            continue;
        }
        let mut by_doc: Vec<Vec<&Mention>> = vec![Vec::new(); docs.len()];
        for &i in members {
            by_doc[mentions[i].doc].push(&mentions[i]);
        }
        let present: Vec<usize> = (0..docs.len()).filter(|&d| !by_doc[d].is_empty()).collect();

        // Title conflict.
        let titled: Vec<(usize, Vec<&Mention>)> = present
            .iter()
            .map(|&d| {
                let ts: Vec<&Mention> = by_doc[d]
                    .iter()
                    .copied()
                    .filter(|m| {
                        m.value
                            .title
                            .as_deref()
                            .is_some_and(|t| entity::title_signature_in(lex, t).office.is_some())
                    })
                    .collect();
                (d, ts)
            })
            .filter(|(_, ts)| !ts.is_empty())
            .collect();
        let mut conflict = false;
        for (x, (_, ta)) in titled.iter().enumerate() {
            for (_, tb) in &titled[x + 1..] {
                let compatible = ta.iter().any(|a| {
                    tb.iter().any(|b| match (&a.value.title, &b.value.title) {
                        (Some(s), Some(t)) => entity::same_title_in(lex, s, t),
                        _ => true,
                    })
                });
                conflict |= !compatible;
            }
        }
        if conflict {
            let mut values = Vec::new();
            let mut sides = Vec::new();
            for (d, ts) in &titled {
                let m = ts[0];
                let (Some(title), Some(span)) = (&m.value.title, m.value.title_span) else {
                    continue;
                };
                let mut cl = claim(m);
                cl.text = title.clone();
                cl.span = span;
                cl.value = fold(title);
                values.push(cl);
                sides.push(format!("«{title}» ({})", doc_name(*d)));
            }
            out.push(Discrepancy {
                kind: FactKind::Title,
                severity: Severity::Conflict,
                topic: name(c),
                message: format!("{} has different titles: {}", name(c), sides.join(" vs ")),
                values,
                missing: Vec::new(),
            });
        }

        // Variant: the fullest spelling of each article differs.
        let spellings: Vec<(usize, &Mention)> = present
            .iter()
            .filter_map(|&d| {
                by_doc[d]
                    .iter()
                    .copied()
                    .max_by_key(|m| (m.value.key.len(), std::cmp::Reverse(m.fact.span.start)))
                    .map(|m| (d, m))
            })
            .collect();
        let distinct: BTreeSet<&str> = spellings
            .iter()
            .map(|(_, m)| m.value.key.as_str())
            .collect();
        if distinct.len() >= 2 {
            let sides: Vec<String> = spellings
                .iter()
                .map(|(d, m)| format!("«{}» ({})", m.value.name, doc_name(*d)))
                .collect();
            out.push(Discrepancy {
                kind,
                severity: Severity::Variant,
                topic: name(c),
                message: format!("one person spelled differently: {}", sides.join(", ")),
                values: spellings.iter().map(|(_, m)| claim(m)).collect(),
                missing: Vec::new(),
            });
        }

        // Omission: a person with a title or a role, named by some articles only.
        let notable = members.iter().any(|&i| {
            let v = mentions[i].value;
            v.title.is_some() || matches!(v.role, Role::Host | Role::Visitor | Role::Counterpart)
        });
        if notable && present.len() < docs.len() && !in_participant_conflict.contains(&c) {
            out.push(Discrepancy {
                kind,
                severity: Severity::Omission,
                topic: name(c),
                message: format!(
                    "{} is named by {} of {} articles",
                    name(c),
                    present.len(),
                    docs.len()
                ),
                values: present.iter().map(|&d| claim(by_doc[d][0])).collect(),
                missing: (0..docs.len())
                    .filter(|d| !present.contains(d))
                    .map(doc_name)
                    .collect(),
            });
        }
    }

    let order: HashMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, (a, _))| (a.document.clone(), i))
        .collect();
    let first = |d: &Discrepancy| {
        d.values.first().map_or((usize::MAX, usize::MAX), |c| {
            (
                order.get(&c.document).copied().unwrap_or(usize::MAX),
                c.span.start,
            )
        })
    };
    out.sort_by(|a, b| {
        (a.severity, a.kind, first(a), &a.topic).cmp(&(b.severity, b.kind, first(b), &b.topic))
    });
    out
}

/// Do two articles both give a non-empty set, and share nothing?
fn disjoint_pair<T: PartialEq>(sets: &[Vec<T>]) -> bool {
    sets.iter().enumerate().any(|(x, a)| {
        !a.is_empty()
            && sets[x + 1..]
                .iter()
                .any(|b| !b.is_empty() && !a.iter().any(|v| b.contains(v)))
    })
}

/// The fullest name of a cluster as written.
fn display_name(mentions: &[Mention], members: &[usize]) -> String {
    members
        .iter()
        .map(|&i| &mentions[i])
        .max_by_key(|m| {
            (
                m.value.key.len(),
                std::cmp::Reverse((m.doc, m.fact.span.start)),
            )
        })
        .map_or_else(String::new, |m| m.value.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};

    const SEED_000: &str = include_str!("../fixtures/seeds/000_724588cf6bb420cd.txt");
    const SEED_001: &str = include_str!("../fixtures/seeds/001_a0324c2d154ff1c0.txt");
    const SEED_002: &str = include_str!("../fixtures/seeds/002_5a996a103c87aea1.txt");
    const SEED_003: &str = include_str!("../fixtures/seeds/003_d10228b00b9c0c11.txt");

    /// An article whose analysis stops at `cut` (blanked to spaces, as ingest does).
    fn article(name: &str, text: &str, cut: Option<&str>) -> Article {
        let mut a = Article::from_text(name, text);
        if let Some(at) = cut.and_then(|c| text.find(c)) {
            let blank: String = text[at..].bytes().map(|_| ' ').collect();
            a.analysis_text = format!("{}{}", &text[..at], blank);
        }
        a
    }

    fn run(articles: &[Article]) -> Vec<Discrepancy> {
        let opts = ExtractOptions::default();
        let facts: Vec<Vec<Fact>> = articles.iter().map(|a| extract(a, &opts)).collect();
        let docs: Vec<(&Article, &[Fact])> = articles
            .iter()
            .zip(&facts)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        compare(&docs)
    }

    fn ankara() -> Vec<Article> {
        vec![
            article("000", SEED_000, None),
            article("001", SEED_001, Some("إقرأ أيضاً:")),
            article("002", SEED_002, None),
        ]
    }

    #[test]
    fn hammouchi_is_one_entity_without_conflict() {
        let out = run(&ankara());
        let about: Vec<&Discrepancy> = out
            .iter()
            .filter(|d| d.topic.contains("حموشي") || d.message.contains("حموشي"))
            .collect();
        assert!(
            about.iter().all(|d| d.severity == Severity::Variant),
            "{about:#?}"
        );
        assert!(!out
            .iter()
            .any(|d| d.kind == FactKind::Title && d.topic.contains("حموشي")));
        assert!(!out
            .iter()
            .any(|d| d.severity == Severity::Omission && d.topic.contains("حموشي")));
    }

    #[test]
    fn karaloglu_has_a_title_conflict() {
        let out = run(&ankara());
        let d = out
            .iter()
            .find(|d| d.kind == FactKind::Title && d.topic == "منير كارال أوغلو")
            .unwrap_or_else(|| panic!("no title conflict for Karaloğlu: {out:#?}"));
        assert_eq!(d.severity, Severity::Conflict);
        let quotes: Vec<(&str, &str)> = d
            .values
            .iter()
            .map(|c| (c.document.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            quotes,
            vec![
                ("001", "الوزير المنتدب في وزارة الداخلية التركية"),
                ("002", "نائب وزير الداخلية التركي")
            ]
        );
        let a = &ankara()[1];
        assert_eq!(
            a.quote(d.values[0].span),
            "الوزير المنتدب في وزارة الداخلية التركية"
        );
    }

    #[test]
    fn yildiz_is_a_variant_of_one_person_with_a_title_conflict() {
        let out = run(&ankara());
        let variant = out
            .iter()
            .find(|d| {
                d.severity == Severity::Variant
                    && d.kind == FactKind::Person
                    && d.message.contains("يلدز")
            })
            .unwrap_or_else(|| panic!("no variant for Yıldız: {out:#?}"));
        let names: Vec<&str> = variant.values.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(names, vec!["سلامي يلديز", "سلامي يلدز"]);
        let title = out
            .iter()
            .find(|d| d.kind == FactKind::Title && d.message.contains("سلامي"))
            .unwrap_or_else(|| panic!("no title conflict for Yıldız: {out:#?}"));
        let quotes: Vec<&str> = title.values.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            quotes,
            vec![
                "المدير العام للاستعلامات",
                "رئيس دائرة الاستخبارات بالمديرية العامة للأمن"
            ]
        );
    }

    #[test]
    fn demirtas_vs_karaloglu_and_yildiz_is_a_counterpart_conflict() {
        let out = run(&ankara());
        let d = out
            .iter()
            .find(|d| d.topic == "counterpart")
            .unwrap_or_else(|| panic!("no counterpart conflict: {out:#?}"));
        assert_eq!((d.kind, d.severity), (FactKind::Person, Severity::Conflict));
        let claims: Vec<(&str, &str)> = d
            .values
            .iter()
            .map(|c| (c.document.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            claims,
            vec![
                ("000", "محمود ديميرتاش"),
                ("001", "منير كارال أوغلو"),
                ("001", "سلامي يلديز"),
                ("002", "منير كارال أوغلو"),
                ("002", "سلامي يلدز"),
            ]
        );
        // The participants of the conflict are not repeated as omissions.
        assert!(!out.iter().any(|d| d.severity == Severity::Omission
            && (d.topic.contains("ديميرتاش") || d.topic.contains("يلد"))));
    }

    #[test]
    fn ankara_group_has_no_place_conflict_and_a_deterministic_order() {
        let out = run(&ankara());
        assert!(!out.iter().any(|d| d.kind == FactKind::Place), "{out:#?}");
        assert_eq!(out, run(&ankara()));
        let severities: Vec<Severity> = out.iter().map(|d| d.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
    }

    #[test]
    fn a_group_of_one_yields_nothing() {
        assert!(run(&ankara()[..1]).is_empty());
        assert!(compare(&[]).is_empty());
    }

    #[test]
    fn different_venues_are_a_place_conflict() {
        let a = article(
            "a",
            "احتضنت مدينة مراكش أشغال الجمعية العامة للأنتربول.",
            None,
        );
        let b = article(
            "b",
            "احتضنت مدينة الرباط أشغال الجمعية العامة للأنتربول.",
            None,
        );
        let out = run(&[a, b]);
        let d = out
            .iter()
            .find(|d| d.kind == FactKind::Place)
            .unwrap_or_else(|| panic!("{out:#?}"));
        assert_eq!(d.severity, Severity::Conflict);
        let quotes: Vec<&str> = d.values.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(quotes, vec!["مراكش", "الرباط"]);
    }

    #[test]
    fn a_city_and_its_country_are_not_a_place_conflict() {
        let a = article("a", "شهدت العاصمة التركية أنقرة زيارة عمل للوفد.", None);
        let b = article(
            "b",
            "في إطار زيارة عمل إلى تركيا، التقى الوفد مسؤولين.",
            None,
        );
        let out = run(&[a, b]);
        assert!(!out.iter().any(|d| d.kind == FactKind::Place), "{out:#?}");
    }

    #[test]
    fn a_titled_person_named_by_one_article_only_is_an_omission() {
        let a = article("000", SEED_000, None);
        let c = article("003", SEED_003, None);
        let out = run(&[a, c]);
        let d = out
            .iter()
            .find(|d| d.severity == Severity::Omission && d.topic == "محمود ديميرتاش")
            .unwrap_or_else(|| panic!("{out:#?}"));
        assert_eq!(d.missing, vec!["003".to_string()]);
        // Countries in a list are never omissions.
        assert!(out
            .iter()
            .all(|d| d.kind != FactKind::Place || d.severity != Severity::Omission));
    }
}

#[cfg(test)]
mod extras_tests {
    use super::*;
    use crate::extract::{self, entity::Extras, ExtractOptions};
    use crate::model::Severity;

    #[test]
    fn an_extra_city_takes_part_in_venue_comparison() {
        let extras = Extras {
            places: vec!["شفشاون = المغرب".to_string()],
            ..Extras::default()
        };
        let lexicon = entity::lexicon_with(&extras).unwrap();
        let options = ExtractOptions {
            lexicon: Some(lexicon.clone()),
            ..ExtractOptions::default()
        };
        let a = Article::from_text(
            "a",
            "احتضنت مدينة شفشاون يوم الخميس أشغال الملتقى الجهوي للأمن السياحي بحضور وفود أجنبية.",
        );
        let b = Article::from_text(
            "b",
            "احتضنت مدينة الرباط يوم الخميس أشغال الملتقى الجهوي للأمن السياحي بحضور وفود أجنبية.",
        );
        let (fa, fb) = (
            extract::extract(&a, &options),
            extract::extract(&b, &options),
        );
        let docs: Vec<(&Article, &[Fact])> = vec![(&a, &fa), (&b, &fb)];
        let place_conflict = |ds: &[Discrepancy]| {
            ds.iter()
                .any(|d| d.kind == FactKind::Place && d.severity == Severity::Conflict)
        };
        assert!(
            place_conflict(&compare_with(&docs, &lexicon)),
            "Chefchaouen and Rabat are two cities"
        );
        // The built-in lexicon alone does not know the extra city, and misses the conflict.
        assert!(!place_conflict(&compare(&docs)));
    }
}
