//! The intake decision, rule by rule, on mails built byte by byte.
#![allow(clippy::unwrap_used)]

mod common;

use common::{TestMail, TestPart, base64, pdf, pdf_with_text, tiff};
use mottak_email::intake::{
    DetectedType, DocFormat, Intake, IntakeConfig, ReplyPolicy, Suppressed, Verdict, codes, decide,
};

const INTAKE: &str = "faktura@digitools.no";

fn config() -> IntakeConfig {
    IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        own_addresses: vec![INTAKE.to_string(), "Faktura-Alias@Digitools.no".to_string()],
        ..IntakeConfig::default()
    }
}

fn run(mail: &TestMail) -> Intake {
    decide(&mail.build(), &config())
}

/// The one accepted part, checked for format and pages.
#[track_caller]
fn accepted(intake: &Intake, format: DocFormat, pages: u32) -> &mottak_email::intake::Part {
    match &intake.verdict {
        Verdict::Accept {
            part,
            format: f,
            pages: p,
        } => {
            assert_eq!((*f, *p), (format, pages), "{intake:#?}");
            &intake.parts[*part]
        }
        other => panic!(
            "expected Accept, got {other:#?}\nparts: {:#?}",
            intake.parts
        ),
    }
}

/// The reason of a turn-away (`turn_away = true`) or set-aside, checked for its code.
#[track_caller]
fn reason(intake: &Intake, code: &str, turn_away: bool) -> (String, String) {
    let (reason, is_turn_away) = match &intake.verdict {
        Verdict::TurnAway(reason) => (reason, true),
        Verdict::NotInvoice(reason) => (reason, false),
        Verdict::Accept { .. } => panic!("expected {code}, got {:#?}", intake),
    };
    assert_eq!(reason.code, code, "{reason:#?}\nparts: {:#?}", intake.parts);
    assert_eq!(is_turn_away, turn_away, "{reason:#?}");
    assert!(!reason.nb.is_empty() && !reason.en.is_empty());
    assert_eq!(reason.message(), format!("{} / {}", reason.nb, reason.en));
    (reason.nb.clone(), reason.en.clone())
}

#[track_caller]
fn turned_away(intake: &Intake, code: &str) -> (String, String) {
    reason(intake, code, true)
}

#[track_caller]
fn set_aside(intake: &Intake, code: &str) -> (String, String) {
    reason(intake, code, false)
}

fn pdf_attachment(name: &str) -> TestPart {
    TestPart::attachment("application/pdf", name, &pdf(2))
}

// ---------------------------------------------------------------------------------------
// Rule 1: count the documents the sender meant.

#[test]
fn one_pdf_attachment_is_accepted_with_its_pages_and_exact_bytes() {
    let document = pdf(2);
    let intake = run(&TestMail::with_attachments(
        "Vedlagt faktura 1001.",
        &[TestPart::attachment(
            "application/pdf",
            "faktura.pdf",
            &document,
        )],
    ));
    let part = accepted(&intake, DocFormat::Pdf, 2);
    assert_eq!(part.bytes, document);
    assert_eq!(part.path, "2");
    assert_eq!(part.filename.as_deref(), Some("faktura.pdf"));
    assert_eq!(part.declared_type.as_deref(), Some("application/pdf"));
    assert_eq!(part.detected, DetectedType::Pdf);
    assert_eq!(part.size, document.len());
    // The body is listed, not counted.
    assert_eq!(intake.parts.len(), 2);
    assert!(!intake.parts[0].counted);
    assert_eq!(intake.parts[0].detected, DetectedType::Text);
    assert_eq!(intake.parts[0].bytes, b"Vedlagt faktura 1001.");
    assert_eq!(
        intake.reply,
        ReplyPolicy::Reply {
            to: "faktura@leverandor.no".into()
        }
    );
}

#[test]
fn octet_stream_that_is_a_pdf_is_a_pdf() {
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment(
            "application/octet-stream",
            "faktura",
            &pdf(1),
        )],
    ));
    accepted(&intake, DocFormat::Pdf, 1);
}

#[test]
fn pdf_declared_as_text_plain_keeps_its_bytes() {
    // mail-parser converts text parts to UTF-8; the intake reads the bytes again.
    let mut document = pdf(1);
    // A binary comment line, as real PDF writers put on line 2.
    document.splice(9..9, b"%\xE2\xE3\xCF\xD3\n".iter().copied());
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment("text/plain", "faktura.pdf", &document)],
    ));
    let part = accepted(&intake, DocFormat::Pdf, 1);
    assert_eq!(part.bytes, document);
}

#[test]
fn apple_mail_inline_pdf_counts() {
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart {
            headers: vec![
                "Content-Type: application/pdf; name=faktura.pdf".into(),
                "Content-Disposition: inline; filename=faktura.pdf".into(),
                "Content-Transfer-Encoding: base64".into(),
            ],
            body: base64(&pdf(3)).into_bytes(),
        }],
    ));
    accepted(&intake, DocFormat::Pdf, 3);
}

#[test]
fn a_message_that_is_only_a_pdf_is_accepted() {
    let intake = run(&TestMail::new(TestPart {
        headers: vec![
            "Content-Type: application/pdf".into(),
            "Content-Transfer-Encoding: base64".into(),
        ],
        body: base64(&pdf(1)).into_bytes(),
    }));
    let part = accepted(&intake, DocFormat::Pdf, 1);
    assert_eq!(part.path, "1");
    assert_eq!(part.filename, None);
}

fn html_with_logo(html: &str, logo: TestPart) -> TestPart {
    TestPart::multipart(
        "related",
        &common::fresh_boundary("related"),
        &[TestPart::html(html), logo],
    )
}

