//! Mapping the elements of a UBL Invoice / CreditNote onto the canonical [`Invoice`], one
//! element at a time, by matching the element's path below the document root.
//!
//! Repeated groups (lines, payment means, allowances, ...) get a new entry when their start
//! tag is seen; the values inside them fill the last entry when their end tag is seen. The
//! patterns are exact, so an `AllowanceCharge` under `cac:Price` never lands on the line,
//! and nothing below an unknown element (e.g. `ext:UBLExtensions`) matches at all.

use std::mem;

use mottak_invoice::{
    AllowanceCharge, Attachment, DocumentKind, Envelope, FieldError, Identifier, Invoice,
    InvoiceLine, Party, PaymentMeans, TaxRegistration, TaxSubtotal,
};
use rust_decimal::Decimal;
use time::Date;

use super::attachment::Base64Text;
use super::tags::Tag as T;
use super::values;
use super::{Capture, DecodedAttachment, LeafAttrs, ParsedDocument};

/// A `cac:TaxTotal` until the end of the document, when the document currency is known
/// for certain and the one in that currency can be chosen.
#[derive(Debug, Default)]
struct TaxTotalDraft {
    amount: Option<Decimal>,
    currency: Option<String>,
    subtotals: Vec<TaxSubtotal>,
}

/// Builds the invoice while the reader walks the document.
#[derive(Debug)]
pub(crate) struct DocBuilder {
    inv: Invoice,
    tax_totals: Vec<TaxTotalDraft>,
    /// Whether the document has a (non-empty) root `cbc:DueDate`.
    due_date_given: bool,
    /// The Base64 text of the embedded attachment being read, if any.
    base64: Option<Base64Text>,
    decoded: Vec<DecodedAttachment>,
    attachment_limit: u64,
}

impl DocBuilder {
    pub(crate) fn new(kind: DocumentKind, attachment_limit: u64) -> DocBuilder {
        DocBuilder {
            inv: Invoice::empty(kind),
            tax_totals: Vec::new(),
            due_date_given: false,
            base64: None,
            decoded: Vec::new(),
            attachment_limit,
        }
    }

    /// An element starts; `path` runs from the child of the root to this element.
    /// Returns what to do with the element's text.
    pub(crate) fn start(&mut self, path: &[T]) -> Capture {
        let inv = &mut self.inv;
        match path {
            [T::AdditionalDocumentReference] => inv.attachments.push(Attachment::default()),
            [
                T::AdditionalDocumentReference,
                T::Attachment,
                T::EmbeddedDocumentBinaryObject,
            ] => {
                self.base64 = Some(Base64Text::new(self.attachment_limit));
                return Capture::Base64;
            }
            [T::PayeeParty] => {
                if inv.payee.is_none() {
                    inv.payee = Some(Party::default());
                }
            }
            [T::PaymentMeans] => inv.payment_means.push(PaymentMeans::default()),
            [T::AllowanceCharge] => inv.allowance_charges.push(AllowanceCharge::default()),
            [T::TaxTotal] => self.tax_totals.push(TaxTotalDraft::default()),
            [T::TaxTotal, T::TaxSubtotal] => {
                if let Some(total) = self.tax_totals.last_mut() {
                    total.subtotals.push(TaxSubtotal::default());
                }
            }
            [T::InvoiceLine | T::CreditNoteLine] => inv.lines.push(InvoiceLine::default()),
            [T::InvoiceLine | T::CreditNoteLine, T::AllowanceCharge] => {
                if let Some(line) = inv.lines.last_mut() {
                    line.allowance_charges.push(AllowanceCharge::default());
                }
            }
            _ => {
                if let Some((party, [T::PartyTaxScheme])) = party_mut(inv, path) {
                    party.tax_registrations.push(TaxRegistration::default());
                }
            }
        }
        match path.last() {
            Some(tag) if tag.is_basic() => Capture::Text,
            _ => Capture::None,
        }
    }

    /// A piece of the text of the embedded attachment being read.
    pub(crate) fn base64(&mut self, chunk: &str) {
        if let Some(base64) = self.base64.as_mut() {
            base64.push(chunk);
        }
    }

