//! The reply mail to a sender whose mail was turned away or whose invoice was returned.
//!
//! One text/plain UTF-8 body, Norwegian first, then English: what happened, each problem
//! with its rule id, what to do, and that the address takes invoices only and is not read
//! by people. The headers make it a proper automatic reply (RFC 3834): `Auto-Submitted:
//! auto-replied`, `X-Auto-Response-Suppress: All` (so Exchange sends no out-of-office back),
//! `Precedence: auto_reply` (for older vacation programs), `In-Reply-To` and `References`
//! threading it under the original. `Message-ID` and `Date` are passed in, so the output is
//! deterministic and the pipeline can record the id it sent.
//!
//! Whether to answer at all is the pipeline's decision, from
//! [`crate::intake::ReplyPolicy`]; this module only writes the mail.

use mail_builder::MessageBuilder;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::text::Text;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use crate::intake::{MailInfo, Reason};

/// The display name the intake address answers with.
pub const DEFAULT_FROM_NAME: &str = "Digitools AS – fakturamottak";

/// What kind of answer this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// The mail was turned away at intake (wrong type, several documents, bad PDF...).
    TurnedAway,
    /// The mail is not an invoice (only used if the pipeline chooses to answer those).
    NotAnInvoice,
    /// The invoice was read, but returned by the validator with findings.
    Returned,
}

/// One problem to explain: a rule id (`MOTTAK-EMAIL-TYPE`, `MOTTAK-REF`, ...) and what it
/// means in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem<'a> {
    pub rule_id: &'a str,
    pub nb: &'a str,
    pub en: &'a str,
}

impl<'a> From<&'a Reason> for Problem<'a> {
    fn from(reason: &'a Reason) -> Self {
        Problem {
            rule_id: reason.code,
            nb: &reason.nb,
            en: &reason.en,
        }
    }
}

impl<'a> From<(&'a str, &'a str, &'a str)> for Problem<'a> {
    fn from((rule_id, nb, en): (&'a str, &'a str, &'a str)) -> Self {
        Problem { rule_id, nb, en }
    }
}

/// Everything the reply needs.
#[derive(Debug, Clone)]
pub struct ReplyInput<'a> {
    /// The mail being answered.
    pub original: &'a MailInfo,
    /// Where the answer goes ([`crate::intake::ReplyPolicy::Reply`]'s `to`).
    pub to: &'a str,
    /// Our intake address.
    pub from: &'a str,
    /// Our display name, e.g. [`DEFAULT_FROM_NAME`].
    pub from_name: &'a str,
    /// The reply's Message-ID (with or without angle brackets).
    pub message_id: &'a str,
    /// The reply's Date.
    pub date: OffsetDateTime,
    pub kind: ReplyKind,
    /// What was wrong, in order.
    pub problems: &'a [Problem<'a>],
    /// Our Peppol participant id, offered as the better way to send invoices.
    pub peppol_id: &'a str,
}

