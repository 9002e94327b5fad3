//! The story views' corpus-wide work on a synthetic corpus: building the claims and where they
//! disagree (budget: under 1 s for 10,000 articles), the timeline's index of dated
//! statements, and the network: its index, the graph of a filter, the ego network's layout,
//! and the layout of 500 nodes and 5,000 edges (budget: 200 ms in the page); and the map:
//! its index of resolved places and the map data of a filter; and replaying 1,000 corrections
//! (budget: 100 ms in the page) and the duplicate suggestions. The corpus is the browser benchmark's, written as files first:
//!
//!   node scripts/synth-corpus.mjs 10000 target/bench/synthetic
//!   cargo bench -p dossier-eval --bench story
//!
//! (`DOSSIER_SYNTHETIC` names another folder.)
use criterion::{criterion_group, criterion_main, Criterion};
use dossier_corpus::corrections;
use dossier_corpus::index::Index;
use dossier_corpus::views::disagree::{wire_copies, Disagreements};
use dossier_corpus::views::map::{self, atlas, MapIndex};
use dossier_corpus::views::network::{self, layout, NetworkIndex, Options};
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
    let nix = NetworkIndex::build(&corpus);
    let all: Vec<u32> = (0..corpus.docs.len() as u32).collect();
    let opts = Options::default();
    let whole = network::graph(&corpus, &nix, &all, &opts);
    // a filter: the articles naming the most-named entity
    let top = (0..corpus.entities.len())
        .max_by_key(|&e| whole.mentions[e])
        .unwrap_or(0);
    let some: Vec<u32> = all
        .iter()
        .copied()
        .filter(|&d| {
            nix.doc_mentions[d as usize]
                .iter()
                .any(|&(e, _)| e as usize == top)
        })
        .collect();
    let shown = network::ego(&whole, &[], 25);
    eprintln!(
        "network: {} edges in all, {} articles name {}; the opening view shows {} nodes and {} edges",
        whole.edges.len(),
        some.len(),
        corpus.entities[top].name,
        shown.nodes.len(),
        shown.edges.len()
    );
    g.bench_function("network_index", |b| b.iter(|| NetworkIndex::build(&corpus)));
    g.bench_function("network_graph_all", |b| {
        b.iter(|| network::graph(&corpus, &nix, &all, &opts))
    });
    g.bench_function("network_graph_filtered", |b| {
        b.iter(|| network::graph(&corpus, &nix, &some, &opts))
    });
    g.bench_function("network_ego_and_layout", |b| {
        b.iter(|| {
            let mut s = network::ego(&whole, &[], 25);
            network::place(&corpus, &whole, &mut s, 1, (640.0, 460.0));
            s
        })
    });
    // the map: every article's places resolved (once per corpus), then the map of a filter
    let mix = MapIndex::build(&corpus);
    let outlines = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/atlas/world.bin"),
    )
    .ok()
    .and_then(|b| atlas::decode(&b).ok());
    if outlines.is_none() {
        eprintln!("no target/atlas/world.bin (run `node scripts/build-atlas.mjs`): the map is timed without outlines");
    }
    let whole_map = map::map(&mix, &all, outlines.as_ref());
    eprintln!(
        "map: {} markers, {} countries shaded, {} places not placed",
        whole_map.markers.len(),
        whole_map.shades.len(),
        whole_map.unresolved.len()
    );
    g.bench_function("map_index", |b| b.iter(|| MapIndex::build(&corpus)));
    g.bench_function("map_all", |b| {
        b.iter(|| map::map(&mix, &all, outlines.as_ref()))
    });
    g.bench_function("map_filtered", |b| {
        b.iter(|| map::map(&mix, &some, outlines.as_ref()))
    });
    // corrections: a log of 1,000 replayed over the linked corpus (budget: 100 ms in the page)
    let log = corrections::benchmark_log(&corpus, 1000);
    let hashes: Vec<String> = corpus
        .docs
        .iter()
        .map(|d| corrections::content_hash(&d.text))
        .collect();
    let mut once = corpus.clone();
    let out = corrections::apply(&mut once, log.active(), Some(&hashes));
    eprintln!(
        "corrections: {} entries, {} orphans, {} mentions changed",
        out.len(),
        out.iter().filter(|o| o.orphan.is_some()).count(),
        out.iter().map(|o| o.changed).sum::<usize>()
    );
    g.bench_function("corrections_replay_1000", |b| {
        b.iter_batched(
            || corpus.clone(),
            |mut c| {
                // the corpus is handed back so that freeing it is not timed
                let out = corrections::apply(&mut c, log.active(), Some(&hashes));
                (c, out)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("corrections_suggest", |b| {
        b.iter(|| corrections::suggest::suggest(&corpus, &[]))
    });
    g.finish();
    // the layout's budget case: 500 nodes, 5,000 edges (a ring of communities)
    let (ids, springs) = layout::benchmark_graph(500, 5000);
    let mut g = c.benchmark_group("layout");
    g.sample_size(10);
    g.bench_function("forceatlas2_500_nodes_5000_edges", |b| {
        b.iter(|| layout::layout(&ids, &springs, &layout::Settings::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
