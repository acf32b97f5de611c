//! The e-mail fixtures (`fixtures/email/*.eml` + `manifest.toml`) through `decide`: every
//! fixture the manifest settles at the intake gets its MOTTAK-EMAIL-* code, every other one
//! is accepted, and the reply expectation matches the reply policy.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Format, Toml};
use mottak_email::intake::{IntakeConfig, ReplyPolicy, Verdict, decide};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Manifest {
    fixture: Vec<Fixture>,
}

#[derive(Debug, Deserialize)]
struct Fixture {
    file: String,
    state: String,
    stage: String,
    reasons: Vec<String>,
    reply: bool,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/email")
}

#[track_caller]
fn check(fixture: &Fixture) {
    let raw = std::fs::read(dir().join(&fixture.file)).expect("fixture file");
    let config = IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        own_addresses: vec!["faktura@digitools.no".into()],
        ..IntakeConfig::default()
    };
    let intake = decide(&raw, &config);
    let email_code = fixture
        .reasons
        .iter()
        .find(|r| r.starts_with("MOTTAK-EMAIL-"));
    let file = &fixture.file;
    match (&intake.verdict, email_code) {
        (Verdict::TurnAway(reason) | Verdict::NotInvoice(reason), Some(code)) => {
            assert_eq!(reason.code, code, "{file}: {}", reason.message());
            let set_aside = matches!(intake.verdict, Verdict::NotInvoice(_));
            assert_eq!(
                set_aside,
                fixture.state == "set_aside",
                "{file}: {:?}",
                intake.verdict
            );
        }
        (Verdict::Accept { .. }, None) => {
            // Accepted: posted, waiting for capture, or returned later by the validator.
            assert!(
                fixture.state == "posted"
                    || fixture.state == "awaiting_capture"
                    || fixture.stage == "validator",
                "{file}: accepted, but the manifest says {} at {}",
                fixture.state,
                fixture.stage
            );
        }
        (verdict, expected) => panic!("{file}: expected {expected:?}, got {verdict:#?}"),
    }
    if fixture.stage == "intake" && email_code.is_some() {
        let replies = matches!(intake.reply, ReplyPolicy::Reply { .. });
        assert_eq!(replies, fixture.reply, "{file}: {:?}", intake.reply);
    }
    if fixture.reply {
        assert!(
            matches!(intake.reply, ReplyPolicy::Reply { .. }),
            "{file}: {:?}",
            intake.reply
        );
    }
}

#[test]
fn every_fixture_gets_its_intake_verdict() {
    let path = dir().join("manifest.toml");
    let manifest: Manifest = Figment::from(Toml::file_exact(&path))
        .extract()
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    assert!(!manifest.fixture.is_empty());
    for fixture in &manifest.fixture {
        check(fixture);
    }
}
