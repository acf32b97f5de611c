//! PDF files written by hand, object by object, so that every byte is ours and the same on
//! every run: text invoices (Helvetica, WinAnsiEncoding, one `Tj` per cell), a scanned page
//! (one image XObject, no text), embedded Factur-X/UBL files, and the damaged variants:
//! encrypted with a user password (lopdf's standard security handler, RC4 128-bit, keyed on the
//! fixed `/ID`) and truncated.

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::layout::{Align, Font, PAGE_HEIGHT, PAGE_WIDTH, Sheet};
use crate::raster::Bitmap;

/// What goes in the document information dictionary, and what seeds the file `/ID`.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) creator: &'static str,
    pub(crate) producer: &'static str,
    /// A PDF date, e.g. `D:20260414091200+02'00'`.
    pub(crate) created: &'static str,
}

/// How text cells are positioned in the content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Positioning {
    /// `1 0 0 1 x y Tm` before every cell: absolute.
    Tm,
    /// `dx dy Td`: each cell relative to the previous one.
    Td,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct TextOptions {
    pub(crate) positioning: Positioning,
    /// FlateDecode the page content streams.
    pub(crate) compress: bool,
    /// Write non-ASCII bytes in strings as octal escapes (`\370`) rather than raw.
    pub(crate) octal_escapes: bool,
}

/// A file embedded in the PDF and listed in the catalog's `/AF` (PDF/A-3, Factur-X).
#[derive(Debug, Clone)]
pub(crate) struct Embedded {
    pub(crate) filename: &'static str,
    /// The MIME type, written as a name (`text/xml` becomes `/text#2Fxml`).
    pub(crate) mime: &'static str,
    pub(crate) description: &'static str,
    /// `/AFRelationship`: `Alternative` for Factur-X.
    pub(crate) relationship: &'static str,
    pub(crate) mod_date: &'static str,
    pub(crate) compress: bool,
    pub(crate) data: Vec<u8>,
}

/// The objects of a PDF being written; object `n` is `objects[n - 1]`.
#[derive(Default)]
struct Writer {
    objects: Vec<Option<Vec<u8>>>,
}

impl Writer {
    fn reserve(&mut self) -> usize {
        self.objects.push(None);
        self.objects.len()
    }

    fn set(&mut self, id: usize, body: Vec<u8>) {
        self.objects[id - 1] = Some(body);
    }

    fn add(&mut self, body: Vec<u8>) -> usize {
        self.objects.push(Some(body));
        self.objects.len()
    }

    /// Header, objects, classic cross-reference table, trailer.
    fn finish(self, root: usize, info: usize, id_seed: &str) -> Result<Vec<u8>> {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.into_iter().enumerate() {
            let body = body.with_context(|| format!("PDF object {} was never written", i + 1))?;
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(&body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
        );
        for offset in &offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        let id = file_id(id_seed);
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
                offsets.len() + 1
            )
            .as_bytes(),
        );
        Ok(out)
    }
}

/// A fixed file identifier: the first 16 bytes of SHA-256 over a seed, in hex.
fn file_id(seed: &str) -> String {
    Sha256::digest(seed.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = if dict.is_empty() {
        format!("<< /Length {} >>\nstream\n", data.len())
    } else {
        format!("<< {dict} /Length {} >>\nstream\n", data.len())
    }
    .into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// A text string for the information dictionary or a file specification.
fn text_string(s: &str) -> Result<Vec<u8>> {
    literal(&win_ansi(s)?, false)
}

/// `(...)` with `(`, `)` and `\` escaped.
fn literal(bytes: &[u8], octal: bool) -> Result<Vec<u8>> {
    let mut out = vec![b'('];
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x80.. if octal => out.extend_from_slice(format!("\\{b:03o}").as_bytes()),
            _ => out.push(b),
        }
    }
    out.push(b')');
    Ok(out)
}

/// Encode text in WinAnsiEncoding (Windows-1252), the encoding of the standard 14 fonts we use.
pub(crate) fn win_ansi(s: &str) -> Result<Vec<u8>> {
    s.chars()
        .map(|c| {
            let code = c as u32;
            Ok(match c {
                ' '..='~' => code as u8,
                '\u{A0}'..='\u{FF}' => code as u8,
                '€' => 0x80,
                '…' => 0x85,
                '‘' => 0x91,
                '’' => 0x92,
                '“' => 0x93,
                '”' => 0x94,
                '•' => 0x95,
                '–' => 0x96,
                '—' => 0x97,
                _ => bail!("{c:?} (in {s:?}) has no WinAnsiEncoding code"),
            })
        })
        .collect()
}

