//! Greek national rules (GR-R-*, GR-S-*): the structured invoice number, TIN check digits,
//! the MARK registration number and the invoice verification URL.

use super::{Ctx, RuleInfo, substring};
use super::{fatal, warning};
use crate::doc::{Doc, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "GR-R-001-1",
        "A Greek seller's invoice number must have 6 segments separated by '|'.",
    ),
    fatal(
        "GR-R-001-2",
        "Segment 1 of a Greek invoice number must be the seller's (or representative's) valid TIN.",
    ),
    fatal(
        "GR-R-001-3",
        "Segment 2 of a Greek invoice number must be the issue date as DD/MM/YYYY.",
    ),
    fatal(
        "GR-R-001-4",
        "Segment 3 of a Greek invoice number must be a non-negative integer.",
    ),
    fatal(
        "GR-R-001-5",
        "Segment 4 of a Greek invoice number must be a Greek document type.",
    ),
    fatal(
        "GR-R-001-6",
        "Segment 5 of a Greek invoice number must not be empty.",
    ),
    fatal(
        "GR-R-001-7",
        "Segment 6 of a Greek invoice number must not be empty.",
    ),
    fatal("GR-R-002", "A Greek seller must give its registered name."),
    fatal(
        "GR-R-003",
        "A Greek seller's VAT number must be EL followed by a valid TIN.",
    ),
    fatal(
        "GR-R-004-1",
        "A Greek seller's invoice must carry exactly one MARK number.",
    ),
    fatal("GR-R-004-2", "The MARK number must be a positive integer."),
    fatal("GR-R-005", "A Greek seller must give the buyer's name."),
    fatal(
        "GR-R-006",
        "Between Greek parties the buyer's VAT number must be EL followed by a valid TIN.",
    ),
    fatal(
        "GR-R-008-2",
        "A Greek seller's invoice may carry at most one invoice URL.",
    ),
    fatal(
        "GR-R-008-3",
        "A Greek invoice URL reference must give the URI.",
    ),
    fatal(
        "GR-R-009",
        "A Greek seller's electronic address must be its TIN in scheme 9933.",
    ),
    fatal(
        "GR-R-010",
        "Between Greek parties the buyer's electronic address must be its TIN in scheme 9933.",
    ),
    warning(
        "GR-S-008-1",
        "A Greek seller's invoice should carry one invoice URL.",
    ),
    warning(
        "GR-S-011",
        "A Greek seller should give its VAT number, EL followed by a valid TIN.",
    ),
];

const MARK: &str = "##M.AR.K##";
const URL: &str = "##INVOICE|URL##";
const DOCUMENT_TYPES: &[&str] = &["1.1", "1.6", "2.1", "2.4", "5.1", "5.2"];

/// The Greek TIN check over the first nine characters (weights 256 … 2, mod 11, mod 10).
fn tin_ok(value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    let digit = |i: usize| chars.get(i).and_then(|c| c.to_digit(10));
    let mut sum = 0u32;
    for i in 0..8 {
        let Some(d) = digit(i) else { return false };
        sum += d << (8 - i);
    }
    digit(8).is_some_and(|check| sum % 11 % 10 == check)
}

/// Party VAT `CompanyID`s whose raw (or normalized) `TaxScheme/ID` is VAT.
fn vat_ids<'d>(
    doc: &'d Doc<'_>,
    party: NodeId,
    normalized: bool,
) -> impl Iterator<Item = NodeId> + 'd {
    doc.kids(party, Ns::Cac, Tag::PartyTaxScheme)
        .filter(move |&pts| {
            doc.kids(pts, Ns::Cac, Tag::TaxScheme)
                .flat_map(|scheme| doc.kids(scheme, Ns::Cbc, Tag::ID))
                .any(|id| {
                    if normalized {
                        doc.norm(id) == "VAT"
                    } else {
                        doc.raw(id) == "VAT"
                    }
                })
        })
        .flat_map(move |pts| doc.kids(pts, Ns::Cbc, Tag::CompanyID))
}

fn party(doc: &Doc, which: Tag) -> Option<NodeId> {
    doc.path(doc.root(), &[(Ns::Cac, which), (Ns::Cac, Tag::Party)])
}

/// The buyer's country as the Peppol rules derive it.
fn customer_country(doc: &Doc) -> String {
    let Some(buyer) = party(doc, Tag::AccountingCustomerParty) else {
        return "XX".to_owned();
    };
    if let Some(prefix) = vat_ids(doc, buyer, false)
        .map(|c| substring(doc.raw(c), 1, 2))
        .find(|p| !p.is_empty())
    {
        return prefix.trim().to_uppercase();
    }
    doc.path(
        buyer,
        &[
            (Ns::Cac, Tag::PostalAddress),
            (Ns::Cac, Tag::Country),
            (Ns::Cbc, Tag::IdentificationCode),
        ],
    )
    .map_or_else(|| "XX".to_owned(), |c| doc.norm(c).to_uppercase())
}

