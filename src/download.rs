//! Hands a generated file to the browser as a download (a Blob behind an `<a download>`), so
//! exports never leave the machine.
use wasm_bindgen::{JsCast, JsValue};

/// Today's date as YYYY-MM-DD, for file names.
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// Downloads `text` as a file named `filename` of type `mime`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // give the browser time to start the download before the URL goes
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
