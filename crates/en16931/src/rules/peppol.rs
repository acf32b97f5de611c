//! Peppol BIS Billing 3.0 transaction rules (PEPPOL-EN16931-R*) and the identifier checksum
//! rules PEPPOL-COMMON-R04x/R049/R050.
//!
//! Most of these share one pattern in the official Schematron, so an element is judged only by
//! the first rule whose context it matches: an allowance/charge with a percentage but no base
//! amount is reported under R041 and not also checked by R040/R043.

use super::fatal;
use rust_decimal::Decimal;

use super::codelists::TagSet;
use super::{Ctx, Flag, Num, RuleInfo, at_most_one, round2, upper_eq};
use crate::doc::{Doc, Kind, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "PEPPOL-EN16931-R055",
        "Total VAT and total VAT in accounting currency must have the same sign.",
    ),
    RuleInfo {
        id: "PEPPOL-COMMON-R044",
        flag: Flag::Warning,
        description: "An Italian IPA code (0201) should be 6 letters or digits.",
    },
    RuleInfo {
        id: "PEPPOL-COMMON-R045",
        flag: Flag::Warning,
        description: "An Italian tax code (Codice Fiscale, 0210) should be well formed.",
    },
    RuleInfo {
        id: "PEPPOL-COMMON-R046",
        flag: Flag::Warning,
        description: "An Italian tax code endpoint (9907) should be well formed.",
    },
    RuleInfo {
        id: "PEPPOL-COMMON-R047",
        flag: Flag::Warning,
        description: "An Italian VAT number (Partita IVA, 0211) should have a valid check digit.",
    },
    fatal(
        "PEPPOL-EN16931-R001",
        "The business process (ProfileID) must be given.",
    ),
    fatal(
        "PEPPOL-EN16931-R002",
        "At most one document note, unless seller and buyer are both German.",
    ),
    fatal(
        "PEPPOL-EN16931-R003",
        "A buyer reference or a purchase order reference must be given.",
    ),
    fatal(
        "PEPPOL-EN16931-R004",
        "The specification identifier must be the Peppol BIS Billing 3.0 one.",
    ),
    fatal(
        "PEPPOL-EN16931-R005",
        "The VAT accounting currency must differ from the document currency.",
    ),
    fatal(
        "PEPPOL-EN16931-R007",
        "The business process must have the form urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0.",
    ),
    fatal(
        "PEPPOL-EN16931-R008",
        "The document must not contain empty elements.",
    ),
    fatal(
        "PEPPOL-EN16931-R010",
        "The buyer's electronic address must be given.",
    ),
    fatal(
        "PEPPOL-EN16931-R020",
        "The seller's electronic address must be given.",
    ),
    fatal(
        "PEPPOL-EN16931-R040",
        "An allowance/charge amount must be base amount × percentage / 100 (±0.02).",
    ),
    fatal(
        "PEPPOL-EN16931-R041",
        "An allowance/charge percentage needs a base amount.",
    ),
    fatal(
        "PEPPOL-EN16931-R042",
        "An allowance/charge base amount needs a percentage.",
    ),
    fatal(
        "PEPPOL-EN16931-R043",
        "ChargeIndicator must be exactly 'true' or 'false'.",
    ),
    fatal(
        "PEPPOL-EN16931-R044",
        "Only allowances (no charges) are allowed on the price.",
    ),
    fatal(
        "PEPPOL-EN16931-R046",
        "The item net price must be the gross price minus the price allowance.",
    ),
    fatal(
        "PEPPOL-EN16931-R051",
        "Every amount must be in the document currency (except VAT in accounting currency).",
    ),
    fatal(
        "PEPPOL-EN16931-R053",
        "Exactly one tax total with VAT breakdown must be given.",
    ),
    fatal(
        "PEPPOL-EN16931-R054",
        "A tax total without breakdown is given exactly when a VAT accounting currency is.",
    ),
    fatal(
        "PEPPOL-EN16931-R061",
        "Direct debit (codes 49, 59) needs a mandate reference.",
    ),
    fatal(
        "PEPPOL-EN16931-R080",
        "A credit note may carry at most one project reference.",
    ),
    fatal(
        "PEPPOL-EN16931-R100",
        "A line may reference at most one invoiced object.",
    ),
    fatal(
        "PEPPOL-EN16931-R101",
        "A line document reference may only be an invoiced object (type 130).",
    ),
    fatal(
        "PEPPOL-EN16931-R110",
        "A line period must not start before the invoicing period.",
    ),
    fatal(
        "PEPPOL-EN16931-R111",
        "A line period must not end after the invoicing period.",
    ),
    fatal(
        "PEPPOL-EN16931-R120",
        "Line net amount must be quantity × price / base quantity + charges − allowances (±0.02).",
    ),
    fatal(
        "PEPPOL-EN16931-R121",
        "The price base quantity must be above zero.",
    ),
    fatal(
        "PEPPOL-EN16931-R130",
        "The price base quantity must use the line quantity's unit.",
    ),
    fatal(
        "PEPPOL-COMMON-R040",
        "A GLN (scheme 0088) must be digits with a valid GS1 check digit.",
    ),
    fatal(
        "PEPPOL-COMMON-R041",
        "A Norwegian organisation number (0192) must be 9 digits with a valid mod-11 check.",
    ),
    fatal(
        "PEPPOL-COMMON-R042",
        "A Danish CVR number (0184) must be 8 digits, optionally prefixed DK.",
    ),
    fatal(
        "PEPPOL-COMMON-R043",
        "A Belgian enterprise number (0208) must be 10 digits with a valid mod-97 check.",
    ),
    fatal(
        "PEPPOL-COMMON-R049",
        "A Swedish organisation number (0007) must be 10 digits with a valid Luhn check.",
    ),
    fatal(
        "PEPPOL-COMMON-R050",
        "An Australian Business Number (0151) must be 11 digits with a valid check.",
    ),
];

