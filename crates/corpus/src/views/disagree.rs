//! Where the sources disagree: claims about the same subject and slot whose values cannot both
//! be true. Dates are compared as intervals (equal, one refines the other, overlapping, or
//! disjoint: only disjoint disagrees); quantities within a tolerance, where "at least N" is a
//! bound, not a value; places by the place named. Articles that are copies of one wire story
//! (near-duplicate text, by MinHash over word shingles) count as one source. A later report
//! that revises an earlier one ("raised the toll to") is a revision, not a dispute, and each
//! side is ordered by publication date.
use crate::index::{Day, Index};
use crate::views::claims::{claims_of, Bound, Claim, Quantity, Slot, Value};
use crate::views::timeline::{events_by_sentence, mentions_by_sentence};
use crate::{sentences, Corpus};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// Relative difference within which two exact quantities agree, and two approximate ones.
pub const TOLERANCE: f64 = 0.10;
pub const TOLERANCE_ABOUT: f64 = 0.20;

/// How two values of one slot relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Equal,
    /// One interval holds the other (August and August 12 to 14).
    Refines,
    Overlaps,
    Disjoint,
    /// Quantities within the tolerance, or a bound the other satisfies.
    Agree,
    /// Quantities outside the tolerance, or a bound the other breaks.
    Differ,
    OtherPlace,
}

impl Relation {
    /// Whether the two values cannot both be true.
    pub fn conflicts(self) -> bool {
        matches!(
            self,
            Relation::Disjoint | Relation::Differ | Relation::OtherPlace
        )
    }
}

/// How quantity `a` relates to quantity `b`.
pub fn compare_quantities(a: Quantity, b: Quantity) -> Relation {
    let tol = |x: Quantity| {
        if x.bound == Bound::About {
            TOLERANCE_ABOUT
        } else {
            TOLERANCE
        }
    };
    let t = tol(a).max(tol(b));
    let within = |x: f64, y: f64| (x - y).abs() <= t * x.abs().max(y.abs());
    let ok = match (a.bound, b.bound) {
        (Bound::AtLeast, Bound::AtLeast) | (Bound::AtMost, Bound::AtMost) => true,
        (Bound::AtLeast, Bound::AtMost) => a.n <= b.n * (1.0 + t),
        (Bound::AtMost, Bound::AtLeast) => b.n <= a.n * (1.0 + t),
        (Bound::AtLeast, _) => b.n >= a.n * (1.0 - t),
        (_, Bound::AtLeast) => a.n >= b.n * (1.0 - t),
        (Bound::AtMost, _) => b.n <= a.n * (1.0 + t),
        (_, Bound::AtMost) => a.n <= b.n * (1.0 + t),
        _ => within(a.n, b.n),
    };
    if ok {
        Relation::Agree
    } else {
        Relation::Differ
    }
}

/// How value `a` relates to value `b` (of one slot), or `None` for different slots.
pub fn compare(a: &Value, b: &Value) -> Option<Relation> {
    Some(match (a, b) {
        (
            Value::Date {
                start: a0,
                end: a1,
                approximate: ax,
                ..
            },
            Value::Date {
                start: b0,
                end: b1,
                approximate: bx,
                ..
            },
        ) => {
            // approximate bounds ("mid-August") are given three days of slack
            let slack = if *ax || *bx { 3 } else { 0 };
            if (a0, a1) == (b0, b1) {
                Relation::Equal
            } else if (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1) {
                Relation::Refines
            } else if a1 + slack < *b0 || b1 + slack < *a0 {
                Relation::Disjoint
            } else {
                Relation::Overlaps
            }
        }
        (Value::Quantity { unit: ua, q: qa }, Value::Quantity { unit: ub, q: qb }) if ua == ub => {
            compare_quantities(*qa, *qb)
        }
        (Value::Place(a), Value::Place(b)) => {
            if a == b {
                Relation::Equal
            } else {
                Relation::OtherPlace
            }
        }
        _ => return None,
    })
}

/// Words that mark a report as revising an earlier figure.
const REVISION_CUES: &[&str] = &[
    "raised",
    "revised",
    "updated",
    "upped",
    "lowered",
    "corrected",
    "rose",
    "risen",
    "climbed",
    "increased",
    "now",
];

