//! The VAT category families BR-S/Z/E/AE/IC/G/O/AF/AG-01 … -10: for each VAT category code
//! used on lines, allowances or charges, the breakdown, the parties' VAT identifiers, the
//! rates, the taxable and tax amounts and the exemption reasons must fit the category.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hash;

use rust_decimal::Decimal;

use super::{Category, Ctx, Flag, Num, Place, RuleInfo, round2};
use crate::doc::{Doc, NodeId, Ns, Tag};

/// How xx-01 counts the breakdown groups of the category.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Breakdown {
    /// Used anywhere (VAT scheme) ⇒ exactly one breakdown group.
    ExactlyOne,
    /// Used on lines/allowances ⇔ at least one breakdown group; `vat` = only VAT-scheme ones
    /// are counted.
    AtLeastOne { vat: bool },
}

/// Which VAT identifiers xx-02 … xx-04 demand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parties {
    /// Seller (any tax scheme) or tax representative (VAT).
    Seller,
    /// Seller (VAT scheme) or tax representative (VAT).
    SellerVat,
    /// As `Seller`, and the buyer's VAT identifier or legal registration identifier.
    SellerAndBuyer,
    /// As `SellerVat`, and the buyer's VAT identifier.
    SellerVatAndBuyerVat,
    /// None of seller, representative or buyer may have a VAT identifier.
    NoVatIds,
}

/// What xx-05 … xx-07 demand of the rate on lines, allowances and charges.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rate {
    Positive,
    Zero,
    NonNegative,
    Absent,
}

/// How xx-08 … xx-10 judge the breakdown group.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Amounts {
    /// Taxable amount equals the category's net sum exactly; the tax is zero; an exemption
    /// reason is required.
    Exempt,
    /// Like `Exempt` but an exemption reason is forbidden (zero rated).
    ZeroRated,
    /// Taxable amount within one unit of the sum for the same rate; tax = taxable × rate
    /// within one unit; no exemption reason. `lines_for_rate` = a line or allowance with that
    /// rate must exist.
    Rated { lines_for_rate: bool },
}

