//! The "Where the sources disagree" panel (third pane, `pane=disagreements`): each
//! disagreement among the articles the filter keeps, with its subject, slot and kind, and both
//! sides side by side: the value, the source and date, and the sentence with the value marked,
//! each one click from its article. A later report that revises an earlier one is shown as a
//! revision. What it lists comes from `dossier_corpus::views::disagree`.
use crate::components::Draw;
use crate::state::{explorer, Pane};
use dossier_corpus::views::disagree::{slot_label, value_label, Kind};
use dossier_corpus::views::timeline::{day_epoch, format_epoch};
use leptos::prelude::*;

/// The disagreements pane, loaded when it is first shown (a split point with `split`).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(disagreements_pane, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn disagreements_pane() -> Draw {
    Ok(|| view! { <DisagreementsPanel /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn disagreements_pane() -> Draw {
    Ok(|| view! { <DisagreementsPanel /> }.into_any())
}

#[component]
pub fn DisagreementsPanel() -> impl IntoView {
    let ex = explorer();
    let items = Memo::new(move |_| {
        let d = ex.data.get();
        let r = ex.results.get();
        ex.disagreements
            .get()
            .in_filter(&r.docs, d.corpus.docs.len())
    });
    let list = move || {
        let d = ex.data.get();
        let found = ex.disagreements.get();
        items
            .get()
            .into_iter()
            .map(|i| {
                let x = &found.items[i as usize];
                let subject = d.corpus.entities[x.subject as usize].name.clone();
                let kind = match x.kind {
                    Kind::Dispute => "Sources disagree",
                    Kind::Revision => "Revised later",
                };
                let sides = x
                    .sides
                    .iter()
                    .map(|s| {
                        let claim = &found.claims[s.claims[0] as usize];
                        let doc = &d.corpus.docs[claim.doc as usize];
                        let slug = d.slugs[claim.doc as usize].clone();
                        let (a, b) = (claim.sentence.0 as usize, claim.sentence.1 as usize);
                        let (va, vb) = (claim.span.0 as usize, claim.span.1 as usize);
                        let before = doc.text[a..va.max(a)].to_string();
                        let value_text = doc.text[va..vb].to_string();
                        let after = doc.text[vb.min(b)..b].to_string();
                        let source = doc.source().unwrap_or("No known source").to_string();
                        let date = s
                            .published
                            .map(|p| format_epoch(day_epoch(p)))
                            .or_else(|| doc.article.page_date.as_ref().map(|p| format!("page dated {p}")))
                            .unwrap_or_else(|| "undated".into());
                        let also = s.claims.len() - 1;
                        let title = doc.display_title();
                        let href = ex.doc_href(&slug);
                        view! {
                            <div class="dis-side">
                                <p class="dis-value">{value_label(&d.corpus, &claim.value)}</p>
                                <p class="dis-source">{format!("{source} · {date}")}</p>
                                <blockquote class="dis-sentence">
                                    {before}<mark class="dis-span">{value_text}</mark>{after}
                                </blockquote>
                                {(also > 0).then(|| view! { <p class="hint">{format!("and {also} more saying the same")}</p> })}
                                <a class="dis-open" href=href>{format!("Read “{title}”")}</a>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="dis-item" class:revision=x.kind == Kind::Revision>
                        <h3>
                            <span class="dis-subject">{subject}</span>
                            <span class="dis-slot">{slot_label(x.slot)}</span>
                            <span class="badge">{kind}</span>
                        </h3>
                        <div class="dis-sides">{sides}</div>
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || {
        let n = items.with(Vec::len);
        match n {
            0 => "No disagreements among these articles.".to_string(),
            1 => "1 disagreement among these articles.".to_string(),
            n => format!("{n} disagreements among these articles."),
        }
    };
    view! {
        <section class="pane disagreements" aria-labelledby="disagreements-title">
            <h2 id="disagreements-title" class="pane-title">"Where the sources disagree"</h2>
            <button type="button" class="back" on:click=move |_| ex.show_pane(Pane::Overview)>"← Overview"</button>
            <p class="dis-count" aria-live="polite">{count}</p>
            <p class="hint">"Claims about one subject whose values cannot both be true: dates that do not overlap, numbers beyond a tolerance (“at least” is a bound), different places. Copies of one wire story count as one source."</p>
            <ol class="dis-list">{list}</ol>
        </section>
    }
}
