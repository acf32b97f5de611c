//! UBL syntax rules of EN16931: cardinalities that UBL allows but the semantic model does not
//! (UBL-SR-*), and data type rules (UBL-DT-*).

use super::{fatal, warning};

use super::{Ctx, RuleInfo, charge_indicator};
use crate::doc::{Doc, Kind, Node, NodeId, Ns, Tag};

/// Attributes UBL allows but EN16931 does not use (UBL-DT-08 … -28 without -18).
const UNUSED_ATTRIBUTES: &[(&str, &str)] = &[
    ("schemeName", "UBL-DT-08"),
    ("schemeAgencyName", "UBL-DT-09"),
    ("schemeDataURI", "UBL-DT-10"),
    ("schemeURI", "UBL-DT-11"),
    ("format", "UBL-DT-12"),
    ("unitCodeListIdentifier", "UBL-DT-13"),
    ("unitCodeListAgencyIdentifier", "UBL-DT-14"),
    ("unitCodeListAgencyName", "UBL-DT-15"),
    ("listAgencyName", "UBL-DT-16"),
    ("listName", "UBL-DT-17"),
    ("languageID", "UBL-DT-19"),
    ("listURI", "UBL-DT-20"),
    ("listSchemeURI", "UBL-DT-21"),
    ("languageLocaleID", "UBL-DT-22"),
    ("uri", "UBL-DT-23"),
    ("currencyCodeListVersionID", "UBL-DT-24"),
    ("characterSetCode", "UBL-DT-25"),
    ("encodingCode", "UBL-DT-26"),
    ("schemeAgencyID", "UBL-DT-27"),
    ("listAgencyID", "UBL-DT-28"),
];

/// Bit `n` set when an entry of [`UNUSED_ATTRIBUTES`] is `n` bytes long.
const UNUSED_LENGTHS: u64 = {
    let mut bits = 0u64;
    let mut i = 0;
    while i < UNUSED_ATTRIBUTES.len() {
        let len = UNUSED_ATTRIBUTES[i].0.len();
        assert!(len < 63);
        bits |= 1 << len;
        i += 1;
    }
    bits
};

