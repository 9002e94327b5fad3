//! The entity panel: every entity of the corpus grouped by type, with the articles (under the
//! current filter, and in all) and mentions naming it; sortable by count or name; narrowed by
//! typing part of a name or alias. Choosing entities filters to the articles naming all of
//! them, or any of them with the switch.
use crate::components::corrections::{correct, Target};
use crate::components::type_style;
use crate::state::explorer;
use dossier_corpus::index::search::fold;
use dossier_corpus::query::Criterion;
use dossier_corpus::views::list::entity_counts;
use dossier_corpus::EntityType;
use leptos::prelude::*;
use std::sync::Arc;

/// Entities shown per type before "Show all".
const SHOWN: usize = 25;

#[component]
pub fn EntityPanel() -> impl IntoView {
    let ex = explorer();
    let needle = RwSignal::new(String::new());
    let by_name = RwSignal::new(false);
    let expanded = RwSignal::new(Vec::<EntityType>::new());
    // each entity's name and aliases, folded once per corpus, for the name filter
    let haystacks = Memo::new(move |_| {
        let d = ex.data.get();
        Arc::new(
            d.corpus
                .entities
                .iter()
                .map(|e| fold(&format!("{} | {}", e.name, e.aliases.join(" | "))))
                .collect::<Vec<String>>(),
        )
    });
    let group = move |t: EntityType| {
        let (_, plural, letter, class) = type_style(t);
        let ids = Memo::new(move |_| {
            let d = ex.data.get();
            let r = ex.results.get();
            let hay = haystacks.get();
            let n = fold(needle.get().trim());
            let furniture = ex.filter.get().furniture;
            let mut ids: Vec<usize> = d
                .corpus
                .entities
                .iter()
                .enumerate()
                .filter(|(i, e)| {
                    e.kind == t && e.offered(furniture) && (n.is_empty() || hay[*i].contains(&n))
                })
                .map(|(i, _)| i)
                .collect();
            if by_name.get() {
                ids.sort_by_cached_key(|&i| fold(&d.corpus.entities[i].name));
            } else {
                ids.sort_by_key(|&i| {
                    let e = &d.corpus.entities[i];
                    (
                        std::cmp::Reverse(r.entities[i]),
                        std::cmp::Reverse(e.doc_count),
                        std::cmp::Reverse(e.mention_count),
                    )
                });
            }
            ids
        });
        let total = move || ids.with(Vec::len);
        let items = move || {
            let (d, r, f) = (ex.data.get(), ex.results.get(), ex.filter.get());
            let all = expanded.get().contains(&t);
            ids.get()
                .into_iter()
                .take(if all { usize::MAX } else { SHOWN })
                .map(|i| {
                    let e = &d.corpus.entities[i];
                    let selected = f.has(&Criterion::Entity(i));
                    let in_results = r.entities[i];
                    let counts = entity_counts(e, in_results, r.docs.len(), !f.is_empty(), f.furniture);
                    let aliases: Vec<&String> = e.aliases.iter().filter(|a| **a != e.name).take(8).collect();
                    let title = if aliases.is_empty() {
                        String::new()
                    } else {
                        format!("Also: {}", aliases.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", "))
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="entity"
                                class:dim=in_results == 0
                                aria-pressed=if selected { "true" } else { "false" }
                                title=title
                                on:click=move |_| ex.update_filter(|f| f.toggle(Criterion::Entity(i)))
                            >
                                <span class="entity-name">{e.name.clone()}</span>
                                <span class="entity-counts">{counts}</span>
                            </button>
                            <button
                                type="button"
                                class="entity-fix"
                                aria-label=format!("Correct {}", e.name)
                                title="Correct: rename, change the type, merge, split, or not an entity"
                                on:click=move |_| correct(Target::Entity { entity: i, mention: None })
                            >
                                "✎"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        };
        let heading_id = format!("entities-{}", class);
        let labelled_by = heading_id.clone();
        view! {
            <section class=format!("entity-group {class}") aria-labelledby=labelled_by>
                <h3 id=heading_id>
                    <span class="tag" aria-hidden="true">{letter}</span>
                    {plural}
                    <span class="group-count">{total}</span>
                </h3>
                <ul class="entity-list">{items}</ul>
                <Show when=move || { total() > SHOWN }>
                    <button
                        type="button"
                        class="more"
                        aria-expanded=move || if expanded.get().contains(&t) { "true" } else { "false" }
                        on:click=move |_| expanded.update(|v| {
                            if let Some(p) = v.iter().position(|x| *x == t) { v.remove(p); } else { v.push(t); }
                        })
                    >
                        {move || if expanded.get().contains(&t) { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
                    </button>
                </Show>
            </section>
        }
    };
    view! {
        <section class="entities" aria-labelledby="entities-title">
            <h2 id="entities-title" class="pane-title">
                "Entities"
            </h2>
            <div class="entity-tools">
                <label for="entity-filter" class="visually-hidden">
                    "Find an entity by part of its name or alias"
                </label>
                <input
                    id="entity-filter"
                    type="search"
                    placeholder="Find an entity…"
                    autocomplete="off"
                    prop:value=move || needle.get()
                    on:input=move |ev| needle.set(event_target_value(&ev))
                />
                <label for="entity-sort">"Sort"</label>
                <select id="entity-sort" on:change=move |ev| by_name.set(event_target_value(&ev) == "name")>
                    <option value="count" selected=move || !by_name.get()>"by count"</option>
                    <option value="name" selected=move || by_name.get()>"by name"</option>
                </select>
            </div>
            <div class="match-mode" role="group" aria-label="Articles must name">
                <button
                    type="button"
                    aria-pressed=move || if ex.filter.get().any { "false" } else { "true" }
                    on:click=move |_| ex.update_filter(|f| f.any = false)
                >
                    "All chosen"
                </button>
                <button
                    type="button"
                    aria-pressed=move || if ex.filter.get().any { "true" } else { "false" }
                    on:click=move |_| ex.update_filter(|f| f.any = true)
                >
                    "Any chosen"
                </button>
            </div>
            {EntityType::ALL.into_iter().map(group).collect_view()}
        </section>
    }
}
