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

/// Splits a paragraph's pieces at byte offsets (sorted; a sentence's end, say), so the reader
/// can put something after each: the groups in order, each with whether an offset closes it. An
/// offset inside a mention closes the group after the mention.
pub fn split_at(pieces: &[Piece], offsets: &[usize]) -> Vec<(Vec<Piece>, bool)> {
    let mut out = Vec::new();
    let mut group: Vec<Piece> = Vec::new();
    let mut next = offsets.iter().copied().peekable();
    let end_of = |p: &Piece| match p {
        Piece::Text(r) => r.end,
        Piece::Mention { runs, .. } => runs.last().map_or(0, |r| r.end),
    };
    for p in pieces {
        let mut piece = p.clone();
        loop {
            let start = match &piece {
                Piece::Text(r) => r.start,
                Piece::Mention { runs, .. } => runs.first().map_or(0, |r| r.start),
            };
            // offsets before this piece closed nothing more
            while next
                .peek()
                .is_some_and(|&o| o <= start && !group.is_empty())
            {
                next.next();
                out.push((std::mem::take(&mut group), true));
            }
            match (&piece, next.peek().copied()) {
                (Piece::Text(r), Some(o)) if r.start < o && o < r.end => {
                    group.push(Piece::Text(Run {
                        start: r.start,
                        end: o,
                        hit: r.hit,
                    }));
                    out.push((std::mem::take(&mut group), true));
                    next.next();
                    piece = Piece::Text(Run {
                        start: o,
                        end: r.end,
                        hit: r.hit,
                    });
                }
                _ => break,
            }
        }
        let e = end_of(&piece);
        group.push(piece);
        if next.peek().is_some_and(|&o| o <= e) {
            next.next();
            out.push((std::mem::take(&mut group), true));
        }
    }
    if !group.is_empty() {
        out.push((group, false));
    }
    out
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

    #[test]
    fn pieces_split_at_sentence_ends() {
        let t = |start, end| {
            Piece::Text(Run {
                start,
                end,
                hit: false,
            })
        };
        let m = |start, end| Piece::Mention {
            index: 0,
            runs: vec![Run {
                start,
                end,
                hit: false,
            }],
        };
        let pieces = vec![t(0, 10), m(10, 15), t(15, 40)];
        let groups = split_at(&pieces, &[12, 30]);
        assert_eq!(
            groups,
            vec![
                (vec![t(0, 10), m(10, 15)], true),
                (vec![t(15, 30)], true),
                (vec![t(30, 40)], false),
            ]
        );
        assert_eq!(split_at(&pieces, &[]), vec![(pieces.clone(), false)]);
        assert_eq!(split_at(&pieces, &[40]), vec![(pieces.clone(), true)]);
    }
}
