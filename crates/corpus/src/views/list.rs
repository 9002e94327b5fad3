//! What the article list and the entity panel say about each item: the date an article is
//! sorted by and where it comes from, and an entity's counts in words that read the same with
//! or without a filter.
use crate::index::{latest_event, DateBasis, DocFacts};
use crate::{Corpus, Document, Entity};

/// The date expressions of an article that could not be resolved to a calendar date ("Tuesday"
/// in an undated article), as written, each once, in text order. They stand for themselves in
/// their article, so the reader lists them there rather than the panel corpus-wide.
pub fn unresolved_dates<'a>(corpus: &Corpus, doc: &'a Document) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &doc.mentions {
        let local = corpus.entities.get(m.entity).is_some_and(|e| e.local);
        let s = doc.mention_text(m);
        if local && !doc.article.in_furniture(m.start) && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The date shown beside an article in the list, saying which date it is: its publication
/// date as written, "page dated …", "undated · latest date named …", or "undated".
pub fn date_label(doc: &Document, facts: &DocFacts) -> String {
    match facts.best_date.map(|(_, basis)| basis) {
        Some(DateBasis::Published) => doc.article.published.clone().unwrap_or_default(),
        Some(DateBasis::PageDate) => {
            format!(
                "page dated {}",
                doc.article.page_date.as_deref().unwrap_or("")
            )
        }
        Some(DateBasis::Mentioned) => match latest_event(doc) {
            Some((_, v)) => format!("undated · latest date named {v}"),
            None => "undated".into(),
        },
        None => "undated".into(),
    }
}

/// An entity's counts for the panel. With no filter: "in 4 articles · 16 mentions"; under a
/// filter that keeps `shown` articles: "in 2 of the 3 shown · 4 articles in all".
/// `furniture` counts what articles name only in their page furniture too.
pub fn entity_counts(
    e: &Entity,
    in_shown: u32,
    shown: usize,
    filtered: bool,
    furniture: bool,
) -> String {
    let (docs, mentions) = if furniture {
        (e.all_doc_count, e.all_mention_count)
    } else {
        (e.doc_count, e.mention_count)
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if filtered {
        format!(
            "in {in_shown} of the {shown} shown · {} in all",
            plural(docs, "article", "articles")
        )
    } else {
        format!(
            "in {} · {}",
            plural(docs, "article", "articles"),
            plural(mentions, "mention", "mentions")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::{Corpus, Input};

    #[test]
    fn labels_say_which_date() {
        let (c, _) = Corpus::build(vec![
            Input::new("p.txt", b"Summit held\n\nPublished: 2024-06-20\n\nKim Jong Un met Vladimir Putin on June 19, 2024.".to_vec()),
            Input::new("m.txt", b"Drills go on\n\nThe drills began on August 12, 2024, the navy said.".to_vec()),
            Input::new("n.txt", b"No dates here\n\nOfficials in Seoul met to discuss the alliance.".to_vec()),
        ]);
        let ix = Index::build(&c);
        let labels: Vec<String> = (0..3)
            .map(|d| date_label(&c.docs[d], &ix.docs[d]))
            .collect();
        assert_eq!(
            labels,
            [
                "2024-06-20",
                "undated · latest date named 2024-08-12",
                "undated"
            ]
        );
    }

    #[test]
    fn unresolved_dates_stay_with_their_article() {
        let (c, _) = Corpus::build(vec![
            Input::new("a.txt", b"Talks resume\n\nOfficials met on Tuesday and again on Friday, and on Tuesday once more.".to_vec()),
            Input::new("b.txt", b"Envoys meet\n\nEnvoys met on Tuesday in Seoul.".to_vec()),
        ]);
        assert_eq!(unresolved_dates(&c, &c.docs[0]), ["Tuesday", "Friday"]);
        assert_eq!(unresolved_dates(&c, &c.docs[1]), ["Tuesday"]);
        // one "Tuesday" per article: they do not join the two
        let tuesdays: Vec<&Entity> = c.entities.iter().filter(|e| e.name == "Tuesday").collect();
        assert_eq!(tuesdays.len(), 2);
        assert!(tuesdays.iter().all(|e| e.local && e.doc_count == 1));
        assert!(tuesdays.iter().all(|e| !e.offered(true)));
    }

    #[test]
    fn counts_read_the_same_with_or_without_a_filter() {
        let (c, _) = Corpus::build(vec![Input::new(
            "a.txt",
            b"Seoul talks\n\nOfficials in Seoul met. Seoul said more.".to_vec(),
        )]);
        let seoul = c.entities.iter().find(|e| e.name == "Seoul").unwrap();
        assert_eq!(
            entity_counts(seoul, 1, 1, false, false),
            "in 1 article · 3 mentions"
        );
        assert_eq!(
            entity_counts(seoul, 0, 4, true, false),
            "in 0 of the 4 shown · 1 article in all"
        );
    }
}
