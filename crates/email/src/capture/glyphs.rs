//! The tables a PDF text reader needs and fonts do not always carry: the simple-font
//! encodings (WinAnsi, Standard, MacRoman), glyph names (for `/Differences`), and the
//! advance widths of the standard 14 fonts that writers often leave out (`/Helvetica` without
//! `/Widths`). Only the Latin repertoire a Norwegian invoice uses is covered; anything else
//! decodes through `uniXXXX` names or not at all.

/// Windows-1252 (the PDF `WinAnsiEncoding`) codes 0x80–0x9F; the rest is Latin-1.
const WIN_ANSI_80: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// `MacRomanEncoding` codes 0x80–0xFF.
const MAC_ROMAN_80: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', //
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', //
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', //
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', //
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{a0}', 'À', 'Ã', 'Õ', 'Œ', 'œ', //
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '¤', '‹', '›', 'ﬁ', 'ﬂ', //
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', //
    '\0', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ', //
];

/// A simple font's base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    WinAnsi,
    Standard,
    MacRoman,
}

impl BaseEncoding {
    pub(crate) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            // PDFDocEncoding is not a font encoding, but is Latin-1 where it matters.
            b"PDFDocEncoding" => Some(BaseEncoding::WinAnsi),
            _ => None,
        }
    }

    /// The character a code stands for, if the encoding defines it.
    pub(crate) fn decode(self, code: u8) -> Option<char> {
        let c = match self {
            BaseEncoding::WinAnsi => match code {
                0x20..=0x7E => char::from(code),
                0x80..=0x9F => WIN_ANSI_80[usize::from(code - 0x80)],
                0xA0..=0xFF => char::from(code),
                _ => '\0',
            },
            BaseEncoding::MacRoman => match code {
                0x20..=0x7E => char::from(code),
                0x80..=0xFF => MAC_ROMAN_80[usize::from(code - 0x80)],
                _ => '\0',
            },
            BaseEncoding::Standard => standard(code),
        };
        (c != '\0').then_some(c)
    }
}

/// Adobe `StandardEncoding`.
fn standard(code: u8) -> char {
    match code {
        0x27 => '’',
        0x60 => '‘',
        0x20..=0x7E => char::from(code),
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA4 => '⁄',
        0xA5 => '¥',
        0xA6 => 'ƒ',
        0xA7 => '§',
        0xA8 => '¤',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAC => '‹',
        0xAD => '›',
        0xAE => 'ﬁ',
        0xAF => 'ﬂ',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB6 => '¶',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xBF => '¿',
        0xC1 => '`',
        0xC2 => '´',
        0xC3 => 'ˆ',
        0xC4 => '˜',
        0xC5 => '¯',
        0xC6 => '˘',
        0xC7 => '˙',
        0xC8 => '¨',
        0xCA => '˚',
        0xCB => '¸',
        0xCD => '˝',
        0xCE => '˛',
        0xCF => 'ˇ',
        0xD0 => '—',
        0xE1 => 'Æ',
        0xE3 => 'ª',
        0xE8 => 'Ł',
        0xE9 => 'Ø',
        0xEA => 'Œ',
        0xEB => 'º',
        0xF1 => 'æ',
        0xF5 => 'ı',
        0xF8 => 'ł',
        0xF9 => 'ø',
        0xFA => 'œ',
        0xFB => 'ß',
        _ => '\0',
    }
}

