//! People with their titles, organisations and places in French and English
//! sentences (see `extract::language`), with the lexicon in
//! data/latin_entities.toml. The Arabic reader (the parent module) keeps the
//! Arabic sentences.
//!
//! Read on the original text, where capitals tell names apart:
//! - a title is a form of data/latin_entities.toml ("ministre", "chief
//!   executive", "colonel-major") and its complement: connectors and the
//!   words after them ("de l'Économie et des Finances", "of Economy and
//!   Finance", "générale de l'Agence nationale des ports");
//! - a name is a run of capitalised words with particles ("Abderrahim El
//!   Ouazzani", "Sidi Mohamed Ould Ahmedou", "Fahd Al-Dosari"); it is a
//!   person when a title stands right before it or is set off by a comma on
//!   either side, when a verb of speech follows ("said", "a déclaré"), or
//!   after "selon"/"according to". A later mention of the surname alone is
//!   the same person;
//! - an organisation starts at a head word ("Agence", "Ministry", "tribunal
//!   de première instance"), with capitalised words before it in English
//!   ("the Interior Ministry", "National Institute of Geophysics") and its
//!   complement after it;
//! - a place is a capitalised name after a place word ("in Agadir", "à
//!   Tanger", "province de …") or a dateline ("NOUAKCHOTT -").
//!
//! Keys: a person's and an organisation's key is the name lower-cased; a
//! title's office is found by `title_signature` through the same lexicon as
//! Arabic titles, where data/latin_entities.toml lists its forms.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::extract::Document;
use crate::model::{EntityValue, Fact, FactKind, Role, Span, Value};

#[derive(Deserialize)]
pub(super) struct File {
    pub title: Vec<TitleEntry>,
    organizations: Orgs,
    connectors: Words,
    names: Names,
}

#[derive(Deserialize)]
pub(super) struct TitleEntry {
    pub id: String,
    pub forms: Vec<String>,
}

#[derive(Deserialize)]
struct Orgs {
    heads: Vec<String>,
    lowercase_heads: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Names {
    particles: Vec<String>,
    speech: Vec<String>,
    person_before: Vec<String>,
    place_before: Vec<String>,
    not_names: Vec<String>,
}

pub(super) const DATA: &str = include_str!("../../../data/latin_entities.toml");

pub(super) static FILE: LazyLock<File> =
    LazyLock::new(|| toml::from_str(DATA).expect("data/latin_entities.toml is valid"));

type Phrase = Vec<String>;

struct Lexicon {
    titles: Vec<Phrase>,
    org_heads: Vec<String>,
    lower_org_heads: Vec<Phrase>,
    connectors: Vec<String>,
    particles: Vec<String>,
    speech: Vec<Phrase>,
    person_before: Vec<Phrase>,
    place_before: Vec<Phrase>,
    not_names: Vec<String>,
}

fn phrases<'a>(list: impl IntoIterator<Item = &'a String>) -> Vec<Phrase> {
    let mut v: Vec<Phrase> = list
        .into_iter()
        .map(|s| words(s, 0).into_iter().map(|t| t.lower).collect::<Phrase>())
        .filter(|p| !p.is_empty())
        .collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let f = &*FILE;
    Lexicon {
        titles: phrases(f.title.iter().flat_map(|t| &t.forms)),
        org_heads: f.organizations.heads.clone(),
        lower_org_heads: phrases(&f.organizations.lowercase_heads),
        connectors: f.connectors.words.clone(),
        particles: f.names.particles.clone(),
        speech: phrases(&f.names.speech),
        person_before: phrases(&f.names.person_before),
        place_before: phrases(&f.names.place_before),
        not_names: f.names.not_names.clone(),
    }
});

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    lower: String,
    /// Starts with a capital letter.
    capital: bool,
    /// All letters are capitals ("NOUAKCHOTT").
    upper: bool,
    word: bool,
    line_start: bool,
}

const ELISIONS: [&str; 6] = ["l", "d", "qu", "j", "n", "s"];

