//! Where: the map of the places the articles name. Each PLACE entity is resolved, in each
//! article, to one of the places the gazetteer knows by its name (its usual reading, or another
//! place of that name: Georgia the US state, Paris in Texas, the Kursk region), chosen from the
//! article's context: the countries it names, the places named near the mention, and words
//! beside the mention ("Kursk region", "the state of Georgia"). The candidates and the reason
//! are kept for the view. A capital named for its government ("Moscow said") places at the
//! capital, its usual reading. [`MapIndex`] resolves every article once; [`map`] gives what a
//! filter keeps: countries shaded by the mentions of places in them, markers for cities,
//! regions and sites, the places that could not be resolved, and each place's sentences.
//! The outlines and the projection are in [`atlas`].
pub mod atlas;

use crate::sentences;
use crate::{Corpus, EntityType, Place, PlaceKind};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;

/// Words after a place's name that say it is a division (`Kursk region`, `Kursk border
/// region`, `Georgia state`).
const DIVISION_AFTER: &[&str] = &[
    "region",
    "oblast",
    "province",
    "krai",
    "state",
    "prefecture",
];

/// A reading of a place mention in one article, with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub place: Place,
    pub score: f64,
}

/// A place entity as one article reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    pub doc: u32,
    pub entity: u32,
    /// Every reading considered, the chosen one first.
    pub candidates: Vec<Candidate>,
    /// Why the first was chosen, in words.
    pub reason: String,
    /// Mentions of the entity in the article's text.
    pub mentions: u32,
}

impl Resolution {
    pub fn chosen(&self) -> &Place {
        &self.candidates[0].place
    }
}

/// Every article's places, resolved once per corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapIndex {
    /// Resolved places, by article.
    pub resolved: Vec<Resolution>,
    /// Each article's range in `resolved`.
    pub doc_range: Vec<(u32, u32)>,
    /// PLACE entities named in each article's text that the gazetteer does not place:
    /// (entity, mentions).
    pub unresolved: Vec<Vec<(u32, u32)>>,
}

/// A country's name for reasons: the corpus's country entity with that code, else the code.
fn country_name(corpus: &Corpus, code: &str) -> String {
    corpus
        .entities
        .iter()
        .find(|e| {
            e.place
                .as_ref()
                .is_some_and(|p| p.kind == PlaceKind::Country && p.country == code)
        })
        .map_or_else(|| code.to_string(), |e| e.name.clone())
}

