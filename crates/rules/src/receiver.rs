//! The receiver's formal requirements (DOMAIN.md, seed 002), applied to one invoice.

use mottak_invoice::ids::{
    Bic, CurrencyCode, Iban, IdError, NorwegianAccount, OrgNumber, VatNumber,
};
use mottak_invoice::money::round_half_away;
use mottak_invoice::{AttachmentProblem, DocumentKind, Invoice, InvoiceLine, Party, PaymentMeans};
use rust_decimal::Decimal;

use crate::catalogue::rule;
use crate::finding::{Finding, Verdict};

/// Who we are: invoices must be addressed to this organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiverIdentity {
    pub org: OrgNumber,
    pub name: String,
}

const BIS3_CUSTOMIZATION: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/// Amounts on an invoice are given to the øre; rounding differences up to one øre are
/// tolerated where amounts are derived (line amounts, VAT), as EN16931 does.
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// How an invoice reached us, which decides the rules that apply to its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An EHF / Peppol BIS Billing 3.0 document: it must declare that profile.
    Peppol,
    /// Read from an e-mailed PDF (its text layer or embedded Factur-X/UBL data): the
    /// document's content must meet the same requirements, but not the Peppol profile.
    Captured,
}

/// Apply every receiver rule except the duplicate check to an EHF document.
pub fn check(invoice: &Invoice, receiver: &ReceiverIdentity) -> Verdict {
    check_from(invoice, receiver, Origin::Peppol)
}

/// Apply every receiver rule except the duplicate check, for a document of this origin.
pub fn check_from(invoice: &Invoice, receiver: &ReceiverIdentity, origin: Origin) -> Verdict {
    let mut out = Findings::default();
    if origin == Origin::Peppol {
        check_profile(invoice, &mut out);
    }
    check_field_errors(invoice, &mut out);
    check_header(invoice, &mut out);
    check_supplier(invoice, &mut out);
    check_payment(invoice, &mut out);
    check_buyer(invoice, receiver, &mut out);
    check_reference(invoice, &mut out);
    check_lines(invoice, &mut out);
    check_totals(invoice, &mut out);
    check_attachments(invoice, &mut out);
    Verdict { findings: out.0 }
}

/// The finding for an invoice number this supplier has sent before.
pub fn duplicate(invoice_number: &str, first_received_on: &str) -> Finding {
    finding(
        "MOTTAK-DUP",
        format!(
            "Fakturanummer «{invoice_number}» er allerede mottatt fra denne leverandøren \
             (første gang {first_received_on}); en faktura bokføres bare én gang."
        ),
        format!(
            "Invoice number «{invoice_number}» has already been received from this supplier \
             (first on {first_received_on}); an invoice is posted only once."
        ),
        None,
    )
}

/// The key under which a supplier's invoice numbers must be unique: the organisation number
/// for Norwegian suppliers, else the first stable identifier the supplier gives.
pub fn supplier_key(invoice: &Invoice) -> Option<String> {
    let supplier = &invoice.supplier;
    if is_norwegian_supplier(supplier)
        && let Some(org) = supplier_org_candidates(supplier).find_map(|v| OrgNumber::parse(v).ok())
    {
        return Some(format!("0192:{org}"));
    }
    // A foreign supplier is keyed on its Peppol address, which every EHF invoice carries;
    // VAT or registration numbers are optional and would let the same invoice in twice.
    let normalise = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase()
    };
    if let Some(endpoint) = &supplier.endpoint {
        let scheme = endpoint.scheme.as_deref().unwrap_or_default();
        return Some(format!(
            "{}:{}",
            normalise(scheme),
            normalise(&endpoint.value)
        ));
    }
    let id = supplier
        .vat_registration()
        .map(|t| t.company_id.as_str())
        .or(supplier.legal_id.as_ref().map(|i| i.value.as_str()))?;
    Some(normalise(id))
}

/// The payment means the supplier is to be paid by: the first one with an account the rules
/// accept (a Norwegian account number or an IBAN).
pub fn payment_means_to_use(invoice: &Invoice) -> Option<&PaymentMeans> {
    invoice.payment_means.iter().find(|p| {
        p.account
            .as_deref()
            .is_some_and(|a| NorwegianAccount::parse(a).is_ok() || Iban::parse(a).is_ok())
    })
}

