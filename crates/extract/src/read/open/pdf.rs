//! PDF: the text layer, read with `pdf-extract` (over `lopdf`) in the order the pages draw it;
//! the document information gives the title, the author and the creation date. A PDF locked by
//! a password, a damaged one, and a scan with no text layer are each refused with the reason.
use super::{page, paragraphs, stem, Head, Opened, Part};
use dossier_model::InputError;
use pdf_extract::{Document, Object};

fn unreadable(why: impl Into<String>) -> InputError {
    InputError::Unreadable {
        what: "PDF".into(),
        why: why.into(),
    }
}

/// A text string of the document information dictionary.
fn info_text(doc: &Document, key: &[u8]) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let value = info.get(key).ok()?;
    let bytes = value.as_str().ok()?;
    let text = if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        let units = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    } else {
        // PDFDocEncoding agrees with Latin-1 on the letters
        bytes.iter().map(|&b| char::from(b)).collect::<String>()
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// A PDF date (`D:20240619103000+09'00'`) as ISO 8601.
fn pdf_date(text: &str) -> Option<String> {
    let t = text.strip_prefix("D:").unwrap_or(text);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let (y, m, d) = (&digits[0..4], &digits[4..6], &digits[6..8]);
    if !(1..=12).contains(&m.parse::<u8>().ok()?) || !(1..=31).contains(&d.parse::<u8>().ok()?) {
        return None;
    }
    Some(format!("{y}-{m}-{d}"))
}

/// Whether a PDF's Title is what the tool that made it filled in rather than a title: a file
/// name (`Binder1.pdf`, `Microsoft Word - report.docx`) or "Untitled".
fn is_placeholder_title(title: &str) -> bool {
    let lower = title.trim().to_ascii_lowercase();
    const FILE_ENDINGS: [&str; 8] = [
        ".pdf", ".doc", ".docx", ".rtf", ".odt", ".indd", ".tif", ".tmp",
    ];
    FILE_ENDINGS.iter().any(|e| lower.ends_with(e))
        || lower.starts_with("microsoft word - ")
        || matches!(lower.as_str(), "untitled" | "untitled document" | "title")
}

/// Rejoins words a typesetter broke across lines (`dan-` / `gerous`): a line ending in a
/// letter and a hyphen, followed by a line opening with a lower-case letter.
fn join_hyphenated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    let mut line = String::new();
    while let Some(next) = lines.next() {
        line.push_str(next);
        loop {
            let trimmed = line.trim_end();
            let broken = trimmed
                .strip_suffix('-')
                .is_some_and(|w| w.chars().last().is_some_and(char::is_alphabetic));
            let continues = lines
                .peek()
                .and_then(|n| n.trim_start().chars().next())
                .is_some_and(char::is_lowercase);
            if !(broken && continues) {
                break;
            }
            // drop the hyphen and go on with the next line, which may end broken too
            line.truncate(trimmed.len() - 1);
            if let Some(n) = lines.next() {
                line.push_str(n.trim_start());
            }
        }
        out.push_str(&line);
        out.push('\n');
        line.clear();
    }
    out
}

/// Reads a PDF's text layer into one article. `pdf-extract` panics on some damaged files: where
/// panics unwind (the CLI's profile, tests) that is caught here and said; in wasm, where they
/// abort, the PDF worker stops and the extraction worker says so for that file alone.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(name, bytes))).unwrap_or_else(
        |_| {
            Err(unreadable(
                "it is damaged: the PDF reader failed on its contents",
            ))
        },
    )
}

fn read(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => {
            unreadable("it is locked with a password: save an unlocked copy and add it again")
        }
        e => unreadable(format!("it is damaged or incomplete ({e})")),
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(unreadable(
            "it is locked with a password: save an unlocked copy and add it again",
        ));
    }
    let head = Head {
        title: info_text(&doc, b"Title").filter(|t| !is_placeholder_title(t)),
        author: info_text(&doc, b"Author"),
        published: info_text(&doc, b"CreationDate").and_then(|d| pdf_date(&d)),
        ..Head::default()
    };
    let mut text = String::new();
    {
        let mut out = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc(&doc, &mut out)
            .map_err(|e| unreadable(format!("its text could not be read ({e:?})")))?;
    }
    if text.trim().is_empty() {
        return Err(unreadable(
            "it has no text layer (it may be a scanned image): run it through OCR and add the \
             result",
        ));
    }
    Ok(Opened {
        parts: vec![Part {
            name: format!("{} (pdf).html", stem(name)),
            page: page(&head, &paragraphs(&join_hyphenated(&text))),
        }],
        notes: Vec::new(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Stream};

    /// A one-page PDF of this project's own making, written with `lopdf`: each line of `lines`
    /// is drawn in Helvetica, one below the other.
    pub(crate) fn pdf(lines: &[&str], title: Option<&str>) -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
        });
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("TL", vec![16.into()]),
        ];
        for line in lines {
            ops.push(Operation::new(
                "Tj",
                vec![lopdf::Object::string_literal(*line)],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        doc.objects.insert(
            pages_id,
            lopdf::Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
                "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        if let Some(t) = title {
            let info_id = doc.add_object(dictionary! {
                "Title" => lopdf::Object::string_literal(t),
                "Author" => lopdf::Object::string_literal("Analyst Two"),
                "CreationDate" => lopdf::Object::string_literal("D:20240619103000+09'00'"),
            });
            doc.trailer.set("Info", info_id);
        }
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn the_text_layer_and_the_information_are_read() {
        let bytes = pdf(
            &[
                "Putin arrived in Pyongyang on June 19.",
                "He met Kim Jong Un.",
            ],
            Some("Summit notes"),
        );
        assert!(super::super::looks_like_pdf(&bytes));
        let o = open("notes.pdf", &bytes).unwrap();
        assert_eq!(o.parts[0].name, "notes (pdf).html");
        let p = &o.parts[0].page;
        assert!(p.contains("<title>Summit notes</title>"), "{p}");
        assert!(p.contains("content=\"Analyst Two\""));
        assert!(p.contains("content=\"2024-06-19\""));
        assert!(p.contains("Putin arrived in Pyongyang on June 19."), "{p}");
        assert!(p.contains("He met Kim Jong Un."), "{p}");
    }

    #[test]
    fn scans_damaged_files_and_dates_are_handled() {
        let err = open("scan.pdf", &pdf(&[], None)).unwrap_err().to_string();
        assert!(err.contains("no text layer"), "{err}");
        let good = pdf(&["Text"], None);
        let err = open("cut.pdf", &good[..good.len() / 3])
            .unwrap_err()
            .to_string();
        assert!(err.contains("PDF cannot be read"), "{err}");
        assert_eq!(pdf_date("D:20231002").as_deref(), Some("2023-10-02"));
        assert!(is_placeholder_title("Binder1.pdf"));
        assert!(is_placeholder_title("Microsoft Word - brief.doc"));
        assert!(!is_placeholder_title("Summit notes"));
        assert_eq!(
            join_hyphenated("it was dan-\ngerous for use.\nNorth-\nKorea stays."),
            "it was dangerous for use.\nNorth-\nKorea stays.\n"
        );
        assert_eq!(pdf_date("D:2023"), None);
        assert_eq!(pdf_date("D:20231399"), None);
    }
}