#[test]
fn signature_logo_referenced_by_cid_is_not_counted() {
    let logo = TestPart::inline_image("image001.png", "image001.png@01D9", common::PNG);
    let intake = run(&TestMail::new(TestPart::multipart(
        "mixed",
        "outer",
        &[
            html_with_logo(
                "<p>Faktura vedlagt.</p><img src=\"cid:image001.png@01D9\">",
                logo,
            ),
            pdf_attachment("faktura.pdf"),
        ],
    )));
    let part = accepted(&intake, DocFormat::Pdf, 2);
    assert_eq!(part.path, "2");
    let logo = intake
        .parts
        .iter()
        .find(|p| p.filename.as_deref() == Some("image001.png"))
        .unwrap();
    assert_eq!(logo.path, "1.2");
    assert!(!logo.counted);
    assert_eq!(logo.detected, DetectedType::Png);
    assert!(logo.note.as_deref().unwrap().contains("signature logo"));
}

#[test]
fn inline_image_without_cid_reference_is_not_counted() {
    // Content-Disposition: inline alone makes an image decoration.
    let logo = TestPart {
        headers: vec![
            "Content-Type: image/png".into(),
            "Content-Disposition: inline; filename=\"logo.png\"".into(),
            "Content-Transfer-Encoding: base64".into(),
        ],
        body: base64(common::PNG).into_bytes(),
    };
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[logo, pdf_attachment("faktura.pdf")],
    ));
    accepted(&intake, DocFormat::Pdf, 2);
}

#[test]
fn image_referenced_by_a_percent_encoded_cid_is_not_counted() {
    // No disposition, not in multipart/related: only the `cid:` reference (RFC 2392,
    // percent-encoded, case-insensitive) makes it a logo.
    let logo = TestPart {
        headers: vec![
            "Content-Type: image/png; name=\"logo.png\"".into(),
            "Content-ID: <Logo@x>".into(),
            "Content-Transfer-Encoding: base64".into(),
        ],
        body: base64(common::PNG).into_bytes(),
    };
    let intake = run(&TestMail::new(TestPart::multipart(
        "mixed",
        &common::fresh_boundary("m"),
        &[
            TestPart::html("<img src='cid:logo%40X'>"),
            logo.clone(),
            pdf_attachment("f.pdf"),
        ],
    )));
    accepted(&intake, DocFormat::Pdf, 2);

    // The same image, not referenced, is an attachment.
    let intake = run(&TestMail::new(TestPart::multipart(
        "mixed",
        &common::fresh_boundary("m"),
        &[
            TestPart::html("<p>Faktura</p>"),
            logo,
            pdf_attachment("f.pdf"),
        ],
    )));
    turned_away(&intake, codes::MULTIPLE);
}

#[test]
fn related_resources_are_not_counted() {
    let logo = TestPart {
        headers: vec![
            "Content-Type: image/gif".into(),
            "Content-Transfer-Encoding: base64".into(),
        ],
        body: base64(b"GIF89a\x01\0\x01\0").into_bytes(),
    };
    let intake = run(&TestMail::new(TestPart::multipart(
        "mixed",
        &common::fresh_boundary("m"),
        &[
            html_with_logo("<p>Faktura</p>", logo),
            pdf_attachment("f.pdf"),
        ],
    )));
    accepted(&intake, DocFormat::Pdf, 2);
}

#[test]
fn an_attached_image_counts_and_is_the_wrong_type() {
    let intake = run(&TestMail::with_attachments(
        "Bilde av fakturaen.",
        &[TestPart::attachment(
            "image/png",
            "faktura.png",
            common::PNG,
        )],
    ));
    let (nb, en) = turned_away(&intake, codes::TYPE);
    assert!(en.contains("faktura.png is a PNG image"), "{en}");
    assert!(nb.contains("faktura.png er et PNG-bilde"), "{nb}");
    assert!(en.contains("only as PDF or TIFF"), "{en}");
}

#[test]
fn only_a_signature_logo_is_no_document() {
    let logo = TestPart::inline_image("image001.png", "logo@x", common::PNG);
    let intake = run(&TestMail::new(html_with_logo(
        "<p>Når betaler dere?</p><img src=\"cid:logo@x\">",
        logo,
    )));
    let (nb, en) = set_aside(&intake, codes::NO_DOCUMENT);
    assert!(en.contains("image001.png"), "{en}");
    assert!(nb.contains("image001.png"), "{nb}");
    assert!(en.contains("takes invoices only"), "{en}");
}

#[test]
fn a_text_file_attached_with_a_name_counts() {
    let intake = run(&TestMail::with_attachments(
        "Se vedlegg.",
        &[TestPart::attachment(
            "text/plain",
            "faktura.txt",
            b"Faktura 1001\r\nSum 100\r\n",
        )],
    ));
    let (_, en) = turned_away(&intake, codes::TYPE);
    assert!(en.contains("faktura.txt is a text file"), "{en}");
}

#[test]
fn a_forwarded_invoice_mail_counts_its_pdf() {
    let document = pdf(2);
    let original = TestMail::new(TestPart::multipart(
        "mixed",
        &common::fresh_boundary("inner"),
        &[
            html_with_logo(
                "<p>Faktura</p><img src=\"cid:logo@leverandor\">",
                TestPart::inline_image("logo.png", "logo@leverandor", common::PNG),
            ),
            TestPart::attachment("application/pdf", "faktura.pdf", &document),
        ],
    ))
    .build();
    let intake = run(&TestMail::with_attachments(
        "Videresender faktura fra leverandøren.",
        &[TestPart::rfc822(&original)],
    ));
    let part = accepted(&intake, DocFormat::Pdf, 2);
    assert_eq!(part.path, "2.2");
    assert_eq!(part.bytes, document);
    let container = &intake.parts[1];
    assert_eq!(container.path, "2");
    assert_eq!(container.detected, DetectedType::Rfc822);
    assert!(!container.counted);
    assert!(container.note.as_deref().unwrap().contains("Faktura 1001"));
    let paths: Vec<&str> = intake.parts.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["1", "2", "2.1.1", "2.1.2", "2.2"]);
    assert_eq!(intake.documents().count(), 1);
}

