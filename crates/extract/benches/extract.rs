//! Extraction speed: MB/s of article text through decode, clean, extract and link, on one
//! core, over >= 5 MB made by repeating the bundled seed articles; and how the time grows on
//! hostile inputs (date fragments, runs of capitalised words, acronym definitions, weekdays in
//! a text without stops) when their size doubles: the ratio should stay near 2.
//!
//!   cargo bench -p dossier-extract --bench extract            (both)
//!   cargo bench -p dossier-extract --bench extract -- hostile (the doubling ratios)
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_eval::build;
use dossier_model::Input;
use std::path::Path;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut inputs = Vec::new();
    let mut total = 0;
    let mut round = 0;
    while total < 5 * 1024 * 1024 {
        for (name, bytes) in &seeds {
            total += bytes.len();
            inputs.push(Input::new(format!("{round}-{name}"), bytes.clone()));
        }
        round += 1;
    }
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("corpus_5MB", |b| b.iter(|| build(inputs.clone())));
    g.finish();
}

/// A hostile text of about `size` bytes: words drawn (deterministically) from `words`.
fn hostile(words: &[&str], size: usize) -> Vec<u8> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut out = String::with_capacity(size + 32);
    while out.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(words[(state % words.len() as u64) as usize]);
        out.push(' ');
    }
    out.into_bytes()
}

const FAMILIES: &[(&str, &[&str])] = &[
    (
        "date_fragments",
        &[
            "August", "12", "to", "14", "through", "2024", "last", "Friday", "mid-", "1950", "and",
            "June", "3,", "early", "between",
        ],
    ),
    (
        "capitalised_runs",
        &[
            "Kim", "Jong", "Un", "Vladimir", "Putin", "Sergei", "Shoigu", "North", "Korea",
            "Moscow", "The", "Ministry", "Of", "Defense", "Mr", "General",
        ],
    ),
    (
        "acronyms",
        &[
            "Korean", "People's", "Army", "(KPA)", "KPA", "the", "Workers'", "Party", "(WPK)",
            "WPK",
        ],
    ),
    (
        "weekdays_without_stops",
        &[
            "officials",
            "will",
            "meet",
            "on",
            "Friday",
            "and",
            "Tuesday",
            "said",
            "the",
            "minister",
        ],
    ),
];

fn hostile_bench(c: &mut Criterion) {
    let run = |bytes: &[u8]| build(vec![Input::new("hostile.txt", bytes.to_vec())]);
    let median = |bytes: &[u8]| {
        let mut t: Vec<f64> = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(run(bytes));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[2]
    };
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    for (name, words) in FAMILIES {
        let sizes = [115_000, 230_000, 460_000];
        let times: Vec<f64> = sizes.iter().map(|&n| median(&hostile(words, n))).collect();
        eprintln!(
            "{name}: {:.1} ms, {:.1} ms (x{:.2}), {:.1} ms (x{:.2}) for 115, 230 and 460 KB",
            times[0],
            times[1],
            times[1] / times[0],
            times[2],
            times[2] / times[1]
        );
        let big = hostile(words, 460_000);
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function(format!("{name}_460KB"), |b| b.iter(|| run(&big)));
    }
    g.finish();
}

criterion_group!(benches, bench, hostile_bench);
criterion_main!(benches);
