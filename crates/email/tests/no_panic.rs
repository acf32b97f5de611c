//! No input makes `decide` panic: arbitrary bytes, arbitrary bytes behind a header, damaged
//! versions of seed mails (multipart with PDF, TIFF, forwards, logos), and random MIME
//! trees with colliding boundaries.
//!
//! `PROPTEST_CASES` sets the number of cases per test (default 2048, about a second in a
//! debug build); for long runs:
//! `PROPTEST_CASES=200000 cargo test --release -p mottak-email --test no_panic -- --nocapture`.
//! Each test prints how many cases ran, how long it took and how many panics *inside
//! third-party parsers* `decide` contained (mail-parser, lopdf, tiff run under
//! `catch_unwind`; a panic in our own code fails the test).
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use common::{TestMail, TestPart};
use mottak_email::intake::{IntakeConfig, Verdict, decide};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

static CONTAINED_PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts every panic (contained or not) and keeps the default report.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            CONTAINED_PANICS.fetch_add(1, Ordering::Relaxed);
            default(info);
        }));
    });
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2048)
}

fn intake_config() -> IntakeConfig {
    IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        own_addresses: vec!["faktura@digitools.no".into()],
        max_message_bytes: 2 * 1024 * 1024,
    }
}

/// Runs `strategy` through `decide`, checking the verdict's basic invariants, and prints a
/// summary line.
fn check<S>(name: &str, strategy: S)
where
    S: Strategy<Value = Vec<u8>>,
{
    count_panics();
    let before = CONTAINED_PANICS.load(Ordering::Relaxed);
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let intake_config = intake_config();
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    let result = runner.run(&strategy, |raw| {
        let intake = decide(&raw, &intake_config);
        match &intake.verdict {
            Verdict::Accept { part, .. } => {
                prop_assert!(*part < intake.parts.len());
                prop_assert!(intake.parts[*part].counted);
                prop_assert_eq!(intake.documents().count(), 1);
            }
            Verdict::TurnAway(reason) | Verdict::NotInvoice(reason) => {
                prop_assert!(!reason.nb.is_empty() && !reason.en.is_empty());
            }
        }
        for part in &intake.parts {
            prop_assert!(part.size == part.bytes.len() || part.bytes.is_empty());
            prop_assert!(part.bytes.len() <= raw.len());
        }
        prop_assert!(intake.parts.len() <= mottak_email::intake::MAX_PARTS);
        Ok(())
    });
    let contained = CONTAINED_PANICS.load(Ordering::Relaxed) - before;
    eprintln!(
        "no_panic {name}: {} cases in {:.1?}, {contained} third-party panic(s) contained",
        cases(),
        started.elapsed()
    );
    if let Err(err) = result {
        panic!("{name}: {err}");
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    check(
        "arbitrary bytes",
        prop::collection::vec(any::<u8>(), 0..2048),
    );
}

#[test]
fn arbitrary_bodies_behind_a_header_never_panic() {
    let header = prop::sample::select(vec![
        "From: a@b.no\r\n\r\n",
        "From: a@b.no\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\n",
        "From: a@b.no\r\nContent-Type: message/rfc822\r\n\r\n",
        "From: a@b.no\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        "Subject: =?UTF-8?B?",
        "From: a@b.no\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n--R\r\n",
    ]);
    check(
        "bodies behind a header",
        (header, prop::collection::vec(any::<u8>(), 0..2048)).prop_map(|(header, body)| {
            let mut raw = header.as_bytes().to_vec();
            raw.extend_from_slice(&body);
            raw
        }),
    );
}

/// Byte strings that matter to a mail parser, spliced into seeds.
const TOKENS: &[&[u8]] = &[
    b"\r\n",
    b"\n",
    b"\r\n\r\n",
    b"--",
    b"--=_mixed_0001",
    b"--=_mixed_0001--",
    b"--outer\r\n",
    b"--rel--\r\n",
    b"; boundary=\"=_mixed_0001\"",
    b"Content-Type: multipart/mixed; boundary=\"outer\"\r\n",
    b"Content-Type: message/rfc822\r\n\r\n",
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Transfer-Encoding: quoted-printable\r\n",
    b"Content-Disposition: attachment; filename*0*=UTF-8''%C3%A5; filename*1=\"x.pdf\"\r\n",
    b"=?UTF-8?B?w6U=?=",
    b"=?ISO-8859-1?Q?=E5?=",
    b"=\r\n",
    b"%PDF-1.4\n",
    b"%%EOF",
    b"II*\0",
    b"PK\x03\x04",
    b"\xE5\xF8\xE6",
    b"\0",
];

#[derive(Debug, Clone)]
enum Edit {
    Set(prop::sample::Index, u8),
    Insert(prop::sample::Index, usize),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        3 => (any::<prop::sample::Index>(), 0..TOKENS.len()).prop_map(|(i, t)| Edit::Insert(i, t)),
        2 => (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => (any::<prop::sample::Index>(), 1usize..256).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit], cut: Option<prop::sample::Index>) -> Vec<u8> {
    for edit in edits {
        if bytes.is_empty() {
            break;
        }
        match edit {
            Edit::Set(at, value) => {
                let i = at.index(bytes.len());
                bytes[i] = *value;
            }
            Edit::Insert(at, token) => {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, TOKENS[*token].iter().copied());
            }
            Edit::Delete(at, len) => {
                let i = at.index(bytes.len());
                let end = (i + len).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Duplicate(at, len) => {
                let i = at.index(bytes.len());
                let end = (i + len).min(bytes.len());
                let copy = bytes[i..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut.index(bytes.len() + 1));
    }
    bytes
}

#[test]
fn damaged_seed_mails_never_panic() {
    let seeds: Vec<Vec<u8>> = common::seed_messages()
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let count = seeds.len();
    check(
        "damaged seed mails",
        (
            0..count,
            prop::collection::vec(edit(), 0..12),
            prop::option::of(any::<prop::sample::Index>()),
        )
            .prop_map(move |(which, edits, cut)| apply(seeds[which].clone(), &edits, cut)),
    );
}

#[test]
fn damaged_documents_never_panic() {
    // Damage the PDF/TIFF bytes themselves (not their Base64), so lopdf and tiff see it.
    let documents: Vec<(&str, &str, Vec<u8>)> = vec![
        ("application/pdf", "faktura.pdf", common::pdf(3)),
        ("application/pdf", "kryptert.pdf", common::encrypted_pdf()),
        ("image/tiff", "skann.tif", common::tiff(3)),
    ];
    let count = documents.len();
    check(
        "damaged documents",
        (
            0..count,
            prop::collection::vec(edit(), 0..8),
            prop::option::of(any::<prop::sample::Index>()),
        )
            .prop_map(move |(which, edits, cut)| {
                let (content_type, name, bytes) = &documents[which];
                let damaged = apply(bytes.clone(), &edits, cut);
                TestMail::with_attachments(
                    "Faktura.",
                    &[TestPart::attachment(content_type, name, &damaged)],
                )
                .build()
            }),
    );
}

/// A random MIME tree: leaves of every kind, multiparts with boundaries from a tiny alphabet
/// (so nested parts reuse or extend their parent's boundary), forwards within forwards.
fn tree() -> impl Strategy<Value = TestPart> {
    let pdf = common::pdf(1);
    let tiff = common::tiff(1);
    let leaf = prop_oneof![
        "[ -~]{0,40}".prop_map(|t| TestPart::text(&t)),
        "[ -~]{0,40}".prop_map(|t| TestPart::html(&format!("<p>{t}</p><img src=\"cid:a\">"))),
        Just(TestPart::attachment("application/pdf", "faktura.pdf", &pdf)),
        Just(TestPart::attachment("image/tiff", "f.tif", &tiff)),
        Just(TestPart::inline_image("logo.png", "a", common::PNG)),
        Just(TestPart::attachment(
            "application/octet-stream",
            "f.docx",
            &common::docx()
        )),
        prop::collection::vec(any::<u8>(), 0..64).prop_map(|b| TestPart::attachment(
            "application/octet-stream",
            "x.bin",
            &b
        )),
        Just(TestPart {
            headers: vec!["Content-Type: message/delivery-status".into()],
            body: b"Action: failed\r\n".to_vec(),
        }),
    ];
    leaf.prop_recursive(6, 48, 5, |inner| {
        prop_oneof![
            (
                prop::sample::select(vec!["mixed", "alternative", "related", "signed", "report"]),
                prop::sample::select(vec!["B", "B-1", "B-1-x", "C"]),
                prop::collection::vec(inner.clone(), 0..5),
            )
                .prop_map(|(subtype, boundary, parts)| TestPart::multipart(
                    subtype, boundary, &parts
                )),
            inner.prop_map(|part| TestPart::rfc822(&TestMail::new(part).build())),
        ]
    })
}

#[test]
fn random_mime_trees_never_panic() {
    check(
        "random MIME trees",
        (tree(), prop::option::of(any::<prop::sample::Index>()))
            .prop_map(|(part, cut)| apply(TestMail::new(part).build(), &[], cut)),
    );
}
