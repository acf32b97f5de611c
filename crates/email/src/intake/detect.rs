//! What a part's bytes are, decided from the bytes alone (never from the declared
//! Content-Type or the file name), plus a finer "flavor" used only to word texts.

use serde::Serialize;

/// How far into a file a PDF reader looks for the `%PDF-` header (Acrobat tolerates up to
/// 1024 bytes of leading junk, e.g. a mail gateway's banner or a stray BOM).
pub(crate) const PDF_HEADER_WINDOW: usize = 1024;

/// How much of a file the text/XML/mail sniffers look at.
const SNIFF_WINDOW: usize = 64 * 1024;

/// The most central-directory entries read from a ZIP archive.
const MAX_ZIP_ENTRIES: usize = 100_000;

/// What a part's decoded bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectedType {
    Pdf,
    Tiff,
    Png,
    Jpeg,
    Gif,
    /// A ZIP archive that is not one of the Office/OpenDocument formats below.
    Zip,
    /// Word (OOXML, a ZIP with `word/`).
    Docx,
    /// Excel (OOXML, a ZIP with `xl/`).
    Xlsx,
    /// PowerPoint (OOXML, a ZIP with `ppt/`).
    Pptx,
    /// OpenDocument (a ZIP with a `mimetype` entry).
    Odf,
    /// XML that is not an EHF document.
    Xml,
    /// A UBL Invoice/CreditNote (EHF / Peppol BIS Billing 3.0), bare or in an SBDH envelope.
    Ehf,
    Html,
    /// Text without control characters (UTF-8 or a legacy 8-bit charset).
    Text,
    /// An e-mail message (RFC 5322 headers).
    Rfc822,
    /// Anything else: unknown binary, empty, calendar/contact cards, old Office, TNEF...
    Other,
}

impl DetectedType {
    /// A stable machine name (`pdf`, `tiff`, `docx`, ...), as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            DetectedType::Pdf => "pdf",
            DetectedType::Tiff => "tiff",
            DetectedType::Png => "png",
            DetectedType::Jpeg => "jpeg",
            DetectedType::Gif => "gif",
            DetectedType::Zip => "zip",
            DetectedType::Docx => "docx",
            DetectedType::Xlsx => "xlsx",
            DetectedType::Pptx => "pptx",
            DetectedType::Odf => "odf",
            DetectedType::Xml => "xml",
            DetectedType::Ehf => "ehf",
            DetectedType::Html => "html",
            DetectedType::Text => "text",
            DetectedType::Rfc822 => "rfc822",
            DetectedType::Other => "other",
        }
    }

    /// A short human name in English, e.g. for a list of file types.
    pub fn label_en(self) -> &'static str {
        match self {
            DetectedType::Pdf => "PDF",
            DetectedType::Tiff => "TIFF",
            DetectedType::Png => "PNG image",
            DetectedType::Jpeg => "JPEG image",
            DetectedType::Gif => "GIF image",
            DetectedType::Zip => "ZIP archive",
            DetectedType::Docx => "Word document (DOCX)",
            DetectedType::Xlsx => "Excel spreadsheet (XLSX)",
            DetectedType::Pptx => "PowerPoint presentation (PPTX)",
            DetectedType::Odf => "OpenDocument file",
            DetectedType::Xml => "XML file",
            DetectedType::Ehf => "EHF invoice (UBL XML)",
            DetectedType::Html => "HTML file",
            DetectedType::Text => "text file",
            DetectedType::Rfc822 => "e-mail message",
            DetectedType::Other => "file of another type",
        }
    }

    /// A short human name in Norwegian bokmål.
    pub fn label_nb(self) -> &'static str {
        match self {
            DetectedType::Pdf => "PDF",
            DetectedType::Tiff => "TIFF",
            DetectedType::Png => "PNG-bilde",
            DetectedType::Jpeg => "JPEG-bilde",
            DetectedType::Gif => "GIF-bilde",
            DetectedType::Zip => "ZIP-arkiv",
            DetectedType::Docx => "Word-dokument (DOCX)",
            DetectedType::Xlsx => "Excel-regneark (XLSX)",
            DetectedType::Pptx => "PowerPoint-presentasjon (PPTX)",
            DetectedType::Odf => "OpenDocument-fil",
            DetectedType::Xml => "XML-fil",
            DetectedType::Ehf => "EHF-faktura (UBL-XML)",
            DetectedType::Html => "HTML-fil",
            DetectedType::Text => "tekstfil",
            DetectedType::Rfc822 => "e-postmelding",
            DetectedType::Other => "fil av annen type",
        }
    }

    /// The type a file name's extension claims, if it names one we recognise.
    pub(crate) fn from_extension(filename: &str) -> Option<DetectedType> {
        let (_, ext) = filename.trim().rsplit_once('.')?;
        Some(match ext.to_ascii_lowercase().as_str() {
            "pdf" => DetectedType::Pdf,
            "tif" | "tiff" => DetectedType::Tiff,
            "png" => DetectedType::Png,
            "jpg" | "jpeg" => DetectedType::Jpeg,
            "gif" => DetectedType::Gif,
            "zip" => DetectedType::Zip,
            "docx" => DetectedType::Docx,
            "xlsx" => DetectedType::Xlsx,
            "pptx" => DetectedType::Pptx,
            "odt" | "ods" | "odp" => DetectedType::Odf,
            "xml" => DetectedType::Xml,
            "htm" | "html" => DetectedType::Html,
            "txt" => DetectedType::Text,
            "eml" => DetectedType::Rfc822,
            _ => return None,
        })
    }
}

