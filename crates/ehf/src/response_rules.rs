//! Checking a Peppol BIS Invoice Response 3.0 (transaction T111) against the rules Peppol
//! publishes for it, so that a response is known to be valid before it goes to a supplier.
//!
//! The rules are those of Peppol's post-award validation artefacts, release 3.0.17 (in force
//! since May 2026), evaluated natively, with the official ids and flags and descriptions in
//! our own words:
//!
//! - `PEPPOL-T111-B*` (54): the structure. Peppol generates them from its description of the
//!   message: what each group must contain, that a group holds nothing outside the data
//!   model, and which code list a coded value or scheme comes from. Here they are driven by
//!   [`ROOT`], a transcription of that description.
//! - `PEPPOL-T111-R001`…`R008`: what a response says (a clarification code for `UQ`, `CA`
//!   and `RE`, text for `OTH` and `PPD`, codes from the list `listID` names, the
//!   specification and process identifiers).
//! - `PEPPOL-COMMON-*`: no empty elements, the date format, no schema location, and the
//!   format and check digits of identifiers by scheme.
//! - `MOTTAK-IR-*`: what the UBL 2.1 `ApplicationResponse` schema requires and the
//!   Schematron does not check (well-formed XML, the root element, element order, how often
//!   an element may occur, attributes, `xs:date` / `xs:time` values). They are ours, not
//!   Peppol's, and named so.
//!
//! Each rule fires once per element that breaks it, as the Schematron does, and follows the
//! published XPath literally (raw versus `normalize-space`d text, the first matching rule of
//! a pattern only). Where Peppol's XPath would stop with a dynamic error (an element repeated
//! where one is expected) the rule does not fire. Two published oddities are kept on purpose:
//! `PEPPOL-T111-R005` ("`PPD` only with status `PD`") cannot fail as published (its test asks
//! whether a comparison exists, and one always does), so it never fires here either; and a
//! response code such as `CA UQ` counts as one of `CA`, `UQ`, `RE` for `R001`.
//!
//! Not checked: `PEPPOL-COMMON-R059` (Luxembourg 0240 numbers), which comes with release
//! 3.0.18 as a warning and is published with an inverted test.

use mottak_en16931::identifiers::{
    abn_ok, danish_cvr_ok, gln_ok, luhn_se_ok, mod11_ok, mod97_0208_ok,
};
use std::fmt;

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::response::{INVOICE_RESPONSE_CUSTOMIZATION_ID, INVOICE_RESPONSE_PROFILE_ID};

const NS_APPLICATION_RESPONSE: &str =
    "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// The process identifier of an invoice sent under BIS Billing's profile 02, where the
/// Invoice Response is a required step (`PEPPOL-T111-R008` accepts it besides our own).
const BILLING_WITH_RESPONSE_PROFILE_ID: &str = "urn:peppol:bis:billing_with_response";

/// Deeper nesting is refused rather than read.
const MAX_DEPTH: usize = 64;

/// One rule an Invoice Response breaks, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct T111Violation {
    /// The official rule id (`PEPPOL-T111-R001`, `PEPPOL-T111-B02102`,
    /// `PEPPOL-COMMON-R041`), or a `MOTTAK-IR-*` id for what the UBL 2.1 schema requires and
    /// the Schematron does not check.
    pub id: &'static str,
    /// [`T111Violation::FATAL`] or [`T111Violation::WARNING`], as the rule is flagged.
    pub flag: &'static str,
    /// What is wrong, in English.
    pub message: String,
    /// The element the rule was checked on, as an XPath such as
    /// `/ApplicationResponse[1]/cac:DocumentResponse[1]/cac:Response[1]`.
    pub location: String,
}

impl T111Violation {
    /// The flag of a rule whose violation makes the document invalid.
    pub const FATAL: &'static str = "fatal";
    /// The flag of a rule whose violation is reported but accepted.
    pub const WARNING: &'static str = "warning";

    pub fn is_fatal(&self) -> bool {
        self.flag == Self::FATAL
    }
}

impl fmt::Display for T111Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] ({}) {} at {}",
            self.id, self.flag, self.message, self.location
        )
    }
}

/// Every rule `xml` breaks: the Peppol BIS Invoice Response 3.0 (T111) rules, the Peppol
/// rules common to all post-award documents, and the `MOTTAK-IR-*` schema checks. Empty
/// when the document is a valid Invoice Response without warnings.
///
/// A document that is not well-formed UTF-8 XML, or whose root is not a UBL
/// `ApplicationResponse`, gives that one fatal violation and nothing else.
pub fn check_invoice_response(xml: &[u8]) -> Vec<T111Violation> {
    let doc = match Doc::read(xml) {
        Ok(doc) => doc,
        Err(problem) => {
            return vec![violation(
                "MOTTAK-IR-XML",
                format!("The document cannot be read: {problem}."),
                String::from("/"),
            )];
        }
    };
    let root = doc.node(Doc::ROOT);
    if root.ns != Ns::Response || &*root.local != "ApplicationResponse" {
        return vec![violation(
            "MOTTAK-IR-ROOT",
            format!(
                "The root element is {}, not a UBL 2.1 ApplicationResponse (namespace {NS_APPLICATION_RESPONSE}).",
                root.qname
            ),
            doc.location(Doc::ROOT),
        )];
    }
    let mut out = Out {
        doc: &doc,
        found: Vec::new(),
    };
    out.structure(Doc::ROOT, &ROOT);
    out.schema_location();
    for id in 0..doc.nodes.len() {
        out.transaction_rules(id);
        out.clarification_lists(id);
        out.common_rules(id);
    }
    out.found
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

/// Which namespace an element is in, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// The UBL `ApplicationResponse` root namespace.
    Response,
    Cac,
    Cbc,
    /// No namespace, or one the rules never name.
    Other,
}

/// One element.
#[derive(Debug)]
struct Node {
    ns: Ns,
    local: Box<str>,
    /// The name as written, for messages and for locations outside the UBL namespaces.
    qname: Box<str>,
    /// Attributes by their name as written, values normalised as XML requires.
    attrs: Vec<(Box<str>, Box<str>)>,
    /// The element's own character data (references resolved), untrimmed.
    text: String,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Position among the parent's children of the same name, 1-based.
    ordinal: usize,
}

/// The document as a small arena tree, elements numbered in document order.
#[derive(Debug)]
struct Doc {
    nodes: Vec<Node>,
}

impl Doc {
    const ROOT: usize = 0;

