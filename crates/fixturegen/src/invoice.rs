//! The invoices the fixtures print: suppliers, lines and the amounts derived from them.
//!
//! Every amount is computed here, once, and the PDF text layer, the embedded CII/UBL, the
//! raster scans and the manifest all read it from here, so they cannot disagree: a line amount
//! is quantity × price (refused when that needs more than two decimals), the net is the sum of
//! the lines, the VAT per rate is rounded half away from zero to the øre, the total is net + VAT.

use anyhow::{Result, bail};
use mottak_invoice::money::round_half_away;
use rust_decimal::Decimal;
use time::Date;

use crate::checks::{dotted_account, grouped_org};

/// The receiver, as every fixture invoice addresses it.
pub(crate) const BUYER_NAME: &str = "Digitools AS";
pub(crate) const BUYER_ORG: &str = "931235184";
pub(crate) const BUYER_STREET: &str = "Sandakerveien 138";
pub(crate) const BUYER_POSTCODE: &str = "0484";
pub(crate) const BUYER_CITY: &str = "Oslo";

#[derive(Debug, Clone)]
pub(crate) struct Supplier {
    pub(crate) name: &'static str,
    pub(crate) street: &'static str,
    pub(crate) postcode: &'static str,
    pub(crate) city: &'static str,
    /// 9 digits, valid MOD11.
    pub(crate) org: String,
    /// 11 digits, valid MOD11.
    pub(crate) account: String,
    pub(crate) phone: &'static str,
    pub(crate) email: &'static str,
}

impl Supplier {
    /// `NO 912 345 678 MVA`, as Norwegian invoices print the VAT registration.
    pub(crate) fn printed_vat(&self) -> String {
        format!("NO {} MVA", grouped_org(&self.org))
    }

    /// `NO912345678MVA`, the normalised VAT identifier.
    pub(crate) fn vat_id(&self) -> String {
        format!("NO{}MVA", self.org)
    }

    pub(crate) fn printed_account(&self) -> String {
        dotted_account(&self.account)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) description: &'static str,
    pub(crate) quantity: Decimal,
    /// The unit as printed (`stk`, `timer`, `mnd`).
    pub(crate) unit: &'static str,
    /// The UN/ECE Recommendation 20 code for the structured formats (`EA`, `HUR`, `MON`).
    pub(crate) unit_code: &'static str,
    pub(crate) price: Decimal,
    /// Percent, e.g. 25.
    pub(crate) vat_rate: Decimal,
}

impl Line {
    pub(crate) fn amount(&self) -> Decimal {
        self.quantity * self.price
    }
}

/// One VAT rate's share of an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VatGroup {
    pub(crate) rate: Decimal,
    pub(crate) base: Decimal,
    pub(crate) vat: Decimal,
}

#[derive(Debug, Clone)]
pub(crate) struct Invoice {
    pub(crate) supplier: Supplier,
    pub(crate) number: &'static str,
    pub(crate) issue: Date,
    pub(crate) due: Date,
    /// `Deres ref.`: the buyer's reference.
    pub(crate) buyer_reference: Option<&'static str>,
    /// `Vår ref.`: the seller's own contact.
    pub(crate) seller_reference: Option<&'static str>,
    /// `Bestillingsnr.`: the buyer's order number.
    pub(crate) order_reference: Option<&'static str>,
    /// `Att.`: the contact person at the buyer.
    pub(crate) contact: Option<&'static str>,
    pub(crate) kid: Option<String>,
    pub(crate) lines: Vec<Line>,
}

impl Invoice {
    /// Refuse an invoice whose printed amounts could not be exact.
    pub(crate) fn check(&self) -> Result<()> {
        if self.lines.is_empty() {
            bail!("{}: an invoice needs lines", self.number);
        }
        for line in &self.lines {
            let amount = line.amount().normalize();
            if amount.scale() > 2 || line.price.normalize().scale() > 2 {
                bail!(
                    "{}: line {:?}: {} × {} needs more than two decimals",
                    self.number,
                    line.description,
                    line.quantity,
                    line.price
                );
            }
        }
        if self.due < self.issue {
            bail!("{}: due before issue", self.number);
        }
        Ok(())
    }

    pub(crate) fn net(&self) -> Decimal {
        self.lines.iter().map(Line::amount).sum()
    }

