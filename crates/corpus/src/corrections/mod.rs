//! The analyst's corrections, kept as a log and replayed over a linked corpus: merge entities,
//! split one, rename, change a type, delete mentions or a whole entity ("not an entity"), and
//! mark text as a mention (in one place, in an article, or everywhere it occurs).
//!
//! Entries name entities by their stable key ([`crate::Entity::key`]) and mentions by an
//! [`Anchor`]: the article's content hash and name, the byte span, and the quoted text with some
//! text either side, as Hypothesis's selectors do. So a correction survives adding articles,
//! re-cleaning and a new extractor version; one that no longer anchors is reported as an orphan,
//! never re-attached to a look-alike. [`suggest`] lists likely duplicates; it never merges.
//!
//! Replay works on the linked corpus in place, without linking again: mentions move between
//! entities, entities are created, renamed or emptied, and the entities touched are counted
//! again; emptied ones are dropped and the ids closed up.
pub mod suggest;

use crate::link::aliases_of;
use crate::{Corpus, Entity, EntityType, Mention};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// Bytes of text kept on each side of an anchored mention.
pub const CONTEXT: usize = 32;

/// The format name and version written into an exported log.
pub const FORMAT: &str = "dossier-corrections";
pub const VERSION: u32 = 1;

/// An article's content hash: FNV-1a, 64 bits, as 16 hex digits (stable across builds and
/// machines; it identifies a text, it does not protect it).
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Where a mention is: its article and span, and its text with what surrounds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's [`content_hash`], and its name (tried when the text has changed).
    pub doc: String,
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Anchor {
    /// The anchor of a span of article `d` (`hash`: its content hash, when known).
    pub fn new(corpus: &Corpus, d: usize, start: usize, end: usize, hash: Option<&str>) -> Anchor {
        let doc = &corpus.docs[d];
        let text = &doc.text;
        let from = floor_boundary(text, start.saturating_sub(CONTEXT));
        let to = ceil_boundary(text, (end + CONTEXT).min(text.len()));
        Anchor {
            doc: hash.map_or_else(|| content_hash(text), str::to_string),
            name: doc.name.clone(),
            start,
            end,
            quote: text[start..end].to_string(),
            prefix: text[from..start].to_string(),
            suffix: text[end..to].to_string(),
        }
    }
}

/// What an operation applies to.
/// (Serialised in serde's default, externally tagged form, `{"mention": {...}}` or
/// `"corpus"`: an internally tagged form costs the page's bundle several times the code.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// One mention.
    Mention { at: Anchor },
    /// Every mention written `text` in one article (for `Add`: every occurrence of it).
    Article {
        doc: String,
        name: String,
        text: String,
    },
    /// The whole corpus.
    Corpus,
}

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// `from`'s mentions in scope join `into`, whose name survives. Over the whole corpus,
    /// `from` is gone and later entries naming it reach `into`.
    Merge {
        from: String,
        into: String,
        scope: Scope,
    },
    /// The chosen mentions leave `entity` for a new entity `name` of the same type.
    Split {
        entity: String,
        mentions: Vec<Anchor>,
        name: String,
    },
    Rename {
        entity: String,
        name: String,
    },
    /// The entity changes type (corpus scope), or its mentions in scope become an entity of
    /// that type with the same name.
    Retype {
        entity: String,
        kind: EntityType,
        scope: Scope,
    },
    /// Not an entity: its mentions in scope are removed (all of them: the entity is gone).
    Delete {
        entity: String,
        scope: Scope,
    },
    /// `text` becomes a mention of `entity` (a key), or of the entity `name` of type `kind`
    /// (made if needed): at the anchor, at every occurrence in an article, or in every article.
    Add {
        text: String,
        kind: EntityType,
        entity: Option<String>,
        name: String,
        scope: Scope,
    },
    /// Two entities are not the same: the suggestions stop offering to merge them.
    Distinct {
        a: String,
        b: String,
    },
}

/// An entry of the log: its number, when it was made (as the page's clock gave it), what it
/// does, and that in words (written when it was made, with the names of the time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    #[serde(default)]
    pub at: String,
    pub op: Op,
    #[serde(default)]
    pub label: String,
}

/// The append-only log. Undo moves the last entries to an undone tail (redo brings them
/// back); a new entry after an undo drops that tail, as in any editor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Log {
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub undone: usize,
}

