//! What a reader narrowed the corpus to, as an ordered list of criteria (entities, types,
//! sources, published and mentioned date bounds, a text query); its form in a URL query string
//! (parsing reports what it could not use instead of failing); and its evaluation against the
//! index: the matching articles in order, and facet counts that follow the filter.
//!
//! Within a facet the chosen values are alternatives (Yonhap or KCNA); across facets they all
//! hold. Entities all hold unless `any` is set. Each facet counts the articles matching every
//! criterion but its own, so a reader sees what choosing another value would give. What an
//! article names only in its page furniture counts only when `furniture` is set.
use crate::index::search::TextQuery;
use crate::index::{partial, type_bit, Day, Index};
use crate::{Corpus, Entity, EntityType};
use dossier_model::text::fold::norm_name;
use roaring::RoaringBitmap;

/// One criterion of a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Criterion {
    /// Articles naming this entity (an index into `Corpus::entities`).
    Entity(usize),
    Type(EntityType),
    /// Articles from this source (outlet) name.
    Source(String),
    /// Published on or after the start of this partial date (`2024`, `2024-08`, `2024-08-10`).
    PublishedFrom(String),
    /// Published on or before the end of this partial date.
    PublishedTo(String),
    /// Mentioning a date on or after the start of this partial date.
    MentionedFrom(String),
    MentionedTo(String),
    /// A text query (`words "phrases" prefix*`).
    Text(String),
}

impl Criterion {
    /// The URL parameter name of this criterion.
    pub fn key(&self) -> &'static str {
        match self {
            Criterion::Entity(_) => "e",
            Criterion::Type(_) => "t",
            Criterion::Source(_) => "src",
            Criterion::PublishedFrom(_) => "from",
            Criterion::PublishedTo(_) => "to",
            Criterion::MentionedFrom(_) => "mfrom",
            Criterion::MentionedTo(_) => "mto",
            Criterion::Text(_) => "q",
        }
    }
}

/// The keys of the URL parameters that are filters (and `any`, their mode; `sort`, the order;
/// `raw`, whether page furniture counts).
pub const FILTER_KEYS: &[&str] = &[
    "e", "t", "src", "from", "to", "mfrom", "mto", "q", "any", "sort", "raw",
];

/// The order of the result list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// By the best known date, newest first, undated last.
    Date,
    /// By source name, then newest first; articles without a source last.
    Source,
    /// By relevance to the text query (only with one; otherwise by date).
    Relevance,
}

impl Order {
    pub const ALL: [Order; 3] = [Order::Date, Order::Source, Order::Relevance];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Date => "date",
            Order::Source => "source",
            Order::Relevance => "relevance",
        }
    }

    /// How a list in this order is described ("newest first").
    pub fn label(self) -> &'static str {
        match self {
            Order::Date => "newest first",
            Order::Source => "by source",
            Order::Relevance => "by relevance",
        }
    }

    pub fn parse(s: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// A filter: criteria in the order they were chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub criteria: Vec<Criterion>,
    /// Entities: any of them instead of all of them.
    pub any: bool,
    /// The order asked for (`None`: by relevance with a text query, else by date).
    pub order: Option<Order>,
    /// Count what articles name in their page furniture too (bylines, widgets, promotions).
    pub furniture: bool,
}

/// How an entity is written in a URL: its stable key (`g:PERSON:Kim Jong Un`,
/// `n:ORG:korea vostok`, see [`crate::Entity::key`]), so that a shared link names the same
/// thing after articles are added, extraction improves or a correction renames it.
pub fn entity_ref(corpus: &Corpus, id: usize) -> String {
    corpus.entities[id].key.clone()
}

/// The entity an [`entity_ref`] names, if the corpus has it. A link made before a correction
/// still finds its entity: by its stable key (`g:PERSON:Kim Jong Un`, see
/// [`crate::Entity::key`]), or by a name it is written as (after a rename or a merge, the old
/// name is one of its aliases), the most named such entity first.
pub fn parse_entity_ref(corpus: &Corpus, names: &[String], v: &str) -> Option<usize> {
    if let Some(e) = corpus.entities.iter().position(|e| e.key == v) {
        return Some(e);
    }
    if let Some((kind, n)) = key_parts(v) {
        // a key no entity holds now: merged away, or renamed; its name is an alias of what
        // holds its mentions (compared as keys compare names)
        let n = norm_name(n);
        return most_named(corpus, kind, |e| {
            norm_name(&e.name) == n || e.aliases.iter().any(|a| norm_name(a) == n)
        });
    }
    let (t, n) = v.split_once(':')?;
    let kind = EntityType::parse(t)?;
    names
        .iter()
        .enumerate()
        .position(|(i, name)| name == n && corpus.entities[i].kind == kind)
        .or_else(|| most_named(corpus, kind, |e| e.aliases.iter().any(|a| a == n)))
}

