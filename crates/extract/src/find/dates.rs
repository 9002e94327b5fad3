//! DATE expressions: recognised over tokens (explicit dates, months, years, weekdays, ranges,
//! seasons, relative and anaphoric expressions, anniversaries) and normalised to ISO 8601 with
//! `jiff`, resolved against the article's own date where the expression needs one.
use crate::find::lexicon::DATE_OPENER;
use dossier_model::text::{Tok, TokKind, SENT_START, SPACE_BEFORE};
use jiff::civil::{Date, Weekday};

/// What a recognised date expression says, before it is resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// An explicit date, possibly partial (`August 10, 2024`, `July 19`, `June`, `2017`).
    Abs {
        y: Option<i16>,
        m: Option<i8>,
        d: Option<i8>,
    },
    /// A range between two explicit dates (`August 15 through August 21`, `1950 to 1953`).
    Range(Box<Expr>, Box<Expr>),
    /// `this year` (0), `last year` (-1), `next year` (+1).
    RelYear(i8),
    /// `this month`, `last month`, `next month`.
    RelMonth(i8),
    /// `last September`, `next March`, `this June`.
    RelMonthName(i8, i8),
    /// `September last year`, `January this year`.
    MonthOfRelYear(i8, i8),
    /// `Dec. 18 last year`: month, day, direction.
    DayOfRelYear(i8, i8, i8),
    /// `November of the same year`.
    MonthOfSameYear(i8),
    /// `last spring`: direction and season (0 spring, 1 summer, 2 autumn, 3 winter).
    RelSeason(i8, u8),
    /// `spring 2024`.
    Season(u8, i16),
    /// `Friday`; `last Friday` (-1), `next Friday` (+1).
    Weekday(i8, u8),
    /// `the next day` (+1), `the same day` (0), `the previous day` (-1).
    AnaphoricDay(i8),
    /// `today` (0), `yesterday` (-1), `tomorrow` (+1).
    Deictic(i8),
    /// `70th anniversary`.
    Anniversary(u16),
}

/// A date expression found in the text (token range and byte span).
#[derive(Clone, Debug)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A short word in lower case, without allocating: the text of `buf`, or "" for words longer
/// than the buffer (no date word is that long) or not ASCII.
fn lower<'b>(w: &str, buf: &'b mut [u8; 12]) -> &'b str {
    let Some(dst) = buf.get_mut(..w.len()) else {
        return "";
    };
    if !w.is_ascii() {
        return "";
    }
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).unwrap_or("")
}

fn month_of(w: &str) -> Option<i8> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() < 3 {
        return None;
    }
    let mut buf = [0; 12];
    let lw = lower(w, &mut buf);
    if let Some(i) = MONTHS.iter().position(|m| *m == lw) {
        return Some(i as i8 + 1);
    }
    // abbreviations: Jan, Feb, Aug, Sept ... (not "Mar"/"May" ambiguity: May is full anyway)
    let abbr = match lw {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(abbr)
}

fn weekday_of(w: &str) -> Option<u8> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut buf = [0; 12];
    let lw = lower(w, &mut buf);
    WEEKDAYS.iter().position(|d| *d == lw).map(|i| i as u8)
}

/// A weekday's abbreviation (`Fri`, `Tues`): a date only when a full date follows it.
fn weekday_abbr(w: &str) -> Option<u8> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() > 5 {
        return None;
    }
    let mut buf = [0; 12];
    Some(match lower(w, &mut buf) {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    })
}

/// Two numbers joined by a hyphen in one token (`27-29`, `1950-53`).
fn number_pair(w: &str) -> Option<(&str, &str)> {
    let (a, b) = w.split_once('-')?;
    (!a.is_empty() && !b.is_empty() && (a.bytes().chain(b.bytes())).all(|x| x.is_ascii_digit()))
        .then_some((a, b))
}

/// `12 July`, `18th of July`, `12 July 2023`, and ranges of days `27-29 June` at token `i`.
fn read_day_first(c: &Cursor, i: usize) -> Option<(Expr, usize)> {
    let w = c.s(i);
    if c.kind(i) != Some(TokKind::Number) {
        return None;
    }
    let days = match number_pair(w) {
        Some((a, b)) => (day_of(a)?, Some(day_of(b)?)),
        None => (day_of(w)?, None),
    };
    let mut j = i + 1;
    if c.lower_is(j, "of") && days.1.is_none() {
        j += 1;
    }
    let m = month_of(c.s(j))?;
    j += 1;
    let mut y = None;
    if let Some(yy) = year_of(c.s(j)) {
        y = Some(yy);
        j += 1;
    }
    let first = Expr::Abs {
        y,
        m: Some(m),
        d: Some(days.0),
    };
    Some(match days.1 {
        Some(d2) => (
            Expr::Range(
                Box::new(first),
                Box::new(Expr::Abs {
                    y,
                    m: Some(m),
                    d: Some(d2),
                }),
            ),
            j,
        ),
        None => (first, j),
    })
}

