//! The overview: the corpus, or what the filter keeps of it, in one screen: how many articles,
//! sources and entities; the most-named people, organisations, places and weapon systems; the
//! dates covered, both mentioned and published. It follows the filter, so it also summarises a
//! selection.
use crate::index::{Day, Index};
use crate::query::Results;
use crate::{Corpus, EntityType};

/// The types the overview ranks, in the order it shows them.
pub const RANKED: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Place,
    EntityType::Weapon,
];

/// What the overview shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Overview {
    /// Articles the filter keeps, and in all.
    pub articles: usize,
    pub total_articles: usize,
    /// Sources among the articles kept (an article without one is not counted).
    pub sources: usize,
    /// Distinct entities the kept articles name (dates and unresolved dates aside).
    pub entities: usize,
    /// For each of `RANKED`: its most-named entities (id, articles kept naming it), most first.
    pub top: Vec<(EntityType, Vec<(usize, u32)>)>,
    /// The range of the dates the kept articles' texts name, and of their publication dates.
    pub mentioned: Option<(Day, Day)>,
    pub published: Option<(Day, Day)>,
    /// Kept articles with no known date at all.
    pub undated: usize,
}

/// The overview of what `results` keeps, with the `k` most-named entities of each ranked type.
pub fn overview(corpus: &Corpus, index: &Index, results: &Results, k: usize) -> Overview {
    let mut sources: Vec<u32> = Vec::new();
    let mut mentioned: Option<(Day, Day)> = None;
    let mut published: Option<(Day, Day)> = None;
    let mut undated = 0;
    let widen = |acc: &mut Option<(Day, Day)>, (a, b): (Day, Day)| {
        *acc = Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    };
    for &d in &results.docs {
        let f = &index.docs[d as usize];
        sources.extend(f.source);
        for &iv in &f.mentioned {
            widen(&mut mentioned, iv);
        }
        if let Some(p) = f.published {
            widen(&mut published, (p, p));
        }
        if f.best_date.is_none() {
            undated += 1;
        }
    }
    sources.sort_unstable();
    sources.dedup();
    let named = |i: usize| {
        let e = &corpus.entities[i];
        e.kind != EntityType::Date && !e.local && results.entities.get(i).is_some_and(|&n| n > 0)
    };
    let entities = (0..corpus.entities.len()).filter(|&i| named(i)).count();
    let top = RANKED
        .iter()
        .map(|&t| {
            let mut ids: Vec<(usize, u32)> = (0..corpus.entities.len())
                .filter(|&i| corpus.entities[i].kind == t && named(i))
                .map(|i| (i, results.entities[i]))
                .collect();
            ids.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(
                        corpus.entities[b.0]
                            .mention_count
                            .cmp(&corpus.entities[a.0].mention_count),
                    )
                    .then(a.0.cmp(&b.0))
            });
            ids.truncate(k);
            (t, ids)
        })
        .collect();
    Overview {
        articles: results.docs.len(),
        total_articles: corpus.docs.len(),
        sources: sources.len(),
        entities,
        top,
        mentioned,
        published,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{evaluate, Criterion, Filter};
    use crate::Input;

    #[test]
    fn summarises_the_corpus_and_follows_the_filter() {
        let (c, _) = Corpus::build(vec![
            Input::new("a.txt", b"Summit\n\nPublished: 2024-06-20\n\nKim Jong Un met Vladimir Putin in Pyongyang on June 19, 2024. Kim Jong Un showed the Hwasong-18.".to_vec()),
            Input::new("b.txt", b"Visit\n\nPublished: 2024-09-13\n\nSergei Shoigu met Kim Jong Un in Pyongyang on September 13, 2024.".to_vec()),
            Input::new("c.txt", b"Reaction\n\nOfficials in Seoul said the Korean War of 1950 to 1953 is not over.".to_vec()),
        ]);
        let ix = Index::build(&c);
        let all = evaluate(&ix, &c, &Filter::default());
        let o = overview(&c, &ix, &all, 3);
        assert_eq!((o.articles, o.total_articles), (3, 3));
        let people: Vec<&str> = o.top[0]
            .1
            .iter()
            .map(|&(i, _)| c.entities[i].name.as_str())
            .collect();
        assert_eq!(people[0], "Kim Jong Un");
        assert_eq!(o.top[0].1[0].1, 2);
        assert_eq!(o.top[3].0, EntityType::Weapon);
        assert_eq!(o.mentioned, Some((19500101, 20240913)));
        assert_eq!(o.published, Some((20240620, 20240913)));
        // a filter narrows it
        let mut f = Filter::default();
        f.toggle(Criterion::Entity(
            c.entities
                .iter()
                .position(|e| e.name == "Sergei Shoigu")
                .unwrap(),
        ));
        let o = overview(&c, &ix, &evaluate(&ix, &c, &f), 3);
        assert_eq!(o.articles, 1);
        assert_eq!(o.published, Some((20240913, 20240913)));
        assert!(
            o.top[3].1.is_empty(),
            "no weapon named in the Shoigu article"
        );
    }
}
