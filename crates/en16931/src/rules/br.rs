//! Core EN16931 business rules BR-01 … BR-67 (presence and consistency of business terms),
//! the presence rules BR-CO-04/18/21…25 and the decimal-count rules BR-DEC-*.
//!
//! In the official Schematron these live in one pattern, where each element is judged by the
//! first rule whose context matches; the dispatch in [`check`] keeps that order.

use super::codelists::TagSet;
use super::fatal;
use super::{
    Category, Ctx, Facts, Flag, Num, RuleInfo, at_most_two_decimals, charge_indicator,
    is_vat_scheme,
};
use crate::doc::{Doc, Kind, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "BR-01",
        "The document must state its specification identifier (BT-24).",
    ),
    fatal("BR-02", "The document must have a number (BT-1)."),
    fatal("BR-03", "The document must have an issue date (BT-2)."),
    fatal("BR-04", "The document must have a type code (BT-3)."),
    fatal("BR-05", "The document must state its currency (BT-5)."),
    fatal("BR-06", "The seller's legal name (BT-27) must be given."),
    fatal("BR-07", "The buyer's legal name (BT-44) must be given."),
    fatal("BR-08", "The seller's postal address (BG-5) must be given."),
    fatal(
        "BR-09",
        "The seller's postal address must have a country code (BT-40).",
    ),
    fatal("BR-10", "The buyer's postal address (BG-8) must be given."),
    fatal(
        "BR-11",
        "The buyer's postal address must have a country code (BT-55).",
    ),
    fatal(
        "BR-12",
        "The totals must include the sum of line net amounts (BT-106).",
    ),
    fatal(
        "BR-13",
        "The totals must include the total without VAT (BT-109).",
    ),
    fatal(
        "BR-14",
        "The totals must include the total with VAT (BT-112).",
    ),
    fatal(
        "BR-15",
        "The totals must include the amount due for payment (BT-115).",
    ),
    fatal("BR-16", "The document must have at least one line (BG-25)."),
    fatal(
        "BR-17",
        "A payee must have a name and must not be the seller (name or identifier).",
    ),
    RuleInfo {
        id: "BR-51",
        flag: Flag::Warning,
        description: "A card number should be masked: at most the first 6 and last 4 digits shown.",
    },
    fatal(
        "BR-53",
        "A VAT accounting currency requires the total VAT in that currency (BT-111).",
    ),
    fatal(
        "BR-CO-03",
        "The VAT point date (BT-7) and its code (BT-8) must not both be given.",
    ),
    fatal(
        "BR-CO-19",
        "An invoicing period needs a start date, an end date, or a date code alone.",
    ),
    fatal(
        "BR-CO-20",
        "A line period needs a start date or an end date.",
    ),
    fatal(
        "BR-CO-26",
        "The seller needs a VAT identifier, an identifier or a legal registration identifier.",
    ),
    fatal(
        "BR-18",
        "A seller tax representative must have a name (BT-62).",
    ),
    fatal(
        "BR-19",
        "A seller tax representative must have a postal address (BG-12).",
    ),
    fatal(
        "BR-20",
        "The tax representative's postal address must have a country code (BT-69).",
    ),
    fatal("BR-21", "Every line must have a line identifier (BT-126)."),
    fatal("BR-22", "Every line must have a quantity (BT-129)."),
    fatal(
        "BR-23",
        "Every line quantity must carry a unit of measure code (BT-130).",
    ),
    fatal("BR-24", "Every line must have a line net amount (BT-131)."),
    fatal("BR-25", "Every line must name the item (BT-153)."),
    fatal("BR-26", "Every line must have an item net price (BT-146)."),
    fatal("BR-27", "The item net price (BT-146) must not be negative."),
    fatal(
        "BR-28",
        "The item gross price (BT-148) must not be negative.",
    ),
    fatal(
        "BR-29",
        "The invoicing period must not end before it starts (BT-73/BT-74).",
    ),
    fatal(
        "BR-30",
        "A line period must not end before it starts (BT-134/BT-135).",
    ),
    fatal(
        "BR-31",
        "A document level allowance must have an amount (BT-92).",
    ),
    fatal(
        "BR-32",
        "A document level allowance must have a VAT category code (BT-95).",
    ),
    fatal(
        "BR-33",
        "A document level allowance must have a reason text or code (BT-97/BT-98).",
    ),
    fatal(
        "BR-36",
        "A document level charge must have an amount (BT-99).",
    ),
    fatal(
        "BR-37",
        "A document level charge must have a VAT category code (BT-102).",
    ),
    fatal(
        "BR-38",
        "A document level charge must have a reason text or code (BT-104/BT-105).",
    ),
    fatal("BR-41", "A line allowance must have an amount (BT-136)."),
    fatal(
        "BR-42",
        "A line allowance must have a reason text or code (BT-139/BT-140).",
    ),
    fatal("BR-43", "A line charge must have an amount (BT-141)."),
    fatal(
        "BR-44",
        "A line charge must have a reason text or code (BT-144/BT-145).",
    ),
    fatal(
        "BR-45",
        "Every VAT breakdown must have a taxable amount (BT-116).",
    ),
    fatal(
        "BR-46",
        "Every VAT breakdown must have a tax amount (BT-117).",
    ),
    fatal(
        "BR-47",
        "Every VAT breakdown must have a VAT category code (BT-118).",
    ),
    fatal(
        "BR-48",
        "Every VAT breakdown must have a rate (BT-119) unless it is 'not subject to VAT'.",
    ),
    fatal(
        "BR-49",
        "Every payment instruction must have a payment means code (BT-81).",
    ),
    fatal(
        "BR-50",
        "Credit transfer information must include the account identifier (BT-84).",
    ),
    fatal(
        "BR-52",
        "Every supporting document must have a reference (BT-122).",
    ),
    fatal(
        "BR-54",
        "Every item attribute must have both a name and a value (BT-160/BT-161).",
    ),
    fatal(
        "BR-55",
        "A preceding invoice reference must give the invoice's number (BT-25).",
    ),
    fatal(
        "BR-56",
        "A seller tax representative must have a VAT identifier (BT-63).",
    ),
    fatal(
        "BR-57",
        "A deliver-to address must have a country code (BT-80).",
    ),
    fatal(
        "BR-61",
        "Payment by credit transfer (codes 30, 58) must give the account identifier.",
    ),
    fatal(
        "BR-62",
        "The seller's electronic address (BT-34) must carry a scheme identifier.",
    ),
    fatal(
        "BR-63",
        "The buyer's electronic address (BT-49) must carry a scheme identifier.",
    ),
    fatal(
        "BR-64",
        "An item standard identifier (BT-157) must carry a scheme identifier.",
    ),
    fatal(
        "BR-65",
        "An item classification code (BT-158) must carry a list identifier.",
    ),
    fatal("BR-66", "At most one payment card (BG-18) may be given."),
    fatal("BR-67", "At most one payment mandate (BG-19) may be given."),
    fatal(
        "BR-CO-04",
        "Every line must carry a VAT category code for the item (BT-151).",
    ),
    fatal(
        "BR-CO-05",
        "A document level allowance reason code and reason text must mean the same (not testable: never fires).",
    ),
    fatal(
        "BR-CO-06",
        "A document level charge reason code and reason text must mean the same (not testable: never fires).",
    ),
    fatal(
        "BR-CO-07",
        "A line allowance reason code and reason text must mean the same (not testable: never fires).",
    ),
    fatal(
        "BR-CO-08",
        "A line charge reason code and reason text must mean the same (not testable: never fires).",
    ),
    fatal(
        "BR-CO-09",
        "A VAT identifier must start with a country code (ISO 3166-1, or EL for Greece).",
    ),
    fatal(
        "BR-CO-18",
        "The document must have at least one VAT breakdown (BG-23).",
    ),
    fatal(
        "BR-CO-21",
        "A document level allowance needs a reason text, a reason code or both.",
    ),
    fatal(
        "BR-CO-22",
        "A document level charge needs a reason text, a reason code or both.",
    ),
    fatal(
        "BR-CO-23",
        "A line allowance needs a reason text, a reason code or both.",
    ),
    fatal(
        "BR-CO-24",
        "A line charge needs a reason text, a reason code or both.",
    ),
    fatal(
        "BR-CO-25",
        "A positive amount due needs a due date (BT-9) or payment terms (BT-20).",
    ),
    fatal(
        "BR-DEC-01",
        "Document level allowance amount (BT-92): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-02",
        "Document level allowance base amount (BT-93): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-05",
        "Document level charge amount (BT-99): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-06",
        "Document level charge base amount (BT-100): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-09",
        "Sum of line net amounts (BT-106): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-10",
        "Sum of document level allowances (BT-107): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-11",
        "Sum of document level charges (BT-108): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-12",
        "Total without VAT (BT-109): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-13",
        "Total VAT (BT-110) in the document currency: at most 2 decimals.",
    ),
    fatal("BR-DEC-14", "Total with VAT (BT-112): at most 2 decimals."),
    fatal(
        "BR-DEC-15",
        "Total VAT in the accounting currency (BT-111): at most 2 decimals.",
    ),
    fatal("BR-DEC-16", "Paid amount (BT-113): at most 2 decimals."),
    fatal("BR-DEC-17", "Rounding amount (BT-114): at most 2 decimals."),
    fatal(
        "BR-DEC-18",
        "Amount due for payment (BT-115): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-19",
        "VAT category taxable amount (BT-116): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-20",
        "VAT category tax amount (BT-117): at most 2 decimals.",
    ),
    fatal("BR-DEC-23", "Line net amount (BT-131): at most 2 decimals."),
    fatal(
        "BR-DEC-24",
        "Line allowance amount (BT-136): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-25",
        "Line allowance base amount (BT-137): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-27",
        "Line charge amount (BT-141): at most 2 decimals.",
    ),
    fatal(
        "BR-DEC-28",
        "Line charge base amount (BT-142): at most 2 decimals.",
    ),
];

