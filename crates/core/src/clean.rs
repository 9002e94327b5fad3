//! Separates the article from the page furniture around it (weather and location widgets, site
//! date headers, advertisements, promotions, teasers of other articles, bylines, crawler headers,
//! footers) and reads the article's title, published date, author and outlet.
use crate::{dates, gazetteer};

/// Why a line is not part of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// A crawler or site header line carrying title, date and byline.
    Header,
    Weather,
    /// A lone place name of a location widget.
    Location,
    /// A date showing when the page was viewed, not when the article was published.
    DateHeader,
    Advertisement,
    /// Sign-up, subscription and fan-club promotions.
    Promotion,
    /// Teasers and headlines of other articles.
    Teaser,
    /// The byline with the author's e-mail.
    Byline,
    /// A category label glued to a repeat of the title.
    Breadcrumb,
    /// "Check out our other content", tag lists, "Most popular".
    Footer,
}

impl Furniture {
    pub fn label(self) -> &'static str {
        match self {
            Furniture::Header => "page header",
            Furniture::Weather => "weather widget",
            Furniture::Location => "location widget",
            Furniture::DateHeader => "site date header",
            Furniture::Advertisement => "advertisement",
            Furniture::Promotion => "promotion",
            Furniture::Teaser => "teaser of another article",
            Furniture::Byline => "byline",
            Furniture::Breadcrumb => "breadcrumb",
            Furniture::Footer => "footer",
        }
    }
}

/// A non-empty line of the text and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Words on the line, counted up to 41.
    pub words: usize,
    pub furniture: Option<Furniture>,
    pub is_title: bool,
}

/// The article read out of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    /// The article's own publication date (ISO), not a page header's.
    pub published: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// A date a site header showed (when the page was viewed).
    pub page_date: Option<String>,
    /// Every non-empty line with its class.
    pub lines: Vec<Line>,
    /// The cleaned article text: kept lines (title excluded), one paragraph a line.
    pub body: String,
}

impl Article {
    /// The body's paragraphs.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split('\n').filter(|p| !p.trim().is_empty())
    }

    /// Whether byte `pos` of the text lies in page furniture.
    pub fn in_furniture(&self, pos: usize) -> bool {
        // lines are in text order and do not overlap
        let i = self.lines.partition_point(|l| l.start <= pos);
        i > 0 && {
            let l = &self.lines[i - 1];
            l.furniture.is_some() && pos < l.end
        }
    }
}

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
        t.to_ascii_lowercase().as_str(),
        "advertisement" | "ad" | "sponsored" | "sponsored content" | "promoted"
    )
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
    if words > 8 {
        return false;
    }
    let l = s.trim().to_lowercase();
    [
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
        "all rights reserved",
        "copyright",
        "©",
        "trending now",
        "you may also like",
        "leave a comment",
    ]
    .iter()
    .any(|k| l.starts_with(k) || (k.len() > 12 && l.contains(k)))
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

/// Reads "by NAME" from a byline; returns the name.
fn byline_name(s: &str) -> Option<&str> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let rest = if lower.starts_with("by ") {
        &t[3..]
    } else if let Some(p) = lower.find(" by ") {
        &t[p + 4..]
    } else {
        return None;
    };
    let end = rest
        .find(|c: char| {
            c == '[' || c == '(' || c == ',' || c == '|' || c == '<' || c.is_ascii_digit()
        })
        .unwrap_or(rest.len());
    let mut name = rest[..end].trim();
    if let Some((s, _)) = email_in(name) {
        name = name[..s].trim();
    }
    let name = name.trim_end_matches(['.', ' ']);
    let n = name.split_whitespace().count();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    ((1..=4).contains(&n) && capitalised).then_some(name)
}

/// Title-cases an all-caps name (YOUNGNAM KIM -> Youngnam Kim).
fn tidy_name(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut out = String::new();
            let mut up = true;
            for c in w.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                up = c == '-' || c == '\'';
            }
            out
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
        author = byline_name(&rest[p..]).map(tidy_name);
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