/// The exported file: the format's name and version around the log.
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    entries: Vec<Entry>,
    #[serde(default)]
    undone: usize,
}

impl Log {
    /// The entries in force.
    pub fn active(&self) -> &[Entry] {
        &self.entries[..self.entries.len() - self.undone.min(self.entries.len())]
    }

    /// The undone tail, the next to redo first.
    pub fn redoable(&self) -> impl Iterator<Item = &Entry> {
        self.entries[self.active().len()..].iter()
    }

    /// Appends an entry (dropping what was undone); returns its id.
    pub fn push(&mut self, op: Op, label: String, at: String) -> u64 {
        let keep = self.active().len();
        self.entries.truncate(keep);
        self.undone = 0;
        let id = self.entries.iter().map(|e| e.id).max().map_or(1, |m| m + 1);
        self.entries.push(Entry { id, at, op, label });
        id
    }

    pub fn can_undo(&self) -> bool {
        !self.active().is_empty()
    }

    pub fn can_redo(&self) -> bool {
        self.undone > 0
    }

    pub fn undo(&mut self) -> bool {
        let ok = self.can_undo();
        if ok {
            self.undone += 1;
        }
        ok
    }

    pub fn redo(&mut self) -> bool {
        let ok = self.can_redo();
        if ok {
            self.undone -= 1;
        }
        ok
    }

    /// The log as the JSON file the page exports.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&File {
            format: FORMAT.into(),
            version: VERSION,
            entries: self.entries.clone(),
            undone: self.undone,
        })
        .unwrap_or_default()
    }

    /// Reads an exported log, or says why it cannot.
    pub fn from_json(text: &str) -> Result<Log, String> {
        // what it says it is first, then the whole of it
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u64>,
        }
        let head: Head = serde_json::from_str(text).map_err(|e| {
            if e.is_data() {
                "this JSON file is not a Dossier corrections log".to_string()
            } else {
                format!("this is not a JSON file ({e})")
            }
        })?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err("this JSON file is not a Dossier corrections log".into());
        }
        let version = head.version.unwrap_or(0);
        if version != u64::from(VERSION) {
            return Err(format!(
                "this corrections log is version {version}; this Dossier reads version {VERSION}"
            ));
        }
        let file: File = serde_json::from_str(text)
            .map_err(|e| format!("this corrections log is damaged ({e})"))?;
        let mut log = Log {
            entries: file.entries,
            undone: file.undone,
        };
        log.undone = log.undone.min(log.entries.len());
        Ok(log)
    }

    /// Adds the entries of another log after this one's (renumbered; an entry already here,
    /// the same operation made at the same time, is not added twice). Returns how many came.
    pub fn append(&mut self, other: &Log) -> usize {
        let mut added = 0;
        for e in other.active() {
            let dup = self.active().iter().any(|x| x.op == e.op && x.at == e.at);
            if !dup {
                self.push(e.op.clone(), e.label.clone(), e.at.clone());
                added += 1;
            }
        }
        added
    }
}

/// What replaying one entry did: the mentions it changed, or why it no longer applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: u64,
    pub changed: usize,
    /// Why the entry is an orphan (it anchors nowhere), if it is.
    pub orphan: Option<String>,
}

/// The state of a replay: where keys, hashes and names lead, and what was touched.
struct Replay<'a, 'h> {
    corpus: &'a mut Corpus,
    keys: HashMap<String, Option<usize>>,
    hashes: HashMap<&'h str, usize>,
    touched: Vec<bool>,
    /// The articles that name each entity (or did: a moved mention leaves a stale entry,
    /// which costs a look and nothing else), so a corpus-wide entry reads only those.
    docs_of: Vec<Vec<u32>>,
}

type Found<T> = Result<T, String>;

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Every occurrence of `needle` in `text` that starts and ends at a word's edge.
fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(move |&i| {
            !word_char(text[..i].chars().next_back())
                && !word_char(text[i + needle.len()..].chars().next())
        })
}

impl Replay<'_, '_> {
    fn entity(&self, key: &str) -> Found<usize> {
        match self.keys.get(key) {
            Some(Some(e)) => Ok(*e),
            Some(None) => Err(format!("the entity {} was deleted", key_name(key))),
            None => Err(format!("no entity {} in the corpus", key_name(key))),
        }
    }

