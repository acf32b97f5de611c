//! Why a document could not be read at all, with stable codes and bilingual messages.
//!
//! These errors reject the whole document: the supplier gets the message back, so it says
//! precisely what was found and where (line, column, byte). Problems with single values or
//! attachments are not errors; they are kept in the parsed invoice.

use std::fmt;

/// A place in the received bytes. Lines and columns count from 1; the column counts
/// characters, the byte offset counts bytes from the start of the input (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
    pub byte: u64,
}

impl Position {
    /// The position of byte `offset` in `bytes` (clamped to the end of the input).
    pub(crate) fn in_bytes(bytes: &[u8], offset: u64) -> Position {
        let end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        let before = bytes.get(..end).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        // Count characters, not bytes: a UTF-8 continuation byte does not start one.
        let column = before
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Position {
            line: to_u64(newlines).saturating_add(1),
            column: to_u64(column).saturating_add(1),
            byte: to_u64(end),
        }
    }

    fn nb(&self) -> String {
        format!(
            "linje {}, kolonne {}, byte {}",
            self.line, self.column, self.byte
        )
    }

    fn en(&self) -> String {
        format!(
            "line {}, column {}, byte {}",
            self.line, self.column, self.byte
        )
    }
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// What made a document malformed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum XmlProblem {
    /// No element at all (only a declaration, comments or whitespace).
    NoRoot,
    /// The input ended while this element was still open (a truncated document).
    Unclosed { element: String },
    /// An end tag that does not close the element that is open.
    MismatchedEndTag { expected: String, found: String },
    /// An end tag with no open element.
    UnmatchedEndTag { found: String },
    /// An element or text after the end of the root element.
    ContentAfterRoot,
    /// Text before the root element.
    TextBeforeRoot,
    /// An entity reference other than the five predefined ones (`&lt;` ...).
    UndefinedEntity { name: String },
    /// A character reference (`&#...;`) that is not a valid XML character.
    InvalidCharRef { reference: String },
    /// An `<?xml ...?>` declaration that is not at the very start of the document.
    MisplacedDeclaration,
    /// A prefix used on an element without a namespace declaration.
    UnknownPrefix { prefix: String },
    /// Another problem the XML reader found, described in bokmål and English.
    Syntax {
        detail_nb: String,
        detail_en: String,
    },
}

impl XmlProblem {
    fn nb(&self) -> String {
        match self {
            XmlProblem::NoRoot => "dokumentet har ikke noe rotelement".to_owned(),
            XmlProblem::Unclosed { element } => format!(
                "elementet <{element}> blir aldri avsluttet (dokumentet er avkortet eller ufullstendig)"
            ),
            XmlProblem::MismatchedEndTag { expected, found } => {
                format!("sluttmerket </{found}> avslutter ikke det åpne elementet <{expected}>")
            }
            XmlProblem::UnmatchedEndTag { found } => {
                format!("sluttmerket </{found}> hører ikke til noe åpent element")
            }
            XmlProblem::ContentAfterRoot => "innhold etter slutten av rotelementet".to_owned(),
            XmlProblem::TextBeforeRoot => "tekst før rotelementet".to_owned(),
            XmlProblem::UndefinedEntity { name } => format!(
                "entiteten &{name}; er ikke definert (bare &lt; &gt; &amp; &apos; &quot; og tegnreferanser er tillatt)"
            ),
            XmlProblem::InvalidCharRef { reference } => {
                format!("tegnreferansen &{reference}; er ikke et gyldig XML-tegn")
            }
            XmlProblem::MisplacedDeclaration => {
                "XML-deklarasjonen <?xml ...?> må stå helt først i dokumentet".to_owned()
            }
            XmlProblem::UnknownPrefix { prefix } => {
                format!("navneromsprefikset «{prefix}» er ikke deklarert")
            }
            XmlProblem::Syntax { detail_nb, .. } => detail_nb.clone(),
        }
    }