/// The lower-cased words just after and just before a byte span of `text`.
fn words_around(text: &str, start: usize, end: usize) -> (Vec<String>, Vec<String>) {
    let after: Vec<String> = text[end..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let mut before: Vec<String> = text[..start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase)
        .collect();
    before.reverse();
    (after, before)
}

/// Resolves the place entity `e` in article `d`.
pub fn resolve(corpus: &Corpus, d: usize, e: usize) -> Option<Resolution> {
    resolve_with(corpus, d, e, &OnceCell::new())
}

/// `resolve`, with the article's sentences split once for all its ambiguous places (and only
/// if one is).
fn resolve_with(
    corpus: &Corpus,
    d: usize,
    e: usize,
    sentences_of_doc: &OnceCell<Vec<(usize, usize)>>,
) -> Option<Resolution> {
    let doc = &corpus.docs[d];
    let ent = &corpus.entities[e];
    let default = ent.place.clone()?;
    let in_text: Vec<usize> = doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.entity == e && !doc.article.in_furniture(m.start))
        .map(|(i, _)| i)
        .collect();
    let mut candidates = vec![Candidate {
        place: default,
        score: 1.0,
    }];
    candidates.extend(ent.alternatives.iter().map(|p| Candidate {
        place: p.clone(),
        score: 0.0,
    }));
    let mut why: Vec<String> = Vec::new();
    if candidates.len() == 1 {
        return Some(Resolution {
            doc: d as u32,
            entity: e as u32,
            candidates,
            reason: "the only place of this name the gazetteer knows".into(),
            mentions: in_text.len() as u32,
        });
    }
    // the countries the article names, and those named near each mention (other entities)
    let sents = sentences_of_doc.get_or_init(|| sentences::of_document(doc));
    let mut named: FxHashMap<&str, u32> = FxHashMap::default();
    let mut near: FxHashMap<&str, u32> = FxHashMap::default();
    let sentence_of: Vec<Option<usize>> = in_text
        .iter()
        .map(|&i| sentences::containing(sents, doc.mentions[i].start))
        .collect();
    for m in &doc.mentions {
        if m.entity == e || m.kind != EntityType::Place || doc.article.in_furniture(m.start) {
            continue;
        }
        let other = &corpus.entities[m.entity];
        let Some(p) = &other.place else { continue };
        // only an unambiguous place tells where the article is
        if p.country.is_empty() || !other.alternatives.is_empty() {
            continue;
        }
        *named.entry(p.country.as_str()).or_default() += 1;
        let s = sentences::containing(sents, m.start);
        if sentence_of
            .iter()
            .any(|&t| matches!((s, t), (Some(a), Some(b)) if a.abs_diff(b) <= 2))
        {
            *near.entry(p.country.as_str()).or_default() += 1;
        }
    }
    // words beside the mentions
    let mut division_cue = false;
    let mut city_cue = false;
    for &i in &in_text {
        let m = &doc.mentions[i];
        let (after, before) = words_around(&doc.text, m.start, m.end);
        if after.iter().any(|w| DIVISION_AFTER.contains(&w.as_str()))
            || before.ends_with(&["state".into(), "of".into()])
        {
            division_cue = true;
        }
        if before.ends_with(&["city".into(), "of".into()]) {
            city_cue = true;
        }
    }
    for c in &mut candidates {
        let p = &c.place;
        if division_cue && p.kind == PlaceKind::Region {
            c.score += 3.0;
        }
        if city_cue && p.kind == PlaceKind::City {
            c.score += 3.0;
        }
        if !p.country.is_empty() {
            // (the entity itself is not among what the article names besides it)
            if named.contains_key(p.country.as_str()) {
                c.score += 2.0;
            }
            if near.get(p.country.as_str()).copied().unwrap_or(0) > 0 {
                c.score += 1.0;
            }
        }
        // between otherwise equal readings, the larger place
        c.score += (p.population as f64).ln_1p() / 1000.0;
    }
    let default_label = candidates[0].place.label.clone();
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
    let best = &candidates[0].place;
    if division_cue && best.kind == PlaceKind::Region {
        why.push("a word beside it names a division (“region”, “state”)".into());
    }
    if city_cue && best.kind == PlaceKind::City {
        why.push("it is called a city".into());
    }
    if !best.country.is_empty() && named.contains_key(best.country.as_str()) {
        let n = country_name(corpus, &best.country);
        if near.contains_key(best.country.as_str()) {
            why.push(format!("places in {n} are named near it"));
        } else {
            why.push(format!("the article names places in {n}"));
        }
    }
    if why.is_empty() {
        why.push(if best.label == default_label {
            "the usual reading of the name (the capital or the largest place so named); nothing in the article points elsewhere".into()
        } else {
            "the closest fit to the article".into()
        });
    }
    let others: Vec<&str> = candidates[1..]
        .iter()
        .map(|c| c.place.label.as_str())
        .collect();
    let reason = format!(
        "{}; also possible: {}",
        why.join(", and "),
        others.join(", ")
    );
    Some(Resolution {
        doc: d as u32,
        entity: e as u32,
        candidates,
        reason,
        mentions: in_text.len() as u32,
    })
}

