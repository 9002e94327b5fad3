//! Claims: sentence-level statements about one subject (an EVENT, or a PERSON, ORG, PLACE or
//! WEAPON entity) with a slot and a value: the date it happens or happened, a quantity
//! (troops, missiles, casualties, participants, countries, money) or the place it happens. They
//! are found with rules over the extracted mentions and the sentence's words, never a model:
//! the unit noun after a number, the event's date phrase, "in"/"at"/"near" before a place.
//! Each claim keeps its article, its sentence and the byte span of its value.
use crate::sentences::{words, Word};
use crate::views::timeline::{dated, Epoch, Precision};
use crate::{Corpus, Document, EntityType, Mention};

/// What a quantity counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Troops,
    Missiles,
    Casualties,
    Participants,
    Countries,
    Money,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Troops => "troops",
            Unit::Missiles => "missiles",
            Unit::Casualties => "casualties",
            Unit::Participants => "participants",
            Unit::Countries => "countries",
            Unit::Money => "money",
        }
    }

    /// The unit a noun (lower case) names.
    fn of_noun(w: &str) -> Option<Unit> {
        Some(match w {
            "troops" | "soldiers" | "troop" | "servicemen" | "personnel" | "fighters"
            | "mercenaries" | "conscripts" => Unit::Troops,
            "missiles" | "missile" | "rockets" | "shells" | "rounds" | "drones" | "munitions" => {
                Unit::Missiles
            }
            "killed" | "dead" | "deaths" | "casualties" | "died" | "fatalities" | "people"
            | "civilians" => Unit::Casualties,
            "participants" | "delegates" | "attendees" | "visitors" | "representatives"
            | "exhibitors" | "companies" => Unit::Participants,
            "countries" | "nations" | "states" => Unit::Countries,
            _ => return None,
        })
    }
}

/// How a number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// As given ("12,000").
    Exact,
    /// "about", "some", "around", "an estimated", "nearly", "roughly".
    About,
    /// "at least", "more than", "over": the true value is at least this.
    AtLeast,
    /// "at most", "up to", "fewer than", "less than", "under".
    AtMost,
}

/// A normalised quantity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub n: f64,
    pub bound: Bound,
}

/// A claim's slot and value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// When it happens or happened: an interval of epoch days with its precision.
    Date {
        start: Epoch,
        end: Epoch,
        precision: Precision,
        approximate: bool,
    },
    Quantity {
        unit: Unit,
        q: Quantity,
    },
    /// Where it happens: a PLACE entity.
    Place(u32),
}

/// The slot of a value (what a claim is about, beside its subject).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Date,
    Quantity(Unit),
    Place,
}

impl Value {
    pub fn slot(&self) -> Slot {
        match self {
            Value::Date { .. } => Slot::Date,
            Value::Quantity { unit, .. } => Slot::Quantity(*unit),
            Value::Place(_) => Slot::Place,
        }
    }
}

/// One claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub doc: u32,
    /// The subject entity.
    pub subject: u32,
    pub value: Value,
    /// Byte spans in the article's text: the sentence, and the value's words.
    pub sentence: (u32, u32),
    pub span: (u32, u32),
}

/// Number words.
fn number_word(w: &str) -> Option<f64> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    Some(match w {
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" | "a hundred" => 100.0,
        "dozen" | "a dozen" => 12.0,
        _ => return None,
    })
}