#[test]
fn a_base64_encoded_forward_counts_its_pdf() {
    let original =
        TestMail::with_attachments("Original.", &[pdf_attachment("faktura.pdf")]).build();
    let intake = run(&TestMail::with_attachments(
        "Videresendt.",
        &[TestPart {
            headers: vec![
                "Content-Type: message/rfc822".into(),
                "Content-Transfer-Encoding: base64".into(),
            ],
            body: base64(&original).into_bytes(),
        }],
    ));
    accepted(&intake, DocFormat::Pdf, 2);
}

#[test]
fn a_pdf_forwarded_and_attached_again_counts_once() {
    let original =
        TestMail::with_attachments("Original.", &[pdf_attachment("faktura.pdf")]).build();
    let intake = run(&TestMail::with_attachments(
        "Videresender, og legger ved PDF-en igjen.",
        &[TestPart::rfc822(&original), pdf_attachment("faktura.pdf")],
    ));
    accepted(&intake, DocFormat::Pdf, 2);
    let duplicate = intake.parts.last().unwrap();
    assert!(!duplicate.counted);
    assert!(
        duplicate
            .note
            .as_deref()
            .unwrap()
            .contains("Identical copy of part 2.2")
    );
}

#[test]
fn two_different_pdfs_are_multiple() {
    let intake = run(&TestMail::with_attachments(
        "To fakturaer.",
        &[
            TestPart::attachment(
                "application/pdf",
                "faktura-1001.pdf",
                &pdf_with_text(1, "A"),
            ),
            TestPart::attachment(
                "application/pdf",
                "faktura-1002.pdf",
                &pdf_with_text(1, "B"),
            ),
        ],
    ));
    let (nb, en) = turned_away(&intake, codes::MULTIPLE);
    assert!(
        en.contains(
            "The e-mail contains 2 documents: faktura-1001.pdf (PDF) and faktura-1002.pdf (PDF)."
        ),
        "{en}"
    );
    assert!(
        nb.contains(
            "E-posten inneholder 2 dokumenter: faktura-1001.pdf (PDF) og faktura-1002.pdf (PDF)."
        ),
        "{nb}"
    );
}

#[test]
fn pdf_and_spreadsheet_are_multiple_and_named() {
    let intake = run(&TestMail::with_attachments(
        "Faktura med spesifikasjon.",
        &[
            pdf_attachment("faktura.pdf"),
            TestPart::attachment(
                "application/octet-stream",
                "spesifikasjon.xlsx",
                &common::xlsx(),
            ),
            TestPart::attachment("application/octet-stream", "", b"\x00\x01binary"),
        ],
    ));
    let (nb, en) = turned_away(&intake, codes::MULTIPLE);
    assert!(en.contains("3 documents"), "{en}");
    assert!(
        en.contains("spesifikasjon.xlsx (Excel spreadsheet (XLSX))"),
        "{en}"
    );
    assert!(
        en.contains("an attachment without a file name (file of another type)"),
        "{en}"
    );
    assert!(
        nb.contains("spesifikasjon.xlsx (Excel-regneark (XLSX))"),
        "{nb}"
    );
}

#[test]
fn an_attached_calendar_invitation_is_a_document_of_type_other() {
    let intake = run(&TestMail::with_attachments(
        "Møte?",
        &[TestPart::attachment(
            "text/calendar",
            "invite.ics",
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        )],
    ));
    let (nb, en) = turned_away(&intake, codes::TYPE);
    assert_eq!(
        intake.documents().next().unwrap().detected,
        DetectedType::Other
    );
    assert!(en.contains("invite.ics is a calendar invitation"), "{en}");
    assert!(nb.contains("invite.ics er en kalenderinvitasjon"), "{nb}");
}

#[test]
fn a_meeting_invitation_body_is_no_document() {
    let intake = run(&TestMail::new(TestPart::multipart(
        "alternative",
        &common::fresh_boundary("alt"),
        &[
            TestPart::text("Møteinvitasjon"),
            TestPart::html("<p>Møteinvitasjon</p>"),
            TestPart {
                headers: vec!["Content-Type: text/calendar; method=REQUEST; charset=utf-8".into()],
                body: b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec(),
            },
        ],
    )));
    set_aside(&intake, codes::NO_DOCUMENT);
}

#[test]
fn an_smime_signature_is_not_a_document() {
    let signed = TestPart::multipart(
        "signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256",
        &common::fresh_boundary("signed"),
        &[
            TestPart::multipart(
                "mixed",
                &common::fresh_boundary("mixed"),
                &[TestPart::text("Faktura."), pdf_attachment("faktura.pdf")],
            ),
            TestPart::attachment(
                "application/pkcs7-signature",
                "smime.p7s",
                &[0x30, 0x82, 1, 2],
            ),
        ],
    );
    let intake = run(&TestMail::new(signed));
    accepted(&intake, DocFormat::Pdf, 2);
    let signature = intake.parts.last().unwrap();
    assert!(!signature.counted);
    assert!(
        signature
            .note
            .as_deref()
            .unwrap()
            .contains("Digital signature")
    );
}

#[test]
fn winmail_dat_is_the_wrong_type_and_explained() {
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment(
            "application/ms-tnef",
            "winmail.dat",
            &[0x78, 0x9F, 0x3E, 0x22, 0, 1, 2],
        )],
    ));
    let (_, en) = turned_away(&intake, codes::TYPE);
    assert!(en.contains("winmail.dat is an Outlook package"), "{en}");
    assert!(en.contains("Rich Text"), "{en}");
}

