//! Writes a static corpus (the format of [`super`]) from staged documents streamed past it
//! three times, holding no document longer than its batch:
//!
//! 1. [`Build::learn`] each document: the acronyms and gazetteer entries it tells the
//!    others, and its best known date (articles are numbered in date order);
//! 2. [`Build::link`] each, in the same order: entities and their counts;
//! 3. [`Writer::add`] each in [`Build::order`]: its row, its text and its terms go out, the
//!    article and list files as soon as they are full; [`Writer::finish`] writes the terms,
//!    the postings and the root.
//!
//! What it keeps meanwhile is the index, not the articles: the entities, a bitmap per entity,
//! source and type, the postings of every term and each article's length.
//! Output is a function of the documents and their order alone (no clock, no randomness, no
//! hash-map order), so one stage or many give the same bytes.
use super::*;
use crate::index::{self, DateBasis};
use crate::link::Linker;
use crate::{Entity, Staged};

/// Where the files go: a folder, in the command line; memory, in tests.
pub trait Sink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// A sink that keeps the files in memory.
#[derive(Default)]
pub struct MemorySink(pub std::collections::BTreeMap<String, Vec<u8>>);

impl Sink for MemorySink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// What the build wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub articles: u32,
    pub entities: u32,
    pub files: usize,
    /// Files per folder (`t`, `e`, `m`, `a`, `x`).
    pub per_folder: Vec<(String, usize)>,
    pub bytes: u64,
    pub root_bytes: usize,
    /// Files over `MAX_BYTES` (one article or one term's piece too large to cut), and under
    /// `TARGET_BYTES / 2` (the last of a run).
    pub over: usize,
    pub small: usize,
    pub largest: usize,
}

/// Passes one and two.
pub struct Build {
    linker: Linker,
    /// The best known date of each document learnt, in input order.
    dates: Vec<Option<index::Day>>,
}

impl Default for Build {
    fn default() -> Build {
        Build::new()
    }
}

impl Build {
    pub fn new() -> Build {
        Build {
            linker: Linker::empty(),
            dates: Vec::new(),
        }
    }

    /// Pass one: what a document tells the others, and its date.
    pub fn learn(&mut self, s: &Staged) {
        self.linker.learn(s);
        self.dates.push(index::best_date(&s.doc).map(|(d, _)| d));
    }

    /// Pass two, in the order of pass one.
    pub fn link(&mut self, s: &Staged) {
        let _ = self.linker.add_streamed(s);
    }

    /// The input positions in article-id order: by best known date, oldest first, ties and
    /// the undated in input order, the undated last.
    pub fn order(&self) -> Vec<u32> {
        let mut v: Vec<u32> = (0..self.dates.len() as u32).collect();
        v.sort_by_key(|&i| (self.dates[i as usize].unwrap_or(u32::MAX), i));
        v
    }

    /// Ends pass two: the entities, numbered by the articles naming them (most first).
    pub fn writer(self) -> Writer {
        let mut linker = self.linker;
        let entities = linker.take_entities();
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&entities[a], &entities[b]);
            y.doc_count
                .cmp(&x.doc_count)
                .then(y.all_doc_count.cmp(&x.all_doc_count))
                .then(x.key.cmp(&y.key))
                .then(a.cmp(&b))
        });
        let mut renumber = vec![0u32; entities.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new as u32;
        }
        let rows: Vec<EntityRow> = order
            .iter()
            .enumerate()
            .map(|(new, &old)| entity_row(&entities[old], new as u32))
            .collect();
        Writer {
            linker,
            renumber,
            by_entity: vec![RoaringBitmap::new(); rows.len()],
            rows,
            sources: Vec::new(),
            by_source: Vec::new(),
            by_type: Default::default(),
            terms: FxHashMap::default(),
            lengths: Vec::new(),
            months: Vec::new(),
            undated: None,
            next: 0,
            text_bytes: 0,
            list: Packer::new("m"),
            texts: Packer::new("a"),
            written: Vec::new(),
            error: None,
            newest: Vec::new(),
            undated_rows: Vec::new(),
        }
    }
}

