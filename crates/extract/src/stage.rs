//! Finds typed mentions in one document: gazetteer names, rule-made names, dates; settles
//! overlaps (the longest name wins, a listed name beats a guessed one); resolves short forms
//! (`Kim`, `Choe`, `the North`) to a full name in the same document; gives each mention the
//! key that `link` groups entities by.
use crate::find::dates;
use crate::find::gazetteer::{self, Kind};
use crate::find::names::{RuleHit, Rules};
use crate::read::clean;
use crate::read::decode;
use crate::read::html;
use crate::read::markdown;
use crate::read::open;
use dossier_model::text::fold::norm_name;
use dossier_model::text::{self, Tok, TokKind, ALLCAPS, CAP, INNER_CAP, SPACE_BEFORE};
use dossier_model::{
    Article, Document, EntityType, Furniture, HtmlSource, Input, InputError, InputMeta, Known,
    LinkKey, Mention, Rejected, Staged,
};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    kind: EntityType,
    /// 0 gazetteer or date, 1 rule
    rank: u8,
    key: Option<LinkKey>,
    value_idx: Option<usize>,
}

fn etype(kind: Kind) -> Option<EntityType> {
    match kind {
        Kind::Person => Some(EntityType::Person),
        Kind::Org => Some(EntityType::Org),
        Kind::Place => Some(EntityType::Place),
        Kind::Weapon => Some(EntityType::Weapon),
        Kind::Event => Some(EntityType::Event),
        Kind::Demonym => None,
    }
}

/// What one input yields: its articles (the input itself, or each one a container held), the
/// articles of a container that could not be read, and notes on what was left out.
#[derive(Debug, Default)]
pub struct Batch {
    pub staged: Vec<Staged>,
    pub rejected: Vec<Rejected>,
    pub notes: Vec<String>,
}

impl Batch {
    /// The batch with what the input's owner said of it on each article (a title given for a
    /// feed is not each item's title, so it holds only when the input is one article).
    pub fn owned_by(mut self, meta: &InputMeta) -> Batch {
        let one = self.staged.len() == 1;
        for doc in &mut self.staged {
            doc.doc.meta = meta.clone();
            if !one {
                doc.doc.meta.title = None;
            }
        }
        self
    }
}

/// Stages every input, each with what its owner said of it: the staged documents (a feed,
/// say, gives one for each item), and the inputs or items that could not be read with the
/// reason. [`stage_all_noted`] also says what containers left out.
pub fn stage_all(inputs: Vec<Input>) -> (Vec<Staged>, Vec<Rejected>) {
    let b = stage_all_noted(inputs);
    (b.staged, b.rejected)
}

/// [`stage_all`], with the notes of what each container left out (`"feed.xml: …"`).
pub fn stage_all_noted(inputs: Vec<Input>) -> Batch {
    let mut all = Batch {
        staged: Vec::with_capacity(inputs.len()),
        ..Batch::default()
    };
    for input in inputs {
        match read_input(&input.name, &input.bytes) {
            Ok(batch) => {
                let batch = batch.owned_by(&input.meta);
                all.staged.extend(batch.staged);
                all.rejected.extend(batch.rejected);
                all.notes.extend(
                    batch
                        .notes
                        .into_iter()
                        .map(|n| format!("{}: {n}", input.name)),
                );
            }
            Err(error) => all.rejected.push(Rejected {
                name: input.name,
                error,
            }),
        }
    }
    all
}

/// Reads one input, opening it first when it holds articles (a feed, a Word document, a mail,
/// a PDF): each article it holds is then staged from its own page (see
/// [`crate::read::open`]). Fails when the input, or every article in it, cannot be read.
pub fn read_input(name: &str, bytes: &[u8]) -> Result<Batch, InputError> {
    if bytes.len() > decode::MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: decode::MAX_INPUT_BYTES,
        });
    }
    let opened = match open::open_bytes(name, bytes) {
        Some(opened) => opened?,
        None => {
            let decoded = decode::decode(bytes)?;
            match open::open_text(name, &decoded.text) {
                Some(opened) => opened?,
                None => {
                    return Ok(Batch {
                        staged: vec![stage_decoded(name, decoded)?],
                        ..Batch::default()
                    })
                }
            }
        }
    };
    let mut batch = Batch {
        notes: opened.notes,
        ..Batch::default()
    };
    for part in opened.parts {
        match process(&part.name, part.page.as_bytes()) {
            Ok(s) => batch.staged.push(s),
            Err(error) => batch.rejected.push(Rejected {
                name: part.name,
                error,
            }),
        }
    }
    if batch.staged.is_empty() {
        if let [only] = batch.rejected.as_slice() {
            return Err(only.error.clone());
        }
    }
    Ok(batch)
}