// ---------------------------------------------------------------------------------------
// Rule 2: the type comes from the bytes, never from the declaration.

#[test]
fn faktura_pdf_that_is_really_a_zip() {
    let zip = common::zip(&[("faktura.pdf", &pdf(1))]);
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment("application/pdf", "faktura.pdf", &zip)],
    ));
    let (nb, en) = turned_away(&intake, codes::TYPE);
    assert!(
        en.contains("The file faktura.pdf is not a PDF but a ZIP archive."),
        "{en}"
    );
    assert!(
        nb.contains("Filen faktura.pdf er ikke en PDF, men et ZIP-arkiv."),
        "{nb}"
    );
    assert!(en.contains("We do not unpack ZIP archives."), "{en}");
    let part = intake.documents().next().unwrap();
    assert_eq!(part.detected, DetectedType::Zip);
    assert!(
        part.note.as_deref().unwrap().contains("Declared as PDF"),
        "{part:?}"
    );
}

#[test]
fn office_documents_are_named() {
    let intake = run(&TestMail::with_attachments(
        "Faktura i Word.",
        &[TestPart::attachment(
            "application/octet-stream",
            "faktura.docx",
            &common::docx(),
        )],
    ));
    let (nb, en) = turned_away(&intake, codes::TYPE);
    assert!(
        en.contains("faktura.docx is a Word document (DOCX)"),
        "{en}"
    );
    assert!(
        nb.contains("faktura.docx er et Word-dokument (DOCX)"),
        "{nb}"
    );

    let intake = run(&TestMail::with_attachments(
        "Regneark.",
        &[TestPart::attachment(
            "application/pdf",
            "x.pdf",
            &common::xlsx(),
        )],
    ));
    let (_, en) = turned_away(&intake, codes::TYPE);
    assert!(
        en.contains("x.pdf is not a PDF but an Excel spreadsheet (XLSX)"),
        "{en}"
    );
}

#[test]
fn an_ehf_invoice_by_mail_is_sent_to_peppol() {
    let intake = run(&TestMail::with_attachments(
        "EHF-faktura.",
        &[TestPart::attachment(
            "application/xml",
            "faktura.xml",
            common::EHF_INVOICE,
        )],
    ));
    let (nb, en) = turned_away(&intake, codes::TYPE);
    assert_eq!(
        intake.documents().next().unwrap().detected,
        DetectedType::Ehf
    );
    assert!(en.contains("EHF invoice"), "{en}");
    assert!(
        en.contains("Peppol network, addressed to 0192:931235184, not in e-mail"),
        "{en}"
    );
    assert!(
        nb.contains("Peppol-nettverket til mottaker 0192:931235184, ikke på e-post"),
        "{nb}"
    );
}

#[test]
fn plain_xml_is_not_sent_to_peppol() {
    let intake = run(&TestMail::with_attachments(
        "XML.",
        &[TestPart::attachment(
            "application/xml",
            "data.xml",
            b"<?xml version=\"1.0\"?><data/>",
        )],
    ));
    let (_, en) = turned_away(&intake, codes::TYPE);
    assert!(en.contains("data.xml is an XML file"), "{en}");
    assert!(!en.contains("Peppol"), "{en}");
}

#[test]
fn a_pdf_after_leading_junk_is_a_pdf() {
    let mut document = b"X-Gateway-Banner: scanned\r\n\r\n".to_vec();
    document.extend_from_slice(&pdf(1));
    let intake = run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment(
            "application/pdf",
            "faktura.pdf",
            &document,
        )],
    ));
    accepted(&intake, DocFormat::Pdf, 1);
}

// ---------------------------------------------------------------------------------------
// Rule 3: accept one PDF that opens, or one TIFF that decodes.

fn one_pdf(document: &[u8]) -> Intake {
    run(&TestMail::with_attachments(
        "Faktura.",
        &[TestPart::attachment(
            "application/pdf",
            "faktura.pdf",
            document,
        )],
    ))
}

#[test]
fn a_password_protected_pdf_is_turned_away() {
    let intake = one_pdf(&common::encrypted_pdf());
    let (nb, en) = turned_away(&intake, codes::PDF_ENCRYPTED);
    assert!(
        en.contains("The PDF file faktura.pdf is password protected"),
        "{en}"
    );
    assert!(
        nb.contains("PDF-filen faktura.pdf er passordbeskyttet"),
        "{nb}"
    );
}

#[test]
fn a_pdf_with_only_an_owner_password_opens() {
    let intake = one_pdf(&common::encrypt_pdf(&pdf(2), ""));
    accepted(&intake, DocFormat::Pdf, 2);
}

#[test]
fn a_truncated_pdf_is_corrupt() {
    let document = pdf(3);
    for cut in [document.len() / 2, document.len() - 8, 200] {
        let intake = one_pdf(&document[..cut]);
        let (nb, en) = turned_away(&intake, codes::PDF_CORRUPT);
        assert!(en.contains("incomplete"), "{cut}: {en}");
        assert!(nb.contains("%%EOF"), "{cut}: {nb}");
    }
}

/// A hand-written one-object-at-a-time PDF with `%%EOF` (so only the structure is wrong).
fn raw_pdf(objects: &[&str]) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{object}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

#[test]
fn a_pdf_without_pages_is_corrupt() {
    let intake = one_pdf(&raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
    ]));
    let (_, en) = turned_away(&intake, codes::PDF_CORRUPT);
    assert!(en.contains("has no pages"), "{en}");
}

#[test]
fn a_pdf_whose_page_tree_points_nowhere_is_corrupt() {
    let intake = one_pdf(&raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]));
    let (_, en) = turned_away(&intake, codes::PDF_CORRUPT);
    assert!(en.contains("page tree cannot be read"), "{en}");
}

