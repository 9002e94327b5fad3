//! Turns raw input bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, the
//! legacy encoding a page or feed declares (`<meta charset>`, `http-equiv`, or the XML
//! declaration's `encoding`, decoded with `encoding_rs`), and Windows-1252 as a fallback for
//! undeclared legacy files; refuses empty, binary and oversized input with a reason a person
//! can act on.
//!
//! `encoding_rs` adds about 124 KB gzipped (its decoder links the tables of every CJK
//! encoding), so it stays in the extractor, which only the worker and the CLI carry.
use dossier_model::InputError;

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

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
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => {
            Some((rest, "UTF-16LE", u16::from_le_bytes as fn([u8; 2]) -> u16))
        }
        [0xFE, 0xFF, rest @ ..] => {
            Some((rest, "UTF-16BE", u16::from_be_bytes as fn([u8; 2]) -> u16))
        }
        _ => None,
    };
    if let Some((rest, name, unit)) = utf16 {
        let units = rest.chunks(2).map(|c| match *c {
            [a, b] => unit([a, b]),
            _ => 0xFFFD, // an odd trailing byte
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let bad = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER || c == '\0')
            .count();
        if bad * 10 > text.chars().count() {
            return Err(InputError::Binary {
                what: "binary data with a UTF-16 mark",
            });
        }
        return finish(text, name);
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(InputError::Binary { what });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), "UTF-8");
    }
    if let Some(encoding) = declared(bytes) {
        let (text, _, _) = encoding.decode(bytes);
        let bad = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        if bad * 20 > text.chars().count() {
            return Err(InputError::Encoding);
        }
        return finish(text.into_owned(), encoding.name());
    }
    // Western text in Windows-1252 has a few high bytes (quotes, accents); text in an encoding
    // of another script is mostly high bytes, and would read as garbage
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    if high * 5 > bytes.len() {
        return Err(InputError::Encoding);
    }
    finish(
        bytes.iter().map(|&b| windows_1252(b)).collect(),
        "windows-1252",
    )
}

/// The encoding the input's head declares, other than UTF-8: `<meta charset="…">`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`, read
/// from its first 1,024 bytes as the HTML standard's prescan does.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(at) = memchr::memmem::find(&lower[from..], key) {
            let start = from + at + key.len();
            from = start;
            let value = &lower[start..];
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|&b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(value.len());
            if let Some(enc) = encoding_rs::Encoding::for_label(&value[..end]) {
                if enc != encoding_rs::UTF_8 {
                    return Some(enc);
                }
            }
        }
    }
    None
}

/// The character a Windows-1252 byte stands for (WHATWG's mapping: bytes 0x80-0x9F are
/// typographic marks; the five it leaves undefined map to the C1 control of the same number).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
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
    fn utf16_big_endian_and_bad_utf16() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "Пхеньян 평양".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16BE", "Пхеньян 평양"));
        // lone surrogates everywhere: refused, not turned into a page of replacement marks
        let mut bad = vec![0xFF, 0xFE];
        for _ in 0..100 {
            bad.extend_from_slice(&0xD800u16.to_le_bytes());
        }
        assert!(matches!(decode(&bad), Err(InputError::Binary { .. })));
    }

    #[test]
    fn windows_1252_maps_every_byte() {
        assert_eq!(windows_1252(0x80), '€');
        assert_eq!(windows_1252(0x9F), 'Ÿ');
        assert_eq!(windows_1252(0x8D), '\u{8D}');
        assert_eq!(windows_1252(0xE9), 'é');
        assert_eq!(windows_1252(b'a'), 'a');
    }

    #[test]
    fn a_declared_legacy_encoding_is_honoured() {
        // "Пхеньян" in windows-1251, declared by the page
        let mut page = b"<html><head><meta charset=\"windows-1251\"><title>".to_vec();
        page.extend_from_slice(b"\xcf\xf5\xe5\xed\xfc\xff\xed</title></head></html>");
        let d = decode(&page).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("<title>Пхеньян</title>"), "{}", d.text);
        // EUC-KR by http-equiv, and Shift_JIS in an XML declaration
        let mut kr =
            b"<meta http-equiv='Content-Type' content='text/html; charset=euc-kr'>".to_vec();
        kr.extend_from_slice(b"\xc6\xf2\xbe\xe7");
        assert_eq!(
            decode(&kr)
                .unwrap()
                .text
                .trim_start_matches(|c| c != '>')
                .get(1..),
            Some("평양")
        );
        let mut jp = b"<?xml version='1.0' encoding='Shift_JIS'?><rss>".to_vec();
        jp.extend_from_slice(b"\x95\xbd\x8f\xeb</rss>");
        let d = decode(&jp).unwrap();
        assert_eq!(d.encoding, "Shift_JIS");
        assert!(d.text.contains("平壌"), "{}", d.text);
        // a UTF-8 page declaring a legacy charset is read as the UTF-8 it is
        let d = decode("<meta charset=windows-1251><p>평양</p>".as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn other_legacy_encodings_are_refused_with_a_reason() {
        // "평양과 모스크바" in EUC-KR: every letter two high bytes
        let euc_kr = b"\xc6\xf2\xbe\xe7\xb0\xfa \xb8\xf0\xbd\xba\xc5\xa9\xb9\xd9";
        let err = decode(euc_kr).unwrap_err();
        assert_eq!(err, InputError::Encoding);
        assert!(err.to_string().contains("save it as UTF-8"));
    }

    #[test]
    fn too_large_is_refused_with_sizes() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let err = decode(&big).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert!(err.to_string().contains("limit is 64 MB"));
    }
}
