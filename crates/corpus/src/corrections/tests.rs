//! Each operation and scope on small texts run through the whole pipeline; replay after the
//! corpus is linked again with more articles; orphans; the log's undo, redo and file.
use super::suggest::{suggest, Method};
use super::*;
use crate::{link, Input};

const A: &str = "General Ri Chang-ho met Colonel Pak Yong-il in Pyongyang. Ri Chang-ho spoke first. The Korea Vostok Trading Company signed a deal.";
const B: &str = "General Ri Changho flew to Moscow with Pak Yong Il. KVTC, the Korea Vostok Trading Company, shipped shells. Pak Yong-il stayed. General Ri Chang-ho left.";

fn corpus(texts: &[(&str, &str)]) -> Corpus {
    let inputs = texts
        .iter()
        .map(|(n, t)| Input::new(n.to_string(), t.as_bytes().to_vec()))
        .collect();
    let (staged, rejected) = dossier_extract::stage_all(inputs);
    assert!(rejected.is_empty());
    link::link(&staged)
}

fn two() -> Corpus {
    corpus(&[("a.txt", A), ("b.txt", B)])
}

fn ent<'c>(c: &'c Corpus, name: &str) -> &'c Entity {
    c.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no {name}: {:?}",
                c.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
}

fn key(c: &Corpus, name: &str) -> String {
    ent(c, name).key.clone()
}

/// The anchor of the `nth` occurrence of `text` in article `d`.
fn anchor(c: &Corpus, d: usize, text: &str, nth: usize) -> Anchor {
    let (s, _) = c.docs[d].text.match_indices(text).nth(nth).unwrap();
    Anchor::new(c, d, s, s + text.len(), None)
}

fn log(ops: Vec<Op>) -> Vec<Entry> {
    let mut l = Log::default();
    for op in ops {
        l.push(op, String::new(), String::new());
    }
    l.active().to_vec()
}

fn run(c: &mut Corpus, ops: Vec<Op>) -> Vec<Outcome> {
    apply(c, &log(ops), None)
}

/// Every mention points at an entity of its type, and the counts agree with the mentions.
fn consistent(c: &Corpus) {
    for (i, e) in c.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        let n = c
            .docs
            .iter()
            .flat_map(|d| &d.mentions)
            .filter(|m| m.entity == i)
            .count();
        assert_eq!(n, e.all_mention_count, "{}", e.name);
        assert!(n > 0, "{} has no mention", e.name);
    }
    for d in &c.docs {
        for m in &d.mentions {
            assert_eq!(m.kind, c.entities[m.entity].kind);
        }
        assert!(d.mentions.windows(2).all(|w| w[0].start <= w[1].start));
    }
}

#[test]
fn merge_everywhere_keeps_the_chosen_name_and_closes_up_ids() {
    let mut c = two();
    let before = c.entities.len();
    let (kvtc, full) = (key(&c, "KVTC"), key(&c, "Korea Vostok Trading Company"));
    let out = run(
        &mut c,
        vec![Op::Merge {
            from: kvtc.clone(),
            into: full.clone(),
            scope: Scope::Corpus,
        }],
    );
    assert_eq!(out[0].changed, 1);
    assert_eq!(out[0].orphan, None);
    assert_eq!(c.entities.len(), before - 1);
    let e = ent(&c, "Korea Vostok Trading Company");
    assert_eq!((e.all_mention_count, e.doc_count), (3, 2));
    assert!(e.aliases.contains(&"KVTC".to_string()));
    assert!(!c.entities.iter().any(|e| e.name == "KVTC"));
    consistent(&c);
    // the other way round, the acronym's name survives
    let mut c = two();
    run(
        &mut c,
        vec![Op::Merge {
            from: full,
            into: kvtc,
            scope: Scope::Corpus,
        }],
    );
    assert_eq!(ent(&c, "KVTC").all_mention_count, 3);
    consistent(&c);
}

#[test]
fn merge_of_one_mention_moves_only_it() {
    let mut c = two();
    let (pak, ri) = (key(&c, "Pak Yong-il"), key(&c, "Ri Chang-ho"));
    let at = anchor(&c, 1, "Pak Yong Il", 0);
    let out = run(
        &mut c,
        vec![Op::Merge {
            from: pak,
            into: ri,
            scope: Scope::Mention { at },
        }],
    );
    assert_eq!(out[0].changed, 1);
    assert_eq!(ent(&c, "Pak Yong-il").all_mention_count, 2);
    assert_eq!(ent(&c, "Ri Chang-ho").all_mention_count, 5);
    consistent(&c);
}

