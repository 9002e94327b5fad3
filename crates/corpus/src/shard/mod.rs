//! The static corpus: the files `dossier build` writes and the page reads, so that a corpus of
//! a hundred thousand articles is explored from a static host without holding it in memory.
//!
//! A small root (`corpus/root.bin`) gives the counts, the facet summaries, the most-named
//! entities and the table of every other file. The others are immutable, named by the SHA-256
//! of their bytes, gzip-compressed by the build (the page inflates them itself, so any host
//! serves them as they are), and 32–64 KiB each:
//!
//! - `t/` text terms: an `fst` map from each stemmed term to its postings in the same file
//!   (article ids delta-coded as varints, with the term's frequency and the article's length
//!   in 1/32 of the mean); a term in more than `TIER_DF` articles keeps them as a roaring
//!   bitmap and the postings of the `TIER_TOP` it weighs most in, so a cold search for a
//!   common word fetches kilobytes, not every posting;
//! - `e/` postings by key, roaring bitmaps: keys `0..entities` are the entities (numbered by
//!   the articles naming them, most first, so the most-named share the first files), then the
//!   sources, then the types; each entity with its row (names, counts);
//! - `m/` the article list's rows (title, date, source), and `a/` the articles themselves
//!   (cleaned text, lines, mentions and the entities they name), both by article id (the
//!   list of `a/` files is itself a file, `x/`, fetched with the first article). Articles
//!   are numbered in date order, so a date range is a range of ids and the files a timeline
//!   window needs are next to each other.
//!
//! This module is the format and the reading side, pure and without I/O: what a search or a
//! filter needs fetched ([`Need`]), and the answer from the files once they are here. The
//! writing side is [`write`] (feature `build`, for the command line).
#[cfg(feature = "build")]
pub mod write;

use crate::index::search::{self, Clause, TextQuery};
use crate::index::{DateBasis, Day};
use crate::{Document, EntityType};
use roaring::RoaringBitmap;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write as _;

/// The format's version: a page refuses a root of another.
pub const VERSION: u32 = 1;
/// Where the root is, under the site's folder.
pub const ROOT: &str = "corpus/root.bin";
/// Most-named entities of each type the root lists (the facets and the overview).
pub const TOP_PER_TYPE: usize = 40;
/// A file's size the build aims at, and the most it writes (compressed).
pub const TARGET_BYTES: usize = 48 * 1024;
pub const MAX_BYTES: usize = 64 * 1024;
/// The most files a corpus may have, in all and in one folder (Cloudflare Pages takes 20,000).
pub const MAX_FILES: usize = 20_000;

/// The root: everything the page needs to open, and where everything else is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Root {
    pub version: u32,
    pub articles: u32,
    pub entities: u32,
    /// Bytes of article text in the corpus.
    pub text_bytes: u64,
    /// Mean searchable length of an article, in terms (BM25's average).
    pub mean_terms: f32,
    /// Distinct sources, by name; source `i` has posting key `entities + i`.
    pub sources: Vec<Facet>,
    /// The types, in `EntityType::ALL` order; type `i` has posting key
    /// `entities + sources + i`. `count` is the articles whose text names one.
    pub types: Vec<Facet>,
    /// Articles by month of their best known date (ids are in date order).
    pub months: Vec<Month>,
    /// The first article with no known date (they come last); `articles` if none.
    pub undated: u32,
    /// The most-named entities of each type, most first.
    pub top: Vec<EntityRow>,
    /// The rows of the list's first page with no filter (the newest articles), so the page
    /// opens on the root alone.
    pub newest: Vec<(u32, ArticleRow)>,
    /// The files.
    pub terms: Vec<TermRange>,
    pub postings: Vec<IdFile>,
    pub rows: Vec<IdFile>,
    /// The file listing the article files (`x/`: a JSON list of `IdFile`), fetched when the
    /// first article is opened: with thousands of them, the list would weigh most of the root.
    pub texts: String,
}

/// A facet value and the articles with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub name: String,
    pub count: u32,
}

/// The articles of one month: ids `first..first + count`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    pub first: u32,
    pub count: u32,
}

/// A term file: the first term it holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermRange {
    pub first: String,
    pub file: String,
}

/// A file of ids (posting keys or article ids) from `first` to the next file's first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdFile {
    pub first: u32,
    pub file: String,
}

/// An entity as the sharded corpus lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    pub id: u32,
    pub key: String,
    pub kind: String,
    pub name: String,
    /// Other names it goes by, most frequent first (at most five).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub mentions: u32,
    pub docs: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coords: Option<(f32, f32)>,
}

impl EntityRow {
    pub fn entity_type(&self) -> Option<EntityType> {
        EntityType::parse(&self.kind)
    }
}

/// A row of the article list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    pub name: String,
    pub title: String,
    /// Best known date, `YYYY-MM-DD`, and where it comes from (`published`, `page`,
    /// `mentioned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<u32>,
    /// Searchable terms.
    pub terms: u32,
}

/// An article as its file holds it: the document (its page's raw HTML left out), with its
/// mentions' entity ids those of the sharded corpus, and the rows of the entities it names.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ArticleText {
    pub doc: Document,
    pub entities: Vec<EntityRow>,
}

/// A file of rows: ids `first..first + rows.len()`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Rows<T> {
    pub first: u32,
    pub rows: Vec<T>,
}

