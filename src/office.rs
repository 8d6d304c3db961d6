//! Titles compared by office and rank, not by string (data/titles.toml).
//!
//! A title is read as an office id and the content words of its complement
//! (`entity::title_signature_in`). Two titles of one person:
//! - name the same office when their ids are equal and their complements
//!   agree, or one has none ("الرئيس" abbreviates "رئيس الاتحاد العربي
//!   للجودو"); equivalent forms across regions and languages share an id in
//!   the data file (الكاتب العام = الأمين العام = secrétaire général);
//! - conflict when they are different offices of one hierarchy (minister vs
//!   secretary of state, عامل إقليم vs والي جهة, colonel vs colonel-major),
//!   or the same office with complements that share nothing;
//! - are not compared when their offices belong to different hierarchies
//!   (a minister may also chair a party) or one is a role word ("نظيره").

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::extract::entity::{self, Lexicon};

#[derive(Deserialize)]
struct TitlesFile {
    title: Vec<TitleEntry>,
}

#[derive(Deserialize)]
struct TitleEntry {
    id: String,
    #[serde(default)]
    hierarchy: Option<String>,
    /// The general office this one is a portfolio of ("foreign-minister" is
    /// a "minister"): the general title alone abbreviates it.
    #[serde(default)]
    generic: Option<String>,
}

/// Office id → hierarchy (its own id when the file names none).
static HIERARCHY: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let file: TitlesFile =
        toml::from_str(include_str!("../data/titles.toml")).expect("data/titles.toml is valid");
    file.title
        .into_iter()
        .map(|t| {
            let h = t.hierarchy.unwrap_or_else(|| t.id.clone());
            (t.id, h)
        })
        .collect()
});

fn hierarchy(office: &str) -> &str {
    HIERARCHY.get(office).map_or(office, String::as_str)
}

/// Office id → the general office it is a portfolio of.
static GENERIC: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let file: TitlesFile =
        toml::from_str(include_str!("../data/titles.toml")).expect("data/titles.toml is valid");
    file.title
        .into_iter()
        .filter_map(|t| Some((t.id, t.generic?)))
        .collect()
});

/// "Minister" (no complement) for "foreign minister": the general title
/// written alone, which abbreviates the specific one.
fn abbreviates(general: &str, general_terms: &[String], specific: &str) -> bool {
    general_terms.is_empty() && GENERIC.get(specific).is_some_and(|g| g == general)
}

/// How two titles of one person compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// One office (possibly written differently).
    Same,
    /// Different offices or ranks of one hierarchy.
    Conflict,
    /// Not comparable: different hierarchies, or an unknown office.
    Unrelated,
}

/// The office of a title, for grouping: `None` for role words and unknown heads.
pub fn office_of(lex: &Lexicon, title: &str) -> Option<String> {
    entity::title_signature_in(lex, title).office
}

pub fn compare(lex: &Lexicon, a: &str, b: &str) -> Verdict {
    let (sa, sb) = (
        entity::title_signature_in(lex, a),
        entity::title_signature_in(lex, b),
    );
    let (Some(oa), Some(ob)) = (&sa.office, &sb.office) else {
        return Verdict::Unrelated;
    };
    if abbreviates(oa, &sa.terms, ob) || abbreviates(ob, &sb.terms, oa) {
        return Verdict::Same;
    }
    if oa != ob {
        return if hierarchy(oa) == hierarchy(ob) {
            Verdict::Conflict
        } else {
            Verdict::Unrelated
        };
    }
    if entity::same_title_in(lex, a, b) {
        Verdict::Same
    } else {
        Verdict::Conflict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(a: &str, b: &str) -> Verdict {
        let lex = entity::builtin_lexicon();
        let v = compare(lex, a, b);
        assert_eq!(v, compare(lex, b, a), "{a} / {b} both ways");
        v
    }

    #[test]
    fn an_abbreviation_or_an_equivalent_office_is_the_same_title() {
        assert_eq!(
            verdict("رئيس الاتحاد العربي للجودو", "الرئيس"),
            Verdict::Same
        );
        assert_eq!(
            verdict("الكاتب العام للاتحاد", "الأمين العام للاتحاد"),
            Verdict::Same
        );
        assert_eq!(verdict("وزير الخارجية", "رئيس الدبلوماسية"), Verdict::Same);
        // The general title alone abbreviates a portfolio.
        assert_eq!(verdict("وزير الشؤون الخارجية", "Minister"), Verdict::Same);
        assert_eq!(verdict("الوزير", "chef de la diplomatie"), Verdict::Same);
        assert_eq!(verdict("الرئيس التنفيذي", "رئيسه التنفيذي"), Verdict::Same);
        assert_eq!(
            verdict("المديرة العامة للوكالة", "مديرة الوكالة"),
            Verdict::Same
        );
        assert_eq!(
            verdict("وزيرة الصناعة والمناجم والطاقة", "وزيرة الصناعة التونسية"),
            Verdict::Same
        );
    }

    #[test]
    fn another_portfolio_is_a_conflict() {
        assert_eq!(
            verdict("وزيرة الصناعة", "وزيرة الشؤون الخارجية"),
            Verdict::Conflict
        );
        assert_eq!(verdict("نائب وزير", "foreign minister"), Verdict::Conflict);
    }

    #[test]
    fn another_rank_of_one_hierarchy_is_a_conflict() {
        assert_eq!(
            verdict("عامل إقليم الحسيمة", "والي جهة طنجة تطوان الحسيمة"),
            Verdict::Conflict
        );
        assert_eq!(
            verdict("وزيرة الصناعة", "كاتبة الدولة المكلفة بالصناعة"),
            Verdict::Conflict
        );
        assert_eq!(
            verdict(
                "الوزير المنتدب في وزارة الداخلية التركية",
                "نائب وزير الداخلية التركي"
            ),
            Verdict::Conflict
        );
        assert_eq!(
            verdict("رئيس الاتحاد", "نائب رئيس الاتحاد"),
            Verdict::Conflict
        );
    }

    #[test]
    fn offices_of_different_hierarchies_are_not_compared() {
        assert_eq!(verdict("محافظ المعرض", "مدير المعرض"), Verdict::Unrelated);
        assert_eq!(verdict("وزير الصناعة", "رئيس الحزب"), Verdict::Unrelated);
        assert_eq!(verdict("نظيره", "وزير الداخلية"), Verdict::Unrelated);
    }
}