/// The most named entity of this type that `is` accepts.
fn most_named(corpus: &Corpus, kind: EntityType, is: impl Fn(&Entity) -> bool) -> Option<usize> {
    corpus
        .entities
        .iter()
        .filter(|e| e.kind == kind && is(e))
        .max_by_key(|e| (e.all_mention_count, std::cmp::Reverse(e.id)))
        .map(|e| e.id)
}

/// The type and name of a key for a name (`g:`, `n:` or `c:` followed by `TYPE:name`).
fn key_parts(v: &str) -> Option<(EntityType, &str)> {
    let rest = v
        .strip_prefix("g:")
        .or_else(|| v.strip_prefix("n:"))
        .or_else(|| v.strip_prefix("c:"))?;
    let (t, n) = rest.split_once(':')?;
    Some((EntityType::parse(t)?, n))
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }

    /// The entity ids chosen, in order.
    pub fn entities(&self) -> impl Iterator<Item = usize> + '_ {
        self.criteria.iter().filter_map(|c| match c {
            Criterion::Entity(e) => Some(*e),
            _ => None,
        })
    }

    /// The text query, if any (the last one wins).
    pub fn text(&self) -> Option<&str> {
        self.criteria.iter().rev().find_map(|c| match c {
            Criterion::Text(t) => Some(t.as_str()),
            _ => None,
        })
    }

    /// The value of the date bound with URL key `key` (`from`, `to`, `mfrom`, `mto`), if set.
    pub fn bound(&self, key: &str) -> Option<&str> {
        self.criteria.iter().rev().find_map(|c| match c {
            Criterion::PublishedFrom(s)
            | Criterion::PublishedTo(s)
            | Criterion::MentionedFrom(s)
            | Criterion::MentionedTo(s)
                if c.key() == key =>
            {
                Some(s.as_str())
            }
            _ => None,
        })
    }

    /// Whether a criterion is chosen.
    pub fn has(&self, c: &Criterion) -> bool {
        self.criteria.contains(c)
    }

    /// Adds a criterion, or removes it if it is there (a facet click toggles). A text query or a
    /// date bound replaces the one of its key.
    pub fn toggle(&mut self, c: Criterion) {
        if let Some(i) = self.criteria.iter().position(|x| *x == c) {
            self.criteria.remove(i);
            return;
        }
        self.set(c);
    }

    /// Sets a criterion: a text query or date bound replaces the one of its key (an empty one
    /// removes it); an entity, type or source is added if absent.
    pub fn set(&mut self, c: Criterion) {
        let single = matches!(
            c,
            Criterion::Text(_)
                | Criterion::PublishedFrom(_)
                | Criterion::PublishedTo(_)
                | Criterion::MentionedFrom(_)
                | Criterion::MentionedTo(_)
        );
        if single {
            let key = c.key();
            self.criteria.retain(|x| x.key() != key);
            let empty = matches!(&c, Criterion::Text(s) | Criterion::PublishedFrom(s) | Criterion::PublishedTo(s)
                | Criterion::MentionedFrom(s) | Criterion::MentionedTo(s) if s.trim().is_empty());
            if !empty {
                self.criteria.push(c);
            }
        } else if !self.criteria.contains(&c) {
            self.criteria.push(c);
        }
    }

    /// Removes the criterion chosen last; returns it.
    pub fn pop(&mut self) -> Option<Criterion> {
        self.criteria.pop()
    }

    /// Reads a filter from URL parameters (in their order). Parameters it cannot use are
    /// ignored and described in the returned notices; keys that are not filters are skipped
    /// silently (the caller owns them).
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
        corpus: &Corpus,
        names: &[String],
    ) -> (Filter, Vec<String>) {
        let mut f = Filter::default();
        let mut notices = Vec::new();
        for (k, v) in params {
            let c = match k {
                "q" => Some(Criterion::Text(v.to_string())),
                "any" => {
                    match v {
                        "1" | "true" => f.any = true,
                        "0" | "false" => f.any = false,
                        _ => notices
                            .push(format!("“any={v}” is not 1 or 0: entities must all match.")),
                    }
                    None
                }
                "sort" => {
                    match Order::parse(v) {
                        Some(o) => f.order = Some(o),
                        None => notices.push(format!(
                            "“sort={v}” is not an order (date, source or relevance): the list is by date."
                        )),
                    }
                    None
                }
                "raw" => {
                    f.furniture = matches!(v, "1" | "true");
                    None
                }
                "e" => {
                    let found = parse_entity_ref(corpus, names, v);
                    if found.is_none() {
                        notices.push(format!(
                            "No entity “{v}” in this corpus: that filter was ignored."
                        ));
                    }
                    found.map(Criterion::Entity)
                }
                "t" => {
                    let t = EntityType::parse(&v.to_ascii_uppercase());
                    if t.is_none() {
                        notices.push(format!(
                            "“{v}” is not an entity type: that filter was ignored."
                        ));
                    }
                    t.map(Criterion::Type)
                }
                "src" => Some(Criterion::Source(v.to_string())),
                "from" | "to" | "mfrom" | "mto" => {
                    if partial(v).is_none() {
                        notices.push(format!(
                            "“{k}={v}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD): that filter was ignored."
                        ));
                        None
                    } else {
                        Some(match k {
                            "from" => Criterion::PublishedFrom(v.to_string()),
                            "to" => Criterion::PublishedTo(v.to_string()),
                            "mfrom" => Criterion::MentionedFrom(v.to_string()),
                            _ => Criterion::MentionedTo(v.to_string()),
                        })
                    }
                }
                _ => None,
            };
            if let Some(c) = c {
                f.set(c);
            }
        }
        (f, notices)
    }

    /// The filter as URL parameters, in order.
    pub fn to_params(&self, corpus: &Corpus) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .criteria
            .iter()
            .map(|c| {
                let v = match c {
                    Criterion::Entity(e) => entity_ref(corpus, *e),
                    Criterion::Type(t) => t.as_str().to_string(),
                    Criterion::Source(s)
                    | Criterion::PublishedFrom(s)
                    | Criterion::PublishedTo(s)
                    | Criterion::MentionedFrom(s)
                    | Criterion::MentionedTo(s)
                    | Criterion::Text(s) => s.clone(),
                };
                (c.key().to_string(), v)
            })
            .collect();
        if self.any {
            out.push(("any".into(), "1".into()));
        }
        if let Some(o) = self.order {
            out.push(("sort".into(), o.as_str().into()));
        }
        if self.furniture {
            out.push(("raw".into(), "1".into()));
        }
        out
    }

    /// The order the list is in: the one asked for, where it applies.
    pub fn effective_order(&self) -> Order {
        let query = self.text().is_some_and(|t| !TextQuery::parse(t).is_empty());
        match self.order {
            Some(Order::Relevance) | None if query => Order::Relevance,
            Some(Order::Source) => Order::Source,
            _ => Order::Date,
        }
    }
}

