//! Entry point of the web app: mounts the Leptos `App` on the page body. It also exports the
//! browser benchmark's one entry (`scripts/bench-ui.mjs`), which the app never calls.
use dossier_corpus::views::network::layout;
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dossier::App);
}

/// The network layout's budget case timed in this wasm: ForceAtlas2 on the benchmark graph of
/// `nodes` and `edges`; milliseconds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_network_layout(nodes: usize, edges: usize) -> f64 {
    let (ids, springs) = layout::benchmark_graph(nodes, edges);
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let t0 = now();
    let p = layout::layout(&ids, &springs, &layout::Settings::default());
    let ms = now() - t0;
    std::hint::black_box(p);
    ms
}
