//! Reading the values a person prints on an invoice: Norwegian amounts (`12 345,50`,
//! `12.345,50`, `kr 1 234,-`), dates (`15.11.2026`, `15. november 2026`), organisation
//! numbers (`NO 987 654 325 MVA`), bank accounts (`1503.12.34567`), percentages.
//!
//! Unlike the strict XML Schema forms of `mottak-ehf`, these forms are the human ones; every
//! function here returns `None` rather than guessing when a value is ambiguous beyond the
//! conventions of Norwegian invoices (comma is the decimal separator; space and dot group
//! thousands).

use std::str::FromStr;

use mottak_invoice::ids::{NorwegianAccount, OrgNumber};
use rust_decimal::Decimal;
use time::{Date, Month};

/// Currency words that may stand before or after a printed amount.
const CURRENCY_AFFIXES: &[&str] = &[
    "NOK", "EUR", "SEK", "DKK", "USD", "GBP", "CHF", "ISK", "PLN", "kr.", "kr", "Kr.", "Kr", "KR",
    "€", "$", "£",
];

/// Spaces people (and PDF generators) put between digit groups.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}')
}

/// An amount as printed on a Norwegian invoice: `12 345,50`, `12.345,50`, `1234.50`,
/// `kr 1 234,-`, `NOK 1 234,00`, `-500,00`, `500,00-`, `(500,00)`. The whole text must be
/// the amount (plus currency words); use [`amounts_in`] to find amounts inside a sentence.
pub(crate) fn amount(text: &str) -> Option<Decimal> {
    let mut s = text.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    // Currency words on either side, possibly with the sign outside them ("-kr 100").
    for _ in 0..2 {
        if let Some(rest) = s.strip_prefix(is_minus) {
            negative = !negative;
            s = rest.trim_start();
        }
        for affix in CURRENCY_AFFIXES {
            if let Some(rest) = s.strip_prefix(affix) {
                s = rest.trim_start();
            }
            if let Some(rest) = s.strip_suffix(affix) {
                s = rest.trim_end();
            }
        }
    }
    // "1 234,-" and "1 234,--": whole kroner.
    let mut whole = false;
    for dash in [",--", ",-", ".-", ",–"] {
        if let Some(rest) = s.strip_suffix(dash) {
            s = rest.trim_end();
            whole = true;
            break;
        }
    }
    if !whole && let Some(rest) = s.strip_suffix(is_minus) {
        negative = !negative;
        s = rest.trim_end();
    }
    if let Some(rest) = s.strip_prefix(is_minus) {
        negative = !negative;
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start();
    }
    let value = if whole {
        grouped_integer(s)?
    } else {
        unsigned_number(s)?
    };
    Some(if negative { -value } else { value })
}

/// Digits with optional thousands grouping and no decimals.
fn grouped_integer(s: &str) -> Option<Decimal> {
    let digits = check_grouping(s, None)?;
    Decimal::from_str(&digits).ok()
}

/// An unsigned number with Norwegian or English separators.
fn unsigned_number(s: &str) -> Option<Decimal> {
    if s.is_empty() || !s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))
    {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    // Which separator is the decimal one.
    let decimal_sep = match (commas, dots) {
        (0, 0) => None,
        (1, 0) => Some(','),
        (_, 0) => None, // "1,234,567": commas group thousands
        (0, 1) => {
            // "1.234" is thousands in Norwegian print, "1234.50" is a decimal point.
            let after = s.rsplit('.').next().unwrap_or_default();
            let before = s.split('.').next().unwrap_or_default();
            let before_digits = before.chars().filter(char::is_ascii_digit).count();
            if after.len() == 3 && (1..=3).contains(&before_digits) && !before.contains(' ') {
                None
            } else {
                Some('.')
            }
        }
        (0, _) => None, // "1.234.567"
        _ => {
            // Both: the last one is the decimal separator.
            let last_comma = s.rfind(',').unwrap_or(0);
            let last_dot = s.rfind('.').unwrap_or(0);
            Some(if last_comma > last_dot { ',' } else { '.' })
        }
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(sep) => {
            let pos = s.rfind(sep)?;
            (s.get(..pos)?, s.get(pos + sep.len_utf8()..)?)
        }
        None => (s, ""),
    };
    if !frac_part.chars().all(|c| c.is_ascii_digit()) || frac_part.len() > 6 {
        return None;
    }
    if decimal_sep.is_some() && frac_part.is_empty() {
        return None;
    }
    let group_sep = match decimal_sep {
        Some(',') => Some('.'),
        Some(_) => Some(','),
        None if commas > 0 => Some(','),
        None if dots > 0 => Some('.'),
        None => None,
    };
    let int_digits = check_grouping(int_part, group_sep)?;
    let mut canonical = int_digits;
    if !frac_part.is_empty() {
        canonical.push('.');
        canonical.push_str(frac_part);
    }
    Decimal::from_str(&canonical).ok()
}