struct Family {
    ids: [&'static str; 10],
    code: &'static str,
    breakdown: Breakdown,
    parties: Parties,
    rate: Rate,
    amounts: Amounts,
}

macro_rules! ids {
    ($p:literal) => {
        [
            concat!("BR-", $p, "-01"),
            concat!("BR-", $p, "-02"),
            concat!("BR-", $p, "-03"),
            concat!("BR-", $p, "-04"),
            concat!("BR-", $p, "-05"),
            concat!("BR-", $p, "-06"),
            concat!("BR-", $p, "-07"),
            concat!("BR-", $p, "-08"),
            concat!("BR-", $p, "-09"),
            concat!("BR-", $p, "-10"),
        ]
    };
}

const FAMILIES: [Family; 9] = [
    Family {
        ids: ids!("S"),
        code: "S",
        breakdown: Breakdown::AtLeastOne { vat: false },
        parties: Parties::Seller,
        rate: Rate::Positive,
        amounts: Amounts::Rated {
            lines_for_rate: true,
        },
    },
    Family {
        ids: ids!("Z"),
        code: "Z",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::Seller,
        rate: Rate::Zero,
        amounts: Amounts::ZeroRated,
    },
    Family {
        ids: ids!("E"),
        code: "E",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::Seller,
        rate: Rate::Zero,
        amounts: Amounts::Exempt,
    },
    Family {
        ids: ids!("AE"),
        code: "AE",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::SellerAndBuyer,
        rate: Rate::Zero,
        amounts: Amounts::Exempt,
    },
    Family {
        ids: ids!("IC"),
        code: "K",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::SellerVatAndBuyerVat,
        rate: Rate::Zero,
        amounts: Amounts::Exempt,
    },
    Family {
        ids: ids!("G"),
        code: "G",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::SellerVat,
        rate: Rate::Zero,
        amounts: Amounts::Exempt,
    },
    Family {
        ids: ids!("O"),
        code: "O",
        breakdown: Breakdown::ExactlyOne,
        parties: Parties::NoVatIds,
        rate: Rate::Absent,
        amounts: Amounts::Exempt,
    },
    Family {
        ids: ids!("AF"),
        code: "L",
        breakdown: Breakdown::AtLeastOne { vat: true },
        parties: Parties::Seller,
        rate: Rate::NonNegative,
        amounts: Amounts::Rated {
            lines_for_rate: false,
        },
    },
    Family {
        ids: ids!("AG"),
        code: "M",
        breakdown: Breakdown::AtLeastOne { vat: true },
        parties: Parties::Seller,
        rate: Rate::NonNegative,
        amounts: Amounts::Rated {
            lines_for_rate: false,
        },
    },
];

macro_rules! family_rules {
    ($p:literal, $name:literal, $rate:literal, $amounts:literal, $reason:literal) => {
        [
            RuleInfo {
                id: concat!("BR-", $p, "-01"),
                flag: Flag::Fatal,
                description: concat!(
                    "Lines, allowances or charges in category '",
                    $name,
                    "' need a matching VAT breakdown group (and the group needs them)."
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-02"),
                flag: Flag::Fatal,
                description: concat!(
                    "A line in category '",
                    $name,
                    "' requires the VAT identifiers this category demands of the parties."
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-03"),
                flag: Flag::Fatal,
                description: concat!(
                    "A document level allowance in category '",
                    $name,
                    "' requires the VAT identifiers this category demands of the parties."
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-04"),
                flag: Flag::Fatal,
                description: concat!(
                    "A document level charge in category '",
                    $name,
                    "' requires the VAT identifiers this category demands of the parties."
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-05"),
                flag: Flag::Fatal,
                description: concat!("Line VAT rate in category '", $name, "': ", $rate),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-06"),
                flag: Flag::Fatal,
                description: concat!("Allowance VAT rate in category '", $name, "': ", $rate),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-07"),
                flag: Flag::Fatal,
                description: concat!("Charge VAT rate in category '", $name, "': ", $rate),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-08"),
                flag: Flag::Fatal,
                description: concat!(
                    "The taxable amount of the '",
                    $name,
                    "' breakdown must be the lines minus allowances plus charges of that category",
                    $amounts
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-09"),
                flag: Flag::Fatal,
                description: concat!(
                    "The tax amount of the '",
                    $name,
                    "' breakdown must fit the category (zero, or taxable amount times rate)."
                ),
            },
            RuleInfo {
                id: concat!("BR-", $p, "-10"),
                flag: Flag::Fatal,
                description: concat!("The '", $name, "' breakdown ", $reason),
            },
        ]
    };
}

/// The registry entries, one array per family.
pub(super) const FAMILY_RULES: [[RuleInfo; 10]; 9] = [
    family_rules!(
        "S",
        "standard rated",
        "must be above zero.",
        " with the same rate (±1).",
        "must not give an exemption reason."
    ),
    family_rules!(
        "Z",
        "zero rated",
        "must be zero.",
        ".",
        "must not give an exemption reason."
    ),
    family_rules!(
        "E",
        "exempt from VAT",
        "must be zero.",
        ".",
        "must give an exemption reason (text or code)."
    ),
    family_rules!(
        "AE",
        "reverse charge",
        "must be zero.",
        ".",
        "must give an exemption reason (text or code)."
    ),
    family_rules!(
        "IC",
        "intra-community supply (K)",
        "must be zero.",
        ".",
        "must give an exemption reason (text or code)."
    ),
    family_rules!(
        "G",
        "export outside the EU",
        "must be zero.",
        ".",
        "must give an exemption reason (text or code)."
    ),
    family_rules!(
        "O",
        "not subject to VAT",
        "must not be given.",
        ".",
        "must give an exemption reason (text or code)."
    ),
    family_rules!(
        "AF",
        "IGIC, Canary Islands (L)",
        "must not be negative.",
        " with the same rate (±1).",
        "must not give an exemption reason."
    ),
    family_rules!(
        "AG",
        "IPSI, Ceuta and Melilla (M)",
        "must not be negative.",
        " with the same rate (±1).",
        "must not give an exemption reason."
    ),
];

/// Rules of single families beyond -01 … -10.
const EXTRA_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "BR-B-01",
        flag: Flag::Fatal,
        description: "Split payment (category B) is only for domestic Italian invoices.",
    },
    RuleInfo {
        id: "BR-B-02",
        flag: Flag::Fatal,
        description: "An invoice with split payment (category B) must not also use category S.",
    },
    RuleInfo {
        id: "BR-IC-11",
        flag: Flag::Fatal,
        description: "An intra-community supply needs the actual delivery date or the invoicing period.",
    },
    RuleInfo {
        id: "BR-IC-12",
        flag: Flag::Fatal,
        description: "An intra-community supply needs the deliver-to country code.",
    },
    RuleInfo {
        id: "BR-O-11",
        flag: Flag::Fatal,
        description: "With a 'not subject to VAT' breakdown, no other VAT breakdown group may exist.",
    },
    RuleInfo {
        id: "BR-O-12",
        flag: Flag::Fatal,
        description: "With a 'not subject to VAT' breakdown, every line must be 'not subject to VAT'.",
    },
    RuleInfo {
        id: "BR-O-13",
        flag: Flag::Fatal,
        description: "With a 'not subject to VAT' breakdown, every allowance must be 'not subject to VAT'.",
    },
    RuleInfo {
        id: "BR-O-14",
        flag: Flag::Fatal,
        description: "With a 'not subject to VAT' breakdown, every charge must be 'not subject to VAT'.",
    },
];

/// Every family rule, for the registry.
pub(super) fn family_rules() -> impl Iterator<Item = &'static RuleInfo> {
    FAMILY_RULES.iter().flatten().chain(EXTRA_RULES)
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    // The net sums are only needed for breakdown groups, and then gathered once for all.
    let groups = cx
        .facts
        .categories
        .iter()
        .any(|(place, c)| *place == Place::Subtotal && c.vat);
    let nets = groups.then(|| Nets::gather(doc));
    // Which family codes each category has (bit `i` for `FAMILIES[i]`), worked out once
    // rather than in each of the families' passes over the categories.
    let masks: Vec<u16> = cx
        .facts
        .categories
        .iter()
        .map(|(_, c)| {
            FAMILIES
                .iter()
                .enumerate()
                .fold(0, |m, (i, f)| m | (u16::from(c.has(f.code)) << i))
        })
        .collect();
    // Every rule of a family asks first for a category with its code: a family whose code
    // no category has (most of them, in most documents) cannot fire and is skipped.
    let present = masks.iter().fold(0, |all, m| all | m);
    for (i, family) in FAMILIES.iter().enumerate() {
        if present & (1 << i) != 0 {
            check_family(cx, nets.as_ref(), family, 1 << i, &masks);
        }
    }
    check_not_subject(cx);
    check_intra_community(cx);
    check_split_payment(cx);
}

/// BR-B-01/02. The official tests compare the raw category codes.
fn check_split_payment(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let raw_code = |category: NodeId, code: &str| {
        doc.kids(category, Ns::Cbc, Tag::ID)
            .any(|id| doc.raw(id) == code)
    };
    // Every `cac:TaxCategory` / `cac:ClassifiedTaxCategory` is in the facts.
    let anywhere = |code: &str| {
        cx.facts
            .categories
            .iter()
            .any(|(_, c)| raw_code(c.node, code))
    };
    if !anywhere("B") {
        return;
    }
    let all_italian = doc
        .all()
        .filter(|&n| doc.is(n, Ns::Cbc, Tag::IdentificationCode))
        .all(|n| doc.raw(n) == "IT");
    cx.require(all_italian, "BR-B-01", root);
    let document_level = |code: &str| {
        doc.path_all(
            root,
            &[
                (Ns::Cac, Tag::TaxTotal),
                (Ns::Cac, Tag::TaxSubtotal),
                (Ns::Cac, Tag::TaxCategory),
            ],
        )
        .into_iter()
        .any(|c| raw_code(c, code))
            || doc
                .path_all(
                    root,
                    &[(Ns::Cac, Tag::AllowanceCharge), (Ns::Cac, Tag::TaxCategory)],
                )
                .into_iter()
                .any(|c| raw_code(c, code))
    };
    let classified = |code: &str| {
        cx.facts
            .categories
            .iter()
            .any(|(place, c)| *place == Place::Classified && raw_code(c.node, code))
    };
    let b_used = document_level("B") || classified("B");
    if b_used {
        // The official test looks for 'S' on the breakdown itself (not its category), which
        // never matches in a valid UBL document; that is kept.
        let s_used = doc
            .path_all(
                root,
                &[
                    (Ns::Cac, Tag::TaxTotal),
                    (Ns::Cac, Tag::TaxSubtotal),
                    (Ns::Cbc, Tag::ID),
                ],
            )
            .into_iter()
            .any(|id| doc.raw(id) == "S")
            || doc
                .path_all(
                    root,
                    &[(Ns::Cac, Tag::AllowanceCharge), (Ns::Cac, Tag::TaxCategory)],
                )
                .into_iter()
                .any(|c| raw_code(c, "S"))
            || classified("S");
        cx.require(!s_used, "BR-B-02", root);
    }
}

/// `normalize-space(cbc:ID) != code` for a category (no ID reads as the empty string).
fn code_differs(c: &Category, code: &str) -> bool {
    c.codes.is_empty() || c.codes.iter().any(|x| x != code)
}

fn check_not_subject(cx: &mut Ctx<'_>) {
    let cats = &cx.facts.categories;
    let root = cx.doc.root();
    let breakdown = cats
        .iter()
        .any(|(place, c)| *place == Place::Subtotal && c.vat && c.has("O"));
    if !breakdown {
        return;
    }
    let others = |wanted: &dyn Fn(&Place) -> bool| {
        cats.iter()
            .any(|(place, c)| wanted(place) && c.vat && code_differs(c, "O"))
    };
    let o11 = others(&|p| *p == Place::Subtotal);
    let o12 = others(&|p| *p == Place::Classified);
    let o13 = others(&|p| {
        matches!(
            p,
            Place::AllowanceCharge {
                charge: Some(false),
                ..
            }
        )
    });
    let o14 = others(&|p| {
        matches!(
            p,
            Place::AllowanceCharge {
                charge: Some(true),
                ..
            }
        )
    });
    cx.require(!o11, "BR-O-11", root);
    cx.require(!o12, "BR-O-12", root);
    cx.require(!o13, "BR-O-13", root);
    cx.require(!o14, "BR-O-14", root);
}

fn check_intra_community(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    let breakdown = cx
        .facts
        .categories
        .iter()
        .any(|(place, c)| *place == Place::Subtotal && c.vat && c.has("K"));
    if !breakdown {
        return;
    }
    // `string-length()` of a path that matches more than once stops the official XSLT.
    let single_length = |steps: &[(Ns, Tag)]| -> Option<usize> {
        match doc.path_all(root, steps).as_slice() {
            [] => Some(0),
            [one] => Some(doc.raw(*one).chars().count()),
            _ => None,
        }
    };
    if let Some(date) =
        single_length(&[(Ns::Cac, Tag::Delivery), (Ns::Cbc, Tag::ActualDeliveryDate)])
    {
        let period = doc
            .kids(root, Ns::Cac, Tag::InvoicePeriod)
            .any(|p| doc.children(p).next().is_some());
        cx.require(date > 1 || period, "BR-IC-11", root);
    }
    if let Some(country) = single_length(&[
        (Ns::Cac, Tag::Delivery),
        (Ns::Cac, Tag::DeliveryLocation),
        (Ns::Cac, Tag::Address),
        (Ns::Cac, Tag::Country),
        (Ns::Cbc, Tag::IdentificationCode),
    ]) {
        cx.require(country > 1, "BR-IC-12", root);
    }
}

/// The rules of family `f`, whose code is bit `bit` of `masks` (one per category of the facts).
fn check_family(cx: &mut Ctx<'_>, nets: Option<&Nets<'_>>, f: &Family, bit: u16, masks: &[u16]) {
    let doc = cx.doc;
    let facts = cx.facts;
    let root = doc.root();
    let code = f.code;
    // The categories with their masks: `has` says whether a category has the family's code.
    let cats = || facts.categories.iter().zip(masks);
    let has = |m: &u16| m & bit != 0;

    // xx-01
    match f.breakdown {
        Breakdown::ExactlyOne => {
            // Any tax category in the document counts, the breakdown's own included.
            let used = cats().any(|((_, c), m)| c.vat && has(m));
            let groups = cats()
                .filter(|((place, c), m)| *place == Place::Subtotal && c.vat && has(m))
                .map(|((_, c), _)| c.codes.iter().filter(|x| *x == code).count())
                .sum::<usize>();
            cx.require(!used || groups == 1, f.ids[0], root);
        }
        Breakdown::AtLeastOne { vat } => {
            let counted = |c: &Category, m: &u16| has(m) && (!vat || c.vat);
            let used = cats().any(|((place, c), m)| {
                matches!(place, Place::Classified | Place::AllowanceCharge { .. }) && counted(c, m)
            });
            let groups = cats().any(|((place, c), m)| *place == Place::Subtotal && counted(c, m));
            cx.require(used == groups, f.ids[0], root);
        }
    }

    // xx-02 … xx-04
    let sellers = match f.parties {
        Parties::Seller | Parties::SellerAndBuyer => {
            facts.seller_tax_id || facts.representative_vat_id
        }
        Parties::SellerVat | Parties::SellerVatAndBuyerVat => {
            facts.seller_vat_id || facts.representative_vat_id
        }
        Parties::NoVatIds => false,
    };
    let parties_ok = match f.parties {
        Parties::Seller | Parties::SellerVat => sellers,
        Parties::SellerAndBuyer => sellers && (facts.buyer_vat_id || facts.buyer_legal_id),
        Parties::SellerVatAndBuyerVat => sellers && facts.buyer_vat_id,
        Parties::NoVatIds => {
            !facts.seller_vat_id && !facts.representative_vat_id && !facts.buyer_vat_id
        }
    };
    let on_lines = cats().any(|((place, c), m)| *place == Place::Classified && c.vat && has(m));
    // BR-S-02 asks for the identifier when any 'S' line exists, whatever its tax scheme.
    let on_lines_any_scheme = cats().any(|((place, _), m)| *place == Place::Classified && has(m));
    let line_trigger = if code == "S" {
        on_lines_any_scheme
    } else {
        on_lines
    };
    cx.require(!line_trigger || (on_lines && parties_ok), f.ids[1], root);
    for (charge, id) in [(false, f.ids[2]), (true, f.ids[3])] {
        let used = cats().any(|((place, c), m)| {
            matches!(place, Place::AllowanceCharge { charge: Some(ch), root: r }
                if *ch == charge && (*r || f.parties != Parties::NoVatIds))
                && c.vat
                && has(m)
        });
        cx.require(!used || parties_ok, id, root);
    }

    // xx-05 … xx-07
    for ((place, c), m) in cats() {
        if !c.vat || !has(m) {
            continue;
        }
        let rule = match place {
            Place::Classified if in_line_item(doc, c.node) => f.ids[4],
            Place::AllowanceCharge {
                charge: Some(false),
                ..
            } => f.ids[5],
            Place::AllowanceCharge {
                charge: Some(true), ..
            } => f.ids[6],
            _ => continue,
        };
        let ok = match (f.rate, c.percent) {
            (Rate::Absent, Num::Missing) => true,
            (Rate::Absent, _) => false,
            (_, Num::Invalid) => continue,
            (_, Num::Missing) => false,
            (Rate::Positive, Num::Val(p)) => p > Decimal::ZERO,
            (Rate::Zero, Num::Val(p)) => p.is_zero(),
            (Rate::NonNegative, Num::Val(p)) => p >= Decimal::ZERO,
        };
        cx.require(ok, rule, c.node);
    }

    // xx-08 … xx-10, with the breakdown's tax category as context.
    for ((place, c), m) in cats() {
        if *place != Place::Subtotal || !c.vat || !has(m) {
            continue;
        }
        if let Some(nets) = nets {
            check_group(cx, nets, f, c);
        }
    }
}

fn in_line_item(doc: &Doc, category: NodeId) -> bool {
    let item = doc.node(category).parent;
    doc.is(item, Ns::Cac, Tag::Item) && {
        let line = doc.node(item).parent;
        doc.is(line, Ns::Cac, Tag::InvoiceLine) || doc.is(line, Ns::Cac, Tag::CreditNoteLine)
    }
}

/// The category codes (normalized `cbc:ID`) and valid rates (`cbc:Percent`) of the
/// `<group>` children of an element, each distinct. A code and a rate are matched separately,
/// as the official tests do (`[cac:X/cbc:ID = code][cac:X/cbc:Percent = rate]`).
///
/// Written into `buffer` (cleared first), which the caller reuses from line to line rather
/// than allocating two vectors for each.
fn codes_and_rates<'d>(doc: &'d Doc<'_>, parent: NodeId, group: Tag, buffer: &mut CodesRates<'d>) {
    let (codes, rates) = buffer;
    codes.clear();
    rates.clear();
    for category in doc.kids(parent, Ns::Cac, group) {
        for id in doc.kids(category, Ns::Cbc, Tag::ID) {
            let code = doc.norm(id);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        for percent in doc.kids(category, Ns::Cbc, Tag::Percent) {
            if let Num::Val(rate) = Num::of(doc, Some(percent))
                && !rates.contains(&rate)
            {
                rates.push(rate);
            }
        }
    }
}

/// The distinct category codes and rates [`codes_and_rates`] finds.
type CodesRates<'d> = (Vec<Cow<'d, str>>, Vec<Decimal>);

/// Which lines a net sum is over.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Lines {
    Invoice,
    CreditNote,
}

/// A sum key: the lines, a category code and (for the rated families) a rate.
type NetKey<'d> = (Lines, Cow<'d, str>, Option<Decimal>);

