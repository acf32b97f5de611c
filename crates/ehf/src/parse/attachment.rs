//! Embedded attachments: collecting the Base64 text, decoding it within the size limit and
//! judging the bytes against the declared `mimeCode`.
//!
//! A broken attachment never rejects the invoice: the problem is recorded on the
//! [`Attachment`] so a clerk (or a rule) can decide what to do with it.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use mottak_invoice::filetype::FileType;
use mottak_invoice::{Attachment, AttachmentProblem};
use sha2::{Digest, Sha256};

/// The `mimeCode` values Peppol BIS Billing 3.0 allows for embedded documents.
pub const ALLOWED_MIME_CODES: [&str; 6] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
];

/// How much Base64 text is kept of an oversized attachment: enough to recognise its type
/// (the text check looks at 8 KiB), a multiple of 4 so that it decodes on its own.
const SNIFF_SYMBOLS: usize = 8192 / 3 * 4 + 4;

/// Base64 text collected from the text events of one `EmbeddedDocumentBinaryObject`.
#[derive(Debug)]
pub(crate) struct Base64Text {
    /// The text without whitespace; only a prefix once the limit is passed.
    text: Vec<u8>,
    /// Base64 symbols seen (not counting whitespace and `=`), to know the decoded size
    /// without keeping the text.
    symbols: u64,
    limit: u64,
    over_limit: bool,
    /// More than two `=` in a row were seen (and dropped).
    excess_padding: bool,
}

impl Base64Text {
    pub(crate) fn new(limit: u64) -> Base64Text {
        Base64Text {
            text: Vec::new(),
            symbols: 0,
            limit,
            over_limit: false,
            excess_padding: false,
        }
    }

    /// Adds a piece of the element's text. Whitespace and line breaks may be anywhere.
    pub(crate) fn push(&mut self, chunk: &str) {
        for &b in chunk.as_bytes() {
            if b.is_ascii_whitespace() {
                continue;
            }
            if b == b'=' {
                // Padding is at most "==": more is corrupt, and must not grow the buffer.
                if self.text.ends_with(b"==") {
                    self.excess_padding = true;
                    continue;
                }
            } else {
                self.symbols = self.symbols.saturating_add(1);
            }
            if self.over_limit {
                continue;
            }
            if decoded_len(self.symbols) > self.limit {
                // Stop here: keep just enough to recognise the type, never decode the rest.
                self.over_limit = true;
                self.text.truncate(SNIFF_SYMBOLS);
                self.text.shrink_to_fit();
            } else {
                self.text.push(b);
            }
        }
    }

    /// Fills `attachment` from the collected text and returns the decoded bytes, if usable.
    pub(crate) fn finish(self, attachment: &mut Attachment) -> Option<Vec<u8>> {
        if self.over_limit {
            let sniff_len = self.text.len().min(SNIFF_SYMBOLS) / 4 * 4;
            let prefix = self.text.get(..sniff_len).unwrap_or_default();
            attachment.detected = STANDARD_PAD_INDIFFERENT
                .decode(prefix)
                .ok()
                .map(|bytes| FileType::detect(&bytes));
            let size = decoded_len(self.symbols);
            attachment.size = Some(size);
            attachment.problem = Some(AttachmentProblem::TooLarge {
                size,
                limit: self.limit,
            });
            return None;
        }
        if self.excess_padding {
            attachment.problem = Some(AttachmentProblem::CorruptBase64 {
                detail: describe(&base64::DecodeError::InvalidPadding),
            });
            return None;
        }
        let bytes = match STANDARD_PAD_INDIFFERENT.decode(&self.text) {
            Ok(bytes) => bytes,
            Err(err) => {
                attachment.problem = Some(AttachmentProblem::CorruptBase64 {
                    detail: describe(&err),
                });
                return None;
            }
        };
        let detected = FileType::detect(&bytes);
        attachment.detected = Some(detected);
        attachment.sha256 = Some(hex::encode(Sha256::digest(&bytes)));
        attachment.size = Some(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
        attachment.problem = judge_mime(attachment.declared_mime.as_deref(), detected);
        Some(bytes)
    }
}

/// The number of bytes `symbols` Base64 symbols decode to.
fn decoded_len(symbols: u64) -> u64 {
    let tail = match symbols % 4 {
        2 => 1,
        3 => 2,
        _ => 0,
    };
    (symbols / 4).saturating_mul(3).saturating_add(tail)
}

/// Whether the declared type fits the bytes, and whether BIS 3 allows it at all.
fn judge_mime(declared: Option<&str>, detected: FileType) -> Option<AttachmentProblem> {
    // Without a mimeCode there is nothing to contradict; a missing mimeCode is a rule
    // violation for the rules to report, not a problem with the bytes.
    let declared = declared?;
    if !detected.matches_mime(declared) {
        return Some(AttachmentProblem::TypeMismatch {
            declared: declared.to_owned(),
            detected,
        });
    }
    let essence = declared.split(';').next().unwrap_or_default().trim();
    if !ALLOWED_MIME_CODES
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(essence))
    {
        return Some(AttachmentProblem::MimeNotAllowed {
            declared: declared.to_owned(),
        });
    }
    None
}

