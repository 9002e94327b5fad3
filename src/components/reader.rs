//! The reader pane: the open article's title, source, author and date, and its cleaned body
//! with every mention highlighted in its type's colour and marked with the type's letter, and
//! search matches marked too. A legend turns types on and off; a switch shows the raw text with
//! page furniture greyed out and labelled. Hovering or focusing a mention shows its type,
//! canonical name, aliases and how many articles name it; clicking it filters to those
//! articles. On a phone, where the filter and the list are out of sight, a tap opens the
//! mention's card first, whose button filters and shows the list. Date expressions that could
//! not be resolved are listed under the meta line. Article text is only ever put in text nodes.
use crate::components::corrections::{correct, Target};
use crate::components::{results::doc_meta, type_style};
use crate::state::{explorer, Pane, Panel, ViewOptions};
use dossier_corpus::index::search::{matches, terms, TextQuery};
use dossier_corpus::query::Criterion;
use dossier_corpus::views::list::unresolved_dates;
use dossier_corpus::views::segments::{paragraphs, split_at, LineKind, Piece, Run};
use dossier_corpus::{Document, EntityType};
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The mention whose details the tooltip shows, and where.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tip {
    doc: usize,
    mention: usize,
    x: f64,
    y: f64,
}

/// Text runs, with search matches in `<mark>`.
fn runs_view(text: &str, runs: &[Run]) -> impl IntoView {
    runs.iter()
        .map(|r| {
            let s = text[r.start..r.end].to_string();
            if r.hit {
                Either::Left(view! { <mark class="hit">{s}</mark> })
            } else {
                Either::Right(s)
            }
        })
        .collect_view()
}

/// Where to put the tooltip for the element an event happened on: under it, kept on screen.
fn anchor(ev: &web_sys::Event) -> (f64, f64) {
    let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return (0.0, 0.0);
    };
    let r = el.get_bounding_client_rect();
    let width = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    ((r.left()).min(width - 330.0).max(8.0), r.bottom() + 6.0)
}

/// The text selected in one paragraph of the open article `di`: its span in the article's text
/// (the occurrence in the paragraph nearest to where the selection starts) and where below the
/// selection to offer marking it, relative to the reader pane.
fn selection_in_body(di: usize) -> Option<(usize, usize, usize, f64, f64)> {
    let sel = window().get_selection().ok().flatten()?;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let text = String::from(sel.to_string());
    let wanted = text.trim();
    if wanted.is_empty() || wanted.len() > 200 {
        return None;
    }
    let para_of = |n: Option<web_sys::Node>| {
        let n = n?;
        let el = match n.dyn_ref::<web_sys::Element>() {
            Some(e) => e.clone(),
            None => n.parent_element()?,
        };
        el.closest("[data-start]").ok().flatten()
    };
    let para = para_of(sel.anchor_node())?;
    if para_of(sel.focus_node()).as_ref() != Some(&para) {
        return None;
    }
    let start: usize = para.get_attribute("data-start")?.parse().ok()?;
    let end: usize = para.get_attribute("data-end")?.parse().ok()?;
    let range = sel.get_range_at(0).ok()?;
    // how far into the paragraph the selection starts, in characters of its text
    let before = document().create_range().ok()?;
    before.select_node_contents(&para).ok()?;
    before
        .set_end(&range.start_container().ok()?, range.start_offset().ok()?)
        .ok()?;
    let approx = String::from(before.to_string()).chars().count();
    let ex = explorer();
    let d = ex.data.get_untracked();
    let ptext = d.corpus.docs.get(di)?.text.get(start..end)?;
    let at = ptext
        .char_indices()
        .nth(approx)
        .map_or(ptext.len(), |(b, _)| b);
    let s = ptext
        .match_indices(wanted)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(at))?;
    let rect = range.get_bounding_client_rect();
    let pane = document().query_selector(".pane.reader").ok().flatten()?;
    let p = pane.get_bounding_client_rect();
    Some((
        di,
        start + s,
        start + s + wanted.len(),
        rect.left() - p.left(),
        rect.bottom() - p.top() + pane.scroll_top() as f64 + 4.0,
    ))
}

