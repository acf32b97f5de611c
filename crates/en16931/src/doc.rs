//! The document as a compact arena tree, built in one linear pass over the bytes.
//!
//! Rules refer to elements the canonical invoice model drops (schemes, extensions, repeated
//! groups), so the validator keeps its own view: every element with its namespace kind, local
//! name, attributes and direct text. Names, attribute values and texts are slices of the input
//! wherever the XML needs no decoding, so building the tree allocates a handful of vectors, not
//! one string per element. The tree is built once per document and every rule walks it.
//!
//! The reader is our own, not a general XML library: UBL needs elements, attributes, namespaces,
//! character data, CDATA and the predefined and character references, and nothing else. A
//! general reader costs more per document than the whole rule set (see `benches/`). It refuses
//! what it does not read: DTDs, undefined entities, mismatched or missing end tags, unbound
//! prefixes, duplicate attributes, content after the root element, and nesting deeper than
//! [`MAX_DEPTH`].

use std::borrow::Cow;

pub use crate::tag::Tag;

const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const NS_EXT: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const NS_SBDH: &str = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

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
    fn from_uri(uri: &str) -> Ns {
        match uri {
            NS_CBC => Ns::Cbc,
            NS_CAC => Ns::Cac,
            NS_EXT => Ns::Ext,
            NS_INVOICE => Ns::Invoice,
            NS_CREDIT_NOTE => Ns::CreditNote,
            NS_SBDH => Ns::Sbdh,
            _ => Ns::Other,
        }
    }

    /// The prefix UBL conventionally uses, for locations.
    fn prefix(self) -> &'static str {
        match self {
            Ns::Cbc => "cbc:",
            Ns::Cac => "cac:",
            Ns::Ext => "ext:",
            _ => "",
        }
    }
}

/// Node index in the arena.
pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

/// Where an element's direct text is: a slice of the input, or (when it had to be decoded or
/// joined) one of the document's owned strings.
#[derive(Debug, Clone, Copy)]
enum Text {
    Input { start: u32, len: u32 },
    Owned(u32),
}

const NO_TEXT: Text = Text::Input { start: 0, len: 0 };

/// One element.
#[derive(Debug)]
pub struct Node<'a> {
    pub ns: Ns,
    /// Local name as a number (looked up once while reading).
    pub tag: Tag,
    /// Local name (without prefix).
    pub name: &'a str,
    pub parent: NodeId,
    first_child: NodeId,
    next_sibling: NodeId,
    text: Text,
    attrs_start: u32,
    attrs_len: u32,
    /// Byte offset of the start tag in the input, for messages.
    pub offset: u32,
}

/// One unprefixed attribute (UBL's own are never in a namespace), value normalized as XML
/// requires (references resolved, whitespace characters as spaces).
#[derive(Debug, Clone)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub value: Cow<'a, str>,
}

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
pub struct Doc<'a> {
    input: &'a str,
    nodes: Vec<Node<'a>>,
    attrs: Vec<Attr<'a>>,
    owned: Vec<String>,
    root: NodeId,
    kind: Kind,
    /// The first child of the UBL root per `cbc:`/`cac:` tag ([`root_slot`]): the rules look
    /// up the document-level elements many times, and the root has dozens of children.
    root_kids: Vec<NodeId>,
}

/// Where `ns:tag` sits in `Doc::root_kids`, when it can.
#[inline]
fn root_slot(ns: Ns, tag: Tag) -> Option<usize> {
    match (ns, tag) {
        (_, Tag::Other) => None,
        (Ns::Cbc, tag) => Some(tag as usize),
        (Ns::Cac, tag) => Some(Tag::COUNT + tag as usize),
        _ => None,
    }
}

impl<'a> Doc<'a> {
    /// Parse in one pass. DTDs are refused; an SBDH envelope is descended into.
    pub fn parse(bytes: &'a [u8]) -> Result<Doc<'a>, InputError> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let input = std::str::from_utf8(body).map_err(|_| InputError::Encoding)?;
        if input.len() >= u32::MAX as usize {
            return Err(malformed(0, "document too large"));
        }
        let mut reader = Reader::new(input);
        reader.run()?;
        let Reader {
            nodes,
            attrs,
            owned,
            ..
        } = reader;
        let mut doc = Doc {
            input,
            nodes,
            attrs,
            owned,
            root: 0,
            kind: Kind::Invoice,
            root_kids: Vec::new(),
        };
        let Some(first) = doc.nodes.first() else {
            return Err(malformed(0, "no root element"));
        };
        let (root, kind) = match (first.ns, first.tag) {
            (Ns::Invoice, Tag::Invoice) => (0, Kind::Invoice),
            (Ns::CreditNote, Tag::CreditNote) => (0, Kind::CreditNote),
            (Ns::Sbdh, Tag::StandardBusinessDocument) => {
                let mut found = None;
                for child in doc.children(0) {
                    let n = doc.node(child);
                    match (n.ns, n.tag) {
                        (Ns::Invoice, Tag::Invoice) => found = Some((child, Kind::Invoice)),
                        (Ns::CreditNote, Tag::CreditNote) => {
                            found = Some((child, Kind::CreditNote));
                        }
                        _ => {}
                    }
                }
                found.ok_or_else(|| {
                    InputError::NotUbl("an SBDH without an Invoice or CreditNote".to_owned())
                })?
            }
            _ => return Err(InputError::NotUbl(first.name.chars().take(60).collect())),
        };
        doc.root = root;
        doc.kind = kind;
        let mut root_kids = vec![NONE; 2 * Tag::COUNT];
        for child in doc.children(root) {
            let n = doc.node(child);
            if let Some(slot) = root_slot(n.ns, n.tag).and_then(|i| root_kids.get_mut(i))
                && *slot == NONE
            {
                *slot = child;
            }
        }
        doc.root_kids = root_kids;
        Ok(doc)
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The Invoice or CreditNote element.
    pub fn root(&self) -> NodeId {
        self.root
    }

    pub fn node(&self, id: NodeId) -> &Node<'a> {
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
    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children {
            doc: self,
            next: self.node(id).first_child,
        }
    }

