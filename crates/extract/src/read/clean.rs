//! Separates the article from the page furniture around it (weather and location widgets,
//! mastheads, breadcrumbs and section bars, site date headers, advertisements, promotions,
//! teasers and lists of other articles, bylines and e-mail lines, share bars, copyright footers)
//! and reads the article's title, published date, authors and outlet.
//!
//! Lines are first described one by one (words, the dates in them, separator-built bars,
//! navigation labels such as "Related:", bylines); furniture is then decided by rules that do not
//! depend on one site's layout. A date standing alone on a line at the top of a page is the
//! site's "today" banner (when the page was viewed), not the article's date; a date with a time
//! of day, in a "Published" line, in the byline or in the masthead bar is the article's own.
use crate::find::{dates, gazetteer, names};
use dossier_model::{Article, Furniture, Line, PageMeta};
use jiff::civil::Date;

/// Most words counted on a line: no test on line length asks about more.
const MAX_COUNTED_WORDS: usize = 41;

/// The words of `s`, counted up to `MAX_COUNTED_WORDS` (long paragraphs stop early).
fn count_words(s: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for b in s.bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            count += 1;
            if count == MAX_COUNTED_WORDS {
                break;
            }
        }
        in_word = !space;
    }
    count
}

fn is_weather(s: &str) -> bool {
    let t = s
        .trim()
        .trim_end_matches(['F', 'C'])
        .trim_end()
        .trim_end_matches('°')
        .trim();
    !t.is_empty() && t.len() < s.trim().len() && t.parse::<f64>().is_ok()
}

fn is_advertisement(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '*'));
    if t.len() > "sponsored content".len() {
        return false;
    }
    matches!(
        t.to_lowercase().as_str(),
        "advertisement"
            | "ad"
            | "advert"
            | "sponsored"
            | "sponsored content"
            | "promoted"
            | "paid content"
            // the same label in the languages of the news this reads
            | "anzeige"
            | "werbung"
            | "publicité"
            | "publicidad"
            | "pubblicità"
            | "iklan"
            | "реклама"
            | "광고"
            | "广告"
    )
}

/// What a page's controls and counters say, never article text: `Close`, `Read later`,
/// `0 shares`, `12 comments`, `Back to gallery`, `Sharing is caring!`.
fn is_page_control(s: &str, words: usize) -> bool {
    if words > 5 {
        return false;
    }
    let t = s
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    const CONTROLS: &[&str] = &[
        "close",
        "read later",
        "save for later",
        "back to gallery",
        "view gallery",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "comments",
        "comment",
        "show comments",
        "load more",
        "sharing is caring",
        "caption",
        "hide caption",
        "toggle caption",
        "expand",
        "enlarge this image",
        "skip ad",
        "continue reading",
        "read more",
        "listen",
        "listen to this article",
        "copy link",
    ];
    if CONTROLS.contains(&t.as_str()) {
        return true;
    }
    // a counter: "0 shares", "1 comment", "25 Comments"
    let mut w = t.split_whitespace();
    matches!((w.next(), w.next(), w.next()), (Some(n), Some(unit), None)
        if n.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && matches!(unit, "share" | "shares" | "comment" | "comments" | "reply" | "replies" | "likes" | "views"))
}

/// An image credit standing alone: `Photo: A. Name, AP`, `Image copyright Getty Images`,
/// `Credit: Reuters`, `(Photo by A. Name/AFP)`.
fn is_image_credit(s: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let t = s
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    [
        "photo:",
        "photos:",
        "photo by ",
        "photograph:",
        "photograph by ",
        "picture:",
        "image:",
        "image copyright",
        "image caption",
        "image source",
        "images:",
        "credit:",
        "credits:",
        "photo credit",
        "source: getty",
        "getty images",
        "video:",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// A crawler's or clipper's note of where the text came from: `Source: 원문 보기`,
/// `Source: Reuters`, `Crawled at: 2024-08-10 09:00`, `출처: 연합뉴스`.
fn is_source_banner(s: &str, words: usize) -> bool {
    let t = s.trim().as_bytes();
    const BANNERS: &[&str] = &[
        "source:",
        "sources:",
        "crawled at:",
        "crawled:",
        "clipped from:",
        "출처:",
        "원문:",
    ];
    words <= 8
        && BANNERS.iter().any(|p| {
            t.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        })
}

/// A prompt about cookies or consent, never the article's.
fn is_consent_prompt(s: &str, words: usize) -> bool {
    // (the cheap test first: most lines never say "cookie")
    let b = s.as_bytes();
    if words > 60
        || !memchr::memchr2_iter(b'c', b'C', b).any(|i| {
            b.get(i..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"cookie"))
        })
    {
        return false;
    }
    let l = s.to_lowercase();
    l.contains("cookie")
        && ["use", "accept", "consent", "experience", "privacy", "agree"]
            .iter()
            .any(|w| l.contains(w))
}

fn is_promotion(s: &str, words: usize) -> bool {
    if words > 40 {
        return false;
    }
    let l = s.to_lowercase();
    [
        "sign up",
        "subscribe",
        "newsletter",
        "fan club",
        "download our app",
        "follow us on",
        "join our",
        "log in to",
    ]
    .iter()
    .any(|k| l.contains(k))
}

fn is_footer(s: &str, words: usize) -> bool {
    // every test below is for short lines: skip lower-casing whole paragraphs
    if words > 25 {
        return false;
    }
    let l = s.trim().to_lowercase();
    // copyright lines, however long their list of links
    if l.starts_with('©') || l.starts_with("copyright") || l.contains("all rights reserved") {
        return true;
    }
    if matches!(l.as_str(), "(end)" | "end" | "-end-" | "- end -" | "###") {
        return true;
    }
    words <= 8
        && [
            "check out our other content",
            "check out other tags",
            "most popular",
            "related articles",
            "related stories",
            "recommended",
            "read more",
            "more from",
            "tags:",
            "share this",
            "share on",
            "trending now",
            "you may also like",
            "leave a comment",
        ]
        .iter()
        .any(|k| l.starts_with(k) || (k.len() > 12 && l.contains(k)))
}

/// Labels that open a line pointing to other content ("Related: ...", "Most read").
const NAV_LABELS: &[&str] = &[
    "related",
    "related coverage",
    "related articles",
    "related stories",
    "related content",
    "read more",
    "read also",
    "also read",
    "see also",
    "more",
    "more on this",
    "more on this story",
    "most read",
    "most viewed",
    "most popular",
    "trending",
    "live",
    "watch",
    "listen",
    "share",
    "share this",
    "follow",
    "follow us",
    "contact",
    "contact us",
    "contact the newsroom",
    "recommended",
    "editor's picks",
    "editors' picks",
    "latest",
    "top stories",
    "you may also like",
    "don't miss",
];

/// The navigation label a line opens with, and whether anything follows it.
fn nav_label(s: &str) -> Option<bool> {
    let t = s.trim();
    let (head, rest) = match t.split_once(':') {
        Some((h, r)) => (h, r.trim()),
        None => (t, ""),
    };
    let head = head.trim().to_lowercase().replace('’', "'");
    NAV_LABELS
        .contains(&head.as_str())
        .then_some(!rest.is_empty())
}

fn is_teaser(s: &str, words: usize) -> bool {
    let t = s.trim_end();
    (t.ends_with("...") || t.ends_with('…')) && words <= 30
}

/// A lone place name: a known city, country or region and nothing else.
fn is_place_only(s: &str, words: usize) -> bool {
    let t = s.trim();
    if t.is_empty() || words > 4 {
        return false;
    }
    matches!(gazetteer::longest_at(t, 0), Some((end, id)) if end == t.len() && gazetteer::entry(id).kind == gazetteer::Kind::Place)
}

/// A headline: a short line that does not end like a sentence.
fn is_headline(s: &str, words: usize) -> bool {
    let t = s.trim();
    (3..=30).contains(&words)
        && !t.ends_with('.')
        && !t.ends_with(',')
        && !t.ends_with(':')
        && t.len() <= 250
}

/// The separators of site bars and breadcrumbs.
const SEPARATORS: &[&str] = &[
    " | ", " · ", " › ", " > ", " » ", " — ", " – ", " / ", " • ",
];

/// The parts of a line split at bar separators (one part when it has none).
fn bar_segments(s: &str) -> Vec<&str> {
    let mut parts = vec![s.trim()];
    for sep in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .collect();
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// An e-mail address anywhere in the line.
fn email_in(s: &str) -> Option<(usize, usize)> {
    let at = s.find('@')?;
    let start = s[..at]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '[' || c == '(' || c == '<')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = at
        + s[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, ']' | ')' | '>'))
            .unwrap_or(s.len() - at);
    let domain = s[at + 1..end].trim_end_matches('.');
    (domain.contains('.') && at > start).then_some((start, end))
}

