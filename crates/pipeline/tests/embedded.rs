//! The embedded mode against every fixture's manifest entry, with no server: the same
//! stages as the workers, on a fresh SQLite ledger.

use mottak_pipeline::Settings;
use mottak_pipeline::embedded::Embedded;
use mottak_pipeline::fixtures::{self, Manifest};
use mottak_pipeline::messages::{Channel, RawDocument};

fn temp_ledger() -> String {
    let path = std::env::temp_dir().join(format!("mottak-test-{}.sqlite", uuid::Uuid::new_v4()));
    format!("sqlite://{}?mode=rwc", path.display())
}

fn raw(path: &std::path::Path, bytes: Vec<u8>) -> RawDocument {
    let email = path.extension().is_some_and(|e| e == "eml");
    RawDocument {
        document_id: mottak_pipeline::new_document_id(),
        channel: if email { Channel::Email } else { Channel::Ehf },
        source_name: Some(path.display().to_string()),
        ingested_us: mottak_pipeline::now_us(),
        bytes,
    }
}

#[tokio::test]
async fn every_ehf_fixture_reaches_its_expected_state() {
    let manifest = Manifest::load(&fixtures::dir("ehf")).expect("manifest");
    assert!(manifest.fixtures.len() >= 15, "at least 15 EHF fixtures");
    let pipeline = Embedded::open(&Settings::default(), &temp_ledger())
        .await
        .expect("ledger");
    let mut failures = Vec::new();
    for wave in manifest.waves() {
        for expected in wave {
            let path = manifest.path(expected);
            let bytes = std::fs::read(&path).expect("fixture readable");
            let processed = pipeline
                .process(raw(&path, bytes))
                .await
                .expect("processed");
            let doc = &processed.document;
            if let Some(problem) =
                expected.mismatch(doc.state.as_str(), doc.stage.as_deref(), &doc.reasons)
            {
                failures.push(problem);
            }
            // Every returned invoice that names its supplier's address gets an Invoice
            // Response, and a valid one (Peppol BIS Invoice Response 3.0, T111 rules).
            if doc.state.as_str() == "rejected" {
                let unanswerable = doc.reasons.iter().any(|f| f.rule == "MOTTAK-NO-RESPONSE");
                assert_eq!(
                    processed.invoice_responses.len(),
                    usize::from(!unanswerable),
                    "{}: one Invoice Response, unless the clerk is told none can be sent",
                    expected.file
                );
                for xml in &processed.invoice_responses {
                    let broken: Vec<_> = mottak_ehf::check_invoice_response(xml.as_bytes())
                        .into_iter()
                        .filter(|v| v.is_fatal())
                        .collect();
                    assert!(broken.is_empty(), "{}: {broken:?}", expected.file);
                }
            }
            if doc.state.as_str() == "posted" {
                assert_eq!(
                    processed.events.len(),
                    1,
                    "{}: one ledger.posted event",
                    expected.file
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures off their manifest:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        pipeline.store().trial_balance().await.expect("balance"),
        0,
        "the ledger balances"
    );
    for (document, n) in pipeline
        .store()
        .entries_per_document()
        .await
        .expect("entries")
    {
        assert_eq!(n, 1, "document {document} has exactly one journal entry");
    }
}

#[tokio::test]
async fn processing_the_same_document_again_is_a_duplicate_not_a_second_posting() {
    let manifest = Manifest::load(&fixtures::dir("ehf")).expect("manifest");
    let posted = manifest
        .fixtures
        .iter()
        .find(|f| f.state == "posted" && f.kind.as_deref() == Some("Invoice"));
    let posted = posted.expect("a posted invoice fixture");
    let path = manifest.path(posted);
    let bytes = std::fs::read(&path).expect("fixture");
    let pipeline = Embedded::open(&Settings::default(), &temp_ledger())
        .await
        .expect("ledger");
    let first = pipeline
        .process(raw(&path, bytes.clone()))
        .await
        .expect("first");
    assert_eq!(first.document.state.as_str(), "posted");
    let second = pipeline.process(raw(&path, bytes)).await.expect("second");
    assert_eq!(second.document.state.as_str(), "rejected");
    assert!(
        second
            .document
            .reasons
            .iter()
            .any(|f| f.rule == "MOTTAK-DUP")
    );
    let entries = pipeline
        .store()
        .entries_per_document()
        .await
        .expect("entries");
    assert_eq!(entries.len(), 1, "one journal entry in all");
}

#[tokio::test]
async fn every_email_fixture_reaches_its_expected_state_reply_and_capture() {
    let manifest = Manifest::load(&fixtures::dir("email")).expect("manifest");
    assert!(manifest.fixtures.len() >= 15, "at least 15 e-mail fixtures");
    let pipeline = Embedded::open(&Settings::default(), &temp_ledger())
        .await
        .expect("ledger");
    let mut failures = Vec::new();
    for wave in manifest.waves() {
        for expected in wave {
            let path = manifest.path(expected);
            let bytes = std::fs::read(&path).expect("fixture readable");
            let processed = pipeline
                .process(raw(&path, bytes))
                .await
                .expect("processed");
            let doc = &processed.document;
            failures.extend(expected.mismatch(
                doc.state.as_str(),
                doc.stage.as_deref(),
                &doc.reasons,
            ));
            let mail = pipeline.store().mail_outcome(&doc.id).await.expect("mail");
            failures.extend(expected.mail_mismatch(mail.as_ref()));
            assert!(
                processed.invoice_responses.is_empty(),
                "{}: an e-mail is answered by mail, not by Invoice Response",
                expected.file
            );
            assert_eq!(
                processed.replies.len(),
                usize::from(mail.is_some_and(|m| m.reply_id.is_some())),
                "{}: the reply produced is the one recorded",
                expected.file
            );
            for reply in &processed.replies {
                let text = String::from_utf8_lossy(reply);
                assert!(
                    text.contains("Auto-Submitted: auto-replied"),
                    "{}",
                    expected.file
                );
                assert!(text.contains("In-Reply-To:"), "{}", expected.file);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "e-mail fixtures off their manifest:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        pipeline.store().trial_balance().await.expect("balance"),
        0,
        "the ledger balances"
    );
}
