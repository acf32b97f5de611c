//! The canonical invoice / credit note as received, before any rule has judged it.
//!
//! Every field is kept as the supplier wrote it (trimmed), because a document that breaks the
//! rules must still be stored, shown to a clerk and answered. Values that must be valid to be
//! used (organisation numbers, bank accounts, ...) are parsed into the newtypes of [`crate::ids`]
//! by the rules that rely on them; see `mottak-rules`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Invoice or credit note (UBL root element).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentKind {
    Invoice,
    CreditNote,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "Invoice",
            DocumentKind::CreditNote => "CreditNote",
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An identifier with its optional scheme (`schemeID` attribute), e.g. `0192` + `931235184`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Identifier {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Address {
    pub street: Option<String>,
    pub additional_street: Option<String>,
    pub city: Option<String>,
    pub postal_zone: Option<String>,
    /// ISO 3166-1 alpha-2 country code as written.
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub telephone: Option<String>,
    pub email: Option<String>,
}

/// A `cac:PartyTaxScheme`: a tax registration such as `NO987654325MVA` under scheme `VAT`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TaxRegistration {
    pub company_id: String,
    pub scheme: Option<String>,
}

/// Seller, buyer or payee.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Party {
    /// `cbc:EndpointID` (Peppol electronic address).
    pub endpoint: Option<Identifier>,
    /// `cac:PartyIdentification/cbc:ID`.
    pub identifiers: Vec<Identifier>,
    /// `cac:PartyName/cbc:Name` (trading name).
    pub name: Option<String>,
    /// `cac:PartyLegalEntity/cbc:RegistrationName` (legal name).
    pub registration_name: Option<String>,
    /// `cac:PartyLegalEntity/cbc:CompanyID` (organisation number).
    pub legal_id: Option<Identifier>,
    /// `cac:PartyTaxScheme` entries.
    pub tax_registrations: Vec<TaxRegistration>,
    pub address: Address,
    pub contact: Contact,
}

impl Party {
    /// The name to show: legal name, else trading name.
    pub fn display_name(&self) -> Option<&str> {
        self.registration_name.as_deref().or(self.name.as_deref())
    }

    /// The VAT registration (`cac:TaxScheme/cbc:ID` = `VAT`), if any.
    pub fn vat_registration(&self) -> Option<&TaxRegistration> {
        self.tax_registrations.iter().find(|t| {
            t.scheme
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("VAT"))
        })
    }

    /// Country code of the postal address, upper-cased.
    pub fn country(&self) -> Option<String> {
        self.address
            .country
            .as_ref()
            .map(|c| c.trim().to_ascii_uppercase())
    }
}

/// `cac:PaymentMeans`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PaymentMeans {
    /// UNCL4461 code, e.g. `30` credit transfer, `58` SEPA credit transfer.
    pub code: Option<String>,
    /// `cbc:PaymentID`: in Norway the KID number.
    pub payment_id: Option<String>,
    /// `cac:PayeeFinancialAccount/cbc:ID`: Norwegian account number or IBAN.
    pub account: Option<String>,
    pub account_name: Option<String>,
    /// `cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID`: BIC.
    pub bic: Option<String>,
    /// `cbc:PaymentDueDate` (credit notes carry their due date here).
    pub due_date: Option<Date>,
}

/// A document-level or line-level allowance (discount) or charge (fee).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AllowanceCharge {
    /// `true` for a charge (e.g. environmental fee), `false` for an allowance.
    pub is_charge: bool,
    pub reason_code: Option<String>,
    pub reason: Option<String>,
    pub amount: Option<Decimal>,
    pub base_amount: Option<Decimal>,
    pub multiplier: Option<Decimal>,
    /// VAT category code (document level only), e.g. `S`.
    pub tax_category: Option<String>,
    pub tax_percent: Option<Decimal>,
}

