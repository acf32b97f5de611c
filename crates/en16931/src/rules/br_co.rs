//! Calculation rules BR-CO-10 … BR-CO-17: the document totals must add up.
//!
//! Amounts are compared as the official rules do: sums rounded half-up to two decimals, exact
//! equality except where the rule allows a tolerance of one unit. A missing amount makes a
//! comparison false (the rule fires); text that is no decimal is not judged, because the
//! official XSLT stops with an error on it.

use super::fatal;
use rust_decimal::Decimal;

use super::codelists::TagSet;
use super::{Ctx, Num, RuleInfo, charge_indicator, is_vat_scheme, round_half_up, round2};
use crate::doc::{Doc, NodeId, Ns, Tag};

pub(super) const RULES: &[RuleInfo] = &[
    fatal(
        "BR-CO-10",
        "The sum of line net amounts (BT-106) must equal the lines' net amounts added up.",
    ),
    fatal(
        "BR-CO-11",
        "The allowance total (BT-107) must equal the document level allowances added up.",
    ),
    fatal(
        "BR-CO-12",
        "The charge total (BT-108) must equal the document level charges added up.",
    ),
    fatal(
        "BR-CO-13",
        "The total without VAT (BT-109) must be line sum minus allowances plus charges.",
    ),
    fatal(
        "BR-CO-14",
        "The total VAT (BT-110) must equal the VAT of the breakdowns added up.",
    ),
    fatal(
        "BR-CO-15",
        "The total with VAT (BT-112) must be the total without VAT plus the total VAT.",
    ),
    fatal(
        "BR-CO-16",
        "The amount due (BT-115) must be total with VAT minus paid amount plus rounding.",
    ),
    fatal(
        "BR-CO-17",
        "A breakdown's VAT (BT-117) must be its taxable amount times its rate, rounded.",
    ),
];

/// Sum of the decimal values of the given elements; `None` when one is no decimal.
fn sum(doc: &Doc, mut nodes: impl Iterator<Item = NodeId>) -> Option<Decimal> {
    nodes.try_fold(Decimal::ZERO, |total, id| add(doc, total, id))
}

/// One step of [`sum`]: `total` plus the value of element `id`.
fn add(doc: &Doc, total: Decimal, id: NodeId) -> Option<Decimal> {
    match Num::of(doc, Some(id)) {
        Num::Val(v) => total.checked_add(v),
        Num::Invalid => None,
        Num::Missing => Some(total),
    }
}

/// The value of an optional child amount; `Err` when it is there but no decimal.
fn amount(doc: &Doc, parent: NodeId, tag: Tag) -> Result<Option<Decimal>, ()> {
    match Num::of(doc, doc.kid(parent, Ns::Cbc, tag)) {
        Num::Missing => Ok(None),
        Num::Invalid => Err(()),
        Num::Val(v) => Ok(Some(v)),
    }
}

/// The element names the walk in [`check`] collects: one look-up dismisses every other
/// element.
const WATCHED: TagSet = TagSet::new(&[
    Tag::InvoiceLine,
    Tag::CreditNoteLine,
    Tag::LegalMonetaryTotal,
    Tag::TaxTotal,
    Tag::TaxSubtotal,
]);

pub(super) fn check(cx: &mut Ctx<'_>) {
    let doc = cx.doc;
    let root = doc.root();
    // The line amounts are summed as the walk meets them (in document order, as `sum` would).
    let mut line_sum = Some(Decimal::ZERO);
    let mut totals = Vec::new();
    let mut tax_totals = Vec::new();
    let mut subtotals = Vec::new();
    for id in doc.all() {
        let node = doc.node(id);
        if node.ns != Ns::Cac || !WATCHED.contains(node.tag) {
            continue;
        }
        match (node.ns, node.tag) {
            (Ns::Cac, Tag::InvoiceLine | Tag::CreditNoteLine) => {
                for amount in doc.kids(id, Ns::Cbc, Tag::LineExtensionAmount) {
                    line_sum = line_sum.and_then(|total| add(doc, total, amount));
                }
            }
            (Ns::Cac, Tag::LegalMonetaryTotal) => totals.push(id),
            (Ns::Cac, Tag::TaxTotal) if node.parent == root => tax_totals.push(id),
            (Ns::Cac, Tag::TaxSubtotal) if doc.is(node.parent, Ns::Cac, Tag::TaxTotal) => {
                subtotals.push(id);
            }
            _ => {}
        }
    }
    for &total in &totals {
        check_totals(cx, total, line_sum);
    }
    for &tax_total in &tax_totals {
        if !doc.kids(tax_total, Ns::Cac, Tag::TaxSubtotal).any(|_| true) {
            continue;
        }
        let parts = sum(
            doc,
            doc.kids(tax_total, Ns::Cac, Tag::TaxSubtotal)
                .flat_map(|s| doc.kids(s, Ns::Cbc, Tag::TaxAmount)),
        );
        let Some(parts) = parts else { continue };
        match amount(doc, tax_total, Tag::TaxAmount) {
            Ok(Some(v)) => cx.require(v == round2(parts), "BR-CO-14", tax_total),
            Ok(None) => cx.fire("BR-CO-14", tax_total),
            Err(()) => {}
        }
    }
    check_total_with_vat(cx, root);
    for &subtotal in &subtotals {
        check_subtotal(cx, subtotal);
    }
}

