//! The page shell: router, header and the two panes (article list and reader). The open
//! article lives in the query string (`?doc=...`), so links, reloads and back/forward work.
use crate::components::{article_list::ArticleList, reader::Reader};
use dossier_core::Corpus;
use leptos::prelude::*;
use leptos_router::{components::Router, hooks::use_query_map};
use std::sync::Arc;

/// The whole app with the bundled corpus.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppWith corpus=crate::corpus::bundled() /> }
}

/// The app over a given corpus (tests pass their own).
#[component]
pub fn AppWith(corpus: Arc<Corpus>) -> impl IntoView {
    provide_context(corpus);
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let query = use_query_map();
    let selected = Signal::derive(move || query.read().get("doc"));
    let corpus = expect_context::<Arc<Corpus>>();
    let count = corpus.docs.len();
    view! {
        <header class="site-header">
            <a class="brand" href="?">
                "Dossier"
            </a>
            <span class="tagline">"News articles, their people, places and weapons, linked"</span>
            <span class="corpus-size">{format!("{count} articles")}</span>
        </header>
        <main class="layout">
            <ArticleList selected=selected />
            <Reader selected=selected />
        </main>
    }
}
