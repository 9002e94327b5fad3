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

/// Decodes, cleans and extracts every input, then links entities across all of them.
/// Inputs that cannot be read are returned with the reason; the others are kept.
pub fn build(inputs: Vec<Input>) -> (Corpus, Vec<Rejected>) {
    let mut staged = Vec::with_capacity(inputs.len());
    let mut rejected = Vec::new();
    for input in inputs {
        match dossier_extract::process(&input.name, &input.bytes) {
            Ok(mut doc) => {
                doc.doc.meta = input.meta;
                staged.push(doc)
            }
            Err(error) => rejected.push(Rejected {
                name: input.name,
                error,
            }),
        }
    }
    (link::link(&staged), rejected)
}
