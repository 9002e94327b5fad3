//! Markdown clippings (what web clippers such as Obsidian Web Clipper and MarkDownload, and
//! crawlers, write): front matter (YAML between `---` lines, TOML between `+++`) gives the
//! title, author, date and source and never reaches the text; the Markdown itself is read
//! with pulldown-cmark into a text view where links and images read as their text, headings,
//! paragraphs, list items and quotes are lines, and each byte maps back to the raw file, so an
//! entity's offsets still point into it.
use dossier_model::{PageMeta, TextView};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Whether an input is Markdown: by its name, or by front matter at its start.
pub fn looks_like_markdown(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md")
        || lower.ends_with(".markdown")
        || front_matter(text).is_some_and(|(_, body, _)| body.contains(':') || body.contains('='))
}

/// The front matter at the start of a text: (its byte range, its body, whether it is TOML).
fn front_matter(text: &str) -> Option<((usize, usize), &str, bool)> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lead = text.len() - t.len();
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(rest) = t.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
        else {
            continue;
        };
        let body_start = lead + t.len() - rest.len();
        // the closing fence on a line of its own
        let mut at = 0;
        for line in rest.split_inclusive('\n') {
            if line.trim_end() == fence {
                let end = body_start + at + line.len();
                return Some(((lead, end), &text[body_start..body_start + at], toml));
            }
            at += line.len();
        }
        return None;
    }
    None
}

/// A string out of a YAML value: a scalar, or the names of a list joined with "and".
fn yaml_text(v: &yaml_rust2::Yaml) -> Option<String> {
    use yaml_rust2::Yaml;
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_string()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(yaml_text).collect();
            (!names.is_empty()).then(|| names.join(" and "))
        }
        _ => None,
    }
    .map(|s| s.trim_matches(|c| c == '[' || c == ']').trim().to_string())
    .filter(|s| !s.is_empty())
}

fn toml_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.trim().to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(toml_text).collect();
            (!names.is_empty()).then(|| names.join(" and "))
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// What front matter declares, by key (case aside): the first key of each list that is set.
fn read_front_matter(body: &str, toml: bool, meta: &mut PageMeta) {
    let mut fields: Vec<(String, String)> = Vec::new();
    if toml {
        if let Ok(table) = body.parse::<toml::Table>() {
            for (k, v) in &table {
                if let Some(s) = toml_text(v) {
                    fields.push((k.to_lowercase(), s));
                }
            }
        }
    } else if let Ok(docs) = yaml_rust2::YamlLoader::load_from_str(body) {
        if let Some(yaml_rust2::Yaml::Hash(h)) = docs.first() {
            for (k, v) in h {
                if let (Some(k), Some(s)) = (k.as_str(), yaml_text(v)) {
                    fields.push((k.to_lowercase(), s));
                }
            }
        }
    }
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v.clone()))
    };
    meta.title = get(&["title", "headline"]);
    meta.author = get(&["author", "authors", "creator", "byline", "by"])
        // a wiki link in a clipper's author list: "[[Anna Lee]]"
        .map(|a| a.replace("[[", "").replace("]]", ""));
    meta.published = get(&["published", "date", "datepublished", "pubdate", "created"]);
    meta.site = get(&[
        "site",
        "site_name",
        "sitename",
        "publisher",
        "source",
        "url",
        "link",
    ])
    .map(|s| site_of(&s));
}

/// A site's name from a URL (`https://www.example.com/a` → `example.com`), or the text itself.
fn site_of(s: &str) -> String {
    match s.split_once("://") {
        Some((_, rest)) => rest
            .split('/')
            .next()
            .unwrap_or(rest)
            .trim_start_matches("www.")
            .to_string(),
        None => s.to_string(),
    }
}

/// The text view being built: text, and for each byte the raw range it came from.
struct View {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl View {
    /// Appends text read from raw bytes `start..end`: byte for byte where it is the raw text
    /// itself, else every byte maps to the whole range (an entity, an escape).
    fn push(&mut self, s: &str, raw: &str, start: usize, end: usize) {
        let exact = raw.get(start..end) == Some(s);
        for (i, _) in s.bytes().enumerate() {
            if exact {
                self.starts.push((start + i) as u32);
                self.ends.push((start + i + 1) as u32);
            } else {
                self.starts.push(start as u32);
                self.ends.push(end as u32);
            }
        }
        self.text.push_str(s);
    }

    /// A line break (one; blank lines are not kept), mapped to where it stands.
    fn newline(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
            self.starts.push(at as u32);
            self.ends.push(at as u32);
        }
    }

    fn space(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
            self.starts.push(at as u32);
            self.ends.push(at as u32);
        }
    }
}

