//! Opens the inputs that hold articles rather than being one: a feed (RSS, RSS 1.0 or Atom),
//! a Word document (`.docx`), an e-mail (`.eml`) or a PDF's text layer. Each article found
//! becomes a [`Part`]: a small HTML page of its own whose `<head>` carries what the container
//! said of it (title, author, date, site, link), so that the one HTML reader reads it, its
//! metadata keeps its documented order of trust, and what is kept and shown in the raw view is
//! that page. Anything the container holds but Dossier does not read (attachments, items past
//! the cap) is said in a note, never dropped in silence.
//!
//! PDF (feature `pdf`, on by default) is the one reader large enough to matter in a wasm
//! bundle: the import worker is built without it, and the page hands PDFs to a worker of
//! their own (`pdf-worker/`), loaded only when a PDF is added.
pub mod docx;
pub mod feed;
pub mod mail;
#[cfg(feature = "pdf")]
pub mod pdf;

use dossier_model::InputError;

/// Most articles read out of one feed; the rest are named in a note.
pub const MAX_FEED_ITEMS: usize = 1000;

/// Largest size one member of an archive may expand to, in bytes (a zip bomb stops here).
pub const MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;

/// One article read out of a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// A name of its own (`feed.xml #3.html`), for the library.
    pub name: String,
    /// The article as an HTML page (see [`page`]).
    pub page: String,
}

/// What a container held: its articles, and notes on what was left out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Opened {
    pub parts: Vec<Part>,
    pub notes: Vec<String>,
}

/// What a container says of one article; each field is optional.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Head {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
}

/// Opens an input read as bytes (a Word document, a PDF, an e-mail), or `None` when it is
/// none of these and should be decoded as text.
pub fn open_bytes(name: &str, bytes: &[u8]) -> Option<Result<Opened, InputError>> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(docx::open(name, bytes));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(Err(InputError::Unreadable {
            what: "Office file".into(),
            why: "it is an encrypted or old-format (.doc) Office file: save it as a .docx \
                  without a password and add it again"
                .into(),
        }));
    }
    if looks_like_pdf(bytes) {
        #[cfg(feature = "pdf")]
        return Some(pdf::open(name, bytes));
        #[cfg(not(feature = "pdf"))]
        return Some(Err(InputError::Unreadable {
            what: "PDF".into(),
            why: "it is a PDF under another name: add it with a name ending in .pdf".into(),
        }));
    }
    if mail::looks_like_mail(name, bytes) {
        return Some(mail::open(name, bytes));
    }
    None
}

/// Whether the bytes are a PDF (its header may follow a few bytes of junk).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// Opens a decoded text that is a feed, or `None`.
pub fn open_text(name: &str, text: &str) -> Option<Result<Opened, InputError>> {
    feed::looks_like_feed(text).then(|| feed::open(name, text))
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Plain text as HTML paragraphs: a blank line parts paragraphs, and the lines of one
/// paragraph (wrapped by a mailer, say) are joined.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.replace("\r\n", "\n").split("\n\n") {
        let joined = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !joined.is_empty() {
            out.push_str("<p>");
            out.push_str(&escape(&joined));
            out.push_str("</p>\n");
        }
    }
    out
}

/// The HTML page of one article: `head` in `<meta>` tags the HTML reader trusts, the title
/// again as the body's `<h1>`, then `body_html` as given (it is only ever read as text).
pub fn page(head: &Head, body_html: &str) -> String {
    let mut p = String::from("<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    let meta = |p: &mut String, attr: &str, key: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            p.push_str(&format!(
                "<meta {attr}=\"{key}\" content=\"{}\">\n",
                escape(v)
            ));
        }
    };
    let title = head
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(t) = title {
        p.push_str(&format!("<title>{}</title>\n", escape(t)));
    }
    meta(&mut p, "property", "og:title", &head.title);
    meta(&mut p, "name", "author", &head.author);
    meta(
        &mut p,
        "property",
        "article:published_time",
        &head.published,
    );
    meta(&mut p, "property", "og:site_name", &head.site);
    meta(&mut p, "property", "og:url", &head.url);
    p.push_str("</head>\n<body>\n<article>\n");
    if let Some(t) = title {
        p.push_str(&format!("<h1>{}</h1>\n", escape(t)));
    }
    p.push_str(body_html);
    p.push_str("\n</article>\n</body>\n</html>\n");
    p
}

/// `name` without its extension, for the names of the parts read out of it.
pub fn stem(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_escapes_what_the_container_said() {
        let head = Head {
            title: Some("Kim & Putin <meet>".into()),
            author: Some("A \"quoted\" name".into()),
            ..Head::default()
        };
        let p = page(&head, "<p>Body</p>");
        assert!(p.contains("<title>Kim &amp; Putin &lt;meet&gt;</title>"));
        assert!(p.contains("content=\"A &quot;quoted&quot; name\""));
        assert!(!p.contains("published_time"));
        assert!(p.contains("<p>Body</p>"));
    }

    #[test]
    fn wrapped_lines_join_into_paragraphs() {
        let html = paragraphs("Kim Jong Un met\nVladimir Putin.\r\n\r\nA second <one>.\n\n\n");
        assert_eq!(
            html,
            "<p>Kim Jong Un met Vladimir Putin.</p>\n<p>A second &lt;one&gt;.</p>\n"
        );
    }
}
