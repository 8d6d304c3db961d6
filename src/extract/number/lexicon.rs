//! The figure lexicon (data/numbers.toml), folded and indexed once.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::tokens::tokenize;
use crate::model::Qualifier;
use crate::normalize::fold;

/// Hash map and set for the lexicon's short word keys: every token of every
/// article is looked up in several of them, and SipHash was a visible share
/// of the figure scan. FxHash is fast and unkeyed; the keys come from our own
/// data files.
pub(crate) type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(crate) type HashSet<K> = rustc_hash::FxHashSet<K>;

/// What a cardinal number word contributes to a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Class {
    /// 0–9.
    Unit(f64),
    /// "عشر", "عشرة": 10 alone, or +10 after a unit.
    Ten,
    /// One-word teens 11–19.
    Teen(f64),
    /// 20–90.
    Tens(f64),
    /// 100–900; `bare` is "مئة" itself, which a unit before it multiplies.
    Hundred { value: f64, bare: bool },
    /// ألف, مليون …; `plural` forms alone are a magnitude, not a number.
    Scale { value: f64, plural: bool },
    /// ألفان, مليونين …: a whole number.
    Dual(f64),
    /// "فاصلة": decimal point.
    Point,
    /// "نصف", "ربع", "ثلثا": times a scale after them, plus a number and
    /// و before them; alone, a figure only before a defined noun.
    Fraction(f64),
    /// "أرباع", "أخماس": one part, times the numerator before them.
    Parts(f64),
}

/// A phrase as a sequence of folded token texts.
pub(crate) type Phrase = Vec<String>;

pub(crate) struct Lexicon {
    pub cardinal: HashMap<String, Class>,
    pub ordinals: HashMap<String, u32>,
    pub ordinal_bound: HashSet<String>,
    /// Head noun → whether a figure may follow it as an ordinal.
    pub heads: HashMap<String, bool>,
    pub magnitudes: HashMap<String, (Qualifier, f64)>,
    pub qualifiers_before: Vec<(Phrase, Qualifier)>,
    pub qualifiers_after: Vec<(Phrase, Qualifier)>,
    pub percent: Vec<Phrase>,
    /// Currency phrase → family, longest first.
    pub currencies: Vec<(Phrase, String)>,
    /// First tokens of the currency phrases, to skip the list quickly.
    pub currency_first: HashSet<String>,
    pub currency_default: HashMap<String, String>,
    /// Folded currency phrase (joined by spaces) → ISO code it settles by itself.
    pub currency_codes: HashMap<String, String>,
    /// (family, folded country adjective) → ISO code.
    pub countries: HashMap<(String, String), String>,
    pub not_counted: HashSet<String>,
    pub months: HashSet<String>,
    pub labels: HashSet<String>,
    pub year_context: HashSet<String>,
    /// Words after which a fraction alone is no figure ("نصف النهائي").
    pub fraction_not_before: HashSet<String>,
    /// Sign words before a figure ("سالب", "ناقص").
    pub negative: HashSet<String>,
    /// Words between the two figures of a ratio in a phrase alone, longest
    /// first; `true` for parts ("أجزاء من"), which may also open one ("جزء من مئة").
    pub ratios: Vec<(Phrase, bool)>,
    /// Words before a figure that make it a percentage in a phrase alone ("نسبة").
    pub percent_first: Vec<Phrase>,
}

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct FractionAlone {
    not_before: Vec<String>,
}

#[derive(Deserialize)]
struct Phrases {
    phrases: Vec<String>,
}

#[derive(Deserialize)]
struct Ratios {
    phrases: Vec<String>,
    parts: Vec<String>,
}

#[derive(Deserialize)]
struct Raw {
    units: BTreeMap<String, f64>,
    ten: BTreeMap<String, f64>,
    teens: BTreeMap<String, f64>,
    tens: BTreeMap<String, f64>,
    hundreds: BTreeMap<String, f64>,
    scales: BTreeMap<String, f64>,
    scale_plurals: BTreeMap<String, bool>,
    dual_scales: BTreeMap<String, f64>,
    decimal_point: Words,
    fractions: BTreeMap<String, f64>,
    fraction_plurals: BTreeMap<String, f64>,
    fraction_alone: FractionAlone,
    negative: Words,
    ordinals: BTreeMap<String, u32>,
    ordinal_bound: Words,
    ordinal_heads: BTreeMap<String, bool>,
    magnitudes: BTreeMap<String, (String, f64)>,
    qualifiers_before: BTreeMap<String, String>,
    qualifiers_after: BTreeMap<String, String>,
    percent: Phrases,
    percent_first: Phrases,
    ratios: Ratios,
    currencies: BTreeMap<String, String>,
    currency_default: BTreeMap<String, String>,
    currency_codes: BTreeMap<String, String>,
    currency_countries: BTreeMap<String, BTreeMap<String, String>>,
    not_counted: Words,
    months: Words,
    labels: Words,
    year_context: Words,
}

pub(crate) fn qualifier_named(name: &str) -> Option<Qualifier> {
    Some(match name {
        "exact" => Qualifier::Exact,
        "about" => Qualifier::About,
        "at-least" => Qualifier::AtLeast,
        "more-than" => Qualifier::MoreThan,
        "at-most" => Qualifier::AtMost,
        "less-than" => Qualifier::LessThan,
        "tens" => Qualifier::Tens,
        "hundreds" => Qualifier::Hundreds,
        "thousands" => Qualifier::Thousands,
        _ => return None,
    })
}

