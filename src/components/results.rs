//! The list of articles the filter gives: what the filter means in words, then title, source,
//! author and date of each, by date (newest first), by source or by relevance to a text query,
//! linking to `?...&doc=<id>`; the open one is marked with `aria-current`. Long lists are shown
//! a hundred at a time.
use crate::download::{download, today};
use crate::library::library;
use crate::state::{explorer, Data};
use dossier_corpus::format::export;
use dossier_corpus::index::DocFacts;
use dossier_corpus::query::{describe, Order};
use dossier_corpus::views::list::date_label;
use dossier_corpus::Document;
use leptos::prelude::*;

/// The line under an article's title: source, author and the date it is sorted by, saying
/// which date that is (published, the page's date, or the latest date its text names).
pub fn doc_meta(doc: &Document, facts: &DocFacts) -> String {
    [
        doc.source().map(str::to_string),
        doc.article.author.clone(),
        Some(date_label(doc, facts)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

const PAGE: usize = 100;

#[component]
pub fn ResultList() -> impl IntoView {
    let ex = explorer();
    let shown = RwSignal::new(PAGE);
    // a new result set starts from its first page
    Effect::new(move |_| {
        ex.results.track();
        // setting an unchanged value would still re-render the list
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let row = move |data: &Data, d: u32| {
        let doc = &data.corpus.docs[d as usize];
        let slug = data.slugs[d as usize].clone();
        let href = ex.doc_href(&slug);
        let current = {
            let slug = slug.clone();
            move || (ex.doc.get().as_deref() == Some(slug.as_str())).then_some("page")
        };
        let user = doc.meta.user;
        let undated = data.index.docs[d as usize].best_date.is_none();
        view! {
            <li class="article-item" class:undated=undated>
                <a href=href aria-current=current data-doc=slug>
                    <span class="article-title">{doc.display_title()}</span>
                    <span class="article-meta">
                        {doc_meta(doc, &data.index.docs[d as usize])}
                        {user.then(|| view! { <span class="badge">"added by you"</span> })}
                    </span>
                </a>
            </li>
        }
    };
    let list = move || {
        let data = ex.data.get();
        let r = ex.results.get();
        r.docs
            .iter()
            .take(shown.get())
            .map(|&d| row(&data, d))
            .collect_view()
    };
    let summary = move || match ex.results.get().docs.len() {
        0 => String::new(),
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    };
    let sentence = move || describe(&ex.filter.get(), &ex.data.get().corpus);
    let order = move || ex.results.get().order.unwrap_or(Order::Date);
    let has_query = move || ex.results.get().text_query;
    let more = move || ex.results.get().docs.len() > shown.get();
    // exports of the articles the filter shows
    let export_as = move |kind: &'static str| {
        let d = ex.data.get_untracked();
        let docs = ex.results.get_untracked().docs.clone();
        let date = today();
        let _ = match kind {
            "json" => download(
                &format!("dossier-{date}.json"),
                "application/json",
                &export::guidelines_json(&d.corpus, &docs, Some(&library().log.get_untracked())),
            ),
            "csv" => download(
                &format!("dossier-entities-{date}.csv"),
                "text/csv",
                &export::entities_csv(&d.corpus, &docs),
            ),
            _ => download(
                &format!("dossier-annotations-{date}.jsonl"),
                "application/x-ndjson",
                &export::annotations_jsonl(&d.corpus, &docs),
            ),
        };
    };
    view! {
        <section class="pane results" aria-labelledby="results-title">
            <h2 id="results-title" class="pane-title" tabindex="-1">
                "Articles"
            </h2>
            <p class="filter-sentence" hidden=move || sentence().is_none()>{sentence}</p>
            <div class="result-bar">
                <p class="result-summary">{summary}</p>
                <span class="sort">
                <label for="result-sort">"Order"</label>
                <select
                    id="result-sort"
                    on:change=move |ev| {
                        let o = Order::parse(&event_target_value(&ev));
                        ex.update_filter(|f| f.order = o);
                    }
                >
                    {move || {
                        Order::ALL
                            .into_iter()
                            .filter(|o| *o != Order::Relevance || has_query())
                            .map(|o| view! {
                                <option value=o.as_str() selected=move || order() == o>{o.label()}</option>
                            })
                            .collect_view()
                    }}
                </select>
                </span>
            </div>
            <Show when=move || !ex.results.get().docs.is_empty()>
                <details class="export">
                    <summary>"Export these articles"</summary>
                    <div class="export-items" role="group" aria-label="Export these articles">
                    <button type="button" title="The articles and their mentions, in the annotation guidelines' JSON" on:click=move |_| export_as("json")>
                        "JSON"
                    </button>
                    <button type="button" title="The entities these articles name: type, aliases, mentions, articles" on:click=move |_| export_as("csv")>
                        "Entities CSV"
                    </button>
                    <button type="button" title="Annotations with character offsets, for doccano or spaCy" on:click=move |_| export_as("jsonl")>
                        "Annotations JSONL"
                    </button>
                    </div>
                </details>
            </Show>
            <Show when=move || ex.results.get().docs.is_empty()>
                <div class="empty">
                    <p>"No article matches these filters."</p>
                    <button type="button" on:click=move |_| ex.set_filter(&Default::default())>
                        "Clear all filters"
                    </button>
                </div>
            </Show>
            <ol class="result-list">{list}</ol>
            <Show when=more>
                <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || {
                        let left = ex.results.get().docs.len().saturating_sub(shown.get());
                        format!("Show {} more", left.min(PAGE))
                    }}
                </button>
            </Show>
        </section>
    }
}
