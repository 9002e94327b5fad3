//! The messages between the page and its workers: the extraction worker (`worker/src/main.rs`)
//! and the PDF worker (`pdf-worker/src/main.rs`). The page posts a plain object
//! `{id, name, title, source, file}` (a `File`, read in the worker),
//! `{id, name, title, source, bytes}` (an article kept in IndexedDB, its buffer moved),
//! `{batch, items: [{id, name, start, end, file}]}` (files joined in one blob, read in one go;
//! each item's `file` is read alone if the batch cannot be) or
//! `{id, name, title, source, text}` (pasted text, or a page read out of a PDF); a worker
//! answers each article's id as JSON (the extraction worker's as UTF-8 bytes in a buffer it moves
//! to the page), after a first `Ready` once it can take work: the extraction worker with
//! `Reply::Done`, the PDF worker (which only the extraction worker talks to) with
//! `PdfReply::Opened`.
use crate::Staged;
use serde::{Deserialize, Serialize};

/// What the worker says.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is loaded and listening.
    Ready,
    /// One input done: its staged documents (the input itself, or each article a feed, a
    /// Word document, a mail or a PDF held), or why it could not be read.
    Done {
        id: u32,
        result: Result<Vec<Staged>, String>,
        /// What the input held but was not read (items past a feed's cap, attachments, items
        /// that failed), in words for the reader.
        #[serde(default)]
        notes: Vec<String>,
        /// Bytes read, milliseconds spent extracting, and milliseconds the file waited for its
        /// read before (shared among a batch's files; reads overlap), for the benchmark.
        bytes: usize,
        ms: f64,
        #[serde(default)]
        read_ms: f64,
    },
}

/// What the PDF worker says to the extraction worker (a separate type, so that the page, which
/// never hears it, carries no code to read it).
#[derive(Debug, Serialize, Deserialize)]
pub enum PdfReply {
    /// The PDF worker is loaded and listening.
    Ready,
    /// One PDF opened: the pages read out of it, for the extraction worker to read next, or why
    /// it could not be opened.
    Opened {
        id: u32,
        result: Result<Vec<OpenedPage>, String>,
        #[serde(default)]
        notes: Vec<String>,
    },
}

/// An article read out of a container, as an HTML page of its own (see
/// `dossier_extract::read::open`).
#[derive(Debug, Serialize, Deserialize)]
pub struct OpenedPage {
    pub name: String,
    pub html: String,
}
