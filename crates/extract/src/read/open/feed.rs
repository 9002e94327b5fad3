//! Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, parsed with `roxmltree`. Each item or entry becomes
//! an article with its own title, link, date and author; its body is the item's full content
//! (`content:encoded`, Atom `content`) or else its summary (`description`, `summary`). The
//! channel's title is the site. At most [`MAX_FEED_ITEMS`] are read; a note names the rest.
use super::{page, stem, Head, Opened, Part, MAX_FEED_ITEMS};
use dossier_model::InputError;
use roxmltree::{Document, Node, ParsingOptions};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// Whether a text is a feed: its root element, after any XML declaration, comments and
/// doctype, is `<rss`, `<feed` or `<rdf:RDF`.
pub fn looks_like_feed(text: &str) -> bool {
    let mut t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    // skip the prolog: declaration, processing instructions, comments, doctype
    for _ in 0..16 {
        if let Some(rest) = t.strip_prefix("<?") {
            let Some(end) = rest.find("?>") else {
                return false;
            };
            t = rest[end + 2..].trim_start();
        } else if let Some(rest) = t.strip_prefix("<!--") {
            let Some(end) = rest.find("-->") else {
                return false;
            };
            t = rest[end + 3..].trim_start();
        } else if let Some(rest) = t.strip_prefix("<!") {
            let Some(end) = rest.find('>') else {
                return false;
            };
            t = rest[end + 1..].trim_start();
        } else {
            break;
        }
    }
    let root: String = t.chars().take(12).collect::<String>().to_ascii_lowercase();
    ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|r| root.starts_with(r) && root[r.len()..].starts_with([' ', '>', '\n', '\r', '\t']))
}

/// Every text node under `node`, joined (a content element may mix CDATA and text).
fn all_text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, ns: Option<&str>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| {
        c.is_element()
            && c.tag_name().name() == name
            && ns.is_none_or(|ns| c.tag_name().namespace() == Some(ns))
    })
}

fn child_text(node: Node, ns: Option<&str>, name: &str) -> Option<String> {
    child(node, ns, name)
        .map(all_text)
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// An RSS date (RFC 2822, `Tue, 10 Jun 2003 04:00:00 GMT`) as ISO 8601 in its own offset;
/// an ISO date (`dc:date`, Atom) is kept as it is.
fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() >= 10 && t.as_bytes()[4] == b'-' && t[..4].bytes().all(|b| b.is_ascii_digit()) {
        return Some(t.to_string());
    }
    jiff::fmt::rfc2822::parse(t)
        .ok()
        .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// An Atom text construct as HTML: `type="html"` is escaped HTML (its text), `xhtml` is
/// inline markup (its source), `text` is plain text.
fn atom_html(node: Node, source: &str) -> String {
    match node.attribute("type").unwrap_or("text") {
        "html" | "text/html" => all_text(node),
        "xhtml" | "application/xhtml+xml" => {
            let (Some(first), Some(last)) = (node.first_child(), node.last_child()) else {
                return String::new();
            };
            source[first.range().start..last.range().end].to_string()
        }
        _ => super::paragraphs(&all_text(node)),
    }
}

/// Reads a feed's items into articles.
pub fn open(name: &str, text: &str) -> Result<Opened, InputError> {
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: 4_000_000,
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| InputError::Unreadable {
        what: "feed".into(),
        why: format!("its XML is broken ({e})"),
    })?;
    let root = doc.root_element();
    let atom = root.tag_name().name() == "feed";
    // an Atom entry without an author of its own has the feed's (RFC 4287, 4.2.1)
    let feed_author = atom
        .then(|| child(root, None, "author").and_then(|a| child_text(a, None, "name")))
        .flatten();
    let (site, items): (Option<String>, Vec<Node>) = if atom {
        (
            child_text(root, Some(ATOM), "title").or_else(|| child_text(root, None, "title")),
            root.children()
                .filter(|c| c.is_element() && c.tag_name().name() == "entry")
                .collect(),
        )
    } else {
        // RSS 2.0 holds its items in the channel; RSS 1.0 beside it
        let channel = child(root, None, "channel");
        let mut items: Vec<Node> = Vec::new();
        for holder in channel.into_iter().chain([root]) {
            items.extend(
                holder
                    .children()
                    .filter(|c| c.is_element() && c.tag_name().name() == "item"),
            );
        }
        (channel.and_then(|c| child_text(c, None, "title")), items)
    };
    if items.is_empty() {
        return Err(InputError::Unreadable {
            what: "feed".into(),
            why: "it holds no items".into(),
        });
    }
    let mut opened = Opened::default();
    let total = items.len();
    for (i, item) in items.into_iter().take(MAX_FEED_ITEMS).enumerate() {
        let (head, body) = if atom {
            read_entry(item, text)
        } else {
            read_item(item)
        };
        let head = Head {
            site: site.clone(),
            author: head.author.or_else(|| feed_author.clone()),
            ..head
        };
        opened.parts.push(Part {
            name: format!("{} #{}.html", stem(name), i + 1),
            page: page(&head, &body),
        });
    }
    if total > MAX_FEED_ITEMS {
        opened.notes.push(format!(
            "the feed holds {total} items: the first {MAX_FEED_ITEMS} were read, the other {} \
             were not (split the feed to read them)",
            total - MAX_FEED_ITEMS
        ));
    }
    Ok(opened)
}

