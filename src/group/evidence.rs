//! Are two articles about one event? The evidence, channel by channel, and
//! the rule that keeps other events apart.
//!
//! Each channel of the two signatures agrees, disagrees or says nothing:
//!
//! | channel | agrees | disagrees |
//! |---|---|---|
//! | when | a stated date or range overlaps | every date ≥ 3 days apart (≥ 20 when a year or a stated date is missing and the publication date stands in) |
//! | where | each first city is named by the other (or the same) | the first cities differ and one is not named by the other |
//! | edition | same edition number | different numbers |
//! | tag | a shared event tag | tags, none shared |
//! | people | a person in both (across scripts) | – |
//! | figures | two distinctive figures in both | – |
//! | text | background-weighted cosine ≥ 0.35 | – |
//!
//! **Separation rule.** Two articles are kept apart when the disagreements
//! weigh 2 or more, or weigh 1 and fewer than two channels agree. A
//! different edition or event tag weighs 2 unless the dates agree (then 1):
//! another edition of a fair, another meeting in the same city the next day.
//! Other disagreements weigh 1: another trip (other dates *and* another
//! city), a later earthquake in the same region (other dates and another
//! epicentre), the previous edition (other year *and* other number) all
//! reach 2. One outlet's wrong year or month inside otherwise matching
//! coverage (same edition, people, figures) weighs 1 against several
//! agreements and still groups: that is the conflict the user must see.
//!
//! **Score.** When not kept apart, the pair's score is the text cosine
//! combined (1 − (1 − a)(1 − b)) with the signature's weight of evidence:
//! counted only when two channels other than text agree, so that a person
//! or a city alone never joins two articles.

use super::signature::{Signature, When};

/// Text cosine at which the words alone count as an agreeing channel.
pub const TEXT_AGREES: f64 = 0.35;

/// One channel's finding, worded for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub channel: &'static str,
    pub detail: String,
}

/// The evidence between two articles.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub agree: Vec<Finding>,
    pub disagree: Vec<Finding>,
    /// Weight of the disagreements (see the module doc).
    pub against: u32,
    /// Weight of the agreeing signature channels, 0 unless two agree.
    pub weight: f64,
}

impl Evidence {
    /// Kept apart by the separation rule.
    pub fn separated(&self) -> bool {
        self.against >= 2 || (self.against == 1 && self.agree.len() < 2)
    }

    /// The pair's score given the text cosine.
    pub fn score(&self, cosine: f64) -> f64 {
        if self.separated() {
            return 0.0;
        }
        1.0 - (1.0 - cosine) * (1.0 - self.weight)
    }
}

fn agree(e: &mut Evidence, channel: &'static str, detail: String) {
    e.agree.push(Finding { channel, detail });
}

fn disagree(e: &mut Evidence, channel: &'static str, detail: String, weight: u32) {
    e.disagree.push(Finding { channel, detail });
    e.against += weight;
}