    fn en(&self) -> String {
        match self {
            XmlProblem::NoRoot => "the document has no root element".to_owned(),
            XmlProblem::Unclosed { element } => format!(
                "the element <{element}> is never closed (the document is truncated or incomplete)"
            ),
            XmlProblem::MismatchedEndTag { expected, found } => {
                format!("the end tag </{found}> does not close the open element <{expected}>")
            }
            XmlProblem::UnmatchedEndTag { found } => {
                format!("the end tag </{found}> does not match any open element")
            }
            XmlProblem::ContentAfterRoot => "content after the end of the root element".to_owned(),
            XmlProblem::TextBeforeRoot => "text before the root element".to_owned(),
            XmlProblem::UndefinedEntity { name } => format!(
                "the entity &{name}; is not defined (only &lt; &gt; &amp; &apos; &quot; and character references are allowed)"
            ),
            XmlProblem::InvalidCharRef { reference } => {
                format!("the character reference &{reference}; is not a valid XML character")
            }
            XmlProblem::MisplacedDeclaration => {
                "the XML declaration <?xml ...?> must come first in the document".to_owned()
            }
            XmlProblem::UnknownPrefix { prefix } => {
                format!("the namespace prefix \"{prefix}\" is not declared")
            }
            XmlProblem::Syntax { detail_en, .. } => detail_en.clone(),
        }
    }
}

/// Why the bytes are not a UTF-8 document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodingProblem {
    /// A byte sequence that is not UTF-8.
    InvalidUtf8 { position: Position },
    /// A UTF-16 byte order mark or UTF-16 byte pattern.
    Utf16,
    /// The XML declaration names another encoding.
    DeclaredEncoding { encoding: String },
}

/// Why a document was rejected as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// No bytes, or only whitespace.
    #[error("{}", self.message())]
    Empty,
    /// More bytes than [`crate::Limits::max_document_bytes`].
    #[error("{}", self.message())]
    TooLarge { size: u64, limit: u64 },
    /// Elements nested deeper than [`crate::Limits::max_depth`].
    #[error("{}", self.message())]
    TooDeep { limit: usize, position: Position },
    /// Not UTF-8.
    #[error("{}", self.message())]
    Encoding(EncodingProblem),
    /// A `<!DOCTYPE ...>` declaration. UBL never has one, and a DTD is how entity-expansion
    /// bombs and external entity (XXE) attacks get in.
    #[error("{}", self.message())]
    Dtd { position: Position },
    /// Not well-formed XML.
    #[error("{}", self.message())]
    Malformed {
        problem: XmlProblem,
        position: Position,
    },
    /// The root element (or the SBDH payload) is not a UBL 2.1 Invoice or CreditNote.
    #[error("{}", self.message())]
    NotUbl {
        element: String,
        namespace: Option<String>,
        in_envelope: bool,
        position: Position,
    },
    /// An SBDH envelope without a document inside.
    #[error("{}", self.message())]
    EmptyEnvelope,
    /// An SBDH envelope with more than one document inside.
    #[error("{}", self.message())]
    SeveralPayloads { position: Position },
}

