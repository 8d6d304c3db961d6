//! Inner loops of extraction on the seed articles: folding, the whole
//! extractor, and topic alignment's cue scan.
//!
//! cargo bench --bench extract

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use factdiff::extract::{extract, ExtractOptions};
use factdiff::model::Article;
use factdiff::normalize::Folded;

fn seeds() -> Vec<Article> {
    let mut paths: Vec<_> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds"))
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .enumerate()
        .map(|(i, t)| Article::from_text(i.to_string(), t))
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = seeds();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let options = ExtractOptions::default();
    let mut g = c.benchmark_group("seeds");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("fold", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(Folded::new(black_box(&a.analysis_text)));
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract(black_box(a), &options));
            }
        })
    });
    g.bench_function("group_features", |b| {
        let facts: Vec<_> = articles.iter().map(|a| extract(a, &options)).collect();
        b.iter(|| {
            for (a, f) in articles.iter().zip(&facts) {
                black_box(factdiff::group::features(a, f));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
