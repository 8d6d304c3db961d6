//! Numerals and ordinals in a carrier sentence, read as `factdiff extract` reads an article.
//!
//! A bare figure is no fact in news, so each Duckling numeral and ordinal
//! phrase is put into a news sentence of its language, the sentence goes
//! through ingest (as a `.txt` file) and the full extraction, and the phrase
//! counts when a figure of the expected value and form (cardinal or ordinal)
//! covers the slot.

use std::path::Path;

use factdiff::extract::{extract, ExtractOptions};
use factdiff::ingest::{self, IngestOptions};
use factdiff::model::{NumberForm, Value};
use serde_json::Value as Json;

use super::{close, read_jsonl, Share};

/// The sentences a numeral (`{x}`: a count of people) and an ordinal (an
/// edition) are put in, per language.
pub const CARRIERS: &[(&str, &str, &str)] = &[
    (
        "ar",
        "شارك في اللقاء {x} شخصا.",
        "انعقدت الدورة {x} للمجلس.",
    ),
    (
        "fr",
        "Au total, {x} personnes ont participé à la rencontre.",
        "La {x} édition du salon s'est ouverte.",
    ),
    (
        "en",
        "A total of {x} people attended the meeting.",
        "The {x} edition of the fair opened.",
    ),
];

#[derive(Debug, Default)]
pub struct CarrierScore {
    pub language: String,
    pub numerals: Share,
    pub ordinals: Share,
    pub misses: Vec<String>,
}

/// Scores a Duckling folder's `numeral.jsonl` and `ordinal.jsonl` in its language's carriers.
pub fn score_dir(dir: &Path) -> Result<CarrierScore, String> {
    let language = super::language_of(dir);
    let &(_, numeral, ordinal) = CARRIERS
        .iter()
        .find(|(l, _, _)| *l == language)
        .ok_or_else(|| format!("no carrier sentence for language {language:?}"))?;
    let mut score = CarrierScore {
        language,
        ..Default::default()
    };
    for (file, carrier, form) in [
        ("numeral.jsonl", numeral, NumberForm::Cardinal),
        ("ordinal.jsonl", ordinal, NumberForm::Ordinal),
    ] {
        for line in read_jsonl(&dir.join(file))? {
            let phrase = line.get("text").and_then(Json::as_str).unwrap_or("");
            let Some(want) = line.get("expected").and_then(Json::as_f64) else {
                continue;
            };
            let (right, got) = read_in_carrier(carrier, phrase, want, form)?;
            let share = if form == NumberForm::Ordinal {
                &mut score.ordinals
            } else {
                &mut score.numerals
            };
            share.add(right);
            if !right {
                score
                    .misses
                    .push(format!("  [{file}] {phrase:?} = {want} got [{got}]"));
            }
        }
    }
    Ok(score)
}

/// Whether the sentence with `phrase` in its slot yields the figure `want` of
/// `form` on the slot; the figures found, for the miss list.
pub fn read_in_carrier(
    carrier: &str,
    phrase: &str,
    want: f64,
    form: NumberForm,
) -> Result<(bool, String), String> {
    let (before, after) = carrier
        .split_once("{x}")
        .ok_or_else(|| format!("carrier without a slot: {carrier:?}"))?;
    let sentence = format!("{before}{phrase}{after}");
    let loaded = ingest::read_bytes(
        "carrier.txt",
        sentence.as_bytes(),
        &IngestOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    let Some(article) = loaded.articles.first() else {
        return Ok((false, "no article".to_string()));
    };
    // The slot in the article's text (ingest may trim around the sentence).
    let at = article.text.find(&sentence).unwrap_or(0);
    let slot = (at + before.len(), at + before.len() + phrase.len());
    let facts = extract(article, &ExtractOptions::default());
    let right = facts.iter().any(|f| match &f.value {
        Value::Number(n) => {
            f.span.start < slot.1 && slot.0 < f.span.end && n.form == form && close(n.value, want)
        }
        _ => false,
    });
    let got = facts
        .iter()
        .map(|f| format!("{:?}={}", f.text, f.normalized()))
        .collect::<Vec<_>>()
        .join(", ");
    Ok((right, got))
}
