//! Fonts as far as reading text needs them: how a shown string splits into character codes,
//! what text each code stands for, and how far each glyph advances.
//!
//! Simple fonts (Type1, TrueType, Type3) use one byte per code, decoded through `/ToUnicode`
//! when present, else `/Encoding` (a base encoding plus `/Differences` glyph names). Type0
//! (composite) fonts use the code lengths of their CMap (two bytes for `Identity-H`/`-V`) and
//! `/ToUnicode`. Widths come from `/Widths` or `/W`, else from the standard 14 metrics.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object};

use super::glyphs::{BaseEncoding, StdFamily, glyph_name_to_text};

/// Most bytes of a font program's CMap stream we decode.
const MAX_CMAP_BYTES: usize = 4 * 1024 * 1024;
/// Most mappings kept from one CMap.
const MAX_CMAP_ENTRIES: usize = 200_000;

/// One glyph of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// The text it stands for; `None` when the font says nothing usable.
    pub(crate) text: Option<String>,
    /// Advance width in text space units per unit of font size (thousandths / 1000).
    pub(crate) width: f32,
    /// A single-byte code 32, to which word spacing applies.
    pub(crate) is_space_code: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Font {
    composite: bool,
    /// Code lengths in bytes, from the codespace ranges (composite fonts).
    codespace: Vec<(usize, u32, u32)>,
    to_unicode: Option<CMap>,
    /// Simple fonts: code → text from the encoding.
    encoding: Option<Vec<Option<String>>>,
    /// Simple fonts: `/FirstChar` and `/Widths`.
    first_char: u32,
    widths: Vec<f32>,
    missing_width: f32,
    /// Composite fonts: `/W` entries as (first, last, width) and `/DW`.
    cid_widths: Vec<(u32, u32, f32)>,
    default_width: f32,
    /// Type3: glyph space to text space.
    width_scale: f32,
    family: StdFamily,
}

impl Font {
    /// A font that decodes bytes as WinAnsi with Helvetica widths: used when `Tf` names a font
    /// the resources do not have.
    pub(crate) fn fallback() -> Font {
        Font {
            composite: false,
            codespace: Vec::new(),
            to_unicode: None,
            encoding: Some(encoding_table(BaseEncoding::WinAnsi, &[])),
            first_char: 0,
            widths: Vec::new(),
            missing_width: 0.0,
            cid_widths: Vec::new(),
            default_width: 1000.0,
            width_scale: 0.001,
            family: StdFamily::Helvetica,
        }
    }

    pub(crate) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name_of(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let base_font = name_of(doc, dict.get(b"BaseFont").ok()).unwrap_or_default();
        let family = StdFamily::from_base_font(&String::from_utf8_lossy(&base_font));
        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.get_plain_content_with_limit(MAX_CMAP_BYTES).ok())
            .map(|bytes| CMap::parse(&bytes))
            .filter(|cmap| !cmap.is_empty());
        if subtype == b"Type0" {
            return Font::load_composite(doc, dict, to_unicode, family);
        }
        let encoding = Some(simple_encoding(doc, dict, &subtype));
        let first_char = deref(doc, dict.get(b"FirstChar").ok())
            .and_then(number)
            .map_or(0, |n| n.max(0.0) as u32);
        let widths: Vec<f32> = deref(doc, dict.get(b"Widths").ok())
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .take(256)
                    .map(|w| deref(doc, Some(w)).and_then(number).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let missing_width = deref(doc, dict.get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
            .and_then(number)
            .unwrap_or(0.0);
        let width_scale = if subtype == b"Type3" {
            deref(doc, dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(number)
                .map_or(0.001, |v| v.abs().min(1.0))
        } else {
            0.001
        };
        Font {
            composite: false,
            codespace: Vec::new(),
            to_unicode,
            encoding,
            first_char,
            widths,
            missing_width,
            cid_widths: Vec::new(),
            default_width: 1000.0,
            width_scale,
            family,
        }
    }

    fn load_composite(
        doc: &Document,
        dict: &Dictionary,
        to_unicode: Option<CMap>,
        family: StdFamily,
    ) -> Font {
        // Code lengths: an embedded CMap's codespace, else two bytes (Identity-H/V and the
        // common predefined Unicode CMaps), else what the ToUnicode CMap declares.
        let mut codespace = Vec::new();
        if let Some(stream) =
            deref(doc, dict.get(b"Encoding").ok()).and_then(|o| o.as_stream().ok())
            && let Ok(bytes) = stream.get_plain_content_with_limit(MAX_CMAP_BYTES)
        {
            codespace = CMap::parse(&bytes).codespace;
        }
        if codespace.is_empty()
            && let Some(cmap) = &to_unicode
            && name_of(doc, dict.get(b"Encoding").ok()).is_none()
        {
            codespace.clone_from(&cmap.codespace);
        }
        if codespace.is_empty() {
            codespace.push((2, 0, 0xFFFF));
        }
        let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, Some(o)))
            .and_then(|o| o.as_dict().ok());
        let mut cid_widths = Vec::new();
        let mut default_width = 1000.0;
        if let Some(desc) = descendant {
            if let Some(dw) = deref(doc, desc.get(b"DW").ok()).and_then(number) {
                default_width = dw;
            }
            if let Some(w) = deref(doc, desc.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
                cid_widths = parse_w_array(doc, w);
            }
        }
        Font {
            composite: true,
            codespace,
            to_unicode,
            encoding: None,
            first_char: 0,
            widths: Vec::new(),
            missing_width: 0.0,
            cid_widths,
            default_width,
            width_scale: 0.001,
            family,
        }
    }

