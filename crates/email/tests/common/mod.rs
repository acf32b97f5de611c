//! Builders for test mails and the small documents they carry (PDF, TIFF, ZIP), shared by the
//! integration tests, the no-panic property tests and the benchmark.
//!
//! Everything is built by hand from bytes so that a test can say exactly what arrives:
//! malformed headers, mid-line boundaries, raw 8-bit, wrong declared types.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::fmt::Write as _;

/// A minimal valid PDF with `pages` pages of text, written by hand with a correct xref.
pub fn pdf(pages: usize) -> Vec<u8> {
    pdf_with_text(pages, "Faktura 1001")
}

/// Like [`pdf`] with `text` on every page (so two PDFs can differ).
pub fn pdf_with_text(pages: usize, text: &str) -> Vec<u8> {
    let font_id = 3 + 2 * pages;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages
        ),
    ];
    for i in 0..pages {
        let content = format!("BT /F1 12 Tf 72 770 Td ({text} side {}) Tj ET", i + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
             /Resources << /Font << /F1 {font_id} 0 R >> >> >>",
            4 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());

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
        "trailer\n<< /Size {} /Root 1 0 R /ID [<0123456789abcdef0123456789abcdef> \
         <0123456789abcdef0123456789abcdef>] >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

/// A one-page PDF protected with the user password `secret` (RC4 128-bit, standard security
/// handler revision 3), encrypted by lopdf's writer.
pub fn encrypted_pdf() -> Vec<u8> {
    encrypt_pdf(&pdf(1), "secret")
}

/// `pdf` encrypted by lopdf with the given user password (owner password `owner`).
pub fn encrypt_pdf(pdf: &[u8], user_password: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).expect("test PDF loads");
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// A TIFF with `pages` pages (IFDs), 8-bit grey, `width`×`height`, uncompressed.
pub fn tiff(pages: usize) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut encoder = tiff::encoder::TiffEncoder::new(&mut out).expect("encoder");
        for page in 0..pages {
            let (width, height) = (64u32, 48u32);
            let data: Vec<u8> = (0..width * height)
                .map(|i| ((i as usize + page * 7) % 251) as u8)
                .collect();
            encoder
                .write_image::<tiff::encoder::colortype::Gray8>(width, height, &data)
                .expect("write page");
        }
    }
    out.into_inner()
}

/// A ZIP archive (stored, no compression) holding `entries`, written by hand.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let local = |buf: &mut Vec<u8>, signature: &[u8]| {
            buf.extend_from_slice(signature);
        };
        local(&mut out, b"PK\x03\x04");
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&0u16.to_le_bytes()); // stored
        out.extend_from_slice(&0u32.to_le_bytes()); // time + date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&20u16.to_le_bytes()); // needed
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes()); // extra
        central.extend_from_slice(&0u16.to_le_bytes()); // comment
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A minimal DOCX-shaped ZIP (what matters to type detection is the `word/` entry).
pub fn docx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ])
}

/// A minimal XLSX-shaped ZIP.
pub fn xlsx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
    ])
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A bare EHF (UBL Invoice) document, enough for type detection.
pub const EHF_INVOICE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ID>1001</cbc:ID>
</Invoice>
"#;