/// `normalize-space(x) != ''` for the first match of a path (absent counts as empty).
fn filled(doc: &Doc, from: NodeId, steps: &[(Ns, Tag)]) -> bool {
    doc.path(from, steps)
        .is_some_and(|id| !crate::doc::is_blank(doc.raw(id)))
}

fn has(doc: &Doc, from: NodeId, ns: Ns, tag: Tag) -> bool {
    doc.kid(from, ns, tag).is_some()
}

/// Whether the ancestors of `id`, nearest first, are the given `cac:` elements.
fn under(doc: &Doc, id: NodeId, ancestors: &[Tag]) -> bool {
    let mut cur = id;
    for &tag in ancestors {
        let parent = doc.node(cur).parent;
        if parent == u32::MAX || !doc.is(parent, Ns::Cac, tag) {
            return false;
        }
        cur = parent;
    }
    true
}

/// A plain `xs:date` (YYYY-MM-DD) as a comparable string; anything else is not judged.
fn plain_date<'d>(doc: &'d Doc, id: Option<NodeId>) -> Option<&'d str> {
    let text = doc.text(id?);
    let b = text.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then_some(text)
}

/// The element names the walk in [`check`] judges (whatever their namespace): one look-up
/// dismisses every other element.
const WATCHED: TagSet = TagSet::new(&[
    Tag::AdditionalDocumentReference,
    Tag::PayableAmount,
    Tag::EndpointID,
    Tag::PostalAddress,
    Tag::Address,
    Tag::AllowanceCharge,
    Tag::LegalMonetaryTotal,
    Tag::InvoiceLine,
    Tag::CreditNoteLine,
    Tag::InvoicePeriod,
    Tag::AdditionalItemProperty,
    Tag::ItemClassificationCode,
    Tag::ID,
    Tag::PayeeFinancialAccount,
    Tag::PaymentMeans,
    Tag::BillingReference,
    Tag::AccountingSupplierParty,
    Tag::PayeeParty,
    Tag::PrimaryAccountNumberID,
    Tag::TaxRepresentativeParty,
    Tag::TaxSubtotal,
    Tag::PartyTaxScheme,
    // For BR-DEC-13/15 ([`TaxTotalDecimals`]).
    Tag::TaxAmount,
]);

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    check_root(cx, root);
    // BR-DEC-13/15 are document-level rules reported after the others of `check_root`, but
    // their amounts are picked in the walk below: their firings are moved before the walk's.
    let start = cx.mark();
    let mut decimals = TaxTotalDecimals::default();
    for id in doc.all() {
        let node = doc.node(id);
        if !WATCHED.contains(node.tag) {
            continue;
        }
        match (node.ns, node.tag) {
            (Ns::Cac, Tag::AdditionalDocumentReference) => {
                cx.require(filled(doc, id, &[(Ns::Cbc, Tag::ID)]), "BR-52", id);
            }
            (Ns::Cbc, Tag::PayableAmount)
                if doc.kind() == Kind::Invoice
                    && doc.is(node.parent, Ns::Cac, Tag::LegalMonetaryTotal)
                    && doc.node(node.parent).parent == root =>
            {
                if let Num::Val(v) = Num::of(doc, Some(id))
                    && v > rust_decimal::Decimal::ZERO
                {
                    let due = cx.facts.due_date || cx.facts.payment_terms_note;
                    cx.require(due, "BR-CO-25", id);
                }
            }
            (Ns::Cbc, Tag::EndpointID)
                if under(doc, id, &[Tag::Party, Tag::AccountingCustomerParty]) =>
            {
                cx.require(doc.attr(id, "schemeID").is_some(), "BR-63", id);
            }
            (Ns::Cbc, Tag::EndpointID)
                if under(doc, id, &[Tag::Party, Tag::AccountingSupplierParty]) =>
            {
                cx.require(doc.attr(id, "schemeID").is_some(), "BR-62", id);
            }
            (Ns::Cac, Tag::PostalAddress)
                if under(doc, id, &[Tag::Party, Tag::AccountingCustomerParty]) =>
            {
                let ok = filled(
                    doc,
                    id,
                    &[(Ns::Cac, Tag::Country), (Ns::Cbc, Tag::IdentificationCode)],
                );
                cx.require(ok, "BR-11", id);
            }
            (Ns::Cac, Tag::PostalAddress)
                if under(doc, id, &[Tag::Party, Tag::AccountingSupplierParty]) =>
            {
                let ok = filled(
                    doc,
                    id,
                    &[(Ns::Cac, Tag::Country), (Ns::Cbc, Tag::IdentificationCode)],
                );
                cx.require(ok, "BR-09", id);
            }
            (Ns::Cac, Tag::PostalAddress) if under(doc, id, &[Tag::TaxRepresentativeParty]) => {
                let ok = filled(
                    doc,
                    id,
                    &[(Ns::Cac, Tag::Country), (Ns::Cbc, Tag::IdentificationCode)],
                );
                cx.require(ok, "BR-20", id);
            }
            (Ns::Cac, Tag::Address) if under(doc, id, &[Tag::DeliveryLocation, Tag::Delivery]) => {
                let ok = doc
                    .path(
                        id,
                        &[(Ns::Cac, Tag::Country), (Ns::Cbc, Tag::IdentificationCode)],
                    )
                    .is_some();
                cx.require(ok, "BR-57", id);
            }
            (Ns::Cac, Tag::AllowanceCharge) if node.parent == root => {
                check_document_allowance_charge(cx, id);
            }
            (Ns::Cac, Tag::LegalMonetaryTotal) => check_totals(cx, id),
            (Ns::Cac, Tag::InvoiceLine | Tag::CreditNoteLine) => check_line(cx, id),
            (Ns::Cac, Tag::AllowanceCharge) if under_line(doc, id) => {
                check_line_allowance_charge(cx, id);
            }
            (Ns::Cac, Tag::InvoicePeriod) => {
                let parent = node.parent;
                let rule = if doc.is(parent, Ns::Cac, Tag::InvoiceLine)
                    || doc.is(parent, Ns::Cac, Tag::CreditNoteLine)
                {
                    "BR-30"
                } else {
                    "BR-29"
                };
                let has_start = has(doc, id, Ns::Cbc, Tag::StartDate);
                let has_end = has(doc, id, Ns::Cbc, Tag::EndDate);
                if rule == "BR-30" {
                    cx.require(has_start || has_end, "BR-CO-20", id);
                } else {
                    let code = has(doc, id, Ns::Cbc, Tag::DescriptionCode);
                    cx.require(has_start || has_end || code, "BR-CO-19", id);
                }
                let start = plain_date(doc, doc.kid(id, Ns::Cbc, Tag::StartDate));
                let end = plain_date(doc, doc.kid(id, Ns::Cbc, Tag::EndDate));
                if let (Some(start), Some(end)) = (start, end) {
                    cx.require(end >= start, rule, id);
                }
            }
            (Ns::Cac, Tag::AdditionalItemProperty) => {
                let ok = has(doc, id, Ns::Cbc, Tag::Name) && has(doc, id, Ns::Cbc, Tag::Value);
                cx.require(ok, "BR-54", id);
            }
            (Ns::Cbc, Tag::ItemClassificationCode)
                if under(doc, id, &[Tag::CommodityClassification, Tag::Item])
                    && under_line(doc, doc.node(doc.node(id).parent).parent) =>
            {
                cx.require(doc.attr(id, "listID").is_some(), "BR-65", id);
            }
            (Ns::Cbc, Tag::ID)
                if under(doc, id, &[Tag::StandardItemIdentification, Tag::Item])
                    && under_line(doc, doc.node(doc.node(id).parent).parent) =>
            {
                cx.require(doc.attr(id, "schemeID").is_some(), "BR-64", id);
            }
            (Ns::Cac, Tag::PayeeFinancialAccount)
                if doc.is(node.parent, Ns::Cac, Tag::PaymentMeans) =>
            {
                let means = node.parent;
                let code = doc
                    .kid(means, Ns::Cbc, Tag::PaymentMeansCode)
                    .map(|c| doc.norm(c));
                if matches!(code.as_deref(), Some("30" | "58")) {
                    cx.require(filled(doc, id, &[(Ns::Cbc, Tag::ID)]), "BR-50", id);
                }
            }
            (Ns::Cac, Tag::PaymentMeans) => {
                let code = doc.kid(id, Ns::Cbc, Tag::PaymentMeansCode);
                cx.require(code.is_some(), "BR-49", id);
                let code = code.map(|c| doc.norm(c));
                if let Some("30" | "58") = code.as_deref() {
                    let ok = doc
                        .path(
                            id,
                            &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
                        )
                        .is_some();
                    cx.require(ok, "BR-61", id);
                }
            }
            (Ns::Cac, Tag::BillingReference) => {
                let ok = doc
                    .path(
                        id,
                        &[(Ns::Cac, Tag::InvoiceDocumentReference), (Ns::Cbc, Tag::ID)],
                    )
                    .is_some();
                cx.require(ok, "BR-55", id);
            }
            (Ns::Cac, Tag::AccountingSupplierParty) => {
                let party = |steps: &[(Ns, Tag)]| doc.path_exists(id, steps);
                let vat_id = doc.kids(id, Ns::Cac, Tag::Party).any(|p| {
                    doc.kids(p, Ns::Cac, Tag::PartyTaxScheme).any(|pts| {
                        is_vat_scheme(doc, pts) && has(doc, pts, Ns::Cbc, Tag::CompanyID)
                    })
                });
                let ok = vat_id
                    || party(&[
                        (Ns::Cac, Tag::Party),
                        (Ns::Cac, Tag::PartyIdentification),
                        (Ns::Cbc, Tag::ID),
                    ])
                    || party(&[
                        (Ns::Cac, Tag::Party),
                        (Ns::Cac, Tag::PartyLegalEntity),
                        (Ns::Cbc, Tag::CompanyID),
                    ]);
                cx.require(ok, "BR-CO-26", id);
            }
            (Ns::Cac, Tag::PayeeParty) => {
                let texts = |from: NodeId, steps: &[(Ns, Tag)]| -> Vec<String> {
                    doc.path_all(from, steps)
                        .into_iter()
                        .map(|n| doc.raw(n).to_owned())
                        .collect()
                };
                let seller = doc
                    .kids(node.parent, Ns::Cac, Tag::AccountingSupplierParty)
                    .collect::<Vec<_>>();
                let seller_texts = |steps: &[(Ns, Tag)]| -> Vec<String> {
                    seller.iter().flat_map(|&s| texts(s, steps)).collect()
                };
                let names = texts(id, &[(Ns::Cac, Tag::PartyName), (Ns::Cbc, Tag::Name)]);
                let ids = texts(
                    id,
                    &[(Ns::Cac, Tag::PartyIdentification), (Ns::Cbc, Tag::ID)],
                );
                let seller_names = seller_texts(&[
                    (Ns::Cac, Tag::Party),
                    (Ns::Cac, Tag::PartyName),
                    (Ns::Cbc, Tag::Name),
                ]);
                let seller_ids = seller_texts(&[
                    (Ns::Cac, Tag::Party),
                    (Ns::Cac, Tag::PartyIdentification),
                    (Ns::Cbc, Tag::ID),
                ]);
                let ok = !names.is_empty()
                    && !names.iter().any(|n| seller_names.contains(n))
                    && !ids.iter().any(|i| seller_ids.contains(i));
                cx.require(ok, "BR-17", id);
            }
            (Ns::Cbc, Tag::PrimaryAccountNumberID)
                if under(doc, id, &[Tag::CardAccount, Tag::PaymentMeans]) =>
            {
                cx.require(doc.norm(id).chars().count() <= 10, "BR-51", id);
            }
            (Ns::Cac, Tag::TaxRepresentativeParty) => {
                cx.require(
                    filled(doc, id, &[(Ns::Cac, Tag::PartyName), (Ns::Cbc, Tag::Name)]),
                    "BR-18",
                    id,
                );
                cx.require(has(doc, id, Ns::Cac, Tag::PostalAddress), "BR-19", id);
                let vat_id = doc
                    .kids(id, Ns::Cac, Tag::PartyTaxScheme)
                    .any(|pts| is_vat_scheme(doc, pts) && has(doc, pts, Ns::Cbc, Tag::CompanyID));
                cx.require(vat_id, "BR-56", id);
            }
            (Ns::Cac, Tag::TaxSubtotal) if doc.is(node.parent, Ns::Cac, Tag::TaxTotal) => {
                check_subtotal(cx, id);
            }
            (Ns::Cac, Tag::PartyTaxScheme) if is_vat_scheme(doc, id) => {
                let mut ids = doc.kids(id, Ns::Cbc, Tag::CompanyID);
                let first = ids.next();
                if ids.next().is_none() {
                    // The first two characters (fewer when the identifier is shorter).
                    let prefix = first.map_or("", |c| {
                        let raw = doc.raw(c);
                        raw.char_indices()
                            .nth(2)
                            .map_or(raw, |(end, _)| &raw[..end])
                    });
                    cx.require(vat_prefix_ok(prefix), "BR-CO-09", id);
                }
            }
            (Ns::Cbc, Tag::TaxAmount) => decimals.see(doc, id),
            _ => {}
        }
    }
    let walked = cx.mark();
    decimals.report(cx, root);
    cx.hoist(start, walked);
}