fn entity_row(e: &Entity, id: u32) -> EntityRow {
    EntityRow {
        id,
        key: e.key.clone(),
        kind: e.kind.as_str().to_string(),
        name: e.name.clone(),
        aliases: e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .take(5)
            .cloned()
            .collect(),
        mentions: e.mention_count as u32,
        docs: e.doc_count as u32,
        coords: e.coords,
    }
}

/// One document made ready for its place in pass three.
pub struct Prepared {
    /// (entity, type index) the text names.
    in_text: Vec<(u32, usize)>,
    terms: Vec<(String, u32)>,
    length: u32,
    best: Option<index::Day>,
    source: Option<String>,
    row: ArticleRow,
    text: Vec<u8>,
    text_bytes: u64,
}

/// Pass three, and the files.
pub struct Writer {
    linker: Linker,
    renumber: Vec<u32>,
    rows: Vec<EntityRow>,
    by_entity: Vec<RoaringBitmap>,
    sources: Vec<String>,
    by_source: Vec<RoaringBitmap>,
    by_type: [RoaringBitmap; 6],
    /// stem → (article, frequency), articles ascending.
    terms: FxHashMap<String, Vec<(u32, u32)>>,
    lengths: Vec<u32>,
    months: Vec<Month>,
    undated: Option<u32>,
    next: u32,
    text_bytes: u64,
    list: Packer,
    texts: Packer,
    /// (path, compressed size) of every file written.
    written: Vec<(String, usize)>,
    error: Option<std::io::Error>,
    /// The rows of the last dated articles, and of the first undated ones.
    newest: Vec<(u32, ArticleRow)>,
    undated_rows: Vec<(u32, ArticleRow)>,
}

/// Rows of the list's first page the root carries.
const NEWEST: usize = 100;

/// Rows gathered into files of about `TARGET_BYTES` compressed: `{"first":N,"rows":[…]}`.
struct Packer {
    folder: &'static str,
    first: u32,
    rows: Vec<Vec<u8>>,
    raw: usize,
    /// Compressed / raw size of the files so far, to guess when one is full.
    ratio: f64,
    files: Vec<IdFile>,
}

impl Packer {
    fn new(folder: &'static str) -> Packer {
        Packer {
            folder,
            first: 0,
            rows: Vec::new(),
            raw: 0,
            ratio: 0.3,
            files: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<u8>, out: &mut Files<'_>) -> std::io::Result<()> {
        if !self.rows.is_empty()
            && ((self.raw + row.len()) as f64 * self.ratio) as usize > TARGET_BYTES
        {
            self.flush(out)?;
        }
        self.raw += row.len();
        self.rows.push(row);
        Ok(())
    }

    fn flush(&mut self, out: &mut Files<'_>) -> std::io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let first = self.first;
        self.first += rows.len() as u32;
        self.raw = 0;
        self.emit(first, &rows, out)
    }

    /// Writes rows as one file, or as two halves if it comes out over `MAX_BYTES`.
    fn emit(&mut self, first: u32, rows: &[Vec<u8>], out: &mut Files<'_>) -> std::io::Result<()> {
        let mut raw = format!("{{\"first\":{first},\"rows\":[").into_bytes();
        for (i, r) in rows.iter().enumerate() {
            if i > 0 {
                raw.push(b',');
            }
            raw.extend_from_slice(r);
        }
        raw.extend_from_slice(b"]}");
        let z = gzip(&raw);
        if z.len() > MAX_BYTES && rows.len() > 1 {
            let half = rows.len() / 2;
            self.emit(first, &rows[..half], out)?;
            return self.emit(first + half as u32, &rows[half..], out);
        }
        self.ratio = 0.5 * self.ratio + 0.5 * (z.len() as f64 / raw.len().max(1) as f64);
        let file = out.put_compressed(self.folder, &z)?;
        self.files.push(IdFile { first, file });
        Ok(())
    }
}

/// The sink, with the names and sizes of what went into it.
struct Files<'a> {
    sink: &'a mut dyn Sink,
    written: &'a mut Vec<(String, usize)>,
}

