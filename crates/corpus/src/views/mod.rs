//! What the views draw, as pure functions of the corpus (and the filter) to plain data: today
//! the reader's [`segments`] and what the list and the panel say of each item ([`list`]). The story views (overview, timeline, claims and disagreements,
//! network, map) get their modules here.
pub mod list;
pub mod segments;
