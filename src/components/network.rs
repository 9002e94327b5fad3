//! The network view (third pane, `pane=network`): who is named with whom among the articles the
//! filter keeps. It centres on the chosen entities (or the most-named ones), draws their
//! strongest ties as an SVG graph laid out by ForceAtlas2 (node size shows mentions, colour and
//! letter show type, line width shows strength, a dashed line a paragraph-only tie), zooms and
//! pans (wheel, drag, buttons, + − arrows 0 on the focused chart), and lists the same ties in a
//! table. Clicking a node adds it to the filter; clicking a tie opens its evidence, whose
//! sentences open their articles. What it draws comes from `dossier_corpus::views::network`.
use crate::components::{box_width, drawing_point, plural, type_style, wheel_zooms, Draw, Zoom};
use crate::state::{explorer, timed, NetView, Pane, ViewOptions, NET_K};
use dossier_corpus::query::Criterion;
use dossier_corpus::views::network::{
    self, evidence, relative, shown_types, Edge, Graph, Options, Shown, Tier,
};
use dossier_corpus::EntityType;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The types a tie's ends can be chosen from.
const END_TYPES: [EntityType; 5] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Place,
    EntityType::Weapon,
    EntityType::Event,
];
/// Evidence sentences listed before "show more".
const EVIDENCE_PAGE: usize = 40;

/// How far the drawing zooms out and in.
const ZOOM_RANGE: (f64, f64) = (0.5, 8.0);

/// What the pointer is over.
#[derive(Clone, Copy, PartialEq)]
enum Hovered {
    Node(usize),
    Edge(usize),
}

/// An edge's one-line description: its counts and strength.
fn edge_counts(e: &Edge) -> String {
    let shared = match e.tier {
        Tier::Sentence => plural(e.sentences, "sentence", "sentences"),
        Tier::Paragraph => plural(e.paragraphs, "shared paragraph", "shared paragraphs"),
    };
    format!(
        "{shared} in {} · strength {:.2}",
        plural(e.docs, "article", "articles"),
        e.npmi
    )
}

