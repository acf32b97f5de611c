//! Internet messages written by hand (RFC 5322 / MIME), CRLF throughout, so each fixture's
//! oddity is exactly what we wrote: headers are given as lines, bodies are encoded here
//! (base64 at 76 columns, quoted-printable, 8bit), and multiparts are assembled with the
//! boundary and preamble we choose.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use time::{Date, Month, Time, UtcOffset};

pub(crate) const CRLF: &str = "\r\n";

/// A MIME entity: header lines and a body.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    headers: Vec<String>,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    /// Already encoded, CRLF line breaks.
    Bytes(Vec<u8>),
    Multipart {
        boundary: String,
        preamble: Option<String>,
        parts: Vec<Part>,
    },
}

impl Part {
    /// A leaf whose body is already encoded for transport.
    pub(crate) fn leaf(headers: Vec<String>, body: Vec<u8>) -> Part {
        Part {
            headers,
            body: Body::Bytes(body),
        }
    }

    /// A multipart entity; its `Content-Type` line must be among `headers`.
    pub(crate) fn multipart(
        headers: Vec<String>,
        boundary: &str,
        preamble: Option<&str>,
        parts: Vec<Part>,
    ) -> Part {
        Part {
            headers,
            body: Body::Multipart {
                boundary: boundary.to_owned(),
                preamble: preamble.map(str::to_owned),
                parts,
            },
        }
    }

    /// Header lines, a blank line, the body; a multipart body as preamble, then each part
    /// after `CRLF--boundary CRLF`, then `CRLF--boundary--CRLF`.
    pub(crate) fn render(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for h in &self.headers {
            out.extend_from_slice(fold(h).as_bytes());
            out.extend_from_slice(CRLF.as_bytes());
        }
        out.extend_from_slice(CRLF.as_bytes());
        match &self.body {
            Body::Bytes(bytes) => out.extend_from_slice(bytes),
            Body::Multipart {
                boundary,
                preamble,
                parts,
            } => {
                if let Some(p) = preamble {
                    out.extend_from_slice(p.as_bytes());
                    out.extend_from_slice(CRLF.as_bytes());
                }
                for part in parts {
                    out.extend_from_slice(format!("{CRLF}--{boundary}{CRLF}").as_bytes());
                    out.extend_from_slice(&part.render());
                }
                out.extend_from_slice(format!("{CRLF}--{boundary}--{CRLF}").as_bytes());
            }
        }
        out
    }
}

/// Fold a header line longer than 78 characters at spaces (continuation lines start with a
/// space), never inside an encoded word or an address.
fn fold(line: &str) -> String {
    if line.len() <= 78 || line.contains(CRLF) {
        return line.to_owned();
    }
    let mut out = String::new();
    let mut current = String::new();
    for word in line.split(' ') {
        // Never fold right after the field name: a value must not start on a new line.
        let only_name = !current.contains(' ') && current.ends_with(':');
        if !only_name && !current.trim().is_empty() && current.len() + 1 + word.len() > 78 {
            out.push_str(&current);
            out.push_str(CRLF);
            // The continuation line starts with the space we folded at.
            current = format!(" {word}");
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push_str(&current);
    out
}

/// Base64 in lines of 76 characters, CRLF between them, no trailing line break.
pub(crate) fn base64(bytes: &[u8]) -> Vec<u8> {
    let encoded = STANDARD.encode(bytes);
    encoded
        .as_bytes()
        .chunks(76)
        .collect::<Vec<_>>()
        .join(CRLF.as_bytes())
}

/// Quoted-printable (RFC 2045) of `bytes`, whose line breaks are `\n`; output lines of at
/// most 76 characters, CRLF hard breaks, ends with CRLF.
pub(crate) fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let mut out = String::new();
    for line in bytes.split(|&b| b == b'\n') {
        let mut current = String::new();
        for (i, &b) in line.iter().enumerate() {
            let last = i + 1 == line.len();
            let token = match b {
                b' ' | b'\t' if last => format!("={b:02X}"),
                b' ' | b'\t' => char::from(b).to_string(),
                b'=' => "=3D".to_owned(),
                33..=126 => char::from(b).to_string(),
                _ => format!("={b:02X}"),
            };
            if current.len() + token.len() > 75 {
                out.push_str(&current);
                out.push('=');
                out.push_str(CRLF);
                current.clear();
            }
            current.push_str(&token);
        }
        out.push_str(&current);
        out.push_str(CRLF);
    }
    // `split` gives a final empty line for text ending in '\n'; drop its extra CRLF.
    if bytes.ends_with(b"\n") {
        out.truncate(out.len() - CRLF.len());
    }
    out.into_bytes()
}

/// UTF-8 text with CRLF line breaks, for an `8bit` body.
pub(crate) fn crlf(text: &str) -> Vec<u8> {
    text.replace('\n', CRLF).into_bytes()
}

/// An RFC 2047 `Q` encoded word for UTF-8 text, split into several words (separated by a
/// space, which the header folding may turn into a line break) of at most 60 characters, so
/// that a folded line stays under 78. Plain ASCII text is returned as it is.
pub(crate) fn q_words(text: &str) -> String {
    q_words_in("UTF-8", text, |c| c.to_string().into_bytes())
}

/// As [`q_words`], for ISO-8859-1.
pub(crate) fn q_words_latin1(text: &str) -> String {
    q_words_in("ISO-8859-1", text, |c| vec![c as u32 as u8])
}

fn q_words_in(charset: &str, text: &str, bytes_of: impl Fn(char) -> Vec<u8>) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    let prefix = format!("=?{charset}?Q?");
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let mut token = String::new();
        for b in bytes_of(c) {
            match b {
                b' ' => token.push('_'),
                b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'-' | b'!' | b'*' | b'+' | b'/' => {
                    token.push(char::from(b))
                }
                _ => token.push_str(&format!("={b:02X}")),
            }
        }
        if prefix.len() + current.len() + token.len() + 2 > 60 {
            words.push(format!("{prefix}{current}?="));
            current.clear();
        }
        current.push_str(&token);
    }
    words.push(format!("{prefix}{current}?="));
    words.join(" ")
}

