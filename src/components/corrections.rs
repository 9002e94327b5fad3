//! The analyst's corrections in the page: the dialog that corrects an entity or a mention
//! (rename, change the type, "not an entity", merge with the direction and counts shown before
//! confirming, split chosen mentions off) or marks selected text as a mention (once, in the
//! article, or everywhere); the notice after each correction with its undo; and the
//! "Corrections" pane (`pane=corrections`): the log with what each entry did or why it no
//! longer applies, undo and redo, export and import of the log, the storage warning, and the
//! likely duplicates to merge in one click. Every operation is built here and carried out by
//! `dossier_corpus::corrections` through the library, which keeps the log in IndexedDB.
use crate::components::{plural, type_style, Draw, Unloaded};
use crate::download::{download, today};
use crate::library::library;
use crate::state::{explorer, Pane};
use dossier_corpus::corrections::suggest::suggest;
use dossier_corpus::corrections::{mentions_of, occurrences_in, Anchor, Op, Scope};
use dossier_corpus::{Corpus, EntityType};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the dialog corrects.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// An entity, from the entity list, or one of its mentions in the reader (article, index).
    Entity {
        entity: usize,
        mention: Option<(usize, usize)>,
    },
    /// Text selected in the reader: article and byte span.
    Text {
        doc: usize,
        start: usize,
        end: usize,
    },
    /// Entities the suggestions say may be one.
    Merge { entities: Vec<usize> },
}

/// The dialog's target, shared by context.
#[derive(Clone, Copy)]
pub struct Correcting(pub RwSignal<Option<Target>>);

/// Opens the dialog on a target.
pub fn correct(target: Target) {
    if let Some(c) = use_context::<Correcting>() {
        c.0.set(Some(target));
    }
}

fn counts(corpus: &Corpus, e: usize) -> String {
    let ent = &corpus.entities[e];
    format!(
        "{} in {}",
        plural(ent.all_mention_count, "mention", "mentions"),
        plural(ent.all_doc_count, "article", "articles")
    )
}

/// The scope the dialog's choice names: 0 this mention, 1 this text in its article, 2 the corpus.
fn scope_of(corpus: &Corpus, mention: Option<(usize, usize)>, choice: u8) -> Scope {
    let lib = library();
    match (mention, choice) {
        (Some((d, i)), 0 | 1) => {
            let m = &corpus.docs[d].mentions[i];
            let hash = lib.hash_of(d);
            if choice == 0 {
                Scope::Mention {
                    at: Anchor::new(corpus, d, m.start, m.end, hash.as_deref()),
                }
            } else {
                Scope::Article {
                    doc: hash.unwrap_or_default(),
                    name: corpus.docs[d].name.clone(),
                    text: corpus.docs[d].text[m.start..m.end].to_string(),
                }
            }
        }
        _ => Scope::Corpus,
    }
}

/// The entity of this type named exactly `name`, if one is.
fn named(corpus: &Corpus, kind: EntityType, name: &str) -> Option<usize> {
    let name = name.trim();
    corpus
        .entities
        .iter()
        .filter(|e| e.kind == kind && e.name == name)
        .max_by_key(|e| e.all_mention_count)
        .map(|e| e.id)
}

/// A `<datalist>` of the names of one type, most named first.
fn names_list(corpus: &Corpus, kind: EntityType, id: &'static str) -> impl IntoView {
    let mut ids: Vec<usize> = (0..corpus.entities.len())
        .filter(|&e| corpus.entities[e].kind == kind && corpus.entities[e].all_mention_count > 0)
        .collect();
    ids.sort_by_key(|&e| std::cmp::Reverse(corpus.entities[e].all_mention_count));
    let options = ids
        .into_iter()
        .take(300)
        .map(|e| view! { <option value=corpus.entities[e].name.clone()></option> })
        .collect_view();
    view! { <datalist id=id>{options}</datalist> }
}

fn type_select(value: RwSignal<EntityType>, id: &'static str) -> impl IntoView {
    let options = EntityType::ALL
        .into_iter()
        .map(|t| {
            let (label, ..) = type_style(t);
            view! { <option value=t.as_str() selected=move || value.get() == t>{label}</option> }
        })
        .collect_view();
    view! {
        <select id=id on:change=move |ev| {
            if let Some(t) = EntityType::parse(&event_target_value(&ev)) {
                value.set(t);
            }
        }>{options}</select>
    }
}