/// A 1×1 PNG (what matters is the signature).
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\x04\0\x09\xfb\x03\xfd\xe3U\xf2\x9c\0\0\0\0IEND\xaeB`\x82";

/// Standard Base64 with line breaks every 76 characters, as mail writers do.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    let mut line = 0;
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = [
            ALPHABET[(n >> 18) as usize & 63],
            ALPHABET[(n >> 12) as usize & 63],
            if chunk.len() > 1 {
                ALPHABET[(n >> 6) as usize & 63]
            } else {
                b'='
            },
            if chunk.len() > 2 {
                ALPHABET[n as usize & 63]
            } else {
                b'='
            },
        ];
        for c in chars {
            out.push(c as char);
        }
        line += 4;
        if line >= 76 {
            out.push_str("\r\n");
            line = 0;
        }
    }
    if line > 0 {
        out.push_str("\r\n");
    }
    out
}

/// One MIME body part of a test mail.
#[derive(Clone, Debug)]
pub struct TestPart {
    /// Header lines, without line ends, e.g. `Content-Type: application/pdf`.
    pub headers: Vec<String>,
    /// The body as it appears in the mail (already encoded).
    pub body: Vec<u8>,
}

impl TestPart {
    /// A text/plain UTF-8 body part.
    pub fn text(text: &str) -> TestPart {
        TestPart {
            headers: vec![
                "Content-Type: text/plain; charset=utf-8".into(),
                "Content-Transfer-Encoding: 8bit".into(),
            ],
            body: text.as_bytes().to_vec(),
        }
    }

    /// A text/html body part.
    pub fn html(html: &str) -> TestPart {
        TestPart {
            headers: vec![
                "Content-Type: text/html; charset=utf-8".into(),
                "Content-Transfer-Encoding: 8bit".into(),
            ],
            body: html.as_bytes().to_vec(),
        }
    }

    /// A Base64 attachment with `Content-Disposition: attachment; filename="..."`.
    pub fn attachment(content_type: &str, filename: &str, data: &[u8]) -> TestPart {
        TestPart {
            headers: vec![
                format!("Content-Type: {content_type}; name=\"{filename}\""),
                format!("Content-Disposition: attachment; filename=\"{filename}\""),
                "Content-Transfer-Encoding: base64".into(),
            ],
            body: base64(data).into_bytes(),
        }
    }

    /// A Base64 inline image with a Content-ID (a signature logo).
    pub fn inline_image(filename: &str, cid: &str, data: &[u8]) -> TestPart {
        TestPart {
            headers: vec![
                format!("Content-Type: image/png; name=\"{filename}\""),
                format!("Content-Disposition: inline; filename=\"{filename}\""),
                format!("Content-ID: <{cid}>"),
                "Content-Transfer-Encoding: base64".into(),
            ],
            body: base64(data).into_bytes(),
        }
    }

    /// A multipart container of `subtype` around `parts`, with its own boundary.
    pub fn multipart(subtype: &str, boundary: &str, parts: &[TestPart]) -> TestPart {
        TestPart {
            headers: vec![format!(
                "Content-Type: multipart/{subtype}; boundary=\"{boundary}\""
            )],
            body: multipart_body(boundary, parts),
        }
    }

    /// A forwarded message (`message/rfc822`, not encoded).
    pub fn rfc822(message: &[u8]) -> TestPart {
        TestPart {
            headers: vec![
                "Content-Type: message/rfc822".into(),
                "Content-Disposition: attachment; filename=\"forwarded.eml\"".into(),
            ],
            body: message.to_vec(),
        }
    }

    /// Adds a header line.
    pub fn with_header(mut self, header: &str) -> TestPart {
        self.headers.push(header.to_string());
        self
    }

    fn write(&self, out: &mut Vec<u8>) {
        for header in &self.headers {
            out.extend_from_slice(header.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&self.body);
    }
}

/// A boundary no other test part uses (nested multiparts need distinct boundaries).
pub fn fresh_boundary(kind: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("=_{kind}_{:04}", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn multipart_body(boundary: &str, parts: &[TestPart]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"This is a multi-part message in MIME format.\r\n");
    for part in parts {
        out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
        part.write(&mut out);
    }
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    out
}

/// A whole test mail: top-level headers plus a body part.
#[derive(Clone, Debug)]
pub struct TestMail {
    pub headers: Vec<String>,
    pub body: TestPart,
}

impl TestMail {
    /// A mail from Leverandør AS to the intake address with the given body.
    pub fn new(body: TestPart) -> TestMail {
        TestMail {
            headers: vec![
                "Return-Path: <faktura@leverandor.no>".into(),
                "From: =?UTF-8?Q?Leverand=C3=B8r_AS?= <faktura@leverandor.no>".into(),
                "To: faktura@digitools.no".into(),
                "Subject: Faktura 1001".into(),
                "Date: Tue, 3 Mar 2026 10:15:00 +0100".into(),
                "Message-ID: <1001@leverandor.no>".into(),
                "MIME-Version: 1.0".into(),
            ],
            body,
        }
    }

    /// A mail with a text body and the given attachments (multipart/mixed).
    pub fn with_attachments(text: &str, attachments: &[TestPart]) -> TestMail {
        let mut parts = vec![TestPart::text(text)];
        parts.extend_from_slice(attachments);
        TestMail::new(TestPart::multipart(
            "mixed",
            &fresh_boundary("mixed"),
            &parts,
        ))
    }

    /// Replaces (or adds) the header named like `header`'s name.
    pub fn header(mut self, header: &str) -> TestMail {
        let name = header
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        self.headers
            .retain(|h| h.split(':').next().unwrap_or_default().to_ascii_lowercase() != name);
        self.headers.push(header.to_string());
        self
    }

    /// Removes every header named `name`.
    pub fn without(mut self, name: &str) -> TestMail {
        let name = name.to_ascii_lowercase();
        self.headers
            .retain(|h| h.split(':').next().unwrap_or_default().to_ascii_lowercase() != name);
        self
    }

    /// The raw bytes, CRLF line ends.
    pub fn build(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for header in &self.headers {
            out.extend_from_slice(header.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        self.body.write(&mut out);
        out
    }
}

/// The seed messages the no-panic tests mutate and the benchmark decides over.
pub fn seed_messages() -> Vec<(&'static str, Vec<u8>)> {
    let pdf = pdf(2);
    vec![
        (
            "one-pdf",
            TestMail::with_attachments(
                "Vedlagt faktura.",
                &[TestPart::attachment("application/pdf", "faktura.pdf", &pdf)],
            )
            .build(),
        ),
        (
            "pdf-and-logo-html",
            TestMail::new(TestPart::multipart(
                "mixed",
                "outer",
                &[
                    TestPart::multipart(
                        "related",
                        "rel",
                        &[
                            TestPart::html("<p>Faktura</p><img src=\"cid:logo@x\">"),
                            TestPart::inline_image("image001.png", "logo@x", PNG),
                        ],
                    ),
                    TestPart::attachment("application/octet-stream", "faktura.pdf", &pdf),
                ],
            ))
            .build(),
        ),
        (
            "two-pdfs",
            TestMail::with_attachments(
                "To fakturaer.",
                &[
                    TestPart::attachment("application/pdf", "a.pdf", &pdf_with_text(1, "A")),
                    TestPart::attachment("application/pdf", "b.pdf", &pdf_with_text(1, "B")),
                ],
            )
            .build(),
        ),
        (
            "tiff",
            TestMail::with_attachments(
                "Skannet faktura.",
                &[TestPart::attachment("image/tiff", "faktura.tif", &tiff(2))],
            )
            .build(),
        ),
        (
            "forwarded",
            TestMail::with_attachments(
                "Videresender.",
                &[TestPart::rfc822(
                    &TestMail::with_attachments(
                        "Original.",
                        &[TestPart::attachment("application/pdf", "faktura.pdf", &pdf)],
                    )
                    .build(),
                )],
            )
            .build(),
        ),
        (
            "boundary-mid-line",
            format!(
                "From: ola@leverandor.no\r\nSubject: Faktura\r\n\
                 Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n\
                 --XYZ\r\nContent-Type: text/plain\r\n\r\n\
                 the boundary is --XYZ in the middle of a line, and --XYZ-- too\r\n\
                 --XYZ\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n\
                 {}--XYZ--\r\n",
                base64(&pdf)
            )
            .into_bytes(),
        ),
        (
            "bounce",
            TestMail::new(TestPart::multipart(
                "report; report-type=delivery-status",
                "report",
                &[
                    TestPart::text("Delivery failed."),
                    TestPart {
                        headers: vec!["Content-Type: message/delivery-status".into()],
                        body: b"Action: failed\r\nStatus: 5.1.1\r\n".to_vec(),
                    },
                    TestPart::rfc822(
                        &TestMail::with_attachments(
                            "Faktura.",
                            &[TestPart::attachment("application/pdf", "faktura.pdf", &pdf)],
                        )
                        .build(),
                    ),
                ],
            ))
            .header("Return-Path: <>")
            .build(),
        ),
        (
            "question",
            TestMail::new(TestPart::text("Hei, når betaler dere faktura 1001?")).build(),
        ),
        (
            "docx",
            TestMail::with_attachments(
                "Faktura i Word.",
                &[TestPart::attachment(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "faktura.docx",
                    &docx(),
                )],
            )
            .build(),
        ),
    ]
}
