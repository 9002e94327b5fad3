//! The page's components, one module each; how entity types are presented, and how a chart
//! measures its box.
pub mod corrections;
pub mod disagreements;
pub mod entities;
pub mod facets;
pub mod header;
pub mod library;
pub mod map;
pub mod network;
pub mod notices;
pub mod overview;
pub mod reader;
pub mod results;
pub mod sharded;
pub mod timeline;

use dossier_corpus::EntityType;
use leptos::prelude::*;

/// A count and its noun: "1 mention", "3 mentions".
pub fn plural<N: std::fmt::Display + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

/// A view's code that could not be loaded: the network is down, or the site was updated since
/// the page opened and the old chunk is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Unloaded {
        Unloaded
    }
}

/// What a split point gives: the function that draws its view, once its chunk has loaded.
pub type Draw = Result<fn() -> AnyView, Unloaded>;

/// A view whose code is loaded when it is first shown: `load` is a split point (with the
/// `split` feature its code is a chunk of its own, fetched then); "Loading…" until it is there,
/// and a message with a retry if it cannot be fetched (a failed load is not remembered).
pub fn lazy_view<F>(load: fn() -> F) -> impl IntoView
where
    F: std::future::Future<Output = Draw> + 'static,
{
    let ready = RwSignal::new(None::<Draw>);
    let fetch = move || {
        ready.set(None);
        leptos::task::spawn_local(async move { ready.set(Some(load().await)) });
    };
    fetch();
    move || {
        match ready.get() {
        Some(Ok(draw)) => draw(),
        Some(Err(Unloaded)) => view! {
            <div class="lazy-failed" role="alert">
                <p>"This view could not be loaded: the site may be offline, or updated since this page opened."</p>
                <button type="button" on:click=move |_| fetch()>"Try again"</button>
            </div>
        }
        .into_any(),
        None => view! { <p class="hint lazy-loading" role="status">"Loading…"</p> }.into_any(),
    }
    }
}

/// The pan and zoom of a chart's drawing (the network's, the map's): scale and translation in
/// drawing units.
#[derive(Clone, Copy, PartialEq)]
pub struct Zoom {
    pub k: f64,
    pub x: f64,
    pub y: f64,
}

impl Zoom {
    pub const NONE: Zoom = Zoom {
        k: 1.0,
        x: 0.0,
        y: 0.0,
    };

    /// Zooms by `factor` about the drawing point (`cx`, `cy`), the scale kept within `range`.
    pub fn about(self, factor: f64, cx: f64, cy: f64, (lo, hi): (f64, f64)) -> Zoom {
        let k = (self.k * factor).clamp(lo, hi);
        let f = k / self.k;
        Zoom {
            k,
            x: cx - (cx - self.x) * f,
            y: cy - (cy - self.y) * f,
        }
    }
}

/// Where a client point falls in a chart's drawing `width` units wide: (x, y, drawing units
/// per pixel), once the chart is laid out.
pub fn drawing_point(
    chart: NodeRef<leptos::svg::Svg>,
    width: RwSignal<f64>,
    cx: f64,
    cy: f64,
) -> Option<(f64, f64, f64)> {
    let el = chart.get_untracked()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0).then(|| {
        let s = width.get_untracked() / r.width();
        ((cx - r.left()) * s, (cy - r.top()) * s, s)
    })
}

/// The wheel zooms a chart about the pointer, by `step` a notch in or out, the scale kept
/// within `range` (a native, non-passive listener, so the page does not scroll under it).
pub fn wheel_zooms(
    chart: NodeRef<leptos::svg::Svg>,
    width: RwSignal<f64>,
    zoom: RwSignal<Zoom>,
    step: f64,
    range: (f64, f64),
) {
    use wasm_bindgen::{closure::Closure, JsCast};
    Effect::new(move |_| {
        let Some(el) = chart.get() else { return };
        let on_wheel =
            Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
                e.prevent_default();
                let at = drawing_point(chart, width, e.client_x() as f64, e.client_y() as f64);
                if let Some((x, y, _)) = at {
                    let factor = if e.delta_y() < 0.0 { step } else { 1.0 / step };
                    zoom.update(|z| *z = z.about(factor, x, y, range));
                }
            });
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            on_wheel.as_ref().unchecked_ref(),
            &opts,
        );
        on_wheel.forget();
    });
}

/// The width of a chart's box, measured when it is drawn and when the window resizes (so a
/// chart's drawing is as wide as its box and its text keeps its size), at least `min`.
pub fn box_width(frame: NodeRef<leptos::html::Div>, min: f64) -> RwSignal<f64> {
    let width = RwSignal::new(640f64.max(min));
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w.max(min) - width.get_untracked()).abs() > 1.0 {
                width.set(w.max(min));
            }
        }
    };
    Effect::new(move |_| {
        frame.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}

/// How a type is shown: its name, its plural, the letter that marks it beside its colour, and
/// its CSS class.
pub fn type_style(t: EntityType) -> (&'static str, &'static str, &'static str, &'static str) {
    match t {
        EntityType::Person => ("Person", "People", "P", "t-person"),
        EntityType::Org => ("Organisation", "Organisations", "O", "t-org"),
        EntityType::Place => ("Place", "Places", "L", "t-place"),
        EntityType::Weapon => ("Weapon system", "Weapon systems", "W", "t-weapon"),
        EntityType::Event => ("Event", "Events", "E", "t-event"),
        EntityType::Date => ("Date", "Dates", "D", "t-date"),
    }
}
