//! The extraction worker: a second wasm bundle, run as a Web Worker, that decodes, cleans and
//! extracts the articles a reader adds, so the page stays responsive. It answers each request
//! with the staged document (linking and indexing stay with the page). The messages are
//! `dossier_model::protocol`. It is its own package so that Cargo, not the linker, keeps the
//! extractor out of the page bundle.
use dossier_extract as extract;
use dossier_model::protocol::Reply;
use dossier_model::InputMeta;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text_field(obj: &JsValue, key: &str) -> Option<String> {
    field(obj, key).as_string().filter(|s| !s.trim().is_empty())
}

/// The bytes of the request: its pasted text, its stored bytes, or its file, read here.
fn bytes_of(req: &JsValue) -> Result<Vec<u8>, String> {
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
    let reader =
        FileReaderSync::new().map_err(|_| "the browser cannot read files here".to_string())?;
    let buf = reader.read_as_array_buffer(file).map_err(|_| {
        "the file could not be read (it may have been moved or deleted)".to_string()
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let send = move |r: &Reply| {
        if let Ok(json) = serde_json::to_string(r) {
            let _ = out.post_message(&JsValue::from_str(&json));
        }
    };
    let send2 = send.clone();
    let perf = scope.performance();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let req = ev.data();
        let id = field(&req, "id").as_f64().unwrap_or(0.0) as u32;
        let name = text_field(&req, "name").unwrap_or_else(|| "untitled.txt".into());
        let meta = InputMeta {
            title: text_field(&req, "title"),
            source: text_field(&req, "source"),
            user: true,
        };
        let t0 = perf.as_ref().map_or(0.0, |p| p.now());
        let (result, bytes) = match bytes_of(&req) {
            Ok(bytes) => {
                let n = bytes.len();
                let r = extract::process(&name, &bytes)
                    .map(|mut staged| {
                        staged.doc.meta = meta;
                        Box::new(staged)
                    })
                    .map_err(|e| e.to_string());
                (r, n)
            }
            Err(e) => (Err(e), 0),
        };
        let ms = perf.as_ref().map_or(0.0, |p| p.now()) - t0;
        send2(&Reply::Done {
            id,
            result,
            bytes,
            ms,
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    send(&Reply::Ready);
}
