//! What the views draw, as pure functions of the corpus (and the filter) to plain data: today
//! the reader's [`segments`]. The story views (overview, timeline, claims and disagreements,
//! network, map) get their modules here.
pub mod segments;
