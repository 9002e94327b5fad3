//! Folding text for comparison: words lower-cased without accents for search terms, accents
//! stripped for word-list lookups, and names normalised into link keys. The extractor, the
//! search index and the linker must fold alike, so the folding lives here, once.

include!("fold_table.rs");

/// Appends `c` to `out` in lower case without accents (`É` -> `e`; letters outside the Latin
/// ranges are only lower-cased, and combining marks are dropped). A table rather than
/// `unicode-normalization`, which added 27 KB gzipped to the bundle.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        let cp = l as u32;
        match cp {
            0x300..=0x36F => {} // a combining accent of decomposed text
            0xC0..=0x24F => out.push(LATIN_1_AND_EXTENDED[(cp - 0xC0) as usize]),
            0x1E00..=0x1EFF => out.push(LATIN_EXTENDED_ADDITIONAL[(cp - 0x1E00) as usize]),
            _ => out.push(l),
        }
    }
}

/// A word without the accents of its Latin letters, case kept (`Pål` -> `Pal`).
pub fn strip_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c as u32 {
            cp @ 0xC0..=0x24F => LATIN_1_AND_EXTENDED[(cp - 0xC0) as usize],
            cp @ 0x1E00..=0x1EFF => LATIN_EXTENDED_ADDITIONAL[(cp - 0x1E00) as usize],
            _ => c,
        })
        .collect()
}

/// A word folded for search: lower case, accents dropped, curly apostrophes straightened.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            _ => push_folded(c, &mut out),
        }
    }
    out
}

/// Normalised name used as a link key for names the gazetteer does not hold.
pub fn norm_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '-') {
        let w = w.trim_matches(|c: char| c == '.' || c == ',');
        if w.is_empty() {
            continue;
        }
        let lw = w.to_lowercase().replace('’', "'");
        let lw = match lw.as_str() {
            "defence" => "defense".to_string(),
            "centre" => "center".to_string(),
            "organisation" => "organization".to_string(),
            _ => lw,
        };
        if out.is_empty() && lw == "the" {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&lw);
    }
    out
}
