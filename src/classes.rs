//! Words that say what a fact is about, read from data files: classes of
//! counted things (`data/counted.toml`), roles of people and the cues of an
//! earlier edition or a later event (`data/roles.toml`), weekday names
//! (`data/months.toml`).
//!
//! Every lexicon here is a [`CueSet`]: folded forms, whole words with a
//! plural or case ending or stems ending in `*`, possibly several words
//! long, looked up through hash maps so that a word costs a few lookups
//! whatever the size of the lexicon.

use std::sync::LazyLock;

/// FxHash: fast and unkeyed; the keys come from our own data files.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

use serde::Deserialize;

use crate::normalize::fold;

/// A word of the text, folded for matching (see [`norm_word`]).
pub type Word = String;

/// Folds one word for matching: Arabic folding, lower case, French accents
/// removed, a leading "l'" / "d'" elided article dropped.
pub fn norm_word(w: &str) -> Word {
    let mut out = fold(w);
    if out.is_ascii() {
        out.make_ascii_lowercase();
    } else if out.chars().any(|c| ('\u{C0}'..='\u{24F}').contains(&c)) {
        out = out
            .chars()
            .map(|c| match c {
                'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
                'î' | 'ï' | 'Î' => 'i',
                'ô' | 'ö' | 'Ô' => 'o',
                'ù' | 'û' | 'ü' | 'Û' => 'u',
                'ç' | 'Ç' => 'c',
                '’' => '\'',
                c => c.to_lowercase().next().unwrap_or(c),
            })
            .collect();
    } else if out.contains('’') {
        out = out.replace('’', "'");
    }
    for elided in ["l'", "d'", "qu'"] {
        if let Some(rest) = out.strip_prefix(elided) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    out
}

/// The readings of an Arabic word without its proclitics: "وبالمغرب" →
/// وبالمغرب, بالمغرب, المغرب, مغرب. Latin words are their own only reading.
pub fn bases(w: &str) -> Bases<'_> {
    let mut out = Bases {
        items: [""; 8],
        len: 0,
    };
    out.push(w);
    let mut cur = w;
    for _ in 0..2 {
        let mut chars = cur.chars();
        match chars.next() {
            Some('و' | 'ف' | 'ب' | 'ل' | 'ك') if chars.as_str().chars().count() >= 3 => {
                cur = chars.as_str();
                out.push(cur);
            }
            _ => break,
        }
    }
    for i in 0..out.len {
        let b = out.items[i];
        for article in ["ال", "لل"] {
            if let Some(rest) = b.strip_prefix(article) {
                if rest.chars().count() >= 2 {
                    out.push(rest);
                }
            }
        }
    }
    out
}

/// The readings of a word (at most 8), without allocating.
pub struct Bases<'a> {
    items: [&'a str; 8],
    len: usize,
}

