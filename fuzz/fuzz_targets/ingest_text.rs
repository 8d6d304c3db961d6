#![no_main]
//! Ingest as `a.txt` from raw bytes: decoding, format reading, cleaning, then
//! extraction on every article read.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    factdiff_fuzz::ingest_and_check("a.txt", data);
});