/// Reads a Markdown text into a text view (what the front matter declares in its `meta`).
pub fn to_text(raw: &str) -> TextView {
    let mut meta = PageMeta {
        from_html: false,
        ..PageMeta::default()
    };
    let skip_to = match front_matter(raw) {
        Some(((_, end), body, toml)) => {
            read_front_matter(body, toml, &mut meta);
            end
        }
        None => 0,
    };
    let mut v = View {
        text: String::with_capacity(raw.len()),
        starts: Vec::with_capacity(raw.len()),
        ends: Vec::with_capacity(raw.len()),
    };
    let body = &raw[skip_to..];
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut h1: Option<usize> = None;
    let mut in_h1 = false;
    for (event, range) in parser.into_offset_iter() {
        let (s, e) = (skip_to + range.start, skip_to + range.end);
        match event {
            Event::Text(t) | Event::Code(t) => v.push(&t, raw, s, e),
            Event::SoftBreak => v.space(s),
            Event::HardBreak | Event::Rule => v.newline(s),
            Event::Start(Tag::Heading { level, .. }) => {
                v.newline(s);
                if level == pulldown_cmark::HeadingLevel::H1 && meta.h1.is_none() {
                    in_h1 = true;
                    h1 = Some(v.text.len());
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_h1 {
                    in_h1 = false;
                    if let Some(start) = h1.take() {
                        meta.h1 = (v.text.len() > start).then_some((start, v.text.len()));
                    }
                }
                v.newline(e);
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::CodeBlock(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            )
            | Event::Start(Tag::TableRow | Tag::TableHead)
            | Event::End(TagEnd::TableRow | TagEnd::TableHead) => v.newline(s),
            Event::Start(Tag::TableCell) => v.space(s),
            // raw HTML in Markdown, footnote labels, metadata: not text
            _ => {}
        }
    }
    TextView {
        text: v.text,
        meta,
        starts: v.starts,
        ends: v.ends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clipping as Obsidian Web Clipper writes one (a fixture of our own making).
    const CLIPPING: &str = "---\ntitle: \"Kim Jong Un visits the Vostochny Cosmodrome\"\nsource: \"https://www.example.com/world/kim-vostochny\"\nauthor:\n  - \"[[Anna Lee]]\"\npublished: 2023-09-13\ncreated: 2023-09-14\ntags:\n  - \"clippings\"\n---\n# Kim Jong Un visits the Vostochny Cosmodrome\n\nNorth Korean leader **Kim Jong Un** met [Vladimir Putin](https://example.com/putin) at the\nVostochny Cosmodrome in the Amur region.\n\n![Kim and Putin at the launch site](https://example.com/a.jpg)\n\n- Talks lasted &amp; ran long\n- Sergei Shoigu attended\n";

    #[test]
    fn front_matter_is_metadata_and_never_text() {
        let v = to_text(CLIPPING);
        assert_eq!(
            v.meta.title.as_deref(),
            Some("Kim Jong Un visits the Vostochny Cosmodrome")
        );
        assert_eq!(v.meta.author.as_deref(), Some("Anna Lee"));
        assert_eq!(v.meta.published.as_deref(), Some("2023-09-13"));
        assert_eq!(v.meta.site.as_deref(), Some("example.com"));
        for gone in ["---", "source:", "created", "tags", "clippings", "https://"] {
            assert!(!v.text.contains(gone), "{gone} in {:?}", v.text);
        }
        assert!(looks_like_markdown("clip.txt", CLIPPING));
        assert!(!looks_like_markdown(
            "note.txt",
            "Just a note -- with dashes."
        ));
    }

    #[test]
    fn links_and_images_read_as_their_text_and_offsets_point_into_the_file() {
        let v = to_text(CLIPPING);
        assert!(
            v.text
                .contains("met Vladimir Putin at the Vostochny Cosmodrome"),
            "{:?}",
            v.text
        );
        assert!(v.text.contains("Kim and Putin at the launch site"));
        assert!(v.text.contains("Talks lasted & ran long"));
        // every name maps back to the raw file
        for name in ["Vladimir Putin", "Kim Jong Un", "Sergei Shoigu", "Amur"] {
            let at = v.text.rfind(name).unwrap();
            let (s, e) = v.to_raw(at, at + name.len());
            assert_eq!(&CLIPPING[s..e], name);
        }
        // the heading is the h1, and lines stay lines
        let (hs, he) = v.meta.h1.unwrap();
        assert_eq!(
            &v.text[hs..he],
            "Kim Jong Un visits the Vostochny Cosmodrome"
        );
        assert!(v.text.contains("\nSergei Shoigu attended"));
    }

    #[test]
    fn toml_front_matter_and_bad_front_matter() {
        let v = to_text("+++\ntitle = \"Troops reach Kursk\"\nauthors = [\"Olena Hrytsenko\", \"Daniel Weber\"]\ndate = 2024-08-12\n+++\nTroops crossed into the Kursk region.\n");
        assert_eq!(v.meta.title.as_deref(), Some("Troops reach Kursk"));
        assert_eq!(
            v.meta.author.as_deref(),
            Some("Olena Hrytsenko and Daniel Weber")
        );
        assert_eq!(v.meta.published.as_deref(), Some("2024-08-12"));
        assert_eq!(v.text.trim(), "Troops crossed into the Kursk region.");
        // front matter that is not YAML is skipped, not shown; an unclosed fence is text
        let v = to_text("---\n: : [unbalanced\n---\nBody text here.\n");
        assert_eq!(
            (v.meta.title.as_deref(), v.text.trim()),
            (None, "Body text here.")
        );
        assert!(to_text("---\nno closing fence\nBody.")
            .text
            .contains("no closing fence"));
    }
}
