//! The filter pane's facets: the active filters (each removable, and one control that clears
//! them all), entity types, sources, and published and mentioned date ranges. Every count is
//! the number of articles the choice would give under the other filters.
use crate::components::type_style;
use crate::state::explorer;
use dossier_corpus::query::{is_date, Criterion};
use dossier_corpus::EntityType;
use leptos::prelude::*;

/// A chip's label for an active criterion.
fn describe(c: &Criterion, entity_name: impl Fn(usize) -> String) -> String {
    match c {
        Criterion::Entity(e) => entity_name(*e),
        Criterion::Type(t) => format!("Type: {}", type_style(*t).1),
        Criterion::Source(s) => format!("Source: {s}"),
        Criterion::PublishedFrom(d) => format!("Published from {d}"),
        Criterion::PublishedTo(d) => format!("Published to {d}"),
        Criterion::MentionedFrom(d) => format!("Mentions dates from {d}"),
        Criterion::MentionedTo(d) => format!("Mentions dates to {d}"),
        Criterion::Text(q) => format!("Text: {q}"),
    }
}

#[component]
pub fn Facets() -> impl IntoView {
    view! {
        <ActiveFilters />
        <TypeFacet />
        <SourceFacet />
        <DateFacet mentioned=false />
        <DateFacet mentioned=true />
    }
}

#[component]
fn ActiveFilters() -> impl IntoView {
    let ex = explorer();
    let chips = move || {
        let d = ex.data.get();
        let f = ex.filter.get();
        f.criteria
            .iter()
            .map(|c| {
                let label = describe(c, |e| {
                    let ent = &d.corpus.entities[e];
                    format!("{}: {}", type_style(ent.kind).0, ent.name)
                });
                let c = c.clone();
                let remove_label = format!("Remove the filter “{label}”");
                view! {
                    <li class="chip">
                        <span>{label}</span>
                        <button
                            type="button"
                            aria-label=remove_label
                            on:click=move |_| {
                                let c = c.clone();
                                ex.update_filter(move |f| f.criteria.retain(|x| *x != c))
                            }
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="facet active-filters" aria-labelledby="active-title">
            <h2 id="active-title" class="pane-title">
                "Filters"
            </h2>
            <Show
                when=move || !ex.filter.get().is_empty()
                fallback=|| view! { <p class="hint">"None: every article is shown. Esc drops the last filter."</p> }
            >
                <ul class="chips">{chips}</ul>
                <button
                    type="button"
                    class="clear-all"
                    on:click=move |_| ex.set_filter(&Default::default())
                >
                    "Clear all filters"
                </button>
            </Show>
        </section>
    }
}

/// A facet value: a toggle button with its label and count.
fn facet_button(
    label: String,
    count: impl Fn() -> u32 + Send + Sync + 'static,
    pressed: impl Fn() -> bool + Send + Sync + 'static,
    on_click: impl Fn() + Send + Sync + 'static,
    class: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <button
                type="button"
                class=format!("facet-item {class}")
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=move |_| on_click()
            >
                <span class="facet-label">{label}</span>
                <span class="facet-count">{count}</span>
            </button>
        </li>
    }
}

#[component]
fn TypeFacet() -> impl IntoView {
    let ex = explorer();
    let items = EntityType::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let (_, plural, letter, class) = type_style(t);
            facet_button(
                format!("{plural} ({letter})"),
                move || ex.results.get().types[i],
                move || ex.filter.get().has(&Criterion::Type(t)),
                move || ex.update_filter(|f| f.toggle(Criterion::Type(t))),
                class,
            )
        })
        .collect_view();
    view! {
        <section class="facet" aria-labelledby="types-title">
            <h3 id="types-title">"Naming"</h3>
            <ul class="facet-list">{items}</ul>
        </section>
    }
}