/// Everything xx-08 needs, gathered in one pass over the lines and allowances/charges:
/// net sums per (lines, category, rate) — `None` once an amount in it is no decimal — and
/// which (category, rate) pairs occur on lines or on allowances/charges anywhere.
struct Nets<'d> {
    sums: ShortMap<NetKey<'d>, Option<Decimal>>,
    /// (lines, code, rate) of a line anywhere in the document whose item has them.
    rated_lines: ShortMap<NetKey<'d>, ()>,
    /// (code, rate) of an allowance or charge anywhere in the document.
    rated_allowances: ShortMap<(Cow<'d, str>, Decimal), ()>,
    any_invoice_line: bool,
    any_credit_note_line: bool,
}

impl<'d> Nets<'d> {
    fn gather(doc: &'d Doc<'_>) -> Nets<'d> {
        let root = doc.root();
        let mut nets = Nets {
            sums: ShortMap::default(),
            rated_lines: ShortMap::default(),
            rated_allowances: ShortMap::default(),
            any_invoice_line: false,
            any_credit_note_line: false,
        };
        // Reused for every line and allowance/charge: the first item's, and any further one's.
        let mut first: CodesRates<'d> = Default::default();
        let mut further: CodesRates<'d> = Default::default();
        for id in doc.all() {
            let node = doc.node(id);
            if node.ns != Ns::Cac {
                continue;
            }
            let lines = match node.tag {
                Tag::InvoiceLine => Lines::Invoice,
                Tag::CreditNoteLine => Lines::CreditNote,
                Tag::AllowanceCharge => {
                    nets.allowance_charge(doc, id, node.parent == root, &mut first);
                    continue;
                }
                _ => continue,
            };
            match lines {
                Lines::Invoice => nets.any_invoice_line = true,
                Lines::CreditNote => nets.any_credit_note_line = true,
            }
            // The sums take the first item only, like `cac:Item/cac:ClassifiedTaxCategory`
            // on a line with one item.
            let mut items = doc.kids(id, Ns::Cac, Tag::Item);
            let Some(item) = items.next() else {
                continue;
            };
            codes_and_rates(doc, item, Tag::ClassifiedTaxCategory, &mut first);
            nets.rated_line(lines, &first);
            for item in items {
                codes_and_rates(doc, item, Tag::ClassifiedTaxCategory, &mut further);
                nets.rated_line(lines, &further);
            }
            let (codes, rates) = &first;
            if node.parent != root || codes.is_empty() {
                continue;
            }
            let mut amount = Some(Decimal::ZERO);
            for a in doc.kids(id, Ns::Cbc, Tag::LineExtensionAmount) {
                amount = match (amount, Num::of(doc, Some(a))) {
                    (Some(sum), Num::Val(v)) => sum.checked_add(v),
                    _ => None,
                };
            }
            nets.add(lines, codes, rates, amount);
        }
        nets
    }

    /// Record the (code, rate) pairs of a line's item.
    fn rated_line(&mut self, lines: Lines, (codes, rates): &CodesRates<'d>) {
        for code in codes {
            for &rate in rates {
                self.rated_lines
                    .entry((lines, code.clone(), Some(rate)), ());
            }
        }
    }

    /// An allowance or charge, its codes and rates read into `buffer`.
    fn allowance_charge(
        &mut self,
        doc: &'d Doc<'_>,
        id: NodeId,
        document_level: bool,
        buffer: &mut CodesRates<'d>,
    ) {
        codes_and_rates(doc, id, Tag::TaxCategory, buffer);
        let (codes, rates) = &*buffer;
        for code in codes {
            for &rate in rates {
                self.rated_allowances.entry((code.clone(), rate), ());
            }
        }
        if !document_level || codes.is_empty() {
            return;
        }
        let Some(is_charge) = super::charge_indicator(doc, id) else {
            return;
        };
        let mut amount = Some(Decimal::ZERO);
        for a in doc.kids(id, Ns::Cbc, Tag::Amount) {
            amount = match (amount, Num::of(doc, Some(a))) {
                (Some(sum), Num::Val(v)) if is_charge => sum.checked_add(v),
                (Some(sum), Num::Val(v)) => sum.checked_sub(v),
                _ => None,
            };
        }
        // Document level allowances and charges count towards both kinds of lines.
        for lines in [Lines::Invoice, Lines::CreditNote] {
            self.add(lines, codes, rates, amount);
        }
    }

    fn add(
        &mut self,
        lines: Lines,
        codes: &[Cow<'d, str>],
        rates: &[Decimal],
        amount: Option<Decimal>,
    ) {
        let mut add_to = |key: NetKey<'d>| {
            let sum = self.sums.entry(key, Some(Decimal::ZERO));
            *sum = match (*sum, amount) {
                (Some(s), Some(a)) => s.checked_add(a),
                _ => None,
            };
        };
        for code in codes {
            add_to((lines, code.clone(), None));
            for &rate in rates {
                add_to((lines, code.clone(), Some(rate)));
            }
        }
    }

    /// The net sum for one category (and rate); `None` when an amount in it is no decimal.
    fn net(&self, lines: Lines, code: &'static str, rate: Option<Decimal>) -> Option<Decimal> {
        match self.sums.get(&(lines, Cow::Borrowed(code), rate)) {
            Some(sum) => *sum,
            None => Some(Decimal::ZERO),
        }
    }

    fn any_lines(&self, lines: Lines) -> bool {
        match lines {
            Lines::Invoice => self.any_invoice_line,
            Lines::CreditNote => self.any_credit_note_line,
        }
    }
}