fn season_of(w: &str) -> Option<u8> {
    match lower(w, &mut [0; 12]) {
        "spring" => Some(0),
        "summer" => Some(1),
        "autumn" | "fall" => Some(2),
        "winter" => Some(3),
        _ => None,
    }
}

fn dir_of(w: &str) -> Option<i8> {
    match lower(w, &mut [0; 12]) {
        "last" | "past" | "previous" => Some(-1),
        "this" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

fn day_of(w: &str) -> Option<i8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(w: &str) -> Option<i16> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = w.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

fn ordinal_of(w: &str) -> Option<u16> {
    let digits: &str = &w[..w.find(|c: char| !c.is_ascii_digit())?];
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

fn iso(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// A whole date written as numbers, if it exists in the calendar, ending before token `end`.
fn full_day(y: i16, m: i8, d: i8, end: usize) -> Option<(Expr, usize)> {
    iso(y, m, d)?;
    let (y, m, d) = (Some(y), Some(m), Some(d));
    Some((Expr::Abs { y, m, d }, end))
}

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl<'a> Cursor<'a> {
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.s(self.text))
    }
    fn lower_is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }
}

/// A month name that is really a month here (`May` the verb and `March` the noun are not).
fn month_here(c: &Cursor, i: usize) -> Option<i8> {
    let m = month_of(c.s(i))?;
    let w = c.s(i);
    let abbreviated = w.len() <= 4 && !matches!(w, "May" | "June" | "July");
    let next_is_num = c.kind(i + 1) == Some(TokKind::Number)
        || (c.s(i + 1) == "." && c.kind(i + 2) == Some(TokKind::Number));
    if abbreviated && !next_is_num {
        return None;
    }
    if matches!(m, 3 | 5) || c.toks[i].flags & SENT_START != 0 {
        let mut buf = [0; 12];
        let prev = if i > 0 {
            lower(c.s(i - 1), &mut buf)
        } else {
            ""
        };
        let after_prep = matches!(
            prev,
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "through"
                | "to"
                | "from"
                | "between"
                | "during"
                | "before"
                | "after"
                | "and"
                | "or"
                | "late-"
                | "on"
        );
        let next_year =
            c.lower_is(i + 1, "last") || c.lower_is(i + 1, "this") || c.lower_is(i + 1, "next");
        if !(after_prep || next_is_num || next_year) {
            return None;
        }
    }
    Some(m)
}

/// Tries to read a date at token `i`; returns the expression and the index after it.
fn read_at(c: &Cursor, i: usize) -> Option<(Expr, usize)> {
    let tok = *c.toks.get(i)?;
    let w = c.s(i);
    // ISO date 2024-08-10
    if tok.kind == TokKind::Number
        && w.len() == 10
        && w.as_bytes()[4] == b'-'
        && w.as_bytes()[7] == b'-'
    {
        let y = year_of(&w[..4])?;
        let m: i8 = w[5..7].parse().ok()?;
        let d: i8 = w[8..10].parse().ok()?;
        return full_day(y, m, d, i + 1);
    }
    // numeric dates with slashes, written without spaces: 2024/03/07 (year first), 03/07/2024
    // (US month first, unless the first number cannot be a month)
    if tok.kind == TokKind::Number
        && c.s(i + 1) == "/"
        && c.s(i + 3) == "/"
        && c.kind(i + 2) == Some(TokKind::Number)
        && c.kind(i + 4) == Some(TokKind::Number)
        && (i + 1..=i + 4).all(|k| c.toks[k].flags & SPACE_BEFORE == 0)
    {
        let (a, b, z) = (w, c.s(i + 2), c.s(i + 4));
        let parsed = if let Some(y) = year_of(a) {
            Some((y, b.parse().ok()?, z.parse().ok()?))
        } else if let Some(y) = year_of(z) {
            let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
            Some(if a > 12 { (y, b, a) } else { (y, a, b) })
        } else {
            None
        };
        if let Some((y, m, d)) = parsed {
            return full_day(y, m, d, i + 5);
        }
    }
    // European numeric date 29.07.2024 (day, month, year)
    if tok.kind == TokKind::Number && w.len() >= 8 && w.matches('.').count() == 2 {
        let mut parts = w.split('.');
        let d: i8 = parts.next()?.parse().ok()?;
        let m: i8 = parts.next()?.parse().ok()?;
        let y = year_of(parts.next()?)?;
        return full_day(y, m, d, i + 1);
    }
    // Weekday, optionally followed by a full date (an abbreviated weekday only with one):
    // Friday, September 20, 2024 / Monday 13 May 2024 / Fri., Nov. 1, 2024 / Mon 29.07.2024
    let full = weekday_of(w);
    if let Some(wd) = full.or_else(|| weekday_abbr(w)) {
        let mut j = i + 1;
        if full.is_none() && c.s(j) == "." {
            j += 1;
        }
        if c.s(j) == "," {
            j += 1;
        }
        let date = read_month_first(c, j)
            .or_else(|| read_day_first(c, j))
            .or_else(|| {
                (c.kind(j) == Some(TokKind::Number))
                    .then(|| read_at(c, j))
                    .flatten()
            });
        if let Some((e @ Expr::Abs { d: Some(_), .. }, k)) = date {
            return Some((e, k));
        }
        return full.map(|_| (Expr::Weekday(0, wd), i + 1));
    }
    // a range of years in one token: 1950-53, 2022-2024
    if tok.kind == TokKind::Number {
        if let Some((a, b)) = number_pair(w) {
            if let Some(y1) = year_of(a) {
                let y2 = match b.len() {
                    2 => b.parse::<i16>().ok().map(|yy| y1 - y1 % 100 + yy),
                    4 => year_of(b),
                    _ => None,
                };
                if let Some(y2) = y2.filter(|y2| *y2 > y1) {
                    let year = |y| Expr::Abs {
                        y: Some(y),
                        m: None,
                        d: None,
                    };
                    return Some((Expr::Range(Box::new(year(y1)), Box::new(year(y2))), i + 1));
                }
            }
        }
    }
    // mid-August, early-2024
    if let Some((pre, rest)) = w.split_once('-') {
        if matches!(lower(pre, &mut [0; 12]), "mid" | "early" | "late") {
            if let Some(m) = month_of(rest) {
                let mut j = i + 1;
                let mut y = None;
                if let Some(yy) = year_of(c.s(j)) {
                    y = Some(yy);
                    j += 1;
                }
                return Some((
                    Expr::Abs {
                        y,
                        m: Some(m),
                        d: None,
                    },
                    j,
                ));
            }
            if let Some(y) = year_of(rest) {
                return Some((
                    Expr::Abs {
                        y: Some(y),
                        m: None,
                        d: None,
                    },
                    i + 1,
                ));
            }
        }
    }
    let mut buf = [0; 12];
    let lw = lower(w, &mut buf);
    // earlier this year, later this month
    if matches!(lw, "earlier" | "later") && c.lower_is(i + 1, "this") {
        let mut nbuf = [0; 12];
        match lower(c.s(i + 2), &mut nbuf) {
            "year" => return Some((Expr::RelYear(0), i + 3)),
            "month" => return Some((Expr::RelMonth(0), i + 3)),
            _ => return None,
        }
    }
    // early August, late 2023
    if matches!(lw, "early" | "late" | "mid") {
        if let Some(m) = month_of(c.s(i + 1)) {
            if let Some((e, j)) = read_month_first(c, i + 1) {
                return Some((e, j));
            }
            let _ = m;
        }
        if let Some(y) = year_of(c.s(i + 1)) {
            return Some((
                Expr::Abs {
                    y: Some(y),
                    m: None,
                    d: None,
                },
                i + 2,
            ));
        }
        return None;
    }
    // today / yesterday / tomorrow
    match lw {
        "today" => return Some((Expr::Deictic(0), i + 1)),
        "yesterday" => return Some((Expr::Deictic(-1), i + 1)),
        "tomorrow" => return Some((Expr::Deictic(1), i + 1)),
        _ => {}
    }
    // last/this/next + unit
    if let Some(dir) = dir_of(w) {
        let n = c.s(i + 1);
        let mut nbuf = [0; 12];
        let ln = lower(n, &mut nbuf);
        if ln == "year" {
            return Some((Expr::RelYear(dir), i + 2));
        }
        if ln == "month" {
            return Some((Expr::RelMonth(dir), i + 2));
        }
        if let Some(m) = month_of(n) {
            if dir != 0 || c.kind(i + 2) != Some(TokKind::Number) {
                return Some((Expr::RelMonthName(dir, m), i + 2));
            }
        }
        if let Some(s) = season_of(n) {
            return Some((Expr::RelSeason(dir, s), i + 2));
        }
        if let Some(wd) = weekday_of(n) {
            return Some((Expr::Weekday(if dir == 0 { 0 } else { dir }, wd), i + 2));
        }
        return None;
    }
    // the next day / the same day / the previous day / the following day / the day before
    if lw == "the" {
        let mut nbuf = [0; 12];
        let n = lower(c.s(i + 1), &mut nbuf);
        if c.lower_is(i + 2, "day") {
            let d = match n {
                "next" | "following" => Some(1),
                "same" => Some(0),
                "previous" => Some(-1),
                _ => None,
            };
            if let Some(d) = d {
                return Some((Expr::AnaphoricDay(d), i + 3));
            }
        }
        if n == "day" && c.lower_is(i + 2, "before") {
            return Some((Expr::AnaphoricDay(-1), i + 3));
        }
        return None;
    }
    // 70th anniversary
    if let Some(n) = ordinal_of(w) {
        if c.lower_is(i + 1, "anniversary") {
            return Some((Expr::Anniversary(n), i + 2));
        }
    }
    // spring 2024 / spring of 2024
    if let Some(s) = season_of(w) {
        let mut j = i + 1;
        if c.lower_is(j, "of") {
            j += 1;
        }
        if let Some(y) = year_of(c.s(j)) {
            return Some((Expr::Season(s, y), j + 1));
        }
        return None;
    }
    // Month first: August 10, 2024 / August. 10, 2024 / June 2024 / June / ranges
    if month_here(c, i).is_some() {
        let (first, j) = read_month_first(c, i)?;
        return Some(extend_range(c, first, j));
    }
    // Day first: 12 July / 18th of July / 12 July 2023 / 27-29 June
    if let Some(found) = read_day_first(c, i) {
        return Some(found);
    }
    if tok.kind == TokKind::Number {
        if let Some(y) = year_of(w) {
            if !year_like(c, i) {
                return None;
            }
            let first = Expr::Abs {
                y: Some(y),
                m: None,
                d: None,
            };
            return Some(extend_range(c, first, i + 1));
        }
    }
    None
}

/// Whether a four-digit number reads as a year here (not `2000 troops`, `$2024`, `2024%`).
fn year_like(c: &Cursor, i: usize) -> bool {
    let prev = if i > 0 { c.s(i - 1) } else { "" };
    if matches!(prev, "$" | "€" | "£" | "#" | "No" | "no") {
        return false;
    }
    let next = c.s(i + 1);
    if matches!(next, "%" | "km" | "kg" | "m" | "mm") {
        return false;
    }
    let plural_noun = next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|ch| ch.is_ascii_lowercase())
        && !matches!(
            next,
            "was" | "has" | "this" | "its" | "thus" | "as" | "plus" | "is" | "does" | "says"
        );
    !plural_noun
}

