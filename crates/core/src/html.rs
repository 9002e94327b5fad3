//! Reads an HTML page as text: tags stripped, `script`/`style`/navigation dropped, character
//! references decoded, block elements turned into line breaks, and every byte of the text
//! view mapped back to the raw input, so mention offsets still point into the original page.
//! (A full HTML parser such as html5ever gives no offsets back into the source and would
//! weigh more than the rest of the wasm bundle; this scanner is small and keeps offsets.)

/// Text read out of an HTML page, with a map from view bytes to raw byte ranges.
#[derive(Debug, Clone)]
pub struct TextView {
    pub text: String,
    /// For each byte of `text`: the raw range it came from.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl TextView {
    /// Maps a byte range of the view back to the raw input.
    pub fn to_raw(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let p = self.starts.get(start).copied().unwrap_or(0) as usize;
            return (p, p);
        }
        (self.starts[start] as usize, self.ends[end - 1] as usize)
    }
}

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

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "button",
    "iframe", "select", "head",
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

/// The last position of an ASCII `needle` in `hay`, ignoring case.
fn rfind_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
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
    let mut in_title = false;
    // Where the next `>` is, remembered so that a run of stray `<` does not rescan the page
    // for each of them (that would be quadratic in the page size).
    let mut next_gt: Option<usize> = memchr::memchr(b'>', bytes);
    let last_head_close = rfind_ascii_ci(bytes, b"</head");
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
            if let Some(until) = skip_until.clone() {
                if closing && name == until {
                    skip_until = None;
                }
                // <title> lives in <head>: read it even though the rest of <head> is skipped
                if until == "head" && name == "title" && !closing {
                    in_title = true;
                    skip_until = None;
                    b.pending_break = Some(i as u32);
                }
                i += close + 1;
                continue;
            }
            if in_title && closing && name == "title" {
                in_title = false;
                b.pending_break = Some(i as u32);
                skip_until = Some("head".into());
                if last_head_close.is_none_or(|p| p < i) {
                    // no </head> follows: the page body starts right after the title
                    skip_until = None;
                }
                i += close + 1;
                continue;
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
    TextView {
        text: b.text,
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
        assert_eq!(v.text, "Kim meets Putin\nRussia's forum & Kim’s visit");
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
            "&é;x",
            "&ab\u{00e9}\u{00e9}\u{00e9}\u{00e9}\u{00e9};",
            "<!---->",
            "<!--->",
        ] {
            let _ = to_text(s);
        }
    }
}
