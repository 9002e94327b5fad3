//! The network on the seeds: the ties an analyst of this story expects, each with its evidence
//! in the article that states it.
use dossier_corpus::views::network::{ego, evidence, graph, NetworkIndex, Options, Tier};
use dossier_corpus::Corpus;
use dossier_eval::{build, inputs_in};
use std::path::Path;

fn seeds() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (corpus, rejected) = build(inputs_in(&dir, &["txt"]).unwrap());
    assert!(rejected.is_empty(), "{rejected:?}");
    corpus
}

/// The entity a name (canonical or an alias) stands for.
fn id(c: &Corpus, name: &str) -> u32 {
    c.entities
        .iter()
        .position(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| panic!("no entity {name}")) as u32
}

/// The articles (by number) whose sentences tie `x` to `y`, and the sentences.
fn tie(c: &Corpus, nix: &NetworkIndex, x: &str, y: &str) -> Vec<(String, String)> {
    let all: Vec<u32> = (0..c.docs.len() as u32).collect();
    let g = graph(c, nix, &all, &Options::default());
    let (a, b) = (id(c, x), id(c, y));
    let (a, b) = (a.min(b), a.max(b));
    let e = g
        .edges
        .iter()
        .find(|e| (e.a, e.b) == (a, b))
        .unwrap_or_else(|| panic!("{x} and {y} are not tied"));
    assert_eq!(e.tier, Tier::Sentence);
    assert!(e.weight > 0.0, "{x}–{y} at or below chance: {}", e.weight);
    evidence(nix, &all, a, b, Tier::Sentence)
        .into_iter()
        .map(|v| {
            let d = &c.docs[v.doc as usize];
            (
                d.name[..3].to_string(),
                d.text[v.span.0 as usize..v.span.1 as usize].to_string(),
            )
        })
        .collect()
}

#[test]
fn kim_jong_un_and_shoigu_are_tied_by_document_004() {
    let c = seeds();
    let nix = NetworkIndex::build(&c);
    let ev = tie(&c, &nix, "Kim Jong Un", "Sergei Shoigu");
    assert!(ev.iter().any(|(d, _)| d == "004"), "{ev:?}");
    for (_, s) in &ev {
        assert!(s.contains("Shoigu"), "{s}");
    }
}

#[test]
fn kim_jong_sik_and_the_army_2024_expo_are_tied_by_document_002() {
    let c = seeds();
    let nix = NetworkIndex::build(&c);
    let ev = tie(&c, &nix, "Kim Jong-sik", "ARMY 2024");
    assert!(ev.iter().any(|(d, _)| d == "002"), "{ev:?}");
}

#[test]
fn the_opening_view_centres_on_the_story_s_main_actors() {
    let c = seeds();
    let nix = NetworkIndex::build(&c);
    let all: Vec<u32> = (0..c.docs.len() as u32).collect();
    let g = graph(&c, &nix, &all, &Options::default());
    let shown = ego(&g, &[], 20);
    let names: Vec<&str> = shown
        .focus
        .iter()
        .map(|&e| c.entities[e as usize].name.as_str())
        .collect();
    assert!(
        names.contains(&"Kim Jong Un") && names.contains(&"Russia"),
        "{names:?}"
    );
    // the strongest shown ties are not all the hubs' own
    let hub = id(&c, "Russia");
    let top: Vec<_> = shown.edges.iter().take(5).map(|&i| &g.edges[i]).collect();
    assert!(top.iter().any(|e| e.a != hub && e.b != hub));
}