/// Words (with inner hyphens and apostrophes; French elisions apart) and
/// punctuation, in original byte offsets.
fn words(text: &str, base: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut line_start = true;
    while let Some((i, c)) = it.next() {
        if c == '\n' {
            line_start = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        let word = c.is_alphanumeric();
        if word {
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '-' | '\'' | '’') {
                    let head = text[i..j].to_lowercase();
                    if d != '-' && ELISIONS.contains(&head.as_str()) {
                        end = j + d.len_utf8();
                        it.next();
                        break;
                    }
                    let next = text[j + d.len_utf8()..].chars().next();
                    if !next.is_some_and(char::is_alphanumeric) || (d != '-' && next == Some('s')) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
        let raw = &text[i..end];
        out.push(Tok {
            start: base + i,
            end: base + end,
            lower: raw.to_lowercase().replace('’', "'"),
            capital: raw.starts_with(char::is_uppercase),
            upper: raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase),
            word,
            line_start,
        });
        line_start = false;
    }
    out
}

struct Reader<'a> {
    toks: &'a [Tok],
    lex: &'static Lexicon,
}

#[derive(Debug, Clone)]
struct Title {
    tok: usize,
    end: usize,
}

#[derive(Debug, Clone)]
struct Name {
    tok: usize,
    end: usize,
}

impl Reader<'_> {
    fn phrase_at(&self, i: usize, p: &Phrase) -> Option<usize> {
        if i + p.len() > self.toks.len() {
            return None;
        }
        let ok = p.iter().zip(&self.toks[i..]).all(|(w, t)| *w == t.lower)
            && (i + 1..i + p.len()).all(|k| !self.toks[k].line_start);
        ok.then_some(i + p.len())
    }

    fn any_phrase_at(&self, i: usize, list: &[Phrase]) -> Option<usize> {
        list.iter().find_map(|p| self.phrase_at(i, p))
    }

    fn phrase_before(&self, i: usize, list: &[Phrase]) -> bool {
        list.iter().any(|p| {
            i.checked_sub(p.len())
                .is_some_and(|s| self.phrase_at(s, p) == Some(i))
        })
    }

    fn is_connector(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.word && !t.line_start && self.lex.connectors.contains(&t.lower))
    }

    /// A word that can be part of a name: capitalised, or a particle.
    fn name_word(&self, i: usize, first: bool) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // "CO2", "G20": codes, not names.
        if !t.word || t.lower.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if t.capital {
            return !self.lex.not_names.contains(&t.lower)
                && !crate::extract::date::is_month_or_weekday(&t.lower)
                && !self.lex.org_heads.contains(&t.lower);
        }
        !first && self.lex.particles.contains(&t.lower)
    }

    /// A run of name words from `i`: at least two, particles inside only.
    fn name_at(&self, i: usize) -> Option<Name> {
        if !self.name_word(i, true)
            || self.toks[i].upper
                && self.toks[i].lower.chars().count() > 1
                && !self.toks.get(i + 1).is_some_and(|t| t.capital && !t.upper)
        {
            return None;
        }
        let mut e = i + 1;
        while e < self.toks.len() && !self.toks[e].line_start && self.name_word(e, false) {
            e += 1;
        }
        // Do not end on a particle.
        while e > i + 1 && !self.toks[e - 1].capital {
            e -= 1;
        }
        (e - i >= 2 && e - i <= 5).then_some(Name { tok: i, end: e })
    }

    /// A title at `i`: the form and its complement.
    fn title_at(&self, i: usize) -> Option<Title> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        let mut e = self.any_phrase_at(i, &self.lex.titles)?;
        // Complement: connectors and the words after them, and lower-case adjectives.
        loop {
            if self.is_connector(e) {
                let mut k = e;
                while self.is_connector(k) {
                    k += 1;
                }
                if self.toks.get(k).is_some_and(|w| w.word && !w.line_start) {
                    e = k + 1;
                    continue;
                }
                break;
            }
            match self.toks.get(e) {
                Some(w) if w.word && !w.capital && !w.line_start && e > i && self.adjective(e) => {
                    e += 1;
                }
                _ => break,
            }
        }
        Some(Title { tok: i, end: e })
    }

    /// A lower-case word that continues a title or organisation ("générale", "nationale").
    fn adjective(&self, i: usize) -> bool {
        let w = &self.toks[i].lower;
        [
            "al", "ale", "ales", "aux", "ique", "iques", "ien", "ienne", "ais", "aise", "el",
            "elle", "ier", "ière", "if", "ive", "ère", "ée", "é", "aire", "ale", "eur", "rice",
        ]
        .iter()
        .any(|s| w.ends_with(s))
            && !self.lex.connectors.contains(w)
            && w.chars().count() > 3
    }

    /// An organisation at `i`: (first token, end).
    fn org_at(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        let head_end = if t.capital && self.lex.org_heads.contains(&t.lower) {
            i + 1
        } else {
            self.any_phrase_at(i, &self.lex.lower_org_heads)?
        };
        // English: capitalised words before the head ("Interior Ministry", "National Institute").
        let mut s = i;
        while s > 0
            && !self.toks[s].line_start
            && self.toks[s - 1].word
            && self.toks[s - 1].capital
            && !self.lex.not_names.contains(&self.toks[s - 1].lower)
            && !self.toks[s - 1].lower.ends_with("'s")
            && s - 1 > 0
            && !matches!(
                self.toks.get(s - 2).map(|t| t.lower.as_str()),
                Some("." | "\n")
            )
        {
            s -= 1;
        }
        let mut e = head_end;
        loop {
            if self.is_connector(e) {
                let mut k = e;
                while self.is_connector(k) {
                    k += 1;
                }
                if self.toks.get(k).is_some_and(|w| w.word && !w.line_start) {
                    // "de première instance", "d'appel", "de la région": up to
                    // two lower-case words after a connector.
                    let mut m = k + 1;
                    if !self.toks[k].capital
                        && self.toks.get(m).is_some_and(|w| {
                            w.word
                                && !w.capital
                                && !w.line_start
                                && !self.lex.connectors.contains(&w.lower)
                        })
                        && self.is_connector(m + 1)
                    {
                        m += 1;
                    }
                    e = m;
                    continue;
                }
                break;
            }
            match self.toks.get(e) {
                Some(w)
                    if w.word && !w.line_start && (w.capital || self.adjective(e)) && !w.upper =>
                {
                    e += 1
                }
                _ => break,
            }
        }
        (e > s + 1 || self.toks[s].capital).then_some((s, e))
    }
}

