//! Who with whom: the entity network. Two entities are joined when one sentence names both;
//! when they share only a paragraph, the tie is a weaker second tier. An edge is weighted by
//! how far its co-mentions exceed chance (Dunning's log-likelihood ratio, G², against the
//! counts of each end), not by the raw count, so a hub named everywhere ("Russia") is not tied
//! to everything. Every edge keeps its evidence: the sentences (or paragraphs), their articles
//! and sources. [`NetworkIndex`] holds each article's sentences and paragraphs with what they
//! name, built once per corpus; [`graph`] counts what a filter keeps; [`ego`] picks what the
//! view shows (the strongest ties of the chosen entities, or of the most-named ones), and
//! [`place`] lays it out with the [`layout`] module's ForceAtlas2.
pub mod layout;

use crate::index::type_bit;
use crate::sentences;
use crate::{Corpus, EntityType};
use rustc_hash::FxHashMap;

/// How two entities are tied: named in one sentence, or only in one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Sentence,
    Paragraph,
}

/// A paragraph-only tie's weight is its paragraph-level score times this.
pub const PARAGRAPH_DISCOUNT: f64 = 0.5;

/// A sentence or paragraph: its article, its byte span, and the entities it names (the
/// network's nodes: not dates), ascending.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub doc: u32,
    pub span: (u32, u32),
    pub entities: Vec<u32>,
}

/// Each article's sentences and paragraphs that name at least one entity, built once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkIndex {
    pub sentences: Vec<Unit>,
    pub paragraphs: Vec<Unit>,
    /// Each article's range in `sentences` and in `paragraphs`.
    pub doc_sentences: Vec<(u32, u32)>,
    pub doc_paragraphs: Vec<(u32, u32)>,
    /// Each article's mentions per entity named in its text: (entity, mentions).
    pub doc_mentions: Vec<Vec<(u32, u32)>>,
}

/// Whether an entity can be a node: a linked thing, not a date.
fn is_node(corpus: &Corpus, e: usize) -> bool {
    let e = &corpus.entities[e];
    e.kind != EntityType::Date && !e.local
}

impl NetworkIndex {
    pub fn build(corpus: &Corpus) -> NetworkIndex {
        let mut ix = NetworkIndex::default();
        for (d, doc) in corpus.docs.iter().enumerate() {
            let sents = sentences::of_document(doc);
            let paras: Vec<(usize, usize)> = doc
                .article
                .lines
                .iter()
                .filter(|l| l.furniture.is_none())
                .map(|l| (l.start, l.end))
                .collect();
            let mut in_sentence: Vec<Vec<u32>> = vec![Vec::new(); sents.len()];
            let mut in_paragraph: Vec<Vec<u32>> = vec![Vec::new(); paras.len()];
            let mut mentions: FxHashMap<u32, u32> = FxHashMap::default();
            for m in &doc.mentions {
                if !is_node(corpus, m.entity) {
                    continue;
                }
                let e = m.entity as u32;
                if let Some(s) = sentences::containing(&sents, m.start) {
                    in_sentence[s].push(e);
                }
                if let Some(p) = sentences::containing(&paras, m.start) {
                    in_paragraph[p].push(e);
                    *mentions.entry(e).or_default() += 1;
                }
            }
            let push = |units: &mut Vec<Unit>, spans: &[(usize, usize)], named: Vec<Vec<u32>>| {
                let from = units.len() as u32;
                for (span, mut entities) in spans.iter().zip(named) {
                    entities.sort_unstable();
                    entities.dedup();
                    if !entities.is_empty() {
                        units.push(Unit {
                            doc: d as u32,
                            span: (span.0 as u32, span.1 as u32),
                            entities,
                        });
                    }
                }
                (from, units.len() as u32)
            };
            let s = push(&mut ix.sentences, &sents, in_sentence);
            let p = push(&mut ix.paragraphs, &paras, in_paragraph);
            ix.doc_sentences.push(s);
            ix.doc_paragraphs.push(p);
            let mut mentions: Vec<(u32, u32)> = mentions.into_iter().collect();
            mentions.sort_unstable();
            ix.doc_mentions.push(mentions);
        }
        ix
    }
}

