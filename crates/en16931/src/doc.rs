//! The document as a compact arena tree, built in one linear pass with quick-xml.
//!
//! Rules refer to elements the canonical invoice model drops (schemes, extensions, repeated
//! groups), so the validator keeps its own view: every element with its namespace kind, local
//! name, attributes and direct text. The tree is built once per document and every rule walks it.

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_EXT: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_SBDH: &str = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

/// Largest accepted nesting depth; deeper input is refused rather than risking the stack of
/// anyone who recurses over the tree.
const MAX_DEPTH: usize = 256;

/// Which namespace an element is in, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ns {
    Cbc,
    Cac,
    Ext,
    /// The UBL Invoice root namespace.
    Invoice,
    /// The UBL CreditNote root namespace.
    CreditNote,
    Sbdh,
    /// No namespace or one the rules never name.
    Other,
}

impl Ns {
    fn from_uri(uri: Option<&str>) -> Ns {
        match uri {
            Some(u) if u == NS_CBC => Ns::Cbc,
            Some(u) if u == NS_CAC => Ns::Cac,
            Some(u) if u == NS_EXT => Ns::Ext,
            Some(u) if u == NS_INVOICE => Ns::Invoice,
            Some(u) if u == NS_CREDIT_NOTE => Ns::CreditNote,
            Some(u) if u == NS_SBDH => Ns::Sbdh,
            _ => Ns::Other,
        }
    }
}

/// Node index in the arena.
pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

/// One element.
#[derive(Debug)]
pub struct Node {
    pub ns: Ns,
    pub name: Box<str>,
    /// Unprefixed attributes (UBL's own are never in a namespace), in document order.
    pub attrs: Vec<(Box<str>, Box<str>)>,
    /// The element's direct text (character data and references), untrimmed.
    pub text: String,
    pub parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
    /// Position among the parent's children of the same name (1-based), for locations.
    ordinal: u32,
    /// Byte offset of the start tag in the input, for messages.
    pub offset: u32,
}

/// Per open element: how many children of each name it has so far (to number them in one pass).
type ChildCounts = std::collections::HashMap<(Ns, Box<str>), u32>;

/// Which UBL document the payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Invoice,
    CreditNote,
}

/// Why a document could not be read at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    #[error("not well-formed XML at byte {offset}: {message}")]
    Malformed { offset: u64, message: String },
    #[error("a DTD (DOCTYPE) is not accepted")]
    Dtd,
    #[error("the input is not UTF-8")]
    Encoding,
    #[error("nesting deeper than {MAX_DEPTH} elements")]
    TooDeep,
    #[error("the root element is {0}, not a UBL Invoice or CreditNote (nor an SBDH wrapping one)")]
    NotUbl(String),
}

/// The parsed document: the arena and the UBL root (below an SBDH when wrapped).
#[derive(Debug)]
pub struct Doc {
    nodes: Vec<Node>,
    root: NodeId,
    kind: Kind,
    input_len: usize,
    line_starts: Vec<u32>,
}

