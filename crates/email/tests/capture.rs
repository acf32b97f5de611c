//! Capturing invoices from PDFs: PDFs are built here with lopdf's writer, in the ways real
//! generators write them (WinAnsi Helvetica, compressed streams, kerned `TJ`, Type0 fonts with
//! a ToUnicode CMap, `/Differences`, form XObjects, monospaced space-aligned text), and the
//! fields read from them are checked, as is the structured data of embedded Factur-X and UBL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};
use mottak_email::capture::{Capture, CapturedField, StructuredFormat, capture_pdf, text_layer};
use mottak_invoice::ids::OrgNumber;
use mottak_invoice::{DocumentKind, Invoice};
use mottak_rules::{ReceiverIdentity, check};
use proptest::prelude::*;
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------------
// Building PDFs
// ---------------------------------------------------------------------------------------------

/// Fonts every test page has: F1 Helvetica, F2 Helvetica-Bold (both WinAnsi), F3 a Type1
/// with `/Differences` for æøå, F4 a Type0 Identity-H font with a ToUnicode CMap, F5 Courier.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Font {
    Helvetica,
    Bold,
    Differences,
    Type0,
    Courier,
}

impl Font {
    fn name(self) -> &'static str {
        match self {
            Font::Helvetica => "F1",
            Font::Bold => "F2",
            Font::Differences => "F3",
            Font::Type0 => "F4",
            Font::Courier => "F5",
        }
    }

    /// The bytes of a string in this font, as a PDF string operand.
    fn operand(self, text: &str) -> String {
        match self {
            Font::Type0 => {
                let hex: String = text
                    .chars()
                    .map(|c| format!("{:04X}", type0_code(c)))
                    .collect();
                format!("<{hex}>")
            }
            Font::Differences => literal(&text.chars().map(differences_code).collect::<Vec<u8>>()),
            _ => literal(&win_ansi(text)),
        }
    }

    /// Approximate advance width in thousandths (enough for right alignment in tests).
    fn width(self, text: &str) -> f32 {
        text.chars()
            .map(|c| match (self, c) {
                (Font::Courier, _) => 600.0,
                (_, '0'..='9') => 556.0,
                (_, ' ' | ',' | '.' | ':' | 'i' | 'l' | 'I' | 'j' | 'f' | 't') => 278.0,
                (_, 'm' | 'M' | 'W' | 'w') => 833.0,
                (_, c) if c.is_uppercase() => 667.0,
                _ => 556.0,
            })
            .sum()
    }
}

fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '–' => 0x96,
            '—' => 0x97,
            '·' => 0xB7,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// F3's encoding: StandardEncoding with 128.. = aring oslash ae Aring Oslash AE.
fn differences_code(c: char) -> u8 {
    match c {
        'å' => 128,
        'ø' => 129,
        'æ' => 130,
        'Å' => 131,
        'Ø' => 132,
        'Æ' => 133,
        c if c.is_ascii() => c as u8,
        _ => b'?',
    }
}

/// F4's codes: ASCII at 0x0100 + c (a bfrange), æøåÆØÅ by bfchar, digits also by an
/// array-form bfrange at 0x0200.. (used for every other digit to exercise both).
fn type0_code(c: char) -> u16 {
    match c {
        'æ' => 0x0010,
        'ø' => 0x0011,
        'å' => 0x0012,
        'Æ' => 0x0013,
        'Ø' => 0x0014,
        'Å' => 0x0015,
        '0' | '2' | '4' | '6' | '8' => 0x0200 + (c as u16 - '0' as u16),
        c if c.is_ascii() => 0x0100 + c as u16,
        _ => 0x0003,
    }
}