/// The official test looks the prefix up as a substring of the space-separated country list,
/// so short or space-containing prefixes can pass too; this reproduces that.
fn vat_prefix_ok(prefix: &str) -> bool {
    if prefix.chars().count() < 2 || prefix.contains(' ') {
        let list: String = super::codelists::ISO3166
            .iter()
            .chain(&["EL"])
            .map(|c| format!(" {c} "))
            .collect();
        return list.contains(prefix);
    }
    prefix == "EL" || super::codelists::contains(super::codelists::ISO3166, prefix)
}

fn under_line(doc: &Doc, id: NodeId) -> bool {
    under(doc, id, &[Tag::InvoiceLine]) || under(doc, id, &[Tag::CreditNoteLine])
}

fn check_root(cx: &mut Ctx<'_>, root: NodeId) {
    let doc = cx.doc;
    cx.require(
        filled(doc, root, &[(Ns::Cbc, Tag::CustomizationID)]),
        "BR-01",
        root,
    );
    cx.require(filled(doc, root, &[(Ns::Cbc, Tag::ID)]), "BR-02", root);
    cx.require(
        filled(doc, root, &[(Ns::Cbc, Tag::IssueDate)]),
        "BR-03",
        root,
    );
    let type_code = filled(doc, root, &[(Ns::Cbc, Tag::InvoiceTypeCode)])
        || filled(doc, root, &[(Ns::Cbc, Tag::CreditNoteTypeCode)]);
    cx.require(type_code, "BR-04", root);
    cx.require(
        filled(doc, root, &[(Ns::Cbc, Tag::DocumentCurrencyCode)]),
        "BR-05",
        root,
    );
    let name = |party: Tag| {
        [
            (Ns::Cac, party),
            (Ns::Cac, Tag::Party),
            (Ns::Cac, Tag::PartyLegalEntity),
            (Ns::Cbc, Tag::RegistrationName),
        ]
    };
    cx.require(
        filled(doc, root, &name(Tag::AccountingSupplierParty)),
        "BR-06",
        root,
    );
    cx.require(
        filled(doc, root, &name(Tag::AccountingCustomerParty)),
        "BR-07",
        root,
    );
    let address = |party: Tag| {
        [
            (Ns::Cac, party),
            (Ns::Cac, Tag::Party),
            (Ns::Cac, Tag::PostalAddress),
        ]
    };
    let seller_address = doc.path_exists(root, &address(Tag::AccountingSupplierParty));
    cx.require(seller_address, "BR-08", root);
    let buyer_address = doc.path_exists(root, &address(Tag::AccountingCustomerParty));
    cx.require(buyer_address, "BR-10", root);
    let lines =
        has(doc, root, Ns::Cac, Tag::InvoiceLine) || has(doc, root, Ns::Cac, Tag::CreditNoteLine);
    cx.require(lines, "BR-16", root);
    let cards = doc.path_count(
        root,
        &[(Ns::Cac, Tag::PaymentMeans), (Ns::Cac, Tag::CardAccount)],
    );
    cx.require(cards <= 1, "BR-66", root);
    let mandates = doc.path_count(
        root,
        &[(Ns::Cac, Tag::PaymentMeans), (Ns::Cac, Tag::PaymentMandate)],
    );
    cx.require(mandates <= 1, "BR-67", root);
    let breakdown = doc.path_exists(
        root,
        &[(Ns::Cac, Tag::TaxTotal), (Ns::Cac, Tag::TaxSubtotal)],
    );
    cx.require(breakdown, "BR-CO-18", root);
    let point_date = has(doc, root, Ns::Cbc, Tag::TaxPointDate);
    let point_code = doc.path_exists(
        root,
        &[
            (Ns::Cac, Tag::InvoicePeriod),
            (Ns::Cbc, Tag::DescriptionCode),
        ],
    );
    cx.require(!(point_date && point_code), "BR-CO-03", root);
    // Tax currency codes are rare, so the tax amounts are looked through only for them.
    let accounted = doc.kids(root, Ns::Cbc, Tag::TaxCurrencyCode).all(|c| {
        let code = doc.raw(c);
        doc.all().any(|n| {
            doc.is(n, Ns::Cbc, Tag::TaxAmount)
                && doc.is(doc.node(n).parent, Ns::Cac, Tag::TaxTotal)
                && doc.attr(n, "currencyID") == Some(code)
        })
    });
    cx.require(accounted, "BR-53", root);
}

