//! The index the explorer queries, built once per corpus: each article's facts (source,
//! published day, its best known date, the date intervals its DATE values cover, the entities
//! and types it names) and postings from each entity, type and source to its articles as
//! roaring bitmaps, plus the full-text index of titles and bodies.
//!
//! What an article names in its page furniture (a byline, a weather widget, a promotion) is
//! kept apart from what its text names: by default the explorer offers only what a reader of
//! the cleaned article can see, and the furniture postings join in when the reader asks to see
//! the page furniture.
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
    /// Distinct entities named in the article's text (dates included), ascending ids.
    pub entities: Vec<u32>,
    /// Bit `i` set when the article's text names an entity of `EntityType::ALL[i]`.
    pub types: u8,
    /// The article's best known date, and where it comes from (for sorting and for saying so).
    pub best_date: Option<(Day, DateBasis)>,
    /// Distinct entities the article names only in its page furniture, ascending ids.
    pub furniture_entities: Vec<u32>,
    /// Types the article names only in its page furniture.
    pub furniture_types: u8,
    /// Intervals of DATE values named only in page furniture, merged and sorted.
    pub furniture_mentioned: Vec<(Day, Day)>,
}

/// Where an article's best known date comes from, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateBasis {
    /// The article's own publication date.
    Published,
    /// The date its page showed (when the page was viewed or saved).
    PageDate,
    /// Neither: the latest day or month its text names as happening.
    Mentioned,
}

/// Longest interval, in days of `Day` arithmetic, that counts as a dated event for an undated
/// article's best date: a day, a range of days or a month, not a year or a decade (which
/// "by 2030" or "the 1950s" would give).
const EVENT_SPAN: Day = 31;

/// The latest dated event an article's text names (a DATE value of a day, a range of days or
/// a month, outside page furniture): its end day and its value.
pub fn latest_event(doc: &Document) -> Option<(Day, &str)> {
    doc.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Date && !doc.article.in_furniture(m.start))
        .filter_map(|m| {
            let v = m.value.as_deref()?;
            let (a, b) = interval(v)?;
            (b - a < EVENT_SPAN).then_some((b, v))
        })
        .max_by_key(|(b, _)| *b)
}

/// An article's best known date: its publication date, else the date its page showed, else
/// the latest dated event its text names.
pub fn best_date(doc: &Document) -> Option<(Day, DateBasis)> {
    let start = |s: &Option<String>| s.as_deref().and_then(partial).map(|(a, _)| a);
    start(&doc.article.published)
        .map(|d| (d, DateBasis::Published))
        .or_else(|| start(&doc.article.page_date).map(|d| (d, DateBasis::PageDate)))
        .or_else(|| latest_event(doc).map(|(d, _)| (d, DateBasis::Mentioned)))
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
    /// Articles whose text names each entity.
    pub by_entity: Vec<RoaringBitmap>,
    /// Articles that name each entity only in their page furniture.
    pub by_entity_furniture: Vec<RoaringBitmap>,
    pub by_type: [RoaringBitmap; 6],
    pub by_type_furniture: [RoaringBitmap; 6],
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
            by_entity_furniture: vec![RoaringBitmap::new(); corpus.entities.len()],
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
            best_date: best_date(doc),
            ..Default::default()
        };
        for m in &doc.mentions {
            let furniture = doc.article.in_furniture(m.start);
            let iv = (m.kind == EntityType::Date)
                .then(|| m.value.as_deref().and_then(interval))
                .flatten();
            if furniture {
                facts.furniture_types |= type_bit(m.kind);
                facts.furniture_entities.push(m.entity as u32);
                facts.furniture_mentioned.extend(iv);
            } else {
                facts.types |= type_bit(m.kind);
                facts.entities.push(m.entity as u32);
                facts.mentioned.extend(iv);
            }
        }
        facts.entities.sort_unstable();
        facts.entities.dedup();
        facts.furniture_entities.sort_unstable();
        facts.furniture_entities.dedup();
        facts
            .furniture_entities
            .retain(|e| facts.entities.binary_search(e).is_err());
        facts.furniture_types &= !facts.types;
        for &e in &facts.entities {
            ix.by_entity[e as usize].insert(d32);
        }
        for &e in &facts.furniture_entities {
            ix.by_entity_furniture[e as usize].insert(d32);
        }
        for (i, t) in EntityType::ALL.iter().enumerate() {
            if facts.types & type_bit(*t) != 0 {
                ix.by_type[i].insert(d32);
            }
            if facts.furniture_types & type_bit(*t) != 0 {
                ix.by_type_furniture[i].insert(d32);
            }
        }
        facts.mentioned.sort_unstable();
        facts.mentioned.dedup();
        facts.furniture_mentioned.sort_unstable();
        facts.furniture_mentioned.dedup();
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
        // a date entity has postings like any other: the articles naming it
        assert_eq!(
            ix.by_entity[id("2024-06-19")].iter().collect::<Vec<_>>(),
            [0]
        );
    }

    #[test]
    fn furniture_mentions_are_kept_apart() {
        // the byline and the weather widget are page furniture; the article names Seoul too
        let (corpus, _) = Corpus::build(vec![Input::new(
            "a.txt",
            b"Talks in Seoul\n\nBy Park Min-jun\n\nLos Angeles 72\xc2\xb0F Sunny\n\nOfficials in Seoul met Japanese envoys on March 3, 2024, to discuss the alliance, the ministry said.\n"
                .to_vec(),
        )]);
        let ix = Index::build(&corpus);
        let doc = &corpus.docs[0];
        let furniture: Vec<&str> = doc
            .mentions
            .iter()
            .filter(|m| doc.article.in_furniture(m.start))
            .map(|m| doc.mention_text(m))
            .collect();
        assert!(!furniture.is_empty(), "{:?}", doc.article.lines);
        for m in &doc.mentions {
            let e = m.entity as u32;
            let in_text = doc
                .mentions
                .iter()
                .any(|n| n.entity == m.entity && !doc.article.in_furniture(n.start));
            assert_eq!(
                ix.docs[0].entities.contains(&e),
                in_text,
                "{}",
                doc.mention_text(m)
            );
            assert_eq!(ix.docs[0].furniture_entities.contains(&e), !in_text);
            assert_eq!(ix.by_entity[m.entity].contains(0), in_text);
            assert_eq!(ix.by_entity_furniture[m.entity].contains(0), !in_text);
        }
    }

    #[test]
    fn best_date_prefers_published_then_page_date_then_latest_event() {
        let (corpus, _) = Corpus::build(vec![
            Input::new("pub.txt", b"Summit held\n\nPublished: 2024-06-20\n\nKim Jong Un met Vladimir Putin on June 19, 2024, in Pyongyang.".to_vec()),
            Input::new("undated.txt", b"Drills go on\n\nThe drills began on August 12, 2024, and the navy said on July 3, 2024, that more would follow by 2030.".to_vec()),
            Input::new("none.txt", b"No dates here\n\nOfficials in Seoul met to discuss the alliance with Washington.".to_vec()),
        ]);
        let ix = Index::build(&corpus);
        assert_eq!(ix.docs[0].best_date, Some((20240620, DateBasis::Published)));
        // the latest day named, not the year 2030
        assert_eq!(ix.docs[1].best_date, Some((20240812, DateBasis::Mentioned)));
        assert_eq!(
            latest_event(&corpus.docs[1]),
            Some((20240812, "2024-08-12"))
        );
        assert_eq!(ix.docs[2].best_date, None);
    }
}
