//! The entity lexicons (data/gazetteer.toml, data/titles.toml,
//! data/entity_names.toml, data/entity_cues.toml), folded and indexed once.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::Role;
use crate::normalize::fold;

/// Hash map and set for the lexicons' short word keys: every token of every
/// article is looked up in several of them, and SipHash showed in the names
/// profile. FxHash is fast and unkeyed; a crafted collision only slows one
/// lookup down.
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<K> = rustc_hash::FxHashSet<K>;

const GAZETTEER: &str = include_str!("../../../data/gazetteer.toml");
const TITLES: &str = include_str!("../../../data/titles.toml");
const NAMES: &str = include_str!("../../../data/entity_names.toml");
const CUES: &str = include_str!("../../../data/entity_cues.toml");

#[derive(Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    country: Vec<CountryEntry>,
    #[serde(default)]
    region: Vec<NamedEntry>,
    #[serde(default)]
    organization: Vec<NamedEntry>,
}

#[derive(Deserialize)]
struct CountryEntry {
    name: String,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    strict: bool,
}

#[derive(Deserialize)]
struct NamedEntry {
    name: String,
    #[serde(default)]
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct TitlesFile {
    honorifics: Vec<String>,
    #[serde(default)]
    noun_honorifics: Vec<String>,
    title: Vec<TitleEntry>,
    role: Vec<RoleEntry>,
}

#[derive(Deserialize)]
struct TitleEntry {
    id: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct RoleEntry {
    role: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct NamesFile {
    given: Vec<String>,
    prefixes: Vec<String>,
    links: Vec<String>,
    suffixes: Vec<String>,
    #[serde(default)]
    surnames: Vec<String>,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    not_nisba: Vec<String>,
}

#[derive(Deserialize)]
struct CuesFile {
    meeting: Vec<String>,
    with: Vec<String>,
    reception: Vec<String>,
    invitation: Vec<String>,
    visit: Vec<String>,
    to: Vec<String>,
    venue_verbs: Vec<String>,
    venue_nouns: Vec<String>,
    future: Vec<String>,
    stop: Vec<String>,
    common: Vec<String>,
    #[serde(default)]
    institution_heads: Vec<String>,
}

/// What a gazetteer form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    Region,
    /// A nationality adjective: its key is the country's.
    Adjective,
}

/// One multi-word form of the gazetteer or of the title lexicon, folded.
#[derive(Debug, Clone)]
pub struct Form {
    pub tokens: Vec<String>,
    /// Index of the entry the form belongs to.
    pub entry: usize,
    pub latin: bool,
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub key: String,
    pub kind: PlaceKind,
    pub strict: bool,
}

#[derive(Debug, Clone)]
pub struct TitleHead {
    /// Office id, empty for role words.
    pub id: String,
    pub role: Option<Role>,
}

/// Forms indexed by their first folded token, longest first.
#[derive(Debug, Default, Clone)]
pub struct FormIndex {
    by_first: HashMap<String, Vec<Form>>,
}

impl FormIndex {
    fn add(&mut self, text: &str, entry: usize) {
        let folded = fold(text);
        let tokens = tokenize_words(&folded);
        if tokens.is_empty() {
            return;
        }
        let latin = tokens
            .iter()
            .all(|t| t.chars().all(|c| c.is_ascii_alphanumeric()));
        let list = self.by_first.entry(tokens[0].clone()).or_default();
        list.push(Form {
            tokens,
            entry,
            latin,
        });
        list.sort_by_key(|f| std::cmp::Reverse(f.tokens.len()));
    }

