//! Dossier's shared vocabulary: the plain data that flows from the extractor to the corpus and
//! the web app (inputs, documents, articles, mentions, staged documents, input errors, the
//! worker's messages), and the text primitives both sides must agree on (the tokenizer and
//! the folding of words and names). It holds no rules and no state, and depends on no other
//! Dossier crate and on no web crate.
//!
//! Offsets are UTF-8 byte offsets into the decoded document text, end exclusive, everywhere.
mod article;
mod document;
mod error;
pub mod protocol;
mod staged;
pub mod text;

pub use article::{Article, Furniture, HtmlSource, Line, PageMeta, TextView};
pub use document::{Document, EntityType, Input, InputMeta, Mention, Rejected};
pub use error::InputError;
pub use staged::{Known, LinkKey, Place, PlaceKind, Staged};
