//! Posting: an approved invoice becomes a balanced double-entry journal entry.
//!
//! Debits are positive, credits negative; the lines of an entry sum to zero. An invoice
//! debits an expense account per line (or a configured account), charges and allowances,
//! input VAT per rate, and credits accounts payable with the total; a credit note is the
//! exact reverse. Accounts follow the Norwegian standard chart (NS 4102) by default and are
//! configurable ([`AccountMap`]).
//!
//! Posting checks the amounts it relies on itself (they must be present, in whole øre, and
//! add up to the stated total); the validator normally rejected such invoices already.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::ids::CurrencyCode;
use crate::model::{DocumentKind, Invoice, InvoiceLine};

/// A ledger account code, e.g. `2400`. Configuration may give it as a number or a string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Account(String);

impl Account {
    /// An account code: non-empty, at most 20 characters, letters, digits, `.` or `-`.
    pub fn parse(code: &str) -> Result<Account, String> {
        let code = code.trim();
        let valid = !code.is_empty()
            && code.len() <= 20
            && code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if valid {
            Ok(Account(code.to_owned()))
        } else {
            Err(format!("«{code}» is not an account code"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Account {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Account, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Account;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an account code such as 2400")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Account, E> {
                Account::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Account, E> {
                Account::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Account, E> {
                Account::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn account(code: &str) -> Account {
    Account(code.to_owned())
}

/// Which ledger account each part of an invoice goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AccountMap {
    /// Accounts payable (leverandørgjeld).
    pub payable: Account,
    /// Expense account for lines no other mapping catches.
    pub default_expense: Account,
    /// Expense account by item classification code prefix (e.g. UNSPSC `43` → `6540`);
    /// the longest matching prefix wins.
    pub expense_by_classification: BTreeMap<String, Account>,
    /// Use the line's buyer accounting reference (`cbc:AccountingCost`) as the account when it
    /// is one of these accounts.
    pub accounting_cost_accounts: Vec<Account>,
    /// Input VAT account by rate (`"25"`, `"15"`, `"12"`, ...).
    pub input_vat_by_rate: BTreeMap<String, Account>,
    /// Input VAT at rates not in `input_vat_by_rate`.
    pub input_vat_other: Account,
    /// Document-level charges (fees such as an environmental fee, freight).
    pub charges: Account,
    /// Document-level allowances (discounts).
    pub allowances: Account,
    /// Payable rounding (øreavrunding).
    pub rounding: Account,
    /// Advance payments to suppliers, cleared by an invoice's PrepaidAmount.
    pub prepayments: Account,
}

impl Default for AccountMap {
    fn default() -> Self {
        AccountMap {
            payable: account("2400"),
            default_expense: account("4000"),
            expense_by_classification: BTreeMap::new(),
            accounting_cost_accounts: Vec::new(),
            input_vat_by_rate: [("25", "2710"), ("15", "2711"), ("12", "2712")]
                .into_iter()
                .map(|(rate, code)| (rate.to_owned(), account(code)))
                .collect(),
            input_vat_other: account("2719"),
            charges: account("7790"),
            allowances: account("4090"),
            rounding: account("7740"),
            prepayments: account("1580"),
        }
    }
}

impl AccountMap {
    fn expense_for(&self, line: &InvoiceLine) -> &Account {
        if let Some(cost) = line.accounting_cost.as_deref().map(str::trim)
            && let Some(account) = self
                .accounting_cost_accounts
                .iter()
                .find(|a| a.as_str() == cost)
        {
            return account;
        }
        let mut best: Option<(&str, &Account)> = None;
        for code in &line.classifications {
            for (prefix, account) in &self.expense_by_classification {
                if code.value.starts_with(prefix.as_str())
                    && best.is_none_or(|(p, _)| prefix.len() > p.len())
                {
                    best = Some((prefix, account));
                }
            }
        }
        best.map(|(_, account)| account)
            .unwrap_or(&self.default_expense)
    }

    fn input_vat_for(&self, rate: Decimal) -> &Account {
        let key = rate.normalize().to_string();
        self.input_vat_by_rate
            .get(&key)
            .unwrap_or(&self.input_vat_other)
    }
}

/// One line of a journal entry: a positive amount is a debit, a negative one a credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalLine {
    pub account: String,
    pub amount: Decimal,
    pub description: String,
    /// The VAT rate for input-VAT lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<Decimal>,
}

/// A balanced vendor-bill entry, in the document currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub kind: DocumentKind,
    pub date: Date,
    pub currency: CurrencyCode,
    /// Amount still owed to the supplier, i.e. the PayableAmount (negative for a credit
    /// note: the supplier owes us).
    pub payable: Decimal,
    pub lines: Vec<JournalLine>,
}

impl PostingError {
    /// The same, in bokmål, for the clerk.
    pub fn nb(&self) -> String {
        match self {
            PostingError::Missing(what) => format!("{what} mangler"),
            PostingError::Currency(code) => format!("valutaen «{code}» er ikke en ISO 4217-kode"),
            PostingError::Precision { what, amount } => {
                format!("{what} {amount} har flere desimaler enn valutaen tillater")
            }
            PostingError::Overflow => "beløpene er for store".to_owned(),
            PostingError::TotalMismatch { computed, stated } => format!(
                "posteringen ville kreditere leverandørgjeld med {computed}, men fakturaen oppgir {stated}"
            ),
        }
    }
}

impl JournalEntry {
    /// Σ amounts: zero for every entry [`journal_entry`] makes.
    pub fn balance(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostingError {
    #[error("{0} is missing")]
    Missing(&'static str),
    #[error("the currency {0:?} is not an ISO 4217 code")]
    Currency(String),
    #[error("{what} {amount} has more decimals than the currency allows")]
    Precision { what: String, amount: Decimal },
    #[error("the amounts overflow")]
    Overflow,
    #[error("the entry would credit {computed} to payables, but the invoice states {stated}")]
    TotalMismatch { computed: Decimal, stated: Decimal },
}

/// `amount` written with exactly the currency's decimals (`658.8` → `658.80`), as ERPs
/// expect; callers have checked that no precision is lost.
fn to_scale(amount: Decimal, dp: u32) -> Decimal {
    let mut amount = amount.normalize();
    amount.rescale(dp);
    amount
}

/// Make the journal entry for an approved invoice or credit note.
pub fn journal_entry(
    invoice: &Invoice,
    accounts: &AccountMap,
) -> Result<JournalEntry, PostingError> {
    let date = invoice
        .issue_date
        .ok_or(PostingError::Missing("the issue date"))?;
    let currency_code = invoice
        .currency
        .as_deref()
        .ok_or(PostingError::Missing("the currency"))?;
    let currency = CurrencyCode::parse(currency_code)
        .map_err(|_| PostingError::Currency(currency_code.to_owned()))?;
    let dp = currency.minor_units();
    let sign = match invoice.kind {
        DocumentKind::Invoice => Decimal::ONE,
        DocumentKind::CreditNote => Decimal::NEGATIVE_ONE,
    };
    let mut lines = Vec::new();
    let mut push =
        |account: &Account, amount: Decimal, description: String, vat_rate: Option<Decimal>| {
            if amount.scale() > dp && amount.normalize().scale() > dp {
                return Err(PostingError::Precision {
                    what: description,
                    amount,
                });
            }
            if !amount.is_zero() {
                lines.push(JournalLine {
                    account: account.to_string(),
                    amount: to_scale(amount * sign, dp),
                    description,
                    vat_rate,
                });
            }
            Ok(())
        };

    for (index, line) in invoice.lines.iter().enumerate() {
        let amount = line.amount.ok_or(PostingError::Missing("a line amount"))?;
        let label = line.id.clone().unwrap_or_else(|| (index + 1).to_string());
        let description = format!("{label}: {}", line.description().unwrap_or_default());
        push(accounts.expense_for(line), amount, description, None)?;
    }
    for ac in &invoice.allowance_charges {
        let amount = ac
            .amount
            .ok_or(PostingError::Missing("an allowance or charge amount"))?;
        let reason = ac
            .reason
            .clone()
            .or(ac.reason_code.clone())
            .unwrap_or_default();
        if ac.is_charge {
            push(&accounts.charges, amount, format!("charge: {reason}"), None)?;
        } else {
            push(
                &accounts.allowances,
                -amount,
                format!("allowance: {reason}"),
                None,
            )?;
        }
    }
    for sub in &invoice.tax_subtotals {
        let tax = sub
            .tax_amount
            .ok_or(PostingError::Missing("a VAT amount per rate"))?;
        let rate = sub.percent.unwrap_or_default();
        let category = sub.category.clone().unwrap_or_default();
        push(
            accounts.input_vat_for(rate),
            tax,
            format!("input VAT {category} {}%", rate.normalize()),
            Some(rate.normalize()),
        )?;
    }
    let rounding = invoice.totals.rounding.unwrap_or_default();
    push(
        &accounts.rounding,
        rounding,
        "payable rounding".to_owned(),
        None,
    )?;

    let debits: Decimal = lines
        .iter()
        .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount))
        .ok_or(PostingError::Overflow)?;
    let stated = invoice
        .totals
        .tax_inclusive
        .ok_or(PostingError::Missing("the total including VAT"))?
        .checked_add(rounding)
        .ok_or(PostingError::Overflow)?;
    if debits != stated * sign {
        return Err(PostingError::TotalMismatch {
            computed: debits * sign,
            stated,
        });
    }
    let supplier = invoice.supplier_name().unwrap_or_default();
    let number = invoice.number.as_deref().unwrap_or_default();
    // What was paid in advance clears the prepayment account; payables get the rest, which
    // is the invoice's PayableAmount.
    let prepaid = invoice.totals.prepaid.unwrap_or_default();
    let payable = debits
        .checked_sub(prepaid.checked_mul(sign).ok_or(PostingError::Overflow)?)
        .ok_or(PostingError::Overflow)?;
    if !prepaid.is_zero() {
        if prepaid.scale() > dp && prepaid.normalize().scale() > dp {
            return Err(PostingError::Precision {
                what: "prepaid amount".into(),
                amount: prepaid,
            });
        }
        lines.push(JournalLine {
            account: accounts.prepayments.to_string(),
            amount: to_scale(-(prepaid * sign), dp),
            description: format!("prepaid: {supplier} {} {number}", invoice.kind),
            vat_rate: None,
        });
    }
    lines.push(JournalLine {
        account: accounts.payable.to_string(),
        amount: to_scale(-payable, dp),
        description: format!("{supplier} {} {number}", invoice.kind),
        vat_rate: None,
    });
    Ok(JournalEntry {
        kind: invoice.kind,
        date,
        currency,
        payable: to_scale(payable, dp),
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AllowanceCharge, MonetaryTotals, TaxSubtotal};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    fn line(id: &str, amount: &str) -> InvoiceLine {
        InvoiceLine {
            id: Some(id.into()),
            item_name: Some(format!("item {id}")),
            amount: Some(d(amount)),
            ..InvoiceLine::default()
        }
    }

    /// An invoice with the given line amounts at 25 % VAT, totals consistent.
    fn invoice(kind: DocumentKind, amounts: &[&str]) -> Invoice {
        let mut invoice = Invoice::empty(kind);
        invoice.issue_date = Some(time::macros::date!(2026 - 11 - 02));
        invoice.currency = Some("NOK".into());
        invoice.number = Some("F-1".into());
        invoice.lines = amounts
            .iter()
            .enumerate()
            .map(|(i, a)| line(&(i + 1).to_string(), a))
            .collect();
        let net: Decimal = invoice.lines.iter().filter_map(|l| l.amount).sum();
        let vat = crate::money::round_half_away(net * d("0.25"), 2);
        invoice.tax_subtotals = vec![TaxSubtotal {
            taxable_amount: Some(net),
            tax_amount: Some(vat),
            category: Some("S".into()),
            percent: Some(d("25")),
            ..TaxSubtotal::default()
        }];
        invoice.tax_total = Some(vat);
        invoice.totals = MonetaryTotals {
            line_extension: Some(net),
            tax_exclusive: Some(net),
            tax_inclusive: Some(net + vat),
            payable: Some(net + vat),
            ..MonetaryTotals::default()
        };
        invoice
    }

    fn amounts(entry: &JournalEntry) -> Vec<(String, String)> {
        entry
            .lines
            .iter()
            .map(|l| (l.account.clone(), l.amount.to_string()))
            .collect()
    }

    #[test]
    fn an_invoice_debits_expense_and_input_vat_and_credits_payables() {
        let entry = journal_entry(
            &invoice(DocumentKind::Invoice, &["100.00", "58.8"]),
            &AccountMap::default(),
        )
        .expect("postable");
        assert_eq!(
            amounts(&entry),
            [
                ("4000", "100.00"),
                ("4000", "58.80"),
                ("2710", "39.70"),
                ("2400", "-198.50")
            ]
            .map(|(a, v)| (a.to_owned(), v.to_owned()))
        );
        assert_eq!(entry.balance(), Decimal::ZERO);
        assert_eq!(entry.payable, d("198.50"));
    }

    #[test]
    fn a_credit_note_is_the_exact_reverse() {
        let accounts = AccountMap::default();
        let invoice_entry = journal_entry(&invoice(DocumentKind::Invoice, &["100.00"]), &accounts)
            .expect("invoice");
        let credit_entry =
            journal_entry(&invoice(DocumentKind::CreditNote, &["100.00"]), &accounts)
                .expect("credit");
        for (i, c) in invoice_entry.lines.iter().zip(&credit_entry.lines) {
            assert_eq!(i.account, c.account);
            assert_eq!(i.amount, -c.amount);
        }
        assert_eq!(credit_entry.payable, d("-125.00"));
    }

    #[test]
    fn charges_allowances_and_rounding_get_their_accounts() {
        let mut inv = invoice(DocumentKind::Invoice, &["100.00"]);
        inv.allowance_charges = vec![
            AllowanceCharge {
                is_charge: true,
                amount: Some(d("10.00")),
                reason: Some("Miljøgebyr".into()),
                ..AllowanceCharge::default()
            },
            AllowanceCharge {
                is_charge: false,
                amount: Some(d("5.00")),
                reason: Some("Rabatt".into()),
                ..AllowanceCharge::default()
            },
        ];
        // VAT 25 % of 105.00 = 26.25; total 131.25, rounded down to 131.00 payable.
        inv.tax_subtotals[0].taxable_amount = Some(d("105.00"));
        inv.tax_subtotals[0].tax_amount = Some(d("26.25"));
        inv.tax_total = Some(d("26.25"));
        inv.totals.tax_exclusive = Some(d("105.00"));
        inv.totals.tax_inclusive = Some(d("131.25"));
        inv.totals.rounding = Some(d("-0.25"));
        inv.totals.payable = Some(d("131.00"));
        let entry = journal_entry(&inv, &AccountMap::default()).expect("postable");
        assert_eq!(
            amounts(&entry),
            [
                ("4000", "100.00"),
                ("7790", "10.00"),
                ("4090", "-5.00"),
                ("2710", "26.25"),
                ("7740", "-0.25"),
                ("2400", "-131.00")
            ]
            .map(|(a, v)| (a.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn classification_prefixes_and_accounting_cost_choose_the_expense_account() {
        let mut accounts = AccountMap::default();
        accounts
            .expense_by_classification
            .insert("43".into(), Account::parse("6540").expect("account"));
        accounts
            .expense_by_classification
            .insert("4321".into(), Account::parse("6551").expect("account"));
        accounts
            .accounting_cost_accounts
            .push(Account::parse("6300").expect("account"));
        let mut inv = invoice(DocumentKind::Invoice, &["10.00", "20.00", "30.00"]);
        inv.lines[0].classifications.push(crate::model::Identifier {
            value: "43211503".into(),
            scheme: None,
        });
        inv.lines[1].classifications.push(crate::model::Identifier {
            value: "43999999".into(),
            scheme: None,
        });
        inv.lines[2].accounting_cost = Some("6300".into());
        let entry = journal_entry(&inv, &accounts).expect("postable");
        let expense: Vec<&str> = entry
            .lines
            .iter()
            .take(3)
            .map(|l| l.account.as_str())
            .collect();
        assert_eq!(expense, ["6551", "6540", "6300"]);
    }

    #[test]
    fn a_prepaid_amount_clears_prepayments_and_payables_get_the_rest() {
        let mut inv = invoice(DocumentKind::Invoice, &["1000.00"]);
        inv.totals.prepaid = Some(d("250.00"));
        inv.totals.payable = Some(d("1000.00"));
        let entry = journal_entry(&inv, &AccountMap::default()).expect("postable");
        assert_eq!(
            amounts(&entry),
            [
                ("4000", "1000.00"),
                ("2710", "250.00"),
                ("1580", "-250.00"),
                ("2400", "-1000.00")
            ]
            .map(|(a, v)| (a.to_owned(), v.to_owned()))
        );
        assert_eq!(entry.payable, d("1000.00"));
        assert_eq!(entry.balance(), Decimal::ZERO);
    }

    #[test]
    fn an_entry_that_would_not_match_the_stated_total_is_refused() {
        let mut inv = invoice(DocumentKind::Invoice, &["100.00"]);
        inv.totals.tax_inclusive = Some(d("126.00"));
        assert!(matches!(
            journal_entry(&inv, &AccountMap::default()),
            Err(PostingError::TotalMismatch { .. })
        ));
        let mut inv = invoice(DocumentKind::Invoice, &["100.001"]);
        inv.totals.tax_inclusive = Some(d("125.00"));
        assert!(matches!(
            journal_entry(&inv, &AccountMap::default()),
            Err(PostingError::Precision { .. })
        ));
    }

    proptest! {
        #[test]
        fn every_entry_balances(cents in proptest::collection::vec(-10_000_000i64..10_000_000, 1..40), credit in any::<bool>()) {
            let amounts: Vec<String> = cents.iter().map(|c| Decimal::new(*c, 2).to_string()).collect();
            let refs: Vec<&str> = amounts.iter().map(String::as_str).collect();
            let kind = if credit { DocumentKind::CreditNote } else { DocumentKind::Invoice };
            let entry = journal_entry(&invoice(kind, &refs), &AccountMap::default()).expect("postable");
            prop_assert_eq!(entry.balance(), Decimal::ZERO);
            for line in &entry.lines {
                prop_assert_eq!(line.amount.scale(), 2);
            }
        }
    }
}
