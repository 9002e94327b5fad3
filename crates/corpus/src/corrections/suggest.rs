//! Likely duplicates among the entities, for the analyst to merge in one click (never merged
//! here). Key collision and nearest-neighbour clustering, as OpenRefine does it:
//!
//! - **fingerprint**: the name folded (case, accents, punctuation), its words sorted and
//!   deduplicated ("U.S." and "US"; "Shoigu, Sergei" and "Sergei Shoigu");
//! - **n-gram fingerprint**: the letters' bigrams, sorted and deduplicated, which ignores
//!   spacing and hyphens, so transliterations agree (Kim Jong-un, Kim Jong Un, Kim Jongun);
//! - **initials**: an acronym and the name it abbreviates (US and United States);
//! - **edit distance**: names within a small Levenshtein distance of each other (strsim),
//!   compared only within blocks that share a run of four letters.
//!
//! Only entities of one type are compared. Two gazetteer entries are never suggested (the
//! gazetteer knows they differ), nor a pair the analyst kept apart (`Op::Distinct`).
use super::{Entry, Op};
use crate::{Corpus, EntityType};
use dossier_model::text::fold::strip_accents;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a suggestion was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Fingerprint,
    NGram,
    Initials,
    EditDistance,
}

impl Method {
    pub fn describe(self) -> &'static str {
        match self {
            Method::Fingerprint => "the same words",
            Method::NGram => "the same letters, spaced or hyphenated differently",
            Method::Initials => "an acronym and its full name",
            Method::EditDistance => "nearly the same spelling",
        }
    }
}

/// A group of entities that may be one thing: the most named first.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub entities: Vec<usize>,
    pub method: Method,
}

/// Words not counted in initials.
const MINOR: &[&str] = &["of", "the", "and", "for", "de", "du", "la", "le"];
/// Largest block compared pairwise by edit distance.
const BLOCK: usize = 40;

