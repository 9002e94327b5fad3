//! Real-world knowledge shipped in the bundle: countries, cities, regions, people,
//! organisations, weapon systems, events and demonyms (compiled by build.rs into an FST),
//! plus word lists (given names, surnames, roles, designator families) used by the rules.
//! Each data file in `data/` names its source and licence in its header.
use dossier_model::text::fold::norm_name;
use dossier_model::{Place, PlaceKind};
use fst::Streamer;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

include!("fold.rs");

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Org,
    Place,
    Weapon,
    Event,
    /// A nationality adjective or plural (Russian, North Korean): never an entity itself.
    Demonym,
}

impl Kind {
    fn from_u8(k: u8) -> Kind {
        match k {
            0 => Kind::Person,
            1 => Kind::Org,
            2 => Kind::Place,
            3 => Kind::Weapon,
            4 => Kind::Event,
            _ => Kind::Demonym,
        }
    }
}

pub(crate) struct RawEntry {
    kind: u8,
    sub: u8,
    name: &'static str,
    extra: &'static str,
    lat: f32,
    lon: f32,
}

/// The entry table build.rs wrote: a line per entry, `kind sub name extra lat lon` by tabs.
static ENTRIES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_entries.tsv"));

/// The entry table, read on first use (a few thousand lines: well under a millisecond).
fn entries() -> &'static [RawEntry] {
    static ENTRIES: OnceLock<Vec<RawEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        ENTRIES_TSV
            .lines()
            .map(|line| {
                let mut f = line.split('\t');
                let mut next = || f.next().unwrap_or("");
                let kind = next().parse().unwrap_or(5);
                let sub = next().parse().unwrap_or(0);
                let name = next();
                let extra = next();
                let lat = next().parse().unwrap_or(f32::NAN);
                let lon = next().parse().unwrap_or(f32::NAN);
                RawEntry {
                    kind,
                    sub,
                    name,
                    extra,
                    lat,
                    lon,
                }
            })
            .collect()
    })
}

static FST_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.fst"));

/// The entry whose normalised name (`norm_name`: no case, hyphens, `the`; Defence = Defense)
/// equals that of `s`. The map is derived from the FST's keys on first use rather than shipped.
pub fn exact_normalised(s: &str) -> Option<u32> {
    static NORM: OnceLock<FxHashMap<String, u32>> = OnceLock::new();
    let map = NORM.get_or_init(|| {
        let mut best: FxHashMap<String, (u8, u32)> = FxHashMap::default();
        let map = fst::Map::new(FST_BYTES).expect("gazetteer FST built by build.rs");
        let mut keys = map.stream();
        while let Some((key, id)) = keys.next() {
            let e = &entries()[id as usize];
            let Ok(key) = std::str::from_utf8(key) else {
                continue;
            };
            if e.kind == 5 {
                continue; // demonyms name no entity
            }
            let r = rank(e.kind, e.sub);
            let slot = best.entry(norm_name(key)).or_insert((r, id as u32));
            if r < slot.0 {
                *slot = (r, id as u32);
            }
        }
        best.into_iter().map(|(k, (_, id))| (k, id)).collect()
    });
    map.get(&norm_name(s))
        .copied()
        .or_else(|| exact_person_compact(s))
}

/// A name reduced to its letters in lower case (`Shin Won-sik` = `Shin Wonsik` = `SHIN WONSIK`).
pub fn compact_name(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The person whose name, reduced to its letters, equals that of `s`: spellings that differ
/// only in spaces and hyphens.
fn exact_person_compact(s: &str) -> Option<u32> {
    static COMPACT: OnceLock<FxHashMap<String, u32>> = OnceLock::new();
    let map = COMPACT.get_or_init(|| {
        let mut out = FxHashMap::default();
        let map = fst::Map::new(FST_BYTES).expect("gazetteer FST built by build.rs");
        let mut keys = map.stream();
        while let Some((key, id)) = keys.next() {
            if entries()[id as usize].kind != 0 {
                continue;
            }
            if let Ok(key) = std::str::from_utf8(key) {
                out.entry(compact_name(key)).or_insert(id as u32);
            }
        }
        out
    });
    map.get(&compact_name(s)).copied()
}

/// One gazetteer entry, as the extractor sees it.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub id: u32,
    pub kind: Kind,
    /// For places: 0 country, 1 region or site, 2 city.
    pub sub: u8,
    /// Canonical name.
    pub name: &'static str,
    /// Kind-specific data: ISO country code for places and people; `kind|country|domains`
    /// for organisations; `start/end` ISO dates for events; the country for demonyms.
    pub extra: &'static str,
    pub lat: f32,
    pub lon: f32,
}

