//! What travels between the stages. Bodies are JSON except the raw document (its bytes as
//! received) and the Invoice Response (its XML). Every message carries the document id as
//! its AMQP `message_id`, which makes redeliveries recognisable.

use mottak_invoice::Invoice;
use mottak_invoice::posting::JournalLine;
use serde::{Deserialize, Serialize};

/// Where a document came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// EHF / Peppol BIS Billing 3.0 from an access point.
    Ehf,
    /// An e-mail (RFC 5322 message) to the invoice address.
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Ehf => "ehf",
            Channel::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        [Channel::Ehf, Channel::Email]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// A document as handed over for reception: its bytes exactly as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    pub document_id: String,
    pub channel: Channel,
    /// File name or other origin, for clerks.
    pub source_name: Option<String>,
    /// When it was ingested, µs since the epoch.
    pub ingested_us: i64,
    pub bytes: Vec<u8>,
}

/// A parsed document on its way to validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToValidate {
    pub document_id: String,
    pub ingested_us: i64,
    pub invoice: Invoice,
    /// SHA-256 of the stored UBL document the official EN16931 / Peppol rules apply to:
    /// the EHF document itself, or UBL embedded in an e-mailed PDF. `None` for invoices read
    /// from a PDF's text layer or from Factur-X (CII) data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ubl_sha256: Option<String>,
}

/// An approved invoice on its way to the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToPost {
    pub document_id: String,
    pub ingested_us: i64,
    pub supplier_key: String,
    pub invoice: Invoice,
}

/// The `ledger.posted` event for ERP integration (documented in README.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerPosted {
    /// Always `ledger.posted`.
    pub event: String,
    /// Stable per journal entry: a re-sent event has the same id.
    pub event_id: String,
    pub document_id: String,
    pub entry_id: String,
    /// `Invoice` or `CreditNote`.
    pub kind: String,
    pub invoice_number: String,
    pub issue_date: String,
    pub due_date: Option<String>,
    pub supplier: SupplierRef,
    pub currency: String,
    /// Amount owed to the supplier, decimal string (negative for a credit note).
    pub payable: String,
    pub buyer_reference: Option<String>,
    pub order_reference: Option<String>,
    /// KID / payment id, and the account to pay to.
    pub payment_id: Option<String>,
    pub payment_account: Option<String>,
    /// BIC of the payment account (foreign suppliers).
    pub payment_bic: Option<String>,
    pub lines: Vec<JournalLine>,
    pub ingested_us: i64,
    pub posted_us: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierRef {
    pub key: String,
    pub name: Option<String>,
    pub org_number: Option<String>,
}