/// A postings file's header: the bitmaps of keys `first..`, their lengths in the bytes that
/// follow, and the rows of the entities among them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PostingsHeader {
    pub first: u32,
    pub lens: Vec<u32>,
    pub rows: Vec<EntityRow>,
}

/// What cannot be read, in words for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad(what: &str) -> FormatError {
    FormatError(format!("the corpus file is damaged: {what}"))
}

/// Gzip, as the page inflates it (`DecompressionStream('gzip')`), with a fixed header (no
/// time stamp, no name), so equal input gives equal bytes.
pub fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = e.write_all(raw);
    e.finish().unwrap_or_default()
}

/// Inflates a gzip file.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out)?;
    Ok(out)
}

/// SHA-256 in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fetched file's bytes, checked against the hash its name carries, inflated.
pub fn open(file: &str, bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    if !hash_matches(file, &sha256_hex(bytes)) {
        return Err(FormatError(format!(
            "{file} is not the file the corpus was built with (its bytes do not match its name): the site may be half updated"
        )));
    }
    gunzip(bytes).map_err(|_| bad(&format!("{file} does not inflate")))
}

/// The hash part of a file's name: the first 16 hex digits of its SHA-256 (`t/ab12….bin`).
pub fn name_hash(file: &str) -> Option<&str> {
    let base = file.rsplit('/').next()?;
    let hash = base.strip_suffix(".bin")?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
}

/// Whether bytes match the hash their file is named by (given the bytes' SHA-256 in hex).
pub fn hash_matches(file: &str, sha256_hex: &str) -> bool {
    name_hash(file).is_some_and(|h| sha256_hex.starts_with(h))
}

impl Root {
    pub fn from_json(raw: &[u8]) -> Result<Root, FormatError> {
        let v: serde_json::Value =
            serde_json::from_slice(raw).map_err(|_| bad("the root is not JSON"))?;
        let version = v.get("version").and_then(|x| x.as_u64()).unwrap_or(0);
        if version != u64::from(VERSION) {
            return Err(FormatError(format!(
                "this corpus was built in format {version}; this page reads format {VERSION}: build it again with this version's `dossier build`"
            )));
        }
        serde_json::from_value(v).map_err(|e| bad(&format!("the root: {e}")))
    }

    /// Posting key of a source, and of a type.
    pub fn source_key(&self, i: usize) -> u32 {
        self.entities + i as u32
    }
    pub fn type_key(&self, t: EntityType) -> u32 {
        let i = EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0);
        self.entities + self.sources.len() as u32 + i as u32
    }

    /// The file holding id `id` among files by first id.
    fn file_for(files: &[IdFile], id: u32) -> Option<&str> {
        let i = files.partition_point(|f| f.first <= id);
        (i > 0).then(|| files[i - 1].file.as_str())
    }

    pub fn postings_file(&self, key: u32) -> Option<&str> {
        Root::file_for(&self.postings, key)
    }
    pub fn row_file(&self, id: u32) -> Option<&str> {
        (id < self.articles)
            .then(|| Root::file_for(&self.rows, id))
            .flatten()
    }

    /// The term files that may hold `term`, and every term starting with `prefix` (a range
    /// of files).
    pub fn term_file(&self, term: &str) -> Option<&str> {
        let i = self.terms.partition_point(|f| f.first.as_str() <= term);
        (i > 0).then(|| self.terms[i - 1].file.as_str())
    }
    pub fn prefix_files(&self, prefix: &str) -> Vec<&str> {
        let start = self.terms.partition_point(|f| f.first.as_str() <= prefix);
        let mut out = Vec::new();
        if start > 0 {
            out.push(self.terms[start - 1].file.as_str());
        }
        for f in &self.terms[start..] {
            if !f.first.starts_with(prefix) {
                break;
            }
            out.push(f.file.as_str());
        }
        out
    }

    /// The ids of articles whose best known date falls in `from..=to` (`yyyymmdd`), by the
    /// months the root counts: a range, as articles are numbered in date order. Months are
    /// the grain; days inside a month need the article rows.
    pub fn month_range(&self, from: Day, to: Day) -> (u32, u32) {
        let key = |m: &Month| {
            let (y, mo) = m.month.split_once('-').unwrap_or(("0", "0"));
            y.parse::<u32>().unwrap_or(0) * 10_000 + mo.parse::<u32>().unwrap_or(0) * 100
        };
        let mut start = None;
        let mut end = 0;
        for m in &self.months {
            let k = key(m);
            if k + 31 >= from && k < to {
                start.get_or_insert(m.first);
                end = m.first + m.count;
            }
        }
        match start {
            Some(s) => (s, end),
            None => (0, 0),
        }
    }
}

/// Decodes a postings file's bitmaps and rows.
pub struct PostingsFile {
    pub header: PostingsHeader,
    pub bitmaps: Vec<RoaringBitmap>,
}

impl PostingsFile {
    pub fn parse(raw: &[u8]) -> Result<PostingsFile, FormatError> {
        let (head, mut rest) = split_header(raw)?;
        let header: PostingsHeader =
            serde_json::from_slice(head).map_err(|_| bad("a postings header"))?;
        let mut bitmaps = Vec::with_capacity(header.lens.len());
        for &len in &header.lens {
            let len = len as usize;
            if rest.len() < len {
                return Err(bad("a postings file ends early"));
            }
            let b = RoaringBitmap::deserialize_from(&rest[..len]).map_err(|_| bad("a bitmap"))?;
            bitmaps.push(b);
            rest = &rest[len..];
        }
        Ok(PostingsFile { header, bitmaps })
    }

