//! Full-text search over article text: words folded to lower case without accents, an inverted
//! index with term frequencies, BM25 ranking, and queries of words, "quoted phrases" and
//! prefix* terms (all must match); also finds where a query matches in one article, so the
//! reader can highlight it.
//!
//! Hyphenated words are indexed as their parts, so `Kim Jong-un`, `Kim Jong Un` and
//! `Hwasong-18` match however a query writes them (a hyphenated query word is a phrase).
//! Words and prefixes also match by their English stem (Snowball), so `missile` finds
//! `missiles` and `Russia's`; a quoted phrase matches exactly as written.
pub use dossier_model::text::fold::{fold, strip_accents};
use dossier_model::text::{self, TokKind};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The English stem a folded term is matched by: Snowball's, for words of Latin letters;
/// numbers and words in other scripts stand for themselves.
pub fn stem(term: &str) -> Cow<'_, str> {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if term.len() > 2 && term.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        STEMMER
            .get_or_init(|| Stemmer::create(Algorithm::English))
            .stem(term)
    } else {
        Cow::Borrowed(term)
    }
}

/// One term of a text: its folded form and byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

/// The terms of `text[range]`: words and numbers, hyphenated words split into their parts.
pub fn terms(text: &str, range: (usize, usize)) -> Vec<Term> {
    let slice = &text[range.0..range.1];
    let mut out = Vec::new();
    for t in text::tokenize(slice) {
        if t.kind == TokKind::Punct {
            continue;
        }
        let (s, e) = t.range();
        let w = &slice[s..e];
        let mut part_start = s;
        for part in w.split('-') {
            if !part.is_empty() {
                out.push(Term {
                    term: fold(part),
                    start: range.0 + part_start,
                    end: range.0 + part_start + part.len(),
                });
            }
            part_start += part.len() + 1;
        }
    }
    out
}

/// One clause of a query: every clause must match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    Word(String),
    /// A word ending in `*`: any term starting with it.
    Prefix(String),
    /// Words in a row (a quoted phrase, or a hyphenated word).
    Phrase(Vec<String>),
}

/// A parsed text query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextQuery {
    pub clauses: Vec<Clause>,
}

impl TextQuery {
    /// Parses `words "quoted phrases" prefix*`. Punctuation is ignored; an unclosed quote runs
    /// to the end.
    pub fn parse(q: &str) -> TextQuery {
        let mut clauses = Vec::new();
        for (i, part) in q.split('"').enumerate() {
            if i % 2 == 1 {
                let words: Vec<String> = terms(part, (0, part.len()))
                    .into_iter()
                    .map(|t| t.term)
                    .collect();
                match words.len() {
                    0 => {}
                    1 => clauses.push(Clause::Word(words.into_iter().next().unwrap_or_default())),
                    _ => clauses.push(Clause::Phrase(words)),
                }
                continue;
            }
            for raw in part.split_whitespace() {
                let prefix = raw.ends_with('*');
                let word = raw.trim_end_matches('*');
                let parts: Vec<String> = terms(word, (0, word.len()))
                    .into_iter()
                    .map(|t| t.term)
                    .collect();
                match parts.len() {
                    0 => {}
                    1 if prefix => {
                        clauses.push(Clause::Prefix(parts.into_iter().next().unwrap_or_default()))
                    }
                    1 => clauses.push(Clause::Word(parts.into_iter().next().unwrap_or_default())),
                    _ => clauses.push(Clause::Phrase(parts)),
                }
            }
        }
        clauses.dedup();
        TextQuery { clauses }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// The inverted index of a corpus's text.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    dict: FxHashMap<Box<str>, u32>,
    /// Terms in sorted order with their ids, for prefix queries.
    sorted: Vec<(Box<str>, u32)>,
    /// Term id -> (doc, term frequency), docs ascending.
    postings: Vec<Vec<(u32, u32)>>,
    /// Doc -> its term ids in order (phrases are checked against it).
    doc_terms: Vec<Vec<u32>>,
    /// Stem -> the ids of the terms that have it (made by `finish`).
    by_stem: FxHashMap<Box<str>, Vec<u32>>,
    avg_len: f32,
}

/// BM25 parameters.
const K1: f32 = 1.2;
const B: f32 = 0.75;

impl TextIndex {
    /// Builds the index; `docs` yields each document's terms (from [`terms`]).
    pub fn build(docs: impl IntoIterator<Item = Vec<Term>>) -> TextIndex {
        let mut ix = TextIndex::default();
        for doc_terms in docs {
            ix.add(doc_terms);
        }
        ix.finish();
        ix
    }

    /// Adds the next document (ids are given in order). Call [`finish`](Self::finish) after.
    pub fn add(&mut self, doc_terms: Vec<Term>) {
        let d = self.doc_terms.len() as u32;
        let mut seq = Vec::with_capacity(doc_terms.len());
        for t in doc_terms {
            let id = match self.dict.get(t.term.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.postings.len() as u32;
                    self.dict.insert(t.term.into_boxed_str(), id);
                    self.postings.push(Vec::new());
                    id
                }
            };
            let p = &mut self.postings[id as usize];
            match p.last_mut() {
                Some((doc, tf)) if *doc == d => *tf += 1,
                _ => p.push((d, 1)),
            }
            seq.push(id);
        }
        self.doc_terms.push(seq);
    }