const TYPE0_CMAP: &str = "/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
7 beginbfchar
<0003> <0020>
<0010> <00E6>
<0011> <00F8>
<0012> <00E5>
<0013> <00C6>
<0014> <00D8>
<0015> <00C5>
endbfchar
2 beginbfrange
<0120> <017E> <0020>
<0200> <0209> [<0030> <0031> <0032> <0033> <0034> <0035> <0036> <0037> <0038> <0039>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end";

fn literal(bytes: &[u8]) -> String {
    let mut out = String::from("(");
    for b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(*b as char);
            }
            0x20..=0x7E => out.push(*b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push(')');
    out
}

/// A page's content stream, written like a report generator: one `Tj` per cell.
#[derive(Default, Clone)]
struct Page {
    ops: String,
}

impl Page {
    fn new() -> Page {
        Page::default()
    }

    /// Text at (x, y), left-aligned.
    fn text(mut self, font: Font, size: f32, x: f32, y: f32, text: &str) -> Page {
        self.ops.push_str(&format!(
            "BT /{} {size} Tf {x} {y} Td {} Tj ET\n",
            font.name(),
            font.operand(text)
        ));
        self
    }

    /// Text ending at x (right-aligned, as amounts are).
    fn right(self, font: Font, size: f32, x: f32, y: f32, text: &str) -> Page {
        let w = font.width(text) * size / 1000.0;
        self.text(font, size, x - w, y, text)
    }

    fn t(self, x: f32, y: f32, text: &str) -> Page {
        self.text(Font::Helvetica, 9.0, x, y, text)
    }

    fn r(self, x: f32, y: f32, text: &str) -> Page {
        self.right(Font::Helvetica, 9.0, x, y, text)
    }

    fn raw(mut self, ops: &str) -> Page {
        self.ops.push_str(ops);
        self
    }
}

#[derive(Default)]
struct Pdf {
    pages: Vec<Page>,
    compress: bool,
    /// (file name, bytes): embedded in /Names/EmbeddedFiles and /AF.
    embedded: Vec<(String, Vec<u8>)>,
    image_only: bool,
    /// A form XObject /Fm1 with this content, drawn on every page.
    form: Option<String>,
}

impl Pdf {
    fn new(pages: Vec<Page>) -> Pdf {
        Pdf {
            pages,
            ..Pdf::default()
        }
    }

    fn compressed(mut self) -> Pdf {
        self.compress = true;
        self
    }

    fn embed(mut self, name: &str, bytes: &[u8]) -> Pdf {
        self.embedded.push((name.to_owned(), bytes.to_vec()));
        self
    }

    fn build(self) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let f1 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
        });
        let f2 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding",
        });
        let f3 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "BaseEncoding" => "StandardEncoding",
                "Differences" => vec![
                    128.into(), "aring".into(), "oslash".into(), "ae".into(),
                    "Aring".into(), "Oslash".into(), "AE".into(),
                ],
            },
        });
        let cmap = doc.add_object(Stream::new(
            Dictionary::new(),
            TYPE0_CMAP.as_bytes().to_vec(),
        ));
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ArialMT",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
            "DW" => 556,
        });
        let f4 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ArialMT", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![descendant.into()], "ToUnicode" => cmap,
        });
        let f5 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier", "Encoding" => "WinAnsiEncoding",
        });
        let mut xobjects = Dictionary::new();
        if let Some(form) = &self.form {
            let fonts = dictionary! { "F1" => f1 };
            let form_id = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), 0.into()],
                    "Resources" => dictionary! { "Font" => fonts },
                },
                form.as_bytes().to_vec(),
            ));
            xobjects.set("Fm1", form_id);
        }
        if self.image_only {
            let pixels = vec![0x80u8; 100 * 100];
            let image = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Image", "Width" => 100, "Height" => 100,
                    "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
                },
                pixels,
            ));
            xobjects.set("Im1", image);
        }
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => f1, "F2" => f2, "F3" => f3, "F4" => f4, "F5" => f5 },
            "XObject" => xobjects,
        });
        let mut kids = Vec::new();
        for page in &self.pages {
            let mut ops = page.ops.clone();
            if self.form.is_some() {
                ops.push_str("q /Fm1 Do Q\n");
            }
            if self.image_only {
                ops = "q 595 0 0 842 0 0 cm /Im1 Do Q\n".to_owned();
            }
            let mut stream = Stream::new(Dictionary::new(), ops.into_bytes());
            if self.compress {
                stream.compress().expect("compress");
            }
            let content = doc.add_object(stream);
            let page_id = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            });
            kids.push(page_id.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
        if !self.embedded.is_empty() {
            let mut names = Vec::new();
            let mut af = Vec::new();
            for (name, bytes) in &self.embedded {
                let mut file = Stream::new(
                    dictionary! { "Type" => "EmbeddedFile", "Subtype" => "text/xml" },
                    bytes.clone(),
                );
                file.compress().expect("compress");
                let file_id = doc.add_object(file);
                let spec = doc.add_object(dictionary! {
                    "Type" => "Filespec",
                    "F" => Object::string_literal(name.as_str()),
                    "UF" => Object::String(utf16(name), StringFormat::Hexadecimal),
                    "EF" => dictionary! { "F" => file_id, "UF" => file_id },
                    "AFRelationship" => "Alternative",
                });
                names.push(Object::string_literal(name.as_str()));
                names.push(spec.into());
                af.push(spec.into());
            }
            // A name tree with one intermediate node, to walk /Kids.
            let leaf = doc.add_object(dictionary! { "Names" => names });
            catalog.set(
                "Names",
                dictionary! { "EmbeddedFiles" => dictionary! { "Kids" => vec![leaf.into()] } },
            );
            catalog.set("AF", af);
        }
        let catalog_id = doc.add_object(catalog);
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save");
        out
    }
}

fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

struct Text {
    invoice: Invoice,
    fields: Vec<CapturedField>,
    missing: Vec<&'static str>,
}

impl Text {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.value.as_str())
    }

    fn fields_map(&self) -> BTreeMap<&str, &str> {
        self.fields
            .iter()
            .map(|f| (f.field, f.value.as_str()))
            .collect()
    }
}

fn capture(pdf: &[u8]) -> Capture {
    capture_pdf(pdf, &mottak_ehf::Limits::default())
}

#[track_caller]
fn text_capture(pdf: &[u8]) -> Text {
    match capture(pdf) {
        Capture::Text {
            invoice,
            fields,
            missing,
            ..
        } => Text {
            invoice,
            fields,
            missing,
        },
        other => panic!(
            "expected a text capture, got {other:?}\n{}",
            text_layer(pdf)
        ),
    }
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn receiver() -> ReceiverIdentity {
    ReceiverIdentity {
        org: OrgNumber::parse("931235184").expect("org"),
        name: "Digitools AS".to_owned(),
    }
}

/// A typical Norwegian invoice: letterhead top left, recipient window block, the invoice
/// details in a label/value column on the right, an item table, totals, payment details and
/// a footer with the organisation number.
fn norwegian_invoice() -> Vec<Page> {
    let h = Font::Helvetica;
    let page = Page::new()
        .text(Font::Bold, 16.0, 50.0, 800.0, "Nordlys Kontorrekvisita AS")
        .text(Font::Bold, 18.0, 430.0, 800.0, "FAKTURA")
        .t(50.0, 784.0, "Storgata 12")
        .t(50.0, 772.0, "0155 Oslo")
        .text(h, 10.0, 50.0, 700.0, "Digitools AS")
        .t(50.0, 688.0, "Att: Kari Nordmann")
        .t(50.0, 676.0, "Postboks 123 Sentrum")
        .t(50.0, 664.0, "0101 Oslo")
        .t(50.0, 652.0, "Org.nr. 931 235 184")
        .t(350.0, 700.0, "Fakturanr.:")
        .t(450.0, 700.0, "2026-1042")
        .t(350.0, 688.0, "Fakturadato:")
        .t(450.0, 688.0, "15.11.2026")
        .t(350.0, 676.0, "Forfallsdato:")
        .t(450.0, 676.0, "29.11.2026")
        .t(350.0, 664.0, "Kundenr.:")
        .t(450.0, 664.0, "10087")
        .t(350.0, 652.0, "Deres ref.:")
        .t(450.0, 652.0, "Kari Nordmann")
        .t(350.0, 640.0, "Vår ref.:")
        .t(450.0, 640.0, "Ola Hansen")
        .t(350.0, 628.0, "Bestillingsnr.:")
        .t(450.0, 628.0, "PO-4471")
        .text(Font::Bold, 9.0, 50.0, 580.0, "Beskrivelse")
        .right(Font::Bold, 9.0, 330.0, 580.0, "Antall")
        .text(Font::Bold, 9.0, 340.0, 580.0, "Enhet")
        .right(Font::Bold, 9.0, 440.0, 580.0, "Pris")
        .right(Font::Bold, 9.0, 490.0, 580.0, "Mva %")
        .right(Font::Bold, 9.0, 560.0, 580.0, "Beløp")
        .t(50.0, 562.0, "Kopipapir A4 80g, 5 x 500 ark")
        .r(330.0, 562.0, "10")
        .t(340.0, 562.0, "eske")
        .r(440.0, 562.0, "289,00")
        .r(490.0, 562.0, "25 %")
        .r(560.0, 562.0, "2 890,00")
        .t(50.0, 548.0, "Konsulenttimer oppsett")
        .r(330.0, 548.0, "3,5")
        .t(340.0, 548.0, "timer")
        .r(440.0, 548.0, "950,00")
        .r(490.0, 548.0, "25 %")
        .r(560.0, 548.0, "3 325,00")
        .t(60.0, 537.0, "Installasjon av skrivere, 12. november")
        .t(50.0, 522.0, "Frakt")
        .r(330.0, 522.0, "1")
        .t(340.0, 522.0, "stk")
        .r(440.0, 522.0, "150,00")
        .r(490.0, 522.0, "25 %")
        .r(560.0, 522.0, "150,00")
        .t(380.0, 490.0, "Sum eks. mva")
        .r(560.0, 490.0, "6 365,00")
        .t(380.0, 476.0, "Mva 25 % av 6 365,00")
        .r(560.0, 476.0, "1 591,25")
        .text(Font::Bold, 10.0, 380.0, 460.0, "Å betale NOK")
        .right(Font::Bold, 10.0, 560.0, 460.0, "7 956,25")
        .t(50.0, 420.0, "Kontonummer: 1503.12.34562")
        .t(250.0, 420.0, "KID: 0020261042")
        .text(
            h,
            7.0,
            50.0,
            60.0,
            "Nordlys Kontorrekvisita AS · Storgata 12, 0155 Oslo · Org.nr. NO 987 654 325 MVA · Foretaksregisteret",
        );
    vec![page]
}

/// The fields of [`norwegian_invoice`].
fn expected_norwegian_fields() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("invoice_number", "2026-1042"),
        ("issue_date", "2026-11-15"),
        ("due_date", "2026-11-29"),
        ("supplier_name", "Nordlys Kontorrekvisita AS"),
        ("supplier_org", "987654325"),
        ("supplier_vat", "NO987654325MVA"),
        ("bank_account", "15031234562"),
        ("kid", "0020261042"),
        ("currency", "NOK"),
        ("buyer_name", "Digitools AS"),
        ("buyer_org", "931235184"),
        ("buyer_reference", "Kari Nordmann"),
        ("seller_reference", "Ola Hansen"),
        ("order_reference", "PO-4471"),
        ("contact", "Kari Nordmann"),
        ("net_amount", "6365.00"),
        ("vat_amount", "1591.25"),
        ("payable_amount", "7956.25"),
        ("lines", "3"),
    ])
}

