//! Links mentions across the whole corpus into entities: one entity per real-world thing,
//! keyed by gazetteer entry or normalised name, with acronyms defined in any document
//! (`Office of Foreign Assets Control (OFAC)`) applied to all of them.
use crate::extract::{Known, LinkKey, Staged};
use crate::{Corpus, Entity, EntityType};
use rustc_hash::FxHashMap as HashMap;

/// Builds the corpus from staged documents (kept by the caller: they can be linked again when
/// articles are added or removed). Needs no gazetteer: the documents carry what their keys name.
pub fn link(staged: &[Staged]) -> Corpus {
    // acronyms defined anywhere, applied everywhere
    let mut acronyms: HashMap<LinkKey, LinkKey> = HashMap::default();
    for s in staged {
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
    let known: HashMap<u32, &Known> = staged
        .iter()
        .flat_map(|s| s.known.iter().map(|k| (k.id, k)))
        .collect();
    let mut index: HashMap<LinkKey, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut surfaces: Vec<HashMap<String, usize>> = Vec::new();
    let mut docs_of: Vec<Vec<usize>> = Vec::new();
    let mut docs = Vec::with_capacity(staged.len());
    for (d, s) in staged.iter().enumerate() {
        let mut doc = s.doc.clone();
        for (m, key) in doc.mentions.iter_mut().zip(&s.keys) {
            let surface = &doc.text[m.start..m.end];
            let key = acronyms.get(key).cloned().unwrap_or_else(|| key.clone());
            let id = match index.get(&key) {
                Some(&id) => id,
                None => {
                    let (name, coords) = match &key {
                        LinkKey::Gazetteer(id) => match known.get(id) {
                            Some(k) => (k.name.clone(), k.coords),
                            None => (surface.to_string(), None),
                        },
                        LinkKey::Date(v) => (v.clone(), None),
                        _ => (surface.to_string(), None),
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
                    surfaces.push(HashMap::default());
                    docs_of.push(Vec::new());
                    index.insert(key, entities.len() - 1);
                    entities.len() - 1
                }
            };
            m.entity = id;
            entities[id].mention_count += 1;
            match surfaces[id].get_mut(surface) {
                Some(n) => *n += 1,
                None => {
                    surfaces[id].insert(surface.to_string(), 1);
                }
            }
            if docs_of[id].last() != Some(&d) {
                docs_of[id].push(d);
            }
        }
        docs.push(doc);
    }
    for (e, (forms, ds)) in entities.iter_mut().zip(surfaces.into_iter().zip(docs_of)) {
        // surface forms counted as written; as aliases, white space and apostrophes are tidied
        let mut tidied: HashMap<String, usize> = HashMap::default();
        for (f, n) in forms {
            *tidied.entry(tidy(&f)).or_default() += n;
        }
        let mut forms: Vec<(String, usize)> = tidied.into_iter().collect();
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