    /// Sorts the dictionary for prefix queries and computes the average length.
    pub fn finish(&mut self) {
        self.sorted = self.dict.iter().map(|(k, &v)| (k.clone(), v)).collect();
        self.sorted.sort_unstable();
        self.by_stem.clear();
        for (t, id) in &self.sorted {
            self.by_stem.entry(stem(t).into()).or_default().push(*id);
        }
        let total: usize = self.doc_terms.iter().map(Vec::len).sum();
        self.avg_len = total as f32 / self.doc_terms.len().max(1) as f32;
    }

    pub fn len(&self) -> usize {
        self.doc_terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc_terms.is_empty()
    }

    fn term_ids_with_prefix(&self, prefix: &str) -> &[(Box<str>, u32)] {
        let from = self.sorted.partition_point(|(t, _)| &**t < prefix);
        let to = from + self.sorted[from..].partition_point(|(t, _)| t.starts_with(prefix));
        &self.sorted[from..to]
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.doc_terms.len() as f32;
        ((n - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln()
    }

    fn bm25(&self, doc: u32, tf: u32, idf: f32) -> f32 {
        let len = self.doc_terms[doc as usize].len() as f32;
        let tf = tf as f32;
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len.max(1.0)))
    }

    /// The ids of the terms sharing `word`'s stem (the word itself included, if indexed).
    fn term_ids_with_stem(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        let exact = self.dict.get(word).copied();
        let stemmed = self
            .by_stem
            .get(stem(word).as_ref())
            .into_iter()
            .flatten()
            .copied();
        exact
            .into_iter()
            .chain(stemmed.filter(move |id| Some(*id) != exact))
    }

    /// (doc, summed term frequency) over several terms, docs ascending.
    fn merged_postings(&self, ids: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
        let mut acc: FxHashMap<u32, u32> = FxHashMap::default();
        for id in ids {
            for &(d, tf) in &self.postings[id as usize] {
                *acc.entry(d).or_default() += tf;
            }
        }
        let mut v: Vec<(u32, u32)> = acc.into_iter().collect();
        v.sort_unstable();
        v
    }

    /// (doc, term frequency) of one clause, docs ascending.
    fn clause_postings(&self, clause: &Clause) -> Vec<(u32, u32)> {
        match clause {
            Clause::Word(w) => self.merged_postings(self.term_ids_with_stem(w)),
            Clause::Prefix(p) => {
                let mut ids: Vec<u32> = self
                    .term_ids_with_prefix(p)
                    .iter()
                    .map(|(_, id)| *id)
                    .collect();
                ids.extend(self.term_ids_with_stem(p));
                ids.sort_unstable();
                ids.dedup();
                self.merged_postings(ids.into_iter())
            }
            Clause::Phrase(words) => {
                let Some(ids) = words
                    .iter()
                    .map(|w| self.dict.get(w.as_str()).copied())
                    .collect::<Option<Vec<u32>>>()
                else {
                    return Vec::new();
                };
                // candidates: docs holding the rarest word; then count the phrase in each
                let rarest = ids
                    .iter()
                    .min_by_key(|id| self.postings[**id as usize].len())
                    .copied()
                    .unwrap_or(0);
                self.postings[rarest as usize]
                    .iter()
                    .filter_map(|&(d, _)| {
                        let seq = &self.doc_terms[d as usize];
                        let n = seq
                            .windows(ids.len())
                            .filter(|w| *w == ids.as_slice())
                            .count() as u32;
                        (n > 0).then_some((d, n))
                    })
                    .collect()
            }
        }
    }

    /// Documents matching every clause, with BM25 scores, best first (ties by doc id).
    pub fn search(&self, q: &TextQuery) -> Vec<(u32, f32)> {
        if q.is_empty() {
            return Vec::new();
        }
        let mut lists: Vec<Vec<(u32, u32)>> =
            q.clauses.iter().map(|c| self.clause_postings(c)).collect();
        lists.sort_by_key(Vec::len);
        let idfs: Vec<f32> = lists.iter().map(|l| self.idf(l.len())).collect();
        let mut scored: Vec<(u32, f32)> = lists[0]
            .iter()
            .map(|&(d, tf)| (d, self.bm25(d, tf, idfs[0])))
            .collect();
        for (l, idf) in lists.iter().zip(&idfs).skip(1) {
            let mut out = Vec::with_capacity(scored.len().min(l.len()));
            let (mut i, mut j) = (0, 0);
            while i < scored.len() && j < l.len() {
                match scored[i].0.cmp(&l[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        let d = scored[i].0;
                        out.push((d, scored[i].1 + self.bm25(d, l[j].1, *idf)));
                        i += 1;
                        j += 1;
                    }
                }
            }
            scored = out;
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
    }
}

/// Whether `term` has the stem `s` (each distinct term is stemmed once, into `cache`).
fn has_stem<'a>(cache: &mut FxHashMap<&'a str, Cow<'a, str>>, term: &'a str, s: &str) -> bool {
    cache.entry(term).or_insert_with(|| stem(term)).as_ref() == s
}

