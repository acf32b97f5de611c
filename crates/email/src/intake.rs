//! The intake decision over one raw RFC 5322 message: accept one PDF/TIFF invoice, turn the
//! mail away with a reason, or set it aside as not an invoice — and whether the sender may
//! be answered.
//!
//! The receiver's rules for the e-mail channel: only PDF or TIFF; one document per invoice
//! (the invoice and its appendices in one file); one invoice per e-mail; the address takes
//! invoices only. [`decide`] reads them as a mail person would.
//!
//! # Order of the decision
//! 1. Bytes that do not begin with a mail header block (optionally after an mbox `From `
//!    line) are not a mail at all: `MOTTAK-EMAIL-UNREADABLE` (set aside).
//! 2. A message larger than [`IntakeConfig::max_message_bytes`] is turned away
//!    (`MOTTAK-EMAIL-SIZE`) without parsing its body; only its header block is read, so the
//!    sender can be told. A bounce recognisable from the headers alone stays a bounce.
//! 3. The body is parsed (mail-parser 0.11, on a copy with repaired boundaries: see
//!    [`boundary`](self) below). A parser failure is `MOTTAK-EMAIL-UNREADABLE`.
//! 4. A bounce is `MOTTAK-EMAIL-BOUNCE` (set aside) before anything else is looked at: a
//!    bounce is never an invoice, whatever it carries inside (it typically returns the
//!    original mail, PDF and all). A bounce is `multipart/report;
//!    report-type=delivery-status`, or has a `message/delivery-status` part outside any
//!    forwarded message, or comes from a null/daemon sender (`Return-Path: <>`,
//!    `MAILER-DAEMON`, `postmaster`) and looks like one (`X-Failed-Recipients`, a
//!    delivery-failure subject, a returned message or headers part, a report). A bounce
//!    that a *person* forwards (inside `message/rfc822`) is not a bounce: it is a forward.
//! 5. More than [`MAX_PARTS`] MIME parts, forwarded messages nested deeper than
//!    [`MAX_NESTING`], or multiparts nested absurdly deep: `MOTTAK-EMAIL-UNREADABLE` (set
//!    aside for a person rather than half-read).
//! 6. Any other automatic report (`multipart/report` such as a read receipt) is
//!    `MOTTAK-EMAIL-NO-DOCUMENT`.
//! 7. The documents are counted (below). None: `MOTTAK-EMAIL-NO-DOCUMENT` (set aside: a
//!    question, a comment, a newsletter, an out-of-office reply). More than one:
//!    `MOTTAK-EMAIL-MULTIPLE` (even if all are PDFs). Exactly one that is neither PDF nor
//!    TIFF: `MOTTAK-EMAIL-TYPE` (with the Peppol address when it is an EHF XML). Exactly one
//!    PDF or TIFF: inspected ([`crate::inspect`]); it is accepted with its page count, or
//!    turned away as `MOTTAK-EMAIL-PDF-ENCRYPTED`, `MOTTAK-EMAIL-PDF-CORRUPT` or
//!    `MOTTAK-EMAIL-TIFF-CORRUPT`.
//!
//! # Counting documents
//! Every MIME part is listed in [`Intake::parts`] (with its IMAP-style position `1`, `2.1`,
//! ...), its type decided from its bytes ([`DetectedType`]; the declared Content-Type and
//! the file name only ever serve to word a message: "the file faktura.pdf is not a PDF but
//! a ZIP archive"). A part counts as a document the sender meant unless it is one of:
//!
//! - **message text**: a `text/*` part (or one without Content-Type) that has no file name
//!   and is not `Content-Disposition: attachment` — what the sender wrote, including a
//!   `text/calendar` invitation body. A `text/*` part *with* a file name (or explicitly
//!   attached) is a file the sender attached, and counts (as Text, Html, Xml, Ehf ...);
//! - **another form of the body**: an unnamed, not attached child of
//!   `multipart/alternative`;
//! - **an inline image**: a PNG/JPEG/GIF (by its bytes, or declared `image/*` other than
//!   TIFF with bytes we do not recognise) that is `Content-Disposition: inline`, or whose
//!   `Content-ID` is referenced as `cid:` from an HTML part of the same message, or that is
//!   a resource of a `multipart/related` (not its first part) — signature logos. An image
//!   that is simply attached counts (and is then the wrong type);
//! - **the e-mail's digital signature** (`application/pkcs7-signature`,
//!   `application/pgp-signature`, the second part of `multipart/signed`);
//! - **a report part** (`message/delivery-status`, `text/rfc822-headers`, ...);
//! - **a forwarded message** (`message/rfc822`, `message/global`): not a document itself,
//!   but its parts are walked by the same rules — a forwarded invoice mail with a PDF
//!   counts that PDF; its own text, HTML and inline logos do not;
//! - **an identical copy** of a document counted before it (the same bytes attached twice,
//!   or forwarded and attached again): counted once.
//!
//! Two overrides keep the sender's intent: a part whose bytes are a **PDF or TIFF always
//! counts**, wherever it sits and however it is declared (Apple Mail sends attachments as
//! `inline`; nobody uses a PDF as a logo). And an attached calendar invitation (`.ics`) or
//! contact card (`.vcf`) counts as a document of type [`DetectedType::Other`]: the sender
//! attached it, so it is what they sent — the turn-away then names it.
//!
//! # Answering ([`ReplyPolicy`])
//! Decided from the headers, independently of the verdict except for bounces (the pipeline
//! decides *whether* to answer a verdict; this says whether it *may*): never a bounce or a
//! null/daemon sender; never auto-submitted mail (`Auto-Submitted` other than `no`,
//! `X-Autoreply`, `X-Autorespond`, `X-Auto-Response-Suppress` with All/OOF/AutoReply,
//! `Precedence: auto_reply`) nor automatic reports; never list or bulk mail
//! (`Precedence: bulk|list|junk`, `List-Id`, `List-Unsubscribe`); never our own addresses
//! (From, Reply-To or Return-Path equal to one of [`IntakeConfig::own_addresses`],
//! case-insensitive); otherwise to Reply-To if it is usable, else From. A usable address is
//! `local@domain.tld` without address syntax around it and not a no-reply mailbox
//! (`noreply@`, `do-not-reply@`, `ikke-svar@`: answering those only returns a bounce);
//! none usable is [`Suppressed::NoSender`]. An invoice sent by a billing system with
//! `Auto-Submitted: auto-generated` is still *accepted* — only answering is suppressed.
//!
//! # Header decoding
//! mail-parser decodes RFC 2047 encoded words (any charset it knows, UTF-8 and ISO-8859-1
//! included) and RFC 2231 parameters (`filename*=UTF-8''faktura_%C3%A5.pdf`, continuations
//! `filename*0*=`). Raw 8-bit header bytes that are not UTF-8 are read as windows-1252 (the
//! superset of ISO-8859-1 that mail clients really send), in subjects, display names and
//! file names. Control characters are removed from what is shown.
//!
//! # The mail-parser 0.11 boundary bug
//! mail-parser 0.11 treats `--boundary` anywhere in a line as a delimiter; the fix exists
//! only in 1.0, which needs a newer Rust. Before parsing, [`decide`] rewrites the real
//! delimiter lines (and the `boundary=` parameter) of any boundary that also occurs
//! elsewhere to a fresh boundary found nowhere in the message, and parses that copy; the
//! original bytes are never changed. See `src/intake/boundary.rs` and
//! `tests/mail_parser_boundary_bug.rs` for what goes wrong without it.
//!
//! # Robustness
//! [`decide`] never panics on any bytes: no indexing or `unwrap` on input; the walk is
//! bounded ([`MAX_PARTS`], [`MAX_NESTING`]); decoded part sizes are bounded by the raw size;
//! the PDF/TIFF inspectors have decompression budgets; and the third-party parsers
//! (mail-parser, lopdf, tiff) run inside `catch_unwind`, so a panic in one of them (a debug
//! assertion, an overflow) becomes "unreadable" instead of taking the pipeline down.

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Deserialize, Serialize};