/// A gazetteer entry by id.
pub fn entry(id: u32) -> Entry {
    let r = &entries()[id as usize];
    Entry {
        id,
        kind: Kind::from_u8(r.kind),
        sub: r.sub,
        name: r.name,
        extra: r.extra,
        lat: r.lat,
        lon: r.lon,
    }
}

/// The country a region of this kind (regions.tsv's third column) lies in, where the kind
/// says it.
fn region_country(kind: &str) -> &'static str {
    match kind.split('_').next().unwrap_or("") {
        "ru" => "RU",
        "ua" => "UA",
        "cn" => "CN",
        "kr" => "KR",
        "kp" => "KP",
        "jp" => "JP",
        "us" => "US",
        "uk" => "GB",
        _ => "",
    }
}

/// The place a gazetteer entry names, as the map reads it (None for what is not a place).
pub fn place(id: u32) -> Option<Place> {
    let e = entry(id);
    if e.kind != Kind::Place || e.lat.is_nan() {
        return None;
    }
    let (kind, country) = match e.sub {
        0 => (PlaceKind::Country, e.extra),
        1 => (PlaceKind::Region, region_country(e.extra)),
        _ => (PlaceKind::City, e.extra),
    };
    Some(Place {
        label: e.name.to_string(),
        kind,
        country: country.to_string(),
        lat: e.lat,
        lon: e.lon,
        population: 0,
        capital: kind == PlaceKind::City && is_capital(&e),
    })
}

/// Whether a city is its country's capital: the country's coordinates are its capital's.
fn is_capital(city: &Entry) -> bool {
    static CAPITALS: OnceLock<HashSet<(String, i32, i32)>> = OnceLock::new();
    let key = |cc: &str, lat: f32, lon: f32| {
        (
            cc.to_string(),
            (lat * 10.0).round() as i32,
            (lon * 10.0).round() as i32,
        )
    };
    CAPITALS
        .get_or_init(|| {
            entries()
                .iter()
                .filter(|r| r.kind == 2 && r.sub == 0)
                .map(|r| key(r.extra, r.lat, r.lon))
                .collect()
        })
        .contains(&key(city.extra, city.lat, city.lon))
}

/// Words a division's name adds to the bare name it shares with a city or a country
/// (`Kursk Oblast`, `Georgia State`).
const DIVISION_WORDS: &[&str] = &[
    " Oblast",
    " Province",
    " Region",
    " Krai",
    " State",
    " Prefecture",
    " Governorate",
];

/// Other GeoNames places named as a city row (Paris, Texas): `data/city_alternates.tsv`.
static CITY_ALTERNATES: &str = include_str!("../../data/city_alternates.tsv");

/// The other places the gazetteer knows by an entry's name: the division that shares a city's
/// or a country's bare name (Kursk → Kursk Oblast, Georgia → Georgia State), and cities of the
/// same name elsewhere. Empty for most names.
pub fn alternatives(id: u32) -> Vec<Place> {
    static BY_NAME: OnceLock<FxHashMap<&'static str, Vec<Place>>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut out: FxHashMap<&'static str, Vec<Place>> = FxHashMap::default();
        for (i, r) in entries().iter().enumerate() {
            if r.kind != 2 || r.sub != 1 {
                continue;
            }
            if let Some(bare) = DIVISION_WORDS.iter().find_map(|w| r.name.strip_suffix(w)) {
                out.entry(bare).or_default().extend(place(i as u32));
            }
        }
        for line in CITY_ALTERNATES.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let (Some(lat), Some(lon)) = (
                f.get(3).and_then(|v| v.parse().ok()),
                f.get(4).and_then(|v| v.parse().ok()),
            ) else {
                continue;
            };
            let country = f.get(2).copied().unwrap_or("");
            out.entry(f[0]).or_default().push(Place {
                label: format!("{} ({country})", f[0]),
                kind: PlaceKind::City,
                country: country.to_string(),
                lat,
                lon,
                population: f.get(5).and_then(|v| v.parse().ok()).unwrap_or(0),
                capital: false,
            });
        }
        out
    });
    let e = entry(id);
    if e.kind != Kind::Place || e.sub == 1 {
        return Vec::new();
    }
    by_name.get(e.name).cloned().unwrap_or_default()
}

/// Number of entries (for tests and reports).
pub fn len() -> usize {
    entries().len()
}

fn fst() -> &'static fst::raw::Fst<&'static [u8]> {
    static FST: OnceLock<fst::raw::Fst<&'static [u8]>> = OnceLock::new();
    FST.get_or_init(|| fst::raw::Fst::new(FST_BYTES).expect("gazetteer FST built by build.rs"))
}