    /// An element ends; `text` is its trimmed text, `attrs` the attributes of its start tag.
    pub(crate) fn end(&mut self, path: &[T], text: &str, attrs: &LeafAttrs) {
        if let Some((party, rest)) = party_mut(&mut self.inv, path) {
            party_end(party, rest, text, attrs);
            return;
        }
        let n_lines = self.inv.lines.len();
        let inv = &mut self.inv;
        let mut conv = Conv {
            errors: &mut inv.field_errors,
            path,
            n_lines,
        };
        match path {
            [T::CustomizationId] => fill(&mut inv.customization_id, text),
            [T::ProfileId] => fill(&mut inv.profile_id, text),
            [T::Id] => fill(&mut inv.number, text),
            [T::IssueDate] => fill_value(&mut inv.issue_date, conv.date(text)),
            [T::DueDate] => {
                self.due_date_given |= !text.is_empty();
                fill_value(&mut inv.due_date, conv.date(text));
            }
            [T::InvoiceTypeCode | T::CreditNoteTypeCode] => fill(&mut inv.type_code, text),
            [T::Note] => push_text(&mut inv.notes, text),
            [T::DocumentCurrencyCode] => fill(&mut inv.currency, text),
            [T::TaxCurrencyCode] => fill(&mut inv.tax_currency, text),
            [T::AccountingCost] => fill(&mut inv.accounting_cost, text),
            [T::BuyerReference] => fill(&mut inv.buyer_reference, text),
            [T::OrderReference, T::Id] => fill(&mut inv.order_reference, text),
            [T::OrderReference, T::SalesOrderId] => fill(&mut inv.sales_order_reference, text),
            [T::ContractDocumentReference, T::Id] => fill(&mut inv.contract_reference, text),
            [T::ProjectReference, T::Id] => fill(&mut inv.project_reference, text),
            [T::BillingReference, T::InvoiceDocumentReference, T::Id] => {
                push_text(&mut inv.billing_references, text);
            }
            [T::AdditionalDocumentReference, rest @ ..] => {
                let index = inv.attachments.len().saturating_sub(1);
                let Some(att) = inv.attachments.last_mut() else {
                    return;
                };
                match rest {
                    [T::Id] => fill(&mut att.id, text),
                    [T::DocumentDescription] => fill(&mut att.description, text),
                    [T::Attachment, T::EmbeddedDocumentBinaryObject] => {
                        let Some(base64) = self.base64.take() else {
                            return;
                        };
                        // One embedded object per reference; a second one is ignored.
                        if att.detected.is_some() || att.problem.is_some() {
                            return;
                        }
                        att.declared_mime = attrs.mime_code.clone();
                        att.filename = attrs.filename.clone();
                        if let Some(bytes) = base64.finish(att) {
                            let sha256 = att.sha256.clone().unwrap_or_default();
                            self.decoded.push(DecodedAttachment {
                                index,
                                sha256,
                                bytes,
                            });
                        }
                    }
                    [T::Attachment, T::ExternalReference, T::Uri] => {
                        fill(&mut att.external_uri, text);
                    }
                    _ => {}
                }
            }
            [T::PaymentMeans, rest @ ..] => {
                let Some(means) = inv.payment_means.last_mut() else {
                    return;
                };
                match rest {
                    [T::PaymentMeansCode] => fill(&mut means.code, text),
                    [T::PaymentId] => fill(&mut means.payment_id, text),
                    [T::PaymentDueDate] => fill_value(&mut means.due_date, conv.date(text)),
                    [T::PayeeFinancialAccount, T::Id] => fill(&mut means.account, text),
                    [T::PayeeFinancialAccount, T::Name] => fill(&mut means.account_name, text),
                    [
                        T::PayeeFinancialAccount,
                        T::FinancialInstitutionBranch,
                        T::Id,
                    ] => {
                        fill(&mut means.bic, text);
                    }
                    _ => {}
                }
            }
            [T::PaymentTerms, T::Note] => fill(&mut inv.payment_terms, text),
            [T::AllowanceCharge, rest @ ..] => {
                if let Some(charge) = inv.allowance_charges.last_mut() {
                    allowance_end(charge, rest, text, &mut conv);
                }
            }
            [T::TaxTotal, rest @ ..] => {
                let Some(total) = self.tax_totals.last_mut() else {
                    return;
                };
                match rest {
                    [T::TaxAmount] => {
                        fill_value(&mut total.amount, conv.decimal(text));
                        fill_opt(&mut total.currency, attrs.currency_id.as_deref());
                    }
                    [T::TaxSubtotal, sub @ ..] => {
                        let Some(subtotal) = total.subtotals.last_mut() else {
                            return;
                        };
                        match sub {
                            [T::TaxableAmount] => {
                                fill_value(&mut subtotal.taxable_amount, conv.decimal(text));
                            }
                            [T::TaxAmount] => {
                                fill_value(&mut subtotal.tax_amount, conv.decimal(text));
                            }
                            [T::TaxCategory, T::Id] => fill(&mut subtotal.category, text),
                            [T::TaxCategory, T::Percent] => {
                                fill_value(&mut subtotal.percent, conv.decimal(text));
                            }
                            [T::TaxCategory, T::TaxExemptionReason] => {
                                fill(&mut subtotal.exemption_reason, text);
                            }
                            [T::TaxCategory, T::TaxExemptionReasonCode] => {
                                fill(&mut subtotal.exemption_reason_code, text);
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            [T::LegalMonetaryTotal, leaf] => {
                let totals = &mut inv.totals;
                let target = match leaf {
                    T::LineExtensionAmount => &mut totals.line_extension,
                    T::TaxExclusiveAmount => &mut totals.tax_exclusive,
                    T::TaxInclusiveAmount => &mut totals.tax_inclusive,
                    T::AllowanceTotalAmount => &mut totals.allowance_total,
                    T::ChargeTotalAmount => &mut totals.charge_total,
                    T::PrepaidAmount => &mut totals.prepaid,
                    T::PayableRoundingAmount => &mut totals.rounding,
                    T::PayableAmount => &mut totals.payable,
                    _ => return,
                };
                fill_value(target, conv.decimal(text));
            }
            [T::InvoiceLine | T::CreditNoteLine, rest @ ..] => {
                if let Some(line) = inv.lines.last_mut() {
                    line_end(line, rest, text, attrs, &mut conv);
                }
            }
            _ => {}
        }
    }

    /// The document has ended: settle what needed the whole document.
    pub(crate) fn finish(mut self, envelope: Option<Envelope>) -> ParsedDocument {
        self.choose_tax_total();
        if !self.due_date_given {
            self.inv.due_date = self
                .inv
                .payment_means
                .iter()
                .find_map(|means| means.due_date);
        }
        self.inv.envelope = envelope;
        ParsedDocument {
            invoice: self.inv,
            attachments: self.decoded,
        }
    }

    /// Of up to two `cac:TaxTotal`, the one in the document currency carries the VAT
    /// breakdown; the other gives the VAT total in the tax currency.
    fn choose_tax_total(&mut self) {
        let in_currency = |total: &TaxTotalDraft, currency: Option<&str>| matches!((total.currency.as_deref(), currency), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
        let currency = self.inv.currency.as_deref();
        let main = self
            .tax_totals
            .iter()
            .position(|total| in_currency(total, currency))
            .or_else(|| {
                self.tax_totals
                    .iter()
                    .position(|total| !total.subtotals.is_empty())
            })
            .or((!self.tax_totals.is_empty()).then_some(0));
        let Some(main) = main else { return };
        let tax_currency = self.inv.tax_currency.as_deref();
        let mut others = self
            .tax_totals
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != main);
        let other = others
            .clone()
            .find(|(_, total)| in_currency(total, tax_currency))
            .or_else(|| others.next());
        self.inv.tax_total_in_tax_currency = other.and_then(|(_, total)| total.amount);
        if let Some(total) = self.tax_totals.get_mut(main) {
            self.inv.tax_total = total.amount;
            self.inv.tax_subtotals = mem::take(&mut total.subtotals);
        }
    }
}

/// The party a path leads into, and the rest of the path below `cac:Party`.
fn party_mut<'i, 'p>(inv: &'i mut Invoice, path: &'p [T]) -> Option<(&'i mut Party, &'p [T])> {
    match path {
        [T::AccountingSupplierParty, T::Party, rest @ ..] => Some((&mut inv.supplier, rest)),
        [T::AccountingCustomerParty, T::Party, rest @ ..] => Some((&mut inv.customer, rest)),
        [T::PayeeParty, rest @ ..] => inv.payee.as_mut().map(|party| (party, rest)),
        _ => None,
    }
}

fn party_end(party: &mut Party, rest: &[T], text: &str, attrs: &LeafAttrs) {
    match rest {
        [T::EndpointId] if party.endpoint.is_none() => {
            party.endpoint = identifier(text, attrs.scheme_id.as_deref());
        }
        [T::PartyIdentification, T::Id] => {
            party
                .identifiers
                .extend(identifier(text, attrs.scheme_id.as_deref()));
        }
        [T::PartyName, T::Name] => fill(&mut party.name, text),
        [T::PostalAddress, T::StreetName] => fill(&mut party.address.street, text),
        [T::PostalAddress, T::AdditionalStreetName] => {
            fill(&mut party.address.additional_street, text);
        }
        [T::PostalAddress, T::CityName] => fill(&mut party.address.city, text),
        [T::PostalAddress, T::PostalZone] => fill(&mut party.address.postal_zone, text),
        [T::PostalAddress, T::Country, T::IdentificationCode] => {
            fill(&mut party.address.country, text);
        }
        [T::PartyTaxScheme, T::CompanyId] => {
            if let Some(registration) = party.tax_registrations.last_mut()
                && registration.company_id.is_empty()
            {
                text.clone_into(&mut registration.company_id);
            }
        }
        [T::PartyTaxScheme, T::TaxScheme, T::Id] => {
            if let Some(registration) = party.tax_registrations.last_mut() {
                fill(&mut registration.scheme, text);
            }
        }
        // An empty `cac:PartyTaxScheme` says nothing; don't keep a blank registration.
        [T::PartyTaxScheme]
            if party
                .tax_registrations
                .last()
                .is_some_and(|r| r.company_id.is_empty() && r.scheme.is_none()) =>
        {
            party.tax_registrations.pop();
        }
        [T::PartyLegalEntity, T::RegistrationName] => fill(&mut party.registration_name, text),
        [T::PartyLegalEntity, T::CompanyId] if party.legal_id.is_none() => {
            party.legal_id = identifier(text, attrs.scheme_id.as_deref());
        }
        [T::Contact, T::Name] => fill(&mut party.contact.name, text),
        [T::Contact, T::Telephone] => fill(&mut party.contact.telephone, text),
        [T::Contact, T::ElectronicMail] => fill(&mut party.contact.email, text),
        _ => {}
    }
}

fn allowance_end(charge: &mut AllowanceCharge, rest: &[T], text: &str, conv: &mut Conv<'_>) {
    match rest {
        [T::ChargeIndicator] => {
            if let Some(is_charge) = conv.boolean(text) {
                charge.is_charge = is_charge;
            }
        }
        [T::AllowanceChargeReasonCode] => fill(&mut charge.reason_code, text),
        [T::AllowanceChargeReason] => fill(&mut charge.reason, text),
        [T::MultiplierFactorNumeric] => fill_value(&mut charge.multiplier, conv.decimal(text)),
        [T::Amount] => fill_value(&mut charge.amount, conv.decimal(text)),
        [T::BaseAmount] => fill_value(&mut charge.base_amount, conv.decimal(text)),
        [T::TaxCategory, T::Id] => fill(&mut charge.tax_category, text),
        [T::TaxCategory, T::Percent] => fill_value(&mut charge.tax_percent, conv.decimal(text)),
        _ => {}
    }
}

fn line_end(
    line: &mut InvoiceLine,
    rest: &[T],
    text: &str,
    attrs: &LeafAttrs,
    conv: &mut Conv<'_>,
) {
    match rest {
        [T::Id] => fill(&mut line.id, text),
        [T::Note] => fill(&mut line.note, text),
        [T::InvoicedQuantity | T::CreditedQuantity] => {
            fill_value(&mut line.quantity, conv.decimal(text));
            fill_opt(&mut line.unit, attrs.unit_code.as_deref());
        }
        [T::LineExtensionAmount] => fill_value(&mut line.amount, conv.decimal(text)),
        [T::AccountingCost] => fill(&mut line.accounting_cost, text),
        [T::OrderLineReference, T::LineId] => fill(&mut line.order_line_reference, text),
        [T::AllowanceCharge, charge_rest @ ..] => {
            if let Some(charge) = line.allowance_charges.last_mut() {
                allowance_end(charge, charge_rest, text, conv);
            }
        }
        [T::Item, T::Description] => fill(&mut line.item_description, text),
        [T::Item, T::Name] => fill(&mut line.item_name, text),
        [T::Item, T::SellersItemIdentification, T::Id] => fill(&mut line.sellers_item_id, text),
        [
            T::Item,
            T::CommodityClassification,
            T::ItemClassificationCode,
        ] => {
            line.classifications
                .extend(identifier(text, attrs.list_id.as_deref()));
        }
        [T::Item, T::ClassifiedTaxCategory, T::Id] => fill(&mut line.tax_category, text),
        [T::Item, T::ClassifiedTaxCategory, T::Percent] => {
            fill_value(&mut line.tax_percent, conv.decimal(text));
        }
        [T::Price, T::PriceAmount] => fill_value(&mut line.price, conv.decimal(text)),
        [T::Price, T::BaseQuantity] => fill_value(&mut line.base_quantity, conv.decimal(text)),
        _ => {}
    }
}

/// Reads typed values, recording the ones that cannot be read as field errors.
struct Conv<'a> {
    errors: &'a mut Vec<FieldError>,
    path: &'a [T],
    n_lines: usize,
}

impl Conv<'_> {
    fn decimal(&mut self, text: &str) -> Option<Decimal> {
        self.read(text, values::decimal, "decimal number")
    }

    fn date(&mut self, text: &str) -> Option<Date> {
        self.read(text, values::date, "date YYYY-MM-DD")
    }

    fn boolean(&mut self, text: &str) -> Option<bool> {
        self.read(text, values::boolean, "true or false")
    }

    fn read<V>(&mut self, text: &str, parse: fn(&str) -> Option<V>, expected: &str) -> Option<V> {
        if text.is_empty() {
            return None;
        }
        let value = parse(text);
        if value.is_none() {
            self.errors.push(FieldError {
                field: field_path(self.path, self.n_lines),
                value: text.to_owned(),
                expected: expected.to_owned(),
            });
        }
        value
    }
}

/// The path of a field for a field error, e.g. `cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount`:
/// conventional prefixes, and the position of the line (1-based) so the supplier can find it.
pub(crate) fn field_path(path: &[T], n_lines: usize) -> String {
    let mut out = String::new();
    for (i, tag) in path.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(tag.qname());
        if i == 0 && matches!(tag, T::InvoiceLine | T::CreditNoteLine) {
            out.push_str(&format!("[{n_lines}]"));
        }
    }
    out
}

/// Sets a text field unless it already has a value: the first occurrence wins.
fn fill(field: &mut Option<String>, text: &str) {
    if field.is_none() && !text.is_empty() {
        *field = Some(text.to_owned());
    }
}

fn fill_opt(field: &mut Option<String>, value: Option<&str>) {
    if let Some(value) = value {
        fill(field, value);
    }
}

fn fill_value<V>(field: &mut Option<V>, value: Option<V>) {
    if field.is_none() {
        *field = value;
    }
}

fn push_text(list: &mut Vec<String>, text: &str) {
    if !text.is_empty() {
        list.push(text.to_owned());
    }
}

fn identifier(text: &str, scheme: Option<&str>) -> Option<Identifier> {
    (!text.is_empty()).then(|| Identifier {
        value: text.to_owned(),
        scheme: scheme.filter(|s| !s.is_empty()).map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_name_the_line() {
        assert_eq!(
            field_path(&[T::LegalMonetaryTotal, T::PayableAmount], 0),
            "cac:LegalMonetaryTotal/cbc:PayableAmount"
        );
        assert_eq!(
            field_path(&[T::InvoiceLine, T::Price, T::PriceAmount], 3),
            "cac:InvoiceLine[3]/cac:Price/cbc:PriceAmount"
        );
    }
}