/// What a filter gives: the articles in order, and counts for every facet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Matching articles, in `order`.
    pub docs: Vec<u32>,
    /// The order of `docs`.
    pub order: Option<Order>,
    /// Articles naming each type (index as `EntityType::ALL`), under the other criteria.
    pub types: [u32; 6],
    /// Articles per source (index as `Index::sources`), under the other criteria.
    pub sources: Vec<u32>,
    /// Articles without a source, under the other criteria.
    pub no_source: u32,
    /// Articles per published month, year or decade (the finest with at most `MAX_BARS`
    /// bars), under the other criteria, ascending.
    pub published: Vec<Bar>,
    /// Articles per mentioned year, decade or century (likewise), under the other criteria.
    pub mentioned: Vec<Bar>,
    /// Matching articles naming each entity (index as `Corpus::entities`).
    pub entities: Vec<u32>,
    /// Text matched but no article had it (to tell "no match" from "no query").
    pub text_query: bool,
}

/// Most bars a date histogram shows: beyond it, months become years and years decades (a
/// reader cannot use two hundred bars, and drawing them costs each filter change).
pub const MAX_BARS: usize = 36;

/// One bar of a date histogram: its label, the bounds that choosing it sets, and its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// `2024-06`, `2024`, `1950s` or `1900s`.
    pub label: String,
    /// The from and to bounds (`2024-06`; `2024`; `1950` and `1959`).
    pub from: String,
    pub to: String,
    pub count: u32,
}