/// Which ties a graph keeps: the types at each end (`None` is any), and whether
/// paragraph-only ties count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub ends: (Option<EntityType>, Option<EntityType>),
    pub paragraphs: bool,
}

impl Options {
    /// Whether an edge between entities of these types is kept.
    pub fn keeps(&self, a: EntityType, b: EntityType) -> bool {
        let fits = |want: Option<EntityType>, t: EntityType| want.is_none_or(|w| w == t);
        (fits(self.ends.0, a) && fits(self.ends.1, b))
            || (fits(self.ends.0, b) && fits(self.ends.1, a))
    }
}

/// A tie between two entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The two entities, `a < b`.
    pub a: u32,
    pub b: u32,
    pub tier: Tier,
    /// Sentences naming both, paragraphs naming both, and articles where the tier ties them.
    pub sentences: u32,
    pub paragraphs: u32,
    pub docs: u32,
    /// The association score the view ranks by: G² of the tier's co-mentions, signed (below
    /// chance is negative), times `PARAGRAPH_DISCOUNT` for a paragraph-only tie.
    pub weight: f64,
    /// Normalised pointwise mutual information of the tier's co-mentions, in [-1, 1]: what the
    /// view shows as the tie's strength.
    pub npmi: f64,
}

/// The network of what a filter keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// Sentences and paragraphs (naming anything) among the kept articles.
    pub units: (u32, u32),
    /// Per entity (index as `Corpus::entities`): mentions in the kept articles' text, and the
    /// sentences naming it.
    pub mentions: Vec<u32>,
    pub named_in: Vec<u32>,
    /// The ties the options keep, strongest first.
    pub edges: Vec<Edge>,
}

/// Dunning's log-likelihood ratio for a 2×2 table of `n` units: `ab` name both, `a` and `b`
/// name each end (both included). Signed: negative when the pair is rarer than chance.
pub fn g2(ab: f64, a: f64, b: f64, n: f64) -> f64 {
    let cells = [
        (ab, a, b),
        (a - ab, a, n - b),
        (b - ab, n - a, b),
        (n - a - b + ab, n - a, n - b),
    ];
    let mut sum = 0.0;
    for (k, row, col) in cells {
        if k > 0.0 && row > 0.0 && col > 0.0 {
            sum += k * (k * n / (row * col)).ln();
        }
    }
    let g = (2.0 * sum).max(0.0);
    if ab * n < a * b {
        -g
    } else {
        g
    }
}

/// Normalised PMI of a pair seen together `ab` times in `n` units, with ends seen `a` and `b`
/// times: 1 when they only ever appear together, 0 at chance.
pub fn npmi(ab: f64, a: f64, b: f64, n: f64) -> f64 {
    if ab <= 0.0 || n <= 0.0 {
        return -1.0;
    }
    let p = ab / n;
    if p >= 1.0 {
        return 1.0;
    }
    ((p / ((a / n) * (b / n))).ln() / -p.ln()).clamp(-1.0, 1.0)
}