    /// Whether `id` has child elements.
    pub fn has_children(&self, id: NodeId) -> bool {
        self.node(id).first_child != NONE
    }

    /// Children of `id` with the given namespace and local name.
    pub fn kids(&self, id: NodeId, ns: Ns, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        let next = match self.root_kid(id, ns, tag) {
            // Below the root, start at the first match rather than the first child.
            Some(first) => first.unwrap_or(NONE),
            None => self.node(id).first_child,
        };
        Children { doc: self, next }.filter(move |&c| self.is(c, ns, tag))
    }

    /// The first child with the given name.
    pub fn kid(&self, id: NodeId, ns: Ns, tag: Tag) -> Option<NodeId> {
        match self.root_kid(id, ns, tag) {
            Some(first) => first,
            None => self.children(id).find(|&c| self.is(c, ns, tag)),
        }
    }

    /// `Some(first child named ns:tag)` when `id` is the UBL root and the index answers.
    #[inline]
    fn root_kid(&self, id: NodeId, ns: Ns, tag: Tag) -> Option<Option<NodeId>> {
        if id != self.root {
            return None;
        }
        let first = *self.root_kids.get(root_slot(ns, tag)?)?;
        Some((first != NONE).then_some(first))
    }

    /// Follow a path of `(ns, name)` steps, first match at each step.
    pub fn path(&self, id: NodeId, steps: &[(Ns, Tag)]) -> Option<NodeId> {
        let mut cur = id;
        for &(ns, tag) in steps {
            cur = self.kid(cur, ns, tag)?;
        }
        Some(cur)
    }

