//! The timeline: every dated statement of the corpus (a DATE mention with a value, in its
//! sentence, with the entities of that sentence, its article and its source) as a bounded
//! interval that keeps its precision (a day is a day, `2024-08` is August 1–31, `mid-August` is
//! about August 11–20, a season three months, a range its bounds), on two axes: when it
//! happened (from the text) and when it was reported (the publication date).
//!
//! [`TimelineIndex::build`] gathers and groups the statements once per corpus: statements of
//! the same interval about the same event (or, without one, the same interval) are one group,
//! so "the June summit" told by four articles is one mark with four articles behind it. A
//! sentence that names no event but speaks of "the forum", "the event" or "the summit" is about
//! the events of the sentence before it that names one (up to three sentences back).
//! [`timeline`] then turns the index and the articles a filter keeps into what the view draws:
//! lanes (by source or by entity type), marks inside the visible window, and bins instead of
//! marks when there are too many to draw. The axis keeps the whole corpus's extent while the
//! filter narrows what is on it.
use crate::index::{interval, Day, Index};
use crate::query::{Criterion, Filter};
use crate::{sentences, Corpus, Document, EntityType};
use rustc_hash::FxHashMap;

/// Days since 1970-01-01 (negative before): a linear axis, unlike `Day` (`yyyymmdd`).
pub type Epoch = i32;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
pub fn epoch(y: i32, m: u32, d: u32) -> Epoch {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count (the inverse of [`epoch`]).
pub fn civil(e: Epoch) -> (i32, u32, u32) {
    let z = e + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// The last day of a month.
fn month_len(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A `Day` (`yyyymmdd`, where day 31 may stand for a shorter month's end) as an epoch day.
pub fn day_epoch(day: Day) -> Epoch {
    let (y, m, d) = (
        (day / 10_000) as i32,
        (day / 100 % 100).max(1),
        (day % 100).max(1),
    );
    epoch(y, m, d.min(month_len(y, m)))
}

/// `YYYY-MM-DD` for an epoch day.
pub fn format_epoch(e: Epoch) -> String {
    let (y, m, d) = civil(e);
    format!("{y:04}-{m:02}-{d:02}")
}

/// How precisely a statement dates what it tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Day,
    /// A range of days (`August 12 to 14`).
    Days,
    /// Part of a month (`mid-August`, `early June`): about ten days.
    PartOfMonth,
    Month,
    /// A range of months (`June to August`).
    Months,
    Season,
    Year,
    /// A range of years (`1950 to 1953`).
    Years,
}

impl Precision {
    /// How the table says it.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Days => "days",
            Precision::PartOfMonth => "part of a month",
            Precision::Month => "month",
            Precision::Months => "months",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Years => "years",
        }
    }
}

/// The interval a DATE value covers, in epoch days (inclusive), with its precision; `surface`
/// (the words as written) narrows a month or a year to its early, middle or late part.
/// Returns the interval, its precision and whether its bounds are approximate.
pub fn dated(value: &str, surface: &str) -> Option<Dated> {
    let (a, b) = interval(value)?;
    let parts = |s: &str| s.split('-').count();
    let precision = match value.split_once('/') {
        None => match parts(value) {
            3 => Precision::Day,
            2 => Precision::Month,
            _ => Precision::Year,
        },
        Some((x, y)) => match (parts(x), parts(y)) {
            (3, _) | (_, 3) => Precision::Days,
            (2, 2) => {
                // three months from March, June, September or December: a season
                let months = (b / 10_000 * 12 + b / 100 % 100) - (a / 10_000 * 12 + a / 100 % 100);
                if months == 2 && matches!(a / 100 % 100, 3 | 6 | 9 | 12) {
                    Precision::Season
                } else {
                    Precision::Months
                }
            }
            _ => Precision::Years,
        },
    };
    let (start, end) = (day_epoch(a), day_epoch(b));
    let lower = surface.trim().to_lowercase();
    let part = ["early", "mid", "late"]
        .into_iter()
        .position(|p| lower.starts_with(p));
    Some(match (part, precision) {
        (Some(p), Precision::Month) => {
            let (s, e) = [(0, 9), (10, 19), (20, end - start)][p];
            (
                start + s,
                (start + e).min(end),
                Precision::PartOfMonth,
                true,
            )
        }
        (Some(p), Precision::Year) => {
            // early: January to April, mid: May to August, late: September to December
            let y = (a / 10_000) as i32;
            let from = epoch(y, 1 + 4 * p as u32, 1);
            let to = epoch(y, 4 + 4 * p as u32, month_len(y, 4 + 4 * p as u32));
            (from, to, Precision::Months, true)
        }
        _ => (start, end, precision, false),
    })
}

/// A dated interval: its first and last epoch day, its precision, whether it is approximate.
pub type Dated = (Epoch, Epoch, Precision, bool);

/// Nouns that, after "the", refer back to an event named shortly before ("the forum").
const EVENT_ANAPHORS: &[&str] = &[
    "event",
    "forum",
    "expo",
    "exhibition",
    "show",
    "fair",
    "summit",
    "meeting",
    "talks",
    "conference",
    "congress",
    "exercise",
    "exercises",
    "drill",
    "drills",
    "war",
    "parade",
    "ceremony",
    "games",
    "festival",
    "visit",
    "offensive",
    "operation",
    "election",
    "elections",
];

/// Whether a sentence speaks of an event without naming it ("the forum, which runs ...").
fn refers_to_an_event(sentence: &str) -> bool {
    sentences::words(sentence, (0, sentence.len()))
        .windows(2)
        .any(|w| {
            matches!(w[0].w.as_ref(), "the" | "this" | "that")
                && EVENT_ANAPHORS.contains(&w[1].w.as_ref())
        })
}

/// How far back a sentence that refers to an event looks for the sentence naming it.
const ANAPHOR_REACH: usize = 3;

/// The mentions of each sentence (indices into the article's mentions, in text order).
pub fn mentions_by_sentence(doc: &Document, sents: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(s) = sentences::containing(sents, m.start) {
            in_sentence[s].push(i);
        }
    }
    in_sentence
}

