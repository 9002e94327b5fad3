//! Reads an HTML page as text: tags stripped, `head`, `script`, `style` and navigation dropped,
//! character references decoded, block elements turned into line breaks, and every byte of the
//! text view mapped back to the raw input, so mention offsets still point into the original
//! page. The page's declared title, date, author and site name are kept aside for the cleaner.
//! (A full HTML parser such as html5ever gives no offsets back into the source and would
//! weigh more than the rest of the wasm bundle; this scanner is small and keeps offsets.)
use dossier_model::{Furniture, PageMeta, TextView};

/// Whether a document should be read as HTML: it opens with a tag of a page structure.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !head.starts_with('<') {
        return false;
    }
    let lower: String = head
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<div",
        "<p>",
        "<p ",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// Elements whose content is never shown as text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "select", "head",
];

/// Elements whose text is page furniture: kept in the view (mentions there count), and marked
/// for the cleaner.
fn furniture_of(name: &str) -> Option<Furniture> {
    Some(match name {
        "nav" | "header" => Furniture::Breadcrumb,
        "footer" => Furniture::Footer,
        "aside" => Furniture::Teaser,
        "form" | "button" => Furniture::Promotion,
        "figcaption" => Furniture::Caption,
        _ => return None,
    })
}

/// Elements that never have content (no closing tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "article",
    "section",
    "header",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "title",
    "hr",
    "dd",
    "dt",
    "pre",
    "address",
    "time",
];

struct Builder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    pending_space: Option<u32>,
    pending_break: Option<u32>,
}

impl Builder {
    fn push(&mut self, s: &str, raw_start: usize, raw_end: usize) {
        if let Some(p) = self.pending_break.take() {
            if !self.text.is_empty() {
                self.raw_push("\n", p as usize, p as usize);
            }
            self.pending_space = None;
        } else if let Some(p) = self.pending_space.take() {
            if !self.text.is_empty() && !self.text.ends_with('\n') {
                self.raw_push(" ", p as usize, p as usize + 1);
            }
        }
        self.raw_push(s, raw_start, raw_end);
    }

    fn raw_push(&mut self, s: &str, raw_start: usize, raw_end: usize) {
        self.text.push_str(s);
        for _ in 0..s.len() {
            self.starts.push(raw_start as u32);
            self.ends.push(raw_end as u32);
        }
    }
}

fn tag_name(tag: &str) -> (bool, String) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (closing, name)
}

/// Decodes a character reference starting at `&`; returns the text and the raw length.
fn char_ref(s: &str) -> Option<(String, usize)> {
    let end = memchr::memchr(b';', &s.as_bytes()[..s.len().min(12)])?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "hellip" => '…',
            "copy" => '©',
            "reg" => '®',
            "middot" => '·',
            "bull" => '•',
            "eacute" => 'é',
            "egrave" => 'è',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            _ => return None,
        }
    };
    Some((c.to_string(), end + 1))
}

/// The first position of an ASCII `needle` in `hay`, ignoring case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// What the page declared, gathered while reading it. Each field keeps the most trusted
/// source seen (lowest rank): see `read_meta` and `read_json_ld` for the order.
#[derive(Default)]
struct Declared {
    declared: PageMeta,
    page_title: Option<String>,
    title: Ranked,
    author: Ranked,
    published: Ranked,
    site: Ranked,
}

/// A declared value with the rank of its source (0 is the most trusted).
#[derive(Default)]
struct Ranked(Option<(u8, String)>);

impl Ranked {
    fn offer(&mut self, rank: u8, value: &str) {
        let v = value.trim();
        if v.is_empty() || self.0.as_ref().is_some_and(|(r, _)| *r <= rank) {
            return;
        }
        self.0 = Some((rank, v.to_string()));
    }

    fn take(self) -> Option<String> {
        self.0.map(|(_, v)| v)
    }
}

/// The order of trust for what a page declares about itself, most trusted first (as
/// Readability reads metadata): schema.org JSON-LD of an article; Dublin Core; Open Graph and
/// `article:*`; plain `<meta name>`; Twitter; Parse.ly; then the page's `<title>` (with its
/// site name cut) and the first `<time datetime>`. The cleaner falls back on bylines.
mod rank {
    // spaced by two: a key given as `property=` ranks one above the same key given as `name=`
    pub const JSON_LD: u8 = 0;
    pub const DUBLIN_CORE: u8 = 2;
    pub const OPEN_GRAPH: u8 = 4;
    pub const META: u8 = 6;
    pub const TWITTER: u8 = 8;
    pub const PARSELY: u8 = 10;
    pub const PAGE: u8 = 12;
    /// A name marked up as the author in the body (schema.org microdata `itemprop="name"`
    /// inside an `itemprop="author"`), then the author element itself or a `rel="author"` link,
    /// then an element whose class or id says byline or author.
    pub const MICRODATA_NAME: u8 = 14;
    pub const MICRODATA: u8 = 16;
    pub const BYLINE_CLASS: u8 = 18;
}

