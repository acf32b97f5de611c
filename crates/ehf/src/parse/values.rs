//! Reading typed values (decimals, dates, booleans) from their XML Schema lexical forms.
//!
//! The forms are the strict ones UBL prescribes, not what a human might type: `1234.50`, not
//! `1 234,50`; `2025-12-31`, not `31.12.2025`. Anything else is reported as a field error by
//! the caller, so the supplier can be told exactly which value was wrong.

use std::str::FromStr;

use rust_decimal::Decimal;
use time::{Date, Month};

/// An `xs:decimal`: optional sign, digits, optional fraction. No exponent, no grouping, no
/// comma as decimal separator.
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((int_part, frac_part)) => (int_part, frac_part),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty())
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return None;
    }
    // rust_decimal wants digits on both sides of the point only when there is a point;
    // rebuild a canonical form rather than trusting its more liberal grammar (it accepts `_`).
    let mut canonical = String::with_capacity(text.len().saturating_add(2));
    if negative {
        canonical.push('-');
    }
    canonical.push_str(if int_part.is_empty() { "0" } else { int_part });
    if !frac_part.is_empty() {
        canonical.push('.');
        canonical.push_str(frac_part);
    }
    Decimal::from_str(&canonical).ok()
}

/// An `xs:date` as Peppol restricts it: exactly `YYYY-MM-DD`, no time zone.
pub(crate) fn date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    let day: u8 = text.get(8..10)?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A UBL indicator: `true` or `false`, in any letter case.
pub(crate) fn boolean(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[track_caller]
    fn check_decimal(text: &str, expected: Option<&str>) {
        assert_eq!(
            decimal(text).map(|d| d.to_string()).as_deref(),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn decimals_in_xml_schema_form() {
        check_decimal("1656.25", Some("1656.25"));
        check_decimal("-10", Some("-10"));
        check_decimal("+3.5", Some("3.5"));
        check_decimal(".5", Some("0.5"));
        check_decimal("5.", Some("5"));
        check_decimal("0.000", Some("0.000"));
        check_decimal("", None);
        check_decimal(".", None);
        check_decimal("-", None);
        check_decimal("12,5", None);
        check_decimal("1 000", None);
        check_decimal("1_000", None);
        check_decimal("1e3", None);
        check_decimal("1.2.3", None);
        check_decimal("NaN", None);
        check_decimal("--1", None);
        check_decimal("99999999999999999999999999999999999", None);
    }

    #[test]
    fn dates_are_yyyy_mm_dd() {
        assert_eq!(super::date("2025-12-31"), Some(date!(2025 - 12 - 31)));
        assert_eq!(super::date("2024-02-29"), Some(date!(2024 - 02 - 29)));
        assert_eq!(super::date("2025-02-29"), None);
        assert_eq!(super::date("31.12.2025"), None);
        assert_eq!(super::date("2025-12-31Z"), None);
        assert_eq!(super::date("2025-1-31"), None);
        assert_eq!(super::date("2025-13-01"), None);
        assert_eq!(super::date("２０２５-12-31"), None);
    }

    #[test]
    fn booleans() {
        assert_eq!(boolean("true"), Some(true));
        assert_eq!(boolean("FALSE"), Some(false));
        assert_eq!(boolean("1"), None);
        assert_eq!(boolean("yes"), None);
    }
}