fn check_totals(cx: &mut Ctx<'_>, total: NodeId, line_sum: Option<Decimal>) {
    let doc = cx.doc;
    let get = |name| amount(doc, total, name);
    let (Ok(lines), Ok(allowances), Ok(charges), Ok(without_vat), Ok(with_vat), Ok(paid)) = (
        get(Tag::LineExtensionAmount),
        get(Tag::AllowanceTotalAmount),
        get(Tag::ChargeTotalAmount),
        get(Tag::TaxExclusiveAmount),
        get(Tag::TaxInclusiveAmount),
        get(Tag::PrepaidAmount),
    ) else {
        return;
    };
    let (Ok(rounding), Ok(payable)) = (get(Tag::PayableRoundingAmount), get(Tag::PayableAmount))
    else {
        return;
    };
    if let Some(line_sum) = line_sum {
        cx.require(lines == Some(round2(line_sum)), "BR-CO-10", total);
    }
    let parent = doc.node(total).parent;
    let mut document_sums = [Some(Decimal::ZERO), Some(Decimal::ZERO)];
    let mut document_present = [false, false];
    for ac in doc.kids(parent, Ns::Cac, Tag::AllowanceCharge) {
        let Some(is_charge) = charge_indicator(doc, ac) else {
            continue;
        };
        let slot = usize::from(is_charge);
        document_present[slot] = true;
        document_sums[slot] = match (
            document_sums[slot],
            sum(doc, doc.kids(ac, Ns::Cbc, Tag::Amount)),
        ) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
    }
    for (slot, (stated, rule)) in [(allowances, "BR-CO-11"), (charges, "BR-CO-12")]
        .into_iter()
        .enumerate()
    {
        let Some(computed) = document_sums[slot] else {
            continue;
        };
        let ok = stated == Some(round2(computed)) || (stated.is_none() && !document_present[slot]);
        cx.require(ok, rule, total);
    }
    let expected = lines.map(|l| {
        round2(l + charges.unwrap_or(Decimal::ZERO) - allowances.unwrap_or(Decimal::ZERO))
    });
    let expected = if charges.is_none() && allowances.is_none() {
        lines
    } else {
        expected
    };
    cx.require(
        without_vat.is_some() && without_vat == expected,
        "BR-CO-13",
        total,
    );
    let due = with_vat.map(|w| round2(w - paid.unwrap_or(Decimal::ZERO)));
    let due = if paid.is_none() { with_vat } else { due };
    let stated = match rounding {
        Some(r) => payable.map(|p| round2(p - r)),
        None => payable,
    };
    cx.require(stated.is_some() && stated == due, "BR-CO-16", total);
}

/// BR-CO-15, with the document as context.
fn check_total_with_vat(cx: &mut Ctx<'_>, root: NodeId) {
    let doc = cx.doc;
    for currency in doc.kids(root, Ns::Cbc, Tag::DocumentCurrencyCode) {
        let code = doc.raw(currency);
        let mut amounts = doc
            .kids(root, Ns::Cac, Tag::TaxTotal)
            .flat_map(|t| doc.kids(t, Ns::Cbc, Tag::TaxAmount))
            .filter(|&a| doc.attr(a, "currencyID") == Some(code));
        let mut totals = doc.kids(root, Ns::Cac, Tag::LegalMonetaryTotal);
        let total = totals.next();
        if totals.next().is_some() {
            return;
        }
        let Ok(with_vat) = total.map_or(Ok(None), |t| amount(doc, t, Tag::TaxInclusiveAmount))
        else {
            return;
        };
        let Ok(without_vat) = total.map_or(Ok(None), |t| amount(doc, t, Tag::TaxExclusiveAmount))
        else {
            return;
        };
        let first = amounts.next();
        if first.is_none() || amounts.next().is_some() {
            cx.fire("BR-CO-15", root);
            return;
        }
        let vat = match Num::of(doc, first) {
            Num::Val(v) => v,
            _ => return,
        };
        let ok = match (with_vat, without_vat) {
            (Some(w), Some(wo)) => w == round2(wo + vat),
            _ => false,
        };
        cx.require(ok, "BR-CO-15", root);
    }
}

