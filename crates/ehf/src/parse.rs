//! Reading an EHF 3.0 / Peppol BIS Billing 3.0 document (a UBL 2.1 Invoice or CreditNote,
//! bare or wrapped in an SBDH envelope) into the canonical [`Invoice`].
//!
//! One streaming pass over the bytes with a namespace-resolving reader: the reader keeps the
//! path of open elements as [`tags::Tag`]s and hands each element to the part that
//! understands it (the envelope or the UBL document). Elements are recognised by namespace
//! and local name, never by prefix. Only a document that is not well-formed UTF-8 XML, or not
//! a UBL Invoice/CreditNote, is rejected; unreadable values and broken attachments are kept
//! in the invoice ([`Invoice::field_errors`], [`mottak_invoice::Attachment::problem`]) so the
//! supplier can be told exactly what to fix.

mod attachment;
mod error;
mod sbdh;
mod tags;
mod ubl;
mod values;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, Event};
use quick_xml::name::{NamespaceError, ResolveResult};

use mottak_invoice::{DocumentKind, Invoice};

pub use attachment::ALLOWED_MIME_CODES;
pub use error::{EncodingProblem, ParseError, Position, XmlProblem};

use sbdh::EnvelopeBuilder;
use tags::{NS_CREDIT_NOTE, NS_INVOICE, NS_SBDH, Tag};
use ubl::DocBuilder;

/// Bounds on what a received document may cost to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document accepted, in bytes (default 64 MiB).
    pub max_document_bytes: u64,
    /// Largest embedded attachment kept, in decoded bytes, per attachment (default 32 MiB).
    pub max_attachment_bytes: u64,
    /// Deepest element nesting accepted, counting the root as 1 (default 64).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: 64 * 1024 * 1024,
            max_attachment_bytes: 32 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// A document that could be read, with the bytes of its usable embedded attachments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDocument {
    pub invoice: Invoice,
    /// One entry per embedded attachment that decoded within the limit (also when its type
    /// is wrong: the clerk may still want to see it). Corrupt or oversized ones have none.
    pub attachments: Vec<DecodedAttachment>,
}

/// The decoded bytes of an embedded attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedAttachment {
    /// Position of the attachment in [`Invoice::attachments`].
    pub index: usize,
    /// Lowercase hex SHA-256 of `bytes`.
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// Reads an EHF / UBL Invoice or CreditNote, bare or in an SBDH envelope.
///
/// # Errors
/// A [`ParseError`] when the whole document must be rejected: too large or too deep, not
/// UTF-8, a DTD, not well-formed XML, or not a UBL 2.1 Invoice/CreditNote.
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<ParsedDocument, ParseError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_document_bytes {
        return Err(ParseError::TooLarge {
            size,
            limit: limits.max_document_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    if bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0x00, b'<'])
        || bytes.starts_with(&[b'<', 0x00])
    {
        return Err(ParseError::Encoding(EncodingProblem::Utf16));
    }
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (body, base) = match bytes.strip_prefix(BOM) {
        Some(body) => (body, BOM.len()),
        None => (bytes, 0),
    };
    let text = std::str::from_utf8(body).map_err(|err| {
        let offset = err.valid_up_to().saturating_add(base);
        ParseError::Encoding(EncodingProblem::InvalidUtf8 {
            position: Position::in_bytes(bytes, u64::try_from(offset).unwrap_or(u64::MAX)),
        })
    })?;
    Reader::new(bytes, text, base, limits).run()
}

/// What to do with the text of the element being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Capture {
    None,
    Text,
    Base64,
}

/// The attributes the mapping needs, from the start tag of the element being read.
#[derive(Debug, Default)]
pub(crate) struct LeafAttrs {
    pub(crate) scheme_id: Option<String>,
    pub(crate) currency_id: Option<String>,
    pub(crate) mime_code: Option<String>,
    pub(crate) filename: Option<String>,
    pub(crate) unit_code: Option<String>,
    pub(crate) list_id: Option<String>,
    /// SBDH `Identifier/@Authority`.
    pub(crate) authority: Option<String>,
}

