//! The extraction worker: a second wasm bundle, run as a Web Worker, that opens, decodes, cleans
//! and extracts the articles a reader adds (a feed, a Word document or a mail gives one article
//! or several), so the page stays responsive. It answers each request with the staged documents
//! (linking and indexing stay with the page). The messages are `dossier_model::protocol`. It is
//! its own package so that Cargo, not the linker, keeps the extractor out of the page bundle.
//! The page starts one a core and hands each a share of an import, files joined in batches.
//!
//! A PDF goes on to the PDF worker (`pdf-worker/`), which this worker starts only when the first
//! PDF arrives, since the PDF reader outweighs the rest of the extractor; the page read out of
//! the PDF comes back here to be extracted. If the PDF reader fails on a damaged file, only the
//! PDFs it held fail, each with the reason, and the next PDF starts it afresh.
use dossier_extract as extract;
use dossier_model::protocol::{PdfReply, Reply};
use dossier_model::{InputMeta, Staged};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Requests whose files are read at once (a request is one file, or a batch of them joined in
/// one blob by the page, read in one go). A read is a round trip to the browser's file store, so reading one file
/// at a time left the worker waiting for most of an import; a few in flight hide the wait while
/// the worker extracts, and a cap keeps a large import from holding every file in memory.
const READ_AHEAD: usize = 16;

/// The requests whose files are being read, and those waiting for a read.
#[derive(Default)]
struct Reads {
    in_flight: usize,
    waiting: VecDeque<JsValue>,
}

/// What becomes of a request once its file is read: the request, its bytes (or why they could
/// not be read) and the milliseconds the read took.
type Handle = dyn Fn(JsValue, Result<Vec<u8>, String>, f64);

/// Starts reads while there is room, and hands each request on once its bytes are in, with the
/// milliseconds its read took.
struct Pump {
    reads: RefCell<Reads>,
    handle: Box<Handle>,
    now: Rc<dyn Fn() -> f64>,
}

impl Pump {
    fn go(this: &Rc<Pump>) {
        loop {
            let req = {
                let mut r = this.reads.borrow_mut();
                if r.in_flight >= READ_AHEAD {
                    return;
                }
                let Some(req) = r.waiting.pop_front() else {
                    return;
                };
                r.in_flight += 1;
                req
            };
            let pump = this.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let t = (pump.now)();
                let batch = field(&req, "batch");
                if let Some(blob) = batch.dyn_ref::<web_sys::Blob>() {
                    // files joined in one blob: read once, then each in its place
                    let read = read_blob(blob).await;
                    let items: Vec<JsValue> = field(&req, "items")
                        .dyn_into::<js_sys::Array>()
                        .map(|a| a.iter().collect())
                        .unwrap_or_default();
                    let read_ms = ((pump.now)() - t) / items.len().max(1) as f64;
                    for item in items {
                        let at = |k: &str| field(&item, k).as_f64().unwrap_or(0.0) as usize;
                        let bytes = match &read {
                            Ok(all) => all
                                .get(at("start")..at("end"))
                                .map(<[u8]>::to_vec)
                                .ok_or_else(|| "the file was cut short".to_string()),
                            // one file gone (moved or deleted) fails the batch's read: each
                            // is read alone, so only that one fails
                            Err(_) => bytes_of(&item).await,
                        };
                        (pump.handle)(item, bytes, read_ms);
                    }
                } else {
                    let read = bytes_of(&req).await;
                    let read_ms = (pump.now)() - t;
                    (pump.handle)(req, read, read_ms);
                }
                pump.reads.borrow_mut().in_flight -= 1;
                Pump::go(&pump);
            });
        }
    }
}

fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text_field(obj: &JsValue, key: &str) -> Option<String> {
    field(obj, key).as_string().filter(|s| !s.trim().is_empty())
}