/// Latin spellings of cities and countries (lower case, accents off) and
/// their Arabic spellings, from data/cities.toml and data/countries.toml:
/// "Agadir" → أكادير, "Maroc" → المغرب.
static ARABIC_PLACE_NAMES: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    #[derive(Deserialize)]
    struct Place {
        #[serde(default)]
        en: Vec<String>,
        #[serde(default)]
        fr: Vec<String>,
        #[serde(default)]
        ar: Vec<String>,
    }
    #[derive(Deserialize)]
    struct Cities {
        city: Vec<Place>,
    }
    #[derive(Deserialize)]
    struct Countries {
        country: Vec<Place>,
    }
    let cities: Cities = toml::from_str(include_str!("../../../data/cities.toml"))
        .expect("data/cities.toml is valid");
    let countries: Countries = toml::from_str(include_str!("../../../data/countries.toml"))
        .expect("data/countries.toml is valid");
    let mut map = HashMap::new();
    // Cities first: a city's name wins over a country's of the same spelling.
    for p in cities.city.iter().chain(&countries.country) {
        if p.ar.is_empty() {
            continue;
        }
        for latin in p.en.iter().chain(&p.fr) {
            map.entry(plain(latin)).or_insert_with(|| p.ar.clone());
        }
    }
    map
});

