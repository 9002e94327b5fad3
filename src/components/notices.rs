//! Notices about the URL: parameters that could not be used are ignored, said so here, and can
//! be dropped from the address with one click (the view itself never goes blank).
use crate::state::explorer;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let ex = explorer();
    view! {
        <Show when=move || !ex.notices.get().is_empty()>
            <div class="notices" role="status">
                <ul>
                    {move || {
                        ex.notices
                            .get()
                            .into_iter()
                            .map(|n| view! { <li>{n}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" on:click=move |_| ex.normalise_url()>
                    "Remove them from the address"
                </button>
            </div>
        </Show>
    }
}