/// Whether a sentence revises an earlier figure ("raised the death toll to 27").
pub fn revises(sentence: &str) -> bool {
    let words = sentences::words(sentence, (0, sentence.len()));
    words.iter().enumerate().any(|(i, w)| {
        REVISION_CUES.contains(&w.w.as_ref())
            && (w.w != "now"
                || words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.w.as_ref(), "says" | "say" | "puts" | "estimates")))
    })
}

/// Word shingles hashed, for near-duplicate detection.
const SHINGLE: usize = 5;
/// MinHash signature length, and its LSH bands.
const HASHES: usize = 32;
const BANDS: usize = 8;
/// Dates further apart than this (in days, start to start) are of different occasions, not a
/// disagreement about one ("the June summit" and "the September visit").
pub const SAME_OCCASION_DAYS: i32 = 45;

/// Estimated Jaccard similarity from which two articles are copies of one story.
pub const COPY_SIMILARITY: f64 = 0.5;

/// The `k`-th of the signature's hash functions applied to a shingle's hash (a multiply and a
/// shift: cheap, and independent enough for MinHash).
#[inline]
fn hash_k(k: usize, x: u64) -> u64 {
    let mut v = (x ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    v ^= v >> 31;
    v.wrapping_mul(0x94D0_49BB_1331_11EB)
}

/// An article's MinHash signature over the shingles of its cleaned body (`None` if it is too
/// short to tell). Words are hashed case-blind as they are read, without allocating.
pub fn signature(body: &str) -> Option<[u64; HASHES]> {
    let mut words: Vec<u64> = Vec::with_capacity(body.len() / 6);
    for w in body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in w.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }
        words.push(h);
    }
    if words.len() < SHINGLE * 4 {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for win in words.windows(SHINGLE) {
        let x = win.iter().fold(0u64, |a, &h| a.rotate_left(17) ^ h);
        for (k, s) in sig.iter_mut().enumerate() {
            *s = (*s).min(hash_k(k, x));
        }
    }
    Some(sig)
}

/// Groups of articles that are copies of one story (each group sorted, of two or more), found
/// by locality-sensitive hashing of the signatures and checked by their similarity.
pub fn wire_copies(corpus: &Corpus) -> Vec<Vec<u32>> {
    let sigs: Vec<Option<[u64; HASHES]>> = corpus
        .docs
        .iter()
        .map(|d| signature(&d.article.body))
        .collect();
    let mut parent: Vec<u32> = (0..corpus.docs.len() as u32).collect();
    fn find(p: &mut [u32], x: u32) -> u32 {
        let mut r = x;
        while p[r as usize] != r {
            p[r as usize] = p[p[r as usize] as usize];
            r = p[r as usize];
        }
        r
    }
    let rows = HASHES / BANDS;
    for band in 0..BANDS {
        let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (d, sig) in sigs.iter().enumerate() {
            if let Some(sig) = sig {
                let mut h = FxHasher::default();
                sig[band * rows..(band + 1) * rows].hash(&mut h);
                buckets.entry(h.finish()).or_default().push(d as u32);
            }
        }
        for docs in buckets.values().filter(|b| b.len() > 1) {
            let first = docs[0];
            for &d in &docs[1..] {
                let (a, b) = (sigs[first as usize].as_ref(), sigs[d as usize].as_ref());
                if let (Some(a), Some(b)) = (a, b) {
                    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
                    if same as f64 / HASHES as f64 >= COPY_SIMILARITY {
                        let (ra, rb) = (find(&mut parent, first), find(&mut parent, d));
                        parent[ra.max(rb) as usize] = ra.min(rb);
                    }
                }
            }
        }
    }
    let mut groups: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for d in 0..corpus.docs.len() as u32 {
        let r = find(&mut parent, d);
        groups.entry(r).or_default().push(d);
    }
    let mut out: Vec<Vec<u32>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

/// Whether a disagreement is a dispute or a revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Dispute,
    /// The later side revises the earlier one.
    Revision,
}

/// One side: the claims of one value (indices into `Disagreements::claims`), the first the one
/// to show; the others say the same (wire copies, other articles).
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub claims: Vec<u32>,
    /// The earliest publication day among them.
    pub published: Option<Day>,
}

/// Two values of one subject and slot that cannot both be true.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub subject: u32,
    pub slot: Slot,
    pub kind: Kind,
    pub relation: Relation,
    /// Earlier first (by publication date; undated last).
    pub sides: [Side; 2],
}