/// The digits of an integer part, checking that any grouping is in threes
/// (`12 345`, `12.345`), so that two numbers side by side (`10 1 200`) are not read as one.
fn check_grouping(s: &str, sep: Option<char>) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let groups: Vec<&str> = s
        .split(|c: char| is_group_space(c) || Some(c) == sep)
        .collect();
    if groups.len() > 1 {
        let (first, rest) = groups.split_first()?;
        if first.is_empty() || first.len() > 3 || rest.iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() || digits.len() > 18 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(digits)
}

/// A quantity: like an amount but never with currency, and `1 000` or `2,5`.
pub(crate) fn quantity(text: &str) -> Option<Decimal> {
    let s = text.trim();
    let (negative, s) = match s.strip_prefix(is_minus) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let value = unsigned_number(s)?;
    Some(if negative { -value } else { value })
}

/// A percentage: `25 %`, `25%`, `25,00 %`, `11,11`, `25`.
pub(crate) fn percent(text: &str) -> Option<Decimal> {
    let s = text.trim();
    let s = s.strip_suffix('%').unwrap_or(s).trim_end();
    let s = s.strip_prefix("Mva").unwrap_or(s).trim();
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let normalised = s.replace(',', ".");
    let value = Decimal::from_str(&normalised).ok()?;
    (value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED).then_some(value)
}

/// Every amount-looking piece of `text`, with its byte range, in order. Used on lines such as
/// `Mva 25 % av 10 000,00   2 500,00` where the amounts share the line with words.
pub(crate) fn amounts_in(text: &str) -> Vec<(Decimal, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else {
            break;
        };
        let starts_number = c.is_ascii_digit()
            && (i == 0
                || chars
                    .get(i - 1)
                    .is_some_and(|(_, p)| !p.is_alphanumeric() && *p != '.' && *p != ','));
        if !starts_number {
            i += 1;
            continue;
        }
        // Extend over digits and separators, allowing single group spaces.
        let mut j = i;
        let mut end = start;
        while let Some(&(pos, ch)) = chars.get(j) {
            let next_is_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
            if ch.is_ascii_digit() {
                end = pos + ch.len_utf8();
                j += 1;
            } else if (ch == ',' || ch == '.' || is_group_space(ch)) && next_is_digit {
                j += 1;
            } else if ch == ',' && chars.get(j + 1).is_some_and(|(_, n)| *n == '-') {
                end = pos + 2;
                j += 2;
                break;
            } else {
                break;
            }
        }
        // A percentage is not an amount.
        let rest = text.get(end..).unwrap_or_default().trim_start();
        let is_percent = rest.starts_with('%');
        let mut candidate = text.get(start..end).unwrap_or_default();
        // Shrink from the left until it parses ("10 1 200,00" → "1 200,00").
        let mut offset = start;
        let mut value = None;
        while !candidate.is_empty() {
            if let Some(v) = amount(candidate) {
                value = Some(v);
                break;
            }
            match candidate.find(is_group_space) {
                Some(p) => {
                    offset += p + 1;
                    candidate = candidate.get(p + 1..).unwrap_or_default();
                }
                None => break,
            }
        }
        if let (Some(v), false) = (value, is_percent) {
            let negative = text
                .get(..offset)
                .and_then(|b| b.trim_end().chars().last())
                .is_some_and(is_minus);
            out.push((if negative { -v } else { v }, offset..end));
        }
        i = j.max(i + 1);
    }
    out
}

