//! What the views draw, as pure functions of the corpus (and the filter) to plain data, each
//! item with its evidence: the reader's [`segments`], what the list and the panel say of each
//! item ([`list`]), the [`overview`], the [`timeline`], and the [`claims`] articles make with
//! where they [`disagree`], the [`network`] of who is named with whom, and the [`map`] of
//! where.
/// Which of `n` articles are among `docs` (what a filter kept), for views that test many
/// statements' articles against it.
pub fn membership(docs: &[u32], n: usize) -> Vec<bool> {
    let mut kept = vec![false; n];
    for &d in docs {
        if let Some(k) = kept.get_mut(d as usize) {
            *k = true;
        }
    }
    kept
}

pub mod claims;
pub mod disagree;
pub mod list;
pub mod map;
pub mod network;
pub mod overview;
pub mod segments;
pub mod timeline;
