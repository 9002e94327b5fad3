//! Dossier's extractor: the bytes of one article in, a staged document out. It reads the
//! input ([`read`]: decode the bytes, turn HTML into a text view, clean the page furniture
//! out and read the title, date, author and outlet), finds typed mentions in it ([`find`]: the
//! gazetteers, the word lists, the rules for names no list holds, dates), and settles them
//! into keyed mentions ([`stage`]), ready for the corpus to link.
//!
//! It knows one document at a time: it never links across documents, never indexes or
//! queries, and depends on no web crate. Offsets are UTF-8 byte offsets into the decoded
//! document text, end exclusive.
pub mod find;
pub mod read;
pub mod stage;

pub use read::decode::MAX_INPUT_BYTES;
pub use stage::{process, read_input, stage_all, stage_all_noted, Batch};
