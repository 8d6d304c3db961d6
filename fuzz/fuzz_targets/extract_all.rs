#![no_main]
//! Every extractor through `extract::extract`, as the pipeline calls it.

use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let article = Article::from_text("fuzz.txt", factdiff_fuzz::text(data));
    let facts = extract(&article, &ExtractOptions::default());
    factdiff_fuzz::check_facts(&article, &facts);
});