impl LeafAttrs {
    fn clear(&mut self) {
        *self = LeafAttrs::default();
    }

    fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "schemeID" => Some(&mut self.scheme_id),
            "currencyID" => Some(&mut self.currency_id),
            "mimeCode" => Some(&mut self.mime_code),
            "filename" => Some(&mut self.filename),
            "unitCode" => Some(&mut self.unit_code),
            "listID" => Some(&mut self.list_id),
            "Authority" => Some(&mut self.authority),
            _ => None,
        }
    }
}

/// Where an open element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// `StandardBusinessDocument`.
    EnvelopeRoot,
    /// `StandardBusinessDocumentHeader` and everything in it.
    Header,
    /// The `Invoice` / `CreditNote` element.
    DocRoot,
    /// Everything inside the document.
    Doc,
}

/// An open element.
#[derive(Debug, Clone, Copy)]
struct Frame {
    region: Region,
    /// Byte offset (in the text after any BOM) of the `<` of the start tag.
    start: usize,
    /// Length of the qualified name as written, to quote it in messages.
    name_len: usize,
}

struct Reader<'a> {
    xml: NsReader<&'a [u8]>,
    /// All received bytes, for positions in messages.
    input: &'a [u8],
    /// The text after the BOM, for quoting element names.
    text_in: &'a str,
    /// Length of the stripped BOM: positions count from the start of `input`.
    base: usize,
    limits: &'a Limits,
    /// Tags of the open elements (for path matching) and their frames, in step.
    tags: Vec<Tag>,
    frames: Vec<Frame>,
    doc: Option<DocBuilder>,
    /// Index in `tags` of the document's root element.
    doc_depth: usize,
    envelope: Option<EnvelopeBuilder>,
    /// Text of the element being read (only when `capture` is `Text`).
    text: String,
    capture: Capture,
    attrs: LeafAttrs,
    /// Any event has been seen (an XML declaration must come first).
    seen_any: bool,
    /// The root element has ended.
    root_done: bool,
}

