//! What the views draw, as pure functions of the corpus (and the filter) to plain data, each
//! item with its evidence: the reader's [`segments`], what the list and the panel say of each
//! item ([`list`]), the [`overview`] and the [`timeline`]. The other story views (claims and
//! disagreements, network, map) get their modules here.
pub mod list;
pub mod overview;
pub mod segments;
pub mod timeline;