#[inline]
fn is_word_byte_start(text: &str, pos: usize) -> bool {
    // true if the char starting at pos is alphanumeric
    text[pos..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// Longest gazetteer name starting at byte `start` of `text` and ending on a word boundary.
/// Names in capitals (`NORTH KOREA`, `KIM JONG UN` in a headline or byline) are also read as
/// their title-cased form, for names of four letters or more. Returns (end, entry id).
pub fn longest_at(text: &str, start: usize) -> Option<(usize, u32)> {
    let found = walk(text, start, false);
    let bytes = text.as_bytes();
    let caps = bytes
        .get(start..start + 2)
        .is_some_and(|b| b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase());
    if !caps {
        return found;
    }
    let titled = walk(text, start, true).filter(|&(end, _)| {
        text[start..end]
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .count()
            >= 4
    });
    match (found, titled) {
        (Some(a), Some(b)) if b.0 > a.0 => Some(b),
        (None, b) => b,
        (a, _) => a,
    }
}

/// Walks the FST from byte `start`; with `titlecase`, a capital that follows a letter is read
/// in lower case.
fn walk(text: &str, start: usize, titlecase: bool) -> Option<(usize, u32)> {
    let fst = fst();
    let bytes = text.as_bytes();
    let mut node = fst.root();
    let mut out = fst::raw::Output::zero();
    let mut pos = start;
    let mut best = None;
    while pos < bytes.len() {
        let (mut b, n) = fold_at(bytes, pos);
        if titlecase
            && b.is_ascii_uppercase()
            && pos > start
            && bytes[pos - 1].is_ascii_alphabetic()
        {
            b = b.to_ascii_lowercase();
        }
        let Some(i) = node.find_input(b) else { break };
        let t = node.transition(i);
        out = out.cat(t.out);
        node = fst.node(t.addr);
        pos += n;
        if node.is_final() && (pos >= bytes.len() || boundary_after(text, pos)) {
            best = Some((pos, out.cat(node.final_output()).value() as u32));
        }
    }
    best
}

/// Whether a name may end before byte `pos`: the next char is not a letter or digit; or it
/// is a hyphen joining another capitalised name ("North Korea-Russia"); or a capitalised word
/// glued to the name's last lower-case letter, as scraped breadcrumbs are ("North KoreaNorth").
#[inline]
fn boundary_after(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    let rest = &bytes[pos..];
    match rest.first() {
        None => true,
        Some(b'-') => {
            rest.get(1).is_none_or(|c| c.is_ascii_uppercase()) || adjectival_suffix(&rest[1..])
        }
        // US$133 million: a currency, not a place
        Some(b'$') => false,
        Some(c) if c.is_ascii_uppercase() => {
            pos > 0
                && bytes[pos - 1].is_ascii_lowercase()
                && rest.get(1).is_some_and(u8::is_ascii_lowercase)
        }
        Some(&c) if c < 0x80 => !c.is_ascii_alphanumeric(),
        Some(_) => !is_word_byte_start(text, pos),
    }
}

/// Whether `rest` opens with a word that makes a name into an adjective by a hyphen
/// (`Washington-based`, `Soviet-era`, `Iranian-made`, `U.S.-led`): the name ends before it.
fn adjectival_suffix(rest: &[u8]) -> bool {
    const SUFFIXES: &[&str] = &[
        "based",
        "born",
        "led",
        "backed",
        "made",
        "era",
        "style",
        "owned",
        "run",
        "funded",
        "controlled",
        "occupied",
        "held",
        "bound",
        "built",
        "sponsored",
        "allied",
        "aligned",
        "friendly",
        "flagged",
        "registered",
        "linked",
        "affiliated",
        "speaking",
        "language",
        "type",
        "produced",
        "supplied",
        "designed",
        "developed",
        "brokered",
        "hosted",
        "level",
        "wide",
        "origin",
        "related",
        "centric",
        "focused",
        "installed",
        "appointed",
        "annexed",
        "administered",
    ];
    let word_end = rest
        .iter()
        .position(|b| !b.is_ascii_lowercase())
        .unwrap_or(rest.len());
    word_end > 0
        && rest
            .get(word_end)
            .is_none_or(|b| !b.is_ascii_alphanumeric())
        && std::str::from_utf8(&rest[..word_end]).is_ok_and(|w| SUFFIXES.contains(&w))
}

/// Word lists used by the rules, loaded once.
pub struct Lists {
    pub given_names: HashSet<&'static str>,
    pub korean_surnames: HashSet<&'static str>,
    pub chinese_surnames: HashSet<&'static str>,
    pub roles: HashSet<&'static str>,
    pub role_words: HashSet<&'static str>,
    pub designator_families: HashSet<&'static str>,
    pub not_designators: HashSet<&'static str>,
}

fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The word lists.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let roles: HashSet<&str> = words(include_str!("../../data/roles.txt")).collect();
        let role_words = roles.iter().flat_map(|r| r.split(' ')).collect();
        Lists {
            given_names: words(include_str!("../../data/given_names.txt")).collect(),
            korean_surnames: words(include_str!("../../data/surnames_korean.txt")).collect(),
            chinese_surnames: words(include_str!("../../data/surnames_chinese.txt")).collect(),
            roles,
            role_words,
            designator_families: words(include_str!("../../data/designator_families.tsv"))
                .collect(),
            not_designators: words(include_str!("../../data/not_designators.txt")).collect(),
        }
    })
}

