//! Check digits of the identifiers the Peppol rules verify (PEPPOL-COMMON-R040…R050):
//! exactly as the official rules compute them, for `mottak-en16931` and for the Invoice
//! Response checker in `mottak-ehf`. Callers check the format (length, digits) first; other
//! characters give a meaningless answer, never a panic.

fn digit(b: u8) -> u32 {
    u32::from(b.saturating_sub(b'0'))
}

/// GS1 check digit: weights 3, 1, 3, … from the right, over all digits but the last.
pub fn gln_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| digit(d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    (10 - sum % 10) % 10 == digit(check)
}

/// Mod-11 with weights 2…7 from the right (Norwegian organisation numbers).
pub fn mod11_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    if !b.iter().any(|&d| d != b'0') {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| digit(d) * (u32::try_from(i % 6).unwrap_or(0) + 2))
        .sum();
    (11 - sum % 11) % 11 == digit(check)
}

pub fn mod97_0208_ok(s: &str) -> bool {
    let (Some(head), Some(check)) = (s.get(..8), s.get(8..10)) else {
        return false;
    };
    let (Ok(head), Ok(check)) = (head.parse::<u64>(), check.parse::<u64>()) else {
        return false;
    };
    97 - head % 97 == check
}

pub fn luhn_se_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(main), Some(&check)) = (b.get(..9), b.get(9)) else {
        return false;
    };
    let sum: u32 = main
        .iter()
        .rev()
        .enumerate()
        .map(|(pos, &d)| {
            let d = digit(d);
            if pos % 2 == 0 {
                (d * 2) % 10 + (d * 2) / 10
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10 == digit(check)
}

pub fn abn_ok(s: &str) -> bool {
    const WEIGHTS: [i64; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let sum: i64 = s
        .bytes()
        .zip(WEIGHTS)
        .enumerate()
        .map(|(i, (d, w))| {
            let v = i64::from(d) - 48 - i64::from(i == 0);
            v * w
        })
        .sum();
    sum.rem_euclid(89) == 0
}

/// The raw (not normalized) text: `DK` + 8 digits, or 8 digits.
pub fn danish_cvr_ok(raw: &str) -> bool {
    let chars: Vec<char> = raw.chars().collect();
    let digits = |c: &[char]| c.iter().all(char::is_ascii_digit);
    (chars.len() == 10 && raw.starts_with("DK") && digits(&chars[2..]))
        || (chars.len() == 8 && digits(&chars))
}