/// The events each sentence is about: the EVENT entities it names, in text order, or, when it
/// speaks of "the forum" or "the event" without naming one, those of the sentence shortly
/// before that names one.
pub fn events_by_sentence(
    doc: &Document,
    sents: &[(usize, usize)],
    in_sentence: &[Vec<usize>],
) -> Vec<Vec<u32>> {
    let mut events_of: Vec<Vec<u32>> = in_sentence
        .iter()
        .map(|members| {
            let mut ev: Vec<u32> = Vec::new();
            for &j in members {
                let n = &doc.mentions[j];
                if n.kind == EntityType::Event && !ev.contains(&(n.entity as u32)) {
                    ev.push(n.entity as u32);
                }
            }
            ev
        })
        .collect();
    // how often the article names each event: "the forum" is its most named one in reach
    let mut named: FxHashMap<u32, usize> = FxHashMap::default();
    for m in &doc.mentions {
        if m.kind == EntityType::Event {
            *named.entry(m.entity as u32).or_default() += 1;
        }
    }
    for s in 0..sents.len() {
        let reach = s.saturating_sub(ANAPHOR_REACH)..s;
        // the cheap tests first: an event named shortly before, then the sentence's words
        let before = reach.clone().any(|p| !events_of[p].is_empty());
        if events_of[s].is_empty()
            && before
            && refers_to_an_event(&doc.text[sents[s].0..sents[s].1])
        {
            let best = reach
                .clone()
                .rev()
                .flat_map(|p| events_of[p].iter().copied())
                .max_by_key(|e| named.get(e).copied().unwrap_or(0));
            let nearest = reach.rev().find(|&p| !events_of[p].is_empty());
            if let (Some(best), Some(p)) = (best, nearest) {
                let mut inherited = vec![best];
                inherited.extend(events_of[p].iter().copied().filter(|e| *e != best));
                events_of[s] = inherited;
            }
        }
    }
    events_of
}

/// One dated statement: a DATE mention in its sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub doc: u32,
    /// Index into the article's mentions.
    pub mention: u32,
    pub start: Epoch,
    pub end: Epoch,
    pub precision: Precision,
    /// The bounds are approximate (`mid-August`).
    pub approximate: bool,
    /// The sentence's byte span in the article's text.
    pub sentence: (u32, u32),
    /// The entities the sentence names besides dates, ascending.
    pub entities: Vec<u32>,
    /// The EVENT entities the sentence names, in text order (or those of the sentence shortly
    /// before, when this one refers to an event without naming it).
    pub events: Vec<u32>,
    /// The first of them: what the statement is grouped by.
    pub event: Option<u32>,
    /// The types the sentence names (bits as `index::type_bit`).
    pub types: u8,
}

/// Statements of one interval about one event (or about none): one mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub start: Epoch,
    pub end: Epoch,
    pub precision: Precision,
    pub approximate: bool,
    pub event: Option<u32>,
    /// Indices into `TimelineIndex::statements`, in article order.
    pub statements: Vec<u32>,
}

/// The corpus's dated statements and their groups, built once per corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineIndex {
    pub statements: Vec<Statement>,
    /// Sorted by start, then end.
    pub groups: Vec<Group>,
    /// Each article's publication day (the "reported" axis).
    pub reported: Vec<Option<Epoch>>,
    /// The whole corpus's extent on each axis: when things happened, when they were reported.
    pub happened_extent: Option<(Epoch, Epoch)>,
    pub reported_extent: Option<(Epoch, Epoch)>,
}