pub(super) const RULES: &[RuleInfo] = &[
    warning(
        "UBL-DT-08",
        "The attribute schemeName is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-09",
        "The attribute schemeAgencyName is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-10",
        "The attribute schemeDataURI is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-11",
        "The attribute schemeURI is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-12",
        "The attribute format is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-13",
        "The attribute unitCodeListIdentifier is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-14",
        "The attribute unitCodeListAgencyIdentifier is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-15",
        "The attribute unitCodeListAgencyName is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-16",
        "The attribute listAgencyName is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-17",
        "The attribute listName is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-19",
        "The attribute languageID is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-20",
        "The attribute listURI is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-21",
        "The attribute listSchemeURI is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-22",
        "The attribute languageLocaleID is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-23",
        "The attribute uri is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-24",
        "The attribute currencyCodeListVersionID is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-25",
        "The attribute characterSetCode is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-26",
        "The attribute encodingCode is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-27",
        "The attribute schemeAgencyID is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-28",
        "The attribute listAgencyID is not used in EN16931 and should be left out.",
    ),
    warning(
        "UBL-DT-18",
        "The attribute name is only used on the payment means code.",
    ),
    fatal("UBL-SR-01", "At most one contract reference."),
    fatal("UBL-DT-01", "Amounts may have at most two decimals."),
    fatal("UBL-DT-06", "Attached binary objects need a MIME code."),
    fatal("UBL-DT-07", "Attached binary objects need a file name."),
    fatal("UBL-SR-02", "At most one receiving advice reference."),
    fatal("UBL-SR-03", "At most one despatch advice reference."),
    fatal(
        "UBL-SR-04",
        "At most one invoiced object identifier (document type 130).",
    ),
    fatal("UBL-SR-05", "At most one payment terms note."),
    fatal(
        "UBL-SR-06",
        "At most one preceding invoice per billing reference.",
    ),
    fatal(
        "UBL-SR-07",
        "A preceding invoice reference needs the invoice number.",
    ),
    fatal("UBL-SR-08", "At most one invoicing period."),
    fatal("UBL-SR-09", "At most one seller legal name."),
    fatal("UBL-SR-10", "At most one seller trading name."),
    fatal(
        "UBL-SR-11",
        "At most one seller legal registration identifier.",
    ),
    fatal("UBL-SR-12", "At most one seller VAT identifier."),
    fatal(
        "UBL-SR-13",
        "At most one seller tax registration identifier.",
    ),
    fatal(
        "UBL-SR-14",
        "At most one seller additional legal information.",
    ),
    fatal("UBL-SR-15", "At most one buyer legal name."),
    fatal("UBL-SR-16", "At most one buyer identifier."),
    fatal(
        "UBL-SR-17",
        "At most one buyer legal registration identifier.",
    ),
    fatal("UBL-SR-18", "At most one buyer VAT identifier."),
    fatal(
        "UBL-SR-19",
        "A payee has at most one name, and it must differ from the seller's legal name.",
    ),
    fatal(
        "UBL-SR-20",
        "A payee has at most one identifier besides SEPA ones, and its name must differ from the seller's legal name.",
    ),
    fatal(
        "UBL-SR-21",
        "A payee has at most one legal registration identifier, and its name must differ from the seller's legal name.",
    ),
    fatal("UBL-SR-22", "At most one tax representative name."),
    fatal(
        "UBL-SR-23",
        "At most one tax representative VAT identifier.",
    ),
    fatal("UBL-SR-24", "At most one delivery."),
    fatal("UBL-SR-25", "At most one deliver-to party name."),
    fatal(
        "UBL-SR-26",
        "At most one payment reference per payment instruction.",
    ),
    fatal(
        "UBL-SR-27",
        "At most one payment means code per payment instruction.",
    ),
    fatal(
        "UBL-SR-28",
        "At most one mandate reference per payment instruction.",
    ),
    fatal(
        "UBL-SR-29",
        "At most one bank assigned creditor reference (SEPA).",
    ),
    fatal("UBL-SR-30", "At most one reason text per allowance."),
    fatal("UBL-SR-31", "At most one reason text per charge."),
    fatal(
        "UBL-SR-32",
        "At most one VAT exemption reason text per breakdown.",
    ),
    fatal(
        "UBL-SR-33",
        "At most one description per supporting document.",
    ),
    fatal("UBL-SR-34", "At most one note per line."),
    fatal("UBL-SR-35", "At most one referenced order line per line."),
    fatal("UBL-SR-36", "At most one period per line."),
    fatal("UBL-SR-37", "At most one price discount per line."),
    fatal("UBL-SR-39", "At most one project reference."),
    fatal("UBL-SR-40", "At most one buyer trading name."),
    fatal("UBL-SR-42", "At most two tax schemes for the seller."),
    fatal(
        "UBL-SR-43",
        "A supporting document reference may carry a scheme identifier only as an invoiced object (type 130).",
    ),
    fatal(
        "UBL-SR-44",
        "All payment references (PaymentID) in the document must be the same.",
    ),
    fatal(
        "UBL-SR-45",
        "At most one payment due date in the payment instructions.",
    ),
    fatal("UBL-SR-46", "At most one payment means text."),
    fatal(
        "UBL-SR-47",
        "All payment means codes in the document must be the same.",
    ),
    fatal(
        "UBL-SR-48",
        "Every line must have exactly one classified tax category.",
    ),
    fatal("UBL-SR-49", "At most one VAT point date code."),
    fatal("UBL-SR-50", "At most one item description per line."),
    fatal(
        "UBL-SR-51",
        "An address may have at most one third address line.",
    ),
    fatal("UBL-SR-52", "At most one document reference per line."),
    fatal(
        "UBL-SR-53",
        "A party tax scheme with a scheme identifier needs the company identifier.",
    ),
];