impl Files<'_> {
    /// Writes compressed bytes under their hash; returns the name relative to `corpus/`.
    fn put_compressed(&mut self, folder: &str, z: &[u8]) -> std::io::Result<String> {
        let hash = sha256_hex(z);
        let name = format!("{folder}/{}.bin", &hash[..16]);
        if !self.written.iter().any(|(n, _)| *n == name) {
            self.sink.put(&format!("corpus/{name}"), z)?;
            self.written.push((name.clone(), z.len()));
        }
        Ok(name)
    }
}

impl Writer {
    /// Pass three: the next document in `Build::order` (`prepare`, then `commit`).
    pub fn add(&mut self, s: &Staged, sink: &mut dyn Sink) {
        let p = self.prepare(s);
        self.commit(p, sink);
    }

    /// The work on one document that needs nothing of the others: linking it, its terms,
    /// its text file's row. Callers may prepare a batch on every core, then commit it in order.
    pub fn prepare(&self, s: &Staged) -> Prepared {
        let mut doc = self.linker.resolve(s);
        // the page's raw HTML and the body (its lines again) stay out
        doc.html = None;
        doc.article.body = String::new();
        for m in &mut doc.mentions {
            m.entity = self
                .renumber
                .get(m.entity)
                .map_or(usize::MAX, |&n| n as usize);
        }
        let mut named: Vec<u32> = Vec::new();
        let mut in_text: Vec<(u32, usize)> = Vec::new();
        for m in &doc.mentions {
            if m.entity == usize::MAX {
                continue;
            }
            named.push(m.entity as u32);
            if !doc.article.in_furniture(m.start) {
                let t = EntityType::ALL
                    .iter()
                    .position(|x| *x == m.kind)
                    .unwrap_or(0);
                in_text.push((m.entity as u32, t));
            }
        }
        named.sort_unstable();
        named.dedup();
        in_text.sort_unstable();
        in_text.dedup();
        let terms = index::searchable_terms(&doc);
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        for t in &terms {
            *counts
                .entry(search::stem(&t.term).into_owned())
                .or_default() += 1;
        }
        let mut counts: Vec<(String, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        let best = index::best_date(&doc);
        let source = doc.source().map(str::to_string);
        let partial_row = ArticleRow {
            name: doc.name.clone(),
            title: doc.display_title(),
            date: best.map(|(d, _)| day_string(d)),
            basis: best.map(|(_, b): (_, DateBasis)| basis_name(b).to_string()),
            source: None,
            terms: terms.len() as u32,
        };
        let text_bytes = doc.text.len() as u64;
        let text = ArticleText {
            entities: named
                .iter()
                .map(|&e| {
                    let mut r = self.rows[e as usize].clone();
                    r.aliases.clear();
                    r
                })
                .collect(),
            doc,
        };
        Prepared {
            in_text,
            terms: counts,
            length: terms.len() as u32,
            best: best.map(|(d, _)| d),
            source,
            row: partial_row,
            text: to_json(&text),
            text_bytes,
        }
    }

    /// Pass three's part in order: the document's postings, month, row and text go out.
    pub fn commit(&mut self, p: Prepared, sink: &mut dyn Sink) {
        if self.error.is_some() {
            return;
        }
        if let Err(e) = self.commit_inner(p, sink) {
            self.error = Some(e);
        }
    }

    fn commit_inner(&mut self, p: Prepared, sink: &mut dyn Sink) -> std::io::Result<()> {
        let id = self.next;
        self.next += 1;
        for &(e, t) in &p.in_text {
            self.by_entity[e as usize].insert(id);
            self.by_type[t].insert(id);
        }
        let source = p
            .source
            .map(|src| match self.sources.iter().position(|x| *x == src) {
                Some(i) => i,
                None => {
                    self.sources.push(src);
                    self.by_source.push(RoaringBitmap::new());
                    self.sources.len() - 1
                }
            });
        if let Some(i) = source {
            self.by_source[i].insert(id);
        }
        self.lengths.push(p.length);
        for (term, n) in p.terms {
            self.terms.entry(term).or_default().push((id, n));
        }
        match p.best {
            Some(day) => {
                let month = day_string(day)[..7].to_string();
                match self.months.last_mut() {
                    Some(m) if m.month == month => m.count += 1,
                    _ => self.months.push(Month {
                        month,
                        first: id,
                        count: 1,
                    }),
                }
            }
            None => {
                self.undated.get_or_insert(id);
            }
        }
        self.text_bytes += p.text_bytes;
        let mut row = p.row;
        row.source = source.map(|i| i as u32);
        let mut out = Files {
            sink,
            written: &mut self.written,
        };
        if p.best.is_some() {
            // the newest dated articles, for the root (the list's first page with no filter)
            self.newest.push((id, row.clone()));
            if self.newest.len() > NEWEST * 2 {
                self.newest.drain(..NEWEST);
            }
        } else {
            self.undated_rows.push((id, row.clone()));
            self.undated_rows.truncate(NEWEST);
        }
        self.list.push(to_json(&row), &mut out)?;
        self.texts.push(p.text, &mut out)?;
        Ok(())
    }

    /// Writes the terms, the postings and the root; checks the file counts.
    pub fn finish(mut self, sink: &mut dyn Sink) -> Result<Report, String> {
        if let Some(e) = self.error.take() {
            return Err(format!("cannot write the corpus: {e}"));
        }
        let mut out = Files {
            sink,
            written: &mut self.written,
        };
        let io = |e: std::io::Error| format!("cannot write the corpus: {e}");
        self.list.flush(&mut out).map_err(io)?;
        self.texts.flush(&mut out).map_err(io)?;
        let articles = self.next;
        let mean = self.lengths.iter().map(|&l| l as f64).sum::<f64>() / f64::from(articles.max(1));
        let len32 =
            |l: u32| ((f64::from(l) / mean.max(1.0) * 32.0).round() as u32).clamp(1, 255) as u8;
        // terms, sorted; a common term's postings tiered
        let mut terms: Vec<(String, Vec<(u32, u32)>)> = self.terms.drain().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let mut records: Vec<(String, Vec<u8>)> = Vec::with_capacity(terms.len());
        for (term, list) in terms {
            let postings: Vec<Posting> = list
                .iter()
                .map(|&(id, tf)| Posting {
                    id,
                    tf,
                    len32: len32(self.lengths[id as usize]),
                })
                .collect();
            let mut rec = Vec::new();
            if postings.len() > TIER_DF {
                let all: RoaringBitmap = postings.iter().map(|p| p.id).collect();
                let mut top = postings.clone();
                top.sort_by(|a, b| impact(b).total_cmp(&impact(a)).then(a.id.cmp(&b.id)));
                top.truncate(TIER_TOP);
                top.sort_by_key(|p| p.id);
                let bits = serialize(&all);
                rec.push(1);
                write_varint(&mut rec, bits.len() as u32);
                rec.extend(bits);
                encode_postings(&mut rec, &top);
            } else {
                rec.push(0);
                encode_postings(&mut rec, &postings);
            }
            records.push((term, rec));
        }
        let mut term_files = Vec::new();
        pack_binary(
            &records,
            |r| r.1.len() + r.0.len(),
            &|chunk, _| terms_file(chunk),
            "t",
            &mut out,
            &mut |i, file| {
                term_files.push(TermRange {
                    first: records[i].0.clone(),
                    file,
                })
            },
        )
        .map_err(io)?;
        // postings: the entities (with their rows), then the sources, then the types
        let entities = self.rows.len() as u32;
        let mut keyed: Vec<(Option<EntityRow>, Vec<u8>)> = Vec::new();
        for (row, b) in self.rows.iter().zip(&self.by_entity) {
            keyed.push((Some(row.clone()), serialize(b)));
        }
        for b in &self.by_source {
            keyed.push((None, serialize(b)));
        }
        for b in &self.by_type {
            keyed.push((None, serialize(b)));
        }
        let mut posting_files = Vec::new();
        pack_binary(
            &keyed,
            |k| k.1.len() + 60,
            &postings_file,
            "e",
            &mut out,
            &mut |i, file| {
                posting_files.push(IdFile {
                    first: i as u32,
                    file,
                })
            },
        )
        .map_err(io)?;
        // the root
        let mut top = Vec::new();
        for t in EntityType::ALL {
            top.extend(
                self.rows
                    .iter()
                    .filter(|r| r.kind == t.as_str() && r.docs > 0 && !r.key.starts_with("u:"))
                    .take(TOP_PER_TYPE)
                    .cloned(),
            );
        }
        let root_file = Root {
            version: VERSION,
            articles,
            entities,
            text_bytes: self.text_bytes,
            mean_terms: mean as f32,
            sources: self
                .sources
                .iter()
                .zip(&self.by_source)
                .map(|(n, b)| Facet {
                    name: n.clone(),
                    count: b.len() as u32,
                })
                .collect(),
            types: EntityType::ALL
                .iter()
                .zip(&self.by_type)
                .map(|(t, b)| Facet {
                    name: t.as_str().to_string(),
                    count: b.len() as u32,
                })
                .collect(),
            months: std::mem::take(&mut self.months),
            undated: self.undated.unwrap_or(articles),
            top,
            newest: {
                let mut rows: Vec<(u32, ArticleRow)> = std::mem::take(&mut self.newest);
                rows.reverse();
                rows.truncate(NEWEST);
                let room = NEWEST - rows.len();
                rows.extend(self.undated_rows.drain(..).take(room));
                rows
            },
            terms: term_files,
            postings: posting_files,
            rows: std::mem::take(&mut self.list.files),
            texts: out
                .put_compressed("x", &gzip(&to_json(&self.texts.files)))
                .map_err(io)?,
        };
        let root = gzip(&to_json(&root_file));
        out.sink.put(ROOT, &root).map_err(io)?;
        // the counts
        let mut per_folder: Vec<(String, usize)> = Vec::new();
        for (name, _) in out.written.iter() {
            let folder = name.split('/').next().unwrap_or("").to_string();
            match per_folder.iter_mut().find(|(f, _)| *f == folder) {
                Some((_, n)) => *n += 1,
                None => per_folder.push((folder, 1)),
            }
        }
        per_folder.sort();
        let files = out.written.len() + 1;
        if files > MAX_FILES {
            return Err(format!(
                "the corpus would take {files} files, more than the {MAX_FILES} a static host such as Cloudflare Pages accepts"
            ));
        }
        let sizes = out.written.iter().map(|(_, s)| *s);
        Ok(Report {
            articles,
            entities,
            files,
            per_folder,
            bytes: sizes.clone().map(|s| s as u64).sum::<u64>() + root.len() as u64,
            root_bytes: root.len(),
            over: sizes.clone().filter(|&s| s > MAX_BYTES).count(),
            small: sizes.clone().filter(|&s| s < TARGET_BYTES / 2).count(),
            largest: sizes.max().unwrap_or(0),
        })
    }
}

/// What a posting weighs in BM25 apart from the term's idf (the top tier's order).
fn impact(p: &Posting) -> f32 {
    let tf = p.tf as f32;
    let rel = f32::from(p.len32.max(1)) / 32.0;
    tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * rel))
}

fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

fn serialize(b: &RoaringBitmap) -> Vec<u8> {
    let mut v = Vec::with_capacity(b.serialized_size());
    let _ = b.serialize_into(&mut v);
    v
}

/// A term file's bytes: the fst over the records' terms, then the records.
fn terms_file(chunk: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut region = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (term, rec) in chunk {
        let _ = builder.insert(term, region.len() as u64);
        region.extend_from_slice(rec);
    }
    let map = builder.into_inner().unwrap_or_default();
    let mut out = (map.len() as u32).to_le_bytes().to_vec();
    out.extend(map);
    out.extend(region);
    out
}

/// Cuts items into files of about `TARGET_BYTES` compressed, by a size guess corrected by
/// each file written; `each(first index, name)` is told every file.
fn pack_binary<T>(
    items: &[T],
    size: impl Fn(&T) -> usize,
    encode: &dyn Fn(&[T], usize) -> Vec<u8>,
    folder: &str,
    out: &mut Files<'_>,
    each: &mut dyn FnMut(usize, String),
) -> std::io::Result<()> {
    let mut ratio = 0.6;
    let mut start = 0;
    while start < items.len() {
        let mut end = start;
        let mut raw = 0;
        while end < items.len()
            && (end == start || ((raw + size(&items[end])) as f64 * ratio) as usize <= TARGET_BYTES)
        {
            raw += size(&items[end]);
            end += 1;
        }
        loop {
            let bytes = encode(&items[start..end], start);
            let z = gzip(&bytes);
            if z.len() > MAX_BYTES && end - start > 1 {
                end = start + (end - start) / 2;
                continue;
            }
            ratio = 0.5 * ratio + 0.5 * (z.len() as f64 / bytes.len().max(1) as f64);
            let name = out.put_compressed(folder, &z)?;
            each(start, name);
            break;
        }
        start = end;
    }
    Ok(())
}