/// Processes one input: decode, read HTML or Markdown, clean, extract.
pub fn process(name: &str, bytes: &[u8]) -> Result<Staged, InputError> {
    stage_decoded(name, decode::decode(bytes)?)
}

fn stage_decoded(name: &str, decoded: decode::Decoded) -> Result<Staged, InputError> {
    // a page or a Markdown clipping is read through a text view mapped to the raw input
    let view = if markdown::looks_like_markdown(name, &decoded.text) {
        Some(markdown::to_text(&decoded.text))
    } else if html::looks_like_html(&decoded.text) {
        Some(html::to_text(&decoded.text))
    } else {
        None
    };
    let (text, html_src) = match view {
        Some(view) => {
            if view.text.trim().is_empty() {
                return Err(InputError::Empty);
            }
            (
                view.text.clone(),
                Some(HtmlSource {
                    raw: decoded.text,
                    view,
                }),
            )
        }
        None => (decoded.text, None),
    };
    let article = match &html_src {
        Some(h) => clean::clean_page(&text, &h.view.meta),
        None => clean::clean(&text),
    };
    let (mentions, keys, acronyms) = find_mentions(&text, &article, name);
    let doc = Document {
        name: name.to_string(),
        text,
        encoding: decoded.encoding.to_string(),
        is_html: html_src.as_ref().is_some_and(|h| h.view.meta.from_html),
        html: html_src,
        article,
        mentions,
        meta: Default::default(),
    };
    let mut ids: Vec<u32> = keys
        .iter()
        .chain(acronyms.iter().map(|(_, k)| k))
        .filter_map(|k| match k {
            LinkKey::Gazetteer(id) => Some(*id),
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let known = ids
        .into_iter()
        .map(|id| {
            let e = gazetteer::entry(id);
            Known {
                id,
                name: e.name.to_string(),
                coords: (!e.lat.is_nan()).then_some((e.lat, e.lon)),
                place: gazetteer::place(id),
                alternatives: gazetteer::alternatives(id),
            }
        })
        .collect();
    Ok(Staged {
        doc,
        keys,
        known,
        acronyms,
    })
}

type Found = (Vec<Mention>, Vec<LinkKey>, Vec<(String, LinkKey)>);

/// Positions where a name may start: a capital or digit after a non-letter, or a capital
/// glued to a lower-case letter (scraped breadcrumbs: `North KoreaNorth Korea`).
fn name_starts(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(toks.len() / 3);
    for (ti, t) in toks.iter().enumerate() {
        if t.kind == TokKind::Punct {
            continue;
        }
        let s = t.s(text);
        let first = s.as_bytes()[0];
        // a capital, a digit, or a letter of a script without case (王毅, 김정은)
        let caseless = first >= 0x80
            && s.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
        if t.flags & CAP != 0 || first.is_ascii_digit() || caseless {
            out.push((t.start as usize, ti));
        }
        // inner starts: after a hyphen (Korea-Russia) or a lower->upper change (KoreaNorth)
        if s.len() > 3 && t.flags & INNER_CAP != 0 {
            let b = s.as_bytes();
            for k in 1..b.len() {
                if b[k].is_ascii_uppercase()
                    && (b[k - 1] == b'-' || b[k - 1].is_ascii_lowercase())
                    && k + 1 < b.len()
                    && b[k + 1].is_ascii_lowercase()
                {
                    out.push((t.start as usize + k, ti));
                }
            }
        }
    }
    out
}

fn find_mentions(text: &str, article: &Article, doc_name: &str) -> Found {
    let toks = text::tokenize(text);
    let mut cands: Vec<Cand> = Vec::new();
    let mut gaz_at: Vec<Option<Kind>> = vec![None; toks.len()];
    let mut demonyms: Vec<(usize, usize)> = Vec::new();

    // 1. gazetteer names
    let mut last_end = 0;
    for (pos, ti) in name_starts(text, &toks) {
        if pos < last_end {
            continue;
        }
        if let Some((end, id)) = gazetteer::longest_at(text, pos) {
            let e = gazetteer::entry(id);
            // names listed with their article (The Guardian, The Gambia) are matched with it,
            // but the mention is the name alone
            let start = ["The ", "THE "]
                .iter()
                .find(|d| text[pos..end].starts_with(*d) && end > pos + d.len())
                .map_or(pos, |d| pos + d.len());
            // a single capitalised word that is a common word at a sentence start is no name
            if pos == toks[ti].start as usize {
                gaz_at[ti] = Some(e.kind);
            }
            match etype(e.kind) {
                Some(kind) => {
                    cands.push(Cand {
                        start,
                        end,
                        kind,
                        rank: 0,
                        key: Some(LinkKey::Gazetteer(id)),
                        value_idx: None,
                    });
                }
                None => demonyms.push((pos, end)),
            }
            last_end = end;
        }
    }

    // 2. dates
    let lex = crate::find::lexicon::classify(text, &toks);
    let found_dates = dates::find(text, &toks, &lex);
    for (i, f) in found_dates.iter().enumerate() {
        cands.push(Cand {
            start: f.start,
            end: f.end,
            kind: EntityType::Date,
            rank: 0,
            key: None,
            value_idx: Some(i),
        });
    }

    // 3. rules

    let rules = Rules {
        text,
        toks: &toks,
        gaz_at: &gaz_at,
        lex: &lex,
    };
    let mut hits: Vec<RuleHit> = Vec::new();
    rules.people(&mut hits);
    rules.headed(&mut hits);
    rules.designators(&mut hits);
    rules.ships(&mut hits);
    // lines mostly in capitals (headlines, bylines): acronyms there are no cue
    let caps_lines: Vec<(usize, usize)> = text::lines(text)
        .filter(|(s, e)| {
            let (mut letters, mut upper) = (0usize, 0usize);
            for c in text[*s..*e].chars() {
                if c.is_ascii() {
                    letters += usize::from(c.is_ascii_alphabetic());
                    upper += usize::from(c.is_ascii_uppercase());
                } else if c.is_alphabetic() {
                    letters += 1;
                    upper += usize::from(c.is_uppercase());
                }
            }
            letters > 0 && upper * 10 >= letters * 6
        })
        .collect();
    rules.capitals(&mut hits, |pos| {
        // lines are in text order: the one that could hold `pos` is the last starting at or before it
        let i = caps_lines.partition_point(|&(s, _)| s <= pos);
        i > 0 && pos < caps_lines[i - 1].1
    });
    rules.events(&mut hits);
    // bylines: the author's name is a PERSON
    let first_byline_hit = hits.len();
    for l in &article.lines {
        if matches!(l.furniture, Some(Furniture::Byline | Furniture::Header)) {
            let line = &text[l.start..l.end];
            // ASCII lower case keeps byte offsets (a byline in capitals finds its tidied name)
            let lower = line.to_ascii_lowercase();
            for author in &article.authors {
                if let Some(p) = lower.find(&author.to_ascii_lowercase()) {
                    if line.is_char_boundary(p) && line.is_char_boundary(p + author.len()) {
                        hits.push(RuleHit {
                            start: l.start + p,
                            end: l.start + p + author.len(),
                            kind: EntityType::Person,
                        });
                    }
                }
            }
        }
    }
    // the outlet's own name, wherever it appears (masthead, footer, "told the Observer")
    if let Some(outlet) = article
        .outlet
        .as_deref()
        .filter(|o| o.len() >= 3 && o.is_ascii())
    {
        // ASCII lower case keeps byte offsets
        let hay = text.to_ascii_lowercase();
        let needle = outlet.to_ascii_lowercase();
        for (p, _) in hay.match_indices(&needle) {
            let end = p + needle.len();
            let bounded =
                !text::alnum_before(text, p) && (end >= text.len() || !text::alnum_at(text, end));
            if bounded {
                hits.push(RuleHit {
                    start: p,
                    end,
                    kind: EntityType::Org,
                });
            }
        }
    }
    for (n, h) in hits.into_iter().enumerate() {
        // a rule span that is only a demonym is no name
        if demonyms.iter().any(|&(s, e)| s == h.start && e == h.end) {
            continue;
        }
        cands.push(Cand {
            start: h.start,
            end: h.end,
            kind: h.kind,
            // the byline's authors and the outlet's own name are known from the page's shape:
            // they beat a guess from capitals
            rank: if n >= first_byline_hit { 0 } else { 1 },
            key: None,
            value_idx: None,
        });
    }

    // 4. the North / the South / the West
    let has = |name: &str| {
        gazetteer::exact(name)
            .filter(|id| cands.iter().any(|c| c.key == Some(LinkKey::Gazetteer(*id))))
    };
    let north = has("North Korea");
    let south = has("South Korea");
    for (i, t) in toks.iter().enumerate() {
        let w = t.s(text);
        if i == 0 || !matches!(toks[i - 1].s(text), "the" | "The") {
            continue;
        }
        let next_cap = toks.get(i + 1).is_some_and(|n| {
            n.kind == TokKind::Word && n.flags & CAP != 0 && n.flags & SPACE_BEFORE != 0
        }) || toks
            .get(i + 1)
            .is_some_and(|n| n.flags & SPACE_BEFORE == 0 && n.s(text) == "-");
        if next_cap {
            continue;
        }
        let key = match w {
            "North" => north.map(LinkKey::Gazetteer),
            "South" => south.map(LinkKey::Gazetteer),
            "West" => Some(LinkKey::Name(EntityType::Place, "the west".into())),
            _ => None,
        };
        if let Some(key) = key {
            cands.push(Cand {
                start: t.start as usize,
                end: t.end as usize,
                kind: EntityType::Place,
                rank: 1,
                key: Some(key),
                value_idx: None,
            });
        }
    }

    // 5. settle overlaps: longest first, then listed before guessed, then earliest
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.rank.cmp(&b.rank))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<Cand> = Vec::with_capacity(cands.len());
    // spans taken so far, start -> end; they never overlap, so the only one that can clash
    // with a candidate is the last one starting before the candidate ends
    let mut occupied: BTreeMap<usize, usize> = BTreeMap::new();
    for c in cands {
        if c.start >= c.end {
            continue;
        }
        let clash = occupied
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| c.start < e);
        if clash {
            continue;
        }
        occupied.insert(c.start, c.end);
        taken.push(c);
    }
    taken.sort_by_key(|c| c.start);

    // a generational suffix belongs to the name: Ferdinand Marcos Jr.
    for i in 0..taken.len() {
        if taken[i].kind != EntityType::Person {
            continue;
        }
        let rest = &text[taken[i].end..];
        let suffix = [" Jr.", ", Jr.", " Sr.", ", Sr.", " Jr", " Sr"]
            .iter()
            .find(|s| rest.starts_with(**s) && !text::alnum_at(rest, s.len()));
        if let Some(s) = suffix {
            let end = taken[i].end + s.len();
            if taken.get(i + 1).is_none_or(|n| n.start >= end) {
                taken[i].end = end;
            }
        }
    }

    // 6. short forms of people named in full in this document: Kim, Choe, Shoigu, Seong-kweun
    let mut full: Vec<(usize, String, LinkKey)> = Vec::new(); // (start, part, key)
    for c in taken.iter().filter(|c| c.kind == EntityType::Person) {
        let s = &text[c.start..c.end];
        let parts: Vec<&str> = s.split_whitespace().collect();
        if parts.len() < 2 {
            continue;
        }
        let key = c.key.clone().unwrap_or_else(|| person_key(s));
        let lists = gazetteer::lists();
        let korean_first =
            lists.korean_surnames.contains(parts[0]) || lists.chinese_surnames.contains(parts[0]);
        if korean_first {
            full.push((c.start, parts[0].to_string(), key.clone()));
            if parts.len() == 2 && parts[1].contains('-') {
                full.push((c.start, parts[1].to_string(), key.clone()));
            }
        } else {
            full.push((c.start, tidy_case(parts[parts.len() - 1]), key.clone()));
        }
    }
    if !full.is_empty() {
        // part -> the full names it is a part of, by start (`full` is in text order)
        let mut by_part: HashMap<&str, Vec<(usize, &LinkKey)>> = HashMap::new();
        for (start, part, key) in &full {
            by_part
                .entry(part.as_str())
                .or_default()
                .push((*start, key));
        }
        let mut extra = Vec::new();
        let mut next_taken = 0; // first taken span that ends after the current token starts
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word || t.flags & CAP == 0 || t.flags & ALLCAPS != 0 {
                continue;
            }
            let (s, e) = t.range();
            let w = &text[s..e];
            while next_taken < taken.len() && taken[next_taken].end <= s {
                next_taken += 1;
            }
            if taken.get(next_taken).is_some_and(|c| c.start < e) {
                continue;
            }
            // not the first word of a longer capitalised name
            if toks.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Word && n.flags & CAP != 0 && n.flags & SPACE_BEFORE != 0
            }) {
                continue;
            }
            // the nearest full name before the short form, else the first one after it
            let best = by_part.get(w).and_then(|names| {
                let before = names.partition_point(|(start, _)| *start <= s);
                names.get(before.wrapping_sub(1)).or(names.get(before))
            });
            if let Some((_, key)) = best {
                extra.push(Cand {
                    start: s,
                    end: e,
                    kind: EntityType::Person,
                    rank: 1,
                    key: Some((*key).clone()),
                    value_idx: None,
                });
            }
        }
        taken.extend(extra);
        taken.sort_by_key(|c| c.start);
    }

    // 7. acronyms defined in parentheses: Office of Foreign Assets Control (OFAC)
    let mut acronyms: Vec<(String, LinkKey)> = Vec::new();
    for w in 0..taken.len().saturating_sub(1) {
        let (a, b) = (&taken[w], &taken[w + 1]);
        let between = &text[a.end..b.start];
        if between.trim() == "(" && text[b.end..].starts_with(')') && a.kind != EntityType::Date {
            let acr = &text[b.start..b.end];
            if acr.len() >= 2 && acr.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
                let key = a
                    .key
                    .clone()
                    .unwrap_or_else(|| LinkKey::Name(a.kind, norm_name(&text[a.start..a.end])));
                acronyms.push((acr.to_string(), key));
            }
        }
    }

    // 8. dates: values resolved with the article's own date
    let date_facts: Vec<dates::Facts> = found_dates
        .iter()
        .map(|f| {
            let mut facts = dates::Facts {
                in_furniture: article.in_furniture(f.start),
                ..Default::default()
            };
            if matches!(f.expr, dates::Expr::Weekday(0, _)) {
                facts.future = future_tense(&text[sentence_before(text, f.start)..f.start]);
            }
            // an anniversary counts from a dated event named in its sentence
            if matches!(f.expr, dates::Expr::Anniversary(_)) {
                let sent_start =
                    memchr::memrchr2(b'.', b'\n', &text.as_bytes()[..f.start]).map_or(0, |p| p + 1);
                let sent_end = memchr::memchr2(b'.', b'\n', &text.as_bytes()[f.end..])
                    .map_or(text.len(), |p| f.end + p);
                let first = taken.partition_point(|c| c.start < sent_start);
                facts.event_dates = taken[first..]
                    .iter()
                    .take_while(|c| c.start < sent_end)
                    .filter(|c| c.kind == EntityType::Event && c.end <= sent_end)
                    .find_map(|c| match c.key {
                        Some(LinkKey::Gazetteer(id)) => {
                            let e = gazetteer::entry(id);
                            let (s, en) = e.extra.split_once('/').unwrap_or(("", ""));
                            Some((s.parse().ok(), en.parse().ok()))
                        }
                        _ => None,
                    });
                facts.mentions_end = text[sent_start..f.start].contains(" end ");
            }
            facts
        })
        .collect();
    let ctx = dates::Context {
        published: article.published.as_deref().and_then(|d| d.parse().ok()),
        page_date: article.page_date.as_deref().and_then(|d| d.parse().ok()),
    };
    let values = dates::resolve(&found_dates, &date_facts, &ctx);

    let mut mentions = Vec::with_capacity(taken.len());
    let mut keys = Vec::with_capacity(taken.len());
    for c in taken {
        let surface = &text[c.start..c.end];
        let (key, value) = match c.value_idx {
            Some(i) => match &values[i] {
                Some(v) => (LinkKey::Date(v.clone()), Some(v.clone())),
                None => (
                    LinkKey::Unresolved(doc_name.to_string(), surface.to_string()),
                    None,
                ),
            },
            None => (
                c.key.unwrap_or_else(|| match c.kind {
                    EntityType::Person => person_key(surface),
                    k => match gazetteer::exact_normalised(surface) {
                        Some(id) if etype(gazetteer::entry(id).kind) == Some(k) => {
                            LinkKey::Gazetteer(id)
                        }
                        _ => LinkKey::Name(k, norm_name(surface)),
                    },
                }),
                None,
            ),
        };
        mentions.push(Mention {
            kind: c.kind,
            start: c.start,
            end: c.end,
            entity: 0, // assigned by `link`
            value,
        });
        keys.push(key);
    }
    (mentions, keys, acronyms)
}