mod boundary;
mod detect;
mod headers;
mod texts;
mod walk;

pub use detect::DetectedType;
pub(crate) use detect::pdf_header_offset as detect_pdf_offset;

use crate::inspect;

/// The receiver's Peppol participant id, named in texts that send EHF to the Peppol network.
pub const DEFAULT_PEPPOL_ID: &str = "0192:931235184";

/// How deep forwarded messages are followed (a forward of a forward of ...).
pub const MAX_NESTING: usize = 8;

/// How many MIME parts (containers included, at all levels) a message may have.
pub const MAX_PARTS: usize = 500;

/// The reason codes [`decide`] returns; the pipeline's catalogue and the fixtures use them.
pub mod codes {
    /// More than one document.
    pub const MULTIPLE: &str = "MOTTAK-EMAIL-MULTIPLE";
    /// The one document is neither PDF nor TIFF.
    pub const TYPE: &str = "MOTTAK-EMAIL-TYPE";
    /// The PDF is protected by a user password.
    pub const PDF_ENCRYPTED: &str = "MOTTAK-EMAIL-PDF-ENCRYPTED";
    /// The PDF does not open, has no pages or is truncated.
    pub const PDF_CORRUPT: &str = "MOTTAK-EMAIL-PDF-CORRUPT";
    /// The TIFF does not decode.
    pub const TIFF_CORRUPT: &str = "MOTTAK-EMAIL-TIFF-CORRUPT";
    /// The raw message is larger than the configured maximum.
    pub const SIZE: &str = "MOTTAK-EMAIL-SIZE";
    /// Not an invoice: no document at all.
    pub const NO_DOCUMENT: &str = "MOTTAK-EMAIL-NO-DOCUMENT";
    /// Not an invoice: a delivery-status report (bounce).
    pub const BOUNCE: &str = "MOTTAK-EMAIL-BOUNCE";
    /// Not an invoice: not a readable mail message.
    pub const UNREADABLE: &str = "MOTTAK-EMAIL-UNREADABLE";

