//! The worker loop shared by the four worker binaries.
//!
//! Delivery contract (see ARCHITECTURE.md): a worker takes a batch of deliveries, applies
//! its stage to each inside ONE database transaction, commits, publishes what the stage
//! produced and waits for the broker's confirms, and only then acks the deliveries. A crash
//! anywhere before the ack means redelivery; every stage is idempotent, so a redelivery
//! changes nothing and only re-sends (with the same message ids).

use std::future::Future;
use std::time::Duration;

use futures_util::StreamExt;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicNackOptions};

use crate::bus::{self, Publisher};
use crate::config::Settings;
use crate::messages::{Channel, RawDocument, ToPost, ToValidate};
use crate::stages::{self, Context, Outgoing};
use crate::store::{Stage, Store, StoreError, Tx};

/// Which stage a worker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageKind {
    Receiver,
    EmailIntake,
    Validator,
    Poster,
}

impl StageKind {
    pub fn name(self) -> &'static str {
        match self {
            StageKind::Receiver => "ehf-receiver",
            StageKind::EmailIntake => "email-intake",
            StageKind::Validator => "validator",
            StageKind::Poster => "poster",
        }
    }
}

/// A delivery decoded into its stage's input.
enum Input {
    Raw(RawDocument),
    Validate(ToValidate),
    Post(ToPost),
}

