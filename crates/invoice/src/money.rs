//! Money: an amount in a currency, commercial rounding, and conversion to integer minor units
//! (øre, cent) for the ledger.
//!
//! Invoices round half away from zero ("commercial rounding"), while rust_decimal's
//! `round_dp` rounds half to even, so all rounding here goes through [`round_half_away`].

use std::fmt;
use std::ops::Neg;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::ids::CurrencyCode;

/// Rounds `amount` to `dp` decimals, halves away from zero: 2.345 → 2.35, -2.345 → -2.35.
/// An amount with `dp` or fewer decimals is returned unchanged (its scale is kept).
pub fn round_half_away(amount: Decimal, dp: u32) -> Decimal {
    amount.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `amount` as an integer count of units of 10^-dp (e.g. øre for dp = 2: 12.34 → 1234).
/// `None` if the amount has more significant decimals than `dp` (trailing zeros do not
/// count: 12.340 is fine at dp = 2) or the result does not fit in an `i64`. Never rounds,
/// because a ledger that silently drops fractions of an øre stops balancing.
pub fn minor_units(amount: Decimal, dp: u32) -> Option<i64> {
    to_minor(amount, dp).ok()
}

enum MinorError {
    TooManyDecimals,
    Overflow,
}

fn to_minor(amount: Decimal, dp: u32) -> Result<i64, MinorError> {
    let normalized = amount.normalize();
    let scale = normalized.scale();
    if scale > dp {
        return Err(MinorError::TooManyDecimals);
    }
    let factor = 10i128.checked_pow(dp - scale).ok_or(MinorError::Overflow)?;
    let units = normalized
        .mantissa()
        .checked_mul(factor)
        .ok_or(MinorError::Overflow)?;
    i64::try_from(units).map_err(|_| MinorError::Overflow)
}

/// Why a money operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("cannot combine an amount in {left} with an amount in {right}")]
    CurrencyMismatch {
        left: CurrencyCode,
        right: CurrencyCode,
    },
    #[error("{amount} {currency} has more decimals than the {minor_units} the currency allows")]
    TooManyDecimals {
        amount: Decimal,
        currency: CurrencyCode,
        minor_units: u32,
    },
    #[error("the amount is out of range")]
    Overflow,
}

/// An amount in a currency. The amount is kept exactly as given (an invoice line may carry
/// more decimals than the currency's minor unit); rounding and conversion are explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    amount: Decimal,
    currency: CurrencyCode,
}

impl Money {
    pub fn new(amount: Decimal, currency: CurrencyCode) -> Self {
        Money { amount, currency }
    }

    /// An amount given in minor units, e.g. 1234 øre → 12.34 NOK.
    pub fn from_minor_units(units: i64, currency: CurrencyCode) -> Self {
        // Cannot panic: Decimal::new only panics for scales above 28 and a currency has at
        // most 4 minor-unit digits (checked by a test on the currency table).
        Money {
            amount: Decimal::new(units, currency.minor_units()),
            currency,
        }
    }

    pub fn amount(&self) -> Decimal {
        self.amount
    }

    pub fn currency(&self) -> CurrencyCode {
        self.currency
    }

    /// The amount in integer minor units (12.34 NOK → 1234). Fails rather than rounds if the
    /// amount has more decimals than the currency allows.
    pub fn to_minor_units(&self) -> Result<i64, MoneyError> {
        to_minor(self.amount, self.currency.minor_units()).map_err(|e| match e {
            MinorError::TooManyDecimals => MoneyError::TooManyDecimals {
                amount: self.amount,
                currency: self.currency,
                minor_units: self.currency.minor_units(),
            },
            MinorError::Overflow => MoneyError::Overflow,
        })
    }

    /// The amount rounded half away from zero to the currency's minor units.
    pub fn rounded(&self) -> Money {
        Money {
            amount: round_half_away(self.amount, self.currency.minor_units()),
            ..*self
        }
    }

    /// `self + other`; both must be in the same currency.
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { amount, ..*self })
    }

    /// `self - other`; both must be in the same currency.
    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { amount, ..*self })
    }

    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }
}

/// Negation cannot overflow: a Decimal's range is symmetric around zero.
impl Neg for Money {
    type Output = Money;

    fn neg(self) -> Money {
        Money {
            amount: -self.amount,
            ..self
        }
    }
}

