//! `mottak watch-maildir`'s core against the real broker: every message in `new/` reaches
//! the intake once, moves to `cur/` only after the broker confirmed it, and handing the same
//! message over again changes nothing.

use std::time::Duration;

use mottak_pipeline::fixtures::{self, Manifest};
use mottak_pipeline::maildir;
use mottak_pipeline::store::DocState;

use crate::app::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn maildir_messages_are_published_once_and_moved_to_cur() {
    let app = spawn_app().await;
    let manifest = Manifest::load(&fixtures::dir("email")).expect("manifest");
    let dir = std::env::temp_dir().join(format!("mottak-maildir-{}", uuid::Uuid::new_v4()));
    maildir::prepare(&dir).expect("maildir");
    let chosen: Vec<_> = manifest.fixtures.iter().take(4).collect();
    let mut ids = Vec::new();
    for (n, fixture) in chosen.iter().enumerate() {
        let bytes = std::fs::read(manifest.path(fixture)).expect("fixture");
        ids.push(mottak_pipeline::content_document_id(&bytes));
        std::fs::write(
            dir.join("new").join(format!("17000000{n}.M{n}P1.mx")),
            bytes,
        )
        .expect("delivered");
    }
    let published = maildir::publish_new(&dir, &app.publisher, &app.topology, 3)
        .await
        .expect("published");
    assert_eq!(published, chosen.len());
    assert_eq!(std::fs::read_dir(dir.join("new")).expect("new/").count(), 0);
    let cur: Vec<String> = std::fs::read_dir(dir.join("cur"))
        .expect("cur/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(cur.len(), chosen.len());
    assert!(cur.iter().all(|name| name.ends_with(":2,")), "{cur:?}");

    let rows = app.wait_until_settled(&ids, Duration::from_secs(60)).await;
    for (fixture, id) in chosen.iter().zip(&ids) {
        let row = rows.iter().find(|r| &r.id == id).expect("row");
        assert_eq!(row.state.as_str(), fixture.state, "{}", fixture.file);
    }

    // The same message delivered again (a crash before the move, a re-fetch): one document.
    let again = std::fs::read(manifest.path(chosen[0])).expect("fixture");
    std::fs::write(dir.join("new").join("1700000099.M9P1.mx"), again).expect("again");
    maildir::publish_new(&dir, &app.publisher, &app.topology, 3)
        .await
        .expect("published again");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let documents = app.store.documents(None).await.expect("documents");
    assert_eq!(documents.len(), chosen.len(), "no document twice");
    assert!(
        documents
            .iter()
            .all(|d| d.state != DocState::Received && d.state.is_final())
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.teardown().await;
}
