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
        // The whole body is checked once, sixteen or thirty-two bytes at a time where the CPU
        // allows (`simdutf8`, the same answer as `std::str::from_utf8`).
        let input = simdutf8::basic::from_utf8(body).map_err(|_| InputError::Encoding)?;
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

    #[inline]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The Invoice or CreditNote element.
    #[inline]
    pub fn root(&self) -> NodeId {
        self.root
    }

    #[inline]
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
    #[inline]
    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children {
            doc: self,
            next: self.node(id).first_child,
        }
    }

    /// Whether `id` has child elements.
    #[inline]
    pub fn has_children(&self, id: NodeId) -> bool {
        self.node(id).first_child != NONE
    }

    /// Children of `id` with the given namespace and local name.
    #[inline]
    pub fn kids(&self, id: NodeId, ns: Ns, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        let next = match self.root_kid(id, ns, tag) {
            // Below the root, start at the first match rather than the first child.
            Some(first) => first.unwrap_or(NONE),
            None => self.node(id).first_child,
        };
        Children { doc: self, next }.filter(move |&c| self.is(c, ns, tag))
    }

    /// The first child with the given name.
    #[inline]
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
    /// Generic over `f` so the call is inlined into each caller's walk; the last step calls
    /// `f` on the matching children directly rather than recursing once per match.
    pub fn path_each<F: FnMut(NodeId) + ?Sized>(&self, id: NodeId, steps: &[(Ns, Tag)], f: &mut F) {
        match *steps {
            [] => f(id),
            [(ns, tag)] => self.kids(id, ns, tag).for_each(f),
            [(ns, tag), ref rest @ ..] => {
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
    #[inline]
    pub fn is(&self, id: NodeId, ns: Ns, tag: Tag) -> bool {
        let n = self.node(id);
        n.tag == tag && n.ns == ns && tag != Tag::Other
    }

    /// The element's direct text, as written (references resolved, line ends normalized).
    #[inline]
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
        let raw = self.raw(id);
        // Most texts (codes, identifiers, amounts) hold no whitespace at all, so are normal
        // already: no byte up to a space, checked eight at a time.
        let mut words = raw.as_bytes().chunks_exact(8);
        let low = words.by_ref().any(|w| {
            <[u8; 8]>::try_from(w).is_ok_and(|w| bytes_below(u64::from_le_bytes(w), 0x21) != 0)
        }) || words.remainder().iter().any(|&b| b <= b' ');
        if !low {
            return Cow::Borrowed(raw);
        }
        normalize_space(raw)
    }

    /// The element's text trimmed.
    #[inline]
    pub fn text(&self, id: NodeId) -> &str {
        self.raw(id).trim()
    }

    /// The element's unprefixed attributes, in document order.
    #[inline]
    pub fn attrs(&self, id: NodeId) -> &[Attr<'a>] {
        let n = self.node(id);
        // Most elements have none: settled without slicing.
        if n.attrs_len == 0 {
            return &[];
        }
        let start = n.attrs_start as usize;
        self.attrs
            .get(start..start + n.attrs_len as usize)
            .unwrap_or(&[])
    }

    #[inline]
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
        let bytes = self.input.as_bytes();
        let offset = |id: NodeId| (self.node(id).offset as usize).min(bytes.len());
        let mut out = vec![1; ids.len()];
        // Visited in document order: as given when the ids already are, else sorted by offset.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        if !ids.windows(2).all(|w| offset(w[0]) <= offset(w[1])) {
            order.sort_unstable_by_key(|&i| offset(ids[i]));
        }
        let (mut at, mut line) = (0usize, 1usize);
        for i in order {
            let offset = offset(ids[i]);
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
        let mut numbering = Numbering::default();
        let mut out = Vec::with_capacity(ids.len());
        let mut parts: Vec<NodeId> = Vec::new();
        let mut location = String::new();
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
            location.clear();
            for &part in parts.iter().rev() {
                let n = self.node(part);
                location.push('/');
                location.push_str(n.ns.prefix());
                location.push_str(n.name);
                location.push('[');
                push_number(&mut location, numbering.ordinal(self, part));
                location.push(']');
            }
            // One allocation of the exact length per location.
            out.push(location.as_str().to_owned());
        }
        out
    }
}

