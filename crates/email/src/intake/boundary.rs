//! A workaround for mail-parser 0.11 matching a multipart boundary anywhere in a line.
//!
//! RFC 2046 §5.1.1: a delimiter is `--boundary` at the *start of a line*, followed only by
//! optional `--` (the close delimiter), optional white space and the line end. mail-parser
//! 0.11 instead takes `--boundary` wherever it occurs (stalwartlabs/mail-parser#156, fixed
//! only in 1.0, which needs a newer Rust). What that does to a mail (see
//! `tests/mail_parser_boundary_bug.rs`):
//!
//! - `... the boundary is --XYZ in the middle of a line ...` ends the text part right
//!   there; the rest of the part is silently dropped (and its lines are read as headers of
//!   a phantom next part, which may swallow the real next part's headers);
//! - `... --XYZ-- ...` mid-line *closes the multipart*: every later part — the invoice PDF —
//!   disappears, and the mail would look like it had no document at all;
//! - a line that merely *starts* with `--XYZ` (`--XYZabc`) is cut the same way.
//!
//! The workaround works on a copy; the original bytes stay untouched (the pipeline stores
//! them). mail-parser parses the bytes; for every `multipart/*` Content-Type header it
//! found (their positions are exact), if `--boundary` occurs anywhere in the bytes other
//! than as a proper delimiter line, the proper delimiter lines of that boundary and its
//! `boundary=` parameters are rewritten to a fresh boundary that occurs nowhere in the
//! message. Nothing else changes (a mention of `boundary=` in body text is left alone), so
//! mail-parser then sees only real delimiters. The copy is parsed again: parts the bug had
//! swallowed may bring multipart headers of their own, so this repeats, at most
//! [`MAX_ROUNDS`] times ([`parse_repaired`]).

use mail_parser::{Encoding, HeaderName, Message, PartType};

use super::detect::find;
use super::walk::parse;

/// How often a message is repaired and parsed again.
pub(crate) const MAX_ROUNDS: usize = 4;

