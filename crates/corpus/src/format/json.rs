//! The annotation JSON format of the guidelines (`doc`, `title`, `published`, `author`,
//! `body`, `mentions` with `type`, `start`, `end`, `text`, `entity`, `value`), written for
//! a corpus; offsets are UTF-8 byte offsets into the original input.
use crate::{Corpus, Document};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
pub struct JsonMention<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub entity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a str>,
}

#[derive(Serialize)]
pub struct JsonDoc<'a> {
    pub doc: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
    pub author: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub encoding: &'a str,
    pub body: &'a str,
    pub mentions: Vec<JsonMention<'a>>,
}

/// Entity names that are unique in the corpus (a second "Kim" becomes "Kim #12"), so a reader
/// of the JSON can group mentions by the `entity` string alone.
pub fn unique_names(corpus: &Corpus) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    corpus
        .entities
        .iter()
        .map(|e| {
            let n = seen.entry(e.name.as_str()).or_default();
            *n += 1;
            if *n == 1 {
                e.name.clone()
            } else {
                format!("{} #{}", e.name, e.id)
            }
        })
        .collect()
}

/// One document in the guidelines' format; `names` from `unique_names`.
pub fn doc_json<'a>(doc: &'a Document, names: &'a [String]) -> JsonDoc<'a> {
    let raw: &str = doc
        .html
        .as_ref()
        .map_or(doc.text.as_str(), |h| h.raw.as_str());
    let mentions = doc
        .mentions
        .iter()
        .map(|m| {
            let (start, end) = match &doc.html {
                Some(h) => h.view.to_raw(m.start, m.end),
                None => (m.start, m.end),
            };
            JsonMention {
                kind: m.kind.as_str(),
                start,
                end,
                text: &raw[start..end],
                entity: &names[m.entity],
                value: m.value.as_deref(),
            }
        })
        .collect();
    JsonDoc {
        doc: &doc.name,
        title: doc.article.title.as_deref(),
        published: doc.article.published.as_deref(),
        author: doc.article.author.as_deref(),
        outlet: doc.article.outlet.as_deref(),
        encoding: &doc.encoding,
        body: &doc.article.body,
        mentions,
    }
}

/// The whole corpus as a JSON array string.
pub fn corpus_json(corpus: &Corpus) -> String {
    let names = unique_names(corpus);
    let docs: Vec<JsonDoc> = corpus.docs.iter().map(|d| doc_json(d, &names)).collect();
    serde_json::to_string_pretty(&docs).expect("serialisable")
}