fn count(doc: &Doc, from: NodeId, steps: &[(Ns, Tag)]) -> usize {
    doc.path_count(from, steps)
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    // One walk for the element rules and for what the document-level rules need; the latter
    // are reported first, as they are evaluated after the walk.
    let start = cx.mark();
    let mut scan = Scan::default();
    for id in doc.all() {
        let node = doc.node(id);
        scan.see(doc, id, node);
        let parent = node.parent;
        let (amount, binary_object) = name_endings(node);
        if amount && !in_price_allowance(doc, id) {
            let ok = doc
                .raw(id)
                .split_once('.')
                .is_none_or(|(_, after)| after.chars().count() <= 2);
            cx.require(ok, "UBL-DT-01", id);
        }
        if binary_object {
            cx.require(doc.attr(id, "mimeCode").is_some(), "UBL-DT-06", id);
            cx.require(doc.attr(id, "filename").is_some(), "UBL-DT-07", id);
        }
        if node.ns != Ns::Cac {
            continue;
        }
        match node.tag {
            Tag::PostalAddress | Tag::Address => {
                cx.require(
                    doc.kids(id, Ns::Cac, Tag::AddressLine).count() <= 1,
                    "UBL-SR-51",
                    id,
                );
            }
            Tag::Party if doc.is(parent, Ns::Cac, Tag::AccountingSupplierParty) => {
                let schemes = doc.kids(id, Ns::Cac, Tag::PartyTaxScheme).count();
                cx.require(schemes <= 2, "UBL-SR-42", id);
            }
            Tag::AdditionalDocumentReference => {
                let n = doc.kids(id, Ns::Cbc, Tag::DocumentDescription).count();
                cx.require(n <= 1, "UBL-SR-33", id);
                let type_is = |code: &str| {
                    doc.kids(id, Ns::Cbc, Tag::DocumentTypeCode)
                        .any(|c| doc.raw(c) == code)
                };
                // `local-name(/*)` is the document element: not a credit note when wrapped.
                let credit_note = doc.kind() == Kind::CreditNote && root == 0;
                let plain = !doc
                    .kids(id, Ns::Cbc, Tag::ID)
                    .any(|i| doc.attr(i, "schemeID").is_some())
                    && doc.kid(id, Ns::Cbc, Tag::DocumentTypeCode).is_none();
                let ok = type_is("130") || (credit_note && type_is("50")) || plain;
                cx.require(ok, "UBL-SR-43", id);
            }
            Tag::PayeeParty => check_payee(cx, id),
            Tag::Delivery => {
                let n = count(
                    doc,
                    id,
                    &[
                        (Ns::Cac, Tag::DeliveryParty),
                        (Ns::Cac, Tag::PartyName),
                        (Ns::Cbc, Tag::Name),
                    ],
                );
                cx.require(n <= 1, "UBL-SR-25", id);
            }
            Tag::AllowanceCharge => {
                let n = doc.kids(id, Ns::Cbc, Tag::AllowanceChargeReason).count();
                match charge_indicator(doc, id) {
                    Some(false) => cx.require(n <= 1, "UBL-SR-30", id),
                    Some(true) => cx.require(n <= 1, "UBL-SR-31", id),
                    None => {}
                }
            }
            Tag::PartyTaxScheme => {
                let ok = doc
                    .path(id, &[(Ns::Cac, Tag::TaxScheme), (Ns::Cbc, Tag::ID)])
                    .is_some()
                    && doc.kid(id, Ns::Cbc, Tag::CompanyID).is_some();
                cx.require(ok, "UBL-SR-53", id);
            }
            Tag::InvoiceLine | Tag::CreditNoteLine => check_line(cx, id),
            Tag::PaymentMeans => {
                cx.require(
                    doc.kids(id, Ns::Cbc, Tag::PaymentID).count() <= 1,
                    "UBL-SR-26",
                    id,
                );
                let codes = doc.kids(id, Ns::Cbc, Tag::PaymentMeansCode).count();
                cx.require(codes <= 1, "UBL-SR-27", id);
                let mandates = count(
                    doc,
                    id,
                    &[(Ns::Cac, Tag::PaymentMandate), (Ns::Cbc, Tag::ID)],
                );
                cx.require(mandates <= 1, "UBL-SR-28", id);
            }
            Tag::BillingReference => {
                let n = doc.kids(id, Ns::Cac, Tag::InvoiceDocumentReference).count();
                cx.require(n <= 1, "UBL-SR-06", id);
                let numbered = count(
                    doc,
                    id,
                    &[(Ns::Cac, Tag::InvoiceDocumentReference), (Ns::Cbc, Tag::ID)],
                );
                cx.require(numbered > 0, "UBL-SR-07", id);
            }
            Tag::TaxRepresentativeParty => {
                let names = count(doc, id, &[(Ns::Cac, Tag::PartyName), (Ns::Cbc, Tag::Name)]);
                cx.require(names <= 1, "UBL-SR-22", id);
                let ids = count(
                    doc,
                    id,
                    &[
                        (Ns::Cac, Tag::Party),
                        (Ns::Cac, Tag::PartyTaxScheme),
                        (Ns::Cbc, Tag::CompanyID),
                    ],
                );
                cx.require(ids <= 1, "UBL-SR-23", id);
            }
            Tag::TaxSubtotal => {
                let reasons = count(
                    doc,
                    id,
                    &[
                        (Ns::Cac, Tag::TaxCategory),
                        (Ns::Cbc, Tag::TaxExemptionReason),
                    ],
                );
                cx.require(reasons <= 1, "UBL-SR-32", id);
            }
            _ => {}
        }
    }
    let walked = cx.mark();
    check_root(cx, root, &scan);
    cx.hoist(start, walked);
}