/// The bytes of the request: its pasted text, its stored bytes, or its file, read here.
async fn bytes_of(req: &JsValue) -> Result<Vec<u8>, String> {
    if let Some(text) = field(req, "text").as_string() {
        return Ok(text.into_bytes());
    }
    let stored = field(req, "bytes");
    if let Some(arr) = stored.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(arr.to_vec());
    }
    let file = field(req, "file");
    let Some(file) = file.dyn_ref::<web_sys::Blob>() else {
        return Err("nothing to read".into());
    };
    read_blob(file).await
}

/// A file's (or a batch of files') bytes.
async fn read_blob(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| {
            "the file could not be read (it may have been moved or deleted)".to_string()
        })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Extracts one input (or a page read out of a PDF): its staged documents with what the reader
/// said of it, and notes on what it held but was not read.
fn extract(
    name: &str,
    bytes: &[u8],
    meta: &InputMeta,
) -> (Result<Vec<Staged>, String>, Vec<String>) {
    match extract::read_input(name, bytes) {
        Ok(batch) => {
            let batch = batch.owned_by(meta);
            let mut notes = batch.notes;
            notes.extend(
                batch
                    .rejected
                    .iter()
                    .map(|r| format!("{} was not read: {}", r.name, r.error)),
            );
            (Ok(batch.staged), notes)
        }
        Err(e) => (Err(e.to_string()), Vec::new()),
    }
}

/// A PDF handed to the PDF worker: what the reader said of it, its size, and when it came.
struct Waiting {
    meta: InputMeta,
    bytes: usize,
    t0: f64,
}

/// The PDF worker, once started, and the PDFs it holds.
#[derive(Default)]
struct Pdf {
    worker: Option<web_sys::Worker>,
    ready: bool,
    queue: Vec<JsValue>,
    waiting: HashMap<u32, Waiting>,
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    // answers go as UTF-8 JSON in a buffer moved to the page: a JS string would be decoded to
    // UTF-16 here and encoded back to UTF-8 there, for every article
    let send: Rc<dyn Fn(&Reply)> = Rc::new(move |r: &Reply| {
        if let Ok(json) = serde_json::to_vec(r) {
            let arr = js_sys::Uint8Array::from(json.as_slice());
            let _ = out.post_message_with_transfer(&arr, &js_sys::Array::of1(&arr.buffer()));
        }
    });
    let perf = scope.performance();
    let now = Rc::new(move || perf.as_ref().map_or(0.0, |p| p.now()));
    let now_read = now.clone();
    let pdf = Rc::new(RefCell::new(Pdf::default()));

    // what the PDF worker answers: a page to extract here, or why the PDF cannot be read
    let on_pdf_reply = {
        let (send, pdf, now) = (send.clone(), pdf.clone(), now.clone());
        move |reply: PdfReply| match reply {
            PdfReply::Ready => {
                let mut p = pdf.borrow_mut();
                p.ready = true;
                let queued: Vec<JsValue> = p.queue.drain(..).collect();
                if let Some(w) = &p.worker {
                    for req in queued {
                        let _ = w.post_message(&req);
                    }
                }
            }
            PdfReply::Opened { id, result, notes } => {
                let Some(w) = pdf.borrow_mut().waiting.remove(&id) else {
                    return;
                };
                let (result, notes) = match result {
                    Ok(pages) => {
                        let mut all = Vec::new();
                        let mut notes = notes;
                        let mut error = None;
                        for page in pages {
                            let (r, n) = extract(&page.name, page.html.as_bytes(), &w.meta);
                            notes.extend(n);
                            match r {
                                Ok(staged) => all.extend(staged),
                                Err(e) => error = Some(e),
                            }
                        }
                        match (all.is_empty(), error) {
                            (true, Some(e)) => (Err(e), notes),
                            _ => (Ok(all), notes),
                        }
                    }
                    Err(e) => (Err(e), notes),
                };
                send(&Reply::Done {
                    id,
                    result,
                    notes,
                    bytes: w.bytes,
                    ms: now() - w.t0,
                    read_ms: 0.0,
                });
            }
        }
    };
    let on_pdf_reply = Rc::new(on_pdf_reply);