/// Reads `Month [.] [day] [,] [year]` or `Month year` at `i` (which holds a month name).
fn read_month_first(c: &Cursor, i: usize) -> Option<(Expr, usize)> {
    let m = month_of(c.s(i))?;
    let mut j = i + 1;
    if c.s(j) == "." && c.kind(j + 1) == Some(TokKind::Number) {
        j += 1;
    }
    if let Some(d) = day_of(c.s(j)).filter(|_| c.kind(j) == Some(TokKind::Number)) {
        j += 1;
        let mut k = j;
        if c.s(k) == "," {
            k += 1;
        }
        if let Some(y) = year_of(c.s(k)) {
            return Some((
                Expr::Abs {
                    y: Some(y),
                    m: Some(m),
                    d: Some(d),
                },
                k + 1,
            ));
        }
        // Dec. 18 last year
        if let Some(dir) = dir_of(c.s(j)).filter(|_| c.lower_is(j + 1, "year")) {
            return Some((Expr::DayOfRelYear(m, d, dir), j + 2));
        }
        return Some((
            Expr::Abs {
                y: None,
                m: Some(m),
                d: Some(d),
            },
            j,
        ));
    }
    // June 27-29
    if let Some((a, b)) = number_pair(c.s(j)).filter(|_| c.kind(j) == Some(TokKind::Number)) {
        if let (Some(d1), Some(d2)) = (day_of(a), day_of(b)) {
            let mut k = j + 1;
            if c.s(k) == "," {
                k += 1;
            }
            let (y, end) = match year_of(c.s(k)) {
                Some(y) => (Some(y), k + 1),
                None => (None, j + 1),
            };
            let day = |d| Expr::Abs {
                y,
                m: Some(m),
                d: Some(d),
            };
            return Some((Expr::Range(Box::new(day(d1)), Box::new(day(d2))), end));
        }
    }
    if let Some(y) = year_of(c.s(j)) {
        return Some((
            Expr::Abs {
                y: Some(y),
                m: Some(m),
                d: None,
            },
            j + 1,
        ));
    }
    // September last year / January this year
    if let Some(dir) = dir_of(c.s(j)) {
        if c.lower_is(j + 1, "year") {
            return Some((Expr::MonthOfRelYear(m, dir), j + 2));
        }
    }
    // November of the same year / of that year / of last year / of this year
    if c.lower_is(j, "of") {
        if (c.lower_is(j + 1, "the") && c.lower_is(j + 2, "same") || c.lower_is(j + 1, "that"))
            && c.lower_is(j + 2 + usize::from(c.lower_is(j + 1, "the")), "year")
        {
            let end = j + 3 + usize::from(c.lower_is(j + 1, "the"));
            return Some((Expr::MonthOfSameYear(m), end));
        }
        if let Some(dir) = dir_of(c.s(j + 1)) {
            if c.lower_is(j + 2, "year") {
                return Some((Expr::MonthOfRelYear(m, dir), j + 3));
            }
        }
        if let Some(y) = year_of(c.s(j + 1)) {
            return Some((
                Expr::Abs {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                },
                j + 2,
            ));
        }
    }
    Some((
        Expr::Abs {
            y: None,
            m: Some(m),
            d: None,
        },
        i + 1,
    ))
}