const CUSTOMIZATION_PREFIX: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/// The amount elements whose currency R051 checks (`TaxAmount` is handled apart).
const AMOUNTS: &[Tag] = &[
    Tag::Amount,
    Tag::BaseAmount,
    Tag::PriceAmount,
    Tag::TaxableAmount,
    Tag::LineExtensionAmount,
    Tag::TaxExclusiveAmount,
    Tag::TaxInclusiveAmount,
    Tag::AllowanceTotalAmount,
    Tag::ChargeTotalAmount,
    Tag::PrepaidAmount,
    Tag::PayableRoundingAmount,
    Tag::PayableAmount,
];
/// [`AMOUNTS`] as a table (tested on every element).
const AMOUNT_TAGS: TagSet = TagSet::new(AMOUNTS);
/// The element names the walk in [`check`] judges besides R008 (whatever their namespace):
/// one look-up dismisses every other element.
const WATCHED: TagSet = AMOUNT_TAGS.with(&[
    Tag::TaxCurrencyCode,
    Tag::Party,
    Tag::AllowanceCharge,
    Tag::PaymentMeans,
    Tag::TaxAmount,
    Tag::StartDate,
    Tag::EndDate,
    Tag::InvoiceLine,
    Tag::CreditNoteLine,
    Tag::BaseQuantity,
    Tag::EndpointID,
    Tag::CompanyID,
    Tag::ID,
]);

fn has(doc: &Doc, id: NodeId, ns: Ns, tag: Tag) -> bool {
    doc.kid(id, ns, tag).is_some()
}

/// Whether `text` contains the Peppol profile pattern (the official regular expression is not
/// anchored, and its dots match any character).
pub(super) fn has_profile_pattern(text: &str) -> bool {
    // In ASCII text a character is a byte, so the pattern is matched over bytes (the common
    // case: the profile id itself, matched at its first byte).
    if text.is_ascii() {
        return text
            .as_bytes()
            .windows(PROFILE_PATTERN.len())
            .any(|window| {
                PROFILE_PATTERN.iter().zip(window).all(|(&p, &c)| match p {
                    b'.' => c != b'\n',
                    b'N' => c.is_ascii_digit(),
                    p => c == p,
                })
            });
    }
    has_profile_pattern_by_chars(text)
}

/// `urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0` with `.` = any char and `N` = digit.
const PROFILE_PATTERN: &[u8] = b"urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0";

