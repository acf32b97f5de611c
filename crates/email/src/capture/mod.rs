//! Read an accepted PDF into the domain invoice.
//!
//! [`capture_pdf`] looks for structured data first: a Factur-X / ZUGFeRD / XRechnung CII
//! invoice or a UBL/EHF invoice embedded in the PDF (`/Names /EmbeddedFiles`, `/AF`, see
//! `embedded.rs`), decided by the XML's root element, read by `cii.rs` or
//! `mottak_ehf::parse`. Without one, the text layer is read with its layout (`text.rs`, with
//! `font.rs` and `glyphs.rs` for decoding) and a Norwegian invoice's printed fields are
//! picked out of it (`labels.rs`, `fields.rs`, `table.rs`, `values.rs`). A PDF without a text
//! layer (a scan) is for a clerk to capture.
//!
//! The pipeline's contract:
//!
//! ```ignore
//! pub fn capture_pdf(pdf: &[u8], limits: &mottak_ehf::Limits) -> Capture;
//! pub enum Capture {
//!     Structured { format: StructuredFormat, filename: Option<String>, xml: Vec<u8>, invoice: Invoice, notes: Vec<String> },
//!     Text { invoice: Invoice, fields: Vec<CapturedField>, missing: Vec<&'static str>, notes: Vec<String> },
//!     NoText { reason_nb: String, reason_en: String },
//! }
//! ```
//!
//! `capture_pdf` never panics: every value read from the file is bounded and checked, and as
//! a last line of defence a panic inside the third-party PDF parser is caught and reported as
//! an unreadable PDF.

mod cii;
mod embedded;
mod fields;
mod font;
mod glyphs;
mod labels;
mod summary;
mod table;
mod text;
mod values;

pub use summary::fields_from_invoice;

use mottak_invoice::Invoice;
use rust_decimal::Decimal;
use serde::Serialize;

use embedded::XmlKind;

/// The kind of structured invoice found inside a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StructuredFormat {
    /// UBL 2.1 Invoice / CreditNote (EHF, Peppol BIS), bare or in an SBDH envelope.
    Ubl,
    /// UN/CEFACT Cross Industry Invoice (Factur-X, ZUGFeRD, XRechnung CII).
    Cii,
}

/// One field read from the text layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapturedField {
    /// The field's name, e.g. `invoice_number` (see [`FIELD_NAMES`]).
    pub field: &'static str,
    /// The normalised value: dates `YYYY-MM-DD`, amounts `1234.50`, organisation numbers 9
    /// digits, bank accounts 11 digits.
    pub value: String,
    /// 1-based page the value was read on.
    pub page: u32,
    /// The printed line (label and value) it was read from, or how it was implied.
    pub found: String,
}

/// Every field name the text reader records, in the order it reports them.
pub const FIELD_NAMES: &[&str] = &[
    "invoice_number",
    "issue_date",
    "due_date",
    "supplier_name",
    "supplier_org",
    "supplier_vat",
    "bank_account",
    "iban",
    "bic",
    "kid",
    "currency",
    "buyer_name",
    "buyer_org",
    "buyer_reference",
    "seller_reference",
    "order_reference",
    "contact",
    "net_amount",
    "vat_amount",
    "payable_amount",
    "lines",
];

/// The fields without which nothing about a text-layer invoice can be validated: when one of
/// them is missing, a clerk captures the document rather than the supplier being told off
/// for our failure to read it. (A foreign supplier's VAT number stands in for
/// `supplier_org`.)
pub const ESSENTIAL_FIELDS: &[&str] = &[
    "invoice_number",
    "issue_date",
    "supplier_org",
    "payable_amount",
];

/// What a PDF invoice turned out to hold.
#[derive(Debug, Clone)]
pub enum Capture {
    /// Embedded structured invoice (Factur-X / ZUGFeRD CII, or UBL/EHF) found in
    /// `/Names/EmbeddedFiles` or `/AF`.
    Structured {
        format: StructuredFormat,
        filename: Option<String>,
        xml: Vec<u8>,
        invoice: Invoice,
        notes: Vec<String>,
    },
    /// Read from the text layer. `missing` names essential fields not found
    /// ([`ESSENTIAL_FIELDS`]).
    Text {
        invoice: Invoice,
        fields: Vec<CapturedField>,
        missing: Vec<&'static str>,
        notes: Vec<String>,
    },
    /// No usable text layer (a scan / image-only PDF): a clerk must capture it.
    NoText {
        reason_nb: String,
        reason_en: String,
    },
}

/// Reads an accepted PDF: embedded structured data first, else the text layer.
pub fn capture_pdf(pdf: &[u8], limits: &mottak_ehf::Limits) -> Capture {
    // lopdf is written to return errors on bad input, but it is a large third-party parser
    // fed with bytes from strangers: a panic inside it must not take the intake stage down.
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| capture_inner(pdf, limits)));
    result.unwrap_or_else(|_| Capture::NoText {
        reason_nb: "PDF-en kunne ikke leses (intern feil i PDF-leseren); en saksbehandler må registrere fakturaen.".to_owned(),
        reason_en: "The PDF could not be read (internal error in the PDF reader); a clerk must capture the invoice.".to_owned(),
    })
}

