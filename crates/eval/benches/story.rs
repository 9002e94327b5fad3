//! The story views' corpus-wide work on a synthetic corpus: building the claims and where they
//! disagree (budget: under 1 s for 10,000 articles), and the timeline's index of dated
//! statements. The corpus is the browser benchmark's, written as files first:
//!
//!   node scripts/synth-corpus.mjs 10000 target/bench/synthetic
//!   cargo bench -p dossier-eval --bench story
//!
//! (`DOSSIER_SYNTHETIC` names another folder.)
use criterion::{criterion_group, criterion_main, Criterion};
use dossier_corpus::index::Index;
use dossier_corpus::views::disagree::{wire_copies, Disagreements};
use dossier_corpus::views::timeline::TimelineIndex;
use dossier_eval::{build, inputs_in};
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let dir = std::env::var_os("DOSSIER_SYNTHETIC").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench/synthetic"),
        PathBuf::from,
    );
    let Ok(inputs) = inputs_in(&dir, &["txt"]) else {
        eprintln!(
            "no synthetic corpus in {}: run `node scripts/synth-corpus.mjs 10000 target/bench/synthetic` first",
            dir.display()
        );
        return;
    };
    let n = inputs.len();
    let (corpus, _) = build(inputs);
    let index = Index::build(&corpus);
    let found = Disagreements::build(&corpus, &index);
    eprintln!(
        "{n} articles: {} claims, {} disagreements, {} groups of wire copies",
        found.claims.len(),
        found.items.len(),
        found.copies.len()
    );
    let mut g = c.benchmark_group(format!("story_{n}_articles"));
    g.sample_size(10);
    g.bench_function("claims_and_disagreements", |b| {
        b.iter(|| Disagreements::build(&corpus, &index))
    });
    g.bench_function("wire_copies", |b| b.iter(|| wire_copies(&corpus)));
    g.bench_function("timeline_index", |b| {
        b.iter(|| TimelineIndex::build(&corpus, &index))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