fn read_item(item: Node) -> (Head, String) {
    let title = child_text(item, None, "title");
    let author = child_text(item, Some(DC), "creator").or_else(|| {
        // RSS `author` is an e-mail address, often with the name in brackets
        child_text(item, None, "author").map(|a| match (a.find('('), a.rfind(')')) {
            (Some(s), Some(e)) if s < e => a[s + 1..e].trim().to_string(),
            _ => a,
        })
    });
    let published = child_text(item, None, "pubDate")
        .or_else(|| child_text(item, Some(DC), "date"))
        .and_then(|d| iso_date(&d));
    let url = child_text(item, None, "link").or_else(|| {
        child(item, None, "guid")
            .filter(|g| g.attribute("isPermaLink") != Some("false"))
            .map(all_text)
    });
    let body = child_text(item, Some(CONTENT), "encoded")
        .or_else(|| child_text(item, None, "description"))
        .unwrap_or_default();
    (
        Head {
            title,
            author,
            published,
            url,
            ..Head::default()
        },
        body,
    )
}

fn read_entry(entry: Node, source: &str) -> (Head, String) {
    let title = child_text(entry, None, "title");
    let author = child(entry, None, "author").and_then(|a| child_text(a, None, "name"));
    let published = child_text(entry, None, "published")
        .or_else(|| child_text(entry, None, "updated"))
        .and_then(|d| iso_date(&d));
    let url = entry
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "link")
        .find(|l| matches!(l.attribute("rel"), None | Some("alternate")))
        .and_then(|l| l.attribute("href"))
        .map(str::to_string);
    let body = child(entry, None, "content")
        .or_else(|| child(entry, None, "summary"))
        .map(|c| atom_html(c, source))
        .unwrap_or_default();
    (
        Head {
            title,
            author,
            published,
            url,
            ..Head::default()
        },
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // A feed of this project's own making (not a real outlet's).
    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Kim Jong Un arrives in Vladivostok</title><link>https://wire.example/a1</link>
<pubDate>Tue, 12 Sep 2023 21:30:00 +0900</pubDate><dc:creator>Jane Roe</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>North Korean leader Kim Jong Un arrived in <b>Vladivostok</b>.</p>]]></content:encoded></item>
<item><title>Second &amp; last</title><guid>https://wire.example/a2</guid>
<author>desk@wire.example (Desk Editor)</author>
<description>&lt;p&gt;Escaped HTML summary about Moscow.&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles_with_their_own_metadata() {
        assert!(looks_like_feed(RSS));
        let o = open("wire.xml", RSS).unwrap();
        assert_eq!(o.parts.len(), 2);
        assert_eq!(o.parts[0].name, "wire #1.html");
        let p = &o.parts[0].page;
        assert!(
            p.contains("<title>Kim Jong Un arrives in Vladivostok</title>"),
            "{p}"
        );
        assert!(p.contains("content=\"2023-09-12T21:30:00+09:00\""), "{p}");
        assert!(p.contains("content=\"Jane Roe\""));
        assert!(p.contains("content=\"Example Wire\""));
        assert!(
            p.contains("<b>Vladivostok</b>"),
            "full content wins over the teaser"
        );
        assert!(!p.contains("Short teaser"));
        let q = &o.parts[1].page;
        assert!(q.contains("<title>Second &amp; last</title>"));
        assert!(q.contains("content=\"Desk Editor\""));
        assert!(q.contains("content=\"https://wire.example/a2\""));
        assert!(q.contains("<p>Escaped HTML summary about Moscow.</p>"));
    }

    #[test]
    fn atom_entries_are_read_with_html_and_xhtml_content() {
        let atom = r#"<?xml version="1.0"?>
<!-- a comment first -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Log</title><author><name>Log Keeper</name></author>
<entry><title>One</title><link rel="alternate" href="https://log.example/1"/>
<published>2024-06-19T10:00:00Z</published><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;Putin in Pyongyang.&lt;/p&gt;</content></entry>
<entry><title type="text">Two</title><updated>2024-06-20T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <em>markup</em>.</p></div></content></entry>
</feed>"#;
        assert!(looks_like_feed(atom));
        let o = open("log.atom", atom).unwrap();
        assert_eq!(o.parts.len(), 2);
        assert!(o.parts[0].page.contains("<p>Putin in Pyongyang.</p>"));
        assert!(o.parts[0].page.contains("content=\"Ann Lee\""));
        assert!(o.parts[0]
            .page
            .contains("content=\"https://log.example/1\""));
        assert!(o.parts[1].page.contains("<em>markup</em>"));
        assert!(
            o.parts[1].page.contains("content=\"Log Keeper\""),
            "the feed's author"
        );
        assert!(o.parts[1].page.contains("content=\"2024-06-20T00:00:00Z\""));
    }

    #[test]
    fn rss_1_items_sit_beside_the_channel() {
        let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old Style</title></channel>
<item><title>A</title><link>https://o.example/a</link><dc:date>2024-01-02</dc:date><description>Text A.</description></item>
</rdf:RDF>"#;
        assert!(looks_like_feed(rdf));
        let o = open("old.rdf", rdf).unwrap();
        assert_eq!(o.parts.len(), 1);
        assert!(o.parts[0].page.contains("content=\"2024-01-02\""));
        assert!(o.parts[0].page.contains("content=\"Old Style\""));
    }

    #[test]
    fn pages_and_broken_feeds_are_told_apart() {
        assert!(!looks_like_feed("<!doctype html><html><title>x</title>"));
        assert!(!looks_like_feed("<feedback>no</feedback>"));
        assert!(!looks_like_feed("plain text about rss"));
        let err = open("bad.xml", "<rss><channel><item>").unwrap_err();
        assert!(err.to_string().contains("feed cannot be read"), "{err}");
        let err = open(
            "empty.xml",
            "<rss><channel><title>t</title></channel></rss>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("no items"), "{err}");
    }

    #[test]
    fn a_huge_feed_is_capped_with_a_note() {
        let mut f = String::from("<rss><channel><title>Big</title>");
        for i in 0..(MAX_FEED_ITEMS + 5) {
            f.push_str(&format!(
                "<item><title>Item {i}</title><description>x</description></item>"
            ));
        }
        f.push_str("</channel></rss>");
        let o = open("big.xml", &f).unwrap();
        assert_eq!(o.parts.len(), MAX_FEED_ITEMS);
        assert_eq!(o.notes.len(), 1);
        assert!(o.notes[0].contains("other 5 were not"), "{}", o.notes[0]);
    }
}