/// UBL-SR-34 … -37, -48, -50, -52 on a line: every count in one pass over its children
/// (and over its items' children), in the rules' order.
fn check_line(cx: &mut Ctx<'_>, line: NodeId) {
    let doc = cx.doc;
    let (mut notes, mut order_lines, mut periods, mut discounts) = (0usize, 0usize, 0usize, 0);
    let (mut categories, mut descriptions, mut references) = (0usize, 0usize, 0usize);
    for child in doc.children(line) {
        let n = doc.node(child);
        match (n.ns, n.tag) {
            (Ns::Cbc, Tag::Note) => notes += 1,
            (Ns::Cac, Tag::OrderLineReference) => {
                order_lines += doc.kids(child, Ns::Cbc, Tag::LineID).count();
            }
            (Ns::Cac, Tag::InvoicePeriod) => periods += 1,
            (Ns::Cac, Tag::Price) => {
                discounts += count(
                    doc,
                    child,
                    &[(Ns::Cac, Tag::AllowanceCharge), (Ns::Cbc, Tag::Amount)],
                );
            }
            (Ns::Cac, Tag::Item) => {
                for part in doc.children(child) {
                    let p = doc.node(part);
                    match (p.ns, p.tag) {
                        (Ns::Cac, Tag::ClassifiedTaxCategory) => categories += 1,
                        (Ns::Cbc, Tag::Description) => descriptions += 1,
                        _ => {}
                    }
                }
            }
            (Ns::Cac, Tag::DocumentReference) => references += 1,
            _ => {}
        }
    }
    cx.require(notes <= 1, "UBL-SR-34", line);
    cx.require(order_lines <= 1, "UBL-SR-35", line);
    cx.require(periods <= 1, "UBL-SR-36", line);
    cx.require(discounts <= 1, "UBL-SR-37", line);
    cx.require(categories == 1, "UBL-SR-48", line);
    cx.require(descriptions <= 1, "UBL-SR-50", line);
    cx.require(references <= 1, "UBL-SR-52", line);
}

/// UBL-SR-19/20/21. Each also demands that the payee's name differs from the seller's legal
/// name, as an existential comparison: with either name missing, that part fails.
fn check_payee(cx: &mut Ctx<'_>, payee: NodeId) {
    let doc = cx.doc;
    let names = doc.path_all(payee, &[(Ns::Cac, Tag::PartyName), (Ns::Cbc, Tag::Name)]);
    let legal_names = doc.path_all(
        doc.node(payee).parent,
        &[
            (Ns::Cac, Tag::AccountingSupplierParty),
            (Ns::Cac, Tag::Party),
            (Ns::Cac, Tag::PartyLegalEntity),
            (Ns::Cbc, Tag::RegistrationName),
        ],
    );
    let differs = names
        .iter()
        .any(|&n| legal_names.iter().any(|&l| doc.raw(n) != doc.raw(l)));
    cx.require(names.len() <= 1 && differs, "UBL-SR-19", payee);
    let mut identifiers = 0usize;
    doc.path_each(
        payee,
        &[(Ns::Cac, Tag::PartyIdentification), (Ns::Cbc, Tag::ID)],
        &mut |id| {
            if doc
                .attr(id, "schemeID")
                .is_some_and(|s| !super::upper_eq(s, "SEPA"))
            {
                identifiers += 1;
            }
        },
    );
    cx.require(identifiers <= 1 && differs, "UBL-SR-20", payee);
    let legal_ids = count(
        doc,
        payee,
        &[(Ns::Cac, Tag::PartyLegalEntity), (Ns::Cbc, Tag::CompanyID)],
    );
    cx.require(legal_ids <= 1 && differs, "UBL-SR-21", payee);
}

