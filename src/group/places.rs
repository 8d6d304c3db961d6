//! Places across languages and scripts: مراكش / Marrakech / Marrakesh are one
//! place, المغرب / Maroc / Morocco one country. The names are data
//! (`data/countries.toml` from iso-codes, `data/cities.toml`); this module
//! finds them in an article's folded text, in text order, as canonical ids:
//! a city's English name, a country's ISO code.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize::fold;

/// One place found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit {
    /// Canonical id: "Marrakesh" for a city, "MA" for a country.
    pub id: &'static str,
    /// The country's ISO code (itself for a country).
    pub country: &'static str,
    pub is_city: bool,
}

#[derive(Deserialize)]
struct Countries {
    country: Vec<CountryEntry>,
}

#[derive(Deserialize)]
struct CountryEntry {
    code: String,
    #[serde(flatten)]
    names: Names,
}

/// A place's names in the three languages.
#[derive(Deserialize)]
struct Names {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    ar: Vec<String>,
}

impl Names {
    fn all(&self) -> impl Iterator<Item = &String> {
        self.en.iter().chain(&self.fr).chain(&self.ar)
    }
}

#[derive(Deserialize)]
struct Cities {
    city: Vec<CityEntry>,
}

#[derive(Deserialize)]
struct CityEntry {
    id: String,
    country: String,
    #[serde(flatten)]
    names: Names,
    /// Spellings that are also ordinary words (الجديدة "the new", العيون
    /// "the eyes"): see [`after_definite_word`].
    #[serde(default)]
    common: Vec<String>,
}

struct Table {
    /// Normalized form (words joined by one space) → place.
    forms: HashMap<String, PlaceHit>,
    /// The first word of every form, to skip the other words at once.
    first_words: HashSet<String>,
    /// Longest form, in words.
    max_words: usize,
    /// Forms that are also ordinary words (a city's `common` spellings).
    common: HashSet<String>,
}

/// Lower case, accents off, Arabic folded: the form both the table and the
/// text are compared in.
pub fn normalize_word(w: &str) -> String {
    let f = fold(w);
    f.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A letter or digit of the scripts the table holds; a fast test (the
/// general Unicode one is slow on Arabic text).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}')
        || (!c.is_ascii() && c > '\u{06FF}' && c.is_alphanumeric())
}

/// A word [`normalize_word`] leaves as it is: lower-case ASCII letters and
/// digits, and Arabic letters that folding keeps (most of a folded text).
fn is_normalized(w: &str) -> bool {
    w.chars().all(|c| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || (matches!(c, '\u{0621}'..='\u{064A}')
                && !matches!(c, 'آ' | 'أ' | 'ؤ' | 'إ' | 'ئ' | 'ة' | 'ـ' | 'ى'))
    })
}

/// The normalized words of a text; words already normalized are borrowed
/// (no allocation per word of an article).
fn words_of(s: &str) -> Vec<Cow<'_, str>> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if is_normalized(w) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(normalize_word(w))
            }
        })
        .collect()
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let countries: Countries = toml::from_str(include_str!("../../data/countries.toml"))
        .expect("data/countries.toml is valid (checked by a test)");
    let cities: Cities = toml::from_str(include_str!("../../data/cities.toml"))
        .expect("data/cities.toml is valid (checked by a test)");
    let mut forms = HashMap::default();
    let mut common = HashSet::default();
    let mut max_words = 1;
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let mut add = |name: &str, hit: PlaceHit| {
        let w = words_of(name);
        if w.is_empty() {
            return;
        }
        max_words = max_words.max(w.len());
        // The first entry wins: cities are added first, so "الجزائر العاصمة"
        // is Algiers while "الجزائر" alone stays the country.
        forms.entry(w.join(" ")).or_insert(hit);
    };
    for c in &cities.city {
        common.extend(c.common.iter().map(|w| words_of(w).join(" ")));
        let id = leak(c.id.clone());
        let country = leak(c.country.clone());
        for name in c.names.all() {
            add(
                name,
                PlaceHit {
                    id,
                    country,
                    is_city: true,
                },
            );
        }
    }
    for c in &countries.country {
        let code = leak(c.code.clone());
        for name in c.names.all() {
            add(
                name,
                PlaceHit {
                    id: code,
                    country: code,
                    is_city: false,
                },
            );
        }
    }
    let first_words = forms
        .keys()
        .map(|f| f.split(' ').next().unwrap_or("").to_string())
        .collect();
    Table {
        forms,
        first_words,
        max_words,
        common,
    }
});

/// Readings of an Arabic word without a proclitic (و، ف، ب، ل، ك; لل for ل+ال),
/// the word itself first, into `out` (cleared first).
fn readings<'w>(word: &'w str, out: &mut Vec<Cow<'w, str>>) {
    out.clear();
    out.push(Cow::Borrowed(word));
    if let Some(rest) = word.strip_prefix("لل") {
        if rest.chars().count() >= 2 {
            out.push(Cow::Owned(format!("ال{rest}")));
        }
    }
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        if matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك') {
            let rest = chars.as_str();
            if rest.chars().count() >= 3 {
                out.push(Cow::Borrowed(rest));
                if let Some(r2) = rest.strip_prefix("لل") {
                    out.push(Cow::Owned(format!("ال{r2}")));
                }
                let mut c2 = rest.chars();
                if let Some(second) = c2.next() {
                    if matches!(second, 'ب' | 'ل' | 'ك') && c2.as_str().chars().count() >= 3 {
                        out.push(Cow::Borrowed(c2.as_str()));
                    }
                }
            }
        }
    }
}