impl<'a> Reader<'a> {
    fn new(input: &'a [u8], text_in: &'a str, base: usize, limits: &'a Limits) -> Reader<'a> {
        let mut xml = NsReader::from_str(text_in);
        let config = xml.config_mut();
        config.check_end_names = true;
        config.check_comments = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Reader {
            xml,
            input,
            text_in,
            base,
            limits,
            tags: Vec::new(),
            frames: Vec::new(),
            doc: None,
            doc_depth: 0,
            envelope: None,
            text: String::new(),
            capture: Capture::None,
            attrs: LeafAttrs::default(),
            seen_any: false,
            root_done: false,
        }
    }

    fn run(mut self) -> Result<ParsedDocument, ParseError> {
        loop {
            // For markup events, the position before reading is the `<` of the event.
            let at = self.offset(self.xml.buffer_position());
            let event = match self.xml.read_event() {
                Ok(event) => event,
                Err(err) => return Err(self.xml_error(err, at)),
            };
            match event {
                Event::Start(start) => self.start(&start, at, false)?,
                Event::Empty(start) => self.start(&start, at, true)?,
                Event::End(_) => self.end(),
                Event::Text(text) => {
                    if self.capture == Capture::Text {
                        self.text.push_str(&text.xml10_content());
                    } else {
                        self.other_text(&text, at)?;
                    }
                }
                Event::CData(cdata) => {
                    if self.capture == Capture::Text {
                        self.text.push_str(&cdata.xml10_content());
                    } else {
                        self.other_text(&cdata, at)?;
                    }
                }
                Event::GeneralRef(reference) => self.reference(&reference, at)?,
                Event::Decl(decl) => self.declaration(&decl, at)?,
                Event::DocType(_) => {
                    return Err(ParseError::Dtd {
                        position: self.position(at),
                    });
                }
                Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => return self.finish(),
            }
            self.seen_any = true;
        }
    }

    fn start(&mut self, start: &BytesStart<'_>, at: usize, empty: bool) -> Result<(), ParseError> {
        if self.root_done {
            return Err(self.malformed(XmlProblem::ContentAfterRoot, at));
        }
        if self.tags.len() >= self.limits.max_depth {
            return Err(ParseError::TooDeep {
                limit: self.limits.max_depth,
                position: self.position(at),
            });
        }
        self.read_attributes(start, at)?;

        let (resolved, local) = self.xml.resolver().resolve_element(start.name());
        let namespace = match resolved {
            ResolveResult::Bound(ns) => Some(ns.0),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(prefix) => {
                return Err(self.malformed(
                    XmlProblem::UnknownPrefix {
                        prefix: clip(&prefix),
                    },
                    at,
                ));
            }
        };
        let local = local.as_ref();
        let tag = Tag::resolve(namespace, local);
        let doc_kind = match (namespace, local) {
            (Some(NS_INVOICE), "Invoice") => Some(DocumentKind::Invoice),
            (Some(NS_CREDIT_NOTE), "CreditNote") => Some(DocumentKind::CreditNote),
            _ => None,
        };
        let is_envelope = namespace == Some(NS_SBDH) && local == "StandardBusinessDocument";
        let not_ubl = |reader: &Reader<'_>, in_envelope: bool| ParseError::NotUbl {
            element: clip(local),
            namespace: namespace.map(clip),
            in_envelope,
            position: reader.position(at),
        };

        let region = match self.frames.last().map(|frame| frame.region) {
            None => match doc_kind {
                Some(kind) => self.begin_document(kind, Region::DocRoot),
                None if is_envelope => {
                    self.envelope = Some(EnvelopeBuilder::default());
                    Region::EnvelopeRoot
                }
                None => return Err(not_ubl(self, false)),
            },
            Some(Region::EnvelopeRoot) if tag == Tag::SbdHeader => Region::Header,
            Some(Region::EnvelopeRoot) if self.doc.is_some() => {
                return Err(ParseError::SeveralPayloads {
                    position: self.position(at),
                });
            }
            Some(Region::EnvelopeRoot) => match doc_kind {
                Some(kind) => self.begin_document(kind, Region::DocRoot),
                None => return Err(not_ubl(self, true)),
            },
            Some(Region::Header) => Region::Header,
            Some(Region::DocRoot | Region::Doc) => Region::Doc,
        };

        self.tags.push(tag);
        self.frames.push(Frame {
            region,
            start: at,
            name_len: start.name().as_ref().len(),
        });
        self.text.clear();
        self.capture = match region {
            Region::Doc => match (
                self.doc.as_mut(),
                self.tags.get(self.doc_depth.saturating_add(1)..),
            ) {
                (Some(doc), Some(path)) => doc.start(path),
                _ => Capture::None,
            },
            Region::Header => match (self.envelope.as_mut(), self.tags.get(1..)) {
                (Some(envelope), Some(path)) => envelope.start(path),
                _ => Capture::None,
            },
            Region::EnvelopeRoot | Region::DocRoot => Capture::None,
        };
        if empty {
            self.end();
        }
        Ok(())
    }

    fn begin_document(&mut self, kind: DocumentKind, region: Region) -> Region {
        self.doc = Some(DocBuilder::new(kind, self.limits.max_attachment_bytes));
        self.doc_depth = self.tags.len();
        region
    }