#[test]
fn split_moves_the_chosen_mentions_to_a_new_entity() {
    let mut c = two();
    let pak = key(&c, "Pak Yong-il");
    let at = anchor(&c, 1, "Pak Yong Il", 0);
    let out = run(
        &mut c,
        vec![Op::Split {
            entity: pak,
            mentions: vec![at],
            name: "Pak Yong Il (the trader)".into(),
        }],
    );
    assert_eq!(out[0].changed, 1);
    let new = ent(&c, "Pak Yong Il (the trader)");
    assert_eq!((new.kind, new.all_mention_count), (EntityType::Person, 1));
    assert!(new.key.starts_with("c:PERSON:"));
    assert_eq!(ent(&c, "Pak Yong-il").all_mention_count, 2);
    consistent(&c);
}

#[test]
fn rename_keeps_the_key_so_later_entries_still_find_it() {
    let mut c = two();
    let (kvtc, full) = (key(&c, "KVTC"), key(&c, "Korea Vostok Trading Company"));
    let out = run(
        &mut c,
        vec![
            Op::Rename {
                entity: full.clone(),
                name: "Korea Vostok".into(),
            },
            Op::Merge {
                from: kvtc,
                into: full.clone(),
                scope: Scope::Corpus,
            },
        ],
    );
    assert!(out.iter().all(|o| o.orphan.is_none()), "{out:?}");
    let e = ent(&c, "Korea Vostok");
    assert_eq!((e.key.as_str(), e.all_mention_count), (full.as_str(), 3));
}

#[test]
fn retype_everywhere_or_in_one_article() {
    let mut c = two();
    let pyongyang = key(&c, "Pyongyang");
    run(
        &mut c,
        vec![Op::Retype {
            entity: pyongyang.clone(),
            kind: EntityType::Org,
            scope: Scope::Corpus,
        }],
    );
    let e = ent(&c, "Pyongyang");
    assert_eq!(
        (e.kind, e.coords, e.key.as_str()),
        (EntityType::Org, None, pyongyang.as_str())
    );
    consistent(&c);
    // in one article, the mentions written so become an entity of the other type
    let mut c = two();
    let ri = key(&c, "Ri Chang-ho");
    let out = run(
        &mut c,
        vec![Op::Retype {
            entity: ri,
            kind: EntityType::Org,
            scope: Scope::Article {
                doc: content_hash(A),
                name: "a.txt".into(),
                text: "Ri Chang-ho".into(),
            },
        }],
    );
    assert_eq!(out[0].changed, 2);
    let org = c
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Org && e.name == "Ri Chang-ho")
        .unwrap();
    assert_eq!(org.all_mention_count, 2);
    assert_eq!(ent(&c, "Ri Chang-ho").kind, EntityType::Person);
    consistent(&c);
}

#[test]
fn delete_a_mention_a_string_in_an_article_or_the_entity() {
    let mut c = two();
    let ri = key(&c, "Ri Chang-ho");
    let at = anchor(&c, 1, "Ri Changho", 0);
    run(
        &mut c,
        vec![Op::Delete {
            entity: ri.clone(),
            scope: Scope::Mention { at },
        }],
    );
    assert_eq!(ent(&c, "Ri Chang-ho").all_mention_count, 3);
    run(
        &mut c,
        vec![Op::Delete {
            entity: ri.clone(),
            scope: Scope::Article {
                doc: content_hash(A),
                name: "a.txt".into(),
                text: "Ri Chang-ho".into(),
            },
        }],
    );
    assert_eq!(ent(&c, "Ri Chang-ho").all_mention_count, 1);
    assert_eq!(ent(&c, "Ri Chang-ho").doc_count, 1);
    consistent(&c);
    let out = run(
        &mut c,
        vec![
            Op::Delete {
                entity: ri.clone(),
                scope: Scope::Corpus,
            },
            Op::Rename {
                entity: ri,
                name: "gone".into(),
            },
        ],
    );
    assert!(!c.entities.iter().any(|e| e.name.starts_with("Ri Chang")));
    assert!(out[1].orphan.as_deref().unwrap().contains("deleted"));
    consistent(&c);
}

