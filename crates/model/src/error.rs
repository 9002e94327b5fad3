//! Why an input could not be read as an article, in words a person can act on.
use std::fmt;

/// Why an input could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum InputError {
    /// No bytes, or only white space.
    Empty,
    /// Looks like a binary file (an image, an archive, a program...).
    Binary { what: &'static str },
    /// Larger than the limit.
    TooLarge { size: usize, limit: usize },
    /// Not UTF-8, UTF-16 with a byte-order mark or Windows-1252 (a CJK legacy encoding, say).
    Encoding,
    /// A container (a feed, a Word document, a mail, a PDF) that cannot be read, and why.
    Unreadable { what: String, why: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty (no text to read)"),
            InputError::Binary { what } => {
                write!(f, "this is not a text file: it looks like {what}")
            }
            InputError::Encoding => write!(
                f,
                "the text is in an encoding Dossier cannot read (it reads UTF-8, UTF-16 with a \
                 byte-order mark, Windows-1252 and the encoding a page declares): save it as UTF-8 and add it again"
            ),
            InputError::Unreadable { what, why } => {
                write!(f, "this {what} cannot be read: {why}")
            }
            InputError::TooLarge { size, limit } => write!(
                f,
                "the file is too large ({:.1} MB; the limit is {} MB)",
                *size as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
        }
    }
}

impl std::error::Error for InputError {}
