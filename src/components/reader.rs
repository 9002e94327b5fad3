//! The reader pane: the open article's title, metadata and cleaned body, rendered as text
//! (never as HTML); a clear "not found" state for an unknown `doc`.
use crate::corpus::doc_slug;
use dossier_core::Corpus;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Reader(selected: Signal<Option<String>>) -> impl IntoView {
    let corpus = expect_context::<Arc<Corpus>>();
    let body = move || {
        let Some(slug) = selected.get() else {
            return view! {
                <div class="reader-empty">
                    <p>"Choose an article from the list to read it."</p>
                </div>
            }
            .into_any();
        };
        let Some(doc) = corpus.docs.iter().find(|d| doc_slug(&d.name) == slug) else {
            return view! {
                <div class="reader-not-found" role="alert">
                    <h2>"Article not found"</h2>
                    <p>
                        "No article has the id “" <code>{slug.clone()}</code>
                        "”. It may have been renamed or removed."
                    </p>
                    <p>
                        <a href="?">"Back to all articles"</a>
                    </p>
                </div>
            }
            .into_any();
        };
        let meta = [
            doc.article.outlet.clone(),
            doc.article.author.clone().map(|a| format!("by {a}")),
            doc.article.published.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let paragraphs = doc
            .article
            .body_paragraphs()
            .map(|p| view! { <p>{p.to_string()}</p> })
            .collect_view();
        view! {
            <article class="reader-article" data-doc=slug>
                <h1 class="reader-title">{doc.display_title()}</h1>
                <p class="reader-meta">{meta}</p>
                <div class="reader-body">{paragraphs}</div>
            </article>
        }
        .into_any()
    };
    view! { <section class="pane reader" aria-label="Reader">{body}</section> }
}