impl MapIndex {
    pub fn build(corpus: &Corpus) -> MapIndex {
        let mut ix = MapIndex::default();
        for (d, doc) in corpus.docs.iter().enumerate() {
            let mut counts: FxHashMap<usize, u32> = FxHashMap::default();
            for m in &doc.mentions {
                if m.kind == EntityType::Place && !doc.article.in_furniture(m.start) {
                    *counts.entry(m.entity).or_default() += 1;
                }
            }
            let mut places: Vec<(usize, u32)> = counts.into_iter().collect();
            places.sort_unstable();
            let from = ix.resolved.len() as u32;
            let mut unresolved = Vec::new();
            let sents = OnceCell::new();
            for (e, n) in places {
                match resolve_with(corpus, d, e, &sents) {
                    Some(r) => ix.resolved.push(r),
                    None => unresolved.push((e as u32, n)),
                }
            }
            ix.doc_range.push((from, ix.resolved.len() as u32));
            ix.unresolved.push(unresolved);
        }
        ix
    }
}

/// A place on the map: an entity as some of the kept articles read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub entity: u32,
    pub place: Place,
    pub mentions: u32,
    pub docs: u32,
    /// The chosen reading's reason in the first article that reads it so, and how many
    /// articles chose another reading for this entity.
    pub reason: String,
    pub candidates: Vec<Candidate>,
}

/// A country's shade: the mentions of places in it (itself, its cities and regions).
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    /// ISO alpha-2 code.
    pub code: String,
    pub mentions: u32,
    pub docs: u32,
}

/// What the map shows of what a filter keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapData {
    /// Countries by mentions, most first.
    pub shades: Vec<Shade>,
    /// Cities, regions and sites, by mentions, most first (countries are shaded instead).
    pub markers: Vec<Marker>,
    /// Named places the gazetteer cannot place: (entity, mentions, articles), most first.
    pub unresolved: Vec<(u32, u32, u32)>,
}

/// The country a reading lies in: its own code, or where the outlines put its point.
pub fn country_of<'a>(p: &'a Place, outlines: Option<&'a atlas::Atlas>) -> Option<&'a str> {
    if !p.country.is_empty() {
        return Some(&p.country);
    }
    let a = outlines?;
    a.country_at(p.lon, p.lat)
        .map(|i| a.countries[i].code.as_str())
        .filter(|c| !c.is_empty())
}

/// The map of the kept articles (`keep`). Nothing is allocated per article: markers are keyed
/// by the entity and the reading's label as the index holds it, and a reading's country is
/// found once, when its marker is first met.
pub fn map<'a>(mix: &'a MapIndex, keep: &[u32], outlines: Option<&'a atlas::Atlas>) -> MapData {
    // (entity, reading label) -> (marker, its country)
    let mut markers: FxHashMap<(u32, &'a str), (Marker, Option<&'a str>)> = FxHashMap::default();
    // country -> (mentions, articles, the last article counted)
    let mut shades: FxHashMap<&'a str, (u32, u32, u32)> = FxHashMap::default();
    let mut unresolved: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
    let mut shade = |code: &'a str, n: u32, d: u32| {
        let s = shades.entry(code).or_insert((0, 0, u32::MAX));
        s.0 += n;
        if s.2 != d {
            s.2 = d;
            s.1 += 1;
        }
    };
    for &d in keep {
        let (from, to) = mix.doc_range[d as usize];
        for r in &mix.resolved[from as usize..to as usize] {
            let p = r.chosen();
            if p.kind == PlaceKind::Country {
                if let Some(code) = country_of(p, outlines) {
                    shade(code, r.mentions, d);
                }
                continue;
            }
            let (m, country) = markers
                .entry((r.entity, p.label.as_str()))
                .or_insert_with(|| {
                    let marker = Marker {
                        entity: r.entity,
                        place: p.clone(),
                        mentions: 0,
                        docs: 0,
                        reason: r.reason.clone(),
                        candidates: r.candidates.clone(),
                    };
                    (marker, country_of(p, outlines))
                });
            m.mentions += r.mentions;
            m.docs += 1;
            if let Some(code) = *country {
                shade(code, r.mentions, d);
            }
        }
        for &(e, n) in &mix.unresolved[d as usize] {
            let u = unresolved.entry(e).or_default();
            u.0 += n;
            u.1 += 1;
        }
    }
    let mut shades: Vec<Shade> = shades
        .into_iter()
        .map(|(code, (mentions, docs, _))| Shade {
            code: code.to_string(),
            mentions,
            docs,
        })
        .collect();
    shades.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.code.cmp(&b.code)));
    let mut markers: Vec<Marker> = markers.into_values().map(|(m, _)| m).collect();
    markers.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.entity.cmp(&b.entity))
            .then(a.place.label.cmp(&b.place.label))
    });
    let mut unresolved: Vec<(u32, u32, u32)> = unresolved
        .into_iter()
        .map(|(e, (n, d))| (e, n, d))
        .collect();
    unresolved.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    MapData {
        shades,
        markers,
        unresolved,
    }
}