#[track_caller]
fn assert_norwegian_invoice(text: &Text) {
    assert_eq!(text.fields_map(), expected_norwegian_fields());
    assert!(text.missing.is_empty(), "{:?}", text.missing);
    let inv = &text.invoice;
    assert_eq!(inv.kind, DocumentKind::Invoice);
    assert_eq!(inv.lines.len(), 3);
    let line = &inv.lines[1];
    assert_eq!(line.id.as_deref(), Some("2"));
    assert_eq!(line.item_name.as_deref(), Some("Konsulenttimer oppsett"));
    assert_eq!(
        line.item_description.as_deref(),
        Some("Installasjon av skrivere, 12. november")
    );
    assert_eq!(line.quantity, Some(dec("3.5")));
    assert_eq!(line.unit.as_deref(), Some("HUR"));
    assert_eq!(line.price, Some(dec("950.00")));
    assert_eq!(line.amount, Some(dec("3325.00")));
    assert_eq!(line.tax_category.as_deref(), Some("S"));
    assert_eq!(line.tax_percent, Some(dec("25")));
    assert_eq!(inv.lines[0].unit.as_deref(), Some("BX"));
    assert_eq!(inv.lines[2].unit.as_deref(), Some("EA"));
    assert_eq!(inv.tax_subtotals.len(), 1);
    assert_eq!(inv.tax_subtotals[0].taxable_amount, Some(dec("6365.00")));
    assert_eq!(inv.totals.tax_inclusive, Some(dec("7956.25")));
    assert_eq!(
        inv.supplier
            .legal_id
            .as_ref()
            .map(|i| (i.value.as_str(), i.scheme.as_deref())),
        Some(("987654325", Some("0192")))
    );
    assert_eq!(
        inv.supplier.tax_registrations[0].company_id,
        "NO987654325MVA"
    );
    assert_eq!(inv.customer.contact.name.as_deref(), Some("Kari Nordmann"));
    assert_eq!(inv.customer.address.postal_zone.as_deref(), Some("0101"));
    assert_eq!(inv.payment_means[0].account.as_deref(), Some("15031234562"));
    assert_eq!(
        inv.payment_means[0].payment_id.as_deref(),
        Some("0020261042")
    );
    assert_eq!(inv.payment_means[0].code.as_deref(), Some("30"));
    let verdict = check(inv, &receiver());
    let fatal: Vec<_> = verdict.fatal().collect();
    assert!(fatal.is_empty(), "fatal findings: {fatal:#?}");
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn a_typical_norwegian_invoice_gives_every_field_and_passes_the_receiver_rules() {
    let pdf = Pdf::new(norwegian_invoice()).build();
    let text = text_capture(&pdf);
    assert_norwegian_invoice(&text);
    let found = text
        .fields
        .iter()
        .find(|f| f.field == "invoice_number")
        .expect("number");
    assert_eq!(found.page, 1);
    assert!(found.found.contains("Fakturanr."), "{}", found.found);
    let supplier = text
        .fields
        .iter()
        .find(|f| f.field == "supplier_vat")
        .expect("vat");
    assert!(
        supplier.found.contains("NO 987 654 325 MVA"),
        "{}",
        supplier.found
    );
}

#[test]
fn flate_compressed_content_reads_the_same() {
    let pdf = Pdf::new(norwegian_invoice()).compressed().build();
    assert_norwegian_invoice(&text_capture(&pdf));
}

#[test]
fn norwegian_letters_in_win_ansi_differences_and_type0_fonts() {
    let page = Page::new()
        .text(Font::Helvetica, 10.0, 50.0, 800.0, "WinAnsi: æøå ÆØÅ Beløp")
        .text(Font::Differences, 10.0, 50.0, 780.0, "Differences: æøå ÆØÅ")
        .text(
            Font::Type0,
            10.0,
            50.0,
            760.0,
            "Type0: æøå ÆØÅ 1234567890 Å betale",
        );
    let layer = text_layer(&Pdf::new(vec![page]).build());
    let lines: Vec<&str> = layer.lines().collect();
    assert_eq!(
        lines,
        vec![
            "WinAnsi: æøå ÆØÅ Beløp",
            "Differences: æøå ÆØÅ",
            "Type0: æøå ÆØÅ 1234567890 Å betale"
        ]
    );
}

#[test]
fn a_type0_identity_h_invoice_is_read_through_its_to_unicode_cmap() {
    let f = Font::Type0;
    let page = Page::new()
        .text(f, 14.0, 50.0, 800.0, "Fjordkraft Service AS")
        .text(f, 9.0, 50.0, 700.0, "Faktureres til:")
        .text(f, 9.0, 50.0, 688.0, "Digitools AS")
        .text(f, 9.0, 50.0, 676.0, "Org.nr. 931235184")
        .text(f, 9.0, 350.0, 700.0, "Fakturanummer: 88123")
        .text(f, 9.0, 350.0, 688.0, "Fakturadato: 2026-11-15")
        .text(f, 9.0, 350.0, 676.0, "Forfall: 2026-12-15")
        .text(f, 9.0, 350.0, 664.0, "Deres referanse: 4500012345")
        .text(f, 9.0, 350.0, 500.0, "Å betale: 1 250,00")
        .text(
            f,
            7.0,
            50.0,
            60.0,
            "Fjordkraft Service AS, Org.nr. 987654325MVA, Bankkonto 1503 12 34562",
        );
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("88123"));
    assert_eq!(text.field("issue_date"), Some("2026-11-15"));
    assert_eq!(text.field("due_date"), Some("2026-12-15"));
    assert_eq!(text.field("buyer_name"), Some("Digitools AS"));
    assert_eq!(text.field("buyer_org"), Some("931235184"));
    assert_eq!(text.field("supplier_org"), Some("987654325"));
    assert_eq!(text.field("supplier_vat"), Some("NO987654325MVA"));
    assert_eq!(text.field("supplier_name"), Some("Fjordkraft Service AS"));
    assert_eq!(text.field("buyer_reference"), Some("4500012345"));
    assert_eq!(text.field("payable_amount"), Some("1250.00"));
    assert_eq!(text.field("bank_account"), Some("15031234562"));
}

