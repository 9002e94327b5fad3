//! Tokens and character helpers shared by the cleaner and the extractor: one pass splits the
//! text into words, numbers and punctuation, with flags (capitalised, all caps, sentence start)
//! that the rules read instead of re-scanning the text.
pub mod fold;

pub const CAP: u8 = 1;
pub const ALLCAPS: u8 = 2;
pub const SENT_START: u8 = 4;
pub const LINE_START: u8 = 8;
pub const SPACE_BEFORE: u8 = 16;
pub const HYPHEN: u8 = 32;
/// A capital after the first letter, in a word not all in capitals (`KoreaNorth`, `MiG`).
pub const INNER_CAP: u8 = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    pub flags: u8,
}

impl Tok {
    #[inline]
    pub fn s(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }
    #[inline]
    pub fn is(self, f: u8) -> bool {
        self.flags & f != 0
    }
    #[inline]
    pub fn range(self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into tokens. Words keep inner hyphens (`Kim Jong-un`, `MiG-31I`), numbers keep
/// inner `.`, `,` and `-` between digits (`2024-08-10`, `10,000`).
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut line_start = true;
    let mut sent_start = true;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, clen) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if c == '\n' {
            line_start = true;
            sent_start = true;
            space = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += clen;
            continue;
        }
        let start = i;
        let mut flags = 0u8;
        if line_start {
            flags |= LINE_START;
        }
        if sent_start {
            flags |= SENT_START;
        }
        if space {
            flags |= SPACE_BEFORE;
        }
        let kind;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            let mut j = i + clen;
            let mut upper = 0;
            let mut lower = usize::from(c.is_lowercase());
            let mut hyphen = false;
            while j < bytes.len() {
                let bj = bytes[j];
                if bj.is_ascii_alphanumeric() {
                    // the common case, without decoding a char
                    upper += usize::from(bj.is_ascii_uppercase());
                    lower += usize::from(bj.is_ascii_lowercase());
                    j += 1;
                    continue;
                }
                let (cj, lj) = if bj < 0x80 {
                    (bj as char, 1)
                } else {
                    let cj = text[j..].chars().next().unwrap_or(' ');
                    (cj, cj.len_utf8())
                };
                if is_word_char(cj) {
                    upper += usize::from(cj.is_uppercase());
                    lower += usize::from(cj.is_lowercase());
                    j += lj;
                    continue;
                }
                if cj == '-' && text[j + lj..].chars().next().is_some_and(is_word_char) {
                    hyphen = true;
                    j += lj;
                    continue;
                }
                if numeric
                    && (cj == '.' || cj == ',')
                    && text[j + lj..].starts_with(|x: char| x.is_ascii_digit())
                {
                    j += lj;
                    continue;
                }
                break;
            }
            // `upper` counts the capitals after the first letter
            if c.is_uppercase() {
                flags |= CAP;
            }
            if upper >= 1 && lower == 0 && c.is_uppercase() {
                flags |= ALLCAPS;
            } else if upper >= 1 {
                flags |= INNER_CAP;
            }
            if hyphen {
                flags |= HYPHEN;
            }
            kind = if numeric {
                TokKind::Number
            } else {
                TokKind::Word
            };
            i = j;
            sent_start = false;
        } else {
            kind = TokKind::Punct;
            i += clen;
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '•' | '|') {
                sent_start = true;
            } else if !matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '”' | '’'
            ) {
                sent_start = false;
            }
        }
        toks.push(Tok {
            start: start as u32,
            end: i as u32,
            kind,
            flags,
        });
        line_start = false;
        space = false;
    }
    toks
}

/// Lines of a text with their byte ranges (without the line break).
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut breaks = memchr::memchr_iter(b'\n', bytes);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match breaks.next() {
            Some(nl) => (nl, nl + 1),
            None => (bytes.len(), bytes.len()),
        };
        let line = (
            start,
            end - usize::from(end > start && bytes[end - 1] == b'\r'),
        );
        start = next;
        Some(line)
    })
}

/// Whether the char before `pos` is alphanumeric.
#[inline]
pub fn alnum_before(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the char at `pos` is alphanumeric.
#[inline]
pub fn alnum_at(text: &str, pos: usize) -> bool {
    text[pos..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_flags() {
        let t = "Kim Jong-un met MiG-31I pilots on 2024-08-10. RFA said 10,000.";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|x| x.s(t)).collect();
        assert_eq!(
            words,
            [
                "Kim",
                "Jong-un",
                "met",
                "MiG-31I",
                "pilots",
                "on",
                "2024-08-10",
                ".",
                "RFA",
                "said",
                "10,000",
                "."
            ]
        );
        assert!(toks[0].is(SENT_START | CAP));
        assert!(toks[8].is(SENT_START) && toks[8].is(ALLCAPS));
        assert!(!toks[2].is(CAP));
    }

    #[test]
    fn lines_have_ranges() {
        let t = "a\r\nbc\n\nd";
        let v: Vec<_> = lines(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(v, ["a", "bc", "", "d"]);
    }
}