/// Whether the page is laid out for a phone (one pane at a time).
fn narrow() -> bool {
    window()
        .match_media("(max-width: 760px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn pieces_view(
    doc_index: usize,
    doc: &Document,
    pieces: &[Piece],
    tip: RwSignal<Option<Tip>>,
    card: RwSignal<Option<Tip>>,
) -> impl IntoView {
    let ex = explorer();
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(r) => Either::Left(runs_view(&doc.text, std::slice::from_ref(r))),
            Piece::Mention { index, runs } => {
                let m = &doc.mentions[*index];
                let (label, _, letter, class) = type_style(m.kind);
                let entity = m.entity;
                let mention = *index;
                let show = move |ev: &web_sys::Event| {
                    let (x, y) = anchor(ev);
                    tip.set(Some(Tip {
                        doc: doc_index,
                        mention,
                        x,
                        y,
                    }));
                };
                let aria = format!("{label}: {}", doc.mention_text(m));
                // the mention a view opened the article at
                let target = ex.view.get_untracked().target == Some(mention);
                Either::Right(view! {
                    <button
                        type="button"
                        class=format!("mention {class}")
                        class:target=target
                        data-entity=entity
                        data-tag=letter
                        aria-describedby="mention-tip"
                        aria-label=aria
                        on:click=move |ev| {
                            if narrow() {
                                // on a phone the filter and the list are out of sight: show
                                // the mention's card, whose button filters
                                let (x, y) = anchor(&ev);
                                tip.set(None);
                                card.set(Some(Tip { doc: doc_index, mention, x, y }));
                            } else {
                                ex.update_filter(|f| f.toggle(Criterion::Entity(entity)))
                            }
                        }
                        on:mouseenter=move |ev| show(&ev)
                        on:focus=move |ev| show(&ev)
                        on:mouseleave=move |_| tip.set(None)
                        on:blur=move |_| tip.set(None)
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" && tip.get_untracked().is_some() {
                                ev.prevent_default();
                                tip.set(None);
                            } else if ev.key() == "c" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
                                ev.prevent_default();
                                tip.set(None);
                                correct(Target::Entity { entity, mention: Some((doc_index, mention)) });
                            }
                        }
                        on:contextmenu=move |ev| {
                            ev.prevent_default();
                            tip.set(None);
                            correct(Target::Entity { entity, mention: Some((doc_index, mention)) });
                        }
                    >
                        {runs_view(&doc.text, runs)}
                    </button>
                })
            }
        })
        .collect_view()
}