/// Reads the article out of a document's text.
pub fn clean(text: &str) -> Article {
    let mut lines: Vec<Line> = crate::text::lines(text)
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

    // 1. lines that are furniture wherever they stand
    for l in lines.iter_mut() {
        let s = text[l.start..l.end].trim();
        l.furniture = if is_weather(s) {
            Some(Furniture::Weather)
        } else if is_advertisement(s) {
            Some(Furniture::Advertisement)
        } else if is_promotion(s, l.words) {
            Some(Furniture::Promotion)
        } else if is_footer(s, l.words) {
            Some(Furniture::Footer)
        } else {
            None
        };
        if l.furniture.is_none() {
            if let Some((title, published, author, outlet)) = parse_header(s) {
                l.furniture = Some(Furniture::Header);
                a.title = a.title.take().or(title);
                a.published = a.published.take().or(published);
                a.author = a.author.take().or(author);
                a.outlet = a.outlet.take().or(outlet);
            }
        }
        if l.furniture.is_none() && l.words <= 12 {
            if let Some(name) = byline_name(s) {
                if email_in(s).is_some() || s.len() < 60 {
                    l.furniture = Some(Furniture::Byline);
                    a.author = a.author.take().or(Some(tidy_name(name)));
                    if let Some((es, ee)) = email_in(s) {
                        let email = &s[es..ee];
                        a.outlet = a
                            .outlet
                            .take()
                            .or(email.split_once('@').and_then(|(_, d)| outlet_of_domain(d)));
                    }
                }
            }
        }
    }

    // 2. the head of the page: date headers and location widgets before the first paragraph
    let first_para = lines
        .iter()
        .position(|l| l.furniture.is_none() && l.words >= 15 && !is_headline(line_text(l), l.words))
        .unwrap_or(lines.len());
    for i in 0..first_para {
        if lines[i].furniture.is_some() {
            continue;
        }
        let s = line_text(&lines[i]);
        if let Some(d) = dates::line_date(s) {
            lines[i].furniture = Some(Furniture::DateHeader);
            a.page_date.get_or_insert(d.to_string());
        } else if is_place_only(s, lines[i].words) {
            let near_widget = lines[i.saturating_sub(1)..(i + 2).min(lines.len())]
                .iter()
                .any(|n| {
                    matches!(n.furniture, Some(Furniture::Weather))
                        || dates::line_date(line_text(n)).is_some()
                });
            if near_widget {
                lines[i].furniture = Some(Furniture::Location);
            }
        }
    }

    // 3. the title: a headline repeated by the next line (a breadcrumb glued to it), else the
    // first headline before the first paragraph
    if a.title.is_none() {
        let mut title_idx = None;
        for i in 0..first_para.min(lines.len()) {
            if lines[i].furniture.is_some() || !is_headline(line_text(&lines[i]), lines[i].words) {
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
        if title_idx.is_none() {
            title_idx = (0..first_para.min(lines.len())).find(|&i| {
                lines[i].furniture.is_none()
                    && is_headline(line_text(&lines[i]), lines[i].words)
                    && !is_teaser(line_text(&lines[i]), lines[i].words)
            });
        }
        if let Some(t) = title_idx {
            lines[t].is_title = true;
            a.title = Some(line_text(&lines[t]).to_string());
            // everything above the title is page furniture
            for l in lines[..t].iter_mut() {
                if l.furniture.is_none() {
                    let s = &text[l.start..l.end];
                    l.furniture = Some(if is_teaser(s, l.words) || is_headline(s, l.words) {
                        Furniture::Teaser
                    } else {
                        Furniture::Promotion
                    });
                }
            }
        }
    }

    // 4. teasers of other articles in the body: truncated lines
    for l in lines.iter_mut() {
        if l.furniture.is_none() && !l.is_title && is_teaser(&text[l.start..l.end], l.words) {
            l.furniture = Some(Furniture::Teaser);
        }
    }

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

    #[test]
    fn widgets_header_and_title() {
        let text = "71.9 F\nLos Angeles\nFriday, September 20, 2024\n\nTop missile developer spotted in Russia\n\n- Advertisement -\n\nKim Jong-sik was seen at the opening of a weapons exhibition organised by the Russian Ministry of Defense, reports said.\n\nBY JANE DOE [jane.doe@example.com]\n";
        let a = clean(text);
        assert_eq!(
            a.title.as_deref(),
            Some("Top missile developer spotted in Russia")
        );
        assert_eq!(a.page_date.as_deref(), Some("2024-09-20"));
        assert_eq!(a.published, None);
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
}