/// A supplier is Norwegian when its address says NO, or, without a country, when it
/// identifies itself with a Norwegian organisation number (ICD 0192).
pub fn is_norwegian_supplier(supplier: &Party) -> bool {
    match supplier.country() {
        Some(country) => country == "NO",
        None => {
            supplier
                .legal_id
                .as_ref()
                .is_some_and(|i| i.scheme.as_deref() == Some("0192"))
                || supplier
                    .endpoint
                    .as_ref()
                    .is_some_and(|i| i.scheme.as_deref() == Some("0192"))
        }
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, id: &str, nb: impl Into<String>, en: impl Into<String>) {
        self.0.push(finding(id, nb.into(), en.into(), None));
    }

    fn add_at(&mut self, id: &str, location: String, nb: impl Into<String>, en: impl Into<String>) {
        self.0
            .push(finding(id, nb.into(), en.into(), Some(location)));
    }
}

fn finding(id: &str, nb: String, en: String, location: Option<String>) -> Finding {
    let def = rule(id);
    Finding {
        rule: def.id.to_owned(),
        code: def.code.to_owned(),
        severity: def.severity,
        message: format!("{nb} / {en}"),
        location,
    }
}

fn check_profile(invoice: &Invoice, out: &mut Findings) {
    let id = invoice.customization_id.as_deref().unwrap_or_default();
    if !id.starts_with(BIS3_CUSTOMIZATION) {
        out.add(
            "MOTTAK-PROFILE",
            format!("CustomizationID «{id}» er ikke Peppol BIS Billing 3.0 (EHF 3.0)."),
            format!("CustomizationID «{id}» is not Peppol BIS Billing 3.0 (EHF 3.0)."),
        );
    }
}

fn check_field_errors(invoice: &Invoice, out: &mut Findings) {
    for e in &invoice.field_errors {
        out.add_at(
            "MOTTAK-FIELD",
            e.field.clone(),
            format!(
                "{} har verdien «{}», forventet {}.",
                e.field,
                e.value,
                nb_expected(&e.expected)
            ),
            format!(
                "{} has the value «{}», expected {}.",
                e.field, e.value, e.expected
            ),
        );
    }
}

fn nb_expected(expected: &str) -> &str {
    match expected {
        "decimal number" => "et desimaltall med punktum",
        "date YYYY-MM-DD" => "en dato på formen ÅÅÅÅ-MM-DD",
        "true or false" => "true eller false",
        other => other,
    }
}

fn check_header(invoice: &Invoice, out: &mut Findings) {
    if blank(&invoice.number) {
        out.add(
            "MOTTAK-NUMBER",
            "Fakturanummer (cbc:ID) mangler.",
            "The invoice number (cbc:ID) is missing.",
        );
    }
    if invoice.issue_date.is_none() {
        out.add(
            "MOTTAK-ISSUE-DATE",
            "Fakturadato (cbc:IssueDate) mangler.",
            "The issue date (cbc:IssueDate) is missing.",
        );
    }
    // A credit note pays nothing out, and neither does an invoice that nets to zero or less.
    let pays_out = invoice.totals.payable.is_none_or(|p| p > Decimal::ZERO);
    // An unreadable due date is reported as such (MOTTAK-FIELD), not as a missing one.
    let unreadable_due_date = invoice
        .field_errors
        .iter()
        .any(|e| e.field.ends_with("DueDate"));
    if invoice.kind == DocumentKind::Invoice
        && pays_out
        && invoice.due_date.is_none()
        && !unreadable_due_date
    {
        out.add(
            "MOTTAK-DUE-DATE",
            "Forfallsdato mangler (cbc:DueDate eller cac:PaymentMeans/cbc:PaymentDueDate).",
            "The due date is missing (cbc:DueDate or cac:PaymentMeans/cbc:PaymentDueDate).",
        );
    }
    match invoice.currency.as_deref() {
        None => out.add(
            "MOTTAK-CURRENCY",
            "Valuta (cbc:DocumentCurrencyCode) mangler.",
            "The currency (cbc:DocumentCurrencyCode) is missing.",
        ),
        Some(code) if CurrencyCode::parse(code).is_err() => out.add(
            "MOTTAK-CURRENCY",
            format!("«{code}» er ikke en gyldig valutakode (ISO 4217)."),
            format!("«{code}» is not a valid currency code (ISO 4217)."),
        ),
        Some(_) => {}
    }
}