    pub fn bitmap(&self, key: u32) -> Option<&RoaringBitmap> {
        let i = key.checked_sub(self.header.first)? as usize;
        self.bitmaps.get(i)
    }
    pub fn row(&self, key: u32) -> Option<&EntityRow> {
        let i = key.checked_sub(self.header.first)? as usize;
        self.header.rows.get(i).filter(|r| r.id == key)
    }
}

/// A length-prefixed header (u32, little-endian) and what follows it.
fn split_header(raw: &[u8]) -> Result<(&[u8], &[u8]), FormatError> {
    if raw.len() < 4 {
        return Err(bad("a file is too short"));
    }
    let len = u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as usize;
    if raw.len() < 4 + len {
        return Err(bad("a header runs past its file"));
    }
    Ok((&raw[4..4 + len], &raw[4 + len..]))
}

/// One posting: article, the term's frequency in it, its length in 1/32 of the mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub id: u32,
    pub tf: u32,
    pub len32: u8,
}

/// Where a term's postings are.
#[derive(Clone, Debug, PartialEq)]
pub enum TermPostings {
    /// Every posting (a term in at most `TIER_DF` articles).
    Here(Vec<Posting>),
    /// A common term: every article naming it, as a bitmap, and the postings of the
    /// `TIER_TOP` articles it weighs most in (by BM25), which rank first; the others score as
    /// the least of those, at most what they would.
    Tiered {
        all: RoaringBitmap,
        top: Vec<Posting>,
    },
}

/// Articles past which a term's postings are tiered, and how many the top tier keeps.
pub const TIER_DF: usize = 2048;
pub const TIER_TOP: usize = 512;

impl TermPostings {
    pub fn df(&self) -> u64 {
        match self {
            TermPostings::Here(v) => v.len() as u64,
            TermPostings::Tiered { all, .. } => all.len(),
        }
    }
}

/// A term file: the fst over its terms and their postings.
pub struct TermsFile {
    map: fst::Map<Vec<u8>>,
    region: Vec<u8>,
}

impl TermsFile {
    pub fn parse(raw: &[u8]) -> Result<TermsFile, FormatError> {
        let (head, rest) = split_header(raw)?;
        let map = fst::Map::new(head.to_vec()).map_err(|_| bad("a term dictionary"))?;
        Ok(TermsFile {
            map,
            region: rest.to_vec(),
        })
    }

    /// The postings of a term, if the file holds it.
    pub fn get(&self, term: &str) -> Result<Option<TermPostings>, FormatError> {
        match self.map.get(term) {
            Some(off) => decode_record(&self.region, off as usize).map(Some),
            None => Ok(None),
        }
    }

    /// Every term of the file starting with `prefix`, with its postings.
    pub fn with_prefix(&self, prefix: &str) -> Result<Vec<(String, TermPostings)>, FormatError> {
        use fst::{IntoStreamer, Streamer};
        let mut out = Vec::new();
        let mut stream = self.map.range().ge(prefix).into_stream();
        while let Some((k, off)) = stream.next() {
            if !k.starts_with(prefix.as_bytes()) {
                break;
            }
            let term = String::from_utf8_lossy(k).into_owned();
            out.push((term, decode_record(&self.region, off as usize)?));
        }
        Ok(out)
    }
}

pub(crate) fn read_varint(b: &[u8], pos: &mut usize) -> Result<u32, FormatError> {
    let mut v: u64 = 0;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos).ok_or_else(|| bad("postings end early"))?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(v).map_err(|_| bad("a number too large"));
        }
        shift += 7;
        if shift > 35 {
            return Err(bad("a number too long"));
        }
    }
}

/// Writes a number as a varint (seven bits a byte, low first).
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A run of postings: its count, then each as (id delta, frequency, length).
pub fn decode_postings(b: &[u8], pos: &mut usize) -> Result<Vec<Posting>, FormatError> {
    let n = read_varint(b, pos)? as usize;
    let mut out = Vec::with_capacity(n.min(1 << 20));
    let mut id = 0u32;
    for _ in 0..n {
        id = id
            .checked_add(read_varint(b, pos)?)
            .ok_or_else(|| bad("an article id"))?;
        let tf = read_varint(b, pos)?;
        let len32 = *b.get(*pos).ok_or_else(|| bad("postings end early"))?;
        *pos += 1;
        out.push(Posting { id, tf, len32 });
    }
    Ok(out)
}

/// Writes a run of postings as `decode_postings` reads it.
pub fn encode_postings(out: &mut Vec<u8>, postings: &[Posting]) {
    write_varint(out, postings.len() as u32);
    let mut last = 0;
    for p in postings {
        write_varint(out, p.id - last);
        last = p.id;
        write_varint(out, p.tf);
        out.push(p.len32);
    }
}

