//! The messages between the page and the extraction worker (`worker/src/main.rs`). The page posts
//! a plain object `{id, name, title, source, file}` (a `File`, read in the worker) or
//! `{id, name, title, source, text}` (pasted text); the worker answers each with a `Reply` as
//! JSON, after a first `Reply::Ready` once it can take work.
use crate::Staged;
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
