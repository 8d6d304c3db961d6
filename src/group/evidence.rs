//! Are two articles about one event? The evidence, channel by channel, and
//! the rule that keeps other events apart.
//!
//! Each channel of the two signatures agrees, disagrees or says nothing:
//!
//! | channel | agrees | disagrees |
//! |---|---|---|
//! | when | each article's leading date is within 3 days of a date of the other | every date ≥ 3 days apart (≥ 20 when a year or a stated date is missing and the publication date stands in) |
//! | where | each first city is named by the other (or the same) | the first cities differ and one is not named by the other |
//! | edition | same edition number | different numbers |
//! | tag | a shared event tag | tags, none shared |
//! | people | a person in both (across scripts) | both name two or more people, in one script, and share none |
//! | stage | – | the heads name different stages of one story (verdict vs appeal, preliminary vs final results, first round vs runoff) |
//! | kind | the heads lead with the same incident (a fire, an earthquake), and when and where agree | the heads name kinds of event of different families (an earthquake, a fair) |
//! | figures | two distinctive figures in both | – |
//! | text | background-weighted cosine ≥ 0.35 | – |
//!
//! **Separation rule.** Two articles are kept apart when the disagreements
//! weigh 2 or more, or weigh 1 and fewer than two channels agree (when and
//! where agreeing count as one: the same city on the same days hosts
//! several events). Event tags that differ (IGEF vs GITEX: the events' own
//! names) weigh 2. A different edition number weighs 2 unless stated dates
//! overlap (then 1): another edition of a fair, another meeting in the same
//! city the next day.
//! Other disagreements weigh 1: another trip (other dates *and* another
//! city), a later earthquake in the same region (other dates and another
//! epicentre), the previous edition (other year *and* other number) all
//! reach 2. One outlet's wrong year or month inside otherwise matching
//! coverage (same edition, people, figures) weighs 1 against several
//! agreements and still groups: that is the conflict the user must see.
//! A different stage weighs 2 when the publication dates are 3 days apart
//! or more (a later stage of the story, told later: the appeal months after
//! the verdict, the final results a week after the preliminary ones), else
//! 1 (one outlet's lead that looks ahead to the appeal). Kinds of different
//! families weigh 2 when neither head names the other's family at all (the
//! floods and the festival in one city, the same week, attended by the same
//! governor: the officials and the setting are shared, the story is not),
//! else 1 ("a festival cancelled after the floods").
//!
//! **Score.** When not kept apart, the pair's score is the text cosine
//! combined (1 − (1 − a)(1 − b)) with the signature's weight of evidence:
//! counted only when two channels other than text agree, when and where
//! counting as one (the setting), so that a person, a city, or a city on
//! the same days (a capital hosts several events a week) never joins two
//! articles alone.

use super::signature::{Signature, When};

/// Days within which two articles' leading dates are told at the same time
/// (a publication line two days after the event, a one-day error).
const LEAD_TOLERANCE: i64 = 3;

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
    /// Whether findings carry their wording (the report) or not (scoring).
    explain: bool,
}

impl Evidence {
    /// Kept apart by the separation rule.
    pub fn separated(&self) -> bool {
        self.against >= 2 || (self.against == 1 && self.agreeing_channels() < 2)
    }

    /// Agreeing channels, when and where counting once (the setting).
    pub fn agreeing_channels(&self) -> usize {
        let setting = self
            .agree
            .iter()
            .filter(|f| f.channel == "when" || f.channel == "where")
            .count()
            .min(1);
        setting
            + self
                .agree
                .iter()
                .filter(|f| f.channel != "when" && f.channel != "where")
                .count()
    }

    /// The pair's score given the text cosine.
    pub fn score(&self, cosine: f64) -> f64 {
        if self.separated() {
            return 0.0;
        }
        1.0 - (1.0 - cosine) * (1.0 - self.weight)
    }
}

fn agree(e: &mut Evidence, channel: &'static str, detail: impl FnOnce() -> String) {
    let detail = if e.explain { detail() } else { String::new() };
    e.agree.push(Finding { channel, detail });
}

fn disagree(e: &mut Evidence, channel: &'static str, detail: impl FnOnce() -> String, weight: u32) {
    let detail = if e.explain { detail() } else { String::new() };
    e.disagree.push(Finding { channel, detail });
    e.against += weight;
}

/// Compares two signatures; `cosine` is the pair's text similarity.
pub fn compare(a: &Signature, b: &Signature, cosine: f64) -> Evidence {
    judge(a, b, cosine, false)
}

