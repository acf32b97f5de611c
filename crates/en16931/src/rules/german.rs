//! German national rules (DE-R-*, XRechnung in Peppol), applied when both seller and buyer
//! have a German postal address.

use super::{Ctx, RuleInfo};
use super::{fatal, warning};
use crate::doc::{Doc, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "DE-R-018",
        "German cash discount (Skonto) lines in the payment terms must follow #SKONTO#TAGE=n#PROZENT=n.nn#, one per line.",
    ),
    warning(
        "DE-R-019",
        "With SEPA credit transfer (58) the account should be a valid IBAN.",
    ),
    warning(
        "DE-R-020",
        "With SEPA direct debit (59) the debited account should be a valid IBAN.",
    ),
    warning(
        "DE-R-027",
        "The seller contact telephone should contain at least three digits.",
    ),
    warning(
        "DE-R-028",
        "The seller contact e-mail should be a well-formed address.",
    ),
    fatal(
        "DE-R-001",
        "German invoices need payment instructions (BG-16).",
    ),
    fatal(
        "DE-R-002",
        "German invoices need the seller contact (BG-6).",
    ),
    fatal("DE-R-003", "German invoices need the seller city (BT-37)."),
    fatal(
        "DE-R-004",
        "German invoices need the seller post code (BT-38).",
    ),
    fatal(
        "DE-R-005",
        "German invoices need the seller contact point (BT-41).",
    ),
    fatal(
        "DE-R-006",
        "German invoices need the seller contact telephone (BT-42).",
    ),
    fatal(
        "DE-R-007",
        "German invoices need the seller contact e-mail (BT-43).",
    ),
    fatal("DE-R-008", "German invoices need the buyer city (BT-52)."),
    fatal(
        "DE-R-009",
        "German invoices need the buyer post code (BT-53).",
    ),
    fatal(
        "DE-R-010",
        "A German deliver-to address needs the city (BT-77).",
    ),
    fatal(
        "DE-R-011",
        "A German deliver-to address needs the post code (BT-78).",
    ),
    fatal("DE-R-014", "German VAT breakdowns need the rate (BT-119)."),
    fatal(
        "DE-R-015",
        "German invoices need the buyer reference (BT-10, Leitweg-ID).",
    ),
    fatal(
        "DE-R-016",
        "With VAT categories S, Z, E, AE, K, G, L or M the seller's VAT or tax number or a tax representative is needed.",
    ),
    warning(
        "DE-R-017",
        "German invoice type codes should be 326, 380, 384, 389, 381, 875, 876 or 877.",
    ),
    fatal(
        "DE-R-022",
        "German attachments must have distinct file names.",
    ),
    fatal(
        "DE-R-023-1",
        "German credit transfer (30, 58) needs the credit transfer group (BG-17).",
    ),
    fatal(
        "DE-R-023-2",
        "German credit transfer (30, 58) must not carry card or direct debit data.",
    ),
    fatal(
        "DE-R-024-1",
        "German card payment (48, 54, 55) needs the card group (BG-18).",
    ),
    fatal(
        "DE-R-024-2",
        "German card payment (48, 54, 55) must not carry transfer or direct debit data.",
    ),
    fatal(
        "DE-R-025-1",
        "German direct debit (59) needs the direct debit group (BG-19).",
    ),
    fatal(
        "DE-R-025-2",
        "German direct debit (59) must not carry transfer or card data.",
    ),
    warning(
        "DE-R-026",
        "A German corrected invoice (384) should reference the preceding invoice.",
    ),
    fatal(
        "DE-R-030",
        "German direct debit needs the bank assigned creditor identifier (BT-90).",
    ),
    fatal(
        "DE-R-031",
        "German direct debit needs the debited account (BT-91).",
    ),
];

pub(super) fn is_german(doc: &Doc, party: Tag) -> bool {
    let (mut codes, mut german) = (0, false);
    doc.path_each(
        doc.root(),
        &[
            (Ns::Cac, party),
            (Ns::Cac, Tag::Party),
            (Ns::Cac, Tag::PostalAddress),
            (Ns::Cac, Tag::Country),
            (Ns::Cbc, Tag::IdentificationCode),
        ],
        &mut |code| {
            codes += 1;
            german = super::upper_eq(&doc.norm(code), "DE");
        },
    );
    codes == 1 && german
}