    fn doc(&self, hash: &str, name: &str) -> Found<usize> {
        // by content; else by name (the text has changed: re-cleaned, or read anew)
        self.hashes
            .get(hash)
            .copied()
            .or_else(|| self.corpus.docs.iter().position(|d| d.name == name))
            .ok_or_else(|| format!("the article {name} is not in the corpus"))
    }

    /// The article and span an anchor names: where it was if its text and context are still
    /// there, else the one place its text and context occur; never a look-alike.
    fn locate(&self, a: &Anchor) -> Found<(usize, usize, usize)> {
        let d = self.doc(&a.doc, &a.name)?;
        let text = &self.corpus.docs[d].text;
        let (s, e) = (a.start, a.end);
        if text.get(s..e) == Some(a.quote.as_str())
            && text.get(..s).is_some_and(|t| t.ends_with(&a.prefix))
            && text.get(e..).is_some_and(|t| t.starts_with(&a.suffix))
        {
            return Ok((d, s, e));
        }
        let whole = format!("{}{}{}", a.prefix, a.quote, a.suffix);
        let mut at = text.match_indices(&whole).map(|(i, _)| i);
        match (at.next(), at.next()) {
            (Some(i), None) => {
                let s = i + a.prefix.len();
                Ok((d, s, s + a.quote.len()))
            }
            (None, _) => Err(format!("“{}” is no longer in {}", a.quote, a.name)),
            _ => Err(format!(
                "“{}” is in {} more than once, with the same context",
                a.quote, a.name
            )),
        }
    }

    /// The mention of entity `e` at an anchor (its index in its article).
    fn mention_at(&self, a: &Anchor, e: usize) -> Found<(usize, usize)> {
        let (d, s, t) = self.locate(a)?;
        self.corpus.docs[d]
            .mentions
            .iter()
            .position(|m| m.start == s && m.end == t && m.entity == e)
            .map(|i| (d, i))
            .ok_or_else(|| format!("“{}” in {} is no longer that mention", a.quote, a.name))
    }

    /// The mentions of entity `e` in scope, as (article, index).
    fn in_scope(&mut self, e: usize, scope: &Scope) -> Found<Vec<(usize, usize)>> {
        let docs = &self.corpus.docs;
        let of = |d: usize, text: Option<&str>, out: &mut Vec<(usize, usize)>| {
            let doc = &docs[d];
            for (i, m) in doc.mentions.iter().enumerate() {
                if m.entity == e && text.is_none_or(|t| &doc.text[m.start..m.end] == t) {
                    out.push((d, i));
                }
            }
        };
        let mut found: Vec<(usize, usize)> = Vec::new();
        match scope {
            Scope::Mention { at } => found.push(self.mention_at(at, e)?),
            Scope::Article { doc, name, text } => of(self.doc(doc, name)?, Some(text), &mut found),
            Scope::Corpus => {
                let ds = self
                    .docs_of
                    .get_mut(e)
                    .map(std::mem::take)
                    .unwrap_or_default();
                let mut ds = ds;
                if !ds.is_sorted() {
                    ds.sort_unstable();
                    ds.dedup();
                }
                for &d in &ds {
                    of(d as usize, None, &mut found);
                }
                if let Some(slot) = self.docs_of.get_mut(e) {
                    *slot = ds;
                }
            }
        }
        if found.is_empty() {
            return Err("nothing it applies to is left".into());
        }
        Ok(found)
    }

    fn touch(&mut self, e: usize) {
        if e >= self.touched.len() {
            self.touched.resize(e + 1, false);
        }
        self.touched[e] = true;
    }

    /// Notes that article `d` names entity `e` now.
    fn names_in(&mut self, e: usize, d: usize) {
        if e >= self.docs_of.len() {
            self.docs_of.resize_with(e + 1, Vec::new);
        }
        if self.docs_of[e].last() != Some(&(d as u32)) {
            self.docs_of[e].push(d as u32);
        }
    }

    /// The entity a correction makes (`c:TYPE:name`), or the one it made before.
    fn made(&mut self, kind: EntityType, name: &str) -> usize {
        let key = format!("c:{}:{name}", kind.as_str());
        if let Some(Some(e)) = self.keys.get(&key) {
            return *e;
        }
        let id = self.corpus.entities.len();
        self.corpus.entities.push(Entity {
            id,
            key: key.clone(),
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            mention_count: 0,
            doc_count: 0,
            all_mention_count: 0,
            all_doc_count: 0,
            local: false,
            coords: None,
            place: None,
            alternatives: Vec::new(),
        });
        self.keys.insert(key, Some(id));
        self.touch(id);
        id
    }

