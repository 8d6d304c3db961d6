//! What kind of event an article tells (an earthquake, a fair, a trial) and
//! at which stage of its story (the verdict or the appeal; preliminary or
//! final results; first round or runoff), from cue words in the article's
//! head in Arabic, French or English (`data/event_kinds.toml`).
//!
//! Only the head counts (the lines above the lead paragraph and the lead
//! itself): the body of a story often recalls another event ("the January
//! earthquake", "after the first-instance verdict"), while the headline and
//! lead say what this article is about.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::word_regex::Regex;

/// The kind of event an article's head names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// "earthquake", "fair" … (the table's key).
    pub name: &'static str,
    /// Kinds one story may be told as share a family ("meeting": a visit,
    /// talks, a signing).
    pub family: &'static str,
    /// An incident (an earthquake, a fire): one place sees one of its kind
    /// in a few days, so the kind, the place and the days together name
    /// the event (a capital hosts several forums a week, not several fires).
    pub incident: bool,
}

/// A stage of a story on one axis ("court": first-instance, appeal …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    pub axis: &'static str,
    pub name: &'static str,
}

#[derive(Deserialize)]
struct File {
    kind: BTreeMap<String, KindEntry>,
    stage: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

#[derive(Deserialize)]
struct KindEntry {
    family: String,
    #[serde(default)]
    incident: bool,
    cues: Vec<String>,
}

/// What a capture group of the pattern stands for.
enum Found {
    Kind(Kind),
    Stage(Stage),
}

struct Lexicon {
    found: Vec<Found>,
    /// One alternation; capture group `i + 1` is `found[i]`.
    pattern: Regex,
}

fn leak(s: String) -> &'static str {
    // The lexicon lives for the whole process: a few dozen short names.
    Box::leak(s.into_boxed_str())
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../../data/event_kinds.toml"))
        .expect("data/event_kinds.toml is valid (checked by a test)");
    let mut found = Vec::new();
    let mut groups = Vec::new();
    for (name, entry) in file.kind {
        found.push(Found::Kind(Kind {
            name: leak(name),
            family: leak(entry.family),
            incident: entry.incident,
        }));
        groups.push(entry.cues);
    }
    for (axis, stages) in file.stage {
        let axis = leak(axis);
        for (name, cues) in stages {
            found.push(Found::Stage(Stage {
                axis,
                name: leak(name),
            }));
            groups.push(cues);
        }
    }
    let pattern = Regex::with_candidates(
        &crate::cues::alternation(&groups),
        &crate::cues::candidates(&groups),
    )
    .expect("event cues compile");
    Lexicon { found, pattern }
});

/// The kind and the stages an article's head names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventKind {
    /// The first kind named in the head.
    pub kind: Option<Kind>,
    /// The first stage named on each axis, in order of first mention.
    pub stages: Vec<Stage>,
    /// Every family the head names a kind of, in order of first mention.
    pub families: Vec<&'static str>,
}

/// Reads the kind and stages from the head of a folded text: every line up
/// to and including the first line of `lead_words` words or more.
pub fn of_head(folded: &str, lead_words: usize) -> EventKind {
    let mut end = folded.len();
    let mut at = 0;
    for line in folded.split_inclusive('\n') {
        at += line.len();
        if line.split_whitespace().count() >= lead_words {
            end = at;
            break;
        }
    }
    let head = &folded[..end];
    let lexicon = &*LEXICON;
    let mut out = EventKind::default();
    for caps in lexicon.pattern.captures_iter(head) {
        let Some(i) = (0..lexicon.found.len()).find(|&i| caps.get(i + 1).is_some()) else {
            continue;
        };
        match lexicon.found[i] {
            Found::Kind(k) => {
                if out.kind.is_none() {
                    out.kind = Some(k);
                }
                if !out.families.contains(&k.family) {
                    out.families.push(k.family);
                }
            }
            Found::Stage(s) => {
                if !out.stages.iter().any(|t| t.axis == s.axis) {
                    out.stages.push(s);
                }
            }
        }
    }
    out
}

impl EventKind {
    /// The stages both name on one axis that differ: (this one's, the other's).
    pub fn stage_differences(&self, other: &EventKind) -> Vec<(Stage, Stage)> {
        self.stages
            .iter()
            .filter_map(|s| {
                other
                    .stages
                    .iter()
                    .find(|t| t.axis == s.axis && t.name != s.name)
                    .map(|t| (*s, *t))
            })
            .collect()
    }

