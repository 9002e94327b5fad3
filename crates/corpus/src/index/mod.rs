//! The index the explorer queries, built once per corpus: each article's facts (source,
//! published day, the date intervals its DATE values cover, the entities and types it names)
//! and postings from each entity, type and source to its articles as roaring bitmaps, plus the
//! full-text index of titles and bodies.
pub mod search;

use crate::{Corpus, Document, EntityType};
use roaring::RoaringBitmap;
use search::TextIndex;

/// A calendar day as `yyyymmdd` (ordered like the dates; the last day of a month or year may
/// be written as day 31 or month 12, which orders the same).
pub type Day = u32;

/// The interval an ISO 8601 date, partial date or interval covers: `2024` is the whole year,
/// `2024-08` the month, `2024-08-15/2024-08-21` from the first day to the last.
pub fn interval(value: &str) -> Option<(Day, Day)> {
    match value.split_once('/') {
        Some((a, b)) => {
            let (from, _) = partial(a)?;
            let (_, to) = partial(b)?;
            (from <= to).then_some((from, to))
        }
        None => partial(value),
    }
}

/// The days a partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) covers, or `None` if it is
/// not one.
pub fn partial(s: &str) -> Option<(Day, Day)> {
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())?
    };
    let mut parts = s.trim().split('-');
    let y = num(parts.next()?, 4)?;
    let m = parts.next().map(|p| num(p, 2));
    let d = parts.next().map(|p| num(p, 2));
    if parts.next().is_some() {
        return None;
    }
    match (m, d) {
        (None, None) => Some((y * 10_000 + 101, y * 10_000 + 1231)),
        (Some(Some(m)), None) if (1..=12).contains(&m) => {
            Some((y * 10_000 + m * 100 + 1, y * 10_000 + m * 100 + 31))
        }
        (Some(Some(m)), Some(Some(d))) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            let day = y * 10_000 + m * 100 + d;
            Some((day, day))
        }
        _ => None,
    }
}

/// What the index knows of one article.
#[derive(Clone, Debug, Default)]
pub struct DocFacts {
    /// Index into `Index::sources`.
    pub source: Option<u32>,
    pub published: Option<Day>,
    /// Intervals of the article's resolved DATE values, merged and sorted.
    pub mentioned: Vec<(Day, Day)>,
    /// The distinct years `mentioned` touches, ascending (a long interval gives its first 50),
    /// for the mentioned-dates histogram.
    pub mentioned_years: Vec<u32>,
    /// Distinct entities named (not dates), ascending ids.
    pub entities: Vec<u32>,
    /// Bit `i` set when the article names an entity of `EntityType::ALL[i]`.
    pub types: u8,
}

/// Bit of a type in `DocFacts::types`.
pub fn type_bit(t: EntityType) -> u8 {
    1 << EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

/// The corpus index.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub docs: Vec<DocFacts>,
    /// Distinct sources (outlets), sorted by name.
    pub sources: Vec<String>,
    pub by_entity: Vec<RoaringBitmap>,
    pub by_type: [RoaringBitmap; 6],
    pub by_source: Vec<RoaringBitmap>,
    pub all: RoaringBitmap,
    pub text: TextIndex,
}

/// The text an article is searched by: its title line and the lines of its body.
pub fn searchable_terms(doc: &Document) -> Vec<search::Term> {
    let mut out = Vec::new();
    for l in &doc.article.lines {
        if l.furniture.is_none() {
            out.extend(search::terms(&doc.text, (l.start, l.end)));
        }
    }
    out
}

impl Index {
    /// Indexes a corpus.
    pub fn build(corpus: &Corpus) -> Index {
        let mut builder = IndexBuilder::new(corpus);
        for d in 0..corpus.docs.len() {
            builder.add(corpus, d);
        }
        builder.finish()
    }
}

/// Indexes a corpus one document at a time (`add` each in order, then `finish`), so a page can
/// index thousands of articles in slices between frames.
pub struct IndexBuilder {
    ix: Index,
    text: TextIndex,
}