/// What BR-DEC-13/15 pick, gathered in the walk of [`check`].
#[derive(Default)]
struct TaxTotalDecimals {
    /// Per rule: how many amounts were picked, and the first.
    picked: [(usize, NodeId); 2],
}

impl TaxTotalDecimals {
    /// Look at a `cbc:TaxAmount`. Only an amount of a tax total with child elements can be
    /// picked.
    fn see(&mut self, doc: &Doc, id: NodeId) {
        if !(doc.has_children(id) && doc.is(doc.node(id).parent, Ns::Cac, Tag::TaxTotal)) {
            return;
        }
        let Some(currency) = doc.attr(id, "currencyID") else {
            return;
        };
        let codes = [Tag::DocumentCurrencyCode, Tag::TaxCurrencyCode];
        for (code, (count, first)) in codes.into_iter().zip(&mut self.picked) {
            if doc.kids(id, Ns::Cbc, code).any(|c| doc.raw(c) == currency) {
                if *count == 0 {
                    *first = id;
                }
                *count += 1;
            }
        }
    }

    /// BR-DEC-13/15 as the official tests are written: the tax totals picked are those whose
    /// `currencyID` equals a `cbc:DocumentCurrencyCode` (`cbc:TaxCurrencyCode`) *child of the
    /// amount itself*, so in a UBL document none is picked and the rules pass. More than one
    /// picked amount stops the official XSLT (not judged).
    fn report(&self, cx: &mut Ctx<'_>, root: NodeId) {
        for ((count, one), rule) in self.picked.into_iter().zip(["BR-DEC-13", "BR-DEC-15"]) {
            if count == 1 {
                cx.require(at_most_two_decimals(cx.doc, Some(one)), rule, root);
            }
        }
    }
}