/// Extends an explicit date into a range: `X through Y`, `X to Y`, `X-Y`, `X until Y`.
fn extend_range(c: &Cursor, first: Expr, j: usize) -> (Expr, usize) {
    let link = c.s(j);
    if !(matches!(link, "to" | "through" | "until" | "till" | "–" | "-" | "—")) {
        return (first, j);
    }
    let k = j + 1;
    let Expr::Abs {
        y: y1,
        m: m1,
        d: d1,
    } = first.clone()
    else {
        return (first, j);
    };
    // a second day of the same month: August 12 to 14
    if d1.is_some() && c.kind(k) == Some(TokKind::Number) {
        if let Some(d2) = day_of(c.s(k)) {
            let mut end = k + 1;
            let mut y2 = None;
            let mut kk = end;
            if c.s(kk) == "," {
                kk += 1;
            }
            if let Some(yy) = year_of(c.s(kk)) {
                y2 = Some(yy);
                end = kk + 1;
            }
            let y = y1.or(y2);
            let a = Expr::Abs { y, m: m1, d: d1 };
            let b = Expr::Abs {
                y,
                m: m1,
                d: Some(d2),
            };
            return (Expr::Range(Box::new(a), Box::new(b)), end);
        }
    }
    if month_of(c.s(k)).is_some() {
        if let Some((second @ Expr::Abs { .. }, end)) = read_month_first(c, k) {
            return (Expr::Range(Box::new(first), Box::new(second)), end);
        }
    }
    if m1.is_none() {
        if let Some(y2) = year_of(c.s(k)) {
            return (
                Expr::Range(
                    Box::new(first),
                    Box::new(Expr::Abs {
                        y: Some(y2),
                        m: None,
                        d: None,
                    }),
                ),
                k + 1,
            );
        }
    }
    (first, j)
}