/// A map for the few distinct keys a document usually has: a vector searched linearly
/// (cheaper than hashing a string and a decimal per line), indexed by a hash map once it
/// grows past [`ShortMap::LINEAR`] entries, so that many distinct keys stay linear overall.
struct ShortMap<K, V> {
    entries: Vec<(K, V)>,
    index: Option<HashMap<K, usize>>,
}

impl<K, V> Default for ShortMap<K, V> {
    fn default() -> Self {
        ShortMap {
            entries: Vec::new(),
            index: None,
        }
    }
}

impl<K: Eq + Hash + Clone, V> ShortMap<K, V> {
    const LINEAR: usize = 32;

    fn position(&self, key: &K) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    fn get(&self, key: &K) -> Option<&V> {
        let at = self.position(key)?;
        self.entries.get(at).map(|(_, v)| v)
    }

    /// The value for `key`, inserted as `value` when missing.
    fn entry(&mut self, key: K, value: V) -> &mut V {
        let at = match self.position(&key) {
            Some(at) => at,
            None => {
                let at = self.entries.len();
                if let Some(index) = &mut self.index {
                    index.insert(key.clone(), at);
                } else if at == Self::LINEAR {
                    let mut index: HashMap<K, usize> = self
                        .entries
                        .iter()
                        .enumerate()
                        .map(|(i, (k, _))| (k.clone(), i))
                        .collect();
                    index.insert(key.clone(), at);
                    self.index = Some(index);
                }
                self.entries.push((key, value));
                at
            }
        };
        &mut self.entries[at].1
    }
}