/// Markers drawn together: those closer than `radius` on screen at this zoom join the
/// cluster of the most-mentioned among them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices into the markers, the most-mentioned first.
    pub members: Vec<usize>,
    /// Where it is drawn (the first member's point), in the frame's units.
    pub x: f64,
    pub y: f64,
    pub mentions: u32,
}

/// Clusters markers (sorted most-mentioned first) projected in `frame`, seen at zoom `k`.
pub fn clusters(markers: &[Marker], frame: atlas::Frame, k: f64, radius: f64) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    let r = radius / k.max(1e-6);
    for (i, m) in markers.iter().enumerate() {
        let (x, y) = frame.project(m.place.lon as f64, m.place.lat as f64);
        match out
            .iter_mut()
            .find(|c| (c.x - x).powi(2) + (c.y - y).powi(2) < r * r)
        {
            Some(c) => {
                c.members.push(i);
                c.mentions += m.mentions;
            }
            None => out.push(Cluster {
                members: vec![i],
                x,
                y,
                mentions: m.mentions,
            }),
        }
    }
    out
}

/// The sentences of the kept articles that name entity `e` read as the place labelled
/// `label`: (article, sentence span, mention index), in article order.
pub fn sentences_of(
    corpus: &Corpus,
    mix: &MapIndex,
    keep: &[u32],
    e: u32,
    label: &str,
) -> Vec<(u32, (u32, u32), u32)> {
    let mut docs = keep.to_vec();
    docs.sort_unstable();
    let mut out = Vec::new();
    for d in docs {
        let (from, to) = mix.doc_range[d as usize];
        let reads = mix.resolved[from as usize..to as usize]
            .iter()
            .any(|r| r.entity == e && r.chosen().label == label);
        if !reads {
            continue;
        }
        let doc = &corpus.docs[d as usize];
        let sents = sentences::of_document(doc);
        let mut last = None;
        for (i, m) in doc.mentions.iter().enumerate() {
            if m.entity as u32 != e || doc.article.in_furniture(m.start) {
                continue;
            }
            if let Some(s) = sentences::containing(&sents, m.start) {
                if last != Some(s) {
                    last = Some(s);
                    out.push((d, (sents[s].0 as u32, sents[s].1 as u32), i as u32));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(c: &Corpus, name: &str) -> usize {
        c.entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    }

    /// How article `d` reads the place entity named `name`.
    fn reading(c: &Corpus, d: usize, name: &str) -> Resolution {
        resolve(c, d, id(c, name)).unwrap()
    }

    #[test]
    fn georgia_is_read_from_the_places_around_it() {
        let c = Corpus::of_texts(&[
            "Tbilisi talks\n\nGeorgia hosted the talks in Tbilisi, its capital, and Armenia sent a minister.",
            "Atlanta vote\n\nVoters in Georgia queued for hours in Atlanta, and officials in the United States said turnout was high.",
        ]);
        let country = reading(&c, 0, "Georgia");
        assert_eq!(country.chosen().kind, PlaceKind::Country);
        assert_eq!(country.chosen().country, "GE");
        let state = reading(&c, 1, "Georgia");
        assert_eq!(state.chosen().label, "Georgia State");
        assert!(state.reason.contains("United States"), "{}", state.reason);
        // both readings are kept as candidates, with the reason
        assert!(state.candidates.len() >= 2);
        assert!(
            state.reason.contains("also possible: Georgia"),
            "{}",
            state.reason
        );
    }

    #[test]
    fn paris_and_kursk_follow_their_context() {
        let c = Corpus::of_texts(&[
            "Paris\n\nThe summit met in Paris, where French officials welcomed it.",
            "Texas\n\nA tornado hit Paris near Dallas, and the United States sent aid.",
            "Incursion\n\nUkrainian troops pushed into the Kursk region of Russia.",
            "Rail\n\nThe train reached the city of Kursk at noon.",
        ]);
        assert_eq!(reading(&c, 0, "Paris").chosen().country, "FR");
        let texas = reading(&c, 1, "Paris");
        assert_eq!(texas.chosen().country, "US");
        assert_eq!(texas.chosen().kind, PlaceKind::City);
        let region = reading(&c, 2, "Kursk");
        assert_eq!(region.chosen().kind, PlaceKind::Region);
        assert!(region.reason.contains("division"), "{}", region.reason);
        assert_eq!(reading(&c, 3, "Kursk").chosen().kind, PlaceKind::City);
    }

    #[test]
    fn a_capital_named_for_its_government_stays_at_the_capital() {
        let c = Corpus::of_texts(&[
            "Warning\n\nWashington warned Pyongyang, and Moscow said it would respond.",
        ]);
        let w = reading(&c, 0, "Washington");
        assert_eq!(w.chosen().country, "US");
        assert_eq!(w.chosen().kind, PlaceKind::City);
        assert!(w.chosen().capital, "{:?}", w.chosen());
        assert!(reading(&c, 0, "Moscow").chosen().capital);
    }

    #[test]
    fn the_map_shades_countries_by_their_places_and_follows_the_filter() {
        let c = Corpus::of_texts(&[
            "Visit\n\nKim Jong Un met Sergei Shoigu in Pyongyang. North Korea and Russia signed a pact in Pyongyang.",
            "Forum\n\nA delegation flew from Pyongyang to Moscow, then on to Vladivostok in Russia.",
        ]);
        let mix = MapIndex::build(&c);
        let all = map(&mix, &[0, 1], None);
        let codes: Vec<&str> = all.shades.iter().take(2).map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["KP", "RU"]);
        // North Korea: itself once, Pyongyang three times
        assert_eq!(all.shades[0].mentions, 4);
        assert_eq!(all.shades[0].docs, 2);
        let names: Vec<&str> = all.markers.iter().map(|m| m.place.label.as_str()).collect();
        assert_eq!(names[0], "Pyongyang");
        assert!(
            names.contains(&"Moscow") && names.contains(&"Vladivostok"),
            "{names:?}"
        );
        assert!(
            !names.contains(&"Russia"),
            "countries are shaded, not marked"
        );
        let one = map(&mix, &[0], None);
        assert_eq!(one.markers.len(), 1);
        assert_eq!(one.markers[0].mentions, 2);
        // the sentences behind a marker
        let ev = sentences_of(&c, &mix, &[0, 1], id(&c, "Pyongyang") as u32, "Pyongyang");
        assert_eq!(ev.len(), 3);
        assert_eq!(ev[0].0, 0);
    }

    #[test]
    fn markers_cluster_when_they_crowd_and_part_when_zoomed() {
        let c =
            Corpus::of_texts(&["Trip\n\nThe envoy went from Seoul to Incheon and then to Tokyo."]);
        let mix = MapIndex::build(&c);
        let m = map(&mix, &[0], None);
        let frame = atlas::Frame { width: 1000.0 };
        let far = clusters(&m.markers, frame, 1.0, 12.0);
        assert_eq!(far.len(), 2, "Seoul and Incheon together, Tokyo apart");
        let near = clusters(&m.markers, frame, 40.0, 12.0);
        assert_eq!(near.len(), 3);
        assert_eq!(far.iter().map(|c| c.mentions).sum::<u32>(), 3);
    }
}
