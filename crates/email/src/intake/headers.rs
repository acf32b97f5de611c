//! The top-level header fields: what the mail says about itself ([`MailInfo`]), the signals
//! that decide whether it may be answered, and what makes it a bounce.

use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{
    Header, HeaderName, HeaderValue, Message, MessageParser, MessagePart, MimeHeaders,
};

use super::{IntakeConfig, MailInfo, Mailbox, ReplyPolicy, Suppressed};

/// Header names that any real mail carries at least one of.
const MAIL_HEADERS: &[&[u8]] = &[
    b"from",
    b"to",
    b"cc",
    b"subject",
    b"date",
    b"message-id",
    b"received",
    b"return-path",
    b"mime-version",
    b"content-type",
    b"sender",
    b"reply-to",
    b"delivered-to",
];

/// Whether `raw` begins with a header block of an RFC 5322 message: the first line (after an
/// optional mbox `From ` separator) is a header field, and the block has at least one field
/// every mail carries. Binary junk, a bare PDF or a body without headers is not a mail.
pub(crate) fn looks_like_mail(raw: &[u8]) -> bool {
    let mut rest = raw;
    if rest.starts_with(b"From ") {
        match rest.iter().position(|&b| b == b'\n') {
            Some(end) => rest = &rest[end + 1..],
            None => return false,
        }
    }
    let mut fields = 0;
    for line in rest.split(|&b| b == b'\n').take(1000) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if matches!(line.first(), Some(b' ' | b'\t')) {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            if fields == 0 {
                return false;
            }
            break;
        };
        let name = line[..colon].trim_ascii_end();
        if name.is_empty() || !name.iter().all(|&b| (33..=126).contains(&b)) {
            if fields == 0 {
                return false;
            }
            break;
        }
        fields += 1;
        if MAIL_HEADERS
            .iter()
            .any(|known| name.eq_ignore_ascii_case(known))
        {
            return true;
        }
    }
    false
}

/// The top-level headers of `message`.
fn top_headers<'a, 'x>(message: &'a Message<'x>) -> &'a [Header<'x>] {
    message
        .parts
        .first()
        .map(|part| part.headers.as_slice())
        .unwrap_or_default()
}

/// The raw value of a header (unfolded, trimmed, lossy UTF-8).
fn raw_value(raw_message: &[u8], header: &Header<'_>) -> String {
    let bytes = raw_message
        .get(header.offset_start as usize..header.offset_end as usize)
        .unwrap_or_default();
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line.trim());
    }
    out.trim().to_string()
}

/// Every raw value of the top-level header `name` (case-insensitive).
fn raw_values(message: &Message<'_>, name: &str) -> Vec<String> {
    top_headers(message)
        .iter()
        .filter(|h| h.name.as_str().eq_ignore_ascii_case(name))
        .map(|h| raw_value(&message.raw_message, h))
        .collect()
}