fn decode_record(region: &[u8], off: usize) -> Result<TermPostings, FormatError> {
    let mut pos = off;
    let tag = *region.get(pos).ok_or_else(|| bad("a term's postings"))?;
    pos += 1;
    match tag {
        0 => decode_postings(region, &mut pos).map(TermPostings::Here),
        1 => {
            let len = read_varint(region, &mut pos)? as usize;
            let b = region
                .get(pos..pos + len)
                .ok_or_else(|| bad("a term's bitmap"))?;
            pos += len;
            let all = RoaringBitmap::deserialize_from(b).map_err(|_| bad("a term's bitmap"))?;
            let top = decode_postings(region, &mut pos)?;
            Ok(TermPostings::Tiered { all, top })
        }
        _ => Err(bad("a term's postings")),
    }
}

/// What an answer needs fetched first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Need(pub Vec<String>);

/// The files the page has fetched, parsed, by name.
#[derive(Default)]
pub struct Cache {
    pub terms: FxHashMap<String, TermsFile>,
    pub postings: FxHashMap<String, PostingsFile>,
    pub rows: FxHashMap<String, Rows<ArticleRow>>,
    pub texts: FxHashMap<String, Rows<ArticleText>>,
    pub texts_index: Option<Vec<IdFile>>,
}

/// Which family a file belongs to, by its folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Terms,
    Postings,
    Rows,
    Texts,
    TextIndex,
}

impl Family {
    pub fn of(file: &str) -> Option<Family> {
        match file.split('/').next()? {
            "t" => Some(Family::Terms),
            "e" => Some(Family::Postings),
            "m" => Some(Family::Rows),
            "a" => Some(Family::Texts),
            "x" => Some(Family::TextIndex),
            _ => None,
        }
    }
}

impl Cache {
    pub fn has(&self, file: &str) -> bool {
        match Family::of(file) {
            Some(Family::Terms) => self.terms.contains_key(file),
            Some(Family::Postings) => self.postings.contains_key(file),
            Some(Family::Rows) => self.rows.contains_key(file),
            Some(Family::Texts) => self.texts.contains_key(file),
            Some(Family::TextIndex) => self.texts_index.is_some(),
            None => false,
        }
    }

    /// Parses and keeps a fetched file (its bytes inflated and their hash checked).
    pub fn insert(&mut self, file: &str, raw: &[u8]) -> Result<(), FormatError> {
        let json = |what: &str| bad(&format!("{what} ({file})"));
        match Family::of(file) {
            Some(Family::Terms) => {
                self.terms.insert(file.into(), TermsFile::parse(raw)?);
            }
            Some(Family::Postings) => {
                self.postings.insert(file.into(), PostingsFile::parse(raw)?);
            }
            Some(Family::Rows) => {
                let rows = serde_json::from_slice(raw).map_err(|_| json("article rows"))?;
                self.rows.insert(file.into(), rows);
            }
            Some(Family::Texts) => {
                let rows = serde_json::from_slice(raw).map_err(|_| json("articles"))?;
                self.texts.insert(file.into(), rows);
            }
            Some(Family::TextIndex) => {
                let list = serde_json::from_slice(raw).map_err(|_| json("the article files"))?;
                self.texts_index = Some(list);
            }
            None => return Err(FormatError(format!("{file} is not a corpus file"))),
        }
        Ok(())
    }