    /// One pass over the bytes. A DTD is refused; so is anything that is not well-formed.
    fn read(xml: &[u8]) -> Result<Doc, String> {
        let body = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
        let text = std::str::from_utf8(body)
            .map_err(|err| format!("it is not UTF-8 (byte {})", err.valid_up_to()))?;
        let mut reader = NsReader::from_str(text);
        reader.config_mut().check_end_names = true;
        reader.config_mut().trim_text(false);
        let mut doc = Doc { nodes: Vec::new() };
        let mut open: Vec<usize> = Vec::new();
        loop {
            let at = reader.buffer_position();
            let event = reader
                .read_event()
                .map_err(|err| format!("it is not well-formed XML at byte {at}: {err}"))?;
            match event {
                Event::Start(start) => {
                    let id = doc.push(&reader, &open, &start, at)?;
                    open.push(id);
                    if open.len() > MAX_DEPTH {
                        return Err(format!("elements are nested deeper than {MAX_DEPTH}"));
                    }
                }
                Event::Empty(start) => {
                    doc.push(&reader, &open, &start, at)?;
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(t) => doc.append(&open, &t.xml10_content(), at)?,
                Event::CData(t) => doc.append(&open, &t.xml10_content(), at)?,
                Event::GeneralRef(r) => {
                    let mut buf = [0u8; 4];
                    let resolved: &str = if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => c.encode_utf8(&mut buf),
                            _ => return Err(format!("bad character reference at byte {at}")),
                        }
                    } else {
                        resolve_predefined_entity(&r)
                            .ok_or_else(|| format!("undefined entity at byte {at}"))?
                    };
                    doc.append(&open, resolved, at)?;
                }
                Event::DocType(_) => return Err(String::from("a DTD (DOCTYPE) is not accepted")),
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        if !open.is_empty() {
            return Err(String::from("it ends inside an element"));
        }
        if doc.nodes.is_empty() {
            return Err(String::from("it has no root element"));
        }
        Ok(doc)
    }

    fn push(
        &mut self,
        reader: &NsReader<&[u8]>,
        open: &[usize],
        start: &BytesStart<'_>,
        at: u64,
    ) -> Result<usize, String> {
        let parent = open.last().copied();
        if parent.is_none() && !self.nodes.is_empty() {
            return Err(format!("a second root element at byte {at}"));
        }
        let (resolved, local) = reader.resolver().resolve_element(start.name());
        let ns = match resolved {
            ResolveResult::Bound(ns) if ns.0 == NS_APPLICATION_RESPONSE => Ns::Response,
            ResolveResult::Bound(ns) if ns.0 == NS_CAC => Ns::Cac,
            ResolveResult::Bound(ns) if ns.0 == NS_CBC => Ns::Cbc,
            ResolveResult::Bound(_) | ResolveResult::Unbound => Ns::Other,
            ResolveResult::Unknown(prefix) => {
                return Err(format!(
                    "an undeclared namespace prefix at byte {at}: {prefix:?}"
                ));
            }
        };
        let local: Box<str> = local.as_ref().into();
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|err| format!("a bad attribute at byte {at}: {err}"))?;
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| format!("a bad attribute value at byte {at}: {err}"))?;
            attrs.push((attr.key.as_ref().into(), value.as_ref().into()));
        }
        let id = self.nodes.len();
        let ordinal = parent.map_or(1, |p| {
            1 + self.nodes[p]
                .children
                .iter()
                .filter(|&&c| self.nodes[c].ns == ns && self.nodes[c].local == local)
                .count()
        });
        self.nodes.push(Node {
            ns,
            local,
            qname: start.name().as_ref().into(),
            attrs,
            text: String::new(),
            parent,
            children: Vec::new(),
            ordinal,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        Ok(id)
    }

    fn append(&mut self, open: &[usize], text: &str, at: u64) -> Result<(), String> {
        match open.last() {
            Some(&id) => {
                self.nodes[id].text.push_str(text);
                Ok(())
            }
            None if text.chars().all(is_xml_space) => Ok(()),
            None => Err(format!("text outside the root element at byte {at}")),
        }
    }

    fn node(&self, id: usize) -> &Node {
        &self.nodes[id]
    }

    fn is(&self, id: usize, ns: Ns, local: &str) -> bool {
        let n = self.node(id);
        n.ns == ns && &*n.local == local
    }

    /// Children of `id` with this name.
    fn kids<'a>(&'a self, id: usize, ns: Ns, local: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.node(id)
            .children
            .iter()
            .copied()
            .filter(move |&c| self.is(c, ns, local))
    }

    /// An unprefixed attribute (UBL's own attributes are never in a namespace).
    fn attr(&self, id: usize, name: &str) -> Option<&str> {
        self.node(id)
            .attrs
            .iter()
            .find(|(key, _)| &**key == name)
            .map(|(_, value)| &**value)
    }

    /// XPath `normalize-space` of the element's text.
    fn norm(&self, id: usize) -> String {
        normalize_space(&self.node(id).text)
    }

    /// The text of the only child with this name; `None` when there is none or several
    /// (where Peppol's XPath would stop with an error, so the rule is not judged).
    fn only_kid_text(&self, id: usize, ns: Ns, local: &str) -> Option<Option<String>> {
        let mut kids = self.kids(id, ns, local);
        match (kids.next(), kids.next()) {
            (None, _) => Some(None),
            (Some(kid), None) => Some(Some(self.norm(kid))),
            (Some(_), Some(_)) => None,
        }
    }

    /// An XPath to the element, e.g. `/ApplicationResponse[1]/cac:SenderParty[1]`.
    fn location(&self, id: usize) -> String {
        let mut steps = Vec::new();
        let mut cur = Some(id);
        while let Some(i) = cur {
            let n = self.node(i);
            let name = match n.ns {
                Ns::Cac => format!("cac:{}", n.local),
                Ns::Cbc => format!("cbc:{}", n.local),
                Ns::Response => n.local.to_string(),
                Ns::Other => n.qname.to_string(),
            };
            steps.push(format!("{name}[{}]", n.ordinal));
            cur = n.parent;
        }
        steps.reverse();
        format!("/{}", steps.join("/"))
    }
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// XPath `normalize-space`: XML white space trimmed and each run of it made one space.
fn normalize_space(text: &str) -> String {
    text.split(is_xml_space)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// The data model (Peppol's T111 syntax description, in UBL 2.1 schema order)
// ---------------------------------------------------------------------------------------------

/// The UBL data type of an element: which attributes the schema allows it, and which value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Aggregate,
    Identifier,
    Code,
    /// `TextType` and `NameType`.
    Text,
    Date,
    Time,
}

impl Kind {
    fn allows(self, attribute: &str) -> bool {
        const IDENTIFIER: &[&str] = &[
            "schemeID",
            "schemeName",
            "schemeAgencyID",
            "schemeAgencyName",
            "schemeVersionID",
            "schemeDataURI",
            "schemeURI",
        ];
        const CODE: &[&str] = &[
            "listID",
            "listAgencyID",
            "listAgencyName",
            "listName",
            "listVersionID",
            "name",
            "languageID",
            "listURI",
            "listSchemeURI",
        ];
        const TEXT: &[&str] = &["languageID", "languageLocaleID"];
        match self {
            Kind::Identifier => IDENTIFIER.contains(&attribute),
            Kind::Code => CODE.contains(&attribute),
            Kind::Text => TEXT.contains(&attribute),
            Kind::Aggregate | Kind::Date | Kind::Time => false,
        }
    }
}

/// A code list a structure rule checks against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeList {
    /// UNCL 4343, the subset for Invoice Response status.
    ResponseStatus,
    /// UNCL 1001 (edition D.17A, as Peppol has it).
    DocumentName,
}

impl CodeList {
    fn contains(self, code: &str) -> bool {
        match self {
            CodeList::ResponseStatus => RESPONSE_CODES.contains(&code),
            CodeList::DocumentName => is_document_name_code(code),
        }
    }

    fn name(self) -> &'static str {
        match self {
            CodeList::ResponseStatus => "the Invoice Response status codes (UNCL 4343 subset)",
            CodeList::DocumentName => "the UNCL 1001 document name codes",
        }
    }
}

/// The value checks of the structure rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    None,
    /// An electronic address: `@schemeID` must be there (`present`) and be an EAS code
    /// (`listed`).
    Endpoint {
        present: &'static str,
        listed: &'static str,
    },
    /// A party identifier: `@schemeID`, when there, must be an ICD code.
    PartyId {
        listed: &'static str,
    },
    /// The normalised text must be a code of the list.
    Listed {
        rule: &'static str,
        list: CodeList,
    },
    /// `cbc:StatusReasonCode`: a reason or action code, with `@listID` naming its list.
    Clarification,
}

