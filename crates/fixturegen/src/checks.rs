//! Check digits for the identifiers printed on the fixtures: organisation numbers and bank
//! accounts (MOD11) and KID payment references (MOD10 or MOD11), computed here rather than
//! typed in, and confirmed against `mottak_invoice::ids` so a fixture never lies about them.

use anyhow::{Context, Result, bail};
use mottak_invoice::ids::{NorwegianAccount, OrgNumber};

const ORG_WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
const ACCOUNT_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn digits(s: &str) -> Result<Vec<u32>> {
    s.chars()
        .map(|c| {
            c.to_digit(10)
                .with_context(|| format!("{s:?} is not all digits"))
        })
        .collect()
}

/// The MOD11 check digit with fixed weights; `None` where it would be 10 (no valid number).
fn mod11_weighted(payload: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = payload.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        check => Some(check),
    }
}

/// A 9-digit organisation number from its first 8 digits.
pub(crate) fn org_number(first8: &str) -> Result<String> {
    let payload = digits(first8)?;
    if payload.len() != 8 {
        bail!("an organisation number has 8 digits before its check digit: {first8}");
    }
    let Some(check) = mod11_weighted(&payload, &ORG_WEIGHTS) else {
        bail!("{first8}: MOD11 gives 10, no organisation number starts so");
    };
    let org = format!("{first8}{check}");
    OrgNumber::parse_strict(&org).with_context(|| format!("{org} is no valid org number"))?;
    Ok(org)
}

/// An 11-digit Norwegian account from its first 10 digits (bank code, group, customer).
pub(crate) fn bank_account(first10: &str) -> Result<String> {
    let payload = digits(first10)?;
    if payload.len() != 10 {
        bail!("a bank account has 10 digits before its check digit: {first10}");
    }
    let Some(check) = mod11_weighted(&payload, &ACCOUNT_WEIGHTS) else {
        bail!("{first10}: MOD11 gives 10, no account number starts so");
    };
    let account = format!("{first10}{check}");
    NorwegianAccount::parse(&account).with_context(|| format!("{account} is no valid account"))?;
    Ok(account)
}

/// A KID with a MOD10 (Luhn) check digit appended.
pub(crate) fn kid_mod10(payload: &str) -> Result<String> {
    let d = digits(payload)?;
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum();
    Ok(format!("{payload}{}", (10 - sum % 10) % 10))
}

/// A KID with a MOD11 check digit appended (weights 2..7 from the right).
pub(crate) fn kid_mod11(payload: &str) -> Result<String> {
    let d = digits(payload)?;
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| x * (2 + (i as u32 % 6)))
        .sum();
    match 11 - sum % 11 {
        11 => Ok(format!("{payload}0")),
        10 => bail!("{payload}: MOD11 gives 10 ('-'), choose another KID"),
        check => Ok(format!("{payload}{check}")),
    }
}

/// `931235184` as printed: `931 235 184`.
pub(crate) fn grouped_org(org: &str) -> String {
    format!("{} {} {}", &org[0..3], &org[3..6], &org[6..9])
}

/// `15031234567` as printed: `1503.12.34567`.
pub(crate) fn dotted_account(account: &str) -> String {
    format!("{}.{}.{}", &account[0..4], &account[4..6], &account[6..11])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits_agree_with_known_numbers() {
        assert_eq!(org_number("93123518").expect("valid"), "931235184");
        assert_eq!(org_number("91572630").expect("valid"), "915726305");
        // The account printed on fixtures/ehf/01 (1503.20.80119).
        assert_eq!(bank_account("1503208011").expect("valid"), "15032080119");
        assert_eq!(kid_mod10("7992739871").expect("valid"), "79927398713");
        // 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·2 + 1·3 = 138; 138 mod 11 = 6; 11 − 6 = 5.
        assert_eq!(kid_mod11("12345678").expect("valid"), "123456785");
    }
}