    /// Splits a shown string into glyphs.
    pub(crate) fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = if self.composite {
                self.code_length(bytes.get(i..).unwrap_or_default())
            } else {
                1
            };
            let end = (i + len).min(bytes.len());
            let code = bytes
                .get(i..end)
                .unwrap_or_default()
                .iter()
                .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            let code_len = end - i;
            out.push(self.glyph(code, code_len));
            i = end.max(i + 1);
        }
        out
    }

    fn code_length(&self, rest: &[u8]) -> usize {
        for &(len, lo, hi) in &self.codespace {
            if rest.len() >= len {
                let code = rest
                    .get(..len)
                    .unwrap_or_default()
                    .iter()
                    .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
                if (lo..=hi).contains(&code) {
                    return len;
                }
            }
        }
        self.codespace.first().map_or(2, |c| c.0).max(1)
    }

    fn glyph(&self, code: u32, code_len: usize) -> Glyph {
        let mut text = self
            .to_unicode
            .as_ref()
            .and_then(|cmap| cmap.lookup(code, code_len));
        if text.is_none()
            && let Some(encoding) = &self.encoding
        {
            text = encoding
                .get(usize::try_from(code).unwrap_or(usize::MAX))
                .cloned()
                .flatten();
        }
        let width = if self.composite {
            let w = self
                .cid_widths
                .iter()
                .find(|(first, last, _)| (*first..=*last).contains(&code))
                .map_or(self.default_width, |(_, _, w)| *w);
            w * self.width_scale
        } else {
            let index = code.checked_sub(self.first_char).map(|i| i as usize);
            match index.and_then(|i| self.widths.get(i)) {
                Some(w) if *w > 0.0 => w * self.width_scale,
                _ if !self.widths.is_empty() && self.missing_width > 0.0 => {
                    self.missing_width * self.width_scale
                }
                _ => {
                    let c = text
                        .as_deref()
                        .and_then(|t| t.chars().next())
                        .unwrap_or('0');
                    self.family.width(c) / 1000.0
                }
            }
        };
        Glyph {
            text,
            width,
            is_space_code: !self.composite && code == 32,
        }
    }
}

/// The code → text table of a simple font.
fn simple_encoding(doc: &Document, dict: &Dictionary, subtype: &[u8]) -> Vec<Option<String>> {
    // Without /Encoding, a Type1 font uses its built-in encoding (Standard for the standard
    // fonts); a TrueType font is in practice WinAnsi.
    let default_base = if subtype == b"TrueType" {
        BaseEncoding::WinAnsi
    } else {
        BaseEncoding::Standard
    };
    match deref(doc, dict.get(b"Encoding").ok()) {
        Some(Object::Name(name)) => {
            encoding_table(BaseEncoding::from_name(name).unwrap_or(default_base), &[])
        }
        Some(Object::Dictionary(enc)) => {
            let base = name_of(doc, enc.get(b"BaseEncoding").ok())
                .and_then(|n| BaseEncoding::from_name(&n))
                .unwrap_or(default_base);
            let differences = deref(doc, enc.get(b"Differences").ok())
                .and_then(|o| o.as_array().ok())
                .map(|a| a.as_slice())
                .unwrap_or_default();
            encoding_table(base, differences)
        }
        _ => encoding_table(default_base, &[]),
    }
}