#[test]
fn tj_kerning_joins_letters_and_wide_gaps_make_spaces_and_columns() {
    // One TJ for a whole line: small kerns inside words, a word space as a -278 kern, and
    // a wide gap (-8000) before the value column.
    let page = Page::new().raw(
        "BT /F1 10 Tf 50 700 Td [(F) 30 (ak) -15 (tura) -278 (nr) (.:) -8000 (5) 20 (5) 20 (123)] TJ ET\n\
         BT /F1 10 Tf 50 686 Td [(Fakturadato:) -8000 (01.12.2026)] TJ ET\n",
    );
    let layer = text_layer(&Pdf::new(vec![page.clone()]).build());
    assert_eq!(layer.lines().next(), Some("Faktura nr.:\t55123"));
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("55123"));
    assert_eq!(text.field("issue_date"), Some("2026-12-01"));
}

#[test]
fn text_matrices_leading_and_quote_operators_place_text() {
    // Tm positioning, TL/T* and the ' operator, under a cm that scales the page by 2.
    let page = Page::new().raw(
        "q 0.5 0 0 0.5 0 0 cm\n\
         BT /F1 18 Tf 1 0 0 1 100 1400 Tm 24 TL (Fakturanr:) Tj T* (Fakturadato:) Tj ET\n\
         BT /F1 18 Tf 1 0 0 1 700 1400 Tm 24 TL (A-77) Tj (07.11.2026) ' ET\n\
         Q\n",
    );
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("A-77"));
    assert_eq!(text.field("issue_date"), Some("2026-11-07"));
}

#[test]
fn two_column_layout_and_values_under_their_labels() {
    let page = Page::new()
        .text(Font::Bold, 14.0, 50.0, 800.0, "Bergen Bygg og Anlegg AS")
        // Labels in a row, values on the line below each.
        .t(300.0, 760.0, "Fakturanr.")
        .t(380.0, 760.0, "Fakturadato")
        .t(460.0, 760.0, "Forfallsdato")
        .t(300.0, 748.0, "7781")
        .t(380.0, 748.0, "03.11.26")
        .t(460.0, 748.0, "17. november 2026")
        // A label alone on its line with the value below it.
        .t(50.0, 700.0, "Kunde:")
        .t(50.0, 688.0, "Digitools AS")
        .t(50.0, 676.0, "Org.nr. 931 235 184")
        .t(300.0, 700.0, "Innkjøpsordre")
        .t(300.0, 688.0, "IO-2026-17")
        .t(300.0, 660.0, "Totalt å betale:")
        .r(560.0, 660.0, "kr 12 345,-")
        .t(
            50.0,
            60.0,
            "Bergen Bygg og Anlegg AS – Org.nr 987 654 325 MVA – Konto 1503.12.34562",
        );
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("7781"));
    assert_eq!(text.field("issue_date"), Some("2026-11-03"));
    assert_eq!(text.field("due_date"), Some("2026-11-17"));
    assert_eq!(text.field("buyer_name"), Some("Digitools AS"));
    assert_eq!(text.field("buyer_org"), Some("931235184"));
    assert_eq!(text.field("order_reference"), Some("IO-2026-17"));
    assert_eq!(text.field("payable_amount"), Some("12345"));
    assert_eq!(text.field("supplier_org"), Some("987654325"));
    assert_eq!(
        text.field("supplier_name"),
        Some("Bergen Bygg og Anlegg AS")
    );
    assert_eq!(text.field("bank_account"), Some("15031234562"));
}