    fn missing<'a>(&self, files: impl IntoIterator<Item = &'a str>) -> Need {
        let mut out: Vec<String> = Vec::new();
        for f in files {
            if !self.has(f) && !out.iter().any(|o| o == f) {
                out.push(f.to_string());
            }
        }
        Need(out)
    }

    /// The bitmap of a posting key.
    pub fn bitmap(&self, root: &Root, key: u32) -> Result<&RoaringBitmap, Need> {
        let file = root.postings_file(key).ok_or_else(Need::default)?;
        match self.postings.get(file) {
            Some(p) => p.bitmap(key).ok_or_else(Need::default),
            None => Err(Need(vec![file.to_string()])),
        }
    }

    /// An entity's row.
    pub fn entity(&self, root: &Root, id: u32) -> Result<Option<&EntityRow>, Need> {
        if id >= root.entities {
            return Ok(None);
        }
        let file = root.postings_file(id).ok_or_else(Need::default)?;
        match self.postings.get(file) {
            Some(p) => Ok(p.row(id)),
            None => Err(Need(vec![file.to_string()])),
        }
    }

    pub fn row<'a>(&'a self, root: &'a Root, id: u32) -> Result<Option<&'a ArticleRow>, Need> {
        if let Some((_, r)) = root.newest.iter().find(|(i, _)| *i == id) {
            return Ok(Some(r));
        }
        let Some(file) = root.row_file(id) else {
            return Ok(None);
        };
        match self.rows.get(file) {
            Some(r) => Ok(r.rows.get((id - r.first) as usize)),
            None => Err(Need(vec![file.to_string()])),
        }
    }

    pub fn text(&self, root: &Root, id: u32) -> Result<Option<&ArticleText>, Need> {
        if id >= root.articles {
            return Ok(None);
        }
        let Some(index) = &self.texts_index else {
            return Err(Need(vec![root.texts.clone()]));
        };
        let Some(file) = Root::file_for(index, id) else {
            return Ok(None);
        };
        match self.texts.get(file) {
            Some(r) => Ok(r.rows.get((id - r.first) as usize)),
            None => Err(Need(vec![file.to_string()])),
        }
    }

    /// The rows of articles `ids`, or the files they need.
    pub fn rows_of<'a>(&'a self, root: &'a Root, ids: &[u32]) -> Result<Vec<&'a ArticleRow>, Need> {
        let need = self.missing(
            ids.iter()
                .filter(|&&i| !root.newest.iter().any(|(n, _)| *n == i))
                .filter_map(|&i| root.row_file(i)),
        );
        if !need.0.is_empty() {
            return Err(need);
        }
        Ok(ids
            .iter()
            .filter_map(|&i| self.row(root, i).ok().flatten())
            .collect())
    }

    /// A term's postings, from the term file that would hold it (fetched before).
    fn term(&self, root: &Root, stem: &str) -> Result<Option<TermPostings>, FormatError> {
        match root.term_file(stem).and_then(|f| self.terms.get(f)) {
            Some(file) => file.get(stem),
            None => Ok(None),
        }
    }

    /// Full-text search: every clause must match (a phrase as its words, all present);
    /// articles ranked by BM25 over the terms' stems. Returns ids and scores, best first,
    /// or the files it needs.
    pub fn search(&self, root: &Root, q: &TextQuery) -> Result<Vec<(u32, f32)>, SearchNeed> {
        // each clause: the stems it accepts (a prefix may accept many)
        let mut wanted: Vec<Vec<String>> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        for c in &q.clauses {
            match c {
                Clause::Word(w) => wanted.push(vec![search::stem(w).into_owned()]),
                Clause::Phrase(ws) => {
                    for w in ws {
                        wanted.push(vec![search::stem(w).into_owned()]);
                    }
                }
                Clause::Prefix(p) => {
                    prefixes.push(p.clone());
                    wanted.push(Vec::new());
                }
            }
        }
        let files: Vec<&str> = q
            .clauses
            .iter()
            .flat_map(|c| match c {
                Clause::Word(_) | Clause::Phrase(_) => Vec::new(),
                Clause::Prefix(p) => root.prefix_files(p),
            })
            .chain(wanted.iter().flatten().filter_map(|t| root.term_file(t)))
            .collect();
        let need = self.missing(files);
        if !need.0.is_empty() {
            return Err(SearchNeed::Files(need));
        }
        // each clause: the postings it found (a prefix may find many terms)
        let mut clauses: Vec<Vec<TermPostings>> = Vec::new();
        let mut prefix_i = 0;
        for stems in &wanted {
            let mut found: Vec<TermPostings> = Vec::new();
            if stems.is_empty() {
                let p = &prefixes[prefix_i];
                prefix_i += 1;
                for f in root.prefix_files(p) {
                    for (_, tp) in self.terms[f].with_prefix(p).map_err(SearchNeed::Bad)? {
                        found.push(tp);
                    }
                }
                // a word whose stem is shorter than the prefix (`missiles*` → `missil`)
                let s = search::stem(p).into_owned();
                if !s.starts_with(p.as_str()) {
                    found.extend(self.term(root, &s).map_err(SearchNeed::Bad)?);
                }
            } else {
                for s in stems {
                    found.extend(self.term(root, s).map_err(SearchNeed::Bad)?);
                }
            }
            if found.is_empty() {
                return Ok(Vec::new());
            }
            clauses.push(found);
        }
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        Ok(rank(root.articles, &clauses))
    }
}

/// Ranks the articles every clause matches by the sum of their BM25 scores.
fn rank(articles: u32, clauses: &[Vec<TermPostings>]) -> Vec<(u32, f32)> {
    let n = articles.max(1) as f32;
    // each clause: the articles it matches, and their scores where known, with the score of
    // an article a tiered term does not list
    let mut sets: Vec<(RoaringBitmap, FxHashMap<u32, f32>, f32)> = Vec::new();
    for found in clauses {
        let mut set = RoaringBitmap::new();
        let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
        let mut floor = 0.0f32;
        for tp in found {
            let df = tp.df() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let listed = match tp {
                TermPostings::Here(v) => v,
                TermPostings::Tiered { all, top } => {
                    set |= all;
                    let least = top.iter().map(|p| bm25(p, idf)).fold(f32::MAX, f32::min);
                    floor = floor.max(if least == f32::MAX { 0.0 } else { least });
                    top
                }
            };
            for p in listed {
                set.insert(p.id);
                let s = scores.entry(p.id).or_default();
                *s = s.max(bm25(p, idf));
            }
        }
        sets.push((set, scores, floor));
    }
    sets.sort_by_key(|s| s.0.len());
    let mut both = sets[0].0.clone();
    for s in &sets[1..] {
        both &= &s.0;
    }
    let mut out: Vec<(u32, f32)> = both
        .iter()
        .map(|id| {
            let score = sets
                .iter()
                .map(|(_, scores, floor)| scores.get(&id).copied().unwrap_or(*floor))
                .sum();
            (id, score)
        })
        .collect();
    out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

fn bm25(p: &Posting, idf: f32) -> f32 {
    const K1: f32 = 1.2;
    const B: f32 = 0.75;
    let tf = p.tf as f32;
    let rel = f32::from(p.len32.max(1)) / 32.0;
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * rel))
}

/// Why a search cannot answer yet.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchNeed {
    Files(Need),
    Bad(FormatError),
}