    /// Makes every key that led to entity `from` lead to `to` (merged into it), or to nothing
    /// (deleted), for the entries that follow.
    fn redirect(&mut self, from: usize, to: Option<usize>) {
        for v in self.keys.values_mut() {
            if *v == Some(from) {
                *v = to;
            }
        }
    }

    /// Moves mentions to entity `to` (and its type).
    fn reassign(&mut self, found: &[(usize, usize)], to: usize) -> usize {
        let kind = self.corpus.entities[to].kind;
        for &(d, i) in found {
            let m = &mut self.corpus.docs[d].mentions[i];
            let from = m.entity;
            m.entity = to;
            m.kind = kind;
            self.touch(from);
            self.names_in(to, d);
        }
        self.touch(to);
        found.len()
    }

    fn remove(&mut self, found: &[(usize, usize)]) -> usize {
        let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::default();
        for &(d, i) in found {
            by_doc.entry(d).or_default().push(i);
        }
        for (d, gone) in by_doc {
            for &i in &gone {
                self.touch(self.corpus.docs[d].mentions[i].entity);
            }
            let mentions = &mut self.corpus.docs[d].mentions;
            let mut i = 0;
            mentions.retain(|_| {
                let keep = !gone.contains(&i);
                i += 1;
                keep
            });
        }
        found.len()
    }

    /// Adds a mention of `e` at a span unless one overlaps it; returns whether it did.
    fn add_at(&mut self, d: usize, start: usize, end: usize, e: usize) -> bool {
        let kind = self.corpus.entities[e].kind;
        let doc = &self.corpus.docs[d];
        if doc.mentions.iter().any(|m| m.start < end && start < m.end) {
            return false;
        }
        self.names_in(e, d);
        let mentions = &mut self.corpus.docs[d].mentions;
        let at = mentions.partition_point(|m| m.start < start);
        mentions.insert(
            at,
            Mention {
                kind,
                start,
                end,
                entity: e,
                value: None,
            },
        );
        true
    }

    fn apply(&mut self, op: &Op) -> Found<usize> {
        match op {
            Op::Merge { from, into, scope } => {
                let (f, t) = (self.entity(from)?, self.entity(into)?);
                if f == t {
                    return Err("the two are already one entity".into());
                }
                let found = self.in_scope(f, scope)?;
                let n = self.reassign(&found, t);
                if *scope == Scope::Corpus {
                    self.redirect(f, Some(t));
                }
                Ok(n)
            }
            Op::Split {
                entity,
                mentions,
                name,
            } => {
                let e = self.entity(entity)?;
                let tried: Vec<Found<(usize, usize)>> =
                    mentions.iter().map(|a| self.mention_at(a, e)).collect();
                let found: Vec<(usize, usize)> = tried
                    .iter()
                    .filter_map(|t| t.as_ref().ok().copied())
                    .collect();
                if found.is_empty() {
                    return Err(tried
                        .into_iter()
                        .find_map(Result::err)
                        .unwrap_or_else(|| "it moves no mention".into()));
                }
                let kind = self.corpus.entities[e].kind;
                let to = self.made(kind, name);
                if to == e {
                    return Err("the new entity has the old one's name".into());
                }
                Ok(self.reassign(&found, to))
            }
            Op::Rename { entity, name } => {
                let e = self.entity(entity)?;
                self.corpus.entities[e].name = name.clone();
                Ok(self.corpus.entities[e].all_mention_count)
            }
            Op::Retype {
                entity,
                kind,
                scope,
            } => {
                let e = self.entity(entity)?;
                if *scope == Scope::Corpus {
                    let found = self.in_scope(e, scope)?;
                    let ent = &mut self.corpus.entities[e];
                    ent.kind = *kind;
                    if *kind != EntityType::Place {
                        (ent.coords, ent.place) = (None, None);
                        ent.alternatives.clear();
                    }
                    return Ok(self.reassign(&found, e));
                }
                let found = self.in_scope(e, scope)?;
                let name = self.corpus.entities[e].name.clone();
                let to = self.made(*kind, &name);
                Ok(self.reassign(&found, to))
            }
            Op::Delete { entity, scope } => {
                let e = self.entity(entity)?;
                let found = self.in_scope(e, scope)?;
                let n = self.remove(&found);
                if *scope == Scope::Corpus {
                    self.redirect(e, None);
                }
                Ok(n)
            }
            Op::Add {
                text,
                kind,
                entity,
                name,
                scope,
            } => {
                if text.trim().is_empty() {
                    return Err("no text to mark".into());
                }
                let e = match entity {
                    Some(key) => self.entity(key)?,
                    None => self.made(*kind, name),
                };
                let spans: Vec<(usize, usize)> = match scope {
                    Scope::Mention { at } => {
                        let (d, s, _) = self.locate(at)?;
                        vec![(d, s)]
                    }
                    Scope::Article { doc, name, .. } => {
                        let d = self.doc(doc, name)?;
                        occurrences(&self.corpus.docs[d].text, text)
                            .map(|s| (d, s))
                            .collect()
                    }
                    Scope::Corpus => (0..self.corpus.docs.len())
                        .flat_map(|d| {
                            occurrences(&self.corpus.docs[d].text, text)
                                .map(move |s| (d, s))
                                .collect::<Vec<_>>()
                        })
                        .collect(),
                };
                let mut n = 0;
                for (d, s) in spans {
                    if self.add_at(d, s, s + text.len(), e) {
                        n += 1;
                    }
                }
                self.touch(e);
                if n == 0 {
                    return Err(format!("every “{text}” it would mark is already a mention"));
                }
                Ok(n)
            }
            Op::Distinct { a, b } => {
                self.entity(a)?;
                self.entity(b)?;
                Ok(0)
            }
        }
    }

