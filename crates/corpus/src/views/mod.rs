//! What the views draw, as pure functions of the corpus (and the filter) to plain data, each
//! item with its evidence: the reader's [`segments`], what the list and the panel say of each
//! item ([`list`]), the [`overview`], the [`timeline`], and the [`claims`] articles make with
//! where they [`disagree`]. The other story views (network, map) get their modules here.
pub mod claims;
pub mod disagree;
pub mod list;
pub mod overview;
pub mod segments;
pub mod timeline;
