//! `dossier`: the command-line front end of the engine crates (extract, corpus, eval).
//!   dossier extract PATH...   files, folders (their text, page, Markdown, feed, .docx, .eml and
//!                             .pdf files) or `-` for stdin; a feed gives one article an item;
//!                             prints one JSON array in the annotation format, linked across inputs
//!                             (`--corrections LOG.json`: replays a corrections log the page
//!                             exported, and prints what did not anchor)
//!   dossier score GOLD SYSTEM [--docs DIR]
//!                             scores SYSTEM JSON against a GOLD folder (the metrics of score.py)
//!   dossier stage PATH... [--out FILE]
//!                             extracts without linking, one staged document a line (JSON Lines):
//!                             a pure map step, so parts can be staged anywhere and joined
//!   dossier build PATH... --out DIR
//!   dossier build --staged FILE... --out DIR
//!                             writes the static corpus (DIR/corpus/) that the page built by
//!                             trunk into DIR explores without holding it in memory
mod site;
use dossier_corpus::corrections::{self, Log};
use dossier_corpus::format::json;
use dossier_eval::{build_noted, score};
use dossier_model::Input;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:\n  dossier extract [--corrections LOG.json] PATH...      (files, folders, or - for standard input)\n  dossier score GOLD SYSTEM [--docs DIR]\n  dossier stage PATH... [--out FILE]                    (staged JSON Lines)\n  dossier build PATH... --out DIR                       (a static corpus in DIR/corpus/)\n  dossier build --staged FILE... --out DIR";

/// The file endings read from a folder.
const READ: &[&str] = &[
    "txt", "text", "html", "htm", "md", "markdown", "xml", "rss", "atom", "rdf", "docx", "eml",
    "pdf",
];

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if p.is_file() && READ.contains(&ext.as_str()) {
                out.push(p);
            }
        }
        Ok(())
    } else {
        out.push(path.to_path_buf());
        Ok(())
    }
}

fn extract(args: &[String]) -> ExitCode {
    if args.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut inputs = Vec::new();
    let mut log = None;
    let mut it = args.iter();
    let mut paths_given = Vec::new();
    while let Some(a) = it.next() {
        if a == "--corrections" {
            let Some(file) = it.next() else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            match std::fs::read_to_string(file)
                .map_err(|e| e.to_string())
                .and_then(|t| Log::from_json(&t))
            {
                Ok(l) => log = Some(l),
                Err(e) => {
                    eprintln!("dossier: {file}: {e}");
                    return ExitCode::from(1);
                }
            }
        } else {
            paths_given.push(a);
        }
    }
    for a in paths_given {
        if a == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => inputs.push(Input::new("stdin", buf)),
                Err(e) => {
                    eprintln!("dossier: stdin: cannot read: {e}");
                    failed = true;
                }
            }
            continue;
        }
        let mut paths = Vec::new();
        if let Err(e) = collect(Path::new(a), &mut paths) {
            eprintln!("dossier: {a}: cannot read: {e}");
            failed = true;
            continue;
        }
        for p in paths {
            match std::fs::read(&p) {
                Ok(bytes) => {
                    let name = p.file_name().map_or_else(
                        || p.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    inputs.push(Input::new(name, bytes));
                }
                Err(e) => {
                    eprintln!("dossier: {}: cannot read: {e}", p.display());
                    failed = true;
                }
            }
        }
    }
    let (mut corpus, rejected, notes) = build_noted(inputs);
    if let Some(log) = &log {
        let out = corrections::apply(&mut corpus, log.active(), None);
        for o in &out {
            if let Some(why) = &o.orphan {
                eprintln!("dossier: correction {} does not apply: {why}", o.id);
            }
        }
    }
    for n in &notes {
        eprintln!("dossier: {n}");
    }
    for r in &rejected {
        eprintln!("dossier: {}: skipped: {}", r.name, r.error);
        failed = true;
    }
    let out = json::corpus_json(&corpus);
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{out}").is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn load(path: &Path) -> Result<Vec<serde_json::Value>, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    if path.is_dir() {
        let mut files = Vec::new();
        collect_json(path, &mut files).map_err(|e| e.to_string())?;
        files
            .iter()
            .map(|p| serde_json::from_str(&read(p)?).map_err(|e| format!("{}: {e}", p.display())))
            .collect()
    } else {
        let text = read(path)?;
        let t = text.trim_start();
        if t.starts_with('[') {
            serde_json::from_str(t).map_err(|e| e.to_string())
        } else {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
                .collect()
        }
    }
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    out.extend(v);
    Ok(())
}

fn score_cmd(args: &[String]) -> ExitCode {
    let mut docs = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--docs" {
            docs = it.next().cloned();
        } else {
            rest.push(a.clone());
        }
    }
    if rest.len() != 2 {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (gold, system) = match (load(Path::new(&rest[0])), load(Path::new(&rest[1]))) {
        (Ok(g), Ok(s)) => (g, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let raw = |name: &str| {
        docs.as_ref()
            .and_then(|d| std::fs::read(Path::new(d).join(name)).ok())
    };
    let report = score::score(&gold, &system, &raw);
    print!("{}", report.table());
    if std::env::var_os("DOSSIER_SCORE_ERRORS").is_some() {
        for e in &report.errors {
            println!("  {e}");
        }
    }
    ExitCode::SUCCESS
}

/// The files named (folders give their readable files, sorted by name).
fn paths_of(args: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for a in args {
        collect(Path::new(a), &mut out).map_err(|e| format!("{a}: cannot read: {e}"))?;
    }
    Ok(out)
}

/// `--out X` taken out of the arguments.
fn take_out(args: &[String]) -> (Option<PathBuf>, Vec<String>, bool) {
    let mut out = None;
    let mut rest = Vec::new();
    let mut staged = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from),
            "--staged" => staged = true,
            _ => rest.push(a.clone()),
        }
    }
    (out, rest, staged)
}

fn stage_cmd(args: &[String]) -> ExitCode {
    let (out, rest, _) = take_out(args);
    if rest.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let paths = match paths_of(&rest) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let result = match &out {
        Some(file) => std::fs::File::create(file)
            .and_then(|f| site::stage(&paths, &mut std::io::BufWriter::new(f))),
        None => site::stage(
            &paths,
            &mut std::io::BufWriter::new(std::io::stdout().lock()),
        ),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dossier: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}

fn build_cmd(args: &[String]) -> ExitCode {
    let (out, rest, staged) = take_out(args);
    let (Some(out), false) = (out, rest.is_empty()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    let result = if staged {
        let files: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
        site::build(&files, &out).map(|r| (r, true))
    } else {
        paths_of(&rest).and_then(|paths| site::build_inputs(&paths, &out))
    };
    match result {
        Ok((report, ok)) => {
            eprintln!(
                "dossier: wrote {}/corpus in {:.1} s: {}",
                out.display(),
                started.elapsed().as_secs_f64(),
                site::describe(&report)
            );
            match site::declare(&out) {
                Ok(true) => {}
                Ok(false) => eprintln!("dossier: {} has no index.html: build the page into it first (`trunk build --release --dist {}`), then run this again", out.display(), out.display()),
                Err(e) => {
                    eprintln!("dossier: {}/index.html: {e}", out.display());
                    return ExitCode::from(1);
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => extract(&args[1..]),
        Some("score") => score_cmd(&args[1..]),
        Some("stage") => stage_cmd(&args[1..]),
        Some("build") => build_cmd(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