/// An element read until its own closing tag: its name, how many elements of that name are
/// open from it inwards, where its text starts in the view, and the rank of what marked it.
struct Open {
    name: String,
    depth: usize,
    start: usize,
    rank: u8,
}

impl Open {
    fn new(name: &str, start: usize, rank: u8) -> Open {
        Open {
            name: name.to_string(),
            depth: 1,
            start,
            rank,
        }
    }

    /// Follows one (non-void) tag into the element `slot` holds: the element, taken out of the
    /// slot, when this is its closing tag.
    fn follow(slot: &mut Option<Open>, name: &str, closing: bool) -> Option<Open> {
        let open = slot.as_mut().filter(|o| o.name == name)?;
        if closing {
            open.depth -= 1;
        } else {
            open.depth += 1;
        }
        if open.depth == 0 {
            slot.take()
        } else {
            None
        }
    }
}

/// How a tag marks its content as the article's body, if it does: 0 schema.org `articleBody`,
/// 1 a class or id that content systems give the body (`entry-content`, `post-content`,
/// `article-body`, `story-body`, `articleBody`...), 2 an `<article>` element.
fn main_mark(name: &str, tag: &str, lower: &str) -> Option<u8> {
    let attr = |tag: &str, a: &str| attr_lower(tag, lower, a);
    if attr(tag, "itemprop").is_some_and(|v| {
        v.split_whitespace()
            .any(|t| t.eq_ignore_ascii_case("articlebody"))
    }) {
        return Some(0);
    }
    const WHAT: &[&str] = &["article", "story", "entry", "post", "content", "body"];
    const PART: &[&str] = &["body", "content", "text"];
    let says = |token: &str| {
        let parts: Vec<&str> = token.split(['-', '_']).collect();
        parts.iter().any(|p| {
            WHAT.iter()
                .any(|w| p.strip_prefix(w).is_some_and(|rest| PART.contains(&rest)))
        }) || parts
            .windows(2)
            .any(|w| WHAT.contains(&w[0]) && PART.contains(&w[1]) && w[0] != w[1])
    };
    let classed = ["class", "id"]
        .iter()
        .any(|a| attr(tag, a).is_some_and(|v| v.to_ascii_lowercase().split_whitespace().any(says)));
    if classed {
        return Some(1);
    }
    (name == "article").then_some(2)
}

/// How a tag marks its content as the author, if it does (a `rank`).
fn byline_mark(tag: &str, lower: &str) -> Option<u8> {
    let attr = |tag: &str, a: &str| attr_lower(tag, lower, a);
    let has = |attr_name: &str, words: &[&str]| {
        attr(tag, attr_name).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split_whitespace()
                .any(|t| words.contains(&t))
        })
    };
    if has("itemprop", &["author", "creator"]) || has("rel", &["author"]) {
        return Some(rank::MICRODATA);
    }
    // a class or id word that says byline or author ("byline", "article-author", "authorName"),
    // not one of the widgets around authors (a photo, a bio, a follow button, comments) nor a
    // word that only starts like it ("authorization")
    const AROUND: &[&str] = &[
        "comment", "comments", "follow", "bio", "avatar", "photo", "image", "img", "pic", "social",
    ];
    let named = ["class", "id"].iter().any(|a| {
        attr(tag, a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.split_whitespace().any(|token| {
                let parts: Vec<&str> = token.split(|c: char| !c.is_ascii_alphanumeric()).collect();
                let says = parts.iter().any(|p| {
                    p.starts_with("byline")
                        || (p.starts_with("author") && !p.starts_with("authori"))
                        || *p == "writtenby"
                });
                says && !parts
                    .iter()
                    .any(|p| AROUND.iter().any(|w| p.starts_with(w)))
            })
        })
    });
    named.then_some(rank::BYLINE_CLASS)
}

/// The name in a byline element's text: "By Dan Goodin - 4/16/2015" gives "Dan Goodin"; text
/// that cannot be a byline (long, a link, an address) gives nothing.
fn byline_name(text: &str) -> Option<String> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = t.to_lowercase();
    let mut t = t.as_str();
    for lead in [
        "written by ",
        "posted by ",
        "words by ",
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
    ] {
        if lower.starts_with(lead) {
            t = &t[lead.len()..];
            break;
        }
    }
    let cut = [" | ", " - ", " – ", " — ", " · ", " • ", "\u{a0}|"]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()
        .unwrap_or(t.len());
    let name = t[..cut].trim_matches(|c: char| c.is_whitespace() || ",;:|-–—·•".contains(c));
    let words = name.split_whitespace().count();
    let plausible = (1..=12).contains(&words)
        && name
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && name.len() <= 100
        && name.chars().any(char::is_alphabetic)
        && !name.contains("http")
        && !name.contains('@');
    plausible.then(|| name.to_string())
}