/// The folded token texts of a lexicon phrase.
pub(crate) fn phrase(s: &str) -> Phrase {
    let folded = fold(s);
    tokenize(&folded)
        .iter()
        .map(|t| t.text.to_string())
        .collect()
}

fn qualifier_phrases(raw: &BTreeMap<String, String>) -> Vec<(Phrase, Qualifier)> {
    let mut out: Vec<(Phrase, Qualifier)> = raw
        .iter()
        .filter_map(|(k, v)| qualifier_named(v).map(|q| (phrase(k), q)))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    out
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../../../data/numbers.toml"))
        .expect("data/numbers.toml is valid (checked by tests)");
    let mut cardinal = HashMap::default();
    let bare_hundreds = ["مئة", "مائة", "مية"].map(fold);
    for (w, v) in &raw.units {
        cardinal.insert(fold(w), Class::Unit(*v));
    }
    for w in raw.ten.keys() {
        cardinal.insert(fold(w), Class::Ten);
    }
    for (w, v) in &raw.teens {
        cardinal.insert(fold(w), Class::Teen(*v));
    }
    for (w, v) in &raw.tens {
        cardinal.insert(fold(w), Class::Tens(*v));
    }
    for (w, v) in &raw.hundreds {
        let f = fold(w);
        let bare = bare_hundreds.contains(&f);
        cardinal.insert(f, Class::Hundred { value: *v, bare });
    }
    let plurals: HashSet<String> = raw
        .scale_plurals
        .iter()
        .filter(|(_, p)| **p)
        .map(|(w, _)| fold(w))
        .collect();
    for (w, v) in &raw.scales {
        let f = fold(w);
        let plural = plurals.contains(&f);
        cardinal.insert(f, Class::Scale { value: *v, plural });
    }
    for (w, v) in &raw.dual_scales {
        cardinal.insert(fold(w), Class::Dual(*v));
    }
    for (w, v) in &raw.fractions {
        cardinal.insert(fold(w), Class::Fraction(*v));
    }
    for (w, v) in &raw.fraction_plurals {
        cardinal.insert(fold(w), Class::Parts(*v));
    }
    for w in &raw.decimal_point.words {
        cardinal.insert(fold(w), Class::Point);
    }
    let mut currencies: Vec<(Phrase, String)> = raw
        .currencies
        .iter()
        .map(|(k, v)| (phrase(k), v.clone()))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    currencies.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let mut countries = HashMap::default();
    for (family, adjectives) in &raw.currency_countries {
        for (adj, code) in adjectives {
            countries.insert((family.clone(), fold(adj)), code.clone());
        }
    }
    let mut percent: Vec<Phrase> = raw.percent.phrases.iter().map(|p| phrase(p)).collect();
    percent.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let currency_first = currencies.iter().map(|(p, _)| p[0].clone()).collect();
    Lexicon {
        currency_first,
        cardinal,
        ordinals: raw.ordinals.iter().map(|(k, v)| (fold(k), *v)).collect(),
        ordinal_bound: raw.ordinal_bound.words.iter().map(|w| fold(w)).collect(),
        heads: raw
            .ordinal_heads
            .iter()
            .map(|(k, v)| (fold(k), *v))
            .collect(),
        magnitudes: raw
            .magnitudes
            .iter()
            .filter_map(|(k, (q, v))| qualifier_named(q).map(|q| (fold(k), (q, *v))))
            .collect(),
        qualifiers_before: qualifier_phrases(&raw.qualifiers_before),
        qualifiers_after: qualifier_phrases(&raw.qualifiers_after),
        percent,
        currencies,
        currency_default: raw.currency_default.into_iter().collect(),
        currency_codes: raw
            .currency_codes
            .iter()
            .map(|(k, v)| (phrase(k).join(" "), v.clone()))
            .collect(),
        countries,
        not_counted: raw.not_counted.words.iter().map(|w| fold(w)).collect(),
        months: raw.months.words.iter().map(|w| fold(w)).collect(),
        labels: raw.labels.words.iter().map(|w| fold(w)).collect(),
        year_context: raw.year_context.words.iter().map(|w| fold(w)).collect(),
        fraction_not_before: raw
            .fraction_alone
            .not_before
            .iter()
            .map(|w| fold(w))
            .collect(),
        negative: raw.negative.words.iter().map(|w| fold(w)).collect(),
        ratios: {
            let mut v: Vec<(Phrase, bool)> = raw
                .ratios
                .phrases
                .iter()
                .map(|p| (phrase(p), false))
                .chain(raw.ratios.parts.iter().map(|p| (phrase(p), true)))
                .filter(|(p, _)| !p.is_empty())
                .collect();
            v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            v
        },
        percent_first: raw
            .percent_first
            .phrases
            .iter()
            .map(|p| phrase(p))
            .filter(|p| !p.is_empty())
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_folds_entries() {
        let lex = &*LEXICON;
        assert_eq!(lex.cardinal.get("اربعين"), Some(&Class::Tens(40.0)));
        assert_eq!(
            lex.cardinal.get("ميه"),
            Some(&Class::Hundred {
                value: 100.0,
                bare: true
            })
        );
        assert_eq!(
            lex.cardinal.get("الاف"),
            Some(&Class::Scale {
                value: 1000.0,
                plural: true
            })
        );
        assert_eq!(lex.ordinals.get("ثالثه"), Some(&3));
        assert_eq!(lex.heads.get("دوره"), Some(&true));
        assert!(lex
            .percent
            .iter()
            .any(|p| p == &vec!["في".to_string(), "الميه".to_string()]));
        assert_eq!(lex.currency_codes.get("ج . م"), Some(&"EGP".to_string()));
    }
}
