//! `spawn_app`: a fresh database, a fresh queue prefix and the four workers, in-process.

use std::collections::HashMap;
use std::time::Duration;

use lapin::options::{BasicAckOptions, BasicGetOptions, QueueDeleteOptions};
use mottak_pipeline::bus::{self, Publisher, Topology};
use mottak_pipeline::messages::{Channel, RawDocument};
use mottak_pipeline::store::{DocState, DocumentRow, Store};
use mottak_pipeline::worker::{self, StageKind};
use mottak_pipeline::{Settings, config::QueueType};
use sqlx::migrate::MigrateDatabase;
use tokio::sync::watch;

pub(crate) fn amqp_url() -> String {
    std::env::var("MOTTAK_TEST_AMQP_URL")
        .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

fn server_database_url() -> String {
    std::env::var("MOTTAK_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub(crate) struct TestApp {
    pub(crate) settings: Settings,
    pub(crate) store: Store,
    pub(crate) topology: Topology,
    pub(crate) connection: lapin::Connection,
    pub(crate) publisher: Publisher,
    shutdown: watch::Sender<bool>,
    workers: Vec<tokio::task::JoinHandle<()>>,
    /// Document id → ingested source name.
    pub(crate) ingested: HashMap<String, String>,
}

/// Settings for a fresh database and queue prefix; `amqp_url` may point at a proxy.
pub(crate) fn test_settings(amqp: &str) -> Settings {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    Settings {
        amqp_url: amqp.to_owned(),
        database_url: mottak_pipeline::store::with_database(
            &server_database_url(),
            &format!("mottak_test_{}", &tag[..12]),
        ),
        queue_prefix: format!("test-{}", &tag[..12]),
        queue_type: QueueType::Quorum,
        batch_wait_ms: 2,
        ..Settings::default()
    }
}

pub(crate) async fn spawn_app() -> TestApp {
    spawn_app_with(test_settings(&amqp_url())).await
}

pub(crate) async fn spawn_app_with(settings: Settings) -> TestApp {
    let store = Store::open(&settings.database_url, 2)
        .await
        .expect("test database");
    // The test's own connection goes straight to the broker, not through any proxy.
    let direct = Settings {
        amqp_url: amqp_url(),
        ..settings.clone()
    };
    let connection = bus::connect(&direct, "mottak-test")
        .await
        .expect("RabbitMQ");
    let channel = connection.create_channel().await.expect("channel");
    let topology = bus::declare_topology(&channel, &direct)
        .await
        .expect("topology");
    let publisher = Publisher::new(&connection, topology.clone())
        .await
        .expect("publisher");
    let (shutdown, _) = watch::channel(false);
    let mut app = TestApp {
        settings,
        store,
        topology,
        connection,
        publisher,
        shutdown,
        workers: Vec::new(),
        ingested: HashMap::new(),
    };
    app.start_workers();
    app
}

impl TestApp {
    pub(crate) fn start_workers(&mut self) {
        for kind in [
            StageKind::Receiver,
            StageKind::EmailIntake,
            StageKind::Validator,
            StageKind::Poster,
        ] {
            let settings = self.settings.clone();
            let mut stop = self.shutdown.subscribe();
            self.workers.push(tokio::spawn(async move {
                let shutdown = async move {
                    let _ = stop.wait_for(|stop| *stop).await;
                };
                if let Err(err) = worker::run(settings, kind, shutdown).await {
                    panic!("worker {} failed: {err}", kind.name());
                }
            }));
        }
    }

    /// Stop the workers (each finishes its batch in hand) and wait for them.
    pub(crate) async fn stop_workers(&mut self) {
        let _ = self.shutdown.send(true);
        for worker in self.workers.drain(..) {
            worker.await.expect("worker ended cleanly");
        }
        let (shutdown, _) = watch::channel(false);
        self.shutdown = shutdown;
    }

    pub(crate) fn raw(&self, path: &std::path::Path) -> RawDocument {
        let email = path.extension().is_some_and(|e| e == "eml");
        RawDocument {
            document_id: mottak_pipeline::new_document_id(),
            channel: if email { Channel::Email } else { Channel::Ehf },
            source_name: Some(path.display().to_string()),
            ingested_us: mottak_pipeline::now_us(),
            bytes: std::fs::read(path).expect("fixture readable"),
        }
    }

    /// Publish raw documents as `mottak ingest` does.
    pub(crate) async fn publish_raw(&mut self, docs: &[RawDocument]) {
        let envelopes: Vec<_> = docs
            .iter()
            .map(|d| bus::raw_document(&self.topology, d))
            .collect();
        self.publisher
            .publish_all(&envelopes)
            .await
            .expect("published");
        for d in docs {
            self.ingested.insert(
                d.document_id.clone(),
                d.source_name.clone().unwrap_or_default(),
            );
        }
    }

    pub(crate) async fn ingest(&mut self, paths: &[std::path::PathBuf]) -> Vec<String> {
        let docs: Vec<_> = paths.iter().map(|p| self.raw(p)).collect();
        self.publish_raw(&docs).await;
        docs.into_iter().map(|d| d.document_id).collect()
    }

    /// Wait until every given document is in a final state; their rows.
    pub(crate) async fn wait_until_settled(
        &self,
        ids: &[String],
        timeout: Duration,
    ) -> Vec<DocumentRow> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let rows = self.store.documents(None).await.expect("documents");
            let settled: Vec<DocumentRow> = rows
                .into_iter()
                .filter(|r| ids.contains(&r.id) && r.state.is_final())
                .collect();
            if settled.len() == ids.len() {
                return settled;
            }
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "only {} of {} documents settled within {timeout:?}",
                    settled.len(),
                    ids.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub(crate) async fn ledger_balance(&self) -> i64 {
        self.store.trial_balance().await.expect("balance")
    }

    /// Take every message off a queue: (message id, headers' document id, body).
    pub(crate) async fn drain(&self, queue: &str) -> Vec<(String, Option<String>, Vec<u8>)> {
        let channel = self.connection.create_channel().await.expect("channel");
        let mut out = Vec::new();
        while let Some(message) = channel
            .basic_get(queue.into(), BasicGetOptions::default())
            .await
            .expect("basic.get")
        {
            let props = &message.delivery.properties;
            let id = props
                .message_id()
                .as_ref()
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default();
            let document = bus::header_str(props, "x-mottak-document-id");
            out.push((id, document, message.delivery.data.clone()));
            message
                .delivery
                .acker
                .ack(BasicAckOptions::default())
                .await
                .expect("ack");
        }
        out
    }

    /// How many documents are posted so far.
    pub(crate) async fn posted(&self) -> i64 {
        self.states()
            .await
            .get(&DocState::Posted)
            .copied()
            .unwrap_or(0)
    }

    pub(crate) async fn states(&self) -> HashMap<DocState, i64> {
        self.store
            .counts()
            .await
            .expect("counts")
            .into_iter()
            .collect()
    }

    /// Stop everything and remove the test's queues and database.
    pub(crate) async fn teardown(mut self) {
        self.stop_workers().await;
        let channel = self.connection.create_channel().await.expect("channel");
        for queue in self.topology.all_queues() {
            let _ = channel
                .queue_delete(queue.into(), QueueDeleteOptions::default())
                .await;
        }
        for exchange in [self.topology.events(), self.topology.dlx()] {
            let _ = channel
                .exchange_delete(exchange.into(), Default::default())
                .await;
        }
        let _ = self.connection.close(200, "done".into()).await;
        self.store.close().await;
        let _ = sqlx::Any::force_drop_database(&self.settings.database_url).await;
    }
}
