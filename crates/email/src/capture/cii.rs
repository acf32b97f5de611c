//! UN/CEFACT Cross Industry Invoice (CII D16B, as used by Factur-X / ZUGFeRD 2 and XRechnung)
//! read into the canonical [`Invoice`], the way `mottak-ehf` reads the same information from
//! UBL: one streaming pass with a namespace-resolving reader, elements matched by namespace
//! and local name along their path below the root, values kept as written and unreadable ones
//! recorded in [`Invoice::field_errors`].
//!
//! The mapping follows EN 16931's table of the two syntaxes (BT numbers in comments). A DTD
//! is refused; quick-xml expands no entities beyond the predefined ones.

use std::str::FromStr;

use mottak_ehf::Limits;
use mottak_invoice::{
    AllowanceCharge, DocumentKind, FieldError, Identifier, Invoice, InvoiceLine, Party,
    PaymentMeans, TaxRegistration, TaxSubtotal,
};
use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use rust_decimal::Decimal;
use time::{Date, Month};

use super::embedded::NS_CII;

const NS_RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const NS_UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
const NS_QDT: &str = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

/// UNCL1001 document types EN 16931 treats as credit notes.
const CREDIT_NOTE_TYPES: &[&str] = &[
    "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532",
];

/// Why a CII document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CiiError {
    #[error("{}", self.message())]
    TooLarge { size: u64, limit: u64 },
    #[error("{}", self.message())]
    NotUtf8,
    #[error("{}", self.message())]
    Dtd,
    #[error("{}", self.message())]
    TooDeep { limit: usize },
    #[error("{}", self.message())]
    Malformed { detail: String },
    #[error("{}", self.message())]
    NotCii,
}

impl CiiError {
    /// Bokmål, ` / `, English.
    pub(crate) fn message(&self) -> String {
        match self {
            CiiError::TooLarge { size, limit } => format!(
                "CII-dokumentet er {size} byte, mer enn grensen på {limit} / \
                 the CII document is {size} bytes, over the limit of {limit}"
            ),
            CiiError::NotUtf8 => {
                "CII-dokumentet er ikke UTF-8 / the CII document is not UTF-8".to_owned()
            }
            CiiError::Dtd => "CII-dokumentet har en DTD (DOCTYPE), som ikke tillates / \
                              the CII document has a DTD (DOCTYPE), which is not allowed"
                .to_owned(),
            CiiError::TooDeep { limit } => format!(
                "CII-dokumentet er nøstet dypere enn {limit} nivåer / \
                 the CII document is nested deeper than {limit} levels"
            ),
            CiiError::Malformed { detail } => format!(
                "CII-dokumentet er ikke gyldig XML ({detail}) / \
                 the CII document is not well-formed XML ({detail})"
            ),
            CiiError::NotCii => "dokumentet er ikke en rsm:CrossIndustryInvoice / \
                                 the document is not an rsm:CrossIndustryInvoice"
                .to_owned(),
        }
    }
}

/// The attributes the mapping needs from the element being read.
#[derive(Debug, Default, Clone)]
struct Attrs {
    scheme_id: Option<String>,
    currency_id: Option<String>,
    unit_code: Option<String>,
    format: Option<String>,
    list_id: Option<String>,
}

