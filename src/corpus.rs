//! The bundled corpus: the seed articles extracted at build time by `build.rs` (staged
//! documents, as JSON), linked and indexed at start-up. The staged documents are kept so the
//! corpus can be linked again with the articles a reader adds.
use crate::state::Data;
use dossier_corpus::link;
use dossier_model::Staged;

static SEEDS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/seeds.json"));

/// The bundled seeds, staged.
pub fn seed_staged() -> Vec<Staged> {
    serde_json::from_str(SEEDS_JSON).expect("seeds.json written by build.rs")
}

/// The processed bundled corpus.
pub fn bundled() -> Data {
    let staged = seed_staged();
    Data::new(link::link(&staged))
}
