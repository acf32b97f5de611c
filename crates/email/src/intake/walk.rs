//! The walk over the MIME tree: every part listed with its position, type from the bytes,
//! and whether it counts as a document the sender meant (see the module docs of
//! [`crate::intake`] for the rules).

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::parsers::MessageStream;
use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use super::detect::{self, DetectedType, Sniffed};
use super::{MAX_NESTING, MAX_PARTS, Part, boundary, headers};

/// Multiparts nested deeper than this (inside one message) are not followed.
pub(crate) const MAX_MULTIPART_DEPTH: usize = 50;

/// Which bound of the walk a message exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    /// More than [`MAX_PARTS`] MIME parts.
    Parts,
    /// Forwarded messages nested deeper than [`MAX_NESTING`].
    Nesting,
    /// Multiparts nested deeper than [`MAX_MULTIPART_DEPTH`].
    MultipartDepth,
}

/// What a part is to the sender, which decides whether it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A document the sender meant (counted).
    Document,
    /// The text/HTML the sender wrote.
    Body,
    /// Another form of the body in `multipart/alternative` (e.g. an invitation).
    Alternative,
    /// An image shown inside the HTML (signature logo).
    InlineImage,
    /// The e-mail's digital signature (S/MIME, PGP).
    Signature,
    /// A delivery/disposition report part.
    Report,
    /// A forwarded message; its contents follow as parts of their own.
    Container,
    /// The same bytes as a document listed before it.
    Duplicate,
}

/// What the texts need to know about a part beyond [`Part`].
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) sniffed: Sniffed,
    /// The type the file name (or a declared `application/pdf` / `image/tiff`) claims.
    pub(crate) claimed: Option<DetectedType>,
    pub(crate) role: Role,
}

/// The walk's result.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    pub(crate) parts: Vec<Part>,
    pub(crate) meta: Vec<Meta>,
    pub(crate) limit: Option<Limit>,
    /// A `message/delivery-status` part outside forwarded messages.
    pub(crate) delivery_status: bool,
    /// A `message/disposition-notification` (read receipt) part outside forwarded messages.
    pub(crate) disposition_notification: bool,
    /// A returned message (`message/rfc822`, `text/rfc822-headers`) at the top level.
    pub(crate) returned_message: bool,
}

/// Parses `bytes` with mail-parser, containing a panic in it (a debug assertion or an
/// arithmetic overflow in third-party code must not take the intake down): `None` then,
/// as for bytes without headers.
pub(crate) fn parse(bytes: &[u8]) -> Option<Message<'_>> {
    catch_unwind(AssertUnwindSafe(|| MessageParser::default().parse(bytes))).unwrap_or(None)
}

/// Walks `message` (the top level).
pub(crate) fn walk(message: &Message<'_>) -> Walk {
    let mut walker = Walker {
        walk: Walk::default(),
        visited: 0,
    };
    walker.message(message, "", 0);
    let mut walk = walker.walk;
    mark_duplicates(&mut walk);
    walk
}

/// Where a part sits in its parent multipart.
#[derive(Debug, Clone, Copy)]
struct Parent<'a> {
    subtype: &'a str,
    index: usize,
}

struct Ctx<'m, 'x> {
    message: &'m Message<'x>,
    cids: HashSet<String>,
    /// Forwarded-message depth (0: the mail itself).
    depth: usize,
}

impl Ctx<'_, '_> {
    fn forwarded(&self) -> bool {
        self.depth > 0
    }
}

struct Walker {
    walk: Walk,
    visited: usize,
}

const SIGNATURE_TYPES: &[&str] = &[
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
    "application/pgp-signature",
];

const REPORT_TYPES: &[&str] = &[
    "message/delivery-status",
    "message/global-delivery-status",
    "message/disposition-notification",
    "message/global-disposition-notification",
    "message/feedback-report",
    "text/rfc822-headers",
    "message/global-headers",
];

fn join(prefix: &str, index: usize) -> String {
    if prefix.is_empty() {
        index.to_string()
    } else {
        format!("{prefix}.{index}")
    }
}