/// [`has_profile_pattern`] character by character, for any text.
fn has_profile_pattern_by_chars(text: &str) -> bool {
    // Character-wise from every character start (a dot may match a multi-byte character).
    text.char_indices().any(|(start, _)| {
        let mut chars = text[start..].chars();
        PROFILE_PATTERN.iter().all(|&p| {
            chars.next().is_some_and(|c| match p {
                b'.' => c != '\n',
                b'N' => c.is_ascii_digit(),
                p => c == char::from(p),
            })
        })
    })
}

/// `u:slack(expected, value, 0.02)`.
fn within_slack(expected: Decimal, value: Decimal) -> bool {
    let slack = Decimal::new(2, 2);
    expected + slack >= value && expected - slack <= value
}

/// A plain `YYYY-MM-DD` date; other forms are not judged.
fn plain_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    ok.then_some(text)
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    check_root(cx, root);
    let currency = doc
        .kid(root, Ns::Cbc, Tag::DocumentCurrencyCode)
        .map(|c| doc.raw(c));
    let dates = |name: Tag| {
        doc.path(root, &[(Ns::Cac, Tag::InvoicePeriod), (Ns::Cbc, name)])
            .map(|d| doc.raw(d))
    };
    let (period_start, period_end) = (dates(Tag::StartDate), dates(Tag::EndDate));
    for id in doc.all() {
        let node = doc.node(id);
        // R008 is a pattern of its own.
        if !doc.has_children(id)
            && doc
                .raw(id)
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            cx.fire("PEPPOL-EN16931-R008", id);
        }
        if !WATCHED.contains(node.tag) {
            continue;
        }
        let parent = node.parent;
        match (node.ns, node.tag) {
            (Ns::Cbc, Tag::TaxCurrencyCode) => {
                let own = doc.norm(id);
                let document = doc
                    .kid(parent, Ns::Cbc, Tag::DocumentCurrencyCode)
                    .map(|c| doc.norm(c))
                    .unwrap_or_default();
                cx.require(own != document, "PEPPOL-EN16931-R005", id);
            }
            (Ns::Cac, Tag::Party) if doc.is(parent, Ns::Cac, Tag::AccountingCustomerParty) => {
                cx.require(
                    has(doc, id, Ns::Cbc, Tag::EndpointID),
                    "PEPPOL-EN16931-R010",
                    id,
                );
            }
            (Ns::Cac, Tag::Party) if doc.is(parent, Ns::Cac, Tag::AccountingSupplierParty) => {
                cx.require(
                    has(doc, id, Ns::Cbc, Tag::EndpointID),
                    "PEPPOL-EN16931-R020",
                    id,
                );
            }
            (Ns::Cac, Tag::AllowanceCharge)
                if parent == root
                    || (doc.node(parent).parent == root
                        && (doc.is(parent, Ns::Cac, Tag::InvoiceLine)
                            && doc.kind() == Kind::Invoice
                            || doc.is(parent, Ns::Cac, Tag::CreditNoteLine)
                                && doc.kind() == Kind::CreditNote)) =>
            {
                check_allowance_charge(cx, id);
            }
            (Ns::Cac, Tag::PaymentMeans) => {
                let code = doc
                    .kid(id, Ns::Cbc, Tag::PaymentMeansCode)
                    .map(|c| doc.norm(c));
                if matches!(code.as_deref(), Some("49" | "59")) {
                    let mandate = doc
                        .path(id, &[(Ns::Cac, Tag::PaymentMandate), (Ns::Cbc, Tag::ID)])
                        .is_some();
                    cx.require(mandate, "PEPPOL-EN16931-R061", id);
                }
            }
            (Ns::Cbc, tag) if AMOUNT_TAGS.contains(tag) => {
                let ok = currency.is_some() && doc.attr(id, "currencyID") == currency;
                cx.require(ok, "PEPPOL-EN16931-R051", id);
            }
            (Ns::Cbc, Tag::TaxAmount)
                if doc.is(parent, Ns::Cac, Tag::TaxSubtotal)
                    || (doc.is(parent, Ns::Cac, Tag::TaxTotal)
                        && has(doc, parent, Ns::Cac, Tag::TaxSubtotal)) =>
            {
                let ok = currency.is_some() && doc.attr(id, "currencyID") == currency;
                cx.require(ok, "PEPPOL-EN16931-R051", id);
            }
            (Ns::Cbc, which @ (Tag::StartDate | Tag::EndDate))
                if doc.is(parent, Ns::Cac, Tag::InvoicePeriod)
                    && is_document_line(doc, doc.node(parent).parent) =>
            {
                let (bound, rule) = if which == Tag::StartDate {
                    (&period_start, "PEPPOL-EN16931-R110")
                } else {
                    (&period_end, "PEPPOL-EN16931-R111")
                };
                let Some(bound) = bound else { continue };
                if let (Some(own), Some(bound)) = (plain_date(doc.raw(id)), plain_date(bound)) {
                    let ok = if which == Tag::StartDate {
                        own >= bound
                    } else {
                        own <= bound
                    };
                    cx.require(ok, rule, id);
                }
            }
            (Ns::Cac, Tag::InvoiceLine | Tag::CreditNoteLine) => check_line(cx, id),
            (Ns::Cac, Tag::AllowanceCharge) if doc.is(parent, Ns::Cac, Tag::Price) => {
                let indicator = doc
                    .kid(id, Ns::Cbc, Tag::ChargeIndicator)
                    .map(|c| doc.norm(c));
                cx.require(
                    indicator.as_deref() == Some("false"),
                    "PEPPOL-EN16931-R044",
                    id,
                );
                if doc.kid(id, Ns::Cbc, Tag::BaseAmount).is_some() {
                    let price = Num::of(doc, doc.kid(parent, Ns::Cbc, Tag::PriceAmount));
                    let base = Num::of(doc, doc.kid(id, Ns::Cbc, Tag::BaseAmount));
                    let amount = Num::of(doc, doc.kid(id, Ns::Cbc, Tag::Amount));
                    match (price, base, amount) {
                        (Num::Invalid, _, _) | (_, Num::Invalid, _) | (_, _, Num::Invalid) => {}
                        (Num::Val(p), Num::Val(b), Num::Val(a)) => {
                            cx.require(p == b - a, "PEPPOL-EN16931-R046", id);
                        }
                        _ => cx.fire("PEPPOL-EN16931-R046", id),
                    }
                }
            }
            (Ns::Cbc, Tag::BaseQuantity)
                if doc.is(parent, Ns::Cac, Tag::Price) && doc.attr(id, "unitCode").is_some() =>
            {
                let line = doc.node(parent).parent;
                let quantity_name = match doc.kind() {
                    Kind::Invoice => Tag::InvoicedQuantity,
                    Kind::CreditNote => Tag::CreditedQuantity,
                };
                let has_quantity = has(doc, line, Ns::Cbc, Tag::InvoicedQuantity)
                    || has(doc, line, Ns::Cbc, Tag::CreditedQuantity);
                let unit = doc.attr(id, "unitCode");
                let ok = !has_quantity
                    || doc
                        .kids(line, Ns::Cbc, quantity_name)
                        .any(|q| doc.attr(q, "unitCode") == unit);
                cx.require(ok, "PEPPOL-EN16931-R130", id);
            }
            (Ns::Cbc, Tag::EndpointID | Tag::CompanyID) => check_identifier(cx, id),
            (Ns::Cbc, Tag::ID) if doc.is(parent, Ns::Cac, Tag::PartyIdentification) => {
                check_identifier(cx, id);
            }
            _ => {}
        }
    }
}

