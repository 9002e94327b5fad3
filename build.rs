//! Bundles every `seeds/*.txt` into the app, extracted at build time: runs `dossier_extract` on
//! each seed and writes `$OUT_DIR/seeds.json`, the staged documents (text, cleaning, mentions
//! and link keys, with the gazetteer entries they name). The page then only links and indexes
//! them, so the main bundle carries no gazetteer and no extractor; a `.txt` dropped into
//! `seeds/` ships on the next build.
use std::{env, fs, path::Path};

fn main() {
    // split points need the linker's relocations, which scripts/split-wasm.mjs reads to cut
    // the page's wasm into chunks (only the page's own bundle, only with `split`)
    if env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"))
    {
        println!("cargo:rustc-link-arg-bin=dossier-web=--emit-relocs");
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .expect("seeds/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut staged = Vec::new();
    for name in &names {
        let path = seeds.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).expect("read a seed");
        match dossier_extract::process(name, &bytes) {
            Ok(s) => staged.push(s),
            Err(e) => panic!("seed {name} cannot be read: {e}"),
        }
    }
    let json = serde_json::to_string(&staged).expect("serialise the seeds");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("seeds.json");
    fs::write(dest, json).expect("write seeds.json");
}