    /// All nodes reached by the path (every match at every step), in document order.
    pub fn path_all(&self, id: NodeId, steps: &[(Ns, Tag)]) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.path_each(id, steps, &mut |n| out.push(n));
        out
    }

    /// Call `f` on every node the path reaches, in document order, without collecting.
    pub fn path_each(&self, id: NodeId, steps: &[(Ns, Tag)], f: &mut dyn FnMut(NodeId)) {
        match steps.split_first() {
            None => f(id),
            Some((&(ns, tag), rest)) => {
                for child in self.kids(id, ns, tag) {
                    self.path_each(child, rest, f);
                }
            }
        }
    }

    /// How many nodes the path reaches.
    pub fn path_count(&self, id: NodeId, steps: &[(Ns, Tag)]) -> usize {
        let mut n = 0usize;
        self.path_each(id, steps, &mut |_| n += 1);
        n
    }

    /// Whether the path reaches any node.
    pub fn path_exists(&self, id: NodeId, steps: &[(Ns, Tag)]) -> bool {
        match steps.split_first() {
            None => true,
            Some((&(ns, tag), rest)) => self
                .kids(id, ns, tag)
                .any(|child| self.path_exists(child, rest)),
        }
    }

    /// Whether `id` is the element `ns:tag` (`Tag::Other` matches no name).
    pub fn is(&self, id: NodeId, ns: Ns, tag: Tag) -> bool {
        let n = self.node(id);
        n.tag == tag && n.ns == ns && tag != Tag::Other
    }

    /// The element's direct text, as written (references resolved, line ends normalized).
    pub fn raw(&self, id: NodeId) -> &str {
        match self.node(id).text {
            Text::Input { start, len } => self
                .input
                .get(start as usize..(start as usize + len as usize))
                .unwrap_or(""),
            Text::Owned(i) => self.owned.get(i as usize).map_or("", String::as_str),
        }
    }

    /// The element's text with XPath `normalize-space` applied (borrowed when already normal).
    pub fn norm(&self, id: NodeId) -> Cow<'_, str> {
        normalize_space(self.raw(id))
    }

    /// The element's text trimmed.
    pub fn text(&self, id: NodeId) -> &str {
        self.raw(id).trim()
    }

    /// The element's unprefixed attributes, in document order.
    pub fn attrs(&self, id: NodeId) -> &[Attr<'a>] {
        let n = self.node(id);
        let start = n.attrs_start as usize;
        self.attrs
            .get(start..start + n.attrs_len as usize)
            .unwrap_or(&[])
    }

    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|a| a.name == key)
            .map(|a| &*a.value)
    }

    /// 1-based line of an element's start tag.
    pub fn line(&self, id: NodeId) -> usize {
        let offset = (self.node(id).offset as usize).min(self.input.len());
        1 + count_newlines(&self.input.as_bytes()[..offset])
    }

    /// 1-based lines of many elements at once, in one scan of the input.
    pub(crate) fn lines(&self, ids: &[NodeId]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_unstable_by_key(|&i| self.node(ids[i]).offset);
        let bytes = self.input.as_bytes();
        let mut out = vec![1; ids.len()];
        let (mut at, mut line) = (0usize, 1usize);
        for i in order {
            let offset = (self.node(ids[i]).offset as usize).min(bytes.len());
            line += count_newlines(&bytes[at.min(offset)..offset]);
            at = at.max(offset);
            out[i] = line;
        }
        out
    }

    /// An XPath-like location such as `/Invoice/cac:InvoiceLine[2]/cbc:ID`.
    pub fn location(&self, id: NodeId) -> String {
        self.locations(&[id]).pop().unwrap_or_default()
    }

    /// Locations of many elements at once; each sibling group is numbered at most once, so the
    /// cost stays linear however many elements fire.
    pub(crate) fn locations(&self, ids: &[NodeId]) -> Vec<String> {
        // Ordinal of an element among its parent's children of the same name (0 = not yet
        // numbered), filled per parent on first use.
        let mut ordinals: Vec<u32> = Vec::new();
        let mut ordinal = |this: &Self, id: NodeId| -> u32 {
            let parent = this.node(id).parent;
            if parent == NONE {
                return 1;
            }
            if ordinals.is_empty() {
                ordinals = vec![0; this.nodes.len()];
            }
            if ordinals.get(id as usize).is_some_and(|&k| k == 0) {
                // Sibling groups have few distinct names: a short list searched by tag first;
                // a map only past that, so a parent with thousands of distinct names stays
                // linear.
                let mut few: Vec<(Ns, Tag, &str, u32)> = Vec::new();
                let mut many: std::collections::HashMap<(Ns, &str), u32> =
                    std::collections::HashMap::new();
                for child in this.children(parent) {
                    let n = this.node(child);
                    let found = few.iter().position(|&(ns, tag, name, _)| {
                        tag == n.tag && ns == n.ns && (n.tag != Tag::Other || name == n.name)
                    });
                    let room = few.len() < 32;
                    let count = match found.and_then(|i| few.get_mut(i)) {
                        Some((_, _, _, count)) => {
                            *count = count.saturating_add(1);
                            *count
                        }
                        None if room => {
                            few.push((n.ns, n.tag, n.name, 1));
                            1
                        }
                        None => {
                            let count = many.entry((n.ns, n.name)).or_insert(0);
                            *count = count.saturating_add(1);
                            *count
                        }
                    };
                    if let Some(slot) = ordinals.get_mut(child as usize) {
                        *slot = count;
                    }
                }
            }
            ordinals.get(id as usize).copied().unwrap_or(1).max(1)
        };
        let mut out = Vec::with_capacity(ids.len());
        let mut parts: Vec<NodeId> = Vec::new();
        for &id in ids {
            parts.clear();
            let mut cur = id;
            while cur != NONE {
                parts.push(cur);
                if cur == self.root {
                    break;
                }
                cur = self.node(cur).parent;
            }
            let mut location = String::new();
            for &part in parts.iter().rev() {
                let n = self.node(part);
                let k = ordinal(self, part);
                location.push('/');
                location.push_str(n.ns.prefix());
                location.push_str(n.name);
                location.push('[');
                location.push_str(&k.to_string());
                location.push(']');
            }
            out.push(location);
        }
        out
    }
}

/// String equality for element names, rejecting most mismatches by length and the last byte
/// before comparing the rest (names compared here are short and often share prefixes).
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.last() == b.last() && crate::tag::same_bytes(a, b)
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// XPath `normalize-space`: trim and collapse runs of XML whitespace to one space.
pub(crate) fn normalize_space(s: &str) -> Cow<'_, str> {
    let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let b = s.as_bytes();
    let already = !b.first().is_some_and(|&c| is_ws(c))
        && !b.last().is_some_and(|&c| is_ws(c))
        && !b
            .windows(2)
            .any(|w| (is_ws(w[0]) && is_ws(w[1])) || matches!(w[0], b'\t' | b'\n' | b'\r'));
    if already {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Iterator over the children of a node.
pub struct Children<'d, 'a> {
    doc: &'d Doc<'a>,
    next: NodeId,
}

impl Iterator for Children<'_, '_> {
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

fn malformed(offset: usize, message: &str) -> InputError {
    InputError::Malformed {
        offset: offset as u64,
        message: message.to_owned(),
    }
}

/// One open element while reading.
struct Open<'a> {
    id: NodeId,
    /// The qualified name as written, to match the end tag.
    qname: &'a str,
    last_child: NodeId,
    /// How many namespace bindings this element declared (popped at its end).
    bindings: usize,
}

/// The single-pass reader that builds the arena.
struct Reader<'a> {
    input: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node<'a>>,
    attrs: Vec<Attr<'a>>,
    owned: Vec<String>,
    stack: Vec<Open<'a>>,
    /// Namespace bindings in scope: (prefix, uri); "" is the default namespace.
    bindings: Vec<(&'a str, Ns)>,
    root_done: bool,
    /// The attributes of the start tag being read (reused between tags).
    scratch_attrs: Vec<(&'a str, Cow<'a, str>)>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Bytes that end a name.
const fn ends_name(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>' | b'=' | b'<' | b'"' | b'\'' | b'&'
    )
}

const NAME_PART: u8 = 0;
const NAME_END: u8 = 1;
const NAME_COLON: u8 = 2;
const NAME_BAD: u8 = 3;

/// How each byte reads in a name, as XML allows names here (loosely): a name ends at
/// whitespace or a delimiter ([`ends_name`]); control characters and `! ? ; , ( )` are not
/// allowed; a name must not start with a digit, '-', '.' or ':', and has at most one ':', not
/// at its end.
const NAME_CLASS: [u8; 256] = {
    let mut class = [NAME_PART; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if ends_name(byte) {
            NAME_END
        } else if byte == b':' {
            NAME_COLON
        } else if byte < 0x20 || matches!(byte, b'!' | b'?' | b';' | b',' | b'(' | b')') {
            NAME_BAD
        } else {
            NAME_PART
        };
        b += 1;
    }
    class
};

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `word` that equals `byte`, and nothing else.
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (0x0101_0101_0101_0101 * u64::from(byte));
    !(((x & !HIGH_BITS) + !HIGH_BITS) | x | !HIGH_BITS)
}

