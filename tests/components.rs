//! In-browser component tests (wasm-bindgen-test in headless Chromium): the app over a corpus
//! of the test's own, checking what the DOM shows.
#![cfg(target_arch = "wasm32")]

use dossier::app::AppWith;
use dossier_extract as extract;
use dossier_model::Staged;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(seeds: Vec<Staged>, query: &str) -> web_sys::Element {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(
        host.clone().unchecked_into(),
        move || view! { <AppWith seeds=seeds.clone() /> },
    )
    .forget();
    host
}

/// The test's articles, extracted as the build script extracts the bundled seeds.
fn corpus(files: &[(&str, &str)]) -> Vec<Staged> {
    files
        .iter()
        .map(|(n, t)| extract::process(n, t.as_bytes()).expect("readable"))
        .collect()
}

#[wasm_bindgen_test]
async fn reader_renders_article_text_as_text_never_as_html() {
    let hostile = "Hostile markup in an article\n\nThis paragraph carries <img src=x onerror=\"window.__pwned=1\"> and <script>window.__pwned=2</script> and a <a href=\"javascript:alert(1)\">link</a> inside its text.";
    let host = mount(corpus(&[("hostile.txt", hostile)]), "?doc=hostile");
    leptos::task::tick().await;
    let body = host
        .query_selector(".reader-body")
        .unwrap()
        .expect("reader body");
    assert!(
        body.query_selector("img, script, a").unwrap().is_none(),
        "markup became elements"
    );
    let text = body.text_content().unwrap();
    assert!(
        text.contains("<img src=x onerror=\"window.__pwned=1\">"),
        "{text}"
    );
    assert!(text.contains("<script>window.__pwned=2</script>"), "{text}");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    host.remove();
}

#[wasm_bindgen_test]
async fn list_shows_each_article_and_marks_the_open_one() {
    let host = mount(
        corpus(&[
            ("a.txt", "First headline about Pyongyang talks\n\nPyongyang and Moscow held talks on Friday about military cooperation between the two countries."),
            ("b.txt", "Second headline about Seoul elections\n\nVoters in Seoul went to the polls on Wednesday in an election closely watched by analysts."),
        ]),
        "?doc=b",
    );
    leptos::task::tick().await;
    let items = host.query_selector_all(".article-item").unwrap();
    assert_eq!(items.length(), 2);
    let current = host
        .query_selector("a[aria-current=page]")
        .unwrap()
        .expect("one marked");
    assert!(current.text_content().unwrap().contains("Second headline"));
    let title = host
        .query_selector(".reader-title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, "Second headline about Seoul elections");
    host.remove();
}

#[wasm_bindgen_test]
async fn unknown_doc_shows_not_found() {
    let host = mount(corpus(&[("a.txt", "A headline for one article\n\nSome body text that is long enough to be read as the first paragraph of it.")]), "?doc=zzz");
    leptos::task::tick().await;
    let nf = host
        .query_selector(".reader-not-found")
        .unwrap()
        .expect("not-found state");
    assert!(nf.text_content().unwrap().contains("zzz"));
    host.remove();
}
