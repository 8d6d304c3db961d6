#![no_main]
//! The number extractor alone on arbitrary text.

use factdiff::extract::{number, Document, ExtractOptions};
use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let article = Article::from_text("fuzz.txt", factdiff_fuzz::text(data));
    let options = ExtractOptions::default();
    let doc = Document::new(&article, &options);
    let facts = number::extract(&doc);
    factdiff_fuzz::check_facts(&article, &facts);
});
