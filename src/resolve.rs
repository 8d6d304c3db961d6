//! Entity resolution across articles: the same person, place or
//! organisation under different spellings is one entity.
//!
//! Keys are already folded (hamza, ta marbuta, alef maqsura) and a person's
//! key glues "عبد" to the next word, so "عبد اللطيف حموشي" and
//! "عبداللطيف حموشي" share a key. Beyond that, name parts are compared:
//! - equal parts match;
//! - two *different* known given names never match ("محمد"/"محمود",
//!   "سلمان"/"سليمان", "حسن"/"حسين");
//! - otherwise parts match when their skeletons agree (long vowels ا و ي
//!   dropped inside the word: "يلديز"/"يلدز", "ديميرتاش"/"دميرتاش"), or
//!   when a char-level similarity ratio (`similar::TextDiff`) is at least
//!   [`PART_RATIO`] for parts of six letters or more;
//! - two names are the same person when their first parts (given names)
//!   and last parts (family names) match, and their "بن X" parts agree
//!   where both have them; a bare family name matches a full name whose
//!   last part it matches.

use similar::TextDiff;

use crate::extract::entity;
use crate::model::{EntityValue, Fact, FactKind, Value};
use crate::translit;

/// Char-level similarity from which two long name parts are one spelling
/// apart. Tested on real pairs: "ديميرتاش"/"دميرتاش" (0.93),
/// "الهويريني"/"الهويرني" (0.94) pass; "حموشي"/"حموتي" (5 letters) and
/// "سلمان"/"نايف" do not.
pub const PART_RATIO: f32 = 0.85;

/// How two mentions are the same entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// Same key.
    Exact,
    /// Same entity, spelled differently (or a bare family name).
    Variant,
}

/// The consonant skeleton of a word: ا و ي dropped except in first and last position.
pub fn skeleton(word: &str) -> String {
    let n = word.chars().count();
    word.chars()
        .enumerate()
        .filter(|&(i, c)| i == 0 || i + 1 == n || !matches!(c, 'ا' | 'و' | 'ي'))
        .map(|(_, c)| c)
        .collect()
}

/// Char-level similarity ratio in [0, 1].
pub fn ratio(a: &str, b: &str) -> f32 {
    TextDiff::from_chars(a, b).ratio()
}

fn strip_article(w: &str) -> &str {
    match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => w,
    }
}

/// Are two name parts (folded words) the same name?
pub fn same_part(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if entity::is_given_name(a) && entity::is_given_name(b) {
        return false;
    }
    // One name in Arabic letters, the other in Latin ones (حموشي /
    // Hammouchi): the transliteration skeletons decide.
    if translit::script_of(a) != translit::script_of(b) {
        return translit::same_name(a, b);
    }
    let (a, b) = (strip_article(a), strip_article(b));
    if a == b {
        return true;
    }
    let longest = a.chars().count().max(b.chars().count());
    let shortest = a.chars().count().min(b.chars().count());
    if longest >= 4 {
        let sa = skeleton(a);
        if sa == skeleton(b) && sa.chars().count() >= 3 {
            return true;
        }
    }
    shortest >= 6 && ratio(a, b) >= PART_RATIO
}