/// Ordinals of elements among their parent's children of the same name, worked out per
/// sibling group on first use (for [`Doc::locations`]).
#[derive(Default)]
struct Numbering<'a> {
    /// Per element: its ordinal (0 = its group is not numbered yet); sized on first use.
    ordinals: Vec<u32>,
    /// The names of the group being numbered and how many of each so far: a short list
    /// searched by tag first; a map only past that, so a parent with thousands of distinct
    /// names stays linear.
    few: Vec<(Ns, Tag, &'a str, u32)>,
    many: std::collections::HashMap<(Ns, &'a str), u32>,
}

impl<'a> Numbering<'a> {
    fn ordinal(&mut self, doc: &Doc<'a>, id: NodeId) -> u32 {
        let node = doc.node(id);
        let parent = node.parent;
        if parent == NONE {
            return 1;
        }
        if let Some(&k) = self.ordinals.get(id as usize)
            && k != 0
        {
            return k;
        }
        // Near the start of its group (the usual case), counting the same names before it
        // answers at once; further on, the whole group is numbered once.
        let mut count = 1u32;
        for child in doc.children(parent).take(SHORT_WALK) {
            if child == id {
                return count;
            }
            let n = doc.node(child);
            if n.tag == node.tag && n.ns == node.ns && (n.tag != Tag::Other || n.name == node.name)
            {
                count += 1;
            }
        }
        if self.ordinals.is_empty() {
            self.ordinals = vec![0; doc.nodes.len()];
        }
        if self.ordinals.get(id as usize).is_some_and(|&k| k == 0) {
            self.few.clear();
            self.many.clear();
            for child in doc.children(parent) {
                let n = doc.node(child);
                let found = self.few.iter().position(|&(ns, tag, name, _)| {
                    tag == n.tag && ns == n.ns && (n.tag != Tag::Other || name == n.name)
                });
                let room = self.few.len() < 32;
                let count = match found.and_then(|i| self.few.get_mut(i)) {
                    Some((_, _, _, count)) => {
                        *count = count.saturating_add(1);
                        *count
                    }
                    None if room => {
                        self.few.push((n.ns, n.tag, n.name, 1));
                        1
                    }
                    None => {
                        let count = self.many.entry((n.ns, n.name)).or_insert(0);
                        *count = count.saturating_add(1);
                        *count
                    }
                };
                if let Some(slot) = self.ordinals.get_mut(child as usize) {
                    *slot = count;
                }
            }
        }
        self.ordinals.get(id as usize).copied().unwrap_or(1).max(1)
    }
}

/// How many siblings [`Numbering::ordinal`] walks before it numbers the whole group.
const SHORT_WALK: usize = 64;

/// Append the decimal digits of `k`.
fn push_number(out: &mut String, mut k: u32) {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (k % 10) as u8;
        k /= 10;
        if k == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// String equality for element names, rejecting most mismatches by length and the last byte
/// before comparing the rest (names compared here are short and often share prefixes).
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.last() == b.last() && crate::tag::same_bytes(a, b)
}

/// Whether the `len` bytes at `a` and at `b` of `bytes` are there and equal, compared a word
/// at a time: names of eight bytes or more by whole words (the last one overlapping the one
/// before), shorter ones by one masked word where the input has the bytes to spare, as it
/// nearly always has after a name.
#[inline(always)]
fn same_at(bytes: &[u8], a: usize, b: usize, len: usize) -> bool {
    let (Some(x), Some(y)) = (bytes.get(a..a + len), bytes.get(b..b + len)) else {
        return false;
    };
    if len >= 8 {
        return crate::tag::same_bytes(x, y);
    }
    match (word_at(bytes, a), word_at(bytes, b)) {
        // Only the low `len` bytes count.
        (Some(p), Some(q)) => len == 0 || (p ^ q) << (8 * (8 - len)) == 0,
        _ => x == y,
    }
}

/// How many line feeds `bytes` holds; counted in blocks of bytes that the compiler turns into
/// vector compares (a block's count fits the byte-sized sum).
fn count_newlines(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(128);
    let mut n = 0usize;
    for block in &mut blocks {
        n += usize::from(block.iter().fold(0u8, |sum, &b| sum + u8::from(b == b'\n')));
    }
    n + blocks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// XPath `normalize-space(s) = ''`: only XML whitespace (checked without building the
/// normalized string).
pub(crate) fn is_blank(s: &str) -> bool {
    s.bytes().all(is_ws)
}

/// XPath `normalize-space`: trim and collapse runs of XML whitespace to one space.
pub(crate) fn normalize_space(s: &str) -> Cow<'_, str> {
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
struct Open {
    id: NodeId,
    /// Where the qualified name as written starts and ends in the input, to match the end tag.
    name_start: u32,
    name_end: u32,
    last_child: NodeId,
    /// How many namespace bindings this element declared (popped at its end).
    bindings: u32,
    /// The element has text so far (its node's text is not empty), and that text holds
    /// something other than whitespace: these decide what a later whitespace chunk does (see
    /// [`Reader::text`]).
    has_text: bool,
    words: bool,
}

/// A namespace binding in scope.
struct Binding<'a> {
    /// The prefix packed by [`prefix_key`], so that most lookups compare one integer.
    key: u64,
    prefix: &'a [u8],
    ns: Ns,
}

/// A prefix of up to seven bytes packed with its length into one integer (equal keys, equal
/// prefixes); longer prefixes all get [`LONG_PREFIX`] and are compared byte by byte.
fn prefix_key(prefix: &[u8]) -> u64 {
    if prefix.len() > 7 {
        return LONG_PREFIX;
    }
    let mut key = (prefix.len() as u64) << 56;
    for (i, &b) in prefix.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    key
}

const LONG_PREFIX: u64 = u64::MAX;

/// The single-pass reader that builds the arena.
struct Reader<'a> {
    input: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node<'a>>,
    attrs: Vec<Attr<'a>>,
    owned: Vec<String>,
    stack: Vec<Open>,
    /// Namespace bindings in scope, innermost last; the empty prefix is the default namespace.
    bindings: Vec<Binding<'a>>,
    /// The last two prefixes resolved (key and namespace), newest first; `LONG_PREFIX` when
    /// empty (long prefixes are not kept).
    resolved: [(u64, Ns); 2],
    root_done: bool,
    /// Names of the start tag's attributes that are not kept (namespace declarations and
    /// prefixed names), for the duplicate check (reused between tags).
    skipped: Vec<&'a str>,
}

/// An XML whitespace character (what `normalize-space` trims and collapses).
pub(crate) fn is_ws(b: u8) -> bool {
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

// Word-at-a-time helpers: eight input bytes in a `u64` (first byte lowest), and masks with the
// high bit of each byte that matches. They are exact: no byte is flagged that does not match.

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// Eight spaces (indentation).
const SPACES: u64 = 0x2020_2020_2020_2020;
const LOW_BITS: u64 = !HIGH_BITS;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at `at`, if there are that many.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    // One addition that cannot overflow, then one comparison with the length: the slice's
    // start is then known to be before its end.
    let end = at.checked_add(8)?;
    bytes
        .get(at..end)
        .and_then(<[u8]>::first_chunk::<8>)
        .map(|chunk| u64::from_le_bytes(*chunk))
}

/// The high bit of every byte of `word` that equals `byte`, and nothing else.
#[inline]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    // A byte is zero when neither its low seven bits (the addition carries into the high bit
    // otherwise, never into the next byte) nor its high bit are set.
    !(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS)
}

/// The high bit of every byte of `word` below `limit` (at most 0x80), and nothing else.
#[inline]
fn bytes_below(word: u64, limit: u8) -> u64 {
    // Adding 0x80 - limit to the low seven bits sets the high bit exactly when they are at
    // least `limit`; bytes with the high bit set are 0x80 or more.
    !(((word & LOW_BITS) + ONES * u64::from(0x80 - limit)) | word) & HIGH_BITS
}

/// The high bits of the bytes before the first flagged byte of `mask` (all when none is).
#[inline]
fn before_first(mask: u64) -> u64 {
    if mask == 0 {
        u64::MAX
    } else {
        (mask & mask.wrapping_neg()) - 1
    }
}

