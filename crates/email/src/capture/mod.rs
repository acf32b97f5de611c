//! Read an accepted PDF into the domain invoice.
//!
//! CONTRACT (used by mottak-pipeline; keep these names and shapes):
//!
//! ```ignore
//! pub fn capture_pdf(pdf: &[u8], limits: &mottak_ehf::Limits) -> Capture;
//! pub enum Capture {
//!     /// Embedded structured invoice (Factur-X / ZUGFeRD CII, or UBL/EHF).
//!     Structured { format: StructuredFormat, filename: Option<String>, xml: Vec<u8>, invoice: Invoice, notes: Vec<String> },
//!     /// Read from the text layer; `missing` names essential fields not found.
//!     Text { invoice: Invoice, fields: Vec<CapturedField>, missing: Vec<&'static str>, notes: Vec<String> },
//!     /// No usable text layer (a scan): a clerk must capture it.
//!     NoText { reason_nb: String, reason_en: String },
//! }
//! pub enum StructuredFormat { Ubl, Cii }
//! pub struct CapturedField { pub field: &'static str, pub value: String, pub page: u32, pub found: String }
//! ```
