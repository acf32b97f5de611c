//! Identifiers that can only hold valid values: Norwegian organisation and VAT numbers,
//! Peppol participant identifiers, bank accounts, IBAN, BIC, currency and country codes.
//!
//! "Parse, don't validate": every type keeps its field private and is built only by a
//! fallible constructor, so holding a value proves it passed its checks. Serde goes through
//! the same constructors (`try_from = "String"`), so a value read back from a database or a
//! queue is checked again instead of trusted.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("the value is empty")]
    Empty,
    #[error("wrong length: expected {expected} characters, found {found}")]
    WrongLength { expected: usize, found: usize },
    #[error("wrong length: expected {min} to {max} characters, found {found}")]
    LengthOutOfRange {
        min: usize,
        max: usize,
        found: usize,
    },
    #[error("wrong length: a BIC has 8 or 11 characters, found {found}")]
    WrongBicLength { found: usize },
    #[error("expected a digit, found {found:?}")]
    NonDigit { found: char },
    #[error("expected a letter A-Z, found {found:?}")]
    NonLetter { found: char },
    #[error("the character {found:?} is not allowed here")]
    InvalidCharacter { found: char },
    #[error("the check digits do not match ({algorithm})")]
    BadCheckDigit { algorithm: &'static str },
    #[error("a Norwegian VAT number must end with \"MVA\"")]
    MissingMvaSuffix,
    #[error("a Peppol participant identifier needs an \"ICD:\" scheme prefix")]
    MissingScheme,
    #[error("invalid ICD {found:?}: expected 4 digits")]
    InvalidIcd { found: String },
    #[error("an identifier under ICD {icd} must start with {expected:?}")]
    MissingCountryPrefix {
        icd: &'static str,
        expected: &'static str,
    },
    #[error("unknown ISO 4217 currency code {found:?}")]
    UnknownCurrency { found: String },
    #[error("unknown ISO 3166-1 country code {found:?}")]
    UnknownCountry { found: String },
}

// Names of the check algorithms, carried by `IdError::BadCheckDigit` so a clerk can tell
// which rule a number broke.
const ALG_MOD11_ORG: &str = "MOD11 organisation number";
const ALG_MOD11_ACCOUNT: &str = "MOD11 bank account number";
const ALG_GS1: &str = "GS1 check digit";
const ALG_CVR: &str = "CVR modulus 11";
const ALG_BE: &str = "Belgian enterprise number modulus 97";
const ALG_LUHN: &str = "Luhn";
const ALG_ABN: &str = "ABN modulus 89";
const ALG_IBAN: &str = "IBAN MOD 97-10";

/// Display, `FromStr`, `AsRef<str>` and the `String` conversions serde uses, all in terms of
/// the type's own `parse` and `as_str`, so there is exactly one way in and one way out.
macro_rules! string_traits {
    ($t:ident) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl FromStr for $t {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, IdError> {
                $t::parse(s)
            }
        }

        impl TryFrom<&str> for $t {
            type Error = IdError;

            fn try_from(s: &str) -> Result<Self, IdError> {
                $t::parse(s)
            }
        }

        impl TryFrom<String> for $t {
            type Error = IdError;

            fn try_from(s: String) -> Result<Self, IdError> {
                $t::parse(&s)
            }
        }

        impl From<$t> for String {
            fn from(value: $t) -> String {
                value.as_str().to_owned()
            }
        }
    };
}

/// Deserialize through `parse` for the `&'static str`-backed codes. Written by hand because
/// serde's derive, even with `try_from`, would demand `'de: 'static` for a `&'static str`
/// field, which no deserializer of owned input can satisfy.
macro_rules! static_str_deserialize {
    ($t:ident) => {
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                $t::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Drops whitespace and `separators` and upper-cases ASCII letters. Only ASCII is case-mapped
/// because Unicode upper-casing can change the length ("ß" → "SS") and no identifier here
/// contains non-ASCII characters anyway; those are left for the character checks to reject.
fn compact(input: &str, separators: &[char]) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !separators.contains(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The digit values of `s`, which must be exactly `len` ASCII digits. Characters are checked
/// before the length because "98765432X" is better reported as a bad character.
fn digits_exact(s: &str, len: usize) -> Result<Vec<u8>, IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    let mut digits = Vec::with_capacity(len);
    for c in s.chars() {
        if !c.is_ascii_digit() {
            return Err(IdError::NonDigit { found: c });
        }
        digits.push(c as u8 - b'0');
    }
    if digits.len() != len {
        return Err(IdError::WrongLength {
            expected: len,
            found: digits.len(),
        });
    }
    Ok(digits)
}

fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum()
}

/// Norwegian MOD11 (organisation and account numbers): the last digit must equal
/// `11 - (weighted sum mod 11)`, where 11 means 0 and 10 means no number can end here.
fn norwegian_mod11_ok(digits: &[u8], weights: &[u32]) -> bool {
    let Some((check, payload)) = digits.split_last() else {
        return false;
    };
    match 11 - weighted_sum(payload, weights) % 11 {
        11 => *check == 0,
        10 => false,
        expected => u32::from(*check) == expected,
    }
}

/// The value of a digit string as a number; callers pass at most 9 digits, so it fits.
fn digits_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, d| acc * 10 + u32::from(*d))
}

/// Keeps user input quoted in an error message short: a multi-kilobyte "ICD" is possible
/// input and should not end up in every log line.
fn excerpt(s: &str) -> String {
    const MAX: usize = 20;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Organisation number
// ---------------------------------------------------------------------------------------------

const ORG_WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

/// A Norwegian organisation number (Enhetsregisteret): 9 digits with a MOD11 check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNumber(String);

impl OrgNumber {
    /// Parses an organisation number as people write it: surrounding and inner whitespace,
    /// an optional leading "NO" and an optional trailing "MVA" (any case) are accepted, so
    /// "NO 987 654 325 MVA" gives `987654325`.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compacted = compact(input, &[]);
        let core = compacted.strip_prefix("NO").unwrap_or(&compacted);
        let core = core.strip_suffix("MVA").unwrap_or(core);
        Self::parse_strict(core)
    }

    /// Parses exactly 9 digits with a valid check digit and nothing else (no whitespace,
    /// prefix or suffix), as required where a format is prescribed, e.g. Peppol 0192.
    pub fn parse_strict(input: &str) -> Result<Self, IdError> {
        let digits = digits_exact(input, 9)?;
        if !norwegian_mod11_ok(&digits, &ORG_WEIGHTS) {
            return Err(IdError::BadCheckDigit {
                algorithm: ALG_MOD11_ORG,
            });
        }
        Ok(OrgNumber(input.to_owned()))
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_traits!(OrgNumber);

// ---------------------------------------------------------------------------------------------
// VAT number
// ---------------------------------------------------------------------------------------------

/// A Norwegian VAT registration as written in `PartyTaxScheme/CompanyID`: an organisation
/// number followed by "MVA", canonically `NO987654325MVA`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VatNumber {
    org: OrgNumber,
    canonical: String,
}

impl VatNumber {
    /// Accepts "NO987654325MVA", "NO 987 654 325 MVA", "987654325MVA" (any case). The "MVA"
    /// suffix is required because it is what states the VAT registration; without it the
    /// value is only an organisation number ([`IdError::MissingMvaSuffix`]).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compacted = compact(input, &[]);
        let core = compacted.strip_prefix("NO").unwrap_or(&compacted);
        let (core, has_suffix) = match core.strip_suffix("MVA") {
            Some(stripped) => (stripped, true),
            None => (core, false),
        };
        // The number itself is checked first: for "SE556036079301" a bad character says more
        // than a missing suffix.
        let org = OrgNumber::parse_strict(core)?;
        if !has_suffix {
            return Err(IdError::MissingMvaSuffix);
        }
        Ok(Self::from_org_number(org))
    }

    /// The VAT number of a VAT-registered organisation.
    pub fn from_org_number(org: OrgNumber) -> Self {
        let canonical = format!("NO{}MVA", org.as_str());
        VatNumber { org, canonical }
    }

    pub fn org_number(&self) -> OrgNumber {
        self.org.clone()
    }

    /// The canonical form `NO987654325MVA`.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }
}

