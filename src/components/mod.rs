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
pub mod timeline;

use dossier_corpus::EntityType;
use leptos::prelude::*;

/// A view whose code is loaded when it is first shown: `load` is a split point (with the
/// `split` feature its code is a chunk of its own, fetched then) that gives the function
/// drawing the view; "Loading…" until it is there.
pub fn lazy_view<F>(load: impl FnOnce() -> F + 'static) -> impl IntoView
where
    F: std::future::Future<Output = fn() -> AnyView> + 'static,
{
    let ready = RwSignal::new(None::<fn() -> AnyView>);
    let fut = load();
    leptos::task::spawn_local(async move { ready.set(Some(fut.await)) });
    move || match ready.get() {
        Some(draw) => draw(),
        None => view! { <p class="hint lazy-loading" role="status">"Loading…"</p> }.into_any(),
    }
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