/// The network pane, loaded when it is first shown (a split point with `split`).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(network_pane, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn network_pane() -> Draw {
    Ok(|| view! { <NetworkPanel /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn network_pane() -> Draw {
    Ok(|| view! { <NetworkPanel /> }.into_any())
}

#[component]
pub fn NetworkPanel() -> impl IntoView {
    let ex = explorer();
    let net = Memo::new(move |_| ex.view.get().net);
    // the drawing's size follows its box
    let frame = NodeRef::<leptos::html::Div>::new();
    let width = box_width(frame, 260.0);
    // a phone's drawing is taller than wide, so its labels have room
    let height = move || {
        let w = width.get();
        (w * if w < 520.0 { 1.15 } else { 0.72 }).clamp(300.0, 560.0)
    };
    let graph = Memo::new(move |_| {
        let d = ex.data.get();
        let r = ex.results.get();
        let nix = ex.network.get();
        let v = net.get();
        let opts = Options {
            ends: v.ends,
            paragraphs: v.paragraphs,
        };
        timed("dossier-network-graph", || {
            Arc::new(network::graph(&d.corpus, &nix, &r.docs, &opts))
        })
    });
    let shown = Memo::new(move |_| {
        let g = graph.get();
        let d = ex.data.get();
        let (w, h) = (width.get(), height());
        let chosen: Vec<u32> = ex.filter.get().entities().map(|e| e as u32).collect();
        let k = net.get().k();
        timed("dossier-network-layout", || {
            let mut s = network::ego(&g, &chosen, k);
            network::place(&d.corpus, &g, &mut s, 1, (w, h));
            Arc::new(s)
        })
    });
    let set_net = move |change: &dyn Fn(&mut NetView)| {
        let mut v: ViewOptions = ex.view.get_untracked();
        change(&mut v.net);
        ex.set_view(&v);
    };

    let zoom = RwSignal::new(Zoom::NONE);
    Effect::new(move |_| {
        shown.track();
        zoom.set(Zoom::NONE);
    });
    let hover = RwSignal::new(None::<Hovered>);
    // the drawing's coordinates of a client point
    let chart = NodeRef::<leptos::svg::Svg>::new();
    let to_drawing = move |cx: f64, cy: f64| drawing_point(chart, width, cx, cy);
    wheel_zooms(chart, width, zoom, 1.2, ZOOM_RANGE);
    // dragging the background pans
    let drag = RwSignal::new(None::<(f64, f64, Zoom)>);
    let on_down = move |ev: web_sys::PointerEvent| {
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".net-node, .net-edge").ok().flatten())
            .is_some();
        if !on_item {
            drag.set(Some((
                ev.client_x() as f64,
                ev.client_y() as f64,
                zoom.get_untracked(),
            )));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((x0, y0, z)) = drag.get_untracked() {
            if let Some((_, _, s)) = to_drawing(0.0, 0.0) {
                let (dx, dy) = (
                    (ev.client_x() as f64 - x0) * s,
                    (ev.client_y() as f64 - y0) * s,
                );
                zoom.set(Zoom {
                    x: z.x + dx,
                    y: z.y + dy,
                    ..z
                });
            }
        }
    };
    let on_up = move |_| drag.set(None);
    let zoom_by = move |factor: f64| {
        let (w, h) = (width.get_untracked(), height());
        zoom.update(|z| *z = z.about(factor, w / 2.0, h / 2.0, ZOOM_RANGE));
    };
    let pan_by = move |dx: f64, dy: f64| {
        let w = width.get_untracked();
        zoom.update(|z| {
            z.x += dx * w * 0.1;
            z.y += dy * w * 0.1;
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_by(1.25);
                true
            }
            "-" => {
                zoom_by(0.8);
                true
            }
            "ArrowLeft" => {
                pan_by(1.0, 0.0);
                true
            }
            "ArrowRight" => {
                pan_by(-1.0, 0.0);
                true
            }
            "ArrowUp" => {
                pan_by(0.0, 1.0);
                true
            }
            "ArrowDown" => {
                pan_by(0.0, -1.0);
                true
            }
            "0" => {
                zoom.set(Zoom::NONE);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let open_edge = move |e: &Edge| {
        let tie = (e.a as usize, e.b as usize);
        set_net(&|n| n.edge = if n.edge == Some(tie) { None } else { Some(tie) });
    };
    let drawing = move || {
        let s: Arc<Shown> = shown.get();
        let g: Arc<Graph> = graph.get();
        let d = ex.data.get();
        let at = |i: usize| s.positions[i];
        let w = width.get();
        let index_of = |e: u32| s.nodes.iter().position(|&n| n == e);
        let top = s
            .edges
            .iter()
            .map(|&i| g.edges[i].weight)
            .fold(0.0, f64::max);
        let most = s
            .nodes
            .iter()
            .map(|&e| g.mentions[e as usize])
            .max()
            .unwrap_or(1)
            .max(1);
        let open = net.get().edge;
        let edges = s
            .edges
            .iter()
            .rev()
            .filter_map(|&i| {
                let e = g.edges[i].clone();
                let (pa, pb) = (at(index_of(e.a)?), at(index_of(e.b)?));
                let stroke = 1.0 + 5.0 * relative(e.weight, top);
                let chosen = open == Some((e.a as usize, e.b as usize));
                let title = format!(
                    "{} — {}: {}",
                    d.corpus.entities[e.a as usize].name,
                    d.corpus.entities[e.b as usize].name,
                    edge_counts(&e)
                );
                let class = format!(
                    "net-edge{}{}",
                    if e.tier == Tier::Paragraph { " paragraph" } else { "" },
                    if chosen { " chosen" } else { "" }
                );
                let e2 = e.clone();
                Some(view! {
                    <g
                        class=class
                        data-tie=format!("{}~{}", d.names[e.a as usize], d.names[e.b as usize])
                        on:pointerenter=move |_| hover.set(Some(Hovered::Edge(i)))
                        on:pointerleave=move |_| hover.set(None)
                        on:click=move |_| open_edge(&e2)
                    >
                        <title>{title}</title>
                        <line class="net-line" x1=pa.0 y1=pa.1 x2=pb.0 y2=pb.1 stroke-width=stroke />
                        <line class="net-hit" x1=pa.0 y1=pa.1 x2=pb.0 y2=pb.1 />
                    </g>
                })
            })
            .collect_view();
        let nodes = s
            .nodes
            .iter()
            .enumerate()
            .map(|(i, &e)| {
                let ent = &d.corpus.entities[e as usize];
                let (_, _, letter, class) = type_style(ent.kind);
                let (x, y) = at(i);
                let m = g.mentions[e as usize];
                let r = network::node_radius(m, most);
                let focus = s.focus.contains(&e);
                let ties = s.edges.iter().filter(|&&j| g.edges[j].a == e || g.edges[j].b == e).count();
                let title = format!("{} ({}): {}, {}", ent.name, type_style(ent.kind).0, plural(m, "mention", "mentions"), plural(ties as u32, "tie shown", "ties shown"));
                let name = network::label(&ent.name, network::label_room(w));
                let left = s.label_left[i];
                let label_x = if left { x - r - 3.0 } else { x + r + 3.0 };
                let id = e as usize;
                view! {
                    <g
                        class=format!("net-node {class}{}", if focus { " focus" } else { "" })
                        data-entity=d.names[id].clone()
                        on:pointerenter=move |_| hover.set(Some(Hovered::Node(i)))
                        on:pointerleave=move |_| hover.set(None)
                        on:click=move |_| ex.update_filter(|f| f.toggle(Criterion::Entity(id)))
                    >
                        <title>{title}</title>
                        <circle cx=x cy=y r=r />
                        <text class="net-letter" x=x y={y + 4.0} text-anchor="middle">{letter}</text>
                        <text class="net-label" x=label_x y={y + 4.0} text-anchor=if left { "end" } else { "start" }>{name}</text>
                    </g>
                }
            })
            .collect_view();
        view! { {edges}{nodes} }
    };
    let status = move || {
        let s = shown.get();
        let g = graph.get();
        let d = ex.data.get();
        match hover.get() {
            Some(Hovered::Node(i)) if i < s.nodes.len() => {
                let e = s.nodes[i] as usize;
                let ent = &d.corpus.entities[e];
                format!(
                    "{} · {} · {} in these articles, named in {}",
                    ent.name,
                    type_style(ent.kind).0,
                    plural(g.mentions[e], "mention", "mentions"),
                    plural(g.named_in[e], "sentence", "sentences")
                )
            }
            Some(Hovered::Edge(i)) if i < g.edges.len() => {
                let e = &g.edges[i];
                format!(
                    "{} — {} · {}",
                    d.corpus.entities[e.a as usize].name,
                    d.corpus.entities[e.b as usize].name,
                    edge_counts(e)
                )
            }
            _ => "Point at a circle or a line for its counts; click a circle to filter by it, a line for its evidence.".to_string(),
        }
    };
    let summary = move || {
        let s = shown.get();
        let g = graph.get();
        let d = ex.data.get();
        let names: Vec<&str> = s
            .focus
            .iter()
            .map(|&e| d.corpus.entities[e as usize].name.as_str())
            .collect();
        let chosen = ex.filter.get().entities().next().is_some();
        let centre = if names.is_empty() {
            "No two entities are named together in these articles.".to_string()
        } else if chosen {
            format!("Centred on {}.", names.join(", "))
        } else {
            format!(
                "Centred on the most named: {}. Choose an entity to centre on it.",
                names.join(", ")
            )
        };
        format!(
            "{centre} {} and {} shown, of {} among {}.",
            plural(s.nodes.len() as u32, "entity", "entities"),
            plural(s.edges.len() as u32, "tie", "ties"),
            plural(g.edges.len() as u32, "tie", "ties"),
            plural(g.units.0, "sentence", "sentences"),
        )
    };
    let legend = move || {
        let d = ex.data.get();
        let bits = shown_types(&d.corpus, &shown.get());
        END_TYPES
            .iter()
            .filter(|&&t| bits & dossier_corpus::index::type_bit(t) != 0)
            .map(|&t| {
                let (name, _, letter, class) = type_style(t);
                view! { <li class=format!("net-key {class}")><span class="net-swatch" aria-hidden="true">{letter}</span>{name}</li> }
            })
            .collect_view()
    };
    let end_select = move |which: usize| {
        let current = move || {
            let e = net.get().ends;
            let t = if which == 0 { e.0 } else { e.1 };
            t.map_or("ANY", |t| t.as_str()).to_string()
        };
        let options = std::iter::once(("ANY", "any type"))
            .chain(END_TYPES.iter().map(|&t| (t.as_str(), type_style(t).0)))
            .map(|(v, label)| view! { <option value=v selected=move || current() == v>{label}</option> })
            .collect_view();
        view! {
            <select
                aria-label=if which == 0 { "Type at one end of a tie" } else { "Type at the other end" }
                on:change=move |ev| {
                    let t = EntityType::parse(&event_target_value(&ev));
                    set_net(&|n| {
                        if which == 0 { n.ends.0 = t } else { n.ends.1 = t }
                        n.edge = None;
                    });
                }
            >
                {options}
            </select>
        }
    };
    let more = move || {
        let s = shown.get();
        let k = net.get().k();
        view! {
            {(s.more > 0).then(|| view! {
                <button type="button" class="net-more" on:click=move |_| set_net(&|n| n.k = k + NET_K)>
                    {format!("and {} more ties: show {}", s.more, s.more.min(NET_K))}
                </button>
            })}
            {(k > NET_K).then(|| view! {
                <button type="button" on:click=move |_| set_net(&|n| n.k = 0)>"Fewer ties"</button>
            })}
        }
    };
    let table = move || {
        let s = shown.get();
        let g = graph.get();
        let d = ex.data.get();
        let open = net.get().edge;
        let f = ex.filter.get();
        let mut rows: Vec<usize> = s.edges.clone();
        rows.sort_by(|&x, &y| {
            g.edges[y]
                .weight
                .total_cmp(&g.edges[x].weight)
                .then(x.cmp(&y))
        });
        rows.into_iter()
            .map(|i| {
                let e = g.edges[i].clone();
                let end = |id: u32| {
                    let id = id as usize;
                    let ent = &d.corpus.entities[id];
                    let (_, _, letter, class) = type_style(ent.kind);
                    let chosen = f.has(&Criterion::Entity(id));
                    view! {
                        <button
                            type="button"
                            class=format!("net-end {class}")
                            aria-pressed=if chosen { "true" } else { "false" }
                            title="Filter by it"
                            on:click=move |_| ex.update_filter(|f| f.toggle(Criterion::Entity(id)))
                        >
                            <span class="tag" aria-hidden="true">{letter}</span>{ent.name.clone()}
                        </button>
                    }
                };
                let chosen = open == Some((e.a as usize, e.b as usize));
                let e2 = e.clone();
                let label = format!(
                    "Evidence for {} and {}",
                    d.corpus.entities[e.a as usize].name, d.corpus.entities[e.b as usize].name
                );
                view! {
                    <tr class:chosen=chosen>
                        <td>{end(e.a)}" — "{end(e.b)}{(e.tier == Tier::Paragraph).then_some(" (shared paragraph)")}</td>
                        <td class="num">{if e.tier == Tier::Sentence { e.sentences } else { e.paragraphs }}</td>
                        <td class="num">{e.docs}</td>
                        <td class="num">{format!("{:.2}", e.npmi)}</td>
                        <td>
                            <button type="button" class="net-evidence-button" aria-label=label aria-pressed=if chosen { "true" } else { "false" } on:click=move |_| open_edge(&e2)>
                                "Evidence"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let limit = RwSignal::new(EVIDENCE_PAGE);
    Effect::new(move |_| {
        net.track();
        limit.set(EVIDENCE_PAGE);
    });
    let evidence_view = move || {
        let (a, b) = net.get().edge?;
        let g = graph.get();
        let d = ex.data.get();
        let r = ex.results.get();
        let nix = ex.network.get();
        let (na, nb) = (
            d.corpus.entities[a].name.clone(),
            d.corpus.entities[b].name.clone(),
        );
        let close = move |_| set_net(&|n| n.edge = None);
        let Some(e) = g
            .edges
            .iter()
            .find(|e| (e.a as usize, e.b as usize) == (a, b))
            .cloned()
        else {
            return Some(view! {
                <section class="net-evidence" aria-labelledby="net-evidence-title">
                    <h3 id="net-evidence-title">{format!("{na} and {nb}")}</h3>
                    <p>"These two are not named together in the articles the filter keeps, under these tie options."</p>
                    <button type="button" on:click=close>"Close"</button>
                </section>
            }.into_any());
        };
        let items = evidence(&nix, &r.docs, e.a, e.b, e.tier);
        let total = items.len();
        let shown_items = items
            .into_iter()
            .take(limit.get())
            .map(|v| {
                let doc = &d.corpus.docs[v.doc as usize];
                let (s0, s1) = (v.span.0 as usize, v.span.1 as usize);
                // the two ends' mentions in the sentence, marked
                let marks: Vec<(usize, usize, usize)> = doc
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        m.start >= s0 && m.end <= s1 && (m.entity == a || m.entity == b)
                    })
                    .map(|(i, m)| (m.start, m.end, i))
                    .collect();
                let first = marks.first().map(|m| m.2);
                let mut pieces = Vec::new();
                let mut at = s0;
                for &(ms, me, _) in &marks {
                    if ms < at {
                        continue;
                    }
                    pieces.push(view! { {doc.text[at..ms].to_string()} }.into_any());
                    pieces.push(
                        view! { <mark class="net-mark">{doc.text[ms..me].to_string()}</mark> }
                            .into_any(),
                    );
                    at = me;
                }
                pieces.push(view! { {doc.text[at..s1].to_string()} }.into_any());
                let source = doc.source().unwrap_or("No known source").to_string();
                let title = doc.display_title();
                let d_ix = v.doc as usize;
                let slug = d.slugs[d_ix].clone();
                view! {
                    <li>
                        <blockquote class="net-sentence">{pieces}</blockquote>
                        <p class="net-source">
                            {format!("{source} · ")}
                            <button type="button" class="net-open" on:click=move |_| match first {
                                Some(m) => ex.open_at(d_ix, m),
                                None => ex.open(Some(&slug)),
                            }>{format!("Read “{title}”")}</button>
                        </p>
                    </li>
                }
            })
            .collect_view();
        let rest = total.saturating_sub(limit.get());
        Some(view! {
            <section class="net-evidence" aria-labelledby="net-evidence-title">
                <h3 id="net-evidence-title">{format!("{na} and {nb}")}</h3>
                <p class="net-evidence-counts">{edge_counts(&e)}{format!(" · G² {:.1}", e.weight)}</p>
                <button type="button" class="net-close" on:click=close>"Close"</button>
                <ol class="net-sentences">{shown_items}</ol>
                {(rest > 0).then(|| view! {
                    <button type="button" on:click=move |_| limit.update(|l| *l += EVIDENCE_PAGE)>
                        {format!("and {rest} more: show {}", rest.min(EVIDENCE_PAGE))}
                    </button>
                })}
            </section>
        }.into_any())
    };
    let paragraphs = move || net.get().paragraphs;
    view! {
        <section class="pane network" aria-labelledby="network-title">
            <h2 id="network-title" class="pane-title">"Who with whom"</h2>
            <button type="button" class="back" on:click=move |_| ex.show_pane(Pane::Overview)>"← Overview"</button>
            <p class="net-summary" aria-live="polite">{summary}</p>
            <div class="net-controls">
                <span class="net-ends">"Ties between " {end_select(0)} " and " {end_select(1)}</span>
                <label>
                    <input type="checkbox" prop:checked=paragraphs on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        set_net(&|n| { n.paragraphs = on; n.edge = None; });
                    } />
                    " Shared paragraphs count too (dashed)"
                </label>
                <span class="tl-buttons">
                    <button type="button" aria-label="Zoom in" on:click=move |_| zoom_by(1.25)>"+"</button>
                    <button type="button" aria-label="Zoom out" on:click=move |_| zoom_by(0.8)>"−"</button>
                    <button type="button" on:click=move |_| zoom.set(Zoom::NONE)>"Reset view"</button>
                </span>
            </div>
            <p class="net-status">{status}</p>
            <div class="net-frame" node_ref=frame>
                <svg
                    class="net-chart"
                    node_ref=chart
                    tabindex="0"
                    role="img"
                    aria-label="The network of ties drawn as circles and lines; the table below lists the same ties. Keys: + and − zoom, arrows pan, 0 resets."
                    viewBox=move || format!("0 0 {} {}", width.get(), height())
                    width=move || width.get()
                    height=height
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointerleave=on_up
                    on:keydown=on_key
                >
                    <g transform=move || { let z = zoom.get(); format!("translate({} {}) scale({})", z.x, z.y, z.k) }>
                        {drawing}
                    </g>
                </svg>
            </div>
            <ul class="net-legend">
                {legend}
                <li class="hint">"Circle size: mentions · line width: strength · dashed: shared paragraph only"</li>
            </ul>
            <p class="net-more-row">{more}</p>
            {evidence_view}
            <table class="net-table">
                <caption>"The ties drawn above, strongest first. Strength is normalised pointwise mutual information: 0 is chance, 1 always together."</caption>
                <thead>
                    <tr><th scope="col">"Tie"</th><th scope="col">"Sentences"</th><th scope="col">"Articles"</th><th scope="col">"Strength"</th><th scope="col">"Evidence"</th></tr>
                </thead>
                <tbody>{table}</tbody>
            </table>
        </section>
    }
}