/// Whether a text holds a number written as a word (a cheap test before reading its words).
fn has_number_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "thousand", "million", "billion",
    ];
    let lower = text.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Reads a number at `words[i]` (digits with separators, a currency sign, number words, a
/// scale word after it: "5.5 billion", "10 thousand", "nine billion", "$1.2 billion"): its value,
/// whether it is money, and the index after it.
fn number_at(words: &[Word<'_>], i: usize) -> Option<(f64, bool, usize)> {
    let w = words[i].w.as_ref();
    let (money, digits) = match w.strip_prefix(['$', '€', '£', '₩']) {
        Some(rest) => (true, rest),
        None => (false, w),
    };
    let mut n = if digits.starts_with(|c: char| c.is_ascii_digit()) {
        let clean: String = digits.chars().filter(|c| *c != ',').collect();
        clean.parse::<f64>().ok()?
    } else {
        number_word(digits)?
    };
    let mut j = i + 1;
    while let Some(s) = words.get(j).and_then(|x| scale_word(&x.w)) {
        n *= s;
        j += 1;
    }
    Some((n, money, j))
}

/// The qualifier in the words before a number.
fn bound_before(words: &[Word<'_>], i: usize) -> Bound {
    let w = |k: usize| {
        i.checked_sub(k)
            .and_then(|p| words.get(p))
            .map(|x| x.w.as_ref())
    };
    match (w(2), w(1)) {
        (Some("at"), Some("least")) | (Some("more"), Some("than")) | (_, Some("over")) => {
            Bound::AtLeast
        }
        (Some("no"), Some("fewer")) => Bound::AtLeast,
        (Some("at"), Some("most"))
        | (Some("up"), Some("to"))
        | (Some("fewer"), Some("than"))
        | (Some("less"), Some("than"))
        | (_, Some("under")) => Bound::AtMost,
        (
            _,
            Some(
                "about" | "some" | "around" | "approximately" | "roughly" | "nearly" | "almost"
                | "estimated",
            ),
        ) => Bound::About,
        _ => Bound::Exact,
    }
}

/// Words after which a number is a date or a count of something else (years, hours,
/// kilometres, percent), not a quantity of the units above.
const NOT_A_COUNT: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "percent",
    "per",
    "%",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "times",
    "kg",
    "tons",
    "tonnes",
];

/// Words that make a sentence say where something takes place, with a PLACE after
/// "in", "at" or "near".
const PLACE_TRIGGERS: &[&str] = &[
    "met",
    "meet",
    "meeting",
    "held",
    "hold",
    "hosted",
    "took",
    "talks",
    "summit",
    "trained",
    "training",
    "received",
    "signed",
    "visited",
    "gathered",
    "stationed",
    "based",
    "deployed",
];

/// Words that make a sentence about an event say when it happens.
#[rustfmt::skip]
const EVENT_TIME: &[&str] = &[
    "held", "hold", "holds", "run", "runs", "ran", "running", "took", "takes", "take", "opens",
    "opened", "open", "begin", "begins", "began", "start", "starts", "started", "end", "ends",
    "ended", "scheduled", "close", "closes", "closed", "wrapped", "concluded", "staged", "lasted",
    "lasts",
];

/// Words that make a sentence about a person date a visit or a meeting.
const VISIT_TRIGGERS: &[&str] = &[
    "arrived",
    "arrives",
    "visited",
    "visit",
    "visits",
    "landed",
    "met",
    "meets",
    "talks",
    "travelled",
    "traveled",
    "trip",
    "received",
];

/// Verbs that make the name before them the source of a statement, not its subject
/// ("..., HUR said").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "told",
    "announced",
    "announces",
    "estimated",
    "estimates",
    "believes",
    "stated",
    "learned",
    "quoted",
    "claimed",
    "claims",
    "added",
    "noted",
    "wrote",
    "confirmed",
];

/// Whether mention `m` is the source of its sentence's statement rather than its subject: a
/// name followed by a reporting verb, after "according to" or "citing", or the article's own
/// outlet.
fn is_source(doc: &Document, m: &Mention, ws: &[Word<'_>]) -> bool {
    if m.kind != EntityType::Org && m.kind != EntityType::Person {
        return false;
    }
    let after = ws.iter().position(|w| w.start >= m.end);
    let before = ws.iter().rposition(|w| w.end <= m.start);
    let next = |k: usize| after.and_then(|a| ws.get(a + k)).map(|w| w.w.as_ref());
    // the verb right after the name, or after an auxiliary ("HUR said", "NIS has said")
    let verb = match next(0) {
        Some("has" | "have" | "had" | "also" | "later" | "earlier") => next(1),
        w => w,
    };
    let reported = verb.is_some_and(|w| REPORTING.contains(&w));
    let prev = |k: usize| {
        before
            .and_then(|b| b.checked_sub(k))
            .and_then(|p| ws.get(p))
            .map(|w| w.w.as_ref())
    };
    let cited =
        matches!((prev(1), prev(0)), (Some("according"), Some("to"))) || prev(0) == Some("citing");
    let outlet = doc
        .source()
        .is_some_and(|s| s.eq_ignore_ascii_case(doc.mention_text(m)));
    reported || cited || outlet
}

/// The subject of a claim among the sentence's mentions, by the slot's order of types, the
/// nearest to `at` when a type has several (the first, for people: a sentence's person is its
/// actor); the sources of the statement are never its subject.
fn subject(
    doc: &Document,
    members: &[usize],
    events: &[u32],
    order: &[EntityType],
    at: usize,
    ws: &[Word<'_>],
) -> Option<u32> {
    for t in order {
        if *t == EntityType::Event {
            if let Some(&e) = events.first() {
                return Some(e);
            }
            continue;
        }
        let mut candidates = members
            .iter()
            .map(|&j| &doc.mentions[j])
            .filter(|m| m.kind == *t && !is_source(doc, m, ws));
        let best = if *t == EntityType::Person {
            candidates.next()
        } else {
            candidates.min_by_key(|m| m.start.abs_diff(at))
        };
        if let Some(m) = best {
            return Some(m.entity as u32);
        }
    }
    None
}

/// The order of subject types for a quantity of `unit`.
fn subject_order(unit: Unit) -> &'static [EntityType] {
    use EntityType::*;
    match unit {
        Unit::Troops => &[Event, Org, Place, Weapon],
        Unit::Missiles => &[Weapon, Event, Place, Org],
        Unit::Casualties => &[Place, Event, Org],
        Unit::Participants | Unit::Countries => &[Event, Org, Place],
        Unit::Money => &[Org, Weapon, Place, Event, Person],
    }
}

fn is_local(corpus: &Corpus, m: &Mention) -> bool {
    corpus.entities.get(m.entity).is_some_and(|e| e.local)
}

/// The claims of one article: its sentences, the mentions of each, and the events each is
/// about (see `timeline::events_by_sentence`: a sentence about "the forum" inherits the forum
/// named before).
pub fn claims_of(
    corpus: &Corpus,
    d: usize,
    sents: &[(usize, usize)],
    in_sentence: &[Vec<usize>],
    events_of: &[Vec<u32>],
) -> Vec<Claim> {
    let doc = &corpus.docs[d];
    let mut out = Vec::new();
    for (s, members) in in_sentence.iter().enumerate() {
        let span = sents[s];
        let sentence = (span.0 as u32, span.1 as u32);
        // only a sentence with a date, a place or a number can make a claim
        let text = &doc.text[span.0..span.1];
        let named = members
            .iter()
            .any(|&j| matches!(doc.mentions[j].kind, EntityType::Date | EntityType::Place));
        if !named && !text.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(text) {
            continue;
        }
        let ws = words(&doc.text, span);
        let has = |list: &[&str]| ws.iter().any(|w| list.contains(&w.w.as_ref()));
        let events = &events_of[s];
        // dates: of the events the sentence is about, when it says when they happen; or of a
        // person's visit, when the person, the visit's verb and the date come in that order
        let date_subject = |at: usize, ranged: bool| {
            if !events.is_empty() {
                return (has(EVENT_TIME) || ranged).then(|| events[0]);
            }
            let person = subject(doc, members, &[], &[EntityType::Person], at, &ws)?;
            let first = members
                .iter()
                .map(|&j| &doc.mentions[j])
                .find(|m| m.entity as u32 == person)?;
            let verb = ws
                .iter()
                .position(|w| w.start >= first.end && VISIT_TRIGGERS.contains(&w.w.as_ref()))?;
            let close = ws[..verb].iter().filter(|w| w.start >= first.end).count() <= 8;
            (close && ws[verb].end <= at).then_some(person)
        };
        for &i in members {
            let m = &doc.mentions[i];
            if m.kind != EntityType::Date || is_local(corpus, m) {
                continue;
            }
            let Some((start, end, precision, approximate)) = m
                .value
                .as_deref()
                .and_then(|v| dated(v, doc.mention_text(m)))
            else {
                continue;
            };
            // a year alone dates too little to dispute ("in 2016")
            if matches!(precision, Precision::Year | Precision::Years) {
                continue;
            }
            // the day a statement was made is not the day of what it tells ("reported on
            // Friday that ...")
            let said_on = ws
                .iter()
                .rposition(|w| w.end <= m.start)
                .filter(|&b| b >= 1 && matches!(ws[b].w.as_ref(), "on" | "last"))
                .is_some_and(|b| REPORTING.contains(&ws[b - 1].w.as_ref()));
            if said_on {
                continue;
            }
            let ranged = matches!(precision, Precision::Days | Precision::PartOfMonth);
            if let Some(subj) = date_subject(m.start, ranged) {
                out.push(Claim {
                    doc: d as u32,
                    subject: subj,
                    value: Value::Date {
                        start,
                        end,
                        precision,
                        approximate,
                    },
                    sentence,
                    span: (m.start as u32, m.end as u32),
                });
            }
        }
        // quantities: a number, then within three words a unit noun
        let date_spans: Vec<(usize, usize)> = members
            .iter()
            .map(|&j| &doc.mentions[j])
            .filter(|m| m.kind == EntityType::Date)
            .map(|m| (m.start, m.end))
            .collect();
        let mut k = 0;
        while k < ws.len() {
            let in_date = date_spans
                .iter()
                .any(|&(a, b)| a <= ws[k].start && ws[k].end <= b);
            let in_name = members.iter().any(|&j| {
                let m = &doc.mentions[j];
                m.kind != EntityType::Date && m.start <= ws[k].start && ws[k].end <= m.end
            });
            let Some((n, money, next)) =
                (!in_date && !in_name).then(|| number_at(&ws, k)).flatten()
            else {
                k += 1;
                continue;
            };
            // "the two countries", "both sides": a reference, not a count
            let definite = k > 0
                && matches!(
                    ws[k - 1].w.as_ref(),
                    "the" | "these" | "those" | "both" | "all"
                );
            if definite {
                k = next;
                continue;
            }
            let mut unit = money.then_some(Unit::Money);
            if unit.is_none() {
                for w in ws.iter().skip(next).take(4) {
                    if NOT_A_COUNT.contains(&w.w.as_ref()) {
                        break;
                    }
                    if let Some(u) = Unit::of_noun(&w.w) {
                        unit = Some(u);
                        break;
                    }
                    if matches!(
                        w.w.as_ref(),
                        "rubles" | "roubles" | "dollars" | "won" | "euros" | "yuan"
                    ) {
                        unit = Some(Unit::Money);
                        break;
                    }
                }
            }
            // "raised the death toll ... to 27": the unit before the number
            if unit.is_none()
                && ws[k.saturating_sub(8)..k]
                    .iter()
                    .any(|w| matches!(w.w.as_ref(), "toll" | "casualties"))
            {
                unit = Some(Unit::Casualties);
            }
            // "killed 12 soldiers": a casualty count by the verb before the number
            if unit == Some(Unit::Troops)
                && k > 0
                && matches!(ws[k - 1].w.as_ref(), "killed" | "kills" | "killing")
            {
                unit = Some(Unit::Casualties);
            }
            if unit == Some(Unit::Troops)
                && ws
                    .iter()
                    .skip(next)
                    .take(6)
                    .any(|w| matches!(w.w.as_ref(), "killed" | "dead" | "died"))
            {
                unit = Some(Unit::Casualties);
            }
            if let Some(unit) = unit {
                if let Some(subj) =
                    subject(doc, members, events, subject_order(unit), ws[k].start, &ws)
                {
                    out.push(Claim {
                        doc: d as u32,
                        subject: subj,
                        value: Value::Quantity {
                            unit,
                            q: Quantity {
                                n,
                                bound: bound_before(&ws, k),
                            },
                        },
                        sentence,
                        span: (ws[k].start as u32, ws[next - 1].end as u32),
                    });
                }
            }
            k = next;
        }
        // places: where a meeting or an event takes place
        if has(PLACE_TRIGGERS) {
            for &i in members {
                let m = &doc.mentions[i];
                if m.kind != EntityType::Place {
                    continue;
                }
                let before = ws.iter().rposition(|w| w.end <= m.start);
                let prep = before.map(|b| ws[b].w.as_ref());
                if !matches!(prep, Some("in" | "at" | "near")) {
                    continue;
                }
                let subj = subject(
                    doc,
                    members,
                    events,
                    &[EntityType::Event, EntityType::Org, EntityType::Person],
                    m.start,
                    &ws,
                );
                if let Some(subj) = subj.filter(|s| *s != m.entity as u32) {
                    out.push(Claim {
                        doc: d as u32,
                        subject: subj,
                        value: Value::Place(m.entity as u32),
                        sentence,
                        span: (m.start as u32, m.end as u32),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<Word<'_>> {
        words(s, (0, s.len()))
    }

    #[test]
    fn numbers_are_normalised_with_their_bounds() {
        let cases: &[(&str, f64, bool, Bound)] = &[
            ("10,000 troops", 10_000.0, false, Bound::Exact),
            ("about 10,000 troops", 10_000.0, false, Bound::About),
            ("some 12,000 soldiers", 12_000.0, false, Bound::About),
            ("10 thousand troops", 10_000.0, false, Bound::Exact),
            ("at least 83 killed", 83.0, false, Bound::AtLeast),
            (
                "more than 1,500 participants",
                1_500.0,
                false,
                Bound::AtLeast,
            ),
            ("up to 300 missiles", 300.0, false, Bound::AtMost),
            ("nine billion rubles", 9e9, false, Bound::Exact),
            ("an estimated $5.5 billion", 5.5e9, true, Bound::About),
            ("fewer than 40 dead", 40.0, false, Bound::AtMost),
            ("twelve countries", 12.0, false, Bound::Exact),
        ];
        for (text, n, money, bound) in cases {
            let w = ws(text);
            let i = w
                .iter()
                .position(|x| number_at(&w, x_index(&w, x)).is_some())
                .unwrap();
            let (got, m, _) = number_at(&w, i).unwrap();
            assert_eq!(
                (got, m, bound_before(&w, i)),
                (*n, *money, *bound),
                "{text}"
            );
        }
    }

    fn x_index(w: &[Word<'_>], x: &Word<'_>) -> usize {
        w.iter().position(|y| y.start == x.start).unwrap()
    }

    #[test]
    fn unit_nouns() {
        for (w, u) in [
            ("troops", Some(Unit::Troops)),
            ("missiles", Some(Unit::Missiles)),
            ("killed", Some(Unit::Casualties)),
            ("participants", Some(Unit::Participants)),
            ("countries", Some(Unit::Countries)),
            ("kilometres", None),
        ] {
            assert_eq!(Unit::of_noun(w), u, "{w}");
        }
    }
}