/// An RFC 2047 `B` encoded word for UTF-8 text.
pub(crate) fn b_word(text: &str) -> String {
    format!("=?UTF-8?B?{}?=", STANDARD.encode(text.as_bytes()))
}

/// An RFC 5322 date: `Tue, 14 Apr 2026 09:12:31 +0200`.
pub(crate) fn rfc5322_date(date: Date, time: Time, offset_hours: i8) -> String {
    let weekday = match date.weekday() {
        time::Weekday::Monday => "Mon",
        time::Weekday::Tuesday => "Tue",
        time::Weekday::Wednesday => "Wed",
        time::Weekday::Thursday => "Thu",
        time::Weekday::Friday => "Fri",
        time::Weekday::Saturday => "Sat",
        time::Weekday::Sunday => "Sun",
    };
    let month = match date.month() {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    };
    let offset = UtcOffset::from_hms(offset_hours, 0, 0).map_or(0, |o| o.whole_hours());
    format!(
        "{weekday}, {} {month} {} {:02}:{:02}:{:02} {}{:02}00",
        date.day(),
        date.year(),
        time.hour(),
        time.minute(),
        time.second(),
        if offset < 0 { '-' } else { '+' },
        offset.unsigned_abs()
    )
}

/// The file name with RFC 2231 percent-encoding (`filename*=UTF-8''...`).
pub(crate) fn rfc2231(text: &str) -> String {
    let mut out = String::from("UTF-8''");
    for b in text.bytes() {
        match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'.' | b'-' | b'_' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    #[test]
    fn encodings_follow_the_rfcs() {
        assert_eq!(
            rfc5322_date(date!(2026 - 04 - 14), time!(09:12:31), 2),
            "Tue, 14 Apr 2026 09:12:31 +0200"
        );
        assert_eq!(
            rfc2231("faktura_åøæ.pdf"),
            "UTF-8''faktura_%C3%A5%C3%B8%C3%A6.pdf"
        );
        assert_eq!(q_words_latin1("Bjørn"), "=?ISO-8859-1?Q?Bj=F8rn?=");
        assert_eq!(
            quoted_printable("Hei på deg=\nlinje2 \n".as_bytes()),
            b"Hei p=C3=A5 deg=3D\r\nlinje2=20\r\n".to_vec()
        );
        let long = "x".repeat(100);
        let qp = quoted_printable(long.as_bytes());
        assert!(qp.split(|&b| b == b'\n').all(|l| l.len() <= 77));
        assert_eq!(base64(&[0u8; 60]).len(), 76 + 2 + 4);
    }
}