/// The first percentage in `text` (`25 %`, `25%`, `11,11 %`), with its byte range.
pub(crate) fn percent_in(text: &str) -> Option<(Decimal, std::ops::Range<usize>)> {
    let pct = text.find('%')?;
    let before = text.get(..pct)?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let number = before.get(start..)?;
    percent(number).map(|p| (p, start..pct + 1))
}

const MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

fn month_from_word(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

fn make_date(year: i32, month: u8, day: u8) -> Option<Date> {
    let year = if (0..100).contains(&year) {
        2000 + year
    } else {
        year
    };
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A date as printed: `15.11.2026`, `15.11.26`, `2026-11-15`, `15/11/2026`, `15-11-2026`,
/// `15. november 2026`, `15 nov 2026`, `November 15, 2026`. The text must be the date
/// (surrounding punctuation allowed); see [`date_in`] for dates inside text.
pub(crate) fn date(text: &str) -> Option<Date> {
    let s = text
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == '(' || c == ')')
        .trim_end_matches('.');
    let numeric: Vec<&str> = s.split(['.', '-', '/']).map(str::trim).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        let [a, b, c] = [numeric[0], numeric[1], numeric[2]];
        let num = |p: &str| p.parse::<i32>().ok();
        if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            return make_date(
                num(a)?,
                u8::try_from(num(b)?).ok()?,
                u8::try_from(num(c)?).ok()?,
            );
        }
        if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || c.len() == 2) && !a.is_empty() {
            return make_date(
                num(c)?,
                u8::try_from(num(b)?).ok()?,
                u8::try_from(num(a)?).ok()?,
            );
        }
        return None;
    }
    // Compact 8 digits: 20261115 or 15112026.
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<i32>().ok());
        if let Some(d) = make_date(
            n(0..4)?,
            u8::try_from(n(4..6)?).ok()?,
            u8::try_from(n(6..8)?).ok()?,
        ) {
            return Some(d);
        }
        return make_date(
            n(4..8)?,
            u8::try_from(n(2..4)?).ok()?,
            u8::try_from(n(0..2)?).ok()?,
        );
    }
    // Words: "15. november 2026", "15 nov. 2026", "November 15, 2026".
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 {
        let day_of = |w: &str| {
            w.trim_end_matches('.')
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
        };
        let year_of = |w: &str| w.parse::<i32>().ok().filter(|_| w.len() == 4);
        if let (Some(d), Some(m), Some(y)) = (
            day_of(words[0]),
            month_from_word(words[1]),
            year_of(words[2]),
        ) {
            return make_date(y, m, d);
        }
        if let (Some(m), Some(d), Some(y)) = (
            month_from_word(words[0]),
            day_of(words[1]),
            year_of(words[2]),
        ) {
            return make_date(y, m, d);
        }
    }
    None
}

/// The first date inside `text`, with its byte range.
pub(crate) fn date_in(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let tokens: Vec<(usize, &str)> = tokens(text);
    for (i, &(start, tok)) in tokens.iter().enumerate() {
        if let Some(d) = date(tok) {
            return Some((d, start..start + tok.len()));
        }
        // Three-word dates.
        if let Some(&(last_start, last)) = tokens.get(i + 2) {
            let end = last_start + last.len();
            if let Some(span) = text.get(start..end)
                && let Some(d) = date(span)
            {
                return Some((d, start..end));
            }
        }
    }
    None
}

/// Whitespace-separated tokens with their byte offsets.
pub(crate) fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, text.get(s..i).unwrap_or_default()));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.get(s..).unwrap_or_default()));
    }
    out
}

/// A run of digits that may be split by single spaces or dots: the raw material of
/// organisation and account numbers.
#[derive(Debug, Clone)]
struct DigitGroups {
    /// (byte start, byte end, digits) of each group.
    groups: Vec<(usize, usize, String)>,
}

