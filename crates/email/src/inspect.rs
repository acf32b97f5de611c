//! Is this PDF / TIFF usable? Decided from the bytes.
//!
//! "Usable" means what a clerk needs: the file opens without a password and every page can
//! be shown. Both inspectors are bounded (decompression budgets, page limits) and contain
//! panics of the third-party readers, so they can be run on anything a sender attaches.
//!
//! # PDF ([`pdf`])
//! 1. `%PDF-` within the first 1024 bytes (readers tolerate leading junk that far).
//! 2. `%%EOF` within the last 1 KiB: a PDF ends with it (possibly followed by a little
//!    trailing junk). Without it the file was cut off, even if lopdf can still rebuild a
//!    cross-reference table from what is left (it can, and then silently drops pages).
//! 3. lopdf loads it from memory. lopdf 0.47 loads a PDF protected by a *user* password
//!    `Ok`, with the trailer's `/Encrypt` still in place (`is_encrypted()`) and no objects
//!    but the encryption dictionary, so no pages: that is [`PdfProblem::Encrypted`]. A PDF
//!    with only an *owner* password (permissions) opens with the empty user password;
//!    lopdf decrypts it, and so does every reader: it is usable.
//! 4. The page tree is walked by hand from the catalog: every `/Kids` entry must resolve to
//!    an existing dictionary (a truncated or damaged file refers to objects that are not
//!    there), without cycles; at least one page.
//! 5. Every page's content streams must exist and decode (filters lopdf does not implement
//!    are given the benefit of the doubt). Shared streams are decoded once, within a total
//!    budget of [`PDF_DECODE_BUDGET`] bytes; past it, streams are only checked to exist.
//!
//! # TIFF ([`tiff`])
//! Every page (IFD) must have a readable header — dimensions, bits per sample and
//! compression the `tiff` crate supports — and at least its first strip or tile must
//! decode. At most [`MAX_TIFF_PAGES`] pages; decoded bytes within [`TIFF_DECODE_BUDGET`]
//! (past it, later pages get the header check only).

use std::collections::HashSet;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;

use crate::intake::detect_pdf_offset;

/// How many bytes of content streams [`pdf`] decodes in total.
pub const PDF_DECODE_BUDGET: usize = 256 * 1024 * 1024;
/// The most any single stream may decompress to while lopdf loads the document.
pub const PDF_MAX_STREAM: usize = 64 * 1024 * 1024;
/// Page trees deeper than this are treated as broken.
pub const PDF_MAX_TREE_DEPTH: usize = 64;
/// The most pages [`pdf`] will check.
pub const MAX_PDF_PAGES: usize = 10_000;
/// The most pages [`tiff`] will check.
pub const MAX_TIFF_PAGES: usize = 1_000;
/// How many bytes of strips/tiles [`tiff`] decodes in total.
pub const TIFF_DECODE_BUDGET: usize = 512 * 1024 * 1024;

/// What a usable PDF is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PdfInfo {
    pub pages: u32,
    /// The header version, e.g. `1.7`.
    pub version: String,
    /// Encrypted with an owner password only (opens without a password).
    pub owner_password_only: bool,
    /// lopdf had to rebuild the cross-reference table (the file is slightly damaged but
    /// complete).
    pub repaired: bool,
}

/// Why a PDF is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfProblem {
    #[error("no %PDF- header in the first 1024 bytes")]
    NotPdf,
    #[error("protected by a password")]
    Encrypted,
    #[error("truncated: no %%EOF in the last 1 KiB")]
    Truncated,
    #[error("does not open: {0}")]
    Unreadable(String),
    #[error("has no pages")]
    NoPages,
    #[error("page tree broken: {0}")]
    BrokenPageTree(String),
    #[error("page {page} broken: {detail}")]
    BrokenPage { page: u32, detail: String },
    #[error("more than {MAX_PDF_PAGES} pages")]
    TooManyPages,
}

/// Checks that `bytes` is a PDF a clerk can open and read (see the module docs).
pub fn pdf(bytes: &[u8]) -> Result<PdfInfo, PdfProblem> {
    let offset = detect_pdf_offset(bytes).ok_or(PdfProblem::NotPdf)?;
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfProblem::Truncated);
    }
    let body = &bytes[offset..];
    let version = body
        .get(5..)
        .map(|rest| {
            rest.iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .take(8)
                .map(|&b| char::from(b))
                .collect::<String>()
        })
        .unwrap_or_default();
    match catch_unwind(AssertUnwindSafe(|| check_pdf(body, version))) {
        Ok(result) => result,
        Err(_) => Err(PdfProblem::Unreadable("the PDF reader failed".into())),
    }
}

fn check_pdf(body: &[u8], version: String) -> Result<PdfInfo, PdfProblem> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(PDF_MAX_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(body, options)
        .map_err(|err| PdfProblem::Unreadable(err.to_string()))?;
    if doc.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    let pages = page_tree(&doc)?;
    if pages.is_empty() {
        return Err(PdfProblem::NoPages);
    }
    check_contents(&doc, &pages)?;
    Ok(PdfInfo {
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        version,
        owner_password_only: doc.was_encrypted(),
        repaired: doc.xref_recovery.is_some(),
    })
}