/// Reads a CII invoice.
pub(crate) fn parse(bytes: &[u8], limits: &Limits) -> Result<Invoice, CiiError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_document_bytes {
        return Err(CiiError::TooLarge {
            size,
            limit: limits.max_document_bytes,
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|_| CiiError::NotUtf8)?;
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    config.trim_text(false);

    let mut builder = Builder::new();
    // Local names of the open elements; "" for elements outside the CII namespaces.
    let mut path: Vec<String> = Vec::new();
    let mut attrs_stack: Vec<Attrs> = Vec::new();
    let mut text_buf = String::new();
    let mut root_seen = false;
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| CiiError::Malformed {
                detail: e.to_string(),
            })?;
        let namespace = match ns {
            ResolveResult::Bound(ns) => Some(ns.0.to_owned()),
            _ => None,
        };
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let empty = matches!(event, Event::Empty(_));
                let local = start.local_name().as_ref().to_owned();
                if !root_seen {
                    if namespace.as_deref() != Some(NS_CII) || local != "CrossIndustryInvoice" {
                        return Err(CiiError::NotCii);
                    }
                    root_seen = true;
                }
                if path.len() >= limits.max_depth {
                    return Err(CiiError::TooDeep {
                        limit: limits.max_depth,
                    });
                }
                let known = matches!(
                    namespace.as_deref(),
                    Some(NS_CII | NS_RAM | NS_UDT | NS_QDT)
                );
                path.push(if known { local } else { String::new() });
                attrs_stack.push(read_attrs(start)?);
                text_buf.clear();
                let names: Vec<&str> = path.iter().skip(1).map(String::as_str).collect();
                builder.start(&names);
                if empty {
                    end_element(&mut builder, &mut path, &mut attrs_stack, &mut text_buf);
                }
            }
            Event::End(_) => {
                end_element(&mut builder, &mut path, &mut attrs_stack, &mut text_buf);
            }
            Event::Text(t) => text_buf.push_str(&t.xml10_content()),
            Event::CData(c) => text_buf.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => {
                if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => text_buf.push(c),
                        _ => {
                            return Err(CiiError::Malformed {
                                detail: "invalid character reference".to_owned(),
                            });
                        }
                    }
                } else {
                    let name = r.as_ref().to_owned();
                    match resolve_predefined_entity(&name) {
                        Some(s) => text_buf.push_str(s),
                        None => {
                            return Err(CiiError::Malformed {
                                detail: format!("undefined entity &{name};"),
                            });
                        }
                    }
                }
            }
            Event::DocType(_) => return Err(CiiError::Dtd),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if !root_seen {
        return Err(CiiError::NotCii);
    }
    if !path.is_empty() {
        return Err(CiiError::Malformed {
            detail: "unclosed element".to_owned(),
        });
    }
    Ok(builder.finish())
}

fn end_element(
    builder: &mut Builder,
    path: &mut Vec<String>,
    attrs_stack: &mut Vec<Attrs>,
    text_buf: &mut String,
) {
    let attrs = attrs_stack.pop().unwrap_or_default();
    {
        let names: Vec<&str> = path.iter().skip(1).map(String::as_str).collect();
        builder.end(&names, text_buf.trim(), &attrs);
    }
    path.pop();
    text_buf.clear();
}

fn read_attrs(start: &BytesStart<'_>) -> Result<Attrs, CiiError> {
    let mut attrs = Attrs::default();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| CiiError::Malformed {
            detail: e.to_string(),
        })?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| CiiError::Malformed {
                detail: e.to_string(),
            })?
            .trim()
            .to_owned();
        if value.is_empty() {
            continue;
        }
        let slot = match attr.key.as_ref() {
            "schemeID" => &mut attrs.scheme_id,
            "currencyID" => &mut attrs.currency_id,
            "unitCode" => &mut attrs.unit_code,
            "format" => &mut attrs.format,
            "listID" => &mut attrs.list_id,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    Ok(attrs)
}

const TX: &str = "SupplyChainTradeTransaction";
const AGREEMENT: &str = "ApplicableHeaderTradeAgreement";
const SETTLEMENT: &str = "ApplicableHeaderTradeSettlement";
const LINE: &str = "IncludedSupplyChainTradeLineItem";
const LINE_SETTLEMENT: &str = "SpecifiedLineTradeSettlement";
const ALLOWANCE: &str = "SpecifiedTradeAllowanceCharge";
const MEANS: &str = "SpecifiedTradeSettlementPaymentMeans";
const SUMMATION: &str = "SpecifiedTradeSettlementHeaderMonetarySummation";