impl<'a> Bases<'a> {
    fn push(&mut self, s: &'a str) {
        if self.len < self.items.len() {
            self.items[self.len] = s;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Bases<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

/// Endings a whole-word form may take: Arabic plural and case endings,
/// French and English plurals.
const ENDINGS: &[&str] = &["ات", "ين", "ون", "ا", "ه", "ها", "هم", "s", "es", "x", "e"];

/// A lexicon of forms, each naming an entry (a class, a role …).
#[derive(Debug, Default)]
pub struct CueSet {
    /// First word of a whole-word form → (entry, remaining words).
    whole: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// Stems of prefix forms ("ميدالي"), by their first character →
    /// (stem, entry, remaining words): a word costs one lookup.
    prefix: HashMap<char, Vec<(String, usize, Vec<String>)>>,
}

impl CueSet {
    pub fn add(&mut self, entry: usize, form: &str) {
        let mut words: Vec<String> = form.split_whitespace().map(norm_word).collect();
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        match first.strip_suffix('*') {
            Some(stem) => {
                if let Some(c) = stem.chars().next() {
                    self.prefix
                        .entry(c)
                        .or_default()
                        .push((stem.to_string(), entry, words));
                }
            }
            None => self.whole.entry(first).or_default().push((entry, words)),
        }
    }

    /// The entry whose form starts at `words[at]`, with the number of words
    /// it covers. The longest form wins.
    /// Words may be owned or borrowed ([`Word`] or `&str`).
    pub fn at<W: AsRef<str>>(&self, words: &[W], at: usize) -> Option<(usize, usize)> {
        let w = words.get(at)?.as_ref();
        let mut best: Option<(usize, usize)> = None;
        let mut consider = |entry: usize, rest: &[String]| {
            if rest.iter().enumerate().all(|(k, r)| {
                words
                    .get(at + 1 + k)
                    .is_some_and(|x| word_fits(x.as_ref(), r))
            }) && best.is_none_or(|(_, n)| rest.len() + 1 > n)
            {
                best = Some((entry, rest.len() + 1));
            }
        };
        for &b in bases(w).iter() {
            if let Some(cands) = self.whole.get(b) {
                cands.iter().for_each(|(e, rest)| consider(*e, rest));
            }
            for end in ENDINGS {
                if let Some(cands) = b.strip_suffix(end).and_then(|stem| self.whole.get(stem)) {
                    cands.iter().for_each(|(e, rest)| consider(*e, rest));
                }
            }
            let Some(c) = b.chars().next() else { continue };
            for (stem, e, rest) in self.prefix.get(&c).into_iter().flatten() {
                if b.starts_with(stem.as_str()) {
                    consider(*e, rest);
                }
            }
        }
        best
    }
}

/// A later word of a multi-word form: the same word, with an ending or
/// an article.
fn word_fits(word: &str, form: &str) -> bool {
    if let Some(stem) = form.strip_suffix('*') {
        return bases(word).iter().any(|b| b.starts_with(stem));
    }
    bases(word).iter().any(|b| {
        *b == form
            || ENDINGS
                .iter()
                .any(|e| b.strip_suffix(e).is_some_and(|s| s == form))
    })
}

/// What kind of figure a class can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applies {
    Count,
    Money,
    Percent,
    Ordinal,
    Measure,
    Year,
}

#[derive(Debug, Deserialize)]
pub struct Class {
    pub id: String,
    pub label: String,
    pub applies: Vec<Applies>,
    #[serde(default)]
    pub running: bool,
    #[serde(default)]
    pub subject: bool,
    /// The subject must be a person: a team scores several goals, each at
    /// its own minute, so only the scorer tells one goal from another.
    #[serde(default)]
    pub person_subject: bool,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
}

/// A part of a class ("in competition"): see data/counted.toml `[[part]]`.
#[derive(Debug, Deserialize)]
pub struct Part {
    pub id: String,
    pub label: String,
    pub applies: Vec<Applies>,
    cues: Vec<String>,
}

#[derive(Deserialize)]
struct CountedFile {
    generic: Vec<String>,
    #[serde(default)]
    increment: Vec<String>,
    #[serde(default)]
    total: Vec<String>,
    class: Vec<Class>,
    #[serde(default)]
    part: Vec<Part>,
}

pub struct Classes {
    pub classes: Vec<Class>,
    pub parts: Vec<Part>,
    /// Cues of `parts`, entry = part index.
    pub part_cues: CueSet,
    after: CueSet,
    before: CueSet,
    generic: CueSet,
    increment: CueSet,
    total: CueSet,
}

pub static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let file: CountedFile =
        toml::from_str(include_str!("../data/counted.toml")).expect("data/counted.toml is valid");
    let (mut after, mut before, mut generic) =
        (CueSet::default(), CueSet::default(), CueSet::default());
    for (i, c) in file.class.iter().enumerate() {
        c.after.iter().for_each(|f| after.add(i, f));
        c.before.iter().for_each(|f| before.add(i, f));
    }
    file.generic.iter().for_each(|f| generic.add(0, f));
    let mut increment = CueSet::default();
    file.increment.iter().for_each(|f| increment.add(0, f));
    let mut total = CueSet::default();
    file.total.iter().for_each(|f| total.add(0, f));
    let mut part_cues = CueSet::default();
    for (i, p) in file.part.iter().enumerate() {
        p.cues.iter().for_each(|f| part_cues.add(i, f));
    }
    Classes {
        classes: file.class,
        parts: file.part,
        part_cues,
        after,
        before,
        generic,
        increment,
        total,
    }
});