/// How far before a weekday its sentence is searched for the tense (bytes): further back than
/// a long sentence, short enough to keep reading linear.
const TENSE_REACH: usize = 400;

/// Where the sentence holding byte `pos` starts, looking back no further than `TENSE_REACH`:
/// a text without stops must not make every weekday read the whole text again.
fn sentence_before(text: &str, pos: usize) -> usize {
    let mut from = pos.saturating_sub(TENSE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    memchr::memrchr3(b'.', b'\n', b'?', &text.as_bytes()[from..pos]).map_or(from, |p| from + p + 1)
}

/// Whether a sentence up to a date speaks of the future (`will vote on Tuesday`).
fn future_tense(before: &str) -> bool {
    let l = before.to_ascii_lowercase();
    [
        " will ",
        " won't ",
        " is to ",
        " are to ",
        " is due to ",
        " are due to ",
        " is expected to ",
        " are expected to ",
        " is scheduled to ",
        " are scheduled to ",
        " is set to ",
        " are set to ",
        " plans to ",
        " plan to ",
        "'ll ",
    ]
    .iter()
    .any(|k| l.contains(k))
        || l.starts_with("will ")
}

fn tidy_case(w: &str) -> String {
    w.to_string()
}

/// Link key of a person the gazetteer does not hold: the name's letters without case, hyphens
/// or spaces (Kim Jong-sik = Kim Jong Sik = KIM JONGSIK).
fn person_key(s: &str) -> LinkKey {
    match gazetteer::exact_normalised(s) {
        Some(id) if gazetteer::entry(id).kind == Kind::Person => LinkKey::Gazetteer(id),
        _ => LinkKey::Name(EntityType::Person, gazetteer::compact_name(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &Staged) -> Vec<&str> {
        s.doc
            .mentions
            .iter()
            .map(|m| s.doc.mention_text(m))
            .collect()
    }

    #[test]
    fn each_container_gives_articles_with_their_metadata_and_entities() {
        use crate::read::open::docx;
        let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Kim Jong Un arrives in Vladivostok</title><link>https://wire.example/a1</link>
<pubDate>Tue, 12 Sep 2023 21:30:00 +0900</pubDate><author>desk@wire.example (Jane Roe)</author>
<description>&lt;p&gt;North Korean leader Kim Jong Un arrived in Vladivostok on Tuesday for talks with Vladimir Putin.&lt;/p&gt;</description></item>
<item><title>Shoigu in Pyongyang</title><description>Sergei Shoigu visited Pyongyang.</description></item>
</channel></rss>"#;
        let batch = read_input("wire.xml", feed.as_bytes()).unwrap();
        assert_eq!(batch.staged.len(), 2);
        let first = &batch.staged[0];
        assert_eq!(first.doc.name, "wire #1.html");
        let a = &first.doc.article;
        assert_eq!(
            a.title.as_deref(),
            Some("Kim Jong Un arrives in Vladivostok")
        );
        assert_eq!(a.author.as_deref(), Some("Jane Roe"));
        assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2023-09-12"));
        assert!(
            names(first).contains(&"Vladimir Putin"),
            "{:?}",
            names(first)
        );
        // offsets point into the item's own page, which is what is kept and shown raw
        let html = first.doc.html.as_ref().unwrap();
        for m in &first.doc.mentions {
            let (s, e) = html.view.to_raw(m.start, m.end);
            assert_eq!(&html.raw[s..e], first.doc.mention_text(m));
        }
        assert!(names(&batch.staged[1]).contains(&"Sergei Shoigu"));

        let d = read_input(
            "brief.docx",
            &docx::tests::docx(docx::tests::DOCUMENT, Some(docx::tests::CORE)),
        )
        .unwrap();
        let doc = &d.staged[0].doc;
        assert_eq!(doc.article.title.as_deref(), Some("Briefing on the summit"));
        assert_eq!(doc.article.author.as_deref(), Some("Analyst One"));
        assert!(names(&d.staged[0]).contains(&"Vladimir Putin"));
        assert!(
            doc.article.body.contains("KN-23 missiles"),
            "{}",
            doc.article.body
        );

        #[cfg(feature = "pdf")]
        let p = read_input(
            "notes.pdf",
            &crate::read::open::pdf::tests::pdf(
                &["Vladimir Putin arrived in Pyongyang on June 19, 2024."],
                Some("Notes"),
            ),
        )
        .unwrap();
        assert!(
            names(&p.staged[0]).contains(&"Pyongyang"),
            "{:?}",
            names(&p.staged[0])
        );
        assert_eq!(
            p.staged[0].doc.article.published.as_deref(),
            Some("2024-06-19")
        );
    }

    #[test]
    fn a_plain_input_is_one_article_and_a_bad_container_one_reason() {
        let b = read_input("a.txt", b"Kim Jong Un met Vladimir Putin in Moscow.").unwrap();
        assert_eq!(b.staged.len(), 1);
        assert_eq!(b.staged[0].doc.name, "a.txt");
        let err = read_input("a.docx", b"PK\x03\x04 not really").unwrap_err();
        assert!(
            err.to_string().contains("ZIP archive cannot be read"),
            "{err}"
        );
        let err = read_input("a.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap_err();
        assert!(err.to_string().contains("old-format (.doc)"), "{err}");
        let (staged, rejected) = stage_all(vec![
            Input::new("ok.txt", b"Sergei Shoigu visited Pyongyang.".to_vec()),
            Input::new("bad.xml", b"<rss><channel>".to_vec()),
        ]);
        assert_eq!(staged.len(), 1);
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].name, "bad.xml");
    }

    #[test]
    fn a_weekday_reads_its_sentence_but_never_more_than_a_bounded_reach() {
        let text = "Officials met. The assembly will vote on Friday.";
        let at = text.find("Friday").unwrap();
        assert_eq!(
            &text[sentence_before(text, at)..at],
            " The assembly will vote on "
        );
        // a megabyte without a stop: each weekday examines at most TENSE_REACH bytes, so the
        // rule's work grows with the number of weekdays, not with their product with the text
        let long = "and the people said on Friday ".repeat(35_000);
        let mut examined = 0;
        for (at, _) in long.match_indices("Friday") {
            let from = sentence_before(&long, at);
            assert!(at - from <= TENSE_REACH);
            examined += at - from;
        }
        assert!(examined <= 35_000 * TENSE_REACH);
        // and it stops on a character boundary
        let accented = format!("{}é will meet on Friday", "é".repeat(300));
        let at = accented.find("Friday").unwrap();
        assert!(accented.is_char_boundary(sentence_before(&accented, at)));
        // the tense is still read
        assert!(future_tense(" The assembly will vote on "));
    }
}