/// The leaf page dictionaries, in order, walked from the catalog.
fn page_tree(doc: &Document) -> Result<Vec<&Dictionary>, PdfProblem> {
    let broken = |what: String| PdfProblem::BrokenPageTree(what);
    let root = doc
        .trailer
        .get(b"Root")
        .map_err(|_| broken("no catalog (/Root)".into()))?;
    let (_, catalog) = doc
        .dereference(root)
        .map_err(|err| broken(format!("catalog: {err}")))?;
    let catalog = catalog
        .as_dict()
        .map_err(|_| broken("catalog is not a dictionary".into()))?;
    let pages_root = catalog
        .get(b"Pages")
        .map_err(|_| broken("catalog has no /Pages".into()))?;

    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    // Depth-first, children in order: a stack of (node, depth), pushed in reverse.
    let mut stack: Vec<(&Object, usize)> = vec![(pages_root, 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > PDF_MAX_TREE_DEPTH {
            return Err(broken("page tree nested too deep".into()));
        }
        let id: Option<ObjectId> = node.as_reference().ok();
        if let Some(id) = id
            && !seen.insert(id)
        {
            return Err(broken(format!("object {} {} appears twice", id.0, id.1)));
        }
        let dict = match doc.dereference(node) {
            Ok((_, Object::Dictionary(dict))) => dict,
            Ok(_) => return Err(broken("a page tree node is not a dictionary".into())),
            Err(_) => {
                let which = id.map_or_else(String::new, |id| format!(" {} {}", id.0, id.1));
                return Err(broken(format!("refers to missing object{which}")));
            }
        };
        let kind = dict.get(b"Type").and_then(Object::as_name).ok();
        let has_kids = dict.get(b"Kids").is_ok();
        if kind == Some(b"Pages".as_slice()) || kind.is_none() && has_kids {
            let kids = dict
                .get(b"Kids")
                .and_then(|kids| doc.dereference(kids).map(|(_, o)| o))
                .and_then(Object::as_array)
                .map_err(|_| broken("a /Pages node has no /Kids array".into()))?;
            for kid in kids.iter().rev() {
                stack.push((kid, depth + 1));
            }
        } else {
            pages.push(dict);
            if pages.len() > MAX_PDF_PAGES {
                return Err(PdfProblem::TooManyPages);
            }
        }
    }
    Ok(pages)
}

/// Every page's content streams exist and decode.
fn check_contents(doc: &Document, pages: &[&Dictionary]) -> Result<(), PdfProblem> {
    let mut budget = PDF_DECODE_BUDGET;
    let mut decoded: HashSet<ObjectId> = HashSet::new();
    for (index, page) in pages.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let broken = |detail: String| PdfProblem::BrokenPage {
            page: number,
            detail,
        };
        let Ok(contents) = page.get(b"Contents") else {
            continue; // A page without content is blank, which is valid.
        };
        let streams: Vec<&Object> = match doc.dereference(contents) {
            Ok((_, Object::Array(items))) => items.iter().collect(),
            Ok((_, Object::Null)) => Vec::new(),
            Ok(_) => vec![contents],
            Err(err) => return Err(broken(format!("content stream missing: {err}"))),
        };
        for item in streams {
            let id = item.as_reference().ok();
            let stream = match doc.dereference(item) {
                Ok((_, Object::Stream(stream))) => stream,
                Ok((_, Object::Null)) => continue,
                Ok(_) => return Err(broken("content is not a stream".into())),
                Err(err) => return Err(broken(format!("content stream missing: {err}"))),
            };
            if id.is_some_and(|id| !decoded.insert(id)) || budget == 0 {
                continue;
            }
            let only_flate = matches!(stream.filters().as_deref(), Ok([b"FlateDecode"]));
            if only_flate {
                // lopdf hides Flate errors (it returns what it got, even nothing), so the
                // stream is inflated here: corrupt or truncated data is a broken page.
                match inflate_check(&stream.content, budget) {
                    Inflate::Ok(len) => budget = budget.saturating_sub(len),
                    Inflate::TooBig => budget = 0,
                    Inflate::Broken(status) => {
                        return Err(broken(format!(
                            "content stream does not inflate ({status})"
                        )));
                    }
                }
                continue;
            }
            match stream.decompressed_content_with_limit(budget) {
                Ok(data) => budget = budget.saturating_sub(data.len()),
                Err(lopdf::Error::Unimplemented(_)) => {}
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => budget = 0,
                Err(err) => return Err(broken(format!("content stream does not decode: {err}"))),
            }
        }
    }
    Ok(())
}

enum Inflate {
    Ok(usize),
    TooBig,
    Broken(String),
}