fn digit_sequences(text: &str) -> Vec<DigitGroups> {
    let mut out = Vec::new();
    let mut current: Option<DigitGroups> = None;
    let mut group_start: Option<usize> = None;
    let mut digits = String::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut idx = 0;
    while idx <= chars.len() {
        let item = chars.get(idx).copied();
        match item {
            Some((pos, c)) if c.is_ascii_digit() => {
                if group_start.is_none() {
                    // A digit glued to a letter before it (other than "NO") starts nothing new.
                    group_start = Some(pos);
                }
                digits.push(c);
            }
            other => {
                if let Some(gs) = group_start.take() {
                    let end = other.map_or(text.len(), |(p, _)| p);
                    let seq = current.get_or_insert_with(|| DigitGroups { groups: Vec::new() });
                    seq.groups.push((gs, end, std::mem::take(&mut digits)));
                }
                // A single separator between digit groups keeps the sequence going.
                let continues = match other {
                    Some((_, c)) if c == '.' || is_group_space(c) => {
                        current.is_some()
                            && chars.get(idx + 1).is_some_and(|(_, n)| n.is_ascii_digit())
                    }
                    _ => false,
                };
                if !continues && let Some(seq) = current.take() {
                    out.push(seq);
                }
            }
        }
        idx += 1;
    }
    out
}

/// An organisation number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgHit {
    pub(crate) org: OrgNumber,
    /// Byte range of the digits.
    pub(crate) range: std::ops::Range<usize>,
    /// "MVA" follows the number.
    pub(crate) mva: bool,
    /// "NO" precedes the number.
    pub(crate) no_prefix: bool,
}

/// Every valid (MOD11) organisation number in `text`: 9 digits, written together or grouped
/// `987 654 325` / `987.654.325`, optionally `NO` before and `MVA` after. Digit runs longer
/// than 9 (account numbers, KID) are not split into organisation numbers.
pub(crate) fn org_numbers_in(text: &str) -> Vec<OrgHit> {
    let mut out = Vec::new();
    for seq in digit_sequences(text) {
        let total: usize = seq.groups.iter().map(|(_, _, d)| d.len()).sum();
        // The whole run, or its first groups when a phone number or the like follows.
        let mut acc = String::new();
        let mut end = 0;
        let mut ok = false;
        for (_, e, d) in &seq.groups {
            acc.push_str(d);
            end = *e;
            if acc.len() >= 9 {
                ok = acc.len() == 9;
                break;
            }
        }
        if !ok || (total > 9 && seq.groups.len() == 1) {
            continue;
        }
        let Some(start) = seq.groups.first().map(|(s, _, _)| *s) else {
            continue;
        };
        // Glued to letters/digits on the left (other than "NO"): part of something else.
        let before = text.get(..start).unwrap_or_default();
        let no_prefix = {
            let b = before.trim_end();
            b.len() >= 2
                && b.get(b.len() - 2..)
                    .is_some_and(|p| p.eq_ignore_ascii_case("NO"))
                && !b
                    .get(..b.len() - 2)
                    .and_then(|r| r.chars().last())
                    .is_some_and(char::is_alphanumeric)
        };
        if !no_prefix && before.chars().last().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let after = text.get(end..).unwrap_or_default();
        let after_trim = after.trim_start();
        let mva = after_trim
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("MVA"))
            && !after_trim
                .get(3..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphabetic);
        if !mva && after.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Ok(org) = OrgNumber::parse_strict(&acc) {
            out.push(OrgHit {
                org,
                range: start..end,
                mva,
                no_prefix,
            });
        }
    }
    out
}

/// Every valid Norwegian bank account number (11 digits, MOD11) in `text`, written together
/// or grouped `1503.12.34567` / `1503 12 34567`, with its byte range.
pub(crate) fn accounts_in(text: &str) -> Vec<(NorwegianAccount, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for seq in digit_sequences(text) {
        let mut acc = String::new();
        let Some(start) = seq.groups.first().map(|(s, _, _)| *s) else {
            continue;
        };
        for (_, e, d) in &seq.groups {
            acc.push_str(d);
            if acc.len() >= 11 {
                if acc.len() == 11
                    && let Ok(account) = NorwegianAccount::parse(&acc)
                {
                    out.push((account, start..*e));
                }
                break;
            }
        }
    }
    out
}