/// `cac:TaxTotal/cac:TaxSubtotal`: the VAT breakdown per category and rate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TaxSubtotal {
    pub taxable_amount: Option<Decimal>,
    pub tax_amount: Option<Decimal>,
    pub category: Option<String>,
    pub percent: Option<Decimal>,
    pub exemption_reason: Option<String>,
    pub exemption_reason_code: Option<String>,
}

/// `cac:LegalMonetaryTotal`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MonetaryTotals {
    pub line_extension: Option<Decimal>,
    pub tax_exclusive: Option<Decimal>,
    pub tax_inclusive: Option<Decimal>,
    pub allowance_total: Option<Decimal>,
    pub charge_total: Option<Decimal>,
    pub prepaid: Option<Decimal>,
    pub rounding: Option<Decimal>,
    pub payable: Option<Decimal>,
}

/// `cac:InvoiceLine` / `cac:CreditNoteLine`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InvoiceLine {
    pub id: Option<String>,
    pub note: Option<String>,
    /// `cbc:InvoicedQuantity` / `cbc:CreditedQuantity`.
    pub quantity: Option<Decimal>,
    /// `unitCode` of the quantity (UN/ECE Rec 20), e.g. `EA`, `HUR`, `C62`.
    pub unit: Option<String>,
    /// `cbc:LineExtensionAmount`: the line's net amount.
    pub amount: Option<Decimal>,
    pub accounting_cost: Option<String>,
    pub order_line_reference: Option<String>,
    /// `cac:Item/cbc:Name`.
    pub item_name: Option<String>,
    /// `cac:Item/cbc:Description`.
    pub item_description: Option<String>,
    pub sellers_item_id: Option<String>,
    /// `cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode`.
    pub classifications: Vec<Identifier>,
    /// `cac:Item/cac:ClassifiedTaxCategory`.
    pub tax_category: Option<String>,
    pub tax_percent: Option<Decimal>,
    /// `cac:Price/cbc:PriceAmount`: net unit price.
    pub price: Option<Decimal>,
    /// `cac:Price/cbc:BaseQuantity`.
    pub base_quantity: Option<Decimal>,
    /// Line-level allowances and charges.
    pub allowance_charges: Vec<AllowanceCharge>,
}

impl InvoiceLine {
    /// The line description a clerk reads: the item name, else its description.
    pub fn description(&self) -> Option<&str> {
        self.item_name
            .as_deref()
            .or(self.item_description.as_deref())
    }
}

/// What the bytes of an attachment turned out to be.
pub use crate::filetype::FileType;

/// An attachment (`cac:AdditionalDocumentReference`), embedded or linked. The decoded bytes
/// are not part of the model: they are stored by their SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attachment {
    /// `cbc:ID` of the document reference.
    pub id: Option<String>,
    pub description: Option<String>,
    pub filename: Option<String>,
    /// The `mimeCode` attribute as declared.
    pub declared_mime: Option<String>,
    /// The type detected from the decoded bytes.
    pub detected: Option<FileType>,
    /// Lowercase hex SHA-256 of the decoded bytes.
    pub sha256: Option<String>,
    pub size: Option<u64>,
    /// `cac:ExternalReference/cbc:URI` for linked attachments.
    pub external_uri: Option<String>,
    /// Why the embedded bytes could not be used (corrupt Base64, too large, type mismatch).
    pub problem: Option<AttachmentProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AttachmentProblem {
    /// The Base64 text could not be decoded.
    CorruptBase64 { detail: String },
    /// The decoded attachment is larger than the configured limit.
    TooLarge { size: u64, limit: u64 },
    /// The bytes are not of the declared `mimeCode`.
    TypeMismatch {
        declared: String,
        detected: FileType,
    },
    /// The declared `mimeCode` is not one Peppol BIS Billing 3.0 allows.
    MimeNotAllowed { declared: String },
}