#[test]
fn a_pdf_whose_content_stream_does_not_decode_is_corrupt() {
    let intake = one_pdf(&raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 10 /Filter /FlateDecode >>\nstream\nnot zlib!!\nendstream",
    ]));
    let (_, en) = turned_away(&intake, codes::PDF_CORRUPT);
    assert!(en.contains("page 1 cannot be read"), "{en}");
}

#[test]
fn a_pdf_whose_content_stream_is_missing_is_corrupt() {
    let intake = one_pdf(&raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>",
    ]));
    let (_, en) = turned_away(&intake, codes::PDF_CORRUPT);
    assert!(en.contains("page 1 cannot be read"), "{en}");
}

#[test]
fn a_blank_page_without_contents_is_fine() {
    let intake = one_pdf(&raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]));
    accepted(&intake, DocFormat::Pdf, 1);
}

#[test]
fn garbage_after_the_pdf_header_is_corrupt() {
    let mut document = b"%PDF-1.4\n".to_vec();
    document.extend_from_slice(&[0x55; 3000]);
    document.extend_from_slice(b"\n%%EOF\n");
    let (_, en) = turned_away(&one_pdf(&document), codes::PDF_CORRUPT);
    assert!(en.contains("cannot be opened"), "{en}");
}

#[test]
fn a_multi_page_tiff_is_accepted() {
    let document = tiff(3);
    let intake = run(&TestMail::with_attachments(
        "Skannet faktura.",
        &[TestPart::attachment("image/tiff", "faktura.tif", &document)],
    ));
    let part = accepted(&intake, DocFormat::Tiff, 3);
    assert_eq!(part.bytes, document);
}

#[test]
fn a_truncated_or_damaged_tiff_is_corrupt() {
    let document = tiff(2);
    let cuts: Vec<Vec<u8>> = vec![
        document[..document.len() / 2].to_vec(),
        document[..20].to_vec(),
        b"II*\0\xff\xff\xff\x7f".to_vec(),
    ];
    for bytes in cuts {
        let intake = run(&TestMail::with_attachments(
            "Skann.",
            &[TestPart::attachment("image/tiff", "skann.tif", &bytes)],
        ));
        let (nb, en) = turned_away(&intake, codes::TIFF_CORRUPT);
        assert!(en.contains("The TIFF file skann.tif is damaged"), "{en}");
        assert!(nb.contains("TIFF-filen skann.tif er skadet"), "{nb}");
    }
}

// ---------------------------------------------------------------------------------------
// Rule 4: no document, bounces, size, unreadable.

#[test]
fn a_question_without_attachments_is_no_document() {
    let intake = run(&TestMail::new(TestPart::text(
        "Hei, når betaler dere faktura 1001?",
    )));
    let (nb, en) = set_aside(&intake, codes::NO_DOCUMENT);
    assert!(en.contains("has message text only"), "{en}");
    assert!(
        nb.contains("Denne adressen tar bare imot fakturaer"),
        "{nb}"
    );
    // It may still be answered; whether to is the pipeline's decision.
    assert!(matches!(intake.reply, ReplyPolicy::Reply { .. }));
}

fn bounce_report(returned: &[u8]) -> TestMail {
    TestMail::new(TestPart::multipart(
        "report; report-type=delivery-status",
        &common::fresh_boundary("report"),
        &[
            TestPart::text("This is the mail system at host mx.example.com.\r\nYour message could not be delivered."),
            TestPart {
                headers: vec!["Content-Type: message/delivery-status".into()],
                body: b"Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; x@y.no\r\nAction: failed\r\nStatus: 5.1.1\r\n".to_vec(),
            },
            TestPart {
                headers: vec!["Content-Type: message/rfc822".into()],
                body: returned.to_vec(),
            },
        ],
    ))
    .header("Return-Path: <>")
    .header("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>")
    .header("Subject: Undelivered Mail Returned to Sender")
}

#[test]
fn a_delivery_status_report_is_a_bounce_whatever_it_carries() {
    let returned = TestMail::with_attachments("Faktura.", &[pdf_attachment("faktura.pdf")]).build();
    let intake = run(&bounce_report(&returned));
    let (nb, en) = set_aside(&intake, codes::BOUNCE);
    assert!(en.contains("MAILER-DAEMON@mx.example.com"), "{en}");
    assert!(nb.contains("returmelding"), "{nb}");
    assert_eq!(intake.reply, ReplyPolicy::Suppress(Suppressed::Bounce));
    // The returned PDF is listed, but nothing counts in a bounce.
    let returned_pdf = intake
        .parts
        .iter()
        .find(|p| p.detected == DetectedType::Pdf)
        .unwrap();
    assert!(!returned_pdf.counted);
    assert!(returned_pdf.note.as_deref().unwrap().contains("bounce"));
    assert_eq!(intake.documents().count(), 0);
}

#[test]
fn a_delivery_status_part_makes_a_bounce_without_the_report_type() {
    let mail = TestMail::new(TestPart::multipart(
        "mixed",
        &common::fresh_boundary("m"),
        &[
            TestPart::text("Delivery failed."),
            TestPart {
                headers: vec!["Content-Type: message/delivery-status".into()],
                body: b"Action: failed\r\n".to_vec(),
            },
            pdf_attachment("faktura.pdf"),
        ],
    ));
    set_aside(&run(&mail), codes::BOUNCE);
}

#[test]
fn a_daemon_bounce_shaped_mail_is_a_bounce() {
    // Old-style bounce: no report, just the returned message, from MAILER-DAEMON.
    let returned = TestMail::with_attachments("Faktura.", &[pdf_attachment("faktura.pdf")]).build();
    let mail = TestMail::with_attachments(
        "Delivery to the following recipient failed permanently.",
        &[TestPart::rfc822(&returned)],
    )
    .header("Return-Path: <>")
    .header("From: MAILER-DAEMON@mx.example.com")
    .header("Subject: failure notice");
    set_aside(&run(&mail), codes::BOUNCE);

    // X-Failed-Recipients with an empty return path, any subject.
    let mail = TestMail::new(TestPart::text("failed"))
        .header("Return-Path: <>")
        .header("X-Failed-Recipients: x@y.no")
        .header("Subject: Mail");
    set_aside(&run(&mail), codes::BOUNCE);
}

