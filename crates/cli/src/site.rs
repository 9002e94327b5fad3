//! `dossier stage` and `dossier build`: the static corpus's I/O. Staging is a pure map, an
//! input at a time, to JSON Lines (one staged document a line, inputs in the order given, so
//! parts staged apart and joined give the bytes of one run); building streams the staged
//! lines three times through `dossier_corpus::shard::write`, parsing each batch on every core
//! (rayon) and reading the last pass in date order by the lines' offsets.
use dossier_corpus::shard::write::{Build, Report, Sink};
use dossier_corpus::Staged;
use dossier_model::Input;
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Inputs staged (and parsed back) at a time: bounds what is held in memory.
const BATCH: usize = 1024;

/// Stages `paths` to `out` as JSON Lines; returns whether every input was read.
pub fn stage(paths: &[PathBuf], out: &mut dyn Write) -> std::io::Result<bool> {
    let mut ok = true;
    for chunk in paths.chunks(BATCH) {
        let staged: Vec<(Vec<u8>, Vec<String>, bool)> = chunk
            .par_iter()
            .map(|p| {
                let name = p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let bytes = match std::fs::read(p) {
                    Ok(b) => b,
                    Err(e) => {
                        return (
                            Vec::new(),
                            vec![format!("{}: cannot read: {e}", p.display())],
                            false,
                        )
                    }
                };
                let batch = dossier_eval::stage(Input::new(name, bytes));
                let mut lines = Vec::new();
                for s in &batch.staged {
                    if serde_json::to_writer(&mut lines, s).is_ok() {
                        lines.push(b'\n');
                    }
                }
                let mut said = batch.notes;
                said.extend(
                    batch
                        .rejected
                        .iter()
                        .map(|r| format!("{}: skipped: {}", r.name, r.error)),
                );
                (lines, said, batch.rejected.is_empty())
            })
            .collect();
        for (lines, said, good) in staged {
            out.write_all(&lines)?;
            for s in said {
                eprintln!("dossier: {s}");
            }
            ok &= good;
        }
    }
    out.flush()?;
    Ok(ok)
}

/// Where each staged line is: file, offset, length.
type Place = (usize, u64, usize);

/// Reads every line of the staged files in order, in batches parsed in parallel.
fn each_batch(
    files: &[PathBuf],
    mut places: Option<&mut Vec<Place>>,
    mut f: impl FnMut(Vec<Staged>),
) -> Result<(), String> {
    for (fi, path) in files.iter().enumerate() {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut r = BufReader::with_capacity(1 << 20, file);
        let mut offset = 0u64;
        let mut lines: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
        loop {
            let mut line = Vec::new();
            let n = r
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            if n > 0 && line.iter().any(|b| !b.is_ascii_whitespace()) {
                if let Some(p) = places.as_deref_mut() {
                    p.push((fi, offset, n));
                }
                lines.push(line);
            }
            offset += n as u64;
            if lines.len() == BATCH || (n == 0 && !lines.is_empty()) {
                f(parse(&lines, path)?);
                lines.clear();
            }
            if n == 0 {
                break;
            }
        }
    }
    Ok(())
}

fn parse(lines: &[Vec<u8>], path: &Path) -> Result<Vec<Staged>, String> {
    lines
        .par_iter()
        .map(|l| {
            serde_json::from_slice(l).map_err(|e| {
                format!(
                    "{}: not a staged document (made by `dossier stage`): {e}",
                    path.display()
                )
            })
        })
        .collect()
}

/// Writes files under a folder, making the folders they need.
struct DirSink(PathBuf);

impl Sink for DirSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let p = self.0.join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(p, bytes)
    }
}

/// Builds the static corpus of staged files into `out/corpus/` (what was there is replaced).
pub fn build(staged: &[PathBuf], out: &Path) -> Result<Report, String> {
    let mut b = Build::new();
    let mut places = Vec::new();
    each_batch(staged, Some(&mut places), |batch| {
        for s in &batch {
            b.learn(s);
        }
    })?;
    each_batch(staged, None, |batch| {
        for s in &batch {
            b.link(s);
        }
    })?;
    let order = b.order();
    let mut w = b.writer();
    let corpus = out.join("corpus");
    if corpus.exists() {
        std::fs::remove_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    }
    let mut sink = DirSink(out.to_path_buf());
    let mut handles: Vec<Option<File>> = staged.iter().map(|_| None).collect();
    for chunk in order.chunks(BATCH) {
        let mut lines = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let (fi, offset, len) = places[i as usize];
            let path = &staged[fi];
            let io = |e: std::io::Error| format!("{}: {e}", path.display());
            if handles[fi].is_none() {
                handles[fi] = Some(File::open(path).map_err(io)?);
            }
            let Some(f) = handles[fi].as_mut() else {
                continue;
            };
            f.seek(SeekFrom::Start(offset)).map_err(io)?;
            let mut line = vec![0; len];
            f.read_exact(&mut line).map_err(io)?;
            lines.push(line);
        }
        let docs = parse(&lines, &staged[0])?;
        let prepared: Vec<_> = docs.par_iter().map(|s| w.prepare(s)).collect();
        for p in prepared {
            w.commit(p, &mut sink);
        }
    }
    w.finish(&mut sink)
}

/// Stages inputs into a file next to the output, builds from it, and removes it.
pub fn build_inputs(paths: &[PathBuf], out: &Path) -> Result<(Report, bool), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let tmp = out.join(".dossier-staged.jsonl");
    let ok = {
        let f = File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        let mut w = BufWriter::new(f);
        stage(paths, &mut w).map_err(|e| format!("{}: {e}", tmp.display()))?
    };
    let r = build(std::slice::from_ref(&tmp), out);
    let _ = std::fs::remove_file(&tmp);
    r.map(|r| (r, ok))
}

/// The build's report, for people.
pub fn describe(r: &Report) -> String {
    let folders: Vec<String> = r
        .per_folder
        .iter()
        .map(|(f, n)| format!("{f}/ {n}"))
        .collect();
    format!(
        "{} articles, {} entities; {} files ({}), {:.1} MB in all, root {:.1} KB; largest file {:.1} KiB, {} over 64 KiB, {} under 24 KiB",
        r.articles,
        r.entities,
        r.files,
        folders.join(", "),
        r.bytes as f64 / 1e6,
        r.root_bytes as f64 / 1e3,
        r.largest as f64 / 1024.0,
        r.over,
        r.small
    )
}

/// The tag by which the page knows its site holds a static corpus.
const DECLARE: &str = "<meta name=\"dossier-corpus\" content=\"corpus/root.bin\" />";

/// Declares the corpus in the site's `index.html` (once); `false` if there is none.
pub fn declare(out: &Path) -> std::io::Result<bool> {
    let index = out.join("index.html");
    if !index.exists() {
        return Ok(false);
    }
    let html = std::fs::read_to_string(&index)?;
    if html.contains("name=\"dossier-corpus\"") {
        return Ok(true);
    }
    let Some(at) = html.find("</head>") else {
        return Err(std::io::Error::other(
            "it has no </head> to declare the corpus in",
        ));
    };
    std::fs::write(&index, format!("{}{DECLARE}\n{}", &html[..at], &html[at..]))?;
    Ok(true)
}