/// Words after a name in a byline that say what the person is, not who.
const BYLINE_ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "staff",
    "bureau",
    "chief",
    "contributor",
    "columnist",
    "analyst",
    "desk",
    "news",
    "agency",
    "special",
    "senior",
    "associate",
    "international",
    "diplomatic",
    "defence",
    "defense",
    "security",
    "political",
    "foreign",
];

/// Bytes after the headline where the byline stands (its names may be links).
const BYLINE_ZONE: usize = 300;

/// Words (counted up to 41) that make a line a paragraph of running text.
const PARAGRAPH_WORDS: usize = 12;
/// Short lines that may stand between two paragraphs of one article (a subheading, a caption,
/// an image credit, a pull quote).
const END_GAP: usize = 5;

/// The share of a line's letters and digits that are link text (`links`: sorted ranges).
fn link_share(links: &[(usize, usize)], start: usize, end: usize, text: &str) -> f64 {
    let count = |a: usize, b: usize| text[a..b].chars().filter(|c| c.is_alphanumeric()).count();
    let total = count(start, end);
    if total == 0 || links.is_empty() {
        return 0.0;
    }
    let first = links.partition_point(|&(_, e)| e <= start);
    let linked: usize = links[first..]
        .iter()
        .take_while(|&&(s, _)| s < end)
        .map(|&(s, e)| count(s.max(start), e.min(end)))
        .sum();
    linked as f64 / total as f64
}

/// The least a page's marked article body must hold, in words, and as tenths of the words kept
/// otherwise, to be taken as the body (less, and it is a box beside the article).
const MAIN_MIN_WORDS: usize = 60;
const MAIN_MIN_SHARE: usize = 3;

/// Whether two titles are one headline: most words of the shorter are in the longer (case,
/// punctuation and a site name aside).
fn same_headline(a: &str, b: &str) -> bool {
    let (wa, wb) = (
        crate::read::html::title_words(a),
        crate::read::html::title_words(b),
    );
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 10 >= short.len() * 6
}

/// Words that may stand before "by" in a byline: what was written or done, and by whom
/// (`Story by`, `Text and photos by`, `Posted by`).
const AUTHORING_WORDS: &[&str] = &[
    "story",
    "article",
    "text",
    "words",
    "report",
    "reporting",
    "reported",
    "written",
    "posted",
    "published",
    "updated",
    "analysis",
    "opinion",
    "column",
    "commentary",
    "interview",
    "feature",
    "photos",
    "photo",
    "photographs",
    "video",
    "and",
    "&",
    "edited",
    "compiled",
    "news",
];

/// Month names' beginnings, for a date before "by" (`Oct. 3 by A`).
const MONTH_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The authors a byline names: `By A`, `BY A AND B`, `By A in Warsaw and B in Kyiv`,
/// `By A, Moscow correspondent`, `By A | a@b.com`, `By A · October 29, 2024`.
fn byline_names(s: &str) -> Option<Vec<String>> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    // other ways of naming the author: "Reporting by A; Editing by B", "Written by A", "Author: A"
    let labelled = [
        "reporting by ",
        "written by ",
        "words by ",
        "author: ",
        "authors: ",
        "by: ",
    ]
    .iter()
    .find(|p| lower.starts_with(**p));
    let rest = if let Some(p) = labelled {
        let r = &t[p.len()..];
        r.split(';').next().unwrap_or(r)
    } else if lower.starts_with("by ") {
        &t[3..]
    } else if let Some(p) = lower.find(" by ") {
        // a byline after a label or date ("Story by A", "Oct. 3, 2024 by A"), not a sentence,
        // nor a widget's credit ("Recommended by", "Powered by", "Charts by")
        if t[..p].split_whitespace().count() > 3
            || t[..p].ends_with(|c: char| c.is_lowercase() && p > 20)
            || !lower[..p].split_whitespace().all(|w| {
                w.contains(|c: char| c.is_ascii_digit())
                    || AUTHORING_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
                    || MONTH_WORDS.iter().any(|m| w.starts_with(m))
            })
        {
            return None;
        }
        &t[p + 4..]
    } else {
        return None;
    };
    let end = rest
        .find(|c: char| matches!(c, '[' | '(' | '|' | '<' | '·' | '•' | '—') || c.is_ascii_digit())
        .unwrap_or(rest.len());
    let mut names_part = rest[..end].trim();
    if let Some((s, _)) = email_in(names_part) {
        names_part = names_part[..s].trim();
    }
    let mut out = Vec::new();
    let normalised = names_part.replace(" AND ", " and ").replace(" & ", " and ");
    for chunk in normalised.split(" and ").flat_map(|c| c.split(',')) {
        let chunk = chunk.trim().trim_end_matches(['.', ' ']);
        // "A in Warsaw": the place says where they wrote from
        let name = chunk.split(" in ").next().unwrap_or("").trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let is_role = words
            .iter()
            .any(|w| BYLINE_ROLES.contains(&w.to_ascii_lowercase().as_str()));
        let capitalised = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if is_role || !capitalised || words.len() > 4 {
            // the first chunk must be a name; later ones may be roles
            if out.is_empty() {
                return None;
            }
            continue;
        }
        out.push(tidy_name(name));
    }
    (!out.is_empty()).then_some(out)
}