/// "1234.50 NOK": rounded half away from zero and padded to the currency's minor units, no
/// thousands separator (the output is for logs and clerks' tooltips, not for parsing).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let units = self.currency.minor_units();
        let mut shown = round_half_away(self.amount, units);
        shown.rescale(units);
        // -0.004 rounds to a negative zero; "-0.00 NOK" would read as a debt.
        if shown.is_zero() {
            shown.set_sign_positive(true);
        }
        write!(f, "{shown} {}", self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        s.parse()
            .unwrap_or_else(|e| panic!("bad decimal literal {s:?}: {e}"))
    }

    fn currency(code: &str) -> CurrencyCode {
        CurrencyCode::parse(code).unwrap_or_else(|e| panic!("bad currency {code:?}: {e}"))
    }

    #[test]
    fn round_half_away_table() {
        let cases = [
            ("2.5", 0, "3"),
            ("3.5", 0, "4"),
            ("-2.5", 0, "-3"),
            ("2.4999", 0, "2"),
            ("0.125", 2, "0.13"),
            ("1.005", 2, "1.01"),
            ("-1.005", 2, "-1.01"),
            ("2.345", 2, "2.35"),
            ("-0.004", 2, "0.00"),
            ("1.2", 2, "1.2"),
            ("123.4550", 2, "123.46"),
            ("0.5", 0, "1"),
        ];
        for (input, dp, expected) in cases {
            assert_eq!(
                round_half_away(dec(input), dp),
                dec(expected),
                "{input} at {dp}"
            );
        }
        // rust_decimal's default is banker's rounding; make sure we differ where it matters.
        assert_eq!(dec("2.5").round_dp(0), dec("2"));
    }

    #[test]
    fn minor_units_table() {
        let cases: [(&str, u32, Option<i64>); 9] = [
            ("12.34", 2, Some(1234)),
            ("12.340", 2, Some(1234)),
            ("12.3", 2, Some(1230)),
            ("-0.01", 2, Some(-1)),
            ("12", 0, Some(12)),
            ("12.345", 2, None),
            ("0.5", 0, None),
            ("92233720368547758.07", 2, Some(i64::MAX)),
            ("92233720368547758.08", 2, None),
        ];
        for (input, dp, expected) in cases {
            assert_eq!(minor_units(dec(input), dp), expected, "{input} at {dp}");
        }
        assert_eq!(minor_units(Decimal::ONE, 40), None);
    }

    #[test]
    fn money_minor_units() {
        let nok = CurrencyCode::NOK;
        assert_eq!(Money::new(dec("12.34"), nok).to_minor_units(), Ok(1234));
        assert_eq!(
            Money::new(dec("1500"), currency("JPY")).to_minor_units(),
            Ok(1500)
        );
        assert_eq!(
            Money::new(dec("1.234"), currency("KWD")).to_minor_units(),
            Ok(1234)
        );
        assert_eq!(
            Money::new(dec("12.345"), nok).to_minor_units(),
            Err(MoneyError::TooManyDecimals {
                amount: dec("12.345"),
                currency: nok,
                minor_units: 2
            })
        );
        assert_eq!(
            Money::new(Decimal::MAX, nok).to_minor_units(),
            Err(MoneyError::Overflow)
        );
        assert_eq!(Money::from_minor_units(1234, nok).amount(), dec("12.34"));
        assert_eq!(
            Money::from_minor_units(-5, currency("BHD")).amount(),
            dec("-0.005")
        );
    }

    #[test]
    fn money_arithmetic() {
        let nok = CurrencyCode::NOK;
        let a = Money::new(dec("100.10"), nok);
        let b = Money::new(dec("0.905"), nok);
        assert_eq!(a.checked_add(&b), Ok(Money::new(dec("101.005"), nok)));
        assert_eq!(a.checked_sub(&b), Ok(Money::new(dec("99.195"), nok)));
        assert_eq!(-a, Money::new(dec("-100.10"), nok));
        assert!((-a).is_negative());
        assert!(!Money::new(dec("-0"), nok).is_negative());
        assert!(a.checked_sub(&a).is_ok_and(|m| m.is_zero()));
        let eur = Money::new(dec("1"), CurrencyCode::EUR);
        assert_eq!(
            a.checked_add(&eur),
            Err(MoneyError::CurrencyMismatch {
                left: nok,
                right: CurrencyCode::EUR
            })
        );
        assert_eq!(
            Money::new(Decimal::MAX, nok).checked_add(&Money::new(Decimal::ONE, nok)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(b.rounded(), Money::new(dec("0.91"), nok));
    }

    #[test]
    fn money_display() {
        let nok = CurrencyCode::NOK;
        assert_eq!(Money::new(dec("1234.5"), nok).to_string(), "1234.50 NOK");
        assert_eq!(Money::new(dec("1234.505"), nok).to_string(), "1234.51 NOK");
        assert_eq!(Money::new(dec("-0.125"), nok).to_string(), "-0.13 NOK");
        assert_eq!(Money::new(dec("7"), nok).to_string(), "7.00 NOK");
        assert_eq!(Money::new(dec("-0.004"), nok).to_string(), "0.00 NOK");
        assert_eq!(
            Money::new(dec("1500.5"), currency("JPY")).to_string(),
            "1501 JPY"
        );
        assert_eq!(
            Money::new(dec("1.2"), currency("KWD")).to_string(),
            "1.200 KWD"
        );
    }

    #[test]
    fn money_serde() -> Result<(), serde_json::Error> {
        let m = Money::new(dec("12.30"), CurrencyCode::NOK);
        let json = serde_json::to_string(&m)?;
        assert_eq!(json, r#"{"amount":"12.30","currency":"NOK"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json)?, m);
        assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"ABC"}"#).is_err());
        Ok(())
    }

    /// Reference rounding on plain integers: `mantissa / 10^scale` to `dp` decimals, halves
    /// away from zero. Returns the rounded mantissa at scale `dp`.
    fn reference_round(mantissa: i128, scale: u32, dp: u32) -> (i128, u32) {
        if dp >= scale {
            return (mantissa, scale);
        }
        let divisor = 10i128.pow(scale - dp);
        let quotient = mantissa / divisor; // truncates toward zero
        let remainder = (mantissa % divisor).abs();
        if remainder * 2 >= divisor {
            (quotient + mantissa.signum(), dp)
        } else {
            (quotient, dp)
        }
    }

    fn currencies() -> impl Strategy<Value = CurrencyCode> {
        prop::sample::select(vec!["NOK", "EUR", "JPY", "ISK", "KWD", "BHD", "CLF", "SEK"])
            .prop_map(currency)
    }

    proptest! {
        #[test]
        fn prop_round_half_away_matches_integer_reference(
            mantissa in -(1i128 << 95)..(1i128 << 95),
            scale in 0u32..=28,
            dp in 0u32..=30,
        ) {
            let amount = Decimal::from_i128_with_scale(mantissa, scale);
            let (expected_mantissa, expected_scale) = reference_round(mantissa, scale, dp);
            let expected = Decimal::from_i128_with_scale(expected_mantissa, expected_scale);
            prop_assert_eq!(round_half_away(amount, dp), expected);
        }

        #[test]
        fn prop_round_half_away_small_values(mantissa in any::<i64>(), scale in 0u32..=6, dp in 0u32..=6) {
            let amount = Decimal::new(mantissa, scale);
            let (m, s) = reference_round(i128::from(mantissa), scale, dp);
            prop_assert_eq!(round_half_away(amount, dp), Decimal::from_i128_with_scale(m, s));
        }

        #[test]
        fn prop_minor_units_round_trip(units in any::<i64>(), currency in currencies()) {
            let money = Money::from_minor_units(units, currency);
            prop_assert_eq!(money.to_minor_units(), Ok(units));
            prop_assert_eq!(minor_units(money.amount(), currency.minor_units()), Some(units));
        }

        #[test]
        fn prop_amount_round_trip(mantissa in any::<i64>(), scale in 0u32..=4, currency in currencies()) {
            let amount = Decimal::new(mantissa, scale);
            let money = Money::new(amount, currency);
            match money.to_minor_units() {
                Ok(units) => {
                    prop_assert!(amount.normalize().scale() <= currency.minor_units());
                    prop_assert_eq!(Money::from_minor_units(units, currency).amount(), amount);
                }
                Err(MoneyError::TooManyDecimals { .. }) => {
                    prop_assert!(amount.normalize().scale() > currency.minor_units());
                }
                Err(e) => {
                    // Only scaling up an i64 mantissa can overflow.
                    prop_assert_eq!(e, MoneyError::Overflow);
                    prop_assert!(scale < currency.minor_units());
                }
            }
        }

        #[test]
        fn prop_rounded_always_converts(mantissa in any::<i64>(), scale in 0u32..=8, currency in currencies()) {
            let money = Money::new(Decimal::new(mantissa, scale), currency).rounded();
            let too_many = matches!(money.to_minor_units(), Err(MoneyError::TooManyDecimals { .. }));
            prop_assert!(!too_many);
        }
    }
}