/// Glyph names beyond the single letters and digits, as used in `/Differences`.
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("nbspace", '\u{a0}'),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("quoteleft", '‘'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("sfthyphen", '-'),
    ("minus", '−'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("exclamdown", '¡'),
    ("cent", '¢'),
    ("sterling", '£'),
    ("currency", '¤'),
    ("yen", '¥'),
    ("brokenbar", '¦'),
    ("section", '§'),
    ("dieresis", '¨'),
    ("copyright", '©'),
    ("ordfeminine", 'ª'),
    ("guillemotleft", '«'),
    ("logicalnot", '¬'),
    ("registered", '®'),
    ("macron", '¯'),
    ("degree", '°'),
    ("plusminus", '±'),
    ("twosuperior", '²'),
    ("threesuperior", '³'),
    ("acute", '´'),
    ("mu", 'µ'),
    ("paragraph", '¶'),
    ("periodcentered", '·'),
    ("middot", '·'),
    ("cedilla", '¸'),
    ("onesuperior", '¹'),
    ("ordmasculine", 'º'),
    ("guillemotright", '»'),
    ("onequarter", '¼'),
    ("onehalf", '½'),
    ("threequarters", '¾'),
    ("questiondown", '¿'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acircumflex", 'Â'),
    ("Atilde", 'Ã'),
    ("Adieresis", 'Ä'),
    ("Aring", 'Å'),
    ("AE", 'Æ'),
    ("Ccedilla", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecircumflex", 'Ê'),
    ("Edieresis", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icircumflex", 'Î'),
    ("Idieresis", 'Ï'),
    ("Eth", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocircumflex", 'Ô'),
    ("Otilde", 'Õ'),
    ("Odieresis", 'Ö'),
    ("multiply", '×'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucircumflex", 'Û'),
    ("Udieresis", 'Ü'),
    ("Yacute", 'Ý'),
    ("Thorn", 'Þ'),
    ("germandbls", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acircumflex", 'â'),
    ("atilde", 'ã'),
    ("adieresis", 'ä'),
    ("aring", 'å'),
    ("ae", 'æ'),
    ("ccedilla", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecircumflex", 'ê'),
    ("edieresis", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icircumflex", 'î'),
    ("idieresis", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocircumflex", 'ô'),
    ("otilde", 'õ'),
    ("odieresis", 'ö'),
    ("divide", '÷'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucircumflex", 'û'),
    ("udieresis", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("ydieresis", 'ÿ'),
    ("Euro", '€'),
    ("euro", '€'),
    ("quotesinglbase", '‚'),
    ("florin", 'ƒ'),
    ("quotedblbase", '„'),
    ("ellipsis", '…'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("circumflex", 'ˆ'),
    ("perthousand", '‰'),
    ("Scaron", 'Š'),
    ("guilsinglleft", '‹'),
    ("OE", 'Œ'),
    ("Zcaron", 'Ž'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("bullet", '•'),
    ("endash", '–'),
    ("emdash", '—'),
    ("tilde", '˜'),
    ("trademark", '™'),
    ("scaron", 'š'),
    ("guilsinglright", '›'),
    ("oe", 'œ'),
    ("zcaron", 'ž'),
    ("Ydieresis", 'Ÿ'),
    ("fraction", '⁄'),
    ("dotlessi", 'ı'),
    ("Lslash", 'Ł'),
    ("lslash", 'ł'),
    ("breve", '˘'),
    ("dotaccent", '˙'),
    ("ring", '˚'),
    ("hungarumlaut", '˝'),
    ("ogonek", '˛'),
    ("caron", 'ˇ'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
];

/// The text a glyph name stands for: single letters, the names above, `uniXXXX[XXXX...]`,
/// `uXXXX[XX]`, variants (`a.sc` → `a`) and ligatures (`f_f_i` → `ffi`).
pub(crate) fn glyph_name_to_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(single_glyph).collect();
        return parts;
    }
    single_glyph(base)
}

fn single_glyph(name: &str) -> Option<String> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphabetic()
    {
        return Some(c.to_string());
    }
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c.to_string());
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        let units: Vec<u16> = (0..hex.len() / 4)
            .filter_map(|i| u16::from_str_radix(hex.get(i * 4..i * 4 + 4)?, 16).ok())
            .collect();
        let text: String = char::decode_utf16(units).filter_map(Result::ok).collect();
        return (!text.is_empty()).then_some(text);
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .map(String::from);
    }
    None
}

/// The standard 14 font families, for widths when a font gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StdFamily {
    Helvetica,
    HelveticaBold,
    Times,
    Courier,
}

impl StdFamily {
    /// The family a `/BaseFont` name (possibly with a subset prefix `ABCDEF+`) resembles.
    pub(crate) fn from_base_font(name: &str) -> StdFamily {
        let name = name.split_once('+').map_or(name, |(_, n)| n);
        let lower = name.to_ascii_lowercase();
        let bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
        if lower.contains("courier") || lower.contains("mono") {
            StdFamily::Courier
        } else if lower.contains("times") || lower.contains("serif") && !lower.contains("sans") {
            StdFamily::Times
        } else if bold {
            StdFamily::HelveticaBold
        } else {
            StdFamily::Helvetica
        }
    }

    /// Advance width in thousandths of an em.
    pub(crate) fn width(self, c: char) -> f32 {
        if self == StdFamily::Courier {
            return 600.0;
        }
        let c = match c {
            'æ' | 'Æ' | 'œ' | 'Œ' => {
                return match (self, c.is_uppercase()) {
                    (StdFamily::Times, true) => 889.0,
                    (StdFamily::Times, false) => 667.0,
                    (_, true) => 1000.0,
                    (_, false) => 889.0,
                };
            }
            'ø' => 'o',
            'Ø' => 'O',
            '\u{a0}' => ' ',
            '’' | '‘' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '−' => '0', // an en dash is as wide as a digit
            '—' | '…' | '‰' => return 1000.0,
            '€' | '§' | '«' | '»' => '0',
            '•' => return 350.0,
            '°' => return 400.0,
            other => base_letter(other),
        };
        let table = match self {
            StdFamily::Helvetica => &HELVETICA,
            StdFamily::HelveticaBold => &HELVETICA_BOLD,
            StdFamily::Times => &TIMES,
            StdFamily::Courier => return 600.0,
        };
        match u32::from(c) {
            code @ 32..=126 => table
                .get(usize::try_from(code - 32).unwrap_or(0))
                .map_or(556.0, |w| f32::from(*w)),
            _ => f32::from(table.get(16).copied().unwrap_or(556)), // a digit's width
        }
    }
}

/// The unaccented letter of a Latin-1 letter, for its width.
fn base_letter(c: char) -> char {
    match c {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' => 'N',
        'Ò'..='Ö' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' => 'Y',
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 'B',
        other => other,
    }
}

// Advance widths of ASCII 32..=126 (thousandths of an em) from the standard font metrics.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

#[rustfmt::skip]
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_decode_norwegian_letters() {
        let win: String = [0xE6u8, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5]
            .iter()
            .filter_map(|b| BaseEncoding::WinAnsi.decode(*b))
            .collect();
        assert_eq!(win, "æøåÆØÅ");
        let mac: String = [0xBEu8, 0xBF, 0x8C, 0xAE, 0xAF, 0x81]
            .iter()
            .filter_map(|b| BaseEncoding::MacRoman.decode(*b))
            .collect();
        assert_eq!(mac, "æøåÆØÅ");
        let std: String = [0xF1u8, 0xF9, 0xE1, 0xE9]
            .iter()
            .filter_map(|b| BaseEncoding::Standard.decode(*b))
            .collect();
        assert_eq!(std, "æøÆØ");
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_text("aring").as_deref(), Some("å"));
        assert_eq!(glyph_name_to_text("oslash").as_deref(), Some("ø"));
        assert_eq!(glyph_name_to_text("AE").as_deref(), Some("Æ"));
        assert_eq!(glyph_name_to_text("uni00E5").as_deref(), Some("å"));
        assert_eq!(glyph_name_to_text("u00F8").as_deref(), Some("ø"));
        assert_eq!(glyph_name_to_text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_name_to_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_text("g123"), None);
    }

    #[test]
    fn helvetica_widths() {
        assert!((StdFamily::Helvetica.width('0') - 556.0).abs() < f32::EPSILON);
        assert!((StdFamily::Helvetica.width('å') - 556.0).abs() < f32::EPSILON);
        assert!((StdFamily::Courier.width('W') - 600.0).abs() < f32::EPSILON);
    }
}