#[component]
fn SourceFacet() -> impl IntoView {
    let ex = explorer();
    let items = move || {
        let d = ex.data.get();
        d.index
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let src = s.clone();
                let src2 = s.clone();
                facet_button(
                    s.clone(),
                    move || ex.results.get().sources.get(i).copied().unwrap_or(0),
                    move || ex.filter.get().has(&Criterion::Source(src.clone())),
                    move || {
                        let c = Criterion::Source(src2.clone());
                        ex.update_filter(move |f| f.toggle(c))
                    },
                    "",
                )
            })
            .collect_view()
    };
    let unknown = move || ex.results.get().no_source;
    view! {
        <section class="facet" aria-labelledby="sources-title">
            <h3 id="sources-title">"Source"</h3>
            <ul class="facet-list">{items}</ul>
            <Show when=move || { unknown() > 0 }>
                <p class="hint">{move || format!("{} with no known source", unknown())}</p>
            </Show>
        </section>
    }
}

/// The published (or mentioned) date range: two bounds typed as `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`, and a histogram whose bars set both bounds to their month, year or decade.
#[component]
fn DateFacet(mentioned: bool) -> impl IntoView {
    let ex = explorer();
    let (title, id) = if mentioned {
        ("Dates mentioned", "mentioned")
    } else {
        ("Published", "published")
    };
    let make = move |from: bool, v: String| match (mentioned, from) {
        (false, true) => Criterion::PublishedFrom(v),
        (false, false) => Criterion::PublishedTo(v),
        (true, true) => Criterion::MentionedFrom(v),
        (true, false) => Criterion::MentionedTo(v),
    };
    let current = move |from: bool| {
        let key = make(from, String::new()).key();
        ex.filter
            .get()
            .criteria
            .iter()
            .rev()
            .find(|c| c.key() == key)
            .map(|c| match c {
                Criterion::PublishedFrom(s)
                | Criterion::PublishedTo(s)
                | Criterion::MentionedFrom(s)
                | Criterion::MentionedTo(s) => s.clone(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let error = RwSignal::new(None::<String>);
    let bound = move |from: bool| {
        let label = if from { "From" } else { "To" };
        let input_id = format!("{id}-{}", if from { "from" } else { "to" });
        let for_id = input_id.clone();
        view! {
            <label for=for_id>{label}</label>
            <input
                id=input_id
                type="text"
                inputmode="numeric"
                placeholder="YYYY-MM-DD"
                size="10"
                prop:value=move || current(from)
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().to_string();
                    if v.is_empty() || is_date(&v) {
                        error.set(None);
                        ex.update_filter(move |f| f.set(make(from, v)));
                    } else {
                        error.set(Some(format!("“{v}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")));
                    }
                }
            />
        }
    };
    let bars = move || {
        let r = ex.results.get();
        let bars = if mentioned {
            r.mentioned.clone()
        } else {
            r.published.clone()
        };
        let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
        bars.into_iter()
            .map(|bar| {
                let n = bar.count;
                let pct = (n * 100 / max).max(4);
                let title = if bar.from == bar.to {
                    bar.label.clone()
                } else {
                    format!("{} to {}", bar.from, bar.to)
                };
                let unit = if n == 1 { " article" } else { " articles" };
                let (from, to) = (bar.from, bar.to);
                view! {
                    <li>
                        <button
                            type="button"
                            class="bar"
                            title=title
                            on:click=move |_| {
                                let (from, to) = (from.clone(), to.clone());
                                ex.update_filter(move |f| {
                                    f.set(make(true, from));
                                    f.set(make(false, to));
                                })
                            }
                        >
                            <span class="bar-label">{bar.label}</span>
                            <span class="bar-fill" style:width=format!("{pct}%")></span>
                            <span class="bar-count">
                                {n}
                                <span class="visually-hidden">{unit}</span>
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="facet dates" aria-labelledby=labelled_by>
            <h3 id=heading>{title}</h3>
            <div class="range">{bound(true)} {bound(false)}</div>
            <Show when=move || error.get().is_some()>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </Show>
            <ul class="bars">{bars}</ul>
        </section>
    }
}