/// An element of the data model.
#[derive(Debug)]
struct Elem {
    ns: Ns,
    local: &'static str,
    kind: Kind,
    /// UBL 2.1 allows it more than once in its parent.
    repeats: bool,
    /// The rule broken on the parent when this element is missing.
    required: Option<&'static str>,
    check: Check,
    /// The rule broken by a child outside the data model; Peppol publishes none for some
    /// groups (party identification and party name).
    closed: Option<&'static str>,
    /// The children the data model has, in schema order.
    kids: &'static [Elem],
}

impl Elem {
    const fn leaf(ns: Ns, local: &'static str, kind: Kind) -> Elem {
        Elem {
            ns,
            local,
            kind,
            repeats: false,
            required: None,
            check: Check::None,
            closed: None,
            kids: &[],
        }
    }

    const fn group(
        local: &'static str,
        closed: Option<&'static str>,
        kids: &'static [Elem],
    ) -> Elem {
        Elem {
            ns: Ns::Cac,
            local,
            kind: Kind::Aggregate,
            repeats: false,
            required: None,
            check: Check::None,
            closed,
            kids,
        }
    }

    const fn required(self, rule: &'static str) -> Elem {
        Elem {
            required: Some(rule),
            ..self
        }
    }

    const fn repeats(self) -> Elem {
        Elem {
            repeats: true,
            ..self
        }
    }

    const fn check(self, check: Check) -> Elem {
        Elem { check, ..self }
    }

    fn qname(&self) -> String {
        match self.ns {
            Ns::Cac => format!("cac:{}", self.local),
            Ns::Cbc => format!("cbc:{}", self.local),
            Ns::Response | Ns::Other => self.local.to_owned(),
        }
    }
}

const fn cbc(local: &'static str, kind: Kind) -> Elem {
    Elem::leaf(Ns::Cbc, local, kind)
}

/// `/ubl:ApplicationResponse`.
const ROOT: Elem = Elem {
    ns: Ns::Response,
    local: "ApplicationResponse",
    kind: Kind::Aggregate,
    repeats: false,
    required: None,
    check: Check::None,
    closed: Some("PEPPOL-T111-B00109"),
    kids: &[
        cbc("CustomizationID", Kind::Identifier).required("PEPPOL-T111-B00101"),
        cbc("ProfileID", Kind::Identifier).required("PEPPOL-T111-B00102"),
        cbc("ID", Kind::Identifier).required("PEPPOL-T111-B00103"),
        cbc("IssueDate", Kind::Date).required("PEPPOL-T111-B00104"),
        cbc("IssueTime", Kind::Time),
        cbc("Note", Kind::Text).repeats(),
        Elem::group("SenderParty", Some("PEPPOL-T111-B00803"), SENDER)
            .required("PEPPOL-T111-B00105"),
        Elem::group("ReceiverParty", Some("PEPPOL-T111-B02003"), RECEIVER)
            .required("PEPPOL-T111-B00106"),
        Elem::group(
            "DocumentResponse",
            Some("PEPPOL-T111-B02803"),
            DOCUMENT_RESPONSE,
        )
        .required("PEPPOL-T111-B00107")
        .repeats(),
    ],
};

const SENDER: &[Elem] = &[
    cbc("EndpointID", Kind::Identifier)
        .required("PEPPOL-T111-B00801")
        .check(Check::Endpoint {
            present: "PEPPOL-T111-B00901",
            listed: "PEPPOL-T111-B00902",
        }),
    Elem::group(
        "PartyIdentification",
        None,
        &[cbc("ID", Kind::Identifier)
            .required("PEPPOL-T111-B01101")
            .check(Check::PartyId {
                listed: "PEPPOL-T111-B01201",
            })],
    )
    .repeats(),
    Elem::group(
        "PartyLegalEntity",
        Some("PEPPOL-T111-B01402"),
        &[cbc("RegistrationName", Kind::Text).required("PEPPOL-T111-B01401")],
    )
    .required("PEPPOL-T111-B00802")
    .repeats(),
    Elem::group(
        "Contact",
        Some("PEPPOL-T111-B01601"),
        &[
            cbc("Name", Kind::Text),
            cbc("Telephone", Kind::Text),
            cbc("ElectronicMail", Kind::Text),
        ],
    ),
];

const RECEIVER: &[Elem] = &[
    cbc("EndpointID", Kind::Identifier)
        .required("PEPPOL-T111-B02001")
        .check(Check::Endpoint {
            present: "PEPPOL-T111-B02101",
            listed: "PEPPOL-T111-B02102",
        }),
    Elem::group(
        "PartyIdentification",
        None,
        &[cbc("ID", Kind::Identifier)
            .required("PEPPOL-T111-B02301")
            .check(Check::PartyId {
                listed: "PEPPOL-T111-B02401",
            })],
    )
    .repeats(),
    Elem::group(
        "PartyLegalEntity",
        Some("PEPPOL-T111-B02602"),
        &[cbc("RegistrationName", Kind::Text).required("PEPPOL-T111-B02601")],
    )
    .required("PEPPOL-T111-B02002")
    .repeats(),
];

const DOCUMENT_RESPONSE: &[Elem] = &[
    Elem::group(
        "Response",
        Some("PEPPOL-T111-B02902"),
        &[
            cbc("ResponseCode", Kind::Code)
                .required("PEPPOL-T111-B02901")
                .check(Check::Listed {
                    rule: "PEPPOL-T111-B03001",
                    list: CodeList::ResponseStatus,
                }),
            cbc("EffectiveDate", Kind::Date),
            Elem::group(
                "Status",
                Some("PEPPOL-T111-B03201"),
                &[
                    cbc("StatusReasonCode", Kind::Code).check(Check::Clarification),
                    cbc("StatusReason", Kind::Text).repeats(),
                    Elem::group(
                        "Condition",
                        Some("PEPPOL-T111-B03602"),
                        &[
                            cbc("AttributeID", Kind::Identifier).required("PEPPOL-T111-B03601"),
                            cbc("Description", Kind::Text).repeats(),
                        ],
                    )
                    .repeats(),
                ],
            )
            .repeats(),
        ],
    )
    .required("PEPPOL-T111-B02801"),
    Elem::group(
        "DocumentReference",
        Some("PEPPOL-T111-B03903"),
        &[
            cbc("ID", Kind::Identifier).required("PEPPOL-T111-B03901"),
            cbc("IssueDate", Kind::Date),
            cbc("DocumentTypeCode", Kind::Code)
                .required("PEPPOL-T111-B03902")
                .check(Check::Listed {
                    rule: "PEPPOL-T111-B04201",
                    list: CodeList::DocumentName,
                }),
        ],
    )
    .required("PEPPOL-T111-B02802")
    .repeats(),
    Elem::group(
        "IssuerParty",
        Some("PEPPOL-T111-B04302"),
        &[
            Elem::group(
                "PartyIdentification",
                None,
                &[cbc("ID", Kind::Identifier)
                    .required("PEPPOL-T111-B04401")
                    .check(Check::PartyId {
                        listed: "PEPPOL-T111-B04501",
                    })],
            )
            .repeats(),
            Elem::group(
                "PartyName",
                None,
                &[cbc("Name", Kind::Text).required("PEPPOL-T111-B04701")],
            )
            .required("PEPPOL-T111-B04301")
            .repeats(),
        ],
    ),
    Elem::group(
        "RecipientParty",
        Some("PEPPOL-T111-B04902"),
        &[
            Elem::group(
                "PartyIdentification",
                None,
                &[cbc("ID", Kind::Identifier)
                    .required("PEPPOL-T111-B05001")
                    .check(Check::PartyId {
                        listed: "PEPPOL-T111-B05101",
                    })],
            )
            .repeats(),
            Elem::group(
                "PartyName",
                None,
                &[cbc("Name", Kind::Text).required("PEPPOL-T111-B05301")],
            )
            .required("PEPPOL-T111-B04901")
            .repeats(),
        ],
    ),
];