/// Compares two signatures; `cosine` is the pair's text similarity.
pub fn compare(a: &Signature, b: &Signature, cosine: f64) -> Evidence {
    let mut e = Evidence::default();
    let mut weight = 0.0;
    let mut channels = 0;
    let when = compare_when(a, b);
    match &when {
        Some(Ok(detail)) => {
            agree(&mut e, "when", detail.clone());
            weight += 0.1;
            channels += 1;
        }
        Some(Err(detail)) => disagree(&mut e, "when", detail.clone(), 1),
        None => {}
    }
    let dates_agree = matches!(when, Some(Ok(_)));
    let strong = if dates_agree { 1 } else { 2 };
    if let (Some(x), Some(y)) = (&a.first_city, &b.first_city) {
        let a_in_b = x == y || b.places.contains(x);
        let b_in_a = x == y || a.places.contains(y);
        if a_in_b && b_in_a {
            agree(&mut e, "where", if x == y { x.to_string() } else { format!("{x}, {y}") });
            weight += 0.1;
            channels += 1;
        } else if x != y {
            disagree(&mut e, "where", format!("{x} vs {y}"), 1);
        }
    }
    if let (Some(x), Some(y)) = (a.edition, b.edition) {
        if x == y {
            agree(&mut e, "edition", ordinal(x));
            weight += 0.15;
            channels += 1;
        } else {
            disagree(&mut e, "edition", format!("{} vs {}", ordinal(x), ordinal(y)), strong);
        }
    }
    if !a.tags.is_empty() && !b.tags.is_empty() {
        let shared: Vec<&String> = a.tags.iter().filter(|t| b.tags.contains(t)).collect();
        if shared.is_empty() {
            let detail = format!("{} vs {}", a.tags.join(", "), b.tags.join(", "));
            disagree(&mut e, "tag", detail, strong);
        } else {
            agree(&mut e, "tag", shared[0].to_uppercase());
            weight += 0.2;
            channels += 1;
        }
    }
    let mut people = Vec::new();
    for p in &a.people {
        if let Some(q) = b.people.iter().find(|q| p.same(q)) {
            people.push(if p.name == q.name {
                p.name.clone()
            } else {
                format!("{} / {}", p.name, q.name)
            });
        }
    }
    if !people.is_empty() {
        weight += (0.15 * people.len() as f64).min(0.3);
        channels += 1;
        agree(&mut e, "people", people.join("; "));
    }
    let figures: Vec<f64> = a
        .figures
        .iter()
        .copied()
        .filter(|x| b.figures.binary_search_by(|y| y.total_cmp(x)).is_ok())
        .collect();
    if figures.len() >= 2 {
        weight += (0.08 * figures.len() as f64).min(0.3);
        channels += 1;
        let shown: Vec<String> = figures.iter().map(|&f| crate::model::format_number(f)).collect();
        agree(&mut e, "figures", shown.join(", "));
    }
    if cosine >= TEXT_AGREES {
        agree(&mut e, "text", format!("{cosine:.2}"));
    }
    e.weight = if channels >= 2 { weight.min(0.9) } else { 0.0 };
    e
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix} edition")
}