/// The body of the dialog for an entity or one of its mentions.
fn entity_form(
    e: usize,
    mention: Option<(usize, usize)>,
    close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let ex = explorer();
    let lib = library();
    let d = ex.data.get_untracked();
    let c = &d.corpus;
    let ent = &c.entities[e];
    let (kind, key, name) = (ent.kind, ent.key.clone(), ent.name.clone());
    let scope = RwSignal::new(if mention.is_some() { 0u8 } else { 2 });
    let rename = RwSignal::new(name.clone());
    let retype = RwSignal::new(if kind == EntityType::Place {
        EntityType::Org
    } else {
        kind
    });
    let other = RwSignal::new(String::new());
    let keep_this = RwSignal::new(false);
    let split_name = RwSignal::new(format!("{name} (2)"));
    let listed = mentions_of(c, e, 40);
    let chosen = RwSignal::new(
        mention
            .map(|m| {
                listed
                    .iter()
                    .position(|x| *x == m)
                    .into_iter()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let surface = mention.map(|(dd, i)| {
        let m = &c.docs[dd].mentions[i];
        (
            c.docs[dd].text[m.start..m.end].to_string(),
            c.docs[dd].display_title(),
        )
    });
    let scope_picker = surface.clone().map(|(text, title)| {
        let radio = move |v: u8, label: String| {
            view! {
                <label class="fix-choice">
                    <input type="radio" name="fix-scope" checked=move || scope.get() == v on:change=move |_| scope.set(v) />
                    {label}
                </label>
            }
        };
        view! {
            <fieldset class="fix-scope">
                <legend>"Apply to"</legend>
                {radio(0, format!("this mention, in “{title}”"))}
                {radio(1, format!("every “{text}” in this article"))}
                {radio(2, "every mention of it, in every article".to_string())}
            </fieldset>
        }
    });
    let op_scope = move || {
        let d = ex.data.get_untracked();
        scope_of(&d.corpus, mention, scope.get_untracked())
    };
    let k1 = key.clone();
    let do_rename = move |_| {
        let n = rename.get_untracked().trim().to_string();
        if !n.is_empty() {
            lib.correct(vec![Op::Rename {
                entity: k1.clone(),
                name: n,
            }]);
            close();
        }
    };
    let k2 = key.clone();
    let do_retype = move |_| {
        lib.correct(vec![Op::Retype {
            entity: k2.clone(),
            kind: retype.get_untracked(),
            scope: op_scope(),
        }]);
        close();
    };
    let k3 = key.clone();
    let do_delete = move |_| {
        lib.correct(vec![Op::Delete {
            entity: k3.clone(),
            scope: op_scope(),
        }]);
        close();
    };
    // the merge: with whom, which name survives, and what moves, said before it is done
    let merge_with = move || {
        let d = ex.data.get();
        named(&d.corpus, kind, &other.get()).filter(|&o| o != e)
    };
    let name2 = name.clone();
    let preview = move || {
        let d = ex.data.get();
        let c = &d.corpus;
        let Some(o) = merge_with() else {
            return if other.get().trim().is_empty() {
                String::new()
            } else {
                format!("No {} is named “{}”.", kind.singular(), other.get().trim())
            };
        };
        let whole = scope.get() == 2;
        let (from, into) = if keep_this.get() && whole {
            (o, e)
        } else {
            (e, o)
        };
        let moving = if whole {
            format!("“{}” ({})", c.entities[from].name, counts(c, from))
        } else if scope.get() == 0 {
            format!("this mention of “{name2}”")
        } else {
            format!(
                "every “{}” in this article",
                surface.as_ref().map_or("", |s| s.0.as_str())
            )
        };
        format!(
            "{moving} will join “{}” ({}); the name “{}” is kept.",
            c.entities[into].name,
            counts(c, into),
            c.entities[into].name
        )
    };
    let k4 = key.clone();
    let do_merge = move |_| {
        let Some(o) = merge_with() else { return };
        let d = ex.data.get_untracked();
        let okey = d.corpus.entities[o].key.clone();
        let whole = scope.get_untracked() == 2;
        let (from, into) = if keep_this.get_untracked() && whole {
            (okey, k4.clone())
        } else {
            (k4.clone(), okey)
        };
        lib.correct(vec![Op::Merge {
            from,
            into,
            scope: op_scope(),
        }]);
        close();
    };
    let split_items = listed
        .iter()
        .enumerate()
        .map(|(i, &(dd, mi))| {
            let doc = &c.docs[dd];
            let m = &doc.mentions[mi];
            let from = doc.text[..m.start].char_indices().rev().nth(40).map_or(0, |(p, _)| p);
            let to = doc.text[m.end..].char_indices().nth(40).map_or(doc.text.len(), |(p, _)| m.end + p);
            let (before, quote, after) = (
                doc.text[from..m.start].to_string(),
                doc.text[m.start..m.end].to_string(),
                doc.text[m.end..to].to_string(),
            );
            view! {
                <li>
                    <label class="fix-choice">
                        <input type="checkbox" prop:checked=move || chosen.get().contains(&i)
                            on:change=move |_| chosen.update(|v| if let Some(p) = v.iter().position(|x| *x == i) { v.remove(p); } else { v.push(i); }) />
                        <span class="fix-context">"…" {before} <strong>{quote}</strong> {after} "…"</span>
                        <span class="entity-counts">{format!(" {}", doc.display_title())}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let more = ent.all_mention_count.saturating_sub(listed.len());
    let k5 = key.clone();
    let do_split = move |_| {
        let n = split_name.get_untracked().trim().to_string();
        let picked = chosen.get_untracked();
        if n.is_empty() || picked.is_empty() {
            return;
        }
        let d = ex.data.get_untracked();
        let anchors = picked
            .iter()
            .map(|&i| {
                let (dd, mi) = listed[i];
                let m = &d.corpus.docs[dd].mentions[mi];
                Anchor::new(&d.corpus, dd, m.start, m.end, lib.hash_of(dd).as_deref())
            })
            .collect();
        lib.correct(vec![Op::Split {
            entity: k5.clone(),
            mentions: anchors,
            name: n,
        }]);
        close();
    };
    let (label, _, letter, class) = type_style(kind);
    view! {
        <h2 id="fix-title">{format!("Correct “{name}”")}</h2>
        <p class=format!("tip-type {class}")>
            <span class="tag" aria-hidden="true">{letter}</span>
            {format!("{label} · {}", counts(c, e))}
        </p>
        {scope_picker}
        <div class="fix-row">
            <label for="fix-rename">"Name"</label>
            <input id="fix-rename" type="text" prop:value=move || rename.get() on:input=move |ev| rename.set(event_target_value(&ev)) disabled=move || scope.get() != 2 />
            <button type="button" class="fix-rename" on:click=do_rename disabled=move || scope.get() != 2>"Rename"</button>
        </div>
        <Show when=move || scope.get() != 2>
            <p class="hint">"A name belongs to the entity everywhere: to name these mentions apart, split them off below."</p>
        </Show>
        <div class="fix-row">
            <label for="fix-type">"Type"</label>
            {type_select(retype, "fix-type")}
            <button type="button" class="fix-retype" on:click=do_retype>"Change the type"</button>
        </div>
        <div class="fix-row">
            <button type="button" class="fix-delete" on:click=do_delete>"Not an entity"</button>
            <span class="hint">"removes the mentions it applies to"</span>
        </div>
        <div class="fix-row">
            <label for="fix-merge">"Merge with"</label>
            <input id="fix-merge" type="text" list="fix-names" autocomplete="off" placeholder=format!("another {}", kind.singular())
                prop:value=move || other.get() on:input=move |ev| other.set(event_target_value(&ev)) />
            {names_list(c, kind, "fix-names")}
        </div>
        <Show when=move || scope.get() == 2 && merge_with().is_some()>
            <fieldset class="fix-scope">
                <legend>"The name kept"</legend>
                <label class="fix-choice"><input type="radio" name="fix-keep" checked=move || !keep_this.get() on:change=move |_| keep_this.set(false) />{move || format!("“{}”", merge_with().map(|o| ex.data.get().corpus.entities[o].name.clone()).unwrap_or_default())}</label>
                <label class="fix-choice"><input type="radio" name="fix-keep" checked=move || keep_this.get() on:change=move |_| keep_this.set(true) />{format!("“{name}”")}</label>
            </fieldset>
        </Show>
        <p class="fix-preview" aria-live="polite">{preview}</p>
        <div class="fix-row">
            <button type="button" class="fix-merge" on:click=do_merge disabled=move || merge_with().is_none()>"Merge"</button>
        </div>
        <details class="fix-split" open=mention.is_some() && scope.get_untracked() == 0>
            <summary>"Split mentions off as another entity"</summary>
            <ul class="fix-mentions">{split_items}</ul>
            {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more mentions, not listed")}</p> })}
            <div class="fix-row">
                <label for="fix-split-name">"New name"</label>
                <input id="fix-split-name" type="text" prop:value=move || split_name.get() on:input=move |ev| split_name.set(event_target_value(&ev)) />
                <button type="button" class="fix-split-button" on:click=do_split disabled=move || chosen.get().is_empty()>
                    {move || format!("Split {} off", plural(chosen.get().len(), "mention", "mentions"))}
                </button>
            </div>
        </details>
    }
}

/// The body of the dialog for selected text: its type, its entity, and where to mark it.
fn text_form(
    doc: usize,
    start: usize,
    end: usize,
    close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let ex = explorer();
    let lib = library();
    let d = ex.data.get_untracked();
    let c = &d.corpus;
    let text = c.docs[doc].text[start..end].to_string();
    let kind = RwSignal::new(EntityType::Person);
    let name = RwSignal::new(text.clone());
    let scope = RwSignal::new(0u8);
    let (here, everywhere) = (
        occurrences_in(c, &text, Some(doc)),
        occurrences_in(c, &text, None),
    );
    let radio = move |v: u8, label: String| {
        view! {
            <label class="fix-choice">
                <input type="radio" name="fix-where" checked=move || scope.get() == v on:change=move |_| scope.set(v) />
                {label}
            </label>
        }
    };
    let t2 = text.clone();
    let existing = move || {
        let d = ex.data.get();
        named(&d.corpus, kind.get(), &name.get())
    };
    let mark = move |_| {
        let d = ex.data.get_untracked();
        let c = &d.corpus;
        let hash = lib.hash_of(doc);
        let scope = match scope.get_untracked() {
            0 => Scope::Mention {
                at: Anchor::new(c, doc, start, end, hash.as_deref()),
            },
            1 => Scope::Article {
                doc: hash.unwrap_or_default(),
                name: c.docs[doc].name.clone(),
                text: t2.clone(),
            },
            _ => Scope::Corpus,
        };
        let n = name.get_untracked().trim().to_string();
        lib.correct(vec![Op::Add {
            text: t2.clone(),
            kind: kind.get_untracked(),
            entity: existing().map(|e| c.entities[e].key.clone()),
            name: if n.is_empty() { t2.clone() } else { n },
            scope,
        }]);
        close();
    };
    view! {
        <h2 id="fix-title">{format!("Mark “{text}” as an entity")}</h2>
        <div class="fix-row">
            <label for="fix-add-type">"Type"</label>
            {type_select(kind, "fix-add-type")}
        </div>
        <div class="fix-row">
            <label for="fix-add-name">"Entity"</label>
            <input id="fix-add-name" type="text" list="fix-add-names" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            {move || names_list(&ex.data.get().corpus, kind.get(), "fix-add-names")}
        </div>
        <p class="hint" aria-live="polite">{move || match existing() {
            Some(e) => format!("A mention of “{}”, which has {}.", ex.data.get().corpus.entities[e].name, counts(&ex.data.get().corpus, e)),
            None => format!("A new {} named “{}”.", kind.get().singular(), name.get().trim()),
        }}</p>
        <fieldset class="fix-scope">
            <legend>"Mark"</legend>
            {radio(0, "this occurrence".to_string())}
            {radio(1, format!("every occurrence in this article ({here})"))}
            {radio(2, format!("every occurrence in the corpus ({everywhere})"))}
        </fieldset>
        <p class="hint">"Whole words only; text that is already a mention is left as it is."</p>
        <div class="fix-row">
            <button type="button" class="fix-add" on:click=mark>"Mark"</button>
        </div>
    }
}

/// The body of the dialog for a suggested group: which name survives.
fn merge_form(entities: Vec<usize>, close: impl Fn() + Copy + 'static) -> impl IntoView {
    let ex = explorer();
    let lib = library();
    let d = ex.data.get_untracked();
    let c = &d.corpus;
    let keep = RwSignal::new(entities[0]);
    let options = entities
        .iter()
        .map(|&e| {
            view! {
                <label class="fix-choice">
                    <input type="radio" name="fix-survivor" checked=move || keep.get() == e on:change=move |_| keep.set(e) />
                    {format!("“{}” ({})", c.entities[e].name, counts(c, e))}
                </label>
            }
        })
        .collect_view();
    let all = entities.clone();
    let total: usize = entities
        .iter()
        .map(|&e| c.entities[e].all_mention_count)
        .sum();
    let go = move |_| {
        let d = ex.data.get_untracked();
        let into = d.corpus.entities[keep.get_untracked()].key.clone();
        let ops = all
            .iter()
            .filter(|&&e| e != keep.get_untracked())
            .map(|&e| Op::Merge {
                from: d.corpus.entities[e].key.clone(),
                into: into.clone(),
                scope: Scope::Corpus,
            })
            .collect();
        lib.correct(ops);
        close();
    };
    view! {
        <h2 id="fix-title">{format!("Merge {} entities", entities.len())}</h2>
        <fieldset class="fix-scope">
            <legend>"The name kept"</legend>
            {options}
        </fieldset>
        <p class="fix-preview">{move || format!("One entity named “{}”, with {}.", ex.data.get().corpus.entities.get(keep.get()).map_or(String::new(), |e| e.name.clone()), plural(total, "mention", "mentions"))}</p>
        <div class="fix-row">
            <button type="button" class="fix-merge" on:click=go>"Merge"</button>
        </div>
    }
}

/// Draws the dialog's body for a target; `target` closes it.
fn dialog_body(t: Target, target: RwSignal<Option<Target>>) -> AnyView {
    let close = move || target.set(None);
    match t {
        Target::Entity { entity, mention } => entity_form(entity, mention, close).into_any(),
        Target::Text { doc, start, end } => text_form(doc, start, end, close).into_any(),
        Target::Merge { entities } => merge_form(entities, close).into_any(),
    }
}

type Body = fn(Target, RwSignal<Option<Target>>) -> AnyView;

/// The dialog's forms, loaded when it first opens (a split point with `split`).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(dialog_forms, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dialog_forms() -> Result<Body, Unloaded> {
    Ok(dialog_body)
}

#[cfg(not(feature = "split"))]
async fn dialog_forms() -> Result<Body, Unloaded> {
    Ok(dialog_body)
}

/// The correction dialog (modal), over whatever is shown.
#[component]
pub fn CorrectDialog() -> impl IntoView {
    let Correcting(target) = expect_context::<Correcting>();
    let close = move || target.set(None);
    // the forms' code, fetched the first time the dialog opens (again if that failed)
    let forms = RwSignal::new(None::<Result<Body, Unloaded>>);
    Effect::new(move |_| {
        if target.with(Option::is_some) && !matches!(forms.get_untracked(), Some(Ok(_))) {
            forms.set(None);
            leptos::task::spawn_local(async move { forms.set(Some(dialog_forms().await)) });
        }
    });
    // the dialog takes the focus when it opens, and gives it back to the page when it closes
    Effect::new(move |_| {
        if target.get().is_some() {
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector(".fix-dialog input, .fix-dialog select, .fix-dialog button")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
        }
    });
    let body = move || {
        let t = target.get()?;
        Some(match forms.get() {
            Some(Ok(draw)) => draw(t, target),
            Some(Err(Unloaded)) => view! {
                <p id="fix-title" role="alert">"The correction forms could not be loaded: the site may be offline, or updated since this page opened. Close this and try again."</p>
            }
            .into_any(),
            None => view! { <p id="fix-title" role="status">"Loading…"</p> }.into_any(),
        })
    };
    view! {
        <Show when=move || target.with(Option::is_some)>
            <div class="fix-backdrop" on:click=move |_| close()></div>
            <div class="fix-dialog" role="dialog" aria-modal="true" aria-labelledby="fix-title"
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                {body}
                <button type="button" class="fix-close" on:click=move |_| close()>"Cancel"</button>
            </div>
        </Show>
    }
}

/// The notice after a correction, with its undo.
#[component]
pub fn CorrectionNotice() -> impl IntoView {
    let lib = library();
    let ex = explorer();
    view! {
        <div class="fix-notice" role="status" aria-live="polite">
            {move || lib.last.get().map(|text| view! {
                <span>{text}</span>
                " "
                <button type="button" class="fix-undo" on:click=move |_| lib.undo_correction() disabled=move || !lib.log.with(|l| l.can_undo())>"Undo"</button>
                " "
                <button type="button" on:click=move |_| ex.show_pane(Pane::Corrections)>"All corrections"</button>
                " "
                <button type="button" aria-label="Dismiss" on:click=move |_| lib.last.set(None)>"×"</button>
            })}
        </div>
    }
}

/// Reads a picked log file and adds its entries.
fn import_file(file: web_sys::File, message: RwSignal<String>) {
    let lib = library();
    leptos::task::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let name = file.name();
        let said = match read.ok().and_then(|v| v.as_string()) {
            None => format!("{name} could not be read as text."),
            Some(text) => match lib.import_log(&text) {
                Ok(0) => format!("{name}: every correction in it is already here."),
                Ok(n) => format!("{name}: {} added.", plural(n, "correction", "corrections")),
                Err(e) => format!("{name}: {e}."),
            },
        };
        message.set(said);
    });
}

/// The "Corrections" pane, loaded when it is first shown.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(corrections_pane, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn corrections_pane() -> Draw {
    Ok(|| view! { <CorrectionsPanel /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn corrections_pane() -> Draw {
    Ok(|| view! { <CorrectionsPanel /> }.into_any())
}

/// The "Corrections" pane.
#[component]
pub fn CorrectionsPanel() -> impl IntoView {
    let ex = explorer();
    let lib = library();
    let message = RwSignal::new(String::new());
    if lib.persisted.get_untracked().is_none() {
        if let Ok(p) = window().navigator().storage().persisted() {
            leptos::task::spawn_local(async move {
                if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                    if v.as_bool() == Some(true) {
                        lib.persisted.set(Some(true));
                    }
                }
            });
        }
    }
    let summary = move || {
        let log = lib.log.get();
        let orphans = lib
            .outcomes
            .with(|o| o.iter().filter(|x| x.orphan.is_some()).count());
        let mut s = format!(
            "{} in force",
            plural(log.active().len(), "correction", "corrections")
        );
        if orphans > 0 {
            s.push_str(&format!("; {} no longer {} (its text or entity is gone): listed below, never re-attached elsewhere", plural(orphans, "correction", "corrections"), if orphans == 1 { "applies" } else { "apply" }));
        }
        s.push('.');
        s
    };
    let entries = move || {
        let log = lib.log.get();
        let outcomes = lib.outcomes.get();
        log.active()
            .iter()
            .rev()
            .map(|e| {
                let o = outcomes.iter().find(|o| o.id == e.id).cloned();
                let (class, status) = match o {
                    Some(o) if o.orphan.is_some() => (
                        "fix-entry orphan",
                        format!("No longer applies: {}.", o.orphan.unwrap_or_default()),
                    ),
                    Some(o) => (
                        "fix-entry",
                        format!("Changed {}.", plural(o.changed, "mention", "mentions")),
                    ),
                    None => ("fix-entry", "Not replayed yet.".to_string()),
                };
                let when = e.at.chars().take(16).collect::<String>().replace('T', " ");
                view! {
                    <li class=class>
                        <span class="fix-label">{e.label.clone()}</span>
                        <span class="entity-counts">{format!(" {when}")}</span>
                        <br />
                        <span class="fix-status">{status}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let undone = move || {
        lib.log
            .get()
            .redoable()
            .map(|e| view! { <li>{e.label.clone()}</li> })
            .collect_view()
    };
    let suggestions = Memo::new(move |_| {
        let d = ex.data.get();
        let log = lib.log.get();
        suggest(&d.corpus, log.active())
    });
    let suggestion_items = move || {
        let d = ex.data.get();
        suggestions
            .get()
            .into_iter()
            .take(30)
            .map(|s| {
                let c = &d.corpus;
                let names = s
                    .entities
                    .iter()
                    .map(|&e| format!("“{}” ({})", c.entities[e].name, plural(c.entities[e].all_mention_count, "mention", "mentions")))
                    .collect::<Vec<_>>()
                    .join(", ");
                let group = s.entities.clone();
                let (a, b) = (c.entities[s.entities[0]].key.clone(), c.entities[s.entities[1]].key.clone());
                let (_, _, letter, class) = type_style(c.entities[s.entities[0]].kind);
                view! {
                    <li class="fix-suggestion">
                        <span class=format!("tag {class}") aria-hidden="true">{letter}</span>
                        {names}
                        <span class="entity-counts">{format!(" · {}", s.method.describe())}</span>
                        " "
                        <button type="button" class="fix-suggest-merge" on:click=move |_| correct(Target::Merge { entities: group.clone() })>"Merge…"</button>
                        " "
                        <button type="button" class="fix-apart" on:click=move |_| lib.correct(vec![Op::Distinct { a: a.clone(), b: b.clone() }])>"Not the same"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let export = move |_| {
        let json = lib.log.with_untracked(|l| l.to_json());
        let _ = download(
            &format!("dossier-corrections-{}.json", today()),
            "application/json",
            &json,
        );
    };
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <section class="pane corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title" class="pane-title">"Corrections"</h2>
            <button type="button" class="back" on:click=move |_| ex.show_pane(Pane::Overview)>"← Overview"</button>
            <p class="fix-summary" aria-live="polite">{summary}</p>
            <div class="fix-row">
                <button type="button" class="fix-undo-all" on:click=move |_| lib.undo_correction() disabled=move || !lib.log.with(|l| l.can_undo())>"Undo"</button>
                <button type="button" class="fix-redo" on:click=move |_| lib.redo_correction() disabled=move || !lib.log.with(|l| l.can_redo())>"Redo"</button>
                <button type="button" class="fix-export" on:click=export disabled=move || lib.log.with(|l| l.entries.is_empty())>"Export the log"</button>
                <label class="button-like" for="fix-import">"Import a log"</label>
                <input id="fix-import" class="visually-hidden" type="file" accept=".json,application/json" node_ref=input
                    on:change=move |_| {
                        if let Some(el) = input.get_untracked() {
                            if let Some(f) = el.files().and_then(|l| l.get(0)) {
                                import_file(f, message);
                            }
                            el.set_value("");
                        }
                    } />
            </div>
            <p class="fix-message" role="status">{move || message.get()}</p>
            <p class="hint fix-storage">
                {move || match lib.persisted.get() {
                    Some(true) => "The log is kept in this browser, which has agreed to keep this site's storage. Export it to move it to another machine.",
                    _ => "The log is kept in this browser. Browsers may clear a site's storage (Safari does after seven days without a visit): export the log to keep it safe.",
                }}
                " "
                <Show when=move || lib.persisted.get() != Some(true)>
                    <button type="button" class="fix-persist" on:click=move |_| lib.ask_persist()>"Ask the browser to keep it"</button>
                    {move || (lib.persisted.get() == Some(false)).then_some(" The browser said no.")}
                </Show>
            </p>
            <h3>"Likely duplicates"</h3>
            <p class="hint">"Found by the same words, the same letters spaced differently, an acronym and its full name, or nearly the same spelling. Nothing is merged until you choose."</p>
            <ul class="fix-suggestions">{suggestion_items}</ul>
            <Show when=move || suggestions.with(Vec::is_empty)>
                <p>"No likely duplicates."</p>
            </Show>
            <h3>"The log, newest first"</h3>
            <ol class="fix-log" reversed>{entries}</ol>
            <Show when=move || lib.log.with(|l| l.can_redo())>
                <h3>"Undone (redo brings them back)"</h3>
                <ul class="fix-undone">{undone}</ul>
            </Show>
        </section>
    }
}
