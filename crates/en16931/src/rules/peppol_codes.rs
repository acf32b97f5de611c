//! Peppol restricted code lists and formats: PEPPOL-EN16931-CL*, -P01xx (type codes by
//! profile, exemption codes against categories) and -F001 (date format).
//!
//! In the official Schematron these share one pattern; the element kinds are disjoint except
//! the tax categories, where the first matching exemption code wins.

use super::codelists::{
    AMOUNT_TAGS, EAS, ISO4217, MIME, Recent, TagSet, UNCL2005_SUBSET, UNCL7161, codes,
};
use super::fatal;
use super::{Ctx, RuleInfo};
use crate::doc::{Doc, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "PEPPOL-EN16931-CL001",
        "Attachment MIME codes must be PDF, PNG, JPEG, CSV, XLSX or ODS.",
    ),
    fatal(
        "PEPPOL-EN16931-CL002",
        "Allowance reason codes must come from the Peppol subset of UNTDID 5189.",
    ),
    fatal(
        "PEPPOL-EN16931-CL003",
        "Charge reason codes must come from UNTDID 7161.",
    ),
    fatal(
        "PEPPOL-EN16931-CL006",
        "Invoice period description codes must be 3, 35 or 432 (UNTDID 2005).",
    ),
    fatal(
        "PEPPOL-EN16931-CL007",
        "Currency codes must come from ISO 4217.",
    ),
    fatal(
        "PEPPOL-EN16931-CL008",
        "Electronic address schemes must come from the EAS code list.",
    ),
    fatal("PEPPOL-EN16931-F001", "Dates must be written YYYY-MM-DD."),
    fatal(
        "PEPPOL-EN16931-P0100",
        "In profile 01 the invoice type code must be one the profile allows.",
    ),
    fatal(
        "PEPPOL-EN16931-P0101",
        "In profile 01 the credit note type code must be one the profile allows.",
    ),
    fatal(
        "PEPPOL-EN16931-P0104",
        "Exemption reason VATEX-EU-G requires VAT category G.",
    ),
    fatal(
        "PEPPOL-EN16931-P0105",
        "Exemption reason VATEX-EU-O requires VAT category O.",
    ),
    fatal(
        "PEPPOL-EN16931-P0106",
        "Exemption reason VATEX-EU-IC requires VAT category K.",
    ),
    fatal(
        "PEPPOL-EN16931-P0107",
        "Exemption reason VATEX-EU-AE requires VAT category AE.",
    ),
    fatal(
        "PEPPOL-EN16931-P0108",
        "Exemption reason VATEX-EU-D requires VAT category E.",
    ),
    fatal(
        "PEPPOL-EN16931-P0109",
        "Exemption reason VATEX-EU-F requires VAT category E.",
    ),
    fatal(
        "PEPPOL-EN16931-P0110",
        "Exemption reason VATEX-EU-I requires VAT category E.",
    ),
    fatal(
        "PEPPOL-EN16931-P0111",
        "Exemption reason VATEX-EU-J requires VAT category E.",
    ),
    fatal(
        "PEPPOL-EN16931-P0112",
        "Invoice type codes 326 and 384 are only for German seller and buyer.",
    ),
];

const UNCL5189_SUBSET: &[&str] = &[
    "41", "42", "60", "62", "63", "64", "65", "66", "67", "68", "70", "71", "88", "95", "100",
    "102", "103", "104", "105",
];
const INVOICE_TYPES_01: &[&str] = &[
    "71", "80", "82", "84", "102", "218", "219", "326", "331", "380", "382", "383", "384", "386",
    "388", "393", "395", "553", "575", "623", "780", "817", "870", "875", "876", "877",
];
const CREDIT_NOTE_TYPES_01: &[&str] = &["381", "396", "81", "83", "532"];
/// Exemption reason code → the VAT category it requires, in the official rule order.
const EXEMPTIONS: &[(&str, &str, &str)] = &[
    ("VATEX-EU-G", "G", "PEPPOL-EN16931-P0104"),
    ("VATEX-EU-O", "O", "PEPPOL-EN16931-P0105"),
    ("VATEX-EU-IC", "K", "PEPPOL-EN16931-P0106"),
    ("VATEX-EU-AE", "AE", "PEPPOL-EN16931-P0107"),
    ("VATEX-EU-D", "E", "PEPPOL-EN16931-P0108"),
    ("VATEX-EU-F", "E", "PEPPOL-EN16931-P0109"),
    ("VATEX-EU-I", "E", "PEPPOL-EN16931-P0110"),
    ("VATEX-EU-J", "E", "PEPPOL-EN16931-P0111"),
];
const DATES: &[Tag] = &[
    Tag::IssueDate,
    Tag::DueDate,
    Tag::TaxPointDate,
    Tag::StartDate,
    Tag::EndDate,
    Tag::ActualDeliveryDate,
];
const DATE_TAGS: TagSet = TagSet::new(DATES);
/// The element names the walk in [`check`] judges (whatever their namespace): one look-up
/// dismisses every other element.
const WATCHED: TagSet = AMOUNT_TAGS.with(DATES).with(&[
    Tag::EmbeddedDocumentBinaryObject,
    Tag::AllowanceChargeReasonCode,
    Tag::DescriptionCode,
    Tag::InvoiceTypeCode,
    Tag::CreditNoteTypeCode,
    Tag::EndpointID,
    Tag::TaxCategory,
]);