    /// Counts the touched entities again, then drops the emptied ones and closes up the ids.
    fn finish(self) {
        let corpus = self.corpus;
        let touched = |e: usize| self.touched.get(e).copied().unwrap_or(false);
        let n = corpus.entities.len();
        // an entity has few forms: a short list searched in order beats hashing each mention
        let mut forms: HashMap<usize, Vec<(&str, usize)>> = HashMap::default();
        let mut last_doc: HashMap<usize, (usize, bool)> = HashMap::default();
        for e in (0..n).filter(|&e| touched(e)) {
            let ent = &mut corpus.entities[e];
            (ent.mention_count, ent.doc_count) = (0, 0);
            (ent.all_mention_count, ent.all_doc_count) = (0, 0);
        }
        for (d, doc) in corpus.docs.iter().enumerate() {
            for m in doc.mentions.iter().filter(|m| touched(m.entity)) {
                let in_text = !doc.article.in_furniture(m.start);
                let ent = &mut corpus.entities[m.entity];
                ent.all_mention_count += 1;
                ent.mention_count += usize::from(in_text);
                let form = &doc.text[m.start..m.end];
                let list = forms.entry(m.entity).or_default();
                match list.iter_mut().find(|(f, _)| *f == form) {
                    Some((_, n)) => *n += 1,
                    None => list.push((form, 1)),
                }
                let seen = last_doc.entry(m.entity).or_insert((usize::MAX, false));
                if seen.0 != d {
                    *seen = (d, false);
                    ent.all_doc_count += 1;
                }
                if in_text && !seen.1 {
                    seen.1 = true;
                    ent.doc_count += 1;
                }
            }
        }
        let aliases: Vec<(usize, Vec<String>)> = forms
            .into_iter()
            .map(|(e, f)| {
                let owned = f.into_iter().map(|(f, n)| (f.to_string(), n)).collect();
                (e, aliases_of(owned).into_iter().map(|(f, _)| f).collect())
            })
            .collect();
        for (e, a) in aliases {
            corpus.entities[e].aliases = a;
        }
        if corpus.entities.iter().all(|e| e.all_mention_count > 0) {
            return;
        }
        let mut remap = vec![usize::MAX; n];
        let mut kept = Vec::with_capacity(n);
        for (e, mut ent) in std::mem::take(&mut corpus.entities).into_iter().enumerate() {
            if ent.all_mention_count > 0 {
                remap[e] = kept.len();
                ent.id = kept.len();
                kept.push(ent);
            }
        }
        corpus.entities = kept;
        for doc in &mut corpus.docs {
            for m in &mut doc.mentions {
                m.entity = remap[m.entity];
            }
        }
    }
}

