#![no_main]
//! Comparison, then the report in all three formats.

use factdiff::compare::{compare, CompareOptions};
use factdiff::report::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let analysis = compare(factdiff_fuzz::articles(data), &CompareOptions::default());
    let report = report::build(&analysis, Vec::new());
    for format in [Format::Markdown, Format::Html, Format::Json] {
        let out = report::render(&report, format);
        assert!(out.is_ok(), "{format:?}: {:?}", out.err());
    }
    // The JSON report is valid JSON.
    if let Ok(json) = report::render(&report, Format::Json) {
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
});