#[component]
pub fn Reader() -> impl IntoView {
    let ex = explorer();
    let tip = RwSignal::new(None::<Tip>);
    let card = RwSignal::new(None::<Tip>);
    // text selected within one paragraph of the body: (article, span, where to offer marking it)
    let pick = RwSignal::new(None::<(usize, usize, usize, f64, f64)>);
    let selected = move || {
        selection_in_body(
            ex.doc
                .get_untracked()
                .and_then(|s| ex.data.with_untracked(|d| d.doc_by_slug(&s)))?,
        )
    };
    // an article opened at a mention (from the timeline, say) scrolls to it
    Effect::new(move |_| {
        let (_, target) = (ex.doc.get(), ex.view.get().target);
        if target.is_some() {
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector(".reader-body .mention.target")
                    .ok()
                    .flatten()
                {
                    el.scroll_into_view();
                }
            });
        }
    });
    let body = move || {
        let d = ex.data.get();
        let Some(slug) = ex.doc.get() else {
            return view! {
                <div class="reader-empty">
                    <p>"Choose an article from the list to read it."</p>
                    <p class="hint">
                        "Keys: / search · j and k move through the list · Enter opens · Esc drops the last filter"
                    </p>
                </div>
            }
            .into_any();
        };
        let Some(di) = d.doc_by_slug(&slug) else {
            return view! {
                <div class="reader-not-found" role="alert">
                    <h2>"Article not found"</h2>
                    <p>
                        "No article has the id “" <code>{slug.clone()}</code>
                        "”. It may have been renamed or removed."
                    </p>
                    <p>
                        <a href=move || ex.url_for(&ex.filter.get(), &ex.view.get(), None)>
                            "Back to all articles"
                        </a>
                    </p>
                </div>
            }
            .into_any();
        };
        let doc = &d.corpus.docs[di];
        let view_opts = ex.view.get();
        // "show page furniture" is one switch for the reader and the entity lists alike
        let raw = ex.filter.get().furniture;
        let query = ex
            .filter
            .get()
            .text()
            .map(TextQuery::parse)
            .filter(|q| !q.is_empty());
        let hits = query
            .map(|q| matches(&terms(&doc.text, (0, doc.text.len())), &q))
            .unwrap_or_default();
        let disputed = ex.disagreements.get().disputed_in(di as u32);
        let paras = paragraphs(doc, raw, &hits, |m| !view_opts.hidden.contains(&m.kind));
        // the title line drawn with its mentions, unless its owner gave another title
        let title_line = paras
            .iter()
            .find(|p| p.kind == LineKind::Title && doc.meta.title.is_none() && !raw);
        let title = match title_line {
            Some(p) => Either::Left(pieces_view(di, doc, &p.pieces, tip, card)),
            None => Either::Right(doc.display_title()),
        };
        let body = paras
            .iter()
            .filter(|p| raw || p.kind != LineKind::Title)
            .map(|p| match p.kind {
                LineKind::Furniture(f) => view! {
                    <p class="furniture">
                        <span class="why">{f.label()}</span>
                        {pieces_view(di, doc, &p.pieces, tip, card)}
                    </p>
                }
                .into_any(),
                LineKind::Title => {
                    view! { <p class="title-line">{pieces_view(di, doc, &p.pieces, tip, card)}</p> }
                        .into_any()
                }
                LineKind::Body => {
                    // a badge after each sentence disputed in another article
                    let ends: Vec<usize> = disputed
                        .iter()
                        .map(|((_, b), _)| *b as usize)
                        .filter(|&b| p.start < b && b <= p.end)
                        .collect();
                    let groups = split_at(&p.pieces, &ends)
                        .into_iter()
                        .map(|(group, badge)| view! {
                            {pieces_view(di, doc, &group, tip, card)}
                            {badge.then(|| view! {
                                <button type="button" class="dispute-badge" title="Another source gives a different value: see both side by side" on:click=move |_| ex.show_pane(Pane::Disagreements)>
                                    "Disputed elsewhere"
                                </button>
                            })}
                        })
                        .collect_view();
                    view! { <p data-start=p.start data-end=p.end>{groups}</p> }.into_any()
                }
            })
            .collect_view();
        let meta = doc_meta(doc, &d.index.docs[di]);
        let unresolved = unresolved_dates(&d.corpus, doc).join(", ");
        let user = doc.meta.user;
        let counts = doc.mentions.iter().fold([0usize; 6], |mut acc, m| {
            acc[EntityType::ALL
                .iter()
                .position(|t| *t == m.kind)
                .unwrap_or(0)] += 1;
            acc
        });
        let hit_count = hits.len();
        view! {
            <article class="reader-article" data-doc=slug>
                <h1 class="reader-title">{title}</h1>
                <p class="reader-meta">
                    {meta}
                    {user.then(|| view! { <span class="badge">"added by you"</span> })}
                </p>
                {(!unresolved.is_empty()).then(|| view! {
                    <p class="unresolved">{format!("Dates not resolved to the calendar (this article only): {unresolved}")}</p>
                })}
                <Legend counts=counts />
                {(hit_count > 0).then(|| view! { <p class="hint">{match hit_count {
                            1 => "1 search match marked".to_string(),
                            n => format!("{n} search matches marked"),
                        }}</p> })}
                <div class="reader-body" class:raw=raw on:mouseup=move |_| pick.set(selected()) on:keyup=move |_| pick.set(selected())>{body}</div>
            </article>
        }
        .into_any()
    };
    view! {
        <section class="pane reader" id="reader" aria-label="Reader">
            {body}
            <Tooltip tip=tip />
            <MentionCard card=card />
            {move || pick.get().map(|(doc, start, end, x, y)| view! {
                <button type="button" class="mark-selection" style:left=format!("{x}px") style:top=format!("{y}px")
                    on:click=move |_| { pick.set(None); correct(Target::Text { doc, start, end }); }>
                    "Mark as entity…"
                </button>
            })}
        </section>
    }
}

/// Type toggles (highlighting on or off) with each type's count in the article, and the raw
/// view switch.
#[component]
fn Legend(counts: [usize; 6]) -> impl IntoView {
    let ex = explorer();
    let toggles = EntityType::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let (_, plural, letter, class) = type_style(t);
            let shown = move || !ex.view.get().hidden.contains(&t);
            view! {
                <button
                    type="button"
                    class=format!("legend-item {class}")
                    aria-pressed=move || if shown() { "true" } else { "false" }
                    on:click=move |_| {
                        let mut v: ViewOptions = ex.view.get_untracked();
                        match v.hidden.iter().position(|x| *x == t) {
                            Some(p) => {
                                v.hidden.remove(p);
                            }
                            None => v.hidden.push(t),
                        }
                        ex.set_view(&v);
                    }
                >
                    <span class="tag" aria-hidden="true">{letter}</span>
                    {plural}
                    <span class="legend-count">{counts[i]}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="legend" role="group" aria-label="Highlight">
            {toggles}
            <button
                type="button"
                class="raw-toggle"
                aria-pressed=move || if ex.filter.get().furniture { "true" } else { "false" }
                title="Show the page furniture cleaning removed (bylines, widgets, promotions), and count what it names"
                on:click=move |_| ex.update_filter(|f| f.furniture = !f.furniture)
            >
                "Show page furniture"
            </button>
        </div>
    }
}

