//! Compiles the gazetteers in `data/` into an FST (name -> entry) and a text table of entries,
//! at build time, so nothing is parsed or built when a page loads.
use std::{collections::BTreeMap, env, fs, path::Path};

include!("src/find/fold.rs");

/// Entry kinds, in the order `gazetteer::Kind` declares them.
const PERSON: u8 = 0;
const ORG: u8 = 1;
const PLACE: u8 = 2;
const WEAPON: u8 = 3;
const EVENT: u8 = 4;
const DEMONYM: u8 = 5;

struct Canon {
    kind: u8,
    sub: u8,
    name: String,
    extra: String,
    lat: f32,
    lon: f32,
}

fn rows(dir: &Path, file: &str) -> Vec<Vec<String>> {
    let path = dir.join(file);
    println!("cargo:rerun-if-changed={}", path.display());
    let Ok(text) = fs::read_to_string(&path) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
        .collect()
}

fn num(s: Option<&String>) -> f32 {
    s.and_then(|s| s.parse().ok()).unwrap_or(f32::NAN)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut canons: Vec<Canon> = Vec::new();
    // folded key -> (rank, canon index)
    let mut keys: BTreeMap<Vec<u8>, (u8, u32)> = BTreeMap::new();
    let mut add = |canons: &mut Vec<Canon>,
                   kind: u8,
                   sub: u8,
                   name: &str,
                   aliases: &str,
                   extra: String,
                   lat: f32,
                   lon: f32| {
        if name.is_empty() {
            return;
        }
        let idx = canons.len() as u32;
        canons.push(Canon {
            kind,
            sub,
            name: name.to_string(),
            extra,
            lat,
            lon,
        });
        let mut forms: Vec<String> = vec![name.to_string()];
        forms.extend(
            aliases
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from),
        );
        // (names in capitals are matched at run time by title-casing them: no key for them)
        let spaced: Vec<String> = forms
            .iter()
            .filter(|f| kind == PERSON && f.contains('-'))
            .map(|f| f.replace('-', " "))
            .collect();
        forms.extend(spaced);
        for f in forms {
            let key = fold_str(&f);
            let r = rank(kind, sub);
            match keys.get(&key) {
                Some(&(old, _)) if old <= r => {}
                _ => {
                    keys.insert(key, (r, idx));
                }
            }
        }
    };
    for r in rows(&dir, "countries.tsv") {
        add(
            &mut canons,
            PLACE,
            0,
            &r[0],
            r.get(1).map_or("", |s| s),
            r.get(2).cloned().unwrap_or_default(),
            num(r.get(3)),
            num(r.get(4)),
        );
    }
    for r in rows(&dir, "regions.tsv") {
        add(
            &mut canons,
            PLACE,
            1,
            &r[0],
            r.get(1).map_or("", |s| s),
            r.get(2).cloned().unwrap_or_default(),
            num(r.get(3)),
            num(r.get(4)),
        );
    }
    for r in rows(&dir, "cities.tsv") {
        add(
            &mut canons,
            PLACE,
            2,
            &r[0],
            r.get(1).map_or("", |s| s),
            r.get(2).cloned().unwrap_or_default(),
            num(r.get(3)),
            num(r.get(4)),
        );
    }
    for r in rows(&dir, "people.tsv") {
        add(
            &mut canons,
            PERSON,
            0,
            &r[0],
            r.get(1).map_or("", |s| s),
            r.get(2).cloned().unwrap_or_default(),
            f32::NAN,
            f32::NAN,
        );
    }
    for r in rows(&dir, "orgs.tsv") {
        let extra = format!(
            "{}|{}|{}",
            r.get(2).map_or("", |s| s),
            r.get(3).map_or("", |s| s),
            r.get(4).map_or("", |s| s)
        );
        add(
            &mut canons,
            ORG,
            0,
            &r[0],
            r.get(1).map_or("", |s| s),
            extra,
            f32::NAN,
            f32::NAN,
        );
    }
    for r in rows(&dir, "weapons.tsv") {
        add(
            &mut canons,
            WEAPON,
            0,
            &r[0],
            r.get(1).map_or("", |s| s),
            r.get(2).cloned().unwrap_or_default(),
            f32::NAN,
            f32::NAN,
        );
    }
    for r in rows(&dir, "events.tsv") {
        let extra = format!(
            "{}/{}",
            r.get(2).map_or("", |s| s),
            r.get(3).map_or("", |s| s)
        );
        add(
            &mut canons,
            EVENT,
            0,
            &r[0],
            r.get(1).map_or("", |s| s),
            extra,
            f32::NAN,
            f32::NAN,
        );
    }
    for r in rows(&dir, "demonyms.tsv") {
        add(
            &mut canons,
            DEMONYM,
            0,
            &r[0],
            "",
            r.get(1).cloned().unwrap_or_default(),
            f32::NAN,
            f32::NAN,
        );
    }

    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    let mut builder = fst::MapBuilder::memory();
    for (k, (_, idx)) in &keys {
        builder.insert(k, u64::from(*idx)).expect("sorted keys");
    }
    fs::write(
        out.join("gazetteer.fst"),
        builder.into_inner().expect("fst"),
    )
    .expect("write fst");

    // one line per entry: kind, sub, name, extra, lat, lon (tab-separated text compresses far
    // better in the wasm bundle than a table of structs with pointers)
    let mut table = String::new();
    for c in &canons {
        table.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            c.kind,
            c.sub,
            c.name,
            c.extra,
            fmt_f(c.lat),
            fmt_f(c.lon)
        ));
    }
    fs::write(out.join("gazetteer_entries.tsv"), table).expect("write entries");
}

/// A coordinate for the bundle: two decimals (about a kilometre) are enough to place a city
/// on a map, and shorter numbers keep the bundle small. The data files keep four.
fn fmt_f(x: f32) -> String {
    if x.is_nan() {
        String::new()
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
