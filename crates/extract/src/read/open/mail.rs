//! E-mail (`.eml`, RFC 5322 with MIME), parsed with `mail-parser`: the subject is the title,
//! the sender the author, the `Date:` header the date. The HTML body is read when the mail has
//! one, else its plain text, whose paragraphs are rejoined; attachments are not read, and a
//! note says how many were left.
use super::{page, paragraphs, stem, Head, Opened, Part};
use dossier_model::InputError;
use mail_parser::{MessageParser, MimeHeaders};

/// Header fields that only a mail opens with.
const MAIL_FIELDS: [&str; 6] = [
    "received:",
    "return-path:",
    "mime-version:",
    "message-id:",
    "delivered-to:",
    "x-mailer:",
];

/// Whether an input is a mail: named `.eml`, or opening with a header block that holds a
/// `From:` and one of the fields only mail carries.
pub fn looks_like_mail(name: &str, bytes: &[u8]) -> bool {
    if name.to_ascii_lowercase().ends_with(".eml") {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let Ok(head) =
        std::str::from_utf8(head).or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
    else {
        return false;
    };
    let mut from = false;
    let mut mail = false;
    for line in head.lines() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue; // a folded header line
        }
        let lower = line.to_ascii_lowercase();
        let Some((field, _)) = lower.split_once(':') else {
            return false; // not a header line: not a header block
        };
        if field.is_empty() || field.contains(' ') {
            return false;
        }
        from |= field == "from";
        mail |= MAIL_FIELDS.iter().any(|f| lower.starts_with(f));
    }
    from && mail
}

fn unreadable(why: impl Into<String>) -> InputError {
    InputError::Unreadable {
        what: "mail".into(),
        why: why.into(),
    }
}

/// Reads a mail into one article.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| unreadable("it has no mail headers"))?;
    if message.subject().is_none() && message.from().is_none() && message.date().is_none() {
        return Err(unreadable(
            "it has no Subject, From or Date header (is it an e-mail?)",
        ));
    }
    let author = message.from().and_then(|a| a.first()).and_then(|a| {
        a.name()
            .filter(|n| !n.trim().is_empty())
            .or(a.address())
            .map(str::to_string)
    });
    let head = Head {
        title: message.subject().map(str::to_string),
        author,
        published: message.date().map(|d| d.to_rfc3339()),
        ..Head::default()
    };
    let html_part = message.html_part(0).filter(|p| p.is_text_html());
    let body = match html_part {
        Some(p) => p.text_contents().unwrap_or("").to_string(),
        None => paragraphs(&message.body_text(0).unwrap_or_default()),
    };
    if body.trim().is_empty() && head.title.is_none() {
        return Err(unreadable("it holds no text"));
    }
    let mut notes = Vec::new();
    let attachments = message.attachment_count();
    if attachments > 0 {
        let names: Vec<String> = message
            .attachments()
            .filter_map(|a| a.attachment_name().map(str::to_string))
            .take(5)
            .collect();
        let what = if attachments == 1 {
            "attachment was"
        } else {
            "attachments were"
        };
        notes.push(format!(
            "{attachments} {what} not read{}: add them as files of their own",
            if names.is_empty() {
                String::new()
            } else {
                format!(" ({})", names.join(", "))
            }
        ));
    }
    Ok(Opened {
        parts: vec![Part {
            name: format!("{} (mail).html", stem(name)),
            page: page(&head, &body),
        }],
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // A mail of this project's own making.
    const MAIL: &str = "Return-Path: <desk@wire.example>\r\n\
Received: from mx.wire.example by inbox.example; Tue, 19 Sep 2023 08:00:00 +0000\r\n\
From: =?UTF-8?Q?Jos=C3=A9_Roe?= <desk@wire.example>\r\n\
To: analyst@example.org\r\n\
Subject: =?UTF-8?B?S2ltIEpvbmcgVW4gaW4gUnVzc2lh?=\r\n\
Date: Tue, 19 Sep 2023 09:15:00 +0200\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=\"inner\"\r\n\
\r\n\
--inner\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Plain version.\r\n\
--inner\r\n\
Content-Type: text/html; charset=iso-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
<p>Kim Jong Un visited the Vostochny Cosmodrome in Amur Oblast =E9t=E9.</p>\r\n\
--inner--\r\n\
--outer\r\n\
Content-Type: application/pdf; name=\"notes.pdf\"\r\n\
Content-Disposition: attachment; filename=\"notes.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--outer--\r\n";

    #[test]
    fn headers_give_the_metadata_and_the_html_body_is_read() {
        assert!(looks_like_mail("message.txt", MAIL.as_bytes()));
        let o = open("message.eml", MAIL.as_bytes()).unwrap();
        assert_eq!(o.parts[0].name, "message (mail).html");
        let p = &o.parts[0].page;
        assert!(p.contains("<title>Kim Jong Un in Russia</title>"), "{p}");
        assert!(p.contains("content=\"José Roe\""), "{p}");
        assert!(p.contains("content=\"2023-09-19T09:15:00+02:00\""), "{p}");
        assert!(p.contains("Amur Oblast été."), "{p}");
        assert!(!p.contains("Plain version"));
        assert_eq!(o.notes.len(), 1);
        assert!(
            o.notes[0].contains("1 attachment was not read (notes.pdf)"),
            "{:?}",
            o.notes
        );
    }

    #[test]
    fn a_plain_text_mail_has_its_paragraphs_rejoined() {
        let mail = "From: a@b.example\nSubject: Note\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <1@b>\n\nFirst line\nwrapped here.\n\nSecond.\n";
        let o = open("n.eml", mail.as_bytes()).unwrap();
        assert!(o.parts[0]
            .page
            .contains("<p>First line wrapped here.</p>\n<p>Second.</p>"));
        assert!(o.notes.is_empty());
    }

    #[test]
    fn articles_with_header_like_lines_are_not_mail() {
        assert!(!looks_like_mail(
            "a.txt",
            b"Title: Summit\nDate: 2024-01-01\n\nText"
        ));
        assert!(!looks_like_mail(
            "a.txt",
            b"From: the desk\nKim Jong Un met Putin.\n"
        ));
        assert!(!looks_like_mail("a.html", b"<html>From: x</html>"));
        let err = open("x.eml", b"just some words, no headers at all").unwrap_err();
        assert!(err.to_string().contains("mail cannot be read"), "{err}");
    }

    #[test]
    fn a_large_attachment_is_skipped_not_read() {
        let mut mail = String::from("From: a@b.example\r\nSubject: Big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe text about Moscow.\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        let line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n";
        while mail.len() < 20 * 1024 * 1024 {
            mail.push_str(line);
        }
        mail.push_str("--b--\r\n");
        let o = open("big.eml", mail.as_bytes()).unwrap();
        assert!(o.parts[0].page.contains("The text about Moscow."));
        assert!(o.parts[0].page.len() < 2000);
        assert!(o.notes[0].contains("big.bin"));
    }
}
