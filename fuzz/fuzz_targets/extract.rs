//! Fuzz target: any bytes through the whole pipeline (decode, HTML view, clean, extract, link,
//! JSON) must never panic, and every mention must point at its own text in the raw input.
#![no_main]
use dossier_corpus::format::json;
use dossier_eval::build;
use dossier_model::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (corpus, _rejected) = build(vec![Input::new("fuzz.txt", data.to_vec())]);
    let names = json::unique_names(&corpus);
    for doc in &corpus.docs {
        let raw = doc.html.as_ref().map_or(doc.text.as_bytes(), |h| h.raw.as_bytes());
        for m in json::doc_json(doc, &names).mentions {
            assert_eq!(m.text.as_bytes(), &raw[m.start..m.end]);
        }
    }
});