/// The details of the hovered or focused mention.
#[component]
fn Tooltip(tip: RwSignal<Option<Tip>>) -> impl IntoView {
    let ex = explorer();
    let content = move || {
        let t = tip.get()?;
        let d = ex.data.get();
        let doc = d.corpus.docs.get(t.doc)?;
        let m = doc.mentions.get(t.mention)?;
        let e = &d.corpus.entities[m.entity];
        let (label, _, letter, class) = type_style(e.kind);
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .take(6)
            .cloned()
            .collect();
        let value = m.value.clone();
        let furniture = ex.filter.get().furniture;
        let (docs, mentions) = if furniture {
            (e.all_doc_count, e.all_mention_count)
        } else {
            (e.doc_count, e.mention_count)
        };
        let in_furniture = doc.article.in_furniture(m.start);
        let local = e.local;
        Some(view! {
            <p class=format!("tip-type {class}")>
                <span class="tag" aria-hidden="true">{letter}</span>
                {label}
            </p>
            <p class="tip-name">{e.name.clone()}</p>
            {value.map(|v| view! { <p class="tip-line">{format!("Date: {v}")}</p> })}
            {(!aliases.is_empty()).then(|| view! { <p class="tip-line">{format!("Also: {}", aliases.join(", "))}</p> })}
            {local.then(|| view! { <p class="tip-line">"Not resolved to a calendar date: this article only"</p> })}
            {in_furniture.then(|| view! { <p class="tip-line">"In page furniture, not the article"</p> })}
            <p class="tip-line">
                {format!(
                    "Named in {} article{} ({} mention{})",
                    docs,
                    if docs == 1 { "" } else { "s" },
                    mentions,
                    if mentions == 1 { "" } else { "s" },
                )}
            </p>
            <p class="tip-hint">{if narrow() { "Tap for its card" } else { "Click to show the articles that name it · right-click or C to correct it" }}</p>
        })
    };
    view! {
        <div
            id="mention-tip"
            role="tooltip"
            class="tip"
            hidden=move || tip.get().is_none()
            style:left=move || format!("{}px", tip.get().map_or(0.0, |t| t.x))
            style:top=move || format!("{}px", tip.get().map_or(0.0, |t| t.y))
        >
            {content}
        </div>
    }
}

/// A tapped mention's card, on a phone: its type, name and counts, and a button that filters
/// the corpus to the articles naming it and shows them (a tap alone changes nothing).
#[component]
fn MentionCard(card: RwSignal<Option<Tip>>) -> impl IntoView {
    let ex = explorer();
    let panel = use_context::<RwSignal<Panel>>();
    // the card takes the focus when it opens, so a screen reader reads it
    Effect::new(move |_| {
        if card.get().is_some() {
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector(".mention-card .card-filter")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
        }
    });
    let content = move || {
        let t = card.get()?;
        let d = ex.data.get();
        let doc = d.corpus.docs.get(t.doc)?;
        let m = doc.mentions.get(t.mention)?;
        let e = &d.corpus.entities[m.entity];
        let entity = m.entity;
        let (label, _, letter, class) = type_style(e.kind);
        let chosen = ex.filter.get().has(&Criterion::Entity(entity));
        let docs = e.doc_count.max(1);
        let action = if chosen {
            format!("Remove the filter on {}", e.name)
        } else if docs == 1 {
            format!("Show the article naming {}", e.name)
        } else {
            format!("Show the {docs} articles naming {}", e.name)
        };
        Some(view! {
            <p class=format!("tip-type {class}")>
                <span class="tag" aria-hidden="true">{letter}</span>
                {label}
            </p>
            <h2 id="mention-card-name" class="tip-name">{e.name.clone()}</h2>
            {m.value.clone().map(|v| view! { <p class="tip-line">{format!("Date: {v}")}</p> })}
            <p class="tip-line">{format!("Named in {} article{} ({} mention{})",
                e.doc_count, if e.doc_count == 1 { "" } else { "s" },
                e.mention_count, if e.mention_count == 1 { "" } else { "s" })}</p>
            <div class="card-actions">
                <button type="button" class="card-filter" on:click=move |_| {
                    ex.update_filter(|f| f.toggle(Criterion::Entity(entity)));
                    card.set(None);
                    if !chosen {
                        if let Some(p) = panel {
                            p.set(Panel::Articles);
                        }
                    }
                }>{action}</button>
                <button type="button" class="card-fix" on:click=move |_| {
                    card.set(None);
                    correct(Target::Entity { entity, mention: Some((t.doc, t.mention)) });
                }>"Correct…"</button>
                <button type="button" class="card-close" on:click=move |_| card.set(None)>"Close"</button>
            </div>
        })
    };
    view! {
        <div
            class="mention-card"
            role="dialog"
            aria-labelledby="mention-card-name"
            hidden=move || card.get().is_none()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    card.set(None);
                }
            }
        >
            {content}
        </div>
    }
}