fn has_reason(doc: &Doc, id: NodeId) -> bool {
    has(doc, id, Ns::Cbc, Tag::AllowanceChargeReason)
        || has(doc, id, Ns::Cbc, Tag::AllowanceChargeReasonCode)
}

/// Tax category `c` as [`Facts`] gathered it, when its scheme is VAT: every tax category of
/// the document is there, in document order, so its scheme and codes are not worked out again.
fn vat_category<'f, 'd>(facts: &'f Facts<'d>, c: NodeId) -> Option<&'f Category<'d>> {
    let at = facts
        .categories
        .binary_search_by_key(&c, |(_, category)| category.node)
        .ok()?;
    facts
        .categories
        .get(at)
        .map(|(_, category)| category)
        .filter(|category| category.vat)
}

/// A VAT tax category with a `cbc:ID` among the `ns:tag` children of `id`.
fn has_vat_category_code(facts: &Facts<'_>, doc: &Doc, id: NodeId, tag: Tag) -> bool {
    doc.kids(id, Ns::Cac, tag)
        .any(|c| vat_category(facts, c).is_some_and(|category| !category.codes.is_empty()))
}

fn check_document_allowance_charge(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let amount = doc.kid(id, Ns::Cbc, Tag::Amount);
    let base = doc.kid(id, Ns::Cbc, Tag::BaseAmount);
    let rules = match charge_indicator(doc, id) {
        Some(false) => [
            "BR-31",
            "BR-32",
            "BR-33",
            "BR-CO-21",
            "BR-DEC-01",
            "BR-DEC-02",
        ],
        Some(true) => [
            "BR-36",
            "BR-37",
            "BR-38",
            "BR-CO-22",
            "BR-DEC-05",
            "BR-DEC-06",
        ],
        None => return,
    };
    cx.require(amount.is_some(), rules[0], id);
    cx.require(
        has_vat_category_code(cx.facts, doc, id, Tag::TaxCategory),
        rules[1],
        id,
    );
    cx.require(has_reason(doc, id), rules[2], id);
    cx.require(has_reason(doc, id), rules[3], id);
    cx.require(at_most_two_decimals(doc, amount), rules[4], id);
    cx.require(at_most_two_decimals(doc, base), rules[5], id);
}

