//! The page on a static corpus that `dossier build` wrote into the site: opens with its root
//! alone, then fetches the files a filter, a search or an article needs (each checked against
//! the hash its name carries, inflated and parsed by `dossier_corpus::shard`), keeps them,
//! and says what it is fetching and what failed. It holds the files; `shard` answers.
use dossier_corpus::shard::{self, Cache, Root};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The corpus a site declares (`<meta name="dossier-corpus" content="corpus/root.bin">`,
/// written by `dossier build`), if any.
pub fn declared() -> Option<String> {
    let meta = document()
        .query_selector("meta[name=dossier-corpus]")
        .ok()
        .flatten()?;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

/// The folder the corpus's files are in (`corpus/` beside the root).
fn base(root_path: &str) -> String {
    match root_path.rfind('/') {
        Some(i) => root_path[..=i].to_string(),
        None => String::new(),
    }
}

/// What is being fetched.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub files: usize,
    pub done: usize,
    pub bytes: u64,
}

/// The static corpus's state.
#[derive(Clone, Copy)]
pub struct Shards {
    pub root: RwSignal<Option<Result<Arc<Root>, String>>>,
    cache: StoredValue<Rc<RefCell<Cache>>, LocalStorage>,
    /// Bumped when a file arrives: what reads the cache follows it.
    pub version: RwSignal<u64>,
    pub progress: RwSignal<Progress>,
    /// Every byte fetched since the page opened (root included).
    pub fetched: RwSignal<u64>,
    /// Files that failed, with the reason (a retry clears them).
    pub failed: RwSignal<Vec<(String, String)>>,
    pending: StoredValue<Rc<RefCell<Vec<String>>>, LocalStorage>,
    base: StoredValue<String>,
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| "it could not be fetched (offline?)".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "no response".to_string())?;
    if !resp.ok() {
        return Err(if resp.status() == 404 {
            "it is missing from the site (HTTP 404)".to_string()
        } else {
            format!("the site answered HTTP {}", resp.status())
        });
    }
    let buf = resp
        .array_buffer()
        .map_err(|_| "it has no body".to_string())?;
    let buf = JsFuture::from(buf)
        .await
        .map_err(|_| "its body could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

impl Shards {
    /// Starts on the root at `root_path`.
    pub fn open(root_path: String) -> Shards {
        let s = Shards {
            root: RwSignal::new(None),
            cache: StoredValue::new_local(Rc::new(RefCell::new(Cache::default()))),
            version: RwSignal::new(0),
            progress: RwSignal::new(Progress::default()),
            fetched: RwSignal::new(0),
            failed: RwSignal::new(Vec::new()),
            pending: StoredValue::new_local(Rc::new(RefCell::new(Vec::new()))),
            base: StoredValue::new(base(&root_path)),
        };
        leptos::task::spawn_local(async move {
            let got = match fetch_bytes(&root_path).await {
                Ok(bytes) => {
                    s.fetched.update(|n| *n += bytes.len() as u64);
                    shard::gunzip(&bytes)
                        .map_err(|_| {
                            "the corpus's root file is damaged (it does not inflate)".to_string()
                        })
                        .and_then(|raw| Root::from_json(&raw).map_err(|e| e.0))
                        .map(Arc::new)
                }
                Err(why) => Err(format!("The corpus's root file {root_path}: {why}.")),
            };
            s.root.set(Some(got));
        });
        s
    }

    /// Reads the cache (following the files as they arrive).
    pub fn with<T>(&self, f: impl FnOnce(&Root, &Cache) -> T) -> Option<T> {
        self.version.track();
        let root = self.root.get()?.ok()?;
        let cache = self.cache.get_value();
        let c = cache.borrow();
        Some(f(&root, &c))
    }

    /// Fetches the files not yet here nor on their way (nor failed: `retry` clears those).
    pub fn fetch(&self, files: Vec<String>) {
        let s = *self;
        let pending = self.pending.get_value();
        let failed = self.failed.get_untracked();
        let new: Vec<String> = files
            .into_iter()
            .filter(|f| {
                !pending.borrow().contains(f)
                    && !failed.iter().any(|(x, _)| x == f)
                    && !self.cache.get_value().borrow().has(f)
            })
            .collect();
        if new.is_empty() {
            return;
        }
        pending.borrow_mut().extend(new.iter().cloned());
        self.progress.update(|p| p.files += new.len());
        for file in new {
            let url = format!("{}{}", self.base.get_value(), file);
            leptos::task::spawn_local(async move {
                let got = fetch_bytes(&url).await.and_then(|bytes| {
                    s.fetched.update(|n| *n += bytes.len() as u64);
                    s.progress.update(|p| p.bytes += bytes.len() as u64);
                    let raw = shard::open(&file, &bytes).map_err(|e| e.0)?;
                    s.cache
                        .get_value()
                        .borrow_mut()
                        .insert(&file, &raw)
                        .map_err(|e| e.0)
                });
                s.pending.get_value().borrow_mut().retain(|f| *f != file);
                if let Err(why) = got {
                    s.failed.update(|v| v.push((file.clone(), why)));
                }
                s.progress.update(|p| {
                    p.done += 1;
                    if p.done == p.files {
                        *p = Progress::default();
                    }
                });
                s.version.update(|v| *v += 1);
            });
        }
    }

    /// Forgets the failures, so the files are asked for again.
    pub fn retry(&self) {
        self.failed.set(Vec::new());
        self.version.update(|v| *v += 1);
    }
}