/// The seller's country without the tax representative step.
fn accounting_supplier_country(doc: &Doc) -> String {
    let Some(seller) = party(doc, Tag::AccountingSupplierParty) else {
        return "XX".to_owned();
    };
    if let Some(prefix) = vat_ids(doc, seller, false)
        .map(|c| substring(doc.raw(c), 1, 2))
        .find(|p| !p.is_empty())
    {
        return prefix.trim().to_uppercase();
    }
    doc.path(
        seller,
        &[
            (Ns::Cac, Tag::PostalAddress),
            (Ns::Cac, Tag::Country),
            (Ns::Cbc, Tag::IdentificationCode),
        ],
    )
    .map_or_else(|| "XX".to_owned(), |c| doc.norm(c).to_uppercase())
}

fn name_given(doc: &Doc, party: NodeId) -> bool {
    doc.path(party, &[(Ns::Cac, Tag::PartyName), (Ns::Cbc, Tag::Name)])
        .is_some_and(|n| !doc.raw(n).is_empty())
}

/// GR-S-011 / GR-R-006: exactly one VAT id, EL + valid TIN.
fn greek_vat_ok(doc: &Doc, party: NodeId) -> bool {
    let mut ids = vat_ids(doc, party, true);
    match (ids.next(), ids.next()) {
        (Some(one), None) => {
            let text = &doc.raw(one);
            substring(text, 1, 2) == "EL" && tin_ok(&text.chars().skip(2).collect::<String>())
        }
        _ => false,
    }
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let seller_country: &str = &cx.facts.supplier_country;
    let greek_sender = seller_country == "GR" || seller_country == "EL";
    let buyer_country = customer_country(doc);
    let greek_receiver = buyer_country == "GR" || buyer_country == "EL";
    let accounting = accounting_supplier_country(doc);
    if accounting == "GR" || accounting == "EL" {
        for seller in doc.path_all(
            root,
            &[
                (Ns::Cac, Tag::AccountingSupplierParty),
                (Ns::Cac, Tag::Party),
            ],
        ) {
            for endpoint in doc
                .kids(seller, Ns::Cbc, Tag::EndpointID)
                .collect::<Vec<_>>()
            {
                let ok =
                    doc.attr(endpoint, "schemeID") == Some("9933") && tin_ok(doc.raw(endpoint));
                cx.require(ok, "GR-R-009", endpoint);
            }
        }
    }
    if !greek_sender {
        return;
    }
    if let Some(id) = doc.kid(root, Ns::Cbc, Tag::ID) {
        check_invoice_number(cx, id);
    }
    for seller in doc.path_all(
        root,
        &[
            (Ns::Cac, Tag::AccountingSupplierParty),
            (Ns::Cac, Tag::Party),
        ],
    ) {
        cx.require(name_given(doc, seller), "GR-R-002", seller);
        cx.require(greek_vat_ok(doc, seller), "GR-S-011", seller);
        for company in vat_ids(doc, seller, true) {
            let text = &doc.raw(company);
            let ok =
                substring(text, 1, 2) == "EL" && tin_ok(&text.chars().skip(2).collect::<String>());
            cx.require(ok, "GR-R-003", company);
        }
    }
    for buyer in doc.path_all(
        root,
        &[
            (Ns::Cac, Tag::AccountingCustomerParty),
            (Ns::Cac, Tag::Party),
        ],
    ) {
        cx.require(name_given(doc, buyer), "GR-R-005", buyer);
        if greek_receiver {
            cx.require(greek_vat_ok(doc, buyer), "GR-R-006", buyer);
            for endpoint in doc
                .kids(buyer, Ns::Cbc, Tag::EndpointID)
                .collect::<Vec<_>>()
            {
                let ok =
                    doc.attr(endpoint, "schemeID") == Some("9933") && tin_ok(doc.raw(endpoint));
                cx.require(ok, "GR-R-010", endpoint);
            }
        }
    }
    let seller_in_greece = doc
        .path_all(
            root,
            &[
                (Ns::Cac, Tag::AccountingSupplierParty),
                (Ns::Cac, Tag::Party),
                (Ns::Cac, Tag::PostalAddress),
                (Ns::Cac, Tag::Country),
                (Ns::Cbc, Tag::IdentificationCode),
            ],
        )
        .iter()
        .any(|&c| doc.raw(c) == "GR");
    let described = |r: NodeId, what: &str| {
        doc.kids(r, Ns::Cbc, Tag::DocumentDescription)
            .any(|d| doc.raw(d) == what)
    };
    let references: Vec<NodeId> = doc
        .kids(root, Ns::Cac, Tag::AdditionalDocumentReference)
        .collect();
    if seller_in_greece {
        let marks = references.iter().filter(|&&r| described(r, MARK)).count();
        let urls = references.iter().filter(|&&r| described(r, URL)).count();
        cx.require(marks == 1, "GR-R-004-1", root);
        cx.require(urls == 1, "GR-S-008-1", root);
        cx.require(urls <= 1, "GR-R-008-2", root);
    }
    for reference in doc
        .all()
        .filter(|&n| doc.is(n, Ns::Cac, Tag::AdditionalDocumentReference))
        .collect::<Vec<_>>()
    {
        if seller_in_greece && described(reference, MARK) {
            for id in doc.kids(reference, Ns::Cbc, Tag::ID).collect::<Vec<_>>() {
                let ok = doc
                    .raw(id)
                    .chars()
                    .next()
                    .is_some_and(|c| ('1'..='9').contains(&c));
                cx.require(ok, "GR-R-004-2", id);
            }
        }
        if described(reference, URL) {
            let uris = doc.path_all(
                reference,
                &[
                    (Ns::Cac, Tag::Attachment),
                    (Ns::Cac, Tag::ExternalReference),
                    (Ns::Cbc, Tag::URI),
                ],
            );
            if uris.len() <= 1 {
                let ok = uris.first().is_some_and(|&u| !doc.norm(u).is_empty());
                cx.require(ok, "GR-R-008-3", reference);
            }
        }
    }
}