impl Input {
    fn ingested_us(&self) -> i64 {
        match self {
            Input::Raw(m) => m.ingested_us,
            Input::Validate(m) => m.ingested_us,
            Input::Post(m) => m.ingested_us,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("broker: {0}")]
    Amqp(#[from] lapin::Error),
    #[error("publishing: {0}")]
    Publish(#[from] bus::PublishError),
    #[error("the broker connection was not restored within {STALL_LIMIT:?}")]
    Stalled,
    #[error(transparent)]
    Recovery(#[from] bus::RecoveryError),
    #[error("the broker cancelled the consumer")]
    ConsumerCancelled,
}

/// Run one stage until `shutdown` resolves (then finish the batch in hand and return).
///
/// lapin's automatic recovery restores the connection after most failures. Should it stall
/// (no connection for [`STALL_LIMIT`]) the worker drops the whole broker session and starts
/// a new one; deliveries in hand are returned by the broker and redelivered.
pub async fn run(
    settings: Settings,
    kind: StageKind,
    shutdown: impl Future<Output = ()>,
) -> Result<(), WorkerError> {
    let ctx = Context::from_settings(&settings)?;
    let store = Store::open(&settings.database_url, 4).await?;
    tokio::pin!(shutdown);
    loop {
        match session(&settings, &store, &ctx, kind, &mut shutdown).await {
            Ok(()) => break,
            Err(err) => {
                tracing::error!(worker = kind.name(), error = %err, "broker session lost; starting a new one");
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    }
    tracing::info!(worker = kind.name(), "shutting down");
    store.close().await;
    Ok(())
}

/// How long a worker tolerates a broker connection that lapin has not restored.
pub const STALL_LIMIT: Duration = Duration::from_secs(10);

/// One broker connection's life: consume, handle, until shutdown (`Ok`) or failure (`Err`).
async fn session(
    settings: &Settings,
    store: &Store,
    ctx: &Context,
    kind: StageKind,
    shutdown: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
) -> Result<(), WorkerError> {
    let connection = bus::connect(settings, &format!("mottak-{}", kind.name())).await?;
    let result = consume_loop(settings, store, ctx, kind, shutdown, &connection).await;
    match &result {
        Ok(()) => {
            let _ = tokio::time::timeout(
                Duration::from_secs(2),
                connection.close(200, "shutdown".into()),
            )
            .await;
        }
        Err(_) => bus::abandon(connection),
    }
    result
}

async fn consume_loop(
    settings: &Settings,
    store: &Store,
    ctx: &Context,
    kind: StageKind,
    shutdown: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
    connection: &lapin::Connection,
) -> Result<(), WorkerError> {
    let setup = connection.create_channel().await?;
    let topology = bus::declare_topology(&setup, settings).await?;
    let publisher = Publisher::new(connection, topology.clone()).await?;
    let queue = match kind {
        StageKind::Receiver => topology.ehf_inbound(),
        StageKind::EmailIntake => topology.email_inbound(),
        StageKind::Validator => topology.validate(),
        StageKind::Poster => topology.post(),
    };
    let (channel, mut consumer) =
        bus::consume(connection, &queue, settings.prefetch, kind.name()).await?;
    tracing::info!(worker = kind.name(), %queue, prefetch = settings.prefetch, batch = settings.batch_size, "consuming");

    let batch_wait = Duration::from_millis(settings.batch_wait_ms);
    let mut watchdog = tokio::time::interval(Duration::from_secs(1));
    let mut disconnected_since: Option<tokio::time::Instant> = None;
    loop {
        let first = tokio::select! {
            () = shutdown.as_mut() => {
                let _ = channel.close(200, "shutdown".into()).await;
                return Ok(());
            }
            _ = watchdog.tick() => {
                if connection.status().connected() {
                    disconnected_since = None;
                } else {
                    let since = *disconnected_since.get_or_insert_with(tokio::time::Instant::now);
                    if since.elapsed() > STALL_LIMIT {
                        return Err(WorkerError::Stalled);
                    }
                }
                continue;
            }
            next = consumer.next() => next,
        };
        let mut batch = Vec::with_capacity(settings.batch_size);
        match first {
            None => return Err(WorkerError::ConsumerCancelled),
            Some(Ok(delivery)) => batch.push(delivery),
            Some(Err(err)) => {
                tracing::warn!(error = %err, "consumer interrupted; waiting for recovery");
                bus::recover(&channel, Some(err)).await?;
                continue;
            }
        }
        let deadline = tokio::time::Instant::now() + batch_wait;
        while batch.len() < settings.batch_size {
            match tokio::time::timeout_at(deadline, consumer.next()).await {
                Ok(Some(Ok(delivery))) => batch.push(delivery),
                Ok(Some(Err(err))) => {
                    // The deliveries in hand died with their channel; they come again.
                    tracing::warn!(error = %err, "consumer interrupted; waiting for recovery");
                    bus::recover(&channel, Some(err)).await?;
                    batch.clear();
                    break;
                }
                Ok(None) | Err(_) => break,
            }
        }
        if !batch.is_empty() {
            handle_batch(store, ctx, &publisher, kind, batch).await?;
        }
    }
}

fn decode(kind: StageKind, delivery: &Delivery) -> Result<Input, String> {
    let props = &delivery.properties;
    let ingested_us =
        bus::header_i64(props, bus::HEADER_INGESTED_US).unwrap_or_else(stages::now_us);
    match kind {
        StageKind::Receiver | StageKind::EmailIntake => {
            // A publisher that gives no message id still gets exactly-once handling of
            // redeliveries: the id is then derived from the bytes.
            let document_id = props
                .message_id()
                .as_ref()
                .map(|id| id.as_str().to_owned())
                // Ids are stored as text: no control characters (PostgreSQL refuses NUL).
                .filter(|id| !id.is_empty() && id.len() <= 200 && !id.chars().any(char::is_control))
                .unwrap_or_else(|| crate::content_document_id(&delivery.data));
            Ok(Input::Raw(RawDocument {
                document_id,
                channel: if kind == StageKind::EmailIntake {
                    Channel::Email
                } else {
                    Channel::Ehf
                },
                source_name: bus::header_str(props, bus::HEADER_SOURCE),
                ingested_us,
                bytes: delivery.data.clone(),
            }))
        }
        StageKind::Validator => serde_json::from_slice(&delivery.data)
            .map(Input::Validate)
            .map_err(|e| e.to_string()),
        StageKind::Poster => serde_json::from_slice(&delivery.data)
            .map(Input::Post)
            .map_err(|e| e.to_string()),
    }
}

async fn apply(tx: &mut Tx<'_>, ctx: &Context, input: &Input) -> Result<Vec<Outgoing>, StoreError> {
    use futures_util::FutureExt;
    let stage = async {
        match input {
            Input::Raw(raw) if raw.channel == Channel::Email => {
                crate::intake::intake(tx, ctx, raw).await
            }
            Input::Raw(raw) => stages::receive(tx, ctx, raw).await,
            Input::Validate(msg) => stages::validate(tx, ctx, msg).await,
            Input::Post(msg) => stages::post(tx, ctx, msg).await,
        }
    };
    // A panic is a bug, but it must cost one document, not the worker and every delivery
    // it holds: it becomes a permanent failure of this message.
    match std::panic::AssertUnwindSafe(stage).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            Err(StoreError::Corrupt(format!("stage panicked: {what}")))
        }
    }
}

impl Input {
    fn document_id(&self) -> &str {
        match self {
            Input::Raw(m) => &m.document_id,
            Input::Validate(m) => &m.document_id,
            Input::Post(m) => &m.document_id,
        }
    }
}

/// After a permanent failure: give the document a visible end (set aside, with the reason),
/// best effort, in a transaction of its own.
async fn set_aside_after_failure(
    store: &Store,
    kind: StageKind,
    input: &Input,
    error: &StoreError,
) {
    let stage = match kind {
        StageKind::Receiver => Stage::Receiver,
        StageKind::EmailIntake => Stage::Intake,
        StageKind::Validator => Stage::Validator,
        StageKind::Poster => Stage::Poster,
    };
    let finding = stages::internal_failure(&error.to_string());
    let result = async {
        let mut transaction = store.begin().await?;
        let moved = Tx {
            conn: &mut transaction,
        }
        .set_aside_in_flight(input.document_id(), stage, &finding, stages::now_us())
        .await?;
        transaction.commit().await?;
        Ok::<bool, StoreError>(moved)
    }
    .await;
    if let Err(err) = result {
        tracing::error!(error = %err, document_id = input.document_id(), "could not set the failed document aside");
    }
}

/// Apply the stage to every input in one transaction.
async fn apply_all(
    store: &Store,
    ctx: &Context,
    inputs: &[&Input],
) -> Result<Vec<Vec<Outgoing>>, StoreError> {
    let mut transaction = store.begin().await?;
    let mut results = Vec::with_capacity(inputs.len());
    {
        let mut tx = Tx {
            conn: &mut transaction,
        };
        for input in inputs {
            results.push(apply(&mut tx, ctx, input).await?);
        }
    }
    transaction.commit().await?;
    Ok(results)
}

#[tracing::instrument(skip_all, fields(worker = kind.name(), n = batch.len()))]
async fn handle_batch(
    store: &Store,
    ctx: &Context,
    publisher: &Publisher,
    kind: StageKind,
    batch: Vec<Delivery>,
) -> Result<(), WorkerError> {
    let mut work = Vec::with_capacity(batch.len());
    for delivery in batch {
        match decode(kind, &delivery) {
            Ok(input) => work.push((delivery, input)),
            Err(problem) => {
                // Not ours to understand: park it on the dead-letter queue for an operator.
                tracing::error!(%problem, "undecodable message dead-lettered");
                let _ = delivery
                    .acker
                    .nack(BasicNackOptions {
                        requeue: false,
                        ..BasicNackOptions::default()
                    })
                    .await;
            }
        }
    }
    if work.is_empty() {
        return Ok(());
    }
    let inputs: Vec<&Input> = work.iter().map(|(_, input)| input).collect();
    let results = match with_retry(|| apply_all(store, ctx, &inputs)).await {
        Ok(results) => results.into_iter().map(Ok).collect::<Vec<_>>(),
        Err(err) => {
            // One bad message must not hold the others: retry them one by one.
            tracing::warn!(error = %err, "batch failed; retrying one message at a time");
            let mut results = Vec::with_capacity(inputs.len());
            for input in &inputs {
                results.push(
                    with_retry(|| apply_all(store, ctx, std::slice::from_ref(input)))
                        .await
                        .map(|mut r| r.pop().unwrap_or_default()),
                );
            }
            results
        }
    };
    let mut envelopes = Vec::new();
    for ((_, input), result) in work.iter().zip(&results) {
        if let Ok(outgoing) = result {
            envelopes.extend(publisher.envelopes(outgoing.clone(), input.ingested_us()));
        }
    }
    publisher.publish_all(&envelopes).await?;
    for ((delivery, input), result) in work.into_iter().zip(results) {
        if let Err(err) = &result {
            set_aside_after_failure(store, kind, &input, err).await;
        }
        let settled = match result {
            Ok(_) => {
                tokio::time::timeout(
                    bus::BROKER_TIMEOUT,
                    delivery.acker.ack(BasicAckOptions::default()),
                )
                .await
            }
            Err(err) => {
                tracing::error!(error = %err, "message failed repeatedly; dead-lettered for an operator");
                let nack = BasicNackOptions {
                    requeue: false,
                    ..BasicNackOptions::default()
                };
                tokio::time::timeout(bus::BROKER_TIMEOUT, delivery.acker.nack(nack)).await
            }
        };
        // A lost ack only means a redelivery, which the stages take in their stride.
        match settled {
            Ok(Ok(_)) => {}
            Ok(Err(err)) => {
                tracing::warn!(error = %err, "ack lost; the message will be redelivered")
            }
            Err(_) => tracing::warn!("ack timed out; the message will be redelivered"),
        }
    }
    Ok(())
}

/// Retry transient store errors (database restarting, connection lost) with backoff for as
/// long as they last; give up at once on errors the same input will meet again, and after a
/// few attempts on anything else.
async fn with_retry<T, F, Fut>(mut f: F) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut delay = Duration::from_millis(50);
    let mut attempts = 0;
    loop {
        attempts += 1;
        match f().await {
            Ok(value) => return Ok(value),
            Err(err) if err.is_transient() => {
                tracing::warn!(error = %err, ?delay, "store unavailable; retrying");
            }
            Err(err) if attempts >= 3 => return Err(err),
            Err(err) => tracing::warn!(error = %err, attempts, "store error; retrying"),
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
}
