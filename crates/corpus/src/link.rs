//! Links mentions across the whole corpus into entities: one entity per real-world thing,
//! keyed by gazetteer entry or normalised name, with acronyms defined in any document
//! (`Office of Foreign Assets Control (OFAC)`) applied to all of them. `Linker` does it a
//! document at a time, so a page can link thousands of articles in slices between frames.
use crate::{Corpus, Document, Entity, EntityType};
use dossier_model::{Known, LinkKey, Staged};
use rustc_hash::FxHashMap as HashMap;

/// Builds the corpus from staged documents (kept by the caller: they can be linked again when
/// articles are added or removed). Needs no gazetteer: the documents carry what their keys name.
pub fn link(staged: &[Staged]) -> Corpus {
    let mut linker = Linker::new(staged);
    for s in staged {
        linker.add(s);
    }
    linker.finish()
}

/// Links documents one at a time: `new` with all of them (for the acronyms they define and
/// the gazetteer entries they name), then `add` each in order, then `finish`.
pub struct Linker {
    acronyms: HashMap<LinkKey, LinkKey>,
    known: HashMap<u32, Known>,
    index: HashMap<LinkKey, usize>,
    entities: Vec<Entity>,
    surfaces: Vec<HashMap<String, usize>>,
    /// The articles naming each entity, and whether their text does (not only their furniture).
    docs_of: Vec<Vec<(usize, bool)>>,
    docs: Vec<Document>,
    /// Documents added so far, kept or not.
    added: usize,
}

impl Linker {
    pub fn new(staged: &[Staged]) -> Linker {
        let mut linker = Linker::empty();
        for s in staged {
            linker.learn(s);
        }
        linker.docs.reserve(staged.len());
        linker
    }

    /// A linker that has learnt nothing yet: `learn` every document first (the static build
    /// streams them, so it never holds them all), then `add` or `add_streamed` each.
    pub fn empty() -> Linker {
        Linker {
            acronyms: HashMap::default(),
            known: HashMap::default(),
            index: HashMap::default(),
            entities: Vec::new(),
            surfaces: Vec::new(),
            docs_of: Vec::new(),
            docs: Vec::new(),
            added: 0,
        }
    }

    /// Learns what a document tells every other: the acronyms it defines (applied everywhere,
    /// the first definition winning) and the gazetteer entries its keys name.
    pub fn learn(&mut self, s: &Staged) {
        for (acr, key) in &s.acronyms {
            for kind in [
                EntityType::Org,
                EntityType::Place,
                EntityType::Event,
                EntityType::Weapon,
            ] {
                self.acronyms
                    .entry(LinkKey::Name(
                        kind,
                        dossier_model::text::fold::norm_name(acr),
                    ))
                    .or_insert_with(|| key.clone());
            }
        }
        for k in &s.known {
            self.known.entry(k.id).or_insert_with(|| k.clone());
        }
    }

    /// Links the next document.
    pub fn add(&mut self, s: &Staged) {
        let doc = self.add_streamed(s);
        self.docs.push(doc);
    }