/// Parses `bytes`, repairing boundaries as needed (on a copy), and hands the message to
/// `read` (`None` if mail-parser finds no headers at all, or gave up).
pub(crate) fn parse_repaired<R>(bytes: &[u8], read: impl FnOnce(Option<&Message<'_>>) -> R) -> R {
    let mut repaired: Option<Vec<u8>> = None;
    let mut rounds = 0;
    loop {
        let source = repaired.as_deref().unwrap_or(bytes);
        let message = parse(source);
        let fixed = match &message {
            Some(message) if rounds < MAX_ROUNDS => repair(message, source),
            _ => None,
        };
        match fixed {
            None => return read(message.as_ref()),
            Some(fixed) => {
                drop(message);
                repaired = Some(fixed);
                rounds += 1;
            }
        }
    }
}

/// At most this many distinct boundaries are examined (a real mail has a handful; the cap
/// keeps a hostile message from making the scan quadratic).
const MAX_BOUNDARIES: usize = 32;

/// RFC 2046 allows 70 characters; some writers use more. Longer "boundaries" are ignored.
const MAX_BOUNDARY_LEN: usize = 200;

/// A `boundary=` parameter found in the raw bytes: where its value (with any quotes) sits.
#[derive(Debug, Clone)]
struct Param {
    value_start: usize,
    value_end: usize,
    boundary: Vec<u8>,
}

/// Returns a repaired copy of `raw` (which `message` was parsed from) when some boundary
/// occurs other than as a delimiter line, `None` when `message` can be used as it is.
pub(crate) fn repair(message: &Message<'_>, raw: &[u8]) -> Option<Vec<u8>> {
    let mut params = Vec::new();
    multipart_params(message, raw, &mut params, 0);
    params.sort_by_key(|p| p.value_start);
    params.dedup_by_key(|p| p.value_start);
    if params.is_empty() {
        return None;
    }
    let mut boundaries: Vec<Vec<u8>> = Vec::new();
    for param in &params {
        if !boundaries.contains(&param.boundary) && boundaries.len() < MAX_BOUNDARIES {
            boundaries.push(param.boundary.clone());
        }
    }
    let broken: Vec<&Vec<u8>> = boundaries
        .iter()
        .filter(|b| has_improper_occurrence(raw, b))
        .collect();
    if broken.is_empty() {
        return None;
    }

    // One fresh boundary per broken one.
    let mut fresh: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    let mut counter = 0u32;
    for old in broken {
        let new = loop {
            counter += 1;
            let candidate = format!("mottak{counter}x{}", old.len()).into_bytes();
            let clashes = find(raw, &candidate).is_some()
                || boundaries.iter().any(|b| candidate.starts_with(b))
                || fresh.iter().any(|(_, f)| f == &candidate);
            if !clashes {
                break candidate;
            }
        };
        fresh.push((old.clone(), new));
    }
    // Longest first, so that of two boundaries where one is a prefix of the other the
    // longer one claims its own lines.
    fresh.sort_by_key(|(old, _)| std::cmp::Reverse(old.len()));

    let mut out = Vec::with_capacity(raw.len() + 64);
    let mut params = params.into_iter().peekable();
    let mut pos = 0;
    let mut line_start = true;
    while pos < raw.len() {
        // A boundary parameter value to rewrite?
        while params.peek().is_some_and(|p| p.value_start < pos) {
            params.next();
        }
        if let Some(param) = params.peek()
            && param.value_start == pos
            && let Some((_, new)) = fresh.iter().find(|(old, _)| *old == param.boundary)
        {
            out.push(b'"');
            out.extend_from_slice(new);
            out.push(b'"');
            pos = param.value_end;
            line_start = false;
            params.next();
            continue;
        }
        // A delimiter line to rewrite?
        if line_start
            && raw.get(pos..pos + 2) == Some(b"--".as_slice())
            && let Some((old, new)) = fresh.iter().find(|(old, _)| is_delimiter_at(raw, pos, old))
        {
            out.extend_from_slice(b"--");
            out.extend_from_slice(new);
            pos += 2 + old.len();
            line_start = false;
            continue;
        }
        let byte = raw[pos];
        out.push(byte);
        line_start = byte == b'\n';
        pos += 1;
    }
    Some(out)
}

/// Whether `--boundary` occurs in `raw` anywhere but as a proper delimiter line.
fn has_improper_occurrence(raw: &[u8], boundary: &[u8]) -> bool {
    let mut from = 0;
    while let Some(offset) = raw.get(from..).and_then(|rest| find(rest, b"--")) {
        let at = from + offset;
        if raw
            .get(at + 2..)
            .is_some_and(|rest| rest.starts_with(boundary))
        {
            let at_line_start = at == 0 || raw.get(at - 1) == Some(&b'\n');
            if !(at_line_start && is_delimiter_at(raw, at, boundary)) {
                return true;
            }
            from = at + 2 + boundary.len();
        } else {
            from = at + 1;
        }
    }
    false
}

/// Whether a delimiter line for `boundary` starts at `at` (which must be a line start):
/// `--boundary`, optional `--`, optional spaces/tabs, then CRLF, LF or the end.
fn is_delimiter_at(raw: &[u8], at: usize, boundary: &[u8]) -> bool {
    let Some(rest) = raw.get(at..) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(b"--") else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(boundary) else {
        return false;
    };
    let rest = rest.strip_prefix(b"--").unwrap_or(rest);
    let blank = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(rest.len());
    matches!(
        rest.get(blank..),
        Some([]) | Some([b'\n', ..]) | Some([b'\r', b'\n', ..]) | Some([b'\r'])
    )
}

/// The `boundary=` parameters of the multipart Content-Type headers mail-parser found in
/// `message` and the forwarded messages it parsed in place (an encoded forwarded message
/// was parsed from its decoded bytes; the walk repairs it on its own).
fn multipart_params(message: &Message<'_>, raw: &[u8], out: &mut Vec<Param>, depth: usize) {
    if depth > super::MAX_NESTING {
        return;
    }
    for part in &message.parts {
        let header = part
            .headers
            .iter()
            .find(|h| h.name == HeaderName::ContentType);
        if let Some(header) = header
            && let Some(content_type) = header.value.as_content_type()
            && content_type.ctype().eq_ignore_ascii_case("multipart")
            && let Some(boundary) = content_type.attribute("boundary")
        {
            let start = header.offset_start as usize;
            let end = header.offset_end as usize;
            if let Some(value) = raw.get(start..end) {
                out.extend(
                    boundary_params(value)
                        .into_iter()
                        .filter(|p| p.boundary == boundary.as_bytes())
                        .map(|p| Param {
                            value_start: p.value_start + start,
                            value_end: p.value_end + start,
                            boundary: p.boundary,
                        }),
                );
            }
        }
        if let PartType::Message(inner) = &part.body
            && part.encoding == Encoding::None
        {
            multipart_params(inner, raw, out, depth + 1);
        }
    }
}

/// Every `boundary=` parameter in a Content-Type value: the word `boundary` (any case)
/// after a `;` and optional white space (folding included), then `=`, then a quoted string
/// or a token.
fn boundary_params(raw: &[u8]) -> Vec<Param> {
    let mut params = Vec::new();
    let mut from = 0;
    while let Some(offset) = raw
        .get(from..)
        .and_then(|rest| find_ignore_case(rest, b"boundary"))
    {
        let at = from + offset;
        from = at + 8;
        // Preceded by `;` and white space only.
        let before = raw[..at].iter().rposition(|b| !b.is_ascii_whitespace());
        if before.and_then(|i| raw.get(i)) != Some(&b';') {
            continue;
        }
        let mut pos = at + 8;
        while raw.get(pos).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            pos += 1;
        }
        if raw.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while raw.get(pos).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            pos += 1;
        }
        let value_start = pos;
        let (boundary, value_end) = if raw.get(pos) == Some(&b'"') {
            let mut value = Vec::new();
            pos += 1;
            let mut closed = false;
            while let Some(&b) = raw.get(pos) {
                match b {
                    b'"' => {
                        closed = true;
                        pos += 1;
                        break;
                    }
                    b'\\' => {
                        if let Some(&escaped) = raw.get(pos + 1) {
                            value.push(escaped);
                        }
                        pos += 2;
                    }
                    b'\r' | b'\n' => break,
                    _ => {
                        value.push(b);
                        pos += 1;
                    }
                }
                if value.len() > MAX_BOUNDARY_LEN {
                    break;
                }
            }
            if !closed {
                continue;
            }
            (value, pos)
        } else {
            let end = raw[pos..]
                .iter()
                .position(|b| matches!(b, b';' | b' ' | b'\t' | b'\r' | b'\n' | b'"'))
                .map_or(raw.len(), |i| pos + i);
            (raw[pos..end].to_vec(), end)
        };
        if boundary.is_empty() || boundary.len() > MAX_BOUNDARY_LEN {
            continue;
        }
        from = value_end;
        params.push(Param {
            value_start,
            value_end,
            boundary,
        });
    }
    params
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?.to_ascii_lowercase();
    let mut from = 0;
    while let Some(offset) = haystack
        .get(from..)?
        .iter()
        .position(|b| b.to_ascii_lowercase() == first)
    {
        let at = from + offset;
        if haystack
            .get(at..at + needle.len())?
            .eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair_bytes(raw: &[u8]) -> Option<Vec<u8>> {
        let message = parse(raw).expect("parses");
        repair(&message, raw)
    }

    const MAIL: &[u8] = b"Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n\
--XYZ\r\n\
Content-Type: text/plain\r\n\r\n\
the boundary is --XYZ in the middle of a line\r\n\
--XYZ\r\n\
Content-Type: application/pdf\r\n\r\n\
%PDF-1.4\r\n\
--XYZ--\r\n";

    #[test]
    fn proper_delimiters_only_need_no_copy() {
        let raw =
            b"Content-Type: multipart/mixed; boundary=XYZ\r\n\r\n--XYZ\r\n\r\nhi\r\n--XYZ--  \r\n";
        assert_eq!(repair_bytes(raw), None);
        assert_eq!(
            repair_bytes(b"Subject: no multipart\r\n\r\nbody --XYZ"),
            None
        );
    }

    #[test]
    fn mid_line_boundary_rewrites_only_delimiters_and_parameter() {
        let fixed = repair_bytes(MAIL).expect("needs repair");
        let text = String::from_utf8(fixed).expect("utf-8");
        assert!(text.contains("boundary=\"mottak1x3\""), "{text}");
        assert!(
            text.contains("the boundary is --XYZ in the middle of a line"),
            "{text}"
        );
        assert_eq!(text.matches("--mottak1x3").count(), 3, "{text}");
        assert!(text.contains("--mottak1x3--\r\n"), "{text}");
    }

    #[test]
    fn a_line_starting_with_the_boundary_and_more_is_not_a_delimiter() {
        let raw = b"Content-Type: multipart/mixed; boundary=XYZ\r\n\r\n--XYZ\r\n\r\n--XYZabc\r\n--XYZ--\r\n";
        let fixed = repair_bytes(raw).expect("needs repair");
        let text = String::from_utf8(fixed).expect("utf-8");
        assert!(text.contains("\r\n--XYZabc\r\n"), "{text}");
        assert!(
            text.starts_with("Content-Type: multipart/mixed; boundary=\"mottak"),
            "{text}"
        );
    }

    #[test]
    fn fresh_boundary_avoids_text_in_the_message() {
        let mut raw = MAIL.to_vec();
        raw.extend_from_slice(b"epilogue mottak1x3\r\n");
        let fixed = repair_bytes(&raw).expect("needs repair");
        let text = String::from_utf8(fixed).expect("utf-8");
        assert!(text.contains("boundary=\"mottak2x3\""), "{text}");
    }

    #[test]
    fn quoted_folded_and_case_insensitive_parameters() {
        let raw = b"Content-Type: multipart/mixed;\r\n\tBOUNDARY = \"a\\\"b\"\r\n\r\n--a\"b\r\nx --a\"b y\r\n--a\"b--\r\n";
        let fixed = repair_bytes(raw).expect("needs repair");
        let text = String::from_utf8(fixed).expect("utf-8");
        assert!(text.contains("BOUNDARY = \"mottak1x3\""), "{text}");
        assert!(text.contains("x --a\"b y"), "{text}");
    }

    #[test]
    fn a_boundary_parameter_in_body_text_is_left_alone() {
        let raw = b"From: a@b.no\r\n\r\nQuoted: Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n--XYZ mid --XYZ\r\n";
        assert_eq!(repair_bytes(raw), None);
    }

    #[test]
    fn repairs_repeat_until_the_swallowed_parts_are_back() {
        // The outer mid-line close delimiter hides the inner multipart entirely; only the
        // second round sees (and repairs) the inner boundary.
        let raw = b"Content-Type: multipart/mixed; boundary=\"O\"\r\n\r\n\
--O\r\nContent-Type: text/plain\r\n\r\nsee --O-- here\r\n\
--O\r\nContent-Type: multipart/alternative; boundary=\"I\"\r\n\r\n\
--I\r\nContent-Type: text/plain\r\n\r\nsee --I-- too\r\n\
--I\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n\
--I--\r\n--O--\r\n";
        let texts = parse_repaired(raw, |message| {
            let message = message.expect("parses");
            message
                .parts
                .iter()
                .map(|p| match &p.body {
                    PartType::Text(t) => t.to_string(),
                    PartType::Binary(b) => String::from_utf8_lossy(b).into_owned(),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
        });
        assert!(texts.contains(&"see --O-- here".to_string()), "{texts:?}");
        assert!(texts.contains(&"see --I-- too".to_string()), "{texts:?}");
        assert!(texts.contains(&"%PDF-1.4 x".to_string()), "{texts:?}");
    }
}