    /// Every code, turn-aways first.
    pub const ALL: &[&str] = &[
        MULTIPLE,
        TYPE,
        PDF_ENCRYPTED,
        PDF_CORRUPT,
        TIFF_CORRUPT,
        SIZE,
        NO_DOCUMENT,
        BOUNCE,
        UNREADABLE,
    ];
}

/// What [`decide`] needs to know about the intake address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeConfig {
    /// Our own addresses (the intake address, its aliases): never answered.
    pub own_addresses: Vec<String>,
    /// Larger raw messages are turned away unparsed.
    pub max_message_bytes: usize,
    /// Our Peppol participant id, named where a sender should use EHF instead.
    pub peppol_id: String,
}

impl Default for IntakeConfig {
    /// No own addresses, 25 MiB.
    fn default() -> Self {
        IntakeConfig {
            own_addresses: Vec::new(),
            max_message_bytes: 25 * 1024 * 1024,
            peppol_id: DEFAULT_PEPPOL_ID.to_owned(),
        }
    }
}

/// The decision over one mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intake {
    pub mail: MailInfo,
    /// Every MIME part, in document order (see the module docs).
    pub parts: Vec<Part>,
    pub verdict: Verdict,
    pub reply: ReplyPolicy,
}

impl Intake {
    /// The accepted document, if the verdict is [`Verdict::Accept`].
    pub fn accepted(&self) -> Option<&Part> {
        match self.verdict {
            Verdict::Accept { part, .. } => self.parts.get(part),
            _ => None,
        }
    }

    /// The reason, if the mail was turned away or set aside.
    pub fn reason(&self) -> Option<&Reason> {
        match &self.verdict {
            Verdict::Accept { .. } => None,
            Verdict::TurnAway(reason) | Verdict::NotInvoice(reason) => Some(reason),
        }
    }

    /// The parts counted as documents.
    pub fn documents(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.counted)
    }
}

/// What the mail says about itself (top-level headers, decoded).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailInfo {
    /// Without angle brackets.
    pub message_id: Option<String>,
    /// The first From mailbox.
    pub from: Option<Mailbox>,
    /// The first Reply-To mailbox.
    pub reply_to: Option<Mailbox>,
    /// The address in the (first) Return-Path; `Some("")` for `<>`.
    pub return_path: Option<String>,
    pub subject: Option<String>,
    /// RFC 3339 when the Date header parses, else its raw text.
    pub date: Option<String>,
    /// The References message ids, without angle brackets.
    pub references: Vec<String>,
}

/// A mailbox: display name (decoded) and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

/// One MIME part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The IMAP-style position: `1`, `2`, `2.1` (parts of a forwarded message at `2` are
    /// `2.1`, `2.2`, ...).
    pub path: String,
    /// The decoded file name (RFC 2047/2231, raw 8-bit as windows-1252).
    pub filename: Option<String>,
    /// The declared `type/subtype`, lowercased.
    pub declared_type: Option<String>,
    /// What the bytes are.
    pub detected: DetectedType,
    /// `bytes.len()` (for a forwarded-message entry: its raw size).
    pub size: usize,
    /// Counted as a document the sender meant.
    pub counted: bool,
    /// Why a part is not counted, what is wrong with it, or what it is ("nb / en").
    pub note: Option<String>,
    /// The transfer-decoded content (Base64/quoted-printable undone, no charset
    /// conversion). Empty for a forwarded-message entry: its contents are parts of their
    /// own.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The two formats the e-mail channel accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocFormat {
    Pdf,
    Tiff,
}