/// Where a supplier may have written its organisation number, most authoritative first.
fn supplier_org_candidates(supplier: &Party) -> impl Iterator<Item = &str> {
    let legal = supplier
        .legal_id
        .iter()
        .filter(|i| i.scheme.as_deref().is_none_or(|s| s == "0192"))
        .map(|i| i.value.as_str());
    let endpoint = supplier
        .endpoint
        .iter()
        .filter(|i| i.scheme.as_deref() == Some("0192"))
        .map(|i| i.value.as_str());
    let vat = supplier.vat_registration().map(|t| t.company_id.as_str());
    legal.chain(endpoint).chain(vat)
}

fn charges_vat(invoice: &Invoice) -> bool {
    invoice.tax_subtotals.iter().any(|s| {
        s.percent.is_some_and(|p| p > Decimal::ZERO) || s.tax_amount.is_some_and(|t| !t.is_zero())
    }) || invoice.tax_total.is_some_and(|t| !t.is_zero())
}

fn check_supplier(invoice: &Invoice, out: &mut Findings) {
    let supplier = &invoice.supplier;
    if supplier.display_name().is_none() {
        out.add(
            "MOTTAK-SUPPLIER",
            "Leverandørens navn mangler (cac:PartyLegalEntity/cbc:RegistrationName).",
            "The supplier's name is missing (cac:PartyLegalEntity/cbc:RegistrationName).",
        );
    }
    if !is_norwegian_supplier(supplier) {
        if supplier.legal_id.is_none()
            && supplier.vat_registration().is_none()
            && supplier.identifiers.is_empty()
        {
            out.add(
                "MOTTAK-ORGNR",
                "Utenlandsk leverandør mangler organisasjonsnummer, MVA-nummer eller annen identifikator.",
                "The foreign supplier gives no company registration, VAT number or other identifier.",
            );
        }
        return;
    }
    match supplier_org_candidates(supplier).next() {
        None => out.add(
            "MOTTAK-ORGNR",
            "Leverandørens organisasjonsnummer mangler (cac:PartyLegalEntity/cbc:CompanyID).",
            "The supplier's organisation number is missing (cac:PartyLegalEntity/cbc:CompanyID).",
        ),
        Some(value) => {
            if let Err(err) = OrgNumber::parse(value) {
                out.add(
                    "MOTTAK-ORGNR",
                    format!("Leverandørens organisasjonsnummer «{value}» er ugyldig ({err})."),
                    format!("The supplier's organisation number «{value}» is invalid ({err})."),
                );
            }
        }
    }
    if charges_vat(invoice) {
        match supplier.vat_registration() {
            None => out.add(
                "MOTTAK-MVA",
                "Fakturaen beregner MVA, men leverandørens MVA-nummer (organisasjonsnummer + MVA) mangler.",
                "The invoice charges VAT, but the supplier's VAT number (organisation number + MVA) is missing.",
            ),
            Some(reg) => {
                // A wrong organisation number is MOTTAK-ORGNR's business; this rule wants the
                // supplier's own (valid) number followed by MVA.
                let own_org = supplier_org_candidates(supplier).next().and_then(|v| OrgNumber::parse(v).ok());
                let problem_nb;
                let problem_en;
                match VatNumber::parse(&reg.company_id) {
                    Ok(vat) if own_org.as_ref().is_none_or(|o| *o == vat.org_number()) => return,
                    Ok(vat) => {
                        problem_nb = format!("tilhører {}, ikke leverandørens organisasjonsnummer", vat.org_number());
                        problem_en = format!("belongs to {}, not to the supplier's organisation number", vat.org_number());
                    }
                    Err(IdError::MissingMvaSuffix) => {
                        problem_nb = "mangler MVA etter nummeret".to_owned();
                        problem_en = "lacks MVA after the number".to_owned();
                    }
                    Err(_) if !reg.company_id.trim().to_ascii_uppercase().ends_with("MVA") => {
                        problem_nb = "mangler MVA etter nummeret".to_owned();
                        problem_en = "lacks MVA after the number".to_owned();
                    }
                    Err(err) if own_org.is_some() => {
                        problem_nb = format!("er ikke et gyldig organisasjonsnummer ({err})");
                        problem_en = format!("is not a valid organisation number ({err})");
                    }
                    // The organisation number itself is invalid: MOTTAK-ORGNR says so.
                    Err(_) => return,
                }
                out.add(
                    "MOTTAK-MVA",
                    format!(
                        "MVA-nummeret «{}» {problem_nb}; det skal være organisasjonsnummeret etterfulgt av MVA, f.eks. NO987654325MVA.",
                        reg.company_id
                    ),
                    format!(
                        "The VAT number «{}» {problem_en}; it must be the organisation number followed by MVA, e.g. NO987654325MVA.",
                        reg.company_id
                    ),
                );
            }
        }
    }
}