/// Counts what the kept articles (`keep`, indices into the corpus) name together into the
/// graph the options keep.
pub fn graph(corpus: &Corpus, nix: &NetworkIndex, keep: &[u32], opts: &Options) -> Graph {
    let ne = corpus.entities.len();
    let mut g = Graph {
        mentions: vec![0; ne],
        named_in: vec![0; ne],
        ..Graph::default()
    };
    let mut para_named = vec![0u32; ne];
    // pair -> (count, last article counted, articles)
    let mut in_sentences: FxHashMap<u64, (u32, u32, u32)> = FxHashMap::default();
    let mut in_paragraphs: FxHashMap<u64, (u32, u32, u32)> = FxHashMap::default();
    let kind = |e: u32| corpus.entities[e as usize].kind;
    let count = |units: &[Unit],
                 (from, to): (u32, u32),
                 named: &mut [u32],
                 pairs: &mut FxHashMap<u64, (u32, u32, u32)>| {
        for u in &units[from as usize..to as usize] {
            for (i, &a) in u.entities.iter().enumerate() {
                named[a as usize] += 1;
                for &b in &u.entities[i + 1..] {
                    if !opts.keeps(kind(a), kind(b)) {
                        continue;
                    }
                    let c = pairs
                        .entry((a as u64) << 32 | b as u64)
                        .or_insert((0, u32::MAX, 0));
                    c.0 += 1;
                    if c.1 != u.doc {
                        c.1 = u.doc;
                        c.2 += 1;
                    }
                }
            }
        }
        to - from
    };
    for &d in keep {
        let d = d as usize;
        g.units.0 += count(
            &nix.sentences,
            nix.doc_sentences[d],
            &mut g.named_in,
            &mut in_sentences,
        );
        if opts.paragraphs {
            g.units.1 += count(
                &nix.paragraphs,
                nix.doc_paragraphs[d],
                &mut para_named,
                &mut in_paragraphs,
            );
        }
        for &(e, n) in &nix.doc_mentions[d] {
            g.mentions[e as usize] += n;
        }
    }
    let (ns, np) = (g.units.0 as f64, g.units.1 as f64);
    for (&key, &(n, _, docs)) in &in_sentences {
        let (a, b) = ((key >> 32) as u32, key as u32);
        let (ca, cb) = (g.named_in[a as usize] as f64, g.named_in[b as usize] as f64);
        let paragraphs = in_paragraphs.get(&key).map_or(0, |p| p.0);
        g.edges.push(Edge {
            a,
            b,
            tier: Tier::Sentence,
            sentences: n,
            paragraphs,
            docs,
            weight: g2(n as f64, ca, cb, ns),
            npmi: npmi(n as f64, ca, cb, ns),
        });
    }
    for (&key, &(n, _, docs)) in &in_paragraphs {
        if in_sentences.contains_key(&key) {
            continue;
        }
        let (a, b) = ((key >> 32) as u32, key as u32);
        let (ca, cb) = (para_named[a as usize] as f64, para_named[b as usize] as f64);
        g.edges.push(Edge {
            a,
            b,
            tier: Tier::Paragraph,
            sentences: 0,
            paragraphs: n,
            docs,
            weight: g2(n as f64, ca, cb, np) * PARAGRAPH_DISCOUNT,
            npmi: npmi(n as f64, ca, cb, np),
        });
    }
    g.edges.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then(x.tier.cmp(&y.tier))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    g
}

/// What the view shows of a graph: some nodes and the edges among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// The entities the view is centred on: the chosen ones, or the most-named.
    pub focus: Vec<u32>,
    /// Nodes shown (entity ids): the focus first, then their neighbours by tie strength.
    pub nodes: Vec<u32>,
    /// Edges shown (indices into `Graph::edges`), strongest first: the focus's `k` strongest
    /// ties, then the strongest ties among the neighbours.
    pub edges: Vec<usize>,
    /// The focus's ties not shown ("and N more").
    pub more: usize,
    /// Positions of `nodes` in the drawing, and whether each one's label goes to its left.
    pub positions: Vec<(f64, f64)>,
    pub label_left: Vec<bool>,
}

/// How many of the most-named entities the view centres on when none is chosen.
pub const DEFAULT_FOCUS: usize = 5;

