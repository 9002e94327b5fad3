//! The quality bar: extract the bundled seeds, score them against their gold with the metrics
//! of `tools/score.py` (ported in `dossier_core::score`), and hold the thresholds of the issue.
use dossier_core::{json, score, Corpus, Input};
use std::path::{Path, PathBuf};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn load_gold() -> Vec<serde_json::Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir().join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn system() -> Vec<serde_json::Value> {
    let gold = load_gold();
    let inputs = gold
        .iter()
        .map(|g| {
            let name = g["doc"].as_str().unwrap();
            Input::new(name, std::fs::read(seeds_dir().join(name)).unwrap())
        })
        .collect();
    let (corpus, rejected) = Corpus::build(inputs);
    assert!(rejected.is_empty(), "{rejected:?}");
    serde_json::from_str(&json::corpus_json(&corpus)).unwrap()
}

#[test]
fn seeds_meet_the_quality_bar() {
    let gold = load_gold();
    let sys = system();
    let raw = |name: &str| std::fs::read(seeds_dir().join(name)).ok();
    let r = score::score(&gold, &sys, &raw);
    println!("{}", r.table());
    for e in &r.errors {
        println!("  {e}");
    }
    assert_eq!(
        r.bad_offsets, 0,
        "mention text must equal the bytes at its offsets"
    );
    assert!(r.missing_docs.is_empty());
    assert!(
        r.micro_strict.f >= 0.92,
        "micro strict F1 {:.3} < 0.92",
        r.micro_strict.f
    );
    assert!(
        r.linking_b3.f >= 0.95,
        "linking B-cubed F1 {:.3} < 0.95",
        r.linking_b3.f
    );
    let body = r.body_lines.expect("body scored");
    assert!(body.f >= 0.98, "body-line F1 {:.3} < 0.98", body.f);
    for field in ["title", "author", "published"] {
        assert_eq!(r.metadata[field], 1.0, "{field} wrong on some seed");
    }
}

#[test]
fn every_mention_points_at_its_text() {
    for d in system() {
        let raw = std::fs::read(seeds_dir().join(d["doc"].as_str().unwrap())).unwrap();
        for m in d["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&raw[s..e]).unwrap(),
                m["text"].as_str().unwrap()
            );
        }
    }
}
