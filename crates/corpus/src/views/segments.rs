//! What the reader draws for one article: its paragraphs (the body; or, in the raw view, every
//! line, with page furniture marked and the reason it was removed), each split into pieces of
//! plain text and entity mentions, with search matches marked inside both. Pieces are byte
//! ranges of the document text; the UI turns them into text nodes and never parses them.
use crate::{Document, Mention};
use dossier_model::Furniture;

/// What a line of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Body,
    /// Page furniture (only in the raw view).
    Furniture(Furniture),
}

/// A run of text, and whether a search matched it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub hit: bool,
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(Run),
    /// A mention (index into `Document::mentions`), in runs.
    Mention {
        index: usize,
        runs: Vec<Run>,
    },
}

/// One line of the article as the reader shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    pub start: usize,
    pub end: usize,
    pub kind: LineKind,
    pub pieces: Vec<Piece>,
}

/// Splits `[start, end)` into runs at the edges of the search matches `hits` (sorted, merged).
fn runs(start: usize, end: usize, hits: &[(usize, usize)]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut pos = start;
    let first = hits.partition_point(|&(_, e)| e <= start);
    for &(hs, he) in hits[first..].iter().take_while(|&&(hs, _)| hs < end) {
        let (hs, he) = (hs.max(start), he.min(end));
        if hs > pos {
            out.push(Run {
                start: pos,
                end: hs,
                hit: false,
            });
        }
        out.push(Run {
            start: hs,
            end: he,
            hit: true,
        });
        pos = he;
    }
    if pos < end {
        out.push(Run {
            start: pos,
            end,
            hit: false,
        });
    }
    out
}

/// The paragraphs of `doc`: the title line and body lines, or with `raw` every line. Mentions
/// for which `shown` is false are drawn as plain text; `hits` are search matches (sorted,
/// merged byte spans, as `search::matches` gives them).
pub fn paragraphs(
    doc: &Document,
    raw: bool,
    hits: &[(usize, usize)],
    shown: impl Fn(&Mention) -> bool,
) -> Vec<Para> {
    let text = &doc.text;
    let mut out = Vec::new();
    for line in &doc.article.lines {
        let kind = match (line.furniture, line.is_title) {
            (Some(f), _) => LineKind::Furniture(f),
            (None, true) => LineKind::Title,
            (None, false) => LineKind::Body,
        };
        if !raw && matches!(kind, LineKind::Furniture(_)) {
            continue;
        }
        // the line without its surrounding white space
        let l = &text[line.start..line.end];
        let start = line.start + (l.len() - l.trim_start().len());
        let end = line.start + l.trim_end().len();
        if start >= end {
            continue;
        }
        let mut pieces = Vec::new();
        let mut pos = start;
        let first = doc.mentions.partition_point(|m| m.end <= start);
        for (index, m) in doc.mentions.iter().enumerate().skip(first) {
            if m.start >= end {
                break;
            }
            if !shown(m) || m.start < pos {
                continue;
            }
            let (ms, me) = (m.start.max(start), m.end.min(end));
            pieces.extend(runs(pos, ms, hits).into_iter().map(Piece::Text));
            pieces.push(Piece::Mention {
                index,
                runs: runs(ms, me, hits),
            });
            pos = me;
        }
        pieces.extend(runs(pos, end, hits).into_iter().map(Piece::Text));
        out.push(Para {
            start,
            end,
            kind,
            pieces,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{index::search, Corpus, EntityType, Input};

    fn doc() -> Document {
        let text = "71.9 F\nKim meets Putin in Moscow\n\n- Advertisement -\n\nKim Jong Un met Vladimir Putin in Moscow on Friday, and Kim praised Moscow’s support for the missile program.\n";
        let (c, _) = Corpus::build(vec![Input::new("a.txt", text.as_bytes().to_vec())]);
        c.docs.into_iter().next().unwrap()
    }

    /// The paragraph with mentions in [brackets] and search matches in <angles>.
    fn flat(doc: &Document, p: &Para) -> String {
        let run = |r: &Run| {
            let s = &doc.text[r.start..r.end];
            if r.hit {
                format!("<{s}>")
            } else {
                s.to_string()
            }
        };
        p.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(r) => run(r),
                Piece::Mention { runs, .. } => {
                    format!("[{}]", runs.iter().map(run).collect::<String>())
                }
            })
            .collect()
    }

    #[test]
    fn body_pieces_cover_the_line_with_mentions_and_hits() {
        let d = doc();
        let terms = search::terms(&d.text, (0, d.text.len()));
        let hits = search::matches(&terms, &search::TextQuery::parse("moscow missile"));
        let paras = paragraphs(&d, false, &hits, |_| true);
        eprintln!(
            "{hits:?} {:?}",
            hits.iter().map(|&(s, e)| &d.text[s..e]).collect::<Vec<_>>()
        );
        assert_eq!(paras.len(), 2, "title and body, no furniture");
        assert_eq!(paras[0].kind, LineKind::Title);
        let body = flat(&d, &paras[1]);
        assert!(
            body.starts_with("[Kim Jong Un] met [Vladimir Putin] in [<Moscow>] on [Friday]"),
            "{body}"
        );
        assert!(body.contains("the <missile> program."), "{body}");
        // the pieces cover the line exactly
        let plain: String = body.chars().filter(|c| !"[]<>".contains(*c)).collect();
        assert_eq!(plain, d.text[paras[1].start..paras[1].end]);
    }

    #[test]
    fn raw_view_marks_furniture_and_hidden_types_are_plain() {
        let d = doc();
        let paras = paragraphs(&d, true, &[], |m| m.kind != EntityType::Date);
        let kinds: Vec<LineKind> = paras.iter().map(|p| p.kind).collect();
        assert_eq!(kinds[0], LineKind::Furniture(Furniture::Weather));
        assert!(kinds.contains(&LineKind::Furniture(Furniture::Advertisement)));
        let body = flat(&d, paras.last().unwrap());
        assert!(body.contains("on Friday,"), "dates hidden: {body}");
    }
}
