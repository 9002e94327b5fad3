//! The sentences of an article's text, as byte spans: the evidence unit of the story views (a
//! dated statement, a co-mention, a claim is one sentence). A sentence ends at a line break, or
//! at `.`, `!` or `?` followed by space and a capital, a digit or a quote, unless the word
//! before the stop is an abbreviation (`Mr.`, `Aug.`, `U.S.`) or a single initial. Also the
//! words of a sentence in lower case, which the rules over sentences read.
use crate::Document;
use std::borrow::Cow;

/// Words that end with a stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// The sentences of `text[from..to]` (one line or paragraph), trimmed, as absolute spans.
pub fn split(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < to {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                // closing quotes and brackets belong to the sentence they end
                let mut j = i + 1;
                while j < to && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                let next = text[j..to].trim_start();
                let spaced = j < to && text[j..to].starts_with(char::is_whitespace);
                let opens = next.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'')
                });
                let stop = next.is_empty() || (spaced && opens);
                if stop && b == b'.' && is_abbreviation(&text[start..i]) {
                    false
                } else if stop {
                    i = j - 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if end_here {
            push_trimmed(text, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(text, start, to, &mut out);
    out
}

/// Whether `before` (the text up to a stop) ends in an abbreviation or a single initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

/// A word of a sentence, lower-cased (borrowed when it is already), with its byte span. Digits
/// keep their separators (`10,000`, `5.5`) and a currency sign stays on its number.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    pub w: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
}

/// A word in lower case, allocating only when it has capitals.
fn lower(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

pub fn words(text: &str, (from, to): (usize, usize)) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let s = &text[from..to];
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '$' || c == '€' || c == '£' || c == '₩';
        // digits keep their separators: 10,000 and 5.5
        let sep = (c == ',' || c == '.')
            && start.is_some()
            && s[..i].ends_with(|p: char| p.is_ascii_digit())
            && s[i + 1..].starts_with(|n: char| n.is_ascii_digit());
        match (start, part || sep) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push(Word {
                    w: lower(&s[b..i]),
                    start: from + b,
                    end: from + i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(Word {
            w: lower(&s[b..]),
            start: from + b,
            end: to,
        });
    }
    out
}

/// The sentences of a document's article lines (the title line and the body; page furniture
/// is not the article), in text order.
pub fn of_document(doc: &Document) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for l in &doc.article.lines {
        if l.furniture.is_none() {
            out.extend(split(&doc.text, l.start, l.end));
        }
    }
    out
}

/// The index of the sentence holding byte `pos`, among `sentences` (sorted spans).
pub fn containing(sentences: &[(usize, usize)], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|&(s, _)| s <= pos);
    (i > 0 && pos < sentences[i - 1].1).then(|| i - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_stops_but_not_at_abbreviations_or_initials() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Kim met Putin. They talked.",
                &["Kim met Putin.", "They talked."],
            ),
            (
                "On Aug. 12 Mr. Shoigu arrived. He left.",
                &["On Aug. 12 Mr. Shoigu arrived.", "He left."],
            ),
            (
                "The U.S. said so. J. Smith agreed.",
                &["The U.S. said so.", "J. Smith agreed."],
            ),
            (
                "\"It is done.\" She left!",
                &["\"It is done.\"", "She left!"],
            ),
            (
                "It cost 1.5 billion. 2024 was hard.",
                &["It cost 1.5 billion.", "2024 was hard."],
            ),
            ("no stop at the end", &["no stop at the end"]),
            ("First line\nSecond line.", &["First line", "Second line."]),
            ("  ", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = split(text, 0, text.len())
                .iter()
                .map(|&(a, b)| &text[a..b])
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn finds_the_sentence_of_a_position() {
        let text = "One here. Two there.";
        let s = split(text, 0, text.len());
        assert_eq!(containing(&s, 0), Some(0));
        assert_eq!(containing(&s, 12), Some(1));
        assert_eq!(containing(&s, 9), None); // the space between
    }
}
