//! Links mentions across the whole corpus into entities: one entity per real-world thing,
//! keyed by gazetteer entry or normalised name, with acronyms defined in any document
//! (`Office of Foreign Assets Control (OFAC)`) applied to all of them.
use crate::extract::{LinkKey, Staged};
use crate::gazetteer;
use crate::{Corpus, Entity, EntityType};
use std::collections::HashMap;

/// Builds the corpus from staged documents.
pub fn link(staged: Vec<Staged>) -> Corpus {
    // acronyms defined anywhere, applied everywhere
    let mut acronyms: HashMap<LinkKey, LinkKey> = HashMap::new();
    for s in &staged {
        for (acr, key) in &s.acronyms {
            for kind in [
                EntityType::Org,
                EntityType::Place,
                EntityType::Event,
                EntityType::Weapon,
            ] {
                acronyms
                    .entry(LinkKey::Name(kind, crate::extract::norm_name(acr)))
                    .or_insert_with(|| key.clone());
            }
        }
    }
    let mut index: HashMap<LinkKey, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut surfaces: Vec<HashMap<String, usize>> = Vec::new();
    let mut docs_of: Vec<Vec<usize>> = Vec::new();
    let mut docs = Vec::with_capacity(staged.len());
    for (d, s) in staged.into_iter().enumerate() {
        let mut doc = s.doc;
        for ((m, key), surface) in doc.mentions.iter_mut().zip(s.keys).zip(s.surfaces) {
            let key = acronyms.get(&key).cloned().unwrap_or(key);
            // a mention keyed to an acronym of another type keeps its own type
            let id = *index.entry(key.clone()).or_insert_with(|| {
                let (name, coords) = match &key {
                    LinkKey::Gazetteer(id) => {
                        let e = gazetteer::entry(*id);
                        (
                            e.name.to_string(),
                            (!e.lat.is_nan()).then_some((e.lat, e.lon)),
                        )
                    }
                    LinkKey::Date(v) => (v.clone(), None),
                    _ => (surface.clone(), None),
                };
                entities.push(Entity {
                    id: entities.len(),
                    kind: m.kind,
                    name,
                    aliases: Vec::new(),
                    mention_count: 0,
                    doc_count: 0,
                    coords,
                });
                surfaces.push(HashMap::new());
                docs_of.push(Vec::new());
                entities.len() - 1
            });
            m.entity = id;
            entities[id].mention_count += 1;
            *surfaces[id].entry(tidy(&surface)).or_default() += 1;
            if docs_of[id].last() != Some(&d) {
                docs_of[id].push(d);
            }
        }
        docs.push(doc);
    }
    for (e, (forms, ds)) in entities.iter_mut().zip(surfaces.into_iter().zip(docs_of)) {
        let mut forms: Vec<(String, usize)> = forms.into_iter().collect();
        forms.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(&b.0))
        });
        // names the gazetteer does not hold take their longest form (Kim Jong-sik, not Kim)
        if e.kind != EntityType::Date && !forms.iter().any(|(f, _)| *f == e.name) {
            if let Some((longest, _)) = forms.iter().max_by_key(|(f, n)| (f.len(), *n)) {
                e.name = longest.clone();
            }
        }
        e.aliases = forms.into_iter().map(|(f, _)| f).collect();
        e.doc_count = ds.len();
    }
    Corpus { docs, entities }
}

/// A surface form as an alias: white space folded, curly apostrophes straightened.
fn tidy(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}
