//! `dossier stage` and `dossier build` as a newsroom runs them: staging split over several
//! runs gives the bytes of one, and the corpus built from it is the same to the byte; the
//! folder it writes is a static corpus the page can read (checked file by file against its
//! hash), within the file limits.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dossier(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the dossier binary runs");
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The articles: the seeds and the development articles (text and HTML).
fn articles() -> Vec<String> {
    let mut v = Vec::new();
    for dir in ["seeds", "crates/eval/tests/articles"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
            .collect();
        files.sort();
        v.extend(files.into_iter().map(|p| p.display().to_string()));
    }
    v
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn a_split_stage_builds_the_same_corpus_as_one() {
    let tmp = std::env::temp_dir().join(format!("dossier-site-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let all = articles();
    assert!(all.len() >= 15);
    let (a, b) = all.split_at(all.len() / 3);
    let t = |name: &str| tmp.join(name).display().to_string();
    // one stage, and the same inputs staged in two runs
    let mut args = vec!["stage", "--out"];
    let whole = t("whole.jsonl");
    args.push(&whole);
    args.extend(all.iter().map(String::as_str));
    dossier(&args);
    let (pa, pb) = (t("part-a.jsonl"), t("part-b.jsonl"));
    let mut args = vec!["stage", "--out", &pa];
    args.extend(a.iter().map(String::as_str));
    dossier(&args);
    let mut args = vec!["stage", "--out", &pb];
    args.extend(b.iter().map(String::as_str));
    dossier(&args);
    let joined = [std::fs::read(&pa).unwrap(), std::fs::read(&pb).unwrap()].concat();
    assert_eq!(
        joined,
        std::fs::read(&whole).unwrap(),
        "parts joined = one stage"
    );
    // built from one file, from the parts, and from the articles themselves
    let (s1, s2, s3) = (t("site1"), t("site2"), t("site3"));
    dossier(&["build", "--staged", &whole, "--out", &s1]);
    dossier(&["build", "--staged", &pa, &pb, "--out", &s2]);
    let mut args = vec!["build", "--out", &s3];
    args.extend(all.iter().map(String::as_str));
    let said = dossier(&args);
    let (t1, t2, t3) = (
        tree(Path::new(&s1)),
        tree(Path::new(&s2)),
        tree(Path::new(&s3)),
    );
    assert!(t1.len() > 4, "{:?}", t1.keys());
    assert_eq!(t1, t2, "a split stage builds the same bytes");
    assert_eq!(
        t1, t3,
        "building from the articles stages them the same way"
    );
    let said = String::from_utf8_lossy(&said.stderr);
    assert!(
        said.contains("articles") && said.contains("files"),
        "{said}"
    );
    // every file but the root is named by its hash, in a folder of its kind
    for (path, bytes) in &t1 {
        if path == "corpus/root.bin" {
            continue;
        }
        let file = path.strip_prefix("corpus/").unwrap();
        let hash = dossier_corpus::shard::sha256_hex(bytes);
        assert!(dossier_corpus::shard::hash_matches(file, &hash), "{path}");
        assert!(dossier_corpus::shard::Family::of(file).is_some(), "{path}");
    }
    let root = dossier_corpus::shard::gunzip(&t1["corpus/root.bin"]).unwrap();
    let root = dossier_corpus::shard::Root::from_json(&root).unwrap();
    assert_eq!(root.articles as usize, all.len());
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn staged_input_that_is_not_staged_is_refused_in_words() {
    let tmp = std::env::temp_dir().join(format!("dossier-site-bad-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let bad = tmp.join("bad.jsonl");
    std::fs::write(&bad, "{\"not\": \"staged\"}\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args([
            "build",
            "--staged",
            bad.to_str().unwrap(),
            "--out",
            tmp.join("site").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("not a staged document"), "{said}");
    std::fs::remove_dir_all(&tmp).unwrap();
}
