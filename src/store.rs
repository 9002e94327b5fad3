//! Keeps the articles a reader adds in IndexedDB, the browser's own database, so they come back
//! after a reload. Each is stored as it was given (its bytes, name, and the title and source the
//! reader typed) and extracted again when it is loaded. When the browser refuses (a private
//! window, storage turned off, the quota full) the error says which, and the page goes on with
//! the articles in memory. The analyst's corrections log is kept beside the articles.
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, Event, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

const DB: &str = "dossier";
const STORE: &str = "articles";
/// The analyst's corrections log, one record (`log`), as the JSON the page exports. Added in
/// version 2 of the database; version 1's articles stay as they were.
const CORRECTIONS: &str = "corrections";
const VERSION: u32 = 2;

/// Why the browser did not keep or give back articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB here (a private window, storage turned off, a sandbox).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Full,
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(_) => write!(
                f,
                "This browser does not let Dossier keep articles (a private window, or storage \
                 turned off): the articles you add last until you close this tab."
            ),
            StoreError::Full => write!(
                f,
                "The browser's storage for Dossier is full: the articles just added are kept for \
                 this session only. Delete some of yours to make room."
            ),
            StoreError::Other(e) => write!(f, "The browser could not keep the articles ({e}): they last until you close this tab."),
        }
    }
}

/// An article as it is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub name: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// When it was added (ISO 8601).
    pub added: String,
    pub bytes: Vec<u8>,
}

fn classify(v: JsValue) -> StoreError {
    match v.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
        Some(e) => StoreError::Other(format!("{}: {}", e.name(), e.message())),
        None => StoreError::Other(v.as_string().unwrap_or_else(|| format!("{v:?}"))),
    }
}

/// A request's result (or its error) as a future.
fn request(req: &IdbRequest) -> JsFuture {
    let req = req.clone();
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: Event| {
            let _ = resolve.call1(
                &JsValue::UNDEFINED,
                &r.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let r = req.clone();
        let err = Closure::once_into_js(move |_: Event| {
            let e = r
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    }))
}

/// A transaction's completion as a future: quota failures arrive here, as its abort.
fn done(tx: &IdbTransaction) -> JsFuture {
    let tx = tx.clone();
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: Event| {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let t = tx.clone();
        let abort = Closure::once_into_js(move |_: Event| {
            let e = t
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| "AbortError".into());
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    }))
}

/// Opens the database (creating its store on first use).
pub async fn open() -> Result<IdbDatabase, StoreError> {
    let unavailable = |e: JsValue| StoreError::Unavailable(format!("{e:?}"));
    let factory = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(unavailable)?
        .ok_or_else(|| StoreError::Unavailable("indexedDB is missing".into()))?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB, VERSION).map_err(unavailable)?;
    let upgrade = Closure::once_into_js(move |ev: Event| {
        let Some(req) = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
        else {
            return;
        };
        if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            for name in [STORE, CORRECTIONS] {
                if !db.object_store_names().contains(name) {
                    let _ = db.create_object_store(name);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = request(&req)
        .await
        .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?
        .unchecked_into();
    // let another tab open a newer version of the database
    let d = db.clone();
    let on_version = Closure::<dyn FnMut(Event)>::new(move |_| d.close());
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    Ok(db)
}

fn to_js(a: &Stored) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    set("name", a.name.as_str().into());
    set(
        "title",
        a.title.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    set(
        "source",
        a.source.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    set("added", a.added.as_str().into());
    set("bytes", Uint8Array::from(a.bytes.as_slice()).into());
    o.into()
}

fn from_js(v: &JsValue) -> Option<Stored> {
    let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
    Some(Stored {
        name: get("name")?.as_string()?,
        title: get("title").and_then(|t| t.as_string()),
        source: get("source").and_then(|t| t.as_string()),
        added: get("added").and_then(|t| t.as_string()).unwrap_or_default(),
        bytes: get("bytes")?.dyn_into::<Uint8Array>().ok()?.to_vec(),
    })
}

/// Every kept article, oldest first.
pub async fn all(db: &IdbDatabase) -> Result<Vec<Stored>, StoreError> {
    let tx = db.transaction_with_str(STORE).map_err(classify)?;
    let req = tx
        .object_store(STORE)
        .map_err(classify)?
        .get_all()
        .map_err(classify)?;
    let arr: Array = request(&req).await.map_err(classify)?.unchecked_into();
    let mut out: Vec<Stored> = arr.iter().filter_map(|v| from_js(&v)).collect();
    out.sort_by(|a, b| a.added.cmp(&b.added).then(a.name.cmp(&b.name)));
    Ok(out)
}

/// Keeps articles (replacing any of the same name), all or none.
pub async fn put(db: &IdbDatabase, articles: &[Stored]) -> Result<(), StoreError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(classify)?;
    let store = tx.object_store(STORE).map_err(classify)?;
    for a in articles {
        store
            .put_with_key(&to_js(a), &JsValue::from_str(&a.name))
            .map_err(classify)?;
    }
    done(&tx).await.map(|_| ()).map_err(classify)
}

/// Forgets articles by name.
pub async fn delete(db: &IdbDatabase, names: &[String]) -> Result<(), StoreError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(classify)?;
    let store = tx.object_store(STORE).map_err(classify)?;
    for n in names {
        store.delete(&JsValue::from_str(n)).map_err(classify)?;
    }
    done(&tx).await.map(|_| ()).map_err(classify)
}

/// The kept corrections log (its JSON), if there is one.
pub async fn corrections(db: &IdbDatabase) -> Result<Option<String>, StoreError> {
    let tx = db.transaction_with_str(CORRECTIONS).map_err(classify)?;
    let req = tx
        .object_store(CORRECTIONS)
        .map_err(classify)?
        .get(&JsValue::from_str("log"))
        .map_err(classify)?;
    Ok(request(&req).await.map_err(classify)?.as_string())
}

/// Keeps the corrections log (its JSON), replacing the one kept.
pub async fn put_corrections(db: &IdbDatabase, json: &str) -> Result<(), StoreError> {
    let tx = db
        .transaction_with_str_and_mode(CORRECTIONS, IdbTransactionMode::Readwrite)
        .map_err(classify)?;
    tx.object_store(CORRECTIONS)
        .map_err(classify)?
        .put_with_key(&JsValue::from_str(json), &JsValue::from_str("log"))
        .map_err(classify)?;
    done(&tx).await.map(|_| ()).map_err(classify)
}