/// A postings file's bytes: the header (first key, bitmap lengths, the entities' rows),
/// then the bitmaps.
fn postings_file(items: &[(Option<EntityRow>, Vec<u8>)], first: usize) -> Vec<u8> {
    let header = PostingsHeader {
        first: first as u32,
        lens: items.iter().map(|i| i.1.len() as u32).collect(),
        rows: items.iter().filter_map(|i| i.0.clone()).collect(),
    };
    let head = to_json(&header);
    let mut out = (head.len() as u32).to_le_bytes().to_vec();
    out.extend(head);
    for i in items {
        out.extend_from_slice(&i.1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the static corpus of texts, as the command line does.
    fn build(texts: &[&str]) -> (MemorySink, Report) {
        let corpus_inputs: Vec<dossier_model::Input> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| dossier_model::Input::new(format!("{i}.txt"), t.as_bytes().to_vec()))
            .collect();
        let (staged, _) = dossier_extract::stage_all(corpus_inputs);
        let mut b = Build::new();
        for s in &staged {
            b.learn(s);
        }
        for s in &staged {
            b.link(s);
        }
        let order = b.order();
        let mut w = b.writer();
        let mut sink = MemorySink::default();
        for i in order {
            w.add(&staged[i as usize], &mut sink);
        }
        let report = w.finish(&mut sink).unwrap();
        (sink, report)
    }

    fn load(sink: &MemorySink) -> (Root, Cache) {
        let root = Root::from_json(&gunzip(&sink.0[ROOT]).unwrap()).unwrap();
        let mut cache = Cache::default();
        for (path, bytes) in &sink.0 {
            if path == ROOT {
                continue;
            }
            let file = path.strip_prefix("corpus/").unwrap();
            assert!(hash_matches(file, &sha256_hex(bytes)), "{file}");
            cache.insert(file, &gunzip(bytes).unwrap()).unwrap();
        }
        (root, cache)
    }

    const TEXTS: &[&str] = &[
        "Kim Jong Un met Vladimir Putin in Vladivostok on 13 September 2023. They spoke of missiles.\n\nThe talks lasted four hours.",
        "Published: 2024-06-19\n\nVladimir Putin visited Pyongyang. Kim Jong Un greeted him at the airport.",
        "Russia fired Hwasong-11 missiles supplied by North Korea at Kharkiv, Ukraine said on 2 January 2024.",
    ];

    #[test]
    fn a_static_corpus_answers_as_the_corpus_does() {
        let (sink, report) = build(TEXTS);
        assert_eq!(report.articles, 3);
        let (root, cache) = load(&sink);
        // ids are in date order: September 2023, January 2024, June 2024
        let title = |id| cache.row(&root, id).unwrap().unwrap().name.clone();
        assert_eq!([title(0), title(1), title(2)], ["0.txt", "2.txt", "1.txt"]);
        assert_eq!(
            root.months
                .iter()
                .map(|m| m.month.as_str())
                .collect::<Vec<_>>(),
            ["2023-09", "2024-01", "2024-06"]
        );
        // the most-named entities come first: Putin and Kim are in two articles
        let putin = root
            .top
            .iter()
            .find(|e| e.name == "Vladimir Putin")
            .unwrap();
        assert_eq!(putin.docs, 2);
        assert!(putin.id < 4, "{putin:?}");
        // no filter: the root answers alone, as the postings would
        let bare = answer(&root, &Cache::default(), &ShardFilter::default()).unwrap();
        assert_eq!(bare.ids, vec![2, 1, 0]);
        let every = ShardFilter {
            dates: Some((0, u32::MAX)),
            ..ShardFilter::default()
        };
        let counted = answer(&root, &cache, &every).unwrap();
        assert_eq!(
            facet_counts(&root, &Cache::default(), &bare).unwrap(),
            facet_counts(&root, &cache, &counted).unwrap()
        );
        assert_eq!(bare.months, counted.months);
        // counts need the postings; the results do not
        let missile = ShardFilter {
            text: "missile".into(),
            ..ShardFilter::default()
        };
        let mut terms_only = Cache::default();
        for (path, bytes) in &sink.0 {
            if let Some(f) = path.strip_prefix("corpus/").filter(|f| f.starts_with("t/")) {
                terms_only.insert(f, &gunzip(bytes).unwrap()).unwrap();
            }
        }
        let a = answer(&root, &terms_only, &missile).unwrap();
        assert_eq!(a.total, 2);
        assert!(facet_counts(&root, &terms_only, &a).is_err());
        let c = facet_counts(&root, &cache, &a).unwrap();
        assert_eq!(c.count(putin.id), 1, "Putin is in one of the two");
        // an entity filter
        let f = ShardFilter {
            entities: vec![putin.id],
            ..ShardFilter::default()
        };
        let a = answer(&root, &cache, &f).unwrap();
        assert_eq!(a.total, 2);
        assert_eq!(a.ids, vec![2, 0], "newest first");
        // newest first by default, best first when asked
        let by_date = answer(
            &root,
            &cache,
            &ShardFilter {
                text: "missile".into(),
                ..ShardFilter::default()
            },
        )
        .unwrap();
        assert_eq!(by_date.ids, vec![1, 0]);
        // search by stem: "missile" finds both articles that say "missiles"
        let f = ShardFilter {
            text: "missile".into(),
            ..ShardFilter::default()
        };
        let mut ids = answer(&root, &cache, &f).unwrap().ids;
        ids.sort();
        assert_eq!(ids, vec![0, 1]);
        // a prefix, and every word must match
        let f = ShardFilter {
            text: "vladi* talks".into(),
            ..ShardFilter::default()
        };
        assert_eq!(answer(&root, &cache, &f).unwrap().ids, vec![0]);
        let f = ShardFilter {
            text: "kharkiv putin".into(),
            ..ShardFilter::default()
        };
        assert!(answer(&root, &cache, &f).unwrap().ids.is_empty());
        // a date range by month
        let f = ShardFilter {
            dates: Some((20240101, 20241231)),
            ..ShardFilter::default()
        };
        assert_eq!(answer(&root, &cache, &f).unwrap().total, 2);
        // the article's text, its mentions pointing at the sharded ids
        let text = cache.text(&root, 0).unwrap().unwrap();
        let m = text
            .doc
            .mentions
            .iter()
            .find(|m| text.doc.mention_text(m) == "Vladimir Putin")
            .unwrap();
        assert_eq!(m.entity as u32, putin.id);
        assert!(text
            .entities
            .iter()
            .any(|e| e.id == putin.id && e.name == "Vladimir Putin"));
        assert!(text.doc.html.is_none());
    }

    #[test]
    fn missing_files_are_named_not_guessed() {
        let (sink, _) = build(TEXTS);
        let root = Root::from_json(&gunzip(&sink.0[ROOT]).unwrap()).unwrap();
        let cache = Cache::default();
        let f = ShardFilter {
            text: "missile".into(),
            ..ShardFilter::default()
        };
        match answer(&root, &cache, &f) {
            Err(SearchNeed::Files(Need(files))) => {
                assert!(!files.is_empty());
                assert!(files
                    .iter()
                    .all(|f| sink.0.contains_key(&format!("corpus/{f}"))));
            }
            other => panic!("{other:?}"),
        }
        // a damaged file is an error in words
        let mut cache = Cache::default();
        let e = cache.insert(&root.rows[0].file, b"{not json").unwrap_err();
        assert!(e.0.contains("damaged"), "{e}");
    }

    #[test]
    fn the_same_documents_give_the_same_bytes() {
        let (a, _) = build(TEXTS);
        let (b, _) = build(TEXTS);
        assert_eq!(a.0, b.0);
    }

    #[test]
    fn many_articles_fill_files_of_the_target_size() {
        // 2,600 varied articles: lists, texts and postings cut into files of at most 64 KiB,
        // common words tiered
        let people = [
            "Kim Jong Un",
            "Vladimir Putin",
            "Sergei Shoigu",
            "Choe Son Hui",
            "Andrei Belousov",
        ];
        let places = [
            "Pyongyang",
            "Moscow",
            "Vladivostok",
            "Kursk",
            "Seoul",
            "Kharkiv",
        ];
        let texts: Vec<String> = (0..2600)
            .map(|i| {
                format!(
                    "Report number {i} of the series.\n\n{} met {} in {} on {} March 2024. Officials discussed artillery shells, drones and sanctions number {}. The meeting in {} was the {}th of its kind, word{} said.",
                    people[i % 5], people[(i / 5) % 5], places[i % 6], 1 + i % 28, i * 7, places[(i / 6) % 6], i, i % 97
                )
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (sink, report) = build(&refs);
        assert_eq!(report.over, 0, "{report:?}");
        assert!(report.largest <= MAX_BYTES);
        let (root, cache) = load(&sink);
        assert!(cache.texts.len() > 1 && !root.rows.is_empty(), "{report:?}");
        // every article can be read back, in order
        for id in [0, 700, 2599] {
            assert!(cache.text(&root, id).unwrap().is_some());
        }
        let file = root.term_file("artilleri").unwrap();
        let tp = cache.terms[file].get("artilleri").unwrap().unwrap();
        assert!(matches!(tp, TermPostings::Tiered { .. }), "{tp:?}");
        let f = ShardFilter {
            text: "artillery".into(),
            ..ShardFilter::default()
        };
        assert_eq!(answer(&root, &cache, &f).unwrap().total, 2600);
        // a common word and a rare one: the rare one decides
        let f = ShardFilter {
            text: "artillery word13".into(),
            ..ShardFilter::default()
        };
        let a = answer(&root, &cache, &f).unwrap();
        assert_eq!(a.total as usize, (0..2600).filter(|i| i % 97 == 13).count());
        assert!(cache.texts.len() > 1, "{report:?}");
    }
}
