//! The fields of an invoice read from embedded structured data (Factur-X / UBL), in the
//! same shape as those read from a PDF's text layer, so that a clerk sees one kind of
//! capture summary whatever the PDF carried.

use mottak_invoice::Invoice;
use rust_decimal::Decimal;

use super::CapturedField;

fn amount(value: Decimal) -> String {
    format!("{:.2}", value.round_dp(2))
}

fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

/// Every field the invoice gives, each marked as found in `source` (e.g. `factur-x.xml`).
pub fn fields_from_invoice(invoice: &Invoice, source: &str) -> Vec<CapturedField> {
    let mut fields = Vec::new();
    let mut add = |field: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            fields.push(CapturedField {
                field,
                value: value.trim().to_owned(),
                page: 0,
                found: source.to_owned(),
            });
        }
    };
    add("invoice_number", invoice.number.clone());
    add("issue_date", invoice.issue_date.map(|d| d.to_string()));
    add("due_date", invoice.due_date.map(|d| d.to_string()));
    let supplier = &invoice.supplier;
    add("supplier_name", supplier.display_name().map(str::to_owned));
    let vat = supplier.vat_registration().map(|t| t.company_id.clone());
    let org = supplier
        .legal_id
        .as_ref()
        .map(|id| digits(&id.value))
        .filter(|d| d.len() == 9)
        .or_else(|| vat.as_deref().map(digits).filter(|d| d.len() == 9));
    add("supplier_org", org);
    add("supplier_vat", vat);
    let payment = invoice.payment_means.iter().find(|p| p.account.is_some());
    let account = payment.and_then(|p| p.account.clone());
    let is_iban = account
        .as_deref()
        .is_some_and(|a| a.trim().chars().take(2).all(|c| c.is_ascii_alphabetic()));
    if is_iban {
        add("iban", account.map(|a| a.replace(' ', "")));
    } else {
        add("bank_account", account.as_deref().map(digits));
    }
    add("bic", payment.and_then(|p| p.bic.clone()));
    add(
        "kid",
        invoice
            .payment_means
            .iter()
            .find_map(|p| p.payment_id.clone()),
    );
    add("currency", invoice.currency.clone());
    let buyer = &invoice.customer;
    add("buyer_name", buyer.display_name().map(str::to_owned));
    add(
        "buyer_org",
        buyer
            .legal_id
            .as_ref()
            .map(|id| digits(&id.value))
            .or_else(|| buyer.endpoint.as_ref().map(|e| digits(&e.value)))
            .filter(|d| d.len() == 9),
    );
    add("buyer_reference", invoice.buyer_reference.clone());
    add("seller_reference", supplier.contact.name.clone());
    add("order_reference", invoice.order_reference.clone());
    add("contact", buyer.contact.name.clone());
    let totals = &invoice.totals;
    add(
        "net_amount",
        totals.tax_exclusive.or(totals.line_extension).map(amount),
    );
    add("vat_amount", invoice.tax_total.map(amount));
    add("payable_amount", totals.payable.map(amount));
    add("lines", Some(invoice.lines.len().to_string()));
    fields
}