impl DocFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            DocFormat::Pdf => "pdf",
            DocFormat::Tiff => "tiff",
        }
    }
}

/// The outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// One usable invoice document: `parts[part]`, with its page count.
    Accept {
        part: usize,
        format: DocFormat,
        pages: u32,
    },
    /// Not accepted; the sender should be told why (if [`ReplyPolicy`] allows).
    TurnAway(Reason),
    /// Not an invoice: set aside with the reason, never lost.
    NotInvoice(Reason),
}

/// Why a mail was turned away or set aside, in both languages (same content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// One of [`codes`].
    pub code: &'static str,
    /// Norwegian bokmål.
    pub nb: String,
    /// English.
    pub en: String,
}

impl Reason {
    /// `"{nb} / {en}"`.
    pub fn message(&self) -> String {
        format!("{} / {}", self.nb, self.en)
    }
}

/// Whether the sender may be answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyPolicy {
    /// Answer to this address (Reply-To if usable, else From).
    Reply { to: String },
    /// Do not answer.
    Suppress(Suppressed),
}

/// Why answering is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suppressed {
    /// Auto-submitted mail (auto-replies, auto-generated mail, automatic reports).
    AutoSubmitted,
    /// Mailing-list or bulk mail.
    ListOrBulk,
    /// A bounce, or a null/daemon sender.
    Bounce,
    /// From, Reply-To or Return-Path is one of our own addresses (a loop).
    OwnAddress,
    /// No usable sender address (missing, malformed, no-reply).
    NoSender,
}

impl Suppressed {
    pub fn as_str(self) -> &'static str {
        match self {
            Suppressed::AutoSubmitted => "auto_submitted",
            Suppressed::ListOrBulk => "list_or_bulk",
            Suppressed::Bounce => "bounce",
            Suppressed::OwnAddress => "own_address",
            Suppressed::NoSender => "no_sender",
        }
    }
}

/// Decides what the raw message `raw` is (see the module docs). Never panics, on any bytes.
pub fn decide(raw: &[u8], config: &IntakeConfig) -> Intake {
    if !headers::looks_like_mail(raw) {
        return Intake {
            mail: MailInfo::default(),
            parts: Vec::new(),
            verdict: Verdict::NotInvoice(texts::not_mail()),
            reply: ReplyPolicy::Suppress(Suppressed::NoSender),
        };
    }

    if raw.len() > config.max_message_bytes {
        return decide_oversized(raw, config);
    }

    boundary::parse_repaired(raw, |message| match message {
        Some(message) => decide_parsed(message, config),
        None => Intake {
            mail: MailInfo::default(),
            parts: Vec::new(),
            verdict: Verdict::NotInvoice(texts::parser_failed()),
            reply: ReplyPolicy::Suppress(Suppressed::NoSender),
        },
    })
}

/// Steps 4 to 7, on the parsed (and repaired) message.
fn decide_parsed(message: &mail_parser::Message<'_>, config: &IntakeConfig) -> Intake {
    let mail = headers::mail_info(message);
    let signals = headers::signals(message, &mail);
    let walk::Walk {
        mut parts,
        meta,
        limit,
        delivery_status,
        disposition_notification,
        returned_message,
    } = walk::walk(message);

    let bounce = signals.bounce(delivery_status, returned_message);
    let report = !bounce && (signals.report_type.is_some() || disposition_notification);
    let reply = headers::reply_policy(&mail, &signals, config, bounce, report);

    let verdict = if bounce {
        uncount(
            &mut parts,
            "Ikke telt: e-posten er en returmelding",
            "Not counted: the e-mail is a bounce",
        );
        Verdict::NotInvoice(texts::bounce(&mail))
    } else if let Some(limit) = limit {
        uncount(
            &mut parts,
            "Ikke telt: e-posten er for sammensatt",
            "Not counted: the e-mail is too complex",
        );
        Verdict::NotInvoice(texts::limit(limit))
    } else if report {
        uncount(
            &mut parts,
            "Ikke telt: e-posten er en automatisk rapport",
            "Not counted: the e-mail is an automatic report",
        );
        Verdict::NotInvoice(texts::no_document(&parts, &meta, texts::NoDocument::Report))
    } else {
        count(&mut parts, &meta, &signals, &config.peppol_id)
    };
    Intake {
        mail,
        parts,
        verdict,
        reply,
    }
}

