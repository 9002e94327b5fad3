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

#[test]
fn no_outline_draws_a_line_across_the_world() {
    // Russia, Fiji and the USA step across the antimeridian in Natural Earth's rings; drawn
    // flat, no edge of any country may cross more than a third of the map
    let a = outlines();
    let frame = atlas::Frame { width: 1000.0 };
    for c in &a.countries {
        let d = atlas::path(c, frame);
        for sub in d.split('M').filter(|s| !s.is_empty()) {
            let pts: Vec<(f64, f64)> = sub
                .split(['L', 'Z'])
                .filter_map(|p| {
                    let (x, y) = p.split_once(' ')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            let at_pole = |y: f64| y < 3.0 || y > frame.height() - 3.0;
            for w in pts.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                // the poles are lines in Equal Earth: an edge along one is the map's own edge
                if !(at_pole(y0) && at_pole(y1)) {
                    assert!(
                        (x1 - x0).abs() < 333.0,
                        "{}: an edge from ({x0}, {y0}) to ({x1}, {y1})",
                        c.name
                    );
                }
            }
        }
    }
}