/// Helvetica advance widths (1/1000 em) for ASCII 32..=126, from the Adobe AFM.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Helvetica-Bold advance widths for ASCII 32..=126.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p..~
];

fn char_width(c: char, font: Font) -> u16 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    match c {
        ' '..='~' => table[(c as usize) - 32],
        'Æ' => 1000,
        'Ø' | 'Å' => 778,
        'æ' => 889,
        'ø' => 611,
        'å' | 'é' | 'ä' | 'ö' | 'ü' => 556,
        '·' => 278,
        _ => 556,
    }
}

pub(crate) fn text_width(text: &str, size: f64, font: Font) -> f64 {
    text.chars()
        .map(|c| f64::from(char_width(c, font)))
        .sum::<f64>()
        * size
        / 1000.0
}

/// A coordinate as PDF content writes it: `56`, `412.35`.
fn num(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let s = format!("{rounded:.2}");
        s.trim_end_matches('0').to_owned()
    }
}

/// The content stream that draws one sheet.
fn content(sheet: &Sheet, options: TextOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if !sheet.rules.is_empty() {
        out.extend_from_slice(b"q\n0.3 0.3 0.3 RG\n");
        for r in &sheet.rules {
            out.extend_from_slice(
                format!(
                    "{} w {} {} m {} {} l S\n",
                    num(r.width),
                    num(r.x1),
                    num(r.y),
                    num(r.x2),
                    num(r.y)
                )
                .as_bytes(),
            );
        }
        out.extend_from_slice(b"Q\n");
    }
    out.extend_from_slice(b"BT\n");
    let mut current_font: Option<(Font, f64)> = None;
    let mut last: Option<(f64, f64)> = None;
    for cell in &sheet.cells {
        if current_font != Some((cell.font, cell.size)) {
            let name = match cell.font {
                Font::Regular => "F1",
                Font::Bold => "F2",
            };
            out.extend_from_slice(format!("/{name} {} Tf\n", num(cell.size)).as_bytes());
            current_font = Some((cell.font, cell.size));
        }
        let x = match cell.align {
            Align::Left => cell.x,
            Align::Right => cell.x - text_width(&cell.text, cell.size, cell.font),
        };
        // Positions are kept to the hundredth so that relative moves add up exactly.
        let (x, y) = (
            (x * 100.0).round() / 100.0,
            (cell.y * 100.0).round() / 100.0,
        );
        match options.positioning {
            Positioning::Tm => {
                out.extend_from_slice(format!("1 0 0 1 {} {} Tm\n", num(x), num(y)).as_bytes())
            }
            Positioning::Td => {
                let (dx, dy) = match last {
                    Some((lx, ly)) => (x - lx, y - ly),
                    None => (x, y),
                };
                out.extend_from_slice(format!("{} {} Td\n", num(dx), num(dy)).as_bytes());
                last = Some((x, y));
            }
        }
        out.extend_from_slice(&literal(&win_ansi(&cell.text)?, options.octal_escapes)?);
        out.extend_from_slice(b" Tj\n");
    }
    out.extend_from_slice(b"ET\n");
    Ok(out)
}

fn info(meta: &Meta) -> Result<Vec<u8>> {
    let mut out = b"<< /Title ".to_vec();
    out.extend(text_string(&meta.title)?);
    out.extend_from_slice(b" /Author ");
    out.extend(text_string(&meta.author)?);
    out.extend_from_slice(b" /Creator ");
    out.extend(text_string(meta.creator)?);
    out.extend_from_slice(b" /Producer ");
    out.extend(text_string(meta.producer)?);
    out.extend_from_slice(
        format!(" /CreationDate ({0}) /ModDate ({0}) >>", meta.created).as_bytes(),
    );
    Ok(out)
}