/// Step 2: too large to parse; the header block alone says who sent it and whether it is
/// a bounce.
fn decide_oversized(raw: &[u8], config: &IntakeConfig) -> Intake {
    let head = catch_unwind(AssertUnwindSafe(|| {
        mail_parser::MessageParser::default().parse_headers(raw)
    }))
    .unwrap_or(None);
    let (mail, signals) = match &head {
        Some(message) => {
            let mail = headers::mail_info(message);
            let signals = headers::signals(message, &mail);
            (mail, signals)
        }
        None => (MailInfo::default(), headers::Signals::default()),
    };
    let bounce = signals.bounce_by_headers();
    let verdict = if bounce {
        Verdict::NotInvoice(texts::bounce(&mail))
    } else {
        Verdict::TurnAway(texts::size(raw.len(), config.max_message_bytes))
    };
    let reply = headers::reply_policy(&mail, &signals, config, bounce, false);
    Intake {
        mail,
        parts: Vec::new(),
        verdict,
        reply,
    }
}

fn pages_nb(pages: u32) -> String {
    if pages == 1 {
        "1 side".to_string()
    } else {
        format!("{pages} sider")
    }
}

fn pages_en(pages: u32) -> String {
    if pages == 1 {
        "1 page".to_string()
    } else {
        format!("{pages} pages")
    }
}

/// A verdict reached before counting (bounce, limits, report): no part counts.
fn uncount(parts: &mut [Part], nb: &str, en: &str) {
    for part in parts.iter_mut().filter(|p| p.counted) {
        part.counted = false;
        part.note.get_or_insert_with(|| format!("{nb} / {en}"));
    }
}

/// Step 7: count the documents and judge the one, if there is one.
fn count(
    parts: &mut [Part],
    meta: &[walk::Meta],
    signals: &headers::Signals,
    peppol_id: &str,
) -> Verdict {
    let documents: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].counted).collect();
    match documents.as_slice() {
        [] => {
            let kind = if signals.auto_submitted {
                texts::NoDocument::AutoReply
            } else if signals.list_or_bulk {
                texts::NoDocument::Bulk
            } else {
                texts::NoDocument::Plain
            };
            Verdict::NotInvoice(texts::no_document(parts, meta, kind))
        }
        [one] => {
            let index = *one;
            let (Some(part), Some(part_meta)) = (parts.get_mut(index), meta.get(index)) else {
                return Verdict::NotInvoice(texts::parser_failed());
            };
            match part.detected {
                DetectedType::Pdf => match inspect::pdf(&part.bytes) {
                    Ok(info) => {
                        part.note = Some(format!(
                            "PDF {}, {} / PDF {}, {}",
                            info.version,
                            pages_nb(info.pages),
                            info.version,
                            pages_en(info.pages)
                        ));
                        Verdict::Accept {
                            part: index,
                            format: DocFormat::Pdf,
                            pages: info.pages,
                        }
                    }
                    Err(problem) => {
                        let reason = texts::pdf_problem(part, &problem);
                        part.note = Some(reason.message());
                        Verdict::TurnAway(reason)
                    }
                },
                DetectedType::Tiff => match inspect::tiff(&part.bytes) {
                    Ok(info) => {
                        part.note = Some(format!(
                            "TIFF, {} / TIFF, {}",
                            pages_nb(info.pages),
                            pages_en(info.pages)
                        ));
                        Verdict::Accept {
                            part: index,
                            format: DocFormat::Tiff,
                            pages: info.pages,
                        }
                    }
                    Err(problem) => {
                        let reason = texts::tiff_problem(part, &problem);
                        part.note = Some(reason.message());
                        Verdict::TurnAway(reason)
                    }
                },
                _ => Verdict::TurnAway(texts::wrong_type(part, part_meta, peppol_id)),
            }
        }
        many => {
            let docs: Vec<(&Part, &walk::Meta)> = many
                .iter()
                .filter_map(|&i| Some((parts.get(i)?, meta.get(i)?)))
                .collect();
            Verdict::TurnAway(texts::multiple(&docs, peppol_id))
        }
    }
}
