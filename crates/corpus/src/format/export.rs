//! What a reader takes out of Dossier for a set of articles (the current filter's): the
//! guidelines' JSON; a table of the entities they name as CSV (entity, type, aliases, mentions,
//! articles); and the annotations as JSON Lines with character offsets, the form doccano imports
//! and spaCy converts (`{"text": ..., "label": [[start, end, "PERSON"], ...]}`).
use crate::corrections::Log;
use crate::format::json::{doc_json, unique_names};
use crate::Corpus;
use serde::Serialize;

/// The articles `docs` (indexes into `corpus.docs`) in the guidelines' JSON format: an array,
/// or, when the analyst has corrected the corpus, `{"documents": [...], "corrections": log}`
/// (which `score.py` reads too), so corrected data carries how it was corrected.
pub fn guidelines_json(corpus: &Corpus, docs: &[u32], corrections: Option<&Log>) -> String {
    let names = unique_names(corpus);
    let out: Vec<_> = docs
        .iter()
        .filter_map(|&d| corpus.docs.get(d as usize))
        .map(|doc| doc_json(doc, &names))
        .collect();
    let json = match corrections.filter(|l| !l.active().is_empty()) {
        Some(log) => {
            #[derive(Serialize)]
            struct WithLog<'a, T: Serialize> {
                documents: T,
                corrections: &'a [crate::corrections::Entry],
            }
            serde_json::to_string_pretty(&WithLog {
                documents: out,
                corrections: log.active(),
            })
        }
        None => serde_json::to_string_pretty(&out),
    };
    json.unwrap_or_else(|_| "[]".into())
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). Written here
/// rather than with the `csv` crate: one function, and the bundle has little room.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The entities the articles `docs` name, most named first, as CSV with a header:
/// `entity,type,aliases,mentions,articles` (counts within those articles; aliases joined by
/// "; ").
pub fn entities_csv(corpus: &Corpus, docs: &[u32]) -> String {
    let names = unique_names(corpus);
    let mut mentions = vec![0usize; corpus.entities.len()];
    let mut articles = vec![0usize; corpus.entities.len()];
    for &d in docs {
        let Some(doc) = corpus.docs.get(d as usize) else {
            continue;
        };
        let mut seen: Vec<usize> = Vec::new();
        for m in &doc.mentions {
            mentions[m.entity] += 1;
            seen.push(m.entity);
        }
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            articles[e] += 1;
        }
    }
    let mut ids: Vec<usize> = (0..corpus.entities.len())
        .filter(|&e| mentions[e] > 0)
        .collect();
    ids.sort_by(|&a, &b| {
        articles[b]
            .cmp(&articles[a])
            .then(mentions[b].cmp(&mentions[a]))
            .then(names[a].cmp(&names[b]))
    });
    let mut out = String::from("entity,type,aliases,mentions,articles\n");
    for e in ids {
        let ent = &corpus.entities[e];
        let aliases = ent
            .aliases
            .iter()
            .filter(|a| **a != ent.name)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            csv_field(&names[e]),
            ent.kind.as_str(),
            csv_field(&aliases),
            mentions[e],
            articles[e]
        ));
    }
    out
}

#[derive(Serialize)]
struct Annotated<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    doc: &'a str,
    title: String,
}

