//! Placeholder: filled in by the entity extractor work.

use super::Document;
use crate::model::Fact;

pub fn extract(_doc: &Document) -> Vec<Fact> {
    Vec::new()
}