struct Builder {
    inv: Invoice,
    /// `TaxTotalAmount` values with their `currencyID`.
    tax_totals: Vec<(Decimal, Option<String>)>,
    payment_reference: Option<String>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            inv: Invoice::empty(DocumentKind::Invoice),
            tax_totals: Vec::new(),
            payment_reference: None,
        }
    }

    fn start(&mut self, path: &[&str]) {
        let inv = &mut self.inv;
        match path {
            [TX, LINE] => inv.lines.push(InvoiceLine::default()),
            [TX, LINE, LINE_SETTLEMENT, ALLOWANCE] => {
                if let Some(line) = inv.lines.last_mut() {
                    line.allowance_charges.push(AllowanceCharge::default());
                }
            }
            [TX, SETTLEMENT, MEANS] => inv.payment_means.push(PaymentMeans::default()),
            [TX, SETTLEMENT, "ApplicableTradeTax"] => {
                inv.tax_subtotals.push(TaxSubtotal::default())
            }
            [TX, SETTLEMENT, ALLOWANCE] => inv.allowance_charges.push(AllowanceCharge::default()),
            [TX, SETTLEMENT, "PayeeTradeParty"] if inv.payee.is_none() => {
                inv.payee = Some(Party::default());
            }
            _ => {}
        }
    }

    fn end(&mut self, path: &[&str], text: &str, attrs: &Attrs) {
        let n_lines = self.inv.lines.len();
        let inv = &mut self.inv;
        let mut conv = Conv {
            errors: &mut inv.field_errors,
            path,
            n_lines,
        };
        match path {
            [
                "ExchangedDocumentContext",
                "GuidelineSpecifiedDocumentContextParameter",
                "ID",
            ] => {
                fill(&mut inv.customization_id, text);
            }
            [
                "ExchangedDocumentContext",
                "BusinessProcessSpecifiedDocumentContextParameter",
                "ID",
            ] => {
                fill(&mut inv.profile_id, text);
            }
            ["ExchangedDocument", "ID"] => fill(&mut inv.number, text),
            ["ExchangedDocument", "TypeCode"] => fill(&mut inv.type_code, text),
            ["ExchangedDocument", "IssueDateTime", "DateTimeString"] => {
                fill_value(&mut inv.issue_date, conv.date(text, attrs));
            }
            ["ExchangedDocument", "IncludedNote", "Content"] => push_text(&mut inv.notes, text),
            [TX, AGREEMENT, "BuyerReference"] => fill(&mut inv.buyer_reference, text),
            [TX, AGREEMENT, "SellerTradeParty", rest @ ..] => {
                party_end(&mut inv.supplier, rest, text, attrs);
            }
            [TX, AGREEMENT, "BuyerTradeParty", rest @ ..] => {
                party_end(&mut inv.customer, rest, text, attrs);
            }
            [
                TX,
                AGREEMENT,
                "BuyerOrderReferencedDocument",
                "IssuerAssignedID",
            ] => {
                fill(&mut inv.order_reference, text);
            }
            [
                TX,
                AGREEMENT,
                "SellerOrderReferencedDocument",
                "IssuerAssignedID",
            ] => {
                fill(&mut inv.sales_order_reference, text);
            }
            [
                TX,
                AGREEMENT,
                "ContractReferencedDocument",
                "IssuerAssignedID",
            ] => {
                fill(&mut inv.contract_reference, text);
            }
            [TX, AGREEMENT, "SpecifiedProcuringProject", "ID"] => {
                fill(&mut inv.project_reference, text);
            }
            [TX, SETTLEMENT, "PaymentReference"] => fill(&mut self.payment_reference, text),
            [TX, SETTLEMENT, "InvoiceCurrencyCode"] => fill(&mut inv.currency, text),
            [TX, SETTLEMENT, "TaxCurrencyCode"] => fill(&mut inv.tax_currency, text),
            [TX, SETTLEMENT, "PayeeTradeParty", rest @ ..] => {
                if let Some(payee) = inv.payee.as_mut() {
                    party_end(payee, rest, text, attrs);
                }
            }
            [TX, SETTLEMENT, MEANS, rest @ ..] => {
                let Some(means) = inv.payment_means.last_mut() else {
                    return;
                };
                match rest {
                    ["TypeCode"] => fill(&mut means.code, text),
                    // The IBAN wins over a proprietary id read before it.
                    ["PayeePartyCreditorFinancialAccount", "IBANID"] if !text.is_empty() => {
                        means.account = Some(text.to_owned());
                    }
                    ["PayeePartyCreditorFinancialAccount", "ProprietaryID"] => {
                        fill(&mut means.account, text);
                    }
                    ["PayeePartyCreditorFinancialAccount", "AccountName"] => {
                        fill(&mut means.account_name, text);
                    }
                    ["PayeeSpecifiedCreditorFinancialInstitution", "BICID"] => {
                        fill(&mut means.bic, text);
                    }
                    _ => {}
                }
            }
            [TX, SETTLEMENT, "ApplicableTradeTax", leaf] => {
                let Some(sub) = inv.tax_subtotals.last_mut() else {
                    return;
                };
                match *leaf {
                    "CalculatedAmount" => fill_value(&mut sub.tax_amount, conv.decimal(text)),
                    "BasisAmount" => fill_value(&mut sub.taxable_amount, conv.decimal(text)),
                    "CategoryCode" => fill(&mut sub.category, text),
                    "RateApplicablePercent" => fill_value(&mut sub.percent, conv.decimal(text)),
                    "ExemptionReason" => fill(&mut sub.exemption_reason, text),
                    "ExemptionReasonCode" => fill(&mut sub.exemption_reason_code, text),
                    _ => {}
                }
            }
            [TX, SETTLEMENT, ALLOWANCE, rest @ ..] => {
                if let Some(charge) = inv.allowance_charges.last_mut() {
                    allowance_end(charge, rest, text, &mut conv);
                }
            }
            [TX, SETTLEMENT, "SpecifiedTradePaymentTerms", "Description"] => {
                fill(&mut inv.payment_terms, text);
            }
            [
                TX,
                SETTLEMENT,
                "SpecifiedTradePaymentTerms",
                "DueDateDateTime",
                "DateTimeString",
            ] => {
                fill_value(&mut inv.due_date, conv.date(text, attrs));
            }
            [TX, SETTLEMENT, SUMMATION, leaf] => {
                let totals = &mut inv.totals;
                let target = match *leaf {
                    "LineTotalAmount" => &mut totals.line_extension,
                    "ChargeTotalAmount" => &mut totals.charge_total,
                    "AllowanceTotalAmount" => &mut totals.allowance_total,
                    "TaxBasisTotalAmount" => &mut totals.tax_exclusive,
                    "GrandTotalAmount" => &mut totals.tax_inclusive,
                    "TotalPrepaidAmount" => &mut totals.prepaid,
                    "RoundingAmount" => &mut totals.rounding,
                    "DuePayableAmount" => &mut totals.payable,
                    "TaxTotalAmount" => {
                        if let Some(v) = conv.decimal(text) {
                            self.tax_totals.push((v, attrs.currency_id.clone()));
                        }
                        return;
                    }
                    _ => return,
                };
                fill_value(target, conv.decimal(text));
            }
            [
                TX,
                SETTLEMENT,
                "InvoiceReferencedDocument",
                "IssuerAssignedID",
            ] => {
                push_text(&mut inv.billing_references, text);
            }
            [
                TX,
                SETTLEMENT,
                "ReceivableSpecifiedTradeAccountingAccount",
                "ID",
            ] => {
                fill(&mut inv.accounting_cost, text);
            }
            [TX, LINE, rest @ ..] => {
                if let Some(line) = inv.lines.last_mut() {
                    line_end(line, rest, text, attrs, &mut conv);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Invoice {
        let inv = &mut self.inv;
        if inv
            .type_code
            .as_deref()
            .is_some_and(|c| CREDIT_NOTE_TYPES.contains(&c.trim()))
        {
            inv.kind = DocumentKind::CreditNote;
        }
        // Of up to two TaxTotalAmount, the one in the document currency is the VAT total.
        let currency = inv.currency.clone();
        let same = |c: &Option<String>| match (c, &currency) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (None, _) => true,
            _ => false,
        };
        let main = self
            .tax_totals
            .iter()
            .position(|(_, c)| same(c))
            .or((!self.tax_totals.is_empty()).then_some(0));
        if let Some(main) = main {
            inv.tax_total = self.tax_totals.get(main).map(|(v, _)| *v);
            inv.tax_total_in_tax_currency = self
                .tax_totals
                .iter()
                .enumerate()
                .find(|(i, _)| *i != main)
                .map(|(_, (v, _))| *v);
        }
        if let Some(reference) = self.payment_reference.take() {
            if inv.payment_means.is_empty() {
                inv.payment_means.push(PaymentMeans::default());
            }
            for means in &mut inv.payment_means {
                if means.payment_id.is_none() {
                    means.payment_id = Some(reference.clone());
                }
            }
        }
        self.inv
    }
}

fn party_end(party: &mut Party, rest: &[&str], text: &str, attrs: &Attrs) {
    match rest {
        ["ID"] => party.identifiers.extend(identifier(text, None)),
        ["GlobalID"] => party
            .identifiers
            .extend(identifier(text, attrs.scheme_id.as_deref())),
        // BT-27 / BT-44: the legal name.
        ["Name"] => fill(&mut party.registration_name, text),
        ["SpecifiedLegalOrganization", "ID"] if party.legal_id.is_none() => {
            party.legal_id = identifier(text, attrs.scheme_id.as_deref());
        }
        // BT-28 / BT-45: the trading name.
        ["SpecifiedLegalOrganization", "TradingBusinessName"] => fill(&mut party.name, text),
        ["DefinedTradeContact", "PersonName"] => fill(&mut party.contact.name, text),
        [
            "DefinedTradeContact",
            "TelephoneUniversalCommunication",
            "CompleteNumber",
        ] => {
            fill(&mut party.contact.telephone, text);
        }
        [
            "DefinedTradeContact",
            "EmailURIUniversalCommunication",
            "URIID",
        ] => {
            fill(&mut party.contact.email, text);
        }
        ["PostalTradeAddress", leaf] => {
            let address = &mut party.address;
            match *leaf {
                "PostcodeCode" => fill(&mut address.postal_zone, text),
                "LineOne" => fill(&mut address.street, text),
                "LineTwo" => fill(&mut address.additional_street, text),
                "CityName" => fill(&mut address.city, text),
                "CountryID" => fill(&mut address.country, text),
                _ => {}
            }
        }
        ["URIUniversalCommunication", "URIID"] if party.endpoint.is_none() => {
            party.endpoint = identifier(text, attrs.scheme_id.as_deref());
        }
        ["SpecifiedTaxRegistration", "ID"] if !text.is_empty() => {
            // schemeID VA is the VAT identifier (BT-31/BT-48), FC a tax registration (BT-32).
            let scheme = match attrs.scheme_id.as_deref() {
                Some(s) if s.eq_ignore_ascii_case("VA") => Some("VAT".to_owned()),
                Some(s) if s.eq_ignore_ascii_case("FC") => Some("TAX".to_owned()),
                other => other.map(str::to_owned),
            };
            party.tax_registrations.push(TaxRegistration {
                company_id: text.to_owned(),
                scheme,
            });
        }
        _ => {}
    }
}

fn allowance_end(charge: &mut AllowanceCharge, rest: &[&str], text: &str, conv: &mut Conv<'_>) {
    match rest {
        ["ChargeIndicator", "Indicator"] => {
            if let Some(is_charge) = conv.boolean(text) {
                charge.is_charge = is_charge;
            }
        }
        ["ActualAmount"] => fill_value(&mut charge.amount, conv.decimal(text)),
        ["BasisAmount"] => fill_value(&mut charge.base_amount, conv.decimal(text)),
        ["CalculationPercent"] => fill_value(&mut charge.multiplier, conv.decimal(text)),
        ["Reason"] => fill(&mut charge.reason, text),
        ["ReasonCode"] => fill(&mut charge.reason_code, text),
        ["CategoryTradeTax", "CategoryCode"] => fill(&mut charge.tax_category, text),
        ["CategoryTradeTax", "RateApplicablePercent"] => {
            fill_value(&mut charge.tax_percent, conv.decimal(text));
        }
        _ => {}
    }
}

fn line_end(line: &mut InvoiceLine, rest: &[&str], text: &str, attrs: &Attrs, conv: &mut Conv<'_>) {
    match rest {
        ["AssociatedDocumentLineDocument", "LineID"] => fill(&mut line.id, text),
        ["AssociatedDocumentLineDocument", "IncludedNote", "Content"] => {
            fill(&mut line.note, text);
        }
        ["SpecifiedTradeProduct", "Name"] => fill(&mut line.item_name, text),
        ["SpecifiedTradeProduct", "Description"] => fill(&mut line.item_description, text),
        ["SpecifiedTradeProduct", "SellerAssignedID"] => fill(&mut line.sellers_item_id, text),
        [
            "SpecifiedTradeProduct",
            "DesignatedProductClassification",
            "ClassCode",
        ] => {
            line.classifications
                .extend(identifier(text, attrs.list_id.as_deref()));
        }
        [
            "SpecifiedLineTradeAgreement",
            "NetPriceProductTradePrice",
            "ChargeAmount",
        ] => {
            fill_value(&mut line.price, conv.decimal(text));
        }
        [
            "SpecifiedLineTradeAgreement",
            "NetPriceProductTradePrice",
            "BasisQuantity",
        ] => {
            fill_value(&mut line.base_quantity, conv.decimal(text));
        }
        [
            "SpecifiedLineTradeAgreement",
            "BuyerOrderReferencedDocument",
            "LineID",
        ] => {
            fill(&mut line.order_line_reference, text);
        }
        ["SpecifiedLineTradeDelivery", "BilledQuantity"] => {
            fill_value(&mut line.quantity, conv.decimal(text));
            fill_opt(&mut line.unit, attrs.unit_code.as_deref());
        }
        [LINE_SETTLEMENT, "ApplicableTradeTax", "CategoryCode"] => {
            fill(&mut line.tax_category, text);
        }
        [
            LINE_SETTLEMENT,
            "ApplicableTradeTax",
            "RateApplicablePercent",
        ] => {
            fill_value(&mut line.tax_percent, conv.decimal(text));
        }
        [LINE_SETTLEMENT, ALLOWANCE, charge_rest @ ..] => {
            if let Some(charge) = line.allowance_charges.last_mut() {
                allowance_end(charge, charge_rest, text, conv);
            }
        }
        [
            LINE_SETTLEMENT,
            "SpecifiedTradeSettlementLineMonetarySummation",
            "LineTotalAmount",
        ] => {
            fill_value(&mut line.amount, conv.decimal(text));
        }
        [
            LINE_SETTLEMENT,
            "ReceivableSpecifiedTradeAccountingAccount",
            "ID",
        ] => {
            fill(&mut line.accounting_cost, text);
        }
        _ => {}
    }
}

/// Reads typed values, recording unreadable ones as field errors.
struct Conv<'a> {
    errors: &'a mut Vec<FieldError>,
    path: &'a [&'a str],
    n_lines: usize,
}