impl TimelineIndex {
    pub fn build(corpus: &Corpus, index: &Index) -> TimelineIndex {
        let mut statements = Vec::new();
        for (d, doc) in corpus.docs.iter().enumerate() {
            let sents = sentences::of_document(doc);
            let in_sentence = mentions_by_sentence(doc, &sents);
            let events_of = events_by_sentence(doc, &sents, &in_sentence);
            for (s, members) in in_sentence.iter().enumerate() {
                for &i in members {
                    let m = &doc.mentions[i];
                    if m.kind != EntityType::Date {
                        continue;
                    }
                    let Some(value) = m.value.as_deref() else {
                        continue;
                    };
                    let Some((start, end, precision, approximate)) =
                        dated(value, doc.mention_text(m))
                    else {
                        continue;
                    };
                    let mut entities: Vec<u32> = Vec::new();
                    let events = events_of[s].clone();
                    let mut types = 0u8;
                    if !events.is_empty() {
                        types |= crate::index::type_bit(EntityType::Event);
                    }
                    for &j in members {
                        let n = &doc.mentions[j];
                        if n.kind == EntityType::Date {
                            continue;
                        }
                        types |= crate::index::type_bit(n.kind);
                        entities.push(n.entity as u32);
                    }
                    entities.sort_unstable();
                    entities.dedup();
                    statements.push(Statement {
                        doc: d as u32,
                        mention: i as u32,
                        start,
                        end,
                        precision,
                        approximate,
                        sentence: (sents[s].0 as u32, sents[s].1 as u32),
                        entities,
                        event: events.first().copied(),
                        events,
                        types,
                    });
                }
            }
        }
        let mut keyed: FxHashMap<(Epoch, Epoch, Option<u32>), usize> = FxHashMap::default();
        let mut groups: Vec<Group> = Vec::new();
        for (i, s) in statements.iter().enumerate() {
            let g = *keyed.entry((s.start, s.end, s.event)).or_insert_with(|| {
                groups.push(Group {
                    start: s.start,
                    end: s.end,
                    precision: s.precision,
                    approximate: s.approximate,
                    event: s.event,
                    statements: Vec::new(),
                });
                groups.len() - 1
            });
            groups[g].statements.push(i as u32);
        }
        groups.sort_by_key(|g| (g.start, g.end, g.event));
        let reported: Vec<Option<Epoch>> = index
            .docs
            .iter()
            .map(|f| f.published.map(day_epoch))
            .collect();
        let span = |it: &mut dyn Iterator<Item = (Epoch, Epoch)>| {
            it.fold(None, |acc: Option<(Epoch, Epoch)>, (a, b)| {
                Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
            })
        };
        let happened_extent = span(&mut statements.iter().map(|s| (s.start, s.end)));
        let reported_extent = span(&mut reported.iter().flatten().map(|&d| (d, d)));
        TimelineIndex {
            statements,
            groups,
            reported,
            happened_extent,
            reported_extent,
        }
    }
}

/// Which time a timeline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Axis {
    /// When it happened, from the text.
    #[default]
    Happened,
    /// When it was reported: the article's publication date.
    Reported,
}

/// What the lanes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lanes {
    #[default]
    Source,
    /// The entity types the statement's sentence names.
    Type,
}

/// How the view asks for a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub axis: Axis,
    pub lanes: Lanes,
    /// The visible window (epoch days, inclusive); `None` for the whole extent.
    pub window: Option<(Epoch, Epoch)>,
    /// Most marks drawn: beyond it the marks of the window are counted into bins.
    pub max_marks: usize,
    /// Bins across the window when binned.
    pub bins: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            axis: Axis::Happened,
            lanes: Lanes::Source,
            window: None,
            max_marks: 400,
            bins: 80,
        }
    }
}

/// One mark: a group's statements in one lane, under the filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into `TimelineIndex::groups` (`u32::MAX` on the reported axis, where a mark is
    /// one article's publication day).
    pub group: u32,
    pub start: Epoch,
    pub end: Epoch,
    pub precision: Precision,
    pub approximate: bool,
    /// The statements behind it (indices into `TimelineIndex::statements`), filtered (none on
    /// the reported axis).
    pub statements: Vec<u32>,
    /// The distinct articles behind it, ascending.
    pub docs: Vec<u32>,
}

/// A bin of marks too many to draw one by one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bin {
    pub start: Epoch,
    pub end: Epoch,
    /// Statements in it.
    pub count: u32,
}

/// One lane of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
    pub marks: Vec<Mark>,
    pub bins: Vec<Bin>,
}

/// What the timeline view draws.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    /// The whole corpus's extent on this axis, padded (the axis does not shrink with the
    /// filter).
    pub extent: Option<(Epoch, Epoch)>,
    /// The visible window.
    pub window: Option<(Epoch, Epoch)>,
    /// Each lane's marks, and its bins when `binned` (the marks stay for the table view).
    pub lanes: Vec<Lane>,
    /// Statements under the filter, in the window and in all.
    pub in_window: usize,
    pub total: usize,
    /// Marks were counted into bins.
    pub binned: bool,
}