fn is_document_line(doc: &Doc, line: NodeId) -> bool {
    doc.node(line).parent == doc.root()
        && match doc.kind() {
            Kind::Invoice => doc.is(line, Ns::Cac, Tag::InvoiceLine),
            Kind::CreditNote => doc.is(line, Ns::Cac, Tag::CreditNoteLine),
        }
}

fn check_root(cx: &mut Ctx<'_>, root: NodeId) {
    let doc = cx.doc;
    let profile = doc.kid(root, Ns::Cbc, Tag::ProfileID);
    cx.require(profile.is_some(), "PEPPOL-EN16931-R001", root);
    if let Some(only) = at_most_one(doc.kids(root, Ns::Cbc, Tag::ProfileID)) {
        let ok = only.is_some_and(|p| has_profile_pattern(&doc.norm(p)));
        cx.require(ok, "PEPPOL-EN16931-R007", root);
    }
    let notes = doc.kids(root, Ns::Cbc, Tag::Note).count();
    let country = |party: Tag| {
        doc.path(
            root,
            &[
                (Ns::Cac, party),
                (Ns::Cac, Tag::Party),
                (Ns::Cac, Tag::PostalAddress),
                (Ns::Cac, Tag::Country),
                (Ns::Cbc, Tag::IdentificationCode),
            ],
        )
        .is_some_and(|c| upper_eq(&doc.norm(c), "DE"))
    };
    let both_german =
        country(Tag::AccountingSupplierParty) && country(Tag::AccountingCustomerParty);
    cx.require(notes <= 1 || both_german, "PEPPOL-EN16931-R002", root);
    let reference = has(doc, root, Ns::Cbc, Tag::BuyerReference)
        || doc
            .kids(root, Ns::Cac, Tag::OrderReference)
            .any(|o| has(doc, o, Ns::Cbc, Tag::ID));
    cx.require(reference, "PEPPOL-EN16931-R003", root);
    if let Some(only) = at_most_one(doc.kids(root, Ns::Cbc, Tag::CustomizationID)) {
        let ok = only.is_some_and(|c| doc.norm(c).starts_with(CUSTOMIZATION_PREFIX));
        cx.require(ok, "PEPPOL-EN16931-R004", root);
    }
    let with_breakdown = doc
        .kids(root, Ns::Cac, Tag::TaxTotal)
        .filter(|&t| has(doc, t, Ns::Cac, Tag::TaxSubtotal))
        .count();
    cx.require(with_breakdown == 1, "PEPPOL-EN16931-R053", root);
    let without = doc.kids(root, Ns::Cac, Tag::TaxTotal).count() - with_breakdown;
    let wanted = usize::from(has(doc, root, Ns::Cbc, Tag::TaxCurrencyCode));
    cx.require(without == wanted, "PEPPOL-EN16931-R054", root);
    let currency_of = |name: Tag| doc.kid(root, Ns::Cbc, name).map(|c| doc.norm(c));
    if let Some(tax_currency) = currency_of(Tag::TaxCurrencyCode) {
        let document_currency = currency_of(Tag::DocumentCurrencyCode);
        let amounts = |currency: Option<&str>| -> Vec<f64> {
            doc.path_all(root, &[(Ns::Cac, Tag::TaxTotal), (Ns::Cbc, Tag::TaxAmount)])
                .into_iter()
                .filter(|&a| currency.is_some_and(|c| doc.attr(a, "currencyID") == Some(c)))
                .filter_map(|a| doc.text(a).parse::<f64>().ok())
                .collect()
        };
        let accounting = amounts(Some(&tax_currency));
        let document = amounts(document_currency.as_deref());
        let any = |v: &[f64], f: fn(f64) -> bool| v.iter().any(|x| f(*x));
        let ok = (any(&accounting, |x| x <= 0.0) && any(&document, |x| x <= 0.0))
            || (any(&accounting, |x| x >= 0.0) && any(&document, |x| x >= 0.0));
        cx.require(ok, "PEPPOL-EN16931-R055", root);
    }
    if doc.kind() == Kind::CreditNote {
        let projects = doc
            .kids(root, Ns::Cac, Tag::AdditionalDocumentReference)
            .filter(|&r| {
                doc.kids(r, Ns::Cbc, Tag::DocumentTypeCode)
                    .any(|c| doc.raw(c) == "50")
            })
            .count();
        cx.require(projects <= 1, "PEPPOL-EN16931-R080", root);
    }
}

