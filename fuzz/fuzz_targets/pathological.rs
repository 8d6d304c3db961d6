#![no_main]
//! Whole pathological articles: the input picks building blocks (names,
//! titles, places, cue words, figures, dates, with or without full stops)
//! and a pattern of them is repeated to about 256 KB, so that the fuzzer
//! explores long name lists, long lines and many places in one sentence.
//! Fails when extraction takes more than 2 s per MB (issue 12, item 9),
//! besides the usual checks on every fact's quote and span.

use std::time::Instant;

use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

const BLOCKS: &[&str] = &[
    "السيد محمد ", "عبد اللطيف حموشي ", "وزير الداخلية ", "المدير العام للأمن الوطني ",
    "في الرباط ", "بمراكش ", "أنقرة ", "التركية ", "العاصمة ", "زيارة ", "استقبل ", "مع ",
    "بدعوة من ", "المقبل ", "يوم 12 سبتمبر 2024 ", "من 18 إلى 20 شتنبر ", "أمس ", "الجاري ",
    "43 ", "ألف ", "مليار ", "IGEF24 ", "، ", ". ", "\n", "و", "بن ", "أوغلو ", "كارال ",
];

/// A deterministic word of `n` letters from `seed`, so names differ.
fn word(seed: u64, n: usize) -> String {
    const AB: &[char] = &['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ش', 'ع', 'ف', 'ق', 'ك', 'م', 'ن', 'ه'];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            AB[(x % AB.len() as u64) as usize]
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    if data.is_empty() {
        return;
    }
    let mut text = String::with_capacity(300_000);
    let mut i = 0u64;
    while text.len() < 256 * 1024 {
        for &b in data {
            let b = usize::from(b);
            if b >= BLOCKS.len() * 8 {
                // A fresh word: distinct names defeat any cache.
                text.push_str(&word(i, 3 + b % 6));
                text.push(' ');
            } else {
                text.push_str(BLOCKS[b % BLOCKS.len()]);
            }
            i += 1;
        }
    }
    let article = Article::from_text("pathological.txt", text.as_str());
    let t = Instant::now();
    let facts = extract(&article, &ExtractOptions::default());
    let per_mb = t.elapsed().as_secs_f64() / (text.len() as f64 / 1e6);
    factdiff_fuzz::check_facts(&article, &facts);
    // Fuzz builds have debug assertions: a generous bound, still far below
    // the minutes per MB of quadratic time.
    assert!(per_mb < 2.0, "{per_mb:.2} s per MB on {} bytes", text.len());
});