#[test]
fn a_bounce_forwarded_by_a_person_is_a_forward() {
    // The supplier forwards the bounce of their invoice to the right address.
    let returned = TestMail::with_attachments("Faktura.", &[pdf_attachment("faktura.pdf")]).build();
    let bounce = bounce_report(&returned).build();
    let intake = run(&TestMail::with_attachments(
        "Fikk denne i retur, sender på nytt.",
        &[TestPart::rfc822(&bounce)],
    ));
    accepted(&intake, DocFormat::Pdf, 2);
}

#[test]
fn a_read_receipt_is_no_document_and_not_answered() {
    let mail = TestMail::new(TestPart::multipart(
        "report; report-type=disposition-notification",
        &common::fresh_boundary("mdn"),
        &[
            TestPart::text("Your message was displayed."),
            TestPart {
                headers: vec!["Content-Type: message/disposition-notification".into()],
                body: b"Disposition: manual-action/MDN-sent-manually; displayed\r\n".to_vec(),
            },
        ],
    ))
    .header("Subject: Read: Faktura 1001");
    let intake = run(&mail);
    let (_, en) = set_aside(&intake, codes::NO_DOCUMENT);
    assert!(en.contains("automatic report"), "{en}");
    assert_eq!(
        intake.reply,
        ReplyPolicy::Suppress(Suppressed::AutoSubmitted)
    );
}

#[test]
fn a_message_above_the_size_limit_is_turned_away_before_parsing() {
    let raw = TestMail::with_attachments("Stor faktura.", &[pdf_attachment("faktura.pdf")]).build();
    let config = IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        max_message_bytes: raw.len() - 1,
        ..config()
    };
    let intake = decide(&raw, &config);
    let (nb, en) = turned_away(&intake, codes::SIZE);
    assert!(en.contains("we accept e-mails of up to"), "{en}");
    assert!(nb.contains("vi tar imot e-post på inntil"), "{nb}");
    assert!(intake.parts.is_empty());
    // The header block is read, so the sender can be told.
    assert_eq!(intake.mail.subject.as_deref(), Some("Faktura 1001"));
    assert_eq!(
        intake.reply,
        ReplyPolicy::Reply {
            to: "faktura@leverandor.no".into()
        }
    );
    // Exactly at the limit is fine.
    let config = IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        max_message_bytes: raw.len(),
        ..config
    };
    accepted(&decide(&raw, &config), DocFormat::Pdf, 2);
}

#[test]
fn an_oversized_bounce_is_still_a_bounce() {
    let raw = bounce_report(b"Subject: x\r\n\r\nbig").build();
    let config = IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        max_message_bytes: 100,
        ..config()
    };
    let intake = decide(&raw, &config);
    set_aside(&intake, codes::BOUNCE);
    assert_eq!(intake.reply, ReplyPolicy::Suppress(Suppressed::Bounce));
}

#[test]
fn bytes_that_are_not_a_mail_are_unreadable() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    for raw in [
        junk,
        pdf(1),
        Vec::new(),
        b"\r\n\r\nbody without headers".to_vec(),
    ] {
        let intake = decide(&raw, &config());
        let (nb, en) = set_aside(&intake, codes::UNREADABLE);
        assert!(en.contains("not an e-mail message"), "{en}");
        assert!(nb.contains("ikke en e-postmelding"), "{nb}");
        assert_eq!(intake.reply, ReplyPolicy::Suppress(Suppressed::NoSender));
    }
}

// ---------------------------------------------------------------------------------------
// Rule 5: may the sender be answered?

fn policy(mail: TestMail) -> ReplyPolicy {
    run(&mail).reply
}

fn invoice_mail() -> TestMail {
    TestMail::with_attachments("Faktura.", &[pdf_attachment("faktura.pdf")])
}

#[test]
fn reply_goes_to_reply_to_if_present() {
    assert_eq!(
        policy(invoice_mail().header("Reply-To: Regnskap <regnskap@leverandor.no>")),
        ReplyPolicy::Reply {
            to: "regnskap@leverandor.no".into()
        }
    );
    // A no-reply Reply-To falls back to From.
    assert_eq!(
        policy(invoice_mail().header("Reply-To: noreply@leverandor.no")),
        ReplyPolicy::Reply {
            to: "faktura@leverandor.no".into()
        }
    );
}

#[test]
fn an_auto_generated_invoice_is_accepted_but_not_answered() {
    let intake = run(&invoice_mail().header("Auto-Submitted: auto-generated"));
    accepted(&intake, DocFormat::Pdf, 2);
    assert_eq!(
        intake.reply,
        ReplyPolicy::Suppress(Suppressed::AutoSubmitted)
    );
}

#[test]
fn an_out_of_office_reply_is_no_document_and_not_answered() {
    let intake = run(
        &TestMail::new(TestPart::text("Jeg er på ferie til 15. juli."))
            .header("Auto-Submitted: auto-replied")
            .header("Subject: Fraværende: Faktura 1001"),
    );
    let (nb, en) = set_aside(&intake, codes::NO_DOCUMENT);
    assert!(en.contains("automatic reply"), "{en}");
    assert!(nb.contains("automatisk svar"), "{nb}");
    assert_eq!(
        intake.reply,
        ReplyPolicy::Suppress(Suppressed::AutoSubmitted)
    );
}

