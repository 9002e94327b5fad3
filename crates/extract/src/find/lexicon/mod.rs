//! Word classes the rules ask about (stopword, month or weekday, head word, role word, given
//! name, surname, word a date can open with), gathered from the word lists into one hash map
//! and looked up once per token, so rules test bits instead of matching strings.
mod words;

use crate::find::gazetteer;
use dossier_model::text::{Tok, TokKind, HYPHEN};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use words::{DATE_OPENERS, EVENT_HEADS, MONTHS_AND_WEEKDAYS, ORG_HEADS, PLACE_HEADS, STOPWORDS};

pub const STOP: u16 = 1;
pub const MONTH_OR_WEEKDAY: u16 = 1 << 1;
pub const HEAD_ORG: u16 = 1 << 2;
pub const HEAD_PLACE: u16 = 1 << 3;
pub const HEAD_EVENT: u16 = 1 << 4;
/// A word of a role or title (`minister`, `Deputy`, `SPOKESWOMAN`), in any of these cases.
pub const ROLE: u16 = 1 << 5;
pub const GIVEN_NAME: u16 = 1 << 6;
pub const KOREAN_SURNAME: u16 = 1 << 7;
pub const CHINESE_SURNAME: u16 = 1 << 8;
/// A word a date expression can open with (`last`, `Friday`, `mid-August` by its `mid`).
pub const DATE_OPENER: u16 = 1 << 9;
pub const HEAD: u16 = HEAD_ORG | HEAD_PLACE | HEAD_EVENT;

/// `w` with its first letter in capitals.
fn capitalised(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Every word the rules know something about, with its classes.
pub fn lexicon() -> &'static FxHashMap<Box<str>, u16> {
    static LEX: OnceLock<FxHashMap<Box<str>, u16>> = OnceLock::new();
    LEX.get_or_init(|| {
        let lists = gazetteer::lists();
        let mut m: FxHashMap<Box<str>, u16> = FxHashMap::default();
        let mut add = |w: &str, class: u16| *m.entry(w.into()).or_default() |= class;
        let groups: [(&[&str], u16); 5] = [
            (STOPWORDS, STOP),
            (MONTHS_AND_WEEKDAYS, MONTH_OR_WEEKDAY | DATE_OPENER),
            (ORG_HEADS, HEAD_ORG),
            (PLACE_HEADS, HEAD_PLACE),
            (EVENT_HEADS, HEAD_EVENT),
        ];
        for (words, class) in groups {
            words.iter().for_each(|w| add(w, class));
        }
        for (set, class) in [
            (&lists.given_names, GIVEN_NAME),
            (&lists.korean_surnames, KOREAN_SURNAME),
            (&lists.chinese_surnames, CHINESE_SURNAME),
        ] {
            set.iter().for_each(|w| add(w, class));
        }
        // role words and date openers are listed in lower case; text also has them
        // capitalised or in capitals
        for (words, class) in [
            (lists.role_words.iter().copied().collect::<Vec<_>>(), ROLE),
            (DATE_OPENERS.to_vec(), DATE_OPENER),
        ] {
            for w in words {
                add(w, class);
                add(&capitalised(w), class);
                add(&w.to_uppercase(), class);
            }
        }
        m
    })
}

/// The classes of one word (0 for a word the lexicon does not hold).
pub fn class_of(w: &str) -> u16 {
    lexicon().get(w).copied().unwrap_or(0)
}

/// The classes of each token: a word's own, and for a hyphenated word also the date opener
/// class of its first part (`mid-August`); 0 for punctuation and numbers.
pub fn classify(text: &str, toks: &[Tok]) -> Vec<u16> {
    let lex = lexicon();
    toks.iter()
        .map(|t| match t.kind {
            TokKind::Word => {
                let w = t.s(text);
                let mut own = lex.get(w).copied().unwrap_or(0);
                // a name with accents finds its plain spelling (Pål, Jürgen)
                if own == 0 && !w.is_ascii() {
                    own = lex
                        .get(dossier_model::text::fold::strip_accents(w).as_str())
                        .copied()
                        .unwrap_or(0);
                }
                if own == 0 && t.flags & HYPHEN != 0 {
                    let head = w.split_once('-').map_or(w, |(head, _)| head);
                    lex.get(head).copied().unwrap_or(0) & DATE_OPENER
                } else {
                    own
                }
            }
            _ => 0,
        })
        .collect()
}
