#![no_main]
//! The whole comparison on 1 to 3 articles split from the input at U+001E.

use factdiff::compare::{compare, CompareOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let articles = factdiff_fuzz::articles(data);
    let n = articles.len();
    let analysis = compare(articles, &CompareOptions::default());
    assert_eq!(analysis.articles.len(), n);
    for (a, facts) in analysis.articles.iter().zip(&analysis.facts) {
        factdiff_fuzz::check_facts(a, facts);
    }
});