fn check_group(cx: &mut Ctx<'_>, nets: &Nets<'_>, f: &Family, c: &Category) {
    let doc = cx.doc;
    let root = doc.root();
    let subtotal = doc.node(c.node).parent;
    let taxable = Num::of(doc, doc.kid(subtotal, Ns::Cbc, Tag::TaxableAmount));
    let tax = Num::of(doc, doc.kid(subtotal, Ns::Cbc, Tag::TaxAmount));
    let has_invoice_lines = doc.kid(root, Ns::Cac, Tag::InvoiceLine).is_some();
    let has_credit_lines = doc.kid(root, Ns::Cac, Tag::CreditNoteLine).is_some();
    let exemption = doc.kid(c.node, Ns::Cbc, Tag::TaxExemptionReason).is_some()
        || doc
            .kid(c.node, Ns::Cbc, Tag::TaxExemptionReasonCode)
            .is_some();
    match f.amounts {
        Amounts::Exempt | Amounts::ZeroRated => {
            if taxable != Num::Invalid {
                let invoice = nets.net(Lines::Invoice, f.code, None);
                let credit = nets.net(Lines::CreditNote, f.code, None);
                if let (Some(invoice), Some(credit)) = (invoice, credit) {
                    let matches = |sum: Decimal, present: bool| {
                        present && matches!(taxable, Num::Val(t) if t == sum)
                    };
                    let ok =
                        matches(invoice, has_invoice_lines) || matches(credit, has_credit_lines);
                    cx.require(ok, f.ids[7], c.node);
                }
            }
            match tax {
                Num::Val(t) => cx.require(t.is_zero(), f.ids[8], c.node),
                Num::Missing => cx.fire(f.ids[8], c.node),
                Num::Invalid => {}
            }
            let ok = if f.amounts == Amounts::Exempt {
                exemption
            } else {
                !exemption
            };
            cx.require(ok, f.ids[9], c.node);
        }
        Amounts::Rated { lines_for_rate } => {
            if let Num::Val(rate) = c.percent
                && let Some(ok) = rated_taxable_ok(nets, f, taxable, rate, lines_for_rate)
            {
                cx.require(ok, f.ids[7], c.node);
            }
            match (tax, taxable, c.percent) {
                (Num::Invalid, _, _) | (_, Num::Invalid, _) | (_, _, Num::Invalid) => {}
                (Num::Val(t), Num::Val(b), Num::Val(rate)) => {
                    let expected = round2(b.abs() * (rate / Decimal::ONE_HUNDRED));
                    let ok = t.abs() - Decimal::ONE < expected && t.abs() + Decimal::ONE > expected;
                    cx.require(ok, f.ids[8], c.node);
                }
                _ => cx.fire(f.ids[8], c.node),
            }
            cx.require(!exemption, f.ids[9], c.node);
        }
    }
}