/// A filter over a sharded corpus: every entity (or any, with `any`), a source, a type, a
/// date range by month, and a text query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShardFilter {
    pub entities: Vec<u32>,
    pub any: bool,
    pub source: Option<u32>,
    pub kind: Option<EntityType>,
    pub dates: Option<(Day, Day)>,
    pub text: String,
    /// A search's results by relevance (BM25) rather than newest first. Newest first is the
    /// default: the first page's rows are then a file or two of neighbours, where the best
    /// matches of a common word are spread over every period and fetch every file of rows.
    pub best: bool,
}

impl ShardFilter {
    /// Reads the URL's parameters: `q` text, `se` entity ids (comma-separated; ids of this
    /// build), `any`, `src` a source's name, `t` a type, `from`/`to` months (`YYYY-MM`).
    /// What cannot be used is said in the notices, not guessed.
    pub fn from_params<'a>(
        root: &Root,
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (ShardFilter, Vec<String>) {
        let mut f = ShardFilter::default();
        let mut notes = Vec::new();
        let month =
            |v: &str, last: bool| crate::index::partial(v).map(|(a, b)| if last { b } else { a });
        let (mut from, mut to) = (None, None);
        for (k, v) in params {
            match k {
                "q" => f.text = v.to_string(),
                "se" => {
                    for part in v.split(',').filter(|p| !p.is_empty()) {
                        match part.parse::<u32>() {
                            Ok(id) if id < root.entities => f.entities.push(id),
                            _ => notes.push(format!("No entity {part} in this corpus.")),
                        }
                    }
                }
                "any" => f.any = v == "1",
                "sort" => f.best = v == "best",
                "src" => match root.sources.iter().position(|s| s.name == v) {
                    Some(i) => f.source = Some(i as u32),
                    None => notes.push(format!("No source named “{v}” in this corpus.")),
                },
                "t" => match EntityType::parse(v) {
                    Some(t) => f.kind = Some(t),
                    None => notes.push(format!("“{v}” is not an entity type.")),
                },
                "from" => {
                    from = month(v, false).or_else(|| {
                        notes.push(format!("“{v}” is not a month (YYYY-MM)."));
                        None
                    })
                }
                "to" => {
                    to = month(v, true).or_else(|| {
                        notes.push(format!("“{v}” is not a month (YYYY-MM)."));
                        None
                    })
                }
                _ => {}
            }
        }
        if from.is_some() || to.is_some() {
            f.dates = Some((from.unwrap_or(0), to.unwrap_or(u32::MAX)));
        }
        f.entities.dedup();
        (f, notes)
    }

    /// The URL's parameters for the filter (the inverse of `from_params`).
    pub fn to_params(&self, root: &Root) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.text.is_empty() {
            out.push(("q".into(), self.text.clone()));
        }
        if !self.entities.is_empty() {
            let ids: Vec<String> = self.entities.iter().map(u32::to_string).collect();
            out.push(("se".into(), ids.join(",")));
        }
        if self.any {
            out.push(("any".into(), "1".into()));
        }
        if self.best {
            out.push(("sort".into(), "best".into()));
        }
        if let Some(s) = self.source.and_then(|s| root.sources.get(s as usize)) {
            out.push(("src".into(), s.name.clone()));
        }
        if let Some(t) = self.kind {
            out.push(("t".into(), t.as_str().into()));
        }
        if let Some((a, b)) = self.dates {
            if a > 0 {
                out.push(("from".into(), day_string(a)[..7].to_string()));
            }
            if b < u32::MAX {
                out.push(("to".into(), day_string(b)[..7].to_string()));
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        *self == ShardFilter::default()
    }

    /// Adds the entity, or takes it away.
    pub fn toggle_entity(&mut self, id: u32) {
        match self.entities.iter().position(|&e| e == id) {
            Some(i) => {
                self.entities.remove(i);
            }
            None => self.entities.push(id),
        }
    }
}

/// What the page shows for a filter: the matching articles (ranked by the search, else in
/// date order, newest first), and the counts of the facets the root lists within them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    pub ids: Vec<u32>,
    pub total: u32,
    /// The results as a set (what the facet counts intersect).
    pub set: RoaringBitmap,
    /// The filter was empty: the root's own counts are the facets'.
    pub everything: bool,
    /// Results in each of the root's months, in its order.
    pub months: Vec<u32>,
}

/// The facet counts within an answer: posting key (an entity, a source, a type) → results
/// among its articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts(pub Vec<(u32, u32)>);

impl Counts {
    /// The results among the articles of a posting key (0 if the root does not list it).
    pub fn count(&self, key: u32) -> u32 {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0, |(_, n)| *n)
    }
}

/// The counts of the facets the root lists within an answer, or the postings files they
/// need (fetched after the results are shown: a search never waits for them). With no
/// filter the root's counts are the answer.
pub fn facet_counts(root: &Root, cache: &Cache, a: &Answer) -> Result<Counts, Need> {
    if a.everything {
        let mut counts: Vec<(u32, u32)> = root.top.iter().map(|e| (e.id, e.docs)).collect();
        counts.extend(
            root.sources
                .iter()
                .enumerate()
                .map(|(i, s)| (root.source_key(i), s.count)),
        );
        counts.extend(
            EntityType::ALL
                .iter()
                .zip(&root.types)
                .map(|(t, c)| (root.type_key(*t), c.count)),
        );
        return Ok(Counts(counts));
    }
    let keys = facet_keys(root);
    let need = cache.missing(keys.iter().filter_map(|&k| root.postings_file(k)));
    if !need.0.is_empty() {
        return Err(need);
    }
    Ok(Counts(
        keys.into_iter()
            .map(|k| {
                let n = cache
                    .bitmap(root, k)
                    .map_or(0, |b| b.intersection_len(&a.set) as u32);
                (k, n)
            })
            .collect(),
    ))
}