/// Removes line breaks and other control characters from a value that goes into a header.
fn header_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn bare_id(id: &str) -> String {
    header_safe(id)
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

/// The subject: `Re: <original>` (no second `Re:`), or a fixed one.
fn subject(original: &MailInfo) -> String {
    match original.subject.as_deref().map(header_safe) {
        Some(subject) if !subject.is_empty() => {
            let lower = subject.to_lowercase();
            if lower.starts_with("re:") || lower.starts_with("sv:") {
                subject
            } else {
                format!("Re: {subject}")
            }
        }
        _ => "Svar fra fakturamottaket / Reply from the invoice intake".to_string(),
    }
}

/// Builds the reply mail (CRLF line ends).
pub fn build_reply(input: &ReplyInput<'_>) -> Vec<u8> {
    let from = header_safe(input.from);
    let from_name = header_safe(input.from_name);
    let to = header_safe(input.to);
    let message_id = bare_id(input.message_id);
    let date = input
        .date
        .format(&Rfc2822)
        .unwrap_or_else(|_| "Thu, 1 Jan 1970 00:00:00 +0000".to_string());

    let mut builder = MessageBuilder::new()
        .from((from_name.as_str(), from.as_str()))
        .to(to.as_str())
        .subject(Text::new(subject(input.original)))
        .message_id(MessageId::new(message_id))
        .header("Date", Raw::new(date));
    if let Some(original_id) = input.original.message_id.as_deref().map(bare_id) {
        let mut references: Vec<String> = input
            .original
            .references
            .iter()
            .map(|r| bare_id(r))
            .filter(|r| !r.is_empty())
            .collect();
        references.push(original_id.clone());
        builder = builder
            .in_reply_to(MessageId::new(original_id))
            .references(MessageId::new_list(references.into_iter()));
    }
    builder = builder
        .header("Auto-Submitted", Raw::new("auto-replied"))
        .header("X-Auto-Response-Suppress", Raw::new("All"))
        .header("Precedence", Raw::new("auto_reply"))
        .text_body(body(input, &from, &from_name));

    builder.write_to_vec().unwrap_or_default()
}

fn original_line_nb(original: &MailInfo) -> String {
    let subject = original.subject.as_deref().unwrap_or("(uten emne)");
    match original.date.as_deref() {
        Some(date) => format!("Gjelder e-posten din «{subject}» ({date})."),
        None => format!("Gjelder e-posten din «{subject}»."),
    }
}

fn original_line_en(original: &MailInfo) -> String {
    let subject = original.subject.as_deref().unwrap_or("(no subject)");
    match original.date.as_deref() {
        Some(date) => format!("This is about your e-mail \"{subject}\" ({date})."),
        None => format!("This is about your e-mail \"{subject}\"."),
    }
}

/// The text body: Norwegian, then English.
fn body(input: &ReplyInput<'_>, from: &str, from_name: &str) -> String {
    let peppol_id = header_safe(input.peppol_id);
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };

    line("(English below)");
    line("");
    line("Hei,");
    line("");
    line(match input.kind {
        ReplyKind::TurnedAway => "Vi har ikke tatt imot e-posten din som faktura.",
        ReplyKind::NotAnInvoice => {
            "E-posten din er ikke behandlet: denne adressen tar bare imot fakturaer."
        }
        ReplyKind::Returned => {
            "Fakturaen din er returnert og blir ikke behandlet for betaling i denne formen."
        }
    });
    line(&original_line_nb(input.original));
    if !input.problems.is_empty() {
        line("");
        line("Dette var galt:");
        for problem in input.problems {
            line(&format!("- [{}] {}", problem.rule_id, problem.nb));
        }
    }
    line("");
    line("Slik gjør du:");
    match input.kind {
        ReplyKind::Returned => {
            line("- Rett feilene og send fakturaen på nytt. Samme fakturanummer kan brukes igjen.")
        }
        ReplyKind::NotAnInvoice => line(
            "- Spørsmål om fakturaer og betaling sendes til kontaktpersonen din hos oss, ikke \
             til denne adressen.",
        ),
        ReplyKind::TurnedAway => {}
    }
    line(&format!(
        "- Send én faktura per e-post til {from}, som én PDF- eller TIFF-fil (fakturaen og \
         eventuelle vedlegg samlet i samme fil)."
    ));
    line(&format!(
        "- Helst: send fakturaen som EHF over Peppol-nettverket til {peppol_id}."
    ));
    line("");
    line(
        "Denne adressen tar bare imot fakturaer og leses ikke av mennesker. Svar på denne \
         e-posten blir ikke lest.",
    );
    line("");
    line("Vennlig hilsen");
    line(from_name);
    line("");
    line("-----");
    line("");
    line("Hello,");
    line("");
    line(match input.kind {
        ReplyKind::TurnedAway => "We have not accepted your e-mail as an invoice.",
        ReplyKind::NotAnInvoice => {
            "Your e-mail has not been processed: this address takes invoices only."
        }
        ReplyKind::Returned => {
            "Your invoice has been returned and will not be processed for payment in this form."
        }
    });
    line(&original_line_en(input.original));
    if !input.problems.is_empty() {
        line("");
        line("What was wrong:");
        for problem in input.problems {
            line(&format!("- [{}] {}", problem.rule_id, problem.en));
        }
    }
    line("");
    line("What to do:");
    match input.kind {
        ReplyKind::Returned => line(
            "- Correct the problems and send the invoice again. You may use the same invoice \
             number.",
        ),
        ReplyKind::NotAnInvoice => line(
            "- Send questions about invoices and payments to your contact with us, not to this \
             address.",
        ),
        ReplyKind::TurnedAway => {}
    }
    line(&format!(
        "- Send one invoice per e-mail to {from}, as one PDF or TIFF file (the invoice and any \
         appendices together in the same file)."
    ));
    line(&format!(
        "- Preferably: send the invoice as EHF over the Peppol network to {peppol_id}."
    ));
    line("");
    line(
        "This address takes invoices only and is not read by people. Replies to this e-mail \
         are not read.",
    );
    line("");
    line("Kind regards");
    line(from_name);
    out
}