/// Every claim of the corpus and where they disagree, built once per corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Disagreements {
    pub claims: Vec<Claim>,
    pub items: Vec<Disagreement>,
    /// Groups of articles that are copies of one story.
    pub copies: Vec<Vec<u32>>,
}

impl Disagreements {
    pub fn build(corpus: &Corpus, index: &Index) -> Disagreements {
        let mut claims = Vec::new();
        for d in 0..corpus.docs.len() {
            let doc = &corpus.docs[d];
            let sents = sentences::of_document(doc);
            let in_sentence = mentions_by_sentence(doc, &sents);
            let events = events_by_sentence(doc, &sents, &in_sentence);
            claims.extend(claims_of(corpus, d, &sents, &in_sentence, &events));
        }
        let copies = wire_copies(corpus);
        // each article's source: its wire group, else itself
        let mut story: Vec<u32> = (0..corpus.docs.len() as u32).collect();
        for g in &copies {
            for &d in g {
                story[d as usize] = g[0];
            }
        }
        let published = |c: &Claim| index.docs[c.doc as usize].published;
        // claims by subject and slot; within, by value (equal values are one side)
        let mut groups: FxHashMap<(u32, Slot), Vec<u32>> = FxHashMap::default();
        for (i, c) in claims.iter().enumerate() {
            groups
                .entry((c.subject, c.value.slot()))
                .or_default()
                .push(i as u32);
        }
        let mut keys: Vec<(u32, Slot)> = groups.keys().copied().collect();
        keys.sort();
        let mut items = Vec::new();
        for key in keys {
            let members = &groups[&key];
            // one side per distinct value
            let mut sides: Vec<Vec<u32>> = Vec::new();
            for &i in members {
                let v = &claims[i as usize].value;
                // equal dates, and quantities that agree, are one side
                match sides.iter_mut().find(|s| {
                    matches!(
                        compare(&claims[s[0] as usize].value, v),
                        Some(Relation::Equal | Relation::Agree)
                    )
                }) {
                    Some(s) => s.push(i),
                    None => sides.push(vec![i]),
                }
            }
            for a in 0..sides.len() {
                for b in a + 1..sides.len() {
                    let (ca, cb) = (&claims[sides[a][0] as usize], &claims[sides[b][0] as usize]);
                    let Some(rel) = compare(&ca.value, &cb.value) else {
                        continue;
                    };
                    if !rel.conflicts() {
                        continue;
                    }
                    if let (Value::Date { start: a0, .. }, Value::Date { start: b0, .. }) =
                        (&ca.value, &cb.value)
                    {
                        if (a0 - b0).abs() > SAME_OCCASION_DAYS {
                            continue;
                        }
                    }
                    // the two sides must come from different stories: drop from each the
                    // claims of a story the other side has too
                    let stories = |s: &[u32]| {
                        s.iter()
                            .map(|&i| story[claims[i as usize].doc as usize])
                            .collect::<Vec<_>>()
                    };
                    let (sa, sb) = (stories(&sides[a]), stories(&sides[b]));
                    let keep = |s: &[u32], other: &[u32]| -> Vec<u32> {
                        s.iter()
                            .copied()
                            .filter(|&i| !other.contains(&story[claims[i as usize].doc as usize]))
                            .collect()
                    };
                    let (ka, kb) = (keep(&sides[a], &sb), keep(&sides[b], &sa));
                    if ka.is_empty() || kb.is_empty() {
                        continue;
                    }
                    let side = |k: Vec<u32>| {
                        let p = k
                            .iter()
                            .filter_map(|&i| published(&claims[i as usize]))
                            .min();
                        Side {
                            claims: k,
                            published: p,
                        }
                    };
                    let (mut s1, mut s2) = (side(ka), side(kb));
                    // earlier first; undated after dated
                    let order = |s: &Side| {
                        (
                            s.published.is_none(),
                            s.published,
                            claims[s.claims[0] as usize].doc,
                        )
                    };
                    if order(&s2) < order(&s1) {
                        std::mem::swap(&mut s1, &mut s2);
                    }
                    let later = &claims[s2.claims[0] as usize];
                    let text = &corpus.docs[later.doc as usize].text;
                    let later_sentence =
                        &text[later.sentence.0 as usize..later.sentence.1 as usize];
                    let kind = if s1.published.is_some()
                        && s2.published > s1.published
                        && revises(later_sentence)
                    {
                        Kind::Revision
                    } else {
                        Kind::Dispute
                    };
                    items.push(Disagreement {
                        subject: key.0,
                        slot: key.1,
                        kind,
                        relation: rel,
                        sides: [s1, s2],
                    });
                }
            }
        }
        Disagreements {
            claims,
            items,
            copies,
        }
    }