fn check_allowance_charge(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let factor = doc.kid(id, Ns::Cbc, Tag::MultiplierFactorNumeric);
    let base = doc.kid(id, Ns::Cbc, Tag::BaseAmount);
    match (factor, base) {
        (Some(_), None) => cx.fire("PEPPOL-EN16931-R041", id),
        (None, Some(_)) => cx.fire("PEPPOL-EN16931-R042", id),
        _ => {
            if let (Some(factor), Some(base)) = (factor, base) {
                let amount = match doc.kid(id, Ns::Cbc, Tag::Amount) {
                    Some(a) => Num::of(doc, Some(a)),
                    None => Num::Val(Decimal::ZERO),
                };
                if let (Num::Val(a), Num::Val(b), Num::Val(f)) =
                    (amount, Num::of(doc, Some(base)), Num::of(doc, Some(factor)))
                    && let Some(product) = b.checked_mul(f)
                {
                    cx.require(
                        within_slack(a, product / Decimal::ONE_HUNDRED),
                        "PEPPOL-EN16931-R040",
                        id,
                    );
                }
            }
            let indicator = doc
                .kid(id, Ns::Cbc, Tag::ChargeIndicator)
                .map(|c| doc.norm(c));
            let ok = matches!(indicator.as_deref(), Some("true" | "false"));
            cx.require(ok, "PEPPOL-EN16931-R043", id);
        }
    }
}