#[test]
fn add_once_in_an_article_or_everywhere() {
    let mut c = two();
    // once, at a selection
    let at = anchor(&c, 1, "shells", 0);
    let out = run(
        &mut c,
        vec![Op::Add {
            text: "shells".into(),
            kind: EntityType::Weapon,
            entity: None,
            name: "artillery shells".into(),
            scope: Scope::Mention { at },
        }],
    );
    assert_eq!(out[0].changed, 1);
    assert_eq!(ent(&c, "artillery shells").kind, EntityType::Weapon);
    consistent(&c);
    // every occurrence, as a mention of a known entity; overlapping ones are left alone
    let mut c = two();
    let full = key(&c, "Korea Vostok Trading Company");
    let out = run(
        &mut c,
        vec![Op::Add {
            text: "General".into(),
            kind: EntityType::Org,
            entity: Some(full.clone()),
            name: String::new(),
            scope: Scope::Corpus,
        }],
    );
    assert_eq!(out[0].changed, 3);
    assert_eq!(ent(&c, "Korea Vostok Trading Company").all_mention_count, 5);
    consistent(&c);
    // every occurrence in one article only; whole words only ("Colonel" is not in "Colonels")
    let mut c = corpus(&[
        ("a.txt", A),
        ("b.txt", B),
        ("c.txt", "Colonels and a Colonel met Colonel Pak Yong-il."),
    ]);
    let hash_c = content_hash(&c.docs[2].text);
    let out = run(
        &mut c,
        vec![Op::Add {
            text: "Colonel".into(),
            kind: EntityType::Org,
            entity: None,
            name: "Colonel".into(),
            scope: Scope::Article {
                doc: hash_c.clone(),
                name: "c.txt".into(),
                text: "Colonel".into(),
            },
        }],
    );
    assert_eq!(out[0].changed, 2, "{out:?}");
    assert_eq!(ent(&c, "Colonel").doc_count, 1);
    consistent(&c);
}

#[test]
fn replay_after_relinking_with_more_articles_in_another_order() {
    let c0 = two();
    let pak = key(&c0, "Pak Yong-il");
    let entries = log(vec![
        Op::Merge {
            from: key(&c0, "KVTC"),
            into: key(&c0, "Korea Vostok Trading Company"),
            scope: Scope::Corpus,
        },
        Op::Split {
            entity: pak,
            mentions: vec![anchor(&c0, 1, "Pak Yong Il", 0)],
            name: "Pak the trader".into(),
        },
    ]);
    let mut c = corpus(&[
        ("new.txt", "KVTC denied it. Pak Yong-il was in Moscow."),
        ("b.txt", B),
        ("a.txt", A),
    ]);
    let out = apply(&mut c, &entries, None);
    assert!(out.iter().all(|o| o.orphan.is_none()), "{out:?}");
    // the new article's KVTC joins too: the merge is of entities, not of a list of mentions
    assert_eq!(ent(&c, "Korea Vostok Trading Company").all_mention_count, 4);
    assert_eq!(ent(&c, "Pak the trader").all_mention_count, 1);
    let trader = ent(&c, "Pak the trader").id;
    let at: Vec<&str> = c
        .docs
        .iter()
        .filter(|d| d.mentions.iter().any(|m| m.entity == trader))
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(at, ["b.txt"]);
    consistent(&c);
}