/// How a facet's values are listed: by their count within the results, most first, values
/// none of the results have left out; while the counts are on their way (`None`), in the
/// order given (the corpus's). Returns (index into `values`, count), at most `k`.
fn ranked<T>(
    values: &[T],
    key: impl Fn(&T) -> u32,
    counts: Option<&Counts>,
    k: usize,
) -> Vec<(usize, Option<u32>)> {
    let mut out: Vec<(usize, Option<u32>)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (i, counts.map(|c| c.count(key(v)))))
        .filter(|(_, n)| *n != Some(0))
        .collect();
    out.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    out.truncate(k);
    out
}

/// The root's most-named entities of a type as a facet lists them (`ranked`).
pub fn top_entities<'a>(
    root: &'a Root,
    counts: Option<&Counts>,
    t: EntityType,
    k: usize,
) -> Vec<(&'a EntityRow, Option<u32>)> {
    let of_type: Vec<&EntityRow> = root
        .top
        .iter()
        .filter(|e| e.entity_type() == Some(t))
        .collect();
    ranked(&of_type, |e| e.id, counts, k)
        .into_iter()
        .map(|(i, n)| (of_type[i], n))
        .collect()
}

/// The sources as a facet lists them (`ranked`): (source index, count).
pub fn top_sources(root: &Root, counts: Option<&Counts>, k: usize) -> Vec<(usize, Option<u32>)> {
    let ids: Vec<usize> = (0..root.sources.len()).collect();
    ranked(&ids, |&i| root.source_key(i), counts, k)
}

/// The keys whose counts the page shows next to the results: the root's top entities, the
/// sources and the types.
pub fn facet_keys(root: &Root) -> Vec<u32> {
    let mut keys: Vec<u32> = root.top.iter().map(|e| e.id).collect();
    keys.extend((0..root.sources.len()).map(|i| root.source_key(i)));
    keys.extend(EntityType::ALL.iter().map(|t| root.type_key(*t)));
    keys
}

/// Evaluates a filter, or says which files it needs first (the filter's postings, the
/// search's term files). With no filter the root answers alone, so the page opens on it.
pub fn answer(root: &Root, cache: &Cache, f: &ShardFilter) -> Result<Answer, SearchNeed> {
    let mut set = RoaringBitmap::new();
    set.insert_range(0..root.articles);
    let unfiltered = ShardFilter {
        best: false,
        ..f.clone()
    }
    .is_empty();
    if unfiltered {
        let dated = (0..root.undated).rev();
        return Ok(Answer {
            total: root.articles,
            ids: dated.chain(root.undated..root.articles).collect(),
            set,
            everything: true,
            months: root.months.iter().map(|m| m.count).collect(),
        });
    }
    let mut keys: Vec<u32> = f.entities.clone();
    keys.extend(f.source.map(|s| root.source_key(s as usize)));
    keys.extend(f.kind.map(|t| root.type_key(t)));
    let need = cache.missing(keys.iter().filter_map(|&k| root.postings_file(k)));
    if !need.0.is_empty() {
        return Err(SearchNeed::Files(need));
    }
    let get = |k: u32| cache.bitmap(root, k).ok();
    if !f.entities.is_empty() {
        let maps: Vec<&RoaringBitmap> = f.entities.iter().filter_map(|&k| get(k)).collect();
        set = if f.any {
            maps.iter().fold(RoaringBitmap::new(), |a, b| a | *b)
        } else {
            maps.iter().fold(set, |a, b| a & *b)
        };
    }
    if let Some(s) = f.source {
        set &= get(root.source_key(s as usize))
            .cloned()
            .unwrap_or_default();
    }
    if let Some(t) = f.kind {
        set &= get(root.type_key(t)).cloned().unwrap_or_default();
    }
    if let Some((from, to)) = f.dates {
        let (a, b) = root.month_range(from, to);
        let mut range = RoaringBitmap::new();
        range.insert_range(a..b);
        set &= range;
    }
    let q = TextQuery::parse(&f.text);
    if !q.is_empty() && !f.best {
        // the matches, newest first
        let found: RoaringBitmap = cache
            .search(root, &q)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        set &= found;
    }
    let ids: Vec<u32> = if q.is_empty() || !f.best {
        // newest first, then the undated
        let undated = set.iter().filter(|&i| i >= root.undated);
        set.iter()
            .rev()
            .filter(|&i| i < root.undated)
            .chain(undated)
            .collect()
    } else {
        let found: Vec<u32> = cache
            .search(root, &q)?
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| set.contains(*id))
            .collect();
        set = found.iter().copied().collect();
        found
    };
    let months = root
        .months
        .iter()
        .map(|m| set.range_cardinality(m.first..m.first + m.count) as u32)
        .collect();
    Ok(Answer {
        total: ids.len() as u32,
        ids,
        set,
        everything: false,
        months,
    })
}