/// A unit of a date histogram, coarsest last.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The bucket of a `yyyymm` month or a `yyyy` year (`Month` takes months only).
    fn bucket(self, v: u32, months: bool) -> u32 {
        let year = if months { v / 100 } else { v };
        match self {
            Unit::Month => v,
            Unit::Year => year,
            Unit::Decade => year / 10 * 10,
            Unit::Century => year / 100 * 100,
        }
    }

    fn bar(self, b: u32, count: u32) -> Bar {
        let (label, from, to) = match self {
            Unit::Month => {
                let m = format!("{}-{:02}", b / 100, b % 100);
                (m.clone(), m.clone(), m)
            }
            Unit::Year => (b.to_string(), b.to_string(), b.to_string()),
            Unit::Decade => (format!("{b}s"), b.to_string(), (b + 9).to_string()),
            Unit::Century => (format!("{b}s"), b.to_string(), (b + 99).to_string()),
        };
        Bar {
            label,
            from,
            to,
            count,
        }
    }
}

/// A histogram of articles over dates: `per_doc` holds each article's distinct values
/// (`yyyymm` months when `months`, else `yyyy` years); an article counts once per bar. The
/// finest unit giving at most `MAX_BARS` bars is used.
fn histogram<T: AsRef<[u32]>>(per_doc: &[T], months: bool) -> Vec<Bar> {
    let units: &[Unit] = if months {
        &[Unit::Month, Unit::Year, Unit::Decade, Unit::Century]
    } else {
        &[Unit::Year, Unit::Decade, Unit::Century]
    };
    let mut keys: Vec<u32> = Vec::new();
    let mut doc_keys: Vec<u32> = Vec::new();
    for (i, &unit) in units.iter().enumerate() {
        keys.clear();
        for vals in per_doc {
            doc_keys.clear();
            doc_keys.extend(vals.as_ref().iter().map(|&v| unit.bucket(v, months)));
            doc_keys.dedup(); // values are sorted, so buckets are too
            keys.extend_from_slice(&doc_keys);
        }
        keys.sort_unstable();
        let counts = runs(&keys);
        if counts.len() <= MAX_BARS || i + 1 == units.len() {
            return counts.into_iter().map(|(b, n)| unit.bar(b, n)).collect();
        }
    }
    Vec::new()
}

/// Which facet a criterion narrows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Entity,
    Type,
    Source,
    Published,
    Mentioned,
    Text,
}

fn facet(c: &Criterion) -> Facet {
    match c {
        Criterion::Entity(_) => Facet::Entity,
        Criterion::Type(_) => Facet::Type,
        Criterion::Source(_) => Facet::Source,
        Criterion::PublishedFrom(_) | Criterion::PublishedTo(_) => Facet::Published,
        Criterion::MentionedFrom(_) | Criterion::MentionedTo(_) => Facet::Mentioned,
        Criterion::Text(_) => Facet::Text,
    }
}

/// The days between a facet's from and to bounds (open where a bound is not set).
fn bounds(f: &Filter, from_key: &str, to_key: &str) -> (Day, Day) {
    let last = |key: &str| f.bound(key).and_then(partial);
    (
        last(from_key).map_or(0, |(start, _)| start),
        last(to_key).map_or(Day::MAX, |(_, end)| end),
    )
}