fn check_payment(invoice: &Invoice, out: &mut Findings) {
    if invoice.kind == DocumentKind::CreditNote
        || invoice.totals.payable.is_some_and(|p| p <= Decimal::ZERO)
    {
        return; // nothing is paid out
    }
    let accounts: Vec<&str> = invoice
        .payment_means
        .iter()
        .filter_map(|p| p.account.as_deref())
        .collect();
    if is_norwegian_supplier(&invoice.supplier) {
        let valid = accounts
            .iter()
            .any(|a| NorwegianAccount::parse(a).is_ok() || Iban::parse(a).is_ok());
        if !valid {
            let (nb, en) = match accounts.first() {
                None => (
                    "Kontonummer mangler (cac:PayeeFinancialAccount/cbc:ID).".to_owned(),
                    "The bank account number is missing (cac:PayeeFinancialAccount/cbc:ID)."
                        .to_owned(),
                ),
                Some(a) => (
                    format!(
                        "Kontonummeret «{a}» er ugyldig (11 siffer med kontrollsiffer, eller IBAN)."
                    ),
                    format!(
                        "The bank account number «{a}» is invalid (11 digits with check digit, or IBAN)."
                    ),
                ),
            };
            out.add("MOTTAK-BANK", nb, en);
        }
    } else {
        let valid = invoice.payment_means.iter().any(|p| {
            p.account.as_deref().is_some_and(|a| Iban::parse(a).is_ok())
                && p.bic.as_deref().is_some_and(|b| Bic::parse(b).is_ok())
        });
        if !valid {
            let iban_ok = accounts.iter().any(|a| Iban::parse(a).is_ok());
            let (nb, en) = if iban_ok {
                (
                    "BIC (SWIFT) mangler eller er ugyldig.",
                    "The BIC (SWIFT) is missing or invalid.",
                )
            } else if accounts.is_empty() {
                (
                    "IBAN mangler for utenlandsk leverandør.",
                    "The IBAN is missing for a foreign supplier.",
                )
            } else {
                ("IBAN er ugyldig.", "The IBAN is invalid.")
            };
            out.add("MOTTAK-IBAN", nb, en);
        }
    }
}

fn party_org_numbers(party: &Party) -> Vec<String> {
    let mut values: Vec<&str> = Vec::new();
    values.extend(party.legal_id.iter().map(|i| i.value.as_str()));
    values.extend(
        party
            .endpoint
            .iter()
            .filter(|i| i.scheme.as_deref() == Some("0192"))
            .map(|i| i.value.as_str()),
    );
    values.extend(
        party
            .identifiers
            .iter()
            .filter(|i| i.scheme.as_deref().is_none_or(|s| s == "0192"))
            .map(|i| i.value.as_str()),
    );
    values.extend(
        party
            .tax_registrations
            .iter()
            .map(|t| t.company_id.as_str()),
    );
    values
        .into_iter()
        .filter_map(|v| OrgNumber::parse(v).ok().map(|o| o.to_string()))
        .collect()
}