/// Re-reads one header whose raw bytes are not UTF-8 as windows-1252 (the superset of
/// ISO-8859-1 that mail clients really send in raw 8-bit headers), by parsing a message
/// made of that one header. mail-parser itself turns such bytes into U+FFFD.
fn reparse_8bit<T>(
    raw_message: &[u8],
    header: &Header<'_>,
    read: impl FnOnce(&Message<'_>) -> Option<T>,
) -> Option<T> {
    let bytes = raw_message.get(header.offset_start as usize..header.offset_end as usize)?;
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let decode = charset_decoder(b"windows-1252")?;
    let value = decode(bytes);
    let mini = format!(
        "{}: {}\r\n\r\n",
        header.name.as_str(),
        value.trim_end_matches(['\r', '\n']).trim_start()
    );
    let message = MessageParser::default().parse(mini.as_bytes())?;
    read(&message)
}

/// Removes control characters (a file name or subject is shown to people and may end up
/// in a file system) and trims.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A part's file name: Content-Disposition `filename` (RFC 2231 `filename*` and
/// continuations included), else Content-Type `name`; raw 8-bit names read as
/// windows-1252.
pub(crate) fn part_filename(raw_message: &[u8], part: &MessagePart<'_>) -> Option<String> {
    let name = part.attachment_name()?;
    if name.contains('\u{FFFD}') {
        for header in &part.headers {
            if matches!(
                header.name,
                HeaderName::ContentDisposition | HeaderName::ContentType
            ) {
                let fixed = reparse_8bit(raw_message, header, |m| {
                    m.parts.first()?.attachment_name().map(str::to_string)
                });
                if let Some(fixed) = fixed.filter(|f| !f.contains('\u{FFFD}')) {
                    return Some(clean(&fixed)).filter(|n| !n.is_empty());
                }
            }
        }
    }
    Some(clean(name)).filter(|n| !n.is_empty())
}

fn mailbox(message: &Message<'_>, name: HeaderName<'static>) -> Option<Mailbox> {
    let header = top_headers(message).iter().find(|h| h.name == name)?;
    let first = header.value.as_address()?.first()?;
    let address = first.address()?.trim().to_string();
    if address.is_empty() {
        return None;
    }
    let mut display = first.name().map(str::to_string);
    if display.as_deref().is_some_and(|n| n.contains('\u{FFFD}'))
        && let Some(fixed) = reparse_8bit(&message.raw_message, header, |m| {
            let header = top_headers(m).first()?;
            header
                .value
                .as_address()?
                .first()?
                .name()
                .map(str::to_string)
        })
    {
        display = Some(fixed);
    }
    Some(Mailbox {
        name: display.map(|n| clean(&n)).filter(|n| !n.is_empty()),
        address,
    })
}

fn subject(message: &Message<'_>) -> Option<String> {
    let header = top_headers(message)
        .iter()
        .find(|h| h.name == HeaderName::Subject)?;
    let text = match &header.value {
        HeaderValue::Text(text) => text.to_string(),
        HeaderValue::TextList(list) => list.join(" "),
        _ => raw_value(&message.raw_message, header),
    };
    let text = if text.contains('\u{FFFD}') {
        reparse_8bit(&message.raw_message, header, |m| {
            m.subject().map(str::to_string)
        })
        .unwrap_or(text)
    } else {
        text
    };
    Some(clean(&text))
}

/// The address in a `Return-Path` value: `<>` is `Some("")` (a bounce's null sender).
fn parse_return_path(value: &str) -> String {
    let value = value.trim();
    match (value.find('<'), value.rfind('>')) {
        (Some(open), Some(close)) if open < close => value[open + 1..close].trim().to_string(),
        _ => value.to_string(),
    }
}

/// What the mail says about itself, from its top-level headers.
pub(crate) fn mail_info(message: &Message<'_>) -> MailInfo {
    let references = match message.references() {
        HeaderValue::Text(id) => vec![id.to_string()],
        HeaderValue::TextList(ids) => ids.iter().map(|id| id.to_string()).collect(),
        _ => Vec::new(),
    };
    let date = match message.date() {
        Some(date) if date.is_valid() => Some(date.to_rfc3339()),
        _ => raw_values(message, "date").into_iter().next(),
    };
    MailInfo {
        message_id: message.message_id().map(clean).filter(|id| !id.is_empty()),
        from: mailbox(message, HeaderName::From),
        reply_to: mailbox(message, HeaderName::ReplyTo),
        return_path: raw_values(message, "return-path")
            .first()
            .map(|v| parse_return_path(v)),
        subject: subject(message),
        date,
        references,
    }
}

/// What the top-level headers say about answering and about bounces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    /// `Auto-Submitted` other than `no`, `X-Autoreply`, `X-Autorespond`,
    /// `X-Auto-Response-Suppress` with All/OOF/AutoReply, `Precedence: auto_reply`.
    pub(crate) auto_submitted: bool,
    /// `Precedence: bulk|list|junk`, `List-Id`, `List-Unsubscribe`.
    pub(crate) list_or_bulk: bool,
    /// `Return-Path: <>`.
    pub(crate) null_return_path: bool,
    /// The Return-Path or From local part is `MAILER-DAEMON` or `postmaster`.
    pub(crate) daemon_sender: bool,
    /// `X-Failed-Recipients` (Exim's bounces).
    pub(crate) failed_recipients: bool,
    /// The subject reads like a delivery failure notice.
    pub(crate) bounce_subject: bool,
    /// The top-level type is `multipart/report`: its `report-type`, lowercased.
    pub(crate) report_type: Option<String>,
}