/// xx-08 for the rated families: `None` when not judged (an amount is no decimal).
fn rated_taxable_ok(
    nets: &Nets<'_>,
    f: &Family,
    taxable: Num,
    rate: Decimal,
    lines_for_rate: bool,
) -> Option<bool> {
    let taxable = match taxable {
        Num::Invalid => return None,
        Num::Missing => return Some(false),
        Num::Val(t) => t,
    };
    let within = |sum: Decimal| taxable - Decimal::ONE < sum && taxable + Decimal::ONE > sum;
    let mut ok = false;
    for lines in [Lines::Invoice, Lines::CreditNote] {
        let sum = nets.net(lines, f.code, Some(rate))?;
        let present = if lines_for_rate {
            nets.rated_lines
                .get(&(lines, Cow::Borrowed(f.code), Some(rate)))
                .is_some()
                || nets
                    .rated_allowances
                    .get(&(Cow::Borrowed(f.code), rate))
                    .is_some()
        } else {
            nets.any_lines(lines)
        };
        ok |= present && within(sum);
    }
    Some(ok)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    const SELLER_VAT: &str = "<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>\
        <cbc:CompanyID>NO999999999MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\
        </cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>";

    fn line(code: &str, percent: &str, amount: &str) -> String {
        format!(
            "<cac:InvoiceLine><cbc:LineExtensionAmount>{amount}</cbc:LineExtensionAmount><cac:Item>\
             <cac:ClassifiedTaxCategory><cbc:ID>{code}</cbc:ID>{percent}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\
             </cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>"
        )
    }

    fn group(code: &str, percent: &str, taxable: &str, tax: &str, extra: &str) -> String {
        format!(
            "<cac:TaxTotal><cbc:TaxAmount>{tax}</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount>{taxable}</cbc:TaxableAmount>\
             <cbc:TaxAmount>{tax}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>{code}</cbc:ID>{percent}{extra}\
             <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"
        )
    }

    #[test]
    fn standard_rated_consistent() {
        let p = "<cbc:Percent>25</cbc:Percent>";
        let body = format!(
            "{SELLER_VAT}{}{}{}",
            group("S", p, "150", "37.5", ""),
            line("S", p, "100"),
            line("S", p, "50")
        );
        check(
            &body,
            &[
                ("BR-S-01", 0),
                ("BR-S-02", 0),
                ("BR-S-05", 0),
                ("BR-S-08", 0),
                ("BR-S-09", 0),
                ("BR-S-10", 0),
                ("BR-E-01", 0),
            ],
        );
    }

    #[test]
    fn standard_rated_broken() {
        let p = "<cbc:Percent>25</cbc:Percent>";
        let body = format!(
            "{}{}{}",
            group(
                "S",
                p,
                "170",
                "30",
                "<cbc:TaxExemptionReason>x</cbc:TaxExemptionReason>"
            ),
            line("S", "<cbc:Percent>0</cbc:Percent>", "100"),
            line("S", p, "50")
        );
        check(
            &body,
            &[
                ("BR-S-02", 1),
                ("BR-S-05", 1),
                ("BR-S-08", 1),
                ("BR-S-09", 1),
                ("BR-S-10", 1),
            ],
        );
    }

    #[test]
    fn exempt_needs_one_group_and_reason() {
        let zero = "<cbc:Percent>0</cbc:Percent>";
        let body = format!("{SELLER_VAT}{}", line("E", zero, "10"));
        check(&body, &[("BR-E-01", 1), ("BR-E-02", 0)]);
        let body = format!(
            "{SELLER_VAT}{}{}",
            group("E", zero, "10", "0", ""),
            line("E", zero, "10")
        );
        check(
            &body,
            &[
                ("BR-E-01", 0),
                ("BR-E-08", 0),
                ("BR-E-09", 0),
                ("BR-E-10", 1),
            ],
        );
        let body = format!(
            "{}{}",
            group("E", zero, "11", "1", ""),
            line("E", zero, "10")
        );
        check(&body, &[("BR-E-02", 1), ("BR-E-08", 1), ("BR-E-09", 1)]);
    }

    #[test]
    fn split_payment() {
        let body = format!(
            "{}{}",
            group("B", "<cbc:Percent>22</cbc:Percent>", "10", "2.2", ""),
            line("S", "<cbc:Percent>22</cbc:Percent>", "10")
        );
        check(&body, &[("BR-B-01", 0), ("BR-B-02", 1)]);
    }

    #[test]
    fn not_subject_forbids_vat_ids_and_rates() {
        let body = format!(
            "{SELLER_VAT}{}{}",
            group(
                "O",
                "",
                "10",
                "0",
                "<cbc:TaxExemptionReason>n</cbc:TaxExemptionReason>"
            ),
            line("O", "<cbc:Percent>0</cbc:Percent>", "10")
        );
        check(
            &body,
            &[
                ("BR-O-01", 0),
                ("BR-O-02", 1),
                ("BR-O-05", 1),
                ("BR-O-08", 0),
                ("BR-O-10", 0),
            ],
        );
    }
}