/// A child with non-blank text.
fn filled(doc: &Doc, id: NodeId, name: Tag) -> bool {
    doc.kids(id, Ns::Cbc, name).any(|c| !doc.norm(c).is_empty())
}

fn has(doc: &Doc, id: NodeId, ns: Ns, name: Tag) -> bool {
    doc.kid(id, ns, name).is_some()
}

/// The payment means codes as numbers (the official rule compares them numerically).
fn numeric_codes(doc: &Doc, means: NodeId) -> Vec<f64> {
    doc.kids(means, Ns::Cbc, Tag::PaymentMeansCode)
        .filter_map(|c| doc.text(c).parse::<f64>().ok())
        .collect()
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    if !(is_german(doc, Tag::AccountingSupplierParty)
        && is_german(doc, Tag::AccountingCustomerParty))
    {
        return;
    }
    let root = doc.root();
    check_document(cx, root);
    let under = |id: NodeId, names: &[Tag]| {
        let mut cur = id;
        names.iter().all(|n| {
            cur = doc.node(cur).parent;
            cur != u32::MAX && doc.is(cur, Ns::Cac, *n)
        }) && doc.node(cur).parent == root
    };
    for id in doc.all() {
        let node = doc.node(id);
        match (node.ns, node.tag) {
            (Ns::Cac, Tag::AccountingSupplierParty) if node.parent == root => {
                let contact = doc
                    .kids(id, Ns::Cac, Tag::Party)
                    .any(|p| has(doc, p, Ns::Cac, Tag::Contact));
                cx.require(contact, "DE-R-002", id);
            }
            (Ns::Cac, Tag::PostalAddress)
                if under(id, &[Tag::Party, Tag::AccountingSupplierParty]) =>
            {
                cx.require(filled(doc, id, Tag::CityName), "DE-R-003", id);
                cx.require(filled(doc, id, Tag::PostalZone), "DE-R-004", id);
            }
            (Ns::Cac, Tag::Contact) if under(id, &[Tag::Party, Tag::AccountingSupplierParty]) => {
                cx.require(filled(doc, id, Tag::Name), "DE-R-005", id);
                cx.require(filled(doc, id, Tag::Telephone), "DE-R-006", id);
                cx.require(filled(doc, id, Tag::ElectronicMail), "DE-R-007", id);
                let single = |name: Tag| -> Option<String> {
                    let found: Vec<NodeId> = doc.kids(id, Ns::Cbc, name).collect();
                    match found.as_slice() {
                        [] => Some(String::new()),
                        [one] => Some(doc.norm(*one).into_owned()),
                        _ => None,
                    }
                };
                if let Some(phone) = single(Tag::Telephone) {
                    let digits = phone.chars().filter(char::is_ascii_digit).count();
                    cx.require(digits >= 3, "DE-R-027", id);
                }
                if let Some(mail) = single(Tag::ElectronicMail) {
                    cx.require(email_ok(&mail), "DE-R-028", id);
                }
            }
            (Ns::Cac, Tag::PostalAddress)
                if under(id, &[Tag::Party, Tag::AccountingCustomerParty]) =>
            {
                cx.require(filled(doc, id, Tag::CityName), "DE-R-008", id);
                cx.require(filled(doc, id, Tag::PostalZone), "DE-R-009", id);
            }
            (Ns::Cac, Tag::Address) if under(id, &[Tag::DeliveryLocation, Tag::Delivery]) => {
                cx.require(filled(doc, id, Tag::CityName), "DE-R-010", id);
                cx.require(filled(doc, id, Tag::PostalZone), "DE-R-011", id);
            }
            (Ns::Cac, Tag::PaymentMeans) if node.parent == root => check_payment_means(cx, id),
            (Ns::Cac, Tag::TaxSubtotal) if under(id, &[Tag::TaxTotal]) => {
                let rate = doc
                    .kids(id, Ns::Cac, Tag::TaxCategory)
                    .any(|c| filled(doc, c, Tag::Percent));
                cx.require(rate, "DE-R-014", id);
            }
            _ => {}
        }
    }
}