string_traits!(VatNumber);

// ---------------------------------------------------------------------------------------------
// Peppol participant identifier
// ---------------------------------------------------------------------------------------------

/// The optional scheme prefix of a Peppol participant identifier as it appears in an SBDH or
/// an SMP URL.
const PEPPOL_SCHEME_PREFIX: &str = "iso6523-actorid-upis::";

/// Peppol Policy for use of Identifiers 4.x: a participant identifier value is at most 135
/// characters including the 4-digit ICD and the colon.
const PEPPOL_MAX_IDENTIFIER: usize = 130;

/// A Peppol participant identifier `ICD:identifier`, e.g. `0192:931235184`.
///
/// The ICD must be 4 digits. For 0192 (NO org number), 0088 (GLN), 0184 (DK CVR),
/// 0208 (BE enterprise number), 0007 (SE organisation number) and 0151 (AU ABN) the
/// identifier's format and check digits are enforced; under any other ICD it must be 1 to 130
/// printable ASCII characters without whitespace. Unknown ICDs are accepted because the
/// Peppol code list grows over time and an inbound pipeline must not reject a sender that
/// the network already admitted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PeppolId {
    icd: String,
    identifier: String,
    canonical: String,
}

impl PeppolId {
    /// Parses `ICD:identifier`, optionally preceded by `iso6523-actorid-upis::` (any case).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let s = match s.get(..PEPPOL_SCHEME_PREFIX.len()) {
            Some(head) if head.eq_ignore_ascii_case(PEPPOL_SCHEME_PREFIX) => {
                s.get(PEPPOL_SCHEME_PREFIX.len()..).unwrap_or_default()
            }
            _ => s,
        };
        let (icd, identifier) = s.split_once(':').ok_or(IdError::MissingScheme)?;
        Self::from_parts(icd, identifier)
    }

    /// Builds the identifier from the UBL form, where the ICD is the `schemeID` attribute
    /// (`<cbc:EndpointID schemeID="0192">931235184</cbc:EndpointID>`). Surrounding whitespace
    /// of both parts is ignored.
    pub fn from_parts(scheme: &str, value: &str) -> Result<Self, IdError> {
        let icd = scheme.trim();
        if icd.is_empty() {
            return Err(IdError::MissingScheme);
        }
        if icd.len() != 4 || !icd.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::InvalidIcd {
                found: excerpt(icd),
            });
        }
        let identifier = check_peppol_identifier(icd, value.trim())?;
        let canonical = format!("{icd}:{identifier}");
        Ok(PeppolId {
            icd: icd.to_owned(),
            identifier,
            canonical,
        })
    }

    /// The Peppol identifier of a Norwegian organisation (`0192:<org number>`).
    pub fn from_org_number(org: &OrgNumber) -> Self {
        PeppolId {
            icd: "0192".to_owned(),
            identifier: org.as_str().to_owned(),
            canonical: format!("0192:{}", org.as_str()),
        }
    }

    /// The 4-digit ICD, e.g. `0192`.
    pub fn icd(&self) -> &str {
        &self.icd
    }

    /// The identifier after the colon, e.g. `931235184`.
    pub fn identifier(&self) -> &str {
        &self.identifier
    }

    /// The organisation number when the ICD is 0192.
    pub fn org_number(&self) -> Option<OrgNumber> {
        if self.icd == "0192" {
            OrgNumber::parse_strict(&self.identifier).ok()
        } else {
            None
        }
    }

    /// `ICD:identifier`, without the `iso6523-actorid-upis::` prefix.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }
}

string_traits!(PeppolId);

/// Checks `value` as an identifier under `icd`; returns its canonical form.
fn check_peppol_identifier(icd: &str, value: &str) -> Result<String, IdError> {
    if value.is_empty() {
        return Err(IdError::Empty);
    }
    if let Some(c) = value.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(IdError::InvalidCharacter { found: c });
    }
    // ASCII-only from here, so byte length is character count.
    if value.len() > PEPPOL_MAX_IDENTIFIER {
        return Err(IdError::LengthOutOfRange {
            min: 1,
            max: PEPPOL_MAX_IDENTIFIER,
            found: value.len(),
        });
    }
    match icd {
        "0192" => OrgNumber::parse_strict(value).map(String::from),
        "0088" => check_gln(value).map(|()| value.to_owned()),
        "0184" => check_cvr(value),
        "0208" => check_belgian_enterprise(value).map(|()| value.to_owned()),
        "0007" => check_swedish_org(value).map(|()| value.to_owned()),
        "0151" => check_abn(value).map(|()| value.to_owned()),
        _ => Ok(value.to_owned()),
    }
}

/// GLN: 13 digits; from the right, excluding the check digit, weights alternate 3, 1.
fn check_gln(value: &str) -> Result<(), IdError> {
    let digits = digits_exact(value, 13)?;
    let Some((check, payload)) = digits.split_last() else {
        return Err(IdError::Empty);
    };
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    if (10 - sum % 10) % 10 != u32::from(*check) {
        return Err(IdError::BadCheckDigit { algorithm: ALG_GS1 });
    }
    Ok(())
}

/// Danish CVR under ICD 0184: "DK" + 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is
/// divisible by 11. A lower-case "dk" is accepted and upper-cased, since Peppol compares
/// participant identifier values case-insensitively.
fn check_cvr(value: &str) -> Result<String, IdError> {
    let prefix_ok = value.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("DK"));
    let digits_part = match value.get(2..) {
        Some(rest) if prefix_ok => rest,
        _ => {
            return Err(IdError::MissingCountryPrefix {
                icd: "0184",
                expected: "DK",
            });
        }
    };
    let digits = digits_exact(digits_part, 8)?;
    if !weighted_sum(&digits, &[2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11) {
        return Err(IdError::BadCheckDigit { algorithm: ALG_CVR });
    }
    Ok(format!("DK{digits_part}"))
}

/// Belgian enterprise number: 10 digits; the last two equal 97 - (first eight mod 97).
fn check_belgian_enterprise(value: &str) -> Result<(), IdError> {
    let digits = digits_exact(value, 10)?;
    let (head, tail) = digits.split_at(8);
    if 97 - digits_value(head) % 97 != digits_value(tail) {
        return Err(IdError::BadCheckDigit { algorithm: ALG_BE });
    }
    Ok(())
}

/// Swedish organisation number: 10 digits passing the Luhn check.
fn check_swedish_org(value: &str) -> Result<(), IdError> {
    let digits = digits_exact(value, 10)?;
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    if !sum.is_multiple_of(10) {
        return Err(IdError::BadCheckDigit {
            algorithm: ALG_LUHN,
        });
    }
    Ok(())
}

