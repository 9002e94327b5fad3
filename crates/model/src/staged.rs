//! A staged document: one document extracted but not yet linked, with a key on each mention
//! that linking groups entities by. It is what the extractor hands the corpus, at build time,
//! in the import worker or in a `dossier stage` run.
use crate::{Document, EntityType};
use serde::{Deserialize, Serialize};

/// How a mention is linked: to a gazetteer entry or by its normalised name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkKey {
    Gazetteer(u32),
    Name(EntityType, String),
    Date(String),
    /// A date that could not be resolved: only equal to itself in its document.
    Unresolved(String, String),
}

/// A document with mentions keyed for linking (entities are assigned by `link`). It carries
/// what linking needs to know of the gazetteer entries its keys name, so documents extracted
/// elsewhere (at build time, in a worker) are linked without the gazetteer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Staged {
    pub doc: Document,
    pub keys: Vec<LinkKey>,
    /// The gazetteer entries the keys name: id, canonical name, coordinates.
    pub known: Vec<Known>,
    /// Acronyms defined in this document: acronym -> key of what it stands for.
    pub acronyms: Vec<(String, LinkKey)>,
}

/// A gazetteer entry as linking sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub id: u32,
    pub name: String,
    pub coords: Option<(f32, f32)>,
}