/// Inflates a FlateDecode stream the way readers do: a zlib stream whose checksum is wrong
/// is accepted (readers ignore it), and so is raw deflate without the zlib header.
fn inflate_check(data: &[u8], limit: usize) -> Inflate {
    use miniz_oxide::inflate::{
        TINFLStatus, decompress_to_vec_with_limit, decompress_to_vec_zlib_with_limit,
    };
    if data.is_empty() {
        return Inflate::Ok(0);
    }
    let zlib_status = match decompress_to_vec_zlib_with_limit(data, limit) {
        Ok(out) => return Inflate::Ok(out.len()),
        Err(err) if err.status == TINFLStatus::Adler32Mismatch => {
            return Inflate::Ok(err.output.len());
        }
        Err(err) if err.status == TINFLStatus::HasMoreOutput => return Inflate::TooBig,
        Err(err) => err.status,
    };
    match decompress_to_vec_with_limit(data, limit) {
        Ok(out) => Inflate::Ok(out.len()),
        Err(err) if err.status == TINFLStatus::HasMoreOutput => Inflate::TooBig,
        Err(_) => Inflate::Broken(match zlib_status {
            TINFLStatus::FailedCannotMakeProgress => "truncated".to_string(),
            other => format!("{other:?}"),
        }),
    }
}

/// What a usable TIFF is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TiffInfo {
    pub pages: u32,
    /// The first page's header.
    pub first_page: TiffPage,
}

/// One TIFF page's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TiffPage {
    pub width: u32,
    pub height: u32,
    pub bits_per_sample: u16,
    /// The TIFF compression tag (1 none, 4 CCITT G4, 5 LZW, 7 JPEG, 8 Deflate, ...).
    pub compression: u16,
}

/// Why a TIFF is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TiffProblem {
    #[error("not a TIFF")]
    NotTiff,
    #[error("page {page}: {detail}")]
    BrokenPage { page: u32, detail: String },
    #[error("more than {MAX_TIFF_PAGES} pages")]
    TooManyPages,
}

/// Checks that every page of the TIFF in `bytes` can be read (see the module docs).
pub fn tiff(bytes: &[u8]) -> Result<TiffInfo, TiffProblem> {
    if !(bytes.starts_with(b"II") || bytes.starts_with(b"MM")) {
        return Err(TiffProblem::NotTiff);
    }
    match catch_unwind(AssertUnwindSafe(|| check_tiff(bytes))) {
        Ok(result) => result,
        Err(_) => Err(TiffProblem::BrokenPage {
            page: 1,
            detail: "the TIFF reader failed".into(),
        }),
    }
}

fn check_tiff(bytes: &[u8]) -> Result<TiffInfo, TiffProblem> {
    use tiff::decoder::{Decoder, Limits};
    use tiff::tags::Tag;

    let mut limits = Limits::default();
    limits.decoding_buffer_size = 64 * 1024 * 1024;
    limits.intermediate_buffer_size = 64 * 1024 * 1024;
    let broken = |page: usize, detail: String| TiffProblem::BrokenPage {
        page: u32::try_from(page).unwrap_or(u32::MAX),
        detail,
    };
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(|err| broken(1, err.to_string()))?
        .with_limits(limits);

    let mut budget = TIFF_DECODE_BUDGET;
    let mut first_page = None;
    let mut page = 1;
    loop {
        let (width, height) = decoder
            .dimensions()
            .map_err(|err| broken(page, err.to_string()))?;
        if width == 0 || height == 0 {
            return Err(broken(page, "no width or height".into()));
        }
        decoder
            .colortype()
            .map_err(|err| broken(page, err.to_string()))?;
        let bits_per_sample = decoder
            .find_tag_unsigned_vec::<u16>(Tag::BitsPerSample)
            .map_err(|err| broken(page, err.to_string()))?
            .and_then(|bits| bits.first().copied())
            .unwrap_or(1);
        let compression = decoder
            .find_tag_unsigned::<u16>(Tag::Compression)
            .map_err(|err| broken(page, err.to_string()))?
            .unwrap_or(1);
        if budget > 0 {
            let chunk = decoder
                .read_chunk(0)
                .map_err(|err| broken(page, format!("image data: {err}")))?;
            budget = budget.saturating_sub(decoded_len(&chunk));
        }
        first_page.get_or_insert(TiffPage {
            width,
            height,
            bits_per_sample,
            compression,
        });
        if !decoder.more_images() {
            break;
        }
        if page >= MAX_TIFF_PAGES {
            return Err(TiffProblem::TooManyPages);
        }
        page += 1;
        decoder
            .next_image()
            .map_err(|err| broken(page, err.to_string()))?;
    }
    let first_page = first_page.ok_or_else(|| broken(1, "no page".into()))?;
    Ok(TiffInfo {
        pages: u32::try_from(page).unwrap_or(u32::MAX),
        first_page,
    })
}

fn decoded_len(result: &tiff::decoder::DecodingResult) -> usize {
    use tiff::decoder::DecodingResult as R;
    match result {
        R::U8(v) => v.len(),
        R::U16(v) => v.len() * 2,
        R::U32(v) => v.len() * 4,
        R::U64(v) => v.len() * 8,
        R::F16(v) => v.len() * 2,
        R::F32(v) => v.len() * 4,
        R::F64(v) => v.len() * 8,
        R::I8(v) => v.len(),
        R::I16(v) => v.len() * 2,
        R::I32(v) => v.len() * 4,
        R::I64(v) => v.len() * 8,
    }
}
