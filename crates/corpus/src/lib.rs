//! Dossier's corpus: staged documents in, a linked corpus out, and everything a reader asks of
//! it. [`link`] joins the mentions of one thing across documents into entities; [`index`]
//! holds per-article facts, postings and the full-text index; [`query`] evaluates the filter
//! into results, facet counts and histograms; [`sentences`] splits articles into the sentences
//! the views cite as evidence; [`views`] turns the corpus and the filter into the plain data a
//! view draws (the reader's segments, the overview, the timeline);
//! [`format`] writes the annotation JSON and the exports; [`corrections`] replays the
//! analyst's corrections (merge, split, rename, retype, delete, add) over a linked corpus.
//!
//! It never extracts (it takes staged documents from `dossier-extract`, which it does not
//! depend on outside its tests) and depends on no web crate, so the page can carry it.
pub mod corrections;
pub mod format;
pub mod index;
pub mod link;
pub mod query;
pub mod sentences;
pub mod shard;
pub mod views;

pub use dossier_model::{
    Article, Document, EntityType, Furniture, Input, InputMeta, Mention, Place, PlaceKind,
    Rejected, Staged,
};

/// An entity: one real-world thing, with every name it goes by in the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub id: usize,
    /// A key that names the same thing in another build of the corpus (more articles, a new
    /// extractor): `g:TYPE:canonical name` for a gazetteer entry, `n:TYPE:normalised name`
    /// for a name, `d:value` for a date, `u:article:text` for an unresolved date, `c:TYPE:name`
    /// for what a correction made. Corrections are keyed by it (`corrections`).
    pub key: String,
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Distinct surface forms seen in the corpus, most frequent first.
    pub aliases: Vec<String>,
    /// Mentions in article text, and articles whose text names it (page furniture aside: a
    /// byline or a weather widget is not the article).
    pub mention_count: usize,
    pub doc_count: usize,
    /// The same, counting page furniture too.
    pub all_mention_count: usize,
    pub all_doc_count: usize,
    /// A date that could not be resolved ("Tuesday" in an undated article): it stands for
    /// itself in its one article, and is listed with that article rather than corpus-wide.
    pub local: bool,
    /// Latitude and longitude, for places the gazetteer knows.
    pub coords: Option<(f32, f32)>,
    /// For a place the gazetteer knows: its default reading, and the other places of its name
    /// that an article's context may mean instead (`views::map` chooses).
    pub place: Option<Place>,
    pub alternatives: Vec<Place>,
}

/// A set of processed documents with their entities linked across all of them.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub entities: Vec<Entity>,
}

impl Entity {
    /// Whether the explorer offers the entity corpus-wide: an unresolved date stands for itself
    /// in its one article, and what only page furniture names is offered only when the reader
    /// shows the furniture.
    pub fn offered(&self, furniture: bool) -> bool {
        !self.local && (self.doc_count > 0 || (furniture && self.all_doc_count > 0))
    }
}

impl Corpus {
    /// A document by name.
    pub fn doc(&self, name: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.name == name)
    }
}

/// The whole pipeline for this crate's own tests: extract every input, then link.
#[cfg(test)]
impl Corpus {
    pub(crate) fn build(inputs: Vec<Input>) -> (Corpus, Vec<Rejected>) {
        let (staged, rejected) = dossier_extract::stage_all(inputs);
        (link::link(&staged), rejected)
    }

    /// The corpus of short texts named `0.txt`, `1.txt`, ... in order.
    pub(crate) fn of_texts(texts: &[&str]) -> Corpus {
        let inputs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::new(format!("{i}.txt"), t.as_bytes().to_vec()))
            .collect();
        Corpus::build(inputs).0
    }
}