fn check_invoice_number(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let root = doc.root();
    let text = &doc.raw(id);
    let segments: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        text.split('|').collect()
    };
    let segment = |i: usize| segments.get(i).copied();
    cx.require(segments.len() == 6, "GR-R-001-1", id);

    let tin = segment(0).unwrap_or("");
    let tin_of = |which: Tag| -> Vec<&str> {
        let holder = if which == Tag::TaxRepresentativeParty {
            doc.kid(root, Ns::Cac, which)
        } else {
            party(doc, which)
        };
        holder
            .map(|p| {
                vat_ids(doc, p, false)
                    .map(|c| substring(doc.raw(c), 3, 9))
                    .collect()
            })
            .unwrap_or_default()
    };
    let matches_party = tin_of(Tag::AccountingSupplierParty).contains(&tin)
        || tin_of(Tag::TaxRepresentativeParty).contains(&tin);
    let tin_valid = tin
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .count()
        == 9
        && tin_ok(tin)
        && matches_party;
    cx.require(tin_valid, "GR-R-001-2", id);

    let date = segment(1).unwrap_or("");
    let issue: Vec<String> = doc
        .kid(root, Ns::Cbc, Tag::IssueDate)
        .map(|d| doc.raw(d).split('-').map(str::to_owned).collect())
        .unwrap_or_default();
    let parts: Vec<&str> = date.split('/').collect();
    let same = |i: usize, j: usize| match (parts.get(i), issue.get(j)) {
        (Some(a), Some(b)) => *a == b.as_str(),
        _ => false,
    };
    let plausible = parts
        .first()
        .and_then(|d| d.parse::<u32>().ok())
        .is_some_and(|d| (1..=31).contains(&d))
        && parts
            .get(1)
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| (1..=12).contains(&m))
        && parts
            .get(2)
            .is_some_and(|y| y.len() >= 4 && (y.starts_with("19") || y.starts_with("20")));
    let ok = !date.trim().is_empty() && plausible && same(0, 2) && same(1, 1) && same(2, 0);
    cx.require(ok, "GR-R-001-3", id);

    let number = segment(2).unwrap_or("");
    let trimmed = number.trim();
    let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        cx.require(
            !trimmed.starts_with('-') || digits.bytes().all(|b| b == b'0'),
            "GR-R-001-4",
            id,
        );
    } else if trimmed.parse::<f64>().is_err() {
        cx.fire("GR-R-001-4", id);
    }

    let kind = segment(3).unwrap_or("");
    cx.require(
        !kind.trim().is_empty() && DOCUMENT_TYPES.contains(&kind),
        "GR-R-001-5",
        id,
    );
    cx.require(segment(4).is_some_and(|s| !s.is_empty()), "GR-R-001-6", id);
    cx.require(segment(5).is_some_and(|s| !s.is_empty()), "GR-R-001-7", id);
}

#[cfg(test)]
mod tests {
    use super::tin_ok;

    #[test]
    fn greek_tin() {
        assert!(tin_ok("094259216"));
        assert!(!tin_ok("094259217"));
        assert!(!tin_ok("0942592"));
    }
}
