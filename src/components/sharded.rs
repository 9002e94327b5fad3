//! The explorer on a static corpus (`dossier build`): search box and count, what is being
//! fetched and what failed, the facets the root lists (types, sources, most-named entities,
//! months) counted within the results, the result list a hundred at a time, the overview, and
//! the reader with mentions and search matches marked. A split point: its code loads only on a
//! site that declares a corpus. It draws what `dossier_corpus::shard` answers.
use crate::components::{plural, type_style, Draw};
use crate::sharded::Shards;
use crate::state::parse_query;
use dossier_corpus::index::{self, search::TextQuery};
use dossier_corpus::shard::{self, Answer, ArticleText, Counts, SearchNeed, ShardFilter};
use dossier_corpus::views::segments::{paragraphs, LineKind, Piece};
use dossier_corpus::EntityType;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// Results listed at a time.
const PAGE: usize = 100;
/// Entities of each type listed in the facets.
const FACET_ENTITIES: usize = 12;

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(sharded_app, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn sharded_app() -> Draw {
    Ok(|| view! { <ShardedExplorer /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn sharded_app() -> Draw {
    Ok(|| view! { <ShardedExplorer /> }.into_any())
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn kb(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.0} KB", bytes as f64 / 1e3)
    }
}

fn query_string(params: &[(String, String)]) -> String {
    let enc = |s: &str| {
        js_sys::encode_uri_component(s)
            .as_string()
            .unwrap_or_default()
    };
    let q: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    format!("?{}", q.join("&"))
}

#[component]
fn ShardedExplorer() -> impl IntoView {
    let path = crate::sharded::declared().unwrap_or_default();
    let shards = Shards::open(path);
    let location = use_location();
    let params = Memo::new(move |_| parse_query(&location.search.get()));
    let parsed = Memo::new(move |_| {
        let root = shards.root.get()?.ok()?;
        let ps = params.get();
        Some(ShardFilter::from_params(
            &root,
            ps.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    });
    let filter = Memo::new(move |_| parsed.get().map(|p| p.0).unwrap_or_default());
    let doc = Memo::new(move |_| {
        params
            .get()
            .into_iter()
            .find(|(k, _)| k == "doc")
            .and_then(|(_, v)| v.parse::<u32>().ok())
    });
    let navigate = use_navigate();
    let go = Callback::new(move |(f, doc, replace): (ShardFilter, Option<u32>, bool)| {
        let Some(Ok(root)) = shards.root.get_untracked() else {
            return;
        };
        let mut ps = f.to_params(&root);
        if let Some(d) = doc {
            ps.push(("doc".into(), d.to_string()));
        }
        navigate(
            &query_string(&ps),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    // the answer: kept while the files a new filter needs are fetched
    let answer = RwSignal::new(None::<(Arc<Answer>, ShardFilter, f64)>);
    let trouble = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let f = filter.get();
        let t0 = now();
        match shards.with(|root, cache| shard::answer(root, cache, &f)) {
            Some(Ok(a)) => {
                let ms = now() - t0;
                // a file arriving for something else asks again: the same answer draws nothing
                let same = answer.with_untracked(|old| {
                    old.as_ref().is_some_and(|(o, of, _)| **o == a && *of == f)
                });
                if !same {
                    answer.set(Some((Arc::new(a), f, ms)));
                }
                if trouble.with_untracked(Option::is_some) {
                    trouble.set(None);
                }
            }
            Some(Err(SearchNeed::Files(need))) => shards.fetch(need.0),
            Some(Err(SearchNeed::Bad(e))) => trouble.set(Some(e.0)),
            None => {}
        }
    });
    // the facet counts within the results: their postings are fetched after the results show
    let counts = Memo::new(move |_| {
        let (a, _, _) = answer.get()?;
        match shards.with(|root, cache| shard::facet_counts(root, cache, &a))? {
            Ok(c) => Some(c),
            Err(need) => {
                shards.fetch(need.0);
                None
            }
        }
    });
    let total = move || {
        shards
            .root
            .get()
            .and_then(|r| r.ok())
            .map_or(0, |r| r.articles)
    };
    view! {
        <div class="app sharded">
            <header class="site-header">
                <a class="brand" href="?">"Dossier"</a>
                <form class="search" role="search" on:submit=move |ev| ev.prevent_default()>
                    <label for="search" class="visually-hidden">"Search the articles"</label>
                    <input
                        id="search"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="Search…"
                        title="Words and prefix*; every word must match"
                        prop:value=move || filter.get().text
                        on:input=move |ev| {
                            let mut f = filter.get_untracked();
                            f.text = event_target_value(&ev);
                            go.run((f, None, true));
                        }
                    />
                </form>
                <p class="result-count" aria-live="polite">
                    {move || match answer.get() {
                        Some((a, f, _)) if !f.is_empty() => {
                            format!("{} of {} articles", a.total, total())
                        }
                        _ => format!("{} articles", total()),
                    }}
                </p>
            </header>
            <Status shards=shards trouble=trouble />
            <Notes parsed=parsed />
            <main class="panes" data-doc=move || doc.get().map(|d| d.to_string())>
                <ShardFacets shards=shards answer=answer counts=counts go=go />
                <ShardResults shards=shards answer=answer filter=filter doc=doc go=go />
                {move || match doc.get() {
                    Some(id) => view! { <ShardReader shards=shards id=id filter=filter go=go /> }.into_any(),
                    None => view! { <ShardOverview shards=shards answer=answer counts=counts filter=filter go=go /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// What is being fetched, and what could not be.
#[component]
fn Status(shards: Shards, trouble: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <div class="shard-status">
            {move || {
                let p = shards.progress.get();
                (p.files > 0).then(|| view! {
                    <p class="hint fetching" role="status">
                        {format!("Fetching {} of {} files ({} so far)…", p.done, p.files, kb(p.bytes))}
                    </p>
                })
            }}
            {move || match shards.root.get() {
                None => Some(view! { <p class="hint" role="status">"Opening the corpus…"</p> }.into_any()),
                Some(Err(why)) => Some(view! { <p class="shard-failed" role="alert">{why}</p> }.into_any()),
                Some(Ok(_)) => None,
            }}
            {move || trouble.get().map(|t| view! { <p class="shard-failed" role="alert">{t}</p> })}
            {move || {
                let failed = shards.failed.get();
                (!failed.is_empty()).then(|| view! {
                    <div class="shard-failed" role="alert">
                        <p>{format!("{} of the corpus could not be read, so what {} is not shown:", plural(failed.len(), "file", "files"), if failed.len() == 1 { "it holds" } else { "they hold" })}</p>
                        <ul>
                            {failed.into_iter().map(|(f, why)| view! { <li><code>{f}</code>": "{why}</li> }).collect_view()}
                        </ul>
                        <button type="button" on:click=move |_| shards.retry()>"Try again"</button>
                    </div>
                })
            }}
        </div>
    }
}

#[component]
fn Notes(parsed: Memo<Option<(ShardFilter, Vec<String>)>>) -> impl IntoView {
    move || {
        let notes = parsed.get().map(|p| p.1).unwrap_or_default();
        (!notes.is_empty()).then(|| {
            view! {
                <ul class="notices" role="status">
                    {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn ShardFacets(
    shards: Shards,
    answer: RwSignal<Option<(Arc<Answer>, ShardFilter, f64)>>,
    counts: Memo<Option<Counts>>,
    go: Callback<(ShardFilter, Option<u32>, bool)>,
) -> impl IntoView {
    let body = move || {
        let root = shards.root.get()?.ok()?;
        // the filter the answer is for: the facets redraw once an answer comes, not also
        // when the URL changes before it
        let (a, f, _) = answer.get()?;
        let c = counts.get();
        // a count not known yet (its postings are on their way) shows as "…"
        let count = |k: u32| c.as_ref().map(|c| c.count(k));
        let shown = |n: Option<u32>| n.map_or_else(|| "…".to_string(), |n| n.to_string());
        let types = EntityType::ALL
            .iter()
            .map(|&t| {
                let (_, plural_name, letter, class) = type_style(t);
                let n = shown(count(root.type_key(t)));
                let on = f.kind == Some(t);
                let f2 = f.clone();
                view! {
                    <li>
                        <button type="button" class=format!("facet-item {class}") aria-pressed=on.to_string()
                            on:click=move |_| {
                                let mut g = f2.clone();
                                g.kind = if on { None } else { Some(t) };
                                go.run((g, None, false));
                            }>
                            <span class="facet-label"><span class="tag" aria-hidden="true">{letter}</span>" "{plural_name}</span>
                            <span class="facet-count">{n}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let sources = shard::top_sources(&root, c.as_ref(), 20)
            .into_iter()
            .map(|(i, n)| {
                let on = f.source == Some(i as u32);
                let name = root.sources[i].name.clone();
                let f2 = f.clone();
                view! {
                    <li>
                        <button type="button" class="facet-item" aria-pressed=on.to_string()
                            on:click=move |_| {
                                let mut g = f2.clone();
                                g.source = if on { None } else { Some(i as u32) };
                                go.run((g, None, false));
                            }>
                            <span class="facet-label">{name}</span>
                            <span class="facet-count">{shown(n)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let entities = EntityType::ALL
            .iter()
            .filter(|t| **t != EntityType::Date)
            .map(|&t| {
                let (_, plural_name, letter, class) = type_style(t);
                let items = shard::top_entities(&root, c.as_ref(), t, FACET_ENTITIES)
                    .into_iter()
                    .map(|(e, n)| {
                        let on = f.entities.contains(&e.id);
                        let f2 = f.clone();
                        let id = e.id;
                        view! {
                            <li>
                                <button type="button" class=format!("facet-item {class}") aria-pressed=on.to_string()
                                    data-entity=id
                                    on:click=move |_| {
                                        let mut g = f2.clone();
                                        g.toggle_entity(id);
                                        go.run((g, None, false));
                                    }>
                                    <span class="facet-label"><span class="tag" aria-hidden="true">{letter}</span>" "{e.name.clone()}</span>
                                    <span class="facet-count">{shown(n)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{plural_name}</h3>
                    <ul class="facet-list">{items}</ul>
                }
            })
            .collect_view();
        let months = root
            .months
            .iter()
            .zip(&a.months)
            .filter(|(_, n)| **n > 0)
            .map(|(m, n)| {
                let month = m.month.clone();
                let (from, to) = index::partial(&month).unwrap_or((0, 0));
                let on = f.dates == Some((from, to));
                let f2 = f.clone();
                view! {
                    <li>
                        <button type="button" class="facet-item" aria-pressed=on.to_string()
                            on:click=move |_| {
                                let mut g = f2.clone();
                                g.dates = if on { None } else { Some((from, to)) };
                                go.run((g, None, false));
                            }>
                            <span class="facet-label">{month}</span>
                            <span class="facet-count">{*n}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let clear = (!f.is_empty()).then(|| view! {
            <button type="button" class="clear" on:click=move |_| go.run((ShardFilter::default(), None, false))>"Clear the filter"</button>
        });
        Some(view! {
            {clear}
            <h2 class="pane-title">"Types"</h2>
            <ul class="facet-list">{types}</ul>
            <h2 class="pane-title">"Most named"</h2>
            {entities}
            <h2 class="pane-title">"Sources"</h2>
            <ul class="facet-list">{sources}</ul>
            <h2 class="pane-title">"Months"</h2>
            <ul class="facet-list months">{months}</ul>
        })
    };
    view! {
        <aside class="pane filters" aria-label="Filters">{body}</aside>
    }
}

#[component]
fn ShardResults(
    shards: Shards,
    answer: RwSignal<Option<(Arc<Answer>, ShardFilter, f64)>>,
    filter: Memo<ShardFilter>,
    doc: Memo<Option<u32>>,
    go: Callback<(ShardFilter, Option<u32>, bool)>,
) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE);
    });
    let rows = Memo::new(move |_| {
        let (a, _, _) = answer.get()?;
        let ids: Vec<u32> = a.ids.iter().copied().take(shown.get()).collect();
        match shards.with(|root, cache| {
            cache.rows_of(root, &ids).map(|rows| {
                rows.into_iter()
                    .zip(&ids)
                    .map(|(r, &id)| {
                        let source = r
                            .source
                            .and_then(|s| root.sources.get(s as usize))
                            .map(|s| s.name.clone());
                        (id, r.clone(), source)
                    })
                    .collect::<Vec<_>>()
            })
        })? {
            Ok(rows) => Some(rows),
            Err(need) => {
                shards.fetch(need.0);
                None
            }
        }
    });
    let ms = move || answer.get().map_or(0.0, |a| a.2);
    let q = move || answer.get().map(|a| a.1.text.clone()).unwrap_or_default();
    let sort = move || {
        let f = answer.get().map(|a| a.1.clone()).unwrap_or_default();
        (!f.text.trim().is_empty()).then(|| {
            let choose = move |best: bool| {
                let mut g = filter.get_untracked();
                g.best = best;
                go.run((g, None, false));
            };
            view! {
                <div class="result-bar" role="group" aria-label="Order of the matches">
                    <button type="button" aria-pressed=(!f.best).to_string() on:click=move |_| choose(false)>"Newest first"</button>
                    <button type="button" aria-pressed=f.best.to_string() on:click=move |_| choose(true)
                        title="The best matches of a common word are spread over every period, so their rows take more files to fetch">"Best match"</button>
                </div>
            }
        })
    };
    let total = move || answer.get().map_or(0, |a| a.0.total as usize);
    // rows are kept by article: a filter that keeps an article keeps its row's elements
    let each = move || rows.get().unwrap_or_default();
    view! {
        <section class="pane results" aria-label="Articles" data-answer-ms=move || format!("{:.2}", ms()) data-answered=q>
            {sort}
            {move || match rows.get() {
                None => Some(view! { <p class="hint" role="status">"Loading the list…"</p> }.into_any()),
                Some(r) if r.is_empty() => Some(view! { <p class="hint">"No article matches."</p> }.into_any()),
                Some(_) => None,
            }}
            <ol class="result-list">
                <For each=each key=|(id, _, _)| *id children=move |(id, r, source)| view! {
                    <li class="result" class:open=move || doc.get() == Some(id) data-id=id>
                        <a href="#" aria-current=move || (doc.get() == Some(id)).then_some("true")
                            on:click=move |ev| {
                                ev.prevent_default();
                                go.run((filter.get_untracked(), Some(id), false));
                            }>
                            <span class="result-title">{r.title.clone()}</span>
                        </a>
                        <span class="result-meta">
                            {[r.date.clone(), source].into_iter().flatten().collect::<Vec<_>>().join(" · ")}
                        </span>
                    </li>
                } />
            </ol>
            {move || {
                let shown_now = rows.get().map_or(0, |r| r.len());
                (total() > shown_now && shown_now > 0).then(|| view! {
                    <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("Show {} more", (total() - shown_now).min(PAGE))}
                    </button>
                })
            }}
        </section>
    }
}

#[component]
fn ShardOverview(
    shards: Shards,
    answer: RwSignal<Option<(Arc<Answer>, ShardFilter, f64)>>,
    counts: Memo<Option<Counts>>,
    filter: Memo<ShardFilter>,
    go: Callback<(ShardFilter, Option<u32>, bool)>,
) -> impl IntoView {
    let body = move || {
        let root = shards.root.get()?.ok()?;
        let (a, _, _) = answer.get()?;
        let c = counts.get();
        let span = match (root.months.first(), root.months.last()) {
            (Some(x), Some(y)) => format!("from {} to {}", x.month, y.month),
            _ => "with no dates".to_string(),
        };
        let lists = [EntityType::Person, EntityType::Org, EntityType::Place, EntityType::Weapon]
            .into_iter()
            .map(|t| {
                let (_, plural_name, letter, class) = type_style(t);
                let items = shard::top_entities(&root, c.as_ref(), t, 8).into_iter().map(|(e, n)| {
                    let id = e.id;
                    view! {
                        <li>
                            <button type="button" class=format!("facet-item {class}") on:click=move |_| {
                                let mut g = filter.get_untracked();
                                g.toggle_entity(id);
                                go.run((g, None, false));
                            }>
                                <span class="facet-label"><span class="tag" aria-hidden="true">{letter}</span>" "{e.name.clone()}</span>
                                <span class="facet-count">{n.map_or_else(|| "…".to_string(), |n| plural(n, "article", "articles"))}</span>
                            </button>
                        </li>
                    }
                }).collect_view();
                view! {
                    <section class="overview-list">
                        <h3>{plural_name}</h3>
                        <ol>{items}</ol>
                    </section>
                }
            })
            .collect_view();
        Some(view! {
            <h2>"Overview"</h2>
            <p>{format!(
                "{} articles ({} of text), {} entities, {}.",
                root.articles,
                kb(root.text_bytes),
                root.entities,
                span
            )}</p>
            <p class="hint">{format!("{} match the filter. Counts are of articles among them.", a.total)}</p>
            <div class="overview-lists">{lists}</div>
            <p class="hint">"The timeline, the network, the map, where the sources disagree and corrections read the whole corpus in memory, and are not drawn on a static corpus yet."</p>
        })
    };
    view! {
        <section class="pane overview" aria-label="Overview">{body}</section>
    }
}

#[component]
fn ShardReader(
    shards: Shards,
    id: u32,
    filter: Memo<ShardFilter>,
    go: Callback<(ShardFilter, Option<u32>, bool)>,
) -> impl IntoView {
    let text = Signal::derive(move || {
        match shards.with(|root, cache| cache.text(root, id).map(|t| t.cloned()))? {
            Ok(t) => Some(t.map(Arc::new)),
            Err(need) => {
                shards.fetch(need.0);
                None
            }
        }
    });
    let body = move || {
        match text.get() {
        None => view! { <p class="hint" role="status">"Loading the article…"</p> }.into_any(),
        Some(None) => view! { <p class="reader-not-found" role="alert">{format!("There is no article {id} in this corpus.")}</p> }.into_any(),
        Some(Some(t)) => article_view(t, filter, go).into_any(),
    }
    };
    view! {
        <section class="pane reader" id="reader" aria-label="Reader">
            <button type="button" class="back" on:click=move |_| go.run((filter.get_untracked(), None, false))>"Back to the overview"</button>
            {body}
        </section>
    }
}

fn article_view(
    t: Arc<ArticleText>,
    filter: Memo<ShardFilter>,
    go: Callback<(ShardFilter, Option<u32>, bool)>,
) -> impl IntoView {
    let doc = &t.doc;
    let q = TextQuery::parse(&filter.get_untracked().text);
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        index::search::matches(&index::searchable_terms(doc), &q)
    };
    let paras = paragraphs(doc, false, &hits, |_| true);
    let name_of = |e: usize| {
        t.entities
            .iter()
            .find(|r| r.id as usize == e)
            .map(|r| r.name.clone())
    };
    let body = paras
        .into_iter()
        .filter(|p| !matches!(p.kind, LineKind::Title))
        .map(|p| {
            let pieces = p
                .pieces
                .iter()
                .map(|piece| match piece {
                    Piece::Text(r) => {
                        let s = doc.text[r.start..r.end].to_string();
                        if r.hit {
                            Either::Left(Either::Left(view! { <mark class="hit">{s}</mark> }))
                        } else {
                            Either::Left(Either::Right(s))
                        }
                    }
                    Piece::Mention { index, runs } => {
                        let m = &doc.mentions[*index];
                        let (label, _, letter, class) = type_style(m.kind);
                        let s: String = runs.iter().map(|r| &doc.text[r.start..r.end]).collect();
                        let shown = runs
                            .iter()
                            .map(|r| {
                                let part = doc.text[r.start..r.end].to_string();
                                if r.hit {
                                    Either::Left(view! { <mark class="hit">{part}</mark> })
                                } else {
                                    Either::Right(part)
                                }
                            })
                            .collect_view();
                        let entity = m.entity as u32;
                        let name = name_of(m.entity).unwrap_or_else(|| s.clone());
                        // the visible text first, as the accessible name must hold it
                        let aria = if name == s {
                            format!("{s}, {label}")
                        } else {
                            format!("{s}, {label}: {name}")
                        };
                        Either::Right(view! {
                            <button type="button" class=format!("mention {class}") data-entity=entity data-tag=letter
                                aria-label=aria title=format!("{label}: {name}. Click to filter by it.")
                                on:click=move |_| {
                                    let mut g = filter.get_untracked();
                                    g.toggle_entity(entity);
                                    go.run((g, None, false));
                                }>
                                {shown}
                            </button>
                        })
                    }
                })
                .collect_view();
            view! { <p>{pieces}</p> }
        })
        .collect_view();
    let title = doc.display_title();
    let meta = [
        doc.article.published.clone(),
        doc.source().map(str::to_string),
        doc.article.author.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <article class="reader-article" data-doc=doc.name.clone()>
            <h1 class="reader-title">{title}</h1>
            <p class="reader-meta">{meta}</p>
            {(!hits.is_empty()).then(|| view! { <p class="hint">{plural(hits.len(), "search match marked", "search matches marked")}</p> })}
            <div class="reader-body">{body}</div>
        </article>
    }
}