impl std::fmt::Display for DetectedType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_en())
    }
}

/// A finer description than [`DetectedType`], used only to word texts for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// Nothing more to say than the detected type.
    Plain,
    /// Zero bytes.
    Empty,
    /// iCalendar (`BEGIN:VCALENDAR`): a meeting invitation.
    Calendar,
    /// vCard (`BEGIN:VCARD`).
    Contact,
    /// An OLE2 compound file: old Word/Excel (`.doc`, `.xls`).
    OldOffice,
    /// Outlook's TNEF container (`winmail.dat`).
    Tnef,
    /// An RTF document.
    Rtf,
    /// An S/MIME or CMS blob (declared `application/pkcs7-mime`).
    Smime,
}

/// The result of sniffing one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sniffed {
    pub(crate) detected: DetectedType,
    pub(crate) flavor: Flavor,
}

impl Sniffed {
    fn plain(detected: DetectedType) -> Sniffed {
        Sniffed {
            detected,
            flavor: Flavor::Plain,
        }
    }

    fn other(flavor: Flavor) -> Sniffed {
        Sniffed {
            detected: DetectedType::Other,
            flavor,
        }
    }

    /// An article + description in English ("a ZIP archive"), used in sentences.
    pub(crate) fn describe_en(&self) -> &'static str {
        match self.flavor {
            Flavor::Empty => return "an empty file",
            Flavor::Calendar => return "a calendar invitation (iCalendar)",
            Flavor::Contact => return "a contact card (vCard)",
            Flavor::OldOffice => return "an old-format Office document (DOC/XLS)",
            Flavor::Tnef => return "an Outlook package (winmail.dat, TNEF)",
            Flavor::Rtf => return "an RTF document",
            Flavor::Smime => return "a signed or encrypted S/MIME message",
            Flavor::Plain => {}
        }
        match self.detected {
            DetectedType::Pdf => "a PDF file",
            DetectedType::Tiff => "a TIFF file",
            DetectedType::Png => "a PNG image",
            DetectedType::Jpeg => "a JPEG image",
            DetectedType::Gif => "a GIF image",
            DetectedType::Zip => "a ZIP archive",
            DetectedType::Docx => "a Word document (DOCX)",
            DetectedType::Xlsx => "an Excel spreadsheet (XLSX)",
            DetectedType::Pptx => "a PowerPoint presentation (PPTX)",
            DetectedType::Odf => "an OpenDocument file (ODT/ODS)",
            DetectedType::Xml => "an XML file",
            DetectedType::Ehf => "an EHF invoice (UBL XML)",
            DetectedType::Html => "an HTML file",
            DetectedType::Text => "a text file",
            DetectedType::Rfc822 => "an e-mail message",
            DetectedType::Other => "a file of an unknown type",
        }
    }

    /// An article + description in bokmål ("et ZIP-arkiv").
    pub(crate) fn describe_nb(&self) -> &'static str {
        match self.flavor {
            Flavor::Empty => return "en tom fil",
            Flavor::Calendar => return "en kalenderinvitasjon (iCalendar)",
            Flavor::Contact => return "et kontaktkort (vCard)",
            Flavor::OldOffice => return "et Office-dokument i gammelt format (DOC/XLS)",
            Flavor::Tnef => return "en Outlook-pakke (winmail.dat, TNEF)",
            Flavor::Rtf => return "et RTF-dokument",
            Flavor::Smime => return "en signert eller kryptert S/MIME-melding",
            Flavor::Plain => {}
        }
        match self.detected {
            DetectedType::Pdf => "en PDF-fil",
            DetectedType::Tiff => "en TIFF-fil",
            DetectedType::Png => "et PNG-bilde",
            DetectedType::Jpeg => "et JPEG-bilde",
            DetectedType::Gif => "et GIF-bilde",
            DetectedType::Zip => "et ZIP-arkiv",
            DetectedType::Docx => "et Word-dokument (DOCX)",
            DetectedType::Xlsx => "et Excel-regneark (XLSX)",
            DetectedType::Pptx => "en PowerPoint-presentasjon (PPTX)",
            DetectedType::Odf => "en OpenDocument-fil (ODT/ODS)",
            DetectedType::Xml => "en XML-fil",
            DetectedType::Ehf => "en EHF-faktura (UBL-XML)",
            DetectedType::Html => "en HTML-fil",
            DetectedType::Text => "en tekstfil",
            DetectedType::Rfc822 => "en e-postmelding",
            DetectedType::Other => "en fil av ukjent type",
        }
    }

    /// A short label for lists ("ZIP archive", "calendar invitation").
    pub(crate) fn label_en(&self) -> &'static str {
        match self.flavor {
            Flavor::Empty => "empty file",
            Flavor::Calendar => "calendar invitation",
            Flavor::Contact => "contact card",
            Flavor::OldOffice => "old Office document",
            Flavor::Tnef => "Outlook winmail.dat",
            Flavor::Rtf => "RTF document",
            Flavor::Smime => "S/MIME message",
            Flavor::Plain => self.detected.label_en(),
        }
    }

    /// A short label for lists in bokmål.
    pub(crate) fn label_nb(&self) -> &'static str {
        match self.flavor {
            Flavor::Empty => "tom fil",
            Flavor::Calendar => "kalenderinvitasjon",
            Flavor::Contact => "kontaktkort",
            Flavor::OldOffice => "gammelt Office-dokument",
            Flavor::Tnef => "Outlook winmail.dat",
            Flavor::Rtf => "RTF-dokument",
            Flavor::Smime => "S/MIME-melding",
            Flavor::Plain => self.detected.label_nb(),
        }
    }
}

