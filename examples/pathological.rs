//! Single-article worst cases for extraction time: one very large article
//! each, built to hit what used to cost time in the square of its size.
//!
//! cargo run --release --example pathological -- [SIZE_MB ...] [--write DIR]
//!
//! Prints one line per case and size: `case MB seconds s/MB facts peak_MiB`
//! (the peak is the process's resident high-water mark so far, so run one
//! size per process for a clean figure: `scripts/bench.sh` does). With
//! `--write DIR`, also writes each case as `DIR/<case>-<MB>mb.txt`.
//!
//! Cases:
//! - `names`: lines "واستقبل السيد محمد <random word> وزير الداخلية الوفد في
//!   الرباط يوم 12 سبتمبر 2024." — thousands of distinct two-part names, each
//!   a candidate for back-references;
//! - `seeds`: the five seed articles repeated;
//! - `one-line`: the seeds with every sentence end and line break removed:
//!   a single sentence of the whole size;
//! - `places`: one sentence listing places and people ("في الرباط ومراكش
//!   وطنجة … السيد محمد …") with no full stop.

use std::time::Instant;

use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::Article;

/// A small deterministic generator (no dependency, same text on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn word(&mut self, letters: usize) -> String {
        const ALPHABET: &[char] = &[
            'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
            'غ', 'ف', 'ق', 'ك', 'م', 'ن', 'ه',
        ];
        (0..letters)
            .map(|_| ALPHABET[self.next() as usize % ALPHABET.len()])
            .collect()
    }
}

const SEEDS: &[&str] = &[
    include_str!("../fixtures/seeds/000_724588cf6bb420cd.txt"),
    include_str!("../fixtures/seeds/001_a0324c2d154ff1c0.txt"),
    include_str!("../fixtures/seeds/002_5a996a103c87aea1.txt"),
    include_str!("../fixtures/seeds/003_d10228b00b9c0c11.txt"),
    include_str!("../fixtures/seeds/004_d7ac58148a78377f.txt"),
];

const CASES: &[&str] = &["names", "seeds", "one-line", "places"];

/// The text of `case`, about `bytes` long.
pub fn generate(case: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut rng = Lcg(0x5eed);
    match case {
        "names" => {
            while out.len() < bytes {
                out.push_str("واستقبل السيد محمد ");
                out.push_str(&rng.word(7));
                out.push_str(" وزير الداخلية الوفد في الرباط يوم 12 سبتمبر 2024.\n");
            }
        }
        "seeds" => {
            while out.len() < bytes {
                for s in SEEDS {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
        "one-line" => {
            while out.len() < bytes {
                for s in SEEDS {
                    out.extend(s.chars().map(|c| match c {
                        '.' | '!' | '?' | '؟' | '\n' | '\r' | '،' | ':' => ' ',
                        c => c,
                    }));
                    out.push(' ');
                }
            }
        }
        "places" => {
            const PLACES: &[&str] = &[
                "الرباط",
                "مراكش",
                "طنجة",
                "أنقرة",
                "الرياض",
                "إسطنبول",
                "باريس",
                "تركيا",
            ];
            out.push_str("زار الوفد ");
            let mut i = 0;
            while out.len() < bytes {
                out.push_str("في ");
                out.push_str(PLACES[i % PLACES.len()]);
                out.push_str(" و");
                if i % 3 == 0 {
                    out.push_str("استقبله السيد محمد ");
                    out.push_str(&rng.word(6));
                    out.push_str(" مع ");
                }
                i += 1;
            }
        }
        other => panic!("unknown case {other} (one of {CASES:?})"),
    }
    out
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let mut sizes: Vec<f64> = Vec::new();
    let mut cases: Vec<String> = Vec::new();
    let mut write: Option<std::path::PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--write" {
            write = args.next().map(Into::into);
        } else if let Some(c) = a.strip_prefix("--case=") {
            cases.push(c.to_string());
        } else if let Ok(mb) = a.parse() {
            sizes.push(mb);
        } else {
            eprintln!("usage: pathological [SIZE_MB ...] [--case=NAME ...] [--write DIR]");
            std::process::exit(2);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1.0, 10.0];
    }
    if cases.is_empty() {
        cases = CASES.iter().map(|c| c.to_string()).collect();
    }
    let options = ExtractOptions::default();
    println!("case         MB   seconds      s/MB    facts  peak_MiB");
    for case in &cases {
        for &mb in &sizes {
            let text = generate(case, (mb * 1e6) as usize);
            if let Some(dir) = &write {
                let path = dir.join(format!("{case}-{mb}mb.txt"));
                std::fs::write(&path, &text).expect("write the case");
            }
            let real_mb = text.len() as f64 / 1e6;
            let article = Article::from_text(format!("{case}.txt"), text);
            let t = Instant::now();
            let facts = extract(&article, &options).len();
            let s = t.elapsed().as_secs_f64();
            println!(
                "{case:<10} {real_mb:>5.1} {s:>9.2} {:>9.3} {facts:>8} {:>9.0}",
                s / real_mb,
                peak_mib()
            );
        }
    }
}