/// The organisation whose web domain this is (`donga.com` -> The Dong-A Ilbo).
pub fn org_by_domain(domain: &str) -> Option<&'static str> {
    static DOMAINS: OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        OnceLock::new();
    DOMAINS
        .get_or_init(|| {
            entries()
                .iter()
                .filter(|e| e.kind == 1)
                .flat_map(|e| {
                    e.extra
                        .split('|')
                        .skip(2)
                        .flat_map(|d| d.split([',', ';', ' ']))
                        .filter(|d| d.contains('.'))
                        .map(move |d| (d, e.name))
                })
                .collect()
        })
        .get(domain)
        .copied()
}

/// The entry a whole string names exactly (after folding), if any.
pub fn exact(s: &str) -> Option<u32> {
    match longest_at(s, 0) {
        Some((end, id)) if end == s.len() => Some(id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name forms are names, not descriptions: every word capitalised, a number, or a particle
    /// inside a name (`of`, `the`, `al-`), so "Russian military", "Kursk region" or "war in
    /// Ukraine" never become entities (the guidelines' rules 1, 3 and 5).
    #[test]
    fn data_holds_names_not_descriptions() {
        const PARTICLES: &[&str] = &[
            "a", "an", "of", "the", "and", "for", "on", "in", "de", "da", "do", "du", "der", "den",
            "van", "von", "bin", "ibn", "la", "le", "y", "to", "at", "et", "del", "des", "di",
        ];
        let is_name = |form: &str| {
            let words: Vec<&str> = form.split_whitespace().collect();
            form == "Korean peninsula" // named in the guidelines
                || words.iter().enumerate().all(|(i, w)| {
                    let first = w.chars().next().unwrap_or(' ');
                    !first.is_alphabetic()
                        || first.is_uppercase()
                        || !first.is_lowercase() // scripts without case: 中国, 김정은
                        || (PARTICLES.contains(w) && i > 0 && i + 1 < words.len())
                        || ["al-", "el-", "ad-", "as-", "d'"].iter().any(|p| w.starts_with(p))
                })
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut bad = Vec::new();
        for file in [
            "countries.tsv",
            "regions.tsv",
            "orgs.tsv",
            "people.tsv",
            "weapons.tsv",
            "events.tsv",
        ] {
            for line in std::fs::read_to_string(dir.join(file)).unwrap().lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                let aliases = cols.get(1).copied().unwrap_or("");
                for form in std::iter::once(cols[0])
                    .chain(aliases.split('|'))
                    .filter(|f| !f.is_empty())
                {
                    if !is_name(form) {
                        bad.push(format!("{file}: {form}"));
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "descriptions, not names:\n{}",
            bad.join("\n")
        );
    }

    #[test]
    fn names_end_before_adjectival_suffixes_and_not_before_currency() {
        let t = "a Washington-based think tank";
        let (end, id) = longest_at(t, 2).expect("Washington");
        assert_eq!((&t[2..end], entry(id).kind), ("Washington", Kind::Place));
        assert!(longest_at("Russia-backed forces", 0).is_some());
        assert!(longest_at("US$133 million", 0).is_none());
        assert!(longest_at("Koreas-made", 0).is_none(), "not a name");
    }

    #[test]
    fn names_in_capitals_are_read_title_cased() {
        let t = "NORTH KOREA AND RUSSIA";
        let (end, id) = longest_at(t, 0).expect("NORTH KOREA");
        assert_eq!((&t[..end], entry(id).name), ("NORTH KOREA", "North Korea"));
        // short capitals are acronyms, never title-cased
        assert!(longest_at("US", 0).is_some_and(|(e, _)| e == 2));
    }
}
