//! Robustness: any input gives spans on char boundaries, inside the text, sorted and
//! non-overlapping, whose text is the bytes they point at; hostile and odd inputs never panic.
use dossier_corpus::format::json;
use dossier_eval::build;
use dossier_extract::MAX_INPUT_BYTES;
use dossier_model::{Input, InputError};
use proptest::prelude::*;

fn check(bytes: &[u8]) {
    let (corpus, rejected) = build(vec![Input::new("x.txt", bytes.to_vec())]);
    if let Some(doc) = corpus.docs.first() {
        let mut last_end = 0;
        for m in &doc.mentions {
            assert!(m.start < m.end && m.end <= doc.text.len(), "{m:?}");
            assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
            assert!(m.start >= last_end, "overlap or unsorted: {m:?}");
            last_end = m.end;
            assert!(m.entity < corpus.entities.len());
        }
        let names = json::unique_names(&corpus);
        let j = json::doc_json(doc, &names);
        let raw = doc
            .html
            .as_ref()
            .map_or(doc.text.as_bytes(), |h| h.raw.as_bytes());
        for m in &j.mentions {
            assert_eq!(m.text.as_bytes(), &raw[m.start..m.end]);
        }
    } else {
        assert_eq!(rejected.len(), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_hold_for_any_text(s in "\\PC{0,400}") {
        check(s.as_bytes());
    }

    #[test]
    fn spans_hold_for_news_like_text(parts in proptest::collection::vec(prop_oneof![
        Just("Kim Jong Un"), Just("Kim"), Just(" met "), Just("Vladimir Putin"), Just(" in "), Just("Pyongyang"),
        Just(" on "), Just("Friday"), Just(", "), Just("August 15 through August 21"), Just(". "), Just("\n"),
        Just("the North"), Just("Russia’s"), Just("Hwasong-18"), Just("(RFA)"), Just("Radio Free Asia"),
        Just("Ministry of Defence of Russia"), Just("2024"), Just("the next day"), Just("평양"), Just("Москва"),
        Just("<p>"), Just("&amp;"), Just("KISS OF LIFE"), Just("-"), Just("’s"), Just("mid-"), Just("last "),
    ], 0..60)) {
        check(parts.concat().as_bytes());
    }

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes);
    }
}

#[test]
fn zero_bytes_is_a_clear_error() {
    let (c, r) = build(vec![Input::new("empty.txt", vec![])]);
    assert!(c.docs.is_empty());
    assert_eq!(r[0].error, InputError::Empty);
}

#[test]
fn binary_png_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000).map(|i| (i * 7 % 256) as u8));
    let (_, r) = build(vec![Input::new("photo.txt", png)]);
    assert_eq!(
        r[0].error,
        InputError::Binary {
            what: "a PNG image"
        }
    );
}

#[test]
fn utf16_with_bom_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Kim Jong Un met Vladimir Putin in Pyongyang on Friday.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let (c, r) = build(vec![Input::new("u16.txt", bytes)]);
    assert!(r.is_empty());
    let d = &c.docs[0];
    assert_eq!(d.encoding, "UTF-16LE");
    let texts: Vec<&str> = d.mentions.iter().map(|m| d.mention_text(m)).collect();
    assert!(texts.contains(&"Pyongyang"), "{texts:?}");
}

#[test]
fn windows_1252_is_read() {
    let (c, r) = build(vec![Input::new(
        "w.txt",
        b"Russia\x92s forum opened in Moscow on Friday.".to_vec(),
    )]);
    assert!(r.is_empty());
    let d = &c.docs[0];
    assert_eq!(d.encoding, "windows-1252");
    let texts: Vec<&str> = d.mentions.iter().map(|m| d.mention_text(m)).collect();
    assert!(
        texts.contains(&"Russia") && texts.contains(&"Moscow"),
        "{texts:?}"
    );
}

#[test]
fn a_single_one_megabyte_line() {
    let line = "Kim Jong Un met Vladimir Putin in Vladivostok. ".repeat(1024 * 1024 / 47 + 1);
    let (c, r) = build(vec![Input::new("line.txt", line.into_bytes())]);
    assert!(r.is_empty());
    assert!(c.docs[0].mentions.len() > 60_000);
}

#[test]
fn a_fifty_megabyte_input() {
    let para = "North Korea and Russia signed a treaty in June, Radio Free Asia (RFA) reported on Friday.\n\n";
    let text = para.repeat(50 * 1024 * 1024 / para.len() + 1);
    assert!(text.len() >= 50 * 1024 * 1024 && text.len() < MAX_INPUT_BYTES);
    let (c, r) = build(vec![Input::new("big.txt", text.into_bytes())]);
    assert!(r.is_empty());
    assert!(c.docs[0].mentions.len() > 1_000_000);
}

#[test]
fn over_the_limit_is_refused_with_the_limit_named() {
    let (_, r) = build(vec![Input::new(
        "huge.txt",
        vec![b'a'; MAX_INPUT_BYTES + 1],
    )]);
    assert!(r[0].error.to_string().contains("limit"));
}

#[test]
fn html_input_keeps_raw_offsets() {
    let html = "<!doctype html><html><head><title>Kim visits Moscow</title><script>var x='Putin';</script></head><body><article><h1>Kim visits Moscow</h1><p>Kim Jong Un arrived in Moscow on Friday, KCNA&#x27;s report said &amp; TASS agreed.</p></article></body></html>";
    let (c, r) = build(vec![Input::new("page.html", html.as_bytes().to_vec())]);
    assert!(r.is_empty());
    let d = &c.docs[0];
    assert!(d.is_html);
    assert!(!d.text.contains("var x"));
    let names = json::unique_names(&c);
    let j = json::doc_json(d, &names);
    let texts: Vec<&str> = j.mentions.iter().map(|m| m.text).collect();
    assert!(
        texts.contains(&"Kim Jong Un") && texts.contains(&"TASS"),
        "{texts:?}"
    );
    for m in &j.mentions {
        assert_eq!(&html[m.start..m.end], m.text);
    }
}