/// How far from a figure its class words may stand.
const AFTER_WORDS: usize = 6;
const BEFORE_WORDS: usize = 7;

impl Classes {
    /// The class of a figure of form `applies`, from the words after it
    /// (in reading order) and before it (nearest first), both within its
    /// clause. The counted noun right after the figure decides first; then
    /// context words before it ("أصيب أكثر من 40", "قرض بقيمة 250 مليون");
    /// money looks on both sides, nearest first.
    pub fn class_of(&self, applies: Applies, after: &[Word], before: &[Word]) -> Option<usize> {
        self.class_of_figure(applies, 0, after, before)
    }

    /// Is a figure of a running count an increment ("ثلاث ضحايا جدد", "three
    /// more", "another 3")? `after` as for [`Self::class_of_figure`] (its
    /// first `inside` words are the figure's quote), `before` nearest first.
    pub fn is_increment(&self, inside: usize, after: &[Word], before: &[Word]) -> bool {
        let near_after =
            (1..(inside + 2).min(after.len())).any(|k| self.increment.at(after, k).is_some());
        let right_before = before
            .first()
            .is_some_and(|w| self.increment.at(std::slice::from_ref(w), 0).is_some());
        near_after || right_before
    }

    /// Is a figure the whole its class is counted from ("من أصل 176", "out
    /// of 176")? `before` nearest first; the cue ends right before the figure.
    pub fn is_total(&self, before: &[Word]) -> bool {
        let near: Vec<Word> = before.iter().take(4).rev().cloned().collect();
        (0..near.len()).any(|k| {
            self.total
                .at(&near, k)
                .is_some_and(|(_, n)| k + n == near.len())
        })
    }

    /// Does a counted noun say nothing by itself (a generic noun or unit), or
    /// name a class? A noun that does neither ("خبير") is its own class: the
    /// words around it must not give it another one.
    pub fn noun_is_open(&self, noun: &str) -> bool {
        let w = [norm_word(noun)];
        self.generic.at(&w, 0).is_some() || self.after.at(&w, 0).is_some()
    }

    /// [`Self::class_of`] where the first `inside` words of `after` are the
    /// figure's own quote ("أكثر من 40 آخرين", "تسع ميداليات"): they may hold
    /// its noun, and words of no class among them do not end the search.
    pub fn class_of_figure(
        &self,
        applies: Applies,
        inside: usize,
        after: &[Word],
        before: &[Word],
    ) -> Option<usize> {
        let fits = |c: usize| self.classes[c].applies.contains(&applies);
        let from_after = || {
            let mut k = 0;
            while k < after.len().min(inside + AFTER_WORDS) {
                if let Some((c, _)) = self.after.at(after, k) {
                    if fits(c) {
                        return Some((k.saturating_sub(inside), c));
                    }
                }
                match self.generic.at(after, k) {
                    Some((_, n)) => k += n,
                    // Another noun: the figure counts it, and it names no class.
                    None if k >= inside => return None,
                    None => k += 1,
                }
            }
            None
        };
        let from_before = || {
            let rev: Vec<Word> = before.iter().take(BEFORE_WORDS).rev().cloned().collect();
            // `rev` is in reading order; scan from the nearest word back.
            (0..rev.len()).rev().find_map(|k| {
                self.before
                    .at(&rev, k)
                    .filter(|&(c, _)| fits(c))
                    .map(|(c, _)| (rev.len() - 1 - k, c))
            })
        };
        match (from_after(), from_before()) {
            (Some((da, a)), Some((db, b))) => Some(if da <= db { a } else { b }),
            (a, b) => a.or(b).map(|(_, c)| c),
        }
    }
}

// ---------------------------------------------------------------------------
// Units: counted nouns that name no class but are one word in three
// languages ("ملم" = "mm" = "millimètres"), see data/units.toml.

