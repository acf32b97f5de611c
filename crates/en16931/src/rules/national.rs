//! National rules of Peppol BIS Billing 3.0 for Swedish (SE-R-*), Dutch (NL-R-*) and Danish
//! (DK-R-*) suppliers. Each country derives "the supplier is from here" its own way; the
//! helpers below keep those differences (raw versus normalized country codes).

use super::{fatal, warning};
use rust_decimal::Decimal;

use super::{Ctx, Flag, Num, RuleInfo, at_most_one, substring};
use crate::doc::{Doc, Kind, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "SE-R-001",
        "A Swedish seller's VAT number must be 14 characters long.",
    ),
    fatal(
        "SE-R-002",
        "A Swedish seller's VAT number must be numeric after the SE prefix.",
    ),
    fatal("SE-R-003", "A Swedish organisation number must be numeric."),
    fatal(
        "SE-R-004",
        "A Swedish organisation number must be 10 characters long.",
    ),
    fatal(
        "SE-R-005",
        "A Swedish seller's tax registration must read 'Godkänd för F-skatt'.",
    ),
    fatal(
        "SE-R-013",
        "A Swedish organisation number must end with a valid Luhn check digit.",
    ),
    fatal(
        "SE-R-006",
        "Swedish sellers may only use the standard rates 25, 12 and 6 % for category S.",
    ),
    warning(
        "SE-R-007",
        "A Swedish Plusgiro account number should be numeric.",
    ),
    warning(
        "SE-R-008",
        "A Swedish Bankgiro account number should be numeric.",
    ),
    warning(
        "SE-R-009",
        "A Swedish Bankgiro account number should have 7 or 8 characters.",
    ),
    warning(
        "SE-R-010",
        "A Swedish Plusgiro account number should have 2 to 8 characters.",
    ),
    warning(
        "SE-R-011",
        "Swedish Bankgiro/Plusgiro should be sent as code 30 with SE:BANKGIRO or SE:PLUSGIRO.",
    ),
    warning(
        "SE-R-012",
        "Between Swedish parties a credit transfer should use payment means code 30.",
    ),
    fatal(
        "IT-R-001",
        "An Italian seller's tax registration identifier must be 11 to 16 letters or digits.",
    ),
    fatal(
        "IT-R-002",
        "An Italian seller must give the street of its postal address.",
    ),
    fatal(
        "IT-R-003",
        "An Italian seller must give the city of its postal address.",
    ),
    fatal(
        "IT-R-004",
        "An Italian seller must give the post code of its postal address.",
    ),
    fatal(
        "NL-R-001",
        "A Dutch supplier's credit note must reference the invoice it credits.",
    ),
    fatal(
        "NL-R-002",
        "A Dutch supplier's address must give street, city and post code.",
    ),
    fatal(
        "NL-R-003",
        "A Dutch supplier's legal identifier must be a KVK or OIN number (0106/0190).",
    ),
    fatal(
        "NL-R-004",
        "With Dutch supplier and buyer, the buyer's address must give street, city and post code.",
    ),
    fatal(
        "NL-R-005",
        "With Dutch supplier and buyer, the buyer's legal identifier must be KVK or OIN.",
    ),
    fatal(
        "NL-R-006",
        "A Dutch tax representative of a Dutch supplier needs street, city and post code.",
    ),
    fatal(
        "NL-R-007",
        "A Dutch supplier must give payment means when the buyer has to pay.",
    ),
    fatal(
        "NL-R-008",
        "Between Dutch parties the payment means code must be 30, 48, 49, 57, 58 or 59.",
    ),
    fatal(
        "NL-R-009",
        "A Dutch supplier's order line references need an order reference on the document.",
    ),
    fatal(
        "DK-R-002",
        "A Danish supplier must give its legal entity (CVR) number.",
    ),
    fatal(
        "DK-R-005",
        "Between Danish parties only payment means 1, 10, 31, 42, 48, 49, 50, 58, 59, 93, 97 are allowed.",
    ),
    fatal(
        "DK-R-006",
        "Danish payment means 31/42 need both the account and the registration number.",
    ),
    fatal(
        "DK-R-007",
        "Danish payment means 49 needs the mandate and the payer's account.",
    ),
    fatal(
        "DK-R-008",
        "Danish giro (50) needs a PaymentID starting 01#, 04# or 15# and a 7–8 digit account.",
    ),
    fatal(
        "DK-R-009",
        "Danish giro PaymentIDs starting 04# or 15# must be 19 characters long.",
    ),
    fatal(
        "DK-R-010",
        "Danish FIK (93) needs a PaymentID starting 71#, 73# or 75# and an 8 character creditor number.",
    ),
    fatal(
        "DK-R-011",
        "Danish FIK PaymentIDs starting 71# or 75# must be 18 or 19 characters long.",
    ),
    fatal(
        "DK-R-004",
        "Danish non-VAT taxes (reason code ZZZ) need a 4-digit tax category or a '#'-separated reason.",
    ),
    RuleInfo {
        id: "DK-R-003",
        flag: Flag::Warning,
        description: "Danish item classifications in UNSPSC (TST) should use version 19.05.01 or 26.08.01.",
    },
    fatal(
        "DK-R-013",
        "Between Danish parties, party identifiers must carry a scheme identifier.",
    ),
    fatal(
        "DK-R-014",
        "A Danish supplier's legal entity identifier must use scheme 0184 (CVR).",
    ),
    fatal(
        "DK-R-016",
        "Between Danish parties a credit note must not have a negative amount due.",
    ),
    warning(
        "IS-R-001",
        "An Icelandic seller's document type should be an invoice (380) or a credit note (381).",
    ),
    fatal(
        "IS-R-002",
        "An Icelandic seller must give its legal identifier (kennitala, scheme 0196).",
    ),
    fatal(
        "IS-R-003",
        "An Icelandic seller's address must give the street and the post code.",
    ),
    fatal(
        "IS-R-004",
        "With Icelandic seller and buyer, the buyer's legal identifier (kennitala, 0196) is needed.",
    ),
    fatal(
        "IS-R-005",
        "With Icelandic seller and buyer, the buyer's address must give the street and the post code.",
    ),
    fatal(
        "IS-R-006",
        "An Icelandic claim (payment means 9) needs a 12 character account identifier.",
    ),
    fatal(
        "IS-R-007",
        "An Icelandic credit transfer (payment means 42) needs a 12 character account identifier.",
    ),
    fatal(
        "IS-R-008",
        "An Icelandic final due date (supporting document EINDAGI) must be written YYYY-MM-DD.",
    ),
    fatal(
        "IS-R-009",
        "An Icelandic invoice with a final due date (EINDAGI) needs a payment due date.",
    ),
    fatal(
        "IS-R-010",
        "An Icelandic final due date (EINDAGI) must not be before the payment due date.",
    ),
];