/// Compares two person keys ("عبداللطيف حموشي", "سلامي يلدز").
pub fn same_person(a: &str, b: &str) -> Option<Match> {
    if a == b {
        return Some(Match::Exact);
    }
    // "منير بن عمار" / "منير بنعمار": the same letters, spaced differently.
    if a.contains(' ') && b.contains(' ') && a.replace(' ', "") == b.replace(' ', "") {
        return Some(Match::Variant);
    }
    let pa: Vec<&str> = a.split(' ').filter(|p| !p.is_empty()).collect();
    let pb: Vec<&str> = b.split(' ').filter(|p| !p.is_empty()).collect();
    let (Some(fa), Some(fb), Some(la), Some(lb)) = (pa.first(), pb.first(), pa.last(), pb.last())
    else {
        return None;
    };
    if pa.len() == 1 || pb.len() == 1 {
        // A bare family name against a full name, or two bare names.
        let ok = if pa.len() == 1 && pb.len() == 1 {
            same_part(fa, fb)
        } else {
            same_part(la, lb)
        };
        return ok.then_some(Match::Variant);
    }
    // One name is the other with more words after it: a fuller form ("محمد بن
    // سلمان آل سعود"), or a name the extractor let run on into the next words
    // ("أحمد بنموسى تناولت سبل …"). Two shared leading parts make it the same person.
    let (short, long) = if pa.len() <= pb.len() {
        (&pa, &pb)
    } else {
        (&pb, &pa)
    };
    if short.len() >= 2
        && short.len() < long.len()
        && short.iter().zip(long.iter()).all(|(x, y)| same_part(x, y))
    {
        return Some(Match::Variant);
    }
    if !same_part(fa, fb) || !same_part(la, lb) {
        return None;
    }
    // "بن X" parts must agree where both names give them.
    let fathers = |p: &[&str]| -> Vec<String> {
        p.windows(2)
            .filter(|w| w[0] == "بن")
            .map(|w| w[1].to_string())
            .collect::<Vec<_>>()
    };
    let (ba, bb) = (fathers(&pa), fathers(&pb));
    if !ba.is_empty() && !bb.is_empty() && !ba.iter().zip(&bb).all(|(x, y)| same_part(x, y)) {
        return None;
    }
    // Middle parts (not بن) both present must agree too: "محمد علي X" vs "محمد حسن X".
    let middle = |p: &[&str]| -> Vec<String> {
        if p.len() <= 2 {
            return Vec::new();
        }
        p[1..p.len() - 1]
            .iter()
            .filter(|w| **w != "بن")
            .map(|w| w.to_string())
            .collect()
    };
    let (ma, mb) = (middle(&pa), middle(&pb));
    if !ma.is_empty()
        && !mb.is_empty()
        && ma.len() == mb.len()
        && !ma.iter().zip(&mb).all(|(x, y)| same_part(x, y))
    {
        return None;
    }
    Some(Match::Variant)
}

/// A compound given name written as one word ("عبدالرحيم", "ابوبكر"): it
/// names a person's first name, never a family.
fn is_compound_given(key: &str) -> bool {
    !key.contains(' ')
        && ["عبد", "ابو"]
            .iter()
            .any(|p| key.strip_prefix(p).is_some_and(|r| r.chars().count() >= 3))
}

/// Are two mentions the same entity? Person keys are compared part by
/// part (see [`same_person`]); place and organisation keys are canonical
/// gazetteer keys, so they match exactly.
pub fn same_entity(a: &EntityValue, b: &EntityValue) -> Option<Match> {
    same_person(&a.key, &b.key)
}

