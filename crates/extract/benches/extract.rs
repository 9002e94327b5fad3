//! Extraction speed: MB/s of article text through decode, clean, extract and link, on one
//! core, over >= 5 MB made by repeating the bundled seed articles; and the matcher start-up.
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

criterion_group!(benches, bench);
criterion_main!(benches);