/// Australian Business Number: 11 digits; subtract 1 from the first digit, weight with
/// 10,1,3,5,...,19, and the sum must be divisible by 89.
fn check_abn(value: &str) -> Result<(), IdError> {
    const WEIGHTS: [i64; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let digits = digits_exact(value, 11)?;
    let sum: i64 = digits
        .iter()
        .zip(WEIGHTS)
        .enumerate()
        .map(|(i, (d, w))| {
            let d = i64::from(*d);
            // Signed arithmetic: a leading 0 becomes -1 rather than wrapping.
            if i == 0 { (d - 1) * w } else { d * w }
        })
        .sum();
    if sum.rem_euclid(89) != 0 {
        return Err(IdError::BadCheckDigit { algorithm: ALG_ABN });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Norwegian bank account
// ---------------------------------------------------------------------------------------------

const ACCOUNT_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// A Norwegian bank account number (BBAN): 11 digits with a MOD11 check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NorwegianAccount(String);

impl NorwegianAccount {
    /// Accepts spaces and dots as separators anywhere ("1234.56.78903", "1234 56 78903").
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compacted = compact(input, &['.']);
        let digits = digits_exact(&compacted, 11)?;
        if !norwegian_mod11_ok(&digits, &ACCOUNT_WEIGHTS) {
            return Err(IdError::BadCheckDigit {
                algorithm: ALG_MOD11_ACCOUNT,
            });
        }
        Ok(NorwegianAccount(compacted))
    }

    /// The same account as an IBAN (`NO` + check digits + the 11 digits), for matching a
    /// payee account given in either form.
    pub fn to_iban(&self) -> Iban {
        let check = 98 - iban_mod97("NO", "00", &self.0);
        Iban(format!("NO{check:02}{}", self.0))
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_traits!(NorwegianAccount);

// ---------------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------------

/// IBAN lengths from the SWIFT IBAN registry (all SEPA countries and the other registered
/// ones), sorted by country code for binary search. Territories that use their parent's
/// IBAN format (Åland → FI, Réunion → FR, Jersey → GB, ...) do not appear.
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&str, u8)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16),
    ("BG", 22), ("BH", 22), ("BI", 27), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22),
    ("CY", 28), ("CZ", 24), ("DE", 22), ("DJ", 27), ("DK", 18), ("DO", 28), ("EE", 20),
    ("EG", 29), ("ES", 24), ("FI", 18), ("FK", 18), ("FO", 18), ("FR", 27), ("GB", 22),
    ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HN", 28), ("HR", 21),
    ("HU", 28), ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30),
    ("KW", 30), ("KZ", 20), ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20),
    ("LV", 21), ("LY", 25), ("MC", 27), ("MD", 24), ("ME", 22), ("MK", 19), ("MN", 20),
    ("MR", 27), ("MT", 31), ("MU", 30), ("NI", 28), ("NL", 18), ("NO", 15), ("OM", 23),
    ("PK", 24), ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22),
    ("RU", 33), ("SA", 24), ("SC", 31), ("SD", 18), ("SE", 24), ("SI", 19), ("SK", 24),
    ("SM", 27), ("SO", 23), ("ST", 25), ("SV", 28), ("TL", 23), ("TN", 24), ("TR", 26),
    ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20), ("YE", 30),
];

/// Length bounds of ISO 13616 for countries without a registry entry.
const IBAN_MIN: usize = 15;
const IBAN_MAX: usize = 34;

fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .binary_search_by(|(c, _)| (*c).cmp(country))
        .ok()
        .and_then(|i| IBAN_LENGTHS.get(i))
        .map(|(_, len)| usize::from(*len))
}

/// Country codes a bank may use: ISO 3166-1 plus "XK" (Kosovo), which the IBAN registry and
/// SWIFT use although ISO has not assigned it.
fn is_bank_country(code: &str) -> bool {
    code == "XK" || country_index(code).is_some()
}

/// ISO 7064 MOD 97-10 over `bban + country + check`, with letters as 10..=35. Computed digit
/// by digit so no big integer is needed. Callers pass upper-case ASCII alphanumerics only.
fn iban_mod97(country: &str, check: &str, bban: &str) -> u32 {
    bban.bytes()
        .chain(country.bytes())
        .chain(check.bytes())
        .fold(0, |acc, b| {
            if b.is_ascii_digit() {
                (acc * 10 + u32::from(b - b'0')) % 97
            } else {
                (acc * 100 + u32::from(b.saturating_sub(b'A')) + 10) % 97
            }
        })
}

/// An International Bank Account Number, stored upper-case without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