    // hands a PDF to the PDF worker, starting it if need be
    let to_pdf = {
        let (send, pdf) = (send.clone(), pdf.clone());
        move |id: u32, name: String, bytes: Vec<u8>, waiting: Waiting| {
            let mut p = pdf.borrow_mut();
            if p.worker.is_none() {
                let Ok(worker) = web_sys::Worker::new("./dossier-pdf_loader.js") else {
                    drop(p);
                    send(&Reply::Done {
                        id,
                        result: Err("the browser could not start Dossier's PDF reader".into()),
                        notes: Vec::new(),
                        bytes: waiting.bytes,
                        ms: 0.0,
                        read_ms: 0.0,
                    });
                    return;
                };
                let reply = on_pdf_reply.clone();
                let on_message =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                        if let Some(r) = ev
                            .data()
                            .as_string()
                            .and_then(|s| serde_json::from_str::<PdfReply>(&s).ok())
                        {
                            reply(r);
                        }
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget();
                let (send, pdf) = (send.clone(), pdf.clone());
                let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(
                    move |ev: web_sys::ErrorEvent| {
                        // handled here: left to bubble, it would stop this worker's other files
                        ev.prevent_default();
                        // the reader failed on a damaged file: fail the PDFs it held, start afresh
                        let old = std::mem::take(&mut *pdf.borrow_mut());
                        if let Some(w) = old.worker {
                            w.terminate();
                        }
                        for (id, w) in old.waiting {
                            send(&Reply::Done {
                                id,
                                result: Err(format!(
                                    "the PDF reader failed on it ({}): the file may be damaged",
                                    ev.message()
                                )),
                                notes: Vec::new(),
                                bytes: w.bytes,
                                ms: 0.0,
                                read_ms: 0.0,
                            });
                        }
                    },
                );
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                on_error.forget();
                p.worker = Some(worker);
                p.ready = false;
            }
            let arr = js_sys::Uint8Array::from(bytes.as_slice());
            let req = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&req, &"id".into(), &id.into());
            let _ = js_sys::Reflect::set(&req, &"name".into(), &name.as_str().into());
            let _ = js_sys::Reflect::set(&req, &"bytes".into(), &arr);
            p.waiting.insert(id, waiting);
            match (&p.worker, p.ready) {
                (Some(w), true) => {
                    // the buffer moves to the PDF worker rather than being copied
                    let _ = w.post_message_with_transfer(&req, &js_sys::Array::of1(&arr.buffer()));
                }
                _ => p.queue.push(req.into()),
            }
        }
    };

    let ready = send.clone();
    // one request, once its bytes are read: extracted here, or handed to the PDF worker
    let handle = move |req: JsValue, read: Result<Vec<u8>, String>, read_ms: f64| {
        let id = field(&req, "id").as_f64().unwrap_or(0.0) as u32;
        let name = text_field(&req, "name").unwrap_or_else(|| "untitled.txt".into());
        let meta = InputMeta {
            title: text_field(&req, "title"),
            source: text_field(&req, "source"),
            user: true,
        };
        let t0 = now();
        let (result, notes, bytes) = match read {
            Ok(bytes) if extract::read::open::looks_like_pdf(&bytes) => {
                let waiting = Waiting {
                    meta,
                    bytes: bytes.len(),
                    t0,
                };
                to_pdf(id, name, bytes, waiting);
                return;
            }
            Ok(bytes) => {
                let (r, notes) = extract(&name, &bytes, &meta);
                (r, notes, bytes.len())
            }
            Err(e) => (Err(e), Vec::new(), 0),
        };
        send(&Reply::Done {
            id,
            result,
            notes,
            bytes,
            ms: now() - t0,
            read_ms,
        });
    };
    let pump = Rc::new(Pump {
        reads: RefCell::new(Reads::default()),
        handle: Box::new(handle),
        now: now_read,
    });
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        pump.reads.borrow_mut().waiting.push_back(ev.data());
        Pump::go(&pump);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    ready(&Reply::Ready);
}