/// Evaluates a filter against the index.
pub fn evaluate(ix: &Index, corpus: &Corpus, f: &Filter) -> Results {
    let present = |fc: Facet| f.criteria.iter().any(|c| facet(c) == fc);
    // the articles each facet allows (all of them where it has no criterion)
    let naming = |e: usize| -> RoaringBitmap {
        let mut s = ix.by_entity.get(e).cloned().unwrap_or_default();
        if f.furniture {
            if let Some(extra) = ix.by_entity_furniture.get(e) {
                s |= extra;
            }
        }
        s
    };
    let entity_set = if present(Facet::Entity) {
        let sets = f.entities().map(naming);
        if f.any {
            sets.fold(RoaringBitmap::new(), |acc, s| acc | s)
        } else {
            let mut acc = ix.all.clone();
            for s in sets {
                acc &= s;
            }
            acc
        }
    } else {
        ix.all.clone()
    };
    let type_set = if present(Facet::Type) {
        f.criteria
            .iter()
            .fold(RoaringBitmap::new(), |acc, c| match c {
                Criterion::Type(t) => {
                    let i = EntityType::ALL.iter().position(|x| x == t).unwrap_or(0);
                    let acc = acc | &ix.by_type[i];
                    if f.furniture {
                        acc | &ix.by_type_furniture[i]
                    } else {
                        acc
                    }
                }
                _ => acc,
            })
    } else {
        ix.all.clone()
    };
    let source_set = if present(Facet::Source) {
        f.criteria
            .iter()
            .fold(RoaringBitmap::new(), |acc, c| match c {
                Criterion::Source(s) => match ix.sources.binary_search(s) {
                    Ok(i) => acc | &ix.by_source[i],
                    Err(_) => acc,
                },
                _ => acc,
            })
    } else {
        ix.all.clone()
    };
    let published_set = if present(Facet::Published) {
        let (lo, hi) = bounds(f, "from", "to");
        ix.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.published.is_some_and(|p| lo <= p && p <= hi))
            .map(|(i, _)| i as u32)
            .collect()
    } else {
        ix.all.clone()
    };
    let mentioned_set = if present(Facet::Mentioned) {
        let (lo, hi) = bounds(f, "mfrom", "mto");
        ix.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                let overlaps = |ivs: &[(Day, Day)]| ivs.iter().any(|&(a, b)| a <= hi && lo <= b);
                overlaps(&d.mentioned) || (f.furniture && overlaps(&d.furniture_mentioned))
            })
            .map(|(i, _)| i as u32)
            .collect()
    } else {
        ix.all.clone()
    };
    let query = f.text().map(TextQuery::parse).filter(|q| !q.is_empty());
    let ranked = query.as_ref().map(|q| ix.text.search(q));
    let text_set: RoaringBitmap = match &ranked {
        Some(r) => r.iter().map(|(d, _)| *d).collect(),
        None => ix.all.clone(),
    };

    let sets = [
        (Facet::Entity, &entity_set),
        (Facet::Type, &type_set),
        (Facet::Source, &source_set),
        (Facet::Published, &published_set),
        (Facet::Mentioned, &mentioned_set),
        (Facet::Text, &text_set),
    ];
    let all_but = |skip: Facet| {
        let mut acc = ix.all.clone();
        for (fc, s) in &sets {
            if *fc != skip {
                acc &= *s;
            }
        }
        acc
    };
    let matched = all_but(Facet::Text) & &text_set;

    let mut r = Results {
        sources: vec![0; ix.sources.len()],
        entities: vec![0; corpus.entities.len()],
        text_query: query.is_some(),
        ..Default::default()
    };
    for d in &all_but(Facet::Type) {
        let facts = &ix.docs[d as usize];
        let t = if f.furniture {
            facts.types | facts.furniture_types
        } else {
            facts.types
        };
        for (i, ty) in EntityType::ALL.iter().enumerate() {
            if t & type_bit(*ty) != 0 {
                r.types[i] += 1;
            }
        }
    }
    for d in &all_but(Facet::Source) {
        match ix.docs[d as usize].source {
            Some(s) => r.sources[s as usize] += 1,
            None => r.no_source += 1,
        }
    }
    let months: Vec<[u32; 1]> = all_but(Facet::Published)
        .iter()
        .filter_map(|d| ix.docs[d as usize].published.map(|p| [p / 100]))
        .collect();
    r.published = histogram(&months, true);
    let years: Vec<&[u32]> = all_but(Facet::Mentioned)
        .iter()
        .map(|d| ix.docs[d as usize].mentioned_years.as_slice())
        .filter(|ys| !ys.is_empty())
        .collect();
    r.mentioned = histogram(&years, false);
    for d in &matched {
        let facts = &ix.docs[d as usize];
        for &e in &facts.entities {
            r.entities[e as usize] += 1;
        }
        if f.furniture {
            for &e in &facts.furniture_entities {
                r.entities[e as usize] += 1;
            }
        }
    }
    let order = f.effective_order();
    r.order = Some(order);
    let day = |d: u32| ix.docs[d as usize].best_date.map(|(day, _)| day);
    r.docs = match (ranked, order) {
        (Some(ranked), Order::Relevance) => ranked
            .into_iter()
            .map(|(d, _)| d)
            .filter(|d| matched.contains(*d))
            .collect(),
        (_, Order::Source) => {
            let mut docs: Vec<u32> = matched.iter().collect();
            // sources are sorted by name, so their index orders them; none sorts last
            let source = |d: u32| ix.docs[d as usize].source.unwrap_or(u32::MAX);
            docs.sort_by(|&a, &b| {
                source(a)
                    .cmp(&source(b))
                    .then(day(b).cmp(&day(a)))
                    .then(a.cmp(&b))
            });
            docs
        }
        _ => {
            let mut docs: Vec<u32> = matched.iter().collect();
            // newest first; `None` (undated) sorts below every date
            docs.sort_by(|&a, &b| day(b).cmp(&day(a)).then(a.cmp(&b)));
            docs
        }
    };
    r
}