fn same_of_kind(kind: FactKind, a: &EntityValue, b: &EntityValue) -> Option<Match> {
    match kind {
        FactKind::Person => same_entity(a, b),
        _ => (a.key == b.key).then_some(Match::Exact),
    }
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

/// Groups entity mentions (document index, fact) into entities. Returns
/// clusters of indices into `entities`, each sorted, ordered by their first
/// member. Facts that are not entities stay alone.
///
/// Full names are merged first; a bare family name then joins the one
/// cluster whose last name it matches, and stays apart when it matches
/// several (two different people named "X حموشي").
pub fn cluster(entities: &[(usize, &Fact)]) -> Vec<Vec<usize>> {
    let n = entities.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let value = |i: usize| match &entities[i].1.value {
        Value::Entity(e) => Some(e),
        _ => None,
    };
    // Which mentions are bare person names, computed once.
    let is_single: Vec<bool> = (0..n)
        .map(|i| {
            entities[i].1.kind == FactKind::Person && value(i).is_some_and(|e| !e.key.contains(' '))
        })
        .collect();
    let single = |i: usize| is_single[i];
    // Full names (and all places / organisations).
    for i in 0..n {
        let Some(a) = value(i) else { continue };
        if single(i) {
            continue;
        }
        for j in i + 1..n {
            if entities[j].1.kind != entities[i].1.kind || single(j) {
                continue;
            }
            if let Some(b) = value(j) {
                if same_of_kind(entities[i].1.kind, a, b).is_some() {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // Bare names: join the one matching cluster, else each other.
    let full_persons: Vec<usize> = (0..n)
        .filter(|&j| !single(j) && entities[j].1.kind == FactKind::Person)
        .collect();
    for i in (0..n).filter(|&i| single(i)) {
        let Some(a) = value(i) else { continue };
        let mut roots: Vec<usize> = full_persons
            .iter()
            .copied()
            .filter(|&j| value(j).is_some_and(|b| same_entity(a, b).is_some()))
            .map(|j| find(&mut parent, j))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.is_empty() && is_compound_given(&a.key) {
            // A compound given name alone ("عبدالرحيم", never a family name)
            // joins the one full name that begins with it.
            roots = full_persons
                .iter()
                .copied()
                .filter(|&j| {
                    value(j).is_some_and(|b| {
                        let parts: Vec<&str> = b.key.split(' ').collect();
                        parts.len() >= 2
                            && (parts[0] == a.key
                                || (parts.len() >= 3
                                    && format!("{}{}", parts[0], parts[1]) == a.key))
                    })
                })
                .map(|j| find(&mut parent, j))
                .collect();
            roots.sort_unstable();
            roots.dedup();
        }
        if roots.len() == 1 {
            union(&mut parent, i, roots[0]);
        }
    }
    // Clusters holding any mention that is not a bare name. The loop below
    // only joins clusters made of bare names alone, so this set (and the
    // roots of its clusters) stays fixed while it runs.
    let mut has_full = vec![false; n];
    for k in (0..n).filter(|&k| !single(k)) {
        let r = find(&mut parent, k);
        has_full[r] = true;
    }
    let singles: Vec<usize> = (0..n).filter(|&i| single(i)).collect();
    for (x, &i) in singles.iter().enumerate() {
        for &j in &singles[x + 1..] {
            let (Some(a), Some(b)) = (value(i), value(j)) else {
                continue;
            };
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            // Only bare names still alone on one side are merged.
            if !has_full[ri] && !has_full[rj] && same_entity(a, b).is_some() {
                union(&mut parent, i, j);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_index: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        match root_index.get(&r) {
            Some(&g) => groups[g].push(i),
            None => {
                root_index.insert(r, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entity::person_key;

    fn same(a: &str, b: &str) -> Option<Match> {
        same_person(&person_key(a), &person_key(b))
    }

    #[test]
    fn spellings_of_one_person_match() {
        assert_eq!(
            same("عبد اللطيف حموشي", "عبداللطيف حموشي"),
            Some(Match::Exact)
        );
        assert_eq!(same("عبد اللطيف حموشي", "حموشي"), Some(Match::Variant));
        assert_eq!(same("سلامي يلديز", "سلامي يلدز"), Some(Match::Variant));
        assert_eq!(
            same("محمود ديميرتاش", "محمود دميرتاش"),
            Some(Match::Variant)
        );
        assert_eq!(same("ديميرتاش", "دميرتاش"), Some(Match::Variant));
        assert_eq!(
            same("منير كارال أوغلو", "منير كارالأوغلو"),
            Some(Match::Exact)
        );
        assert_eq!(
            same("عبد العزيز بن محمد الهويريني", "عبد العزيز الهويريني"),
            Some(Match::Variant)
        );
        assert_eq!(
            same("عبد العزيز الهويريني", "عبدالعزيز الهويرني"),
            Some(Match::Variant)
        );
        // Hamza and ta marbuta are folded away.
        assert_eq!(same("أسامة إبراهيم", "اسامه ابراهيم"), Some(Match::Exact));
        // A fuller form, or a name that ran on into the next words.
        assert_eq!(
            same("محمد بن سلمان", "محمد بن سلمان آل سعود"),
            Some(Match::Variant)
        );
        assert_eq!(
            same("أحمد بنموسى", "أحمد بنموسى تناولت سبل تعزيز التعاون"),
            Some(Match::Variant)
        );
    }

    #[test]
    fn one_person_in_arabic_and_latin_letters() {
        assert!(same("عبد اللطيف حموشي", "Abdellatif Hammouchi").is_some());
        assert!(same("حموشي", "Hammouchi").is_some());
        assert!(same("عبد اللطيف حموشي", "Abdellatif Ouahbi").is_none());
    }

    #[test]
    fn distinct_people_with_similar_names_stay_apart() {
        assert_eq!(same("محمد بن سلمان", "محمد بن نايف"), None);
        assert_eq!(same("عبد اللطيف حموشي", "عبد اللطيف وهبي"), None);
        assert_eq!(same("محمود ديميرتاش", "محمد ديميرتاش"), None);
        assert_eq!(same("محمد بن سلمان", "محمد بن سليمان"), None);
        assert_eq!(same("حسن يلماز", "حسين يلماز"), None);
        assert_eq!(same("كريم حموشي", "كريم حموتي"), None);
        assert_eq!(same("منير كارال أوغلو", "سلامي يلديز"), None);
        assert_eq!(same("حموشي", "وهبي"), None);
        // Sharing only a first name is not a prefix match.
        assert_eq!(same("محمد بن سلمان", "محمد بن نايف آل سعود"), None);
        assert_eq!(same("أحمد بنموسى", "أحمد بنعلي تناولت سبل"), None);
    }

    #[test]
    fn skeleton_drops_inner_long_vowels_only() {
        assert_eq!(skeleton("يلديز"), "يلدز");
        assert_eq!(skeleton("ديميرتاش"), skeleton("دميرتاش"));
        assert_eq!(skeleton("وهبي"), "وهبي");
    }

    #[test]
    fn ratio_threshold_separates_real_pairs() {
        assert!(ratio("ديميرتاش", "دميرتاش") >= PART_RATIO);
        assert!(ratio("الهويريني", "الهويرني") >= PART_RATIO);
        assert!(ratio("حموشي", "حموتي") < PART_RATIO);
        assert!(ratio("سلمان", "نايف") < PART_RATIO);
    }

    fn person(doc_key: &str) -> Fact {
        Fact {
            kind: FactKind::Person,
            text: doc_key.to_string(),
            span: crate::model::Span::new(0, doc_key.len()),
            sentence: crate::model::Span::new(0, doc_key.len()),
            value: Value::Entity(EntityValue {
                name: doc_key.to_string(),
                name_span: crate::model::Span::new(0, doc_key.len()),
                key: person_key(doc_key),
                title: None,
                title_span: None,
                role: crate::model::Role::Mentioned,
            }),
            language: crate::model::Language::Ar,
        }
    }

    #[test]
    fn clusters_spellings_and_attaches_bare_names_only_when_unambiguous() {
        let facts: Vec<Fact> = [
            "عبد اللطيف حموشي",
            "سلامي يلديز",
            "عبداللطيف حموشي",
            "سلامي يلدز",
            "حموشي",
            "عبد اللطيف وهبي",
        ]
        .iter()
        .map(|s| person(s))
        .collect();
        let input: Vec<(usize, &Fact)> = facts.iter().enumerate().collect();
        assert_eq!(cluster(&input), vec![vec![0, 2, 4], vec![1, 3], vec![5]]);

        // Two different people named حموشي: a bare "حموشي" joins neither.
        let facts: Vec<Fact> = ["عبد اللطيف حموشي", "كريم حموشي", "حموشي"]
            .iter()
            .map(|s| person(s))
            .collect();
        let input: Vec<(usize, &Fact)> = facts.iter().enumerate().collect();
        assert_eq!(cluster(&input), vec![vec![0], vec![1], vec![2]]);
    }
}