impl Iban {
    /// Accepts whitespace anywhere and any letter case ("no93 8601 1117 947").
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = compact(input, &[]);
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        for (i, c) in s.chars().enumerate() {
            match i {
                0 | 1 if !c.is_ascii_uppercase() => return Err(IdError::NonLetter { found: c }),
                2 | 3 if !c.is_ascii_digit() => return Err(IdError::NonDigit { found: c }),
                _ if !c.is_ascii_alphanumeric() => {
                    return Err(IdError::InvalidCharacter { found: c });
                }
                _ => {}
            }
        }
        // ASCII-only from here, so byte offsets are character positions.
        let len = s.len();
        let country = s.get(..2).unwrap_or_default();
        match iban_length(country) {
            Some(expected) if len != expected => {
                return Err(IdError::WrongLength {
                    expected,
                    found: len,
                });
            }
            Some(_) => {}
            None => {
                if country.len() == 2 && !is_bank_country(country) {
                    return Err(IdError::UnknownCountry {
                        found: country.to_owned(),
                    });
                }
                if !(IBAN_MIN..=IBAN_MAX).contains(&len) {
                    return Err(IdError::LengthOutOfRange {
                        min: IBAN_MIN,
                        max: IBAN_MAX,
                        found: len,
                    });
                }
            }
        }
        let check = s.get(2..4).unwrap_or_default();
        let bban = s.get(4..).unwrap_or_default();
        // ISO 13616 issues check digits 02..=98 only; 00, 01 and 99 pass MOD 97 as aliases of
        // 97, 98 and 02 but are not valid IBANs.
        let check_in_range = matches!(check.parse::<u8>(), Ok(2..=98));
        if !check_in_range || iban_mod97(country, check, bban) != 1 {
            return Err(IdError::BadCheckDigit {
                algorithm: ALG_IBAN,
            });
        }
        Ok(Iban(s))
    }

    /// The two-letter country code.
    pub fn country(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The national account number (everything after the check digits).
    pub fn bban(&self) -> &str {
        self.0.get(4..).unwrap_or_default()
    }

    /// The Norwegian account number inside a Norwegian IBAN (None for other countries or if
    /// the BBAN fails the Norwegian MOD11 check).
    pub fn norwegian_account(&self) -> Option<NorwegianAccount> {
        if self.country() == "NO" {
            NorwegianAccount::parse(self.bban()).ok()
        } else {
            None
        }
    }

    /// The IBAN without spaces, e.g. `NO9386011117947`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_traits!(Iban);

// ---------------------------------------------------------------------------------------------
// BIC
// ---------------------------------------------------------------------------------------------

/// A Business Identifier Code (SWIFT code), upper-case: 4 letters bank code, 2 letters country,
/// 2 alphanumerics location and an optional 3 alphanumerics branch. An 8-character BIC and
/// the same BIC with branch "XXX" are kept as written, not unified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bic(String);

impl Bic {
    /// Accepts surrounding and inner whitespace and any letter case.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = compact(input, &[]);
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        for (i, c) in s.chars().enumerate() {
            if i < 6 {
                if !c.is_ascii_uppercase() {
                    return Err(IdError::NonLetter { found: c });
                }
            } else if !c.is_ascii_alphanumeric() {
                return Err(IdError::InvalidCharacter { found: c });
            }
        }
        if s.len() != 8 && s.len() != 11 {
            return Err(IdError::WrongBicLength { found: s.len() });
        }
        let country = s.get(4..6).unwrap_or_default();
        if !is_bank_country(country) {
            return Err(IdError::UnknownCountry {
                found: country.to_owned(),
            });
        }
        Ok(Bic(s))
    }

    /// The 4-letter bank (institution) code.
    pub fn bank_code(&self) -> &str {
        self.0.get(..4).unwrap_or_default()
    }

    /// The two-letter country code.
    pub fn country(&self) -> &str {
        self.0.get(4..6).unwrap_or_default()
    }

    /// The 3-character branch code of an 11-character BIC.
    pub fn branch(&self) -> Option<&str> {
        self.0.get(8..11)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_traits!(Bic);

// ---------------------------------------------------------------------------------------------
// Currency code
// ---------------------------------------------------------------------------------------------

/// ISO 4217 list one as published 2026-01-01: every active code with a minor unit, sorted for
/// binary search. Left out on purpose: the codes whose minor unit is "N.A." (precious metals
/// XAU/XAG/XPD/XPT, bond units XBA-XBD, XDR, XSU, XUA, XTS, XXX), because an invoice amount
/// cannot be kept in them; and withdrawn codes (ANG, BGN, HRK, SLL, ZWL, CUC, ...).
#[rustfmt::skip]
const CURRENCIES: &[(&str, u8)] = &[
    ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("AOA", 2), ("ARS", 2), ("AUD", 2),
    ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BHD", 3), ("BIF", 0),
    ("BMD", 2), ("BND", 2), ("BOB", 2), ("BOV", 2), ("BRL", 2), ("BSD", 2), ("BTN", 2),
    ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2), ("CHE", 2), ("CHF", 2),
    ("CHW", 2), ("CLF", 4), ("CLP", 0), ("CNY", 2), ("COP", 2), ("COU", 2), ("CRC", 2),
    ("CUP", 2), ("CVE", 2), ("CZK", 2), ("DJF", 0), ("DKK", 2), ("DOP", 2), ("DZD", 2),
    ("EGP", 2), ("ERN", 2), ("ETB", 2), ("EUR", 2), ("FJD", 2), ("FKP", 2), ("GBP", 2),
    ("GEL", 2), ("GHS", 2), ("GIP", 2), ("GMD", 2), ("GNF", 0), ("GTQ", 2), ("GYD", 2),
    ("HKD", 2), ("HNL", 2), ("HTG", 2), ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2),
    ("IQD", 3), ("IRR", 2), ("ISK", 0), ("JMD", 2), ("JOD", 3), ("JPY", 0), ("KES", 2),
    ("KGS", 2), ("KHR", 2), ("KMF", 0), ("KPW", 2), ("KRW", 0), ("KWD", 3), ("KYD", 2),
    ("KZT", 2), ("LAK", 2), ("LBP", 2), ("LKR", 2), ("LRD", 2), ("LSL", 2), ("LYD", 3),
    ("MAD", 2), ("MDL", 2), ("MGA", 2), ("MKD", 2), ("MMK", 2), ("MNT", 2), ("MOP", 2),
    ("MRU", 2), ("MUR", 2), ("MVR", 2), ("MWK", 2), ("MXN", 2), ("MXV", 2), ("MYR", 2),
    ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2), ("NOK", 2), ("NPR", 2), ("NZD", 2),
    ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2), ("PHP", 2), ("PKR", 2), ("PLN", 2),
    ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2), ("RUB", 2), ("RWF", 0), ("SAR", 2),
    ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2), ("SGD", 2), ("SHP", 2), ("SLE", 2),
    ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2), ("SVC", 2), ("SYP", 2), ("SZL", 2),
    ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3), ("TOP", 2), ("TRY", 2), ("TTD", 2),
    ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0), ("USD", 2), ("USN", 2), ("UYI", 0),
    ("UYU", 2), ("UYW", 4), ("UZS", 2), ("VED", 2), ("VES", 2), ("VND", 0), ("VUV", 0),
    ("WST", 2), ("XAD", 2), ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0),
    ("YER", 2), ("ZAR", 2), ("ZMW", 2), ("ZWG", 2),
];

/// An active ISO 4217 alphabetic currency code with its number of minor-unit digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct CurrencyCode {
    code: &'static str,
    minor_units: u8,
}

impl CurrencyCode {
    pub const NOK: CurrencyCode = CurrencyCode {
        code: "NOK",
        minor_units: 2,
    };
    pub const EUR: CurrencyCode = CurrencyCode {
        code: "EUR",
        minor_units: 2,
    };
    pub const SEK: CurrencyCode = CurrencyCode {
        code: "SEK",
        minor_units: 2,
    };
    pub const DKK: CurrencyCode = CurrencyCode {
        code: "DKK",
        minor_units: 2,
    };
    pub const USD: CurrencyCode = CurrencyCode {
        code: "USD",
        minor_units: 2,
    };
    pub const GBP: CurrencyCode = CurrencyCode {
        code: "GBP",
        minor_units: 2,
    };

    /// Accepts surrounding whitespace and any letter case ("nok" → NOK).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some(c) = s.chars().find(|c| !c.is_ascii_alphabetic()) {
            return Err(IdError::NonLetter { found: c });
        }
        if s.len() != 3 {
            return Err(IdError::WrongLength {
                expected: 3,
                found: s.len(),
            });
        }
        let upper = s.to_ascii_uppercase();
        CURRENCIES
            .binary_search_by(|(c, _)| (*c).cmp(upper.as_str()))
            .ok()
            .and_then(|i| CURRENCIES.get(i))
            .map(|&(code, minor_units)| CurrencyCode { code, minor_units })
            .ok_or(IdError::UnknownCurrency { found: upper })
    }

    /// Digits after the decimal point in the currency's minor unit: 2 for NOK, 0 for JPY,
    /// 3 for KWD, 4 for CLF. Never more than 4.
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor_units)
    }

    pub fn as_str(&self) -> &'static str {
        self.code
    }
}

string_traits!(CurrencyCode);
static_str_deserialize!(CurrencyCode);

// ---------------------------------------------------------------------------------------------
// Country code
// ---------------------------------------------------------------------------------------------

/// All 249 assigned ISO 3166-1 alpha-2 codes plus "1A" (Kosovo) and "XI" (Northern Ireland),
/// which the EN 16931 / Peppol country code list allows. Sorted (ASCII) for binary search.
#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "1A", "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW",
    "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO",
    "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI",
    "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK",
    "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO",
    "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR",
    "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM",
    "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM",
    "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU",
    "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP",
    "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG",
    "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL",
    "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB",
    "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG",
    "VI", "VN", "VU", "WF", "WS", "XI", "YE", "YT", "ZA", "ZM", "ZW",
];