/// Lower case without accents or apostrophe variants: "Fès" and "Fes" agree.
fn plain(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Î' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'Ô' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'Ç' => 'c',
            '’' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key an Arabic article gives the place a Latin name names: the
/// gazetteer's key of one of its Arabic spellings, else its first Arabic
/// spelling folded as the text is ("Agadir" and "أكادير" are one place).
fn place_key(doc: &Document, name: &str) -> Option<String> {
    let arabic = ARABIC_PLACE_NAMES.get(&plain(name))?;
    let lex = super::lexicon_of(doc);
    arabic
        .iter()
        .find_map(|a| lex.place_key(a))
        .or_else(|| arabic.first().map(|a| crate::normalize::fold(a)))
}

fn push(
    doc: &Document,
    out: &mut Vec<Fact>,
    kind: FactKind,
    name: Span,
    title: Option<Span>,
    role: Role,
) {
    let quote = doc.article.quote(name).to_string();
    let key = match kind {
        FactKind::Place => place_key(doc, &quote),
        _ => None,
    }
    .unwrap_or_else(|| quote.to_lowercase().replace('’', "'"));
    let span = match title {
        Some(t) if t.end <= name.start => Span::new(t.start, name.end),
        _ => name,
    };
    let _ = span;
    out.push(doc.fact_at(
        kind,
        name,
        Value::Entity(EntityValue {
            name: quote,
            name_span: name,
            key,
            title: title.map(|t| doc.article.quote(t).to_string()),
            title_span: title,
            role,
        }),
    ));
}

fn scan(doc: &Document, run: Span, out: &mut Vec<Fact>) {
    let text = &doc.article.analysis_text[run.start..run.end];
    let toks = words(text, run.start);
    let r = Reader {
        toks: &toks,
        lex: &LEXICON,
    };
    let span = |a: usize, b: usize| Span::new(toks[a].start, toks[b - 1].end);
    let mut taken = vec![false; toks.len()];
    let mut people: Vec<(Span, String)> = Vec::new();
    let mut i = 0;
    // Organisations first: "Agence nationale des ports" is no person.
    while i < toks.len() {
        if let Some((s, e)) = r.org_at(i) {
            if !taken[s..e].iter().any(|t| *t) {
                taken[s..e].iter_mut().for_each(|t| *t = true);
                push(
                    doc,
                    out,
                    FactKind::Organization,
                    span(s, e),
                    None,
                    Role::Mentioned,
                );
                i = e;
                continue;
            }
        }
        i += 1;
    }
    // Titles and the names they introduce.
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let Some(t) = r.title_at(i) else {
            i += 1;
            continue;
        };
        // The name right after the title, or after a comma.
        let after = if toks.get(t.end).is_some_and(|c| c.lower == ",") {
            t.end + 1
        } else {
            t.end
        };
        let name = r
            .name_at(after)
            .filter(|n| !taken[n.tok..n.end].iter().any(|x| *x));
        // Or the name before it: "Youssef Amzal, commissaire du salon".
        let before = (name.is_none() && i >= 3 && toks[i - 1].lower == ",")
            .then(|| {
                let mut s = i - 1;
                while s > 0 && r.name_word(s - 1, false) {
                    s -= 1;
                }
                r.name_at(s).filter(|n| n.end == i - 1)
            })
            .flatten()
            .filter(|n| !taken[n.tok..n.end].iter().any(|x| *x));
        if let Some(n) = name.or(before) {
            let title_end = t.end;
            taken[n.tok..n.end].iter_mut().for_each(|x| *x = true);
            taken[t.tok..title_end].iter_mut().for_each(|x| *x = true);
            let ns = span(n.tok, n.end);
            people.push((ns, doc.article.quote(ns).to_lowercase()));
            push(
                doc,
                out,
                FactKind::Person,
                ns,
                Some(span(t.tok, title_end)),
                Role::Mentioned,
            );
            i = n.end.max(title_end);
            continue;
        }
        i = t.end.max(i + 1);
    }
    // Other people: before a verb of speech, after "selon", "according to", "M.".
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(n) = r
            .name_at(i)
            .filter(|n| !taken[n.tok..n.end].iter().any(|x| *x))
        {
            let speech = r.any_phrase_at(n.end, &r.lex.speech).is_some()
                || (toks.get(n.end).is_some_and(|t| t.lower == ",")
                    && r.any_phrase_at(n.end + 1, &r.lex.speech).is_some());
            if speech || r.phrase_before(i, &r.lex.person_before) {
                taken[n.tok..n.end].iter_mut().for_each(|x| *x = true);
                let ns = span(n.tok, n.end);
                people.push((ns, doc.article.quote(ns).to_lowercase()));
                push(doc, out, FactKind::Person, ns, None, Role::Mentioned);
                i = n.end;
                continue;
            }
        }
        i += 1;
    }
    // A surname alone that ends a known person's name: the same person.
    for (k, t) in toks.iter().enumerate() {
        if taken[k] || !t.capital || !t.word || t.lower.chars().count() < 3 {
            continue;
        }
        if toks.get(k + 1).is_some_and(|n| n.word && n.capital)
            || k > 0 && toks[k - 1].word && toks[k - 1].capital && !toks[k - 1].line_start
        {
            continue;
        }
        if let Some((_, full)) = people.iter().find(|(_, full)| {
            full.rsplit(' ').next() == Some(t.lower.as_str()) && full.contains(' ')
        }) {
            taken[k] = true;
            let quote = doc.article.quote(span(k, k + 1)).to_string();
            out.push(doc.fact_at(
                FactKind::Person,
                span(k, k + 1),
                Value::Entity(EntityValue {
                    name: quote,
                    name_span: span(k, k + 1),
                    key: full.clone(),
                    title: None,
                    title_span: None,
                    role: Role::Mentioned,
                }),
            ));
        }
    }
    // Places: a capitalised name after a place word, or a dateline.
    for k in 0..toks.len() {
        if taken[k] || !toks[k].word || !toks[k].capital {
            continue;
        }
        // "NOUAKCHOTT -", "AL HOCEIMA, Morocco -": a line opening in capitals.
        let dateline = toks[k].line_start
            && toks[k].upper
            && toks[k..]
                .iter()
                .take_while(|t| t.word && t.upper)
                .map(|t| t.lower.chars().count())
                .sum::<usize>()
                > 3;
        if !dateline && !r.phrase_before(k, &r.lex.place_before) {
            continue;
        }
        let mut e = k + 1;
        while e < toks.len()
            && !toks[e].line_start
            && toks[e].word
            && (toks[e].capital
                || (r.lex.particles.contains(&toks[e].lower)
                    && toks.get(e + 1).is_some_and(|n| n.capital)))
            && (!dateline || toks[e].upper)
        {
            e += 1;
        }
        if taken[k..e].iter().any(|x| *x)
            || !r.name_word(k, true)
            || (r.name_at(k).is_some() && !dateline && e - k > 2)
        {
            continue;
        }
        taken[k..e].iter_mut().for_each(|x| *x = true);
        let role = if dateline {
            Role::Venue
        } else {
            Role::Mentioned
        };
        push(doc, out, FactKind::Place, span(k, e), None, role);
    }
}