fn check_payment_means(cx: &mut Ctx<'_>, means: NodeId) {
    let doc = cx.doc;
    let codes = numeric_codes(doc, means);
    let any_of = |wanted: &[f64]| codes.iter().any(|c| wanted.contains(c));
    let transfer = has(doc, means, Ns::Cac, Tag::PayeeFinancialAccount);
    let card = has(doc, means, Ns::Cac, Tag::CardAccount);
    let mandate = has(doc, means, Ns::Cac, Tag::PaymentMandate);
    // The official rules are separate contexts in one pattern: the first that matches wins.
    let raw_code = |code: &str| {
        doc.kids(means, Ns::Cbc, Tag::PaymentMeansCode)
            .any(|c| doc.raw(c) == code)
    };
    if any_of(&[30.0, 58.0]) {
        if raw_code("58") {
            let accounts = doc.path_all(
                means,
                &[(Ns::Cac, Tag::PayeeFinancialAccount), (Ns::Cbc, Tag::ID)],
            );
            if accounts.len() <= 1 {
                let account = accounts
                    .first()
                    .map(|&a| doc.raw(a).to_owned())
                    .unwrap_or_default();
                if let Some(ok) = iban_ok(&account) {
                    cx.require(ok, "DE-R-019", means);
                }
            }
        }
        cx.require(transfer, "DE-R-023-1", means);
        cx.require(!card && !mandate, "DE-R-023-2", means);
    } else if any_of(&[48.0, 54.0, 55.0]) {
        cx.require(card, "DE-R-024-1", means);
        cx.require(!transfer && !mandate, "DE-R-024-2", means);
    } else if any_of(&[59.0]) {
        if raw_code("59") {
            let accounts = doc.path_all(
                means,
                &[
                    (Ns::Cac, Tag::PaymentMandate),
                    (Ns::Cac, Tag::PayerFinancialAccount),
                    (Ns::Cbc, Tag::ID),
                ],
            );
            if accounts.len() <= 1 {
                let account = accounts
                    .first()
                    .map(|&a| doc.raw(a).to_owned())
                    .unwrap_or_default();
                if let Some(ok) = iban_ok(&account) {
                    cx.require(ok, "DE-R-020", means);
                }
            }
        }
        cx.require(mandate, "DE-R-025-1", means);
        cx.require(!transfer && !card, "DE-R-025-2", means);
    }
}

/// Whether `s` is `digits` followed by the rest (`None` when no digit leads).
fn digits(s: &str) -> Option<&str> {
    let end = s.bytes().take_while(u8::is_ascii_digit).count();
    (end > 0).then(|| &s[end..])
}

/// `[0-9]+\.[0-9]{2}` at the start of `s`; returns the rest.
fn two_decimals(s: &str) -> Option<&str> {
    let rest = digits(s)?.strip_prefix('.')?;
    let b = rest.as_bytes();
    (b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit()).then(|| &rest[2..])
}

/// One Skonto entry from some `#SKONTO#` to the end of the line.
fn skonto_line_ok(line: &str) -> bool {
    line.match_indices("#SKONTO#TAGE=").any(|(at, marker)| {
        let rest = &line[at + marker.len()..];
        let Some(rest) = digits(rest).and_then(|r| r.strip_prefix("#PROZENT=")) else {
            return false;
        };
        let Some(rest) = two_decimals(rest) else {
            return false;
        };
        if rest == "#" {
            return true;
        }
        rest.strip_prefix("#BASISBETRAG=")
            .map(|r| r.strip_prefix('-').unwrap_or(r))
            .and_then(two_decimals)
            == Some("#")
    })
}