    /// VAT per rate, highest rate first, as invoices print it.
    pub(crate) fn vat_groups(&self) -> Vec<VatGroup> {
        let mut rates: Vec<Decimal> = self.lines.iter().map(|l| l.vat_rate).collect();
        rates.sort_by(|a, b| b.cmp(a));
        rates.dedup();
        rates
            .into_iter()
            .map(|rate| {
                let base: Decimal = self
                    .lines
                    .iter()
                    .filter(|l| l.vat_rate == rate)
                    .map(Line::amount)
                    .sum();
                let vat = round_half_away(base * rate / Decimal::ONE_HUNDRED, 2);
                VatGroup { rate, base, vat }
            })
            .collect()
    }

    pub(crate) fn vat(&self) -> Decimal {
        self.vat_groups().iter().map(|g| g.vat).sum()
    }

    pub(crate) fn payable(&self) -> Decimal {
        self.net() + self.vat()
    }

    /// What a reader of the text layer should capture, under the capture engineer's names,
    /// for the fields this invoice prints.
    pub(crate) fn captured(&self) -> Vec<(&'static str, CapturedValue)> {
        use CapturedValue::{Count, Text};
        let mut out = vec![
            ("invoice_number", Text(self.number.to_owned())),
            ("issue_date", Text(iso(self.issue))),
            ("due_date", Text(iso(self.due))),
            ("supplier_name", Text(self.supplier.name.to_owned())),
            ("supplier_org", Text(self.supplier.org.clone())),
            ("supplier_vat", Text(self.supplier.vat_id())),
            ("bank_account", Text(self.supplier.account.clone())),
        ];
        if let Some(kid) = &self.kid {
            out.push(("kid", Text(kid.clone())));
        }
        out.push(("currency", Text("NOK".to_owned())));
        out.push(("buyer_name", Text(BUYER_NAME.to_owned())));
        out.push(("buyer_org", Text(BUYER_ORG.to_owned())));
        for (name, value) in [
            ("buyer_reference", self.buyer_reference),
            ("seller_reference", self.seller_reference),
            ("order_reference", self.order_reference),
            ("contact", self.contact),
        ] {
            if let Some(value) = value {
                out.push((name, Text(value.to_owned())));
            }
        }
        out.push(("net_amount", Text(plain(self.net()))));
        out.push(("vat_amount", Text(plain(self.vat()))));
        out.push(("payable_amount", Text(plain(self.payable()))));
        out.push(("lines", Count(self.lines.len())));
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CapturedValue {
    Text(String),
    Count(usize),
}

/// How a PDF prints amounts. The manifest always has the plain form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbers {
    /// `12 345,50`
    SpaceGrouped,
    /// `12.345,50`
    DotGrouped,
    /// `12345,50`
    Ungrouped,
}

impl Numbers {
    pub(crate) fn amount(self, value: Decimal) -> String {
        let plain = plain(value);
        let (sign, plain) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest.to_owned()),
            None => ("", plain),
        };
        let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), "00"));
        let sep = match self {
            Numbers::SpaceGrouped => " ",
            Numbers::DotGrouped => ".",
            Numbers::Ungrouped => "",
        };
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        format!("{sign}{grouped},{frac}")
    }

    /// A quantity: `2`, `2,5`.
    pub(crate) fn quantity(self, value: Decimal) -> String {
        value.normalize().to_string().replace('.', ",")
    }
}

/// A decimal from a literal in this generator's own data.
pub(crate) fn d(literal: &str) -> Decimal {
    Decimal::from_str_exact(literal).expect("the fixture data holds decimal literals only")
}

/// `12345.50`: two decimals, no grouping, as the manifest and the structured formats write it.
pub(crate) fn plain(value: Decimal) -> String {
    let mut v = round_half_away(value, 2);
    v.rescale(2);
    v.to_string()
}

/// A VAT rate as printed and in XML: `25`, `15`, `12.5`.
pub(crate) fn rate(value: Decimal) -> String {
    value.normalize().to_string()
}

pub(crate) fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// `14.04.2026`
pub(crate) fn norwegian(date: Date) -> String {
    format!(
        "{:02}.{:02}.{:04}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// `20260414`, CII's format 102.
pub(crate) fn compact(date: Date) -> String {
    iso(date).replace('-', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_the_norwegian_ways() {
        assert_eq!(Numbers::SpaceGrouped.amount(d("1234567.5")), "1 234 567,50");
        assert_eq!(Numbers::DotGrouped.amount(d("12345.5")), "12.345,50");
        assert_eq!(Numbers::Ungrouped.amount(d("980")), "980,00");
        assert_eq!(Numbers::SpaceGrouped.amount(d("-45.1")), "-45,10");
        assert_eq!(Numbers::SpaceGrouped.quantity(d("2.50")), "2,5");
        assert_eq!(plain(d("5976.125")), "5976.13");
    }
}
