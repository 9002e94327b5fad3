//! Dossier's evaluation: the whole pipeline run on a set of inputs as the tests, the benches
//! and the CLI run it ([`build`]: extract every input, then link them into one corpus), and
//! the scorer that measures the result against gold ([`score`], a port of `tools/score.py`).
//! The quality bars on the seeds, the development articles and the held-out sets are its
//! tests (`tests/gold.rs`).
//!
//! It never holds rules of its own: it only composes `dossier-extract` and `dossier-corpus`,
//! and it depends on no web crate.
pub mod score;

use dossier_corpus::{link, Corpus};
use dossier_model::{Input, Rejected};
use std::path::Path;

/// Decodes, cleans and extracts every input, then links entities across all of them.
/// Inputs that cannot be read are returned with the reason; the others are kept.
pub fn build(inputs: Vec<Input>) -> (Corpus, Vec<Rejected>) {
    let (staged, rejected) = dossier_extract::stage_all(inputs);
    (link::link(&staged), rejected)
}

/// [`build`], with notes on what the inputs that hold articles (feeds, mail) left out.
pub fn build_noted(inputs: Vec<Input>) -> (Corpus, Vec<Rejected>, Vec<String>) {
    let b = dossier_extract::stage_all_noted(inputs);
    (link::link(&b.staged), b.rejected, b.notes)
}

/// One input extracted, not linked: its staged documents (one, or each article a feed,
/// Word file, mail or PDF holds), or why it was refused, and notes on what it left out (the
/// map step of a static build, `dossier stage`, which any number of processes may share).
pub fn stage(input: Input) -> dossier_extract::Batch {
    dossier_extract::stage_all_noted(vec![input])
}

/// The files of a folder with one of `extensions`, sorted by name, as inputs (what the benches
/// and the tests read their sets from).
pub fn inputs_in(folder: &Path, extensions: &[&str]) -> std::io::Result<Vec<Input>> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok(Input::new(name, std::fs::read(p)?))
        })
        .collect()
}
