//! Code list rules BR-CL-*: coded values must come from the lists EN16931 names. A value passes
//! when, space-normalized, it is one whole entry of the list (no spaces inside, not empty).

use super::cen_codes::{
    ALLOWANCE_REASONS, CHARGE_REASONS, COUNTRIES, CURRENCIES, DOCUMENT_SCHEMES, EAS,
    EXEMPTION_REASONS, ICD, ITEM_CLASSIFICATIONS, PARTY_ID_SCHEMES, PAYMENT_MEANS,
    UNCL1001_CREDIT_NOTE, UNCL1001_INVOICE, UNITS,
};
use super::codelists::{
    AMOUNT_TAGS, Codes, MIME, Recent, TagSet, UNCL2005_SUBSET, UNCL4451, codes,
};
use std::sync::LazyLock;

use super::fatal;
use super::{Ctx, RuleInfo, charge_indicator};
use crate::doc::{Doc, NodeId, Ns, Tag, is_ws};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "BR-CL-01",
        "The document type code must be an invoice or credit note code of UNTDID 1001.",
    ),
    fatal(
        "BR-CL-08",
        "A subject code in a document note (#code#text) must come from UNTDID 4451.",
    ),
    fatal("BR-CL-03", "Amount currency codes must come from ISO 4217."),
    fatal(
        "BR-CL-04",
        "The document currency code must come from ISO 4217.",
    ),
    fatal(
        "BR-CL-05",
        "The VAT accounting currency code must come from ISO 4217.",
    ),
    fatal(
        "BR-CL-06",
        "The VAT point date code must be 3, 35 or 432 (UNTDID 2005).",
    ),
    fatal(
        "BR-CL-07",
        "The invoiced object identifier scheme must come from UNTDID 1153.",
    ),
    fatal(
        "BR-CL-10",
        "Party identifier schemes must come from ISO 6523 (SEPA for seller or payee).",
    ),
    fatal(
        "BR-CL-11",
        "Legal registration identifier schemes must come from ISO 6523.",
    ),
    fatal(
        "BR-CL-13",
        "Item classification list identifiers must come from UNTDID 7143.",
    ),
    fatal("BR-CL-14", "Country codes must come from ISO 3166-1."),
    fatal(
        "BR-CL-15",
        "Item country of origin codes must come from ISO 3166-1.",
    ),
    fatal(
        "BR-CL-16",
        "Payment means codes must come from UNTDID 4461.",
    ),
    fatal(
        "BR-CL-17",
        "VAT category codes must come from UNTDID 5305 (as EN16931 restricts it).",
    ),
    fatal(
        "BR-CL-18",
        "Line VAT category codes must come from UNTDID 5305 (as EN16931 restricts it).",
    ),
    fatal(
        "BR-CL-19",
        "Allowance reason codes must come from UNTDID 5189.",
    ),
    fatal(
        "BR-CL-20",
        "Charge reason codes must come from UNTDID 7161.",
    ),
    fatal(
        "BR-CL-21",
        "Item standard identifier schemes must come from ISO 6523.",
    ),
    fatal(
        "BR-CL-22",
        "VAT exemption reason codes must come from the VATEX list.",
    ),
    fatal(
        "BR-CL-23",
        "Unit codes must come from UN/ECE Recommendations 20 and 21.",
    ),
    fatal(
        "BR-CL-24",
        "Attachment MIME codes must be PDF, PNG, JPEG, CSV, XLSX or ODS.",
    ),
    fatal(
        "BR-CL-25",
        "Electronic address schemes must come from the EAS list.",
    ),
    fatal(
        "BR-CL-26",
        "Delivery location identifier schemes must come from ISO 6523.",
    ),
];

const TAX_CATEGORIES: &[&str] = &["AE", "B", "E", "G", "K", "L", "M", "O", "S", "Z"];

/// The value as one whole word: trimmed of XML whitespace, `None` when empty or when spaces
/// remain inside (such a value is never one entry of a list).
fn one_word(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let start = bytes.iter().position(|&b| !is_ws(b))?;
    let end = bytes
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |e| e + 1);
    let word = value.get(start..end)?;
    (!word.bytes().any(is_ws)).then_some(word)
}

/// Whole-entry membership of a space-normalized value in a sorted list.
fn listed(list: Codes, value: &str) -> bool {
    one_word(value).is_some_and(|one| list.contains(one))
}

/// Membership in a short unsorted list.
fn listed_small(list: &[&str], value: &str) -> bool {
    one_word(value).is_some_and(|one| list.contains(&one))
}

fn parent_is(doc: &Doc, id: NodeId, tag: Tag) -> bool {
    doc.is(doc.node(id).parent, Ns::Cac, tag)
}

fn has_ancestor(doc: &Doc, id: NodeId, tag: Tag) -> bool {
    let mut cur = doc.node(id).parent;
    while cur != u32::MAX {
        if doc.is(cur, Ns::Cac, tag) {
            return true;
        }
        cur = doc.node(cur).parent;
    }
    false
}

