//! Norwegian national rules NO-R-001 and NO-R-002, applied when the seller is Norwegian.

use std::borrow::Cow;

use super::{Ctx, Flag, RuleInfo, substring};
use crate::doc::{Doc, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "NO-R-001",
        flag: Flag::Fatal,
        description: "A Norwegian seller's VAT number must be NO + a valid organisation number + MVA.",
    },
    RuleInfo {
        id: "NO-R-002",
        flag: Flag::Warning,
        description: "Norwegian companies registered in Foretaksregisteret should say so on the invoice.",
    },
];

/// The first two characters of the `CompanyID` of the party's tax scheme whose raw
/// `TaxScheme/ID` is `VAT`, when non-empty.
fn vat_prefix<'d>(doc: &'d Doc, party: NodeId) -> Option<&'d str> {
    doc.kids(party, Ns::Cac, Tag::PartyTaxScheme)
        .filter(|&pts| {
            doc.kids(pts, Ns::Cac, Tag::TaxScheme)
                .any(|s| doc.kids(s, Ns::Cbc, Tag::ID).any(|id| doc.raw(id) == "VAT"))
        })
        .filter_map(|pts| doc.kid(pts, Ns::Cbc, Tag::CompanyID))
        .map(|c| substring(doc.raw(c), 1, 2))
        .find(|p| !p.is_empty())
}

/// `text` upper-cased (Unicode, as `upper-case()`), borrowed when it has no lower-case ASCII
/// letter and nothing beyond ASCII (the usual country codes).
fn upper(text: Cow<'_, str>) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_lowercase())
    {
        text
    } else {
        Cow::Owned(text.to_uppercase())
    }
}

/// The seller's country as the Peppol rules derive it.
pub(super) fn supplier_country<'d>(doc: &'d Doc) -> Cow<'d, str> {
    let root = doc.root();
    let seller = doc.path(
        root,
        &[
            (Ns::Cac, Tag::AccountingSupplierParty),
            (Ns::Cac, Tag::Party),
        ],
    );
    if let Some(prefix) = seller.and_then(|p| vat_prefix(doc, p)) {
        return upper(Cow::Borrowed(prefix.trim()));
    }
    if let Some(prefix) = doc
        .kid(root, Ns::Cac, Tag::TaxRepresentativeParty)
        .and_then(|p| vat_prefix(doc, p))
    {
        return upper(Cow::Borrowed(prefix.trim()));
    }
    seller
        .and_then(|p| {
            doc.path(
                p,
                &[
                    (Ns::Cac, Tag::PostalAddress),
                    (Ns::Cac, Tag::Country),
                    (Ns::Cbc, Tag::IdentificationCode),
                ],
            )
        })
        .map_or(Cow::Borrowed("XX"), |c| upper(doc.norm(c)))
}

/// `CompanyID`s of the party's tax schemes whose normalized `TaxScheme/ID` is `scheme`.
fn company_ids(doc: &Doc, party: NodeId, scheme: &str) -> Vec<NodeId> {
    doc.kids(party, Ns::Cac, Tag::PartyTaxScheme)
        .filter(|&pts| {
            doc.path(pts, &[(Ns::Cac, Tag::TaxScheme), (Ns::Cbc, Tag::ID)])
                .is_some_and(|id| doc.norm(id) == scheme)
        })
        .flat_map(|pts| doc.kids(pts, Ns::Cbc, Tag::CompanyID).collect::<Vec<_>>())
        .collect()
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    if cx.facts.supplier_country != "NO" {
        return;
    }
    let facts = cx.facts;
    for &party in &facts.seller_parties {
        let tax = company_ids(doc, party, "TAX");
        if tax.len() <= 1 {
            let ok = tax
                .first()
                .is_some_and(|&c| doc.norm(c) == "Foretaksregisteret");
            cx.require(ok, "NO-R-002", party);
        }
        let vat = company_ids(doc, party, "VAT");
        if vat.len() > 1 {
            continue;
        }
        let Some(&company) = vat.first() else {
            continue;
        };
        let raw = &doc.raw(company);
        if !raw.starts_with("NO") {
            continue;
        }
        let rest = &raw[2..];
        let b = rest.as_bytes();
        let ok = b.len() == 12
            && b[..9].iter().all(u8::is_ascii_digit)
            && &rest[9..] == "MVA"
            && super::peppol::mod11_ok(&rest[..9]);
        cx.require(ok, "NO-R-001", party);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    fn seller(vat: &str, tax: &str) -> String {
        format!(
            "<cac:AccountingSupplierParty><cac:Party>\
             <cac:PartyTaxScheme><cbc:CompanyID>{vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\
             <cac:PartyTaxScheme><cbc:CompanyID>{tax}</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\
             </cac:Party></cac:AccountingSupplierParty>"
        )
    }

    #[test]
    fn norwegian_seller() {
        check(
            &seller("NO923609016MVA", "Foretaksregisteret"),
            &[("NO-R-001", 0), ("NO-R-002", 0)],
        );
        check(
            &seller("NO923609017MVA", "x"),
            &[("NO-R-001", 1), ("NO-R-002", 1)],
        );
        check(
            &seller("SE556036079301", "x"),
            &[("NO-R-001", 0), ("NO-R-002", 0)],
        );
    }
}
