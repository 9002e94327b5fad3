//! What reading one document yields: the article (title, date, authors, outlet, body) with
//! every line classed as article or page furniture and why, and for HTML input the text view
//! with its byte map back to the raw page.
use serde::{Deserialize, Serialize};

/// Why a line is not part of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Furniture {
    /// A crawler or site header line carrying title, date and byline.
    Header,
    Weather,
    /// A lone place name of a location widget.
    Location,
    /// A date showing when the page was viewed, or the article's date and time on a line of
    /// their own.
    DateHeader,
    Advertisement,
    /// Sign-up, subscription and fan-club promotions, and cookie or consent prompts.
    Promotion,
    /// Teasers and headlines of other articles ("Related: ...", "Read more: ...").
    Teaser,
    /// The byline, or a line with only the author's e-mail.
    Byline,
    /// The site's name, section bar or breadcrumb trail, or a title glued to a category label.
    Breadcrumb,
    /// "Check out our other content", tag lists, share bars and page controls, image credits
    /// standing alone, copyright and "(END)".
    Footer,
    /// The caption of a picture (`<figcaption>`): who is shown and who took it, not the
    /// article's running text.
    Caption,
    /// Text outside what the page marks as the article's body (`articleBody`, `entry-content`,
    /// `<article>`): the site's other stories, widgets and notices around it.
    Outside,
}

impl Furniture {
    pub fn label(self) -> &'static str {
        match self {
            Furniture::Header => "page header",
            Furniture::Weather => "weather widget",
            Furniture::Location => "location widget",
            Furniture::DateHeader => "date line",
            Furniture::Advertisement => "advertisement",
            Furniture::Promotion => "promotion",
            Furniture::Teaser => "other articles",
            Furniture::Byline => "byline",
            Furniture::Breadcrumb => "site navigation",
            Furniture::Footer => "footer",
            Furniture::Caption => "image caption",
            Furniture::Outside => "outside the article",
        }
    }
}

/// A non-empty line of the text and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Words on the line, counted up to 41.
    pub words: usize,
    pub furniture: Option<Furniture>,
    pub is_title: bool,
}

/// What a page declared about itself (HTML `<meta>` tags and its first `<h1>`), for HTML input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The first `<h1>`'s byte range in the text view.
    pub h1: Option<(usize, usize)>,
    /// `article:published_time` and the like (an ISO date or date-time).
    pub published: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    /// Byte ranges of the text view that came from navigation, headers, asides, forms and
    /// footers, and what they are.
    pub furniture: Vec<(usize, usize, Furniture)>,
    /// Byte ranges of the text view that are link text (`<a>`), in order.
    #[serde(default)]
    pub links: Vec<(usize, usize)>,
    /// The text was read out of an HTML page (where what follows the article is the site's).
    #[serde(default)]
    pub from_html: bool,
    /// The title is only the page's `<title>` (with the site name cut), not one its metadata
    /// declares: the visible headline, when it agrees, is the better wording.
    #[serde(default)]
    pub title_from_tag: bool,
    /// Byte ranges of the text view that the page marks as the article's body (schema.org
    /// `articleBody`, a CMS's `entry-content` or `article-body`, else its largest `<article>`).
    #[serde(default)]
    pub main: Vec<(usize, usize)>,
}

/// The article read out of a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    /// The article's own publication date (ISO), not a page header's.
    pub published: Option<String>,
    /// The authors joined with "and" (as the byline gives them).
    pub author: Option<String>,
    /// Each author's name.
    pub authors: Vec<String>,
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

/// Text read out of an HTML page, with a map from view bytes to raw byte ranges, and what the
/// page declared about itself (`<title>`, `<meta>` tags, JSON-LD `datePublished`, its first
/// `<h1>`), which the cleaner prefers to guessing.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TextView {
    pub text: String,
    pub meta: PageMeta,
    /// For each byte of `text`: the raw range it came from.
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
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

/// Raw input of a processed HTML document, to map mention offsets back to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HtmlSource {
    pub raw: String,
    pub view: TextView,
}