/// Whether an element's local name ends with `Amount` but not `PriceAmount` (UBL-DT-01), and
/// whether it ends with `BinaryObject` (UBL-DT-06/07), in any namespace: a table look-up for
/// the names the rules know, the name's bytes for the others.
fn name_endings(node: &Node<'_>) -> (bool, bool) {
    const AMOUNT: [bool; Tag::COUNT] = Tag::ending_with("Amount");
    const PRICE_AMOUNT: [bool; Tag::COUNT] = Tag::ending_with("PriceAmount");
    const BINARY_OBJECT: [bool; Tag::COUNT] = Tag::ending_with("BinaryObject");
    let tag = node.tag as usize;
    if node.tag != Tag::Other {
        let known = |table: &[bool; Tag::COUNT]| table.get(tag).copied().unwrap_or(false);
        return (
            known(&AMOUNT) && !known(&PRICE_AMOUNT),
            known(&BINARY_OBJECT),
        );
    }
    let name = node.name.as_bytes();
    (
        name.ends_with(b"Amount") && !name.ends_with(b"PriceAmount"),
        name.ends_with(b"BinaryObject"),
    )
}

/// Whether the element sits inside `cac:Price/cac:AllowanceCharge`.
fn in_price_allowance(doc: &Doc, id: NodeId) -> bool {
    let mut cur = doc.node(id).parent;
    while cur != u32::MAX {
        let parent = doc.node(cur).parent;
        if doc.is(cur, Ns::Cac, Tag::AllowanceCharge)
            && parent != u32::MAX
            && doc.is(parent, Ns::Cac, Tag::Price)
        {
            return true;
        }
        if cur == doc.root() {
            break;
        }
        cur = parent;
    }
    false
}

/// What the document-level rules need from every element, gathered in the one walk of
/// [`check`]: the attribute names in use and the payment references/codes (no set: the
/// distinct values are few and the first difference settles it).
#[derive(Default)]
struct Scan<'d> {
    used: [bool; UNUSED_ATTRIBUTES.len()],
    outside_payment_means: bool,
    first: [Option<&'d str>; 2],
    differ: [bool; 2],
    sepa_ids: usize,
}

impl<'d> Scan<'d> {
    fn see(&mut self, doc: &'d Doc<'_>, n: NodeId, node: &Node<'_>) {
        for attr in doc.attrs(n) {
            // The usual attributes (currencyID, schemeID, unitCode, ...) are none of the
            // unused ones: a length test dismisses most before any comparison.
            if UNUSED_LENGTHS & (1 << attr.name.len().min(63)) != 0
                && let Some(i) = UNUSED_ATTRIBUTES.iter().position(|(a, _)| *a == attr.name)
                && let Some(used) = self.used.get_mut(i)
            {
                *used = true;
            }
            if attr.name == "name" && !doc.is(n, Ns::Cbc, Tag::PaymentMeansCode) {
                self.outside_payment_means = true;
            }
        }
        if node.ns == Ns::Cbc {
            let slot = match node.tag {
                Tag::PaymentID => 0,
                Tag::PaymentMeansCode => 1,
                Tag::ID => {
                    if doc.is(node.parent, Ns::Cac, Tag::PartyIdentification)
                        && doc
                            .attr(n, "schemeID")
                            .is_some_and(|s| super::upper_eq(s, "SEPA"))
                    {
                        self.sepa_ids += 1;
                    }
                    return;
                }
                _ => return,
            };
            let text = doc.raw(n);
            match self.first[slot] {
                None => self.first[slot] = Some(text),
                Some(f) => self.differ[slot] |= f != text,
            }
        }
    }
}

