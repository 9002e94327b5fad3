//! The messages between the page and the extraction worker (`src/worker.rs`). The page posts
//! a plain object `{id, name, title, source, file}` (a `File`, read in the worker) or
//! `{id, name, title, source, text}` (pasted text); the worker answers each with a `Reply` as
//! JSON, after a first `Reply::Ready` once it can take work.
use dossier_core::extract::Staged;
use serde::{Deserialize, Serialize};

/// What the worker says.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is loaded and listening.
    Ready,
    /// One article done: its staged document, or why it could not be read.
    Done {
        id: u32,
        result: Result<Box<Staged>, String>,
        /// Bytes read and milliseconds spent extracting (for the benchmark).
        bytes: usize,
        ms: f64,
    },
}

/// A note for the reader about markup in an article's text (it is shown as text and nothing
/// in it runs), if the text holds any.
pub fn markup_notice(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let script =
        lower.contains("<script") || lower.contains("javascript:") || lower.contains("onerror=");
    script.then_some("holds script or HTML code: it is shown as plain text and nothing in it runs")
}