fn encoding_table(base: BaseEncoding, differences: &[Object]) -> Vec<Option<String>> {
    let mut table: Vec<Option<String>> = (0..=255u8)
        .map(|b| base.decode(b).map(String::from))
        .collect();
    let mut code: usize = 0;
    for item in differences {
        match item {
            Object::Integer(n) => code = usize::try_from(*n).unwrap_or(usize::MAX),
            Object::Real(n) => code = n.max(0.0) as usize,
            Object::Name(name) => {
                if let Some(slot) = table.get_mut(code) {
                    let name = String::from_utf8_lossy(name);
                    *slot = glyph_name_to_text(&name);
                }
                code = code.saturating_add(1);
            }
            _ => {}
        }
    }
    table
}

/// `/W [c [w1 w2 ...] cfirst clast w ...]`.
fn parse_w_array(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() && out.len() < MAX_CMAP_ENTRIES {
        let first = w.get(i).and_then(|o| deref(doc, Some(o))).and_then(number);
        let next = w.get(i + 1).and_then(|o| deref(doc, Some(o)));
        match (first, next) {
            (Some(first), Some(Object::Array(ws))) => {
                let first = first.max(0.0) as u32;
                for (k, wv) in ws.iter().enumerate().take(MAX_CMAP_ENTRIES) {
                    if let Some(width) = number(wv) {
                        let cid = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                        out.push((cid, cid, width));
                    }
                }
                i += 2;
            }
            (Some(first), Some(last)) => {
                let width = w
                    .get(i + 2)
                    .and_then(|o| deref(doc, Some(o)))
                    .and_then(number);
                if let (Some(last), Some(width)) = (number(last), width) {
                    out.push((first.max(0.0) as u32, last.max(0.0) as u32, width));
                }
                i += 3;
            }
            _ => break,
        }
    }
    out
}