/// The schema.org types whose JSON-LD describes an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// A title's words, lower-cased, punctuation aside (for comparing two titles).
pub(crate) fn title_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `a`'s words that `b` holds too (case folded).
fn word_overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (title_words(a), title_words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f64 / wa.len() as f64
}

/// Names in a JSON-LD `author` or `publisher`: a string, an object with `name`, or a list.
fn ld_names(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) if !s.starts_with("http") => vec![s.trim().to_string()],
        serde_json::Value::Object(o) => o
            .get("name")
            .and_then(|n| n.as_str())
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        serde_json::Value::Array(a) => a.iter().flat_map(ld_names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// Reads a JSON-LD block: the first article object in it (at the top, in a list or in
/// `@graph`) gives headline, authors, publication date and publisher.
fn read_json_ld(json: &str, meta: &mut Declared) {
    // some pages wrap the block as XML character data or in a comment
    let json = json.trim();
    let json = json
        .strip_prefix("<![CDATA[")
        .and_then(|j| j.trim_end().strip_suffix("]]>"))
        .or_else(|| {
            json.strip_prefix("<!--")
                .and_then(|j| j.trim_end().strip_suffix("-->"))
        })
        .unwrap_or(json);
    let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
        return;
    };
    let mut stack = vec![&v];
    let mut seen = 0;
    while let Some(node) = stack.pop() {
        seen += 1;
        if seen > 1000 {
            return; // a hostile block: nesting without end
        }
        match node {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(o) => {
                let is_article = match o.get("@type") {
                    Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(serde_json::Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if is_article {
                    let text = |k: &str| o.get(k).and_then(|v| v.as_str()).map(decode_entities);
                    let title = match (text("headline"), text("name")) {
                        // both, and they differ (a site may put its own name or a tagline in
                        // one): the one that covers more of the page's <title>
                        (Some(h), Some(n)) if h != n => {
                            let page = meta.page_title.as_deref().unwrap_or("");
                            if word_overlap(page, &n) > word_overlap(page, &h) {
                                Some(n)
                            } else {
                                Some(h)
                            }
                        }
                        (h, n) => h.or(n),
                    };
                    if let Some(t) = title {
                        meta.title.offer(rank::JSON_LD, &t);
                    }
                    if let Some(a) = o.get("author") {
                        let names = ld_names(a);
                        if !names.is_empty() {
                            meta.author.offer(rank::JSON_LD, &names.join(" and "));
                        }
                    }
                    if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                        meta.published.offer(rank::JSON_LD, d);
                    }
                    if let Some(p) = o.get("publisher") {
                        if let Some(n) = ld_names(p).first() {
                            meta.site.offer(rank::JSON_LD, n);
                        }
                    }
                    return;
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

/// The value of attribute `name` in a tag (`content="..."`), entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    attr_lower(tag, &tag.to_ascii_lowercase(), name)
}

/// [`attr`], given the tag already lower-cased (`lower`), for reading several attributes of one
/// tag without lower-casing it each time.
fn attr_lower(tag: &str, lower: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - rest.len() + 1;
        let v = tag[vstart..].trim_start();
        let (quote, body) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => (q, &v[1..]),
            _ => (' ', v),
        };
        let end = body.find([quote, '>']).unwrap_or(body.len());
        return Some(decode_entities(&body[..end]));
    }
    None
}

/// Character references of a short text decoded (for attribute values and the title).
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&' {
            if let Some((c, n)) = char_ref(&s[i..]) {
                out.push_str(&c);
                i += n;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a `<meta>` tag into what the page declares (a `property` or `name` may list several
/// keys: `property="dc:creator twitter:site_name"`; a key given as `property` is trusted a
/// little more than the same key given as `name`).
fn read_meta(tag: &str, meta: &mut Declared) {
    let Some(content) = attr(tag, "content").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let person = !content.starts_with("http");
    let keys = [("property", 0), ("name", 1)]
        .into_iter()
        .flat_map(|(a, later)| {
            let keys = attr(tag, a).unwrap_or_default().to_ascii_lowercase();
            keys.split_whitespace()
                .map(|k| (k.to_string(), later))
                .collect::<Vec<_>>()
        });
    for (key, later) in keys {
        let r = |base: u8| base + later;
        use rank::*;
        match key.as_str() {
            "dc:title" | "dc.title" | "dcterm:title" | "dcterms.title" => {
                meta.title.offer(r(DUBLIN_CORE), &content)
            }
            "og:title" => meta.title.offer(r(OPEN_GRAPH), &content),
            "title" => meta.title.offer(r(META), &content),
            "twitter:title" => meta.title.offer(r(TWITTER), &content),
            "parsely-title" => meta.title.offer(r(PARSELY), &content),
            "dc:creator" | "dc.creator" | "dcterm:creator" | "dcterms.creator" if person => {
                meta.author.offer(r(DUBLIN_CORE), &content)
            }
            "article:author" if person => meta.author.offer(r(OPEN_GRAPH), &content),
            "author" | "byl" if person => meta.author.offer(r(META), &content),
            "parsely-author" if person => meta.author.offer(r(PARSELY), &content),
            "dc.date" | "dc:date" | "dcterms.issued" | "dcterms.created" | "dcterms.available"
            | "dc.date.issued" => meta.published.offer(r(DUBLIN_CORE), &content),
            "article:published_time" | "og:published_time" => {
                meta.published.offer(r(OPEN_GRAPH), &content)
            }
            "datepublished" | "date" | "pubdate" | "publish-date" | "publishdate" => {
                meta.published.offer(r(META), &content)
            }
            "parsely-pub-date" => meta.published.offer(r(PARSELY), &content),
            "og:site_name" => meta.site.offer(r(OPEN_GRAPH), &content),
            "application-name" => meta.site.offer(r(META), &content),
            _ => {}
        }
    }
}

/// A page title without the site's name around it: `Headline | Site`, `Site - Headline`,
/// `Headline — Site`. The part cut is the one that equals the declared site name, else a short
/// one (at most four words) beside a headline of at least three.
pub fn strip_site_name(title: &str, site: Option<&str>) -> (String, Option<String>) {
    const SEPARATORS: &[&str] = &[
        " | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / ", " \\ ",
    ];
    let fold = |s: &str| s.trim().to_lowercase();
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let (first, rest) = title.split_once(sep).unwrap_or((head, tail));
        let words = |s: &str| s.split_whitespace().count();
        if let Some(site) = site {
            if fold(tail) == fold(site) {
                return (head.trim().to_string(), Some(tail.trim().to_string()));
            }
            if fold(first) == fold(site) {
                return (rest.trim().to_string(), Some(first.trim().to_string()));
            }
        }
        if words(tail) <= 4 && words(head) >= 3 {
            return (head.trim().to_string(), Some(tail.trim().to_string()));
        }
    }
    (title.trim().to_string(), None)
}

/// Reads the text of an HTML page.
pub fn to_text(html: &str) -> TextView {
    let mut b = Builder {
        text: String::with_capacity(html.len() / 2),
        starts: Vec::with_capacity(html.len() / 2),
        ends: Vec::with_capacity(html.len() / 2),
        pending_space: None,
        pending_break: None,
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<String> = None;
    let mut meta = Declared::default();
    let mut h1_start: Option<usize> = None;
    // the open element that marks its text as the author
    let mut byline: Option<Open> = None;
    // the elements open that mark the article's body, one of each kind, and the ranges they
    // closed on: (kind, start, end)
    let mut main_open: [Option<Open>; 3] = [None, None, None];
    let mut mains: Vec<(u8, usize, usize)> = Vec::new();
    // every byline found: (rank, where in the text, the name)
    let mut bylines: Vec<(u8, usize, String)> = Vec::new();
    let (mut link_depth, mut link_start) = (0usize, 0usize);
    let mut furniture_open: Vec<(String, usize, Furniture)> = Vec::new();
    // Where the next `>` is, remembered so that a run of stray `<` does not rescan the page
    // for each of them (that would be quadratic in the page size).
    let mut next_gt: Option<usize> = memchr::memchr(b'>', bytes);
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'<' {
            // comments and declarations
            if html[i..].starts_with("<!--") {
                i = memchr::memmem::find(&bytes[i + 4..], b"-->")
                    .map_or(bytes.len(), |e| i + 4 + e + 3);
                continue;
            }
            if next_gt.is_some_and(|g| g < i) {
                next_gt = memchr::memchr(b'>', &bytes[i..]).map(|g| i + g);
            }
            let Some(close) = next_gt.map(|g| g - i) else {
                // a lone '<' in text
                if skip_until.is_none() {
                    b.push("<", i, i + 1);
                }
                i += 1;
                continue;
            };
            let tag = &html[i..i + close + 1];
            let (closing, name) = tag_name(tag);
            if name.is_empty() && !tag.starts_with("<!") && !tag.starts_with("</") {
                if skip_until.is_none() {
                    b.push("<", i, i + 1);
                }
                i += 1;
                continue;
            }
            // what the page declares: <title>, <meta>, JSON-LD; none of it is article text
            if !closing && name == "title" {
                let after = i + close + 1;
                let end =
                    find_ascii_ci(&bytes[after..], b"</title").map_or(bytes.len(), |e| after + e);
                let title = decode_entities(&html[after..end]);
                if !title.is_empty() {
                    meta.page_title.get_or_insert(title);
                }
                i = end;
                continue;
            }
            if !closing && name == "meta" {
                read_meta(tag, &mut meta);
            }
            if !closing && name == "time" {
                if let Some(d) = attr(tag, "datetime") {
                    meta.published.offer(rank::PAGE, &d);
                }
            }
            if !closing && name == "script" && tag.to_ascii_lowercase().contains("ld+json") {
                let after = i + close + 1;
                let end =
                    find_ascii_ci(&bytes[after..], b"</script").map_or(bytes.len(), |e| after + e);
                read_json_ld(&html[after..end], &mut meta);
            }
            if let Some(until) = skip_until.clone() {
                if closing && name == until {
                    skip_until = None;
                }
                i += close + 1;
                continue;
            }
            if let Some(kind) = furniture_of(&name) {
                if !closing && !tag.ends_with("/>") {
                    furniture_open.push((name.clone(), b.text.len(), kind));
                } else if closing && furniture_open.last().is_some_and(|(n, _, _)| *n == name) {
                    if let Some((_, start, kind)) = furniture_open.pop() {
                        // only the outermost element counts
                        if furniture_open.is_empty() {
                            meta.declared.furniture.push((start, b.text.len(), kind));
                        }
                    }
                }
            }
            // link text: what a line of links (a menu, a list of other stories) is made of
            if name == "a" && !tag.ends_with("/>") {
                if !closing {
                    if link_depth == 0 {
                        link_start = b.text.len();
                    }
                    link_depth += 1;
                } else if link_depth > 0 {
                    link_depth -= 1;
                    if link_depth == 0 && b.text.len() > link_start {
                        meta.declared.links.push((link_start, b.text.len()));
                    }
                }
            }
            // what marks itself the article's body or its byline, read once per opening tag (and
            // only from a tag with attributes, or an <article>)
            let void = tag.ends_with("/>") || VOID.contains(&name.as_str());
            let lower = (!closing && (tag.contains('=') || name == "article"))
                .then(|| tag.to_ascii_lowercase());
            let main = lower.as_deref().and_then(|l| main_mark(&name, tag, l));
            // the article's body as the page marks it
            if !void {
                for (kind, open) in main_open.iter_mut().enumerate() {
                    if let Some(o) = Open::follow(open, &name, closing) {
                        mains.push((o.rank, o.start, b.text.len()));
                    } else if open.is_none() && main == Some(kind as u8) {
                        *open = Some(Open::new(&name, b.text.len(), kind as u8));
                    }
                }
            }
            // a byline in the body: the text of the first element that marks itself the author
            // (microdata, rel=author, a byline or author class), least trusted of all
            if meta.author.0.is_none() {
                match &byline {
                    Some(o) if !void && o.name == name => {
                        if let Some(o) = Open::follow(&mut byline, &name, closing) {
                            if let Some(n) = byline_name(&b.text[o.start..]) {
                                bylines.push((o.rank, o.start, n));
                            }
                        }
                    }
                    Some(_) if !closing => {
                        // a name marked up inside the author element is the author's name
                        let is_name = lower.as_deref().is_some_and(|l| {
                            attr_lower(tag, l, "itemprop")
                                .is_some_and(|v| v.split_whitespace().any(|t| t == "name"))
                        });
                        if is_name && !void {
                            byline = Some(Open::new(&name, b.text.len(), rank::MICRODATA_NAME));
                        }
                    }
                    None if !closing => {
                        if let Some(rank) = lower.as_deref().and_then(|l| byline_mark(tag, l)) {
                            if void {
                                if let Some(c) =
                                    attr(tag, "content").as_deref().and_then(byline_name)
                                {
                                    bylines.push((rank, b.text.len(), c));
                                }
                            } else {
                                byline = Some(Open::new(&name, b.text.len(), rank));
                            }
                        }
                    }
                    _ => {}
                }
            }
            if name == "h1" && meta.declared.h1.is_none() {
                if !closing {
                    h1_start = Some(b.text.len());
                } else if let Some(start) = h1_start.take() {
                    meta.declared.h1 = Some((start, b.text.len()));
                }
            }
            if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with("/>") {
                skip_until = Some(name);
            } else if BLOCK.contains(&name.as_str()) {
                b.pending_break = Some(i as u32);
            } else {
                b.pending_space.get_or_insert(i as u32);
            }
            i += close + 1;
            continue;
        }
        if skip_until.is_some() {
            i += 1;
            continue;
        }
        if c == b'&' {
            if let Some((s, n)) = char_ref(&html[i..]) {
                if s == " " {
                    b.pending_space.get_or_insert(i as u32);
                } else {
                    b.push(&s, i, i + n);
                }
                i += n;
                continue;
            }
        }
        if c.is_ascii_whitespace() {
            b.pending_space.get_or_insert(i as u32);
            i += 1;
            continue;
        }
        let ch_len = html[i..].chars().next().map_or(1, char::len_utf8);
        b.push(&html[i..i + ch_len], i, i + ch_len);
        i += ch_len;
    }
    let mut declared = meta.declared;
    declared.from_html = true;
    // the <h1>'s range without the line break that opened it
    declared.h1 = declared.h1.and_then(|(s, e)| {
        let lead = b.text[s..e].len() - b.text[s..e].trim_start().len();
        let trail = b.text[s..e].len() - b.text[s..e].trim_end().len();
        (s + lead < e - trail).then_some((s + lead, e - trail))
    });
    // a header that holds the article's <h1> is the article's, not the site's
    if let Some((hs, he)) = declared.h1 {
        declared
            .furniture
            .retain(|&(s, e, _)| !(s <= hs && he <= e));
    }
    // the article's body: every articleBody, else every body-classed element, else the
    // largest <article>
    declared.main = match (0..3u8).find(|k| mains.iter().any(|m| m.0 == *k)) {
        Some(2) => mains
            .iter()
            .filter(|m| m.0 == 2)
            .max_by_key(|m| m.2 - m.1)
            .map(|m| vec![(m.1, m.2)])
            .unwrap_or_default(),
        Some(k) => mains
            .iter()
            .filter(|m| m.0 == k)
            .map(|m| (m.1, m.2))
            .collect(),
        None => Vec::new(),
    };
    // of the bylines in the body, the article's: the first after its <h1> (the comments before
    // an article carry bylines too), else the first, the best marked of those
    let after_h1 = declared.h1.map_or(0, |(s, _)| s);
    let pick = |from: usize| {
        bylines
            .iter()
            .filter(|(_, at, _)| *at >= from)
            .min_by_key(|(rank, at, _)| (*rank, *at))
    };
    if let Some((rank, _, name)) = pick(after_h1).or_else(|| pick(0)) {
        meta.author.offer(*rank, name);
    }
    // what the page declares, by the order of trust (`rank`); a <title> usually carries the
    // site's name ("Headline | Site"), which is cut
    let mut site = meta.site.take();
    let mut title = meta.title.take();
    match (&title, meta.page_title) {
        (Some(t), _) => {
            // a declared title may end with the site name too
            let (head, cut) = strip_site_name(t, site.as_deref());
            if cut.is_some() && site.as_deref().is_some_and(|s| cut.as_deref() == Some(s)) {
                title = Some(head);
            }
        }
        (None, Some(t)) => {
            let (head, cut) = strip_site_name(&t, site.as_deref());
            if site.is_none() {
                site = cut;
            }
            title = Some(head);
            declared.title_from_tag = true;
        }
        (None, None) => {}
    }
    declared.title = title;
    declared.site = site;
    declared.author = meta.author.take();
    declared.published = meta.published.take();
    TextView {
        text: b.text,
        meta: declared,
        starts: b.starts,
        ends: b.ends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // fixtures of our own making, in the shapes real pages use

    #[test]
    fn json_ld_is_trusted_first_even_wrapped_or_in_a_graph() {
        let html = r#"<html><head><title>Troops cross the border | Daily Example</title>
            <meta property="og:title" content="Troops cross the border (updated)">
            <meta name="author" content="Desk Editor">
            <script type="application/ld+json"><![CDATA[{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Daily Example"},
              {"@type":["NewsArticle"],"headline":"Troops cross the border",
               "author":[{"@type":"Person","name":"Anna Lee"},{"@type":"Person","name":"Park Ji-won"}],
               "datePublished":"2024-08-12T09:30:00+03:00","publisher":{"@type":"Organization","name":"Daily Example"}}]}]]></script>
            </head><body><p>Text.</p></body></html>"#;
        let m = to_text(html).meta;
        assert_eq!(m.title.as_deref(), Some("Troops cross the border"));
        assert_eq!(m.author.as_deref(), Some("Anna Lee and Park Ji-won"));
        assert_eq!(m.published.as_deref(), Some("2024-08-12T09:30:00+03:00"));
        assert_eq!(m.site.as_deref(), Some("Daily Example"));
    }

    #[test]
    fn the_article_body_is_where_the_page_marks_it() {
        let body = |html: &str| {
            let v = to_text(html);
            v.meta
                .main
                .iter()
                .map(|&(s, e)| v.text[s..e].trim().to_string())
                .collect::<Vec<_>>()
        };
        // schema.org articleBody first, every one of them
        let html = r#"<html><body><article class="teaser"><p>Other story</p></article>
            <div class="entry-content"><div itemprop="articleBody"><p>One.</p></div>
            <aside>Box</aside><div itemprop="articleBody"><div><p>Two.</p></div></div></div></body></html>"#;
        assert_eq!(body(html), vec!["One.", "Two."]);
        // else the elements content systems class as the body
        let html = r#"<html><body><div class="sidebar">Menu</div><section id="story-body"><p>Text.</p></section>
            <div class="post_content"><p>More.</p></div><div class="sidebar-content">x</div></body></html>"#;
        assert_eq!(body(html), vec!["Text.", "More."]);
        // else the largest <article>; and a page with none of these marks none
        let html = "<html><body><article><p>Short.</p></article><article><p>The longer one.</p></article></body></html>";
        assert_eq!(body(html), vec!["The longer one."]);
        assert!(
            body("<html><body><div class=\"bodycopy\"><p>x</p></div></body></html>").is_empty()
        );
    }

    #[test]
    fn a_property_key_beats_the_same_key_as_a_name() {
        let m = to_text(
            r#"<html><head><meta name="dc.title" content="Name title">
            <meta property="dc:title" content="Property title"></head><body><p>x</p></body></html>"#,
        )
        .meta;
        assert_eq!(m.title.as_deref(), Some("Property title"));
    }

    #[test]
    fn of_a_json_ld_name_and_headline_the_one_the_title_holds() {
        let page = |title: &str| {
            format!(
                r#"<html><head><title>{title}</title><script type="application/ld+json">
                {{"@type":"Article","name":"New Zealand","headline":"country in Oceania"}}
                </script></head><body><p>x</p></body></html>"#
            )
        };
        let m = to_text(&page("New Zealand - Encyclopedia")).meta;
        assert_eq!(m.title.as_deref(), Some("New Zealand"));
        let m = to_text(&page("A country in Oceania | Atlas")).meta;
        assert_eq!(m.title.as_deref(), Some("country in Oceania"));
    }

    #[test]
    fn a_byline_in_the_body_names_the_author_when_nothing_is_declared() {
        // microdata: the name inside the author element, not the date beside it
        let m = to_text(
            r#"<html><body><h1>Kim in Moscow</h1><p class="byline" itemprop="author creator">
            <a rel="author" href="/a/jd"><span itemprop="name">Jane Doe</span></a> - 4/16/2015</p>
            <p>Text.</p></body></html>"#,
        )
        .meta;
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        // a byline class; the bylines of comments before the article, an "authorization"
        // widget and an author's photo or bio are not the article's
        let m = to_text(
            r#"<html><body><div id="authorization"><a>Sign In</a></div>
            <div class="comments"><div class="byline"><span>Commenter One</span></div></div>
            <h1>Kim in Moscow</h1><div class="author-photo"><img alt="x"></div>
            <div class="article-byline">By Ann Lee | June 19, 2024</div><p>Text.</p>
            <div class="author-bio">Ann Lee has covered Korea for a long time and more words here.</div>
            </body></html>"#,
        )
        .meta;
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        // a declared author wins over any byline
        let m = to_text(
            r#"<html><head><meta name="author" content="Desk"></head><body><h1>T</h1>
            <div class="byline">By Ann Lee</div></body></html>"#,
        )
        .meta;
        assert_eq!(m.author.as_deref(), Some("Desk"));
    }

    #[test]
    fn meta_tags_follow_the_order_of_trust() {
        let html = r#"<html><head><title>Page title - Example News</title>
            <meta name="twitter:title" content="Twitter title">
            <meta property="og:title" content="Open Graph title">
            <meta property="x:title dc:title" content="Dublin Core title">
            <meta name="author" content="Meta author">
            <meta property="dc:creator twitter:site_name" content="Creator Name">
            <meta name="parsely-pub-date" content="2024-04-20T04:20:00Z">
            <meta property="article:published_time" content="2024-04-19">
            </head><body><p>Text.</p></body></html>"#;
        let m = to_text(html).meta;
        assert_eq!(m.title.as_deref(), Some("Dublin Core title"));
        assert_eq!(m.author.as_deref(), Some("Creator Name"));
        assert_eq!(m.published.as_deref(), Some("2024-04-19"));
        // with nothing declared but the <title>: the site name is cut; a <time> dates it
        let m = to_text(
            "<html><head><title>Kim visits Moscow – Example News</title></head><body>\
             <time datetime=\"2024-06-19\">June 19</time><p>Text.</p></body></html>",
        )
        .meta;
        assert_eq!(m.title.as_deref(), Some("Kim visits Moscow"));
        assert_eq!(m.site.as_deref(), Some("Example News"));
        assert_eq!(m.published.as_deref(), Some("2024-06-19"));
        // a link is no author, and a broken JSON-LD block is ignored
        let m = to_text(
            r#"<html><head><meta name="author" content="https://example.com/staff/1">
               <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
               </head><body><p>Text.</p></body></html>"#,
        )
        .meta;
        assert_eq!(m.author, None);
    }

    #[test]
    fn a_site_name_is_cut_from_either_end_of_a_title() {
        let cut = |t: &str, site: Option<&str>| strip_site_name(t, site).0;
        assert_eq!(
            cut("Kim visits Moscow | Reuters", None),
            "Kim visits Moscow"
        );
        assert_eq!(
            cut("BBC News - Kim visits Moscow again", Some("BBC News")),
            "Kim visits Moscow again"
        );
        assert_eq!(
            cut(
                "Kim visits Moscow — The Example Times",
                Some("The Example Times")
            ),
            "Kim visits Moscow"
        );
        // a hyphen inside a headline stays
        assert_eq!(
            cut("Kim Jong-un - a profile", None),
            "Kim Jong-un - a profile"
        );
        assert_eq!(cut("Short", None), "Short");
    }

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let html = "<html><head><title>Kim meets Putin</title><style>p{}</style></head>\
                    <body><p>Russia&#x27;s forum &amp; Kim&rsquo;s visit</p><script>alert(1)</script></body></html>";
        let v = to_text(html);
        assert_eq!(v.text, "Russia's forum & Kim’s visit");
        assert_eq!(v.meta.title.as_deref(), Some("Kim meets Putin"));
        let at = v.text.find("forum").unwrap();
        let (s, e) = v.to_raw(at, at + 5);
        assert_eq!(&html[s..e], "forum");
        let amp = v.text.find('&').unwrap();
        let (s, e) = v.to_raw(amp, amp + 1);
        assert_eq!(&html[s..e], "&amp;");
        let kim = v.text.rfind("Kim").unwrap();
        let (s, e) = v.to_raw(kim, kim + "Kim’s".len());
        assert_eq!(&html[s..e], "Kim&rsquo;s");
        assert!(!v.text.contains("alert"));
    }

    #[test]
    fn navigation_and_footers_are_text_marked_as_furniture() {
        let html = "<html><body><header><a>Site Monitor</a><nav>Home | Korea | China</nav></header>\
                    <article><header><h1>Troops reach Kursk</h1></header><p>Body text.</p>\
                    <aside>Read more: other story</aside></article><footer>&copy; 2024 Site Monitor</footer></body></html>";
        let v = to_text(html);
        assert!(v.text.contains("Home | Korea | China") && v.text.contains("© 2024 Site Monitor"));
        let kinds: Vec<(&str, Furniture)> = v
            .meta
            .furniture
            .iter()
            .map(|&(s, e, k)| (v.text[s..e].trim(), k))
            .collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert_eq!(kinds[0].1, Furniture::Breadcrumb);
        assert!(kinds[0].0.contains("Site Monitor") && kinds[0].0.contains("Home"));
        assert_eq!(kinds[1], ("Read more: other story", Furniture::Teaser));
        assert_eq!(kinds[2], ("© 2024 Site Monitor", Furniture::Footer));
        let (hs, he) = v.meta.h1.unwrap();
        assert_eq!(&v.text[hs..he], "Troops reach Kursk");
    }

    #[test]
    fn detection_needs_a_leading_page_tag() {
        assert!(looks_like_html("<!DOCTYPE html><html></html>"));
        assert!(looks_like_html("  <div><p>Hi</p></div>"));
        assert!(!looks_like_html(
            "Text with <script>alert(1)</script> inside"
        ));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<<>>",
            "<p",
            "&#xFFFFFFFF;",
            "&#0;",
            "<a href='x'>Пхеньян</a",
            "<!--",
            "<script>",
            "<nav><nav>x</nav>",
            "</nav></footer>",
            "&é;x",
            "&ab\u{00e9}\u{00e9}\u{00e9}\u{00e9}\u{00e9};",
            "<!---->",
            "<!--->",
        ] {
            let _ = to_text(s);
        }
    }
}