/// What the SBDH envelope said about the transport, when the document came wrapped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Envelope {
    pub sender: Option<Identifier>,
    pub receiver: Option<Identifier>,
    /// `DocumentIdentification/InstanceIdentifier`.
    pub instance_id: Option<String>,
    /// `DocumentIdentification/Standard` + `Type`.
    pub standard: Option<String>,
    pub document_type: Option<String>,
    /// The `DOCUMENTID` / `PROCESSID` scopes of the business scope, when present.
    pub document_id_scope: Option<String>,
    pub process_id_scope: Option<String>,
}

/// A value that was present but could not be read as its type (e.g. `12,5` as an amount,
/// `31.12.2025` as a date). Kept so the supplier is told precisely what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Element path, e.g. `cac:LegalMonetaryTotal/cbc:PayableAmount`.
    pub field: String,
    pub value: String,
    pub expected: String,
}

/// The canonical invoice or credit note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub kind: DocumentKind,
    pub customization_id: Option<String>,
    pub profile_id: Option<String>,
    /// `cbc:ID`: the invoice number.
    pub number: Option<String>,
    pub issue_date: Option<Date>,
    /// `cbc:DueDate` (invoices), else the first `cac:PaymentMeans/cbc:PaymentDueDate`.
    pub due_date: Option<Date>,
    /// `cbc:InvoiceTypeCode` / `cbc:CreditNoteTypeCode` (UNCL1001, e.g. 380, 381).
    pub type_code: Option<String>,
    /// `cbc:DocumentCurrencyCode`.
    pub currency: Option<String>,
    pub tax_currency: Option<String>,
    pub notes: Vec<String>,
    pub buyer_reference: Option<String>,
    pub order_reference: Option<String>,
    pub sales_order_reference: Option<String>,
    pub contract_reference: Option<String>,
    pub project_reference: Option<String>,
    /// `cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID`: invoices a credit note corrects.
    pub billing_references: Vec<String>,
    pub accounting_cost: Option<String>,
    pub supplier: Party,
    pub customer: Party,
    pub payee: Option<Party>,
    pub payment_means: Vec<PaymentMeans>,
    pub payment_terms: Option<String>,
    pub allowance_charges: Vec<AllowanceCharge>,
    /// Total VAT in the document currency (`cac:TaxTotal/cbc:TaxAmount` whose `currencyID`
    /// is the document currency).
    pub tax_total: Option<Decimal>,
    /// Total VAT in the tax currency, when one is given.
    pub tax_total_in_tax_currency: Option<Decimal>,
    pub tax_subtotals: Vec<TaxSubtotal>,
    pub totals: MonetaryTotals,
    pub lines: Vec<InvoiceLine>,
    pub attachments: Vec<Attachment>,
    pub envelope: Option<Envelope>,
    pub field_errors: Vec<FieldError>,
}

impl Invoice {
    /// An empty document of the given kind; the parser fills it in.
    pub fn empty(kind: DocumentKind) -> Invoice {
        Invoice {
            kind,
            customization_id: None,
            profile_id: None,
            number: None,
            issue_date: None,
            due_date: None,
            type_code: None,
            currency: None,
            tax_currency: None,
            notes: Vec::new(),
            buyer_reference: None,
            order_reference: None,
            sales_order_reference: None,
            contract_reference: None,
            project_reference: None,
            billing_references: Vec::new(),
            accounting_cost: None,
            supplier: Party::default(),
            customer: Party::default(),
            payee: None,
            payment_means: Vec::new(),
            payment_terms: None,
            allowance_charges: Vec::new(),
            tax_total: None,
            tax_total_in_tax_currency: None,
            tax_subtotals: Vec::new(),
            totals: MonetaryTotals::default(),
            lines: Vec::new(),
            attachments: Vec::new(),
            envelope: None,
            field_errors: Vec::new(),
        }
    }

    /// The supplier as a clerk names it.
    pub fn supplier_name(&self) -> Option<&str> {
        self.supplier.display_name()
    }
}