    /// The disagreements with a side in one of the articles `keep` (what the filter shows).
    pub fn in_filter(&self, keep: &[u32], n_docs: usize) -> Vec<u32> {
        let kept = super::membership(keep, n_docs);
        (0..self.items.len() as u32)
            .filter(|&i| {
                self.items[i as usize]
                    .sides
                    .iter()
                    .flat_map(|s| &s.claims)
                    .any(|&c| {
                        kept.get(self.claims[c as usize].doc as usize)
                            .copied()
                            .unwrap_or(false)
                    })
            })
            .collect()
    }

    /// The sentences of article `doc` that are disputed elsewhere: (sentence span, item).
    pub fn disputed_in(&self, doc: u32) -> Vec<((u32, u32), u32)> {
        let mut out = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            if item.kind != Kind::Dispute {
                continue;
            }
            for s in &item.sides {
                for &c in &s.claims {
                    let claim = &self.claims[c as usize];
                    if claim.doc == doc && !out.iter().any(|(span, _)| *span == claim.sentence) {
                        out.push((claim.sentence, i as u32));
                    }
                }
            }
        }
        out.sort();
        out
    }
}

/// A value as the panel writes it.
pub fn value_label(corpus: &Corpus, v: &Value) -> String {
    use crate::views::timeline::interval_label;
    match v {
        Value::Date {
            start,
            end,
            precision,
            approximate,
        } => interval_label(*start, *end, *precision, *approximate),
        Value::Quantity { unit, q } => {
            let n = if q.n >= 1e9 {
                format!("{} billion", q.n / 1e9)
            } else if q.n >= 1e6 {
                format!("{} million", q.n / 1e6)
            } else {
                format!("{}", q.n)
            };
            let bound = match q.bound {
                Bound::Exact => "",
                Bound::About => "about ",
                Bound::AtLeast => "at least ",
                Bound::AtMost => "at most ",
            };
            format!("{bound}{n} ({})", unit.label())
        }
        Value::Place(p) => corpus
            .entities
            .get(*p as usize)
            .map_or_else(String::new, |e| e.name.clone()),
    }
}

