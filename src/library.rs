//! The reader's own articles: adding them (files, drops, pasted text) through a pool of
//! extraction workers, one a core, with progress and cancel, keeping them in IndexedDB (`store`), deleting them with an
//! undo, and linking them with the bundled seeds into the corpus the explorer shows. Every file
//! that cannot be added gets a message naming it and the reason; the others go on.
use crate::state::{timed, Data, Explorer};
use crate::store::{self, Stored};
use dossier_corpus::corrections::{self, content_hash, describe, Log, Op, Outcome};
use dossier_corpus::index::IndexBuilder;
use dossier_corpus::link::Linker;
use dossier_corpus::Corpus;
use dossier_model::protocol::Reply;
use dossier_model::Staged;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the "Your articles" panel is open (shared by the header and the drop handler).
#[derive(Clone, Copy)]
pub struct LibraryOpen(pub RwSignal<bool>);

/// Largest text file a reader can add, in bytes (said in the UI).
pub const MAX_FILE_BYTES: f64 = 10.0 * 1024.0 * 1024.0;
/// Largest Word document, mail or PDF (an attachment may make a mail large): the extractor's
/// own limit (`dossier_extract::MAX_INPUT_BYTES`).
pub const MAX_CONTAINER_BYTES: f64 = 64.0 * 1024.0 * 1024.0;
/// Articles linked or indexed between two frames.
const SLICE: usize = 500;
/// Articles written to IndexedDB in one transaction.
const STORE_BATCH: usize = 200;

/// Lets the browser draw and handle input before the work goes on (a macrotask).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Most files an import names one by one when they are added (problems are always named).
const MAX_LISTED: usize = 50;
/// File endings the picker offers and the importer reads.
pub const ACCEPTED: &str =
    ".txt,.text,.html,.htm,.md,.markdown,.xml,.rss,.atom,.rdf,.docx,.eml,.pdf";
/// Endings of the files that hold articles rather than being one (opened in the worker); they
/// may be as large as the extractor takes, since what is kept is the articles read out of them.
const CONTAINERS: &[&str] = &["docx", "eml", "pdf"];

/// A message about one file or about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub file: String,
    pub text: String,
    pub level: Level,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Added,
    Warning,
    Error,
}

/// Progress of the import under way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files (or pasted texts) handed in, read, and refused.
    pub total: usize,
    pub done: usize,
    pub failed: usize,
    /// Articles added: one a file, or each one a feed, Word file, mail or PDF held.
    pub articles: usize,
    pub running: bool,
}

/// An article the reader added, as kept and as extracted.
#[derive(Clone, Debug)]
struct Added {
    stored: Stored,
    staged: Staged,
    /// The request that read it: articles keep the order they were handed over in, whichever
    /// worker answers first.
    seq: u32,
}

/// A request waiting for a worker's answer.
struct Pending {
    stored: Stored,
    /// True for articles loaded back from storage (not announced, not stored again).
    restoring: bool,
    /// The worker it went to, and its size in bytes (that worker's load until it answers).
    reader: usize,
    size: f64,
}

/// One extraction worker of the pool: the requests waiting for it to start, and the bytes
/// handed to it that it has not answered yet.
struct Reader {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Request>,
    load: f64,
}

/// A message for an extraction worker, with the buffer it moves there, if any.
struct Request {
    req: JsValue,
    transfer: Option<js_sys::ArrayBuffer>,
}

impl Request {
    fn post(self, to: &web_sys::Worker) {
        let _ = match self.transfer {
            Some(b) => to.post_message_with_transfer(&self.req, &js_sys::Array::of1(&b)),
            None => to.post_message(&self.req),
        };
    }
}

/// Most extraction workers an import spreads over (each holds its own extractor).
const MAX_READERS: usize = 8;
/// Most files, and bytes, handed to a worker in one request.
const BATCH_FILES: usize = 64;
const BATCH_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// How many extraction workers to use: one a core the browser reports, within 1..=8.
fn pool_size() -> usize {
    let cores = window().navigator().hardware_concurrency();
    (cores as usize).clamp(1, MAX_READERS)
}

/// What the last import's extraction took: bytes read, milliseconds of extraction summed over
/// the workers, milliseconds from the first file handed over to the last answer, and workers
/// used.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Extraction {
    pub bytes: usize,
    pub worker_ms: f64,
    pub wall_ms: f64,
    pub workers: usize,
    /// Milliseconds the files waited for their reads, summed (reads overlap, so this is a wait,
    /// not a cost), and milliseconds the page spent taking the answers (reading the JSON and
    /// keeping the articles).
    pub read_ms: f64,
    pub page_ms: f64,
}