/// Title-cases an all-caps name (YOUNGNAM KIM -> Youngnam Kim; SEO HYE-RIN -> Seo Hye-rin, the
/// second syllable of a Korean given name in lower case as it is usually written).
fn tidy_name(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let parts: Vec<String> = w
                .split('-')
                .enumerate()
                .map(|(i, p)| {
                    let lower = p.to_lowercase();
                    let korean_second = i > 0 && names::is_korean_syllable(&lower);
                    let mut chars = lower.chars();
                    match chars.next() {
                        Some(c) if !korean_second => c.to_uppercase().chain(chars).collect(),
                        _ => lower,
                    }
                })
                .collect();
            parts.join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outlet a byline's e-mail domain belongs to, if the gazetteer knows the domain.
fn outlet_of_domain(domain: &str) -> Option<String> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    // organisations carry `kind|country|domains` in `extra`
    let mut parts: Vec<&str> = domain.split('.').collect();
    while parts.len() >= 2 {
        let d = parts.join(".");
        if let Some(name) = gazetteer::org_by_domain(&d) {
            return Some(name.to_string());
        }
        parts.remove(0);
    }
    None
}

/// Words that end the names of news outlets.
#[rustfmt::skip]
const OUTLET_HEADS: &[&str] = &[
    "times", "post", "news", "daily", "herald", "observer", "digest", "wire", "journal", "monitor",
    "ledger", "tribune", "agency", "gazette", "review", "chronicle", "telegraph", "guardian",
    "express", "independent", "standard", "ilbo", "sinmun", "shimbun", "brief", "report", "today",
    "weekly", "insider", "diplomat", "courier", "mail", "star", "sun", "mirror", "record",
    "bulletin", "dispatch", "voice", "online", "pravda", "world", "globe", "inquirer", "press",
];

/// The outlet a masthead names: a known media organisation, or a short name in capitals or
/// ending in an outlet word ("GLOBAL AFFAIRS WIRE" -> Global Affairs Wire).
fn outlet_of_masthead(s: &str) -> Option<String> {
    let t = s.trim();
    if let Some(id) = gazetteer::exact(t) {
        let e = gazetteer::entry(id);
        if e.kind == gazetteer::Kind::Org && e.extra.starts_with("media") {
            return Some(e.name.to_string());
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let last = words[words.len() - 1].to_lowercase();
    // (two words at least: a section called "World" or "News" names no outlet)
    let named = words.len() >= 2
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && OUTLET_HEADS.contains(&last.as_str());
    if !(caps || named) {
        return None;
    }
    let tidy = tidy_name(t);
    Some(
        tidy.strip_prefix("The ")
            .map_or(tidy.clone(), str::to_string),
    )
}

/// What a crawler header line says: title, published date, author, outlet.
type Header = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A crawler header: `date 2024-08-10 TITLE. August. 10, 2024 07:55. by AUTHOR EMAIL.`
fn parse_header(s: &str) -> Option<Header> {
    let t = s.trim();
    let rest = t
        .strip_prefix("date ")
        .or_else(|| t.strip_prefix("Date "))?;
    let (iso, rest) = rest.split_once(' ')?;
    let published = dates::line_date(iso).map(|d| d.to_string());
    published.as_ref()?;
    // title: up to the sentence end before the second date
    let found = dates::find_in(rest);
    let title_end = found.first().map_or(rest.len(), |f| f.start);
    let title = rest[..title_end]
        .trim()
        .trim_end_matches('.')
        .trim()
        .to_string();
    let mut author = None;
    let mut outlet = None;
    if let Some(p) = rest.to_ascii_lowercase().rfind(" by ") {
        author = byline_names(&rest[p..]).map(|n| n.join(" and "));
        if let Some((s, e)) = email_in(&rest[p..]) {
            let email = &rest[p..][s..e];
            outlet = email.split_once('@').and_then(|(_, d)| outlet_of_domain(d));
        }
    }
    Some((
        (!title.is_empty()).then_some(title),
        published,
        author,
        outlet,
    ))
}

/// A full date in a line, and whether a time of day is written next to it (`16:48`).
fn full_date(s: &str) -> Option<(Date, bool)> {
    let found = dates::find_in(s);
    let date = found.iter().find_map(|f| match f.expr {
        dates::Expr::Abs {
            y: Some(y),
            m: Some(m),
            d: Some(d),
        } => Date::new(y, m, d).ok(),
        _ => None,
    })?;
    let b = s.as_bytes();
    // hours and minutes by a colon or a full stop, at most two digits before (not 7,687.5)
    let time = (1..b.len().saturating_sub(2)).any(|i| {
        (b[i] == b':' || b[i] == b'.')
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
            && (i < 3 || !b[i - 3].is_ascii_digit())
    });
    Some((date, time))
}

/// The label a date line opens with: the article's first publication, or a later update.
fn date_label(lower: &str) -> Option<DateEvidence> {
    let t = lower.trim_start();
    if [
        "published",
        "posted",
        "filed",
        "first published",
        "created",
        "released",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        Some(DateEvidence::Published)
    } else if [
        "updated",
        "last updated",
        "modified",
        "last modified",
        "revised",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        Some(DateEvidence::Updated)
    } else {
        None
    }
}

/// A line that names its author without "By": `Han Ji-woo`, `Jonas Ekdahl in Brussels`,
/// `Marta Kovalenko, Odesa correspondent`, `Joel Magbanua, Archipelago News`. The name must
/// have a person's shape: a known given name first, or a Korean surname and given name.
fn bare_byline(s: &str) -> Option<String> {
    let t = s.trim();
    let name = t.split([',', '|', '·', '—']).next().unwrap_or("").trim();
    let name = name.split(" in ").next().unwrap_or("").trim();
    let tail = t[name.len()..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=3).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        || tail.split_whitespace().count() > 5
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let lists = gazetteer::lists();
    let first = words[0];
    let plain = dossier_model::text::fold::strip_accents(first);
    let given = lists.given_names.contains(first) || lists.given_names.contains(plain.as_str());
    let korean = lists.korean_surnames.contains(first)
        && words[1..]
            .iter()
            .any(|w| w.contains('-') || names::korean_word(w, 2));
    (given || korean).then(|| tidy_name(name))
}

/// Whether a line holds nothing but dates, times, weekdays, time zones and date labels.
fn only_dates(s: &str) -> bool {
    let mut rest = s.to_string();
    for f in dates::find_in(s).iter().rev() {
        rest.replace_range(f.start..f.end, " ");
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_ascii_lowercase();
            w.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    lw.as_str(),
                    "published"
                        | "updated"
                        | "posted"
                        | "filed"
                        | "as"
                        | "of"
                        | "min"
                        | "read"
                        | "gst"
                        | "ist"
                        | "hkt"
                        | "sgt"
                        | "pht"
                        | "first"
                        | "last"
                        | "modified"
                        | "on"
                        | "at"
                        | "am"
                        | "pm"
                        | "a"
                        | "m"
                        | "p"
                        | "kst"
                        | "jst"
                        | "utc"
                        | "gmt"
                        | "cet"
                        | "cest"
                        | "msk"
                        | "est"
                        | "edt"
                        | "pst"
                        | "pdt"
                        | "bst"
                        | "eet"
                        | "eest"
                        | "et"
                        | "mon"
                        | "tue"
                        | "tues"
                        | "wed"
                        | "thu"
                        | "thur"
                        | "thurs"
                        | "fri"
                        | "sat"
                        | "sun"
                )
        })
}

