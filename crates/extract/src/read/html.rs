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

/// What the page declared, gathered while reading it.
#[derive(Default)]
struct Declared {
    declared: PageMeta,
    page_title: Option<String>,
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

/// Reads a `<meta>` tag into what the page declares.
fn read_meta(tag: &str, meta: &mut PageMeta) {
    let key = attr(tag, "property")
        .or_else(|| attr(tag, "name"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(content) = attr(tag, "content").filter(|c| !c.is_empty()) else {
        return;
    };
    match key.as_str() {
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "dc.date" => {
            meta.published.get_or_insert(content);
        }
        "author" | "article:author" | "dc.creator" if !content.starts_with("http") => {
            meta.author.get_or_insert(content);
        }
        "og:site_name" | "application-name" => {
            meta.site.get_or_insert(content);
        }
        "og:title" | "twitter:title" => {
            meta.title.get_or_insert(content);
        }
        _ => {}
    }
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
                read_meta(tag, &mut meta.declared);
            }
            if !closing && name == "script" && tag.to_ascii_lowercase().contains("ld+json") {
                let after = i + close + 1;
                let end =
                    find_ascii_ci(&bytes[after..], b"</script").map_or(bytes.len(), |e| after + e);
                let json = &html[after..end];
                if let Some(p) = json.find("\"datePublished\"") {
                    let v = json[p + 15..].trim_start_matches([' ', ':', '"']);
                    let date: String = v
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '-')
                        .collect();
                    if date.len() >= 10 {
                        meta.declared.published.get_or_insert(date);
                    }
                }
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
    // a <title> usually ends with the site's name: "Headline | Site"
    if declared.title.is_none() {
        declared.title =
            meta.page_title.map(
                |t| match t.rsplit_once(" | ").or_else(|| t.rsplit_once(" - ")) {
                    Some((head, site)) if site.split_whitespace().count() <= 5 => {
                        declared.site.get_or_insert(site.trim().to_string());
                        head.trim().to_string()
                    }
                    _ => t,
                },
            );
    }
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