fn words(name: &str) -> Vec<String> {
    // punctuation is dropped, not a word break (U.S. is "us"), as OpenRefine does
    let kept: String = strip_accents(&name.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    kept.split_whitespace().map(str::to_string).collect()
}

/// OpenRefine's fingerprint: folded words, sorted, deduplicated.
pub fn fingerprint(name: &str) -> String {
    let mut w = words(name);
    w.sort();
    w.dedup();
    w.join(" ")
}

/// OpenRefine's n-gram fingerprint (n = 2): the letters' bigrams, sorted, deduplicated.
pub fn ngram_fingerprint(name: &str) -> String {
    let letters: Vec<char> = words(name).concat().chars().collect();
    let mut grams: Vec<String> = letters.windows(2).map(|w| w.iter().collect()).collect();
    grams.sort();
    grams.dedup();
    grams.concat()
}

/// The initials of a name of two words or more (minor words aside).
fn initials(name: &str) -> Option<String> {
    let w: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !MINOR.contains(&w.as_str()))
        .collect();
    (w.len() >= 2).then(|| w.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether a name is written as an acronym (US, U.S., NATO).
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.len() <= 6
        && letters.iter().all(|c| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == ' ')
}

/// The likely duplicates of the corpus, most named first; `log` gives the pairs kept apart.
pub fn suggest(corpus: &Corpus, log: &[Entry]) -> Vec<Suggestion> {
    let apart: HashSet<(&str, &str)> = log
        .iter()
        .filter_map(|e| match &e.op {
            Op::Distinct { a, b } => Some((a.as_str().min(b), a.as_str().max(b))),
            _ => None,
        })
        .collect();
    let live: Vec<usize> = corpus
        .entities
        .iter()
        .filter(|e| e.kind != EntityType::Date && !e.local && e.all_mention_count > 0)
        .map(|e| e.id)
        .collect();
    let gazetteer = |e: usize| corpus.entities[e].key.starts_with("g:");
    let named = |e: usize| corpus.entities[e].all_mention_count;
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    let mut out = Vec::new();
    // a group is offered if it joins at least one pair not offered yet
    let mut offer = |mut group: Vec<usize>, method: Method, out: &mut Vec<Suggestion>| {
        group.sort_by_key(|&e| (std::cmp::Reverse(named(e)), e));
        group.dedup();
        // at most one gazetteer entry, and no pair kept apart
        let mut kept: Vec<usize> = Vec::new();
        for e in group {
            let clash = kept.iter().any(|&k| {
                (gazetteer(k) && gazetteer(e)) || {
                    let (a, b) = (&corpus.entities[k].key, &corpus.entities[e].key);
                    apart.contains(&(a.as_str().min(b), a.as_str().max(b)))
                }
            });
            if !clash {
                kept.push(e);
            }
        }
        if kept.len() < 2 {
            return;
        }
        let mut new = false;
        for (i, &a) in kept.iter().enumerate() {
            for &b in &kept[i + 1..] {
                new |= seen.insert((a.min(b), a.max(b)));
            }
        }
        if new {
            out.push(Suggestion {
                entities: kept,
                method,
            });
        }
    };
    let collide = |key: &dyn Fn(usize) -> Option<String>| {
        let mut groups: HashMap<(EntityType, String), Vec<usize>> = HashMap::default();
        for &e in &live {
            if let Some(k) = key(e).filter(|k| !k.is_empty()) {
                groups
                    .entry((corpus.entities[e].kind, k))
                    .or_default()
                    .push(e);
            }
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        groups
    };
    let name = |e: usize| corpus.entities[e].name.as_str();
    for g in collide(&|e| Some(fingerprint(name(e)))) {
        offer(g, Method::Fingerprint, &mut out);
    }
    for g in collide(&|e| Some(ngram_fingerprint(name(e))).filter(|f| f.len() >= 6)) {
        offer(g, Method::NGram, &mut out);
    }
    // initials: an acronym against the names whose initials it spells
    let mut by_initials: HashMap<(EntityType, String), Vec<usize>> = HashMap::default();
    for &e in &live {
        if let Some(i) = initials(name(e)) {
            by_initials
                .entry((corpus.entities[e].kind, i))
                .or_default()
                .push(e);
        }
    }
    for &e in &live {
        if !is_acronym(name(e)) {
            continue;
        }
        let key = (corpus.entities[e].kind, words(name(e)).concat());
        if let Some(full) = by_initials.get(&key) {
            let mut g = full.clone();
            g.push(e);
            offer(g, Method::Initials, &mut out);
        }
    }
    // edit distance, within blocks sharing a four-letter run
    let folded: HashMap<usize, String> = live
        .iter()
        .map(|&e| (e, words(name(e)).join(" ")))
        .collect();
    let mut blocks: HashMap<(EntityType, String), Vec<usize>> = HashMap::default();
    for &e in &live {
        let letters: Vec<char> = folded[&e].chars().collect();
        if letters.len() < 5 {
            continue;
        }
        let mut runs: Vec<String> = letters.windows(4).map(|w| w.iter().collect()).collect();
        runs.sort();
        runs.dedup();
        for r in runs {
            blocks
                .entry((corpus.entities[e].kind, r))
                .or_default()
                .push(e);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for block in blocks.values().filter(|b| b.len() > 1 && b.len() <= BLOCK) {
        for (i, &a) in block.iter().enumerate() {
            for &b in &block[i + 1..] {
                let (fa, fb) = (&folded[&a], &folded[&b]);
                let longest = fa.chars().count().max(fb.chars().count());
                let allowed = if longest >= 12 { 2 } else { 1 };
                if fa != fb && strsim::levenshtein(fa, fb) <= allowed {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    for (a, b) in pairs {
        offer(vec![a, b], Method::EditDistance, &mut out);
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.entities.iter().map(|&e| named(e)).sum::<usize>()));
    out
}
