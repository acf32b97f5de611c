//! EHF / Peppol BIS Billing 3.0 for the receiving side: reading incoming UBL Invoice and
//! CreditNote documents into the canonical [`mottak_invoice::Invoice`], and writing the
//! Peppol BIS Invoice Response 3.0 that tells a supplier what happened to an invoice.
//!
//! No I/O: both directions are plain functions over bytes and strings.

mod parse;
mod response;
mod response_rules;

pub use parse::{
    ALLOWED_MIME_CODES, DecodedAttachment, EncodingProblem, Limits, ParseError, ParsedDocument,
    Position, XmlProblem, parse,
};
pub use response::{
    DocumentRef, INVOICE_RESPONSE_CUSTOMIZATION_ID, INVOICE_RESPONSE_PROFILE_ID, InvoiceResponse,
    ResponseParty, StatusReason, invoice_response,
};
pub use response_rules::{T111Violation, check_invoice_response};