/// The index of the first flagged byte of a non-zero mask.
#[inline]
fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// What a short run of character data holds, noted while looking for the next markup.
#[derive(Debug, Clone, Copy, Default)]
struct TextSeen {
    /// Something other than XML whitespace.
    words: bool,
    /// A reference or a carriage return: the text needs decoding.
    special: bool,
}

/// How far [`Reader::next_markup`] looks word by word before it hands over to core's search.
const NEAR: usize = 64;

/// How far [`Reader::find_byte`] looks word by word before it hands over to core's search.
const FAR: usize = 256;

impl<'a> Reader<'a> {
    fn new(input: &'a str) -> Reader<'a> {
        let mut bindings = Vec::with_capacity(8);
        bindings.push(Binding {
            key: prefix_key(b"xml"),
            prefix: b"xml",
            ns: Ns::Other,
        });
        Reader {
            input,
            bytes: input.as_bytes(),
            pos: 0,
            // Sized from typical UBL (about 60 bytes per element, one attribute per five
            // elements) so that the vectors rarely grow.
            nodes: Vec::with_capacity(input.len() / 48 + 8),
            attrs: Vec::with_capacity(input.len() / 256 + 8),
            owned: Vec::new(),
            stack: Vec::with_capacity(32),
            bindings,
            resolved: [(LONG_PREFIX, Ns::Other); 2],
            root_done: false,
            skipped: Vec::with_capacity(8),
        }
    }

    /// The main loop: character data, then markup, until the end of the input. The position
    /// stays in a local; each kind of markup is read from its `<` and says where it ends.
    fn run(&mut self) -> Result<(), InputError> {
        let len = self.bytes.len();
        let mut pos = 0;
        // The character data after a start tag, when the start tag already looked for its end.
        let mut scanned = None;
        while pos < len {
            // Character data up to the next markup.
            let (next, seen) = match scanned.take() {
                Some(found) => found,
                None => self.next_markup(pos),
            };
            if next > pos {
                self.text(pos, next, seen)?;
            }
            pos = next;
            if pos >= len {
                break;
            }
            pos = match self.bytes.get(pos + 1) {
                Some(b'/') => self.end_tag(pos)?,
                Some(b'!') => self.declaration(pos)?,
                Some(b'?') => {
                    let end = self
                        .find_close(pos + 2, b"?>")
                        .ok_or_else(|| malformed(pos, "unclosed processing instruction"))?;
                    end + 2
                }
                _ => {
                    let (after, text) = self.start_tag(pos)?;
                    scanned = text;
                    after
                }
            };
        }
        if !self.stack.is_empty() {
            return Err(malformed(len, "unexpected end of input"));
        }
        Ok(())
    }

    /// A comment, a CDATA section or a (refused) declaration at `at` (`<!`): where it ends.
    fn declaration(&mut self, at: usize) -> Result<usize, InputError> {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"<!--") {
            let end = self
                .find_close(at + 4, b"-->")
                .ok_or_else(|| malformed(at, "unclosed comment"))?;
            return Ok(end + 3);
        }
        if rest.starts_with(b"<![CDATA[") {
            let Some(id) = self.stack.last().map(|o| o.id) else {
                return Err(malformed(at, "CDATA outside the root element"));
            };
            let end = self
                .find_close(at + 9, b"]]>")
                .ok_or_else(|| malformed(at, "unclosed CDATA section"))?;
            let (start, stop) = (at + 9, end);
            let content = &self.input[start..stop];
            if content.contains('\r') {
                self.append_owned(id, normalize_line_ends(content));
            } else {
                self.append_input(id, start, stop);
            }
            if let Some(open) = self.stack.last_mut() {
                open.has_text |= stop > start;
                open.words |= !content.bytes().all(is_ws);
            }
            return Ok(stop + 3);
        }
        if rest
            .get(2..9)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"DOCTYPE"))
        {
            return Err(InputError::Dtd);
        }
        Err(malformed(at, "unexpected markup declaration"))
    }

    /// The next `<` at or after `from` (or the end), and what the character data before it
    /// holds when that was noted. The usual runs are read here, small enough to be inlined
    /// into the main loop: indentation (a line feed, then spaces and tabs eight at a time)
    /// and short text within one word; anything else goes to [`Reader::next_markup_far`].
    #[inline(always)]
    fn next_markup(&self, from: usize) -> (usize, Option<TextSeen>) {
        let bytes = self.bytes;
        if bytes.get(from) == Some(&b'\n') {
            let mut at = from + 1;
            while let Some(word) = word_at(bytes, at) {
                if word != SPACES {
                    // The first byte that is not a space or a tab (some documents indent
                    // with tabs): markup ends the indentation here.
                    let blank = bytes_equal(word, b' ') | bytes_equal(word, b'\t');
                    if blank == HIGH_BITS {
                        at += 8;
                        continue;
                    }
                    at += first_flagged(!blank & HIGH_BITS);
                    if bytes.get(at) == Some(&b'<') {
                        return (at, Some(TextSeen::default()));
                    }
                    break;
                }
                at += 8;
            }
        } else {
            // Short text with words, free of references and carriage returns, before markup:
            // a leaf's value, mostly. Anything else is left to `next_markup_far`.
            let mut at = from;
            let mut words = 0;
            while at < from + NEAR
                && let Some(word) = word_at(bytes, at)
            {
                let lt = bytes_equal(word, b'<');
                let before = before_first(lt);
                // References and carriage returns are below '\'', as few bytes of a value
                // are (spaces): looked for only when there is one.
                let low = bytes_below(word, b'\'') & before;
                if low != 0 && (bytes_equal(word, b'&') | bytes_equal(word, b'\r')) & low != 0 {
                    break;
                }
                words |= !bytes_below(word, 0x21) & before & HIGH_BITS;
                if lt != 0 {
                    if words == 0 {
                        break;
                    }
                    let seen = TextSeen {
                        words: true,
                        special: false,
                    };
                    return (at + first_flagged(lt), Some(seen));
                }
                at += 8;
            }
        }
        self.next_markup_far(from)
    }

    /// [`Reader::next_markup`] for any run: indentation (a line feed and spaces and tabs) is
    /// skipped first; then a word-at-a-time loop over the short runs between tags, which also
    /// notes what the text holds; then core's search for long ones (attachments), which
    /// leaves that to [`Reader::text`].
    #[inline(never)]
    fn next_markup_far(&self, from: usize) -> (usize, Option<TextSeen>) {
        let bytes = self.bytes;
        let len = bytes.len();
        let mut at = from;
        let mut seen = TextSeen::default();
        if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') {
            seen.special = true;
            at += 1;
        }
        if bytes.get(at) == Some(&b'\n') {
            at += 1;
            while let Some(word) = word_at(bytes, at) {
                let blank = bytes_equal(word, b' ') | bytes_equal(word, b'\t');
                if blank != HIGH_BITS {
                    // The first byte that is not a space or a tab.
                    at += first_flagged(!blank & HIGH_BITS);
                    break;
                }
                at += 8;
            }
            while let Some(b' ' | b'\t') = bytes.get(at) {
                at += 1;
            }
            if bytes.get(at) == Some(&b'<') {
                return (at, Some(seen));
            }
        }
        // From here on, [from, at) is whitespace (`seen` tells whether it held a carriage
        // return).
        let near = (at + NEAR).min(len);
        while at + 8 <= near {
            let Some(word) = word_at(bytes, at) else {
                break;
            };
            let lt = bytes_equal(word, b'<');
            let before = before_first(lt) & HIGH_BITS;
            // Bytes above ' ' are words; '&' is a reference.
            let above_space = !bytes_below(word, 0x21) & HIGH_BITS & before;
            seen.words |= above_space != 0;
            seen.special |= bytes_equal(word, b'&') & before != 0;
            let low = bytes_below(word, 0x21) & before;
            if low != 0 {
                // Spaces, tabs, line ends, carriage returns (to decode), or control characters
                // (words, as far as this reader is concerned).
                let carriage = bytes_equal(word, b'\r') & low;
                seen.special |= carriage != 0;
                if !seen.words {
                    let blank = bytes_equal(word, b' ') | bytes_equal(word, b'\n') | carriage;
                    let blank = blank | bytes_equal(word, b'\t');
                    seen.words |= low & !blank != 0;
                }
            }
            if lt != 0 {
                return (at + first_flagged(lt), Some(seen));
            }
            at += 8;
        }
        for (i, &b) in bytes[at..near].iter().enumerate() {
            match b {
                b'<' => return (at + i, Some(seen)),
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

    /// Where `needle` (which ends with '>') next starts at or after `from` (just after ASCII).
    fn find_close(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let mut search = from;
        loop {
            let gt = self.find_byte(search, b'>')?;
            if let Some(start) = (gt + 1).checked_sub(needle.len())
                && start >= from
                && self.bytes.get(start..=gt) == Some(needle)
            {
                return Some(start);
            }
            search = gt + 1;
        }
    }

    /// Where the ASCII byte `needle` next occurs at or after `from` (just after ASCII): word by
    /// word over the first [`FAR`] bytes (comments and processing instructions are short), then
    /// core's search, which costs more to start than a short scan.
    #[inline]
    fn find_byte(&self, from: usize, needle: u8) -> Option<usize> {
        let bytes = self.bytes;
        let mut at = from;
        let far = from.saturating_add(FAR);
        while at < far
            && let Some(word) = word_at(bytes, at)
        {
            let found = bytes_equal(word, needle);
            if found != 0 {
                return Some(at + first_flagged(found));
            }
            at += 8;
        }
        // Back to the start of a character (the bytes passed over hold no `needle`).
        while at > from && !self.input.is_char_boundary(at) {
            at -= 1;
        }
        self.find_char(at, char::from(needle))
    }

    /// Where the ASCII character `needle` next occurs at or after `from` (a byte search).
    fn find_char(&self, from: usize, needle: char) -> Option<usize> {
        self.input.get(from..)?.find(needle).map(|i| from + i)
    }

    /// [`Reader::scan_name`] for the usual name, inlined: letters and the like (bytes from
    /// 'A' on), at most one colon inside, then a byte that ends names. `None` when the name is
    /// anything else (digits, '-', '.', refused bytes, errors), for `scan_name` to read.
    #[inline(always)]
    fn scan_plain_name(&self, from: usize) -> Option<(usize, Option<usize>)> {
        let bytes = self.bytes;
        let mut at = from;
        let mut colon: Option<usize> = None;
        loop {
            let word = word_at(bytes, at)?;
            // Only a byte below 'A' can end the name or be a colon.
            let low = bytes_below(word, b'A');
            if low == 0 {
                at += 8;
                continue;
            }
            let i = first_flagged(low);
            let end = at + i;
            let b = (word >> (8 * i)) as u8;
            if b == b':' && colon.is_none() && end != from {
                // The prefix ends here; the local name is read from the next byte on.
                colon = Some(end);
                at = end + 1;
                continue;
            }
            if NAME_CLASS[usize::from(b)] != NAME_END || end == from || colon == Some(end - 1) {
                return None;
            }
            return Some((end, colon));
        }
    }

    /// The name starting at `from`, checked (see [`NAME_CLASS`]): where it ends, and the
    /// position of its colon if it has one.
    #[inline(never)]
    fn scan_name(&self, from: usize) -> Result<(usize, Option<usize>), &'static str> {
        let bytes = self.bytes;
        let mut end = from;
        let mut colon = None;
        let mut colons = 0u32;
        let mut bad = false;
        'scan: {
            // Eight bytes at a time: only bytes below 'A' can end a name or be refused in one
            // (letters, '_' and non-ASCII bytes are the bulk of names); each is looked up.
            while let Some(word) = word_at(bytes, end) {
                let mut look = bytes_below(word, b'A');
                while look != 0 {
                    let i = first_flagged(look);
                    // The byte itself, shifted out of the word (no reload).
                    match NAME_CLASS[((word >> (8 * i)) & 0xFF) as usize] {
                        NAME_PART => {}
                        NAME_COLON => {
                            colons += 1;
                            colon.get_or_insert(end + i);
                        }
                        NAME_BAD => bad = true,
                        _ => {
                            end += i;
                            break 'scan;
                        }
                    }
                    look &= look - 1;
                }
                end += 8;
            }
            // Fewer than eight bytes left: one at a time.
            while let Some(&b) = bytes.get(end) {
                match NAME_CLASS[usize::from(b)] {
                    NAME_PART => {}
                    NAME_COLON => {
                        colons += 1;
                        colon.get_or_insert(end);
                    }
                    NAME_BAD => bad = true,
                    _ => break,
                }
                end += 1;
            }
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
        while self.bytes.get(self.pos).is_some_and(|&b| is_ws(b)) {
            self.pos += 1;
        }
    }

    /// The start tag at `at`: where it ends, and for an element left open, where the
    /// character data after it ends and what it holds ([`Reader::next_markup`]).
    ///
    /// A leaf (character data without references, then its own end tag) is read to its end
    /// at once and never opened.
    #[allow(clippy::type_complexity)]
    fn start_tag(
        &mut self,
        at: usize,
    ) -> Result<(usize, Option<(usize, Option<TextSeen>)>), InputError> {
        if self.root_done {
            return Err(malformed(at, "content after the root element"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(InputError::TooDeep);
        }
        let name_start = at + 1;
        let (name_end, colon) = match self.scan_plain_name(name_start) {
            Some(found) => found,
            None => self.scan_name(name_start).map_err(|m| malformed(at, m))?,
        };
        let attrs_start = self.attrs.len();
        let mut declared = 0u32;
        // Most elements have no attributes.
        let (pos, empty) = match self.bytes.get(name_end) {
            Some(b'>') => (name_end + 1, false),
            Some(b'/') if self.bytes.get(name_end + 1) == Some(&b'>') => (name_end + 2, true),
            _ => {
                self.pos = name_end;
                let empty = self.attributes(at, attrs_start, &mut declared)?;
                (self.pos, empty)
            }
        };
        let (prefix_len, local_start) = match colon {
            Some(c) => (c - name_start, c + 1),
            None => (0, name_start),
        };
        let key = self.prefix_key_at(name_start, prefix_len);
        let Some(ns) = self.resolve(key, name_start, prefix_len) else {
            return Err(malformed(at, "unknown namespace prefix"));
        };
        let local = &self.input[local_start..name_end];
        // Offsets, counts and ids all fit in u32: the input is shorter than u32::MAX bytes
        // (checked in `parse`), and every element and attribute takes at least one byte.
        let attrs_len = (self.attrs.len() - attrs_start) as u32;
        let id = self.nodes.len() as NodeId;
        let parent = match self.stack.last_mut() {
            Some(open) => {
                let prev = open.last_child;
                open.last_child = id;
                let parent = open.id;
                let linked = if prev == NONE {
                    self.nodes
                        .get_mut(parent as usize)
                        .map(|n| &mut n.first_child)
                } else {
                    self.nodes
                        .get_mut(prev as usize)
                        .map(|n| &mut n.next_sibling)
                };
                if let Some(link) = linked {
                    *link = id;
                }
                parent
            }
            None if self.nodes.is_empty() => NONE,
            None => return Err(malformed(at, "more than one root element")),
        };
        self.nodes.push(Node {
            ns,
            tag: Tag::of_padded(self.bytes.get(local_start..).unwrap_or(b""), local.len()),
            name: local,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            text: NO_TEXT,
            attrs_start: attrs_start as u32,
            attrs_len,
            offset: at as u32,
        });
        if empty {
            self.close(declared);
            return Ok((pos, None));
        }
        let (next, seen) = self.next_markup(pos);
        let bytes = self.bytes;
        let name_len = name_end - name_start;
        let after = next + 2 + name_len;
        if let Some(seen) = seen
            && !seen.special
            && bytes.get(next + 1) == Some(&b'/')
            && bytes.get(after) == Some(&b'>')
            && same_at(bytes, next + 2, name_start, name_len)
        {
            // A leaf: its character data (if any) is its whole text, as it is written (what
            // `text` would do with the first chunk of an element), and its end tag the one
            // `end_tag` reads without looking further.
            if next > pos
                && let Some(node) = self.nodes.last_mut()
            {
                node.text = Text::Input {
                    start: pos as u32,
                    len: (next - pos) as u32,
                };
            }
            self.close(declared);
            return Ok((after + 1, None));
        }
        self.stack.push(Open {
            id,
            name_start: name_start as u32,
            name_end: name_end as u32,
            last_child: NONE,
            bindings: declared,
            has_text: false,
            words: false,
        });
        Ok((pos, Some((next, seen))))
    }

    /// The end of an element that was not opened (empty, or a leaf read at once): its
    /// namespace declarations go out of scope.
    #[inline]
    fn close(&mut self, declared: u32) {
        if declared != 0 {
            self.bindings
                .truncate(self.bindings.len() - declared as usize);
            self.bindings_changed();
        }
        if self.stack.is_empty() {
            self.root_done = true;
        }
    }

    /// The namespace of the prefix with `key`, the `len` bytes at `start` (`None` when it is
    /// not bound). The last two answers are kept until the bindings change.
    #[inline]
    fn resolve(&mut self, key: u64, start: usize, len: usize) -> Option<Ns> {
        if key != LONG_PREFIX {
            if self.resolved[0].0 == key {
                return Some(self.resolved[0].1);
            }
            if self.resolved[1].0 == key {
                return Some(self.resolved[1].1);
            }
        }
        let prefix = self.bytes.get(start..start + len)?;
        let ns = match self
            .bindings
            .iter()
            .rev()
            .find(|b| b.key == key && (key != LONG_PREFIX || b.prefix == prefix))
        {
            Some(binding) => binding.ns,
            None if len == 0 => Ns::Other,
            None => return None,
        };
        if key != LONG_PREFIX {
            self.resolved = [(key, ns), self.resolved[0]];
        }
        Some(ns)
    }

    /// Forget [`Reader::resolve`]'s answers (the bindings changed).
    fn bindings_changed(&mut self) {
        self.resolved = [(LONG_PREFIX, Ns::Other); 2];
    }

    /// [`prefix_key`] of the `len` bytes at `start`, from one word load when it can.
    #[inline]
    fn prefix_key_at(&self, start: usize, len: usize) -> u64 {
        match word_at(self.bytes, start) {
            Some(word) if len <= 7 => {
                let mask = (1u64 << (8 * len)) - 1;
                (word & mask) | ((len as u64) << 56)
            }
            _ => prefix_key(self.bytes.get(start..start + len).unwrap_or(b"")),
        }
    }

    /// The attributes of the start tag at `at`, from `self.pos` (just after its name) to its
    /// end: whether the element is empty (`/>`). Kept attributes go to the arena from
    /// `attrs_start` on, namespace declarations to the bindings (counted in `declared`), so
    /// that they apply to the element's own name.
    fn attributes(
        &mut self,
        at: usize,
        attrs_start: usize,
        declared: &mut u32,
    ) -> Result<bool, InputError> {
        self.skipped.clear();
        loop {
            let had_ws = self.bytes.get(self.pos).is_some_and(|&b| is_ws(b));
            self.skip_ws();
            match self.bytes.get(self.pos) {
                None => return Err(malformed(at, "unclosed start tag")),
                Some(b'>') => {
                    self.pos += 1;
                    return Ok(false);
                }
                Some(b'/') => {
                    if self.bytes.get(self.pos + 1) != Some(&b'>') {
                        return Err(malformed(self.pos, "expected '>' after '/'"));
                    }
                    self.pos += 2;
                    return Ok(true);
                }
                Some(_) if !had_ws => {
                    return Err(malformed(
                        self.pos,
                        "expected whitespace before an attribute",
                    ));
                }
                Some(_) => {
                    let (key, prefixed, value) = self.attribute()?;
                    let kept = self.attrs.get(attrs_start..).unwrap_or(&[]);
                    if kept.iter().any(|a| same(a.name, key))
                        || self.skipped.iter().any(|k| same(k, key))
                    {
                        return Err(malformed(at, "duplicate attribute"));
                    }
                    let xmlns = key.starts_with("xmlns");
                    if xmlns && (key.len() == 5 || key.as_bytes()[5] == b':') {
                        let prefix = key.get(6..).unwrap_or("");
                        if key.len() > 6 && prefix.is_empty() {
                            return Err(malformed(at, "empty namespace prefix"));
                        }
                        if !prefix.is_empty() && value.is_empty() {
                            return Err(malformed(at, "a namespace prefix bound to nothing"));
                        }
                        if prefix == "xml" && value != NS_XML {
                            return Err(malformed(at, "the xml prefix rebound"));
                        }
                        self.bindings.push(Binding {
                            key: prefix_key(prefix.as_bytes()),
                            prefix: prefix.as_bytes(),
                            ns: Ns::from_uri(&value),
                        });
                        *declared += 1;
                        self.bindings_changed();
                    }
                    // Only unprefixed attributes are kept; namespace declarations are not
                    // attributes to the rules.
                    if prefixed || xmlns {
                        self.skipped.push(key);
                    } else {
                        self.attrs.push(Attr { name: key, value });
                    }
                }
            }
        }
    }

    /// One `name = "value"` at `self.pos`: the name, whether it is prefixed, and the value.
    fn attribute(&mut self) -> Result<(&'a str, bool, Cow<'a, str>), InputError> {
        let at = self.pos;
        let (end, colon) = match self.scan_plain_name(at) {
            Some(found) => found,
            None => self.scan_name(at).map_err(|m| malformed(at, m))?,
        };
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
        let (stop, seen) = self
            .value_end(start, quote)
            .ok_or_else(|| malformed(at, "unclosed attribute value"))?;
        self.pos = stop + 1;
        if seen.lt {
            return Err(malformed(at, "'<' in an attribute value"));
        }
        let raw = &self.input[start..stop];
        if !seen.special {
            return Ok((key, colon.is_some(), Cow::Borrowed(raw)));
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
        Ok((key, colon.is_some(), Cow::Owned(value)))
    }

    /// The closing `quote` of the attribute value starting at `from`, and what the value holds.
    fn value_end(&self, from: usize, quote: u8) -> Option<(usize, ValueSeen)> {
        let bytes = self.bytes;
        let mut seen = ValueSeen::default();
        let mut at = from;
        while let Some(word) = word_at(bytes, at) {
            let quotes = bytes_equal(word, quote);
            let before = before_first(quotes) & HIGH_BITS;
            seen.lt |= bytes_equal(word, b'<') & before != 0;
            seen.special |= bytes_equal(word, b'&') & before != 0;
            if bytes_below(word, 0x20) & before != 0 {
                // A tab or a line end, or another control character (kept as it is).
                let blank =
                    bytes_equal(word, b'\t') | bytes_equal(word, b'\n') | bytes_equal(word, b'\r');
                seen.special |= blank & before != 0;
            }
            if quotes != 0 {
                return Some((at + first_flagged(quotes), seen));
            }
            at += 8;
        }
        for (i, &b) in bytes.get(at..)?.iter().enumerate() {
            match b {
                _ if b == quote => return Some((at + i, seen)),
                b'<' => seen.lt = true,
                b'&' | b'\t' | b'\n' | b'\r' => seen.special = true,
                _ => {}
            }
        }
        None
    }

    /// The end tag at `at`: where it ends.
    fn end_tag(&mut self, at: usize) -> Result<usize, InputError> {
        let name_start = at + 2;
        let bytes = self.bytes;
        // Almost always `</name>` with the open element's name: compared in place.
        if let Some(open) = self.stack.last() {
            let len = (open.name_end - open.name_start) as usize;
            let after = name_start + len;
            if bytes.get(after) == Some(&b'>')
                && same_at(bytes, name_start, open.name_start as usize, len)
            {
                let declared = open.bindings as usize;
                self.stack.pop();
                if declared != 0 {
                    self.bindings.truncate(self.bindings.len() - declared);
                    self.bindings_changed();
                }
                if self.stack.is_empty() {
                    self.root_done = true;
                }
                return Ok(after + 1);
            }
        }
        // Anything else the long way: the name may be followed by whitespace, or not match.
        let open_name = self
            .stack
            .last()
            .map_or(0..0, |o| o.name_start as usize..o.name_end as usize);
        let after = name_start + open_name.len();
        let matched = !open_name.is_empty()
            && same_at(bytes, name_start, open_name.start, open_name.len())
            && bytes.get(after).is_none_or(|&b| ends_name(b));
        let name_end = if matched {
            after
        } else {
            self.name_end(name_start)
        };
        self.pos = name_end;
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'>') {
            return Err(malformed(at, "malformed end tag"));
        }
        self.pos += 1;
        let Some(open) = self.stack.pop() else {
            return Err(malformed(at, "end tag without a start tag"));
        };
        if !matched
            && bytes.get(name_start..name_end)
                != bytes.get(open.name_start as usize..open.name_end as usize)
        {
            return Err(malformed(at, "end tag does not match the start tag"));
        }
        if open.bindings != 0 {
            self.bindings
                .truncate(self.bindings.len() - open.bindings as usize);
            self.bindings_changed();
        }
        if self.stack.is_empty() {
            self.root_done = true;
        }
        Ok(self.pos)
    }

    /// Character data from `start` to `stop` (no markup inside); `seen` is what
    /// [`Reader::next_markup`] noted about it, when it looked.
    fn text(
        &mut self,
        start: usize,
        stop: usize,
        seen: Option<TextSeen>,
    ) -> Result<(), InputError> {
        let input = self.input;
        let chunk = || input.get(start..stop).unwrap_or("");
        let whitespace = seen.map_or_else(|| chunk().bytes().all(is_ws), |s| !s.words);
        let Some(open) = self.stack.last_mut() else {
            if whitespace {
                return Ok(());
            }
            return Err(malformed(start, "text outside the root element"));
        };
        let id = open.id;
        // Chunks are never empty: the element has text from here on.
        let had_text = std::mem::replace(&mut open.has_text, true);
        if whitespace {
            // Whitespace between child elements: kept when the element has no text yet (its
            // first chunk), or joined to text with words. Later whitespace after whitespace
            // changes no trimmed or normalized value.
            if open.words {
                self.append_str(id, &input[start..stop]);
            } else if !had_text {
                self.append_input(id, start, stop);
            }
            return Ok(());
        }
        // Two word-wise searches beat one byte loop on long texts (attachments).
        let special = seen.map_or_else(
            || {
                let chunk = chunk();
                chunk.contains('&') || chunk.contains('\r')
            },
            |s| s.special,
        );
        if !special {
            open.words = true;
            self.append_input(id, start, stop);
            return Ok(());
        }
        let decoded = self.decode_text(start, stop)?;
        // A reference may stand for whitespace.
        if !decoded.bytes().all(is_ws)
            && let Some(open) = self.stack.last_mut()
        {
            open.words = true;
        }
        self.append_owned(id, decoded);
        Ok(())
    }

    /// Character data from `start` to `stop` with references resolved and line ends
    /// normalized.
    fn decode_text(&self, start: usize, stop: usize) -> Result<String, InputError> {
        let chunk = &self.input[start..stop];
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
        Ok(decoded)
    }

    fn text_is_empty(&self, id: NodeId) -> bool {
        matches!(
            self.nodes.get(id as usize).map(|n| n.text),
            Some(Text::Input { len: 0, .. })
        )
    }

    /// Add `start..stop` of the input to the text of element `id`.
    fn append_input(&mut self, id: NodeId, start: usize, stop: usize) {
        let Some(node) = self.nodes.get_mut(id as usize) else {
            return;
        };
        match node.text {
            Text::Input { len: 0, .. } => {
                node.text = Text::Input {
                    start: u32::try_from(start).unwrap_or(0),
                    len: u32::try_from(stop - start).unwrap_or(0),
                };
            }
            _ => {
                let input = self.input;
                self.append_str(id, &input[start..stop]);
            }
        }
    }

    /// Add decoded text to the text of element `id`, which then lives in `owned`.
    fn append_owned(&mut self, id: NodeId, piece: String) {
        if self.text_is_empty(id)
            && let Some(node) = self.nodes.get_mut(id as usize)
        {
            // The first text: stored as it is, without a copy.
            node.text = Text::Owned(u32::try_from(self.owned.len()).unwrap_or(u32::MAX));
            self.owned.push(piece);
        } else {
            self.append_str(id, &piece);
        }
    }

    /// Add `piece` to the text of element `id`, which then lives in `owned`.
    fn append_str(&mut self, id: NodeId, piece: &str) {
        let Some(node) = self.nodes.get_mut(id as usize) else {
            return;
        };
        match node.text {
            Text::Owned(i) => {
                if let Some(s) = self.owned.get_mut(i as usize) {
                    s.push_str(piece);
                }
            }
            Text::Input { start, len } => {
                let mut s = String::with_capacity(len as usize + piece.len());
                s.push_str(&self.input[start as usize..start as usize + len as usize]);
                s.push_str(piece);
                node.text = Text::Owned(u32::try_from(self.owned.len()).unwrap_or(u32::MAX));
                self.owned.push(s);
            }
        }
    }
}

/// What an attribute value holds, noted while looking for its end.
#[derive(Debug, Clone, Copy, Default)]
struct ValueSeen {
    /// A '<' (refused).
    lt: bool,
    /// A reference or a whitespace character other than space: the value needs normalizing.
    special: bool,
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

    /// Rebinding a prefix, and its going out of scope, are seen by the next lookups (the
    /// reader keeps its last answers until the bindings change).
    #[test]
    fn rebound_prefixes_resolve_anew() {
        let xml = format!(
            "<Invoice xmlns=\"{NS_INVOICE}\" xmlns:x=\"{NS_CBC}\" xmlns:longprefix=\"{NS_CAC}\">\
             <x:A/><longprefix:B/>\
             <x:C xmlns:x=\"{NS_CAC}\"><x:D/><E xmlns=\"{NS_EXT}\"/><E/></x:C>\
             <x:F/><longprefix:G xmlns:longprefix=\"{NS_CBC}\"/><longprefix:H/>\
             <x:I xmlns:x=\"{NS_SBDH}\"/><x:J/></Invoice>"
        );
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        let all: Vec<(String, Ns)> = (1..doc.len() as NodeId)
            .map(|i| (doc.node(i).name.to_owned(), doc.node(i).ns))
            .collect();
        let expected = [
            ("A", Ns::Cbc),
            ("B", Ns::Cac),
            ("C", Ns::Cac),
            ("D", Ns::Cac),
            ("E", Ns::Ext),
            ("E", Ns::Invoice),
            ("F", Ns::Cbc),
            ("G", Ns::Cbc),
            ("H", Ns::Cac),
            ("I", Ns::Sbdh),
            ("J", Ns::Cbc),
        ];
        let expected: Vec<(String, Ns)> =
            expected.iter().map(|&(n, ns)| (n.to_owned(), ns)).collect();
        assert_eq!(all, expected);
    }

    /// The batch `lines` and `locations` agree with counting one element at a time, in any
    /// order of the ids.
    #[test]
    fn batch_lines_and_locations_match_single_ones() {
        let mut xml = String::from(INV.trim_end_matches("</Invoice>"));
        for i in 0..150 {
            xml.push_str(&format!("\n <cac:InvoiceLine><cbc:ID>{i}</cbc:ID><cbc:Note/><cbc:ID/></cac:InvoiceLine><x{}/>", i % 40));
        }
        xml.push_str("\n</Invoice>");
        let doc = Doc::parse(xml.as_bytes()).expect("parses");
        let forward: Vec<NodeId> = doc.all().collect();
        let mut shuffled = forward.clone();
        shuffled.reverse();
        shuffled.rotate_left(7);
        for ids in [forward, shuffled] {
            let single_lines: Vec<usize> = ids
                .iter()
                .map(|&id| 1 + xml[..doc.node(id).offset as usize].matches('\n').count())
                .collect();
            assert_eq!(doc.lines(&ids), single_lines);
            let locations = doc.locations(&ids);
            for (&id, location) in ids.iter().zip(&locations) {
                assert_eq!(*location, doc.location(id));
                // The ordinal counts the same names before the element.
                let n = doc.node(id);
                if n.parent != NONE && id != doc.root() {
                    let same = doc
                        .children(n.parent)
                        .take_while(|&c| c != id)
                        .filter(|&c| doc.node(c).name == n.name && doc.node(c).ns == n.ns)
                        .count();
                    assert!(location.ends_with(&format!("{}[{}]", n.name, same + 1)));
                }
            }
        }
        assert_eq!(count_newlines(&[b'\n'; 1000]), 1000);
        assert_eq!(count_newlines(b"a\nb\n"), 2);
    }

    #[test]
    fn same_at_compares_in_place() {
        let bytes = b"cbc:IssueDate>cbc:IssueDate>cbc:IssueDatX>abc";
        assert!(same_at(bytes, 0, 14, 13));
        assert!(!same_at(bytes, 0, 28, 13));
        assert!(same_at(bytes, 0, 28, 12));
        // Near the end of the input, and past it.
        assert!(same_at(bytes, 42, 42, 3));
        assert!(!same_at(bytes, 42, 0, 3));
        assert!(!same_at(bytes, 42, 42, 4));
        assert!(same_at(bytes, 3, 3, 0));
    }

    /// `same_at`'s word compares against slice equality, near the end of the input too.
    #[test]
    fn same_at_matches_slice_equality() {
        use proptest::prelude::*;
        let bytes = prop::collection::vec(prop::sample::select(vec![b'a', b'b', b':']), 0..40);
        proptest!(|(bytes in bytes, a in 0usize..44, b in 0usize..44, len in 0usize..30)| {
            let expected = matches!(
                (bytes.get(a..a + len), bytes.get(b..b + len)),
                (Some(x), Some(y)) if x == y
            );
            prop_assert_eq!(same_at(&bytes, a, b, len), expected);
        });
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

    /// `find_byte`'s word-at-a-time start against a plain byte search, from any character
    /// boundary, with the byte near and far (past the word scan) and absent.
    #[test]
    fn byte_search_matches_a_byte_loop() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![">", "-", "a", "é", "€", "\u{1F600}", " "]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..400), from in 0usize..40)| {
            let input: String = pieces.concat();
            let reader = Reader::new(&input);
            let from = (0..=from.min(input.len())).rev().find(|&i| input.is_char_boundary(i)).unwrap_or(0);
            let expected = input.as_bytes()[from..].iter().position(|&b| b == b'>').map(|i| from + i);
            prop_assert_eq!(reader.find_byte(from, b'>'), expected);
        });
    }

    /// `value_end`'s word-at-a-time scan against a byte loop: where the value ends, and what
    /// it holds before its quote.
    #[test]
    fn value_scan_matches_a_byte_loop() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            "\"", "'", "<", "&", "\t", "\n", "\r", " ", "\u{1}", "a", "0", "#", "é", "€",
        ]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..60), double in any::<bool>())| {
            let input: String = pieces.concat();
            let quote = if double { b'"' } else { b'\'' };
            let reader = Reader::new(&input);
            let expected = input.bytes().position(|b| b == quote).map(|end| {
                let value = &input.as_bytes()[..end];
                let seen = ValueSeen {
                    lt: value.contains(&b'<'),
                    special: value.iter().any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r')),
                };
                (end, seen)
            });
            let found = reader.value_end(0, quote);
            prop_assert_eq!(
                found.map(|(end, seen)| (end, seen.lt, seen.special)),
                expected.map(|(end, seen)| (end, seen.lt, seen.special))
            );
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
            // The inlined scan decides the usual names exactly as the full one.
            if let Some(plain) = reader.scan_plain_name(0) {
                prop_assert_eq!(Ok(plain), reader.scan_name(0));
            }
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

    /// `norm`'s fast path for texts without whitespace against `normalize_space`.
    #[test]
    fn norm_matches_normalize_space() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec!["a", "1", " ", "\t", "\n", "é", "&amp;", "&#13;"]);
        proptest!(|(pieces in prop::collection::vec(alphabet, 0..12))| {
            let text: String = pieces.concat();
            let xml = format!(
                "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">{text}</Invoice>"
            );
            let doc = Doc::parse(xml.as_bytes()).expect("parses");
            let root = doc.root();
            prop_assert_eq!(doc.norm(root), normalize_space(doc.raw(root)));
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