#[test]
fn monospaced_text_aligned_with_spaces_splits_into_columns() {
    let c = Font::Courier;
    let lines = [
        "ROGALAND VVS AS                           FAKTURA",
        "Fakturanr:      551200          Dato:     01.10.2026",
        "Forfall:        31.10.2026      Deres ref: Per Hansen",
        "",
        "Varetekst                 Antall  Enh   A-pris    Beløp",
        "Rørdeler diverse              12  stk    45,50   546,00",
        "Montasje                       2  t     890,00 1 780,00",
        "",
        "                          Sum eks. mva          2 326,00",
        "                          MVA 25 %                581,50",
        "                          Totalbeløp            2 907,50",
        "Org.nr. 987 654 325 MVA   Bankkonto 1503 12 34562",
    ];
    let mut page = Page::new();
    for (k, line) in lines.iter().enumerate() {
        page = page.text(c, 9.0, 40.0, 800.0 - 12.0 * k as f32, line);
    }
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("551200"));
    assert_eq!(text.field("issue_date"), Some("2026-10-01"));
    assert_eq!(text.field("due_date"), Some("2026-10-31"));
    assert_eq!(text.field("buyer_reference"), Some("Per Hansen"));
    assert_eq!(text.field("net_amount"), Some("2326.00"));
    assert_eq!(text.field("vat_amount"), Some("581.50"));
    assert_eq!(text.field("payable_amount"), Some("2907.50"));
    assert_eq!(text.field("lines"), Some("2"));
    assert_eq!(text.field("supplier_name"), Some("ROGALAND VVS AS"));
    let lines = &text.invoice.lines;
    assert_eq!(lines[0].item_name.as_deref(), Some("Rørdeler diverse"));
    assert_eq!(lines[0].quantity, Some(dec("12")));
    assert_eq!(lines[0].price, Some(dec("45.50")));
    assert_eq!(lines[1].unit.as_deref(), Some("HUR"));
    assert_eq!(lines[1].amount, Some(dec("1780.00")));
    // No VAT column: the single printed rate applies to every line.
    assert!(lines.iter().all(|l| l.tax_percent == Some(dec("25"))));
}

#[test]
fn text_inside_a_form_xobject_is_read() {
    let mut pdf = Pdf::new(vec![Page::new().t(50.0, 800.0, "Side 1")]);
    pdf.form = Some("BT /F1 9 Tf 50 700 Td (Fakturanr.: 4242) Tj ET BT /F1 9 Tf 50 688 Td (Fakturadato: 02.02.2026) Tj ET".to_owned());
    let text = text_capture(&pdf.build());
    assert_eq!(text.field("invoice_number"), Some("4242"));
    assert_eq!(text.field("issue_date"), Some("2026-02-02"));
}

#[test]
fn an_image_only_pdf_has_no_text_layer() {
    let mut pdf = Pdf::new(vec![Page::new()]);
    pdf.image_only = true;
    match capture(&pdf.build()) {
        Capture::NoText {
            reason_nb,
            reason_en,
        } => {
            assert!(reason_nb.contains("ikke noe tekstlag"), "{reason_nb}");
            assert!(reason_en.contains("no text layer"), "{reason_en}");
        }
        other => panic!("expected NoText, got {other:?}"),
    }
}

#[test]
fn essential_fields_not_printed_are_missing() {
    let page = Page::new()
        .text(Font::Bold, 14.0, 50.0, 800.0, "Småfirma AS")
        .t(50.0, 700.0, "Takk for handelen!")
        .t(50.0, 688.0, "Å betale: 500,00");
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(
        text.missing,
        vec!["invoice_number", "issue_date", "supplier_org"]
    );
}

#[test]
fn a_credit_note_with_negative_amounts_is_a_credit_note_with_positive_ones() {
    let page = Page::new()
        .text(Font::Bold, 16.0, 50.0, 800.0, "Nordlys Kontorrekvisita AS")
        .text(Font::Bold, 18.0, 400.0, 800.0, "KREDITNOTA")
        .t(350.0, 700.0, "Kreditnotanr.:")
        .t(450.0, 700.0, "K-17")
        .t(350.0, 688.0, "Dato:")
        .t(450.0, 688.0, "20.11.2026")
        .t(350.0, 676.0, "Gjelder faktura:")
        .t(450.0, 676.0, "2026-1042")
        .t(380.0, 490.0, "Sum eks. mva")
        .r(560.0, 490.0, "-150,00")
        .t(380.0, 476.0, "Mva 25 %")
        .r(560.0, 476.0, "-37,50")
        .t(380.0, 460.0, "Totalt")
        .r(560.0, 460.0, "-187,50")
        .text(
            Font::Helvetica,
            7.0,
            50.0,
            60.0,
            "Nordlys Kontorrekvisita AS · Org.nr. 987 654 325 MVA",
        );
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.invoice.kind, DocumentKind::CreditNote);
    assert_eq!(text.invoice.type_code.as_deref(), Some("381"));
    assert_eq!(text.field("invoice_number"), Some("K-17"));
    assert_eq!(text.field("payable_amount"), Some("-187.50"));
    assert_eq!(text.invoice.totals.payable, Some(dec("187.50")));
    assert_eq!(text.invoice.tax_total, Some(dec("37.50")));
    assert_eq!(
        text.invoice.tax_subtotals[0].taxable_amount,
        Some(dec("150.00"))
    );
}