fn country_index(code: &str) -> Option<usize> {
    COUNTRIES.binary_search(&code).ok()
}

/// An ISO 3166-1 alpha-2 country code (plus the Peppol additions "1A" and "XI").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct CountryCode {
    code: &'static str,
}

impl CountryCode {
    /// Accepts surrounding whitespace and any letter case ("no" → NO).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        // Alphanumeric rather than letters only, because of "1A".
        if let Some(c) = s.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(IdError::InvalidCharacter { found: c });
        }
        if s.len() != 2 {
            return Err(IdError::WrongLength {
                expected: 2,
                found: s.len(),
            });
        }
        let upper = s.to_ascii_uppercase();
        country_index(&upper)
            .and_then(|i| COUNTRIES.get(i))
            .map(|&code| CountryCode { code })
            .ok_or(IdError::UnknownCountry { found: upper })
    }

    pub fn as_str(&self) -> &'static str {
        self.code
    }
}

string_traits!(CountryCode);
static_str_deserialize!(CountryCode);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Table-driven check: each valid input must parse to the given canonical text, each
    /// invalid input must fail with exactly the given error.
    fn check<T: fmt::Display + fmt::Debug>(
        parse: impl Fn(&str) -> Result<T, IdError>,
        valid: &[(&str, &str)],
        invalid: &[(&str, IdError)],
    ) {
        for (input, canonical) in valid {
            match parse(input) {
                Ok(v) => assert_eq!(v.to_string(), *canonical, "input {input:?}"),
                Err(e) => panic!("{input:?} should be valid, got {e:?}"),
            }
        }
        for (input, expected) in invalid {
            match parse(input) {
                Ok(v) => panic!("{input:?} should be invalid, parsed as {v:?}"),
                Err(e) => assert_eq!(&e, expected, "input {input:?}"),
            }
        }
    }

    fn bad(algorithm: &'static str) -> IdError {
        IdError::BadCheckDigit { algorithm }
    }

    // Independent check-digit generators for the property tests. They are written from the
    // textbook descriptions in a different shape from the code under test.

    /// Norwegian MOD11 as usually specified: weights 2,3,4,5,6,7 repeating from the right.
    fn no_mod11_check(payload: &[u8]) -> Option<u8> {
        let sum: u32 = payload
            .iter()
            .rev()
            .zip([2u32, 3, 4, 5, 6, 7].iter().cycle())
            .map(|(d, w)| u32::from(*d) * w)
            .sum();
        match sum % 11 {
            0 => Some(0),
            1 => None,
            r => u8::try_from(11 - r).ok(),
        }
    }

    fn gs1_check(payload: &[u8]) -> u8 {
        let mut sum = 0u32;
        let mut weight = 3;
        for d in payload.iter().rev() {
            sum += u32::from(*d) * weight;
            weight = 4 - weight;
        }
        u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
    }

    fn luhn_check(payload: &[u8]) -> u8 {
        // Double every second digit starting with the rightmost payload digit.
        let mut sum = 0u32;
        for (i, d) in payload.iter().rev().enumerate() {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            sum += v / 10 + v % 10;
        }
        u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
    }

    fn to_text(digits: &[u8]) -> String {
        digits.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// Every way to change exactly one digit of `s` into another digit.
    fn single_digit_changes(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, c) in s.char_indices() {
            if !c.is_ascii_digit() {
                continue;
            }
            for r in '0'..='9' {
                if r != c {
                    let mut changed = s.to_owned();
                    changed.replace_range(i..i + 1, &r.to_string());
                    out.push(changed);
                }
            }
        }
        out
    }

    fn digits(n: usize) -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(0u8..=9, n)
    }

    #[test]
    fn org_number_table() {
        check(
            OrgNumber::parse,
            &[
                ("931235184", "931235184"),
                ("987654325", "987654325"),
                ("  987654325\t", "987654325"),
                ("987 654 325", "987654325"),
                ("NO 987 654 325 MVA", "987654325"),
                ("987654325MVA", "987654325"),
                ("NO987654325MVA", "987654325"),
                ("no987654325mva", "987654325"),
                ("NO987654325", "987654325"),
            ],
            &[
                ("", IdError::Empty),
                ("   ", IdError::Empty),
                ("NO MVA", IdError::Empty),
                (
                    "98765432",
                    IdError::WrongLength {
                        expected: 9,
                        found: 8,
                    },
                ),
                (
                    "9876543250",
                    IdError::WrongLength {
                        expected: 9,
                        found: 10,
                    },
                ),
                ("98765432X", IdError::NonDigit { found: 'X' }),
                ("987-654-325", IdError::NonDigit { found: '-' }),
                ("SE987654325", IdError::NonDigit { found: 'S' }),
                ("987654326", bad(ALG_MOD11_ORG)),
                ("931235185", bad(ALG_MOD11_ORG)),
            ],
        );
    }

    #[test]
    fn org_number_strict() {
        check(
            OrgNumber::parse_strict,
            &[("931235184", "931235184")],
            &[
                ("", IdError::Empty),
                (" 931235184", IdError::NonDigit { found: ' ' }),
                ("931 235 184", IdError::NonDigit { found: ' ' }),
                ("NO931235184", IdError::NonDigit { found: 'N' }),
                ("931235184MVA", IdError::NonDigit { found: 'M' }),
            ],
        );
    }

    #[test]
    fn org_number_whose_check_would_be_ten_is_rejected() {
        // Find a payload whose remainder is 1 (check digit 10) and make sure no final digit
        // makes it valid.
        let payload = (0u32..100_000_000)
            .map(|n| {
                let text = format!("{n:08}");
                text.bytes().map(|b| b - b'0').collect::<Vec<u8>>()
            })
            .find(|p| no_mod11_check(p).is_none());
        let Some(payload) = payload else {
            panic!("no payload with check digit 10")
        };
        for last in 0u8..=9 {
            let mut all = payload.clone();
            all.push(last);
            assert_eq!(OrgNumber::parse(&to_text(&all)), Err(bad(ALG_MOD11_ORG)));
        }
    }

    #[test]
    fn vat_number_table() {
        check(
            VatNumber::parse,
            &[
                ("NO987654325MVA", "NO987654325MVA"),
                ("NO 987 654 325 MVA", "NO987654325MVA"),
                ("987654325MVA", "NO987654325MVA"),
                (" no931235184mva ", "NO931235184MVA"),
            ],
            &[
                ("", IdError::Empty),
                ("NO987654325", IdError::MissingMvaSuffix),
                ("987654325", IdError::MissingMvaSuffix),
                ("NO987654326MVA", bad(ALG_MOD11_ORG)),
                (
                    "NO98765432MVA",
                    IdError::WrongLength {
                        expected: 9,
                        found: 8,
                    },
                ),
                ("SE556036079301", IdError::NonDigit { found: 'S' }),
            ],
        );
    }

    #[test]
    fn vat_number_org_number() -> Result<(), IdError> {
        let vat = VatNumber::parse("NO 931 235 184 MVA")?;
        assert_eq!(vat.org_number(), OrgNumber::parse("931235184")?);
        assert_eq!(VatNumber::from_org_number(vat.org_number()), vat);
        Ok(())
    }

    #[test]
    fn peppol_id_table() {
        check(
            PeppolId::parse,
            &[
                ("0192:931235184", "0192:931235184"),
                ("  0192:931235184 ", "0192:931235184"),
                ("iso6523-actorid-upis::0192:931235184", "0192:931235184"),
                ("ISO6523-ACTORID-UPIS::0192:931235184", "0192:931235184"),
                ("0088:5790000435975", "0088:5790000435975"),
                ("0184:DK12345674", "0184:DK12345674"),
                ("0184:dk13585628", "0184:DK13585628"),
                ("0208:0403170701", "0208:0403170701"),
                ("0007:5560360793", "0007:5560360793"),
                ("0151:51824753556", "0151:51824753556"),
                ("9925:BE0403170701", "9925:BE0403170701"),
                ("0204:991-12345-67", "0204:991-12345-67"),
            ],
            &[
                ("", IdError::Empty),
                ("931235184", IdError::MissingScheme),
                (":931235184", IdError::MissingScheme),
                (
                    "192:931235184",
                    IdError::InvalidIcd {
                        found: "192".into(),
                    },
                ),
                (
                    "NO:ORG:931235184",
                    IdError::InvalidIcd { found: "NO".into() },
                ),
                ("0192:", IdError::Empty),
                ("0192:931 235 184", IdError::InvalidCharacter { found: ' ' }),
                ("0192:931235185", bad(ALG_MOD11_ORG)),
                ("0192:NO931235184MVA", IdError::NonDigit { found: 'N' }),
                ("0088:5790000435976", bad(ALG_GS1)),
                (
                    "0088:579000043597",
                    IdError::WrongLength {
                        expected: 13,
                        found: 12,
                    },
                ),
                (
                    "0184:12345674",
                    IdError::MissingCountryPrefix {
                        icd: "0184",
                        expected: "DK",
                    },
                ),
                ("0184:DK12345675", bad(ALG_CVR)),
                (
                    "0184:DK1234567",
                    IdError::WrongLength {
                        expected: 8,
                        found: 7,
                    },
                ),
                ("0208:0403170702", bad(ALG_BE)),
                ("0208:BE0403170701", IdError::NonDigit { found: 'B' }),
                ("0007:5560360794", bad(ALG_LUHN)),
                ("0007:556036-0793", IdError::NonDigit { found: '-' }),
                ("0151:51824753557", bad(ALG_ABN)),
                ("9925:BE0403æ", IdError::InvalidCharacter { found: 'æ' }),
            ],
        );
    }

    #[test]
    fn peppol_id_parts_and_limits() -> Result<(), IdError> {
        let id = PeppolId::from_parts(" 0192 ", " 931235184 ")?;
        assert_eq!((id.icd(), id.identifier()), ("0192", "931235184"));
        assert_eq!(id.as_str(), "0192:931235184");
        assert_eq!(id.org_number(), Some(OrgNumber::parse("931235184")?));
        assert_eq!(
            PeppolId::from_org_number(&OrgNumber::parse("931235184")?),
            id
        );
        assert_eq!(
            PeppolId::from_parts("", "931235184"),
            Err(IdError::MissingScheme)
        );
        assert_eq!(
            PeppolId::from_parts("01920", "931235184"),
            Err(IdError::InvalidIcd {
                found: "01920".into()
            })
        );
        let long = "9".repeat(131);
        assert_eq!(
            PeppolId::from_parts("9999", &long),
            Err(IdError::LengthOutOfRange {
                min: 1,
                max: 130,
                found: 131
            })
        );
        assert!(PeppolId::from_parts("9999", &long[..130]).is_ok());
        // An absurd ICD is quoted only in part.
        match PeppolId::from_parts(&"x".repeat(1000), "1") {
            Err(IdError::InvalidIcd { found }) => assert!(found.chars().count() <= 21),
            other => panic!("unexpected {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn norwegian_account_table() {
        check(
            NorwegianAccount::parse,
            &[
                ("86011117947", "86011117947"),
                ("8601.11.17947", "86011117947"),
                ("8601 11 17947", "86011117947"),
                ("1234.56.78903", "12345678903"),
                (" 1234 56 78903 ", "12345678903"),
            ],
            &[
                ("", IdError::Empty),
                ("..", IdError::Empty),
                (
                    "8601111794",
                    IdError::WrongLength {
                        expected: 11,
                        found: 10,
                    },
                ),
                ("8601-11-17947", IdError::NonDigit { found: '-' }),
                ("86011117948", bad(ALG_MOD11_ACCOUNT)),
                ("12345678904", bad(ALG_MOD11_ACCOUNT)),
            ],
        );
    }

    #[test]
    fn norwegian_account_to_iban_and_back() -> Result<(), IdError> {
        let account = NorwegianAccount::parse("8601.11.17947")?;
        let iban = account.to_iban();
        assert_eq!(iban.as_str(), "NO9386011117947");
        assert_eq!(Iban::parse(iban.as_str())?, iban);
        assert_eq!(iban.norwegian_account(), Some(account));
        assert_eq!(
            Iban::parse("DE89370400440532013000")?.norwegian_account(),
            None
        );
        Ok(())
    }

    #[test]
    fn iban_table() {
        check(
            Iban::parse,
            &[
                ("NO9386011117947", "NO9386011117947"),
                ("NO93 8601 1117 947", "NO9386011117947"),
                ("no93 8601 1117 947", "NO9386011117947"),
                ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
                ("GB29NWBK60161331926819", "GB29NWBK60161331926819"),
                ("SE4550000000058398257466", "SE4550000000058398257466"),
                ("DK5000400440116243", "DK5000400440116243"),
                ("FI2112345600000785", "FI2112345600000785"),
                ("NL91ABNA0417164300", "NL91ABNA0417164300"),
                ("BE68539007547034", "BE68539007547034"),
                ("FR1420041010050500013M02606", "FR1420041010050500013M02606"),
                ("CH9300762011623852957", "CH9300762011623852957"),
            ],
            &[
                ("", IdError::Empty),
                ("9O9386011117947", IdError::NonLetter { found: '9' }),
                ("NOX386011117947", IdError::NonDigit { found: 'X' }),
                (
                    "NO93-8601-1117-947",
                    IdError::InvalidCharacter { found: '-' },
                ),
                (
                    "NO938601111794",
                    IdError::WrongLength {
                        expected: 15,
                        found: 14,
                    },
                ),
                ("NO9486011117947", bad(ALG_IBAN)),
                ("DE89370400440532013001", bad(ALG_IBAN)),
                (
                    "ZZ89370400440532013000",
                    IdError::UnknownCountry { found: "ZZ".into() },
                ),
                (
                    "US12",
                    IdError::LengthOutOfRange {
                        min: 15,
                        max: 34,
                        found: 4,
                    },
                ),
                (
                    "N",
                    IdError::LengthOutOfRange {
                        min: 15,
                        max: 34,
                        found: 1,
                    },
                ),
            ],
        );
    }

    #[test]
    fn iban_check_digits_out_of_range_are_rejected() {
        // For this BBAN only "89" is valid: 89 ± 97 is not a two-digit number.
        let bban = "370400440532013000";
        for check in 0u32..=99 {
            let candidate = format!("DE{check:02}{bban}");
            let valid = Iban::parse(&candidate).is_ok();
            assert_eq!(valid, check == 89, "{candidate}");
        }
        // Find a BBAN whose correct check digits are 02 or 98, and make sure the MOD-97
        // aliases 99 / 00 are rejected.
        let aliases = (0u64..10_000).map(|n| format!("{n:018}")).find_map(|b| {
            let check = 98 - iban_mod97("DE", "00", &b);
            match check {
                2 => Some((b, "99")),
                98 => Some((b, "01")),
                97 => Some((b, "00")),
                _ => None,
            }
        });
        let Some((b, alias)) = aliases else {
            panic!("no alias case found")
        };
        assert_eq!(Iban::parse(&format!("DE{alias}{b}")), Err(bad(ALG_IBAN)));
    }

    #[test]
    fn iban_accessors() -> Result<(), IdError> {
        let iban = Iban::parse("GB29 NWBK 6016 1331 9268 19")?;
        assert_eq!(iban.country(), "GB");
        assert_eq!(iban.bban(), "NWBK60161331926819");
        Ok(())
    }

    #[test]
    fn iban_table_is_sorted_and_covers_sepa() {
        assert!(IBAN_LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        #[rustfmt::skip]
        let sepa = [
            ("NO", 15), ("SE", 24), ("DK", 18), ("DE", 22), ("FI", 18), ("GB", 22), ("NL", 18),
            ("BE", 16), ("FR", 27), ("ES", 24), ("IT", 27), ("PL", 28), ("AT", 20), ("IE", 22),
            ("PT", 25), ("IS", 26), ("LI", 21), ("CH", 21), ("EE", 20), ("LV", 21), ("LT", 20),
            ("CZ", 24), ("SK", 24), ("SI", 19), ("HR", 21), ("HU", 28), ("RO", 24), ("BG", 22),
            ("GR", 27), ("CY", 28), ("MT", 31), ("LU", 20), ("MC", 27), ("SM", 27), ("AD", 24),
            ("VA", 22), ("GI", 23), ("AL", 28), ("MD", 24), ("ME", 22), ("MK", 19), ("RS", 22),
        ];
        for (country, len) in sepa {
            assert_eq!(iban_length(country), Some(len), "{country}");
        }
        for (country, _) in IBAN_LENGTHS {
            assert!(is_bank_country(country), "{country}");
        }
    }

    #[test]
    fn bic_table() {
        check(
            Bic::parse,
            &[
                ("DNBANOKK", "DNBANOKK"),
                ("dnbanokkxxx", "DNBANOKKXXX"),
                (" DEUT DE FF 500 ", "DEUTDEFF500"),
                ("ESSESESS", "ESSESESS"),
                ("RBKOXKPR", "RBKOXKPR"),
            ],
            &[
                ("", IdError::Empty),
                ("DNBANOK", IdError::WrongBicLength { found: 7 }),
                ("DNBANOKKXX", IdError::WrongBicLength { found: 10 }),
                ("DNB1NOKK", IdError::NonLetter { found: '1' }),
                ("DNBAN0KK", IdError::NonLetter { found: '0' }),
                ("DNBANOK-", IdError::InvalidCharacter { found: '-' }),
                ("DNBAZZKK", IdError::UnknownCountry { found: "ZZ".into() }),
            ],
        );
    }

    #[test]
    fn bic_accessors() -> Result<(), IdError> {
        let bic = Bic::parse("DEUTDEFF500")?;
        assert_eq!(
            (bic.bank_code(), bic.country(), bic.branch()),
            ("DEUT", "DE", Some("500"))
        );
        assert_eq!(Bic::parse("DNBANOKK")?.branch(), None);
        Ok(())
    }

    #[test]
    fn currency_table() {
        check(
            CurrencyCode::parse,
            &[
                ("NOK", "NOK"),
                (" eur ", "EUR"),
                ("Sek", "SEK"),
                ("JPY", "JPY"),
                ("XCG", "XCG"),
            ],
            &[
                ("", IdError::Empty),
                (
                    "NO",
                    IdError::WrongLength {
                        expected: 3,
                        found: 2,
                    },
                ),
                (
                    "NOKK",
                    IdError::WrongLength {
                        expected: 3,
                        found: 4,
                    },
                ),
                ("N0K", IdError::NonLetter { found: '0' }),
                ("N OK", IdError::NonLetter { found: ' ' }),
                (
                    "ABC",
                    IdError::UnknownCurrency {
                        found: "ABC".into(),
                    },
                ),
                (
                    "xau",
                    IdError::UnknownCurrency {
                        found: "XAU".into(),
                    },
                ),
                (
                    "HRK",
                    IdError::UnknownCurrency {
                        found: "HRK".into(),
                    },
                ),
            ],
        );
    }

    #[test]
    fn currency_minor_units() -> Result<(), IdError> {
        #[rustfmt::skip]
        let cases = [
            ("NOK", 2), ("EUR", 2), ("SEK", 2), ("DKK", 2), ("USD", 2), ("GBP", 2), ("CHF", 2),
            ("PLN", 2), ("JPY", 0), ("ISK", 0), ("KRW", 0), ("BHD", 3), ("KWD", 3), ("JOD", 3),
            ("OMR", 3), ("TND", 3), ("IQD", 3), ("LYD", 3), ("CLF", 4), ("UYW", 4),
        ];
        for (code, units) in cases {
            assert_eq!(CurrencyCode::parse(code)?.minor_units(), units, "{code}");
        }
        Ok(())
    }

    #[test]
    fn currency_table_is_sorted_and_constants_match() -> Result<(), IdError> {
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
        // Money relies on this: Decimal scales above 28 would panic.
        assert!(CURRENCIES.iter().all(|(_, units)| *units <= 4));
        for constant in [
            CurrencyCode::NOK,
            CurrencyCode::EUR,
            CurrencyCode::SEK,
            CurrencyCode::DKK,
            CurrencyCode::USD,
            CurrencyCode::GBP,
        ] {
            assert_eq!(CurrencyCode::parse(constant.as_str())?, constant);
        }
        Ok(())
    }

    #[test]
    fn country_table() {
        check(
            CountryCode::parse,
            &[
                ("NO", "NO"),
                (" se ", "SE"),
                ("1A", "1A"),
                ("xi", "XI"),
                ("GB", "GB"),
            ],
            &[
                ("", IdError::Empty),
                (
                    "N",
                    IdError::WrongLength {
                        expected: 2,
                        found: 1,
                    },
                ),
                (
                    "NOR",
                    IdError::WrongLength {
                        expected: 2,
                        found: 3,
                    },
                ),
                ("N-", IdError::InvalidCharacter { found: '-' }),
                ("ZZ", IdError::UnknownCountry { found: "ZZ".into() }),
                ("UK", IdError::UnknownCountry { found: "UK".into() }),
                ("XK", IdError::UnknownCountry { found: "XK".into() }),
            ],
        );
    }

    #[test]
    fn country_table_is_sorted_and_complete() {
        assert!(COUNTRIES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(COUNTRIES.len(), 249 + 2);
    }

    #[test]
    fn serde_round_trips_and_revalidates() -> Result<(), Box<dyn std::error::Error>> {
        let org = OrgNumber::parse("NO 987 654 325 MVA")?;
        let json = serde_json::to_string(&org)?;
        assert_eq!(json, "\"987654325\"");
        assert_eq!(serde_json::from_str::<OrgNumber>(&json)?, org);
        assert!(serde_json::from_str::<OrgNumber>("\"987654326\"").is_err());

        let vat = VatNumber::parse("987654325MVA")?;
        assert_eq!(serde_json::to_string(&vat)?, "\"NO987654325MVA\"");
        assert!(serde_json::from_str::<VatNumber>("\"NO987654325\"").is_err());

        let id = PeppolId::parse("iso6523-actorid-upis::0192:931235184")?;
        assert_eq!(serde_json::to_string(&id)?, "\"0192:931235184\"");
        assert_eq!(serde_json::from_str::<PeppolId>("\"0192:931235184\"")?, id);

        let currency: CurrencyCode = serde_json::from_str("\"NOK\"")?;
        assert_eq!(currency, CurrencyCode::NOK);
        assert!(serde_json::from_str::<CurrencyCode>("\"XXX\"").is_err());

        let iban: Iban = serde_json::from_str("\"NO93 8601 1117 947\"")?;
        assert_eq!(serde_json::to_string(&iban)?, "\"NO9386011117947\"");
        assert!(serde_json::from_str::<Bic>("\"DNBANOK\"").is_err());
        assert!(serde_json::from_str::<CountryCode>("\"ZZ\"").is_err());
        assert!(serde_json::from_str::<NorwegianAccount>("\"86011117948\"").is_err());
        Ok(())
    }

    #[test]
    fn error_messages_are_english_sentences() {
        assert_eq!(
            IdError::WrongLength {
                expected: 9,
                found: 8
            }
            .to_string(),
            "wrong length: expected 9 characters, found 8"
        );
        assert_eq!(
            IdError::MissingMvaSuffix.to_string(),
            "a Norwegian VAT number must end with \"MVA\""
        );
    }

    proptest! {
        #[test]
        fn prop_org_number(payload in digits(8)) {
            let Some(check) = no_mod11_check(&payload) else {
                return Err(TestCaseError::reject("check digit would be 10"));
            };
            let mut all = payload.clone();
            all.push(check);
            let text = to_text(&all);
            prop_assert_eq!(OrgNumber::parse(&text).map(|o| o.to_string()), Ok(text.clone()));
            let vat = format!("NO{text}MVA");
            prop_assert_eq!(VatNumber::parse(&vat).map(|v| v.to_string()), Ok(vat.clone()));
            prop_assert!(PeppolId::from_parts("0192", &text).is_ok());
            // MOD11 with weights coprime to 11 catches every single-digit error.
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(OrgNumber::parse(&changed), Err(bad(ALG_MOD11_ORG)));
            }
        }

        #[test]
        fn prop_norwegian_account(payload in digits(10)) {
            let Some(check) = no_mod11_check(&payload) else {
                return Err(TestCaseError::reject("check digit would be 10"));
            };
            let mut all = payload.clone();
            all.push(check);
            let text = to_text(&all);
            let parsed = NorwegianAccount::parse(&text);
            prop_assert_eq!(parsed.as_ref().map(|a| a.to_string()), Ok(text.clone()));
            if let Ok(account) = parsed {
                let iban = account.to_iban();
                prop_assert_eq!(Iban::parse(iban.as_str()), Ok(iban.clone()));
                prop_assert_eq!(iban.norwegian_account(), Some(account));
            }
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(NorwegianAccount::parse(&changed), Err(bad(ALG_MOD11_ACCOUNT)));
            }
        }

        #[test]
        fn prop_gln(payload in digits(12)) {
            let mut all = payload.clone();
            all.push(gs1_check(&payload));
            let text = to_text(&all);
            prop_assert!(PeppolId::from_parts("0088", &text).is_ok());
            // Weights 3 and 1 are coprime to 10: every single-digit error is caught.
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(PeppolId::from_parts("0088", &changed), Err(bad(ALG_GS1)));
            }
        }

        #[test]
        fn prop_swedish_org(payload in digits(9)) {
            let mut all = payload.clone();
            all.push(luhn_check(&payload));
            let text = to_text(&all);
            prop_assert!(PeppolId::from_parts("0007", &text).is_ok());
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(PeppolId::from_parts("0007", &changed), Err(bad(ALG_LUHN)));
            }
        }

        #[test]
        fn prop_cvr(payload in digits(7), lower in any::<bool>()) {
            // The last weight is 1, so the last digit is whatever makes the sum ≡ 0 (mod 11).
            let sum: u32 = payload.iter().zip([2u32, 7, 6, 5, 4, 3, 2]).map(|(d, w)| u32::from(*d) * w).sum();
            let last = (11 - sum % 11) % 11;
            if last == 10 {
                return Err(TestCaseError::reject("no digit completes this CVR"));
            }
            let mut all = payload.clone();
            all.push(u8::try_from(last).unwrap_or(0));
            let number = to_text(&all);
            let written = format!("{}{number}", if lower { "dk" } else { "DK" });
            let expected = format!("0184:DK{number}");
            prop_assert_eq!(
                PeppolId::from_parts("0184", &written).map(|p| p.to_string()),
                Ok(expected)
            );
            // Weights 2,7,6,5,4,3,2,1 are all coprime to 11.
            for changed in single_digit_changes(&written) {
                prop_assert_eq!(PeppolId::from_parts("0184", &changed), Err(bad(ALG_CVR)));
            }
        }

        #[test]
        fn prop_belgian_enterprise(head in 0u32..100_000_000) {
            let text = format!("{head:08}{:02}", 97 - head % 97);
            prop_assert!(PeppolId::from_parts("0208", &text).is_ok());
            // 97 is prime and no digit change is a multiple of it.
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(PeppolId::from_parts("0208", &changed), Err(bad(ALG_BE)));
            }
        }

        #[test]
        fn prop_abn(payload in digits(9)) {
            // Digits 3..=11 carry weights 3,5,...,19; the leading pair N satisfies
            // N - 10 + sum ≡ 0 (mod 89), which always has a solution in 10..=98.
            let sum: i64 = payload
                .iter()
                .zip((3i64..).step_by(2))
                .map(|(d, w)| i64::from(*d) * w)
                .sum();
            let lead = 10 + (-sum).rem_euclid(89);
            let text = format!("{lead:02}{}", to_text(&payload));
            prop_assert!(PeppolId::from_parts("0151", &text).is_ok());
            // 89 is prime and larger than every weight times a digit difference.
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(PeppolId::from_parts("0151", &changed), Err(bad(ALG_ABN)));
            }
        }

        #[test]
        fn prop_iban(bban in digits(18)) {
            // Check digits per ISO 13616: 98 - (BBAN + "DE" + "00" as a number, mod 97),
            // computed here with u128 arithmetic instead of the streaming remainder.
            let bban = to_text(&bban);
            let numeric = format!("{bban}131400");
            let n: u128 = numeric.parse().unwrap_or_default();
            let check = 98 - n % 97;
            let text = format!("DE{check:02}{bban}");
            prop_assert_eq!(Iban::parse(&text).map(|i| i.to_string()), Ok(text.clone()));
            for changed in single_digit_changes(&text) {
                prop_assert_eq!(Iban::parse(&changed), Err(bad(ALG_IBAN)));
            }
        }

        #[test]
        fn prop_parsers_never_panic(s in "\\PC{0,40}") {
            let _ = OrgNumber::parse(&s);
            let _ = OrgNumber::parse_strict(&s);
            let _ = VatNumber::parse(&s);
            let _ = PeppolId::parse(&s);
            let _ = NorwegianAccount::parse(&s);
            let _ = Iban::parse(&s);
            let _ = Bic::parse(&s);
            let _ = CurrencyCode::parse(&s);
            let _ = CountryCode::parse(&s);
        }
    }
}