fn check_line(cx: &mut Ctx<'_>, line: NodeId) {
    let doc = cx.doc;
    let references = doc.kids(line, Ns::Cac, Tag::DocumentReference).count();
    cx.require(references <= 1, "PEPPOL-EN16931-R100", line);
    let object_only = references == 0
        || doc.kids(line, Ns::Cac, Tag::DocumentReference).any(|r| {
            doc.kids(r, Ns::Cbc, Tag::DocumentTypeCode)
                .any(|c| doc.raw(c) == "130")
        });
    cx.require(object_only, "PEPPOL-EN16931-R101", line);
    let base_quantity = doc.path(line, &[(Ns::Cac, Tag::Price), (Ns::Cbc, Tag::BaseQuantity)]);
    match Num::of(doc, base_quantity) {
        Num::Val(q) => cx.require(q > Decimal::ZERO, "PEPPOL-EN16931-R121", line),
        Num::Missing | Num::Invalid => {}
    }
    if let Some(ok) = line_amount_ok(doc, line) {
        cx.require(ok, "PEPPOL-EN16931-R120", line);
    }
}

/// R120; `None` when a value is no decimal or repeated (the official XSLT stops there).
/// The line's children are read in one pass; any `None` makes the whole answer `None`, so
/// the order in which the values are judged does not matter.
fn line_amount_ok(doc: &Doc, line: NodeId) -> Option<bool> {
    // The value of the only element found (`Some(None)` when there is none).
    let value = |found: Single| -> Option<Option<Decimal>> {
        match found {
            Single::Repeated => None,
            Single::Missing => Some(None),
            Single::One(id) => match Num::of(doc, Some(id)) {
                Num::Missing => Some(None),
                Num::Invalid => None,
                Num::Val(v) => Some(Some(v)),
            },
        }
    };
    let single = |parent: NodeId, ns: Ns, name: Tag| -> Option<Option<Decimal>> {
        let mut found = Single::Missing;
        doc.kids(parent, ns, name).for_each(|id| found.see(id));
        value(found)
    };
    let quantity_name = match doc.kind() {
        Kind::Invoice => Tag::InvoicedQuantity,
        Kind::CreditNote => Tag::CreditedQuantity,
    };
    let (mut amount, mut quantity, mut price) = (Single::Missing, Single::Missing, Single::Missing);
    let mut sums = [Decimal::ZERO, Decimal::ZERO];
    for child in doc.children(line) {
        let node = doc.node(child);
        match (node.ns, node.tag) {
            (Ns::Cbc, Tag::LineExtensionAmount) => amount.see(child),
            (Ns::Cbc, tag) if tag == quantity_name => quantity.see(child),
            (Ns::Cac, Tag::Price) => price.see(child),
            (Ns::Cac, Tag::AllowanceCharge) => {
                let slot = match doc
                    .kid(child, Ns::Cbc, Tag::ChargeIndicator)
                    .map(|c| doc.norm(c))
                {
                    Some(s) if s == "false" => 0,
                    Some(s) if s == "true" => 1,
                    _ => continue,
                };
                for a in doc.kids(child, Ns::Cbc, Tag::Amount) {
                    match Num::of(doc, Some(a)) {
                        Num::Val(v) => sums[slot] = sums[slot].checked_add(v)?,
                        _ => return None,
                    }
                }
            }
            _ => {}
        }
    }
    let amount = value(amount)?.unwrap_or(Decimal::ZERO);
    let quantity = value(quantity)?.unwrap_or(Decimal::ONE);
    let (price, base) = match price {
        Single::Repeated => return None,
        Single::One(p) => (
            single(p, Ns::Cbc, Tag::PriceAmount)?.unwrap_or(Decimal::ZERO),
            single(p, Ns::Cbc, Tag::BaseQuantity)?
                .filter(|q| !q.is_zero())
                .unwrap_or(Decimal::ONE),
        ),
        Single::Missing => (Decimal::ZERO, Decimal::ONE),
    };
    let unit_price = price.checked_div(base)?;
    let computed = quantity
        .checked_mul(unit_price)?
        .checked_add(round2(sums[1]))?
        .checked_sub(round2(sums[0]))?;
    Some(within_slack(amount, computed))
}

