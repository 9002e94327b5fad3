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
    /// For a place: what the gazetteer reads the name as by default, and the other places of
    /// the same name it knows (Georgia the US state, Paris in Texas, the Kursk region), for the
    /// corpus to choose among from each article's context.
    #[serde(default)]
    pub place: Option<Place>,
    #[serde(default)]
    pub alternatives: Vec<Place>,
}

/// What kind of place a gazetteer place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    Country,
    /// A region, a geographic feature or a named site.
    Region,
    City,
}

/// One reading of a place name: a place the gazetteer knows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// How the map names it (`Georgia (US state)`).
    pub label: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country; empty when it has none (a sea, a peninsula).
    pub country: String,
    pub lat: f32,
    pub lon: f32,
    /// 0 where unknown.
    pub population: u32,
    /// The country's capital, or a country read as its capital's government.
    pub capital: bool,
}
