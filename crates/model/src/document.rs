//! The document model: an input as given, its type of entity, its mentions, and the document
//! extraction makes of it. Plain data, shared by the extractor, the corpus and the web app.
use crate::{Article, HtmlSource};
use serde::{Deserialize, Serialize};

/// A mention's type, following the annotation guidelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Weapon,
    Event,
    Date,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Weapon,
        EntityType::Event,
        EntityType::Date,
    ];

    /// The guidelines' name of the type (`PERSON`, `ORG`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Weapon => "WEAPON",
            EntityType::Event => "EVENT",
            EntityType::Date => "DATE",
        }
    }

    /// The type's name in running text ("weapon system").
    pub fn singular(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "organisation",
            EntityType::Place => "place",
            EntityType::Weapon => "weapon system",
            EntityType::Event => "event",
            EntityType::Date => "date",
        }
    }

    /// The type's plural in running text ("weapon systems").
    pub fn plural(self) -> &'static str {
        match self {
            EntityType::Person => "people",
            EntityType::Org => "organisations",
            EntityType::Place => "places",
            EntityType::Weapon => "weapon systems",
            EntityType::Event => "events",
            EntityType::Date => "dates",
        }
    }

    /// Parses a guidelines type name.
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One input document: a name (file name) and its raw bytes.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    pub meta: InputMeta,
}

/// What the person who added an article said of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputMeta {
    /// A title to show instead of the one read from the text.
    pub title: Option<String>,
    /// The source (outlet) to file it under instead of the one read from the text.
    pub source: Option<String>,
    /// Added by the reader (not bundled).
    pub user: bool,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Input {
        Input {
            name: name.into(),
            bytes,
            meta: InputMeta::default(),
        }
    }

    /// The same input with what its owner said of it.
    pub fn with_meta(mut self, meta: InputMeta) -> Input {
        self.meta = meta;
        self
    }
}

/// A typed mention of an entity in one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub kind: EntityType,
    /// Byte offsets into `Document::text`, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Index into `Corpus::entities` (0 until `link` assigns it).
    pub entity: usize,
    /// Normalised value (ISO 8601 for DATE), where one could be resolved.
    pub value: Option<String>,
}

/// One processed document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    /// The input's name (file name).
    pub name: String,
    /// The decoded text; mention offsets point into it. Equals the raw bytes for UTF-8 input.
    pub text: String,
    /// The encoding the input was decoded from.
    pub encoding: String,
    /// Whether the input was an HTML page (the article was read from its text).
    pub is_html: bool,
    /// For HTML input: the page and the map from `text` back to it.
    pub html: Option<HtmlSource>,
    pub article: Article,
    pub mentions: Vec<Mention>,
    pub meta: InputMeta,
}

impl Document {
    /// The source to file the article under: the one its owner gave, else its outlet.
    pub fn source(&self) -> Option<&str> {
        self.meta
            .source
            .as_deref()
            .or(self.article.outlet.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The title to show: the one its owner gave, else the article's own, else the first words
    /// of its body, else its name.
    pub fn display_title(&self) -> String {
        if let Some(t) = self
            .meta
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            return t.to_string();
        }
        if let Some(t) = &self.article.title {
            return t.clone();
        }
        if let Some(p) = self.article.body_paragraphs().next() {
            let mut words: Vec<&str> = p.split_whitespace().take(12).collect();
            let more = p.split_whitespace().count() > words.len();
            if let Some(last) = words.last_mut() {
                *last = last.trim_end_matches(|c: char| c.is_ascii_punctuation());
            }
            let mut s = words.join(" ");
            if more {
                s.push('…');
            }
            return s;
        }
        self.name.clone()
    }

    /// The text of a mention.
    pub fn mention_text(&self, m: &Mention) -> &str {
        &self.text[m.start..m.end]
    }
}

/// An input that could not be processed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub name: String,
    pub error: crate::InputError,
}
