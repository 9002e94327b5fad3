//! The list of articles in the corpus: title, outlet, author and date of each, linking to
//! `?doc=<id>`; the open one is marked with `aria-current`.
use crate::corpus::doc_slug;
use dossier_core::Corpus;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ArticleList(selected: Signal<Option<String>>) -> impl IntoView {
    let corpus = expect_context::<Arc<Corpus>>();
    let items = corpus
        .docs
        .iter()
        .map(|doc| {
            let slug = doc_slug(&doc.name).to_string();
            let href = format!("?doc={slug}");
            let title = doc.display_title();
            let meta = [
                doc.article.outlet.clone(),
                doc.article.author.clone(),
                doc.article.published.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let current = {
                let slug = slug.clone();
                move || (selected.get().as_deref() == Some(slug.as_str())).then_some("page")
            };
            view! {
                <li class="article-item">
                    <a href=href aria-current=current data-doc=slug>
                        <span class="article-title">{title}</span>
                        <span class="article-meta">{meta}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="pane article-list" aria-label="Articles">
            <h2 class="pane-title">"Articles"</h2>
            <ul>{items}</ul>
        </nav>
    }
}
