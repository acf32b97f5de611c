//! Every fixture through the real broker and database, and the same through the embedded
//! mode: both must agree with the manifest and with each other.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use mottak_pipeline::Settings;
use mottak_pipeline::embedded::Embedded;
use mottak_pipeline::fixtures::{self, Manifest};
use mottak_pipeline::store::{DocState, DocumentRow};

use crate::app::{TestApp, spawn_app};

const SETTLE: Duration = Duration::from_secs(60);

/// (state, stage, fatal rule ids sorted) of a document row.
fn summary(row: &DocumentRow) -> (String, Option<String>, Vec<String>) {
    let mut rules: Vec<String> = row
        .reasons
        .iter()
        .filter(|f| f.is_fatal())
        .map(|f| f.rule.clone())
        .collect();
    rules.sort();
    (row.state.as_str().to_owned(), row.stage.clone(), rules)
}

/// Ingest a channel's fixtures wave by wave; the settled row of every fixture by file name.
async fn run_fixtures(app: &mut TestApp, manifest: &Manifest) -> HashMap<String, DocumentRow> {
    let mut by_file: HashMap<String, DocumentRow> = HashMap::new();
    for wave in manifest.waves() {
        let paths: Vec<_> = wave.iter().map(|f| manifest.path(f)).collect();
        let ids = app.ingest(&paths).await;
        let rows = app.wait_until_settled(&ids, SETTLE).await;
        for (expected, id) in wave.iter().zip(&ids) {
            let row = rows.iter().find(|r| &r.id == id).expect("settled row");
            by_file.insert(expected.file.clone(), row.clone());
        }
    }
    by_file
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_fixture_settles_as_its_manifest_says_through_the_broker() {
    let mut app = spawn_app().await;
    let ehf = Manifest::load(&fixtures::dir("ehf")).expect("manifest");
    let email = Manifest::load(&fixtures::dir("email")).expect("e-mail manifest");
    let mut by_file = run_fixtures(&mut app, &ehf).await;
    let mail_rows = run_fixtures(&mut app, &email).await;
    let mut failures: Vec<String> = Vec::new();
    for f in ehf.fixtures.iter().chain(&email.fixtures) {
        let row = by_file
            .get(&f.file)
            .or_else(|| mail_rows.get(&f.file))
            .expect("row");
        failures.extend(f.mismatch(row.state.as_str(), row.stage.as_deref(), &row.reasons));
    }
    for f in &email.fixtures {
        let row = &mail_rows[&f.file];
        let outcome = app.store.mail_outcome(&row.id).await.expect("mail outcome");
        failures.extend(f.mail_mismatch(outcome.as_ref()));
    }
    assert!(
        failures.is_empty(),
        "fixtures off their manifest:\n{}",
        failures.join("\n")
    );
    let mail_ids: HashSet<String> = mail_rows.values().map(|r| r.id.clone()).collect();
    by_file.extend(mail_rows);

    assert_eq!(app.ledger_balance().await, 0, "the trial balance is zero");
    let posted: HashSet<&str> = by_file
        .values()
        .filter(|r| r.state == DocState::Posted)
        .map(|r| r.id.as_str())
        .collect();
    let entries = app.store.entries_per_document().await.expect("entries");
    assert_eq!(
        entries.len(),
        posted.len(),
        "one journal entry per posted document, no more"
    );
    for (document, n) in &entries {
        assert_eq!(*n, 1, "{document} posted exactly once");
        assert!(
            posted.contains(document.as_str()),
            "{document} has an entry but is not posted"
        );
    }

    // Every returned EHF invoice has its Invoice Response waiting for the access point,
    // valid under the Peppol BIS Invoice Response 3.0 (T111) rules.
    let responses = app.drain(&app.topology.invoice_responses()).await;
    let answered: HashSet<String> = responses
        .iter()
        .filter_map(|(_, doc, _)| doc.clone())
        .collect();
    for row in by_file
        .values()
        .filter(|r| r.state == DocState::Rejected && !mail_ids.contains(&r.id))
        .filter(|r| !r.reasons.iter().any(|f| f.rule == "MOTTAK-NO-RESPONSE"))
    {
        assert!(
            answered.contains(&row.id),
            "{:?} was rejected without an Invoice Response",
            row.source_name
        );
    }
    for (_, doc, xml) in &responses {
        assert!(
            !mail_ids.contains(doc.as_deref().unwrap_or_default()),
            "no Invoice Response to an e-mail"
        );
        let broken: Vec<_> = mottak_ehf::check_invoice_response(xml)
            .into_iter()
            .filter(|v| v.is_fatal())
            .collect();
        assert!(broken.is_empty(), "invalid Invoice Response: {broken:?}");
        let xml = String::from_utf8_lossy(xml);
        assert!(xml.contains(">RE<"), "response code RE");
    }
    // Every reply mail the manifest expects is waiting for the mail gateway, once.
    let replies = app.drain(&app.topology.outbound_mail()).await;
    let replied: Vec<String> = replies
        .iter()
        .filter_map(|(_, doc, _)| doc.clone())
        .collect();
    let want: HashSet<String> = email
        .fixtures
        .iter()
        .filter(|f| f.reply == Some(true))
        .map(|f| by_file[&f.file].id.clone())
        .collect();
    assert_eq!(
        replied.iter().cloned().collect::<HashSet<_>>(),
        want,
        "reply mails"
    );
    assert_eq!(replied.len(), want.len(), "one reply per answered mail");
    for (_, _, mail) in &replies {
        let text = String::from_utf8_lossy(mail);
        assert!(text.contains("Auto-Submitted: auto-replied"));
    }
    // And the ERP hears of every posting.
    let events = app.drain(&app.topology.erp_queue()).await;
    let event_docs: HashSet<String> = events
        .iter()
        .map(|(_, _, body)| {
            let event: serde_json::Value = serde_json::from_slice(body).expect("event JSON");
            assert_eq!(event["event"], "ledger.posted");
            event["document_id"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(
        event_docs,
        posted.iter().map(|s| s.to_string()).collect::<HashSet<_>>()
    );
    app.teardown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn embedded_and_broker_modes_reach_the_same_state_and_reasons() {
    let mut app = spawn_app().await;
    let ledger = std::env::temp_dir().join(format!("mottak-e2e-{}.sqlite", uuid::Uuid::new_v4()));
    let embedded = Embedded::open(
        &Settings::default(),
        &format!("sqlite://{}?mode=rwc", ledger.display()),
    )
    .await
    .expect("embedded ledger");
    let mut differences = Vec::new();
    for channel in ["ehf", "email"] {
        let manifest = Manifest::load(&fixtures::dir(channel)).expect("manifest");
        for wave in manifest.waves() {
            let paths: Vec<_> = wave.iter().map(|f| manifest.path(f)).collect();
            let ids = app.ingest(&paths).await;
            let rows = app.wait_until_settled(&ids, SETTLE).await;
            for (path, id) in paths.iter().zip(&ids) {
                let broker = rows.iter().find(|r| &r.id == id).expect("settled");
                let local = embedded
                    .process(app.raw(path))
                    .await
                    .expect("embedded")
                    .document;
                if summary(broker) != summary(&local) {
                    differences.push(format!(
                        "{}: broker {:?}, embedded {:?}",
                        path.display(),
                        summary(broker),
                        summary(&local)
                    ));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "modes disagree:\n{}",
        differences.join("\n")
    );
    embedded.store().close().await;
    let _ = std::fs::remove_file(ledger);
    app.teardown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_redelivered_message_changes_nothing() {
    let mut app = spawn_app().await;
    // Two workers per stage, so repeats race each other as they would in production.
    app.start_workers();
    let manifest = Manifest::load(&fixtures::dir("ehf")).expect("manifest");
    let pick = |state: &str| {
        manifest
            .fixtures
            .iter()
            .find(|f| f.state == state)
            .map(|f| manifest.path(f))
            .expect("fixture")
    };
    let email = Manifest::load(&fixtures::dir("email")).expect("e-mail manifest");
    let pick_mail = |state: &str, stage: &str| {
        email
            .fixtures
            .iter()
            .find(|f| f.state == state && f.stage.as_deref() == Some(stage))
            .map(|f| email.path(f))
            .expect("e-mail fixture")
    };
    let docs = vec![
        app.raw(&pick("posted")),
        app.raw(&pick("rejected")),
        app.raw(&pick("set_aside")),
        app.raw(&pick_mail("posted", "poster")),
        app.raw(&pick_mail("rejected", "intake")),
        app.raw(&pick_mail("rejected", "validator")),
    ];
    // The same messages (same message ids) twice at once, as after a crash before the ack...
    let twice: Vec<_> = docs.iter().chain(docs.iter()).cloned().collect();
    app.publish_raw(&twice).await;
    let ids: Vec<String> = docs.iter().map(|d| d.document_id.clone()).collect();
    let first = app.wait_until_settled(&ids, SETTLE).await;
    // ...and once more after they settled.
    app.publish_raw(&docs).await;
    // Let the workers drain what the extra copies cause.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let again = app.wait_until_settled(&ids, SETTLE).await;
    let view = |rows: &[DocumentRow]| {
        let mut v: Vec<_> = rows.iter().map(|r| (r.id.clone(), summary(r))).collect();
        v.sort();
        v
    };
    assert_eq!(view(&first), view(&again), "states and reasons unchanged");
    assert_eq!(
        app.store.documents(None).await.expect("docs").len(),
        docs.len(),
        "no new documents"
    );
    let mut entries = app.store.entries_per_document().await.expect("entries");
    entries.sort();
    let mut want = vec![(ids[0].clone(), 1), (ids[3].clone(), 1)];
    want.sort();
    assert_eq!(entries, want, "each posted one has exactly one entry");
    assert_eq!(app.ledger_balance().await, 0);
    // Repeats downstream carry the same message ids, so consumers can drop them.
    let events = app.drain(&app.topology.erp_queue()).await;
    let event_ids: HashSet<&String> = events.iter().map(|(id, _, _)| id).collect();
    assert_eq!(
        event_ids.len(),
        2,
        "one distinct ledger.posted event per posting"
    );
    let responses = app.drain(&app.topology.invoice_responses()).await;
    let response_ids: HashSet<&String> = responses.iter().map(|(id, _, _)| id).collect();
    assert_eq!(response_ids.len(), 1, "one distinct Invoice Response");
    // Each answered mail has one reply, however often its message came.
    let replies = app.drain(&app.topology.outbound_mail()).await;
    let reply_ids: HashSet<&String> = replies.iter().map(|(id, _, _)| id).collect();
    let replied: HashSet<String> = replies.iter().filter_map(|(_, d, _)| d.clone()).collect();
    assert_eq!(reply_ids.len(), 2, "one distinct reply per answered mail");
    assert_eq!(
        replied,
        [ids[4].clone(), ids[5].clone()]
            .into_iter()
            .collect::<HashSet<_>>()
    );
    app.teardown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_message_no_worker_can_read_is_dead_lettered_not_retried_forever() {
    let app = spawn_app().await;
    let envelope = mottak_pipeline::bus::Envelope {
        exchange: String::new(),
        routing_key: app.topology.validate(),
        body: b"{ this is not a parsed invoice".to_vec(),
        properties: mottak_pipeline::bus::persistent(
            "poison-1",
            "application/json",
            Default::default(),
        ),
    };
    app.publisher
        .publish_all(&[envelope])
        .await
        .expect("published");
    let dead = mottak_pipeline::bus::Topology::dead(&app.topology.validate());
    let deadline = tokio::time::Instant::now() + SETTLE;
    loop {
        let parked = app.drain(&dead).await;
        if let Some((id, _, _)) = parked.first() {
            assert_eq!(id, "poison-1");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "poison message never reached {dead}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.teardown().await;
}