#[test]
fn every_auto_reply_marker_suppresses_the_answer() {
    for header in [
        "Auto-Submitted: auto-replied (vacation)",
        "X-Autoreply: yes",
        "X-Autorespond: Out of office",
        "X-Auto-Response-Suppress: DR, OOF",
        "X-Auto-Response-Suppress: All",
        "X-Auto-Response-Suppress: AutoReply",
        "Precedence: auto_reply",
    ] {
        assert_eq!(
            policy(invoice_mail().header(header)),
            ReplyPolicy::Suppress(Suppressed::AutoSubmitted),
            "{header}"
        );
    }
    assert!(matches!(
        policy(invoice_mail().header("Auto-Submitted: no")),
        ReplyPolicy::Reply { .. }
    ));
    assert!(matches!(
        policy(invoice_mail().header("X-Auto-Response-Suppress: DR, RN")),
        ReplyPolicy::Reply { .. }
    ));
}

#[test]
fn list_and_bulk_mail_is_not_answered() {
    for header in [
        "Precedence: bulk",
        "Precedence: list",
        "Precedence: junk",
        "List-Id: Nyheter <nyheter.leverandor.no>",
        "List-Unsubscribe: <mailto:unsubscribe@leverandor.no>",
    ] {
        assert_eq!(
            policy(invoice_mail().header(header)),
            ReplyPolicy::Suppress(Suppressed::ListOrBulk),
            "{header}"
        );
    }
    let (_, en) = set_aside(
        &run(&TestMail::new(TestPart::html("<h1>Nyhetsbrev</h1>")).header("List-Id: <n.x.no>")),
        codes::NO_DOCUMENT,
    );
    assert!(en.contains("newsletter"), "{en}");
}

#[test]
fn our_own_addresses_are_never_answered() {
    assert_eq!(
        policy(invoice_mail().header("From: FAKTURA@digitools.no")),
        ReplyPolicy::Suppress(Suppressed::OwnAddress)
    );
    assert_eq!(
        policy(invoice_mail().header("Reply-To: faktura-alias@digitools.no")),
        ReplyPolicy::Suppress(Suppressed::OwnAddress)
    );
    assert_eq!(
        policy(invoice_mail().header("Return-Path: <faktura@digitools.no>")),
        ReplyPolicy::Suppress(Suppressed::OwnAddress)
    );
}

#[test]
fn bounce_senders_are_never_answered() {
    assert_eq!(
        policy(invoice_mail().header("Return-Path: <>")),
        ReplyPolicy::Suppress(Suppressed::Bounce)
    );
    assert_eq!(
        policy(invoice_mail().header("From: postmaster@leverandor.no")),
        ReplyPolicy::Suppress(Suppressed::Bounce)
    );
}

#[test]
fn no_usable_sender_is_not_answered() {
    for mail in [
        invoice_mail().without("From"),
        invoice_mail().header("From: Leverandør"),
        invoice_mail().header("From: ola@localhost"),
        invoice_mail().header("From: Leverandør <no-reply@leverandor.no>"),
        invoice_mail().header("From: ikke-svar@leverandor.no"),
    ] {
        let intake = run(&mail);
        accepted(&intake, DocFormat::Pdf, 2);
        assert_eq!(
            intake.reply,
            ReplyPolicy::Suppress(Suppressed::NoSender),
            "{:?}",
            intake.mail
        );
    }
}

// ---------------------------------------------------------------------------------------
// Rule 7: header decoding.

#[test]
fn mail_info_is_read_from_the_headers() {
    let intake = run(&invoice_mail()
        .header("References: <a@x> <b@y>")
        .header("Reply-To: r@leverandor.no"));
    let mail = &intake.mail;
    assert_eq!(mail.message_id.as_deref(), Some("1001@leverandor.no"));
    let from = mail.from.as_ref().unwrap();
    assert_eq!(from.name.as_deref(), Some("Leverandør AS"));
    assert_eq!(from.address, "faktura@leverandor.no");
    assert_eq!(mail.reply_to.as_ref().unwrap().address, "r@leverandor.no");
    assert_eq!(mail.return_path.as_deref(), Some("faktura@leverandor.no"));
    assert_eq!(mail.subject.as_deref(), Some("Faktura 1001"));
    assert_eq!(mail.date.as_deref(), Some("2026-03-03T10:15:00+01:00"));
    assert_eq!(mail.references, ["a@x", "b@y"]);
}

#[test]
fn encoded_word_subjects_in_utf8_and_latin1() {
    let subject = |header: &str| run(&invoice_mail().header(header)).mail.subject.unwrap();
    assert_eq!(
        subject("Subject: =?UTF-8?B?RmFrdHVyYSBmcmEgQmzDpWLDpnIgQVM=?="),
        "Faktura fra Blåbær AS"
    );
    assert_eq!(
        subject("Subject: =?ISO-8859-1?Q?Faktura_fra_Bl=E5b=E6r_=D8st?="),
        "Faktura fra Blåbær Øst"
    );
    assert_eq!(
        subject("Subject: =?utf-8?q?Faktura_1001_?=\r\n =?utf-8?q?=C3=A6=C3=B8=C3=A5?="),
        "Faktura 1001 æøå"
    );
}

#[test]
fn raw_8bit_latin1_headers_are_read_as_latin1() {
    let mut raw = invoice_mail()
        .header("Subject: Faktura fra Bl\u{1}b\u{2}r")
        .header("From: \u{3}ystein Bl\u{1}b\u{2}r <oystein@blabar.no>")
        .build();
    // Turn the placeholders into ISO-8859-1 bytes: å = E5, æ = E6, Ø = D8.
    for byte in raw.iter_mut() {
        *byte = match *byte {
            1 => 0xE5,
            2 => 0xE6,
            3 => 0xD8,
            other => other,
        };
    }
    let intake = decide(&raw, &config());
    assert_eq!(intake.mail.subject.as_deref(), Some("Faktura fra Blåbær"));
    let from = intake.mail.from.as_ref().unwrap();
    assert_eq!(from.name.as_deref(), Some("Øystein Blåbær"));
    assert_eq!(from.address, "oystein@blabar.no");
}

