//! The "Your articles" panel: paste an article (with a title and source; HTML copied from a web
//! page is kept as HTML, so its furniture is cleaned out), pick or drop files
//! (the size limit and the formats are said), watch a long import's progress and cancel it, read
//! what happened to each file, and delete kept articles (one or all) with an undo.
use crate::library::{library, Level, ACCEPTED};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Kept articles listed before "Show all".
const KEPT_SHOWN: usize = 50;

/// The files of a file list, copied out (the list is live and is cleared after).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn LibraryPanel(open: RwSignal<bool>) -> impl IntoView {
    let lib = library();
    let title = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let first_field = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(el) = first_field.get() {
                let _ = el.focus();
            }
        }
    });
    // what was pasted from a web page, as HTML, and as the text the box shows for it
    let pasted_html = RwSignal::new(None::<(String, String)>);
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        if html.trim().is_empty() || !text.get_untracked().trim().is_empty() {
            return; // plain text, or added to what is there: the box's own paste
        }
        ev.prevent_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        text.set(plain.clone());
        pasted_html.set(Some((plain, html)));
    };
    let paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        // the HTML is sent when the box still holds what was pasted with it
        let (body, html) = match pasted_html.get_untracked() {
            Some((plain, html)) if plain == body => (html, true),
            _ => (body, false),
        };
        lib.add_text(body, title.get_untracked(), source.get_untracked(), html);
        pasted_html.set(None);
        text.set(String::new());
        title.set(String::new());
        source.set(String::new());
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        lib.add_files(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        lib.add_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    // drawn once per import and updated in place, so that the Cancel button stays put (and
    // keeps its focus) while the workers answer
    let shown = move || lib.progress.with(|p| p.running || p.total > 0);
    let running = move || lib.progress.with(|p| p.running);
    let status = move || {
        let p = lib.progress.get();
        let failed = if p.failed > 0 {
            format!(" · {} not added", p.failed)
        } else {
            String::new()
        };
        // a feed or a mail may add more articles than there were files
        let summary = if p.running {
            String::new()
        } else {
            format!(" · {} added", p.articles)
        };
        // the speed the reader saw: bytes over the time from hand-over to the last answer,
        // with every worker reading at once
        let x = lib.extraction.get();
        let workers = match x.workers {
            0 | 1 => String::new(),
            n => format!(" by {n} workers"),
        };
        let speed = (x.wall_ms > 0.0 && !p.running).then(|| {
            format!(
                " · read at {:.1} MB/s{workers}",
                x.bytes as f64 / 1_048_576.0 / (x.wall_ms / 1000.0)
            )
        });
        format!(
            "{} of {} read{summary}{failed}{}",
            p.done,
            p.total,
            speed.unwrap_or_default()
        )
    };
    let x = move || lib.extraction.get();
    let progress = view! {
            <Show when=shown>
                <div class="progress">
                    <div
                        class="progress-bar"
                        role="progressbar"
                        aria-label="Adding articles"
                        aria-valuemin="0"
                        aria-valuemax=move || lib.progress.with(|p| p.total.to_string())
                        aria-valuenow=move || lib.progress.with(|p| p.done.to_string())
                    >
                        <span style:width=move || lib.progress.with(|p| format!("{}%", (p.done * 100).checked_div(p.total).unwrap_or(100)))></span>
                    </div>
                    <p
                        class="progress-text"
                        data-bytes=move || x().bytes.to_string()
                        data-ms=move || x().worker_ms.to_string()
                        data-wall-ms=move || x().wall_ms.to_string()
                        data-workers=move || x().workers.to_string()
                        data-read-ms=move || x().read_ms.to_string()
                        data-page-ms=move || x().page_ms.to_string()
                    >
                        {status}
                        <Show when=running>
                            <button type="button" on:click=move |_| lib.cancel()>"Cancel"</button>
                        </Show>
                    </p>
                </div>
            </Show>
    };
    let indexing = move || {
        lib.indexing.get().map(|(done, total)| {
            view! { <p class="progress-text indexing" role="status">{format!("Indexing: {done} of {total} articles…")}</p> }
        })
    };
    let notes = move || {
        lib.notes
            .get()
            .into_iter()
            .map(|n| {
                let class = match n.level {
                    Level::Added => "note added",
                    Level::Warning => "note warning",
                    Level::Error => "note error",
                };
                let file =
                    (!n.file.is_empty()).then(|| view! { <strong>{n.file.clone()}</strong> ": " });
                view! { <li class=class>{file}{n.text.clone()}</li> }
            })
            .collect_view()
    };
    // the most recent first; a long list is shown 50 at a time
    let show_all = RwSignal::new(false);
    let kept = move || {
        let all = lib.articles.get();
        let limit = if show_all.get() {
            usize::MAX
        } else {
            KEPT_SHOWN
        };
        all.into_iter()
            .rev()
            .take(limit)
            .map(|(name, shown)| {
                let label = format!("Delete “{shown}”");
                let target = name.clone();
                view! {
                    <li class="kept">
                        <span class="kept-title">{shown}</span>
                        <span class="kept-name">{name}</span>
                        <button type="button" aria-label=label on:click=move |_| lib.delete(vec![target.clone()])>
                            "Delete"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let close = move || open.set(false);
    view! {
        <div class="overlay" hidden=move || !open.get() on:click=move |ev| {
            // a click on the backdrop (not inside the dialog) closes it
            if ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.class_list().contains("overlay")) {
                close();
            }
        }>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="library-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        ev.stop_propagation();
                        close();
                    }
                }
            >
                <header class="dialog-head">
                    <h2 id="library-title">"Your articles"</h2>
                    <button type="button" class="close" aria-label="Close" on:click=move |_| close()>
                        "×"
                    </button>
                </header>
                <p class="hint">
                    "Articles you add stay in this browser: nothing is sent anywhere. They join the search, the entities and the filters, marked “added by you”."
                </p>
                <Show when=move || lib.storage.get().is_some()>
                    <p class="storage-warning" role="alert">{move || lib.storage.get()}</p>
                </Show>
                <form class="paste" on:submit=paste>
                    <h3>"Paste an article"</h3>
                    <label for="paste-text">"Text"</label>
                    <textarea
                        id="paste-text"
                        node_ref=first_field
                        rows="6"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        on:paste=on_paste
                    ></textarea>
                    <div class="paste-meta">
                        <label for="paste-title">"Title (optional)"</label>
                        <input id="paste-title" type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                        <label for="paste-source">"Source (optional)"</label>
                        <input id="paste-source" type="text" prop:value=move || source.get() on:input=move |ev| source.set(event_target_value(&ev)) />
                    </div>
                    <button type="submit">"Add this article"</button>
                </form>
                <section class="files">
                    <h3>"Add files"</h3>
                    <div
                        class="dropzone"
                        class:dragging=move || dragging.get()
                        on:dragover=move |ev: leptos::ev::DragEvent| {
                            ev.prevent_default();
                            dragging.set(true);
                        }
                        on:dragleave=move |_| dragging.set(false)
                        on:drop=on_drop
                    >
                        <label for="file-input" class="file-button">"Choose files…"</label>
                        <input id="file-input" class="visually-hidden" type="file" multiple accept=ACCEPTED on:change=on_files />
                        <p>"or drop them here, as many as you like: text (.txt), web pages (.html), Markdown (.md) and feeds (.xml, .rss, .atom) up to 10 MB each; Word (.docx), mail (.eml) and PDF up to 64 MB. Each item of a feed becomes an article."</p>
                    </div>
                </section>
                {progress}
                {indexing}
                <ul class="notes" role="log" aria-live="polite" aria-label="What happened to each file">{notes}</ul>
                <section class="kept-list">
                    <h3>{move || format!("Kept in this browser ({})", lib.articles.get().len())}</h3>
                    <Show when=move || !lib.undo.get().is_empty()>
                        <p class="undo" role="status">
                            {move || {
                                let n = lib.undo.get().len();
                                if n == 1 { "Deleted 1 article. ".to_string() } else { format!("Deleted {n} articles. ") }
                            }}
                            <button type="button" on:click=move |_| lib.undo_delete()>"Undo"</button>
                        </p>
                    </Show>
                    <ul>{kept}</ul>
                    <Show when=move || { lib.articles.with(Vec::len) > KEPT_SHOWN }>
                        <button type="button" class="more" on:click=move |_| show_all.update(|v| *v = !*v)>
                            {move || if show_all.get() {
                                "Show only the latest 50".to_string()
                            } else {
                                format!("Show all {}", lib.articles.with(Vec::len))
                            }}
                        </button>
                    </Show>
                    <Show when=move || { lib.articles.get().len() > 1 }>
                        <button
                            type="button"
                            class="delete-all"
                            on:click=move |_| lib.delete(lib.articles.get_untracked().into_iter().map(|(n, _)| n).collect())
                        >
                            "Delete all of them"
                        </button>
                    </Show>
                </section>
            </div>
        </div>
    }
}
