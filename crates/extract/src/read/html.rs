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
        _ => return None,
    })
}
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
    pub const JSON_LD: u8 = 0;
    pub const DUBLIN_CORE: u8 = 1;
    pub const OPEN_GRAPH: u8 = 2;
    pub const META: u8 = 3;
    pub const TWITTER: u8 = 4;
    pub const PARSELY: u8 = 5;
    pub const PAGE: u8 = 6;
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
                    if let Some(h) = o
                        .get("headline")
                        .or_else(|| o.get("name"))
                        .and_then(|h| h.as_str())
                    {
                        meta.title.offer(rank::JSON_LD, &decode_entities(h));
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
    let lower = tag.to_ascii_lowercase();
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
/// keys: `property="dc:creator twitter:site_name"`).
fn read_meta(tag: &str, meta: &mut Declared) {
    let keys = attr(tag, "property")
        .into_iter()
        .chain(attr(tag, "name"))
        .map(|k| k.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(content) = attr(tag, "content").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let person = !content.starts_with("http");
    for key in keys.split_whitespace() {
        use rank::*;
        match key {
            "dc:title" | "dc.title" | "dcterm:title" | "dcterms.title" => {
                meta.title.offer(DUBLIN_CORE, &content)
            }
            "og:title" => meta.title.offer(OPEN_GRAPH, &content),
            "title" => meta.title.offer(META, &content),
            "twitter:title" => meta.title.offer(TWITTER, &content),
            "parsely-title" => meta.title.offer(PARSELY, &content),
            "dc:creator" | "dc.creator" | "dcterm:creator" | "dcterms.creator" if person => {
                meta.author.offer(DUBLIN_CORE, &content)
            }
            "article:author" if person => meta.author.offer(OPEN_GRAPH, &content),
            "author" | "byl" if person => meta.author.offer(META, &content),
            "parsely-author" if person => meta.author.offer(PARSELY, &content),
            "dc.date" | "dc:date" | "dcterms.issued" | "dcterms.created" | "dcterms.available"
            | "dc.date.issued" => meta.published.offer(DUBLIN_CORE, &content),
            "article:published_time" | "og:published_time" => {
                meta.published.offer(OPEN_GRAPH, &content)
            }
            "datepublished" | "date" | "pubdate" | "publish-date" | "publishdate" => {
                meta.published.offer(META, &content)
            }
            "parsely-pub-date" => meta.published.offer(PARSELY, &content),
            "og:site_name" => meta.site.offer(OPEN_GRAPH, &content),
            "application-name" => meta.site.offer(META, &content),
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