/// What a short run of character data holds, noted while looking for the next markup.
#[derive(Debug, Clone, Copy, Default)]
struct TextSeen {
    /// Something other than XML whitespace.
    words: bool,
    /// A reference or a carriage return: the text needs decoding.
    special: bool,
}

impl<'a> Reader<'a> {
    fn new(input: &'a str) -> Reader<'a> {
        Reader {
            input,
            bytes: input.as_bytes(),
            pos: 0,
            nodes: Vec::with_capacity(input.len() / 48 + 8),
            attrs: Vec::new(),
            owned: Vec::new(),
            stack: Vec::new(),
            bindings: vec![("xml", Ns::Other)],
            root_done: false,
            scratch_attrs: Vec::new(),
        }
    }

    fn run(&mut self) -> Result<(), InputError> {
        let len = self.bytes.len();
        while self.pos < len {
            // Character data up to the next markup.
            let (next, seen) = self.next_markup(self.pos);
            if next > self.pos {
                self.text(self.pos, next, seen)?;
            }
            self.pos = next;
            if self.pos >= len {
                break;
            }
            self.markup()?;
        }
        if !self.stack.is_empty() {
            return Err(malformed(len, "unexpected end of input"));
        }
        Ok(())
    }

    /// Markup starting at `self.pos` (a `<`).
    fn markup(&mut self) -> Result<(), InputError> {
        let at = self.pos;
        let rest = &self.bytes[at..];
        if rest.starts_with(b"</") {
            return self.end_tag();
        }
        if rest.starts_with(b"<!--") {
            let end = self
                .find(at + 4, "-->")
                .ok_or_else(|| malformed(at, "unclosed comment"))?;
            self.pos = end + 3;
            return Ok(());
        }
        if rest.starts_with(b"<![CDATA[") {
            if self.stack.is_empty() {
                return Err(malformed(at, "CDATA outside the root element"));
            }
            let end = self
                .find(at + 9, "]]>")
                .ok_or_else(|| malformed(at, "unclosed CDATA section"))?;
            let (start, stop) = (at + 9, end);
            self.pos = stop + 3;
            let content = &self.input[start..stop];
            if content.contains('\r') {
                let normalized = normalize_line_ends(content);
                self.append_owned(&normalized);
            } else {
                self.append_input(start, stop);
            }
            return Ok(());
        }
        if rest.starts_with(b"<!") {
            let upper: Vec<u8> = rest
                .iter()
                .skip(2)
                .take(7)
                .map(u8::to_ascii_uppercase)
                .collect();
            if upper == b"DOCTYPE" {
                return Err(InputError::Dtd);
            }
            return Err(malformed(at, "unexpected markup declaration"));
        }
        if rest.starts_with(b"<?") {
            let end = self
                .find(at + 2, "?>")
                .ok_or_else(|| malformed(at, "unclosed processing instruction"))?;
            self.pos = end + 2;
            return Ok(());
        }
        self.start_tag()
    }

    /// The next `<` at or after `from` (or the end): a plain loop over the short runs between
    /// tags, which also notes what the text holds, and core's word-wise search for long ones
    /// (attachments), which leaves that to [`Reader::text`].
    fn next_markup(&self, from: usize) -> (usize, Option<TextSeen>) {
        let len = self.bytes.len();
        let near = (from + 64).min(len);
        let mut seen = TextSeen::default();
        // Eight bytes at a time while they last (indentation and short values), then bytewise.
        let mut at = from;
        while at + 8 <= near {
            let Some(chunk) = self.bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) else {
                break;
            };
            let word = u64::from_le_bytes(*chunk);
            let lt = bytes_equal(word, b'<');
            // Bytes before the first '<' (all eight when there is none).
            let before = if lt == 0 {
                u64::MAX
            } else {
                (lt & lt.wrapping_neg()) - 1
            };
            let carriage = bytes_equal(word, b'\r');
            let blank = bytes_equal(word, b' ')
                | bytes_equal(word, b'\n')
                | bytes_equal(word, b'\t')
                | carriage;
            seen.words |= !blank & HIGH_BITS & before != 0;
            seen.special |= (bytes_equal(word, b'&') | carriage) & before != 0;
            if lt != 0 {
                return (at + (lt.trailing_zeros() / 8) as usize, Some(seen));
            }
            at += 8;
        }
        for (i, &b) in self.bytes[at..near].iter().enumerate() {
            let i = i + at - from;
            match b {
                b'<' => return (from + i, Some(seen)),
                b' ' | b'\t' | b'\n' => {}
                b'\r' => seen.special = true,
                b'&' => {
                    seen.words = true;
                    seen.special = true;
                }
                _ => seen.words = true,
            }
        }
        if near == len {
            return (len, Some(seen));
        }
        let mut near = near;
        while !self.input.is_char_boundary(near) {
            near -= 1;
        }
        (self.find_char(near, '<').unwrap_or(len), None)
    }

