//! Word documents (`.docx`): a ZIP archive (read with `zip`) of WordprocessingML (read with
//! `roxmltree`). The body's paragraphs become the article's, its Title and Heading styles its
//! headings, list paragraphs its list items, tables their cells; the core properties
//! (`docProps/core.xml`) give the title and the author. Deleted revisions and field codes are
//! not text. Every member is read through a cap of [`MAX_EXPANDED_BYTES`], whatever size its
//! header claims, so a zip bomb stops at the cap; any other ZIP archive is refused by name.
use super::{escape, page, stem, Head, Opened, Part, MAX_EXPANDED_BYTES};
use dossier_model::InputError;
use roxmltree::{Document, Node};
use std::io::{Cursor, Read};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn unreadable(why: impl Into<String>) -> InputError {
    InputError::Unreadable {
        what: "Word document".into(),
        why: why.into(),
    }
}

/// The member `path` of the archive as text, or `None` when it is absent.
fn member(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
) -> Result<Option<String>, InputError> {
    let file = match zip.by_name(path) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(format!("the ZIP archive is damaged ({e})"))),
    };
    if file.encrypted() {
        return Err(unreadable("it is protected by a password"));
    }
    let too_big = || {
        unreadable(format!(
            "{path} would expand to more than {} MB, the limit (the archive may be a zip bomb)",
            MAX_EXPANDED_BYTES / 1_048_576
        ))
    };
    if file.size() > MAX_EXPANDED_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_EXPANDED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(format!("the ZIP archive is damaged ({e})")))?;
    if bytes.len() as u64 > MAX_EXPANDED_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| unreadable(format!("{path} is not UTF-8 XML")))
}

/// Reads a `.docx` into one article.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| InputError::Unreadable {
        what: "ZIP archive".into(),
        why: format!("it is damaged or incomplete ({e})"),
    })?;
    let Some(body) = member(&mut zip, "word/document.xml")? else {
        return Err(InputError::Unreadable {
            what: "ZIP archive".into(),
            why: "it is not a Word document (no word/document.xml): Dossier reads .docx files, \
                  not other archives; unpack it and add the articles inside"
                .into(),
        });
    };
    let mut head = member(&mut zip, "docProps/core.xml")?
        .map(|core| core_properties(&core))
        .unwrap_or_default();
    let doc = Document::parse(&body)
        .map_err(|e| unreadable(format!("word/document.xml is broken ({e})")))?;
    let (title, html) = body_html(&doc);
    // the title the reader sees on the page beats the properties' (often a template's)
    if title.is_some() {
        head.title = title;
    }
    if html.is_empty() {
        return Err(unreadable("it holds no text"));
    }
    Ok(Opened {
        parts: vec![Part {
            name: format!("{} (docx).html", stem(name)),
            page: page(&head, &html),
        }],
        notes: Vec::new(),
    })
}