impl ParseError {
    /// A stable identifier for the kind of error, for logs, metrics and rejection records.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::Empty | ParseError::Malformed { .. } => "MOTTAK-XML",
            ParseError::TooLarge { .. } | ParseError::TooDeep { .. } => "MOTTAK-SIZE",
            ParseError::Encoding(_) => "MOTTAK-ENCODING",
            ParseError::Dtd { .. } => "MOTTAK-DTD",
            ParseError::NotUbl { .. }
            | ParseError::EmptyEnvelope
            | ParseError::SeveralPayloads { .. } => "MOTTAK-NOT-UBL",
        }
    }

    /// The message for the supplier and the AP clerk: bokmål, then ` / `, then English.
    pub fn message(&self) -> String {
        format!("{} / {}", self.nb(), self.en())
    }

    fn nb(&self) -> String {
        match self {
            ParseError::Empty => "Dokumentet er tomt".to_owned(),
            ParseError::TooLarge { size, limit } => {
                format!("Dokumentet er {size} byte, mer enn grensen på {limit} byte")
            }
            ParseError::TooDeep { limit, position } => format!(
                "Elementene er nøstet dypere enn grensen på {limit} nivåer ({})",
                position.nb()
            ),
            ParseError::Encoding(EncodingProblem::InvalidUtf8 { position }) => format!(
                "Dokumentet er ikke gyldig UTF-8 ({}); EHF/UBL-dokumenter skal være UTF-8",
                position.nb()
            ),
            ParseError::Encoding(EncodingProblem::Utf16) => {
                "Dokumentet er kodet i UTF-16; EHF/UBL-dokumenter skal være UTF-8".to_owned()
            }
            ParseError::Encoding(EncodingProblem::DeclaredEncoding { encoding }) => format!(
                "XML-deklarasjonen oppgir tegnsettet «{encoding}»; EHF/UBL-dokumenter skal være UTF-8"
            ),
            ParseError::Dtd { position } => format!(
                "Dokumentet inneholder en DOCTYPE-deklarasjon (DTD) ({}); DTD er ikke tillatt i EHF/UBL",
                position.nb()
            ),
            ParseError::Malformed { problem, position } => format!(
                "Dokumentet er ikke gyldig XML: {} ({})",
                problem.nb(),
                position.nb()
            ),
            ParseError::NotUbl {
                element,
                namespace,
                in_envelope,
                position,
            } => format!(
                "{} er «{element}» {} ({}); forventet Invoice i navnerommet «{}» eller CreditNote i navnerommet «{}»{}",
                if *in_envelope {
                    "Dokumentet i SBDH-konvolutten"
                } else {
                    "Rotelementet"
                },
                match namespace {
                    Some(ns) => format!("i navnerommet «{ns}»"),
                    None => "uten navnerom".to_owned(),
                },
                position.nb(),
                super::tags::NS_INVOICE,
                super::tags::NS_CREDIT_NOTE,
                if *in_envelope {
                    ""
                } else {
                    ", eventuelt i en SBDH-konvolutt"
                },
            ),
            ParseError::EmptyEnvelope => {
                "SBDH-konvolutten inneholder ikke noe faktura- eller kreditnotadokument".to_owned()
            }
            ParseError::SeveralPayloads { position } => format!(
                "SBDH-konvolutten inneholder mer enn ett dokument ({})",
                position.nb()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            ParseError::Empty => "The document is empty".to_owned(),
            ParseError::TooLarge { size, limit } => {
                format!("The document is {size} bytes, more than the limit of {limit} bytes")
            }
            ParseError::TooDeep { limit, position } => format!(
                "Elements are nested deeper than the limit of {limit} levels ({})",
                position.en()
            ),
            ParseError::Encoding(EncodingProblem::InvalidUtf8 { position }) => format!(
                "The document is not valid UTF-8 ({}); EHF/UBL documents must be UTF-8",
                position.en()
            ),
            ParseError::Encoding(EncodingProblem::Utf16) => {
                "The document is encoded in UTF-16; EHF/UBL documents must be UTF-8".to_owned()
            }
            ParseError::Encoding(EncodingProblem::DeclaredEncoding { encoding }) => format!(
                "The XML declaration gives the encoding \"{encoding}\"; EHF/UBL documents must be UTF-8"
            ),
            ParseError::Dtd { position } => format!(
                "The document contains a DOCTYPE declaration (DTD) ({}); a DTD is not allowed in EHF/UBL",
                position.en()
            ),
            ParseError::Malformed { problem, position } => format!(
                "The document is not well-formed XML: {} ({})",
                problem.en(),
                position.en()
            ),
            ParseError::NotUbl {
                element,
                namespace,
                in_envelope,
                position,
            } => format!(
                "{} is \"{element}\" {} ({}); expected Invoice in namespace \"{}\" or CreditNote in namespace \"{}\"{}",
                if *in_envelope {
                    "The document in the SBDH envelope"
                } else {
                    "The root element"
                },
                match namespace {
                    Some(ns) => format!("in namespace \"{ns}\""),
                    None => "without a namespace".to_owned(),
                },
                position.en(),
                super::tags::NS_INVOICE,
                super::tags::NS_CREDIT_NOTE,
                if *in_envelope {
                    ""
                } else {
                    ", possibly in an SBDH envelope"
                },
            ),
            ParseError::EmptyEnvelope => {
                "The SBDH envelope contains no invoice or credit note document".to_owned()
            }
            ParseError::SeveralPayloads { position } => format!(
                "The SBDH envelope contains more than one document ({})",
                position.en()
            ),
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "ab\nçd\nx".as_bytes();
        assert_eq!(
            Position::in_bytes(text, 0),
            Position {
                line: 1,
                column: 1,
                byte: 0
            }
        );
        // "ç" is two bytes but one column.
        assert_eq!(
            Position::in_bytes(text, 6),
            Position {
                line: 2,
                column: 3,
                byte: 6
            }
        );
        assert_eq!(Position::in_bytes(text, 999).byte, 8);
    }

    #[test]
    fn message_is_bokmal_then_english() {
        let err = ParseError::TooLarge { size: 10, limit: 5 };
        assert_eq!(
            err.message(),
            "Dokumentet er 10 byte, mer enn grensen på 5 byte / \
             The document is 10 bytes, more than the limit of 5 bytes"
        );
        assert_eq!(err.to_string(), err.message());
        assert_eq!(err.code(), "MOTTAK-SIZE");
    }
}