/// BR-CL-08 on a document note: a 3-character subject code between the first two '#' must be
/// found in the space-separated code list (the official test looks it up as a substring of
/// that list, so three characters spanning two codes pass too; kept).
fn note_subject_ok(note: &str) -> bool {
    let Some((_, after)) = note.split_once('#') else {
        return true;
    };
    let code = after.split_once('#').map_or("", |(code, _)| code);
    if code.chars().count() != 3 {
        return true;
    }
    static LIST: LazyLock<String> = LazyLock::new(|| format!(" {} ", UNCL4451.join(" ")));
    LIST.contains(code)
}

/// Every `cbc:` name the walk below judges: other elements are passed over at once.
const WATCHED: TagSet = AMOUNT_TAGS.with(&[
    Tag::Note,
    Tag::InvoiceTypeCode,
    Tag::CreditNoteTypeCode,
    Tag::DocumentCurrencyCode,
    Tag::TaxCurrencyCode,
    Tag::DescriptionCode,
    Tag::ID,
    Tag::CompanyID,
    Tag::ItemClassificationCode,
    Tag::IdentificationCode,
    Tag::PaymentMeansCode,
    Tag::AllowanceChargeReasonCode,
    Tag::TaxExemptionReasonCode,
    Tag::InvoicedQuantity,
    Tag::BaseQuantity,
    Tag::CreditedQuantity,
    Tag::EmbeddedDocumentBinaryObject,
    Tag::EndpointID,
]);

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    // The codes every amount and line repeats.
    let mut currencies = Recent::new(codes!(CURRENCIES));
    let mut units = Recent::new(codes!(UNITS));
    for id in doc.all() {
        let node = doc.node(id);
        if node.ns != Ns::Cbc {
            continue;
        }
        if !WATCHED.contains(node.tag) {
            continue;
        }
        // Text and scheme are read only where an arm below may need them.
        let text = doc.raw(id);
        let scheme = match node.tag {
            Tag::ID | Tag::CompanyID | Tag::EndpointID => doc.attr(id, "schemeID"),
            _ => None,
        };
        match node.tag {
            Tag::Note if node.parent == root => cx.require(note_subject_ok(text), "BR-CL-08", id),
            Tag::InvoiceTypeCode => {
                cx.require(listed(codes!(UNCL1001_INVOICE), text), "BR-CL-01", id)
            }
            Tag::CreditNoteTypeCode => {
                cx.require(listed(codes!(UNCL1001_CREDIT_NOTE), text), "BR-CL-01", id)
            }
            tag if AMOUNT_TAGS.contains(tag) => {
                let ok = doc
                    .attr(id, "currencyID")
                    .and_then(one_word)
                    .is_some_and(|c| currencies.contains(c));
                cx.require(ok, "BR-CL-03", id);
            }
            Tag::DocumentCurrencyCode => {
                cx.require(listed(codes!(CURRENCIES), text), "BR-CL-04", id)
            }
            Tag::TaxCurrencyCode => cx.require(listed(codes!(CURRENCIES), text), "BR-CL-05", id),
            Tag::DescriptionCode if parent_is(doc, id, Tag::InvoicePeriod) => {
                cx.require(listed_small(UNCL2005_SUBSET, text), "BR-CL-06", id);
            }
            Tag::ID
                if scheme.is_some()
                    && (parent_is(doc, id, Tag::AdditionalDocumentReference)
                        || parent_is(doc, id, Tag::DocumentReference))
                    && doc
                        .kids(node.parent, Ns::Cbc, Tag::DocumentTypeCode)
                        .any(|c| doc.raw(c) == "130") =>
            {
                let ok = scheme.is_some_and(|s| listed(codes!(DOCUMENT_SCHEMES), s));
                cx.require(ok, "BR-CL-07", id);
            }
            Tag::ID if scheme.is_some() && parent_is(doc, id, Tag::PartyIdentification) => {
                let scheme = scheme.unwrap_or_default();
                let sepa = listed_small(&["SEPA"], scheme)
                    && (has_ancestor(doc, id, Tag::AccountingSupplierParty)
                        || has_ancestor(doc, id, Tag::PayeeParty));
                cx.require(
                    listed(codes!(PARTY_ID_SCHEMES), scheme) || sepa,
                    "BR-CL-10",
                    id,
                );
            }
            Tag::CompanyID if scheme.is_some() && parent_is(doc, id, Tag::PartyLegalEntity) => {
                let ok = scheme.is_some_and(|s| listed(codes!(ICD), s));
                cx.require(ok, "BR-CL-11", id);
            }
            Tag::ItemClassificationCode if parent_is(doc, id, Tag::CommodityClassification) => {
                if let Some(list_id) = doc.attr(id, "listID") {
                    cx.require(
                        listed(codes!(ITEM_CLASSIFICATIONS), list_id),
                        "BR-CL-13",
                        id,
                    );
                }
            }
            Tag::IdentificationCode if parent_is(doc, id, Tag::Country) => {
                cx.require(listed(codes!(COUNTRIES), text), "BR-CL-14", id);
            }
            Tag::IdentificationCode if parent_is(doc, id, Tag::OriginCountry) => {
                cx.require(listed(codes!(COUNTRIES), text), "BR-CL-15", id);
            }
            Tag::PaymentMeansCode if parent_is(doc, id, Tag::PaymentMeans) => {
                cx.require(listed(codes!(PAYMENT_MEANS), text), "BR-CL-16", id);
            }
            Tag::ID if parent_is(doc, id, Tag::TaxCategory) => {
                cx.require(listed_small(TAX_CATEGORIES, text), "BR-CL-17", id);
            }
            Tag::ID if parent_is(doc, id, Tag::ClassifiedTaxCategory) => {
                cx.require(listed_small(TAX_CATEGORIES, text), "BR-CL-18", id);
            }
            Tag::AllowanceChargeReasonCode if parent_is(doc, id, Tag::AllowanceCharge) => {
                match charge_indicator(doc, node.parent) {
                    Some(false) => {
                        cx.require(listed(codes!(ALLOWANCE_REASONS), text), "BR-CL-19", id)
                    }
                    Some(true) => cx.require(listed(codes!(CHARGE_REASONS), text), "BR-CL-20", id),
                    None => {}
                }
            }
            Tag::ID if scheme.is_some() && parent_is(doc, id, Tag::StandardItemIdentification) => {
                let ok = scheme.is_some_and(|s| listed(codes!(ICD), s));
                cx.require(ok, "BR-CL-21", id);
            }
            Tag::TaxExemptionReasonCode => {
                let ok = listed(codes!(EXEMPTION_REASONS), &text.to_uppercase());
                cx.require(ok, "BR-CL-22", id);
            }
            Tag::InvoicedQuantity | Tag::BaseQuantity | Tag::CreditedQuantity => {
                if let Some(unit) = doc.attr(id, "unitCode") {
                    let ok = one_word(unit).is_some_and(|u| units.contains(u));
                    cx.require(ok, "BR-CL-23", id);
                }
            }
            Tag::EmbeddedDocumentBinaryObject => {
                if let Some(mime) = doc.attr(id, "mimeCode") {
                    cx.require(MIME.contains(&mime), "BR-CL-24", id);
                }
            }
            Tag::EndpointID => {
                if let Some(scheme) = scheme {
                    cx.require(listed(codes!(EAS), scheme), "BR-CL-25", id);
                }
            }
            Tag::ID if scheme.is_some() && parent_is(doc, id, Tag::DeliveryLocation) => {
                let ok = scheme.is_some_and(|s| listed(codes!(ICD), s));
                cx.require(ok, "BR-CL-26", id);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cen_codes;
    use crate::rules::testing::check;

    #[test]
    fn tables_are_sorted() {
        for list in [
            cen_codes::UNCL1001_INVOICE,
            cen_codes::CURRENCIES,
            cen_codes::DOCUMENT_SCHEMES,
            cen_codes::PARTY_ID_SCHEMES,
            cen_codes::ICD,
            cen_codes::ITEM_CLASSIFICATIONS,
            cen_codes::COUNTRIES,
            cen_codes::PAYMENT_MEANS,
            cen_codes::ALLOWANCE_REASONS,
            cen_codes::CHARGE_REASONS,
            cen_codes::EXEMPTION_REASONS,
            cen_codes::UNITS,
            cen_codes::EAS,
            super::UNCL4451,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn note_subjects() {
        use super::note_subject_ok;
        assert!(note_subject_ok("no code"));
        assert!(note_subject_ok("#AAI#text"));
        assert!(!note_subject_ok("#QQQ#text"));
        assert!(note_subject_ok("#QQQQ#longer code is not judged"));
        assert!(note_subject_ok("#QQQ no closing hash"));
        assert!(note_subject_ok("#A A#spans two codes in the list"));
    }

    #[test]
    fn codes() {
        check(
            "<cbc:InvoiceTypeCode> 380 </cbc:InvoiceTypeCode><cbc:DocumentCurrencyCode>NOKK</cbc:DocumentCurrencyCode>\
             <cac:InvoiceLine><cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>\
             <cbc:LineExtensionAmount currencyID=\"XYZ\">1</cbc:LineExtensionAmount></cac:InvoiceLine>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>30 </cbc:PaymentMeansCode></cac:PaymentMeans>",
            &[
                ("BR-CL-01", 0),
                ("BR-CL-04", 1),
                ("BR-CL-23", 0),
                ("BR-CL-03", 1),
                ("BR-CL-16", 0),
            ],
        );
    }
}