/// Replaces the Arabic reader's entities inside Latin-script sentences with this reader's.
pub(super) fn merge(doc: &Document, facts: &mut Vec<Fact>) {
    let runs = doc.latin_runs();
    if runs.is_empty() {
        return;
    }
    Document::drop_facts_in_runs(&runs, facts);
    for r in runs {
        scan(doc, r, facts);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, ExtractOptions};
    use crate::model::{Article, FactKind, Value};

    fn entities(text: &str) -> Vec<(FactKind, String, Option<String>)> {
        let a = Article::from_text("t", text);
        extract(&a, &ExtractOptions::default())
            .into_iter()
            .filter_map(|f| match &f.value {
                Value::Entity(e) => Some((f.kind, e.name.clone(), e.title.clone())),
                _ => None,
            })
            .collect()
    }

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        entities(text)
            .into_iter()
            .filter(|(k, _, _)| *k == FactKind::Person)
            .map(|(_, n, t)| (n, t))
            .collect()
    }

    #[test]
    fn latin_places_take_the_key_of_their_arabic_spelling() {
        let key = |text: &str| -> Vec<String> {
            let a = Article::from_text("t", text);
            extract(&a, &ExtractOptions::default())
                .into_iter()
                .filter(|f| f.kind == FactKind::Place)
                .filter_map(|f| match f.value {
                    Value::Entity(e) => Some(e.key),
                    _ => None,
                })
                .collect()
        };
        let arabic = key("افتتح الوزير المعرض في أكادير يوم الخميس.");
        assert!(!arabic.is_empty());
        assert_eq!(
            key("Le ministre a inauguré le salon à Agadir jeudi dernier."),
            arabic
        );
        // A place the tables do not know keeps its own name.
        assert_eq!(
            key("The minister opened the fair in Tiznitville on Thursday."),
            ["tiznitville"]
        );
    }

    #[test]
    fn people_with_titles_in_french_and_english() {
        assert_eq!(
            people("Dans son discours, Nadia Alami, directrice générale de l'Agence nationale des ports, a annoncé un plan."),
            [("Nadia Alami".to_string(), Some("directrice générale de l'Agence nationale des ports".to_string()))]
        );
        assert_eq!(
            people("The agreement was signed by the fund's chief executive, Fahd Al-Dosari, in Nouakchott."),
            [("Fahd Al-Dosari".to_string(), Some("chief executive".to_string()))]
        );
        assert_eq!(
            people("It was signed by Mauritania's Minister of Economy and Finance, Sidi Mohamed Ould Ahmedou."),
            [("Sidi Mohamed Ould Ahmedou".to_string(), Some("Minister of Economy and Finance".to_string()))]
        );
        assert_eq!(
            people("Le colonel-major Ahmed Benali a inspecté les unités déployées dans la région."),
            [(
                "Ahmed Benali".to_string(),
                Some("colonel-major".to_string())
            )]
        );
        assert_eq!(
            people("Construction will create 2,400 jobs, Fahd Al-Dosari said on Wednesday."),
            [("Fahd Al-Dosari".to_string(), None)]
        );
    }

    #[test]
    fn organisations_and_places() {
        let e = entities("Le tribunal de première instance de Tanger a condamné le prévenu, selon la cour d'appel.");
        assert!(e.iter().any(|(k, n, _)| *k == FactKind::Organization
            && n == "tribunal de première instance de Tanger"));
        assert!(e
            .iter()
            .any(|(k, n, _)| *k == FactKind::Organization && n == "cour d'appel"));
        let e = entities(
            "The death toll has risen to 14, the Interior Ministry said in a statement in Rabat.",
        );
        assert!(e
            .iter()
            .any(|(k, n, _)| *k == FactKind::Organization && n == "Interior Ministry"));
        assert!(e
            .iter()
            .any(|(k, n, _)| *k == FactKind::Place && n == "Rabat"));
    }

    #[test]
    fn french_and_english_titles_name_the_offices_of_arabic_ones() {
        use crate::extract::entity::{same_title, title_signature};
        assert_eq!(
            title_signature("Minister of Economy and Finance")
                .office
                .as_deref(),
            Some("minister")
        );
        assert_eq!(
            title_signature("directrice générale de l'Agence")
                .office
                .as_deref(),
            Some("director")
        );
        assert!(same_title(
            "Minister of Economy and Finance",
            "وزير الاقتصاد والمالية"
        ));
        assert!(!same_title(
            "ministre de l'Intérieur",
            "directeur général de la Sûreté"
        ));
    }

    #[test]
    fn capitalised_words_that_are_no_names() {
        assert!(people(
            "Schools in the two worst-hit communes will remain closed until further notice."
        )
        .is_empty());
        assert!(people("Le Premier ministre a reçu jeudi une délégation à Rabat.").is_empty());
        assert!(people("In March, The Fund approved a new loan for the region.").is_empty());
    }
}