/// DE-R-018 on the first payment terms note: every line starting with '#' is a well-formed
/// Skonto entry, and the text after the last `#…#` group starts with a line break.
fn skonto_ok(note: &str) -> bool {
    let lines: Vec<String> = note
        .split('\n')
        .map(|l| l.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| l.starts_with('#'))
        .collect();
    if lines.is_empty() {
        return true;
    }
    // Text after the last match of `#.+#` (a '.' never crosses a line break).
    let mut tail = note;
    let mut rest = note;
    while let Some(open) = rest.find('#') {
        let after = &rest[open + 1..];
        let line_end = after.find('\n').unwrap_or(after.len());
        match after[..line_end].rfind('#') {
            Some(close) if close > 0 => {
                rest = &after[close + 1..];
                tail = rest;
            }
            _ => rest = after,
        }
    }
    let leading_space = tail.len() - tail.trim_start().len();
    let ends_line = tail[..leading_space].contains('\n');
    lines.iter().all(|l| skonto_line_ok(l)) && ends_line
}

/// The IBAN test of DE-R-019/020: shape, then mod 97 of the rearranged digits. `None` when the
/// official XSLT would stop on it (a number too large for its integer type is not a concern:
/// the remainder is computed digit by digit).
fn iban_ok(raw: &str) -> Option<bool> {
    let iban: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let b = iban.as_bytes();
    let shape = b.len() >= 4
        && b.len() <= 34
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphanumeric);
    if !shape {
        return Some(false);
    }
    let rearranged = b[4..].iter().chain(&b[..4]);
    let mut remainder: u64 = 0;
    for &c in rearranged {
        let value = if c > 64 {
            u64::from(c) - 55
        } else {
            u64::from(c) - 48
        };
        for digit in value.to_string().bytes() {
            remainder = (remainder * 10 + u64::from(digit - b'0')) % 97;
        }
    }
    Some(remainder == 1)
}

/// The e-mail shape DE-R-028 asks for: dot-separated atoms, '@', at least two domain labels.
fn email_ok(mail: &str) -> bool {
    const SPECIAL: &str = "!#$%&\"*+/=?^_`{|}~-";
    let Some((local, domain)) = mail.split_once('@') else {
        return false;
    };
    let atom_ok = |atom: &str| {
        !atom.is_empty()
            && atom
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || SPECIAL.contains(c))
    };
    let label_ok = |label: &str| {
        let b = label.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    local.split('.').all(atom_ok) && labels.len() >= 2 && labels.iter().all(|l| label_ok(l))
}