/// `type/subtype`, lowercased.
fn declared_type(part: &MessagePart<'_>) -> Option<String> {
    let ct = part.content_type()?;
    let mut declared = ct.ctype().trim().to_ascii_lowercase();
    if let Some(subtype) = ct.subtype() {
        declared.push('/');
        declared.push_str(&subtype.trim().to_ascii_lowercase());
    }
    Some(declared)
}

fn is_message_type(declared: Option<&str>) -> bool {
    matches!(declared, Some("message/rfc822" | "message/global"))
}

/// The transfer-decoded bytes of a text part, read again from the raw message: mail-parser
/// has converted its text to UTF-8 (lossily for binary content), but the bytes must be the
/// file as sent — a PDF declared as `text/plain` is still a PDF.
fn raw_text_bytes(raw_message: &[u8], part: &MessagePart<'_>) -> Option<Vec<u8>> {
    let raw = raw_message.get(part.offset_body as usize..part.offset_end as usize)?;
    let decoded = match part.encoding {
        Encoding::None => return Some(raw.to_vec()),
        Encoding::Base64 => {
            catch_unwind(|| MessageStream::new(raw).decode_base64_mime(b"")).ok()?
        }
        Encoding::QuotedPrintable => {
            catch_unwind(|| MessageStream::new(raw).decode_quoted_printable_mime(b"")).ok()?
        }
    };
    (decoded.0 != usize::MAX).then(|| decoded.1.into_owned())
}

fn leaf_bytes(message: &Message<'_>, part: &MessagePart<'_>) -> Vec<u8> {
    match &part.body {
        PartType::Binary(bytes) | PartType::InlineBinary(bytes) => bytes.to_vec(),
        PartType::Text(text) | PartType::Html(text) => {
            raw_text_bytes(&message.raw_message, part).unwrap_or_else(|| text.as_bytes().to_vec())
        }
        PartType::Message(_) | PartType::Multipart(_) => Vec::new(),
    }
}

