//! The page header: the brand (a link that clears everything), the search box (`/` focuses it;
//! words, "phrases" and prefix*), a live count of the articles shown, and the light/dark switch.
use crate::library::{library, LibraryOpen};
use crate::state::explorer;
use leptos::prelude::*;

/// The theme a reader chose, if any (else the system's, through `prefers-color-scheme`).
fn stored_theme() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("dossier-theme").ok().flatten())
        .filter(|t| t == "light" || t == "dark")
}

fn system_is_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
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
    let dark = move || theme.get().map_or_else(system_is_dark, |t| t == "dark");
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
            }>
                <label for="search" class="visually-hidden">
                    "Search the articles"
                </label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Search: words, \"phrases\", prefix*   ( / )"
                    prop:value=move || ex.filter.get().text().unwrap_or_default().to_string()
                    on:input=move |ev| ex.set_text(event_target_value(&ev))
                    on:blur=move |_| ex.typing.set(false)
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
                {move || match lib.articles.get().len() {
                    0 => "Add articles".to_string(),
                    n => format!("Your articles ({n})"),
                }}
            </button>
            <button
                type="button"
                class="theme-toggle"
                aria-pressed=move || if dark() { "true" } else { "false" }
                on:click=toggle_theme
            >
                "Dark theme"
            </button>
        </header>
    }
}