/// The ego network of `chosen` (or, if none is in the graph, of its most-named entities):
/// `k` of their strongest ties, shared out in turn among the focus (so one hub does not take
/// them all), and up to `k` ties among the neighbours these bring in.
pub fn ego(g: &Graph, chosen: &[u32], k: usize) -> Shown {
    let mut has_edge = vec![false; g.mentions.len()];
    for e in &g.edges {
        has_edge[e.a as usize] = true;
        has_edge[e.b as usize] = true;
    }
    let mut focus: Vec<u32> = chosen
        .iter()
        .copied()
        .filter(|&e| (e as usize) < g.mentions.len() && g.mentions[e as usize] > 0)
        .collect();
    if focus.is_empty() {
        let mut by_mentions: Vec<u32> = (0..g.mentions.len() as u32)
            .filter(|&e| has_edge[e as usize])
            .collect();
        by_mentions.sort_by_key(|&e| (std::cmp::Reverse(g.mentions[e as usize]), e));
        by_mentions.truncate(DEFAULT_FOCUS);
        focus = by_mentions;
    }
    // each focus entity's ties, strongest first (the graph's order)
    let own: Vec<Vec<usize>> = focus
        .iter()
        .map(|&f| {
            (0..g.edges.len())
                .filter(|&i| g.edges[i].a == f || g.edges[i].b == f)
                .collect()
        })
        .collect();
    let incident = {
        let mut all: Vec<usize> = own.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    };
    let mut taken = vec![false; g.edges.len()];
    let mut edges: Vec<usize> = Vec::new();
    let mut next = vec![0usize; focus.len()];
    while edges.len() < k {
        let mut any = false;
        for (f, list) in own.iter().enumerate() {
            while next[f] < list.len() && taken[list[next[f]]] {
                next[f] += 1;
            }
            if let Some(&i) = list.get(next[f]) {
                if edges.len() < k {
                    taken[i] = true;
                    edges.push(i);
                    any = true;
                }
            }
        }
        if !any {
            break;
        }
    }
    let more = incident - edges.len();
    let mut nodes: Vec<u32> = focus.clone();
    edges.sort_unstable();
    for &i in &edges {
        for e in [g.edges[i].a, g.edges[i].b] {
            if !nodes.contains(&e) {
                nodes.push(e);
            }
        }
    }
    let mut shown = vec![false; g.mentions.len()];
    for &e in &nodes {
        shown[e as usize] = true;
    }
    let is_focus = |e: u32| focus.contains(&e);
    let among: Vec<usize> = (0..g.edges.len())
        .filter(|&i| {
            let e = &g.edges[i];
            !is_focus(e.a) && !is_focus(e.b) && shown[e.a as usize] && shown[e.b as usize]
        })
        .take(k)
        .collect();
    edges.extend(among);
    edges.sort_unstable();
    Shown {
        focus,
        nodes,
        edges,
        more,
        positions: Vec::new(),
        label_left: Vec::new(),
    }
}

/// A node's radius in the drawing, from its mentions and the most any shown node has.
pub fn node_radius(mentions: u32, most: u32) -> f64 {
    7.0 + 13.0 * (mentions as f64 / most.max(1) as f64).sqrt()
}

/// About how wide a label is drawn (12-pixel type).
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * 6.6 + 4.0
}

