//! The timeline view: an SVG axis of what the filtered articles date, in lanes by source or by
//! entity type, on the axis of when it happened or when it was reported. A mark's width shows
//! its precision (a day is a tick, a month a band); approximate bounds are drawn lighter; too
//! many marks become bins. Hover shows the sentence, a click opens the article at the date;
//! dragging across the axis filters the corpus to that range. Buttons and keys zoom and pan
//! (+ − ← → 0 on the focused chart), and a table gives the same data to keyboard and
//! screen-reader users. What it draws comes from `dossier_corpus::views::timeline`.
use crate::components::box_width;
use crate::state::{explorer, timed, ViewOptions};
use dossier_corpus::views::timeline::{
    self, format_epoch, interval_label, ticks, Axis, Epoch, Lanes, Mark, Options, Precision,
};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The chart's geometry: its drawing is as wide as its box (measured, so text keeps its size),
/// with a lane label column, lane and axis heights.
#[derive(Clone, Copy, PartialEq)]
struct Geometry {
    width: f64,
    label: f64,
}

impl Geometry {
    fn new(width: f64) -> Geometry {
        let width = width.max(MIN_WIDTH);
        Geometry {
            width,
            label: (width * 0.22).clamp(70.0, 150.0),
        }
    }

    /// The x of an epoch day in a window.
    fn x_of(self, e: f64, (w0, w1): (Epoch, Epoch)) -> f64 {
        self.label + (e - w0 as f64) / ((w1 - w0 + 1) as f64) * (self.width - self.label - RIGHT)
    }

    /// The epoch day at an x in a window.
    fn day_at(self, x: f64, (w0, w1): (Epoch, Epoch)) -> Epoch {
        let f = ((x - self.label) / (self.width - self.label - RIGHT)).clamp(0.0, 1.0);
        w0 + (f * (w1 - w0 + 1) as f64).floor() as Epoch
    }
}

const RIGHT: f64 = 12.0;
/// The narrowest drawing (a narrower box scrolls it).
const MIN_WIDTH: f64 = 240.0;
const LANE: f64 = 30.0;
const AXIS: f64 = 24.0;
/// Rows the table lists before "and N more".
const TABLE_ROWS: usize = 200;

/// The x in the chart's drawing of a pointer event on it (found from the event's target:
/// events are delegated, so the current target is not the chart).
fn view_x(ev: &web_sys::PointerEvent, width: f64) -> Option<f64> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest(".tl-chart").ok()??;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0).then(|| (ev.client_x() as f64 - r.left()) / r.width() * width)
}

