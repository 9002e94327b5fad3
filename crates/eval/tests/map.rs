//! The map on the seeds: markers at the places the story happens, the two countries it is
//! about shaded most, and the decoded Natural Earth outlines (built by
//! `node scripts/build-atlas.mjs`, which `scripts/test.sh` runs first) holding both.
use dossier_corpus::views::map::{atlas, map, MapIndex};
use dossier_corpus::Corpus;
use dossier_eval::{build, inputs_in};
use std::path::Path;

fn seeds() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (corpus, rejected) = build(inputs_in(&dir, &["txt"]).unwrap());
    assert!(rejected.is_empty(), "{rejected:?}");
    corpus
}

fn outlines() -> atlas::Atlas {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/atlas/world.bin");
    let bytes = std::fs::read(&file).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `node scripts/build-atlas.mjs` (scripts/test.sh does)",
            file.display()
        )
    });
    atlas::decode(&bytes).unwrap()
}

#[test]
fn the_seeds_put_markers_where_the_story_happens() {
    let c = seeds();
    let mix = MapIndex::build(&c);
    let all: Vec<u32> = (0..c.docs.len() as u32).collect();
    let outlines = outlines();
    let m = map(&mix, &all, Some(&outlines));
    let labels: Vec<&str> = m.markers.iter().map(|k| k.place.label.as_str()).collect();
    for want in ["Pyongyang", "Moscow", "Vladivostok"] {
        assert!(labels.contains(&want), "no marker at {want}: {labels:?}");
    }
    assert!(
        labels.iter().any(|l| l.starts_with("Kursk")),
        "no marker at Kursk: {labels:?}"
    );
    let top: Vec<&str> = m.shades.iter().take(2).map(|s| s.code.as_str()).collect();
    assert!(
        top.contains(&"KP") && top.contains(&"RU"),
        "{:?}",
        &m.shades[..4]
    );
}

#[test]
fn the_outlines_hold_every_country_and_place_points_in_them() {
    let a = outlines();
    assert!(a.countries.len() >= 230, "{} countries", a.countries.len());
    for code in ["KP", "KR", "RU", "UA", "GE", "SG", "AD"] {
        assert!(a.by_code(code).is_some(), "no outline for {code}");
    }
    let at = |lon: f32, lat: f32| a.country_at(lon, lat).map(|i| a.countries[i].code.as_str());
    assert_eq!(at(125.75, 39.03), Some("KP")); // Pyongyang
    assert_eq!(at(37.62, 55.75), Some("RU")); // Moscow
    assert_eq!(at(131.9, 43.1), Some("RU")); // Vladivostok
    assert_eq!(at(126.98, 37.57), Some("KR")); // Seoul
    assert_eq!(at(-30.0, 30.0), None); // the Atlantic
}
