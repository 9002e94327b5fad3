//! Turns raw input bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! Windows-1252 as a fallback for legacy files, all with `encoding_rs`; refuses empty,
//! binary and oversized input with a reason a person can act on.
use std::fmt;

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Why an input could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// No bytes, or only white space.
    Empty,
    /// Looks like a binary file (an image, an archive, a program...).
    Binary { what: &'static str },
    /// Larger than the limit.
    TooLarge { size: usize, limit: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty (no text to read)"),
            InputError::Binary { what } => {
                write!(f, "this is not a text file: it looks like {what}")
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

/// Text decoded from an input, and the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or an Office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program"),
        (b"\0asm", "a WebAssembly module"),
        (b"RIFF", "a media file"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("binary data");
    }
    None
}

/// Decodes input bytes to text, or says why it cannot.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    // UTF-16 needs its BOM checked before the binary sniff (its text is full of NUL bytes).
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors && text.chars().filter(|&c| c == '\u{FFFD}').count() * 10 > text.len() {
                return Err(InputError::Binary {
                    what: "binary data with a UTF-16 mark",
                });
            }
            return finish(text.into_owned(), encoding.name());
        }
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(InputError::Binary { what });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            finish(text.into_owned(), "windows-1252")
        }
    }
}

fn finish(text: String, encoding: &'static str) -> Result<Decoded, InputError> {
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Пхеньян и Москва — 평양".as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Пхеньян и Москва — 평양");
    }

    #[test]
    fn empty_and_blank_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), InputError::Empty);
        assert_eq!(decode(b" \n\t\r\n").unwrap_err(), InputError::Empty);
    }

    #[test]
    fn png_is_named() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(
            err,
            InputError::Binary {
                what: "a PNG image"
            }
        );
        assert!(err.to_string().contains("PNG"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kim Jong Un in Moscow".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "Kim Jong Un in Moscow");
    }

    #[test]
    fn windows_1252_is_decoded() {
        // 0x92 is a right single quote in Windows-1252, invalid alone in UTF-8
        let d = decode(b"Russia\x92s forum in Moscow \x96 August").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Russia\u{2019}s forum in Moscow \u{2013} August");
    }

    #[test]
    fn too_large_is_refused_with_sizes() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let err = decode(&big).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert!(err.to_string().contains("limit is 64 MB"));
    }
}