/// A reference, number or name as printed: trimmed of label punctuation; `None` when
/// nothing meaningful is left.
pub(crate) fn clean_text(text: &str) -> Option<String> {
    let s = text
        .trim()
        .trim_start_matches([':', '.', '#', '-', '–', '=', ' '])
        .trim_end_matches([',', ';', ' '])
        .trim();
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (collapsed.chars().any(char::is_alphanumeric) && collapsed.chars().count() <= 120)
        .then_some(collapsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn norwegian_amounts() {
        assert_eq!(amount("12 345,50"), Some(d("12345.50")));
        assert_eq!(amount("12.345,50"), Some(d("12345.50")));
        assert_eq!(amount("kr 1 234,-"), Some(d("1234")));
        assert_eq!(amount("NOK 1 234,00"), Some(d("1234.00")));
        assert_eq!(amount("1234.50"), Some(d("1234.50")));
        assert_eq!(amount("1,234.50"), Some(d("1234.50")));
        assert_eq!(amount("1.234"), Some(d("1234")));
        assert_eq!(amount("-500,00"), Some(d("-500.00")));
        assert_eq!(amount("500,00-"), Some(d("-500.00")));
        assert_eq!(amount("(500,00)"), Some(d("-500.00")));
        assert_eq!(amount("1 234,50 kr"), Some(d("1234.50")));
        assert_eq!(amount("12\u{a0}345,50"), Some(d("12345.50")));
        assert_eq!(amount("0,00"), Some(d("0.00")));
        assert_eq!(amount("10 1 200,00"), None);
        assert_eq!(amount("25 %"), None);
        assert_eq!(amount("abc"), None);
        assert_eq!(amount(""), None);
        assert_eq!(amount("1503.12.34567"), None);
    }

    #[test]
    fn amounts_inside_text() {
        let found: Vec<Decimal> = amounts_in("Mva 25 % av 10 000,00   2 500,00")
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(found, vec![d("10000.00"), d("2500.00")]);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent("25 %"), Some(d("25")));
        assert_eq!(percent("11,11%"), Some(d("11.11")));
        assert_eq!(percent("15"), Some(d("15")));
        assert_eq!(percent("250"), None);
        assert_eq!(percent_in("Mva 25 % av 100").map(|p| p.0), Some(d("25")));
    }

    #[test]
    fn dates() {
        let expected = Some(date!(2026 - 11 - 15));
        assert_eq!(date("15.11.2026"), expected);
        assert_eq!(date("15.11.26"), expected);
        assert_eq!(date("2026-11-15"), expected);
        assert_eq!(date("15/11/2026"), expected);
        assert_eq!(date("15. november 2026"), expected);
        assert_eq!(date("15 nov. 2026"), expected);
        assert_eq!(date("November 15, 2026"), expected);
        assert_eq!(date("31.02.2026"), None);
        assert_eq!(
            date_in("Forfall: 15.11.2026 (14 dager)").map(|d| d.0),
            expected
        );
        assert_eq!(date_in("den 15. november 2026.").map(|d| d.0), expected);
    }

    #[test]
    fn organisation_numbers() {
        let hits = org_numbers_in("Foretaksregisteret NO 987 654 325 MVA");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].org.as_str(), "987654325");
        assert!(hits[0].mva && hits[0].no_prefix);
        let hits = org_numbers_in("Org.nr. 987654325MVA");
        assert!(hits[0].mva);
        assert!(!hits[0].no_prefix);
        let hits = org_numbers_in("Org.nr. 987.654.325");
        assert_eq!(hits.len(), 1);
        assert!(
            org_numbers_in("Org.nr. 987 654 326").is_empty(),
            "bad check digit"
        );
        assert!(org_numbers_in("Konto 1503 12 34567").is_empty());
        assert!(org_numbers_in("KID 0001023456").is_empty());
    }

    #[test]
    fn bank_accounts() {
        let found = accounts_in("Kontonr: 1503.12.34562");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.as_str(), "15031234562");
        assert_eq!(accounts_in("1503 12 34562").len(), 1);
        assert!(accounts_in("1503 12 34567").is_empty(), "bad check digit");
    }
}