impl Signals {
    /// A bounce judged by the headers alone (used when the body is not parsed).
    pub(crate) fn bounce_by_headers(&self) -> bool {
        self.report_type.as_deref() == Some("delivery-status")
            || (self.null_return_path || self.daemon_sender)
                && (self.failed_recipients || self.bounce_subject || self.report_type.is_some())
    }

    /// A bounce, given what the body showed: a `message/delivery-status` part outside
    /// forwarded messages, or a returned message/headers part from a daemon sender.
    pub(crate) fn bounce(&self, delivery_status_part: bool, returned_message: bool) -> bool {
        self.bounce_by_headers()
            || delivery_status_part
            || (self.null_return_path || self.daemon_sender) && returned_message
    }
}

fn local_part(address: &str) -> &str {
    address.rsplit_once('@').map_or(address, |(local, _)| local)
}

fn is_daemon(address: &str) -> bool {
    let local = local_part(address).to_ascii_lowercase();
    matches!(
        local.as_str(),
        "mailer-daemon" | "mailerdaemon" | "mail-daemon" | "postmaster"
    )
}

/// Phrases of delivery failure notices (English, Norwegian, German, French), lowercased.
const BOUNCE_SUBJECTS: &[&str] = &[
    "undeliver",
    "delivery status notification",
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "failure notice",
    "returned mail",
    "mail delivery failed",
    "mail delivery subsystem",
    "returned to sender",
    "kan ikke leveres",
    "ikke levert",
    "levering mislyktes",
    "unzustellbar",
    "non remis",
];

/// Reads the reply and bounce signals from the top-level headers.
pub(crate) fn signals(message: &Message<'_>, mail: &MailInfo) -> Signals {
    let values = |name: &str| raw_values(message, name);
    let first_token = |value: &str| {
        value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    };

    let auto_submitted = values("auto-submitted").iter().any(|v| {
        let token = first_token(v);
        !token.is_empty() && token != "no"
    }) || !values("x-autoreply").is_empty()
        || !values("x-autorespond").is_empty()
        || values("x-auto-response-suppress").iter().any(|v| {
            v.split(',').any(|token| {
                let token = token.trim().to_ascii_lowercase();
                matches!(token.as_str(), "all" | "oof" | "autoreply")
            })
        });
    let precedence: Vec<String> = values("precedence")
        .iter()
        .map(|v| first_token(v))
        .collect();
    let auto_submitted = auto_submitted || precedence.iter().any(|p| p == "auto_reply");
    let list_or_bulk = precedence
        .iter()
        .any(|p| matches!(p.as_str(), "bulk" | "list" | "junk"))
        || !values("list-id").is_empty()
        || !values("list-unsubscribe").is_empty();

    let null_return_path = mail.return_path.as_deref().is_some_and(str::is_empty);
    let daemon_sender = mail.return_path.as_deref().is_some_and(is_daemon)
        || mail.from.as_ref().is_some_and(|f| is_daemon(&f.address));
    let subject = mail.subject.as_deref().unwrap_or_default().to_lowercase();
    let bounce_subject = BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p));
    let report_type = message
        .parts
        .first()
        .and_then(|root| root.content_type())
        .filter(|ct| {
            ct.ctype().eq_ignore_ascii_case("multipart")
                && ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("report"))
        })
        .map(|ct| {
            ct.attribute("report-type")
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });

    Signals {
        auto_submitted,
        list_or_bulk,
        null_return_path,
        daemon_sender,
        failed_recipients: !values("x-failed-recipients").is_empty(),
        bounce_subject,
        report_type,
    }
}