#[test]
fn a_mention_is_found_again_where_its_context_moved_and_orphaned_where_it_went() {
    let c0 = two();
    let pak = key(&c0, "Pak Yong-il");
    let at = anchor(&c0, 1, "Pak Yong Il", 0);
    let split = |at: Anchor| {
        log(vec![Op::Split {
            entity: pak.clone(),
            mentions: vec![at],
            name: "Pak the trader".into(),
        }])
    };
    // the article re-cleaned with a line before it: the offsets moved, the context did not
    let mut c = corpus(&[("a.txt", A), ("b.txt", &format!("Updated.\n\n{B}"))]);
    let out = apply(&mut c, &split(at.clone()), None);
    assert_eq!(out[0].orphan, None);
    assert_eq!(ent(&c, "Pak the trader").all_mention_count, 1);
    // the sentence rewritten: an orphan, not re-attached to the other "Pak Yong-il"
    let mut c = corpus(&[
        ("a.txt", A),
        (
            "b.txt",
            "General Ri Changho flew to Moscow. Pak Yong-il stayed with Pak Yong Il.",
        ),
    ]);
    let out = apply(&mut c, &split(at.clone()), None);
    assert!(out[0].orphan.is_some(), "{out:?}");
    assert!(!c.entities.iter().any(|e| e.name == "Pak the trader"));
    // the same context twice: ambiguous, so an orphan
    let twice = format!("{B} {B}");
    let mut c = corpus(&[("a.txt", A), ("b.txt", &twice)]);
    let mut moved = at.clone();
    moved.start += 1; // the offsets no longer hold
    let out = apply(&mut c, &split(moved), None);
    assert!(
        out[0].orphan.as_deref().unwrap().contains("more than once"),
        "{out:?}"
    );
    // the article gone, and an entity no longer extracted
    let mut c = corpus(&[("a.txt", A)]);
    let out = apply(&mut c, &split(at), None);
    assert!(out[0].orphan.as_deref().unwrap().contains("b.txt"));
    let out = apply(
        &mut c,
        &log(vec![Op::Rename {
            entity: "n:PERSON:nobody".into(),
            name: "x".into(),
        }]),
        None,
    );
    assert!(out[0].orphan.as_deref().unwrap().contains("no entity"));
}

#[test]
fn undo_redo_and_the_file_round_trip() {
    let c = two();
    let mut l = Log::default();
    let rename = |n: &str| Op::Rename {
        entity: key(&c, "KVTC"),
        name: n.into(),
    };
    l.push(rename("one"), "first".into(), "2026-12-01T10:00:00Z".into());
    l.push(
        rename("two"),
        "second".into(),
        "2026-12-01T10:01:00Z".into(),
    );
    assert!(l.undo());
    assert_eq!(l.active().len(), 1);
    assert!(l.redo());
    assert_eq!(l.active().len(), 2);
    assert!(l.undo());
    // a new entry after an undo drops the undone one
    l.push(rename("three"), "third".into(), String::new());
    assert_eq!(
        l.entries
            .iter()
            .map(|e| e.label.as_str())
            .collect::<Vec<_>>(),
        ["first", "third"]
    );
    assert!(!l.can_redo());
    assert!(l.undo());
    let text = l.to_json();
    assert_eq!(Log::from_json(&text).unwrap(), l);
    // replayed from the file, the same corpus
    let (mut x, mut y) = (two(), two());
    apply(&mut x, l.active(), None);
    apply(&mut y, Log::from_json(&text).unwrap().active(), None);
    assert_eq!(x.entities, y.entities);
    assert_eq!(ent(&x, "one").key, key(&c, "KVTC"));
    // bad files say why
    assert!(Log::from_json("{").unwrap_err().contains("not a JSON file"));
    assert!(Log::from_json("{\"format\":\"other\"}")
        .unwrap_err()
        .contains("not a Dossier"));
    assert!(
        Log::from_json(&text.replace("\"version\": 1", "\"version\": 9"))
            .unwrap_err()
            .contains("version 9")
    );
    // appending a log to itself adds nothing
    let mut m = l.clone();
    assert_eq!(m.append(&l), 0);
}

#[test]
fn suggestions_find_acronyms_and_spellings_but_never_two_gazetteer_entries() {
    let mut c = corpus(&[
        ("a.txt", A),
        ("b.txt", B),
        (
            "c.txt",
            "Colonel Pak Yongil and Colonel Pak Yong-ill met. Seoul and Moscow objected.",
        ),
    ]);
    let found = suggest(&c, &[]);
    let names = |s: &suggest::Suggestion| {
        s.entities
            .iter()
            .map(|&e| c.entities[e].name.clone())
            .collect::<Vec<_>>()
    };
    let kvtc = found
        .iter()
        .find(|s| names(s).contains(&"KVTC".to_string()))
        .expect("KVTC");
    assert_eq!(kvtc.method, Method::Initials);
    assert!(names(kvtc).contains(&"Korea Vostok Trading Company".to_string()));
    let pak = found
        .iter()
        .find(|s| names(s).iter().any(|n| n == "Pak Yong-ill"))
        .expect("Pak Yong-ill");
    assert_eq!(pak.method, Method::EditDistance, "{:?}", names(pak));
    for s in &found {
        let g = s
            .entities
            .iter()
            .filter(|&&e| c.entities[e].key.starts_with("g:"))
            .count();
        assert!(g <= 1, "{:?}", names(s));
    }
    // kept apart, no longer offered; nothing is merged by suggesting
    let before = c.entities.len();
    let apart = log(vec![Op::Distinct {
        a: key(&c, "KVTC"),
        b: key(&c, "Korea Vostok Trading Company"),
    }]);
    let again = suggest(&c, &apart);
    assert!(!again.iter().any(|s| names(s).contains(&"KVTC".to_string())));
    apply(&mut c, &apart, None);
    assert_eq!(c.entities.len(), before);
}