/// Evidence for the published date, strongest first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateEvidence {
    Declared,
    Published,
    Byline,
    WithTime,
    Masthead,
    Updated,
}

/// Reads the article out of a document's text.
pub fn clean(text: &str) -> Article {
    clean_page(text, &PageMeta::default())
}

/// Reads the article out of a document's text, with what an HTML page declared about itself.
pub fn clean_page(text: &str, meta: &PageMeta) -> Article {
    let mut lines: Vec<Line> = dossier_model::text::lines(text)
        .filter(|(s, e)| !text[*s..*e].trim().is_empty())
        .map(|(start, end)| Line {
            start,
            end,
            words: count_words(&text[start..end]),
            furniture: None,
            is_title: false,
        })
        .collect();
    let mut a = Article::default();
    let line_text = |l: &Line| text[l.start..l.end].trim();
    let mut published: Option<(DateEvidence, Date)> = None;
    let mut propose = |ev: DateEvidence, d: Date| {
        if published.is_none_or(|(e, _)| ev < e) {
            published = Some((ev, d));
        }
    };
    if let Some(d) = meta
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|p| p.parse().ok())
    {
        propose(DateEvidence::Declared, d);
    }
    let mut masthead_outlet: Option<String> = None;
    let mut teaser_list = false;

    // 1. lines that are furniture wherever they stand
    for l in lines.iter_mut() {
        let s = text[l.start..l.end].trim();
        // the page's own markup says so (HTML <nav>, <footer>, <aside>...)
        let marked = meta
            .furniture
            .iter()
            .find(|&&(fs, fe, _)| fs <= l.start && l.end <= fe)
            .map(|f| f.2);
        l.furniture = if let Some(kind) = marked {
            Some(kind)
        } else if is_weather(s) {
            Some(Furniture::Weather)
        } else if is_advertisement(s) {
            Some(Furniture::Advertisement)
        } else if is_promotion(s, l.words) {
            Some(Furniture::Promotion)
        } else if is_footer(s, l.words)
            || is_page_control(s, l.words)
            || is_image_credit(s, l.words)
        {
            Some(Furniture::Footer)
        } else if is_consent_prompt(s, l.words) {
            Some(Furniture::Promotion)
        } else if is_source_banner(s, l.words) {
            Some(Furniture::Header)
        } else if l.words <= 25
            && link_share(&meta.links, l.start, l.end, text) >= 0.7
            // the headline and the byline zone under it (an author's name is often a link)
            && !meta.h1.is_some_and(|(hs, he)| hs <= l.end && l.start <= he + BYLINE_ZONE)
            && byline_names(s).is_none()
        {
            // a short line that is all link: a menu entry or another story's headline
            Some(Furniture::Teaser)
        } else {
            None
        };
        // a list of other articles goes on under its label until a line that is not a headline
        let label = if l.words <= 40 { nav_label(s) } else { None };
        if l.furniture.is_none() {
            match label {
                Some(true) => l.furniture = Some(Furniture::Teaser),
                Some(false) => {
                    l.furniture = Some(Furniture::Teaser);
                    teaser_list = true;
                    continue;
                }
                None if teaser_list
                    && is_headline(
                        s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' '),
                        l.words,
                    ) =>
                {
                    l.furniture = Some(Furniture::Teaser);
                    continue;
                }
                None => {}
            }
        }
        teaser_list = false;
        if l.furniture.is_none() {
            if let Some((title, date, author, outlet)) = parse_header(s) {
                l.furniture = Some(Furniture::Header);
                a.title = a.title.take().or(title);
                if let Some(d) = date.and_then(|d| d.parse().ok()) {
                    propose(DateEvidence::Declared, d);
                }
                if let Some(au) = author {
                    a.authors = au.split(" and ").map(str::to_string).collect();
                    a.author.get_or_insert(au);
                }
                a.outlet = a.outlet.take().or(outlet);
                continue;
            }
        }
        // an e-mail address alone on its line belongs to the byline
        if l.furniture.is_none() && l.words <= 3 {
            if let Some((es, ee)) = email_in(s) {
                if s.len() - (ee - es) <= 4 {
                    l.furniture = Some(Furniture::Byline);
                    a.outlet = a.outlet.take().or(s[es..ee]
                        .split_once('@')
                        .and_then(|(_, d)| outlet_of_domain(d)));
                    continue;
                }
            }
        }
        if l.furniture.is_none() && l.words <= 16 {
            if let Some(names) = byline_names(s) {
                if email_in(s).is_some() || s.len() < 120 {
                    l.furniture = Some(Furniture::Byline);
                    if a.authors.is_empty() {
                        a.author = Some(names.join(" and "));
                        a.authors = names;
                    }
                    if let Some((es, ee)) = email_in(s) {
                        let email = &s[es..ee];
                        a.outlet = a
                            .outlet
                            .take()
                            .or(email.split_once('@').and_then(|(_, d)| outlet_of_domain(d)));
                    }
                    if let Some((d, _)) = full_date(s) {
                        propose(DateEvidence::Byline, d);
                    }
                    continue;
                }
            }
        }
        if l.furniture.is_none() && l.words <= 25 {
            let lower = s.to_ascii_lowercase();
            let date = full_date(s);
            // a labelled date line, however it is laid out: "Posted at Jun 19 2024 08:47 PM |
            // Updated as of Jun 20 2024", "Filed 07.03.2024 11:05 GST"
            if let (Some((d, _)), Some(ev)) = (date, date_label(&lower)) {
                l.furniture = Some(Furniture::DateHeader);
                propose(ev, d);
                continue;
            }
            // bars of sections and breadcrumbs: three or more short parts, or a part with a date
            let segments = bar_segments(s);
            let short = segments.iter().all(|p| p.split_whitespace().count() <= 6);
            let bar = segments.len() >= 3 && short
                || segments.len() >= 2
                    && short
                    && (date.is_some() || segments.iter().any(|p| p.contains("Home")))
                || lower.starts_with("home >")
                || lower.starts_with("home ›");
            if bar {
                l.furniture = Some(Furniture::Breadcrumb);
                if let Some((d, time)) = date {
                    let ev = if lower.contains("published") || lower.contains("posted") {
                        DateEvidence::Published
                    } else if lower.starts_with("updated") {
                        DateEvidence::Updated
                    } else if time {
                        DateEvidence::WithTime
                    } else {
                        DateEvidence::Masthead
                    };
                    propose(ev, d);
                }
                if masthead_outlet.is_none() {
                    masthead_outlet = segments.iter().find_map(|p| outlet_of_masthead(p));
                }
                continue;
            }
            // a date (and time) on its own line: the article's when labelled or timed,
            // else the site's "today" banner
            if let Some((d, time)) = date.filter(|_| only_dates(s)) {
                l.furniture = Some(Furniture::DateHeader);
                if lower.contains("published") || lower.contains("posted") {
                    propose(DateEvidence::Published, d);
                } else if lower.contains("updated") || lower.contains("modified") {
                    propose(DateEvidence::Updated, d);
                } else if time {
                    propose(DateEvidence::WithTime, d);
                } else {
                    a.page_date.get_or_insert(d.to_string());
                }
            }
        }
    }

    // 2. the head of the page: location widgets and mastheads before the first paragraph
    let first_para = lines
        .iter()
        .position(|l| l.furniture.is_none() && l.words >= 15 && !is_headline(line_text(l), l.words))
        .unwrap_or(lines.len());
    for i in 0..first_para {
        if lines[i].furniture.is_some() {
            continue;
        }
        let s = line_text(&lines[i]);
        if is_place_only(s, lines[i].words) {
            let near_widget = lines[i.saturating_sub(1)..(i + 2).min(lines.len())]
                .iter()
                .any(|n| {
                    matches!(
                        n.furniture,
                        Some(Furniture::Weather | Furniture::DateHeader)
                    )
                });
            if near_widget {
                lines[i].furniture = Some(Furniture::Location);
            }
        }
    }

    // the site's name and section kickers at the top (THE PACIFIC LEDGER, ANALYSIS), and bylines
    // that name their author without "By", in the head of the page
    let mut seen_title_like = false;
    for i in 0..first_para.min(lines.len()) {
        if lines[i].furniture.is_some() {
            continue;
        }
        let s = line_text(&lines[i]);
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        let kicker =
            lines[i].words <= 2 && letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
        if !seen_title_like && (kicker || (i < 3 && outlet_of_masthead(s).is_some())) {
            if masthead_outlet.is_none() && !kicker {
                masthead_outlet = outlet_of_masthead(s);
            }
            lines[i].furniture = Some(Furniture::Breadcrumb);
            continue;
        }
        if seen_title_like && lines[i].words <= 10 {
            if let Some(name) = bare_byline(s) {
                lines[i].furniture = Some(Furniture::Byline);
                if a.authors.is_empty() {
                    a.author = Some(name.clone());
                    a.authors = vec![name];
                }
                continue;
            }
        }
        if is_headline(s, lines[i].words) {
            seen_title_like = true;
        }
    }

    // 3. the title: the page's own <h1>; else a headline repeated by the next line (a category
    // label glued to it); else the first headline above the byline or the first paragraph (a
    // standfirst under the headline is article text)
    if a.title.is_none() {
        let mut title_idx = meta
            .h1
            .and_then(|(hs, he)| lines.iter().position(|l| l.start <= hs && he <= l.end));
        if title_idx.is_none() {
            for i in 0..first_para.min(lines.len()) {
                if lines[i].furniture.is_some()
                    || !is_headline(line_text(&lines[i]), lines[i].words)
                {
                    continue;
                }
                let s = line_text(&lines[i]);
                if let Some(next) = lines.get(i + 1) {
                    let n = line_text(next);
                    if n.len() > s.len() && n.ends_with(s) {
                        title_idx = Some(i);
                        lines[i + 1].furniture = Some(Furniture::Breadcrumb);
                        break;
                    }
                }
            }
        }
        if title_idx.is_none() {
            let head_end = lines[..first_para.min(lines.len())]
                .iter()
                .position(|l| l.furniture == Some(Furniture::Byline))
                .unwrap_or(first_para.min(lines.len()));
            title_idx = (0..head_end).find(|&i| {
                lines[i].furniture.is_none()
                    && is_headline(line_text(&lines[i]), lines[i].words)
                    && !is_teaser(line_text(&lines[i]), lines[i].words)
            });
        }
        if let Some(t) = title_idx {
            lines[t].is_title = true;
            lines[t].furniture = None;
            a.title = Some(line_text(&lines[t]).to_string());
            // everything above the title is page furniture: the first such line may name the site
            for l in lines[..t].iter_mut() {
                if l.furniture.is_none() {
                    let s = text[l.start..l.end].trim();
                    if masthead_outlet.is_none() {
                        masthead_outlet = outlet_of_masthead(s);
                    }
                    l.furniture = Some(if outlet_of_masthead(s).is_some() || l.words <= 4 {
                        Furniture::Breadcrumb
                    } else if is_teaser(s, l.words) || is_headline(s, l.words) {
                        Furniture::Teaser
                    } else {
                        Furniture::Promotion
                    });
                }
            }
        }
    }
    if a.title.is_none() {
        a.title = meta.title.clone();
    }

    // 4. teasers of other articles in the body: truncated lines
    for l in lines.iter_mut() {
        if l.furniture.is_none() && !l.is_title && is_teaser(&text[l.start..l.end], l.words) {
            l.furniture = Some(Furniture::Teaser);
        }
    }

    // 5. where the page marks its article's body (articleBody, entry-content, <article>), the
    // lines outside it are the site's, if the mark holds enough of what is kept to be the body
    // and not a box beside it
    let inside = |l: &Line| {
        let covered: usize = meta
            .main
            .iter()
            .map(|&(s, e)| l.end.min(e).saturating_sub(l.start.max(s)))
            .sum();
        covered * 2 >= l.end - l.start
    };
    let marked_body = !meta.main.is_empty() && {
        let kept = |l: &&Line| l.furniture.is_none() && !l.is_title;
        let all: usize = lines.iter().filter(kept).map(|l| l.words).sum();
        let within: usize = lines
            .iter()
            .filter(kept)
            .filter(|l| inside(l))
            .map(|l| l.words)
            .sum();
        within >= MAIN_MIN_WORDS && within * 10 >= all * MAIN_MIN_SHARE
    };
    if marked_body {
        for l in lines.iter_mut() {
            if l.furniture.is_none() && !l.is_title && !inside(l) {
                l.furniture = Some(Furniture::Outside);
            }
        }
    }

    // 6. on a web page, the article ends with its last run of paragraphs: past a long stretch
    // of short lines with no paragraph after it comes the site (newsletter prompts, link lists,
    // the footer), even where its markup does not say so; but not inside the body the page
    // marks (a list of tour dates is short lines too)
    if meta.from_html {
        let is_para = |l: &Line| l.furniture.is_none() && !l.is_title && l.words >= PARAGRAPH_WORDS;
        let start = lines.iter().position(|l| l.is_title).unwrap_or(0);
        // clusters of paragraphs, split where more than END_GAP short lines stand between two
        let mut clusters: Vec<(usize, usize, usize)> = Vec::new(); // (first, last, words)
        let mut gap = 0;
        for (i, l) in lines.iter().enumerate().skip(start) {
            if is_para(l) {
                match clusters.last_mut() {
                    Some(c) if gap <= END_GAP => {
                        c.1 = i;
                        c.2 += l.words;
                    }
                    _ => clusters.push((i, i, l.words)),
                }
                gap = 0;
            } else if l.furniture.is_none() && !l.is_title {
                gap += 1;
            }
        }
        // the article is the largest cluster; what follows is the site's, unless it holds more
        // words than the article (a table or a list that continues it)
        let best = clusters
            .iter()
            .max_by_key(|c| (c.2, std::cmp::Reverse(c.0)))
            .copied();
        let after = |last: usize| -> usize {
            lines[last + 1..]
                .iter()
                .filter(|l| l.furniture.is_none() && !l.is_title)
                .map(|l| l.words)
                .sum()
        };
        if let Some((_, last, _)) = best.filter(|c| after(c.1) < c.2) {
            for l in lines[last + 1..].iter_mut() {
                if l.furniture.is_none() && !l.is_title && !(marked_body && inside(l)) {
                    l.furniture = Some(Furniture::Footer);
                }
            }
        }
    }

    // what the page declares of itself (JSON-LD, Dublin Core, Open Graph, <meta>, <title>: the
    // order is read::html's) names the article and its authors before what the text's lines
    // suggest: a widget's "by Outbrain" is text, not a declaration, and a visible headline
    // may be a teaser's wording, a `Lorem` <h1> or a section name; only a bare <title> gives
    // way to the visible headline that agrees with it (the <title> is often cut short)
    if let Some(t) = meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let visible_agrees = a
            .title
            .as_deref()
            .is_some_and(|seen| same_headline(seen, t));
        if !(meta.title_from_tag && visible_agrees) {
            a.title = Some(t.to_string());
        }
    }
    if let Some(au) = meta
        .author
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        a.authors = au.split(" and ").map(str::to_string).collect();
        a.author = Some(au.to_string());
    }
    a.published = published.map(|(_, d)| d.to_string());
    a.outlet = a
        .outlet
        .take()
        .or(masthead_outlet)
        .or_else(|| meta.site.clone());
    a.body = lines
        .iter()
        .filter(|l| l.furniture.is_none() && !l.is_title)
        .map(|l| text[l.start..l.end].trim())
        .collect::<Vec<_>>()
        .join("\n");
    a.lines = lines;
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of our own making, shaped as news sites are: the furniture its markup does not
    /// mark (link lists, credits, counters, prompts, a trailing list of sections) is dropped.
    #[test]
    fn a_page_keeps_its_article_and_drops_what_surrounds_it() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the report says that officials in Seoul and Tokyo met on \
                 Tuesday to discuss what the launch means for the region and its security.</p>"
            )
        };
        let html = format!(
            "<html><head><title>Officials meet after launch | Example News</title></head><body>\
             <div><a href=/>Home</a></div>\
             <div><h1>Officials meet after launch</h1></div>\
             <div>By Anna Lee</div>\
             {p1}<div>Photo: John Doe, AP</div><div>0 shares</div>{p2}\
             <div>Close</div>{p3}{p4}\
             <div><a href=/a>Markets fall as rates rise again</a></div>\
             <div><a href=/b>Storm closes schools across the north</a></div>\
             <div>This website uses cookies to improve your experience. Accept</div>\
             <div>World</div><div>Politics</div><div>Business</div><div>Science</div>\
             <div>Health</div><div>Sport</div><div>Travel</div><div>Style</div>\
             <div>A longer line at the very end about the site itself and its owners, apart from the article.</div>\
             </body></html>",
            p1 = para(1),
            p2 = para(2),
            p3 = para(3),
            p4 = para(4)
        );
        let view = crate::read::html::to_text(&html);
        let a = clean_page(&view.text, &view.meta);
        for n in 1..=4 {
            assert!(a.body.contains(&format!("Paragraph {n} ")), "{}", a.body);
        }
        for junk in [
            "Photo:",
            "0 shares",
            "Close",
            "Markets fall",
            "Storm closes",
            "cookies",
            "Politics",
            "owners",
        ] {
            assert!(!a.body.contains(junk), "kept {junk:?}: {}", a.body);
        }
        assert_eq!(a.title.as_deref(), Some("Officials meet after launch"));
        assert_eq!(a.author.as_deref(), Some("Anna Lee"));
        // a plain text keeps its last lines: only a web page ends where its paragraphs do
        let text = "Title line here\n\nA first paragraph of the report, long enough to count as running text here.\n\nWorld\nPolitics\nBusiness\nScience\nHealth\nSport\nTravel\nStyle\nFinal words";
        assert!(clean(text).body.contains("Final words"));
    }

    #[test]
    fn a_widget_s_credit_is_no_byline() {
        for credit in [
            "Recommended by Outbrain",
            "Powered by Livefyre",
            "Charts by Graphiq",
        ] {
            assert_eq!(byline_names(credit), None, "{credit}");
        }
        assert_eq!(
            byline_names("Story by Anna Lee"),
            Some(vec!["Anna Lee".to_string()])
        );
        assert_eq!(
            byline_names("Oct. 3, 2024 by Anna Lee"),
            Some(vec!["Anna Lee".to_string()])
        );
        assert!(same_headline(
            "Kim visits Moscow",
            "Kim visits Moscow | Example News"
        ));
        assert!(!same_headline("Lorem", "Base URL test"));
    }

    #[test]
    fn widgets_header_and_title() {
        let text = "71.9 F\nLos Angeles\nFriday, September 20, 2024\n\nTop missile developer spotted in Russia\n\n- Advertisement -\n\nKim Jong-sik was seen at the opening of a weapons exhibition organised by the Russian Ministry of Defense, reports said.\n\nBY JANE DOE [jane.doe@example.com]\n";
        let a = clean(text);
        assert_eq!(
            a.title.as_deref(),
            Some("Top missile developer spotted in Russia")
        );
        assert_eq!(a.page_date.as_deref(), Some("2024-09-20"));
        assert_eq!(
            a.published, None,
            "a bare date banner is not the article's date"
        );
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.body, "Kim Jong-sik was seen at the opening of a weapons exhibition organised by the Russian Ministry of Defense, reports said.");
        let kinds: Vec<_> = a.lines.iter().map(|l| l.furniture).collect();
        assert_eq!(kinds[0], Some(Furniture::Weather));
        assert_eq!(kinds[1], Some(Furniture::Location));
        assert_eq!(kinds[2], Some(Furniture::DateHeader));
        assert_eq!(kinds[4], Some(Furniture::Advertisement));
        assert_eq!(kinds[6], Some(Furniture::Byline));
    }

    #[test]
    fn bylines_with_wide_spaces_do_not_panic() {
        // found by the fuzzer: a no-break space (two bytes) before the e-mail
        let a = clean(
            "Title of a short article here\n\nBY YOUNGNAM KIM [kim.youngn\u{a0}m@koreadaily.com]\n",
        );
        assert_eq!(a.author.as_deref(), Some("Youngnam Kim"));
        assert_eq!(email_in("mail\u{2003}x@y.com"), Some((7, 14)));
    }

    #[test]
    fn crawler_header_gives_metadata() {
        let text = " date 2024-08-10 N. Korean delegation to attend defense expo in Russia. August. 10, 2024 07:55. by Kyu-Jin Shin newjin@example.com.\n\nThe delegation will attend the forum, which will be held in mid-August in Russia, officials said on Friday.\n";
        let a = clean(text);
        assert_eq!(
            a.title.as_deref(),
            Some("N. Korean delegation to attend defense expo in Russia")
        );
        assert_eq!(a.published.as_deref(), Some("2024-08-10"));
        assert_eq!(a.author.as_deref(), Some("Kyu-Jin Shin"));
        assert_eq!(a.lines[0].furniture, Some(Furniture::Header));
    }

    #[test]
    fn no_title_when_the_text_opens_with_a_paragraph() {
        let text = "In a sign of deepening relations between the two countries, officials said on Tuesday the minister visited Moscow.\nWhy is this happening now?\nMore text follows here.";
        let a = clean(text);
        assert_eq!(a.title, None);
        assert!(a.body.contains("Why is this happening now?"));
    }

    const BODY: &str = "The ministry said on Monday that the two countries had agreed to expand their military cooperation, in a move that analysts said would worry Seoul and Tokyo.";

    #[test]
    fn mastheads_bars_and_dated_lines() {
        let text = format!("THE EASTERN LEDGER | World | Asia | Monday 13 May 2024\n\nMinisters agree to deepen defence ties\n\nBy ANNA LEE AND PARK JI-WON, Seoul correspondents\nanna@ledger.example\n\n{BODY}\n\nRelated\nSeoul summons ambassador over drills\nTokyo protests missile launch\n(END)\n© Eastern Ledger 2024 | Contact us | Privacy | Terms | Cookies | Careers\n");
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Ministers agree to deepen defence ties")
        );
        assert_eq!(a.published.as_deref(), Some("2024-05-13"));
        assert_eq!(a.authors, ["Anna Lee", "Park Ji-won"]);
        assert_eq!(a.author.as_deref(), Some("Anna Lee and Park Ji-won"));
        assert_eq!(a.outlet.as_deref(), Some("Eastern Ledger"));
        assert_eq!(a.body, BODY);
    }

    #[test]
    fn published_lines_beat_updated_and_times_beat_banners() {
        let text = format!("FRONTLINE DIGEST\nHome > War > Analysis\nPublished 2024-08-13 09:40 | Updated 2024-08-14 14:05\n\nForces hold ground as offensive enters second week\n\nBy Olena Hrytsenko in Kyiv and Daniel Weber in Berlin\n\n{BODY}\n");
        let a = clean(&text);
        assert_eq!(a.published.as_deref(), Some("2024-08-13"));
        assert_eq!(a.authors, ["Olena Hrytsenko", "Daniel Weber"]);
        assert_eq!(
            a.title.as_deref(),
            Some("Forces hold ground as offensive enters second week")
        );
        let text = format!("The Korea Observer\nPolitics · North Korea · Defense\nWednesday, November 22, 2023, 19:05\n\nSatellite reaches orbit, Pyongyang says\n\n{BODY}\nRead more: Seoul suspends part of military pact\n");
        let a = clean(&text);
        assert_eq!(
            a.published.as_deref(),
            Some("2023-11-22"),
            "a date with a time is the article's"
        );
        assert_eq!(a.body, BODY);
    }

    #[test]
    fn bylines_without_by_standfirsts_and_kickers() {
        let text = format!("THE PACIFIC LEDGER\nWorld | Asia-Pacific | Defence | Business\n\nANALYSIS\n\nJapan seals deal for missiles as it races to field long-range strike\n\nThe contract, signed in Tokyo on Thursday, brings half of the order forward by a year\n\nJonas Ekdahl in Tokyo\nMon 11 Mar 2024 17.42 GMT\n\n{BODY}\n");
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Japan seals deal for missiles as it races to field long-range strike")
        );
        assert_eq!(a.author.as_deref(), Some("Jonas Ekdahl"));
        assert_eq!(a.published.as_deref(), Some("2024-03-11"));
        assert_eq!(a.outlet.as_deref(), Some("Pacific Ledger"));
        assert!(
            a.body.starts_with("The contract, signed in Tokyo"),
            "the standfirst is article text"
        );
        let text = format!("NEWS ONLINE\n\nChief demands return of seized rifles at the shoal\n\nHan Ji-woo, Seoul correspondent\nPosted at Jun 19 2024 08:47 PM | Updated as of Jun 20 2024 07:15 AM\n\n{BODY}\n");
        let a = clean(&text);
        assert_eq!(a.author.as_deref(), Some("Han Ji-woo"));
        assert_eq!(a.published.as_deref(), Some("2024-06-19"));
        assert_eq!(
            a.title.as_deref(),
            Some("Chief demands return of seized rifles at the shoal")
        );
    }

    #[test]
    fn lines_outside_a_marked_article_body_are_the_sites() {
        let para = "Officials from North Korea and Russia met in Vladivostok on Monday to discuss \
                    artillery shells, missiles and the war in Ukraine, the ministry said.";
        let page = format!(
            "<html><body><div class=\"article-body\"><h1>Talks in Vladivostok</h1><p>{para}</p>\
             <p>{para}</p><p>{para}</p></div><div class=\"more\"><p>World</p>\
             <p>Some people thought the stripy cattle in a Japanese pasture were a joke, but the \
             science behind them could save farmers a lot of money every year.</p></div></body></html>"
        );
        let view = crate::read::html::to_text(&page);
        let a = clean_page(&view.text, &view.meta);
        assert!(a.body.contains("artillery shells"), "{}", a.body);
        assert!(!a.body.contains("stripy cattle"), "{}", a.body);
        assert!(a
            .lines
            .iter()
            .any(|l| l.furniture == Some(Furniture::Outside)));
        // inside the marked body, a run of short lines (tour dates, a list) is the article's,
        // and a picture's caption is not
        let dates: String = (1..=12)
            .map(|d| format!("<p>June {d} -- Arena {d}, Seoul</p>"))
            .collect();
        let page = format!(
            "<html><body><div class=\"entry-content\"><h1>Tour</h1><p>{para}</p><p>{para}</p>\
             <figure><img src=x><figcaption>Kim Jong Un at the port. Credit: Example Photo Agency</figcaption></figure>\
             <p>The dates:</p>{dates}</div><footer><p>Site footer</p></footer></body></html>"
        );
        let view = crate::read::html::to_text(&page);
        let a = clean_page(&view.text, &view.meta);
        assert!(a.body.contains("June 12 -- Arena 12, Seoul"), "{}", a.body);
        assert!(!a.body.contains("Credit: Example"), "{}", a.body);
        assert!(a
            .lines
            .iter()
            .any(|l| l.furniture == Some(Furniture::Caption)));
        // a marked box too small to be the body leaves the page as it was
        let page = format!(
            "<html><body><h1>Talks</h1><p>{para}</p><p>{para}</p><div class=\"post-content\"><p>Box.</p></div></body></html>"
        );
        let view = crate::read::html::to_text(&page);
        let a = clean_page(&view.text, &view.meta);
        assert_eq!(a.body.matches("artillery shells").count(), 2, "{}", a.body);
    }

    #[test]
    fn a_declared_title_wins_but_a_bare_title_tag_gives_way_to_the_headline() {
        let page = |head: &str| {
            format!(
                "<html><head><title>Drills near Taiwan | Strait Times</title>{head}</head><body>\
                 <h1>China holds drills near Taiwan</h1><p>China held drills around Taiwan on \
                 Monday, the Eastern Theater Command said, days after the inauguration.</p></body></html>"
            )
        };
        let read = |html: &str| {
            let v = crate::read::html::to_text(html);
            clean_page(&v.text, &v.meta).title
        };
        assert_eq!(
            read(&page("")).as_deref(),
            Some("China holds drills near Taiwan")
        );
        assert_eq!(
            read(&page(
                "<meta property=\"og:title\" content=\"Drills near Taiwan, day two\">"
            ))
            .as_deref(),
            Some("Drills near Taiwan, day two")
        );
    }

    #[test]
    fn page_meta_from_html_wins() {
        let meta = PageMeta {
            published: Some("2024-10-29T08:30:00+09:00".into()),
            author: Some("Han Seo-yeon".into()),
            site: Some("Asia Security Monitor".into()),
            ..Default::default()
        };
        let a = clean_page(
            &format!("Asia Security Monitor\nTroops reach the front, alliance says\n{BODY}\n"),
            &meta,
        );
        assert_eq!(a.published.as_deref(), Some("2024-10-29"));
        assert_eq!(a.author.as_deref(), Some("Han Seo-yeon"));
        assert_eq!(
            a.title.as_deref(),
            Some("Troops reach the front, alliance says")
        );
    }

    #[test]
    fn sentences_with_by_are_not_bylines() {
        assert_eq!(
            byline_names("The plan was approved by Parliament on Monday after a long debate."),
            None
        );
        assert_eq!(
            byline_names("Story by Jane Roe"),
            Some(vec!["Jane Roe".to_string()])
        );
        assert_eq!(tidy_name("SEO HYE-RIN"), "Seo Hye-rin");
        assert_eq!(tidy_name("JEAN-PIERRE DUPONT"), "Jean-Pierre Dupont");
    }
}
