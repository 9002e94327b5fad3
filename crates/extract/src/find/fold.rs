// Byte folding shared by build.rs (building the gazetteer FST) and the matcher at run time:
// curly apostrophes read as a straight one, so "Workers’ Party" finds "Workers' Party"; and
// which kind of entry wins when two share a name. (Name normalisation for link keys is
// `dossier_model::text::fold::norm_name`.)
// Included with `include!`, so it has no module comment of its own beyond this one.

/// Which entry wins when two name the same string (lower wins): a person over a weapon, event,
/// organisation or place; a country over a region over a city. `kind` and `sub` as in the
/// generated entry table (0 person, 1 org, 2 place, 3 weapon, 4 event, 5 demonym).
pub fn rank(kind: u8, sub: u8) -> u8 {
    match kind {
        0 => 0,
        3 => 1,
        4 => 2,
        1 => 3,
        2 => 4 + sub,
        _ => 9,
    }
}

/// Folds `text` from byte `pos`: returns the folded byte and the number of raw bytes it used.
#[inline]
pub fn fold_at(text: &[u8], pos: usize) -> (u8, usize) {
    let b = text[pos];
    if b == 0xE2 && pos + 2 < text.len() && text[pos + 1] == 0x80 && (text[pos + 2] == 0x98 || text[pos + 2] == 0x99) {
        (b'\'', 3)
    } else {
        (b, 1)
    }
}

/// Folds a whole string the way `fold_at` reads text.
pub fn fold_str(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let (b, n) = fold_at(bytes, i);
        out.push(b);
        i += n;
    }
    out
}