/// The elements of one name seen among some children: none, exactly one, or more.
#[derive(Clone, Copy)]
enum Single {
    Missing,
    One(NodeId),
    Repeated,
}

impl Single {
    fn see(&mut self, id: NodeId) {
        *self = match *self {
            Single::Missing => Single::One(id),
            _ => Single::Repeated,
        };
    }
}

fn check_identifier(cx: &mut Ctx<'_>, id: NodeId) {
    let doc = cx.doc;
    let Some(scheme) = doc.attr(id, "schemeID") else {
        return;
    };
    let endpoint = doc.is(id, Ns::Cbc, Tag::EndpointID);
    let value = doc.norm(id);
    let (ok, rule) = match scheme {
        "0088" => (is_digits(&value) && gln_ok(&value), "PEPPOL-COMMON-R040"),
        "0192" => (
            value.len() == 9 && is_digits(&value) && mod11_ok(&value),
            "PEPPOL-COMMON-R041",
        ),
        "0184" => (danish_cvr_ok(doc.raw(id)), "PEPPOL-COMMON-R042"),
        "0208" => (
            value.len() == 10 && is_digits(&value) && mod97_0208_ok(&value),
            "PEPPOL-COMMON-R043",
        ),
        "0007" => (
            value.len() == 10 && is_digits(&value) && luhn_se_ok(&value),
            "PEPPOL-COMMON-R049",
        ),
        "0151" => (
            value.len() == 11 && is_digits(&value) && abn_ok(&value),
            "PEPPOL-COMMON-R050",
        ),
        "0201" => (codice_ipa_ok(&value), "PEPPOL-COMMON-R044"),
        "0210" => (codice_fiscale_ok(&value), "PEPPOL-COMMON-R045"),
        "9907" if endpoint => (codice_fiscale_ok(&value), "PEPPOL-COMMON-R046"),
        "0211" => (partita_iva_ok(&value), "PEPPOL-COMMON-R047"),
        _ => return,
    };
    cx.require(ok, rule, id);
}

fn codice_ipa_ok(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// XPath `castable as xs:integer` for short fragments.
fn integer_like(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Codice Fiscale: 16 characters in the letter/digit pattern of a person, or 11 digits.
fn codice_fiscale_ok(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    match chars.len() {
        16 => {
            let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
            let letters =
                |from: usize, to: usize| chars[from..to].iter().all(char::is_ascii_alphabetic);
            letters(0, 6)
                && integer_like(&part(6, 8))
                && letters(8, 9)
                && integer_like(&part(9, 11))
                && integer_like(&part(14, 15))
                && letters(15, 16)
        }
        11 => integer_like(s),
        _ => false,
    }
}

/// Partita IVA: when prefixed IT, 11 digits whose Luhn-like sum is divisible by 10.
fn partita_iva_ok(s: &str) -> bool {
    let Some(code) = s.strip_prefix("IT").or_else(|| s.strip_prefix("it")) else {
        return true;
    };
    if code.chars().count() != 11 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let sum: u32 = code
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 { DOUBLED[d as usize] } else { d }
        })
        .sum();
    sum.is_multiple_of(10)
}