fn party(doc: &Doc, which: Tag) -> Option<NodeId> {
    doc.path(doc.root(), &[(Ns::Cac, which), (Ns::Cac, Tag::Party)])
}

/// The single `PostalAddress/Country/IdentificationCode` under `from`, raw; `None` when absent
/// or repeated.
fn country_raw(doc: &Doc, from: Option<NodeId>) -> Option<String> {
    let codes = doc.path_all(
        from?,
        &[
            (Ns::Cac, Tag::PostalAddress),
            (Ns::Cac, Tag::Country),
            (Ns::Cbc, Tag::IdentificationCode),
        ],
    );
    match codes.as_slice() {
        [one] => Some(doc.raw(*one).to_owned()),
        _ => None,
    }
}

fn country_is(doc: &Doc, from: Option<NodeId>, code: &str) -> bool {
    country_raw(doc, from).is_some_and(|c| {
        c.split_ascii_whitespace()
            .collect::<String>()
            .to_uppercase()
            == code
    })
}

/// XPath `string(number(x)) != 'NaN'`: whether the text reads as a double.
fn is_number(text: &str) -> bool {
    let t = text.trim_matches([' ', '\t', '\r', '\n']);
    if matches!(t, "INF" | "-INF" | "+INF") {
        return true;
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mantissa = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
    let points = mantissa.bytes().filter(|b| *b == b'.').count();
    let mantissa_ok = digits > 0 && points <= 1 && digits + points == mantissa.len();
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

fn has_all(doc: &Doc, address: NodeId, names: &[Tag]) -> bool {
    names
        .iter()
        .all(|n| doc.kid(address, Ns::Cbc, *n).is_some())
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    // Each country's rules apply only for a seller in that country; most documents have
    // none of them, so a cheap conservative test runs first and the checks themselves
    // decide exactly.
    let could_be = |country: &str| seller_could_be(&cx.facts.seller_country_codes, country);
    if could_be("IS") {
        check_iceland(cx);
    }
    let sweden = could_be("SE");
    if sweden {
        check_sweden_payments(cx);
    }
    if cx.facts.supplier_country == "IT" {
        check_italy(cx);
    }
    if sweden {
        check_sweden(cx);
    }
    if could_be("NL") {
        check_netherlands(cx);
    }
    if could_be("DK") {
        check_denmark(cx);
    }
}

/// Whether one of the seller address country codes ([`Facts::seller_country_codes`]), read
/// any way the country rules read it (raw, normalized, without spaces, upper-cased), can be
/// `country`.
///
/// [`Facts::seller_country_codes`]: super::Facts::seller_country_codes
fn seller_could_be(codes: &[&str], country: &str) -> bool {
    codes.iter().any(|code| {
        if code.bytes().any(|b| b.is_ascii_whitespace()) {
            let squeezed: String = code.split_ascii_whitespace().collect();
            super::upper_eq(&squeezed, country)
        } else {
            super::upper_eq(code, country)
        }
    })
}

fn vat_company_ids_raw(doc: &Doc, party: NodeId) -> Vec<NodeId> {
    doc.kids(party, Ns::Cac, Tag::PartyTaxScheme)
        .filter(|&pts| {
            doc.kids(pts, Ns::Cac, Tag::TaxScheme)
                .any(|s| doc.kids(s, Ns::Cbc, Tag::ID).any(|id| doc.raw(id) == "VAT"))
        })
        .flat_map(|pts| doc.kids(pts, Ns::Cbc, Tag::CompanyID).collect::<Vec<_>>())
        .collect()
}

fn check_sweden(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let facts = cx.facts;
    for &seller in &facts.seller_parties {
        // Existential comparison on the raw country code.
        if !address_country_is(doc, seller, "SE") {
            continue;
        }
        let vat_ids = vat_company_ids_raw(doc, seller);
        let swedish_vat = vat_ids.iter().any(|&c| substring(doc.raw(c), 1, 2) == "SE");
        if let [vat_id] = vat_ids.as_slice()
            && swedish_vat
        {
            cx.require(doc.norm(*vat_id).chars().count() == 14, "SE-R-001", seller);
            let tail = substring(doc.raw(*vat_id), 3, 12);
            cx.require(is_number(tail), "SE-R-002", seller);
        }
        for legal in doc.kids(seller, Ns::Cac, Tag::PartyLegalEntity) {
            let Some(company) = at_most_one(doc.kids(legal, Ns::Cbc, Tag::CompanyID)).flatten()
            else {
                continue;
            };
            let value = doc.norm(company);
            cx.require(is_number(doc.raw(company)), "SE-R-003", legal);
            cx.require(value.chars().count() == 10, "SE-R-004", legal);
            let luhn = !value.is_empty()
                && value.bytes().all(|b| b.is_ascii_digit())
                && super::peppol::luhn_se_ok(&value);
            cx.require(luhn, "SE-R-013", legal);
        }
        let has_legal_id = doc
            .path(
                seller,
                &[(Ns::Cac, Tag::PartyLegalEntity), (Ns::Cbc, Tag::CompanyID)],
            )
            .is_some();
        if has_legal_id {
            for pts in doc.kids(seller, Ns::Cac, Tag::PartyTaxScheme) {
                let schemes: Vec<NodeId> =
                    doc.path_all(pts, &[(Ns::Cac, Tag::TaxScheme), (Ns::Cbc, Tag::ID)]);
                let [scheme] = schemes.as_slice() else {
                    continue;
                };
                if super::upper_eq(&doc.norm(*scheme), "VAT") {
                    continue;
                }
                for company in doc.kids(pts, Ns::Cbc, Tag::CompanyID) {
                    let ok = doc.norm(company).to_uppercase() == "GODKÄND FÖR F-SKATT";
                    cx.require(ok, "SE-R-005", company);
                }
            }
        }
    }
}

/// The raw seller (or buyer) country codes, compared existentially as the Swedish rules do.
fn any_party_in(doc: &Doc, parties: &[NodeId], code: &str) -> bool {
    parties.iter().any(|&p| address_country_is(doc, p, code))
}

/// Whether any `PostalAddress/Country/IdentificationCode` of `party` is `code`, raw.
fn address_country_is(doc: &Doc, party: NodeId, code: &str) -> bool {
    let mut found = false;
    doc.path_each(
        party,
        &[
            (Ns::Cac, Tag::PostalAddress),
            (Ns::Cac, Tag::Country),
            (Ns::Cbc, Tag::IdentificationCode),
        ],
        &mut |c| found |= doc.raw(c) == code,
    );
    found
}

fn check_sweden_payments(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let facts = cx.facts;
    if !any_party_in(doc, &facts.seller_parties, "SE") {
        return;
    }
    let swedish_vat_seller = facts.seller_parties.iter().any(|&p| {
        address_country_is(doc, p, "SE")
            && vat_company_ids_raw(doc, p)
                .iter()
                .any(|&c| substring(doc.raw(c), 1, 2) == "SE")
    });
    let buyer_se = any_party_in(doc, &facts.buyer_parties, "SE");
    for id in doc.all() {
        let node = doc.node(id);
        match (node.ns, node.tag) {
            (Ns::Cac, Tag::TaxCategory | Tag::ClassifiedTaxCategory)
                if swedish_vat_seller
                    && doc.kids(id, Ns::Cbc, Tag::ID).any(|c| doc.raw(c) == "S") =>
            {
                let percents: Vec<NodeId> = doc.kids(id, Ns::Cbc, Tag::Percent).collect();
                if percents.len() > 1 {
                    continue;
                }
                let rate = percents
                    .first()
                    .filter(|&&p| is_number(doc.raw(p)))
                    .and_then(|&p| doc.text(p).parse::<f64>().ok());
                let ok = rate.is_some_and(|r| r == 25.0 || r == 12.0 || r == 6.0);
                cx.require(ok, "SE-R-006", id);
            }
            (Ns::Cac, Tag::PaymentMeans) => {
                let codes = || {
                    doc.kids(id, Ns::Cbc, Tag::PaymentMeansCode)
                        .map(|c| doc.raw(c))
                };
                if codes().any(|c| c == "50" || c == "56") {
                    cx.fire("SE-R-011", id);
                } else if buyer_se && codes().any(|c| c == "31") {
                    cx.fire("SE-R-012", id);
                }
                let Some(code) = at_most_one(codes()).flatten() else {
                    continue;
                };
                if code.trim() != "30" {
                    continue;
                }
                let branches = doc.path_all(
                    id,
                    &[
                        (Ns::Cac, Tag::PayeeFinancialAccount),
                        (Ns::Cac, Tag::FinancialInstitutionBranch),
                        (Ns::Cbc, Tag::ID),
                    ],
                );
                let [branch] = branches.as_slice() else {
                    continue;
                };
                let (numeric_rule, length_rule, lengths): (&str, &str, &[usize]) =
                    match &*doc.norm(*branch) {
                        "SE:PLUSGIRO" => ("SE-R-007", "SE-R-010", &[2, 3, 4, 5, 6, 7, 8]),
                        "SE:BANKGIRO" => ("SE-R-008", "SE-R-009", &[7, 8]),
                        _ => continue,
                    };
                for account in doc.path_all(
                    id,
                    &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
                ) {
                    let value = doc.norm(account);
                    cx.require(is_number(&value), numeric_rule, account);
                    cx.require(
                        lengths.contains(&value.chars().count()),
                        length_rule,
                        account,
                    );
                }
            }
            _ => {}
        }
    }
}

fn check_italy(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    if cx.facts.supplier_country != "IT" {
        return;
    }
    let facts = cx.facts;
    for &seller in &facts.seller_parties {
        for pts in doc
            .kids(seller, Ns::Cac, Tag::PartyTaxScheme)
            .collect::<Vec<_>>()
        {
            let scheme = doc
                .path(pts, &[(Ns::Cac, Tag::TaxScheme), (Ns::Cbc, Tag::ID)])
                .map(|s| doc.norm(s))
                .unwrap_or_default();
            if scheme == "VAT" {
                continue;
            }
            let ids: Vec<NodeId> = doc.kids(pts, Ns::Cbc, Tag::CompanyID).collect();
            if ids.len() > 1 {
                continue;
            }
            let value = ids.first().map(|&c| doc.norm(c)).unwrap_or_default();
            let ok = (11..=16).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            cx.require(ok, "IT-R-001", pts);
        }
        let address = |name: Tag| {
            !doc.path_all(seller, &[(Ns::Cac, Tag::PostalAddress), (Ns::Cbc, name)])
                .is_empty()
        };
        cx.require(address(Tag::StreetName), "IT-R-002", seller);
        cx.require(address(Tag::CityName), "IT-R-003", seller);
        cx.require(address(Tag::PostalZone), "IT-R-004", seller);
    }
}

fn check_netherlands(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let seller = party(doc, Tag::AccountingSupplierParty);
    if !country_is(doc, seller, "NL") {
        return;
    }
    let buyer_nl = country_is(doc, party(doc, Tag::AccountingCustomerParty), "NL");
    let representative_nl = country_is(
        doc,
        doc.kid(root, Ns::Cac, Tag::TaxRepresentativeParty),
        "NL",
    );
    let kvk_or_oin = |id: NodeId| {
        let scheme = doc.attr(id, "schemeID").unwrap_or("");
        let padded = format!(" {scheme} ");
        (padded.contains(" 0106 ") || padded.contains(" 0190 ")) && !doc.norm(id).is_empty()
    };
    let address_parts = [Tag::StreetName, Tag::CityName, Tag::PostalZone];
    for id in doc.all() {
        let node = doc.node(id);
        let parent = node.parent;
        let under = |names: &[Tag]| {
            let mut cur = id;
            names.iter().all(|n| {
                cur = doc.node(cur).parent;
                cur != u32::MAX && doc.is(cur, Ns::Cac, *n)
            })
        };
        match (node.ns, node.tag) {
            (Ns::Cbc, Tag::CreditNoteTypeCode) => {
                let ok = !doc
                    .path_all(
                        root,
                        &[
                            (Ns::Cac, Tag::BillingReference),
                            (Ns::Cac, Tag::InvoiceDocumentReference),
                            (Ns::Cbc, Tag::ID),
                        ],
                    )
                    .is_empty();
                cx.require(ok, "NL-R-001", id);
            }
            (Ns::Cac, Tag::PostalAddress) if under(&[Tag::Party, Tag::AccountingSupplierParty]) => {
                cx.require(has_all(doc, id, &address_parts), "NL-R-002", id);
            }
            (Ns::Cac, Tag::PostalAddress)
                if buyer_nl && under(&[Tag::Party, Tag::AccountingCustomerParty]) =>
            {
                cx.require(has_all(doc, id, &address_parts), "NL-R-004", id);
            }
            (Ns::Cac, Tag::PostalAddress)
                if representative_nl && under(&[Tag::TaxRepresentativeParty]) =>
            {
                cx.require(has_all(doc, id, &address_parts), "NL-R-006", id);
            }
            (Ns::Cbc, Tag::CompanyID)
                if under(&[
                    Tag::PartyLegalEntity,
                    Tag::Party,
                    Tag::AccountingSupplierParty,
                ]) =>
            {
                cx.require(kvk_or_oin(id), "NL-R-003", id);
            }
            (Ns::Cbc, Tag::CompanyID)
                if buyer_nl
                    && under(&[
                        Tag::PartyLegalEntity,
                        Tag::Party,
                        Tag::AccountingCustomerParty,
                    ]) =>
            {
                cx.require(kvk_or_oin(id), "NL-R-005", id);
            }
            (Ns::Cac, Tag::LegalMonetaryTotal) => {
                let payable = Num::of(doc, doc.kid(id, Ns::Cbc, Tag::PayableAmount));
                let pays_nothing = match (doc.kind(), payable) {
                    (_, Num::Invalid) => continue,
                    (Kind::Invoice, Num::Val(v)) => v <= Decimal::ZERO,
                    (Kind::CreditNote, Num::Val(v)) => v >= Decimal::ZERO,
                    (_, Num::Missing) => false,
                };
                let means = doc.all().any(|n| doc.is(n, Ns::Cac, Tag::PaymentMeans));
                cx.require(pays_nothing || means, "NL-R-007", id);
            }
            (Ns::Cbc, Tag::LineID) if doc.is(parent, Ns::Cac, Tag::OrderLineReference) => {
                let ordered = !doc
                    .path_all(root, &[(Ns::Cac, Tag::OrderReference), (Ns::Cbc, Tag::ID)])
                    .is_empty();
                cx.require(ordered, "NL-R-009", id);
            }
            (Ns::Cac, Tag::PaymentMeans) if buyer_nl => {
                let code = doc
                    .kid(id, Ns::Cbc, Tag::PaymentMeansCode)
                    .map(|c| doc.norm(c));
                let ok = matches!(
                    code.as_deref(),
                    Some("30" | "48" | "49" | "57" | "58" | "59")
                );
                cx.require(ok, "NL-R-008", id);
            }
            _ => {}
        }
    }
}

/// IS-R-*: the supplier is Icelandic when its one raw postal country code is `IS` (the official
/// rule concatenates the codes; a repeated code stops the XSLT).
fn check_iceland(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let seller = party(doc, Tag::AccountingSupplierParty);
    if country_raw(doc, seller).as_deref() != Some("IS") {
        return;
    }
    let buyer_is =
        country_raw(doc, party(doc, Tag::AccountingCustomerParty)).as_deref() == Some("IS");
    // `normalize-space` of a repeated element stops the XSLT: such a code is not judged.
    let type_code = |name: Tag| -> Option<bool> {
        let codes: Vec<NodeId> = doc.kids(root, Ns::Cbc, name).collect();
        match codes.as_slice() {
            [] => Some(false),
            [one] => Some(matches!(&*doc.norm(*one), "380" | "381")),
            _ => None,
        }
    };
    if let (Some(invoice), Some(credit_note)) = (
        type_code(Tag::InvoiceTypeCode),
        type_code(Tag::CreditNoteTypeCode),
    ) {
        cx.require(invoice || credit_note, "IS-R-001", root);
    }
    let supplier = [
        (Ns::Cac, Tag::AccountingSupplierParty),
        (Ns::Cac, Tag::Party),
    ];
    let legal_ok = |from: NodeId, prefix: &[(Ns, Tag)]| {
        let mut steps = prefix.to_vec();
        steps.extend([(Ns::Cac, Tag::PartyLegalEntity), (Ns::Cbc, Tag::CompanyID)]);
        doc.path_all(from, &steps)
            .iter()
            .any(|&c| doc.attr(c, "schemeID") == Some("0196"))
    };
    let address_ok = |from: NodeId, prefix: &[(Ns, Tag)]| {
        let mut steps = prefix.to_vec();
        steps.push((Ns::Cac, Tag::PostalAddress));
        let mut street = steps.clone();
        street.push((Ns::Cbc, Tag::StreetName));
        steps.push((Ns::Cbc, Tag::PostalZone));
        doc.path_exists(from, &street) && doc.path_exists(from, &steps)
    };
    cx.require(legal_ok(root, &supplier), "IS-R-002", root);
    cx.require(address_ok(root, &supplier), "IS-R-003", root);
    for (code, rule) in [("9", "IS-R-006"), ("42", "IS-R-007")] {
        let means: Vec<NodeId> = doc
            .kids(root, Ns::Cac, Tag::PaymentMeans)
            .filter(|&m| {
                doc.kids(m, Ns::Cbc, Tag::PaymentMeansCode)
                    .any(|c| doc.raw(c) == code)
            })
            .collect();
        if means.is_empty() {
            continue;
        }
        let accounts: Vec<NodeId> = means
            .iter()
            .flat_map(|&m| {
                doc.path_all(
                    m,
                    &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
                )
            })
            .collect();
        match accounts.as_slice() {
            [] => cx.fire(rule, root),
            [one] => cx.require(doc.norm(*one).chars().count() == 12, rule, root),
            _ => {}
        }
    }
    let final_due: Vec<NodeId> = doc
        .kids(root, Ns::Cac, Tag::AdditionalDocumentReference)
        .filter(|&r| {
            doc.kids(r, Ns::Cbc, Tag::DocumentDescription)
                .any(|d| doc.raw(d) == "EINDAGI")
        })
        .collect();
    if !final_due.is_empty() {
        let ids: Vec<NodeId> = final_due
            .iter()
            .flat_map(|&r| doc.kids(r, Ns::Cbc, Tag::ID).collect::<Vec<_>>())
            .collect();
        match ids.as_slice() {
            [] => cx.fire("IS-R-008", root),
            [one] => {
                let text = doc.raw(*one);
                let ok = text.chars().count() == 10 && super::peppol_codes::is_calendar_date(text);
                cx.require(ok, "IS-R-008", root);
            }
            _ => {}
        }
        let due_dates: Vec<&str> = doc
            .kids(root, Ns::Cbc, Tag::DueDate)
            .map(|d| doc.raw(d))
            .collect();
        cx.require(!due_dates.is_empty(), "IS-R-009", root);
        // A general comparison of untyped values: as strings, any pair.
        let ordered = due_dates
            .iter()
            .any(|due| ids.iter().any(|&id| *due <= doc.raw(id)));
        cx.require(ordered, "IS-R-010", root);
    }
    if buyer_is {
        for customer in doc.kids(root, Ns::Cac, Tag::AccountingCustomerParty) {
            let party = [(Ns::Cac, Tag::Party)];
            cx.require(legal_ok(customer, &party), "IS-R-004", customer);
            cx.require(address_ok(customer, &party), "IS-R-005", customer);
        }
    }
}

fn check_denmark(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let seller = party(doc, Tag::AccountingSupplierParty);
    let buyer = party(doc, Tag::AccountingCustomerParty);
    // The official rule concatenates the raw codes; a repeated code stops the XSLT.
    if country_raw(doc, seller).as_deref() != Some("DK") {
        return;
    }
    let both = country_raw(doc, buyer).as_deref() == Some("DK");
    let Some(seller) = seller else { return };
    let legal_ids = doc.path_all(
        seller,
        &[(Ns::Cac, Tag::PartyLegalEntity), (Ns::Cbc, Tag::CompanyID)],
    );
    if legal_ids.len() <= 1 {
        let filled = legal_ids.first().is_some_and(|&c| !doc.norm(c).is_empty());
        cx.require(filled, "DK-R-002", root);
        let scheme_ok = legal_ids.first().is_none_or(|&c| {
            doc.attr(c, "schemeID")
                .is_some_and(|s| s.split_ascii_whitespace().collect::<Vec<_>>().join(" ") == "0184")
        });
        cx.require(scheme_ok, "DK-R-014", root);
    }
    if doc.kind() == Kind::CreditNote && both {
        let payable = doc.path(
            root,
            &[
                (Ns::Cac, Tag::LegalMonetaryTotal),
                (Ns::Cbc, Tag::PayableAmount),
            ],
        );
        if let Num::Val(v) = Num::of(doc, payable) {
            cx.require(v >= Decimal::ZERO, "DK-R-016", root);
        }
    }
    if !both {
        return;
    }
    for which in [Tag::AccountingSupplierParty, Tag::AccountingCustomerParty] {
        let Some(p) = party(doc, which) else { continue };
        for identification in doc
            .kids(p, Ns::Cac, Tag::PartyIdentification)
            .collect::<Vec<_>>()
        {
            let ids: Vec<NodeId> = doc.kids(identification, Ns::Cbc, Tag::ID).collect();
            if ids.len() > 1 {
                continue;
            }
            let ok = ids.first().is_none_or(|&id| {
                doc.attr(id, "schemeID")
                    .is_some_and(|s| !s.trim().is_empty())
            });
            cx.require(ok, "DK-R-013", identification);
        }
    }
    for id in doc.all() {
        if doc.is(id, Ns::Cac, Tag::AllowanceCharge) {
            check_danish_tax_reason(cx, id);
        } else if doc.node(id).parent == root
            && (doc.is(id, Ns::Cac, Tag::InvoiceLine) && doc.kind() == Kind::Invoice
                || doc.is(id, Ns::Cac, Tag::CreditNoteLine) && doc.kind() == Kind::CreditNote)
        {
            let codes = doc.path_all(
                id,
                &[
                    (Ns::Cac, Tag::Item),
                    (Ns::Cac, Tag::CommodityClassification),
                    (Ns::Cbc, Tag::ItemClassificationCode),
                ],
            );
            let unspsc = codes.iter().any(|&c| doc.attr(c, "listID") == Some("TST"));
            let version_ok = codes.iter().any(|&c| {
                matches!(
                    doc.attr(c, "listVersionID"),
                    Some("19.05.01" | "19.0501" | "26.08.01" | "26.0801")
                )
            });
            cx.require(!unspsc || version_ok, "DK-R-003", id);
        }
    }
    if doc.kind() != Kind::Invoice {
        return;
    }
    let filled = |from: NodeId, steps: &[(Ns, Tag)]| {
        doc.path_all(from, steps)
            .first()
            .is_some_and(|&n| !doc.norm(n).is_empty())
    };
    for means in doc
        .kids(root, Ns::Cac, Tag::PaymentMeans)
        .collect::<Vec<_>>()
    {
        let codes: Vec<NodeId> = doc.kids(means, Ns::Cbc, Tag::PaymentMeansCode).collect();
        if codes.len() > 1 {
            continue;
        }
        let code = codes
            .first()
            .map(|&c| doc.raw(c).to_owned())
            .unwrap_or_default();
        let allowed = " 1 10 31 42 48 49 50 58 59 93 97 ".contains(&format!(" {code} "));
        cx.require(allowed, "DK-R-005", means);
        if code == "31" || code == "42" {
            let ok = filled(
                means,
                &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
            ) && filled(
                means,
                &[
                    (Ns::Cac, Tag::PayeeFinancialAccount),
                    (Ns::Cac, Tag::FinancialInstitutionBranch),
                    (Ns::Cbc, Tag::ID),
                ],
            );
            cx.require(ok, "DK-R-006", means);
        }
        let payment_ids: Vec<NodeId> = doc.kids(means, Ns::Cbc, Tag::PaymentID).collect();
        let accounts = doc.path_all(
            means,
            &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
        );
        if payment_ids.len() <= 1 && accounts.len() <= 1 {
            let payment_id = payment_ids
                .first()
                .map(|&p| doc.raw(p).to_owned())
                .unwrap_or_default();
            let prefix: String = payment_id.chars().take(3).collect();
            let id_length = payment_id.chars().count();
            let account = accounts
                .first()
                .map(|&a| doc.raw(a).to_owned())
                .unwrap_or_default();
            let account_length = account.chars().count();
            if code == "50" {
                let giro_account = (7..=8).contains(&account_length)
                    && account.bytes().all(|b| b.is_ascii_digit());
                let ok = matches!(prefix.as_str(), "01#" | "04#" | "15#") && giro_account;
                cx.require(ok, "DK-R-008", means);
                if matches!(prefix.as_str(), "04#" | "15#") {
                    cx.require(id_length == 19, "DK-R-009", means);
                }
            }
            if code == "93" {
                let ok = matches!(prefix.as_str(), "71#" | "73#" | "75#") && account_length == 8;
                cx.require(ok, "DK-R-010", means);
                if matches!(prefix.as_str(), "71#" | "75#") {
                    cx.require(id_length == 18 || id_length == 19, "DK-R-011", means);
                }
            }
        }
        if code == "49" {
            let ok = filled(means, &[(Ns::Cac, Tag::PaymentMandate), (Ns::Cbc, Tag::ID)])
                && filled(
                    means,
                    &[
                        (Ns::Cac, Tag::PaymentMandate),
                        (Ns::Cac, Tag::PayerFinancialAccount),
                        (Ns::Cbc, Tag::ID),
                    ],
                );
            cx.require(ok, "DK-R-007", means);
        }
    }
}

/// DK-R-004 on one allowance or charge.
fn check_danish_tax_reason(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let zzz = doc
        .kids(id, Ns::Cbc, Tag::AllowanceChargeReasonCode)
        .any(|c| doc.raw(c) == "ZZZ");
    if !zzz {
        return;
    }
    let reasons: Vec<NodeId> = doc.kids(id, Ns::Cbc, Tag::AllowanceChargeReason).collect();
    if reasons.len() > 1 {
        return;
    }
    let reason = reasons.first().map(|&r| doc.raw(r));
    let four_digit = reason.is_some_and(|r| {
        let trimmed = r.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        trimmed.chars().count() == 4
            && is_number(r)
            && r.trim()
                .parse::<f64>()
                .is_ok_and(|v| (0.0..=9999.0).contains(&v))
    });
    let hashed =
        reason.is_some_and(|r| r.contains('#') && !r.starts_with('#') && !r.ends_with('#'));
    cx.require(four_digit || hashed, "DK-R-004", id);
}

#[cfg(test)]
mod tests {
    use super::is_number;
    use crate::rules::testing::check;

    #[test]
    fn numbers_as_xpath_reads_them() {
        assert!(is_number(" 12 "));
        assert!(is_number("1e3"));
        assert!(is_number("-1.5"));
        assert!(!is_number("12a"));
        assert!(!is_number(""));
    }

    #[test]
    fn swedish_organisation_number() {
        let seller = |org: &str| {
            format!(
                "<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cac:Country>\
                 <cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
                 <cac:PartyLegalEntity><cbc:CompanyID>{org}</cbc:CompanyID></cac:PartyLegalEntity>\
                 </cac:Party></cac:AccountingSupplierParty>"
            )
        };
        check(
            &seller("5560360793"),
            &[("SE-R-003", 0), ("SE-R-004", 0), ("SE-R-013", 0)],
        );
        check(&seller("5560360794"), &[("SE-R-013", 1)]);
        check(&seller("55603607"), &[("SE-R-004", 1), ("SE-R-013", 1)]);
    }

    #[test]
    fn icelandic_supplier() {
        let body = "<cbc:DueDate>2024-02-01</cbc:DueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\
             <cac:AdditionalDocumentReference><cbc:ID>2024-01-15</cbc:ID>\
             <cbc:DocumentDescription>EINDAGI</cbc:DocumentDescription></cac:AdditionalDocumentReference>\
             <cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cbc:StreetName>Laugavegur 1</cbc:StreetName>\
             <cac:Country><cbc:IdentificationCode>IS</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
             <cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0196\">1234567890</cbc:CompanyID></cac:PartyLegalEntity>\
             </cac:Party></cac:AccountingSupplierParty>\
             <cac:AccountingCustomerParty><cac:Party><cac:PostalAddress><cac:Country>\
             <cbc:IdentificationCode>IS</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
             </cac:Party></cac:AccountingCustomerParty>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>42</cbc:PaymentMeansCode>\
             <cac:PayeeFinancialAccount><cbc:ID>0123-26-0001</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>";
        check(
            body,
            &[
                ("IS-R-001", 0),
                ("IS-R-002", 0),
                ("IS-R-003", 1),
                ("IS-R-004", 1),
                ("IS-R-005", 1),
                ("IS-R-006", 0),
                ("IS-R-007", 0),
                ("IS-R-008", 0),
                ("IS-R-009", 0),
                ("IS-R-010", 1),
            ],
        );
    }

    #[test]
    fn danish_supplier() {
        let body = "<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cac:Country>\
             <cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
             <cac:PartyLegalEntity><cbc:CompanyID>12345678</cbc:CompanyID></cac:PartyLegalEntity>\
             </cac:Party></cac:AccountingSupplierParty>\
             <cac:AccountingCustomerParty><cac:Party><cac:PostalAddress><cac:Country>\
             <cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
             </cac:Party></cac:AccountingCustomerParty>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>";
        check(body, &[("DK-R-002", 0), ("DK-R-014", 1), ("DK-R-005", 1)]);
    }
}