fn check_line_allowance_charge(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let amount = doc.kid(id, Ns::Cbc, Tag::Amount);
    let base = doc.kid(id, Ns::Cbc, Tag::BaseAmount);
    let rules = match charge_indicator(doc, id) {
        Some(false) => ["BR-41", "BR-42", "BR-CO-23", "BR-DEC-24", "BR-DEC-25"],
        Some(true) => ["BR-43", "BR-44", "BR-CO-24", "BR-DEC-27", "BR-DEC-28"],
        None => return,
    };
    cx.require(amount.is_some(), rules[0], id);
    cx.require(has_reason(doc, id), rules[1], id);
    cx.require(has_reason(doc, id), rules[2], id);
    cx.require(at_most_two_decimals(doc, amount), rules[3], id);
    cx.require(at_most_two_decimals(doc, base), rules[4], id);
}

fn check_totals(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let kid = |name| doc.kid(id, Ns::Cbc, name);
    cx.require(kid(Tag::LineExtensionAmount).is_some(), "BR-12", id);
    cx.require(kid(Tag::TaxExclusiveAmount).is_some(), "BR-13", id);
    cx.require(kid(Tag::TaxInclusiveAmount).is_some(), "BR-14", id);
    cx.require(kid(Tag::PayableAmount).is_some(), "BR-15", id);
    for (name, rule) in [
        (Tag::LineExtensionAmount, "BR-DEC-09"),
        (Tag::AllowanceTotalAmount, "BR-DEC-10"),
        (Tag::ChargeTotalAmount, "BR-DEC-11"),
        (Tag::TaxExclusiveAmount, "BR-DEC-12"),
        (Tag::TaxInclusiveAmount, "BR-DEC-14"),
        (Tag::PrepaidAmount, "BR-DEC-16"),
        (Tag::PayableRoundingAmount, "BR-DEC-17"),
        (Tag::PayableAmount, "BR-DEC-18"),
    ] {
        cx.require(at_most_two_decimals(doc, kid(name)), rule, id);
    }
}