#[test]
fn two_vat_rates_with_a_vat_table_and_a_table_continued_on_page_two() {
    let header = |page: Page, y: f32| {
        page.text(Font::Bold, 9.0, 50.0, y, "Varetekst")
            .right(Font::Bold, 9.0, 300.0, y, "Ant.")
            .text(Font::Bold, 9.0, 310.0, y, "Enh.")
            .right(Font::Bold, 9.0, 420.0, y, "á pris")
            .right(Font::Bold, 9.0, 470.0, y, "Mva")
            .right(Font::Bold, 9.0, 560.0, y, "Sum")
    };
    let row = |page: Page, y: f32, cells: [&str; 6]| {
        page.t(50.0, y, cells[0])
            .r(300.0, y, cells[1])
            .t(310.0, y, cells[2])
            .r(420.0, y, cells[3])
            .r(470.0, y, cells[4])
            .r(560.0, y, cells[5])
    };
    let mut one = Page::new()
        .text(Font::Bold, 15.0, 50.0, 800.0, "Kaffekompaniet Nord AS")
        .t(50.0, 786.0, "Havnegata 3, 9008 Tromsø")
        .t(50.0, 720.0, "Fakturamottaker:")
        .t(50.0, 708.0, "Digitools AS")
        .t(50.0, 696.0, "Sandakerveien 138")
        .t(50.0, 684.0, "0484 Oslo")
        .t(50.0, 672.0, "Deres org.nr.: 931235184")
        .t(350.0, 720.0, "Faktura nr")
        .t(450.0, 720.0, "31-0077")
        .t(350.0, 708.0, "Dato")
        .t(450.0, 708.0, "2026-11-02")
        .t(350.0, 696.0, "Betalingsbetingelser")
        .t(450.0, 696.0, "14 dager netto")
        .t(350.0, 684.0, "Kontaktperson")
        .t(450.0, 684.0, "Per Olsen");
    one = header(one, 600.0);
    one = row(
        one,
        585.0,
        ["Kaffe, hele bønner", "10", "pk", "89,00", "15 %", "890,00"],
    );
    one = row(
        one,
        571.0,
        ["Melk, laktosefri", "12", "l", "22,50", "15 %", "270,00"],
    );
    one = one.t(
        50.0,
        60.0,
        "Kaffekompaniet Nord AS  Org.nr. 987 654 325 MVA  Kontonr. 1503.12.34562",
    );
    let mut two = Page::new().t(50.0, 800.0, "Side 2 av 2");
    two = header(two, 760.0);
    two = row(
        two,
        745.0,
        [
            "Kaffetrakter Moccamaster",
            "1",
            "stk",
            "2 000,00",
            "25 %",
            "2 000,00",
        ],
    );
    two = two
        .t(350.0, 700.0, "Mva-sats")
        .right(Font::Helvetica, 9.0, 480.0, 700.0, "Grunnlag")
        .right(Font::Helvetica, 9.0, 560.0, 700.0, "Mva")
        .t(350.0, 688.0, "25 %")
        .r(480.0, 688.0, "2 000,00")
        .r(560.0, 688.0, "500,00")
        .t(350.0, 676.0, "15 %")
        .r(480.0, 676.0, "1 160,00")
        .r(560.0, 676.0, "174,00")
        .t(350.0, 650.0, "Sum eks. mva")
        .r(560.0, 650.0, "3 160,00")
        .t(350.0, 638.0, "Sum mva")
        .r(560.0, 638.0, "674,00")
        .t(350.0, 626.0, "Totalt inkl. mva")
        .r(560.0, 626.0, "3 834,00");
    let text = text_capture(&Pdf::new(vec![one, two]).compressed().build());
    assert_eq!(text.field("invoice_number"), Some("31-0077"));
    assert_eq!(text.field("issue_date"), Some("2026-11-02"));
    assert_eq!(
        text.field("due_date"),
        Some("2026-11-16"),
        "computed from the payment terms"
    );
    assert_eq!(text.field("buyer_org"), Some("931235184"));
    assert_eq!(text.field("buyer_name"), Some("Digitools AS"));
    assert_eq!(text.field("contact"), Some("Per Olsen"));
    assert_eq!(text.field("supplier_name"), Some("Kaffekompaniet Nord AS"));
    assert_eq!(text.field("lines"), Some("3"));
    assert_eq!(text.field("vat_amount"), Some("674.00"));
    assert_eq!(text.field("payable_amount"), Some("3834.00"));
    let inv = &text.invoice;
    assert_eq!(inv.lines[1].unit.as_deref(), Some("LTR"));
    assert_eq!(inv.lines[2].tax_percent, Some(dec("25")));
    let mut rates: Vec<(String, String)> = inv
        .tax_subtotals
        .iter()
        .map(|s| {
            (
                s.percent.unwrap_or_default().to_string(),
                s.taxable_amount.unwrap_or_default().to_string(),
            )
        })
        .collect();
    rates.sort();
    assert_eq!(
        rates,
        vec![
            ("15".to_owned(), "1160.00".to_owned()),
            ("25".to_owned(), "2000.00".to_owned())
        ]
    );
    let fatal: Vec<_> = check(inv, &receiver()).fatal().cloned().collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
}

#[test]
fn an_english_invoice_from_a_foreign_supplier() {
    let page = Page::new()
        .text(Font::Bold, 15.0, 50.0, 800.0, "Nordic Widgets AB")
        .t(50.0, 786.0, "Storgatan 1, 111 22 Stockholm, Sweden")
        .text(Font::Bold, 15.0, 450.0, 800.0, "INVOICE")
        .t(50.0, 720.0, "Bill to:")
        .t(50.0, 708.0, "Digitools AS, Org. no 931 235 184")
        .t(50.0, 696.0, "Sandakerveien 138, 0484 Oslo, Norway")
        .t(350.0, 720.0, "Invoice no: INV-5512")
        .t(350.0, 708.0, "Invoice date: 2 November 2026")
        .t(350.0, 696.0, "Due date: 2026-12-02")
        .t(350.0, 684.0, "Your ref: Kari Nordmann")
        .t(350.0, 672.0, "Currency: EUR")
        .text(Font::Bold, 9.0, 50.0, 600.0, "Description")
        .right(Font::Bold, 9.0, 330.0, 600.0, "Qty")
        .text(Font::Bold, 9.0, 340.0, 600.0, "Unit")
        .right(Font::Bold, 9.0, 460.0, 600.0, "Unit price")
        .right(Font::Bold, 9.0, 560.0, 600.0, "Amount")
        .t(50.0, 585.0, "Widget, blue")
        .r(330.0, 585.0, "100")
        .t(340.0, 585.0, "pcs")
        .r(460.0, 585.0, "12.50")
        .r(560.0, 585.0, "1,250.00")
        .t(380.0, 540.0, "Subtotal")
        .r(560.0, 540.0, "1,250.00")
        .t(380.0, 528.0, "VAT 25%")
        .r(560.0, 528.0, "312.50")
        .t(380.0, 516.0, "Amount due")
        .r(560.0, 516.0, "EUR 1,562.50")
        .t(50.0, 460.0, "IBAN: SE45 5000 0000 0583 9825 7466")
        .t(50.0, 448.0, "BIC: ESSESESS")
        .t(50.0, 60.0, "Nordic Widgets AB · VAT reg. no SE556036079301");
    let text = text_capture(&Pdf::new(vec![page]).build());
    assert_eq!(text.field("invoice_number"), Some("INV-5512"));
    assert_eq!(text.field("issue_date"), Some("2026-11-02"));
    assert_eq!(text.field("due_date"), Some("2026-12-02"));
    assert_eq!(text.field("buyer_name"), Some("Digitools AS"));
    assert_eq!(text.field("buyer_org"), Some("931235184"));
    assert_eq!(text.field("buyer_reference"), Some("Kari Nordmann"));
    assert_eq!(text.field("currency"), Some("EUR"));
    assert_eq!(text.field("iban"), Some("SE4550000000058398257466"));
    assert_eq!(text.field("bic"), Some("ESSESESS"));
    assert_eq!(text.field("net_amount"), Some("1250.00"));
    assert_eq!(text.field("vat_amount"), Some("312.50"));
    assert_eq!(text.field("payable_amount"), Some("1562.50"));
    assert_eq!(text.field("supplier_vat"), Some("SE556036079301"));
    assert_eq!(text.field("supplier_name"), Some("Nordic Widgets AB"));
    assert_eq!(text.invoice.lines[0].unit.as_deref(), Some("EA"));
    // A foreign supplier has no Norwegian organisation number; its VAT number identifies it,
    // so nothing essential is missing and the invoice goes on to validation.
    assert!(text.missing.is_empty(), "{:?}", text.missing);
    assert_eq!(text.invoice.supplier.country().as_deref(), Some("SE"));
    let fatal: Vec<_> = check(&text.invoice, &receiver()).fatal().cloned().collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
}