/// Title, author and creation date from the core properties (Dublin Core terms).
fn core_properties(xml: &str) -> Head {
    let Ok(doc) = Document::parse(xml) else {
        return Head::default();
    };
    let text = |local: &str| {
        doc.descendants()
            .find(|n| n.is_element() && n.tag_name().name() == local)
            .and_then(|n| n.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    Head {
        title: text("title"),
        author: text("creator"),
        // when the document was first saved: the nearest a Word file has to a publication date
        published: text("created").filter(|d| d.len() >= 10 && !d.starts_with("1601")),
        ..Head::default()
    }
}

fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The paragraph's text: its runs' `w:t`, tabs and breaks, not deleted text or field codes.
fn paragraph_text(p: Node) -> String {
    let mut out = String::new();
    for n in p.descendants() {
        if !n.is_element() {
            continue;
        }
        match n.tag_name().name() {
            "t" if n.tag_name().namespace() == Some(W) => out.push_str(n.text().unwrap_or("")),
            "tab" => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('\u{2011}'),
            _ => {}
        }
    }
    out
}

/// The body as HTML blocks, one per paragraph, in document order, and the text of its first
/// Title-styled paragraph (which becomes the page's title rather than a block).
fn body_html(doc: &Document) -> (Option<String>, String) {
    let mut html = String::new();
    let mut title = None;
    let mut in_list = false;
    for p in doc.descendants().filter(|n| {
        n.is_element() && n.tag_name().name() == "p" && n.tag_name().namespace() == Some(W)
    }) {
        let text = paragraph_text(p);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let ppr = w_child(p, "pPr");
        let style = ppr
            .and_then(|ppr| w_child(ppr, "pStyle"))
            .and_then(|s| w_attr(s, "val"))
            .unwrap_or("")
            .to_ascii_lowercase()
            .replace(' ', "");
        let listed =
            ppr.and_then(|ppr| w_child(ppr, "numPr")).is_some() || style.starts_with("list");
        if style == "title" && title.is_none() && html.is_empty() {
            title = Some(text.replace('\n', " "));
            continue;
        }
        let tag = if style == "title" {
            "h2"
        } else if let Some(level) = style.strip_prefix("heading") {
            match level.parse::<u8>() {
                Ok(1) => "h2",
                Ok(2) => "h3",
                _ => "h4",
            }
        } else if style.contains("quote") {
            "blockquote"
        } else if listed {
            "li"
        } else {
            "p"
        };
        if tag == "li" && !in_list {
            html.push_str("<ul>\n");
        } else if tag != "li" && in_list {
            html.push_str("</ul>\n");
        }
        in_list = tag == "li";
        let body = escape(text).replace('\n', "<br>");
        html.push_str(&format!("<{tag}>{body}</{tag}>\n"));
    }
    if in_list {
        html.push_str("</ul>\n");
    }
    (title, html)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal `.docx` of this project's own making, written with `zip`.
    pub(crate) fn docx(document: &str, core: Option<&str>) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            z.start_file("[Content_Types].xml", opts).unwrap();
            z.write_all(b"<Types/>").unwrap();
            z.start_file("word/document.xml", opts).unwrap();
            z.write_all(document.as_bytes()).unwrap();
            if let Some(core) = core {
                z.start_file("docProps/core.xml", opts).unwrap();
                z.write_all(core.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    pub(crate) const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Briefing on the summit</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Kim Jong Un met </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Vladimir Putin</w:t></w:r><w:r><w:t> at Vostochny.</w:t></w:r><w:del><w:r><w:delText>Deleted words.</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Weapons</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>KN-23 missiles</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Artillery shells</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Pyongyang</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>Last</w:t><w:tab/><w:t>line.</w:t></w:r></w:p>
</w:body></w:document>"#;

    pub(crate) const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>Summit briefing</dc:title><dc:creator>Analyst One</dc:creator>
<dcterms:created>2023-09-14T08:00:00Z</dcterms:created></cp:coreProperties>"#;

    #[test]
    fn paragraphs_styles_and_properties_are_read() {
        let o = open("brief.docx", &docx(DOCUMENT, Some(CORE))).unwrap();
        assert_eq!(o.parts.len(), 1);
        assert_eq!(o.parts[0].name, "brief (docx).html");
        let p = &o.parts[0].page;
        // the Title-styled paragraph is the title, over the properties' one
        assert!(p.contains("<title>Briefing on the summit</title>"), "{p}");
        assert_eq!(
            p.matches("Briefing on the summit").count(),
            3,
            "title, og:title, h1"
        );
        assert!(p.contains("content=\"Analyst One\""));
        assert!(p.contains("content=\"2023-09-14T08:00:00Z\""));
        assert!(
            p.contains("<p>Kim Jong Un met Vladimir Putin at Vostochny.</p>"),
            "{p}"
        );
        assert!(!p.contains("Deleted words"));
        assert!(!p.contains("PAGE"));
        assert!(p.contains("<h2>Weapons</h2>"));
        assert!(p.contains("<ul>\n<li>KN-23 missiles</li>\n<li>Artillery shells</li>\n</ul>"));
        assert!(p.contains("<p>Pyongyang</p>"));
        assert!(p.contains("<p>Last\tline.</p>"));
    }

    #[test]
    fn damaged_foreign_and_empty_archives_are_refused_with_a_reason() {
        let good = docx(DOCUMENT, None);
        let cut = &good[..good.len() / 2];
        let err = open("cut.docx", cut).unwrap_err().to_string();
        assert!(err.contains("ZIP archive cannot be read"), "{err}");
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("photo.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"hello").unwrap();
            z.finish().unwrap();
        }
        let err = open("photos.zip", buf.get_ref()).unwrap_err().to_string();
        assert!(err.contains("not a Word document"), "{err}");
        let empty = docx("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>", None);
        let err = open("empty.docx", &empty).unwrap_err().to_string();
        assert!(err.contains("holds no text"), "{err}");
    }

    #[test]
    fn a_zip_bomb_stops_at_the_cap() {
        // 80 MB of one letter deflates to about 80 KB: it must be refused, not expanded
        let mut body = String::from("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
        body.push_str(&"a".repeat(80 * 1024 * 1024));
        body.push_str("</w:t></w:r></w:p></w:body></w:document>");
        let bomb = docx(&body, None);
        assert!(bomb.len() < 1_000_000, "{}", bomb.len());
        let err = open("bomb.docx", &bomb).unwrap_err().to_string();
        assert!(err.contains("zip bomb"), "{err}");
    }
}