    /// Where `needle` next occurs at or after `from` (`from` is always just after ASCII).
    fn find(&self, from: usize, needle: &str) -> Option<usize> {
        self.input.get(from..)?.find(needle).map(|i| from + i)
    }

    /// Where the ASCII character `needle` next occurs at or after `from` (a byte search).
    fn find_char(&self, from: usize, needle: char) -> Option<usize> {
        self.input.get(from..)?.find(needle).map(|i| from + i)
    }

    /// The name starting at `from`, checked (see [`NAME_CLASS`]): where it ends, and the
    /// position of its colon if it has one.
    fn scan_name(&self, from: usize) -> Result<(usize, Option<usize>), &'static str> {
        let bytes = self.bytes;
        let mut end = from;
        let mut colon = None;
        let mut colons = 0u32;
        let mut bad = false;
        loop {
            // A tight loop over the plain bytes; the rare ones are handled below it.
            while bytes
                .get(end)
                .is_some_and(|&b| NAME_CLASS[b as usize] == NAME_PART)
            {
                end += 1;
            }
            match bytes.get(end).map(|&b| NAME_CLASS[b as usize]) {
                Some(NAME_COLON) => {
                    colons += 1;
                    colon.get_or_insert(end);
                }
                Some(NAME_BAD) => bad = true,
                _ => break,
            }
            end += 1;
        }
        match bytes.get(from) {
            _ if end == from => Err("missing name"),
            Some(c) if c.is_ascii_digit() || matches!(c, b'-' | b'.' | b':') => Err("invalid name"),
            _ if bad => Err("invalid name"),
            _ if colons > 1 || bytes.get(end - 1) == Some(&b':') => Err("invalid qualified name"),
            _ => Ok((end, colon)),
        }
    }

    fn name_end(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .position(|&b| ends_name(b))
            .map_or(self.bytes.len(), |i| from + i)
    }

    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && is_ws(self.bytes[self.pos]) {
            self.pos += 1;
        }
    }

    fn start_tag(&mut self) -> Result<(), InputError> {
        let at = self.pos;
        if self.root_done {
            return Err(malformed(at, "content after the root element"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(InputError::TooDeep);
        }
        let name_start = at + 1;
        let (name_end, colon) = self.scan_name(name_start).map_err(|m| malformed(at, m))?;
        let qname = &self.input[name_start..name_end];
        self.pos = name_end;
        // Attributes, namespace declarations first collected so that they apply to this
        // element's own name.
        self.scratch_attrs.clear();
        let mut declared = 0usize;
        let empty;
        loop {
            let had_ws = self.pos < self.bytes.len() && is_ws(self.bytes[self.pos]);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                None => return Err(malformed(at, "unclosed start tag")),
                Some(b'>') => {
                    self.pos += 1;
                    empty = false;
                    break;
                }
                Some(b'/') => {
                    if self.bytes.get(self.pos + 1) != Some(&b'>') {
                        return Err(malformed(self.pos, "expected '>' after '/'"));
                    }
                    self.pos += 2;
                    empty = true;
                    break;
                }
                Some(_) if !had_ws => {
                    return Err(malformed(
                        self.pos,
                        "expected whitespace before an attribute",
                    ));
                }
                Some(_) => {
                    let (key, value) = self.attribute()?;
                    if self.scratch_attrs.iter().any(|(k, _)| *k == key) {
                        return Err(malformed(at, "duplicate attribute"));
                    }
                    if key == "xmlns" || key.starts_with("xmlns:") {
                        let prefix = key.strip_prefix("xmlns:").unwrap_or("");
                        if key.len() > 6 && prefix.is_empty() {
                            return Err(malformed(at, "empty namespace prefix"));
                        }
                        if !prefix.is_empty() && value.is_empty() {
                            return Err(malformed(at, "a namespace prefix bound to nothing"));
                        }
                        if prefix == "xml" && value != NS_XML {
                            return Err(malformed(at, "the xml prefix rebound"));
                        }
                        self.bindings.push((prefix, Ns::from_uri(&value)));
                        declared += 1;
                    }
                    self.scratch_attrs.push((key, value));
                }
            }
        }
        let (prefix, local) = match colon {
            Some(c) => (&self.input[name_start..c], &self.input[c + 1..name_end]),
            None => ("", qname),
        };
        let ns = match self.bindings.iter().rev().find(|(p, _)| same(p, prefix)) {
            Some((_, ns)) => *ns,
            None if prefix.is_empty() => Ns::Other,
            None => return Err(malformed(at, "unknown namespace prefix")),
        };
        let attrs_start =
            u32::try_from(self.attrs.len()).map_err(|_| malformed(at, "too many attributes"))?;
        for (key, value) in self.scratch_attrs.drain(..) {
            if key.contains(':') || key.starts_with("xmlns") {
                continue;
            }
            self.attrs.push(Attr { name: key, value });
        }
        let attrs_len = u32::try_from(self.attrs.len()).unwrap_or(u32::MAX) - attrs_start;
        let id = u32::try_from(self.nodes.len()).map_err(|_| malformed(at, "too many elements"))?;
        let parent = match self.stack.last_mut() {
            Some(open) => {
                let prev = open.last_child;
                open.last_child = id;
                let parent = open.id;
                if prev == NONE {
                    self.nodes[parent as usize].first_child = id;
                } else {
                    self.nodes[prev as usize].next_sibling = id;
                }
                parent
            }
            None if self.nodes.is_empty() => NONE,
            None => return Err(malformed(at, "more than one root element")),
        };
        self.nodes.push(Node {
            ns,
            tag: Tag::of(local),
            name: local,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            text: NO_TEXT,
            attrs_start,
            attrs_len,
            offset: u32::try_from(at).unwrap_or(u32::MAX),
        });
        if empty {
            self.bindings.truncate(self.bindings.len() - declared);
            if self.stack.is_empty() {
                self.root_done = true;
            }
        } else {
            self.stack.push(Open {
                id,
                qname,
                last_child: NONE,
                bindings: declared,
            });
        }
        Ok(())
    }

    /// One `name = "value"` at `self.pos`.
    fn attribute(&mut self) -> Result<(&'a str, Cow<'a, str>), InputError> {
        let at = self.pos;
        let (end, _) = self.scan_name(at).map_err(|m| malformed(at, m))?;
        let key = &self.input[at..end];
        self.pos = end;
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'=') {
            return Err(malformed(self.pos, "expected '=' after an attribute name"));
        }
        self.pos += 1;
        self.skip_ws();
        let quote = match self.bytes.get(self.pos) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(malformed(self.pos, "expected a quoted attribute value")),
        };
        let start = self.pos + 1;
        let stop = self
            .find_char(start, char::from(quote))
            .ok_or_else(|| malformed(at, "unclosed attribute value"))?;
        self.pos = stop + 1;
        let raw = &self.input[start..stop];
        if raw.contains('<') {
            return Err(malformed(at, "'<' in an attribute value"));
        }
        let plain = !raw
            .bytes()
            .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'));
        if plain {
            return Ok((key, Cow::Borrowed(raw)));
        }
        // Normalize: line ends first, then every whitespace character becomes a space;
        // references are resolved afterwards (a referenced character stays as it is).
        let mut value = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(i) = rest.find(['&', '\t', '\n', '\r']) {
            value.push_str(&rest[..i]);
            let tail = &rest[i..];
            if let Some(after) = tail.strip_prefix("\r\n") {
                value.push(' ');
                rest = after;
            } else if tail.starts_with('&') {
                let (resolved, used) =
                    reference(tail).map_err(|m| malformed(start + (raw.len() - tail.len()), m))?;
                value.push_str(resolved.as_str());
                rest = &tail[used..];
            } else {
                value.push(' ');
                rest = &tail[1..];
            }
        }
        value.push_str(rest);
        Ok((key, Cow::Owned(value)))
    }

    fn end_tag(&mut self) -> Result<(), InputError> {
        let at = self.pos;
        let name_start = at + 2;
        // Almost always the open element's name: compare it in place rather than scan.
        let open_name = self.stack.last().map_or(&b""[..], |o| o.qname.as_bytes());
        let after = name_start + open_name.len();
        let name_end = if !open_name.is_empty()
            && self
                .bytes
                .get(name_start..after)
                .is_some_and(|written| crate::tag::same_bytes(written, open_name))
            && self.bytes.get(after).is_none_or(|&b| ends_name(b))
        {
            after
        } else {
            self.name_end(name_start)
        };
        let qname = &self.input[name_start..name_end];
        self.pos = name_end;
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'>') {
            return Err(malformed(at, "malformed end tag"));
        }
        self.pos += 1;
        let Some(open) = self.stack.pop() else {
            return Err(malformed(at, "end tag without a start tag"));
        };
        if open.qname != qname {
            return Err(malformed(at, "end tag does not match the start tag"));
        }
        self.bindings.truncate(self.bindings.len() - open.bindings);
        if self.stack.is_empty() {
            self.root_done = true;
        }
        Ok(())
    }

    /// Character data from `start` to `stop` (no markup inside); `seen` is what
    /// [`Reader::next_markup`] noted about it, when it looked.
    fn text(
        &mut self,
        start: usize,
        stop: usize,
        seen: Option<TextSeen>,
    ) -> Result<(), InputError> {
        let chunk = &self.input[start..stop];
        let whitespace = seen.map_or_else(|| chunk.bytes().all(is_ws), |s| !s.words);
        if self.stack.is_empty() {
            if whitespace {
                return Ok(());
            }
            return Err(malformed(start, "text outside the root element"));
        }
        if whitespace {
            // Whitespace between child elements: kept only when the element has no text yet
            // (its first chunk). Later whitespace chunks change no trimmed or normalized value.
            if self.current_text_is_empty() {
                self.append_input(start, stop);
            } else if self.current_text_is_whitespace() {
                // Nothing a rule reads changes.
            } else {
                self.append_owned(chunk);
            }
            return Ok(());
        }
        // Two word-wise searches beat one byte loop on long texts (attachments).
        let special = seen.map_or_else(
            || chunk.contains('&') || chunk.contains('\r'),
            |s| s.special,
        );
        if !special {
            self.append_input(start, stop);
            return Ok(());
        }
        let mut decoded = String::with_capacity(chunk.len());
        let mut rest = chunk;
        while let Some(i) = rest.find(['&', '\r']) {
            decoded.push_str(&rest[..i]);
            let tail = &rest[i..];
            if let Some(after) = tail.strip_prefix('\r') {
                decoded.push('\n');
                rest = after.strip_prefix('\n').unwrap_or(after);
            } else {
                let offset = start + (chunk.len() - tail.len());
                let (resolved, used) = reference(tail).map_err(|m| malformed(offset, m))?;
                decoded.push_str(resolved.as_str());
                rest = &tail[used..];
            }
        }
        decoded.push_str(rest);
        self.append_owned(&decoded);
        Ok(())
    }

    fn current(&mut self) -> Option<&mut Node<'a>> {
        let id = self.stack.last()?.id;
        self.nodes.get_mut(id as usize)
    }

    fn current_text_is_empty(&mut self) -> bool {
        matches!(
            self.current().map(|n| n.text),
            Some(Text::Input { len: 0, .. })
        )
    }

    fn current_text_is_whitespace(&mut self) -> bool {
        let text = self.current().map(|n| n.text);
        match text {
            Some(Text::Input { start, len }) => self.bytes
                [start as usize..start as usize + len as usize]
                .iter()
                .all(|&b| is_ws(b)),
            Some(Text::Owned(i)) => self
                .owned
                .get(i as usize)
                .is_some_and(|s| s.bytes().all(is_ws)),
            None => false,
        }
    }

    fn append_input(&mut self, start: usize, stop: usize) {
        let (s, l) = (
            u32::try_from(start).unwrap_or(0),
            u32::try_from(stop - start).unwrap_or(0),
        );
        let Some(node) = self.current() else { return };
        match node.text {
            Text::Input { len: 0, .. } => node.text = Text::Input { start: s, len: l },
            _ => {
                let piece = &self.input[start..stop];
                self.append_owned(piece);
            }
        }
    }

    fn append_owned(&mut self, piece: &str) {
        let Some(id) = self.stack.last().map(|o| o.id) else {
            return;
        };
        let text = self.nodes[id as usize].text;
        match text {
            Text::Owned(i) => {
                if let Some(s) = self.owned.get_mut(i as usize) {
                    s.push_str(piece);
                }
            }
            Text::Input { start, len } => {
                let mut s = String::with_capacity(len as usize + piece.len());
                s.push_str(&self.input[start as usize..start as usize + len as usize]);
                s.push_str(piece);
                let index = u32::try_from(self.owned.len()).unwrap_or(u32::MAX);
                self.owned.push(s);
                self.nodes[id as usize].text = Text::Owned(index);
            }
        }
    }
}