/// `yyyymmdd` as `YYYY-MM-DD`.
pub fn day_string(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

/// What a date basis is called in a row.
pub fn basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Published => "published",
        DateBasis::PageDate => "page",
        DateBasis::Mentioned => "mentioned",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_postings_round_trip() {
        let ps = vec![
            Posting {
                id: 3,
                tf: 1,
                len32: 32,
            },
            Posting {
                id: 300,
                tf: 7,
                len32: 9,
            },
            Posting {
                id: 70_000,
                tf: 200,
                len32: 255,
            },
        ];
        let mut b = Vec::new();
        encode_postings(&mut b, &ps);
        let mut pos = 0;
        assert_eq!(decode_postings(&b, &mut pos).unwrap(), ps);
        assert_eq!(pos, b.len());
        // cut short: an error, not a panic
        let mut pos = 0;
        assert!(decode_postings(&b[..b.len() - 2], &mut pos).is_err());
    }

    #[test]
    fn a_file_is_opened_only_if_its_bytes_match_its_name() {
        let z = gzip(b"{\"first\":0,\"rows\":[]}");
        let name = format!("m/{}.bin", &sha256_hex(&z)[..16]);
        assert_eq!(open(&name, &z).unwrap(), b"{\"first\":0,\"rows\":[]}");
        let mut bad = z.clone();
        bad[12] ^= 1;
        assert!(open(&name, &bad).unwrap_err().0.contains("do not match"));
        // a file that matches its name but is not gzip
        let plain = b"plain".to_vec();
        let name = format!("m/{}.bin", &sha256_hex(&plain)[..16]);
        assert!(open(&name, &plain).unwrap_err().0.contains("inflate"));
    }

    #[test]
    fn file_names_carry_their_hash() {
        assert_eq!(
            name_hash("t/0123456789abcdef.bin"),
            Some("0123456789abcdef")
        );
        assert_eq!(name_hash("t/0123.bin"), None);
        assert!(hash_matches("e/0123456789abcdef.bin", "0123456789abcdef99"));
        assert!(!hash_matches(
            "e/0123456789abcdef.bin",
            "f123456789abcdef99"
        ));
    }

    #[test]
    fn a_root_of_another_version_is_refused_in_words() {
        let e = Root::from_json(br#"{"version": 99}"#).unwrap_err();
        assert!(e.0.contains("format 99"), "{e}");
        assert!(Root::from_json(b"\x1f\x8b garbage").is_err());
    }

    #[test]
    fn the_filter_round_trips_through_the_url() {
        let root = Root {
            entities: 10,
            sources: vec![Facet {
                name: "Yonhap".into(),
                count: 3,
            }],
            ..Root::default()
        };
        let f = ShardFilter {
            entities: vec![3, 7],
            any: true,
            source: Some(0),
            kind: Some(EntityType::Weapon),
            dates: Some((20240801, 20240931)),
            text: "missile \"launch site\"".into(),
            best: true,
        };
        let params = f.to_params(&root);
        let (back, notes) =
            ShardFilter::from_params(&root, params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, f);
        assert!(notes.is_empty());
        let (g, notes) = ShardFilter::from_params(
            &root,
            [
                ("se", "3,99"),
                ("src", "Nobody"),
                ("t", "BIRD"),
                ("from", "2024-13"),
            ],
        );
        assert_eq!(g.entities, vec![3]);
        assert_eq!(notes.len(), 4, "{notes:?}");
    }

    #[test]
    fn facets_rank_by_count_within_the_results() {
        let row = |id: u32, kind: &str| EntityRow {
            id,
            kind: kind.into(),
            ..EntityRow::default()
        };
        let root = Root {
            entities: 4,
            top: vec![
                row(0, "PERSON"),
                row(1, "PLACE"),
                row(2, "PERSON"),
                row(3, "PERSON"),
            ],
            sources: vec![Facet::default(), Facet::default()],
            ..Root::default()
        };
        // counts unknown: the corpus's order
        let ids = |v: Vec<(&EntityRow, Option<u32>)>| {
            v.iter().map(|(e, n)| (e.id, *n)).collect::<Vec<_>>()
        };
        assert_eq!(
            ids(top_entities(&root, None, EntityType::Person, 10)),
            vec![(0, None), (2, None), (3, None)]
        );
        // known: most first, none left out, at most k
        let c = Counts(vec![(0, 1), (2, 5), (3, 0), (4, 0), (5, 2)]);
        assert_eq!(
            ids(top_entities(&root, Some(&c), EntityType::Person, 10)),
            vec![(2, Some(5)), (0, Some(1))]
        );
        assert_eq!(
            ids(top_entities(&root, Some(&c), EntityType::Person, 1)),
            vec![(2, Some(5))]
        );
        assert_eq!(top_sources(&root, Some(&c), 10), vec![(1, Some(2))]);
        assert_eq!(top_sources(&root, None, 10), vec![(0, None), (1, None)]);
    }

    #[test]
    fn months_map_to_id_ranges() {
        let root = Root {
            months: vec![
                Month {
                    month: "2024-07".into(),
                    first: 0,
                    count: 5,
                },
                Month {
                    month: "2024-08".into(),
                    first: 5,
                    count: 10,
                },
                Month {
                    month: "2024-09".into(),
                    first: 15,
                    count: 2,
                },
            ],
            ..Root::default()
        };
        assert_eq!(root.month_range(20240801, 20240831), (5, 15));
        assert_eq!(root.month_range(20240715, 20240910), (0, 17));
        assert_eq!(root.month_range(20250101, 20251231), (0, 0));
    }
}