fn check_buyer(invoice: &Invoice, receiver: &ReceiverIdentity, out: &mut Findings) {
    let buyer = &invoice.customer;
    let ours = receiver.org.to_string();
    let numbers = party_org_numbers(buyer);
    let any_id = buyer.legal_id.is_some()
        || buyer.endpoint.is_some()
        || !buyer.identifiers.is_empty()
        || !buyer.tax_registrations.is_empty();
    if buyer.display_name().is_none() || !any_id {
        out.add(
            "MOTTAK-BUYER",
            "Kjøpers navn og organisasjonsnummer må stå på fakturaen (cac:AccountingCustomerParty).",
            "The buyer's name and organisation number must be on the invoice (cac:AccountingCustomerParty).",
        );
    }
    if any_id && !numbers.contains(&ours) {
        let named = numbers
            .first()
            .cloned()
            .or_else(|| buyer.endpoint.as_ref().map(|e| e.value.clone()));
        let named = named.unwrap_or_default();
        out.add(
            "MOTTAK-REC",
            format!(
                "Fakturaen er stilet til «{named}», ikke til {} (org.nr. {ours}).",
                receiver.name
            ),
            format!(
                "The invoice is addressed to «{named}», not to {} (org. no. {ours}).",
                receiver.name
            ),
        );
    } else if let Some(envelope_receiver) =
        invoice.envelope.as_ref().and_then(|e| e.receiver.as_ref())
    {
        let value = envelope_receiver.value.trim();
        let addressed = value
            .rsplit_once(':')
            .map(|(icd, id)| {
                icd.ends_with("0192") && OrgNumber::parse(id).is_ok_and(|o| o == receiver.org)
            })
            .unwrap_or(false);
        if !addressed {
            out.add(
                "MOTTAK-REC",
                format!("Konvolutten (SBDH) er adressert til «{value}», ikke til 0192:{ours}."),
                format!("The envelope (SBDH) is addressed to «{value}», not to 0192:{ours}."),
            );
        }
    }
}

fn check_reference(invoice: &Invoice, out: &mut Findings) {
    let contact = &invoice.customer.contact;
    let has_reference = !blank(&invoice.buyer_reference)
        || !blank(&invoice.order_reference)
        || !blank(&contact.name)
        || !blank(&contact.email);
    if !has_reference {
        out.add(
            "MOTTAK-REF",
            "Fakturaen mangler referanse (bestillerreferanse, ordrenummer, kontaktperson eller e-post) og returneres. Send den på nytt med referansen du har fått fra oss.",
            "The invoice has no reference (buyer reference, order number, contact person or e-mail) and is returned. Please send it again with the reference you were given by us.",
        );
    }
}

fn check_lines(invoice: &Invoice, out: &mut Findings) {
    if invoice.lines.is_empty() {
        out.add(
            "MOTTAK-LINE",
            "Fakturaen har ingen linjer.",
            "The invoice has no lines.",
        );
    }
    for (index, line) in invoice.lines.iter().enumerate() {
        let label = line.id.clone().unwrap_or_else(|| (index + 1).to_string());
        let mut missing_nb = Vec::new();
        let mut missing_en = Vec::new();
        let mut need = |absent: bool, nb: &'static str, en: &'static str| {
            if absent {
                missing_nb.push(nb);
                missing_en.push(en);
            }
        };
        need(line.description().is_none(), "beskrivelse", "description");
        need(line.unit.is_none(), "enhet", "unit");
        need(line.price.is_none(), "enhetspris", "unit price");
        need(line.quantity.is_none(), "antall", "quantity");
        need(line.amount.is_none(), "linjebeløp", "line amount");
        if !missing_nb.is_empty() {
            out.add_at(
                "MOTTAK-LINE",
                format!("line {label}"),
                format!("Linje {label} mangler {}.", missing_nb.join(", ")),
                format!("Line {label} lacks {}.", missing_en.join(", ")),
            );
        }
        if let Some(expected) = expected_line_amount(line)
            && let Some(stated) = line.amount
            && differs(expected, stated)
        {
            out.add_at(
                        "MOTTAK-LINE-AMOUNT",
                        format!("line {label}"),
                        format!("Linje {label}: beløpet {stated} stemmer ikke med antall × pris = {expected}."),
                        format!("Line {label}: the amount {stated} does not match quantity × price = {expected}."),
                    );
        }
    }
}

/// quantity × price ÷ base quantity + line charges − line allowances, to the øre.
fn expected_line_amount(line: &InvoiceLine) -> Option<Decimal> {
    let quantity = line.quantity?;
    let price = line.price?;
    let base = line
        .base_quantity
        .filter(|b| !b.is_zero())
        .unwrap_or(Decimal::ONE);
    let gross = quantity.checked_mul(price)?.checked_div(base)?;
    let mut net = gross;
    for ac in &line.allowance_charges {
        let amount = ac.amount?;
        net = if ac.is_charge {
            net.checked_add(amount)?
        } else {
            net.checked_sub(amount)?
        };
    }
    Some(round_half_away(net, 2))
}