/// [`compare`] with every finding worded for the report.
pub fn explain(a: &Signature, b: &Signature, cosine: f64) -> Evidence {
    judge(a, b, cosine, true)
}

fn judge(a: &Signature, b: &Signature, cosine: f64, explain: bool) -> Evidence {
    let mut e = Evidence {
        explain,
        ..Evidence::default()
    };
    let mut weight = 0.0;
    let mut channels = 0;
    // When and where together are the event's setting: one channel for the
    // two-channel rule (a capital hosts several events the same week).
    let mut setting = false;
    let when = compare_when(a, b, explain);
    match &when {
        Some(Ok(detail)) => {
            agree(&mut e, "when", || detail.clone());
            weight += 0.1;
            setting = true;
        }
        Some(Err(detail)) => disagree(&mut e, "when", || detail.clone(), 1),
        None => {}
    }
    // Another edition, unless stated dates overlap (then one outlet's
    // wrong number is more likely than another event on the same days).
    let overlap = a
        .dates
        .iter()
        .any(|x| b.dates.iter().any(|y| x.gap(y) == Some(0)));
    let strong = if overlap { 1 } else { 2 };
    if let (Some(x), Some(y)) = (&a.first_city, &b.first_city) {
        let a_in_b = x == y || b.places.contains(x);
        let b_in_a = x == y || a.places.contains(y);
        if a_in_b && b_in_a {
            let detail = || {
                if x == y {
                    x.to_string()
                } else {
                    format!("{x}, {y}")
                }
            };
            agree(&mut e, "where", detail);
            weight += 0.1;
            setting = true;
        } else if x != y {
            disagree(&mut e, "where", || format!("{x} vs {y}"), 1);
        }
    }
    if setting {
        channels += 1;
    }
    // The same incident (a fire, an earthquake) in the same city on the
    // same days: what happened agrees, beside where and when. It joins a
    // French or English report of a fire to the Arabic coverage when no
    // person is named; the when and where findings must both agree.
    let when_agrees = matches!(when, Some(Ok(_)));
    let where_agrees = e.agree.iter().any(|f| f.channel == "where");
    if when_agrees && where_agrees {
        if let Some(kind) = a.event.shared_incident(&b.event) {
            agree(&mut e, "kind", || kind.name.to_string());
            weight += 0.15;
            channels += 1;
        }
    }
    if let (Some(x), Some(y)) = (a.edition, b.edition) {
        if x == y {
            agree(&mut e, "edition", || ordinal(x));
            weight += 0.15;
            channels += 1;
        } else {
            let detail = || format!("{} vs {}", ordinal(x), ordinal(y));
            disagree(&mut e, "edition", detail, strong);
        }
    }
    if !a.tags.is_empty() && !b.tags.is_empty() {
        let shared: Vec<&String> = a.tags.iter().filter(|t| b.tags.contains(t)).collect();
        if shared.is_empty() {
            // An event's own name ("IGEF", "COP29"): another one is another event.
            let detail = || format!("{} vs {}", a.tags.join(", "), b.tags.join(", "));
            disagree(&mut e, "tag", detail, 2);
        } else {
            agree(&mut e, "tag", || shared[0].to_uppercase());
            weight += 0.2;
            channels += 1;
        }
    }
    for (x, y) in a.event.stage_differences(&b.event) {
        let later = match (a.published, b.published) {
            (Some(p), Some(q)) => (p - q).num_days().abs() >= LEAD_TOLERANCE,
            _ => false,
        };
        let detail = || format!("{} vs {} ({})", x.name, y.name, x.axis);
        disagree(&mut e, "stage", detail, if later { 2 } else { 1 });
    }
    if let Some((x, y, strangers)) = a.event.kind_difference(&b.event) {
        let detail = || format!("{} vs {}", x.name, y.name);
        disagree(&mut e, "kind", detail, if strangers { 2 } else { 1 });
    }
    let mut people = Vec::new();
    for p in &a.people {
        if let Some(q) = b.people.iter().find(|q| p.same(q)) {
            people.push((p, q));
        }
    }
    if people.is_empty() && a.script == b.script && a.people.len() >= 2 && b.people.len() >= 2 {
        // Two articles in one script that each name several people and
        // share none: other protagonists, so likely another event. Across
        // scripts a name may fail to transliterate: no finding.
        let detail = || format!("{} vs {}", a.people[0].name, b.people[0].name);
        disagree(&mut e, "people", detail, 1);
    }
    if !people.is_empty() {
        weight += (0.15 * people.len() as f64).min(0.3);
        channels += 1;
        let detail = || {
            let names: Vec<String> = people
                .iter()
                .map(|(p, q)| {
                    if p.name == q.name {
                        p.name.clone()
                    } else {
                        format!("{} / {}", p.name, q.name)
                    }
                })
                .collect();
            names.join("; ")
        };
        agree(&mut e, "people", detail);
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
        let detail = || {
            let shown: Vec<String> = figures
                .iter()
                .map(|&f| crate::model::format_number(f))
                .collect();
            shown.join(", ")
        };
        agree(&mut e, "figures", detail);
    }
    if cosine >= TEXT_AGREES {
        agree(&mut e, "text", || format!("{cosine:.2}"));
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
fn compare_when(a: &Signature, b: &Signature, explain: bool) -> Option<Result<String, String>> {
    let pub_a = a.published.map(When::from_date);
    let pub_b = b.published.map(When::from_date);
    // Borrowed, not copied: this runs for every candidate pair.
    fn proxy<'s>(s: &'s Signature, p: &'s Option<When>) -> (&'s [When], bool) {
        if s.dates.is_empty() {
            (p.as_slice(), true)
        } else {
            (&s.dates, false)
        }
    }
    let (da, pa) = proxy(a, &pub_a);
    let (db, pb) = proxy(b, &pub_b);
    if da.is_empty() || db.is_empty() {
        return None;
    }
    let mut nearest: Option<(i64, &When, &When)> = None;
    let mut all_far = true;
    for x in da {
        for y in db {
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
    let (_, x, y) = nearest?;
    // Agreement needs each article's leading date (publication line or
    // lead) near a date of the other: a later story that recalls the
    // earlier event's date is not told at the same time.
    let near = |lead: &When, others: &[When]| {
        others
            .iter()
            .any(|o| lead.gap(o).is_some_and(|g| g <= LEAD_TOLERANCE))
    };
    let leads_meet = near(&da[0], db) && near(&db[0], da);
    let label = |sep: &str| {
        if explain {
            format!("{} {sep} {}", x.label(), y.label())
        } else {
            String::new()
        }
    };
    if leads_meet && !pa && !pb {
        let (x, y) = (&da[0], &db[0]);
        let label = if explain {
            format!("{} / {}", x.label(), y.label())
        } else {
            String::new()
        };
        Some(Ok(label))
    } else if all_far {
        Some(Err(label("vs")))
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

    fn results(stage_head: &str, published: (u32, u32)) -> Signature {
        use crate::group::event_kind;
        Signature {
            published: chrono::NaiveDate::from_ymd_opt(2024, published.0, published.1),
            dates: vec![when(2024, 10, 6, 6)],
            places: vec!["Tunis".to_string(), "TN".to_string()],
            first_city: Some("Tunis".to_string()),
            people: vec![Person::new("فاروق بوعسكر")],
            figures: vec![2_808_548.0, 28.8],
            event: event_kind::of_head(&crate::normalize::fold(stage_head), 20),
            ..Signature::default()
        }
    }

    #[test]
    fn final_results_a_week_after_the_preliminary_ones_are_another_event() {
        // Same election day, commission, figures: another stage, told later.
        let early = results("هيئة الانتخابات تعلن النتائج الأولية للرئاسية", (10, 7));
        let last = results("هيئة الانتخابات تعلن النتائج النهائية للرئاسية", (10, 14));
        let e = compare(&early, &last, 0.5);
        assert!(e.separated(), "{e:?}");
        assert!(e.disagree.iter().any(|f| f.channel == "stage"));
    }

    #[test]
    fn two_stage_words_on_the_same_day_do_not_split_matching_coverage() {
        // One outlet's head says "final" the same day: one disagreement
        // against the agreeing setting, people and figures.
        let a = results("هيئة الانتخابات تعلن النتائج الأولية للرئاسية", (10, 7));
        let b = results(
            "Tunisie : les résultats définitifs de la présidentielle",
            (10, 8),
        );
        let e = compare(&a, &b, 0.1);
        assert!(!e.separated(), "{e:?}");
        assert_eq!(e.against, 1);
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
            places: vec![
                "Algiers".to_string(),
                "DZ".to_string(),
                "TN".to_string(),
                "Cairo".to_string(),
                "EG".to_string(),
            ],
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