/// What a filter keeps, in words: "Articles naming all of: Kim Jong Un, Kinzhal · naming
/// weapon systems · from KCNA or Yonhap · published 2024-08 to 2024-09 · mentioning dates from
/// 1950 · matching “missile”". `None` for an empty filter (every article).
pub fn describe(f: &Filter, corpus: &Corpus) -> Option<String> {
    let mut parts = Vec::new();
    let names: Vec<&str> = f
        .entities()
        .filter_map(|e| corpus.entities.get(e))
        .map(|e| e.name.as_str())
        .collect();
    match names.len() {
        0 => {}
        1 => parts.push(format!("naming {}", names[0])),
        _ if f.any => parts.push(format!("naming any of: {}", names.join(", "))),
        _ => parts.push(format!("naming all of: {}", names.join(", "))),
    }
    let types: Vec<&str> = f
        .criteria
        .iter()
        .filter_map(|c| match c {
            Criterion::Type(t) => Some(t.plural()),
            _ => None,
        })
        .collect();
    if !types.is_empty() {
        parts.push(format!("naming {}", types.join(" or ")));
    }
    let sources: Vec<&str> = f
        .criteria
        .iter()
        .filter_map(|c| match c {
            Criterion::Source(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    if !sources.is_empty() {
        parts.push(format!("from {}", sources.join(" or ")));
    }
    let range = |what: &str, from: &str, to: &str| match (f.bound(from), f.bound(to)) {
        (Some(a), Some(b)) => Some(format!("{what} {a} to {b}")),
        (Some(a), None) => Some(format!("{what} from {a}")),
        (None, Some(b)) => Some(format!("{what} until {b}")),
        (None, None) => None,
    };
    parts.extend(range("published", "from", "to"));
    parts.extend(range("mentioning dates", "mfrom", "mto"));
    if let Some(t) = f.text().filter(|t| !t.trim().is_empty()) {
        parts.push(format!("matching “{}”", t.trim()));
    }
    if parts.is_empty() {
        return None;
    }
    let mut s = format!("Articles {}", parts.join(" · "));
    if f.furniture {
        s.push_str(" (page furniture included)");
    }
    Some(s)
}

/// Counts of equal values in a sorted list.
fn runs(sorted: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &v in sorted {
        match out.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => out.push((v, 1)),
        }
    }
    out
}

/// Whether a date bound is one the filter accepts (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), for
/// input validation at the UI edge: the same test the URL is read with.
pub fn is_date(s: &str) -> bool {
    partial(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{format::json, Input};

    fn corpus() -> Corpus {
        let docs = [
            ("a.txt", " date 2024-06-20 Kim meets Putin in Pyongyang. June. 20, 2024 10:00. by Jane Roe jane@yna.co.kr.\n\nKim Jong Un met Vladimir Putin in Pyongyang on June 19, 2024, and showed him the Hwasong-18 missile.\n"),
            ("b.txt", " date 2024-09-13 Shoigu visits Pyongyang again. September. 13, 2024 09:00. by John Doe john@yna.co.kr.\n\nSergei Shoigu met Kim Jong Un in Pyongyang on Friday to discuss the treaty signed in June.\n"),
            ("c.txt", "Seoul reacts to the treaty\n\nOfficials in Seoul said on Monday that the treaty between Pyongyang and Moscow threatens the region, recalling the Korean War of 1950.\n"),
        ];
        Corpus::build(
            docs.iter()
                .map(|(n, t)| Input::new(*n, t.as_bytes().to_vec()))
                .collect(),
        )
        .0
    }

    fn names(c: &Corpus) -> Vec<String> {
        json::unique_names(c)
    }

    fn id(c: &Corpus, name: &str) -> usize {
        c.entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    }

    #[test]
    fn entities_all_or_any_and_facets_follow() {
        let c = corpus();
        let ix = Index::build(&c);
        let mut f = Filter::default();
        f.toggle(Criterion::Entity(id(&c, "Pyongyang")));
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.docs.len(), 3);
        f.toggle(Criterion::Entity(id(&c, "Sergei Shoigu")));
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.docs, [1]);
        assert_eq!(r.entities[id(&c, "Kim Jong Un")], 1);
        f.any = true;
        assert_eq!(evaluate(&ix, &c, &f).docs.len(), 3);
        // a facet counts under the other criteria: weapons are named in one article
        let r = evaluate(&ix, &c, &Filter::default());
        assert_eq!(r.types[3], 1);
        assert_eq!(r.docs, [1, 0, 2], "newest first, undated last");
    }

    #[test]
    fn a_date_entity_filters_to_the_articles_naming_it() {
        let c = corpus();
        let ix = Index::build(&c);
        let june19 = id(&c, "2024-06-19");
        let mut f = Filter::default();
        f.toggle(Criterion::Entity(june19));
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.docs, [0]);
        assert_eq!(r.entities[june19], 1);
        // the panel's counts under no filter include dates
        assert_eq!(evaluate(&ix, &c, &Filter::default()).entities[june19], 1);
        // a range bound is checked the way the URL is read
        assert!(is_date("2024-08") && !is_date("2024-08-12/2024-08-14"));
    }

    #[test]
    fn orders_by_date_source_or_relevance() {
        let c = corpus();
        let ix = Index::build(&c);
        let mut f = Filter::default();
        assert_eq!(evaluate(&ix, &c, &f).order, Some(Order::Date));
        f.order = Some(Order::Source);
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.order, Some(Order::Source));
        // a and b come from one source, newest first; c has none and goes last
        assert_eq!(r.docs, [1, 0, 2], "{:?}", ix.sources);
        // relevance needs a query: without one the list is by date
        f.order = Some(Order::Relevance);
        assert_eq!(evaluate(&ix, &c, &f).order, Some(Order::Date));
        f.set(Criterion::Text("treaty".into()));
        assert_eq!(evaluate(&ix, &c, &f).order, Some(Order::Relevance));
        f.order = Some(Order::Date);
        let r = evaluate(&ix, &c, &f);
        assert_eq!((r.order, r.docs.clone()), (Some(Order::Date), vec![1, 2]));
        let n = names(&c);
        let params = f.to_params(&c);
        assert!(params.contains(&("sort".into(), "date".into())));
        let (back, notices) =
            Filter::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &c, &n);
        assert_eq!((back, notices.len()), (f, 0));
        let (_, notices) = Filter::from_params([("sort", "sideways")], &c, &n);
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn furniture_counts_only_when_asked() {
        let c = corpus();
        let ix = Index::build(&c);
        // "Jane Roe" is named only in a's byline (page furniture)
        let jane = id(&c, "Jane Roe");
        assert!(!c.entities[jane].offered(false) && c.entities[jane].offered(true));
        let mut f = Filter::default();
        assert_eq!(evaluate(&ix, &c, &f).entities[jane], 0);
        f.toggle(Criterion::Entity(jane));
        assert!(evaluate(&ix, &c, &f).docs.is_empty());
        f.furniture = true;
        let r = evaluate(&ix, &c, &f);
        assert_eq!((r.docs.clone(), r.entities[jane]), (vec![0], 1));
        let n = names(&c);
        let params = f.to_params(&c);
        assert!(params.contains(&("raw".into(), "1".into())));
        let (back, _) =
            Filter::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &c, &n);
        assert_eq!(back, f);
    }

    #[test]
    fn a_filter_says_what_it_means() {
        let c = corpus();
        let mut f = Filter::default();
        assert_eq!(describe(&f, &c), None);
        f.toggle(Criterion::Entity(id(&c, "Kim Jong Un")));
        assert_eq!(describe(&f, &c).unwrap(), "Articles naming Kim Jong Un");
        f.toggle(Criterion::Entity(id(&c, "Sergei Shoigu")));
        assert_eq!(
            describe(&f, &c).unwrap(),
            "Articles naming all of: Kim Jong Un, Sergei Shoigu"
        );
        f.any = true;
        f.toggle(Criterion::Type(EntityType::Weapon));
        f.toggle(Criterion::Type(EntityType::Place));
        f.set(Criterion::MentionedFrom("1950".into()));
        f.set(Criterion::PublishedFrom("2024-06".into()));
        f.set(Criterion::PublishedTo("2024-09".into()));
        f.set(Criterion::Text("treaty ".into()));
        assert_eq!(
            describe(&f, &c).unwrap(),
            "Articles naming any of: Kim Jong Un, Sergei Shoigu · naming weapon systems or places \
             · published 2024-06 to 2024-09 · mentioning dates from 1950 · matching “treaty”"
        );
    }

    #[test]
    fn dates_sources_and_text() {
        let c = corpus();
        let ix = Index::build(&c);
        let mut f = Filter::default();
        f.set(Criterion::PublishedFrom("2024-07".into()));
        assert_eq!(evaluate(&ix, &c, &f).docs, [1]);
        f.set(Criterion::PublishedFrom("2024".into()));
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.docs, [1, 0]);
        let bars: Vec<(&str, u32)> = r
            .published
            .iter()
            .map(|b| (b.label.as_str(), b.count))
            .collect();
        assert_eq!(bars, [("2024-06", 1), ("2024-09", 1)]);
        let mut f = Filter::default();
        f.set(Criterion::MentionedTo("1960".into()));
        assert_eq!(evaluate(&ix, &c, &f).docs, [2]);
        let mut f = Filter::default();
        f.set(Criterion::Text("treaty".into()));
        let r = evaluate(&ix, &c, &f);
        assert_eq!(r.docs.len(), 2);
        assert!(r.text_query);
        f.set(Criterion::Text("\"korean war\"".into()));
        assert_eq!(evaluate(&ix, &c, &f).docs, [2]);
        f.set(Criterion::Text("zebra".into()));
        assert!(evaluate(&ix, &c, &f).docs.is_empty());
    }

    #[test]
    fn histograms_coarsen_past_max_bars_counting_each_article_once() {
        // 40 articles, one a month: too many months, so years
        let months: Vec<Vec<u32>> = (0..40)
            .map(|i| vec![202001 + i / 12 * 100 + i % 12])
            .collect();
        let bars = histogram(&months, true);
        assert_eq!(bars.len(), 4);
        assert_eq!(
            (
                bars[0].label.as_str(),
                bars[0].from.as_str(),
                bars[0].to.as_str(),
                bars[0].count
            ),
            ("2020", "2020", "2020", 12)
        );
        assert_eq!(bars[3].count, 4);
        // few months stay months
        let bars = histogram(&months[..3], true);
        assert_eq!(bars[2].label, "2020-03");
        // mentioned years over two centuries become decades; an article naming 1950 and
        // 1953 counts once in the 1950s
        let mut years: Vec<Vec<u32>> = (1800..1900).step_by(2).map(|y| vec![y]).collect();
        years.push(vec![1950, 1953]);
        let bars = histogram(&years, false);
        let fifties = bars.iter().find(|b| b.label == "1950s").expect("1950s");
        assert_eq!(
            (fifties.from.as_str(), fifties.to.as_str(), fifties.count),
            ("1950", "1959", 1)
        );
        assert!(bars.len() <= MAX_BARS);
        // years over many centuries become centuries
        let years: Vec<Vec<u32>> = (0..40).map(|i| vec![1000 + i * 25]).collect();
        let bars = histogram(&years, false);
        assert_eq!(
            (bars[0].label.as_str(), bars[0].to.as_str()),
            ("1000s", "1099")
        );
    }

    #[test]
    fn url_round_trip_and_notices() {
        let c = corpus();
        let n = names(&c);
        let mut f = Filter::default();
        f.toggle(Criterion::Entity(id(&c, "Kim Jong Un")));
        f.toggle(Criterion::Type(EntityType::Weapon));
        f.set(Criterion::Text("treaty".into()));
        f.set(Criterion::PublishedTo("2024-08".into()));
        f.any = true;
        let params = f.to_params(&c);
        assert_eq!(
            params[0],
            (
                "e".to_string(),
                c.entities[id(&c, "Kim Jong Un")].key.clone()
            )
        );
        assert!(params[0].1.ends_with(":PERSON:Kim Jong Un"), "{params:?}");
        // a link written before links named keys still reads
        let (old, _) = Filter::from_params([("e", "PERSON:Kim Jong Un")], &c, &n);
        assert_eq!(old.criteria, [Criterion::Entity(id(&c, "Kim Jong Un"))]);
        let (back, notices) =
            Filter::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), &c, &n);
        assert_eq!(back, f);
        assert!(notices.is_empty());
        let (bad, notices) = Filter::from_params(
            [
                ("e", "PERSON:Nobody"),
                ("t", "FRUIT"),
                ("from", "last week"),
                ("q", "kim"),
                ("doc", "x"),
            ],
            &c,
            &n,
        );
        assert_eq!(bad.criteria, [Criterion::Text("kim".into())]);
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn toggling_and_popping_keep_order() {
        let mut f = Filter::default();
        f.toggle(Criterion::Type(EntityType::Person));
        f.set(Criterion::Text("kim".into()));
        f.toggle(Criterion::Source("KCNA".into()));
        f.set(Criterion::Text("putin".into()));
        assert_eq!(f.text(), Some("putin"));
        assert_eq!(f.pop(), Some(Criterion::Text("putin".into())));
        f.toggle(Criterion::Type(EntityType::Person));
        assert_eq!(f.criteria, [Criterion::Source("KCNA".into())]);
        f.set(Criterion::Text("  ".into()));
        assert_eq!(f.criteria.len(), 1, "an empty query sets nothing");
    }
}