/// A slot as the panel writes it.
pub fn slot_label(slot: Slot) -> String {
    match slot {
        Slot::Date => "date".into(),
        Slot::Place => "place".into(),
        Slot::Quantity(u) => u.label().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::claims::Unit;
    use crate::views::timeline::{epoch, Epoch, Precision};
    use crate::Input;

    fn q(n: f64, bound: Bound) -> Quantity {
        Quantity { n, bound }
    }

    #[test]
    fn quantities_within_tolerance_and_bounds() {
        use Bound::*;
        let cases = [
            (q(10_000.0, Exact), q(10_000.0, Exact), false),
            (q(10_000.0, About), q(10_500.0, Exact), false),
            (q(12_000.0, About), q(3_000.0, About), true),
            (q(80.0, AtLeast), q(93.0, Exact), false),
            (q(40.0, AtLeast), q(12.0, Exact), true),
            (q(200.0, AtLeast), q(60.0, About), true),
            (q(30.0, AtLeast), q(32.0, Exact), false),
            (q(83.0, AtLeast), q(100.0, AtLeast), false),
            (q(300.0, AtMost), q(250.0, Exact), false),
            (q(300.0, AtMost), q(500.0, Exact), true),
            (q(1_500.0, AtLeast), q(600.0, About), true),
            (q(100.0, AtLeast), q(50.0, AtMost), true),
        ];
        for (a, b, differ) in cases {
            assert_eq!(compare_quantities(a, b).conflicts(), differ, "{a:?} {b:?}");
            assert_eq!(
                compare_quantities(b, a).conflicts(),
                differ,
                "{b:?} {a:?} (swapped)"
            );
        }
    }

    #[test]
    fn dates_compare_as_intervals() {
        let d = |a: Epoch, b: Epoch, approximate| Value::Date {
            start: a,
            end: b,
            precision: Precision::Days,
            approximate,
        };
        let e = |m, dd| epoch(2024, m, dd);
        let cases = [
            (
                d(e(8, 15), e(8, 21), false),
                d(e(8, 12), e(8, 14), false),
                Relation::Disjoint,
            ),
            (
                d(e(8, 1), e(8, 31), false),
                d(e(8, 12), e(8, 14), false),
                Relation::Refines,
            ),
            (
                d(e(8, 12), e(8, 14), false),
                d(e(8, 12), e(8, 14), false),
                Relation::Equal,
            ),
            (
                d(e(8, 10), e(8, 16), false),
                d(e(8, 15), e(8, 21), false),
                Relation::Overlaps,
            ),
            (
                d(e(8, 11), e(8, 20), true),
                d(e(8, 22), e(8, 24), false),
                Relation::Overlaps,
            ),
            (
                d(e(11, 3), e(11, 3), false),
                d(e(11, 8), e(11, 8), false),
                Relation::Disjoint,
            ),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare(&a, &b), Some(want), "{a:?} {b:?}");
        }
        let troops = Value::Quantity {
            unit: Unit::Troops,
            q: q(1.0, Bound::Exact),
        };
        assert_eq!(compare(&troops, &d(e(1, 1), e(1, 1), false)), None);
    }

    #[test]
    fn revisions_are_told_by_their_words() {
        for (s, want) in [
            (
                "Officials raised the death toll from the strike to 27.",
                true,
            ),
            ("The ministry now says 15,000 troops are there.", true),
            ("The toll rose to 31 on Monday.", true),
            ("A missile strike killed 19 people.", false),
            ("It is now clear that 19 died.", false),
        ] {
            assert_eq!(revises(s), want, "{s}");
        }
    }

    #[test]
    fn copies_of_one_story_are_found_and_others_are_not() {
        let story = "North Korea has sent some 3,000 soldiers to the Kursk region, the spy agency said on Tuesday, adding that more troops could follow in the coming weeks as Russia prepares a counteroffensive against Ukrainian forces holding parts of the region since August.";
        let other = "South Korea and Japan held talks in Tokyo on Friday about export controls, trade in semiconductors and a new hotline between their defence ministries, officials from both governments said after the meeting ended late in the evening.";
        let (c, _) = Corpus::build(vec![
            Input::new(
                "a.txt",
                format!("Troops sent\n\n{story} Analysts were not surprised.").into_bytes(),
            ),
            Input::new(
                "b.txt",
                format!("Kursk deployment\n\n{story} Seoul said it was watching.").into_bytes(),
            ),
            Input::new("c.txt", format!("Talks held\n\n{other}").into_bytes()),
        ]);
        assert_eq!(wire_copies(&c), vec![vec![0, 1]]);
    }

    #[test]
    fn a_dispute_across_sources_and_not_across_copies() {
        let a = "Kursk troops\n\nPublished: 2024-11-01\n\nSome 12,000 North Korean troops are now in the Kursk region, Ukrainian intelligence said.";
        let b = "Troop numbers\n\nPublished: 2024-11-02\n\nAbout 3,000 North Korean soldiers are now in the Kursk region, the agency said.";
        let c = "A toll\n\nPublished: 2024-11-03\n\nA missile strike on Zaporizhzhia killed 19 people, officials said.";
        let d = "A toll revised\n\nPublished: 2024-11-05\n\nOfficials raised the death toll from the strike on Zaporizhzhia to 27 people.";
        let corpus = Corpus::of_texts(&[a, b, c, d]);
        let ix = Index::build(&corpus);
        let found = Disagreements::build(&corpus, &ix);
        let name = |i: u32| corpus.entities[i as usize].name.as_str();
        let kursk = found
            .items
            .iter()
            .find(|x| name(x.subject) == "Kursk")
            .unwrap_or_else(|| panic!("{:?}", found.claims));
        assert_eq!(kursk.kind, Kind::Dispute);
        assert_eq!(kursk.slot, Slot::Quantity(Unit::Troops));
        let docs: Vec<u32> = kursk
            .sides
            .iter()
            .map(|s| found.claims[s.claims[0] as usize].doc)
            .collect();
        assert_eq!(docs, [0, 1], "earlier first");
        let toll = found
            .items
            .iter()
            .find(|x| name(x.subject) == "Zaporizhzhia")
            .expect("the toll");
        assert_eq!(toll.kind, Kind::Revision);
        assert_eq!(found.disputed_in(0).len(), 1);
        assert_eq!(found.in_filter(&[3], 4).len(), 1);
    }
}
