//! mail-parser 0.11 takes `--boundary` anywhere in a line as a MIME delimiter
//! (stalwartlabs/mail-parser#156; fixed only in 1.0, which needs a newer Rust). The first
//! tests pin the bug with plain mail-parser, so the workaround in `intake/boundary.rs` stays
//! justified (if they start failing, mail-parser was fixed and the workaround can go); the
//! last ones show that `decide` gets the text and the PDF out intact.
#![allow(clippy::unwrap_used)]

mod common;

use mail_parser::{MessageParser, PartType};
use mottak_email::intake::{DocFormat, IntakeConfig, Verdict, decide};

const TEXT: &str = "Hei! Vedlagt faktura 1001.\r\n\
    PS: the boundary is --XYZ in the middle of a line, and this must survive.\r\n\
    Mvh Ola";

/// A mail with boundary `XYZ`: a text body mentioning `--XYZ` mid-line, then a PDF.
fn mail(text: &str, pdf: &[u8]) -> Vec<u8> {
    let mut out = String::from(
        "From: Ola <ola@leverandor.no>\r\n\
         To: faktura@digitools.no\r\n\
         Subject: Faktura 1001\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\
         \r\n\
         --XYZ\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         \r\n",
    );
    out.push_str(text);
    out.push_str(
        "\r\n--XYZ\r\n\
         Content-Type: application/pdf; name=\"faktura.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"faktura.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\
         \r\n",
    );
    out.push_str(&common::base64(pdf));
    out.push_str("--XYZ--\r\n");
    out.into_bytes()
}

fn texts(raw: &[u8]) -> Vec<String> {
    let message = MessageParser::default().parse(raw).unwrap();
    message
        .parts
        .iter()
        .filter_map(|p| match &p.body {
            PartType::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

fn pdfs(raw: &[u8]) -> Vec<Vec<u8>> {
    let message = MessageParser::default().parse(raw).unwrap();
    message
        .parts
        .iter()
        .filter_map(|p| match &p.body {
            PartType::Binary(b) if b.starts_with(b"%PDF-") => Some(b.to_vec()),
            _ => None,
        })
        .collect()
}

#[test]
fn mail_parser_cuts_a_part_at_a_mid_line_boundary() {
    let pdf = common::pdf(1);
    let raw = mail(TEXT, &pdf);
    let texts = texts(&raw);
    // The text body ends where `--XYZ` occurs mid-line; the rest ("in the middle of a
    // line ... Mvh Ola") is silently dropped, with no encoding problem flagged.
    assert_eq!(
        texts,
        ["Hei! Vedlagt faktura 1001.\r\nPS: the boundary is "]
    );
    let message = MessageParser::default().parse(&raw).unwrap();
    assert!(message.parts.iter().all(|p| !p.is_encoding_problem));
    // Here the dropped lines were swallowed as junk headers of the next part, so the PDF
    // happens to survive.
    assert_eq!(pdfs(&raw), [pdf]);
}

#[test]
fn mail_parser_loses_the_attachment_after_a_mid_line_close_delimiter() {
    let pdf = common::pdf(1);
    let raw = mail(
        "Hei! Skriv --XYZ-- i teksten, så forsvinner vedlegget.",
        &pdf,
    );
    assert_eq!(texts(&raw), ["Hei! Skriv "]);
    // The mid-line `--XYZ--` closed the multipart: the invoice is gone, and the mail would
    // look like a question without a document.
    assert!(pdfs(&raw).is_empty());
}

#[test]
fn mail_parser_cuts_a_line_that_only_starts_with_the_boundary() {
    let pdf = common::pdf(1);
    let raw = mail("Hei!\r\n--XYZabc er ikke en grense\r\nMvh", &pdf);
    assert_eq!(texts(&raw), ["Hei!"]);
}

#[test]
fn decide_keeps_the_text_and_the_pdf_intact() {
    let pdf = common::pdf(2);
    for text in [
        TEXT,
        "Hei! Skriv --XYZ-- i teksten, så forsvinner vedlegget.",
        "Hei!\r\n--XYZabc er ikke en grense\r\nMvh",
    ] {
        let raw = mail(text, &pdf);
        let intake = decide(&raw, &IntakeConfig::default());
        let Verdict::Accept {
            part,
            format,
            pages,
        } = intake.verdict
        else {
            panic!("{text}: {:#?}", intake);
        };
        assert_eq!((format, pages), (DocFormat::Pdf, 2));
        assert_eq!(intake.parts[part].bytes, pdf, "{text}");
        assert_eq!(intake.parts[0].bytes, text.as_bytes(), "{text}");
        assert_eq!(intake.parts.len(), 2, "{text}: {:#?}", intake.parts);
    }
}

#[test]
fn decide_repairs_quoted_printable_and_nested_boundaries() {
    let pdf = common::pdf(1);
    // The same mention inside a quoted-printable body of an inner multipart/alternative,
    // whose boundary is the outer one plus a suffix (also matched as a prefix by 0.11).
    let raw = format!(
        "From: ola@leverandor.no\r\n\
         Subject: Faktura\r\n\
         Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\
         \r\n\
         --XYZ\r\n\
         Content-Type: multipart/alternative; boundary=\"XYZ-alt\"\r\n\
         \r\n\
         --XYZ-alt\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n\
         Se --XYZ-alt og --XYZ her =C3=A5\r\n\
         --XYZ-alt\r\n\
         Content-Type: text/html; charset=utf-8\r\n\
         \r\n\
         <p>Se --XYZ her</p>\r\n\
         --XYZ-alt--\r\n\
         --XYZ\r\n\
         Content-Type: application/octet-stream; name=f.pdf\r\n\
         Content-Transfer-Encoding: base64\r\n\
         \r\n\
         {}--XYZ--\r\n",
        common::base64(&pdf)
    );
    let intake = decide(raw.as_bytes(), &IntakeConfig::default());
    let Verdict::Accept { part, .. } = intake.verdict else {
        panic!("{:#?}", intake);
    };
    assert_eq!(intake.parts[part].bytes, pdf);
    assert_eq!(
        intake.parts[0].bytes,
        "Se --XYZ-alt og --XYZ her å".as_bytes()
    );
    assert_eq!(intake.parts[1].bytes, b"<p>Se --XYZ her</p>");
}