/// How many times `text` occurs as whole words in article `doc`, or in every article (what
/// "apply to every occurrence" would mark, before overlaps with mentions are left out).
pub fn occurrences_in(corpus: &Corpus, text: &str, doc: Option<usize>) -> usize {
    if text.trim().is_empty() {
        return 0;
    }
    match doc {
        Some(d) => corpus
            .docs
            .get(d)
            .map_or(0, |x| occurrences(&x.text, text).count()),
        None => corpus
            .docs
            .iter()
            .map(|x| occurrences(&x.text, text).count())
            .sum(),
    }
}

/// The mentions of entity `e`, as (article, index), in corpus order, at most `limit`.
pub fn mentions_of(corpus: &Corpus, e: usize, limit: usize) -> Vec<(usize, usize)> {
    corpus
        .docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.mentions
                .iter()
                .enumerate()
                .filter(move |(_, m)| m.entity == e)
                .map(move |(i, _)| (d, i))
        })
        .take(limit)
        .collect()
}

/// The readable part of a key: the name after its prefix and type.
pub fn key_name(key: &str) -> &str {
    let rest = key.split_once(':').map_or(key, |(_, r)| r);
    match rest.split_once(':') {
        Some((t, name)) if EntityType::parse(t).is_some() => name,
        _ => rest,
    }
}

/// Replays entries over a linked corpus, in order; says what each did. `hashes` gives each
/// article's content hash where the caller keeps them (else they are computed).
pub fn apply(corpus: &mut Corpus, entries: &[Entry], hashes: Option<&[String]>) -> Vec<Outcome> {
    if entries.is_empty() {
        return Vec::new();
    }
    let keys = corpus
        .entities
        .iter()
        .map(|e| (e.key.clone(), Some(e.id)))
        .collect();
    let computed: Vec<String>;
    let hashes: &[String] = match hashes {
        Some(h) => h,
        None => {
            computed = corpus.docs.iter().map(|d| content_hash(&d.text)).collect();
            &computed
        }
    };
    let hashes: HashMap<&str, usize> = hashes
        .iter()
        .enumerate()
        .map(|(d, h)| (h.as_str(), d))
        .collect();
    let touched = vec![false; corpus.entities.len()];
    // the articles naming each entity: counted first, so each list is allocated once
    let mut sizes = vec![0u32; corpus.entities.len()];
    for doc in &corpus.docs {
        let mut last = usize::MAX;
        for m in &doc.mentions {
            if m.entity != last {
                sizes[m.entity] += 1;
                last = m.entity;
            }
        }
    }
    let mut docs_of: Vec<Vec<u32>> = sizes
        .iter()
        .map(|&n| Vec::with_capacity(n as usize))
        .collect();
    for (d, doc) in corpus.docs.iter().enumerate() {
        for m in &doc.mentions {
            let list = &mut docs_of[m.entity];
            if list.last() != Some(&(d as u32)) {
                list.push(d as u32);
            }
        }
    }
    let mut r = Replay {
        corpus,
        keys,
        hashes,
        touched,
        docs_of,
    };
    let out = entries
        .iter()
        .map(|e| match r.apply(&e.op) {
            Ok(changed) => Outcome {
                id: e.id,
                changed,
                orphan: None,
            },
            Err(why) => Outcome {
                id: e.id,
                changed: 0,
                orphan: Some(why),
            },
        })
        .collect();
    r.finish();
    out
}

