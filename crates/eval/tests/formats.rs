//! The ways in beyond text, web pages and Markdown: feeds, Word documents, e-mail and PDF.
//!
//! `formats/own/` holds fixtures of this project's own making (`tools/make-format-fixtures.py`
//! writes them and their `gold.json`); they are scored the way the page benchmark is: title,
//! author and published date each right or wrong, the body by word 4-gram shingle F1 (the
//! metric of the public article-extraction benchmark), averaged over articles. The figures
//! print with `cargo test -p dossier-eval --test formats -- --nocapture`.
//!
//! `formats/real/` holds real-world samples with permissive licences (`SOURCES.md` names each
//! one's origin and licence), read here for what their headers and structure say.
use dossier_eval::build_noted;
use dossier_model::Input;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats")
        .join(rel)
}

fn inputs(folder: &Path) -> Vec<Input> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with("LICENSE") && name != "gold.json" && name != "SOURCES.md"
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Input::new(name, std::fs::read(p).unwrap())
        })
        .collect()
}

/// Word 4-grams (words are runs of letters, digits and `_`), counted.
fn grams(text: &str) -> HashMap<Vec<String>, usize> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = HashMap::new();
    for w in words.windows(4.min(words.len().max(1))) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Shingle precision and recall of `got` against `want`.
fn shingle_pr(got: &str, want: &str) -> (f64, f64) {
    let (g, w) = (grams(got), grams(want));
    let tp: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let p = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { tp as f64 / nw as f64 };
    (p, r)
}

#[test]
fn own_fixtures_of_every_format_are_read_right() {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir("own/gold.json")).unwrap()).unwrap();
    let gold = gold.as_object().unwrap();
    let (corpus, rejected, notes) = build_noted(inputs(&dir("own")));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(
        notes,
        vec!["shoigu-visit.eml: 1 attachment was not read (programme.pdf): add them as files of their own"]
    );
    assert_eq!(corpus.docs.len(), gold.len());
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let mut right = [0usize; 3];
    let mut misses = Vec::new();
    for doc in &corpus.docs {
        let key = doc.name.trim_end_matches(".html");
        let want = &gold[key];
        let a = &doc.article;
        let fields = [
            (a.title.as_deref(), want["title"].as_str()),
            (a.author.as_deref(), want["byline"].as_str()),
            (
                a.published.as_deref().map(|d| &d[..10.min(d.len())]),
                want["publishedTime"].as_str(),
            ),
        ];
        for (i, (got, want)) in fields.iter().enumerate() {
            if got == want {
                right[i] += 1;
            } else {
                misses.push(format!("{key}: field {i}: got {got:?}, want {want:?}"));
            }
        }
        let (p, r) = shingle_pr(&a.body, want["articleBody"].as_str().unwrap());
        if p < 0.95 || r < 0.95 {
            misses.push(format!("{key}: body P {p:.2} R {r:.2}: {:?}", a.body));
        }
        ps.push(p);
        rs.push(r);
    }
    let n = corpus.docs.len() as f64;
    let (p, r) = (ps.iter().sum::<f64>() / n, rs.iter().sum::<f64>() / n);
    let f1 = 2.0 * p * r / (p + r);
    println!(
        "own fixtures ({} articles from 5 files): body F1 {f1:.3} (P {p:.3} R {r:.3}); title {}/{n}, author {}/{n}, published {}/{n}",
        corpus.docs.len(),
        right[0],
        right[1],
        right[2]
    );
    assert!(misses.is_empty(), "{}", misses.join("\n"));
    assert!(f1 >= 0.97, "body F1 {f1:.3}");
    // entities are found in every format, and linked across them
    let putin = corpus
        .entities
        .iter()
        .position(|e| e.name == "Vladimir Putin")
        .expect("Putin is an entity");
    let with_putin = corpus
        .docs
        .iter()
        .filter(|d| d.mentions.iter().any(|m| m.entity == putin))
        .count();
    assert!(with_putin >= 3, "{with_putin}");
}

