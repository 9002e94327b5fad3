//! The bundled corpus: the seed articles compiled into the app by `build.rs`, run through
//! `dossier_core` once at start-up and shared with every component.
use dossier_core::{Corpus, Input};
use std::sync::{Arc, OnceLock};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The processed bundled corpus, built on first use.
pub fn bundled() -> Arc<Corpus> {
    static CORPUS: OnceLock<Arc<Corpus>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let inputs: Vec<Input> = SEEDS
                .iter()
                .map(|(name, text)| Input::new(*name, text.as_bytes().to_vec()))
                .collect();
            let (corpus, _errors) = Corpus::build(inputs);
            Arc::new(corpus)
        })
        .clone()
}

/// The id an article has in URLs: its file name without the `.txt` ending.
pub fn doc_slug(name: &str) -> &str {
    name.strip_suffix(".txt").unwrap_or(name)
}
