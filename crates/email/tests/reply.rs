//! The reply mail, built and parsed back with mail-parser.
#![allow(clippy::unwrap_used)]

use mail_parser::{HeaderValue, MessageParser};
use mottak_email::intake::{MailInfo, Mailbox, Reason, codes};
use mottak_email::reply::{DEFAULT_FROM_NAME, Problem, ReplyInput, ReplyKind, build_reply};
use time::macros::datetime;

fn original() -> MailInfo {
    MailInfo {
        message_id: Some("1001@leverandor.no".into()),
        from: Some(Mailbox {
            name: Some("Leverandør AS".into()),
            address: "faktura@leverandor.no".into(),
        }),
        reply_to: None,
        return_path: Some("faktura@leverandor.no".into()),
        subject: Some("Faktura 1001 – mars".into()),
        date: Some("2026-03-03T10:15:00+01:00".into()),
        references: vec!["a@x".into(), "b@y".into()],
    }
}

fn reason() -> Reason {
    Reason {
        code: codes::TYPE,
        nb: "Filen faktura.pdf er ikke en PDF, men et ZIP-arkiv.".into(),
        en: "The file faktura.pdf is not a PDF but a ZIP archive.".into(),
    }
}

fn build(original: &MailInfo, kind: ReplyKind, problems: &[Problem<'_>]) -> Vec<u8> {
    build_reply(&ReplyInput {
        peppol_id: "0192:931235184",
        original,
        to: "faktura@leverandor.no",
        from: "faktura@digitools.no",
        from_name: DEFAULT_FROM_NAME,
        message_id: "<reply-42@mottak.digitools.no>",
        date: datetime!(2026-03-03 10:20:00 +01:00),
        kind,
        problems,
    })
}

fn header_text(message: &mail_parser::Message<'_>, name: &str) -> String {
    let header = message
        .headers()
        .iter()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(name))
        .unwrap_or_else(|| panic!("no {name}"));
    match &header.value {
        HeaderValue::Text(text) => text.to_string(),
        HeaderValue::TextList(list) => list.join(" "),
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn the_reply_has_the_headers_of_an_automatic_answer() {
    let original = original();
    let reason = reason();
    let raw = build(&original, ReplyKind::TurnedAway, &[Problem::from(&reason)]);
    let message = MessageParser::default().parse(&raw).unwrap();

    let from = message.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Digitools AS – fakturamottak"));
    assert_eq!(from.address(), Some("faktura@digitools.no"));
    assert_eq!(
        message.to().unwrap().first().unwrap().address(),
        Some("faktura@leverandor.no")
    );
    assert_eq!(message.subject(), Some("Re: Faktura 1001 – mars"));
    assert_eq!(message.message_id(), Some("reply-42@mottak.digitools.no"));
    assert_eq!(header_text(&message, "In-Reply-To"), "1001@leverandor.no");
    assert_eq!(
        header_text(&message, "References"),
        "a@x b@y 1001@leverandor.no"
    );
    assert_eq!(header_text(&message, "Auto-Submitted"), "auto-replied");
    assert_eq!(header_text(&message, "X-Auto-Response-Suppress"), "All");
    assert_eq!(header_text(&message, "Precedence"), "auto_reply");
    let date = message.date().unwrap();
    assert_eq!(date.to_rfc3339(), "2026-03-03T10:20:00+01:00");
    assert_eq!(message.text_body.len(), 1);
    assert!(
        message
            .html_body
            .iter()
            .all(|id| message.text_body.contains(id))
    );
}

#[test]
fn the_body_is_norwegian_first_then_english_and_names_each_problem() {
    let original = original();
    let reason = reason();
    let problems = [
        Problem::from(&reason),
        Problem::from((
            "MOTTAK-REF",
            "Fakturaen mangler referanse.",
            "The invoice has no reference.",
        )),
    ];
    let raw = build(&original, ReplyKind::Returned, &problems);
    let message = MessageParser::default().parse(&raw).unwrap();
    let body = message.body_text(0).unwrap().to_string();

    let nb = body.find("Dette var galt:").expect("Norwegian list");
    let en = body.find("What was wrong:").expect("English list");
    assert!(nb < en, "{body}");
    for expected in [
        "- [MOTTAK-EMAIL-TYPE] Filen faktura.pdf er ikke en PDF, men et ZIP-arkiv.",
        "- [MOTTAK-REF] Fakturaen mangler referanse.",
        "- [MOTTAK-EMAIL-TYPE] The file faktura.pdf is not a PDF but a ZIP archive.",
        "- [MOTTAK-REF] The invoice has no reference.",
        "Fakturaen din er returnert",
        "Your invoice has been returned",
        "Samme fakturanummer kan brukes igjen.",
        "send the invoice as EHF over the Peppol network to 0192:931235184",
        "send fakturaen som EHF over Peppol-nettverket til 0192:931235184",
        "til faktura@digitools.no, som én PDF- eller TIFF-fil",
        "to faktura@digitools.no, as one PDF or TIFF file",
        "leses ikke av mennesker",
        "is not read by people",
        "«Faktura 1001 – mars» (2026-03-03T10:15:00+01:00)",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in\n{body}");
    }
    assert!(
        body.find("[MOTTAK-EMAIL-TYPE] Filen").unwrap()
            < body.find("[MOTTAK-REF] Fakturaen").unwrap()
    );
}

#[test]
fn the_reply_is_deterministic() {
    let original = original();
    let reason = reason();
    let problems = [Problem::from(&reason)];
    assert_eq!(
        build(&original, ReplyKind::TurnedAway, &problems),
        build(&original, ReplyKind::TurnedAway, &problems)
    );
}

#[test]
fn subjects_without_a_second_re_or_with_a_default() {
    let mut original = original();
    original.subject = Some("RE: Faktura".into());
    let raw = build(&original, ReplyKind::NotAnInvoice, &[]);
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(message.subject(), Some("RE: Faktura"));
    let body = message.body_text(0).unwrap().to_string();
    assert!(
        body.contains("denne adressen tar bare imot fakturaer"),
        "{body}"
    );
    assert!(!body.contains("Dette var galt:"), "{body}");

    original.subject = None;
    original.message_id = None;
    let raw = build(&original, ReplyKind::TurnedAway, &[]);
    let message = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        message.subject(),
        Some("Svar fra fakturamottaket / Reply from the invoice intake")
    );
    assert!(message.in_reply_to().is_empty());
}

#[test]
fn header_values_cannot_inject_headers() {
    let mut original = original();
    original.subject = Some("Faktura\r\nBcc: victim@example.com".into());
    let raw = build_reply(&ReplyInput {
        peppol_id: "0192:931235184",
        original: &original,
        to: "faktura@leverandor.no\r\nBcc: other@example.com",
        from: "faktura@digitools.no",
        from_name: DEFAULT_FROM_NAME,
        message_id: "x@y",
        date: datetime!(2026-03-03 10:20:00 UTC),
        kind: ReplyKind::TurnedAway,
        problems: &[],
    });
    let message = MessageParser::default().parse(&raw).unwrap();
    assert!(message.bcc().is_none(), "{}", String::from_utf8_lossy(&raw));
}