/// A resolved reference: a predefined entity or a character.
enum Resolved {
    Str(&'static str),
    Char([u8; 4], usize),
}

impl Resolved {
    fn as_str(&self) -> &str {
        match self {
            Resolved::Str(s) => s,
            Resolved::Char(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

/// The reference at the start of `s` (which starts with '&'): its value and its length.
fn reference(s: &str) -> Result<(Resolved, usize), &'static str> {
    let end = s.find(';').ok_or("unterminated reference")?;
    let name = &s[1..end];
    let resolved = match name {
        "lt" => Resolved::Str("<"),
        "gt" => Resolved::Str(">"),
        "amp" => Resolved::Str("&"),
        "apos" => Resolved::Str("'"),
        "quot" => Resolved::Str("\""),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| !hex.starts_with(['+', '-']))
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>()
                    .ok()
                    .filter(|_| !dec.starts_with(['+', '-']))
            } else {
                return Err("undefined entity");
            };
            let c = code
                .and_then(char::from_u32)
                .filter(|&c| c != '\0')
                .ok_or("invalid character reference")?;
            let mut buf = [0u8; 4];
            let len = c.encode_utf8(&mut buf).len();
            Resolved::Char(buf, len)
        }
    };
    Ok((resolved, end + 1))
}

fn normalize_line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
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
        let id = doc.kid(doc.root(), Ns::Cbc, Tag::ID).expect("ID");
        assert_eq!(doc.text(id), "A & 1");
        assert_eq!(doc.raw(id), " A & 1 ");
        let lines: Vec<_> = doc.kids(doc.root(), Ns::Cac, Tag::InvoiceLine).collect();
        assert_eq!(lines.len(), 2);
        let amount = doc
            .path(lines[1], &[(Ns::Cbc, Tag::LineExtensionAmount)])
            .expect("amount");
        assert_eq!(doc.attr(amount, "currencyID"), Some("NOK"));
        assert_eq!(
            doc.location(amount),
            "/Invoice[1]/cac:InvoiceLine[2]/cbc:LineExtensionAmount[1]"
        );
        assert_eq!(doc.line(amount), 7);
        assert_eq!(doc.lines(&[amount, id]), vec![7, 5]);
        assert_eq!(doc.all().len(), doc.len());
    }

    #[test]
    fn refuses_dtd_and_garbage() {
        let dtd = "<!DOCTYPE x [<!ENTITY a 'b'>]><Invoice/>";
        assert_eq!(
            Doc::parse(dtd.as_bytes()).expect_err("DTD refused"),
            InputError::Dtd
        );
        for bad in [
            "<a><b></a>",
            "",
            "<a>",
            "<a></a><b/>",
            "<a x='1' x='2'/>",
            "<p:a/>",
            "<a>&nope;</a>",
            "<a>&#0;</a>",
            "<a x=1/>",
            "<a x='<'/>",
            "text<a/>",
            "<a/>text",
            "<a><!-- open </a>",
        ] {
            assert!(Doc::parse(bad.as_bytes()).is_err(), "{bad:?} accepted");
        }
        assert!(matches!(Doc::parse(b"<x/>"), Err(InputError::NotUbl(_))));
        assert_eq!(
            Doc::parse(b"\xff<x/>").expect_err("not UTF-8"),
            InputError::Encoding
        );
    }

    #[test]
    fn decodes_text_and_attributes() {
        let xml = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" a=\"x&#x41;\r\ny\">\
                   a&lt;<![CDATA[<b>]]>&#65;\r\nc<!-- c --><?pi x?></Invoice>";
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        assert_eq!(doc.raw(doc.root()), "a<<b>A\nc");
        assert_eq!(doc.attr(doc.root(), "a"), Some("xA y"));
    }

    #[test]
    fn namespaces_are_scoped() {
        let xml = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">\
                   <x:ID xmlns:x=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"/>\
                   <ID/></Invoice>";
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        let kids: Vec<Ns> = doc.children(doc.root()).map(|c| doc.node(c).ns).collect();
        assert_eq!(kids, vec![Ns::Cbc, Ns::Invoice]);
        let unbound = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">\
                   <x:ID xmlns:x=\"u\"/><x:ID/></Invoice>";
        assert!(Doc::parse(unbound.as_bytes()).is_err());
    }

    #[test]
    fn multibyte_text_before_markup() {
        let xml = format!(
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><a>{}</a></Invoice>",
            "x…".repeat(40)
        );
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        assert_eq!(doc.len(), 2);
    }

    #[test]
    fn normalizes_space() {
        assert_eq!(normalize_space("a b"), "a b");
        assert!(matches!(normalize_space("a b"), Cow::Borrowed(_)));
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
        assert_eq!(normalize_space("a\nb"), "a b");
        assert_eq!(normalize_space(" \n "), "");
    }

    #[test]
    fn descends_into_sbdh() {
        let wrapped = format!(
            "<StandardBusinessDocument xmlns=\"{NS_SBDH}\"><StandardBusinessDocumentHeader/>{}</StandardBusinessDocument>",
            INV.trim_start_matches(r#"<?xml version="1.0"?>"#)
        );
        let doc = Doc::parse(wrapped.as_bytes()).expect("parses");
        assert_eq!(doc.kind(), Kind::Invoice);
        assert!(doc.is(doc.root(), Ns::Invoice, Tag::Invoice));
        assert_eq!(doc.all().end as usize, doc.len());
    }

    /// `next_markup`'s word-at-a-time scan against the plain definition.
    #[test]
    fn markup_scan_matches_a_byte_loop() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            "<",
            "&",
            "\r",
            "\n",
            " ",
            "\t",
            "a",
            "Z",
            "0",
            ">",
            "é",
            "€",
            "\u{1F600}",
        ]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..200), from in 0usize..8)| {
            let input: String = pieces.concat();
            let reader = Reader::new(&input);
            let from = (0..=from.min(input.len())).rev().find(|&i| input.is_char_boundary(i)).unwrap_or(0);
            let (next, seen) = reader.next_markup(from);
            let expected = input[from..].find('<').map_or(input.len(), |i| from + i);
            prop_assert_eq!(next, expected);
            if let Some(seen) = seen {
                let text = &input[from..next];
                prop_assert_eq!(seen.words, !text.bytes().all(is_ws));
                prop_assert_eq!(seen.special, text.contains('&') || text.contains('\r'));
            }
        });
    }

    /// `scan_name` against the rules it implements.
    #[test]
    fn name_scan_follows_the_name_rules() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            "a", "B", "1", "-", ".", ":", "_", "é", "!", "\u{1}", " ", ">", "/", "=",
        ]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..12))| {
            let input: String = pieces.concat();
            let reader = Reader::new(&input);
            let end = input.bytes().position(ends_name).unwrap_or(input.len());
            let name = &input[..end];
            let b = name.as_bytes();
            let colons = b.iter().filter(|&&c| c == b':').count();
            let valid = !b.is_empty()
                && !b[0].is_ascii_digit()
                && !matches!(b[0], b'-' | b'.' | b':')
                && !b.iter().any(|&c| c < 0x20 || matches!(c, b'!' | b'?' | b';' | b',' | b'(' | b')'))
                && colons <= 1
                && b.last() != Some(&b':');
            match reader.scan_name(0) {
                Ok((scanned, colon)) => {
                    prop_assert!(valid, "{name:?} accepted");
                    prop_assert_eq!(scanned, end);
                    prop_assert_eq!(colon, name.find(':'));
                }
                Err(_) => prop_assert!(!valid, "{name:?} refused"),
            }
        });
    }

    #[test]
    fn no_quadratic_text_joins() {
        // A root whose text is interleaved with many children that also need decoding.
        let mut xml = String::from(
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">",
        );
        for _ in 0..20_000 {
            xml.push_str("a&amp;<x>b&amp;</x>");
        }
        xml.push_str("</Invoice>");
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        assert_eq!(doc.raw(doc.root()).len(), 40_000);
    }
}