// ---------------------------------------------------------------------------------------------
// Code lists (Peppol post-award code lists, release 3.0.17)
// ---------------------------------------------------------------------------------------------

/// Invoice Response status (`cbc:ResponseCode`): acknowledged, accepted, rejected, in
/// process, under query, conditionally accepted, paid.
const RESPONSE_CODES: &[&str] = &["AB", "AP", "RE", "IP", "UQ", "CA", "PD"];

/// Why the status is what it is (`listID="OPStatusReason"`): no issue, references, legal
/// information, receiver unknown, item quality, delivery, prices, quantity, items, payment
/// terms, not recognised, finance, partially paid, other.
const STATUS_REASONS: &[&str] = &[
    "NON", "REF", "LEG", "REC", "QUA", "DEL", "PRI", "QTY", "ITM", "PAY", "UNR", "FIN", "PPD",
    "OTH",
];

/// What the supplier is asked to do (`listID="OPStatusAction"`): nothing, provide
/// information, issue a new invoice, credit fully, credit partially, credit the amount,
/// other.
const STATUS_ACTIONS: &[&str] = &["NOA", "PIN", "NIN", "CNF", "CNP", "CNA", "OTH"];

const LIST_REASON: &str = "OPStatusReason";
const LIST_ACTION: &str = "OPStatusAction";

/// Electronic Address Scheme codes (`cbc:EndpointID/@schemeID`).
const EAS: &[&str] = &[
    "0002", "0007", "0009", "0037", "0060", "0088", "0096", "0097", "0106", "0130", "0135", "0142",
    "0147", "0151", "0154", "0158", "0170", "0177", "0183", "0184", "0188", "0190", "0191", "0192",
    "0193", "0194", "0195", "0196", "0198", "0199", "0200", "0201", "0202", "0203", "0204", "0205",
    "0208", "0209", "0210", "0211", "0212", "0213", "0215", "0216", "0217", "0218", "0221", "0225",
    "0230", "0235", "0240", "0242", "0244", "0245", "0246", "0248", "9910", "9913", "9914", "9915",
    "9918", "9919", "9920", "9922", "9923", "9924", "9925", "9926", "9927", "9928", "9929", "9930",
    "9931", "9932", "9933", "9934", "9935", "9936", "9937", "9938", "9939", "9940", "9941", "9942",
    "9943", "9944", "9945", "9946", "9947", "9948", "9949", "9950", "9951", "9952", "9953", "9957",
    "9959",
];

/// ISO 6523 ICD codes (`cac:PartyIdentification/cbc:ID/@schemeID`), as ranges of the
/// four-digit number.
const ICD_RANGES: &[(u16, u16)] = &[(2, 91), (93, 102), (104, 180), (183, 248)];

/// UNCL 1001 document name codes as Peppol lists them for the Invoice Response (edition
/// D.17A), as ranges. `1999` is in Peppol's list (taken from a description), so it passes.
const DOCUMENT_NAME_RANGES: &[(u16, u16)] = &[
    (1, 470),
    (481, 491),
    (493, 499),
    (520, 539),
    (550, 554),
    (575, 589),
    (610, 610),
    (621, 659),
    (700, 751),
    (760, 761),
    (763, 766),
    (770, 770),
    (775, 775),
    (780, 799),
    (810, 812),
    (820, 825),
    (830, 830),
    (833, 833),
    (840, 841),
    (850, 853),
    (855, 856),
    (860, 865),
    (870, 870),
    (890, 890),
    (895, 896),
    (901, 901),
    (910, 911),
    (913, 917),
    (925, 927),
    (929, 938),
    (940, 941),
    (950, 955),
    (960, 966),
    (970, 972),
    (974, 979),
    (990, 991),
    (995, 996),
    (998, 998),
    (1999, 1999),
];

fn in_ranges(n: u16, ranges: &[(u16, u16)]) -> bool {
    ranges.iter().any(|&(from, to)| (from..=to).contains(&n))
}

fn is_icd(code: &str) -> bool {
    code.len() == 4
        && code.bytes().all(|b| b.is_ascii_digit())
        && code.parse().is_ok_and(|n| in_ranges(n, ICD_RANGES))
}

/// Codes compare as strings: `0380` is not `380`.
fn is_document_name_code(code: &str) -> bool {
    !code.starts_with('0')
        && (1..=4).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_digit())
        && code
            .parse()
            .is_ok_and(|n| in_ranges(n, DOCUMENT_NAME_RANGES))
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/// The rules flagged `warning`; every other rule is fatal.
const WARNINGS: &[&str] = &[
    "PEPPOL-T111-R002",
    "PEPPOL-COMMON-R003",
    "PEPPOL-COMMON-R044",
    "PEPPOL-COMMON-R045",
    "PEPPOL-COMMON-R046",
    "PEPPOL-COMMON-R047",
    "PEPPOL-COMMON-R054",
    "PEPPOL-COMMON-R055",
    "PEPPOL-COMMON-R056-1",
    "PEPPOL-COMMON-R056-2",
    "PEPPOL-COMMON-R057",
];