/// The annotations of the articles `docs` as JSON Lines, one article a line: its text (the
/// text view for an HTML page) and its mentions as `[start, end, TYPE]` in characters (Unicode
/// scalar values, as Python counts them), end exclusive.
pub fn annotations_jsonl(corpus: &Corpus, docs: &[u32]) -> String {
    let mut out = String::new();
    for &d in docs {
        let Some(doc) = corpus.docs.get(d as usize) else {
            continue;
        };
        // byte offset -> character offset, for the offsets mentions use
        let mut char_at = vec![0usize; doc.text.len() + 1];
        let mut chars = 0;
        for (b, c) in doc.text.char_indices() {
            for slot in &mut char_at[b..b + c.len_utf8()] {
                *slot = chars;
            }
            chars += 1;
        }
        char_at[doc.text.len()] = chars;
        let label = doc
            .mentions
            .iter()
            .map(|m| (char_at[m.start], char_at[m.end], m.kind.as_str()))
            .collect();
        let line = Annotated {
            text: &doc.text,
            label,
            doc: &doc.name,
            title: doc.display_title(),
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    fn corpus() -> Corpus {
        let docs = [
            ("a.txt", "Kim meets Putin\n\nKim Jong Un met Vladimir Putin in Pyongyang, the “Korean” capital, on June 19, 2024."),
            ("b.txt", "Séoul reacts\n\nOfficials in Seoul said Kim Jong-un and “the North” worry them, citing the \"Korean\", War plan."),
        ];
        Corpus::build(
            docs.iter()
                .map(|(n, t)| Input::new(*n, t.as_bytes().to_vec()))
                .collect(),
        )
        .0
    }

    #[test]
    fn csv_counts_within_the_chosen_articles_and_quotes_fields() {
        let c = corpus();
        let csv = entities_csv(&c, &[0, 1]);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("entity,type,aliases,mentions,articles"));
        let kim = csv
            .lines()
            .find(|l| l.starts_with("Kim Jong Un,"))
            .expect("Kim row");
        assert!(kim.starts_with("Kim Jong Un,PERSON,"), "{kim}");
        assert!(kim.ends_with(",2"), "named in both articles: {kim}");
        let only_b = entities_csv(&c, &[1]);
        assert!(!only_b.contains("Vladimir Putin"), "{only_b}");
        assert_eq!(csv_field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn jsonl_offsets_are_characters() {
        let c = corpus();
        let out = annotations_jsonl(&c, &[1]);
        assert_eq!(out.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        for l in v["label"].as_array().unwrap() {
            let (s, e) = (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            );
            let span: String = text[s..e].iter().collect();
            let kind = l[2].as_str().unwrap();
            assert!(!span.is_empty() && !span.starts_with(' '), "{span} {kind}");
            if span == "Seoul" {
                assert_eq!(kind, "PLACE");
            }
        }
        assert!(v["label"].as_array().unwrap().iter().any(|l| {
            let (s, e) = (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            );
            text[s..e].iter().collect::<String>() == "Kim Jong-un"
        }));
    }

    #[test]
    fn json_is_the_guidelines_format_for_the_chosen_articles() {
        let c = corpus();
        let v: serde_json::Value = serde_json::from_str(&guidelines_json(&c, &[1], None)).unwrap();
        let docs = v.as_array().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0]["doc"], "b.txt");
        let m = &docs[0]["mentions"][0];
        for key in ["type", "start", "end", "text", "entity"] {
            assert!(m.get(key).is_some(), "{key}");
        }
    }

    #[test]
    fn a_corrected_corpus_exports_its_log_beside_the_documents() {
        use crate::corrections::{apply, Op};
        let mut c = corpus();
        let e = &c.entities[c.docs[1].mentions[0].entity];
        let (key, old) = (e.key.clone(), e.name.clone());
        let mut log = Log::default();
        log.push(
            Op::Rename {
                entity: key,
                name: "Renamed".into(),
            },
            format!("Renamed “{old}”"),
            String::new(),
        );
        apply(&mut c, log.active(), None);
        let v: serde_json::Value =
            serde_json::from_str(&guidelines_json(&c, &[1], Some(&log))).unwrap();
        assert_eq!(v["documents"][0]["mentions"][0]["entity"], "Renamed");
        assert!(v["corrections"][0]["op"]["rename"].is_object());
        // with nothing corrected, the plain array
        assert!(serde_json::from_str::<serde_json::Value>(&guidelines_json(
            &c,
            &[1],
            Some(&Log::default())
        ))
        .unwrap()
        .is_array());
    }
}