/// Ok(why) when the dates agree, Err(why) when they are apart, None when
/// they say nothing.
fn compare_when(a: &Signature, b: &Signature) -> Option<Result<String, String>> {
    let proxy = |s: &Signature| -> (Vec<When>, bool) {
        if s.dates.is_empty() {
            (s.published.map(When::from_date).into_iter().collect(), true)
        } else {
            (s.dates.clone(), false)
        }
    };
    let (da, pa) = proxy(a);
    let (db, pb) = proxy(b);
    if da.is_empty() || db.is_empty() {
        return None;
    }
    let mut nearest: Option<(i64, &When, &When)> = None;
    let mut all_far = true;
    for x in &da {
        for y in &db {
            let Some(gap) = x.gap(y) else { continue };
            let open = x.year.is_none() || y.year.is_none() || pa || pb;
            if gap < if open { 20 } else { 3 } {
                all_far = false;
            }
            if nearest.is_none_or(|(g, _, _)| gap < g) {
                nearest = Some((gap, x, y));
            }
        }
    }
    let (gap, x, y) = nearest?;
    if gap == 0 && !pa && !pb {
        Some(Ok(format!("{} / {}", x.label(), y.label())))
    } else if all_far {
        Some(Err(format!("{} vs {}", x.label(), y.label())))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::signature::Person;

    fn when(y: i32, m: u32, d1: u32, d2: u32) -> When {
        When {
            year: Some(y),
            start: (m, d1),
            end: (m, d2),
        }
    }

    fn fair(year: i32, edition: u32, d1: u32) -> Signature {
        Signature {
            dates: vec![when(year, 5, d1, d1 + 3)],
            places: vec!["Agadir".to_string(), "MA".to_string()],
            first_city: Some("Agadir".to_string()),
            edition: Some(edition),
            people: vec![Person::new("يوسف أمزال")],
            figures: vec![310.0, 120_000.0],
            ..Signature::default()
        }
    }

    #[test]
    fn the_previous_edition_of_a_fair_is_kept_apart() {
        // 5th International Argan Fair, 16–19 May 2024 vs the 6th, 15–18 May 2025:
        // same venue and commissioner, other year and other edition.
        let e = compare(&fair(2024, 5, 16), &fair(2025, 6, 15), 0.5);
        assert!(e.separated(), "{e:?}");
        assert_eq!(e.score(0.5), 0.0);
    }

    #[test]
    fn one_outlets_wrong_year_inside_matching_coverage_still_groups() {
        // The 9th festival: one article has every date a year off, but the
        // edition, people, figures and city match.
        let e = compare(&fair(2024, 9, 15), &fair(2025, 9, 15), 0.3);
        assert!(!e.separated(), "{e:?}");
        assert!(e.score(0.3) > 0.5);
    }

    #[test]
    fn another_trip_of_the_same_minister_is_kept_apart() {
        let person = Person::new("سنية الورتاني");
        let cairo = Signature {
            dates: vec![when(2025, 6, 16, 18)],
            places: vec!["Cairo".to_string(), "EG".to_string(), "TN".to_string()],
            first_city: Some("Cairo".to_string()),
            people: vec![person.clone()],
            ..Signature::default()
        };
        let algiers = Signature {
            dates: vec![when(2025, 7, 14, 16)],
            places: vec!["Algiers".to_string(), "DZ".to_string(), "TN".to_string(), "Cairo".to_string(), "EG".to_string()],
            first_city: Some("Algiers".to_string()),
            people: vec![person],
            ..Signature::default()
        };
        let e = compare(&cairo, &algiers, 0.45);
        assert!(e.separated(), "{e:?}");
        assert!(e.disagree.iter().any(|f| f.channel == "where"));
    }

    #[test]
    fn another_meeting_in_the_same_city_the_next_day_is_kept_apart() {
        let forum = Signature {
            dates: vec![when(2025, 12, 2, 3)],
            places: vec!["Tangier".to_string(), "MA".to_string()],
            first_city: Some("Tangier".to_string()),
            edition: Some(3),
            figures: vec![40.0, 3e9],
            ..Signature::default()
        };
        let meeting = Signature {
            dates: vec![when(2025, 12, 4, 5)],
            edition: Some(2),
            ..forum.clone()
        };
        let e = compare(&forum, &meeting, 0.3);
        assert!(e.separated(), "{e:?}");
    }

    #[test]
    fn a_city_or_a_person_alone_adds_nothing_to_the_score() {
        let a = Signature {
            places: vec!["Rabat".to_string(), "MA".to_string()],
            first_city: Some("Rabat".to_string()),
            ..Signature::default()
        };
        let e = compare(&a, &a.clone(), 0.1);
        assert_eq!(e.weight, 0.0);
        assert!((e.score(0.1) - 0.1).abs() < 1e-9);
    }

    #[test]
    fn a_cross_language_pair_joins_on_people_figures_and_place() {
        let fr = Signature {
            places: vec!["Agadir".to_string(), "MA".to_string()],
            first_city: Some("Agadir".to_string()),
            edition: Some(6),
            people: vec![Person::new("Martina Keller"), Person::new("Youssef Amzal")],
            figures: vec![310.0, 120_000.0, 45e6],
            ..Signature::default()
        };
        let ar = Signature {
            people: vec![Person::new("مارتينا كيلر"), Person::new("يوسف أمزال")],
            ..fair(2025, 6, 15)
        };
        let e = compare(&fr, &ar, 0.0);
        assert!(!e.separated());
        assert!(e.score(0.0) >= 0.5, "{e:?}");
    }
}