    /// Checks every attribute (a malformed or duplicate attribute, or an undefined entity in
    /// a value, makes the document malformed) and keeps the ones the mapping needs.
    fn read_attributes(&mut self, start: &BytesStart<'_>, at: usize) -> Result<(), ParseError> {
        self.attrs.clear();
        for attr in start.attributes() {
            let attr = attr.map_err(|err| {
                let (problem, relative) = attribute_problem(&err);
                // Attribute positions count from the character after `<`.
                self.malformed(problem, at.saturating_add(1).saturating_add(relative))
            })?;
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| self.xml_error(err, at))?;
            // Only unprefixed attributes: UBL's own attributes are never in a namespace.
            if let Some(slot) = self.attrs.slot(attr.key.as_ref()) {
                let value = value.trim();
                if slot.is_none() && !value.is_empty() {
                    *slot = Some(value.to_owned());
                }
            }
        }
        Ok(())
    }

    fn end(&mut self) {
        let Some(frame) = self.frames.last().copied() else {
            return;
        };
        let text = self.text.trim();
        match frame.region {
            Region::Doc => {
                if let (Some(doc), Some(path)) = (
                    self.doc.as_mut(),
                    self.tags.get(self.doc_depth.saturating_add(1)..),
                ) {
                    doc.end(path, text, &self.attrs);
                }
            }
            Region::Header => {
                if let (Some(envelope), Some(path)) = (self.envelope.as_mut(), self.tags.get(1..)) {
                    envelope.end(path, text, &self.attrs);
                }
            }
            Region::DocRoot | Region::EnvelopeRoot => {}
        }
        self.tags.pop();
        self.frames.pop();
        if self.frames.is_empty() {
            self.root_done = true;
        }
        self.text.clear();
        self.capture = Capture::None;
    }

    /// Text, or CDATA, that is not collected as a value: checked, then (for an attachment)
    /// decoded or dropped.
    fn other_text(&mut self, content: &str, at: usize) -> Result<(), ParseError> {
        if self.frames.is_empty() {
            if content
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            {
                return Ok(());
            }
            return Err(self.outside_root(at));
        }
        if self.capture == Capture::Base64
            && let Some(doc) = self.doc.as_mut()
        {
            doc.base64(content);
        }
        Ok(())
    }

    /// `&name;` in text: only the predefined entities and character references exist,
    /// because a UBL document has no DTD to define others.
    fn reference(&mut self, reference: &BytesRef<'_>, at: usize) -> Result<(), ParseError> {
        let mut buf = [0u8; 4];
        let resolved: &str = if reference.is_char_ref() {
            match reference.resolve_char_ref() {
                Ok(Some(c)) if is_xml_char(c) => c.encode_utf8(&mut buf),
                _ => {
                    let problem = XmlProblem::InvalidCharRef {
                        reference: clip(reference),
                    };
                    return Err(self.malformed(problem, at));
                }
            }
        } else {
            match resolve_predefined_entity(reference) {
                Some(resolved) => resolved,
                None => {
                    let problem = XmlProblem::UndefinedEntity {
                        name: clip(reference),
                    };
                    return Err(self.malformed(problem, at));
                }
            }
        };
        if self.frames.is_empty() {
            return Err(self.outside_root(at));
        }
        match self.capture {
            Capture::Text => self.text.push_str(resolved),
            Capture::Base64 => {
                if let Some(doc) = self.doc.as_mut() {
                    doc.base64(resolved);
                }
            }
            Capture::None => {}
        }
        Ok(())
    }

    fn declaration(&mut self, decl: &BytesDecl<'_>, at: usize) -> Result<(), ParseError> {
        if self.seen_any {
            return Err(self.malformed(XmlProblem::MisplacedDeclaration, at));
        }
        if let Err(err) = decl.version() {
            return Err(self.xml_error(err, at));
        }
        match decl.encoding() {
            Some(Ok(encoding)) if !is_utf8_label(&encoding) => {
                Err(ParseError::Encoding(EncodingProblem::DeclaredEncoding {
                    encoding: clip(&encoding),
                }))
            }
            Some(Err(err)) => Err(self.malformed(attribute_problem(&err).0, at)),
            _ => Ok(()),
        }
    }

    fn finish(self) -> Result<ParsedDocument, ParseError> {
        if let Some(frame) = self.frames.last() {
            let name_start = frame.start.saturating_add(1);
            let element = self
                .text_in
                .get(name_start..name_start.saturating_add(frame.name_len))
                .unwrap_or("?");
            let problem = XmlProblem::Unclosed {
                element: clip(element),
            };
            return Err(self.malformed(problem, frame.start));
        }
        let no_root = self.malformed(XmlProblem::NoRoot, self.text_in.len());
        let envelope = self.envelope.map(EnvelopeBuilder::finish);
        match self.doc {
            Some(doc) => Ok(doc.finish(envelope)),
            None if envelope.is_some() => Err(ParseError::EmptyEnvelope),
            None => Err(no_root),
        }
    }

    fn outside_root(&self, at: usize) -> ParseError {
        let problem = if self.root_done {
            XmlProblem::ContentAfterRoot
        } else {
            XmlProblem::TextBeforeRoot
        };
        self.malformed(problem, at)
    }

    fn xml_error(&self, err: XmlError, at: usize) -> ParseError {
        let error_at = self.offset(self.xml.error_position());
        let (problem, at) = match err {
            XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => (
                XmlProblem::MismatchedEndTag {
                    expected: clip(&expected),
                    found: clip(&found),
                },
                error_at,
            ),
            XmlError::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
                let problem = if self.root_done {
                    XmlProblem::ContentAfterRoot
                } else {
                    XmlProblem::UnmatchedEndTag {
                        found: clip(&found),
                    }
                };
                (problem, error_at)
            }
            XmlError::IllFormed(other) => (ill_formed_problem(&other), error_at),
            XmlError::Syntax(other) => (syntax_problem(other), error_at),
            XmlError::InvalidAttr(err) => {
                let (problem, relative) = attribute_problem(&err);
                (problem, at.saturating_add(1).saturating_add(relative))
            }
            XmlError::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
                (XmlProblem::UndefinedEntity { name: clip(&name) }, at)
            }
            XmlError::Namespace(NamespaceError::UnknownPrefix(prefix)) => (
                XmlProblem::UnknownPrefix {
                    prefix: clip(&prefix),
                },
                at,
            ),
            XmlError::Namespace(NamespaceError::TooDeeplyNested(_)) => {
                return ParseError::TooDeep {
                    limit: self.limits.max_depth,
                    position: self.position(at),
                };
            }
            XmlError::Namespace(NamespaceError::TooManyBindings(limit)) => (
                XmlProblem::Syntax {
                    detail_nb: format!("mer enn {limit} navneromsdeklarasjoner gjelder samtidig"),
                    detail_en: format!(
                        "more than {limit} namespace declarations are in scope at once"
                    ),
                },
                at,
            ),
            XmlError::Namespace(other) => (
                XmlProblem::Syntax {
                    detail_nb: format!("ugyldig navneromsdeklarasjon ({other})"),
                    detail_en: format!("invalid namespace declaration ({other})"),
                },
                at,
            ),
            other => (
                XmlProblem::Syntax {
                    detail_nb: format!("feil i XML-koden ({other})"),
                    detail_en: format!("error in the XML ({other})"),
                },
                at,
            ),
        };
        self.malformed(problem, at)
    }

    fn malformed(&self, problem: XmlProblem, at: usize) -> ParseError {
        ParseError::Malformed {
            problem,
            position: self.position(at),
        }
    }

    /// The position of an offset in the text after the BOM.
    fn position(&self, at: usize) -> Position {
        let offset = at.saturating_add(self.base);
        Position::in_bytes(self.input, u64::try_from(offset).unwrap_or(u64::MAX))
    }

    fn offset(&self, position: u64) -> usize {
        usize::try_from(position).unwrap_or(usize::MAX)
    }
}

