//! The PDF worker: a wasm bundle of its own, run as a Web Worker that the extraction worker
//! starts only when a PDF is added, because the PDF reader (`pdf-extract` over `lopdf`) weighs
//! about half as much as the rest of the extractor. It reads a PDF's text layer into an HTML
//! page (`dossier_extract::read::open::pdf`) and answers with `PdfReply::Opened`; the extraction
//! worker extracts that page like any other, and the page keeps it.
use dossier_extract::read::open::pdf;
use dossier_model::protocol::{OpenedPage, PdfReply};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The request's bytes: the extraction worker, which read the file, hands them over.
fn bytes_of(req: &JsValue) -> Result<Vec<u8>, String> {
    field(req, "bytes")
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .ok_or_else(|| "nothing to read".to_string())
}

fn open(name: &str, bytes: &[u8]) -> Result<(Vec<OpenedPage>, Vec<String>), String> {
    if bytes.len() > dossier_extract::MAX_INPUT_BYTES {
        let e = dossier_model::InputError::TooLarge {
            size: bytes.len(),
            limit: dossier_extract::MAX_INPUT_BYTES,
        };
        return Err(e.to_string());
    }
    if !dossier_extract::read::open::looks_like_pdf(bytes) {
        return Err("this is not a PDF (it has no %PDF header)".into());
    }
    let opened = pdf::open(name, bytes).map_err(|e| e.to_string())?;
    let pages = opened
        .parts
        .into_iter()
        .map(|p| OpenedPage {
            name: p.name,
            html: p.page,
        })
        .collect();
    Ok((pages, opened.notes))
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let send = move |r: &PdfReply| {
        if let Ok(json) = serde_json::to_string(r) {
            let _ = out.post_message(&JsValue::from_str(&json));
        }
    };
    let send2 = send.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let req = ev.data();
        let id = field(&req, "id").as_f64().unwrap_or(0.0) as u32;
        let name = field(&req, "name")
            .as_string()
            .unwrap_or_else(|| "untitled.pdf".into());
        let (result, notes) = match bytes_of(&req).and_then(|b| open(&name, &b)) {
            Ok((pages, notes)) => (Ok(pages), notes),
            Err(e) => (Err(e), Vec::new()),
        };
        send2(&PdfReply::Opened { id, result, notes });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    send(&PdfReply::Ready);
}