fn check_line(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    cx.require(filled(doc, id, &[(Ns::Cbc, Tag::ID)]), "BR-21", id);
    let quantity = doc
        .kid(id, Ns::Cbc, Tag::InvoicedQuantity)
        .or_else(|| doc.kid(id, Ns::Cbc, Tag::CreditedQuantity));
    cx.require(quantity.is_some(), "BR-22", id);
    let unit = doc
        .kids(id, Ns::Cbc, Tag::InvoicedQuantity)
        .chain(doc.kids(id, Ns::Cbc, Tag::CreditedQuantity))
        .any(|q| doc.attr(q, "unitCode").is_some());
    cx.require(unit, "BR-23", id);
    let amount = doc.kid(id, Ns::Cbc, Tag::LineExtensionAmount);
    cx.require(amount.is_some(), "BR-24", id);
    cx.require(
        filled(doc, id, &[(Ns::Cac, Tag::Item), (Ns::Cbc, Tag::Name)]),
        "BR-25",
        id,
    );
    let prices = non_negative(
        doc,
        id,
        &[(Ns::Cac, Tag::Price), (Ns::Cbc, Tag::PriceAmount)],
    );
    cx.require(prices.any, "BR-26", id);
    // A general comparison: true when any price is >= 0; text that is no number stops the
    // official XSLT, so it is not judged here.
    if !prices.invalid {
        cx.require(prices.non_negative, "BR-27", id);
    }
    let bases = non_negative(
        doc,
        id,
        &[
            (Ns::Cac, Tag::Price),
            (Ns::Cac, Tag::AllowanceCharge),
            (Ns::Cbc, Tag::BaseAmount),
        ],
    );
    if bases.any && !bases.invalid {
        cx.require(bases.non_negative, "BR-28", id);
    }
    let category = doc
        .kids(id, Ns::Cac, Tag::Item)
        .any(|item| has_vat_category_code(cx.facts, doc, item, Tag::ClassifiedTaxCategory));
    cx.require(category, "BR-CO-04", id);
    cx.require(at_most_two_decimals(doc, amount), "BR-DEC-23", id);
}