use crate::identifiers::{abn_ok, danish_cvr_ok, gln_ok, mod97_0208_ok};
pub(super) use crate::identifiers::{luhn_se_ok, mod11_ok};

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::check;

    proptest::proptest! {
        /// The byte-wise match of ASCII text answers as the character-wise one does.
        #[test]
        fn profile_pattern_bytes_agree_with_chars(
            text in proptest::prop_oneof![
                "[a-z0-9:.\\n]{0,60}",
                "(x|\\n|é)?urn:fdc:peppol.eu:2017:poacc:billing:[0-9a\\n]{2}:1.0(x)?",
                "urn.fdc.peppol.eu.2017.poacc.billing.[0-9]{2}.1.[0-9\\n]",
                "[ -~\\n]{40,50}",
            ]
        ) {
            proptest::prop_assert_eq!(
                has_profile_pattern(&text),
                has_profile_pattern_by_chars(&text),
                "{:?}",
                text
            );
        }
    }

    #[test]
    fn checksums() {
        assert!(mod11_ok("923609016"));
        assert!(!mod11_ok("923609017"));
        assert!(gln_ok("5790000435968"));
        assert!(!gln_ok("5790000435969"));
        assert!(mod97_0208_ok("0123456749"));
        assert!(luhn_se_ok("5560360793"));
        assert!(!luhn_se_ok("5560360794"));
        assert!(abn_ok("51824753556"));
        assert!(danish_cvr_ok("DK12345678") && danish_cvr_ok("12345678"));
        assert!(!danish_cvr_ok(" 12345678"));
    }

    #[test]
    fn profile_pattern_is_unanchored() {
        assert!(has_profile_pattern(
            "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
        ));
        assert!(has_profile_pattern(
            "x urn:fdc:peppolXeu:2017:poacc:billing:01:1X0 y"
        ));
        assert!(!has_profile_pattern(
            "urn:fdc:peppol.eu:2017:poacc:billing:1:1.0"
        ));
    }

    #[test]
    fn document_level() {
        check(
            "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>\
             <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note><cbc:Empty/>",
            &[
                ("PEPPOL-EN16931-R001", 0),
                ("PEPPOL-EN16931-R004", 0),
                ("PEPPOL-EN16931-R007", 0),
                ("PEPPOL-EN16931-R002", 1),
                ("PEPPOL-EN16931-R003", 1),
                ("PEPPOL-EN16931-R008", 1),
                ("PEPPOL-EN16931-R053", 1),
            ],
        );
    }

    #[test]
    fn allowance_first_match() {
        check(
            "<cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric></cac:AllowanceCharge>\
             <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount>10.5</cbc:Amount>\
             <cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:BaseAmount>100</cbc:BaseAmount></cac:AllowanceCharge>",
            &[
                ("PEPPOL-EN16931-R041", 1),
                ("PEPPOL-EN16931-R043", 0),
                ("PEPPOL-EN16931-R040", 1),
            ],
        );
    }

    #[test]
    fn line_amount() {
        check(
            "<cac:InvoiceLine><cbc:InvoicedQuantity unitCode=\"C62\">3</cbc:InvoicedQuantity>\
             <cbc:LineExtensionAmount>30.02</cbc:LineExtensionAmount><cac:Price><cbc:PriceAmount>100</cbc:PriceAmount>\
             <cbc:BaseQuantity unitCode=\"C62\">10</cbc:BaseQuantity></cac:Price></cac:InvoiceLine>\
             <cac:InvoiceLine><cbc:InvoicedQuantity unitCode=\"C62\">3</cbc:InvoicedQuantity>\
             <cbc:LineExtensionAmount>31</cbc:LineExtensionAmount><cac:Price><cbc:PriceAmount>10</cbc:PriceAmount>\
             <cbc:BaseQuantity unitCode=\"KGM\">1</cbc:BaseQuantity></cac:Price></cac:InvoiceLine>",
            &[("PEPPOL-EN16931-R120", 1), ("PEPPOL-EN16931-R130", 1)],
        );
    }
}