/// The names of a statement's events, joined.
fn event_names(corpus: &dossier_corpus::Corpus, events: &[u32]) -> String {
    events
        .iter()
        .map(|&e| corpus.entities[e as usize].name.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The hovered mark: its lane, its index, and where to show its card.
#[derive(Clone, Copy, PartialEq)]
struct Hover {
    lane: usize,
    mark: usize,
    x: f64,
    y: f64,
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ex = explorer();
    let view_opts = move || ex.view.get();
    let tl = Memo::new(move |_| {
        let d = ex.data.get();
        let r = ex.results.get();
        let tix = ex.timeline.get();
        let v = ex.view.get();
        let opts = Options {
            axis: v.axis,
            lanes: v.lanes,
            window: v.window,
            ..Options::default()
        };
        timed("dossier-timeline", || {
            Arc::new(timeline::timeline(&tix, &d.index, &r.docs, &opts))
        })
    });
    let hover = RwSignal::new(None::<Hover>);
    // the drawing's width follows the chart's box
    let frame = NodeRef::<leptos::html::Div>::new();
    let width = box_width(frame, MIN_WIDTH);
    let geometry = Memo::new(move |_| Geometry::new(width.get()));
    let brush = RwSignal::new(None::<(f64, f64)>);
    let set_view = move |change: &dyn Fn(&mut ViewOptions)| {
        let mut v = ex.view.get_untracked();
        change(&mut v);
        ex.set_view(&v);
    };
    let window_of = move || tl.with(|t| t.window);
    let extent_of = move || tl.with(|t| t.extent);
    let zoom_by = move |factor: f64| {
        if let (Some(w), Some(e)) = (window_of(), extent_of()) {
            let nw = timeline::zoom(w, factor, e);
            set_view(&|v| v.window = (nw != e).then_some(nw));
        }
    };
    let pan_by = move |fraction: f64| {
        if let (Some(w), Some(e)) = (window_of(), extent_of()) {
            let nw = timeline::pan(w, fraction, e);
            set_view(&|v| v.window = (nw != e).then_some(nw));
        }
    };
    // the filter's date bounds on this axis, as a range
    let filter_to = move |range: (Epoch, Epoch)| {
        let axis = ex.view.get_untracked().axis;
        ex.update_filter(|f| timeline::choose_range(f, axis, range));
    };
    let height = move || AXIS + LANE * tl.with(|t| t.lanes.len().max(1)) as f64 + 4.0;
    let chart = move || {
        let t = tl.get();
        let g = geometry.get();
        let (x_of, day_w) = (move |e: f64, w: (Epoch, Epoch)| g.x_of(e, w), g.width);
        let Some(w) = t.window else {
            return ().into_any();
        };
        let h = height();
        let tick_marks = ticks(w)
            .into_iter()
            .map(|(e, label)| {
                let x = x_of(e as f64, w);
                view! {
                    <line class="tl-grid" x1=x x2=x y1={AXIS - 4.0} y2=h />
                    <text class="tl-tick" x={x + 3.0} y={AXIS - 8.0}>{label}</text>
                }
            })
            .collect_view();
        // the chosen range (the filter's bounds on this axis) and the brush being dragged
        let chosen = timeline::chosen_range(&ex.filter.get(), ex.view.get().axis).and_then(|(a, b)| {
            let (a, b) = (a.unwrap_or(w.0), b.unwrap_or(w.1));
            let (x0, x1) = (x_of(a.max(w.0) as f64, w), x_of((b.min(w.1) + 1) as f64, w));
            (x1 > x0).then(|| view! { <rect class="tl-chosen" x=x0 y={AXIS - 4.0} width={x1 - x0} height={h - AXIS + 4.0} /> })
        });
        let max_bin = t
            .lanes
            .iter()
            .flat_map(|l| l.bins.iter().map(|b| b.count))
            .max()
            .unwrap_or(1)
            .max(1);
        let lanes = t
            .lanes
            .iter()
            .enumerate()
            .map(|(li, lane)| {
                let y = AXIS + li as f64 * LANE;
                let label = lane.label.clone();
                let body = if t.binned {
                    lane.bins
                        .iter()
                        .map(|b| {
                            let (x0, x1) = (x_of(b.start as f64, w).max(g.label), x_of((b.end + 1) as f64, w).min(day_w - RIGHT));
                            let bh = (LANE - 8.0) * (b.count as f64 / max_bin as f64).max(0.12);
                            let title = format!("{} to {}: {} dated statements", format_epoch(b.start), format_epoch(b.end), b.count);
                            view! {
                                <rect class="tl-bin" x=x0 y={y + LANE - 4.0 - bh} width={(x1 - x0 - 1.0).max(1.0)} height=bh>
                                    <title>{title}</title>
                                </rect>
                            }
                        })
                        .collect_view()
                        .into_any()
                } else {
                    // wide marks first, so narrow ones are drawn over them
                    let mut order: Vec<usize> = (0..lane.marks.len()).collect();
                    order.sort_by_key(|&i| std::cmp::Reverse(lane.marks[i].end - lane.marks[i].start));
                    order
                        .into_iter()
                        .map(|mi| {
                            let m: &Mark = &lane.marks[mi];
                            let (x0, x1) = (x_of(m.start as f64, w).max(g.label), x_of((m.end + 1) as f64, w).min(day_w - RIGHT));
                            let coarse = matches!(m.precision, Precision::Year | Precision::Years);
                            let (my, mh) = if coarse { (y + LANE - 11.0, 6.0) } else { (y + 6.0, LANE - 12.0) };
                            let width = (x1 - x0).max(3.0);
                            let class = format!(
                                "tl-mark{}{}",
                                if m.approximate { " approx" } else { "" },
                                if coarse { " coarse" } else { "" }
                            );
                            let first = m.statements.first().copied();
                            let doc = m.docs.first().copied();
                            view! {
                                <rect
                                    class=class
                                    data-group={m.group}
                                    x=x0
                                    y=my
                                    width=width
                                    height=mh
                                    on:pointerdown=|ev: web_sys::PointerEvent| ev.stop_propagation()
                                    on:pointerenter=move |ev: web_sys::PointerEvent| hover.set(Some(Hover {
                                        lane: li,
                                        mark: mi,
                                        x: ev.client_x() as f64,
                                        y: ev.client_y() as f64,
                                    }))
                                    on:pointerleave=move |_| hover.set(None)
                                    on:click=move |_| {
                                        hover.set(None);
                                        let tix = ex.timeline.get_untracked();
                                        match first.map(|s| &tix.statements[s as usize]) {
                                            Some(s) => ex.open_at(s.doc as usize, s.mention as usize),
                                            None => {
                                                if let Some(d) = doc {
                                                    let slug = ex.data.get_untracked().slugs[d as usize].clone();
                                                    ex.open(Some(&slug));
                                                }
                                            }
                                        }
                                    }
                                />
                            }
                        })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <g class="tl-lane">
                        <rect class="tl-lane-bg" x=0 y=y width=day_w height=LANE />
                        <text class="tl-lane-label" x=6 y={y + LANE / 2.0 + 4.0}>{label}</text>
                        {body}
                    </g>
                }
            })
            .collect_view();
        view! {
            {tick_marks}
            {chosen}
            {lanes}
        }
        .into_any()
    };
    let dragging = move || {
        let g = geometry.get();
        let h = height();
        brush.get().map(|(a, b)| {
            let (x0, x1) = (a.min(b).max(g.label), a.max(b).min(g.width - RIGHT));
            view! { <rect class="tl-brush" x=x0 y={AXIS - 4.0} width={(x1 - x0).max(1.0)} height={h - AXIS + 4.0} /> }
        })
    };
    let card = move || {
        let h = hover.get()?;
        let t = tl.get();
        let m = t.lanes.get(h.lane)?.marks.get(h.mark)?.clone();
        let d = ex.data.get();
        let tix = ex.timeline.get();
        let first = m.statements.first().map(|&s| &tix.statements[s as usize]);
        let sentence = first.map(|s| {
            let text = &d.corpus.docs[s.doc as usize].text;
            text[s.sentence.0 as usize..s.sentence.1 as usize].to_string()
        });
        let event = first
            .map(|s| event_names(&d.corpus, &s.events))
            .filter(|n| !n.is_empty());
        let when = interval_label(m.start, m.end, m.precision, m.approximate);
        let n = m.docs.len();
        Some(view! {
            <div class="tl-card" role="tooltip" style:left=format!("{}px", h.x + 12.0) style:top=format!("{}px", h.y + 12.0)>
                <p class="tip-name">{event.unwrap_or_else(|| when.clone())}</p>
                <p class="tip-line">{format!("{when} ({})", m.precision.label())}</p>
                {sentence.map(|s| view! { <p class="tl-sentence">{s}</p> })}
                <p class="tip-hint">{format!("{n} article{} · click to read", if n == 1 { "" } else { "s" })}</p>
            </div>
        })
    };
    let table = move || {
        let t = tl.get();
        let d = ex.data.get();
        let tix = ex.timeline.get();
        let mut rows: Vec<(&Mark, &str)> = t
            .lanes
            .iter()
            .flat_map(|l| l.marks.iter().map(move |m| (m, l.label.as_str())))
            .collect();
        rows.sort_by_key(|(m, _)| (m.start, m.end));
        let more = rows.len().saturating_sub(TABLE_ROWS);
        let body = rows
            .into_iter()
            .take(TABLE_ROWS)
            .map(|(m, lane)| {
                let first = m.statements.first().map(|&s| tix.statements[s as usize].clone());
                let what = first
                    .as_ref()
                    .map(|s| event_names(&d.corpus, &s.events))
                    .filter(|n| !n.is_empty())
                    .or_else(|| {
                        first.as_ref().map(|s| {
                            let text = &d.corpus.docs[s.doc as usize].text;
                            let sent = &text[s.sentence.0 as usize..s.sentence.1 as usize];
                            let mut short: String = sent.chars().take(110).collect();
                            if short.len() < sent.len() {
                                short.push('…');
                            }
                            short
                        })
                    })
                    .unwrap_or_default();
                let when = interval_label(m.start, m.end, m.precision, m.approximate);
                let target = first.map(|s| (s.doc as usize, s.mention as usize));
                let docs = m.docs.clone();
                view! {
                    <tr>
                        <td>{when}</td>
                        <td>{m.precision.label()}</td>
                        <td>{what}</td>
                        <td>{lane.to_string()}</td>
                        <td class="num">{m.docs.len()}</td>
                        <td>
                            <button type="button" class="tl-read" on:click=move |_| match target {
                                Some((doc, mention)) => ex.open_at(doc, mention),
                                None => {
                                    if let Some(&doc) = docs.first() {
                                        let slug = ex.data.get_untracked().slugs[doc as usize].clone();
                                        ex.open(Some(&slug));
                                    }
                                }
                            }>"Read"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="tl-table">
                <caption>"Dated statements in the window, earliest first"</caption>
                <thead>
                    <tr><th scope="col">"When"</th><th scope="col">"Precision"</th><th scope="col">"What"</th><th scope="col">"Lane"</th><th scope="col">"Articles"</th><th scope="col"><span class="visually-hidden">"Open"</span></th></tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more: zoom in to list them")}</p> })}
        }
    };
    let summary = move || {
        let t = tl.get();
        let win = t
            .window
            .map(|(a, b)| format!(" between {} and {}", format_epoch(a), format_epoch(b)))
            .unwrap_or_default();
        format!(
            "{} of {} dated statements shown{win}{}",
            t.in_window,
            t.total,
            if t.binned { ", counted in bins" } else { "" }
        )
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">"Timeline"</h3>
            <div class="tl-controls" role="group" aria-label="Timeline controls">
                <label for="tl-axis">"Axis"</label>
                <select id="tl-axis" on:change=move |ev| {
                    let reported = event_target_value(&ev) == "reported";
                    set_view(&|v| { v.axis = if reported { Axis::Reported } else { Axis::Happened }; v.window = None; });
                }>
                    <option value="happened" selected=move || view_opts().axis == Axis::Happened>"when it happened"</option>
                    <option value="reported" selected=move || view_opts().axis == Axis::Reported>"when it was reported"</option>
                </select>
                <label for="tl-lanes">"Lanes"</label>
                <select id="tl-lanes" on:change=move |ev| {
                    let by_type = event_target_value(&ev) == "type";
                    set_view(&|v| v.lanes = if by_type { Lanes::Type } else { Lanes::Source });
                }>
                    <option value="source" selected=move || view_opts().lanes == Lanes::Source>"by source"</option>
                    <option value="type" selected=move || view_opts().lanes == Lanes::Type>"by entity type"</option>
                </select>
                <span class="tl-buttons">
                    <button type="button" on:click=move |_| zoom_by(0.5) aria-label="Zoom in">"+"</button>
                    <button type="button" on:click=move |_| zoom_by(2.0) aria-label="Zoom out">"−"</button>
                    <button type="button" on:click=move |_| pan_by(-0.25) aria-label="Earlier">"←"</button>
                    <button type="button" on:click=move |_| pan_by(0.25) aria-label="Later">"→"</button>
                    <button type="button" on:click=move |_| set_view(&|v| v.window = None)>"Whole range"</button>
                    <button type="button" class="tl-filter" on:click=move |_| {
                        if let Some(w) = window_of() { filter_to(w) }
                    }>"Filter to this window"</button>
                </span>
            </div>
            <p class="tl-summary" aria-live="polite">{summary}</p>
            <div class="tl-frame" node_ref=frame>
                <p class="tl-empty" hidden=move || tl.with(|t| t.window.is_some())>"No dated statements in these articles."</p>
            <svg
                class="tl-chart"
                viewBox=move || format!("0 0 {} {}", geometry.get().width, height())
                style:display=move || if tl.with(|t| t.window.is_none()) { "none" } else { "block" }
                role="img"
                aria-labelledby="tl-title"
                tabindex="0"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    let handled = match ev.key().as_str() {
                        "+" | "=" => { zoom_by(0.5); true }
                        "-" | "_" => { zoom_by(2.0); true }
                        "ArrowLeft" => { pan_by(-0.25); true }
                        "ArrowRight" => { pan_by(0.25); true }
                        "0" => { set_view(&|v| v.window = None); true }
                        _ => false,
                    };
                    if handled {
                        ev.prevent_default();
                    }
                }
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    let g = geometry.get_untracked();
                    if let Some(x) = view_x(&ev, g.width) {
                        if x >= g.label {
                            brush.set(Some((x, x)));
                        }
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    let width = geometry.get_untracked().width;
                    if let (Some((a, _)), Some(x)) = (brush.get_untracked(), view_x(&ev, width)) {
                        brush.set(Some((a, x)));
                    }
                }
                on:pointerup=move |_| {
                    let g = geometry.get_untracked();
                    if let (Some((a, b)), Some(w)) = (brush.get_untracked(), window_of()) {
                        brush.set(None);
                        if (a - b).abs() >= 4.0 {
                            filter_to((g.day_at(a.min(b), w), g.day_at(a.max(b), w)));
                        }
                    }
                }
                on:pointerleave=move |_| brush.set(None)
            >
                <title id="tl-title">{move || {
                    let t = tl.get();
                    format!("Timeline of {} dated statements; drag across it to filter by date", t.in_window)
                }}</title>
                {chart}
                {dragging}
            </svg>
            </div>
            {card}
            <details class="tl-details">
                <summary>"The timeline as a table"</summary>
                {table}
            </details>
        </section>
    }
}