#[test]
fn real_world_samples_are_read_for_what_they_say() {
    let (corpus, rejected, notes) = build_noted(inputs(&dir("real")));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(notes.is_empty(), "{notes:?}");
    let by_name = |n: &str| corpus.docs.iter().find(|d| d.name == n).unwrap();
    // a blog's Atom feed: twenty entries, each dated, with its title, and the feed's author
    let entries: Vec<_> = corpus
        .docs
        .iter()
        .filter(|d| d.name.starts_with("intertwingly-2012 #"))
        .collect();
    assert_eq!(entries.len(), 20);
    for d in &entries {
        let a = &d.article;
        assert!(a.title.is_some(), "{}", d.name);
        assert_eq!(a.author.as_deref(), Some("Sam Ruby"), "{}", d.name);
        assert!(
            a.published
                .as_deref()
                .is_some_and(|p| p.starts_with("2012-")),
            "{}",
            d.name
        );
        assert!(!a.body.trim().is_empty(), "{}", d.name);
    }
    let hacked = entries
        .iter()
        .find(|d| d.article.title.as_deref() == Some("Hacked"))
        .unwrap();
    assert!(hacked.article.body.contains("This site was hacked."));
    assert_eq!(
        hacked.article.published.as_deref().map(|p| &p[..10]),
        Some("2012-04-02")
    );
    // a mailing-list post: subject, sender and date from its headers, its text from the body
    let mail = by_name("shapelib-list-2011 (mail).html");
    assert_eq!(
        mail.article.title.as_deref(),
        Some("[Shapelib] need some help")
    );
    assert_eq!(mail.article.author.as_deref(), Some("calpas calpas"));
    assert_eq!(
        mail.article.published.as_deref().map(|p| &p[..10]),
        Some("2011-03-09")
    );
    assert!(
        mail.article.body.starts_with("Dear all,"),
        "{}",
        mail.article.body
    );
    assert!(!mail.article.body.contains("Content-Type"));
    // a release announcement in Markdown: its front matter names it and never shows
    let md = by_name("hugo-0.20-release.md");
    assert_eq!(md.article.title.as_deref(), Some("Hugo 0.20"));
    assert_eq!(md.article.author.as_deref(), Some("bep"));
    assert_eq!(
        md.article.published.as_deref().map(|p| &p[..10]),
        Some("2017-04-10")
    );
    assert!(
        md.article
            .body
            .starts_with("Hugo 0.20 introduces the powerful"),
        "{}",
        md.article.body
    );
    for gone in ["---", "aliases:", "](", "**"] {
        assert!(!md.article.body.contains(gone), "{gone}");
    }
    // a Word document: its core properties and its paragraphs, table cells included
    let docx = by_name("actg-a5346-study-design (docx).html");
    assert_eq!(docx.article.title.as_deref(), Some("Study Design"));
    assert_eq!(docx.article.author.as_deref(), Some("Mark Murphy"));
    assert!(docx
        .article
        .body
        .contains("A5346 is a phase II, randomized, double-blinded"));
    // a scanned book with an OCR text layer: the text, its words rejoined across line ends,
    // and no file name taken for a title
    let pdf = by_name("vicksburg-1885-ocr (pdf).html");
    assert_ne!(pdf.article.title.as_deref(), Some("Binder1.pdf"));
    assert!(pdf.article.body.contains("THE SIEGE OF VICKSBURG"));
    assert!(
        pdf.article.body.contains("dangerous for use"),
        "{}",
        &pdf.article.body[..400]
    );
    assert!(
        pdf.article.body.len() > 10_000,
        "{}",
        pdf.article.body.len()
    );
    assert!(
        corpus.entities.iter().any(|e| e.name == "Ohio"),
        "places are found in a PDF"
    );
}

#[test]
fn bad_containers_are_refused_each_with_its_reason() {
    let (corpus, rejected, _) = build_noted(inputs(&dir("bad")));
    assert!(corpus.docs.is_empty());
    let reason = |n: &str| {
        rejected
            .iter()
            .find(|r| r.name == n)
            .map(|r| r.error.to_string())
            .unwrap_or_default()
    };
    assert!(
        reason("bomb.docx").contains("zip bomb"),
        "{}",
        reason("bomb.docx")
    );
    assert!(reason("cut.docx").contains("damaged or incomplete"));
    assert!(reason("photos.docx").contains("not a Word document"));
    assert!(reason("scan.pdf").contains("no text layer"));
    assert!(reason("locked.pdf").contains("locked with a password"));
    // the PDF reader panics on this one: caught, said, and the others go on
    assert!(
        reason("damaged.pdf").contains("damaged"),
        "{}",
        reason("damaged.pdf")
    );
    assert_eq!(rejected.len(), 6);
}