fn problem(nb: &str, en: &str) -> XmlProblem {
    XmlProblem::Syntax {
        detail_nb: nb.to_owned(),
        detail_en: en.to_owned(),
    }
}

/// The reader's syntax errors are all "the input ended inside ...".
fn syntax_problem(err: SyntaxError) -> XmlProblem {
    let (nb, en) = match err {
        SyntaxError::InvalidBangMarkup => {
            ("ukjent markering etter «<!»", "unknown markup after \"<!\"")
        }
        SyntaxError::UnclosedPI => (
            "en prosesseringsinstruksjon blir ikke avsluttet med «?>» før dokumentet slutter",
            "a processing instruction is not closed with \"?>\" before the end of the document",
        ),
        SyntaxError::UnclosedXmlDecl => (
            "XML-deklarasjonen blir ikke avsluttet med «?>» før dokumentet slutter",
            "the XML declaration is not closed with \"?>\" before the end of the document",
        ),
        SyntaxError::UnclosedComment => (
            "en kommentar blir ikke avsluttet med «-->» før dokumentet slutter",
            "a comment is not closed with \"-->\" before the end of the document",
        ),
        SyntaxError::UnclosedDoctype => (
            "en DOCTYPE-deklarasjon blir ikke avsluttet før dokumentet slutter",
            "a DOCTYPE declaration is not closed before the end of the document",
        ),
        SyntaxError::UnclosedCData => (
            "en CDATA-seksjon blir ikke avsluttet med «]]>» før dokumentet slutter",
            "a CDATA section is not closed with \"]]>\" before the end of the document",
        ),
        SyntaxError::UnclosedTag => (
            "et merke blir ikke avsluttet med «>» før dokumentet slutter",
            "a tag is not closed with \">\" before the end of the document",
        ),
        SyntaxError::UnclosedSingleQuotedAttributeValue
        | SyntaxError::UnclosedDoubleQuotedAttributeValue => (
            "en attributtverdi blir ikke avsluttet med anførselstegn før dokumentet slutter",
            "an attribute value is not closed with a quote before the end of the document",
        ),
    };
    problem(nb, en)
}

