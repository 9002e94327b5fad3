//! Bundles every `seeds/*.txt` into the app: writes `$OUT_DIR/seeds.rs`, a list of
//! `(file name, text)` pairs, so a `.txt` dropped into `seeds/` ships on the next build.
use std::{env, fs, path::Path};

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .expect("seeds/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut out = String::from("/// Bundled seed articles: (file name, raw text), sorted by name.\npub static SEEDS: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = seeds.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("seeds.rs");
    fs::write(dest, out).expect("write seeds.rs");
}