fn check_subtotal(cx: &mut Ctx<'_>, subtotal: NodeId) {
    let doc = cx.doc;
    let mut percents = doc
        .kids(subtotal, Ns::Cac, Tag::TaxCategory)
        .filter(|&c| is_vat_scheme(doc, c))
        .flat_map(|c| doc.kids(c, Ns::Cbc, Tag::Percent));
    let percent = percents.next();
    if percents.next().is_some() {
        return;
    }
    let (Ok(tax), Ok(taxable)) = (
        amount(doc, subtotal, Tag::TaxAmount),
        amount(doc, subtotal, Tag::TaxableAmount),
    ) else {
        return;
    };
    let ok = match percent {
        None => tax.is_some_and(|t| round_half_up(t).is_zero()),
        Some(p) => {
            let Num::Val(rate) = Num::of(doc, Some(p)) else {
                return;
            };
            if round_half_up(rate).is_zero() {
                tax.is_some_and(|t| round_half_up(t).is_zero())
            } else {
                match (tax, taxable) {
                    (Some(t), Some(b)) => {
                        let expected = round2(b.abs() * (rate / Decimal::ONE_HUNDRED));
                        t.abs() - Decimal::ONE < expected && t.abs() + Decimal::ONE > expected
                    }
                    _ => false,
                }
            }
        }
    };
    cx.require(ok, "BR-CO-17", subtotal);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    fn totals(inner: &str) -> String {
        format!(
            "<cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>\
             <cac:TaxTotal><cbc:TaxAmount currencyID=\"NOK\">25</cbc:TaxAmount>\
             <cac:TaxSubtotal><cbc:TaxableAmount>100</cbc:TaxableAmount><cbc:TaxAmount>25</cbc:TaxAmount>\
             <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>\
             </cac:TaxSubtotal></cac:TaxTotal>\
             <cac:LegalMonetaryTotal>{inner}</cac:LegalMonetaryTotal>\
             <cac:InvoiceLine><cbc:LineExtensionAmount>60</cbc:LineExtensionAmount></cac:InvoiceLine>\
             <cac:InvoiceLine><cbc:LineExtensionAmount>40.001</cbc:LineExtensionAmount></cac:InvoiceLine>"
        )
    }

    #[test]
    fn consistent_totals_pass() {
        check(
            &totals(
                "<cbc:LineExtensionAmount>100</cbc:LineExtensionAmount>\
                 <cbc:TaxExclusiveAmount>100</cbc:TaxExclusiveAmount>\
                 <cbc:TaxInclusiveAmount>125</cbc:TaxInclusiveAmount>\
                 <cbc:PayableAmount>125</cbc:PayableAmount>",
            ),
            &[
                ("BR-CO-10", 0),
                ("BR-CO-11", 0),
                ("BR-CO-12", 0),
                ("BR-CO-13", 0),
                ("BR-CO-14", 0),
                ("BR-CO-15", 0),
                ("BR-CO-16", 0),
                ("BR-CO-17", 0),
            ],
        );
    }

    #[test]
    fn inconsistent_totals_fire() {
        check(
            &totals(
                "<cbc:LineExtensionAmount>101</cbc:LineExtensionAmount>\
                 <cbc:AllowanceTotalAmount>1</cbc:AllowanceTotalAmount>\
                 <cbc:TaxExclusiveAmount>100</cbc:TaxExclusiveAmount>\
                 <cbc:TaxInclusiveAmount>126</cbc:TaxInclusiveAmount>\
                 <cbc:PrepaidAmount>1</cbc:PrepaidAmount>\
                 <cbc:PayableAmount>126</cbc:PayableAmount>",
            ),
            &[
                ("BR-CO-10", 1),
                ("BR-CO-11", 1),
                ("BR-CO-13", 0),
                ("BR-CO-15", 1),
                ("BR-CO-16", 1),
            ],
        );
    }
}