fn filename_of(disposition: &[u8]) -> Option<String> {
    let mut part = TestPart::attachment("application/pdf", "x.pdf", &pdf(1));
    part.headers = vec![
        "Content-Type: application/pdf".into(),
        "Content-Transfer-Encoding: base64".into(),
    ];
    let mut mail = TestMail::with_attachments("Faktura.", &[part]).build();
    // Insert the raw Content-Disposition line before the attachment's Content-Type.
    let marker = b"Content-Type: application/pdf\r\n";
    let at = mail
        .windows(marker.len())
        .position(|w| w == marker)
        .unwrap();
    let mut line = disposition.to_vec();
    line.extend_from_slice(b"\r\n");
    mail.splice(at..at, line);
    let intake = decide(&mail, &config());
    accepted(&intake, DocFormat::Pdf, 1).filename.clone()
}

#[test]
fn rfc2231_filenames() {
    assert_eq!(
        filename_of(
            b"Content-Disposition: attachment; filename*=UTF-8''faktura_%C3%A5%C3%B8%C3%A6.pdf"
        )
        .as_deref(),
        Some("faktura_åøæ.pdf")
    );
    assert_eq!(
        filename_of(
            b"Content-Disposition: attachment;\r\n filename*0*=UTF-8''faktura_%C3%A5;\r\n filename*1*=%C3%B8%C3%A6.pdf"
        )
        .as_deref(),
        Some("faktura_åøæ.pdf")
    );
    assert_eq!(
        filename_of(b"Content-Disposition: attachment;\r\n filename*0=\"faktura_\";\r\n filename*1=\"1001.pdf\"")
            .as_deref(),
        Some("faktura_1001.pdf")
    );
    assert_eq!(
        filename_of(
            b"Content-Disposition: attachment; filename*=ISO-8859-1''faktura_%E5%F8%E6.pdf"
        )
        .as_deref(),
        Some("faktura_åøæ.pdf")
    );
}

#[test]
fn encoded_word_and_raw_8bit_filenames() {
    assert_eq!(
        filename_of(b"Content-Disposition: attachment; filename=\"=?UTF-8?Q?faktura=5F=C3=A5=C3=B8=C3=A6.pdf?=\"")
            .as_deref(),
        Some("faktura_åøæ.pdf")
    );
    assert_eq!(
        filename_of(b"Content-Disposition: attachment; filename=\"faktura_\xE5\xF8\xE6.pdf\"")
            .as_deref(),
        Some("faktura_åøæ.pdf")
    );
    assert_eq!(
        filename_of("Content-Disposition: attachment; filename=\"faktura_åøæ.pdf\"".as_bytes())
            .as_deref(),
        Some("faktura_åøæ.pdf")
    );
}

// ---------------------------------------------------------------------------------------
// Rule 8: bounds.

fn nested_forward(levels: usize, innermost: &[u8]) -> Vec<u8> {
    let mut mail = innermost.to_vec();
    for level in 0..levels {
        mail = TestMail::with_attachments(
            &format!("Videresending {level}"),
            &[TestPart::rfc822(&mail)],
        )
        .build();
    }
    mail
}

#[test]
fn forwards_nested_within_the_limit_are_followed() {
    let invoice = invoice_mail().build();
    let intake = decide(&nested_forward(7, &invoice), &config());
    let part = accepted(&intake, DocFormat::Pdf, 2);
    assert_eq!(part.path, "2.2.2.2.2.2.2.2");
}

#[test]
fn forwards_nested_too_deep_are_set_aside() {
    let invoice = invoice_mail().build();
    let intake = decide(&nested_forward(10, &invoice), &config());
    let (_, en) = set_aside(&intake, codes::UNREADABLE);
    assert!(en.contains("more than 8 levels"), "{en}");
}

#[test]
fn too_many_parts_are_set_aside() {
    let parts: Vec<TestPart> = (0..600)
        .map(|i| TestPart::text(&format!("del {i}")))
        .collect();
    let intake = run(&TestMail::new(TestPart::multipart("mixed", "many", &parts)));
    let (nb, en) = set_aside(&intake, codes::UNREADABLE);
    assert!(en.contains("more than 500 MIME parts"), "{en}");
    assert!(nb.contains("mer enn 500 MIME-deler"), "{nb}");
}

#[test]
fn deeply_nested_multiparts_do_not_overflow() {
    let mut part = pdf_attachment("faktura.pdf");
    for level in 0..400 {
        part = TestPart::multipart("mixed", &format!("b{level:04}"), &[part]);
    }
    let intake = run(&TestMail::new(part));
    set_aside(&intake, codes::UNREADABLE);
}

// ---------------------------------------------------------------------------------------
// The shape the pipeline stores.

#[test]
fn serializes_without_the_bytes() {
    let intake = run(&invoice_mail());
    let json = serde_json::to_value(&intake).unwrap();
    assert_eq!(json["verdict"]["accept"]["format"], "pdf");
    assert_eq!(json["verdict"]["accept"]["pages"], 2);
    assert_eq!(json["reply"]["reply"]["to"], "faktura@leverandor.no");
    assert_eq!(json["parts"][1]["detected"], "pdf");
    assert!(json["parts"][1].get("bytes").is_none());

    let intake = run(&invoice_mail().header("Precedence: bulk"));
    let json = serde_json::to_value(&intake).unwrap();
    assert_eq!(json["reply"]["suppress"], "list_or_bulk");
    assert_eq!(Suppressed::ListOrBulk.as_str(), "list_or_bulk");
    assert_eq!(DetectedType::Docx.as_str(), "docx");
    assert_eq!(codes::ALL.len(), 9);
}
