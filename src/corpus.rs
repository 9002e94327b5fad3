//! The bundled corpus: the seed articles compiled into the app by `build.rs`, run through
//! `dossier_core` once at start-up.
use crate::state::Data;
use dossier_core::{Corpus, Input};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The bundled seed articles as inputs.
pub fn seed_inputs() -> Vec<Input> {
    SEEDS
        .iter()
        .map(|(name, text)| Input::new(*name, text.as_bytes().to_vec()))
        .collect()
}

/// The processed bundled corpus.
pub fn bundled() -> Data {
    let (corpus, _rejected) = Corpus::build(seed_inputs());
    Data::new(corpus)
}