fn sum(mut values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

fn check_totals(invoice: &Invoice, out: &mut Findings) {
    let totals = &invoice.totals;
    // Net: the lines.
    let line_sum = sum(invoice.lines.iter().map(|l| l.amount));
    if let (Some(line_sum), Some(net)) = (line_sum, totals.line_extension)
        && line_sum != net
    {
        out.add(
            "MOTTAK-NET",
            format!(
                "Summen av linjebeløpene er {line_sum}, men nettobeløpet er oppgitt som {net}."
            ),
            format!(
                "The line amounts add up to {line_sum}, but the net amount is stated as {net}."
            ),
        );
    }

    // VAT: per rate, then in total.
    check_vat(invoice, out);

    // The totals chain.
    let mut broken_nb = Vec::new();
    let mut broken_en = Vec::new();
    let mut required = |value: Option<Decimal>, name: &str| {
        if value.is_none() {
            broken_nb.push(format!("{name} mangler"));
            broken_en.push(format!("{name} is missing"));
        }
        value
    };
    let net = required(totals.line_extension, "LineExtensionAmount");
    let tax_exclusive = required(totals.tax_exclusive, "TaxExclusiveAmount");
    let tax_inclusive = required(totals.tax_inclusive, "TaxInclusiveAmount");
    let payable = required(totals.payable, "PayableAmount");
    let allowances = sum(invoice
        .allowance_charges
        .iter()
        .filter(|a| !a.is_charge)
        .map(|a| a.amount));
    let charges = sum(invoice
        .allowance_charges
        .iter()
        .filter(|a| a.is_charge)
        .map(|a| a.amount));
    let mut compare = |name: &str, stated: Option<Decimal>, computed: Option<Decimal>| {
        if let (Some(stated), Some(computed)) = (stated, computed)
            && stated != computed
        {
            broken_nb.push(format!("{name} er {stated}, men skal være {computed}"));
            broken_en.push(format!("{name} is {stated} but should be {computed}"));
        }
    };
    compare(
        "AllowanceTotalAmount",
        totals.allowance_total.or(Some(Decimal::ZERO)),
        allowances,
    );
    compare(
        "ChargeTotalAmount",
        totals.charge_total.or(Some(Decimal::ZERO)),
        charges,
    );
    let expected_exclusive = (|| net?.checked_sub(allowances?)?.checked_add(charges?))();
    compare("TaxExclusiveAmount", tax_exclusive, expected_exclusive);
    let vat = invoice.tax_total.or(Some(Decimal::ZERO));
    compare(
        "TaxInclusiveAmount",
        tax_inclusive,
        (|| tax_exclusive?.checked_add(vat?))(),
    );
    let prepaid = totals.prepaid.unwrap_or_default();
    let rounding = totals.rounding.unwrap_or_default();
    compare(
        "PayableAmount",
        payable,
        (|| tax_inclusive?.checked_sub(prepaid)?.checked_add(rounding))(),
    );
    if !broken_nb.is_empty() {
        out.add(
            "MOTTAK-TOTAL",
            format!(
                "Totalbeløpene henger ikke sammen: {}.",
                broken_nb.join("; ")
            ),
            format!("The totals do not add up: {}.", broken_en.join("; ")),
        );
    }
}

/// The VAT category/rate of a line, document allowance or charge, as a comparable key.
fn vat_key(category: Option<&str>, percent: Option<Decimal>) -> (String, Decimal) {
    (
        category.unwrap_or_default().trim().to_ascii_uppercase(),
        percent.unwrap_or_default().normalize(),
    )
}

fn check_vat(invoice: &Invoice, out: &mut Findings) {
    let Some(tax_total) = invoice.tax_total else {
        out.add(
            "MOTTAK-VAT",
            "MVA-beløp (cac:TaxTotal/cbc:TaxAmount) mangler.",
            "The VAT amount (cac:TaxTotal/cbc:TaxAmount) is missing.",
        );
        return;
    };
    if invoice.tax_subtotals.is_empty() {
        out.add(
            "MOTTAK-VAT",
            "MVA per sats (cac:TaxSubtotal) mangler.",
            "The VAT breakdown per rate (cac:TaxSubtotal) is missing.",
        );
        return;
    }
    let mut problems_nb = Vec::new();
    let mut problems_en = Vec::new();
    let subtotal_sum = sum(invoice.tax_subtotals.iter().map(|s| s.tax_amount));
    match subtotal_sum {
        Some(s) if s == tax_total => {}
        Some(s) => {
            problems_nb.push(format!(
                "summen per sats er {s}, men total MVA er {tax_total}"
            ));
            problems_en.push(format!(
                "the rates add up to {s}, but the VAT total is {tax_total}"
            ));
        }
        None => {
            problems_nb.push("et MVA-beløp per sats mangler".to_owned());
            problems_en.push("a VAT amount per rate is missing".to_owned());
        }
    }
    for sub in &invoice.tax_subtotals {
        let key = vat_key(sub.category.as_deref(), sub.percent);
        let rate = key.1;
        let label = format!("{} {}%", key.0, rate);
        let Some(taxable) = sub.taxable_amount else {
            problems_nb.push(format!("{label}: grunnlag mangler"));
            problems_en.push(format!("{label}: taxable amount missing"));
            continue;
        };
        if let Some(tax) = sub.tax_amount {
            let expected = taxable
                .checked_mul(rate)
                .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                .map(|v| round_half_away(v, 2));
            if let Some(expected) = expected
                && differs(expected, tax)
            {
                problems_nb.push(format!(
                    "{label}: MVA er {tax}, men {taxable} × {rate}% = {expected}"
                ));
                problems_en.push(format!(
                    "{label}: VAT is {tax}, but {taxable} × {rate}% = {expected}"
                ));
            }
        }
        // The basis of each rate: its lines, plus its charges, less its allowances.
        let lines = sum(invoice
            .lines
            .iter()
            .filter(|l| vat_key(l.tax_category.as_deref(), l.tax_percent) == key)
            .map(|l| l.amount));
        let doc = sum(invoice
            .allowance_charges
            .iter()
            .filter(|a| vat_key(a.tax_category.as_deref(), a.tax_percent) == key)
            .map(|a| a.amount.map(|v| if a.is_charge { v } else { -v })));
        if let Some(basis) = lines.zip(doc).and_then(|(l, d)| l.checked_add(d))
            && basis != taxable
        {
            problems_nb.push(format!(
                "{label}: grunnlaget er {taxable}, men linjene gir {basis}"
            ));
            problems_en.push(format!(
                "{label}: the taxable amount is {taxable}, but the lines give {basis}"
            ));
        }
    }
    if !problems_nb.is_empty() {
        out.add(
            "MOTTAK-VAT",
            format!("MVA stemmer ikke: {}.", problems_nb.join("; ")),
            format!("VAT does not add up: {}.", problems_en.join("; ")),
        );
    }
}

fn check_attachments(invoice: &Invoice, out: &mut Findings) {
    for (index, att) in invoice.attachments.iter().enumerate() {
        let name = att
            .filename
            .clone()
            .or_else(|| att.id.clone())
            .unwrap_or_else(|| format!("#{}", index + 1));
        let location = format!("attachment {name}");
        match &att.problem {
            None => {}
            Some(AttachmentProblem::CorruptBase64 { detail }) => out.add_at(
                "MOTTAK-ATTACHMENT",
                location,
                format!("Vedlegget «{name}» er ikke gyldig Base64 ({detail})."),
                format!("The attachment «{name}» is not valid Base64 ({detail})."),
            ),
            Some(AttachmentProblem::TooLarge { size, limit }) => out.add_at(
                "MOTTAK-ATTACHMENT",
                location,
                format!("Vedlegget «{name}» er for stort ({size} byte, grensen er {limit})."),
                format!("The attachment «{name}» is too large ({size} bytes, the limit is {limit})."),
            ),
            Some(AttachmentProblem::TypeMismatch { declared, detected }) => out.add_at(
                "MOTTAK-ATTACHMENT-TYPE",
                location,
                format!("Vedlegget «{name}» er oppgitt som {declared}, men innholdet er {detected}."),
                format!("The attachment «{name}» is declared as {declared}, but its content is {detected}."),
            ),
            Some(AttachmentProblem::MimeNotAllowed { declared }) => out.add_at(
                "MOTTAK-ATTACHMENT-TYPE",
                location,
                format!("Vedlegget «{name}» har typen {declared}, som Peppol BIS ikke tillater."),
                format!("The attachment «{name}» has the type {declared}, which Peppol BIS does not allow."),
            ),
        }
    }
}

/// Whether two amounts differ by more than the tolerance. Amounts near the limits of the
/// decimal type cannot be subtracted: they count as different, never as a panic.
fn differs(a: Decimal, b: Decimal) -> bool {
    a.checked_sub(b).is_none_or(|d| d.abs() > TOLERANCE)
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}