/// Where the `%PDF-` header starts, if it starts within the first
/// [`PDF_HEADER_WINDOW`] bytes.
pub(crate) fn pdf_header_offset(bytes: &[u8]) -> Option<usize> {
    let window = bytes.get(..(PDF_HEADER_WINDOW + 5).min(bytes.len()))?;
    find(window, b"%PDF-")
}

/// Sniffs `bytes`. `declared` (lowercased `type/subtype`) only refines the flavor of a file
/// whose bytes say nothing (S/MIME); it never changes the detected type.
pub(crate) fn sniff(bytes: &[u8], declared: Option<&str>) -> Sniffed {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    const TNEF: &[u8] = &[0x78, 0x9F, 0x3E, 0x22];

    if bytes.is_empty() {
        return Sniffed::other(Flavor::Empty);
    }
    // A signature at offset 0 wins over a `%PDF-` further in (a ZIP that stores a PDF has
    // one 40 bytes in).
    if bytes.starts_with(b"%PDF-") {
        return Sniffed::plain(DetectedType::Pdf);
    }
    if bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || bytes.starts_with(b"II+\0")
        || bytes.starts_with(b"MM\0+")
    {
        return Sniffed::plain(DetectedType::Tiff);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::plain(DetectedType::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::plain(DetectedType::Jpeg);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Sniffed::plain(DetectedType::Gif);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::plain(zip_kind(bytes));
    }
    if bytes.starts_with(OLE2) {
        return Sniffed::other(Flavor::OldOffice);
    }
    if bytes.starts_with(TNEF) {
        return Sniffed::other(Flavor::Tnef);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Sniffed::other(Flavor::Rtf);
    }
    if pdf_header_offset(bytes).is_some() {
        return Sniffed::plain(DetectedType::Pdf);
    }
    let head = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let text = strip_bom_and_space(head);
    if text.first() == Some(&b'<')
        && let Some(kind) = markup_kind(head)
    {
        return Sniffed::plain(kind);
    }
    if starts_with_ignore_case(text, b"BEGIN:VCALENDAR") {
        return Sniffed::other(Flavor::Calendar);
    }
    if starts_with_ignore_case(text, b"BEGIN:VCARD") {
        return Sniffed::other(Flavor::Contact);
    }
    if looks_like_text(head) {
        if looks_like_message(head) {
            return Sniffed::plain(DetectedType::Rfc822);
        }
        return Sniffed::plain(DetectedType::Text);
    }
    if declared.is_some_and(|d| d.contains("pkcs7-mime")) {
        return Sniffed::other(Flavor::Smime);
    }
    Sniffed::plain(DetectedType::Other)
}

/// Names the kind of a ZIP archive from its central directory, read by hand: `word/`,
/// `xl/`, `ppt/` (OOXML) or a `mimetype` entry (OpenDocument). A damaged archive whose
/// central directory cannot be found is judged by its first local entry.
fn zip_kind(bytes: &[u8]) -> DetectedType {
    fn classify(name: &[u8]) -> Option<DetectedType> {
        if name.starts_with(b"word/") {
            Some(DetectedType::Docx)
        } else if name.starts_with(b"xl/") {
            Some(DetectedType::Xlsx)
        } else if name.starts_with(b"ppt/") {
            Some(DetectedType::Pptx)
        } else if name == b"mimetype" {
            Some(DetectedType::Odf)
        } else {
            None
        }
    }

    if let Some(eocd) = find_eocd(bytes) {
        let entries = usize::from(le16(bytes, eocd + 10).unwrap_or(0));
        let mut pos = le32(bytes, eocd + 16).unwrap_or(u32::MAX) as usize;
        // ZIP64 archives say 0xFFFF here; then walk until the signatures stop.
        let limit = if entries == 0xFFFF {
            MAX_ZIP_ENTRIES
        } else {
            entries.min(MAX_ZIP_ENTRIES)
        };
        for _ in 0..limit {
            if bytes.get(pos..pos.saturating_add(4)) != Some(b"PK\x01\x02".as_slice()) {
                break;
            }
            let (Some(name_len), Some(extra_len), Some(comment_len)) = (
                le16(bytes, pos + 28),
                le16(bytes, pos + 30),
                le16(bytes, pos + 32),
            ) else {
                break;
            };
            let name_start = pos + 46;
            let Some(name) = bytes.get(name_start..name_start + usize::from(name_len)) else {
                break;
            };
            if let Some(kind) = classify(name) {
                return kind;
            }
            pos = name_start
                + usize::from(name_len)
                + usize::from(extra_len)
                + usize::from(comment_len);
        }
        return DetectedType::Zip;
    }
    // No central directory (truncated archive): the first local file header.
    le16(bytes, 26)
        .and_then(|name_len| bytes.get(30..30 + usize::from(name_len)))
        .and_then(classify)
        .unwrap_or(DetectedType::Zip)
}

/// The End Of Central Directory record: the last `PK\x05\x06` within the final
/// 22 + 65 535 bytes (the record plus the longest comment).
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len < 22 {
        return None;
    }
    let earliest = len.saturating_sub(22 + 0xFFFF);
    (earliest..=len - 22)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06".as_slice()))
}

fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_SBDH: &str = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

/// XML, EHF or HTML, judged by the root element (read with quick-xml, which never expands
/// entities or fetches anything).
fn markup_kind(head: &[u8]) -> Option<DetectedType> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;

    let text = strip_bom_and_space(head);
    if starts_with_ignore_case(text, b"<!doctype html") || starts_with_ignore_case(text, b"<html") {
        return Some(DetectedType::Html);
    }
    let mut reader = quick_xml::NsReader::from_reader(text);
    // A handful of prolog events at most (declaration, comments, DOCTYPE, PIs).
    for _ in 0..64 {
        match reader.read_event() {
            Ok(Event::Start(start) | Event::Empty(start)) => {
                let (resolved, local) = reader.resolver().resolve_element(start.name());
                let namespace = match resolved {
                    ResolveResult::Bound(ns) => Some(ns.0.to_string()),
                    _ => None,
                };
                let local = local.as_ref();
                let is_ehf = matches!(
                    (namespace.as_deref(), local),
                    (Some(NS_INVOICE), "Invoice")
                        | (Some(NS_CREDIT_NOTE), "CreditNote")
                        | (Some(NS_SBDH), "StandardBusinessDocument")
                );
                return Some(if is_ehf {
                    DetectedType::Ehf
                } else if local.eq_ignore_ascii_case("html") {
                    DetectedType::Html
                } else {
                    DetectedType::Xml
                });
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    // Not well-formed enough for the reader: judge by what it says.
    if looks_like_text(head) {
        let has = |needle: &str| find(head, needle.as_bytes()).is_some();
        if has(NS_INVOICE) || has(NS_CREDIT_NOTE) || has(NS_SBDH) {
            return Some(DetectedType::Ehf);
        }
        if text.starts_with(b"<?xml") {
            return Some(DetectedType::Xml);
        }
    }
    None
}

/// Text: UTF-8 (a multi-byte character cut at the end of the window is fine) or a legacy
/// 8-bit charset, without control characters other than tab, line ends and form feed.
fn looks_like_text(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    head.iter()
        .all(|&b| b >= 0x20 && b != 0x7F || matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
}

/// A mail message: starts with a header field whose name is one every mail carries, and has
/// at least two header fields before the first blank line.
fn looks_like_message(head: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"received",
        b"return-path",
        b"from",
        b"to",
        b"date",
        b"subject",
        b"message-id",
        b"mime-version",
        b"delivered-to",
        b"content-type",
        b"reply-to",
        b"sender",
    ];
    let mut fields = 0;
    let mut first = true;
    for line in head.split(|&b| b == b'\n').take(64) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        if first && !NAMES.iter().any(|n| name.eq_ignore_ascii_case(n)) {
            return false;
        }
        first = false;
        fields += 1;
    }
    fields >= 2
}

fn strip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// The first position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut from = 0;
    while let Some(offset) = haystack.get(from..)?.iter().position(|&b| b == first) {
        let at = from + offset;
        if haystack.get(at..at + needle.len())? == needle {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], expected: DetectedType) {
        assert_eq!(
            sniff(bytes, None).detected,
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }

    #[test]
    fn signatures() {
        check(b"%PDF-1.7\n...", DetectedType::Pdf);
        check(b"II*\0\x08\0\0\0", DetectedType::Tiff);
        check(b"MM\0*\0\0\0\x08", DetectedType::Tiff);
        check(b"\x89PNG\r\n\x1a\n....", DetectedType::Png);
        check(&[0xFF, 0xD8, 0xFF, 0xE0], DetectedType::Jpeg);
        check(b"GIF89a..", DetectedType::Gif);
        check(b"", DetectedType::Other);
        check(&[0, 1, 2, 3, 0xFF], DetectedType::Other);
    }

    #[test]
    fn pdf_after_leading_junk_up_to_1024_bytes() {
        let mut bytes = vec![b'x'; 1024];
        bytes.extend_from_slice(b"%PDF-1.4\n");
        check(&bytes, DetectedType::Pdf);
        let mut bytes = vec![0u8; 1025];
        bytes.extend_from_slice(b"%PDF-1.4\n");
        check(&bytes, DetectedType::Other);
    }

    #[test]
    fn xml_ehf_html() {
        check(
            b"<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>",
            DetectedType::Ehf,
        );
        check(
            b"<ubl:CreditNote xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"></ubl:CreditNote>",
            DetectedType::Ehf,
        );
        check(
            b"\xEF\xBB\xBF<sh:StandardBusinessDocument xmlns:sh=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\">",
            DetectedType::Ehf,
        );
        // The UBL namespace on a different root is not an invoice.
        check(
            b"<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>",
            DetectedType::Xml,
        );
        check(
            b"<!DOCTYPE html><html><body>x</body></html>",
            DetectedType::Html,
        );
        check(
            b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
            DetectedType::Html,
        );
        check(b"<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>", DetectedType::Xml);
    }

    #[test]
    fn text_calendar_and_mail() {
        check(b"Hei,\r\nfaktura kommer.\r\n", DetectedType::Text);
        check(b"Pris: 100 kr\xe5\r\n", DetectedType::Text);
        check(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", DetectedType::Other);
        assert_eq!(sniff(b"BEGIN:VCALENDAR\r\n", None).flavor, Flavor::Calendar);
        check(
            b"From: a@b.no\r\nTo: c@d.no\r\nSubject: x\r\n\r\nbody",
            DetectedType::Rfc822,
        );
        // One header-like line is not a mail.
        check(b"Subject: x\r\n\r\nbody", DetectedType::Text);
    }

    #[test]
    fn old_office_tnef_rtf() {
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], None).flavor,
            Flavor::OldOffice
        );
        assert_eq!(
            sniff(&[0x78, 0x9F, 0x3E, 0x22, 0, 0], None).flavor,
            Flavor::Tnef
        );
        assert_eq!(sniff(b"{\\rtf1\\ansi}", None).flavor, Flavor::Rtf);
    }

    #[test]
    fn zip_names_its_office_kind_from_the_central_directory() {
        let zip = |name: &str| {
            // One stored entry, written by hand.
            let mut out = Vec::new();
            out.extend_from_slice(b"PK\x03\x04");
            out.extend_from_slice(&[
                20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ]);
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            let cd = out.len() as u32;
            out.extend_from_slice(b"PK\x01\x02");
            out.extend_from_slice(&[0; 24]);
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0; 16]);
            out.extend_from_slice(name.as_bytes());
            let cd_size = out.len() as u32 - cd;
            out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
            out.extend_from_slice(&cd_size.to_le_bytes());
            out.extend_from_slice(&cd.to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out
        };
        check(&zip("word/document.xml"), DetectedType::Docx);
        check(&zip("xl/workbook.xml"), DetectedType::Xlsx);
        check(&zip("ppt/presentation.xml"), DetectedType::Pptx);
        check(&zip("mimetype"), DetectedType::Odf);
        check(&zip("faktura.pdf"), DetectedType::Zip);
        // Truncated: no central directory; the first local header still names it.
        let whole = zip("word/document.xml");
        check(&whole[..30 + "word/document.xml".len()], DetectedType::Docx);
        check(b"PK\x03\x04", DetectedType::Zip);
    }

    #[test]
    fn extensions() {
        assert_eq!(
            DetectedType::from_extension("Faktura.PDF"),
            Some(DetectedType::Pdf)
        );
        assert_eq!(
            DetectedType::from_extension("scan.tif"),
            Some(DetectedType::Tiff)
        );
        assert_eq!(DetectedType::from_extension("noext"), None);
    }
}