fn ill_formed_problem(err: &IllFormedError) -> XmlProblem {
    match err {
        IllFormedError::MissingDeclVersion(_) => problem(
            "XML-deklarasjonen må begynne med version",
            "the XML declaration must start with version",
        ),
        IllFormedError::UnknownVersion => problem(
            "ukjent XML-versjon (bare 1.0 og 1.1 finnes)",
            "unknown XML version (only 1.0 and 1.1 exist)",
        ),
        IllFormedError::DoubleHyphenInComment => problem(
            "«--» er ikke tillatt inne i en kommentar",
            "\"--\" is not allowed inside a comment",
        ),
        IllFormedError::UnclosedReference => problem(
            "«&» uten avsluttende «;» (skriv &amp; for et &-tegn)",
            "\"&\" without a closing \";\" (write &amp; for an & character)",
        ),
        IllFormedError::MissingEndTag(name) => XmlProblem::Unclosed {
            element: clip(name),
        },
        IllFormedError::UnmatchedEndTag(found) => {
            XmlProblem::UnmatchedEndTag { found: clip(found) }
        }
        IllFormedError::MismatchedEndTag { expected, found } => XmlProblem::MismatchedEndTag {
            expected: clip(expected),
            found: clip(found),
        },
        other => XmlProblem::Syntax {
            detail_nb: format!("feil i XML-koden ({other})"),
            detail_en: format!("error in the XML ({other})"),
        },
    }
}

/// The problem with an attribute, and where it is relative to the character after `<`.
fn attribute_problem(err: &AttrError) -> (XmlProblem, usize) {
    match err {
        AttrError::ExpectedEq(at) => (
            problem(
                "et attributtnavn må følges av «=»",
                "an attribute name must be followed by \"=\"",
            ),
            *at,
        ),
        AttrError::ExpectedValue(at) => (
            problem(
                "«=» må følges av en attributtverdi",
                "\"=\" must be followed by an attribute value",
            ),
            *at,
        ),
        AttrError::UnquotedValue(at) => (
            problem(
                "en attributtverdi må stå i anførselstegn",
                "an attribute value must be enclosed in quotes",
            ),
            *at,
        ),
        AttrError::ExpectedQuote(at, _) => (
            problem(
                "en attributtverdi mangler avsluttende anførselstegn",
                "an attribute value lacks its closing quote",
            ),
            *at,
        ),
        AttrError::Duplicated(at, _) => (
            problem(
                "samme attributt står to ganger",
                "the same attribute appears twice",
            ),
            *at,
        ),
    }
}

/// `Char` of XML 1.0: what a character reference may produce.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn is_utf8_label(encoding: &str) -> bool {
    let encoding = encoding.trim();
    encoding.eq_ignore_ascii_case("UTF-8") || encoding.eq_ignore_ascii_case("UTF8")
}

/// Input quoted in a message, cut short: a name in a hostile document can be megabytes.
fn clip(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}
