//! The map view (third pane, `pane=map`): where the articles the filter keeps happen. The
//! Natural Earth outlines are fetched when the map first opens (nothing else is fetched, and
//! never from elsewhere); countries are shaded by the mentions of places in them, cities,
//! regions and sites are markers sized by mentions and clustered when they crowd. Hover names
//! a place with its counts; a click filters to it and lists its sentences (each opening its
//! article at the mention) with how the place was read and what else it could be; a cluster
//! zooms in. The wheel, a drag, the buttons or + − arrows 0 zoom and pan. A side list shows
//! the places it cannot put on the map, and a table the same places for keyboard and screen
//! reader users. The drawing is built with plain DOM calls (one function, not a component
//! per shape, which keeps the page's bundle small); what it draws comes from
//! `dossier_corpus::views::map`.
use crate::components::{box_width, drawing_point, plural, type_style, wheel_zooms, Draw, Zoom};
use crate::state::{explorer, timed, Pane, Timer};
use dossier_corpus::query::Criterion;
use dossier_corpus::views::map::atlas::{self, Atlas, Frame};
use dossier_corpus::views::map::{self, clusters};
use dossier_corpus::{EntityType, PlaceKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const SVG: &str = "http://www.w3.org/2000/svg";
/// Markers closer than this on screen (pixels) are drawn as one.
const CLUSTER_RADIUS: f64 = 14.0;
/// Places labelled on the map (the most-mentioned).
const LABELS: usize = 12;
/// Sentences listed before "show more".
const SENTENCES: usize = 40;

/// Fetches and decodes the outline file (copied into the site by trunk).
async fn fetch_atlas() -> Result<Atlas, String> {
    let failed = |what: &str| format!("The map’s outlines could not be loaded ({what}).");
    let resp = JsFuture::from(window().fetch_with_str("world.bin"))
        .await
        .map_err(|_| failed("the file could not be fetched"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| failed("no response"))?;
    if !resp.ok() {
        return Err(failed(&format!("HTTP {}", resp.status())));
    }
    let buf = resp.array_buffer().map_err(|_| failed("no body"))?;
    let buf = JsFuture::from(buf)
        .await
        .map_err(|_| failed("the body could not be read"))?;
    atlas::decode(&js_sys::Uint8Array::new(&buf).to_vec()).map_err(|e| failed(&e))
}

/// An SVG element with attributes.
fn el(tag: &str, attrs: &[(&str, &str)]) -> web_sys::Element {
    let e = document()
        .create_element_ns(Some(SVG), tag)
        .expect("an SVG element");
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    e
}

/// Appends a `<title>` (a tooltip, as text) to an element.
fn title(e: &web_sys::Element, text: &str) {
    let t = el("title", &[]);
    t.set_text_content(Some(text));
    let _ = e.append_child(&t);
}

fn clear(e: &web_sys::Element) {
    while let Some(c) = e.first_child() {
        let _ = e.remove_child(&c);
    }
}

/// How far the drawing zooms out and in.
const ZOOM_RANGE: (f64, f64) = (1.0, 40.0);

fn kind_label(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Region => "region or site",
        PlaceKind::City => "city",
    }
}

/// The map pane, loaded when it is first shown (a split point with `split`).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(map_pane, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn map_pane() -> Draw {
    Ok(|| view! { <MapPanel /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn map_pane() -> Draw {
    Ok(|| view! { <MapPanel /> }.into_any())
}

#[component]
pub fn MapPanel() -> impl IntoView {
    let ex = explorer();
    if ex.atlas.get_untracked().is_none() {
        spawn_local(async move {
            let loaded = fetch_atlas().await.map(Arc::new);
            ex.atlas.set(Some(loaded));
        });
    }
    let outlines = move || ex.atlas.get().and_then(|r| r.ok());
    let data = Memo::new(move |_| {
        let mix = ex.places.get();
        let r = ex.results.get();
        let a = outlines();
        timed("dossier-map", || {
            Arc::new(map::map(&mix, &r.docs, a.as_deref()))
        })
    });
    // the drawing is as wide as its box; its height follows the projection
    let frame_el = NodeRef::<leptos::html::Div>::new();
    let width = box_width(frame_el, 260.0);
    let frame = move || Frame { width: width.get() };
    let zoom = RwSignal::new(Zoom::NONE);
    let hover = RwSignal::new(String::new());
    let countries = NodeRef::<leptos::svg::G>::new();
    let markers = NodeRef::<leptos::svg::G>::new();
    let chart = NodeRef::<leptos::svg::Svg>::new();
    // the outlines, drawn again when the outlines arrive or the width changes
    Effect::new(move |_| {
        let (Some(layer), Some(a)) = (countries.get(), outlines()) else {
            return;
        };
        let f = frame();
        let layer: &web_sys::Element = &layer;
        clear(layer);
        for (i, c) in a.countries.iter().enumerate() {
            let p = el(
                "path",
                &[
                    ("d", &atlas::path(c, f)),
                    ("class", "map-country"),
                    ("data-country", &i.to_string()),
                ],
            );
            title(&p, &c.name);
            let _ = layer.append_child(&p);
        }
    });
    // the shades, as the filter changes
    Effect::new(move |_| {
        let (Some(layer), Some(a)) = (countries.get(), outlines()) else {
            return;
        };
        width.track();
        let m = data.get();
        let _t = Timer::start("dossier-map-draw");
        let top = m.shades.first().map_or(1, |s| s.mentions).max(1) as f64;
        let layer: &web_sys::Element = &layer;
        let paths = layer.children();
        for i in 0..paths.length() {
            let Some(p) = paths.item(i) else { continue };
            let c = &a.countries[i as usize];
            let shade = m
                .shades
                .iter()
                .find(|s| s.code == c.code && !c.code.is_empty());
            let (class, opacity, text) = match shade {
                Some(s) => (
                    "map-country named",
                    format!("{:.2}", 0.15 + 0.75 * (s.mentions as f64 / top).sqrt()),
                    format!(
                        "{}: {} in {}",
                        c.name,
                        plural(
                            s.mentions,
                            "mention of its places",
                            "mentions of its places"
                        ),
                        plural(s.docs, "article", "articles")
                    ),
                ),
                None => ("map-country", "1".to_string(), c.name.clone()),
            };
            let _ = p.set_attribute("class", class);
            let _ = p.set_attribute("fill-opacity", &opacity);
            let _ = p.set_attribute("data-label", &text);
            if let Some(t) = p.first_element_child() {
                t.set_text_content(Some(&text));
            }
        }
    });
    // the markers, as the filter, the zoom or the choice changes
    let shown =
        Memo::new(move |_| clusters(&data.get().markers, frame(), zoom.get().k, CLUSTER_RADIUS));
    Effect::new(move |_| {
        let Some(layer) = markers.get() else { return };
        let layer: &web_sys::Element = &layer;
        let shown = shown.get();
        let _t = Timer::start("dossier-map-draw");
        clear(layer);
        let m = data.get();
        let d = ex.data.get();
        let z = zoom.get();
        let k = z.k;
        // the part of the drawing in view, in its own units; the labels placed so far
        let view_x = (-z.x / k, (width.get() - z.x) / k);
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        let chosen = ex.view.get().place;
        let most = m.markers.first().map_or(1, |x| x.mentions).max(1) as f64;
        for (ci, c) in shown.iter().enumerate() {
            let first = &m.markers[c.members[0]];
            let r = (4.0 + 10.0 * (c.mentions as f64 / most).sqrt()) / k;
            let name = if c.members.len() > 1 {
                format!("{} and {} more", first.place.label, c.members.len() - 1)
            } else {
                first.place.label.clone()
            };
            let text = format!(
                "{name}: {} in {}",
                plural(c.mentions, "mention", "mentions"),
                plural(
                    c.members
                        .iter()
                        .map(|&i| m.markers[i].docs)
                        .max()
                        .unwrap_or(0),
                    "article",
                    "articles"
                )
            );
            let is_chosen = c
                .members
                .iter()
                .any(|&i| Some(m.markers[i].entity as usize) == chosen);
            let class = format!(
                "map-marker{}{}",
                if c.members.len() > 1 { " cluster" } else { "" },
                if is_chosen { " chosen" } else { "" }
            );
            let g = el(
                "g",
                &[
                    ("class", &class),
                    ("data-cluster", &ci.to_string()),
                    ("data-label", &text),
                    ("data-entity", &d.names[first.entity as usize]),
                ],
            );
            title(&g, &text);
            let _ = g.append_child(&el(
                "circle",
                &[
                    ("cx", &c.x.to_string()),
                    ("cy", &c.y.to_string()),
                    ("r", &r.to_string()),
                ],
            ));
            if c.members.len() > 1 {
                let n = el(
                    "text",
                    &[
                        ("x", &c.x.to_string()),
                        ("y", &(c.y + 3.5 / k).to_string()),
                        ("class", "map-count"),
                        ("font-size", &(10.0 / k).to_string()),
                    ],
                );
                n.set_text_content(Some(&c.members.len().to_string()));
                let _ = g.append_child(&n);
            }
            if ci < LABELS || is_chosen {
                // right of the marker, else left of it, else not at all (the hover and the
                // table still name it): never over another label or off the visible map
                let label = &first.place.label;
                let (w, h) = (label.chars().count() as f64 * 6.8 / k, 13.0 / k);
                let right = (c.x + r + 2.0 / k, c.x + r + 2.0 / k + w);
                let left = (c.x - r - 2.0 / k - w, c.x - r - 2.0 / k);
                let fits = |(x0, x1): (f64, f64), placed: &[(f64, f64, f64, f64)]| {
                    x0 >= view_x.0
                        && x1 <= view_x.1
                        && !placed.iter().any(|&(a0, a1, b0, b1)| {
                            let pad = 5.0 / k;
                            x0 < a1 + pad
                                && a0 < x1 + pad
                                && c.y - h / 2.0 < b1
                                && b0 < c.y + h / 2.0
                        })
                };
                let side = if fits(right, &placed) {
                    Some((right, "start", right.0))
                } else if fits(left, &placed) {
                    Some((left, "end", left.1))
                } else {
                    None
                };
                if let Some(((x0, x1), anchor, at)) = side {
                    placed.push((x0, x1, c.y - h / 2.0, c.y + h / 2.0));
                    let t = el(
                        "text",
                        &[
                            ("x", &at.to_string()),
                            ("y", &(c.y + 4.0 / k).to_string()),
                            ("class", "map-label"),
                            ("text-anchor", anchor),
                            ("font-size", &(12.0 / k).to_string()),
                            ("stroke-width", &(3.0 / k).to_string()),
                        ],
                    );
                    t.set_text_content(Some(label));
                    let _ = g.append_child(&t);
                }
            }
            let _ = layer.append_child(&g);
        }
    });
    let to_drawing = move |cx: f64, cy: f64| drawing_point(chart, width, cx, cy);
    wheel_zooms(chart, width, zoom, 1.25, ZOOM_RANGE);
    let target_of = |ev: &web_sys::Event, sel: &str| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(sel).ok().flatten())
    };
    // a click: a cluster zooms in, a marker filters and shows its sentences, a country filters
    let choose = move |entity: usize| {
        let mut f = ex.filter.get_untracked();
        let mut v = ex.view.get_untracked();
        if !f.has(&Criterion::Entity(entity)) {
            f.toggle(Criterion::Entity(entity));
        }
        v.place = Some(entity);
        ex.set_filter_and_view(&f, &v);
    };
    let drag = RwSignal::new(None::<(f64, f64, Zoom, bool)>);
    let on_click = move |ev: web_sys::MouseEvent| {
        if drag.get_untracked().is_some_and(|d| d.3) {
            return; // the end of a pan
        }
        if let Some(g) = target_of(&ev, "[data-cluster]") {
            let Some(ci) = g
                .get_attribute("data-cluster")
                .and_then(|v| v.parse::<usize>().ok())
            else {
                return;
            };
            let Some(c) = shown.get_untracked().get(ci).cloned() else {
                return;
            };
            let m = data.get_untracked();
            if c.members.len() > 1 && zoom.get_untracked().k < 40.0 {
                let z = zoom.get_untracked();
                zoom.set(z.about(3.0, c.x * z.k + z.x, c.y * z.k + z.y, ZOOM_RANGE));
            } else {
                choose(m.markers[c.members[0]].entity as usize);
            }
        } else if let Some(p) = target_of(&ev, "[data-country]") {
            let (Some(i), Some(a)) = (
                p.get_attribute("data-country")
                    .and_then(|v| v.parse::<usize>().ok()),
                outlines(),
            ) else {
                return;
            };
            let code = a.countries[i].code.clone();
            let d = ex.data.get_untracked();
            let found = d.corpus.entities.iter().position(|e| {
                e.kind == EntityType::Place
                    && e.doc_count > 0
                    && e.place.as_ref().is_some_and(|p| {
                        p.kind == PlaceKind::Country && p.country == code && !code.is_empty()
                    })
            });
            match found {
                Some(e) => choose(e),
                None => hover.set(format!("No article names {} itself.", a.countries[i].name)),
            }
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((x0, y0, z, _)) = drag.get_untracked() {
            if let Some((_, _, s)) = to_drawing(0.0, 0.0) {
                let (dx, dy) = (
                    (ev.client_x() as f64 - x0) * s,
                    (ev.client_y() as f64 - y0) * s,
                );
                if dx.abs() + dy.abs() > 3.0 {
                    drag.set(Some((x0, y0, z, true)));
                    zoom.set(Zoom {
                        x: z.x + dx,
                        y: z.y + dy,
                        ..z
                    });
                }
            }
            return;
        }
        let label = target_of(&ev, "[data-label]").and_then(|e| e.get_attribute("data-label"));
        hover.set(label.unwrap_or_default());
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        drag.set(Some((
            ev.client_x() as f64,
            ev.client_y() as f64,
            zoom.get_untracked(),
            false,
        )));
    };
    let on_up = move |_: web_sys::PointerEvent| {
        // a click after a pan is swallowed; the flag clears just after
        if drag.get_untracked().is_some_and(|d| d.3) {
            request_animation_frame(move || drag.set(None));
        } else {
            drag.set(None);
        }
    };
    let zoom_by = move |factor: f64| {
        let f = frame();
        zoom.update(|z| *z = z.about(factor, f.width / 2.0, f.height() / 2.0, ZOOM_RANGE));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let step = width.get_untracked() * 0.1;
        let pan = |dx: f64, dy: f64| {
            zoom.update(|z| {
                z.x += dx;
                z.y += dy;
            })
        };
        match ev.key().as_str() {
            "+" | "=" => zoom_by(1.5),
            "-" => zoom_by(1.0 / 1.5),
            "ArrowLeft" => pan(step, 0.0),
            "ArrowRight" => pan(-step, 0.0),
            "ArrowUp" => pan(0.0, step),
            "ArrowDown" => pan(0.0, -step),
            "0" => zoom.set(Zoom::NONE),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    };
    let summary = move || {
        let m = data.get();
        let mut s = format!(
            "{} on the map, in {}.",
            plural(m.markers.len() as u32, "place", "places"),
            plural(m.shades.len() as u32, "country", "countries")
        );
        if !m.unresolved.is_empty() {
            s.push_str(&format!(
                " {} not placed: listed below.",
                plural(m.unresolved.len() as u32, "place", "places")
            ));
        }
        s
    };
    let status = move || match ex.atlas.get() {
        None => "Loading the map’s outlines…".to_string(),
        Some(Err(e)) => format!("{e} The places are still listed below."),
        Some(Ok(_)) => {
            let h = hover.get();
            if h.is_empty() {
                "Point at a country or a marker for its counts; click one to filter by it and read its sentences; a numbered marker zooms in.".into()
            } else {
                h
            }
        }
    };
    let limit = RwSignal::new(SENTENCES);
    let place_view = move || {
        let e = ex.view.get().place?;
        let d = ex.data.get();
        let m = data.get();
        let mix = ex.places.get();
        let r = ex.results.get();
        let ent = &d.corpus.entities[e];
        let readings: Vec<map::Marker> = m
            .markers
            .iter()
            .filter(|k| k.entity as usize == e)
            .cloned()
            .collect();
        let close = move |_| {
            let mut v = ex.view.get_untracked();
            v.place = None;
            ex.set_view(&v);
        };
        let body = readings
            .iter()
            .map(|k| {
                let sents = map::sentences_of(&d.corpus, &mix, &r.docs, e as u32, &k.place.label);
                let total = sents.len();
                let others: Vec<String> = k.candidates[1..]
                    .iter()
                    .map(|c| format!("{} ({})", c.place.label, kind_label(c.place.kind)))
                    .collect();
                let items = sents
                    .into_iter()
                    .take(limit.get())
                    .map(|(doc, (a, b), mention)| {
                        let article = &d.corpus.docs[doc as usize];
                        let text = article.text[a as usize..b as usize].to_string();
                        let source = article.source().unwrap_or("No known source").to_string();
                        let title = article.display_title();
                        view! {
                            <li>
                                <blockquote class="map-sentence">{text}</blockquote>
                                <p class="net-source">
                                    {format!("{source} · ")}
                                    <button type="button" class="map-open" on:click=move |_| ex.open_at(doc as usize, mention as usize)>
                                        {format!("Read “{title}”")}
                                    </button>
                                </p>
                            </li>
                        }
                    })
                    .collect_view();
                let rest = total.saturating_sub(limit.get());
                view! {
                    <div class="map-reading">
                        <p class="map-read-as">
                            {format!("Read as {} ({}{}) in {}: {}.", k.place.label, kind_label(k.place.kind),
                                if k.place.country.is_empty() { String::new() } else { format!(", {}", k.place.country) },
                                plural(k.docs, "article", "articles"), k.reason)}
                        </p>
                        {(!others.is_empty()).then(|| view! { <p class="hint">{format!("Other readings considered: {}.", others.join(", "))}</p> })}
                        <ol class="net-sentences">{items}</ol>
                        {(rest > 0).then(|| view! {
                            <button type="button" on:click=move |_| limit.update(|l| *l += SENTENCES)>{format!("and {rest} more: show {}", rest.min(SENTENCES))}</button>
                        })}
                    </div>
                }
            })
            .collect_view();
        let empty = readings
            .is_empty()
            .then(|| view! { <p>"No article the filter keeps puts this place on the map."</p> });
        Some(view! {
            <section class="net-evidence map-place" aria-labelledby="map-place-title">
                <h3 id="map-place-title">{ent.name.clone()}</h3>
                <button type="button" class="net-close" on:click=close>"Close"</button>
                {empty}
                {body}
            </section>
        })
    };
    let unresolved = move || {
        let m = data.get();
        let d = ex.data.get();
        m.unresolved
            .iter()
            .map(|&(e, n, docs)| {
                let name = d.corpus.entities[e as usize].name.clone();
                view! {
                    <li>
                        <button type="button" class="map-unresolved" on:click=move |_| ex.update_filter(|f| f.toggle(Criterion::Entity(e as usize)))>
                            {name}
                            <span class="entity-counts">{format!(" {} · {}", plural(n, "mention", "mentions"), plural(docs, "article", "articles"))}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let table = move || {
        let m = data.get();
        let d = ex.data.get();
        let chosen = ex.view.get().place;
        m.markers
            .iter()
            .map(|k| {
                let e = k.entity as usize;
                let (_, _, letter, class) = type_style(EntityType::Place);
                let label = k.place.label.clone();
                let name = d.corpus.entities[e].name.clone();
                view! {
                    <tr class:chosen=chosen == Some(e)>
                        <td><span class=format!("tag {class}") aria-hidden="true">{letter}</span>{label}</td>
                        <td>{kind_label(k.place.kind)}</td>
                        <td>{k.place.country.clone()}</td>
                        <td class="num">{k.mentions}</td>
                        <td class="num">{k.docs}</td>
                        <td>
                            <button type="button" class="map-sentences-button" aria-label=format!("Sentences naming {name}") on:click=move |_| choose(e)>
                                "Sentences"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pane map" aria-labelledby="map-title">
            <h2 id="map-title" class="pane-title">"Where"</h2>
            <button type="button" class="back" on:click=move |_| ex.show_pane(Pane::Overview)>"← Overview"</button>
            <p class="net-summary" aria-live="polite">{summary}</p>
            <div class="net-controls">
                <span class="tl-buttons">
                    <button type="button" aria-label="Zoom in" on:click=move |_| zoom_by(1.5)>"+"</button>
                    <button type="button" aria-label="Zoom out" on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                    <button type="button" on:click=move |_| zoom.set(Zoom::NONE)>"Whole world"</button>
                </span>
            </div>
            <p class="net-status map-status">{status}</p>
            <div class="map-frame" node_ref=frame_el>
                <svg
                    class="map-chart"
                    node_ref=chart
                    tabindex="0"
                    role="img"
                    aria-label="A world map: countries shaded by how often their places are named, markers for cities and sites; the table below lists the same places. Keys: + and − zoom, arrows pan, 0 shows the whole world."
                    viewBox=move || { let f = frame(); format!("0 0 {} {}", f.width, f.height()) }
                    width=move || width.get()
                    height=move || frame().height()
                    on:click=on_click
                    on:pointermove=on_move
                    on:pointerdown=on_down
                    on:pointerup=on_up
                    on:pointerleave=move |_| { drag.set(None); hover.set(String::new()); }
                    on:keydown=on_key
                >
                    <g transform=move || { let z = zoom.get(); format!("translate({} {}) scale({})", z.x, z.y, z.k) }>
                        <g node_ref=countries></g>
                        <g node_ref=markers></g>
                    </g>
                </svg>
            </div>
            <p class="hint">"Outlines: Natural Earth (public domain), via world-atlas. Equal Earth projection."</p>
            {place_view}
            <Show when=move || !data.with(|m| m.unresolved.is_empty())>
                <h3 class="map-side-title">"Named but not placed"</h3>
                <ul class="map-unresolved-list">{unresolved}</ul>
            </Show>
            <table class="net-table map-table">
                <caption>"The places on the map, most named first."</caption>
                <thead>
                    <tr><th scope="col">"Place"</th><th scope="col">"Kind"</th><th scope="col">"Country"</th><th scope="col">"Mentions"</th><th scope="col">"Articles"</th><th scope="col">"Sentences"</th></tr>
                </thead>
                <tbody>{table}</tbody>
            </table>
        </section>
    }
}
