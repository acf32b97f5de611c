//! Regression tests, each named after what broke.

use mottak_invoice::ids::OrgNumber;
use mottak_invoice::{DocumentKind, Invoice, InvoiceLine, TaxSubtotal};
use mottak_rules::{ReceiverIdentity, check};
use rust_decimal::Decimal;

fn receiver() -> ReceiverIdentity {
    ReceiverIdentity {
        org: OrgNumber::parse("931235184").expect("valid"),
        name: "Digitools AS".into(),
    }
}

#[test]
fn amounts_at_the_limit_of_the_decimal_type_are_a_finding_not_a_panic() {
    let mut invoice = Invoice::empty(DocumentKind::Invoice);
    invoice.lines.push(InvoiceLine {
        quantity: Some(Decimal::ONE),
        price: Some(Decimal::MAX),
        amount: Some(Decimal::MIN),
        item_name: Some("x".into()),
        unit: Some("EA".into()),
        ..InvoiceLine::default()
    });
    invoice.tax_total = Some(Decimal::MIN);
    invoice.tax_subtotals.push(TaxSubtotal {
        taxable_amount: Some(Decimal::MAX),
        tax_amount: Some(Decimal::MIN),
        percent: Some(Decimal::ONE_HUNDRED),
        category: Some("S".into()),
        ..TaxSubtotal::default()
    });
    invoice.totals.line_extension = Some(Decimal::MAX);
    invoice.totals.tax_exclusive = Some(Decimal::MIN);
    invoice.totals.tax_inclusive = Some(Decimal::MAX);
    invoice.totals.payable = Some(Decimal::MIN);
    let verdict = check(&invoice, &receiver());
    assert!(
        verdict
            .findings
            .iter()
            .any(|f| f.rule == "MOTTAK-LINE-AMOUNT")
    );
    assert!(verdict.findings.iter().any(|f| f.rule == "MOTTAK-VAT"));
}

#[test]
fn a_vat_number_of_another_company_is_not_accepted_as_the_suppliers() {
    let mut invoice = Invoice::empty(DocumentKind::Invoice);
    invoice.supplier.address.country = Some("NO".into());
    invoice.supplier.registration_name = Some("Leverandør AS".into());
    invoice.supplier.legal_id = Some(mottak_invoice::Identifier {
        value: "987654325".into(),
        scheme: Some("0192".into()),
    });
    invoice
        .supplier
        .tax_registrations
        .push(mottak_invoice::TaxRegistration {
            company_id: "NO931235184MVA".into(),
            scheme: Some("VAT".into()),
        });
    invoice.tax_total = Some(Decimal::new(2500, 2));
    let verdict = check(&invoice, &receiver());
    let mva: Vec<_> = verdict
        .findings
        .iter()
        .filter(|f| f.rule == "MOTTAK-MVA")
        .collect();
    assert_eq!(mva.len(), 1, "{:?}", verdict.findings);
    assert!(mva[0].message.contains("931235184"));
}