#[test]
fn an_invoice_fee_between_the_lines_and_the_totals_is_a_document_charge() {
    let page = Page::new()
        .text(Font::Bold, 14.0, 50.0, 800.0, "Lillehammer Skilt AS")
        .t(50.0, 720.0, "Faktureres til: Digitools AS")
        .t(50.0, 708.0, "Org.nr. 931 235 184")
        .t(350.0, 720.0, "Fakturanr.: 5501")
        .t(350.0, 708.0, "Fakturadato: 05.11.2026")
        .t(350.0, 696.0, "Forfallsdato: 19.11.2026")
        .t(350.0, 684.0, "Deres ref.: Kari Nordmann")
        .t(50.0, 600.0, "Beskrivelse")
        .right(Font::Helvetica, 9.0, 330.0, 600.0, "Antall")
        .t(340.0, 600.0, "Enhet")
        .right(Font::Helvetica, 9.0, 440.0, 600.0, "Pris")
        .right(Font::Helvetica, 9.0, 560.0, 600.0, "Beløp")
        .t(50.0, 585.0, "Skilt, aluminium 40x60")
        .r(330.0, 585.0, "2")
        .t(340.0, 585.0, "stk")
        .r(440.0, 585.0, "750,00")
        .r(560.0, 585.0, "1 500,00")
        .t(380.0, 550.0, "Fakturagebyr")
        .r(560.0, 550.0, "49,00")
        .t(380.0, 538.0, "Sum eks. mva")
        .r(560.0, 538.0, "1 549,00")
        .t(380.0, 526.0, "Mva 25 %")
        .r(560.0, 526.0, "387,25")
        .t(380.0, 514.0, "Å betale")
        .r(560.0, 514.0, "1 936,25")
        .t(
            50.0,
            60.0,
            "Lillehammer Skilt AS · Org.nr. 987 654 325 MVA · Kontonr. 1503.12.34562",
        );
    let text = text_capture(&Pdf::new(vec![page]).build());
    let inv = &text.invoice;
    assert_eq!(inv.totals.line_extension, Some(dec("1500.00")));
    assert_eq!(inv.totals.tax_exclusive, Some(dec("1549.00")));
    assert_eq!(inv.totals.charge_total, Some(dec("49.00")));
    assert_eq!(inv.allowance_charges.len(), 1);
    assert!(inv.allowance_charges[0].is_charge);
    assert_eq!(inv.allowance_charges[0].tax_percent, Some(dec("25")));
    let fatal: Vec<_> = check(inv, &receiver()).fatal().cloned().collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
}

#[test]
fn a_label_whose_value_cannot_be_read_is_noted_for_the_clerk() {
    let page = Page::new()
        .t(50.0, 700.0, "Fakturanr.: se vedlegg")
        .t(50.0, 688.0, "Fakturadato: 05.11.2026")
        .t(50.0, 676.0, "Org.nr. 987 654 325 MVA")
        .t(50.0, 664.0, "Å betale: 100,00");
    match capture(&Pdf::new(vec![page]).build()) {
        Capture::Text { missing, notes, .. } => {
            assert_eq!(missing, vec!["invoice_number"]);
            assert!(
                notes.iter().any(|n| n.contains("Fakturanr.: se vedlegg")),
                "{notes:?}"
            );
        }
        other => panic!("expected text, got {other:?}"),
    }
}

const FACTUR_X: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
    xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>FX-2026-77</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20261115</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Takk for handelen &amp; velkommen tilbake</ram:Content></ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:SellerAssignedID>P-1</ram:SellerAssignedID><ram:Name>Skrivebordslampe</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>400.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="EA">2</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>25</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>800.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>Kari Nordmann</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:Name>Lys og Lampe AS</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0192">987654325</ram:ID></ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress><ram:PostcodeCode>0155</ram:PostcodeCode><ram:LineOne>Storgata 1</ram:LineOne><ram:CityName>Oslo</ram:CityName><ram:CountryID>NO</ram:CountryID></ram:PostalTradeAddress>
        <ram:URIUniversalCommunication><ram:URIID schemeID="0192">987654325</ram:URIID></ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">NO987654325MVA</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Digitools AS</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0192">931235184</ram:ID></ram:SpecifiedLegalOrganization>
        <ram:DefinedTradeContact><ram:PersonName>Kari Nordmann</ram:PersonName></ram:DefinedTradeContact>
        <ram:PostalTradeAddress><ram:CountryID>NO</ram:CountryID></ram:PostalTradeAddress>
      </ram:BuyerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>PO-9</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>0020261077</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>NOK</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>30</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>15031234562</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>200.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>800.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>25</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms><ram:Description>14 dager netto</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20261129</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>800.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>800.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">17.50</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="NOK">200.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>1000.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>1000.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>"#;