/// A node's label: its name, cut to `max` characters (at a word's end if it can) with an
/// ellipsis, for a narrow drawing; the full name stays in the node's title.
pub fn label(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut cut: String = name.chars().take(max.saturating_sub(1)).collect();
    // at a word's end when one ends in the second half
    if let Some(sp) = cut.rfind(' ').filter(|&sp| sp >= cut.len() / 2) {
        cut.truncate(sp);
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The longest label a drawing this wide gives room to.
pub fn label_room(width: f64) -> usize {
    if width < 520.0 {
        16
    } else {
        40
    }
}

/// Margin kept free around the drawing.
const MARGIN: f64 = 16.0;

/// Lays out what is shown into a drawing of `size` (deterministic for a seed): ForceAtlas2,
/// edges pulling by their strength; then each node's label goes to its right, or to its left
/// in the drawing's right third, and overlapping nodes and labels are moved apart.
pub fn place(corpus: &Corpus, g: &Graph, shown: &mut Shown, seed: u64, (w, h): (f64, f64)) {
    let at: FxHashMap<u32, usize> = shown
        .nodes
        .iter()
        .enumerate()
        .map(|(i, &e)| (e, i))
        .collect();
    let top = shown
        .edges
        .iter()
        .map(|&i| g.edges[i].weight)
        .fold(0.0f64, f64::max);
    let springs: Vec<layout::Spring> = shown
        .edges
        .iter()
        .map(|&i| {
            let e = &g.edges[i];
            layout::Spring {
                a: at[&e.a],
                b: at[&e.b],
                weight: 0.2 + 0.8 * relative(e.weight, top),
            }
        })
        .collect();
    let ids: Vec<u64> = shown.nodes.iter().map(|&e| e as u64).collect();
    let unit = layout::layout(
        &ids,
        &springs,
        &layout::Settings {
            seed,
            ..layout::Settings::default()
        },
    );
    let most = shown
        .nodes
        .iter()
        .map(|&e| g.mentions[e as usize])
        .max()
        .unwrap_or(1);
    let radius: Vec<f64> = shown
        .nodes
        .iter()
        .map(|&e| node_radius(g.mentions[e as usize], most))
        .collect();
    let labels: Vec<f64> = shown
        .nodes
        .iter()
        .map(|&e| label_width(&label(&corpus.entities[e as usize].name, label_room(w))))
        .collect();
    // the drawing's inner box: the widest label's room kept on both sides
    let room = labels.iter().copied().fold(0.0, f64::max).min(w / 4.0);
    let (x0, x1) = (
        MARGIN + room * 0.5,
        (w - MARGIN - room * 0.5).max(MARGIN + room * 0.5),
    );
    let (y0, y1) = (MARGIN + 10.0, (h - MARGIN - 10.0).max(MARGIN + 10.0));
    let mut p: Vec<(f64, f64)> = unit
        .iter()
        .map(|&(x, y)| (x0 + x * (x1 - x0), y0 + y * (y1 - y0)))
        .collect();
    shown.label_left = p.iter().map(|&(x, _)| x > w * 2.0 / 3.0).collect();
    let ext: Vec<layout::Extent> = (0..p.len())
        .map(|i| {
            let (r, l) = (radius[i], labels[i] + 3.0);
            let (left, right) = if shown.label_left[i] {
                (r + l, r)
            } else {
                (r, r + l)
            };
            layout::Extent {
                left: left + 2.0,
                right: right + 2.0,
                half_height: r.max(8.0) + 1.0,
            }
        })
        .collect();
    layout::spread_out(&mut p, &ext, (w, h), 40);
    shown.positions = p;
}

/// An edge's weight as a share of the strongest shown (for its width), in [0, 1].
pub fn relative(weight: f64, top: f64) -> f64 {
    if top > 0.0 {
        (weight / top).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// One piece of an edge's evidence: a sentence (or paragraph) naming both ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub doc: u32,
    pub span: (u32, u32),
    pub tier: Tier,
}

/// The evidence of the tie between `a` and `b` among the kept articles, in article order: the
/// sentences naming both, or for a paragraph-only tie, the paragraphs.
pub fn evidence(nix: &NetworkIndex, keep: &[u32], a: u32, b: u32, tier: Tier) -> Vec<Evidence> {
    let (units, ranges) = match tier {
        Tier::Sentence => (&nix.sentences, &nix.doc_sentences),
        Tier::Paragraph => (&nix.paragraphs, &nix.doc_paragraphs),
    };
    let mut docs = keep.to_vec();
    docs.sort_unstable();
    let mut out = Vec::new();
    for d in docs {
        let (from, to) = ranges[d as usize];
        for u in &units[from as usize..to as usize] {
            if u.entities.binary_search(&a).is_ok() && u.entities.binary_search(&b).is_ok() {
                out.push(Evidence {
                    doc: u.doc,
                    span: u.span,
                    tier,
                });
            }
        }
    }
    out
}

/// The type bits of what the shown nodes are (bits as `index::type_bit`), for the legend.
pub fn shown_types(corpus: &Corpus, shown: &Shown) -> u8 {
    shown
        .nodes
        .iter()
        .fold(0, |t, &e| t | type_bit(corpus.entities[e as usize].kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(c: &Corpus, name: &str) -> u32 {
        c.entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name}")) as u32
    }

    fn edge<'a>(c: &Corpus, g: &'a Graph, x: &str, y: &str) -> Option<&'a Edge> {
        let (a, b) = (id(c, x), id(c, y));
        let (a, b) = (a.min(b), a.max(b));
        g.edges.iter().find(|e| (e.a, e.b) == (a, b))
    }

    fn all(c: &Corpus) -> Vec<u32> {
        (0..c.docs.len() as u32).collect()
    }

    #[test]
    fn counts_sentence_and_paragraph_co_mentions_with_their_evidence() {
        let c = Corpus::of_texts(&[
            "Talks\n\nKim Jong Un met Vladimir Putin in Pyongyang. Sergei Shoigu arrived later.\n\nKim Jong Un and Vladimir Putin signed a treaty.",
            "Visit\n\nKim Jong Un greeted Vladimir Putin.",
        ]);
        let nix = NetworkIndex::build(&c);
        let opts = Options {
            paragraphs: true,
            ..Options::default()
        };
        let g = graph(&c, &nix, &all(&c), &opts);
        let kp = edge(&c, &g, "Kim Jong Un", "Vladimir Putin").unwrap();
        assert_eq!((kp.tier, kp.sentences, kp.docs), (Tier::Sentence, 3, 2));
        assert_eq!(kp.paragraphs, 3);
        // Shoigu shares a paragraph with Kim, never a sentence: a second-tier tie
        let ks = edge(&c, &g, "Kim Jong Un", "Sergei Shoigu").unwrap();
        assert_eq!(
            (ks.tier, ks.sentences, ks.paragraphs),
            (Tier::Paragraph, 0, 1)
        );
        // without the paragraph tier it is gone
        let g1 = graph(&c, &nix, &all(&c), &Options::default());
        assert!(edge(&c, &g1, "Kim Jong Un", "Sergei Shoigu").is_none());
        assert_eq!(g1.mentions[id(&c, "Kim Jong Un") as usize], 3);
        // the evidence: the three sentences, in article order
        let ev = evidence(&nix, &all(&c), kp.a, kp.b, Tier::Sentence);
        let texts: Vec<&str> = ev
            .iter()
            .map(|e| &c.docs[e.doc as usize].text[e.span.0 as usize..e.span.1 as usize])
            .collect();
        assert_eq!(
            texts,
            [
                "Kim Jong Un met Vladimir Putin in Pyongyang.",
                "Kim Jong Un and Vladimir Putin signed a treaty.",
                "Kim Jong Un greeted Vladimir Putin."
            ]
        );
        // the filter's articles bound both counts and evidence
        let g2 = graph(&c, &nix, &[1], &Options::default());
        assert_eq!(
            edge(&c, &g2, "Kim Jong Un", "Vladimir Putin")
                .unwrap()
                .sentences,
            1
        );
        assert_eq!(evidence(&nix, &[1], kp.a, kp.b, Tier::Sentence).len(), 1);
    }

    #[test]
    fn the_scores_measure_association_not_frequency() {
        // independent: expected co-mentions exactly met
        assert!(g2(25.0, 50.0, 50.0, 100.0).abs() < 1e-9);
        assert!(npmi(25.0, 50.0, 50.0, 100.0).abs() < 1e-9);
        // always together
        assert!((npmi(10.0, 10.0, 10.0, 100.0) - 1.0).abs() < 1e-9);
        assert!(g2(10.0, 10.0, 10.0, 100.0) > 10.0);
        // rarer than chance is negative
        assert!(g2(1.0, 50.0, 50.0, 100.0) < 0.0);
        // more evidence of the same association scores higher
        assert!(g2(20.0, 20.0, 20.0, 200.0) > g2(10.0, 10.0, 10.0, 100.0));
    }

    #[test]
    fn a_hub_named_everywhere_does_not_dominate() {
        // Russia is in every sentence; Shoigu and Belousov are named together, and apart
        // from them other people each appear once with Russia
        let mut text = String::from("Report\n\n");
        for _ in 0..3 {
            text.push_str("Russia said Sergei Shoigu met Andrei Belousov. ");
        }
        for name in [
            "Vladimir Putin",
            "Kim Jong Un",
            "Choe Son Hui",
            "Sergei Lavrov",
            "Kim Yo Jong",
            "Pak Jong Chon",
        ] {
            text.push_str(&format!(
                "Russia thanked {name}. Russia named {name} again. "
            ));
        }
        let c = Corpus::of_texts(&[&text]);
        let nix = NetworkIndex::build(&c);
        let g = graph(&c, &nix, &all(&c), &Options::default());
        let top = &g.edges[0];
        let names = [
            c.entities[top.a as usize].name.as_str(),
            c.entities[top.b as usize].name.as_str(),
        ];
        assert!(
            names.contains(&"Sergei Shoigu") && names.contains(&"Andrei Belousov"),
            "{names:?}"
        );
        // every tie of the hub is at chance or below: by raw count Russia would lead
        let russia = id(&c, "Russia");
        let hub_edges: Vec<&Edge> = g
            .edges
            .iter()
            .filter(|e| e.a == russia || e.b == russia)
            .collect();
        assert!(hub_edges.len() >= 6);
        assert!(hub_edges.iter().all(|e| e.weight <= 1e-9));
        assert!(hub_edges.iter().any(|e| e.sentences >= top.sentences));
        // and the ego network of Shoigu leads with Belousov
        let shown = ego(&g, &[id(&c, "Sergei Shoigu")], 10);
        let first = &g.edges[shown.edges[0]];
        assert!(first.a == id(&c, "Andrei Belousov") || first.b == id(&c, "Andrei Belousov"));
    }

    #[test]
    fn long_labels_are_cut_on_a_narrow_drawing() {
        assert_eq!(label("Kim Jong Un", 16), "Kim Jong Un");
        assert_eq!(
            label("International Military-Technical Forum", 16),
            "International…"
        );
        assert_eq!(
            label("Korean Central News Agency", label_room(800.0)).len(),
            26
        );
    }

    #[test]
    fn type_filters_keep_the_pairs_asked_for() {
        let c = Corpus::of_texts(&[
            "Parade\n\nKim Jong Un watched the Hwasong-18 launch with Sergei Shoigu in Pyongyang.",
        ]);
        let nix = NetworkIndex::build(&c);
        let pw = Options {
            ends: (Some(EntityType::Person), Some(EntityType::Weapon)),
            paragraphs: false,
        };
        let g = graph(&c, &nix, &all(&c), &pw);
        assert!(!g.edges.is_empty());
        for e in &g.edges {
            let mut t = [c.entities[e.a as usize].kind, c.entities[e.b as usize].kind];
            t.sort();
            assert_eq!(t, [EntityType::Person, EntityType::Weapon]);
        }
        let pp = Options {
            ends: (Some(EntityType::Person), Some(EntityType::Person)),
            paragraphs: false,
        };
        let g = graph(&c, &nix, &all(&c), &pp);
        assert_eq!(g.edges.len(), 1);
        assert!(edge(&c, &g, "Kim Jong Un", "Sergei Shoigu").is_some());
    }

    #[test]
    fn the_ego_network_shows_the_top_k_and_counts_the_rest() {
        let mut text = String::from("Meetings\n\n");
        let others = [
            "Vladimir Putin",
            "Sergei Shoigu",
            "Choe Son Hui",
            "Sergei Lavrov",
            "Kim Yo Jong",
        ];
        for (i, o) in others.iter().enumerate() {
            for _ in 0..=i {
                text.push_str(&format!("Kim Jong Un received {o}. "));
            }
        }
        text.push_str("Sergei Lavrov spoke with Choe Son Hui. ");
        let c = Corpus::of_texts(&[&text]);
        let nix = NetworkIndex::build(&c);
        let g = graph(&c, &nix, &all(&c), &Options::default());
        let kim = id(&c, "Kim Jong Un");
        let shown = ego(&g, &[kim], 3);
        assert_eq!(shown.focus, vec![kim]);
        assert_eq!(shown.more, 2);
        let incident = shown
            .edges
            .iter()
            .filter(|&&i| g.edges[i].a == kim || g.edges[i].b == kim)
            .count();
        assert_eq!(incident, 3);
        assert_eq!(shown.nodes.len(), 4);
        // with nothing chosen it centres on the most-named
        let open = ego(&g, &[], 20);
        assert_eq!(open.focus[0], kim);
        assert_eq!(open.more, 0);
        // ties among the neighbours come along once both ends are shown
        let lavrov_choe = edge(&c, &g, "Sergei Lavrov", "Choe Son Hui").unwrap();
        let all_shown = ego(&g, &[kim], 10);
        assert!(all_shown.edges.iter().any(|&i| &g.edges[i] == lavrov_choe));
        // and the layout is deterministic, one position per node
        let (mut p, mut q) = (all_shown.clone(), all_shown);
        place(&c, &g, &mut p, 1, (600.0, 400.0));
        place(&c, &g, &mut q, 1, (600.0, 400.0));
        assert_eq!(p.positions.len(), p.nodes.len());
        assert_eq!(p.positions, q.positions);
    }
}