/// Whether a word is definite (ال, after a proclitic or not). A definite
/// Arabic noun takes a definite adjective after it ("المدينة الجديدة", "the
/// new city") but never a city's name: a city that is also an ordinary
/// word is no place there. Before an indefinite noun it is
/// ("مدينة الجديدة", "إقليم العيون").
fn after_definite_word(previous: &str) -> bool {
    let mut read = Vec::new();
    readings(previous, &mut read);
    read.iter()
        .any(|r| r.starts_with("ال") && r.chars().count() > 3)
}

/// The places named in a text (any script), in text order, longest name first
/// at each position.
pub fn find(text: &str) -> Vec<PlaceHit> {
    let table = &*TABLE;
    let words = words_of(text);
    let mut hits = Vec::new();
    let mut read: Vec<Cow<str>> = Vec::new();
    let mut form = String::new();
    let mut k = 0;
    while k < words.len() {
        let mut matched = 0;
        readings(&words[k], &mut read);
        read.retain(|r| table.first_words.contains(r.as_ref()));
        if !read.is_empty() {
            'len: for len in (1..=table.max_words.min(words.len() - k)).rev() {
                for first in &read {
                    form.clear();
                    form.push_str(first);
                    for w in &words[k + 1..k + len] {
                        form.push(' ');
                        form.push_str(w);
                    }
                    if let Some(hit) = table.forms.get(form.as_str()) {
                        if k > 0
                            && table.common.contains(form.as_str())
                            && after_definite_word(&words[k - 1])
                        {
                            // "المدينة الجديدة": an adjective, not El Jadida.
                            continue;
                        }
                        hits.push(hit.clone());
                        matched = len;
                        break 'len;
                    }
                }
            }
        }
        k += matched.max(1);
    }
    hits
}

/// The canonical place of an entity key from extraction (a folded Arabic
/// name), when the table knows it.
pub fn canonical(key: &str) -> Option<PlaceHit> {
    find(key).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        find(text).into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn one_city_in_three_languages_and_two_scripts() {
        assert_eq!(ids("احتضنت مراكش"), vec!["Marrakesh"]);
        assert_eq!(ids("à Marrakech"), vec!["Marrakesh"]);
        assert_eq!(ids("in Marrakesh"), vec!["Marrakesh"]);
        assert_eq!(ids("بالدار البيضاء"), vec!["Casablanca"]);
        assert_eq!(ids("AL HOCEIMA, Morocco"), vec!["Al Hoceima", "MA"]);
        assert_eq!(ids("إقليم الحسيمة"), vec!["Al Hoceima"]);
        assert_eq!(ids("Tanger accueille"), vec!["Tangier"]);
        assert_eq!(ids("بطنجة"), vec!["Tangier"]);
    }

    #[test]
    fn algiers_is_the_city_and_algeria_the_country() {
        assert_eq!(ids("الجزائر العاصمة"), vec!["Algiers"]);
        assert_eq!(ids("Alger"), vec!["Algiers"]);
        assert_eq!(ids("Algiers"), vec!["Algiers"]);
        assert_eq!(ids("الجزائر"), vec!["DZ"]);
        assert_eq!(ids("l'Algérie"), vec!["DZ"]);
        assert_eq!(find("Algiers")[0].country, "DZ");
    }

    #[test]
    fn country_names_from_iso_codes_in_three_languages() {
        for name in [
            "المغرب",
            "Maroc",
            "Morocco",
            "موريتانيا",
            "Mauritanie",
            "Mauritania",
        ] {
            assert_eq!(find(name).len(), 1, "{name}");
        }
        assert_eq!(ids("مصر"), ids("Égypte"));
        assert_eq!(ids("Egypt"), ids("Égypte"));
    }

    #[test]
    fn a_city_that_is_also_an_adjective_is_no_place_after_a_definite_noun() {
        assert_eq!(ids("سوق المدينة الجديدة بوهران"), vec!["Oran"]);
        assert!(find("الحكومة الجديدة").is_empty());
        assert!(find("أمام السيارات الجديدة").is_empty());
        assert_eq!(ids("بمدينة الجديدة"), vec!["El Jadida"]);
        assert_eq!(ids("إقليم الجديدة"), vec!["El Jadida"]);
        assert_eq!(ids("الجديدة تحتضن المهرجان"), vec!["El Jadida"]);
        assert_eq!(ids("وفي الجديدة"), vec!["El Jadida"]);
    }

    #[test]
    fn ordinary_words_are_not_places() {
        assert!(find("le salon ouvre ses portes jeudi").is_empty());
        assert!(find("the death toll rose on Wednesday").is_empty());
        assert!(find("انطلقت اليوم فعاليات المعرض").is_empty());
    }
}