/// A bilingual description of a Base64 error, for the clerk and the supplier.
fn describe(err: &base64::DecodeError) -> String {
    match err {
        base64::DecodeError::InvalidByte(offset, byte) => format!(
            "ugyldig tegn {} ved tegn nr. {} (mellomrom ikke medregnet) / \
             invalid character {} at symbol {} (whitespace not counted)",
            shown(*byte),
            offset.saturating_add(1),
            shown(*byte),
            offset.saturating_add(1),
        ),
        base64::DecodeError::InvalidLength(len) => format!(
            "feil lengde ({len} tegn): teksten er trolig avkortet / \
             invalid length ({len} symbols): the text is probably truncated"
        ),
        base64::DecodeError::InvalidLastSymbol {
            offset,
            symbol: byte,
            ..
        } => format!(
            "ugyldig siste tegn {} ved tegn nr. {}: teksten er trolig avkortet eller skadet / \
             invalid last symbol {} at symbol {}: the text is probably truncated or damaged",
            shown(*byte),
            offset.saturating_add(1),
            shown(*byte),
            offset.saturating_add(1),
        ),
        base64::DecodeError::InvalidPadding => {
            "feil utfylling med «=» / invalid \"=\" padding".to_owned()
        }
    }
}

fn shown(byte: u8) -> String {
    if byte.is_ascii_graphic() {
        format!("'{}'", char::from(byte))
    } else {
        format!("0x{byte:02X}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn finish(text: &str, declared: Option<&str>, limit: u64) -> (Attachment, Option<Vec<u8>>) {
        let mut acc = Base64Text::new(limit);
        for piece in text.split_inclusive('\n') {
            acc.push(piece);
        }
        let mut att = Attachment {
            declared_mime: declared.map(str::to_owned),
            ..Attachment::default()
        };
        let bytes = acc.finish(&mut att);
        (att, bytes)
    }

    #[test]
    fn decodes_with_whitespace_and_without_padding() {
        let encoded = STANDARD_PAD_INDIFFERENT.encode(b"%PDF-1.7 hello");
        let broken = format!(" {}\r\n {} \n", &encoded[..8], &encoded[8..]);
        let (att, bytes) = finish(&broken, Some("application/pdf"), 1000);
        assert_eq!(bytes.as_deref(), Some(&b"%PDF-1.7 hello"[..]));
        assert_eq!(att.problem, None);
        assert_eq!(att.detected, Some(FileType::Pdf));
        assert_eq!(att.size, Some(14));
        let unpadded = encoded.trim_end_matches('=');
        let (_, bytes) = finish(unpadded, Some("application/pdf"), 1000);
        assert_eq!(bytes.as_deref(), Some(&b"%PDF-1.7 hello"[..]));
    }

    #[test]
    fn too_large_stops_early_but_still_sniffs() {
        let payload = [b"%PDF-1.7\n".as_slice(), &[b'x'; 20_000]].concat();
        let encoded = STANDARD_PAD_INDIFFERENT.encode(&payload);
        let (att, bytes) = finish(&encoded, Some("application/pdf"), 1000);
        assert_eq!(bytes, None);
        assert_eq!(att.detected, Some(FileType::Pdf));
        assert_eq!(
            att.problem,
            Some(AttachmentProblem::TooLarge {
                size: 20_009,
                limit: 1000
            })
        );
        assert_eq!(att.sha256, None);
    }

    #[test]
    fn corrupt_text_is_a_problem_not_an_error() {
        let (att, bytes) = finish("JVBERi0x*g==", Some("application/pdf"), 1000);
        assert_eq!(bytes, None);
        assert!(
            matches!(&att.problem, Some(AttachmentProblem::CorruptBase64 { detail }) if detail.contains("'*'")),
            "{att:?}"
        );
        let (att, _) = finish(&format!("QUJD{}", "=".repeat(10_000)), None, 1000);
        assert!(
            matches!(att.problem, Some(AttachmentProblem::CorruptBase64 { .. })),
            "{att:?}"
        );
        let (att, _) = finish("QUJDR", None, 1000);
        assert!(
            matches!(att.problem, Some(AttachmentProblem::CorruptBase64 { .. })),
            "{att:?}"
        );
    }

    #[test]
    fn mime_judgement() {
        assert_eq!(judge_mime(Some("application/pdf"), FileType::Pdf), None);
        assert_eq!(judge_mime(Some("Application/PDF"), FileType::Pdf), None);
        assert_eq!(
            judge_mime(Some("application/pdf"), FileType::Png),
            Some(AttachmentProblem::TypeMismatch {
                declared: "application/pdf".into(),
                detected: FileType::Png
            })
        );
        assert_eq!(
            judge_mime(Some("image/tiff"), FileType::Tiff),
            Some(AttachmentProblem::MimeNotAllowed {
                declared: "image/tiff".into()
            })
        );
        assert_eq!(judge_mime(None, FileType::Unknown), None);
    }

    #[test]
    fn decoded_lengths() {
        assert_eq!(decoded_len(0), 0);
        assert_eq!(decoded_len(4), 3);
        assert_eq!(decoded_len(6), 4);
        assert_eq!(decoded_len(7), 5);
        assert_eq!(decoded_len(u64::MAX), u64::MAX / 4 * 3 + 2);
    }
}
