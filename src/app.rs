//! The page shell: the router, the header with the search box, the three panes (filters,
//! articles, reader; on a phone one at a time with a switcher), notices about the URL, keyboard
//! shortcuts (`/` search, `j`/`k` next and previous article, `Esc` drops the last filter) and the
//! light/dark theme switch.
use crate::components::corrections::{
    corrections_pane, CorrectDialog, Correcting, CorrectionNotice,
};
use crate::components::lazy_view;
use crate::components::{
    disagreements::disagreements_pane, entities::EntityPanel, facets::Facets, header::Header,
    library::files_of, library::LibraryPanel, map::map_pane, network::network_pane,
    notices::Notices, overview::Overview, reader::Reader, results::ResultList,
};
use crate::library::{Library, LibraryOpen};
use crate::state::{explorer, Data, Explorer, Pane, Panel};
use dossier_model::Staged;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;

/// The whole app with the bundled corpus, or on the static corpus the site declares
/// (`dossier build`), whose explorer loads as a chunk of its own.
#[component]
pub fn App() -> impl IntoView {
    if crate::sharded::declared().is_some() {
        return view! {
            <Router>
                {lazy_view(crate::components::sharded::sharded_app)}
            </Router>
        }
        .into_any();
    }
    view! { <AppWith seeds=crate::corpus::seed_staged() /> }.into_any()
}

/// The app over given staged documents as its bundled corpus (tests pass their own).
#[component]
pub fn AppWith(seeds: Vec<Staged>) -> impl IntoView {
    view! {
        <Router>
            <Shell seeds=seeds />
        </Router>
    }
}

#[component]
fn Shell(seeds: Vec<Staged>) -> impl IntoView {
    let ex = Explorer::new(Data::new(dossier_corpus::link::link(&seeds)));
    provide_context(ex);
    let library = Library::new(ex, seeds);
    provide_context(library);
    let library_open = RwSignal::new(false);
    provide_context(LibraryOpen(library_open));
    provide_context(Correcting(RwSignal::new(None)));
    // files dropped anywhere on the page are added (not opened by the browser, which would
    // leave the app)
    let drag = window_event_listener(ev::dragover, |e: web_sys::DragEvent| e.prevent_default());
    let drop = window_event_listener(ev::drop, move |e: web_sys::DragEvent| {
        if e.default_prevented() {
            return;
        }
        e.prevent_default();
        let files = files_of(e.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            library_open.set(true);
            library.add_files(files);
        }
    });
    on_cleanup(move || {
        drag.remove();
        drop.remove();
    });
    // a phone opened on an article's link shows the article; else the overview comes first
    // the third pane is drawn anew only when it changes, not on every change of the view's
    // options (a timeline zoom would rebuild the overview and lose the chart's focus)
    let pane = Memo::new(move |_| ex.view.get().pane);
    let panel = RwSignal::new(if ex.doc.get_untracked().is_some() {
        Panel::Reader
    } else {
        Panel::Overview
    });
    provide_context(panel);
    // the tab's title names the open article (for history and bookmarks)
    Effect::new(move |_| {
        let d = ex.data.get();
        let title = ex
            .doc
            .get()
            .and_then(|slug| d.doc_by_slug(&slug))
            .map(|i| format!("{} — Dossier", d.corpus.docs[i].display_title()))
            .unwrap_or_else(|| "Dossier".to_string());
        document().set_title(&title);
    });
    // opening an article on a phone shows the reader
    Effect::new(move |prev: Option<Option<String>>| {
        let doc = ex.doc.get();
        if prev.is_some() && doc.is_some() && prev.flatten() != doc {
            panel.set(Panel::Reader);
        }
        doc
    });
    keyboard_shortcuts(panel);
    view! {
        <a class="skip-link" href="#results-title">
            "Skip to the articles"
        </a>
        <Header />
        <Notices />
        <main
            class="panes"
            data-panel=move || panel.get().as_str()
            data-doc=move || ex.doc.get().is_some().then_some("open")
        >
            <aside class="pane filters" aria-label="Filters">
                <Facets />
                <EntityPanel />
            </aside>
            <ResultList />
            {move || match pane.get() {
                Pane::Overview => view! { <Overview /> }.into_any(),
                Pane::Disagreements => lazy_view(disagreements_pane).into_any(),
                Pane::Network => lazy_view(network_pane).into_any(),
                Pane::Map => lazy_view(map_pane).into_any(),
                Pane::Corrections => lazy_view(corrections_pane).into_any(),
            }}
            <Reader />
        </main>
        <PanelSwitcher panel=panel />
        <LibraryPanel open=library_open />
        <CorrectDialog />
        <CorrectionNotice />
    }
}

/// The phone's pane switcher.
#[component]
fn PanelSwitcher(panel: RwSignal<Panel>) -> impl IntoView {
    let ex = explorer();
    let button = move |p: Panel, label: &'static str| {
        let count = move || match p {
            Panel::Overview => 0,
            Panel::Filters => ex.filter.get().criteria.len(),
            Panel::Articles => ex.results.get().docs.len(),
            Panel::Reader => 0,
        };
        view! {
            <button
                type="button"
                aria-pressed=move || if panel.get() == p { "true" } else { "false" }
                on:click=move |_| panel.set(p)
            >
                {label}
                <Show when=move || { p != Panel::Reader && count() > 0 }>
                    <span class="switcher-count">{count}</span>
                </Show>
            </button>
        }
    };
    view! {
        <nav class="switcher" aria-label="Panes">
            {button(Panel::Overview, "Overview")}
            {button(Panel::Filters, "Filters")}
            {button(Panel::Articles, "Articles")}
            {button(Panel::Reader, "Reader")}
        </nav>
    }
}

/// Whether the keyboard event happens while typing in a field.
fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// `/` focuses the search box, `j`/`k` move through the article list (Enter opens), `Esc` drops
/// the filter chosen last.
fn keyboard_shortcuts(panel: RwSignal<Panel>) {
    let ex = explorer();
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.default_prevented()
            || e.ctrl_key()
            || e.meta_key()
            || e.alt_key()
            || typing_in_field(&e)
        {
            return;
        }
        match e.key().as_str() {
            "/" => {
                e.prevent_default();
                if let Some(input) = document()
                    .get_element_by_id("search")
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            }
            "j" | "k" => {
                e.prevent_default();
                panel.set(Panel::Articles);
                move_in_list(if e.key() == "j" { 1 } else { -1 });
            }
            "Escape" if !ex.filter.get_untracked().is_empty() => {
                e.prevent_default();
                ex.update_filter(|f| {
                    f.pop();
                });
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Moves the focus `step` links down (or up) the article list, from the focused link or else
/// the open article.
fn move_in_list(step: i32) {
    let Ok(links) = document().query_selector_all(".result-list a") else {
        return;
    };
    let n = links.length() as i32;
    if n == 0 {
        return;
    }
    let active = document().active_element();
    let mut current = None;
    for i in 0..n {
        let Some(node) = links.item(i as u32) else {
            continue;
        };
        let el: web_sys::Element = node.unchecked_into();
        if active.as_ref() == Some(&el) {
            current = Some(i);
            break;
        }
        if current.is_none() && el.get_attribute("aria-current").is_some() {
            current = Some(i);
        }
    }
    let next = match current {
        Some(i) => (i + step).clamp(0, n - 1),
        None if step > 0 => 0,
        None => n - 1,
    };
    if let Some(el) = links
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
