//! Extraction speed: MB/s of article text through decode, clean, extract and link, on one
//! core, over >= 5 MB made by repeating the bundled seed articles; over the varied articles the
//! repository holds (the seeds, the development and held-out articles in text, Markdown and
//! HTML, and the real feeds, mail and Markdown of the format tests), each read as its kind;
//! and how the time grows on
//! hostile inputs (date fragments, runs of capitalised words, acronym definitions, weekdays in
//! a text without stops) when their size doubles: the ratio should stay near 2.
//!
//!   cargo bench -p dossier-extract --bench extract            (all)
//!   cargo bench -p dossier-extract --bench extract -- varied  (the varied articles)
//!   cargo bench -p dossier-extract --bench extract -- hostile (the doubling ratios)
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_eval::build;
use dossier_model::Input;
use std::path::Path;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The repository's articles of every kind, by name.
fn varied() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [
        "seeds",
        "crates/eval/tests/articles",
        "crates/eval/tests/heldout",
        "crates/eval/tests/heldout2",
        "crates/eval/tests/formats/real",
        "crates/eval/tests/formats/own",
    ];
    let kinds = ["txt", "md", "html", "atom", "rss", "eml"];
    let mut v = Vec::new();
    for d in dirs {
        for e in std::fs::read_dir(root.join(d))
            .unwrap()
            .filter_map(|e| e.ok())
        {
            let p = e.path();
            if p.extension().is_some_and(|x| kinds.iter().any(|k| x == *k)) {
                v.push((
                    format!("{d}/{}", e.file_name().to_string_lossy()),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    v.sort();
    v
}

fn bench(c: &mut Criterion) {
    let mixed = varied();
    let mut inputs = Vec::new();
    let mut total = 0;
    let mut round = 0;
    while total < 5 * 1024 * 1024 {
        for (name, bytes) in &mixed {
            total += bytes.len();
            let name = format!("{round}-{}", name.replace('/', "_"));
            inputs.push(Input::new(name, bytes.clone()));
        }
        round += 1;
    }
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function(format!("varied_{}_files_5MB", mixed.len()), |b| {
        b.iter(|| build(inputs.clone()))
    });
    g.finish();

    let seeds = seeds();
    let mut inputs = Vec::new();
    let mut total = 0;
    let mut round = 0;
    while total < 5 * 1024 * 1024 {
        for (name, bytes) in &seeds {
            total += bytes.len();
            inputs.push(Input::new(format!("{round}-{name}"), bytes.clone()));
        }
        round += 1;
    }
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("corpus_5MB", |b| b.iter(|| build(inputs.clone())));
    g.finish();
    // the same articles as web pages: a template of our own with the furniture news sites
    // carry (menu, header, JSON-LD, share bar, link lists, footer), so the HTML reader's cost
    // shows beside the text's
    let mut pages = Vec::new();
    let mut page_bytes = 0;
    for (i, input) in inputs.iter().enumerate() {
        let html = as_page(&String::from_utf8_lossy(&input.bytes), i);
        page_bytes += html.len();
        pages.push(Input::new(format!("{i}.html"), html.into_bytes()));
    }
    let mut g = c.benchmark_group("extract_html");
    g.throughput(Throughput::Bytes(page_bytes as u64));
    g.sample_size(10);
    g.bench_function("pages", |b| b.iter(|| build(pages.clone())));
    g.finish();
}

/// An article as a news site's page would carry it.
fn as_page(text: &str, i: usize) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = esc(lines.next().unwrap_or("Untitled"));
    let body: String = lines.map(|l| format!("<p>{}</p>\n", esc(l))).collect();
    let links: String = (0..12)
        .map(|k| {
            format!(
                "<li><a href=\"/story/{k}\">Another story about the region, number {k}</a></li>"
            )
        })
        .collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title} | Example News</title>\
         <meta property=\"og:title\" content=\"{title}\"><meta property=\"og:site_name\" content=\"Example News\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"story {i}\",\"datePublished\":\"2024-08-10\"}}</script>\
         <style>body{{margin:0}}</style></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> \
         <a href=\"/politics\">Politics</a></nav></header><main><article><h1>{title}</h1><div class=\"share\">0 shares</div>\
         {body}</article><aside><h2>Most read</h2><ul>{links}</ul></aside></main>\
         <footer><p>© 2024 Example News. All rights reserved.</p></footer><script>var x = 1;</script></body></html>"
    )
}

/// A hostile text of about `size` bytes: words drawn (deterministically) from `words`.
fn hostile(words: &[&str], size: usize) -> Vec<u8> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut out = String::with_capacity(size + 32);
    while out.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(words[(state % words.len() as u64) as usize]);
        out.push(' ');
    }
    out.into_bytes()
}

const FAMILIES: &[(&str, &[&str])] = &[
    (
        "date_fragments",
        &[
            "August", "12", "to", "14", "through", "2024", "last", "Friday", "mid-", "1950", "and",
            "June", "3,", "early", "between",
        ],
    ),
    (
        "capitalised_runs",
        &[
            "Kim", "Jong", "Un", "Vladimir", "Putin", "Sergei", "Shoigu", "North", "Korea",
            "Moscow", "The", "Ministry", "Of", "Defense", "Mr", "General",
        ],
    ),
    (
        "acronyms",
        &[
            "Korean", "People's", "Army", "(KPA)", "KPA", "the", "Workers'", "Party", "(WPK)",
            "WPK",
        ],
    ),
    (
        "weekdays_without_stops",
        &[
            "officials",
            "will",
            "meet",
            "on",
            "Friday",
            "and",
            "Tuesday",
            "said",
            "the",
            "minister",
        ],
    ),
];

fn hostile_bench(c: &mut Criterion) {
    let run = |bytes: &[u8]| build(vec![Input::new("hostile.txt", bytes.to_vec())]);
    let median = |bytes: &[u8]| {
        let mut t: Vec<f64> = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(run(bytes));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[2]
    };
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    for (name, words) in FAMILIES {
        let sizes = [115_000, 230_000, 460_000];
        let times: Vec<f64> = sizes.iter().map(|&n| median(&hostile(words, n))).collect();
        eprintln!(
            "{name}: {:.1} ms, {:.1} ms (x{:.2}), {:.1} ms (x{:.2}) for 115, 230 and 460 KB",
            times[0],
            times[1],
            times[1] / times[0],
            times[2],
            times[2] / times[1]
        );
        let big = hostile(words, 460_000);
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function(format!("{name}_460KB"), |b| b.iter(|| run(&big)));
    }
    g.finish();
}

criterion_group!(benches, bench, hostile_bench);
criterion_main!(benches);