fn check_document(cx: &mut Ctx<'_>, root: NodeId) {
    let doc = cx.doc;
    cx.require(has(doc, root, Ns::Cac, Tag::PaymentMeans), "DE-R-001", root);
    cx.require(filled(doc, root, Tag::BuyerReference), "DE-R-015", root);

    let notes: Vec<NodeId> = doc
        .kids(root, Ns::Cac, Tag::PaymentTerms)
        .filter_map(|t| doc.kid(t, Ns::Cbc, Tag::Note))
        .collect();
    if let [note] = notes.as_slice() {
        cx.require(skonto_ok(doc.raw(*note)), "DE-R-018", root);
    }

    const SUPPORTED: [&str; 8] = ["S", "Z", "E", "AE", "K", "G", "L", "M"];
    let raw_in = |id: NodeId| SUPPORTED.contains(&doc.raw(id));
    let allowance_codes = doc.kids(root, Ns::Cac, Tag::AllowanceCharge).any(|ac| {
        let indicator = doc
            .kids(ac, Ns::Cbc, Tag::ChargeIndicator)
            .map(|c| doc.raw(c).to_owned())
            .collect::<Vec<_>>();
        let flagged = indicator.iter().any(|i| i == "false" || i == "true");
        flagged
            && doc
                .path_all(ac, &[(Ns::Cac, Tag::TaxCategory), (Ns::Cbc, Tag::ID)])
                .into_iter()
                .any(raw_in)
    });
    let line_codes = doc
        .children(root)
        .filter(|&l| {
            doc.is(l, Ns::Cac, Tag::InvoiceLine) || doc.is(l, Ns::Cac, Tag::CreditNoteLine)
        })
        .any(|l| {
            doc.path_all(
                l,
                &[
                    (Ns::Cac, Tag::Item),
                    (Ns::Cac, Tag::ClassifiedTaxCategory),
                    (Ns::Cbc, Tag::ID),
                ],
            )
            .into_iter()
            .any(raw_in)
        });
    let seller_tax_id = doc
        .path_all(
            root,
            &[
                (Ns::Cac, Tag::AccountingSupplierParty),
                (Ns::Cac, Tag::Party),
                (Ns::Cac, Tag::PartyTaxScheme),
                (Ns::Cbc, Tag::CompanyID),
            ],
        )
        .into_iter()
        .any(|c| !doc.norm(c).is_empty());
    let ok = !(allowance_codes || line_codes)
        || has(doc, root, Ns::Cac, Tag::TaxRepresentativeParty)
        || seller_tax_id;
    cx.require(ok, "DE-R-016", root);

    const TYPES: [&str; 8] = ["326", "380", "384", "389", "381", "875", "876", "877"];
    let type_codes: Vec<NodeId> = doc
        .kids(root, Ns::Cbc, Tag::InvoiceTypeCode)
        .chain(doc.kids(root, Ns::Cbc, Tag::CreditNoteTypeCode))
        .collect();
    let supported = type_codes.iter().any(|&c| TYPES.contains(&doc.raw(c)));
    cx.require(supported, "DE-R-017", root);
    let numbers: Option<Vec<f64>> = type_codes
        .iter()
        .map(|&c| doc.text(c).parse::<f64>().ok())
        .collect();
    if let Some(numbers) = numbers {
        let corrected = numbers.contains(&384.0);
        let preceding = doc
            .path(
                root,
                &[
                    (Ns::Cac, Tag::BillingReference),
                    (Ns::Cac, Tag::InvoiceDocumentReference),
                ],
            )
            .is_some();
        cx.require(!corrected || preceding, "DE-R-026", root);
    }

    let filenames = |r: NodeId| -> Vec<String> {
        doc.path_all(
            r,
            &[
                (Ns::Cac, Tag::Attachment),
                (Ns::Cbc, Tag::EmbeddedDocumentBinaryObject),
            ],
        )
        .into_iter()
        .filter_map(|o| doc.attr(o, "filename").map(str::to_owned))
        .collect()
    };
    let mut seen: Vec<String> = Vec::new();
    let mut duplicate = false;
    for reference in doc.kids(root, Ns::Cac, Tag::AdditionalDocumentReference) {
        let names = filenames(reference);
        duplicate |= names.iter().any(|n| seen.contains(n));
        seen.extend(names);
    }
    cx.require(!duplicate, "DE-R-022", root);

    let mandate = doc
        .kids(root, Ns::Cac, Tag::PaymentMeans)
        .any(|m| has(doc, m, Ns::Cac, Tag::PaymentMandate));
    if mandate {
        let sepa = |steps: &[(Ns, Tag)]| {
            doc.path_all(root, steps)
                .into_iter()
                .any(|id| doc.attr(id, "schemeID") == Some("SEPA"))
        };
        let creditor = sepa(&[
            (Ns::Cac, Tag::AccountingSupplierParty),
            (Ns::Cac, Tag::Party),
            (Ns::Cac, Tag::PartyIdentification),
            (Ns::Cbc, Tag::ID),
        ]) || sepa(&[
            (Ns::Cac, Tag::PayeeParty),
            (Ns::Cac, Tag::PartyIdentification),
            (Ns::Cbc, Tag::ID),
        ]);
        cx.require(creditor, "DE-R-030", root);
        let debited = !doc
            .path_all(
                root,
                &[
                    (Ns::Cac, Tag::PaymentMeans),
                    (Ns::Cac, Tag::PaymentMandate),
                    (Ns::Cac, Tag::PayerFinancialAccount),
                    (Ns::Cbc, Tag::ID),
                ],
            )
            .is_empty();
        cx.require(debited, "DE-R-031", root);
    }
}
