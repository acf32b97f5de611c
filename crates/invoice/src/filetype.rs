//! Telling what a file is from its bytes, not from what its sender declared.
//!
//! Used for EHF attachments (the declared `mimeCode` is checked against the bytes) and, by
//! the e-mail intake, to decide whether a part is a PDF or TIFF invoice document.

use serde::{Deserialize, Serialize};

/// A file type recognised from the leading bytes ("magic numbers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Tiff,
    Png,
    Jpeg,
    Gif,
    /// A ZIP container: also every OOXML (xlsx, docx) and ODF (ods, odt) document.
    Zip,
    /// An old binary Office document (OLE2 compound file: xls, doc).
    Ole2,
    Xml,
    /// UTF-8 text without control characters (CSV, plain text).
    Text,
    Unknown,
}

impl FileType {
    /// Recognise the type of `bytes`.
    pub fn detect(bytes: &[u8]) -> FileType {
        const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.starts_with(b"%PDF-") {
            FileType::Pdf
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            FileType::Tiff
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            FileType::Png
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            FileType::Jpeg
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            FileType::Gif
        } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            FileType::Zip
        } else if bytes.starts_with(OLE2) {
            FileType::Ole2
        } else if looks_like_xml(bytes) {
            FileType::Xml
        } else if looks_like_text(bytes) {
            FileType::Text
        } else {
            FileType::Unknown
        }
    }

    /// Short human name, e.g. for a message to a supplier.
    pub fn label(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Tiff => "TIFF",
            FileType::Png => "PNG",
            FileType::Jpeg => "JPEG",
            FileType::Gif => "GIF",
            FileType::Zip => "ZIP/Office",
            FileType::Ole2 => "Office (OLE2)",
            FileType::Xml => "XML",
            FileType::Text => "text",
            FileType::Unknown => "unknown",
        }
    }

    /// Whether bytes of this type can honestly carry the declared MIME type.
    ///
    /// Unknown or unusual declared types are judged by their family: every OOXML/ODF
    /// type is a ZIP container, `text/*` must be text.
    pub fn matches_mime(self, declared: &str) -> bool {
        let declared = declared.trim().to_ascii_lowercase();
        let declared = declared.split(';').next().unwrap_or_default().trim();
        match declared {
            "application/pdf" => self == FileType::Pdf,
            "image/tiff" | "image/tif" => self == FileType::Tiff,
            "image/png" => self == FileType::Png,
            "image/jpeg" | "image/jpg" | "image/pjpeg" => self == FileType::Jpeg,
            "image/gif" => self == FileType::Gif,
            "application/zip" => self == FileType::Zip,
            "application/vnd.ms-excel" | "application/msword" => {
                self == FileType::Ole2 || self == FileType::Text
            }
            "application/xml" | "text/xml" => self == FileType::Xml,
            d if d.starts_with("application/vnd.openxmlformats-officedocument.")
                || d.starts_with("application/vnd.oasis.opendocument.") =>
            {
                self == FileType::Zip
            }
            // CSV and plain text: any text, including text that happens to start like XML.
            d if d.starts_with("text/") => matches!(self, FileType::Text | FileType::Xml),
            // A type we have no signature for: nothing to contradict.
            _ => true,
        }
    }
}

impl std::fmt::Display for FileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

fn looks_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"<?xml")
        || bytes[start..].starts_with(b"<")
            && bytes[start..]
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic())
            && looks_like_text(bytes)
}

fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    // A sample may cut a multi-byte character: only the valid prefix matters.
    let text = match std::str::from_utf8(sample) {
        Ok(text) => text,
        Err(err) if err.valid_up_to() + 4 >= sample.len() => {
            // Safe: the prefix up to valid_up_to is valid UTF-8.
            std::str::from_utf8(&sample[..err.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !text.is_empty()
        && text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0C'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], expected: FileType) {
        assert_eq!(
            FileType::detect(bytes),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }

    #[test]
    fn detects_by_magic() {
        check(b"%PDF-1.7\n...", FileType::Pdf);
        check(b"II*\0\x08\0\0\0", FileType::Tiff);
        check(b"MM\0*\0\0\0\x08", FileType::Tiff);
        check(b"\x89PNG\r\n\x1a\n\0\0", FileType::Png);
        check(&[0xFF, 0xD8, 0xFF, 0xE0], FileType::Jpeg);
        check(b"PK\x03\x04\x14\0", FileType::Zip);
        check(b"<?xml version=\"1.0\"?><a/>", FileType::Xml);
        check(b"\xEF\xBB\xBF  <Invoice/>", FileType::Xml);
        check(b"varenr;antall;pris\n1;2;3\n", FileType::Text);
        check(b"\0\x01\x02binary", FileType::Unknown);
        check(b"", FileType::Unknown);
    }

    #[test]
    fn declared_mime_must_match_bytes() {
        assert!(FileType::Pdf.matches_mime("application/pdf"));
        assert!(!FileType::Text.matches_mime("application/pdf"));
        assert!(
            FileType::Zip
                .matches_mime("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        assert!(!FileType::Pdf.matches_mime("image/png"));
        assert!(FileType::Text.matches_mime("text/csv"));
        assert!(FileType::Tiff.matches_mime("IMAGE/TIFF"));
    }
}