/// A text PDF: one page per sheet, Helvetica and Helvetica-Bold, optionally with embedded
/// files in `/AF` and `/Names /EmbeddedFiles` and an XMP metadata stream.
pub(crate) fn text_pdf(
    pages: &[Sheet],
    meta: &Meta,
    options: TextOptions,
    embedded: &[Embedded],
    xmp: Option<&str>,
) -> Result<Vec<u8>> {
    let mut w = Writer::default();
    let catalog = w.reserve();
    let page_tree = w.reserve();
    let regular = w.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let bold = w.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let mut kids = Vec::new();
    for sheet in pages {
        let page = w.reserve();
        let data = content(sheet, options)?;
        let contents = if options.compress {
            w.add(stream("/Filter /FlateDecode", &deflate(&data)))
        } else {
            w.add(stream("", &data))
        };
        w.set(
            page,
            format!(
                "<< /Type /Page /Parent {page_tree} 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> /Contents {contents} 0 R >>",
                num(PAGE_WIDTH),
                num(PAGE_HEIGHT)
            )
            .into_bytes(),
        );
        kids.push(format!("{page} 0 R"));
    }
    w.set(
        page_tree,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            kids.len()
        )
        .into_bytes(),
    );

    let mut specs = Vec::new();
    for file in embedded {
        let (filter, data) = if file.compress {
            ("/Filter /FlateDecode ", deflate(&file.data))
        } else {
            ("", file.data.clone())
        };
        let stream_id = w.add(stream(
            &format!(
                "/Type /EmbeddedFile /Subtype /{} {filter}/Params << /Size {} /ModDate ({}) >>",
                file.mime.replace('/', "#2F"),
                file.data.len(),
                file.mod_date
            ),
            &data,
        ));
        let mut spec = b"<< /Type /Filespec /F ".to_vec();
        spec.extend(text_string(file.filename)?);
        spec.extend_from_slice(b" /UF ");
        spec.extend(text_string(file.filename)?);
        spec.extend_from_slice(b" /Desc ");
        spec.extend(text_string(file.description)?);
        spec.extend_from_slice(
            format!(
                " /AFRelationship /{} /EF << /F {stream_id} 0 R /UF {stream_id} 0 R >> >>",
                file.relationship
            )
            .as_bytes(),
        );
        let spec_id = w.add(spec);
        specs.push((file.filename, spec_id));
    }
    let metadata = xmp.map(|xmp| w.add(stream("/Type /Metadata /Subtype /XML", xmp.as_bytes())));
    let info_id = w.add(info(meta)?);

    let mut cat = format!("<< /Type /Catalog /Pages {page_tree} 0 R").into_bytes();
    if let Some(m) = metadata {
        cat.extend_from_slice(format!(" /Metadata {m} 0 R").as_bytes());
    }
    if !specs.is_empty() {
        cat.extend_from_slice(b" /Names << /EmbeddedFiles << /Names [");
        let mut sorted = specs.clone();
        sorted.sort();
        for (i, (name, id)) in sorted.iter().enumerate() {
            if i > 0 {
                cat.push(b' ');
            }
            cat.extend(text_string(name)?);
            cat.extend_from_slice(format!(" {id} 0 R").as_bytes());
        }
        cat.extend_from_slice(b"] >> >> /AF [");
        let refs: Vec<String> = specs.iter().map(|(_, id)| format!("{id} 0 R")).collect();
        cat.extend_from_slice(refs.join(" ").as_bytes());
        cat.extend_from_slice(b"] /PageMode /UseAttachments");
    }
    cat.extend_from_slice(b" >>");
    w.set(catalog, cat);
    w.finish(catalog, info_id, &meta.title)
}

/// A scanned page: one A4 page whose only content is a 1-bit image, no text at all.
pub(crate) fn image_pdf(image: &Bitmap, meta: &Meta) -> Result<Vec<u8>> {
    let mut w = Writer::default();
    let catalog = w.reserve();
    let page_tree = w.reserve();
    let page = w.reserve();
    let image_id = w.add(stream(
        &format!(
            "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode",
            image.width, image.height
        ),
        &deflate(&image.packed_1bit()),
    ));
    let draw = format!(
        "q\n{} 0 0 {} 0 0 cm\n/Im1 Do\nQ\n",
        num(PAGE_WIDTH),
        num(PAGE_HEIGHT)
    );
    let contents = w.add(stream("", draw.as_bytes()));
    w.set(
        page,
        format!(
            "<< /Type /Page /Parent {page_tree} 0 R /MediaBox [0 0 {} {}] /Resources << /XObject << /Im1 {image_id} 0 R >> >> /Contents {contents} 0 R >>",
            num(PAGE_WIDTH),
            num(PAGE_HEIGHT)
        )
        .into_bytes(),
    );
    w.set(
        page_tree,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>").into_bytes(),
    );
    let info_id = w.add(info(meta)?);
    w.set(
        catalog,
        format!("<< /Type /Catalog /Pages {page_tree} 0 R >>").into_bytes(),
    );
    w.finish(catalog, info_id, &meta.title)
}