/// The Peppol profile number (`NN` of `…:billing:NN:1.0`), or `Unknown`.
fn profile(doc: &Doc) -> String {
    let ids: Vec<NodeId> = doc.kids(doc.root(), Ns::Cbc, Tag::ProfileID).collect();
    match ids.as_slice() {
        [one] => {
            let text = doc.norm(*one);
            if super::peppol::has_profile_pattern(&text) {
                text.split(':').nth(6).unwrap_or("").to_owned()
            } else {
                "Unknown".to_owned()
            }
        }
        _ => "Unknown".to_owned(),
    }
}

/// `xs:date` without time zone: a real calendar day written YYYY-MM-DD.
pub(super) fn is_calendar_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let profile = profile(doc);
    let both_german = super::german::is_german(doc, Tag::AccountingSupplierParty)
        && super::german::is_german(doc, Tag::AccountingCustomerParty);
    let mut currencies = Recent::new(codes!(ISO4217));
    for id in doc.all() {
        let node = doc.node(id);
        if !WATCHED.contains(node.tag) {
            continue;
        }
        let parent = node.parent;
        match (node.ns, node.tag) {
            (Ns::Cbc, Tag::EmbeddedDocumentBinaryObject) => {
                if let Some(mime) = doc.attr(id, "mimeCode") {
                    cx.require(MIME.contains(&mime), "PEPPOL-EN16931-CL001", id);
                }
            }
            (Ns::Cbc, Tag::AllowanceChargeReasonCode)
                if doc.is(parent, Ns::Cac, Tag::AllowanceCharge) =>
            {
                // The official contexts compare the indicator as the raw text 'false'/'true'.
                let indicator = |value: &str| {
                    doc.kids(parent, Ns::Cbc, Tag::ChargeIndicator)
                        .any(|c| doc.raw(c) == value)
                };
                let code = doc.norm(id);
                if indicator("false") {
                    cx.require(
                        UNCL5189_SUBSET.contains(&&*code),
                        "PEPPOL-EN16931-CL002",
                        id,
                    );
                } else if indicator("true") {
                    cx.require(codes!(UNCL7161).contains(&code), "PEPPOL-EN16931-CL003", id);
                }
            }
            (Ns::Cbc, Tag::DescriptionCode) if doc.is(parent, Ns::Cac, Tag::InvoicePeriod) => {
                let code = doc.norm(id);
                cx.require(
                    UNCL2005_SUBSET.contains(&&*code),
                    "PEPPOL-EN16931-CL006",
                    id,
                );
            }
            (Ns::Cbc, tag) if AMOUNT_TAGS.contains(tag) => {
                let ok = doc
                    .attr(id, "currencyID")
                    .is_some_and(|c| currencies.contains(c));
                cx.require(ok, "PEPPOL-EN16931-CL007", id);
            }
            (Ns::Cbc, Tag::InvoiceTypeCode) => {
                let code = doc.norm(id);
                let ok = profile != "01" || INVOICE_TYPES_01.contains(&&*code);
                cx.require(ok, "PEPPOL-EN16931-P0100", id);
                let restricted = code == "326" || code == "384";
                cx.require(!restricted || both_german, "PEPPOL-EN16931-P0112", id);
            }
            (Ns::Cbc, Tag::CreditNoteTypeCode) => {
                let code = doc.norm(id);
                let ok = profile != "01" || CREDIT_NOTE_TYPES_01.contains(&&*code);
                cx.require(ok, "PEPPOL-EN16931-P0101", id);
            }
            (Ns::Cbc, tag) if DATE_TAGS.contains(tag) => {
                cx.require(is_calendar_date(doc.raw(id)), "PEPPOL-EN16931-F001", id);
            }
            (Ns::Cbc, Tag::EndpointID) => {
                if let Some(scheme) = doc.attr(id, "schemeID") {
                    cx.require(codes!(EAS).contains(scheme), "PEPPOL-EN16931-CL008", id);
                }
            }
            (Ns::Cac, Tag::TaxCategory) => {
                let mut reasons = doc.kids(id, Ns::Cbc, Tag::TaxExemptionReasonCode);
                let (Some(reason), None) = (reasons.next(), reasons.next()) else {
                    continue;
                };
                let reason = doc.raw(reason).to_uppercase();
                if let Some((_, category, rule)) =
                    EXEMPTIONS.iter().find(|(code, _, _)| *code == reason)
                {
                    let mut ids = doc.kids(id, Ns::Cbc, Tag::ID);
                    let first = ids.next();
                    if ids.next().is_none() {
                        let ok = first.is_some_and(|c| doc.norm(c) == *category);
                        cx.require(ok, rule, id);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_calendar_date;
    use crate::rules::testing::check;

    #[test]
    fn calendar_dates() {
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("2023-13-01"));
        assert!(!is_calendar_date("2023-1-01 "));
    }

    #[test]
    fn codes() {
        check(
            "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>\
             <cbc:IssueDate>2024-1-1</cbc:IssueDate><cbc:InvoiceTypeCode>384</cbc:InvoiceTypeCode>\
             <cac:TaxTotal><cbc:TaxAmount currencyID=\"NOKK\">1</cbc:TaxAmount></cac:TaxTotal>\
             <cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:TaxExemptionReasonCode>vatex-eu-g</cbc:TaxExemptionReasonCode></cac:TaxCategory>",
            &[
                ("PEPPOL-EN16931-F001", 1),
                ("PEPPOL-EN16931-P0100", 0),
                ("PEPPOL-EN16931-P0112", 1),
                ("PEPPOL-EN16931-CL007", 1),
                ("PEPPOL-EN16931-P0104", 1),
            ],
        );
    }
}