    pub fn starting_with(&self, first: &str) -> &[Form] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

#[derive(Clone)]
pub struct Lexicon {
    pub places: Vec<PlaceEntry>,
    pub place_forms: FormIndex,
    pub orgs: Vec<String>,
    pub org_forms: FormIndex,
    pub titles: Vec<TitleHead>,
    pub title_forms: FormIndex,
    pub honorifics: FormIndex,
    /// Honorifics that are also common nouns ("الفريق": a rank and a team).
    pub noun_honorifics: HashSet<String>,
    pub given: HashSet<String>,
    /// Two-word given names ("نور الدين"), joined by a space.
    pub given_pairs: HashSet<String>,
    /// The same pairs by first word: first → second words.
    pub given_pair_next: HashMap<String, HashSet<String>>,
    /// Every non-empty leading slice (on a char boundary) of a given pair.
    pub given_pair_prefixes: HashSet<String>,
    pub prefixes: HashSet<String>,
    pub links: HashSet<String>,
    pub suffixes: HashSet<String>,
    pub surnames: HashSet<String>,
    /// Given names that are also a function word in some copy ("علي" for على).
    pub function_given: HashSet<String>,
    /// Definite words ending in ي that are no nisba after such a name.
    pub not_nisba: HashSet<String>,
    pub meeting: HashSet<String>,
    pub with: HashSet<String>,
    pub reception: HashSet<String>,
    pub invitation: HashSet<String>,
    pub visit: HashSet<String>,
    pub to: HashSet<String>,
    pub venue_verbs: HashSet<String>,
    pub venue_nouns: HashSet<String>,
    pub future: HashSet<String>,
    pub stop: HashSet<String>,
    pub common: HashSet<String>,
    /// Heads of institution names, folded, without the article.
    pub institution_heads: HashSet<String>,
    /// Country key of every place key (a country maps to itself).
    pub country_of: HashMap<String, String>,
    /// First words of all form indexes, see [`Lexicon::form_kinds`].
    first_words: HashMap<String, u8>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("places", &self.places.len())
            .field("orgs", &self.orgs.len())
            .field("titles", &self.titles.len())
            .finish_non_exhaustive()
    }
}

/// Entries added to the built-in lexicons (the `[gazetteer]` section of
/// `factdiff.toml`). Each entry is one or more spellings separated by `|`,
/// the first being the canonical one, optionally followed by `= TARGET`:
/// - `places`: a city, `"شفشاون|الشاون"`, or a city of a known country,
///   `"شفشاون = المغرب"` (the country in any spelling of the built-in
///   gazetteer). Spellings of a place already known are added to it.
/// - `organizations`: `"المكتب المركزي للأبحاث القضائية|BCIJ"`; spellings of
///   a known organisation are added to it.
/// - `titles`: heads of a title, `"قائد الدرك"`, optionally with the office
///   id they share with other forms, `"عميد الشرطة = police-dean"` or an id
///   of data/titles.toml (`"الوزير الأول = prime-minister"`). Without an id,
///   the office is the folded first spelling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    pub places: Vec<String>,
    pub organizations: Vec<String>,
    pub titles: Vec<String>,
}

impl Extras {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.organizations.is_empty() && self.titles.is_empty()
    }
}

/// Splits `"a|b = target"` into spellings and target.
fn parse_extra(section: &str, entry: &str) -> Result<(Vec<String>, Option<String>), String> {
    let (names, target) = match entry.split_once('=') {
        Some((n, t)) => (n, Some(t.trim())),
        None => (entry, None),
    };
    let spellings: Vec<String> = names
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let problem = |what: &str| format!("gazetteer.{section}: {what} in {entry:?}");
    if spellings.is_empty()
        || spellings
            .iter()
            .any(|s| tokenize_words(&fold(s)).is_empty())
    {
        return Err(problem("a spelling with no letters"));
    }
    match target {
        Some("") => Err(problem("nothing after '='")),
        Some(t) => Ok((spellings, Some(t.to_string()))),
        None => Ok((spellings, None)),
    }
}

/// Which form indexes have forms starting with a word (see
/// [`Lexicon::form_kinds`]).
pub const ORG_FORMS: u8 = 1;
pub const PLACE_FORMS: u8 = 2;
pub const TITLE_FORMS: u8 = 4;
pub const HONORIFIC_FORMS: u8 = 8;

impl Lexicon {
    /// Adds config entries (see [`Extras`] for their form).
    pub fn extend(&mut self, extras: &Extras) -> Result<(), String> {
        let done = self.extend_forms(extras);
        self.index_first_words();
        done
    }

    /// The bits of the form indexes (`ORG_FORMS`, …) that have a form
    /// starting with `word`: one lookup instead of one per index.
    pub fn form_kinds(&self, word: &str) -> u8 {
        self.first_words.get(word).copied().unwrap_or(0)
    }

    fn index_first_words(&mut self) {
        let mut first_words: HashMap<String, u8> = HashMap::default();
        for (index, bit) in [
            (&self.org_forms, ORG_FORMS),
            (&self.place_forms, PLACE_FORMS),
            (&self.title_forms, TITLE_FORMS),
            (&self.honorifics, HONORIFIC_FORMS),
        ] {
            for (w, forms) in &index.by_first {
                if !forms.is_empty() {
                    *first_words.entry(w.clone()).or_default() |= bit;
                }
            }
        }
        self.first_words = first_words;
    }