/// The text layer as lines, cells separated by a tab and pages by a form feed: what a clerk
/// sees when capturing a document by hand. Empty when the PDF cannot be read.
pub fn text_layer(pdf: &[u8]) -> String {
    let result = std::panic::catch_unwind(|| {
        let Some(doc) = load(pdf, usize::MAX) else {
            return String::new();
        };
        let layer = text::read(&doc, text::TextLimits::default());
        layer
            .pages
            .iter()
            .map(|page| {
                page.lines
                    .iter()
                    .map(|l| {
                        l.cells
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n\u{c}\n")
    });
    result.unwrap_or_default()
}

fn load(pdf: &[u8], max_decompressed: usize) -> Option<lopdf::Document> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(max_decompressed.min(256 << 20));
    lopdf::Document::load_mem_with_options(pdf, options).ok()
}

fn capture_inner(pdf: &[u8], limits: &mottak_ehf::Limits) -> Capture {
    let max_bytes = usize::try_from(limits.max_document_bytes).unwrap_or(usize::MAX);
    if pdf.len() > max_bytes {
        return Capture::NoText {
            reason_nb: format!(
                "PDF-en er {} byte, mer enn grensen på {max_bytes}; en saksbehandler må registrere fakturaen.",
                pdf.len()
            ),
            reason_en: format!(
                "The PDF is {} bytes, over the limit of {max_bytes}; a clerk must capture the invoice.",
                pdf.len()
            ),
        };
    }
    let Some(doc) = load(pdf, max_bytes) else {
        return Capture::NoText {
            reason_nb: "PDF-en kunne ikke åpnes (skadet, kryptert med passord eller ikke en PDF); en saksbehandler må registrere fakturaen.".to_owned(),
            reason_en: "The PDF could not be opened (damaged, password-encrypted or not a PDF); a clerk must capture the invoice.".to_owned(),
        };
    };

    let mut notes = Vec::new();
    for file in embedded::files(&doc, max_bytes) {
        let label = file
            .name
            .clone()
            .unwrap_or_else(|| "(uten navn / unnamed)".to_owned());
        let bytes = match file.bytes {
            Ok(bytes) => bytes,
            Err(why) => {
                notes.push(format!("Vedlagt fil «{label}» ble ikke lest: {why}"));
                continue;
            }
        };
        match embedded::classify(&bytes) {
            XmlKind::Cii => match cii::parse(&bytes, limits) {
                Ok(invoice) => {
                    return Capture::Structured {
                        format: StructuredFormat::Cii,
                        filename: file.name,
                        xml: bytes,
                        invoice,
                        notes,
                    };
                }
                Err(err) => notes.push(format!(
                    "Innebygd CII-faktura «{label}» kunne ikke leses, tekstlaget brukes / \
                     embedded CII invoice «{label}» could not be read, the text layer is used: {}",
                    err.message()
                )),
            },
            XmlKind::Ubl => match mottak_ehf::parse(&bytes, limits) {
                Ok(parsed) => {
                    return Capture::Structured {
                        format: StructuredFormat::Ubl,
                        filename: file.name,
                        xml: bytes,
                        invoice: parsed.invoice,
                        notes,
                    };
                }
                Err(err) => notes.push(format!(
                    "Innebygd UBL/EHF-faktura «{label}» kunne ikke leses, tekstlaget brukes / \
                     embedded UBL/EHF invoice «{label}» could not be read, the text layer is used: {}",
                    err.message()
                )),
            },
            XmlKind::Other | XmlKind::Unreadable => {}
        }
    }

    if doc.is_encrypted() || doc.get_pages().is_empty() {
        let (nb, en) = if doc.is_encrypted() {
            (
                "PDF-en er kryptert og kan ikke leses",
                "The PDF is encrypted and cannot be read",
            )
        } else {
            (
                "PDF-en har ingen sider som kan leses",
                "The PDF has no pages that can be read",
            )
        };
        return Capture::NoText {
            reason_nb: format!("{nb}; en saksbehandler må registrere fakturaen."),
            reason_en: format!("{en}; a clerk must capture the invoice."),
        };
    }
    let layer = text::read(&doc, text::TextLimits::default());
    if layer.truncated {
        notes.push(
            "Tekstlaget er for stort og ble bare delvis lest / \
             the text layer is too large and was read only in part"
                .to_owned(),
        );
    }
    if layer.alphanumerics() < MIN_ALPHANUMERICS {
        return no_text(&layer);
    }
    let read = fields::read(&layer.pages);
    notes.extend(read.notes);
    Capture::Text {
        invoice: read.invoice,
        fields: read.fields,
        missing: read.missing,
        notes,
    }
}

/// Fewer letters and digits than this is no text layer (a scan with a stamped page number).
const MIN_ALPHANUMERICS: usize = 10;

fn no_text(layer: &text::TextLayer) -> Capture {
    if layer.undecoded > 0 {
        return Capture::NoText {
            reason_nb: format!(
                "PDF-en har tekst, men skriftene mangler tegnkoding (ToUnicode), så teksten kan ikke leses ({} tegn); en saksbehandler må registrere fakturaen.",
                layer.undecoded
            ),
            reason_en: format!(
                "The PDF has text, but its fonts lack a character mapping (ToUnicode), so the text cannot be read ({} glyphs); a clerk must capture the invoice.",
                layer.undecoded
            ),
        };
    }
    let pages = layer.page_count;
    let images = layer.images;
    Capture::NoText {
        reason_nb: format!(
            "PDF-en har ikke noe tekstlag (skannet bilde: {pages} side(r), {images} bilde(r)); en saksbehandler må registrere fakturaen."
        ),
        reason_en: format!(
            "The PDF has no text layer (a scanned image: {pages} page(s), {images} image(s)); a clerk must capture the invoice."
        ),
    }
}

/// Rounds a derived amount to the øre, half away from zero.
fn money_round(amount: Decimal) -> Decimal {
    mottak_invoice::money::round_half_away(amount, 2)
}
