//! The overview, the landing view (in the third pane while no article is open; the first
//! panel on a phone): what the filter keeps in one screen, with counts of articles, sources and
//! entities, the most-named people, organisations, places and weapon systems (each one click
//! from a filter), the dates covered, the timeline, and the way to the disagreements and the
//! network. All of it comes from `dossier_corpus::views::overview`.
use crate::components::{timeline::Timeline, type_style};
use crate::library::library;
use crate::state::{explorer, Pane};
use dossier_corpus::query::Criterion;
use dossier_corpus::views::overview::overview;
use dossier_corpus::views::timeline::{day_epoch, format_epoch};
use leptos::prelude::*;

/// Entities listed per type.
const TOP: usize = 5;

/// `20240810` as `2024-08-10`.
fn day(d: u32) -> String {
    format_epoch(day_epoch(d))
}

#[component]
pub fn Overview() -> impl IntoView {
    let ex = explorer();
    let data = Memo::new(move |_| {
        let d = ex.data.get();
        let r = ex.results.get();
        overview(&d.corpus, &d.index, &r, TOP)
    });
    let counts = move || {
        let o = data.get();
        let articles = if o.articles == o.total_articles {
            format!("{} articles", o.articles)
        } else {
            format!("{} of {} articles", o.articles, o.total_articles)
        };
        format!(
            "{articles} · {} source{} · {} entities",
            o.sources,
            if o.sources == 1 { "" } else { "s" },
            o.entities
        )
    };
    let dates = move || {
        let o = data.get();
        let mut parts = Vec::new();
        if let Some((a, b)) = o.mentioned {
            parts.push(format!("dates named from {} to {}", day(a), day(b)));
        }
        if let Some((a, b)) = o.published {
            parts.push(format!("published from {} to {}", day(a), day(b)));
        }
        if o.undated > 0 {
            parts.push(format!("{} undated", o.undated));
        }
        parts.join(" · ")
    };
    let top = move || {
        let o = data.get();
        let d = ex.data.get();
        let f = ex.filter.get();
        o.top
            .into_iter()
            .map(|(t, ids)| {
                let (_, plural, letter, class) = type_style(t);
                let items = ids
                    .into_iter()
                    .map(|(i, n)| {
                        let name = d.corpus.entities[i].name.clone();
                        let chosen = f.has(&Criterion::Entity(i));
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="top-entity"
                                    aria-pressed=if chosen { "true" } else { "false" }
                                    on:click=move |_| ex.update_filter(|f| f.toggle(Criterion::Entity(i)))
                                >
                                    <span class="entity-name">{name}</span>
                                    <span class="entity-counts">{format!("{n} article{}", if n == 1 { "" } else { "s" })}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class=format!("top-group {class}")>
                        <h3><span class="tag" aria-hidden="true">{letter}</span>{plural}</h3>
                        <ol class="top-list">{items}</ol>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pane overview" aria-labelledby="overview-title">
            <h2 id="overview-title" class="pane-title">"Overview"</h2>
            <p class="overview-counts">{counts}</p>
            <p class="overview-dates">{dates}</p>
            <p class="overview-disagreements">
                {move || {
                    let d = ex.data.get();
                    let r = ex.results.get();
                    let n = ex.disagreements.get().in_filter(&r.docs, d.corpus.docs.len()).len();
                    match n {
                        0 => "Sources agree on what these articles say.".to_string(),
                        1 => "1 place where sources disagree.".to_string(),
                        n => format!("{n} places where sources disagree."),
                    }
                }}
                " "
                <button type="button" class="show-disagreements" on:click=move |_| ex.show_pane(Pane::Disagreements)>
                    "Where sources disagree"
                </button>
                " "
                <button type="button" class="show-network" on:click=move |_| ex.show_pane(Pane::Network)>
                    "Who with whom"
                </button>
                " "
                <button type="button" class="show-map" on:click=move |_| ex.show_pane(Pane::Map)>
                    "Where"
                </button>
                " "
                <button type="button" class="show-corrections" on:click=move |_| ex.show_pane(Pane::Corrections)>
                    {move || {
                        let n = library().log.with(|l| l.active().len());
                        if n == 0 { "Corrections".to_string() } else { format!("Corrections ({n})") }
                    }}
                </button>
            </p>
            <Timeline />
            <h3 class="top-title">"Most named"</h3>
            <div class="top-grid">{top}</div>
            <p class="hint">"Choose an article from the list to read it. Keys: / search · j and k move through the list · Enter opens · Esc drops the last filter"</p>
        </section>
    }
}