impl Doc {
    /// Parse in one pass. DTDs are refused; an SBDH envelope is descended into.
    pub fn parse(bytes: &[u8]) -> Result<Doc, InputError> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(body).map_err(|_| InputError::Encoding)?;
        let mut reader = NsReader::from_str(text);
        reader.config_mut().check_end_names = true;
        reader.config_mut().trim_text(false);
        let mut nodes: Vec<Node> = Vec::with_capacity(text.len() / 40);
        let mut stack: Vec<NodeId> = Vec::new();
        let mut counts: Vec<ChildCounts> = Vec::new();
        let mut root_done = false;
        loop {
            let at = reader.buffer_position();
            let event = reader.read_event().map_err(|err| InputError::Malformed {
                offset: at,
                message: err.to_string(),
            })?;
            match event {
                Event::Start(start) | Event::Empty(start) if root_done => {
                    let _ = start;
                    return Err(malformed(at, "content after the root element"));
                }
                Event::Start(start) => {
                    let id = push_node(&mut reader, &mut nodes, &stack, &mut counts, &start, at)?;
                    stack.push(id);
                    counts.push(ChildCounts::new());
                    if stack.len() > MAX_DEPTH {
                        return Err(InputError::TooDeep);
                    }
                }
                Event::Empty(start) => {
                    push_node(&mut reader, &mut nodes, &stack, &mut counts, &start, at)?;
                    if stack.is_empty() {
                        root_done = true;
                    }
                }
                Event::End(_) => {
                    stack.pop();
                    counts.pop();
                    if stack.is_empty() {
                        root_done = true;
                    }
                }
                Event::Text(t) => append_text(&mut nodes, &stack, &t.xml10_content(), at)?,
                Event::CData(t) => append_text(&mut nodes, &stack, &t.xml10_content(), at)?,
                Event::GeneralRef(r) => {
                    let mut buf = [0u8; 4];
                    let resolved: &str = if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => c.encode_utf8(&mut buf),
                            _ => return Err(malformed(at, "invalid character reference")),
                        }
                    } else {
                        match resolve_predefined_entity(&r) {
                            Some(s) => s,
                            None => return Err(malformed(at, "undefined entity")),
                        }
                    };
                    append_text(&mut nodes, &stack, resolved, at)?;
                }
                Event::DocType(_) => return Err(InputError::Dtd),
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        if !stack.is_empty() {
            return Err(malformed(text.len() as u64, "unexpected end of input"));
        }
        let Some(first) = nodes.first() else {
            return Err(malformed(0, "no root element"));
        };
        let (root, kind) = match (first.ns, &*first.name) {
            (Ns::Invoice, "Invoice") => (0, Kind::Invoice),
            (Ns::CreditNote, "CreditNote") => (0, Kind::CreditNote),
            (Ns::Sbdh, "StandardBusinessDocument") => {
                let mut found = None;
                let mut child = first.first_child;
                while child != NONE {
                    let n = &nodes[child as usize];
                    match (n.ns, &*n.name) {
                        (Ns::Invoice, "Invoice") => found = Some((child, Kind::Invoice)),
                        (Ns::CreditNote, "CreditNote") => found = Some((child, Kind::CreditNote)),
                        _ => {}
                    }
                    child = n.next_sibling;
                }
                found.ok_or_else(|| {
                    InputError::NotUbl("an SBDH without an Invoice or CreditNote".to_owned())
                })?
            }
            (_, name) => return Err(InputError::NotUbl(name.chars().take(60).collect())),
        };
        let mut line_starts = vec![0u32];
        line_starts.extend(
            body.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        Ok(Doc {
            nodes,
            root,
            kind,
            input_len: body.len(),
            line_starts,
        })
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The Invoice or CreditNote element.
    pub fn root(&self) -> NodeId {
        self.root
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// All element ids below the UBL root (inclusive), in document order.
    pub fn all(&self) -> std::ops::Range<NodeId> {
        // Nodes are numbered in document order, so a subtree is a contiguous range.
        let end = self.subtree_end(self.root);
        self.root..end
    }

    /// One past the last id in the subtree of `id`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        let mut cur = id;
        loop {
            let n = self.node(cur);
            if n.next_sibling != NONE {
                return n.next_sibling;
            }
            if n.parent == NONE || cur == self.root {
                return u32::try_from(self.nodes.len()).unwrap_or(NONE);
            }
            cur = n.parent;
        }
    }

    /// Children of `id` in document order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.node(id).first_child,
        }
    }

    /// Children of `id` with the given namespace and local name.
    pub fn kids<'a>(
        &'a self,
        id: NodeId,
        ns: Ns,
        name: &'a str,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.children(id).filter(move |&c| self.is(c, ns, name))
    }

    /// The first child with the given name.
    pub fn kid(&self, id: NodeId, ns: Ns, name: &str) -> Option<NodeId> {
        self.children(id).find(|&c| self.is(c, ns, name))
    }

    /// Follow a path of `(ns, name)` steps, first match at each step.
    pub fn path(&self, id: NodeId, steps: &[(Ns, &str)]) -> Option<NodeId> {
        let mut cur = id;
        for (ns, name) in steps {
            cur = self.kid(cur, *ns, name)?;
        }
        Some(cur)
    }

    /// All nodes reached by the path (every match at every step), in document order.
    pub fn path_all(&self, id: NodeId, steps: &[(Ns, &str)]) -> Vec<NodeId> {
        let mut cur = vec![id];
        for (ns, name) in steps {
            cur = cur
                .into_iter()
                .flat_map(|n| self.kids(n, *ns, name).collect::<Vec<_>>())
                .collect();
        }
        cur
    }

    pub fn is(&self, id: NodeId, ns: Ns, name: &str) -> bool {
        let n = self.node(id);
        n.ns == ns && &*n.name == name
    }

    /// The element's text with XPath `normalize-space` applied.
    pub fn norm(&self, id: NodeId) -> String {
        self.node(id)
            .text
            .split_ascii_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The element's text trimmed.
    pub fn text(&self, id: NodeId) -> &str {
        self.node(id).text.trim()
    }

    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        self.node(id)
            .attrs
            .iter()
            .find(|(k, _)| &**k == key)
            .map(|(_, v)| &**v)
    }

    /// 1-based line of an element's start tag.
    pub fn line(&self, id: NodeId) -> usize {
        let offset = self
            .node(id)
            .offset
            .min(u32::try_from(self.input_len).unwrap_or(u32::MAX));
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// An XPath-like location such as `/Invoice/cac:InvoiceLine[2]/cbc:ID`.
    pub fn location(&self, id: NodeId) -> String {
        let mut parts = Vec::new();
        let mut cur = id;
        while cur != NONE {
            let n = self.node(cur);
            let prefix = match n.ns {
                Ns::Cbc => "cbc:",
                Ns::Cac => "cac:",
                Ns::Ext => "ext:",
                _ => "",
            };
            parts.push(format!("{prefix}{}[{}]", n.name, n.ordinal));
            if cur == self.root {
                break;
            }
            cur = n.parent;
        }
        parts.reverse();
        format!("/{}", parts.join("/"))
    }
}