/// Every `cid:` reference in the HTML parts of `message`, lowercased and percent-decoded.
fn html_cids(message: &Message<'_>) -> HashSet<String> {
    let mut cids = HashSet::new();
    for part in &message.parts {
        let PartType::Html(html) = &part.body else {
            continue;
        };
        let lower = html.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find("cid:")) {
            let start = from + found + 4;
            let end = lower
                .get(start..)
                .and_then(|rest| {
                    rest.find(|c: char| {
                        matches!(c, '"' | '\'' | '>' | '<' | ')' | ' ' | '\t' | '\r' | '\n')
                    })
                })
                .map_or(lower.len(), |e| start + e);
            if let Some(cid) = lower.get(start..end) {
                cids.insert(percent_decode(cid));
            }
            from = end.max(start);
        }
    }
    cids
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(value) = hex {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A note in both languages, as the UI and the reply show them.
fn note(nb: &str, en: &str) -> Option<String> {
    Some(format!("{nb} / {en}"))
}

impl Walker {
    /// Counts one more part; false (and the limit set) once there are too many.
    fn count(&mut self) -> bool {
        self.visited += 1;
        if self.visited > MAX_PARTS {
            self.walk.limit.get_or_insert(Limit::Parts);
            return false;
        }
        true
    }

    fn message(&mut self, message: &Message<'_>, prefix: &str, depth: usize) {
        let ctx = Ctx {
            message,
            cids: html_cids(message),
            depth,
        };
        let Some(root) = message.parts.first() else {
            return;
        };
        if !self.count() {
            return;
        }
        match &root.body {
            PartType::Multipart(children) => self.multipart(&ctx, root, children, prefix, 1),
            _ => self.visit(&ctx, root, join(prefix, 1), None, 0),
        }
    }

    fn multipart(
        &mut self,
        ctx: &Ctx<'_, '_>,
        part: &MessagePart<'_>,
        children: &[u32],
        prefix: &str,
        multipart_depth: usize,
    ) {
        let subtype = part
            .content_type()
            .and_then(|ct| ct.subtype())
            .unwrap_or("mixed")
            .to_ascii_lowercase();
        for (index, &child) in children.iter().enumerate() {
            if self.walk.limit.is_some() || !self.count() {
                return;
            }
            let Some(child) = ctx.message.parts.get(child as usize) else {
                continue;
            };
            let parent = Parent {
                subtype: &subtype,
                index,
            };
            self.visit(
                ctx,
                child,
                join(prefix, index + 1),
                Some(parent),
                multipart_depth,
            );
        }
    }

    /// One part (already counted): a multipart, a forwarded message or a leaf.
    fn visit(
        &mut self,
        ctx: &Ctx<'_, '_>,
        part: &MessagePart<'_>,
        path: String,
        parent: Option<Parent<'_>>,
        multipart_depth: usize,
    ) {
        match &part.body {
            PartType::Multipart(children) => {
                if multipart_depth >= MAX_MULTIPART_DEPTH {
                    self.walk.limit.get_or_insert(Limit::MultipartDepth);
                    return;
                }
                self.multipart(ctx, part, children, &path, multipart_depth + 1);
            }
            PartType::Message(inner) if part.encoding == Encoding::None => {
                self.forwarded(ctx, part, inner, path);
            }
            PartType::Message(inner) => {
                // A Base64/QP-encoded forwarded message was parsed by mail-parser from its
                // decoded bytes, which the boundary repair of the outer bytes never saw.
                boundary::parse_repaired(&inner.raw_message, |repaired| {
                    self.forwarded(ctx, part, repaired.unwrap_or(inner), path);
                });
            }
            PartType::Binary(bytes) | PartType::InlineBinary(bytes)
                if is_message_type(declared_type(part).as_deref()) =>
            {
                // mail-parser gave up on this forwarded message (nested too deep for it,
                // or not parseable as encoded): parse it here, within our own bounds.
                boundary::parse_repaired(bytes, |inner| match inner {
                    Some(inner) if headers::looks_like_mail(bytes) => {
                        self.forwarded(ctx, part, inner, path);
                    }
                    _ => self.leaf(ctx, part, path, parent),
                });
            }
            _ => self.leaf(ctx, part, path, parent),
        }
    }

    /// A forwarded message: one container entry, then its own parts below `path`.
    fn forwarded(
        &mut self,
        ctx: &Ctx<'_, '_>,
        part: &MessagePart<'_>,
        inner: &Message<'_>,
        path: String,
    ) {
        if !ctx.forwarded() {
            self.walk.returned_message = true;
        }
        let subject = inner.subject().map(headers::clean).unwrap_or_default();
        let from = inner
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string();
        self.walk.parts.push(Part {
            path: path.clone(),
            filename: headers::part_filename(&ctx.message.raw_message, part),
            declared_type: declared_type(part),
            detected: DetectedType::Rfc822,
            size: part.offset_end.saturating_sub(part.offset_body) as usize,
            counted: false,
            note: note(
                &format!(
                    "Videresendt e-post «{subject}» fra {from}; innholdet er listet som egne deler"
                ),
                &format!(
                    "Forwarded e-mail \"{subject}\" from {from}; its contents are listed as parts of their own"
                ),
            ),
            bytes: Vec::new(),
        });
        self.walk.meta.push(Meta {
            sniffed: Sniffed {
                detected: DetectedType::Rfc822,
                flavor: detect::Flavor::Plain,
            },
            claimed: None,
            role: Role::Container,
        });
        if ctx.depth >= MAX_NESTING {
            self.walk.limit.get_or_insert(Limit::Nesting);
            return;
        }
        self.message(inner, &path, ctx.depth + 1);
    }

    fn leaf(
        &mut self,
        ctx: &Ctx<'_, '_>,
        part: &MessagePart<'_>,
        path: String,
        parent: Option<Parent<'_>>,
    ) {
        let bytes = leaf_bytes(ctx.message, part);
        let declared = declared_type(part);
        let declared_str = declared.as_deref().unwrap_or_default();
        let filename = headers::part_filename(&ctx.message.raw_message, part);
        let sniffed = detect::sniff(&bytes, declared.as_deref());
        let disposition = part
            .content_disposition()
            .map(|d| d.ctype().trim().to_ascii_lowercase());
        let attached = disposition.as_deref() == Some("attachment");
        let unnamed_inline = filename.is_none() && !attached;
        let (parent_subtype, parent_index) = parent.map_or(("", 0), |p| (p.subtype, p.index));

        if !ctx.forwarded() {
            match declared_str {
                "message/delivery-status" | "message/global-delivery-status" => {
                    self.walk.delivery_status = true;
                }
                "message/disposition-notification" | "message/global-disposition-notification" => {
                    self.walk.disposition_notification = true;
                }
                "text/rfc822-headers" | "message/global-headers" => {
                    self.walk.returned_message = true;
                }
                _ => {}
            }
        }

        let web_image = matches!(
            sniffed.detected,
            DetectedType::Png | DetectedType::Jpeg | DetectedType::Gif
        ) || declared_str.starts_with("image/")
            && declared_str != "image/tiff"
            && sniffed.detected == DetectedType::Other;
        let referenced = part
            .content_id()
            .is_some_and(|cid| ctx.cids.contains(&cid.trim().to_ascii_lowercase()));
        let role = if matches!(sniffed.detected, DetectedType::Pdf | DetectedType::Tiff) {
            Role::Document
        } else if SIGNATURE_TYPES.contains(&declared_str)
            || parent_subtype == "signed" && parent_index == 1
        {
            Role::Signature
        } else if REPORT_TYPES.contains(&declared_str) {
            Role::Report
        } else if unnamed_inline && (declared.is_none() || declared_str.starts_with("text/")) {
            Role::Body
        } else if unnamed_inline && parent_subtype == "alternative" {
            Role::Alternative
        } else if web_image
            && (disposition.as_deref() == Some("inline")
                || referenced
                || parent_subtype == "related" && parent_index > 0)
        {
            Role::InlineImage
        } else {
            Role::Document
        };

        let claimed = filename
            .as_deref()
            .and_then(DetectedType::from_extension)
            .or(match declared_str {
                "application/pdf" | "application/x-pdf" => Some(DetectedType::Pdf),
                "image/tiff" | "image/tif" => Some(DetectedType::Tiff),
                _ => None,
            });
        let note = match role {
            Role::Body => note(
                "Meldingstekst, ikke et dokument",
                "Message text, not a document",
            ),
            Role::Alternative => note(
                "Alternativ visning av meldingsteksten, ikke et dokument",
                "Alternative form of the message text, not a document",
            ),
            Role::InlineImage => note(
                "Innebygd bilde (f.eks. logo i signaturen), ikke et dokument",
                "Inline image (e.g. a signature logo), not a document",
            ),
            Role::Signature => note(
                "Digital signatur for e-posten, ikke et dokument",
                "Digital signature of the e-mail, not a document",
            ),
            Role::Report => note(
                "Leveringsrapport, ikke et dokument",
                "Delivery report, not a document",
            ),
            Role::Document => match claimed {
                Some(claim @ (DetectedType::Pdf | DetectedType::Tiff))
                    if claim != sniffed.detected =>
                {
                    note(
                        &format!(
                            "Oppgitt som {}, men innholdet er {}",
                            claim.label_nb(),
                            sniffed.describe_nb()
                        ),
                        &format!(
                            "Declared as {}, but the content is {}",
                            claim.label_en(),
                            sniffed.describe_en()
                        ),
                    )
                }
                _ => None,
            },
            Role::Container | Role::Duplicate => None,
        };

        self.walk.parts.push(Part {
            path,
            filename,
            declared_type: declared,
            detected: sniffed.detected,
            size: bytes.len(),
            counted: role == Role::Document,
            note,
            bytes,
        });
        self.walk.meta.push(Meta {
            sniffed,
            claimed,
            role,
        });
    }
}

/// A document whose bytes equal an earlier document's is the same file attached twice
/// (or forwarded and attached again): it is counted once.
fn mark_duplicates(walk: &mut Walk) {
    for i in 0..walk.parts.len() {
        if !walk.parts[i].counted {
            continue;
        }
        let original =
            (0..i).find(|&j| walk.parts[j].counted && walk.parts[j].bytes == walk.parts[i].bytes);
        if let Some(j) = original {
            let path = walk.parts[j].path.clone();
            walk.parts[i].counted = false;
            walk.parts[i].note = note(
                &format!("Identisk kopi av del {path}, telles én gang"),
                &format!("Identical copy of part {path}, counted once"),
            );
            if let Some(meta) = walk.meta.get_mut(i) {
                meta.role = Role::Duplicate;
            }
        }
    }
}