    /// The incident both heads lead with (the same kind: a fire and a fire),
    /// if any.
    pub fn shared_incident(&self, other: &EventKind) -> Option<Kind> {
        match (self.kind, other.kind) {
            (Some(a), Some(b)) if a.incident && a.name == b.name => Some(a),
            _ => None,
        }
    }

    /// Kinds of different families (an earthquake, a fair), if both name
    /// one, and whether the two heads are strangers: neither names a kind of
    /// the other's family anywhere ("a festival cancelled after the floods"
    /// names both, and may be told with the floods).
    pub fn kind_difference(&self, other: &EventKind) -> Option<(Kind, Kind, bool)> {
        match (self.kind, other.kind) {
            (Some(a), Some(b)) if a.family != b.family => {
                let strangers =
                    !self.families.contains(&b.family) && !other.families.contains(&a.family);
                Some((a, b, strangers))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn head(text: &str) -> EventKind {
        of_head(&fold(text), 20)
    }

    #[test]
    fn the_lexicon_loads_and_compiles() {
        assert!(!LEXICON.found.is_empty());
    }

    #[test]
    fn court_stages_in_three_languages() {
        let verdict = head("قضت غرفة الجنايات الابتدائية بمحكمة الاستئناف بمراكش بسجن المتهم");
        assert_eq!(verdict.stages[0].name, "first-instance");
        let appeal = head("أيدت غرفة الجنايات الاستئنافية بمراكش الحكم الصادر في حق المتهم");
        assert_eq!(appeal.stages[0].name, "appeal");
        let fr = head("La chambre criminelle d’appel de Rabat a confirmé en appel la peine");
        assert_eq!(fr.stages[0].name, "appeal");
        // The court's name alone does not tell the stage in Morocco.
        let fr_verdict = head("La chambre de première instance près la cour d'appel de Marrakech");
        assert_eq!(fr_verdict.stages[0].name, "first-instance");
        let en = head("An appeals court in Tunis upheld the sentence on Monday");
        assert_eq!(en.stages[0].name, "appeal");
        assert_eq!(verdict.stage_differences(&appeal).len(), 1);
        assert!(appeal.stage_differences(&fr).is_empty());
    }

    #[test]
    fn results_stages() {
        let a = head("الهيئة العليا المستقلة للانتخابات تعلن النتائج الأولية للانتخابات التشريعية");
        let b = head("Tunisie : les résultats définitifs des législatives proclamés");
        let c = head("Electoral commission publishes final results of the legislative vote");
        assert_eq!(a.stages[0].name, "preliminary");
        assert_eq!(b.stages[0].name, "final");
        assert_eq!(c.stages[0].name, "final");
        assert_eq!(a.kind.map(|k| k.family), Some("election"));
    }

    #[test]
    fn only_the_head_counts() {
        let lead = "ضرب زلزال بقوة 4.9 درجات إقليم الدريوش صباح اليوم الثلاثاء دون أن يخلف خسائر بشرية أو مادية حسب ما أفادت به السلطات المحلية في بلاغ لها";
        let text = format!("{lead}\nوكان معرض الكتاب قد افتتح في المدينة ذاتها");
        let k = head(&text);
        assert_eq!(k.kind.map(|k| k.name), Some("earthquake"));
    }

    #[test]
    fn no_cue_is_read_inside_another_word() {
        // "حكومة" (government) is not "حكم" (verdict); "appeler" is no appeal.
        let k = head("الحكومة تصادق على مشروع قانون المالية");
        assert!(k.kind.is_none());
        let k = head("Le ministre a appelé à la retenue");
        assert!(k.stages.is_empty());
    }

    #[test]
    fn kinds_of_one_family_do_not_differ() {
        let visit = head("وزيرة الصناعة التونسية في زيارة عمل إلى القاهرة");
        let signing = head("توقيع خمس مذكرات تفاهم بين مصر وتونس");
        let quake = head("زلزال بقوة 5.7 درجات يضرب إقليم الحسيمة");
        assert!(visit.kind_difference(&signing).is_none());
        assert_eq!(visit.kind_difference(&quake).map(|d| d.2), Some(true));
        let cancelled = head("إلغاء مهرجان العيطة بآسفي بعد الفيضانات");
        let floods = head("فيضانات آسفي.. ارتفاع حصيلة الضحايا إلى 37 قتيلا");
        assert_eq!(cancelled.kind_difference(&floods).map(|d| d.2), Some(false));
    }
}