/// Whether an address is one we could send a reply to: `local@domain.tld`, no spaces,
/// brackets or other address syntax, not a daemon and not a no-reply mailbox (answering
/// those only produces a bounce).
fn usable(address: &str) -> bool {
    let address = address.trim();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let syntax_ok = !local.is_empty()
        && address.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\'
                )
        });
    if !syntax_ok || is_daemon(address) {
        return false;
    }
    let normalized: String = local
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .collect();
    !["noreply", "donotreply", "ikkesvar"]
        .iter()
        .any(|prefix| normalized.starts_with(prefix))
}

/// Whether the sender may be answered, and where (Reply-To if usable, else From).
pub(crate) fn reply_policy(
    mail: &MailInfo,
    signals: &Signals,
    config: &IntakeConfig,
    bounce: bool,
    automatic_report: bool,
) -> ReplyPolicy {
    if bounce || signals.null_return_path || signals.daemon_sender {
        return ReplyPolicy::Suppress(Suppressed::Bounce);
    }
    if signals.auto_submitted || automatic_report {
        return ReplyPolicy::Suppress(Suppressed::AutoSubmitted);
    }
    if signals.list_or_bulk {
        return ReplyPolicy::Suppress(Suppressed::ListOrBulk);
    }
    let own = |address: &str| {
        let address = address.trim();
        config
            .own_addresses
            .iter()
            .any(|own| own.trim().eq_ignore_ascii_case(address))
    };
    let candidates = [mail.from.as_ref(), mail.reply_to.as_ref()];
    if candidates.iter().flatten().any(|m| own(&m.address))
        || mail.return_path.as_deref().is_some_and(own)
    {
        return ReplyPolicy::Suppress(Suppressed::OwnAddress);
    }
    [mail.reply_to.as_ref(), mail.from.as_ref()]
        .into_iter()
        .flatten()
        .find(|m| usable(&m.address))
        .map_or(ReplyPolicy::Suppress(Suppressed::NoSender), |m| {
            ReplyPolicy::Reply {
                to: m.address.trim().to_string(),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_or_not() {
        assert!(looks_like_mail(b"From: a@b.no\r\n\r\nx"));
        assert!(looks_like_mail(
            b"From someone Tue Mar  3 10:00:00 2026\nX-Foo: 1\nSubject: x\n\nbody"
        ));
        assert!(looks_like_mail(
            b"X-Mailer: y\r\nReceived: from x\r\n\tby y\r\n\r\n"
        ));
        assert!(!looks_like_mail(b"%PDF-1.4\n"));
        assert!(!looks_like_mail(b"\r\nFrom: a@b.no\r\n"));
        assert!(!looks_like_mail(b"X-Only: custom\r\n\r\n"));
        assert!(!looks_like_mail(&[0xFF, 0xD8, 0xFF, 0x00, b':']));
        assert!(!looks_like_mail(b""));
        assert!(!looks_like_mail(b" Subject: folded first\r\n"));
    }

    #[test]
    fn return_path_forms() {
        assert_eq!(parse_return_path("<>"), "");
        assert_eq!(parse_return_path(" < a@b.no > "), "a@b.no");
        assert_eq!(parse_return_path("a@b.no"), "a@b.no");
    }

    #[test]
    fn usable_addresses() {
        assert!(usable("ola.nordmann@leverandor.no"));
        assert!(!usable("ola@localhost"));
        assert!(!usable("no-reply@leverandor.no"));
        assert!(!usable("ikke-svar@leverandor.no"));
        assert!(!usable("DoNotReply@x.com"));
        assert!(!usable("MAILER-DAEMON@mx.x.com"));
        assert!(!usable("a b@x.no"));
        assert!(!usable("@x.no"));
        assert!(!usable("x.no"));
    }
}