/// The rules not driven by [`ROOT`], with what each requires.
const RULES: &[(&str, &str)] = &[
    (
        "PEPPOL-T111-B00108",
        "The root element carries no schema location.",
    ),
    (
        "PEPPOL-T111-R001",
        "A response that is under query (UQ), conditionally accepted (CA) or rejected (RE) gives at least one clarification code.",
    ),
    (
        "PEPPOL-T111-R002",
        "Clarification code OTH (other) comes with a text saying what is meant.",
    ),
    (
        "PEPPOL-T111-R003",
        "The specification identifier begins with urn:fdc:peppol.eu:poacc:trns:invoice_response:3.",
    ),
    (
        "PEPPOL-T111-R004",
        "Clarification code PPD (partially paid) comes with a text.",
    ),
    (
        "PEPPOL-T111-R005",
        "Clarification code PPD goes with status PD only (published with a test that cannot fail; never fires).",
    ),
    (
        "PEPPOL-T111-R006",
        "A clarification code whose listID is OPStatusAction is an action code.",
    ),
    (
        "PEPPOL-T111-R007",
        "A clarification code whose listID is OPStatusReason is a reason code.",
    ),
    (
        "PEPPOL-T111-R008",
        "The process identifier is urn:fdc:peppol.eu:poacc:bis:invoice_response:3 or urn:peppol:bis:billing_with_response.",
    ),
    ("PEPPOL-COMMON-R001", "No element is empty."),
    (
        "PEPPOL-COMMON-R003",
        "The document does not say where its schema is.",
    ),
    ("PEPPOL-COMMON-R030", "A date is written YYYY-MM-DD."),
    (
        "PEPPOL-COMMON-R040",
        "A GLN (scheme 0088) is digits with a valid GS1 check digit.",
    ),
    (
        "PEPPOL-COMMON-R041",
        "A Norwegian organisation number (scheme 0192) is nine digits with a valid MOD11 check digit.",
    ),
    (
        "PEPPOL-COMMON-R042",
        "A Danish CVR number (scheme 0184) is eight digits, optionally after DK.",
    ),
    (
        "PEPPOL-COMMON-R043",
        "A Belgian enterprise number (scheme 0208) is ten digits with a valid MOD97 check.",
    ),
    (
        "PEPPOL-COMMON-R044",
        "An Italian IPA code (scheme 0201) is six letters or digits.",
    ),
    (
        "PEPPOL-COMMON-R045",
        "An Italian tax code (scheme 0210) is a 16-character personal code or 11 digits.",
    ),
    (
        "PEPPOL-COMMON-R046",
        "An Italian tax code as electronic address (scheme 9907) is a 16-character personal code or 11 digits.",
    ),
    (
        "PEPPOL-COMMON-R047",
        "An Italian VAT number (scheme 0211) that starts with IT has 11 digits with a valid check digit.",
    ),
    (
        "PEPPOL-COMMON-R049",
        "A Swedish organisation number (scheme 0007) is ten digits with a valid Luhn check digit.",
    ),
    (
        "PEPPOL-COMMON-R050",
        "An Australian Business Number (scheme 0151) is eleven digits passing the ABN check.",
    ),
    (
        "PEPPOL-COMMON-R052",
        "A Danish P-number (scheme 0096) is ten digits.",
    ),
    (
        "PEPPOL-COMMON-R053",
        "A Danish SE number (scheme 0198) is DK followed by eight digits.",
    ),
    (
        "PEPPOL-COMMON-R054",
        "A Dutch Chamber of Commerce number (scheme 0106) is eight digits.",
    ),
    (
        "PEPPOL-COMMON-R055",
        "A Dutch government organisation number (scheme 0190) is twenty digits.",
    ),
    (
        "PEPPOL-COMMON-R056-1",
        "A Dutch VAT number (scheme 9944) is NL, nine digits, B and two digits.",
    ),
    (
        "PEPPOL-COMMON-R056-2",
        "A VAT number that starts with NL is NL, nine digits, B and two digits.",
    ),
    (
        "PEPPOL-COMMON-R057",
        "A Dutch establishment number (scheme 0217) is twelve digits.",
    ),
    (
        "MOTTAK-IR-XML",
        "The document is well-formed UTF-8 XML without a DTD.",
    ),
    (
        "MOTTAK-IR-ROOT",
        "The root element is a UBL 2.1 ApplicationResponse.",
    ),
    (
        "MOTTAK-IR-ORDER",
        "Elements come in the order of the UBL 2.1 schema.",
    ),
    (
        "MOTTAK-IR-REPEAT",
        "An element occurs no more often than the UBL 2.1 schema allows.",
    ),
    (
        "MOTTAK-IR-ATTRIBUTE",
        "An element has only the attributes its UBL data type allows.",
    ),
    ("MOTTAK-IR-DATE", "A date is an xs:date."),
    ("MOTTAK-IR-TIME", "A time is an xs:time (hh:mm:ss)."),
];

/// What rule `id` of [`RULES`] requires.
fn requirement(id: &str) -> &'static str {
    RULES
        .iter()
        .find(|(rule, _)| *rule == id)
        .map_or("", |(_, requires)| requires)
}

fn flag_of(id: &str) -> &'static str {
    if WARNINGS.contains(&id) {
        T111Violation::WARNING
    } else {
        T111Violation::FATAL
    }
}

fn violation(id: &'static str, message: String, location: String) -> T111Violation {
    T111Violation {
        id,
        flag: flag_of(id),
        message,
        location,
    }
}

/// What is known so far about one document.
struct Out<'d> {
    doc: &'d Doc,
    found: Vec<T111Violation>,
}