#[test]
fn embedded_factur_x_is_read_as_structured_cii() {
    let pdf = Pdf::new(norwegian_invoice())
        .embed("factur-x.xml", FACTUR_X.as_bytes())
        .build();
    let Capture::Structured {
        format,
        filename,
        xml,
        invoice,
        notes,
    } = capture(&pdf)
    else {
        panic!("expected a structured capture");
    };
    assert_eq!(format, StructuredFormat::Cii);
    assert_eq!(filename.as_deref(), Some("factur-x.xml"));
    assert_eq!(xml, FACTUR_X.as_bytes());
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(invoice.number.as_deref(), Some("FX-2026-77"));
    assert_eq!(invoice.kind, DocumentKind::Invoice);
    assert_eq!(
        invoice.issue_date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-15")
    );
    assert_eq!(
        invoice.due_date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-29")
    );
    assert_eq!(invoice.notes, vec!["Takk for handelen & velkommen tilbake"]);
    assert_eq!(
        invoice.customization_id.as_deref(),
        Some("urn:cen.eu:en16931:2017")
    );
    assert_eq!(
        invoice.supplier.registration_name.as_deref(),
        Some("Lys og Lampe AS")
    );
    assert_eq!(
        invoice
            .supplier
            .vat_registration()
            .map(|t| t.company_id.as_str()),
        Some("NO987654325MVA")
    );
    assert_eq!(
        invoice.supplier.endpoint.as_ref().map(|e| e.value.as_str()),
        Some("987654325")
    );
    assert_eq!(
        invoice.customer.legal_id.as_ref().map(|e| e.value.as_str()),
        Some("931235184")
    );
    assert_eq!(
        invoice.customer.contact.name.as_deref(),
        Some("Kari Nordmann")
    );
    assert_eq!(invoice.order_reference.as_deref(), Some("PO-9"));
    assert_eq!(
        invoice.payment_means[0].account.as_deref(),
        Some("15031234562")
    );
    assert_eq!(
        invoice.payment_means[0].payment_id.as_deref(),
        Some("0020261077")
    );
    assert_eq!(invoice.tax_total, Some(dec("200.00")));
    assert_eq!(invoice.tax_total_in_tax_currency, Some(dec("17.50")));
    assert_eq!(invoice.tax_subtotals[0].taxable_amount, Some(dec("800.00")));
    assert_eq!(invoice.totals.line_extension, Some(dec("800.00")));
    assert_eq!(invoice.totals.tax_inclusive, Some(dec("1000.00")));
    assert_eq!(invoice.totals.payable, Some(dec("1000.00")));
    assert_eq!(invoice.lines[0].quantity, Some(dec("2")));
    assert_eq!(invoice.lines[0].unit.as_deref(), Some("EA"));
    assert_eq!(invoice.lines[0].price, Some(dec("400.00")));
    assert_eq!(invoice.lines[0].sellers_item_id.as_deref(), Some("P-1"));
    assert!(invoice.field_errors.is_empty());
    let fatal: Vec<_> = check(&invoice, &receiver()).fatal().cloned().collect();
    assert!(fatal.is_empty(), "{fatal:#?}");
}

#[test]
fn a_cii_credit_note_and_bad_values_become_field_errors() {
    let xml = FACTUR_X
        .replace(
            "<ram:TypeCode>380</ram:TypeCode>",
            "<ram:TypeCode>381</ram:TypeCode>",
        )
        .replace(
            "<ram:DuePayableAmount>1000.00<",
            "<ram:DuePayableAmount>1 000,00<",
        )
        .replace(">20261129<", ">29.11.2026<");
    let pdf = Pdf::new(vec![Page::new()])
        .embed("zugferd-invoice.xml", xml.as_bytes())
        .build();
    let Capture::Structured { invoice, .. } = capture(&pdf) else {
        panic!("expected structured");
    };
    assert_eq!(invoice.kind, DocumentKind::CreditNote);
    let fields: Vec<&str> = invoice
        .field_errors
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(
        fields,
        vec![
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString",
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount",
        ]
    );
}

#[test]
fn broken_embedded_xml_falls_back_to_the_text_layer_with_a_note() {
    let broken = FACTUR_X.replace("</rsm:ExchangedDocument>", "");
    let pdf = Pdf::new(norwegian_invoice())
        .embed("factur-x.xml", broken.as_bytes())
        .build();
    match capture(&pdf) {
        Capture::Text { fields, notes, .. } => {
            assert!(
                fields
                    .iter()
                    .any(|f| f.field == "invoice_number" && f.value == "2026-1042")
            );
            assert_eq!(notes.len(), 1, "{notes:?}");
            assert!(
                notes[0].contains("factur-x.xml") && notes[0].contains(" / "),
                "{}",
                notes[0]
            );
        }
        other => panic!("expected text, got {other:?}"),
    }
}

#[test]
fn the_xml_root_decides_not_the_file_name() {
    let ubl = include_bytes!("../../../fixtures/ehf/02-valid-credit-note.xml");
    // A UBL credit note under a Factur-X name, and an unrelated XML under another.
    let pdf = Pdf::new(vec![Page::new()])
        .embed(
            "metadata.xml",
            b"<?xml version=\"1.0\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>",
        )
        .embed("factur-x.xml", ubl)
        .build();
    let Capture::Structured {
        format,
        filename,
        invoice,
        ..
    } = capture(&pdf)
    else {
        panic!("expected structured");
    };
    assert_eq!(format, StructuredFormat::Ubl);
    assert_eq!(filename.as_deref(), Some("factur-x.xml"));
    assert_eq!(invoice.kind, DocumentKind::CreditNote);
}

#[test]
fn embedded_ubl_is_read_as_structured_ubl() {
    let ubl = include_bytes!("../../../fixtures/ehf/03-sbdh-valid-invoice.xml");
    let pdf = Pdf::new(norwegian_invoice())
        .embed("invoice.xml", ubl)
        .build();
    let Capture::Structured {
        format, invoice, ..
    } = capture(&pdf)
    else {
        panic!("expected structured");
    };
    assert_eq!(format, StructuredFormat::Ubl);
    let direct = mottak_ehf::parse(ubl, &mottak_ehf::Limits::default()).expect("fixture parses");
    assert_eq!(invoice, direct.invoice);
}

#[test]
fn not_a_pdf_is_no_text_with_a_reason() {
    match capture(b"%PDF-1.7\nthis is not really a pdf") {
        Capture::NoText {
            reason_nb,
            reason_en,
        } => {
            assert!(!reason_nb.is_empty() && !reason_en.is_empty());
        }
        other => panic!("expected NoText, got {other:?}"),
    }
}

fn mutate(bytes: &[u8], edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for (pos, value) in edits {
        if !out.is_empty() {
            let len = out.len();
            out[pos % len] = *value;
        }
    }
    if let Some(cut) = cut
        && !out.is_empty()
    {
        out.truncate(cut % out.len());
    }
    out
}

fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn capture_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = capture(&bytes);
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend(&bytes);
        let _ = capture(&pdf);
    }

    #[test]
    fn capture_never_panics_on_damaged_pdfs(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..12),
        cut in proptest::option::of(any::<usize>()),
        compressed in any::<bool>(),
        embedded in any::<bool>(),
    ) {
        let mut pdf = Pdf::new(norwegian_invoice());
        if compressed {
            pdf = pdf.compressed();
        }
        if embedded {
            pdf = pdf.embed("factur-x.xml", FACTUR_X.as_bytes());
        }
        let damaged = mutate(&pdf.build(), &edits, cut);
        let _ = capture(&damaged);
    }
}