/// Finds date expressions in a token stream, in order, without overlaps; `lex` holds the
/// tokens' classes (`lexicon::classify`).
pub fn find(text: &str, toks: &[Tok], lex: &[u16]) -> Vec<Found> {
    let c = Cursor { text, toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // a cheap test first: a date opens with a number or a date opener
        if t.kind != TokKind::Number && lex[i] & DATE_OPENER == 0 {
            i += 1;
            continue;
        }
        // "the 9th and 18th of July": the first ordinal borrows the month of the second
        if t.kind == TokKind::Number && day_of(t.s(text)).is_some() && c.lower_is(i + 1, "and") {
            if let Some((
                Expr::Abs {
                    y,
                    m: Some(m),
                    d: Some(_),
                },
                _,
            )) = read_at(&c, i + 2)
            {
                if c.kind(i + 2) == Some(TokKind::Number) {
                    let d = day_of(t.s(text));
                    out.push(Found {
                        start: t.start as usize,
                        end: t.end as usize,
                        expr: Expr::Abs { y, m: Some(m), d },
                    });
                    i += 2;
                    continue;
                }
            }
        }
        if let Some((expr, j)) = read_at(&c, i) {
            if j > i {
                let end = toks[j - 1].end as usize;
                // (only after a month and day without a year: "June 3, 2024 and 5 killed",
                // "November 22, 2023, 19:05")
                let day_list = match expr {
                    Expr::Abs {
                        y: None,
                        m: Some(m),
                        d: Some(_),
                    } => Some(m),
                    _ => None,
                };
                out.push(Found {
                    start: t.start as usize,
                    end,
                    expr,
                });
                i = j;
                // more days of the same month: Oct. 3, 9 and 10
                if let Some(m) = day_list {
                    while matches!(c.s(i), "," | "and") && c.kind(i + 1) == Some(TokKind::Number) {
                        let Some(d) = day_of(c.s(i + 1)) else { break };
                        if month_of(c.s(i + 2)).is_some() || c.lower_is(i + 2, "of") {
                            break; // "3 and 9 July": a date of its own
                        }
                        let tok = toks[i + 1];
                        out.push(Found {
                            start: tok.start as usize,
                            end: tok.end as usize,
                            expr: Expr::Abs {
                                y: None,
                                m: Some(m),
                                d: Some(d),
                            },
                        });
                        i += 2;
                    }
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Finds date expressions in a short text of its own (a header line).
pub fn find_in(text: &str) -> Vec<Found> {
    let toks = dossier_model::text::tokenize(text);
    let lex = crate::find::lexicon::classify(text, &toks);
    find(text, &toks, &lex)
}

/// If the whole of `line` is one explicit full date (a site's date header, a dateline),
/// returns it.
pub fn line_date(line: &str) -> Option<Date> {
    let found = find_in(line);
    let f = found.first()?;
    let rest = line[f.end..].trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
    if !line[..f.start].trim().is_empty() || !rest.is_empty() {
        return None;
    }
    match f.expr {
        Expr::Abs {
            y: Some(y),
            m: Some(m),
            d: Some(d),
        } => iso(y, m, d),
        _ => None,
    }
}

/// Precision of a resolved value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    Year,
    Month,
    Day,
}

#[derive(Clone, Copy, Debug)]
struct Point {
    date: Date,
    precision: Precision,
}

fn fmt_point(p: Point) -> String {
    match p.precision {
        Precision::Year => format!("{:04}", p.date.year()),
        Precision::Month => format!("{:04}-{:02}", p.date.year(), p.date.month()),
        Precision::Day => format!(
            "{:04}-{:02}-{:02}",
            p.date.year(),
            p.date.month(),
            p.date.day()
        ),
    }
}

fn season_range(y: i16, s: u8) -> String {
    match s {
        0 => format!("{y:04}-03/{y:04}-05"),
        1 => format!("{y:04}-06/{y:04}-08"),
        2 => format!("{y:04}-09/{y:04}-11"),
        _ => format!("{y:04}-12/{:04}-02", y + 1),
    }
}

fn add_months(d: Date, n: i32) -> Option<Date> {
    let total = i32::from(d.year()) * 12 + i32::from(d.month()) - 1 + n;
    Date::new((total / 12) as i16, (total % 12 + 1) as i8, 1).ok()
}

fn weekday_index(w: Weekday) -> u8 {
    w.to_monday_zero_offset() as u8
}

/// Context a document gives for resolving its dates.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The article's own publication date.
    pub published: Option<Date>,
    /// A date a site header showed (when the page was viewed), used only for the year.
    pub page_date: Option<Date>,
}

/// Extra facts for one expression: whether it lies in page furniture, and the dates of a named
/// event in the same sentence (for anniversaries).
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub in_furniture: bool,
    pub event_dates: Option<(Option<Date>, Option<Date>)>,
    pub mentions_end: bool,
    /// The sentence speaks of the future before the expression (`will meet on Tuesday`): a
    /// bare weekday is the next one, not the last.
    pub future: bool,
}

/// Resolves the values of a document's date expressions, in text order.
pub fn resolve(found: &[Found], facts: &[Facts], ctx: &Context) -> Vec<Option<String>> {
    let mut values: Vec<Option<String>> = vec![None; found.len()];
    let mut points: Vec<Option<Point>> = vec![None; found.len()];
    let abs_point = |y: i16, m: Option<i8>, d: Option<i8>| -> Option<Point> {
        match (m, d) {
            (Some(m), Some(d)) => iso(y, m, d).map(|date| Point {
                date,
                precision: Precision::Day,
            }),
            (Some(m), None) => iso(y, m, 1).map(|date| Point {
                date,
                precision: Precision::Month,
            }),
            _ => iso(y, 1, 1).map(|date| Point {
                date,
                precision: Precision::Year,
            }),
        }
    };
    // anniversaries of a dated event
    for (i, f) in found.iter().enumerate() {
        if let (Expr::Anniversary(n), Some((start, end))) = (&f.expr, facts[i].event_dates) {
            let base = if facts[i].mentions_end {
                end.or(start)
            } else {
                start.or(end)
            };
            if let Some(b) = base {
                if let Some(date) = iso(b.year() + *n as i16, b.month(), b.day()) {
                    points[i] = Some(Point {
                        date,
                        precision: Precision::Day,
                    });
                    values[i] = Some(fmt_point(points[i].unwrap()));
                }
            }
        }
    }
    // 1. the reference year
    let year_ref = ctx
        .published
        .map(|d| d.year())
        .or(ctx.page_date.map(|d| d.year()))
        .or_else(|| {
            found
                .iter()
                .enumerate()
                .filter(|(i, _)| !facts[*i].in_furniture)
                .filter_map(|(i, f)| match &f.expr {
                    Expr::Abs { y: Some(y), .. } => Some(*y),
                    Expr::Range(_, b) => match **b {
                        Expr::Abs { y: Some(y), .. } => Some(y),
                        _ => None,
                    },
                    _ => points[i].map(|p| p.date.year()),
                })
                .max()
        });
    // 2. explicit dates, with the reference year where they have none
    for (i, f) in found.iter().enumerate() {
        let abs = |e: &Expr| -> Option<Point> {
            match *e {
                Expr::Abs { y, m, d } => abs_point(y.or(year_ref)?, m, d),
                _ => None,
            }
        };
        match &f.expr {
            Expr::Abs { .. } => {
                points[i] = abs(&f.expr);
                values[i] = points[i].map(fmt_point);
            }
            Expr::Range(a, b) => {
                if let (Some(pa), Some(pb)) = (abs(a), abs(b)) {
                    points[i] = Some(pb);
                    values[i] = Some(format!("{}/{}", fmt_point(pa), fmt_point(pb)));
                }
            }
            Expr::Season(s, y) => values[i] = Some(season_range(*y, *s)),
            _ => {}
        }
    }
    // 3. the article's present: its own date, else the latest explicit date in its body
    let present: Option<Point> = ctx
        .published
        .map(|date| Point {
            date,
            precision: Precision::Day,
        })
        .or_else(|| {
            let latest = found
                .iter()
                .enumerate()
                .filter(|(i, _)| !facts[*i].in_furniture)
                .filter_map(|(i, _)| points[i])
                .filter(|p| p.precision >= Precision::Month)
                .filter(|p| ctx.page_date.is_none_or(|pd| p.date <= pd))
                .max_by_key(|p| p.date);
            latest.or(ctx.page_date.map(|date| Point {
                date,
                precision: Precision::Day,
            }))
        });
    // 4. relative and anaphoric expressions, in order
    let mut last_day: Option<Date> = None;
    let mut last_year: Option<i16> = None;
    let mut weekdays: [Option<Date>; 7] = [None; 7];
    for (i, f) in found.iter().enumerate() {
        let p = present;
        let v: Option<Point> = match f.expr {
            Expr::RelYear(dir) => p
                .and_then(|p| iso(p.date.year() + i16::from(dir), 1, 1))
                .map(|date| Point {
                    date,
                    precision: Precision::Year,
                }),
            Expr::RelMonth(dir) => p
                .and_then(|p| add_months(p.date, i32::from(dir)))
                .map(|date| Point {
                    date,
                    precision: Precision::Month,
                }),
            Expr::RelMonthName(dir, m) => p.and_then(|p| {
                let pm = p.date.month();
                let y = match dir {
                    -1 => {
                        if m < pm {
                            p.date.year()
                        } else {
                            p.date.year() - 1
                        }
                    }
                    1 => {
                        if m > pm {
                            p.date.year()
                        } else {
                            p.date.year() + 1
                        }
                    }
                    _ => p.date.year(),
                };
                iso(y, m, 1).map(|date| Point {
                    date,
                    precision: Precision::Month,
                })
            }),
            Expr::DayOfRelYear(m, d, dir) => p
                .and_then(|p| iso(p.date.year() + i16::from(dir), m, d))
                .map(|date| Point {
                    date,
                    precision: Precision::Day,
                }),
            Expr::MonthOfRelYear(m, dir) => p
                .and_then(|p| iso(p.date.year() + i16::from(dir), m, 1))
                .map(|date| Point {
                    date,
                    precision: Precision::Month,
                }),
            Expr::MonthOfSameYear(m) => last_year.and_then(|y| iso(y, m, 1)).map(|date| Point {
                date,
                precision: Precision::Month,
            }),
            Expr::RelSeason(dir, s) => {
                if let Some(p) = p {
                    // the season's last month; "last spring" is the latest spring that has ended
                    let y = p.date.year();
                    let end_month = [5, 8, 11, 2][s as usize];
                    let this_ended = if s == 3 {
                        false
                    } else {
                        p.date.month() > end_month
                    };
                    let sy = match dir {
                        -1 => {
                            if this_ended {
                                y
                            } else {
                                y - 1
                            }
                        }
                        1 => {
                            if this_ended {
                                y + 1
                            } else {
                                y
                            }
                        }
                        _ => y,
                    };
                    values[i] = Some(season_range(sy, s));
                }
                None
            }
            Expr::Weekday(dir, wd) => {
                if dir == 0 && weekdays[wd as usize].is_some() {
                    weekdays[wd as usize].map(|date| Point {
                        date,
                        precision: Precision::Day,
                    })
                } else {
                    let base = p.filter(|p| p.precision == Precision::Day).map(|p| p.date);
                    base.and_then(|b| {
                        let mut d = b;
                        if dir == 0 && facts[i].future {
                            while weekday_index(d.weekday()) != wd {
                                d = d.tomorrow().ok()?;
                            }
                        } else if dir == 1 {
                            d = d.tomorrow().ok()?;
                            while weekday_index(d.weekday()) != wd {
                                d = d.tomorrow().ok()?;
                            }
                        } else {
                            if dir == -1 {
                                d = d.yesterday().ok()?;
                            }
                            while weekday_index(d.weekday()) != wd {
                                d = d.yesterday().ok()?;
                            }
                        }
                        Some(Point {
                            date: d,
                            precision: Precision::Day,
                        })
                    })
                }
            }
            Expr::AnaphoricDay(n) => last_day
                .and_then(|d| match n {
                    1 => d.tomorrow().ok(),
                    -1 => d.yesterday().ok(),
                    _ => Some(d),
                })
                .map(|date| Point {
                    date,
                    precision: Precision::Day,
                }),
            Expr::Deictic(n) => ctx
                .published
                .and_then(|d| match n {
                    1 => d.tomorrow().ok(),
                    -1 => d.yesterday().ok(),
                    _ => Some(d),
                })
                .map(|date| Point {
                    date,
                    precision: Precision::Day,
                }),
            _ => points[i],
        };
        if let Some(pt) = v {
            points[i] = Some(pt);
            if values[i].is_none() {
                values[i] = Some(fmt_point(pt));
            }
            if let Expr::Weekday(0, wd) = f.expr {
                weekdays[wd as usize] = Some(pt.date);
            }
        }
        if let Some(pt) = points[i] {
            if pt.precision == Precision::Day && !facts[i].in_furniture {
                last_day = Some(pt.date);
            }
            if !facts[i].in_furniture {
                last_year = Some(pt.date.year());
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_ranges_and_relative_years() {
        assert_eq!(spans("Monday 13 May 2024"), ["Monday 13 May 2024"]);
        assert_eq!(
            spans("PACIFIC TIMES | Fri., Nov. 1, 2024 | Tokyo"),
            ["Fri., Nov. 1, 2024"]
        );
        assert_eq!(spans("SEOUL — Mon 29.07.2024"), ["Mon 29.07.2024"]);
        assert_eq!(spans("Fri lunch was long"), Vec::<&str>::new());
        assert_eq!(spans("talks on June 27-29 in Tokyo"), ["June 27-29"]);
        assert_eq!(spans("the 1950-53 Korean War"), ["1950-53"]);
        assert_eq!(spans("a test on Dec. 18 last year"), ["Dec. 18 last year"]);
        assert_eq!(
            spans("met earlier this month and later this year"),
            ["earlier this month", "later this year"]
        );
        assert_eq!(
            spans("flew on Oct. 3, 9 and 10, and"),
            ["Oct. 3", "9", "10"]
        );
        assert_eq!(spans("on June 3, 2024 and 5 killed"), ["June 3, 2024"]);
        assert_eq!(
            spans("Wednesday, November 22, 2023, 19:05"),
            ["Wednesday, November 22, 2023"]
        );
        let v = values(
            "talks on June 27-29; the 1950-53 war; Dec. 18 last year; earlier this month",
            Some("2024-07-29"),
        );
        let v: Vec<Option<&str>> = v.iter().map(|(_, x)| x.as_deref()).collect();
        assert_eq!(
            v,
            [
                Some("2024-06-27/2024-06-29"),
                Some("1950/1953"),
                Some("2023-12-18"),
                Some("2024-07")
            ]
        );
    }

    #[test]
    fn a_list_of_days_cut_short_does_not_panic() {
        // found by the fuzzer: "the 9th and" at the very end of the text
        assert_eq!(
            spans("visited Pyongyang on the 9th and"),
            Vec::<&str>::new()
        );
        assert_eq!(spans("the 9th and 18th of July"), ["9th", "18th of July"]);
    }

    fn spans(text: &str) -> Vec<&str> {
        find_in(text)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    fn values(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let found = find_in(text);
        let facts = vec![Facts::default(); found.len()];
        let ctx = Context {
            published: published.map(|p| p.parse().unwrap()),
            page_date: None,
        };
        let vals = resolve(&found, &facts, &ctx);
        found
            .iter()
            .zip(vals)
            .map(|(f, v)| (text[f.start..f.end].to_string(), v))
            .collect()
    }

    #[test]
    fn recognises_the_guideline_forms() {
        assert_eq!(
            spans(
                "The forum runs from August 15 through August 21 in Moscow, as in 2016 and 2017."
            ),
            ["August 15 through August 21", "2016", "2017"]
        );
        assert_eq!(
            spans("Monday, December 23, 2024"),
            ["Monday, December 23, 2024"]
        );
        assert_eq!(
            spans("on the 9th and 18th of July"),
            ["9th", "18th of July"]
        );
        assert_eq!(
            spans("It was tested last spring, the next day, mid-August."),
            ["last spring", "the next day", "mid-August"]
        );
        assert_eq!(
            spans("the war, which lasted from 1950 to 1953, on its 70th anniversary"),
            ["1950 to 1953", "70th anniversary"]
        );
        assert_eq!(
            spans("He may go. May 2024 was warm. In May they met."),
            ["May 2024", "May"]
        );
        assert_eq!(
            spans("at 07:55 with 2000 troops and 10,000 shells"),
            Vec::<&str>::new()
        );
        assert_eq!(
            spans("September last year and November of the same year"),
            ["September last year", "November of the same year"]
        );
    }

    #[test]
    fn resolves_against_the_published_date() {
        let v = values(
            "Radio Free Asia reported on Friday. This year's forum, in June, then next month.",
            Some("2024-08-10"),
        );
        assert_eq!(
            v,
            [
                ("Friday".into(), Some("2024-08-09".into())),
                ("This year".into(), Some("2024".into())),
                ("June".into(), Some("2024-06".into())),
                ("next month".into(), Some("2024-09".into())),
            ]
        );
    }

    #[test]
    fn resolves_relative_to_the_narrative_without_a_published_date() {
        let v = values(
            "On July 9, 2024 it left; the next day it returned. Last September was quiet.",
            None,
        );
        assert_eq!(v[0].1.as_deref(), Some("2024-07-09"));
        assert_eq!(v[1].1.as_deref(), Some("2024-07-10"));
        assert_eq!(v[2].1.as_deref(), Some("2023-09"));
    }

    #[test]
    fn line_dates() {
        assert_eq!(
            line_date("Friday, September 20, 2024"),
            Some("2024-09-20".parse().unwrap())
        );
        assert_eq!(line_date("Los Angeles"), None);
        assert_eq!(line_date("It happened on July 9, 2024."), None);
    }
}