impl IndexBuilder {
    pub fn new(corpus: &Corpus) -> IndexBuilder {
        let mut sources: Vec<String> = corpus
            .docs
            .iter()
            .filter_map(|d| d.source().map(str::to_string))
            .collect();
        sources.sort();
        sources.dedup();
        let ix = Index {
            by_entity: vec![RoaringBitmap::new(); corpus.entities.len()],
            by_source: vec![RoaringBitmap::new(); sources.len()],
            sources,
            ..Default::default()
        };
        IndexBuilder {
            ix,
            text: TextIndex::default(),
        }
    }

    /// Indexes document `d` of `corpus` (the next one: documents go in order).
    pub fn add(&mut self, corpus: &Corpus, d: usize) {
        let ix = &mut self.ix;
        let doc = &corpus.docs[d];
        let d32 = d as u32;
        let mut facts = DocFacts {
            source: doc
                .source()
                .and_then(|s| ix.sources.binary_search_by(|x| x.as_str().cmp(s)).ok())
                .map(|i| i as u32),
            published: doc
                .article
                .published
                .as_deref()
                .and_then(partial)
                .map(|(from, _)| from),
            ..Default::default()
        };
        for m in &doc.mentions {
            facts.types |= type_bit(m.kind);
            if m.kind == EntityType::Date {
                if let Some(iv) = m.value.as_deref().and_then(interval) {
                    facts.mentioned.push(iv);
                }
            } else {
                facts.entities.push(m.entity as u32);
            }
            ix.by_type[EntityType::ALL
                .iter()
                .position(|t| *t == m.kind)
                .unwrap_or(0)]
            .insert(d32);
        }
        facts.entities.sort_unstable();
        facts.entities.dedup();
        for &e in &facts.entities {
            ix.by_entity[e as usize].insert(d32);
        }
        facts.mentioned.sort_unstable();
        facts.mentioned.dedup();
        for &(a, b) in &facts.mentioned {
            facts
                .mentioned_years
                .extend((a / 10_000..=b / 10_000).take(50));
        }
        facts.mentioned_years.sort_unstable();
        facts.mentioned_years.dedup();
        if let Some(s) = facts.source {
            ix.by_source[s as usize].insert(d32);
        }
        ix.all.insert(d32);
        self.text.add(searchable_terms(doc));
        ix.docs.push(facts);
    }

    /// The index.
    pub fn finish(mut self) -> Index {
        self.text.finish();
        self.ix.text = self.text;
        self.ix
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    #[test]
    fn partial_dates_and_intervals() {
        assert_eq!(partial("2024"), Some((20240101, 20241231)));
        assert_eq!(partial("2024-08"), Some((20240801, 20240831)));
        assert_eq!(partial("2024-08-10"), Some((20240810, 20240810)));
        assert_eq!(
            interval("2024-08-15/2024-08-21"),
            Some((20240815, 20240821))
        );
        assert_eq!(interval("2024-12/2025-02"), Some((20241201, 20250231)));
        for bad in [
            "",
            "24",
            "2024-13",
            "2024-1",
            "2024-08-32",
            "2024-08-10-01",
            "x",
            "2025/2024",
        ] {
            assert_eq!(interval(bad), None, "{bad}");
        }
    }

    #[test]
    fn postings_follow_the_corpus() {
        let (corpus, _) = Corpus::build(vec![
            Input::new("a.txt", b"Kim meets Putin\n\nKim Jong Un met Vladimir Putin in Moscow on June 19, 2024, to discuss the Hwasong-18 missile.".to_vec()),
            Input::new("b.txt", b"Seoul talks\n\nOfficials in Seoul met on Friday to discuss the alliance with Washington and Tokyo in 2023.".to_vec()),
        ]);
        let ix = Index::build(&corpus);
        let id = |name: &str| corpus.entities.iter().position(|e| e.name == name).unwrap();
        assert_eq!(ix.by_entity[id("Moscow")].iter().collect::<Vec<_>>(), [0]);
        assert_eq!(ix.by_entity[id("Seoul")].iter().collect::<Vec<_>>(), [1]);
        assert!(ix.by_type[3].contains(0) && !ix.by_type[3].contains(1)); // WEAPON
        assert!(ix.docs[0].mentioned.contains(&(20240619, 20240619)));
        assert!(ix.docs[1].mentioned.contains(&(20230101, 20231231)));
        assert_eq!(ix.text.len(), 2);
    }
}