impl Out<'_> {
    fn fire(&mut self, id: &'static str, at: usize, message: String) {
        let location = self.doc.location(at);
        self.found.push(violation(id, message, location));
    }

    /// The `PEPPOL-T111-B*` rules and the schema's order, repetition and attribute rules, on
    /// the element `at` described by `model`, then on its children.
    fn structure(&mut self, at: usize, model: &Elem) {
        let doc = self.doc;
        let here = model.qname();
        for kid in model.kids {
            if let Some(rule) = kid.required
                && doc.kids(at, kid.ns, kid.local).next().is_none()
            {
                self.fire(rule, at, format!("{here} must contain {}.", kid.qname()));
            }
        }
        self.attributes(at, model);
        self.value(at, model);
        let mut furthest = 0;
        let mut seen = vec![0usize; model.kids.len()];
        for &child in &doc.node(at).children {
            let n = doc.node(child);
            let Some(index) = model
                .kids
                .iter()
                .position(|kid| kid.ns == n.ns && kid.local == &*n.local)
            else {
                if let Some(rule) = model.closed {
                    self.fire(
                        rule,
                        child,
                        format!(
                            "{} has no place in {here} in the Invoice Response data model.",
                            n.qname
                        ),
                    );
                }
                continue;
            };
            let kid = &model.kids[index];
            if index < furthest {
                self.fire(
                    "MOTTAK-IR-ORDER",
                    child,
                    format!(
                        "{} comes after {}, which the UBL 2.1 schema puts after it.",
                        kid.qname(),
                        model.kids[furthest].qname()
                    ),
                );
            }
            furthest = furthest.max(index);
            seen[index] += 1;
            if seen[index] == 2 && !kid.repeats {
                self.fire(
                    "MOTTAK-IR-REPEAT",
                    child,
                    format!(
                        "{} occurs more than once in {here}; the UBL 2.1 schema allows one.",
                        kid.qname()
                    ),
                );
            }
            self.structure(child, kid);
        }
    }

    fn attributes(&mut self, at: usize, model: &Elem) {
        let doc = self.doc;
        for (key, _) in &doc.node(at).attrs {
            // Namespace declarations and namespaced attributes (xsi:*) are the XML processor's.
            if key.starts_with("xmlns") || key.contains(':') || model.kind.allows(key) {
                continue;
            }
            self.fire(
                "MOTTAK-IR-ATTRIBUTE",
                at,
                format!(
                    "{} may not have the attribute {key} (the UBL 2.1 schema does not allow it there).",
                    model.qname()
                ),
            );
        }
    }

    fn value(&mut self, at: usize, model: &Elem) {
        let doc = self.doc;
        let text = &doc.node(at).text;
        match model.kind {
            Kind::Time if !is_xs_time(text) => self.fire(
                "MOTTAK-IR-TIME",
                at,
                format!(
                    "{} '{text}' is not a time of the form hh:mm:ss.",
                    model.qname()
                ),
            ),
            // `cbc:IssueDate` is judged by PEPPOL-COMMON-R030.
            Kind::Date if model.local != "IssueDate" && !is_xs_date(text) => self.fire(
                "MOTTAK-IR-DATE",
                at,
                format!(
                    "{} '{text}' is not a date of the form YYYY-MM-DD.",
                    model.qname()
                ),
            ),
            _ => {}
        }
        match model.check {
            Check::None => {}
            Check::Endpoint { present, listed } => match doc.attr(at, "schemeID") {
                None => self.fire(
                    present,
                    at,
                    String::from(
                        "The electronic address must name its scheme in the attribute schemeID.",
                    ),
                ),
                Some(scheme) if !EAS.contains(&scheme) => self.fire(
                    listed,
                    at,
                    format!("schemeID '{scheme}' is not an Electronic Address Scheme (EAS) code."),
                ),
                Some(_) => {}
            },
            Check::PartyId { listed } => {
                if let Some(scheme) = doc.attr(at, "schemeID")
                    && !is_icd(scheme)
                {
                    self.fire(
                        listed,
                        at,
                        format!("schemeID '{scheme}' is not an ISO 6523 ICD code."),
                    );
                }
            }
            Check::Listed { rule, list } => {
                let code = doc.norm(at);
                if !list.contains(&code) {
                    self.fire(rule, at, format!("'{code}' is not one of {}.", list.name()));
                }
            }
            Check::Clarification => {
                let code = doc.norm(at);
                if !STATUS_REASONS.contains(&code.as_str())
                    && !STATUS_ACTIONS.contains(&code.as_str())
                {
                    self.fire(
                        "PEPPOL-T111-B03301",
                        at,
                        format!("'{code}' is neither a status reason (OPStatusReason) nor a status action (OPStatusAction) code."),
                    );
                }
                match doc.attr(at, "listID") {
                    None => self.fire(
                        "PEPPOL-T111-B03302",
                        at,
                        String::from(
                            "A clarification code must name its list in the attribute listID.",
                        ),
                    ),
                    Some(list) if list != LIST_REASON && list != LIST_ACTION => self.fire(
                        "PEPPOL-T111-B03303",
                        at,
                        format!("listID '{list}' is neither OPStatusReason nor OPStatusAction."),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    /// `PEPPOL-T111-B00108` and `PEPPOL-COMMON-R003`: `@*:schemaLocation` on the root.
    fn schema_location(&mut self) {
        let located = self.doc.node(Doc::ROOT).attrs.iter().any(|(key, _)| {
            !key.starts_with("xmlns") && key.rsplit(':').next() == Some("schemaLocation")
        });
        if located {
            for rule in ["PEPPOL-T111-B00108", "PEPPOL-COMMON-R003"] {
                self.fire(
                    rule,
                    Doc::ROOT,
                    format!("It has a schemaLocation attribute: {}", requirement(rule)),
                );
            }
        }
    }

    /// The transaction rules R001–R005 and R008 (one Schematron pattern: an element is
    /// judged by the first rule whose context it matches).
    fn transaction_rules(&mut self, at: usize) {
        let doc = self.doc;
        let n = doc.node(at);
        match (n.ns, &*n.local) {
            (Ns::Cac, "Response") => {
                let Some(code) = doc.only_kid_text(at, Ns::Cbc, "ResponseCode") else {
                    return;
                };
                let code = code.unwrap_or_default();
                let clarified = doc.kids(at, Ns::Cac, "Status").any(|status| {
                    doc.kids(status, Ns::Cbc, "StatusReasonCode")
                        .next()
                        .is_some()
                });
                // Literally `contains(' CA UQ RE ', concat(' ', code, ' '))`.
                if " CA UQ RE ".contains(&format!(" {code} ")) && !clarified {
                    self.fire(
                        "PEPPOL-T111-R001",
                        at,
                        format!("Status {code} needs at least one clarification code (cac:Status/cbc:StatusReasonCode)."),
                    );
                }
            }
            (Ns::Cac, "Status") => {
                // `cbc:StatusReasonCode = 'OTH'` compares the text as written.
                let has_code = |wanted: &str| {
                    doc.kids(at, Ns::Cbc, "StatusReasonCode")
                        .any(|code| doc.node(code).text == wanted)
                };
                let explained = doc.kids(at, Ns::Cbc, "StatusReason").next().is_some();
                if has_code("OTH") {
                    if !explained {
                        self.fire(
                            "PEPPOL-T111-R002",
                            at,
                            String::from("Clarification code OTH (other) should come with a text saying what is meant (cbc:StatusReason)."),
                        );
                    }
                } else if has_code("PPD") && !explained {
                    self.fire(
                        "PEPPOL-T111-R004",
                        at,
                        String::from(
                            "Clarification code PPD (partially paid) must come with a text (cbc:StatusReason).",
                        ),
                    );
                }
                // PEPPOL-T111-R005 is asked here too, and as published it always holds.
            }
            (Ns::Cbc, "CustomizationID") => {
                let value = doc.norm(at);
                if !value.starts_with(INVOICE_RESPONSE_CUSTOMIZATION_ID) {
                    self.fire(
                        "PEPPOL-T111-R003",
                        at,
                        format!("The specification identifier '{value}' must begin with {INVOICE_RESPONSE_CUSTOMIZATION_ID}."),
                    );
                }
            }
            (Ns::Cbc, "ProfileID") => {
                let value = doc.norm(at);
                if value != INVOICE_RESPONSE_PROFILE_ID && value != BILLING_WITH_RESPONSE_PROFILE_ID
                {
                    self.fire(
                        "PEPPOL-T111-R008",
                        at,
                        format!("The process identifier '{value}' must be {INVOICE_RESPONSE_PROFILE_ID} or {BILLING_WITH_RESPONSE_PROFILE_ID}."),
                    );
                }
            }
            _ => {}
        }
    }

    /// R006 and R007: a clarification code is in the list its `listID` names (one pattern:
    /// a status that names the action list is not asked about the reason list).
    fn clarification_lists(&mut self, at: usize) {
        let doc = self.doc;
        if !doc.is(at, Ns::Cac, "Status") {
            return;
        }
        let names = |list: &str| {
            doc.kids(at, Ns::Cbc, "StatusReasonCode")
                .any(|code| doc.attr(code, "listID") == Some(list))
        };
        let (rule, list, codes) = if names(LIST_ACTION) {
            ("PEPPOL-T111-R006", LIST_ACTION, STATUS_ACTIONS)
        } else if names(LIST_REASON) {
            ("PEPPOL-T111-R007", LIST_REASON, STATUS_REASONS)
        } else {
            return;
        };
        let Some(Some(code)) = doc.only_kid_text(at, Ns::Cbc, "StatusReasonCode") else {
            return;
        };
        if !codes.contains(&code.as_str()) {
            self.fire(
                rule,
                at,
                format!("'{code}' is not in the code list {list}, which its listID names."),
            );
        }
    }

    /// The rules common to Peppol post-award documents.
    fn common_rules(&mut self, at: usize) {
        let doc = self.doc;
        let n = doc.node(at);
        let leaf = n.children.is_empty();
        if leaf && doc.norm(at).is_empty() {
            self.fire(
                "PEPPOL-COMMON-R001",
                at,
                format!("{} must not be empty.", n.qname),
            );
        }
        if n.ns != Ns::Cbc {
            return;
        }
        let local = &*n.local;
        if matches!(
            local,
            "IssueDate"
                | "DueDate"
                | "TaxPointDate"
                | "StartDate"
                | "EndDate"
                | "ActualDeliveryDate"
        ) {
            if !is_yyyy_mm_dd(&n.text) {
                self.fire(
                    "PEPPOL-COMMON-R030",
                    at,
                    format!(
                        "{} '{}' must be a date written YYYY-MM-DD.",
                        n.qname, n.text
                    ),
                );
            }
            return;
        }
        let endpoint = local == "EndpointID";
        let identifier = endpoint
            || local == "CompanyID"
            || (local == "ID"
                && n.parent
                    .is_some_and(|p| doc.is(p, Ns::Cac, "PartyIdentification")));
        if !identifier {
            return;
        }
        let value = doc.norm(at);
        let raw = n.text.as_str();
        let judged = match doc.attr(at, "schemeID") {
            Some("0088") => Some(("PEPPOL-COMMON-R040", all_digits(&value) && gln_ok(&value))),
            Some("0192") => Some((
                "PEPPOL-COMMON-R041",
                value.len() == 9 && all_digits(&value) && mod11_ok(&value),
            )),
            Some("0184") => Some(("PEPPOL-COMMON-R042", danish_cvr_ok(raw))),
            Some("0096") => Some(("PEPPOL-COMMON-R052", raw.len() == 10 && all_digits(raw))),
            Some("0198") => Some(("PEPPOL-COMMON-R053", danish_se_ok(raw))),
            Some("0208") => Some((
                "PEPPOL-COMMON-R043",
                value.len() == 10 && all_digits(&value) && mod97_0208_ok(&value),
            )),
            Some("0201") => Some(("PEPPOL-COMMON-R044", codice_ipa_ok(&value))),
            Some("0210") => Some(("PEPPOL-COMMON-R045", codice_fiscale_ok(&value))),
            Some("9907") if endpoint => Some(("PEPPOL-COMMON-R046", codice_fiscale_ok(&value))),
            Some("0211") => Some(("PEPPOL-COMMON-R047", partita_iva_ok(&value))),
            Some("0007") => Some((
                "PEPPOL-COMMON-R049",
                value.len() == 10 && all_digits(&value) && luhn_se_ok(&value),
            )),
            Some("0151") => Some((
                "PEPPOL-COMMON-R050",
                value.len() == 11 && all_digits(&value) && abn_ok(&value),
            )),
            Some("0106") => Some(("PEPPOL-COMMON-R054", value.len() == 8 && all_digits(&value))),
            Some("0190") => Some((
                "PEPPOL-COMMON-R055",
                value.len() == 20 && all_digits(&value),
            )),
            Some("9944") => Some(("PEPPOL-COMMON-R056-1", dutch_vat_ok(&value))),
            Some("0217") => Some((
                "PEPPOL-COMMON-R057",
                value.len() == 12 && all_digits(&value),
            )),
            _ if local == "CompanyID" && self.vat_company_id(at) && value.starts_with("NL") => {
                Some(("PEPPOL-COMMON-R056-2", dutch_vat_ok(&value)))
            }
            _ => None,
        };
        if let Some((rule, false)) = judged {
            self.fire(
                rule,
                at,
                format!("'{value}' breaks the rule: {}", requirement(rule)),
            );
        }
    }

    /// `cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'VAT']/cbc:CompanyID`.
    fn vat_company_id(&self, at: usize) -> bool {
        let doc = self.doc;
        let Some(parent) = doc.node(at).parent else {
            return false;
        };
        if !doc.is(parent, Ns::Cac, "PartyTaxScheme") {
            return false;
        }
        let ids: Vec<usize> = doc
            .kids(parent, Ns::Cac, "TaxScheme")
            .flat_map(|scheme| doc.kids(scheme, Ns::Cbc, "ID").collect::<Vec<_>>())
            .collect();
        matches!(ids.as_slice(), [id] if doc.norm(*id) == "VAT")
    }
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// Whether `text` is an `xs:time` (`hh:mm:ss`, optional fraction and time zone; surrounding
/// white space allowed, as the schema collapses it). The writer uses this too, so a time it
/// writes is one this checker accepts.
pub(crate) fn is_xs_time(text: &str) -> bool {
    let text = text.trim_matches(is_xml_space);
    let (clock, zone) = split_zone(text);
    if !zone.is_none_or(zone_ok) {
        return false;
    }
    let b = clock.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(s)) = (two(&b[0..2]), two(&b[3..5]), two(&b[6..8])) else {
        return false;
    };
    let fraction = &b[8..];
    let fraction_ok = fraction.is_empty()
        || (fraction[0] == b'.'
            && fraction.len() > 1
            && fraction[1..].iter().all(u8::is_ascii_digit));
    // 24:00:00 is the end of the day in XML Schema 1.0.
    let midnight = h == 24 && m == 0 && s == 0 && fraction.iter().skip(1).all(|&d| d == b'0');
    fraction_ok && ((h < 24 && m < 60 && s < 60) || midnight)
}

/// Whether `text` is an `xs:date` (`YYYY-MM-DD`, optional time zone, surrounding white
/// space allowed).
fn is_xs_date(text: &str) -> bool {
    let text = text.trim_matches(is_xml_space);
    let (day, zone) = split_zone(text);
    zone.is_none_or(zone_ok) && calendar_date(day.strip_prefix('-').unwrap_or(day))
}

/// `PEPPOL-COMMON-R030`: `castable as xs:date` and exactly ten characters.
fn is_yyyy_mm_dd(text: &str) -> bool {
    text.len() == 10 && calendar_date(text)
}

/// `YYYY-MM-DD` (a longer year without leading zeros) naming a day that exists.
fn calendar_date(text: &str) -> bool {
    let Some((year, rest)) = text.rsplit_once('-').and_then(|(ym, d)| {
        let (y, m) = ym.rsplit_once('-')?;
        Some((y, (m, d)))
    }) else {
        return false;
    };
    let (month, day) = rest;
    let year_ok = year.len() >= 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (year.len() == 4 || !year.starts_with('0'));
    let (Some(month), Some(day)) = (two(month.as_bytes()), two(day.as_bytes())) else {
        return false;
    };
    let Ok(year) = year.parse::<u64>() else {
        return false;
    };
    if !year_ok || year == 0 || !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// Splits a trailing time zone (`Z`, `+hh:mm`, `-hh:mm`) off a date or time.
fn split_zone(text: &str) -> (&str, Option<&str>) {
    if let Some(body) = text.strip_suffix('Z') {
        return (body, Some("Z"));
    }
    let cut = text.len().saturating_sub(6);
    if cut > 0
        && let (Some(body), Some(zone)) = (text.get(..cut), text.get(cut..))
        && zone.starts_with(['+', '-'])
        && zone.as_bytes()[3] == b':'
    {
        return (body, Some(zone));
    }
    (text, None)
}

fn zone_ok(zone: &str) -> bool {
    if zone == "Z" {
        return true;
    }
    let b = zone.as_bytes();
    match (two(&b[1..3]), two(&b[4..6])) {
        (Some(h), Some(m)) => m < 60 && (h < 14 || (h == 14 && m == 0)),
        _ => false,
    }
}

/// Two ASCII digits as a number.
fn two(b: &[u8]) -> Option<u32> {
    match b {
        [t, u] if t.is_ascii_digit() && u.is_ascii_digit() => {
            Some(u32::from(t - b'0') * 10 + u32::from(u - b'0'))
        }
        _ => None,
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn digit(b: u8) -> u32 {
    u32::from(b - b'0')
}

/// The text as written: `DK` and eight digits.
fn danish_se_ok(raw: &str) -> bool {
    raw.len() == 10 && raw.strip_prefix("DK").is_some_and(all_digits)
}

fn codice_ipa_ok(s: &str) -> bool {
    s.chars().count() == 6 && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// XPath `castable as xs:integer` for a short piece of text.
fn integer_like(s: &str) -> bool {
    let t = s.trim_matches(is_xml_space);
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    all_digits(t)
}

/// A 16-character personal code in its letter/digit pattern, or 11 digits.
fn codice_fiscale_ok(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    match chars.len() {
        16 => {
            let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
            let letters =
                |from: usize, to: usize| chars[from..to].iter().all(char::is_ascii_alphabetic);
            letters(0, 6)
                && integer_like(&part(6, 8))
                && letters(8, 9)
                && integer_like(&part(9, 11))
                && integer_like(&part(14, 15))
                && letters(15, 16)
        }
        11 => integer_like(s),
        _ => false,
    }
}

/// When prefixed `IT` (or `it`): 11 digits whose alternately doubled sum ends in 0.
fn partita_iva_ok(s: &str) -> bool {
    let Some(code) = s.strip_prefix("IT").or_else(|| s.strip_prefix("it")) else {
        return true;
    };
    if code.len() != 11 || !all_digits(code) {
        return false;
    }
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    let sum: u32 = code
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = digit(b);
            if i % 2 == 1 { DOUBLED[d as usize] } else { d }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `NL`, nine digits, `B`, two digits.
fn dutch_vat_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 14
        && b.starts_with(b"NL")
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'B'
        && b[12..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the model and the rule table hold.
    fn all_ids() -> Vec<&'static str> {
        fn walk(model: &Elem, ids: &mut Vec<&'static str>) {
            ids.extend(model.closed);
            for kid in model.kids {
                ids.extend(kid.required);
                match kid.check {
                    Check::Endpoint { present, listed } => ids.extend([present, listed]),
                    Check::PartyId { listed } => ids.push(listed),
                    Check::Listed { rule, .. } => ids.push(rule),
                    Check::Clarification => ids.extend([
                        "PEPPOL-T111-B03301",
                        "PEPPOL-T111-B03302",
                        "PEPPOL-T111-B03303",
                    ]),
                    Check::None => {}
                }
                walk(kid, ids);
            }
        }
        let mut ids = Vec::new();
        walk(&ROOT, &mut ids);
        ids.extend(RULES.iter().map(|(id, _)| *id));
        ids
    }

    #[test]
    fn the_structure_rules_are_peppols_54() {
        let mut b: Vec<&str> = all_ids()
            .into_iter()
            .filter(|id| id.starts_with(concat!("PEPPOL", "-T111-B")))
            .collect();
        b.sort_unstable();
        let expected = [
            "00101", "00102", "00103", "00104", "00105", "00106", "00107", "00108", "00109",
            "00801", "00802", "00803", "00901", "00902", "01101", "01201", "01401", "01402",
            "01601", "02001", "02002", "02003", "02101", "02102", "02301", "02401", "02601",
            "02602", "02801", "02802", "02803", "02901", "02902", "03001", "03201", "03301",
            "03302", "03303", "03601", "03602", "03901", "03902", "03903", "04201", "04301",
            "04302", "04401", "04501", "04701", "04901", "04902", "05001", "05101", "05301",
        ]
        .map(|n| format!(concat!("PEPPOL", "-T111-B{}"), n));
        assert_eq!(b, expected);
    }

    #[test]
    fn every_id_in_the_source_is_registered_once() {
        let ids = all_ids();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "an id is registered twice");
        let source = include_str!("response_rules.rs");
        // Spelt in pieces so that this scan does not find itself.
        let mut scanned = 0;
        for prefix in [concat!("\"PEPPOL", "-"), concat!("\"MOTTAK", "-IR-")] {
            for (start, _) in source.match_indices(prefix) {
                scanned += 1;
                let id: String = source[start + 1..]
                    .chars()
                    .take_while(|&c| c != '"')
                    .collect();
                assert!(
                    ids.contains(&id.as_str()),
                    "{id} is used but not registered"
                );
            }
        }
        assert!(scanned > 100, "only {scanned} ids found in the source");
        for warning in WARNINGS {
            assert!(
                ids.contains(warning),
                "{warning} is flagged but not registered"
            );
        }
    }

    #[test]
    fn times() {
        for ok in [
            "09:30:00",
            " 09:30:00\n",
            "23:59:59.125",
            "00:00:00Z",
            "12:00:00+01:00",
            "12:00:00-14:00",
            "24:00:00",
        ] {
            assert!(is_xs_time(ok), "{ok:?}");
        }
        for bad in [
            "9:30:00",
            "09:30",
            "09:30:00.",
            "24:00:01",
            "12:60:00",
            "12:00:60",
            "12:00:00+15:00",
            "12:00:00 Z",
            "9:30:00.0",
            "",
        ] {
            assert!(!is_xs_time(bad), "{bad:?}");
        }
    }

    #[test]
    fn dates() {
        assert!(is_yyyy_mm_dd("2024-02-29"));
        assert!(!is_yyyy_mm_dd("2025-02-29"));
        assert!(!is_yyyy_mm_dd("1900-02-29"));
        assert!(is_yyyy_mm_dd("2000-02-29"));
        assert!(!is_yyyy_mm_dd("2025-11-14Z"));
        assert!(!is_yyyy_mm_dd("2025-13-01"));
        assert!(!is_yyyy_mm_dd("0000-01-01"));
        assert!(!is_yyyy_mm_dd(" 2025-1-01"));
        assert!(is_xs_date("2025-11-14Z"));
        assert!(is_xs_date("2025-11-14+02:00"));
        assert!(is_xs_date("12025-11-14"));
        assert!(!is_xs_date("02025-11-14"));
        assert!(!is_xs_date("2025-11-31"));
    }

    #[test]
    fn checksums() {
        assert!(mod11_ok("931235184") && mod11_ok("987654325"));
        assert!(!mod11_ok("931235185") && !mod11_ok("000000000"));
        assert!(gln_ok("5798000012349") && gln_ok("7330001000000"));
        assert!(!gln_ok("5798000012348"));
        assert!(mod97_0208_ok("0123456749"));
        assert!(luhn_se_ok("5560360793") && !luhn_se_ok("5560360794"));
        assert!(abn_ok("51824753556"));
        assert!(danish_cvr_ok("DK88776655") && danish_cvr_ok("12345678"));
        assert!(!danish_cvr_ok(" 12345678") && !danish_se_ok("12345678"));
        assert!(partita_iva_ok("IT00743110157") && !partita_iva_ok("IT00743110158"));
        assert!(dutch_vat_ok("NL123456789B12") && !dutch_vat_ok("NL123456789X12"));
    }

    #[test]
    fn code_lists() {
        for code in ["380", "381", "389", "1", "470", "998", "1999"] {
            assert!(is_document_name_code(code), "{code}");
        }
        for code in ["0380", "471", "817", "875", "999", "", "38O"] {
            assert!(!is_document_name_code(code), "{code}");
        }
        assert!(is_icd("0192") && is_icd("0002") && is_icd("0248"));
        assert!(!is_icd("0092") && !is_icd("192") && !is_icd("0249") && !is_icd("0001"));
        assert!(EAS.contains(&"0192") && !EAS.contains(&"9908") && !EAS.contains(&"9901"));
    }

    #[test]
    fn location_names_the_element() {
        let doc = Doc::read(
            format!(
                r#"<ApplicationResponse xmlns="{NS_APPLICATION_RESPONSE}" xmlns:c="{NS_CAC}" xmlns:b="{NS_CBC}"><b:Note>a</b:Note><b:Note>b</b:Note><x/></ApplicationResponse>"#
            )
            .as_bytes(),
        )
        .expect("reads");
        assert_eq!(doc.location(2), "/ApplicationResponse[1]/cbc:Note[2]");
        assert_eq!(doc.location(3), "/ApplicationResponse[1]/x[1]");
    }
}