/// What a general comparison `path >= 0` needs to know about the amounts a path reaches.
struct Signs {
    /// The path reaches an element.
    any: bool,
    /// One of them is no decimal.
    invalid: bool,
    /// One of them is a decimal >= 0.
    non_negative: bool,
}

fn non_negative(doc: &Doc, from: NodeId, steps: &[(Ns, Tag)]) -> Signs {
    let mut signs = Signs {
        any: false,
        invalid: false,
        non_negative: false,
    };
    doc.path_each(from, steps, &mut |n| {
        signs.any = true;
        match Num::of(doc, Some(n)) {
            Num::Val(d) => signs.non_negative |= !d.is_sign_negative() || d.is_zero(),
            _ => signs.invalid = true,
        }
    });
    signs
}

fn check_subtotal(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    cx.require(has(doc, id, Ns::Cbc, Tag::TaxableAmount), "BR-45", id);
    cx.require(has(doc, id, Ns::Cbc, Tag::TaxAmount), "BR-46", id);
    let facts = cx.facts;
    let vat_categories = || {
        doc.kids(id, Ns::Cac, Tag::TaxCategory)
            .filter_map(|c| vat_category(facts, c))
    };
    let code = vat_categories().any(|c| !c.codes.is_empty());
    cx.require(code, "BR-47", id);
    let rate = vat_categories().any(|c| has(doc, c.node, Ns::Cbc, Tag::Percent) || c.has("O"));
    cx.require(rate, "BR-48", id);
    cx.require(
        at_most_two_decimals(doc, doc.kid(id, Ns::Cbc, Tag::TaxableAmount)),
        "BR-DEC-19",
        id,
    );
    cx.require(
        at_most_two_decimals(doc, doc.kid(id, Ns::Cbc, Tag::TaxAmount)),
        "BR-DEC-20",
        id,
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    #[test]
    fn root_presence_rules() {
        check(
            "",
            &[
                ("BR-01", 1),
                ("BR-02", 1),
                ("BR-06", 1),
                ("BR-16", 1),
                ("BR-CO-18", 1),
            ],
        );
        check(
            "<cbc:CustomizationID>x</cbc:CustomizationID><cbc:ID> 1 </cbc:ID>",
            &[("BR-01", 0), ("BR-02", 0), ("BR-03", 1)],
        );
    }

    #[test]
    fn line_rules_fire_once_per_line() {
        let line = "<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity>1</cbc:InvoicedQuantity>\
            <cbc:LineExtensionAmount>1.005</cbc:LineExtensionAmount>\
            <cac:Price><cbc:PriceAmount>-1</cbc:PriceAmount></cac:Price></cac:InvoiceLine>";
        check(
            &format!("{line}{line}"),
            &[
                ("BR-21", 0),
                ("BR-22", 0),
                ("BR-23", 2),
                ("BR-25", 2),
                ("BR-26", 0),
                ("BR-27", 2),
                ("BR-CO-04", 2),
                ("BR-DEC-23", 2),
                ("BR-16", 0),
            ],
        );
    }

    #[test]
    fn allowance_charge_rules_split_on_indicator() {
        check(
            "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>\
             <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>\
             <cbc:AllowanceChargeReason>x</cbc:AllowanceChargeReason><cbc:Amount>1.123</cbc:Amount></cac:AllowanceCharge>",
            &[
                ("BR-31", 1),
                ("BR-33", 1),
                ("BR-36", 0),
                ("BR-38", 0),
                ("BR-37", 1),
                ("BR-DEC-05", 1),
            ],
        );
    }

    #[test]
    fn period_order() {
        check(
            "<cac:InvoicePeriod><cbc:StartDate>2024-02-01</cbc:StartDate><cbc:EndDate>2024-01-01</cbc:EndDate></cac:InvoicePeriod>",
            &[("BR-29", 1), ("BR-30", 0)],
        );
    }

    #[test]
    fn credit_transfer_needs_account() {
        check(
            "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>\
             <cac:PaymentMeans><cbc:PaymentMeansCode> 58 </cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>NO1</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>",
            &[("BR-61", 1), ("BR-49", 0), ("BR-50", 0)],
        );
    }
}