/// Follows a reference (a few levels at most).
pub(crate) fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    let mut current = object?;
    for _ in 0..8 {
        match current {
            Object::Reference(id) => current = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

pub(crate) fn name_of(doc: &Document, object: Option<&Object>) -> Option<Vec<u8>> {
    match deref(doc, object)? {
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

pub(crate) fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// What a `bfrange` maps to.
#[derive(Debug, Clone)]
enum RangeTarget {
    /// The first code's UTF-16 units; later codes increment the last unit.
    Start(Vec<u16>),
    /// One destination per code.
    Each(Vec<String>),
}

/// A CMap as far as text extraction needs it: codespace ranges and `bfchar`/`bfrange`.
#[derive(Debug, Clone, Default)]
pub(crate) struct CMap {
    /// (code length in bytes, low, high).
    codespace: Vec<(usize, u32, u32)>,
    chars: HashMap<(usize, u32), String>,
    /// Keyed by (code length, low): (high, target).
    ranges: BTreeMap<(usize, u32), (u32, RangeTarget)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Name(String),
    Keyword(String),
    Number,
    ArrayStart,
    ArrayEnd,
    Other,
}

impl CMap {
    fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Reads a CMap program; whatever cannot be understood is skipped.
    pub(crate) fn parse(bytes: &[u8]) -> CMap {
        let tokens = tokenize(bytes);
        let mut cmap = CMap::default();
        let mut i = 0;
        let mut entries = 0usize;
        while i < tokens.len() && entries < MAX_CMAP_ENTRIES {
            match tokens.get(i) {
                Some(Token::Keyword(k)) if k == "begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if (1..=4).contains(&lo.len()) && lo.len() == hi.len() {
                            cmap.codespace.push((lo.len(), be(lo), be(hi)));
                        }
                        i += 2;
                    }
                }
                Some(Token::Keyword(k)) if k == "beginbfchar" => {
                    i += 1;
                    loop {
                        match (tokens.get(i), tokens.get(i + 1)) {
                            (Some(Token::Hex(src)), Some(Token::Hex(dst)))
                                if (1..=4).contains(&src.len()) =>
                            {
                                cmap.chars.insert((src.len(), be(src)), utf16(dst));
                                entries += 1;
                            }
                            (Some(Token::Hex(src)), Some(Token::Name(name)))
                                if (1..=4).contains(&src.len()) =>
                            {
                                if let Some(text) = glyph_name_to_text(name) {
                                    cmap.chars.insert((src.len(), be(src)), text);
                                    entries += 1;
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                Some(Token::Keyword(k)) if k == "beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let valid = (1..=4).contains(&lo.len()) && lo.len() == hi.len();
                        let (lo_v, hi_v) = (be(lo), be(hi));
                        match tokens.get(i + 2) {
                            Some(Token::Hex(dst)) => {
                                if valid && lo_v <= hi_v {
                                    let units = utf16_units(dst);
                                    cmap.ranges.insert(
                                        (lo.len(), lo_v),
                                        (hi_v, RangeTarget::Start(units)),
                                    );
                                    entries += 1;
                                }
                                i += 3;
                            }
                            Some(Token::ArrayStart) => {
                                let mut j = i + 3;
                                let mut each = Vec::new();
                                while let Some(Token::Hex(dst)) = tokens.get(j) {
                                    if each.len() < MAX_CMAP_ENTRIES {
                                        each.push(utf16(dst));
                                    }
                                    j += 1;
                                }
                                if matches!(tokens.get(j), Some(Token::ArrayEnd)) {
                                    j += 1;
                                }
                                if valid && lo_v <= hi_v {
                                    entries += each.len();
                                    cmap.ranges
                                        .insert((lo.len(), lo_v), (hi_v, RangeTarget::Each(each)));
                                }
                                i = j;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        cmap
    }

    fn lookup(&self, code: u32, code_len: usize) -> Option<String> {
        if let Some(text) = self.chars.get(&(code_len, code)) {
            return Some(text.clone());
        }
        let ((len, lo), (hi, target)) = self.ranges.range(..=(code_len, code)).next_back()?;
        if *len != code_len || code > *hi {
            return None;
        }
        let offset = code - lo;
        match target {
            RangeTarget::Start(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = u16::try_from(u32::from(*last).checked_add(offset)?).ok()?;
                let text: String = char::decode_utf16(units).filter_map(Result::ok).collect();
                Some(text)
            }
            RangeTarget::Each(each) => each.get(usize::try_from(offset).ok()?).cloned(),
        }
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    char::decode_utf16(utf16_units(bytes))
        .filter_map(Result::ok)
        .filter(|c| *c != '\0')
        .collect()
}

fn tokenize(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() && out.len() < MAX_CMAP_ENTRIES * 4 {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'%' => {
                while i < bytes.len() && !matches!(bytes.get(i), Some(b'\n' | b'\r')) {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                out.push(Token::Other);
                i += 2;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                out.push(Token::Other);
                i += 2;
            }
            b'<' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes.get(j) != Some(&b'>') {
                    j += 1;
                }
                let hex: Vec<u8> = bytes
                    .get(start..j)
                    .unwrap_or_default()
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let mut value = Vec::with_capacity(hex.len() / 2 + 1);
                for pair in hex.chunks(2) {
                    let hi = hex_val(pair.first().copied().unwrap_or(b'0'));
                    let lo = hex_val(pair.get(1).copied().unwrap_or(b'0'));
                    value.push((hi << 4) | lo);
                }
                out.push(Token::Hex(value));
                i = j + 1;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings are skipped (nesting and escapes respected).
                let mut depth = 0usize;
                while i < bytes.len() {
                    match bytes.get(i) {
                        Some(b'\\') => i += 1,
                        Some(b'(') => depth += 1,
                        Some(b')') => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                out.push(Token::Other);
            }
            b'/' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && !is_delimiter(bytes.get(j).copied().unwrap_or(b' ')) {
                    j += 1;
                }
                let name = String::from_utf8_lossy(bytes.get(start..j).unwrap_or_default());
                out.push(Token::Name(name.into_owned()));
                i = j.max(i + 1);
            }
            c if c.is_ascii_whitespace() || c == 0 => i += 1,
            _ => {
                let start = i;
                let mut j = i;
                while j < bytes.len() && !is_delimiter(bytes.get(j).copied().unwrap_or(b' ')) {
                    j += 1;
                }
                let word = bytes.get(start..j).unwrap_or_default();
                if word.is_empty() {
                    out.push(Token::Other);
                    i += 1;
                    continue;
                }
                if word
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.'))
                {
                    out.push(Token::Number);
                } else {
                    out.push(Token::Keyword(String::from_utf8_lossy(word).into_owned()));
                }
                i = j;
            }
        }
    }
    out
}

fn is_delimiter(c: u8) -> bool {
    c.is_ascii_whitespace()
        || matches!(
            c,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' | 0
        )
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_cmap() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0010> <00F8> endbfchar\n\
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00E5> <00C6>] endbfrange\n\
              endcmap",
        );
        assert_eq!(cmap.lookup(0x0003, 2).as_deref(), Some(" "));
        assert_eq!(cmap.lookup(0x0010, 2).as_deref(), Some("ø"));
        assert_eq!(cmap.lookup(0x0021, 2).as_deref(), Some("B"));
        assert_eq!(cmap.lookup(0x0031, 2).as_deref(), Some("Æ"));
        assert_eq!(cmap.lookup(0x0040, 2), None);
        assert_eq!(cmap.codespace, vec![(2, 0, 0xFFFF)]);
    }

    #[test]
    fn garbage_cmap_is_empty() {
        assert!(CMap::parse(b"<<<<>>>> ((( [ ] beginbfrange <00").is_empty());
    }
}