/// The library's state, shared by context (its signals are `Copy`).
#[derive(Clone, Copy)]
pub struct Library {
    pub progress: RwSignal<Progress>,
    pub notes: RwSignal<Vec<Note>>,
    /// What storage says (unavailable, full), if anything.
    pub storage: RwSignal<Option<String>>,
    /// The reader's articles: (name, title shown) in the order added.
    pub articles: RwSignal<Vec<(String, String)>>,
    /// The articles deleted last, for the undo.
    pub undo: RwSignal<Vec<String>>,
    /// Extraction speed of the last import.
    pub extraction: RwSignal<Extraction>,
    /// When the import under way began (`performance.now()`).
    started: StoredValue<f64>,
    /// Linking and indexing under way: articles done of all.
    pub indexing: RwSignal<Option<(usize, usize)>>,
    /// The analyst's corrections, and what replaying each did (in the log's order).
    pub log: RwSignal<Log>,
    pub outcomes: RwSignal<Vec<Outcome>>,
    /// The last correction made or undone, in words (for the undo notice).
    pub last: RwSignal<Option<String>>,
    /// Whether the browser agreed to keep this site's storage (`navigator.storage.persist()`).
    pub persisted: RwSignal<Option<bool>>,
    /// The corpus as linked, before corrections, and its articles' content hashes.
    base: StoredValue<Option<Arc<Corpus>>>,
    hashes: StoredValue<Option<Arc<Vec<String>>>>,
    /// Articles added but not yet written to IndexedDB (written in batches).
    to_store: StoredValue<Vec<Stored>>,
    /// Bumped by each relink, so an older one still running stops.
    generation: StoredValue<u64>,
    seeds: StoredValue<Vec<Staged>>,
    added: StoredValue<Vec<Added>>,
    deleted: StoredValue<Vec<Added>>,
    pending: StoredValue<HashMap<u32, Pending>, LocalStorage>,
    next_id: StoredValue<u32>,
    readers: StoredValue<Vec<Reader>, LocalStorage>,
    db: StoredValue<Option<web_sys::IdbDatabase>, LocalStorage>,
    ex: Explorer,
}

/// Milliseconds since the page opened.
fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