/// Iterator over the children of a node.
pub struct Children<'a> {
    doc: &'a Doc,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.doc.node(id).next_sibling;
        Some(id)
    }
}

fn malformed(offset: u64, message: &str) -> InputError {
    InputError::Malformed {
        offset,
        message: message.to_owned(),
    }
}

fn push_node(
    reader: &mut NsReader<&[u8]>,
    nodes: &mut Vec<Node>,
    stack: &[NodeId],
    counts: &mut [ChildCounts],
    start: &BytesStart<'_>,
    at: u64,
) -> Result<NodeId, InputError> {
    let (resolved, local) = reader.resolver().resolve_element(start.name());
    let ns = match resolved {
        ResolveResult::Bound(ns) => Ns::from_uri(Some(ns.0)),
        ResolveResult::Unbound => Ns::from_uri(None),
        ResolveResult::Unknown(_) => return Err(malformed(at, "unknown namespace prefix")),
    };
    let name: Box<str> = local.as_ref().into();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| malformed(at, &e.to_string()))?;
        let key = attr.key.as_ref();
        if key.contains(':') || key.starts_with("xmlns") {
            continue;
        }
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| malformed(at, &e.to_string()))?;
        attrs.push((key.into(), value.as_ref().into()));
    }
    let id = u32::try_from(nodes.len()).map_err(|_| malformed(at, "too many elements"))?;
    let parent = stack.last().copied().unwrap_or(NONE);
    if parent == NONE && !nodes.is_empty() {
        return Err(malformed(at, "more than one root element"));
    }
    let ordinal = match counts.last_mut() {
        Some(siblings) => {
            let n = siblings.entry((ns, name.clone())).or_insert(0);
            *n = n.saturating_add(1);
            *n
        }
        None => 1,
    };
    nodes.push(Node {
        ns,
        ordinal,
        name,
        attrs,
        text: String::new(),
        parent,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        offset: u32::try_from(at).unwrap_or(u32::MAX),
    });
    if parent != NONE {
        let p = &mut nodes[parent as usize];
        let prev = p.last_child;
        p.last_child = id;
        if prev == NONE {
            p.first_child = id;
        } else {
            nodes[prev as usize].next_sibling = id;
        }
    }
    Ok(id)
}

fn append_text(
    nodes: &mut [Node],
    stack: &[NodeId],
    text: &str,
    at: u64,
) -> Result<(), InputError> {
    match stack.last() {
        Some(&id) => {
            nodes[id as usize].text.push_str(text);
            Ok(())
        }
        None if text.bytes().all(|b| b.is_ascii_whitespace()) => Ok(()),
        None => Err(malformed(at, "text outside the root element")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INV: &str = r#"<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">
 <cbc:ID> A &amp; 1 </cbc:ID>
 <cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>
 <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:LineExtensionAmount currencyID="NOK">5</cbc:LineExtensionAmount></cac:InvoiceLine>
</Invoice>"#;

    #[test]
    fn builds_tree_and_navigates() {
        let doc = Doc::parse(INV.as_bytes()).expect("parses");
        assert_eq!(doc.kind(), Kind::Invoice);
        let id = doc.kid(doc.root(), Ns::Cbc, "ID").expect("ID");
        assert_eq!(doc.text(id), "A & 1");
        let lines: Vec<_> = doc.kids(doc.root(), Ns::Cac, "InvoiceLine").collect();
        assert_eq!(lines.len(), 2);
        let amount = doc
            .path(lines[1], &[(Ns::Cbc, "LineExtensionAmount")])
            .expect("amount");
        assert_eq!(doc.attr(amount, "currencyID"), Some("NOK"));
        assert_eq!(
            doc.location(amount),
            "/Invoice[1]/cac:InvoiceLine[2]/cbc:LineExtensionAmount[1]"
        );
        assert_eq!(doc.line(amount), 7);
        assert_eq!(doc.all().len(), doc.len());
    }

    #[test]
    fn refuses_dtd_and_garbage() {
        let dtd = "<!DOCTYPE x [<!ENTITY a 'b'>]><Invoice/>";
        assert_eq!(
            Doc::parse(dtd.as_bytes()).expect_err("DTD refused"),
            InputError::Dtd
        );
        assert!(Doc::parse(b"<a><b></a>").is_err());
        assert!(Doc::parse(b"").is_err());
        assert!(matches!(Doc::parse(b"<x/>"), Err(InputError::NotUbl(_))));
    }

    #[test]
    fn descends_into_sbdh() {
        let wrapped = format!(
            "<StandardBusinessDocument xmlns=\"{NS_SBDH}\"><StandardBusinessDocumentHeader/>{}</StandardBusinessDocument>",
            INV.trim_start_matches(r#"<?xml version="1.0"?>"#)
        );
        let doc = Doc::parse(wrapped.as_bytes()).expect("parses");
        assert_eq!(doc.kind(), Kind::Invoice);
        assert!(doc.is(doc.root(), Ns::Invoice, "Invoice"));
        assert_eq!(doc.all().end as usize, doc.len());
    }
}
