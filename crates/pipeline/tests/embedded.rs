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
    RawDocument {
        document_id: mottak_pipeline::new_document_id(),
        channel: Channel::Ehf,
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
            if let Some(problem) = expected.mismatch(doc.state.as_str(), &doc.reasons) {
                failures.push(problem);
            }
            // Every returned invoice that names its supplier's address gets an Invoice Response.
            if doc.state.as_str() == "rejected" {
                assert_eq!(
                    processed.invoice_responses.len(),
                    1,
                    "{}: one Invoice Response",
                    expected.file
                );
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