impl Library {
    /// Creates the library over the bundled seeds, and loads the reader's kept articles.
    pub fn new(ex: Explorer, seeds: Vec<Staged>) -> Library {
        let lib = Library {
            progress: RwSignal::new(Progress::default()),
            notes: RwSignal::new(Vec::new()),
            storage: RwSignal::new(None),
            articles: RwSignal::new(Vec::new()),
            undo: RwSignal::new(Vec::new()),
            extraction: RwSignal::new(Extraction::default()),
            started: StoredValue::new(0.0),
            indexing: RwSignal::new(None),
            log: RwSignal::new(Log::default()),
            outcomes: RwSignal::new(Vec::new()),
            last: RwSignal::new(None),
            persisted: RwSignal::new(None),
            base: StoredValue::new(None),
            hashes: StoredValue::new(None),
            to_store: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0),
            seeds: StoredValue::new(seeds),
            added: StoredValue::new(Vec::new()),
            deleted: StoredValue::new(Vec::new()),
            pending: StoredValue::new_local(HashMap::new()),
            next_id: StoredValue::new(1),
            readers: StoredValue::new_local(Vec::new()),
            db: StoredValue::new_local(None),
            ex,
        };
        leptos::task::spawn_local(async move {
            match store::open().await {
                Ok(db) => {
                    // the corrections first: the relink after the kept articles replays them
                    let log = match store::corrections(&db).await {
                        Ok(Some(json)) => match Log::from_json(&json) {
                            Ok(log) => log,
                            Err(e) => {
                                lib.storage.set(Some(format!(
                                    "The kept corrections could not be read: {e}."
                                )));
                                Log::default()
                            }
                        },
                        Ok(None) => Log::default(),
                        Err(e) => {
                            lib.storage.set(Some(e.to_string()));
                            Log::default()
                        }
                    };
                    let corrected = !log.entries.is_empty();
                    lib.log.set(log);
                    let kept = store::all(&db).await;
                    lib.db.set_value(Some(db));
                    match kept {
                        Ok(kept) if !kept.is_empty() => {
                            let jobs = kept.into_iter().map(|s| (s, true)).collect();
                            lib.submit(jobs);
                        }
                        Ok(_) if corrected => lib.relink(),
                        Ok(_) => {}
                        Err(e) => lib.storage.set(Some(e.to_string())),
                    }
                }
                Err(e) => lib.storage.set(Some(e.to_string())),
            }
        });
        lib
    }

    fn names_in_use(&self) -> HashSet<String> {
        let mut names: HashSet<String> = self
            .seeds
            .with_value(|s| s.iter().map(|x| x.doc.name.clone()).collect());
        self.added
            .with_value(|a| names.extend(a.iter().map(|x| x.stored.name.clone())));
        self.pending
            .with_value(|p| names.extend(p.values().map(|x| x.stored.name.clone())));
        names
    }

    /// A file name no other article has (`report.txt`, `report (2).txt`).
    fn unique_name(&self, name: &str, taken: &mut HashSet<String>) -> String {
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_control() || c == '/' || c == '\\' {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let clean = if clean.trim().is_empty() {
            "untitled.txt".to_string()
        } else {
            clean
        };
        let (stem, ext) = match clean.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
            _ => (clean.clone(), String::new()),
        };
        let mut candidate = clean.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{stem} ({n}){ext}");
            n += 1;
        }
        taken.insert(candidate.clone());
        candidate
    }

    fn note(&self, file: &str, text: impl Into<String>, level: Level) {
        self.notes.update(|n| {
            n.push(Note {
                file: file.to_string(),
                text: text.into(),
                level,
            })
        });
    }

    /// Adds files (from the picker or a drop): too large or wrongly named ones are refused at
    /// once; the others are read and extracted in the worker.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        self.notes.set(Vec::new());
        let mut taken = self.names_in_use();
        let mut jobs = Vec::new();
        for f in files {
            let raw_name = f.name();
            let ext = raw_name
                .rsplit_once('.')
                .map(|(_, e)| e.to_ascii_lowercase())
                .unwrap_or_default();
            if !ACCEPTED.split(',').any(|a| a == format!(".{ext}")) {
                self.note(
                    &raw_name,
                    "not added: Dossier reads text (.txt), web pages (.html, .htm), Markdown \
                     (.md), feeds (.xml, .rss, .atom), Word (.docx), mail (.eml) and PDF files",
                    Level::Error,
                );
                continue;
            }
            let limit = if CONTAINERS.contains(&ext.as_str()) {
                MAX_CONTAINER_BYTES
            } else {
                MAX_FILE_BYTES
            };
            if f.size() > limit {
                self.note(
                    &raw_name,
                    format!(
                        "not added: the file is too large ({:.1} MB; the limit is {} MB)",
                        f.size() / 1_048_576.0,
                        limit / 1_048_576.0
                    ),
                    Level::Error,
                );
                continue;
            }
            let name = self.unique_name(&raw_name, &mut taken);
            let stored = Stored {
                name,
                title: None,
                source: None,
                added: now_iso(),
                bytes: Vec::new(),
            };
            jobs.push((stored, f));
        }
        self.start(jobs.len());
        // files go in batches, each read in one go: a read is a round trip to the browser's
        // file store, which cost more than extracting a short article; a batch is at most
        // BATCH_FILES files, and few files are still spread over every worker
        let per = jobs.len().div_ceil(pool_size()).clamp(1, BATCH_FILES);
        let mut jobs = jobs.into_iter().peekable();
        while jobs.peek().is_some() {
            let mut batch = Vec::new();
            let mut bytes = 0.0;
            while let Some((_, f)) = jobs.peek() {
                if !batch.is_empty() && (batch.len() >= per || bytes + f.size() > BATCH_BYTES) {
                    break;
                }
                bytes += f.size();
                batch.extend(jobs.next());
            }
            self.send_files(batch);
        }
        self.finish_if_idle();
    }

    /// Adds pasted text with an optional title and source; `html` when it was pasted as HTML
    /// (from a web page), which is kept as HTML so the page's furniture is cleaned out.
    pub fn add_text(&self, text: String, title: String, source: String, html: bool) {
        self.notes.set(Vec::new());
        if text.trim().is_empty() {
            self.note(
                "Pasted text",
                "not added: there is no text to read",
                Level::Error,
            );
            return;
        }
        let title = title.trim().to_string();
        let ext = if html { "html" } else { "txt" };
        let base = if title.is_empty() {
            format!("pasted article.{ext}")
        } else {
            format!("{}.{ext}", title.chars().take(60).collect::<String>())
        };
        let mut taken = self.names_in_use();
        let stored = Stored {
            name: self.unique_name(&base, &mut taken),
            title: (!title.is_empty()).then_some(title),
            source: Some(source.trim().to_string()).filter(|s| !s.is_empty()),
            added: now_iso(),
            bytes: text.into_bytes(),
        };
        self.submit(vec![(stored, false)]);
    }

    /// Sends kept or pasted articles (with their bytes) to the worker. Articles restored from
    /// IndexedDB at start-up are not an import: they do not count in the progress bar.
    fn submit(&self, jobs: Vec<(Stored, bool)>) {
        self.start(jobs.iter().filter(|(_, restoring)| !restoring).count());
        for (stored, restoring) in jobs {
            let size = stored.bytes.len() as f64;
            let bytes = js_sys::Uint8Array::from(stored.bytes.as_slice());
            // the copy is handed over, not cloned again
            let transfer = Some(bytes.buffer());
            self.send(stored, restoring, ("bytes", bytes.into()), size, transfer);
        }
    }

    /// Hands files to the least loaded worker as one request, `{batch, items}`: the files joined
    /// in one blob, and each file's id, name and place in it. Each waits in `pending` under its
    /// own id until the worker answers for it.
    fn send_files(&self, batch: Vec<(Stored, web_sys::File)>) {
        let files = js_sys::Array::new();
        let items = js_sys::Array::new();
        let mut ids = Vec::with_capacity(batch.len());
        let mut at = 0.0;
        for (stored, file) in &batch {
            let id = self.next_id.get_value();
            self.next_id.set_value(id + 1);
            ids.push(id);
            let end = at + file.size();
            items.push(&obj(&[
                ("id", id.into()),
                ("name", stored.name.as_str().into()),
                ("start", at.into()),
                ("end", end.into()),
                ("file", file.into()),
            ]));
            files.push(file);
            at = end;
        }
        let Ok(blob) = web_sys::Blob::new_with_blob_sequence(&files) else {
            for (stored, _) in &batch {
                self.note(
                    &stored.name,
                    "not added: the browser could not hand the file over",
                    Level::Error,
                );
            }
            self.failed(batch.len());
            return;
        };
        let req = obj(&[("batch", blob.into()), ("items", items.into())]);
        let Some(reader) = self.post(
            Request {
                req,
                transfer: None,
            },
            at,
        ) else {
            self.failed(batch.len());
            return;
        };
        self.pending.update_value(|p| {
            for ((stored, file), id) in batch.into_iter().zip(ids) {
                let size = file.size();
                p.insert(
                    id,
                    Pending {
                        stored,
                        restoring: false,
                        reader,
                        size,
                    },
                );
            }
        });
    }

    /// Hands one article (`size` bytes) to the least loaded worker under a fresh id: `payload`
    /// is its `file` (read in the worker) or its `bytes`; it waits in `pending` until the
    /// worker answers. `transfer` is a buffer the request moves to the worker instead of copying.
    fn send(
        &self,
        stored: Stored,
        restoring: bool,
        payload: (&str, JsValue),
        size: f64,
        transfer: Option<js_sys::ArrayBuffer>,
    ) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        let req = obj(&[
            ("id", id.into()),
            ("name", stored.name.as_str().into()),
            ("title", text(&stored.title)),
            ("source", text(&stored.source)),
            payload,
        ]);
        let Some(reader) = self.post(Request { req, transfer }, size) else {
            if !restoring {
                self.failed(1);
            }
            return;
        };
        self.pending.update_value(|p| {
            p.insert(
                id,
                Pending {
                    stored,
                    restoring,
                    reader,
                    size,
                },
            );
        });
    }

    /// Counts `n` files of the import as read and not added.
    fn failed(&self, n: usize) {
        self.progress.update(|p| {
            p.done += n;
            p.failed += n;
        });
    }

    fn start(&self, n: usize) {
        self.progress.update(|p| {
            if !p.running {
                *p = Progress::default();
                self.extraction.set(Extraction::default());
                self.started.set_value(now_ms());
            }
            p.total += n;
            p.running = p.total > p.done;
        });
    }

    /// Posts a request of `size` bytes to the least loaded worker, starting another while the
    /// pool has room and every worker is busy (requests wait for their worker to be ready).
    /// Returns the worker's place in the pool, or `None` when none could be started.
    fn post(&self, req: Request, size: f64) -> Option<usize> {
        let (count, least) = self.readers.with_value(|rs| {
            let least = rs
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.load.total_cmp(&b.1.load))
                .map(|(i, r)| (i, r.load));
            (rs.len(), least)
        });
        let i = match least {
            Some((i, load)) if load == 0.0 || count >= pool_size() => i,
            _ => match self.start_reader() {
                Some(i) => i,
                None => least?.0,
            },
        };
        self.readers.update_value(|rs| {
            let r = &mut rs[i];
            r.load += size;
            if r.ready {
                req.post(&r.worker);
            } else {
                r.queue.push(req);
            }
        });
        Some(i)
    }

    /// Starts one more extraction worker; returns its place in the pool.
    fn start_reader(&self) -> Option<usize> {
        let i = self.readers.with_value(Vec::len);
        let worker = self.spawn_reader(i)?;
        self.readers.update_value(|rs| {
            rs.push(Reader {
                worker,
                ready: false,
                queue: Vec::new(),
                load: 0.0,
            })
        });
        Some(i)
    }

    /// A new extraction worker for place `i` of the pool, listened to.
    fn spawn_reader(&self, i: usize) -> Option<web_sys::Worker> {
        let worker = match web_sys::Worker::new("./dossier-worker_loader.js") {
            Ok(w) => w,
            Err(_) => {
                self.note("", "The browser could not start Dossier's background reader: articles cannot be added.", Level::Error);
                return None;
            }
        };
        let lib = *self;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let t = now_ms();
                // UTF-8 JSON in a buffer the worker moved here
                let Some(reply) = ev
                    .data()
                    .dyn_ref::<js_sys::Uint8Array>()
                    .and_then(|a| serde_json::from_slice::<Reply>(&a.to_vec()).ok())
                else {
                    return;
                };
                lib.on_reply(i, reply);
                let spent = now_ms() - t;
                lib.extraction.update(|x| x.page_ms += spent);
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let lib = *self;
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                lib.reader_failed(i, ev.message());
            });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Some(worker)
    }

    /// Worker `i` stopped (the extractor failed on a file): the files it held fail, each with
    /// the reason, a fresh worker takes its place, and the other workers go on.
    fn reader_failed(&self, i: usize, why: String) {
        let mut lost = Vec::new();
        self.pending.update_value(|p| {
            lost.extend(p.extract_if(|_, x| x.reader == i).map(|(_, x)| x));
        });
        for x in &lost {
            if !x.restoring {
                self.note(
                    &x.stored.name,
                    format!(
                        "not added: Dossier's background reader stopped on it or beside it ({why})"
                    ),
                    Level::Error,
                );
                self.failed(1);
            }
        }
        let fresh = self.spawn_reader(i);
        self.readers.update_value(|rs| {
            if let Some(r) = rs.get_mut(i) {
                r.worker.terminate();
                match fresh {
                    Some(w) => {
                        *r = Reader {
                            worker: w,
                            ready: false,
                            queue: Vec::new(),
                            load: 0.0,
                        }
                    }
                    // no worker could be started: none takes this place's work
                    None => r.load = f64::INFINITY,
                }
            }
        });
        self.finish_if_idle();
    }

    /// What worker `from` of the pool answered.
    fn on_reply(&self, from: usize, reply: Reply) {
        match reply {
            Reply::Ready => self.readers.update_value(|rs| {
                if let Some(r) = rs.get_mut(from) {
                    r.ready = true;
                    for req in r.queue.drain(..) {
                        req.post(&r.worker);
                    }
                }
            }),
            Reply::Done {
                id,
                result,
                notes,
                bytes,
                ms,
                read_ms,
            } => {
                let Some(pending) = self.pending.try_update_value(|p| p.remove(&id)).flatten()
                else {
                    return; // cancelled
                };
                self.readers.update_value(|rs| {
                    if let Some(r) = rs.get_mut(pending.reader) {
                        r.load = (r.load - pending.size).max(0.0);
                    }
                });
                let (started, workers) =
                    (self.started.get_value(), self.readers.with_value(Vec::len));
                self.extraction.update(|x| {
                    x.bytes += bytes;
                    x.worker_ms += ms;
                    x.read_ms += read_ms;
                    x.wall_ms = now_ms() - started;
                    x.workers = workers;
                });
                let name = pending.stored.name.clone();
                if !pending.restoring {
                    for n in notes {
                        self.note(&name, n, Level::Warning);
                    }
                }
                match result {
                    Ok(docs) => {
                        // a container (a feed, a Word document, a mail, a PDF) gives articles
                        // named after it; each is kept as its own page, under a name of its own
                        let container = !(docs.len() == 1 && docs[0].doc.name == name);
                        // the names in use, gathered only for a container (for every reply it
                        // would cost an import time that grows with the square of its files)
                        let mut taken = if container {
                            self.names_in_use()
                        } else {
                            HashSet::new()
                        };
                        let count = docs.len();
                        for mut staged in docs {
                            let mut stored = pending.stored.clone();
                            if container {
                                stored.name = self.unique_name(&staged.doc.name, &mut taken);
                                staged.doc.name = stored.name.clone();
                                stored.bytes = Vec::new();
                                if count > 1 {
                                    stored.title = None;
                                }
                            }
                            self.keep(stored, staged, pending.restoring, container, id);
                        }
                        if container && !pending.restoring {
                            let what = if count == 1 { "article" } else { "articles" };
                            self.note(
                                &name,
                                format!("opened: {count} {what} read out of it"),
                                Level::Added,
                            );
                        }
                        if !pending.restoring {
                            self.progress.update(|p| p.done += 1);
                        }
                    }
                    Err(reason) => {
                        self.note(&name, format!("not added: {reason}"), Level::Error);
                        if !pending.restoring {
                            self.failed(1);
                        }
                    }
                }
                self.finish_if_idle();
            }
        }
    }

    /// Adds one extracted article to the library and, unless it was restored from storage,
    /// announces it and queues it to be kept (with the bytes it was read from).
    fn keep(&self, mut stored: Stored, staged: Staged, restoring: bool, quiet: bool, seq: u32) {
        if stored.bytes.is_empty() {
            // read in the worker from a file, or out of a container: keep what the text says
            stored.bytes = staged
                .doc
                .html
                .as_ref()
                .map_or(staged.doc.text.as_bytes(), |h| h.raw.as_bytes())
                .to_vec();
        }
        if !restoring {
            // each file is named when few are added; a big import lists only its problems and
            // counts the rest
            let few = self.progress.with_untracked(|p| p.total <= MAX_LISTED);
            match markup_notice(&staged.doc.text) {
                Some(w) => self.note(&stored.name, format!("added; it {w}"), Level::Warning),
                None if few && !quiet => self.note(&stored.name, "added", Level::Added),
                None => {}
            }
            self.progress.update(|p| p.articles += 1);
            self.to_store.update_value(|t| t.push(stored.clone()));
            if self.to_store.with_value(Vec::len) >= STORE_BATCH {
                self.flush_store();
            }
        }
        self.added.update_value(|a| {
            let at = a.partition_point(|x| x.seq <= seq);
            a.insert(
                at,
                Added {
                    stored,
                    staged,
                    seq,
                },
            );
        });
    }

    /// When nothing is pending: keep what is left to keep, link the corpus again and show it.
    fn finish_if_idle(&self) {
        if self.pending.with_value(HashMap::is_empty) {
            self.progress.update(|p| p.running = false);
            self.flush_store();
            self.relink();
        }
    }

    /// Writes the articles waiting to be kept, in one transaction.
    fn flush_store(&self) {
        let batch = self
            .to_store
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if batch.is_empty() {
            return;
        }
        if let Some(db) = self.db.get_value() {
            let lib = *self;
            leptos::task::spawn_local(async move {
                if let Err(e) = store::put(&db, &batch).await {
                    lib.storage.set(Some(e.to_string()));
                }
            });
        }
    }

    /// Stops the import under way: what is done stays, the rest is dropped.
    pub fn cancel(&self) {
        for r in self
            .readers
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            r.worker.terminate();
        }
        let dropped = self
            .pending
            .try_update_value(std::mem::take)
            .map(|p| p.len())
            .unwrap_or(0);
        if dropped > 0 {
            self.note(
                "",
                format!("Cancelled: {dropped} file(s) were not added."),
                Level::Warning,
            );
        }
        self.progress.update(|p| p.running = false);
        self.relink();
    }

    /// Links the seeds and the reader's articles into the corpus the explorer shows, and indexes
    /// it: in slices of articles with the browser free to draw between them, so the page stays
    /// responsive while thousands are indexed. A newer relink stops an older one.
    fn relink(&self) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.articles.set(self.added.with_value(|a| {
            a.iter()
                .map(|x| (x.stored.name.clone(), x.staged.doc.display_title()))
                .collect()
        }));
        let lib = *self;
        leptos::task::spawn_local(async move {
            // timed as the performance measure `dossier-relink` (the browser benchmark reads it)
            let perf = window().performance();
            if let Some(p) = &perf {
                let _ = p.mark("dossier-relink-start");
            }
            let mut all = lib.seeds.get_value();
            lib.added
                .with_value(|a| all.extend(a.iter().map(|x| x.staged.clone())));
            let total = all.len();
            let current = move || lib.generation.get_value() == generation;
            let mut linker = Linker::new(&all);
            for (i, chunk) in all.chunks(SLICE).enumerate() {
                for s in chunk {
                    linker.add(s);
                }
                if total > SLICE {
                    lib.indexing
                        .set(Some((((i + 1) * SLICE / 2).min(total), total)));
                    yield_to_browser().await;
                    if !current() {
                        return;
                    }
                }
            }
            drop(all);
            let base = Arc::new(linker.finish());
            lib.base.set_value(Some(base.clone()));
            lib.hashes.set_value(None);
            lib.show(base, generation, perf).await;
        });
    }

    /// Replays the corrections over the linked corpus (a copy of it; none when there are no
    /// corrections) and indexes the result in slices, then shows it.
    async fn show(&self, base: Arc<Corpus>, generation: u64, perf: Option<web_sys::Performance>) {
        let lib = *self;
        let current = move || lib.generation.get_value() == generation;
        let total = base.docs.len();
        let log = lib.log.get_untracked();
        // the replay and the index after it, timed as `dossier-corrected` (the browser benchmark)
        let perf_all = window().performance();
        if let Some(p) = &perf_all {
            let _ = p.mark("dossier-corrected-start");
        }
        let corpus = if log.active().is_empty() {
            lib.outcomes.set(Vec::new());
            base
        } else {
            let hashes = lib.hashes_of(&base);
            let mut c = (*base).clone();
            let outcomes = timed("dossier-corrections-replay", || {
                corrections::apply(&mut c, log.active(), Some(&hashes))
            });
            lib.outcomes.set(outcomes);
            Arc::new(c)
        };
        let mut builder = IndexBuilder::new(&corpus);
        for d in 0..corpus.docs.len() {
            builder.add(&corpus, d);
            let done = d + 1;
            if total > SLICE && done % SLICE == 0 {
                // linking was the first half of the work, indexing is the second
                lib.indexing.set(Some((total / 2 + done / 2, total)));
                yield_to_browser().await;
                if !current() {
                    return;
                }
            }
        }
        let index = builder.finish();
        lib.indexing.set(None);
        lib.ex.set_data(Data::from_arc(corpus, index));
        if let (Some(p), false) = (&perf_all, log.active().is_empty()) {
            let _ = p.measure_with_start_mark("dossier-corrected", "dossier-corrected-start");
        }
        if let Some(p) = &perf {
            let _ = p.measure_with_start_mark("dossier-relink", "dossier-relink-start");
        }
    }

    /// Records corrections, keeps the log, and shows the corpus with them.
    pub fn correct(&self, ops: Vec<Op>) {
        if ops.is_empty() {
            return;
        }
        let labels: Vec<String> = self
            .ex
            .data
            .with_untracked(|d| ops.iter().map(|op| describe(&d.corpus, op)).collect());
        let at = now_iso();
        self.log.update(|l| {
            for (op, label) in ops.into_iter().zip(&labels) {
                l.push(op, label.clone(), at.clone());
            }
        });
        self.last.set(Some(labels.join("; ")));
        self.corrections_changed();
        // the first correction asks the browser to keep the site's storage
        if self.persisted.get_untracked().is_none() {
            self.ask_persist();
        }
    }

    /// Undoes the last correction in force (redo brings it back).
    pub fn undo_correction(&self) {
        let label = self
            .log
            .with_untracked(|l| l.active().last().map(|e| e.label.clone()));
        if self.log.try_update(Log::undo).unwrap_or(false) {
            self.last.set(label.map(|l| format!("Undone: {l}")));
            self.corrections_changed();
        }
    }

    pub fn redo_correction(&self) {
        let label = self
            .log
            .with_untracked(|l| l.redoable().next().map(|e| e.label.clone()));
        if self.log.try_update(Log::redo).unwrap_or(false) {
            self.last.set(label);
            self.corrections_changed();
        }
    }

    /// Adds the entries of an exported log; says how many came, or why none could.
    pub fn import_log(&self, text: &str) -> Result<usize, String> {
        let other = Log::from_json(text)?;
        let n = self.log.try_update(|l| l.append(&other)).unwrap_or(0);
        if n > 0 {
            self.corrections_changed();
        }
        Ok(n)
    }

    /// Keeps the log in IndexedDB and shows the corpus as the log now corrects it.
    fn corrections_changed(&self) {
        if let Some(db) = self.db.get_value() {
            let json = self.log.with_untracked(Log::to_json);
            let lib = *self;
            leptos::task::spawn_local(async move {
                if let Err(e) = store::put_corrections(&db, &json).await {
                    lib.storage.set(Some(e.to_string()));
                }
            });
        }
        match self.base.get_value() {
            Some(base) => {
                let generation = self.generation.get_value() + 1;
                self.generation.set_value(generation);
                let lib = *self;
                leptos::task::spawn_local(async move { lib.show(base, generation, None).await });
            }
            None => self.relink(),
        }
    }

    /// Asks the browser to keep this site's storage (Safari otherwise clears it after seven
    /// days without a visit); `persisted` says what it answered.
    pub fn ask_persist(&self) {
        let lib = *self;
        let Ok(p) = window().navigator().storage().persist() else {
            lib.persisted.set(Some(false));
            return;
        };
        leptos::task::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            lib.persisted.set(Some(granted));
        });
    }

    /// The content hashes of the linked corpus's articles, computed once per relink (the shown
    /// corpus has the same articles in the same order, so they serve it too).
    fn hashes_of(&self, corpus: &Corpus) -> Arc<Vec<String>> {
        if let Some(h) = self.hashes.get_value() {
            return h;
        }
        let h = Arc::new(
            corpus
                .docs
                .iter()
                .map(|d| content_hash(&d.text))
                .collect::<Vec<_>>(),
        );
        self.hashes.set_value(Some(h.clone()));
        h
    }

    /// The content hash of the shown corpus's article `d` (for anchoring a correction there).
    pub fn hash_of(&self, d: usize) -> Option<String> {
        let h = self.ex.data.with_untracked(|x| self.hashes_of(&x.corpus));
        h.get(d).cloned()
    }

    /// Deletes the reader's articles with these names (undo brings them back).
    pub fn delete(&self, names: Vec<String>) {
        let mut removed = Vec::new();
        self.added.update_value(|a| {
            let (gone, kept): (Vec<Added>, Vec<Added>) =
                a.drain(..).partition(|x| names.contains(&x.stored.name));
            *a = kept;
            removed = gone;
        });
        if removed.is_empty() {
            return;
        }
        self.undo
            .set(removed.iter().map(|x| x.stored.name.clone()).collect());
        self.deleted.set_value(removed);
        if let Some(db) = self.db.get_value() {
            let lib = *self;
            leptos::task::spawn_local(async move {
                if let Err(e) = store::delete(&db, &names).await {
                    lib.storage.set(Some(e.to_string()));
                }
            });
        }
        self.relink();
    }

    /// Brings back the articles deleted last.
    pub fn undo_delete(&self) {
        let back = self
            .deleted
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if back.is_empty() {
            return;
        }
        self.undo.set(Vec::new());
        if let Some(db) = self.db.get_value() {
            let lib = *self;
            let records: Vec<Stored> = back.iter().map(|x| x.stored.clone()).collect();
            leptos::task::spawn_local(async move {
                if let Err(e) = store::put(&db, &records).await {
                    lib.storage.set(Some(e.to_string()));
                }
            });
        }
        self.added.update_value(|a| {
            a.extend(back);
            a.sort_by_key(|x| x.seq);
        });
        self.relink();
    }
}

/// The library from context.
pub fn library() -> Library {
    expect_context::<Library>()
}
/// A note for the reader about markup in an article's text (it is shown as text and nothing
/// in it runs), if the text holds any.
pub fn markup_notice(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let script =
        lower.contains("<script") || lower.contains("javascript:") || lower.contains("onerror=");
    script.then_some("holds script or HTML code: it is shown as plain text and nothing in it runs")
}