    fn extend_forms(&mut self, extras: &Extras) -> Result<(), String> {
        for entry in &extras.places {
            let (spellings, country) = parse_extra("places", entry)?;
            let country_key = match country {
                None => None,
                Some(c) => Some(self.country_key(&c).ok_or_else(|| {
                    format!("gazetteer.places: unknown country {c:?} in {entry:?}")
                })?),
            };
            let key = fold(&spellings[0]);
            let index = match self.place_entry(&key) {
                Some(i) => i,
                None => {
                    self.places.push(PlaceEntry {
                        key: key.clone(),
                        kind: PlaceKind::City,
                        strict: false,
                    });
                    self.places.len() - 1
                }
            };
            if let Some(c) = country_key {
                self.country_of.insert(key, c);
            }
            for s in &spellings {
                self.place_forms.add(s, index);
            }
        }
        for entry in &extras.organizations {
            let (spellings, target) = parse_extra("organizations", entry)?;
            if let Some(t) = target {
                return Err(format!(
                    "gazetteer.organizations: unexpected '= {t}' in {entry:?} (spellings only, separated by '|')"
                ));
            }
            let key = fold(&spellings[0]);
            let index = match self.orgs.iter().position(|o| *o == key) {
                Some(i) => i,
                None => {
                    self.orgs.push(key);
                    self.orgs.len() - 1
                }
            };
            for s in &spellings {
                self.org_forms.add(s, index);
            }
        }
        for entry in &extras.titles {
            let (spellings, id) = parse_extra("titles", entry)?;
            let id = id.unwrap_or_else(|| fold(&spellings[0]));
            let index = match self
                .titles
                .iter()
                .position(|t| t.role.is_none() && t.id == id)
            {
                Some(i) => i,
                None => {
                    self.titles.push(TitleHead { id, role: None });
                    self.titles.len() - 1
                }
            };
            for s in &spellings {
                self.title_forms.add(s, index);
            }
        }
        Ok(())
    }

    /// The entry of a place key (a country's or a city's canonical form).
    fn place_entry(&self, key: &str) -> Option<usize> {
        self.places
            .iter()
            .position(|p| p.key == key && p.kind != PlaceKind::Adjective)
    }

    /// The country key named by any spelling of a country.
    fn country_key(&self, name: &str) -> Option<String> {
        let tokens = tokenize_words(&fold(name));
        let first = tokens.first()?;
        self.place_forms
            .starting_with(first)
            .iter()
            .filter(|f| f.tokens == tokens)
            .map(|f| &self.places[f.entry])
            .find(|p| p.kind == PlaceKind::Country)
            .map(|p| p.key.clone())
    }

    /// The key of a country, city or region named by exactly `name` (any
    /// spelling the gazetteer lists).
    pub fn place_key(&self, name: &str) -> Option<String> {
        let tokens = tokenize_words(&fold(name));
        let first = tokens.first()?;
        self.place_forms
            .starting_with(first)
            .iter()
            .filter(|f| f.tokens == tokens)
            .map(|f| &self.places[f.entry])
            .find(|p| p.kind != PlaceKind::Adjective)
            .map(|p| p.key.clone())
    }

    /// The country a place key belongs to (a country is its own).
    pub fn country_of(&self, place_key: &str) -> Option<&str> {
        self.country_of.get(place_key).map(String::as_str)
    }

    /// Is this place key a city?
    pub fn is_city(&self, place_key: &str) -> bool {
        self.places
            .iter()
            .any(|p| p.kind == PlaceKind::City && p.key == place_key)
    }
}

/// Words of a folded string: maximal runs of letters and digits.
pub fn tokenize_words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !crate::letters::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn parse_role(s: &str) -> Option<Role> {
    match s {
        "host" => Some(Role::Host),
        "visitor" => Some(Role::Visitor),
        "counterpart" => Some(Role::Counterpart),
        _ => None,
    }
}

