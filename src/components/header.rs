//! The page header: the brand (a link that clears everything), the search box (`/` focuses it;
//! words, "phrases" and prefix*; Enter goes to the results, Esc leaves the box and keeps the
//! query), a live count of the articles shown, and the light/dark switch, which says which
//! theme is on.
use crate::library::{library, LibraryOpen};
use crate::state::explorer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the focus to the first article of the list, or to the list's heading if it is empty.
fn focus_results() {
    let target = document()
        .query_selector(".result-list a")
        .ok()
        .flatten()
        .or_else(|| document().get_element_by_id("results-title"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The theme a reader chose, if any (else the system's, through `prefers-color-scheme`).
fn stored_theme() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("dossier-theme").ok().flatten())
        .filter(|t| t == "light" || t == "dark")
}

/// Whether the system prefers a dark theme, as a signal that follows the system's changes.
fn system_is_dark() -> RwSignal<bool> {
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let dark = RwSignal::new(query.as_ref().is_some_and(|m| m.matches()));
    if let Some(q) = query {
        let q2 = q.clone();
        let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            dark.set(q2.matches());
        });
        let _ = q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
    dark
}

#[component]
pub fn Header() -> impl IntoView {
    let ex = explorer();
    let lib = library();
    let LibraryOpen(library_open) = expect_context::<LibraryOpen>();
    let theme = RwSignal::new(stored_theme());
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = match theme.get() {
                Some(t) => root.set_attribute("data-theme", &t),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
    let system_dark = system_is_dark();
    let dark = move || {
        theme
            .get()
            .map_or_else(|| system_dark.get(), |t| t == "dark")
    };
    let toggle_theme = move |_| {
        let next = if dark() { "light" } else { "dark" };
        if let Some(s) = window().local_storage().ok().flatten() {
            let _ = s.set_item("dossier-theme", next);
        }
        theme.set(Some(next.to_string()));
    };
    let count = move || {
        let shown = ex.results.get().docs.len();
        let total = ex.data.get().corpus.docs.len();
        if shown == total {
            format!("{total} articles")
        } else {
            format!("{shown} of {total} articles")
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="?">
                "Dossier"
            </a>
            <form class="search" role="search" on:submit=move |ev| {
                ev.prevent_default();
                ex.typing.set(false);
                focus_results();
            }>
                <label for="search" class="visually-hidden">
                    "Search the articles"
                </label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Search…"
                    title="Words, \"quoted phrases\" and prefix*; press / to come here"
                    prop:value=move || ex.filter.get().text().unwrap_or_default().to_string()
                    on:input=move |ev| ex.set_text(event_target_value(&ev))
                    on:blur=move |_| ex.typing.set(false)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        // Esc leaves the box; the browser's default would erase the query
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            ex.typing.set(false);
                            if let Some(el) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                            {
                                let _ = el.blur();
                            }
                        }
                    }
                />
            </form>
            <span class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {count}
            </span>
            <button
                type="button"
                class="library-toggle"
                aria-haspopup="dialog"
                on:click=move |_| library_open.set(true)
            >
                "Add articles"
                {move || match lib.articles.get().len() {
                    0 => None,
                    n => Some(view! {
                        <span class="count-badge">
                            <span class="visually-hidden">", "</span>
                            {n}
                            <span class="visually-hidden">" of yours"</span>
                        </span>
                    }),
                }}
            </button>
            <button
                type="button"
                class="theme-toggle"
                title=move || if dark() { "Switch to the light theme" } else { "Switch to the dark theme" }
                on:click=toggle_theme
            >
                <span aria-hidden="true" class="theme-icon">{move || if dark() { "☾" } else { "☀" }}</span>
                <span class="theme-label">{move || if dark() { "Theme: dark" } else { "Theme: light" }}</span>
            </button>
        </header>
    }
}