#[derive(Debug, Deserialize)]
pub struct Unit {
    pub id: String,
    pub label: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct UnitsFile {
    unit: Vec<Unit>,
}

pub struct Units {
    pub units: Vec<Unit>,
    forms: CueSet,
}

pub static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let file: UnitsFile =
        toml::from_str(include_str!("../data/units.toml")).expect("data/units.toml is valid");
    let mut forms = CueSet::default();
    for (i, u) in file.unit.iter().enumerate() {
        u.forms.iter().for_each(|f| forms.add(i, f));
    }
    Units {
        units: file.unit,
        forms,
    }
});

impl Units {
    /// The unit a counted noun names ("مليمترا", "millimètres", "mm"), if any.
    pub fn of(&self, noun: &str) -> Option<&Unit> {
        let words: Vec<Word> = noun.split_whitespace().map(norm_word).collect();
        match self.forms.at(&words, 0) {
            Some((u, n)) if n == words.len() => Some(&self.units[u]),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Roles of people, and cues of another edition or a later event.

#[derive(Debug, Deserialize)]
pub struct PersonRole {
    pub id: String,
    pub label: String,
    /// Compared across articles (a different person in it is a conflict);
    /// `false` for roles that only end another one ("بحضور": attendance).
    #[serde(default = "yes")]
    pub compared: bool,
    cues: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct RolesFile {
    person_role: Vec<PersonRole>,
    side: Vec<String>,
    side_filler: Vec<String>,
    earlier: Vec<String>,
    later: Vec<String>,
    location: Vec<String>,
    deadline: Vec<String>,
    relative: Vec<String>,
    work_nouns: Vec<String>,
    #[serde(default)]
    statement: Vec<String>,
    #[serde(default)]
    contrast: Vec<String>,
}

pub struct Roles {
    pub roles: Vec<PersonRole>,
    pub cues: CueSet,
    /// "عن" in "وقع عن الجانب الموريتاني": the side a signatory stands for.
    pub side: CueSet,
    pub side_filler: CueSet,
    pub earlier: CueSet,
    pub later: CueSet,
    pub location: CueSet,
    /// "بحلول", "d'ici": a year after it is a target (see data/roles.toml).
    pub deadline: CueSet,
    /// "التي", "qui": a clause opening with it describes the noun before it.
    pub relative: CueSet,
    /// "فيلم", "livre": nouns that introduce a quoted title.
    pub work_nouns: CueSet,
    /// "أعلنت", "said", "communiqué": a date after it is when it was said.
    pub statement: CueSet,
    /// "مقابل", "contre": a clause setting a figure against another.
    pub contrast: CueSet,
}

pub static ROLES: LazyLock<Roles> = LazyLock::new(|| {
    let file: RolesFile =
        toml::from_str(include_str!("../data/roles.toml")).expect("data/roles.toml is valid");
    let mut cues = CueSet::default();
    for (i, r) in file.person_role.iter().enumerate() {
        r.cues.iter().for_each(|f| cues.add(i, f));
    }
    let set = |forms: &[String]| {
        let mut s = CueSet::default();
        forms.iter().for_each(|f| s.add(0, f));
        s
    };
    Roles {
        side: set(&file.side),
        side_filler: set(&file.side_filler),
        earlier: set(&file.earlier),
        later: set(&file.later),
        location: set(&file.location),
        deadline: set(&file.deadline),
        relative: set(&file.relative),
        work_nouns: set(&file.work_nouns),
        statement: set(&file.statement),
        contrast: set(&file.contrast),
        roles: file.person_role,
        cues,
    }
});

/// Does any word of `words` begin a form of `set`?
pub fn any_in<W: AsRef<str>>(set: &CueSet, words: &[W]) -> bool {
    (0..words.len()).any(|k| set.at(words, k).is_some())
}

#[derive(Deserialize)]
struct MonthsFile {
    weekday: Vec<Weekday>,
}

#[derive(Deserialize)]
struct Weekday {
    number: u32,
    names: Vec<String>,
}

/// Weekday names (data/months.toml) → ISO number (Monday = 1).
pub static WEEKDAYS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let file: MonthsFile =
        toml::from_str(include_str!("../data/months.toml")).expect("data/months.toml is valid");
    let mut map = HashMap::default();
    for w in file.weekday {
        for n in w.names {
            let k = norm_word(&n);
            map.insert(k.strip_prefix("ال").unwrap_or(&k).to_string(), w.number);
            map.insert(k, w.number);
        }
    }
    map
});

/// The weekday a word names, with or without its proclitics.
pub fn weekday_of(word: &str) -> Option<u32> {
    bases(word).iter().find_map(|b| WEEKDAYS.get(*b).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        s.split_whitespace().map(norm_word).collect()
    }

    fn class(applies: Applies, after: &str, before: &str) -> Option<&'static str> {
        let before: Vec<Word> = words(before).into_iter().rev().collect();
        CLASSES
            .class_of(applies, &words(after), &before)
            .map(|c| CLASSES.classes[c].id.as_str())
    }

    #[test]
    fn the_same_class_whatever_the_noun_or_language() {
        for after in ["قتيلا", "قتلى", "حالة وفاة", "morts", "dead", "ضحية"] {
            assert_eq!(class(Applies::Count, after, ""), Some("deaths"), "{after}");
        }
        for after in ["جريحا", "مصابا", "إصابة", "blessés", "injured", "wounded"] {
            assert_eq!(class(Applies::Count, after, ""), Some("injured"), "{after}");
        }
        assert_eq!(class(Applies::Count, "زعيما", "حضر"), Some("leaders"));
        assert_eq!(class(Applies::Count, "رؤساء دول", "بحضور"), Some("leaders"));
        assert_eq!(class(Applies::Count, "ports de", ""), Some("ports"));
        assert_eq!(class(Applies::Count, "ميناء من", ""), Some("ports"));
        assert_eq!(class(Applies::Count, "ميداليات", ""), Some("medals"));
        assert_eq!(class(Applies::Count, "ميدالية", ""), Some("medals"));
    }

    #[test]
    fn generic_nouns_are_passed_over_and_context_before_counts() {
        assert_eq!(class(Applies::Count, "أشخاص مصرعهم", "لقي"), Some("deaths"));
        assert_eq!(
            class(Applies::Count, "آخرين بجروح", "وأصيب أكثر من"),
            Some("injured")
        );
        assert_eq!(
            class(Applies::Money, "لتمويل إنشاء", "اتفاقية قرض بقيمة"),
            Some("loan")
        );
        assert_eq!(
            class(Applies::Money, "لإحداث وحدة", "اتفاقية شراكة بقيمة"),
            Some("agreement-value")
        );
        assert_eq!(class(Applies::Count, "ans", "âgé de"), Some("age"));
    }

    #[test]
    fn different_things_get_different_classes_or_none() {
        assert_eq!(class(Applies::Count, "ذهبيات", ""), Some("gold-medals"));
        assert_eq!(class(Applies::Count, "برونزيات", ""), Some("bronze-medals"));
        // "دولار" is not "دول" (countries).
        assert_eq!(class(Applies::Count, "دولار", ""), None);
        assert_eq!(class(Applies::Count, "كيلومترا جنوب", ""), None);
        // A class for money does not name a count, nor the reverse.
        assert_eq!(class(Applies::Count, "", "قرض"), None);
        assert_eq!(class(Applies::Money, "قتيلا", ""), None);
    }

    #[test]
    fn a_unit_is_one_whatever_the_language_or_spelling() {
        let unit = |w: &str| UNITS.of(w).map(|u| u.id.as_str());
        for w in ["ملم", "مليمترا", "مليمتر", "millimètres", "mm"] {
            assert_eq!(unit(w), Some("mm"), "{w}");
        }
        for w in ["ساعة", "ساعات", "heures", "hours", "hour"] {
            assert_eq!(unit(w), Some("hours"), "{w}");
        }
        for w in ["كلم", "كيلومترات", "km", "kilomètres"] {
            assert_eq!(unit(w), Some("km"), "{w}");
        }
        // Not units: other nouns, and a unit inside a longer word.
        for w in ["مقاعد", "ملعب", "millions", "homme", "سماء"] {
            assert_eq!(unit(w), None, "{w}");
        }
    }

    #[test]
    fn counted_things_written_with_other_nouns_or_a_predicate() {
        // Cases, with the class in the words before.
        assert_eq!(class(Applies::Count, "حالات", "الوفيات إلى"), Some("deaths"));
        assert_eq!(class(Applies::Count, "حالة وفاة", ""), Some("deaths"));
        // A generic noun, then a predicate, then the class.
        assert_eq!(
            class(Applies::Count, "أشخاص في عداد المفقودين", "لا يزال"),
            Some("missing")
        );
        assert_eq!(
            class(
                Applies::Count,
                "personnes sont toujours portées disparues",
                ""
            ),
            Some("missing")
        );
        assert_eq!(
            class(Applies::Count, "people are still missing", ""),
            Some("missing")
        );
        assert_eq!(
            class(Applies::Count, "people were injured", ""),
            Some("injured")
        );
        // Broken plurals and other nouns of one class.
        assert_eq!(class(Applies::Count, "مقاعد من أصل", ""), Some("seats"));
        for after in ["محلات تجارية", "محال", "متاجر", "commerces", "shops"] {
            assert_eq!(class(Applies::Count, after, ""), Some("shops"), "{after}");
        }
        for after in ["طوابق", "étages", "floors"] {
            assert_eq!(class(Applies::Count, after, ""), Some("floors"), "{after}");
        }
        assert_eq!(
            class(Applies::Count, "من السكان", "وإجلاء"),
            Some("evacuated")
        );
        assert_eq!(
            class(Applies::Count, "residents", "evacuated nearly"),
            Some("evacuated")
        );
        // What must not become a class: a predicate alone, another noun after it.
        assert_eq!(class(Applies::Count, "personnes sont arrivées", ""), None);
        assert_eq!(class(Applies::Count, "people are waiting", ""), None);
        assert_eq!(class(Applies::Count, "من السكان", ""), None);
    }

    #[test]
    fn increments_of_a_running_count() {
        let inc = |quote: &str, after: &str, before: &str| {
            let q = words(quote);
            let inside = q.len();
            let after: Vec<Word> = q.into_iter().chain(words(after)).collect();
            let before: Vec<Word> = words(before).into_iter().rev().collect();
            CLASSES.is_increment(inside, &after, &before)
        };
        assert!(inc("ثلاث ضحايا", "جدد من تحت الأنقاض", "بعد انتشال جثث"));
        assert!(inc("3", "more bodies", "recovered"));
        assert!(inc("trois", "nouveaux décès", ""));
        assert!(inc("3", "injured", "another"));
        // The toll itself, even when "new" is nearby.
        assert!(!inc("١١ قتيلاً", "و", "ارتفعت الحصيلة الجديدة إلى"));
        assert!(!inc("11 morts", "selon un nouveau bilan", ""));
        assert!(!inc("7 أشخاص", "مصرعهم", "لقي"));
    }

    #[test]
    fn totals_are_read_right_before_the_figure() {
        let total = |before: &str| {
            let b: Vec<Word> = words(before).into_iter().rev().collect();
            CLASSES.is_total(&b)
        };
        assert!(total("إذ يشغل 107 مقاعد من أصل"));
        assert!(total("في البرلمان المؤلف من"));
        assert!(total("won 107 seats out of"));
        assert!(total("107 sièges sur"));
        // The part, not the whole: the cue is not right before the figure.
        assert!(!total("إذ يشغل"));
        assert!(!total("sur un total de 176 sièges, le parti en a obtenu"));
    }

    #[test]
    fn weekdays_are_read_with_their_proclitics() {
        assert_eq!(weekday_of(&norm_word("الجمعة")), Some(5));
        assert_eq!(weekday_of(&norm_word("والسبت")), Some(6));
        assert_eq!(weekday_of(&norm_word("mercredi")), Some(3));
        assert_eq!(weekday_of(&norm_word("جمعية")), None);
    }
}