fn load() -> Lexicon {
    // The data files are part of the build: a parse error is a build defect,
    // caught by the tests; fall back to empty lexicons rather than panic.
    let gaz: GazetteerFile = toml::from_str(GAZETTEER).unwrap_or(GazetteerFile {
        country: Vec::new(),
        region: Vec::new(),
        organization: Vec::new(),
    });
    let titles: TitlesFile = toml::from_str(TITLES).unwrap_or(TitlesFile {
        honorifics: Vec::new(),
        noun_honorifics: Vec::new(),
        title: Vec::new(),
        role: Vec::new(),
    });
    let names: NamesFile = toml::from_str(NAMES).unwrap_or(NamesFile {
        given: Vec::new(),
        prefixes: Vec::new(),
        links: Vec::new(),
        suffixes: Vec::new(),
        surnames: Vec::new(),
        function_words: Vec::new(),
        not_nisba: Vec::new(),
    });
    let cues: CuesFile = toml::from_str(CUES).unwrap_or(CuesFile {
        meeting: Vec::new(),
        with: Vec::new(),
        reception: Vec::new(),
        invitation: Vec::new(),
        visit: Vec::new(),
        to: Vec::new(),
        venue_verbs: Vec::new(),
        venue_nouns: Vec::new(),
        future: Vec::new(),
        stop: Vec::new(),
        common: Vec::new(),
        institution_heads: Vec::new(),
    });

    let mut places = Vec::new();
    let mut place_forms = FormIndex::default();
    let mut country_of = HashMap::default();
    for c in &gaz.country {
        let key = fold(&c.name);
        country_of.insert(key.clone(), key.clone());
        let entry = places.len();
        places.push(PlaceEntry {
            key: key.clone(),
            kind: PlaceKind::Country,
            strict: c.strict,
        });
        place_forms.add(&c.name, entry);
        for f in &c.forms {
            place_forms.add(f, entry);
        }
        if !c.adjectives.is_empty() {
            let entry = places.len();
            places.push(PlaceEntry {
                key: key.clone(),
                kind: PlaceKind::Adjective,
                strict: false,
            });
            for a in &c.adjectives {
                place_forms.add(a, entry);
            }
        }
        for city in &c.cities {
            let mut spellings = city.split('|').map(str::trim).filter(|s| !s.is_empty());
            let Some(first) = spellings.next() else {
                continue;
            };
            let city_key = fold(first);
            country_of.insert(city_key.clone(), key.clone());
            let entry = places.len();
            places.push(PlaceEntry {
                key: city_key,
                kind: PlaceKind::City,
                strict: false,
            });
            place_forms.add(first, entry);
            for s in spellings {
                place_forms.add(s, entry);
            }
        }
    }
    for r in &gaz.region {
        let entry = places.len();
        places.push(PlaceEntry {
            key: fold(&r.name),
            kind: PlaceKind::Region,
            strict: false,
        });
        place_forms.add(&r.name, entry);
        for f in &r.forms {
            place_forms.add(f, entry);
        }
    }
    let mut orgs = Vec::new();
    let mut org_forms = FormIndex::default();
    for o in &gaz.organization {
        let entry = orgs.len();
        orgs.push(fold(&o.name));
        org_forms.add(&o.name, entry);
        for f in &o.forms {
            org_forms.add(f, entry);
        }
    }
    let mut heads = Vec::new();
    let mut title_forms = FormIndex::default();
    for t in &titles.title {
        let entry = heads.len();
        heads.push(TitleHead {
            id: t.id.clone(),
            role: None,
        });
        for f in &t.forms {
            title_forms.add(f, entry);
        }
    }
    // French and English forms of the same offices (data/latin_entities.toml).
    for t in &super::latin::FILE.title {
        let entry = match heads.iter().position(|h| h.role.is_none() && h.id == t.id) {
            Some(e) => e,
            None => {
                heads.push(TitleHead {
                    id: t.id.clone(),
                    role: None,
                });
                heads.len() - 1
            }
        };
        for f in &t.forms {
            title_forms.add(f, entry);
        }
    }
    for r in &titles.role {
        let entry = heads.len();
        heads.push(TitleHead {
            id: String::new(),
            role: parse_role(&r.role),
        });
        for f in &r.forms {
            title_forms.add(f, entry);
        }
    }
    let mut honorifics = FormIndex::default();
    for h in &titles.honorifics {
        honorifics.add(h, 0);
    }
    let mut given = HashSet::default();
    let mut given_pairs = HashSet::default();
    let mut given_pair_next: HashMap<String, HashSet<String>> = HashMap::default();
    let mut given_pair_prefixes = HashSet::default();
    for g in &names.given {
        let words = tokenize_words(&fold(g));
        match words.len() {
            1 => {
                given.insert(words[0].clone());
            }
            2 => {
                let pair = words.join(" ");
                for (i, c) in pair.char_indices() {
                    given_pair_prefixes.insert(pair[..i + c.len_utf8()].to_string());
                }
                given_pairs.insert(pair);
                given_pair_next
                    .entry(words[0].clone())
                    .or_default()
                    .insert(words[1].clone());
            }
            _ => {}
        }
    }
    let mut lex = Lexicon {
        places,
        place_forms,
        orgs,
        org_forms,
        titles: heads,
        title_forms,
        honorifics,
        noun_honorifics: set(&titles.noun_honorifics),
        given,
        given_pairs,
        given_pair_next,
        given_pair_prefixes,
        prefixes: set(&names.prefixes),
        links: set(&names.links),
        suffixes: set(&names.suffixes),
        surnames: set(&names.surnames),
        function_given: set(&names.function_words),
        not_nisba: set(&names.not_nisba),
        meeting: set(&cues.meeting),
        with: set(&cues.with),
        reception: set(&cues.reception),
        invitation: set(&cues.invitation),
        visit: set(&cues.visit),
        to: set(&cues.to),
        venue_verbs: set(&cues.venue_verbs),
        venue_nouns: set(&cues.venue_nouns),
        future: set(&cues.future),
        stop: set(&cues.stop),
        common: set(&cues.common),
        institution_heads: cues
            .institution_heads
            .iter()
            .map(|h| {
                let f = fold(h);
                f.strip_prefix("ال").map_or(f.clone(), str::to_string)
            })
            .collect(),
        country_of,
        first_words: HashMap::default(),
    };
    lex.index_first_words();
    lex
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        assert!(toml::from_str::<GazetteerFile>(GAZETTEER).is_ok());
        assert!(toml::from_str::<TitlesFile>(TITLES).is_ok());
        assert!(toml::from_str::<NamesFile>(NAMES).is_ok());
        assert!(toml::from_str::<CuesFile>(CUES).is_ok());
        let lex = &*LEXICON;
        assert!(lex.given.contains("منير"));
        assert_eq!(
            lex.country_of.get("انقره").map(String::as_str),
            Some("تركيا")
        );
        assert!(!lex.title_forms.starting_with("نايب").is_empty());
    }

    fn extras(places: &[&str], organizations: &[&str], titles: &[&str]) -> Extras {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
        Extras {
            places: v(places),
            organizations: v(organizations),
            titles: v(titles),
        }
    }

    #[test]
    fn extras_add_cities_with_their_country() {
        let mut lex = LEXICON.clone();
        assert!(lex.place_forms.starting_with("شفشاون").is_empty());
        lex.extend(&extras(
            &["شفشاون|الشاون = المملكة المغربية", "ورزازات"],
            &[],
            &[],
        ))
        .unwrap();
        assert!(!lex.place_forms.starting_with("الشاون").is_empty());
        assert_eq!(lex.country_of("شفشاون"), Some("المغرب"));
        assert!(lex.is_city("شفشاون") && lex.is_city("ورزازات"));
        assert_eq!(lex.country_of("ورزازات"), None);
        // The built-in lexicon is untouched.
        assert!(LEXICON.place_forms.starting_with("شفشاون").is_empty());
    }

    #[test]
    fn extras_add_spellings_to_known_entries() {
        let mut lex = LEXICON.clone();
        let (places, orgs, titles) = (lex.places.len(), lex.orgs.len(), lex.titles.len());
        lex.extend(&extras(
            &["أنقرة|انكارا"],
            &["الأنتربول|IPO"],
            &["الوزير الأول = prime-minister"],
        ))
        .unwrap();
        assert_eq!(
            (lex.places.len(), lex.orgs.len(), lex.titles.len()),
            (places, orgs, titles)
        );
        let f = &lex.place_forms.starting_with("انكارا")[0];
        assert_eq!(lex.places[f.entry].key, "انقره");
        let t = lex
            .title_forms
            .starting_with("الوزير")
            .iter()
            .find(|f| f.tokens == ["الوزير", "الاول"])
            .unwrap();
        assert_eq!(lex.titles[t.entry].id, "prime-minister");
    }

    #[test]
    fn bad_extras_are_errors_that_quote_the_entry() {
        let mut lex = LEXICON.clone();
        let err = lex
            .extend(&extras(&["طنجة = أطلنتس"], &[], &[]))
            .unwrap_err();
        assert!(
            err.contains("unknown country") && err.contains("أطلنتس"),
            "{err}"
        );
        let err = lex.extend(&extras(&[], &["|  | "], &[])).unwrap_err();
        assert!(err.starts_with("gazetteer.organizations"), "{err}");
        let err = lex.extend(&extras(&[], &[], &["قائد = "])).unwrap_err();
        assert!(err.contains("nothing after"), "{err}");
    }
}