impl Conv<'_> {
    fn decimal(&mut self, text: &str) -> Option<Decimal> {
        self.read(text, xs_decimal, "decimal number")
    }

    fn boolean(&mut self, text: &str) -> Option<bool> {
        self.read(
            text,
            |t| match t {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            "true or false",
        )
    }

    fn date(&mut self, text: &str, attrs: &Attrs) -> Option<Date> {
        match attrs.format.as_deref() {
            None | Some("102") => self.read(text, date_102, "date YYYYMMDD (format 102)"),
            Some(other) => {
                self.errors.push(FieldError {
                    field: field_path(self.path, self.n_lines),
                    value: format!("{text} (format {other})"),
                    expected: "date YYYYMMDD (format 102)".to_owned(),
                });
                None
            }
        }
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

/// The element path for a field error, e.g.
/// `rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/...`.
fn field_path(path: &[&str], n_lines: usize) -> String {
    let mut out = String::new();
    for (i, name) in path.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        let prefix = match (i, *name) {
            (0, _) => "rsm",
            (_, "DateTimeString" | "Indicator") => "udt",
            _ => "ram",
        };
        out.push_str(prefix);
        out.push(':');
        out.push_str(name);
        if i == 1 && *name == LINE {
            out.push_str(&format!("[{n_lines}]"));
        }
    }
    out
}

/// `xs:decimal`: optional sign, digits, optional fraction; nothing else.
fn xs_decimal(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty()) || !digits(int_part) || !digits(frac_part) {
        return None;
    }
    let mut canonical = String::new();
    if negative {
        canonical.push('-');
    }
    canonical.push_str(if int_part.is_empty() { "0" } else { int_part });
    if !frac_part.is_empty() {
        canonical.push('.');
        canonical.push_str(frac_part);
    }
    Decimal::from_str(&canonical).ok()
}

/// Date format 102: `YYYYMMDD`.
fn date_102(text: &str) -> Option<Date> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u8 = text.get(4..6)?.parse().ok()?;
    let day: u8 = text.get(6..8)?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

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
    fn values() {
        assert_eq!(
            xs_decimal("1234.50").map(|d| d.to_string()).as_deref(),
            Some("1234.50")
        );
        assert_eq!(xs_decimal("1 234,50"), None);
        assert_eq!(
            date_102("20261115"),
            Date::from_calendar_date(2026, Month::November, 15).ok()
        );
        assert_eq!(date_102("2026-11-15"), None);
    }

    #[test]
    fn not_cii_and_dtd() {
        let limits = Limits::default();
        assert_eq!(
            parse(br#"<Invoice xmlns="urn:x"/>"#, &limits),
            Err(CiiError::NotCii)
        );
        assert!(matches!(
            parse(b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", &limits),
            Err(CiiError::Dtd | CiiError::NotCii | CiiError::Malformed { .. })
        ));
    }
}