#[test]
fn fingerprints_agree_on_transliterations() {
    use super::suggest::{fingerprint, ngram_fingerprint};
    assert_eq!(fingerprint("U.S."), fingerprint("US"));
    assert_eq!(fingerprint("Shoigu, Sergei"), fingerprint("Sergei Shoigu"));
    let n = ngram_fingerprint("Kim Jong Un");
    assert_eq!(ngram_fingerprint("Kim Jong-un"), n);
    assert_eq!(ngram_fingerprint("Kim Jongun"), n);
    assert_ne!(ngram_fingerprint("Kim Jong Il"), n);
}

#[test]
fn describe_names_the_entities_and_the_scope() {
    let c = two();
    let op = Op::Merge {
        from: key(&c, "KVTC"),
        into: key(&c, "Korea Vostok Trading Company"),
        scope: Scope::Corpus,
    };
    assert_eq!(
        describe(&c, &op),
        "Merged “KVTC” into “Korea Vostok Trading Company” (everywhere)"
    );
    assert_eq!(key_name("n:ORG:kvtc"), "kvtc");
    assert_eq!(key_name("d:2024-08-10"), "2024-08-10");
}

#[test]
fn the_benchmark_log_anchors_everywhere_it_points() {
    let mut c = corpus(&[
        ("a.txt", A),
        ("b.txt", B),
        (
            "c.txt",
            "Colonel Pak Yong-il met Ri Chang-ho in Moscow on 3 May 2024.",
        ),
    ]);
    let l = benchmark_log(&c, 10);
    assert!(l.entries.len() >= 8, "{}", l.entries.len());
    let out = apply(&mut c, l.active(), None);
    let orphans: Vec<_> = out.iter().filter(|o| o.orphan.is_some()).collect();
    // three articles, so later entries may find an earlier one's work (a mention gone)
    assert!(orphans.len() <= 3, "{orphans:?}");
    consistent(&c);
}

#[test]
fn a_link_made_before_a_merge_or_rename_still_finds_its_entity() {
    use crate::format::json::unique_names;
    use crate::query::parse_entity_ref;
    let mut c = two();
    let full = key(&c, "Korea Vostok Trading Company");
    let kvtc = key(&c, "KVTC");
    run(
        &mut c,
        vec![
            Op::Merge {
                from: kvtc.clone(),
                into: full.clone(),
                scope: Scope::Corpus,
            },
            Op::Rename {
                entity: full.clone(),
                name: "Korea Vostok".into(),
            },
        ],
    );
    let names = unique_names(&c);
    let e = ent(&c, "Korea Vostok").id;
    assert_eq!(parse_entity_ref(&c, &names, "ORG:Korea Vostok"), Some(e));
    assert_eq!(parse_entity_ref(&c, &names, "ORG:KVTC"), Some(e));
    assert_eq!(
        parse_entity_ref(&c, &names, "ORG:Korea Vostok Trading Company"),
        Some(e)
    );
    assert_eq!(parse_entity_ref(&c, &names, &full), Some(e));
    // the key of the entity merged away is gone; its name leads to the survivor
    assert!(c.entities.iter().all(|x| x.key != kvtc));
    assert_eq!(parse_entity_ref(&c, &names, &kvtc), Some(e));
    assert_eq!(parse_entity_ref(&c, &names, "ORG:Nothing"), None);
    assert_eq!(parse_entity_ref(&c, &names, "n:ORG:nothing"), None);
    // the URL names the entity by its key
    assert_eq!(crate::query::entity_ref(&c, e), full);
}
