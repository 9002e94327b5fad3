//! Writes the corrections log the browser benchmark imports: `corrections::benchmark_log` over
//! the corpus of a folder of text files, linked as the page links them.
//!
//!   cargo run --profile cli -p dossier-eval --example benchmark-corrections -- 1000 \
//!       target/bench/synthetic > target/bench/corrections-1000.json
use dossier_corpus::corrections::benchmark_log;
use dossier_eval::{build, inputs_in};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!("usage: benchmark-corrections N FOLDER");
        std::process::exit(2);
    };
    let inputs = inputs_in(Path::new(dir), &["txt"]).unwrap_or_else(|e| {
        eprintln!("{dir}: {e}");
        std::process::exit(1)
    });
    let (corpus, _) = build(inputs);
    println!("{}", benchmark_log(&corpus, n).to_json());
}