/// How many nodes each `party/cac:Party/a/b` path that UBL-SR-09 … -18 and -40 count
/// reaches, for one party role, in one pass over its parties' grandchildren.
#[derive(Default)]
struct PartyCounts {
    /// `cac:PartyLegalEntity/cbc:RegistrationName`.
    registration_names: usize,
    /// `cac:PartyLegalEntity/cbc:CompanyID`.
    legal_ids: usize,
    /// `cac:PartyLegalEntity/cbc:CompanyLegalForm`.
    legal_forms: usize,
    /// `cac:PartyName/cbc:Name`.
    names: usize,
    /// `cac:PartyIdentification/cbc:ID`.
    ids: usize,
    /// `cac:PartyTaxScheme/cbc:CompanyID` where some `cac:TaxScheme/cbc:ID`, raw and
    /// upper-cased, is VAT.
    vat_ids: usize,
    /// The same where some such `cbc:ID` is not VAT.
    other_scheme_ids: usize,
}

impl PartyCounts {
    fn of(doc: &Doc, root: NodeId, role: Tag) -> PartyCounts {
        let mut n = PartyCounts::default();
        for party in doc
            .kids(root, Ns::Cac, role)
            .flat_map(|r| doc.kids(r, Ns::Cac, Tag::Party))
        {
            for child in doc.children(party) {
                let c = doc.node(child);
                if c.ns != Ns::Cac {
                    continue;
                }
                match c.tag {
                    Tag::PartyName => n.names += doc.kids(child, Ns::Cbc, Tag::Name).count(),
                    Tag::PartyIdentification => n.ids += doc.kids(child, Ns::Cbc, Tag::ID).count(),
                    Tag::PartyTaxScheme => {
                        // Existential tests: one scheme id may make both true.
                        let (mut vat, mut other) = (false, false);
                        for scheme in doc.kids(child, Ns::Cac, Tag::TaxScheme) {
                            for id in doc.kids(scheme, Ns::Cbc, Tag::ID) {
                                if super::upper_eq(doc.raw(id), "VAT") {
                                    vat = true;
                                } else {
                                    other = true;
                                }
                            }
                        }
                        if vat || other {
                            let ids = doc.kids(child, Ns::Cbc, Tag::CompanyID).count();
                            n.vat_ids += if vat { ids } else { 0 };
                            n.other_scheme_ids += if other { ids } else { 0 };
                        }
                    }
                    Tag::PartyLegalEntity => {
                        for g in doc.children(child) {
                            let g = doc.node(g);
                            if g.ns != Ns::Cbc {
                                continue;
                            }
                            match g.tag {
                                Tag::RegistrationName => n.registration_names += 1,
                                Tag::CompanyID => n.legal_ids += 1,
                                Tag::CompanyLegalForm => n.legal_forms += 1,
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        n
    }
}

fn check_root(cx: &mut Ctx<'_>, root: NodeId, scan: &Scan<'_>) {
    let Scan {
        used,
        outside_payment_means,
        differ,
        sepa_ids,
        ..
    } = *scan;
    let doc = cx.doc;
    let at_most_one = |steps: &[(Ns, Tag)]| count(doc, root, steps) <= 1;
    // `party/cac:Party/a/b` reaches at most one node: counted for all the pairs at once.
    let (seller, buyer) = (
        PartyCounts::of(doc, root, Tag::AccountingSupplierParty),
        PartyCounts::of(doc, root, Tag::AccountingCustomerParty),
    );
    let checks: [(bool, &'static str); 21] = [
        (
            at_most_one(&[(Ns::Cac, Tag::ReceiptDocumentReference), (Ns::Cbc, Tag::ID)]),
            "UBL-SR-02",
        ),
        (
            at_most_one(&[
                (Ns::Cac, Tag::DespatchDocumentReference),
                (Ns::Cbc, Tag::ID),
            ]),
            "UBL-SR-03",
        ),
        (
            doc.kids(root, Ns::Cac, Tag::AdditionalDocumentReference)
                .filter(|&r| {
                    doc.kids(r, Ns::Cbc, Tag::DocumentTypeCode)
                        .any(|c| doc.raw(c) == "130")
                })
                .map(|r| doc.kids(r, Ns::Cbc, Tag::ID).count())
                .sum::<usize>()
                <= 1,
            "UBL-SR-04",
        ),
        (
            at_most_one(&[(Ns::Cac, Tag::PaymentTerms), (Ns::Cbc, Tag::Note)]),
            "UBL-SR-05",
        ),
        (at_most_one(&[(Ns::Cac, Tag::InvoicePeriod)]), "UBL-SR-08"),
        (seller.registration_names <= 1, "UBL-SR-09"),
        (seller.names <= 1, "UBL-SR-10"),
        (seller.legal_ids <= 1, "UBL-SR-11"),
        (seller.vat_ids <= 1, "UBL-SR-12"),
        (seller.other_scheme_ids <= 1, "UBL-SR-13"),
        (seller.legal_forms <= 1, "UBL-SR-14"),
        (buyer.registration_names <= 1, "UBL-SR-15"),
        (buyer.ids <= 1, "UBL-SR-16"),
        (buyer.legal_ids <= 1, "UBL-SR-17"),
        (buyer.vat_ids <= 1, "UBL-SR-18"),
        (at_most_one(&[(Ns::Cac, Tag::Delivery)]), "UBL-SR-24"),
        (
            at_most_one(&[(Ns::Cac, Tag::ProjectReference), (Ns::Cbc, Tag::ID)]),
            "UBL-SR-39",
        ),
        (buyer.names <= 1, "UBL-SR-40"),
        (
            at_most_one(&[(Ns::Cac, Tag::PaymentMeans), (Ns::Cbc, Tag::PaymentDueDate)]),
            "UBL-SR-45",
        ),
        (
            doc.kids(root, Ns::Cac, Tag::PaymentMeans)
                .flat_map(|m| doc.kids(m, Ns::Cbc, Tag::PaymentMeansCode))
                .filter(|&c| doc.attr(c, "name").is_some())
                .count()
                <= 1,
            "UBL-SR-46",
        ),
        (
            at_most_one(&[
                (Ns::Cac, Tag::InvoicePeriod),
                (Ns::Cbc, Tag::DescriptionCode),
            ]),
            "UBL-SR-49",
        ),
    ];
    for (ok, rule) in checks {
        cx.require(ok, rule, root);
    }
    cx.require(sepa_ids <= 1, "UBL-SR-29", root);
    let contracts = count(
        doc,
        root,
        &[
            (Ns::Cac, Tag::ContractDocumentReference),
            (Ns::Cbc, Tag::ID),
        ],
    );
    cx.require(contracts <= 1, "UBL-SR-01", root);
    for ((_, rule), used) in UNUSED_ATTRIBUTES.iter().zip(used) {
        cx.require(!used, rule, root);
    }
    cx.require(!outside_payment_means, "UBL-DT-18", root);
    cx.require(!differ[0], "UBL-SR-44", root);
    cx.require(!differ[1], "UBL-SR-47", root);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    /// UBL-DT-01/06/07 judge any element by the end of its local name, in any namespace,
    /// whether or not the rules know the name.
    #[test]
    fn names_are_judged_by_their_ending() {
        check(
            "<cbc:LineExtensionAmount>1.001</cbc:LineExtensionAmount>\
             <cbc:PriceAmount>1.001</cbc:PriceAmount>\
             <cbc:UnknownPriceAmount>1.001</cbc:UnknownPriceAmount>\
             <cbc:UnknownAmount>1.001</cbc:UnknownAmount>\
             <x:TaxAmount xmlns:x=\"urn:x\">1.001</x:TaxAmount>\
             <cbc:Amounts>1.001</cbc:Amounts>",
            &[("UBL-DT-01", 3)],
        );
        check(
            "<cbc:EmbeddedDocumentBinaryObject>AA==</cbc:EmbeddedDocumentBinaryObject>\
             <x:OtherBinaryObject xmlns:x=\"urn:x\" mimeCode=\"a\">AA==</x:OtherBinaryObject>",
            &[("UBL-DT-06", 1), ("UBL-DT-07", 2)],
        );
    }

    #[test]
    fn cardinalities() {
        check(
            "<cac:InvoicePeriod/><cac:InvoicePeriod/>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>a</cbc:PaymentID></cac:PaymentMeans>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentID>a</cbc:PaymentID></cac:PaymentMeans>\
             <cac:InvoiceLine><cbc:LineExtensionAmount>1.001</cbc:LineExtensionAmount></cac:InvoiceLine>",
            &[
                ("UBL-SR-08", 1),
                ("UBL-SR-44", 0),
                ("UBL-SR-47", 1),
                ("UBL-SR-48", 1),
                ("UBL-DT-01", 1),
            ],
        );
    }
}