/// A statement's lanes: its article's source, or the types its sentence names.
fn lanes_of(
    opts: &Options,
    index: &Index,
    s_doc: u32,
    types: u8,
    n_sources: usize,
) -> impl Iterator<Item = usize> {
    let source = index.docs[s_doc as usize]
        .source
        .map_or(n_sources, |s| s as usize);
    let by_source = opts.lanes == Lanes::Source;
    let type_lanes = (0..5).filter(move |i| !by_source && types & (1 << i) != 0);
    by_source.then_some(source).into_iter().chain(type_lanes)
}

/// The timeline of the articles in `keep` (what the filter matched, in any order).
pub fn timeline(tix: &TimelineIndex, index: &Index, keep: &[u32], opts: &Options) -> Timeline {
    let kept = super::membership(keep, index.docs.len());
    let extent = match opts.axis {
        Axis::Happened => tix.happened_extent,
        Axis::Reported => tix.reported_extent,
    }
    .map(|(a, b)| {
        let pad = ((b - a) / 40).max(3);
        (a - pad, b + pad)
    });
    let window = opts.window.or(extent);
    let Some((w0, w1)) = window else {
        return Timeline::default();
    };
    let n_sources = index.sources.len();
    let labels: Vec<String> = match opts.lanes {
        Lanes::Source => index
            .sources
            .iter()
            .cloned()
            .chain(std::iter::once("No known source".to_string()))
            .collect(),
        Lanes::Type => EntityType::ALL[..5]
            .iter()
            .map(|t| {
                let p = t.plural();
                let mut c = p.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect(),
    };
    let mut lanes: Vec<Lane> = labels
        .into_iter()
        .map(|label| Lane {
            label,
            marks: Vec::new(),
            bins: Vec::new(),
        })
        .collect();
    let mut total = 0;
    let mut in_window = 0;
    // marks: one per group and lane, its statements filtered
    let mut per_lane: Vec<Vec<u32>> = vec![Vec::new(); lanes.len()];
    match opts.axis {
        Axis::Happened => {
            for (g, group) in tix.groups.iter().enumerate() {
                let visible = group.start <= w1 && w0 <= group.end;
                for l in per_lane.iter_mut() {
                    l.clear();
                }
                for &si in &group.statements {
                    let s = &tix.statements[si as usize];
                    if !kept[s.doc as usize] {
                        continue;
                    }
                    total += 1;
                    if !visible {
                        continue;
                    }
                    in_window += 1;
                    for l in lanes_of(opts, index, s.doc, s.types, n_sources) {
                        per_lane[l].push(si);
                    }
                }
                if !visible {
                    continue;
                }
                for (l, sts) in per_lane.iter().enumerate() {
                    if sts.is_empty() {
                        continue;
                    }
                    let mut docs: Vec<u32> = sts
                        .iter()
                        .map(|&i| tix.statements[i as usize].doc)
                        .collect();
                    docs.sort_unstable();
                    docs.dedup();
                    lanes[l].marks.push(Mark {
                        group: g as u32,
                        start: group.start,
                        end: group.end,
                        precision: group.precision,
                        approximate: group.approximate,
                        statements: sts.clone(),
                        docs,
                    });
                }
            }
        }
        Axis::Reported => {
            // one mark per article: its publication day, in its source's lane (or in the
            // lanes of the types it names)
            for &d in keep {
                let Some(day) = tix.reported.get(d as usize).copied().flatten() else {
                    continue;
                };
                total += 1;
                if !(w0 <= day && day <= w1) {
                    continue;
                }
                in_window += 1;
                let types = index.docs[d as usize].types;
                for l in lanes_of(opts, index, d, types, n_sources) {
                    lanes[l].marks.push(Mark {
                        group: u32::MAX,
                        start: day,
                        end: day,
                        precision: Precision::Day,
                        approximate: false,
                        statements: Vec::new(),
                        docs: vec![d],
                    });
                }
            }
        }
    }
    let marks: usize = lanes.iter().map(|l| l.marks.len()).sum();
    let binned = marks > opts.max_marks;
    if binned {
        let n = opts.bins.max(1) as i64;
        let width = (w1 - w0 + 1) as i64;
        for lane in &mut lanes {
            let mut counts = vec![0u32; n as usize];
            for m in &lane.marks {
                // a mark counts in the bin of its middle
                let mid = ((m.start.max(w0) as i64 + m.end.min(w1) as i64) / 2 - w0 as i64)
                    .clamp(0, width - 1);
                counts[(mid * n / width) as usize] += m.statements.len().max(m.docs.len()) as u32;
            }
            lane.bins = counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(i, &count)| Bin {
                    start: w0 + (i as i64 * width / n) as Epoch,
                    end: w0 + ((i as i64 + 1) * width / n) as Epoch - 1,
                    count,
                })
                .collect();
        }
    }
    // lanes with nothing to show under the filter are left out
    lanes.retain(|l| !l.marks.is_empty() || !l.bins.is_empty());
    Timeline {
        extent,
        window,
        lanes,
        in_window,
        total,
        binned,
    }
}

/// The ticks of an axis over `window`: their day and label, at the finest unit that gives at
/// most about a dozen (days, months, quarters, years, or 2, 5, 10, 20, 50, 100 years).
pub fn ticks((w0, w1): (Epoch, Epoch)) -> Vec<(Epoch, String)> {
    let span = (w1 - w0 + 1).max(1);
    let (y0, m0, _) = civil(w0);
    let mut out = Vec::new();
    if span <= 21 {
        for e in w0..=w1 {
            out.push((e, format_epoch(e)[5..].to_string()));
        }
        return out;
    }
    if span <= 120 {
        // weeks, on Mondays (1970-01-05 was one)
        let mut e = w0 + (7 - (w0 - 4).rem_euclid(7)) % 7;
        while e <= w1 {
            out.push((e, format_epoch(e)[5..].to_string()));
            e += 7;
        }
        return out;
    }
    let months = span / 30;
    let step_months = match months {
        0..=14 => 1,
        15..=40 => 3,
        41..=150 => 12,
        _ => 0,
    };
    if step_months > 0 {
        let (mut y, mut m) = (y0, m0);
        // the first month boundary inside the window, on the step
        loop {
            let e = epoch(y, m, 1);
            if e >= w0 && (m - 1) % step_months == 0 {
                break;
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        loop {
            let e = epoch(y, m, 1);
            if e > w1 {
                break;
            }
            let label = if step_months == 12 {
                format!("{y}")
            } else {
                format!("{y}-{m:02}")
            };
            out.push((e, label));
            m += step_months;
            while m > 12 {
                m -= 12;
                y += 1;
            }
        }
        return out;
    }
    let years = span / 365;
    let step = [2, 5, 10, 20, 50, 100, 200, 500, 1000]
        .into_iter()
        .find(|s| years / s <= 12)
        .unwrap_or(1000);
    let (y1, _, _) = civil(w1);
    let mut y = y0.div_euclid(step) * step;
    while y <= y1 {
        let e = epoch(y, 1, 1);
        if e >= w0 {
            out.push((e, format!("{y}")));
        }
        y += step;
    }
    out
}

/// A window `factor` times as wide around its middle (`factor` < 1 zooms in), within `extent`,
/// and never narrower than a week.
pub fn zoom((w0, w1): (Epoch, Epoch), factor: f64, extent: (Epoch, Epoch)) -> (Epoch, Epoch) {
    let mid = (w0 as f64 + w1 as f64) / 2.0;
    let half = (((w1 - w0 + 1) as f64 * factor) / 2.0).max(3.5);
    let (a, b) = ((mid - half).round() as Epoch, (mid + half).round() as Epoch);
    clamp_window((a, b), extent)
}

/// A window moved by `fraction` of its width (negative: earlier), within `extent`.
pub fn pan((w0, w1): (Epoch, Epoch), fraction: f64, extent: (Epoch, Epoch)) -> (Epoch, Epoch) {
    let shift = ((w1 - w0 + 1) as f64 * fraction).round() as Epoch;
    clamp_window((w0 + shift, w1 + shift), extent)
}

fn clamp_window((a, b): (Epoch, Epoch), (e0, e1): (Epoch, Epoch)) -> (Epoch, Epoch) {
    let width = (b - a).min(e1 - e0);
    if a < e0 {
        (e0, e0 + width)
    } else if b > e1 {
        (e1 - width, e1)
    } else {
        (a, b)
    }
}

/// The URL keys of the filter's date bounds on an axis.
fn bound_keys(axis: Axis) -> (&'static str, &'static str) {
    match axis {
        Axis::Happened => ("mfrom", "mto"),
        Axis::Reported => ("from", "to"),
    }
}

/// The range the filter's date bounds choose on an axis (mentioned dates for when it
/// happened, published dates for when it was reported): its first and last epoch day, each
/// `None` where that bound is open; `None` if neither is set.
pub fn chosen_range(f: &Filter, axis: Axis) -> Option<(Option<Epoch>, Option<Epoch>)> {
    let (from, to) = bound_keys(axis);
    let day = |key: &str, end: bool| {
        f.bound(key)
            .and_then(crate::index::partial)
            .map(|(a, b)| day_epoch(if end { b } else { a }))
    };
    let (a, b) = (day(from, false), day(to, true));
    (a.is_some() || b.is_some()).then_some((a, b))
}

/// Sets the filter's date bounds on an axis to a range of epoch days (a brush across it).
pub fn choose_range(f: &mut Filter, axis: Axis, (a, b): (Epoch, Epoch)) {
    let (from, to) = (format_epoch(a), format_epoch(b));
    match axis {
        Axis::Happened => {
            f.set(Criterion::MentionedFrom(from));
            f.set(Criterion::MentionedTo(to));
        }
        Axis::Reported => {
            f.set(Criterion::PublishedFrom(from));
            f.set(Criterion::PublishedTo(to));
        }
    }
}

/// A window as a URL writes it (`2024-08-01/2024-08-31`), or `None` if it is not one.
pub fn parse_window(s: &str) -> Option<(Epoch, Epoch)> {
    let (a, b) = s.split_once('/')?;
    let (from, _) = crate::index::partial(a)?;
    let (_, to) = crate::index::partial(b)?;
    let (from, to) = (day_epoch(from), day_epoch(to));
    (from <= to).then_some((from, to))
}

/// A window as a URL writes it.
pub fn format_window((a, b): (Epoch, Epoch)) -> String {
    format!("{}/{}", format_epoch(a), format_epoch(b))
}

/// How a mark's interval is written: `2024-08-12`, `2024-08-12 to 2024-08-14`, `about
/// 2024-08-11 to 2024-08-20`.
pub fn interval_label(start: Epoch, end: Epoch, precision: Precision, approximate: bool) -> String {
    let (y0, m0, _) = civil(start);
    let (y1, _, _) = civil(end);
    let s = match precision {
        Precision::Day => format_epoch(start),
        Precision::Month => format!("{y0:04}-{m0:02}"),
        Precision::Year => format!("{y0:04}"),
        Precision::Years => format!("{y0:04} to {y1:04}"),
        _ => format!("{} to {}", format_epoch(start), format_epoch(end)),
    };
    if approximate {
        format!("about {s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(epoch(1970, 1, 1), 0);
        assert_eq!(epoch(2024, 8, 12), 19_947);
        assert_eq!(epoch(1950, 6, 25), -7_130);
        for e in [-800_000, -7_130, -1, 0, 59, 60, 19_947, 2_000_000] {
            let (y, m, d) = civil(e);
            assert_eq!(epoch(y, m, d), e, "{e}");
        }
        assert_eq!(
            day_epoch(20240231),
            epoch(2024, 2, 29),
            "a month's end written as 31"
        );
    }

    #[test]
    fn precision_is_kept_as_a_bounded_interval() {
        let d = |y, m, dd| epoch(y, m, dd);
        let cases: &[(&str, &str, Dated)] = &[
            (
                "2024-08-12",
                "August 12",
                (d(2024, 8, 12), d(2024, 8, 12), Precision::Day, false),
            ),
            (
                "2024-08",
                "August",
                (d(2024, 8, 1), d(2024, 8, 31), Precision::Month, false),
            ),
            (
                "2024-08",
                "mid-August",
                (d(2024, 8, 11), d(2024, 8, 20), Precision::PartOfMonth, true),
            ),
            (
                "2024-02",
                "late February",
                (d(2024, 2, 21), d(2024, 2, 29), Precision::PartOfMonth, true),
            ),
            (
                "2024-08-15/2024-08-21",
                "August 15 through August 21",
                (d(2024, 8, 15), d(2024, 8, 21), Precision::Days, false),
            ),
            (
                "2023-03/2023-05",
                "last spring",
                (d(2023, 3, 1), d(2023, 5, 31), Precision::Season, false),
            ),
            (
                "2024-12/2025-02",
                "this winter",
                (d(2024, 12, 1), d(2025, 2, 28), Precision::Season, false),
            ),
            (
                "2024-06/2024-09",
                "June to September",
                (d(2024, 6, 1), d(2024, 9, 30), Precision::Months, false),
            ),
            (
                "1950/1953",
                "1950 to 1953",
                (d(1950, 1, 1), d(1953, 12, 31), Precision::Years, false),
            ),
            (
                "2024",
                "early 2024",
                (d(2024, 1, 1), d(2024, 4, 30), Precision::Months, true),
            ),
            (
                "2024",
                "2024",
                (d(2024, 1, 1), d(2024, 12, 31), Precision::Year, false),
            ),
        ];
        for (value, surface, want) in cases {
            assert_eq!(dated(value, surface), Some(*want), "{value} {surface}");
        }
        assert_eq!(dated("someday", "someday"), None);
    }

    fn corpus() -> (Corpus, Index, TimelineIndex) {
        let (c, _) = Corpus::build(vec![
            Input::new("a.txt", b"Forum opens\n\nPublished: 2024-08-10\n\nThe ARMY 2024 forum runs from August 15 through August 21 near Moscow. The Korean War of 1950 to 1953 ended in an armistice.".to_vec()),
            Input::new("b.txt", b"Delegation goes\n\nPublished: 2024-08-12\n\nThe ARMY 2024 forum runs from August 12 to 14, Kim Jong-sik said. The Korean War of 1950 to 1953 was recalled.".to_vec()),
            Input::new("c.txt", b"Summit\n\nPublished: 2024-06-20\n\nKim Jong Un met Vladimir Putin in Pyongyang on June 19, 2024.".to_vec()),
        ]);
        let ix = Index::build(&c);
        let tix = TimelineIndex::build(&c, &ix);
        (c, ix, tix)
    }

    #[test]
    fn statements_carry_their_sentence_entities_and_event() {
        let (c, _, tix) = corpus();
        let forum = tix
            .statements
            .iter()
            .find(|s| s.doc == 0 && s.precision == Precision::Days)
            .expect("the forum's dates");
        let text = &c.docs[0].text[forum.sentence.0 as usize..forum.sentence.1 as usize];
        assert!(
            text.starts_with("The ARMY 2024 forum runs") && text.ends_with("Moscow."),
            "{text}"
        );
        let event = forum.event.map(|e| c.entities[e as usize].name.as_str());
        assert_eq!(event, Some("ARMY 2024"));
        assert!(forum
            .entities
            .iter()
            .any(|&e| c.entities[e as usize].name == "Moscow"));
    }

    #[test]
    fn a_sentence_about_the_forum_is_about_the_forum_named_before() {
        let (c, _) = Corpus::build(vec![Input::new(
            "a.txt",
            b"Delegation goes\n\nKim Jong-sik attended the opening of the ARMY 2024 expo in Moscow.\n\nOfficials from 83 countries attend the event, which runs from August 12 to 14. The talks on rockets went on.\n\nThe Korean War ended in 1953. The weather was fine on August 20."
                .to_vec(),
        )]);
        let ix = Index::build(&c);
        let tix = TimelineIndex::build(&c, &ix);
        let name = |s: &Statement| s.event.map(|e| c.entities[e as usize].name.clone());
        let runs = tix
            .statements
            .iter()
            .find(|s| s.precision == Precision::Days)
            .unwrap();
        assert_eq!(name(runs).as_deref(), Some("ARMY 2024"));
        // a sentence that refers to no event keeps none
        let weather = tix
            .statements
            .iter()
            .find(|s| s.start == epoch(2024, 8, 20))
            .unwrap();
        assert_eq!(weather.event, None);
        assert!(refers_to_an_event(
            "the forum, which will be held from August 15"
        ));
        assert!(!refers_to_an_event("Forum members met on Friday"));
    }

    #[test]
    fn repeated_facts_are_grouped_across_articles() {
        let (c, _, tix) = corpus();
        let war = tix
            .groups
            .iter()
            .find(|g| g.precision == Precision::Years && g.start == epoch(1950, 1, 1))
            .expect("the Korean War");
        let docs: Vec<u32> = war
            .statements
            .iter()
            .map(|&i| tix.statements[i as usize].doc)
            .collect();
        assert_eq!(docs, [0, 1]);
        assert_eq!(war.end, epoch(1953, 12, 31));
        // the two forum date ranges are two marks: they differ
        let forum: Vec<&Group> = tix
            .groups
            .iter()
            .filter(|g| {
                g.event
                    .is_some_and(|e| c.entities[e as usize].name == "ARMY 2024")
            })
            .collect();
        assert_eq!(forum.len(), 2);
    }

    #[test]
    fn the_view_follows_the_filter_but_keeps_the_axis() {
        let (_, ix, tix) = corpus();
        let all: Vec<u32> = (0..3).collect();
        let full = timeline(&tix, &ix, &all, &Options::default());
        let only_c = vec![2u32];
        let narrowed = timeline(&tix, &ix, &only_c, &Options::default());
        assert_eq!(
            full.extent, narrowed.extent,
            "the axis keeps the corpus's scale"
        );
        assert!(narrowed.total < full.total);
        let marks: usize = narrowed.lanes.iter().map(|l| l.marks.len()).sum();
        assert_eq!(marks, narrowed.in_window);
        // by type: the forum statement sits in the event, place and person lanes it names
        let by_type = timeline(
            &tix,
            &ix,
            &all,
            &Options {
                lanes: Lanes::Type,
                ..Options::default()
            },
        );
        let labels: Vec<&str> = by_type.lanes.iter().map(|l| l.label.as_str()).collect();
        assert!(
            labels.contains(&"Events") && labels.contains(&"Places"),
            "{labels:?}"
        );
        // the reported axis: one mark per dated article
        let reported = timeline(
            &tix,
            &ix,
            &all,
            &Options {
                axis: Axis::Reported,
                ..Options::default()
            },
        );
        assert_eq!(reported.total, 3);
    }

    #[test]
    fn too_many_marks_are_binned_within_the_window() {
        let (_, ix, tix) = corpus();
        let all: Vec<u32> = (0..3).collect();
        let opts = Options {
            max_marks: 1,
            bins: 10,
            ..Options::default()
        };
        let t = timeline(&tix, &ix, &all, &opts);
        assert!(t.binned);
        let counted: u32 = t.lanes.iter().flat_map(|l| &l.bins).map(|b| b.count).sum();
        assert_eq!(counted as usize, t.in_window);
        // a window narrows what is drawn, not the axis
        let window = (epoch(2024, 8, 1), epoch(2024, 8, 31));
        let t = timeline(
            &tix,
            &ix,
            &all,
            &Options {
                window: Some(window),
                ..Options::default()
            },
        );
        assert_eq!(t.window, Some(window));
        assert!(t.in_window < t.total);
        assert!(t
            .lanes
            .iter()
            .flat_map(|l| &l.marks)
            .all(|m| m.start <= window.1 && window.0 <= m.end));
    }

    #[test]
    fn ticks_zoom_and_pan() {
        let d = |y, m, dd| epoch(y, m, dd);
        let years: Vec<String> = ticks((d(1948, 3, 1), d(2025, 6, 1)))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(years.first().map(String::as_str), Some("1950"));
        assert!(years.len() <= 13, "{years:?}");
        let months: Vec<String> = ticks((d(2024, 1, 15), d(2024, 9, 1)))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(months[0], "2024-02");
        let days = ticks((d(2024, 8, 10), d(2024, 8, 20)));
        assert_eq!(days.len(), 11);
        let extent = (d(1950, 1, 1), d(2024, 12, 31));
        let w = zoom(extent, 0.5, extent);
        assert!(w.1 - w.0 < (extent.1 - extent.0) / 2 + 2);
        assert_eq!(
            zoom(w, 10.0, extent),
            extent,
            "zooming out stops at the extent"
        );
        assert_eq!(
            zoom((d(2024, 8, 10), d(2024, 8, 10)), 0.1, extent).1
                - zoom((d(2024, 8, 10), d(2024, 8, 10)), 0.1, extent).0,
            7
        );
        let p = pan(w, -10.0, extent);
        assert_eq!(p.0, extent.0, "panning stops at the extent");
        assert_eq!(p.1 - p.0, w.1 - w.0);
    }

    #[test]
    fn a_brushed_range_round_trips_through_the_filter() {
        let mut f = Filter::default();
        assert_eq!(chosen_range(&f, Axis::Happened), None);
        let r = (epoch(2024, 8, 12), epoch(2024, 8, 14));
        choose_range(&mut f, Axis::Happened, r);
        assert_eq!(f.bound("mfrom"), Some("2024-08-12"));
        assert_eq!(
            chosen_range(&f, Axis::Happened),
            Some((Some(r.0), Some(r.1)))
        );
        assert_eq!(chosen_range(&f, Axis::Reported), None);
        // an open bound, at month precision, reads as the month's days
        f.set(Criterion::MentionedFrom(String::new()));
        f.set(Criterion::MentionedTo("2024-09".into()));
        assert_eq!(
            chosen_range(&f, Axis::Happened),
            Some((None, Some(epoch(2024, 9, 30))))
        );
        choose_range(&mut f, Axis::Reported, r);
        assert_eq!(
            (f.bound("from"), f.bound("to")),
            (Some("2024-08-12"), Some("2024-08-14"))
        );
    }

    #[test]
    fn windows_round_trip_through_the_url() {
        let w = (epoch(2024, 8, 1), epoch(2024, 8, 31));
        assert_eq!(format_window(w), "2024-08-01/2024-08-31");
        assert_eq!(parse_window("2024-08-01/2024-08-31"), Some(w));
        assert_eq!(
            parse_window("2024-08/2024-09"),
            Some((epoch(2024, 8, 1), epoch(2024, 9, 30)))
        );
        for bad in ["", "2024", "2024-09-01/2024-08-01", "x/y"] {
            assert_eq!(parse_window(bad), None, "{bad}");
        }
    }

    #[test]
    fn labels_say_the_precision() {
        let d = |y, m, dd| epoch(y, m, dd);
        assert_eq!(
            interval_label(d(2024, 8, 12), d(2024, 8, 12), Precision::Day, false),
            "2024-08-12"
        );
        assert_eq!(
            interval_label(d(2024, 8, 1), d(2024, 8, 31), Precision::Month, false),
            "2024-08"
        );
        assert_eq!(
            interval_label(d(1950, 1, 1), d(1953, 12, 31), Precision::Years, false),
            "1950 to 1953"
        );
        assert_eq!(
            interval_label(d(2024, 8, 11), d(2024, 8, 20), Precision::PartOfMonth, true),
            "about 2024-08-11 to 2024-08-20"
        );
    }
}