/// Where the clauses of `q` match among `terms` (one article's, from [`terms`]): byte spans,
/// sorted and merged.
pub fn matches(terms: &[Term], q: &TextQuery) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // each distinct term of the article is stemmed once
    let mut stems: FxHashMap<&str, Cow<str>> = FxHashMap::default();
    for clause in &q.clauses {
        match clause {
            Clause::Word(w) => {
                let sw = stem(w);
                for t in terms {
                    if &t.term == w || has_stem(&mut stems, &t.term, &sw) {
                        spans.push((t.start, t.end));
                    }
                }
            }
            Clause::Prefix(p) => {
                let sp = stem(p);
                for t in terms {
                    if t.term.starts_with(p.as_str()) || has_stem(&mut stems, &t.term, &sp) {
                        spans.push((t.start, t.end));
                    }
                }
            }
            Clause::Phrase(words) => {
                for w in terms.windows(words.len()) {
                    if w.iter().zip(words).all(|(t, q)| &t.term == q) {
                        spans.push((w[0].start, w[w.len() - 1].end));
                    }
                }
            }
        }
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&str]) -> TextIndex {
        TextIndex::build(docs.iter().map(|d| terms(d, (0, d.len()))))
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Séjourné"), "sejourne");
        assert_eq!(fold("ÉLYSÉE"), "elysee");
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold("Пхеньян"), "пхеньян");
        assert_eq!(fold("Nguyễn Phú Trọng"), "nguyen phu trong");
        assert_eq!(fold("Se\u{301}journe\u{301}"), "sejourne");
        assert_eq!(fold("평양"), "평양");
    }

    #[test]
    fn parses_words_phrases_and_prefixes() {
        let q = TextQuery::parse(r#"Kim "military delegation" hypers* Jong-un "#);
        assert_eq!(
            q.clauses,
            vec![
                Clause::Word("kim".into()),
                Clause::Phrase(vec!["military".into(), "delegation".into()]),
                Clause::Prefix("hypers".into()),
                Clause::Phrase(vec!["jong".into(), "un".into()]),
            ]
        );
        assert!(TextQuery::parse(" \"\" *** ").is_empty());
    }

    #[test]
    fn every_clause_must_match_and_ranking_follows_frequency() {
        let ix = index(&[
            "Kim met Putin in Moscow.",
            "Kim Jong Un met Shoigu; Kim inspected missiles and more missiles.",
            "Putin spoke about hypersonic missiles in Moscow.",
        ]);
        let hits = |q: &str| {
            ix.search(&TextQuery::parse(q))
                .into_iter()
                .map(|(d, _)| d)
                .collect::<Vec<_>>()
        };
        assert_eq!(hits("kim"), vec![1, 0]); // two mentions rank above one
        assert_eq!(hits("kim putin"), vec![0]);
        assert_eq!(hits("\"jong un\""), vec![1]);
        assert_eq!(hits("Jong-un"), vec![1]);
        assert_eq!(hits("hyper*"), vec![2]);
        assert_eq!(hits("MOSCOW"), vec![0, 2]);
        assert!(hits("\"putin met\"").is_empty());
        assert!(hits("nowhere").is_empty());
    }

    #[test]
    fn words_match_by_stem_and_phrases_stay_exact() {
        let ix = index(&[
            "North Korea tested a missile.",
            "Russia bought North Korean missiles.",
            "Russia’s envoy and the missiles programme.",
        ]);
        let hits = |q: &str| {
            let mut v: Vec<u32> = ix
                .search(&TextQuery::parse(q))
                .into_iter()
                .map(|(d, _)| d)
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(hits("missile"), vec![0, 1, 2]);
        assert_eq!(hits("missiles"), hits("missile"));
        assert_eq!(hits("russia"), vec![1, 2]);
        assert_eq!(hits("missiles*"), vec![0, 1, 2]);
        assert_eq!(hits("\"korean missiles\""), vec![1]);
        assert!(hits("\"korean missile\"").is_empty());
        let text = "Two missiles and a missile.";
        let spans = matches(&terms(text, (0, text.len())), &TextQuery::parse("missile"));
        let words: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(words, ["missiles", "missile"]);
    }

    #[test]
    fn matches_give_byte_spans_for_highlighting() {
        let text = "Séjourné met Kim Jong-un; Kim’s aides and the kimchi.";
        let ts = terms(text, (0, text.len()));
        let spans = |q: &str| {
            matches(&ts, &TextQuery::parse(q))
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect::<Vec<_>>()
        };
        assert_eq!(spans("sejourne"), ["Séjourné"]);
        assert_eq!(spans("kim"), ["Kim", "Kim"]);
        assert_eq!(spans("kim*"), ["Kim", "Kim", "kimchi"]);
        assert_eq!(spans("\"kim jong un\""), ["Kim Jong-un"]);
    }
}