/// The same PDF behind the standard security handler (V2, R3, RC4 128-bit) with a user
/// password, as a PDF from a law firm's or a bank's "secure mail" arrives. Deterministic: the
/// keys derive from the passwords and the fixed `/ID`.
pub(crate) fn encrypt(pdf: &[u8], user_password: &str, owner_password: &str) -> Result<Vec<u8>> {
    let mut doc = lopdf::Document::load_mem(pdf).context("our own PDF must load")?;
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password,
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::PRINTABLE,
    })
    .context("encryption parameters")?;
    doc.encrypt(&state).context("encrypting")?;
    fix_user_padding(&mut doc)?;
    let mut out = Vec::new();
    doc.save_to(&mut out).context("writing the encrypted PDF")?;
    Ok(out)
}

/// Revision 3 makes `/U` the 16-byte hash followed by "16 bytes of arbitrary padding", which
/// lopdf fills with random bytes; only the hash is compared when the password is checked.
/// Fix the padding (the first 16 bytes of the standard password padding) so that the file is
/// the same on every run.
fn fix_user_padding(doc: &mut lopdf::Document) -> Result<()> {
    const PADDING: [u8; 16] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01,
        0x08,
    ];
    let id = doc
        .trailer
        .get(b"Encrypt")
        .and_then(lopdf::Object::as_reference)
        .context("the encrypted PDF has an /Encrypt reference")?;
    let dict = doc
        .get_object_mut(id)
        .and_then(lopdf::Object::as_dict_mut)
        .context("/Encrypt is a dictionary")?;
    match dict.get_mut(b"U") {
        Ok(lopdf::Object::String(u, _)) if u.len() == 32 => {
            u[16..].copy_from_slice(&PADDING);
            Ok(())
        }
        _ => bail!("/U is not a 32-byte string"),
    }
}

/// The first `percent` % of a PDF: a transfer cut short, with no cross-reference table and no
/// `%%EOF`.
pub(crate) fn truncate(pdf: &[u8], percent: usize) -> Vec<u8> {
    pdf[..pdf.len() * percent / 100].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_are_written_the_pdf_way() {
        assert_eq!(num(56.0), "56");
        assert_eq!(num(412.345), "412.35");
        assert_eq!(num(-15.5), "-15.5");
        assert_eq!(
            literal(&win_ansi("Beløp (NOK)").expect("encodable"), true).expect("literal"),
            b"(Bel\\370p \\(NOK\\))".to_vec()
        );
        assert!(win_ansi("Ω").is_err());
    }

    #[test]
    fn the_encrypted_pdf_needs_its_password() {
        let sheet = crate::layout::text_sheet("Test", &["Hemmelig"]);
        let meta = Meta {
            title: "t".into(),
            author: "a".into(),
            creator: "c",
            producer: "p",
            created: "D:20260401000000Z",
        };
        let opts = TextOptions {
            positioning: Positioning::Tm,
            compress: false,
            octal_escapes: false,
        };
        let pdf = text_pdf(&[sheet], &meta, opts, &[], None).expect("pdf");
        let encrypted = encrypt(&pdf, "faktura", "eier").expect("encrypted");
        assert_eq!(encrypted, encrypt(&pdf, "faktura", "eier").expect("again"));
        // Without the password lopdf 0.47 loads the file but can neither decrypt nor list pages.
        let locked = lopdf::Document::load_mem(&encrypted).expect("loads");
        assert!(locked.is_encrypted());
        assert!(locked.get_pages().is_empty());
        let opened = lopdf::Document::load_mem_with_options(
            &encrypted,
            lopdf::LoadOptions::with_password("faktura"),
        )
        .expect("opens with the password");
        assert_eq!(opened.get_pages().len(), 1);
    }
}