    /// Links the next document and hands it back rather than keeping it: the counts and
    /// names are gathered as `add` does, and `take_entities` gives them.
    pub fn add_streamed(&mut self, s: &Staged) -> Document {
        let d = self.added;
        self.added += 1;
        let mut doc = s.doc.clone();
        for (m, key) in doc.mentions.iter_mut().zip(&s.keys) {
            let surface = &doc.text[m.start..m.end];
            let key = self
                .acronyms
                .get(key)
                .cloned()
                .unwrap_or_else(|| key.clone());
            let id = match self.index.get(&key) {
                Some(&id) => id,
                None => {
                    let (name, coords, place, alternatives) = match &key {
                        LinkKey::Gazetteer(id) => match self.known.get(id) {
                            Some(k) => (
                                k.name.clone(),
                                k.coords,
                                k.place.clone(),
                                k.alternatives.clone(),
                            ),
                            None => (surface.to_string(), None, None, Vec::new()),
                        },
                        LinkKey::Date(v) => (v.clone(), None, None, Vec::new()),
                        _ => (surface.to_string(), None, None, Vec::new()),
                    };
                    let stable = match &key {
                        LinkKey::Gazetteer(_) => format!("g:{}:{name}", m.kind.as_str()),
                        LinkKey::Name(kind, n) => format!("n:{}:{n}", kind.as_str()),
                        LinkKey::Date(v) => format!("d:{v}"),
                        LinkKey::Unresolved(doc, text) => format!("u:{doc}:{text}"),
                    };
                    self.entities.push(Entity {
                        id: self.entities.len(),
                        key: stable,
                        kind: m.kind,
                        name,
                        aliases: Vec::new(),
                        mention_count: 0,
                        doc_count: 0,
                        all_mention_count: 0,
                        all_doc_count: 0,
                        local: matches!(key, LinkKey::Unresolved(..)),
                        coords,
                        place,
                        alternatives,
                    });
                    self.surfaces.push(HashMap::default());
                    self.docs_of.push(Vec::new());
                    self.index.insert(key, self.entities.len() - 1);
                    self.entities.len() - 1
                }
            };
            m.entity = id;
            let in_text = !doc.article.in_furniture(m.start);
            self.entities[id].all_mention_count += 1;
            if in_text {
                self.entities[id].mention_count += 1;
            }
            match self.surfaces[id].get_mut(surface) {
                Some(n) => *n += 1,
                None => {
                    self.surfaces[id].insert(surface.to_string(), 1);
                }
            }
            match self.docs_of[id].last_mut() {
                Some((last, text)) if *last == d => *text |= in_text,
                _ => self.docs_of[id].push((d, in_text)),
            }
        }
        doc
    }

    /// A document linked again to the entities `add` made for it, counting nothing (the
    /// static build's last pass over documents it has already added). A key no document
    /// added stands for nothing: its mention gets `usize::MAX`.
    pub fn resolve(&self, s: &Staged) -> Document {
        let mut doc = s.doc.clone();
        for (m, key) in doc.mentions.iter_mut().zip(&s.keys) {
            let key = self.acronyms.get(key).unwrap_or(key);
            m.entity = self.index.get(key).copied().unwrap_or(usize::MAX);
        }
        doc
    }

    /// The linked corpus: each entity with its aliases (most frequent first) and counts.
    pub fn finish(mut self) -> Corpus {
        let entities = self.take_entities();
        Corpus {
            docs: self.docs,
            entities,
        }
    }

    /// The entities linked so far, each with its aliases (most frequent first) and counts;
    /// the linker keeps its keys, so `resolve` still links documents to them.
    pub fn take_entities(&mut self) -> Vec<Entity> {
        let mut entities = std::mem::take(&mut self.entities);
        let surfaces = std::mem::take(&mut self.surfaces);
        let docs_of = std::mem::take(&mut self.docs_of);
        for (e, (forms, ds)) in entities.iter_mut().zip(surfaces.into_iter().zip(docs_of)) {
            let forms = aliases_of(forms);
            // names the gazetteer does not hold take their longest form (Kim Jong-sik, not Kim)
            if e.kind != EntityType::Date && !forms.iter().any(|(f, _)| *f == e.name) {
                if let Some((longest, _)) = forms.iter().max_by_key(|(f, n)| (f.len(), *n)) {
                    e.name = longest.clone();
                }
            }
            e.aliases = forms.into_iter().map(|(f, _)| f).collect();
            e.all_doc_count = ds.len();
            e.doc_count = ds.iter().filter(|(_, in_text)| *in_text).count();
        }
        entities
    }
}

/// Surface forms counted as written, as aliases: tidied (white space, apostrophes), most
/// frequent first, then longest.
pub(crate) fn aliases_of(forms: HashMap<String, usize>) -> Vec<(String, usize)> {
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
    forms
}

/// A surface form as an alias: white space folded, curly apostrophes straightened.
fn tidy(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}