/// An operation in words, with the names it has in `corpus` now (for the log's label).
pub fn describe(corpus: &Corpus, op: &Op) -> String {
    let name = |key: &str| {
        corpus
            .entities
            .iter()
            .find(|e| e.key == key)
            .map_or_else(|| key_name(key).to_string(), |e| e.name.clone())
    };
    let scope = |s: &Scope| match s {
        Scope::Mention { at } => format!("one mention in {}", at.name),
        Scope::Article { name, text, .. } => format!("“{text}” in {name}"),
        Scope::Corpus => "everywhere".to_string(),
    };
    match op {
        Op::Merge {
            from,
            into,
            scope: s,
        } => {
            format!(
                "Merged “{}” into “{}” ({})",
                name(from),
                name(into),
                scope(s)
            )
        }
        Op::Split {
            entity,
            mentions,
            name: to,
        } => format!(
            "Split {} mention{} of “{}” off as “{to}”",
            mentions.len(),
            if mentions.len() == 1 { "" } else { "s" },
            name(entity)
        ),
        Op::Rename { entity, name: to } => format!("Renamed “{}” to “{to}”", name(entity)),
        Op::Retype {
            entity,
            kind,
            scope: s,
        } => format!(
            "Made “{}” a {} ({})",
            name(entity),
            kind.singular(),
            scope(s)
        ),
        Op::Delete { entity, scope: s } => {
            format!("Not an entity: “{}” ({})", name(entity), scope(s))
        }
        Op::Add {
            text,
            kind,
            entity,
            name: to,
            scope: s,
        } => {
            let who = entity.as_deref().map_or_else(|| to.clone(), name);
            let s = match s {
                Scope::Mention { at } => format!("once, in {}", at.name),
                Scope::Article { name, .. } => format!("every occurrence in {name}"),
                Scope::Corpus => "every occurrence in the corpus".into(),
            };
            format!("Marked “{text}” as {} “{who}” ({s})", kind.singular())
        }
        Op::Distinct { a, b } => format!("Kept “{}” and “{}” apart", name(a), name(b)),
    }
}

/// A log of `n` corrections spread over the corpus, for benchmarks: a fifth each of deleted
/// mentions, mentions moved to another type, mentions split off, words marked as mentions
/// and renames (every tenth of those a corpus-wide merge of an article's least named entity
/// into another of its type, as a variant spelling is merged), each in another article.
pub fn benchmark_log(corpus: &Corpus, n: usize) -> Log {
    let mut log = Log::default();
    let docs = corpus.docs.len();
    if docs == 0 {
        return log;
    }
    let hashes: Vec<String> = corpus.docs.iter().map(|d| content_hash(&d.text)).collect();
    for i in 0..n {
        let d = (i * 7919) % docs;
        let doc = &corpus.docs[d];
        let at = |j: usize| {
            doc.mentions
                .get(j % doc.mentions.len().max(1))
                .map(|m| (m, Anchor::new(corpus, d, m.start, m.end, Some(&hashes[d]))))
        };
        let key = |m: &Mention| corpus.entities[m.entity].key.clone();
        let op = match (i % 5, at(i / 5)) {
            (_, None) => continue,
            (0, Some((m, a))) => Op::Delete {
                entity: key(m),
                scope: Scope::Mention { at: a },
            },
            (1, Some((m, a))) => Op::Retype {
                entity: key(m),
                kind: if m.kind == EntityType::Org {
                    EntityType::Person
                } else {
                    EntityType::Org
                },
                scope: Scope::Mention { at: a },
            },
            (2, Some((m, a))) => Op::Split {
                entity: key(m),
                mentions: vec![a],
                name: format!("split {i}"),
            },
            (3, _) => {
                // the first word of four letters or more that no mention covers
                let base = doc.text.as_ptr() as usize;
                let word = doc.text.split(|c: char| !c.is_alphabetic()).find_map(|w| {
                    let s = w.as_ptr() as usize - base;
                    let free = !doc
                        .mentions
                        .iter()
                        .any(|m| m.start < s + w.len() && s < m.end);
                    (w.len() >= 4 && free).then_some((s, w))
                });
                let Some((s, w)) = word else { continue };
                Op::Add {
                    text: w.to_string(),
                    kind: EntityType::Event,
                    entity: None,
                    name: format!("added {i}"),
                    scope: Scope::Mention {
                        at: Anchor::new(corpus, d, s, s + w.len(), Some(&hashes[d])),
                    },
                }
            }
            (_, Some((m, _))) if i % 50 == 4 => {
                // a duplicate is the rarer name: the article's least named entity of the type
                let other = doc
                    .mentions
                    .iter()
                    .filter(|o| o.kind == m.kind && o.entity != m.entity)
                    .min_by_key(|o| (corpus.entities[o.entity].all_mention_count, o.entity));
                match other {
                    Some(o) => Op::Merge {
                        from: key(o),
                        into: key(m),
                        scope: Scope::Corpus,
                    },
                    None => continue,
                }
            }
            (_, Some((m, _))) => Op::Rename {
                entity: key(m),
                name: format!("renamed {i}"),
            },
        };
        let label = describe(corpus, &op);
        log.push(op, label, String::new());
    }
    log
}

#[cfg(test)]
mod tests;
